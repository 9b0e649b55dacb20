#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, eqa_fuzz::Options)| {
    let (sample, options) = input;
    let result = eqa::algorithm_a(&sample.0, &options.algorithm_a());
    eqa_fuzz::check_estimate(&sample.0, options.max_iter, result);
});
