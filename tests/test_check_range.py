"""range check: reversed ranges and figures outside a range for the same thing."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import quantity_at

from factcheck import checks
from factcheck.checks.range import check_range
from factcheck.claims import Bound, Change, Claims, Dimension, Relation
from factcheck.document import Span
from factcheck.extract.relations import find_relations
from factcheck.extract.sentences import split_sentences
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parents[1] / "rules" / "range.yaml"
DEFAULTS = dict(checks.get("range").defaults)


def run(claims: Claims, **params):
    return list(check_range(claims, {**DEFAULTS, **params}))


def test_reversed_range_is_flagged_with_both_ends():
    text = "There may be between 18,000 and 14,000 militants in the region."
    q = quantity_at(
        text,
        "between 18,000 and 14,000",
        16000,
        low=18000,
        high=14000,
        bound=Bound.RANGE,
        noun="militants",
        precision=1000,
    )
    [outcome] = run(Claims(published=None, quantities=[q]))
    assert not outcome.ok and outcome.code == "reversed"
    assert outcome.span == q.span
    assert outcome.values["low"] == "18,000" and outcome.values["high"] == "14,000"
    assert outcome.evidence["low"] == 18000 and outcome.evidence["high"] == 14000
    assert "between 14,000 and 18,000" in outcome.suggestion


def test_ordered_range_is_verified():
    text = "There may be between 14,000 and 18,000 militants in the region."
    q = quantity_at(
        text,
        "between 14,000 and 18,000",
        16000,
        low=14000,
        high=18000,
        bound=Bound.RANGE,
        noun="militants",
        precision=1000,
    )
    [outcome] = run(Claims(published=None, quantities=[q]))
    assert outcome.ok
    assert outcome.message == "14,000 < 18,000: the range is ordered."


def test_score_like_pairs_are_left_alone_unless_asked():
    text = "The home side won 3-2."
    q = quantity_at(text, "3-2", 2.5, low=3, high=2, bound=Bound.RANGE)
    dash = {"reversed_connectors": ["dash"]}
    assert run(Claims(published=None, quantities=[q]), **dash) == []
    [outcome] = run(Claims(published=None, quantities=[q]), skip_bare_counts=False, **dash)
    assert not outcome.ok


def test_to_dash_and_between_ranges_are_judged_for_order_by_default():
    text = "Gusts of 80 to 60 mph; about 15–10% of fans; between 47 and 40 percent"
    to = quantity_at(
        text, "80 to 60 mph", 70, low=80, high=60, bound=Bound.RANGE,
        dimension=Dimension.SPEED, unit="mile / hour",
    )  # fmt: skip
    dash = quantity_at(
        text, "15–10%", 12.5, low=15, high=10, bound=Bound.RANGE, dimension=Dimension.PERCENT
    )
    between = quantity_at(
        text,
        "between 47 and 40 percent",
        43.5,
        low=47,
        high=40,
        bound=Bound.RANGE,
        dimension=Dimension.PERCENT,
    )
    claims = Claims(published=None, quantities=[to, dash, between])
    assert [o.span for o in run(claims)] == [to.span, dash.span, between.span]
    only_between = run(claims, reversed_connectors=["between"])
    assert [o.span for o in only_between] == [between.span]


def test_between_never_joins_a_score():
    text = "Most of those polled were aged between 34 and 18."
    q = quantity_at(text, "between 34 and 18", 26, low=34, high=18, bound=Bound.RANGE)
    [outcome] = run(Claims(published=None, quantities=[q]))
    assert not outcome.ok and outcome.values["low"] == "34"


def test_the_size_of_a_change_is_still_a_range():
    text = "The carmaker will cut between 7,000 and 6,000 jobs."
    q = quantity_at(
        text, "between 7,000 and 6,000", 6500, low=7000, high=6000, bound=Bound.RANGE,
        noun="jobs", precision=1000,
    )  # fmt: skip
    change = Change(span=Span(text.index("cut"), len(text) - 1), change=q, cue="cut")
    [outcome] = run(Claims(published=None, quantities=[q], changes=[change]))
    assert not outcome.ok and outcome.span == q.span


def test_a_change_is_not_a_reversed_range():
    text = "Prices fell from 20 to 15 dollars."
    q = quantity_at(
        text,
        "20 to 15 dollars",
        17.5,
        low=20,
        high=15,
        bound=Bound.RANGE,
        dimension=Dimension.MONEY,
        currency="USD",
    )
    change = Change(span=Span(text.index("fell"), len(text) - 1), direction="down", cue="fell")
    every = {"reversed_connectors": ["between", "from", "to", "dash"]}
    assert run(Claims(published=None, quantities=[q], changes=[change]), **every) == []
    assert [o.ok for o in run(Claims(published=None, quantities=[q]), **every)] == [False]


def test_equal_ends_and_non_ranges_say_nothing():
    text = "between 5 and 5 km, and 7 km"
    same = quantity_at(
        text,
        "between 5 and 5 km",
        5,
        low=5,
        high=5,
        bound=Bound.RANGE,
        dimension=Dimension.LENGTH,
        unit="kilometer",
    )
    single = quantity_at(text, "7 km", 7, dimension=Dimension.LENGTH, unit="kilometer")
    assert run(Claims(published=None, quantities=[same, single])) == []


TEXT = (
    "Between 40 and 60 people died when the dam failed. "
    "The names of the 75 people who died were read out."
)


def outside_claims(figure_surface: str, value: float, **fields):
    rng = quantity_at(
        TEXT,
        "Between 40 and 60",
        50,
        low=40,
        high=60,
        bound=Bound.RANGE,
        noun="people",
        precision=10,
    )
    fig = quantity_at(
        TEXT.replace("75", figure_surface),
        figure_surface,
        value,
        noun="people",
        sentence=1,
        **fields,
    )
    relation = Relation(part=fig, whole=rng, kind="same_as", cue="die")
    return Claims(published=None, quantities=[rng, fig], relations=[relation]), rng, fig


def test_figure_outside_the_range_is_flagged():
    claims, rng, fig = outside_claims("75", 75)
    [outcome] = run(claims, check_reversed=False)
    assert not outcome.ok and outcome.code == "outside"
    assert outcome.span == fig.span and outcome.related == [rng.span]
    assert outcome.values["side"] == "above"
    # 40..60 written to the ten admits 35..65; 75 admits 74.5..75.5.
    assert outcome.evidence["range_high"] == pytest.approx(65)
    assert outcome.evidence["figure_low"] == pytest.approx(74.5)
    assert "either 75 or the range" in outcome.suggestion


def test_rounding_keeps_a_near_figure_inside():
    claims, _, _ = outside_claims("63", 63)
    [outcome] = run(claims, check_reversed=False)
    assert outcome.ok


def test_bounds_compare_as_bounds():
    claims, _, _ = outside_claims("at least 75", 75, bound=Bound.AT_LEAST)
    assert [o.ok for o in run(claims, check_reversed=False)] == [False]
    claims, _, _ = outside_claims("more than 30", 30, bound=Bound.MORE_THAN)
    assert [o.ok for o in run(claims, check_reversed=False)] == [True]
    claims, _, _ = outside_claims("fewer than 20", 20, bound=Bound.LESS_THAN)
    [outcome] = run(claims, check_reversed=False)
    assert not outcome.ok and outcome.values["side"] == "below"


def test_part_whole_and_change_suppress_the_comparison():
    claims, rng, fig = outside_claims("75", 75)
    claims.relations.append(Relation(part=fig, whole=rng, kind="part_of", cue="of"))
    assert run(claims, check_reversed=False) == []
    claims, rng, fig = outside_claims("75", 75)
    claims.changes.append(Change(span=fig.span, after=fig))
    assert run(claims, check_reversed=False) == []


def test_params_switch_each_half_off():
    claims, _, _ = outside_claims("75", 75)
    assert run(claims, check_outside=False) == [o for o in run(claims) if o.code == "reversed"]
    assert run(claims, check_outside=False, check_reversed=False) == []


def test_end_to_end_with_relation_finding():
    sentences = split_sentences(TEXT)
    rng = quantity_at(
        TEXT,
        "Between 40 and 60",
        50,
        low=40,
        high=60,
        bound=Bound.RANGE,
        noun="people",
        precision=10,
        sentence=0,
    )
    fig = quantity_at(TEXT, "75", 75, noun="people", sentence=1)
    claims = Claims(published=None, sentences=sentences, quantities=[rng, fig])
    claims.relations = find_relations(TEXT, claims.quantities, sentences)
    outcomes = run(claims)
    assert [(o.code, o.ok) for o in outcomes] == [("reversed", True), ("outside", False)]


def test_rule_file_loads_cleanly():
    rules, problems = load_file(RULES)
    assert problems == []
    assert {r.id: r.codes for r in rules} == {
        "range-reversed": ("reversed",),
        "range-outside": ("outside",),
    }
    severities = {r.id: str(r.severity) for r in rules}
    assert severities == {"range-reversed": "error", "range-outside": "warning"}
    assert all(r.flag_examples and r.pass_examples for r in rules)
