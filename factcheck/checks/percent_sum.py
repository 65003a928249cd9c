"""Check kind ``percent_sum``: shares of one whole, restated shares, and shares of small counts.

Anti-patterns::

    In the referendum 58% voted yes, 39% no and 6% abstained.     (over_100: at least 102.5 %)
    The vote split 40%, 35% and 20%.                               (under_100: at most 96.5 %)
    One in five (25%) of the residents left.                       (restatement: ~20 %)
    Three of the 7 members, 45%, voted against.                    (grim: 3/7 is 42.9 %)
    45% of the 7 members voted against.                            (grim: no k/7 is 45 %)

Shares are summed as intervals (each a rounding), so "33%, 33% and 33%" and "52% to 49%"
pass. Being conservative is the point: a sentence that lists unrelated percentages ("inflation
was 3% and unemployment 5%") is never a partition. A run of percentages counts as shares of one
whole only when the text says so: a vote (the words "voted", "vote", "ballot", "referendum",
"of the vote"), a split ("split", "divided", "broken down"), or answer labels (yes / no /
against / abstained / undecided). Over 100 % is then flagged; under 100 % only when the text
also says the parts are all of it ("split", "the rest", "the remaining").

This check reads the few words *between* percentages in a sentence (``Claims.sentences``) to
see that they form one list; it never reads figures from text.

GRIM (Brown & Heathers 2016): a percentage of N things must be k/N for a whole number k at the
percentage's precision. Used for "k of N ..., P%" (the stated k is compared directly) and for
"P% of the N ..." (share relations from extraction), with N at most ``max_count``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.checks._arith import (
    finite_or_none,
    grim_fractions,
    interval,
    ratio_share_interval,
    total,
)
from factcheck.claims import Bound, Claims, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    DEFAULT_ROUND_SLACK,
    figure,
    reach,
    show,
    show_interval,
)

# Words that say a list of percentages divides one whole.
_VOTE_CUE = re.compile(
    r"\b(?:vot(?:ed|e|es|ing|ers)|ballots?|referendum|plebiscite|split|divided|broken\s+down|"
    r"breaks?\s+down|broke\s+down)\b",
    re.IGNORECASE,
)
_SPLIT_CUE = re.compile(
    r"\b(?:split|divided|broken\s+down|breaks?\s+down|broke\s+down)\b", re.IGNORECASE
)
_OF_THE_VOTE = re.compile(
    r"^\s*of\s+(?:the\s+)?(?:(?:popular|valid|total|participating|eligible|registered)\s+)?"
    r"(?:votes?(?:\s+cast)?|voters|ballots?)\b",
    re.IGNORECASE,
)
_ANSWER_LABELS = re.compile(
    r"\b(?:yes|no|for|against|abstain(?:ed|ing|ers|ions?)?|undecided|unsure|"
    r"don'?t\s+know|in\s+favou?r|opposed|approve[ds]?|disapprove[ds]?|neutral|leave|remain|"
    r"spoiled|spoilt|blank|invalid)\b",
    re.IGNORECASE,
)
_REST = re.compile(
    r"\b(?:the\s+rest|remaining|remainder|the\s+others?|all\s+others?)\b", re.IGNORECASE
)
# What may stand between two shares of one list: a short label, a separator, a short label.
_LABEL = r"(?:[a-z'’-]+\s+){0,4}?"
_SEPARATOR = (
    r"(?:,\s*(?:(?:and|while|with|whereas|but)\s+)?|;\s*(?:and\s+)?|and\s+|while\s+|"
    r"whereas\s+|with\s+|to\s+|versus\s+|vs\.?\s+|against\s+|-\s+|–\s+)"
)
_NOT_A_SHARE = re.compile(r"\b(?:turnout|turn-out|participation|margin|lead\s+of)\b", re.IGNORECASE)
_LIST_GLUE = re.compile(
    rf"^\s*[a-z'’-]*(?:\s+[a-z'’-]+){{0,5}}\s*{_SEPARATOR}{_LABEL}$", re.IGNORECASE
)
_BAD_GLUE_WORDS = re.compile(
    r"\b(?:of|in|on|per|from|since|rose|rise|fell|fall|up|down|increase[ds]?|decrease[ds]?|"
    r"compared|than|growth|grew|year|years|month|months|quarter|week|points?|who|which|that|"
    r"among|men|women|male|female)\b",
    re.IGNORECASE,
)
_HEAD_TO_HEAD = re.compile(
    r"\b(?:led|leads|leading|beat|beats|trailed|trails|trailing|"
    r"defeated)\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:by\s+)?$"
)
_TO_ONLY_AFTER = re.compile(
    r"(?:\b(?:by|voted|vote|margin|split)\s+|\b(?:led|leads|leading|"
    r"beat|beats|trailed|trails|trailing|defeated)\s+(?:[A-Z][\w'’-]+"
    r"\s+){1,3}(?:by\s+)?)$"
)
_LABEL_END = re.compile(r"[,;]|\b(?:and|while|with|whereas|but|versus|vs|against)\b", re.IGNORECASE)
_NOT_LABELS = frozenset(
    """
