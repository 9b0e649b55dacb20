#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, u16, eqa_fuzz::Options)| {
    let (sample, nu, o) = input;
    let a = o.algorithm_a();
    let mut options = eqa::AlgorithmSOptions::default();
    (
        options.stop,
        options.tol,
        options.max_iter,
        options.zero_scale,
    ) = (a.stop, a.tol, a.max_iter, a.zero_scale);
    eqa_fuzz::check_any(
        &sample.0,
        eqa::algorithm_s(&sample.0, u32::from(nu), &options),
    );
});
