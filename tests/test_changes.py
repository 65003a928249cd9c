"""find_changes: stated changes read from quantities and the words between them.

The quantities are built by hand (the quantity extractor is not under test here): each is
given by its surface text, value, dimension and precision, located in the sentence in order.
"""

from __future__ import annotations

import re

import pytest
from builders import quantities_in
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import Bound, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.changes import find_changes

D = Dimension


def build(text: str, *specs: tuple) -> tuple[list[Quantity], list[Sentence]]:
    """Quantities for (surface, value[, dimension[, precision[, bound]]]) found in order."""
    quantities = quantities_in(text, *specs, dimension=D.COUNT)
    return quantities, [Sentence(span=Span(0, len(text)), text=text, index=0)]


def only(text: str, *specs: tuple):
    quantities, sentences = build(text, *specs)
    changes = find_changes(text, quantities, sentences)
    assert len(changes) == 1, [text[c.span.start : c.span.end] for c in changes]
    return changes[0]


def texts(change) -> tuple:
    return tuple(
        None if q is None else q.text for q in (change.change, change.before, change.after)
    )


def test_verb_with_change_then_from_to():
    change = only(
        "Sales rose 25% from 200 to 300 last year.",
        ("25%", 25, D.PERCENT),
        ("200", 200),
        ("300", 300),
    )
    assert texts(change) == ("25%", "200", "300")
    assert change.direction == "up" and change.cue == "rose"
    assert change.span == Span(6, 30)


def test_wire_order_to_then_from_and_missing_scale():
    change = only(
        "Net profit rose 5.2 pct to 1.5 mln dlrs from 1.43 mln.",
        ("5.2 pct", 5.2, D.PERCENT, 0.1),
        ("1.5 mln dlrs", 1.5e6, D.MONEY, 1e5),
        ("1.43", 1.43, D.COUNT, 0.01),
    )
    assert texts(change) == ("5.2 pct", "1.43", "1.5 mln dlrs")
    # The bare "1.43" takes the scale and dimension of "1.5 mln dlrs".
    assert change.before.value == pytest.approx(1.43e6)
    assert change.before.precision == pytest.approx(1e4)
    assert change.before.dimension is D.MONEY


def test_percent_endpoints_and_down_direction():
    change = only(
        "Turnout fell 1.6 pct to 55.9 pct from 57.5 pct.",
        ("1.6 pct", 1.6, D.PERCENT, 0.1),
        ("55.9 pct", 55.9, D.PERCENT, 0.1),
        ("57.5 pct", 57.5, D.PERCENT, 0.1),
    )
    assert texts(change) == ("1.6 pct", "57.5 pct", "55.9 pct")
    assert change.direction == "down"


def test_conversion_and_time_phrase_between_endpoints():
    text = (
        "Quarterly profits jumped 76% to $1.13bn (£600m) for the three months to "
        "December, from $639m a year earlier."
    )
    change = only(
        text,
        ("76%", 76, D.PERCENT),
        ("$1.13bn", 1.13e9, D.MONEY, 1e7),
        ("£600m", 6e8, D.MONEY, 1e8),
        ("three months", 3, D.DURATION),
        ("$639m", 6.39e8, D.MONEY, 1e6),
    )
    assert texts(change) == ("76%", "$639m", "$1.13bn")


def test_multiplier_words_with_hedges():
    change = only(
        "The number of cases doubled from 20 to 45 last year.", ("20", 20, D.COUNT, 10), ("45", 45)
    )
    assert change.factor == 2.0 and change.change.dimension is D.RATIO
    assert change.change.bound is Bound.EXACT
    assert texts(change)[1:] == ("20", "45")

    hedged = only("Membership has more than doubled to 4,500 since 2010.", ("4,500", 4500))
    assert hedged.change.bound is Bound.MORE_THAN and hedged.after.text == "4,500"

    halved = only("Staff numbers nearly halved from 40 to 21.", ("40", 40, D.COUNT, 10), ("21", 21))
    assert halved.factor == 0.5 and halved.direction == "down"
    assert halved.change.bound is Bound.APPROX and halved.change.hedge == "nearly"


def test_fold_noun_takes_its_endpoints():
    change = only("The index saw a threefold increase to 90 from 30.", ("90", 90), ("30", 30))
    assert change.factor == 3.0 and texts(change)[1:] == ("30", "90")


def test_multiplier_alone_is_not_a_change():
    quantities, sentences = build("Sales doubled.")
    assert find_changes("Sales doubled.", quantities, sentences) == []


def test_adverb_up_from_with_the_figure_before():
    change = only("Visitors reached 300, up from 200 a year ago.", ("300", 300), ("200", 200))
    assert texts(change) == (None, "200", "300") and change.direction == "up"


def test_noun_with_change_before_it_and_on_last_year():
    change = only(
        "Sales were 300 units, a 5% rise on last year's 285.",
        ("300 units", 300),
        ("5%", 5, D.PERCENT),
        ("285", 285),
    )
    assert texts(change) == ("5%", "285", "300 units")


def test_verb_and_noun_phrases_merge_into_one_change():
    change = only(
        "Prices rose from 200 to 300, an increase of 50%.",
        ("200", 200),
        ("300", 300),
        ("50%", 50, D.PERCENT, 10),
    )
    assert texts(change) == ("50%", "200", "300")


