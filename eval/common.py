"""Shared helpers for the evaluation scripts: the corpus, the gold set, and matching.

The scripts in eval/ compare three systems on the same footing (factcheck's extractor, raw
quantulum3 and raw dateparser), so every system's output is first turned into the plain
``PredQuantity`` / ``PredDate`` records below and then matched against the gold annotations with
the same rules. The gold file stores offsets and a sha1 of each sentence, never corpus text:
``load_gold`` re-reads the text from the corpus and refuses sentences whose text has drifted.

Matching is done per criterion level ("span", "value", ... "full"): for each level a maximum
one-to-one matching is computed between the gold items and the predictions of one sentence, using
only the pairs that satisfy that level. Precision = matched / predicted, recall = matched / gold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "news-dev.jsonl"
DEFAULT_GOLD = REPO / "eval" / "gold" / "news-dev-gold.jsonl"

# A value is right when it is within this relative distance of the gold value (0.1 %).
VALUE_TOLERANCE = 1e-3

BOUNDS = ("exact", "approx", "at_most", "at_least", "less_than", "more_than", "range", "vague")
UNITLESS_DIMENSIONS = ("count", "percent", "percentage_point", "ratio")
GRANULARITIES = ("day", "week", "month", "season", "year", "decade")


# --------------------------------------------------------------------------------------------
# Corpus


@dataclass(slots=True)
class Article:
    """One corpus line: what a Document is built from."""

    id: str
    text: str
    published: dt.date | None
    title: str | None = None
    source: str = ""
    # The first and last day the article can be from, when its date is unknown.
    published_between: tuple[dt.date, dt.date] | None = None
    published_between_source: str | None = None


# The publication window of each source whose articles carry no date, from the corpus's own
# metadata (../shared/corpus/README.md: the BBC stories have no per-article dates; "all stories
# are from 2004-2005"). The scripts hand it to factcheck the way a user checking that archive
# would (`factcheck check --published-between 2004..2005`, or `published-between` in the
# archive folder's factcheck.toml): as the document's window, never as a date, so relative
# dates stay unresolved. `--no-archive-window` leaves it out.
ARCHIVE_WINDOWS: dict[str, tuple[dt.date, dt.date]] = {
    "bbc-news-2004-2005": (dt.date(2004, 1, 1), dt.date(2005, 12, 31)),
}


def parse_window(value: Any) -> tuple[dt.date, dt.date] | None:
    """A line's own ``published_between`` field, read as factcheck's loader reads it."""
    if value is None or value == "":
        return None
    from factcheck.load.published import parse_window_value

    try:
        return parse_window_value(value)
    except ValueError:
        return None


def parse_published(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def iter_corpus(path: Path, archive_windows: bool = True) -> Iterator[Article]:
    """Articles of a JSONL corpus in file order; lines that are not articles are skipped.

    An undated article gets its line's ``published_between`` field, else (``archive_windows``)
    its source's window from ``ARCHIVE_WINDOWS``."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                continue
            article = Article(
                id=str(row.get("id", "")),
                text=row["text"],
                published=parse_published(row.get("published")),
                title=row.get("title"),
                source=str(row.get("source", "")),
            )
            if article.published is None:
                window = parse_window(row.get("published_between"))
                if window is not None:
                    article.published_between, article.published_between_source = window, "field"
                elif archive_windows and article.source in ARCHIVE_WINDOWS:
                    article.published_between = ARCHIVE_WINDOWS[article.source]
                    article.published_between_source = "option"
            yield article


def load_corpus(path: Path, archive_windows: bool = True) -> dict[str, Article]:
    return {article.id: article for article in iter_corpus(path, archive_windows)}


def to_document(article: Article):
    """A factcheck Document for an article, built directly (no loader involved)."""
    from factcheck.document import Document

    return Document(
        text=article.text,
        path=article.id,
        id=article.id,
        title=article.title,
        published=article.published,
        published_source="field" if article.published else None,
        published_between=article.published_between,
        published_between_source=article.published_between_source,
        format="jsonl",
    )


