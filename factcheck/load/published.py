"""The publication date: which source wins, and reading a date out of metadata.

Precedence: the ``--published`` option, then the document's own metadata (a JSONL field or
Markdown front matter), then a dateline at the top of the text, then nothing. Relative dates
("last week", "on Monday") are resolved against this date, so a wrong guess is worse than
none: a value that does not name a whole day is refused rather than completed with today's.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

from dateutil import parser as dateutil_parser

from factcheck.document import Document

# Two defaults far apart: a date string that leaves a field out parses differently under each.
_DEFAULT_A = dt.datetime(2001, 1, 1)
_DEFAULT_B = dt.datetime(2002, 2, 2)


def parse_date_value(value: Any) -> dt.date:
    """A whole calendar day from metadata: a date, a datetime, or a string naming a full date.

    Accepts ISO 8601 ("2024-03-14", "2024-03-14T09:30:00+01:00") and written dates
    ("14 March 2024", "March 14, 2024"). Raises ValueError for anything vaguer ("March 2024").
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not a date")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        first = dateutil_parser.parse(text, default=_DEFAULT_A)
        second = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        raise ValueError(f"{text!r} is not a date") from None
    if first.date() != second.date():
        raise ValueError(f"{text!r} is not a whole date (day, month and year)")
    return first.date()


def _dateline_finder() -> Callable[[str], Any] | None:
    """``factcheck.extract.dateline.find_dateline`` if that module exists, else None."""
    name = "factcheck.extract.dateline"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name in (name, "factcheck.extract"):
            return None
        raise
    return getattr(module, "find_dateline", None)


def resolve_published(document: Document, option: dt.date | None) -> Document:
    """Apply the precedence above to a freshly loaded document (in place; returned for ease).

    The loader has already set ``published``/``published_source`` from metadata if there was
    any; this puts the option over it, or the dateline under it.
    """
    if option is not None:
        document.published = option
        document.published_source = "option"
        return document
    if document.published is not None:
        return document
    find_dateline = _dateline_finder()
    if find_dateline is None:
        return document
    dateline = find_dateline(document.text)
    found = getattr(dateline, "date", None) if dateline is not None else None
    if isinstance(found, dt.date):
        document.published = found.date() if isinstance(found, dt.datetime) else found
        document.published_source = "dateline"
    return document
