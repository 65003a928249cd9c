"""The conversion check on hand-built pairs, and the shipped conversion rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import checks
from factcheck.checks.conversion import check_conversions, format_number, round_significant
from factcheck.claims import Bound, Claims, Dimension, Pair, Quantity
from factcheck.document import Span
from factcheck.rules import load_file

D = Dimension
RULES = Path(__file__).resolve().parent.parent / "rules" / "conversion.yaml"


def measure(
    text: str,
    value: float | None,
    unit: str | None,
    dimension: Dimension,
    precision: float | None = 1,
    *,
    start: int = 0,
    bound: Bound = Bound.EXACT,
    low: float | None = None,
    high: float | None = None,
    hedge: str | None = None,
    currency: str | None = None,
) -> Quantity:
    return Quantity(
        span=Span(start, start + len(text)),
        text=text,
        value=value,
        unit=unit,
        dimension=dimension,
        bound=bound,
        low=low,
        high=high,
        precision=precision,
        hedge=hedge,
        currency=currency,
    )


def pair(first: Quantity, second: Quantity, kind: str = "conversion") -> Pair:
    """Place the second figure in parentheses right after the first, as the text would."""
    second.span = Span(first.span.end + 2, first.span.end + 2 + len(second.text))
    return Pair(first=first, second=second, kind=kind)


def run(*pairs: Pair, **params) -> list:
    merged = dict(checks.get("conversion").defaults)
    merged.update(params)
    return list(check_conversions(Claims(published=None, pairs=list(pairs)), merged))


def verdict(first: Quantity, second: Quantity, **params) -> bool:
    outcomes = run(pair(first, second), **params)
    assert len(outcomes) == 1, outcomes
    assert outcomes[0].code == "mismatch"
    return outcomes[0].ok


def km(text, value, precision=1, **kw):
    return measure(text, value, "kilometer", D.LENGTH, precision, **kw)


def miles(text, value, precision=1, **kw):
    return measure(text, value, "mile", D.LENGTH, precision, **kw)


# The required outcomes. Precision follows the extractor: trailing zeros give the coarse step.
CASES = [
    ("5 miles (10 km)", miles("5 miles", 5), km("10 km", 10, 10), False),
    ("5 miles (8 km)", miles("5 miles", 5), km("8 km", 8), True),
    (
        "under 5 square kilometers (under 2 square miles)",
        measure(
            "under 5 square kilometers",
            5,
            "kilometer ** 2",
            D.AREA,
            bound=Bound.LESS_THAN,
            hedge="under",
        ),
        measure(
            "under 2 square miles", 2, "mile ** 2", D.AREA, bound=Bound.LESS_THAN, hedge="under"
        ),
        True,
    ),
    (
        "30 to 55 km/h (19 to 34 mph)",
        measure(
            "30 to 55 km/h", 42.5, "kilometer / hour", D.SPEED, bound=Bound.RANGE, low=30, high=55
        ),
        measure("19 to 34 mph", 26.5, "mile / hour", D.SPEED, bound=Bound.RANGE, low=19, high=34),
        True,
    ),
    (
        "10 to 20 km (6 to 20 miles)",
        km("10 to 20 km", 15, 10, bound=Bound.RANGE, low=10, high=20),
        miles("6 to 20 miles", 13, 1, bound=Bound.RANGE, low=6, high=20),
        False,
    ),
    (
        "3 mph (6 kph)",
        measure("3 mph", 3, "mile / hour", D.SPEED),
        measure("6 kph", 6, "kilometer / hour", D.SPEED),
        True,
    ),
    (
        "20 mph (31 kph)",
        measure("20 mph", 20, "mile / hour", D.SPEED, 10),
        measure("31 kph", 31, "kilometer / hour", D.SPEED),
        True,
    ),
    (
        "30ft (10m)",
        measure("30ft", 30, "foot", D.LENGTH, 10),
        measure("10m", 10, "meter", D.LENGTH, 10),
        True,
    ),
    (
        "about ten lbs (five kg)",
        measure("about ten lbs", 10, "pound", D.MASS, 10, bound=Bound.APPROX, hedge="about"),
        measure("five kg", 5, "kilogram", D.MASS),
        True,
    ),
    (
        "about 90 miles (145 km)",
        miles("about 90 miles", 90, 10, bound=Bound.APPROX, hedge="about"),
        km("145 km", 145),
        True,
    ),
    # the hedge covers both figures: the figure 90 mi must convert, and it is 145 km
    (
        "about 90 miles (160 km)",
        miles("about 90 miles", 90, 10, bound=Bound.APPROX, hedge="about"),
        km("160 km", 160, 10),
        False,
    ),
    # a hedge on the conversion alone loosens only the conversion
    (
        "100 mph (about 170 km/h)",
        measure("100 mph", 100, "mile / hour", D.SPEED, 100),
        measure(
            "about 170 km/h",
            170,
            "kilometer / hour",
            D.SPEED,
            10,
            bound=Bound.APPROX,
            hedge="about",
        ),
        True,
    ),
    (
        "40C (104F)",
        measure("40C", 40, "degree_Celsius", D.TEMPERATURE, 10),
        measure("104F", 104, "degree_Fahrenheit", D.TEMPERATURE),
        True,
    ),
    (
        "40C (100F)",
        measure("40C", 40, "degree_Celsius", D.TEMPERATURE, 10),
        measure("100F", 100, "degree_Fahrenheit", D.TEMPERATURE, 100),
        False,
    ),
    (
        "-40C (-40F)",
        measure("-40C", -40, "degree_Celsius", D.TEMPERATURE, 10),
        measure("-40F", -40, "degree_Fahrenheit", D.TEMPERATURE, 10),
        True,
    ),
    ("100 km (60 miles)", km("100 km", 100, 100), miles("60 miles", 60, 10), True),
    ("10 km (16 miles)", km("10 km", 10, 10), miles("16 miles", 16), False),
    (
        "2 kg (4.4 lb)",
        measure("2 kg", 2, "kilogram", D.MASS),
        measure("4.4 lb", 4.4, "pound", D.MASS, 0.1),
        True,
    ),
    (
        "1,000 hectares (2,500 acres)",
        measure("1,000 hectares", 1000, "hectare", D.AREA, 1000),
        measure("2,500 acres", 2500, "acre", D.AREA, 100),
        True,
    ),
    (
        "5 litres (1.3 gallons)",
        measure("5 litres", 5, "liter", D.VOLUME),
        measure("1.3 gallons", 1.3, "gallon", D.VOLUME, 0.1),
        True,
    ),
    (
        "3 tonnes (3.3 tons)",
        measure("3 tonnes", 3, "metric_ton", D.MASS),
        measure("3.3 tons", 3.3, "ton", D.MASS, 0.1),
        True,
    ),
    (
        "6 feet (1.8 m)",
        measure("6 feet", 6, "foot", D.LENGTH),
        measure("1.8 m", 1.8, "meter", D.LENGTH, 0.1),
        True,
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "ok"), CASES, ids=[c[0] for c in CASES])
def test_required_outcomes(text, first, second, ok):
    assert verdict(first, second) is ok


def test_mismatch_outcome_carries_the_arithmetic_and_both_fixes():
    (outcome,) = run(pair(miles("5 miles", 5), km("10 km", 10, 10)))
    assert not outcome.ok and outcome.code == "mismatch"
    assert outcome.span == Span(9, 14)  # the converted figure
    assert outcome.related == [Span(0, 7)]  # the source figure
    evidence = outcome.evidence
    assert evidence["computed"] == pytest.approx(8.05)
    assert evidence["written"] == 10
    assert evidence["tolerance"] == pytest.approx(1.0)
    assert evidence["unit"] == "kilometer"
    assert evidence["source"] == "5 miles"
    assert "does not overlap" in evidence["explanation"]
    assert outcome.values == {
        "written": "10 km",
        "source": "5 miles",
        "converted": "5 mi",
        "computed": "8.05 km",
    }
    assert "5 mi is about 8 km" in outcome.suggestion
    assert "10 km is about 6.2 mi" in outcome.suggestion
    assert outcome.suggestion.startswith("Either the source figure or the conversion is wrong")


def test_verified_outcome_states_the_conversion():
    first = measure(
        "under 5 km²", 5, "kilometer ** 2", D.AREA, bound=Bound.LESS_THAN, hedge="under"
    )
    second = measure(
        "under 2 square miles", 2, "mile ** 2", D.AREA, bound=Bound.LESS_THAN, hedge="under"
    )
    (outcome,) = run(pair(first, second))
    assert outcome.ok
    assert outcome.message == "5 km² = 1.93 sq mi, consistent with 'under 2 square miles'"
    assert outcome.evidence["computed"] == pytest.approx(1.93)
    assert outcome.evidence["tolerance"] == pytest.approx(0.5)


def test_range_mismatch_names_the_failing_end():
    (outcome,) = run(
        pair(
            km("10 to 20 km", 15, 10, bound=Bound.RANGE, low=10, high=20),
            miles("6 to 20 miles", 13, bound=Bound.RANGE, low=6, high=20),
        )
    )
    assert not outcome.ok
    assert outcome.evidence["end"] == "high"
    assert outcome.evidence["computed"] == pytest.approx(12.4)
    assert outcome.values["converted"] == "20 km"


def test_ambiguous_units_report_the_reading_that_fits():
    (outcome,) = run(
        pair(
            measure("10 litres", 10, "liter", D.VOLUME),
            measure("2.2 gallons", 2.2, "gallon", D.VOLUME, 0.1),
        )
    )
    assert outcome.ok  # 10 L = 2.64 US gal but 2.20 imperial gal
    assert outcome.evidence["reading"] == "imperial gallons"


def test_no_figure_for_a_unit_without_a_figure():
    vague = km("dozens of kilometres", None, None, bound=Bound.VAGUE)
    unit_only = miles("miles", None, None, bound=Bound.UNIT_ONLY)
    (outcome,) = run(pair(vague, unit_only))
    assert not outcome.ok and outcome.code == "no_figure"
    assert outcome.span == unit_only.span and outcome.related == [vague.span]
    # a vague source with a figure after it converts nothing either
    (outcome,) = run(
        pair(km("dozens of kilometres", None, None, bound=Bound.VAGUE), miles("30 miles", 30, 10))
    )
    assert outcome.code == "no_figure"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # money is a later check
        (
            measure("$5m", 5e6, None, D.MONEY, 1e6, currency="USD"),
            measure("£3m", 3e6, None, D.MONEY, 1e6, currency="GBP"),
        ),
        # different dimensions: not a conversion
        (km("5 km", 5), measure("3 kg", 3, "kilogram", D.MASS)),
        # the same unit twice: not a conversion
        (km("5 km", 5), km("8 km", 8)),
        (km("5 km", 5), measure("8 kilometres", 8, "km", D.LENGTH)),
        # a dimension the rule does not list
        (
            measure("5 kWh", 5, "kilowatt_hour", D.ENERGY),
            measure("18 MJ", 18, "megajoule", D.ENERGY),
        ),
        # a unit pint does not know
        (km("5 km", 5), measure("3 leagues-ish", 3, "no_such_unit_xyz", D.LENGTH)),
    ],
)
def test_pairs_that_are_not_unit_conversions_are_skipped(first, second):
    assert run(pair(first, second)) == []


def test_only_conversion_pairs_are_read():
    assert len(run(pair(miles("5 miles", 5), km("10 km", 10, 10)))) == 1
    assert run(pair(miles("5 miles", 5), km("10 km", 10, 10), kind="restatement")) == []


def test_dimensions_parameter_limits_the_check():
    first, second = miles("5 miles", 5), km("10 km", 10, 10)
    assert run(pair(first, second), dimensions=["area"]) == []
    assert len(run(pair(first, second), dimensions=["length"])) == 1


def test_temperature_differences_convert_without_the_offset():
    first = measure("a rise of 2C", 2, "degree_Celsius", D.TEMPERATURE_DIFFERENCE)
    good = measure("3.6F", 3.6, "degree_Fahrenheit", D.TEMPERATURE_DIFFERENCE, 0.1)
    bad = measure("35.6F", 35.6, "degree_Fahrenheit", D.TEMPERATURE_DIFFERENCE, 0.1)
    assert verdict(first, good) is True
    assert verdict(first, bad) is False


def test_number_formatting():
    assert format_number(2471.05) == "2,471"
    assert format_number(1.9312) == "1.93"
    assert format_number(8.0467, 2) == "8"
    assert format_number(-40.0) == "-40"
    assert round_significant(12.4274) == pytest.approx(12.4)


def test_rule_file_loads_without_problems():
    rules, problems = load_file(RULES)
    assert problems == []
    by_id = {rule.id: rule for rule in rules}
    assert set(by_id) == {"conversion-mismatch", "conversion-no-figure"}
    mismatch = by_id["conversion-mismatch"]
    assert mismatch.codes == ("mismatch",) and str(mismatch.severity) == "error"
    assert by_id["conversion-no-figure"].codes == ("no_figure",)
    assert all(example.flag_spans for example in mismatch.flag_examples)
    passes = {example.text for example in mismatch.pass_examples}
    for hard_negative in (
        "3 mph (6 kph)",
        "20 mph (31 kph)",
        "30ft (10m)",
        "about ten lbs (five kg)",
    ):
        assert any(hard_negative in text for text in passes), hard_negative
    # the flagged span is the converted figure
    first = mismatch.flag_examples[0]
    start, end = first.flag_spans[0]
    assert first.text[start:end] == "10 km"


units = st.sampled_from(
    [
        "kilometer",
        "mile",
        "degree_Celsius",
        "degree_Fahrenheit",
        "gallon",
        "ton",
        "liter",
        "kilogram",
        "no_such_unit_xyz",
        "",
        "kilometer ** 2",
        "mile / hour",
    ]
)
numbers = st.one_of(
    st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**12), 10**12)
)


@st.composite
def odd_quantities(draw) -> Quantity:
    low, high = draw(numbers), draw(numbers)
    return measure(
        draw(st.text(max_size=8)),
        draw(numbers),
        draw(st.one_of(st.none(), units)),
        draw(st.sampled_from(list(Dimension))),
        draw(numbers),
        bound=draw(st.sampled_from(list(Bound))),
        low=low,
        high=high,
        hedge=draw(st.sampled_from([None, "about", "nearly", "under", "between"])),
    )


@settings(deadline=None)  # machines are shared: no timing in tests
@given(
    odd_quantities(),
    odd_quantities(),
    st.sampled_from(
        [{}, {"slack": "lots"}, {"dimensions": 3, "round_slack": None}, {"hedge_slack": -1}]
    ),
)
def test_bad_input_never_raises(first, second, params):
    for outcome in run(pair(first, second), **params):
        assert outcome.code in ("mismatch", "no_figure")
