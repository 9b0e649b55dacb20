// Reports as data (domain 4.2, 9) in the package built for Node: a
// laboratory's report and the round summary of a hand-made scoring of
// glucose around the worked example of 4.2 (5.00, 4.60, 4.00, 3.20, 3.70
// against 5.25, 5.00, 4.50, 3.50, 4.00 with ±10 %: 4/5 acceptable, 80 %,
// satisfactory); the same scoring as core/tests/report/report.rs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const TARGETS = [5.25, 5.0, 4.5, 3.5, 4.0];
const ALLOWED = [0.525, 0.5, 0.45, 0.35, 0.4];
const SDS = [0.21, 0.2, 0.18, 0.14, 0.16];

const submission = (lab, firstRow, texts) => ({
  lab, program: "chem", round: "2026-1", analyte: "GLU",
  values: texts.map((value, s) => ({ sample: `S${s + 1}`, value, row: firstRow + s })),
});

const RESULTS = {
  submissions: [
    submission("L001", 2, ["5.00", "4.60", "4.00", "3.20", "3.70"]),
    submission("L002", 7, ["5.80", "5.00", "4.00", "3.50", "3,9"]),
    { ...submission("L002", 12, ["5.9"]), status: "draft" },
    submission("L004", 13, ["5.9", "5.6", "4.5", "3.5", "4.0"]),
  ],
};

function evaluation(lab, s, row, value, verdict, reason) {
  const t = TARGETS[s];
  const bias = value === null ? null : value - t;
  const scored = verdict === "acceptable" || verdict === "unacceptable";
  return {
    lab, analyte: "GLU", sample: `S${s + 1}`, row, verdict, reason, value, target: t,
    allowed: ALLOWED[s], bias, bias_percent: bias === null ? null : (100.0 * bias) / t,
    z: bias === null ? null : bias / SDS[s], expected: null, vis: null, group: scored ? s : null,
  };
}

const labValues = (lab, firstRow, values, ok) =>
  values.map((value, s) => {
    const reason = ok[s] ? null : value === null ? "unreadable_value" : "outside_limit";
    return evaluation(lab, s, firstRow + s, value, ok[s] ? "acceptable" : "unacceptable", reason);
  });

function scoring() {
  const groups = TARGETS.map((t, s) => ({
    analyte: "GLU", sample: `S${s + 1}`, rung: 1, key: [["method", "hexokinase"]], n: 3, n_used: 3,
    target: t, uncertainty: 0.05, sd: SDS[s], cv: 4.0, median: t, category: null, agreement: null,
    method: "algorithm_a", warnings: ["small_group"],
  }));
  const evaluations = [
    ...labValues("L001", 2, [5.0, 4.6, 4.0, 3.2, 3.7], [true, true, false, true, true]),
    ...labValues("L002", 7, [5.8, 5.0, 4.0, 3.5, null], [false, true, false, true, false]),
    evaluation("L002", 0, 12, 5.9, "not_counted", "draft"),
    ...[0, 1, 2, 3, 4].map((s) => evaluation("L003", s, null, null, "not_returned", "no_submission")),
    ...labValues("L004", 13, [5.9, 5.6, 4.5, 3.5, 4.0], [false, false, true, true, true]),
  ];
  const outcomes = [
    ["L001", 4, 80.0, "satisfactory"], ["L002", 2, 40.0, "unsatisfactory"],
    ["L003", 0, 0.0, "not_returned"], ["L004", 3, 60.0, "unsatisfactory"],
  ];
  return {
    program: "chem",
    round: "2026-1",
    settings: {
      criteria: "NCCL/2024/chem", boundary: "inclusive", program_score: "pooled",
      late: "not_returned", pass_threshold: "80",
    },
    groups,
    evaluations,
    analyte_scores: outcomes.map(([lab, acceptable, score, outcome]) => ({
      lab, analyte: "GLU", acceptable, scored: 5, not_scored: 0, score, threshold: "80", outcome,
      mean_vis: null,
    })),
    program_scores: outcomes.map(([lab, acceptable, score, outcome]) => ({
      lab, rule: "pooled", acceptable, scored: 5, analytes_scored: 1, score, threshold: "80",
      outcome,
    })),
  };
}

