#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, Vec<u8>, f64)| {
    let (sample, sizes, sigma_pt) = input;
    let rows = eqa_fuzz::groups(&sample.0, &sizes);
    let mut inputs: Vec<f64> = rows.iter().flatten().copied().collect();
    inputs.push(sigma_pt);
    let result = eqa::homogeneity(&rows, sigma_pt, &eqa::HomogeneityOptions::default());
    eqa_fuzz::check_any(&inputs, result);
});
