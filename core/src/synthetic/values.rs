//! The synthetic results: every laboratory's values in every round, as
//! submissions, with the incidents of the round applied.

use rust_decimal::Decimal;

use super::labs::{self, Lab, Population, lab_code};
use super::plan::{ANALYTES, CREA, GLU, Year, fixed};
use super::qualitative;
use super::{Incident, IncidentKind, Random, SAMPLES_PER_ROUND, SyntheticOptions};
use crate::plan::reported::Reported;
use crate::plan::timestamp::Timestamp;
use crate::results::model::{Enrollment, Results, SampleValue, Status, Submission};

const TAG_VALUES: u64 = 6;
const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// mg/dL of glucose per mmol/L.
const GLUCOSE_MG_DL: f64 = 18.016;
/// µmol/L of creatinine per mg/dL.
const CREATININE_UMOL_L: f64 = 88.4;

/// The values of one laboratory in one round: per analyte it performs, a
/// value per sample.
type Values = Vec<[Decimal; SAMPLES_PER_ROUND]>;

/// Every submission and enrolment, and every incident (the biased
/// laboratories' first).
pub(super) fn results(
    options: &SyntheticOptions,
    year: &Year,
    population: Population,
) -> (Results, Vec<Incident>) {
    let Population {
        groups,
        labs,
        mut incidents,
    } = population;
    let per_round: usize = labs.iter().map(|l| l.analytes.len()).sum();
    let mut out = Out {
        submissions: Vec::with_capacity(per_round * options.rounds * 21 / 20),
        row: 2,
    };
    for round in 0..options.rounds {
        let roles = labs::roles(options.seed, round, labs.len());
        for (l, (lab, role)) in labs.iter().zip(roles).enumerate() {
            let Some(group) = groups.get(lab.group) else {
                continue;
            };
            let mut random = Random::new(options.seed, &[TAG_VALUES, l as u64, round as u64]);
            let at = LabRound {
                year,
                group,
                lab,
                round,
            };
            let values = at.draw(&mut random);
            if let Some(incident) = at.submit(role, values, &mut random, &mut out) {
                incidents.push(incident);
            }
        }
    }
    let mut enrollments: Vec<Enrollment> = labs
        .iter()
        .map(|lab| Enrollment {
            lab: lab.code.clone(),
            program: year.program.clone(),
            analytes: lab
                .analytes
                .iter()
                .map(|&a| year.analytes[a].0.clone())
                .collect(),
            excused_rounds: Vec::new(),
        })
        .collect();
    // One more laboratory bought the whole program (an empty analyte list)
    // and sends nothing all year.
    let silent = lab_code(labs.len());
    enrollments.push(Enrollment {
        lab: silent.clone(),
        program: year.program.clone(),
        analytes: Vec::new(),
        excused_rounds: Vec::new(),
    });
    incidents.push(Incident {
        kind: IncidentKind::SilentEnrolment,
        lab: silent,
        round: None,
        analytes: Vec::new(),
        samples: Vec::new(),
        detail: "enrolled for the whole program, nothing sent".into(),
    });
    let codes: Vec<_> = labs.iter().map(|l| l.code.clone()).collect();
    let (words, enrolled, mistakes) = qualitative::results(options, year, &codes, &mut out.row);
    out.submissions.extend(words);
    enrollments.extend(enrolled);
    incidents.extend(mistakes);
    let results = Results {
        submissions: out.submissions,
        enrollments,
        given_targets: Vec::new(),
    };
    (results, incidents)
}

/// The submissions made so far and the next input row.
struct Out {
    submissions: Vec<Submission>,
    row: u32,
}

/// A laboratory in a round.
struct LabRound<'a> {
    year: &'a Year,
    group: &'a labs::Group,
    lab: &'a Lab,
    round: usize,
}

