"""Rule self-tests: run each rule's own examples and say what it missed and what it over-flagged.

Every rule carries examples (see docs/rules.md): texts it must ``flag``, with the span marked
``[[like this]]``, and texts it must ``pass``. Each example is checked in isolation: only that
rule runs, through the real pipeline (``load_string`` with the example's publication date,
extraction, the rule's scope and codes, suppressions), so an example proves what a user would
see. How an example is judged:

* a flag example passes when, for every marked span, a finding of the rule overlaps it, and
  the rule flags nothing that overlaps no marked span;
* a pass example passes when the rule flags nothing in it;
* a finding whose message still shows a ``{field}`` of the rule's template means the check
  did not provide that field: the example fails;
* a rule with no flag example or no pass example fails, whatever its examples do.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.rules import Example, Rule, template_fields


@dataclass(slots=True)
class ExampleResult:
    """How one example went: spans missed, findings that should not be, or an error."""

    kind: str  # "flag" or "pass"
    index: int  # 1-based, as authors count them
    example: Example
    missed: list[tuple[int, int]] = field(default_factory=list)
    unexpected: list[Any] = field(default_factory=list)  # Finding objects
    unfilled: list[str] = field(default_factory=list)  # template fields left as {name}
    error: str | None = None

    @property
    def passed(self) -> bool:
        return not (self.missed or self.unexpected or self.unfilled or self.error)


@dataclass(slots=True)
class RuleTestResult:
    rule: Rule
    examples: list[ExampleResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the rule as a whole

    @property
    def passed(self) -> bool:
        return not self.problems and all(e.passed for e in self.examples)

    @property
    def failures(self) -> list[ExampleResult]:
        return [e for e in self.examples if not e.passed]


def _published(example: Example) -> dt.date | None:
    if not example.published:
        return None
    try:
        return dt.date.fromisoformat(str(example.published)[:10])
    except ValueError:
        return None


def run_example(rule: Rule, kind: str, index: int, example: Example) -> ExampleResult:
    """Check one example with only ``rule`` enabled; never raises for a failing check."""
    from factcheck.load import load_string
    from factcheck.pipeline import check_document

    result = ExampleResult(kind=kind, index=index, example=example)
    alone = replace(rule, enabled=True)
    try:
        document = load_string(
            example.text,
            path=f"<{rule.id} {kind} example {index}>",
            doc_id=f"{rule.id}:{kind}:{index}",
            published=_published(example),
        )
        checked = check_document(document, [alone])
    except Exception as exc:  # noqa: BLE001 - a crashing check fails its example, loudly
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    findings = [
        f for f in checked.findings if f.rule == rule.id and not getattr(f, "suppressed", False)
    ]
    if checked.error:
        result.error = checked.error
    marked = example.flag_spans if kind == "flag" else []
    for start, end in marked:
        if not any(f.span.start < end and start < f.span.end for f in findings):
            result.missed.append((start, end))
    for finding in findings:
        if not any(finding.span.start < end and start < finding.span.end for start, end in marked):
            result.unexpected.append(finding)
    result.unfilled = _unfilled_fields(rule, findings)
    return result


def _unfilled_fields(rule: Rule, findings: Iterable[Any]) -> list[str]:
    """Template fields a finding's message still shows as ``{name}``: the check did not
    provide them (the pipeline leaves an unknown field as written rather than fail)."""
    if not rule.message:
        return []
    names, problems = template_fields(rule.message)
    if problems:
        return []
    literal = "".join(text for text, *_ in string.Formatter().parse(rule.message))
    unfilled: list[str] = []
    for finding in findings:
        for name in names:
            token = "{" + name + "}"
            if token in finding.message and token not in literal and name not in unfilled:
                unfilled.append(name)
    return unfilled


def run_rule(rule: Rule) -> RuleTestResult:
    """All of one rule's examples."""
    result = RuleTestResult(rule=rule)
    if not rule.flag_examples:
        result.problems.append("has no flag example: add one text it must flag, [[marked]]")
    if not rule.pass_examples:
        result.problems.append("has no pass example: add one text it must not flag")
    for index, example in enumerate(rule.flag_examples, start=1):
        if not example.flag_spans:
            result.problems.append(f"flag example {index} marks no [[span]]")
            continue
        result.examples.append(run_example(rule, "flag", index, example))
    for index, example in enumerate(rule.pass_examples, start=1):
        result.examples.append(run_example(rule, "pass", index, example))
    return result


def run_rules(rules: Iterable[Rule]) -> list[RuleTestResult]:
    return [run_rule(rule) for rule in rules]


# --------------------------------------------------------------------------- reporting


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(result: RuleTestResult, *, verbose: bool = False) -> list[str]:
    """Lines for one rule: "ok" with counts, or "FAIL" and what went wrong, example by example."""
    rule = result.rule
    flags = sum(1 for e in result.examples if e.kind == "flag")
    passes = sum(1 for e in result.examples if e.kind == "pass")
    where = f"{rule.path}:{rule.line}" if rule.path else "(no file)"
    if result.passed:
        return [f"ok    {rule.id}  ({flags} flag, {passes} pass)"] if verbose else []
    lines = [f"FAIL  {rule.id}  ({where})"]
    lines += [f"      {problem}" for problem in result.problems]
    for example in result.failures:
        label = f"{example.kind} example {example.index}"
        published = f" (published {example.example.published})" if example.example.published else ""
        lines.append(f"      {label}{published}: {_quote(example.example.text)}")
        if example.error:
            lines.append(f"        error: {example.error}")
        for start, end in example.missed:
            lines.append(f"        missed [[{example.example.text[start:end]}]]")
        for finding in example.unexpected:
            lines.append(
                f"        flagged {_quote(finding.text, 40)!r} that it should not "
                f"({finding.span.start}-{finding.span.end}): {_quote(finding.message, 100)}"
            )
        for name in example.unfilled:
            lines.append(f"        the message's {{{name}}} was not filled by the check")
    return lines


def summary(results: list[RuleTestResult]) -> str:
    failed = sum(1 for r in results if not r.passed)
    examples = sum(len(r.examples) for r in results)
    noun = "rule" if len(results) == 1 else "rules"
    if failed:
        return f"{failed} of {len(results)} {noun} failed ({examples} examples run)"
    return f"{len(results)} {noun} passed ({examples} examples run)"
