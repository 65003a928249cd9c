"""Rules: YAML files that say which check kinds run, how they are configured and reported.

A rule file holds ``rules:``, a list of mappings. Each rule names a registered check kind
(``check``), optionally the problem ``codes`` of that kind it reports, a ``severity``, a
``message`` template filled from the outcome's values and evidence, ``params`` merged over the
check kind's defaults, a ``scope`` (which claims and sentences it applies to) and ``examples``
that ``factcheck rules test`` runs. docs/rules.md documents every key.

Loading is strict and exhaustive: every problem in every file is collected, each with the
file, line and column it is at, as one plain sentence. The keys and their types come from
``factcheck.rule_schema``, which also prints the JSON Schema, so the two always agree. A bad
rule file never raises anything but ``RuleError``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from factcheck import checks
from factcheck.claims import Claims, DateClaim, Quantity
from factcheck.findings import Outcome, Severity
from factcheck.rule_schema import (
    EXAMPLE_ENTRY,
    RULE_FIELDS,
    ValueProblem,
    declaration,
    describe_value,
    did_you_mean,
    join_path,
    params_record,
)
from factcheck.rule_schema import ID_PATTERN as ID_REGEX
from factcheck.rule_schema import REQUIRED_KEYS as REQUIRED_KEYS
from factcheck.rule_schema import RULE_KEYS as RULE_KEYS

ID_PATTERN = re.compile(ID_REGEX)
RULE_SUFFIXES = (".yaml", ".yml")
# A rule file is a small hand-written text; anything larger is a mistake, not a rule file.
MAX_FILE_BYTES = 2_000_000
# Values a file may expand to through YAML aliases before it is refused ("billion laughs").
MAX_VALUES = 200_000
# Widest field a message template may pad to ("{written:>20}" is fine, ":>10000000" is not).
MAX_TEMPLATE_WIDTH = 200


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
    column: int = 1

    def effective_params(self) -> dict[str, Any]:
        merged = dict(checks.get(self.check).defaults)
        merged.update(self.params)
        return merged

    def outcomes(self, claims: Claims) -> Iterator[Outcome]:
        """Run this rule's check on the claims in its scope; keep the codes it reports."""
        kind = checks.get(self.check)
        scope = Scope.from_mapping(self.scope)
        view = scope.apply(claims)
        for outcome in kind.function(view, self.effective_params()):
            if self.codes and outcome.code not in self.codes:
                continue
            if not scope.keeps_outcome(outcome, claims):
                continue
            yield outcome


# --------------------------------------------------------------------------- examples

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
    if published is not None and hasattr(published, "isoformat"):
        published = published.isoformat()
    return Example(
        text="".join(plain),
        published=str(published) if published is not None else None,
        flag_spans=spans,
    )


def _example_problems(kind: str, example: Example) -> list[str]:
    """What is wrong with a parsed example: marks left over, a flag example with none."""
    problems = []
    if "[[" in example.text or "]]" in example.text:
        problems.append("has an unclosed or empty [[...]] mark")
    if kind == "flag" and not example.flag_spans:
        problems.append("has no [[...]] marking the span the rule must flag")
    if kind == "pass" and example.flag_spans:
        problems.append("marks a span with [[...]]; only flag examples mark what is flagged")
    if not example.text.strip():
        problems.append("has no text")
    return problems


# --------------------------------------------------------------------------- message templates


def template_fields(template: str) -> tuple[list[str], list[str]]:
    """The top-level field names a message template uses, and its problems as sentences.

    Fields must be named; attribute or index access may not reach private names (a template
    like "{value.__class__}" could read the interpreter's internals), and padding is capped.
    """
    names: list[str] = []
    problems: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return [], [f"is not a valid template: {exc} (write {{{{ and }}}} for literal braces)"]
    for _, field_name, spec, _ in parsed:
        if field_name is None:
            continue
        if not field_name or field_name[0].isdigit():
            problems.append("uses a field without a name; name it, like {written}")
            continue
        parts = re.split(r"[.\[\]]", field_name)
        if any(part.startswith("_") for part in parts if part):
            problems.append(f"field {{{field_name}}} reaches a private name, which is not allowed")
            continue
        widths = [int(w) for w in re.findall(r"\d+", spec or "")]
        if "{" in (spec or "") or any(w > MAX_TEMPLATE_WIDTH for w in widths):
            problems.append(f"field {{{field_name}:{spec}}} pads or nests too much")
            continue
        name = re.split(r"[.\[]", field_name, maxsplit=1)[0]
        if name not in names:
            names.append(name)
    return names, problems


