// Results in long format in the Node build: a small CSV file with two bad
// rows reported by line and column while the rest loads, JSON rows, and the
// CSV written back; the same cases as core/tests/results/load.rs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const SMALL = [
  "lab,program,round,analyte,sample,value,unit,instrument,reagent,method",
  "L01,C1,2026-1,GLU,202611,5.50,mmol/L,AU5800,Beckman,HK",
  "L01,C1,2026-1,GLU,202612,6.1,mmol/L,AU5800,Beckman,HK",
  "L01,C1,2026-1,,202613,7.0,mmol/L,AU5800,Beckman,HK",
  "L01,C1,2026-1,GLU,202614,8.2,mmol/L,AU5800,Beckman",
  "L01,C1,2026-1,GLU,202615,9.9,mmol/L,AU5800,Beckman,HK",
  "L02,C1,2026-1,GLU,202611,5.4,mmol/L,c702,Roche,HK",
  "",
].join("\n");

const rows = (loaded) => loaded.results.submissions.flatMap((s) => s.values.map((v) => v.row));

test("loadResultsCsv: two bad rows are reported by line and column, the rest loads", () => {
  const loaded = eqa.loadResultsCsv(SMALL);
  assert.equal(loaded.rows, 6);
  assert.deepEqual(loaded.problems, [
    { row: 4, column: "analyte", code: "missing_field", severity: "error", message: "the analyte is missing" },
    { row: 5, column: null, code: "ragged_row", severity: "error", message: "the row has 9 cells where the header has 10" },
  ]);
  assert.deepEqual(rows(loaded), [2, 3, 6, 7]);
  const [first, second] = loaded.results.submissions;
  assert.deepEqual(
    [first.lab, first.analyte, first.unit, first.calibrator, first.status, first.version],
    ["L01", "GLU", "mmol/L", null, "submitted", 0],
  );
  assert.deepEqual(first.values.map((v) => [v.sample, v.value]), [["202611", "5.50"], ["202612", "6.1"], ["202615", "9.9"]]);
  assert.equal(second.instrument, "c702");
});

test("loadResultsCsv: statuses, unknown columns and conflicting metadata", () => {
  const csv = "LAB, Program ,round,analyte,sample,value,unit,status,version,note\n" +
    "L07,I1,2026-1,HBsAg,202651,阳性,,暂存,2,x\n" +
    "L07,I1,2026-1,HBsAg,202652,,S/CO,draft,2,\n" +
    "L07,I1,2026-1,HBsAg,202653,阴性,,sent,2,\n";
  const loaded = eqa.loadResultsCsv(csv);
  assert.deepEqual(loaded.problems.map((p) => [p.row, p.column, p.code, p.severity]), [
    [1, "note", "unknown_column", "warning"],
    [3, "unit", "conflicting_metadata", "warning"],
    [4, "status", "bad_status", "error"],
  ]);
  const [draft] = loaded.results.submissions;
  assert.deepEqual([draft.status, draft.version, draft.unit], ["draft", 2, null]);
  assert.deepEqual(draft.values.map((v) => v.value), ["阳性", ""]);
});

test("loadResultsJson: rows numbered by position, from text, arrays or {rows}", () => {
  const data = [
    { lab: "L01", program: "C1", round: "2026-1", analyte: "GLU", sample: 202611, value: 5.5 },
    { lab: "L01", program: "C1", round: "2026-1", analyte: "GLU", sample: "202612", value: "5.6", version: -1 },
    "not a row",
    { lab: "L01", program: "C1", round: "2026-1", analyte: "GLU", sample: "202613", value: null },
  ];
  for (const given of [data, JSON.stringify(data), { rows: data }]) {
    const loaded = eqa.loadResultsJson(given);
    assert.equal(loaded.rows, 4);
    assert.deepEqual(loaded.problems.map((p) => [p.row, p.column, p.code]), [
      [2, "version", "bad_version"],
      [3, null, "unreadable_row"],
    ]);
    assert.deepEqual(rows(loaded), [1, 4]);
    assert.deepEqual(loaded.results.submissions[0].values.map((v) => v.value), ["5.5", ""]);
  }
  assert.deepEqual(eqa.loadResultsJson("[{").problems.map((p) => [p.row, p.code]), [[0, "invalid_document"]]);
});

