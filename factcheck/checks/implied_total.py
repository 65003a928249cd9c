"""Check kind ``implied_total``: figures that imply a whole the article contradicts.

Anti-pattern: "IS has lost 99.5 % of its territory and holds under 5 km²", with the territory
"roughly the size of Britain" at its height elsewhere in the story. Losing 99.5 % and keeping
under 5 km² implies a whole of under about 1,000 km² (5 / 0.005); 0.5 % of Britain's 209,331
km² is about 1,000 km², some 200 times more than "under 5 km²". One of the three figures is
wrong, or they are not about one territory; the finding shows the arithmetic and all three
spans and says which figure to look at, without choosing.

Reads ``Claims.shares`` (a percentage of a whole stated with an amount for one of its parts,
from ``factcheck.extract.comparisons``) and, as the stated whole, a quantity with the same
noun ("territory") and a compatible dimension elsewhere in the article: a size comparison
("the size of Britain", ``Quantity.comparison``) or a written figure.

How conservative, and why
-------------------------
An implied whole is a quotient of rounded figures, often of a small remainder ("under 5"),
and the stated whole is often a loose comparison: writers call anything from half to twice
an area "the size of" it. So every figure is read as the set of values it admits
(``factcheck.tolerance``: "under 5" is 0..5.5, "99.5" is 99.45..99.55, "roughly" widens by
10 %), the implied whole is the interval those sets give, and the finding needs the stated
whole to lie ``min_ratio`` (default 3) times beyond that interval. If several figures could
be the stated whole, one that fits is enough to pass.

Parts that exceed their sum
---------------------------
"The 120 delegates included 70 from the north, 45 from the south and 30 from abroad": parts
listed for one whole imply a whole of at least their sum (145). Only parts the extractor marked
as disjoint by the text's words are summed (``factcheck.extract.relations``: a different origin
each, distinct outcomes such as destroyed/damaged, "the rest"); "70 women and 60 from the
north" may overlap and is never summed. Every figure is read as the values its rounding
admits, round figures at the finest precision written in the list (``in_shared_precision``):
the finding needs even the smallest sum to exceed the largest whole. A list in which one part
alone exceeds the whole is left to ``part_whole``, which reports that part.

A per-capita figure and a total
-------------------------------
"$2,000 per resident", "its 50,000 residents", "a total budget of $20m": 2,000 x 50,000 is
$100m. A figure with ``Quantity.per`` set, a count of that noun and a figure of the same
currency that the text calls a total ("total", "in all", "budget") are multiplied as
intervals; the finding needs the product to exceed the largest total by ``per_capita_factor``
(1.5). Time rates, economy-wide averages (GDP, income) and, unless ``flag_smaller``, products
below the total (the figure may be one part of it) are left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.checks.part_whole import in_shared_precision
from factcheck.claims import Claims, Dimension, Quantity, Relation, Share
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    Interval,
    as_written,
    reach_beyond_written,
    show,
    unit_converter,
    written_interval,
)

DEFAULT_MIN_RATIO = 3.0
# A per-capita figure is often an average and rounded: the product of it and a count must miss
# the stated total by more than this factor each way before it is reported.
DEFAULT_PER_CAPITA_FACTOR = 1.5


def _number(params: Mapping[str, Any], key: str, default: float) -> float:
    try:
        value = float(params.get(key, default))
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and value > 0 else default


def _singular(noun: str | None) -> str | None:
    if not noun:
        return None
    noun = noun.lower().strip()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def _figure(q: Quantity) -> float | None:
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return None


def _fmt(x: float) -> str:
    """A figure for a message: 3 significant digits, thousands separators."""
    if not math.isfinite(x):
        return "∞"
    if x == 0:
        return "0"
    digits = max(0, 2 - math.floor(math.log10(abs(x))))
    rounded = round(x, digits)
    if abs(rounded) >= 1000:
        rounded = float(f"{rounded:.3g}")
    text = f"{rounded:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _unit_symbol(unit: str | None, q: Quantity) -> str:
    if q.dimension is Dimension.MONEY:
        return q.currency or ""
    if q.dimension is Dimension.COUNT:
        return q.noun or ""
    from factcheck.checks.conversion import unit_symbol

    return unit_symbol(unit) if unit else ""


def _converter(whole: Quantity, amount: Quantity):
    """A function taking the whole's figures into the amount's unit, or None."""
    if whole.dimension is not amount.dimension:
        return None
    if amount.dimension is Dimension.MONEY:
        return (lambda x: x) if whole.currency == amount.currency else None
    if amount.dimension is Dimension.COUNT:
        return lambda x: x
    if not (whole.unit and amount.unit):
        return None
    return unit_converter(whole.unit, amount.unit)


def _fraction(share: Share, hedge_slack: float, round_slack: float | None) -> Interval | None:
    """The part of the whole the amount measures, as a fraction (0..1)."""
    percent = written_interval(share.share, hedge_slack, round_slack)
    if percent is None:
        return None
    low, high = max(0.0, percent.low) / 100, min(100.0, percent.high) / 100
    if low > high:
        return None
    if share.role != share.amount_role:
        low, high = 1 - high, 1 - low
    return Interval(low, high)


def _implied(amount: Interval, fraction: Interval) -> Interval | None:
    """The wholes that the amount and its fraction allow."""
    if fraction.high <= 0:
        return None
    low = max(0.0, amount.low) / fraction.high
    high = math.inf if fraction.low <= 0 else amount.high / fraction.low
    return Interval(low, high) if low <= high else None


# Words for "the land someone holds": a territory "roughly the size of Belgium" and "an area
# the size of Belgium" name the same thing in a story about who controls how much land.
LAND_NOUNS = frozenset(
    {"territory", "area", "land", "region", "zone", "swathe", "swath", "expanse", "ground"}
)


def _same_whole(noun: str, other: str | None, dimension: Dimension) -> bool:
    other = _singular(other)
    if other == noun:
        return True
    return dimension is Dimension.AREA and noun in LAND_NOUNS and other in LAND_NOUNS


def _candidates(claims: Claims, share: Share) -> list[Quantity]:
    noun = _singular(share.noun)
    if noun is None:
        return []
    found = []
    for q in claims.quantities:
        if q is share.amount or q is share.share or q.in_parentheses or not q.is_checkable:
            continue
        if not _same_whole(noun, q.noun, share.amount.dimension):
            continue
        if any(q is other.amount for other in claims.shares):
            continue  # another share's remainder is not a stated whole
        if _converter(q, share.amount) is None:
            continue
        found.append(q)
    return found


def _judge(
    share: Share, whole: Quantity, implied: Interval, settings: Mapping[str, Any]
) -> dict[str, Any] | None:
    """How far the stated whole is from the implied one; None if it cannot be said."""
    interval = written_interval(whole, settings["hedge_slack"], settings["round_slack"])
    convert = _converter(whole, share.amount)
    figure = _figure(whole)
    if interval is None or convert is None or figure is None:
        return None
    try:
        stated = interval.map(convert)
        stated_figure = convert(figure)
    except (ArithmeticError, ValueError, TypeError):
        return None
    ratio = settings["min_ratio"]
    if stated.low > implied.high * ratio:
        direction = "larger"
        factor = stated.low / implied.high if implied.high > 0 else math.inf
    elif stated.high * ratio < implied.low:
        direction = "smaller"
        factor = implied.low / stated.high if stated.high > 0 else math.inf
    else:
        return {"ok": True, "stated": stated, "stated_figure": stated_figure}
    return {
        "ok": False,
        "stated": stated,
        "stated_figure": stated_figure,
        "direction": direction,
        "factor": factor,
    }


def _phrase(role: str, q: Quantity) -> str:
    return f"{'losing' if role == 'lost' else 'keeping'} {q.text.strip()}"


_BOUND_WORDS = {
    "less_than": "under ",
    "at_most": "at most ",
    "more_than": "over ",
    "at_least": "at least ",
    "approx": "about ",
}


def _times(x: float) -> str:
    """A ratio as a reader would say it: 209 -> "200", 37 -> "40", 4.6 -> "4.6"."""
    if not math.isfinite(x):
        return "infinitely many"
    if x >= 10:
        return _fmt(float(f"{x:.1g}"))
    return _fmt(round(x, 1))


def _percent(fraction: float) -> str:
    return f"{_fmt(fraction * 100)} %"


def _outcome(share: Share, whole: Quantity, implied: Interval, verdict: dict[str, Any]) -> Outcome:
    amount = share.amount
    symbol = _unit_symbol(amount.unit, amount)
    amount_figure = _figure(amount) or 0.0
    fraction = (_figure(share.share) or 0.0) / 100
    if share.role != share.amount_role:
        fraction = 1 - fraction
    implied_figure = amount_figure / fraction if fraction > 0 else math.inf
    stated_figure = verdict["stated_figure"]
    expected = stated_figure * fraction
    bound = _BOUND_WORDS.get(str(amount.bound), "")
    noun = share.noun or "whole"
    whole_text = whole.text.strip()
    if whole.comparison:
        whole_text += f" ({whole.comparison}, ≈ {_fmt(stated_figure)} {symbol})"
    elif whole.unit != amount.unit:
        whole_text += f" (= {_fmt(stated_figure)} {symbol})"
    division = f"{_fmt(amount_figure)} / {fraction:.3g}"
    if amount_figure > 0 and expected >= amount_figure:
        relation = (
            f"some {_times(expected / amount_figure)} times more than '{amount.text.strip()}'"
        )
    elif expected > 0:
        relation = f"about 1/{_times(amount_figure / expected)} of '{amount.text.strip()}'"
    else:
        relation = f"nothing like '{amount.text.strip()}'"
    values = {
        "share_phrase": _phrase(share.role, share.share).capitalize(),
        "amount_phrase": _phrase(share.amount_role, amount),
        "implied": f"{bound}{_fmt(implied_figure)} {symbol}",
        "division": division,
        "noun": noun,
        "whole": whole_text,
        "fraction": _percent(fraction),
        "expected": f"{_fmt(expected)} {symbol}",
        "relation": relation,
        "amount": amount.text.strip(),
        "share": share.share.text.strip(),
    }
    message = (
        "{share_phrase} and {amount_phrase} implies a whole of {implied} ({division}), but the "
        "article gives the {noun} as {whole}: {fraction} of that is about {expected}, "
        "{relation}."
    ).format(**values)
    arithmetic = (
        f"{division} = {_fmt(implied_figure)} {symbol}; {_percent(fraction)} x "
        f"{_fmt(stated_figure)} {symbol} = {_fmt(expected)} {symbol}"
    )
    values["arithmetic"] = arithmetic
    times = verdict["factor"]
    return Outcome(
        code="contradicts_whole",
        ok=False,
        span=amount.span,
        message=message,
        related=[share.share.span, whole.span],
        evidence={
            "computed": float(f"{implied_figure:.4g}") if math.isfinite(implied_figure) else None,
            "written": float(f"{stated_figure:.4g}"),
            "tolerance": None,
            "arithmetic": arithmetic,
            "implied_whole": [
                float(f"{implied.low:.4g}"),
                float(f"{implied.high:.4g}") if math.isfinite(implied.high) else None,
            ],
            "stated_whole": [
                float(f"{verdict['stated'].low:.4g}"),
                float(f"{verdict['stated'].high:.4g}"),
            ],
            "ratio": float(f"{times:.3g}") if math.isfinite(times) else None,
            "unit": amount.unit or amount.currency or amount.noun,
            "share": share.share.text.strip(),
            "share_role": share.role,
            "amount": amount.text.strip(),
            "amount_role": share.amount_role,
            "whole": whole.text.strip(),
            "reference": whole.comparison,
            "noun": share.noun,
        },
        values=values,
        suggestion=(
            f"One of the three figures is wrong, or they are not about one {noun}: check the "
            f"share ({share.share.text.strip()}), the amount ({amount.text.strip()}) and the "
            f"whole ({whole.text.strip()})."
        ),
    )


@register(
    "implied_total",
    defaults={
        "min_ratio": DEFAULT_MIN_RATIO,
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "round_slack": DEFAULT_ROUND_SLACK,
        "per_capita_factor": DEFAULT_PER_CAPITA_FACTOR,
        "flag_smaller": False,
    },
    codes=("contradicts_whole", "parts_exceed_whole", "per_capita_total"),
)
def check_implied_totals(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A share and an amount imply a whole; a whole stated elsewhere for the same noun must
    be within ``min_ratio`` of it, allowing for the rounding of every figure."""
    settings = {
        "min_ratio": max(1.0, _number(params, "min_ratio", DEFAULT_MIN_RATIO)),
        "hedge_slack": _number(params, "hedge_slack", DEFAULT_HEDGE_SLACK),
        "round_slack": _number(params, "round_slack", DEFAULT_ROUND_SLACK),
    }
    for share in claims.shares:
        fraction = _fraction(share, settings["hedge_slack"], settings["round_slack"])
        amount = written_interval(share.amount, settings["hedge_slack"], settings["round_slack"])
        if fraction is None or amount is None:
            continue
        implied = _implied(amount, fraction)
        if implied is None:
            continue
        verdicts = []
        for whole in _candidates(claims, share):
            verdict = _judge(share, whole, implied, settings)
            if verdict is not None:
                verdicts.append((whole, verdict))
        if not verdicts:
            continue
        fitting = [(w, v) for w, v in verdicts if v["ok"]]
        if fitting:
            whole, verdict = fitting[0]
            yield Outcome(
                code="contradicts_whole",
                ok=True,
                span=share.amount.span,
                message=(
                    f"{share.share.text.strip()} and {share.amount.text.strip()} are "
                    f"consistent with {whole.text.strip()} (within a factor of "
                    f"{settings['min_ratio']:g})"
                ),
                related=[share.share.span, whole.span],
                evidence={"implied_whole": [implied.low, implied.high]},
            )
            continue
        whole, verdict = min(verdicts, key=lambda item: item[1]["factor"])
        outcome = _outcome(share, whole, implied, verdict)
        outcome.evidence["min_ratio"] = settings["min_ratio"]
        outcome.evidence["tolerance"] = settings["min_ratio"]
        yield outcome
    for group in _disjoint_lists(claims.relations):
        outcome = _parts_outcome(group, settings["hedge_slack"], settings["round_slack"])
        if outcome is not None:
            yield outcome
    per_capita = {
        "factor": max(1.0, _number(params, "per_capita_factor", DEFAULT_PER_CAPITA_FACTOR)),
        "flag_smaller": params.get("flag_smaller") is True,
        "hedge_slack": settings["hedge_slack"],
        "round_slack": settings["round_slack"],
    }
    yield from _per_capita_outcomes(claims, per_capita)


