"""Hospital EQA indicators: the worked example of docs/indicators.md under
every policy, the national scope, validation, aggregates, CSV and errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import eqa

EXAMPLE = json.loads(
    (Path(__file__).resolve().parents[2] / "core/data/catalogue/worked-example.json").read_text(
        encoding="utf-8"
    )
)
CATALOGUE = eqa.sample_catalogue()
MAPPING = eqa.sample_mapping()
CQ = "province:CQCCL"

K, NA, GLU, ALT, AST, CREA = "02.04.001", "02.04.002", "02.02.001", "02.05.001", "02.05.002", "02.07.002"
HB, RBC, WBC, PLT, EOFT, P3 = "01.01.001", "01.01.002", "01.01.004", "01.01.005", "01.02.001", "01.03.005"


def run(outcomes: list[dict[str, Any]], scope: str = CQ, **policies: Any) -> eqa._eqa._IndHospitalIndicatorsDict:
    return eqa.hospital_indicators(
        CATALOGUE, MAPPING, EXAMPLE["hospital"], outcomes, scope=scope, **policies
    )


def fraction(indicator: eqa._eqa._IndDict) -> tuple[int, int]:
    return indicator["numerator"], indicator["denominator"]


def test_the_samples() -> None:
    items = [
        item["code"]
        for specialty in CATALOGUE["specialties"]
        for cls in specialty["classes"]
        for item in cls["items"]
    ]
    assert len(items) == 56 == len(set(items))
    entries = {(e["provider"], e["program"], e["analyte"]): e["item"] for e in MAPPING["entries"]}
    assert entries[("CQCCL", "C1", "K")] == entries[("NCCL", "NCCL-C-05", "K")] == K
    assert eqa.validate_indicator_inputs(CATALOGUE, MAPPING, [], []) == {"issues": []}


def test_the_worked_example_under_the_defaults() -> None:
    r = run(EXAMPLE["outcomes"])
    assert fraction(r["participation_rate"]) == (9, 10)
    assert r["participation_rate"]["value"] == 90.0
    assert r["participation_rate"]["denominator_items"] == sorted(
        [K, NA, GLU, ALT, AST, CREA, HB, RBC, WBC, PLT]
    )
    assert fraction(r["pass_rate"]) == (6, 8)
    assert r["pass_rate"]["value"] == 75.0
    assert r["pass_rate"]["numerator_items"] == sorted([K, NA, CREA, HB, WBC, PLT])
    assert fraction(r["fail_rate"]) == (2, 8)
    assert r["fail_rate"]["numerator_items"] == sorted([GLU, ALT])
    assert fraction(r["alternative_usage_rate"]) == (2, 2)
    assert r["alternative_usage_rate"]["denominator_items"] == sorted([EOFT, P3])
    assert r["national_passed_items"]["value"] == 0.0
    assert r["policies"] == {
        "year_pass": "all_scored_rounds_satisfactory",
        "participation": "enrolled",
        "combination": "all_must_pass",
        "unscored": "excluded_from_pass_rate",
        "alternative_counting": "used",
        "alternative_rule": {"min_samples": 5, "min_events": 2, "min_agreement": "80"},
    }
    assert r["pass_rate"]["policies"]["scope"] == CQ
    assert r["scope"] == CQ
    assert r["issues"] == []
    assert r["outcomes"]["used"] == 10
    items = {i["item"]: i for i in r["items"]}
    assert items[GLU]["status"] == "failed"
    assert [c["verdict"] for c in items[GLU]["coverages"]] == ["passed", "failed"]
    assert items[AST]["status"] == "not_evaluated"
    assert items[RBC]["status"] == "not_participated"
    alternative = items[EOFT]["alternative"]
    assert alternative is not None and alternative["meets_rule"]
    assert [e["agreement"] for e in alternative["events"]] == [100.0, 80.0]


@pytest.mark.parametrize(
    ("policies", "participation", "passed", "failed", "alternative"),
    [
        ({}, (9, 10), (6, 8), (2, 8), (2, 2)),
        ({"participation": "returned"}, (8, 10), (6, 7), (1, 7), (2, 2)),
        ({"year_pass": "not_unsuccessful"}, (9, 10), (7, 8), (1, 8), (2, 2)),
        ({"year_pass": "majority_of_rounds"}, (9, 10), (6, 8), (2, 8), (2, 2)),
        ({"combination": "any_passes"}, (9, 10), (7, 8), (1, 8), (2, 2)),
        ({"unscored": "counted_as_failed"}, (9, 10), (6, 9), (3, 9), (2, 2)),
        ({"alternative_counting": "meets_rule"}, (9, 10), (6, 8), (2, 8), (1, 2)),
        ({"alternative_counting": "meets_rule", "min_events": 1}, (9, 10), (6, 8), (2, 8), (2, 2)),
        ({"alternative_counting": "meets_rule", "min_agreement": 80.5}, (9, 10), (6, 8), (2, 8), (0, 2)),
    ],
)
def test_the_worked_example_under_each_policy(
    policies: dict[str, Any],
    participation: tuple[int, int],
    passed: tuple[int, int],
    failed: tuple[int, int],
    alternative: tuple[int, int],
) -> None:
    r = run(EXAMPLE["outcomes"], **policies)
    assert fraction(r["participation_rate"]) == participation
    assert fraction(r["pass_rate"]) == passed
    assert fraction(r["fail_rate"]) == failed
    assert fraction(r["alternative_usage_rate"]) == alternative
    for name, value in policies.items():
        if not name.startswith("min_"):
            assert r["policies"][name] == value  # type: ignore[literal-required]


def test_the_worked_example_with_national_eqa() -> None:
    everything = EXAMPLE["outcomes"] + EXAMPLE["national_outcomes"]
    national = run(everything, scope="national")
    assert fraction(national["participation_rate"]) == (2, 10)
    assert fraction(national["pass_rate"]) == (1, 2)
    assert national["national_passed_items"]["numerator_items"] == [GLU]
    either = run(everything, scope="national_or_provincial")
    assert fraction(either["pass_rate"]) == (5, 8)
    assert run(everything)["national_passed_items"]["value"] == 1.0
    assert run(everything, combination="any_passes")["national_passed_items"]["value"] == 2.0


def scoring(round_code: str, scores: list[tuple[str, str, str]]) -> dict[str, Any]:
    return {
        "program": "C1",
        "round": round_code,
        "settings": {
            "criteria": None,
            "boundary": "inclusive",
            "program_score": "pooled",
            "late": "not_returned",
            "pass_threshold": "80",
        },
        "groups": [],
        "evaluations": [],
        "analyte_scores": [
            {
                "lab": lab,
                "analyte": analyte,
                "acceptable": 0,
                "scored": 0,
                "not_scored": 0,
                "score": None,
                "threshold": "80",
                "outcome": outcome,
                "mean_vis": None,
            }
            for lab, analyte, outcome in scores
        ],
        "program_scores": [],
    }


PLAN = {
    "provider": {"code": "CQCCL"},
    "year": 2025,
    "programs": [
        {
            "code": "C1",
            "analytes": [{"code": "K"}, {"code": "GLU"}],
            "rounds": [
                {"code": "1", "deadline": "2025-04-20T17:00:00+08:00"},
                {"code": "2", "deadline": "2025-09-20T17:00:00+08:00"},
            ],
        }
    ],
}


def test_outcomes_from_round_scoring() -> None:
    scorings = [
        scoring("2", [("L2", "GLU", "unsatisfactory"), ("L1", "K", "satisfactory"), ("L1", "GLU", "not_returned")]),
        scoring("1", [("L1", "GLU", "satisfactory"), ("L1", "K", "satisfactory")]),
    ]
    outcomes = eqa.item_outcomes(PLAN, scorings)
    assert [(o["analyte"], o["lab"], o["rounds"]) for o in outcomes] == [
        ("K", "L1", ["satisfactory", "satisfactory"]),
        ("GLU", "L1", ["satisfactory", "not_returned"]),
        ("GLU", "L2", ["unsatisfactory"]),
    ]
    assert {(o["provider"], o["year"]) for o in outcomes} == {("CQCCL", 2025)}
    with pytest.raises(eqa.InvalidInputError) as caught:
        eqa.item_outcomes(PLAN, [scoring("3", [])])
    assert caught.value.code == "invalid_document"
    assert caught.value.details["path"] == "scorings[0].round"


def test_validation_reports_every_problem() -> None:
    hospital = json.loads(json.dumps(EXAMPLE["hospital"]))
    hospital["laboratories"][0]["performed"] += ["99.99.999", K]
    hospital["alternative"][0]["agreeing"] = 6
    outcomes = EXAMPLE["outcomes"] + [
        {"provider": "CQCCL", "program": "C1", "analyte": "TBIL", "lab": "CQ-0101", "rounds": ["satisfactory"]},
        {"provider": "CQCCL", "program": "C9", "analyte": "CYSC", "lab": "CQ-0101", "rounds": ["satisfactory"]},
        EXAMPLE["outcomes"][0],
        {"provider": "CQCCL", "program": "C1", "analyte": "K", "lab": "CQ-9999", "rounds": []},
    ]
    report = eqa.validate_indicator_inputs(CATALOGUE, MAPPING, [hospital], outcomes)
    found = sorted((i["kind"], i["location"]) for i in report["issues"])
    assert found == [
        ("duplicate_outcome", "outcomes[12]"),
        ("duplicate_performed", "hospitals[0].laboratories[0].performed[13]"),
        ("invalid_alternative", "hospitals[0].alternative[0]"),
        ("no_rounds", "outcomes[13]"),
        ("performed_omits_item", "outcomes[10]"),
        ("unknown_item", "hospitals[0].laboratories[0].performed[12]"),
        ("unknown_laboratory", "outcomes[13]"),
        ("unmapped_analyte", "outcomes[11]"),
    ]
    # The hospital's result lists its own issues and accounts for every outcome.
    r = eqa.hospital_indicators(CATALOGUE, MAPPING, hospital, outcomes, scope=CQ)
    assert r["outcomes"] == {"used": 12, "other_laboratories": 1, "other_years": 0, "unmapped": 1}
    assert "performed_omits_item" in {i["kind"] for i in r["issues"]}
    assert "02.05.003" in r["pass_rate"]["numerator_items"]


def synthetic(code: str, level: str, k: int, f: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    analytes = ["K", "NA", "CL", "CA", "P", "GLU", "UREA", "UA", "CREA", "ALB"]
    items = {e["analyte"]: e["item"] for e in MAPPING["entries"] if e["program"] == "C1"}
    lab = f"L-{code}"
    hospital = {
        "code": code,
        "level": level,
        "year": 2025,
        "laboratories": [
            {"codes": [{"provider": "CQCCL", "lab": lab}], "performed": [items[a] for a in analytes]}
        ],
    }
    outcomes = [
        {
            "provider": "CQCCL",
            "program": "C1",
            "analyte": a,
            "lab": lab,
            "rounds": ["unsatisfactory" if i < f else "satisfactory"] * 2,
        }
        for i, a in enumerate(analytes[:k])
    ]
    return hospital, outcomes


def test_aggregates_by_level_and_province() -> None:
    made = [
        synthetic("A", "secondary", 9, 0),
        synthetic("B", "secondary", 8, 2),
        synthetic("C", "secondary", 10, 1),
        synthetic("D", "tertiary", 5, 1),
        synthetic("E", "tertiary", 7, 0),
    ]
    hospitals = [h for h, _ in made]
    outcomes = [o for _, os in made for o in os]
    report = eqa.provider_indicators(CATALOGUE, MAPPING, hospitals, outcomes, scope=CQ)
    assert report["issues"] == []
    assert [g["group"] for g in report["groups"]] == ["all", "secondary", "tertiary"]

    def stats(group: int, indicator: int) -> list[float | None]:
        d = report["groups"][group]["distributions"][indicator]
        return [d["min"], d["q1"], d["median"], d["q3"], d["max"], d["mean"]]

    # Participation 90, 80, 100, 50, 70 %; pass 100, 75, 90, 80, 100 %.
    assert stats(0, 0) == [50.0, 70.0, 80.0, 90.0, 100.0, 78.0]
    assert stats(0, 1) == [75.0, 80.0, 90.0, 100.0, 100.0, 89.0]
    assert stats(1, 0) == [80.0, 85.0, 90.0, 95.0, 100.0, 90.0]
    assert stats(1, 1) == [75.0, 82.5, 90.0, 95.0, 100.0, 265.0 / 3.0]
    assert stats(2, 0) == [50.0, 55.0, 60.0, 65.0, 70.0, 60.0]
    assert [b["count"] for b in report["groups"][0]["distributions"][0]["bands"]] == [0, 0, 0, 0, 0, 1, 0, 1, 1, 2]
    alternative = report["groups"][0]["distributions"][3]
    assert (alternative["n"], alternative["undefined"], alternative["median"]) == (0, list("ABCDE"), None)
    failed = [(f["item"], f["failed"], f["evaluated"], f["percent"]) for f in report["groups"][0]["failed_items"]]
    assert failed == [(K, 3, 5, 60.0), (NA, 1, 5, 20.0)]

    lines = eqa.provider_indicators_csv(report, table="hospitals").splitlines()
    assert lines[1] == "A,,secondary,2025,9,10,90,9,9,100,0,9,0,0,0,,0,0,0"
    lines = eqa.provider_indicators_csv(report, table="distributions").splitlines()
    assert lines[1] == "all,participation_rate,5,0,50,70,80,90,100,78"
    lines = eqa.provider_indicators_csv(report, table="failed_items").splitlines()
    assert lines[1] == "all,02.04.001,钾测定,3,5,60,B;C;D"


def test_items_csv() -> None:
    lines = eqa.hospital_indicators_csv(run(EXAMPLE["outcomes"])).splitlines()
    assert lines[0].startswith("item,name,performed,offered,offered_anywhere,participated,status")
    glu = next(line for line in lines if line.startswith(GLU))
    assert glu == (
        "02.02.001,葡萄糖测定,true,true,true,true,failed,not_participated,"
        "CQCCL/C1/GLU@CQ-0101:passed; CQCCL/C1/GLU@CQ-0102:failed,,"
    )


def test_errors() -> None:
    with pytest.raises(eqa.InvalidParameterError) as caught:
        run(EXAMPLE["outcomes"], scope="provincial")
    assert caught.value.code == "invalid_parameter"
    assert caught.value.details["name"] == "scope"
    with pytest.raises(eqa.InvalidParameterError):
        run(EXAMPLE["outcomes"], year_pass="strict")
    with pytest.raises(eqa.InvalidParameterError) as caught:
        run(EXAMPLE["outcomes"], min_agreement=120.0)
    assert caught.value.details["name"] == "min_agreement"
    with pytest.raises(eqa.InvalidParameterError) as caught:
        run(EXAMPLE["outcomes"], min_events=-1)
    assert caught.value.details["name"] == "min_events"
    bad = dict(EXAMPLE["hospital"], level="quaternary")
    with pytest.raises(eqa.InvalidInputError) as unreadable:
        eqa.hospital_indicators(CATALOGUE, MAPPING, bad, [], scope=CQ)
    assert unreadable.value.code == "invalid_document"
    assert unreadable.value.details["path"] == "level"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.provider_indicators_csv(
            eqa.provider_indicators(CATALOGUE, MAPPING, [], [], scope="national"),
            table="rows",  # type: ignore[arg-type]
        )
