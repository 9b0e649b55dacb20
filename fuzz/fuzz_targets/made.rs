#![no_main]

use eqa::Constants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, bool)| {
    let (sample, exact) = input;
    let constants = if exact {
        Constants::Exact
    } else {
        Constants::Iso
    };
    eqa_fuzz::check_number(&sample.0, eqa::made(&sample.0, constants));
});
