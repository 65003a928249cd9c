"""The pattern check kind: wording that is a problem in itself, compiled with care."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.checks.pattern import (
    _validate,
    check_pattern,
    parse_number,
    pattern_problems,
    phrase_regex,
)
from factcheck.claims import Claims, Sentence
from factcheck.document import Span


def sentences(*texts: str) -> Claims:
    """Sentences laid end to end with one space between, as in a document."""
    found, start = [], 0
    for index, text in enumerate(texts):
        found.append(Sentence(span=Span(start, start + len(text)), text=text, index=index))
        start += len(text) + 1
    return Claims(published=dt.date(2024, 1, 1), sentences=found)


def document(*texts: str) -> str:
    return " ".join(texts)


DECREASE = {
    "regex": [
        r"\b(?:fell|dropped)\s+(?:by\s+)?(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?:%|percent\b)",
        r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?:%|percent\b)\s+(?:decrease|reduction)\b",
    ],
    "number_above": 100,
    "unless": ["profit", "profits"],
    "suggestion": "Say what fraction of the old value is left, not '{match}'.",
}


def matches(claims: Claims, params) -> list[str]:
    text = document(*(s.text for s in claims.sentences))
    return [text[o.span.start : o.span.end] for o in check_pattern(claims, params)]


def test_a_regex_with_a_number_condition():
    claims = sentences(
        "Sales fell 150% last year.",
        "Sales fell 15% last year.",
        "The plan promises a 200% reduction in waste.",
        "Net profits fell 150% as costs rose.",
    )
    assert matches(claims, DECREASE) == ["fell 150%", "200% reduction"]
    first = next(iter(check_pattern(claims, DECREASE)))
    assert first.code == "match" and first.evidence == {"match": "fell 150%", "number": 150}
    assert first.values["number"] == "150"
    assert first.suggestion == "Say what fraction of the old value is left, not 'fell 150%'."


def test_number_below_and_thousands_separators():
    params = {"regex": r"(?P<number>\d[\d,]*) residents", "number_below": 1000}
    assert matches(
        sentences("Only 950 residents stayed.", "About 1,250 residents left."), params
    ) == ["950 residents"]
    assert parse_number("1,250.5") == 1250.5 and parse_number("12 000") == 12000
    assert parse_number("twelve") is None


def test_phrases_match_whole_words_case_insensitively():
    params = {"phrases": ["times less", "per cent per cent"]}
    claims = sentences("It uses Three Times   Less water.", "It uses threetimes lesser water.")
    assert matches(claims, params) == ["Times   Less"]


def test_case_can_matter():
    claims = sentences("NASA said so.", "nasa said so.")
    assert matches(claims, {"regex": r"\bNASA\b", "ignore_case": False}) == ["NASA"]


def test_one_finding_per_place_and_a_cap_per_sentence():
    params = {"regex": [r"\bfell 150%", r"150%"]}
    assert matches(sentences("Sales fell 150% last year."), params) == ["fell 150%"]
    many = sentences(" ".join(["x1"] * 50))
    assert len(matches(many, {"regex": r"x1"})) == 20


def test_spans_point_into_the_document():
    claims = sentences("First sentence here.", "Then it fell 150% overnight.")
    [outcome] = check_pattern(claims, DECREASE)
    text = document(*(s.text for s in claims.sentences))
    assert text[outcome.span.start : outcome.span.end] == "fell 150%"


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(a+)+$", "nests a repetition inside an unbounded repetition"),
        (r"(\w*\s?)*x", "nests a repetition"),
        (r"(\d+,?)+%", "nests a repetition"),
        ("(unclosed", "is not a valid regular expression: missing ), unterminated subpattern"),
        ("x*", "matches the empty string"),
        ("a" * 501, "at most 500"),
    ],
)
def test_dangerous_or_broken_patterns_are_refused(pattern, problem):
    problems = pattern_problems(pattern)
    assert problems and problem in problems[0], problems


@pytest.mark.parametrize(
    "pattern", [r"(a|b)*c", r"\bfell\s+(?P<number>\d+)%", r"(?:ab){2,5}x", r"\d{1,3}(?:,\d{3})*"]
)
def test_ordinary_patterns_are_accepted(pattern):
    assert pattern_problems(pattern) == []


def test_a_refused_pattern_never_runs():
    claims = sentences("a" * 40 + "!")
    assert list(check_pattern(claims, {"regex": "(a+)+$"})) == []


def test_validation_of_params():
    assert list(_validate({})) == [
        (None, "a pattern rule needs 'regex' or 'phrases' in its params")
    ]
    assert list(_validate({"regex": "a", "phrases": ["b"]})) == [
        (None, "give 'regex' or 'phrases', not both")
    ]
    [(name, message)] = _validate({"regex": r"fell (\d+)%", "number_above": 100})
    assert name == "regex" and "has no group named number" in message
    [(name, message)] = _validate({"regex": ["ok", "(bad"]})
    assert name == "regex" and message.startswith("(pattern 2) is not a valid regular expression")
    [(name, message)] = _validate({"regex": "x", "suggestion": "{nope}"})
    assert name == "suggestion" and "{nope}" in message
    assert (
        list(_validate({"regex": r"(?P<verb>fell) (?P<number>\d+)", "suggestion": "{verb}"})) == []
    )


def test_phrase_regex_escapes_and_orders_longest_first():
    regex = phrase_regex(["a.b", "a.b c"])
    assert regex == r"(?<!\w)(?:a\.b\s+c|a\.b)(?!\w)"
    assert phrase_regex([" ", ""]) is None
