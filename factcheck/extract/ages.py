"""Ages and the dates that bear on them: "the 45-year-old ... born in 1978", "Smith, 45,",
"died aged 79", "founded 25 years ago in 1990", "its 50th anniversary ... founded in 1974".

An ``Age`` pairs a stated age (a ``Quantity`` in years) with the birth or founding date written
for the same subject. Two families:

* a person's (or thing's) age: "the 45-year-old", "aged 45", "Smith, 45,", "turned 45",
  "died at the age of 95" (cue ``year-old``, ``aged``, ``appositive``, ``turned``, ``died``),
  paired with "born (in) 1978", "(b. 1978)", or for things "built/founded in 1919";
* elapsed years: "25 years ago, in 1990" and "the 50th anniversary of ... 1974" (cue
  ``years ago``, ``anniversary``), paired with the year written next to them.

Ages at death are read in obituary forms too: "died on Monday at 68", and a bare "was 68"
("Hagan, North Carolina's first female Senator, was 66.", "He was 95.", "Smith, who was 68,")
when its subject is a name or he/she and a death is told in or next to its sentence (cue
``was``).

Pairing is deliberately cautious, because a wrong pair is a false alarm: an age and a birth
pair only when the words tell them of the same person. The subject of each is read (the name
before the verb, past an appositive; a pronoun; "the N-year-old"; or some other noun phrase,
"his son", which never pairs). In one sentence they pair when each is the only one or they
stand close together and no other name or noun says otherwise ("Born in 1950, Smith rides the
15-year-old elephant" does not); across sentences only by surname ("Stevens was born in 1920
... John Paul Stevens died at the age of 99"), when "the N-year-old" standing alone (no noun of
its own: not "the 67-year-old killer") refers back to the one birth in the two sentences
before with no other age in between, or when "He"/"She" follows the name of the one person
whose birth the article gives. Ages told of a past moment ("at the age of 12 she moved", "as
a 17-year-old", "then-45-year-old", "was 45 when") are not ages on the publication date and
are skipped. A sentence that mentions a year the date extractor did
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
from factcheck.extract.numbers import ORDINAL_ONES, ORDINAL_TENS, word_number
from factcheck.numberwords import ONES, TENS

# --------------------------------------------------------------------------- numbers in words

# "one" .. "nineteen": the ones an age or a count of years can be written with (not "zero").
_CARDINAL_ONES = [word for word, value in ONES.items() if value]
_CARDINAL_WORD = (
    r"(?:(?:"
    + "|".join(TENS)
    + r")(?:[- ](?:"
    + "|".join(_CARDINAL_ONES)
    + r"))?|"
    + "|".join(sorted(_CARDINAL_ONES, key=len, reverse=True))
    + r"|a\s+hundred|one\s+hundred|hundred)"
)
_ORDINAL_WORD = (
    r"(?:(?:"
    + "|".join(TENS)
    + r")[- ](?:"
    + "|".join(ORDINAL_ONES)
    + r")|"
    + "|".join(sorted(list(ORDINAL_TENS) + list(ORDINAL_ONES), key=len, reverse=True))
    + r")"
)


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
# "died on Monday at 68.": a bare "at N" after a death verb. 13 and over only, so that a
# clock time ("died at 3") is never read, and only before a stop or "after/of/from ...".
_DIED_AT = re.compile(
    r"\b(?:died|dies|passed\s+away)\b[^.;]{0,40}?\bat\s+(?P<num>1[3-9]|[2-9]\d|1[0-2]\d)\b"
    r"(?=\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:after|following|of|from|surrounded)\b)",
    re.IGNORECASE,
)
# "Smith was 68.", "He was 84, had been ill", "Smith, who was 68, died": a bare number after
# "was" and nothing but a stop after it. Read as an age only with a person subject and a death
# told nearby (see _obituary_context); "was 5.5" and "was 1,000" are not matched.
_WAS = re.compile(
    rf"\bwas\s+{_NUM}(?=\s*(?:[;)]|,(?!\d)|\.(?!\d)|$))",
    re.IGNORECASE,
)
_WAS_AT_A_PAST_MOMENT = re.compile(r"\s*,\s*(?:when|at\s+the\s+time|then)\b", re.IGNORECASE)
_DEATH = re.compile(
    r"\b(?:died|dies|passed\s+away|death|killed|funeral|obituary)\b|\bfound\s+dead\b",
    re.IGNORECASE,
)
# Nouns for people that may follow "N-year-old" or stand before a name ("drummer Ginger
# Baker"). Any other noun after "N-year-old" ("elephant", "bridge", "car") is a thing.
_PERSON_NOUNS = frozenset(
    """
