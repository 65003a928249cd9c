"""The JSON reporter writes exactly the output contract of DESIGN.md section 5."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math

import pytest
from builders import dateline, finding, line_col, line_sentences, past_period, span_of

from factcheck.claims import (
    Bound,
    Claims,
    Dimension,
    Granularity,
    Quantity,
)
from factcheck.document import Document
from factcheck.findings import Severity, Verified
from factcheck.pipeline import DocumentResult
from factcheck.report import FORMATS, claims_jsonl, get_reporter

TEXT = (
    "Posted on Tuesday, June 4, 2024.\n"
    "The orchard lost between 1,200 and 1,500 trees, of which as many as 300 were pears.\n"
    "Frost reached under 3 degrees (under 26 °F) last week, roughly 2 km from the river.\n"
)

CONTRACT_DOCUMENT_KEYS = {"path", "id", "published", "findings", "claims"}
DOCUMENT_EXTENSIONS = {"published_source", "title", "verified", "error"}
CONTRACT_FINDING_KEYS = {
    "rule",
    "check",
    "severity",
    "message",
    "start",
    "end",
    "line",
    "column",
    "text",
    "related",
    "evidence",
    "suggestion",
}
FINDING_EXTENSIONS = {"suppressed", "suppression_reason", "baselined"}
CONTRACT_QUANTITY_KEYS = {
    "kind",
    "start",
    "end",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "bound",
    "noun",
}
QUANTITY_EXTENSIONS = {
    "dimension",
    "currency",
    "precision",
    "hedge",
    "vague_word",
    "sentence",
    "in_parentheses",
    "per",
    "line",
    "column",
}
CONTRACT_DATE_KEYS = {"kind", "start", "end", "text", "date", "granularity"}
DATE_EXTENSIONS = {
    "end_date",
    "resolution",
    "weekday",
    "weekday_start",
    "weekday_end",
    "year_written",
    "tense",
    "is_dateline",
    "sentence",
    "line",
    "column",
}


@dataclasses.dataclass
class Window:
    """Stands in for a check's own evidence object (tolerance.Interval and the like)."""

    low: float
    high: float


def make_result() -> DocumentResult:
    document = Document(
        text=TEXT,
        path="notes/orchard.txt",
        id="orchard-1",
        title="Orchard frost",
        published=dt.date(2024, 6, 4),
        published_source="dateline",
    )
    sentences = line_sentences(TEXT)
    trees = Quantity(
        span=span_of(TEXT, "between 1,200 and 1,500 trees"),
        text="between 1,200 and 1,500 trees",
        value=1350.0,
        low=1200.0,
        high=1500.0,
        bound=Bound.RANGE,
        noun="trees",
        precision=100.0,
        sentence=1,
    )
    pears = Quantity(
        span=span_of(TEXT, "as many as 300"),
        text="as many as 300",
        value=300.0,
        bound=Bound.AT_MOST,
        hedge="as many as",
        noun="pears",
        precision=100.0,
        sentence=1,
    )
    celsius = Quantity(
        span=span_of(TEXT, "under 3 degrees"),
        text="under 3 degrees",
        value=3.0,
        unit="degree_Celsius",
        dimension=Dimension.TEMPERATURE,
        bound=Bound.LESS_THAN,
        hedge="under",
        precision=1.0,
        sentence=2,
    )
    fahrenheit = Quantity(
        span=span_of(TEXT, "under 26 °F"),
        text="under 26 °F",
        value=26.0,
        unit="degree_Fahrenheit",
        dimension=Dimension.TEMPERATURE,
        bound=Bound.LESS_THAN,
        hedge="under",
        precision=float("nan"),
        sentence=2,
        in_parentheses=True,
    )
    distance = Quantity(
        span=span_of(TEXT, "roughly 2 km"),
        text="roughly 2 km",
        value=2.0,
        unit="kilometer",
        dimension=Dimension.LENGTH,
        bound=Bound.APPROX,
        hedge="roughly",
        high=float("inf"),
        sentence=2,
    )
    posted = dateline(TEXT, "Tuesday, June 4, 2024", dt.date(2024, 6, 4), weekday="Tuesday")
    last_week = past_period(
        TEXT, "last week", dt.date(2024, 5, 27), dt.date(2024, 6, 2), Granularity.WEEK, 2
    )
    claims = Claims(
        published=document.published,
        sentences=sentences,
        quantities=[trees, pears, celsius, fahrenheit, distance],
        dates=[posted, last_week],
    )
    conversion = finding(
        TEXT,
        span_of(TEXT, "under 3 degrees (under 26 °F)"),
        rule="conversion-mismatch",
        check="conversion",
        severity=Severity.ERROR,
        message="26 °F is -3.3 °C, not 3 °C.",
        related=[(celsius.span, celsius.text), (fahrenheit.span, fahrenheit.text)],
        evidence={
            "computed": -3.333333,
            "written": 3,
            "tolerance": 0.5,
            "admitted": Window(low=-math.inf, high=3.5),
            "undefined": float("nan"),
            "checked_on": dt.date(2024, 6, 4),
            "bound": Bound.LESS_THAN,
            "ends": (1, 2),
        },
        suggestion="Write under 3 °C (under 37 °F), or under -3 °C (under 26 °F).",
    )
    quiet = finding(
        TEXT,
        pears.span,
        rule="part-whole",
        check="part_whole",
        severity=Severity.INFO,
        message="noted",
        suppressed=True,
        suppression_reason="accepted by the editor",
    )
    verified = Verified(
        rule="part-whole",
        check="part_whole",
        message="300 pears fit within 1,200 trees.",
        span=pears.span,
        text=pears.text,
        evidence={"part": 300, "whole": [1200, 1500]},
    )
    return DocumentResult(
        document=document, claims=claims, findings=[conversion, quiet], verified=[verified]
    )


