"""Check kind ``expression``: a condition over the fields of a claim, written in the rule.

An extension point for rule authors: no Python, just a condition. The rule names what it
looks at (``on``: quantity, date, pair, relation, change, age) and when to flag (``when``)::

    - id: percent-spurious-precision
      check: expression
      severity: info
      message: "{text} gives a percentage to {decimals} decimal places."
      params:
        on: quantity
        when: "dimension == 'percent' and decimals >= 3"

Expressions are evaluated by simpleeval (a maintained, sandboxed evaluator), never ``eval``,
and are checked twice: when the rule file is loaded (``factcheck rules validate`` reports a
bad one with its line) and again before the check runs, so a rule built in Python cannot
slip past. Only a small language is accepted: field names, constants, arithmetic,
comparisons, ``and``/``or``/``not``, ``x if c else y``, list/tuple/set literals for ``in``,
and calls to a short list of functions. No attribute access beyond a claim's own fields, no
names starting with "_", no imports, no comprehensions or lambdas, exponents at most
``MAX_EXPONENT`` and written as numbers, no repeating strings, and at most
``MAX_EXPRESSION_LENGTH`` characters.

A claim's fields (see ``FIELDS``) are plain values; a pair's ``first`` and ``second`` (and a
relation's ``part`` and ``whole``, ...) are quantities with their own fields: ``first.value``.
A missing one (a change without a "before") has every field None and is false. Comparing
None with a number is simply false for that claim, not an error. The same fields fill the
rule's message template: ``{text}``, ``{value}``, ``{first.text}``.
"""

from __future__ import annotations

import ast
import datetime as dt
import logging
import math
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factcheck.checks import register
from factcheck.checks._template import fill_template
from factcheck.claims import Age, Change, Claims, DateClaim, Pair, Quantity, Relation
from factcheck.document import Span
from factcheck.findings import Outcome
from factcheck.rule_schema import Choice, Param, Text, declare, did_you_mean

log = logging.getLogger("factcheck.checks.expression")

MAX_EXPRESSION_LENGTH = 500
MAX_NODES = 150
MAX_EXPONENT = 100
MAX_BASE = 1e15
MAX_STRING_LITERAL = 200
MAX_STRING_RESULT = 10_000
MAX_ROUND_DIGITS = 15
# Reasons given for one refused expression (the first are the ones that matter).
MAX_REASONS = 3

TARGETS = ("quantity", "date", "pair", "relation", "change", "age")

