"""Dates in a sentence: find where they are written, then place them on the calendar.

Finding and resolving are kept apart on purpose. ``dateparser.search.search_dates`` reads "may",
"We" and "20 people" as dates, splits "Feb. 9, 2024", gives no offsets and silently drops a
weekday that contradicts its date, so spans are found here with regular expressions over a small
lexicon (month and weekday names, relative words) plus context tests for the words that are not
always dates ("May", "March", "August", a bare "2014"). Each span is then resolved from the parts
it was written with, with ``dateutil.relativedelta`` for the calendar arithmetic: a written date
needs no guessing, and what cannot be read from the text (the year of "February 10", the week of
"on Monday") comes from the publication date and the tense of the clause, never from today's
clock.

The weekday of "Monday, February 10" is kept *as written*, even when the calendar disagrees: the
weekday check needs to see the mismatch, so nothing here "fixes" it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from factcheck.claims import DateClaim, Granularity, Resolution, Sentence, Tense
from factcheck.document import Span
from factcheck.extract.tense import SentenceTenses
from factcheck.numberwords import word_value

# --------------------------------------------------------------------------------------------
# Lexicon

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {name: n for n, name in enumerate(_MONTH_NAMES.split(), start=1)}
MONTH_ABBREVIATIONS = {name[:3]: n for name, n in MONTHS.items() if name != "may"} | {"sept": 9}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        "monday tuesday wednesday thursday friday saturday sunday".split()
    )
}
# Abbreviations are read only in front of a date ("Tue, February 12"): alone, "Sun", "Sat"
# and "Wed" are ordinary words.
WEEKDAY_ABBREVIATIONS = {name[:3]: n for name, n in WEEKDAYS.items()} | {
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
# Month names that are also common words: the verb and noun "march", the adjective "august",
# and worst, the modal "May" (and Theresa May). Alone, "March" and "August" need a preposition
# before them ("by March", "since August"); "May" needs one that only a month takes ("in May",
# "until May", "the end of May": never "by May" or "to May"). Any of them is a month with a
# modifier ("last March", "early May") or with a day or year.
_AMBIGUOUS_MONTHS = {3, 8}
_MAY = 5
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month
# How many periods ago, in words ("three weeks ago", "a couple of years ago"): number words
# (their values: numberwords) and the idioms that count.
_COUNT_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty"
).split()
_COUNT_IDIOMS = {"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a hundred": 100}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "FEB"), else None."""
    key = word.strip().rstrip(".").lower()
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def weekday_number(word: str) -> int | None:
    """0 (Monday) - 6 for a weekday name or abbreviation, else None."""
    key = word.strip().rstrip(".").lower()
    if key in WEEKDAYS:
        return WEEKDAYS[key]
    return WEEKDAY_ABBREVIATIONS.get(key)


