"""Markdown: the source with everything that is not prose blanked, offsets unchanged.

The document text is the file itself, the same length, with code, link targets, HTML tags,
front matter and similar machinery replaced by spaces (newlines kept). Offsets into the text
are therefore offsets into the file, and a line/column is the one the user sees in an editor.
HTML comments are kept: suppression comments live there.

markdown-it-py finds the blocks (its tokens carry line ranges). Inside a block of inline
text the tokens carry no positions, so this module walks the source of that block itself and
asks markdown-it's own inline rules, in silent mode, whether a code span, link, image, autolink
or HTML tag starts at each candidate character. The walk therefore agrees with the parser on
every edge case the parser knows (backtick runs, nested brackets, reference links).
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.common.html_re import HTML_TAG_RE
from markdown_it.rules_inline import StateInline, autolink, backtick, html_inline, image, link
from markdown_it.token import Token

from factcheck.document import Document, Span
from factcheck.load.published import parse_date_value, parse_window_value

log = logging.getLogger("factcheck.load")

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

# Characters at which an inline construct worth blanking may start.
_INLINE_START = re.compile(r"[\\`<!\[&]")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# "&#8212;" is an em dash, not the number 8212.
_NUMERIC_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});")
# Footnote references ("[^3]") are not CommonMark, but common, and their labels are numbers.
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]{1,40}\]")
# Bare URLs, which GitHub-flavoured Markdown turns into links ("extended autolinks"); their
# digits ("/v1/", "man3.0") are not figures. Trailing punctuation is trimmed as GFM does.
_BARE_URL = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>`]+", re.I)
_URL_TRAILING = ".,:;!?*_~'\""
# HTML blocks whose content is not prose at all (CommonMark's HTML block type 1).
_RAW_HTML_BLOCK = re.compile(r"\s*<(script|style|pre|textarea)[\s>]", re.I)
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_YAML_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


@dataclass(slots=True)
class MarkdownText:
    """The result of blanking: text as long as the source, what was blanked, front matter."""

    text: str
    skipped: list[Span] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    title: str | None = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with HTML on (the default for the preset) plus GFM tables. Only the block
    # structure is needed from the full parse: inline text is scanned by _InlineScan, so the
    # core "inline" pass (over half the parse time) is switched off.
    return MarkdownIt("commonmark").enable("table").disable("inline")


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def markdown_document(source: str, *, path: str, doc_id: str, name: str | None = None) -> Document:
    """A Document from Markdown source; front matter supplies title and publication date."""
    parts = blank_markdown(source, name=name or path)
    document = Document(
        text=parts.text,
        path=path,
        id=doc_id,
        title=parts.title,
        format="markdown",
        skipped=parts.skipped,
    )
    published = _metadata_date(parts.metadata, name or path)
    if published is not None:
        document.published = published
        document.published_source = "metadata"
    window = _metadata_window(parts.metadata, name or path)
    if window is not None:
        document.published_between = window
        document.published_between_source = "metadata"
    return document


def _metadata_window(metadata: dict[str, Any], name: str):
    """Front matter ``published_between`` (or ``published-between``): the publication window."""
    for key in ("published_between", "published-between"):
        value = metadata.get(key)
        if value is None or value == "":
            continue
        try:
            return parse_window_value(value)
        except ValueError as exc:
            log.warning("%s: front matter '%s' ignored: %s", name, key, exc)
    return None


def _metadata_date(metadata: dict[str, Any], name: str):
    for key in ("published", "date"):
        value = metadata.get(key)
        if value is None or value == "":
            continue
        try:
            return parse_date_value(value)
        except ValueError as exc:
            log.warning("%s: front matter '%s' ignored: %s", name, key, exc)
    return None


def blank_markdown(source: str, *, name: str = "<markdown>") -> MarkdownText:
    """Blank what must not be checked; see the module docstring for what and why."""
    blanker = _Blanker(source)
    metadata, front_end = _front_matter(source, name)
    if front_end:
        blanker.blank(0, front_end)
    # markdown-it turns "\r\n" and lone "\r" into "\n"; do the same without changing length,
    # so that its line numbers and our offsets agree.
    normalized = source.replace("\r\n", " \n").replace("\r", "\n")
    if front_end:
        normalized = _NOT_NEWLINE.sub(" ", normalized[:front_end]) + normalized[front_end:]
    title = _blank_markdown_body(normalized, blanker)
    meta_title = metadata.get("title")
    if isinstance(meta_title, str | int | float) and str(meta_title).strip():
        title = str(meta_title).strip()
    text, skipped = blanker.result()
    return MarkdownText(text=text, skipped=skipped, metadata=metadata, title=title)


class _Blanker:
    """Collects regions to blank, then applies them in one pass."""

    def __init__(self, source: str):
        self.source = source
        self.regions: list[tuple[int, int]] = []

    def blank(self, start: int, end: int) -> None:
        if end > start:
            self.regions.append((start, end))

    def result(self) -> tuple[str, list[Span]]:
        merged: list[list[int]] = []
        for start, end in sorted(self.regions):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        pieces: list[str] = []
        pos = 0
        for start, end in merged:
            pieces.append(self.source[pos:start])
            pieces.append(_NOT_NEWLINE.sub(" ", self.source[start:end]))
            pos = end
        pieces.append(self.source[pos:])
        return "".join(pieces), [Span(start, end) for start, end in merged]


def _front_matter(source: str, name: str) -> tuple[dict[str, Any], int]:
    """YAML (``---``) or TOML (``+++``) front matter: its mapping and where it ends (0: none).

    A leading ``---`` is also a thematic break in Markdown, so the block counts as front
    matter only if it parses to a mapping, or at least looks like ``key: value`` lines.
    """
    first_end = source.find("\n")
    first_line = source[: first_end if first_end >= 0 else len(source)].rstrip()
    if first_line not in _FRONT_MATTER_FENCES or first_end < 0:
        return {}, 0
    closers = _FRONT_MATTER_FENCES[first_line]
    pos = first_end + 1
    while pos <= len(source):
        line_end = source.find("\n", pos)
        if line_end < 0:
            line_end = len(source)
        if source[pos:line_end].rstrip() in closers:
            body = source[first_end + 1 : pos]
            end = min(line_end + 1, len(source))
            return _parse_front_matter(body, first_line, name, end)
        pos = line_end + 1
    return {}, 0


def _parse_front_matter(body: str, fence: str, name: str, end: int) -> tuple[dict[str, Any], int]:
    try:
        data = tomllib.loads(body) if fence == "+++" else yaml.safe_load(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as exc:
        first = next((line for line in body.splitlines() if line.strip()), "")
        if fence == "+++" or _YAML_KEY_LINE.match(first):
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.warning(
                "%s: front matter is not valid %s (%s); it is skipped unread",
                name,
                "TOML" if fence == "+++" else "YAML",
                reason,
            )
            return {}, end
        return {}, 0
    if data is None:
        return {}, end
    if not isinstance(data, dict):
        return {}, 0
    return {str(key): value for key, value in data.items()}, end


def _blank_markdown_body(normalized: str, blanker: _Blanker) -> str | None:
    """Walk the block tokens; blank code, HTML and reference definitions; scan inline text.

    Returns the text of the first level-1 heading, a fallback title.
    """
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(normalized, env)
    line_starts = [0]
    line_starts.extend(i + 1 for i, ch in enumerate(normalized) if ch == "\n")
    line_starts.append(len(normalized) + 1)

    def line_range(first: int, last: int) -> tuple[int, int]:
        """Offsets from the start of line ``first`` to the end of line ``last - 1``."""
        first = min(first, len(line_starts) - 2)
        last = min(max(last, first + 1), len(line_starts) - 1)
        return line_starts[first], max(line_starts[first], line_starts[last] - 1)

    title: str | None = None
    scanned: set[tuple[int, int]] = set()
    marker_cursor: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block"):
            blanker.blank(*line_range(first, last))
        elif token.type == "html_block":
            _blank_html_block(normalized, *line_range(first, last), blanker)
        elif token.type == "inline" and (first, last) not in scanned:
            scanned.add((first, last))
            start, end = line_range(first, last)
            _InlineScan(normalized, start, end, md, env, blanker).run()
        elif token.type == "list_item_open" and token.info:
            _blank_list_number(normalized, token, line_starts, marker_cursor, blanker)
        elif (
            title is None
            and token.type == "heading_open"
            and token.tag == "h1"
            and index + 1 < len(tokens)
        ):
            title = _plain_inline_text(tokens[index + 1]) or None
    for reference in env.get("references", {}).values():
        ref_map = reference.get("map")
        if ref_map:
            blanker.blank(*line_range(ref_map[0], ref_map[1]))
    return title


def _blank_html_block(text: str, start: int, end: int, blanker: _Blanker) -> None:
    """Blank the tags of an HTML block, keep the text between them and keep comments."""
    block = text[start:end]
    if _RAW_HTML_BLOCK.match(block):
        blanker.blank(start, end)
        return
    comments: list[tuple[int, int]] = []
    for match in HTML_TAG_RE.finditer(block):
        if match.group(0).startswith("<!--"):
            comments.append(match.span())
        else:
            blanker.blank(start + match.start(), start + match.end())
    _blank_bare_urls(block, start, comments, blanker)


def _blank_bare_urls(
    text: str, base: int, comments: list[tuple[int, int]], blanker: _Blanker
) -> None:
    """Blank bare URLs in ``text`` (which starts at offset ``base``), except in comments."""
    for match in _BARE_URL.finditer(text):
        start, end = match.start(), match.start() + _trim_url(match.group(0))
        if not any(c_start < end and start < c_end for c_start, c_end in comments):
            blanker.blank(base + start, base + end)


def _blank_list_number(
    text: str, token: Token, line_starts: list[int], cursor: dict[int, int], blanker: _Blanker
) -> None:
    """Blank "3." of an ordered list item: the number is numbering, not a figure."""
    line = token.map[0] if token.map else 0
    if line + 1 >= len(line_starts):
        return
    line_end = line_starts[line + 1] - 1
    marker = re.compile(r"(?<![0-9])" + re.escape(token.info + token.markup))
    match = marker.search(text, cursor.get(line, line_starts[line]), line_end)
    if match:
        blanker.blank(match.start(), match.end())
        cursor[line] = match.end()


def _plain_inline_text(token: Token) -> str:
    """The text of a heading without its markup ("Floods `2024`" -> "Floods 2024")."""
    if token.type != "inline":
        return ""
    parts = []
    children = _inline_parser().parseInline(token.content)[0].children or []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


class _InlineScan:
    """One block of inline text: find code spans, link targets, tags; blank them.

    The state object is markdown-it's own, over just this block's source, so its rules can be
    asked "does a code span / link / ... start here?" (silent mode parses without emitting).
    """

    def __init__(
        self, text: str, start: int, end: int, md: MarkdownIt, env: dict, blanker: _Blanker
    ):
        self.src = text[start:end]
        self.base = start
        self.state = StateInline(self.src, md, env, [])
        self.blanker = blanker
        # (label end, target end): on reaching a link's "]", jump over its target.
        self.pending_targets: list[tuple[int, int]] = []
        # HTML comments, kept verbatim (suppressions live there).
        self.comments: list[tuple[int, int]] = []

    def blank(self, start: int, end: int) -> None:
        self.blanker.blank(self.base + start, self.base + end)

    def run(self) -> None:
        src = self.src
        pos = 0
        while pos < len(src):
            if self.pending_targets and pos >= self.pending_targets[-1][0]:
                pos = max(pos, self.pending_targets.pop()[1])
                continue
            match = _INLINE_START.search(src, pos)
            next_target = self.pending_targets[-1][0] if self.pending_targets else len(src)
            if match is None or match.start() >= next_target:
                pos = next_target
                continue
            pos = self.step(match.start())
        self.bare_urls()

    def bare_urls(self) -> None:
        _blank_bare_urls(self.src, self.base, self.comments, self.blanker)

    def step(self, pos: int) -> int:
        """Handle the construct that may start at ``pos``; return where scanning resumes."""
        src = self.src
        char = src[pos]
        if char == "\\":
            following = src[pos + 1 : pos + 2]
            return pos + 2 if following and following in _ASCII_PUNCTUATION else pos + 1
        if char == "`":
            return self.code_span(pos)
        if char == "<":
            return self.angle(pos)
        if char == "!":
            if src.startswith("![", pos):
                return self.link_like(pos, image, label_at=pos + 1, disable_nested=False)
            return pos + 1
        if char == "[":
            resumed = self.link_like(pos, link, label_at=pos, disable_nested=True)
            if resumed == pos + 1:
                footnote = _FOOTNOTE_REFERENCE.match(src, pos)
                if footnote:
                    self.blank(footnote.start(), footnote.end())
                    return footnote.end()
            return resumed
        if char == "&":
            reference = _NUMERIC_CHARACTER_REFERENCE.match(src, pos)
            if reference:
                self.blank(reference.start(), reference.end())
                return reference.end()
        return pos + 1

    def code_span(self, pos: int) -> int:
        run_end = pos
        while run_end < len(self.src) and self.src[run_end] == "`":
            run_end += 1
        self.state.pos = pos
        if backtick(self.state, True) and self.state.pos > run_end:
            self.blank(pos, self.state.pos)
            return self.state.pos
        return run_end

    def angle(self, pos: int) -> int:
        state = self.state
        state.pos = pos
        if autolink(state, True):
            self.blank(pos, state.pos)
            return state.pos
        state.pos = pos
        if html_inline(state, True):
            end = state.pos
            if self.src.startswith("<!--", pos):
                self.comments.append((pos, end))
            else:
                self.blank(pos, end)
            return end
        return pos + 1

    def link_like(self, pos: int, rule, *, label_at: int, disable_nested: bool) -> int:
        """A link or image at ``pos``: blank its target, scan on inside its text."""
        state = self.state
        state.pos = pos
        if not rule(state, True):
            return pos + 1
        end = state.pos
        # The same label parse the rule made (links may not nest; images may hold links).
        label_end = state.md.helpers.parseLinkLabel(state, label_at, disable_nested)
        if label_end < 0:
            return pos + 1
        # Everything after "]": "(url "title")", "[ref]", or nothing for "[ref]" alone.
        self.blank(label_end + 1, end)
        self.pending_targets.append((label_end, end))
        return label_at + 1


def _trim_url(url: str) -> int:
    """Length of a bare URL without the sentence punctuation after it (GFM's rule)."""
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _URL_TRAILING:
            end -= 1
        elif last == ")" and url.count("(", 0, end) < url.count(")", 0, end):
            end -= 1
        else:
            break
    return end
