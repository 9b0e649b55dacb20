//! Q/Hampel (the Q method's s* and Hampel's finite-step x*), the Q method and
//! Qn alone, from 10 to 10,000 values.
//!
//! `cargo bench -p eqa-benches --bench q_hampel` measures;
//! `cargo bench -p eqa-benches --bench q_hampel -- --test` runs each once.
//! All three are O(p log p): no p² pairs are materialised.

mod fixture;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use eqa::{HampelOptions, QnEdition};

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn estimators(c: &mut Criterion) {
    let options = HampelOptions::default();
    for (name, run) in [
        (
            "q_hampel",
            &(|x: &[f64]| eqa::q_hampel(x, &options).map(|r| r.location))
                as &dyn Fn(&[f64]) -> eqa::Result<f64>,
        ),
        ("q_method", &|x: &[f64]| eqa::q_method(x).map(|r| r.scale)),
        ("qn", &|x: &[f64]| {
            eqa::qn(x, QnEdition::default()).map(|r| r.scale)
        }),
    ] {
        let mut group = c.benchmark_group(name);
        for n in SIZES {
            let data = fixture::contaminated_normal(n, 13_528);
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