def add_corpus_argument(parser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"news corpus as JSONL (default: {DEFAULT_CORPUS})",
    )


def add_window_argument(parser) -> None:
    parser.add_argument(
        "--no-archive-window",
        action="store_true",
        help="do not give undated articles their archive's publication window "
        "(the BBC stories' 2004-2005, as --published-between would)",
    )


# --------------------------------------------------------------------------------------------
# Gold set


@dataclass(slots=True)
class GoldQuantity:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    dimension: str
    currency: str | None
    bound: str
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GoldDate:
    start: int
    end: int
    date: dt.date | None
    granularity: str
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GoldSentence:
    doc: str
    start: int
    end: int
    sha1: str
    published: dt.date | None
    source: str
    tags: list[str]
    quantities: list[GoldQuantity]
    dates: list[GoldDate]
    ignore: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""  # filled from the corpus by attach_text, never stored in the gold file


class GoldError(ValueError):
    """The gold file is malformed or does not fit the corpus it was annotated on."""


def sentence_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _gold_quantity(raw: dict[str, Any]) -> GoldQuantity:
    return GoldQuantity(
        start=int(raw["start"]),
        end=int(raw["end"]),
        value=_float_or_none(raw.get("value")),
        low=_float_or_none(raw.get("low")),
        high=_float_or_none(raw.get("high")),
        unit=raw.get("unit"),
        dimension=str(raw.get("dimension") or "count"),
        currency=raw.get("currency"),
        bound=str(raw.get("bound") or "exact"),
        tags=list(raw.get("tags") or []),
    )


def _gold_date(raw: dict[str, Any]) -> GoldDate:
    return GoldDate(
        start=int(raw["start"]),
        end=int(raw["end"]),
        date=parse_published(raw.get("date")),
        granularity=str(raw.get("granularity") or "day"),
        tags=list(raw.get("tags") or []),
    )


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def parse_gold_line(line: str) -> GoldSentence:
    row = json.loads(line)
    return GoldSentence(
        doc=str(row["doc"]),
        start=int(row["start"]),
        end=int(row["end"]),
        sha1=str(row["sha1"]),
        published=parse_published(row.get("published")),
        source=str(row.get("source", "")),
        tags=list(row.get("tags") or []),
        quantities=[_gold_quantity(q) for q in row.get("quantities") or []],
        dates=[_gold_date(d) for d in row.get("dates") or []],
        ignore=[(int(i["start"]), int(i["end"])) for i in row.get("ignore") or []],
    )


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldSentence]:
    sentences = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                sentences.append(parse_gold_line(line))
            except (KeyError, TypeError, ValueError) as exc:
                raise GoldError(f"{path}:{number}: {exc}") from exc
    return sentences


def validate_gold(sentences: Sequence[GoldSentence]) -> list[str]:
    """Problems in the annotations themselves (no corpus needed): spans, vocabularies, units."""
    problems = []
    for s in sentences:
        where = f"{s.doc}[{s.start},{s.end}]"
        if not 0 <= s.start < s.end:
            problems.append(f"{where}: empty or negative sentence span")
        items: list[tuple[int, int, str]] = []
        for q in s.quantities:
            items.append((q.start, q.end, "quantity"))
            if q.bound not in BOUNDS:
                problems.append(f"{where}: unknown bound {q.bound!r}")
            if q.bound == "range" and (q.low is None or q.high is None or q.low > q.high):
                problems.append(f"{where}: range without ordered low/high")
            if q.bound != "vague" and q.value is None and q.low is None:
                problems.append(f"{where}: quantity without a figure that is not vague")
            if q.dimension == "money" and not q.currency:
                problems.append(f"{where}: money without a currency")
            if q.unit is not None and parse_unit(q.unit) is None:
                problems.append(f"{where}: unit {q.unit!r} is not a pint unit")
        for d in s.dates:
            items.append((d.start, d.end, "date"))
            if d.granularity not in GRANULARITIES:
                problems.append(f"{where}: unknown granularity {d.granularity!r}")
            if d.date is not None and truncate_date(d.date, d.granularity) != d.date:
                problems.append(f"{where}: date {d.date} is not the first day of its period")
        for start, end, kind in items + [(a, b, "ignore") for a, b in s.ignore]:
            if not s.start <= start < end <= s.end:
                problems.append(f"{where}: {kind} [{start},{end}] outside its sentence")
        ordered = sorted(items)
        for (a0, a1, _), (b0, _, _) in zip(ordered, ordered[1:], strict=False):
            if b0 < a1:
                problems.append(f"{where}: overlapping annotations at {a0} and {b0}")
    return problems


