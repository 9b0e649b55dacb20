"""The synthetic round generator: determinism, the exact accounting of its
values, every incident kind at 300 laboratories, and documents the core
reads back."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

import eqa

KINDS = {
    "not_returned": 6,
    "draft_only": 3,
    "resubmitted": 9,
    "late": 5,
    "glucose_in_mg_dl": 3,
    "creatinine_in_mg_dl": 2,
    "swapped_samples": 3,
    "transcription": 3,
    "abo_mistyped": 2,
}
YEARLONG = {"biased": 9, "unit_spelling": 8, "instrument_spelling": 32, "silent_enrolment": 1}


@pytest.fixture(scope="module")
def default() -> Any:
    return eqa.synthetic_round()


def values(data: Any, program: str = "C1") -> int:
    return sum(len(s["values"]) for s in data["results"]["submissions"] if s["program"] == program)


def enrolled_in(data: Any, program: str) -> list[dict[str, Any]]:
    return [e for e in data["results"]["enrollments"] if e["program"] == program]


def test_the_same_seed_gives_the_same_data(default: Any) -> None:
    small = eqa.synthetic_round(labs=40, seed=9, rounds=2)
    assert small == eqa.synthetic_round(labs=40, seed=9, rounds=2)
    other = eqa.synthetic_round(labs=40, seed=10, rounds=2)
    assert other["plan"] == small["plan"]
    assert other["results"] != small["results"]
    assert default == eqa.synthetic_round(labs=300, seed=2026, rounds=3)


def test_the_plan_is_chongqing_routine_chemistry(default: Any) -> None:
    plan = default["plan"]
    assert plan["provider"] == {"code": "CQCCL", "name": "重庆市临床检验中心", "level": "provincial"}
    c1, blood, dipstick = plan["programs"]
    assert [(p["code"], p["name"]) for p in (blood, dipstick)] == [("Y1", "血型鉴定"), ("H3", "尿液干化学")]
    assert blood["scoring"]["pass_threshold"] == "100"
    assert plan["aliases"]["instrument"]["cobas c 702"] == "Roche cobas c702"
    assert (c1["code"], c1["name"], c1["accredited"]) == ("C1", "常规化学", True)
    codes = [a["code"] for a in c1["analytes"]]
    assert len(codes) == 30 and codes[:6] == ["K", "NA", "CL", "CA", "P", "GLU"]
    assert [a["code"] for a in c1["analytes"] if not a["graded"]] == ["TBA", "GA"]
    assert [r["deadline"] for r in c1["rounds"]] == [
        "2026-04-24T17:00:00+08:00",
        "2026-06-24T17:00:00+08:00",
        "2026-09-24T17:00:00+08:00",
    ]
    assert [s["code"] for s in c1["rounds"][0]["samples"]] == [f"20261{i}" for i in range(1, 6)]
    table = default["criteria"]["tables"][0]
    assert (table["provider"], table["year"], table["programs"]) == ("CQCCL", 2026, ["C1"])
    limits = {c["analyte"]: c["limit"] for c in table["criteria"]}
    assert limits["GLU"]["kind"] == "percent" and float(limits["GLU"]["percent"]) == 7
    assert "TBA" not in limits and "GA" not in limits
    assert eqa.load_plan(plan) == plan


def test_every_value_is_accounted_for(default: Any) -> None:
    """In C1, values = 5 x sum over rounds and laboratories of analytes
    enrolled x copies: 0 when not returned, 2 when resubmitted, 1 otherwise;
    in the programs of words 5 per analyte, laboratory and round."""
    enrolled = {e["lab"]: len(e["analytes"]) for e in enrolled_in(default, "C1")}
    kinds = {
        (i["lab"], i["round"]): i["kind"]
        for i in default["incidents"]
        if i["round"] and i["kind"] != "abo_mistyped"
    }
    expected = 0
    for r in default["plan"]["programs"][0]["rounds"]:
        for lab, n in enrolled.items():
            copies = {"not_returned": 0, "resubmitted": 2}.get(kinds.get((lab, r["code"]), ""), 1)
            expected += 5 * n * copies
    assert values(default) == expected
    # 300 laboratories and one enrolled for the whole program (an empty list) that sends nothing.
    assert len(enrolled) == 301 and enrolled_in(default, "C1")[300]["analytes"] == []
    for program, analytes in (("Y1", 2), ("H3", 3)):
        takers = enrolled_in(default, program)
        assert values(default, program) == len(takers) * analytes * 5 * 3
    total = sum(len(s["values"]) for s in default["results"]["submissions"])
    rows = [v["row"] for s in default["results"]["submissions"] for v in s["values"]]
    assert rows == list(range(2, 2 + total))


def test_every_incident_kind_is_present_in_every_round(default: Any) -> None:
    per_round = Counter((i["round"], i["kind"]) for i in default["incidents"])
    assert {k: per_round[(None, k)] for k in YEARLONG} == YEARLONG
    for r in ("2026-1", "2026-2", "2026-3"):
        assert {k: per_round[(r, k)] for k in KINDS} == KINDS
    drafts = {(s["lab"], s["round"]) for s in default["results"]["submissions"] if s["status"] == "draft"}
    assert len(drafts) == 3 * KINDS["draft_only"]


def test_glucose_in_mg_dl_is_visible_in_the_numbers(default: Any) -> None:
    mixed = {(i["lab"], i["round"]) for i in default["incidents"] if i["kind"] == "glucose_in_mg_dl"}
    for s in default["results"]["submissions"]:
        if s["analyte"] == "GLU" and (s["lab"], s["round"]) in mixed:
            assert s["unit"] == "mmol/L"
            assert all(float(v["value"]) >= 45 and "." not in v["value"] for v in s["values"])


def test_options_out_of_range_are_refused() -> None:
    cases: list[dict[str, Any]] = [{"labs": 0}, {"labs": 100_001}, {"rounds": 0}, {"rounds": 13}]
    for options in cases:
        with pytest.raises(eqa.InvalidParameterError) as info:
            eqa.synthetic_round(**options)
        assert info.value.code == "invalid_parameter"
        assert info.value.details["name"] == next(iter(options))
    with pytest.raises(eqa.InvalidParameterError):
        eqa.synthetic_round(seed=-1)


def test_a_full_menu_gives_every_laboratory_every_analyte() -> None:
    data = eqa.synthetic_round(labs=20, rounds=1, full_menu=True)
    enrolled = {len(e["analytes"]) for e in enrolled_in(data, "C1")[:20]}
    assert enrolled == {30}


def test_the_generated_round_scores_end_to_end(default: Any) -> None:
    scoring = eqa.score_round(
        default["plan"], default["criteria"], default["results"], program="C1", round="2026-1"
    )
    outcomes = Counter(p["outcome"] for p in scoring["program_scores"])
    assert sum(outcomes.values()) == 301
    assert outcomes["satisfactory"] >= 270
    assert outcomes["not_returned"] == KINDS["not_returned"] + KINDS["draft_only"] + 1
    assert outcomes["late"] == KINDS["late"]
    of_round = [i for i in default["incidents"] if i["round"] == "2026-1"]
    for i in of_round:
        if i["kind"] not in ("glucose_in_mg_dl", "creatinine_in_mg_dl"):
            continue
        (analyte,) = i["analytes"]
        verdicts = [
            e["verdict"]
            for e in scoring["evaluations"]
            if e["lab"] == i["lab"] and e["analyte"] == analyte
        ]
        assert verdicts == ["unacceptable"] * 5, (i["lab"], analyte)
        (score,) = [
            s for s in scoring["analyte_scores"] if s["lab"] == i["lab"] and s["analyte"] == analyte
        ]
        assert (score["score"], score["outcome"]) == (0.0, "unsatisfactory")


def test_spellings_and_programs_of_words_are_scored_as_meant(default: Any) -> None:
    plan, criteria, results = default["plan"], default["criteria"], default["results"]
    c1 = eqa.score_round(plan, criteria, results, program="C1", round="2026-1")
    spelled = [i for i in default["incidents"] if i["kind"] == "unit_spelling"]
    assert {i["detail"] for i in spelled} <= {"µmol/L written μmol/L", "µmol/L written umol/L"}
    for i in spelled:
        mine = [e for e in c1["evaluations"] if e["lab"] == i["lab"] and e["analyte"] in i["analytes"]]
        assert all(e["reason"] != "wrong_unit" for e in mine), i["lab"]
    blood = eqa.score_round(plan, criteria, results, program="Y1", round="2026-1")
    for i in default["incidents"]:
        if i["kind"] == "abo_mistyped" and i["round"] == "2026-1":
            (abo,) = [a for a in blood["analyte_scores"] if a["lab"] == i["lab"] and a["analyte"] == "ABO"]
            assert (abo["score"], abo["outcome"]) == (80.0, "unsatisfactory")
    dipstick = eqa.score_round(plan, criteria, results, program="H3", round="2026-1")
    assert all(g["category"] is not None for g in dipstick["groups"])
