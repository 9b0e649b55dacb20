#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, bool)| {
    let edition = if input.1 {
        eqa::QnEdition::Iso2022
    } else {
        eqa::QnEdition::default()
    };
    eqa_fuzz::check_any(&input.0.0, eqa::qn(&input.0.0, edition));
});
