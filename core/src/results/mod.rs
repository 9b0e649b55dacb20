//! Results as laboratories submit them ([`Results`], [`Submission`]), their
//! loading from CSV and JSON with every bad row reported ([`load`]), and the
//! validation of a draft before it is sent ([`validation`]).

pub(crate) mod csv;
pub(crate) mod csv_reader;
pub mod encoding;
pub(crate) mod issues;
pub(crate) mod json;
pub mod load;
pub(crate) mod messages;
pub(crate) mod model;
pub mod validation;

pub use csv::{load_results_csv, load_results_csv_bytes, results_to_csv};
pub use json::{load_results_json, load_results_json_bytes};
pub use model::*;
