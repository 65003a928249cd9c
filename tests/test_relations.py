"""find_relations: part/whole, share and same-thing relations from hand-built quantities."""

from __future__ import annotations

import pytest

from factcheck.claims import Bound, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.relations import find_relations, normalize_noun
from factcheck.extract.sentences import split_sentences


class Article:
    """A text and the quantities a good extractor would find in it, built by hand."""

    def __init__(self, text: str):
        self.text = text
        self.sentences: list[Sentence] = split_sentences(text)
        self.quantities: list[Quantity] = []

    def add(self, surface: str, value=None, *, nth: int = 0, **fields) -> Quantity:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(surface, start + 1)
        span = Span(start, start + len(surface))
        sentence = next(s.index for s in self.sentences if s.span.contains(span))
        fields.setdefault("precision", 1.0)
        q = Quantity(span=span, text=surface, value=value, sentence=sentence, **fields)
        self.quantities.append(q)
        return q

    def relations(self, kind: str | None = None):
        found = find_relations(self.text, self.quantities, self.sentences)
        return [r for r in found if kind is None or r.kind == kind]


def pairs(relations):
    return [(r.part.text, r.whole.text, r.kind) for r in relations]


def test_including_with_hedge_links_part_to_range_whole():
    a = Article(
        "There may be between 14,000 and 18,000 militants scattered across the region, "
        "including as many as 3,000 foreign militants, a report said."
    )
    whole = a.add(
        "between 14,000 and 18,000",
        16000,
        low=14000,
        high=18000,
        bound=Bound.RANGE,
        noun="militants",
        precision=1000,
    )
    part = a.add(
        "as many as 3,000", 3000, bound=Bound.AT_MOST, noun="foreign militants", precision=1000
    )
    rels = a.relations("part_of")
    assert len(rels) == 1
    assert rels[0].part is part and rels[0].whole is whole
    assert rels[0].cue == "including"


def test_including_accepts_another_kind_of_person():
    a = Article("Between 2,500 and 3,200 residents had left the district, including 600 children.")
    a.add("Between 2,500 and 3,200", 2850, low=2500, high=3200, bound=Bound.RANGE, noun="residents")
    a.add("600", 600, noun="children")
    assert pairs(a.relations("part_of")) == [("600", "Between 2,500 and 3,200", "part_of")]


def test_including_skips_a_nearer_figure_of_another_noun():
    a = Article("The firm employs 5,000 people in 12 countries, including 300 engineers.")
    a.add("5,000", 5000, noun="people")
    a.add("12", 12, noun="countries")
    a.add("300", 300, noun="engineers")
    assert pairs(a.relations()) == [("300", "5,000", "part_of")]


def test_including_takes_the_nearest_figure_when_the_part_has_no_noun():
    a = Article("The firm has 5,000 staff in 12 countries, including 3 in Asia.")
    a.add("5,000", 5000, noun="staff")
    a.add("12", 12, noun="countries")
    a.add("3", 3)
    assert pairs(a.relations()) == [("3", "12", "part_of")]


def test_y_of_the_x():
    a = Article("The council said 18 of its 25 pumping stations were working again.")
    a.add("18", 18)
    a.add("25", 25, noun="pumping stations")
    assert pairs(a.relations()) == [("18", "25", "part_of")]


def test_out_of():
    a = Article("Voters approved 7 out of 9 measures.")
    a.add("7", 7)
    a.add("9", 9, noun="measures")
    assert pairs(a.relations()) == [("7", "9", "part_of")]


def test_of_them_refers_to_the_previous_sentence():
    a = Article("Rebels freed 40 hostages on Friday. Twelve of them were aid workers.")
    a.add("40", 40, noun="hostages")
    a.add("Twelve", 12)
    assert pairs(a.relations()) == [("Twelve", "40", "part_of")]


def test_of_whom_within_the_sentence():
    a = Article("Police detained 40 people, 12 of whom were later charged.")
    a.add("40", 40, noun="people")
    a.add("12", 12)
    assert pairs(a.relations("part_of")) == [("12", "40", "part_of")]


def test_of_which_and_among_them():
    a = Article(
        "The fleet has 120 ships, of which 30 are frigates. "
        "The club has 900 members, among them 45 coaches."
    )
    a.add("120", 120, noun="ships")
    a.add("30", 30)
    a.add("900", 900, noun="members")
    a.add("45", 45, noun="coaches")
    assert pairs(a.relations("part_of")) == [("30", "120", "part_of"), ("45", "900", "part_of")]


def test_of_the_opening_a_clause():
    a = Article("Of the 25 pumping stations, 18 were working on Monday.")
    a.add("25", 25, noun="pumping stations")
    a.add("18", 18)
    assert pairs(a.relations()) == [("18", "25", "part_of")]


def test_percent_of_a_group_is_a_share():
    a = Article("Officials said 30% of the 14,000 fighters were foreign.")
    a.add("30%", 30, dimension=Dimension.PERCENT)
    a.add("14,000", 14000, noun="fighters", precision=1000)
    assert pairs(a.relations()) == [("30%", "14,000", "share_of")]