def _cased(words: object) -> str:
    """Title-case and upper-case forms, longest first: names are proper nouns in news."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}  # type: ignore[attr-defined]
    return "|".join(sorted(forms, key=len, reverse=True))


# --------------------------------------------------------------------------------------------
# Patterns. Each finds candidates; a builder below checks the context and reads the parts.

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|20\d{2})"
# A day number that is not the start of a longer figure, a time or a decimal.
_DAY_ENDS = r"(?!\d|[.,:]\d)"
_MONTH = rf"(?P<month>(?:{_cased(MONTHS)})\b|(?:{_cased(MONTH_ABBREVIATIONS)})(?:\.|\b))"
_MONTH_FULL = rf"(?P<month>(?:{_cased(MONTHS)})\b)"
_WEEKDAY_PREFIX = (
    rf"(?:(?P<weekday>(?:{_cased(WEEKDAYS)})\b|(?:{_cased(WEEKDAY_ABBREVIATIONS)})(?:\.|\b))"
    r",?\s+)"
)
_PERIOD_MODIFIER = (
    r"(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of))(?:\s*-\s*|\s+)"
)
_RELATIVE_MODIFIER = r"(?i:this\s+past|this\s+coming|last|this|next|coming)"
_YEAR_ENDS = r"(?![\d%]|[.,]\d|\s*(?i:per\s*cent|percent))"
_DAY_JOINER = r"(?:\s*[-–]\s*|\s+(?:to|and|until|till|through)\s+)"

_MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w-]){_WEEKDAY_PREFIX}?{_MONTH}\s*(?P<day>{_DAY}){_ORDINAL}{_DAY_ENDS}"
    rf"(?:{_DAY_JOINER}(?P<day_end>{_DAY}){_ORDINAL}{_DAY_ENDS})?"
    rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_ENDS})?"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?:{_WEEKDAY_PREFIX}(?:the\s+)?)?(?<![\w.,:/$£€-])(?P<day>{_DAY}){_ORDINAL}"
    rf"(?:{_DAY_JOINER}(?P<day_end>{_DAY}){_ORDINAL})?\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_ENDS})?"
)
_ISO_DATE = re.compile(
    r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d/]|-\d|\.\d)"
)
_MONTH_YEAR = re.compile(
    rf"(?<![\w-])(?:{_PERIOD_MODIFIER})?{_MONTH},?\s+(?:of\s+)?(?P<year>{_YEAR}){_YEAR_ENDS}"
)
_MONTH_ALONE = re.compile(
    rf"(?<![\w-])(?:{_PERIOD_MODIFIER}|(?P<rel>{_RELATIVE_MODIFIER})\s+)?{_MONTH_FULL}"
    r"(?!\s*\d|-\w)"
)
_WEEKDAY = re.compile(
    rf"(?<![\w-])(?:(?P<rel>{_RELATIVE_MODIFIER})\s+)?(?P<weekday>(?:{_cased(WEEKDAYS)})\b)"
    r"(?!-\w)(?:\s+(?P<time_of_day>(?i:morning|afternoon|evening|night|overnight)\b))?"
)
_RELATIVE_DAY = re.compile(
    r"(?<![\w-])(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    r"today|tonight|yesterday|tomorrow))\b"
    r"(?:\s+(?P<time_of_day>(?i:morning|afternoon|evening|night)\b))?"
)
_RELATIVE_PERIOD = re.compile(
    r"(?<![\w-])(?:(?P<edge>(?i:earlier|later))\s+)?"
    rf"(?P<rel>{_RELATIVE_MODIFIER})\s+"
    r"(?P<unit>(?i:week|month|year|weekend|night|morning|afternoon|evening))\b(?!-\w)"
)
_ROLLING_PERIOD = re.compile(
    r"(?<![\w-])(?i:the\s+(?P<rel>past|last|coming)\s+"
    r"(?P<unit>week|fortnight|month|year|decade))\b(?!-\w)"
)
_THE_WEEKEND = re.compile(r"(?<![\w-])(?i:(?:over|at|during|on)\s+(?P<span>the\s+weekend))\b")
_COUNT_WORDS = "|".join(
    word.replace(" ", r"\s+")
    for word in sorted([*_COUNT_NUMBER_WORDS, *_COUNT_IDIOMS], key=len, reverse=True)
)
_AGO = re.compile(
    rf"(?<![\w-])(?P<count>\d{{1,3}}|(?i:{_COUNT_WORDS}))\s+"
    r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago)\b"
)
_ANCHORED = re.compile(
    r"(?<![\w-])(?i:the\s+(?:day|night)\s+(?P<direction>before|after)|"
    r"the\s+(?P<order>next|following|previous)\s+day)\b"
)
_SEASON = re.compile(
    rf"(?<![\w-])(?:{_PERIOD_MODIFIER}|(?P<rel>{_RELATIVE_MODIFIER})\s+)?"
    r"(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?!-\w)"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?:\s*[-–/]\s*(?P<year_end>\d{{4}}|\d{{2}}))?"
    rf"{_YEAR_ENDS})?"
)
_DECADE = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?"
    r"(?:(?P<decade>1\d{2}0|20\d0)|['’‘](?P<short>\d0))s\b"
)
_YEAR_RANGE = re.compile(
    rf"(?<![\w$£€.,/:-])(?P<year>{_YEAR})\s*(?P<joiner>[-–/]|\s(?:to|and|until|through)\s)\s*"
    rf"(?P<year_end>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d)"
)
_BARE_YEAR = re.compile(
    rf"(?<![\w$£€.,/:#-])(?:{_PERIOD_MODIFIER})?(?P<year>{_YEAR}){_YEAR_ENDS}(?![\w-])"
)
_HOLIDAY = re.compile(
    r"(?<![\w-])(?P<holiday>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day|"
    r"Valentine['’]s\s+Day|Hallowe['’]?en|Easter\s+(?:Sunday|Monday)|Good\s+Friday|"
    r"Christmas|Easter)\b(?!-\w)"
    rf"(?:\s+(?P<year>{_YEAR}){_YEAR_ENDS})?"
)

# Words before a bare year that make it a year: "in 2014", "since 2010", "by 2030".
_YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|by|until|till|through|throughout|during|before|after|circa|c\.|"
    r"year|fiscal|season|(?:end|start|beginning|middle|half|rest|part|spring|summer|autumn|fall|"
    r"winter|class|election|elections|census|vintage)\s+of)\s*$)"
)
# A year in a list of years: "in 2014 and 2018", "in 2012, 2016 and 2020".
_YEAR_LIST_BEFORE = re.compile(r"\b(?:1\d{3}|20\d{2})\s*(?:,|,?\s+(?:and|or))\s*$")
_YEAR_DETERMINER = re.compile(
    r"(?i:\b(?:the|a|an|its|his|her|their|this|that|our|whose|last|next|every|each)\s+$)"
)
_YEAR_RANGE_CONTEXT = re.compile(
    r"(?i:\b(?:from|between|in|since|during|for|the|of|over|throughout)\s+$)"
)
# Context in which a month name alone is a month: "in May", "since March", "last August".
_MONTH_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|until|till|during|throughout|through|by|before|after|from|of|to|"
    r"between|and|or|every|each|around|come)\s+$)"
)
_MAY_CONTEXT = re.compile(
    r"(?i:(?:\b(?:in|since|until|till|during|throughout|come)|"
    r"\b(?:end|beginning|start|middle|rest|half|month|part|first|second|third|last)\s+of|"
    r"\b(?:year|months|quarter|weeks|period)\s+to)\s+$)"
)
# "from March to May", "May and June": a month joined to another month.
_MONTH_JOINED_BEFORE = re.compile(
    rf"(?:{_cased(MONTHS)})(?:\s+\d{{1,2}})?\s*(?:(?i:to|and|or|until|through|till)|[-–])\s*$"
)
_MONTH_JOINED_AFTER = re.compile(
    rf"^\s*(?:(?i:to|and|or|until|through|till)|[-–])\s*(?:{_cased(MONTHS)})\b"
)
# Capitalised words around a weekday that make it part of a name: "Super Tuesday",
# "Good Friday" (read as a holiday), "the Sunday Times".
_WEEKDAY_NAME_BEFORE = frozenset(
    """
    super black good bloody ash holy cyber giving easter palm maundy shrove blue manic fat big
    mad
    """.split()
)
_WEEKDAY_NAME_AFTER = frozenset(
    """
    times telegraph mirror express post herald mail people sport independent tribune star
    observer record night club school business review show sun morning politics league edition
    """.split()
)
_SAYING_VERBS = {"said", "says", "told", "added", "wrote", "asked", "explained", "stated"}
# Nouns counted by a four-digit figure: "2000 people" is a count, not a year.
_COUNT_NOUNS = frozenset(
    """
    people men women children police staff personnel cattle sheep fish deer crew dead km m ft
    kg mph feet more others
    """.split()
)
_EVENT_PLURALS = frozenset(
    """
    elections olympics games championships finals midterms polls protests riots floods attacks
    talks accords negotiations playoffs awards hearings primaries paralympics bombings
    shootings fires wildfires earthquakes uprisings agreements sanctions figures results
    accounts statistics rules regulations
    """.split()
)
_WORDS_ENDING_IN_S = frozenset(
    """
    was has is its as this his thus plus less always perhaps hers theirs ours yours whereas
    towards afterwards besides unless news series does us yes
    """.split()
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w'’]*)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’]*)[\s,]*$")


# --------------------------------------------------------------------------------------------
# What was written


@dataclass(slots=True)
class WrittenDate:
    """A date expression as written, before resolution. Offsets are local to the text read.

    ``form`` says which parts were written: "date" (month and day, maybe a year and a weekday),
    "iso", "month", "year", "years", "decade", "season", "weekday", "relative_day", "period",
    "rolling", "weekend", "ago", "anchored", "holiday".
    """

    start: int
    end: int
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    year_end: int | None = None
    weekday: int | None = None
    weekday_start: int | None = None
    weekday_end: int | None = None
    modifier: str | None = None  # early / mid / late, or last / this / next / coming / past
    edge: str | None = None  # "earlier" / "later" this month
    unit: str | None = None  # week, month, year, weekend, day, night...
    count: int | None = None
    word: str | None = None  # the relative word, season or holiday, lower case
    year_step: int | None = None  # "March last year": the year is publication year + step
    preposition: str = ""  # the word before, lower case: "until", "since", "as of"
    from_event: bool = False  # "the day before the vote": anchored on an event, not a date

    @property
    def length(self) -> int:
        return self.end - self.start


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def _previous_word(text: str, start: int) -> str:
    match = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 80) : start].rstrip(" \t\n\"'“‘([")
    return (not before and start <= 80) or before.endswith((".", "!", "?", ":"))


def _counts_something(word: str) -> bool:
    """True when ``word`` after a four-digit figure makes the figure a count ("2000 troops")."""
    lower = word.lower()
    if not word or lower in _EVENT_PLURALS or word[0].isupper():
        return False
    if lower in _COUNT_NOUNS:
        return True
    return (
        lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and (lower not in _WORDS_ENDING_IN_S)
    )


def _normal_modifier(text: str | None) -> str | None:
    """ "the end of" -> "late", "this coming" -> "next": the modifiers the resolver knows."""
    if text is None:
        return None
    words = " ".join(text.lower().split())
    return {
        "the end of": "late",
        "end of": "late",
        "the beginning of": "early",
        "beginning of": "early",
        "the start of": "early",
        "start of": "early",
        "the middle of": "mid",
        "middle of": "mid",
        "this past": "last",
        "this coming": "next",
        "coming": "next",
    }.get(words, words)


def _with_weekday(found: WrittenDate, match: re.Match[str]) -> WrittenDate:
    if match.groupdict().get("weekday"):
        found.weekday = weekday_number(match.group("weekday"))
        found.weekday_start, found.weekday_end = match.span("weekday")
    return found


def _calendar_date(match: re.Match[str], text: str) -> WrittenDate | None:
    """ "February 12, 2019", "Tue, February 12", "12 February 2019", "Feb. 9", "FEB 26"."""
    day = int(match.group("day"))
    month = month_number(match.group("month"))
    if month is None:
        return None
    day_end = int(match.group("day_end")) if match.group("day_end") else None
    end = match.end()
    year = None
    after_range = _next_word(text, match.end("day_end")) if day_end is not None else ""
    if match.start("month") < match.start("day") and (
        _counts_something(after_range) or month_number(after_range) is not None
    ):
        # "on March 3 and 40 people", "from May 5 to 10 June": one date, then something else
        day_end, end = None, match.end("day")
    elif day_end is not None and day_end <= day:
        if match.start("month") > match.start("day"):
            return None  # "10-2 February"
        day_end, end = None, match.end("day")  # "February 10-2": a date and some other figure
    elif match.group("year"):
        if _counts_something(_next_word(text, match.end("year"))):
            # "March 3, 2000 people": the date ends before the count
            end = max(match.end("month"), match.end("day_end" if day_end else "day"))
        else:
            year = int(match.group("year"))
    if day > calendar.monthrange(year or 2000, month)[1]:
        return None  # "February 30" (2000 is a leap year, so February 29 passes without a year)
    found = WrittenDate(
        match.start(), end, "date", year=year, month=month, day=day, day_end=day_end
    )
    return _with_weekday(found, match)


def _iso_date(match: re.Match[str], text: str) -> WrittenDate | None:
    try:
        date = dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None
    return WrittenDate(
        match.start(), match.end(), "iso", year=date.year, month=date.month, day=date.day
    )


def _month_year(match: re.Match[str], text: str) -> WrittenDate | None:
    month = month_number(match.group("month"))
    if month is None or _counts_something(_next_word(text, match.end())):
        return None
    return WrittenDate(
        match.start(),
        match.end(),
        "month",
        year=int(match.group("year")),
        month=month,
        modifier=_normal_modifier(match.group("mod")),
    )


def _month_alone(match: re.Match[str], text: str) -> WrittenDate | None:
    month = month_number(match.group("month"))
    if month is None:
        return None
    start, end = match.span("month")
    modifier = _normal_modifier(match.group("mod") or match.group("rel"))
    before = text[max(0, start - 40) : start]
    after = text[end:]
    if modifier is None:
        joined = bool(_MONTH_JOINED_BEFORE.search(before) or _MONTH_JOINED_AFTER.match(after))
        if month == _MAY or month in _AMBIGUOUS_MONTHS:
            context = _MAY_CONTEXT if month == _MAY else _MONTH_CONTEXT
            if not (context.search(before) or joined):
                return None  # "there may be", "Theresa May said", "May God protect them"
            if month == _MAY and after.startswith(("'s", "’s")):
                return None  # "in May's deal"
        elif not (_MONTH_CONTEXT.search(before) or joined):
            following = _next_word(text, end)
            if following[:1].isupper() or following.lower() in _SAYING_VERBS:
                return None  # "June Carter said", "April told": a first name
            previous = _previous_word(text, start)
            if previous[:1].isupper() and not _at_sentence_start(text, start - len(previous)):
                return None  # "Prime Minister June": a name
    return WrittenDate(match.start(), end, "month", month=month, modifier=modifier)


def _weekday(match: re.Match[str], text: str) -> WrittenDate | None:
    start, end = match.span("weekday")
    previous = _previous_word(text, start)
    if previous.lower() in _WEEKDAY_NAME_BEFORE and previous[:1].isupper():
        return None
    following = _next_word(text, end)
    if following[:1].isupper() and following.lower() in _WEEKDAY_NAME_AFTER:
        return None
    return WrittenDate(
        match.start(),
        match.end(),
        "weekday",
        weekday=weekday_number(match.group("weekday")),
        weekday_start=start,
        weekday_end=end,
        modifier=_normal_modifier(match.group("rel")),
    )


def _relative_day(match: re.Match[str], text: str) -> WrittenDate | None:
    word = " ".join(match.group("word").lower().split())
    if match.group("word") == "Today" and (
        (
            _previous_word(text, match.start())[:1].isupper()
            and not _at_sentence_start(text, match.start())
        )
        or _next_word(text, match.end()).lower() in ("programme", "program", "show", "newspaper")
    ):
        return None  # "USA Today", "the Today programme"
    return WrittenDate(match.start(), match.end(), "relative_day", word=word)


def _relative_period(match: re.Match[str], text: str) -> WrittenDate | None:
    modifier = _normal_modifier(match.group("rel"))
    unit = match.group("unit").lower()
    if unit in ("night", "evening") and modifier == "last":
        return WrittenDate(match.start(), match.end(), "relative_day", word="yesterday")
    if unit in ("morning", "afternoon", "evening"):
        if modifier != "this" or match.group("edge"):
            return None  # "next morning" is narrative time, not a date
        return WrittenDate(match.start(), match.end(), "relative_day", word="today")
    if unit == "night":
        return None
    if modifier == "next" and re.search(r"(?i:\bthe\s+)$", text[: match.start()]):
        return None  # "the next year": the year after some event told of, not after publication
    edge = match.group("edge").lower() if match.group("edge") else None
    return WrittenDate(
        match.start(), match.end(), "period", modifier=modifier, unit=unit, edge=edge
    )


def _rolling_period(match: re.Match[str], text: str) -> WrittenDate | None:
    if _next_word(text, match.end()).lower() in ("of", "when", "that"):
        return None  # "the last week of May" is not the week before publication
    return WrittenDate(
        match.start(),
        match.end(),
        "rolling",
        modifier=match.group("rel").lower(),
        unit=match.group("unit").lower(),
    )


def _the_weekend(match: re.Match[str], text: str) -> WrittenDate | None:
    start, end = match.span("span")
    if re.match(r"\s+of\b", text[end:]):
        return None  # "over the weekend of 9 and 10 July": the date that follows says which
    return WrittenDate(start, end, "weekend", unit="weekend")


def _ago(match: re.Match[str], text: str) -> WrittenDate | None:
    written = " ".join(match.group("count").lower().split())
    count = _COUNT_IDIOMS[written] if written in _COUNT_IDIOMS else word_value(written)
    if count is None:
        return None
    unit = match.group("unit").lower().rstrip("s")
    return WrittenDate(match.start(), match.end(), "ago", unit=unit, count=count)


def _anchored(match: re.Match[str], text: str) -> WrittenDate | None:
    direction = (match.group("direction") or match.group("order")).lower()
    step = -1 if direction in ("before", "previous") else 1
    following = text[match.end() :].lstrip()
    # "signed the day after." counts from the date told before it; "the day before the vote"
    # counts from an event, which is no date unless the phrase restates one ("on Monday, the
    # day before the vote").
    closes = not following or following[0] in ".,;:!?)\"”'’—–"
    return WrittenDate(
        match.start(), match.end(), "anchored", count=step, unit="day", from_event=not closes
    )


def _season(match: re.Match[str], text: str) -> WrittenDate | None:
    season = match.group("season").lower()
    year = int(match.group("year")) if match.group("year") else None
    if year is not None and match.group("year_end"):
        # "the winter of 2006-07" is the winter that ends in 2007; other seasons do not span
        # two years, so a range after them is not theirs.
        last = int(match.group("year_end")[-2:]) + year // 100 * 100
        if season != "winter" or last != year + 1:
            return None
        year = last
    relative = _normal_modifier(match.group("rel"))
    part = _normal_modifier(match.group("mod"))
    if year is None and relative is None and part is None:
        return None  # "in summer" says nothing about which one
    if season == "fall" and year is None and relative is None:
        return None  # "prices fall late": a verb
    if match.group("season")[0].isupper() and year is None and relative is None:
        previous = _previous_word(text, match.start("season"))
        if previous[:1].isupper():
            return None  # "the Arab Spring"
    if year is not None and _counts_something(_next_word(text, match.end())):
        return None
    return WrittenDate(
        match.start(),
        match.end(),
        "season",
        year=year,
        word=season,
        modifier=relative or part,
    )


def _decade(match: re.Match[str], text: str) -> WrittenDate | None:
    if match.group("decade"):
        return WrittenDate(
            match.start(),
            match.end(),
            "decade",
            year=int(match.group("decade")),
            modifier=_normal_modifier(match.group("mod")),
        )
    return WrittenDate(
        match.start(),
        match.end(),
        "decade",
        count=int(match.group("short")),
        modifier=_normal_modifier(match.group("mod")),
    )


def _year_range(match: re.Match[str], text: str) -> WrittenDate | None:
    first = int(match.group("year"))
    written_end = match.group("year_end")
    if len(written_end) == 2:
        last = first // 100 * 100 + int(written_end)
        if last <= first:
            last += 100
        if last - first > 10:
            return None  # "2019-02" is a month, "1990-85" is nothing
    else:
        last = int(written_end)
    if not first < last <= first + 100:
        return None
    following = _next_word(text, match.end())
    recent = 1900 <= first and last - first <= 30
    if following.lower() in _COUNT_NOUNS or (not recent and _counts_something(following)):
        return None  # "1850-1900 troops"; but "between 2010 and 2015 prices rose"
    joiner = match.group("joiner").strip()
    before = text[max(0, match.start() - 30) : match.start()]
    if joiner == "and":
        # "between 2010 and 2015" is a period; "re-elected in 2014 and 2018" is two years.
        if not re.search(r"(?i:\bbetween\s+$)", before):
            return None
    elif joiner.isalpha():
        # "from 2010 to 2015": only after a word that takes a period.
        if not _YEAR_RANGE_CONTEXT.search(before):
            return None
    elif not (1800 <= first and last - first <= 50) and not _YEAR_RANGE_CONTEXT.search(before):
        return None
    return WrittenDate(match.start(), match.end(), "years", year=first, year_end=last)


def _bare_year(match: re.Match[str], text: str) -> WrittenDate | None:
    year = int(match.group("year"))
    start, end = match.span("year")
    modifier = _normal_modifier(match.group("mod"))
    following = _next_word(text, end)
    if _counts_something(following):
        return None
    before = text[max(0, start - 40) : start]
    after = text[end:]
    is_year = (
        modifier is not None
        or _YEAR_CONTEXT.search(before) is not None
        or _YEAR_LIST_BEFORE.search(before) is not None
        or (before.endswith("(") and after.startswith(")"))
        or after.startswith(("'s", "’s"))
        or (
            _YEAR_DETERMINER.search(before) is not None
            and year >= 1600  # "up to a 1000 web links" is a count
            and following != ""
            and following.lower() not in _COUNT_NOUNS
        )
        or (
            _at_sentence_start(text, start)
            and following.lower() in ("was", "is", "saw", "has", "had", "will", "marked")
        )
    )
    if not is_year or not 1000 <= year <= 2099:
        return None
    return WrittenDate(match.start(), end, "year", year=year, modifier=modifier)


# "at Christmas", "over Easter": a holiday named alone is a date only after these.
_HOLIDAY_PREPOSITIONS = frozenset(
    "at over before after since until till by on for during last this next".split()
)


def _holiday(match: re.Match[str], text: str) -> WrittenDate | None:
    word = " ".join(match.group("holiday").lower().replace("’", "'").split())
    if word in ("christmas", "easter") and not match.group("year"):
        previous = _previous_word(text, match.start()).lower()
        if previous not in _HOLIDAY_PREPOSITIONS:
            return None  # "Christmas shopping", "the Easter Rising"
    year = int(match.group("year")) if match.group("year") else None
    return WrittenDate(match.start(), match.end(), "holiday", year=year, word=word)


# Each pattern with a cheap gate: a plain search for a word the pattern cannot match without.
# Several patterns open with optional groups, which the engine retries at every position;
# the gates skip them on the many sentences that hold no such word (about half the time of
# date finding on news text).
_HAS_MONTH = re.compile(_MONTH)
_HAS_WEEKDAY = re.compile(rf"(?:{_cased(WEEKDAYS)})\b")
_HAS_DIGIT = re.compile(r"\d")
_HAS_SEASON = re.compile(r"(?i:spring|summer|autumn|fall|winter)")
_HAS_AGO = re.compile(r"(?i:\bago\b)")
_ALWAYS = None

_FINDERS: tuple[
    tuple[
        re.Pattern[str], re.Pattern[str] | None, Callable[[re.Match[str], str], WrittenDate | None]
    ],
    ...,
]
_FINDERS = (
    (_ISO_DATE, _HAS_DIGIT, _iso_date),
    (_MONTH_DAY_YEAR, _HAS_MONTH, _calendar_date),
    (_DAY_MONTH_YEAR, _HAS_MONTH, _calendar_date),
    (_MONTH_YEAR, _HAS_MONTH, _month_year),
    (_MONTH_ALONE, _HAS_MONTH, _month_alone),
    (_WEEKDAY, _HAS_WEEKDAY, _weekday),
    (_RELATIVE_DAY, _ALWAYS, _relative_day),
    (_RELATIVE_PERIOD, _ALWAYS, _relative_period),
    (_ROLLING_PERIOD, _ALWAYS, _rolling_period),
    (_THE_WEEKEND, _ALWAYS, _the_weekend),
    (_AGO, _HAS_AGO, _ago),
    (_ANCHORED, _ALWAYS, _anchored),
    (_SEASON, _HAS_SEASON, _season),
    (_DECADE, _HAS_DIGIT, _decade),
    (_YEAR_RANGE, _HAS_DIGIT, _year_range),
    (_BARE_YEAR, _HAS_DIGIT, _bare_year),
    (_HOLIDAY, _ALWAYS, _holiday),
)


def find_dates(text: str) -> list[WrittenDate]:
    """Every date expression in ``text``, longest first where two overlap, in text order."""
    candidates: list[WrittenDate] = []
    gates: dict[re.Pattern[str], bool] = {}
    for pattern, gate, build in _FINDERS:
        if gate is not None:
            if gate not in gates:
                gates[gate] = gate.search(text) is not None
            if not gates[gate]:
                continue
        for match in pattern.finditer(text):
            found = build(match, text)
            if found is not None and found.end > found.start:
                candidates.append(found)
    candidates.sort(key=lambda f: (-f.length, f.start))
    chosen: list[WrittenDate] = []
    for found in candidates:
        if all(found.end <= c.start or c.end <= found.start for c in chosen):
            chosen.append(found)
    chosen.sort(key=lambda f: f.start)
    for found in chosen:
        found.preposition = _preposition_before(text, found.start)
    return _join_relative_years(text, chosen)


# A date a plan names. "postponed to March 3" moves an event to that date, but "the army moved
# on November 15" and "postponed in March" say when the moving happened: a past event.
_PLANNED_FOR = re.compile(
    r"(?i:\b(?:(?:(?:re)?scheduled|planned|slated)(?:\s+(?:for|on|to|until|in|by))?"
    r"|(?:set|due|expected)\s+(?:for|on|to|until|in|by)"
    r"|(?:postponed|delayed|moved|pushed\s+back|put\s+off|brought\s+forward)\s+(?:to|until|till|for)"
    r")\s+(?:the\s+)?$)"
)


def _preposition_before(text: str, start: int) -> str:
    """The word that governs a date: "until", "since", "as of", or "planned" for "scheduled
    for", "postponed to" and the like."""
    previous = _previous_word(text, start).lower()
    if previous in ("until", "till"):
        return previous
    before = text[max(0, start - 30) : start]
    if re.search(r"(?i:\bas\s+of\s*$)", before):
        return "as of"
    if _PLANNED_FOR.search(before):
        return "planned"
    return previous


