//! The counted submission of a slot: its metadata's id, an item for each
//! value of a sample the analyte is tested on (a second value of a sample
//! is a duplicate, a sample not tested is not in the plan), and one for
//! each sample it lacks.

use std::sync::Arc;

use super::{Entry, Layout, blank};
use crate::plan::UnitPolicy;
use crate::plan::peer_policy::GroupField;
use crate::plan::reported::{Reading, Reported, to_f64};
use crate::plan::units::{UnitConversion, UnitMatch, unit_match};
use crate::results::model::Submission;
use crate::scoring::items::{Item, Kind, NONE};
use crate::scoring::model::Reason;
use crate::scoring::setup::{AnalyteSetup, Vocabulary};

impl<'a> Layout<'a, '_> {
    /// The id of a counted submission's metadata.
    fn combo(&mut self, s: &'a Submission) -> u32 {
        let mut ids = [0u32; 5];
        for field in GroupField::ALL {
            if let Some(value) = s.group_field(field) {
                let name = self.aliases.name(field, value);
                ids[field.index()] = self.selection.fields[field.index()].id(name);
            }
        }
        if let Some((last, id)) = self.last_combo
            && last == ids
        {
            return id;
        }
        let next = u32::try_from(self.selection.combos.len()).unwrap_or(NONE);
        let id = *self.combo_ids.entry(ids).or_insert(next);
        if id == next {
            self.selection.combos.push(ids);
        }
        self.last_combo = Some((ids, id));
        id
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn counted(
        &mut self,
        lab: u32,
        lab_code: &Arc<str>,
        analyte: u32,
        s: &'a Submission,
        sub: u32,
        late: bool,
        excused: bool,
    ) {
        let setups = self.setups;
        let setup = &setups[analyte as usize];
        let combo = self.combo(s);
        self.seen.fill(false);
        let unit = unit_use(setup, s);
        let wrong_unit = matches!(unit, UnitUse::Wrong);
        let item = |sample: u32, value: u32, kind: Kind| Item {
            eval: NONE,
            lab,
            sub,
            value,
            combo,
            group: NONE,
            analyte,
            sample,
            kind,
            late,
            excused,
            converted: false,
        };
        for (j, v) in s.values.iter().enumerate() {
            let guess = setup.samples.get(j).copied();
            let (index, sample, ord, unknown) = self.sample_of(&v.sample, guess);
            let mut eval = blank(lab_code, &setup.code, sample, Some(&v.value), Some(v.row));
            let order = (None, ord, unknown, u64::from(v.row) + 1, sub);
            let tested = index.filter(|&i| setup.tested.get(i as usize).copied().unwrap_or(false));
            let Some(i) = tested else {
                eval.reason = Some(Reason::NotInPlan);
                self.emit(Entry {
                    order,
                    eval,
                    item: None,
                });
                continue;
            };
            if std::mem::replace(&mut self.seen[i as usize], true) {
                eval.reason = Some(Reason::Duplicate);
                self.emit(Entry {
                    order,
                    eval,
                    item: None,
                });
                continue;
            }
            let converted = match unit {
                UnitUse::Convert(from, conversion) if setup.quantitative => {
                    eval.value = v.value.as_number().and_then(|x| {
                        // Beyond the decimal range once converted: unreadable.
                        conversion.apply(x).ok().map(to_f64)
                    });
                    eval.converted_unit = Some(from.clone());
                    true
                }
                _ => false,
            };
            let vocabulary = &mut self.selection.vocabularies[analyte as usize];
            let kind = kind_of(
                setup.quantitative,
                wrong_unit,
                vocabulary,
                &v.value,
                eval.value,
            );
            let item = Item {
                converted,
                ..item(i, u32::try_from(j).unwrap_or(NONE), kind)
            };
            self.emit(Entry {
                order,
                eval,
                item: Some(item),
            });
        }
        for &i in &setup.samples {
            if self.seen[i as usize] {
                continue;
            }
            let code = self
                .sample_codes
                .get(i as usize)
                .cloned()
                .unwrap_or_else(|| Arc::from(""));
            let eval = blank(lab_code, &setup.code, code, None, None);
            let item = item(i, NONE, Kind::Missing);
            self.emit(Entry {
                order: (None, i, None, 0, sub),
                eval,
                item: Some(item),
            });
        }
    }
}

/// How a submission's unit is taken.
enum UnitUse<'s> {
    /// As the analyte's (the same unit, however spelled, or none given).
    AsIs,
    /// Converted from the submission's unit to the analyte's.
    Convert(&'s Arc<str>, UnitConversion),
    /// Another unit, unacceptable.
    Wrong,
}

/// How the unit of `s` is taken for the analyte of `setup`, under the
/// program's [`UnitPolicy`].
fn unit_use<'s>(setup: &'s AnalyteSetup<'_>, s: &'s Submission) -> UnitUse<'s> {
    let (Some(expected), Some(given)) = (setup.analyte.unit.as_deref(), s.unit.as_ref()) else {
        return UnitUse::AsIs;
    };
    match (unit_match(&setup.code, given, expected), setup.unit_policy) {
        (UnitMatch::Same, _) => UnitUse::AsIs,
        (UnitMatch::Convertible(conversion), UnitPolicy::Convert) => {
            UnitUse::Convert(given, conversion)
        }
        _ => UnitUse::Wrong,
    }
}

/// What a counted value is for an analyte (`number` is its reading as
/// `f64`, when it is a number).
fn kind_of(
    quantitative: bool,
    wrong_unit: bool,
    vocabulary: &mut Vocabulary,
    value: &Reported,
    number: Option<f64>,
) -> Kind {
    let reading = value.reading();
    if quantitative {
        return match (reading, number) {
            _ if wrong_unit => Kind::WrongUnit(number),
            (Reading::Number(_), Some(x)) => Kind::Number(x),
            (Reading::Below(_) | Reading::Above(_), _) => Kind::Censored,
            _ => Kind::Unreadable,
        };
    }
    if matches!(reading, Reading::Blank) {
        return Kind::Unreadable;
    }
    vocabulary
        .id(value.text())
        .map_or(Kind::OutOfVocabulary, Kind::Category)
}