def failed_result() -> DocumentResult:
    return DocumentResult(
        document=Document(text="", path="inbox/scan.pdf"),
        claims=Claims(published=None),
        error="cannot read a PDF; convert it to text first",
    )


def reject_constant(name: str):
    raise AssertionError(f"non-standard JSON constant {name}")


def render(results: list[DocumentResult]) -> dict:
    buffer = io.StringIO()
    get_reporter("json")(results, buffer, color=True)
    return json.loads(buffer.getvalue(), parse_constant=reject_constant)


def test_top_level_object_is_the_contract():
    data = render([make_result(), failed_result()])
    assert set(data) == {"version", "documents"}
    assert data["version"] == 1
    assert len(data["documents"]) == 2
    for document in data["documents"]:
        assert set(document) == CONTRACT_DOCUMENT_KEYS | DOCUMENT_EXTENSIONS


def test_output_is_strict_json_and_round_trips():
    buffer = io.StringIO()
    get_reporter("json")([make_result()], buffer)
    raw = buffer.getvalue()
    assert "NaN" not in raw and "Infinity" not in raw
    data = json.loads(raw, parse_constant=reject_constant)
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_document_fields():
    document = render([make_result()])["documents"][0]
    assert document["path"] == "notes/orchard.txt"
    assert document["id"] == "orchard-1"
    assert document["published"] == "2024-06-04"
    assert document["published_source"] == "dateline"
    assert document["title"] == "Orchard frost"
    assert document["error"] is None


def test_finding_fields_types_and_offsets():
    findings = render([make_result()])["documents"][0]["findings"]
    assert [f["rule"] for f in findings] == ["conversion-mismatch", "part-whole"]
    finding = findings[0]
    assert set(finding) == CONTRACT_FINDING_KEYS | FINDING_EXTENSIONS
    assert finding["severity"] == "error" and findings[1]["severity"] == "info"
    assert finding["check"] == "conversion"
    assert TEXT[finding["start"] : finding["end"]] == finding["text"]
    assert finding["text"] == "under 3 degrees (under 26 °F)"
    assert (finding["line"], finding["column"]) == line_col(TEXT, finding["start"])
    assert finding["line"] == 3
    for related in finding["related"]:
        assert {"start", "end", "text"} <= set(related)
        assert TEXT[related["start"] : related["end"]] == related["text"]
        assert (related["line"], related["column"]) == line_col(TEXT, related["start"])
    assert [r["text"] for r in finding["related"]] == ["under 3 degrees", "under 26 °F"]
    assert finding["suggestion"].startswith("Write under 3 °C")
    assert finding["suppressed"] is False and findings[1]["suppressed"] is True
    assert findings[1]["suppression_reason"] == "accepted by the editor"


def test_evidence_is_made_json_safe_without_losing_meaning():
    evidence = render([make_result()])["documents"][0]["findings"][0]["evidence"]
    assert evidence["computed"] == pytest.approx(-3.333333)
    assert evidence["written"] == 3 and isinstance(evidence["written"], int)
    assert evidence["tolerance"] == 0.5
    assert evidence["admitted"] == {"low": "-inf", "high": 3.5}
    assert evidence["undefined"] is None
    assert evidence["checked_on"] == "2024-06-04"
    assert evidence["bound"] == "less_than"
    assert evidence["ends"] == [1, 2]


