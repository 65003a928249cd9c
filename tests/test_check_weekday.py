"""weekday check: a written weekday that does not fall on its date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import checks
from factcheck.checks.weekday import check_weekday, nearest_weekday
from factcheck.claims import Claims, DateClaim, Granularity, Resolution
from factcheck.document import Span
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parents[1] / "rules" / "weekday.yaml"
DEFAULTS = dict(checks.get("weekday").defaults)
MONDAY, TUESDAY, WEDNESDAY, SUNDAY = 0, 1, 2, 6


def date_claim(text: str, surface: str, date: dt.date | None, weekday: int | None, **fields):
    start = text.index(surface)
    return DateClaim(
        Span(start, start + len(surface)),
        surface,
        date,
        weekday=weekday,
        weekday_span=Span(start, start + 6) if weekday is not None else None,
        **fields,
    )


def run(*dates: DateClaim, published: dt.date | None = None, **params):
    return list(
        check_weekday(Claims(published=published, dates=list(dates)), {**DEFAULTS, **params})
    )


def test_mismatch_is_flagged_with_both_repairs():
    text = "Polls opened on Monday, March 3."
    claim = date_claim(
        text, "Monday, March 3", dt.date(2024, 3, 3), MONDAY, resolution=Resolution.PUBLICATION
    )
    [outcome] = run(claim, published=dt.date(2024, 2, 20))
    assert not outcome.ok and outcome.code == "mismatch"
    assert outcome.message == "March 3, 2024 was a Sunday, not a Monday."
    assert outcome.evidence["date"] == "2024-03-03"
    assert outcome.evidence["written"] == "Monday" and outcome.evidence["actual"] == "Sunday"
    assert '"Sunday, March 3"' in outcome.suggestion
    assert '"Monday, March 4"' in outcome.suggestion
    assert outcome.span == claim.span and outcome.related == [claim.weekday_span]


def test_day_first_dates_keep_their_order_and_written_year():
    text = "The treaty was signed on Wednesday, 5 March 2019 in Geneva."
    claim = date_claim(
        text, "Wednesday, 5 March 2019", dt.date(2019, 3, 5), WEDNESDAY, year_written=True
    )
    [outcome] = run(claim, published=dt.date(2019, 3, 8))
    assert outcome.values["date"] == "5 March 2019"
    assert outcome.values["keep_date"] == "Tuesday, 5 March 2019"
    assert outcome.values["keep_weekday"] == "Wednesday, 6 March 2019"


def test_matching_weekday_is_verified_and_dateline_says_so():
    text = "Tuesday, February 12, 2019\n\nThe polls opened on Monday, February 11."
    dateline = date_claim(
        text,
        "Tuesday, February 12, 2019",
        dt.date(2019, 2, 12),
        TUESDAY,
        year_written=True,
        is_dateline=True,
    )
    body = date_claim(
        text, "Monday, February 11", dt.date(2019, 2, 11), MONDAY, resolution=Resolution.PUBLICATION
    )
    first, second = run(dateline, body, published=dt.date(2019, 2, 12))
    assert first.ok and first.message.startswith("The dateline's weekday matches its date")
    assert second.ok and second.values["actual"] == "Monday"


def test_weekday_only_references_are_neither_checked_nor_verified():
    text = "The council met on Monday."
    claim = date_claim(
        text, "Monday", dt.date(2024, 3, 12), MONDAY, resolution=Resolution.RELATIVE
    )  # deliberately inconsistent
    assert run(claim, published=dt.date(2024, 3, 14)) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"granularity": Granularity.WEEK},
        {"resolution": Resolution.UNRESOLVED},
    ],
)
def test_unchecked_claims(fields):
    text = "Monday, March 3"
    claim = date_claim(text, text, dt.date(2024, 3, 3), MONDAY, **fields)
    assert run(claim, published=dt.date(2024, 2, 20)) == []


def test_no_date_or_no_weekday_says_nothing():
    text = "on Monday, March 3 and March 4"
    assert run(date_claim(text, "Monday, March 3", None, MONDAY)) == []
    assert run(date_claim(text, "March 4", dt.date(2024, 3, 4), None)) == []


def test_a_year_slip_by_the_resolver_is_not_blamed_on_the_writer():
    # "Monday, December 30" in an article of 2 January 2025: 30 Dec 2024 was a Monday; a
    # resolver that put it in 2025 (a Tuesday) got the year wrong, not the writer.
    text = "Talks began on Monday, December 30."
    claim = date_claim(
        text,
        "Monday, December 30",
        dt.date(2025, 12, 30),
        MONDAY,
        resolution=Resolution.PUBLICATION,
    )
    assert run(claim, published=dt.date(2025, 1, 2)) == []
    [outcome] = run(claim, published=dt.date(2025, 1, 2), allow_year_slip=False)
    assert not outcome.ok
    # With the year written, there is no slip to excuse.
    claim.year_written = True
    assert [o.ok for o in run(claim, published=dt.date(2025, 1, 2))] == [False]


@given(
    st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 24)),
    st.integers(min_value=0, max_value=6),
)
def test_nearest_weekday_is_within_three_days(date, weekday):
    nearest = nearest_weekday(date, weekday)
    assert nearest.weekday() == weekday
    assert abs((nearest - date).days) <= 3


def test_rule_file_loads_cleanly():
    rules, problems = load_file(RULES)
    assert problems == []
    [rule] = rules
    assert rule.check == "weekday" and str(rule.severity) == "error"
    assert all(e.published for e in rule.flag_examples + rule.pass_examples)
