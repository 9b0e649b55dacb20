// Performance over consecutive rounds and certificates (domain 3.4, 4.7) in
// the package built for Node: the CLIA vectors of 10.5, histories of
// hand-made scorings, the certificate policies, and the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const [S, U, E, N] = ["satisfactory", "unsatisfactory", "excused", "no_score"];

const unsuccessfulAt = (outcomes, options) =>
  eqa
    .performanceHistory(outcomes, options)
    .flatMap((status, i) => (status === "unsuccessful" ? [i + 1] : []));

/** Runs `call` and returns what it threw. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail("nothing was thrown");
}

test("performanceHistory: the CLIA vectors of the domain", () => {
  assert.deepEqual(eqa.performanceHistory([S, U, S, U]), [S, U, S, "unsuccessful"]);
  assert.deepEqual(unsuccessfulAt([U, S, U]), [3]);
  assert.deepEqual(unsuccessfulAt([U, U]), [2]);
  assert.deepEqual(eqa.performanceHistory([U, E, U]), [U, E, "unsuccessful"]);
  assert.deepEqual(unsuccessfulAt([S, U, S, S, U]), []);
});

test("performanceHistory: not returned, late and skipped rounds", () => {
  assert.deepEqual(unsuccessfulAt(["not_returned", S, "late"]), [3]);
  assert.deepEqual(eqa.performanceHistory([U, N, U]), [U, N, "unsuccessful"]);
  assert.deepEqual(unsuccessfulAt([U, S, E, U]), [4]);
  assert.deepEqual(eqa.performanceHistory([]), []);
});

test("performanceHistory: the rule is an option", () => {
  assert.deepEqual(unsuccessfulAt([S, U, S, U], { kOfN: null }), []);
  assert.deepEqual(unsuccessfulAt([U, S, U, S, U, U], { consecutive: 3, kOfN: [3, 5] }), [5, 6]);
  // Left out or undefined: the default, [2, 3].
  let kOfN;
  assert.deepEqual(unsuccessfulAt([U, S, U], { consecutive: 2, kOfN }), [3]);
  assert.deepEqual(unsuccessfulAt([U, S, U], null), [3]);
});

test("performanceHistory: bad options and outcomes are named", () => {
  for (const [options, name] of [
    [{ consecutive: 0 }, "consecutive"],
    [{ consecutive: 1.5 }, "consecutive"],
    [{ kOfN: [3, 2] }, "kOfN"],
    [{ kOfN: [0, 3] }, "kOfN"],
    [{ kOfN: [1, 2, 3] }, "kOfN"],
    [{ kOfN: 2 }, "kOfN"],
    [{ window: 3 }, "option"],
  ]) {
    const error = thrown(() => eqa.performanceHistory([S], options));
    assert.equal(error.name, "InvalidParameterError", JSON.stringify(options));
    assert.equal(error.code, "invalid_parameter");
    assert.equal(error.details.name, name, JSON.stringify(options));
  }
  const error = thrown(() => eqa.performanceHistory([S, "good"]));
  assert.equal(error.name, "InvalidInputError");
  assert.equal(error.code, "invalid_document");
  assert.equal(error.details.path, "[1]");
});

const score = (lab, analyte, outcome) => ({
  lab, analyte, acceptable: 0, scored: 0, not_scored: 0, score: null, threshold: "80", outcome,
  mean_vis: null,
});

const programScore = (lab, outcome) => ({
  lab, rule: "pooled", acceptable: 0, scored: 0, analytes_scored: 0, score: null,
  threshold: "80", outcome,
});

/** A scoring with scores only, in the serde form of eqa's RoundScoring. */
const round = (name, scores, programs) => ({
  program: "chem",
  round: name,
  settings: {
    criteria: null, boundary: "inclusive", program_score: "pooled", late: "not_returned",
    pass_threshold: "80",
  },
  groups: [],
  evaluations: [],
  analyte_scores: scores.map((s) => score(...s)),
  program_scores: programs.map((p) => programScore(...p)),
});

