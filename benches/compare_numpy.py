"""Times eqa.algorithm_a against a plain numpy Algorithm A on the same data.

The data: n draws of N(0, 1), 1 % of them replaced by draws of N(10, 1), from
a seeded numpy Generator. Both sides start from the median and MADe and stop
when |dx*| and |ds*| are at most tol * s* (eqa's stop="converged"). Prints the
median time of each over several runs and their ratio; exits with status 1
when the two results disagree beyond 1e-9 (relative to s*).

    python benches/compare_numpy.py            # n = 1,000,000, 7 runs each
    python benches/compare_numpy.py --quick    # small n, one run: a smoke test
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Callable, TypeVar

import numpy as np
import numpy.typing as npt

import eqa

T = TypeVar("T")
Array = npt.NDArray[np.float64]

TOL = 1e-10
AGREEMENT = 1e-9


def numpy_algorithm_a(x: Array, tol: float = TOL, max_iter: int = 1000) -> tuple[float, float, int]:
    """Textbook Algorithm A (ISO 13528:2022 C.3.1) in numpy: winsorise with
    np.clip, then mean and 1.134 * sample standard deviation, until both move
    by at most tol times the previous scale."""
    x_star = float(np.median(x))
    s_star = 1.483 * float(np.median(np.abs(x - x_star)))
    for iteration in range(1, max_iter + 1):
        delta = 1.5 * s_star
        w = np.clip(x, x_star - delta, x_star + delta)
        x_new = float(w.mean())
        s_new = 1.134 * float(w.std(ddof=1))
        done = abs(x_new - x_star) <= tol * s_star and abs(s_new - s_star) <= tol * s_star
        x_star, s_star = x_new, s_new
        if done:
            return x_star, s_star, iteration
    return x_star, s_star, max_iter


def contaminated_normal(n: int, seed: int) -> Array:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    outliers = rng.choice(n, size=n // 100, replace=False)
    x[outliers] = rng.normal(10.0, 1.0, size=outliers.size)
    return x


def timed(f: Callable[[], T], repeats: int) -> tuple[T, list[float]]:
    times = []
    result = f()  # warm-up, also the result compared
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return result, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1_000_000, help="number of values")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each")
    parser.add_argument("--seed", type=int, default=13528, help="seed of the numpy Generator")
    parser.add_argument("--quick", action="store_true", help="n = 10,000 and one run (CI smoke)")
    args = parser.parse_args()
    n, repeats = (10_000, 1) if args.quick else (args.n, args.repeat)
    if n < 100 or repeats < 1:
        parser.error("need --n >= 100 and --repeat >= 1")

    x = contaminated_normal(n, args.seed)
    r, eqa_times = timed(lambda: eqa.algorithm_a(x, stop="converged", tol=TOL), repeats)
    (loc, scale, iterations), np_times = timed(lambda: numpy_algorithm_a(x), repeats)

    eqa_ms = statistics.median(eqa_times) * 1e3
    np_ms = statistics.median(np_times) * 1e3
    print(f"Algorithm A, n = {n:,} (1 % outliers at +10 sd), stop = converged, tol = {TOL:g}, "
          f"median of {repeats} run(s)")
    print(f"  eqa    {eqa_ms:10.2f} ms   x* = {r.location:.15g}   s* = {r.scale:.15g}   "
          f"iterations = {r.iterations}")
    print(f"  numpy  {np_ms:10.2f} ms   x* = {loc:.15g}   s* = {scale:.15g}   "
          f"iterations = {iterations}")
    print(f"  numpy / eqa = {np_ms / eqa_ms:.1f}x")

    dx = abs(r.location - loc) / scale
    ds = abs(r.scale - scale) / scale
    print(f"  agreement: |dx*|/s* = {dx:.1e}, |ds*|/s* = {ds:.1e} (limit {AGREEMENT:g})")
    if not (r.converged and dx <= AGREEMENT and ds <= AGREEMENT):
        print("FAIL: eqa and numpy disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
