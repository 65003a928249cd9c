"""Check kind ``plausibility``: a measured thing outside the bounds it can have.

An extension point for rule authors: the rule gives a dimension, a unit, a ``max`` and/or
``min``, and the words that say which figures it is about::

    params: {dimension: speed, unit: "km/h", max: 500, nouns: [car, cars]}
    params: {dimension: percent, max: 100, nouns: [turnout]}
    params: {dimension: duration, unit: year, max: 125, context: [aged], bare_figures: true}

Anti-pattern: "The car was travelling at 600 km/h" (no road car does), "Turnout reached
104%", "a woman aged 131". Passes: "about 500 km/h" and "more than 490 km/h" (a figure is
compared as everything its wording admits, from ``tolerance.written_interval``: it is flagged
only when even its smallest reading is above ``max``, or its largest below ``min``), "up to
600 km/h" (an upper bound admits small values) and 186 mph (converted with pint: 299 km/h).
A range is judged by its ends: "between 400 and 600 km/h" has an end above 500 km/h.

Which figures: those of ``dimension`` whose unit converts to ``unit``; with ``nouns``, only
those whose noun is one of them or whose sentence names one; with ``context``, only those with
one of the phrases within ``window`` characters; ``unless`` phrases within the window rule a
figure out ("turnout rose 120%" is a change, not a turnout). ``bare_figures`` reads a figure
written without a unit ("aged 131") as being in ``unit``; use it with a context that says
what the figure is.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from factcheck.checks import register
from factcheck.checks.pattern import phrase_regex
from factcheck.claims import Bound, Claims, Dimension, Quantity
from factcheck.findings import Outcome
from factcheck.rule_schema import (
    DIMENSIONS,
    Boolean,
    Choice,
    ListOf,
    Number,
    Param,
    Text,
    declare,
)
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    Interval,
    unit_converter,
    ureg,
    written_interval,
)

# Dimensions measured in pint units, with a unit of each to test a rule's unit against.
UNIT_DIMENSIONS: dict[str, str] = {
    "length": "meter",
    "area": "meter ** 2",
    "volume": "liter",
    "mass": "kilogram",
    "speed": "meter / second",
    "duration": "second",
    "temperature": "kelvin",
    "temperature_difference": "delta_degree_Celsius",
    "energy": "joule",
    "power": "watt",
}
# Dimensions compared as plain numbers (percent values are 0-100, as written).
PLAIN_DIMENSIONS = ("count", "percent", "percentage_point", "ratio", "other")
DEFAULT_WINDOW = 30
_OFFSET_UNITS = ("degree_Celsius", "degree_Fahrenheit")
MESSAGE_FIELDS = frozenset(
    {
        "text",
        "figure",
        "value",
        "computed",
        "limit",
        "max",
        "min",
        "unit",
        "noun",
        "dimension",
        "side",
        "end",
    }
)


def _canonical(unit: str) -> str | None:
    try:
        return str(ureg().Unit(unit))
    except Exception:  # noqa: BLE001 - pint raises many kinds; an unknown unit is None
        return None


def _difference_unit(unit: str) -> str:
    """°C/°F as a difference (no offset) for temperature differences."""
    canonical = _canonical(unit) or unit
    return "delta_" + canonical if canonical in _OFFSET_UNITS else canonical


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive match of any of the phrases (spaces match any space)."""
    regex = phrase_regex(phrases)
    return re.compile(regex, re.IGNORECASE) if regex else None


def _phrases(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if v is not None)
    return ()


def _number(params: Mapping[str, Any], key: str) -> float | None:
    value = params.get(key)
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def format_figure(x: float) -> str:
    """A figure for a message: 643.7376 -> "643.7", 1.5 -> "1.5", 12000.4 -> "12,000"."""
    if not math.isfinite(x):
        return str(x)
    if abs(x) >= 1000 or float(x).is_integer():
        return f"{round(x):,}"
    return f"{x:.4g}"


