"""The dev corpus's hand annotations as expectations: real errors flagged, hard negatives not.

Reads ``../shared/corpus/news-dev-annotations.jsonl`` (one object per line: ``id`` of the
article, ``span`` — the annotated text as it appears in the article —, ``check``, ``verdict``
and ``why``), runs the full pipeline on each annotated article and checks every annotation:

* verdict ``inconsistent``: a finding of the matching check at warning or above must cover the
  span (its span or a related span overlaps it);
* verdict ``consistent (hard negative)``: no finding of any check, at any severity, may touch it;
* verdict ``loose rounding (soft)``: the annotators allow an info note, nothing above it.

Prints one line per annotation and exits 1 if any expectation fails (2 if the files are
missing or an annotation cannot be placed in its article).

Usage: python eval/annotations_check.py [--corpus PATH] [--annotations PATH] [--rules DIR ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import (
    DEFAULT_CORPUS,
    add_corpus_argument,
    add_window_argument,
    load_corpus,
    load_rules_or_report,
    make_console,
    to_document,
)

warnings.filterwarnings("ignore", category=UserWarning)

DEFAULT_ANNOTATIONS = DEFAULT_CORPUS.parent / "news-dev-annotations.jsonl"

# The annotation file's check names -> factcheck's check kinds.
CHECK_KINDS = {
    "currency_conversion": "conversion",
    "unit_conversion": "conversion",
    "percent_change": "percent_change",
}


@dataclass(frozen=True, slots=True)
class Annotation:
    doc: str
    span: str
    check: str  # as the file writes it: "unit_conversion + arithmetic"
    verdict: str
    why: str = ""

    @property
    def expectation(self) -> str:
        """'flag' (a real error), 'clean' (a hard negative) or 'at_most_info' (soft)."""
        verdict = self.verdict.lower()
        if verdict.startswith("inconsistent"):
            return "flag"
        if "soft" in verdict:
            return "at_most_info"
        return "clean"

    @property
    def check_kind(self) -> str | None:
        """The factcheck check kind for the first named check ("unit_conversion + ...")."""
        first = re.split(r"[+,]", self.check)[0].strip()
        return CHECK_KINDS.get(first)


def parse_annotations(lines: Iterable[str]) -> tuple[list[Annotation], list[str]]:
    annotations: list[Annotation] = []
    problems: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            annotations.append(
                Annotation(
                    doc=str(raw["id"]),
                    span=str(raw["span"]),
                    check=str(raw["check"]),
                    verdict=str(raw["verdict"]),
                    why=str(raw.get("why", "")),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            problems.append(f"line {number}: not an annotation ({type(exc).__name__}: {exc})")
    return annotations, problems


@dataclass(slots=True)
class Outcome:
    annotation: Annotation
    passed: bool
    reason: str
    findings: list[str] = field(default_factory=list)


def occurrences(text: str, span: str) -> list[tuple[int, int]]:
    """Every place the annotated span is written (white space may differ)."""
    pattern = r"\s+".join(re.escape(part) for part in span.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _touches(finding: Any, region: tuple[int, int]) -> bool:
    spans = [finding.span] + [span for span, _ in finding.related]
    return any(span.start < region[1] and region[0] < span.end for span in spans)


def evaluate(annotation: Annotation, text: str, findings: Sequence[Any]) -> Outcome:
    """Judge one annotation against the findings of its (unedited) article."""
    from factcheck.findings import Severity

    regions = occurrences(text, annotation.span)
    if not regions:
        return Outcome(annotation, False, "the span is not in the article")
    touching = [f for f in findings if not f.suppressed and any(_touches(f, r) for r in regions)]
    shown = [f"{f.check}/{f.rule} ({f.severity})" for f in touching]
    expectation = annotation.expectation
    if expectation == "flag":
        kind = annotation.check_kind
        hits = [f for f in touching if f.check == kind and f.severity >= Severity.WARNING]
        if hits:
            return Outcome(annotation, True, f"flagged by {kind}", shown)
        why = f"no {kind} finding at warning or above" + (
            f" (only: {', '.join(shown)})" if shown else ""
        )
        return Outcome(annotation, False, why, shown)
    if expectation == "at_most_info":
        loud = [f for f in touching if f.severity >= Severity.WARNING]
        if loud:
            return Outcome(annotation, False, "flagged above info", shown)
        return Outcome(annotation, True, "info at most" + (" (info given)" if shown else ""), shown)
    if touching:
        return Outcome(annotation, False, "a hard negative is flagged", shown)
    return Outcome(annotation, True, "not flagged", shown)


def check_annotations(
    annotations: Sequence[Annotation], corpus: dict[str, Any], rules: Sequence[Any]
) -> list[Outcome]:
    from factcheck.pipeline import check_document

    results: dict[str, Any] = {}
    outcomes: list[Outcome] = []
    for annotation in annotations:
        article = corpus.get(annotation.doc)
        if article is None:
            outcomes.append(Outcome(annotation, False, "the article is not in the corpus"))
            continue
        if annotation.doc not in results:
            try:
                results[annotation.doc] = check_document(to_document(article), list(rules))
            except Exception as exc:  # reported as a failed expectation, not a traceback
                results[annotation.doc] = exc
        result = results[annotation.doc]
        if isinstance(result, Exception):
            outcomes.append(
                Outcome(annotation, False, f"the pipeline raised {type(result).__name__}")
            )
            continue
        outcomes.append(evaluate(annotation, article.text, result.findings))
    return outcomes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    add_window_argument(parser)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument(
        "--rules", type=Path, action="append", default=[],
        help="extra rule file or directory (repeatable)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    console = make_console()

    for path in (args.corpus, args.annotations):
        if not path.exists():
            console.print(f"not found: {path}", markup=False)
            return 2
    with open(args.annotations, encoding="utf-8") as handle:
        annotations, problems = parse_annotations(handle)
    if problems:
        console.print("the annotation file has problems:\n" + "\n".join(problems), markup=False)
        return 2
    rules = load_rules_or_report(args.rules, console)
    if rules is None:
        return 2
    outcomes = check_annotations(
        annotations, load_corpus(args.corpus, not args.no_archive_window), rules
    )

    labels = {"flag": "must be flagged", "clean": "must not be flagged",
              "at_most_info": "info at most"}  # fmt: skip
    for outcome in outcomes:
        annotation = outcome.annotation
        console.print(
            f"{'PASS' if outcome.passed else 'FAIL'}  {annotation.doc}  {annotation.span!r}  "
            f"[{annotation.check}; {labels[annotation.expectation]}]  {outcome.reason}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    passed = sum(o.passed for o in outcomes)
    by_expectation = {
        label: (
            sum(o.passed for o in outcomes if o.annotation.expectation == key),
            sum(1 for o in outcomes if o.annotation.expectation == key),
        )
        for key, label in labels.items()
    }
    console.print(
        f"{passed}/{len(outcomes)} expectations hold: "
        + "; ".join(f"{label} {ok}/{n}" for label, (ok, n) in by_expectation.items() if n),
        markup=False,
    )
    if any(o.reason == "the span is not in the article" for o in outcomes):
        return 2
    return 0 if passed == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
