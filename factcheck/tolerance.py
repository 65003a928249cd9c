"""Rounding-aware comparison: the one place numeric checks decide "consistent or not".

A written figure is a rounding. It stands for every true value that would be written that
way: "2" for [1.5, 2.5], "1.9" for [1.85, 1.95], "under 2" for anything below 2.5. Checks
compare these *intervals*, never raw floats, so normal rounding is never flagged: a problem is
reported only when no plausible rounding explains the text (the idea behind statcheck and the
GRIM test).

How a figure is read
--------------------
* **Precision.** ``Quantity.precision`` is the place value of the last significant digit; for
  an integer with trailing zeros the extractor gives the coarse reading ("20" -> 10, "18,000"
  -> 1,000). A figure admits its value plus or minus half that step.
* **Round figures.** Read literally, the coarse step of a one-significant-digit figure is
  huge: "10" would admit 5..15 and "1,000" 500..1,500, wide enough to hide any conversion
  error ("5 miles (10 km)" would pass). But a round figure is not necessarily rounded that
  coarsely; it is how writers say "about": "30ft (10m)" rounds 9.14 m to the nearest round
  number. So a round figure (an integer that is a multiple of its precision, precision >= 10)
  is read as an implicit hedge: value plus or minus ``round_slack`` of itself (10 %, the same
  as an explicit "about"), never wider than its coarse step and never narrower than its units
  digit. This only changes figures whose coarse step exceeds 10 % of them: one significant
  digit 1..4 ("10", "30", "400", "1,000", "3 million"); "60" keeps 55..65 and "2,500" keeps
  2,450..2,550.
* **Interval scales.** Relative widths mean nothing on a scale with an arbitrary zero (10 %
  of 0 °C?), and a trailing zero in "40C" does not make it a one-digit figure: temperatures
  (``Dimension.TEMPERATURE``) are read to the degree, so "40C (100F)" is flagged while
  "-40C (-40F)" passes. Bounds on such scales are open downwards to minus infinity.
* **Hedges** widen a figure to ``hedge_slack`` of its value ("about 20" covers 18..22);
  "nearly X" / "almost X" means just below X: the interval ends at X's rounding.
* **Bounds** are sets: "under 2" admits everything from 0 up to 2's rounding; "more than 40"
  everything from 40's rounding up.

How a conversion is compared (``compare_conversion``)
----------------------------------------------------
The first figure is the source, the parenthetical or "or"-joined one the converted figure.
Both are roundings of one true value, so the conversion is consistent when some true value is
admitted by both: the source's interval, converted (conversions are monotonic, so the ends
convert to the ends; offset units such as °C/°F convert correctly), widened by a small
relative ``slack`` for the factor writers use (1.6 km a mile), must overlap the target's
interval. This is what lets "3 mph (6 kph)" pass: both are roundings of a wind speed given in
knots (3.45 mph = 5.55 kph), although 3 mph is 4.8 kph. Three refinements:

* A bound or hedge written before the pair qualifies both figures: in "about ten lbs (five
  kg)" and "under 5 km² (2 sq mi)" the converted figure inherits "about" and "under".
* A qualifier that covers both figures says something about the true value, not about the
  conversion: the writer converted the *figure*. So when both carry a bound in the same
  direction ("under 5 km² (under 2 sq mi)", whose sets would always overlap) or the source is
  hedged ("about 90 miles (145 km)"), the two figures are compared as plain roundings: 5 km²
  = 1.93 sq mi, which "2" admits, while "about 90 miles (160 km)" is flagged (90 mi = 145
  km). A hedge on the converted figure alone ("100 mph (about 160 km/h)") says the
  conversion is loose and widens that figure only. Bounds in different directions, or a
  bound against a plain figure, are compared as sets.
* Two ranges convert end by end: "30 to 55 km/h (19 to 34 mph)" checks 30/19 and 55/34, so
  "10 to 20 km (6 to 20 miles)" flags its high end.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.claims import Bound, Dimension, Quantity

if TYPE_CHECKING:
    import pint

# How far a hedge widens a figure, as a fraction of the value: "about 20" covers 18..22.
DEFAULT_HEDGE_SLACK = 0.10
# How far a round figure ("30", "1,000") may be from the true value, as a fraction of it.
DEFAULT_ROUND_SLACK = 0.10
# Relative allowance for the factor a writer used (1.6 km to the mile, 2.2 lb to the kg).
DEFAULT_CONVERSION_SLACK = 0.005
# Floating-point allowance so that a value exactly on a rounding boundary stays inside.
_EPSILON = 1e-9

# "nearly X" means just below X.
NEAR_WORDS = frozenset({"nearly", "almost", "just under", "close to", "approaching", "just shy of"})
# Words that make a figure approximate when written on a range or a plain figure.
APPROX_WORDS = (
    frozenset(
        {
            "about",
            "around",
            "roughly",
            "approximately",
            "approx.",
            "some",
            "an estimated",
            "estimated",
            "c.",
            "ca.",
            "circa",
            "~",
            "≈",
            "or so",
            "more or less",
            "give or take",
        }
    )
    | NEAR_WORDS
)
UPPER_BOUNDS = frozenset({Bound.AT_MOST, Bound.LESS_THAN})
LOWER_BOUNDS = frozenset({Bound.AT_LEAST, Bound.MORE_THAN})


def _at_most(a: float, b: float) -> bool:
    """``a <= b``, forgiving floating-point noise (a value on a rounding boundary is inside)."""
    if a <= b:
        return True
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return a - b <= _EPSILON * max(1.0, abs(a), abs(b))


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of true values; ends may be infinite."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"bad interval {self.low}..{self.high}")

    def overlaps(self, other: Interval) -> bool:
        return _at_most(self.low, other.high) and _at_most(other.low, self.high)

    def contains(self, value: float) -> bool:
        return _at_most(self.low, value) and _at_most(value, self.high)

    def scale(self, factor: float) -> Interval:
        a, b = self.low * factor, self.high * factor
        return Interval(min(a, b), max(a, b))

    def map(self, function: Callable[[float], float]) -> Interval:
        """The image under a monotonic function (either direction)."""
        a, b = function(self.low), function(self.high)
        return Interval(min(a, b), max(a, b))

    def widen(self, amount: float) -> Interval:
        return Interval(self.low - abs(amount), self.high + abs(amount))

    def gap(self, other: Interval) -> float:
        """Distance between the intervals; 0 when they overlap."""
        if self.overlaps(other):
            return 0.0
        return other.low - self.high if self.high < other.low else self.low - other.high


@dataclass(frozen=True, slots=True)
class Comparison:
    """The arithmetic behind one consistent-or-not decision, for findings and reports.

    ``computed`` is the source figure converted; ``written`` the figure it is compared with;
    ``tolerance`` how far from ``written`` the target's reading reaches. ``admitted`` is the
    set of target-unit values the source allows (converted, with slack) and ``target`` the
    set the written figure allows. ``end`` is "low"/"high" when range ends were compared.
    ``mode`` is "figures" (roundings of two figures), "ends" (range end by end) or "sets".
    ``source`` is the set the source figure allows, in its own unit, before conversion.
    """

    ok: bool
    computed: float
    written: float
    tolerance: float
    admitted: Interval
    target: Interval
    source: Interval
    explanation: str
    mode: str = "figures"
    end: str | None = None


# --------------------------------------------------------------------------- reading figures


def place_value(x: float) -> float:
    """Place value of the last nonzero digit of ``x`` as a float prints: 18000 -> 1000,
    1.93 -> 0.01, 0 -> 1."""
    if not math.isfinite(x) or x == 0:
        return 1.0
    try:
        exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
    except InvalidOperation:
        return 1.0
    if not isinstance(exponent, int):
        return 1.0
    return float(10**exponent) if exponent >= 0 else float(Decimal(1).scaleb(exponent))


def is_round_figure(value: float, precision: float | None) -> bool:
    """True for an integer written with trailing zeros whose precision is the coarse reading."""
    if precision is None or precision < 10 or not math.isfinite(value) or value == 0:
        return False
    ratio = value / precision
    return abs(ratio - round(ratio)) < 1e-6


def rounding_half_width(
    value: float,
    precision: float | None,
    *,
    offset_scale: bool = False,
    round_slack: float | None = DEFAULT_ROUND_SLACK,
) -> float:
    """How far the true value may be from a figure written as ``value`` to ``precision``.

    See the module docstring: a round figure reads as within ``round_slack`` of itself (but
    within its coarse step, and at least its units digit); on an interval scale to the unit.
    ``round_slack=None`` gives the literal coarse reading.
    """
    step = precision if precision and precision > 0 else place_value(value)
    half = step / 2
    if is_round_figure(value, step):
        if offset_scale:
            return min(half, 0.5)
        if round_slack is not None:
            return min(half, max(0.5, abs(value) * round_slack))
    return half


def half_step(q: Quantity) -> float:
    """Half the written precision, read literally (the coarse reading for round figures)."""
    return (q.precision or 0.0) / 2


def is_hedge(word: str | None) -> bool:
    """True for a word that makes a figure approximate ("about", "nearly"), not "between"."""
    return word is not None and word.lower().strip() in APPROX_WORDS


def is_offset_scale(q: Quantity) -> bool:
    """Temperatures on °C/°F: a scale whose zero is arbitrary, so no relative widths."""
    return q.dimension is Dimension.TEMPERATURE


def figure(q: Quantity) -> float | None:
    """The single figure of a quantity: its value, else a range's midpoint, else its one end."""
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else q.high


