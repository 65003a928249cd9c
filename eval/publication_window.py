"""Can an undated article's publication window be read from its own dates? Measured here.

factcheck takes the publication window of undated text from outside it (``--published-between``,
a ``published_between`` field, the configuration's ``published-between``) and does not infer it.
This script is the evidence for that choice, kept so it can be re-run when extraction improves.

Every article is extracted with no publication date, so only dates whose year is written
resolve. From those dates, candidate rules for a window:

* lower bound ``L``: the latest year written in a past-tense clause (an event that happened
  cannot be after publication), or in a past or present clause (``--tenses past,present``);
* upper bound ``L + k`` for k = 0..3 (news writes about recent years), or the earliest year of
  a future-tense clause.

Measured:

(a) on the dated articles (Wikinews): how often ``L`` is at most the publication year (the
    lower bound holds) and how often ``[L, L + k]`` contains it;
(b) on the BBC articles (2004-2005, the corpus's own metadata): how often ``L`` falls after
    2005 (a wrong bound), in 2004-2005, or before 2004 (then ``[L, L + 1]`` can miss 2004-2005);
(c) the currency check on the BBC articles' money pairs under four windows: none, the archive's
    2004-2005, the inferred ``[L, L + 1]``, and the inferred lower bound alone (``[L, table
    end]``): pairs judged, pairs flagged, and whether the four pairs the corpus annotates as
    real errors are among them (``../shared/corpus/news-dev-annotations.jsonl``).

Usage: python eval/publication_window.py [--corpus PATH] [--tenses past|past,present]
                                         [--json OUT]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import DEFAULT_CORPUS, add_corpus_argument, iter_corpus, make_console, to_document
from rich.table import Table

warnings.filterwarnings("ignore", category=UserWarning)

ARCHIVE = (dt.date(2004, 1, 1), dt.date(2005, 12, 31))
DEFAULT_ANNOTATIONS = DEFAULT_CORPUS.parent / "news-dev-annotations.jsonl"
SPANS = (0, 1, 2, 3)  # k in [L, L + k]


@dataclass(slots=True)
class Bounds:
    """What an article's own dates say about its year."""

    latest_past: int | None  # L: the latest year written in a clause of the chosen tenses
    earliest_future: int | None  # the earliest year written in a future-tense clause


def written_years(claims: Any, tenses: set[str]) -> Bounds:
    """The candidate bounds from the dates whose year is written (datelines left out: they
    *are* the publication date, which an undated article does not have)."""
    past: list[int] = []
    future: list[int] = []
    for date in claims.dates:
        if not date.year_written or date.date is None or date.is_dateline:
            continue
        if str(date.granularity) == "decade":
            continue
        if str(date.tense) in tenses:
            past.append(date.date.year)
        elif str(date.tense) == "future":
            future.append(date.date.year)
    return Bounds(max(past, default=None), min(future, default=None))


