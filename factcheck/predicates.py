"""What a clause says of a counted figure, reduced to a stem: "were killed" -> "kill".

Two mentions count the same thing only when the same thing is said of them. Extraction links
such mentions (``same_as`` relations, ``factcheck.extract.relations``) and the ``drift`` check
finds more from the sentence words; both must reduce "died", "dead" and "deaths" to one
predicate, so the table and the stemmer live here, where either may import them (a check never
imports ``factcheck.extract``).
"""

from __future__ import annotations

# Words between a figure's noun and what is said of it ("32 passengers who were reportedly
# killed"): skipped when looking for the predicate.
AUXILIARY_WORDS = frozenset(
    """
    who that which have has had were was are is be been being reportedly also all now so far
    then already believed thought feared known confirmed officially reported said to later
    initially originally
    """.split()
)
# Casualty words whose forms a suffix rule does not join: "dead" and "deaths" are "died".
PREDICATE_STEMS = {
    "died": "die",
    "dies": "die",
    "dying": "die",
    "dead": "die",
    "death": "die",
    "deaths": "die",
    "killed": "kill",
    "killing": "kill",
    "kills": "kill",
    "hurt": "injure",
    "injured": "injure",
    "injuring": "injure",
    "wounded": "wound",
    "wounding": "wound",
}


def stem(word: str) -> str:
    """A predicate word's stem: "killed" -> "kill", "deaths" -> "die", "missing" -> "miss"."""
    word = word.lower()
    if word in PREDICATE_STEMS:
        return PREDICATE_STEMS[word]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 3 else word
