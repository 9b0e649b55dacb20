// Validating a laboratory's submission in the Node build, against the
// example plan of docs/plan-schema.md; the same cases as
// core/tests/results/validation.rs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const PLAN_TEXT = readFileSync(new URL("../../core/tests/data/plan-example.json", import.meta.url), "utf8");
const PLAN = JSON.parse(PLAN_TEXT);
const OPEN = "2026-04-10T10:00:00+08:00";

function draft(analyte, unit, values, extra = {}) {
  return {
    lab: "L01", program: "C1", round: "2026-1", analyte, unit,
    instrument: "AU5800", reagent: "Beckman", calibrator: "Beckman", method: "hexokinase",
    status: "draft",
    values: values.map(([sample, value], i) => ({ sample, value, row: i + 1 })),
    ...extra,
  };
}

const COMPLETE = draft("GLU", "mmol/L", [
  ["202611", "5.50"], ["202612", "6.1"], ["202613", "<0.5"], ["202614", "12.3"], ["202615", "3.9"],
]);

test("loadPlan: the example plan, with its defaults filled in", () => {
  const plan = eqa.loadPlan(PLAN);
  assert.deepEqual(plan, eqa.loadPlan(PLAN_TEXT));
  const c1 = plan.programs[0];
  assert.equal(c1.scoring.pass_threshold, "80");
  assert.deepEqual(c1.analytes[0].result_type, { kind: "quantitative" });
  assert.deepEqual(c1.analytes[0].scoring.plausible, { low: "0.5", high: "40" });
  assert.equal(plan.programs[1].scoring.peer.min_n, 10);
});

test("loadPlan: errors name the path of the bad field", () => {
  const bad = JSON.parse(PLAN_TEXT);
  bad.programs[0].rounds[0].deadline = "2026-04-20 17:00";
  assert.throws(() => eqa.loadPlan(bad), (e) => {
    assert.equal(e.name, "InvalidInputError");
    assert.equal(e.code, "invalid_document");
    assert.equal(e.details.path, "programs[0].rounds[0].deadline");
    return true;
  });
  const duplicate = JSON.parse(PLAN_TEXT);
  duplicate.programs[0].analytes.push({ code: "GLU" });
  assert.throws(() => eqa.loadPlan(JSON.stringify(duplicate)), (e) => {
    assert.deepEqual(e.details, { path: "programs[0].analytes", message: 'duplicate analyte code "GLU"' });
    return true;
  });
});

test("loadPlan: an unknown unit, a year or a threshold out of its domain is refused with its path", () => {
  const bad = JSON.parse(PLAN_TEXT);
  bad.programs[0].analytes[0].unit = "mmol/LL";
  const path = (plan) => {
    try {
      eqa.loadPlan(plan);
    } catch (e) {
      assert.equal(e.code, "invalid_document");
      return e.details.path;
    }
    return null;
  };
  assert.equal(path(bad), "programs[0].analytes[0].unit");
  assert.deepEqual(eqa.loadPlan({ ...bad, units: ["mmol/LL"] }).units, ["mmol/LL"]);
  assert.equal(path({ ...JSON.parse(PLAN_TEXT), year: -1 }), "year");
  const threshold = JSON.parse(PLAN_TEXT);
  threshold.programs[0].analytes[0].scoring.pass_threshold = 101;
  assert.equal(path(threshold), "programs[0].analytes[0].scoring.pass_threshold");
});

test("validateSubmission: a complete draft validates", () => {
  const k = draft("K", "mmol/L", [["202611", "4.1"], ["202612", "3.5"], ["202613", "5.0"], ["202614", "6.2"], ["202615", "2.9"]]);
  assert.deepEqual(
    eqa.validateSubmission(PLAN, [COMPLETE, k], { program: "C1", round: "2026-1", now: OPEN }),
    { valid: true, issues: [] },
  );
});