# ---------------------------------------------------------------------------------------------
# parts that exceed their sum

# How the text makes listed parts disjoint (``Relation.disjoint_by``, set by extraction).
_BASIS_WORDS = {
    "from": "each comes from a different place",
    "rest": "the text gives one as the rest or another",
    "outcome": "each is a different outcome: destroyed, damaged, intact",
    "casualty": "each is a different casualty: dead, injured, missing",
    "person": "men, women and children are different people",
    "age": "adults and children are different people",
    "sex": "male and female",
    "vote": "votes for, against and abstentions",
    "origin": "domestic and foreign",
    "sector": "public and private",
}


def _disjoint_lists(relations: list[Relation]) -> list[list[Relation]]:
    """Relations of parts listed together for one whole, marked disjoint by the extractor."""
    groups: dict[tuple[int, int], list[Relation]] = {}
    for relation in relations:
        if relation.kind == "part_of" and relation.group is not None and relation.disjoint_by:
            groups.setdefault((id(relation.whole), relation.group), []).append(relation)
    return [group for group in groups.values() if len(group) >= 2]


def _parts_outcome(group: list[Relation], hedge_slack: float, round_slack: float) -> Outcome | None:
    """Listed disjoint parts against their whole: flagged when even the smallest sum the
    parts' roundings allow is more than the largest whole; None when it cannot be said."""
    whole = group[0].whole
    parts = [relation.part for relation in group]
    finest = min(
        (q for q in [whole, *parts] if q.precision), key=lambda q: q.precision, default=None
    )
    whole_read = in_shared_precision(whole, finest)
    whole_iv = written_interval(whole_read, hedge_slack, round_slack)
    part_ivs = [
        written_interval(in_shared_precision(part, finest), hedge_slack, round_slack)
        for part in parts
    ]
    if whole_iv is None or any(iv is None for iv in part_ivs):
        return None
    if any(iv.low > whole_iv.high for iv in part_ivs):
        return None  # one part alone is too large: part_whole reports it
    total = Interval(sum(iv.low for iv in part_ivs), sum(iv.high for iv in part_ivs))
    figures = [_figure(part) for part in parts]
    whole_figure = _figure(whole)
    if whole_figure is None or any(f is None for f in figures):
        return None
    total_figure = sum(figures)
    basis = group[0].disjoint_by or ""
    why = _BASIS_WORDS.get(basis, f"each is a different {basis}")
    part_texts = [part.text.strip() for part in parts]
    listed = ", ".join(part_texts[:-1]) + " and " + part_texts[-1]
    arithmetic = " + ".join(as_written(f) for f in figures) + f" = {as_written(total_figure)}"
    values = {
        "parts": listed,
        "whole": whole.text.strip(),
        "sum": as_written(total_figure),
        "sum_min": show(total.low),
        "whole_max": show(whole_iv.high),
        "arithmetic": arithmetic,
        "basis": why,
    }
    evidence = {
        "computed": total_figure,
        "written": whole_figure,
        "tolerance": max(
            [reach_beyond_written(whole_read, whole_iv)]
            + [reach_beyond_written(p, iv) for p, iv in zip(parts, part_ivs, strict=True)]
        ),
        "arithmetic": arithmetic,
        "parts": part_texts,
        "whole": whole.text.strip(),
        "sum_low": total.low,
        "sum_high": total.high,
        "whole_low": whole_iv.low,
        "whole_high": whole_iv.high,
        "disjoint_by": basis,
    }
    related = [part.span for part in parts]
    if total.low <= whole_iv.high:
        return Outcome(
            code="parts_exceed_whole",
            ok=True,
            span=whole.span,
            related=related,
            message=(
                f"{listed} ({arithmetic}) can be parts of {whole.text.strip()}: their smallest "
                f"sum, {values['sum_min']}, does not exceed the largest whole, "
                f"{values['whole_max']}."
            ),
            evidence=evidence,
            values=values,
        )
    return Outcome(
        code="parts_exceed_whole",
        ok=False,
        span=whole.span,
        related=related,
        message=(
            f"The parts {listed} add up to {values['sum']} ({arithmetic}), more than "
            f"{whole.text.strip()}, and they cannot overlap ({why}): even at their smallest "
            f"they sum to {values['sum_min']}, above the largest the whole allows, "
            f"{values['whole_max']}."
        ),
        evidence=evidence,
        values=values,
        suggestion=(
            f"Check the whole ({whole.text.strip()}) and each part: one is mistyped, or a "
            "part is counted twice or belongs to another whole."
        ),
    )