def test_market_style_close_at():
    change = only(
        "Shares closed up 3.4% at 45.10 euros.",
        ("3.4%", 3.4, D.PERCENT, 0.1),
        ("45.10 euros", 45.1, D.MONEY, 0.01),
    )
    assert texts(change) == ("3.4%", None, "45.10 euros")


def test_twice_as_many_as():
    change = only(
        "There were 40 cases, twice as many as the 20 seen last year.", ("40 cases", 40), ("20", 20)
    )
    assert change.factor == 2.0 and texts(change)[1:] == ("20", "40 cases")
    assert change.direction is None


def test_a_range_read_as_one_quantity_is_split_in_written_order():
    text = "Prices fell from 300 to 200 in a year."
    start = text.index("from")
    end = text.index("200") + 3
    q = Quantity(
        span=Span(start, end),
        text=text[start:end],
        value=250,
        low=200,
        high=300,
        bound=Bound.RANGE,
        precision=100,
    )
    sentence = Sentence(span=Span(0, len(text)), text=text, index=0)
    (change,) = find_changes(text, [q], [sentence])
    assert (change.before.value, change.after.value) == (300, 200)
    assert change.before.text == "300" and change.after.text == "200"
    assert change.before.bound is Bound.EXACT and change.direction == "down"


def test_two_changes_in_one_sentence_keep_their_own_figures():
    text = "Exports rose 12% to 300 tonnes, while imports fell to 200 from 250."
    quantities, sentences = build(
        text, ("12%", 12, D.PERCENT), ("300 tonnes", 300), ("200", 200), ("250", 250)
    )
    first, second = find_changes(text, quantities, sentences)
    assert texts(first) == ("12%", None, "300 tonnes")
    assert texts(second) == (None, "250", "200")


@pytest.mark.parametrize(
    ("text", "specs"),
    [
        ("The firm set up 5 offices in 2019.", (("5 offices", 5),)),
        ("Prices could rise by up to 8% next year.", (("8%", 8, D.PERCENT),)),
        ("Temperatures ranged from 20 to 30 degrees.", (("20", 20), ("30", 30))),
        (
            "Output grew 15.7% in the year to October, down from 23% in February.",
            (("15.7%", 15.7, D.PERCENT, 0.1), ("23%", 23, D.PERCENT)),
        ),
    ],
)
def test_no_endpoints_where_the_text_gives_none(text, specs):
    quantities, sentences = build(text, *specs)
    for change in find_changes(text, quantities, sentences):
        assert change.before is None or change.after is None, change
        if change.change is not None and change.change.text == "15.7%":
            assert change.before is None  # "down from 23%" belongs to "down", not to "grew"


def test_ranks_are_not_amounts():
    for text, specs in (
        ("She climbed to No 3 from 12 in the rankings.", (("3", 3), ("12", 12))),
        ("Disco Inferno crept up from six to five in the charts.", (("six", 6), ("five", 5))),
    ):
        quantities, sentences = build(text, *specs)
        assert find_changes(text, quantities, sentences) == []


def test_years_and_ordinals_are_not_endpoints():
    text = "Sales rose from 2010 to 2019 and from 3rd to 1st."
    quantities, sentences = build(text, ("2010", 2010), ("2019", 2019), ("3rd", 3), ("1st", 1))
    assert find_changes(text, quantities, sentences) == []


def test_changes_carry_their_sentence_index():
    text = "Profits were flat. Sales rose to 300 from 200."
    quantities, _ = build(text, ("300", 300), ("200", 200))
    sentences = [
        Sentence(span=Span(0, 18), text=text[:18], index=0),
        Sentence(span=Span(19, len(text)), text=text[19:], index=1),
    ]
    (change,) = find_changes(text, quantities, sentences)
    assert (
        change.sentence == 1 and text[change.span.start : change.span.end] == "rose to 300 from 200"
    )


def test_bad_input_gives_no_changes_and_no_traceback():
    assert find_changes("", [], []) == []
    text = "Sales rose 5%."
    q = Quantity(span=Span(11, 13), text="5%", value=None, dimension=D.PERCENT)
    assert find_changes(text, [q], [Sentence(span=Span(0, 14), text=text, index=0)]) == []


_WORDS = st.sampled_from(
    [
        "rose",
        "fell",
        "up",
        "down",
        "from",
        "to",
        "by",
        "doubled",
        "a",
        "rise",
        "of",
        "twice",
        "as",
        "many",
        "(",
        ")",
        ",",
        "and",
        "threefold",
        "increase",
        "at",
        "No",
        "5%",
        "200",
    ]
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=14), data=st.data())
def test_any_word_salad_gives_changes_without_a_traceback(words, data):
    text = " ".join(words)
    sentence = Sentence(span=Span(0, len(text)), text=text, index=0)
    quantities = []
    for match in re.finditer(r"\d+%?", text):
        dimension = D.PERCENT if match.group(0).endswith("%") else D.COUNT
        value = data.draw(st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)))
        quantities.append(
            Quantity(
                span=Span(match.start(), match.end()),
                text=match.group(0),
                value=value,
                dimension=dimension,
                precision=1.0,
            )
        )
    for change in find_changes(text, quantities, [sentence]):
        assert 0 <= change.span.start <= change.span.end <= len(text)
