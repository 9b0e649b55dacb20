// Hospital EQA indicators (domain §6) in the package built for Node: the
// worked example of docs/indicators.md (core/data/catalogue/worked-example.json)
// under every policy, the national scope, validation, aggregates of five
// hand-made hospitals, CSV and errors; the same numbers as
// core/tests/indicators/indicators.rs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const EXAMPLE = JSON.parse(
  readFileSync(new URL("../../core/data/catalogue/worked-example.json", import.meta.url), "utf8"),
);
const CATALOGUE = eqa.sampleCatalogue();
const MAPPING = eqa.sampleMapping();
const CQ = "province:CQCCL";

const [K, NA, GLU, ALT, AST, CREA] = ["02.04.001", "02.04.002", "02.02.001", "02.05.001", "02.05.002", "02.07.002"];
const [HB, RBC, WBC, PLT, EOFT, P3] = ["01.01.001", "01.01.002", "01.01.004", "01.01.005", "01.02.001", "01.03.005"];

const run = (outcomes, options = {}) =>
  eqa.hospitalIndicators(CATALOGUE, MAPPING, EXAMPLE.hospital, outcomes, { scope: CQ, ...options });
const fraction = (indicator) => [indicator.numerator, indicator.denominator];
const sorted = (items) => [...items].sort();

test("indicators: the sample catalogue and mapping", () => {
  const items = CATALOGUE.specialties.flatMap((s) => s.classes.flatMap((c) => c.items.map((i) => i.code)));
  assert.equal(items.length, 56);
  assert.equal(new Set(items).size, 56);
  const item = (provider, program, analyte) =>
    MAPPING.entries.find((e) => e.provider === provider && e.program === program && e.analyte === analyte)?.item;
  assert.equal(item("CQCCL", "C1", "K"), K);
  assert.equal(item("NCCL", "NCCL-C-05", "K"), K);
  assert.deepEqual(eqa.validateIndicatorInputs(CATALOGUE, MAPPING, [], []), { issues: [] });
});

test("indicators: the worked example under the defaults", () => {
  const r = run(EXAMPLE.outcomes);
  assert.deepEqual(fraction(r.participation_rate), [9, 10]);
  assert.equal(r.participation_rate.value, 90);
  assert.deepEqual(r.participation_rate.denominator_items, sorted([K, NA, GLU, ALT, AST, CREA, HB, RBC, WBC, PLT]));
  assert.deepEqual(fraction(r.pass_rate), [6, 8]);
  assert.equal(r.pass_rate.value, 75);
  assert.deepEqual(r.pass_rate.numerator_items, sorted([K, NA, CREA, HB, WBC, PLT]));
  assert.deepEqual(r.fail_rate.numerator_items, sorted([GLU, ALT]));
  assert.deepEqual(fraction(r.alternative_usage_rate), [2, 2]);
  assert.deepEqual(r.alternative_usage_rate.denominator_items, sorted([EOFT, P3]));
  assert.equal(r.national_passed_items.value, 0);
  assert.deepEqual(r.policies, {
    year_pass: "all_scored_rounds_satisfactory",
    participation: "enrolled",
    combination: "all_must_pass",
    unscored: "excluded_from_pass_rate",
    alternative_counting: "used",
    alternative_rule: { min_samples: 5, min_events: 2, min_agreement: "80" },
  });
  assert.equal(r.pass_rate.policies.scope, CQ);
  assert.deepEqual(r.issues, []);
  const items = Object.fromEntries(r.items.map((i) => [i.item, i]));
  assert.equal(items[GLU].status, "failed");
  assert.deepEqual(items[GLU].coverages.map((c) => c.verdict), ["passed", "failed"]);
  assert.equal(items[AST].status, "not_evaluated");
  assert.equal(items[RBC].status, "not_participated");
  assert.equal(items[EOFT].alternative.meets_rule, true);
  assert.equal(items[P3].alternative.meets_rule, false);
});

test("indicators: the worked example under each policy", () => {
  const rows = [
    [{}, [9, 10], [6, 8], [2, 8], [2, 2]],
    [{ participation: "returned" }, [8, 10], [6, 7], [1, 7], [2, 2]],
    [{ yearPass: "not_unsuccessful" }, [9, 10], [7, 8], [1, 8], [2, 2]],
    [{ yearPass: "majority_of_rounds" }, [9, 10], [6, 8], [2, 8], [2, 2]],
    [{ combination: "any_passes" }, [9, 10], [7, 8], [1, 8], [2, 2]],
    [{ unscored: "counted_as_failed" }, [9, 10], [6, 9], [3, 9], [2, 2]],
    [{ alternativeCounting: "meets_rule" }, [9, 10], [6, 8], [2, 8], [1, 2]],
    [{ alternativeCounting: "meets_rule", minEvents: 1 }, [9, 10], [6, 8], [2, 8], [2, 2]],
    [{ alternativeCounting: "meets_rule", minAgreement: 80.5 }, [9, 10], [6, 8], [2, 8], [0, 2]],
  ];
  for (const [options, participation, pass, fail, alternative] of rows) {
    const r = run(EXAMPLE.outcomes, options);
    const what = JSON.stringify(options);
    assert.deepEqual(fraction(r.participation_rate), participation, what);
    assert.deepEqual(fraction(r.pass_rate), pass, what);
    assert.deepEqual(fraction(r.fail_rate), fail, what);
    assert.deepEqual(fraction(r.alternative_usage_rate), alternative, what);
  }
  assert.equal(run(EXAMPLE.outcomes, { participation: "returned" }).pass_rate.value, 600 / 7);
  assert.equal(run(EXAMPLE.outcomes, { yearPass: "not_unsuccessful" }).policies.year_pass, "not_unsuccessful");
});

