"""weekday: a written weekday that does not fall on its date.

Anti-pattern::

    Polls opened on Monday, March 3.      # published 2024: 3 March 2024 was a Sunday

Either side may be the typo, so the suggestion offers both repairs ("Sunday, March 3" or
"Monday, March 4", the nearest date with the written weekday) and applies neither. Dates whose
day was found *from* the weekday ("on Monday", resolution RELATIVE) agree by construction and
are neither checked nor listed as verified.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.claims import Claims, DateClaim, Granularity, Resolution
from factcheck.findings import Outcome

WEEKDAYS = tuple(calendar.day_name)  # Monday first, as DateClaim.weekday counts
_DAY_FIRST = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]")


@register(
    "weekday",
    defaults={
        # When the year was not written and the extractor's year makes the weekday wrong while
        # the year before or after makes it right and lies nearer the publication date, the
        # year was probably resolved wrongly: stay silent rather than blame the writer.
        "allow_year_slip": True,
    },
    codes=("mismatch",),
)
def check_weekday(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A weekday written beside a date must be that date's weekday."""
    allow_year_slip = bool(params.get("allow_year_slip", True))
    for claim in claims.dates:
        if claim.weekday is None or claim.date is None:
            continue
        if claim.granularity is not Granularity.DAY or not 0 <= claim.weekday <= 6:
            continue
        if claim.resolution in (Resolution.RELATIVE, Resolution.UNRESOLVED):
            continue
        actual = claim.date.weekday()
        if actual == claim.weekday:
            yield _verified(claim)
            continue
        if allow_year_slip and _year_slip(claim, claims.published):
            continue
        yield _mismatch(claim)


def _verified(claim: DateClaim) -> Outcome:
    day = format_date(claim.date, claim)
    name = WEEKDAYS[claim.weekday]
    if claim.is_dateline:
        message = f"The dateline's weekday matches its date: {day} was a {name}."
    else:
        message = f"{day} was a {name}, as written."
    return Outcome(
        code="mismatch",
        ok=True,
        span=claim.span,
        message=message,
        evidence={"date": claim.date.isoformat(), "written": name, "actual": name},
        values={"date": day, "written": name, "actual": name},
    )


def _mismatch(claim: DateClaim) -> Outcome:
    date = claim.date
    written = WEEKDAYS[claim.weekday]
    actual = WEEKDAYS[date.weekday()]
    nearest = nearest_weekday(date, claim.weekday)
    keep_date = f"{actual}, {format_date(date, claim, short=True)}"
    keep_weekday = f"{written}, {format_date(nearest, claim, short=True)}"
    day = format_date(date, claim)
    return Outcome(
        code="mismatch",
        ok=False,
        span=claim.span,
        related=[claim.weekday_span] if claim.weekday_span else [],
        message=f"{day} was a {actual}, not a {written}.",
        evidence={
            "date": date.isoformat(),
            "written": written,
            "actual": actual,
            "nearest_date_with_written_weekday": nearest.isoformat(),
            "resolution": str(claim.resolution),
            "year_written": claim.year_written,
        },
        values={
            "date": day,
            "written": written,
            "actual": actual,
            "keep_date": keep_date,
            "keep_weekday": keep_weekday,
        },
        suggestion=(f'Either the weekday or the date is wrong: "{keep_date}" or "{keep_weekday}".'),
    )


def nearest_weekday(date: dt.date, weekday: int) -> dt.date:
    """The date closest to ``date`` that falls on ``weekday`` (never ``date`` itself unless it
    already does; no ties are possible, since 7 is odd)."""
    forward = (weekday - date.weekday()) % 7
    if forward <= 3:
        return date + dt.timedelta(days=forward)
    return date - dt.timedelta(days=7 - forward)


def _year_slip(claim: DateClaim, published: dt.date | None) -> bool:
    """True when the year was inferred, the written weekday fits the same day in an adjacent
    year, and that year puts the date nearer the publication date."""
    if claim.year_written or claim.resolution is Resolution.ABSOLUTE or published is None:
        return False
    distance = abs((claim.date - published).days)
    for year in (claim.date.year - 1, claim.date.year + 1):
        try:
            other = claim.date.replace(year=year)
        except ValueError:  # 29 February
            continue
        if other.weekday() == claim.weekday and abs((other - published).days) < distance:
            return True
    return False


def format_date(date: dt.date, claim: DateClaim, short: bool = False) -> str:
    """The date in the order the text wrote it ("3 March 2024" or "March 3, 2024"); ``short``
    drops the year unless the text wrote one."""
    day_first = bool(_DAY_FIRST.search(claim.text))
    month = calendar.month_name[date.month]
    with_year = not short or claim.year_written
    if day_first:
        return f"{date.day} {month} {date.year}" if with_year else f"{date.day} {month}"
    return f"{month} {date.day}, {date.year}" if with_year else f"{month} {date.day}"