def attach_text(sentences: Sequence[GoldSentence], corpus: dict[str, Article]) -> list[str]:
    """Fill each sentence's text from the corpus; return the drifted or missing ones."""
    problems = []
    for s in sentences:
        article = corpus.get(s.doc)
        if article is None:
            problems.append(f"{s.doc}: not in the corpus")
            continue
        text = article.text[s.start : s.end]
        if sentence_sha1(text) != s.sha1:
            problems.append(f"{s.doc}[{s.start},{s.end}]: sentence text changed (sha1 mismatch)")
            continue
        s.text = text
    return problems


# --------------------------------------------------------------------------------------------
# Predictions, whatever system made them


@dataclass(slots=True)
class PredQuantity:
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    dimension: str = "count"
    currency: str | None = None
    bound: str = "exact"


@dataclass(slots=True)
class PredDate:
    start: int
    end: int
    date: dt.date | None
    granularity: str = "day"


def _enum_value(value: Any, default: str) -> str:
    if value is None:
        return default
    return str(getattr(value, "value", value))


def from_factcheck_quantity(quantity: Any) -> PredQuantity:
    """factcheck.claims.Quantity -> PredQuantity (read defensively: fields may be missing)."""
    span = quantity.span
    return PredQuantity(
        start=span.start,
        end=span.end,
        value=getattr(quantity, "value", None),
        low=getattr(quantity, "low", None),
        high=getattr(quantity, "high", None),
        unit=getattr(quantity, "unit", None),
        dimension=_enum_value(getattr(quantity, "dimension", None), "count"),
        currency=getattr(quantity, "currency", None),
        bound=_enum_value(getattr(quantity, "bound", None), "exact"),
    )


def from_factcheck_date(claim: Any) -> PredDate:
    return PredDate(
        start=claim.span.start,
        end=claim.span.end,
        date=getattr(claim, "date", None),
        granularity=_enum_value(getattr(claim, "granularity", None), "day"),
    )


# --------------------------------------------------------------------------------------------
# Units (pint) and quantulum3's unit names


@lru_cache(maxsize=1)
def unit_registry():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=4096)
def parse_unit(expression: str | None):
    """A pint unit for an expression, or None when pint cannot read it."""
    if not expression:
        return None
    registry = unit_registry()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return registry.parse_units(expression)
    except Exception:  # pint raises several unrelated types for unreadable input
        return None


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None if the units do not convert."""
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if source is None or target is None:
        return None
    registry = unit_registry()
    try:
        return float(registry.Quantity(value, source).to(target).magnitude)
    except Exception:
        return None


def units_equivalent(a: str | None, b: str | None) -> bool:
    """True when two pint expressions name the same unit ("mph" and "mile / hour")."""
    if a is None or b is None:
        return a is None and b is None
    one = convert(1.0, a, b)
    zero = convert(0.0, a, b)  # catches offset units: degC and kelvin share a dimension
    return (
        one is not None
        and zero is not None
        and math.isclose(one, 1.0, rel_tol=1e-9)
        and math.isclose(zero, 0.0, abs_tol=1e-9)
    )


def dimension_of_unit(expression: str | None) -> str:
    """The claims.Dimension name that fits a pint unit's dimensionality."""
    unit = parse_unit(expression)
    if unit is None:
        return "other"
    dims = dict(unit.dimensionality)
    table = {
        (("[length]", 1),): "length",
        (("[length]", 2),): "area",
        (("[length]", 3),): "volume",
        (("[mass]", 1),): "mass",
        (("[temperature]", 1),): "temperature",
        (("[time]", 1),): "duration",
        (("[length]", 1), ("[time]", -1)): "speed",
    }
    return table.get(tuple(sorted(dims.items())), "other")