def test_different_dimensions_are_not_related():
    a = Article("The route covers 3 miles of the 10 km trail, and 2 of the $5 million budget.")
    a.add("3 miles", 3, dimension=Dimension.LENGTH, unit="mile")
    a.add("10 km", 10, dimension=Dimension.LENGTH, unit="kilometer")
    a.add("2", 2)
    a.add("$5 million", 5e6, dimension=Dimension.MONEY, currency="USD")
    assert a.relations() == []


def test_unrelated_nouns_after_including_are_not_linked():
    a = Article("The storm destroyed 40 homes, including 3 bridges.")
    a.add("40", 40, noun="homes")
    a.add("3", 3, noun="bridges")
    assert a.relations() == []


def test_a_vague_antecedent_stops_the_search():
    a = Article("In 2019 some 500 people fled; thousands of civilians, including 300 children.")
    a.add("500", 500, bound=Bound.APPROX, noun="people")
    a.add("thousands", None, bound=Bound.VAGUE, noun="civilians")
    a.add("300", 300, noun="children")
    assert a.relations("part_of") == []


def test_no_cue_no_relation():
    a = Article("The 1,200 workers voted, and 300 managers abstained.")
    a.add("1,200", 1200, noun="workers")
    a.add("300", 300, noun="managers")
    assert a.relations("part_of") == []


def test_same_as_for_the_same_noun_and_predicate():
    a = Article(
        "Between 40 and 60 people died when the dam failed. "
        "The names of the 75 people who died were read out at the memorial."
    )
    rng = a.add("Between 40 and 60", 50, low=40, high=60, bound=Bound.RANGE, noun="people")
    fig = a.add("75", 75, noun="people")
    rels = a.relations("same_as")
    assert len(rels) == 1
    assert rels[0].whole is rng and rels[0].part is fig
    assert rels[0].cue == "die"


@pytest.mark.parametrize(
    "second",
    [
        "Another 75 people died in the floods that followed.",  # a different group
        "The toll later rose to 75 people who died.",  # change over time
        "Officials fear 75 people died.",  # projection
        "In 2020, 75 people died.",  # another time
        "A further 75 people were missing.",  # another predicate
    ],
)
def test_no_same_as_when_the_mentions_may_differ(second):
    a = Article("Between 40 and 60 people died when the dam failed. " + second)
    a.add("Between 40 and 60", 50, low=40, high=60, bound=Bound.RANGE, noun="people")
    a.add("75", 75, noun="people")
    assert a.relations("same_as") == []


def test_same_noun_different_predicate_in_one_sentence():
    a = Article(
        "The minister spoke of between 36 and 40 people under the rubble, while the governor "
        "said 68 people were missing."
    )
    a.add("between 36 and 40", 38, low=36, high=40, bound=Bound.RANGE, noun="people")
    a.add("68", 68, noun="people")
    assert a.relations("same_as") == []


def test_predicate_before_the_figure():
    a = Article(
        "The blast killed between 10 and 12 miners. Rescuers said the explosion killed 15 miners."
    )
    a.add("between 10 and 12", 11, low=10, high=12, bound=Bound.RANGE, noun="miners")
    a.add("15", 15, noun="miners")
    rels = a.relations("same_as")
    assert [r.cue for r in rels] == ["kill"]


def test_single_figures_and_bare_nouns_are_not_linked():
    a = Article("The blast killed 12 miners. Rescuers said the explosion killed 15 miners.")
    a.add("12", 12, noun="miners")
    a.add("15", 15, noun="miners")
    assert a.relations("same_as") == []
    # "Party - 203 seats": a word before the figure that is not a verb form says nothing.
    b = Article("Labour Party - between 200 and 210 seats. Labour Party - 230 seats.")
    b.add("between 200 and 210", 205, low=200, high=210, bound=Bound.RANGE, noun="seats")
    b.add("230", 230, noun="seats")
    assert b.relations("same_as") == []


def test_prepositions_keep_their_object():
    a = Article("He faced between 10 and 12 counts of fraud. He also faced 20 counts of theft.")
    a.add("between 10 and 12", 11, low=10, high=12, bound=Bound.RANGE, noun="counts")
    a.add("20", 20, noun="counts")
    assert a.relations("same_as") == []


def test_a_requirement_is_not_a_part():
    a = Article("She reached 3 percent in two polls, of which four are needed.")
    a.add("two", 2, noun="polls")
    a.add("four", 4)
    assert a.relations() == []


def test_of_these_with_a_noun_does_not_reach_into_the_previous_sentence():
    a = Article("He won a total of 815. He lost in all three of these states.")
    a.add("815", 815)
    a.add("three", 3)
    assert a.relations() == []


def test_normalize_noun():
    assert normalize_noun("the foreign Militants") == ("foreign", "militant")
    assert normalize_noun(None) == ()


def test_empty_input():
    assert find_relations("", [], []) == []
