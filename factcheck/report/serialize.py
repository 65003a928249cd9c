"""Claims, findings and results as plain JSON-ready dicts: the output contract in one place.

The JSON and SARIF reporters and ``factcheck extract --format jsonl`` all build on these
functions, so the field names of DESIGN.md section 5 are written down exactly once. Nothing
here computes a result: values are copied from the claims and findings and only made safe for
JSON (dates to ISO strings, enums to their names, non-finite floats to null or a string).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import numbers
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from factcheck.claims import DateClaim, Quantity
from factcheck.document import Document, Span
from factcheck.findings import Finding, Verified

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult

JSON_VERSION = 1

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Evidence may hold infinite bounds ("under 5" admits everything down to -inf); JSON has no
# infinity, so they become these strings. NaN carries no information and becomes null.
POSITIVE_INFINITY = "inf"
NEGATIVE_INFINITY = "-inf"


def finite_or_none(value: Any) -> float | int | None:
    """A number for a numeric claim field; None for missing, NaN or infinite values."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def json_safe(value: Any, _depth: int = 0) -> Any:
    """Turn arbitrary evidence into JSON-serialisable data without losing what it says.

    Dates become ISO strings, enums their value, spans ``{start, end}``, dataclasses dicts,
    tuples and sets lists, infinities the strings "inf"/"-inf", NaN null; anything unknown is
    rendered with ``str`` so a check carrying an odd object never crashes a report.
    """
    if _depth > 20:
        return str(value)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return json_safe(value.value, _depth + 1)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            return POSITIVE_INFINITY if number > 0 else NEGATIVE_INFINITY
        return number
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end}
    if isinstance(value, Mapping):
        return {str(k): json_safe(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v, _depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [json_safe(v, _depth + 1) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: json_safe(getattr(value, f.name), _depth + 1)
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    magnitude = getattr(value, "magnitude", None)
    units = getattr(value, "units", None)
    if magnitude is not None and units is not None:  # a pint Quantity, duck-typed
        return {"value": json_safe(magnitude, _depth + 1), "unit": str(units)}
    return str(value)


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def weekday_name(weekday: int | None) -> str | None:
    if isinstance(weekday, int) and 0 <= weekday < 7:
        return WEEKDAY_NAMES[weekday]
    return None


def _position(document: Document | None, offset: int) -> tuple[int | None, int | None]:
    if document is None:
        return None, None
    try:
        return document.line_col(offset)
    except (ValueError, IndexError, TypeError):
        return None, None


def document_label(document: Document) -> str:
    """How reports name a document: its path, else its id, else "<stdin>"."""
    if document.path and document.path != "-":
        return document.path
    return document.id or "<stdin>"


def document_key(document: Document) -> str:
    """The ``doc`` field of extracted claims: the document id, else its path."""
    return document.id or document_label(document)


def quantity_to_dict(quantity: Quantity, document: Document | None = None) -> dict[str, Any]:
    """A quantity claim: the contract's fields first, then the extensions."""
    line, column = _position(document, quantity.span.start)
    return {
        "kind": "quantity",
        "start": quantity.span.start,
        "end": quantity.span.end,
        "text": quantity.text,
        "value": finite_or_none(quantity.value),
        "low": finite_or_none(quantity.low),
        "high": finite_or_none(quantity.high),
        "unit": quantity.unit,
        "bound": _enum_value(quantity.bound),
        "noun": quantity.noun,
        "per": quantity.per,
        "dimension": _enum_value(quantity.dimension),
        "currency": quantity.currency,
        "precision": finite_or_none(quantity.precision),
        "hedge": quantity.hedge,
        "vague_word": quantity.vague_word,
        "sentence": quantity.sentence,
        "in_parentheses": bool(quantity.in_parentheses),
        "line": line,
        "column": column,
    }


def date_to_dict(claim: DateClaim, document: Document | None = None) -> dict[str, Any]:
    """A date claim: the contract's fields first, then the extensions."""
    line, column = _position(document, claim.span.start)
    weekday_span = claim.weekday_span
    return {
        "kind": "date",
        "start": claim.span.start,
        "end": claim.span.end,
        "text": claim.text,
        "date": _iso(claim.date),
        "granularity": _enum_value(claim.granularity),
        "end_date": _iso(claim.end_date),
        "resolution": _enum_value(claim.resolution),
        "weekday": weekday_name(claim.weekday),
        "weekday_start": weekday_span.start if weekday_span else None,
        "weekday_end": weekday_span.end if weekday_span else None,
        "year_written": bool(claim.year_written),
        "tense": _enum_value(claim.tense),
        "is_dateline": bool(claim.is_dateline),
        "sentence": claim.sentence,
        "line": line,
        "column": column,
    }


def claim_to_dict(claim: Quantity | DateClaim, document: Document | None = None) -> dict:
    if isinstance(claim, DateClaim):
        return date_to_dict(claim, document)
    return quantity_to_dict(claim, document)


def claims_in_order(result: DocumentResult) -> list[Quantity | DateClaim]:
    """Quantities and dates of one document merged in text order."""
    claims = result.claims
    if claims is None:
        return []
    merged: list[Quantity | DateClaim] = [*claims.quantities, *claims.dates]
    merged.sort(key=lambda c: (c.span.start, c.span.end, c.kind))
    return merged


def finding_to_dict(finding: Finding, document: Document | None = None) -> dict[str, Any]:
    """A finding: the contract's fields first, then ``suppressed`` and its reason."""
    related = []
    for span, text in finding.related:
        line, column = _position(document, span.start)
        related.append(
            {"start": span.start, "end": span.end, "text": text, "line": line, "column": column}
        )
    return {
        "rule": finding.rule,
        "check": finding.check,
        "severity": severity_name(finding.severity),
        "message": finding.message,
        "start": finding.span.start,
        "end": finding.span.end,
        "line": finding.line,
        "column": finding.column,
        "text": finding.text,
        "related": related,
        "evidence": json_safe(finding.evidence or {}),
        "suggestion": finding.suggestion,
        "suppressed": bool(finding.suppressed),
        "baselined": bool(finding.baselined),
        "suppression_reason": finding.suppression_reason,
    }


def verified_to_dict(verified: Verified, document: Document | None = None) -> dict[str, Any]:
    line, column = _position(document, verified.span.start)
    return {
        "rule": verified.rule,
        "check": verified.check,
        "message": verified.message,
        "start": verified.span.start,
        "end": verified.span.end,
        "line": line,
        "column": column,
        "text": verified.text,
        "evidence": json_safe(verified.evidence or {}),
    }


def severity_name(severity: Any) -> str:
    """ "error", "warning" or "info", whether given a Severity or a string."""
    name = getattr(severity, "name", None)
    return (name if isinstance(name, str) else str(severity)).lower()


def result_to_dict(result: DocumentResult) -> dict[str, Any]:
    """One document of ``check --format json``."""
    document = result.document
    return {
        "path": document.path,
        "id": document.id,
        "published": _iso(document.published),
        "published_source": document.published_source,
        "title": document.title,
        "error": result.error,
        "findings": [finding_to_dict(f, document) for f in result.findings],
        "claims": [claim_to_dict(c, document) for c in claims_in_order(result)],
        "verified": [verified_to_dict(v, document) for v in result.verified],
    }


def claims_result_to_dict(result: DocumentResult) -> dict[str, Any]:
    """One document of ``extract --format json``: the check document without findings."""
    entry = result_to_dict(result)
    del entry["findings"], entry["verified"]
    if result.error is not None:
        del entry["claims"]
    return entry


def claims_results_to_dict(results: list[DocumentResult]) -> dict[str, Any]:
    """The whole ``extract --format json`` object."""
    return {"version": JSON_VERSION, "documents": [claims_result_to_dict(r) for r in results]}


def results_to_dict(results: list[DocumentResult]) -> dict[str, Any]:
    """The whole ``check --format json`` object."""
    return {"version": JSON_VERSION, "documents": [result_to_dict(r) for r in results]}


def claims_jsonl(result: DocumentResult) -> Iterator[dict[str, Any]]:
    """One dict per claim for ``extract --format jsonl``: the claim fields plus ``doc``."""
    document = result.document
    doc = document_key(document)
    for claim in claims_in_order(result):
        yield {"doc": doc, **claim_to_dict(claim, document)}
