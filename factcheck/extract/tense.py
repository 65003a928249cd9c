"""The tense of the clause around a date, so that "took place in September" means the past one.

A date written without its year ("in September", "on Monday", "February 10") is placed by the
verb that governs it: past verbs pick the most recent such date, future verbs the next one. This
is a small rule-based detector, not a parser. It groups auxiliaries with their verb ("could be
completed" is future, "has been told" is past) and returns the tense of the verb group nearest to
the date inside the date's clause, falling back to the whole sentence. Groups that say nothing
about publication time ("would withdraw", "was due to") return UNKNOWN, which makes the caller
take the date nearest to publication. News prose is mostly simple past and future, which is what
this has to get right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims import Tense

# Clause boundaries: strong punctuation, brackets, dashes, and a comma before a word that starts
# a new clause. Inside one clause the nearest verb group is taken to govern the date. A
# condition is a clause of its own: in "would run in 2024 if he lost", "lost" governs nothing
# before "if".
_CLAUSE_BREAK = re.compile(
    r"[;:\"“”]|\s[—–]\s|\s-\s|,\s+(?=(?:and|but|while|whereas|which|who|although|though|"
    r"so|yet|after|before|when|as|because|since|until|where)\b)|\bbut\b|\bwhile\b|\bwhereas\b"
    r"|\bif\b|\bunless\b"
)
_PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Words, not letters glued to figures ("2am") or compound adjectives ("US-backed").
_WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?:['’][a-z]+)?")

_WILL = {"will", "shall", "'ll", "’ll", "won't", "won’t", "wo", "shan't"}
_WEAK_FUTURE_MODALS = {"would", "could", "might", "may", "should"}
_PRESENT_MODALS = {"can", "must", "cannot"}
_BE_PRESENT = {"is", "are", "am", "'s", "’s", "'re", "’re"}
_BE_PAST = {"was", "were"}
_HAVE_PRESENT = {"has", "have", "'ve", "’ve"}
_DO_PRESENT = {"do", "does", "don't", "doesn't", "don’t", "doesn’t"}
_DO_PAST = {"did", "didn't", "didn’t"}
# "is expected to", "are due to", "is set to", "is to": a present form that plans the future.
_PLANNED = frozenset(
    """
    expected due set scheduled slated planned going poised about forecast predicted projected
    likely unlikely supposed
    """.split()
)
# Words that may sit between an auxiliary and its verb without ending the group.
_GROUP_FILLERS = frozenset(
    """
    not n't also already still now just then reportedly likely soon finally never ever only be
    been being have to all both first later again allegedly officially formally probably
    """.split()
)
_FUTURE_WORDS = {"upcoming", "coming", "next", "forthcoming"}
# A deadline, a term or an end point is no event: "the deadline currently stands at October
# 31", "a lease that expires in 2022", "a term ending in 2022". The date it governs may lie on
# either side of publication.
_DEADLINE_WORDS = frozenset(
    """
    deadline deadlines due expires expire expiry expiring until till scheduled slated ending
    starting beginning lasting continuing
    """.split()
)
# Before "to", a plan or a wish: "agreed to hold the vote in 2022", "announced plans to open
# in 2022". The plan is past; the event it names has no tense to go by.
_INTENT_WORDS = frozenset(
    """
    agree agreed agrees plan plans planned planning decide decided decides promise promised
    promises vow vowed vows pledge pledged pledges hope hoped hopes want wanted wants aim aimed
    aims intend intended intends expect expected expects vote voted votes choose chose chosen
    seek sought seeks threaten threatened threatens offer offered offers propose proposed
    proposes prepare prepared prepares arrange arranged resolve resolved undertake undertook
    commit committed wish wished ask asked urge urged order ordered bid goal target deal
    proposal set
    """.split()
)
# A participle right after one of these modifies a noun ("after failed negotiations", "the
# proposed law", "an armed group"): an adjective, not the verb of the clause.
_BEFORE_ADJECTIVE = frozenset(
    """
    the a an this these those his her its their our my your some any no every each another
    after before of for with without from into over under against among about upon across
    despite amid during by in on at
    """.split()
)
_IRREGULAR_PAST = frozenset(
    """
    arose ate awoke became began bent bit blew bore bought broke brought built burnt caught
    chose came clung crept dealt did drew drank drove dug fell fed felt fled flew fought
    forbade forgave forgot found froze gave got grew had heard held hid hung kept knelt knew
    laid leapt left lent lost made meant met overcame overtook paid ran rang rode rose said
    sank sat saw sold sent shook shone shot slept slid sought spoke spent sprang stood stole
    stuck stung strove struck swam swept swore swung taught thought threw told took tore
    understood undertook upheld withdrew withheld woke won wore wound wrote went led
    """.split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    """
    arisen begun been beaten bitten blown broken chosen done drawn driven eaten fallen flown
    forgotten forgiven frozen given gone grown hidden known ridden risen seen shaken shown sunk
    spoken stolen sworn taken thrown torn woken worn written withdrawn undertaken overtaken
    born
    """.split()
)
# Words ending in -ed that are not past verbs.
_NOT_PAST_ED = frozenset(
    """
    bed bred breed creed deed embed feed greed heed hundred indeed need proceed red reed seed
    shed sled speed steed succeed exceed weed wed sacred naked wicked ragged rugged crooked
    beloved aged unprecedented alleged so-called kindred expected scheduled planned due
    supposed united detailed advanced skilled armed based related concerned interested involved
    dead
    """.split()
)
_AUXILIARIES = (
    _WILL
    | _WEAK_FUTURE_MODALS
    | _PRESENT_MODALS
    | _BE_PRESENT
    | _BE_PAST
    | _HAVE_PRESENT
    | _DO_PRESENT
    | _DO_PAST
    | {"had"}
)
_LONGEST_GROUP = 6
_GROUP_WORDS = _GROUP_FILLERS | _PLANNED
# Verbs whose past is their base form; read as past unless an infinitive ("to hit").
_SAME_IN_PAST = frozenset(
    """
    hit put cut let cast cost quit shut spread beat burst hurt split upset broadcast forecast
    struck
    """.split()
)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    tense: Tense


def _is_past_participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or word in _IRREGULAR_PAST or _looks_past_ed(word)


def _looks_past_ed(word: str) -> bool:
    return len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST_ED


_Word = tuple[int, int, str, str]  # start, end, lower case, as written


def _words(text: str) -> list[_Word]:
    return [(m.start(), m.end(), m.group(0).lower(), m.group(0)) for m in _WORD.finditer(text)]


def _group_tense(words: list[_Word], i: int) -> Tense | None:
    """The tense of the verb group that starts with ``words[i]``, or None if none starts there."""
    word, written = words[i][2], words[i][3]
    following = _word_after(words, i, 1)
    if _starts_intent(words, i):
        return Tense.UNKNOWN
    if word in _WILL or word.endswith(("'ll", "’ll")):
        return Tense.FUTURE
    if word in _WEAK_FUTURE_MODALS:
        if word == "may" and written[0].isupper() and i > 0:
            return None  # capital "May" inside a sentence is the month or a name
        if following == "have":
            return Tense.PAST  # "could have been", "may have happened"
        if word == "would":
            # Future seen from a reported past ("announced that the US would withdraw"): the
            # event follows the report, not necessarily the publication.
            return Tense.UNKNOWN
        return Tense.FUTURE  # "could be completed", "might resign"
    if word in _PRESENT_MODALS:
        return Tense.PRESENT
    if word in _BE_PRESENT or word in _BE_PAST:
        planned = following == "to" or (following in _PLANNED and _word_after(words, i, 2) == "to")
        if planned and word in _BE_PRESENT:
            return Tense.FUTURE  # "is to visit", "are expected to sign"
        if planned:
            # "was due to stand down in August": planned before publication, to happen before
            # or after it. No tense to go by; the nearest date is the best guess.
            return Tense.UNKNOWN
        return Tense.PAST if word in _BE_PAST else Tense.PRESENT
    if word in _HAVE_PRESENT:
        main = _skip_fillers(words, i)
        if following == "been" or (main is not None and _is_past_participle(words[main][2])):
            return Tense.PAST  # present perfect reports the past: "has announced"
        return Tense.PRESENT
    if word == "had" or word in _DO_PAST:
        return Tense.PAST
    if word in _DO_PRESENT or word in ("says", "say"):
        return Tense.PRESENT
    if word in _FUTURE_WORDS:
        return Tense.FUTURE
    if word in _DEADLINE_WORDS:
        return Tense.UNKNOWN
    if word in _IRREGULAR_PAST or _looks_past_ed(word):
        if _modifies_noun(words, i):
            return None
        return Tense.PAST
    if word in _SAME_IN_PAST and (i == 0 or words[i - 1][2] != "to"):
        return Tense.PAST  # "another explosion hit", not "plans to hit"
    return None


def _starts_intent(words: list[_Word], i: int) -> bool:
    """ "agreed to", "plans to": a plan whose event is yet to come when it was made."""
    return words[i][2] in _INTENT_WORDS and _word_after(words, i, 1) == "to"


def _modifies_noun(words: list[_Word], i: int) -> bool:
    """True when the past form at ``i`` follows a determiner or preposition directly."""
    if i == 0:
        return False
    previous = words[i - 1]
    return previous[2] in _BEFORE_ADJECTIVE and words[i][0] - previous[1] == 1


def _cues(text: str) -> list[_Cue]:
    """Verb groups of ``text`` with their tense, in text order."""
    words = _words(text)
    cues: list[_Cue] = []
    i = 0
    while i < len(words):
        tense = _group_tense(words, i)
        if tense is None:
            i += 1
            continue
        # An auxiliary owns the verb that follows it: "could be completed" is one future.
        if _starts_intent(words, i):
            last = min(i + 2, len(words) - 1)  # "agreed to hold": one group
        elif words[i][2] in _FUTURE_WORDS:
            last = i
        else:
            last = _skip_group(words, i)
        cues.append(_Cue(words[i][0], words[last][1], tense))
        i = last + 1
    return cues


def _word_after(words: list[_Word], i: int, n: int) -> str | None:
    return words[i + n][2] if i + n < len(words) else None


def _skip_fillers(words: list[_Word], i: int) -> int | None:
    j = i + 1
    while j < len(words) and words[j][2] in _GROUP_FILLERS:
        j += 1
    return j if j < len(words) else None


def _skip_group(words: list[_Word], i: int) -> int:
    """Index of the last word of the verb group that an auxiliary at ``i`` starts.

    The group runs over fillers ("not", "been", "expected to") to the first other word, the
    main verb, so that "could be completed" is read once, as a future, and not again as the
    past "completed".
    """
    if words[i][2] not in _AUXILIARIES:
        return i
    j = i + 1
    while j < len(words) and j - i < _LONGEST_GROUP and words[j][2] in _GROUP_WORDS:
        j += 1
    return min(j, len(words) - 1)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` that contains ``[start, end)``; a bracket is its own clause."""
    for bracket in _PARENTHESIS.finditer(text):
        if bracket.start() < start and end <= bracket.end():
            return bracket.start() + 1, bracket.end() - 1
    left, right = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def _nearest(cues: list[_Cue], start: int, end: int, low: int, high: int) -> Tense | None:
    best: tuple[int, Tense] | None = None
    for cue in cues:
        if cue.end <= low or cue.start >= high or (cue.start < end and start < cue.end):
            continue
        distance = start - cue.end if cue.end <= start else cue.start - end
        if best is None or distance < best[0]:
            best = (distance, cue.tense)
    return best[1] if best else None


