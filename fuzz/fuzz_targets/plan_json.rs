#![no_main]

use libfuzzer_sys::fuzz_target;

// Any text either loads as a plan that saves and loads back equal, or is
// refused with an invalid_document error naming a path.
fuzz_target!(|text: &str| {
    match eqa::plan::Plan::from_json(text) {
        Ok(plan) => {
            let again = eqa::plan::Plan::from_json(&plan.to_json());
            assert_eq!(again.as_ref(), Ok(&plan));
        }
        Err(e) => assert_eq!(e.code(), "invalid_document"),
    }
});