man men woman women boy boys girl girls son daughter mother father wife husband brother
sister grandmother grandfather grandson granddaughter widow widower mum dad teenager teen
youth child baby person citizen national resident local driver student pupil suspect
defendant prisoner inmate victim killer murderer gunman attacker robber worker employee
actor actress singer rapper musician drummer guitarist composer songwriter artist painter
writer author poet novelist journalist reporter presenter broadcaster comedian model
designer chef farmer player footballer cricketer golfer athlete runner swimmer boxer rider
jockey cyclist skier striker midfielder defender goalkeeper captain coach manager chairman
chairwoman chief executive businessman businesswoman entrepreneur billionaire millionaire
heiress heir politician senator governor mayor minister president leader member candidate
activist campaigner lawyer judge doctor surgeon nurse teacher professor scientist engineer
pilot officer soldier sailor veteran pensioner priest bishop monk nun star agent spy
diplomat ambassador official spokesman spokeswoman spokesperson bassist vocalist frontman
pianist violinist conductor director producer filmmaker photographer astronaut cosmonaut
explorer physicist economist historian philosopher architect wrestler climber legend icon
founder co-founder owner tycoon magnate mogul peer king queen prince princess emperor sultan
pope cardinal rabbi imam cleric general colonel commander admiral sergeant detective
inspector constable firefighter paramedic chancellor premier congressman congresswoman
representative lawmaker legislator councillor secretary dictator ruler monarch boss host
anchor critic editor publisher columnist commentator scholar researcher academic playwright
screenwriter lyricist dancer entertainer performer celebrity socialite philanthropist
investor banker financier industrialist dissident protester refugee migrant survivor
hostage patient winger forward playmaker batsman bowler quarterback pitcher sprinter hurdler
gymnast skater trainer referee umpire
""".split()
)
# What "the N-year-old" is followed by when it stands alone for a person: a stop, a
# possessive, or a verb ("said", "was", "pleaded").
_BARE_AFTER = re.compile(
    r"(?:['’]s\b|\s*(?:$|[,.;:!?)\"”—–])|\s+(?:was|is|were|are|has|had|have|will|would|"
    r"could|can|may|might|must|should|did|does|said|says|told|tells|added|also|now|then|later|"
    r"still|who|remains|faces|denies|admits|allegedly|reportedly|[a-z]+ed|"
    # not a noun: the N-year-old stands alone before "and his wife", "when", "in court"
    r"and|or|but|when|while|to|in|as|at|on|from|with|for|of|because|after|before|since|if|"
    r"whom|whose|that|which|"
    # past tenses not in -ed
    r"took|made|sang|went|came|got|gave|left|won|lost|fell|ran|saw|became|began|spent|kept|"
    r"found|held|led|met|paid|sent|stood|wrote|broke|drove|flew|knew|thought|brought|bought|"
    r"caught|fought|taught|sold|hit|shot|struck|stole|swam|rode|grew|drew|threw|wore|spoke|"
    r"chose|underwent|set|put|let|cut|quit|beat|bit|dug|fled|hung|slept|sat|swore|tore|won)\b|"
    # a verb in -s before what a verb takes: "lives in", "works as", "plays for"
    r"\s+[a-z]+[^s\W]s\s+(?:in|at|on|as|with|for|to|from|the|a|an|his|her|that|it)\b)",
)
_WORD_AFTER = re.compile(r"\s+(?P<word>[A-Za-z][\w-]*)")
# A name as written: capitalised words, with the particles of names ("Qaboos bin Said").
_NAME_RUN = re.compile(
    r"(?P<run>\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|[\"“][A-Z][\w'’.-]*[\"”]|de|van|von|"
    r"bin|al|da|del|la|le|der|den|du|dos|di))*)\s*$"
)
# What may stand before a name that is a subject: the start of the clause, punctuation, a
# person noun or a title word ("drummer Ginger Baker", "former Senator Kay Hagan").
_BEFORE_NAME = re.compile(
    r"(?:[,;:(—–]\s*|\b(?:former|late|veteran|retired|ex-|when|after|before|while|as|since|"
    r"because|although|though|that|if|where|until)\s*|"
    r"\b(?:" + "|".join(sorted(_PERSON_NOUNS)) + r")\s+)$",
    re.IGNORECASE,
)
# Auxiliaries between a subject and its verb or age: "Mugabe ... has| died", "Smith is| 45".
_TRAILING_AUX = re.compile(
    r"(?:\s|\b(?:was|were|is|are|has|had|have|been|also|reportedly|allegedly)\b)+$",
    re.IGNORECASE,
)
_TRAILING_WHO = re.compile(r",?\s*\bwho\s*$", re.IGNORECASE)
_NAME_RUN_START = re.compile(
    r"(?P<run>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:de|van|von|bin|al|da|del|la|le|der|"
    r"den|du|dos|di)(?=\s+[A-Z])))*)"
)
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_PRONOUN_AT_END = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)(?:he|she)\s*$", re.IGNORECASE)
# "The 45-year-old| was born", "A 45-year-old man| born in 1950", "The 45-year-old actor,|"
_AGE_NOUN_AT_END = re.compile(
    r"\b(?:the|this|a|an)\s+\S+-year-old(?:\s+[a-z]+)?\s*$", re.IGNORECASE
)
# Ages told of a past moment, not of the publication date.
_PAST_AGE_BEFORE = re.compile(
    r"(?:\bthen[- ]|\bas\s+an?\s+|\b(?:when|since|until|while|after|before)\s+(?:\w+\s+){0,2}"
    r"(?:was|were)\s+(?:an?\s+|just\s+)?|"
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
# A cheap test that a sentence holds something a birth or founding year could be.
_ANY_YEAR_DIGITS = re.compile(r"(?:1[5-9]|20)\d\d")
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
    # "N-year-old" only: what follows it. "bare" (a stop or a verb: "the 45-year-old said"),
    # "person" ("the 45-year-old actor", "the 45-year-old Smith") or "thing" ("elephant").
    noun_kind: str = ""
    noun: str | None = None


@dataclass(slots=True)
class _BirthMention:
    span: Span
    year_span: Span
    year: int
    sentence: Sentence
    founding: bool
    names: frozenset[str] = field(default_factory=frozenset)
    # Whose birth: "name" ("Smith was born"), "pronoun" ("She was born"), "definite" ("Born
    # in 1978, the 40-year-old ..."), "other" ("His son was born", "the baby was born").
    subject_kind: str = "other"
    surname: str | None = None


def _find(text: str, dates: list[DateClaim], sentences: list[Sentence]) -> list[Age]:
    ages: list[Age] = []
    births_by_sentence: dict[int, list[_BirthMention]] = {}
    mentions_by_sentence: dict[int, list[_AgeMention]] = {}
    order = [s.index for s in sentences]
    position = {index: i for i, index in enumerate(order)}
    for at, sentence in enumerate(sentences):
        births_by_sentence[sentence.index] = _births(sentence)
        mentions_by_sentence[sentence.index] = [
            m for m in _person_ages(sentence) if m.cue != "was" or _told_at_a_death(sentences, at)
        ]
    all_births = [b for bs in births_by_sentence.values() for b in bs]

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
                birth = _pair_by_anaphora(
                    mention, births_by_sentence, mentions_by_sentence, order, position
                )
            if birth is None and mention.pronoun:
                birth = _pair_by_pronoun(mention, all_births, sentences, position)
            if birth is not None:
                ages.append(_age(mention, birth, dates))
    ages.sort(key=lambda a: (a.span.start, a.span.end))
    return ages


def _abs(sentence: Sentence, start: int, end: int) -> Span:
    return Span(sentence.span.start + start, sentence.span.start + end)


# Every age pattern needs a figure: digits or a number word. Most sentences have neither, and
# the seven patterns below each scan the whole sentence, so look for one first.
_ANY_FIGURE = re.compile(
    r"\d|\b(?:"
    + "|".join(sorted({*ONES, *TENS, *ORDINAL_ONES, *ORDINAL_TENS}, key=len, reverse=True))
    + r")",
    re.IGNORECASE,
)


def _person_ages(sentence: Sentence) -> list[_AgeMention]:
    found: dict[int, _AgeMention] = {}
    s = sentence.text
    if not _ANY_FIGURE.search(s):
        return []
    for pattern, cue in (
        (_DIED, "died"),
        (_DIED_AT, "died"),
        (_YEAR_OLD, "year-old"),
        (_AGED, "aged"),
        (_TURNED, "turned"),
        (_APPOSITIVE, "appositive"),
        (_WAS, "was"),
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
            if cue == "was" and (value < 2 or _WAS_AT_A_PAST_MOMENT.match(s, match.end())):
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
            noun_kind, noun = "", None
            if cue.startswith("year-old"):
                noun_kind, noun = _noun_after(s, match.end())
            subject = _mention_subject(match, cue, before, noun_kind, noun)
            if cue == "was":  # "He was 84,", "..., and she was 90."
                pronoun = bool(_PRONOUN_AT_END.search(_TRAILING_AUX.sub("", before)))
            else:  # "He was aged 84", "She died aged 90"
                pronoun = cue in ("aged", "died", "turned") and bool(_PRONOUN_SUBJECT.match(before))
            if cue == "was" and subject is None and not pronoun:
                continue  # "The toll was 45.": a bare number is an age only for a person
            end = match.end("num") if cue == "appositive" else match.end()
            found[start] = _AgeMention(
                span=_abs(sentence, match.start(), end),
                number_span=_abs(sentence, start, match.end("num")),
                value=value,
                cue=cue,
                sentence=sentence,
                subject=subject,
                names=_names(subject or ""),
                definite=definite,
                pronoun=pronoun,
                noun_kind=noun_kind,
                noun=noun,
            )
    return sorted(found.values(), key=lambda m: m.span.start)


def _births(sentence: Sentence) -> list[_BirthMention]:
    births: list[_BirthMention] = []
    s = sentence.text
    if not _ANY_YEAR_DIGITS.search(s):
        return births  # every birth or founding form writes a year
    for match in _B_DOT.finditer(s):
        kind, name = _whose_birth(s, match.start(), match.end("year"))
        births.append(
            _BirthMention(
                span=_abs(sentence, match.start(), match.end()),
                year_span=_abs(sentence, match.start("year"), match.end("year")),
                year=int(match.group("year")),
                sentence=sentence,
                founding=False,
                names=_names(name or ""),
                subject_kind=kind,
                surname=_surname(name),
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
            kind, name = (
                ("other", None) if founding else _whose_birth(s, match.start(), year_start + 4)
            )
            births.append(
                _BirthMention(
                    span=_abs(sentence, match.start(), match.start("rest") + year.end("year")),
                    year_span=_abs(sentence, year_start, year_start + 4),
                    year=int(year.group("year")),
                    sentence=sentence,
                    founding=founding,
                    names=_names(name or ""),
                    subject_kind=kind,
                    surname=_surname(name),
                )
            )
    return births


def _names(text: str) -> frozenset[str]:
    """Capitalised words that may name someone, without titles, months and sentence openers."""
    clause = re.split(r"[;:]|\.\s", text)[-1]
    return frozenset(
        word
        for word in (_name_word(t) for t in _NAME_TOKEN.findall(clause))
        if word not in _NOT_NAMES and len(word) > 1
    )


def _name_word(token: str) -> str:
    """ "Smith's" -> "Smith", "'Ginger'" -> "Ginger"."""
    return re.sub(r"['’]s$", "", token).strip("'’")


# --------------------------------------------------------------------------- whose age, whose birth


def _surname(name: str | None) -> str | None:
    """The last word of a name, without "Jr." and titles: "John James Conyers Jr." -> Conyers."""
    words = [
        w
        for w in (_name_word(t) for t in _NAME_TOKEN.findall(name or ""))
        if w not in _NOT_NAMES and w not in _NAME_SUFFIXES and len(w) > 1
    ]
    return words[-1] if words else None


def _same_person(names: frozenset[str], surname: str | None, birth: _BirthMention) -> bool:
    """Surname match: the last word of one name is a word of the other ("Gloria Vanderbilt" and
    "Vanderbilt", "Qaboos bin Said" and "Qaboos"). Two full names must also share a second word,
    so that "Robert Cummings Sr." is not "Elijah Cummings"."""
    if not names or not birth.names or surname is None or birth.surname is None:
        return False
    if surname not in birth.names and birth.surname not in names:
        return False
    return len(names) < 2 or len(birth.names) < 2 or len(names & birth.names) >= 2


def _run_at_end(text: str, lead: bool) -> str | None:
    """The name written at the end of ``text`` ("... drummer Ginger Baker"). With ``lead`` it
    must open the clause or follow punctuation, a person noun or a title word, so that "the
    former lyricist of rock band Grateful Dead" gives no name."""
    tail = text[-150:]
    match = _NAME_RUN.search(tail)
    if match is None or not _names(match.group("run")):
        return None
    prefix = text[: len(text) - len(tail) + match.start()]
    if lead and prefix.strip() and not _BEFORE_NAME.search(prefix[-40:]):
        return None
    words = match.group("run").split()
    while words and (words[0] in _NOT_NAMES or words[0].lower() in _PERSON_NOUNS):
        words.pop(0)  # "Heiress Gloria Vanderbilt", "Yesterday Smith": a capital, not a name
    return " ".join(words) or None