QUANTITY_FIELDS: dict[str, str] = {
    "text": "the figure as written ('more than 600 km/h')",
    "value": "the figure; for a range, its midpoint (None for a vague one)",
    "low": "a range's low end (None otherwise)",
    "high": "a range's high end (None otherwise)",
    "unit": "pint unit ('kilometer / hour'), None for counts, percentages and money",
    "dimension": "count, percent, length, speed, money, duration, ... ",
    "bound": "exact, approx, at_most, at_least, less_than, more_than, range, vague, unit_only",
    "precision": "place value of the last written digit ('18,000' -> 1000, '1.93' -> 0.01)",
    "decimals": "digits written after the decimal point ('33.333%' -> 3)",
    "significant": "significant digits as written ('33.333%' -> 5, '0.05%' -> 1)",
    "currency": "ISO 4217 code for money ('USD'), else None",
    "hedge": "the hedge or bound word as written ('about', 'under'), else None",
    "noun": "what it counts or measures, where the text says ('militants')",
    "in_parentheses": "true when written inside parentheses",
    "vague_word": "'dozens', 'thousands' for a vague figure, else None",
}
DATE_FIELDS: dict[str, str] = {
    "text": "the date as written",
    "date": "the resolved date, YYYY-MM-DD (None if unresolved)",
    "end_date": "last day of the period, YYYY-MM-DD",
    "year": "the resolved year",
    "month": "the resolved month (1-12)",
    "day": "the resolved day of the month",
    "granularity": "day, week, month, season, year, decade",
    "resolution": "absolute, publication, relative, tense, unresolved",
    "weekday": "the weekday as written ('Monday'), else None",
    "actual_weekday": "the weekday the resolved date falls on",
    "year_written": "true when the text writes the year",
    "tense": "past, present, future, unknown",
    "is_dateline": "true for the dateline's date",
    "days_after_published": "days from the publication date to the date (negative before)",
}
CONTEXT_FIELDS: dict[str, str] = {
    "sentence": "the text of the sentence the claim is in",
    "in_quote": "true when the sentence is a quotation",
    "published": "the publication date, YYYY-MM-DD (None if unknown)",
}
COMPOSITE_FIELDS: dict[str, dict[str, str]] = {
    "pair": {
        "first": "the first figure (a quantity: first.value, first.unit, ...)",
        "second": "the figure written as its restatement or conversion",
        "kind": "conversion or restatement",
        "joiner": "parentheses, or, comma",
        "text": "the pair as written",
    },
    "relation": {
        "part": "the part (a quantity)",
        "whole": "the whole (a quantity)",
        "kind": "part_of",
        "cue": "the words that relate them ('including', 'of the')",
        "text": "the part as written",
    },
    "change": {
        "before": "the figure changed from (a quantity; empty if not written)",
        "after": "the figure changed to (a quantity; empty if not written)",
        "change": "the stated size of the change (a quantity; empty if not written)",
        "factor": "a multiplier word's factor ('doubled' -> 2), else None",
        "direction": "up, down or None",
        "cue": "the verb or phrase as written",
        "text": "the change as written",
    },
    "age": {
        "age": "the stated age (a quantity; empty if not written)",
        "birth": "the birth or founding date (a date; empty if not written)",
        "subject": "who or what, where the text says",
        "cue": "the words that give the age",
        "text": "the age as written",
    },
}
# Which fields of a composite claim are themselves claims, and of which kind.
SUB_CLAIMS: dict[str, str] = {
    "first": "quantity",
    "second": "quantity",
    "part": "quantity",
    "whole": "quantity",
    "before": "quantity",
    "after": "quantity",
    "change": "quantity",
    "age": "quantity",
    "birth": "date",
}
FUNCTION_DOCS: dict[str, str] = {
    "abs": "abs(x): absolute value",
    "min": "min(a, b, ...): smallest",
    "max": "max(a, b, ...): largest",
    "round": "round(x, digits=0)",
    "len": "len(text): length of a string",
    "lower": "lower(text): lowercase",
    "upper": "upper(text): uppercase",
    "contains": "contains(text, word): text contains word (case-insensitive)",
    "startswith": "startswith(text, prefix) (case-insensitive)",
    "endswith": "endswith(text, suffix) (case-insensitive)",
    "int": "int(x)",
    "float": "float(x)",
    "convert": "convert(x, from_unit, to_unit): x in another unit (None if impossible)",
}


def fields_of(target: str) -> dict[str, str]:
    """The names an expression on ``target`` may use, with what each holds."""
    base = (
        QUANTITY_FIELDS
        if target == "quantity"
        else DATE_FIELDS
        if target == "date"
        else COMPOSITE_FIELDS.get(target, {})
    )
    return {**base, **CONTEXT_FIELDS}


class ExpressionError(ValueError):
    """An expression that is not allowed or cannot be read; the message says why."""


# --------------------------------------------------------------------------- static check

_ALLOWED_NODES = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.FloorDiv,
    ast.Mod,
    ast.Pow,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.UAdd,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.In,
    ast.NotIn,
    ast.Is,
    ast.IsNot,
    ast.IfExp,
    ast.Call,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.Attribute,
    ast.List,
    ast.Tuple,
    ast.Set,
)

_NODE_WORDS = {
    "ListComp": "comprehensions",
    "SetComp": "comprehensions",
    "DictComp": "comprehensions",
    "GeneratorExp": "comprehensions",
    "Lambda": "lambdas",
    "NamedExpr": "assignments (:=)",
    "Subscript": "indexing ([...])",
    "JoinedStr": "f-strings",
    "Dict": "dict literals",
    "Starred": "* unpacking",
    "Await": "await",
    "Yield": "yield",
    "YieldFrom": "yield",
    "BitAnd": "bitwise operators",
    "BitOr": "bitwise operators",
    "BitXor": "bitwise operators",
    "LShift": "shift operators",
    "RShift": "shift operators",
    "Invert": "bitwise operators",
    "MatMult": "the @ operator",
}


