"""Reports as data (domain 4.2, 9): a laboratory's report and the round
summary of a hand-made scoring of glucose around the worked example of 4.2
(5.00, 4.60, 4.00, 3.20, 3.70 against 5.25, 5.00, 4.50, 3.50, 4.00 with
+-10 %: 4/5 acceptable, 80 %, satisfactory); the same scoring as the Rust
tests in core/tests/report/report.rs."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

import eqa

TARGETS = [5.25, 5.00, 4.50, 3.50, 4.00]
ALLOWED = [0.525, 0.5, 0.45, 0.35, 0.4]
SDS = [0.21, 0.2, 0.18, 0.14, 0.16]


def submission(lab: str, first_row: int, texts: list[str], **extra: Any) -> dict[str, Any]:
    values = [{"sample": f"S{s + 1}", "value": t, "row": first_row + s} for s, t in enumerate(texts)]
    return {"lab": lab, "program": "chem", "round": "2026-1", "analyte": "GLU", "values": values, **extra}


RESULTS: dict[str, Any] = {
    "submissions": [
        submission("L001", 2, ["5.00", "4.60", "4.00", "3.20", "3.70"]),
        submission("L002", 7, ["5.80", "5.00", "4.00", "3.50", "3,9"]),
        {**submission("L002", 12, ["5.9"]), "status": "draft"},
        submission("L004", 13, ["5.9", "5.6", "4.5", "3.5", "4.0"]),
    ]
}


def evaluation(lab: str, s: int, row: int | None, value: float | None, verdict: str,
               reason: str | None) -> dict[str, Any]:
    t = TARGETS[s]
    bias = None if value is None else value - t
    scored = verdict in ("acceptable", "unacceptable")
    return {
        "lab": lab, "analyte": "GLU", "sample": f"S{s + 1}", "row": row, "verdict": verdict,
        "reason": reason, "value": value, "target": t, "allowed": ALLOWED[s], "bias": bias,
        "bias_percent": None if bias is None else 100.0 * bias / t,
        "z": None if bias is None else bias / SDS[s], "expected": None, "vis": None,
        "group": s if scored else None,
    }


def lab_values(lab: str, first_row: int, values: list[float | None], ok: list[bool]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in range(5):
        if ok[s]:
            verdict, reason = "acceptable", None
        else:
            verdict = "unacceptable"
            reason = "outside_limit" if values[s] is not None else "unreadable_value"
        out.append(evaluation(lab, s, first_row + s, values[s], verdict, reason))
    return out


def scoring() -> dict[str, Any]:
    groups = [
        {
            "analyte": "GLU", "sample": f"S{s + 1}", "rung": 1, "key": [["method", "hexokinase"]],
            "n": 3, "n_used": 3, "target": TARGETS[s], "uncertainty": 0.05, "sd": SDS[s],
            "cv": 4.0, "median": TARGETS[s], "category": None, "agreement": None,
            "method": "algorithm_a", "warnings": ["small_group"],
        }
        for s in range(5)
    ]
    evaluations = lab_values("L001", 2, [5.0, 4.6, 4.0, 3.2, 3.7], [True, True, False, True, True])
    evaluations += lab_values("L002", 7, [5.8, 5.0, 4.0, 3.5, None], [False, True, False, True, False])
    evaluations.append(evaluation("L002", 0, 12, 5.9, "not_counted", "draft"))
    evaluations += [evaluation("L003", s, None, None, "not_returned", "no_submission") for s in range(5)]
    evaluations += lab_values("L004", 13, [5.9, 5.6, 4.5, 3.5, 4.0], [False, False, True, True, True])
    outcomes = [("L001", 4, 80.0, "satisfactory"), ("L002", 2, 40.0, "unsatisfactory"),
                ("L003", 0, 0.0, "not_returned"), ("L004", 3, 60.0, "unsatisfactory")]
    return {
        "program": "chem",
        "round": "2026-1",
        "settings": {
            "criteria": "NCCL/2024/chem", "boundary": "inclusive", "program_score": "pooled",
            "late": "not_returned", "pass_threshold": "80",
        },
        "groups": groups,
        "evaluations": evaluations,
        "analyte_scores": [
            {"lab": lab, "analyte": "GLU", "acceptable": a, "scored": 5, "not_scored": 0,
             "score": score, "threshold": "80", "outcome": outcome, "mean_vis": None}
            for lab, a, score, outcome in outcomes
        ],
        "program_scores": [
            {"lab": lab, "rule": "pooled", "acceptable": a, "scored": 5, "analytes_scored": 1,
             "score": score, "threshold": "80", "outcome": outcome}
            for lab, a, score, outcome in outcomes
        ],
    }


def test_the_worked_glucose_example() -> None:
    report = eqa.lab_report(RESULTS, scoring(), lab="L001")
    assert (report["program"], report["round"], report["lab"]) == ("chem", "2026-1", "L001")
    assert report["program_score"]["score"] == 80.0
    (glu,) = report["analytes"]
    assert (glu["score"], glu["threshold"], glu["outcome"]) == (80.0, "80", "satisfactory")
    assert [s["reported"] for s in glu["samples"]] == ["5.00", "4.60", "4.00", "3.20", "3.70"]
    assert [round(s["bias_percent"], 2) for s in glu["samples"]] == [-4.76, -8.0, -11.11, -8.57, -7.5]
    assert [s["verdict"] for s in glu["samples"]].count("acceptable") == 4
    assert glu["failures"] is None
    peer = glu["samples"][2]["peer"]
    assert peer == {"rung": 1, "key": [["method", "hexokinase"]], "n": 3, "method": "algorithm_a",
                    "sd": 0.18, "cv": 4.0}
    assert glu["samples"][2]["z"] == (4.0 - 4.5) / 0.18


def test_every_value_of_the_lab_is_reported() -> None:
    (glu,) = eqa.lab_report(json.dumps(RESULTS), json.dumps(scoring()), lab="L002")["analytes"]
    assert len(glu["samples"]) == 6
    draft = glu["samples"][5]
    assert (draft["verdict"], draft["reason"], draft["reported"], draft["peer"]) == (
        "not_counted", "draft", "5.9", None)
    assert (glu["samples"][4]["reported"], glu["samples"][4]["value"]) == ("3,9", None)
    assert glu["failures"] == "random"
    assert eqa.lab_report(RESULTS, scoring(), lab="L004")["analytes"][0]["failures"] == "systematic"
    (none,) = eqa.lab_report(RESULTS, scoring(), lab="L003")["analytes"]
    assert all(s["reported"] is None and s["row"] is None for s in none["samples"])


def test_bad_input_is_named() -> None:
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.lab_report(RESULTS, scoring(), lab="L999")
    assert info.value.details["name"] == "lab"
    with pytest.raises(eqa.InvalidInputError) as bad_row:
        eqa.lab_report({}, scoring(), lab="L001")
    assert bad_row.value.details["path"] == "evaluations[0].row"
    broken = scoring()
    broken["evaluations"][1]["group"] = 40
    with pytest.raises(eqa.InvalidInputError) as bad_group:
        eqa.round_summary(broken)
    assert bad_group.value.details["path"] == "evaluations[1].group"
    with pytest.raises(eqa.InvalidInputError) as bad_doc:
        eqa.round_summary({**scoring(), "groups": 3})
    assert bad_doc.value.code == "invalid_document"
    assert bad_doc.value.details["path"] == "groups"


def test_the_round_summary() -> None:
    summary = eqa.round_summary(scoring())
    rates = [g["acceptance_rate"] for g in summary["groups"]]
    assert rates == [100.0 / 3.0, 200.0 / 3.0, 100.0 / 3.0, 100.0, 200.0 / 3.0]
    g = summary["groups"][3]
    assert (g["scored"], g["acceptable"], g["n"], g["n_used"], g["target"]) == (3, 3, 3, 3, 3.5)
    assert g["warnings"] == ["small_group"]
    assert summary["analytes"] == [{
        "analyte": "GLU", "labs": 4, "scored": 20, "acceptable": 9, "satisfactory_labs": 1,
        "unsatisfactory_labs": 2, "not_returned": 1, "late": 0, "no_score": 0, "excused": 0,
    }]


def test_csv_forms() -> None:
    text = eqa.lab_report_csv(RESULTS, scoring(), lab="L002")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6
    assert rows[4]["reported"] == "3,9" and rows[4]["value"] == ""
    assert float(rows[0]["bias"]) == 5.8 - 5.25
    assert rows[0]["bias"] == repr(5.8 - 5.25)
    assert (rows[0]["score"], rows[0]["outcome"], rows[0]["failures"]) == ("40", "unsatisfactory", "random")
    assert rows[0]["group_key"] == "method=hexokinase"
    summary = eqa.round_summary_csv(scoring()).splitlines()
    assert len(summary) == 6
    assert summary[1] == ("chem,2026-1,GLU,S1,1,method=hexokinase,3,3,5.25,0.05,0.21,4,5.25,,,"
                          "algorithm_a,small_group,3,1,33.333333333333336")