def _subject(before: str, verb: bool) -> tuple[str, str | None]:
    """Whose age or birth follows ``before``, as (kind, name): ("name", "Robert Mugabe") for
    "Robert Mugabe, former president of Zimbabwe, has| died", ("pronoun", None) for "He| was",
    ("year-old", None) for "The 45-year-old| was born", else ("other", None) ("His son| was
    born"). With ``verb``, a comma right before it closes an appositive ("Hagan, North
    Carolina's first female Senator,| was 66"): the subject is the name before the appositive,
    never a name inside it ("Rita Smith, the wife of actor Tom Jones,| was 63")."""
    clause = re.split(r"[;:]|[.!?]\s", before[-250:])[-1]
    text = _TRAILING_AUX.sub("", clause)
    who = _TRAILING_WHO.search(text)
    if who:  # "Smith, who| was 68", "Aguilera, 23, who| was born": the name before "who"
        text = re.sub(r",\s*\d{1,3}$", "", text[: who.start()].rstrip(" ,"))
        name = _run_at_end(text, lead=False)
        return ("name", name) if name else _unnamed_subject(text)
    closes_appositive = text.rstrip().endswith(",")
    text = text.rstrip(" ,")
    kind = _unnamed_subject(text)
    if kind[0] != "other":
        return kind
    if not (verb and closes_appositive):
        name = _run_at_end(text, lead=True)
        if name:
            return "name", name
    if closes_appositive:
        for comma in [m.start() for m in re.finditer(",", text)][::-1][:3]:
            head = text[:comma].rstrip()
            name = _run_at_end(head, lead=True)
            if name:
                return "name", name
            kind = _unnamed_subject(head)
            if kind[0] != "other":
                return kind
    return "other", None