_OF_YEAR_GAP = re.compile(r"\s*,?\s*(?:of\s+)?$")


def _join_relative_years(text: str, dates: list[WrittenDate]) -> list[WrittenDate]:
    """Read "March last year", "July 13 of this year" as one date whose year is relative."""
    joined: list[WrittenDate] = []
    for found in dates:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and found.form == "period"
            and found.unit == "year"
            and found.edge is None
            and previous.form in ("date", "month")
            and previous.year is None
            and previous.modifier not in ("last", "this", "next")
            and _OF_YEAR_GAP.fullmatch(text[previous.end : found.start])
        ):
            previous.end = found.end
            previous.year_step = {"last": -1, "this": 0, "next": 1}[found.modifier or "this"]
            continue
        joined.append(found)
    return joined


# --------------------------------------------------------------------------------------------
# Resolution


@dataclass(frozen=True, slots=True)
class _Resolved:
    date: dt.date | None
    end_date: dt.date | None
    granularity: Granularity
    resolution: Resolution


def _unresolved(granularity: Granularity) -> _Resolved:
    return _Resolved(None, None, granularity, Resolution.UNRESOLVED)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_period(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    """A month, or its early (1-10), mid (11-20) or late (21-end) part."""
    last = _month_end(year, month)
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part == "late":
        return dt.date(year, month, 21), last
    return dt.date(year, month, 1), last


def _year_period(year: int, part: str | None) -> tuple[dt.date, dt.date]:
    """A year, or its early (January-April), mid (May-August) or late (September-) third."""
    if part == "early":
        return dt.date(year, 1, 1), dt.date(year, 4, 30)
    if part == "mid":
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    if part == "late":
        return dt.date(year, 9, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _season_period(year: int, season: str, part: str | None) -> tuple[dt.date, dt.date]:
    """Meteorological seasons (northern hemisphere). Winter Y runs December Y-1 - February Y,
    so "winter 2018" is the winter whose January falls in 2018."""
    first_month = _SEASONS[season]
    start = dt.date(year - 1, 12, 1) if season == "winter" else dt.date(year, first_month, 1)
    months = [start + relativedelta(months=k) for k in range(3)]
    if part in ("early", "mid", "late"):
        chosen = months[("early", "mid", "late").index(part)]
        return chosen, _month_end(chosen.year, chosen.month)
    return months[0], _month_end(months[2].year, months[2].month)


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


_PeriodOfYear = Callable[[int], tuple[dt.date, dt.date] | None]


def _pick(
    period_of_year: _PeriodOfYear,
    published: dt.date,
    tense: Tense,
    relative: str | None,
) -> tuple[int, tuple[dt.date, dt.date]] | None:
    """Choose which year's instance of a yearless period is meant.

    ``relative`` ("last", "next", "this", or "upcoming" for an end point or a plan) decides.
    Otherwise the tense does: a past
    clause takes the latest instance that had begun by publication, a future clause the first
    that has not ended; with no tense, the instance nearest to the publication date.
    """
    instances: list[tuple[int, tuple[dt.date, dt.date]]] = []
    for year in range(published.year - 4, published.year + 5):  # 4: February 29 needs a leap year
        period = period_of_year(year)
        if period is not None:
            instances.append((year, period))
    if not instances:
        return None
    containing = [i for i in instances if i[1][0] <= published <= i[1][1]]
    if relative == "last":
        before = [i for i in instances if i[1][1] < published and i not in containing]
        return before[-1] if before else None
    if relative == "next":
        after = [i for i in instances if i[1][0] > published]
        return after[0] if after else None
    if relative == "this":
        if containing:
            return containing[0]
        same_year = [i for i in instances if i[0] == published.year]
        return same_year[0] if same_year else None
    if relative == "upcoming":
        # An end point or a plan ("suspended until October 14", "scheduled for July 11") is the
        # next one, or one that passed within the last month: "held until March 3", told on
        # March 10.
        recent = published - dt.timedelta(days=31)
        return next((i for i in instances if i[1][1] >= recent), None)
    if tense is Tense.PAST:
        begun = [i for i in instances if i[1][0] <= published]
        return begun[-1] if begun else None
    if tense is Tense.FUTURE:
        open_ = [i for i in instances if i[1][1] >= published]
        return open_[0] if open_ else None
    if containing:
        return containing[0]

    def distance(instance: tuple[int, tuple[dt.date, dt.date]]) -> tuple[int, int]:
        start, end = instance[1]
        gap = (published - end).days if end < published else (start - published).days
        return gap, 0 if end < published else 1  # ties go to the past: news reports the past

    return min(instances, key=distance)


def _resolve_yearless(
    period_of_year: _PeriodOfYear,
    published: dt.date | None,
    tense: Tense,
    relative: str | None,
    granularity: Granularity,
) -> _Resolved:
    if published is None:
        return _unresolved(granularity)
    picked = _pick(period_of_year, published, tense, relative)
    if picked is None:
        return _unresolved(granularity)
    year, (start, end) = picked
    if relative in ("last", "this", "next"):
        resolution = Resolution.RELATIVE
    elif year != published.year and tense in (Tense.PAST, Tense.FUTURE):
        resolution = Resolution.TENSE
    else:
        resolution = Resolution.PUBLICATION
    return _Resolved(start, end, granularity, resolution)


def _resolve_in_relative_year(
    period_of_year: _PeriodOfYear,
    published: dt.date | None,
    step: int,
    granularity: Granularity,
) -> _Resolved:
    """ "March last year": the year is stated relative to the publication year."""
    if published is None:
        return _unresolved(granularity)
    period = period_of_year(published.year + step)
    if period is None:
        return _unresolved(granularity)
    return _Resolved(period[0], period[1], granularity, Resolution.RELATIVE)


def _day_in_year(month: int, day: int, day_end: int | None) -> _PeriodOfYear:
    def period(year: int) -> tuple[dt.date, dt.date] | None:
        try:
            return dt.date(year, month, day), dt.date(year, month, day_end or day)
        except ValueError:
            return None  # February 29 outside a leap year

    return period


def _resolve_named(
    found: WrittenDate,
    period_of_year: _PeriodOfYear,
    published: dt.date | None,
    tense: Tense,
    granularity: Granularity,
) -> _Resolved:
    """A day, month, season or holiday: in the year written, in a year stated relative to
    publication ("March last year"), or in the year that modifier or tense points to."""
    if found.year is not None:
        period = period_of_year(found.year)
        if period is None:
            return _unresolved(granularity)
        return _Resolved(period[0], period[1], granularity, Resolution.ABSOLUTE)
    if found.year_step is not None:
        return _resolve_in_relative_year(period_of_year, published, found.year_step, granularity)
    relative = found.modifier if found.modifier in ("last", "this", "next") else None
    if relative is None and found.preposition in ("until", "till", "planned"):
        relative = "upcoming"
    return _resolve_yearless(period_of_year, published, tense, relative, granularity)


def _part(found: WrittenDate) -> str | None:
    return found.modifier if found.modifier in ("early", "mid", "late") else None


def _resolve_weekday(found: WrittenDate, published: dt.date | None, tense: Tense) -> _Resolved:
    """A weekday alone: the one of the publication week the tense points to."""
    if published is None or found.weekday is None:
        return _unresolved(Granularity.DAY)
    back = (published.weekday() - found.weekday) % 7  # days back to the latest such day
    forward = (found.weekday - published.weekday()) % 7
    if found.modifier == "last":
        day = published - dt.timedelta(days=back or 7)
    elif found.modifier == "next":
        day = published + dt.timedelta(days=forward or 7)
    elif found.modifier == "this" and tense not in (Tense.PAST, Tense.FUTURE):
        day = _week_of(published)[0] + dt.timedelta(days=found.weekday)
    elif tense is Tense.PAST:  # also "This Sunday, he flew..." told on a Tuesday
        day = published - dt.timedelta(days=back)
    elif tense is Tense.FUTURE:
        day = published + dt.timedelta(days=forward)
    elif back <= forward:  # no tense: the nearer one, the past one on a tie
        day = published - dt.timedelta(days=back)
    else:
        day = published + dt.timedelta(days=forward)
    return _Resolved(day, day, Granularity.DAY, Resolution.RELATIVE)


_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _resolve_relative_day(found: WrittenDate, published: dt.date | None) -> _Resolved:
    if published is None:
        return _unresolved(Granularity.DAY)
    day = published + dt.timedelta(days=_RELATIVE_DAYS[found.word or "today"])
    return _Resolved(day, day, Granularity.DAY, Resolution.RELATIVE)


def _resolve_period(found: WrittenDate, published: dt.date | None) -> _Resolved:
    """ "last week", "this month", "next year", "last weekend", "earlier this month"."""
    unit = found.unit or "week"
    granularity = {
        "week": Granularity.WEEK,
        "weekend": Granularity.DAY,
        "month": Granularity.MONTH,
        "year": Granularity.YEAR,
    }[unit]
    if published is None:
        return _unresolved(granularity)
    step = {"last": -1, "this": 0, "next": 1}.get(found.modifier or "this", 0)
    if unit in ("week", "weekend"):
        monday = _week_of(published)[0] + dt.timedelta(weeks=step)
        start, end = monday, monday + dt.timedelta(days=6)
        if unit == "weekend":
            start = monday + dt.timedelta(days=5)
    elif unit == "month":
        first = published.replace(day=1) + relativedelta(months=step)
        start, end = first, _month_end(first.year, first.month)
    else:
        start, end = dt.date(published.year + step, 1, 1), dt.date(published.year + step, 12, 31)
    if step == 0 and found.edge == "earlier":
        end = min(end, published)
    elif step == 0 and found.edge == "later":
        start = max(start, published)
    return _Resolved(start, end, granularity, Resolution.RELATIVE)


def _resolve_rolling(found: WrittenDate, published: dt.date | None) -> _Resolved:
    """ "the past week", "the coming month": a period that ends or starts at publication."""
    unit = found.unit or "week"
    length = {
        "week": relativedelta(weeks=1),
        "fortnight": relativedelta(weeks=2),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
        "decade": relativedelta(years=10),
    }[unit]
    granularity = {
        "week": Granularity.WEEK,
        "fortnight": Granularity.WEEK,
        "month": Granularity.MONTH,
        "year": Granularity.YEAR,
        "decade": Granularity.DECADE,
    }[unit]
    if published is None:
        return _unresolved(granularity)
    if found.modifier == "coming":
        start, end = published + dt.timedelta(days=1), published + length
    else:
        start, end = published - length, published
    return _Resolved(start, end, granularity, Resolution.RELATIVE)


def _resolve_weekend(published: dt.date | None, tense: Tense, looks_back: bool) -> _Resolved:
    """ "over the weekend", "this weekend": the last one in a past clause, the one of this week
    in a future clause, and without a tense the last one only if ``looks_back``."""
    if published is None:
        return _unresolved(Granularity.DAY)
    monday = _week_of(published)[0]
    saturday = monday + dt.timedelta(days=5)
    back = tense is Tense.PAST or (tense is not Tense.FUTURE and looks_back)
    if back and published < saturday:
        saturday -= dt.timedelta(weeks=1)
    sunday = saturday + dt.timedelta(days=1)
    return _Resolved(saturday, sunday, Granularity.DAY, Resolution.RELATIVE)


def _resolve_ago(found: WrittenDate, published: dt.date | None) -> _Resolved:
    count = found.count or 0
    unit = found.unit or "day"
    granularity = {
        "day": Granularity.DAY,
        "week": Granularity.WEEK,
        "month": Granularity.MONTH,
        "year": Granularity.YEAR,
        "decade": Granularity.YEAR,
    }[unit]
    if published is None:
        return _unresolved(granularity)
    if unit == "day":
        day = published - dt.timedelta(days=count)
        return _Resolved(day, day, granularity, Resolution.RELATIVE)
    if unit == "week":
        start, end = _week_of(published - dt.timedelta(weeks=count))
        return _Resolved(start, end, granularity, Resolution.RELATIVE)
    if unit == "month":
        first = published.replace(day=1) - relativedelta(months=count)
        return _Resolved(
            first, _month_end(first.year, first.month), granularity, Resolution.RELATIVE
        )
    year = published.year - count * (10 if unit == "decade" else 1)
    return _Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), granularity, Resolution.RELATIVE)


