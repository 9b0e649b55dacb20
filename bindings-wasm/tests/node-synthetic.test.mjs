// The synthetic round generator in the package built for Node: determinism,
// the exact accounting of its values, every incident kind at 300
// laboratories, and the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const KINDS = {
  not_returned: 6,
  draft_only: 3,
  resubmitted: 9,
  late: 5,
  glucose_in_mg_dl: 3,
  creatinine_in_mg_dl: 2,
  swapped_samples: 3,
  transcription: 3,
  abo_mistyped: 2,
};
const YEARLONG = { biased: 9, unit_spelling: 8, instrument_spelling: 32, silent_enrolment: 1 };
const enrolledIn = (d, program) => d.results.enrollments.filter((e) => e.program === program);
const valuesOf = (d, program) =>
  d.results.submissions.filter((s) => s.program === program).reduce((n, s) => n + s.values.length, 0);

const data = eqa.syntheticRound();

test("syntheticRound: the same seed gives the same data, another seed other data", () => {
  const small = eqa.syntheticRound({ labs: 40, seed: 9, rounds: 2 });
  assert.deepEqual(eqa.syntheticRound({ labs: 40, seed: 9, rounds: 2 }), small);
  const other = eqa.syntheticRound({ labs: 40, seed: 10, rounds: 2 });
  assert.deepEqual(other.plan, small.plan);
  assert.notDeepEqual(other.results, small.results);
  assert.deepEqual(eqa.syntheticRound({ labs: 300, seed: 2026, rounds: 3 }), data);
});

test("syntheticRound: the plan is Chongqing's routine chemistry", () => {
  assert.deepEqual(data.plan.provider, { code: "CQCCL", name: "重庆市临床检验中心", level: "provincial" });
  const [c1, blood, dipstick] = data.plan.programs;
  assert.deepEqual([blood.code, dipstick.code], ["Y1", "H3"]);
  assert.equal(blood.scoring.pass_threshold, "100");
  assert.equal(data.plan.aliases.instrument["cobas c 702"], "Roche cobas c702");
  assert.equal(c1.code, "C1");
  assert.equal(c1.analytes.length, 30);
  assert.deepEqual(c1.analytes.filter((a) => !a.graded).map((a) => a.code), ["TBA", "GA"]);
  assert.deepEqual(c1.rounds.map((r) => r.deadline), [
    "2026-04-24T17:00:00+08:00",
    "2026-06-24T17:00:00+08:00",
    "2026-09-24T17:00:00+08:00",
  ]);
  assert.deepEqual(c1.rounds[0].samples.map((s) => s.code), ["202611", "202612", "202613", "202614", "202615"]);
  assert.deepEqual(eqa.loadPlan(data.plan), data.plan);
  const [table] = data.criteria.tables;
  assert.deepEqual([table.provider, table.year, table.programs], ["CQCCL", 2026, ["C1"]]);
});

test("syntheticRound: values = 5 × Σ analytes enrolled × copies (0 not returned, 2 resubmitted, else 1)", () => {
  const kinds = new Map(
    data.incidents.filter((i) => i.round && i.kind !== "abo_mistyped").map((i) => [`${i.lab}/${i.round}`, i.kind]),
  );
  let expected = 0;
  for (const round of data.plan.programs[0].rounds) {
    for (const e of enrolledIn(data, "C1")) {
      const kind = kinds.get(`${e.lab}/${round.code}`);
      const copies = kind === "not_returned" ? 0 : kind === "resubmitted" ? 2 : 1;
      expected += 5 * e.analytes.length * copies;
    }
  }
  assert.equal(valuesOf(data, "C1"), expected);
  for (const [program, analytes] of [["Y1", 2], ["H3", 3]]) {
    assert.equal(valuesOf(data, program), enrolledIn(data, program).length * analytes * 5 * 3, program);
  }
  const rows = data.results.submissions.flatMap((s) => s.values.map((v) => v.row));
  assert.deepEqual(rows, Array.from({ length: rows.length }, (_, i) => i + 2));
  // 300 laboratories and one enrolled for the whole program (an empty list) that sends nothing.
  const c1 = enrolledIn(data, "C1");
  assert.equal(c1.length, 301);
  assert.deepEqual(c1[300].analytes, []);
});

