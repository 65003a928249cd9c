"""Error injection: how many real-looking errors does each check catch, and at what cost?

Takes real dev-corpus articles, finds *sites* where one kind of error can be made by a precise
edit (a converted figure, a weekday, a part of a whole, a percent change, a birth year, a range,
a past date), applies ONE edit per copy of the article, in memory, runs the full pipeline and
counts the edit as caught when a finding of the check meant for it covers the edited span (its
span or one of its related spans overlaps it). Each site also gets a CONTROL edit that keeps the
text consistent (both sides of a conversion changed together, another correct weekday+date, a
figure written differently, a part equal to its whole, a date moved further into the past):
any new finding at warning or above on a control copy is a false alarm.

Where the corpus has too few natural sites (percent changes with both endpoints, ages with a
birth year), a sentence composed from a figure of the article is inserted after the sentence
that holds the figure; such sites are marked ``composed`` and reported apart from ``real`` ones.

Sites are found by this script's own patterns over the raw text, never by factcheck's
extractor, so a miss counts extraction failures as well as check failures. Nothing is written
to disk except ``--json``; no corpus text is stored in the repository. Everything is seeded.

Usage: python eval/inject_errors.py [--corpus PATH] [--limit N] [--kinds K,...] [--seed S]
                                    [--show-misses N] [--rules DIR ...] [--jobs N] [--force]
                                    [--json OUT]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import math
import os
import random
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import (
    Article,
    add_corpus_argument,
    add_window_argument,
    iter_corpus,
    load_rules_or_report,
    make_console,
    to_document,
)

warnings.filterwarnings("ignore", category=UserWarning)

# --------------------------------------------------------------------------------------------
# Written numbers

NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
HEDGE = r"(?:about|around|roughly|some|nearly|almost|approximately|approx\.|up to|more than|over|under|less than|c\.|~)"  # noqa: E501

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:-(?:"
    + "|".join(_SMALL[1:10])
    + r"))?|"
    + "|".join(sorted(_SMALL[1:], key=len, reverse=True))
    + r")"
)


@dataclass(frozen=True, slots=True)
class Written:
    """A figure as written: its value, its decimals and whether it had thousands commas."""

    value: float
    decimals: int
    grouped: bool

    def render(self, value: float) -> str:
        return format_number(value, self.decimals, self.grouped)


def parse_number(text: str) -> Written:
    """ "1,051,635" -> 1051635 grouped; "8.5" -> 8.5 with one decimal."""
    plain = text.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Written(float(plain), decimals, "," in text)


def format_number(value: float, decimals: int = 0, grouped: bool = False) -> str:
    return f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"


def number_to_words(n: int) -> str:
    """0..99 in words, hyphenated as news style has it: 36 -> "thirty-six"."""
    if not 0 <= n <= 99:
        raise ValueError(f"{n} is outside 0..99")
    if n < 20:
        return _SMALL[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_SMALL[unit]}" if unit else "")


def words_to_number(text: str) -> int | None:
    text = text.lower().strip()
    if text in _SMALL:
        return _SMALL.index(text)
    tens, _, unit = text.partition("-")
    if tens in _TENS and (not unit or unit in _SMALL[1:10]):
        return (_TENS.index(tens) + 2) * 10 + (_SMALL.index(unit) if unit else 0)
    return None


def count_value(text: str) -> int | None:
    """A whole count written in digits or words ("1,200", "twelve"); None otherwise."""
    if re.fullmatch(NUM, text):
        value = parse_number(text).value
        return int(value) if value == int(value) else None
    return words_to_number(text)


def write_count(n: int, like: str) -> str:
    """``n`` in the style of ``like``: words stay words (capitalised if it was), digits digits."""
    if not re.match(r"[0-9]", like) and 0 <= n <= 99:
        words = number_to_words(n)
        return words.capitalize() if like[:1].isupper() else words
    grouped = "," in like or n >= 10000
    return format_number(n, 0, grouped)


def scaled_figure(text: str, factor: float) -> str:
    """A digit figure multiplied by ``factor``, written with the same decimals and grouping;
    never equal to the original as written."""
    written = parse_number(text)
    value = written.value * factor
    out = written.render(value)
    step = 10**-written.decimals
    while parse_number(out).value == written.value:
        value += step if factor > 1 else -step
        out = written.render(value)
    return out


def written_precision(text: str) -> float:
    """The place value of the last significant digit as written: "18,000" -> 1000 (a round
    figure may stand for anything that rounds to it), "48" -> 1, "1.13" -> 0.01."""
    written = parse_number(text)
    if written.decimals:
        return 10.0**-written.decimals
    digits = text.replace(",", "").split(".")[0]
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return 10.0**zeros


def above_whole(whole: int, whole_text: str, factor: float) -> int:
    """A part that exceeds the whole by ``factor`` and also exceeds anything the whole, as
    written, may have been rounded from."""
    ceiling = whole + written_precision(whole_text) / 2 if re.match(r"[0-9]", whole_text) else whole
    return max(whole + 1, math.floor(ceiling) + 1, math.ceil(whole * factor))


def is_year_like(text: str) -> bool:
    return bool(re.fullmatch(r"(?:1[5-9]|20|21)[0-9][0-9]", text))


# --------------------------------------------------------------------------------------------
# Calendar words

SP = r"[ \t\u00a0]"  # a space within one line: date patterns never cross a line break
MONTHS = list(calendar.month_name)[1:]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = r"(?:" + "|".join(MONTHS) + r"|Sept|" + "|".join(MONTH_ABBR) + r")"
MONTH_FULL = r"(?:" + "|".join(MONTHS) + r")"
WEEKDAYS = list(calendar.day_name)
WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r"|Tues|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"


def month_number(name: str) -> int:
    name = name.rstrip(".")
    if name == "Sept":
        return 9
    return (MONTHS.index(name) if name in MONTHS else MONTH_ABBR.index(name[:3])) + 1


def month_like(number: int, like: str) -> str:
    """Month ``number`` written like ``like`` (full name or abbreviation)."""
    return MONTHS[number - 1] if like.rstrip(".") in MONTHS else MONTH_ABBR[number - 1]


def weekday_number(name: str) -> int:
    name = name.rstrip(".")
    for index, full in enumerate(WEEKDAYS):
        if full == name or full.startswith(name):
            return index
    raise ValueError(name)


def weekday_like(number: int, like: str) -> str:
    full = WEEKDAYS[number]
    return full if like.rstrip(".") in WEEKDAYS else full[:3]


DEICTIC = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|last|next|this|ago|earlier|later|previous|"
    r"following|coming|past|recent|aged?|year-old|anniversary)\b",
    re.I,
)

# --------------------------------------------------------------------------------------------
# Edits and sites


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; ``mark`` is the part of the
    replacement that is the edited span (all of it by default; for an inserted sentence, the
    sentence without its leading space)."""

    start: int
    end: int
    replacement: str
    mark: tuple[int, int] | None = None

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]

    @property
    def region(self) -> tuple[int, int]:
        """The edited span, as offsets into the edited text."""
        low, high = self.mark if self.mark else (0, len(self.replacement))
        return self.start + low, self.start + high


@dataclass(slots=True)
class Site:
    """One place in one article where an error (and a consistent control) can be made."""

    kind: str
    doc: str
    span: tuple[int, int]  # the site in the unedited text
    error: Edit
    control: Edit | None
    form: str  # which pattern found it: "dateline", "between", "rose-from-to", ...
    origin: str = "real"  # "real" (an edit of the article's own words) or "composed"
    note: str = ""  # what changed, e.g. "(8 km) -> (11 km)"


def replace_groups(match: re.Match[str], changes: dict[str, str]) -> str:
    """The matched text with the named groups in ``changes`` replaced."""
    spans = {match.span(name): new for name, new in changes.items()}
    return replace_groups_span(match.string, match.start(), match.end(), spans)


def replace_groups_span(
    text: str, start: int, end: int, changes: dict[tuple[int, int], str]
) -> str:
    """``text[start:end]`` with the given (absolute, non-overlapping) spans replaced."""
    pieces: list[str] = []
    pos = start
    for (low, high), new in sorted(changes.items()):
        pieces.append(text[pos:low])
        pieces.append(new)
        pos = high
    pieces.append(text[pos:end])
    return "".join(pieces)


def group_edit(match: re.Match[str], changes: dict[str, str]) -> Edit:
    """An edit of the whole match with some of its groups replaced."""
    return Edit(match.start(), match.end(), replace_groups(match, changes))


