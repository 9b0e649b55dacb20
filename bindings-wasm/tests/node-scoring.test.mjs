// Scoring a round in the Node build: the glucose example of domain §4.2,
// the VIS example of §4.9, the inclusive boundary, not-returned, late and
// missing results, agreement targets, and the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const DEADLINE = "2026-04-20T17:00:00+08:00";

function plan(analytes, samples, scoring) {
  return {
    provider: { code: "P" },
    year: 2026,
    programs: [{
      code: "C1",
      analytes,
      rounds: [{ code: "R1", deadline: DEADLINE, samples: samples.map((code) => ({ code })) }],
      scoring,
    }],
  };
}

function submission(lab, analyte, values, firstRow, extra = {}) {
  return {
    lab, program: "C1", round: "R1", analyte,
    values: values.map(([sample, value], i) => ({ sample, value, row: firstRow + i })),
    ...extra,
  };
}

const given = (analyte, sample, value) => ({ program: "C1", round: "R1", analyte, sample, value });
const round2 = (x) => Math.round(x * 100) / 100;
const TARGETS = [["1", "5.25"], ["2", "5.00"], ["3", "4.50"], ["4", "3.50"], ["5", "4.00"]];
const RESULTS = [["1", "5.00"], ["2", "4.60"], ["3", "4.00"], ["4", "3.20"], ["5", "3.70"]];

function glucose(boundary = "inclusive", values = RESULTS) {
  const p = plan(
    [{ code: "GLU", unit: "mmol/L", scoring: { limit: { kind: "percent", percent: 10 } } }],
    ["1", "2", "3", "4", "5"],
    { target: { kind: "given" }, boundary },
  );
  const r = {
    submissions: [submission("L1", "GLU", values, 2)],
    given_targets: TARGETS.map(([s, t]) => given("GLU", s, t)),
  };
  return eqa.scoreRound(p, null, r, { program: "C1", round: "R1" });
}

test("scoreRound: the glucose example scores 80 %, satisfactory", () => {
  const s = glucose();
  assert.deepEqual(s.evaluations.map((e) => round2(e.bias_percent)), [-4.76, -8, -11.11, -8.57, -7.5]);
  assert.deepEqual(
    s.evaluations.map((e) => e.verdict),
    ["acceptable", "acceptable", "unacceptable", "acceptable", "acceptable"],
  );
  assert.equal(s.evaluations[2].reason, "outside_limit");
  assert.equal(s.evaluations[2].allowed, 0.45);
  const a = s.analyte_scores[0];
  assert.deepEqual([a.acceptable, a.scored, a.score, a.outcome, a.threshold], [4, 5, 80, "satisfactory", "80"]);
  assert.equal(s.program_scores[0].score, 80);
  assert.equal(s.groups.length, 5);
  assert.equal(s.groups[0].method, "given");
});

test("scoreRound: a result on the limit is acceptable only when inclusive", () => {
  const onLimit = [["1", "5.00"], ["2", "5.5"], ["3", "4.00"], ["4", "3.20"], ["5", "3.70"]];
  assert.equal(glucose("inclusive", onLimit).evaluations[1].verdict, "acceptable");
  assert.equal(glucose("exclusive", onLimit).evaluations[1].verdict, "unacceptable");
});

test("scoreRound: a missing sample counts as unacceptable", () => {
  const s = glucose("inclusive", RESULTS.slice(1));
  const first = s.evaluations[0];
  assert.deepEqual([first.row, first.verdict, first.reason], [null, "unacceptable", "missing_sample"]);
  assert.equal(s.analyte_scores[0].score, 60);
});

