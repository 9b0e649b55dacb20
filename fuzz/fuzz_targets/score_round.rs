#![no_main]

use std::collections::BTreeMap;

use arbitrary::Arbitrary;
use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use libfuzzer_sys::fuzz_target;

/// One CSV row, its fields drawn from small pools so that rows collide:
/// duplicates, versions, drafts, late times, unknown analytes and samples.
#[derive(Debug, Arbitrary)]
struct Row {
    lab: u8,
    analyte: u8,
    sample: u8,
    status: u8,
    version: u8,
    time: u8,
    unit: u8,
    value: String,
}

const PLAN: &str = r#"{
  "provider": {"code": "P"}, "year": 2026,
  "programs": [{
    "code": "C1",
    "analytes": [
      {"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": "10"}}},
      {"code": "K", "unit": "mmol/L", "scoring": {"limit": {"kind": "greater_of", "absolute": "0.2", "percent": "5"}, "target": {"kind": "consensus", "estimator": {"kind": "median"}}}},
      {"code": "HBSAG", "result_type": {"kind": "qualitative", "categories": [{"code": "negative", "aliases": ["阴性"]}, {"code": "positive", "aliases": ["阳性"]}]}}
    ],
    "rounds": [{"code": "R1", "deadline": "2026-04-20T17:00:00+08:00",
                "samples": [{"code": "S1"}, {"code": "S2"}, {"code": "S3", "invalidated_for": {"K": "haemolysed"}}]}],
    "scoring": {"peer": {"rungs": [["method"], []], "min_n": 3}}
  }]
}"#;

fn field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

// Loading never panics and accounts for every row once; scoring what loaded
// never panics and evaluates every loaded value of the round exactly once.
fuzz_target!(|rows: Vec<Row>| {
    let mut csv = String::from(
        "lab,program,round,analyte,sample,value,unit,method,instrument,reagent,status,submitted_at,version\n",
    );
    for r in &rows {
        let analyte = ["GLU", "K", "HBSAG", "XX"][usize::from(r.analyte % 4)];
        let sample = ["S1", "S2", "S3", "S9"][usize::from(r.sample % 4)];
        let status = ["submitted", "draft", "bogus"][usize::from(r.status % 3)];
        let time = [
            "",
            "2026-04-19T10:00:00+08:00",
            "2026-04-21T10:00:00+08:00",
            "yesterday",
        ][usize::from(r.time % 4)];
        let unit = ["mmol/L", "mg/dL", ""][usize::from(r.unit % 3)];
        let method = ["m1", "m2"][usize::from(r.lab % 2)];
        csv.push_str(&format!(
            "L{},C1,R1,{analyte},{sample},{},{unit},{method},i,r,{status},{time},{}\n",
            r.lab % 16,
            field(&r.value),
            r.version % 3
        ));
    }
    let loaded = eqa::results::load_results_csv(&csv);
    assert_eq!(loaded.rows, rows.len());
    let mut seen = BTreeMap::new();
    for s in &loaded.results.submissions {
        for v in &s.values {
            assert!(
                seen.insert(v.row, ()).is_none(),
                "row {} loaded twice",
                v.row
            );
        }
    }
    for p in &loaded.problems {
        if p.severity == eqa::results::validation::Severity::Error && p.row > 1 {
            assert!(
                !seen.contains_key(&p.row),
                "row {} both loaded and refused",
                p.row
            );
        }
    }
    let Ok(plan) = Plan::from_json(PLAN) else {
        panic!("the fixed plan loads")
    };
    let scoring = eqa::score_round(&plan, &Criteria::default(), &loaded.results, "C1", "R1")
        .expect("a loaded round scores");
    let mut evaluated = BTreeMap::new();
    for e in &scoring.evaluations {
        if let Some(row) = e.row {
            assert!(
                evaluated.insert(row, ()).is_none(),
                "row {row} evaluated twice"
            );
        }
        for x in [e.value, e.target, e.allowed, e.bias, e.bias_percent, e.z]
            .into_iter()
            .flatten()
        {
            assert!(x.is_finite());
        }
    }
    assert_eq!(evaluated, seen);
});
