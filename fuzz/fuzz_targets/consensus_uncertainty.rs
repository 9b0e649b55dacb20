#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (f64, usize)| {
    let (scale, p) = input;
    if let Ok(u) = eqa::consensus_uncertainty(scale, p) {
        assert!(u.is_finite() && u >= 0.0, "u = {u}");
    }
});