_QUANTULUM_BASES = {
    "degree Celsius": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit",
    "degree Fahrenheit": "degree_Fahrenheit",
    "pound-mass": "pound",
    "electronvolt": "electron_volt",
    "teraelectronvolt": "teraelectron_volt",
    "litre": "liter",
    "centilitre": "centiliter",
    "metre": "meter",
}


def _quantulum_base_to_pint(base: str) -> str | None:
    # never hand pint a phrase with spaces: it reads "kilometre per square second" as a product
    candidates = [_QUANTULUM_BASES.get(base), base.replace(" ", "_")]
    for candidate in candidates:
        if candidate and parse_unit(candidate) is not None:
            return candidate
    return None


@lru_cache(maxsize=1)
def _quantulum_units():
    from quantulum3 import load

    return load.units("en_US").names


def quantulum_unit_spec(
    name: str,
    entity: str | None = None,
    dimensions: Sequence[dict[str, Any]] | None = None,
    currency_code: str | None = None,
) -> tuple[str | None, str, str | None]:
    """(pint unit, dimension, currency) for a quantulum3 unit name.

    quantulum3 names units in prose ("square kilometre", "pound sterling"); its unit table gives
    the entity and the base units with powers, from which a pint expression is built. Counts
    and percentages have no unit; money has a currency (ISO code where quantulum3 knows it).
    """
    unit = _quantulum_units().get(name)
    if unit is not None:
        entity = entity or unit.entity.name
        dimensions = dimensions or unit.dimensions
        currency_code = currency_code or getattr(unit, "currency_code", None)
    if entity == "currency":
        return None, "money", currency_code
    if name == "percentage":
        return None, "percent", None
    if entity == "dimensionless" or name == "dimensionless":
        return None, "count", None
    if not dimensions and unit is None:
        dimensions = _quantulum_name_to_dimensions(name)
    expression = None
    if dimensions:
        money = _currency_of_bases(dimensions)
        if money is not None:
            # a price per something ("$15.4/hour"): money with the rest of the unit
            currency, rest = money
            return _dimensions_to_pint(rest), "money", currency
        expression = _dimensions_to_pint(dimensions)
    if expression is None:
        return name, "other", None  # unreadable: it will match nothing
    return expression, dimension_of_unit(expression), None


def _currency_of_bases(
    dimensions: Sequence[dict[str, Any]],
) -> tuple[str | None, list[dict[str, Any]]] | None:
    """(currency code, remaining bases) when one base of a derived unit is a currency."""
    table = _quantulum_units()
    for index, dimension in enumerate(dimensions):
        unit = table.get(str(dimension.get("base", "")))
        if unit is not None and unit.entity.name == "currency" and dimension.get("power") == 1:
            rest = [d for i, d in enumerate(dimensions) if i != index]
            return getattr(unit, "currency_code", None), rest
    return None


def _dimensions_to_pint(dimensions: Sequence[dict[str, Any]]) -> str | None:
    parts = []
    for dimension in dimensions:
        base = _quantulum_base_to_pint(str(dimension.get("base", "")))
        if base is None:
            return None
        power = int(dimension.get("power", 1))
        parts.append(base if power == 1 else f"{base} ** {power}")
    return " * ".join(parts) or None


def _quantulum_name_to_dimensions(name: str) -> list[dict[str, Any]] | None:
    """Read a derived quantulum3 name ("kilometre per square second") into base units.

    Multi-word bases ("pound sterling", "degree Celsius") are found by trying the longest run
    of words that quantulum3 or pint knows.
    """
    table = _quantulum_units()
    words = name.replace("-", " ").split()
    dimensions: list[dict[str, Any]] = []
    sign, power, index = 1, 1, 0
    while index < len(words):
        word = words[index]
        if word in ("per", "inverse"):
            sign, index = -1, index + 1
            continue
        if word in ("square", "cubic"):
            power, index = (2 if word == "square" else 3), index + 1
            continue
        for length in range(len(words) - index, 0, -1):
            base = " ".join(words[index : index + length])
            if base in table or _quantulum_base_to_pint(base) is not None:
                break
        else:
            return None
        dimensions.append({"base": base, "power": sign * power})
        power, index = 1, index + length
    return dimensions or None