# --------------------------------------------------------------------------- reading files


class RuleLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 booleans: only true and false are booleans.

    Under YAML 1.1 rules ``on: quantity`` would read the key ``on`` as True and ``yes`` as a
    boolean; editors validating against the JSON Schema use YAML 1.2, and so does this.
    """


RuleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RuleLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _Constructor(yaml.constructor.SafeConstructor):
    """PyYAML's safe constructor, used node by node so one bad rule costs one rule.

    A scalar that looks like a date but is not one ("2024-13-01") stays a string, so the
    validator can say which key holds it instead of failing the whole rule.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _construct(node: yaml.Node) -> Any:
    constructor = _Constructor()
    return constructor.construct_document(node)


def _at(path: str, mark: Any, message: str) -> RuleProblem:
    if mark is None:
        return RuleProblem(path, 1, 1, message)
    return RuleProblem(path, mark.line + 1, mark.column + 1, message)


def _node_problem(path: str, node: yaml.Node, message: str) -> RuleProblem:
    return _at(path, node.start_mark, message)


def _read(path: Path) -> tuple[str | None, list[RuleProblem]]:
    """The file's text, or a problem: missing, unreadable, too large, not UTF-8."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                RuleProblem(
                    name,
                    1,
                    1,
                    f"the file is {size:,} bytes, too large for a rule file "
                    f"(at most {MAX_FILE_BYTES:,})",
                )
            ]
        data = path.read_bytes()
    except OSError as exc:
        return None, [RuleProblem(name, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            RuleProblem(
                name,
                line,
                column,
                f"the file is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded; "
                "save it as UTF-8",
            )
        ]


def _yaml_problem(name: str, exc: yaml.YAMLError) -> RuleProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    if problem:
        reason = f"{context}, {problem}" if context else problem
    else:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return _at(name, mark, f"the file is not valid YAML: {reason}")


def _structure_problems(name: str, root: yaml.Node) -> tuple[list[RuleProblem], bool]:
    """Duplicate keys, alias cycles and alias bombs, found by walking the node graph once.
    The flag is True when the file cannot be read further (a cycle, a bomb)."""
    problems: list[RuleProblem] = []
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _AliasCycle(node)
        active.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        first = seen[key_node.value]
                        problems.append(
                            _node_problem(
                                name,
                                key_node,
                                f"the key '{key_node.value}' appears twice in this mapping "
                                f"(first on line {first.start_mark.line + 1}); "
                                "the second would silently win",
                            )
                        )
                    else:
                        seen[key_node.value] = key_node
                total += size(key_node) + size(value_node)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        active.discard(key)
        sizes[key] = total
        if total > MAX_VALUES:
            raise _TooLarge(node)
        return total

    try:
        size(root)
    except _AliasCycle as cycle:
        return [_node_problem(name, cycle.node, "a YAML alias refers to itself")], True
    except _TooLarge as large:
        message = f"the file expands to more than {MAX_VALUES:,} values (through YAML aliases?)"
        return [_node_problem(name, large.node, message)], True
    except RecursionError:
        return [_node_problem(name, root, "the file nests too deeply")], True
    return problems, False


class _AliasCycle(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def load_file(path: Path) -> tuple[list[Rule], list[RuleProblem]]:
    """Load one rule file, collecting every problem rather than stopping at the first."""
    path = Path(path)
    name = str(path)
    source, problems = _read(path)
    if source is None:
        return [], problems
    try:
        root = yaml.compose(source, Loader=RuleLoader)
    except yaml.YAMLError as exc:
        return [], [_yaml_problem(name, exc)]
    except (RecursionError, ValueError) as exc:
        return [], [RuleProblem(name, 1, 1, f"the file cannot be read as YAML: {exc}")]
    if root is None:
        return [], [RuleProblem(name, 1, 1, "the file is empty; a rule file holds 'rules:'")]
    problems, fatal = _structure_problems(name, root)
    if fatal:
        return [], problems
    if not isinstance(root, yaml.MappingNode):
        return [], [_node_problem(name, root, "a rule file must be a mapping with a 'rules' list")]
    rules_node = None
    for key_node, value_node in root.value:
        if key_node.value == "rules":
            rules_node = value_node
        else:
            problems.append(
                _node_problem(
                    name,
                    key_node,
                    f"unknown top-level key '{key_node.value}'"
                    + did_you_mean(str(key_node.value), ["rules"]),
                )
            )
    if rules_node is None:
        problems.append(_node_problem(name, root, "the file has no 'rules' list"))
        return [], problems
    if not isinstance(rules_node, yaml.SequenceNode):
        problems.append(_node_problem(name, rules_node, "'rules' must be a list of rules"))
        return [], problems
    loaded: list[Rule] = []
    kinds = checks.registry()
    for rule_node in rules_node.value:
        rule, rule_problems = _RuleReader(name, rule_node, kinds).read()
        problems.extend(rule_problems)
        if rule is not None:
            loaded.append(rule)
    problems.sort(key=lambda p: (p.line, p.column))
    return loaded, problems


# --------------------------------------------------------------------------- one rule


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(key node, value node) of ``part`` under a mapping or sequence node."""
    if isinstance(node, yaml.MappingNode):
        found = (None, None)
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                found = (key_node, value_node)
        return found
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return None, node.value[part]
    return None, None


