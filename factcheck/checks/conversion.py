"""Check kind ``conversion``: a converted figure must agree with the figure it converts.

Anti-pattern: "The trail is 5 miles (10 km) long." 5 mi is 8.05 km, and no rounding of 5
miles gives 10 km. Fix: either the source figure or the conversion is wrong; the check names
both and rewrites neither. Passes: "5 miles (8 km)", "under 5 km² (under 2 sq mi)", "30 to 55
km/h (19 to 34 mph)", "40C (104F)", "-40C (-40F)".

Reads ``Claims.pairs`` of kind "conversion" (found by extraction); the first figure is the
source, the second the conversion. The arithmetic lives in ``factcheck.tolerance``; this module
chooses units, skips what is not a unit conversion (money, different dimensions, the same unit
twice) and words the outcome. A unit the text leaves ambiguous ("gallons", "tons") passes if
any of its readings (US or imperial gallons; short, long or metric tons) fits.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.claims import Bound, Claims, Dimension, Pair, Quantity
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_CONVERSION_SLACK,
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    Comparison,
    compare_conversion,
    unit_converter,
    ureg,
)

DEFAULT_DIMENSIONS = (
    "length",
    "area",
    "mass",
    "volume",
    "speed",
    "temperature",
    "temperature_difference",
)

# Unit names (pint's canonical spelling) that ordinary text does not pin down.
AMBIGUOUS_UNITS: dict[str, tuple[str, ...]] = {
    "gallon": ("gallon", "imperial_gallon"),
    "quart": ("quart", "imperial_quart"),
    "pint": ("pint", "imperial_pint"),
    "fluid_ounce": ("fluid_ounce", "imperial_fluid_ounce"),
    "ton": ("ton", "long_ton", "metric_ton"),
    "hundredweight": ("hundredweight", "long_hundredweight"),
}

# How units are shown in messages where pint's short form reads oddly.
_DISPLAY = {
    "mile / hour": "mph",
    "kilometer / hour": "km/h",
    "mile ** 2": "sq mi",
    "square_mile": "sq mi",
    "foot ** 2": "sq ft",
    "square_foot": "sq ft",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "delta_degree_Celsius": "°C",
    "delta_degree_Fahrenheit": "°F",
    "ton": "short tons",
    "long_ton": "long tons",
    "metric_ton": "t",
    "liter": "L",
    "acre": "acres",
    "hectare": "ha",
    "imperial_gallon": "imperial gal",
    "gallon": "US gal",
}

_READING_NAMES = {
    "gallon": "US gallons",
    "imperial_gallon": "imperial gallons",
    "quart": "US quarts",
    "imperial_quart": "imperial quarts",
    "pint": "US pints",
    "imperial_pint": "imperial pints",
    "fluid_ounce": "US fluid ounces",
    "imperial_fluid_ounce": "imperial fluid ounces",
    "ton": "short tons",
    "long_ton": "long tons",
    "metric_ton": "metric tonnes",
    "hundredweight": "short hundredweight",
    "long_hundredweight": "long hundredweight",
}


def canonical_unit(unit: str) -> str | None:
    """pint's own spelling of a unit expression ("km" -> "kilometer"), None if unknown."""
    try:
        return str(ureg().Unit(unit))
    except Exception:  # noqa: BLE001 - pint raises many kinds; an unknown unit is just skipped
        return None


def unit_symbol(unit: str) -> str:
    canonical = canonical_unit(unit) or unit
    if canonical in _DISPLAY:
        return _DISPLAY[canonical]
    try:
        return format(ureg().Unit(canonical), "~P")
    except Exception:  # noqa: BLE001
        return canonical


def _decimals(x: float, significant: int) -> int:
    if x == 0 or not math.isfinite(x):
        return 0
    return max(0, significant - 1 - math.floor(math.log10(abs(x))))


def round_significant(x: float, significant: int = 3) -> float:
    """Round to ``significant`` digits but keep the whole integer part: 2471.05 -> 2471.0,
    1.9312 -> 1.93."""
    if not math.isfinite(x):
        return x
    return round(x, _decimals(x, significant))


def format_number(x: float, significant: int = 3) -> str:
    """A figure for a message, as ``round_significant`` with thousands separators:
    2471.05 -> "2,471", 1.9312 -> "1.93", 8.0467 -> "8.05"."""
    if not math.isfinite(x):
        return str(x)
    text = f"{x:,.{_decimals(x, significant)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unit_for(q: Quantity) -> str | None:
    """The unit to convert with; a temperature difference converts without the offset."""
    canonical = canonical_unit(q.unit) if q.unit else None
    if canonical is None:
        return None
    if q.dimension is Dimension.TEMPERATURE_DIFFERENCE and canonical in (
        "degree_Celsius",
        "degree_Fahrenheit",
    ):
        return "delta_" + canonical
    return canonical


