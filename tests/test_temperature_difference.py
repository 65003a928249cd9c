"""Temperature differences are not temperatures: a rise of 4 °C is 7.2 °F, not 39.2 °F."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck import checks
from factcheck.checks.conversion import check_conversions
from factcheck.claims import Bound, Claims, Dimension, Pair, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.pairs import find_pairs
from factcheck.extract.quantities import extract_quantities
from factcheck.load import load_string
from factcheck.pipeline import check_document
from factcheck.rules import load_file

D = Dimension
RULES = Path(__file__).resolve().parent.parent / "rules" / "conversion.yaml"


def quantities(text: str) -> list[Quantity]:
    return extract_quantities(Sentence(span=Span(0, len(text)), text=text, index=0), exclude=[])


def dimensions(text: str) -> list[tuple[str, Dimension]]:
    return [(q.text, q.dimension) for q in quantities(text)]


# --------------------------------------------------------------------------- extraction


@pytest.mark.parametrize(
    "text",
    [
        "The region has warmed by 4C (39.2F) since 1900.",
        "Summers are 2C (3.6F) hotter than they were.",
        "Last month was 3C (5.4F) above the long-term average.",
        "Temperatures rose 1.5C (2.7F) over the century.",
    ],
)
def test_both_figures_of_a_converted_change_are_differences(text):
    found = dimensions(text)
    assert len(found) == 2, found
    assert all(d is D.TEMPERATURE_DIFFERENCE for _, d in found), found


@pytest.mark.parametrize(
    "text",
    [
        "It was 40C (104F) in the shade.",
        "Temperatures fell to -5C (23F) overnight.",
        "Highs of 30C (86F) are expected, up from 25C (77F).",
    ],
)
def test_levels_stay_levels(text):
    found = dimensions(text)
    assert found and all(d is D.TEMPERATURE for _, d in found), found


def test_a_difference_pairs_with_its_conversion_even_when_only_one_is_marked():
    first = Quantity(
        span=Span(0, 2), text="4C", value=4, unit="delta_degree_Celsius",
        dimension=D.TEMPERATURE_DIFFERENCE, precision=1,
    )  # fmt: skip
    second = Quantity(
        span=Span(4, 9), text="39.2F", value=39.2, unit="degree_Fahrenheit",
        dimension=D.TEMPERATURE, precision=0.1, in_parentheses=True,
    )  # fmt: skip
    (found,) = find_pairs("4C (39.2F)", [first, second])
    assert found.kind == "conversion" and found.second is second


# --------------------------------------------------------------------------- the check


def measure(text, value, unit, dimension, precision, start=0):
    return Quantity(
        span=Span(start, start + len(text)),
        text=text,
        value=value,
        unit=unit,
        dimension=dimension,
        precision=precision,
        bound=Bound.EXACT,
    )


def run(first: Quantity, second: Quantity) -> list:
    second.span = Span(first.span.end + 2, first.span.end + 2 + len(second.text))
    claims = Claims(published=None, pairs=[Pair(first=first, second=second)])
    return list(check_conversions(claims, checks.get("conversion").defaults))


def rise(text, value, unit="delta_degree_Celsius", precision=1):
    return measure(text, value, unit, D.TEMPERATURE_DIFFERENCE, precision)


def test_a_change_converted_with_the_offset_is_named_as_such():
    (outcome,) = run(rise("4C", 4), rise("39.2F", 39.2, "delta_degree_Fahrenheit", 0.1))
    assert not outcome.ok and outcome.code == "mismatch"
    assert outcome.evidence["offset_used"] is True
    assert outcome.evidence["computed"] == pytest.approx(7.2)
    assert outcome.evidence["computed_as_level"] == pytest.approx(39.2)
    assert "7.2 °F" in outcome.message and "offset" in outcome.message
    assert "7.2 °F" in outcome.suggestion


def test_a_change_converted_as_a_change_passes():
    (outcome,) = run(rise("4C", 4), rise("7.2F", 7.2, "delta_degree_Fahrenheit", 0.1))
    assert outcome.ok


def test_a_change_that_is_simply_wrong_is_not_called_an_offset_slip():
    (outcome,) = run(rise("4C", 4), rise("12F", 12, "delta_degree_Fahrenheit", 1))
    assert not outcome.ok and "offset_used" not in outcome.evidence


def test_fahrenheit_to_celsius_offset_slip():
    # a rise of 40F is 22.2C; 4.4C is 40F read as a temperature
    source = rise("40F", 40, "delta_degree_Fahrenheit", 10)
    (outcome,) = run(source, rise("4.4C", 4.4, "delta_degree_Celsius", 0.1))
    assert not outcome.ok and outcome.evidence.get("offset_used") is True


def test_a_level_pair_that_only_fits_as_a_difference_is_read_as_one():
    first = measure("3C", 3, "degree_Celsius", D.TEMPERATURE, 1)
    (outcome,) = run(first, measure("5.4F", 5.4, "degree_Fahrenheit", D.TEMPERATURE, 0.1))
    assert outcome.ok and outcome.evidence["reading"] == "temperature difference"


def test_a_wrong_level_is_still_wrong():
    first = measure("40C", 40, "degree_Celsius", D.TEMPERATURE, 10)
    (outcome,) = run(first, measure("100F", 100, "degree_Fahrenheit", D.TEMPERATURE, 1))
    assert not outcome.ok


def test_a_mixed_pair_is_compared_as_two_differences():
    first = rise("4C", 4)
    (outcome,) = run(first, measure("39.2F", 39.2, "degree_Fahrenheit", D.TEMPERATURE, 0.1))
    assert not outcome.ok and outcome.evidence.get("offset_used") is True


# --------------------------------------------------------------------------- end to end


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The region has warmed by 4C (39.2F) since 1900.", "39.2F"),
        ("The region has warmed by 4C (7.2F) since 1900.", None),
        ("Last month was 3C (5.4F) above the long-term average.", None),
        ("Temperatures fell to -5C (23F) overnight.", None),
        ("Temperatures reached 40C (100F) on Sunday.", "100F"),
    ],
)
def test_through_the_pipeline(text, flagged):
    rules, problems = load_file(RULES)
    assert problems == []
    mismatch = next(rule for rule in rules if rule.id == "conversion-mismatch")
    result = check_document(load_string(text, published=dt.date(2020, 7, 1)), [mismatch])
    assert [f.text for f in result.findings] == ([flagged] if flagged else [])
    if flagged == "39.2F":
        assert result.findings[0].evidence["offset_used"] is True
        assert "offset" in result.findings[0].message
