"""find_relations: several parts listed after one whole, and whether the text makes them disjoint.

Quantities are built by hand (what a good extractor finds), so these test relation finding only.
"""

from __future__ import annotations

import re

import pytest

from factcheck.claims import Dimension, Quantity
from factcheck.document import Span
from factcheck.extract.relations import find_relations
from factcheck.extract.sentences import split_sentences


def relations_in(text: str, nouns: dict[str, str] | None = None, money: bool = False):
    """Every figure in ``text`` as a count (or dollars), with the nouns given for some."""
    nouns = nouns or {}
    sentences = split_sentences(text)
    quantities = []
    for match in re.finditer(r"\$?\d[\d,]*m?", text):
        surface = match.group(0)
        span = Span(match.start(), match.end())
        digits = surface.strip("$m").replace(",", "")
        value = float(digits) * (1e6 if surface.endswith("m") else 1)
        zeros = len(digits) - len(digits.rstrip("0"))
        precision = 10.0**zeros * (1e6 if surface.endswith("m") else 1)
        sentence = next(s.index for s in sentences if s.span.contains(span))
        quantities.append(
            Quantity(
                span=span,
                text=surface,
                value=value,
                dimension=Dimension.MONEY if money else Dimension.COUNT,
                currency="USD" if money else None,
                precision=precision,
                noun=nouns.get(surface),
                sentence=sentence,
            )
        )
    return find_relations(text, quantities, sentences)


def listed(relations):
    """(whole, [parts], disjoint-by or None) for each list found."""
    lists: dict[tuple[str, int, str | None], list[str]] = {}
    for r in relations:
        if r.kind == "part_of" and r.group is not None:
            lists.setdefault((r.whole.text, r.group, r.disjoint_by), []).append(r.part.text)
    return [(whole, parts, basis) for (whole, _, basis), parts in lists.items()]


@pytest.mark.parametrize(
    ("text", "nouns", "expected"),
    [
        (
            "The 120 delegates included 70 from the north, 45 from the south and 30 from abroad.",
            {"120": "delegates"},
            ("120", ["70", "45", "30"], "from"),
        ),
        (
            "Of the 500 houses, 320 were destroyed and 240 damaged.",
            {"500": "houses"},
            ("500", ["320", "240"], "outcome"),
        ),
        (
            "Of the 500 houses, 320 were destroyed and the remaining 240 were left standing.",
            {"500": "houses"},
            ("500", ["320", "240"], "rest"),
        ),
        (
            "The ferry carried 90 people, including 40 men, 35 women and 20 children.",
            {"90": "people", "40": "men", "35": "women", "20": "children"},
            ("90", ["40", "35", "20"], "person"),
        ),
        (
            "The attack left 60 casualties, among them 25 killed and 40 wounded, police said.",
            {"60": "casualties"},
            ("60", ["25", "40"], "casualty"),
        ),
        (
            "The 120 delegates, including 70 women and 60 from the north, met on Monday.",
            {"120": "delegates", "70": "women"},
            ("120", ["70", "60"], None),  # may overlap: linked, never summed
        ),
    ],
)
def test_each_listed_part_is_linked_and_disjointness_comes_from_the_words(text, nouns, expected):
    assert listed(relations_in(text, nouns)) == [expected]


def test_a_list_after_a_colon_needs_two_parts():
    text = "The fund raised $300m: $200m from banks, $90m from donors and $50m from the state."
    assert listed(relations_in(text, money=True)) == [("$300m", ["$200m", "$90m", "$50m"], "from")]
    single = "The fund raised $300m: $200m came from banks."
    assert relations_in(single, money=True) == []


@pytest.mark.parametrize(
    "text",
    [
        # alternatives are not parts
        "The 120 delegates included 70 from the north or 45 from the south.",
        # a nested part ends the list
        "The 120 delegates included 70 from the north, 30 of whom were women.",
        "The 120 delegates, including 70 women, of whom 30 came from the north, met.",
        # a comparison is not a part
        "The 120 delegates included 70 from the north, up from 45 last year.",
    ],
)
def test_alternatives_nested_parts_and_comparisons_are_not_listed(text):
    assert listed(relations_in(text, {"120": "delegates", "70": "women"})) == []


def test_nested_part_still_links_to_its_own_whole():
    text = "The 120 delegates, including 70 women, of whom 30 came from the north, met."
    found = {(r.part.text, r.whole.text) for r in relations_in(text, {"120": "delegates"})}
    assert found == {("70", "120"), ("30", "70")}


def test_the_same_origin_twice_is_not_disjoint():
    text = "The 120 delegates included 70 from the north and 60 from the north."
    assert listed(relations_in(text, {"120": "delegates"})) == [("120", ["70", "60"], None)]


def test_percentages_are_never_listed():
    text = "Of the 40% who voted, 25% chose the mayor and 20% chose the rival."
    sentences = split_sentences(text)
    quantities = []
    for match in re.finditer(r"\d+%", text):
        value = float(match.group(0).rstrip("%"))
        quantities.append(
            Quantity(
                span=Span(match.start(), match.end()),
                text=match.group(0),
                value=value,
                dimension=Dimension.PERCENT,
                precision=1.0,
            )
        )
    assert listed(find_relations(text, quantities, sentences)) == []
