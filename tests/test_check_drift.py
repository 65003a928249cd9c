"""drift: one count given two different figures in one article, and all the ways it is not."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from rule_examples import rule_example_spans

from factcheck.checks import get
from factcheck.checks.drift import check_drift
from factcheck.claims import (
    Bound,
    Change,
    Claims,
    DateClaim,
    Quantity,
    Relation,
    Sentence,
)
from factcheck.document import Span
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parent.parent / "rules" / "drift.yaml"
PARAMS = dict(get("drift").defaults)


def article(text: str, *figures: tuple) -> Claims:
    """Sentences split at ". "; figures (surface, value, noun[, bound]) found in order."""
    sentences, start = [], 0
    for match in re.finditer(r"(?<=\.)\s+", text):
        sentences.append(
            Sentence(
                Span(start, match.start()),
                text[start : match.start()],
                len(sentences),
                in_quote=text[start] in '"“',
            )
        )
        start = match.end()
    sentences.append(
        Sentence(Span(start, len(text)), text[start:], len(sentences), in_quote=text[start] in '"“')
    )
    quantities, pos = [], 0
    for surface, value, noun, *rest in figures:
        begin = text.index(surface, pos)
        pos = begin + len(surface)
        index = next(s.index for s in sentences if s.span.start <= begin < s.span.end)
        quantities.append(
            Quantity(
                span=Span(begin, pos),
                text=surface,
                value=value,
                noun=noun,
                precision=1.0,
                bound=rest[0] if rest else Bound.EXACT,
                sentence=index,
            )
        )
    return Claims(published=None, sentences=sentences, quantities=quantities)


def problems(claims: Claims, **params) -> list:
    return [o for o in check_drift(claims, {**PARAMS, **params}) if not o.ok]


TOLL = "The crash killed 32 passengers, officials said. The 23 passengers killed were tourists."


def test_same_count_two_figures_is_flagged():
    claims = article(TOLL, ("32", 32, "passengers"), ("23", 23, "passengers"))
    (outcome,) = problems(claims)
    assert outcome.code == "different_figures"
    assert TOLL[outcome.span.start : outcome.span.end] == "23"
    assert outcome.related == [claims.quantities[0].span]
    assert outcome.evidence["computed"] == 32 and outcome.evidence["written"] == 23
    assert outcome.evidence["predicate"] == "kill"
    assert "32 or 23" in outcome.suggestion


def test_agreeing_figures_are_verified():
    text = TOLL.replace("23", "32")
    claims = article(text, ("32", 32, "passengers"), ("32", 32, "passengers"))
    outcomes = list(check_drift(claims, PARAMS))
    assert [o.ok for o in outcomes] == [True]


def test_same_noun_different_predicate_is_not_the_same_count():
    text = "The crash killed 32 passengers. Another 23 passengers were injured."
    assert problems(article(text, ("32", 32, "passengers"), ("23", 23, "passengers"))) == []
    text = "The crash killed 32 passengers. Doctors treated 23 passengers for burns."
    assert problems(article(text, ("32", 32, "passengers"), ("23", 23, "passengers"))) == []


@pytest.mark.parametrize(
    "text",
    [
        "The crash killed 32 passengers. By Friday the toll had risen and 35 passengers were "
        "killed.",
        "The crash initially killed 32 passengers. The 35 passengers killed were tourists.",
        "The crash killed 32 passengers. So far 35 passengers killed have been named.",
        "The crash killed 32 passengers. Now 35 passengers are known to be killed.",
    ],
)
def test_figures_that_change_over_the_story(text):
    assert problems(article(text, ("32", 32, "passengers"), ("35", 35, "passengers"))) == []


def test_bounds_and_estimates_are_not_exact_figures():
    text = "The crash killed at least 32 passengers. The 23 passengers killed were tourists."
    claims = article(
        text, ("at least 32", 32, "passengers", Bound.AT_LEAST), ("23", 23, "passengers")
    )
    assert problems(claims) == []


def test_generic_nouns_need_a_casualty_predicate():
    text = "The firm employs 32 people in Leeds. The 23 people employed there are engineers."
    assert problems(article(text, ("32", 32, "people"), ("23", 23, "people"))) == []
    text = "The blast killed 32 people. The 23 people killed were workers."
    (outcome,) = problems(article(text, ("32", 32, "people"), ("23", 23, "people")))
    assert outcome.evidence["noun"] == "people"


def test_different_dates_mean_different_counts():
    text = "A crash in March killed 32 passengers. A crash in June killed 23 passengers."
    claims = article(text, ("32", 32, "passengers"), ("23", 23, "passengers"))
    claims.dates = [
        DateClaim(
            span=Span(text.index("March"), text.index("March") + 5),
            text="March",
            date=dt.date(2019, 3, 1),
            sentence=0,
        ),
        DateClaim(
            span=Span(text.index("June"), text.index("June") + 4),
            text="June",
            date=dt.date(2019, 6, 1),
            sentence=1,
        ),
    ]
    assert problems(claims) == []


def test_one_sentence_contrasts_rather_than_slips():
    text = "The crash killed 32 passengers and the fire killed 23 passengers."
    assert problems(article(text, ("32", 32, "passengers"), ("23", 23, "passengers"))) == []


def test_a_noun_with_many_figures_counts_different_things():
    text = (
        "Smith scored 18 goals for Chelsea. Jones scored 25 goals for Everton. "
        "Brown scored 9 goals for Leeds."
    )
    claims = article(text, ("18", 18, "goals"), ("25", 25, "goals"), ("9", 9, "goals"))
    assert problems(claims) == []


def test_parts_and_changes_are_qualified_figures():
    claims = article(TOLL, ("32", 32, "passengers"), ("23", 23, "passengers"))
    claims.changes = [Change(span=claims.quantities[1].span, after=claims.quantities[1])]
    assert problems(claims) == []
    claims = article(TOLL, ("32", 32, "passengers"), ("23", 23, "passengers"))
    claims.relations = [Relation(part=claims.quantities[1], whole=claims.quantities[0])]
    assert problems(claims) == []


def test_quotes_are_skipped():
    text = (
        'The crash killed 32 passengers, officials said. "The 23 passengers killed were tourists."'
    )
    assert problems(article(text, ("32", 32, "passengers"), ("23", 23, "passengers"))) == []
    claims = article(text, ("32", 32, "passengers"), ("23", 23, "passengers"))
    assert len(problems(claims, skip_quotes=False)) == 1


def test_same_as_relations_from_extraction_are_used():
    text = "Police said 32 fatalities occurred. The 23 fatalities were near the bridge."
    claims = article(text, ("32", 32, "fatalities"), ("23", 23, "fatalities"))
    assert problems(claims) == []  # predicates differ: "occurred", "near"
    claims.relations = [
        Relation(part=claims.quantities[1], whole=claims.quantities[0], kind="same_as", cue="occur")
    ]
    assert len(problems(claims)) == 1


def test_nothing_in_an_empty_article():
    assert list(check_drift(Claims(published=None), PARAMS)) == []


def test_rule_file_loads_cleanly():
    rules, found = load_file(RULES)
    assert found == []
    (rule,) = rules
    assert rule.id == "drift-different-figures" and str(rule.severity) == "warning"


def test_rule_examples_end_to_end():
    for _, text, expected, found in rule_example_spans(RULES):
        assert found == expected, text