def _readings(unit: str) -> tuple[str, ...]:
    return AMBIGUOUS_UNITS.get(unit, (unit,))


def _is_money(q: Quantity) -> bool:
    return q.dimension is Dimension.MONEY or q.currency is not None


def _allowed(q: Quantity, dimensions: set[str]) -> bool:
    return str(q.dimension) in dimensions and not _is_money(q)


def _pair_text(q: Quantity) -> str:
    return q.text.strip()


def _no_figure(pair: Pair) -> Outcome:
    first, second = pair.first, pair.second
    if second.bound is Bound.UNIT_ONLY:
        what = f"'{_pair_text(second)}' converts '{_pair_text(first)}' with no figure"
    else:
        what = f"'{_pair_text(first)}' has no figure, so '{_pair_text(second)}' converts nothing"
    return Outcome(
        code="no_figure",
        ok=False,
        span=second.span,
        message=f"A conversion with no figure: {what}.",
        related=[first.span],
        evidence={"source": _pair_text(first), "written": _pair_text(second), "unit": second.unit},
        values={"source": _pair_text(first), "written": _pair_text(second)},
        suggestion="Give a figure on both sides of the conversion, or drop the converted unit.",
    )


def _number(params: Mapping[str, Any], key: str, default: float | None) -> float | None:
    """A numeric parameter; a value that is not a non-negative number falls back to the
    default (the rule loader checks parameter names, not their types)."""
    value = params.get(key, default)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and number >= 0 else default


def _settings(params: Mapping[str, Any]) -> dict[str, float | None]:
    return {
        "slack": _number(params, "slack", DEFAULT_CONVERSION_SLACK),
        "hedge_slack": _number(params, "hedge_slack", DEFAULT_HEDGE_SLACK),
        "round_slack": _number(params, "round_slack", DEFAULT_ROUND_SLACK),
    }


def _best(
    source: Quantity, target: Quantity, settings: Mapping[str, Any]
) -> tuple[Comparison, str, str] | None:
    """Compare under every reading of ambiguous units; the first that fits, else the closest."""
    source_unit, target_unit = _unit_for(source), _unit_for(target)
    if source_unit is None or target_unit is None:
        return None
    best: tuple[float, Comparison, str, str] | None = None
    for s_unit, t_unit in itertools.product(_readings(source_unit), _readings(target_unit)):
        convert = unit_converter(s_unit, t_unit)
        if convert is None:
            continue
        comparison = compare_conversion(
            source,
            target,
            convert,
            slack=settings["slack"] or 0.0,
            hedge_slack=settings["hedge_slack"] or 0.0,
            round_slack=settings["round_slack"],
        )
        if comparison is None:
            continue
        if comparison.ok:
            return comparison, s_unit, t_unit
        miss = comparison.admitted.gap(comparison.target) / max(abs(comparison.written), 1e-12)
        if best is None or miss < best[0]:
            best = (miss, comparison, s_unit, t_unit)
    return None if best is None else best[1:]


def _figure_label(comparison: Comparison, source: Quantity, symbol: str) -> str:
    """The source figure that was converted, as a number and unit ("20 km", "5 km²")."""
    if comparison.end == "low":
        figure = min(source.low, source.high)
    elif comparison.end == "high":
        figure = max(source.low, source.high)
    elif source.value is not None:
        figure = source.value
    else:
        return f"{format_number(source.low, 6)}-{format_number(source.high, 6)} {symbol}"
    return f"{format_number(figure, 6)} {symbol}"


def _explanation(comparison: Comparison, s_sym: str, t_sym: str) -> str:
    """The interval arithmetic in words, with units: what each side admits."""

    def show(interval, symbol):
        low = "-inf" if math.isinf(interval.low) else format_number(interval.low, 4)
        high = "inf" if math.isinf(interval.high) else format_number(interval.high, 4)
        return f"{low}..{high} {symbol}"

    relation = "overlaps" if comparison.ok else "does not overlap"
    end = f"{comparison.end} end: " if comparison.end else ""
    return (
        f"{end}the source admits {show(comparison.source, s_sym)} = "
        f"{show(comparison.admitted, t_sym)} (with slack), which {relation} "
        f"{show(comparison.target, t_sym)} admitted by the written figure"
    )


