"""Quantity extraction on news-like sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims import Bound, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.quantities import explain_numbers, extract_quantities

SHARED = Path(__file__).resolve().parents[2] / "shared"


def sentence(text: str, start: int = 0, index: int = 0) -> Sentence:
    return Sentence(span=Span(start, start + len(text)), text=text, index=index)


def extract(text: str, exclude: list[Span] | None = None) -> list[Quantity]:
    return extract_quantities(sentence(text), exclude or [])


def only(text: str) -> Quantity:
    found = extract(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def surfaces(text: str) -> list[str]:
    return [q.text for q in extract(text)]


# ---- ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit", "dimension"),
    [
        ("Police said between 14,000 and 18,000 fans came.", "between 14,000 and 18,000",
         14000, 18000, None, Dimension.COUNT),
        ("Some 3-4 million viewers watched.", "Some 3-4 million", 3e6, 4e6, None, Dimension.COUNT),
        ("Depths range from 5 to 10 km inland.", "from 5 to 10 km", 5, 10, "kilometer",
         Dimension.LENGTH),
        ("Gusts may reach 80–60 mph.", "80–60 mph", 80, 60, "mile / hour", Dimension.SPEED),
        ("About 15–10% of fans own one.", "About 15–10%", 15, 10, None, Dimension.PERCENT),
        ("Gusts of 30 to 55 km/h were forecast.", "30 to 55 km/h", 30, 55, "kilometer / hour",
         Dimension.SPEED),
        ("Tickets cost $5-10 million in total.", "$5-10 million", 5e6, 10e6, None,
         Dimension.MONEY),
        ("The bill is between US$300 and 400 billion.", "between US$300 and 400 billion",
         300e9, 400e9, None, Dimension.MONEY),
        ("Turnout was 16–17 percent.", "16–17 percent", 16, 17, None, Dimension.PERCENT),
        ("A surge of three to six feet is likely.", "three to six feet", 3, 6, "foot",
         Dimension.LENGTH),
        ("It may take five or six weeks.", "five or six weeks", 5, 6, "week", Dimension.DURATION),
        ("It sold for five to six million euros.", "five to six million euros", 5e6, 6e6, None,
         Dimension.MONEY),
    ],
)  # fmt: skip
def test_ranges(text, surface, low, high, unit, dimension) -> None:
    q = only(text)
    assert q.text == surface
    assert q.bound is Bound.RANGE
    assert (q.low, q.high) == (low, high)
    assert q.value == pytest.approx((low + high) / 2)
    assert q.unit == unit
    assert q.dimension is dimension


def test_a_range_written_backwards_keeps_its_order() -> None:
    q = only("Between 18,000 and 14,000 ballots were lost.")
    assert (q.low, q.high) == (18000, 14000)
    assert q.value == 16000


def test_range_precision_and_currency() -> None:
    q = only("The hall seats 3-4 million.")
    assert q.precision == 1e6
    money = only("Shares were priced at $6.0-$6.5 each.")
    assert (money.currency, money.low, money.high, money.precision) == ("USD", 6.0, 6.5, 0.1)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose from $5m to $10m this year.",  # a change, not a range
        "The toll was raised by officials from nine to 31 on Monday.",
        "The Greens led 48.4 percent to 42.5 percent in the final poll.",  # a comparison
        "It was 5 km, or 3 miles.",  # a conversion, not a range
        # tallies and poll results: two figures for two sides, larger first
        "The governor led her rival 52.5 to 44 percent in the latest survey.",
        "The senate approved the bill by a count of 231 to 187 on Tuesday.",
        "The mix was 70%-30% sand and clay.",  # each figure with its own unit
        "Debt was £41bn - £3.5bn less than planned.",  # a spaced hyphen is a dash
        # "from A to B" is a change unless a word of spread comes first
        "Officials cut the warranty from 12 years to 4 last week.",
        "The path runs from 5 to 10 km inland.",
    ],
)
def test_not_ranges(text: str) -> None:
    found = extract(text)
    assert len(found) == 2
    assert all(q.bound is not Bound.RANGE for q in found)


@pytest.mark.parametrize(
    ("text", "unit", "dimension"),
    [
        ("The governor led her rival 52.5 to 44 percent in the latest survey.", None,
         Dimension.PERCENT),
        ("Officials cut the warranty from 12 years to 4 last week.", "year",
         Dimension.DURATION),
        ("Parental leave was extended from seven months to ten.", "month", Dimension.DURATION),
        ("The path runs from 5 to 10 km inland.", "kilometer", Dimension.LENGTH),
    ],
)  # fmt: skip
def test_two_figures_share_the_unit_written_once(text, unit, dimension) -> None:
    first, second = extract(text)
    assert (first.unit, first.dimension) == (unit, dimension)
    assert (second.unit, second.dimension) == (unit, dimension)
    assert first.bound is Bound.EXACT and second.bound is Bound.EXACT


# ---- bounds and hedges -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bound", "hedge"),
    [
        ("Under 5 square kilometers remain.", Bound.LESS_THAN, "Under"),
        ("It is below 40 metres deep.", Bound.LESS_THAN, "below"),
        ("Less than 10 percent agreed.", Bound.LESS_THAN, "Less than"),
        ("Fewer than 30 ships sailed.", Bound.LESS_THAN, "Fewer than"),
        ("More than 1,000 nurses marched.", Bound.MORE_THAN, "More than"),
        ("It took over 30 hours to free them.", Bound.MORE_THAN, "over"),
        ("Levels were above 50% all week.", Bound.MORE_THAN, "above"),
        ("Vessels exceeding 300 tons must report.", Bound.MORE_THAN, "exceeding"),
        ("As many as 3,000 volunteers helped.", Bound.AT_MOST, "As many as"),
        ("Up to 30 inches of snow fell.", Bound.AT_MOST, "Up to"),
        ("No more than 12 guests came.", Bound.AT_MOST, "No more than"),
        ("At most 8 seats changed hands.", Bound.AT_MOST, "At most"),
        ("At least 40 houses burned.", Bound.AT_LEAST, "At least"),
        ("No fewer than 12 ministers resigned.", Bound.AT_LEAST, "No fewer than"),
        ("About 20 riders finished.", Bound.APPROX, "About"),
        ("Around 15 lorries queued.", Bound.APPROX, "Around"),
        ("Roughly 8 km of road closed.", Bound.APPROX, "Roughly"),
        ("Some 200 farmers protested.", Bound.APPROX, "Some"),
        ("Approximately 60 flights left.", Bound.APPROX, "Approximately"),
        ("An estimated 500 homes flooded.", Bound.APPROX, "An estimated"),
        ("Nearly 20 schools shut.", Bound.APPROX, "Nearly"),
        ("Almost 90% voted.", Bound.APPROX, "Almost"),
        ("Close to 700 jobs went.", Bound.APPROX, "Close to"),
        ("The boat was ~23 m long.", Bound.APPROX, "~"),
    ],
)
def test_prefix_bounds(text: str, bound: Bound, hedge: str) -> None:
    q = only(text)
    assert q.bound is bound
    assert q.hedge == hedge
    assert q.text.startswith(hedge)


def test_suffix_bounds() -> None:
    q = only("Officers said 40 or more cars were towed.")
    assert (q.bound, q.hedge, q.text) == (Bound.AT_LEAST, "or more", "40 or more")
    q = only("They have waited for 30+ years.")
    assert q.bound is Bound.AT_LEAST


def test_over_a_period_is_not_a_bound() -> None:
    q = only("The cost is spread over 10 years.")
    assert q.bound is Bound.EXACT
    assert q.text == "10 years"


def test_a_parenthetical_conversion_carries_the_bound() -> None:
    first, second = extract("The herd walked more than 500 miles (800 km).")
    assert first.bound is second.bound is Bound.MORE_THAN
    assert second.in_parentheses


def test_a_or_an_is_one_only_after_a_bound() -> None:
    q = only("The camp covers less than a hectare.")
    assert (q.value, q.unit, q.bound) == (1.0, "hectare", Bound.LESS_THAN)
    assert extract("An hour later the rain stopped.") == []


# ---- money and magnitudes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "currency", "precision"),
    [
        ("The city signed a $48.2 million contract.", "$48.2 million", 48.2e6, "USD", 1e5),
        ("It paid $3bn for the mine.", "$3bn", 3e9, "USD", 1e9),
        ("The club spent £20m on him.", "£20m", 20e6, "GBP", 1e7),
        ("Brussels pledged €1.5 billion.", "€1.5 billion", 1.5e9, "EUR", 1e8),
        ("Net income was 1.5 mln dlrs.", "1.5 mln dlrs", 1.5e6, "USD", 1e5),
        ("The order is worth 5 billion yen.", "5 billion yen", 5e9, "JPY", 1e9),
        ("It cut A$68m from targets.", "A$68m", 68e6, "AUD", 1e6),
        ("Debts hit 86.7bn Swiss francs.", "86.7bn Swiss francs", 86.7e9, "CHF", 1e8),
        ("Stamps cost 50p each.", "50p", 0.5, "GBP", 0.1),
        ("A coffee is 75 cents here.", "75 cents", 0.75, "USD", 0.01),
    ],
)
def test_money(text, surface, value, currency, precision) -> None:
    q = only(text)
    assert q.text == surface
    assert q.dimension is Dimension.MONEY
    assert q.value == pytest.approx(value)
    assert q.currency == currency
    assert q.unit is None
    assert q.precision == pytest.approx(precision)


def test_conversions_in_parentheses_are_separate_quantities() -> None:
    found = extract("The fine was €20,000 (£17,500; US$22,900).")
    assert [(q.currency, q.value, q.in_parentheses) for q in found] == [
        ("EUR", 20000, False),
        ("GBP", 17500, True),
        ("USD", 22900, True),
    ]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("About 1.2 million residents lost power.", 1.2e6, "residents"),
        ("Half a million homes were cut off.", 5e5, "homes"),
        ("The service has 20m users now.", 20e6, "users"),
    ],
)
def test_counts_with_magnitudes(text: str, value: float, noun: str) -> None:
    q = only(text)
    assert (q.dimension, q.value, q.noun) == (Dimension.COUNT, value, noun)


def test_metres_are_not_millions() -> None:
    q = only("She won the 100m final.")
    assert (q.value, q.unit) == (100, "meter")


def test_pounds_are_money_only_with_a_magnitude() -> None:
    assert only("The bag weighed 82 pounds.").unit == "pound"
    money = only("They raised 5 million pounds.")
    assert (money.dimension, money.currency) == (Dimension.MONEY, "GBP")


# ---- number words, fractions, ratios ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "precision", "dimension"),
    [
        ("She ordered a dozen roses.", 12, 1, Dimension.COUNT),
        ("Twenty-three sailors were rescued.", 23, 1, Dimension.COUNT),
        ("Twenty sailors were rescued.", 20, 10, Dimension.COUNT),
        ("Five sailors were rescued.", 5, 1, Dimension.COUNT),
        ("Two-thirds of members backed it.", 2 / 3, None, Dimension.RATIO),
        ("One in five drivers speeds.", 0.2, 0.02, Dimension.RATIO),
        ("Half of the budget went on wages.", 0.5, 0.05, Dimension.RATIO),
        ("Prices fell by a quarter.", 0.25, 0.025, Dimension.RATIO),
    ],
)
def test_words_fractions_ratios(text, value, precision, dimension) -> None:
    q = only(text)
    assert q.value == pytest.approx(value, rel=1e-6)
    assert q.dimension is dimension
    if precision is not None:
        assert q.precision == pytest.approx(precision)


@pytest.mark.parametrize(
    "text",
    [
        "It was one of the best seasons.",
        "No one answered the door.",
        "She is the one who called.",
        "You are the only one who asked.",
        "One day she will return.",
        "A man was seen near a bridge.",
        "An hour later it was over.",
        "They won the first half easily.",
        "A third party filed the claim.",
        "He met his half-brother at a fifty-fifty event.",
    ],
)
def test_no_invented_quantities(text: str) -> None:
    assert extract(text) == []


def test_one_is_kept_when_it_counts() -> None:
    assert only("Only one ferry was running.").value == 1
    q = only("Waves of one to two meters hit the pier.")
    assert (q.bound, q.low, q.high, q.unit) == (Bound.RANGE, 1, 2, "meter")


# ---- vague counts and units with no figure ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "noun", "unit", "dimension"),
    [
        ("Dozens of kilometres of fence fell.", "Dozens", "fence", "kilometer", Dimension.LENGTH),
        ("Thousands of commuters were stranded.", "Thousands", "commuters", None, Dimension.COUNT),
        ("Hundreds gathered at dawn.", "Hundreds", None, None, Dimension.COUNT),
        ("Scores of tents were flattened.", "Scores", "tents", None, Dimension.COUNT),
        ("Several ferries were cancelled.", "Several", "ferries", None, Dimension.COUNT),
        ("Tens of thousands of fish died.", "Tens of thousands", "fish", None, Dimension.COUNT),
        ("Billions of dollars were lost.", "Billions", None, None, Dimension.MONEY),
        ("The talks lasted several days.", "several", None, "day", Dimension.DURATION),
    ],
)
def test_vague(text, word, noun, unit, dimension) -> None:
    q = only(text)
    assert q.bound is Bound.VAGUE
    assert q.value is None and q.low is None and q.high is None
    assert not q.is_checkable
    assert q.vague_word == word
    assert q.noun == noun
    assert q.unit == unit
    assert q.dimension is dimension


def test_unit_without_a_figure_after_a_vague_measure() -> None:
    vague, unit_only = extract("Smoke rose dozens of kilometres (miles) to the east.")
    assert vague.unit == "kilometer"
    assert unit_only.bound is Bound.UNIT_ONLY
    assert (unit_only.value, unit_only.unit, unit_only.text) == (None, "mile", "miles")
    assert unit_only.in_parentheses
    assert unit_only.dimension is Dimension.LENGTH


def test_no_unit_only_for_an_abbreviation_or_ordinary_words() -> None:
    assert len(extract("Output reached 440,700 megawatts (MW) in May.")) == 1
    assert all(
        q.bound is not Bound.UNIT_ONLY for q in extract("It is dozens of miles (by road) away.")
    )


# ---- percent and percentage points -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "dimension"),
    [
        ("Turnout hit 99.5 % in the north.", 99.5, Dimension.PERCENT),
        ("Turnout hit 62 percent.", 62, Dimension.PERCENT),
        ("Turnout hit 62 per cent.", 62, Dimension.PERCENT),
        ("Shares fell 3 pct in early trade.", 3, Dimension.PERCENT),
        ("Rates rose 2 percentage points.", 2, Dimension.PERCENTAGE_POINT),
        ("Rates rose 0.5 pct points.", 0.5, Dimension.PERCENTAGE_POINT),
        ("The bank cut rates by 50 basis points.", 0.5, Dimension.PERCENTAGE_POINT),
        ("It rose by a quarter percentage point.", 0.25, Dimension.PERCENTAGE_POINT),
    ],
)
def test_percent(text: str, value: float, dimension: Dimension) -> None:
    q = only(text)
    assert (q.value, q.dimension, q.unit) == (value, dimension, None)


def test_points_after_a_percent_context_are_percentage_points() -> None:
    share, change = extract("Support is at 45 per cent, up 3 points on May.")
    assert share.dimension is Dimension.PERCENT
    assert change.dimension is Dimension.PERCENTAGE_POINT
    index = only("The index closed down 12 points.")  # no percent before: index points
    assert index.dimension is Dimension.COUNT


def test_percent_noun_is_what_it_is_a_share_of() -> None:
    assert only("Rebels hold 99.5 percent of the valley.").noun == "valley"
    assert only("There was a 5% rise.").noun is None


# ---- temperatures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "dimension"),
    [
        ("It was 40C in the shade.", 40, "degree_Celsius", Dimension.TEMPERATURE),
        ("It was 40 °C in the shade.", 40, "degree_Celsius", Dimension.TEMPERATURE),
        ("It was 104F in the shade.", 104, "degree_Fahrenheit", Dimension.TEMPERATURE),
        ("It fell to -5 degrees Celsius.", -5, "degree_Celsius", Dimension.TEMPERATURE),
        ("It was 5C below zero.", -5, "degree_Celsius", Dimension.TEMPERATURE),
        ("The sea has warmed by 4C.", 4, "delta_degree_Celsius",
         Dimension.TEMPERATURE_DIFFERENCE),
        ("The temperature rose 2 degrees overnight.", 2, "delta_degree_Celsius",
         Dimension.TEMPERATURE_DIFFERENCE),
        ("Limit warming to 1.5C, they urged.", 1.5, "delta_degree_Celsius",
         Dimension.TEMPERATURE_DIFFERENCE),
    ],
)  # fmt: skip
def test_temperatures(text, value, unit, dimension) -> None:
    q = only(text)
    assert (q.value, q.unit, q.dimension) == (value, unit, dimension)


def test_degrees_without_temperature_context_are_angles() -> None:
    q = only("The ramp is tilted 30 degrees.")
    assert (q.unit, q.dimension) == ("degree", Dimension.OTHER)


# ---- numbers that are not quantities ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason_word"),
    [
        ("The talks start at 10:30 tomorrow.", "time"),
        ("The talks start at 3 p.m. sharp.", "time"),
        ("The talks start at 9am sharp.", "time"),
        ("It happened in 2014 under the old law.", "year"),
        ("The 1973 stadium will close.", "year"),
        ("Tickets for the 2019-20 season sold out.", "year"),
        ("It was her 3rd win.", "ordinal"),
        ("Cities of the 21st century need trams.", "ordinal"),
        ("Rovers won 2-1 at home.", "score"),
        ("It was a 3-0 victory.", "score"),
        ("The teams drew 2-2.", "score"),
        ("He installed Windows 10 today.", "name"),
        ("Download version 2.1 today.", "reference"),
        ("Call 020 7946 0018 for details.", "phone"),
        ("She lives at 10 Downing Street.", "address"),
        ("A Boeing 737 landed.", "name"),
        ("An F-35 flew over.", "name"),
        ("See resolution 2254 on Syria.", "reference"),
        ("He listens to Radio 4 daily.", "name"),
        ("Music of the 1960s is back.", "decade"),
        ("Reports [3] disagree.", "citation"),
        ("A 3G network and a 3D printer.", "identifier"),
        ("The ratio was 1:1 overall.", "colon"),
    ],
)
def test_not_quantities(text: str, reason_word: str) -> None:
    assert extract(text) == [], [q.text for q in extract(text)]
    reasons = " ".join(r or "" for _, r in explain_numbers(text))
    assert reason_word in reasons


def test_explain_numbers_gives_none_for_quantities() -> None:
    assert explain_numbers("In 2014, 3,000 people left.") == [("2014", "year"), ("3,000", None)]


def test_a_year_with_a_count_noun_or_a_bound_is_a_count() -> None:
    assert only("Some 2000 people came.").value == 2000
    assert only("2000 people came.").noun == "people"


# ---- dates excluded, offsets, parentheses, precision, nouns ----------------------------------


def test_numbers_in_excluded_date_spans_are_dropped() -> None:
    text = "On March 10 about 20 cars crashed."
    assert [q.text for q in extract(text, [Span(3, 11)])] == ["about 20"]
    # a figure outside the excluded span is kept even when the span is near it
    assert len(extract("Fares rose 5% on March 10.", [Span(14, 25)])) == 1


def test_quantities_carry_document_offsets_and_sentence_index() -> None:
    text = "About 20 men waited."
    found = extract_quantities(sentence(text, start=100, index=7), [])
    assert len(found) == 1
    q = found[0]
    assert (q.span.start, q.span.end, q.sentence) == (100, 108, 7)
    assert q.text == "About 20"
    excluded = extract_quantities(sentence(text, start=100, index=7), [Span(106, 108)])
    assert excluded == []


def test_in_parentheses() -> None:
    first, second = extract("It is under 5 square kilometers (under 2 square miles) now.")
    assert not first.in_parentheses
    assert second.in_parentheses
    assert (first.unit, second.unit) == ("kilometer ** 2", "mile ** 2")
    assert first.bound is second.bound is Bound.LESS_THAN
    inside = extract("The ship (built in 1993, 75 m long) sank.")
    assert [q.in_parentheses for q in inside] == [True]


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("A crowd of 18,000 gathered.", 1000),
        ("A crowd of 2 gathered.", 1),
        ("It measured 1.93 metres.", 0.01),
        ("It measured 99.5 percent.", 0.1),
        ("It cost $48.2 million.", 100000),
        ("A crowd of 20 gathered.", 10),
        ("Twenty gathered.", 10),
        ("Five gathered.", 1),
        ("A dozen gathered.", 1),
    ],
)
def test_precision(text: str, precision: float) -> None:
    assert only(text).precision == pytest.approx(precision)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("There are between 14,000 and 18,000 IS fighters left.", "fighters"),
        ("Guards stood over about 20 men who knelt.", "men"),
        ("It includes as many as 3,000 foreign fighters.", "fighters"),
        ("Thousands of fleeing families arrived.", "families"),
        ("It holds under 5 square kilometers (under 2 square miles).", None),
        ("The firm won a $12 million contract.", "contract"),
        ("About half the staff left.", "staff"),
        ("There were 5,000 U.S. troops there.", "troops"),
        ("At least 40 died.", None),
        ("Half of the population lives in towns.", "population"),
    ],
)
def test_noun(text: str, noun: str | None) -> None:
    assert extract(text)[0].noun == noun


def test_ages_are_durations() -> None:
    assert only("She died at the age of 95 on Monday.").unit == "year"
    q = only("Mr Grant, 53, declined to comment.")
    assert (q.value, q.unit, q.dimension) == (53, "year", Dimension.DURATION)


def test_feet_and_inches() -> None:
    q = only("He is 6ft 2in tall.")
    assert (q.value, q.unit) == (74, "inch")


def test_odd_input_never_raises() -> None:
    for text in ["", "   ", "$", "£m", "((((", "- - -", "1" * 500, "½ ½", "\x00 5 km"]:
        assert isinstance(extract(text), list)


# ---- the project's example article (skipped when ../shared is absent) -----------------------


def test_example_article_inventory() -> None:
    path = SHARED / "examples" / "syria-baghouz-2019.txt"
    if not path.exists():
        pytest.skip("shared examples not available")
    from factcheck.extract.sentences import split_sentences

    found = [q for s in split_sentences(path.read_text("utf-8")) for q in extract_quantities(s, [])]
    summary = [
        (q.bound, q.value, q.low, q.high, q.unit, q.dimension, q.noun, q.in_parentheses)
        for q in found
        if q.bound is not Bound.VAGUE
    ]
    assert summary == [
        (Bound.UNIT_ONLY, None, None, None, "mile", Dimension.LENGTH, None, True),
        (Bound.APPROX, 20, None, None, None, Dimension.COUNT, "men", False),
        (Bound.RANGE, 16000, 14000, 18000, None, Dimension.COUNT, "militants", False),
        (Bound.AT_MOST, 3000, None, None, None, Dimension.COUNT, "militants", False),
        (Bound.EXACT, 99.5, None, None, None, Dimension.PERCENT, "territory", False),
        (Bound.LESS_THAN, 5, None, None, "kilometer ** 2", Dimension.AREA, None, False),
        (Bound.LESS_THAN, 2, None, None, "mile ** 2", Dimension.AREA, None, True),
    ]
    vague = [(q.vague_word, q.unit) for q in found if q.bound is Bound.VAGUE]
    assert vague == [
        ("thousands", None),
        ("dozens", "kilometer"),
        ("thousands", None),
        ("hundreds", None),
    ]
    figures = {q.value for q in found} | {q.low for q in found} | {q.high for q in found}
    assert not figures & {2019, 12, 10, 2014}


@pytest.mark.parametrize(
    "sentence, surface, unit",
    [
        ("The talks lasted two days in Geneva.", "two days", "day"),
        ("He spent two years in prison.", "two years", "year"),
        ("Fifty years years later nothing changed.", "Fifty years", "year"),
    ],
)
def test_durations_do_not_absorb_the_next_word(sentence, surface, unit):
    [quantity] = [q for q in extract(sentence) if q.unit is not None]
    assert quantity.text == surface
    assert quantity.unit == unit