def _unnamed_subject(text: str) -> tuple[str, str | None]:
    if _PRONOUN_AT_END.search(text):
        return "pronoun", None
    if _AGE_NOUN_AT_END.search(text):
        return "year-old", None
    return "other", None


def _whose_birth(s: str, born_start: int, year_end: int) -> tuple[str, str | None]:
    """The subject of a birth: before "born" ("Smith was born", "Smith, born", "Smith (b."), or
    after an opening participle ("Born in 1935 in Mirati, Mukherjee entered politics")."""
    before = s[:born_start]
    opening = re.split(r"[.!?][\"'”’]*\s", before)[-1]  # a quote may end the sentence before
    if opening.strip(" \"'“”‘’(—–-"):
        return _subject(before, verb=bool(re.search(r"\b(?:was|were|is)\s*$", before)))
    for chunk in s[year_end:].split(",")[1:4]:
        chunk = chunk.strip()
        if not chunk or re.match(r"(?:in|on|at|to|near|into|as|the\s+(?:son|daughter))\b", chunk):
            continue  # still the opening clause: "Born in 1935, in Mirati, ..."
        if re.match(r"(?:he|she)\b", chunk, re.IGNORECASE):
            return "pronoun", None
        if re.match(r"(?:the|this)\s+\S+-year-old\b", chunk, re.IGNORECASE):
            return "year-old", None
        name = _NAME_RUN_START.match(chunk)
        if name and _names(name.group("run")):
            return "name", name.group("run")
        return "other", None
    return "other", None


