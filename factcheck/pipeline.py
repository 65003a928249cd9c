"""load -> extract -> check -> (findings for a reporter). The one place the stages meet."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from factcheck.claims import Claims
from factcheck.document import Document
from factcheck.extract import extract
from factcheck.findings import Finding, Outcome, Verified
from factcheck.rules import Rule


@dataclass(slots=True)
class DocumentResult:
    document: Document
    claims: Claims
    findings: list[Finding] = field(default_factory=list)
    verified: list[Verified] = field(default_factory=list)
    error: str | None = None


class _Values(dict):
    """Template values: unknown fields render as ``{name}`` rather than raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str | None, outcome: Outcome) -> str:
    if not template:
        return outcome.message
    values = _Values(outcome.evidence)
    values.update(outcome.values)
    try:
        return string.Formatter().vformat(template, (), values)
    except (ValueError, IndexError, AttributeError):
        return outcome.message


def run_rules(document: Document, claims: Claims, rules: list[Rule]) -> DocumentResult:
    """Apply every enabled rule to the claims; collect findings and verified relations."""
    result = DocumentResult(document=document, claims=claims)
    seen_verified: set[tuple[str, int, int]] = set()
    for rule in rules:
        if not rule.enabled:
            continue
        for outcome in rule.outcomes(claims):  # the rule's scope and codes applied
            text = document.snippet(outcome.span)
            if outcome.ok:
                key = (rule.check, outcome.span.start, outcome.span.end)
                if key not in seen_verified:
                    seen_verified.add(key)
                    result.verified.append(
                        Verified(
                            rule=rule.id,
                            check=rule.check,
                            message=outcome.message,
                            span=outcome.span,
                            text=text,
                            evidence=outcome.evidence,
                        )
                    )
                continue
            line, column = document.line_col(outcome.span.start)
            result.findings.append(
                Finding(
                    rule=rule.id,
                    check=rule.check,
                    severity=rule.severity,
                    message=render_message(rule.message, outcome),
                    span=outcome.span,
                    text=text,
                    line=line,
                    column=column,
                    related=[(s, document.snippet(s)) for s in outcome.related],
                    evidence=outcome.evidence,
                    suggestion=outcome.suggestion,
                )
            )
    result.findings.sort(key=lambda f: (f.span.start, -f.severity, f.rule))
    result.verified.sort(key=lambda v: v.span.start)
    return result


def check_document(document: Document, rules: list[Rule]) -> DocumentResult:
    """Extract and check one document, then apply its factcheck-ignore directives.

    Extraction reads a copy with the directives blanked (same offsets), so a figure in a
    reason is never a claim; findings and reports show the document as written.
    """
    from factcheck import suppress

    blanked, directives = suppress.prepare(document)
    claims = extract(blanked)
    result = run_rules(document, claims, rules)
    suppress.apply_suppressions(result, directives, rules, blanked_text=blanked.text)
    return result
