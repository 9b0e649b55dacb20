#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, eqa_fuzz::Sample, u16)| {
    let (z, rounds, window) = input;
    eqa_fuzz::check_any(&z.0, eqa::score_bars(&z.0, &eqa::ClassificationRule::z()));
    let mut options = eqa::ScoreSeriesOptions::default();
    options.window = usize::from(window);
    let inputs = [rounds.0.as_slice(), &z.0].concat();
    eqa_fuzz::check_any(&inputs, eqa::score_series(&rounds.0, &z.0, &options));
});
