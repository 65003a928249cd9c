"""The values of English number words: one table for extraction and checks.

Extraction reads figures written in words (``factcheck.extract.numbers``); a check may read
the few words of a claim's own surface ("one in five" in ``checks._arith``). A check never
imports ``factcheck.extract`` (it would load quantulum3 and dateparser), so the words and
their values live here, in a module that imports nothing.
"""

from __future__ import annotations

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
HUNDRED = 100
SCALES: dict[str, int] = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}


def word_value(word: str) -> int | None:
    """One number word, or a whole number in digits: "five" -> 5, "Twenty" -> 20,
    "hundred" -> 100, "thousand" -> 1000, "12" -> 12; None for anything else."""
    if word.isdigit():
        return int(word)
    word = word.lower()
    if word in ONES:
        return ONES[word]
    if word in TENS:
        return TENS[word]
    if word == "hundred":
        return HUNDRED
    return SCALES.get(word)