# ---------------------------------------------------------------------------------------------
# a per-capita figure, a count and a total

# Nouns that "per capita", "per head" and "a person" (``Quantity.per == "person"``) count.
_PERSON_NOUNS = frozenset(
    """
    person people persons resident inhabitant citizen individual adult child children man men
    woman women pupil student voter worker employee member patient passenger visitor taxpayer
    """.split()
)
# A per-capita figure of a whole economy (GDP, income, wages) is an average that no total
# in the story need be the product of: "GDP per capita of $40,000" beside "total exports".
_AVERAGE_WORDS = re.compile(
    r"\b(?:gdp|gni|gnp|income|incomes|wage|wages|salary|salaries|earnings|wealth|output|"
    r"average|median|typical)\b",
    re.IGNORECASE,
)
# Words that make a figure the whole: "a total budget of $20m", "$20m in all", "altogether".
_TOTAL_NOUNS = frozenset({"total", "budget", "sum", "bill"})
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|totals|totalled|totaled|totalling|totaling|in\s+all|altogether|overall|"
    r"combined|budget|sum\s+of)\b[^,;:.()]*$",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(
    r"^[^,;:.()]{0,12}\b(?:in\s+total|in\s+all|altogether|overall|combined|budget)\b",
    re.IGNORECASE,
)
# A figure per unit of time ("$2,000 per resident a year", "2 million barrels a day") is a
# rate over a period the total may not share: such figures are left alone.
_TIME_RATE = re.compile(
    r"^[^,;:.()]{0,40}?(?:\b(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|annum|night|"
    r"quarter)\b|\b(?:annually|yearly|monthly|weekly|daily|nightly|a\s+head\s+a\s+year)\b)",
    re.IGNORECASE,
)
_WINDOW = 60


