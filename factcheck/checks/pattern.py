"""Check kind ``pattern``: a phrase that is itself a problem in how numbers are written.

An extension point for rule authors, for wording no arithmetic can catch: "three times less"
(a third? two-thirds less?), "fell 150%" (a fall of more than 100% leaves less than nothing),
"a 100 percent increase" (say "doubled"). The rule gives a regular expression (or a list of
them) or plain ``phrases``, matched in each sentence::

    params:
      regex: '\\b(?:fell|dropped)\\s+(?:by\\s+)?(?P<number>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?:%|percent)'
      number_above: 100           # only when the captured number is above 100
      unless: [profit, profits]   # a fall in profits of 150% is a swing into loss

A group named ``number`` is parsed as a figure ("1,250.5"); ``number_above`` and
``number_below`` compare it. ``unless`` phrases anywhere in the sentence rule a match out.
The match, the number and every named group fill the rule's message and the ``suggestion``
template: "{match}", "{number}".

Regular expressions are compiled with care: at most ``MAX_PATTERN_LENGTH`` characters, a
syntax error is reported with its position, and a repetition nested inside another
unbounded repetition ("(a+)+", "(\\w*\\s?)*") is refused, because on a sentence that almost
matches such a pattern can take exponential time. Sentences longer than
``MAX_SENTENCE_LENGTH`` are read up to that length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from factcheck.checks import register
from factcheck.checks._template import fill_template
from factcheck.claims import Claims
from factcheck.document import Span
from factcheck.findings import Outcome
from factcheck.rule_schema import (
    Boolean,
    Either,
    ListOf,
    Number,
    Param,
    Text,
    declare,
)

MAX_PATTERN_LENGTH = 500
MAX_PATTERNS = 20
MAX_SENTENCE_LENGTH = 5_000
MAX_MATCHES_PER_SENTENCE = 20
NUMBER_GROUP = "number"
BASE_FIELDS = frozenset({"match", "number", "sentence"})


class PatternError(ValueError):
    """A pattern that cannot be used; the message says why."""


def phrase_regex(phrases: Iterable[str]) -> str | None:
    """A regular expression matching any of the phrases as whole words; spaces in a phrase
    match any run of white space. None when there are no phrases."""
    parts = [
        r"\s+".join(re.escape(word) for word in phrase.split())
        for phrase in sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    ]
    if not parts:
        return None
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


# --------------------------------------------------------------------------- safe compilation


def _nested_repeat(pattern: str, flags: int) -> bool:
    """True when an unbounded repetition contains another repetition of variable length:
    the shape of catastrophic backtracking. Uses the parser behind ``re``; if it is not
    available (a future Python), the check is skipped and the length cap still applies."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python without these private modules
        return False
    try:
        parsed = parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - re.compile reports syntax errors itself
        return False
    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT}
    possessive = getattr(constants, "POSSESSIVE_REPEAT", None)
    if possessive is not None:
        repeats.add(possessive)

    def items(node: Any) -> Iterator[tuple[Any, Any]]:
        data = getattr(node, "data", node)
        yield from data

    def contains_repeat(node: Any) -> bool:
        for op, arg in items(node):
            if op in repeats:
                low, high, _ = arg
                if high != low:
                    return True
            if _children(op, arg, constants) and any(
                contains_repeat(child) for child in _children(op, arg, constants)
            ):
                return True
        return False

    def walk(node: Any) -> bool:
        for op, arg in items(node):
            if op in repeats:
                _, high, body = arg
                if (high == constants.MAXREPEAT or high > 100) and contains_repeat(body):
                    return True
            if any(walk(child) for child in _children(op, arg, constants)):
                return True
        return False

    try:
        return walk(parsed)
    except RecursionError:
        return True


def _children(op: Any, arg: Any, constants: Any) -> list[Any]:
    """The sub-patterns of one parsed node."""
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) or (
        getattr(constants, "POSSESSIVE_REPEAT", None) is not None
        and op == constants.POSSESSIVE_REPEAT
    ):
        return [arg[2]]
    if op == constants.SUBPATTERN:
        return [arg[-1]]
    if op == constants.BRANCH:
        return list(arg[1])
    if op in (constants.ASSERT, constants.ASSERT_NOT):
        return [arg[1]]
    if getattr(constants, "ATOMIC_GROUP", None) is not None and op == constants.ATOMIC_GROUP:
        return [arg]
    if op == constants.GROUPREF_EXISTS:
        return [a for a in arg[1:] if a is not None]
    return []