def _check_pair(pair: Pair, settings: Mapping[str, Any]) -> Outcome | None:
    source, target = pair.first, pair.second
    found = _best(source, target, settings)
    if found is None:
        return None
    comparison, s_unit, t_unit = found
    s_sym, t_sym = unit_symbol(s_unit), unit_symbol(t_unit)
    source_label = _figure_label(comparison, source, s_sym)
    computed = f"{format_number(comparison.computed)} {t_sym}"
    written: Any = comparison.written
    if comparison.mode == "sets" and target.bound is Bound.RANGE and target.low is not None:
        written = [target.low, target.high]
    evidence: dict[str, Any] = {
        "computed": round_significant(comparison.computed),
        "written": written,
        "tolerance": round_significant(comparison.tolerance, 6),
        "unit": t_unit,
        "source": _pair_text(source),
        "source_unit": s_unit,
        "explanation": _explanation(comparison, s_sym, t_sym),
        "admitted": [
            _finite_or_none(comparison.admitted.low),
            _finite_or_none(comparison.admitted.high),
        ],
        "written_admits": [
            _finite_or_none(comparison.target.low),
            _finite_or_none(comparison.target.high),
        ],
        "mode": comparison.mode,
        "slack": settings["slack"],
    }
    if comparison.end:
        evidence["end"] = comparison.end
    readings = [_READING_NAMES[u] for u in (s_unit, t_unit) if u in _READING_NAMES]
    if readings:
        evidence["reading"] = ", ".join(readings)
    values = {
        "written": _pair_text(target),
        "source": _pair_text(source),
        "converted": source_label,
        "computed": computed,
    }
    if comparison.ok:
        message = f"{source_label} = {computed}, consistent with '{_pair_text(target)}'"
        if comparison.mode == "ends":
            low, high = min(source.low, source.high), max(source.low, source.high)
            converter = unit_converter(s_unit, t_unit)
            if converter is not None:
                message = (
                    f"{format_number(low, 6)}-{format_number(high, 6)} {s_sym} = "
                    f"{format_number(converter(low))}-{computed}, consistent with "
                    f"'{_pair_text(target)}'"
                )
        return Outcome(
            code="mismatch",
            ok=True,
            span=target.span,
            message=message,
            related=[source.span],
            evidence=evidence,
            values=values,
        )
    end = f" ({comparison.end} end)" if comparison.end else ""
    message = (
        f"'{_pair_text(target)}' does not match '{_pair_text(source)}'{end}: "
        f"{source_label} is about {computed}."
    )
    suggestion = (
        f"Either the source figure or the conversion is wrong: {source_label} is "
        f"about {format_number(comparison.computed, 2)} {t_sym}"
    )
    back = unit_converter(t_unit, s_unit)
    if back is not None:
        try:
            reverse = back(comparison.written)
            suggestion += (
                f", and {format_number(comparison.written, 6)} {t_sym} is about "
                f"{format_number(reverse, 2)} {s_sym}"
            )
        except (ArithmeticError, ValueError, TypeError):
            pass
    return Outcome(
        code="mismatch",
        ok=False,
        span=target.span,
        message=message,
        related=[source.span],
        evidence=evidence,
        values=values,
        suggestion=suggestion + ".",
    )


def _finite_or_none(x: float) -> float | None:
    return round(x, 6) if math.isfinite(x) else None


@register(
    "conversion",
    defaults={
        "dimensions": list(DEFAULT_DIMENSIONS),
        "slack": DEFAULT_CONVERSION_SLACK,
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "round_slack": DEFAULT_ROUND_SLACK,
    },
    codes=("mismatch", "no_figure"),
)
def check_conversions(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A parenthetical or "or"-joined unit conversion must agree with the figure it converts,
    allowing for the rounding of both (mismatch); a conversion needs a figure (no_figure)."""
    dimensions_param = params.get("dimensions") or DEFAULT_DIMENSIONS
    if isinstance(dimensions_param, str):
        dimensions_param = [dimensions_param]
    if not isinstance(dimensions_param, list | tuple | set | frozenset):
        dimensions_param = DEFAULT_DIMENSIONS
    dimensions = {str(d) for d in dimensions_param}
    settings = _settings(params)
    for pair in claims.pairs:
        if pair.kind != "conversion":
            continue
        first, second = pair.first, pair.second
        if not (_allowed(first, dimensions) and _allowed(second, dimensions)):
            continue
        if first.dimension is not second.dimension:
            continue
        if second.bound is Bound.UNIT_ONLY or (first.bound is Bound.VAGUE and first.unit):
            yield _no_figure(pair)
            continue
        if not (first.is_checkable and second.is_checkable) or not (first.unit and second.unit):
            continue
        first_unit, second_unit = _unit_for(first), _unit_for(second)
        if first_unit is None or second_unit is None or first_unit == second_unit:
            continue
        outcome = _check_pair(pair, settings)
        if outcome is not None:
            yield outcome
