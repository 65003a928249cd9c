"""Sentence splitting with offsets into the document text.

pysbd does the hard part (abbreviations such as "U.S." and "Feb."); this module first cuts
the text into blocks at blank lines and at line ends that close a line of their own (a
headline, a dateline), because news text puts those on lines without a full stop.

pysbd is slow (it compiles regular expressions per call: ~17 ms per news article, half of
the whole pipeline), so a block goes to it only when one of its candidate boundaries follows
something that could be an abbreviation or initial. Other blocks split at ". ", "? ", "! "
before a capital, which is what pysbd does for them too (eval/benchmark.py measures both).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from factcheck.claims import Sentence
from factcheck.document import Span

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n+|\r\n[ \t]*\r\n")
_LINE_END_CLOSES = re.compile(r"""[.!?:;"'”’)\]]\s*$""")
_SHORT_LINE = 60
# A sentence end: terminal punctuation, optional closing quotes/brackets, space, then an
# opening quote/bracket or a capital letter, a digit or a non-ASCII letter.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(\s+)(?=["'“‘(\[]*(?:[A-Z0-9]|[^\x00-\x7f]))""")
# The word before a full stop, to ask whether it may be an abbreviation or an initial.
_WORD_BEFORE_STOP = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """pysbd's own English abbreviation list, lower-cased ("mr", "feb", "inc", "u.s")."""
    from pysbd.lang.english import English

    return frozenset(a.lower() for a in English.Abbreviation.ABBREVIATIONS)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """pysbd's prepositive abbreviations: titles such as "Mr", "Dr", "Gen" that stand before
    a name and so never end a sentence."""
    from pysbd.lang.english import English

    return frozenset(a.lower() for a in English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)


def _word_before_stop(before: str) -> str | None:
    match = _WORD_BEFORE_STOP.search(before)
    return match.group(1) if match else None


def _may_be_abbreviation(word: str) -> bool:
    return len(word) == 1 or "." in word or word.lower() in _abbreviations()


_LINE_BREAKS = re.compile(r"[\r\n\t\f\v]")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Blocks of text separated by blank lines or by lines that stand alone."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    for match in _BLOCK_BREAK.finditer(text):
        blocks.extend(_split_lines(text, pos, match.start()))
        pos = match.end()
    blocks.extend(_split_lines(text, pos, len(text)))
    return [(s, e) for s, e in blocks if text[s:e].strip()]


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at a newline whose line ends a sentence or is too short to be wrapped."""
    parts: list[tuple[int, int]] = []
    line_start = start
    block_start = start
    while True:
        newline = text.find("\n", line_start, end)
        if newline < 0:
            break
        line = text[line_start:newline]
        if _LINE_END_CLOSES.search(line) or len(line.strip()) < _SHORT_LINE:
            parts.append((block_start, newline))
            block_start = newline + 1
        line_start = newline + 1
    parts.append((block_start, end))
    return parts


def _split_block(block: str) -> list[tuple[int, int]]:
    """Sentence ranges within one block: a plain split when unambiguous, else pysbd."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(block):
        word = None
        if block[match.start()] == ".":
            word = _word_before_stop(block[max(0, match.start() - 12) : match.start() + 1])
        if word is not None and word.lower() in _titles():
            continue  # "Mr. Hale": a title before a name, not a sentence end
        if word is not None and _may_be_abbreviation(word):
            return [(piece.start, piece.end) for piece in _segmenter().segment(block)]
        ranges.append((start, match.start(1)))
        start = match.end(1)
    ranges.append((start, len(block)))
    return ranges


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with spans trimmed of surrounding white space.

    ``Sentence.text`` has the same length as its span; line breaks in it are spaces.
    """
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        # pysbd ends a sentence at every line break; inside a block they are wrapping only.
        block = _LINE_BREAKS.sub(" ", text[block_start:block_end])
        for piece_start, piece_end in _split_block(block):
            start = block_start + piece_start
            end = block_start + piece_end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            # Line breaks inside a sentence (wrapped Markdown) become spaces, length kept, so
            # extractors see "40 square kilometres" whatever the wrapping.
            sentence_text = _LINE_BREAKS.sub(" ", text[start:end])
            sentences.append(
                Sentence(
                    span=Span(start, end),
                    text=sentence_text,
                    index=len(sentences),
                    in_quote=sentence_text[:1] in "\"“‘'",
                )
            )
    return sentences
