"""A rule file's own examples, run through the real extraction and one rule at a time.

The check tests compare the spans a rule flags with the spans its examples mark, exactly
(``factcheck rules test`` asks only for overlap): a flag example's findings must be its marked
spans, a pass example must have none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.rules import load_file

Spans = list[tuple[int, int]]


def rule_example_spans(path: Path) -> Iterator[tuple[str, str, Spans, Spans]]:
    """(rule id, example text, spans it must flag, spans the rule flagged) for every example
    of every rule in the file; skips when extraction is not installed."""
    pytest.importorskip("factcheck.extract.quantities")
    from factcheck.document import Document
    from factcheck.extract import extract
    from factcheck.pipeline import run_rules

    rules, _ = load_file(path)
    for rule in rules:
        for kind, examples in (("flag", rule.flag_examples), ("pass", rule.pass_examples)):
            for example in examples:
                published = dt.date.fromisoformat(example.published) if example.published else None
                document = Document(text=example.text, published=published)
                claims = extract(document)
                result = run_rules(document, claims, [rule])
                found = sorted((f.span.start, f.span.end) for f in result.findings)
                expected = sorted(example.flag_spans) if kind == "flag" else []
                yield rule.id, example.text, expected, found
