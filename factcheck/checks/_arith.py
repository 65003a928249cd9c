"""Interval arithmetic shared by the arithmetic checks (percent_change, percent_sum, age, drift).

Every figure is first read as the set of true values its wording admits
(``factcheck.tolerance.written_interval``); this module combines such sets: the ratio and
difference of two figures, a sum of shares, the ages a birth date allows on a day. A check
then asks whether the set it computed meets the set the text states, so a problem is reported
only when no rounding of the written figures explains it.

Two readings live here because ``written_interval`` has no figure to work with:

* a multiplier word ("doubled", "threefold") has no written digits; it is read as the factor
  plus or minus a relative ``slack``, with the hedge and bound of its wording;
* a ratio written in words ("one in five", "two-thirds") is itself a rounding of a fraction:
  "one in five" stands for any share that would be called one in five, 1/5.5 .. 1/4.5.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace

from factcheck.claims import Bound, Quantity
from factcheck.numberwords import word_value
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    Interval,
    figure,
    written_interval,
)

# Relative allowance around a multiplier word: "doubled" admits x1.9 .. x2.1.
DEFAULT_FACTOR_SLACK = 0.05
# How far a round endpoint of a stated change may be from its true value ("from 200 to 300").
# Tighter than the general 10 %: a writer who states a change usually gives the figures it was
# computed from.
DEFAULT_CHANGE_ROUND_SLACK = 0.02


def interval(
    q: Quantity | None,
    hedge_slack: float = DEFAULT_HEDGE_SLACK,
    round_slack: float | None = DEFAULT_ROUND_SLACK,
) -> Interval | None:
    """``written_interval`` that never raises and accepts None."""
    if q is None:
        return None
    try:
        return written_interval(q, hedge_slack, round_slack)
    except (ArithmeticError, ValueError, TypeError):
        return None


# --------------------------------------------------------------------------- combining sets


def ratio(before: Interval, after: Interval) -> Interval | None:
    """All values of after / before; None unless ``before`` is wholly positive and ``after``
    not negative (a relative change of a loss or across zero means nothing)."""
    if before.low <= 0 or after.low < 0:
        return None
    low = after.low / before.high if math.isfinite(before.high) else 0.0
    high = after.high / before.low
    return Interval(low, high)


def percent_change(before: Interval, after: Interval) -> Interval | None:
    """All relative changes from ``before`` to ``after``, in percent."""
    r = ratio(before, after)
    if r is None:
        return None
    return Interval((r.low - 1) * 100, (r.high - 1) * 100)


def difference(before: Interval, after: Interval) -> Interval:
    """All values of after - before (absolute change, or change in percentage points)."""
    return Interval(after.low - before.high, after.high - before.low)


def total(parts: list[Interval]) -> Interval:
    """All sums of one value from each part."""
    return Interval(sum(p.low for p in parts), sum(p.high for p in parts))


def negate(iv: Interval) -> Interval:
    return Interval(-iv.high, -iv.low)


def central(iv: Interval) -> float | None:
    """A representative value of a set for messages: its midpoint, or its finite end."""
    finite = [x for x in (iv.low, iv.high) if math.isfinite(x)]
    if not finite:
        return None
    return sum(finite) / len(finite)


# --------------------------------------------------------------------------- word figures


def factor_interval(
    q: Quantity,
    slack: float = DEFAULT_FACTOR_SLACK,
    hedge_slack: float = DEFAULT_HEDGE_SLACK,
) -> Interval | None:
    """What a multiplier word admits: "doubled" 1.9..2.1, "more than doubled" 1.9.., "nearly
    tripled" 2.7..3.15. The factor has no written digits, so its rounding is the slack."""
    value = figure(q)
    if value is None or value <= 0:
        return None
    reading = replace(q, precision=2 * slack * value, low=None, high=None, value=value)
    if reading.bound is Bound.RANGE:
        reading.bound = Bound.EXACT
    return interval(reading, hedge_slack, round_slack=None)


_ONE_IN = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of|of)"
    r"\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|hundred|thousand)\b",
    re.IGNORECASE,
)


def ratio_share_interval(q: Quantity, hedge_slack: float = DEFAULT_HEDGE_SLACK) -> Interval | None:
    """The shares (0..1) a ratio in words admits.

    "k in N" is a rounding of the denominator: any share between k/(N+0.5) and k/(N-0.5)
    ("one in five": 18.2 % .. 22.2 %). "k of N" and "k out of N" with the count in digits are
    exact. Other fractions ("two-thirds", "a quarter") admit 5 % of themselves either side.
    The hedge and bound of the wording apply on top, through ``written_interval``.
    """
    value = figure(q)
    if value is None or value <= 0:
        return None
    share = value if value <= 1 else value / 100 if value <= 100 else None
    if share is None:
        return None
    half_width = 0.05 * share
    match = _ONE_IN.search(q.text or "")
    if match:
        k, n = word_value(match.group(1)), word_value(match.group(2))
        if k and n and n > k:
            share = k / n
            exact = " of " in f" {match.group(0).lower()} " and match.group(2).isdigit()
            half_width = 1e-9 if exact else max(share - k / (n + 0.5), k / (n - 0.5) - share)
    reading = replace(q, value=share, precision=2 * half_width, low=None, high=None)
    if reading.bound is Bound.RANGE:
        reading.bound = Bound.EXACT
    return interval(reading, hedge_slack, round_slack=None)


# --------------------------------------------------------------------------- GRIM


def grim_fractions(percent: Interval, count: int) -> list[int]:
    """The whole numbers k (0..count) whose share k/count, in percent, the set admits."""
    if count <= 0:
        return []
    first = max(0, math.ceil(percent.low * count / 100 - 1e-9))
    last = min(count, math.floor(percent.high * count / 100 + 1e-9))
    return [k for k in range(first, last + 1) if percent.contains(100 * k / count)]


# --------------------------------------------------------------------------- ages


def completed_years(born: dt.date, on: dt.date) -> int:
    """Age in whole years on a day: birthdays not yet reached this year do not count."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


def possible_ages(
    first_day: dt.date, last_day: dt.date, on_first: dt.date, on_last: dt.date
) -> tuple[int, int]:
    """Youngest and oldest age (whole years) for a birth in [first_day, last_day] on some day
    in [on_first, on_last]."""
    youngest = completed_years(last_day, on_first)
    oldest = completed_years(first_day, on_last)
    return min(youngest, oldest), max(youngest, oldest)


def elapsed_years(
    first_day: dt.date, last_day: dt.date, on_first: dt.date, on_last: dt.date
) -> Interval:
    """Calendar years between an event in [first_day, last_day] and a day in
    [on_first, on_last], counted as the difference of the year numbers ("in 1990, 29 years
    ago" in 2019)."""
    low = on_first.year - last_day.year
    high = on_last.year - first_day.year
    return Interval(min(low, high), max(low, high))


# --------------------------------------------------------------------------- evidence


def finite_or_none(x: float, digits: int = 6) -> float | None:
    """An interval end for evidence: rounded, or None for an open (infinite) end."""
    return round(x, digits) if math.isfinite(x) else None
