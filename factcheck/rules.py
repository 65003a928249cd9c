"""Rules: YAML files that say which check kinds run, how they are configured and reported.

A rule file holds ``rules:``, a list of mappings. Each rule names a registered check kind
(``check``), optionally the problem ``codes`` of that kind it reports, a ``severity``, a
``message`` template filled from the outcome's values and evidence, ``params`` merged over the
check kind's defaults, and ``examples`` that ``factcheck rules test`` runs.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from factcheck import checks
from factcheck.findings import Severity

RULE_KEYS = (
    "id", "check", "codes", "severity", "message", "description", "params", "scope", "examples",
    "enabled",
)
REQUIRED_KEYS = ("id", "check", "severity")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class RuleProblem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class RuleError(Exception):
    """One or more problems in rule files; ``str()`` lists them one per line."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(slots=True)
class Example:
    text: str
    published: str | None = None
    flag_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Rule:
    id: str
    check: str
    severity: Severity
    message: str | None = None
    description: str = ""
    codes: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)
    scope: dict[str, Any] = field(default_factory=dict)
    flag_examples: list[Example] = field(default_factory=list)
    pass_examples: list[Example] = field(default_factory=list)
    enabled: bool = True
    path: str = ""
    line: int = 0

    def effective_params(self) -> dict[str, Any]:
        merged = dict(checks.get(self.check).defaults)
        merged.update(self.params)
        return merged


_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


def parse_example(raw: Any) -> Example:
    """An example is a string or {text, published}; ``[[...]]`` marks a span to flag."""
    if isinstance(raw, str):
        text, published = raw, None
    else:
        text, published = str(raw.get("text", "")), raw.get("published")
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    pos = 0
    length = 0
    for match in _MARK.finditer(text):
        plain.append(text[pos : match.start()])
        length += match.start() - pos
        inner = match.group(1)
        spans.append((length, length + len(inner)))
        plain.append(inner)
        length += len(inner)
        pos = match.end()
    plain.append(text[pos:])
    return Example(
        text="".join(plain),
        published=str(published) if published is not None else None,
        flag_spans=spans,
    )


