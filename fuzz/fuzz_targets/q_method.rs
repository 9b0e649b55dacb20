#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|sample: eqa_fuzz::Sample| eqa_fuzz::check_any(&sample.0, eqa::q_method(&sample.0)));
