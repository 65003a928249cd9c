"""Rounding-aware comparison: the one place numeric checks decide "consistent or not".

A written figure stands for every true value that would be written that way: "2" for
[1.5, 2.5), "1.9" for [1.85, 1.95), "under 2" for anything below 2.5. Checks compare these
intervals, never raw floats, so normal rounding is never flagged (the statcheck/GRIM idea).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.claims import Bound, Quantity

# How far a hedge widens a figure, as a fraction of the value: "about 20" covers 18..22.
DEFAULT_HEDGE_SLACK = 0.10
# "nearly"/"almost X" means just below X: down to this fraction below.
NEAR_WORDS = frozenset({"nearly", "almost", "just under", "close to", "approaching", "just shy of"})


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def scale(self, factor: float) -> Interval:
        a, b = self.low * factor, self.high * factor
        return Interval(min(a, b), max(a, b))


def half_step(q: Quantity) -> float:
    return (q.precision or 0.0) / 2


def written_interval(q: Quantity, hedge_slack: float = DEFAULT_HEDGE_SLACK) -> Interval | None:
    """The true values a written figure admits, given its bound, hedge and precision.

    Returns None for figures with nothing to compare (vague counts, a unit with no figure).
    """
    if not q.is_checkable:
        return None
    h = half_step(q)
    if q.bound is Bound.RANGE:
        ends = [x for x in (q.low, q.high) if x is not None]
        return Interval(min(ends) - h, max(ends) + h)
    v = q.value if q.value is not None else (q.low if q.low is not None else q.high)
    assert v is not None
    if q.bound in (Bound.AT_MOST, Bound.LESS_THAN):
        return Interval(-math.inf if v < 0 else 0.0, v + h)
    if q.bound in (Bound.AT_LEAST, Bound.MORE_THAN):
        return Interval(v - h, math.inf)
    if q.bound is Bound.APPROX:
        spread = max(h, abs(v) * hedge_slack)
        if q.hedge and q.hedge.lower() in NEAR_WORDS:
            return Interval(v - spread, v + h)
        return Interval(v - spread, v + spread)
    return Interval(v - h, v + h)
