"""Stated changes: "rose 25% from 200 to 300", "fell 1.6 pct to 55.9 pct from 57.5 pct",
"doubled to 40", "a 5% rise to 300 from 285", "300, up from 200", "twice as many as".

Changes are found from the quantities the quantity extractor already found and the few words
around and between them, never from the raw characters alone. Each sentence is turned into a
*skeleton*: its text with every quantity replaced by one placeholder character (padded to the
quantity's length, so offsets stay aligned). Patterns then read the skeleton: a change word
(a verb such as "rose", a noun such as "rise", an adverb "up"/"down", or a multiplier such as
"doubled") and the slots that follow it: "by P" (the change), "to B" (after), "from A"
(before). A figure that follows a change word without such a slot word ends the search, so an
unrelated figure later in the clause is never taken for an endpoint.

Two repairs of the quantities are made here, because they are facts of the change phrase:

* wire copy omits repeated units and scales ("to 1.5 mln dlrs from 1.43 mln", "to 55.9 pct
  from 57.5"): a bare endpoint inherits the dimension, currency and scale of the other;
* a "from A to B" that the quantity extractor read as one range is split into two endpoints
  when a change word governs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from factcheck.claims import Bound, Change, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.numberwords import word_value

# --------------------------------------------------------------------------- vocabulary

_UP_WORDS = """
rose rise rises rising risen increase increased increases increasing jump jumped jumps jumping
climb climbed climbs climbing gain gained gains gaining grew grow grows growing grown growth
surge surged surges surging soar soared soars soaring rocket rocketed rockets leap leapt leaped
leaps advance advanced advances rebound rebounded rebounds expand expanded expands swell swelled
hike hiked hikes boost boosted boosts raise raised raises
""".split()
_DOWN_WORDS = """
fell fall falls falling fallen decrease decreased decreases decreasing drop dropped drops
dropping slip slipped slips slipping decline declined declines declining lost lose loses losing
shrank shrink shrinks shrunk shrinking slid slide slides sliding sank sink sinks sunk plunge
plunged plunges plunging plummet plummeted plummets tumble tumbled tumbles slump slumped slumps
dip dipped dips ease eased eases contract contracted contracts cut cuts reduce reduced reduces
reduction slash slashed slashes
""".split()
# Words that can be nouns preceded by the size of the change: "a 5% rise".
_NOUN_WORDS = frozenset(
    """