test("indicators: the worked example with national EQA", () => {
  const all = [...EXAMPLE.outcomes, ...EXAMPLE.national_outcomes];
  const national = run(all, { scope: "national" });
  assert.deepEqual(fraction(national.participation_rate), [2, 10]);
  assert.deepEqual(fraction(national.pass_rate), [1, 2]);
  assert.deepEqual(national.national_passed_items.numerator_items, [GLU]);
  assert.deepEqual(fraction(run(all, { scope: "national_or_provincial" }).pass_rate), [5, 8]);
  assert.equal(run(all).national_passed_items.value, 1);
  assert.equal(run(all, { combination: "any_passes" }).national_passed_items.value, 2);
});

const scoring = (round, scores) => ({
  program: "C1",
  round,
  settings: { criteria: null, boundary: "inclusive", program_score: "pooled", late: "not_returned", pass_threshold: "80" },
  groups: [],
  evaluations: [],
  analyte_scores: scores.map(([lab, analyte, outcome]) => ({
    lab, analyte, acceptable: 0, scored: 0, not_scored: 0, score: null, threshold: "80", outcome, mean_vis: null,
  })),
  program_scores: [],
});

const PLAN = {
  provider: { code: "CQCCL" },
  year: 2025,
  programs: [{
    code: "C1",
    analytes: [{ code: "K" }, { code: "GLU" }],
    rounds: [
      { code: "1", deadline: "2025-04-20T17:00:00+08:00" },
      { code: "2", deadline: "2025-09-20T17:00:00+08:00" },
    ],
  }],
};

test("indicators: outcomes from round scoring", () => {
  const outcomes = eqa.itemOutcomes(PLAN, [
    scoring("2", [["L2", "GLU", "unsatisfactory"], ["L1", "K", "satisfactory"], ["L1", "GLU", "not_returned"]]),
    scoring("1", [["L1", "GLU", "satisfactory"], ["L1", "K", "satisfactory"]]),
  ]);
  assert.deepEqual(outcomes.map((o) => [o.analyte, o.lab, o.rounds]), [
    ["K", "L1", ["satisfactory", "satisfactory"]],
    ["GLU", "L1", ["satisfactory", "not_returned"]],
    ["GLU", "L2", ["unsatisfactory"]],
  ]);
  assert.ok(outcomes.every((o) => o.provider === "CQCCL" && o.year === 2025));
  assert.throws(() => eqa.itemOutcomes(PLAN, [scoring("3", [])]), (e) => {
    assert.equal(e.name, "InvalidInputError");
    assert.equal(e.code, "invalid_document");
    assert.equal(e.details.path, "scorings[0].round");
    return true;
  });
});

test("indicators: validation reports every problem", () => {
  const hospital = structuredClone(EXAMPLE.hospital);
  hospital.laboratories[0].performed.push("99.99.999", K);
  hospital.alternative[0].agreeing = 6;
  const extra = (program, analyte, lab, rounds) => ({ provider: "CQCCL", program, analyte, lab, rounds });
  const outcomes = [
    ...EXAMPLE.outcomes,
    extra("C1", "TBIL", "CQ-0101", ["satisfactory"]),
    extra("C9", "CYSC", "CQ-0101", ["satisfactory"]),
    EXAMPLE.outcomes[0],
    extra("C1", "K", "CQ-9999", []),
  ];
  const report = eqa.validateIndicatorInputs(CATALOGUE, MAPPING, [hospital], outcomes);
  assert.deepEqual(report.issues.map((i) => `${i.kind} ${i.location}`).sort(), [
    "duplicate_outcome outcomes[12]",
    "duplicate_performed hospitals[0].laboratories[0].performed[13]",
    "invalid_alternative hospitals[0].alternative[0]",
    "no_rounds outcomes[13]",
    "performed_omits_item outcomes[10]",
    "unknown_item hospitals[0].laboratories[0].performed[12]",
    "unknown_laboratory outcomes[13]",
    "unmapped_analyte outcomes[11]",
  ]);
  const r = eqa.hospitalIndicators(CATALOGUE, MAPPING, hospital, outcomes, { scope: CQ });
  assert.deepEqual(r.outcomes, { used: 12, other_laboratories: 1, other_years: 0, unmapped: 1 });
  assert.ok(r.pass_rate.numerator_items.includes("02.05.003"));
});