@dataclass(frozen=True)
class Compiled:
    """A checked expression, ready to evaluate."""

    text: str
    target: str
    node: ast.AST  # simpleeval's parsed form (the expression statement)


def _where(node: ast.AST) -> str:
    column = getattr(node, "col_offset", None)
    return f" (at character {column + 1})" if column is not None else ""


def _number_constant(node: ast.AST) -> float | None:
    """A number written in the expression, with an optional sign; None for anything else."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _number_constant(node.operand)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        if isinstance(node.value, bool):
            return None
        return float(node.value)
    return None


def _is_string(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _normalise(text: str) -> str:
    """One line: YAML block scalars may wrap a long condition over several."""
    return " ".join(text.splitlines()).strip()


def check_expression(text: Any, target: str) -> list[str]:
    """Every reason ``text`` is not an allowed expression on ``target`` ([] when it is)."""
    if not isinstance(text, str):
        return ["must be an expression written as a string"]
    if target not in TARGETS:
        return [f"'on' must be one of {', '.join(TARGETS)}"]
    if not text.strip():
        return ["is empty"]
    if len(text) > MAX_EXPRESSION_LENGTH:
        return [
            f"is {len(text)} characters long; an expression may have at most "
            f"{MAX_EXPRESSION_LENGTH}"
        ]
    try:
        tree = ast.parse(_normalise(text), mode="eval")
    except SyntaxError as exc:
        if "import" in text.split():
            return ["imports are not allowed in an expression"]
        where = f" at character {exc.offset}" if exc.offset else ""
        return [f"is not a valid expression: {exc.msg}{where}"]
    except (ValueError, RecursionError, MemoryError) as exc:
        return [f"cannot be read: {exc}"]
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        return [f"is too complex ({len(nodes)} parts; at most {MAX_NODES})"]
    names = fields_of(target)
    called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
    problems: list[str] = []

    def visit(node: ast.AST) -> None:
        problems.extend(_node_problems(node, names, called))
        if isinstance(node, _ALLOWED_NODES):  # a refused node's insides add nothing
            for child in ast.iter_child_nodes(node):
                visit(child)

    visit(tree)
    # Escapes first (they are why the rule is refused), then mistakes; each reason once.
    ordered = sorted(dict.fromkeys(problems), key=_priority)
    return ordered[:MAX_REASONS]


_ESCAPE_WORDS = ("import", "private", "power", "repeats", "calls", "not allowed")


def _priority(problem: str) -> int:
    """Imports first, then private names, then other escapes, then plain mistakes."""
    for rank, word in enumerate(_ESCAPE_WORDS[:2]):
        if word in problem:
            return rank
    return 2 if any(word in problem for word in _ESCAPE_WORDS) else 3


def _node_problems(node: ast.AST, names: Mapping[str, str], called: set[int]) -> list[str]:
    kind = type(node).__name__
    if not isinstance(node, _ALLOWED_NODES):
        what = _NODE_WORDS.get(kind, f"'{kind}' expressions")
        return [f"uses {what}, which are not allowed{_where(node)}"]
    if isinstance(node, ast.Name):
        return _name_problems(node, names, called)
    if isinstance(node, ast.Attribute):
        return _attribute_problems(node, names)
    if isinstance(node, ast.Call):
        return _call_problems(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        exponent = _number_constant(node.right)
        if exponent is None:
            return [
                f"raises to a power that is not a number written in the expression{_where(node)};"
                f" write the exponent as a number of at most {MAX_EXPONENT}"
            ]
        if abs(exponent) > MAX_EXPONENT:
            return [
                f"raises to the power {exponent:g}, too large (at most {MAX_EXPONENT})"
                f"{_where(node)}"
            ]
        base = _number_constant(node.left)
        if base is not None and abs(base) > MAX_BASE:
            return [f"raises a number too large to a power{_where(node)}"]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        if _is_string(node.left) or _is_string(node.right):
            return [f"repeats a string with '*', which is not allowed{_where(node)}"]
        if isinstance(node.left, ast.List | ast.Tuple) or isinstance(
            node.right, ast.List | ast.Tuple
        ):
            return [f"repeats a list with '*', which is not allowed{_where(node)}"]
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str | bytes) and len(node.value) > MAX_STRING_LITERAL:
            return [f"has a string longer than {MAX_STRING_LITERAL} characters{_where(node)}"]
        if isinstance(node.value, bytes | complex) or node.value is Ellipsis:
            return [f"uses a {type(node.value).__name__} constant{_where(node)}"]
    return []


def _name_problems(node: ast.Name, names: Mapping[str, str], called: set[int]) -> list[str]:
    name = node.id
    if name == "__import__":
        return ["imports are not allowed in an expression"]
    if name.startswith("_"):
        return [f"uses the name '{name}': names starting with '_' are not allowed"]
    if id(node) in called:
        if name in FUNCTION_DOCS:
            return []
        return [
            f"calls '{name}', which is not one of the allowed functions: "
            + ", ".join(sorted(FUNCTION_DOCS))
        ]
    if name in names or name in ("True", "False", "None", "true", "false", "null"):
        return []
    if name in FUNCTION_DOCS:
        return [f"uses the function '{name}' without calling it"]
    return [
        f"uses the unknown name '{name}'"
        + did_you_mean(name, names)
        + "; available: "
        + ", ".join(sorted(names))
    ]


def _attribute_problems(node: ast.Attribute, names: Mapping[str, str]) -> list[str]:
    attr = node.attr
    if attr.startswith("_"):
        return [
            f"reaches the attribute '{attr}': private and dunder attributes are not allowed"
            f"{_where(node)}"
        ]
    owner = node.value
    if not isinstance(owner, ast.Name) or owner.id not in SUB_CLAIMS or owner.id not in names:
        return [
            f"uses '.{attr}' on something that is not a claim{_where(node)}; only the claims "
            "of a pair, relation, change or age have fields (first.value)"
        ]
    sub_fields = fields_of(SUB_CLAIMS[owner.id])
    if attr not in sub_fields:
        return [
            f"uses '{owner.id}.{attr}', but a {SUB_CLAIMS[owner.id]} has no field '{attr}'"
            + did_you_mean(attr, sub_fields)
        ]
    return []


def _call_problems(node: ast.Call) -> list[str]:
    if not isinstance(node.func, ast.Name):
        return [
            f"calls a method or computed function{_where(node)}; only these functions may be "
            "called: " + ", ".join(sorted(FUNCTION_DOCS))
        ]
    if node.keywords:
        return [f"passes keyword arguments to '{node.func.id}', which is not allowed"]
    if len(node.args) > 10:
        return [f"passes too many arguments to '{node.func.id}'"]
    return []


@lru_cache(maxsize=512)
def compile_expression(text: str, target: str) -> Compiled:
    """Check and parse an expression once; raise ExpressionError with every reason."""
    problems = check_expression(text, target)
    if problems:
        raise ExpressionError("; ".join(problems))
    from simpleeval import SimpleEval

    return Compiled(text=text, target=target, node=SimpleEval.parse(_normalise(text)))


# --------------------------------------------------------------------------- evaluation


class Fields:
    """A claim's fields as attributes: ``first.value`` in an expression or ``{first.text}`` in
    a message. Missing sub-claims are an empty Fields: every field None, false in a test."""

    __slots__ = ("_values", "_present")

    def __init__(self, values: Mapping[str, Any], present: bool = True):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_present", present)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Fields are read-only")

    def __bool__(self) -> bool:
        return object.__getattribute__(self, "_present")

    def __str__(self) -> str:
        text = object.__getattribute__(self, "_values").get("text")
        return "" if text is None else str(text)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Fields({object.__getattribute__(self, '_values')!r})"


def _tidy(value: Any) -> Any:
    """Whole floats as ints ("500", not "500.0", in messages); enums as their names."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and type(value) is not str:  # StrEnum
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _decimals(q: Quantity) -> int:
    precision = q.precision
    if precision is None or precision >= 1 or precision <= 0:
        return 0
    return max(0, round(-math.log10(precision)))


