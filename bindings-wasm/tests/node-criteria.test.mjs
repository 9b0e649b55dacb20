// Exact judging against acceptance limits, the shipped NCCL 2024 and CLIA 2024
// criteria tables (domain §5.1–§5.3) and unit conversions (§5.5) in the
// package built for Node, with the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const ten = { kind: "percent", percent: 10 };

/** Asserts that `run` throws an error of this name, code and details.name. */
function throwsNamed(run, name, code, detail) {
  assert.throws(run, (e) => {
    assert.equal(e.name, name);
    assert.equal(e.code, code);
    if (detail !== undefined) assert.equal(e.details.name, detail);
    return true;
  });
}

test("judge: on the limit is acceptable only inclusively", () => {
  const j = eqa.judge("5.5", "5.0", ten);
  assert.equal(j.acceptable, true);
  assert.equal(Number(j.allowed), 0.5);
  assert.equal(Number(j.deviation), 0.5);
  assert.equal(eqa.judge("5.5", "5.0", ten, { boundary: "exclusive" }).acceptable, false);
  assert.equal(eqa.judge(4.5, 5, ten).acceptable, true);
  assert.equal(eqa.judge("5.51", "5.0", ten).acceptable, false);
});

test("judge: numbers are read through their shortest text, where floats go wrong", () => {
  // Float arithmetic puts 1.1 outside 1.0 ± 10 % and 0.33 outside 0.3 ± 10 %.
  assert.ok(!(Math.abs(1.1 - 1.0) <= 0.1 * 1.0));
  assert.ok(!(Math.abs(0.33 - 0.3) <= 0.1 * 0.3));
  for (const [value, target] of [[1.1, 1.0], [0.33, 0.3], [0.27, 0.3]]) {
    assert.equal(eqa.judge(value, target, ten).acceptable, true, `${value} vs ${target}`);
    assert.equal(eqa.judge(value, target, ten, { boundary: "exclusive" }).acceptable, false);
  }
  const j = eqa.judge(0.1 + 0.2, 0.3, { kind: "absolute", absolute: "0.00000000000000004" });
  assert.equal(j.deviation, "0.00000000000000004");
  assert.equal(j.acceptable, true);
});

test("judge: greater of, and a multiple of the peer group's SD", () => {
  const glu = { kind: "greater_of", absolute: "0.33", percent: 8 };
  assert.equal(Number(eqa.judge(3, 3, glu).allowed), 0.33);
  assert.equal(Number(eqa.judge(10, 10, glu).allowed), 0.8);
  const twoS = { kind: "sd_multiple", k: 2 };
  const j = eqa.judge("10.8", "10", twoS, { sd: 0.4 });
  assert.equal(j.acceptable, true);
  assert.equal(Number(j.allowed), 0.8);
  throwsNamed(() => eqa.judge("10.8", "10", twoS), "InvalidParameterError", "invalid_parameter", "sd");
});

test("judge: bad input is refused with its name", () => {
  throwsNamed(() => eqa.judge("abc", "5", ten), "InvalidParameterError", "invalid_parameter", "value");
  throwsNamed(() => eqa.judge(true, "5", ten), "InvalidParameterError", "invalid_parameter", "value");
  throwsNamed(() => eqa.judge("5", NaN, ten), "InvalidParameterError", "invalid_parameter", "target");
  throwsNamed(() => eqa.judge("5", "5", ten, { boundary: "strict" }), "InvalidParameterError",
    "invalid_parameter", "boundary");
  throwsNamed(() => eqa.judge("5", "5", ten, { bound: "exclusive" }), "InvalidParameterError",
    "invalid_parameter", "option");
  throwsNamed(() => eqa.judge("5", "5", { kind: "percent", percent: 0 }), "InvalidParameterError",
    "invalid_parameter", "percent");
  throwsNamed(() => eqa.judge("5", "5", { kind: "percentage", percent: 10 }), "InvalidInputError",
    "invalid_document");
  throwsNamed(() => eqa.judge("5", "5", { kind: "categorical" }), "InvalidParameterError",
    "invalid_parameter", "limit");
});

const limitOf = (criteria, provider, year, program, analyte) => {
  const c = eqa.findCriterion(criteria, { provider, year, program, analyte });
  assert.ok(c !== null, `${provider} ${program} ${analyte}`);
  return c;
};

test("NCCL 2024: chemistry, blood gas and cardiac limits", () => {
  const nccl = eqa.nccl2024Criteria();
  assert.equal(nccl.tables.length, 5);
  for (const program of ["NCCL-C-01", "NCCL-C-02"]) {
    assert.deepEqual(limitOf(nccl, "NCCL", 2024, program, "K").limit, { kind: "percent", percent: "6" });
    assert.deepEqual(limitOf(nccl, "NCCL", 2024, program, "GLU").limit, { kind: "percent", percent: "7" });
    assert.deepEqual(limitOf(nccl, "NCCL", 2024, program, "CREA").limit, { kind: "percent", percent: "12" });
  }
  assert.deepEqual(limitOf(nccl, "NCCL", 2024, "NCCL-C-05", "PCO2").limit,
    { kind: "greater_of", absolute: "5", percent: "8" });
  const hcy = limitOf(nccl, "NCCL", 2024, "NCCL-C-03", "HCY");
  assert.deepEqual(hcy.limit, { kind: "greater_of", absolute: "2.5", percent: "20" });
  assert.equal(hcy.unit, "µmol/L");
  const k = limitOf(nccl, "NCCL", 2025, "NCCL-C-01", "K");
  assert.equal(k.confirmed, true);
  assert.match(k.note, /WS\/T 403-2012/);
  assert.equal(eqa.findCriterion(nccl, { provider: "NCCL", year: 2023, program: "NCCL-C-01", analyte: "K" }), null);
  assert.equal(limitOf(nccl, "NCCL", 2024, "NCCL-C-05", "PH").unit, null);
});

