#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, Vec<u8>)| {
    let groups = eqa_fuzz::groups(&input.0.0, &input.1);
    let flat: Vec<f64> = groups.iter().flatten().copied().collect();
    eqa_fuzz::check_any(&flat, eqa::q_method_replicates(&groups));
});