def from_quantulum(quantity: Any, offset: int = 0) -> PredQuantity:
    """A quantulum3 Quantity (span relative to the parsed text) -> PredQuantity."""
    unit = quantity.unit
    expression, dimension, currency = quantulum_unit_spec(
        unit.name,
        entity=getattr(getattr(unit, "entity", None), "name", None),
        dimensions=getattr(unit, "dimensions", None),
        currency_code=getattr(unit, "currency_code", None),
    )
    value = float(quantity.value)
    uncertainty = getattr(quantity, "uncertainty", None)
    low = high = None
    bound = "exact"
    if uncertainty:
        low, high, bound = value - float(uncertainty), value + float(uncertainty), "range"
    start, end = quantity.span
    return PredQuantity(
        start=offset + start,
        end=offset + end,
        value=value,
        low=low,
        high=high,
        unit=expression,
        dimension=dimension,
        currency=currency,
        bound=bound,
    )


# --------------------------------------------------------------------------------------------
# Agreement between one gold item and one prediction


def spans_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def values_close(gold: float | None, predicted: float | None, tolerance: float = VALUE_TOLERANCE):
    if gold is None or predicted is None:
        return False
    if gold == 0:
        return abs(predicted) <= tolerance
    return abs(predicted - gold) <= tolerance * abs(gold)


def _predicted_in_gold_unit(gold: GoldQuantity, pred: PredQuantity, value: float | None):
    """A predicted figure expressed in the gold's unit (percent <-> ratio, km -> m, ...)."""
    if value is None:
        return None
    if gold.unit and pred.unit and not units_equivalent(gold.unit, pred.unit):
        return convert(value, pred.unit, gold.unit)
    if gold.dimension == "ratio" and pred.dimension == "percent":
        return value / 100.0
    if gold.dimension == "percent" and pred.dimension == "ratio":
        return value * 100.0
    return value


def quantity_value_right(gold: GoldQuantity, pred: PredQuantity) -> bool:
    if gold.bound == "vague":
        return pred.bound == "vague" or (pred.value is None and pred.low is None)
    if gold.bound == "range":
        low = _predicted_in_gold_unit(gold, pred, pred.low)
        high = _predicted_in_gold_unit(gold, pred, pred.high)
        return values_close(gold.low, low) and values_close(gold.high, high)
    return values_close(gold.value, _predicted_in_gold_unit(gold, pred, pred.value))


def quantity_unit_right(gold: GoldQuantity, pred: PredQuantity) -> bool:
    if gold.dimension == "money":
        same_currency = (pred.currency or "").upper() == (gold.currency or "").upper()
        per_unit_right = gold.unit is None or units_equivalent(gold.unit, pred.unit)
        return pred.dimension == "money" and same_currency and per_unit_right
    if gold.unit is None:
        if gold.dimension in UNITLESS_DIMENSIONS:
            # a count may carry its counted noun as "unit"; other unitless kinds must agree
            return pred.dimension == gold.dimension
        return pred.unit is None and pred.dimension == gold.dimension
    return units_equivalent(gold.unit, pred.unit)


QUANTITY_LEVELS = ("span", "value", "value+unit", "full")
QUANTITY_LEVELS_NO_BOUND = ("span", "value", "value+unit")


def quantity_levels(gold: GoldQuantity, pred: PredQuantity) -> set[str]:
    """The criterion levels this pair satisfies."""
    if not spans_overlap(gold.start, gold.end, pred.start, pred.end):
        return set()
    levels = {"span"}
    if quantity_value_right(gold, pred):
        levels.add("value")
        if quantity_unit_right(gold, pred):
            levels.add("value+unit")
            if gold.bound == pred.bound:
                levels.add("full")
    return levels