def _node_problem(path: str, node: yaml.Node, message: str) -> RuleProblem:
    return RuleProblem(path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def _did_you_mean(key: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_file(path: Path) -> tuple[list[Rule], list[RuleProblem]]:
    """Load one rule file, collecting every problem rather than stopping at the first."""
    name = str(path)
    problems: list[RuleProblem] = []
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [RuleProblem(name, 1, 1, f"cannot read rule file: {exc}")]
    try:
        root = yaml.compose(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [], [RuleProblem(name, line, col, f"invalid YAML: {reason}")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [_node_problem(name, root, "a rule file must be a mapping with a 'rules' list")]
    rules_node = None
    for key_node, value_node in root.value:
        if key_node.value == "rules":
            rules_node = value_node
        else:
            problems.append(
                _node_problem(name, key_node, f"unknown top-level key '{key_node.value}'"
                              + _did_you_mean(key_node.value, ["rules"]))
            )
    if rules_node is None:
        problems.append(_node_problem(name, root, "missing the 'rules' list"))
        return [], problems
    if not isinstance(rules_node, yaml.SequenceNode):
        problems.append(_node_problem(name, rules_node, "'rules' must be a list of rules"))
        return [], problems
    loaded: list[Rule] = []
    kinds = checks.registry()
    for rule_node in rules_node.value:
        rule, rule_problems = _build_rule(name, rule_node, kinds)
        problems.extend(rule_problems)
        if rule is not None:
            loaded.append(rule)
    return loaded, problems


def _build_rule(name: str, node: yaml.Node, kinds) -> tuple[Rule | None, list[RuleProblem]]:
    problems: list[RuleProblem] = []
    if not isinstance(node, yaml.MappingNode):
        return None, [_node_problem(name, node, "each rule must be a mapping")]
    data = yaml.safe_load(yaml.serialize(node))
    key_nodes = {k.value: (k, v) for k, v in node.value}
    for key, (key_node, _) in key_nodes.items():
        if key not in RULE_KEYS:
            problems.append(
                _node_problem(name, key_node, f"unknown key '{key}'" + _did_you_mean(key, RULE_KEYS))
            )
    for key in REQUIRED_KEYS:
        if key not in data:
            problems.append(_node_problem(name, node, f"rule is missing the required key '{key}'"))

    def where(key: str) -> yaml.Node:
        return key_nodes[key][1] if key in key_nodes else node

    rule_id = data.get("id")
    if "id" in data and (not isinstance(rule_id, str) or not ID_PATTERN.match(rule_id)):
        problems.append(_node_problem(name, where("id"), "'id' must match [a-z0-9._-]+"))
    check = data.get("check")
    if "check" in data and check not in kinds:
        problems.append(_node_problem(
            name, where("check"),
            f"unknown check kind '{check}'" + _did_you_mean(str(check), kinds)
            + "; known kinds: " + ", ".join(sorted(kinds)),
        ))
    severity = data.get("severity")
    if "severity" in data and str(severity).lower() not in ("info", "warning", "error"):
        problems.append(_node_problem(name, where("severity"),
                                      "'severity' must be one of info, warning, error"))
    for key, kind in (("message", str), ("description", str), ("params", dict),
                      ("scope", dict), ("examples", dict), ("enabled", bool)):
        if key in data and data[key] is not None and not isinstance(data[key], kind):
            problems.append(_node_problem(
                name, where(key), f"'{key}' must be a {kind.__name__.replace('str', 'string')}"
                .replace("dict", "mapping")))
    codes = data.get("codes") or []
    if isinstance(codes, str):
        codes = [codes]
    if check in kinds and kinds[check].codes:
        for code in codes:
            if code not in kinds[check].codes:
                problems.append(_node_problem(
                    name, where("codes"),
                    f"check '{check}' has no code '{code}'" + _did_you_mean(code, kinds[check].codes)))
    params = data.get("params") or {}
    if check in kinds and isinstance(params, dict):
        allowed = kinds[check].defaults
        for key in params:
            if key not in allowed:
                problems.append(_node_problem(
                    name, where("params"),
                    f"check '{check}' has no parameter '{key}'" + _did_you_mean(key, allowed)))
    examples = data.get("examples") or {}
    flag_examples: list[Example] = []
    pass_examples: list[Example] = []
    if isinstance(examples, dict):
        for key in examples:
            if key not in ("flag", "pass"):
                problems.append(_node_problem(name, where("examples"),
                                              f"unknown example list '{key}'"
                                              + _did_you_mean(str(key), ["flag", "pass"])))
        flag_examples = [parse_example(e) for e in examples.get("flag") or []]
        pass_examples = [parse_example(e) for e in examples.get("pass") or []]
    if problems:
        return None, problems
    rule = Rule(
        id=rule_id,
        check=check,
        severity=Severity.parse(str(severity)),
        message=data.get("message"),
        description=(data.get("description") or "").strip(),
        codes=tuple(codes),
        params=dict(params),
        scope=dict(data.get("scope") or {}),
        flag_examples=flag_examples,
        pass_examples=pass_examples,
        enabled=bool(data.get("enabled", True)),
        path=name,
        line=node.start_mark.line + 1,
    )
    return rule, []


def shipped_rules_dir() -> Path:
    return Path(str(resources.files("factcheck.shipped_rules")))


def load_rules(directories: Iterable[Path] | None = None, *, include_shipped: bool = True) -> list[Rule]:
    """Load the shipped rules and any extra directories; raise RuleError listing every problem.

    A rule in a later directory with the same id replaces the earlier one.
    """
    dirs: list[Path] = [shipped_rules_dir()] if include_shipped else []
    dirs.extend(Path(d) for d in directories or [])
    by_id: dict[str, Rule] = {}
    problems: list[RuleProblem] = []
    for directory in dirs:
        if directory.is_file():
            files = [directory]
        elif directory.is_dir():
            files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
        else:
            problems.append(RuleProblem(str(directory), 1, 1, "no such rule file or directory"))
            continue
        for path in files:
            rules, file_problems = load_file(path)
            problems.extend(file_problems)
            for rule in rules:
                by_id[rule.id] = rule
    if problems:
        raise RuleError(problems)
    return list(by_id.values())