@dataclasses.dataclass(frozen=True)
class _Settings:
    dimension: str
    unit: str | None
    low_limit: float | None
    high_limit: float | None
    nouns: re.Pattern[str] | None
    noun_words: frozenset[str]
    context: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    window: int
    bare_figures: bool
    hedge_slack: float
    round_slack: float | None
    label: str | None
    context_side: str

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> _Settings | None:
        dimension = params.get("dimension")
        if dimension not in DIMENSIONS:
            return None
        low, high = _number(params, "min"), _number(params, "max")
        if low is None and high is None:
            return None
        window = _number(params, "window")
        nouns = _phrases(params.get("nouns"))
        round_slack = _number(params, "round_slack")
        hedge_slack = _number(params, "hedge_slack")
        return cls(
            dimension=str(dimension),
            unit=params.get("unit") if isinstance(params.get("unit"), str) else None,
            low_limit=low,
            high_limit=high,
            nouns=_phrase_pattern(nouns),
            noun_words=frozenset(n.lower() for n in nouns),
            context=_phrase_pattern(_phrases(params.get("context"))),
            unless=_phrase_pattern(_phrases(params.get("unless"))),
            window=int(window) if window is not None and window >= 0 else DEFAULT_WINDOW,
            bare_figures=params.get("bare_figures") is True,
            hedge_slack=DEFAULT_HEDGE_SLACK if hedge_slack is None else hedge_slack,
            label=params.get("label") if isinstance(params.get("label"), str) else None,
            context_side=str(params.get("context_side") or "either"),
            round_slack=round_slack if round_slack is not None else DEFAULT_ROUND_SLACK,
        )


def _converter(q: Quantity, settings: _Settings):
    """A function from the figure's unit to the rule's unit; None when the figure is not a
    measurement of the rule's kind. The identity for plain dimensions and bare figures."""
    bare = (
        settings.bare_figures
        and q.dimension is Dimension.COUNT
        and q.unit is None
        and q.currency is None
    )
    if bare:
        return lambda x: x
    if str(q.dimension) != settings.dimension:
        return None
    if settings.dimension == "money":
        same = settings.unit is None or (q.currency or "").upper() == settings.unit.upper()
        return (lambda x: x) if same else None
    if settings.dimension in PLAIN_DIMENSIONS or settings.unit is None:
        return (lambda x: x) if settings.unit is None else None
    if not q.unit:
        return None
    source, target = q.unit, settings.unit
    if settings.dimension == "temperature_difference":
        source, target = _difference_unit(source), _difference_unit(target)
    return unit_converter(source, target)


def _readings(q: Quantity, settings: _Settings) -> Iterator[tuple[str | None, float, Interval]]:
    """(which end, figure, admitted interval) for the figure, or for each end of a range."""
    if q.bound is Bound.RANGE and q.low is not None and q.high is not None:
        for end, figure in (("high", max(q.low, q.high)), ("low", min(q.low, q.high))):
            single = dataclasses.replace(q, value=figure, low=None, high=None, bound=Bound.EXACT)
            interval = written_interval(single, settings.hedge_slack, settings.round_slack)
            if interval is not None:
                yield end, figure, interval
        return
    interval = written_interval(q, settings.hedge_slack, settings.round_slack)
    figure = q.value if q.value is not None else (q.low if q.low is not None else q.high)
    if interval is not None and figure is not None:
        yield None, figure, interval


def _around(q: Quantity, claims: Claims, window: int, side: str = "either") -> tuple[str, str]:
    """(the sentence's text, the text within ``window`` characters of the figure: before it,
    after it, or either side, the figure itself included)."""
    sentence = claims.sentence_of(q)
    if sentence is None:
        return q.text, q.text
    first = q.span.start - sentence.span.start
    last = q.span.end - sentence.span.start
    start = max(0, first - window) if side != "after" else first
    end = min(len(sentence.text), last + window) if side != "before" else last
    return sentence.text, sentence.text[start:end]


