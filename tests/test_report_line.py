"""The line reporter: one compiler-style line per finding, parseable by grep and editors."""

from __future__ import annotations

import io
import re

import builders
from builders import span_of

from factcheck.claims import Claims
from factcheck.document import Document
from factcheck.findings import Finding, Severity
from factcheck.pipeline import DocumentResult
from factcheck.report import get_reporter

LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info): "
    r"(?P<message>.+) \[(?P<rule>[a-z0-9][a-z0-9._-]*)\]$"
)

TEXT = (
    "The bridge is 300 metres (980 feet) long.\n"
    "Work started on Thursday, May 2, and ended in 2023.\n"
    "About 40 per cent of the 1,200 workers were local.\n"
)


def finding(rule: str, severity: Severity, needle: str, message: str, **extra) -> Finding:
    return builders.finding(
        TEXT,
        span_of(TEXT, needle),
        rule=rule,
        check=rule.split("-")[0],
        severity=severity,
        message=message,
        **extra,
    )


def results() -> list[DocumentResult]:
    findings = [
        finding(
            "weekday-mismatch",
            Severity.ERROR,
            "Thursday, May 2",
            "May 2 was a Friday,\nnot a Thursday.",
        ),
        finding("drift-count", Severity.WARNING, "1,200 workers", "counted twice"),
        finding("percent-note", Severity.INFO, "About 40 per cent", "rounded share"),
        finding("range-order", Severity.ERROR, "300 metres", "quiet", suppressed=True),
    ]
    good = DocumentResult(
        document=Document(text=TEXT, path="site/bridge.md"),
        claims=Claims(published=None),
        findings=findings,
    )
    stdin = DocumentResult(
        document=Document(text=TEXT, path="-", id="pasted"),
        claims=Claims(published=None),
        findings=[findings[1]],
    )
    failed = DocumentResult(
        document=Document(text="", path="site/gone.md"),
        claims=Claims(published=None),
        error="no such file",
    )
    return [good, stdin, failed]


def render() -> list[str]:
    buffer = io.StringIO()
    get_reporter("line")(results(), buffer, color=True)
    output = buffer.getvalue()
    assert output.endswith("\n")
    return output.splitlines()


def test_every_line_parses():
    lines = render()
    assert len(lines) == 5  # 3 unsuppressed + 1 from stdin + 1 failed document
    for line in lines:
        assert LINE.match(line), line


def test_fields_are_the_findings_own():
    parsed = [LINE.match(line).groupdict() for line in render()]
    first = parsed[0]
    assert first["path"] == "site/bridge.md"
    assert (first["line"], first["column"]) == ("2", "17")
    assert TEXT.splitlines()[1][16:].startswith("Thursday, May 2")
    assert first["severity"] == "error" and first["rule"] == "weekday-mismatch"
    assert first["message"] == "May 2 was a Friday, not a Thursday."
    assert [p["severity"] for p in parsed[:3]] == ["error", "warning", "info"]
    assert (parsed[2]["line"], parsed[2]["column"]) == ("3", "1")


def test_suppressed_findings_are_left_out():
    assert not any("range-order" in line for line in render())


def test_stdin_document_is_named_by_its_id():
    assert render()[3] == "pasted:3:26: warning: counted twice [drift-count]"


def test_failed_document_gets_one_error_line():
    assert render()[4] == (
        "site/gone.md:1:1: error: could not check document: no such file [document-error]"
    )