def _resolve_decade(found: WrittenDate, published: dt.date | None) -> _Resolved:
    if found.year is not None:
        first = found.year
        resolution = Resolution.ABSOLUTE
    else:
        if published is None:
            return _unresolved(Granularity.DECADE)
        # "the '90s": the latest decade with those digits that had begun by publication.
        first = published.year // 100 * 100 + (found.count or 0)
        if first > published.year:
            first -= 100
        resolution = Resolution.PUBLICATION
    last = first + 9
    if found.modifier == "early":
        last = first + 3
    elif found.modifier == "mid":
        first, last = first + 4, first + 6
    elif found.modifier == "late":
        first = first + 7
    return _Resolved(dt.date(first, 1, 1), dt.date(last, 12, 31), Granularity.DECADE, resolution)


_FIXED_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "hallowe'en": (10, 31),
}
_DAYS_FROM_EASTER = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}


def _holiday_in_year(word: str) -> _PeriodOfYear:
    def period(year: int) -> tuple[dt.date, dt.date] | None:
        if word in _DAYS_FROM_EASTER:
            day = easter(year) + dt.timedelta(days=_DAYS_FROM_EASTER[word])
        elif word in _FIXED_HOLIDAYS:
            day = dt.date(year, *_FIXED_HOLIDAYS[word])
        else:
            return None
        return day, day

    return period