def _matched_noun(q: Quantity, claims: Claims, settings: _Settings) -> str | None | bool:
    """The noun that puts the figure in scope, True when no nouns are asked for, or None."""
    if settings.nouns is None:
        return True
    if q.noun:
        for word in re.findall(r"[\w'-]+", q.noun.lower()):
            if word in settings.noun_words:
                return word
    sentence, _ = _around(q, claims, 0)
    match = settings.nouns.search(sentence)
    return match.group(0).lower() if match else None


def _in_context(q: Quantity, claims: Claims, settings: _Settings) -> bool:
    if settings.context is not None:
        _, nearby = _around(q, claims, settings.window, settings.context_side)
        if not settings.context.search(nearby):
            return False
    _, nearby = _around(q, claims, settings.window)
    return not (settings.unless is not None and settings.unless.search(nearby))


def _convert(interval: Interval, convert) -> Interval | None:
    try:
        return interval.map(convert)
    except (ArithmeticError, ValueError, TypeError):
        return None


def _beyond(interval: Interval, settings: _Settings) -> str | None:
    """ "above" when even the smallest reading exceeds max; "below" for min; else None."""
    if settings.high_limit is not None:
        limit = settings.high_limit
        if interval.low > limit and interval.low - limit > 1e-9 * max(1.0, abs(limit)):
            return "above"
    if settings.low_limit is not None:
        limit = settings.low_limit
        if interval.high < limit and limit - interval.high > 1e-9 * max(1.0, abs(limit)):
            return "below"
    return None


