"""Hand-made claims and findings for tests that must not depend on extraction.

The reporter tests build a document's claims and findings themselves, so a reporter is tested
on exactly the values they give; the check tests build quantities from a few words of
specification. What they build the same way is built here. Offsets and line numbers are
counted here directly from the text, never with the code under test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.claims import (
    Bound,
    DateClaim,
    Dimension,
    Granularity,
    Quantity,
    Resolution,
    Sentence,
    Tense,
)
from factcheck.document import Span
from factcheck.findings import Finding, Severity

# --------------------------------------------------------------------------- places in a text


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    """Where the ``nth`` (0-based) occurrence of ``needle`` is written in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, counting the newlines before it."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def line_sentences(text: str) -> list[Sentence]:
    """One sentence per line of ``text`` (without its newline)."""
    sentences, start = [], 0
    for index, line in enumerate(text.splitlines(keepends=True)):
        written = line.rstrip("\n")
        sentences.append(Sentence(Span(start, start + len(written)), written, index))
        start += len(line)
    return sentences


# --------------------------------------------------------------------------- claims


def quantity_at(text: str, surface: str, value: float | None = None, nth: int = 0, **fields):
    """A quantity written as ``surface`` (its ``nth`` occurrence); precision 1 unless given."""
    fields.setdefault("precision", 1.0)
    return Quantity(span_of(text, surface, nth), surface, value, **fields)


def quantities_in(text: str, *specs: tuple, dimension: Dimension) -> list[Quantity]:
    """Quantities for specs (surface, value[, dimension[, precision[, bound]]]), each found
    after the one before; ``dimension`` is the default, precision 1 and bound exact."""
    quantities, pos = [], 0
    for spec in specs:
        surface, value = spec[0], spec[1]
        start = text.index(surface, pos)
        pos = start + len(surface)
        quantities.append(
            Quantity(
                span=Span(start, pos),
                text=surface,
                value=value,
                dimension=spec[2] if len(spec) > 2 else dimension,
                precision=spec[3] if len(spec) > 3 else 1.0,
                bound=spec[4] if len(spec) > 4 else Bound.EXACT,
            )
        )
    return quantities


def dateline(text: str, written: str, day: dt.date, weekday: str | None = None) -> DateClaim:
    """The publication date as a dateline writes it; ``weekday`` is the weekday's own text
    when the dateline names one ("Tuesday, June 4, 2024")."""
    return DateClaim(
        span=span_of(text, written),
        text=written,
        date=day,
        end_date=day,
        weekday=day.weekday(),
        weekday_span=span_of(text, weekday) if weekday else None,
        year_written=True,
        is_dateline=True,
    )


def past_period(
    text: str,
    written: str,
    first: dt.date,
    last: dt.date,
    granularity: Granularity,
    sentence: int,
) -> DateClaim:
    """A period told relative to the publication date, in the past ("last week")."""
    return DateClaim(
        span=span_of(text, written),
        text=written,
        date=first,
        end_date=last,
        granularity=granularity,
        resolution=Resolution.RELATIVE,
        tense=Tense.PAST,
        sentence=sentence,
    )


# --------------------------------------------------------------------------- findings


def finding(
    text: str,
    span: Span,
    *,
    rule: str,
    check: str,
    severity: Severity,
    message: str,
    **fields: Any,
) -> Finding:
    """A finding on ``span`` of the document ``text``, with its text, line and column."""
    line, column = line_col(text, span.start)
    return Finding(
        rule=rule,
        check=check,
        severity=severity,
        message=message,
        span=span,
        text=text[span.start : span.end],
        line=line,
        column=column,
        **fields,
    )
