#![no_main]

use eqa_fuzz::{Sample, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Sample, f64)| {
    let (sample, p) = input;
    let result = eqa::quantile(&sample.0, p);
    if (0.0..=1.0).contains(&p) {
        check(
            &sample.0,
            result
                .as_ref()
                .map(std::slice::from_ref)
                .map_err(Clone::clone),
        );
    } else {
        assert_eq!(result.map_err(|e| e.code()), Err("invalid_parameter"));
    }
});
