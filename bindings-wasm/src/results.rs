//! Results as they leave for JavaScript: plain objects with camelCase keys.

use eqa::{Constants, StartScale, StopRule};
use serde::Serialize;

/// A [`eqa::RobustEstimate`] as the plain object `RobustEstimate` of the
/// TypeScript declarations; numbers are copied bit for bit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RobustEstimate {
    location: f64,
    scale: f64,
    n: usize,
    iterations: u32,
    converged: bool,
    uncertainty: f64,
    constants: Constants,
    stop: StopRule,
    start_scale: StartScale,
}

impl From<&eqa::RobustEstimate> for RobustEstimate {
    fn from(r: &eqa::RobustEstimate) -> Self {
        RobustEstimate {
            location: r.location,
            scale: r.scale,
            n: r.n,
            iterations: r.iterations,
            converged: r.converged,
            uncertainty: r.uncertainty,
            constants: r.constants,
            stop: r.stop,
            start_scale: r.start_scale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eqa::{AlgorithmAOptions, HuberOptions, algorithm_a, huber_fixed_scale};

    #[test]
    fn keys_are_camel_case_and_names_are_the_cores() {
        let r = algorithm_a(&[1.0, 2.0, 3.0, 4.0, 10.0], &AlgorithmAOptions::default()).unwrap();
        let json = serde_json::to_value(RobustEstimate::from(&r)).unwrap();
        let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "constants",
                "converged",
                "iterations",
                "location",
                "n",
                "scale",
                "startScale",
                "stop",
                "uncertainty"
            ]
        );
        assert_eq!(json["constants"], r.constants.as_str());
        assert_eq!(json["stop"], r.stop.as_str());
        assert_eq!(json["startScale"], r.start_scale.as_str());
    }

    #[test]
    fn numbers_are_copied_bit_for_bit() {
        let options = HuberOptions {
            scale: Some(0.3),
            ..Default::default()
        };
        let r = huber_fixed_scale(&[0.1, 0.2, 0.35, 0.9], &options).unwrap();
        let dto = RobustEstimate::from(&r);
        assert_eq!(dto.location.to_bits(), r.location.to_bits());
        assert_eq!(dto.scale.to_bits(), r.scale.to_bits());
        assert_eq!(dto.uncertainty.to_bits(), r.uncertainty.to_bits());
        assert_eq!(
            (dto.n, dto.iterations, dto.converged),
            (r.n, r.iterations, r.converged)
        );
        assert_eq!(dto.start_scale, StartScale::Given);
    }
}
