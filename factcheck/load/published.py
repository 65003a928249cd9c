"""The publication date: which source wins, and reading a date out of metadata.

Precedence: the ``--published`` option, then the document's own metadata (a JSONL field or
Markdown front matter), then a dateline at the top of the text, then nothing. Relative dates
("last week", "on Monday") are resolved against this date, so a wrong guess is worse than
none: a value that does not name a whole day is refused rather than completed with today's.

A *publication window* is the weaker fact for undated text: the first and last day the
article can be from ("the archive holds 2004-2005 stories"). It comes from the
``--published-between`` option, then the document's own ``published_between`` (a JSONL field,
Markdown front matter), then the configuration's ``published-between`` (applied by the command
line, which knows each file's configuration). Only checks that need a period rather than a day
read it (currency conversions take the exchange rates of the whole window); relative dates are
never resolved against it, because "last week" in a two-year window is no date at all.

The window is not inferred from the text (measured by ``eval/publication_window.py``). The
latest year a past-tense clause writes is a lower bound, but only as good as the tense reading
("was expected to be completed by 2006" is past tense about the future), and a lower bound
alone sharpens nothing: since 2004 sterling has bought anywhere from $1.06 to $2.11. Nothing
written bounds the window from above: in the dated dev articles the publication year is within
a year of that latest past year in about a quarter of those that write one. With the window
guessed as [that year, the next], the currency check flagged consistent BBC conversions and
missed 2 of the archive's 4 real errors; the archive's own 2004-2005 flags exactly the 4.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib
import re
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


PublicationWindow = tuple[dt.date, dt.date]

_WINDOW_HELP = (
    "write FIRST..LAST, each end a year, a month or a day "
    "(2004..2005, 2004-03..2004-06, 2004-01-01..2005-12-31)"
)
_ISO_PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# ISO 8601 writes an interval with "/" ("2004-01-01/2005-12-31"); only between ISO ends, since
# a slash is also a separator inside written dates ("14/03/2004").
_ISO_INTERVAL = re.compile(r"\s*(\d{4}(?:-\d{1,2}){0,2})\s*/\s*(\d{4}(?:-\d{1,2}){0,2})\s*")


def _period(value: Any) -> PublicationWindow:
    """The first and last day of one end of a window: a year, an ISO month, or a whole day."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a year or a date")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        match = _ISO_PERIOD.fullmatch(text)
        if match and match[3] is None:
            year = int(match[1])
            if match[2] is None:
                return _checked(text, year, 1, 1), _checked(text, year, 12, 31)
            month = int(match[2])
            first = _checked(text, year, month, 1)
            return first, _checked(text, year, month, calendar.monthrange(year, month)[1])
    day = parse_date_value(value)
    return day, day


def _checked(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid year or month: {exc}") from None


def parse_window_value(value: Any) -> PublicationWindow:
    """A publication window: ``(first day, last day)``, both included.

    Accepts "FIRST..LAST" (or the ISO 8601 "FIRST/LAST"), a list of two ends, or one period
    alone ("2005": the whole year). Each end is a year, an ISO month ("2004-03") or a whole day
    in any form ``parse_date_value`` reads; the first end counts from the first day of its
    period, the last to the last day of its own ("2004..2005" is 2004-01-01..2005-12-31).
    Raises ValueError, with the accepted forms, for anything else or a window that ends
    before it starts.
    """
    shown = repr(value) if not isinstance(value, str) else repr(value.strip())
    try:
        if isinstance(value, str) and ".." in value:
            ends: list[Any] = value.split("..")
        elif isinstance(value, str) and (interval := _ISO_INTERVAL.fullmatch(value)):
            ends = [interval[1], interval[2]]
        elif isinstance(value, list | tuple):
            ends = list(value)
        else:
            ends = [value]
        if len(ends) not in (1, 2) or any(isinstance(end, str) and not end.strip() for end in ends):
            raise ValueError("not one or two ends")
        first, last = _period(ends[0])[0], _period(ends[-1])[1]
    except ValueError:
        raise ValueError(f"{shown} is not a publication window: {_WINDOW_HELP}") from None
    if last < first:
        raise ValueError(
            f"{shown} is not a publication window: it ends ({last}) before it starts ({first})"
        )
    return first, last


def format_window(window: PublicationWindow) -> str:
    """A window as the option writes it: "2004-01-01..2005-12-31"."""
    return f"{window[0].isoformat()}..{window[1].isoformat()}"


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


def resolve_published(
    document: Document,
    option: dt.date | None,
    window_option: PublicationWindow | None = None,
) -> Document:
    """Apply the precedence above to a freshly loaded document (in place; returned for ease).

    The loader has already set ``published``/``published_source`` (and the window) from
    metadata if there was any; this puts the options over them, or the dateline under the date.
    """
    if window_option is not None:
        document.published_between = window_option
        document.published_between_source = "option"
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


def apply_configured_window(document: Document, configured: PublicationWindow | None) -> Document:
    """The configuration's window, for a document that has none from the option or itself."""
    if configured is not None and document.published_between is None:
        document.published_between = configured
        document.published_between_source = "config"
    return document
