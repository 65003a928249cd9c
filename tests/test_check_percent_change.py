"""percent_change: a stated change against the figures it relates, rounding allowed for.

Changes are built by hand; the end-to-end test of the rule file's examples runs only when the
extractors are importable.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_examples import rule_example_spans

from factcheck.checks import get
from factcheck.checks.percent_change import check_percent_change
from factcheck.claims import Bound, Change, Claims, Dimension, Quantity
from factcheck.document import Span
from factcheck.rules import load_file

D = Dimension
RULES = Path(__file__).resolve().parent.parent / "rules" / "percent_change.yaml"
PARAMS = dict(get("percent_change").defaults)


def q(
    text: str,
    value: float,
    dimension: D = D.COUNT,
    precision: float = 1.0,
    bound: Bound = Bound.EXACT,
    at: int = 0,
    hedge: str | None = None,
) -> Quantity:
    return Quantity(
        span=Span(at, at + len(text)),
        text=text,
        value=value,
        dimension=dimension,
        precision=precision,
        bound=bound,
        hedge=hedge,
    )


def change(
    before: Quantity | None,
    after: Quantity | None,
    stated: Quantity | None = None,
    direction: str | None = "up",
    cue: str = "rose",
    factor: float | None = None,
):
    return Change(
        span=Span(0, 40),
        before=before,
        after=after,
        change=stated,
        factor=factor,
        direction=direction,
        cue=cue,
    )


def run(*changes: Change, **params) -> list:
    claims = Claims(published=None, changes=list(changes))
    return list(check_percent_change(claims, {**PARAMS, **params}))


def one(*changes: Change, **params):
    (outcome,) = run(*changes, **params)
    return outcome


def test_wrong_percent_is_flagged_with_its_arithmetic():
    outcome = one(
        change(q("200", 200, precision=100), q("300", 300, precision=100), q("25%", 25, D.PERCENT))
    )
    assert not outcome.ok and outcome.code == "mismatch"
    assert outcome.evidence["kind"] == "percent"
    assert outcome.evidence["computed"] == pytest.approx(50)
    assert outcome.evidence["written"] == 25
    assert outcome.evidence["tolerance"] == pytest.approx(0.5)
    low, high = outcome.evidence["computed_range"]
    assert 40 < low < 50 < high < 60  # 196/204 .. 294/306 with the 2 % round-figure slack
    assert outcome.values["computed"] == "+50%"
    # Both repairs are named, neither applied.
    assert "would give about 250" in outcome.suggestion
    assert "would start from about 240" in outcome.suggestion


def test_right_percent_passes():
    outcome = one(
        change(q("200", 200, precision=100), q("250", 250, precision=10), q("25%", 25, D.PERCENT))
    )
    assert outcome.ok and outcome.evidence["computed"] == pytest.approx(25)


def test_wire_figures_pass_within_their_rounding():
    # 1.43 mln -> 1.5 mln is +4.9 %; "5.2 pct" fits once 1.5 may be 1.45..1.55.
    outcome = one(
        change(
            q("1.43 mln", 1.43e6, D.MONEY, 1e4),
            q("1.5 mln dlrs", 1.5e6, D.MONEY, 1e5),
            q("5.2 pct", 5.2, D.PERCENT, 0.1),
        )
    )
    assert outcome.ok


def test_every_endpoint_is_a_rounding():
    # 1130/639 = +76.8 %, but $1.13bn may be $1.125bn: +75.9 % .. +77.8 % contains 76.
    jumped = change(
        q("$639m", 6.39e8, D.MONEY, 1e6),
        q("$1.13bn", 1.13e9, D.MONEY, 1e7),
        q("76%", 76, D.PERCENT),
        cue="jumped",
    )
    assert one(jumped).ok
    wrong = change(
        q("$639m", 6.39e8, D.MONEY, 1e6),
        q("$1.13bn", 1.13e9, D.MONEY, 1e7),
        q("79%", 79, D.PERCENT),
        cue="jumped",
    )
    assert not one(wrong).ok


def test_points_are_not_percent():
    fell = change(
        q("57.5 pct", 57.5, D.PERCENT, 0.1),
        q("55.9 pct", 55.9, D.PERCENT, 0.1),
        q("1.6 pct", 1.6, D.PERCENT, 0.1),
        direction="down",
        cue="fell",
    )
    outcome = one(fell)
    assert outcome.ok and outcome.evidence["kind"] == "points"
    # Relative change fits too when the writer meant it: 57.5 -> 55.9 is -2.8 %.
    relative = change(
        q("57.5%", 57.5, D.PERCENT, 0.1),
        q("55.9%", 55.9, D.PERCENT, 0.1),
        q("2.8%", 2.8, D.PERCENT, 0.1),
        direction="down",
        cue="fell",
    )
    assert one(relative).ok and one(relative).evidence["kind"] == "percent"
    # Neither: -1.6 points, -2.8 %; "fell 5%" fits no reading.
    neither = change(
        q("57.5%", 57.5, D.PERCENT, 0.1),
        q("55.9%", 55.9, D.PERCENT, 0.1),
        q("5%", 5, D.PERCENT),
        direction="down",
        cue="fell",
    )
    assert not one(neither).ok


def test_percentage_points_are_checked_as_points_only():
    points = change(
        q("4.5%", 4.5, D.PERCENT, 0.1),
        q("4.75%", 4.75, D.PERCENT, 0.01),
        q("0.25 points", 0.25, D.PERCENTAGE_POINT, 0.01),
    )
    assert one(points).ok
    wrong = change(
        q("4.5%", 4.5, D.PERCENT, 0.1),
        q("4.75%", 4.75, D.PERCENT, 0.01),
        q("0.5 points", 0.5, D.PERCENTAGE_POINT, 0.1),
    )
    assert not one(wrong).ok
    counts = change(q("200", 200), q("300", 300), q("5 points", 5, D.PERCENTAGE_POINT))
    assert run(counts) == []


def test_direction_word_against_the_figures():
    outcome = one(change(q("57.5%", 57.5, D.PERCENT, 0.1), q("55.9%", 55.9, D.PERCENT, 0.1)))
    assert not outcome.ok and outcome.evidence["kind"] == "direction"
    assert "'rose'" in outcome.suggestion and "order of the figures" in outcome.suggestion
    assert one(
        change(
            q("250", 250, precision=10), q("200", 200, precision=100), direction="down", cue="fell"
        )
    ).ok
    assert (
        run(
            change(q("57.5%", 57.5, D.PERCENT, 0.1), q("55.9%", 55.9, D.PERCENT, 0.1)),
            check_direction=False,
        )
        == []
    )


def test_stated_change_the_wrong_way():
    outcome = one(change(q("300", 300, precision=100), q("225", 225), q("25%", 25, D.PERCENT)))
    assert not outcome.ok and "other way" in outcome.message


def test_no_direction_word_accepts_either_sign():
    assert one(
        change(
            q("300", 300, precision=100),
            q("225", 225),
            q("25%", 25, D.PERCENT),
            direction=None,
            cue="changed",
        )
    ).ok


def test_factors():
    doubled = Quantity(span=Span(0, 7), text="doubled", value=2.0, dimension=D.RATIO)
    flagged = one(
        change(q("20", 20, precision=10), q("45", 45), doubled, factor=2.0, cue="doubled")
    )
    assert not flagged.ok and flagged.evidence["kind"] == "factor"
    assert flagged.evidence["computed"] == pytest.approx(2.25)
    assert "would give about 40" in flagged.suggestion
    assert one(
        change(q("20", 20, precision=10), q("39", 39), doubled, factor=2.0, cue="doubled")
    ).ok
    more = Quantity(
        span=Span(0, 7),
        text="doubled",
        value=2.0,
        dimension=D.RATIO,
        bound=Bound.MORE_THAN,
        hedge="more than",
    )
    assert one(change(q("20", 20, precision=10), q("45", 45), more, factor=2.0)).ok
    halved = Quantity(span=Span(0, 6), text="halved", value=0.5, dimension=D.RATIO)
    assert one(change(q("40", 40, precision=10), q("21", 21), halved, factor=0.5)).ok
    assert not one(change(q("40", 40, precision=10), q("12", 12), halved, factor=0.5)).ok


def test_absolute_amounts():
    assert one(
        change(
            q("£190,329", 190329, D.MONEY),
            q("£189,733", 189733, D.MONEY),
            q("£596", 596, D.MONEY),
            direction="down",
            cue="fell",
        )
    ).ok
    assert not one(
        change(
            q("£190,329", 190329, D.MONEY),
            q("£189,733", 189733, D.MONEY),
            q("£900", 900, D.MONEY),
            direction="down",
            cue="fell",
        )
    ).ok


@pytest.mark.parametrize(
    "pair",
    [
        (q("200", 200), None),  # one endpoint
        (q("$200", 200, D.MONEY), q("300 km", 300, D.LENGTH)),  # different things
        (q("-5", -5), q("10", 10)),  # a relative change across zero means nothing
    ],
)
def test_nothing_to_compare(pair):
    assert run(change(pair[0], pair[1], q("25%", 25, D.PERCENT))) == []


def test_vague_figures_are_skipped():
    dozens = Quantity(span=Span(0, 6), text="dozens", value=None, bound=Bound.VAGUE)
    assert run(change(dozens, q("300", 300), q("25%", 25, D.PERCENT))) == []


def test_rule_file_loads_cleanly():
    rules, problems = load_file(RULES)
    assert problems == []
    (rule,) = rules
    assert rule.id == "percent-change-mismatch" and rule.codes == ("mismatch",)
    texts = " ".join(e.text for e in rule.pass_examples)
    assert "fell 1.6 pct to 55.9 pct from 57.5 pct" in texts
    assert "jumped 76% to $1.13bn" in texts
    assert all(e.flag_spans for e in rule.flag_examples)


def test_rule_examples_end_to_end():
    for rule_id, text, expected, found in rule_example_spans(RULES):
        assert found == expected, (rule_id, text)