def _significant(q: Quantity) -> int | None:
    """Significant digits of the figure as written: its size over its precision."""
    value = q.value if q.value is not None else q.high
    if value is None or not q.precision or q.precision <= 0 or value == 0:
        return None
    try:
        return max(1, math.floor(math.log10(abs(value) / q.precision) + 1e-9) + 1)
    except (ValueError, OverflowError):
        return None


def quantity_fields(q: Quantity | None) -> Fields:
    if q is None:
        return Fields(dict.fromkeys(QUANTITY_FIELDS), present=False)
    values = {
        "text": q.text.strip(),
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "dimension": q.dimension,
        "bound": q.bound,
        "precision": q.precision,
        "decimals": _decimals(q),
        "significant": _significant(q),
        "currency": q.currency,
        "hedge": q.hedge,
        "noun": q.noun,
        "in_parentheses": q.in_parentheses,
        "vague_word": q.vague_word,
    }
    return Fields({k: _tidy(v) for k, v in values.items()})


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def date_fields(d: DateClaim | None, published: dt.date | None) -> Fields:
    if d is None:
        return Fields(dict.fromkeys(DATE_FIELDS), present=False)
    day = d.date
    values = {
        "text": d.text.strip(),
        "date": day,
        "end_date": d.end_date,
        "year": day.year if day else None,
        "month": day.month if day else None,
        "day": day.day if day else None,
        "granularity": d.granularity,
        "resolution": d.resolution,
        "weekday": _WEEKDAYS[d.weekday] if d.weekday is not None and 0 <= d.weekday < 7 else None,
        "actual_weekday": _WEEKDAYS[day.weekday()] if day else None,
        "year_written": d.year_written,
        "tense": d.tense,
        "is_dateline": d.is_dateline,
        "days_after_published": (day - published).days if day and published else None,
    }
    return Fields({k: _tidy(v) for k, v in values.items()})