def year_window(first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


@dataclass(slots=True)
class MoneyVerdicts:
    """The currency check on one article's money pairs under one window."""

    judged: int = 0
    flagged: list[str] = field(default_factory=list)  # flagged text with its source


@dataclass(slots=True)
class Measures:
    dated: Counter[str] = field(default_factory=Counter)
    bbc: Counter[str] = field(default_factory=Counter)
    money: dict[str, MoneyVerdicts] = field(default_factory=dict)
    annotated_errors: list[str] = field(default_factory=list)
    annotated_found: Counter[str] = field(default_factory=Counter)


def currency_rules(rules: Iterable[Any]) -> list[Any]:
    """The enabled conversion rules that judge money (rules/currency.yaml)."""
    chosen = []
    for rule in rules:
        if rule.enabled and rule.check == "conversion":
            dimensions = rule.effective_params().get("dimensions") or ()
            if "money" in dimensions:
                chosen.append(rule)
    return chosen


def money_verdicts(document: Any, claims: Any, rules: Sequence[Any], window) -> MoneyVerdicts:
    from factcheck.pipeline import run_rules

    claims.published_between = window
    result = run_rules(document, claims, list(rules))
    money = [f for f in result.findings if "currencies" in f.evidence]
    judged = len(money) + sum(1 for v in result.verified if "currencies" in v.evidence)
    return MoneyVerdicts(
        judged, [f"{f.related[0][1] if f.related else '?'} ({f.text})" for f in money]
    )


def annotated_currency_errors(path: Path) -> dict[str, list[str]]:
    """Article id -> annotated spans of real currency-conversion errors."""
    found: dict[str, list[str]] = {}
    if not path.exists():
        return found
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("check") == "currency_conversion" and row.get("verdict") == "inconsistent":
            found.setdefault(row["id"], []).append(row["span"])
    return found


def measure(articles: Iterable[Any], rules: Sequence[Any], tenses: set[str], errors) -> Measures:
    from factcheck.extract import extract

    measures = Measures()
    windows = ("none", "archive 2004-2005", "inferred [L, L+1]", "inferred [L, end]")
    totals = {name: MoneyVerdicts() for name in windows}
    money_rules = currency_rules(rules)
    for article in articles:
        document = to_document(article)
        document.published, document.published_between = None, None
        claims = extract(document)
        bounds = written_years(claims, tenses)
        latest = bounds.latest_past
        if article.published is not None:
            year = article.published.year
            measures.dated["articles"] += 1
            if latest is None:
                measures.dated["no past year written"] += 1
                continue
            measures.dated["with L"] += 1
            measures.dated["L <= year (bound holds)"] += latest <= year
            for k in SPANS:
                measures.dated[f"year in [L, L+{k}]"] += latest <= year <= latest + k
            if bounds.earliest_future is not None:
                measures.dated["with a future year F"] += 1
                measures.dated["year <= F (bound holds)"] += year <= bounds.earliest_future
            continue
        if not article.source.startswith("bbc"):
            continue
        measures.bbc["articles"] += 1
        if latest is None:
            measures.bbc["no past year written"] += 1
        elif latest > ARCHIVE[1].year:
            measures.bbc["L after 2005 (wrong)"] += 1
        elif latest >= ARCHIVE[0].year:
            measures.bbc["L in 2004-2005"] += 1
        else:
            measures.bbc["L before 2004"] += 1
            measures.bbc["L before 2003 ([L, L+1] misses 2004-2005)"] += latest < 2003
        if not claims.pairs:
            continue
        candidates = {
            "none": None,
            "archive 2004-2005": ARCHIVE,
            "inferred [L, L+1]": year_window(latest, latest + 1) if latest else None,
            "inferred [L, end]": year_window(latest, 9999) if latest else None,
        }
        for name, window in candidates.items():
            verdicts = money_verdicts(document, claims, money_rules, window)
            totals[name].judged += verdicts.judged
            totals[name].flagged.extend(f"{article.id}: {f}" for f in verdicts.flagged)
            for span in errors.get(article.id, []):
                # "$11bn (£8.5bn)": flagged when a finding's source and figure are both in it.
                if any(
                    flagged.split(" (")[0].split()[-1] in span
                    and flagged.rsplit("(", 1)[-1].rstrip(")") in span
                    for flagged in verdicts.flagged
                ):
                    measures.annotated_found[name] += 1
    measures.money = totals
    measures.annotated_errors = [
        f"{doc}: {span}" for doc, spans in errors.items() for span in spans
    ]
    return measures


# Each row of the tables, with the row its share is taken of.
DATED_ROWS = (
    ("articles", None),
    ("no past year written", "articles"),
    ("with L", "articles"),
    ("L <= year (bound holds)", "with L"),
    *((f"year in [L, L+{k}]", "with L") for k in SPANS),
    ("with a future year F", "articles"),
    ("year <= F (bound holds)", "with a future year F"),
)
BBC_ROWS = (
    ("articles", None),
    ("no past year written", "articles"),
    ("L after 2005 (wrong)", "articles"),
    ("L in 2004-2005", "articles"),
    ("L before 2004", "articles"),
    ("L before 2003 ([L, L+1] misses 2004-2005)", "articles"),
)


def report(measures: Measures, console: Any) -> None:
    for title, counts, rows in (
        ("Dated articles (Wikinews)", measures.dated, DATED_ROWS),
        ("BBC articles (2004-2005)", measures.bbc, BBC_ROWS),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column("measure")
        table.add_column("articles", justify="right")
        table.add_column("share", justify="right")
        table.add_column("of", justify="left")
        for key, base in rows:
            value = counts.get(key, 0)
            share = f"{100 * value / counts[base]:.0f} %" if base and counts.get(base) else ""
            table.add_row(key, str(value), share, base or "")
        console.print(table)
    table = Table(title="The currency check on the BBC money pairs", title_justify="left")
    for column in ("window", "pairs judged", "flagged", "annotated errors flagged"):
        table.add_column(column, justify="right" if column != "window" else "left")
    total = len(measures.annotated_errors)
    for name, verdicts in measures.money.items():
        found = measures.annotated_found.get(name, 0)
        table.add_row(name, str(verdicts.judged), str(len(verdicts.flagged)), f"{found}/{total}")
    console.print(table)
    for name, verdicts in measures.money.items():
        if verdicts.flagged and name != "archive 2004-2005":
            console.print(f"flagged under '{name}':", markup=False)
            for line in verdicts.flagged:
                console.print(f"  {line}", markup=False, highlight=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument(
        "--tenses",
        default="past",
        help="clause tenses whose written years bound the window from below "
        "(comma-separated: past, present; default: past)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    console = make_console()
    if not args.corpus.exists():
        console.print(f"corpus not found: {args.corpus} (use --corpus)", markup=False)
        return 2
    tenses = {t.strip() for t in args.tenses.split(",") if t.strip()}
    if not tenses <= {"past", "present"}:
        console.print("--tenses takes past and/or present", markup=False)
        return 2
    try:
        from factcheck.rules import load_rules

        rules = load_rules([])
    except Exception as exc:
        console.print(f"cannot load factcheck: {type(exc).__name__}: {exc}", markup=False)
        return 2
    articles = iter_corpus(args.corpus, archive_windows=False)
    measures = measure(articles, rules, tenses, annotated_currency_errors(args.annotations))
    report(measures, console)
    if args.json:
        figures = {
            "tenses": sorted(tenses),
            "dated": dict(measures.dated),
            "bbc": dict(measures.bbc),
            "currency": {
                name: {
                    "judged": v.judged,
                    "flagged": len(v.flagged),
                    "annotated_flagged": measures.annotated_found.get(name, 0),
                }
                for name, v in measures.money.items()
            },  # fmt: skip
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
