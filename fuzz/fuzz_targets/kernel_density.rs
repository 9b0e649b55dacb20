#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, u8, f64, u16)| {
    let (sample, rule, h, points) = input;
    let mut options = eqa::DensityOptions::default();
    options.bandwidth = match rule % 3 {
        0 => eqa::Bandwidth::Silverman,
        1 => eqa::Bandwidth::Scott,
        _ => eqa::Bandwidth::Given(h),
    };
    options.points = usize::from(points % 2048);
    let mut inputs = sample.0.clone();
    if rule % 3 == 2 {
        inputs.push(h);
    }
    eqa_fuzz::check_any(&inputs, eqa::kernel_density(&sample.0, &options));
});