class SentenceTenses:
    """The verb groups of one sentence, read once, asked about each date in it."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._cues = _cues(text)
        self._brackets = [(m.start(), m.end()) for m in _PARENTHESIS.finditer(text)]

    def at(self, start: int, end: int, ignore: tuple[tuple[int, int], ...] = ()) -> Tense:
        """Tense of the verb group nearest to ``[start, end)``: its clause first, then the
        sentence.

        ``ignore`` lists the other dates of the sentence: "next" in "next week" is no verb of
        a date written elsewhere in it.
        """
        # Words in brackets speak for the brackets only: "(0100 UTC) on Sunday".
        inside = [(s, e) for s, e in self._brackets if not (s < start and end <= e)]
        skipped = (*ignore, *inside)
        cues = [c for c in self._cues if not any(c.start < e and s < c.end for s, e in skipped)]
        low, high = _clause_bounds(self._text, start, end)
        tense = _nearest(cues, start, end, low, high)
        if tense is None:
            tense = _nearest(cues, start, end, 0, len(self._text))
        return tense or Tense.UNKNOWN


def tense_near(text: str, start: int, end: int) -> Tense:
    """Tense of the verb group that governs ``text[start:end]`` (see ``SentenceTenses``)."""
    return SentenceTenses(text).at(start, end)
