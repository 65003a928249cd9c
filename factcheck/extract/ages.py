"""Ages and the dates that bear on them: "the 45-year-old ... born in 1978", "Smith, 45,",
"died aged 79", "founded 25 years ago in 1990", "its 50th anniversary ... founded in 1974".

An ``Age`` pairs a stated age (a ``Quantity`` in years) with the birth or founding date written
for the same subject. Two families:

* a person's (or thing's) age: "the 45-year-old", "aged 45", "Smith, 45,", "turned 45",
  "died at the age of 95" (cue ``year-old``, ``aged``, ``appositive``, ``turned``, ``died``),
  paired with "born (in) 1978", "(b. 1978)", or for things "built/founded in 1919";
* elapsed years: "25 years ago, in 1990" and "the 50th anniversary of ... 1974" (cue
  ``years ago``, ``anniversary``), paired with the year written next to them.

Pairing is deliberately cautious, because a wrong pair is a false alarm: in one sentence an age
and a birth pair when each is the only one or they stand close together; across sentences only
by the subject's name ("Stevens was born in 1920 ... Stevens died at the age of 99") or when
"the N-year-old" refers back to the one birth in the two sentences before. Ages told of a past
moment ("at the age of 12 she moved", "as a 17-year-old", "then-45-year-old") are not ages on
the publication date and are skipped. A sentence that mentions a year the date extractor did
not resolve is skipped too: the age may be told as of that year.

The age figure is found here from the text (the quantity extractor may read "45-year-old" as a
duration or not at all); the birth year is taken from the date extractor's claims where they
cover it, else built here as a year-long ``DateClaim``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.claims import (
    Age,
    Bound,
    DateClaim,
    Dimension,
    Granularity,
    Quantity,
    Resolution,
    Sentence,
)
from factcheck.document import Span

# --------------------------------------------------------------------------- numbers in words

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_CARDINAL_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_UNITS)
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"|a\s+hundred|one\s+hundred|hundred)"
)
_ORDINAL_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")[- ](?:"
    + "|".join(_ORDINAL_UNITS)
    + r")|"
    + "|".join(sorted(list(_ORDINAL_TENS) + list(_ORDINAL_UNITS), key=len, reverse=True))
    + r")"
)


def word_number(word: str) -> int | None:
    """ "45" -> 45, "forty-five" -> 45, "a hundred" -> 100, "fiftieth" -> 50, "25th" -> 25."""
    text = " ".join(word.lower().replace("-", " ").split())
    digits = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?", text)
    if digits:
        return int(digits.group(1))
    if text in ("a hundred", "one hundred", "hundred", "hundredth"):
        return 100
    total = 0
    for part in text.split():
        if part in _UNITS:
            total += _UNITS[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part in _ORDINAL_UNITS:
            total += _ORDINAL_UNITS[part]
        elif part in _ORDINAL_TENS:
            total += _ORDINAL_TENS[part]
        else:
            return None
    return total or None


# --------------------------------------------------------------------------- patterns

_NUM = rf"(?P<num>\d{{1,3}}|{_CARDINAL_WORD})"
_YEAR_OLD = re.compile(rf"\b{_NUM}(?:-|\s)years?(?:-|\s)old\b", re.IGNORECASE)
_AGED = re.compile(
    r"\baged\s+(?P<num>\d{1,3})\b(?!\s*(?:-|–|—|to\b|and\b|or\b|\+|years?\s+(?:and|or)\b|"
    r"and\s+(?:over|above|older|under|younger)|or\s+(?:over|above|older|under|younger)))",
    re.IGNORECASE,
)
_DIED = re.compile(
    r"\b(?:died|dies|passed\s+away|death|was\s+killed|were\s+killed)\b[^.;]{0,60}?"
    r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+)(?P<num>\d{1,3})\b",
    re.IGNORECASE,
)
_TURNED = re.compile(
    r"\b(?:turned|turns|turning)\s+(?P<num>\d{1,3})\b(?!\s*(?:%|per|degrees|"
    r"°|points|years?\s+(?:ago|since|after|before)))",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r"(?P<name>\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|bin|al|da|del|la|le))*)"
    r",\s+(?P<num>\d{1,3}),\s+(?!\d)"
)
# Ages told of a past moment, not of the publication date.
_PAST_AGE_BEFORE = re.compile(
    r"(?:\bthen[- ]|\bas\s+an?\s+|\bwhen\s+(?:\w+\s+){0,2}(?:was|were)\s+(?:an?\s+|just\s+)?|"
    r"\bat\s+(?:the\s+)?age\s+(?:of\s+)?|\bby\s+(?:the\s+)?age\s+(?:of\s+)?|\bformer\s+)$",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:He|She)\b[^,;]{0,40}$")
_BORN = re.compile(r"(?<![-\w])born\b(?P<rest>[^;()]{0,70})", re.IGNORECASE)
_BORN_STOP = re.compile(
    r"\b(?:and|but|before|after|when|where|while|moved|died|who|which|"
    r"then|until|since)\b",
    re.IGNORECASE,
)
_B_DOT = re.compile(r"\(\s*(?:b\.|born)\s*(?P<year>1[5-9]\d\d|20\d\d)\s*\)", re.IGNORECASE)
_FOUNDED = re.compile(
    r"\b(?:founded|co-founded|established|formed|created|built|opened|launched|set\s+up|"
    r"inaugurated|incorporated|constructed|completed|erected|started|began)\b"
    r"(?P<rest>[^;()]{0,45})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d,.$£€])\b(?P<year>1[5-9]\d\d|20\d\d)\b(?![\d,.]\d|s\b|'s\b|%)")
_AGO = re.compile(
    r"(?P<hedge>\b(?:more\s+than|over|nearly|almost|about|some|around|roughly|just\s+over|"
    r"just\s+under|less\s+than|close\s+to)\s+)?"
    rf"\b{_NUM}\s+years\s+(?P<kind>ago|since)\b",
    re.IGNORECASE,
)
_ANNIVERSARY = re.compile(
    rf"\b(?P<num>\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORD})\s+(?:\w+\s+)?anniversary\b",
    re.IGNORECASE,
)
_YEAR_RIGHT_AFTER = re.compile(
    r"\s*,?\s*(?:(?:back\s+)?in\s+(?:the\s+year\s+)?|,\s*)?(?P<year>1[5-9]\d\d|20\d\d)\b"
)
_YEAR_RIGHT_BEFORE = re.compile(
    r"\b(?:in\s+)?(?P<year>1[5-9]\d\d|20\d\d)\s*[,–—-]?\s*(?:(?:some|about|nearly|almost|"
    r"more\s+than|over|around|roughly|or)\s+)?$"
)
_ANNIVERSARY_OF_YEAR = re.compile(
    r"[^;.]{0,60}?\b(?:of|since|in)\s+(?:the\s+)?(?:\w+\s+){0,5}?(?P<year>1[5-9]\d\d|20\d\d)\b"
)
_NAME_TOKEN = re.compile(r"\b[A-Z][\w'’-]+")
_NOT_NAMES = frozenset(
    """