def sentence_bounds(text: str, position: int) -> tuple[int, int] | None:
    """The sentence holding ``position`` (project sentence splitter: pysbd with news rules)."""
    from factcheck.extract.sentences import split_sentences

    for sentence in _sentences_cached(text, split_sentences):
        if sentence.span.start <= position < sentence.span.end:
            return sentence.span.start, sentence.span.end
    return None


_SENTENCE_CACHE: dict[int, tuple[str, list[Any]]] = {}


def _sentences_cached(text: str, split: Callable[[str], list[Any]]) -> list[Any]:
    key = id(text)
    cached = _SENTENCE_CACHE.get(key)
    if cached is None or cached[0] is not text:
        if len(_SENTENCE_CACHE) > 64:
            _SENTENCE_CACHE.clear()
        cached = (text, split(text))
        _SENTENCE_CACHE[key] = cached
    return cached[1]


def insert_after_sentence(text: str, position: int, sentence: str) -> Edit | None:
    """An edit that inserts ``sentence`` right after the sentence holding ``position``; the
    edited span is the inserted sentence."""
    bounds = sentence_bounds(text, position)
    if bounds is None:
        return None
    return Edit(bounds[1], bounds[1], " " + sentence, (1, 1 + len(sentence)))


def composed_site(
    kind: str,
    article: Article,
    position: int,
    error_text: str,
    control_text: str,
    form: str,
    note: str,
) -> Site | None:
    """A site made by inserting a composed sentence after the one holding ``position``: the
    error copy gets ``error_text``, the control copy the consistent ``control_text``."""
    text = article.text
    error = insert_after_sentence(text, position, error_text)
    control = insert_after_sentence(text, position, control_text)
    if error is None or control is None:
        return None
    return Site(
        kind=kind,
        doc=article.id,
        span=(error.start, error.start),
        error=error,
        control=control,
        form=form,
        origin="composed",
        note=note,
    )


def sentence_text(text: str, position: int) -> str:
    bounds = sentence_bounds(text, position)
    return text[bounds[0] : bounds[1]] if bounds else ""


# --------------------------------------------------------------------------------------------
# 1. Conversions: a converted figure raised by 30-60 %

_UNIT_FORMS: list[tuple[str, str, str]] = [
    # (regex, pint unit, dimension); longer forms first so "km/h" wins over "km"
    (r"square kilomet(?:re|er)s?|sq\.? ?km|km²|km2", "kilometer ** 2", "area"),
    (r"square miles?|sq\.? ?mi(?:les)?|mi²", "mile ** 2", "area"),
    (r"square met(?:re|er)s?|sq\.? ?m|m²", "meter ** 2", "area"),
    (r"square f(?:ee|oo)t|sq\.? ?ft", "foot ** 2", "area"),
    (r"hectares?|ha", "hectare", "area"),
    (r"acres?", "acre", "area"),
    (r"kilomet(?:re|er)s? (?:per|an) hour|km/h|kph|kmh", "kilometer / hour", "speed"),
    (r"miles (?:per|an) hour|mph", "mile / hour", "speed"),
    (r"knots|kts?", "knot", "speed"),
    (r"nautical miles?", "nautical_mile", "length"),
    (r"kilomet(?:re|er)s?|km", "kilometer", "length"),
    (r"miles?|mi", "mile", "length"),
    (r"centimet(?:re|er)s?|cm", "centimeter", "length"),
    (r"millimet(?:re|er)s?|mm", "millimeter", "length"),
    (r"met(?:re|er)s?|m", "meter", "length"),
    (r"feet|foot|ft", "foot", "length"),
    (r"inch(?:es)?", "inch", "length"),
    (r"yards?|yds?", "yard", "length"),
    (r"kilograms?|kilos?|kgs?", "kilogram", "mass"),
    (r"pounds|lbs?", "pound", "mass"),
    (r"tonnes|metric tons", "metric_ton", "mass"),
    (r"tons", "short_ton", "mass"),
    (r"ounces|oz", "ounce", "mass"),
    (r"grams?", "gram", "mass"),
    (r"degrees? Celsius|Celsius|°\s?C|º\s?C|(?-i:C)", "degree_Celsius", "temperature"),
    (r"degrees? Fahrenheit|Fahrenheit|°\s?F|º\s?F|(?-i:F)", "degree_Fahrenheit", "temperature"),
    (r"lit(?:re|er)s?", "liter", "volume"),
    (r"gallons?", "gallon", "volume"),
]
UNIT = "(?:" + "|".join(form for form, _, _ in _UNIT_FORMS) + ")"
_UNIT_END = r"(?![\w/²])"
_RANGE_JOIN = r"\s*(?:to|-|–|and)\s*"

CONVERSION = re.compile(
    rf"(?<![\w.,$£€])(?P<src>{NUM})(?:{_RANGE_JOIN}(?P<src2>{NUM}))?[\s-]*(?P<u1>{UNIT}){_UNIT_END}"
    rf"(?P<gap>[^()\n]{{0,30}}?)\(\s*(?:{HEDGE}\s+)?(?P<dst>{NUM})"
    rf"(?:{_RANGE_JOIN}(?P<dst2>{NUM}))?[\s-]*(?P<u2>{UNIT}){_UNIT_END}",
    re.I,
)


def unit_of(written: str) -> tuple[str, str] | None:
    """(pint unit, dimension) of a unit as written."""
    for form, unit, dimension in _UNIT_FORMS:
        if re.fullmatch(form, written.strip(), re.I):
            return unit, dimension
    return None


def convert(value: float, from_unit: str, to_unit: str) -> float:
    from common import unit_registry

    registry = unit_registry()
    return float(registry.Quantity(value, from_unit).to(to_unit).magnitude)


_TEMPERATURE_CHANGE = re.compile(
    r"\b(?:by|rise|rises|rose|warm\w*|cool\w*|increase\w*|drop\w*|fell|difference|higher|lower)"
    r"\W+(?:\w+\W+)?$",
    re.I,
)


# A sentence that relates the source figure to other figures ("jumped 76% to $1.13bn (£600m)
# from $639m"): scaling the pair for a control would break that relation.
RELATED_FIGURES = re.compile(
    r"%|\bper ?cent\b|\bpercent\b|\bpct\b|\b(?:from|rose|fell|jumped|up|down|increased?|"
    r"decreased?|compared|including|of the|out of|total\w*)\b",
    re.I,
)

# A bound on the source figure: raising the converted figure may keep the pair consistent.
BOUND_BEFORE = re.compile(
    r"\b(?:over|more than|at least|under|less than|up to|nearly|almost|as (?:many|much) as|"
    r"below|above|fewer than|no more than|exceeding)\s+$",
    re.I,
)


def one_figure_in_brackets(text: str, position: int) -> bool:
    """True when the parenthesis ``position`` is in holds no further figure after it
    ("(£17,500; US$22,900)" holds two: a control that scales one of them would not be
    consistent)."""
    close = text.find(")", position)
    rest = text[position : close if close >= 0 else position + 40]
    return not re.search(r"[0-9]", rest)


def conversion_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    sites: list[Site] = []
    text = article.text
    for match in CONVERSION.finditer(text):
        if BOUND_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue  # "over 1400 feet (about 430 m)": a larger metre figure is still "over"
        first, second = unit_of(match["u1"]), unit_of(match["u2"])
        if not first or not second or first[1] != second[1] or first[0] == second[0]:
            continue
        factor = rng.uniform(1.3, 1.6)
        changes = {"dst": scaled_figure(match["dst"], factor)}
        if match["dst2"]:
            changes["dst2"] = scaled_figure(match["dst2"], factor)
        error = group_edit(match, changes)
        control = None
        before = text[max(0, match.start() - 30) : match.start()]
        is_difference = first[1] == "temperature" and _TEMPERATURE_CHANGE.search(before)
        if (
            not match["src2"]
            and not match["dst2"]
            and not is_difference
            and one_figure_in_brackets(text, match.end())
        ):
            source = parse_number(match["src"])
            new_source = source.value * 2
            converted = convert(new_source, first[0], second[0])
            target = parse_number(match["dst"])
            control = group_edit(
                match,
                {"src": source.render(new_source), "dst": target.render(converted)},
            )
        sites.append(
            Site(
                kind="conversion",
                doc=article.id,
                span=(match.start(), match.end()),
                error=error,
                control=control,
                form=first[1],
                note=f"({match['dst']} -> {changes['dst']})",
            )
        )
    return sites


