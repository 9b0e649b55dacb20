//! The assigned value x_pt, its standard uncertainty u(x_pt) and where it
//! came from (ISO 13528:2022 clause 7).

use serde::{Deserialize, Serialize};

use crate::names::named_choices;
use crate::stats::location::{mean_of, median};
use crate::stats::parameter::{finite_parameter, non_negative, positive};
use crate::stats::robust::algorithm_a::{AlgorithmAOptions, algorithm_a};
use crate::stats::robust::estimate::consensus_uncertainty;
use crate::stats::sample::{check, finite};
use crate::stats::scale::{made, niqr, standard_deviation_of};

/// Where an assigned value came from: the subclauses of ISO 13528:2022 clause 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignedValueProvenance {
    /// Formulation: the known composition of the item (7.3).
    Formulation,
    /// The certified value of a certified reference material (7.4).
    CertifiedReferenceValue,
    /// A reference laboratory's value, possibly by comparison with a CRM (7.5).
    ReferenceLaboratory,
    /// The consensus of expert laboratories (7.6).
    ExpertConsensus,
    /// The consensus of the participants (7.7).
    ParticipantConsensus,
}

named_choices!(AssignedValueProvenance, option "provenance", expected "\"formulation\", \"certified_reference_value\", \"reference_laboratory\", \"expert_consensus\" or \"participant_consensus\"" {
    Formulation => "formulation",
    CertifiedReferenceValue => "certified_reference_value",
    ReferenceLaboratory => "reference_laboratory",
    ExpertConsensus => "expert_consensus",
    ParticipantConsensus => "participant_consensus",
});

/// The estimator of a consensus value (7.6, 7.7) and of the scale behind its
/// uncertainty. More robust estimators may join in later releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConsensusEstimator {
    /// Algorithm A (C.3.1): x* and s*; u(x_pt) = 1.25·s*/√p.
    #[default]
    AlgorithmA,
    /// The median (C.2.1) with nIQR (C.2.3) as scale; u(x_pt) = 1.25·nIQR/√p
    /// (as ISO 13528:2022 Table E.5 prints it).
    MedianNiqr,
    /// The median with MADe (C.2.2) as scale; u(x_pt) = 1.25·MADe/√p.
    MedianMade,
    /// The arithmetic mean and standard deviation; u(x_pt) = s/√p
    /// (not robust: for data known to be free of outliers).
    Mean,
}

named_choices!(ConsensusEstimator, option "estimator", expected "\"algorithm_a\", \"median_niqr\", \"median_made\" or \"mean\"" {
    AlgorithmA => "algorithm_a",
    MedianNiqr => "median_niqr",
    MedianMade => "median_made",
    Mean => "mean",
});

/// The choices of a consensus value; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsensusOptions {
    /// The estimator (default [`ConsensusEstimator::AlgorithmA`]).
    pub estimator: ConsensusEstimator,
    /// The options of Algorithm A (default [`AlgorithmAOptions::default`]);
    /// its `constants` are also the MADe factor of
    /// [`ConsensusEstimator::MedianMade`].
    pub algorithm_a: AlgorithmAOptions,
}

/// An assigned value x_pt with its standard uncertainty and its provenance
/// (ISO 13528:2022 clause 7).
///
/// Built by one constructor per provenance; [`AssignedValue::with_contributions`]
/// adds u_hom and u_stab. The fields that do not apply to a provenance are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssignedValue {
    /// The assigned value x_pt.
    pub x_pt: f64,
    /// u(x_pt) = √(u_char² + u_hom² + u_stab²) (7.2.2, Formula (3)).
    #[doc(alias = "u(x_pt)")]
    pub u_x_pt: f64,
    /// u_char, the standard uncertainty of the characterisation.
    pub u_char: f64,
    /// u_hom, from the homogeneity check (0 unless added).
    pub u_hom: f64,
    /// u_stab, from the stability checks (0 unless added).
    pub u_stab: f64,
    /// Where the value came from.
    pub provenance: AssignedValueProvenance,
    /// The consensus estimator (7.6, 7.7).
    pub estimator: Option<ConsensusEstimator>,
    /// The scale of a consensus (s*, nIQR, MADe or s), or the standard
    /// deviation of the differences of a CRM comparison.
    pub scale: Option<f64>,
    /// The number of results of a consensus, or of differences of a CRM comparison.
    pub p: Option<usize>,
    /// The expanded uncertainty U of a certified value (7.4).
    pub expanded_uncertainty: Option<f64>,
    /// The coverage factor k of a certified value (7.4).
    pub coverage_factor: Option<f64>,
    /// The CRM's certified value x_CRM of a comparison (7.5.2).
    pub reference_value: Option<f64>,
    /// The CRM's standard uncertainty u(x_CRM) of a comparison (7.5.2).
    pub u_reference: Option<f64>,
    /// The mean difference d̄ (item − CRM) of a comparison (7.5.2).
    pub mean_difference: Option<f64>,
    /// u(d̄) = s_d/√p of a comparison (7.5.2).
    pub u_difference: Option<f64>,
}

