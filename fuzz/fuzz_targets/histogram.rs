#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, u8, f64, u16)| {
    let (sample, rule, width, count) = input;
    let bins = match rule % 5 {
        0 => eqa::Bins::Sturges,
        1 => eqa::Bins::Scott,
        2 => eqa::Bins::FreedmanDiaconis,
        3 => eqa::Bins::Width(width),
        _ => eqa::Bins::Count(usize::from(count)),
    };
    let result = eqa::histogram(&sample.0, bins);
    if let Ok(h) = &result {
        // Every value is counted exactly once.
        assert_eq!(h.counts.iter().sum::<usize>(), sample.0.len());
    }
    let mut inputs = sample.0.clone();
    if rule % 5 == 3 {
        inputs.push(width);
    }
    eqa_fuzz::check_any(&inputs, result);
});
