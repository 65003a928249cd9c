"""The noun a figure counts or measures, by a light heuristic (no tagger).

English puts the counted noun right after the figure ("20 men", "3,000 foreign militants") or
after "of" ("99.5 percent of its territory", "thousands of civilians"). We read the few words
after the figure up to a function word or punctuation, and take the first plural-looking
word among them (adjectives rarely end in -s: "foreign militants", "fleeing civilians"), or
else the last word of that short run ("a $48.2 million contract"). Capitalised words and
acronyms are taken as modifiers ("IS militants", "U.S. troops"), never as the noun.
"""

from __future__ import annotations

import re

# Words that end the noun phrase after a figure.
STOP_WORDS = frozenset(
    """
    a an the this that these those its their his her our my your whose which who whom what
    of in on at to for from by with without within into onto over under above below across
    along around about against among between beyond during except inside near off out
    through throughout toward towards until up upon via per than as like since after before
    and or but nor so yet if while because although though when where whereas
    is are was were be been being am has have had having do does did will would shall
    should can could may might must ought
    it they them he she we you i us him me one ones each every all both either neither
    some any no not more most less least fewer many much few several other others another
    such only just also even still already ago later earlier old high long wide deep tall
    away apart ahead behind back down forward last next past first second there here then
    now today yesterday tomorrow tonight apiece each respectively overall always never often
    ever aside versus vs
    """.split()
)
# Verbs that often follow a counted noun; they end the phrase ("half of the population
# lives", "one in five adults smokes"). Past forms in -ed end it as well.
COMMON_VERBS = frozenset(
    """
    lives live says say remains remain works work holds hold stands stand makes make takes
    take comes come goes go gets get runs run seems seem appears appear shows show needs
    need wants want lies lie sits sit means mean looks look plays play gives give faces face
    uses use costs cost owns own leads lead falls fall rises rise grows grow includes include
    contains contain accounts account believes believe thinks think knows know tells tell
    feels feel keeps keep becomes become starts start continues continue suffers suffer
    supports support opposes oppose backs back favours favour favors favor smokes smoke
    agrees agree votes vote died die fled flee left lost won went came became began told
    said thought felt kept got ran sat stood held made took gave saw met paid sold bought
    fell rose grew shrank sank struck broke fought flew drove wrote spoke hid rode sang swam
    threw wore arose brought caught chose drew fed found froze heard knew lay meant sought
    sent shook shot showed slept spent stole swore taught tore understood woke wept
    """.split()
)
DETERMINERS = frozenset(
    "the a an its their his her our my your this that these those all whose each every".split()
)
PRONOUNS = frozenset("them us those these it him her you which whom".split())
IRREGULAR_PLURALS = frozenset(
    """
    men women people children police cattle personnel staff feet teeth mice geese data
    media clergy livestock aircraft crew offspring fish sheep deer
    """.split()
)
# Words glued by a hyphen after a figure that describe it rather than name what it counts.
GLUED_MODIFIERS = frozenset(
    "strong old odd plus long wide high deep tall year month week day hour minute".split()
)
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s", "ous")
_TOKEN = re.compile(r"\S+")
_TRAILING_PUNCT = ",;:!?)]\"'”’"


def _is_plural(word: str) -> bool:
    if word in IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)


def _is_candidate(word: str) -> bool:
    """A lower-case alphabetic word that can be (part of) a noun phrase."""
    return (word.isalpha() or ("-" in word and word.replace("-", "").isalpha())) and word.islower()


def _next_is_stop(lowered: list[str], word: str, start: int) -> bool:
    """True when the word after ``word`` (searched from ``start``) is a stop word or absent."""
    try:
        k = lowered.index(word.lower(), start)
    except ValueError:
        return True
    return k + 1 >= len(lowered) or lowered[k + 1] in STOP_WORDS


def noun_after(text: str, pos: int, *, via_of: bool = True, require_of: bool = False) -> str | None:
    """The head noun of the noun phrase that starts at ``pos`` in ``text``, lower-cased.

    ``via_of`` lets the phrase start after "of" and a determiner ("percent of its
    territory"); ``require_of`` accepts only that form (used for percentages, where the
    word right after is usually not what the share is of: "a 5% rise").
    """
    rest = text[pos:]
    if rest.startswith(("-", "‑")):
        glued = re.match(r"[-‑]([A-Za-z]+)", rest)
        if glued is None:
            return None
        word = glued.group(1).lower()
        if word not in GLUED_MODIFIERS:
            return word if not require_of else None
        rest = re.sub(r"^(?:[-‑][A-Za-z]+)+", "", rest)
    words: list[str] = []
    closed = False
    for match in _TOKEN.finditer(rest):
        raw = match.group(0)
        if closed:
            break
        token = raw.rstrip(_TRAILING_PUNCT)
        if token != raw:
            closed = True  # punctuation ends the phrase after this word
        if token.endswith(".") and token.count(".") == 1:
            token = token[:-1]
            closed = True
        if not token:
            break
        words.append(token)
        if len(words) > 8:
            break
    if not words:
        return None
    i = 0
    lowered = [w.lower() for w in words]
    if lowered[0] in DETERMINERS and lowered[0] not in ("a", "an") and not require_of:
        while i < len(lowered) and lowered[i] in DETERMINERS:  # "half the staff"
            i += 1
    elif lowered[0] == "of" and via_of:
        i = 1
        while i < len(lowered) and lowered[i] in DETERMINERS:
            i += 1
        if i < len(lowered) and lowered[i] in PRONOUNS:
            return None
    elif require_of:
        return None
    run: list[str] = []
    for word, low in zip(words[i:], lowered[i:], strict=True):
        acronym = len(word) > 1 and word.replace(".", "").isupper()
        if (low in STOP_WORDS and not acronym) or any(ch.isdigit() for ch in word):
            break
        if low.endswith("ly") and len(low) > 4:
            break
        if not acronym and (
            low in COMMON_VERBS or (low.endswith("ed") and len(low) > 4 and "-" not in low)
        ):
            break
        if run and low.endswith("ing") and len(low) > 5 and _next_is_stop(lowered, word, i):
            break  # "a three-week trial owing to": a participle, not part of the noun
        if not word[0].isalpha():
            break
        run.append(word)
        if len(run) == 4:
            break
    candidates = [w for w in run if _is_candidate(w)]
    for word in candidates:
        if _is_plural(word):
            return word
    if candidates and len(run) <= 3 and run[-1] == candidates[-1]:
        return candidates[-1]
    return None
