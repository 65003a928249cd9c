"""JSONL batches: one document per line, ``{"id", "text", "published"?, "title"?}``.

An undated record may carry ``"published_between"``: its publication window, as
``"2004-01-01..2005-12-31"``, ``"2004..2005"`` or ``["2004-01-01", "2005-12-31"]``.

Read as a stream, line by line, so a batch of any size costs one line of memory; the size
limit applies to each line, not to the file. A line that cannot become a document (not JSON,
no "text", an unreadable date) is yielded as a ``LoadError`` in its place and the batch goes
on. Extra fields are ignored; the text is plain text (offsets are into the "text" string).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from factcheck.document import Document
from factcheck.load.decode import (
    SNIFF_BYTES,
    check_not_binary,
    format_size,
    os_error,
)
from factcheck.load.errors import InputError, LoadError
from factcheck.load.published import parse_date_value, parse_window_value

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_SKIP_CHUNK = 1 << 16


class _BadRecord(Exception):
    """A line that cannot become a document; carries the id when one could be read."""

    def __init__(self, message: str, doc_id: str | None = None):
        super().__init__(message)
        self.message = message
        self.doc_id = doc_id


def iter_jsonl(
    stream: BinaryIO,
    *,
    path: str,
    name: str,
    max_bytes: int,
    read_published: bool = True,
    read_published_between: bool = True,
) -> Iterator[Document | LoadError]:
    """Documents (or LoadErrors) from a JSONL byte stream, in file order.

    ``path`` goes into each document, ``name`` into messages. ``read_published=False`` skips
    the "published" field (the caller has a date that overrides it, so a bad one is no error);
    ``read_published_between=False`` likewise the "published_between" window.
    Raises InputError only for the file as a whole: binary, or no records at all.
    """
    peek = getattr(stream, "peek", None)
    if peek is not None:
        check_not_binary(peek(SNIFF_BYTES)[:SNIFF_BYTES], name)
    records = 0
    for line_number, raw, size in _lines(stream, name, max_bytes):
        if raw is None:
            records += 1
            yield LoadError(
                path=path,
                id=f"{path}:{line_number}",
                line=line_number,
                message=f"line {line_number}: the record is {format_size(size)}; the limit is "
                f"{format_size(max_bytes)} (raise it with --max-bytes)",
            )
            continue
        if line_number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        records += 1
        try:
            yield _document(
                raw,
                line_number,
                path=path,
                read_published=read_published,
                read_published_between=read_published_between,
            )
        except _BadRecord as bad:
            yield LoadError(
                path=path,
                id=bad.doc_id or f"{path}:{line_number}",
                line=line_number,
                message=f"line {line_number}: {bad.message}",
            )
    if records == 0:
        raise InputError(f"{name} is empty")


def _lines(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes without the newline or None if over the limit, size in bytes).

    A line over the limit is skipped in chunks, never held in memory whole.
    """
    line_number = 0
    while True:
        try:
            raw = stream.readline(max_bytes + 1)
        except OSError as exc:
            raise os_error(name, exc) from None
        if not raw:
            return
        line_number += 1
        if raw.endswith(b"\n"):
            raw = raw[:-1]
            if raw.endswith(b"\r"):
                raw = raw[:-1]
            if len(raw) <= max_bytes:
                yield line_number, raw, len(raw)
                continue
        elif len(raw) <= max_bytes:
            yield line_number, raw, len(raw)
            continue
        size = len(raw)
        while not raw.endswith(b"\n"):
            raw = stream.readline(_SKIP_CHUNK)
            if not raw:
                break
            size += len(raw)
        yield line_number, None, size


def _document(
    raw: bytes,
    line_number: int,
    *,
    path: str,
    read_published: bool,
    read_published_between: bool = True,
) -> Document:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadRecord(f"not valid UTF-8 (byte {exc.start + 1})") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _BadRecord("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _BadRecord(f"expected a JSON object with 'id' and 'text', got {_json_type(record)}")
    doc_id = _record_id(record, path, line_number)
    text = record.get("text")
    if text is None:
        raise _BadRecord("missing 'text'", doc_id)
    if not isinstance(text, str):
        raise _BadRecord(f"'text' must be a string, got {_json_type(text)}", doc_id)
    if not text.strip():
        raise _BadRecord("'text' is empty", doc_id)
    title = record.get("title")
    document = Document(
        text=text,
        path=path,
        id=doc_id,
        title=str(title) if isinstance(title, str | int | float) and str(title).strip() else None,
        format="text",
    )
    published = record.get("published")
    if read_published and published is not None and published != "":
        try:
            document.published = parse_date_value(published)
        except ValueError as exc:
            raise _BadRecord(f"'published': {exc}", doc_id) from None
        document.published_source = "field"
    window = record.get("published_between")
    if read_published_between and window is not None and window != "":
        try:
            document.published_between = parse_window_value(window)
        except ValueError as exc:
            raise _BadRecord(f"'published_between': {exc}", doc_id) from None
        document.published_between_source = "field"
    return document


def _record_id(record: dict[str, Any], path: str, line_number: int) -> str:
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        return f"{path}:{line_number}"
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | float):
        raise _BadRecord(f"'id' must be a string or a number, got {_json_type(raw_id)}")
    return str(raw_id)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "a number"