def _resolve(found: WrittenDate, published: dt.date | None, tense: Tense) -> _Resolved:
    form = found.form
    if form in ("date", "iso"):
        assert found.month is not None and found.day is not None
        in_year = _day_in_year(found.month, found.day, found.day_end)
        return _resolve_named(found, in_year, published, tense, Granularity.DAY)
    if form == "month":
        in_year = partial(_month_period, month=found.month or 1, part=_part(found))
        return _resolve_named(found, in_year, published, tense, Granularity.MONTH)
    if form == "season":
        in_year = partial(_season_period, season=found.word or "summer", part=_part(found))
        return _resolve_named(found, in_year, published, tense, Granularity.SEASON)
    if form == "holiday":
        in_year = _holiday_in_year(found.word or "")
        return _resolve_named(found, in_year, published, tense, Granularity.DAY)
    if form == "year":
        start, end = _year_period(found.year or 0, found.modifier)
        return _Resolved(start, end, Granularity.YEAR, Resolution.ABSOLUTE)
    if form == "years":
        return _Resolved(
            dt.date(found.year or 0, 1, 1),
            dt.date(found.year_end or 0, 12, 31),
            Granularity.YEAR,
            Resolution.ABSOLUTE,
        )
    if form == "decade":
        return _resolve_decade(found, published)
    if form == "weekday":
        return _resolve_weekday(found, published, tense)
    if form == "relative_day":
        return _resolve_relative_day(found, published)
    if form == "period" and found.unit == "weekend" and found.modifier == "this":
        return _resolve_weekend(published, tense, looks_back=False)  # "formed this weekend"
    if form == "period":
        return _resolve_period(found, published)
    if form == "rolling":
        return _resolve_rolling(found, published)
    if form == "weekend":
        return _resolve_weekend(published, tense, looks_back=True)
    if form == "ago":
        return _resolve_ago(found, published)
    return _unresolved(Granularity.DAY)  # "anchored": resolved against its neighbour later


