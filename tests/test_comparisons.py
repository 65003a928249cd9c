"""Size comparisons and shares: figures that stand for a whole (factcheck.extract.comparisons).

The quantities a sentence holds are built here by hand, as the quantity extractor would give
them, so these tests exercise the comparison module alone.
"""

from __future__ import annotations

import pytest

from factcheck.claims import Bound, Claims, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.comparisons import (
    add_comparisons,
    find_comparisons,
    find_shares,
    reference_table,
)
from factcheck.tolerance import ureg

D = Dimension


def sentence(text: str) -> list[Sentence]:
    return [Sentence(span=Span(0, len(text)), text=text, index=0)]


def q(text: str, surface: str, value: float, dimension: Dimension = D.COUNT, **kw) -> Quantity:
    start = text.index(surface)
    return Quantity(
        span=Span(start, start + len(surface)),
        text=surface,
        value=value,
        dimension=dimension,
        **kw,
    )


# --------------------------------------------------------------------------- the table


def test_every_reference_is_sourced_and_in_a_unit_pint_knows():
    table = reference_table()
    assert len(table) >= 20
    for reference in table:
        assert reference.source and len(reference.source) > 10, reference.name
        assert reference.value > 0
        unit = ureg().Unit(reference.unit)
        expected = "[length] ** 2" if reference.dimension is D.AREA else "[length] ** 3"
        assert str(unit.dimensionality) == expected, reference.name
        if reference.low is not None:
            assert reference.low <= reference.value <= reference.high


@pytest.mark.parametrize(
    ("name", "km2"),
    [
        ("Great Britain (the island)", 209_331),
        ("United Kingdom", 242_495),
        ("Wales", 20_779),
        ("football pitch", 0.00714),
        ("Olympic swimming pool", None),
    ],
)
def test_the_figures_the_issue_names(name, km2):
    reference = next(r for r in reference_table() if r.name == name)
    if km2 is None:  # 50 x 25 x 2 m
        assert reference.dimension is D.VOLUME
        assert ureg().Quantity(reference.value, reference.unit).to("meter ** 3").m == 2500
    else:
        area = ureg().Quantity(reference.value, reference.unit).to("kilometer ** 2").m
        assert area == pytest.approx(km2, rel=1e-3)


# --------------------------------------------------------------------------- comparisons


def comparisons(text: str, quantities: list[Quantity] | None = None) -> list[Quantity]:
    return find_comparisons(text, sentence(text), quantities or [])


def test_a_territory_the_size_of_britain():
    text = "At its height the group ruled a territory roughly the size of Britain."
    (found,) = comparisons(text)
    assert found.text == "roughly the size of Britain"
    assert found.comparison == "Great Britain (the island)"
    assert found.dimension is D.AREA and found.unit == "kilometer ** 2"
    assert found.value == pytest.approx(209_331)
    assert found.bound is Bound.APPROX and found.hedge == "roughly"
    assert found.noun == "territory"
    assert found.is_checkable


@pytest.mark.parametrize(
    ("text", "factor", "bound", "noun"),
    [
        ("Fires burned an area twice the size of Wales.", 2.0, Bound.APPROX, "area"),
        ("The reserve is half the size of Wales.", 0.5, Bound.APPROX, "reserve"),
        ("The lake is 3 times the size of Wales.", 3.0, Bound.APPROX, "lake"),
        ("The spill covered a zone larger than Wales.", 1.0, Bound.MORE_THAN, "zone"),
        ("The park is smaller than Wales.", 1.0, Bound.LESS_THAN, "park"),
        ("The forest, about the size of Wales, burned.", 1.0, Bound.APPROX, "forest"),
    ],
)
def test_multipliers_bounds_and_nouns(text, factor, bound, noun):
    (found,) = comparisons(text)
    assert found.value == pytest.approx(20_779 * factor)
    assert found.bound is bound
    assert found.noun == noun


def test_the_subject_is_what_is_compared_not_the_word_area():
    text = "The estate once covered an area the size of Luxembourg."
    (found,) = comparisons(text)
    assert found.noun == "estate" and found.value == pytest.approx(2586)


@pytest.mark.parametrize(
    "text",
    [
        "The size of the UK market surprised analysts.",
        "It is roughly the size of Britain's economy.",
        "Investors worried about the size of Belgium's debt.",
        "The size of the crowd in Wales Street was small.",
        "They flew to Wales for the size of the prize.",
        "He lives in Paris, which is the size of nothing he knew.",
        "The size of wales varies.",  # not a proper name
    ],
)
def test_what_is_not_a_size_comparison(text):
    assert comparisons(text) == []


def test_counted_references_use_the_extractors_count():
    text = "The fire destroyed an area equivalent to 280 football pitches."
    count = q(text, "280", 280, noun="pitches", precision=10)
    (found,) = comparisons(text, [count])
    assert found.comparison == "football pitch" and found.dimension is D.AREA
    assert found.value == pytest.approx(280 * 7140)
    assert found.text == "equivalent to 280 football pitches"
    assert found.noun == "area"


