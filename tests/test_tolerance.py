"""Rounding-aware comparison: properties of written intervals and conversion comparisons."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.claims import Bound, Dimension, Quantity
from factcheck.document import Span
from factcheck.tolerance import (
    DEFAULT_CONVERSION_SLACK,
    DEFAULT_HEDGE_SLACK,
    Interval,
    compare_conversion,
    consistent,
    figure_interval,
    is_round_figure,
    place_value,
    rounding_half_width,
    unit_converter,
    written_interval,
)


def quantity(
    value: float | None,
    precision: float | None = 1,
    *,
    bound: Bound = Bound.EXACT,
    unit: str | None = None,
    dimension: Dimension = Dimension.COUNT,
    low: float | None = None,
    high: float | None = None,
    hedge: str | None = None,
) -> Quantity:
    return Quantity(
        span=Span(0, 1),
        text="x",
        value=value,
        unit=unit,
        dimension=dimension,
        bound=bound,
        low=low,
        high=high,
        precision=precision,
        hedge=hedge,
    )


def round_to(x: float, precision: float) -> float:
    """``x`` rounded to a multiple of ``precision``, as a writer would print it."""
    decimals = max(0, -int(math.floor(math.log10(precision))))
    return round(round(x / precision) * precision, decimals)


precisions = st.sampled_from([0.001, 0.01, 0.1, 1, 10, 100, 1000])
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)

# (source unit, target unit, dimension): conversions journalists write.
RATIO_CONVERSIONS = [
    ("kilometer", "mile", Dimension.LENGTH),
    ("mile", "kilometer", Dimension.LENGTH),
    ("meter", "foot", Dimension.LENGTH),
    ("kilometer ** 2", "mile ** 2", Dimension.AREA),
    ("hectare", "acre", Dimension.AREA),
    ("kilogram", "pound", Dimension.MASS),
    ("metric_ton", "ton", Dimension.MASS),
    ("liter", "gallon", Dimension.VOLUME),
    ("kilometer / hour", "mile / hour", Dimension.SPEED),
]


# --------------------------------------------------------------------------- reading figures


@settings(deadline=None)  # machines are shared: no timing in tests
@given(values, precisions)
def test_any_value_is_consistent_with_its_rounding_read_literally(x, precision):
    written = round_to(x, precision)
    q = quantity(written, precision)
    assert consistent(x, q, round_slack=None)


@settings(deadline=None)  # machines are shared: no timing in tests
@given(values, st.sampled_from([0.001, 0.01, 0.1, 1]))
def test_any_value_is_consistent_with_its_rounding_to_a_digit(x, precision):
    written = round_to(x, precision)
    assert consistent(x, quantity(written, precision))


@settings(deadline=None)  # machines are shared: no timing in tests
@given(values, precisions, st.floats(min_value=1e-6, max_value=1e3))
def test_a_value_beyond_the_tolerance_is_never_consistent(x, precision, excess):
    written = round_to(x, precision)
    q = quantity(written, precision)
    half = rounding_half_width(written, precision)
    assume(excess > 1e-6 * max(1.0, abs(written)))
    assert not consistent(written + half + excess, q)
    assert not consistent(written - half - excess, q)


@settings(deadline=None)  # machines are shared: no timing in tests
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=6))
def test_place_value_of_a_single_digit_figure(digit, exponent):
    assert place_value(digit * 10**exponent) == pytest.approx(10**exponent)


def test_place_value_examples():
    assert place_value(18000) == 1000
    assert place_value(1.93) == pytest.approx(0.01)
    assert place_value(2500) == 100
    assert place_value(0) == 1


@settings(deadline=None)  # machines are shared: no timing in tests
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=5))
def test_round_figure_reading_lies_between_units_and_coarse_readings(mantissa, exponent):
    precision = place_value(mantissa * 10**exponent)
    value = mantissa * 10**exponent
    assert is_round_figure(value, precision)
    reading = figure_interval(value, precision)
    coarse = figure_interval(value, precision, round_slack=None)
    assert coarse.low <= reading.low and reading.high <= coarse.high
    assert reading.contains(value - 0.5) and reading.contains(value + 0.5)
    # an interval scale reads a round figure to the unit
    assert figure_interval(value, precision, offset_scale=True) == Interval(
        value - 0.5, value + 0.5
    )


def test_round_figures_read_as_an_implicit_about():
    assert figure_interval(10, 10) == Interval(9, 11)
    assert figure_interval(30, 10) == Interval(27, 33)
    assert figure_interval(60, 10) == Interval(55, 65)  # coarse step already under 10 %
    assert figure_interval(1000, 1000) == Interval(900, 1100)
    assert figure_interval(2500, 100) == Interval(2450, 2550)
    assert figure_interval(10, 10, round_slack=None) == Interval(5, 15)


@settings(deadline=None)  # machines are shared: no timing in tests
@given(st.floats(min_value=0.5, max_value=1e5), precisions, st.floats(0, 1))
def test_upper_bounds_contain_everything_below_the_bound(v, precision, fraction):
    v = round_to(v, precision)
    assume(v > 0)
    for bound in (Bound.LESS_THAN, Bound.AT_MOST):
        q = quantity(v, precision, bound=bound)
        assert consistent(v * fraction, q)
        assert not consistent(v + rounding_half_width(v, precision) + 1e-3 * v + 1e-6, q)


@settings(deadline=None)  # machines are shared: no timing in tests
@given(st.floats(min_value=0.5, max_value=1e5), precisions, st.floats(1, 1e6))
def test_lower_bounds_contain_everything_above_the_bound(v, precision, factor):
    v = round_to(v, precision)
    assume(v > 0)
    for bound in (Bound.MORE_THAN, Bound.AT_LEAST):
        q = quantity(v, precision, bound=bound)
        assert consistent(v * factor, q)
        assert not consistent(v - rounding_half_width(v, precision) - 1e-3 * v - 1e-6, q)


def test_under_two_holds_for_one_point_nine_three():
    assert consistent(1.93, quantity(2, 1, bound=Bound.LESS_THAN, hedge="under"))


def test_temperature_bounds_extend_below_zero():
    q = quantity(5, 1, bound=Bound.LESS_THAN, dimension=Dimension.TEMPERATURE)
    assert consistent(-12, q)


@settings(deadline=None)  # machines are shared: no timing in tests
@given(st.integers(min_value=10, max_value=10_000))
def test_hedges_widen_and_nearly_means_just_below(v):
    about = quantity(v, 1, bound=Bound.APPROX, hedge="about")
    nearly = quantity(v, 1, bound=Bound.APPROX, hedge="nearly")
    plain = quantity(v, 1)
    inside = v * (1 - 0.9 * DEFAULT_HEDGE_SLACK)
    assert consistent(inside, about) and consistent(inside, nearly)
    assert consistent(v * (1 + 0.9 * DEFAULT_HEDGE_SLACK), about)
    assert not consistent(v * (1 + 0.9 * DEFAULT_HEDGE_SLACK) + 1, nearly)
    if v >= 20:
        assert not consistent(inside, plain)


def test_a_range_word_is_not_a_hedge():
    q = quantity(15, 1, bound=Bound.RANGE, low=10, high=20, hedge="between")
    assert written_interval(q) == Interval(9.5, 20.5)


def test_figures_without_numbers_have_no_interval():
    assert written_interval(quantity(None, None, bound=Bound.VAGUE)) is None
    assert written_interval(quantity(None, None, bound=Bound.UNIT_ONLY, unit="mile")) is None


# --------------------------------------------------------------------------- conversions


def _measure(value, unit, dimension, precision=1, **kwargs) -> Quantity:
    return quantity(value, precision, unit=unit, dimension=dimension, **kwargs)


@settings(deadline=None)  # machines are shared: no timing in tests
@given(
    st.sampled_from(RATIO_CONVERSIONS),
    st.integers(min_value=101, max_value=99_999),
    st.integers(min_value=1, max_value=3),
)
def test_correct_conversions_pass_both_ways(conversion, v, digits_dropped):
    source_unit, target_unit, dimension = conversion
    assume(v % 10)  # a figure without trailing zeros, read to the unit
    forward = unit_converter(source_unit, target_unit)
    back = unit_converter(target_unit, source_unit)
    computed = forward(v)
    assert back(computed) == pytest.approx(v, rel=1e-9)  # pint round-trips
    precision = 10.0 ** (math.floor(math.log10(computed)) - digits_dropped)
    written = round_to(computed, precision)
    source = _measure(v, source_unit, dimension)
    target = _measure(written, target_unit, dimension, precision)
    result = compare_conversion(source, target, forward)
    assert result is not None and result.ok, result
    assert result.computed == pytest.approx(computed)
    reverse = compare_conversion(target, source, back)
    assert reverse is not None and reverse.ok, reverse


@settings(deadline=None)  # machines are shared: no timing in tests
@given(
    st.sampled_from(RATIO_CONVERSIONS),
    st.integers(min_value=101, max_value=99_999),
    st.one_of(st.floats(min_value=1.05, max_value=3), st.floats(min_value=0.33, max_value=0.95)),
)
def test_conversions_off_by_five_percent_or_more_are_flagged(conversion, v, factor):
    source_unit, target_unit, dimension = conversion
    assume(v % 10)
    forward = unit_converter(source_unit, target_unit)
    wrong = forward(v) * factor
    precision = 10.0 ** (math.floor(math.log10(wrong)) - 2)  # three significant digits
    written = round_to(wrong, precision)
    source = _measure(v, source_unit, dimension)
    target = _measure(written, target_unit, dimension, precision)
    result = compare_conversion(source, target, forward)
    assert result is not None and not result.ok, result
    assert result.admitted.gap(result.target) > 0


@settings(deadline=None)  # machines are shared: no timing in tests
@given(st.integers(min_value=-50, max_value=50))
def test_temperatures_convert_with_their_offset(celsius):
    forward = unit_converter("degree_Celsius", "degree_Fahrenheit")
    fahrenheit = round(celsius * 9 / 5 + 32)
    source = _measure(celsius, "degree_Celsius", Dimension.TEMPERATURE, place_value(celsius))
    good = _measure(fahrenheit, "degree_Fahrenheit", Dimension.TEMPERATURE, place_value(fahrenheit))
    assert compare_conversion(source, good, forward).ok
    for off in (-3, 3):
        bad_value = fahrenheit + off
        bad = _measure(
            bad_value, "degree_Fahrenheit", Dimension.TEMPERATURE, place_value(bad_value)
        )
        assert not compare_conversion(source, bad, forward).ok


@settings(deadline=None)  # machines are shared: no timing in tests
@given(
    st.integers(min_value=11, max_value=999),
    st.integers(min_value=2, max_value=500),
    st.floats(min_value=1.2, max_value=2.0),
)
def test_ranges_convert_end_by_end(low, width, factor):
    high = low + width
    assume(low % 10 and high % 10)
    forward = unit_converter("kilometer", "mile")
    t_low, t_high = round(forward(low), 1), round(forward(high), 1)
    source = _measure(
        (low + high) / 2, "kilometer", Dimension.LENGTH, 1, bound=Bound.RANGE, low=low, high=high
    )

    def target(a, b):
        return _measure(
            (a + b) / 2, "mile", Dimension.LENGTH, 0.1, bound=Bound.RANGE, low=a, high=b
        )

    assert compare_conversion(source, target(t_low, t_high), forward).ok
    wrong_high = round(t_high * factor, 1)
    result = compare_conversion(source, target(t_low, wrong_high), forward)
    assert not result.ok and result.end == "high" and result.written == wrong_high
    wrong_low = round(t_low / factor, 1)
    result = compare_conversion(source, target(wrong_low, t_high), forward)
    assert not result.ok and result.end == "low"


@settings(deadline=None)  # machines are shared: no timing in tests
@given(
    st.integers(min_value=2, max_value=9_999), st.sampled_from([Bound.LESS_THAN, Bound.MORE_THAN])
)
def test_same_direction_bounds_compare_their_figures(v, bound):
    forward = unit_converter("kilometer ** 2", "mile ** 2")
    computed = forward(v)
    precision = 10.0 ** (math.floor(math.log10(computed)) - 1)
    good = round_to(computed, precision)
    bad = round_to(computed * 2, precision)
    source = _measure(v, "kilometer ** 2", Dimension.AREA, 1, bound=bound)
    assert compare_conversion(
        source, _measure(good, "mile ** 2", Dimension.AREA, precision, bound=bound), forward
    ).ok
    result = compare_conversion(
        source, _measure(bad, "mile ** 2", Dimension.AREA, precision, bound=bound), forward
    )
    assert not result.ok and result.mode == "figures"


def test_a_bound_before_the_pair_qualifies_the_conversion():
    forward = unit_converter("kilometer ** 2", "mile ** 2")
    source = _measure(5, "kilometer ** 2", Dimension.AREA, 1, bound=Bound.LESS_THAN, hedge="under")
    # "under 5 km² (2 sq mi)": 2 inherits "under" and is compared as a bound figure
    result = compare_conversion(source, _measure(2, "mile ** 2", Dimension.AREA, 1), forward)
    assert result.ok and result.mode == "figures"
    result = compare_conversion(source, _measure(4, "mile ** 2", Dimension.AREA, 1), forward)
    assert not result.ok


def test_the_slack_parameter_decides_borderline_cases():
    # 5 mi = 8.047 km; 5 admits 4.5..5.5 mi = 7.24..8.85 km; "9.2 km" is 4 % beyond that
    forward = unit_converter("mile", "kilometer")
    source = _measure(5, "mile", Dimension.LENGTH, 1)
    target = _measure(9.2, "kilometer", Dimension.LENGTH, 0.1)
    assert not compare_conversion(source, target, forward, slack=DEFAULT_CONVERSION_SLACK).ok
    assert compare_conversion(source, target, forward, slack=0.05).ok


def test_no_comparison_without_figures():
    forward = unit_converter("kilometer", "mile")
    vague = quantity(None, None, bound=Bound.VAGUE, unit="kilometer", dimension=Dimension.LENGTH)
    unit_only = quantity(None, None, bound=Bound.UNIT_ONLY, unit="mile", dimension=Dimension.LENGTH)
    assert compare_conversion(vague, unit_only, forward) is None


def test_unit_converter_refuses_unknown_or_incompatible_units():
    assert unit_converter("kilometer", "kilogram") is None
    assert unit_converter("kilometer", "no_such_unit_xyz") is None
    assert unit_converter("", "mile") is None
    assert unit_converter("kilometer", "mile")(1) == pytest.approx(0.621371, rel=1e-5)


def test_a_hedged_range_widens_at_both_ends():
    q = quantity(112.5, 1, bound=Bound.RANGE, low=95, high=130, hedge="about")
    interval = written_interval(q)
    assert interval.contains(95 * (1 - 0.9 * DEFAULT_HEDGE_SLACK))
    assert interval.contains(130 * (1 + 0.9 * DEFAULT_HEDGE_SLACK))
    assert not interval.contains(130 * (1 + 1.1 * DEFAULT_HEDGE_SLACK))
