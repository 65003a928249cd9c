"""Check kind ``percent_change``: a stated change must be what its two figures give.

Anti-patterns::

    Sales rose 25% from 200 to 300.            (200 to 300 is +50 %)
    The caseload doubled from 20 to 45.        (x2.25)
    Turnout rose to 55.9% from 57.5%.          (a fall)

Passes, because every figure is a rounding::

    Profit rose 5.2 pct to 1.5 mln dlrs from 1.43 mln.      (1.45/1.435 .. 1.55/1.425 = +1..+9 %)
    Profits jumped 76% to $1.13bn from $639m.               (1.125/0.6395 - 1 = +75.9 %)
    Turnout fell 1.6 pct to 55.9 pct from 57.5 pct.         (percentage points, not percent)

Reads ``Claims.changes``. Each endpoint is read as the set of values its wording admits
(``written_interval``), the set of changes those allow is computed (relative change, change in
points, difference or ratio) and compared with the set the stated change admits; the change is
flagged only when the two sets do not meet. A percent stated between two percentages is read
both ways, as relative change and as points, and passes if either fits. A round endpoint
("from 200 to 300") is read as within ``round_slack`` (2 %) of itself, tighter than elsewhere:
a writer stating a change usually gives the figures it was computed from. Multiplier words
("doubled") admit ``factor_slack`` (5 %) either side. The suggestion names both repairs (the
change or a figure) and applies neither.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.checks import register
from factcheck.checks._arith import (
    DEFAULT_CHANGE_ROUND_SLACK,
    DEFAULT_FACTOR_SLACK,
    central,
    difference,
    factor_interval,
    finite_or_none,
    interval,
    negate,
    percent_change,
    ratio,
)
from factcheck.claims import Change, Claims, Dimension, Quantity
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    Interval,
    figure,
    reach,
    show,
    show_compact,
    show_interval,
)

_PERCENTS = (Dimension.PERCENT, Dimension.PERCENTAGE_POINT)
_TINY = 1e-12


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read a stated change against its endpoints."""

    kind: str  # "percent", "points", "amount", "factor", "direction"
    computed: Interval  # what the endpoints give
    stated: Interval  # what the text states; for "direction", the half-line it points to
    unit: str  # "%", " points", "x", ""

    @property
    def ok(self) -> bool:
        return self.computed.overlaps(self.stated)