def written_ends(q: Quantity) -> tuple[float | None, float | None]:
    """The lowest and highest figure written: a range's ends in order, else the figure twice."""
    if q.low is not None and q.high is not None:
        return min(q.low, q.high), max(q.low, q.high)
    value = q.value if q.value is not None else (q.low if q.low is not None else q.high)
    return value, value


def figure_interval(
    value: float,
    precision: float | None,
    *,
    offset_scale: bool = False,
    round_slack: float | None = DEFAULT_ROUND_SLACK,
) -> Interval:
    """The true values that round to ``value`` at the written precision (no bound, no hedge)."""
    half = rounding_half_width(value, precision, offset_scale=offset_scale, round_slack=round_slack)
    return Interval(value - half, value + half)


def _end_interval(
    q: Quantity, value: float, hedge: str | None, hedge_slack: float, round_slack: float | None
) -> Interval:
    """One end of a range as a rounding, widened by the range's hedge ("about 95-130")."""
    rounding = figure_interval(
        value, q.precision, offset_scale=is_offset_scale(q), round_slack=round_slack
    )
    if not is_hedge(hedge):
        return rounding
    spread = max(rounding.high - value, abs(value) * hedge_slack)
    if hedge is not None and hedge.lower().strip() in NEAR_WORDS:
        return Interval(value - spread, rounding.high)
    return Interval(value - spread, value + spread)


