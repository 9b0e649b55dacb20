#![no_main]

use eqa::plan::limits::{AcceptanceLimit, Boundary};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// A decimal from raw parts: any mantissa of 96 bits and any scale.
fn decimal(lo: u32, mid: u32, hi: u32, negative: bool, scale: u8) -> Decimal {
    Decimal::from_parts(lo, mid, hi, negative, u32::from(scale % 29))
}

// Judging never panics; inclusive accepts whatever exclusive accepts, and
// the deviation it reports is x − T.
fuzz_target!(
    |input: ([u32; 3], [u32; 3], [u32; 3], [bool; 3], [u8; 3], u8)| {
        let (a, b, c, negative, scale, kind) = input;
        let x = decimal(a[0], a[1], a[2], negative[0], scale[0]);
        let t = decimal(b[0], b[1], b[2], negative[1], scale[1]);
        let p = decimal(c[0], c[1], c[2], negative[2], scale[2]);
        let limit = match kind % 5 {
            0 => AcceptanceLimit::Percent { percent: p },
            1 => AcceptanceLimit::Absolute { absolute: p },
            2 => AcceptanceLimit::GreaterOf {
                absolute: p,
                percent: p,
            },
            3 => AcceptanceLimit::Piecewise {
                breakpoint: t.abs(),
                absolute: p,
                percent: p,
            },
            _ => AcceptanceLimit::SdMultiple { k: p },
        };
        let inclusive = limit.judge(x, t, Some(p.abs()), Boundary::Inclusive);
        let exclusive = limit.judge(x, t, Some(p.abs()), Boundary::Exclusive);
        match (inclusive, exclusive) {
            (Ok(i), Ok(e)) => {
                assert!(i.acceptable || !e.acceptable);
                assert_eq!(i.deviation, x - t);
            }
            (Err(i), Err(e)) => assert_eq!(i.code(), e.code()),
            (i, e) => panic!("boundaries disagree on failing: {i:?} {e:?}"),
        }
    }
);
