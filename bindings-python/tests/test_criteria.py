"""Exact judging against acceptance limits, the shipped NCCL 2024 and CLIA 2024
criteria tables (domain §5.1-§5.3) and unit conversions (§5.5)."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

import eqa


def test_on_the_limit_is_acceptable_only_inclusively() -> None:
    ten: eqa._eqa._PercentLimit = {"kind": "percent", "percent": 10}
    j = eqa.judge("5.5", "5.0", ten)
    assert j["acceptable"] is True
    assert Decimal(j["allowed"]) == Decimal("0.5")
    assert Decimal(j["deviation"]) == Decimal("0.5")
    assert eqa.judge("5.5", "5.0", ten, boundary="exclusive")["acceptable"] is False
    assert eqa.judge(4.5, 5, ten)["acceptable"] is True
    assert eqa.judge(Decimal("5.51"), Decimal("5.0"), ten)["acceptable"] is False


def test_floats_are_read_through_their_shortest_text() -> None:
    # Float arithmetic puts 1.1 outside 1.0 +/- 10 % and 0.33 outside 0.3 +/- 10 %.
    assert not abs(1.1 - 1.0) <= 0.1 * 1.0
    assert not abs(0.33 - 0.3) <= 0.1 * 0.3
    for value, target in [(1.1, 1.0), (0.33, 0.3), (0.27, 0.3)]:
        j = eqa.judge(value, target, {"kind": "percent", "percent": 10})
        assert j["acceptable"] is True, (value, target)
        exclusive = eqa.judge(
            value, target, {"kind": "percent", "percent": 10}, boundary="exclusive"
        )
        assert exclusive["acceptable"] is False
    j = eqa.judge(0.1 + 0.2, 0.3, {"kind": "absolute", "absolute": "0.00000000000000004"})
    assert j["deviation"] == "0.00000000000000004"
    assert j["acceptable"] is True


def test_greater_of_and_sd_multiple() -> None:
    glu: eqa._eqa._GreaterOfLimit = {"kind": "greater_of", "absolute": "0.33", "percent": 8}
    assert Decimal(eqa.judge(3, 3, glu)["allowed"]) == Decimal("0.33")
    assert Decimal(eqa.judge(10, 10, glu)["allowed"]) == Decimal("0.8")
    two_s: eqa._eqa._SdMultipleLimit = {"kind": "sd_multiple", "k": 2}
    j = eqa.judge("10.8", "10", two_s, sd=0.4)
    assert j["acceptable"] is True and Decimal(j["allowed"]) == Decimal("0.8")
    with pytest.raises(eqa.InvalidParameterError) as err:
        eqa.judge("10.8", "10", two_s)
    assert err.value.code == "invalid_parameter" and err.value.details["name"] == "sd"


def test_bad_input_is_refused_with_its_name() -> None:
    ten: eqa._eqa._PercentLimit = {"kind": "percent", "percent": 10}
    cases: list[tuple[object, object, str]] = [
        ("abc", "5", "value"),
        (True, "5", "value"),
        ("5", float("nan"), "target"),
        ("5", None, "target"),
    ]
    for value, target, name in cases:
        with pytest.raises(eqa.InvalidParameterError) as err:
            eqa.judge(value, target, ten)  # type: ignore[arg-type]
        assert err.value.details["name"] == name
    with pytest.raises(eqa.InvalidParameterError) as err:
        eqa.judge("5", "5", ten, boundary="strict")  # type: ignore[arg-type]
    assert err.value.details["name"] == "boundary"
    with pytest.raises(eqa.InvalidParameterError) as err:
        eqa.judge("5", "5", {"kind": "percent", "percent": 0})
    assert err.value.details["name"] == "percent"
    with pytest.raises(eqa.InvalidInputError) as not_a_limit:
        eqa.judge("5", "5", {"kind": "percentage", "percent": 10})  # type: ignore[typeddict-item]
    assert not_a_limit.value.code == "invalid_document"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.judge("5", "5", {"kind": "categorical"})


def test_nccl_2024_limits() -> None:
    nccl = eqa.nccl_2024_criteria()
    assert len(nccl["tables"]) == 5

    def limit(program: str, analyte: str) -> object:
        c = eqa.find_criterion(
            nccl, provider="NCCL", year=2024, program=program, analyte=analyte
        )
        assert c is not None, (program, analyte)
        assert c["confirmed"] is True
        return c["limit"]

    for program in ["NCCL-C-01", "NCCL-C-02"]:
        assert limit(program, "K") == {"kind": "percent", "percent": "6"}
        assert limit(program, "GLU") == {"kind": "percent", "percent": "7"}
        assert limit(program, "CREA") == {"kind": "percent", "percent": "12"}
    assert limit("NCCL-C-05", "PCO2") == {"kind": "greater_of", "absolute": "5", "percent": "8"}
    assert limit("NCCL-C-03", "HCY") == {
        "kind": "greater_of",
        "absolute": "2.5",
        "percent": "20",
    }
    k = eqa.find_criterion(nccl, provider="NCCL", year=2025, program="NCCL-C-01", analyte="K")
    assert k is not None and "WS/T 403-2012" in k["note"]
    assert k["source"].startswith("[NCCL-2024]")
    none = eqa.find_criterion(nccl, provider="NCCL", year=2023, program="NCCL-C-01", analyte="K")
    assert none is None


def test_clia_2024_limits_and_confirmation() -> None:
    clia = eqa.clia_2024_criteria()
    glu = eqa.find_criterion(clia, provider="CLIA", year=2024, program="chemistry", analyte="GLU")
    assert glu is not None
    assert glu["limit"] == {"kind": "greater_of", "absolute": "0.33", "percent": "8"}
    assert glu["unit"] == "mmol/L" and glu["confirmed"] is True
    assert "6 mg/dL" in glu["note"]
    ua = eqa.find_criterion(clia, provider="CLIA", year=2024, program="chemistry", analyte="UA")
    assert ua is not None
    assert ua["limit"] == {"kind": "percent", "percent": "10"}
    assert ua["confirmed"] is False and ua["note"].startswith("UNCONFIRMED")


def test_every_entry_cites_a_source() -> None:
    builtin = eqa.builtin_criteria()
    assert len(builtin["tables"]) == 10
    providers = {t["provider"] for t in builtin["tables"]}
    assert providers == {"NCCL", "CLIA"}
    for table in builtin["tables"]:
        assert table["source"].strip() and table["programs"]
        for c in table["criteria"]:
            assert c["source"].strip(), c["analyte"]
            assert c["confirmed"] or "UNCONFIRMED" in c["note"], c["analyte"]
    thresholds = {c["analyte"]: c["pass_threshold"] for t in builtin["tables"] for c in t["criteria"]
                  if c["pass_threshold"] is not None}
    assert thresholds == {"ABO": "100", "RHD": "100", "ANTIBODY_SCREEN": "100", "COMPATIBILITY": "100"}


def test_a_shipped_limit_judges_a_result() -> None:
    builtin = eqa.builtin_criteria()
    pco2 = eqa.find_criterion(
        builtin, provider="NCCL", year=2024, program="NCCL-C-05", analyte="PCO2"
    )
    assert pco2 is not None
    assert eqa.judge(45, 40, pco2["limit"])["acceptable"] is True
    assert eqa.judge("45.1", 40, pco2["limit"])["acceptable"] is False
    assert Decimal(eqa.judge(80, 80, pco2["limit"])["allowed"]) == Decimal("6.4")


def test_criteria_as_json_text_and_bad_criteria() -> None:
    text = '{"provider": "HN", "year": 2025, "programs": ["HN-01"], "source": "own",'
    text += ' "criteria": [{"analyte": "K", "limit": {"kind": "absolute", "absolute": 0.2},'
    text += ' "source": "own", "confirmed": false}]}'
    k = eqa.find_criterion(text, provider="HN", year=2026, program="HN-01", analyte="K")
    assert k is not None and k["limit"] == {"kind": "absolute", "absolute": "0.2"}
    with pytest.raises(eqa.InvalidInputError) as err:
        eqa.find_criterion(
            {"tables": [{"provider": "X"}]}, provider="X", year=1, program="p", analyte="K"
        )
    assert err.value.code == "invalid_document"
    assert str(err.value.details["path"]).startswith("tables[0]")


def test_glucose_converts_exactly_and_back() -> None:
    mmol = eqa.convert_unit(90, analyte="GLU", from_unit="mg/dL", to_unit="mmol/L")
    assert mmol == "4.9955595026642984014209591474"
    with localcontext() as ctx:
        ctx.prec = 29  # what a 96-bit decimal holds here
        assert Decimal(mmol) == Decimal(90) / Decimal("18.016")
    back = eqa.convert_unit(mmol, analyte="GLU", from_unit="mmol/L", to_unit="mg/dL")
    assert Decimal(back).quantize(Decimal(10) ** -20) == Decimal(90)
    assert eqa.convert_unit(5.5, analyte="GLU", from_unit="mmol/L", to_unit="mg/dL") == "99.088"
    assert eqa.convert_unit("99.088", analyte="GLU", from_unit="mg/dl", to_unit="mmol/l") == "5.5"


def test_creatinine_and_spellings() -> None:
    cre = eqa.convert_unit("1.0", analyte="CREA", from_unit="mg/dL", to_unit="µmol/L")
    assert cre == "88.42"
    for spelling in ["umol/L", "μmol/L", "µmol/l"]:
        assert eqa.convert_unit(cre, analyte="CREA", from_unit=spelling, to_unit="mg/dL") == "1"
    assert eqa.convert_unit("4.10", analyte="K", from_unit="mmol/L", to_unit="mmol/l") == "4.10"


def test_unknown_conversions_are_refused() -> None:
    for analyte, from_unit, to_unit in [
        ("K", "mg/dL", "mmol/L"),
        ("GLU", "mg/dL", "g/L"),
        ("NOPE", "mg/dL", "mmol/L"),
    ]:
        with pytest.raises(eqa.InvalidParameterError) as err:
            eqa.convert_unit(1, analyte=analyte, from_unit=from_unit, to_unit=to_unit)
        assert err.value.code == "invalid_parameter"
        assert err.value.details["name"] == "unit"


def test_the_conversion_table() -> None:
    table = {c["analyte"]: c for c in eqa.unit_conversions()}
    glu = table["GLU"]
    assert (glu["factor"], glu["direction"], glu["confirmed"]) == (
        "18.016",
        "conventional_per_si",
        True,
    )
    assert (table["CREA"]["factor"], table["CREA"]["direction"]) == (
        "88.42",
        "si_per_conventional",
    )
    assert table["UREA"]["factor"] == "0.357"
    for analyte in ["TC", "TG", "UA"]:
        assert table[analyte]["confirmed"] is False
        assert table[analyte]["source"] == "conventional factor"
    assert all(c["source"] for c in table.values())
