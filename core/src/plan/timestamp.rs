//! Points in time: round openings, deadlines and submission times.
//!
//! A [`Timestamp`] is written as RFC 3339 text with an offset
//! (`2026-04-20T17:00:00+08:00`, `2026-04-20T09:00:00Z`); seconds may be
//! left out (`2026-04-20T17:00+08:00`) and a space may stand for the `T`.
//! A time without an offset is refused: a deadline in "local time" is
//! ambiguous between a provider and a laboratory in different zones.
//! Timestamps compare by the instant they denote, whatever their offsets.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// An instant, kept with the offset it was written in.
#[derive(Debug, Clone, Copy)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    seconds: i64,
    /// The offset east of UTC, in minutes, that the text was written in.
    offset_minutes: i16,
}

impl Timestamp {
    /// The instant `seconds` after 1970-01-01T00:00:00Z, written in UTC.
    pub fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp {
            seconds,
            offset_minutes: 0,
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.seconds
    }

    /// The same instant written with another offset east of UTC, in minutes
    /// (480 for China Standard Time).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] if the offset is beyond ±18 hours.
    pub fn with_offset(self, offset_minutes: i16) -> Result<Timestamp> {
        if offset_minutes.unsigned_abs() > 18 * 60 {
            return Err(Error::InvalidParameter {
                name: "offset_minutes",
                value: offset_minutes.to_string(),
                expected: "an offset within ±18 hours",
            });
        }
        Ok(Timestamp {
            seconds: self.seconds,
            offset_minutes,
        })
    }

    /// This instant moved by `seconds` (negative moves it back).
    pub fn plus_seconds(self, seconds: i64) -> Timestamp {
        Timestamp {
            seconds: self.seconds.saturating_add(seconds),
            offset_minutes: self.offset_minutes,
        }
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.seconds == other.seconds
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.seconds.cmp(&other.seconds)
    }
}

impl std::hash::Hash for Timestamp {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.seconds.hash(state);
    }
}

const EXPECTED: &str = "an RFC 3339 time with an offset, such as 2026-04-20T17:00:00+08:00";

fn refuse(text: &str) -> Error {
    Error::InvalidParameter {
        name: "timestamp",
        value: text.to_owned(),
        expected: EXPECTED,
    }
}

/// Days from 1970-01-01 to the given proleptic Gregorian date
/// (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Reads `width` ASCII digits at the start of `text`.
fn digits(text: &str, width: usize) -> Option<i64> {
    let part = text.get(..width)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

fn parse(text: &str) -> Option<Timestamp> {
    let t = text.trim();
    let year = digits(t, 4)?;
    let month = digits(t.get(5..)?, 2)?;
    let day = digits(t.get(8..)?, 2)?;
    if t.as_bytes().get(4) != Some(&b'-') || t.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if !matches!(t.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let rest = t.get(11..)?;
    let hour = digits(rest, 2)?;
    let minute = digits(rest.get(3..)?, 2)?;
    if rest.as_bytes().get(2) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = rest.get(5..)?;
    let mut second = 0;
    if rest.starts_with(':') {
        second = digits(rest.get(1..)?, 2)?;
        if second > 59 {
            return None;
        }
        rest = rest.get(3..)?;
        if let Some(fraction) = rest.strip_prefix('.') {
            let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 {
                return None;
            }
            rest = fraction.get(len..)?;
        }
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let hours = digits(rest.get(1..)?, 2)?;
            let minutes = digits(rest.get(4..)?, 2)?;
            if rest.len() != 6 || rest.as_bytes()[3] != b':' || hours > 18 || minutes > 59 {
                return None;
            }
            sign * (hours * 60 + minutes)
        }
    };
    let local = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    Some(Timestamp {
        seconds: local - offset_minutes * 60,
        offset_minutes: i16::try_from(offset_minutes).ok()?,
    })
}

impl FromStr for Timestamp {
    type Err = Error;

    /// # Examples
    ///
    /// ```
    /// use eqa::plan::timestamp::Timestamp;
    ///
    /// let deadline: Timestamp = "2026-04-20T17:00:00+08:00".parse()?;
    /// let utc: Timestamp = "2026-04-20T09:00:00Z".parse()?;
    /// assert_eq!(deadline, utc);
    /// assert_eq!(deadline.to_string(), "2026-04-20T17:00:00+08:00");
    /// assert!("2026-04-20 17:00".parse::<Timestamp>().is_err());
    /// # Ok::<(), eqa::Error>(())
    /// ```
    fn from_str(text: &str) -> Result<Timestamp> {
        parse(text).ok_or_else(|| refuse(text))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = i64::from(self.offset_minutes);
        let local = self.seconds + offset * 60;
        let (year, month, day) = civil_from_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )?;
        if offset == 0 {
            f.write_str("Z")
        } else {
            let sign = if offset < 0 { '-' } else { '+' };
            write!(f, "{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid timestamp {text:?}: expected {EXPECTED}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        for text in [
            "2026-04-20T17:00:00+08:00",
            "1969-12-31T23:59:59Z",
            "2024-02-29T00:00:00-05:30",
        ] {
            let t: Timestamp = text.parse().unwrap();
            assert_eq!(t.to_string(), text);
        }
        let t: Timestamp = "2026-04-20 17:00+08:00".parse().unwrap();
        assert_eq!(t.to_string(), "2026-04-20T17:00:00+08:00");
        assert_eq!(t.unix_seconds(), 1_776_675_600);
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        for text in [
            "",
            "2026-04-20",
            "2026-04-20T17:00",
            "2026-02-30T00:00Z",
            "2026-04-20T24:00Z",
            "2026-04-20T17:00+8",
            "2026-04-20T17:00:00.Z",
            "2026-04-20T17:00:00+08:00x",
        ] {
            assert!(text.parse::<Timestamp>().is_err(), "{text}");
        }
    }

    #[test]
    fn compares_instants_across_offsets() {
        let a: Timestamp = "2026-04-20T17:00:00+08:00".parse().unwrap();
        let b: Timestamp = "2026-04-20T09:00:01Z".parse().unwrap();
        assert!(a < b);
        assert_eq!(a.plus_seconds(1), b);
    }
}
