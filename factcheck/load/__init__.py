"""Loaders: files, folders and stdin to ``Document`` objects.

One module per input format (``text``, ``markdown``, ``jsonl``); ``decode`` holds what they
share (size limit, binary sniffing, encodings) and ``published`` the publication-date rules.

Two kinds of failure, kept apart on purpose:

- ``InputError`` (an exception): the input as a whole is unusable — missing, a directory, binary,
  empty, over ``max_bytes``. Its message is one plain line; the CLI prints it and moves on.
- ``LoadError`` (a value): one record of a batch is unusable. ``load_path`` yields it in the
  record's place, so a bad line in a JSONL file costs that line only.

Warnings (text that is not UTF-8, unreadable front matter) go to the ``factcheck.load``
logger; the CLI shows them on stderr as ``factcheck: warning: ...``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from factcheck.document import Document
from factcheck.load.decode import DEFAULT_MAX_BYTES, decode_text, open_input, read_limited
from factcheck.load.errors import InputError, LoadError, debug_enabled
from factcheck.load.jsonl import JSONL_SUFFIXES, iter_jsonl
from factcheck.load.markdown import MARKDOWN_SUFFIXES, markdown_document
from factcheck.load.published import (
    PublicationWindow,
    parse_date_value,
    parse_window_value,
    resolve_published,
)
from factcheck.load.text import text_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DIRECTORY_SUFFIXES",
    "FORMATS",
    "InputError",
    "LoadError",
    "STDIN_NAME",
    "detect_format",
    "iter_paths",
    "load_path",
    "load_stdin",
    "load_string",
    "parse_date_value",
    "parse_window_value",
]

log = logging.getLogger("factcheck.load")

FORMATS = ("text", "markdown", "jsonl")
# What a folder is searched for. A file named explicitly is read whatever its suffix.
DIRECTORY_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})
STDIN_NAME = "stdin"
STDIN_PATH = "-"

LoadItem = Document | LoadError


def detect_format(path: Path) -> str:
    """The format its suffix implies: "jsonl", "markdown" or "text"."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into their text and Markdown files, like a linter over a tree.

    Files and "-" pass through as given (a missing path too: loading it raises the error, so
    one bad argument does not stop the others). A folder yields its .txt, .text, .md and
    .markdown files, recursively, sorted, skipping hidden files and folders.
    """
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN_PATH or not path.is_dir():
            yield path
            continue
        found = sorted(_walk(path), key=lambda p: p.parts)
        if not found:
            log.warning(
                "%s: no %s files in this folder", path, "/".join(sorted(DIRECTORY_SUFFIXES))
            )
        yield from found


def _walk(root: Path) -> Iterator[Path]:
    def complain(exc: OSError) -> None:
        log.warning("cannot read folder %s: %s", exc.filename, exc.strerror or exc)

    for folder, subfolders, files in os.walk(root, onerror=complain):
        subfolders[:] = [
            d for d in subfolders if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES
        ]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in DIRECTORY_SUFFIXES:
                yield Path(folder, name)


def load_path(
    path: Path,
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str | None = None,
    published_between: PublicationWindow | None = None,
) -> Iterator[LoadItem]:
    """The documents in one file: one for text or Markdown, one per line for JSONL.

    ``published`` (the --published option) overrides every date the file gives, and
    ``published_between`` (--published-between) every publication window. ``fmt``
    overrides the format the suffix implies. A generator: errors about the file as a whole
    (InputError) are raised when iteration starts.
    """
    path = Path(path)
    name = str(path)
    fmt = fmt or detect_format(path)
    _check_format(fmt)
    handle, size = open_input(path)
    with handle:
        if fmt == "jsonl":
            items = iter_jsonl(
                handle,
                path=name,
                name=name,
                max_bytes=max_bytes,
                read_published=published is None,
                read_published_between=published is None and published_between is None,
            )
            for item in items:
                yield _finish(item, published, published_between)
            return
        data = read_limited(handle, name, max_bytes, size)
    document = _single_document(data, fmt, path=name, name=name, doc_id=path.name)
    yield _finish(document, published, published_between)


def load_stdin(
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str = "text",
    stream: BinaryIO | None = None,
    published_between: PublicationWindow | None = None,
) -> Iterator[LoadItem]:
    """The documents on standard input (or ``stream``), read as ``fmt``. Path "-", id "stdin"."""
    _check_format(fmt)
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only replacement (tests, embedding): re-encode it
            import io

            stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    if fmt == "jsonl":
        items = iter_jsonl(
            stream,
            path=STDIN_PATH,
            name=STDIN_NAME,
            max_bytes=max_bytes,
            read_published=published is None,
            read_published_between=published is None and published_between is None,
        )
        for item in items:
            yield _finish(item, published, published_between)
        return
    data = read_limited(stream, STDIN_NAME, max_bytes)
    document = _single_document(data, fmt, path=STDIN_PATH, name=STDIN_NAME, doc_id=STDIN_NAME)
    yield _finish(document, published, published_between)


def load_string(
    text: str,
    *,
    fmt: str = "text",
    path: str = "<string>",
    doc_id: str | None = None,
    published: dt.date | None = None,
    published_between: PublicationWindow | None = None,
) -> Document:
    """A Document from text already in memory (rule examples, tests, other programs)."""
    if fmt == "markdown":
        document = markdown_document(text, path=path, doc_id=doc_id or path)
    elif fmt == "text":
        document = text_document(text, path=path, doc_id=doc_id or path)
    else:
        raise ValueError(f"load_string reads text or markdown, not {fmt!r}")
    return resolve_published(document, published, published_between)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; known: {', '.join(FORMATS)}")


def _single_document(data: bytes, fmt: str, *, path: str, name: str, doc_id: str) -> Document:
    text = decode_text(data, name)
    if fmt == "markdown":
        return markdown_document(text, path=path, doc_id=doc_id, name=name)
    return text_document(text, path=path, doc_id=doc_id)


def _finish(
    item: LoadItem, published: dt.date | None, published_between: PublicationWindow | None = None
) -> LoadItem:
    """Settle the publication date; a failure in the dateline finder costs one document."""
    if isinstance(item, LoadError):
        return item
    try:
        return resolve_published(item, published, published_between)
    except Exception as exc:  # noqa: BLE001 - any bug here must cost one document, not the run
        if debug_enabled():
            raise
        return LoadError(
            path=item.path,
            id=item.id,
            message=f"internal error: {type(exc).__name__}: {exc}",
        )