test("visScore: the chloride example, also through scoreRound", () => {
  assert.equal(eqa.visScore(101, 98, 2.2), 139);
  assert.equal(eqa.visScore(150, 98, 2.2), 400);
  assert.throws(() => eqa.visScore(1, 0, 2.2), (e) => {
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.code, "invalid_parameter");
    assert.equal(e.details.name, "target");
    return true;
  });
  assert.throws(() => eqa.visScore("1", 98, 2.2), { name: "InvalidParameterError" });
  const p = plan(
    [{ code: "CL", scoring: { limit: { kind: "percent", percent: 5 }, vis_ccv: "2.2" } }],
    ["1"],
    { target: { kind: "given" } },
  );
  const r = { submissions: [submission("L1", "CL", [["1", "101"]], 2)], given_targets: [given("CL", "1", "98")] };
  const s = eqa.scoreRound(JSON.stringify(p), null, JSON.stringify(r), { program: "C1", round: "R1" });
  assert.equal(s.evaluations[0].vis, 139);
  assert.equal(s.analyte_scores[0].mean_vis, 139);
});

function consensusRound(late) {
  const p = plan(
    [{ code: "K", scoring: { limit: { kind: "percent", percent: 5 } } }],
    ["1", "2"],
    { late, target: { kind: "consensus", estimator: { kind: "median" } } },
  );
  const subs = Array.from({ length: 10 }, (_, i) =>
    submission(`L${String(i).padStart(2, "0")}`, "K", [["1", "10.0"], ["2", "10.0"]], 2 + 2 * i));
  subs.push(submission("L99", "K", [["1", "10.1"], ["2", "20"]], 100, { submitted_at: "2026-04-21T09:00:00+08:00" }));
  const enrollments = [{ lab: "L50", program: "C1", analytes: ["K"] }];
  return eqa.scoreRound(p, { tables: [] }, { submissions: subs, enrollments }, { program: "C1", round: "R1" });
}

test("scoreRound: late and not-returned results score 0, or are scored when the policy says", () => {
  let s = consensusRound("not_returned");
  const scores = Object.fromEntries(s.analyte_scores.map((a) => [a.lab, a]));
  assert.deepEqual([scores.L99.score, scores.L99.outcome], [0, "late"]);
  assert.deepEqual([scores.L50.score, scores.L50.outcome], [0, "not_returned"]);
  assert.ok(s.evaluations.filter((e) => e.lab === "L99").every((e) => e.verdict === "late" && e.reason === "after_deadline"));
  assert.ok(s.groups.every((g) => g.n === 10 && g.target === 10));

  s = consensusRound("scored");
  assert.deepEqual(
    s.evaluations.filter((e) => e.lab === "L99").map((e) => [e.verdict, e.reason]),
    [["acceptable", "after_deadline"], ["unacceptable", "outside_limit"]],
  );
});

test("scoreRound: an agreement target needs 80 % of the answers", () => {
  for (const [positives, category] of [[80, "positive"], [79, null]]) {
    const p = plan(
      [{
        code: "HBSAG",
        result_type: { kind: "qualitative", categories: [{ code: "negative", aliases: ["阴性"] }, { code: "positive", aliases: ["阳性"] }] },
      }],
      ["1"],
      { peer: { rungs: [[]] } },
    );
    const subs = Array.from({ length: 100 }, (_, i) =>
      submission(`L${String(i).padStart(3, "0")}`, "HBSAG", [["1", i < positives ? "阳性" : "阴性"]], 2 + i));
    const s = eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" });
    assert.deepEqual([s.groups[0].category, s.groups[0].agreement, s.groups[0].n], [category, positives, 100]);
    const acceptable = s.evaluations.filter((e) => e.verdict === "acceptable").length;
    assert.equal(acceptable, category ? 80 : 0);
  }
});

test("scoreYear and errors", () => {
  const p = plan([{ code: "GLU" }], ["1"], {});
  assert.deepEqual(eqa.scoreYear(p, null, {}, { program: "C1" }).map((r) => r.round), ["R1"]);
  assert.throws(() => eqa.scoreRound(p, null, {}, { program: "C1", round: "R9" }), (e) => {
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.details.name, "round");
    return true;
  });
  assert.throws(() => eqa.scoreRound(p, null, {}, { program: "C1" }), { name: "InvalidParameterError" });
  assert.throws(() => eqa.scoreRound(p, null, { submissions: [{ lab: "L1" }] }, { program: "C1", round: "R1" }), (e) => {
    assert.equal(e.name, "InvalidInputError");
    assert.equal(e.code, "invalid_document");
    return true;
  });
});