# --------------------------------------------------------------------------------------------
# 1b. Currency conversions: the same edit on "$11bn (£5.9bn)"

CURRENCY_SIGN = r"(?:US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥)"
CURRENCY_WORD = r"(?:euros|dollars|yen|yuan|rupees|roubles|rubles|francs|pesos|rand|kronor)"
MAGNITUDE = r"(?:\s?(?:bn|m|k|billion|million|trillion|mn|mln)(?![a-z]))?"
_SIGN_CODES = {
    "$": "USD",
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "p": "GBP",
}
_WORD_CODES = {
    "euros": "EUR",
    "dollars": "USD",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "francs": "CHF",
    "pesos": "MXN",
    "rand": "ZAR",
    "kronor": "SEK",
}

CURRENCY_PAIR = re.compile(
    rf"(?:(?P<c1>{CURRENCY_SIGN})\s?(?P<src>{NUM})(?P<m1>{MAGNITUDE})"
    rf"|(?<![\w.,$£€])(?P<src_w>{NUM})(?P<m1w>{MAGNITUDE})\s+(?P<w1>{CURRENCY_WORD}))"
    rf"\s*\(\s*(?:{HEDGE}\s+)?(?:(?P<c2>{CURRENCY_SIGN})\s?(?P<dst>{NUM})(?P<m2>{MAGNITUDE})"
    rf"|(?P<dst_p>[0-9]+)p\b)"
)


def currency_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    sites: list[Site] = []
    for match in CURRENCY_PAIR.finditer(article.text):
        if BOUND_BEFORE.search(article.text, max(0, match.start() - 16), match.start()):
            continue
        source_code = _SIGN_CODES.get(match["c1"] or "") or _WORD_CODES.get(match["w1"] or "")
        target_code = _SIGN_CODES.get(match["c2"] or "p")
        if not source_code or source_code == target_code:
            continue
        src_group = "src" if match["src"] else "src_w"
        dst_group = "dst" if match["dst"] else "dst_p"
        factor = rng.uniform(1.3, 1.6)
        new_dst = scaled_figure(match[dst_group], factor)
        control = None
        if one_figure_in_brackets(article.text, match.end()) and not RELATED_FIGURES.search(
            sentence_text(article.text, match.start())
        ):
            control = group_edit(
                match,
                {
                    src_group: scaled_figure(match[src_group], 2.0),
                    dst_group: scaled_figure(match[dst_group], 2.0),
                },
            )
        sites.append(
            Site(
                kind="currency",
                doc=article.id,
                span=(match.start(), match.end()),
                error=group_edit(match, {dst_group: new_dst}),
                control=control,
                form=f"{source_code}->{target_code}",
                note=f"({match[dst_group]} -> {new_dst})",
            )
        )
    return sites


# --------------------------------------------------------------------------------------------
# 2. Weekdays: the weekday of an explicit weekday+date changed

WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{WEEKDAY})\.?,?{SP}+(?:the{SP}+)?"
    rf"(?:(?P<m1>{MONTH})\.?{SP}+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?{SP}+(?:of{SP}+)?(?P<m2>{MONTH})\.?)"
    rf"(?:,?{SP}+(?P<y>(?:19|20)[0-9][0-9]))?\b"
)


def resolve_day(
    month: int, day: int, year: int | None, published: dt.date | None
) -> dt.date | None:
    """The date meant: the written year, else the candidate year closest to publication."""
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if published is None:
        return None
    candidates = []
    for candidate_year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(candidate_year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days), default=None)


