"""Rules as text for people: the `rules list` table and `explain`. Formatting only."""

from __future__ import annotations

import importlib
import inspect
import json
import re
from pathlib import Path
from typing import Any


def rule_rows(rules: list[Any]) -> list[dict[str, Any]]:
    """One plain dict per rule: what `rules list --format json` prints."""
    return [
        {
            "id": rule.id,
            "check": rule.check,
            "severity": str(rule.severity),
            "enabled": rule.enabled,
            "source": _rule_source(rule),
            "description": rule.description,
        }
        for rule in rules
    ]


def rules_table(rules: list[Any]) -> list[str]:
    """The `rules list` table, one line per rule under a header; "no rules" when empty."""
    rows = rule_rows(rules)
    if not rows:
        return ["no rules"]
    header = {
        "id": "ID",
        "check": "CHECK",
        "severity": "SEVERITY",
        "enabled": "ENABLED",
        "source": "SOURCE",
        "description": "DESCRIPTION",
    }
    cells = [header] + [
        {
            **row,
            "enabled": "yes" if row["enabled"] else "no",
            "description": _first_line(row["description"], width=60),
        }
        for row in rows
    ]
    columns = list(header)
    lines: list[str] = []
    widths = {key: max(len(str(cell[key])) for cell in cells) for key in columns[:-1]}
    for cell in cells:
        line = "  ".join(f"{cell[key]!s:<{widths[key]}}" for key in columns[:-1])
        lines.append(f"{line}  {cell['description']}".rstrip())
    return lines


def _rule_source(rule: Any) -> str:
    """Where a rule is defined: "shipped/weekday.yaml:2" for the shipped set, else its path."""
    if not rule.path:
        return "-"
    path = Path(rule.path)
    try:
        shipped = importlib.import_module("factcheck.rules").shipped_rules_dir()
        if path.parent.resolve() == shipped.resolve():
            return f"shipped/{path.name}:{rule.line}"
    except (OSError, AttributeError, ModuleNotFoundError):
        pass
    return f"{rule.path}:{rule.line}"


def explain_text(rule: Any) -> str:
    """Everything `factcheck explain RULE` prints."""
    lines = [f"{rule.id}  (check: {rule.check}, severity: {rule.severity})"]
    if rule.path:
        lines.append(f"defined in {rule.path}:{rule.line}")
    if not rule.enabled:
        lines.append("disabled (enabled: false)")
    if rule.description:
        lines += ["", *_wrapped(rule.description)]
    if rule.message:
        lines += ["", f"Message: {rule.message}"]
    if rule.codes:
        lines.append(f"Reports: {', '.join(rule.codes)}")
    if rule.scope:
        lines.append(f"Scope: {json.dumps(rule.scope, default=str)}")
    kind, types = _check_kind(rule.check)
    if kind is not None and kind.doc:
        lines += ["", f"Check kind '{rule.check}':"]
        lines += _wrapped(inspect.cleandoc(kind.doc), indent="  ")
        if kind.codes:
            lines.append(f"  codes: {', '.join(kind.codes)}")
    defaults = dict(kind.defaults) if kind is not None else {}
    params = {**defaults, **rule.params}
    if params:
        lines += ["", "Parameters (with the default where this rule changes it):"]
        for key, value in params.items():
            line = f"  {key}: {_param_text(value)}"
            if key in rule.params and key in defaults and defaults[key] != value:
                line += f"   (default: {_param_text(defaults[key])})"
            elif key not in defaults:
                line += "   (set by this rule)"
            lines.append(line)
            if key in types and types[key].description:
                lines += _wrapped(types[key].description, indent="      ")
    for title, examples in (("Flagged:", rule.flag_examples), ("Passes:", rule.pass_examples)):
        if examples:
            lines += ["", title]
            for example in examples:
                date = f"  (published {example.published})" if example.published else ""
                lines.append(f"  {_marked(example.text, example.flag_spans)}{date}")
    return "\n".join(lines)


def _param_text(value: Any) -> str:
    """A parameter value as a rule file would write it: strings in single quotes, unescaped
    (a regular expression stays readable); everything else as JSON."""
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(_param_text(v) for v in value) + "]"
    return json.dumps(value, default=str, ensure_ascii=False)


def _wrapped(text: str, indent: str = "", width: int = 100) -> list[str]:
    """Paragraphs of ``text`` filled to ``width``, each line indented."""
    import textwrap

    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines += textwrap.wrap(
            " ".join(paragraph.split()), width, initial_indent=indent, subsequent_indent=indent
        ) or [""]
    return lines


def _check_kind(name: str) -> tuple[Any, dict[str, Any]]:
    """The registered check kind and its parameter types, or (None, {}) if unknown."""
    try:
        kind = importlib.import_module("factcheck.checks").get(name)
    except KeyError:
        return None, {}
    schema = importlib.import_module("factcheck.rule_schema")
    return kind, schema.param_types(kind)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """Put the [[...]] markers back around the spans an example expects to be flagged."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}[[{text[start:end]}]]{text[end:]}"
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")


def _first_line(text: str, width: int = 100) -> str:
    """The first line of a description; for a folded paragraph, its first sentence."""
    if not text or not text.strip():
        return ""
    line = text.strip().splitlines()[0]
    if len(line) > width:
        line = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(line) > width + 20:
        line = line[: width + 20].rsplit(" ", 1)[0] + " …"
    return line