impl AssignedValue {
    fn new(x_pt: f64, u_char: f64, provenance: AssignedValueProvenance) -> AssignedValue {
        AssignedValue {
            x_pt,
            u_x_pt: u_char,
            u_char,
            u_hom: 0.0,
            u_stab: 0.0,
            provenance,
            estimator: None,
            scale: None,
            p: None,
            expanded_uncertainty: None,
            coverage_factor: None,
            reference_value: None,
            u_reference: None,
            mean_difference: None,
            u_difference: None,
        }
    }

    /// The assigned value from formulation (ISO 13528:2022 7.3): the known
    /// composition of the item, with the standard uncertainty of its preparation.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidParameter`] for a non-finite `x_pt` or an
    /// uncertainty that is negative or not finite.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = eqa::AssignedValue::formulation(5.0, 0.02)?;
    /// assert_eq!((a.x_pt, a.u_x_pt, a.provenance.as_str()), (5.0, 0.02, "formulation"));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn formulation(x_pt: f64, u: f64) -> crate::Result<AssignedValue> {
        let x_pt = finite_parameter("x_pt", x_pt)?;
        let u = non_negative("u", u)?;
        Ok(AssignedValue::new(
            x_pt,
            u,
            AssignedValueProvenance::Formulation,
        ))
    }

    /// The certified value of a certified reference material (ISO 13528:2022
    /// 7.4), from its expanded uncertainty U and coverage factor k.
    ///
    /// # Formula
    ///
    /// u(x_pt) = U / k.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidParameter`] for a non-finite value, a negative
    /// or non-finite U, or a k that is not positive and finite.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = eqa::AssignedValue::certified(21.62, 0.52, 2.0)?;
    /// assert_eq!(a.u_x_pt, 0.26);
    /// assert_eq!(a.coverage_factor, Some(2.0));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    #[doc(alias = "x_CRM")]
    pub fn certified(
        value: f64,
        expanded_uncertainty: f64,
        k: f64,
    ) -> crate::Result<AssignedValue> {
        let value = finite_parameter("value", value)?;
        let big_u = non_negative("expanded_uncertainty", expanded_uncertainty)?;
        let k = positive("k", k)?;
        let u = finite(big_u / k, "u(x_pt)")?;
        let mut a = AssignedValue::new(value, u, AssignedValueProvenance::CertifiedReferenceValue);
        a.expanded_uncertainty = Some(big_u);
        a.coverage_factor = Some(k);
        Ok(a)
    }

    /// The value of a reference laboratory (ISO 13528:2022 7.5), with the
    /// standard uncertainty the laboratory states.
    ///
    /// # Errors
    ///
    /// As [`AssignedValue::formulation`].
    ///
    /// # Examples
    ///
    /// ```
    /// let a = eqa::AssignedValue::reference_laboratory(0.044, 0.0041)?;
    /// assert_eq!(a.provenance, eqa::AssignedValueProvenance::ReferenceLaboratory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn reference_laboratory(x_pt: f64, u: f64) -> crate::Result<AssignedValue> {
        let mut a = AssignedValue::formulation(x_pt, u)?;
        a.provenance = AssignedValueProvenance::ReferenceLaboratory;
        Ok(a)
    }

    /// The value of a reference laboratory that measured the items against a
    /// certified reference material (ISO 13528:2022 7.5.2, Formulae (4), (5)).
    ///
    /// `differences` are d_i, the result on item i minus the result on the
    /// CRM, measured together.
    ///
    /// # Formula
    ///
    /// x_pt = x_CRM + d̄; u(d̄) = s_d/√p; u(x_pt) = √(u²(x_CRM) + u²(d̄)).
    ///
    /// # Errors
    ///
    /// [`crate::Error::TooFewValues`] for fewer than two differences;
    /// [`crate::Error::NonFiniteValue`] for a NaN or infinite difference;
    /// [`crate::Error::InvalidParameter`] for a non-finite x_CRM or a negative
    /// or non-finite u(x_CRM); [`crate::Error::Overflow`] for differences of
    /// a spread too large for `f64`.
    ///
    /// # Examples
    ///
    /// ISO 13528:2022 E.5, Table E.8 (printed: x_pt = 23.35, u(x_pt) = 0.35):
    ///
    /// ```
    /// let d = [2.0, 1.05, 0.5, 1.1, 1.75, 2.7, -0.6, -0.35, 2.5, 0.95,
    ///          3.1, 1.5, 2.0, 1.05, 2.3, 2.05, 2.8, 3.0, 2.15, 3.0];
    /// let a = eqa::AssignedValue::crm_comparison(21.62, 0.26, &d)?;
    /// assert_eq!(((a.x_pt * 100.0).round(), (a.u_x_pt * 100.0).round()), (2335.0, 35.0));
    /// assert_eq!((a.u_difference.unwrap() * 100.0).round(), 24.0);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    #[doc(alias = "x_CRM")]
    pub fn crm_comparison(
        x_crm: f64,
        u_crm: f64,
        differences: &[f64],
    ) -> crate::Result<AssignedValue> {
        let x_crm = finite_parameter("x_crm", x_crm)?;
        let u_crm = non_negative("u_crm", u_crm)?;
        check(differences, "CRM comparison (differences)", 2)?;
        let p = differences.len();
        let d = mean_of(differences)?;
        let s_d = standard_deviation_of(differences)?;
        let u_d = s_d / (p as f64).sqrt();
        let x_pt = finite(x_crm + d, "x_pt")?;
        let u = finite(libm::hypot(u_crm, u_d), "u(x_pt)")?;
        let mut a = AssignedValue::new(x_pt, u, AssignedValueProvenance::ReferenceLaboratory);
        a.scale = Some(s_d);
        a.p = Some(p);
        a.reference_value = Some(x_crm);
        a.u_reference = Some(u_crm);
        a.mean_difference = Some(d);
        a.u_difference = Some(u_d);
        Ok(a)
    }

    /// The consensus of the participants' results (ISO 13528:2022 7.7).
    ///
    /// # Formula
    ///
    /// x_pt = the estimator's location; u(x_pt) = 1.25·s*/√p for a robust
    /// estimator (7.7.3, Formula (6)), s/√p for the mean. See [`ConsensusEstimator`].
    ///
    /// # Errors
    ///
    /// Those of the estimator: [`crate::stats::algorithm_a`], [`crate::stats::median`] with
    /// [`crate::stats::niqr`] or [`crate::stats::made`], or the mean and
    /// [`crate::stats::standard_deviation`] (at least two values).
    ///
    /// # Examples
    ///
    /// ISO 13528:2022 E.7 (printed: x* = 0.03161, u(x*) = 0.0045):
    ///
    /// ```
    /// use eqa::{AssignedValue, ConsensusOptions};
    /// let x = [0.013, 0.013, 0.0135, 0.014, 0.014, 0.016, 0.017, 0.019, 0.0239, 0.037,
    ///          0.039, 0.04, 0.04, 0.04, 0.0424, 0.044, 0.045, 0.045, 0.046, 0.049, 0.053];
    /// let a = AssignedValue::participant_consensus(&x, &ConsensusOptions::default())?;
    /// assert_eq!((a.x_pt * 1e5).round(), 3161.0);
    /// assert_eq!((a.u_x_pt * 1e4).round(), 45.0);
    /// assert_eq!(a.p, Some(21));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    #[doc(alias = "consensus")]
    pub fn participant_consensus(
        values: &[f64],
        options: &ConsensusOptions,
    ) -> crate::Result<AssignedValue> {
        consensus(
            values,
            options,
            AssignedValueProvenance::ParticipantConsensus,
        )
    }

    /// The consensus of expert laboratories' results (ISO 13528:2022 7.6),
    /// computed as [`AssignedValue::participant_consensus`].
    ///
    /// # Errors
    ///
    /// As [`AssignedValue::participant_consensus`].
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{AssignedValue, ConsensusEstimator, ConsensusOptions};
    /// let options = ConsensusOptions { estimator: ConsensusEstimator::Mean, ..Default::default() };
    /// let a = AssignedValue::expert_consensus(&[10.1, 10.3, 9.9, 10.1], &options)?;
    /// assert!((a.x_pt - 10.1).abs() < 1e-12);
    /// assert!((a.u_x_pt - a.scale.unwrap() / 2.0).abs() < 1e-15);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn expert_consensus(
        values: &[f64],
        options: &ConsensusOptions,
    ) -> crate::Result<AssignedValue> {
        consensus(values, options, AssignedValueProvenance::ExpertConsensus)
    }

    /// This value with u_hom and u_stab added in quadrature (ISO 13528:2022
    /// 7.2.2, Formula (3)); contributions added before are replaced.
    ///
    /// # Formula
    ///
    /// u(x_pt) = √(u_char² + u_hom² + u_stab²).
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidParameter`] for a negative or non-finite
    /// contribution; [`crate::Error::Overflow`] when the sum exceeds `f64`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = eqa::AssignedValue::formulation(5.0, 0.03)?.with_contributions(0.04, 0.0)?;
    /// assert!((a.u_x_pt - 0.05).abs() < 1e-15);
    /// assert_eq!((a.u_char, a.u_hom), (0.03, 0.04));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    #[doc(alias = "u_hom")]
    #[doc(alias = "u_stab")]
    pub fn with_contributions(self, u_hom: f64, u_stab: f64) -> crate::Result<AssignedValue> {
        let u_hom = non_negative("u_hom", u_hom)?;
        let u_stab = non_negative("u_stab", u_stab)?;
        let u_x_pt = finite(
            libm::hypot(libm::hypot(self.u_char, u_hom), u_stab),
            "u(x_pt)",
        )?;
        Ok(AssignedValue {
            u_x_pt,
            u_hom,
            u_stab,
            ..self
        })
    }
}

fn consensus(
    values: &[f64],
    options: &ConsensusOptions,
    provenance: AssignedValueProvenance,
) -> crate::Result<AssignedValue> {
    let p = values.len();
    let (x_pt, scale, u) = match options.estimator {
        ConsensusEstimator::AlgorithmA => {
            let r = algorithm_a(values, &options.algorithm_a)?;
            (r.location, r.scale, r.uncertainty)
        }
        ConsensusEstimator::MedianNiqr => {
            let s = niqr(values)?;
            (median(values)?, s, consensus_uncertainty(s, p)?)
        }
        ConsensusEstimator::MedianMade => {
            let s = made(values, options.algorithm_a.constants)?;
            (median(values)?, s, consensus_uncertainty(s, p)?)
        }
        ConsensusEstimator::Mean => {
            check(values, "mean and standard deviation", 2)?;
            let s = standard_deviation_of(values)?;
            (mean_of(values)?, s, s / (p as f64).sqrt())
        }
    };
    let mut a = AssignedValue::new(x_pt, u, provenance);
    a.estimator = Some(options.estimator);
    a.scale = Some(scale);
    a.p = Some(p);
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_estimator_reports_its_scale() {
        let x = [1.0, 2.0, 3.0, 4.0, 10.0];
        for estimator in ConsensusEstimator::ALL {
            let options = ConsensusOptions {
                estimator: *estimator,
                ..Default::default()
            };
            let a = AssignedValue::participant_consensus(&x, &options).unwrap();
            assert_eq!(a.estimator, Some(*estimator));
            assert_eq!(a.p, Some(5));
            assert!(a.u_x_pt > 0.0 && a.u_x_pt == a.u_char);
        }
    }

    #[test]
    fn refusals() {
        assert!(AssignedValue::formulation(f64::NAN, 0.1).is_err());
        assert!(AssignedValue::formulation(1.0, -0.1).is_err());
        assert_eq!(
            AssignedValue::certified(1.0, 0.2, 0.0).unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(
            AssignedValue::crm_comparison(1.0, 0.1, &[0.5])
                .unwrap_err()
                .code(),
            "too_few_values"
        );
        let a = AssignedValue::formulation(1.0, 0.1).unwrap();
        assert!(a.with_contributions(f64::INFINITY, 0.0).is_err());
        assert_eq!(
            a.with_contributions(f64::MAX, f64::MAX).unwrap_err().code(),
            "overflow"
        );
        assert_eq!(
            "q_hampel".parse::<ConsensusEstimator>().unwrap_err().code(),
            "invalid_parameter"
        );
    }
}
