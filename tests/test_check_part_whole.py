"""part_whole check: parts larger than their wholes, shares over 100 %."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import quantity_at

from factcheck import checks
from factcheck.checks.part_whole import check_part_whole
from factcheck.claims import Bound, Claims, Dimension, Quantity, Relation
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parents[1] / "rules" / "part_whole.yaml"
DEFAULTS = dict(checks.get("part_whole").defaults)

TEXT = (
    "There may be between 14,000 and 18,000 militants in the region, including "
    "as many as 3,000 foreign militants."
)


def whole_range() -> Quantity:
    return quantity_at(
        TEXT,
        "between 14,000 and 18,000",
        16000,
        low=14000,
        high=18000,
        bound=Bound.RANGE,
        noun="militants",
        precision=1000,
    )


def run(*relations: Relation, **params):
    claims = Claims(published=None, relations=list(relations))
    claims.quantities = [q for r in relations for q in (r.whole, r.part)]
    return list(check_part_whole(claims, {**DEFAULTS, **params}))


def test_bounded_part_within_the_lower_bound_is_verified():
    whole = whole_range()
    part = quantity_at(
        TEXT,
        "as many as 3,000",
        3000,
        bound=Bound.AT_MOST,
        precision=1000,
        noun="foreign militants",
    )
    [outcome] = run(Relation(part=part, whole=whole, cue="including"))
    assert outcome.ok and outcome.code == "part_exceeds_whole"
    assert outcome.message.startswith("as many as 3,000 is within the lower bound of 14,000")
    assert outcome.span == part.span and outcome.related == [whole.span]


def test_part_larger_than_the_whole_is_flagged_with_the_arithmetic():
    text = TEXT.replace("as many as 3,000", "20,000")
    whole = whole_range()
    part = quantity_at(text, "20,000", 20000, precision=1000, noun="foreign militants")
    [outcome] = run(Relation(part=part, whole=whole, cue="including"))
    assert not outcome.ok
    # 20,000 to the thousand is at least 19,500; 18,000 to the thousand at most 18,500.
    assert outcome.evidence["part_low"] == pytest.approx(19500)
    assert outcome.evidence["whole_high"] == pytest.approx(18500)
    assert outcome.evidence["computed"] == pytest.approx(1000)
    assert outcome.values["part_min"] == "19,500" and outcome.values["whole_max"] == "18,500"
    assert "20,000" in outcome.suggestion and "between 14,000 and 18,000" in outcome.suggestion


def test_rounding_can_save_a_part_that_looks_larger():
    text = "about 18,000 fighters, including 18,400 foreigners"
    whole = quantity_at(
        text, "about 18,000", 18000, bound=Bound.APPROX, hedge="about", precision=1000
    )
    part = quantity_at(text, "18,400", 18400, precision=100)
    [outcome] = run(Relation(part=part, whole=whole, cue="including"))
    assert outcome.ok


def test_a_part_that_may_exceed_some_readings_of_the_whole_passes():
    text = "at least 40 people, including more than 35 children"
    whole = quantity_at(text, "at least 40", 40, bound=Bound.AT_LEAST)
    part = quantity_at(text, "more than 35", 35, bound=Bound.MORE_THAN)
    [outcome] = run(Relation(part=part, whole=whole, cue="including"))
    assert outcome.ok
    assert "can be part of" in outcome.message


def test_share_over_100_percent_is_flagged_and_under_is_verified():
    text = "Organisers said 120% of the 300 delegates voted; 64% of the 300 delegates stayed."
    whole = quantity_at(text, "300", 300, noun="delegates")
    over = quantity_at(text, "120%", 120, dimension=Dimension.PERCENT)
    under = quantity_at(text, "64%", 64, dimension=Dimension.PERCENT)
    flagged, verified = run(
        Relation(part=over, whole=whole, kind="share_of", cue="of"),
        Relation(part=under, whole=whole, kind="share_of", cue="of"),
    )
    assert not flagged.ok and flagged.evidence["whole_high"] == 100
    assert flagged.evidence["computed"] == pytest.approx(19.5)
    assert verified.ok


def test_percent_part_of_percent_whole_compares_both_ways():
    text = "40% backed the plan, including 12% who backed it strongly; 45% and 50%"
    whole = quantity_at(text, "40%", 40, dimension=Dimension.PERCENT)
    part = quantity_at(text, "12%", 12, dimension=Dimension.PERCENT)
    big = quantity_at(text, "50%", 50, dimension=Dimension.PERCENT)
    ok, bad = run(
        Relation(part=part, whole=whole, cue="including"),
        Relation(part=big, whole=whole, cue="including"),
    )
    assert ok.ok and not bad.ok


def test_percent_part_over_100_of_percent_whole():
    text = "40% backed it, including 150% who"
    whole = quantity_at(text, "40%", 40, dimension=Dimension.PERCENT)
    part = quantity_at(text, "150%", 150, dimension=Dimension.PERCENT)
    [outcome] = run(Relation(part=part, whole=whole, cue="including"))
    assert not outcome.ok and outcome.evidence["whole_high"] == 100


def test_vague_figures_and_other_relation_kinds_are_skipped():
    text = "thousands of people, including 300 children; 75 people"
    vague = quantity_at(text, "thousands", None, bound=Bound.VAGUE, noun="people")
    part = quantity_at(text, "300", 300, noun="children")
    other = quantity_at(text, "75", 75, noun="people")
    assert run(Relation(part=part, whole=vague, cue="including")) == []
    assert run(Relation(part=other, whole=part, kind="same_as", cue="die")) == []


def test_max_percent_parameter():
    text = "105% of the 300 seats"
    whole = quantity_at(text, "300", 300)
    part = quantity_at(text, "105%", 105, dimension=Dimension.PERCENT)
    rel = Relation(part=part, whole=whole, kind="share_of", cue="of")
    assert [o.ok for o in run(rel)] == [False]
    assert [o.ok for o in run(rel, max_percent=110)] == [True]


def test_rule_file_loads_cleanly():
    rules, problems = load_file(RULES)
    assert problems == []
    [rule] = rules
    assert rule.check == "part_whole" and str(rule.severity) == "error"
    assert rule.codes == ("part_exceeds_whole",)
    assert len(rule.flag_examples) >= 2 and all(e.flag_spans for e in rule.flag_examples)


def test_a_round_part_is_read_to_the_precision_of_its_whole():
    # The extractor reads "20,000" coarsely (to the ten thousand: 18,000..22,000 as a round
    # figure); beside "14,000 and 18,000" it is written to the thousand, and cannot fit.
    text = TEXT.replace("as many as 3,000", "20,000")
    part = quantity_at(text, "20,000", 20000, precision=10000)
    relation = Relation(part=part, whole=whole_range(), cue="including")
    [flagged] = run(relation)
    assert not flagged.ok and flagged.evidence["part_low"] == pytest.approx(19500)
    [lenient] = run(relation, shared_precision=False)
    assert lenient.ok
