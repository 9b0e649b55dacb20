"""Results in long format: a small CSV file with two bad rows reported by
line and column while the rest loads, JSON rows, and the CSV written back;
the same cases as core/tests/results/load.rs."""

from __future__ import annotations

import json
from typing import Any

import pytest

import eqa

SMALL = (
    "lab,program,round,analyte,sample,value,unit,instrument,reagent,method\n"
    "L01,C1,2026-1,GLU,202611,5.50,mmol/L,AU5800,Beckman,HK\n"
    "L01,C1,2026-1,GLU,202612,6.1,mmol/L,AU5800,Beckman,HK\n"
    "L01,C1,2026-1,,202613,7.0,mmol/L,AU5800,Beckman,HK\n"
    "L01,C1,2026-1,GLU,202614,8.2,mmol/L,AU5800,Beckman\n"
    "L01,C1,2026-1,GLU,202615,9.9,mmol/L,AU5800,Beckman,HK\n"
    "L02,C1,2026-1,GLU,202611,5.4,mmol/L,c702,Roche,HK\n"
)


def rows(loaded: Any) -> list[int]:
    return [v["row"] for s in loaded["results"]["submissions"] for v in s["values"]]


def test_a_small_file_with_two_bad_rows_reports_them_and_loads_the_rest() -> None:
    loaded = eqa.load_results_csv(SMALL)
    assert loaded["rows"] == 6
    assert loaded["problems"] == [
        {"row": 4, "column": "analyte", "code": "missing_field", "severity": "error",
         "message": "the analyte is missing"},
        {"row": 5, "column": None, "code": "ragged_row", "severity": "error",
         "message": "the row has 9 cells where the header has 10"},
    ]
    assert rows(loaded) == [2, 3, 6, 7]
    first, second = loaded["results"]["submissions"]
    assert (first["lab"], first["analyte"], first["unit"], first["calibrator"]) == (
        "L01", "GLU", "mmol/L", None)
    assert (first["status"], first["version"], first["submitted_at"]) == ("submitted", 0, None)
    assert [(v["sample"], v["value"]) for v in first["values"]] == [
        ("202611", "5.50"), ("202612", "6.1"), ("202615", "9.9")]
    assert second["instrument"] == "c702"


def test_statuses_versions_and_conflicting_metadata() -> None:
    csv = (
        "LAB, Program ,round,analyte,sample,value,unit,status,version,note\n"
        "L07,I1,2026-1,HBsAg,202651,阳性,,暂存,2,x\n"
        "L07,I1,2026-1,HBsAg,202652,,S/CO,draft,2,\n"
        "L07,I1,2026-1,HBsAg,202653,阴性,,sent,2,\n"
    )
    loaded = eqa.load_results_csv(csv)
    assert [(p["row"], p["column"], p["code"], p["severity"]) for p in loaded["problems"]] == [
        (1, "note", "unknown_column", "warning"),
        (3, "unit", "conflicting_metadata", "warning"),
        (4, "status", "bad_status", "error"),
    ]
    (draft,) = loaded["results"]["submissions"]
    assert (draft["status"], draft["version"], draft["unit"]) == ("draft", 2, None)
    assert [v["value"] for v in draft["values"]] == ["阳性", ""]


def test_a_missing_required_column_refuses_every_row() -> None:
    loaded = eqa.load_results_csv("lab,program,analyte,sample,value\nL01,C1,GLU,202611,5\n")
    assert loaded["results"]["submissions"] == []
    assert [(p["row"], p["column"], p["code"]) for p in loaded["problems"]] == [
        (1, "round", "missing_column"), (2, "round", "missing_column")]


def test_json_rows_are_numbered_by_position() -> None:
    data: list[Any] = [
        {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": 202611,
         "value": 5.5},
        {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": "202612",
         "value": "5.6", "version": -1},
        "not a row",
        {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": "202613",
         "value": None},
    ]
    for given in (data, json.dumps(data), {"rows": data}):
        loaded = eqa.load_results_json(given)
        assert loaded["rows"] == 4
        assert [(p["row"], p["column"], p["code"]) for p in loaded["problems"]] == [
            (2, "version", "bad_version"), (3, None, "unreadable_row")]
        assert rows(loaded) == [1, 4]
        assert [v["value"] for v in loaded["results"]["submissions"][0]["values"]] == ["5.5", ""]
    broken = eqa.load_results_json("[{")
    assert [(p["row"], p["code"]) for p in broken["problems"]] == [(0, "invalid_document")]