and while with whereas but to the a an was were is are be been by of about around some nearly
almost just over under only than more less per cent percent
""".split()
)
# "k of N members, P%" / "k of N members (P%)": the percentage restates k/N.
_RESTATING_GLUE = re.compile(
    r"^\s*(?:[a-z'’-]+\s*){0,3}?(?:,\s*(?:or\s+)?|\(\s*|-\s+|–\s+|—\s*|or\s+)"
    r"(?:about|around|roughly|some|nearly|almost|just\s+(?:over|under))?\s*$",
    re.IGNORECASE,
)
_K_OF_N_GLUE = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)

DEFAULT_MAX_COUNT = 1000


@register(
    "percent_sum",
    defaults={
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "round_slack": DEFAULT_ROUND_SLACK,
        "max_count": DEFAULT_MAX_COUNT,
        "min_parts": 2,
    },
    codes=("over_100", "under_100", "restatement", "grim"),
)
def check_percent_sum(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """Shares of one whole must sum to 100 % within rounding; a ratio and the percentage that
    restates it must agree; a percentage of a small count must be a whole number of it."""
    for check in (_partitions, _restatements, _grim):
        try:
            yield from check(claims, params)
        except (ArithmeticError, ValueError, TypeError):
            continue


# --------------------------------------------------------------------------- text between


def _sentence(claims: Claims, q: Quantity) -> Sentence | None:
    sentence = claims.sentence_of(q)
    if sentence is None or not (sentence.span.start <= q.span.start <= sentence.span.end):
        for candidate in claims.sentences:
            if candidate.span.start <= q.span.start < candidate.span.end:
                return candidate
        return None
    return sentence


def _between(sentence: Sentence, start: int, end: int) -> str | None:
    """The sentence's text between two offsets of the document."""
    if not (sentence.span.start <= start <= end <= sentence.span.end):
        return None
    base = sentence.span.start
    return sentence.text[start - base : end - base]


# --------------------------------------------------------------------------- partitions


def _in_changes(claims: Claims) -> set[tuple[int, int]]:
    spans = set()
    for change in claims.changes:
        for q in (change.before, change.after, change.change):
            if q is not None:
                spans.add((q.span.start, q.span.end))
    return spans