def _resolve_anchored(
    found: WrittenDate, claims: list[DateClaim], text: str, offset: int
) -> _Resolved:
    """ "signed the day after": a day either side of the single day told just before it;
    "on Monday, the day before the vote": that same day, restated."""
    previous = next((c for c in reversed(claims) if c.span.end <= offset + found.start), None)
    if (
        previous is None
        or previous.date is None
        or previous.granularity is not Granularity.DAY
        or previous.date != previous.end_date
    ):
        return _unresolved(Granularity.DAY)
    if found.from_event:
        if not re.fullmatch(r"\s*[,—–-]\s*", text[previous.span.end - offset : found.start]):
            return _unresolved(Granularity.DAY)
        day = previous.date
    else:
        day = previous.date + dt.timedelta(days=found.count or 0)
    return _Resolved(day, day, Granularity.DAY, Resolution.RELATIVE)


# --------------------------------------------------------------------------------------------
# Entry point


# Words that place a yearless date better than the verb does. An end point ("suspended until
# October 14") or a plan ("a convention, scheduled for July 11") may lie after a past verb: it
# has no tense of its own (see ``_pick`` for where it goes). "since" and "as of" look back
# whatever the verb.
_PLACING_PREPOSITIONS = {
    "until": Tense.UNKNOWN,
    "till": Tense.UNKNOWN,
    "planned": Tense.UNKNOWN,
    "since": Tense.PAST,
    "as of": Tense.PAST,
}