def test_a_single_counted_reference_and_a_volume():
    text = "The hall is the size of a football pitch."
    (found,) = comparisons(text)
    assert found.value == pytest.approx(7140) and found.text == "the size of a football pitch"
    text = "The storm dropped enough rain to fill 40 Olympic swimming pools."
    count = q(text, "40", 40, noun="pools", precision=10)
    (found,) = comparisons(text, [count])
    assert found.dimension is D.VOLUME and found.value == pytest.approx(100_000)


def test_a_range_of_counted_references_is_a_range():
    text = "The site is the size of 3 to 4 football pitches."
    count = q(text, "3 to 4", 3.5, bound=Bound.RANGE, low=3, high=4, precision=1)
    (found,) = comparisons(text, [count])
    assert found.bound is Bound.RANGE
    assert (found.low, found.high) == pytest.approx((3 * 7140, 4 * 7140))


def test_real_pitches_are_not_a_measure():
    text = "The council built 3 football pitches and a pool."
    count = q(text, "3", 3, noun="pitches", precision=1)
    assert comparisons(text, [count]) == []


def test_american_football_fields_are_read_loosely():
    text = "The warehouse is the size of 2 football fields."
    count = q(text, "2", 2, precision=1)
    (found,) = comparisons(text, [count])
    assert found.low == pytest.approx(2 * 5351) and found.high == pytest.approx(2 * 7140)


# --------------------------------------------------------------------------- shares


def shares(text: str, quantities: list[Quantity]):
    return find_shares(text, sentence(text), quantities)


KM2 = {"dimension": D.AREA, "unit": "kilometer ** 2", "precision": 1}


def test_a_share_lost_and_a_remainder_kept():
    text = "The group has lost 99 percent of its territory and is holding on to under 5 km²."
    percent = q(text, "99 percent", 99, D.PERCENT, precision=1, noun="territory")
    rest = q(text, "under 5 km²", 5, bound=Bound.LESS_THAN, hedge="under", **KM2)
    (share,) = shares(text, [percent, rest])
    assert share.share is percent and share.amount is rest
    assert (share.role, share.amount_role, share.noun) == ("lost", "kept", "territory")
    assert share.span == Span(percent.span.start, rest.span.end)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("The rebels have lost 90% of their land, leaving them with 40 km².", ("lost", "kept")),
        ("The army controls 30% of the country, some 40 km².", ("kept", "kept")),
        ("The firm sold 20% of its farmland, or 40 km².", ("lost", "lost")),
        ("The militia now holds 40 km², just 2% of the land it once held.", ("kept", "kept")),
    ],
)
def test_share_phrasings(text, roles):
    percent_text = next(w for w in ("90%", "30%", "20%", "2%") if w in text)
    percent = q(text, percent_text, float(percent_text[:-1]), D.PERCENT, precision=1)
    rest = q(text, "40 km²", 40, **KM2)
    (share,) = shares(text, [percent, rest])
    assert (share.role, share.amount_role) == roles


@pytest.mark.parametrize(
    "text",
    [
        # no verb saying which part the share is
        "Turnout was 40% of the electorate and 40 km² were flooded.",
        # a second figure between the share and the amount
        "It lost 90% of its land in 2 weeks and holds 40 km².",
        # a recapture is a gain for the subject: its "control" is the same part
        "The army has retaken 90% of the city and controls 40 km².",
        # the amount is another percentage
        "It lost 90% of its land and holds 10% of the coast.",
    ],
)
def test_what_is_not_a_share_with_an_amount(text):
    found = []
    for surface in ("90%", "40%", "10%"):
        if surface in text:
            found.append(q(text, surface, float(surface[:-1]), D.PERCENT, precision=1))
    if "40 km²" in text:
        found.append(q(text, "40 km²", 40, **KM2))
    if " 2 weeks" in text:
        found.append(q(text, "2 weeks", 2, D.DURATION, unit="week", precision=1))
    assert shares(text, sorted(found, key=lambda x: x.span.start)) == []


def test_add_comparisons_keeps_text_order_and_sets_shares():
    text = (
        "It once ruled a territory the size of Wales. It has lost 98 percent of its territory "
        "and holds 40 km²."
    )
    percent = q(text, "98 percent", 98, D.PERCENT, precision=1, noun="territory")
    rest = q(text, "40 km²", 40, **KM2)
    claims = Claims(published=None, sentences=sentence(text), quantities=[percent, rest])
    add_comparisons(text, claims)
    assert [x.text for x in claims.quantities] == ["the size of Wales", "98 percent", "40 km²"]
    assert len(claims.shares) == 1 and claims.shares[0].noun == "territory"


def test_bad_input_never_raises():
    odd = [
        Quantity(span=Span(0, 0), text="", value=None, dimension=D.PERCENT),
        Quantity(span=Span(0, 3), text="abc", value=float("nan"), dimension=D.AREA),
    ]
    for text in ("", "the size of", "lost % of its and holds", "abc"):
        claims = Claims(published=None, sentences=sentence(text), quantities=list(odd))
        add_comparisons(text, claims)
