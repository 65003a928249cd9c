"""The implied_total check: a share and an amount imply a whole the article must not contradict."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import checks
from factcheck.checks.implied_total import check_implied_totals
from factcheck.claims import Bound, Claims, Dimension, Quantity, Relation, Share
from factcheck.document import Span
from factcheck.load import load_path, load_string
from factcheck.pipeline import check_document
from factcheck.rules import load_file

D = Dimension
ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "implied_total.yaml"
EXAMPLE = ROOT.parent / "shared" / "examples" / "syria-baghouz-2019.txt"


def quantity(start: int, text: str, value: float | None, dimension: Dimension, **kw) -> Quantity:
    return Quantity(
        span=Span(start, start + len(text)), text=text, value=value, dimension=dimension, **kw
    )


def percent(value: float, precision: float = 0.1, noun: str = "territory") -> Quantity:
    return quantity(100, f"{value:g} percent", value, D.PERCENT, precision=precision, noun=noun)


def km2(start: int, text: str, value: float, **kw) -> Quantity:
    kw.setdefault("precision", 1)
    return quantity(start, text, value, D.AREA, unit="kilometer ** 2", **kw)


def britain(noun: str = "territory") -> Quantity:
    return quantity(
        20, "roughly the size of Britain", 209_331, D.AREA, unit="kilometer ** 2",
        bound=Bound.APPROX, hedge="roughly", noun=noun, comparison="Great Britain (the island)",
    )  # fmt: skip


def under_five() -> Quantity:
    return km2(150, "under 5 square kilometers", 5, bound=Bound.LESS_THAN, hedge="under")


def share(part: Quantity, amount: Quantity, role="lost", amount_role="kept", noun="territory"):
    return Share(
        span=Span(part.span.start, amount.span.end), share=part, amount=amount, role=role,
        amount_role=amount_role, noun=noun,
    )  # fmt: skip


def run(shares: list[Share], quantities: list[Quantity], **params) -> list:
    merged = dict(checks.get("implied_total").defaults)
    merged.update(params)
    claims = Claims(published=None, quantities=quantities, shares=shares)
    return list(check_implied_totals(claims, merged))


def test_the_model_finding_shows_the_arithmetic_and_three_spans():
    part, rest, whole = percent(99.5), under_five(), britain()
    (outcome,) = run([share(part, rest)], [whole, part, rest])
    assert not outcome.ok and outcome.code == "contradicts_whole"
    assert outcome.span == rest.span
    assert outcome.related == [part.span, whole.span]
    evidence = outcome.evidence
    assert evidence["computed"] == pytest.approx(1000)  # 5 / 0.005
    assert evidence["written"] == pytest.approx(209_300, rel=1e-3)
    # every rounding: under 5 admits up to 5.5, 99.5 admits 99.45..99.55
    assert evidence["implied_whole"][1] == pytest.approx(5.5 / 0.0045, rel=1e-3)
    assert evidence["stated_whole"] == pytest.approx([188_398, 230_264], rel=1e-3)
    assert evidence["ratio"] > 100
    assert evidence["reference"] == "Great Britain (the island)"
    assert "5 / 0.005 = 1,000 km²" in evidence["arithmetic"]
    message = outcome.message
    assert "under 1,000 km²" in message and "209,000 km²" in message
    assert "0.5 %" in message and "some 200 times more" in message


def test_a_remainder_that_fits_the_whole_passes():
    part, whole = percent(99.5), britain()
    rest = km2(150, "about 1,000 square kilometers", 1000, bound=Bound.APPROX, hedge="about")
    (outcome,) = run([share(part, rest)], [whole, part, rest])
    assert outcome.ok


@pytest.mark.parametrize(
    ("amount", "flagged"),
    [
        (400, False),  # 2 % of 20,779 is 416
        (150, False),  # within the factor of three
        (100, False),  # 98 admits 97.5..98.5, so 2 % may be 2.5 %: 100 / 0.025 is 4,000
        (50, True),  # at most 50 / 0.015 = 3,667 km², under a third of Wales
        (3000, True),  # 7 times too large
    ],
)
def test_the_factor_of_three(amount, flagged):
    part = percent(98, precision=1)
    rest = km2(150, f"{amount} km²", amount, precision=10 if amount % 10 == 0 else 1)
    wales = quantity(
        20, "the size of Wales", 20_779, D.AREA, unit="kilometer ** 2", bound=Bound.APPROX,
        hedge="the size of", noun="territory", comparison="Wales",
    )  # fmt: skip
    (outcome,) = run([share(part, rest)], [wales, part, rest])
    assert outcome.ok is not flagged


def test_a_larger_factor_can_be_asked_for():
    part, rest = percent(98, precision=1), km2(150, "100 km²", 100, precision=10)
    wales = quantity(
        20, "the size of Wales", 20_779, D.AREA, unit="kilometer ** 2", bound=Bound.APPROX,
        noun="territory", comparison="Wales",
    )  # fmt: skip
    (outcome,) = run([share(part, rest)], [wales, part, rest], min_ratio=10)
    assert outcome.ok


def test_the_same_part_divides_by_the_share_itself():
    # "controls 30 % of the country, some 40 km²": the country is about 133 km²
    part = percent(30, precision=10, noun="country")
    rest = km2(150, "some 40 km²", 40, bound=Bound.APPROX, hedge="some", precision=10)
    stated = km2(10, "1,000 km²", 1000, noun="country", precision=100)
    (outcome,) = run([share(part, rest, "kept", "kept", "country")], [stated, part, rest])
    assert not outcome.ok and outcome.evidence["computed"] == pytest.approx(133.3, rel=1e-3)
    assert "smaller" not in outcome.message
    fitting = km2(10, "135 km²", 135, noun="country")
    (outcome,) = run([share(part, rest, "kept", "kept", "country")], [fitting, part, rest])
    assert outcome.ok


def test_a_stated_whole_in_another_unit_is_converted():
    part, rest = percent(99.5), under_five()
    whole = quantity(
        20, "80,000 square miles", 80_000, D.AREA, unit="mile ** 2", precision=1000,
        noun="territory",
    )  # fmt: skip
    (outcome,) = run([share(part, rest)], [whole, part, rest])
    assert not outcome.ok
    assert outcome.evidence["written"] == pytest.approx(207_199, rel=1e-3)  # km²


def test_land_nouns_name_one_whole():
    part, rest = percent(99.5), under_five()
    (outcome,) = run([share(part, rest)], [britain(noun="area"), part, rest])
    assert not outcome.ok
    # but only for areas
    staff = quantity(20, "209,000", 209_000, D.COUNT, noun="area", precision=1000)
    count = quantity(150, "5", 5, D.COUNT, precision=1)
    assert run([share(part, count)], [staff, part, count]) == []


def test_one_fitting_whole_is_enough():
    part, rest = percent(99.5), under_five()
    small = km2(30, "900 km²", 900, noun="territory", precision=100)
    (outcome,) = run([share(part, rest)], [britain(), small, part, rest])
    assert outcome.ok


@pytest.mark.parametrize(
    "whole",
    [
        britain(noun="country"),  # another noun
        km2(20, "209,000 km²", 209_000, noun="farmland"),  # a noun that is not the same land
        quantity(20, "209,000 people", 209_000, D.COUNT, noun="territory"),  # another dimension
        quantity(20, "£209bn", 2.09e11, D.MONEY, currency="GBP", noun="territory"),
    ],
)
def test_no_whole_no_verdict(whole):
    part, rest = percent(99.5), under_five()
    assert run([share(part, rest)], [whole, part, rest]) == []


def test_another_shares_amount_is_not_a_stated_whole():
    part, rest = percent(99.5), under_five()
    other_part = percent(50)
    other_rest = km2(300, "100,000 km²", 100_000, noun="territory", precision=1000)
    quantities = [part, rest, other_part, other_rest]
    assert run([share(part, rest), share(other_part, other_rest)], quantities) == []
    # the same figure written as the whole is one
    (outcome,) = run([share(part, rest)], quantities)
    assert not outcome.ok and outcome.related[1] == other_rest.span


def test_counts_and_money_compare_like_with_like():
    part = percent(80, precision=10, noun="staff")
    rest = quantity(150, "200", 200, D.COUNT, precision=100, noun="staff")
    stated = quantity(10, "5,000 staff", 5000, D.COUNT, precision=1000, noun="staff")
    (outcome,) = run([share(part, rest, "lost", "kept", "staff")], [stated, part, rest])
    assert not outcome.ok  # 200 left of 80 % lost means about 1,000, not 5,000
    part = percent(40, precision=10, noun="budget")
    rest = quantity(150, "£3m", 3e6, D.MONEY, currency="GBP", precision=1e6, noun=None)
    stated = quantity(10, "£50m", 5e7, D.MONEY, currency="GBP", precision=1e7, noun="budget")
    (outcome,) = run([share(part, rest, "kept", "kept", "budget")], [stated, part, rest])
    assert not outcome.ok  # 3 / 0.4 = 7.5m, not 50m
    dollars = quantity(10, "$50m", 5e7, D.MONEY, currency="USD", precision=1e7, noun="budget")
    assert run([share(part, rest, "kept", "kept", "budget")], [dollars, part, rest]) == []


amounts = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))


@settings(deadline=None)
@given(amounts, amounts, amounts, st.sampled_from(list(Bound)), st.sampled_from(["lost", "kept"]))
def test_bad_input_never_raises(share_value, amount_value, whole_value, bound, role):
    part = quantity(100, "x percent", share_value, D.PERCENT, precision=0.1, noun="territory")
    rest = km2(150, "y km²", amount_value, bound=bound)
    whole = km2(10, "z km²", whole_value, noun="territory", bound=bound)
    for outcome in run([share(part, rest, role=role)], [whole, part, rest], min_ratio="x"):
        assert outcome.code == "contradicts_whole"
        if not outcome.ok and outcome.evidence["computed"] is not None:
            assert math.isfinite(outcome.evidence["computed"])


# --------------------------------------------------------------------------- listed parts


def count(start: int, value: float, precision: float, **kw) -> Quantity:
    return quantity(start, f"{value:g}", value, D.COUNT, precision=precision, **kw)


def listed(whole: Quantity, parts: list[Quantity], basis: str | None = "from") -> list[Relation]:
    return [
        Relation(part=p, whole=whole, kind="part_of", cue="included", group=0, disjoint_by=basis)
        for p in parts
    ]


def run_parts(relations: list[Relation], **params) -> list:
    merged = dict(checks.get("implied_total").defaults)
    merged.update(params)
    quantities = [relations[0].whole] + [r.part for r in relations]
    claims = Claims(published=None, quantities=quantities, relations=relations)
    return [o for o in check_implied_totals(claims, merged) if o.code == "parts_exceed_whole"]


def delegates(*values: float, whole: float = 120, basis: str | None = "from") -> list[Relation]:
    stated = count(4, whole, 10, noun="delegates")
    parts = [count(30 + 20 * i, v, 10 if v % 10 == 0 else 1) for i, v in enumerate(values)]
    return listed(stated, parts, basis)


def test_disjoint_parts_that_add_up_to_more_than_the_whole_are_flagged():
    relations = delegates(70, 45, 30)  # 145 > 120
    (outcome,) = run_parts(relations)
    assert not outcome.ok
    assert outcome.span == relations[0].whole.span
    assert outcome.related == [r.part.span for r in relations]
    evidence = outcome.evidence
    assert evidence["computed"] == 145 and evidence["written"] == 120
    assert evidence["arithmetic"] == "70 + 45 + 30 = 145"
    # read to the finest precision written (45: to the unit): the sum admits 143.5..146.5
    assert evidence["sum_low"] == pytest.approx(143.5) and evidence["whole_high"] == 120.5
    assert evidence["disjoint_by"] == "from"
    assert "145" in outcome.message and "120" in outcome.message


@pytest.mark.parametrize(
    ("values", "whole"),
    [((70, 35, 15), 120), ((70, 45, 30), 150), ((60, 60), 120)],  # short, within, exact
)
def test_parts_within_the_whole_pass(values, whole):
    (outcome,) = run_parts(delegates(*values, whole=whole))
    assert outcome.ok


def test_rounding_explains_a_small_excess():
    # "about 100" admits up to 110: 60 + 45 = 105 fits
    stated = count(4, 100, 100, noun="houses", bound=Bound.APPROX, hedge="about")
    (outcome,) = run_parts(listed(stated, [count(30, 60, 10), count(50, 45, 1)], "outcome"))
    assert outcome.ok
    # a plain "100" written beside "45" is read to the unit: 105 does not fit
    stated = count(4, 100, 100, noun="houses")
    (outcome,) = run_parts(listed(stated, [count(30, 60, 10), count(50, 45, 1)], "outcome"))
    assert not outcome.ok


def test_parts_that_may_overlap_are_never_summed():
    assert run_parts(delegates(70, 60, basis=None)) == []


def test_one_part_alone_too_large_is_left_to_part_whole():
    assert run_parts(delegates(140, 20)) == []


def test_an_open_whole_or_a_vague_part_gives_no_verdict():
    stated = count(4, 120, 10, noun="delegates", bound=Bound.AT_LEAST, hedge="at least")
    (outcome,) = run_parts(listed(stated, [count(30, 70, 10), count(50, 60, 10)]))
    assert outcome.ok  # "at least 120" has no largest value
    vague = quantity(50, "dozens", None, D.COUNT, bound=Bound.VAGUE, vague_word="dozens")
    assert run_parts(listed(count(4, 120, 10), [count(30, 70, 10), vague])) == []


def test_two_lists_for_two_wholes_are_judged_apart():
    first, second = delegates(70, 45, 30), delegates(50, 40, whole=100)
    outcomes = run_parts(first + second)
    assert sorted(o.ok for o in outcomes) == [False, True]


# --------------------------------------------------------------------------- end to end


def test_rule_file_loads_and_its_examples_behave_through_the_pipeline():
    rules, problems = load_file(RULES)
    assert problems == []
    assert {rule.id: rule.codes for rule in rules} == {
        "implied-total-contradiction": ("contradicts_whole",),
        "parts-exceed-whole": ("parts_exceed_whole",),
        "per-capita-total": ("per_capita_total",),
    }
    for rule in rules:
        assert rule.check == "implied_total" and str(rule.severity) == "warning"
        assert rule.flag_examples and rule.pass_examples
        for example in rule.flag_examples + rule.pass_examples:
            date = dt.date.fromisoformat(example.published) if example.published else None
            result = check_document(load_string(example.text, published=date), [rule])
            spans = sorted((f.span.start, f.span.end) for f in result.findings)
            assert spans == sorted(example.flag_spans), example.text


def rule_of(code: str):
    (rule,) = [rule for rule in load_file(RULES)[0] if code in rule.codes]
    return rule


def test_an_article_of_our_own():
    text = (
        "Rebels once controlled an area roughly the size of Belgium.\n\n"
        "Officials said on Monday that the rebels had lost 97 percent of their territory and "
        "were clinging on to less than 20 square kilometres near the coast."
    )
    rule = rule_of("contradicts_whole")
    result = check_document(load_string(text, published=dt.date(2020, 5, 5)), [rule])
    (finding,) = result.findings
    assert finding.text == "less than 20 square kilometres"
    assert [t for _, t in finding.related] == ["97 percent", "roughly the size of Belgium"]
    assert "Belgium" in finding.message and "3 %" in finding.message


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="the shared example article is not present")
def test_the_example_article():
    rule = rule_of("contradicts_whole")
    (document,) = list(load_path(EXAMPLE))
    result = check_document(document, [rule])
    (finding,) = result.findings
    assert finding.text == "under 5 square kilometers"
    assert [t for _, t in finding.related] == ["99.5 percent", "roughly the size of Britain"]
    assert "some 200 times more" in finding.message


def test_listed_parts_of_our_own_through_the_pipeline():
    rule = rule_of("parts_exceed_whole")
    text = (
        "The storm hit the coast on Sunday.\n\n"
        "Of the 800 boats in the harbour, 450 were destroyed and 390 damaged, the port said."
    )
    (finding,) = check_document(load_string(text, published=dt.date(2020, 5, 5)), [rule]).findings
    assert finding.text == "800"
    assert [t for _, t in finding.related] == ["450", "390"]
    assert "450 + 390 = 840" in finding.message
    fine = text.replace("390 damaged", "290 damaged")
    assert check_document(load_string(fine, published=dt.date(2020, 5, 5)), [rule]).findings == []
    overlapping = text.replace("390 damaged", "390 from abroad")
    result = check_document(load_string(overlapping, published=dt.date(2020, 5, 5)), [rule])
    assert result.findings == []