test("syntheticRound: every incident kind in every round at 300 laboratories", () => {
  const count = (round, kind) => data.incidents.filter((i) => i.round === round && i.kind === kind).length;
  const yearlong = Object.fromEntries(Object.keys(YEARLONG).map((k) => [k, count(null, k)]));
  assert.deepEqual(yearlong, YEARLONG);
  for (const round of ["2026-1", "2026-2", "2026-3"]) {
    const found = Object.fromEntries(Object.keys(KINDS).map((k) => [k, count(round, k)]));
    assert.deepEqual(found, KINDS, round);
  }
  const mixed = new Set(data.incidents.filter((i) => i.kind === "glucose_in_mg_dl").map((i) => `${i.lab}/${i.round}`));
  const glucose = data.results.submissions.filter((s) => s.analyte === "GLU" && mixed.has(`${s.lab}/${s.round}`));
  assert.equal(glucose.length, 9);
  for (const s of glucose) {
    assert.equal(s.unit, "mmol/L");
    for (const v of s.values) assert.ok(Number(v.value) >= 45 && !v.value.includes("."), v.value);
  }
});

test("syntheticRound: options out of range or of the wrong type throw InvalidParameterError", () => {
  for (const [options, name] of [
    [{ labs: 0 }, "labs"],
    [{ labs: 100001 }, "labs"],
    [{ rounds: 13 }, "rounds"],
    [{ rounds: 1.5 }, "rounds"],
    [{ seed: -1 }, "seed"],
    [{ seeds: 1 }, "option"],
  ]) {
    assert.throws(() => eqa.syntheticRound(options), (e) => {
      assert.equal(e.name, "InvalidParameterError");
      assert.equal(e.code, "invalid_parameter");
      assert.equal(e.details.name, name);
      return true;
    }, JSON.stringify(options));
  }
});

test("syntheticRound: the generated round scores end to end", () => {
  const scoring = eqa.scoreRound(data.plan, data.criteria, data.results, { program: "C1", round: "2026-1" });
  const outcomes = {};
  for (const p of scoring.program_scores) outcomes[p.outcome] = (outcomes[p.outcome] ?? 0) + 1;
  assert.equal(scoring.program_scores.length, 301);
  assert.ok(outcomes.satisfactory >= 270, JSON.stringify(outcomes));
  assert.equal(outcomes.not_returned, KINDS.not_returned + KINDS.draft_only + 1);
  assert.equal(outcomes.late, KINDS.late);
  const mixups = data.incidents.filter(
    (i) => i.round === "2026-1" && (i.kind === "glucose_in_mg_dl" || i.kind === "creatinine_in_mg_dl"),
  );
  assert.equal(mixups.length, KINDS.glucose_in_mg_dl + KINDS.creatinine_in_mg_dl);
  for (const i of mixups) {
    const [analyte] = i.analytes;
    const verdicts = scoring.evaluations.filter((e) => e.lab === i.lab && e.analyte === analyte).map((e) => e.verdict);
    assert.deepEqual(verdicts, Array(5).fill("unacceptable"), `${i.lab} ${analyte}`);
    const score = scoring.analyte_scores.find((s) => s.lab === i.lab && s.analyte === analyte);
    assert.deepEqual([score.score, score.outcome], [0, "unsatisfactory"]);
  }
});

test("syntheticRound: spellings and the programs of words are scored as meant", () => {
  const opts = (program) => ({ program, round: "2026-1" });
  const c1 = eqa.scoreRound(data.plan, data.criteria, data.results, opts("C1"));
  for (const i of data.incidents.filter((x) => x.kind === "unit_spelling")) {
    const mine = c1.evaluations.filter((e) => e.lab === i.lab && i.analytes.includes(e.analyte));
    assert.ok(mine.every((e) => e.reason !== "wrong_unit"), i.lab);
  }
  const blood = eqa.scoreRound(data.plan, data.criteria, data.results, opts("Y1"));
  for (const i of data.incidents.filter((x) => x.kind === "abo_mistyped" && x.round === "2026-1")) {
    const abo = blood.analyte_scores.find((a) => a.lab === i.lab && a.analyte === "ABO");
    assert.deepEqual([abo.score, abo.outcome], [80, "unsatisfactory"]);
  }
  const dipstick = eqa.scoreRound(data.plan, data.criteria, data.results, opts("H3"));
  assert.ok(dipstick.groups.every((g) => g.category !== null));
});
