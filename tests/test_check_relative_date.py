"""relative_date check: past events after publication; relative dates against absolute ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck import checks
from factcheck.checks.relative_date import check_relative_date
from factcheck.claims import Claims, DateClaim, Granularity, Resolution, Tense
from factcheck.document import Span
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parents[1] / "rules" / "relative_date.yaml"
DEFAULTS = dict(checks.get("relative_date").defaults)
D = dt.date


def date_claim(text: str, surface: str, date: D | None, **fields) -> DateClaim:
    start = text.index(surface)
    return DateClaim(Span(start, start + len(surface)), surface, date, **fields)


def run(published: D | None, *dates: DateClaim, **params):
    claims = Claims(published=published, dates=list(dates))
    return list(check_relative_date(claims, {**DEFAULTS, **params}))


# (a) past tense after publication -------------------------------------------------------------

VOTE = "The vote took place on March 3, 2019, officials said."


def vote(**fields) -> DateClaim:
    fields.setdefault("year_written", True)
    fields.setdefault("tense", Tense.PAST)
    return date_claim(VOTE, "March 3, 2019", D(2019, 3, 3), **fields)


def test_past_event_after_publication_is_flagged():
    [outcome] = run(D(2019, 2, 12), vote())
    assert not outcome.ok and outcome.code == "past_event_after_publication"
    assert outcome.evidence["days_after"] == 19
    assert outcome.evidence["published"] == "2019-02-12"
    assert outcome.values["date"] == "3 March 2019"
    assert "3 March 2018 would fit" in outcome.suggestion


def test_past_event_before_publication_or_within_grace_passes():
    assert run(D(2019, 3, 10), vote()) == []
    assert run(D(2019, 3, 2), vote()) == []  # one day's grace for time zones
    assert [o.code for o in run(D(2019, 3, 2), vote(), grace_days=0)] == [
        "past_event_after_publication"
    ]


def test_only_written_years_and_past_tense_count():
    assert run(D(2019, 2, 12), vote(tense=Tense.FUTURE)) == []
    assert run(D(2019, 2, 12), vote(tense=Tense.UNKNOWN)) == []
    # A year chosen from the tense is past by construction: never flagged.
    assert run(D(2019, 2, 12), vote(year_written=False, resolution=Resolution.TENSE)) == []
    # Written in full counts even if the flag was not set.
    flagged = run(D(2019, 2, 12), vote(year_written=False, resolution=Resolution.ABSOLUTE))
    assert [o.ok for o in flagged] == [False]
    assert run(D(2019, 2, 12), vote(is_dateline=True)) == []


def year_claim(text: str, year: int, tense: Tense = Tense.PAST) -> DateClaim:
    return date_claim(
        text,
        str(year),
        D(year, 1, 1),
        end_date=D(year, 12, 31),
        granularity=Granularity.YEAR,
        year_written=True,
        tense=tense,
    )


def test_a_year_told_as_past_after_publication_is_flagged():
    text = "He became finance minister in 2022, his office said."
    [outcome] = run(D(2019, 8, 16), year_claim(text, 2022))
    assert not outcome.ok and outcome.code == "past_event_after_publication"
    assert outcome.values["date"] == "2022"
    assert outcome.evidence["days_after"] == (D(2022, 1, 1) - D(2019, 8, 16)).days
    # The publication year itself has begun: a past event in it is no contradiction.
    assert run(D(2019, 8, 16), year_claim(text.replace("2022", "2019"), 2019)) == []
    # A year that names or bounds something gets no tense from extraction.
    assert run(D(2019, 8, 16), year_claim(text, 2022, Tense.UNKNOWN)) == []
    assert run(D(2019, 8, 16), year_claim(text, 2022), granularities=["day", "month"]) == []


def test_far_future_dates_are_plans_not_slips():
    text = "The target was met in 2050; his term was through December 31, 2021."
    far_year = year_claim(text, 2050)
    far_day = date_claim(
        text, "December 31, 2021", D(2021, 12, 31), year_written=True, tense=Tense.PAST
    )
    assert run(D(2019, 8, 16), far_year, far_day) == []
    assert [o.ok for o in run(D(2019, 8, 16), far_year, max_years_after=40)] == [False]
    assert [o.ok for o in run(D(2019, 8, 16), far_day, max_days_after=1000)] == [False]


def test_month_granularity_uses_the_first_day():
    text = "Elections were held in March 2019."
    claim = date_claim(
        text,
        "March 2019",
        D(2019, 3, 1),
        end_date=D(2019, 3, 31),
        granularity=Granularity.MONTH,
        year_written=True,
        tense=Tense.PAST,
    )
    assert run(D(2019, 3, 15), claim) == []
    [outcome] = run(D(2019, 2, 12), claim)
    assert outcome.values["date"] == "March 2019"


def test_no_publication_date_no_outcomes():
    text = "The mayor resigned yesterday, March 3."
    rel = date_claim(text, "yesterday", D(2024, 3, 9), resolution=Resolution.RELATIVE)
    absolute = date_claim(text, "March 3", D(2024, 3, 3), resolution=Resolution.PUBLICATION)
    assert run(None, vote(), rel, absolute) == []


# (b) relative next to absolute ----------------------------------------------------------------

MAYOR = "The mayor resigned yesterday, March 3, her office said."


def mayor(day: int, **fields):
    rel = date_claim(
        MAYOR, "yesterday", D(2024, 3, 9), resolution=Resolution.RELATIVE, tense=Tense.PAST
    )
    text = MAYOR.replace("March 3", f"March {day}")
    absolute = date_claim(
        text, f"March {day}", D(2024, 3, day), resolution=Resolution.PUBLICATION, **fields
    )
    return rel, absolute


def test_yesterday_contradicting_its_date_is_flagged():
    rel, absolute = mayor(3)
    [outcome] = run(D(2024, 3, 10), rel, absolute)
    assert not outcome.ok and outcome.code == "relative_contradicts_absolute"
    assert outcome.span == Span(rel.span.start, absolute.span.end)
    assert outcome.related == [rel.span, absolute.span]
    assert outcome.evidence["relative_start"] == "2024-03-09"
    assert outcome.evidence["absolute_start"] == "2024-03-03"
    assert outcome.evidence["days_apart"] == 6
    assert '"yesterday"' in outcome.suggestion and '"March 3"' in outcome.suggestion


def test_yesterday_matching_its_date_is_verified():
    rel, absolute = mayor(9)
    [outcome] = run(D(2024, 3, 10), rel, absolute)
    assert outcome.ok


def test_far_apart_claims_are_not_read_as_one_date():
    text = "The council met yesterday to discuss the storm of March 3."
    rel = date_claim(text, "yesterday", D(2024, 3, 9), resolution=Resolution.RELATIVE)
    absolute = date_claim(text, "March 3", D(2024, 3, 3), resolution=Resolution.PUBLICATION)
    assert run(D(2024, 3, 10), rel, absolute) == []


def test_claims_in_different_sentences_are_not_compared():
    text = "It rained yesterday. March 3 was dry."
    rel = date_claim(text, "yesterday", D(2024, 3, 9), resolution=Resolution.RELATIVE)
    absolute = date_claim(
        text, "March 3", D(2024, 3, 3), resolution=Resolution.PUBLICATION, sentence=1
    )
    assert run(D(2024, 3, 10), rel, absolute) == []


def test_last_week_allows_either_week_start():
    text = "Last week (March 3) the council voted."
    week = date_claim(
        text,
        "Last week",
        D(2024, 3, 4),
        end_date=D(2024, 3, 10),
        granularity=Granularity.WEEK,
        resolution=Resolution.RELATIVE,
    )
    sunday = date_claim(text, "March 3", D(2024, 3, 3), resolution=Resolution.PUBLICATION)
    assert [o.ok for o in run(D(2024, 3, 14), week, sunday)] == [True]
    assert [o.ok for o in run(D(2024, 3, 14), week, sunday, week_slack_days=0)] == [False]
    far = date_claim(
        text.replace("March 3", "March 1"),
        "March 1",
        D(2024, 3, 1),
        resolution=Resolution.PUBLICATION,
    )
    assert [o.ok for o in run(D(2024, 3, 14), week, far)] == [False]


def test_lists_and_frames_are_not_appositions():
    # " and " joins two dates; "the last weekend of July" is framed by the month.
    text = "a shutdown this past December and January"
    december = date_claim(
        text,
        "this past December",
        D(2018, 12, 1),
        end_date=D(2018, 12, 31),
        granularity=Granularity.MONTH,
        resolution=Resolution.RELATIVE,
    )
    january = date_claim(
        text,
        "January",
        D(2019, 1, 1),
        end_date=D(2019, 1, 31),
        granularity=Granularity.MONTH,
        resolution=Resolution.PUBLICATION,
    )
    assert run(D(2019, 2, 21), december, january) == []
    assert [o.ok for o in run(D(2019, 2, 21), december, january, max_gap=5)] == [False]
    text = "on the last weekend, July 27"
    weekend = date_claim(
        text,
        "last weekend",
        D(2019, 8, 3),
        end_date=D(2019, 8, 4),
        granularity=Granularity.WEEK,
        resolution=Resolution.RELATIVE,
    )
    july = date_claim(
        text,
        "July 27",
        D(2019, 7, 1),
        end_date=D(2019, 7, 31),
        granularity=Granularity.MONTH,
        resolution=Resolution.PUBLICATION,
    )
    assert run(D(2019, 8, 5), weekend, july) == []


def test_bare_weekday_must_match_but_next_weekday_may_mean_either_week():
    text = "He resigned on Monday, February 12."
    monday = date_claim(text, "Monday", D(2024, 2, 19), weekday=0, resolution=Resolution.RELATIVE)
    feb12 = date_claim(text, "February 12", D(2024, 2, 12), resolution=Resolution.PUBLICATION)
    [outcome] = run(D(2024, 2, 20), monday, feb12)
    assert not outcome.ok and outcome.evidence["days_apart"] == 7

    text = "He will resign next Wednesday, July 31."
    nxt = date_claim(
        text, "next Wednesday", D(2019, 8, 7), weekday=2, resolution=Resolution.RELATIVE
    )
    jul31 = date_claim(text, "July 31", D(2019, 7, 31), resolution=Resolution.PUBLICATION)
    assert [o.ok for o in run(D(2019, 7, 28), nxt, jul31)] == [True]


def test_an_inferred_year_yields_to_the_relative_reference():
    text = "Last year, August 8 was a happy day."
    last_year = date_claim(
        text,
        "Last year",
        D(2019, 1, 1),
        end_date=D(2019, 12, 31),
        granularity=Granularity.YEAR,
        resolution=Resolution.RELATIVE,
    )
    aug8 = date_claim(text, "August 8", D(2020, 8, 8), resolution=Resolution.PUBLICATION)
    assert [o.ok for o in run(D(2020, 9, 3), last_year, aug8)] == [True]
    aug8.year_written = True
    assert [o.ok for o in run(D(2020, 9, 3), last_year, aug8)] == [False]


def test_two_relative_or_two_absolute_dates_are_not_compared():
    text = "yesterday, today; March 3, March 4"
    a = date_claim(text, "yesterday", D(2024, 3, 9), resolution=Resolution.RELATIVE)
    b = date_claim(text, "today", D(2024, 3, 10), resolution=Resolution.RELATIVE)
    c = date_claim(text, "March 3", D(2024, 3, 3), resolution=Resolution.PUBLICATION)
    d = date_claim(text, "March 4", D(2024, 3, 4), resolution=Resolution.PUBLICATION)
    assert run(D(2024, 3, 10), a, b) == []
    assert run(D(2024, 3, 10), c, d) == []


def test_rule_file_loads_cleanly():
    rules, problems = load_file(RULES)
    assert problems == []
    severities = {r.id: (r.codes, str(r.severity)) for r in rules}
    assert severities == {
        "past-event-after-publication": (("past_event_after_publication",), "warning"),
        "relative-contradicts-absolute": (("relative_contradicts_absolute",), "warning"),
    }
    for rule in rules:
        assert all(e.published for e in rule.flag_examples + rule.pass_examples)