def stands_on_its_own_line(text: str, start: int, end: int) -> bool:
    """True for a dateline: the match is all there is on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" .\t")


def weekday_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    sites: list[Site] = []
    text = article.text
    for match in WEEKDAY_DATE.finditer(text):
        day_group, month_group = ("d1", "m1") if match["m1"] else ("d2", "m2")
        written_year = int(match["y"]) if match["y"] else None
        date = resolve_day(
            month_number(match[month_group]),
            int(match[day_group]),
            written_year,
            article.published,
        )
        if date is None:
            if skipped is not None:
                skipped["weekday: no year and no publication date"] += 1
            continue
        written = weekday_number(match["wd"])
        if date.weekday() != written:
            if skipped is not None:
                skipped["weekday: already inconsistent"] += 1
            continue
        dateline = stands_on_its_own_line(text, match.start(), match.end())
        new_weekday = (written + rng.randint(1, 6)) % 7
        error = group_edit(match, {"wd": weekday_like(new_weekday, match["wd"])})
        if dateline:
            control = _reformatted_weekday_date(match, date)
        else:
            control = _shifted_weekday_date(match, date, rng, text)
        sites.append(
            Site(
                kind="weekday",
                doc=article.id,
                span=(match.start(), match.end()),
                error=error,
                control=control,
                form="dateline" if dateline else "body",
                note=f"{match['wd']} -> {weekday_like(new_weekday, match['wd'])}",
            )
        )
    return sites


def _reformatted_weekday_date(match: re.Match[str], date: dt.date) -> Edit:
    """The same weekday and date, written the other way round ("Friday, 4 January 2019")."""
    weekday = match["wd"]
    if match["m1"]:
        new = f"{weekday}, {date.day} {month_like(date.month, match['m1'])}"
        new += f" {date.year}" if match["y"] else ""
    else:
        new = f"{weekday}, {month_like(date.month, match['m2'])} {date.day}"
        new += f", {date.year}" if match["y"] else ""
    return Edit(match.start(), match.end(), new)


def _shifted_weekday_date(
    match: re.Match[str], date: dt.date, rng: random.Random, text: str
) -> Edit | None:
    """Another correct pair: the date moved 1-6 days earlier, with its own weekday."""
    if DEICTIC.search(sentence_text(text, match.start())):
        return None
    new_date = date - dt.timedelta(days=rng.randint(1, 6))
    if not match["y"] and new_date.year != date.year:
        return None
    day_group, month_group = ("d1", "m1") if match["m1"] else ("d2", "m2")
    changes = {
        "wd": weekday_like(new_date.weekday(), match["wd"]),
        day_group: str(new_date.day),
        month_group: month_like(new_date.month, match[month_group]),
    }
    if match["y"]:
        changes["y"] = str(new_date.year)
    return group_edit(match, changes)


# --------------------------------------------------------------------------------------------
# 3. Parts and wholes: the part raised above its whole

_COUNT = rf"(?:{NUM}|{NUMBER_WORD})"
PART_OF = re.compile(
    rf"(?<![\w.,$£€-])(?P<part>{_COUNT})\s+(?:out\s+)?of\s+"
    rf"(?:(?:the|its|their|our|his|her|all|these|those)\s+)?(?:only\s+)?"
    rf"(?P<whole>{_COUNT})\b(?![.,]?[0-9])(?!\s*(?:%|per ?cent|percent|-|–|:|am\b|pm\b))",
    re.I,
)
INCLUDING = re.compile(
    rf"(?<![\w.,$£€])(?P<whole>{NUM})(?P<mw>\s+(?:million|billion))?\s+(?:[A-Za-z-]+\s+){{0,3}}?"
    rf"[A-Za-z-]+,\s+including\s+(?:{HEDGE}\s+)?(?P<part>{NUM})(?P<mp>\s+(?:million|billion))?"
    rf"(?![.,]?[0-9])"
)


# Figures of the article a sentence can be composed from: money, or a count of things ("48
# apartments"). Units, times and ranks are not counts of things.
_NOT_COUNTED = (
    r"(?!(?:years|months|weeks|days|hours|minutes|seconds|times|points|goals|runs|wickets|"
    r"percent|per|pct|(?:kilo|mega|giga)?watts|(?:kilo|mega|giga)?bytes|barrels|tonnes|tons|"
    r"(?:kilo|mega|giga)?bits|degrees|dollars|euros|pounds|rupees|yen|yuan|dinars|dirhams|"
    r"shekels|riyals|pesos|francs|kronor|naira|kilomet\w+|met(?:re|er)s|miles|feet|inches|"
    r"acres|hectares|lit(?:re|er)s|gallons)\b)"
)
SOURCE_FIGURE = re.compile(
    rf"(?P<sign>{CURRENCY_SIGN})\s?(?P<num>{NUM})(?P<mag>{MAGNITUDE})(?![\w%])"
    rf"|(?<![\w.,$£€-])(?P<cnum>{NUM}){SP}+{_NOT_COUNTED}(?P<noun>[a-z]{{3,}}s)\b"
)


def composable_figures(text: str) -> Iterable[re.Match[str]]:
    """Money and counts of things in the body (not the dateline), in text order."""
    for match in SOURCE_FIGURE.finditer(text):
        if stands_on_its_own_line(text, match.start(), match.end()):
            continue
        if match["noun"] and unit_of(match["noun"]):
            continue  # "30 inches" is a measure, not a count
        number = match["num"] or match["cnum"]
        if is_year_like(number) and not match["sign"]:
            continue
        yield match


_COMPOSED_PARTS = (
    ("composed-of", "The report said {P} of the {N} {noun} were affected."),
    ("composed-including", "Officials counted {N} {noun}, including {P} in the capital."),
)


def part_whole_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    sites: list[Site] = []
    text = article.text
    for pattern, form in ((PART_OF, "of"), (INCLUDING, "including")):
        for match in pattern.finditer(text):
            part, whole = count_value(match["part"]), count_value(match["whole"])
            if part is None or whole is None or whole < 2 or not 1 <= part <= whole:
                continue
            if is_year_like(match["whole"]) or is_year_like(match["part"]):
                continue
            if form == "of" and part == 1:
                continue  # "one of the five demands" names a member; "six of the five" is no edit
            if re.search(r"\bbut\s+$", text[max(0, match.start() - 8) : match.start()]):
                continue  # "all but one of the sixteen" counts the rest
            if form == "including" and (match["mw"] or "").strip() != (match["mp"] or "").strip():
                continue
            raised = above_whole(whole, match["whole"], rng.uniform(1.3, 2.0))
            new_part = write_count(raised, match["part"])
            equal = write_count(whole, match["part"])
            sites.append(
                Site(
                    kind="part_whole",
                    doc=article.id,
                    span=(match.start(), match.end()),
                    error=group_edit(match, {"part": new_part}),
                    control=group_edit(match, {"part": equal}) if part != whole else None,
                    form=form,
                    note=f"{match['part']} -> {new_part} (whole {match['whole']})",
                )
            )
    composed = _composed_part_site(article, rng)
    if composed is not None:
        sites.append(composed)
    return sites


def _composed_part_site(article: Article, rng: random.Random) -> Site | None:
    """After a real count of things ("48 apartments"), a composed sentence that takes a part
    of it: the error part exceeds the count, the control part is below it."""
    text = article.text
    for match in composable_figures(text):
        if not match["cnum"]:
            continue
        whole = count_value(match["cnum"])
        if whole is None or whole < 3:
            continue
        form, template = _COMPOSED_PARTS[rng.randrange(len(_COMPOSED_PARTS))]
        raised = above_whole(whole, match["cnum"], rng.uniform(1.3, 2.0))
        below = min(whole - 1, max(1, round(whole * rng.uniform(0.2, 0.8))))
        grouped = "," in match["cnum"]
        # A part of 1,000 or more gets its thousands comma even where the article's own count
        # had none: "including 1459" reads as a year, which no copy editor would let stand.
        sentences = [
            template.format(
                P=format_number(part, 0, grouped or part >= 1000),
                N=format_number(whole, 0, grouped),
                noun=match["noun"],
            )
            for part in (raised, below)
        ]
        site = composed_site(
            "part_whole",
            article,
            match.start(),
            sentences[0],
            sentences[1],
            form,
            f"{raised} of {whole} (control {below})",
        )
        if site is not None:
            return site
    return None


# --------------------------------------------------------------------------------------------
# 4. Percent changes: the stated percent made wrong

CHANGE_VERB = (
    r"(?:rose|fell|jumped|climbed|dropped|increased|decreased|grew|declined|slumped|surged|"
    r"soared|plunged|gained|slipped|tumbled|rising|falling|up|down)"
)
FIGURE = rf"(?:{CURRENCY_SIGN}\s?)?(?:{NUM})(?:{MAGNITUDE})(?:\s*(?:%|per ?cent|percent|pct))?"
PERCENT_UNIT = r"\s*(?:%|per ?cent|percent|pct)"
REAL_CHANGE = re.compile(
    rf"\b(?P<verb>{CHANGE_VERB})\s+(?:by\s+)?(?P<p>{NUM})(?P<pu>{PERCENT_UNIT}),?\s+"
    rf"(?:from\s+(?P<a>{FIGURE})\s+to\s+(?P<b>{FIGURE})|to\s+(?P<b2>{FIGURE})\s+from\s+(?P<a2>{FIGURE}))",
    re.I,
)
_COMPOSED_CHANGES = (
    # (form, template, direction); {P} percent, {A} before, {B} after
    ("rose-from-to", "The figure rose {P}% from {A} to {B}.", "up"),
    ("fell-to-from", "That figure fell {P}% to {B} from {A}.", "down"),
    ("wire-pct", "The total rose {P} pct to {B} from {A}.", "up"),
    ("increase-by", "It was an increase of {P} percent, from {A} to {B}.", "up"),
    ("doubled", "The figure had doubled from {A} to {B}.", "up"),
    ("tripled", "The total had tripled from {A} to {B}.", "up"),
)


def _figure_value(text: str) -> tuple[float, Written] | None:
    number = re.search(NUM, text)
    return (parse_number(number.group()).value, parse_number(number.group())) if number else None


def percent_change_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    sites = list(_real_change_sites(article, rng))
    composed = _composed_change_site(article, rng)
    if composed is not None:
        sites.append(composed)
    return sites


def _real_change_sites(article: Article, rng: random.Random) -> Iterable[Site]:
    for match in REAL_CHANGE.finditer(article.text):
        before, after = match["a"] or match["a2"], match["b"] or match["b2"]
        a, b = _figure_value(before), _figure_value(after)
        if not a or not b or a[0] <= 0 or "%" in before + after or "cent" in before + after:
            continue
        stated = parse_number(match["p"]).value
        actual = abs(b[0] / a[0] - 1) * 100
        if abs(actual - stated) > max(1.0, 0.05 * stated):
            continue  # not a relative change the script can verify, or already wrong
        wrong = stated + max(10.0, stated / 2)
        new_p = parse_number(match["p"]).render(wrong)
        yield Site(
            kind="percent_change",
            doc=article.id,
            span=(match.start(), match.end()),
            error=group_edit(match, {"p": new_p}),
            control=None,
            form="real",
            note=f"{match['p']}% -> {new_p}%",
        )


@dataclass(frozen=True, slots=True)
class _FigureLike:
    """Writes a value the way the article wrote one of its figures ("US$5.09 million")."""

    match: re.Match[str]
    group: str
    written: Written

    def __call__(self, value: float) -> str:
        return replace_groups(self.match, {self.group: self.written.render(value)}).strip()


def _composed_change_site(article: Article, rng: random.Random) -> Site | None:
    """One composed change sentence per article, built on a figure the article gives."""
    text = article.text
    for match in composable_figures(text):
        number_group = "num" if match["num"] else "cnum"
        number = match[number_group]
        written = parse_number(number)
        if written.value * 10**written.decimals < 20:  # fewer than two significant digits
            continue
        if written_precision(number) > 1:
            continue  # "$1,000" may be a rounding of $950 or $1,400: no change is wrong for it
        form, template, direction = _COMPOSED_CHANGES[rng.randrange(len(_COMPOSED_CHANGES))]
        like = _FigureLike(match, number_group, written)
        b_value = written.value
        if form in ("doubled", "tripled"):
            factor = 2 if form == "doubled" else 3
            a_value = round(b_value / factor, written.decimals)
            wrong = "tripled" if form == "doubled" else "doubled"
            correct_text = template.format(A=like(a_value), B=like(b_value))
            error_text = correct_text.replace(form, wrong)
            note = f"{form} -> {wrong}"
        else:
            percent = rng.randint(12, 60) if direction == "up" else rng.randint(10, 45)
            ratio = 1 + percent / 100 if direction == "up" else 1 - percent / 100
            a_value = round(b_value / ratio, written.decimals)
            if a_value <= 0 or a_value == b_value:
                continue
            true_percent = round(abs(b_value / a_value - 1) * 100)
            wrong_percent = true_percent + max(10, round(true_percent / 2))
            if direction == "down":
                wrong_percent = min(wrong_percent, 95)
            correct_text = template.format(P=true_percent, A=like(a_value), B=like(b_value))
            error_text = template.format(P=wrong_percent, A=like(a_value), B=like(b_value))
            note = f"{true_percent}% -> {wrong_percent}%"
        site = composed_site(
            "percent_change", article, match.start(), error_text, correct_text, form, note
        )
        if site is not None:
            return site
    return None


# --------------------------------------------------------------------------------------------
# 5. Ages: a birth year that contradicts the stated age

BORN = re.compile(
    r"\bborn\b(?P<between>[^.;\n]{0,40}?)\b(?P<year>1[89][0-9][0-9]|20[0-2][0-9])\b(?![-–][0-9])"
)
AGE_STATEMENTS = (
    re.compile(r"\b(?P<n>[0-9]{1,3})-year-old\b"),
    re.compile(r"\baged\s+(?P<n>[0-9]{1,3})\b"),
    re.compile(r"\bage of\s+(?P<n>[0-9]{1,3})\b"),
    re.compile(r"\b(?P<n>[0-9]{1,3})\s+years\s+old\b"),
    re.compile(r"\bwas\s+(?P<n>[0-9]{1,3})(?=[.,;])"),
)
YEAR_OLD = re.compile(r"(?<![\w-])(?P<n>[0-9]{1,3})-year-old\b(?P<next>\W+\w+)?")
# What may follow "the N-year-old" when it names a person: a person noun, a name, a verb.
_PERSON_NEXT = re.compile(
    r"\W+(?:[A-Z]\w+|man|woman|boy|girl|son|daughter|mother|father|wife|husband|brother|"
    r"sister|driver|student|suspect|resident|actor|actress|singer|player|pilot|officer|soldier|"
    r"victim|teenager|worker|gunman|politician|activist|journalist|president|leader|member|"
    r"was|is|had|has|said|who|died|from|of)$"
)


def stated_ages(text: str) -> set[int]:
    return {int(m["n"]) for pattern in AGE_STATEMENTS for m in pattern.finditer(text)}


def age_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    if article.published is None:
        return []
    sites = list(_real_birth_sites(article, rng))
    composed = _composed_age_site(article, rng)
    if composed is not None:
        sites.append(composed)
    return sites


def _real_birth_sites(article: Article, rng: random.Random) -> Iterable[Site]:
    """A birth year the article writes, when it also states an age that fits it."""
    published = article.published
    ages = stated_ages(article.text)
    for match in BORN.finditer(article.text):
        year = int(match["year"])
        full_date = re.search(rf"{MONTH}\s+[0-9]{{1,2}}|[0-9]{{1,2}}\s+{MONTH}", match["between"])
        fitting = [n for n in ages if published.year - year - n in (0, 1)]
        if not fitting:
            continue
        shift = rng.randint(5, 12) * rng.choice((-1, 1))
        wrong = year + shift
        control = None
        if not full_date:
            other = year - 1 if published.year - year - fitting[0] == 0 else year + 1
            control = Edit(match.start("year"), match.end("year"), str(other))
        yield Site(
            kind="age",
            doc=article.id,
            span=(match.start("year"), match.end("year")),
            error=Edit(match.start("year"), match.end("year"), str(wrong)),
            control=control,
            form="born-year" if not full_date else "born-date",
            note=f"born {year} -> {wrong} (age {fitting[0]})",
        )


_COMPOSED_AGES = (
    ("the-n-year-old", "The {n}-year-old was born in {year}."),
    ("born-in-opening", "Born in {year}, the {n}-year-old has lived in the area since childhood."),
    ("who-was-born", "The {n}-year-old, who was born in {year}, declined to comment."),
)
_SAID = re.compile(r"\b(?:said|told|says)\b")


def _composed_age_site(article: Article, rng: random.Random) -> Site | None:
    """A composed sentence giving an age and a birth year. The age is a real "N-year-old" of
    the article where it has one (the sentence goes after it); otherwise the age is composed
    too and the sentence goes after the first sentence that quotes someone."""
    text = article.text
    anchor, age, form = None, None, "composed-age"
    for match in YEAR_OLD.finditer(text):
        candidate = int(match["n"])
        if not 2 <= candidate <= 105 or re.search(r"(?:then-|as an?\s+)$", text[: match.start()]):
            continue
        if match["next"] and _PERSON_NEXT.match(match["next"]):
            anchor, age, form = match.start(), candidate, "real-age"
            break
    if anchor is None:
        said = _SAID.search(text)
        if said is None or stands_on_its_own_line(text, said.start(), said.end()):
            return None
        anchor, age = said.start(), rng.randint(20, 85)
    name, template = _COMPOSED_AGES[rng.randrange(len(_COMPOSED_AGES))]
    published = article.published
    correct = published.year - age - rng.choice((0, 1))
    shift = rng.randint(5, 12)
    wrong = correct + shift if correct + shift < published.year - 1 else correct - shift
    return composed_site(
        "age",
        article,
        anchor,
        template.format(n=age, year=wrong),
        template.format(n=age, year=correct),
        f"{form}/{name}",
        f"{age}-year-old born {wrong} (fits {correct})",
    )


# --------------------------------------------------------------------------------------------
# 6. Ranges: "between A and B" turned round

_RANGE_END = rf"(?:{CURRENCY_SIGN}\s?)?(?:{NUM})(?:{MAGNITUDE})(?:%)?"
BETWEEN = re.compile(
    rf"\bbetween\s+(?:{HEDGE}\s+)?(?P<a>{_RANGE_END})\s+and\s+(?P<b>{_RANGE_END})"
    rf"(?![\w/:])(?P<after>\s*[A-Za-z]*)"
)
_RANGE_UNIT = (
    r"%|per ?cent|percent|million|billion|bn|m(?![a-z])|mph|km/h|km|kilomet\w+|miles|metres|"
    r"meters|feet|ft|hours|days|weeks|months|years(?!\s+old)|people|euros|dollars|rupees|yen"
)
DASH_RANGE = re.compile(
    rf"(?<![\w.,$£€-])(?P<a>{NUM})\s?(?P<dash>[-–])\s?(?P<b>{NUM})(?=\s*(?:{_RANGE_UNIT})\b|%)"
)
_NOT_A_QUANTITY_AFTER = re.compile(rf"\s*(?:{MONTH}|GMT|BST|UTC|am|pm|hrs|BC|AD)\b")


def range_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    sites: list[Site] = []
    text = article.text
    for match in BETWEEN.finditer(text):
        a_number, b_number = re.search(NUM, match["a"]), re.search(NUM, match["b"])
        if not a_number or not b_number:
            continue
        a_value, b_value = (
            parse_number(a_number.group()).value,
            parse_number(b_number.group()).value,
        )
        if a_value >= b_value or _NOT_A_QUANTITY_AFTER.match(match["after"]):
            continue
        if is_year_like(a_number.group()) and is_year_like(b_number.group()):
            continue  # a span of years or clock times, not a range of one figure
        if not match["after"].strip() and not re.search(r"[^0-9.,]", match["a"] + match["b"]):
            continue  # "between 7 and 8": versions or labels as likely as a range of one figure
        error = Edit(
            match.start(),
            match.end("b"),
            replace_groups_span(
                text,
                match.start(),
                match.end("b"),
                {
                    (
                        match.start("a") + a_number.start(),
                        match.start("a") + a_number.end(),
                    ): b_number.group(),
                    (
                        match.start("b") + b_number.start(),
                        match.start("b") + b_number.end(),
                    ): a_number.group(),
                },
            ),
        )
        sites.append(
            Site(
                kind="range",
                doc=article.id,
                span=(match.start(), match.end("b")),
                error=error,
                control=_equal_range_rewrite(match),
                form="between",
                note=f"between {match['a']} and {match['b']} -> reversed",
            )
        )
    for match in DASH_RANGE.finditer(article.text):
        a, b = parse_number(match["a"]).value, parse_number(match["b"]).value
        if a >= b or (is_year_like(match["a"]) and is_year_like(match["b"])):
            continue
        sites.append(
            Site(
                kind="range",
                doc=article.id,
                span=(match.start(), match.end()),
                error=group_edit(match, {"a": match["b"], "b": match["a"]}),
                control=Edit(match.start(), match.end(), f"{match['a']} to {match['b']}"),
                form="dash",
                note=f"{match['a']}{match['dash']}{match['b']} -> reversed",
            )
        )
    return sites


def _equal_range_rewrite(match: re.Match[str]) -> Edit | None:
    """The same range with one end written differently: words for small whole numbers,
    thousands commas added or dropped for large ones."""
    for group in ("a", "b"):
        figure = match[group]
        if re.fullmatch(r"[0-9]{1,2}", figure):
            return group_edit(match, {group: number_to_words(int(figure))})
        if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", figure):
            return group_edit(match, {group: figure.replace(",", "")})
        if re.fullmatch(r"[0-9]{4,}", figure):
            return group_edit(match, {group: f"{int(figure):,}"})
    return None


# --------------------------------------------------------------------------------------------
# 7. Past events moved after the publication date

DAY_DATE = re.compile(
    rf"(?<![\w-])(?:(?P<m1>{MONTH_FULL}){SP}+(?P<d1>[0-9]{{1,2}}),{SP}+(?P<y1>(?:19|20)[0-9][0-9])"
    rf"|(?P<d2>[0-9]{{1,2}}){SP}+(?P<m2>{MONTH_FULL}),?{SP}+(?P<y2>(?:19|20)[0-9][0-9]))\b"
)
MONTH_YEAR = re.compile(
    rf"\bin{SP}+(?:(?:early|late){SP}+|mid-)?(?P<m>{MONTH_FULL}){SP}+(?P<y>(?:19|20)[0-9][0-9])\b"
)
IN_YEAR = re.compile(rf"\bin{SP}+(?P<y>(?:19|20)[0-9][0-9])\b")
_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|said|took|made|won|lost|held|began|came|went|left|met|told|gave|"
    r"found|saw|became|died|fled|fought|led|ran|sent|spent|struck|hit|shot|sold|bought|brought|"
    r"built|wrote|spoke|broke|chose|flew|grew|knew|rose|fell|paid|put|set|won|[a-z]{3,}ed)\b",
    re.I,
)
_NOT_PAST = re.compile(
    r"\b(?:will|would|shall|'ll|scheduled|expected|due|plans?|planned|planning|upcoming|next|"
    r"until|till|by|deadline|set to|is to|are to|aims?|intends?|hopes?|could|may|might|should|"
    r"must|before|starting|from|between|through|since|tomorrow)\b",
    re.I,
)
_AFTER_DATE_RANGE = re.compile(r"\s*(?:[-–/]|to\b|and\b|until\b|through\b|[0-9])")


ANCHORED_DATE = re.compile(
    r"\b(?:born|founded|established|built|opened|since|anniversary|until|when)\b", re.I
)


def _is_past_clause(sentence: str) -> bool:
    return bool(_PAST_VERB.search(sentence)) and not _NOT_PAST.search(sentence)


def past_event_sites(
    article: Article, rng: random.Random, skipped: Counter[str] | None = None
) -> list[Site]:
    published = article.published
    if published is None:
        return []
    text = article.text
    sites: list[Site] = []
    taken: list[tuple[int, int]] = []
    for pattern, granularity in ((DAY_DATE, "day"), (MONTH_YEAR, "month"), (IN_YEAR, "year")):
        for match in pattern.finditer(text):
            if stands_on_its_own_line(text, match.start(), match.end()):
                continue  # a dateline
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if _AFTER_DATE_RANGE.match(text, match.end()):
                continue
            if re.search(rf"{WEEKDAY},?\s*$", text[max(0, match.start() - 12) : match.start()]):
                continue  # a weekday+date: moving it would break the weekday as well
            sentence = sentence_text(text, match.start())
            if not sentence or not _is_past_clause(sentence):
                continue
            site = _moved_date_site(article, match, granularity, rng, sentence)
            if site is not None:
                taken.append((match.start(), match.end()))
                sites.append(site)
    return sites


def _moved_date_site(
    article: Article, match: re.Match[str], granularity: str, rng: random.Random, sentence: str
) -> Site | None:
    published = article.published
    # Moving a date earlier must not break anything else the article ties to it: ages (a
    # birth year), relative words, founding years counted elsewhere.
    allow_control = not DEICTIC.search(sentence) and not ANCHORED_DATE.search(sentence)
    if granularity == "day":
        day_group, month_group, year_group = (
            ("d1", "m1", "y1") if match["m1"] else ("d2", "m2", "y2")
        )
        try:
            date = dt.date(
                int(match[year_group]), month_number(match[month_group]), int(match[day_group])
            )
        except ValueError:
            return None
        if date >= published:
            return None

        def render(new: dt.date) -> Edit:
            return group_edit(
                match,
                {
                    day_group: str(new.day),
                    month_group: MONTHS[new.month - 1],
                    year_group: str(new.year),
                },
            )

        moved = published + dt.timedelta(days=rng.randint(20, 200))
        earlier = date - dt.timedelta(days=rng.randint(3, 40))
        error, control = render(moved), render(earlier) if allow_control else None
        note = f"{date} -> {moved}"
    elif granularity == "month":
        month = dt.date(int(match["y"]), month_number(match["m"]), 1)
        if month >= published.replace(day=1):
            return None
        moved = (published + dt.timedelta(days=rng.randint(40, 300))).replace(day=1)
        back = rng.randint(1, 6)
        earlier_index = month.year * 12 + month.month - 1 - back
        earlier = dt.date(earlier_index // 12, earlier_index % 12 + 1, 1)
        error = group_edit(match, {"m": MONTHS[moved.month - 1], "y": str(moved.year)})
        control = (
            group_edit(match, {"m": MONTHS[earlier.month - 1], "y": str(earlier.year)})
            if allow_control
            else None
        )
        note = f"{month:%B %Y} -> {moved:%B %Y}"
    else:
        year = int(match["y"])
        if year >= published.year:
            return None
        moved_year = published.year + rng.randint(1, 3)
        error = group_edit(match, {"y": str(moved_year)})
        control = group_edit(match, {"y": str(year - rng.randint(1, 4))}) if allow_control else None
        note = f"{year} -> {moved_year}"
    return Site(
        kind="relative_date",
        doc=article.id,
        span=(match.start(), match.end()),
        error=error,
        control=control,
        form=granularity,
        note=note,
    )


# --------------------------------------------------------------------------------------------
# The edit kinds and the checks meant to catch them


@dataclass(frozen=True, slots=True)
class EditKind:
    name: str
    check: str  # the check kind whose finding counts as a catch
    finder: Callable[[Article, random.Random, Counter[str] | None], list[Site]]
    what: str
    needs_published: bool = False


EDIT_KINDS: tuple[EditKind, ...] = (
    EditKind(
        "conversion",
        "conversion",
        conversion_sites,
        "converted figure in a unit conversion raised 30-60 %",
    ),
    EditKind(
        "currency",
        "conversion",
        currency_sites,
        "converted figure in a currency conversion raised 30-60 %",
    ),
    EditKind("weekday", "weekday", weekday_sites, "weekday of a weekday+date changed"),
    EditKind("part_whole", "part_whole", part_whole_sites, "part raised above its whole"),
    EditKind(
        "percent_change",
        "percent_change",
        percent_change_sites,
        "stated percent change (or doubled/tripled) made wrong",
    ),
    EditKind("age", "age", age_sites, "birth year 5-12 years off the stated age", True),
    EditKind("range", "range", range_sites, "range ends swapped"),
    EditKind(
        "relative_date",
        "relative_date",
        past_event_sites,
        "past-tense date moved after publication",
        True,
    ),
)

# One textbook error per edit kind, written for this script: a check that does not flag its
# probe is not (yet) able to catch the kind at all, and is reported "not available" rather
# than measured at 0 % (an extractor not wired into the pipeline, a check still a stub).
PROBES: dict[str, tuple[str, str]] = {
    "conversion": ("The trail is 5 miles (20 km) long, the park said.", "2019-06-03"),
    "currency": ("The company agreed to pay $100m (£20m) for the site, it said.", "2019-06-03"),
    "weekday": ("The vote took place on Monday, March 5, 2019, officials said.", "2019-03-10"),
    "part_whole": ("The council said 31 of its 25 pumping stations were working.", "2019-06-03"),
    "percent_change": ("Sales rose 25% from 200 to 300 last year, the firm said.", "2019-06-03"),
    "age": ("The 45-year-old was born in 1960, his lawyer said.", "2019-02-12"),
    "range": ("Between 18,000 and 14,000 people attended the rally.", "2019-06-03"),
    "relative_date": ("The vote took place on March 3, 2019, officials said.", "2019-02-12"),
}


def availability(rules: Sequence[Any]) -> dict[str, str | None]:
    """For each edit kind, None when its check can be measured, else why not."""
    from factcheck import checks

    registered = set(checks.registry())
    enabled = {rule.check for rule in rules if rule.enabled}
    status: dict[str, str | None] = {}
    for kind in EDIT_KINDS:
        if kind.check not in registered:
            status[kind.name] = f"no check kind '{kind.check}'"
        elif kind.check not in enabled:
            status[kind.name] = f"no enabled rule for '{kind.check}'"
        elif not probe_flagged(kind, rules):
            status[kind.name] = f"'{kind.check}' does not flag the probe {PROBES[kind.name][0]!r}"
        else:
            status[kind.name] = None
    return status


def probe_flagged(kind: EditKind, rules: Sequence[Any]) -> bool:
    from factcheck.document import Document
    from factcheck.pipeline import check_document

    text, published = PROBES[kind.name]
    document = Document(text=text, published=dt.date.fromisoformat(published), id="probe")
    try:
        result = check_document(document, list(rules))
    except Exception:
        return False
    return any(f.check == kind.check and not f.suppressed for f in result.findings)


# --------------------------------------------------------------------------------------------
# Running the edits


@dataclass(slots=True)
class Trial:
    """What happened to one site: the error copy and the control copy."""

    site: Site
    caught: bool = False
    caught_severity: str | None = None
    caught_elsewhere: list[str] = field(default_factory=list)  # other checks on the edit
    error_findings: list[Any] = field(default_factory=list)  # all findings near the edit
    control_alarms: list[Any] = field(default_factory=list)  # new warning+ findings
    control_info: list[Any] = field(default_factory=list)  # new info findings
    already_flagged: bool = False
    failed: str | None = None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1]:
        return b[0] <= a[0] < max(b[1], b[0] + 1)
    return a[0] < b[1] and b[0] < a[1]


def finding_touches(finding: Any, region: tuple[int, int]) -> bool:
    spans = [finding.span] + [span for span, _ in finding.related]
    return any(overlaps((span.start, span.end), region) for span in spans)


def finding_key(finding: Any) -> tuple[str, str]:
    return finding.rule, finding.text


def new_findings(before: Sequence[Any], after: Sequence[Any]) -> list[Any]:
    """Findings of ``after`` that ``before`` does not have (by rule and flagged text)."""
    remaining = Counter(finding_key(f) for f in before)
    fresh = []
    for finding in after:
        key = finding_key(finding)
        if remaining[key]:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return fresh


def trials_for_article(
    article: Article, sites: Sequence[Site], rules: Sequence[Any], checks_for: dict[str, str]
) -> list[Trial]:
    """Check the unedited article once, then one copy per error and per control edit."""
    from factcheck.findings import Severity
    from factcheck.pipeline import check_document

    def findings_of(text: str) -> list[Any]:
        edited = Article(
            id=article.id,
            text=text,
            published=article.published,
            title=article.title,
            source=article.source,
            published_between=article.published_between,
            published_between_source=article.published_between_source,
        )
        result = check_document(to_document(edited), list(rules))
        return [f for f in result.findings if not f.suppressed]

    try:
        baseline = findings_of(article.text)
    except Exception as exc:  # an article the pipeline cannot read is reported, not fatal
        return [Trial(s, failed=f"baseline: {type(exc).__name__}") for s in sites]
    trials: list[Trial] = []
    for site in sites:
        trial = Trial(site)
        trials.append(trial)
        check = checks_for[site.kind]
        if site.span[0] < site.span[1] and any(
            f.check == check and finding_touches(f, site.span) for f in baseline
        ):
            trial.already_flagged = True
            continue
        try:
            after_error = findings_of(site.error.apply(article.text))
        except Exception as exc:
            trial.failed = f"error copy: {type(exc).__name__}: {exc}"
            continue
        region = site.error.region
        touching = [f for f in after_error if finding_touches(f, region)]
        trial.error_findings = touching
        hits = [f for f in touching if f.check == check]
        if hits:
            trial.caught = True
            trial.caught_severity = str(max(f.severity for f in hits))
        fresh = new_findings(baseline, after_error)
        trial.caught_elsewhere = sorted(
            {f.check for f in fresh if f.check != check and finding_touches(f, region)}
        )
        if site.control is None:
            continue
        try:
            after_control = findings_of(site.control.apply(article.text))
        except Exception as exc:
            trial.failed = f"control copy: {type(exc).__name__}: {exc}"
            continue
        fresh = new_findings(baseline, after_control)
        trial.control_alarms = [f for f in fresh if f.severity >= Severity.WARNING]
        trial.control_info = [f for f in fresh if f.severity < Severity.WARNING]
    return trials


_WORKER_RULES: list[Any] = []


def _init_worker(rules: Sequence[Any]) -> None:
    """Workers get the rules the main process loaded (not the files again: rule files that
    change during a run must not give the workers a different rule set)."""
    import warnings as worker_warnings

    worker_warnings.filterwarnings("ignore", category=UserWarning)
    _WORKER_RULES[:] = list(rules)


def _worker_task(
    task: tuple[Article, list[tuple[int, Site]], dict[str, str]],
) -> list[tuple[int, Trial]]:
    article, numbered, checks_for = task
    trials = trials_for_article(article, [site for _, site in numbered], _WORKER_RULES, checks_for)
    return [(index, trial) for (index, _), trial in zip(numbered, trials, strict=True)]


def run_trials(
    sites: Sequence[Site],
    articles: dict[str, Article],
    rules: Sequence[Any],
    checks_for: dict[str, str],
    jobs: int = 1,
) -> list[Trial]:
    """All trials, one task per article (its baseline is checked once for all its sites),
    in ``jobs`` worker processes; the result does not depend on ``jobs``."""
    by_doc: dict[str, list[tuple[int, Site]]] = defaultdict(list)
    for index, site in enumerate(sites):
        by_doc[site.doc].append((index, site))
    tasks = [(articles[doc], numbered, checks_for) for doc, numbered in by_doc.items()]
    if jobs <= 1:
        _init_worker(rules)
        results = [_worker_task(task) for task in tasks]
    else:
        import multiprocessing

        with multiprocessing.Pool(jobs, _init_worker, (list(rules),)) as pool:
            results = pool.map(_worker_task, tasks, chunksize=4)
    trials: list[Trial | None] = [None] * len(sites)
    for batch in results:
        for index, trial in batch:
            trials[index] = trial
    return [trial for trial in trials if trial is not None]


def collect_sites(
    articles: Iterable[Article], kinds: Sequence[EditKind], seed: int
) -> tuple[dict[str, list[Site]], Counter[str]]:
    sites: dict[str, list[Site]] = {kind.name: [] for kind in kinds}
    skipped: Counter[str] = Counter()
    for article in articles:
        for kind in kinds:
            if kind.needs_published and article.published is None:
                continue
            rng = random.Random(f"{seed}:{kind.name}:{article.id}")
            try:
                found = kind.finder(article, rng, skipped)
            except Exception as exc:  # a finder bug must not hide the other kinds
                skipped[f"{kind.name}: finder raised {type(exc).__name__}"] += 1
                continue
            sites[kind.name].extend(found)
    return sites, skipped


def sample_sites(sites: Sequence[Site], limit: int | None, rng: random.Random) -> list[Site]:
    """At most ``limit`` sites, taken round-robin over forms and origins so a rare form
    (a weekday in the body rather than the dateline) is not crowded out by a common one."""
    if not limit or len(sites) <= limit:
        return list(sites)
    groups: dict[tuple[str, str], list[Site]] = defaultdict(list)
    for site in sites:
        groups[(site.origin, site.form)].append(site)
    for members in groups.values():
        rng.shuffle(members)
    chosen: list[Site] = []
    keys = sorted(groups)
    while len(chosen) < limit:
        for key in keys:
            if groups[key] and len(chosen) < limit:
                chosen.append(groups[key].pop())
    return chosen


# --------------------------------------------------------------------------------------------
# Report


@dataclass(slots=True)
class KindSummary:
    kind: str
    check: str
    status: str | None
    sites_found: int = 0
    trials: list[Trial] = field(default_factory=list)

    def _measured(self, origin: str | None = None) -> list[Trial]:
        return [
            t
            for t in self.trials
            if not t.already_flagged
            and not t.failed
            and (origin is None or t.site.origin == origin)
        ]

    def figures(self, origin: str | None = None) -> dict[str, Any]:
        measured = self._measured(origin)
        caught = [t for t in measured if t.caught]
        controls = [t for t in measured if t.site.control is not None]
        alarms = [t for t in controls if t.control_alarms]
        return {
            "sites": len(measured),
            "caught": len(caught),
            "recall": len(caught) / len(measured) if measured else None,
            "caught_warning_up": sum(1 for t in caught if t.caught_severity != "info"),
            "other_check_only": sum(1 for t in measured if not t.caught and t.caught_elsewhere),
            "controls": len(controls),
            "control_false_alarms": len(alarms),
            "control_false_alarm_rate": len(alarms) / len(controls) if controls else None,
            "control_info": sum(1 for t in controls if t.control_info),
        }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def summary_tables(summaries: Sequence[KindSummary]):
    from rich.table import Table

    table = Table(
        title="Recall of injected errors, false alarms on consistent controls", title_justify="left"
    )
    headers = (
        "edit", "check", "real sites", "composed sites", "caught", "recall", "warning+",
        "other check only", "controls", "ctrl false alarms", "ctrl info",
    )  # fmt: skip
    for column in headers:
        left = column in ("edit", "check")
        table.add_column(column, justify="left" if left else "right", no_wrap=left)
    for summary in summaries:
        if summary.status:
            table.add_row(summary.kind, summary.check, "not available", *[""] * 8)
            continue
        fig = summary.figures()
        real, composed = summary.figures("real"), summary.figures("composed")
        table.add_row(
            summary.kind,
            summary.check,
            str(real["sites"]),
            str(composed["sites"]),
            str(fig["caught"]),
            _pct(fig["recall"]),
            str(fig["caught_warning_up"]),
            str(fig["other_check_only"]),
            str(fig["controls"]),
            f"{fig['control_false_alarms']} ({_pct(fig['control_false_alarm_rate'])})",
            str(fig["control_info"]),
        )
    forms = Table(title="By form (where the site came from)", title_justify="left")
    for column in (
        "edit",
        "origin",
        "form",
        "sites",
        "caught",
        "recall",
        "controls",
        "ctrl false alarms",
        "already flagged",
    ):
        forms.add_column(
            column, justify="left" if column in ("edit", "origin", "form") else "right"
        )
    for summary in summaries:
        if summary.status:
            continue
        groups: dict[tuple[str, str], list[Trial]] = defaultdict(list)
        for trial in summary.trials:
            groups[(trial.site.origin, trial.site.form)].append(trial)
        for (origin, form), trials in sorted(groups.items()):
            measured = [t for t in trials if not t.already_flagged and not t.failed]
            caught = sum(t.caught for t in measured)
            controls = [t for t in measured if t.site.control is not None]
            forms.add_row(
                summary.kind,
                origin,
                form,
                str(len(measured)),
                str(caught),
                _pct(caught / len(measured) if measured else None),
                str(len(controls)),
                str(sum(1 for t in controls if t.control_alarms)),
                str(sum(t.already_flagged for t in trials)),
            )
    return table, forms


def _window(text: str, region: tuple[int, int], width: int = 90) -> str:
    start, end = region
    return " ".join(text[max(0, start - width) : min(len(text), end + width)].split())


def show_examples(console, summaries, articles, count: int) -> None:
    for summary in summaries:
        if summary.status:
            continue
        measured = [t for t in summary.trials if not t.already_flagged]
        misses = [t for t in measured if not t.caught][:count]
        alarms = [t for t in measured if t.control_alarms][:count]
        if misses:
            console.print(f"\n[bold]{summary.kind}[/bold]: misses ({len(misses)} shown)")
        for trial in misses:
            site = trial.site
            text = site.error.apply(articles[site.doc].text)
            console.print(
                f"  {site.doc} [{site.origin}/{site.form}] {site.note}"
                + (f"  FAILED {trial.failed}" if trial.failed else "")
                + f"\n    edited: {_window(text, site.error.region)}"
                + "".join(
                    f"\n    found instead: {f.check}/{f.rule}: {f.message}"
                    for f in trial.error_findings
                ),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        if alarms:
            console.print(f"\n[bold]{summary.kind}[/bold]: control false alarms")
        for trial in alarms:
            site = trial.site
            text = site.control.apply(articles[site.doc].text)
            console.print(
                f"  {site.doc} [{site.origin}/{site.form}]"
                f"\n    control: {_window(text, site.control.region)}"
                + "".join(
                    f"\n    flagged: {f.check}/{f.rule}: {f.message}" for f in trial.control_alarms
                ),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    add_window_argument(parser)
    parser.add_argument(
        "--limit",
        type=int,
        default=150,
        help="at most N sites per edit kind (0 = all; default 150)",
    )
    parser.add_argument(
        "--kinds",
        help="comma-separated edit kinds (default: all): " + ", ".join(k.name for k in EDIT_KINDS),
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for edits and sampling")
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="print N missed errors and N control false alarms per kind",
    )
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        default=[],
        help="extra rule file or directory (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: one per CPU)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="measure every registered check, even one that does not flag its probe",
    )
    args = parser.parse_args(argv)
    console = make_console()

    if not args.corpus.exists():
        console.print(f"corpus not found: {args.corpus} (use --corpus)", markup=False)
        return 2
    kinds = list(EDIT_KINDS)
    if args.kinds:
        wanted = {name.strip() for name in args.kinds.split(",") if name.strip()}
        unknown = wanted - {k.name for k in EDIT_KINDS}
        if unknown:
            console.print(f"unknown edit kinds: {', '.join(sorted(unknown))}", markup=False)
            return 2
        kinds = [k for k in EDIT_KINDS if k.name in wanted]
    rules = load_rules_or_report(args.rules, console)
    if rules is None:
        return 2

    started = time.perf_counter()
    articles = {a.id: a for a in iter_corpus(args.corpus, not args.no_archive_window)}
    status = availability(rules)
    if args.force:
        status = {
            name: reason if reason and reason.startswith("no ") else None
            for name, reason in status.items()
        }
    found, skipped = collect_sites(articles.values(), kinds, args.seed)
    rng = random.Random(args.seed)
    summaries: list[KindSummary] = []
    chosen: list[Site] = []
    for kind in kinds:
        summary = KindSummary(kind.name, kind.check, status[kind.name], len(found[kind.name]))
        summaries.append(summary)
        if not summary.status:
            chosen.extend(sample_sites(found[kind.name], args.limit or None, rng))
    trials = run_trials(
        chosen, articles, rules, {k.name: k.check for k in kinds}, max(1, args.jobs)
    )
    for summary in summaries:
        summary.trials = [t for t in trials if t.site.kind == summary.kind]
    elapsed = time.perf_counter() - started

    table, forms = summary_tables(summaries)
    console.print(table)
    for summary in summaries:
        if summary.status:
            console.print(f"  {summary.kind}: not available: {summary.status}", markup=False)
    console.print(forms)
    console.print(
        f"{len(articles)} articles; sites found per kind: "
        + ", ".join(f"{s.kind} {s.sites_found}" for s in summaries)
        + f"; limit {args.limit or 'none'} per kind; seed {args.seed}; {elapsed:.0f} s",
        markup=False,
    )
    for reason, n in sorted(skipped.items()):
        console.print(f"  not used: {reason}: {n}", markup=False)
    already = sum(t.already_flagged for s in summaries for t in s.trials)
    failed = [t for s in summaries for t in s.trials if t.failed]
    console.print(
        f"sites left out because the unedited article is already flagged there: {already}; "
        f"copies that raised: {len(failed)}",
        markup=False,
    )
    if args.show_misses:
        show_examples(console, summaries, articles, args.show_misses)
    if args.json:
        report = {
            "seed": args.seed,
            "limit": args.limit,
            "seconds": round(elapsed, 1),
            "kinds": {
                s.kind: {
                    "check": s.check,
                    "status": s.status or "measured",
                    "sites_found": s.sites_found,
                    "all": s.figures() if not s.status else None,
                    "real": s.figures("real") if not s.status else None,
                    "composed": s.figures("composed") if not s.status else None,
                    "misses": [
                        {
                            "doc": t.site.doc,
                            "form": t.site.form,
                            "origin": t.site.origin,
                            "start": t.site.error.region[0],
                            "end": t.site.error.region[1],
                            "failed": t.failed,
                        }
                        for t in s.trials
                        if not t.caught and not t.already_flagged
                    ],
                }
                for s in summaries
            },
        }
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
        console.print(f"figures written to {args.json}", markup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