def _partitions(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    hedge_slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    round_slack = _optional(params.get("round_slack", DEFAULT_ROUND_SLACK))
    min_parts = int(params.get("min_parts", 2))
    changing = _in_changes(claims)
    by_sentence: dict[int, list[Quantity]] = {}
    for q in claims.quantities:
        if (
            q.dimension is Dimension.PERCENT
            and q.is_checkable
            and not q.in_parentheses
            and (q.span.start, q.span.end) not in changing
        ):
            sentence = _sentence(claims, q)
            if sentence is not None:
                by_sentence.setdefault(sentence.index, []).append(q)
    for index, shares in by_sentence.items():
        sentence = next((s for s in claims.sentences if s.index == index), None)
        if sentence is None:
            continue
        shares.sort(key=lambda q: q.span.start)
        for run in _runs(sentence, shares):
            if len(run) < max(2, min_parts):
                continue
            outcome = _judge_partition(sentence, run, hedge_slack, round_slack)
            if outcome is not None:
                yield outcome


def _runs(sentence: Sentence, shares: list[Quantity]) -> list[list[Quantity]]:
    """Maximal sequences of percentages joined only by list glue."""
    runs: list[list[Quantity]] = []
    current: list[Quantity] = []
    for q in shares:
        if current and _joined(sentence, current, q):
            current.append(q)
            continue
        if current:
            runs.append(current)
        current = [q]
    if current:
        runs.append(current)
    return runs


def _joined(sentence: Sentence, current: list[Quantity], q: Quantity) -> bool:
    previous = current[-1]
    glue = _between(sentence, previous.span.end, q.span.start)
    if glue is None or not _LIST_GLUE.match(glue):
        return False
    first_glue = len(current) == 1
    probe = glue
    if first_glue and _OF_THE_VOTE.match(glue):
        probe = _OF_THE_VOTE.sub("", glue)  # "52% of the vote, 45% ..." names the whole once
    if _BAD_GLUE_WORDS.search(probe):
        return False
    if re.match(r"^\s*(?:[a-z'’-]+\s+){0,4}?to\s+$", glue, re.IGNORECASE):
        # "40% to 60%" is a range, unless a vote is being reported: "by 52% to 48%".
        opening = _between(sentence, sentence.span.start, current[0].span.start) or ""
        return len(current) == 1 and bool(_TO_ONLY_AFTER.search(opening))
    return True


def _judge_partition(
    sentence: Sentence, run: list[Quantity], hedge_slack: float, round_slack: float | None
) -> Outcome | None:
    start, end = run[0].span.start, run[-1].span.end
    opening = _between(sentence, sentence.span.start, start) or ""
    inner = _between(sentence, start, end) or ""
    closing = _between(sentence, end, sentence.span.end) or ""
    tail = closing[:40]
    labels = {m.group(0).lower() for m in _ANSWER_LABELS.finditer(inner + " " + tail[:25])}
    first_glue = _between(sentence, run[0].span.end, run[1].span.start) or ""
    head_to_head = bool(_HEAD_TO_HEAD.search(opening))
    vote = bool(
        _VOTE_CUE.search(opening[-80:])
        or _VOTE_CUE.search(inner)
        or _OF_THE_VOTE.match(first_glue)
        or head_to_head
    )
    answers = len(labels) >= 2
    split = bool(_SPLIT_CUE.search(opening[-60:]))
    if not (vote or answers) or _NOT_A_SHARE.search(opening[-60:] + inner):
        return None
    if not split and not _all_labelled(sentence, run, opening, closing):
        return None  # "Turnout was 60%, and 52% voted yes": not one list of named shares
    complete = bool(
        split
        or _REST.search(inner[-40:])
        or _REST.search(_between(sentence, run[-2].span.end, end) or "")
    )
    intervals = [interval(q, hedge_slack, round_slack) for q in run]
    if any(iv is None for iv in intervals):
        return None
    summed = total([iv for iv in intervals if iv is not None])
    written = sum(figure(q) or 0.0 for q in run)
    span = Span(start, end)
    related = [q.span for q in run]
    parts = ", ".join(q.text.strip() for q in run)
    evidence = {
        "computed": round(written, 6),
        "computed_range": [finite_or_none(summed.low), finite_or_none(summed.high)],
        "written": 100,
        "tolerance": round(max(written - summed.low, summed.high - written), 6)
        if math.isfinite(summed.high)
        else None,
        "parts": [figure(q) for q in run],
        "complete": complete,
    }
    values = {
        "parts": parts,
        "sum": f"{show(written)}%",
        "range": show_interval(summed, significant=4, suffix="%"),
    }
    if summed.low > 100 + 1e-9:
        return Outcome(
            code="over_100",
            ok=False,
            span=span,
            related=related,
            evidence=evidence,
            values=values,
            message=(
                f"The shares {parts} sum to {show(written)}% (at least "
                f"{show(summed.low)}% allowing for rounding), more than the whole."
            ),
            suggestion=(
                f"One of the shares ({parts}) is wrong, or they are not shares of one "
                f"whole; together they must come to 100%."
            ),
        )
    if complete and summed.high < 100 - 1e-9:
        return Outcome(
            code="under_100",
            ok=False,
            span=span,
            related=related,
            evidence=evidence,
            values=values,
            message=(
                f"The shares {parts} are said to be all of it but sum to "
                f"{show(written)}% (at most {show(summed.high)}% allowing for rounding)."
            ),
            suggestion=(
                f"One of the shares ({parts}) is wrong, or a part is missing from the "
                f"list; together they must come to 100%."
            ),
        )
    code = "under_100" if complete else "over_100"
    return Outcome(
        code=code,
        ok=True,
        span=span,
        related=related,
        evidence=evidence,
        values=values,
        message=f"The shares {parts} can sum to 100% ({values['range']} allowing for rounding)",
    )


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if w.lower() not in _NOT_LABELS]