def _context(claims: Claims, sentence: int) -> dict[str, Any]:
    current = claims.sentences[sentence] if 0 <= sentence < len(claims.sentences) else None
    return {
        "sentence": current.text if current else None,
        "in_quote": bool(current and current.in_quote),
        "published": claims.published.isoformat() if claims.published else None,
    }


def _merge(fields: Fields, extra: Mapping[str, Any]) -> dict[str, Any]:
    values = dict(object.__getattribute__(fields, "_values"))
    values.update(extra)
    return values


@dataclass(frozen=True)
class Subject:
    """One thing an expression is evaluated on: its fields, where it is, what it relates to."""

    names: dict[str, Any]
    span: Span
    related: tuple[Span, ...] = ()


def subjects(claims: Claims, target: str) -> Iterator[Subject]:
    """Each claim of the ``target`` kind with its fields."""
    published = claims.published
    if target == "quantity":
        for q in claims.quantities:
            yield Subject(_merge(quantity_fields(q), _context(claims, q.sentence)), q.span)
    elif target == "date":
        for d in claims.dates:
            names = _merge(date_fields(d, published), _context(claims, d.sentence))
            yield Subject(names, d.span)
    elif target == "pair":
        for p in claims.pairs:
            yield _pair_subject(p, claims)
    elif target == "relation":
        for r in claims.relations:
            yield _relation_subject(r, claims)
    elif target == "change":
        for c in claims.changes:
            yield _change_subject(c, claims)
    elif target == "age":
        for a in claims.ages:
            yield _age_subject(a, claims, published)


def _pair_subject(p: Pair, claims: Claims) -> Subject:
    names = {
        "first": quantity_fields(p.first),
        "second": quantity_fields(p.second),
        "kind": p.kind,
        "joiner": p.joiner,
        "text": f"{p.first.text.strip()} ({p.second.text.strip()})",
        **_context(claims, p.first.sentence),
    }
    return Subject(names, p.second.span, (p.first.span,))


def _relation_subject(r: Relation, claims: Claims) -> Subject:
    names = {
        "part": quantity_fields(r.part),
        "whole": quantity_fields(r.whole),
        "kind": r.kind,
        "cue": r.cue,
        "text": r.part.text.strip(),
        **_context(claims, r.part.sentence),
    }
    return Subject(names, r.part.span, (r.whole.span,))


def _change_subject(c: Change, claims: Claims) -> Subject:
    related = tuple(q.span for q in (c.before, c.after) if q is not None)
    names = {
        "before": quantity_fields(c.before),
        "after": quantity_fields(c.after),
        "change": quantity_fields(c.change),
        "factor": c.factor,
        "direction": c.direction,
        "cue": c.cue,
        "text": c.cue,
        **_context(claims, c.sentence),
    }
    return Subject(names, c.span, related)


