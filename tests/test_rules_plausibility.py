"""The plausibility check kind, on claims built by hand (no extraction involved)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.checks.plausibility import _validate, check_plausibility
from factcheck.claims import Bound, Claims, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.rules import load_file


def claims_for(sentence: str, figure: str, **quantity) -> Claims:
    """One sentence holding one quantity whose text is ``figure`` (its first occurrence)."""
    start = sentence.index(figure)
    fields = {"value": None, "precision": 1.0} | quantity
    q = Quantity(span=Span(start, start + len(figure)), text=figure, **fields)
    return Claims(
        published=dt.date(2024, 5, 1),
        sentences=[Sentence(span=Span(0, len(sentence)), text=sentence, index=0)],
        quantities=[q],
    )


CAR = {"dimension": "speed", "unit": "km/h", "max": 500, "nouns": ["car", "cars"]}


def speed(sentence: str, figure: str, value: float, unit: str = "kilometer / hour", **extra):
    return claims_for(sentence, figure, value=value, unit=unit, dimension=Dimension.SPEED, **extra)


def codes(claims: Claims, params) -> list[str]:
    return [o.code for o in check_plausibility(claims, params)]


def test_a_figure_above_the_maximum_is_flagged_with_its_arithmetic():
    claims = speed("The car reached 620 km/h on the motorway.", "620 km/h", 620, precision=10)
    [outcome] = check_plausibility(claims, CAR)
    assert outcome.code == "above_max"
    assert outcome.span == Span(16, 24)
    assert outcome.evidence["limit"] == 500
    assert outcome.evidence["admitted"][0] > 500
    assert outcome.values["limit"] == "500 km/h"
    assert "620 km/h" in outcome.message and "500 km/h" in outcome.message


@pytest.mark.parametrize(
    ("figure", "value", "fields", "flagged"),
    [
        ("510 km/h", 510, {"precision": 10}, True),
        ("500 km/h", 500, {"precision": 100}, False),  # at the bound is fine
        ("about 540 km/h", 540, {"precision": 10, "bound": Bound.APPROX, "hedge": "about"}, False),
        ("more than 490 km/h", 490, {"precision": 10, "bound": Bound.MORE_THAN}, False),
        ("more than 520 km/h", 520, {"precision": 10, "bound": Bound.MORE_THAN}, True),
        ("up to 600 km/h", 600, {"precision": 100, "bound": Bound.AT_MOST}, False),
        ("under 900 km/h", 900, {"precision": 100, "bound": Bound.LESS_THAN}, False),
        ("501.2 km/h", 501.2, {"precision": 0.1}, True),
    ],
)
def test_bounds_and_roundings_are_honoured(figure, value, fields, flagged):
    claims = speed(f"The car reached {figure} on the motorway.", figure, value, **fields)
    assert bool(codes(claims, CAR)) is flagged


def test_a_round_figure_is_read_with_its_rounding():
    # A round figure reads as within round_slack (10%) of itself, but never wider than half
    # its written step: "530" to the ten is 525..535, "540" to the hundred 490..590.
    claims = speed("The car reached 530 km/h.", "530 km/h", 530, precision=10)
    assert codes(claims, CAR) == ["above_max"]
    claims = speed("The car reached 520 km/h.", "520 km/h", 520, precision=10)
    assert codes(claims, {**CAR, "round_slack": 0.1}) == ["above_max"]
    claims = speed("The car reached 540 km/h.", "540 km/h", 540, precision=100)
    assert codes(claims, CAR) == []  # "540" to the hundred is 490..590 at the coarsest


def test_other_units_are_converted_with_pint():
    claims = speed("The car reached 400 mph.", "400 mph", 400, unit="mile / hour", precision=1)
    [outcome] = check_plausibility(claims, CAR)
    assert outcome.evidence["computed"] == pytest.approx(643.7376)
    assert "(643.7 km/h)" in outcome.message
    claims = speed("The car reached 186 mph.", "186 mph", 186, unit="mile / hour")
    assert codes(claims, CAR) == []


def test_a_range_is_judged_by_its_ends():
    claims = speed(
        "The car reached between 400 and 600 km/h.",
        "between 400 and 600 km/h",
        500,
        low=400,
        high=600,
        bound=Bound.RANGE,
        precision=100,
    )
    [outcome] = check_plausibility(claims, {**CAR, "round_slack": 0})
    assert outcome.values["end"] == "high"
    assert outcome.evidence["written"] == [400, 600]
    low_params = {"dimension": "speed", "unit": "km/h", "min": 450, "nouns": ["car"]}
    assert codes(claims, {**low_params, "round_slack": 0}) == ["below_min"]


def test_nouns_in_the_quantity_or_its_sentence_put_it_in_scope():
    no_car = speed("The train reached 620 km/h.", "620 km/h", 620)
    assert codes(no_car, CAR) == []
    noun = speed("It reached 620 km/h.", "620 km/h", 620, noun="cars")
    assert codes(noun, CAR) == ["above_max"]
    # Whole words only: "scar" is not "car".
    assert codes(speed("The scar grew at 620 km/h.", "620 km/h", 620), CAR) == []


def test_context_and_unless_look_within_the_window():
    age = {
        "dimension": "duration",
        "unit": "years",
        "max": 125,
        "context": ["aged"],
        "context_side": "before",
        "bare_figures": True,
        "round_slack": 0,
        "window": 20,
    }
    assert codes(claims_for("A woman aged 131 was found.", "131", value=131), age) == ["above_max"]
    assert (
        codes(claims_for("Some 3,028 adults aged 18 were polled.", "3,028", value=3028), age) == []
    )
    far = "A woman, who was aged in a very long sentence, is 131."
    assert codes(claims_for(far, "131", value=131), age) == []
    turnout = {"dimension": "percent", "max": 100, "nouns": ["turnout"], "unless": ["rose"]}
    pct = {"dimension": Dimension.PERCENT}
    assert codes(claims_for("Turnout was 104%.", "104%", value=104, **pct), turnout) == [
        "above_max"
    ]
    assert codes(claims_for("Turnout rose 120%.", "120%", value=120, **pct), turnout) == []


def test_bare_figures_only_when_asked():
    claims = claims_for("A woman aged 131 was found.", "131", value=131)
    params = {"dimension": "duration", "unit": "years", "max": 125, "context": ["aged"]}
    assert codes(claims, params) == []
    assert codes(claims, {**params, "bare_figures": True, "round_slack": 0}) == ["above_max"]


def test_a_figure_of_another_dimension_or_without_a_figure_is_skipped():
    claims = claims_for("The car cost 900 dollars.", "900 dollars", value=900, currency="USD")
    claims.quantities[0].dimension = Dimension.MONEY
    assert codes(claims, CAR) == []
    vague = speed("The car reached dozens of km/h.", "dozens of km/h", None, bound=Bound.VAGUE)
    assert codes(vague, CAR) == []


def test_money_compares_within_one_currency():
    params = {"dimension": "money", "unit": "USD", "max": 1000, "nouns": ["ticket"]}
    dollars = claims_for("A ticket cost $5,000.", "$5,000", value=5000, currency="USD")
    dollars.quantities[0].dimension = Dimension.MONEY
    assert codes(dollars, params) == ["above_max"]
    pounds = claims_for("A ticket cost £5,000.", "£5,000", value=5000, currency="GBP")
    pounds.quantities[0].dimension = Dimension.MONEY
    assert codes(pounds, params) == []


def test_temperature_differences_convert_without_the_offset():
    params = {"dimension": "temperature_difference", "unit": "degF", "max": 20}
    claims = claims_for(
        "It warmed by 15C overnight.",
        "15C",
        value=15,
        unit="degree_Celsius",
        dimension=Dimension.TEMPERATURE_DIFFERENCE,
    )
    [outcome] = check_plausibility(claims, params)
    assert outcome.evidence["computed"] == pytest.approx(27.0)


def test_a_rule_without_bounds_does_nothing():
    claims = speed("The car reached 620 km/h.", "620 km/h", 620)
    assert codes(claims, {"dimension": "speed", "unit": "km/h"}) == []


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"max": 5}, ("dimension", "is required")),
        ({"dimension": "speed", "max": 5}, ("unit", "is required for speed")),
        ({"dimension": "speed", "unit": "kg", "max": 5}, ("unit", "is not a unit of speed")),
        ({"dimension": "speed", "unit": "furlongz", "max": 5}, ("unit", "pint does not know")),
        ({"dimension": "percent", "unit": "km", "max": 5}, ("unit", "must be left out")),
        ({"dimension": "money", "unit": "dollars", "max": 5}, ("unit", "three-letter")),
        ({"dimension": "percent"}, (None, "needs 'max', 'min' or both")),
        ({"dimension": "percent", "min": 10, "max": 5}, ("min", "is larger than 'max'")),
    ],
)
def test_validation(params, problem):
    found = list(_validate(params))
    assert any(name == problem[0] and problem[1] in message for name, message in found), found


def test_validation_accepts_good_params():
    assert list(_validate(CAR)) == []
    assert list(_validate({"dimension": "percent", "max": 100})) == []


def test_a_bad_plausibility_rule_is_reported_at_its_parameter(make_file):
    path = make_file(
        "p.yaml",
        "rules:\n"
        "  - id: p\n"
        "    check: plausibility\n"
        "    severity: error\n"
        "    params:\n"
        "      dimension: speed\n"
        "      unit: kg\n"
        "      max: fast\n",
    )
    found = [str(p) for p in load_file(path)[1]]
    assert found == [
        f"{path}:8:12: parameter 'max' of check 'plausibility' must be a number, "
        "not the string 'fast'"
    ]
    path.write_text(path.read_text().replace("max: fast", "max: 500"))
    found = [str(p) for p in load_file(path)[1]]
    assert found == [f"{path}:7:13: parameter 'unit' is 'kg', which is not a unit of speed"]
