#![no_main]

use eqa_fuzz::check_any;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (eqa_fuzz::Sample, [f64; 4])| {
    let (sample, [x_pt, sigma, u, big_u]) = input;
    let x = &sample.0;
    // The inputs of each call: the results, then its own parameters.
    let with = |params: &[f64]| [x.as_slice(), params].concat();
    check_any(&with(&[x_pt, sigma]), eqa::z_scores(x, x_pt, sigma));
    check_any(
        &with(&[x_pt, sigma, u]),
        eqa::z_prime_scores(x, x_pt, sigma, u),
    );
    check_any(&with(&[x_pt]), eqa::percent_deviations(x, x_pt));
    check_any(&with(&[x_pt, big_u]), eqa::pa_scores(x, x_pt, big_u));
    let u_x = vec![u; x.len()];
    let zeta_inputs = [x.as_slice(), &u_x, &[x_pt, sigma]].concat();
    check_any(&zeta_inputs, eqa::zeta_scores(x, &u_x, x_pt, sigma));
    if let Ok(z) = eqa::z_scores(x, x_pt, sigma) {
        check_any(&z, eqa::combined_z(&z, &eqa::CombinedOptions::default()));
    }
});
