"""Date extraction: spans found by our own patterns, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import DateClaim, Granularity, Resolution, Sentence, Tense
from factcheck.document import Span
from factcheck.extract.dates import extract_dates, find_dates, month_number, weekday_number
from factcheck.extract.tense import tense_near

TUESDAY = dt.date(2019, 2, 12)  # a Tuesday
SHARED = Path(__file__).resolve().parents[2] / "shared"


def sentence(text: str, index: int = 3, offset: int = 0) -> Sentence:
    return Sentence(span=Span(offset, offset + len(text)), text=text, index=index)


def dates(text: str, published: dt.date | None = TUESDAY, **kwargs) -> list[DateClaim]:
    return extract_dates(sentence(text, **kwargs), published)


def only(text: str, published: dt.date | None = TUESDAY) -> DateClaim:
    found = dates(text, published)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def day(year: int, month: int, day_: int) -> dt.date:
    return dt.date(year, month, day_)


# ---- calendar dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        (
            "The treaty was signed on February 12, 2019 in Oslo.",
            "February 12, 2019",
            day(2019, 2, 12),
        ),
        (
            "The treaty was signed on 12 February 2019 in Oslo.",
            "12 February 2019",
            day(2019, 2, 12),
        ),
        ("The fair opens on Feb. 9, 2024 downtown.", "Feb. 9, 2024", day(2024, 2, 9)),
        ("Filed 2019-02-12 by the clerk.", "2019-02-12", day(2019, 2, 12)),
        ("It ended on the 3rd of March 2021.", "3rd of March 2021", day(2021, 3, 3)),
        ("Talks resumed on March 3rd, 2021.", "March 3rd, 2021", day(2021, 3, 3)),
    ],
)
def test_full_dates_resolve_absolutely(text: str, written: str, expected: dt.date) -> None:
    claim = only(text)
    assert claim.text == written
    assert (claim.date, claim.end_date) == (expected, expected)
    assert claim.granularity is Granularity.DAY
    assert claim.resolution is Resolution.ABSOLUTE
    assert claim.year_written


def test_full_dates_resolve_without_a_publication_date() -> None:
    claim = only("The treaty was signed on February 12, 2019.", published=None)
    assert claim.date == day(2019, 2, 12)
    assert claim.resolution is Resolution.ABSOLUTE


def test_day_span_covers_its_digits_and_offsets_are_document_offsets() -> None:
    text = "Fighting was reported on the morning of February 10 near the river."
    claim = dates(text, offset=500)[0]
    assert claim.text == "February 10"
    assert claim.span == Span(500 + text.index("February"), 500 + text.index(" near"))
    assert claim.sentence == 3


def test_yearless_day_takes_publication_year_in_a_past_clause() -> None:
    claim = only("Fighting was reported on the morning of February 10 near the river.")
    assert claim.date == day(2019, 2, 10)
    assert claim.resolution is Resolution.PUBLICATION
    assert claim.tense is Tense.PAST


def test_yearless_day_after_publication_in_a_past_clause_is_last_year() -> None:
    claim = only("The bridge collapsed on November 3 after heavy rain.")
    assert claim.date == day(2018, 11, 3)
    assert claim.resolution is Resolution.TENSE


def test_yearless_day_in_a_future_clause_is_the_next_one() -> None:
    claim = only("The new line will open on January 20.")
    assert claim.date == day(2020, 1, 20)
    assert claim.tense is Tense.FUTURE


def test_day_ranges_cover_both_days() -> None:
    claim = only("The festival ran from July 13 to 17 of last year.")
    assert claim.text == "July 13 to 17 of last year"
    assert (claim.date, claim.end_date) == (day(2018, 7, 13), day(2018, 7, 17))
    assert only("The summit is set for 20-22 March 2019.").end_date == day(2019, 3, 22)


def test_impossible_dates_are_not_dates() -> None:
    assert dates("The memo was dated February 30, 2019.") == []


def test_february_29_without_a_year_lands_on_a_leap_year() -> None:
    assert only("He was born on February 29 and celebrated rarely.").date == day(2016, 2, 29)


def test_no_relative_or_yearless_date_is_resolved_without_publication_date() -> None:
    for text in (
        "The bridge collapsed on November 3.",
        "The flood took place in September.",
        "The mayor resigned last week.",
        "Officials met on Monday.",
        "He left three years ago.",
        "Prices rose yesterday.",
    ):
        claim = only(text, published=None)
        assert claim.date is None and claim.resolution is Resolution.UNRESOLVED, text


# ---- weekdays -------------------------------------------------------------------------------


def test_weekday_and_date_is_one_claim_with_the_weekday_as_written() -> None:
    text = "Polls opened on Monday, March 3, 2024 across the country."
    claim = only(text)
    assert claim.text == "Monday, March 3, 2024"
    assert claim.date == day(2024, 3, 3)  # a Sunday: the contradiction is kept for the check
    assert claim.weekday == 0
    assert claim.weekday_span == Span(text.index("Monday"), text.index("Monday") + 6)


def test_weekday_with_a_yearless_day_month_date() -> None:
    claim = only("The ceremony took place on Sunday 3 February in the old hall.")
    assert claim.text == "Sunday 3 February"
    assert (claim.date, claim.weekday) == (day(2019, 2, 3), 6)
    assert claim.resolution is Resolution.PUBLICATION


def test_abbreviated_weekday_before_a_date() -> None:
    claim = only("Posted Tue, February 12, 2019 by the desk.")
    assert (claim.text, claim.weekday) == ("Tue, February 12, 2019", 1)


@pytest.mark.parametrize(
    ("text", "expected", "tense"),
    [
        ("Local radio reported heavy snow Monday in the hills.", day(2019, 2, 11), Tense.PAST),
        ("Hundreds fled the town on Monday as the water rose.", day(2019, 2, 11), Tense.PAST),
        ("The board met on Thursday to discuss the plan.", day(2019, 2, 7), Tense.PAST),
        ("The minister will visit the site on Friday.", day(2019, 2, 15), Tense.FUTURE),
        ("The vote is expected to take place on Thursday.", day(2019, 2, 14), Tense.FUTURE),
    ],
)
def test_bare_weekday_follows_the_tense(text: str, expected: dt.date, tense: Tense) -> None:
    claim = only(text)
    assert claim.date == expected
    assert claim.weekday == expected.weekday()
    assert claim.granularity is Granularity.DAY
    assert claim.resolution is Resolution.RELATIVE
    assert claim.tense is tense


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They spoke last Monday.", day(2019, 2, 11)),
        ("They speak again next Monday.", day(2019, 2, 18)),
        ("The results arrive this Friday.", day(2019, 2, 15)),
        ("The storm hit Sunday night.", day(2019, 2, 10)),
    ],
)
def test_weekday_modifiers(text: str, expected: dt.date) -> None:
    assert only(text).date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Candidates campaigned hard before Super Tuesday.",
        "The Sunday Times reported the story first.",
        "Shops were quiet on Good Friday.",
        "The Sun rose at six.",
        "We met the new staff.",
        "Markets are closed on Mondays.",
    ],
)
def test_weekday_names_that_are_not_a_day_of_the_week(text: str) -> None:
    assert [c for c in dates(text) if c.weekday is not None] == []


# ---- months, seasons, years -----------------------------------------------------------------


def test_month_alone_in_a_past_clause_is_the_last_one() -> None:
    claim = only("The clash reportedly took place in September near the border.")
    assert (claim.date, claim.end_date) == (day(2018, 9, 1), day(2018, 9, 30))
    assert claim.granularity is Granularity.MONTH
    assert claim.resolution is Resolution.TENSE


def test_mid_month_with_a_past_verb_later_in_the_clause() -> None:
    claim = only("In mid-December the council announced that it would cut spending.")
    assert claim.text == "mid-December"
    assert (claim.date, claim.end_date) == (day(2018, 12, 11), day(2018, 12, 20))


def test_month_alone_in_a_future_clause() -> None:
    claim = only("The two leaders will meet in March.")
    assert (claim.date, claim.end_date) == (day(2019, 3, 1), day(2019, 3, 31))
    assert claim.resolution is Resolution.PUBLICATION


@pytest.mark.parametrize(
    ("text", "start", "end", "resolution"),
    [
        ("The plant closed last May.", day(2018, 5, 1), day(2018, 5, 31), Resolution.RELATIVE),
        ("It reopens next May.", day(2019, 5, 1), day(2019, 5, 31), Resolution.RELATIVE),
        ("It opened in May 2017.", day(2017, 5, 1), day(2017, 5, 31), Resolution.ABSOLUTE),
        (
            "The work began in early May 2017.",
            day(2017, 5, 1),
            day(2017, 5, 10),
            Resolution.ABSOLUTE,
        ),
        (
            "They married in March last year.",
            day(2018, 3, 1),
            day(2018, 3, 31),
            Resolution.RELATIVE,
        ),
        (
            "Rain is forecast until the end of May.",
            day(2019, 5, 21),
            day(2019, 5, 31),
            Resolution.PUBLICATION,
        ),
    ],
)
def test_month_forms(text: str, start: dt.date, end: dt.date, resolution: Resolution) -> None:
    claim = only(text)
    assert (claim.date, claim.end_date, claim.resolution) == (start, end, resolution)


@pytest.mark.parametrize(
    "text",
    [
        "There may be between 400 and 600 houses affected.",
        "May I ask a question?",
        "Theresa May said the deal was final.",
        "May God protect them.",
        "Thousands march through the capital every year.",
        "March organisers expect a big crowd.",
        "The August assembly rejected the motion.",
        "June Carter sang at the fair.",
    ],
)
def test_month_names_that_are_not_months(text: str) -> None:
    assert [c for c in dates(text) if c.granularity is Granularity.MONTH] == []


def test_may_and_march_as_months() -> None:
    assert only("The vote is due in May.").date == day(2019, 5, 1)
    assert only("Protesters marched by March.").text == "March"
    assert only("Polls close on May 5.").date == day(2019, 5, 5)
    assert [c.text for c in dates("Sales slowed between May and July.")] == ["May", "July"]


def test_years_and_year_ranges() -> None:
    claim = only("The caliphate they declared in 2014 has collapsed.")
    assert claim.text == "2014"
    assert (claim.date, claim.end_date) == (day(2014, 1, 1), day(2014, 12, 31))
    assert claim.granularity is Granularity.YEAR and claim.year_written
    season = only("Ticket sales for the 2019-20 season opened.")
    assert season.text == "2019-20"
    assert (season.date, season.end_date) == (day(2019, 1, 1), day(2020, 12, 31))
    assert only("Growth slowed in late 2019.").date == day(2019, 9, 1)
    assert only("The 1973 building was demolished.").text == "1973"


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 2000 troops to the border.",
        "Between 1500 and 2000 people marched.",
        "The road is 2019 metres long.",
        "Room 2014 was empty.",
    ],
)
def test_four_digit_counts_are_not_years(text: str) -> None:
    assert dates(text) == []


def test_decades_and_seasons() -> None:
    decade = only("The scheme began in the 1990s.")
    assert (decade.date, decade.end_date) == (day(1990, 1, 1), day(1999, 12, 31))
    assert decade.granularity is Granularity.DECADE
    summer = only("He was convicted last summer.")
    assert (summer.date, summer.end_date) == (day(2018, 6, 1), day(2018, 8, 31))
    assert summer.granularity is Granularity.SEASON
    winter = only("It was the coldest since the winter of 2009-10.")
    assert (winter.date, winter.end_date) == (day(2009, 12, 1), day(2010, 2, 28))
    assert dates("Prices fall late in the day.") == []


def test_holidays() -> None:
    assert only("Shops closed on Christmas Day 2018.").date == day(2018, 12, 25)
    assert only("Crowds gathered on Good Friday.").date == day(2018, 3, 30)  # Easter 2018: 1 April
    assert only("They will marry at Easter.").date == day(2019, 4, 21)
    assert dates("The Easter Rising is remembered.") == []


# ---- relative dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("The mayor resigned last week.", day(2019, 2, 4), day(2019, 2, 10), Granularity.WEEK),
        ("Repairs finish this week.", day(2019, 2, 11), day(2019, 2, 17), Granularity.WEEK),
        ("Repairs finish next week.", day(2019, 2, 18), day(2019, 2, 24), Granularity.WEEK),
        (
            "The bridge could be reopened in the coming week.",
            day(2019, 2, 13),
            day(2019, 2, 19),
            Granularity.WEEK,
        ),
        ("Sales fell last month.", day(2019, 1, 1), day(2019, 1, 31), Granularity.MONTH),
        ("Sales fell last year.", day(2018, 1, 1), day(2018, 12, 31), Granularity.YEAR),
        ("Sales fell earlier this month.", day(2019, 2, 1), day(2019, 2, 12), Granularity.MONTH),
        ("Crowds gathered last weekend.", day(2019, 2, 9), day(2019, 2, 10), Granularity.DAY),
        ("Prices rose yesterday.", day(2019, 2, 11), day(2019, 2, 11), Granularity.DAY),
        ("Fans queued last night.", day(2019, 2, 11), day(2019, 2, 11), Granularity.DAY),
        ("The result is due tomorrow.", day(2019, 2, 13), day(2019, 2, 13), Granularity.DAY),
        ("It closed five days ago.", day(2019, 2, 7), day(2019, 2, 7), Granularity.DAY),
        ("It closed three years ago.", day(2016, 1, 1), day(2016, 12, 31), Granularity.YEAR),
    ],
)
def test_relative_dates(text: str, start: dt.date, end: dt.date, granularity: Granularity) -> None:
    claim = only(text)
    assert (claim.date, claim.end_date) == (start, end)
    assert claim.granularity is granularity
    assert claim.resolution is Resolution.RELATIVE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A storm formed over the islands this weekend.", day(2019, 2, 9)),
        ("The fair is held this weekend.", day(2019, 2, 16)),
        ("This Sunday, an inventor flew across the bay.", day(2019, 2, 10)),
        ("This Sunday, the inventor will try again.", day(2019, 2, 17)),
        ("Crowds gathered over the weekend.", day(2019, 2, 9)),
    ],
)
def test_this_weekend_and_this_weekday_follow_the_tense(text: str, expected: dt.date) -> None:
    assert only(text).date == expected


def test_narrative_relative_words_are_not_anchored_on_publication() -> None:
    assert dates("The birds return the next year to nest.") == []
    claim = only("The agency published its report the next day.")
    assert claim.date is None and claim.resolution is Resolution.UNRESOLVED
    after = dates("They met on February 3 and signed the day after.")[1]
    assert after.date == day(2019, 2, 4)
    restated = dates("He was seen on February 3, the day before he vanished.")[1]
    assert restated.date == day(2019, 2, 3)
    event = dates("They met on February 3 and signed the day before the vote.")[1]
    assert event.date is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The court suspended the parliament until October 14.",
            day(2019, 9, 24),
            day(2019, 10, 14),
        ),
        ("Events have been planned until December.", day(2019, 5, 3), day(2019, 12, 1)),
        ("He was held until March 3 and then freed.", day(2019, 3, 10), day(2019, 3, 3)),
    ],
)
def test_until_places_an_end_point_whatever_the_tense(
    text: str, published: dt.date, expected: dt.date
) -> None:
    claim = only(text, published=published)
    assert claim.date == expected
    assert claim.tense is Tense.UNKNOWN


def test_a_plan_is_placed_by_nearness() -> None:
    text = "Delegates were required to attend the convention, scheduled for July 11."
    assert only(text, published=day(2020, 6, 19)).date == day(2020, 7, 11)


def test_times_are_not_dates() -> None:
    assert dates("The train left at 10:30 and arrived at 3 p.m.") == []


def test_today_as_a_name_is_not_a_date() -> None:
    assert dates("According to USA Today the talks failed.") == []
    assert only("Today, the council voted.").date == TUESDAY


# ---- datelines and odd input ----------------------------------------------------------------


def test_dateline_sentence_is_marked() -> None:
    claim = dates("Published: Tue, February 12, 2019", index=0)[0]
    assert claim.is_dateline and claim.weekday == 1 and claim.date == TUESDAY
    body = dates("The report was published on Tue, February 12, 2019.", index=0)[0]
    assert not body.is_dateline
    later = dates("Friday, January 4, 2019", index=8, offset=2000)[0]
    assert not later.is_dateline


@pytest.mark.parametrize("text", ["", "   ", "2019", "\u200b\n", "))((", "In 99999999999 years."])
def test_odd_input_gives_no_traceback(text: str) -> None:
    assert isinstance(dates(text), list)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("MayJunTuesday 0123456789,-–.lastnextweek'")), max_size=60
    )
)
def test_any_text_gives_spans_inside_the_sentence(text: str) -> None:
    for claim in dates(text, offset=10):
        assert 10 <= claim.span.start < claim.span.end <= 10 + len(text)
        assert claim.text == text[claim.span.start - 10 : claim.span.end - 10]
    for claim in dates(text, published=None):
        if claim.resolution is not Resolution.ABSOLUTE:
            assert claim.date is None or claim.granularity is Granularity.DECADE


def test_lexicon_helpers() -> None:
    assert month_number("Sept.") == 9 and month_number("FEB") == 2 and month_number("Mayo") is None
    assert weekday_number("Thurs") == 3 and weekday_number("We") is None


def test_tense_detector() -> None:
    def at(text: str, word: str) -> Tense:
        return tense_near(text, text.index(word), text.index(word) + len(word))

    assert at("The talks could be completed in the coming week.", "coming week") is Tense.FUTURE
    assert at("Another explosion hit the bus on Monday.", "Monday") is Tense.PAST
    assert at("He has been ill since Thursday.", "Thursday") is Tense.PAST
    assert at("She is to visit on Friday.", "Friday") is Tense.FUTURE
    assert at("He was arrested at 2am (0100 UTC) on Sunday.", "Sunday") is Tense.PAST
    assert at("The meeting is on Friday.", "Friday") is Tense.PRESENT


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        # a participle that modifies a noun is no verb of the clause
        ("After stalled talks the deadline now stands at June 30, 2020.", "June 30, 2020",
         Tense.UNKNOWN),
        ("An armed group stormed the depot on March 3.", "March 3", Tense.PAST),
        # deadlines, terms and end points have no tense of their own
        ("The lease on the depot expires in 2024.", "2024", Tense.UNKNOWN),
        ("She won a seat for a term ending in 2023.", "2023", Tense.UNKNOWN),
        ("The old deadline expired on March 3.", "March 3", Tense.PAST),
        # a plan made in the past names an event still to come
        ("The council agreed to rebuild the pier in 2023.", "2023", Tense.UNKNOWN),
        ("The firm announced plans to float in 2022.", "2022", Tense.UNKNOWN),
        # a condition is its own clause
        ("Aides said she would stand again in 2024 if she lost in 2020.", "2024",
         Tense.UNKNOWN),
        ("Aides said she would stand again in 2024 if she lost in 2020.", "2020", Tense.PAST),
        # the verb nearest the date in its clause governs it
        ("The troops moved on December 2, 2019, having first sealed the roads.",
         "December 2, 2019", Tense.PAST),
    ],
)  # fmt: skip
def test_tense_comes_from_the_verb_governing_the_date(text, word, tense) -> None:
    start = text.index(word)
    assert tense_near(text, start, start + len(word)) is tense


@pytest.mark.parametrize(
    ("text", "written", "tense"),
    [
        ("The bridge over the Tay was opened in 2021.", "2021", Tense.PAST),
        # a year that names something is not the time of the clause's event
        ("He was a candidate in the 2020 Senate primary.", "2020", Tense.UNKNOWN),
        ("She announced her 2020 campaign in Denver.", "2020", Tense.UNKNOWN),
        ("The club qualified for the 2022 World Cup.", "2022", Tense.UNKNOWN),
        ("The party did well in 2022 local elections.", "2022", Tense.UNKNOWN),
        # a bound or a target is not the time of the event either
        ("The two states agreed on a pipeline to be built by 2025.", "2025", Tense.UNKNOWN),
        ("His term as governor was through 2021.", "2021", Tense.UNKNOWN),
        (
            "Support for the release was moved up from May 2029 to December 2021.",
            "May 2029",
            Tense.UNKNOWN,
        ),
        # "moved on" a date says when the moving happened; "postponed to" a date plans it
        ("The rebels moved on March 3, 2019, officials said.", "March 3, 2019", Tense.PAST),
        ("The vote was postponed to March 3, 2019.", "March 3, 2019", Tense.UNKNOWN),
    ],
)
def test_a_date_gets_the_tense_of_the_event_it_places(text, written, tense) -> None:
    [claim] = [c for c in dates(text) if c.text == written]
    assert claim.tense is tense


def test_two_months_joined_by_and_after_a_relative_word_are_one_period() -> None:
    published = day(2019, 2, 21)
    first, second = dates("The shutdown lasted this past December and January.", published)
    assert (first.text, first.date, first.resolution) == (
        "this past December",
        day(2018, 12, 1),
        Resolution.RELATIVE,
    )
    assert (second.text, second.date, second.end_date, second.resolution) == (
        "January",
        day(2019, 1, 1),
        day(2019, 1, 31),
        Resolution.RELATIVE,
    )
    # "last October and November" told in June: the two months of the past autumn
    _, november = dates("Sales slumped last October and November.", day(2019, 6, 1))
    assert (november.date, november.resolution) == (day(2018, 11, 1), Resolution.RELATIVE)
    # a month on its own keeps the tense's reading
    alone = [c for c in dates("It was cold last December; in January it snowed.", published)]
    assert alone[-1].resolution is not Resolution.RELATIVE


def test_the_weekend_of_a_date_is_that_date_not_a_relative_weekend() -> None:
    found = dates("The fair is held over the weekend of 9 and 10 July in Perth.")
    assert [c.text for c in found] == ["9 and 10 July"]
    assert [c.text for c in dates("The pair met over the weekend in Perth.")] == ["the weekend"]


# ---- the project's example article (skipped when ../shared is absent) -----------------------


def _example_claims() -> list[DateClaim]:
    from factcheck.extract.sentences import split_sentences

    path = SHARED / "examples" / "syria-baghouz-2019.txt"
    if not path.exists():
        pytest.skip("shared examples not available")
    claims: list[DateClaim] = []
    for item in split_sentences(path.read_text(encoding="utf-8")):
        claims.extend(extract_dates(item, TUESDAY))
    return claims


def test_example_article_dates_resolve_as_the_expected_table_says() -> None:
    claims = _example_claims()
    resolved = {(c.text, c.date, c.end_date) for c in claims}
    assert ("Tue, February 12, 2019", TUESDAY, TUESDAY) in resolved
    assert claims[0].is_dateline and claims[0].weekday == TUESDAY.weekday()
    assert ("February 10", day(2019, 2, 10), day(2019, 2, 10)) in resolved
    assert ("Monday", day(2019, 2, 11), day(2019, 2, 11)) in resolved
    assert ("last week", day(2019, 2, 4), day(2019, 2, 10)) in resolved
    assert ("the coming week", day(2019, 2, 13), day(2019, 2, 19)) in resolved
    assert ("mid-December", day(2018, 12, 11), day(2018, 12, 20)) in resolved
    assert ("September", day(2018, 9, 1), day(2018, 9, 30)) in resolved
    assert ("2014", day(2014, 1, 1), day(2014, 12, 31)) in resolved
    assert not any(c.text.lower() == "may" for c in claims)
    assert len(claims) == 9


def test_corpus_weekday_and_date_pairs_are_consistent() -> None:
    """Every weekday written with a date in the dated corpus articles matches the calendar
    (the corpus README counts 183 such pairs, all correct), so any mismatch is ours."""
    path = SHARED / "corpus" / "news-dev.jsonl"
    if not path.exists():
        pytest.skip("shared corpus not available")
    pairs = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            if not document.get("published"):
                continue
            published = dt.date.fromisoformat(document["published"])
            # Lines stand in for sentences: a weekday and its date never straddle a line.
            for index, match in enumerate(re.finditer(r"[^\n]+", document["text"])):
                item = Sentence(Span(match.start(), match.end()), match.group(0), index)
                for claim in extract_dates(item, published):
                    if claim.weekday is None or claim.resolution is Resolution.RELATIVE:
                        continue
                    pairs += 1
                    assert claim.date is not None and claim.date.weekday() == claim.weekday, (
                        document["id"],
                        claim.text,
                    )
    assert pairs >= 183


def test_lists_of_years_and_periods_between_years() -> None:
    assert [c.text for c in dates("He was re-elected in 2014 and 2018.")] == ["2014", "2018"]
    claim = only("Between 2010 and 2015 prices rose.")
    assert (claim.date, claim.end_date) == (day(2010, 1, 1), day(2015, 12, 31))


def test_find_dates_reports_local_offsets() -> None:
    text = "From 2010 to 2015 output doubled."
    (found,) = find_dates(text)
    assert text[found.start : found.end] == "2010 to 2015"
    assert (found.year, found.year_end) == (2010, 2015)
