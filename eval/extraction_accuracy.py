"""Precision and recall of quantity and date extraction, factcheck against raw libraries.

Two test sets:

(a) quantulum3's own test sentences, shipped inside the installed package
    (quantulum3/_lang/en_US/tests/quantities.json): raw ``quantulum3.parser.parse`` against
    ``factcheck.extract.extract``, compared on span, value and unit only (that file has no
    bounds). quantulum3's unit names are mapped to pint expressions through its own unit table.
(b) the hand-annotated gold set (eval/gold/news-dev-gold.jsonl) over the dev news corpus:
    factcheck's extractor (run on the whole article, claims kept per gold sentence) against raw
    quantulum3 (``parser.parse`` on the sentence) and raw dateparser (``search_dates`` on the
    sentence, RELATIVE_BASE = the article's publication date).

Criterion levels, each scored with its own one-to-one matching:
  quantities: span (overlap) < value (within 0.1 %, ranges by their ends) < value+unit
              (pint-equivalent unit; currency for money; kind for counts, percentages, ratios)
              < full (and the bound: exact, approx, at_most, ..., range, vague)
  dates:      span < date (resolved date right at the gold granularity) < full (and granularity)

Usage: python eval/extraction_accuracy.py [--corpus PATH] [--gold PATH] [--json OUT]
                                          [--errors N] [--show-gold] [--skip-quantulum-tests]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from common import (
    DATE_LEVELS,
    DEFAULT_GOLD,
    QUANTITY_LEVELS,
    QUANTITY_LEVELS_NO_BOUND,
    Article,
    GoldQuantity,
    GoldSentence,
    PredDate,
    PredQuantity,
    Score,
    add_corpus_argument,
    attach_text,
    date_levels,
    drop_ignored,
    fmt_ratio,
    from_factcheck_date,
    from_factcheck_quantity,
    from_quantulum,
    load_corpus,
    load_gold,
    make_console,
    match_sentence,
    preds_in_sentence,
    quantity_levels,
    quantulum_unit_spec,
    to_document,
    validate_gold,
)
from rich.console import Console
from rich.table import Table

warnings.filterwarnings("ignore", module="quantulum3")
warnings.filterwarnings("ignore", category=UserWarning)

OURS = "factcheck"
QUANTULUM = "quantulum3"  # raw library output, no post-processing
DATEPARSER = "dateparser"  # raw search_dates output


# --------------------------------------------------------------------------------------------
# The systems: each returns predictions in document offsets


class ExtractorUnavailable(RuntimeError):
    pass


class FactcheckSystem:
    """factcheck.extract.extract on whole documents, cached per document id."""

    def __init__(self) -> None:
        try:
            from factcheck.extract import extract
        except Exception as exc:  # the package may be half-written while others work on it
            raise ExtractorUnavailable(f"{type(exc).__name__}: {exc}") from exc
        self._extract = extract
        self._cache: dict[str, tuple[list[PredQuantity], list[PredDate]]] = {}
        self.errors: Counter[str] = Counter()
        self.seconds = 0.0

    def claims_of(self, article: Article) -> tuple[list[PredQuantity], list[PredDate]]:
        if article.id not in self._cache:
            started = time.perf_counter()
            try:
                claims = self._extract(to_document(article))
                result = (
                    [from_factcheck_quantity(q) for q in claims.quantities],
                    [from_factcheck_date(d) for d in claims.dates],
                )
            except Exception as exc:
                self.errors[type(exc).__name__] += 1
                result = ([], [])
            self.seconds += time.perf_counter() - started
            self._cache[article.id] = result
        return self._cache[article.id]

    def text_claims(self, text: str) -> list[PredQuantity]:
        """Quantities of a bare text with no publication date (quantulum3's test sentences)."""
        from factcheck.document import Document

        try:
            claims = self._extract(Document(text=text))
        except Exception as exc:
            self.errors[type(exc).__name__] += 1
            return []
        return [from_factcheck_quantity(q) for q in claims.quantities]


def quantulum_quantities(text: str, offset: int = 0) -> list[PredQuantity]:
    from quantulum3 import parser

    try:
        found = parser.parse(text)
    except Exception:
        return []
    return [from_quantulum(q, offset) for q in found]


def dateparser_dates(text: str, published: dt.date | None, offset: int = 0) -> list[PredDate]:
    """search_dates on a sentence; the period of each hit gives its granularity."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:
        return []
    period_parser = DateDataParser(languages=["en"], settings=settings)
    dates: list[PredDate] = []
    cursor = 0
    for surface, when in found:
        position = text.find(surface, cursor)
        if position < 0:
            position = text.find(surface)
        if position < 0:
            continue
        cursor = position + len(surface)
        try:
            period = period_parser.get_date_data(surface).period or "day"
        except Exception:
            period = "day"
        dates.append(
            PredDate(
                start=offset + position,
                end=offset + position + len(surface),
                date=when.date(),
                granularity="day" if period == "time" else period,
            )
        )
    return dates


# --------------------------------------------------------------------------------------------
# Scoring over the gold set


class Tally:
    """Scores of one system on one claim kind: overall, by gold tag, by sentence tag."""

    def __init__(self, levels: Sequence[str]) -> None:
        self.levels = tuple(levels)
        self.overall = {level: Score() for level in levels}
        self.by_source: dict[str, dict[str, Score]] = defaultdict(
            lambda: {level: Score() for level in self.levels}
        )
        self.recall_by_tag: dict[str, Counter[str]] = defaultdict(Counter)  # tag -> level -> hit
        self.gold_by_tag: Counter[str] = Counter()
        self.spurious_by_sentence_tag: Counter[str] = Counter()
        self.sentences_by_tag: Counter[str] = Counter()
        self.errors: list[tuple[str, GoldSentence, Any]] = []  # (kind, sentence, item)

    def add(self, sentence: GoldSentence, golds: Sequence[Any], preds: Sequence[Any], levels_of):
        preds = drop_ignored(preds, golds, sentence.ignore)
        result = match_sentence(golds, preds, levels_of, self.levels)
        for level in self.levels:
            self.overall[level].add(result.scores[level])
            self.by_source[sentence.source][level].add(result.scores[level])
        for index, gold in enumerate(golds):
            for tag in gold.tags:
                self.gold_by_tag[tag] += 1
                for level in self.levels:
                    if index in result.matched_gold[level]:
                        self.recall_by_tag[tag][level] += 1
        spurious = [preds[i] for i in result.unmatched_pred["span"]]
        for tag in sentence.tags:
            self.sentences_by_tag[tag] += 1
            self.spurious_by_sentence_tag[tag] += len(spurious)
        full = self.levels[-1]
        for index, gold in enumerate(golds):
            if index not in result.matched_gold[full]:
                near = [p for p in preds if levels_of(gold, p)]
                self.errors.append(("miss", sentence, (gold, near)))
        for index in result.unmatched_pred[full]:
            pred = preds[index]
            if not any(levels_of(g, pred) for g in golds):
                self.errors.append(("spurious", sentence, pred))

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": {level: s.as_dict() for level, s in self.overall.items()},
            "by_source": {
                source: {level: s.as_dict() for level, s in scores.items()}
                for source, scores in self.by_source.items()
            },
            "recall_by_tag": {
                tag: {
                    "gold": self.gold_by_tag[tag],
                    **{level: self.recall_by_tag[tag][level] for level in self.levels},
                }
                for tag in sorted(self.gold_by_tag)
            },
            "spurious_by_sentence_tag": {
                tag: {"sentences": self.sentences_by_tag[tag], "spurious": n}
                for tag, n in sorted(self.spurious_by_sentence_tag.items())
            },
        }


def evaluate_gold(
    gold: Sequence[GoldSentence], corpus: dict[str, Article], use_ours: bool = True
) -> tuple[dict[str, Tally], dict[str, Tally], dict[str, Any]]:
    """Score every system on the gold sentences; returns quantity and date tallies."""
    quantity_tallies: dict[str, Tally] = {}
    date_tallies: dict[str, Tally] = {}
    notes: dict[str, Any] = {}
    ours = None
    if use_ours:
        try:
            ours = FactcheckSystem()
            quantity_tallies[OURS] = Tally(QUANTITY_LEVELS)
            date_tallies[OURS] = Tally(DATE_LEVELS)
        except ExtractorUnavailable as exc:
            notes["factcheck_unavailable"] = str(exc)
    quantity_tallies[QUANTULUM] = Tally(QUANTITY_LEVELS)
    date_tallies[DATEPARSER] = Tally(DATE_LEVELS)
    timings = Counter()
    for sentence in gold:
        article = corpus[sentence.doc]
        if ours is not None:
            quantities, dates = ours.claims_of(article)
            quantity_tallies[OURS].add(
                sentence,
                sentence.quantities,
                preds_in_sentence(quantities, sentence.start, sentence.end),
                quantity_levels,
            )
            date_tallies[OURS].add(
                sentence,
                sentence.dates,
                preds_in_sentence(dates, sentence.start, sentence.end),
                date_levels,
            )
        started = time.perf_counter()
        raw_quantities = quantulum_quantities(sentence.text, sentence.start)
        timings[QUANTULUM] += time.perf_counter() - started
        quantity_tallies[QUANTULUM].add(
            sentence, sentence.quantities, raw_quantities, quantity_levels
        )
        started = time.perf_counter()
        raw_dates = dateparser_dates(sentence.text, sentence.published, sentence.start)
        timings[DATEPARSER] += time.perf_counter() - started
        date_tallies[DATEPARSER].add(sentence, sentence.dates, raw_dates, date_levels)
    if ours is not None:
        notes["factcheck_errors"] = dict(ours.errors)
        timings[OURS] = ours.seconds
    notes["seconds"] = {name: round(seconds, 2) for name, seconds in timings.items()}
    return quantity_tallies, date_tallies, notes


# --------------------------------------------------------------------------------------------
# (a) quantulum3's own test file


def quantulum_test_path() -> Path:
    import quantulum3

    return Path(quantulum3.__file__).parent / "_lang" / "en_US" / "tests" / "quantities.json"


def quantulum_test_gold(entries: Sequence[dict[str, Any]]) -> list[tuple[str, list[GoldQuantity]]]:
    """Each test sentence with its expected quantities as GoldQuantity (span found by surface)."""
    cases = []
    for entry in entries:
        text = str(entry.get("req", ""))
        golds: list[GoldQuantity] = []
        cursor = 0
        for expected in entry.get("res") or []:
            surface = str(expected.get("surface", ""))
            position = text.find(surface, cursor)
            if position < 0:
                position = text.find(surface)
            if position < 0 or not surface:
                continue
            cursor = position + len(surface)
            unit, dimension, currency = quantulum_unit_spec(
                str(expected.get("unit", "")),
                entity=expected.get("entity"),
                dimensions=expected.get("dimensions"),
            )
            golds.append(
                GoldQuantity(
                    start=position,
                    end=position + len(surface),
                    value=float(expected["value"]),
                    low=None,
                    high=None,
                    unit=unit,
                    dimension=dimension,
                    currency=currency,
                    bound="exact",
                )
            )
        cases.append((text, golds))
    return cases


def evaluate_quantulum_tests(use_ours: bool = True) -> tuple[dict[str, dict[str, Score]], dict]:
    path = quantulum_test_path()
    notes: dict[str, Any] = {"path": str(path)}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        notes["error"] = f"cannot read {path}: {exc}"
        return {}, notes
    cases = quantulum_test_gold(entries)
    notes["sentences"] = len(cases)
    systems: dict[str, Callable[[str], list[PredQuantity]]] = {QUANTULUM: quantulum_quantities}
    if use_ours:
        try:
            systems[OURS] = FactcheckSystem().text_claims
        except ExtractorUnavailable as exc:
            notes["factcheck_unavailable"] = str(exc)
    results: dict[str, dict[str, Score]] = {}
    for name, run in systems.items():
        totals = {level: Score() for level in QUANTITY_LEVELS_NO_BOUND}
        for text, golds in cases:
            preds = run(text)
            match = match_sentence(golds, preds, quantity_levels, QUANTITY_LEVELS_NO_BOUND)
            for level in QUANTITY_LEVELS_NO_BOUND:
                totals[level].add(match.scores[level])
        results[name] = totals
    return results, notes


# --------------------------------------------------------------------------------------------
# Output


def score_table(title: str, results: dict[str, dict[str, Score]], levels: Sequence[str]) -> Table:
    """One row per system and criterion level: matched, predicted, gold, P, R, F1 (percent)."""
    table = Table(title=title, title_justify="left")
    for column in ("system", "level", "gold", "pred", "matched", "P %", "R %", "F1 %"):
        table.add_column(column, justify="left" if column in ("system", "level") else "right")
    for name, scores in results.items():
        for index, level in enumerate(levels):
            score = scores[level]
            table.add_row(
                name if index == 0 else "",
                level,
                str(score.gold),
                str(score.predicted),
                str(score.matched),
                fmt_ratio(score.precision),
                fmt_ratio(score.recall),
                fmt_ratio(score.f1),
                end_section=index == len(levels) - 1,
            )
    return table


def source_table(title: str, tallies_by_kind: dict[str, dict[str, Tally]]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in (
        "kind",
        "system",
        "source",
        "gold",
        "span P %",
        "span R %",
        "full P %",
        "full R %",
    ):
        table.add_column(
            column, justify="left" if column in ("kind", "system", "source") else "right"
        )
    for kind, tallies in tallies_by_kind.items():
        for name, tally in tallies.items():
            for source in sorted(tally.by_source):
                span = tally.by_source[source]["span"]
                full = tally.by_source[source][tally.levels[-1]]
                table.add_row(
                    kind,
                    name,
                    source,
                    str(span.gold),
                    fmt_ratio(span.precision),
                    fmt_ratio(span.recall),
                    fmt_ratio(full.precision),
                    fmt_ratio(full.recall),
                )
    return table


def tag_table(title: str, tallies: dict[str, Tally]) -> Table:
    """Recall by gold tag at the span level and at the full level, one column pair a system."""
    table = Table(title=title, title_justify="left")
    table.add_column("gold tag")
    table.add_column("n", justify="right")
    for name in tallies:
        table.add_column(f"{name}\nspan R %", justify="right")
        table.add_column(f"{name}\nfull R %", justify="right")
    tags = sorted(set().union(*(t.gold_by_tag for t in tallies.values())))
    for tag in tags:
        n = max(t.gold_by_tag[tag] for t in tallies.values())
        row = [tag, str(n)]
        for tally in tallies.values():
            full = tally.levels[-1]
            for level in ("span", full):
                hits = tally.recall_by_tag[tag][level]
                row.append(fmt_ratio(hits / n if n else None))
        table.add_row(*row)
    return table


def spurious_table(title: str, tallies: dict[str, Tally]) -> Table:
    """Predictions that touch no gold item, by sentence tag (tricky non-quantities, ...)."""
    table = Table(title=title, title_justify="left")
    table.add_column("sentence tag")
    table.add_column("sentences", justify="right")
    for name in tallies:
        table.add_column(f"{name}\nspurious", justify="right")
    tags = sorted(set().union(*(t.sentences_by_tag for t in tallies.values())))
    for tag in tags:
        n = max(t.sentences_by_tag[tag] for t in tallies.values())
        table.add_row(
            tag, str(n), *[str(t.spurious_by_sentence_tag[tag]) for t in tallies.values()]
        )
    return table


def describe_quantity(item: Any) -> str:
    figure = (
        f"{item.low:g}–{item.high:g}"
        if item.low is not None and item.high is not None
        else ("∅" if item.value is None else f"{item.value:g}")
    )
    unit = item.unit or item.currency or item.dimension
    return f"{figure} {unit} [{item.bound}]"


def describe_date(item: Any) -> str:
    return f"{item.date or '∅'} [{item.granularity}]"


def print_errors(console: Console, name: str, tally: Tally, limit: int, describe) -> None:
    console.print(f"\n[bold]{name}: first {limit} misses and spurious predictions[/bold]")
    for kind, sentence, item in tally.errors[:limit]:
        text = sentence.text
        if kind == "miss":
            gold, near = item
            surface = text[gold.start - sentence.start : gold.end - sentence.start]
            got = (
                "; ".join(
                    f"{text[p.start - sentence.start : p.end - sentence.start]!r} {describe(p)}"
                    for p in near
                )
                or "nothing"
            )
            console.print(
                f"  miss  {sentence.doc}: {surface!r} want {describe(gold)}; got {got}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        else:
            surface = text[item.start - sentence.start : item.end - sentence.start]
            console.print(
                f"  extra {sentence.doc}: {surface!r} {describe(item)}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )


def show_gold(console: Console, gold: Sequence[GoldSentence]) -> None:
    """Print the annotations over the corpus text, for reviewing the gold set."""
    for sentence in gold:
        marks = [(q.start, q.end, describe_quantity(q)) for q in sentence.quantities]
        marks += [(d.start, d.end, describe_date(d)) for d in sentence.dates]
        marks += [(a, b, "ignored") for a, b in sentence.ignore]
        shown = sentence.text
        for start, end, _ in sorted(marks, reverse=True):
            a, b = start - sentence.start, end - sentence.start
            shown = shown[:a] + "[[" + shown[a:b] + "]]" + shown[b:]
        console.print(
            f"{sentence.doc} {sentence.published or '-'} {sentence.tags}",
            markup=False,
            highlight=False,
        )
        console.print(f"  {shown}", markup=False, highlight=False, soft_wrap=True)
        for start, end, label in sorted(marks):
            surface = sentence.text[start - sentence.start : end - sentence.start]
            console.print(
                f"    {surface!r}: {label}", markup=False, highlight=False, soft_wrap=True
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold annotations")
    parser.add_argument("--json", type=Path, help="also write all scores to this JSON file")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print the first N misses/spurious predictions per system",
    )
    parser.add_argument(
        "--show-gold",
        action="store_true",
        help="print the gold annotations over the corpus text and exit",
    )
    parser.add_argument(
        "--skip-quantulum-tests",
        action="store_true",
        help="skip part (a), quantulum3's own test sentences",
    )
    parser.add_argument("--no-factcheck", action="store_true", help="score only the raw libraries")
    args = parser.parse_args(argv)
    console = make_console()

    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        console.print(f"cannot load the gold set: {exc}", markup=False)
        return 2
    problems = validate_gold(gold)
    if not args.corpus.exists():
        console.print(f"corpus not found: {args.corpus} (use --corpus)", markup=False)
        return 2
    corpus = load_corpus(args.corpus)
    problems += attach_text(gold, corpus)
    if problems:
        console.print(f"{len(problems)} problem(s) in the gold set:", markup=False)
        for problem in problems:
            console.print(f"  {problem}", markup=False)
        gold = [s for s in gold if s.text]
    if args.show_gold:
        show_gold(console, gold)
        return 0

    report: dict[str, Any] = {"gold": str(args.gold), "sentences": len(gold)}
    use_ours = not args.no_factcheck

    if not args.skip_quantulum_tests:
        results, notes = evaluate_quantulum_tests(use_ours)
        report["quantulum_tests"] = {
            "notes": notes,
            "scores": {n: {lv: s.as_dict() for lv, s in r.items()} for n, r in results.items()},
        }
        if results:
            console.print(
                score_table(
                    f"(a) quantulum3's own test sentences ({notes.get('sentences')}), "
                    "value and unit",
                    results,
                    QUANTITY_LEVELS_NO_BOUND,
                )
            )
        for key in ("error", "factcheck_unavailable"):
            if key in notes:
                console.print(f"  {key}: {notes[key]}", markup=False)

    quantity_tallies, date_tallies, notes = evaluate_gold(gold, corpus, use_ours)
    n_quantities = sum(len(s.quantities) for s in gold)
    n_dates = sum(len(s.dates) for s in gold)
    console.print(
        score_table(
            f"(b) gold set: quantities ({len(gold)} sentences, {n_quantities} quantities)",
            {name: t.overall for name, t in quantity_tallies.items()},
            QUANTITY_LEVELS,
        )
    )
    console.print(
        score_table(
            f"(b) gold set: dates ({n_dates} dates)",
            {name: t.overall for name, t in date_tallies.items()},
            DATE_LEVELS,
        )
    )
    console.print(
        source_table(
            "By source (span level and full level)",
            {"quantity": quantity_tallies, "date": date_tallies},
        )
    )
    console.print(tag_table("Quantity recall by category", quantity_tallies))
    console.print(tag_table("Date recall by category", date_tallies))
    console.print(
        spurious_table("Quantities that match no gold item, by sentence tag", quantity_tallies)
    )
    console.print(spurious_table("Dates that match no gold item, by sentence tag", date_tallies))
    if "factcheck_unavailable" in notes:
        console.print(
            f"factcheck extractor unavailable: {notes['factcheck_unavailable']}", markup=False
        )
    if notes.get("factcheck_errors"):
        console.print(
            f"factcheck extraction errors by type: {notes['factcheck_errors']}", markup=False
        )
    console.print(f"seconds spent per system: {notes['seconds']}", markup=False)

    if args.errors:
        for name, tally in quantity_tallies.items():
            print_errors(console, f"{name} quantities", tally, args.errors, describe_quantity)
        for name, tally in date_tallies.items():
            print_errors(console, f"{name} dates", tally, args.errors, describe_date)

    report["gold_set"] = {
        "notes": notes,
        "quantities": {name: t.as_dict() for name, t in quantity_tallies.items()},
        "dates": {name: t.as_dict() for name, t in date_tallies.items()},
        "gold_problems": problems,
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        console.print(f"scores written to {args.json}", markup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