const YEAR = [
  round("2026-1", [["L2", "K", S], ["L2", "NA", U], ["L1", "K", S], ["L1", "NA", S]],
    [["L2", U], ["L1", S]]),
  round("2026-2", [["L2", "K", S], ["L2", "NA", S], ["L2", "CL", E]], [["L2", S]]),
  round("2026-3", [["L2", "K", S], ["L2", "NA", U], ["L2", "CL", N], ["L1", "K", S],
    ["L1", "NA", "not_returned"]], [["L2", U], ["L1", U]]),
];

test("histories: every lab, analyte and program", () => {
  const all = eqa.histories(YEAR);
  assert.deepEqual(all.map((h) => [h.lab, h.analyte]), [
    ["L1", null], ["L1", "K"], ["L1", "NA"], ["L2", null], ["L2", "CL"], ["L2", "K"], ["L2", "NA"],
  ]);
  assert.deepEqual(all[6], {
    lab: "L2", analyte: "NA", rounds: ["2026-1", "2026-2", "2026-3"], outcomes: [U, S, U],
    statuses: [U, S, "unsuccessful"], unsuccessful: true,
  });
  // L1 is absent from round 2: rounds 1 and 3 are consecutive in its history.
  assert.deepEqual(all[0].rounds, ["2026-1", "2026-3"]);
  assert.equal(all[0].unsuccessful, false);
  assert.deepEqual(all[4].statuses, [E, N]);
  assert.equal(eqa.histories(JSON.stringify(YEAR), { kOfN: null })[6].unsuccessful, false);
});

test("histories: inconsistent scorings are located", () => {
  const path = (scorings) => {
    const error = thrown(() => eqa.histories(scorings));
    assert.equal(error.code, "invalid_document");
    return error.details.path;
  };
  assert.equal(path([YEAR[0], { ...YEAR[1], program: "haem" }]), "[1].program");
  assert.equal(path([YEAR[0], YEAR[0]]), "[1].round");
  assert.equal(path([{ ...YEAR[0], round: 3 }]), "[0].round");
});

test("certificates: each policy", () => {
  const byLab = (list) => Object.fromEntries(list.map((c) => [c.lab, c]));
  const listed = byLab(eqa.certificates(YEAR, { program: "chem" }));
  assert.deepEqual(listed.L2, {
    lab: "L2", program: "chem", policy: "all_rounds_satisfactory", scope: "passed_analytes", eligible: true,
    analytes_passed: ["K"], analytes_failed: ["NA"], analytes_not_scored: ["CL"], rounds: 3,
  });
  const strict = byLab(eqa.certificates(YEAR, { program: "chem", scope: "all_analytes" }));
  assert.equal(strict.L2.eligible, false);
  assert.deepEqual([strict.L1.analytes_failed, strict.L1.rounds], [["NA"], 2]);
  const lenient = byLab(eqa.certificates(YEAR, { program: "chem", policy: "not_unsuccessful", scope: "all_analytes" }));
  assert.deepEqual(lenient.L1.analytes_passed, ["K", "NA"]);
  assert.equal(lenient.L1.eligible, true);
  assert.equal(lenient.L2.eligible, false);
  assert.deepEqual(eqa.certificates(YEAR, { program: "haem" }), []);
});

test("certificates: a missing program or an unknown policy is named", () => {
  for (const [options, name] of [
    [{}, "program"],
    [undefined, "program"],
    [{ program: 7 }, "program"],
    [{ program: "chem", policy: "strict" }, "policy"],
    [{ program: "chem", scope: "some" }, "scope"],
  ]) {
    const error = thrown(() => eqa.certificates(YEAR, options));
    assert.equal(error.name, "InvalidParameterError");
    assert.equal(error.details.name, name);
  }
});
