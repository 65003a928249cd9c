"""The shape of a rule file, as data: the one definition behind validation and the JSON Schema.

``factcheck.rules`` walks these definitions to report every problem in a rule file with its
line and column; ``rule_file_schema`` prints the same definitions as a JSON Schema (draft
2020-12) for editors. Neither knows the keys by itself, so the two cannot drift apart.

A check kind's parameters are typed from its registered defaults (a list default takes a
list, a number a number). A kind can say more with ``declare``: precise parameter types and
descriptions, a validator for what a type cannot say (an expression that must compile, a
unit pint must know) and the message fields its outcomes provide.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.checks import CheckKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SEVERITIES = ("info", "warning", "error")
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# Sentence kinds a rule's scope can exclude (see factcheck.rules.Scope).
SCOPE_EXCLUDES = ("quote", "dateline")
DIMENSIONS = (
    "count",
    "percent",
    "percentage_point",
    "ratio",
    "money",
    "length",
    "area",
    "volume",
    "mass",
    "temperature",
    "temperature_difference",
    "speed",
    "duration",
    "energy",
    "power",
    "other",
)


# --------------------------------------------------------------------------- value types


def describe_value(value: Any) -> str:
    """A value as a plain phrase for messages: "the string 'abc'", "a list", "the number 3"."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string '{shown}'"
    if isinstance(value, dt.datetime | dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


@dataclass(frozen=True)
class ValueProblem:
    """A problem found in a value, ``path`` keys and list indexes below it.

    ``kind`` is "type" (``detail`` is what the value must be, ``value`` what it is),
    "unknown" (``detail`` is the unknown key, ``options`` the known ones), "missing"
    (``detail`` is the missing key) or "other" (``detail`` is the sentence's predicate).
    """

    path: tuple[str | int, ...]
    kind: str
    detail: str
    value: Any = None
    options: tuple[str, ...] = ()

    def under(self, key: str | int) -> ValueProblem:
        return ValueProblem((key, *self.path), self.kind, self.detail, self.value, self.options)


def type_problem(value: Any, noun: str) -> ValueProblem:
    return ValueProblem((), "type", noun, value)


class ValueType:
    """A kind of value a key takes: checks a loaded YAML value and prints its JSON Schema."""

    noun = "a value"

    def problems(self, value: Any) -> list[ValueProblem]:
        return [] if self.accepts(value) else [type_problem(value, self.noun)]

    def accepts(self, value: Any) -> bool:
        return True

    def json_schema(self) -> dict[str, Any]:
        return {}


class AnyValue(ValueType):
    noun = "any value"


@dataclass(frozen=True)
class Text(ValueType):
    pattern: str | None = None
    pattern_words: str = ""
    min_length: int = 0

    @property
    def noun(self) -> str:  # type: ignore[override]
        return f"a string {self.pattern_words}".rstrip() if self.pattern_words else "a string"

    def accepts(self, value: Any) -> bool:
        if not isinstance(value, str) or len(value) < self.min_length:
            return False
        return self.pattern is None or re.search(self.pattern, value) is not None

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"}
        if self.pattern:
            schema["pattern"] = self.pattern
        if self.min_length:
            schema["minLength"] = self.min_length
        return schema


@dataclass(frozen=True)
class Number(ValueType):
    minimum: float | None = None
    integer: bool = False

    @property
    def noun(self) -> str:  # type: ignore[override]
        kind = "a whole number" if self.integer else "a number"
        return kind if self.minimum is None else f"{kind} of at least {self.minimum:g}"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if self.integer and not float(value).is_integer():
            return False
        return self.minimum is None or value >= self.minimum

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        return schema


class Boolean(ValueType):
    noun = "true or false"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, bool)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class DateValue(ValueType):
    """A calendar date written YYYY-MM-DD (YAML reads an unquoted one as a date already)."""

    noun = "a date written YYYY-MM-DD"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, dt.datetime):
            return False
        if isinstance(value, dt.date):
            return True
        if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value.strip()):
            return False
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            return False
        return True

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}


@dataclass(frozen=True)
class Choice(ValueType):
    values: tuple[Any, ...]

    @property
    def noun(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(str(v) for v in self.values)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str | int | float | bool) and value in self.values

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class ListOf(ValueType):
    item: ValueType
    min_items: int = 0

    @property
    def noun(self) -> str:  # type: ignore[override]
        if isinstance(self.item, AnyValue):
            return "a list"
        item = self.item.noun
        for article in ("a ", "an "):
            if item.startswith(article):
                return f"a list of {_plural(item[len(article) :])}"
        return f"a list of values that are each {item}"

    def problems(self, value: Any) -> list[ValueProblem]:
        if not isinstance(value, list):
            return [type_problem(value, self.noun)]
        found: list[ValueProblem] = []
        if len(value) < self.min_items:
            found.append(ValueProblem((), "other", f"must list at least {self.min_items}"))
        for index, item in enumerate(value):
            found.extend(problem.under(index) for problem in self.item.problems(item))
        return found

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