def test_claims_in_text_order_with_contract_fields():
    claims = render([make_result()])["documents"][0]["claims"]
    starts = [c["start"] for c in claims]
    assert starts == sorted(starts)
    assert [c["kind"] for c in claims] == [
        "date",
        "quantity",
        "quantity",
        "quantity",
        "quantity",
        "date",
        "quantity",
    ]
    for claim in claims:
        assert TEXT[claim["start"] : claim["end"]] == claim["text"]
        assert (claim["line"], claim["column"]) == line_col(TEXT, claim["start"])
        if claim["kind"] == "quantity":
            assert set(claim) == CONTRACT_QUANTITY_KEYS | QUANTITY_EXTENSIONS
            assert claim["bound"] in {b.value for b in Bound}
        else:
            assert set(claim) == CONTRACT_DATE_KEYS | DATE_EXTENSIONS


def test_quantity_values():
    claims = render([make_result()])["documents"][0]["claims"]
    by_text = {c["text"]: c for c in claims}
    trees = by_text["between 1,200 and 1,500 trees"]
    assert (trees["value"], trees["low"], trees["high"]) == (1350.0, 1200.0, 1500.0)
    assert trees["bound"] == "range" and trees["noun"] == "trees" and trees["unit"] is None
    assert trees["dimension"] == "count" and trees["precision"] == 100.0
    pears = by_text["as many as 300"]
    assert pears["bound"] == "at_most" and pears["hedge"] == "as many as"
    assert pears["low"] is None and pears["high"] is None
    fahrenheit = by_text["under 26 °F"]
    assert fahrenheit["unit"] == "degree_Fahrenheit" and fahrenheit["in_parentheses"] is True
    assert fahrenheit["precision"] is None  # NaN is not JSON
    distance = by_text["roughly 2 km"]
    assert distance["high"] is None  # infinity is not JSON either
    assert distance["dimension"] == "length"


def test_date_values():
    claims = render([make_result()])["documents"][0]["claims"]
    by_text = {c["text"]: c for c in claims}
    posted = by_text["Tuesday, June 4, 2024"]
    assert posted["date"] == "2024-06-04" and posted["granularity"] == "day"
    assert posted["weekday"] == "Tuesday"
    assert TEXT[posted["weekday_start"] : posted["weekday_end"]] == "Tuesday"
    assert posted["is_dateline"] is True and posted["year_written"] is True
    week = by_text["last week"]
    assert (week["date"], week["end_date"]) == ("2024-05-27", "2024-06-02")
    assert week["granularity"] == "week" and week["resolution"] == "relative"
    assert week["tense"] == "past" and week["weekday"] is None


def test_verified_listed_per_document():
    verified = render([make_result()])["documents"][0]["verified"]
    assert len(verified) == 1
    item = verified[0]
    assert item["rule"] == "part-whole" and item["text"] == "as many as 300"
    assert TEXT[item["start"] : item["end"]] == item["text"]
    assert item["evidence"] == {"part": 300, "whole": [1200, 1500]}


def test_failed_document_is_reported_as_such():
    document = render([failed_result()])["documents"][0]
    assert document["error"] == "cannot read a PDF; convert it to text first"
    assert document["findings"] == [] and document["claims"] == []
    assert document["published"] is None


def test_claims_jsonl_matches_json_claims_plus_doc():
    result = make_result()
    rows = list(claims_jsonl(result))
    claims = render([result])["documents"][0]["claims"]
    assert len(rows) == len(claims)
    for row, claim in zip(rows, claims, strict=True):
        assert row["doc"] == "orchard-1"
        assert {k: v for k, v in row.items() if k != "doc"} == claim
        json.dumps(row, allow_nan=False)


def test_claims_jsonl_uses_the_path_without_an_id():
    result = make_result()
    result.document.id = ""
    assert {row["doc"] for row in claims_jsonl(result)} == {"notes/orchard.txt"}


def test_get_reporter_knows_the_four_formats_and_rejects_others():
    assert set(FORMATS) == {"rich", "json", "sarif", "line"}
    for fmt in FORMATS:
        assert callable(get_reporter(fmt))
    with pytest.raises(ValueError, match="rich, json, sarif, line"):
        get_reporter("xml")


def test_claims_json_is_the_check_document_without_findings():
    from factcheck.report import get_claims_reporter

    result = make_result()
    buffer = io.StringIO()
    get_claims_reporter("json")([result], buffer, color=False)
    data = json.loads(buffer.getvalue())
    [document] = data["documents"]
    assert data["version"] == 1
    assert "findings" not in document and "verified" not in document
    assert document["id"] == "orchard-1" and document["published"] == "2024-06-04"
    assert len(document["claims"]) == len(result.claims.quantities) + len(result.claims.dates)
