"""Reading figures: digits, magnitudes, number words, fractions, ratios and their precision."""

from __future__ import annotations

import pytest

from factcheck.extract.numbers import (
    NumberKind,
    find_numbers,
    numeral_precision,
    parse_numeral,
    scaled,
    with_magnitude,
    word_number,
)


def read(text: str) -> list[tuple[str, float, float | None, str]]:
    return [(text[n.start : n.end], n.value, n.precision, n.kind.value) for n in find_numbers(text)]


def one(text: str):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("numeral", "value", "precision"),
    [
        ("18,000", 18000.0, 1000.0),
        ("2", 2.0, 1.0),
        ("20", 20.0, 10.0),
        ("1.93", 1.93, 0.01),
        ("99.5", 99.5, 0.1),
        ("0", 0.0, 1.0),
        ("1,250,000", 1250000.0, 10000.0),
        ("7.0", 7.0, 0.1),
    ],
)
def test_numeral_value_and_precision(numeral: str, value: float, precision: float) -> None:
    assert parse_numeral(numeral) == (value, precision)


def test_parse_numeral_rejects_garbage() -> None:
    assert parse_numeral("twelve") is None
    assert float(numeral_precision("300")) == 100.0


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        ("a grant of 48.2 million", "48.2 million", 48_200_000.0, 100_000.0),
        ("some 1.2 million voters", "1.2 million", 1_200_000.0, 100_000.0),
        ("exports of 1.5 mln", "1.5 mln", 1_500_000.0, 100_000.0),
        ("a 3bn loan", "3bn", 3e9, 1e9),
        ("about 5.7  million barrels", "5.7  million", 5_700_000.0, 100_000.0),
        ("a bill of 2 trillion", "2 trillion", 2e12, 1e12),
    ],
)
def test_magnitude_words(text: str, surface: str, value: float, precision: float) -> None:
    number = one(text)
    assert text[number.start : number.end] == surface
    assert number.value == value
    assert number.precision == precision
    assert number.magnitude is not None


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("a dozen eggs", 12.0, 1.0),
        ("two dozen chairs", 24.0, 1.0),
        ("half a dozen cars", 6.0, 1.0),
        ("twenty-three pupils", 23.0, 1.0),
        ("twenty three pupils", 23.0, 1.0),
        ("twenty pupils", 20.0, 10.0),
        ("five pupils", 5.0, 1.0),
        ("two hundred and five seats", 205.0, 1.0),
        ("a hundred thousand fans", 100_000.0, 100_000.0),
        ("sixty-five thousand fans", 65_000.0, 1000.0),
        ("half a million homes", 500_000.0, 100_000.0),
        ("one and a half million homes", 1_500_000.0, 100_000.0),
        ("two and a half weeks", 2.5, 0.5),
        ("almost a quarter of a million jobs", 250_000.0, 100_000.0),
        ("three quarters of a million jobs", 750_000.0, 100_000.0),
    ],
)
def test_number_words(text: str, value: float, precision: float) -> None:
    number = one(text)
    assert number.kind is NumberKind.WORDS
    assert number.value == pytest.approx(value)
    assert number.precision == pytest.approx(precision)


def test_word_number_records_its_magnitude() -> None:
    """ "six million" is a figure 6 with magnitude million, so ranges can share it."""
    number = one("six million people")
    assert number.magnitude == "million"
    assert number.multiplier == 1e6


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two-thirds of members", 2 / 3),
        ("two thirds of members", 2 / 3),
        ("one-third of members", 1 / 3),
        ("a third of members", 1 / 3),
        ("half of members", 0.5),
        ("three-quarters of members", 0.75),
        ("a 3/4 mile walk", 0.75),
    ],
)
def test_fractions(text: str, value: float) -> None:
    number = one(text)
    assert number.kind is NumberKind.FRACTION
    assert number.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one in five adults", 0.2),
        ("1 in 5 adults", 0.2),
        ("nine out of 10 dentists", 0.9),
        ("one in every four homes", 0.25),
        ("a one-in-five chance", 0.2),
    ],
)
def test_ratios(text: str, value: float) -> None:
    number = one(text)
    assert number.kind is NumberKind.RATIO
    assert number.value == pytest.approx(value)
    assert number.precision == pytest.approx(value / 10)


@pytest.mark.parametrize(
    "text",
    [
        "a third party sued",  # read as a fraction; quantities drops it for want of "of"
    ],
)
def test_article_fraction_is_offered_to_the_caller(text: str) -> None:
    assert one(text).kind is NumberKind.FRACTION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the third time", []),
        ("a fifty-fifty split", []),  # an idiom, not two fifties
        ("9/11 was", [("9", 9.0, 1.0, "digits")]),  # not a fraction 0.818
        ("12,34", []),  # neither 12 nor 34: an ill-formed numeral
        ("version 2.1.3", []),
        ("the F35 jet", []),  # glued to a letter: a name
        ("his half-sister", []),
    ],
)
def test_things_that_are_not_read_as_figures(text: str, expected: list) -> None:
    assert read(text) == expected


def test_negative_numbers_and_unicode_fractions() -> None:
    assert read("-5 degrees") == [("-5", -5.0, 1.0, "digits")]
    assert read("a 3-4 split")[0][1] == 3.0  # a dash between figures is not a minus sign
    assert one("1½ miles").value == 1.5


def test_year_after_in_is_not_a_ratio() -> None:
    """ "2 in 2019" is two figures, not 2/2019."""
    assert [n.kind for n in find_numbers("scored 2 in 2019")] == [NumberKind.DIGITS] * 2


def test_with_magnitude_and_scaled_keep_exact_decimals() -> None:
    number = one("£48.2 then")
    millions = with_magnitude(number, "m", number.end + 1)
    assert millions.value == 48_200_000.0
    assert millions.precision == 100_000.0
    cents = scaled(one("75 cents"), 0.01)
    assert cents.value == 0.75
    assert cents.precision == 0.01


def test_word_numbers():
    assert word_number("forty-five") == 45
    assert word_number("twenty five") == 25
    assert word_number("a hundred") == 100
    assert word_number("fiftieth") == 50
    assert word_number("twenty-fifth") == 25
    assert word_number("25th") == 25
    assert word_number("several") is None
