"""Relations between quantities that the text states: parts of wholes, and repeat mentions.

Two kinds of ``Relation`` come out of here, both found from the quantities' spans and the few
words around and between them (never from a parse of the whole sentence):

* ``part_of`` and ``share_of``: "14,000 fighters, including 3,000 foreigners", "18 of its 25
  stations", "40 people, 12 of whom", "18 out of 25", "Of the 25 stations, 18 ...". A share is
  a percentage part of its whole ("30% of the 14,000 fighters"): it is compared with 100 %, not
  with the whole's figure.
* Listed parts: several parts named one after another after one whole ("120 delegates,
  including 70 from the north, 45 from the south and 30 from abroad", "Of the 500 houses,
  320 were destroyed and 240 damaged", "$300m: $200m from banks and $90m from donors") are
  each a ``part_of`` the whole, sharing ``Relation.group`` (the first part's offset). When the
  text's own words make the parts disjoint (different places after "from", distinct outcomes
  such as destroyed/damaged or killed/injured, "men, women and children", "the rest",
  "another"), ``Relation.disjoint_by`` names the words' kind ("from", "outcome", ...). Only
  disjoint parts may be summed (``checks.implied_total``).
* ``same_as``: two mentions that clearly count the same thing: the same noun, the same
  predicate ("40 to 60 people died ... the 75 people who died"), no word of change, revision,
  estimate or time between them, and not in one sentence. ``whole`` holds the earlier mention,
  ``part`` the later one. Only pairs in which one mention is a range are emitted: on the
  development corpus, same-noun same-predicate pairs of single figures were different things
  about half the time ("scoring 18 goals" for one club, "25 goals" for another), and the range
  check, the one consumer, flags a figure outside a range only on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from factcheck.claims import Bound, Dimension, Quantity, Relation, Sentence
from factcheck.predicates import AUXILIARY_WORDS, PREDICATE_STEMS, stem

# How far (characters) a cue may reach back for the whole it refers to.
MAX_REACH = 250

_HEDGE = (
    r"(?:as\s+many\s+as|as\s+few\s+as|up\s+to|some|about|around|roughly|nearly|almost|"
    r"at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|over|under|an\s+estimated|"
    r"approximately|estimated|only|just)"
)
_DETERMINER = r"(?:the|its|their|his|her|our|your|these|those|an?|all)"

# Cue right before the part: "..., including (as many as) Y", "among them Y", "of which Y",
# "of those, Y". ("of those" must be followed by its comma: "3,000 of those 14,000" is the
# between-cue, read the other way round.)
_CUE_BEFORE_PART = re.compile(
    r"\b(?P<cue>including|included|includes|among\s+them|among\s+whom|among\s+those|"
    r"of\s+which|of\s+whom|(?:of|among)\s+(?:those|these|them)(?=\s*,))"
    r",?(?:\s+(?:are|were|is|was))?(?:\s+" + _HEDGE + r")*\s*$",
    re.IGNORECASE,
)
# Cue right after the part, pointing back: "Y of them", "Y of whom", "Y among them".
_CUE_AFTER_PART = re.compile(
    r"^\s*(?P<cue>(?:of|among)\s+(?:them|whom|which|those|these|us))\b(?!\s+\d)", re.IGNORECASE
)
# Between part and whole: "Y of the X", "Y out of X".
_CUE_BETWEEN = re.compile(
    r"^\s*(?P<cue>(?:out\s+)?of)(?:\s+" + _DETERMINER + r")?(?:\s+" + _HEDGE + r")*\s*$",
    re.IGNORECASE,
)
# Before a whole that opens its clause: "Of the 25 stations, 18 ...".
_CUE_OF_THE_OPENING = re.compile(
    r"(?:^|[,;:(]\s*)(?P<cue>of)\s+(?:" + _DETERMINER + r"\s+)?(?:" + _HEDGE + r"\s+)*$",
    re.IGNORECASE,
)
# Cues that make a percentage part a share of its whole.
_SHARE_CUES = ("of", "out of")
# After a figure: it is not a part of the whole before it ("of which four more are needed").
_NOT_A_SUBSET = re.compile(
    r"^\s*(?:more|further|additional|extra|others?\b|(?:\w+\s+){0,2}(?:are|is|were|was|be)\s+"
    r"(?:needed|required|necessary))",
    re.IGNORECASE,
)
# Cues whose pronoun may point into the previous sentence ("of these states" may not: its
# noun, not the last count, is what it refers to).
_PRONOUN_CUES = ("them", "whom")
# Cues that allow a part noun of another kind of person than the whole's ("residents,
# including 600 children"): the text itself says the one is among the other.
_INCLUSION_CUES = ("includ", "among")

_CLAUSE_BREAK = re.compile(r"[;:!?]|\.\s")

# ---- listed parts ---------------------------------------------------------------------------
# Between two listed parts: the earlier part's own words ("from the north", "were destroyed"),
# then "," / "and" / ", and", then a word of addition ("another", "the remaining") or a hedge.
_LIST_JOIN = re.compile(
    r"^(?P<words>[^,;:.()!?\d%]{0,60}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?P<lead>(?:the\s+(?:remaining|rest|others?)\s+(?:of\s+\w+\s+)?|(?:the\s+)?other\s+|"
    r"another\s+|a\s+further\s+)?)(?:" + _HEDGE + r"\s+)*$",
    re.IGNORECASE,
)
# Words that end a list: alternatives, nested parts, comparisons, rates, changes.
_LIST_STOP = re.compile(
    r"\b(?:or|nor|includ\w*|among|amongst|of\s+(?:whom|which|them|those|these)|whom|which|"
    r"than|compared|versus|vs|while|whereas|but|up|down|per|each|every|rose|fell|increased|"
    r"decreased|since|from\s+\w+\s+to|instead|against\s+\d)\b",
    re.IGNORECASE,
)
# After the last listed part, its own words run to the next punctuation.
_LIST_TAIL = re.compile(r"^[^,;:.()!?\d%]{0,60}")
# Before a list after a colon: "raised $300m: $200m from ...", "300 delegates: 70 from ...".
_COLON_BEFORE_LIST = re.compile(r"^\s*(?:[A-Za-z][\w'-]*\s+){0,3}?(?:[A-Za-z][\w'-]*)?\s*:\s*$")
# Words before "from" that keep its object the part's origin ("70 delegates came from ...").
_FROM_LEAD = frozenset(
    "were are was is came come coming arrived travelled traveled hailed hail originally".split()
)
_FROM_OBJECT_END = frozenset(
    "and who which that were was are is to with in on at for by as".split()
)
# Kinds of word that sort things into categories that do not overlap: each listed part names
# one member of one kind, and no two parts the same member.
_DISJOINT_KINDS: dict[str, dict[str, str]] = {
    "outcome": {
        "destroyed": "destroyed", "razed": "destroyed", "flattened": "destroyed",
        "damaged": "damaged", "intact": "intact", "undamaged": "intact",
    },
    "casualty": {
        "killed": "dead", "dead": "dead", "died": "dead", "wounded": "injured",
        "injured": "injured", "hurt": "injured", "missing": "missing",
    },
    "person": {
        "man": "man", "men": "man", "woman": "woman", "women": "woman", "boy": "boy",
        "boys": "boy", "girl": "girl", "girls": "girl", "child": "child", "children": "child",
    },
    "age": {"adult": "adult", "adults": "adult", "child": "child", "children": "child",
            "minor": "child", "minors": "child"},
    "sex": {"male": "male", "males": "male", "female": "female", "females": "female"},
    "vote": {"for": "for", "against": "against", "abstained": "abstained",
             "abstentions": "abstained", "abstention": "abstained"},
    "origin": {"domestic": "domestic", "foreign": "foreign"},
    "sector": {"public": "public", "private": "private"},
}  # fmt: skip
_REST_WORDS = re.compile(r"\b(?:remaining|rest|others?|another|further)\b", re.IGNORECASE)

PERSON_NOUNS = frozenset(
    """
    people person persons resident civilian child children kid kids woman women man men adult
    adults student pupil victim patient worker employee staff soldier fighter militant troop
    passenger refugee migrant voter member officer inhabitant citizen survivor tourist visitor
    teenager infant baby babies girl boy player athlete prisoner detainee hostage doctor nurse
    teacher journalist protester demonstrator supporter delegate candidate official volunteer
    rescuer firefighter police policeman policemen miner farmer resident crew elderly pensioner
    customer user subscriber fan spectator casualty casualties individual engineer manager
    scientist researcher lawyer judge director executive minister senator lawmaker politician
    priest monk nun pilot driver sailor marine cadet recruit apprentice trainee graduate
    professor academic contractor coach artist actor musician writer author guard agent
    diplomat surgeon physician paramedic inmate suspect defendant applicant
    """.split()
)


def find_relations(
    text: str, quantities: list[Quantity], sentences: list[Sentence]
) -> list[Relation]:
    """Every part/whole, share and same-thing relation the text states between quantities."""
    by_sentence: dict[int, list[Quantity]] = {}
    for q in sorted(quantities, key=lambda q: (q.sentence, q.span.start)):
        by_sentence.setdefault(q.sentence, []).append(q)
    sentence_spans = {s.index: s for s in sentences}
    relations: list[Relation] = []
    linked: set[tuple[int, int]] = set()
    for index, in_sentence in by_sentence.items():
        sentence = sentence_spans.get(index)
        start = sentence.span.start if sentence else min(q.span.start for q in in_sentence)
        previous = by_sentence.get(index - 1, [])
        for rel in _part_relations(text, start, in_sentence, previous):
            key = (id(rel.part), id(rel.whole))
            if key not in linked:
                linked.add(key)
                relations.append(rel)
    relations.extend(_same_as_relations(text, quantities, sentence_spans, linked))
    return relations


# ---------------------------------------------------------------------------------------------
# part_of / share_of


def _part_relations(
    text: str, sentence_start: int, in_sentence: list[Quantity], previous: list[Quantity]
) -> Iterable[Relation]:
    for i, part in enumerate(in_sentence):
        following = in_sentence[i + 1] if i + 1 < len(in_sentence) else None
        before_start = in_sentence[i - 1].span.end if i else sentence_start
        before = text[before_start : part.span.start]
        between = text[part.span.end : following.span.start] if following else ""
        tail = text[part.span.end : part.span.end + 40]
        if _NOT_A_SUBSET.match(tail):
            continue  # "two polls, of which four are needed": a requirement, not a part

        # "X, including (as many as) Y", "X, among them Y", "X, of which Y".
        match = _CUE_BEFORE_PART.search(before)
        if match:
            cue = _squash(match.group("cue"))
            cue_at = before_start + match.start()
            candidates = [q for q in in_sentence[:i] if q.span.end <= cue_at]
            whole = _nearest_whole(text, part, candidates, cue, cue_at)
            if whole is None and not candidates and cue.endswith(_PRONOUN_CUES):
                whole = _nearest_whole(text, part, previous, cue, cue_at, any_distance=True)
            rel = _relation(part, whole, cue)
            if rel:
                yield from _with_listed_parts(text, rel, in_sentence, i)
            continue

        # "Y of them", "Y of whom", "Y among them": the whole is the count before.
        match = _CUE_AFTER_PART.match(tail)
        if match:
            cue = _squash(match.group("cue"))
            candidates = in_sentence[:i]
            whole = _nearest_whole(text, part, candidates, cue, part.span.start)
            if whole is None and not candidates and cue.endswith(_PRONOUN_CUES):
                whole = _nearest_whole(text, part, previous, cue, part.span.start, True)
            rel = _relation(part, whole, cue)
            if rel:
                yield rel
            continue

        if following is None:
            continue
        # "raised $300m: $200m from banks and $90m from donors": a list of two parts or more.
        if _COLON_BEFORE_LIST.match(between):
            rel = _relation(following, part, ":")
            if rel:
                listed = _with_listed_parts(text, rel, in_sentence, i + 1)
                if len(listed) >= 2:
                    yield from listed
            continue
        # "Y of the X", "Y out of X".
        match = _CUE_BETWEEN.match(between)
        if match:
            rel = _relation(part, following, _squash(match.group("cue")))
            if rel:
                yield rel
            continue

        # "Of the 25 stations, 18 were working": this quantity is the whole, the next the part.
        if _CUE_OF_THE_OPENING.search(before):
            if "," in between and len(between) <= 60 and not _CLAUSE_BREAK.search(between):
                rel = _relation(following, part, "of")
                if rel:
                    yield from _with_listed_parts(text, rel, in_sentence, i + 1)


def _with_listed_parts(
    text: str, first: Relation, in_sentence: list[Quantity], first_index: int
) -> list[Relation]:
    """``first`` and the parts listed after it for the same whole ("including 70 from the
    north, 45 from the south and 30 from abroad"), all marked as listed when there are several
    (see the module docstring). A list ends at anything but "," or "and" between two parts, at
    a word of alternative, nesting or comparison, and at a part of another kind."""
    if first.kind != "part_of" or first.part.dimension is Dimension.PERCENT:
        return [first]
    parts, own_words, leads = [first.part], [], []
    index = first_index
    while index + 1 < len(in_sentence):
        part, following = in_sentence[index], in_sentence[index + 1]
        after_following = text[following.span.end : following.span.end + 40]
        if _CUE_AFTER_PART.match(after_following) or _NOT_A_SUBSET.match(after_following):
            break  # "30 of them": a part of the part before
        join = _LIST_JOIN.match(text[part.span.end : following.span.start])
        if join is None or _LIST_STOP.search(join.group(0)) or following.in_parentheses:
            break
        rel = _relation(following, first.whole, first.cue)
        if rel is None or rel.kind != "part_of":
            break
        parts.append(following)
        own_words.append(join.group("words"))
        leads.append(join.group("lead"))
        index += 1
    if len(parts) < 2:
        return [first]
    tail = _LIST_TAIL.match(text[parts[-1].span.end :])
    last_words = tail.group(0) if tail else ""
    stop = _LIST_STOP.search(last_words)
    own_words.append(last_words[: stop.start()] if stop else last_words)
    basis = _disjoint_basis(parts, own_words, leads, first.whole)
    group = first.part.span.start
    return [
        Relation(
            part=p, whole=first.whole, kind="part_of", cue=first.cue, group=group, disjoint_by=basis
        )
        for p in parts
    ]


def _disjoint_basis(
    parts: list[Quantity], own_words: list[str], leads: list[str], whole: Quantity
) -> str | None:
    """Why the listed parts cannot overlap, by the text's words, or None: "rest" ("the rest",
    "another"), "from" (a different origin each) or a kind of category from
    ``_DISJOINT_KINDS`` of which each part names a different member."""
    if any(_REST_WORDS.search(lead) for lead in leads):
        return "rest"
    origins = [
        _from_object(words, part, whole) for part, words in zip(parts, own_words, strict=True)
    ]
    if all(origins) and len(set(origins)) == len(origins):
        return "from"
    members: list[dict[str, set[str]]] = []
    for part, words in zip(parts, own_words, strict=True):
        tokens = re.findall(r"[a-z]+", f"{part.noun or ''} {words}".lower())[:8]
        found: dict[str, set[str]] = {}
        for token in tokens:
            for kind, words_of_kind in _DISJOINT_KINDS.items():
                if token in words_of_kind:
                    found.setdefault(kind, set()).add(words_of_kind[token])
        members.append(found)
    for kind in _DISJOINT_KINDS:
        named = [found.get(kind, set()) for found in members]
        if all(len(m) == 1 for m in named) and len(set().union(*named)) == len(named):
            return kind
    return None


def _from_object(words: str, part: Quantity, whole: Quantity) -> str | None:
    """Where a part comes from, when its own words say so first: "from the north",
    "delegates from Kenya", "came from abroad"."""
    tokens = re.findall(r"[a-z][a-z'-]*", words.lower())
    allowed = _FROM_LEAD | set(normalize_noun(part.noun)) | set(normalize_noun(whole.noun))
    if "from" not in tokens[:4]:
        return None
    at = tokens.index("from")
    if any(t not in allowed and _singular(t) not in allowed for t in tokens[:at]):
        return None
    place: list[str] = []
    for token in tokens[at + 1 :]:
        if token in _FROM_OBJECT_END or len(place) == 4:
            break
        if token not in ("the", "a", "an"):
            place.append(token)
    return " ".join(place) or None


def _nearest_whole(
    text: str,
    part: Quantity,
    candidates: list[Quantity],
    cue: str,
    cue_at: int,
    any_distance: bool = False,
) -> Quantity | None:
    """The closest earlier quantity the part can belong to; a vague one stops the search (it
    is the antecedent, and it has no figure to compare)."""
    for whole in reversed(candidates):
        if not any_distance:
            if cue_at - whole.span.end > MAX_REACH:
                return None
            if _CLAUSE_BREAK.search(text[whole.span.end : cue_at]):
                return None
        if whole.in_parentheses or _kind_of(part, whole, cue) is None:
            continue
        return whole if whole.is_checkable else None
    return None


def _relation(part: Quantity, whole: Quantity | None, cue: str) -> Relation | None:
    if whole is None or whole is part or not (part.is_checkable and whole.is_checkable):
        return None
    kind = _kind_of(part, whole, cue)
    if kind is None:
        return None
    return Relation(part=part, whole=whole, kind=kind, cue=cue)


def _kind_of(part: Quantity, whole: Quantity, cue: str) -> str | None:
    """ "share_of" for a percentage OF a group ("30% of the 14,000 fighters", "12% of the 40%
    who voted": at most 100 %), "part_of" for a part of the same kind and a compatible noun,
    None when the two cannot be part and whole."""
    if (
        part.dimension is Dimension.PERCENT
        and cue.startswith(_SHARE_CUES)
        and whole.dimension in (Dimension.COUNT, Dimension.PERCENT)
    ):
        return "share_of"
    if _same_kind(part, whole) and _nouns_compatible(part.noun, whole.noun, cue):
        return "part_of"
    return None


def _same_kind(a: Quantity, b: Quantity) -> bool:
    """Counts with counts, metres with metres, dollars with dollars."""
    if a.dimension is not b.dimension:
        return False
    if a.dimension is Dimension.MONEY:
        return a.currency == b.currency
    return a.unit == b.unit


# ---------------------------------------------------------------------------------------------
# nouns


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_NOUN_NOISE = frozenset(
    "the a an of its their his her our your these those some about around roughly nearly "
    "almost more than less fewer as many up to at least most over under estimated".split()
)


def normalize_noun(noun: str | None) -> tuple[str, ...]:
    """Lower-cased, singular words of a noun phrase, without determiners or hedges."""
    if not noun:
        return ()
    words = re.findall(r"[a-z][a-z'-]*", noun.lower())
    return tuple(_singular(w) for w in words if w not in _NOUN_NOISE)


def _is_person(words: tuple[str, ...]) -> bool:
    return bool(words) and (words[-1] in PERSON_NOUNS or _singular(words[-1]) in PERSON_NOUNS)


def _nouns_compatible(part_noun: str | None, whole_noun: str | None, cue: str) -> bool:
    """Same noun, a modified version of it ("foreign militants" of "militants"), or one
    missing; after "including"/"among", any two kinds of people ("children" of "residents")."""
    part, whole = normalize_noun(part_noun), normalize_noun(whole_noun)
    if not part or not whole:
        return True
    if part[-1] == whole[-1]:
        return True
    if cue.startswith(_INCLUSION_CUES) and _is_person(part) and _is_person(whole):
        return True
    return False


# ---------------------------------------------------------------------------------------------
# same_as

# A word in either sentence that says the figures may differ for a reason: change over time,
# revision, estimate, projection, total versus part.
_DIFFERENCE_WORDS = frozenset(
    """
    initially originally earlier previously first later now since revised revise updated update
    rose risen rise rising climbed climb increased increase grew grown jumped fell fallen
    dropped reached surpassed exceeded doubled tripled halved could may might would will
    expected expect feared fear predicted projected forecast estimate estimates estimated
    total overall altogether combined each per every average annually another other further
    additional toll
    """.split()
)
_TIME_WORDS = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tonight|tomorrow|(?:last|this|next|previous|past|coming)\s+(?:week|month|year|weekend)|"
    r"1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset(
    "of in on at from for with without under over near inside outside across aboard among "
    "into onto by during after before since until per".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CLAUSE_PUNCTUATION = r"[,;:.()!?\"“”—–]"


@lru_cache(maxsize=4096)
def _word_from_stem(stem: str) -> re.Pattern[str]:
    """A word that starts with ``stem`` ("militant" finds "militants"); compiled once per stem,
    because building a pattern per figure overflowed re's cache on long articles."""
    return re.compile(r"\b" + re.escape(stem) + r"[a-z'-]*")


def _predicate(text: str, q: Quantity, sentence: Sentence | None) -> str | None:
    """What the clause says of the counted thing: the first content word after the noun
    ("died", "missing"; a preposition keeps its object: "under rubble", "of torture"), or,
    failing that, a verb form right before the figure ("killing 40 people"). None when there
    is no such word: a bare noun ("Labour Party - 203 seats") says nothing to compare."""
    end = sentence.span.end if sentence else min(len(text), q.span.end + 120)
    start = sentence.span.start if sentence else max(0, q.span.start - 120)
    after_from = q.span.end
    words = normalize_noun(q.noun)
    head = words[-1] if words else ""
    head_stem = head[:-1] if len(head) > 3 else head  # matches "militant" and "militants"
    if head_stem and head_stem not in q.text.lower():
        clause = re.split(_CLAUSE_PUNCTUATION, text[q.span.end : min(end, q.span.end + 60)])[0]
        found = _word_from_stem(head_stem).search(clause.lower())
        if found:
            after_from = q.span.end + found.end()
    after = re.split(_CLAUSE_PUNCTUATION, text[after_from:end], maxsplit=1)[0]
    content = [w for w in _WORD.findall(after)[:8] if w.lower() not in AUXILIARY_WORDS]
    if content:
        first = content[0].lower()
        if first in _PREPOSITIONS:
            objects = [w for w in content[1:] if w.lower() not in _NOUN_NOISE]
            return f"{first} {stem(objects[0])}" if objects else None
        return stem(first)
    before = re.split(_CLAUSE_PUNCTUATION, text[start : q.span.start])[-1]
    for word in reversed(_WORD.findall(before)[-4:]):
        lower = word.lower()
        if lower in _NOUN_NOISE or lower in AUXILIARY_WORDS or lower in ("between", "and", "from"):
            continue
        if lower in PREDICATE_STEMS or lower.endswith(("ed", "ing")):
            return stem(word)
        return None
    return None


def _sentence_text(text: str, q: Quantity, sentences: dict[int, Sentence]) -> str:
    sentence = sentences.get(q.sentence)
    if sentence is None:
        return text[max(0, q.span.start - 150) : q.span.end + 150]
    return text[sentence.span.start : sentence.span.end]


def _same_as_relations(
    text: str,
    quantities: list[Quantity],
    sentences: dict[int, Sentence],
    linked: set[tuple[int, int]],
) -> list[Relation]:
    candidates = [
        q
        for q in sorted(quantities, key=lambda q: q.span.start)
        if q.is_checkable and not q.in_parentheses and normalize_noun(q.noun)
    ]
    facts: dict[int, tuple[str | None, bool, frozenset[str]]] = {}
    for q in candidates:
        sentence_text = _sentence_text(text, q, sentences)
        words = {w.lower() for w in _WORD.findall(sentence_text)}
        times = frozenset(m.group(0).lower() for m in _TIME_WORDS.finditer(sentence_text))
        facts[id(q)] = (
            _predicate(text, q, sentences.get(q.sentence)),
            bool(words & _DIFFERENCE_WORDS),
            times,
        )
    relations: list[Relation] = []
    for i, first in enumerate(candidates):
        key_first, differs_first, times_first = facts[id(first)]
        if key_first is None or differs_first:
            continue
        for second in candidates[i + 1 :]:
            key_second, differs_second, times_second = facts[id(second)]
            if key_second != key_first or differs_second or times_second != times_first:
                continue
            if Bound.RANGE not in (first.bound, second.bound):
                continue  # only a range is worth the risk (see the module docstring)
            if first.sentence == second.sentence:
                continue  # one sentence with two figures for one noun contrasts or lists them
            if first.span.overlaps(second.span) or not _same_kind(first, second):
                continue
            if normalize_noun(first.noun) != normalize_noun(second.noun):
                continue
            if (id(first), id(second)) in linked or (id(second), id(first)) in linked:
                continue
            if first.bound is Bound.VAGUE or second.bound is Bound.VAGUE:
                continue
            relations.append(Relation(part=second, whole=first, kind="same_as", cue=key_first))
    return relations


def _squash(cue: str) -> str:
    return re.sub(r"\s+", " ", cue.lower())
