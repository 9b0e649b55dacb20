"""Validating a laboratory's submission before it is sent, against the
example plan of docs/plan-schema.md; the same cases as
core/tests/results/validation.rs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import eqa

PLAN_TEXT = (Path(__file__).resolve().parents[2] / "core" / "tests" / "data"
             / "plan-example.json").read_text(encoding="utf-8")
PLAN: dict[str, Any] = json.loads(PLAN_TEXT)
OPEN = "2026-04-10T10:00:00+08:00"


def draft(analyte: str, unit: str | None, values: list[tuple[str, str]],
          **extra: Any) -> dict[str, Any]:
    return {
        "lab": "L01", "program": "C1", "round": "2026-1", "analyte": analyte, "unit": unit,
        "instrument": "AU5800", "reagent": "Beckman", "calibrator": "Beckman",
        "method": "hexokinase", "status": "draft",
        "values": [{"sample": s, "value": v, "row": i + 1} for i, (s, v) in enumerate(values)],
        **extra,
    }


COMPLETE = draft("GLU", "mmol/L", [("202611", "5.50"), ("202612", "6.1"), ("202613", "<0.5"),
                                   ("202614", "12.3"), ("202615", "3.9")])


def test_the_example_plan_loads_with_its_defaults() -> None:
    plan = eqa.load_plan(PLAN)
    assert plan == eqa.load_plan(PLAN_TEXT)
    c1 = plan["programs"][0]
    assert c1["scoring"]["pass_threshold"] == "80"
    assert c1["analytes"][0]["result_type"] == {"kind": "quantitative"}
    assert c1["analytes"][0]["scoring"]["plausible"] == {"low": "0.5", "high": "40"}
    assert plan["programs"][1]["scoring"]["peer"]["min_n"] == 10


def test_plan_errors_name_the_path() -> None:
    bad = json.loads(PLAN_TEXT)
    bad["programs"][0]["rounds"][0]["deadline"] = "2026-04-20 17:00"
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.load_plan(bad)
    assert info.value.code == "invalid_document"
    assert info.value.details["path"] == "programs[0].rounds[0].deadline"
    assert "RFC 3339" in str(info.value.details["message"])

    duplicate = json.loads(PLAN_TEXT)
    duplicate["programs"][0]["analytes"].append({"code": "GLU"})
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.load_plan(json.dumps(duplicate))
    assert info.value.details == {"path": "programs[0].analytes",
                                  "message": 'duplicate analyte code "GLU"'}
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.validate_submission({**PLAN, "colour": 1}, [], program="C1", round="2026-1")
    assert info.value.details["path"] == "colour"


def test_unknown_units_and_out_of_domain_settings_are_refused_when_the_plan_loads() -> None:
    bad = json.loads(PLAN_TEXT)
    bad["programs"][0]["analytes"][0]["unit"] = "mmol/LL"
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.load_plan(bad)
    assert info.value.details["path"] == "programs[0].analytes[0].unit"
    bad["units"] = ["mmol/LL"]
    assert eqa.load_plan(bad)["units"] == ["mmol/LL"]
    year = {**json.loads(PLAN_TEXT), "year": -1}
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.load_plan(year)
    assert info.value.details["path"] == "year"
    threshold = json.loads(PLAN_TEXT)
    threshold["programs"][0]["analytes"][0]["scoring"]["pass_threshold"] = 101
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.load_plan(threshold)
    assert info.value.details["path"] == "programs[0].analytes[0].scoring.pass_threshold"


def test_a_complete_draft_validates() -> None:
    k = draft("K", "mmol/L", [("202611", "4.1"), ("202612", "3.5"), ("202613", "5.0"),
                              ("202614", "6.2"), ("202615", "2.9")])
    report = eqa.validate_submission(PLAN, [COMPLETE, k], program="C1", round="2026-1", now=OPEN)
    assert report == {"valid": True, "issues": []}


def test_a_faulty_draft_gives_exactly_its_issues() -> None:
    glu = draft("GLU", "mg/L", [("202611", "5.50"), ("202612", "5..5"), ("202613", "55.0"),
                                 ("202614", "6.1")], reagent=None)
    report = eqa.validate_submission(PLAN, [glu], program="C1", round="2026-1",
                                     now="2026-04-21T09:00:00+08:00")
    assert report["valid"] is False

    def issue(path: str, code: str, severity: str, analyte: str | None, sample: str | None,
              en: str, zh: str) -> dict[str, Any]:
        return {"path": path, "code": code, "severity": severity, "analyte": analyte,
                "sample": sample, "message_en": en, "message_zh": zh}

    assert report["issues"] == [
        issue("round", "past_deadline", "error", None, None,
              "the round closed at 2026-04-20T17:00:00+08:00; results can no longer be submitted",
              "本次活动已于 2026-04-20T17:00:00+08:00 截止，不能再上报结果"),
        issue("submissions[0].unit", "wrong_unit", "error", "GLU", None,
              "the unit of GLU must be mmol/L, not mg/L",
              "项目 GLU 的单位应为 mmol/L，填写的是 mg/L"),
        issue("submissions[0].reagent", "missing_reagent", "error", "GLU", None,
              "no reagent is chosen for GLU", "项目 GLU 未选择试剂"),
        issue("submissions[0].values[1].value", "unreadable_value", "error", "GLU", "202612",
              'the result of sample 202612, "5..5", is not a number',
              "批号 202612 的结果“5..5”不是数值"),
        issue("submissions[0].values[2].value", "implausible_value", "warning", "GLU", "202613",
              "the result of sample 202613, 55.0, is outside the plausible range 0.5 to 40; "
              "please check it",
              "批号 202613 的结果 55.0 超出合理范围 0.5～40，请核对"),
        issue("submissions[0].values", "missing_sample", "error", "GLU", "202615",
              "sample 202615 has no result", "批号 202615 未填写结果"),
    ]


def test_vocabulary_and_sample_lists() -> None:
    def i1(analyte: str, values: list[tuple[str, str]]) -> dict[str, Any]:
        return draft(analyte, None, values, program="I1", instrument=None, reagent=None,
                     method=None, calibrator=None)

    report = eqa.validate_submission(
        PLAN,
        json.dumps([i1("HBsAg", [("202651", "阳性"), ("202652", " NEGATIVE"), ("202653", "weak")]),
                    i1("ABO", [("202651", "A"), ("202652", "o"), ("202653", "B")])]),
        program="I1", round="2026-1")
    assert [(i["path"], i["code"], i["sample"]) for i in report["issues"]] == [
        ("submissions[0].values[2].value", "out_of_vocabulary", "202653"),
        ("submissions[1].values[2].sample", "unknown_sample", "202653"),
    ]
    assert report["issues"][1]["message_zh"] == "本次活动项目 ABO 不检测批号 202653"


def test_now_must_be_a_time_with_an_offset() -> None:
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.validate_submission(PLAN, [COMPLETE], program="C1", round="2026-1",
                                now="2026-04-10 10:00")
    assert info.value.details["name"] == "now"
    with pytest.raises(eqa.InvalidInputError) as bad:
        eqa.validate_submission(PLAN, [{"lab": "L01"}], program="C1", round="2026-1")
    assert bad.value.details["path"] == "[0]"