def _reading(
    q: Quantity,
    bound: Bound,
    hedge: str | None,
    hedge_slack: float,
    round_slack: float | None,
) -> Interval | None:
    offset = is_offset_scale(q)
    if bound is Bound.RANGE or (q.value is None and q.low is not None and q.high is not None):
        ends = [x for x in (q.low, q.high) if x is not None]
        if not ends:
            return None
        lo = _end_interval(q, min(ends), hedge, hedge_slack, round_slack)
        hi = _end_interval(q, max(ends), hedge, hedge_slack, round_slack)
        return Interval(lo.low, hi.high)
    v = figure(q)
    if v is None or not math.isfinite(v):
        return None
    rounding = figure_interval(v, q.precision, offset_scale=offset, round_slack=round_slack)
    if bound in UPPER_BOUNDS:
        floor = 0.0 if v >= 0 and not offset else -math.inf
        return Interval(min(floor, rounding.low), rounding.high)
    if bound in LOWER_BOUNDS:
        return Interval(rounding.low, math.inf)
    if bound is Bound.APPROX or is_hedge(hedge):
        spread = max(rounding.high - v, abs(v) * hedge_slack)
        if hedge and hedge.lower().strip() in NEAR_WORDS:
            return Interval(v - spread, rounding.high)
        return Interval(v - spread, v + spread)
    return rounding


def written_interval(
    q: Quantity,
    hedge_slack: float = DEFAULT_HEDGE_SLACK,
    round_slack: float | None = DEFAULT_ROUND_SLACK,
) -> Interval | None:
    """The true values a written figure admits, given its bound, hedge and precision.

    Returns None for figures with nothing to compare (vague counts, a unit with no figure).
    """
    if not q.is_checkable:
        return None
    return _reading(q, q.bound, q.hedge, hedge_slack, round_slack)


def consistent(
    value: float,
    q: Quantity,
    hedge_slack: float = DEFAULT_HEDGE_SLACK,
    round_slack: float | None = DEFAULT_ROUND_SLACK,
) -> bool:
    """True when ``value`` is a true value the written figure ``q`` admits."""
    interval = written_interval(q, hedge_slack, round_slack)
    return interval is not None and interval.contains(value)


# --------------------------------------------------------------------------- reach
#
# How far a reading reaches from what is written: the "tolerance" a check reports in its
# evidence, so a reader sees how much rounding and hedging the verdict allowed.