impl LabRound<'_> {
    /// The laboratory's values: truth × (1 + system and laboratory bias) ×
    /// (1 + its CV × a normal deviate), rounded to the analyte's decimals.
    fn draw(&self, random: &mut Random) -> Values {
        let truth = &self.year.truth[self.round];
        self.lab
            .analytes
            .iter()
            .map(|&a| {
                let spec = &ANALYTES[a];
                let bias = self.group.bias[a] + self.lab.bias[a];
                let shift = 1.0 + bias / 100.0;
                let sd = self.lab.precision * spec.cv / 100.0;
                let floor = 1.0 / libm::pow(10.0, f64::from(spec.decimals));
                let mut values = [Decimal::ZERO; SAMPLES_PER_ROUND];
                for (v, t) in values.iter_mut().zip(truth[a]) {
                    let x = t * shift * (1.0 + sd * random.normal());
                    *v = fixed(x.max(floor), spec.decimals);
                }
                values
            })
            .collect()
    }

    /// Submits the values as the role says, and describes the incident.
    fn submit(
        &self,
        role: Option<IncidentKind>,
        mut values: Values,
        random: &mut Random,
        out: &mut Out,
    ) -> Option<Incident> {
        let (_, opens, deadline) = &self.year.rounds[self.round];
        let on_time = opens.plus_seconds(DAY + minutes(random, 19 * DAY));
        let Some(kind) = role else {
            self.push(&values, Status::Submitted, on_time, 1, out);
            return None;
        };
        let mut incident = Incident {
            kind,
            lab: self.lab.code.clone(),
            round: Some(self.year.rounds[self.round].0.clone()),
            analytes: Vec::new(),
            samples: Vec::new(),
            detail: String::new(),
        };
        match kind {
            IncidentKind::NotReturned => incident.detail = "nothing submitted".into(),
            IncidentKind::DraftOnly => {
                self.push(&values, Status::Draft, on_time, 1, out);
                incident.detail = format!("saved {on_time}, never submitted");
            }
            IncidentKind::Resubmitted => {
                let first_at = opens.plus_seconds(DAY + minutes(random, 12 * DAY));
                let second_at = first_at.plus_seconds(HOUR + minutes(random, 5 * DAY));
                let mut first = values.clone();
                let detail = self.shift_one(&mut first, random, &mut incident);
                self.push(&first, Status::Submitted, first_at, 1, out);
                self.push(&values, Status::Submitted, second_at, 2, out);
                incident.detail = format!("version 1: {detail}; version 2 correct");
            }
            IncidentKind::Late => {
                let late = deadline.plus_seconds(HOUR + minutes(random, 71 * HOUR));
                self.push(&values, Status::Submitted, late, 1, out);
                incident.detail = format!("submitted {late}");
            }
            IncidentKind::GlucoseInMgDl | IncidentKind::CreatinineInMgDl => {
                incident.detail = self.convert(kind, &mut values, &mut incident);
                self.push(&values, Status::Submitted, on_time, 1, out);
            }
            IncidentKind::SwappedSamples => {
                let i = random.below(SAMPLES_PER_ROUND);
                let j = (i + 1 + random.below(SAMPLES_PER_ROUND - 1)) % SAMPLES_PER_ROUND;
                let (i, j) = (i.min(j), i.max(j));
                for v in &mut values {
                    v.swap(i, j);
                }
                let samples = &self.year.samples[self.round];
                incident.samples = vec![samples[i].clone(), samples[j].clone()];
                incident.detail = format!("samples {} and {} exchanged", samples[i], samples[j]);
                self.push(&values, Status::Submitted, on_time, 1, out);
            }
            IncidentKind::Transcription => {
                incident.detail = self.shift_one(&mut values, random, &mut incident);
                self.push(&values, Status::Submitted, on_time, 1, out);
            }
            _ => self.push(&values, Status::Submitted, on_time, 1, out),
        }
        Some(incident)
    }

    /// Glucose as mg/dL numbers (whole), or creatinine as mg/dL numbers
    /// (two decimals), under the plan's unit.
    fn convert(&self, kind: IncidentKind, values: &mut Values, incident: &mut Incident) -> String {
        let (a, factor, decimals) = if kind == IncidentKind::GlucoseInMgDl {
            (GLU, GLUCOSE_MG_DL, 0)
        } else {
            (CREA, 1.0 / CREATININE_UMOL_L, 2)
        };
        let Some(p) = self.lab.analytes.iter().position(|&x| x == a) else {
            return "analyte not performed".into();
        };
        let Some(v) = values.get_mut(p) else {
            return String::new();
        };
        let before = v[0];
        for x in v.iter_mut() {
            *x = fixed(crate::plan::reported::to_f64(*x) * factor, decimals);
        }
        let (code, unit) = &self.year.analytes[a];
        incident.analytes = vec![code.clone()];
        format!("{before} {unit} reported as {} (mg/dL)", v[0])
    }

    /// Shifts the decimal point of one graded value one place, and says how.
    fn shift_one(
        &self,
        values: &mut Values,
        random: &mut Random,
        incident: &mut Incident,
    ) -> String {
        let graded: Vec<usize> = (0..self.lab.analytes.len())
            .filter(|&p| ANALYTES[self.lab.analytes[p]].tea.is_some())
            .collect();
        let p = graded.get(random.below(graded.len())).copied().unwrap_or(0);
        let s = random.below(SAMPLES_PER_ROUND);
        let up = random.chance(0.5);
        let (Some(v), Some(&a)) = (values.get_mut(p), self.lab.analytes.get(p)) else {
            return String::new();
        };
        let before = v[s];
        v[s] = shift(before, up);
        incident.analytes = vec![self.year.analytes[a].0.clone()];
        incident.samples = vec![self.year.samples[self.round][s].clone()];
        format!("{before} → {}", v[s])
    }

    /// One submission per analyte, each value on the next row.
    fn push(&self, values: &Values, status: Status, at: Timestamp, version: u32, out: &mut Out) {
        let (round, _, _) = &self.year.rounds[self.round];
        let samples = &self.year.samples[self.round];
        let method = &self.group.methods;
        for (&a, v) in self.lab.analytes.iter().zip(values) {
            let (code, unit) = &self.year.analytes[a];
            let values = samples
                .iter()
                .zip(v)
                .map(|(sample, &x)| {
                    let row = out.row;
                    out.row = out.row.saturating_add(1);
                    SampleValue {
                        sample: sample.clone(),
                        value: Reported::number(x),
                        row,
                    }
                })
                .collect();
            out.submissions.push(Submission {
                lab: self.lab.code.clone(),
                program: self.year.program.clone(),
                round: round.clone(),
                analyte: code.clone(),
                unit: Some(self.lab.unit(unit)),
                instrument: Some(
                    (self.lab.instrument.clone()).unwrap_or_else(|| self.group.instrument.clone()),
                ),
                reagent: Some(self.group.reagent.clone()),
                calibrator: Some(self.group.calibrator.clone()),
                method: method.get(a).cloned(),
                status,
                submitted_at: Some(at),
                version,
                values,
            });
        }
    }
}

