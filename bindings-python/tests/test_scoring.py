"""Scoring a round through the binding: the glucose example of domain §4.2,
the VIS example of §4.9, the inclusive boundary, not-returned, late and
missing results, agreement targets, errors, and documents as JSON text."""

from __future__ import annotations

import json
from typing import Any

import pytest

import eqa

DEADLINE = "2026-04-20T17:00:00+08:00"


def plan(analytes: list[dict[str, Any]], samples: list[str], scoring: dict[str, Any]) -> dict[str, Any]:
    return {
        "provider": {"code": "P"},
        "year": 2026,
        "programs": [
            {
                "code": "C1",
                "analytes": analytes,
                "rounds": [{"code": "R1", "deadline": DEADLINE, "samples": [{"code": s} for s in samples]}],
                "scoring": scoring,
            }
        ],
    }


def submission(lab: str, analyte: str, values: list[tuple[str, str]], first_row: int, **extra: Any) -> dict[str, Any]:
    return {
        "lab": lab,
        "program": "C1",
        "round": "R1",
        "analyte": analyte,
        "values": [{"sample": s, "value": v, "row": first_row + i} for i, (s, v) in enumerate(values)],
        **extra,
    }


def given(analyte: str, sample: str, value: str) -> dict[str, Any]:
    return {"program": "C1", "round": "R1", "analyte": analyte, "sample": sample, "value": value}


GLUCOSE_TARGETS = [("1", "5.25"), ("2", "5.00"), ("3", "4.50"), ("4", "3.50"), ("5", "4.00")]
GLUCOSE_RESULTS = [("1", "5.00"), ("2", "4.60"), ("3", "4.00"), ("4", "3.20"), ("5", "3.70")]