test("scoreRound: nothing scored gives no score", () => {
  const p = plan([{ code: "NEW" }], ["1", "2"], { target: { kind: "given" } });
  const s = eqa.scoreRound(p, null, { submissions: [submission("L1", "NEW", [["1", "1"], ["2", "2"]], 2)] }, { program: "C1", round: "R1" });
  assert.ok(s.evaluations.every((e) => e.reason === "no_criterion"));
  const a = s.analyte_scores[0];
  assert.deepEqual([a.score, a.outcome, a.not_scored], [null, "no_score", 2]);
});

test("scoreRound: an ordinal window with a negative target needing a negative grade", () => {
  const grades = ["-", "±", "1+", "2+", "3+"].map((code) => ({ code }));
  const p = plan([{ code: "PRO", result_type: { kind: "ordinal", grades } }], ["N", "P"], { target: { kind: "given" } });
  const r = {
    submissions: [
      submission("L1", "PRO", [["N", "-"], ["P", "1+"]], 2),
      submission("L2", "PRO", [["N", "±"], ["P", "3+"]], 4),
      submission("L3", "PRO", [["N", "-"], ["P", "-"]], 6),
    ],
    given_targets: [given("PRO", "N", "-"), given("PRO", "P", "2+")],
  };
  const s = eqa.scoreRound(p, null, r, { program: "C1", round: "R1" });
  assert.deepEqual(
    s.evaluations.map((e) => e.verdict),
    ["acceptable", "acceptable", "unacceptable", "acceptable", "acceptable", "unacceptable"],
  );
});

function fiveResults(target, labs = ["L0", "L1", "L2", "L3", "L4"]) {
  const p = plan(
    [{ code: "X", scoring: { limit: { kind: "percent", percent: 10 } } }],
    ["1"],
    { target, peer: { rungs: [[]], min_n: 5 } },
  );
  const values = ["5.0", "5.1", "5.2", "5.3", "9.0"];
  const subs = labs.map((lab, i) => submission(lab, "X", [["1", values[i]]], 2 + i));
  return eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" });
}

test("scoreRound: median, trimmed-mean and expert targets", () => {
  let g = fiveResults({ kind: "consensus", estimator: { kind: "median" } }).groups[0];
  assert.deepEqual([g.method, g.target, g.n], ["median", 5.2, 5]);
  assert.ok(Math.abs(g.sd - 0.7413 * 0.2) < 1e-12);
  g = fiveResults({ kind: "consensus", estimator: { kind: "trimmed_mean", k: 1.5 } }).groups[0];
  assert.deepEqual([g.method, g.n, g.n_used], ["trimmed_mean", 5, 4]);
  assert.ok(Math.abs(g.target - 5.15) < 1e-12);
  const s = fiveResults(
    { kind: "expert_labs", labs: ["E1", "E2", "E3"], estimator: { kind: "median" } },
    ["E1", "E2", "E3", "L1", "L2"],
  );
  g = s.groups[0];
  assert.deepEqual([g.method, g.n, g.target, g.key], ["expert_labs", 3, 5.1, []]);
  assert.ok(g.warnings.includes("small_group"));
  assert.equal(s.evaluations.at(-1).verdict, "unacceptable");
});