def test_csv_round_trips() -> None:
    loaded = eqa.load_results_csv(SMALL)
    written = eqa.results_to_csv(loaded["results"])
    assert written.splitlines()[0] == (
        "lab,program,round,analyte,sample,value,unit,instrument,reagent,calibrator,method,"
        "status,submitted_at,version")
    assert written.splitlines()[1] == (
        "L01,C1,2026-1,GLU,202611,5.50,mmol/L,AU5800,Beckman,,HK,submitted,,0")
    again = eqa.load_results_csv(written)
    assert again["problems"] == []
    # The rows are the new file's lines: 2, 3, 4, 5 for the four values kept.
    assert rows(again) == [2, 3, 4, 5]
    strip = [[(v["sample"], v["value"]) for v in s["values"]] for s in again["results"]["submissions"]]
    assert strip == [[("202611", "5.50"), ("202612", "6.1"), ("202615", "9.9")],
                     [("202611", "5.4")]]
    assert eqa.results_to_csv(again["results"]) == written


def test_results_to_csv_refuses_a_bad_document() -> None:
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.results_to_csv({"submissions": [{"lab": "L01"}]})
    assert info.value.code == "invalid_document"
    assert info.value.details["path"] == "submissions[0]"


def test_an_unterminated_quote_swallows_nothing_and_cr_endings_number_lines() -> None:
    lines = SMALL.splitlines()
    broken = "\n".join(lines[:3] + ['L09,C1,2026-1,GLU,202611,"5.5,mmol/L,AU5800,Beckman,HK'] + lines[3:]) + "\n"
    loaded = eqa.load_results_csv(broken)
    assert (loaded["problems"][0]["row"], loaded["problems"][0]["code"]) == (4, "unterminated_quote")
    assert rows(loaded) == [2, 3, 7, 8]
    assert loaded["rows"] == 7
    assert rows(eqa.load_results_csv(SMALL.replace("\n", "\r"))) == rows(eqa.load_results_csv(SMALL))


def test_csv_outputs_guard_formulas_and_read_them_back() -> None:
    hostile = SMALL.replace("AU5800", "=HYPERLINK(1)").replace("L02", "@L02")
    loaded = eqa.load_results_csv(hostile)
    written = eqa.results_to_csv(loaded["results"])
    assert "'=HYPERLINK(1)" in written and "'@L02" in written
    cells = [c for line in written.splitlines() for c in line.split(",")]
    assert not [c for c in cells if c[:1] in ("=", "@", "+")]
    again = eqa.load_results_csv(written)
    assert eqa.results_to_csv(again["results"]) == written
    assert again["results"]["submissions"][1]["lab"] == "@L02"


def test_json_duplicate_keys_a_bom_and_underflow_are_problems_not_guesses() -> None:
    row = '{"lab": "L1", "program": "C1", "round": "R1", "analyte": "GLU", "sample": "%s", "value": %s}'
    text = "\ufeff[" + ",".join([
        row % ("1", '"5.1"'),
        row % ("2", '"5.1", "value": "51"'),
        row % ("3", "1e-400"),
    ]) + "]"
    loaded = eqa.load_results_json(text)
    assert [(p["row"], p["code"]) for p in loaded["problems"]] == [(2, "duplicate_key"), (3, "bad_field")]
    assert rows(loaded) == [1]


def test_files_in_gbk_utf16_or_from_a_path_load_as_written(tmp_path: Any) -> None:
    text = SMALL.replace("Beckman", "贝克曼库尔特").replace("HK", "己糖激酶法")
    expected = eqa.load_results_csv(text)
    gbk = text.encode("gb18030")
    assert eqa.load_results_csv(gbk) == expected
    assert eqa.load_results_csv(bytearray(gbk), encoding="gb18030") == expected
    assert eqa.load_results_csv(text.encode("utf-16")) == expected
    path = tmp_path / "results.csv"
    path.write_bytes(gbk)
    assert eqa.load_results_csv(path) == expected
    garbled = eqa.load_results_csv(gbk, encoding="utf-8")
    assert {p["code"] for p in garbled["problems"]} >= {"bad_encoding"}
    assert all("贝克曼库尔特" not in str(s) for s in garbled["results"]["submissions"])
    with pytest.raises(eqa.InvalidParameterError):
        eqa.load_results_csv(gbk, encoding="gbk2")  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        eqa.load_results_csv(tmp_path / "missing.csv")
    json_bytes = json.dumps([{"lab": "L1", "program": "C1", "round": "R1", "analyte": "GLU",
                              "sample": "1", "value": "5.3", "method": "己糖激酶法"}],
                            ensure_ascii=False).encode("gb18030")
    loaded = eqa.load_results_json(json_bytes)
    assert loaded["results"]["submissions"][0]["method"] == "己糖激酶法"
