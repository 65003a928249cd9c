"""range: a range written back to front, or a figure outside a range given for the same thing.

Anti-pattern::

    There may be between 18,000 and 14,000 fighters.          # reversed
    Between 40 and 60 people died ... the 75 people who died   # outside

A reversed range is an error whatever the rounding: no reading makes 18,000 the low end.
Ranges written with "between", "A to B" and "A-B" are judged by default
(``reversed_connectors``). Tallies, scores, poll results and comparisons are also written "A to
B" and "A-B" ("leading 47 to 40 percent", "an electoral count of 362 to 176", "80%-20%"), and
"from A to B" is a change: extraction reads those as two figures, not as a range, so a range
that reaches this check written larger end first ("15-10%", "80 to 60 mph") is a slip. A range
that is the size of a change ("cut between 7,000 and 6,000 jobs") is still a range.

A figure outside a range is reported only for mentions the extractor linked as counting the
same thing (``Relation`` kind "same_as": same noun, same predicate, no change or revision between
them), compared as rounding-aware intervals; either figure may be the wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.claims import Bound, Claims, Dimension, Quantity
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    as_written,
    reach_beyond_written,
    written_interval,
)

_CONNECTORS = (
    ("between", re.compile(r"\bbetween\b")),
    ("from", re.compile(r"\bfrom\b")),
    ("to", re.compile(r"\b(?:to|and)\b")),
    ("dash", re.compile(r"\d\s*[-–—]\s*[\d.$£€]")),
)


@register(
    "range",
    defaults={
        "check_reversed": True,
        "check_outside": True,
        # A reversed "A to B" or "A-B" of small whole numbers with no noun and no unit ("3-2",
        # "5 to 4") is more likely a score or a vote tally than a range. "between" never
        # joins a score: "aged between 34 and 18" is judged.
        "skip_bare_counts": True,
        # How a range must be written for its order to be judged. Extraction reads tallies,
        # scores and comparisons ("won 362 to 176", "an 80%-20% mix") and "from A to B"
        # changes as two figures; what it still calls a range is one. "from" may be added for
        # "ranging from A to B".
        "reversed_connectors": ["between", "to", "dash"],
        "hedge_slack": DEFAULT_HEDGE_SLACK,
    },
    codes=("reversed", "outside"),
)
def check_range(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """Ranges must run low to high; a figure for the same thing must fall inside them."""
    if params.get("check_reversed", True):
        # "fell from 20 to 15" is a change, not a range, whatever an extractor calls it; but a
        # range that plays one part in a change, its size ("cut between 7,000 and 6,000
        # jobs") or an end ("lowered the forecast to 0-1%"), is still a range.
        change_spans = [change.span for change in claims.changes]
        parts = {
            part.span
            for change in claims.changes
            for part in (change.change, change.before, change.after)
            if part is not None
        }
        for q in claims.quantities:
            if q.span not in parts and any(q.span.overlaps(span) for span in change_spans):
                continue
            outcome = _order_outcome(
                q,
                bool(params.get("skip_bare_counts", True)),
                set(params.get("reversed_connectors", ["between", "to", "dash"])),
            )
            if outcome is not None:
                yield outcome
    if params.get("check_outside", True):
        slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
        yield from _outside_outcomes(claims, slack)


def _order_outcome(q: Quantity, skip_bare_counts: bool, connectors: set[str]) -> Outcome | None:
    if q.bound is not Bound.RANGE or q.low is None or q.high is None:
        return None
    low, high = as_written(q.low), as_written(q.high)
    if q.low < q.high:
        return Outcome(
            code="reversed",
            ok=True,
            span=q.span,
            message=f"{low} < {high}: the range is ordered.",
            evidence={"low": q.low, "high": q.high},
            values={"low": low, "high": high, "text": q.text},
        )
    if q.low == q.high:
        return None
    joined_by = connector(q)
    if joined_by not in connectors:
        return None
    if skip_bare_counts and joined_by != "between" and _looks_like_score(q):
        return None
    return Outcome(
        code="reversed",
        ok=False,
        span=q.span,
        message=f"The range runs backwards: {low} is written as its low end but exceeds {high}.",
        evidence={"low": q.low, "high": q.high, "written": q.text},
        values={"low": low, "high": high, "text": q.text},
        suggestion=(
            f"Write the low end first (between {high} and {low}), or check whether one of the "
            "two figures is mistyped."
        ),
    )


def _outside_outcomes(claims: Claims, slack: float) -> Iterable[Outcome]:
    changing = {id(q) for change in claims.changes for q in (change.before, change.after) if q}
    parts = {
        frozenset((id(r.part), id(r.whole)))
        for r in claims.relations
        if r.kind in ("part_of", "share_of")
    }
    for relation in claims.relations:
        if relation.kind != "same_as":
            continue
        first, second = relation.whole, relation.part
        if frozenset((id(first), id(second))) in parts:
            continue
        if id(first) in changing or id(second) in changing:
            continue
        if first.bound is Bound.RANGE:
            range_q, figure = first, second
        elif second.bound is Bound.RANGE:
            range_q, figure = second, first
        else:
            continue
        if range_q.low is None or range_q.high is None or range_q.low > range_q.high:
            continue  # a reversed range is reported as such, not compared
        outcome = _compare(range_q, figure, slack)
        if outcome is not None:
            yield outcome


def _compare(range_q: Quantity, figure: Quantity, slack: float) -> Outcome | None:
    range_iv = written_interval(range_q, slack)
    figure_iv = written_interval(figure, slack)
    if range_iv is None or figure_iv is None:
        return None
    thing = figure.noun or range_q.noun or "the same thing"
    values = {
        "figure": figure.text,
        "range": range_q.text,
        "low": as_written(range_q.low),
        "high": as_written(range_q.high),
        "noun": thing,
    }
    evidence = {
        "written": figure.text,
        "range": range_q.text,
        "figure_low": figure_iv.low,
        "figure_high": figure_iv.high,
        "range_low": range_iv.low,
        "range_high": range_iv.high,
        "tolerance": max(
            reach_beyond_written(range_q, range_iv), reach_beyond_written(figure, figure_iv)
        ),
    }
    if range_iv.overlaps(figure_iv):
        return Outcome(
            code="outside",
            ok=True,
            span=figure.span,
            related=[range_q.span],
            message=f"{figure.text} {thing} lies within the range {values['low']} to "
            f"{values['high']} given for them.",
            evidence=evidence,
            values=values,
        )
    side = "above" if figure_iv.low > range_iv.high else "below"
    values["side"] = side
    evidence["side"] = side
    return Outcome(
        code="outside",
        ok=False,
        span=figure.span,
        related=[range_q.span],
        message=f"{figure.text} {thing} is {side} the range {values['low']} to {values['high']} "
        "the text gives for the same thing.",
        evidence=evidence,
        values=values,
        suggestion=(
            f"Check both figures: either {figure.text} or the range {range_q.text} may be "
            "wrong, or they may count different things (say so if they do)."
        ),
    )


def connector(q: Quantity) -> str:
    """How the range's surface joins its ends: "between", "from", "to", "dash" or "other".

    Reads only the claim's own surface as the extractor gave it, as a check reads ``hedge``."""
    surface = q.text.lower()
    for name, pattern in _CONNECTORS:
        if pattern.search(surface):
            return name
    return "other"


def _looks_like_score(q: Quantity) -> bool:
    ends = (q.low or 0.0, q.high or 0.0)
    return (
        q.dimension is Dimension.COUNT
        and not q.noun
        and not q.unit
        and all(float(x).is_integer() and 0 <= x < 100 for x in ends)
    )
