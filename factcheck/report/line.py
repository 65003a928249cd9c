"""``--format line``: one finding per line, ``path:line:column: severity: message [rule]``.

The shape compilers use, so grep, editors' quickfix lists and CI log parsers understand it
without a plugin. Suppressed findings are left out, as compilers leave out silenced
warnings; a document that could not be checked gets one ``error`` line at 1:1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from factcheck.report.serialize import document_label, severity_name

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult

# The bracketed "rule" of a document that could not be loaded or checked.
DOCUMENT_ERROR_RULE = "document-error"


def _one_line(text: str) -> str:
    """Messages may span lines; a line-oriented format must not."""
    return " ".join(str(text).split())


def format_line(path: str, line: int, column: int, severity: str, message: str, rule: str) -> str:
    return f"{path}:{line}:{column}: {severity}: {_one_line(message)} [{rule}]"


def report_lines(results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None:
    """Write one line per unsuppressed finding; ``color`` is accepted and ignored."""
    for result in results:
        path = _one_line(document_label(result.document))
        if result.error:
            out.write(
                format_line(
                    path,
                    1,
                    1,
                    "error",
                    f"could not check document: {result.error}",
                    DOCUMENT_ERROR_RULE,
                )
                + "\n"
            )
            continue
        for finding in result.findings:
            if not finding.active:
                continue
            out.write(
                format_line(
                    path,
                    finding.line,
                    finding.column,
                    severity_name(finding.severity),
                    finding.message,
                    finding.rule,
                )
                + "\n"
            )