def _year_was_written(found: WrittenDate) -> bool:
    return found.form in ("iso", "year", "years") or (
        found.year is not None and found.form in ("date", "month", "season", "holiday", "decade")
    )


# Words before a date that make it a bound, a target or a starting point, not the time of the
# clause's event: "by 2025", "through 2021", "before 2022", "plans for 2022", "the year to
# 2022", "from May 2029". ("until" and plans are placed by _PLACING_PREPOSITIONS.)
_NOT_EVENT_PREPOSITIONS = frozenset(
    "by before through thru to for toward towards from beyond".split()
)
# A year that names something rather than dating the clause: "the 2020 census", "his 2020
# candidacy", "Britain's 2019 budget", "in 2020 elections".
_NAMING_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|his|her|its|their|our|my|your|whose)\s+$|['’]s\s+$)"
)
_WORD_AFTER = re.compile(r" [A-Za-z]")
_EVENT_NOUN_AFTER = re.compile(
    r"(?i:\s+(?:general\s+|presidential\s+|parliamentary\s+|legislative\s+|local\s+|"
    r"municipal\s+|federal\s+|state\s+|national\s+|regional\s+)?(?:elections?|census|olympics|"
    r"games|world\s+cup|season|budget|campaigns?|primar(?:y|ies)|race|summit|championships?|"
    r"tournament|finals?|polls?|ballot|referendum|midterms?|contest|edition|levels?|targets?)\b)"
)
_PERIOD_JOINER = re.compile(r"\s*,?\s*(?:and|or|to|through|until|till|[-–—])\s*")