@register(
    "percent_change",
    defaults={
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "round_slack": DEFAULT_CHANGE_ROUND_SLACK,
        "change_round_slack": DEFAULT_ROUND_SLACK,
        "factor_slack": DEFAULT_FACTOR_SLACK,
        "check_direction": True,
    },
    codes=("mismatch",),
)
def check_percent_change(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A stated change (percent, points, amount, "doubled", or just "rose"/"fell") must be
    one that its two figures allow, given the rounding of all three."""
    for change in claims.changes:
        try:
            outcome = _judge(change, params)
        except (ArithmeticError, ValueError, TypeError):
            continue
        if outcome is not None:
            yield outcome


def _comparable(before: Quantity, after: Quantity) -> bool:
    """Figures of one kind: the same dimension, currency and unit (a missing one matches)."""
    if before.dimension is not after.dimension:
        return False
    if before.currency and after.currency and before.currency != after.currency:
        return False
    if before.unit and after.unit and before.unit != after.unit:
        return False
    return True


def _judge(change: Change, params: Mapping[str, Any]) -> Outcome | None:
    before, after = change.before, change.after
    if before is None or after is None or not _comparable(before, after):
        return None
    hedge_slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    round_slack = _optional(params.get("round_slack", DEFAULT_CHANGE_ROUND_SLACK))
    before_iv = interval(before, hedge_slack, round_slack)
    after_iv = interval(after, hedge_slack, round_slack)
    if before_iv is None or after_iv is None:
        return None
    readings = _readings(change, before_iv, after_iv, params)
    if not readings:
        return None
    fitting = [r for r in readings if r.ok]
    if fitting:
        return _verified(change, fitting[0], before_iv, after_iv)
    return _mismatch(change, readings, before_iv, after_iv)


def _readings(
    change: Change, before_iv: Interval, after_iv: Interval, params: Mapping[str, Any]
) -> list[_Reading]:
    """Every reading the wording allows; the change passes if any of them fits."""
    before, after, stated = change.before, change.after, change.change
    assert before is not None and after is not None
    hedge_slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    change_round = _optional(params.get("change_round_slack", DEFAULT_ROUND_SLACK))
    percent_endpoints = before.dimension in _PERCENTS
    readings: list[_Reading] = []

    if stated is not None and stated.dimension is Dimension.RATIO:
        slack = float(params.get("factor_slack", DEFAULT_FACTOR_SLACK))
        stated_iv = factor_interval(stated, slack, hedge_slack)
        computed = ratio(before_iv, after_iv)
        if stated_iv is not None and computed is not None:
            readings.append(_Reading("factor", computed, stated_iv, "x"))
        return readings

    if stated is None or not stated.is_checkable:
        if params.get("check_direction", True) and change.direction in ("up", "down"):
            readings.append(
                _direction_reading(change.direction, before_iv, after_iv, percent_endpoints)
            )
        return readings

    stated_iv = interval(stated, hedge_slack, change_round)
    if stated_iv is None:
        return readings
    signed = _signed(stated, stated_iv, change.direction)
    if stated.dimension is Dimension.PERCENT:
        relative = percent_change(before_iv, after_iv)
        if relative is not None:
            readings.extend(_Reading("percent", relative, s, "%") for s in signed)
        if percent_endpoints:
            points = difference(before_iv, after_iv)
            readings.extend(_Reading("points", points, s, " points") for s in signed)
    elif stated.dimension is Dimension.PERCENTAGE_POINT:
        if percent_endpoints:
            points = difference(before_iv, after_iv)
            readings.extend(_Reading("points", points, s, " points") for s in signed)
    elif stated.dimension is after.dimension and _comparable(stated, after):
        amount = difference(before_iv, after_iv)
        readings.extend(_Reading("amount", amount, s, "") for s in signed)
    return readings


def _direction_reading(
    direction: str, before_iv: Interval, after_iv: Interval, percent_endpoints: bool
) -> _Reading:
    """ "rose"/"fell" with no size: the figures must move that way (any rounding allowed)."""
    wanted = Interval(_TINY, math.inf) if direction == "up" else Interval(-math.inf, -_TINY)
    if percent_endpoints:
        return _Reading("direction", difference(before_iv, after_iv), wanted, " points")
    relative = percent_change(before_iv, after_iv)
    if relative is not None:
        return _Reading("direction", relative, wanted, "%")
    return _Reading("direction", difference(before_iv, after_iv), wanted, "")


def _signed(stated: Quantity, stated_iv: Interval, direction: str | None) -> list[Interval]:
    """The stated change as a signed set: "fell 5%" is -5 %; with no direction word, both."""
    value = figure(stated)
    if value is not None and value < 0:
        return [stated_iv]
    if direction == "down":
        return [negate(stated_iv)]
    if direction == "up":
        return [stated_iv]
    return [stated_iv, negate(stated_iv)]


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)


# --------------------------------------------------------------------------- outcomes


def _phrase(change: Change, text_of: Quantity | None) -> str:
    cue = change.cue
    if text_of is None or text_of.dimension is Dimension.RATIO:
        return cue
    return f"{cue} {text_of.text.strip()}"


def _point(change: Change, reading: _Reading) -> float | None:
    """The computed change from the figures exactly as written (for messages)."""
    b = figure(change.before) if change.before else None
    a = figure(change.after) if change.after else None
    if b is None or a is None:
        return central(reading.computed)
    if reading.kind == "factor":
        return a / b if b > 0 else None
    if reading.kind == "percent" or (reading.kind == "direction" and reading.unit == "%"):
        return (a / b - 1) * 100 if b > 0 else None
    return a - b


def _describe(reading: _Reading, point: float | None = None) -> str:
    """A computed change in words: "+50%", "a fall of 1.6 points", "x2.25"."""
    iv = reading.computed
    mid = point if point is not None else central(iv)
    if reading.kind == "factor":
        return f"x{show(mid)}"
    if reading.kind == "direction":
        if mid is None or mid == 0:
            return "no change"
        return f"a {'fall' if mid < 0 else 'rise'} of {show(abs(mid))}{reading.unit}"
    if mid is None:
        return show_interval(iv, suffix=reading.unit)
    sign = "+" if mid > 0 else ("-" if mid < 0 else "")
    return f"{sign}{show(abs(mid))}{reading.unit}"


def _evidence(
    change: Change, reading: _Reading, before_iv: Interval, after_iv: Interval
) -> dict[str, Any]:
    stated = change.change
    evidence: dict[str, Any] = {
        "kind": reading.kind,
        "computed": _rounded(_point(change, reading)),
        "computed_range": [
            finite_or_none(reading.computed.low, 4),
            finite_or_none(reading.computed.high, 4),
        ],
        "before": figure(change.before) if change.before else None,
        "after": figure(change.after) if change.after else None,
        "before_range": [finite_or_none(before_iv.low), finite_or_none(before_iv.high)],
        "after_range": [finite_or_none(after_iv.low), finite_or_none(after_iv.high)],
        "direction": change.direction,
        "cue": change.cue,
    }
    if reading.kind != "direction" and stated is not None:
        written = figure(stated)
        if reading.stated.high <= 0 and written is not None and written > 0:
            written = -written
        evidence["written"] = written
        evidence["written_range"] = [
            finite_or_none(reading.stated.low, 4),
            finite_or_none(reading.stated.high, 4),
        ]
        evidence["tolerance"] = reach(written, reading.stated, digits=6)
    else:
        evidence["written"] = change.direction
        evidence["tolerance"] = 0
    return evidence


def _rounded(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return float(show(x, 4).replace(",", ""))


def _values(change: Change, reading: _Reading) -> dict[str, Any]:
    before, after = change.before, change.after
    return {
        "stated": _phrase(change, change.change),
        "written": change.change.text.strip() if change.change else change.cue,
        "cue": change.cue,
        "before": before.text.strip() if before else "",
        "after": after.text.strip() if after else "",
        "computed": _describe(reading, _point(change, reading)),
        "kind": reading.kind,
    }


def _verified(
    change: Change, reading: _Reading, before_iv: Interval, after_iv: Interval
) -> Outcome:
    values = _values(change, reading)
    message = (
        f"{values['before']} to {values['after']} is {values['computed']}, "
        f"consistent with '{values['stated']}'"
    )
    return Outcome(
        code="mismatch",
        ok=True,
        span=change.span,
        message=message,
        related=_related(change),
        evidence=_evidence(change, reading, before_iv, after_iv),
        values=values,
    )


def _related(change: Change) -> list:
    return [
        q.span
        for q in (change.before, change.after, change.change)
        if q is not None and q.span != change.span
    ]


def _closest(readings: list[_Reading]) -> _Reading:
    """The reading that misses by least, relative to the size of what was stated."""

    def miss(r: _Reading) -> float:
        scale = max(abs(central(r.stated) or 0.0), 1e-9)
        return r.computed.gap(r.stated) / scale

    return min(readings, key=miss)


def _mismatch(
    change: Change, readings: list[_Reading], before_iv: Interval, after_iv: Interval
) -> Outcome:
    reading = _closest(readings)
    values = _values(change, reading)
    b, a, stated_text = values["before"], values["after"], values["stated"]
    computed = values["computed"]
    wrong_way = _wrong_direction(change, reading)
    if reading.kind == "direction":
        message = f"'{change.cue}' does not fit {b} to {a}: that is {computed}."
        suggestion = (
            f"Either '{change.cue}' or the order of the figures is wrong: {b} to {a} is {computed}."
        )
    elif wrong_way:
        message = (
            f"'{stated_text}' does not fit {b} to {a}: that is {computed}, a change the other way."
        )
        suggestion = (
            f"Either the direction ('{change.cue}') or the order of the figures is "
            f"wrong: {b} to {a} is {computed}."
        )
    else:
        message = f"'{stated_text}' does not match {b} to {a}: that is {computed}."
        suggestion = _suggest(change, reading)
    return Outcome(
        code="mismatch",
        ok=False,
        span=change.span,
        message=message,
        related=_related(change),
        evidence=_evidence(change, reading, before_iv, after_iv),
        values=values,
        suggestion=suggestion,
    )


def _wrong_direction(change: Change, reading: _Reading) -> bool:
    if reading.kind in ("factor", "direction"):
        return False
    flipped = negate(reading.stated)
    return change.direction in ("up", "down") and reading.computed.overlaps(flipped)


def _suggest(change: Change, reading: _Reading) -> str:
    """Both repairs, computed from the stated change: the result it gives from the start, and
    the start it needs for the result."""
    before, after, stated = change.before, change.after, change.change
    b, a = figure(before), figure(after)
    s = central(reading.stated)
    head = (
        f"Either the change ('{_phrase(change, stated)}') or one of the figures "
        f"({before.text.strip()}, {after.text.strip()}) is wrong: "
        f"{before.text.strip()} to {after.text.strip()} is "
        f"{_describe(reading, _point(change, reading))}"
    )
    if b is None or a is None or s is None:
        return head + "."
    if reading.kind == "percent" and s > -100:
        expected_after, expected_before = b * (1 + s / 100), a / (1 + s / 100)
    elif reading.kind == "factor" and s > 0:
        expected_after, expected_before = b * s, a / s
    elif reading.kind in ("points", "amount"):
        expected_after, expected_before = b + s, a - s
    else:
        return head + "."
    return (
        f"{head}; {_phrase(change, stated)} from {before.text.strip()} would give "
        f"about {show_compact(expected_after)}, and to {after.text.strip()} would start "
        f"from about {show_compact(expected_before)}."
    )
