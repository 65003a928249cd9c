"""Check kind ``drift``: the same thing counted with different figures in one article.

Anti-pattern::

    The death toll of 32 was confirmed by police on Monday.
    ...
    Relatives gathered at the hospital where the death toll of 23 was confirmed.

Figures legitimately change over a story ("the toll rose to 40", "at least 30", "initially
25"), differ between places or groups, and one noun often counts different things ("5 goals"
in one match, "3 goals" in another). So this check is built to stay quiet:

* it compares only two mentions with the same counted noun and the same predicate (the first
  content word after the noun, or a verb right before the figure: "32 passengers were
  killed", "killing 23 passengers"), and ``same_as`` relations from extraction;
* both figures must be exact (no bound, range or hedge), of one dimension and unit, and their
  rounding intervals must not overlap;
* the noun must be specific: generic nouns alone ("people", "years", "percent", "times") are
  skipped unless the predicate is a casualty ("died", "killed", "injured", "missing");
* it skips when either sentence has a word of change or revision ("rose to", "now", "up from",
  "increased", "at least", "initially", "earlier", "later", "so far", "had risen"), is a quote,
  takes part in a stated change, a part/whole relation or gives different dates;
* it skips a noun counted with more than two different figures in the article (it then counts
  different things) and figures in one sentence (a contrast, not a slip).

This check reads the words of the two sentences (``Claims.sentences``) for the predicate and
for change words; it never reads figures from text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.checks._arith import interval
from factcheck.claims import Bound, Claims, Quantity, Relation, Sentence
from factcheck.findings import Outcome
from factcheck.predicates import AUXILIARY_WORDS, PREDICATE_STEMS, stem
from factcheck.tolerance import DEFAULT_HEDGE_SLACK, DEFAULT_ROUND_SLACK, figure, reach, show

DEFAULT_GENERIC_NOUNS = (
    "people",
    "person",
    "persons",
    "year",
    "years",
    "percent",
    "per cent",
    "time",
    "times",
    "day",
    "days",
    "month",
    "months",
    "week",
    "weeks",
    "hour",
    "hours",
    "minute",
    "minutes",
    "one",
    "ones",
    "other",
    "others",
    "thing",
    "things",
    "case",
    "cases",
    "number",
    "point",
    "points",
    "part",
    "parts",
    "place",
    "places",
    "way",
    "ways",
    "man",
    "men",
    "woman",
    "women",
)
DEFAULT_CASUALTY_PREDICATES = (
    "die",
    "kill",
    "injure",
    "wound",
    "dead",
    "missing",
    "hurt",
    "death",
    "fatalit",
    "casualt",
)
DEFAULT_CHANGE_WORDS = (
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "now",
    "up from",
    "down from",
    "increased",
    "increase",
    "decreased",
    "at least",
    "initially",
    "initial",
    "earlier",
    "later",
    "so far",
    "had risen",
    "has risen",
    "climbed",
    "jumped",
    "grew",
    "fell",
    "dropped",
    "revised",
    "updated",
    "update",
    "originally",
    "previously",
    "first reported",
    "then",
    "latest",
    "new",
    "more than",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "estimated",
    "estimate",
    "expected",
    "could",
    "may",
    "might",
    "would",
    "will",
    "until",
    "since",
    "total",
    "overall",
    "altogether",
    "combined",
    "each",
    "per",
    "average",
    "another",
    "additional",
    "further",
    "other",
    "respectively",
    "compared",
    "versus",
    "than",
    "previous",
    "last",
    "next",
    "ago",
    "before",
    "after",
    "reached",
    "surpassed",
)
_SPLIT_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")


@register(
    "drift",
    defaults={
        "generic_nouns": list(DEFAULT_GENERIC_NOUNS),
        "casualty_predicates": list(DEFAULT_CASUALTY_PREDICATES),
        "change_words": list(DEFAULT_CHANGE_WORDS),
        "max_figures_per_noun": 2,
        "skip_quotes": True,
    },
    codes=("different_figures",),
)
def check_drift(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """Two mentions of one count (same noun, same predicate, no change word) must agree."""
    generic = {_normal(n) for n in params.get("generic_nouns") or DEFAULT_GENERIC_NOUNS}
    casualty = tuple(params.get("casualty_predicates") or DEFAULT_CASUALTY_PREDICATES)
    change_words = [w.lower() for w in params.get("change_words") or DEFAULT_CHANGE_WORDS]
    change_pattern = re.compile(
        r"\b(?:"
        + "|".join(re.escape(w) for w in sorted(change_words, key=len, reverse=True))
        + r")\b",
        re.IGNORECASE,
    )
    max_figures = int(params.get("max_figures_per_noun", 2))
    skip_quotes = bool(params.get("skip_quotes", True))
    busy = _busy_spans(claims)
    figures_by_noun = _figures_by_noun(claims)
    reported: set[tuple[int, int]] = set()
    for relation in _candidates(claims):
        try:
            outcome = _judge(
                relation,
                claims,
                generic,
                casualty,
                change_pattern,
                max_figures,
                skip_quotes,
                busy,
                figures_by_noun,
            )
        except (ArithmeticError, ValueError, TypeError):
            continue
        if outcome is None:
            continue
        key = (outcome.span.start, outcome.span.end)
        if not outcome.ok and key in reported:
            continue
        if not outcome.ok:
            reported.add(key)
        yield outcome


# "32 passengers were not killed": "not" does not change which predicate is compared.
_AUXILIARY = AUXILIARY_WORDS | {"not"}
_NOISE = frozenset(
    """