def pattern_problems(pattern: Any, ignore_case: bool = True) -> list[str]:
    """Every reason ``pattern`` cannot be used ([] when it can)."""
    if not isinstance(pattern, str) or not pattern:
        return ["must be a non-empty regular expression"]
    if len(pattern) > MAX_PATTERN_LENGTH:
        return [
            f"is {len(pattern)} characters long; a pattern may have at most {MAX_PATTERN_LENGTH}"
        ]
    flags = re.IGNORECASE if ignore_case else 0
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        where = f" at position {exc.pos + 1}" if exc.pos is not None else ""
        return [f"is not a valid regular expression: {exc.msg}{where}"]
    except (RecursionError, OverflowError, ValueError) as exc:
        return [f"cannot be compiled: {exc}"]
    if _nested_repeat(pattern, flags):
        return [
            "nests a repetition inside an unbounded repetition (like '(a+)+'), which can "
            "take exponential time; make the inner or outer repetition bounded"
        ]
    if compiled.match(""):
        return ["matches the empty string, so it would flag every sentence"]
    return []


@lru_cache(maxsize=256)
def compile_pattern(pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    problems = pattern_problems(pattern, ignore_case)
    if problems:
        raise PatternError("; ".join(problems))
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


def _regexes(params: Mapping[str, Any]) -> list[str]:
    regex = params.get("regex")
    if isinstance(regex, str):
        return [regex]
    if isinstance(regex, list):
        return [r for r in regex if isinstance(r, str)]
    phrases = params.get("phrases")
    if isinstance(phrases, list):
        joined = phrase_regex(str(p) for p in phrases)
        return [joined] if joined else []
    return []


def parse_number(text: str | None) -> float | None:
    """'1,250.5' -> 1250.5; None for anything that is not a plain figure."""
    if not text:
        return None
    cleaned = re.sub(r"[,\s\u00a0\u2009\u202f_]", "", text)
    if not re.fullmatch(r"[-+−]?\d+(?:\.\d+)?", cleaned):
        return None
    return float(cleaned.replace("−", "-"))


def _number_ok(number: float | None, params: Mapping[str, Any]) -> bool:
    above, below = params.get("number_above"), params.get("number_below")
    if above is None and below is None:
        return True
    if number is None:
        return False
    if above is not None and not number > float(above):
        return False
    return not (below is not None and not number < float(below))


# --------------------------------------------------------------------------- the check kind


@register(
    "pattern",
    defaults={
        "regex": None,
        "phrases": None,
        "ignore_case": True,
        "number_above": None,
        "number_below": None,
        "unless": [],
        "suggestion": None,
    },
    codes=("match",),
)
def check_pattern(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """Flag each place a sentence matches the rule's phrase or regular expression (match)."""
    ignore_case = params.get("ignore_case") is not False
    try:
        patterns = [compile_pattern(r, ignore_case) for r in _regexes(params)[:MAX_PATTERNS]]
        unless_regex = phrase_regex(str(p) for p in params.get("unless") or [])
        unless = compile_pattern(unless_regex, True) if unless_regex else None
    except (PatternError, TypeError):
        return  # the rule loader reported it; a rule built in code gets nothing
    for sentence in claims.sentences:
        text = sentence.text[:MAX_SENTENCE_LENGTH]
        # The rule's patterns rarely match; only a sentence where one does needs the (usually
        # longer) "unless" search.
        if not any(pattern.search(text) for pattern in patterns):
            continue
        if unless is not None and unless.search(text):
            continue
        found: list[tuple[int, int]] = []
        for pattern in patterns:
            for count, match in enumerate(pattern.finditer(text)):
                if count >= MAX_MATCHES_PER_SENTENCE:
                    break
                if match.end() == match.start():
                    continue
                if any(match.start() < e and s < match.end() for s, e in found):
                    continue  # one finding per place, whichever pattern matched first
                outcome = _outcome(match, sentence.span.start, sentence.text, params)
                if outcome is not None:
                    found.append((match.start(), match.end()))
                    yield outcome


def _outcome(match: re.Match[str], offset: int, sentence: str, params: Mapping[str, Any]):
    groups = {
        name: value
        for name, value in match.groupdict().items()
        if value is not None and not name.startswith("_")
    }
    number = parse_number(groups.get(NUMBER_GROUP))
    if not _number_ok(number, params):
        return None
    matched = match.group(0).strip()
    start = offset + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    end = start + len(matched)
    values: dict[str, Any] = {
        **groups,
        "match": matched,
        "number": groups.get(NUMBER_GROUP, ""),
        "sentence": sentence,
    }
    evidence: dict[str, Any] = {"match": matched}
    if number is not None:
        evidence["number"] = int(number) if number.is_integer() else number
    return Outcome(
        code="match",
        ok=False,
        span=Span(start, end),
        message=f"'{matched}' is a wording this rule flags.",
        evidence=evidence,
        values=values,
        suggestion=fill_template(params.get("suggestion"), values),
    )


# --------------------------------------------------------------------------- validation


def _group_names(params: Mapping[str, Any]) -> set[str]:
    names: set[str] = set()
    for regex in _regexes(params):
        try:
            names.update(re.compile(regex).groupindex)
        except (re.error, RecursionError, OverflowError, ValueError):
            continue
    return {n for n in names if not n.startswith("_")}


def _validate(params: Mapping[str, Any]) -> Iterator[tuple[str | None, str]]:
    regex, phrases = params.get("regex"), params.get("phrases")
    if regex is None and not phrases:
        yield None, "a pattern rule needs 'regex' or 'phrases' in its params"
        return
    if regex is not None and phrases:
        yield None, "give 'regex' or 'phrases', not both"
        return
    ignore_case = params.get("ignore_case") is not False
    regexes = [regex] if isinstance(regex, str) else list(regex or [])
    if isinstance(regex, list) and not regex:
        yield "regex", "is an empty list"
    if len(regexes) > MAX_PATTERNS:
        yield "regex", f"lists {len(regexes)} patterns; at most {MAX_PATTERNS}"
    for index, pattern in enumerate(regexes):
        label = "" if isinstance(regex, str) else f"(pattern {index + 1}) "
        for problem in pattern_problems(pattern, ignore_case):
            yield "regex", label + problem
    wants_number = params.get("number_above") is not None or params.get("number_below") is not None
    if wants_number:
        if phrases:
            yield None, "'number_above' and 'number_below' need a 'regex' with a group named number"
        else:
            for index, pattern in enumerate(regexes):
                try:
                    groups = re.compile(pattern).groupindex
                except (re.error, RecursionError, OverflowError, ValueError):
                    continue
                if NUMBER_GROUP not in groups:
                    label = "" if isinstance(regex, str) else f"(pattern {index + 1}) "
                    yield (
                        "regex",
                        label + "has no group named number, which 'number_above' or "
                        "'number_below' compare: write (?P<number>...)",
                    )
    suggestion = params.get("suggestion")
    if isinstance(suggestion, str):
        from factcheck.rules import template_fields

        names, problems = template_fields(suggestion)
        yield from (("suggestion", problem) for problem in problems)
        available = BASE_FIELDS | _group_names(params)
        for name in names:
            if name not in available:
                yield (
                    "suggestion",
                    f"uses {{{name}}}; a pattern provides {', '.join(sorted(available))}",
                )


declare(
    "pattern",
    params={
        "regex": Param(
            Either((Text(min_length=1), ListOf(Text(min_length=1), min_items=1))),
            "A regular expression, or a list of them, matched in each sentence.",
        ),
        "phrases": Param(
            ListOf(Text(min_length=1), min_items=1),
            "Plain phrases matched as whole words (instead of regex).",
        ),
        "ignore_case": Param(Boolean(), "Match regardless of case (default true)."),
        "number_above": Param(Number(), "Only when the group named number is above this."),
        "number_below": Param(Number(), "Only when the group named number is below this."),
        "unless": Param(
            ListOf(Text(min_length=1)), "Skip sentences that contain one of these phrases."
        ),
        "suggestion": Param(Text(), "Template for the suggestion: {match}, {number}, groups."),
    },
    validate=_validate,
    message_fields=lambda params: BASE_FIELDS | _group_names(params),
)
