"""Suppressions: an author's "this figure is right, stop flagging it", with a reason.

Two spellings, both recognised in every input format:

- ``<!-- factcheck-ignore RULE: reason -->`` — an HTML comment, for Markdown and HTML;
- ``[factcheck-ignore RULE: reason]`` — for plain text, where a comment would be read.

RULE is a rule id, a glob of ids (``drift-*``), ``all``, or several of these separated by
commas. A directive is anchored to prose, not to a line number, so it survives re-wrapping:

- alone on its line(s), it covers the **paragraph that follows** (up to the next blank line;
  several directives stacked on consecutive lines all cover that paragraph);
- sharing a line with text, it covers the **sentence it sits in**; placed right after a
  sentence's end on the same line, it covers that sentence (like a trailing comment); at the
  start of a line before a sentence, it covers that sentence.

A finding is suppressed when its flagged span overlaps what the directive covers and its rule
matches. A directive without a reason, or naming no rule, suppresses nothing and is itself
reported (``invalid-suppression``); one that suppressed nothing is reported too
(``unused-suppression``). Directives are blanked before extraction, so a figure in a reason is
never read as a claim; in Markdown and HTML every comment is blanked, since none is prose.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.config import did_you_mean, is_valid_pattern, pattern_matches
from factcheck.document import Document, Span
from factcheck.findings import Finding, Severity

KEYWORD = "factcheck-ignore"
CHECK = "suppression"
INVALID_RULE = "invalid-suppression"
UNUSED_RULE = "unused-suppression"


@dataclass(frozen=True, slots=True)
class MetaRule:
    """A built-in rule about suppressions themselves (configurable like any rule by id)."""

    id: str
    severity: Severity
    description: str


META_RULES = {
    INVALID_RULE: MetaRule(
        INVALID_RULE,
        Severity.WARNING,
        "A factcheck-ignore directive that cannot be applied: it names no rule, gives no "
        "reason, or names a rule that does not exist. It suppresses nothing.",
    ),
    UNUSED_RULE: MetaRule(
        UNUSED_RULE,
        Severity.INFO,
        "A factcheck-ignore directive that suppressed no finding: the text or the rules "
        "changed and it can go.",
    ),
}

# Formats whose comments are markup, never prose.
COMMENT_FORMATS = frozenset({"markdown", "html"})

_COMMENT_DIRECTIVE = re.compile(r"<!--\s*factcheck-ignore(?![\w-])(?P<body>.*?)-->", re.S)
_BRACKET_DIRECTIVE = re.compile(r"\[\s*factcheck-ignore(?![\w-])(?P<body>[^\]\n]*)\]")
# "factcheck-ingore", "factcheck-disable": meant as directives, misspelled.
_NEAR_MISS = re.compile(
    r"<!--\s*(?P<c>factcheck-[\w-]+)(?:\s[^>]*?)?-->|\[\s*(?P<b>factcheck-[\w-]+)[\s:][^\]\n]*\]",
    re.S,
)
_ANY_COMMENT = re.compile(r"<!--.*?-->", re.S)
_NOT_NEWLINE = re.compile(r"[^\r\n]")


@dataclass(frozen=True, slots=True)
class Directive:
    """One ``factcheck-ignore`` directive found in a document.

    ``problem`` says why it cannot be applied (None when it can). ``standalone`` is true when
    it is alone on its line(s), which makes it cover the following paragraph.
    """

    span: Span
    text: str
    patterns: tuple[str, ...]
    reason: str | None
    problem: str | None = None
    standalone: bool = False

    @property
    def valid(self) -> bool:
        return self.problem is None


def _parse_body(body: str) -> tuple[tuple[str, ...], str | None, str | None]:
    """``RULE[, RULE]: reason`` -> (patterns, reason, problem); reason is None if a problem."""
    body = " ".join(body.split())
    names, colon, reason = body.partition(":")
    patterns = tuple(p for p in re.split(r"[,\s]+", names.strip()) if p)
    reason = reason.strip() if colon else ""
    bad = [p for p in patterns if not is_valid_pattern(p)]
    if not patterns:
        problem = f"This suppression names no rule, so it suppresses nothing; write {KEYWORD} "
        problem += "RULE: reason."
    elif bad:
        problem = f"'{bad[0]}' is not a rule id, a glob of rule ids or 'all', so this "
        problem += "suppression suppresses nothing."
    elif not reason:
        problem = "This suppression gives no reason, so it suppresses nothing; write "
        problem += f"{KEYWORD} {', '.join(patterns)}: reason."
    else:
        return patterns, reason, None
    return patterns, None, problem


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def find_directives(text: str) -> list[Directive]:
    """Every directive in ``text`` (and every misspelled one, as invalid), in text order."""
    found: list[tuple[int, int, str]] = []
    for regex in (_COMMENT_DIRECTIVE, _BRACKET_DIRECTIVE):
        found.extend((m.start(), m.end(), m.group("body")) for m in regex.finditer(text))
    near_misses: list[tuple[int, int, str]] = []
    for match in _NEAR_MISS.finditer(text):
        word = match.group("c") or match.group("b")
        if word != KEYWORD and not any(s <= match.start() < e for s, e, _ in found):
            near_misses.append((match.start(), match.end(), word))
    spans = sorted([(s, e) for s, e, _ in found] + [(s, e) for s, e, _ in near_misses])
    # A line is "directive only" when nothing but directives and white space is on it.
    masked = list(text)
    for start, end in spans:
        masked[start:end] = _NOT_NEWLINE.sub(" ", text[start:end])
    masked_text = "".join(masked)

    def standalone(start: int, end: int) -> bool:
        line_start, line_end = _line_bounds(text, start, end)
        return not masked_text[line_start:line_end].strip()

    directives: list[Directive] = []
    for start, end, body in found:
        patterns, reason, problem = _parse_body(body)
        directives.append(
            Directive(
                span=Span(start, end),
                text=text[start:end],
                patterns=patterns,
                reason=reason,
                problem=problem,
                standalone=standalone(start, end),
            )
        )
    for start, end, word in near_misses:
        directives.append(
            Directive(
                span=Span(start, end),
                text=text[start:end],
                patterns=(),
                reason=None,
                problem=f"'{word}' is not a factcheck directive"
                + did_you_mean(word, [KEYWORD])
                + ", so it suppresses nothing.",
                standalone=standalone(start, end),
            )
        )
    directives.sort(key=lambda d: d.span.start)
    return directives


def blank_directives(document: Document, directives: Sequence[Directive]) -> Document:
    """A copy of the document with directives (and, in Markdown/HTML, all comments) blanked.

    Same length, newlines kept, so every offset, line and column is unchanged; the blanked
    regions are added to ``skipped``.
    """
    regions = [(d.span.start, d.span.end) for d in directives]
    if document.format in COMMENT_FORMATS:
        regions.extend(m.span() for m in _ANY_COMMENT.finditer(document.text))
    if not regions:
        return document
    text = list(document.text)
    for start, end in regions:
        text[start:end] = _NOT_NEWLINE.sub(" ", document.text[start:end])
    skipped = sorted(
        {*document.skipped, *(Span(s, e) for s, e in regions)},
        key=lambda span: (span.start, span.end),
    )
    return dataclasses.replace(document, text="".join(text), skipped=skipped, _line_starts=None)


def prepare(document: Document) -> tuple[Document, list[Directive]]:
    """The directives of a document and the document as extraction should see it."""
    directives = find_directives(document.text)
    return blank_directives(document, directives), directives


# --------------------------------------------------------------------------- anchoring


def _paragraph_after(text: str, position: int) -> Span | None:
    """The paragraph starting on the first non-blank line after ``position``."""
    line_end = text.find("\n", position)
    if line_end < 0:
        return None
    pos = line_end + 1
    while pos < len(text):
        next_end = text.find("\n", pos)
        next_end = len(text) if next_end < 0 else next_end
        if text[pos:next_end].strip():
            break
        pos = next_end + 1
    if pos >= len(text):
        return None
    start = pos
    end = len(text)
    while pos < len(text):
        next_end = text.find("\n", pos)
        next_end = len(text) if next_end < 0 else next_end
        if not text[pos:next_end].strip():
            end = pos
            break
        pos = next_end + 1
    return Span(start, max(start, end))


def _sentence_around(text: str, span: Span, sentences: Sequence[Any]) -> Span | None:
    """The sentence an inline directive belongs to (see the module docstring)."""
    spans = [s.span for s in sentences]
    for sentence in spans:
        if sentence.start <= span.start < sentence.end:
            return sentence
    before = [s for s in spans if s.end <= span.start and "\n" not in text[s.end : span.start]]
    if before:
        return before[-1]
    after = [s for s in spans if s.start >= span.end and "\n" not in text[span.end : s.start]]
    return after[0] if after else None


def target_of(directive: Directive, text: str, sentences: Sequence[Any]) -> Span | None:
    """What a directive covers in ``text`` (the blanked text), or None if nothing."""
    if directive.standalone:
        return _paragraph_after(text, directive.span.end - 1 if directive.span.end else 0)
    return _sentence_around(text, directive.span, sentences)


# --------------------------------------------------------------------------- applying


def _sentences_of(result: Any, text: str) -> Sequence[Any]:
    claims = getattr(result, "claims", None)
    sentences = list(getattr(claims, "sentences", None) or [])
    if sentences:
        return sentences
    from factcheck.extract.sentences import split_sentences

    return split_sentences(text)


def _meta_finding(document: Document, directive: Directive, rule: str, message: str) -> Finding:
    line, column = document.line_col(directive.span.start)
    return Finding(
        rule=rule,
        check=CHECK,
        severity=META_RULES[rule].severity,
        message=message,
        span=directive.span,
        text=directive.text,
        line=line,
        column=column,
    )


def _overlaps(finding: Finding, region: Span) -> bool:
    span = finding.span
    if span.start == span.end:
        return region.start <= span.start < region.end
    return span.overlaps(region)


def apply_suppressions(
    result: Any,
    directives: Sequence[Directive],
    rules: Iterable[Any] = (),
    *,
    blanked_text: str | None = None,
) -> None:
    """Mark the findings the directives cover as suppressed; report bad and unused directives.

    ``result`` is a DocumentResult; ``blanked_text`` is the text extraction read (directives
    blanked), computed from the result's document when not given. ``rules`` (the rules the
    run used, enabled or not) let unknown rule names be reported and keep a directive for a
    rule that is switched off from being called unused.
    """
    if not directives:
        return
    document: Document = result.document
    text = blanked_text
    if text is None:
        text = blank_directives(document, directives).text
    rules = list(rules)
    known = {rule.id for rule in rules} | set(META_RULES)
    enabled = {rule.id for rule in rules if getattr(rule, "enabled", True)}
    sentences = _sentences_of(result, text)
    meta: list[Finding] = []
    for directive in directives:
        if directive.problem is not None:
            meta.append(_meta_finding(document, directive, INVALID_RULE, directive.problem))
            continue
        if rules:
            for pattern in directive.patterns:
                if not any(pattern_matches(pattern, rule_id) for rule_id in known):
                    meta.append(
                        _meta_finding(
                            document,
                            directive,
                            INVALID_RULE,
                            f"This suppression names '{pattern}', which matches no rule"
                            + did_you_mean(pattern, sorted(known))
                            + ".",
                        )
                    )
        region = target_of(directive, text, sentences)
        used = False
        if region is not None:
            for finding in result.findings:
                if finding.check == CHECK or not _overlaps(finding, region):
                    continue
                if any(pattern_matches(p, finding.rule) for p in directive.patterns):
                    used = True
                    if not finding.suppressed:
                        finding.suppressed = True
                        finding.suppression_reason = directive.reason
        could_match = not rules or any(
            pattern_matches(p, rule_id) for p in directive.patterns for rule_id in enabled
        )
        if not used and could_match:
            where = "the paragraph after it" if directive.standalone else "its sentence"
            meta.append(
                _meta_finding(
                    document,
                    directive,
                    UNUSED_RULE,
                    f"This suppression of {', '.join(directive.patterns)} matched no finding in "
                    f"{where}; remove it if the text no longer needs it.",
                )
            )
    if meta:
        result.findings.extend(meta)
        result.findings.sort(key=lambda f: (f.span.start, -f.severity, f.rule))


def configure_meta_findings(findings: list[Finding], settings: Any) -> list[Finding]:
    """Apply a configuration's ``disable``/``enable`` and ``severity`` to the built-in
    suppression rules' findings (the rules that come from YAML are configured before running).
    """
    kept: list[Finding] = []
    for finding in findings:
        if finding.rule in META_RULES and finding.check == CHECK:
            if not settings.is_enabled(finding.rule, True):
                continue
            finding.severity = settings.severity_for(
                finding.rule, META_RULES[finding.rule].severity
            )
        kept.append(finding)
    return kept
