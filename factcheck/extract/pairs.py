"""Pairs: two quantities the text presents as the same figure.

"5 km² (2 sq mi)" and "5 km², or 2 sq mi," are conversions; "one in five (20%)" is a
restatement. Pairs are found only from the quantities' spans and the few characters between
them: the second figure must open a parenthesis directly after the first (only whitespace, a
closing quote, or a hedge word such as "about" between), or follow it after "or". Anything else
between the two (words, another figure) means the text is not restating one figure.

A pair needs two different units of one dimension ("3 or 4 km" offers alternatives, it does not
convert), two currencies for money, or a ratio and a percentage. A unit with no figure after a
vague measure, "dozens of kilometres (miles)", is still a pair: the conversion check reports
that it converts nothing. Several conversions in one parenthesis, "6 ha (15 acres; 0.06 km²)",
pair each with the figure before the parenthesis.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.claims import Bound, Dimension, Pair, Quantity

# Hedge and bound words that may sit between the opening parenthesis (or "or") and the
# converted figure when the extractor leaves them out of the figure's span.
_HEDGE = (
    r"(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|just\s+(?:under|over)"
    r"|under|over|more\s+than|less\s+than|up\s+to|at\s+least|c\.|ca\.|circa|~|≈)"
)
_CLOSING_QUOTES = "\"'”’»"
_PAREN_GAP = re.compile(rf"^[\s{_CLOSING_QUOTES}]*\(\s*(?:{_HEDGE}\s*)?$", re.IGNORECASE)
_OR_GAP = re.compile(rf"^[\s{_CLOSING_QUOTES}]*,?\s*or\s+(?:{_HEDGE}\s*)?$", re.IGNORECASE)
# A further conversion listed inside the same parenthesis: "(15 acres; 0.06 km²)".
_LIST_GAP = re.compile(rf"^\s*(?:[;,/]\s*(?:or\s+)?|or\s+)(?:{_HEDGE}\s*)?$", re.IGNORECASE)

_RESTATED = frozenset({Dimension.RATIO, Dimension.PERCENT})
# A temperature and a temperature difference are one dimension for pairing: "warmed by 4C
# (39.2F)" restates one change even where only the first figure reads as one.
_TEMPERATURES = frozenset({Dimension.TEMPERATURE, Dimension.TEMPERATURE_DIFFERENCE})


@lru_cache(maxsize=512)
def _canonical_unit(unit: str) -> str:
    """pint's spelling of a unit, so "km" and "kilometer" count as one unit."""
    from factcheck.tolerance import ureg

    try:
        return str(ureg().Unit(unit))
    except Exception:  # noqa: BLE001 - pint raises many kinds; fall back to the text
        return unit.strip()


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return (
        a.unit is not None
        and b.unit is not None
        and (_canonical_unit(a.unit) == _canonical_unit(b.unit))
    )


def _gap(text: str, first: Quantity, second: Quantity) -> str:
    """The text between two figures; an opening parenthesis inside the second's span counts."""
    gap = text[first.span.end : second.span.start]
    if text[second.span.start : second.span.start + 1] == "(":
        gap += "("
    return gap


def _joiner(text: str, first: Quantity, second: Quantity) -> str | None:
    gap = _gap(text, first, second)
    if _PAREN_GAP.match(gap):
        return "parentheses"
    if _OR_GAP.match(gap):
        return "or"
    return None


def _kind(first: Quantity, second: Quantity, joiner: str) -> str | None:
    """ "conversion", "restatement", or None when the two are not one figure restated."""
    if first.bound is Bound.UNIT_ONLY:
        return None
    if {first.dimension, second.dimension} == _RESTATED:
        return "restatement" if first.has_figure and second.has_figure else None
    if first.dimension is not second.dimension and (
        {first.dimension, second.dimension} != _TEMPERATURES
    ):
        return None
    if joiner == "or" and not (first.has_figure and second.has_figure):
        return None
    if first.dimension is Dimension.MONEY:
        if first.currency and second.currency and first.currency != second.currency:
            return "conversion"
        return None
    if first.unit is None or second.unit is None or _same_unit(first, second):
        return None
    return "conversion"


def find_pairs(text: str, quantities: list[Quantity]) -> list[Pair]:
    """Every pair of quantities that the text presents as one figure, in text order."""
    ordered = sorted(quantities, key=lambda q: (q.span.start, q.span.end))
    pairs: list[Pair] = []
    paired_seconds: set[int] = set()
    for index, first in enumerate(ordered[:-1]):
        second = ordered[index + 1]
        if second.span.start < first.span.end or id(second) in paired_seconds:
            continue
        joiner = _joiner(text, first, second)
        if joiner is None:
            continue
        kind = _kind(first, second, joiner)
        if kind is None:
            continue
        pairs.append(Pair(first=first, second=second, kind=kind, joiner=joiner))
        paired_seconds.add(id(second))
        if joiner == "parentheses" and kind == "conversion":
            _add_listed(text, ordered[index + 1 :], first, pairs, paired_seconds)
    return pairs


def _add_listed(
    text: str,
    following: list[Quantity],
    first: Quantity,
    pairs: list[Pair],
    paired_seconds: set[int],
) -> None:
    """Further conversions of ``first`` listed after the first one in its parenthesis."""
    previous = following[0]
    seen = [first, previous]
    for candidate in following[1:]:
        if candidate.span.start < previous.span.end:
            break
        if not _LIST_GAP.match(text[previous.span.end : candidate.span.start]):
            break
        if _kind(first, candidate, "parentheses") != "conversion" or any(
            _same_unit(candidate, q) for q in seen
        ):
            break
        pairs.append(Pair(first=first, second=candidate, kind="conversion", joiner="parentheses"))
        paired_seconds.add(id(candidate))
        seen.append(candidate)
        previous = candidate
