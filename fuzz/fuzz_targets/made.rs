#![no_main]

use eqa_fuzz::{Sample, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Sample, bool)| {
    let (sample, exact) = input;
    let constants = if exact {
        eqa::Constants::Exact
    } else {
        eqa::Constants::Iso
    };
    let result = eqa::made(&sample.0, constants);
    check(
        &sample.0,
        result
            .as_ref()
            .map(std::slice::from_ref)
            .map_err(Clone::clone),
    );
});