rise rises increase increases jump jumps climb gain gains growth surge leap advance rebound hike
hikes boost fall falls decrease decreases drop drops slip decline declines slide plunge tumble
slump dip cut cuts reduction
""".split()
)
_PHRASAL = {
    r"(?:went|go|goes|gone|going|edged|crept|moved|moving|ticked|shot)\s+(?:up|higher)": "up",
    r"(?:went|go|goes|gone|going|edged|crept|moved|moving|ticked)\s+(?:down|lower)": "down",
}
_DIRECTION = {w: "up" for w in _UP_WORDS} | {w: "down" for w in _DOWN_WORDS}

_FACTOR_WORDS = {
    "doubled": 2.0,
    "double": 2.0,
    "doubles": 2.0,
    "doubling": 2.0,
    "tripled": 3.0,
    "triple": 3.0,
    "triples": 3.0,
    "tripling": 3.0,
    "trebled": 3.0,
    "treble": 3.0,
    "trebles": 3.0,
    "trebling": 3.0,
    "quadrupled": 4.0,
    "quadruple": 4.0,
    "quadruples": 4.0,
    "quadrupling": 4.0,
    "halved": 0.5,
    "halve": 0.5,
    "halves": 0.5,
    "halving": 0.5,
}
# Number words written before "-fold" ("a threefold rise"); their values: numberwords.
_FOLD_WORDS = (
    "two three four five six seven eight nine ten eleven twelve twenty fifty hundred thousand"
).split()
_TIMES_WORDS = {
    "twice": 2.0,
    "half": 0.5,
    "three times": 3.0,
    "four times": 4.0,
    "five times": 5.0,
    "ten times": 10.0,
}

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trn": 1e12,
    "tn": 1e12,
}
_SCALE_IN_TEXT = re.compile(
    r"\d\s*(thousand|million|mln|mn|billion|bln|bn|trillion|trn|tn|k|m|b)\b", re.IGNORECASE
)

# Hedge and bound words that may stand between a slot word and its figure when the quantity
# extractor leaves them out of the figure's span.
_HEDGE = (
    r"(?:(?:about|around|almost|nearly|some|roughly|approximately|an\s+estimated|just|only|"
    r"as\s+(?:much|many|little|few)\s+as|up\s+to|"
    r"more\s+than|less\s+than|over|under|a\s+record|a\s+further|another|a\s+revised|"
    r"a\s+provisional|an?\s+(?:all-time\s+)?(?:high|low)\s+of|the\s+equivalent\s+of)\s+)*"
)
_FACTOR_HEDGE = re.compile(
    r"(?P<hedge>more\s+than|over|almost|nearly|roughly|about|around|some|less\s+than|"
    r"just\s+over|just\s+under|close\s+to|at\s+least)\s+(?:(?:has|have|had|was|were)\s+)?$",
    re.IGNORECASE,
)
_HEDGE_BOUNDS = {
    "more than": Bound.MORE_THAN,
    "over": Bound.MORE_THAN,
    "just over": Bound.MORE_THAN,
    "at least": Bound.AT_LEAST,
    "less than": Bound.LESS_THAN,
    "just under": Bound.LESS_THAN,
}

# Placeholder characters: quantity i becomes chr(_Q0 + i), padded with _PAD to its length.
_Q0 = 0xE000
_PAD = "\uf8ff"
_Q = "[\ue000-\uefff]\uf8ff*"
_PAREN = r"(?:\s*\([^()]*\))?"
# Words that end the reach of a change word: a new clause or another change.
_STOP_WORDS = (
    r"and|but|while|whereas|although|though|as|after|which|who|whose|with|compared|against|"
    r"versus|vs|than|whereby|when|where|because|since|if|or"
)
_CHANGE_WORDS = "|".join(sorted(_DIRECTION, key=len, reverse=True)) + "|up|down"
_FILL = rf"(?:(?!\b(?:{_STOP_WORDS}|{_CHANGE_WORDS})\b)[^\ue000-\uefff\uf8ff;:!?()\[\]])*?"
_MAX_FILL = 70

_SLOT = re.compile(
    rf"(?P<fill>{_FILL})"
    r"(?:(?P<to>\bto\s+(?:(?:close|end|finish|settle|stand)\s+(?:the\s+\w+\s+)?at\s+)?"
    r"|\b(?:closing|ending|finishing|standing|settling)\s+at\s+)"
    r"|(?P<from>\bfrom\s+(?:(?:an?|the|its|their|last\s+year'?s|a\s+revised)\s+)?)"
    r"|(?P<cmp>\b(?:compared\s+(?:with|to)|against|versus|vs\.?|on)\s+"
    r"(?:(?:the|its|their|last\s+year'?s|a)\s+)?)"
    r"|(?P<by>\bby\s+|\bof\s+)"
    r"|(?P<at>\bat\s+)"
    r"|(?P<bare>))"
    rf"{_HEDGE}(?P<q>{_Q})(?P<paren>{_PAREN})",
    re.IGNORECASE,
)
_OR_RESTATED = re.compile(
    rf"\s*,?\s*(?:or|that\s+is|i\.e\.,?)\s+{_HEDGE}(?P<q>{_Q})", re.IGNORECASE
)

_CUE = re.compile(
    r"\b(?P<cue>"
    + "|".join(_PHRASAL)
    + "|"
    + "|".join(sorted(_DIRECTION, key=len, reverse=True))
    + r"|up|down)\b",
    re.IGNORECASE,
)
_FACTOR_CUE = re.compile(
    r"\b(?P<cue>" + "|".join(sorted(_FACTOR_WORDS, key=len, reverse=True)) + r")\b"
    r"|\b(?P<fold>\d+(?:\.\d+)?|" + "|".join(_FOLD_WORDS) + r")[- ]?fold\b",
    re.IGNORECASE,
)
_TIMES_AS = re.compile(
    rf"(?P<after>{_Q}){_PAREN}(?P<gap>[^\ue000-\uefff\uf8ff;:!?]{{0,40}}?)\b"
    r"(?P<mult>twice|half|three\s+times|four\s+times|five\s+times|ten\s+times)\s+"
    r"(?:as\s+(?:many|much|large|big|high|long|great)\s+as|the\s+(?:number|size|level|amount)"
    r"\s+of)\s+(?:(?:the|that\s+of|those\s+of|in|last\s+year'?s)\s+)*"
    rf"(?P<before>{_Q})",
    re.IGNORECASE,
)
# "up"/"down" are change words only next to a figure: "up 5%", "up from 200", "down to 3".
_ADVERB_NEXT = re.compile(rf"\s*(?:by\s+)?(?:{_HEDGE})?{_Q}|\s+(?:from|to)\s+", re.IGNORECASE)
_ADVERB_PHRASAL_BEFORE = re.compile(
    r"\b(?:set|sets|setting|pick|picked|make|made|turn|turned|show|showed|shown|step|stepped|"
    r"put|take|took|speed|sped|back|backed|sign|signed|give|gave|open|opened|bring|brought|"
    r"break|broke|build|built|drive|drove|push|pushed|round|rounded|call|called|come|came|"
    r"line|lined|shut|wind|wound|clamp|crack|slow|slowed|wrap|wrapped|mop|keep|kept|hold|held|"
    r"sum|summed|add|added|tot|totted|run|ran|hand|handed|let|knock|knocked|live|lived|fill|"
    r"filled|load|loaded|clean|cleaned|gear|geared|team|teamed|hit|hits|vote|voted|bid|bids|"
    r"jack|jacked|ramp|ramped|scale|scaled|stand|stood|sit|sat|lie|lay|hunt|hunted|track|"
    r"tracked|count|counted|mount|mounted|pile|piled|stack|stacked|rack|racked|rake|raked)"
    r"\s+$",
    re.IGNORECASE,
)
_RANK_NEAR = re.compile(
    r"^\s*(?:st|nd|rd|th)?\s*(?:place|position|spot|rank|ranking|seed|in\s+the\s+(?:rankings|"
    r"table|charts?|standings|polls?))\b",
    re.IGNORECASE,
)
_RANK_WORDS = re.compile(
    r"\b(?:charts?|positions?|places?|placed|rank|ranked|rankings?|table|standings|list|"
    r"league|seed|seeded|top\s+(?:\d+|ten|five|twenty|three)|number\s+one|no\.?\s*\d)\b",
    re.IGNORECASE,
)
_RANK_BEFORE = re.compile(r"(?:\bno\.?|\bnumber|#|\branked?|\bplace)\s*$", re.IGNORECASE)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(
    r"\b(?:the|past|last|first|next|previous|recent|latest|coming|those|these)\s+$", re.I
)
_FOLD_AFTER = re.compile(r"[- ]?fold\b", re.IGNORECASE)
_YEAR_TEXT = re.compile(r"^\s*(?:1[6-9]\d\d|20\d\d)\s*$")
_LEADING_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?", re.IGNORECASE)


# --------------------------------------------------------------------------- public API


def find_changes(text: str, quantities: list[Quantity], sentences: list[Sentence]) -> list[Change]:
    """Every change the text states between figures, in text order."""
    changes: list[Change] = []
    for sentence in sentences:
        inside = [
            q
            for q in quantities
            if sentence.span.start <= q.span.start and q.span.end <= sentence.span.end
        ]
        if not inside and not _FACTOR_CUE.search(sentence.text):
            continue
        try:
            changes.extend(_changes_in_sentence(text, sentence, inside))
        except (ValueError, IndexError, ArithmeticError):
            continue  # bad input never stops extraction; this sentence yields nothing
    changes.sort(key=lambda c: (c.span.start, c.span.end))
    return changes


# --------------------------------------------------------------------------- one sentence


@dataclass(slots=True)
class _Draft:
    cue: str
    cue_span: Span
    direction: str | None
    before: Quantity | None = None
    after: Quantity | None = None
    change: Quantity | None = None
    factor: float | None = None


def _changes_in_sentence(text: str, sentence: Sentence, inside: list[Quantity]) -> list[Change]:
    base = sentence.span.start
    tokens = _usable(text, sentence, inside)
    tokens = _split_from_to_ranges(text, sentence, tokens)
    tokens.sort(key=lambda q: q.span.start)
    skeleton = _skeleton(sentence.text, base, tokens)
    drafts: list[_Draft] = []
    taken: set[int] = set()  # skeleton offsets of cue words already handled

    for match in _FACTOR_CUE.finditer(skeleton):
        draft = _factor_draft(skeleton, base, match, tokens)
        if draft is None:
            continue
        slots_from = match.end()
        noun = _NOUN_AFTER_FACTOR.match(skeleton, slots_from)
        if noun:  # "a threefold increase to 90": the noun belongs to the multiplier
            taken.add(noun.start("noun"))
            slots_from = noun.end()
        _fill_slots(skeleton, slots_from, tokens, draft, first_slot_change=False)
        drafts.append(draft)
        taken.add(match.start())

    for match in _TIMES_AS.finditer(skeleton):
        mult = re.sub(r"\s+", " ", match.group("mult").lower())
        factor = _TIMES_WORDS.get(mult)
        if factor is None:
            continue
        cue_start, cue_end = match.start("mult"), match.end("mult")
        factor_q = _factor_quantity(skeleton, base, cue_start, cue_end, factor, sentence)
        drafts.append(
            _Draft(
                cue=sentence.text[cue_start:cue_end],
                cue_span=Span(base + cue_start, base + cue_end),
                direction=None,
                before=_token(match.group("before"), tokens),
                after=_token(match.group("after"), tokens),
                change=factor_q,
                factor=factor,
            )
        )

    for match in _CUE.finditer(skeleton):
        if match.start() in taken:
            continue
        word = re.sub(r"\s+", " ", match.group("cue").lower())
        direction = _direction_of(word)
        adverb = word in ("up", "down")
        if adverb and not _is_change_adverb(skeleton, match):
            continue
        # A multiplier word right after the verb ("rose threefold") is its own change.
        if _FACTOR_CUE.match(skeleton, _skip_space(skeleton, match.end())):
            continue
        draft = _Draft(
            cue=sentence.text[match.start() : match.end()],
            cue_span=Span(base + match.start(), base + match.end()),
            direction=direction,
        )
        head = word.split()[-1]
        if head in _NOUN_WORDS:
            _noun_change(skeleton, match.start(), tokens, draft)
        if adverb or draft.change is not None or head in _NOUN_WORDS:
            end = match.start() if draft.change is None else draft.change.span.start - base
            _context_before(skeleton, end, tokens, draft, adverb=adverb)
        _fill_slots(
            skeleton,
            match.end(),
            tokens,
            draft,
            first_slot_change=draft.change is None,
            adverb=adverb,
        )
        drafts.append(draft)

    changes = [_finish(text, sentence, d) for d in drafts]
    return _merge([c for c in changes if c is not None])


def _usable(text: str, sentence: Sentence, inside: list[Quantity]) -> list[Quantity]:
    """Quantities that can be a change or an endpoint: not a year, not an ordinal."""
    usable = []
    for q in sorted(inside, key=lambda q: q.span.start):
        surface = text[q.span.start : q.span.end]
        if q.bound is Bound.UNIT_ONLY or not q.has_figure:
            continue
        if q.dimension is Dimension.COUNT and q.unit is None and _YEAR_TEXT.match(surface):
            continue
        if (
            _ORDINAL.search(surface)
            or _FOLD_AFTER.match(text, q.span.end)
            or surface.lower().endswith("fold")
        ):
            continue  # "12th", "10-fold": read as words, not as figures
        if q.dimension is Dimension.DURATION and _PERIOD_BEFORE.search(
            text[max(sentence.span.start, q.span.start - 12) : q.span.start]
        ):
            continue  # "in the three months to December": when, not what changed
        if usable and q.span.start < usable[-1].span.end:
            continue  # overlapping claims: keep the first
        usable.append(q)
    return usable


def _skeleton(sentence_text: str, base: int, tokens: list[Quantity]) -> str:
    chars = list(sentence_text)
    for i, q in enumerate(tokens):
        start, end = q.span.start - base, q.span.end - base
        chars[start] = chr(_Q0 + i)
        for k in range(start + 1, end):
            chars[k] = _PAD
    return "".join(chars)


def _token(placeholder: str | None, tokens: list[Quantity]) -> Quantity | None:
    if not placeholder:
        return None
    index = ord(placeholder[0]) - _Q0
    return tokens[index] if 0 <= index < len(tokens) else None


def _skip_space(skeleton: str, pos: int) -> int:
    while pos < len(skeleton) and skeleton[pos].isspace():
        pos += 1
    return pos


def _direction_of(word: str) -> str | None:
    if word in _DIRECTION:
        return _DIRECTION[word]
    if word in ("up", "down"):
        return word
    for pattern, direction in _PHRASAL.items():
        if re.fullmatch(pattern, word):
            return direction
    return None


def _is_change_adverb(skeleton: str, match: re.Match[str]) -> bool:
    """ "up 5%", "up from 200", "(down 3%)": "up"/"down" next to a figure, not "set up",
    "up to 8%" (a bound) or "down the road"."""
    following = skeleton[match.end() :]
    if not _ADVERB_NEXT.match(following):
        return False
    if _ADVERB_PHRASAL_BEFORE.search(skeleton[: match.start()]):
        return False
    if re.match(r"\s+to\s+", following, re.IGNORECASE) and match.group("cue").lower() == "up":
        # "up to 8%" is a bound unless a "from" follows: "up to 300 from 200".
        rest = following[: _MAX_FILL + 20]
        if not re.search(
            rf"{_Q}{_PAREN}[^\ue000-\uefff]{{0,40}}\bfrom\s+{_HEDGE}{_Q}", rest, re.IGNORECASE
        ):
            return False
    return True


# --------------------------------------------------------------------------- slots


def _fill_slots(
    skeleton: str,
    pos: int,
    tokens: list[Quantity],
    draft: _Draft,
    *,
    first_slot_change: bool,
    adverb: bool = False,
) -> None:
    """Read "by P", "to B", "from A", "compared with A" after a change word."""
    first = True
    for _ in range(4):
        match = _SLOT.match(skeleton, pos)
        if match is None or len(match.group("fill")) > _MAX_FILL:
            return
        q = _token(match.group("q"), tokens)
        if q is None:
            return
        fill = match.group("fill")
        role = None
        if match.group("to") is not None:
            role = "after"
        elif match.group("from") is not None or match.group("cmp") is not None:
            role = "before"
        elif match.group("by") is not None:
            # "rose by 5%", "an increase of 5%": the size of the change, read first.
            role = "change" if first else None
        elif match.group("at") is not None:
            role = "after" if adverb and draft.after is None else None
        elif first and not fill.strip():
            role = "change"
        if role is None:
            return
        if role == "change" and (draft.change is not None or not first_slot_change):
            return
        if getattr(draft, role) is not None:
            return
        if role == "before" and match.group("cmp") is not None and draft.before is None:
            if draft.after is None and draft.change is None:
                return  # "rose compared with 200" names no change of its own
        setattr(draft, role, q)
        _restated_in_paren(match.group("paren"), tokens, draft, role)
        pos = match.end()
        first = False
        restated = _OR_RESTATED.match(skeleton, pos)
        if (
            restated
            and draft.change is None
            and draft.before is not None
            and draft.after is not None
        ):
            q2 = _token(restated.group("q"), tokens)
            if q2 is not None and q2.dimension in (Dimension.PERCENT, Dimension.PERCENTAGE_POINT):
                draft.change = q2
                pos = restated.end()


def _restated_in_paren(paren: str, tokens: list[Quantity], draft: _Draft, role: str) -> None:
    """ "from 200 to 300 (50%)" or "(up 50%)": a percentage in brackets after an endpoint is
    the size of the change; anything else in brackets (a conversion) is skipped."""
    if not paren or draft.change is not None or role == "change":
        return
    inner = re.findall(_Q, paren)
    if len(inner) != 1:
        return
    q = _token(inner[0], tokens)
    endpoint = getattr(draft, role)
    if q is None or endpoint is None:
        return
    if q.dimension in (Dimension.PERCENT, Dimension.PERCENTAGE_POINT) and (
        endpoint.dimension not in (Dimension.PERCENT, Dimension.PERCENTAGE_POINT)
    ):
        if re.search(r"\b(?:down|fall|drop|decline|decrease|cut|-|−)", paren, re.IGNORECASE):
            draft.direction = draft.direction or "down"
        draft.change = q


_NOUN_AFTER_FACTOR = re.compile(
    r"\s+(?P<noun>rise|increase|jump|gain|growth|surge|leap|hike|boost)s?\b"
    r"(?:\s+in\s+[\w\s'-]{0,30}?(?=\s+(?:to|from)\b))?",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(
    rf"(?P<q>{_Q})\s*(?:-\s*)?(?:(?:[a-z]+-)*[a-z]+\s+){{0,2}}$", re.IGNORECASE
)
_NOUN_ADJECTIVES = frozenset(
    """
