"""Check kind ``conversion``: a converted figure must agree with the figure it converts.

Anti-pattern: "The trail is 5 miles (10 km) long." 5 mi is 8.05 km, and no rounding of 5
miles gives 10 km. Fix: either the source figure or the conversion is wrong; the check names
both and rewrites neither. Passes: "5 miles (8 km)", "under 5 km² (under 2 sq mi)", "30 to 55
km/h (19 to 34 mph)", "40C (104F)", "-40C (-40F)".

Reads ``Claims.pairs`` of kind "conversion" (found by extraction); the first figure is the
source, the second the conversion. The arithmetic lives in ``factcheck.tolerance``; this module
chooses units, skips what is not a unit conversion (different dimensions, the same unit
twice) and words the outcome. A unit the text leaves ambiguous ("gallons", "tons") passes if
any of its readings (US or imperial gallons; short, long or metric tons) fits.

Three further kinds of pair, each in its own section below:

* **Temperature differences** convert without the offset ("warmed by 4C (7.2F)"); a change
  converted as a temperature ("warmed by 4C (39.2F)") is a mismatch that says so.
* **Money** ("$11bn (£5.9bn)") converts at the European Central Bank's rate of the
  publication date (``factcheck.rates``), code ``currency_mismatch``; checked only when the
  rule's ``dimensions`` include "money" (rules/currency.yaml), so that a rule set chooses
  whether exchange rates are in play.
* **No figure** ("dozens of kilometres (miles)"), code ``no_figure``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from factcheck import rates
from factcheck.checks import register
from factcheck.checks._arith import finite_or_none
from factcheck.claims import Bound, Claims, Dimension, Pair, Quantity
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_CONVERSION_SLACK,
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    Comparison,
    compare_conversion,
    figure,
    show,
    significant_decimals,
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


def round_significant(x: float, significant: int = 3) -> float:
    """Round to ``significant`` digits but keep the whole integer part: 2471.05 -> 2471.0,
    1.9312 -> 1.93."""
    if not math.isfinite(x):
        return x
    return round(x, significant_decimals(x, significant))


def format_number(x: float, significant: int = 3) -> str:
    """A figure for a message, as ``round_significant`` with thousands separators:
    2471.05 -> "2,471", 1.9312 -> "1.93", 8.0467 -> "8.05"; "inf" and "nan" as Python
    writes them."""
    if not math.isfinite(x):
        return str(x)
    return show(x, significant)


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
    ends = [x for x in (source.low, source.high) if x is not None]
    if comparison.end == "low" and ends:
        value = min(ends)
    elif comparison.end == "high" and ends:
        value = max(ends)
    elif source.value is not None:
        value = source.value
    elif len(ends) == 2:
        return f"{format_number(source.low, 6)}-{format_number(source.high, 6)} {symbol}"
    elif ends:
        value = ends[0]
    else:
        return symbol
    return f"{format_number(value, 6)} {symbol}"


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
            finite_or_none(comparison.admitted.low),
            finite_or_none(comparison.admitted.high),
        ],
        "written_admits": [
            finite_or_none(comparison.target.low),
            finite_or_none(comparison.target.high),
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


# --------------------------------------------------------------------------- temperatures
#
# A temperature difference converts without the offset: a rise of 4 °C is a rise of 7.2 °F,
# while 4 °C is 39.2 °F. Extraction marks a figure written as a change ("warmed by 4C", "a
# rise of 2C", "3C warmer") as Dimension.TEMPERATURE_DIFFERENCE. A conversion restates one
# figure, so when either side of a pair is marked a difference, both are.

_TEMPERATURES = frozenset({Dimension.TEMPERATURE, Dimension.TEMPERATURE_DIFFERENCE})
_DELTA_UNITS = {
    "degree_Celsius": "delta_degree_Celsius",
    "degree_Fahrenheit": "delta_degree_Fahrenheit",
}
_LEVEL_UNITS = {delta: level for level, delta in _DELTA_UNITS.items()}


def _as_difference(q: Quantity) -> Quantity:
    if q.dimension is Dimension.TEMPERATURE_DIFFERENCE:
        return q
    unit = canonical_unit(q.unit) if q.unit else None
    return replace(
        q,
        dimension=Dimension.TEMPERATURE_DIFFERENCE,
        unit=_DELTA_UNITS.get(unit or "", q.unit),
    )


def _as_level(q: Quantity) -> Quantity:
    if q.dimension is Dimension.TEMPERATURE:
        return q
    unit = canonical_unit(q.unit) if q.unit else None
    return replace(q, dimension=Dimension.TEMPERATURE, unit=_LEVEL_UNITS.get(unit or "", q.unit))


def _as_differences(first: Quantity, second: Quantity) -> tuple[Quantity, Quantity]:
    """A temperature paired with a temperature difference: both are differences."""
    if {first.dimension, second.dimension} == _TEMPERATURES:
        return _as_difference(first), _as_difference(second)
    return first, second


def _temperature_reading(pair: Pair, settings: Mapping[str, Any]) -> Outcome | None:
    """A failed temperature pair read the other way round.

    * A difference converted as a level ("warmed by 4C (39.2F)": 39.2 = 4 x 1.8 + 32) is the
      classic slip; the mismatch says so (evidence ``offset_used``) and gives the right figure.
    * Two levels that agree as a difference ("3C (5.4F) above the average" where the
      extractor saw no change word) are not flagged: an error that happens to equal the
      offset-free conversion is far less likely than an unmarked difference.
    """
    first, second = pair.first, pair.second
    if first.dimension is Dimension.TEMPERATURE_DIFFERENCE:
        as_levels = Pair(first=_as_level(first), second=_as_level(second), kind=pair.kind)
        offset = _check_pair(as_levels, settings)
        if offset is None or not offset.ok:
            return None
        difference = _check_pair(pair, settings)
        if difference is None:
            return None
        source_unit = _unit_for(first) or ""
        target_unit = _unit_for(second) or ""
        converter = unit_converter(source_unit, target_unit)
        if converter is None or first.value is None:
            return None
        right = format_number(converter(first.value))
        symbol = unit_symbol(target_unit)
        as_level = f"{format_number(second.value or 0.0, 6)} {symbol}"
        evidence = dict(difference.evidence)
        evidence["offset_used"] = True
        evidence["computed_as_level"] = offset.evidence.get("computed")
        values = dict(difference.values)
        values["converted"] = f"a change of {values['converted']}"
        values["computed"] = (
            f"{right} {symbol} ({as_level} is the figure converted as a temperature, with the "
            "+32 offset, which a change does not have)"
        )
        return Outcome(
            code="mismatch",
            ok=False,
            span=second.span,
            message=(
                f"'{_pair_text(second)}' does not match '{_pair_text(first)}': "
                f"{values['converted']} is {values['computed']}."
            ),
            related=[first.span],
            evidence=evidence,
            values=values,
            suggestion=(
                f"A change of temperature converts without the offset: write {right} {symbol}."
            ),
        )
    if first.dimension is Dimension.TEMPERATURE:
        as_differences = Pair(
            first=_as_difference(first), second=_as_difference(second), kind=pair.kind
        )
        reading = _check_pair(as_differences, settings)
        if reading is not None and reading.ok:
            reading.evidence["reading"] = "temperature difference"
            reading.message += " (read as a temperature difference)"
            return reading
    return None


# --------------------------------------------------------------------------- money
#
# A currency conversion is a unit conversion whose factor changes every day. The factor is
# the European Central Bank's rate (``factcheck.rates``) on the publication date, or the
# nearest earlier business day. The comparison is the same rounding-aware one as for units
# (``compare_conversion``: each figure stands for the true values that round to it, bounds
# and hedges as there), with a wider factor allowance:
#
# * ``rate_slack`` (3 %) is the rate a writer may honestly have used instead of the ECB's
#   fixing that day: the previous day's (in the ECB table, sterling moved more than 1 %
#   against the dollar on about 18 business days a year, more than 2 % on 46 days in 27
#   years), a commercial or rounded rate ($1.90 to the pound), or the rate on the day the
#   deal was struck a few days before. 3 % admits
#   all of these and still catches a wrong rate, a wrong currency (euros written as pounds
#   differ by a third) or a slipped digit.
# * Without a publication date the factor is any rate the pair had over the article's
#   *publication window* (``Claims.published_between``: the first and last day it can be
#   from), plus the same slack. The window is a fact about the document, given from outside
#   the text: ``--published-between 2004..2005``, a JSONL or front-matter
#   ``published_between``, or ``published-between`` in the configuration of an archive's
#   folder (``factcheck.load.published``). Without one, the rule's ``undated_years``
#   ([first, last] years; kept for rule sets written before the window existed) is used,
#   and without that every year the table covers (1999 on): sterling bought between $1.06
#   and $2.11 in that time, so an undated conversion is then flagged only for gross errors
#   (a factor of ten, yen for dollars). With a window of two years (2004-2005: $1.70 to
#   $1.95) a pound figure that is really a euro figure ($1.29 to the "pound") is caught.
#   The window is not inferred from the article's own dates: the latest past-tense year is
#   at best a lower bound (which alone changes nothing here: sterling has bought $1.06 to
#   $2.11 since 2004), and nothing written bounds the window from above. Guessed as [that
#   year, the next], it made this check flag consistent BBC pairs and miss 2 of the
#   archive's 4 real errors (``eval/publication_window.py``; factcheck.load.published and
#   docs/configuration.md say how the window is given).
#
# Names shared by several currencies (pesos, kroner, rupees, dinars) are read every way:
# ``currency_readings`` maps the ISO code the extractor chose to the currencies the word
# can mean, and the pair passes if any reading fits. A reading the table has no rates for
# (the Argentine peso) cannot be ruled out, so such a pair is not checked at all.

DEFAULT_RATE_SLACK = 0.03
DEFAULT_CURRENCY_READINGS: dict[str, list[str]] = {
    # "pesos": Mexico, Argentina, the Philippines, Chile, Colombia, Cuba, Uruguay ...
    "MXN": ["MXN", "ARS", "PHP", "CLP", "COP"],
    # "kroner"/"kronor": Denmark, Norway, Sweden, Iceland
    "DKK": ["DKK", "NOK", "SEK", "ISK"],
    # "rupees": India, Pakistan, Sri Lanka, Nepal
    "INR": ["INR", "PKR", "LKR", "NPR"],
    # "dinars": Algeria, Iraq, Jordan, Kuwait, Tunisia, Serbia ...
    "DZD": ["DZD", "IQD", "JOD", "KWD", "TND", "RSD"],
    # "lira": the Turkish new and old lira, the Italian lira
    "TRY": ["TRY", "TRL", "ITL"],
}
# Currencies a writer or sub-editor confuses: a finding says when the written figure fits
# one of these instead ("£350m" is €500m, not $500m).
DEFAULT_CONFUSABLE_CURRENCIES = ("EUR", "USD", "GBP")

_CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}


def currency_symbol(code: str) -> str:
    return _CURRENCY_SYMBOLS.get(code, code + " ")


def _one(code: str) -> str:
    """One unit of a currency: "$1", "£1", "1 CHF"."""
    symbol = _CURRENCY_SYMBOLS.get(code)
    return f"{symbol}1" if symbol else f"1 {code}"


def _per(rate: float, code: str) -> str:
    symbol = _CURRENCY_SYMBOLS.get(code)
    shown = format_number(rate, 4)
    return f"{symbol}{shown}" if symbol else f"{shown} {code}"


def format_money(amount: float, code: str, significant: int = 3) -> str:
    """A money figure for a message, the way news writes it: "$11bn", "£5.89bn", "€350m"."""
    if not math.isfinite(amount):
        return f"{currency_symbol(code)}{amount}"
    sign, size = ("-" if amount < 0 else ""), abs(amount)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if size >= scale:
            shown = format_number(size / scale, significant)
            return f"{sign}{currency_symbol(code)}{shown}{suffix}"
    if size >= 1000:  # "£307,000", not "£307,276": as many digits as a writer gives
        size = float(f"{size:.{max(significant, 3)}g}")
    return f"{sign}{currency_symbol(code)}{format_number(size, significant)}"


def _years(value: Any) -> tuple[dt.date, dt.date] | None:
    """``undated_years`` as a span of days: [first, last] years, one year, or None."""
    if value is None:
        return None
    if isinstance(value, int | str):
        value = [value, value]
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    try:
        first, last = int(value[0]), int(value[1])
    except (TypeError, ValueError):
        return None
    if not (1 <= first <= last <= 9999):
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _readings_table(params: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    table = params.get("currency_readings")
    if not isinstance(table, Mapping):
        table = DEFAULT_CURRENCY_READINGS
    readings: dict[str, tuple[str, ...]] = {}
    for code, alternatives in table.items():
        if isinstance(alternatives, list | tuple) and all(isinstance(a, str) for a in alternatives):
            readings[str(code)] = tuple(alternatives) or (str(code),)
    return readings


@dataclass(frozen=True, slots=True)
class _Factor:
    """The exchange rate a money pair is judged with: one day's, or a span's extremes."""

    low: float
    high: float
    first: dt.date  # the business day used (dated), or the span's first day
    last: dt.date
    dated: bool

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    @property
    def spread(self) -> float:
        """Half the span of rates, relative to the middle one (0 for one day's rate)."""
        return (self.high - self.low) / (self.high + self.low)


# A window the table covers within this many days at either end counts as covered (the
# ECB's first fixing was on 4 January 1999; the table ends on its last business day).
_COVERAGE_GRACE = dt.timedelta(days=7)


def _factor(source: str, target: str, published: dt.date | None, window) -> _Factor | None:
    """The rate on the publication date, or the rates over the window the article could
    be from; None when the table cannot say (a currency it lacks, or lacks for part of the
    window: the rupiah's ECB rates start in April 2005, so they cannot judge 2004)."""
    if published is not None:
        rate = rates.rate_on(source, target, published)
        if rate is None:
            return None
        return _Factor(rate.rate, rate.rate, rate.day, rate.day, True)
    bounds = rates.table_bounds(source, target)
    whole = rates.table_bounds("EUR")
    if bounds is None or whole is None:
        return None
    first, last = window if window is not None else whole
    first, last = max(first, whole[0]), min(last, whole[1])
    if bounds[0] > first + _COVERAGE_GRACE or bounds[1] < last - _COVERAGE_GRACE:
        return None
    span = rates.rate_range(source, target, first, last)
    if span is None:
        return None
    return _Factor(span.low, span.high, span.first, span.last, False)


def _compare_money(
    source: Quantity, target: Quantity, factor: _Factor, settings: Mapping[str, Any]
) -> Comparison | None:
    middle = factor.middle
    return compare_conversion(
        source,
        target,
        lambda amount: amount * middle,
        slack=(settings["rate_slack"] or 0.0) + factor.spread,
        hedge_slack=settings["hedge_slack"] or 0.0,
        round_slack=settings["round_slack"],
    )


def _rate_words(rate: float, source: str, target: str) -> str:
    """A rate the way a reader checks it: "$1 = £0.5373", or for a tiny rate the other way
    round ("$1 = IDR 9,427" rather than "1 IDR = $0.000106")."""
    if rate < 0.01:
        return f"{_one(target)} = {_per(1 / rate, source)}"
    return f"{_one(source)} = {_per(rate, target)}"


def _rate_text(source: str, target: str, factor: _Factor) -> str:
    if factor.dated:
        return (
            f"the ECB rate of {factor.first.isoformat()} "
            f"({_rate_words(factor.low, source, target)})"
        )
    low, high = _rate_words(factor.low, source, target), _rate_words(factor.high, source, target)
    if factor.low < 0.01:  # shown the other way round: the smaller figure first
        low, high = high, low
    return (
        f"any ECB rate from {factor.first.isoformat()} to {factor.last.isoformat()} "
        f"({low} to {high.split(' = ', 1)[1]})"
    )


def _computed_text(amount: float, code: str, factor: _Factor) -> str:
    if factor.dated or factor.low == factor.high:
        return format_money(amount * factor.low, code)
    return (
        f"{format_money(amount * factor.low, code)} to {format_money(amount * factor.high, code)}"
    )


def _significant(x: float, digits: int) -> float:
    """``x`` to ``digits`` significant digits: 5910661062 -> 5.911e9."""
    return float(f"{x:.{digits}g}") if math.isfinite(x) else x


_CURRENCY_NAMES = {"EUR": "euros", "USD": "US dollars", "GBP": "pounds", "JPY": "yen"}


def _currency_name(code: str) -> str:
    return _CURRENCY_NAMES.get(code, code)


def _fits_instead(
    pair: Pair, published: dt.date | None, window, settings: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Confusable currencies under which the pair would be consistent, closest first: the
    written figure in another currency ("side": "written"), or the source figure."""
    source, target = pair.first, pair.second
    amount, written = figure(source), figure(target)
    if not amount or not written:
        return []
    found = []
    for code in settings["confusable"]:
        for side, s_code, t_code in (
            ("written", source.currency, code),
            ("source", code, target.currency),
        ):
            if code in (source.currency, target.currency) or s_code == t_code:
                continue
            factor = _factor(s_code, t_code, published, window)
            if factor is None:
                continue
            comparison = _compare_money(source, target, factor, settings)
            if comparison is None or not comparison.ok:
                continue
            converted = amount * factor.middle
            reading = (
                f"{format_money(amount, s_code, 4)} = {_computed_text(amount, t_code, factor)}"
            )
            found.append(
                {
                    "side": side,
                    "currency": code,
                    "reading": reading,
                    "miss": round(abs(converted - written) / abs(written), 4),
                }
            )
    return sorted(found, key=lambda hint: hint["miss"])


def _check_money_pair(
    pair: Pair, published: dt.date | None, window, settings: Mapping[str, Any]
) -> Outcome | None:
    source, target = pair.first, pair.second
    readings = settings["readings"]
    source_codes = readings.get(source.currency, (source.currency,))
    target_codes = readings.get(target.currency, (target.currency,))
    judged: list[tuple[Comparison, str, str, _Factor]] = []
    for s_code, t_code in itertools.product(source_codes, target_codes):
        if s_code == t_code:
            continue
        factor = _factor(s_code, t_code, published, window)
        if factor is None:
            return None  # a reading the table cannot rule out: no verdict
        comparison = _compare_money(source, target, factor, settings)
        if comparison is None:
            return None
        judged.append((comparison, s_code, t_code, factor))
    if not judged:
        return None
    fitting = [j for j in judged if j[0].ok]
    comparison, s_code, t_code, factor = (fitting or judged)[0]
    amount = figure(source)
    if amount is None:
        return None
    computed = _computed_text(amount, t_code, factor)
    rate_text = _rate_text(s_code, t_code, factor)
    tolerance = (settings["rate_slack"] or 0.0) + factor.spread
    evidence: dict[str, Any] = {
        "computed": _significant(comparison.computed, 4),
        "written": comparison.written,
        "tolerance": _significant(comparison.tolerance, 4),
        "rate_tolerance": round(tolerance, 4),
        "rate": round_significant(factor.low, 6)
        if factor.dated
        else [round_significant(factor.low, 6), round_significant(factor.high, 6)],
        "rate_date": factor.first.isoformat()
        if factor.dated
        else [factor.first.isoformat(), factor.last.isoformat()],
        "rate_source": rates.SOURCE_NAME,
        "currencies": f"{s_code}->{t_code}",
        "source": _pair_text(source),
        "admitted": [
            finite_or_none(comparison.admitted.low),
            finite_or_none(comparison.admitted.high),
        ],
        "written_admits": [
            finite_or_none(comparison.target.low),
            finite_or_none(comparison.target.high),
        ],
    }
    if not factor.dated:
        evidence["undated"] = True
    if (s_code, t_code) != (source.currency, target.currency):
        evidence["reading"] = f"{s_code}->{t_code}"
    values = {
        "written": _pair_text(target),
        "source": _pair_text(source),
        "computed": computed,
        "rate_text": rate_text,
    }
    if comparison.ok:
        return Outcome(
            code="currency_mismatch",
            ok=True,
            span=target.span,
            message=(
                f"{format_money(amount, s_code, 4)} at {rate_text} is {computed}, consistent "
                f"with '{_pair_text(target)}'"
            ),
            related=[source.span],
            evidence=evidence,
            values=values,
        )
    message = (
        f"'{_pair_text(target)}' does not match '{_pair_text(source)}': at {rate_text}, "
        f"{format_money(amount, s_code, 4)} is {computed} (allowing {tolerance:.0%} for the rate "
        "used and the rounding of both figures)."
    )
    suggestion = "Check the rate, the currency symbols and both figures."
    instead = _fits_instead(pair, published, window, settings)
    if instead:
        evidence["fits_instead"] = [hint["reading"] for hint in instead]
        hint = instead[0]
        if hint["side"] == "written":
            suggestion = (
                f"'{_pair_text(target)}' fits the figure in {_currency_name(hint['currency'])} "
                f"({hint['reading']}): is it written in the wrong currency?"
            )
        else:
            suggestion = (
                f"'{_pair_text(target)}' fits the figure in {_currency_name(hint['currency'])} "
                f"({hint['reading']}): is '{_pair_text(source)}' written in the wrong currency?"
            )
        values["hint"] = suggestion
    return Outcome(
        code="currency_mismatch",
        ok=False,
        span=target.span,
        message=message,
        related=[source.span],
        evidence=evidence,
        values=values,
        suggestion=suggestion,
    )


def _money_settings(params: Mapping[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    settings = dict(settings)
    settings["rate_slack"] = _number(params, "rate_slack", DEFAULT_RATE_SLACK)
    settings["readings"] = _readings_table(params)
    confusable = params.get("confusable_currencies", DEFAULT_CONFUSABLE_CURRENCIES)
    if not isinstance(confusable, list | tuple):
        confusable = DEFAULT_CONFUSABLE_CURRENCIES
    settings["confusable"] = tuple(str(c) for c in confusable)
    return settings


def _is_money_pair(pair: Pair) -> bool:
    first, second = pair.first, pair.second
    return (
        first.dimension is Dimension.MONEY
        and second.dimension is Dimension.MONEY
        and bool(first.currency)
        and bool(second.currency)
        and first.currency != second.currency
        and first.is_checkable
        and second.is_checkable
    )


@register(
    "conversion",
    defaults={
        "dimensions": list(DEFAULT_DIMENSIONS),
        "slack": DEFAULT_CONVERSION_SLACK,
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "round_slack": DEFAULT_ROUND_SLACK,
        "rate_slack": DEFAULT_RATE_SLACK,
        "undated_years": None,
        "currency_readings": DEFAULT_CURRENCY_READINGS,
        "confusable_currencies": list(DEFAULT_CONFUSABLE_CURRENCIES),
    },
    codes=("mismatch", "no_figure", "currency_mismatch"),
)
def check_conversions(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A parenthetical or "or"-joined unit conversion must agree with the figure it converts,
    allowing for the rounding of both (mismatch); a conversion needs a figure (no_figure); a
    currency conversion must agree at the day's ECB rate (currency_mismatch, when the rule's
    dimensions include "money")."""
    dimensions_param = params.get("dimensions") or DEFAULT_DIMENSIONS
    if isinstance(dimensions_param, str):
        dimensions_param = [dimensions_param]
    if not isinstance(dimensions_param, list | tuple | set | frozenset):
        dimensions_param = DEFAULT_DIMENSIONS
    dimensions = {str(d) for d in dimensions_param}
    settings = _settings(params)
    money = _money_settings(params, settings) if "money" in dimensions else None
    # The document's publication window (a fact about it: --published-between, its own
    # field, the configuration) beats the rule's undated_years (a fallback for a rule set).
    window = claims.published_between or _years(params.get("undated_years"))
    for pair in claims.pairs:
        if pair.kind != "conversion":
            continue
        if money is not None and _is_money_pair(pair):
            outcome = _check_money_pair(pair, claims.published, window, money)
            if outcome is not None:
                yield outcome
            continue
        first, second = pair.first, pair.second
        first, second = _as_differences(first, second)
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
        pair = Pair(first=first, second=second, kind=pair.kind, joiner=pair.joiner)
        outcome = _check_pair(pair, settings)
        if outcome is not None and not outcome.ok and _TEMPERATURES & {first.dimension}:
            outcome = _temperature_reading(pair, settings) or outcome
        if outcome is not None:
            yield outcome