/** Runs `call` and returns what it threw. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail("nothing was thrown");
}

test("labReport: the worked glucose example", () => {
  const report = eqa.labReport(RESULTS, scoring(), "L001");
  assert.deepEqual([report.program, report.round, report.lab], ["chem", "2026-1", "L001"]);
  assert.equal(report.program_score.score, 80);
  assert.equal(report.analytes.length, 1);
  const [glu] = report.analytes;
  assert.deepEqual([glu.score, glu.threshold, glu.outcome], [80, "80", "satisfactory"]);
  assert.deepEqual(glu.samples.map((s) => s.reported), ["5.00", "4.60", "4.00", "3.20", "3.70"]);
  assert.deepEqual(
    glu.samples.map((s) => Math.round(s.bias_percent * 100) / 100),
    [-4.76, -8, -11.11, -8.57, -7.5],
  );
  assert.equal(glu.samples.filter((s) => s.verdict === "acceptable").length, 4);
  assert.equal(glu.failures, null);
  assert.deepEqual(glu.samples[2].peer, {
    rung: 1, key: [["method", "hexokinase"]], n: 3, method: "algorithm_a", sd: 0.18, cv: 4,
  });
  assert.ok(Object.is(glu.samples[2].z, (4.0 - 4.5) / 0.18));
});

test("labReport: every value of the lab, with its text", () => {
  const [glu] = eqa.labReport(JSON.stringify(RESULTS), JSON.stringify(scoring()), "L002").analytes;
  assert.equal(glu.samples.length, 6);
  const draft = glu.samples[5];
  assert.deepEqual([draft.verdict, draft.reason, draft.reported, draft.peer], ["not_counted", "draft", "5.9", null]);
  assert.deepEqual([glu.samples[4].reported, glu.samples[4].value], ["3,9", null]);
  assert.equal(glu.failures, "random");
  assert.equal(eqa.labReport(RESULTS, scoring(), "L004").analytes[0].failures, "systematic");
  const [none] = eqa.labReport(RESULTS, scoring(), "L003").analytes;
  assert.ok(none.samples.every((s) => s.reported === null && s.row === null));
});

test("labReport and roundSummary: bad input is named", () => {
  let error = thrown(() => eqa.labReport(RESULTS, scoring(), "L999"));
  assert.deepEqual([error.name, error.details.name], ["InvalidParameterError", "lab"]);
  error = thrown(() => eqa.labReport(RESULTS, scoring(), 1));
  assert.deepEqual([error.name, error.details.name], ["InvalidParameterError", "lab"]);
  error = thrown(() => eqa.labReport({}, scoring(), "L001"));
  assert.deepEqual([error.name, error.details.path], ["InvalidInputError", "evaluations[0].row"]);
  const broken = scoring();
  broken.evaluations[1].group = 40;
  error = thrown(() => eqa.roundSummary(broken));
  assert.deepEqual([error.code, error.details.path], ["invalid_document", "evaluations[1].group"]);
  error = thrown(() => eqa.roundSummaryCsv({ ...scoring(), groups: 3 }));
  assert.deepEqual([error.code, error.details.path], ["invalid_document", "groups"]);
});

test("roundSummary: acceptance per group and totals per analyte", () => {
  const summary = eqa.roundSummary(scoring());
  assert.deepEqual(
    summary.groups.map((g) => g.acceptance_rate),
    [100 / 3, 200 / 3, 100 / 3, 100, 200 / 3],
  );
  const g = summary.groups[3];
  assert.deepEqual([g.scored, g.acceptable, g.n, g.n_used, g.target], [3, 3, 3, 3, 3.5]);
  assert.deepEqual(g.warnings, ["small_group"]);
  assert.deepEqual(summary.analytes, [{
    analyte: "GLU", labs: 4, scored: 20, acceptable: 9, satisfactory_labs: 1,
    unsatisfactory_labs: 2, not_returned: 1, late: 0, no_score: 0, excused: 0,
  }]);
});

test("CSV forms: quoted cells, shortest numbers, empty cells for null", () => {
  const lines = eqa.labReportCsv(RESULTS, scoring(), "L002").trimEnd().split("\n");
  assert.equal(lines.length, 7);
  const header = lines[0].split(",");
  assert.equal(header.length, 29);
  assert.equal(
    lines[1],
    `chem,2026-1,L002,GLU,40,80,unsatisfactory,,random,S1,7,5.80,5.8,,5.25,0.525,${5.8 - 5.25},` +
      `${(100 * (5.8 - 5.25)) / 5.25},${(5.8 - 5.25) / 0.21},unacceptable,outside_limit,,,1,` +
      "method=hexokinase,3,algorithm_a,0.21,4",
  );
  assert.ok(lines[5].includes(',"3,9",,'), lines[5]);
  const summary = eqa.roundSummaryCsv(scoring()).trimEnd().split("\n");
  assert.equal(summary.length, 6);
  assert.equal(
    summary[1],
    "chem,2026-1,GLU,S1,1,method=hexokinase,3,3,5.25,0.05,0.21,4,5.25,,,algorithm_a,small_group,3,1,33.333333333333336",
  );
});
