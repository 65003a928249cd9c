"""Precision on the unedited dev corpus: every finding at warning and above, judged by hand.

Re-runs the pipeline on every article, takes each finding at warning or above and joins it with
``eval/review/findings-review.jsonl``, where a person recorded a verdict after reading the
sentence: ``real`` (a problem an editor would want to know about), ``false_alarm`` (nothing
wrong: the extractor or the check misread the text) or ``debatable``. Prints per check the
findings and the false alarms per 100 articles (target: at most 2 per 100 at warning and above)
and how many findings have no verdict yet, so the table cannot look better than the review.

A review line is matched by (doc, rule, start, end) and must carry the sha1 of the flagged
text; when the text at those offsets changed (a different span, a changed corpus) the verdict
is stale and the finding counts as unreviewed. The review file stores no corpus text: offsets,
a hash, the verdict and a note in the reviewer's own words.

Usage: python eval/review_findings.py [--corpus PATH] [--review PATH] [--rules DIR ...]
           [--list-unreviewed] [--list-false-alarms] [--template OUT] [--strict] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import (
    REPO,
    add_corpus_argument,
    add_window_argument,
    iter_corpus,
    load_rules_or_report,
    make_console,
    to_document,
)

warnings.filterwarnings("ignore", category=UserWarning)

DEFAULT_REVIEW = REPO / "eval" / "review" / "findings-review.jsonl"
VERDICTS = ("real", "false_alarm", "debatable")
TARGET_FALSE_ALARMS_PER_100 = 2.0
# The check kinds the design names; one missing from the registry is reported "not available".
EXPECTED_CHECKS = (
    "conversion", "range", "part_whole", "percent_sum", "percent_change", "weekday",
    "relative_date", "age", "drift", "implied_total",
)  # fmt: skip


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Review:
    doc: str
    rule: str
    start: int
    end: int
    sha1: str
    verdict: str
    note: str = ""

    @property
    def key(self) -> tuple[str, str, int, int]:
        return self.doc, self.rule, self.start, self.end


class ReviewFileError(ValueError):
    """The review file has lines that are not reviews; the message lists every one."""


def parse_reviews(lines: Iterable[str], source: str = "review") -> list[Review]:
    reviews: list[Review] = []
    problems: list[str] = []
    seen: set[tuple[str, str, int, int]] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            review = Review(
                doc=str(raw["doc"]),
                rule=str(raw["rule"]),
                start=int(raw["start"]),
                end=int(raw["end"]),
                sha1=str(raw["sha1"]),
                verdict=str(raw["verdict"]),
                note=str(raw.get("note", "")),
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            problems.append(f"{source}:{number}: not a review line ({type(exc).__name__}: {exc})")
            continue
        if review.verdict not in VERDICTS:
            problems.append(
                f"{source}:{number}: verdict {review.verdict!r} is not one of {', '.join(VERDICTS)}"
            )
            continue
        if review.key in seen:
            problems.append(f"{source}:{number}: a second review of the same finding")
            continue
        seen.add(review.key)
        reviews.append(review)
    if problems:
        raise ReviewFileError("\n".join(problems))
    return reviews


def load_reviews(path: Path) -> list[Review]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return parse_reviews(handle, str(path))


@dataclass(slots=True)
class Judged:
    """One finding at warning or above, with its verdict (None: not reviewed or stale)."""

    doc: str
    check: str
    rule: str
    severity: str
    start: int
    end: int
    sha1: str
    message: str
    flagged: str
    sentence: str
    verdict: str | None = None
    note: str = ""
    stale: bool = False


@dataclass(slots=True)
class Survey:
    articles: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    judged: list[Judged] = field(default_factory=list)
    gone: list[Review] = field(default_factory=list)  # reviews no finding matches any more
    checks: list[str] = field(default_factory=list)  # check kinds with an enabled rule
    seconds: float = 0.0

    @property
    def checked(self) -> int:
        return self.articles - sum(self.failed.values())

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.checked if self.checked else 0.0


def judge(findings: Sequence[Judged], reviews: Sequence[Review]) -> list[Review]:
    """Attach verdicts to findings in place; return the reviews that matched nothing."""
    by_key = {review.key: review for review in reviews}
    used: set[tuple[str, str, int, int]] = set()
    for finding in findings:
        review = by_key.get((finding.doc, finding.rule, finding.start, finding.end))
        if review is None:
            continue
        used.add(review.key)
        if review.sha1 != finding.sha1:
            finding.stale = True
            continue
        finding.verdict, finding.note = review.verdict, review.note
    return [review for review in reviews if review.key not in used]


def survey(articles: Iterable[Any], rules: Sequence[Any]) -> Survey:
    from factcheck.findings import Severity
    from factcheck.pipeline import check_document

    result = Survey(checks=sorted({rule.check for rule in rules if rule.enabled}))
    started = time.perf_counter()
    for article in articles:
        result.articles += 1
        try:
            checked = check_document(to_document(article), list(rules))
        except Exception as exc:  # one article that raises must not stop the survey
            result.failed[type(exc).__name__] += 1
            continue
        for finding in checked.findings:
            if finding.suppressed or finding.severity < Severity.WARNING:
                continue
            result.judged.append(
                Judged(
                    doc=article.id,
                    check=finding.check,
                    rule=finding.rule,
                    severity=str(finding.severity),
                    start=finding.span.start,
                    end=finding.span.end,
                    sha1=text_sha1(finding.text),
                    message=finding.message,
                    flagged=finding.text,
                    sentence=_sentence(checked, finding.span.start),
                )
            )
    result.seconds = time.perf_counter() - started
    return result


def _sentence(result: Any, offset: int) -> str:
    for sentence in result.claims.sentences:
        if sentence.span.start <= offset < sentence.span.end:
            return sentence.text
    text = result.document.text
    return " ".join(text[max(0, offset - 150) : offset + 150].split())


def rows_by_check(result: Survey) -> list[dict[str, Any]]:
    """One row per check kind: counts and rates; kinds with no enabled rule say so."""
    from factcheck import checks as check_registry

    registered = set(check_registry.registry())
    by_check: dict[str, list[Judged]] = defaultdict(list)
    for finding in result.judged:
        by_check[finding.check].append(finding)
    names = sorted(set(EXPECTED_CHECKS) | registered | set(by_check))
    rows = []
    for name in names:
        found = by_check.get(name, [])
        verdicts = Counter(f.verdict for f in found)
        status = "measured"
        if name not in registered:
            status = "not available (no check kind)"
        elif name not in result.checks:
            status = "not available (no enabled rule)"
        rows.append(
            {
                "check": name,
                "status": status,
                "findings": len(found),
                "per_100": result.per_100(len(found)),
                "real": verdicts["real"],
                "false_alarms": verdicts["false_alarm"],
                "false_alarms_per_100": result.per_100(verdicts["false_alarm"]),
                "debatable": verdicts["debatable"],
                "unreviewed": verdicts[None],
                "stale": sum(f.stale for f in found),
            }
        )
    return rows


def rows_table(result: Survey, rows: Sequence[dict[str, Any]]):
    from rich.table import Table

    table = Table(
        title=f"Findings at warning and above, reviewed by hand ({result.checked} articles)",
        title_justify="left",
    )
    for column in ("check", "findings", "per 100", "real", "false alarms", "false alarms per 100",
                   "debatable", "unreviewed", "status"):  # fmt: skip
        left = column in ("check", "status")
        table.add_column(column, justify="left" if left else "right", no_wrap=left)
    totals: Counter[str] = Counter()
    for row in rows:
        for key in ("findings", "real", "false_alarms", "debatable", "unreviewed"):
            totals[key] += row[key]
        table.add_row(
            row["check"],
            str(row["findings"]),
            f"{row['per_100']:.1f}",
            str(row["real"]),
            str(row["false_alarms"]),
            f"{row['false_alarms_per_100']:.2f}",
            str(row["debatable"]),
            str(row["unreviewed"]) + (f" ({row['stale']} stale)" if row["stale"] else ""),
            row["status"],
        )
    table.add_row(
        "all",
        str(totals["findings"]),
        f"{result.per_100(totals['findings']):.1f}",
        str(totals["real"]),
        str(totals["false_alarms"]),
        f"{result.per_100(totals['false_alarms']):.2f}",
        str(totals["debatable"]),
        str(totals["unreviewed"]),
        "",
        end_section=True,
    )
    return table


def template_line(finding: Judged) -> str:
    """A review line to fill in by hand (verdict left empty on purpose)."""
    return json.dumps(
        {
            "doc": finding.doc,
            "rule": finding.rule,
            "start": finding.start,
            "end": finding.end,
            "sha1": finding.sha1,
            "verdict": "",
            "note": "",
        },
        ensure_ascii=False,
    )


def _print_finding(console, finding: Judged, label: str) -> None:
    console.print(
        f"  [{label}] {finding.doc} {finding.start}-{finding.end} {finding.rule} "
        f"({finding.severity}): {finding.message}\n    flagged: {finding.flagged!r}"
        f"\n    in: {finding.sentence}" + (f"\n    note: {finding.note}" if finding.note else ""),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    add_window_argument(parser)
    parser.add_argument("--review", type=Path, default=DEFAULT_REVIEW, help="review JSONL file")
    parser.add_argument("--limit", type=int, help="check only the first N articles")
    parser.add_argument(
        "--rules", type=Path, action="append", default=[],
        help="extra rule file or directory (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--list-unreviewed", action="store_true",
        help="print every finding that has no (current) verdict",
    )  # fmt: skip
    parser.add_argument(
        "--list-false-alarms", action="store_true",
        help="print every false alarm and debatable finding with its note",
    )  # fmt: skip
    parser.add_argument(
        "--template", type=Path, help="write review lines to fill in for the unreviewed findings"
    )
    parser.add_argument(
        "--strict", action="store_true",
        help="exit 1 if a finding is unreviewed or a check is over the target",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    console = make_console()

    if not args.corpus.exists():
        console.print(f"corpus not found: {args.corpus} (use --corpus)", markup=False)
        return 2
    try:
        reviews = load_reviews(args.review)
    except ReviewFileError as exc:
        console.print(f"the review file has problems:\n{exc}", markup=False)
        return 2
    rules = load_rules_or_report(args.rules, console)
    if rules is None:
        return 2
    articles = list(iter_corpus(args.corpus, not args.no_archive_window))
    if args.limit:
        articles = articles[: args.limit]

    result = survey(articles, rules)
    result.gone = judge(result.judged, reviews)
    rows = rows_by_check(result)
    console.print(rows_table(result, rows))
    review_name = args.review.relative_to(REPO) if args.review.is_relative_to(REPO) else args.review
    console.print(
        f"{len(reviews)} review lines in {review_name}; "
        f"{len(result.gone)} match no current finding; {len(rules)} rules; "
        f"{result.seconds:.0f} s; target: at most {TARGET_FALSE_ALARMS_PER_100:g} false alarms "
        "per 100 articles per check",
        markup=False,
    )
    if result.failed:
        console.print(f"documents that raised: {dict(result.failed)}", markup=False)
    if args.list_false_alarms:
        for finding in result.judged:
            if finding.verdict in ("false_alarm", "debatable"):
                _print_finding(console, finding, finding.verdict)
    if args.list_unreviewed:
        for finding in result.judged:
            if finding.verdict is None:
                _print_finding(console, finding, "stale" if finding.stale else "unreviewed")
    unreviewed = [f for f in result.judged if f.verdict is None]
    if args.template:
        args.template.write_text(
            "".join(template_line(f) + "\n" for f in unreviewed), encoding="utf-8"
        )
        console.print(f"{len(unreviewed)} lines to fill in written to {args.template}",
                      markup=False)  # fmt: skip
    if args.json:
        report = {
            "articles": result.articles,
            "checked": result.checked,
            "checks": rows,
            "gone_reviews": len(result.gone),
        }
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    over = [r for r in rows if r["false_alarms_per_100"] > TARGET_FALSE_ALARMS_PER_100]
    if args.strict and (unreviewed or over):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
