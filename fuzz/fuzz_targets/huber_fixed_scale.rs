#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, eqa_fuzz::Options)| {
    let (sample, options) = input;
    let result = eqa::huber_fixed_scale(&sample.0, &options.huber());
    eqa_fuzz::check_estimate(&sample.0, options.max_iter, result);
});