def reach(written: float | None, interval: Interval, digits: int | None = None) -> float | None:
    """The larger distance from the written figure to a finite end of its reading.

    None when there is no written figure or neither end is finite; rounded to ``digits``
    decimals when given (evidence is rounded so that float noise does not show).
    """
    if written is None:
        return None
    sides = [abs(x - written) for x in (interval.low, interval.high) if math.isfinite(x)]
    if not sides:
        return None
    return round(max(sides), digits) if digits is not None else max(sides)


def reach_beyond_written(q: Quantity, interval: Interval) -> float:
    """How far the reading of ``q`` reaches beyond its written figure (rounding and hedge),
    measured on the interval ``written_interval`` gave, on the sides no bound leaves open:
    "under 5" reaches only upwards, "between 14,000 and 18,000" beyond each end."""
    low, high = written_ends(q)
    reaches = []
    if low is not None and math.isfinite(interval.low) and q.bound not in UPPER_BOUNDS:
        reaches.append(low - interval.low)
    if high is not None and math.isfinite(interval.high) and q.bound not in LOWER_BOUNDS:
        reaches.append(interval.high - high)
    return max(reaches, default=0.0)


# --------------------------------------------------------------------------- units


@lru_cache(maxsize=1)
def ureg() -> pint.UnitRegistry:
    """The one pint registry for the whole package (extraction should share it)."""
    import pint

    return pint.UnitRegistry()


def unit_converter(from_unit: str, to_unit: str) -> Callable[[float], float] | None:
    """A function converting magnitudes from one pint unit expression to another, or None
    when either is unknown to pint or their dimensions differ. Handles offset units."""
    import pint

    registry = ureg()
    try:
        source = registry.Unit(from_unit)
        target = registry.Unit(to_unit)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        return None
    if source.dimensionality != target.dimensionality:
        return None

    def convert(x: float) -> float:
        return float(registry.Quantity(x, source).to(target).magnitude)

    try:
        convert(1.0)
    except (pint.errors.PintError, ArithmeticError, TypeError, ValueError):
        return None
    return convert


# --------------------------------------------------------------------------- comparing


def _show(interval: Interval) -> str:
    return f"{interval.low:.6g}..{interval.high:.6g}"


def _judge(
    source_interval: Interval,
    source_figure: float,
    target_interval: Interval,
    target_figure: float,
    convert: Callable[[float], float],
    slack: float,
    mode: str,
    end: str | None = None,
) -> Comparison:
    """Convert the source's set, widen it by the slack, and test it against the target's."""
    computed = convert(source_figure)
    admitted = source_interval.map(convert)
    if math.isfinite(computed):
        admitted = admitted.widen(abs(computed) * slack)
    ok = admitted.overlaps(target_interval)
    relation = "overlaps" if ok else "does not overlap"
    explanation = (
        f"{source_figure:.6g} admits {_show(source_interval)}, converted "
        f"{_show(admitted)} (computed {computed:.6g}, slack {slack:g}), which {relation} "
        f"{_show(target_interval)} admitted by the written {target_figure:.6g}"
    )
    return Comparison(
        ok=ok,
        computed=computed,
        written=target_figure,
        tolerance=reach(target_figure, target_interval) or 0.0,
        admitted=admitted,
        target=target_interval,
        source=source_interval,
        explanation=(f"{end} end: " if end else "") + explanation,
        mode=mode,
        end=end,
    )


def compare_conversion(
    source: Quantity,
    target: Quantity,
    convert: Callable[[float], float],
    *,
    slack: float = DEFAULT_CONVERSION_SLACK,
    hedge_slack: float = DEFAULT_HEDGE_SLACK,
    round_slack: float | None = DEFAULT_ROUND_SLACK,
) -> Comparison | None:
    """Is ``target`` a plausible rounding of ``source`` converted with ``convert``?

    ``convert`` maps magnitudes in the source's unit to the target's and must be monotonic.
    Returns None when either side has no figure to compare (or the conversion fails).
    """
    if not (source.is_checkable and target.is_checkable):
        return None
    try:
        if _is_range(source) and _is_range(target):
            return _compare_ends(source, target, convert, slack, hedge_slack, round_slack)
        target_bound, target_hedge = target.bound, target.hedge
        if target_bound is Bound.EXACT and not target_hedge and source.bound is not Bound.RANGE:
            target_bound, target_hedge = source.bound, source.hedge  # "about ten lbs (five kg)"
        shared_bound = (source.bound in UPPER_BOUNDS and target_bound in UPPER_BOUNDS) or (
            source.bound in LOWER_BOUNDS and target_bound in LOWER_BOUNDS
        )
        shared_hedge = _is_hedged(source) and target_bound in (Bound.APPROX, Bound.EXACT)
        if shared_bound or shared_hedge:
            return _compare_plain_figures(source, target, convert, slack, round_slack)
        source_interval = written_interval(source, hedge_slack, round_slack)
        target_interval = _reading(target, target_bound, target_hedge, hedge_slack, round_slack)
        s_value, t_value = figure(source), figure(target)
        if None in (source_interval, target_interval, s_value, t_value):
            return None
        mode = "figures" if source.bound is target_bound is Bound.EXACT else "sets"
        return _judge(source_interval, s_value, target_interval, t_value, convert, slack, mode)
    except (ArithmeticError, ValueError, TypeError):
        return None