def _age_subject(a: Age, claims: Claims, published: dt.date | None) -> Subject:
    names = {
        "age": quantity_fields(a.age),
        "birth": date_fields(a.birth, published),
        "subject": a.subject,
        "cue": a.cue,
        "text": a.age.text.strip() if a.age else a.cue,
        **_context(claims, a.sentence),
    }
    related = (a.birth.span,) if a.birth else ()
    return Subject(names, a.span, related)


# --- the evaluator's functions and operators, each bounded


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _contains(text: Any, word: Any) -> bool:
    return _text(word).lower() in _text(text).lower()


def _round(x: Any, digits: int = 0) -> Any:
    digits = int(digits)
    if abs(digits) > MAX_ROUND_DIGITS:
        raise ValueError(f"round to at most {MAX_ROUND_DIGITS} digits")
    return round(x, digits)


def _len(x: Any) -> int:
    if not isinstance(x, str | list | tuple | set | frozenset):
        raise TypeError("len() takes a string or a list")
    return len(x)


def _convert(x: Any, from_unit: Any, to_unit: Any) -> float | None:
    from factcheck.tolerance import unit_converter

    if x is None or not isinstance(x, int | float) or isinstance(x, bool):
        return None
    if not isinstance(from_unit, str) or not isinstance(to_unit, str):
        return None
    if len(from_unit) > 60 or len(to_unit) > 60:
        return None
    converter = unit_converter(from_unit, to_unit)
    if converter is None:
        return None
    try:
        return converter(float(x))
    except (ArithmeticError, ValueError, TypeError):
        return None


def _int(x: Any) -> int:
    if isinstance(x, str) and len(x) > 30:
        raise ValueError("int() of a string longer than 30 characters")
    return int(x)


def _float(x: Any) -> float:
    if isinstance(x, str) and len(x) > 30:
        raise ValueError("float() of a string longer than 30 characters")
    return float(x)


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "abs": abs,
    "min": min,
    "max": max,
    "round": _round,
    "len": _len,
    "lower": lambda s: _text(s).lower(),
    "upper": lambda s: _text(s).upper(),
    "contains": _contains,
    "startswith": lambda s, p: _text(s).lower().startswith(_text(p).lower()),
    "endswith": lambda s, p: _text(s).lower().endswith(_text(p).lower()),
    "int": _int,
    "float": _float,
    "convert": _convert,
}
assert set(FUNCTIONS) == set(FUNCTION_DOCS)


class RejectedAtRunTime(ExpressionError):
    """An expression the evaluator refused while running (too large a power, ...)."""


def _safe_power(a: Any, b: Any) -> Any:
    if not isinstance(b, int | float) or abs(b) > MAX_EXPONENT:
        raise RejectedAtRunTime(f"an exponent larger than {MAX_EXPONENT}")
    if isinstance(a, int | float) and abs(a) > MAX_BASE:
        raise RejectedAtRunTime("a power of a number that is too large")
    return a**b


def _safe_mult(a: Any, b: Any) -> Any:
    for x in (a, b):
        if isinstance(x, str | list | tuple):
            raise RejectedAtRunTime("repeating a string or list with '*'")
    return a * b


def _safe_add(a: Any, b: Any) -> Any:
    if isinstance(a, str) and isinstance(b, str) and len(a) + len(b) > MAX_STRING_RESULT:
        raise RejectedAtRunTime("a string longer than the limit")
    return a + b


def _evaluator(names: dict[str, Any]) -> Any:
    """The shared evaluator with these names; building one per claim was a tenth of the
    whole pipeline's time. Names are replaced whole on every call."""
    evaluator = _base_evaluator()
    evaluator.names = {**_CONSTANTS, **names}
    return evaluator


_CONSTANTS = {"True": True, "False": False, "None": None, "true": True, "false": False}
_CONSTANTS["null"] = None