/// A whole number of minutes below `seconds`, in seconds.
fn minutes(random: &mut Random, seconds: i64) -> i64 {
    random.below((seconds / MINUTE).max(1) as usize) as i64 * MINUTE
}

/// The same digits with the decimal point one place to the right (`up`) or
/// to the left: 4.52 → 45.2 or 0.452; 45 → 450 or 4.5.
fn shift(value: Decimal, up: bool) -> Decimal {
    let mut shifted = value;
    let scale = value.scale();
    let done = match (up, scale) {
        (true, 0) => match value.checked_mul(Decimal::TEN) {
            Some(v) => {
                shifted = v;
                Ok(())
            }
            None => Err(()),
        },
        (true, s) => shifted.set_scale(s - 1).map_err(|_| ()),
        (false, s) => shifted.set_scale(s + 1).map_err(|_| ()),
    };
    if done.is_ok() { shifted } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifting_keeps_the_digits() {
        let d = |t: &str| t.parse::<Decimal>().unwrap();
        assert_eq!(shift(d("4.52"), true).to_string(), "45.2");
        assert_eq!(shift(d("4.52"), false).to_string(), "0.452");
        assert_eq!(shift(d("45"), true).to_string(), "450");
        assert_eq!(shift(d("45"), false).to_string(), "4.5");
    }

    #[test]
    fn glucose_and_creatinine_are_where_the_constants_say() {
        assert_eq!(ANALYTES[GLU].code, "GLU");
        assert_eq!(ANALYTES[CREA].code, "CREA");
    }
}
