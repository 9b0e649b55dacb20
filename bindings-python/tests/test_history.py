"""Performance over consecutive rounds and certificates (domain 3.4, 4.7):
the CLIA vectors of 10.5, histories of hand-made scorings, the policies and
the errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

import eqa

S, U, E, N = "satisfactory", "unsatisfactory", "excused", "no_score"


def unsuccessful_at(outcomes: list[str], **rule: Any) -> list[int]:
    statuses = eqa.performance_history(outcomes, **rule)
    return [i + 1 for i, s in enumerate(statuses) if s == "unsuccessful"]


def test_clia_vectors_of_the_domain() -> None:
    assert eqa.performance_history([S, U, S, U]) == [S, U, S, "unsuccessful"]
    assert unsuccessful_at([U, S, U]) == [3]
    assert unsuccessful_at([U, U]) == [2]
    assert eqa.performance_history([U, E, U]) == [U, E, "unsuccessful"]
    assert unsuccessful_at([S, U, S, S, U]) == []


def test_not_returned_late_and_skipped_rounds() -> None:
    assert unsuccessful_at(["not_returned", S, "late"]) == [3]
    assert eqa.performance_history([U, N, U]) == [U, N, "unsuccessful"]
    assert unsuccessful_at([U, S, E, U]) == [4]
    assert eqa.performance_history([]) == []


def test_the_rule_is_a_parameter() -> None:
    assert unsuccessful_at([S, U, S, U], k_of_n=None) == []
    assert unsuccessful_at([U, S, U, S, U, U], consecutive=3, k_of_n=(3, 5)) == [5, 6]
    assert unsuccessful_at([S, U], consecutive=1, k_of_n=[1, 1]) == [2]
    default = eqa.performance_history([U, S, U])
    assert eqa.performance_history([U, S, U], consecutive=2, k_of_n=(2, 3)) == default


@pytest.mark.parametrize(
    ("rule", "name"),
    [
        ({"consecutive": 0}, "consecutive"),
        ({"consecutive": -1}, "consecutive"),
        ({"k_of_n": (3, 2)}, "k_of_n"),
        ({"k_of_n": (0, 3)}, "k_of_n"),
        ({"k_of_n": (1, 2, 3)}, "k_of_n"),
        ({"k_of_n": (-1, 3)}, "k_of_n"),
    ],
)
def test_a_bad_rule_names_its_parameter(rule: dict[str, Any], name: str) -> None:
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.performance_history([S], **rule)
    assert info.value.code == "invalid_parameter"
    assert info.value.details["name"] == name


def test_an_unknown_outcome_is_located() -> None:
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.performance_history([S, "good"])
    assert info.value.code == "invalid_document"
    assert info.value.details["path"] == "[1]"


def score(lab: str, analyte: str, outcome: str) -> dict[str, Any]:
    return {
        "lab": lab, "analyte": analyte, "acceptable": 0, "scored": 0, "not_scored": 0,
        "score": None, "threshold": "80", "outcome": outcome, "mean_vis": None,
    }


def program_score(lab: str, outcome: str) -> dict[str, Any]:
    return {
        "lab": lab, "rule": "pooled", "acceptable": 0, "scored": 0, "analytes_scored": 0,
        "score": None, "threshold": "80", "outcome": outcome,
    }


def round_(name: str, scores: list[tuple[str, str, str]], programs: list[tuple[str, str]]) -> dict[str, Any]:
    """A scoring with scores only, in the serde form of eqa's RoundScoring."""
    return {
        "program": "chem",
        "round": name,
        "settings": {
            "criteria": None, "boundary": "inclusive", "program_score": "pooled",
            "late": "not_returned", "pass_threshold": "80",
        },
        "groups": [],
        "evaluations": [],
        "analyte_scores": [score(*s) for s in scores],
        "program_scores": [program_score(*p) for p in programs],
    }


YEAR = [
    round_("2026-1", [("L2", "K", S), ("L2", "NA", U), ("L1", "K", S), ("L1", "NA", S)],
           [("L2", U), ("L1", S)]),
    round_("2026-2", [("L2", "K", S), ("L2", "NA", S), ("L2", "CL", E)], [("L2", S)]),
    round_("2026-3", [("L2", "K", S), ("L2", "NA", U), ("L2", "CL", N), ("L1", "K", S),
                      ("L1", "NA", "not_returned")], [("L2", U), ("L1", U)]),
]


def test_histories_cover_every_lab_analyte_and_program() -> None:
    all_ = eqa.histories(YEAR)
    keys = [(h["lab"], h["analyte"]) for h in all_]
    assert keys == [("L1", None), ("L1", "K"), ("L1", "NA"), ("L2", None), ("L2", "CL"),
                    ("L2", "K"), ("L2", "NA")]
    na = all_[6]
    assert na == {
        "lab": "L2", "analyte": "NA", "rounds": ["2026-1", "2026-2", "2026-3"],
        "outcomes": [U, S, U], "statuses": [U, S, "unsuccessful"], "unsuccessful": True,
    }
    # L1 is absent from round 2: rounds 1 and 3 are consecutive in its history.
    assert all_[0]["rounds"] == ["2026-1", "2026-3"]
    assert all_[0]["unsuccessful"] is False
    assert all_[4]["statuses"] == [E, N]
    # JSON text is accepted too, and a rule without k-of-n forgives U, S, U.
    lenient = eqa.histories(json.dumps(YEAR), k_of_n=None)
    assert lenient[6]["unsuccessful"] is False


def test_histories_refuse_inconsistent_scorings() -> None:
    mixed = [YEAR[0], {**YEAR[1], "program": "haem"}]
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.histories(mixed)
    assert info.value.details["path"] == "[1].program"
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.histories([YEAR[0], YEAR[0]])
    assert info.value.details["path"] == "[1].round"
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.histories([{**YEAR[0], "round": 3}])
    assert info.value.details["path"] == "[0].round"


def test_certificates_under_each_policy() -> None:
    listed = {c["lab"]: c for c in eqa.certificates(YEAR, program="chem")}
    assert listed["L2"] == {
        "lab": "L2", "program": "chem", "policy": "all_rounds_satisfactory",
        "scope": "passed_analytes", "eligible": True,
        "analytes_passed": ["K"], "analytes_failed": ["NA"], "analytes_not_scored": ["CL"],
        "rounds": 3,
    }
    strict = {c["lab"]: c for c in eqa.certificates(YEAR, program="chem", scope="all_analytes")}
    assert (strict["L2"]["eligible"], strict["L2"]["scope"]) == (False, "all_analytes")
    assert (strict["L1"]["analytes_failed"], strict["L1"]["rounds"]) == (["NA"], 2)
    lenient = {c["lab"]: c for c in eqa.certificates(YEAR, program="chem", policy="not_unsuccessful",
                                                      scope="all_analytes")}
    assert lenient["L1"]["analytes_passed"] == ["K", "NA"]
    assert lenient["L1"]["eligible"] is True
    assert lenient["L2"]["eligible"] is False
    assert eqa.certificates(YEAR, program="haem") == []


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.certificates(YEAR, program="chem", policy="strict")  # type: ignore[arg-type]
    assert info.value.details["name"] == "policy"
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.certificates(YEAR, program="chem", scope="some")  # type: ignore[arg-type]
    assert info.value.details["name"] == "scope"
