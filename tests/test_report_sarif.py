"""The SARIF reporter: valid SARIF 2.1.0 whose locations point at the right characters."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import builders
import jsonschema
import pytest
from builders import line_col

from factcheck.claims import Claims, Sentence
from factcheck.document import Document, Span
from factcheck.findings import Finding, Severity
from factcheck.pipeline import DocumentResult
from factcheck.report import get_reporter, register_rules
from factcheck.report.sarif import sarif_log
from factcheck.rules import Rule

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

TEXT = (
    "Céline said the lake covers 40 square kilometres (12 square\n"
    "miles), and that 2,000 of its 1,500 swans stayed all winter.\n"
    "Results came on Friday, March 8.\n"
)


def span_of(needle: str) -> Span:
    return builders.span_of(TEXT, needle)


def finding(rule: str, check: str, severity: Severity, needle: str, **extra) -> Finding:
    return builders.finding(
        TEXT,
        span_of(needle),
        rule=rule,
        check=check,
        severity=severity,
        message=f"{rule} here",
        **extra,
    )


def make_result(path: str = "lakes/swans.txt", doc_id: str = "") -> DocumentResult:
    document = Document(text=TEXT, path=path, id=doc_id, published=dt.date(2024, 3, 12))
    claims = Claims(published=document.published, sentences=[Sentence(Span(0, len(TEXT)), TEXT, 0)])
    conversion = finding(
        "conversion-mismatch",
        "conversion",
        Severity.ERROR,
        "40 square kilometres (12 square\nmiles)",
        related=[
            (span_of("40 square kilometres"), "40 square kilometres"),
            (span_of("12 square\nmiles"), "12 square\nmiles"),
        ],
        evidence={
            "computed": 15.44,
            "written": 12,
            "tolerance": 0.5,
            "interval": [0, float("inf")],
        },
        suggestion="Write 40 square kilometres (15 square miles).",
    )
    part = finding(
        "part-whole",
        "part_whole",
        Severity.WARNING,
        "2,000 of its 1,500 swans",
        related=[(span_of("1,500 swans"), "1,500 swans")],
    )
    weekday = finding(
        "weekday-mismatch",
        "weekday",
        Severity.INFO,
        "Friday, March 8",
        suppressed=True,
        suppression_reason="the event was on the 8th",
    )
    return DocumentResult(document=document, claims=claims, findings=[conversion, part, weekday])


def failed_result() -> DocumentResult:
    return DocumentResult(
        document=Document(text="", path="lakes/missing.txt"),
        claims=Claims(published=None),
        error="no such file",
    )


@pytest.fixture(autouse=True)
def _clean_registry():
    register_rules([])
    yield
    register_rules([])


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def render(results: list[DocumentResult]) -> dict:
    buffer = io.StringIO()
    get_reporter("sarif")(results, buffer, color=False)
    return json.loads(buffer.getvalue())


def assert_valid(validator: jsonschema.Draft4Validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_validates_against_the_schema(validator):
    assert_valid(validator, render([make_result(), failed_result()]))


def test_schema_rejects_a_broken_log(validator):
    """The validation above can fail: a result without a message is caught."""
    log = render([make_result()])
    del log["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(log))


def test_tool_and_levels():
    run = render([make_result()])["runs"][0]
    assert run["tool"]["driver"]["name"] == "factcheck"
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "conversion-mismatch",
        "part-whole",
        "weekday-mismatch",
    ]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    assert results[0]["message"]["text"].startswith("conversion-mismatch here")
    assert "Write 40 square kilometres (15 square miles)." in results[0]["message"]["text"]


def test_region_spans_lines_and_counts_code_points():
    result = render([make_result()])["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "lakes/swans.txt"
    region = location["region"]
    span = span_of("40 square kilometres (12 square\nmiles)")
    assert (region["startLine"], region["startColumn"]) == line_col(TEXT, span.start)
    assert (region["endLine"], region["endColumn"]) == line_col(TEXT, span.end)
    assert region["startLine"] == 1 and region["endLine"] == 2
    assert region["endColumn"] == len("miles)") + 1  # one past the last character
    assert (region["charOffset"], region["charLength"]) == (span.start, len(span))
    assert region["snippet"]["text"] == TEXT[span.start : span.end]


def test_related_locations():
    results = render([make_result()])["runs"][0]["results"]
    related = results[0]["relatedLocations"]
    assert [r["id"] for r in related] == [0, 1]
    regions = [r["physicalLocation"]["region"] for r in related]
    assert (regions[1]["startLine"], regions[1]["endLine"]) == (1, 2)
    assert TEXT[regions[0]["charOffset"] :][: regions[0]["charLength"]] == "40 square kilometres"
    assert results[1]["relatedLocations"][0]["message"]["text"] == "1,500 swans"
    assert "relatedLocations" not in results[2]


def test_suppressed_finding_carries_a_suppression():
    results = render([make_result()])["runs"][0]["results"]
    assert "suppressions" not in results[0]
    assert results[2]["suppressions"] == [
        {"kind": "external", "justification": "the event was on the 8th"}
    ]


def test_evidence_kept_in_properties_without_infinity():
    properties = render([make_result()])["runs"][0]["results"][0]["properties"]
    assert properties["check"] == "conversion"
    assert properties["evidence"]["interval"] == [0, "inf"]
    assert properties["suggestion"] == "Write 40 square kilometres (15 square miles)."


def test_rule_indexes_resolve_and_unknown_rules_get_descriptors():
    run = render([make_result()])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert rules[0]["shortDescription"]["text"] == "conversion check"


def registered_rule() -> Rule:
    return Rule(
        id="conversion-mismatch",
        check="conversion",
        severity=Severity.ERROR,
        message="{written} does not match {source}.",
        description="A converted figure must agree with the figure it converts. "
        "Precision is taken into account.",
    )


def test_registered_rules_describe_themselves(validator):
    register_rules([registered_rule()])
    log = render([make_result()])
    assert_valid(validator, log)
    descriptor = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert descriptor["id"] == "conversion-mismatch"
    assert descriptor["shortDescription"]["text"] == (
        "A converted figure must agree with the figure it converts."
    )
    assert descriptor["fullDescription"]["text"].endswith("Precision is taken into account.")
    assert descriptor["defaultConfiguration"] == {"level": "error"}
    assert descriptor["messageStrings"]["default"]["text"] == "{written} does not match {source}."


def test_rules_argument_overrides_the_registry():
    register_rules([registered_rule()])
    log = sarif_log([make_result()], rules=[])
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == (
        "conversion check"
    )


def test_failed_document_becomes_a_notification(validator):
    log = render([failed_result()])
    assert_valid(validator, log)
    run = log["runs"][0]
    assert run["results"] == []
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["level"] == "error"
    assert "no such file" in notes[0]["message"]["text"]
    location = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert run["artifacts"][location["index"]]["location"]["uri"] == "lakes/missing.txt"


def test_documents_sharing_a_file_get_distinct_uris(validator):
    first = make_result("export/news.jsonl", "story 1")
    second = make_result("export/news.jsonl", "story/2")
    log = render([first, second])
    assert_valid(validator, log)
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert uris == ["export/news.jsonl#story%201", "export/news.jsonl#story%2F2"]


def test_offsets_map_to_the_source_file():
    source = "<p>Prices rose 5 per cent.</p>"
    text = "Prices rose 5 per cent."
    document = Document(text=text, path="page.html", source_text=source, offset_anchors=[(0, 3)])
    span = Span(text.index("5 per cent"), text.index("5 per cent") + len("5 per cent"))
    line, column = document.line_col(span.start)
    item = Finding(
        rule="x",
        check="percent_change",
        severity=Severity.WARNING,
        message="m",
        span=span,
        text=text[span.start : span.end],
        line=line,
        column=column,
    )
    result = DocumentResult(document=document, claims=Claims(published=None), findings=[item])
    region = sarif_log([result])["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "region"
    ]
    assert source[region["charOffset"] :][: region["charLength"]] == "5 per cent"
    assert region["startColumn"] == source.index("5 per cent") + 1
    assert region["endColumn"] == source.index("5 per cent") + len("5 per cent") + 1
