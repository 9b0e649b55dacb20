//! Scoring a whole round: `eqa::score_round` on round 1 of the synthetic
//! routine-chemistry program (30 analytes, 5 samples) for 300, 3,000 and
//! 12,000 laboratories. The last is national size: every laboratory
//! performs every analyte, 12,000 × 30 × 5 = 1.8 million values (fewer by
//! the round's non-returns and drafts, more by its resubmissions).
//!
//! `cargo bench -p eqa-benches --bench round` measures;
//! `cargo bench -p eqa-benches --bench round -- --test` runs each once.
//! The data are generated outside the timed loop. The target: the national
//! round in under one second on one core.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use eqa::synthetic::{PROGRAM, SyntheticOptions, synthetic_round};

/// Laboratories, and whether each performs every analyte.
const LABS: [(usize, bool); 3] = [(300, false), (3_000, false), (12_000, true)];

fn score_round(c: &mut Criterion) {
    let mut group = c.benchmark_group("score_round");
    for (labs, full_menu) in LABS {
        let options = SyntheticOptions {
            labs,
            seed: 2026,
            rounds: 1,
            full_menu,
        };
        let Ok(data) = synthetic_round(&options) else {
            continue;
        };
        let round = "2026-1";
        let values = data.results.value_count();
        if labs >= 3_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(if labs >= 12_000 { 20 } else { 12 }));
        }
        group.throughput(Throughput::Elements(values as u64));
        group.bench_with_input(BenchmarkId::from_parameter(labs), &data, |b, d| {
            b.iter(|| {
                eqa::score_round(
                    black_box(&d.plan),
                    &d.criteria,
                    black_box(&d.results),
                    PROGRAM,
                    round,
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, score_round);
criterion_main!(benches);