test("scoreRound: a small group falls back to a coarser rung", () => {
  const p = plan(
    [{ code: "X", scoring: { limit: { kind: "percent", percent: 10 } } }],
    ["1"],
    { target: { kind: "consensus", estimator: { kind: "median" } }, peer: { rungs: [["instrument"], []], min_n: 3 } },
  );
  const rows = [["L1", "A", "10"], ["L2", "A", "10.2"], ["L3", "A", "10.4"], ["L4", "B", "11"]];
  const subs = rows.map(([lab, instrument, v], i) => submission(lab, "X", [["1", v]], 2 + i, { instrument }));
  const s = eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" });
  assert.deepEqual(s.groups.map((g) => [g.rung, g.key, g.n]), [[0, [["instrument", "A"]], 3], [1, [], 4]]);
  assert.deepEqual(s.evaluations.map((e) => e.group), [0, 0, 0, 1]);
});

test("scoreRound: units spelled differently are one; a convertible unit is converted and flagged", () => {
  const p = plan(
    [{ code: "CREA", unit: "µmol/L", scoring: { limit: { kind: "percent", percent: 10 } } }],
    ["1", "2"],
    { target: { kind: "given" } },
  );
  const r = {
    submissions: [
      submission("GREEK", "CREA", [["1", "100"], ["2", "109"]], 2, { unit: "μmol/L" }),
      // 1.13 mg/dL = 99.9146 µmol/L; 1.25 mg/dL = 110.525 µmol/L.
      submission("MG", "CREA", [["1", "1.13"], ["2", "1.25"]], 4, { unit: "mg/dL" }),
      submission("MMOL", "CREA", [["1", "0.1"], ["2", "0.1"]], 6, { unit: "mmol/L" }),
    ],
    given_targets: [given("CREA", "1", "100"), given("CREA", "2", "100")],
  };
  const s = eqa.scoreRound(p, null, r, { program: "C1", round: "R1" });
  const of = (lab) => s.evaluations.filter((e) => e.lab === lab);
  assert.deepEqual(of("GREEK").map((e) => e.verdict), ["acceptable", "acceptable"]);
  assert.deepEqual(of("MG").map((e) => [e.verdict, e.reason, e.converted_unit]),
    [["acceptable", null, "mg/dL"], ["unacceptable", "outside_limit", "mg/dL"]]);
  assert.ok(Math.abs(of("MG")[0].value - 99.9146) < 1e-9);
  assert.deepEqual(of("MMOL").map((e) => e.reason), ["wrong_unit", "wrong_unit"]);
  assert.equal(s.settings.unit, "convert");
});

test("scoreRound: ABO needs 100 % from the criteria table; an empty enrolment enrols the program", () => {
  const samples = ["1", "2", "3", "4", "5"];
  const abo = { code: "ABO", result_type: { kind: "nominal", vocabulary: ["A", "B", "O", "AB"].map((code) => ({ code })) },
    scoring: { target: { kind: "given" } } };
  const p = { provider: { code: "CLIA" }, year: 2026, programs: [{ code: "immunohematology", analytes: [abo],
    rounds: [{ code: "R1", deadline: DEADLINE, samples: samples.map((code) => ({ code })) }] }] };
  const answers = ["A", "B", "O", "AB", "B"];
  const targets = ["A", "B", "O", "AB", "A"];
  const r = {
    submissions: [{ lab: "L1", program: "immunohematology", round: "R1", analyte: "ABO",
      values: samples.map((sample, i) => ({ sample, value: answers[i], row: 2 + i })) }],
    enrollments: [{ lab: "L2", program: "immunohematology", analytes: [] }],
    given_targets: samples.map((sample, i) => ({ program: "immunohematology", round: "R1", analyte: "ABO", sample, value: targets[i] })),
  };
  const s = eqa.scoreRound(p, eqa.clia2024Criteria(), r, { program: "immunohematology", round: "R1" });
  assert.deepEqual(s.analyte_scores.map((a) => [a.lab, a.score, a.threshold, a.outcome]),
    [["L1", 80, "100", "unsatisfactory"], ["L2", 0, "100", "not_returned"]]);
});