the a an of its their his her our your these those some about around roughly nearly almost more
than less fewer as many up to at least most over under estimated and between from with
""".split()
)
_CLAUSE = re.compile(r"[,;:.()!?\"“”—–]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _predicate(claims: Claims, q: Quantity) -> str | None:
    """What the clause says of the counted thing: the first content word after the figure and
    its noun ("were killed" -> kill), else a verb form right before the figure ("killing")."""
    sentence = _sentence(claims, q)
    if sentence is None:
        return None
    base = sentence.span.start
    after = _CLAUSE.split(sentence.text[q.span.end - base :], maxsplit=1)[0]
    noun_words = {w.lower() for w in _WORD.findall(q.noun or "")}
    for word in _WORD.findall(after)[:8]:
        lower = word.lower()
        if lower in noun_words or lower in _AUXILIARY or lower in _NOISE:
            continue
        return stem(word)
    before = _CLAUSE.split(sentence.text[: q.span.start - base])[-1]
    for word in reversed(_WORD.findall(before)[-4:]):
        lower = word.lower()
        if lower in _NOISE or lower in _AUXILIARY:
            continue
        if lower in PREDICATE_STEMS or lower.endswith(("ed", "ing")):
            return stem(word)
        return None
    return None


def _candidates(claims: Claims) -> list[Relation]:
    """Pairs of mentions that count one thing: ``same_as`` relations, and exact figures with
    the same noun and predicate in different sentences (earlier mention as ``whole``)."""
    found = [r for r in claims.relations if r.kind == "same_as"]
    seen = {(id(r.whole), id(r.part)) for r in found}
    mentions = []
    for q in sorted(claims.quantities, key=lambda q: q.span.start):
        if not _exact(q) or not _noun_key(q):
            continue
        predicate = _predicate(claims, q)
        if predicate:
            mentions.append((q, _noun_key(q), predicate))
    for i, (first, key, predicate) in enumerate(mentions):
        for second, key2, predicate2 in mentions[i + 1 :]:
            if key2 != key or predicate2 != predicate or first.sentence == second.sentence:
                continue
            if (id(first), id(second)) in seen:
                continue
            seen.add((id(first), id(second)))
            found.append(Relation(part=second, whole=first, kind="same_as", cue=predicate))
    return found


def _normal(noun: str | None) -> str:
    return " ".join(_SPLIT_WORDS.findall((noun or "").lower()))


def _noun_key(q: Quantity) -> str:
    words = [
        w
        for w in _SPLIT_WORDS.findall((q.noun or "").lower())
        if w not in ("the", "a", "an", "of", "its", "their")
    ]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _figures_by_noun(claims: Claims) -> dict[tuple[str, str], set[float]]:
    found: dict[tuple[str, str], set[float]] = {}
    for q in claims.quantities:
        value = figure(q)
        key = _noun_key(q)
        if value is None or not key:
            continue
        found.setdefault((key, str(q.dimension)), set()).add(value)
    return found


def _busy_spans(claims: Claims) -> set[tuple[int, int]]:
    """Figures that take part in a change or a part/whole relation: they count something
    qualified by that relation, not the plain total."""
    spans: set[tuple[int, int]] = set()
    for change in claims.changes:
        for q in (change.before, change.after, change.change):
            if q is not None:
                spans.add((q.span.start, q.span.end))
    for relation in claims.relations:
        if relation.kind in ("part_of", "share_of"):
            for q in (relation.part, relation.whole):
                spans.add((q.span.start, q.span.end))
    return spans


def _sentence(claims: Claims, q: Quantity) -> Sentence | None:
    sentence = claims.sentence_of(q)
    if sentence is not None and sentence.span.start <= q.span.start < sentence.span.end:
        return sentence
    for candidate in claims.sentences:
        if candidate.span.start <= q.span.start < candidate.span.end:
            return candidate
    return None


def _dates_of(claims: Claims, sentence: Sentence) -> set[str]:
    return {
        (d.date.isoformat() if d.date else d.text.lower())
        for d in claims.dates
        if sentence.span.start <= d.span.start < sentence.span.end
    }


def _exact(q: Quantity) -> bool:
    return q.is_checkable and q.bound is Bound.EXACT and not q.hedge and q.value is not None


def _judge(
    relation: Relation,
    claims: Claims,
    generic: set[str],
    casualty: tuple[str, ...],
    change_pattern: re.Pattern[str],
    max_figures: int,
    skip_quotes: bool,
    busy: set[tuple[int, int]],
    figures_by_noun: dict[tuple[str, str], set[float]],
) -> Outcome | None:
    first, second = relation.whole, relation.part
    if first.span.start > second.span.start:
        first, second = second, first
    if not (_exact(first) and _exact(second)):
        return None
    if (
        first.dimension is not second.dimension
        or first.unit != second.unit
        or first.currency != second.currency
    ):
        return None
    key = _noun_key(first)
    if not key or key != _noun_key(second):
        return None
    predicate = (relation.cue or "").lower()
    if _normal(first.noun) in generic or key in generic:
        if not predicate.startswith(casualty):
            return None
    if len(figures_by_noun.get((key, str(first.dimension)), set())) > max_figures:
        return None
    for q in (first, second):
        if (q.span.start, q.span.end) in busy or q.in_parentheses:
            return None
    first_sentence, second_sentence = _sentence(claims, first), _sentence(claims, second)
    if first_sentence is None or second_sentence is None:
        return None
    if first_sentence.index == second_sentence.index:
        return None
    if skip_quotes and (first_sentence.in_quote or second_sentence.in_quote):
        return None
    if change_pattern.search(first_sentence.text) or change_pattern.search(second_sentence.text):
        return None
    if _dates_of(claims, first_sentence) != _dates_of(claims, second_sentence):
        return None
    first_iv = interval(first, DEFAULT_HEDGE_SLACK, DEFAULT_ROUND_SLACK)
    second_iv = interval(second, DEFAULT_HEDGE_SLACK, DEFAULT_ROUND_SLACK)
    if first_iv is None or second_iv is None:
        return None
    a, b = figure(first), figure(second)
    values = {
        "written": _with_noun(second),
        "earlier": _with_noun(first),
        "noun": first.noun or key,
        "computed": show(a),
    }
    evidence = {
        "computed": a,
        "written": b,
        "tolerance": reach(b, second_iv, digits=6),
        "earlier_range": [first_iv.low, first_iv.high],
        "written_range": [second_iv.low, second_iv.high],
        "noun": first.noun or key,
        "predicate": relation.cue,
    }
    if first_iv.overlaps(second_iv):
        return Outcome(
            code="different_figures",
            ok=True,
            span=second.span,
            related=[first.span],
            evidence=evidence,
            values=values,
            message=f"'{values['written']}' agrees with '{values['earlier']}' written earlier",
        )
    return Outcome(
        code="different_figures",
        ok=False,
        span=second.span,
        related=[first.span],
        evidence=evidence,
        values=values,
        message=(
            f"'{values['written']}' here, but '{values['earlier']}' earlier: the same "
            f"count is given two different figures."
        ),
        suggestion=(
            f"Check which figure is right and use it in both places ({show(a)} or "
            f"{show(b)}), or say why the figure changed."
        ),
    )


def _with_noun(q: Quantity) -> str:
    """ "23 passengers" rather than a bare "23" in messages."""
    text = q.text.strip()
    if q.noun and q.noun.lower() not in text.lower():
        return f"{text} {q.noun}"
    return text