test("CLIA 2024: glucose confirmed, uric acid not", () => {
  const clia = eqa.clia2024Criteria();
  const glu = limitOf(clia, "CLIA", 2024, "chemistry", "GLU");
  assert.deepEqual(glu.limit, { kind: "greater_of", absolute: "0.33", percent: "8" });
  assert.equal(glu.confirmed, true);
  assert.equal(glu.unit, "mmol/L");
  const ua = limitOf(clia, "CLIA", 2024, "chemistry", "UA");
  assert.deepEqual(ua.limit, { kind: "percent", percent: "10" });
  assert.equal(ua.confirmed, false);
  assert.match(ua.note, /^UNCONFIRMED/);
});

test("builtin criteria: every entry cites a source", () => {
  const all = eqa.builtinCriteria();
  assert.equal(all.tables.length, 10);
  assert.deepEqual([...new Set(all.tables.map((t) => t.provider))].sort(), ["CLIA", "NCCL"]);
  for (const table of all.tables) {
    assert.ok(table.source.trim() && table.programs.length > 0);
    for (const c of table.criteria) {
      assert.ok(c.source.trim(), c.analyte);
      assert.ok(c.confirmed || c.note.includes("UNCONFIRMED"), c.analyte);
    }
  }
  const pco2 = limitOf(all, "NCCL", 2024, "NCCL-C-05", "PCO2");
  assert.equal(eqa.judge(45, 40, pco2.limit).acceptable, true);
  assert.equal(eqa.judge("45.1", 40, pco2.limit).acceptable, false);
  assert.equal(Number(eqa.judge(80, 80, pco2.limit).allowed), 6.4);
});

test("findCriterion: JSON text of one table, bad criteria and bad queries", () => {
  const table = JSON.stringify({
    provider: "HN", year: 2025, programs: ["HN-01"], source: "own",
    criteria: [{ analyte: "K", limit: { kind: "absolute", absolute: 0.2 }, source: "own", confirmed: false }],
  });
  const k = eqa.findCriterion(table, { provider: "HN", year: 2026, program: "HN-01", analyte: "K" });
  assert.deepEqual(k.limit, { kind: "absolute", absolute: "0.2" });
  assert.throws(
    () => eqa.findCriterion({ tables: [{ provider: "X" }] }, { provider: "X", year: 1, program: "p", analyte: "K" }),
    (e) => e.name === "InvalidInputError" && e.code === "invalid_document" && e.details.path.startsWith("tables[0]"),
  );
  throwsNamed(() => eqa.findCriterion(table, { provider: "HN", year: "2026", program: "HN-01", analyte: "K" }),
    "InvalidParameterError", "invalid_parameter", "year");
  throwsNamed(() => eqa.findCriterion(table, { provider: "HN", year: 2026, program: "HN-01" }),
    "InvalidParameterError", "invalid_parameter", "analyte");
});

test("convertUnit: glucose exactly and back", () => {
  const mmol = eqa.convertUnit(90, { analyte: "GLU", fromUnit: "mg/dL", toUnit: "mmol/L" });
  assert.equal(mmol, "4.9955595026642984014209591474");
  const back = eqa.convertUnit(mmol, { analyte: "GLU", fromUnit: "mmol/L", toUnit: "mg/dL" });
  // A quotient has 28 significant digits, so the way back is 90 to 20 decimals.
  assert.equal(Number(back), 90);
  assert.match(back, /^(89\.9{20}|90(\.0{20}|$))/);
  assert.equal(eqa.convertUnit(5.5, { analyte: "GLU", fromUnit: "mmol/L", toUnit: "mg/dL" }), "99.088");
  assert.equal(eqa.convertUnit("99.088", { analyte: "GLU", fromUnit: "mg/dl", toUnit: "mmol/l" }), "5.5");
});

test("convertUnit: creatinine, spellings and unknown pairs", () => {
  const cre = eqa.convertUnit("1.0", { analyte: "CREA", fromUnit: "mg/dL", toUnit: "µmol/L" });
  assert.equal(cre, "88.42");
  for (const spelling of ["umol/L", "μmol/L", "µmol/l"]) {
    assert.equal(eqa.convertUnit(cre, { analyte: "CREA", fromUnit: spelling, toUnit: "mg/dL" }), "1");
  }
  assert.equal(eqa.convertUnit("4.10", { analyte: "K", fromUnit: "mmol/L", toUnit: "mmol/l" }), "4.10");
  for (const [analyte, fromUnit, toUnit] of [["K", "mg/dL", "mmol/L"], ["GLU", "mg/dL", "g/L"], ["NOPE", "mg/dL", "mmol/L"]]) {
    throwsNamed(() => eqa.convertUnit(1, { analyte, fromUnit, toUnit }), "InvalidParameterError",
      "invalid_parameter", "unit");
  }
  throwsNamed(() => eqa.convertUnit(1, { analyte: "GLU", fromUnit: "mg/dL" }), "InvalidParameterError",
    "invalid_parameter", "toUnit");
});

test("unitConversions: the documented factors", () => {
  const table = Object.fromEntries(eqa.unitConversions().map((c) => [c.analyte, c]));
  assert.deepEqual([table.GLU.factor, table.GLU.direction, table.GLU.confirmed],
    ["18.016", "conventional_per_si", true]);
  assert.deepEqual([table.CREA.factor, table.CREA.direction], ["88.42", "si_per_conventional"]);
  assert.equal(table.UREA.factor, "0.357");
  for (const analyte of ["TC", "TG", "UA"]) {
    assert.equal(table[analyte].confirmed, false);
    assert.equal(table[analyte].source, "conventional factor");
  }
});
