"""Document: the text a check sees, plus what is needed to point back into the source.

Every loader produces a Document. Offsets in claims and findings are offsets into
``Document.text``; ``Document.source_offset`` and ``Document.line_col`` map them back to the
file the user opened (for Markdown the text *is* the source with skipped regions blanked, so
offsets are identical; other loaders may supply an explicit offset map).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Document:
    """One article, loaded.

    ``text`` is what extraction reads. Regions that must not be checked (code blocks, inline
    code, front matter) are listed in ``skipped`` and blanked with spaces in ``text`` by the
    loader, so offsets stay aligned with the source. ``published`` is the publication date and
    ``published_source`` says where it came from ("option", "field", "dateline", "metadata").
    ``published_between`` is the weaker fact for undated text: the first and last day the
    article can be from (an archive's years), with ``published_between_source`` ("option",
    "field", "metadata", "config"); see ``factcheck.load.published``.
    """

    text: str
    path: str = "-"
    id: str = ""
    title: str | None = None
    published: dt.date | None = None
    published_source: str | None = None
    published_between: tuple[dt.date, dt.date] | None = None
    published_between_source: str | None = None
    format: str = "text"
    skipped: list[Span] = field(default_factory=list)
    # Optional map from text offset to source offset, as sorted (text_offset, source_offset)
    # anchors; between anchors offsets advance together. Empty means identity.
    offset_anchors: list[tuple[int, int]] = field(default_factory=list)
    source_text: str | None = None
    _line_starts: list[int] | None = field(default=None, repr=False)

    def snippet(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def source_offset(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in the original source."""
        if not self.offset_anchors:
            return offset
        keys = [a for a, _ in self.offset_anchors]
        i = bisect.bisect_right(keys, offset) - 1
        if i < 0:
            return offset
        text_anchor, source_anchor = self.offset_anchors[i]
        return source_anchor + (offset - text_anchor)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a text offset, counted in the original source."""
        source = self.source_text if self.source_text is not None else self.text
        if self._line_starts is None:
            starts = [0]
            starts.extend(i + 1 for i, ch in enumerate(source) if ch == "\n")
            self._line_starts = starts
        pos = self.source_offset(offset)
        line = bisect.bisect_right(self._line_starts, pos)
        return line, pos - self._line_starts[line - 1] + 1