def _all_labelled(sentence: Sentence, run: list[Quantity], opening: str, closing: str) -> bool:
    """Every share is named: by words right after it ("58% voted yes", "39% no") or right
    before it ("Jones 45%"); in "47 percent to 40 percent" the order names them."""
    for i, q in enumerate(run):
        if i + 1 < len(run):
            glue_after = _between(sentence, q.span.end, run[i + 1].span.start) or ""
        else:
            glue_after = re.split(r"[,;:.()]", closing, maxsplit=1)[0]
        if i > 0:
            glue_before = _between(sentence, run[i - 1].span.end, q.span.start) or ""
            if re.fullmatch(r"\s*to\s*", glue_before, re.IGNORECASE):
                continue
            glue_before = re.split(_SEPARATOR, glue_before)[-1]
        else:
            glue_before = re.split(r"[,;:()]", opening)[-1][-30:]
            if i + 1 < len(run) and re.fullmatch(r"\s*to\s*", glue_after, re.IGNORECASE):
                continue
        after_words = _content_words(_LABEL_END.split(glue_after, maxsplit=1)[0])
        last = re.findall(r"[A-Za-z][A-Za-z'’-]*", glue_before)[-1:]
        before_words = [w for w in last if w.lower() not in _NOT_LABELS]
        if not (after_words or before_words):
            return False
    return True


# --------------------------------------------------------------------------- restatements