test("scoreRound: without enrolments, a laboratory that skips a round is not returned", () => {
  const p = plan([{ code: "GLU", unit: "mmol/L", scoring: { limit: { kind: "percent", percent: 10 } } }], ["1"],
    { target: { kind: "given" } });
  const r = {
    submissions: [submission("A", "GLU", [["1", "5.0"]], 2), submission("B", "GLU", [["1", "5.2"]], 3, { round: "R0" })],
    given_targets: [given("GLU", "1", "5.0")],
  };
  const s = eqa.scoreRound(p, null, r, { program: "C1", round: "R1" });
  assert.deepEqual(s.program_scores.map((x) => [x.lab, x.outcome]), [["A", "satisfactory"], ["B", "not_returned"]]);
});

test("scoreRound: grade consensus counts the window around the mode", () => {
  const grades = ["-", "±", "1+", "2+", "3+"].map((code) => ({ code }));
  const run = (count, reads) => {
    const p = plan([{ code: "PRO", result_type: { kind: "ordinal", grades }, scoring: { target: { kind: "agreement", count } } }], ["1"], {});
    const labs = reads.flatMap(([grade, n]) => Array(n).fill(grade));
    const subs = labs.map((g, i) => submission(`L${String(i).padStart(3, "0")}`, "PRO", [["1", g]], 2 + i));
    return eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" });
  };
  const spread = [["1+", 55], ["2+", 35], ["±", 10]];
  const within = run("within_limit", spread);
  assert.equal(within.groups[0].category, "1+");
  assert.ok(within.evaluations.every((e) => e.verdict === "acceptable"));
  assert.ok(run("exact", spread).evaluations.every((e) => e.reason === "no_consensus"));
  assert.ok(run("within_limit", [["1+", 40], ["3+", 40], ["-", 20]]).evaluations.every((e) => e.reason === "tied_modes"));
});

test("scoreRound: target warnings use σ_pt from the limit and flag a group with no spread", () => {
  const group = (estimator, values) => {
    const p = plan([{ code: "GLU", unit: "mmol/L", scoring: { limit: { kind: "percent", percent: 10 } } }], ["1"],
      { target: { kind: "consensus", estimator: { kind: estimator } }, peer: { min_n: 5 } });
    const subs = values.map((v, i) => submission(`L${i}`, "GLU", [["1", v]], 2 + i));
    return eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" }).groups[0];
  };
  const tight = ["4.9", "5.0", "5.1", "5.0", "4.95", "5.05", "5.1", "4.9", "5.0", "5.02", "4.98", "5.0"];
  assert.ok(!group("algorithm_a", tight).warnings.includes("large_uncertainty"));
  const flat = group("median", Array(8).fill("5.0"));
  assert.deepEqual([flat.sd, flat.warnings], [0, ["zero_spread"]]);
});

test("scoreRound: aliases join spellings of one instrument; a chain is refused", () => {
  const p = plan([{ code: "GLU", unit: "mmol/L", scoring: { limit: { kind: "percent", percent: 10 } } }], ["1"],
    { peer: { rungs: [["instrument"], []], min_n: 3 }, target: { kind: "consensus", estimator: { kind: "median" } } });
  p.aliases = { instrument: { "cobas c 702": "Roche cobas c702", "罗氏 c702": "Roche cobas c702" } };
  const subs = ["Roche cobas c702", "COBAS C 702", "罗氏 c702"].map((instrument, i) => submission(`L${i}`, "GLU", [["1", "5.0"]], 2 + i, { instrument }));
  const s = eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" });
  assert.deepEqual(s.groups.map((g) => [g.rung, g.n, g.key]), [[0, 3, [["instrument", "Roche cobas c702"]]]]);
  p.aliases = { method: { HK: "hexokinase", hexokinase: "HK-G6PD" } };
  assert.throws(() => eqa.scoreRound(p, null, { submissions: subs }, { program: "C1", round: "R1" }), (e) => {
    assert.equal(e.code, "invalid_document");
    assert.equal(e.details.path, "aliases.method");
    return true;
  });
});
