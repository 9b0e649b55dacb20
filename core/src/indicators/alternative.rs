//! Alternative assessment (替代评价) of items without an EQA program:
//! split-sample or inter-laboratory comparison, method re-evaluation and the
//! like (2025 indicator CL-11, domain §6.4).

use serde::{Deserialize, Serialize};

use super::policy::AlternativeRule;
use crate::names::named_choices;

/// How an item without EQA was assessed (the methods CL-11 names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlternativeMethod {
    /// 分割样品比对: split samples measured by another laboratory.
    SplitSample,
    /// 实验室间比对: comparison among laboratories.
    InterLaboratoryComparison,
    /// 重新评价验证方法: re-evaluation of the validated method.
    MethodReevaluation,
    /// 替代微生物验证方法: alternative microbiological verification.
    AlternativeMicrobiology,
    /// Any other method.
    Other,
}

named_choices!(AlternativeMethod, option "method",
    expected "\"split_sample\", \"inter_laboratory_comparison\", \"method_reevaluation\", \"alternative_microbiology\" or \"other\"" {
    SplitSample => "split_sample",
    InterLaboratoryComparison => "inter_laboratory_comparison",
    MethodReevaluation => "method_reevaluation",
    AlternativeMicrobiology => "alternative_microbiology",
    Other => "other",
});

/// One alternative-assessment event of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeAssessment {
    /// The catalogue item's code.
    pub item: String,
    /// The laboratory that did it, by name.
    #[serde(default)]
    pub laboratory: String,
    /// How.
    pub method: AlternativeMethod,
    /// When, as `YYYY-MM-DD`.
    pub date: String,
    /// Samples compared.
    pub samples: u32,
    /// Samples whose results agreed within the criterion.
    pub agreeing: u32,
    /// Remarks, such as the comparison laboratory.
    #[serde(default)]
    pub note: String,
}

/// One event as counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlternativeEvent {
    /// Its index in the hospital's `alternative` list.
    pub index: usize,
    /// Its date as given.
    pub date: String,
    /// Samples.
    pub samples: u32,
    /// Agreeing samples.
    pub agreeing: u32,
    /// 100·agreeing/samples; `None` for no samples.
    pub agreement: Option<f64>,
    /// Whether its date is a valid date in the hospital's year.
    pub in_year: bool,
    /// Whether it has enough samples and agreement.
    pub acceptable: bool,
}

/// An item's alternative assessment over a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlternativeSummary {
    /// Every record of the item, in the hospital's order.
    pub events: Vec<AlternativeEvent>,
    /// Events dated in the year.
    pub events_in_year: usize,
    /// Whether at least one event is dated in the year (the item used
    /// alternative assessment).
    pub used: bool,
    /// Whether the events in the year meet the rule: at least `min_events`
    /// of them, every one acceptable.
    pub meets_rule: bool,
}

/// The year of a `YYYY-MM-DD` date, if it is a valid calendar date.
///
/// # Examples
///
/// ```
/// use eqa::indicators::date_year;
///
/// assert_eq!(date_year("2024-02-29"), Some(2024));
/// assert_eq!(date_year("2025-02-29"), None);
/// assert_eq!(date_year("2025-4-1"), None);
/// ```
pub fn date_year(date: &str) -> Option<i32> {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        part.iter()
            .try_fold(0u32, |n, d| Some(n * 10 + u32::from(d - b'0')))
    };
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(year as i32)
}

/// Summarises the alternative assessments of one item in a year.
///
/// `records` are the hospital's records of the item with their indices in
/// its `alternative` list.
pub fn summarise<'a>(
    records: impl IntoIterator<Item = (usize, &'a AlternativeAssessment)>,
    year: i32,
    rule: &AlternativeRule,
) -> AlternativeSummary {
    let events: Vec<AlternativeEvent> = records
        .into_iter()
        .map(|(index, r)| AlternativeEvent {
            index,
            date: r.date.clone(),
            samples: r.samples,
            agreeing: r.agreeing,
            agreement: (r.samples > 0)
                .then(|| 100.0 * f64::from(r.agreeing) / f64::from(r.samples)),
            in_year: date_year(&r.date) == Some(year),
            acceptable: r.samples >= rule.min_samples && rule.agrees(r.samples, r.agreeing),
        })
        .collect();
    let in_year: Vec<&AlternativeEvent> = events.iter().filter(|e| e.in_year).collect();
    let enough = u32::try_from(in_year.len()).unwrap_or(u32::MAX) >= rule.min_events;
    AlternativeSummary {
        events_in_year: in_year.len(),
        used: !in_year.is_empty(),
        meets_rule: enough && in_year.iter().all(|e| e.acceptable),
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(date: &str, samples: u32, agreeing: u32) -> AlternativeAssessment {
        AlternativeAssessment {
            item: "01.02.001".into(),
            laboratory: String::new(),
            method: AlternativeMethod::InterLaboratoryComparison,
            date: date.into(),
            samples,
            agreeing,
            note: String::new(),
        }
    }

    #[test]
    fn two_acceptable_events_meet_the_rule() {
        let records = [record("2025-04-10", 5, 5), record("2025-10-15", 5, 4)];
        let s = summarise(
            records.iter().enumerate(),
            2025,
            &AlternativeRule::default(),
        );
        assert!(s.used && s.meets_rule);
        assert_eq!(s.events[1].agreement, Some(80.0));
    }

    #[test]
    fn one_event_or_a_poor_one_does_not() {
        let rule = AlternativeRule::default();
        let one = [record("2025-06-01", 5, 5)];
        assert!(!summarise(one.iter().enumerate(), 2025, &rule).meets_rule);
        let poor = [record("2025-04-10", 5, 5), record("2025-10-15", 5, 3)];
        assert!(!summarise(poor.iter().enumerate(), 2025, &rule).meets_rule);
        let few = [record("2025-04-10", 4, 4), record("2025-10-15", 5, 5)];
        assert!(!summarise(few.iter().enumerate(), 2025, &rule).meets_rule);
        let other_year = [record("2024-04-10", 5, 5), record("2025-10-15", 5, 5)];
        let s = summarise(other_year.iter().enumerate(), 2025, &rule);
        assert!(s.used && !s.meets_rule && s.events_in_year == 1);
    }

    #[test]
    fn dates() {
        assert_eq!(date_year("2000-02-29"), Some(2000));
        assert_eq!(date_year("1900-02-29"), None);
        assert_eq!(date_year("2025-13-01"), None);
        assert_eq!(date_year("2025-12-31"), Some(2025));
        assert_eq!(date_year("2025-12-00"), None);
        assert_eq!(date_year("２０２５-01-01"), None);
    }
}
