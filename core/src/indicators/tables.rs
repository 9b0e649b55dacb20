//! The indicator reports as CSV tables (see `crate::csv_text`; fields
//! quoted when they hold a comma, a quote or a line break; `\n` line ends).
//! An undefined value is an empty field.

use super::aggregate::ProviderReport;
use super::rates::HospitalIndicators;
use crate::csv_text::push_record;
use crate::names::named_choices;

/// The tables of a [`ProviderReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportTable {
    /// One row per hospital: each indicator's numerator, denominator and
    /// value.
    Hospitals,
    /// One row per group and indicator: n, min, quartiles, max, mean.
    Distributions,
    /// One row per group and failed item.
    FailedItems,
}

named_choices!(ReportTable, option "table",
    expected "\"hospitals\", \"distributions\" or \"failed_items\"" {
    Hospitals => "hospitals",
    Distributions => "distributions",
    FailedItems => "failed_items",
});

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl HospitalIndicators {
    /// The hospital's items as CSV: one row per item with its flags, status,
    /// the programs and laboratories covering it and its alternative
    /// assessment.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::indicators::*;
    ///
    /// let hospital = Hospital::from_json(r#"{"code": "H1", "level": "secondary", "year": 2025,
    ///   "laboratories": [{"performed": ["01.01.001"]}]}"#)?;
    /// let r = hospital_indicators(&Catalogue::sample()?, &Mapping::sample()?, &hospital, &[],
    ///     &ProviderScope::NationalOrProvincial, &IndicatorPolicies::default())?;
    /// let csv = r.items_csv();
    /// assert_eq!(csv.lines().nth(1), Some("01.01.001,血红蛋白测定,true,true,true,false,not_participated,not_participated,,,"));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn items_csv(&self) -> String {
        let mut out = String::new();
        push_record(
            &mut out,
            &[
                "item",
                "name",
                "performed",
                "offered",
                "offered_anywhere",
                "participated",
                "status",
                "national_status",
                "coverages",
                "alternative_events",
                "alternative_meets_rule",
            ]
            .map(String::from),
        );
        for i in &self.items {
            let coverages: Vec<String> = i
                .coverages
                .iter()
                .map(|c| {
                    format!(
                        "{}/{}/{}@{}:{}",
                        c.provider, c.program, c.analyte, c.lab, c.verdict
                    )
                })
                .collect();
            push_record(
                &mut out,
                &[
                    i.item.clone(),
                    i.name.clone().unwrap_or_default(),
                    i.performed.to_string(),
                    i.offered.to_string(),
                    i.offered_anywhere.to_string(),
                    i.participated.to_string(),
                    i.status.to_string(),
                    i.national_status.to_string(),
                    coverages.join("; "),
                    i.alternative
                        .as_ref()
                        .map(|a| a.events_in_year.to_string())
                        .unwrap_or_default(),
                    i.alternative
                        .as_ref()
                        .map(|a| a.meets_rule.to_string())
                        .unwrap_or_default(),
                ],
            );
        }
        out
    }
}

impl ProviderReport {
    /// One of the report's tables as CSV.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::indicators::*;
    ///
    /// let report = provider_indicators(&Catalogue::sample()?, &Mapping::sample()?, &[], &[],
    ///     &ProviderScope::National, &IndicatorPolicies::default())?;
    /// let csv = report.to_csv(ReportTable::Distributions);
    /// assert!(csv.starts_with("group,indicator,n,undefined,min,q1,median,q3,max,mean\n"));
    /// assert_eq!(csv.lines().nth(1), Some("all,participation_rate,0,0,,,,,,"));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn to_csv(&self, table: ReportTable) -> String {
        let mut out = String::new();
        match table {
            ReportTable::Hospitals => {
                let mut header: Vec<String> = ["hospital", "name", "level", "year"]
                    .map(String::from)
                    .into();
                for kind in super::rates::IndicatorKind::ALL {
                    for part in ["numerator", "denominator", "value"] {
                        header.push(format!("{kind}_{part}"));
                    }
                }
                push_record(&mut out, &header);
                for h in &self.hospitals {
                    let mut row = vec![
                        h.hospital.clone(),
                        h.name.clone(),
                        h.level.to_string(),
                        h.year.to_string(),
                    ];
                    for i in h.indicators() {
                        row.extend([
                            i.numerator.to_string(),
                            i.denominator.to_string(),
                            number(i.value),
                        ]);
                    }
                    push_record(&mut out, &row);
                }
            }
            ReportTable::Distributions => {
                let header = [
                    "group",
                    "indicator",
                    "n",
                    "undefined",
                    "min",
                    "q1",
                    "median",
                    "q3",
                    "max",
                    "mean",
                ];
                push_record(&mut out, &header.map(String::from));
                for g in &self.groups {
                    for d in &g.distributions {
                        push_record(
                            &mut out,
                            &[
                                g.group.as_str().to_owned(),
                                d.indicator.to_string(),
                                d.n.to_string(),
                                d.undefined.len().to_string(),
                                number(d.min),
                                number(d.q1),
                                number(d.median),
                                number(d.q3),
                                number(d.max),
                                number(d.mean),
                            ],
                        );
                    }
                }
            }
            ReportTable::FailedItems => {
                let header = [
                    "group",
                    "item",
                    "name",
                    "failed",
                    "evaluated",
                    "percent",
                    "hospitals",
                ];
                push_record(&mut out, &header.map(String::from));
                for g in &self.groups {
                    for f in &g.failed_items {
                        push_record(
                            &mut out,
                            &[
                                g.group.as_str().to_owned(),
                                f.item.clone(),
                                f.name.clone().unwrap_or_default(),
                                f.failed.to_string(),
                                f.evaluated.to_string(),
                                f.percent.to_string(),
                                f.hospitals.join(";"),
                            ],
                        );
                    }
                }
            }
        }
        out
    }
}
