"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards and editors.

Findings carry only their rule id, so rule descriptions come from the loaded rules when the
caller hands them over (``register_rules`` once, or ``rules=`` per call); any rule id seen in
a finding but not registered still gets a minimal descriptor, so every ``ruleIndex`` resolves.
Columns are counted in Unicode code points (``columnKind``), as ``Document.line_col`` does.
A document that could not be checked becomes an error notification of the invocation.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from importlib import metadata
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from factcheck.document import Document, Span
from factcheck.findings import Finding
from factcheck.report.serialize import document_label, json_safe, severity_name

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
TOOL_NAME = "factcheck"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Rules known to the SARIF reporter, by id; set by ``register_rules``.
_registered_rules: dict[str, Any] = {}


def register_rules(rules: Iterable[Any]) -> None:
    """Make rule descriptions available to SARIF output.

    ``rules`` are ``factcheck.rules.Rule`` objects or anything with ``id`` and optionally
    ``check``, ``severity``, ``description`` and ``message`` attributes. Replaces any earlier
    registration.
    """
    _registered_rules.clear()
    for rule in rules:
        rule_id = getattr(rule, "id", None)
        if isinstance(rule_id, str) and rule_id:
            _registered_rules[rule_id] = rule


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for end in (". ", "? ", "! "):
        cut = text.find(end)
        if cut != -1:
            return text[: cut + 1]
    return text


def _rule_descriptor(rule_id: str, rule: Any | None, check: str | None) -> dict[str, Any]:
    """A reportingDescriptor from a rule object, or a minimal one from what a finding says."""
    check = getattr(rule, "check", None) or check
    description = " ".join(str(getattr(rule, "description", "") or "").split())
    short = _first_sentence(description) if description else ""
    if not short:
        short = f"{check} check" if check else rule_id
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": description or short},
    }
    severity = getattr(rule, "severity", None)
    if severity is not None:
        level = LEVELS.get(severity_name(severity))
        if level:
            descriptor["defaultConfiguration"] = {"level": level}
    template = getattr(rule, "message", None)
    if isinstance(template, str) and template:
        descriptor["messageStrings"] = {"default": {"text": template}}
    if check:
        descriptor["properties"] = {"check": check}
    return descriptor


def _tool_version() -> str | None:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:
        return None


def artifact_uri(label: str) -> str:
    """A URI reference for a document path: relative paths stay relative, absolute ones
    become ``file://`` URIs, and characters a URI may not hold are percent-encoded."""
    if os.path.isabs(label):
        return "file://" + quote(label.replace(os.sep, "/"), safe="/:")
    return quote(label.replace(os.sep, "/"), safe="/")


def _artifact_uris(results: list[DocumentResult]) -> list[str]:
    """One URI per result; documents sharing a file (JSONL) get ``#id`` to tell them apart."""
    labels = [document_label(r.document) for r in results]
    shared = {label for label in labels if labels.count(label) > 1}
    uris = []
    for label, result in zip(labels, results, strict=True):
        uri = artifact_uri(label)
        if label in shared and result.document.id:
            uri += "#" + quote(result.document.id, safe="")
        uris.append(uri)
    return uris


def _region(document: Document, span: Span, text: str | None = None) -> dict[str, Any]:
    start_line, start_column = document.line_col(span.start)
    end_line, end_column = document.line_col(span.end)
    char_offset = document.source_offset(span.start)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": char_offset,
        "charLength": max(0, document.source_offset(span.end) - char_offset),
    }
    if text:
        region["snippet"] = {"text": text}
    return region


def _physical_location(uri: str, index: int, region: dict[str, Any] | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if region is not None:
        location["region"] = region
    return location


def _result(
    finding: Finding, document: Document, uri: str, artifact_index: int, rule_index: int
) -> dict[str, Any]:
    message = finding.message
    if finding.suggestion:
        message = f"{message} Suggestion: {finding.suggestion}"
    region = _region(document, finding.span, finding.text)
    # The finding's own line/column were mapped by the pipeline; keep them authoritative.
    region["startLine"], region["startColumn"] = finding.line, finding.column
    sarif_result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(severity_name(finding.severity), "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical_location(uri, artifact_index, region)}],
    }
    related = []
    for number, (span, text) in enumerate(finding.related):
        related.append(
            {
                "id": number,
                "physicalLocation": _physical_location(
                    uri, artifact_index, _region(document, span, text)
                ),
                "message": {"text": text or "related figure"},
            }
        )
    if related:
        sarif_result["relatedLocations"] = related
    if finding.baselined:
        sarif_result["baselineState"] = "unchanged"
    if finding.suppressed:
        suppression: dict[str, Any] = {"kind": "external"}
        if finding.suppression_reason:
            suppression["justification"] = finding.suppression_reason
        sarif_result["suppressions"] = [suppression]
    properties: dict[str, Any] = {"check": finding.check}
    if finding.evidence:
        properties["evidence"] = json_safe(finding.evidence)
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    sarif_result["properties"] = properties
    return sarif_result


def sarif_log(
    results: list[DocumentResult], *, rules: Iterable[Any] | None = None
) -> dict[str, Any]:
    """The SARIF log as a dict (one run), ready for ``json.dump``."""
    results = list(results)  # walked more than once
    known = dict(_registered_rules)
    if rules is not None:
        known = {r.id: r for r in rules if isinstance(getattr(r, "id", None), str)}
    uris = _artifact_uris(results)

    rule_ids: list[str] = list(known)
    seen_check: dict[str, str] = {}
    for result in results:
        for finding in result.findings:
            seen_check.setdefault(finding.rule, finding.check)
            if finding.rule not in known and finding.rule not in rule_ids:
                rule_ids.append(finding.rule)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    descriptors = [
        _rule_descriptor(rule_id, known.get(rule_id), seen_check.get(rule_id))
        for rule_id in rule_ids
    ]

    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result, uri in zip(results, uris, strict=True):
        document = result.document
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifact: dict[str, Any] = {"location": {"uri": uri}}
            properties = {
                key: value
                for key, value in (
                    ("id", document.id or None),
                    ("title", document.title),
                    ("published", json_safe(document.published)),
                    ("publishedSource", document.published_source),
                )
                if value
            }
            if properties:
                artifact["properties"] = properties
            artifacts.append(artifact)
        index = artifact_index[uri]
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"could not check document: {result.error}"},
                    "locations": [{"physicalLocation": _physical_location(uri, index, None)}],
                }
            )
            continue
        for finding in result.findings:
            sarif_results.append(_result(finding, document, uri, index, rule_index[finding.rule]))

    driver: dict[str, Any] = {"name": TOOL_NAME, "rules": descriptors}
    version = _tool_version()
    if version:
        driver["version"] = version
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def report_sarif(
    results: list[DocumentResult],
    out: TextIO,
    *,
    color: bool = True,
    rules: Iterable[Any] | None = None,
) -> None:
    """Write the SARIF log; ``color`` is accepted and ignored."""
    json.dump(sarif_log(results, rules=rules), out, indent=2, ensure_ascii=False, allow_nan=False)
    out.write("\n")
