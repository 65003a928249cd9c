"""Per-capita figures: extraction of ``Quantity.per`` and the ``per_capita_total`` code of the
implied_total check (a figure per person times the count of people against a stated total)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.checks.implied_total import check_implied_totals
from factcheck.claims import Claims, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.quantities import extract_quantities
from factcheck.load import load_string
from factcheck.pipeline import check_document
from factcheck.report.serialize import quantity_to_dict
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parent.parent / "rules" / "implied_total.yaml"
PUBLISHED = dt.date(2022, 6, 1)


def pers(text: str) -> dict[str, str | None]:
    found = extract_quantities(Sentence(Span(0, len(text)), text, 0), [])
    return {q.text: q.per for q in found}


# --------------------------------------------------------------------------- extraction


@pytest.mark.parametrize(
    ("text", "figure", "per"),
    [
        ("The town pays $2,000 per resident to every family.", "$2,000", "resident"),
        ("Output reached €31,000 per capita last year.", "€31,000", "person"),
        ("The scheme is worth £450 a head to pensioners.", "£450", "person"),
        ("Each ticket costs £12 a person on the day.", "£12", "person"),
        ("The ward keeps 3 nurses per patient at night.", "3", "patient"),
        ("The fund gives $80 for each pupil enrolled.", "$80", "pupil"),
        ("The grant came to 5,000 euros per household in May.", "5,000 euros", "household"),
        ("It cost £90,000 per successful claimant.", "£90,000", "claimant"),
    ],
)
def test_per_names_what_the_figure_is_a_rate_of(text, figure, per):
    assert pers(text)[figure] == per


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Guides charge $150 per day in the high season.", "$150"),
        ("The contract pays $40,000 per annum before tax.", "$40,000"),
        ("Parking is $4 per hour near the station.", "$4"),
        ("Palm oil sold at $470 per metric ton in March.", "$470"),
        ("Fuel is $2 per litre on the island.", "$2"),
        ("Rents rose 5 per cent in the capital.", "5 per cent"),
        ("Tickets are $20 each at the door.", "$20"),
        ("As agreed, $300 per the contract was paid.", "$300"),
        ("There are 2 doctors per thousand people in the region.", "2"),
        ("The company paid $1.5m to its 30 staff.", "$1.5m"),
    ],
)
def test_time_rates_units_and_totals_have_no_per(text, figure):
    assert pers(text)[figure] is None


def test_per_is_serialised():
    text = "The town pays $2,000 per resident."
    (q,) = extract_quantities(Sentence(Span(0, len(text)), text, 0), [])
    assert quantity_to_dict(q)["per"] == "resident"


# --------------------------------------------------------------------------- the check, directly


def money(sentence: Sentence, text: str, value: float, precision: float, **kw) -> Quantity:
    start = sentence.span.start + sentence.text.index(text)
    return Quantity(
        span=Span(start, start + len(text)), text=text, value=value, precision=precision,
        dimension=Dimension.MONEY, currency="USD", sentence=sentence.index, **kw,
    )  # fmt: skip


def count(sentence: Sentence, text: str, value: float, noun: str) -> Quantity:
    start = sentence.span.start + sentence.text.index(text)
    return Quantity(
        span=Span(start, start + len(text)), text=text, value=value, precision=1000,
        dimension=Dimension.COUNT, noun=noun, sentence=sentence.index,
    )  # fmt: skip


def article(rate_value: float, first: str, second: str, total_value: float = 20e6):
    """Claims built by hand: a per-resident figure, a count of residents and a total."""
    one = Sentence(Span(0, len(first)), first, 0)
    two = Sentence(Span(len(first) + 1, len(first) + 1 + len(second)), second, 1)
    rate_text = first.split(" per ")[0].split()[-1]
    quantities = [
        money(one, rate_text, rate_value, 100, per="resident"),
        count(two, "50,000", 50_000, "residents"),
        money(two, "$20m", total_value, 1e6),
    ]
    return Claims(published=PUBLISHED, sentences=[one, two], quantities=quantities)


def per_capita(claims: Claims, **params) -> list:
    return [o for o in check_implied_totals(claims, params) if o.code == "per_capita_total"]


def test_a_product_far_above_the_total_is_flagged_with_its_arithmetic():
    claims = article(
        2000, "The council pays $2,000 per resident.", "Its 50,000 residents have a total of $20m."
    )
    (outcome,) = per_capita(claims)
    assert not outcome.ok
    assert "2,000 x 50,000 = 100,000,000 USD" in outcome.message
    assert outcome.evidence["ratio"] > 1.5 * 2
    assert outcome.related == [claims.quantities[1].span, claims.quantities[2].span]


def test_a_consistent_product_passes():
    claims = article(
        400, "The council pays $400 per resident.", "Its 50,000 residents have a total of $20m."
    )
    (outcome,) = per_capita(claims)
    assert outcome.ok


def test_within_the_factor_passes_and_beyond_it_does_not():
    first, second = "The council pays $500 per resident.", "Its 50,000 residents: $20m in all."
    assert per_capita(article(500, first, second))[0].ok  # 25m against 20m
    assert per_capita(article(500, first, second), per_capita_factor=1)[0].ok is False


def test_a_smaller_product_is_reported_only_when_asked():
    first, second = "Parks get $40 per resident.", "The 50,000 residents have a total of $20m."
    assert per_capita(article(40, first, second))[0].ok
    assert per_capita(article(40, first, second), flag_smaller=True)[0].ok is False


def test_a_figure_with_no_total_cue_is_not_a_total():
    claims = article(
        2000, "The council pays $2,000 per resident.", "Its 50,000 residents once paid $20m."
    )
    assert per_capita(claims) == []


def test_a_time_rate_is_left_alone():
    claims = article(
        2000,
        "The council pays $2,000 per resident a year.",
        "Its 50,000 residents have a total of $20m.",
    )
    assert per_capita(claims) == []


# --------------------------------------------------------------------------- end to end


def rule():
    (found,) = [r for r in load_file(RULES)[0] if "per_capita_total" in r.codes]
    return found


def findings(text: str) -> list:
    return check_document(load_string(text, published=PUBLISHED), [rule()]).findings


def test_an_article_of_our_own_is_flagged():
    text = (
        "The island will give every islander a grant of $3,000 per person this summer.\n\n"
        "Its 12,000 people will share a total budget of $4m, the governor said."
    )
    (finding,) = findings(text)
    assert finding.text == "$3,000"
    assert [t for _, t in finding.related] == ["12,000", "$4m"]
    assert "3,000 x 12,000 = 36,000,000" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # consistent: 300 x 12,000 = 3.6m against $4m
        "The island will give every islander a grant of $300 per person this summer.\n\n"
        "Its 12,000 people will share a total budget of $4m, the governor said.",
        # a time rate: a yearly figure against a total of no stated period
        "Guides earn $150 per day in the season.\n\n"
        "The valley's 40,000 visitors spent a total of $2m there.",
        # an economy-wide average is not a share of a total in the story
        "GDP per capita is $30,000, the ministry says.\n\n"
        "Its 5 million people bought goods worth a total of $20bn abroad.",
        # a different currency is not the same total
        "The island will give every islander a grant of $3,000 per person this summer.\n\n"
        "Its 12,000 people will share a total budget of €4m, the governor said.",
    ],
)
def test_articles_of_our_own_that_pass(text):
    assert findings(text) == []