def _rate_noun(noun: str | None) -> str | None:
    """A noun for matching a count with a per-capita figure: singular, "people" -> "person"."""
    single = _singular(noun)
    if single in ("people", "persons"):
        return "person"
    return single


def _counts_per(count: Quantity, per: str) -> bool:
    """True when ``count`` counts what the per-capita figure is per: "50,000 residents"."""
    noun, wanted = _rate_noun(count.noun), _rate_noun(per)
    if noun is None or wanted is None:
        return False
    return noun == wanted or (wanted == "person" and noun in _PERSON_NOUNS)


def _text_around(claims: Claims, q: Quantity) -> tuple[str, str]:
    """The sentence text just before and just after a quantity (empty when unknown)."""
    sentence = claims.sentence_of(q)
    if sentence is None:
        return "", ""
    start = q.span.start - sentence.span.start
    end = q.span.end - sentence.span.start
    if not (0 <= start <= end <= len(sentence.text)):
        return "", ""
    return sentence.text[max(0, start - _WINDOW) : start], sentence.text[end : end + _WINDOW]


def _is_time_rate(claims: Claims, q: Quantity) -> bool:
    return bool(_TIME_RATE.search(_text_around(claims, q)[1]))


def _is_stated_total(claims: Claims, q: Quantity) -> bool:
    """True when the text presents ``q`` as a whole: its noun or the words around it."""
    if _singular(q.noun) in _TOTAL_NOUNS:
        return True
    before, after = _text_around(claims, q)
    return bool(_TOTAL_BEFORE.search(before) or _TOTAL_AFTER.search(after))