def _plural(noun: str) -> str:
    head, _, rest = noun.partition(" ")
    head = head[:-1] + "ies" if head.endswith("y") else head + "s"
    return f"{head} {rest}".strip()


@dataclass(frozen=True)
class Either(ValueType):
    """One of several types; the first that accepts the value validates it."""

    options: tuple[ValueType, ...]

    @property
    def noun(self) -> str:  # type: ignore[override]
        return " or ".join(option.noun for option in self.options)

    def problems(self, value: Any) -> list[ValueProblem]:
        for option in self.options:
            if _shape_matches(option, value):
                return option.problems(value)
        return [type_problem(value, self.noun)]

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [option.json_schema() for option in self.options]}


def _shape_matches(kind: ValueType, value: Any) -> bool:
    """Whether ``value`` has the basic shape of ``kind`` (a list for a list, ...)."""
    if isinstance(kind, ListOf):
        return isinstance(value, list)
    if isinstance(kind, Record):
        return isinstance(value, dict)
    return kind.accepts(value)


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its type, whether it is required, and what it is for."""

    name: str
    type: ValueType
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class Record(ValueType):
    """A mapping with known keys; an unknown key is a problem with a "did you mean"."""

    fields: tuple[Field, ...]
    what: str = "a mapping"

    @property
    def noun(self) -> str:  # type: ignore[override]
        return self.what

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def problems(self, value: Any) -> list[ValueProblem]:
        if not isinstance(value, dict):
            return [type_problem(value, self.noun)]
        found: list[ValueProblem] = []
        names = tuple(f.name for f in self.fields)
        for key, item in value.items():
            spec = self.field(str(key))
            if spec is None:
                found.append(ValueProblem((key,), "unknown", str(key), item, names))
                continue
            found.extend(problem.under(key) for problem in spec.type.problems(item))
        for spec in self.fields:
            if spec.required and spec.name not in value:
                found.append(ValueProblem((), "missing", spec.name))
        return found

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: _described(f) for f in self.fields},
            "additionalProperties": False,
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        return schema


def _described(spec: Field) -> dict[str, Any]:
    schema = dict(spec.type.json_schema())
    if spec.description:
        schema["description"] = spec.description
    return schema


class AnyMapping(ValueType):
    noun = "a mapping"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object"}


def did_you_mean(word: str, options: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, [str(o) for o in options], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --------------------------------------------------------------------------- the rule file

EXAMPLE_ENTRY = Either(
    (
        Text(),
        Record(
            (
                Field(
                    "text",
                    Text(),
                    "The example text; [[...]] marks the span a flag example must flag.",
                    required=True,
                ),
                Field(
                    "published",
                    DateValue(),
                    "The publication date the example is read with (YYYY-MM-DD).",
                ),
            ),
            what="a mapping with 'text' and an optional 'published'",
        ),
    )
)

EXAMPLES = Record(
    (
        Field(
            "flag",
            ListOf(EXAMPLE_ENTRY),
            "Texts the rule must flag, each with the span marked [[like this]].",
        ),
        Field("pass", ListOf(EXAMPLE_ENTRY), "Texts the rule must not flag."),
    ),
    what="a mapping with 'flag' and 'pass' lists",
)

SCOPE = Record(
    (
        Field(
            "exclude",
            ListOf(Choice(SCOPE_EXCLUDES)),
            "Skip claims and findings in these places: 'quote' (a sentence inside quotation "
            "marks), 'dateline' (the dateline's date).",
        ),
        Field(
            "dimensions",
            ListOf(Choice(DIMENSIONS)),
            "Only quantities of these dimensions (dates are not affected).",
        ),
        Field("exclude_dimensions", ListOf(Choice(DIMENSIONS)), "Skip quantities of these."),
        Field(
            "nouns",
            ListOf(Text(min_length=1)),
            "Only quantities whose noun (what they count) is one of these words.",
        ),
        Field("exclude_nouns", ListOf(Text(min_length=1)), "Skip quantities with these nouns."),
    ),
    what="a mapping of scope filters",
)

CODES = Either((Text(), ListOf(Text())))

# The keys of one rule, in the order documentation shows them. ``check``, ``codes`` and
# ``params`` depend on the registered check kinds: ``rule_record`` fills them in.
RULE_FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        Text(ID_PATTERN, "of lowercase letters, digits, '.', '_' or '-'"),
        "Unique name of the rule: lowercase letters, digits, '.', '_' and '-'.",
        required=True,
    ),
    Field("check", Text(), "The registered check kind this rule configures.", required=True),
    Field(
        "codes",
        CODES,
        "The problem codes of the check kind this rule reports (default: all of them).",
    ),
    Field("severity", Choice(SEVERITIES), "How serious a finding is.", required=True),
    Field(
        "message",
        Text(),
        "Template for the finding's message; {name} fields are filled from the outcome.",
    ),
    Field("description", Text(), "What the rule flags and why, for 'factcheck explain'."),
    Field("params", AnyMapping(), "Parameters of the check kind, over its defaults."),
    Field("scope", SCOPE, "Which claims and sentences the rule applies to."),
    Field("examples", EXAMPLES, "Texts the rule must flag and must pass ('rules test')."),
    Field("enabled", Boolean(), "false turns the rule off (default: true)."),
)
RULE_KEYS = tuple(f.name for f in RULE_FIELDS)
REQUIRED_KEYS = tuple(f.name for f in RULE_FIELDS if f.required)
FILE_KEYS = ("rules",)


# --------------------------------------------------------------------------- check kinds


@dataclass(frozen=True)
class Param:
    """A parameter a check kind declares: its type and what it does."""

    type: ValueType
    description: str = ""


# A kind's own validator: given the rule's params merged over the defaults, yield
# (parameter name or None, plain sentence) for each problem.
ParamValidator = Callable[[Mapping[str, Any]], Iterable[tuple[str | None, str]]]
# The message fields a kind's outcomes provide, given the params; None when unknown.
MessageFields = Callable[[Mapping[str, Any]], Collection[str] | None]


@dataclass(frozen=True)
class Declaration:
    params: Mapping[str, Param] = field(default_factory=dict)
    validate: ParamValidator | None = None
    message_fields: MessageFields | None = None


_DECLARED: dict[str, Declaration] = {}


def declare(
    check: str,
    *,
    params: Mapping[str, Param] | None = None,
    validate: ParamValidator | None = None,
    message_fields: MessageFields | None = None,
) -> None:
    """Say more about a registered check kind than its defaults can (see module docstring)."""
    _DECLARED[check] = Declaration(dict(params or {}), validate, message_fields)


def declaration(check: str) -> Declaration:
    return _DECLARED.get(check, Declaration())


def infer_type(default: Any) -> ValueType:
    """The type a parameter takes, read from its default value."""
    if isinstance(default, bool):
        return Boolean()
    if isinstance(default, int | float):
        return Number()
    if isinstance(default, str):
        return Text()
    if isinstance(default, list | tuple | set | frozenset):
        items = list(default)
        if items and all(isinstance(i, str) for i in items):
            return ListOf(Text())
        if items and all(isinstance(i, int | float) and not isinstance(i, bool) for i in items):
            return ListOf(Number())
        return ListOf(AnyValue())
    if isinstance(default, dict):
        return AnyMapping()
    return AnyValue()


def param_types(kind: CheckKind) -> dict[str, Param]:
    """Every parameter of a check kind: declared ones as declared, the rest from defaults."""
    declared = declaration(kind.name).params
    params = {name: Param(infer_type(default)) for name, default in kind.defaults.items()}
    params.update(declared)
    return params


def params_record(kind: CheckKind) -> Record:
    return Record(
        tuple(
            Field(name, param.type, param.description) for name, param in param_types(kind).items()
        ),
        what=f"a mapping of the parameters of check '{kind.name}'",
    )


def rule_record(kinds: Mapping[str, CheckKind]) -> Record:
    """The rule mapping with ``check`` limited to the registered kinds."""
    fields = [
        Field(f.name, Choice(tuple(sorted(kinds))), f.description, f.required)
        if f.name == "check"
        else f
        for f in RULE_FIELDS
    ]
    return Record(tuple(fields), what="a rule mapping")


# --------------------------------------------------------------------------- JSON Schema


def _json_default(value: Any) -> Any:
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def rule_file_schema(kinds: Mapping[str, CheckKind] | None = None) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for rule files, from the definitions above."""
    if kinds is None:
        from factcheck import checks

        kinds = checks.registry()
    rule = rule_record(kinds).json_schema()
    conditions = []
    defs: dict[str, Any] = {}
    for name in sorted(kinds):
        kind = kinds[name]
        params = params_record(kind).json_schema()
        for pname, schema in params["properties"].items():
            if pname in kind.defaults and kind.defaults[pname] is not None:
                schema["default"] = _json_default(kind.defaults[pname])
        defs[f"params.{name}"] = params
        then: dict[str, Any] = {"properties": {"params": {"$ref": f"#/$defs/params.{name}"}}}
        if kind.codes:
            code = {"enum": list(kind.codes)}
            then["properties"]["codes"] = {"anyOf": [code, {"type": "array", "items": code}]}
        conditions.append(
            {
                "if": {"properties": {"check": {"const": name}}, "required": ["check"]},
                "then": then,
            }
        )
    rule["allOf"] = conditions
    defs["rule"] = rule
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://factcheck.invalid/schemas/rule-file.json",
        "title": "factcheck rule file",
        "description": "A YAML file of rules for factcheck (see docs/rules.md).",
        "type": "object",
        "properties": {
            "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
        },
        "required": ["rules"],
        "additionalProperties": False,
        "$defs": defs,
    }


def join_path(path: Sequence[str | int]) -> str:
    """A key path for messages: ("params", "nouns", 2) -> "params.nouns[2]"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