def _mention_subject(
    match: re.Match[str], cue: str, before: str, noun_kind: str, noun: str | None
) -> str | None:
    """The name an age is told of: "Jane Smith, 45", "Gloria Vanderbilt died ... at 95",
    "Conyers, the former Dean of the House, was 90", "the 45-year-old Smith"."""
    if cue == "appositive":
        return match.group("name")
    if cue.startswith("year-old"):
        if noun_kind == "person" and noun and noun[:1].isupper():
            return noun
        before = re.sub(r"\b(?:the|this|a|an)\s+$", "", before, flags=re.IGNORECASE)
        if re.search(r"['’]s?\s*$", before):
            return None  # "Newcastle's 18-year-old centre": the owner, not the person
        return _subject(before, verb=False)[1]
    return _subject(before, verb=cue in ("died", "was", "turned"))[1]


def _noun_after(s: str, end: int) -> tuple[str, str | None]:
    """What follows "N-year-old": ("bare", None) for a stop, a possessive or a verb ("the
    45-year-old said"); ("person", word) for a person noun or a name ("the 45-year-old actor",
    "the 45-year-old Smith"); ("thing", word) for any other noun ("the 15-year-old
    elephant", "a 100-year-old bridge")."""
    if _BARE_AFTER.match(s, end):
        return "bare", None
    word = _WORD_AFTER.match(s, end)
    if word is None:
        return "bare", None
    if word.group("word")[:1].isupper():
        run = _NAME_RUN_START.match(s, word.start("word"))
        return "person", run.group("run") if run else word.group("word")
    base = word.group("word").lower().split("-")[0]
    if base in _PERSON_NOUNS or base.removesuffix("s") in _PERSON_NOUNS:
        return "person", word.group("word")
    return "thing", word.group("word")


