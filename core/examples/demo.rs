//! The main job for now: the robust estimators of ISO 13528:2022 on the
//! standard's own example E.3 (atrazine in drinking water, 34 laboratories),
//! set beside the values printed in its Table E.5.
//!
//! Run with `cargo run --release -p eqa --example demo`.

use eqa::{
    AlgorithmAOptions, Constants, HuberOptions, RobustEstimate, StopRule, algorithm_a,
    consensus_uncertainty, huber_fixed_scale, made, mean, median, niqr, standard_deviation,
};

/// ISO 13528:2022 Table E.4: the 34 results, µg/L.
const ATRAZINE: [f64; 34] = [
    0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.23, 0.23, 0.235, 0.236, 0.237, 0.243, 0.244,
    0.245, 0.2555, 0.26, 0.264, 0.267, 0.27, 0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287,
    0.288, 0.289, 0.295, 0.296, 0.311, 0.331, 0.4246,
];

struct Row {
    name: &'static str,
    location: f64,
    scale: f64,
    uncertainty: f64,
    iterations: String,
    printed: &'static str,
}

impl Row {
    fn iterative(name: &'static str, r: &RobustEstimate, printed: &'static str) -> Row {
        let state = if r.converged { "" } else { " (bound hit)" };
        Row {
            name,
            location: r.location,
            scale: r.scale,
            uncertainty: r.uncertainty,
            iterations: format!("{}{state}", r.iterations),
            printed,
        }
    }
}

fn main() -> eqa::Result<()> {
    let x = &ATRAZINE;
    let p = x.len();
    let med = median(x)?;
    let (niqr, made) = (niqr(x)?, made(x, Constants::Iso)?);
    let converged = AlgorithmAOptions {
        stop: StopRule::Converged,
        ..Default::default()
    };
    let exact = AlgorithmAOptions {
        constants: Constants::Exact,
        ..converged
    };
    let huber = HuberOptions {
        stop: StopRule::Converged,
        ..Default::default()
    };
    let (m, sd) = (mean(x)?, standard_deviation(x)?);
    let iso = algorithm_a(x, &AlgorithmAOptions::default())?;
    let rows = [
        Row {
            name: "median, nIQR",
            location: med,
            scale: niqr,
            uncertainty: consensus_uncertainty(niqr, p)?,
            iterations: "-".into(),
            printed: "0.2620  0.0402  0.0086",
        },
        Row {
            name: "median, MADe",
            location: med,
            scale: made,
            uncertainty: consensus_uncertainty(made, p)?,
            iterations: "-".into(),
            printed: "0.2620  0.0386",
        },
        Row::iterative("Algorithm A, ISO 2022 stop", &iso, "0.2570  0.0395  0.0085"),
        Row::iterative("Algorithm A, converged", &algorithm_a(x, &converged)?, ""),
        Row::iterative("Algorithm A, exact constants", &algorithm_a(x, &exact)?, ""),
        Row::iterative(
            "Huber, scale fixed at MADe",
            &huber_fixed_scale(x, &huber)?,
            "",
        ),
        Row {
            name: "mean, standard deviation",
            location: m,
            scale: sd,
            uncertainty: sd / (p as f64).sqrt(),
            iterations: "-".into(),
            printed: "0.2512  0.0672  0.0115",
        },
    ];

    println!(
        "eqa {} - robust statistics of ISO 13528:2022 Annex C",
        env!("CARGO_PKG_VERSION")
    );
    println!("Example E.3: atrazine in drinking water, {p} laboratories, ug/L\n");
    println!(
        "{:<30} {:>8} {:>8} {:>8} {:>10}   Table E.5",
        "estimator", "x_pt", "s*", "u(x_pt)", "iterations"
    );
    for r in &rows {
        println!(
            "{:<30} {:>8.4} {:>8.4} {:>8.4} {:>10}   {}",
            r.name, r.location, r.scale, r.uncertainty, r.iterations, r.printed
        );
    }

    let delta = 1.5 * iso.scale;
    let pulled: Vec<String> = x
        .iter()
        .filter(|v| (*v - iso.location).abs() > delta)
        .map(|v| format!("{v}"))
        .collect();
    println!(
        "\nAlgorithm A pulls {} of {p} results in to x* +/- 1.5 s* = [{:.4}, {:.4}]: {}",
        pulled.len(),
        iso.location - delta,
        iso.location + delta,
        pulled.join(", ")
    );
    let ratio = iso.uncertainty / (0.3 * iso.scale);
    println!(
        "u(x_pt) = {:.4} is {:.0} % of 0.3 s*: {} if sigma_pt = s*.",
        iso.uncertainty,
        100.0 * ratio,
        if ratio <= 1.0 {
            "negligible"
        } else {
            "not negligible; use z' or widen the limits"
        }
    );
    Ok(())
}
