"""Pair finding from quantity spans and the text between them."""

from __future__ import annotations

from factcheck.claims import Bound, Dimension, Quantity
from factcheck.document import Span
from factcheck.extract.pairs import find_pairs

D = Dimension


def at(
    text: str,
    surface: str,
    value: float | None,
    unit: str | None = None,
    dimension: Dimension = Dimension.LENGTH,
    *,
    occurrence: int = 0,
    bound: Bound = Bound.EXACT,
    currency: str | None = None,
) -> Quantity:
    """A quantity whose span is the ``occurrence``-th place ``surface`` is written in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Quantity(
        span=Span(start, start + len(surface)),
        text=surface,
        value=value,
        unit=unit,
        dimension=dimension,
        bound=bound,
        currency=currency,
    )


def summary(text: str, quantities: list[Quantity]) -> list[tuple[str, str, str, str]]:
    return [(p.first.text, p.second.text, p.kind, p.joiner) for p in find_pairs(text, quantities)]


def test_parenthetical_conversion():
    text = "The trail is 5 miles (8 km) long."
    qs = [at(text, "5 miles", 5, "mile"), at(text, "8 km", 8, "kilometer")]
    assert summary(text, qs) == [("5 miles", "8 km", "conversion", "parentheses")]
    (pair,) = find_pairs(text, qs)
    assert pair.first is qs[0] and pair.second is qs[1]
    assert text[pair.span.start : pair.span.end] == "5 miles (8 km"


def test_closing_quote_and_hedge_before_the_parenthesis_content():
    text = 'He said it was "40 miles" (about 64 km) away.'
    qs = [at(text, "40 miles", 40, "mile"), at(text, "64 km", 64, "kilometer")]
    assert summary(text, qs) == [("40 miles", "64 km", "conversion", "parentheses")]


def test_parenthesis_inside_the_second_span():
    text = "It is 5 miles (8 km) long."
    qs = [at(text, "5 miles", 5, "mile"), at(text, "(8 km", 8, "kilometer")]
    assert summary(text, qs) == [("5 miles", "(8 km", "conversion", "parentheses")]


def test_or_joined_conversions():
    text = "The zone covers 5 km², or 2 sq mi, of farmland and lies 5 km or 3 miles away."
    qs = [
        at(text, "5 km²", 5, "kilometer ** 2", D.AREA),
        at(text, "2 sq mi", 2, "mile ** 2", D.AREA),
        at(text, "5 km", 5, "kilometer", occurrence=1),
        at(text, "3 miles", 3, "mile"),
    ]
    assert summary(text, qs) == [
        ("5 km²", "2 sq mi", "conversion", "or"),
        ("5 km", "3 miles", "conversion", "or"),
    ]


def test_alternatives_in_one_unit_are_not_pairs():
    text = "The village is 3 or 4 km away, and 5 km (8 km by road) from the river."
    qs = [
        at(text, "3", 3, None, D.COUNT),
        at(text, "4 km", 4, "kilometer"),
        at(text, "5 km", 5, "kilometer"),
        at(text, "8 km", 8, "kilometer"),
    ]
    assert summary(text, qs) == []


def test_same_unit_spelled_two_ways_is_not_a_conversion():
    text = "It is 5 km (5 kilometres) away."
    qs = [at(text, "5 km", 5, "km"), at(text, "5 kilometres", 5, "kilometer")]
    assert summary(text, qs) == []


def test_unit_only_after_a_vague_measure():
    text = "They walked dozens of kilometres (miles) through the desert."
    qs = [
        at(text, "dozens of kilometres", None, "kilometer", bound=Bound.VAGUE),
        at(text, "miles", None, "mile", bound=Bound.UNIT_ONLY),
    ]
    assert summary(text, qs) == [("dozens of kilometres", "miles", "conversion", "parentheses")]


def test_unit_only_of_another_dimension_is_not_a_pair():
    text = "They carried dozens of kilograms (miles) of food."
    qs = [
        at(text, "dozens of kilograms", None, "kilogram", D.MASS, bound=Bound.VAGUE),
        at(text, "miles", None, "mile", bound=Bound.UNIT_ONLY),
    ]
    assert summary(text, qs) == []


def test_or_with_a_unit_only_is_not_a_pair():
    text = "A few km or miles, nobody knows."
    qs = [
        at(text, "A few km", None, "kilometer", bound=Bound.VAGUE),
        at(text, "miles", None, "mile", bound=Bound.UNIT_ONLY),
    ]
    assert summary(text, qs) == []


def test_ratio_and_percentage_restate_each_other():
    text = "One in five (20%) voted, or 20% or one in five of the register."
    qs = [
        at(text, "One in five", 0.2, None, D.RATIO),
        at(text, "20%", 20, None, D.PERCENT),
        at(text, "20%", 20, None, D.PERCENT, occurrence=1),
        at(text, "one in five", 0.2, None, D.RATIO),
    ]
    assert summary(text, qs) == [
        ("One in five", "20%", "restatement", "parentheses"),
        ("20%", "one in five", "restatement", "or"),
    ]


def test_money_pairs_need_two_currencies():
    text = "The deal is worth $5m (£3m), up from $4m ($3.9m adjusted)."
    qs = [
        at(text, "$5m", 5e6, None, D.MONEY, currency="USD"),
        at(text, "£3m", 3e6, None, D.MONEY, currency="GBP"),
        at(text, "$4m", 4e6, None, D.MONEY, currency="USD"),
        at(text, "$3.9m", 3.9e6, None, D.MONEY, currency="USD"),
    ]
    assert summary(text, qs) == [("$5m", "£3m", "conversion", "parentheses")]


def test_words_or_punctuation_between_break_the_pair():
    text = "It is 5 km of road (3 miles) long. It is 5 km. (3 miles) Then 20 men (10%) left."
    qs = [
        at(text, "5 km", 5, "kilometer"),
        at(text, "3 miles", 3, "mile"),
        at(text, "5 km", 5, "kilometer", occurrence=1),
        at(text, "3 miles", 3, "mile", occurrence=1),
        at(text, "20 men", 20, None, D.COUNT),
        at(text, "10%", 10, None, D.PERCENT),
    ]
    assert summary(text, qs) == []


def test_several_conversions_in_one_parenthesis():
    text = "The site is 6.05 hectares (14.95 acres; 0.0605 square km) in size."
    qs = [
        at(text, "6.05 hectares", 6.05, "hectare", D.AREA),
        at(text, "14.95 acres", 14.95, "acre", D.AREA),
        at(text, "0.0605 square km", 0.0605, "kilometer ** 2", D.AREA),
    ]
    assert summary(text, qs) == [
        ("6.05 hectares", "14.95 acres", "conversion", "parentheses"),
        ("6.05 hectares", "0.0605 square km", "conversion", "parentheses"),
    ]


def test_or_inside_a_parenthesis_pairs_with_the_figure_before_it():
    text = "The run is 5 km (3 miles or 5,470 yards) long."
    qs = [
        at(text, "5 km", 5, "kilometer"),
        at(text, "3 miles", 3, "mile"),
        at(text, "5,470 yards", 5470, "yard"),
    ]
    assert summary(text, qs) == [
        ("5 km", "3 miles", "conversion", "parentheses"),
        ("5 km", "5,470 yards", "conversion", "parentheses"),
    ]


def test_dimension_must_match():
    text = "It is 5 km (3 kg) and 40C (104F)."
    qs = [
        at(text, "5 km", 5, "kilometer"),
        at(text, "3 kg", 3, "kilogram", D.MASS),
        at(text, "40C", 40, "degree_Celsius", D.TEMPERATURE),
        at(text, "104F", 104, "degree_Fahrenheit", D.TEMPERATURE),
    ]
    assert summary(text, qs) == [("40C", "104F", "conversion", "parentheses")]


def test_order_of_the_input_does_not_matter_and_bad_input_is_harmless():
    text = "Speeds of 30 to 55 km/h (19 to 34 mph)."
    first = at(text, "30 to 55 km/h", 42.5, "kilometer / hour", D.SPEED, bound=Bound.RANGE)
    second = at(text, "19 to 34 mph", 26.5, "mile / hour", D.SPEED, bound=Bound.RANGE)
    assert summary(text, [second, first]) == [
        ("30 to 55 km/h", "19 to 34 mph", "conversion", "parentheses")
    ]
    overlapping = at(text, "55 km/h", 55, "kilometer / hour", D.SPEED)
    assert len(find_pairs(text, [first, overlapping, second])) <= 1
    assert find_pairs(text, []) == []
    assert find_pairs("", [first]) == []
