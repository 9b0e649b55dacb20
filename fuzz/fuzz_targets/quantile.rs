#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, f64)| {
    let (sample, p) = input;
    let result = eqa::quantile(&sample.0, p);
    if (0.0..=1.0).contains(&p) {
        eqa_fuzz::check_number(&sample.0, result);
    } else {
        assert_eq!(result.map_err(|e| e.code()), Err("invalid_parameter"));
    }
});
