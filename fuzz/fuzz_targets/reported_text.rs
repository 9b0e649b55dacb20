#![no_main]

use eqa::plan::reported::{Reading, Reported};
use eqa::plan::timestamp::Timestamp;
use libfuzzer_sys::fuzz_target;

// Reading a reported value or a time never panics; a number reads as a
// finite f64, and a time prints as text that reads back as the same instant.
fuzz_target!(|text: &str| {
    let value = Reported::new(text);
    assert_eq!(value.text(), text);
    if let Reading::Number(x) = value.reading() {
        assert!(value.as_f64().is_some_and(f64::is_finite), "{x}");
    }
    if let Ok(t) = text.parse::<Timestamp>() {
        let again: Timestamp = t.to_string().parse().expect("a printed time reads back");
        assert_eq!(again, t);
        assert_eq!(again.to_string(), t.to_string());
    }
});