def truncate_date(date: dt.date, granularity: str) -> dt.date:
    """The first day of the period of ``granularity`` that contains ``date``."""
    if granularity == "week":
        return date - dt.timedelta(days=date.weekday())
    if granularity in ("month", "season"):
        return date.replace(day=1)
    if granularity == "year":
        return date.replace(month=1, day=1)
    if granularity == "decade":
        return dt.date(date.year - date.year % 10, 1, 1)
    return date


DATE_LEVELS = ("span", "date", "full")


def date_levels(gold: GoldDate, pred: PredDate) -> set[str]:
    if not spans_overlap(gold.start, gold.end, pred.start, pred.end):
        return set()
    levels = {"span"}
    if gold.date is None:
        date_right = pred.date is None
    else:
        date_right = pred.date is not None and (
            truncate_date(pred.date, gold.granularity) == gold.date
        )
    if date_right:
        levels.add("date")
        if pred.granularity == gold.granularity:
            levels.add("full")
    return levels


# --------------------------------------------------------------------------------------------
# Matching and scores


def max_matching(n_gold: int, n_pred: int, edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Maximum one-to-one matching gold -> prediction (augmenting paths; sets are tiny)."""
    adjacency: dict[int, list[int]] = {}
    for g, p in edges:
        adjacency.setdefault(g, []).append(p)
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in adjacency.get(g, ()):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


@dataclass(slots=True)
class Score:
    """Counts for one system at one level; precision/recall/F1 derived."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if not p or not r:
            return 0.0 if p is not None and r is not None else None
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class SentenceMatch:
    """Per-level results for one sentence: which gold items were matched, which preds spare."""

    scores: dict[str, Score]
    matched_gold: dict[str, set[int]]
    unmatched_pred: dict[str, list[int]]


def drop_ignored(
    preds: Sequence[Any], golds: Sequence[Any], ignore: Sequence[tuple[int, int]]
) -> list[Any]:
    """Predictions that fall in a don't-care region and touch no gold item are not scored."""
    kept = []
    for pred in preds:
        in_ignore = any(spans_overlap(a, b, pred.start, pred.end) for a, b in ignore)
        touches_gold = any(spans_overlap(g.start, g.end, pred.start, pred.end) for g in golds)
        if in_ignore and not touches_gold:
            continue
        kept.append(pred)
    return kept


def match_sentence(
    golds: Sequence[Any],
    preds: Sequence[Any],
    levels_of: Callable[[Any, Any], set[str]],
    levels: Sequence[str],
) -> SentenceMatch:
    pair_levels = {
        (g, p): levels_of(gold, pred)
        for g, gold in enumerate(golds)
        for p, pred in enumerate(preds)
    }
    scores, matched_gold, unmatched_pred = {}, {}, {}
    for level in levels:
        edges = [pair for pair, satisfied in pair_levels.items() if level in satisfied]
        matching = max_matching(len(golds), len(preds), edges)
        scores[level] = Score(matched=len(matching), predicted=len(preds), gold=len(golds))
        matched_gold[level] = set(matching)
        used = set(matching.values())
        unmatched_pred[level] = [p for p in range(len(preds)) if p not in used]
    return SentenceMatch(scores, matched_gold, unmatched_pred)


def preds_in_sentence(preds: Iterable[Any], start: int, end: int) -> list[Any]:
    """Predictions that start inside a sentence span (so each belongs to one sentence)."""
    return [p for p in preds if start <= p.start < end]


def make_console():
    """A rich console; wide enough for the tables when output goes to a file or a pipe."""
    import sys

    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=140)


def fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:5.1f}"


def load_rules_or_report(paths: list[Path], console: Any) -> list | None:
    """factcheck's shipped rules plus ``paths``, or None after printing one line that says why
    they could not be loaded (a rule file's problems, or factcheck itself failing to import)."""
    try:
        from factcheck.rules import RuleError, load_rules

        return load_rules(paths)
    except RuleError as exc:
        console.print(f"rule files have problems:\n{exc}", markup=False)
    except Exception as exc:  # factcheck itself cannot be imported or set up
        console.print(f"cannot load factcheck: {type(exc).__name__}: {exc}", markup=False)
    return None
