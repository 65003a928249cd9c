"""relative_date: dates that the publication date contradicts.

Anti-patterns::

    The vote took place on March 3, 2019.     # published 2019-02-12: not yet past
    The mayor resigned yesterday, March 3.    # published 2024-03-10: yesterday was March 9

(a) ``past_event_after_publication``: a date in a past-tense clause that begins after the
publication date. Only dates whose year was written (or that were written in full) count: a
date whose year was chosen from the tense is in the past by construction. Days, months and
years are judged ("He became finance minister in 2022", published 2019); the tense is that of
the verb governing the date, and extraction leaves a date with no tense where it names or
bounds something instead of dating the event ("the 2020 census", "by 2025", "the deadline
stands at October 31").

(b) ``relative_contradicts_absolute``: a relative reference ("yesterday", "last week", "on
Monday") and an absolute date written right beside it ("yesterday, March 3", "last year
(2018)") that do not overlap. "Beside" is measured on the claims' spans only, so it is kept
tight: a few characters, and an absolute date at least as fine as the relative one.

Everything is measured against ``Claims.published``, never against today's clock; without a
publication date this check says nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.claims import Claims, DateClaim, Granularity, Resolution, Tense
from factcheck.document import Span
from factcheck.findings import Outcome

# "next Wednesday", "last Monday", "this Friday" name one of two weeks, depending on the
# writer; those readings are 7 days apart.
_AMBIGUOUS_WEEKDAY_WORDS = ("next", "last", "this", "coming", "past")
_ABSOLUTE = (Resolution.ABSOLUTE, Resolution.PUBLICATION, Resolution.TENSE)
# Coarseness of a period: an absolute date restates a relative one only if it is as fine.
_RANK = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.SEASON: 3,
    Granularity.YEAR: 4,
    Granularity.DECADE: 5,
}


@register(
    "relative_date",
    defaults={
        # Days a past-tense date may lie after the publication date before it is reported:
        # time zones put an evening event in one place on the next day elsewhere.
        "grace_days": 1,
        # A slip in the year moves a past day or month at most a year forward; dates further
        # out in a past-tense clause are plans, terms and deadlines ("his term was through
        # 2021").
        "max_days_after": 366,
        # A year told as past ("became minister in 2022") may be mistyped by more than one
        # year (2012 -> 2021); a year decades ahead is a target ("net zero in 2050").
        "max_years_after": 10,
        # Extraction gives a year the tense of its event only where the year dates the
        # clause: a year that names something ("a candidate in the 2020 primary") or bounds it
        # ("by 2025", "through 2021") has no tense, so years can be judged like days.
        "granularities": ["day", "month", "year"],
        # Most characters between a relative reference and an absolute date for the two to be
        # read as one date written twice: ", " / " (" / " — ". Spans are all a check sees, so
        # the gap is kept short enough that no joining word (" and ", " of ", " to ") fits.
        "max_gap": 3,
        # Weeks start on Sunday in some usage and Monday in other: allow one day either side.
        "week_slack_days": 1,
        "ambiguous_weekday_slack_days": 7,
    },
    codes=("past_event_after_publication", "relative_contradicts_absolute"),
)
def check_relative_date(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """Past events must precede publication; a relative date must agree with the date beside
    it."""
    published = claims.published
    if published is None:
        return
    grace = int(params.get("grace_days", 1))
    max_after = int(params.get("max_days_after", 366))
    max_years = int(params.get("max_years_after", 10))
    granularities = {str(g) for g in params.get("granularities", ["day", "month", "year"])}
    for claim in claims.dates:
        if str(claim.granularity) not in granularities:
            continue
        outcome = _past_after_publication(claim, published, grace, max_after, max_years)
        if outcome is not None:
            yield outcome
    yield from _appositions(claims, published, params)


# ---------------------------------------------------------------------------------------------
# (a) past tense, future date


def _past_after_publication(
    claim: DateClaim, published: dt.date, grace: int, max_after: int, max_years: int
) -> Outcome | None:
    if claim.date is None or claim.tense is not Tense.PAST or claim.is_dateline:
        return None
    if not (claim.year_written or claim.resolution is Resolution.ABSOLUTE):
        return None
    days_after = (claim.date - published).days
    if days_after <= grace:
        return None
    if claim.granularity in (Granularity.YEAR, Granularity.DECADE):
        if claim.date.year - published.year > max_years:
            return None
    elif days_after > max_after:
        return None
    period = describe(claim.date, claim.granularity)
    earlier = _year_before(claim.date)
    if earlier is not None and earlier <= published:
        fix = f"if the year is a slip, {describe(earlier, claim.granularity)} would fit"
    else:
        fix = "check the year"
    return Outcome(
        code="past_event_after_publication",
        ok=False,
        span=claim.span,
        message=(
            f"{claim.text} is told as past, but {period} is after the publication date "
            f"({published.isoformat()})."
        ),
        evidence={
            "date": claim.date.isoformat(),
            "published": published.isoformat(),
            "days_after": days_after,
            "tense": str(claim.tense),
            "grace_days": grace,
        },
        values={
            "text": claim.text,
            "date": period,
            "published": published.isoformat(),
            "days_after": days_after,
        },
        suggestion=(
            f"Either the date is wrong ({fix}) or the event is still to come and the tense "
            "should say so; also check the publication date."
        ),
    )


def _year_before(date: dt.date) -> dt.date | None:
    try:
        return date.replace(year=date.year - 1)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# (b) "yesterday, March 3"


def _appositions(
    claims: Claims, published: dt.date, params: Mapping[str, Any]
) -> Iterable[Outcome]:
    max_gap = int(params.get("max_gap", 3))
    dated = sorted(
        (d for d in claims.dates if d.date is not None and not d.is_dateline),
        key=lambda d: d.span.start,
    )
    for left, right in zip(dated, dated[1:], strict=False):
        if left.sentence != right.sentence:
            continue
        if right.span.start - left.span.end > max_gap or left.span.overlaps(right.span):
            continue
        kinds = {left.resolution is Resolution.RELATIVE, right.resolution is Resolution.RELATIVE}
        if kinds != {True, False}:
            continue
        relative, absolute = (
            (left, right)
            if left.resolution is Resolution.RELATIVE
            else (
                right,
                left,
            )
        )
        if absolute.resolution not in _ABSOLUTE:
            continue
        if _RANK[absolute.granularity] > _RANK[relative.granularity]:
            continue  # "the last weekend of July": the month frames the relative part

        yield _compare(relative, absolute, published, params)


def _compare(
    relative: DateClaim, absolute: DateClaim, published: dt.date, params: Mapping[str, Any]
) -> Outcome:
    slack = _slack(relative, params)
    rel_start, rel_end = _period(relative)
    abs_start, abs_end = _period(absolute)
    if not absolute.year_written and absolute.resolution is not Resolution.ABSOLUTE:
        # The year was inferred; the relative reference is the better witness of it
        # ("last year, August 8"). Compare with the nearest such day.
        abs_start, abs_end = _nearest_year(abs_start, abs_end, rel_start, rel_end)
    lo = rel_start - dt.timedelta(days=slack)
    hi = rel_end + dt.timedelta(days=slack)
    span = _union(relative, absolute)
    relative_period = describe_period(rel_start, rel_end, relative.granularity)
    absolute_period = describe_period(abs_start, abs_end, absolute.granularity)
    values = {
        "relative": relative.text,
        "absolute": absolute.text,
        "relative_date": relative_period,
        "absolute_date": absolute_period,
        "published": published.isoformat(),
    }
    evidence = {
        "relative": relative.text,
        "relative_start": rel_start.isoformat(),
        "relative_end": rel_end.isoformat(),
        "absolute": absolute.text,
        "absolute_start": abs_start.isoformat(),
        "absolute_end": abs_end.isoformat(),
        "published": published.isoformat(),
        "tolerance_days": slack,
    }
    if abs_start <= hi and lo <= abs_end:
        return Outcome(
            code="relative_contradicts_absolute",
            ok=True,
            span=span,
            message=(
                f'"{relative.text}" and "{absolute.text}" agree: both fall on '
                f"{absolute_period} for an article of {published.isoformat()}."
            ),
            evidence=evidence,
            values=values,
        )
    gap_days = (abs_start - rel_end).days if abs_start > rel_end else (rel_start - abs_end).days
    evidence["days_apart"] = gap_days
    values["days_apart"] = gap_days
    return Outcome(
        code="relative_contradicts_absolute",
        ok=False,
        span=span,
        related=[relative.span, absolute.span],
        message=(
            f'"{relative.text}" in an article of {published.isoformat()} means '
            f"{relative_period}, but the date beside it is {absolute_period}."
        ),
        evidence=evidence,
        values=values,
        suggestion=(
            f'Either "{relative.text}" or "{absolute.text}" is wrong: the relative reference '
            f"points to {relative_period}; check the date, the relative word, and the "
            "publication date."
        ),
    )


def _slack(relative: DateClaim, params: Mapping[str, Any]) -> int:
    if relative.granularity is Granularity.WEEK:
        return int(params.get("week_slack_days", 1))
    if relative.weekday is not None:
        words = relative.text.lower().split()
        if any(w in _AMBIGUOUS_WEEKDAY_WORDS for w in words):
            return int(params.get("ambiguous_weekday_slack_days", 7))
    return 0


def _period(claim: DateClaim) -> tuple[dt.date, dt.date]:
    start = claim.date
    end = claim.end_date if claim.end_date is not None and claim.end_date >= start else start
    return start, end


def _nearest_year(
    start: dt.date, end: dt.date, rel_start: dt.date, rel_end: dt.date
) -> tuple[dt.date, dt.date]:
    best = (start, end)
    best_distance = _distance(start, end, rel_start, rel_end)
    for shift in (-1, 1):
        try:
            cand = (start.replace(year=start.year + shift), end.replace(year=end.year + shift))
        except ValueError:
            continue
        distance = _distance(*cand, rel_start, rel_end)
        if distance < best_distance:
            best, best_distance = cand, distance
    return best


def _distance(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> int:
    if a_start > b_end:
        return (a_start - b_end).days
    if b_start > a_end:
        return (b_start - a_end).days
    return 0


def _union(a: DateClaim, b: DateClaim) -> Span:
    return Span(min(a.span.start, b.span.start), max(a.span.end, b.span.end))


def describe(date: dt.date, granularity: Granularity) -> str:
    """A period in words: "3 March 2019", "March 2019", "2019", "the 2010s"."""
    if granularity is Granularity.DECADE:
        return f"the {date.year - date.year % 10}s"
    if granularity is Granularity.YEAR:
        return str(date.year)
    if granularity is Granularity.MONTH:
        return f"{calendar.month_name[date.month]} {date.year}"
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


def describe_period(start: dt.date, end: dt.date, granularity: Granularity) -> str:
    if end != start and granularity not in (
        Granularity.MONTH,
        Granularity.YEAR,
        Granularity.DECADE,
    ):
        return f"{describe(start, Granularity.DAY)} to {describe(end, Granularity.DAY)}"
    return describe(start, granularity)
