//! Median, MADe, nIQR and Algorithm A from 10 to 1,000,000 values.
//!
//! `cargo bench -p eqa-benches` measures; `cargo bench -p eqa-benches -- --test`
//! runs each benchmark once. The target: Algorithm A, converged to 1e-10,
//! on 1,000,000 contaminated normal values, in at most 15 ms on one core.

mod fixture;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use eqa::{AlgorithmAOptions, Constants, StopRule};

const SIZES: [usize; 6] = [10, 100, 1_000, 10_000, 100_000, 1_000_000];

fn estimators(c: &mut Criterion) {
    let converged = AlgorithmAOptions {
        stop: StopRule::Converged,
        tol: 1e-10,
        ..Default::default()
    };
    let iso = AlgorithmAOptions::default();
    for (name, run) in [
        (
            "median",
            &(|x: &[f64]| eqa::median(x)) as &dyn Fn(&[f64]) -> eqa::Result<f64>,
        ),
        ("made", &|x: &[f64]| eqa::made(x, Constants::Iso)),
        ("niqr", &|x: &[f64]| eqa::niqr(x)),
        ("algorithm_a_converged", &|x: &[f64]| {
            eqa::algorithm_a(x, &converged).map(|r| r.location)
        }),
        ("algorithm_a_iso2022", &|x: &[f64]| {
            eqa::algorithm_a(x, &iso).map(|r| r.location)
        }),
    ] {
        let mut group = c.benchmark_group(name);
        for n in SIZES {
            let data = fixture::contaminated_normal(n, 13_528);
            if n >= 100_000 {
                group.sample_size(20);
            }
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &data, |b, x| {
                b.iter(|| run(black_box(x)));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, estimators);
criterion_main!(benches);