def _locate(node: yaml.Node, path: Iterable[str | int], *, key: bool = False) -> yaml.Node:
    """The node at ``path`` below ``node`` (its key node when ``key``), or the deepest found."""
    parts = list(path)
    for index, part in enumerate(parts):
        key_node, value_node = _child(node, part)
        if value_node is None:
            return node
        if key and index == len(parts) - 1 and key_node is not None:
            return key_node
        node = value_node
    return node


class _RuleReader:
    """Validates and builds one rule from its YAML node."""

    def __init__(self, name: str, node: yaml.Node, kinds: Mapping[str, Any]):
        self.name = name
        self.node = node
        self.kinds = kinds
        self.problems: list[RuleProblem] = []

    def problem(self, path: Iterable[str | int], message: str, *, key: bool = False) -> None:
        self.problems.append(_node_problem(self.name, _locate(self.node, path, key=key), message))

    def value_problem(self, problem: ValueProblem, prefix: tuple[str | int, ...] = ()) -> None:
        """Word one ValueProblem found under ``prefix`` (a path) as a sentence."""
        path = (*prefix, *problem.path)
        if problem.kind == "unknown":
            where = join_path(path[:-1])
            inside = f" in '{where}'" if where else ""
            message = f"unknown key '{problem.detail}'{inside}" + did_you_mean(
                problem.detail, problem.options
            )
            self.problem(path, message, key=True)
        elif problem.kind == "missing":
            subject = f"'{join_path(path)}'" if path else "rule"
            self.problem(path, f"{subject} is missing the required key '{problem.detail}'")
        elif problem.kind == "type":
            self.problem(
                path,
                f"'{join_path(path)}' must be {problem.detail}, "
                f"not {describe_value(problem.value)}",
            )
        else:
            self.problem(path, f"'{join_path(path)}' {problem.detail}")

    def read(self) -> tuple[Rule | None, list[RuleProblem]]:
        node = self.node
        if not isinstance(node, yaml.MappingNode):
            return None, [_node_problem(self.name, node, "each rule must be a mapping")]
        try:
            data = _construct(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or node.start_mark
            return None, [
                _at(
                    self.name,
                    mark,
                    f"this YAML cannot be used in a rule file ({exc.problem}); "
                    "write plain values, lists and mappings",
                )
            ]
        except yaml.YAMLError as exc:
            return None, [_yaml_problem(self.name, exc)]
        except (RecursionError, ValueError, TypeError) as exc:
            return None, [_node_problem(self.name, node, f"this rule cannot be read: {exc}")]
        if not isinstance(data, dict):
            return None, [_node_problem(self.name, node, "each rule must be a mapping")]
        self._check_keys(data)
        check = data.get("check")
        kind = self.kinds.get(check) if isinstance(check, str) else None
        if isinstance(check, str) and kind is None:
            self.problem(
                ("check",),
                f"unknown check kind '{check}'"
                + did_you_mean(check, self.kinds)
                + "; known kinds: "
                + ", ".join(sorted(self.kinds)),
            )
        codes = self._codes(data, kind)
        params_ok = self._check_params(data, kind)
        self._check_message(data, kind, params_ok)
        flag_examples, pass_examples = self._examples(data)
        if self.problems:
            return None, self.problems
        id_node = _locate(node, ("id",))
        rule = Rule(
            id=data["id"],
            check=check,
            severity=Severity.parse(data["severity"]),
            message=data.get("message"),
            description=(data.get("description") or "").strip(),
            codes=codes,
            params=dict(data.get("params") or {}),
            scope=dict(data.get("scope") or {}),
            flag_examples=flag_examples,
            pass_examples=pass_examples,
            enabled=data.get("enabled", True) is not False,
            path=self.name,
            line=id_node.start_mark.line + 1,
            column=id_node.start_mark.column + 1,
        )
        return rule, []

    def _check_keys(self, data: dict[str, Any]) -> None:
        names = tuple(f.name for f in RULE_FIELDS)
        for key in data:
            if key not in names:
                hint = did_you_mean(str(key), names) or "; a rule's keys are " + ", ".join(names)
                self.problem((key,), f"unknown key '{key}'{hint}", key=True)
        for spec in RULE_FIELDS:
            if spec.required and spec.name not in data:
                self.problem((), f"rule is missing the required key '{spec.name}'")
        for spec in RULE_FIELDS:
            if spec.name not in data or spec.name in ("check", "params"):
                continue
            if data[spec.name] is None and not spec.required:
                continue  # "scope:" with nothing after it: the same as leaving it out
            for problem in spec.type.problems(data[spec.name]):
                self.value_problem(problem, (spec.name,))
        if "check" in data and not isinstance(data["check"], str):
            self.problem(
                ("check",),
                f"'check' must be the name of a check kind, not {describe_value(data['check'])}",
            )
        if "params" in data and data["params"] is not None and not isinstance(data["params"], dict):
            self.problem(
                ("params",), f"'params' must be a mapping, not {describe_value(data['params'])}"
            )

    def _codes(self, data: dict[str, Any], kind: Any) -> tuple[str, ...]:
        raw = data.get("codes")
        codes = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        codes = [c for c in codes if isinstance(c, str)]
        if kind is not None and kind.codes:
            for index, code in enumerate(codes):
                if code not in kind.codes:
                    where = ("codes", index) if isinstance(raw, list) else ("codes",)
                    self.problem(
                        where,
                        f"check '{kind.name}' has no code '{code}'"
                        + did_you_mean(code, kind.codes)
                        + "; its codes: "
                        + ", ".join(kind.codes),
                    )
        return tuple(codes)

    def _check_params(self, data: dict[str, Any], kind: Any) -> bool:
        """Parameter names and types against the kind; then the kind's own validator."""
        params = data.get("params")
        if kind is None or not isinstance(params, dict | type(None)):
            return False
        params = params or {}
        record = params_record(kind)
        names = [f.name for f in record.fields]
        before = len(self.problems)
        for problem in record.problems(params):
            path = ("params", *problem.path)
            param = join_path(problem.path)
            if problem.kind == "unknown":
                self.problem(
                    path,
                    f"check '{kind.name}' has no parameter '{problem.detail}'"
                    + did_you_mean(problem.detail, names)
                    + (f"; its parameters: {', '.join(names)}" if names else ""),
                    key=True,
                )
            elif problem.kind == "type":
                self.problem(
                    path,
                    f"parameter '{param}' of check '{kind.name}' must be {problem.detail}, "
                    f"not {describe_value(problem.value)}",
                )
            else:
                self.problem(path, f"parameter '{param}' of check '{kind.name}' {problem.detail}")
        if len(self.problems) > before:
            return False
        validate = declaration(kind.name).validate
        if validate is None:
            return True
        merged = {**kind.defaults, **params}
        try:
            found = list(validate(merged))
        except Exception as exc:  # noqa: BLE001 - a validator bug is reported, not raised
            found = [(None, f"could not be checked ({type(exc).__name__}: {exc})")]
        for param, message in found:
            if param is not None and param in params:
                self.problem(("params", param), f"parameter '{param}' {message}")
            elif param is not None:
                self.problem(("params",), f"parameter '{param}' {message}")
            else:
                self.problem(("params",) if "params" in data else (), message)
        return not found

    def _check_message(self, data: dict[str, Any], kind: Any, params_ok: bool) -> None:
        template = data.get("message")
        if not isinstance(template, str):
            return
        names, problems = template_fields(template)
        for problem in problems:
            self.problem(("message",), f"'message' {problem}")
        if problems or kind is None or not params_ok:
            return
        provides = declaration(kind.name).message_fields
        if provides is None:
            return  # this kind does not say which fields its outcomes fill: 'rules test' does
        try:
            available = provides({**kind.defaults, **(data.get("params") or {})})
        except Exception:  # noqa: BLE001 - an unknowable field list is simply not checked
            return
        if available is None:
            return
        for name in names:
            if name not in available:
                self.problem(
                    ("message",),
                    f"'message' uses {{{name}}}, which check '{kind.name}' does not provide"
                    + did_you_mean(name, available)
                    + "; it provides: "
                    + ", ".join(sorted(available)),
                )

    def _examples(self, data: dict[str, Any]) -> tuple[list[Example], list[Example]]:
        """Parse each well-formed example; type problems were reported by ``_check_keys``."""
        examples = data.get("examples")
        parsed: dict[str, list[Example]] = {"flag": [], "pass": []}
        if not isinstance(examples, dict):
            return [], []
        for kind in ("flag", "pass"):
            entries = examples.get(kind)
            if not isinstance(entries, list):
                continue
            for index, raw in enumerate(entries):
                if EXAMPLE_ENTRY.problems(raw):
                    continue
                example = parse_example(raw)
                for message in _example_problems(kind, example):
                    self.problem(
                        ("examples", kind, index),
                        f"{kind} example {index + 1} {message}",
                    )
                parsed[kind].append(example)
        return parsed["flag"], parsed["pass"]


# --------------------------------------------------------------------------- rule sets


def shipped_rules_dir() -> Path:
    return Path(str(resources.files("factcheck.shipped_rules")))


def rule_files(source: Path) -> list[Path]:
    """A rule file given as itself, or the .yaml/.yml files of a folder, sorted."""
    if source.is_dir():
        return sorted(
            p for p in source.iterdir() if p.is_file() and p.suffix.lower() in RULE_SUFFIXES
        )
    return [source]


def load_paths(
    directories: Iterable[Path | str] | None = None, *, include_shipped: bool = True
) -> tuple[list[Rule], list[RuleProblem]]:
    """Every rule in the shipped set (optionally) and the given files and folders, and every
    problem found in them. Never raises for a bad file.

    A rule in a later source (folder or file) with the same id replaces the earlier one: that
    is how a user's ``--rules`` folder overrides a shipped rule. Within one source, two rules
    with the same id are a mistake and reported with both places.
    """
    sources: list[Path] = [shipped_rules_dir()] if include_shipped else []
    sources.extend(Path(d) for d in directories or [])
    by_id: dict[str, Rule] = {}
    problems: list[RuleProblem] = []
    for source in sources:
        if not source.exists():
            problems.append(RuleProblem(str(source), 1, 1, "no such rule file or folder"))
            continue
        in_source: dict[str, Rule] = {}
        for path in rule_files(source):
            rules, file_problems = load_file(path)
            problems.extend(file_problems)
            for rule in rules:
                first = in_source.get(rule.id)
                if first is not None:
                    problems.append(
                        RuleProblem(
                            rule.path,
                            rule.line,
                            rule.column,
                            f"duplicate rule id '{rule.id}': already defined at "
                            f"{first.path}:{first.line}:{first.column}",
                        )
                    )
                    continue
                in_source[rule.id] = rule
                by_id.pop(rule.id, None)  # a replacement takes the replaced rule's place last
                by_id[rule.id] = rule
    return list(by_id.values()), problems


def load_rules(
    directories: Iterable[Path | str] | None = None, *, include_shipped: bool = True
) -> list[Rule]:
    """Load the shipped rules and any extra files or folders; raise RuleError listing every
    problem (see ``load_paths``)."""
    rules, problems = load_paths(directories, include_shipped=include_shipped)
    if problems:
        raise RuleError(problems)
    return rules


# --------------------------------------------------------------------------- scope


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[\w'-]+", text.lower())) if text else set()


@dataclass(frozen=True, slots=True)
class Scope:
    """Which claims and sentences a rule applies to (the ``scope`` key of a rule).

    Claims out of scope are removed before the check runs, so it never sees them (a part
    whose whole is out of scope is out too); a finding whose span starts in an excluded
    sentence is dropped after, for checks that read sentences rather than claims.
    """

    exclude: frozenset[str] = frozenset()
    dimensions: frozenset[str] | None = None
    exclude_dimensions: frozenset[str] = frozenset()
    nouns: frozenset[str] | None = None
    exclude_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> Scope:
        data = data or {}

        def words(key: str) -> frozenset[str] | None:
            value = data.get(key)
            if value is None:
                return None
            return frozenset(str(v).lower() for v in value)

        return cls(
            exclude=words("exclude") or frozenset(),
            dimensions=words("dimensions"),
            exclude_dimensions=words("exclude_dimensions") or frozenset(),
            nouns=words("nouns"),
            exclude_nouns=words("exclude_nouns") or frozenset(),
        )

    @property
    def is_everything(self) -> bool:
        return self == Scope()

    def _in_excluded_sentence(self, index: int, claims: Claims) -> bool:
        if "quote" not in self.exclude or not 0 <= index < len(claims.sentences):
            return False
        return claims.sentences[index].in_quote

    def keeps_quantity(self, q: Quantity, claims: Claims) -> bool:
        if self._in_excluded_sentence(q.sentence, claims):
            return False
        dimension = str(q.dimension)
        if self.dimensions is not None and dimension not in self.dimensions:
            return False
        if dimension in self.exclude_dimensions:
            return False
        noun_words = _words(q.noun) | ({q.noun.lower()} if q.noun else set())
        if self.nouns is not None and not noun_words & self.nouns:
            return False
        return not noun_words & self.exclude_nouns

    def keeps_date(self, d: DateClaim, claims: Claims) -> bool:
        if "dateline" in self.exclude and d.is_dateline:
            return False
        return not self._in_excluded_sentence(d.sentence, claims)

    def apply(self, claims: Claims) -> Claims:
        """The claims in scope, as a new Claims (the original is left as it was)."""
        if self.is_everything:
            return claims
        quantities = [q for q in claims.quantities if self.keeps_quantity(q, claims)]
        dates = [d for d in claims.dates if self.keeps_date(d, claims)]
        kept = {id(q) for q in quantities} | {id(d) for d in dates}

        def all_kept(*members: Quantity | DateClaim | None) -> bool:
            return all(m is None or id(m) in kept for m in members)

        def sentence_ok(index: int) -> bool:
            return not self._in_excluded_sentence(index, claims)

        pairs = [p for p in claims.pairs if all_kept(p.first, p.second)]
        relations = [r for r in claims.relations if all_kept(r.part, r.whole)]
        changes = [
            c
            for c in claims.changes
            if all_kept(c.before, c.after, c.change) and sentence_ok(c.sentence)
        ]
        ages = [a for a in claims.ages if all_kept(a.age, a.birth) and sentence_ok(a.sentence)]
        return dataclasses.replace(
            claims,
            quantities=quantities,
            dates=dates,
            pairs=pairs,
            relations=relations,
            changes=changes,
            ages=ages,
        )

    def keeps_outcome(self, outcome: Outcome, claims: Claims) -> bool:
        """False for a finding that starts in an excluded sentence or on an excluded date."""
        if "quote" in self.exclude and claims.sentences:
            starts = [s.span.start for s in claims.sentences]
            index = bisect.bisect_right(starts, outcome.span.start) - 1
            if index >= 0:
                sentence = claims.sentences[index]
                if sentence.in_quote and outcome.span.start < sentence.span.end:
                    return False
        if "dateline" in self.exclude:
            for date in claims.dates:
                if date.is_dateline and date.span.overlaps(outcome.span):
                    return False
        return True
