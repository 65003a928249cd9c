"""percent_sum: shares of one whole, ratio restatements and GRIM, from hand-built claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import quantities_in
from rule_examples import rule_example_spans

from factcheck.checks import get
from factcheck.checks._arith import grim_fractions, ratio_share_interval
from factcheck.checks.percent_sum import check_percent_sum
from factcheck.claims import Bound, Claims, Dimension, Pair, Quantity, Relation, Sentence
from factcheck.document import Span
from factcheck.rules import load_file
from factcheck.tolerance import Interval

D = Dimension
RULES = Path(__file__).resolve().parent.parent / "rules" / "percent_sum.yaml"
PARAMS = dict(get("percent_sum").defaults)


def claims_for(text: str, *specs: tuple, pairs=(), relations=()) -> Claims:
    """One sentence; quantities (surface, value[, dimension[, precision[, bound]]]) in order."""
    quantities = quantities_in(text, *specs, dimension=D.PERCENT)
    claims = Claims(
        published=None, sentences=[Sentence(Span(0, len(text)), text, 0)], quantities=quantities
    )
    claims.pairs = [p(quantities) for p in pairs]
    claims.relations = [r(quantities) for r in relations]
    return claims


def outcomes(claims: Claims, **params) -> list:
    return list(check_percent_sum(claims, {**PARAMS, **params}))


def problems(claims: Claims) -> list:
    return [o for o in outcomes(claims) if not o.ok]


def test_vote_over_100_is_flagged():
    text = "In the referendum 58% voted yes, 39% no and 6% abstained."
    (outcome,) = outcomes(claims_for(text, ("58%", 58), ("39%", 39), ("6%", 6)))
    assert not outcome.ok and outcome.code == "over_100"
    assert outcome.evidence["computed"] == 103 and outcome.evidence["written"] == 100
    assert outcome.evidence["computed_range"] == [pytest.approx(101.5), pytest.approx(104.5)]
    assert text[outcome.span.start : outcome.span.end] == "58% voted yes, 39% no and 6%"
    assert len(outcome.related) == 3 and "100%" in outcome.suggestion


def test_rounding_explains_a_sum_of_101():
    text = "In the referendum 52% voted yes and 49% no."
    (outcome,) = outcomes(claims_for(text, ("52%", 52), ("49%", 49)))
    assert outcome.ok


def test_split_must_reach_100():
    text = "The vote split 41%, 33% and 21% between the three parties."
    (outcome,) = outcomes(claims_for(text, ("41%", 41), ("33%", 33), ("21%", 21)))
    assert not outcome.ok and outcome.code == "under_100"
    fine = "The vote split 41%, 33% and 26% between the three parties."
    assert outcomes(claims_for(fine, ("41%", 41), ("33%", 33), ("26%", 26)))[0].ok


def test_falling_short_is_not_flagged_unless_the_parts_are_all_of_it():
    text = "In the referendum 58% voted yes and 39% no."
    assert problems(claims_for(text, ("58%", 58), ("39%", 39))) == []


def test_the_rest_makes_a_list_complete():
    text = "Of those asked, 50% said yes, 30% said no and the remaining 10% were undecided."
    (outcome,) = outcomes(claims_for(text, ("50%", 50), ("30%", 30), ("10%", 10)))
    assert not outcome.ok and outcome.code == "under_100"


def test_candidates_and_of_the_vote():
    text = "Smith won 52% of the vote, Jones 45% and Brown 10%."
    (outcome,) = problems(claims_for(text, ("52%", 52), ("45%", 45), ("10%", 10)))
    assert outcome.code == "over_100"


def test_head_to_head_poll():
    text = "In the poll, Biden led Trump 57 percent to 48 percent."
    (outcome,) = problems(claims_for(text, ("57 percent", 57), ("48 percent", 48)))
    assert outcome.code == "over_100"


@pytest.mark.parametrize(
    ("text", "specs"),
    [
        (
            "Inflation was 63% in March and unemployment reached 95% in April.",
            (("63%", 63), ("95%", 95)),
        ),
        ("Turnout was 60%, and 52% voted yes and 45% no.", (("60%", 60), ("52%", 52), ("45%", 45))),
        ("About 60% of men and 70% of women said they voted.", (("60%", 60), ("70%", 70))),
        ("Prices rose from 40% to 90% of income.", (("40%", 40), ("90%", 90))),
        ("Sales were up 60% in March and 70% in April.", (("60%", 60), ("70%", 70))),
    ],
)
def test_unrelated_percentages_are_never_summed(text, specs):
    assert problems(claims_for(text, *specs)) == []


def test_percentages_in_a_change_are_not_shares():
    from factcheck.claims import Change

    text = "Support voted 60% yes, rising to 70% no."
    claims = claims_for(text, ("60%", 60), ("70%", 70))
    claims.changes = [Change(span=Span(0, len(text)), after=claims.quantities[1])]
    assert problems(claims) == []


def ratio_pair(quantities):
    return Pair(first=quantities[0], second=quantities[1], kind="restatement")


def test_restatement_of_one_in_five():
    text = "One in five (25%) of the residents left."
    (outcome,) = outcomes(
        claims_for(text, ("One in five", 0.2, D.RATIO, 0.02), ("25%", 25), pairs=[ratio_pair])
    )
    assert not outcome.ok and outcome.code == "restatement"
    assert outcome.evidence["computed"] == pytest.approx(20)
    assert text[outcome.span.start : outcome.span.end] == "25%"
    for percent in (20, 22, 18.5):
        text = f"One in five ({percent}%) of the residents left."
        (ok,) = outcomes(
            claims_for(
                text,
                ("One in five", 0.2, D.RATIO, 0.02),
                (f"{percent}%", percent, D.PERCENT, 1 if percent % 1 == 0 else 0.1),
                pairs=[ratio_pair],
            )
        )
        assert ok.ok, percent


def test_restatement_in_either_order_and_fractions():
    text = "Two-thirds (50%) of members agreed."
    (outcome,) = outcomes(
        claims_for(text, ("Two-thirds", 2 / 3, D.RATIO), ("50%", 50), pairs=[ratio_pair])
    )
    assert not outcome.ok
    text = "Some 67% (two-thirds) of members agreed."
    (outcome,) = outcomes(
        claims_for(text, ("67%", 67), ("two-thirds", 2 / 3, D.RATIO), pairs=[ratio_pair])
    )
    assert outcome.ok


def k_of_n(quantities):
    return Relation(part=quantities[0], whole=quantities[1], kind="part_of", cue="of")


def share_of(quantities):
    return Relation(part=quantities[0], whole=quantities[1], kind="share_of", cue="of")


def test_grim_with_a_stated_count():
    text = "Three of the 7 members, 45%, voted against."
    (outcome,) = outcomes(
        claims_for(
            text, ("Three", 3, D.COUNT), ("7 members", 7, D.COUNT), ("45%", 45), relations=[k_of_n]
        )
    )
    assert not outcome.ok and outcome.code == "grim"
    assert outcome.evidence["computed"] == pytest.approx(42.8571, abs=1e-3)
    assert outcome.evidence["count"] == 7
    text = "Three of the 7 members, 43%, voted against."
    (outcome,) = outcomes(
        claims_for(
            text, ("Three", 3, D.COUNT), ("7 members", 7, D.COUNT), ("43%", 43), relations=[k_of_n]
        )
    )
    assert outcome.ok


def test_grim_finds_k_of_n_without_a_relation():
    text = "Three of 7 members (45%) voted against."
    (outcome,) = outcomes(
        claims_for(text, ("Three", 3, D.COUNT), ("7 members", 7, D.COUNT), ("45%", 45))
    )
    assert not outcome.ok and outcome.code == "grim"


def test_grim_share_of_a_small_count():
    text = "Officials said 45% of the 7 members voted against."
    (outcome,) = outcomes(
        claims_for(text, ("45%", 45), ("7 members", 7, D.COUNT), relations=[share_of])
    )
    assert not outcome.ok and outcome.evidence["fits"] == []
    assert "42.9% (3 of 7) or 57.1% (4 of 7)" in outcome.message
    text = "Officials said 43% of the 7 members voted against."
    assert outcomes(claims_for(text, ("43%", 43), ("7 members", 7, D.COUNT), relations=[share_of]))[
        0
    ].ok


def test_grim_skips_large_counts_coarse_percentages_and_estimates():
    text = "Officials said 45% of the 14,000 members voted against."
    assert (
        outcomes(
            claims_for(
                text, ("45%", 45), ("14,000 members", 14000, D.COUNT, 1000), relations=[share_of]
            )
        )
        == []
    )
    text = "Officials said 45% of the 300 members voted against."
    assert (
        outcomes(
            claims_for(text, ("45%", 45), ("300 members", 300, D.COUNT, 100), relations=[share_of])
        )
        == []
    )
    text = "Officials said 45% of about 7 members voted against."
    assert (
        outcomes(
            claims_for(
                text,
                ("45%", 45),
                ("about 7 members", 7, D.COUNT, 1, Bound.APPROX),
                relations=[share_of],
            )
        )
        == []
    )


def test_grim_arithmetic():
    assert grim_fractions(Interval(44.5, 45.5), 7) == []
    assert grim_fractions(Interval(42.5, 43.5), 7) == [3]
    assert grim_fractions(Interval(0, 100), 2) == [0, 1, 2]


def test_one_in_n_is_a_rounding_of_the_denominator():
    one_in_five = Quantity(span=Span(0, 11), text="one in five", value=0.2, dimension=D.RATIO)
    iv = ratio_share_interval(one_in_five)
    assert iv.low == pytest.approx(1 / 5.5, abs=0.005) and iv.high == pytest.approx(1 / 4.5)
    three_of_seven = Quantity(span=Span(0, 6), text="3 of 7", value=3 / 7, dimension=D.RATIO)
    iv = ratio_share_interval(three_of_seven)
    assert iv.high - iv.low < 1e-6


def test_rule_file_loads_cleanly():
    rules, problems_found = load_file(RULES)
    assert problems_found == []
    assert [r.id for r in rules] == [
        "percent-sum-over-100",
        "percent-sum-under-100",
        "percent-restatement",
        "percent-grim",
    ]
    assert all(e.flag_spans for r in rules for e in r.flag_examples)


def test_rule_examples_end_to_end():
    for rule_id, text, expected, found in rule_example_spans(RULES):
        assert found == expected, (rule_id, text)