The A An In On At Of For And But Or As By From To With After Before When While Yesterday
Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December He She They It His Her Their
This That These Those Mr Mrs Ms Dr Sir Lady Lord President Prime Minister Former Late Born
Officials Police According Earlier Later Last Next US UK UN EU English British American
""".split()
)


# --------------------------------------------------------------------------- public API


def find_ages(
    text: str,
    quantities: list[Quantity],
    dates: list[DateClaim],
    sentences: list[Sentence],
) -> list[Age]:
    """Every age the text pairs with a birth or founding date, in text order."""
    del quantities  # ages are read from the text: the quantity extractor may miss them
    try:
        return _find(text, dates, sentences)
    except (ValueError, IndexError, ArithmeticError):
        return []


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _AgeMention:
    span: Span
    number_span: Span
    value: int
    cue: str
    sentence: Sentence
    subject: str | None = None
    names: frozenset[str] = field(default_factory=frozenset)
    definite: bool = False
    pronoun: bool = False  # "He was aged 84", "She died aged 90": the article's subject
    bound: Bound = Bound.EXACT
    hedge: str | None = None
    elapsed: bool = False  # "years ago" / "anniversary": paired with an adjacent year


@dataclass(slots=True)
class _BirthMention:
    span: Span
    year_span: Span
    year: int
    sentence: Sentence
    founding: bool
    names: frozenset[str] = field(default_factory=frozenset)


def _find(text: str, dates: list[DateClaim], sentences: list[Sentence]) -> list[Age]:
    ages: list[Age] = []
    births_by_sentence: dict[int, list[_BirthMention]] = {}
    mentions_by_sentence: dict[int, list[_AgeMention]] = {}
    for sentence in sentences:
        births_by_sentence[sentence.index] = _births(sentence)
        mentions_by_sentence[sentence.index] = _person_ages(sentence)
    all_births = [b for bs in births_by_sentence.values() for b in bs]
    order = [s.index for s in sentences]
    position = {index: i for i, index in enumerate(order)}

    for sentence in sentences:
        births = births_by_sentence[sentence.index]
        elapsed = list(_elapsed_pairs(sentence))
        known_years = {b.year_span.start for b in births} | {b.year_span.start for _, b in elapsed}
        if _unresolved_year(sentence, dates, known_years):
            continue
        for mention, birth in elapsed:
            ages.append(_age(mention, birth, dates))
        mentions = mentions_by_sentence[sentence.index]
        person_births = [b for b in births if not b.founding]
        for mention in mentions:
            birth = _pair_in_sentence(mention, mentions, person_births, births)
            if birth is None:
                birth = _pair_by_name(mention, all_births)
            if birth is None and mention.definite:
                birth = _pair_by_anaphora(mention, births_by_sentence, order, position)
            if birth is None and mention.pronoun:
                person_births_all = [b for b in all_births if not b.founding]
                if len(person_births_all) == 1:  # "He was aged 84": the one birth told
                    birth = person_births_all[0]
            if birth is not None:
                ages.append(_age(mention, birth, dates))
    ages.sort(key=lambda a: (a.span.start, a.span.end))
    return ages


def _abs(sentence: Sentence, start: int, end: int) -> Span:
    return Span(sentence.span.start + start, sentence.span.start + end)


def _person_ages(sentence: Sentence) -> list[_AgeMention]:
    found: dict[int, _AgeMention] = {}
    s = sentence.text
    for pattern, cue in (
        (_DIED, "died"),
        (_YEAR_OLD, "year-old"),
        (_AGED, "aged"),
        (_TURNED, "turned"),
        (_APPOSITIVE, "appositive"),
    ):
        for match in pattern.finditer(s):
            start = match.start("num")
            if start in found:
                continue
            value = word_number(match.group("num"))
            if value is None or not 0 < value <= 130:
                continue
            before = s[: match.start()]
            if cue != "died" and _PAST_AGE_BEFORE.search(before):
                continue
            if cue == "appositive" and not _names(match.group("name")):
                continue
            definite = cue == "year-old" and bool(
                re.search(r"\b(?:the|this)\s+$", before, re.IGNORECASE)
            )
            if (
                cue == "year-old"
                and re.search(r"\b(?:a|an)\s+$", before, re.IGNORECASE)
                and not re.search(r"\b(?:is|was|are|were)\s+(?:a|an)\s+$", before, re.IGNORECASE)
            ):
                # "a 45-year-old man" introduces someone; pair only with a birth written
                # right beside it, never by name or across sentences.
                cue = "year-old (indefinite)"
            subject = match.group("name") if cue == "appositive" else _subject_before(before)
            end = match.end("num") if cue == "appositive" else match.end()
            found[start] = _AgeMention(
                span=_abs(sentence, match.start(), end),
                number_span=_abs(sentence, start, match.end("num")),
                value=value,
                cue=cue,
                sentence=sentence,
                subject=subject,
                names=_names(subject or "") | _names(before[-80:])
                if cue != "appositive"
                else _names(subject or ""),
                definite=definite,
                pronoun=cue in ("aged", "died", "turned") and bool(_PRONOUN_SUBJECT.match(before)),
            )
    return sorted(found.values(), key=lambda m: m.span.start)


def _births(sentence: Sentence) -> list[_BirthMention]:
    births: list[_BirthMention] = []
    s = sentence.text
    for match in _B_DOT.finditer(s):
        births.append(
            _BirthMention(
                span=_abs(sentence, match.start(), match.end()),
                year_span=_abs(sentence, match.start("year"), match.end("year")),
                year=int(match.group("year")),
                sentence=sentence,
                founding=False,
                names=_names(s[max(0, match.start() - 60) : match.start()]),
            )
        )
    for pattern, founding in ((_BORN, False), (_FOUNDED, True)):
        for match in pattern.finditer(s):
            rest = match.group("rest")
            stop = _BORN_STOP.search(rest)
            if stop:
                rest = rest[: stop.start()]
            year = _YEAR.search(rest)
            if year is None:
                continue
            year_start = match.start("rest") + year.start("year")
            if any(b.year_span.start == sentence.span.start + year_start for b in births):
                continue
            births.append(
                _BirthMention(
                    span=_abs(sentence, match.start(), match.start("rest") + year.end("year")),
                    year_span=_abs(sentence, year_start, year_start + 4),
                    year=int(year.group("year")),
                    sentence=sentence,
                    founding=founding,
                    names=_names(s[max(0, match.start() - 60) : match.start()]),
                )
            )
    return births


def _names(text: str) -> frozenset[str]:
    """Capitalised words that may name someone, without titles, months and sentence openers."""
    clause = re.split(r"[;:]|\.\s", text)[-1]
    return frozenset(
        t.strip("'’")
        for t in _NAME_TOKEN.findall(clause)
        if t.strip("'’") not in _NOT_NAMES and len(t) > 1
    )


def _subject_before(before: str) -> str | None:
    names = [
        t for t in _NAME_TOKEN.findall(re.split(r"[;:]|\.\s", before)[-1]) if t not in _NOT_NAMES
    ]
    return names[-1] if names else None


# --------------------------------------------------------------------------- elapsed years


def _elapsed_pairs(sentence: Sentence) -> Iterable[tuple[_AgeMention, _BirthMention]]:
    """ "25 years ago, in 1990", "in 1990, 25 years ago", "its 50th anniversary ... 1974"."""
    s = sentence.text
    # _AGO starts with an optional hedge, so it is slow to scan; it always needs "years".
    matches = _AGO.finditer(s) if "years" in s.lower() else ()
    for match in matches:
        value = word_number(match.group("num"))
        if value is None or not 0 < value <= 1000:
            continue
        year = _YEAR_RIGHT_AFTER.match(s, match.end())
        year_start = match.end() + (year.start("year") - match.end()) if year else None
        if year is None:
            founded = _FOUNDED.search(s[match.end() : match.end() + 50])
            near = _YEAR.search(founded.group("rest")) if founded else None
            if founded and near:
                year_start = match.end() + founded.start("rest") + near.start("year")
            else:
                before = _YEAR_RIGHT_BEFORE.search(s[: match.start()])
                if before is None:
                    continue
                year_start = before.start("year")
        if match.group("kind").lower() == "since" and year is None:
            continue
        hedge = (match.group("hedge") or "").strip().lower() or None
        mention = _AgeMention(
            span=_abs(sentence, match.start(), match.end()),
            number_span=_abs(sentence, match.start("num"), match.end("num")),
            value=value,
            cue=f"years {match.group('kind').lower()}",
            sentence=sentence,
            bound=_bound_of(hedge),
            hedge=hedge,
            elapsed=True,
        )
        yield mention, _year_birth(sentence, year_start)
    for match in _ANNIVERSARY.finditer(s):
        value = word_number(match.group("num"))
        if value is None or value < 1:
            continue
        year_start = _anniversary_year(s, match)
        if year_start is None:
            continue
        mention = _AgeMention(
            span=_abs(sentence, match.start(), match.end()),
            number_span=_abs(sentence, match.start("num"), match.end("num")),
            value=value,
            cue="anniversary",
            sentence=sentence,
            elapsed=True,
        )
        yield mention, _year_birth(sentence, year_start)


def _anniversary_year(s: str, match: re.Match[str]) -> int | None:
    """The year an anniversary counts from: "of the 1989 revolution", "founded in 1974", or
    the only year in the sentence."""
    following = _ANNIVERSARY_OF_YEAR.match(s, match.end())
    if following:
        return following.start("year")
    for founded in _FOUNDED.finditer(s):
        near = _YEAR.search(founded.group("rest"))
        if near:
            return founded.start("rest") + near.start("year")
    years = list(_YEAR.finditer(s))
    if len(years) == 1:
        return years[0].start("year")
    return None


def _year_birth(sentence: Sentence, year_start: int) -> _BirthMention:
    span = _abs(sentence, year_start, year_start + 4)
    return _BirthMention(
        span=span,
        year_span=span,
        year=int(sentence.text[year_start : year_start + 4]),
        sentence=sentence,
        founding=True,
    )


def _bound_of(hedge: str | None) -> Bound:
    if hedge is None:
        return Bound.EXACT
    if hedge in ("more than", "over", "just over"):
        return Bound.MORE_THAN
    if hedge in ("less than", "just under"):
        return Bound.LESS_THAN
    return Bound.APPROX


# --------------------------------------------------------------------------- pairing


def _pair_in_sentence(
    mention: _AgeMention,
    mentions: list[_AgeMention],
    person_births: list[_BirthMention],
    births: list[_BirthMention],
) -> _BirthMention | None:
    """The birth written with this age in one sentence: the only pair, or an adjacent one."""
    candidates = person_births
    if mention.cue.startswith("year-old") and not person_births:
        # "the 100-year-old bridge, built in 1919": things have founding dates.
        candidates = [b for b in births if b.founding]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda b: _distance(mention.span, b.span))
    close = _distance(mention.span, nearest.span) <= 40
    if mention.cue == "year-old (indefinite)":
        return nearest if close and nearest.span.start >= mention.span.start else None
    if len(candidates) == 1 and len(mentions) == 1:
        return nearest
    between = Span(
        min(mention.span.end, nearest.span.end), max(mention.span.start, nearest.span.start)
    )
    crowded = any(
        other is not mention and between.start <= other.span.start < between.end
        for other in mentions
    ) or any(b is not nearest and between.start <= b.span.start < between.end for b in candidates)
    return nearest if close and not crowded else None


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return b.start - a.end if a.end <= b.start else a.start - b.end


def _pair_by_name(mention: _AgeMention, births: list[_BirthMention]) -> _BirthMention | None:
    """ "Vanderbilt was born in 1924" ... "Gloria Vanderbilt died ... at the age of 95"."""
    if mention.cue == "year-old (indefinite)" or not mention.names:
        return None
    matching = [
        b
        for b in births
        if not b.founding and b.names & mention.names and b.sentence.index != mention.sentence.index
    ]
    if len(matching) != 1:
        return None
    return matching[0]


def _pair_by_anaphora(
    mention: _AgeMention,
    births_by_sentence: dict[int, list[_BirthMention]],
    order: list[int],
    position: dict[int, int],
) -> _BirthMention | None:
    """ "Smith was born in 1978 in Leeds. The 45-year-old ...": the one birth just before."""
    at = position.get(mention.sentence.index)
    if at is None:
        return None
    earlier = [
        b
        for index in order[max(0, at - 2) : at]
        for b in births_by_sentence[index]
        if not b.founding
    ]
    return earlier[0] if len(earlier) == 1 else None


# --------------------------------------------------------------------------- claims


def _unresolved_year(sentence: Sentence, dates: list[DateClaim], known: set[int]) -> bool:
    """True when the sentence writes a year that is neither a birth or founding year found
    here (``known``, document offsets) nor covered by a date claim: an age may then be told
    as of that year, and we cannot see it."""
    for match in _YEAR.finditer(sentence.text):
        start = sentence.span.start + match.start("year")
        if start in known or any(d.span.start <= start < d.span.end for d in dates):
            continue
        following = sentence.text[match.end("year") : match.end("year") + 12]
        if re.match(
            r"\s*(?:people|persons|men|women|years|km|miles|metres|meters|feet|"
            r"votes|seats|members|cases|jobs|homes|units)\b",
            following,
            re.I,
        ):
            continue  # a count, not a year
        return True
    return False


def _age(mention: _AgeMention, birth: _BirthMention, dates: list[DateClaim]) -> Age:
    # "30 years ago" may be a round figure; "the 30th anniversary" and "aged 30" are exact.
    round_figure = mention.cue.startswith("years") and mention.value % 10 == 0
    precision = 10.0 if round_figure and mention.value >= 10 else 1.0
    quantity = Quantity(
        span=mention.number_span,
        text=mention.sentence.text[
            mention.span.start - mention.sentence.span.start : mention.span.end
            - mention.sentence.span.start
        ],
        value=float(mention.value),
        unit="year",
        dimension=Dimension.DURATION,
        bound=mention.bound,
        precision=precision,
        hedge=mention.hedge,
        noun="years",
        sentence=mention.sentence.index,
    )
    return Age(
        span=mention.span,
        age=quantity,
        birth=_birth_claim(birth, dates),
        subject=mention.subject,
        cue=mention.cue.replace(" (indefinite)", ""),
        sentence=mention.sentence.index,
    )


def _birth_claim(birth: _BirthMention, dates: list[DateClaim]) -> DateClaim:
    """The date extractor's claim for the birth date where it has one, else the year."""
    for claim in dates:
        if (
            claim.span.start <= birth.year_span.start < claim.span.end
            and claim.date is not None
            and claim.date.year == birth.year
            and claim.granularity in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)
        ):
            return claim
    return DateClaim(
        span=birth.year_span,
        text=str(birth.year),
        date=dt.date(birth.year, 1, 1),
        end_date=dt.date(birth.year, 12, 31),
        granularity=Granularity.YEAR,
        resolution=Resolution.ABSOLUTE,
        year_written=True,
        sentence=birth.sentence.index,
    )
