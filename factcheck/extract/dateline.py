"""The dateline at the top of an article: where a loader finds the publication date.

Three shapes are read, and only on the first lines of the text (``TOP_LINES`` non-empty lines
within ``TOP_CHARACTERS`` characters), each anchored at the start of its line so that an ordinary
first sentence with a date later in it ("On Sunday, the state of emergency begun on November 15
...") is never taken for one:

* ``published-label``: "Published: Tue, February 12, 2019", "Updated 12 February 2019 10:30";
* ``wikinews``: a calendar date alone on its line, as Wikinews prints it:
  "Friday, January 4, 2019" (the weekday is optional);
* ``iso``: an ISO date alone on its line, "2019-02-12" (a time may follow);
* ``wire``: an agency dateline opening a paragraph: "LONDON, Feb 26 (Reuters) -",
  "WASHINGTON, March 3 -".

A wire dateline usually has no year. Then ``Dateline.date`` is None and ``month``/``day`` hold
what was written; a caller with some reference date (a file's modification time, a crawl date)
gets the full date from ``Dateline.on_or_before(reference)``. No year is guessed here, least of
all from today's clock.

The weekday is returned as written, even when it contradicts the date: the weekday check reports
that, and the date itself stays the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from factcheck.document import Span
from factcheck.extract.dates import WrittenDate, find_dates

TOP_LINES = 3
TOP_CHARACTERS = 300

_LABEL = re.compile(
    r"(?i:(?:first\s+|last\s+)?(?:published|posted|updated|modified|dated|date)"
    r"(?:\s+on)?)\s*(?::|-|–|—)?\s*"
)
# A place in capitals, maybe with its region ("SPRINGFIELD, Ill."), then a comma.
_WIRE_PLACE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?),\s*"
)
# A place in title case ("Geneva, 4 May (Agency) -") counts only with an agency after the date.
_WIRE_TITLE_PLACE = re.compile(
    r"(?!(?:In|On|At|By|The|From|Since|Until|As|For|After|Before|During)\b)"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s*"
)
_WIRE_AGENCY = re.compile(r"\s*\((?P<agency>[A-Z][\w .&/-]{0,30})\)")
_WIRE_DASH = re.compile(r"\s*(?:--|[-–—])")
# What may follow the date of a label: nothing, a separator, or a time. Not prose: "Updated on
# March 3, 2019, the rules say..." is a sentence.
_AFTER_LABELLED_DATE = re.compile(
    r"\s*(?:$|[|•·(/]|(?:,\s*|(?i:at)\s+)?(?:\d{1,2}[:.]\d{2}|(?i:\d{1,2}\s*[ap]\.?m\b)))"
)
_ISO_REST = re.compile(
    r"(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?\s*$"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The publication date an article states at its top.

    ``date`` is None only for a wire dateline written without a year; ``month`` and ``day``
    always hold what was written. ``span`` covers the date as written (weekday included), in
    offsets of the text given to ``find_dateline``. ``weekday`` is the weekday as written
    (0 = Monday) or None.
    """

    date: dt.date | None
    span: Span
    weekday: int | None
    kind: str  # "published-label", "wikinews", "iso", "wire"
    month: int
    day: int

    def on_or_before(self, reference: dt.date) -> dt.date:
        """The written date itself, or for a yearless one the latest such day not after
        ``reference`` (a dateline is never later than the moment the text was obtained)."""
        if self.date is not None:
            return self.date
        for year in range(reference.year, reference.year - 9, -1):  # 9: a leap year for Feb 29
            if self.day <= calendar.monthrange(year, self.month)[1]:
                candidate = dt.date(year, self.month, self.day)
                if candidate <= reference:
                    return candidate
        raise ValueError(f"no day {self.month}-{self.day} in the calendar")


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """Where the date of a dateline sits in one line (offsets local to the line)."""

    kind: str
    start: int
    end: int
    written: WrittenDate


def _is_calendar_date(found: WrittenDate, need_year: bool) -> bool:
    if found.form == "iso":
        return True
    return (
        found.form == "date" and found.day_end is None and (found.year is not None or not need_year)
    )


def _date_at(dates: list[WrittenDate], line: str, position: int) -> WrittenDate | None:
    """The date written at ``position`` of ``line`` (after blanks), if one starts there."""
    while position < len(line) and line[position].isspace():
        position += 1
    return next((found for found in dates if found.start == position), None)


def _labelled(line: str, dates: list[WrittenDate]) -> DatelineMatch | None:
    label = _LABEL.match(line)
    if label is None:
        return None
    found = _date_at(dates, line, label.end())
    if found is None or not _is_calendar_date(found, need_year=True):
        return None
    if not _AFTER_LABELLED_DATE.match(line, found.end):
        return None
    return DatelineMatch("published-label", found.start, found.end, found)


def _alone(line: str, dates: list[WrittenDate]) -> DatelineMatch | None:
    found = _date_at(dates, line, 0)
    if found is None or not _is_calendar_date(found, need_year=True):
        return None
    rest = line[found.end :]
    if found.form == "iso":
        if not _ISO_REST.match(rest):
            return None
        return DatelineMatch("iso", found.start, found.end, found)
    if rest.strip(" \t.") == "":
        return DatelineMatch("wikinews", found.start, found.end, found)
    return None


def _wire(line: str, dates: list[WrittenDate]) -> DatelineMatch | None:
    place = _WIRE_PLACE.match(line) or _WIRE_TITLE_PLACE.match(line)
    if place is None:
        return None
    found = _date_at(dates, line, place.end())
    if found is None or not _is_calendar_date(found, need_year=False):
        return None
    position = found.end
    agency = _WIRE_AGENCY.match(line, position)
    if agency:
        position = agency.end()
    elif not place.group("place").replace(" ", "").replace(",", "").isupper():
        return None  # "Paris, March 3 -" needs its agency to be a dateline; "PARIS," does not
    if not _WIRE_DASH.match(line, position):
        return None
    return DatelineMatch("wire", found.start, found.end, found)


def match_dateline(line: str) -> DatelineMatch | None:
    """The dateline that ``line`` is or opens, if any. Offsets are local to ``line``."""
    if not line.strip():
        return None
    dates = find_dates(line)
    if not dates:
        return None
    return _labelled(line, dates) or _alone(line, dates) or _wire(line, dates)


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the top of ``text``, or None. Never raises on odd input."""
    if not isinstance(text, str):
        return None
    line_start = 0
    lines_seen = 0
    while line_start < min(len(text), TOP_CHARACTERS) and lines_seen < TOP_LINES:
        newline = text.find("\n", line_start)
        line_end = len(text) if newline < 0 else newline
        line = text[line_start:line_end]
        if line.strip():
            lines_seen += 1
            found = match_dateline(line)
            if found is not None:
                return _dateline(found, line_start)
        if newline < 0:
            break
        line_start = newline + 1
    return None


def _dateline(found: DatelineMatch, line_start: int) -> Dateline | None:
    written = found.written
    if written.month is None or written.day is None:
        return None
    date = None
    if written.year is not None:
        try:
            date = dt.date(written.year, written.month, written.day)
        except ValueError:
            return None
    return Dateline(
        date=date,
        span=Span(line_start + found.start, line_start + found.end),
        weekday=written.weekday,
        kind=found.kind,
        month=written.month,
        day=written.day,
    )
