#![no_main]

use eqa_fuzz::{Sample, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|sample: Sample| {
    let result = eqa::median(&sample.0);
    check(
        &sample.0,
        result
            .as_ref()
            .map(std::slice::from_ref)
            .map_err(Clone::clone),
    );
});
