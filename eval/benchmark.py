"""Throughput of the full factcheck pipeline against the naive quantulum3 + dateparser approach.

Single process, so every figure is per core. Three measurements:

1. Documents per second on the dev corpus: ``factcheck.pipeline.check_document`` (extraction,
   every shipped rule, findings) against the naive approach, ``quantulum3.parser.parse`` plus
   ``dateparser.search.search_dates`` over each whole article (which only extracts: it checks
   nothing). Wall-clock and CPU seconds; the speed-up is ours / naive in documents per second.
2. Growth with document length: synthetic long documents made by joining k corpus articles
   (k = 1, 2, 4, 8, 16; naive up to 4). Prints ms per KB and fits the exponent b of
   time ~ size^b by least squares on log-log; b near 1 is linear, near 2 quadratic.
3. Peak memory: the process's maximum resident set size, and the tracemalloc peak of Python
   allocations while checking a sample of documents.

Usage: python eval/benchmark.py [--corpus PATH] [--limit N] [--naive-limit N] [--repeat R]
                                [--scaling-groups G] [--skip-naive] [--skip-scaling] [--json OUT]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import resource
import sys
import time
import tracemalloc
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import Article, add_corpus_argument, iter_corpus, make_console, to_document
from rich.table import Table

warnings.filterwarnings("ignore", category=UserWarning)

SCALING_FACTORS = (1, 2, 4, 8, 16)
NAIVE_SCALING_MAX = 4


@dataclass(slots=True)
class Timing:
    """Wall and CPU seconds over a number of documents and their size in UTF-8 bytes."""

    documents: int = 0
    size_bytes: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    per_document: list[tuple[int, float]] = field(default_factory=list)  # (bytes, wall s)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def docs_per_second(self) -> float | None:
        return self.documents / self.wall if self.wall > 0 else None

    @property
    def docs_per_cpu_second(self) -> float | None:
        return self.documents / self.cpu if self.cpu > 0 else None

    @property
    def seconds_per_document(self) -> float | None:
        return self.wall / self.documents if self.documents else None

    @property
    def ms_per_kb(self) -> float | None:
        return 1000 * self.wall / (self.size_bytes / 1000) if self.size_bytes else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "bytes": self.size_bytes,
            "wall_seconds": round(self.wall, 4),
            "cpu_seconds": round(self.cpu, 4),
            "docs_per_second": self.docs_per_second,
            "docs_per_cpu_second": self.docs_per_cpu_second,
            "seconds_per_document": self.seconds_per_document,
            "ms_per_kb": self.ms_per_kb,
            "errors": dict(self.errors),
        }


# --------------------------------------------------------------------------------------------
# The two approaches: each is a function of one Article


def make_ours() -> Callable[[Article], Any]:
    """The full check, rules loaded once (as `factcheck check` does for a batch)."""
    from factcheck.pipeline import check_document
    from factcheck.rules import load_rules

    rules = load_rules()

    def run(article: Article) -> Any:
        return check_document(to_document(article), rules)

    return run


def make_naive() -> Callable[[Article], Any]:
    """Raw libraries over the whole article: what one would write without factcheck."""
    from dateparser.search import search_dates
    from quantulum3 import parser

    def run(article: Article) -> Any:
        settings: dict[str, Any] = {}
        if article.published is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(article.published, dt.time())
        quantities = parser.parse(article.text)
        dates = search_dates(article.text, languages=["en"], settings=settings)
        return quantities, dates

    return run


def time_documents(run: Callable[[Article], Any], articles: Sequence[Article], repeat: int = 1):
    """Time ``run`` over the articles ``repeat`` times; failing documents are counted apart."""
    timing = Timing()
    for _ in range(repeat):
        for article in articles:
            wall0, cpu0 = time.perf_counter(), time.process_time()
            try:
                run(article)
            except Exception as exc:
                # a failed document is counted apart: its (short) time would flatter the speed
                timing.errors[type(exc).__name__] += 1
                continue
            wall = time.perf_counter() - wall0
            timing.wall += wall
            timing.cpu += time.process_time() - cpu0
            timing.documents += 1
            size = len(article.text.encode("utf-8"))
            timing.size_bytes += size
            timing.per_document.append((size, wall))
    return timing


WARM_UP_ARTICLES = 20


def warm_up(run: Callable[[Article], Any], articles: Sequence[Article]) -> None:
    """Load models, tables and lazy imports before anything is timed.

    Callers pass articles that are NOT timed afterwards (the corpus's last ones), so the
    one-time loads are paid here while per-text caches start cold for the timed articles.
    """
    for article in articles:
        try:
            run(article)
        except Exception:
            pass


# --------------------------------------------------------------------------------------------
# Growth with length


def concatenated(articles: Sequence[Article], k: int, groups: int) -> list[Article]:
    """``groups`` synthetic documents, each the text of k consecutive articles joined."""
    documents = []
    for group in range(groups):
        start = group * k
        if start + k > len(articles):
            break
        parts = articles[start : start + k]
        documents.append(
            Article(
                id=f"concat-{k}-{group}",
                text="\n\n".join(a.text for a in parts),
                published=parts[0].published,
            )
        )
    return documents


def loglog_slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) on log(x): the exponent b in y ~ x^b."""
    logs = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(logs) < 2:
        return None
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    spread = sum((x - mean_x) ** 2 for x, _ in logs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in logs) / spread


def scaling(
    run: Callable[[Article], Any],
    articles: Sequence[Article],
    factors: Sequence[int],
    groups: int,
) -> tuple[dict[int, Timing], float | None]:
    results: dict[int, Timing] = {}
    points: list[tuple[float, float]] = []
    for k in factors:
        documents = concatenated(articles, k, groups)
        if not documents:
            continue
        timing = time_documents(run, documents)
        results[k] = timing
        points.extend(timing.per_document)
    return results, loglog_slope(points)


# --------------------------------------------------------------------------------------------
# Memory


def max_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024


def tracemalloc_peak_mb(run: Callable[[Article], Any], articles: Sequence[Article]) -> float:
    """Peak of Python allocations while running over the articles (models already loaded)."""
    gc.collect()
    tracemalloc.start()
    try:
        for article in articles:
            try:
                run(article)
            except Exception:
                pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / (1024 * 1024)


# --------------------------------------------------------------------------------------------
# Output


def fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def throughput_table(results: dict[str, Timing]) -> Table:
    table = Table(
        title="Throughput on the dev corpus (one process = one core)", title_justify="left"
    )
    for column in (
        "approach",
        "docs",
        "KB",
        "wall s",
        "CPU s",
        "docs/s",
        "docs/CPU s",
        "s/doc",
        "ms/KB",
        "errors",
    ):
        table.add_column(column, justify="left" if column == "approach" else "right")
    for name, timing in results.items():
        table.add_row(
            name,
            str(timing.documents),
            fmt(timing.size_bytes / 1000, 0),
            fmt(timing.wall),
            fmt(timing.cpu),
            fmt(timing.docs_per_second),
            fmt(timing.docs_per_cpu_second),
            fmt(timing.seconds_per_document, 4),
            fmt(timing.ms_per_kb, 3),
            str(sum(timing.errors.values())),
        )
    return table


def scaling_table(name: str, results: dict[int, Timing]) -> Table:
    table = Table(title=f"{name}: time against document length", title_justify="left")
    for column in ("k articles", "documents", "mean KB/doc", "s/doc", "ms/KB"):
        table.add_column(column, justify="right")
    for k, timing in results.items():
        table.add_row(
            str(k),
            str(timing.documents),
            fmt(timing.size_bytes / 1000 / timing.documents, 1),
            fmt(timing.seconds_per_document, 4),
            fmt(timing.ms_per_kb, 3),
        )
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    parser.add_argument(
        "--limit", type=int, default=None, help="articles for factcheck (default: all)"
    )
    parser.add_argument(
        "--naive-limit",
        type=int,
        default=150,
        help="articles for the naive approach (default: 150; it is the slow one)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles")
    parser.add_argument(
        "--scaling-groups",
        type=int,
        default=5,
        help="synthetic documents per length k (default: 5)",
    )
    parser.add_argument(
        "--memory-docs",
        type=int,
        default=50,
        help="articles for the tracemalloc peak (default: 50)",
    )
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    console = make_console()

    if not args.corpus.exists():
        console.print(f"corpus not found: {args.corpus} (use --corpus)", markup=False)
        return 2
    articles = list(iter_corpus(args.corpus))
    ours_articles = articles[: args.limit] if args.limit else articles
    report: dict[str, Any] = {"corpus": str(args.corpus), "repeat": args.repeat}

    try:
        ours = make_ours()
    except Exception as exc:
        console.print(f"factcheck pipeline unavailable: {type(exc).__name__}: {exc}", markup=False)
        return 1
    warm_up_articles = articles[-WARM_UP_ARTICLES:]
    warm_up(ours, warm_up_articles)
    results: dict[str, Timing] = {}
    naive = None
    if not args.skip_naive:
        # factcheck on the naive approach's articles first, while its caches hold none of
        # their text, so the speed-up compares like with like.
        naive_articles = articles[: args.naive_limit]
        results["factcheck check, same articles"] = time_documents(
            ours, naive_articles, args.repeat
        )
        naive = make_naive()
        warm_up(naive, warm_up_articles[:2])
        results["naive quantulum3 + dateparser"] = time_documents(
            naive, naive_articles, args.repeat
        )
    results["factcheck check"] = time_documents(ours, ours_articles, args.repeat)
    report["rss_mb_after_factcheck"] = max_rss_mb()
    console.print(throughput_table(results))
    report["throughput"] = {name: timing.as_dict() for name, timing in results.items()}

    ours_timing = results["factcheck check"]
    if ours_timing.errors:
        console.print(
            f"factcheck failed on {sum(ours_timing.errors.values())} document(s), "
            f"left out of its timings: {dict(ours_timing.errors)}",
            markup=False,
        )
    naive_timing = results.get("naive quantulum3 + dateparser")
    same_timing = results.get("factcheck check, same articles")
    if (
        naive_timing
        and same_timing
        and same_timing.docs_per_second
        and naive_timing.docs_per_second
    ):
        speed_up = same_timing.docs_per_second / naive_timing.docs_per_second
        cpu_speed_up = (same_timing.docs_per_cpu_second or 0) / (
            naive_timing.docs_per_cpu_second or 1
        )
        console.print(
            f"speed-up on the same {same_timing.documents} articles (factcheck over naive): "
            f"{speed_up:.1f}x in docs per wall second, {cpu_speed_up:.1f}x per CPU second",
            markup=False,
        )
        report["speed_up"] = {"docs_per_second": speed_up, "docs_per_cpu_second": cpu_speed_up}

    if not args.skip_scaling:
        report["scaling"] = {}
        growth, slope = scaling(ours, articles, SCALING_FACTORS, args.scaling_groups)
        console.print(scaling_table("factcheck check", growth))
        console.print(
            f"factcheck: time ~ size^b with b = {fmt(slope)} (1 = linear, 2 = quadratic)",
            markup=False,
        )
        report["scaling"]["factcheck"] = {
            "slope": slope,
            "by_k": {k: t.as_dict() for k, t in growth.items()},
        }
        if naive is not None:
            factors = [k for k in SCALING_FACTORS if k <= NAIVE_SCALING_MAX]
            growth, slope = scaling(naive, articles, factors, args.scaling_groups)
            console.print(scaling_table("naive", growth))
            console.print(f"naive: time ~ size^b with b = {fmt(slope)}", markup=False)
            report["scaling"]["naive"] = {
                "slope": slope,
                "by_k": {k: t.as_dict() for k, t in growth.items()},
            }

    sample = ours_articles[: args.memory_docs]
    report["tracemalloc_peak_mb_factcheck"] = tracemalloc_peak_mb(ours, sample)
    report["max_rss_mb"] = max_rss_mb()
    console.print(
        f"memory: max RSS after factcheck {report['rss_mb_after_factcheck']:.0f} MB, "
        f"at the end {report['max_rss_mb']:.0f} MB; tracemalloc peak while checking "
        f"{len(sample)} articles {report['tracemalloc_peak_mb_factcheck']:.1f} MB",
        markup=False,
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        console.print(f"figures written to {args.json}", markup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