test("validateSubmission: a faulty draft gives exactly its issues", () => {
  const glu = draft("GLU", "mg/L", [["202611", "5.50"], ["202612", "5..5"], ["202613", "55.0"], ["202614", "6.1"]], { reagent: null });
  const report = eqa.validateSubmission(PLAN, [glu], { program: "C1", round: "2026-1", now: "2026-04-21T09:00:00+08:00" });
  assert.equal(report.valid, false);
  const issue = (path, code, severity, analyte, sample, message_en, message_zh) =>
    ({ path, code, severity, analyte, sample, message_en, message_zh });
  assert.deepEqual(report.issues, [
    issue("round", "past_deadline", "error", null, null,
      "the round closed at 2026-04-20T17:00:00+08:00; results can no longer be submitted",
      "本次活动已于 2026-04-20T17:00:00+08:00 截止，不能再上报结果"),
    issue("submissions[0].unit", "wrong_unit", "error", "GLU", null,
      "the unit of GLU must be mmol/L, not mg/L", "项目 GLU 的单位应为 mmol/L，填写的是 mg/L"),
    issue("submissions[0].reagent", "missing_reagent", "error", "GLU", null,
      "no reagent is chosen for GLU", "项目 GLU 未选择试剂"),
    issue("submissions[0].values[1].value", "unreadable_value", "error", "GLU", "202612",
      'the result of sample 202612, "5..5", is not a number', "批号 202612 的结果“5..5”不是数值"),
    issue("submissions[0].values[2].value", "implausible_value", "warning", "GLU", "202613",
      "the result of sample 202613, 55.0, is outside the plausible range 0.5 to 40; please check it",
      "批号 202613 的结果 55.0 超出合理范围 0.5～40，请核对"),
    issue("submissions[0].values", "missing_sample", "error", "GLU", "202615",
      "sample 202615 has no result", "批号 202615 未填写结果"),
  ]);
});

test("validateSubmission: vocabulary and analyte sample lists", () => {
  const i1 = (analyte, values) =>
    draft(analyte, null, values, { program: "I1", instrument: null, reagent: null, method: null, calibrator: null });
  const report = eqa.validateSubmission(PLAN, JSON.stringify([
    i1("HBsAg", [["202651", "阳性"], ["202652", " NEGATIVE"], ["202653", "weak"]]),
    i1("ABO", [["202651", "A"], ["202652", "o"], ["202653", "B"]]),
  ]), { program: "I1", round: "2026-1" });
  assert.deepEqual(report.issues.map((i) => [i.path, i.code, i.sample]), [
    ["submissions[0].values[2].value", "out_of_vocabulary", "202653"],
    ["submissions[1].values[2].sample", "unknown_sample", "202653"],
  ]);
  assert.equal(report.issues[1].message_zh, "本次活动项目 ABO 不检测批号 202653");
});

test("validateSubmission: options are checked", () => {
  assert.throws(() => eqa.validateSubmission(PLAN, [COMPLETE], { program: "C1", round: "2026-1", now: "2026-04-10 10:00" }), (e) => {
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.details.name, "now");
    return true;
  });
  assert.throws(() => eqa.validateSubmission(PLAN, [COMPLETE], { round: "2026-1" }), (e) => {
    assert.equal(e.details.name, "program");
    return true;
  });
  assert.throws(() => eqa.validateSubmission(PLAN, [{ lab: "L01" }], { program: "C1", round: "2026-1" }), (e) => {
    assert.equal(e.name, "InvalidInputError");
    assert.equal(e.details.path, "[0]");
    return true;
  });
});

test("validateSubmission: units compare by meaning; a convertible one is a warning", () => {
  for (const unit of ["mmol/l", "MMOL/L", " mmol / L "]) {
    const report = eqa.validateSubmission(PLAN, [{ ...COMPLETE, unit }], { program: "C1", round: "2026-1", now: OPEN });
    assert.deepEqual(report.issues, [], unit);
  }
  const report = eqa.validateSubmission(PLAN, [{ ...COMPLETE, unit: "mg/dL" }], { program: "C1", round: "2026-1", now: OPEN });
  assert.equal(report.valid, true);
  assert.deepEqual(report.issues.map((i) => [i.path, i.code, i.severity]), [["submissions[0].unit", "converted_unit", "warning"]]);
  assert.equal(report.issues[0].message_zh, "项目 GLU 的单位填写的是 mg/dL，应为 mmol/L；评价时将换算为 mmol/L，请按 mmol/L 填报");
});

test("validateSubmission: full-width digits read; a comma decimal gets a hint", () => {
  const values = COMPLETE.values.map((v, i) => ({ ...v, value: ["５.５０", "5,3", "<0.5", "12.3", "3.9"][i] }));
  const report = eqa.validateSubmission(PLAN, [{ ...COMPLETE, values }], { program: "C1", round: "2026-1", now: OPEN });
  assert.deepEqual(report.issues.map((i) => [i.path, i.code]), [["submissions[0].values[1].value", "unreadable_value"]]);
  assert.equal(report.issues[0].message_en,
    'the result of sample 202612, "5,3", is not a number; write the decimal separator as a point: 5.3');
});