def _restatements(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    hedge_slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    round_slack = _optional(params.get("round_slack", DEFAULT_ROUND_SLACK))
    for pair in claims.pairs:
        if pair.kind != "restatement":
            continue
        ratio_q, percent_q = pair.first, pair.second
        if ratio_q.dimension is Dimension.PERCENT:
            ratio_q, percent_q = percent_q, ratio_q
        if ratio_q.dimension is not Dimension.RATIO or percent_q.dimension is not Dimension.PERCENT:
            continue
        share = ratio_share_interval(ratio_q, hedge_slack)
        percent = interval(percent_q, hedge_slack, round_slack)
        value = figure(ratio_q)
        if share is None or percent is None or value is None:
            continue
        as_percent = share.scale(100)
        computed = (value if value <= 1 else value / 100) * 100
        evidence = {
            "computed": round(computed, 4),
            "computed_range": [
                finite_or_none(as_percent.low, 4),
                finite_or_none(as_percent.high, 4),
            ],
            "written": figure(percent_q),
            "written_range": [finite_or_none(percent.low, 4), finite_or_none(percent.high, 4)],
            "tolerance": reach(figure(percent_q), percent, digits=6),
        }
        values = {
            "ratio": ratio_q.text.strip(),
            "written": percent_q.text.strip(),
            "computed": f"{show(computed)}%",
        }
        if as_percent.overlaps(percent):
            yield Outcome(
                code="restatement",
                ok=True,
                span=pair.span,
                related=[ratio_q.span],
                evidence=evidence,
                values=values,
                message=(
                    f"'{values['ratio']}' is {values['computed']}, consistent with "
                    f"'{values['written']}'"
                ),
            )
            continue
        yield Outcome(
            code="restatement",
            ok=False,
            span=percent_q.span,
            related=[ratio_q.span],
            evidence=evidence,
            values=values,
            message=(
                f"'{values['written']}' does not restate '{values['ratio']}', which is "
                f"{values['computed']} ({show_interval(as_percent, suffix='%')} as "
                f"written)."
            ),
            suggestion=(
                f"Either the ratio ('{values['ratio']}') or the percentage "
                f"('{values['written']}') is wrong: '{values['ratio']}' is about "
                f"{values['computed']}."
            ),
        )


# --------------------------------------------------------------------------- GRIM


def _whole_count(q: Quantity, max_count: int) -> int | None:
    """A small exact whole number of things, or None."""
    value = figure(q)
    if (
        q.dimension is not Dimension.COUNT
        or q.bound is not Bound.EXACT
        or q.hedge
        or value is None
        or value != int(value)
        or not 0 < value <= max_count
    ):
        return None
    return int(value)


def _grim(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    hedge_slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    max_count = int(params.get("max_count", DEFAULT_MAX_COUNT))
    seen: set[tuple[int, int]] = set()
    for part, whole, percent in _k_of_n_with_percent(claims):
        n, k = _whole_count(whole, max_count), _whole_count(part, max_count)
        if n is None or k is None or k > n:
            continue
        outcome = _judge_grim(percent, n, k, whole, part, hedge_slack)
        if outcome is not None:
            seen.add((percent.span.start, percent.span.end))
            yield outcome
    for relation in claims.relations:
        if relation.kind != "share_of" or relation.part.dimension is not Dimension.PERCENT:
            continue
        percent, whole = relation.part, relation.whole
        if (percent.span.start, percent.span.end) in seen:
            continue
        n = _whole_count(whole, max_count)
        if n is None:
            continue
        outcome = _judge_grim(percent, n, None, whole, None, hedge_slack)
        if outcome is not None:
            yield outcome


def _k_of_n_with_percent(claims: Claims) -> Iterable[tuple[Quantity, Quantity, Quantity]]:
    """("3", "7 members", "45%") for "3 of 7 members, 45%," or "3 of the 7 members (45%)"."""
    pairs: list[tuple[Quantity, Quantity]] = []
    for relation in claims.relations:
        if relation.kind == "part_of" and relation.cue in ("of", "out of"):
            pairs.append((relation.part, relation.whole))
    ordered = sorted(claims.quantities, key=lambda q: q.span.start)
    known = {(id(p), id(w)) for p, w in pairs}
    for first, second in zip(ordered, ordered[1:], strict=False):
        if (id(first), id(second)) in known or first.dimension is not Dimension.COUNT:
            continue
        sentence = _sentence(claims, first)
        glue = _between(sentence, first.span.end, second.span.start) if sentence else None
        if glue is not None and _K_OF_N_GLUE.match(glue):
            pairs.append((first, second))
    for part, whole in pairs:
        sentence = _sentence(claims, whole)
        if sentence is None:
            continue
        following = [
            q for q in ordered if q.span.start >= whole.span.end and q.span.end <= sentence.span.end
        ]
        if not following or following[0].dimension is not Dimension.PERCENT:
            continue
        glue = _between(sentence, whole.span.end, following[0].span.start)
        if glue is not None and _RESTATING_GLUE.match(glue):
            yield part, whole, following[0]


def _judge_grim(
    percent: Quantity,
    n: int,
    k: int | None,
    whole: Quantity,
    part: Quantity | None,
    hedge_slack: float,
) -> Outcome | None:
    # GRIM reads the percentage literally: its precision is the point of the test.
    percent_iv = interval(percent, hedge_slack, round_slack=None)
    if percent_iv is None or not math.isfinite(percent_iv.high):
        return None
    if percent_iv.high - percent_iv.low >= 100 / n:
        return None  # so coarse a percentage fits some k/N whatever N is: nothing to test
    fits = grim_fractions(percent_iv, n)
    written = figure(percent)
    related = [whole.span] + ([part.span] if part is not None else [])
    evidence: dict[str, Any] = {
        "count": n,
        "written": written,
        "written_range": [finite_or_none(percent_iv.low, 4), finite_or_none(percent_iv.high, 4)],
        "tolerance": reach(written, percent_iv, digits=6),
        "fits": [f"{j}/{n}" for j in fits],
    }
    values = {"written": percent.text.strip(), "count": str(n), "whole": whole.text.strip()}
    if k is not None:
        computed = 100 * k / n
        evidence["computed"] = round(computed, 4)
        values["computed"] = f"{k} of {n} is {show(computed)}%"
        values["part"] = part.text.strip() if part else str(k)
        if percent_iv.contains(computed):
            return Outcome(
                code="grim",
                ok=True,
                span=percent.span,
                related=related,
                evidence=evidence,
                values=values,
                message=f"{values['computed']}, consistent with '{values['written']}'",
            )
        near = _nearest(written, n)
        return Outcome(
            code="grim",
            ok=False,
            span=percent.span,
            related=related,
            evidence=evidence,
            values=values,
            message=(f"'{values['written']}' does not match {k} of {n}: {values['computed']}."),
            suggestion=(
                f"Either the percentage or a count is wrong: {values['computed']}; "
                f"{values['written']} of {n} would be about "
                f"{near} of them."
            ),
        )
    if fits:
        evidence["computed"] = round(100 * fits[0] / n, 4)
        return Outcome(
            code="grim",
            ok=True,
            span=percent.span,
            related=related,
            evidence=evidence,
            values=values,
            message=f"'{values['written']}' of {n} is {fits[0]} of them",
        )
    low_k = math.floor((written or 0) * n / 100)
    candidates = [j for j in (low_k, low_k + 1) if 0 <= j <= n]
    evidence["computed"] = [round(100 * j / n, 4) for j in candidates]
    nearest = " or ".join(f"{show(100 * j / n)}% ({j} of {n})" for j in candidates)
    values["computed"] = f"the nearest are {nearest}"
    return Outcome(
        code="grim",
        ok=False,
        span=percent.span,
        related=related,
        evidence=evidence,
        values=values,
        message=(
            f"No whole number of {n} is '{values['written']}': the nearest shares are {nearest}."
        ),
        suggestion=(
            f"Either the percentage or the count ({whole.text.strip()}) is wrong: a "
            f"share of {n} can be {nearest}."
        ),
    )


def _nearest(percent: float | None, n: int) -> str:
    if percent is None:
        return "?"
    return show(percent * n / 100)


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)