def _event_tense(found: WrittenDate, text: str, tense: Tense) -> Tense:
    """The tense of the event the date places: the clause's, unless the date places no event
    of the clause (a bound, a target, a year that names an election or a census), whose time
    the verb says nothing about."""
    if found.preposition in _NOT_EVENT_PREPOSITIONS:
        return Tense.UNKNOWN
    if found.form == "year" and found.modifier is None:
        after = text[found.end :]
        if _WORD_AFTER.match(after) and (
            _NAMING_BEFORE.search(text[max(0, found.start - 12) : found.start])
            or _EVENT_NOUN_AFTER.match(after)
        ):
            return Tense.UNKNOWN
    return tense


def _continued_month(
    previous: WrittenDate | None, claims: list[DateClaim], found: WrittenDate, text: str
) -> _Resolved | None:
    """ "this past December and January": two months joined by "and" name one period, so the
    second is the first such month after the first, relative like it, not a month of its own
    placed by the tense."""
    if previous is None or not claims or found.form != "month" or found.month is None:
        return None
    if found.year is not None or found.modifier is not None or found.year_step is not None:
        return None
    first = claims[-1]
    if (
        previous.form != "month"
        or previous.modifier not in ("last", "this", "next")
        or first.resolution is not Resolution.RELATIVE
        or first.date is None
        or not _PERIOD_JOINER.fullmatch(text[previous.end : found.start])
    ):
        return None
    year = first.date.year if found.month > first.date.month else first.date.year + 1
    return _Resolved(
        dt.date(year, found.month, 1),
        _month_end(year, found.month),
        Granularity.MONTH,
        Resolution.RELATIVE,
    )


def _dateline_span(sentence: Sentence) -> tuple[int, int] | None:
    """Local span of the date of a dateline that opens this sentence, if it does."""
    from factcheck.extract.dateline import TOP_CHARACTERS, TOP_LINES, match_dateline

    if sentence.index >= TOP_LINES or sentence.span.start >= TOP_CHARACTERS:
        return None
    first_line = sentence.text.split("\n", 1)[0]
    found = match_dateline(first_line)
    return (found.start, found.end) if found else None


def extract_dates(sentence: Sentence, published: dt.date | None) -> list[DateClaim]:
    """The dates written in ``sentence``, resolved against ``published``.

    Offsets are document offsets. With ``published`` None, only what the text states in full
    resolves; relative and yearless dates come back UNRESOLVED with ``date`` None.
    """
    try:
        written = find_dates(sentence.text)
    except (ValueError, OverflowError):
        return []
    if not written:
        return []
    tenses = SentenceTenses(sentence.text)
    spans = tuple((f.start, f.end) for f in written)
    dateline = _dateline_span(sentence)
    offset = sentence.span.start
    claims: list[DateClaim] = []
    previous: WrittenDate | None = None
    for found in written:
        tense = tenses.at(found.start, found.end, ignore=spans)
        placing_tense = _PLACING_PREPOSITIONS.get(found.preposition, tense)
        try:
            continued = _continued_month(previous, claims, found, sentence.text)
            if found.form == "anchored":
                resolved = _resolve_anchored(found, claims, sentence.text, offset)
            elif continued is not None:
                resolved = continued
            else:
                resolved = _resolve(found, published, placing_tense)
        except (ValueError, OverflowError):
            resolved = _unresolved(Granularity.DAY)
        weekday_span = None
        if found.weekday_start is not None and found.weekday_end is not None:
            weekday_span = Span(offset + found.weekday_start, offset + found.weekday_end)
        claims.append(
            DateClaim(
                span=Span(offset + found.start, offset + found.end),
                text=sentence.text[found.start : found.end],
                date=resolved.date,
                end_date=resolved.end_date,
                granularity=resolved.granularity,
                resolution=resolved.resolution,
                weekday=found.weekday,
                weekday_span=weekday_span,
                year_written=_year_was_written(found),
                tense=_event_tense(found, sentence.text, placing_tense),
                sentence=sentence.index,
                is_dateline=dateline is not None
                and dateline[0] <= found.start
                and found.end <= dateline[1],
            )
        )
        previous = found
    return claims