test("resultsToCsv: the long format written back loads the same values", () => {
  const loaded = eqa.loadResultsCsv(SMALL);
  const written = eqa.resultsToCsv(loaded.results);
  const lines = written.split("\n");
  assert.equal(lines[0], "lab,program,round,analyte,sample,value,unit,instrument,reagent,calibrator,method,status,submitted_at,version");
  assert.equal(lines[1], "L01,C1,2026-1,GLU,202611,5.50,mmol/L,AU5800,Beckman,,HK,submitted,,0");
  const again = eqa.loadResultsCsv(written);
  assert.deepEqual(again.problems, []);
  assert.deepEqual(rows(again), [2, 3, 4, 5]);
  assert.equal(eqa.resultsToCsv(again.results), written);
});

test("loadResultsCsv: an unterminated quote swallows nothing; CR endings number lines", () => {
  const lines = SMALL.split("\n");
  const broken = [...lines.slice(0, 3), 'L09,C1,2026-1,GLU,202611,"5.5,mmol/L,AU5800,Beckman,HK', ...lines.slice(3)].join("\n");
  const loaded = eqa.loadResultsCsv(broken);
  assert.deepEqual([loaded.problems[0].row, loaded.problems[0].code], [4, "unterminated_quote"]);
  assert.deepEqual(rows(loaded), [2, 3, 7, 8]);
  assert.deepEqual(rows(eqa.loadResultsCsv(SMALL.replaceAll("\n", "\r"))), rows(eqa.loadResultsCsv(SMALL)));
});

test("resultsToCsv: formula-like text is guarded and reads back as written", () => {
  const hostile = SMALL.replaceAll("AU5800", "=HYPERLINK(1)").replaceAll("L02", "@L02");
  const loaded = eqa.loadResultsCsv(hostile);
  const written = eqa.resultsToCsv(loaded.results);
  assert.ok(written.includes("'=HYPERLINK(1)") && written.includes("'@L02"));
  const cells = written.split("\n").flatMap((line) => line.split(","));
  assert.deepEqual(cells.filter((c) => ["=", "@", "+"].includes(c[0])), []);
  const again = eqa.loadResultsCsv(written);
  assert.equal(eqa.resultsToCsv(again.results), written);
  assert.equal(again.results.submissions[1].lab, "@L02");
});

test("loadResultsJson: a duplicate key, a BOM and an underflowing number are problems, not guesses", () => {
  const row = (sample, value) => `{"lab": "L1", "program": "C1", "round": "R1", "analyte": "GLU", "sample": "${sample}", "value": ${value}}`;
  const text = `\ufeff[${[row("1", '"5.1"'), row("2", '"5.1", "value": "51"'), row("3", "1e-400")].join(",")}]`;
  const loaded = eqa.loadResultsJson(text);
  assert.deepEqual(loaded.problems.map((p) => [p.row, p.code]), [[2, "duplicate_key"], [3, "bad_field"]]);
  assert.deepEqual(rows(loaded), [1]);
});

test("loadResultsCsv: the bytes of a GBK or UTF-16 file load as written; bad bytes say where", () => {
  // "lab,...,method\nL1,C1,R1,GLU,1,5.3,迈瑞" with 迈瑞 in GBK.
  const head = new TextEncoder().encode("lab,program,round,analyte,sample,value,method\nL1,C1,R1,GLU,1,5.3,");
  const gbk = new Uint8Array([...head, 0xc2, 0xf5, 0xc8, 0xf0, 0x0a]);
  const loaded = eqa.loadResultsCsv(gbk);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.results.submissions[0].method, "迈瑞");
  assert.equal(eqa.loadResultsCsv(gbk, { encoding: "gb18030" }).results.submissions[0].method, "迈瑞");
  const text = "lab,program,round,analyte,sample,value,method\nL1,C1,R1,GLU,1,5.3,迈瑞\n";
  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
  assert.deepEqual(eqa.loadResultsCsv(utf16).results, eqa.loadResultsCsv(text).results);
  const garbled = eqa.loadResultsCsv(gbk, { encoding: "utf-8" });
  assert.deepEqual(garbled.problems.map((p) => [p.row, p.code]), [[2, "bad_encoding"]]);
  assert.throws(() => eqa.loadResultsCsv(gbk, { encoding: "gbk2" }), (e) => e.code === "invalid_parameter");
});

test("errors: a bad results document and a text that is not a string", () => {
  assert.throws(() => eqa.resultsToCsv({ submissions: [{ lab: "L01" }] }), (e) => {
    assert.equal(e.name, "InvalidInputError");
    assert.equal(e.code, "invalid_document");
    assert.equal(e.details.path, "submissions[0]");
    return true;
  });
  assert.throws(() => eqa.loadResultsCsv(42), (e) => {
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.details.name, "text");
    return true;
  });
});
