#![no_main]

use eqa_fuzz::{Options, Sample, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Sample, Options)| {
    let (sample, options) = input;
    let result = eqa::huber_fixed_scale(&sample.0, &options.huber());
    let numbers = result.map(|r| {
        assert!(r.iterations <= u32::from(options.max_iter));
        assert_eq!(r.n, sample.0.len());
        vec![r.location, r.scale, r.uncertainty]
    });
    check(&sample.0, result_slice(&numbers));
});

fn result_slice(numbers: &eqa::Result<Vec<f64>>) -> eqa::Result<&[f64]> {
    numbers.as_ref().map(Vec::as_slice).map_err(Clone::clone)
}
