#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, eqa_fuzz::Sample, f64)| {
    let (a, b, coverage) = input;
    let mut options = eqa::YoudenOptions::default();
    options.coverage = coverage;
    let inputs = [a.0.as_slice(), &b.0, &[coverage]].concat();
    eqa_fuzz::check_any(&inputs, eqa::youden(&a.0, &b.0, &options));
});