@register(
    "plausibility",
    defaults={
        "dimension": None,
        "unit": None,
        "min": None,
        "max": None,
        "nouns": [],
        "context": [],
        "unless": [],
        "window": DEFAULT_WINDOW,
        "context_side": "either",
        "bare_figures": False,
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "round_slack": DEFAULT_ROUND_SLACK,
        "label": None,
    },
    codes=("above_max", "below_min"),
)
def check_plausibility(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A figure for a measured thing must lie within the bounds that thing can have, for
    every reading its wording admits (above_max, below_min)."""
    settings = _Settings.from_params(params)
    if settings is None:
        return
    for q in claims.quantities:
        if not q.is_checkable:
            continue
        convert = _converter(q, settings)
        if convert is None:
            continue
        noun = _matched_noun(q, claims, settings)
        if noun is None or not _in_context(q, claims, settings):
            continue
        for end, figure, interval in _readings(q, settings):
            converted = _convert(interval, convert)
            if converted is None:
                continue
            side = _beyond(converted, settings)
            if side is None:
                continue
            yield _outcome(q, settings, side, end, figure, converted, convert, noun)
            break


def _outcome(
    q: Quantity,
    settings: _Settings,
    side: str,
    end: str | None,
    figure: float,
    admitted: Interval,
    convert,
    noun: str | bool,
) -> Outcome:
    limit = settings.high_limit if side == "above" else settings.low_limit
    try:
        computed = float(convert(figure))
    except (ArithmeticError, ValueError, TypeError):
        computed = figure
    unit = settings.unit or ""
    if settings.dimension == "percent":
        unit = "%"
    what = settings.label or (
        noun if isinstance(noun, str) else settings.dimension.replace("_", " ")
    )
    shown_unit = f" {unit}" if unit and unit != "%" else unit
    computed_text = f"{format_figure(computed)}{shown_unit}"
    limit_text = f"{format_figure(limit)}{shown_unit}"
    text = q.text.strip()
    end_text = f" (its {end} end)" if end else ""
    reading = (
        "" if computed_text.replace(" ", "") in text.replace(" ", "") else f" ({computed_text})"
    )
    bound_word = "above" if side == "above" else "below"
    extreme = "most" if side == "above" else "least"
    message = (
        f"'{text}'{reading}{end_text} is {bound_word} {limit_text}, "
        f"the {extreme} that is plausible for {what}."
    )
    values = {
        "text": text,
        "figure": text,
        "value": _tidy(figure),
        "computed": computed_text,
        "limit": limit_text,
        "max": _tidy(settings.high_limit),
        "min": _tidy(settings.low_limit),
        "unit": unit,
        "noun": what,
        "dimension": settings.dimension,
        "side": side,
        "end": end or "",
    }
    return Outcome(
        code="above_max" if side == "above" else "below_min",
        ok=False,
        span=q.span,
        message=message,
        evidence={
            "computed": round(computed, 6),
            "written": [q.low, q.high] if end else q.value,
            "limit": limit,
            "unit": unit or None,
            "admitted": [_finite(admitted.low), _finite(admitted.high)],
        },
        values=values,
        suggestion="Check the figure and its unit; a digit or a unit may be wrong.",
    )


def _tidy(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _finite(x: float) -> float | None:
    return round(x, 6) if math.isfinite(x) else None


# --------------------------------------------------------------------------- validation


def _validate(params: Mapping[str, Any]) -> Iterator[tuple[str | None, str]]:
    dimension = params.get("dimension")
    unit = params.get("unit")
    if dimension is None:
        yield "dimension", "is required: what kind of measure the bounds are for"
        return
    low, high = _number(params, "min"), _number(params, "max")
    if low is None and high is None:
        yield None, "a plausibility rule needs 'max', 'min' or both in its params"
    if low is not None and high is not None and low > high:
        yield "min", f"({low:g}) is larger than 'max' ({high:g})"
    yield from _unit_problems(str(dimension), unit)


def _unit_problems(dimension: str, unit: Any) -> Iterator[tuple[str | None, str]]:
    if dimension in UNIT_DIMENSIONS:
        if not isinstance(unit, str) or not unit.strip():
            yield "unit", f"is required for {dimension}: the unit of 'max' and 'min'"
            return
        reference = UNIT_DIMENSIONS[dimension]
        source = _difference_unit(unit) if dimension == "temperature_difference" else unit
        if _canonical(source) is None:
            yield "unit", f"is '{unit}', which pint does not know as a unit"
        elif unit_converter(source, reference) is None:
            yield "unit", f"is '{unit}', which is not a unit of {dimension}"
    elif dimension == "money":
        if not isinstance(unit, str) or not re.fullmatch(r"[A-Za-z]{3}", unit.strip()):
            yield "unit", "must be a three-letter currency code (USD, EUR) for money"
    elif unit is not None:
        yield "unit", f"must be left out for {dimension}: its figures have no unit"


declare(
    "plausibility",
    params={
        "dimension": Param(Choice(DIMENSIONS), "What kind of measure the bounds are for."),
        "unit": Param(
            Text(),
            "The unit of max and min (any unit pint knows: km/h, mph, year); a currency code "
            "for money; left out for counts and percentages.",
        ),
        "min": Param(Number(), "The smallest plausible value, in unit."),
        "max": Param(Number(), "The largest plausible value, in unit."),
        "nouns": Param(
            ListOf(Text(min_length=1)),
            "Only figures whose noun is one of these, or whose sentence names one.",
        ),
        "context": Param(
            ListOf(Text(min_length=1)),
            "Only figures with one of these phrases within 'window' characters.",
        ),
        "unless": Param(
            ListOf(Text(min_length=1)),
            "Skip figures with one of these phrases within 'window' characters.",
        ),
        "window": Param(Number(minimum=0), "Characters either side searched for context."),
        "context_side": Param(
            Choice(("before", "after", "either")),
            "Where a context phrase must be: before the figure ('aged 131'), after it "
            "('131-year-old'), or either side.",
        ),
        "bare_figures": Param(
            Boolean(), "Read a figure written without a unit as being in 'unit'."
        ),
        "hedge_slack": Param(Number(minimum=0), "How far 'about' widens a figure (0.1 = 10%)."),
        "label": Param(Text(), "What the finding calls the measured thing ('a person's age')."),
        "round_slack": Param(
            Number(minimum=0),
            "How far a round figure ('130') may be from the true value, as a fraction of it; "
            "0 reads it to the unit (ages are stated to the year).",
        ),
    },
    validate=_validate,
    message_fields=lambda params: MESSAGE_FIELDS,
)
