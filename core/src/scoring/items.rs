//! What selection hands to the later stages: the counted values ([`Item`]),
//! the enrolled (laboratory, analyte) pairs ([`Slot`]) and the evaluations in
//! output order ([`Selection`]).

use std::ops::Range;

use crate::scoring::intern::ArcInterner;
use crate::scoring::model::Evaluation;
use crate::scoring::setup::Vocabulary;

/// No index.
pub(crate) const NONE: u32 = u32::MAX;

/// What a counted value is, as far as judging goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// A number in the analyte's unit.
    Number(f64),
    /// A value reported in another unit (its number, if it is one).
    WrongUnit(Option<f64>),
    /// A censored number such as `<0.5`.
    Censored,
    /// Not a number where one is needed, or blank.
    Unreadable,
    /// A category, grade or name: its id in the analyte's vocabulary.
    Category(u32),
    /// A word outside the analyte's vocabulary.
    OutOfVocabulary,
    /// A sample the counted submission has no value for.
    Missing,
}

/// A counted value (or a missing sample of a counted submission).
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Its evaluation.
    pub(crate) eval: u32,
    /// The laboratory's id.
    pub(crate) lab: u32,
    /// The submission's index in the results.
    pub(crate) sub: u32,
    /// The value's index in the submission, [`NONE`] for a missing sample.
    pub(crate) value: u32,
    /// The id of the submission's metadata in [`Selection::combos`].
    pub(crate) combo: u32,
    /// The peer group whose target applies ([`NONE`] until grouped).
    pub(crate) group: u32,
    /// The analyte's index in the program.
    pub(crate) analyte: u32,
    /// The sample's index in the round.
    pub(crate) sample: u32,
    /// What it is.
    pub(crate) kind: Kind,
    /// Whether the submission was late.
    pub(crate) late: bool,
    /// Whether the laboratory is excused from the round.
    pub(crate) excused: bool,
    /// Whether the value was converted from the submission's unit to the
    /// analyte's.
    pub(crate) converted: bool,
}

/// What happened to an enrolled (laboratory, analyte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlotState {
    /// A submission counts.
    Counted {
        /// Whether it was late.
        late: bool,
    },
    /// Nothing counted was submitted.
    NotReturned,
    /// The laboratory is excused from the round.
    Excused,
}

/// An enrolled (laboratory, analyte) and its evaluations.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// The laboratory's id.
    pub(crate) lab: u32,
    /// The analyte's index in the program.
    pub(crate) analyte: u32,
    /// Its evaluations.
    pub(crate) evals: Range<usize>,
    /// What happened.
    pub(crate) state: SlotState,
}

/// The outcome of selection.
#[derive(Debug)]
pub(crate) struct Selection<'a> {
    /// Every evaluation in output order; counted ones still to be judged.
    pub(crate) evaluations: Vec<Evaluation>,
    /// The counted values, in evaluation order.
    pub(crate) items: Vec<Item>,
    /// The enrolled (laboratory, analyte) pairs in output order.
    pub(crate) slots: Vec<Slot>,
    /// The laboratories.
    pub(crate) labs: ArcInterner<'a>,
    /// The values of each metadata field, by [`GroupField::index`].
    pub(crate) fields: [ArcInterner<'a>; 5],
    /// The distinct metadata of counted submissions: field ids by
    /// [`GroupField::index`], 0 when missing.
    pub(crate) combos: Vec<[u32; 5]>,
    /// The vocabulary of each analyte.
    pub(crate) vocabularies: Vec<Vocabulary>,
}