function synthetic(code, level, k, f) {
  const analytes = ["K", "NA", "CL", "CA", "P", "GLU", "UREA", "UA", "CREA", "ALB"];
  const item = (a) => MAPPING.entries.find((e) => e.program === "C1" && e.analyte === a).item;
  const lab = `L-${code}`;
  return [
    { code, level, year: 2025, laboratories: [{ codes: [{ provider: "CQCCL", lab }], performed: analytes.map(item) }] },
    analytes.slice(0, k).map((analyte, i) => ({
      provider: "CQCCL", program: "C1", analyte, lab,
      rounds: Array(2).fill(i < f ? "unsatisfactory" : "satisfactory"),
    })),
  ];
}

test("indicators: aggregates by level and province", () => {
  const made = [
    synthetic("A", "secondary", 9, 0),
    synthetic("B", "secondary", 8, 2),
    synthetic("C", "secondary", 10, 1),
    synthetic("D", "tertiary", 5, 1),
    synthetic("E", "tertiary", 7, 0),
  ];
  const report = eqa.providerIndicators(CATALOGUE, MAPPING, made.map(([h]) => h), made.flatMap(([, o]) => o), { scope: CQ });
  assert.deepEqual(report.issues, []);
  assert.deepEqual(report.groups.map((g) => g.group), ["all", "secondary", "tertiary"]);
  const stats = (g, k) => {
    const d = report.groups[g].distributions[k];
    return [d.min, d.q1, d.median, d.q3, d.max, d.mean];
  };
  // Participation 90, 80, 100, 50, 70 %; pass 100, 75, 90, 80, 100 %.
  assert.deepEqual(stats(0, 0), [50, 70, 80, 90, 100, 78]);
  assert.deepEqual(stats(0, 1), [75, 80, 90, 100, 100, 89]);
  assert.deepEqual(stats(1, 0), [80, 85, 90, 95, 100, 90]);
  assert.deepEqual(stats(1, 1), [75, 82.5, 90, 95, 100, 265 / 3]);
  assert.deepEqual(stats(2, 0), [50, 55, 60, 65, 70, 60]);
  assert.deepEqual(report.groups[0].distributions[0].bands.map((b) => b.count), [0, 0, 0, 0, 0, 1, 0, 1, 1, 2]);
  const alternative = report.groups[0].distributions[3];
  assert.deepEqual([alternative.n, alternative.undefined, alternative.median], [0, ["A", "B", "C", "D", "E"], null]);
  assert.deepEqual(
    report.groups[0].failed_items.map((f) => [f.item, f.failed, f.evaluated, f.percent]),
    [[K, 3, 5, 60], [NA, 1, 5, 20]],
  );
  assert.equal(eqa.providerIndicatorsCsv(report, "hospitals").split("\n")[1], "A,,secondary,2025,9,10,90,9,9,100,0,9,0,0,0,,0,0,0");
  assert.equal(eqa.providerIndicatorsCsv(report, "distributions").split("\n")[1], "all,participation_rate,5,0,50,70,80,90,100,78");
  assert.equal(eqa.providerIndicatorsCsv(report, "failed_items").split("\n")[1], "all,02.04.001,钾测定,3,5,60,B;C;D");
});

test("indicators: the items as CSV", () => {
  const lines = eqa.hospitalIndicatorsCsv(run(EXAMPLE.outcomes)).split("\n");
  assert.ok(lines[0].startsWith("item,name,performed,offered,offered_anywhere,participated,status"));
  assert.equal(
    lines.find((line) => line.startsWith(GLU)),
    "02.02.001,葡萄糖测定,true,true,true,true,failed,not_participated,CQCCL/C1/GLU@CQ-0101:passed; CQCCL/C1/GLU@CQ-0102:failed,,",
  );
});

test("indicators: errors name the option as JavaScript spells it", () => {
  const refuses = (options, name) =>
    assert.throws(() => run(EXAMPLE.outcomes, options), (e) => {
      assert.equal(e.name, "InvalidParameterError");
      assert.equal(e.code, "invalid_parameter");
      assert.equal(e.details.name, name);
      return true;
    });
  refuses({ scope: "provincial" }, "scope");
  refuses({ yearPass: "strict" }, "yearPass");
  refuses({ minAgreement: 120 }, "minAgreement");
  refuses({ minEvents: -1 }, "minEvents");
  assert.throws(() => eqa.hospitalIndicators(CATALOGUE, MAPPING, EXAMPLE.hospital, [], {}), /scope/);
  assert.throws(
    () => eqa.hospitalIndicators(CATALOGUE, MAPPING, { ...EXAMPLE.hospital, level: "quaternary" }, [], { scope: CQ }),
    (e) => e.name === "InvalidInputError" && e.details.path === "level",
  );
  const empty = eqa.providerIndicators(CATALOGUE, MAPPING, [], [], { scope: "national" });
  assert.throws(() => eqa.providerIndicatorsCsv(empty, "rows"), (e) => e.details.name === "table");
});