def _is_hedged(q: Quantity) -> bool:
    return q.bound is Bound.APPROX or is_hedge(q.hedge)


def _is_range(q: Quantity) -> bool:
    return q.bound is Bound.RANGE and q.low is not None and q.high is not None


def _compare_plain_figures(source, target, convert, slack, round_slack) -> Comparison | None:
    """A bound or hedge covers both figures: the figures themselves must convert."""
    s_value, t_value = figure(source), figure(target)
    if s_value is None or t_value is None:
        return None
    s_offset, t_offset = is_offset_scale(source), is_offset_scale(target)
    source_interval = figure_interval(
        s_value, source.precision, offset_scale=s_offset, round_slack=round_slack
    )
    target_interval = figure_interval(
        t_value, target.precision, offset_scale=t_offset, round_slack=round_slack
    )
    return _judge(source_interval, s_value, target_interval, t_value, convert, slack, "figures")


def _compare_ends(source, target, convert, slack, hedge_slack, round_slack) -> Comparison:
    """Two ranges: low converts to low and high to high; the worse end decides.

    Only a hedge on the converted range alone widens it ("60-80 mph (about 95-130 km/h)"); a
    hedge on the source covers both ranges, whose figures must then convert as written.
    """
    target_hedge = None if _is_hedged(source) else target.hedge
    results = []
    for end, pick in (("low", min), ("high", max)):
        s_value, t_value = pick(source.low, source.high), pick(target.low, target.high)
        source_interval = _end_interval(source, s_value, None, hedge_slack, round_slack)
        target_interval = _end_interval(target, t_value, target_hedge, hedge_slack, round_slack)
        results.append(
            _judge(source_interval, s_value, target_interval, t_value, convert, slack, "ends", end)
        )
    failing = [r for r in results if not r.ok]
    if failing:
        return max(failing, key=lambda r: r.admitted.gap(r.target) / max(abs(r.written), 1e-12))
    return results[-1]


# --------------------------------------------------------------------------- figures in messages
#
# Two ways checks print numbers: a written figure as the writer would write it (up to six
# significant digits: "14,000", "1.93"), and a computed value to three significant digits
# with its whole integer part ("2,471", "0.0491", "76.1").


def as_written(x: float | None) -> str:
    """A figure as a reader writes it: 14000.0 -> "14,000", 1.93 -> "1.93"."""
    if x is None:
        return "?"
    if math.isinf(x) or math.isnan(x):
        return "unbounded"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}"


def significant_decimals(x: float, significant: int = 3) -> int:
    """Decimals that show ``significant`` digits of ``x`` but never cut its integer part
    (0 for zero and infinities; NaN has no digits: ValueError)."""
    if x == 0 or math.isinf(x):
        return 0
    return max(0, significant - 1 - math.floor(math.log10(abs(x))))


def show(x: float | None, significant: int = 3) -> str:
    """A computed number for a message: 3 significant digits, whole integer part, thousands
    separators (2471.05 -> "2,471", 0.04912 -> "0.0491", 76.06 -> "76.1")."""
    if x is None:
        return "?"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    text = f"{x:,.{significant_decimals(x, significant)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def show_compact(x: float | None, significant: int = 3) -> str:
    """Large figures with a scale word, as news writes them: 1,143,810,000 -> "1.14 billion"."""
    if x is None or not math.isfinite(x):
        return show(x, significant)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{show(x / scale, significant)} {word}"
    return show(x, significant)


def show_interval(iv: Interval, significant: int = 3, suffix: str = "") -> str:
    return f"{show(iv.low, significant)}{suffix}..{show(iv.high, significant)}{suffix}"
