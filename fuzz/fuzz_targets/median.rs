#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|sample: eqa_fuzz::Sample| eqa_fuzz::check_number(&sample.0, eqa::median(&sample.0)));
