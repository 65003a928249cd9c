"""Findings over the whole dev corpus: how often each check fires, and samples to review.

Runs ``factcheck.pipeline.check_document`` on every article in-process (rules loaded once),
counts findings per 100 articles by check and severity (warning-and-above apart from info),
and with ``--show N`` prints N sample findings per check with the sentence they sit in, so a
person can judge which are real and which are false alarms. A document that raises is counted
with its exception type and the run goes on.

Usage: python eval/corpus_findings.py [--corpus PATH] [--limit N] [--show N] [--seed S]
                                      [--rules DIR ...] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import (
    add_corpus_argument,
    add_window_argument,
    iter_corpus,
    load_rules_or_report,
    make_console,
    to_document,
)
from rich.table import Table

warnings.filterwarnings("ignore", category=UserWarning)


@dataclass(slots=True)
class Sample:
    """One finding, with what a reviewer needs to judge it."""

    doc: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    flagged: str
    sentence: str


@dataclass(slots=True)
class CorpusCounts:
    articles: int = 0
    failed: Counter[str] = field(default_factory=Counter)  # exception type -> documents
    failed_examples: dict[str, str] = field(default_factory=dict)  # type -> first doc id
    by_check: Counter[tuple[str, str]] = field(default_factory=Counter)  # (check, severity)
    articles_with: Counter[str] = field(default_factory=Counter)  # check -> articles
    articles_with_any: int = 0
    suppressed: Counter[str] = field(default_factory=Counter)
    samples: dict[str, list[Sample]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0

    @property
    def checked(self) -> int:
        """Articles that went through without raising: the base of the per-100 rates."""
        return self.articles - sum(self.failed.values())

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.checked if self.checked else 0.0

    def as_dict(self) -> dict[str, Any]:
        checks = sorted({check for check, _ in self.by_check} | set(self.suppressed))
        return {
            "articles": self.articles,
            "checked": self.checked,
            "failed": dict(self.failed),
            "failed_examples": self.failed_examples,
            "articles_with_any_finding": self.articles_with_any,
            "seconds": round(self.seconds, 2),
            "checks": {
                check: {
                    "findings": sum(n for (c, _), n in self.by_check.items() if c == check),
                    "by_severity": {
                        severity: n for (c, severity), n in self.by_check.items() if c == check
                    },
                    "articles_with": self.articles_with[check],
                    "suppressed": self.suppressed[check],
                }
                for check in checks
            },
        }


def sentence_around(result: Any, start: int, end: int) -> str:
    """The sentence a finding sits in (from the claims), else a window of the text."""
    claims = getattr(result, "claims", None)
    for sentence in getattr(claims, "sentences", None) or []:
        if sentence.span.start <= start < max(sentence.span.end, sentence.span.start + 1):
            return sentence.text
    text = result.document.text
    return text[max(0, start - 120) : min(len(text), end + 120)].replace("\n", " ")


def collect(
    articles: Sequence[Any], rules: list[Any], keep_samples: int, seed: int = 0
) -> CorpusCounts:
    """Check every article; count findings; reservoir-sample ``keep_samples`` per check."""
    from factcheck.pipeline import check_document

    counts = CorpusCounts()
    seen_per_check: Counter[str] = Counter()
    rng = random.Random(seed)
    started = time.perf_counter()
    for article in articles:
        counts.articles += 1
        try:
            result = check_document(to_document(article), rules)
        except Exception as exc:  # one bad article must not stop the survey
            name = type(exc).__name__
            counts.failed[name] += 1
            counts.failed_examples.setdefault(name, article.id)
            continue
        checks_here: set[str] = set()
        for finding in result.findings:
            if getattr(finding, "suppressed", False):
                counts.suppressed[finding.check] += 1
                continue
            severity = str(finding.severity)
            counts.by_check[(finding.check, severity)] += 1
            checks_here.add(finding.check)
            if keep_samples:
                seen_per_check[finding.check] += 1
                sample = Sample(
                    doc=article.id,
                    line=finding.line,
                    column=finding.column,
                    rule=finding.rule,
                    severity=severity,
                    message=finding.message,
                    flagged=finding.text,
                    sentence=sentence_around(result, finding.span.start, finding.span.end),
                )
                kept = counts.samples[finding.check]
                if len(kept) < keep_samples:
                    kept.append(sample)
                else:
                    slot = rng.randrange(seen_per_check[finding.check])
                    if slot < keep_samples:
                        kept[slot] = sample
        for check in checks_here:
            counts.articles_with[check] += 1
        if checks_here:
            counts.articles_with_any += 1
    counts.seconds = time.perf_counter() - started
    return counts


SEVERITIES = ("error", "warning", "info")


def findings_table(counts: CorpusCounts) -> Table:
    table = Table(
        title=f"Findings per 100 checked articles ({counts.articles} articles, "
        f"{counts.checked} checked)",
        title_justify="left",
    )
    for column in (
        "check",
        "findings",
        "per 100",
        "warning+ per 100",
        "error per 100",
        "info per 100",
        "articles with",
        "suppressed",
    ):
        table.add_column(column, justify="left" if column == "check" else "right")
    checks = sorted({check for check, _ in counts.by_check} | set(counts.suppressed))
    totals: Counter[str] = Counter()
    for check in checks:
        by_severity = {s: counts.by_check[(check, s)] for s in SEVERITIES}
        total = sum(by_severity.values())
        warning_up = by_severity["error"] + by_severity["warning"]
        totals.update(by_severity)
        table.add_row(
            check,
            str(total),
            f"{counts.per_100(total):.1f}",
            f"{counts.per_100(warning_up):.1f}",
            f"{counts.per_100(by_severity['error']):.1f}",
            f"{counts.per_100(by_severity['info']):.1f}",
            str(counts.articles_with[check]),
            str(counts.suppressed[check]),
        )
    total = sum(totals.values())
    table.add_row(
        "all",
        str(total),
        f"{counts.per_100(total):.1f}",
        f"{counts.per_100(totals['error'] + totals['warning']):.1f}",
        f"{counts.per_100(totals['error']):.1f}",
        f"{counts.per_100(totals['info']):.1f}",
        str(counts.articles_with_any),
        str(sum(counts.suppressed.values())),
        end_section=True,
    )
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    add_window_argument(parser)
    parser.add_argument("--limit", type=int, help="check only the first N articles")
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="print N sample findings per check for review",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for choosing the samples")
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        default=[],
        help="extra rule file or directory (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write the counts to this JSON file")
    args = parser.parse_args(argv)
    console = make_console()

    if not args.corpus.exists():
        console.print(f"corpus not found: {args.corpus} (use --corpus)", markup=False)
        return 2
    rules = load_rules_or_report(args.rules, console)
    if rules is None:
        return 2
    articles = list(iter_corpus(args.corpus, not args.no_archive_window))
    if args.limit:
        articles = articles[: args.limit]

    counts = collect(articles, rules, args.show, args.seed)
    console.print(findings_table(counts))
    console.print(
        f"{len(rules)} rules; {counts.seconds:.1f} s "
        f"({counts.articles / counts.seconds if counts.seconds else 0:.1f} articles/s)",
        markup=False,
    )
    if counts.failed:
        console.print(
            f"documents that raised: {sum(counts.failed.values())} "
            + ", ".join(
                f"{name} x{n} (e.g. {counts.failed_examples[name]})"
                for name, n in counts.failed.most_common()
            ),
            markup=False,
        )
    else:
        console.print("no document raised", markup=False)

    for check in sorted(counts.samples):
        console.print(f"\n[bold]{check}[/bold]: {len(counts.samples[check])} sample(s)")
        for sample in counts.samples[check]:
            console.print(
                f"  {sample.doc}:{sample.line}:{sample.column} {sample.severity} {sample.rule}: "
                f"{sample.message}\n    flagged: {sample.flagged!r}\n    in: {sample.sentence}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
    if args.json:
        report = counts.as_dict()
        report["samples"] = {
            check: [_sample_dict(sample) for sample in samples]
            for check, samples in counts.samples.items()
        }
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
        console.print(f"counts written to {args.json}", markup=False)
    return 0


def _sample_dict(sample: Sample) -> dict[str, Any]:
    return {name: getattr(sample, name) for name in Sample.__slots__}


if __name__ == "__main__":
    sys.exit(main())