@lru_cache(maxsize=1)
def _base_evaluator() -> Any:
    from simpleeval import DEFAULT_OPERATORS, EvalWithCompoundTypes

    operators = {
        op: fn
        for op, fn in DEFAULT_OPERATORS.items()
        if op
        not in (ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift, ast.Invert, ast.MatMult)
    }
    operators[ast.Pow] = _safe_power
    operators[ast.Mult] = _safe_mult
    operators[ast.Add] = _safe_add
    operators[ast.Mod] = operator.mod
    evaluator = EvalWithCompoundTypes(
        operators=operators,
        functions=dict(FUNCTIONS),
        names=dict(_CONSTANTS),
        allowed_attrs={Fields: set(QUANTITY_FIELDS) | set(DATE_FIELDS)},
    )
    evaluator.ATTR_INDEX_FALLBACK = False
    return evaluator


def evaluate(text: str, target: str, names: dict[str, Any]) -> Any:
    """Evaluate an expression with these names.

    The expression is checked first, every time (``compile_expression`` caches the result by
    its text, so there is no way to evaluate a tree that was not checked): ExpressionError
    when it is not allowed, RejectedAtRunTime when the evaluator refuses a step for safety,
    TypeError and the like for ordinary failures (comparing None with a number).
    """
    from simpleeval import FeatureNotAvailable, IterableTooLong, NumberTooHigh

    compiled = compile_expression(text, target)
    try:
        return _evaluator(names).eval(_normalise(text), previously_parsed=compiled.node)
    except (FeatureNotAvailable, NumberTooHigh, IterableTooLong) as exc:
        raise RejectedAtRunTime(str(exc)) from None


_WARNED: set[str] = set()


def _warn_once(key: str, message: str, *args: Any) -> None:
    if key not in _WARNED:
        _WARNED.add(key)
        log.warning(message, *args)


# --------------------------------------------------------------------------- the check kind


def _validate(params: Mapping[str, Any]) -> Iterable[tuple[str | None, str]]:
    target = params.get("on")
    if target is None:
        yield "on", f"is required: what the expression looks at ({', '.join(TARGETS)})"
        return
    if params.get("when") is None:
        yield "when", "is required: the condition under which the rule flags a claim"
        return
    for problem in check_expression(params.get("when"), str(target)):
        yield "when", problem
    suggestion = params.get("suggestion")
    if isinstance(suggestion, str):
        from factcheck.rules import template_fields

        names, problems = template_fields(suggestion)
        for problem in problems:
            yield "suggestion", problem
        available = fields_of(str(target))
        for name in names:
            if name not in available:
                yield "suggestion", f"uses {{{name}}}, which a {target} does not have"


def _message_fields(params: Mapping[str, Any]) -> set[str] | None:
    target = params.get("on")
    if target not in TARGETS:
        return None
    return set(fields_of(target)) | {"expression"}


@register(
    "expression",
    defaults={"on": None, "when": None, "suggestion": None},
    codes=("match",),
)
def check_expression_rule(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """Flag each claim (quantity, date, pair, relation, change or age) for which the rule's
    condition ``when`` holds. The condition is a safe expression over the claim's fields."""
    target, when = params.get("on"), params.get("when")
    try:
        compile_expression(when, target)
    except (ExpressionError, TypeError) as exc:
        _warn_once(f"{target}:{when}", "expression rule rejected %r: %s", when, exc)
        return
    for subject in subjects(claims, target):
        try:
            result = evaluate(when, target, subject.names)
        except RejectedAtRunTime as exc:
            _warn_once(f"run:{when}", "expression %r stopped: %s", when, exc)
            return
        except ExpressionError as exc:
            _warn_once(f"{target}:{when}", "expression rule rejected %r: %s", when, exc)
            return
        except Exception:  # noqa: BLE001 - None > 5, a missing field: false for this claim
            continue
        if not result:
            continue
        values = dict(subject.names)
        values["expression"] = when
        text = values.get("text") or ""
        yield Outcome(
            code="match",
            ok=False,
            span=subject.span,
            message=f"{text}: the condition {when} holds.",
            related=list(subject.related),
            evidence={"expression": when, "on": target},
            values=values,
            suggestion=fill_template(params.get("suggestion"), values),
        )


declare(
    "expression",
    params={
        "on": Param(Choice(TARGETS), "What the condition is evaluated on."),
        "when": Param(Text(min_length=1), "The condition; the rule flags a claim when it holds."),
        "suggestion": Param(Text(), "Optional template for the finding's suggestion."),
    },
    validate=_validate,
    message_fields=_message_fields,
)