def glucose(boundary: str = "inclusive", results: list[tuple[str, str]] = GLUCOSE_RESULTS) -> dict[str, Any]:
    p = plan(
        [{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1", "2", "3", "4", "5"],
        {"target": {"kind": "given"}, "boundary": boundary},
    )
    r = {
        "submissions": [submission("L1", "GLU", results, 2)],
        "given_targets": [given("GLU", s, t) for s, t in GLUCOSE_TARGETS],
    }
    return eqa.score_round(p, None, r, program="C1", round="R1")


def test_glucose_worked_example() -> None:
    s = glucose()
    bias = [round(e["bias_percent"], 2) for e in s["evaluations"]]
    assert bias == [-4.76, -8.0, -11.11, -8.57, -7.5]
    verdicts = [e["verdict"] for e in s["evaluations"]]
    assert verdicts == ["acceptable", "acceptable", "unacceptable", "acceptable", "acceptable"]
    assert s["evaluations"][2]["reason"] == "outside_limit"
    assert s["evaluations"][2]["allowed"] == 0.45
    score = s["analyte_scores"][0]
    assert (score["acceptable"], score["scored"], score["score"]) == (4, 5, 80.0)
    assert score["outcome"] == "satisfactory"
    assert score["threshold"] == "80"
    assert s["program_scores"][0]["score"] == 80.0
    assert [g["method"] for g in s["groups"]] == ["given"] * 5


def test_a_result_on_the_limit_is_acceptable_only_when_inclusive() -> None:
    on_limit = [("1", "5.00"), ("2", "5.5"), ("3", "4.00"), ("4", "3.20"), ("5", "3.70")]
    assert glucose("inclusive", on_limit)["evaluations"][1]["verdict"] == "acceptable"
    assert glucose("exclusive", on_limit)["evaluations"][1]["verdict"] == "unacceptable"


def test_a_missing_sample_counts_as_unacceptable() -> None:
    s = glucose(results=GLUCOSE_RESULTS[1:])
    first = s["evaluations"][0]
    assert (first["row"], first["verdict"], first["reason"]) == (None, "unacceptable", "missing_sample")
    assert s["analyte_scores"][0]["score"] == 60.0


def test_vis_score() -> None:
    assert eqa.vis_score(101.0, 98.0, 2.2) == 139
    assert eqa.vis_score(150.0, 98.0, 2.2) == 400
    with pytest.raises(eqa.InvalidParameterError) as raised:
        eqa.vis_score(1.0, 0.0, 2.2)
    assert raised.value.code == "invalid_parameter"
    assert raised.value.details["name"] == "target"
    p = plan(
        [{"code": "CL", "scoring": {"limit": {"kind": "percent", "percent": 5}, "vis_ccv": "2.2"}}],
        ["1"],
        {"target": {"kind": "given"}},
    )
    r = {"submissions": [submission("L1", "CL", [("1", "101")], 2)], "given_targets": [given("CL", "1", "98")]}
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    assert s["evaluations"][0]["vis"] == 139
    assert s["analyte_scores"][0]["mean_vis"] == 139.0


def consensus_round(late: str) -> dict[str, Any]:
    p = plan(
        [{"code": "K", "scoring": {"limit": {"kind": "percent", "percent": 5}}}],
        ["1", "2"],
        {"late": late, "target": {"kind": "consensus", "estimator": {"kind": "median"}}},
    )
    subs = [submission(f"L{i:02}", "K", [("1", "10.0"), ("2", "10.0")], 2 + 2 * i) for i in range(10)]
    subs.append(submission("L99", "K", [("1", "10.1"), ("2", "20")], 100, submitted_at="2026-04-21T09:00:00+08:00"))
    enrolments = [{"lab": "L50", "program": "C1", "analytes": ["K"]}]
    return eqa.score_round(p, None, {"submissions": subs, "enrollments": enrolments}, program="C1", round="R1")


def test_late_and_not_returned() -> None:
    s = consensus_round("not_returned")
    late = [e for e in s["evaluations"] if e["lab"] == "L99"]
    assert [(e["verdict"], e["reason"]) for e in late] == [("late", "after_deadline")] * 2
    scores = {a["lab"]: a for a in s["analyte_scores"]}
    assert (scores["L99"]["score"], scores["L99"]["outcome"]) == (0.0, "late")
    assert (scores["L50"]["score"], scores["L50"]["outcome"]) == (0.0, "not_returned")
    assert all(g["n"] == 10 and g["target"] == 10.0 for g in s["groups"])

    s = consensus_round("scored")
    late = [e for e in s["evaluations"] if e["lab"] == "L99"]
    assert [(e["verdict"], e["reason"]) for e in late] == [
        ("acceptable", "after_deadline"),
        ("unacceptable", "outside_limit"),
    ]
    assert {a["lab"]: a["score"] for a in s["analyte_scores"]}["L99"] == 50.0


@pytest.mark.parametrize(("positives", "category"), [(80, "positive"), (79, None)])
def test_agreement_needs_80_percent(positives: int, category: str | None) -> None:
    p = plan(
        [
            {
                "code": "HBSAG",
                "result_type": {
                    "kind": "qualitative",
                    "categories": [{"code": "negative", "aliases": ["阴性"]}, {"code": "positive", "aliases": ["阳性"]}],
                },
            }
        ],
        ["1"],
        {"peer": {"rungs": [[]]}},
    )
    subs = [submission(f"L{i:03}", "HBSAG", [("1", "阳性" if i < positives else "阴性")], 2 + i) for i in range(100)]
    s = eqa.score_round(json.dumps(p), None, json.dumps({"submissions": subs}), program="C1", round="R1")
    group = s["groups"][0]
    assert (group["category"], group["agreement"], group["n"]) == (category, float(positives), 100)
    acceptable = sum(e["verdict"] == "acceptable" for e in s["evaluations"])
    assert acceptable == (80 if category else 0)


def test_score_year_and_errors() -> None:
    p = plan([{"code": "GLU"}], ["1"], {})
    year = eqa.score_year(p, {"tables": []}, {}, program="C1")
    assert [r["round"] for r in year] == ["R1"]
    with pytest.raises(eqa.InvalidParameterError) as raised:
        eqa.score_round(p, None, {}, program="C1", round="R9")
    assert raised.value.details["name"] == "round"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.score_year(p, None, {}, program="X")
    with pytest.raises(eqa.InvalidInputError) as bad:
        eqa.score_round(p, None, {"submissions": [{"lab": "L1"}]}, program="C1", round="R1")
    assert bad.value.code == "invalid_document"


def test_nothing_scored_gives_no_score() -> None:
    p = plan([{"code": "NEW"}], ["1", "2"], {"target": {"kind": "given"}})
    r = {"submissions": [submission("L1", "NEW", [("1", "1"), ("2", "2")], 2)]}
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    assert {e["reason"] for e in s["evaluations"]} == {"no_criterion"}
    score = s["analyte_scores"][0]
    assert (score["score"], score["outcome"], score["not_scored"]) == (None, "no_score", 2)


def test_ordinal_window_with_negative_exact() -> None:
    grades = [{"code": g} for g in ["-", "±", "1+", "2+", "3+"]]
    p = plan([{"code": "PRO", "result_type": {"kind": "ordinal", "grades": grades}}], ["N", "P"], {"target": {"kind": "given"}})
    r = {
        "submissions": [
            submission("L1", "PRO", [("N", "-"), ("P", "1+")], 2),
            submission("L2", "PRO", [("N", "±"), ("P", "3+")], 4),
            submission("L3", "PRO", [("N", "-"), ("P", "-")], 6),
        ],
        "given_targets": [given("PRO", "N", "-"), given("PRO", "P", "2+")],
    }
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    assert [e["verdict"] for e in s["evaluations"]] == [
        "acceptable", "acceptable", "unacceptable", "acceptable", "acceptable", "unacceptable",
    ]
    assert s["evaluations"][1]["expected"] == "2+"


def five_results(target: dict[str, Any], labs: list[str] | None = None) -> dict[str, Any]:
    p = plan(
        [{"code": "X", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1"],
        {"target": target, "peer": {"rungs": [[]], "min_n": 5}},
    )
    values = ["5.0", "5.1", "5.2", "5.3", "9.0"]
    names = labs or [f"L{i}" for i in range(5)]
    subs = [submission(lab, "X", [("1", v)], 2 + i) for i, (lab, v) in enumerate(zip(names, values))]
    return eqa.score_round(p, None, {"submissions": subs}, program="C1", round="R1")


def test_median_trimmed_mean_and_expert_targets() -> None:
    g = five_results({"kind": "consensus", "estimator": {"kind": "median"}})["groups"][0]
    assert (g["method"], g["target"], g["n"]) == ("median", 5.2, 5)
    assert g["sd"] == pytest.approx(0.7413 * 0.2)
    g = five_results({"kind": "consensus", "estimator": {"kind": "trimmed_mean", "k": 1.5}})["groups"][0]
    assert (g["method"], g["n"], g["n_used"]) == ("trimmed_mean", 5, 4)
    assert g["target"] == pytest.approx(5.15)
    expert = {"kind": "expert_labs", "labs": ["E1", "E2", "E3"], "estimator": {"kind": "median"}}
    s = five_results(expert, ["E1", "E2", "E3", "L1", "L2"])
    g = s["groups"][0]
    assert (g["method"], g["n"], g["target"], g["key"]) == ("expert_labs", 3, 5.1, [])
    assert "small_group" in g["warnings"]
    assert [e["verdict"] for e in s["evaluations"]][-1] == "unacceptable"


def test_small_groups_fall_back_to_a_coarser_rung() -> None:
    p = plan(
        [{"code": "X", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1"],
        {"target": {"kind": "consensus", "estimator": {"kind": "median"}}, "peer": {"rungs": [["instrument"], []], "min_n": 3}},
    )
    subs = [
        submission(lab, "X", [("1", v)], 2 + i, instrument=instrument)
        for i, (lab, instrument, v) in enumerate([("L1", "A", "10"), ("L2", "A", "10.2"), ("L3", "A", "10.4"), ("L4", "B", "11")])
    ]
    s = eqa.score_round(p, None, {"submissions": subs}, program="C1", round="R1")
    assert [(g["rung"], g["key"], g["n"]) for g in s["groups"]] == [(0, [["instrument", "A"]], 3), (1, [], 4)]
    assert [e["group"] for e in s["evaluations"]] == [0, 0, 0, 1]


def test_units_spelled_differently_are_one_and_a_convertible_unit_is_converted() -> None:
    p = plan(
        [{"code": "CREA", "unit": "µmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1", "2"],
        {"target": {"kind": "given"}},
    )
    r = {
        "submissions": [
            submission("GREEK", "CREA", [("1", "100"), ("2", "109")], 2, unit="μmol/L"),
            submission("ASCII", "CREA", [("1", "100"), ("2", "91")], 4, unit="umol/l"),
            # 1.13 mg/dL = 99.9146 µmol/L; 1.25 mg/dL = 110.525 µmol/L.
            submission("MG", "CREA", [("1", "1.13"), ("2", "1.25")], 6, unit="mg/dL"),
            submission("MMOL", "CREA", [("1", "0.1"), ("2", "0.1")], 8, unit="mmol/L"),
        ],
        "given_targets": [given("CREA", "1", "100"), given("CREA", "2", "100")],
    }
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    by_lab: dict[str, list[dict[str, Any]]] = {}
    for e in s["evaluations"]:
        by_lab.setdefault(e["lab"], []).append(e)
    assert [e["verdict"] for e in by_lab["GREEK"] + by_lab["ASCII"]] == ["acceptable"] * 4
    mg = by_lab["MG"]
    assert [(e["verdict"], e["reason"], e["converted_unit"]) for e in mg] == [
        ("acceptable", None, "mg/dL"),
        ("unacceptable", "outside_limit", "mg/dL"),
    ]
    assert mg[0]["value"] == pytest.approx(99.9146, abs=1e-9)
    assert [e["reason"] for e in by_lab["MMOL"]] == ["wrong_unit", "wrong_unit"]
    assert s["settings"]["unit"] == "convert"

    p["programs"][0]["scoring"]["unit"] = "unacceptable"
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    assert [e["reason"] for e in s["evaluations"] if e["lab"] == "MG"] == ["wrong_unit", "wrong_unit"]


def test_abo_needs_100_percent_from_the_criteria_table_and_the_plan_overrides_it() -> None:
    groups = [{"code": g} for g in ["A", "B", "O", "AB"]]
    abo: dict[str, Any] = {"code": "ABO", "result_type": {"kind": "nominal", "vocabulary": groups},
                           "scoring": {"target": {"kind": "given"}}}
    samples = ["1", "2", "3", "4", "5"]
    p = {
        "provider": {"code": "CLIA"},
        "year": 2026,
        "programs": [{"code": "immunohematology", "analytes": [abo],
                      "rounds": [{"code": "R1", "deadline": DEADLINE, "samples": [{"code": s} for s in samples]}]}],
    }
    targets = ["A", "B", "O", "AB", "A"]
    answers = ["A", "B", "O", "AB", "B"]
    r = {
        "submissions": [{"lab": "L1", "program": "immunohematology", "round": "R1", "analyte": "ABO",
                         "values": [{"sample": s, "value": v, "row": 2 + i}
                                    for i, (s, v) in enumerate(zip(samples, answers))]}],
        "given_targets": [{"program": "immunohematology", "round": "R1", "analyte": "ABO", "sample": s, "value": t}
                          for s, t in zip(samples, targets)],
    }
    criteria = eqa.clia_2024_criteria()
    s = eqa.score_round(p, criteria, r, program="immunohematology", round="R1")
    score = s["analyte_scores"][0]
    assert (score["score"], score["threshold"], score["outcome"]) == (80.0, "100", "unsatisfactory")
    abo["scoring"]["pass_threshold"] = 80
    s = eqa.score_round(p, criteria, r, program="immunohematology", round="R1")
    assert s["analyte_scores"][0]["outcome"] == "satisfactory"


def test_an_empty_enrolment_list_enrols_the_whole_program() -> None:
    p = plan(
        [{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}},
         {"code": "K", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1"],
        {"target": {"kind": "given"}},
    )
    r = {
        "submissions": [submission("A", "GLU", [("1", "5.0")], 2)],
        "enrollments": [{"lab": "B", "program": "C1", "analytes": []}],
        "given_targets": [given("GLU", "1", "5.0"), given("K", "1", "4.0")],
    }
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    b = [(a["analyte"], a["outcome"]) for a in s["analyte_scores"] if a["lab"] == "B"]
    assert b == [("GLU", "not_returned"), ("K", "not_returned")]
    assert [(p["lab"], p["score"]) for p in s["program_scores"]] == [("A", 100.0), ("B", 0.0)]


def test_without_enrolments_a_laboratory_that_skips_a_round_is_not_returned() -> None:
    p = plan(
        [{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1"],
        {"target": {"kind": "given"}},
    )
    r = {
        "submissions": [
            submission("A", "GLU", [("1", "5.0")], 2),
            submission("B", "GLU", [("1", "5.2")], 3, round="R0"),
        ],
        "given_targets": [given("GLU", "1", "5.0")],
    }
    s = eqa.score_round(p, None, r, program="C1", round="R1")
    assert [(p["lab"], p["outcome"]) for p in s["program_scores"]] == [("A", "satisfactory"), ("B", "not_returned")]


@pytest.mark.parametrize(
    ("count", "reads", "category", "reason"),
    [
        ("within_limit", [("1+", 55), ("2+", 35), ("±", 10)], "1+", None),
        ("exact", [("1+", 55), ("2+", 35), ("±", 10)], None, "no_consensus"),
        ("within_limit", [("1+", 40), ("3+", 40), ("-", 20)], None, "tied_modes"),
    ],
)
def test_grade_consensus_counts_the_window_around_the_mode(
    count: str, reads: list[tuple[str, int]], category: str | None, reason: str | None
) -> None:
    grades = [{"code": g} for g in ["-", "±", "1+", "2+", "3+"]]
    p = plan(
        [{"code": "PRO", "result_type": {"kind": "ordinal", "grades": grades},
          "scoring": {"target": {"kind": "agreement", "count": count}}}],
        ["1"],
        {},
    )
    labs = [grade for grade, n in reads for _ in range(n)]
    subs = [submission(f"L{i:03}", "PRO", [("1", g)], 2 + i) for i, g in enumerate(labs)]
    s = eqa.score_round(p, None, {"submissions": subs}, program="C1", round="R1")
    assert s["groups"][0]["category"] == category
    reasons = {e["reason"] for e in s["evaluations"]}
    assert reasons == {reason}


def test_target_warnings_use_sigma_pt_from_the_limit_and_flag_no_spread() -> None:
    def glucose_group(estimator: str, values: list[str]) -> dict[str, Any]:
        p = plan(
            [{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
            ["1"],
            {"target": {"kind": "consensus", "estimator": {"kind": estimator}}, "peer": {"min_n": 5}},
        )
        subs = [submission(f"L{i:02}", "GLU", [("1", v)], 2 + i) for i, v in enumerate(values)]
        s = eqa.score_round(p, None, {"submissions": subs}, program="C1", round="R1")
        group: dict[str, Any] = s["groups"][0]
        return group

    tight = ["4.9", "5.0", "5.1", "5.0", "4.95", "5.05", "5.1", "4.9", "5.0", "5.02", "4.98", "5.0"]
    assert "large_uncertainty" not in glucose_group("algorithm_a", tight)["warnings"]
    flat = glucose_group("median", ["5.0"] * 8)
    assert (flat["sd"], flat["warnings"]) == (0.0, ["zero_spread"])


def test_aliases_join_spellings_of_one_instrument_and_a_chain_is_refused() -> None:
    p = plan(
        [{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
        ["1"],
        {"peer": {"rungs": [["instrument"], []], "min_n": 3},
         "target": {"kind": "consensus", "estimator": {"kind": "median"}}},
    )
    p["aliases"] = {"instrument": {"cobas c 702": "Roche cobas c702", "罗氏 c702": "Roche cobas c702"}}
    spellings = ["Roche cobas c702", "COBAS C 702", "罗氏 c702"]
    subs = [submission(f"L{i}", "GLU", [("1", "5.0")], 2 + i, instrument=x) for i, x in enumerate(spellings)]
    s = eqa.score_round(p, None, {"submissions": subs}, program="C1", round="R1")
    assert [(g["rung"], g["n"], g["key"]) for g in s["groups"]] == [(0, 3, [["instrument", "Roche cobas c702"]])]
    p["aliases"] = {"method": {"HK": "hexokinase", "hexokinase": "HK-G6PD"}}
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.score_round(p, None, {"submissions": subs}, program="C1", round="R1")
    assert info.value.details["path"] == "aliases.method"