def _same_measure(rate: Quantity, total: Quantity) -> bool:
    """A total in the per-capita figure's own terms: the same currency, or the same noun."""
    if rate.dimension is not total.dimension:
        return False
    if rate.dimension is Dimension.MONEY:
        return bool(rate.currency) and rate.currency == total.currency
    return rate.dimension is Dimension.COUNT and _singular(rate.noun) == _singular(total.noun)


def _usable(q: Quantity) -> bool:
    return q.is_checkable and not q.in_parentheses


def _per_capita_parts(claims: Claims, rate: Quantity) -> tuple[list[Quantity], list[Quantity]]:
    """The counts of what ``rate`` is per, and the totals it can be set against."""
    counts, totals = [], []
    for q in claims.quantities:
        if q is rate or not _usable(q) or q.per is not None or _is_time_rate(claims, q):
            continue
        if q.dimension is Dimension.COUNT and rate.per and _counts_per(q, rate.per):
            counts.append(q)
        elif _same_measure(rate, q) and _is_stated_total(claims, q):
            totals.append(q)
    return counts, totals


def _per_capita_outcomes(claims: Claims, settings: Mapping[str, Any]) -> Iterator[Outcome]:
    """A per-capita figure times the count it is per must come near a stated total.

    Flagged only when, for every count and every total in the article, the product's interval
    (every figure read as a rounding) lies beyond the total's interval widened ``factor`` times
    each way; one pair that fits is enough to pass. By default only a product larger than the
    total is reported: a per-capita figure smaller than the total's share may be one part of it
    ("$400 per resident on parks" against the whole budget)."""
    hedge_slack, round_slack = settings["hedge_slack"], settings["round_slack"]
    factor = settings["factor"]
    for rate in claims.quantities:
        if rate.per is None or not _usable(rate) or _is_time_rate(claims, rate):
            continue
        sentence = claims.sentence_of(rate)
        if sentence is not None and _AVERAGE_WORDS.search(sentence.text):
            continue
        rate_iv = written_interval(rate, hedge_slack, round_slack)
        if rate_iv is None:
            continue
        counts, totals = _per_capita_parts(claims, rate)
        judged = []
        for count in counts:
            count_iv = written_interval(count, hedge_slack, round_slack)
            if count_iv is None:
                continue
            product = Interval(
                max(0.0, rate_iv.low) * max(0.0, count_iv.low), rate_iv.high * count_iv.high
            )
            for total in totals:
                if total is count:
                    continue
                total_iv = written_interval(total, hedge_slack, round_slack)
                if total_iv is None:
                    continue
                judged.append((count, total, product, total_iv))
        if not judged:
            continue
        fits = [item for item in judged if _product_fits(item[2], item[3], factor, settings)]
        if fits:
            count, total, product, _ = fits[0]
            yield Outcome(
                code="per_capita_total",
                ok=True,
                span=rate.span,
                related=[count.span, total.span],
                message=(
                    f"{rate.text.strip()} per {rate.per} for {count.text.strip()} "
                    f"{count.noun or ''} is consistent with {total.text.strip()}"
                ),
                evidence={"product": [product.low, product.high]},
            )
            continue
        count, total, product, total_iv = min(judged, key=lambda item: _miss(item[2], item[3]))
        yield _per_capita_finding(rate, count, total, product, total_iv, factor)


