"""Sentence splitting with offsets into the document text.

pysbd does the hard part (abbreviations such as "U.S." and "Feb."); this module first cuts
the text into blocks at blank lines and at line ends that close a line of their own (a
headline, a dateline), because news text puts those on lines without a full stop.
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


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with spans trimmed of surrounding white space.

    ``Sentence.text`` has the same length as its span; line breaks in it are spaces.
    """
    sentences: list[Sentence] = []
    segmenter = _segmenter()
    for block_start, block_end in _blocks(text):
        # pysbd ends a sentence at every line break; inside a block they are wrapping only.
        block = _LINE_BREAKS.sub(" ", text[block_start:block_end])
        for piece in segmenter.segment(block):
            start = block_start + piece.start
            end = block_start + piece.end
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
