#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, f64, bool, eqa_fuzz::Options)| {
    let (sample, scale, iterated, o) = input;
    let a = o.algorithm_a();
    let mut options = eqa::HampelOptions::default();
    if iterated {
        options.method = eqa::HampelMethod::Iterative;
    }
    (options.stop, options.tol, options.max_iter) = (a.stop, a.tol, a.max_iter);
    let mut inputs = sample.0.clone();
    inputs.push(scale);
    eqa_fuzz::check_any(&inputs, eqa::hampel(&sample.0, scale, &options));
    eqa_fuzz::check_any(&sample.0, eqa::q_hampel(&sample.0, &options));
});