def _product_fits(product: Interval, total: Interval, factor: float, settings) -> bool:
    if product.low > total.high * factor:
        return False
    return not (settings["flag_smaller"] and product.high * factor < total.low)


def _miss(product: Interval, total: Interval) -> float:
    """How many times the product misses the total (for choosing the nearest pair)."""
    if product.low > total.high:
        return product.low / total.high if total.high > 0 else math.inf
    if product.high < total.low:
        return total.low / product.high if product.high > 0 else math.inf
    return 1.0


def _per_capita_finding(
    rate: Quantity,
    count: Quantity,
    total: Quantity,
    product: Interval,
    total_iv: Interval,
    factor: float,
) -> Outcome:
    rate_figure, count_figure, total_figure = _figure(rate), _figure(count), _figure(total)
    symbol = rate.currency if rate.dimension is Dimension.MONEY else (rate.noun or "")
    computed = (rate_figure or 0.0) * (count_figure or 0.0)
    arithmetic = (
        f"{as_written(rate_figure)} x {as_written(count_figure)} = {as_written(computed)} {symbol}"
    ).strip()
    larger = product.low > total_iv.high
    times = _miss(product, total_iv)
    if larger:
        beyond = (
            f"even at its smallest reading the product is {show(product.low)}, more than "
            f"{factor:g} times the largest the total allows, {show(total_iv.high)}"
        )
    else:
        beyond = (
            f"even at its largest reading the product is {show(product.high)}, less than "
            f"1/{factor:g} of the smallest the total allows, {show(total_iv.low)}"
        )
    values = {
        "rate": rate.text.strip(),
        "per": rate.per or "",
        "count": f"{count.text.strip()} {count.noun or ''}".strip(),
        "total": total.text.strip(),
        "product": f"{as_written(computed)} {symbol}".strip(),
        "arithmetic": arithmetic,
        "beyond": beyond,
        "times": _times(times),
    }
    message = (
        "{rate} per {per} for {count} makes {product} ({arithmetic}), but the article gives the "
        "total as {total}: {beyond}."
    ).format(**values)
    return Outcome(
        code="per_capita_total",
        ok=False,
        span=rate.span,
        related=[count.span, total.span],
        message=message,
        values=values,
        evidence={
            "computed": float(f"{computed:.4g}"),
            "written": total_figure,
            "tolerance": factor,
            "arithmetic": arithmetic,
            "product": [
                float(f"{product.low:.4g}"),
                float(f"{product.high:.4g}") if math.isfinite(product.high) else None,
            ],
            "stated_total": [
                float(f"{total_iv.low:.4g}"),
                float(f"{total_iv.high:.4g}") if math.isfinite(total_iv.high) else None,
            ],
            "ratio": float(f"{times:.3g}") if math.isfinite(times) else None,
            "per": rate.per,
            "count": count.text.strip(),
            "total": total.text.strip(),
            "unit": rate.currency or rate.noun,
        },
        suggestion=(
            f"Check the per-{rate.per} figure ({rate.text.strip()}), the count "
            f"({count.text.strip()}) and the total ({total.text.strip()}): one is mistyped, or "
            "they are not about the same people or the same period."
        ),
    )