def _told_at_a_death(sentences: list[Sentence], at: int) -> bool:
    """A bare "was 68" is an age when a death is told in its sentence or next to it ("Hagan
    ... died. Hagan, ..., was 66."), and the death is not dated to a written year ("killed in
    2016 ... She was 26" is an age in 2016, which the check cannot see)."""
    for offset in (0, -1, 1, -2):
        i = at + offset
        if 0 <= i < len(sentences) and _DEATH.search(sentences[i].text):
            return not _YEAR.search(sentences[i].text)
    return False


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
    if mention.noun_kind == "thing":
        # "the 100-year-old bridge, built in 1919": things have founding dates, and "the
        # 15-year-old elephant" is never the person born in the same sentence.
        candidates = [b for b in births if b.founding]
    else:
        candidates = [b for b in person_births if _may_be_told_of(mention, b)]
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


def _may_be_told_of(mention: _AgeMention, birth: _BirthMention) -> bool:
    """Whether the words let a birth in the age's sentence be its subject's: not another
    named person's ("Bratman, 26, proposed to Aguilera, who was born in 1980"), not a
    relative's ("Smith, 45, whose son was born in 2001"), and for an unnamed "the N-year-old"
    beside a named birth only one written right after it ("the 45-year-old, born in 1978")."""
    if birth.subject_kind == "other":
        return False
    if mention.names and birth.subject_kind == "name":
        return _same_person(mention.names, _surname(mention.subject), birth)
    if mention.cue.startswith("year-old") and birth.subject_kind == "name":
        # "Smith, born in 1978, said the 45-year-old driver was drunk": someone else
        return birth.span.start >= mention.span.end and _distance(mention.span, birth.span) <= 40
    return True