annual annualised annualized year-on-year year-over-year month-on-month quarterly monthly weekly
daily overall total further sharp steep modest slight small big huge massive dramatic record
marked significant sudden surprise unexpected average real nominal underlying cumulative
percentage per cent percent point points fold
""".split()
)


def _noun_change(skeleton: str, cue_start: int, tokens: list[Quantity], draft: _Draft) -> None:
    """ "a 5% rise", "a 5 per cent year-on-year increase": the figure before the noun."""
    window = skeleton[max(0, cue_start - 60) : cue_start]
    match = _NOUN_BEFORE.search(window)
    if match is None:
        return
    between = window[match.end("q") :].split()
    if any(w.strip("-").lower() not in _NOUN_ADJECTIVES for w in between if w != "-"):
        return
    q = _token(match.group("q"), tokens)
    if q is not None and q.dimension in (Dimension.PERCENT, Dimension.PERCENTAGE_POINT):
        draft.change = q


_FROM_TO_BEFORE = re.compile(
    rf"\bfrom\s+{_HEDGE}(?P<before>{_Q}){_PAREN}\s*(?:\w+\s+){{0,3}}?to\s+{_HEDGE}"
    rf"(?P<after>{_Q}){_PAREN}"
    r"(?:\s+(?:\w+\s+){0,4}?)?\s*[,;(–—-]?\s*(?:(?:which\s+is|which\s+was|representing|marking|"
    r"making|or|that\s+is)\s+)?(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_TO_FROM_BEFORE = re.compile(
    rf"\bto\s+{_HEDGE}(?P<after>{_Q}){_PAREN}\s*(?:\w+\s+){{0,4}}?from\s+{_HEDGE}"
    rf"(?P<before>{_Q}){_PAREN}\s*[,;(–—-]?\s*(?:(?:which\s+is|which\s+was|representing|"
    r"marking|making|or|that\s+is)\s+)?(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_AFTER_BEFORE = re.compile(
    rf"(?P<after>{_Q}){_PAREN}(?:\s+[a-z][\w'-]*){{0,3}}\s*[,;(–—-]\s*"
    r"(?:(?:which\s+is|which\s+was|representing|marking|an?|the)\s+)?$",
    re.IGNORECASE,
)
_BEFORE_VERB = re.compile(
    r"\b(?:is|are|was|were|been|be|closed|ended|finished|stood|"
    r"traded|trading|is\s+now|are\s+now)\s+$",
    re.IGNORECASE,
)


def _context_before(
    skeleton: str, end: int, tokens: list[Quantity], draft: _Draft, *, adverb: bool
) -> None:
    """Endpoints written before the change phrase: "from 200 to 300, a 50% rise",
    "300, up from 200", "sales of 300 (up 5%)"."""
    window = skeleton[max(0, end - 160) : end]
    for pattern in (_FROM_TO_BEFORE, _TO_FROM_BEFORE):
        match = pattern.search(window)
        if match:
            draft.before = _token(match.group("before"), tokens)
            draft.after = _token(match.group("after"), tokens)
            return
    if _BEFORE_VERB.search(window):
        return
    match = _AFTER_BEFORE.search(window)
    if match:
        draft.after = _token(match.group("after"), tokens)


# --------------------------------------------------------------------------- multipliers


def _factor_draft(
    skeleton: str, base: int, match: re.Match[str], tokens: list[Quantity]
) -> _Draft | None:
    if match.group("cue"):
        word = match.group("cue").lower()
        factor = _FACTOR_WORDS[word]
    else:
        number = match.group("fold").lower()
        factor = float(word_value(number) or number)
        if factor <= 1:
            return None
        preceding = skeleton[max(0, match.start() - 30) : match.start()]
        words = re.findall(r"[a-z]+", preceding.lower())[-2:]
        if any(_DIRECTION.get(w) == "down" for w in words):
            return None  # "fell threefold" has no agreed meaning
    sentence_text_cue = skeleton[match.start() : match.end()]
    factor_q = _factor_quantity(skeleton, base, match.start(), match.end(), factor, None)
    factor_q.text = sentence_text_cue
    return _Draft(
        cue=sentence_text_cue,
        cue_span=Span(base + match.start(), base + match.end()),
        direction="down" if factor < 1 else "up",
        change=factor_q,
        factor=factor,
    )


def _factor_quantity(
    skeleton: str, base: int, start: int, end: int, factor: float, sentence: Sentence | None
) -> Quantity:
    """A multiplier as a ratio quantity, with the hedge or bound written before it."""
    hedge = _FACTOR_HEDGE.search(skeleton[max(0, start - 30) : start])
    bound, hedge_word = Bound.EXACT, None
    if hedge:
        hedge_word = re.sub(r"\s+", " ", hedge.group("hedge").lower())
        bound = _HEDGE_BOUNDS.get(hedge_word, Bound.APPROX)
    return Quantity(
        span=Span(base + start, base + end),
        text=skeleton[start:end],
        value=factor,
        dimension=Dimension.RATIO,
        bound=bound,
        hedge=hedge_word,
        sentence=sentence.index if sentence else 0,
    )


# --------------------------------------------------------------------------- ranges


def _split_from_to_ranges(text: str, sentence: Sentence, tokens: list[Quantity]) -> list[Quantity]:
    """ "rose from 200 to 300" read as one range: two endpoints in the order written."""
    result: list[Quantity] = []
    for q in tokens:
        surface = text[q.span.start : q.span.end]
        before = text[max(sentence.span.start, q.span.start - 8) : q.span.start]
        split = re.search(r"\s+to\s+", surface)
        if (
            q.bound is Bound.RANGE
            and q.low is not None
            and q.high is not None
            and split is not None
            and (surface.lower().startswith("from ") or re.search(r"\bfrom\s+$", before, re.I))
        ):
            left_start = q.span.start
            lead = re.match(r"from\s+", surface, re.IGNORECASE)
            if lead:
                left_start += lead.end()
            left = Span(left_start, q.span.start + split.start())
            right = Span(q.span.start + split.end(), q.span.end)
            first, second = _range_order(
                text[left.start : left.end], text[right.start : right.end], q.low, q.high
            )
            for span, value in ((left, first), (right, second)):
                result.append(
                    replace(
                        q,
                        span=span,
                        text=text[span.start : span.end],
                        value=value,
                        low=None,
                        high=None,
                        bound=Bound.EXACT,
                    )
                )
            continue
        result.append(q)
    return result


def _scaled_number(part: str) -> tuple[float, float | None] | None:
    match = _LEADING_NUMBER.search(part)
    if match is None:
        return None
    try:
        number = float(match.group(1).replace(",", ""))
    except ValueError:
        return None
    word = (match.group(2) or "").lower()
    return number, _SCALES.get(word)


def _range_order(left: str, right: str, low: float, high: float) -> tuple[float, float]:
    """Which end of the range was written first ("from 300 to 200" falls)."""
    a, b = _scaled_number(left), _scaled_number(right)
    if a is None or b is None:
        return low, high
    scale_a = a[1] or b[1] or 1.0
    scale_b = b[1] or a[1] or 1.0
    return (high, low) if a[0] * scale_a > b[0] * scale_b else (low, high)


# --------------------------------------------------------------------------- finishing


def _finish(text: str, sentence: Sentence, draft: _Draft) -> Change | None:
    if draft.before is None and draft.after is None:
        if draft.change is None or draft.factor is not None:
            return None  # "doubled" alone relates no figures
    before, after = draft.before, draft.after
    if before is not None and after is not None:
        if _is_rank(text, before) or _is_rank(text, after):
            return None
        if draft.change is None and _RANK_WORDS.search(sentence.text):
            return None  # "crept up from six to five" in the charts: places, not amounts
        before, after = _align(text, before, after)
    spans = [draft.cue_span] + [q.span for q in (before, after, draft.change) if q is not None]
    span = Span(min(s.start for s in spans), max(s.end for s in spans))
    return Change(
        span=span,
        before=before,
        after=after,
        change=draft.change,
        factor=draft.factor,
        direction=draft.direction,
        cue=re.sub(r"\s+", " ", draft.cue.strip()),
        sentence=sentence.index,
    )


def _is_rank(text: str, q: Quantity) -> bool:
    """Places in a ranking run the other way: "rose to No 3 from 12th" is a rise."""
    after = text[q.span.end : q.span.end + 40]
    before = text[max(0, q.span.start - 12) : q.span.start]
    return bool(_RANK_NEAR.match(after) or _RANK_BEFORE.search(before))


def _align(text: str, before: Quantity, after: Quantity) -> tuple[Quantity, Quantity]:
    """Wire copy leaves the unit and scale off one endpoint: "to 1.5 mln dlrs from 1.43 mln",
    "to 55.9 pct from 57.5". The bare endpoint takes them from the other."""
    before = _inherit(before, after)
    after = _inherit(after, before)
    b_value, a_value = before.value, after.value
    if b_value and a_value and b_value > 0 and a_value > 0:
        big, small = (before, after) if b_value > a_value else (after, before)
        if big.value / small.value >= 500:
            scale = _scale_of(text, big)
            if scale and _scale_of(text, small) is None and small.value * scale <= big.value * 50:
                scaled = _rescale(small, scale)
                before, after = (before, scaled) if small is after else (scaled, after)
    return before, after


def _inherit(bare: Quantity, other: Quantity) -> Quantity:
    if bare.dimension is not Dimension.COUNT or bare.unit is not None or bare.noun:
        return bare
    if other.dimension is Dimension.COUNT and other.unit is None:
        return bare
    return replace(bare, dimension=other.dimension, currency=other.currency, unit=other.unit)


def _scale_of(text: str, q: Quantity) -> float | None:
    match = _SCALE_IN_TEXT.search(text[q.span.start : q.span.end])
    if match is None:
        return None
    return _SCALES.get(match.group(1).lower())


def _rescale(q: Quantity, scale: float) -> Quantity:
    def times(x: float | None) -> float | None:
        return None if x is None else x * scale

    return replace(
        q, value=times(q.value), low=times(q.low), high=times(q.high), precision=times(q.precision)
    )


def _merge(changes: Iterable[Change]) -> list[Change]:
    """One change per pair of endpoints: "rose from 200 to 300, a 50% increase" is found from
    the verb and from the noun; keep one with everything."""
    merged: list[Change] = []
    for change in changes:
        for kept in merged:
            if _same_endpoints(kept, change):
                kept.change = kept.change or change.change
                kept.factor = kept.factor if kept.factor is not None else change.factor
                kept.direction = kept.direction or change.direction
                kept.span = Span(
                    min(kept.span.start, change.span.start), max(kept.span.end, change.span.end)
                )
                break
            if _contained(change, kept):
                break
        else:
            merged.append(change)
    return merged


def _key(q: Quantity | None) -> tuple[int, int] | None:
    return None if q is None else (q.span.start, q.span.end)


def _same_endpoints(a: Change, b: Change) -> bool:
    if a.before is None or a.after is None:
        return False
    return (
        _key(a.before) == _key(b.before)
        and _key(a.after) == _key(b.after)
        and (a.change is None or b.change is None or _key(a.change) == _key(b.change))
    )


def _contained(inner: Change, outer: Change) -> bool:
    """Every figure of ``inner`` is already in ``outer``."""
    keys = {_key(q) for q in (outer.before, outer.after, outer.change) if q is not None}
    mine = {_key(q) for q in (inner.before, inner.after, inner.change) if q is not None}
    return bool(mine) and mine <= keys