def _pair_by_name(mention: _AgeMention, births: list[_BirthMention]) -> _BirthMention | None:
    """ "Vanderbilt was born in 1924" ... "Gloria Vanderbilt died ... at the age of 95": the
    one birth of another sentence told of the same person (surname match)."""
    if mention.cue == "year-old (indefinite)" or not mention.names:
        return None
    surname = _surname(mention.subject)
    matching = [
        b
        for b in births
        if not b.founding
        and b.subject_kind == "name"
        and b.sentence.index != mention.sentence.index
        and _same_person(mention.names, surname, b)
    ]
    if len(matching) != 1:
        return None
    return matching[0]


def _pair_by_anaphora(
    mention: _AgeMention,
    births_by_sentence: dict[int, list[_BirthMention]],
    mentions_by_sentence: dict[int, list[_AgeMention]],
    order: list[int],
    position: dict[int, int],
) -> _BirthMention | None:
    """ "Smith was born in 1978 in Leeds. The 45-year-old ...": the one birth in the two
    sentences before, when "the N-year-old" stands alone for a person (not "the 67-year-old
    killer" or "the 15-year-old elephant": a noun may bring in someone or something new), the
    birth is told of a named or unnamed person (not "his son"), and no other age stands in
    between ("Born in 1978, the 40-year-old ... The 67-year-old": the birth is the 40's; "A
    45-year-old man was arrested. The 45-year-old ...": the man is the antecedent)."""
    at = position.get(mention.sentence.index)
    if at is None or mention.noun_kind != "bare":
        return None
    earlier = [
        b
        for index in order[max(0, at - 2) : at]
        for b in births_by_sentence[index]
        if not b.founding
    ]
    if len(earlier) != 1 or earlier[0].subject_kind == "other":
        return None
    birth = earlier[0]
    for index in order[position[birth.sentence.index] : at + 1]:
        for other in mentions_by_sentence[index]:
            if other is not mention and birth.sentence.span.start <= other.span.start < (
                mention.span.start
            ):
                return None
    return birth


def _pair_by_pronoun(
    mention: _AgeMention,
    births: list[_BirthMention],
    sentences: list[Sentence],
    position: dict[int, int],
) -> _BirthMention | None:
    """ "Robert Mugabe ... has died. He was 95." ... "Robert Gabriel Mugabe was born in 1924":
    the one person birth the article tells, when its name is among the names of the two
    sentences before the pronoun (its likely antecedent)."""
    person = [b for b in births if not b.founding]
    at = position.get(mention.sentence.index)
    if len(person) != 1 or at is None or person[0].subject_kind != "name":
        return None
    birth = person[0]
    before = mention.sentence.text[: mention.span.start - mention.sentence.span.start]
    context = [s.text for s in sentences[max(0, at - 2) : at]] + [before]
    names = frozenset(_name_word(t) for text in context for t in _NAME_TOKEN.findall(text))
    return birth if birth.surname in names else None


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
