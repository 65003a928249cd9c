"""Quantities in a sentence: figures with their unit, bound, range, precision and noun.

quantulum3 reads units well but, on news text, misreads much else: "a $48.2 million
contract" is 1 dollar, "40C" is 40 coulombs, "3 p.m." is 3 pennies, "between 14,000 and
18,000" is one value with an uncertainty, and it finds quantities in "Boeing 737" and
"10:30". So this module reads the figures itself (:mod:`~factcheck.extract.numbers`),
decides what surrounds each figure (currency, percent, temperature, time, ordinal, unit
via quantulum3 in :mod:`~factcheck.extract.units`), throws out numbers that are not
quantities (years, times, scores, versions, model names, addresses, phone numbers),
joins ranges, reads bounds and hedges, vague counts ("dozens of kilometres") and units
written without a figure ("(miles)").

Spans: a quantity's span covers its bound or hedge word, currency, figure(s) and unit:
"as many as 3,000", "under 5 square kilometers", "between 14,000 and 18,000". The noun it
counts is not part of it.

Everything text-dependent is computed once per distinct sentence string and cached; dates
(``exclude``) are applied afterwards, so the cache holds whatever the date finder says.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.claims import Bound, Dimension, Quantity, Sentence
from factcheck.document import Span
from factcheck.extract.nouns import STOP_WORDS, noun_after
from factcheck.extract.numbers import (
    ATTACHED_MAGNITUDES,
    MAGNITUDES,
    Number,
    NumberKind,
    find_numbers,
    scaled,
    with_magnitude,
)
from factcheck.extract.units import (
    AMBIGUOUS_CURRENCY_WORDS,
    CURRENCY_PREFIXES,
    CURRENCY_SUBUNITS,
    CURRENCY_WORDS,
    UnitSpec,
    match_unit,
    pint_unit,
    unit_for_word,
)

log = logging.getLogger(__name__)

__all__ = ["extract_quantities", "explain_numbers"]


# ---------------------------------------------------------------------------------------------
# Word lists


# Bound and hedge words written before a figure, longest first when matched.
PREFIX_BOUNDS: dict[str, Bound] = {
    "no more than": Bound.AT_MOST, "not more than": Bound.AT_MOST, "as many as": Bound.AT_MOST,
    "as much as": Bound.AT_MOST, "as high as": Bound.AT_MOST, "as large as": Bound.AT_MOST,
    "up to": Bound.AT_MOST, "at most": Bound.AT_MOST, "a maximum of": Bound.AT_MOST,
    "no greater than": Bound.AT_MOST, "a max of": Bound.AT_MOST,
    "at least": Bound.AT_LEAST, "no fewer than": Bound.AT_LEAST, "no less than": Bound.AT_LEAST,
    "not less than": Bound.AT_LEAST, "not fewer than": Bound.AT_LEAST,
    "a minimum of": Bound.AT_LEAST, "at a minimum": Bound.AT_LEAST,
    "less than": Bound.LESS_THAN, "fewer than": Bound.LESS_THAN, "under": Bound.LESS_THAN,
    "below": Bound.LESS_THAN, "lower than": Bound.LESS_THAN, "well under": Bound.LESS_THAN,
    "well below": Bound.LESS_THAN, "shy of": Bound.LESS_THAN,
    "more than": Bound.MORE_THAN, "over": Bound.MORE_THAN, "above": Bound.MORE_THAN,
    "exceeding": Bound.MORE_THAN, "in excess of": Bound.MORE_THAN,
    "surpassing": Bound.MORE_THAN, "surpassed": Bound.MORE_THAN, "exceeded": Bound.MORE_THAN,
    "topping": Bound.MORE_THAN, "within": Bound.AT_MOST,
    "upwards of": Bound.MORE_THAN, "upward of": Bound.MORE_THAN,
    "greater than": Bound.MORE_THAN, "higher than": Bound.MORE_THAN,
    "well over": Bound.MORE_THAN, "well above": Bound.MORE_THAN, "just over": Bound.MORE_THAN,
    "just above": Bound.MORE_THAN,
    # "nearly X" and friends: just below X; tolerance.py reads the hedge word for that.
    "nearly": Bound.APPROX, "almost": Bound.APPROX, "close to": Bound.APPROX,
    "just under": Bound.APPROX, "just below": Bound.APPROX, "just shy of": Bound.APPROX,
    "approaching": Bound.APPROX,
    "about": Bound.APPROX, "around": Bound.APPROX, "roughly": Bound.APPROX,
    "some": Bound.APPROX, "approximately": Bound.APPROX, "approx.": Bound.APPROX,
    "an estimated": Bound.APPROX, "estimated": Bound.APPROX, "circa": Bound.APPROX,
    "c.": Bound.APPROX, "more or less": Bound.APPROX, "near": Bound.APPROX,
    "~": Bound.APPROX, "≈": Bound.APPROX, "an approximate": Bound.APPROX,
}  # fmt: skip
SUFFIX_BOUNDS: dict[str, Bound] = {
    "or more": Bound.AT_LEAST, "or over": Bound.AT_LEAST, "or above": Bound.AT_LEAST,
    "or less": Bound.AT_MOST, "or fewer": Bound.AT_MOST, "or under": Bound.AT_MOST,
    "or so": Bound.APPROX, "-plus": Bound.AT_LEAST, "+": Bound.AT_LEAST, "-odd": Bound.APPROX,
}  # fmt: skip

_PREFIX_BOUND_RE = re.compile(
    r"(?:^|(?<=[\s(\[\"“]))(?P<w>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(PREFIX_BOUNDS, key=len)[::-1])
    + r")\s*$",
    re.IGNORECASE,
)
_SUFFIX_BOUND_RE = re.compile(
    r"(?P<w>\s+or\s+(?:more|over|above|less|fewer|under|so)\b|-plus\b|\+|-odd\b)",
    re.IGNORECASE,
)

VAGUE_RE = re.compile(
    r"\b(?P<v>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:several|a\s+few)\s+(?:hundred|thousand|million|billion|dozen)"
    r"|scores(?=\s+of\b)|dozens|hundreds|thousands|millions|billions|trillions|several)\b",
    re.IGNORECASE,
)

# Words that make a dash or "to" between two small integers a score or a tally.
SCORE_CONTEXT = re.compile(
    r"\b(?:won|wins?|winning|beat|beats|beating|lost|lose|loses|losing|defeat\w*|victory|"
    r"victories|draw|drew|drawn|leads?|leading|led|scored?|scoreline|goals?|match|game|"
    r"sets?|final|semi-final|half-time|edged?|edging|thrash\w*|trail\w*|tie|tiebreak|"
    r"innings|vote[sd]?|voting|ruling|verdict|decision|majority|points?|seed|round)\b",
    re.IGNORECASE,
)
CHANGE_VERBS = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grew|grow\w*|"
    r"dropped|drops?|dropping|climb\w*|jump\w*|went|gone|going|cut|cuts|raised?|rais\w*|"
    r"reduc\w*|declin\w*|slipp?\w*|soar\w*|surg\w*|plung\w*|tumbl\w*|doubled|halved|tripled|"
    r"up|down|shr[iau]nk\w*|boost\w*|lifted|lowered|moved?|changed?|swung|expand\w*|"
    r"contract\w*|widen\w*|narrow\w*|slash\w*|trimmed|revised|upgraded|downgraded|"
    r"recovered|rebounded|gain\w*|lost|los[se]\w*|added|dipped|sank|slid|eased|improved|"
    r"worsened|accelerat\w*|slow\w*)\b",
    re.IGNORECASE,
)
TEMPERATURE_CONTEXT = re.compile(
    r"temperatur|\bwarm|\bheat|\bhot\b|\bcold|\bcool|freez|weather|celsius|fahrenheit|"
    r"climate|thermomet|°[CF]|\bfever|\bchill",
    re.IGNORECASE,
)
# A temperature written as a change ("warmed by 4C", "rose 2 degrees", "a rise of 1.5C"),
# not a level ("fell to -5C", "reached 40C").
_HEDGES_BETWEEN = (
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|under|"
    r"just|only|an?|up\s+to|at\s+least|as\s+much\s+as)\s+)*"
)
TEMPERATURE_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\b(?:rise|increase|drop|fall|jump|warming|cooling|heating|change|decline|"
    r"swing)\s+of|\bwarming\s+(?:to|at|below|under|of)|\b(?:rose|risen|rises|fell|fallen|"
    r"falls|warmed|cooled|heated|increased|decreased|dropped|climbed|jumped|soared|plunged|"
    r"plummeted|up|down|extra|additional|further|another))\s+" + _HEDGES_BETWEEN + r"$",
    re.IGNORECASE,
)
TEMPERATURE_CHANGE_AFTER = re.compile(
    r"^\s*(?:warmer|colder|hotter|cooler|higher|lower|rise|increase|drop|fall|jump|"
    r"of\s+(?:warming|cooling|heating)|above\s+(?:average|normal|pre-?industrial|the\s+\w+))",
    re.IGNORECASE,
)

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b", re.IGNORECASE)
_MAY_VERB = re.compile(r"\bmay\s+$")  # "may 20 people" is not a date: lower-case "may"

# Words before a number that make it a name, rank or reference, not an amount.
REFERENCE_WORDS = frozenset(
    """
    number no. nos. no nr. # page pages p. pp. chapter section article clause paragraph para
    resolution flight route highway interstate platform gate room ward bus line channel
    episode season series volume vol. issue level phase stage category cat grade size model
    version v. release build track exit junction terminal pier row seat table figure fig.
    round heat lap top ranked rank code district precinct tier class division zone sector
    type mark mk. item rule act amendment bill unit apartment flat suite box
    """.split()
)
# Common words that can be capitalised at a sentence start without being a name.
COMMON_WORDS = frozenset(
    """
    a an the about some nearly almost around approximately roughly only just all another
    over under more less fewer at in on of by for to from and but or with between up as
    than exactly precisely those these its their his her our my your every each after before
    since during until within last next first estimated est. nearly still even also while
    when where if so yet both either neither no not most least much many few several
    another other such than then there here what which who whom whose how why we they you
    he she it i me us them among including includes included plus minus average total
    altogether overall combined approx. another barely merely fully well nigh upwards
    however meanwhile moreover overall today yesterday tomorrow tonight
    """.split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun".split()
)
_STREET_AFTER = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|"
    r"Drive|Dr|Way|Place|Pl|Square|Sq|Court|Ct|Terrace|Crescent|Close|Parkway|Pkwy|Row|"
    r"Gardens|Mews)\b\.?"
)
_PHONE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?"
    r"\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w.]|,\d)"
)
_TIME_AFTER = re.compile(
    r"^(?:\s?(?:a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.?|P\.M\.?)(?![A-Za-z])"
    r"|\s?(?:GMT|UTC|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|EET|IST|JST|AEST|AEDT|ET|PT"
    r"|hrs|hours\s+(?:GMT|UTC|local))\b|\s?o'clock\b|\s?o’clock\b)"
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th|ST|ND|RD|TH)\b")
_PLURAL_NUMBER_AFTER = re.compile(r"^(?:'s|’s|s)\b")
_TIME_COLON = re.compile(r"^:\d{2}(?!\d)")
_PERCENT_AFTER = re.compile(
    r"^(?P<pp>\s?(?:percentage|per\s?cent(?:age)?|pct\.?|%)\s*(?:-|\s)points?\b)"
    r"|^(?P<bp>\s?basis\s+points?\b|\s?bps\b)"
    r"|^(?P<pc>\s?(?:%|per\s?cent\b|per-cent\b|percent\b|pct\b\.?))",
    re.IGNORECASE,
)
_POINTS_AFTER = re.compile(r"^\s?(?:points?|pts?\.?)\b")
_PERCENT_CONTEXT = re.compile(r"%|\bper\s?cent|\bpercent|\bpct\b", re.IGNORECASE)
_TEMPERATURE_AFTER = re.compile(
    r"^(?:\s?[°º˚]\s?(?P<a>[CF])\b"
    r"|\s?[°º˚]?\s?(?P<b>Celsius|centigrade|Fahrenheit)\b"
    r"|\s(?:degrees?|deg\.?)\s+(?P<c>Celsius|centigrade|Fahrenheit|C|F)\b"
    r"|(?P<d>[CF])\b(?![-'’]))"
)
_DEGREES_AFTER = re.compile(r"^(?:\s?[°º˚](?![A-Za-z])|\s(?:degrees?)\b)")
_BELOW_ZERO = re.compile(r"^\s+below\s+(?:zero|freezing)\b", re.IGNORECASE)
_MINUS_BEFORE = re.compile(r"\bminus\s+$", re.IGNORECASE)
_ATTACHED_MAGNITUDE = re.compile(r"^(?P<m>m|bn|b|k|K|tn)\b")
_CURRENCY_WORD_AFTER = re.compile(
    r"^\s?(?:(?P<mag>m|bn|b|k)\s?)?(?P<w>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(CURRENCY_WORDS, key=len)[::-1])
    + r")\b",
    re.IGNORECASE,
)
_NATIONAL_CURRENCY = re.compile(
    r"(?:US|U\.S\.|American|Australian|Canadian|Hong|New|Singapore|Taiwan|Swiss|Swedish|"
    r"Norwegian|Danish|Indian|Pakistani|[A-Z]{3}\b)"
)
_PENCE_ATTACHED = re.compile(r"^p\b(?!\.)")
_CURRENCY_PREFIX = re.compile(
    r"(?:^|(?<=[\s(\[\"“'‘~≈/-]))(?P<c>"
    + "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len)[::-1])
    + r")\s?$"
)
_CURRENCY_WORD_BEFORE = re.compile(
    r"\b(?P<w>(?:Australian|Canadian|US|U\.S\.|Hong\s+Kong|New\s+Zealand|Singapore|Taiwan)"
    r"\s+dollars?)\s+$"
)
_ATTACHED_LETTERS = re.compile(r"^[A-Za-z]")
_MILLION_COUNT_NOUN = re.compile(
    r"^\s+(?:(?!(?:as|is|was|has|its|this|his|us|yes|thus|plus|less|across|unless|perhaps|"
    r"towards|afterwards|always|whereas|besides)\b)[a-z]{2,}[^s\W]s\b|people|men|women|children)"
)
_SPORTS_AFTER_M = re.compile(r"^\s+(?:hurdles|freestyle|relay|sprint|race|final)", re.IGNORECASE)
_RANGE_DASH = re.compile(r"\s?[-–—]\s?|\s?[-–—]\s?(?=[$£€])")
_RANGE_TO = re.compile(r"\s+(?:to|-to-|through|thru)\s+|-to-", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_RANGE_OR = re.compile(r"\s+or\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# "from A to B" names one uncertain figure only after a word of spread ("ranging from 45% to
# 60%", "range in age from 21 to 78"); otherwise it is a change, two exact figures.
_RANGE_WORD_BEFORE = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|aged|spann?(?:s|ed|ing)?)"
    r"(?:\s+[\w'’-]+){0,3}\s+$",
    re.IGNORECASE,
)
# Words of a tally, a score, a poll or a comparison: two figures for two sides, written
# larger first ("leading 50.1 to 42.9 percent", "an electoral count of 362 to 176"). Words of
# one side beating another say so from anywhere before the figures in the sentence; words
# that also head a share ("15-10% of voters", "poll results") only right beside them ("a vote
# of 7 to 2", "a 60-40 split").
_TALLY_CONTEXT = re.compile(
    r"\b(?:(?:lead(?:s|ing)?|led)(?!\s+to\b)|trail\w*|ahead|margin|won|win|wins|winning|"
    r"beat(?:s|ing)?|defeat\w*|victor(?:y|ies)|edged?|scored?|scores|scoreline|tally|tallies|"
    r"matchup|head-to-head|electoral|passed|approved|rejected|backed|opposed|carried|"
    r"favou?r(?:s|ed|ing)?|support(?:s|ed|ing)?|against)\b",
    re.IGNORECASE,
)
_TALLY_WORD_BEFORE = re.compile(
    r"\b(?:votes?|poll|results?|count|majority|decision|ruling|verdict|split|mix)"
    r"(?:\s+(?:of|was|were|by|at|is|stood\s+at))?\s*,?\s+$",
    re.IGNORECASE,
)
_TALLY_WORD_AFTER = re.compile(
    r"[\s-]*(?:votes?|decision|ruling|verdict|split|mix|majority|result)\b",
    re.IGNORECASE,
)
_HALF_FOLLOWERS = re.compile(
    r"^\s+(?:of|the|its|their|his|her|our|all|those|these|that|this)\b", re.IGNORECASE
)
_HALF_NOT_AFTER = re.compile(
    r"\b(?:first|second|third|fourth|last|other|the|a|each|latter|former|back|top|bottom|"
    r"better|next)\s+$",
    re.IGNORECASE,
)
_A_UNIT_AFTER = re.compile(r"^\s+an?\s+", re.IGNORECASE)
_OPENS_RANGE = re.compile(
    r"(?:\s+(?:to|or)\s+|\s?[-–]\s?)(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE,
)
_FEET_INCHES = re.compile(
    r"^(?:\s?['′’]\s?(?P<in>\d{1,2}(?:\.\d+)?)\s?[\"″”]"
    r"|\s?(?:ft|feet|foot)\.?\s?(?P<in2>\d{1,2}(?:\.\d+)?)\s?(?:ins?|inch(?:es)?)\b)"
)
_ODDS_CONTEXT = re.compile(r"\bodds\b|\bbookmakers?\b|\bfavourite\b", re.IGNORECASE)
_BOUND_THEN_ARTICLE = re.compile(
    r"\b(?:than|under|over|about|around|nearly|almost|roughly|"
    r"within|to|least|most|below|above)\s+(?P<a>an?)\b(?=\s)",
    re.IGNORECASE,
)
# Nouns that make an un-grouped 1000-2100 a count, not a year ("2000 people").
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:people|men|women|children|troops|soldiers|workers|jobs|employees|"
    r"staff|homes|houses|residents|students|pupils|patients|cases|deaths|votes|voters|"
    r"members|fans|visitors|passengers|refugees|migrants|protesters|police|officers|"
    r"civilians|families|users|customers|units|copies|shares|tonnes|tons|barrels|vehicles|"
    r"cars|animals|birds|flights|beds|seats|schools|companies|firms|sites)\b"
)
_YEAR_CUES = re.compile(
    r"\b(?:in|since|by|from|until|till|of|during|before|after|the|to|and|between|early|late|"
    r"mid|fiscal|year|summer|winter|spring|autumn|fall|through|circa|c\.|around|'s|’s)\s*$",
    re.IGNORECASE,
)
_PREV_WORD = re.compile(r"(?P<w>[#\w.’'&-]+)\s$")
_QUICK_GATE = re.compile(
    r"\d|[½⅓⅔¼¾⅕⅛]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|"
    r"half|thirds?|quarters?|fifths?|tenths?|scores|several|hundreds|thousands|millions|"
    r"billions|trillions)\b"
    r"|\b(?:than|under|over|about|around|nearly|almost|roughly|within|least|most|below|above)"
    r"\s+an?\s",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Internal records (local offsets into the sentence text)


@dataclass(frozen=True, slots=True)
class _Mention:
    """One figure and what is written around it, before ranges and bounds are read."""

    number: Number
    start: int  # includes a currency prefix
    end: int  # includes unit, currency word, percent sign
    dimension: Dimension = Dimension.COUNT
    unit: str | None = None
    currency: str | None = None
    drop: str | None = None  # why this number is not a quantity

    @property
    def value(self) -> float:
        return self.number.value

    @property
    def is_bare(self) -> bool:
        return self.dimension is Dimension.COUNT and self.unit is None and not self.currency


@dataclass(frozen=True, slots=True)
class _Draft:
    """A quantity with local offsets; turned into a Quantity per call."""

    start: int
    end: int
    value: float | None
    dimension: Dimension
    bound: Bound = Bound.EXACT
    unit: str | None = None
    currency: str | None = None
    low: float | None = None
    high: float | None = None
    precision: float | None = None
    hedge: str | None = None
    noun: str | None = None
    in_parentheses: bool = False
    vague_word: str | None = None
    figures: tuple[tuple[int, int], ...] = ()
    measure_end: int = 0  # end of figure + unit, where the noun is looked for
    per: str | None = None  # what the figure is a rate of: "per resident" -> "resident"


# ---------------------------------------------------------------------------------------------
# Reading one figure


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    """A currency symbol or code written just before ``start``: (ISO code, its start)."""
    head = text[max(0, start - 24) : start]
    match = _CURRENCY_PREFIX.search(head)
    if match:
        code = CURRENCY_PREFIXES[match.group("c")]
        symbol = match.group("c")
        if symbol.isalpha() and len(symbol) == 1:  # "R" only as "R 5" or "R5"
            before = head[: match.start("c")]
            if before and before[-1].isalnum():
                return None
        return code, start - (len(head) - match.start("c"))
    word = _CURRENCY_WORD_BEFORE.search(head)
    if word:
        phrase = re.sub(r"\s+", " ", word.group("w").lower())
        phrase = phrase if phrase.endswith("s") else phrase + "s"
        code = CURRENCY_WORDS.get(phrase.replace("u.s.", "us"), "USD")
        return code, start - (len(head) - word.start("w"))
    return None


# A conversion written between a temperature and the words that make it a change: "4C
# (39.2F) warmer", "warmed by 4C (39.2F)". Each figure of the pair looks past the other.
_CONVERSION_AFTER = re.compile(r"^\s*\([^()]{1,30}\)")
_CONVERSION_BEFORE = re.compile(
    r"[-−]?\d[\d,.]*\s*(?:°\s*)?(?:degrees?\s+)?(?:[CF]|Celsius|Fahrenheit|centigrade)?"
    r"\s*\(\s*$",
    re.IGNORECASE,
)
_CLOSE_PAREN = re.compile(r"^\s*\)")


def _temperature_is_difference(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    after = text[end:]
    converted = _CONVERSION_BEFORE.search(before)
    if converted is not None and _CLOSE_PAREN.match(after):  # the "(39.2F)" of a pair
        before = before[: converted.start()]
        after = after[_CLOSE_PAREN.match(after).end() :]
    else:
        own = _CONVERSION_AFTER.match(after)
        if own is not None:  # the "4C" of "4C (39.2F) warmer"
            after = after[own.end() :]
    return bool(
        TEMPERATURE_CHANGE_BEFORE.search(before[-40:]) or TEMPERATURE_CHANGE_AFTER.match(after)
    )


def _read_mention(text: str, number: Number) -> _Mention:
    """What the figure is: money, percent, temperature, a unit, a plain count, or not a
    quantity at all (``drop`` says why)."""
    start, end = number.start, number.end
    after = text[end:]
    before = text[:start]
    surface = text[start : number.figure_end]
    digits = number.kind is NumberKind.DIGITS

    # Times, ordinals, decades, codes: decided by what is glued to the figure.
    if digits:
        if _TIME_COLON.match(text[number.figure_end :]) and number.magnitude is None:
            return _Mention(number, start, end, drop="time")
        if re.search(r"\d[:]$", before):
            return _Mention(number, start, end, drop="time")
        if re.search(r"\d\.$", before) and _TIME_AFTER.match(after):
            return _Mention(number, start, end, drop="time")
        if _ORDINAL_AFTER.match(after):
            return _Mention(number, start, end, drop="ordinal")
        if _PLURAL_NUMBER_AFTER.match(after) and number.magnitude is None:
            return _Mention(number, start, end, drop="decade or plural name")
        if re.match(r"0\d", surface.lstrip("-−")):
            return _Mention(number, start, end, drop="code with leading zero")
        if re.match(r"^/\d", after) or re.search(r"\d/$", before):
            return _Mention(number, start, end, drop="slash-joined")
        if re.match(r"^\.\d", text[number.figure_end :]):
            return _Mention(number, start, end, drop="version")
        if re.search(r"[A-Za-z][-‑]$", before) or before.endswith("#"):
            return _Mention(number, start, end, drop="name or reference")
    if _TIME_AFTER.match(after) and number.magnitude is None:
        return _Mention(number, start, end, drop="time")

    # Heights written 5' 10" or 5ft 9ins: one length, in inches.
    feet_inches = _FEET_INCHES.match(after) if digits and number.integer else None
    if feet_inches is not None:
        inches = float(feet_inches.group("in") or feet_inches.group("in2"))
        height = replace(number, value=number.value * 12 + inches, precision=1.0)
        return _Mention(height, start, end + feet_inches.end(), Dimension.LENGTH, unit="inch")

    # Money: a symbol or code before the figure, or a currency word after it.
    currency = _currency_before(text, start)
    if currency is not None and number.kind is not NumberKind.RATIO:
        code, money_start = currency
        number, end = _attach_magnitude(text, number)
        tail = _CURRENCY_WORD_AFTER.match(text[end:])
        if tail and CURRENCY_WORDS[_norm(tail.group("w"))] == code and not tail.group("mag"):
            end += tail.end()  # "$5 US dollars"
        return _Mention(number, money_start, end, Dimension.MONEY, currency=code)
    word = _CURRENCY_WORD_AFTER.match(after)
    if (
        word is not None
        and word.group("w")[0].isupper()
        and not _NATIONAL_CURRENCY.match(word.group("w"))
    ):
        word = None  # "50 Cent", "the Dollar Shave Club": names
    if word is not None:
        name = _norm(word.group("w"))
        magnitude = word.group("mag")
        has_magnitude = bool(number.magnitude or magnitude)
        if name not in AMBIGUOUS_CURRENCY_WORDS or has_magnitude or "sterling" in name:
            money = number
            if magnitude:
                money = with_magnitude(number, magnitude, end + word.start("mag") + len(magnitude))
            if name in CURRENCY_SUBUNITS:
                money = scaled(money, 0.01)
            return _Mention(
                money, start, end + word.end(), Dimension.MONEY, currency=CURRENCY_WORDS[name]
            )
    if digits and _PENCE_ATTACHED.match(after):
        return _Mention(scaled(number, 0.01), start, end + 1, Dimension.MONEY, currency="GBP")

    # Percent and percentage points.
    percent = _PERCENT_AFTER.match(after)
    if percent is not None:
        if percent.group("pp"):
            return _Mention(number, start, end + percent.end(), Dimension.PERCENTAGE_POINT)
        if percent.group("bp"):
            return _Mention(
                scaled(number, 0.01), start, end + percent.end(), Dimension.PERCENTAGE_POINT
            )
        return _Mention(number, start, end + percent.end(), Dimension.PERCENT)
    points = _POINTS_AFTER.match(after)
    if points is not None and _PERCENT_CONTEXT.search(before):
        return _Mention(number, start, end + points.end(), Dimension.PERCENTAGE_POINT)

    # Temperatures: quantulum3 reads "40C" as coulombs and "104F" as farads.
    temperature = _TEMPERATURE_AFTER.match(after)
    degrees = None if temperature else _DEGREES_AFTER.match(after)
    if temperature is not None or (
        degrees is not None
        and (
            TEMPERATURE_CONTEXT.search(text)
            or _temperature_is_difference(text, start, end + degrees.end())
        )
    ):
        match = temperature or degrees
        scale = next((g for g in (temperature.groups() if temperature else ()) if g), "C")
        fahrenheit = scale.upper().startswith("F") or (
            temperature is None and re.search(r"fahrenheit|°F", text, re.IGNORECASE)
        )
        stop = end + match.end()
        value_number = number
        if _BELOW_ZERO.match(text[stop:]):
            value_number = scaled(number, -1.0)
            stop += _BELOW_ZERO.match(text[stop:]).end()
        elif _MINUS_BEFORE.search(before):
            value_number = scaled(number, -1.0)
            start = _MINUS_BEFORE.search(before).start()
        if _temperature_is_difference(text, start, stop):
            unit = "delta_degree_Fahrenheit" if fahrenheit else "delta_degree_Celsius"
            dimension = Dimension.TEMPERATURE_DIFFERENCE
        else:
            unit = "degree_Fahrenheit" if fahrenheit else "degree_Celsius"
            dimension = Dimension.TEMPERATURE
        return _Mention(value_number, start, stop, dimension, unit=unit)

    # "20m people": a million count, not 20 metres.
    attached = _ATTACHED_MAGNITUDE.match(after) if digits else None
    if attached and attached.group("m") == "m" and number.magnitude is None:
        rest = after[attached.end() :]
        if _MILLION_COUNT_NOUN.match(rest) and not _SPORTS_AFTER_M.match(rest):
            counted = with_magnitude(number, "m", end + 1)
            return _Mention(counted, start, end + 1)
    if attached and attached.group("m") in ("bn", "tn") and number.magnitude is None:
        counted = with_magnitude(number, attached.group("m"), end + attached.end())
        return _Mention(counted, start, end + attached.end())

    # Physical units, through quantulum3 (units.match_unit).
    unit = match_unit(after)
    if unit is None and number.kind is NumberKind.FRACTION and _A_UNIT_AFTER.match(after):
        skip = _A_UNIT_AFTER.match(after).end()  # "half a mile", "half an hour"
        found = match_unit(" " + after[skip:])
        if found is not None:
            unit = (found[0], skip + found[1] - 1)
    if unit is not None:
        spec, consumed = unit
        return _unit_mention(number, start, end + consumed, spec)

    if digits and _ATTACHED_LETTERS.match(after):
        return _Mention(number, start, end, drop="identifier")
    if number.kind in (NumberKind.FRACTION, NumberKind.RATIO):
        return _Mention(number, start, end, Dimension.RATIO)
    return _Mention(number, start, end)


def _norm(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def _attach_magnitude(text: str, number: Number) -> tuple[Number, int]:
    """Apply "m", "bn", "k" written right after a money figure ("£20m", "$3bn")."""
    if number.magnitude is not None:
        return number, number.end
    match = _ATTACHED_MAGNITUDE.match(text[number.end :])
    if match is None or match.group("m").lower() not in MAGNITUDES:
        return number, number.end
    magnitude = match.group("m").lower()
    if magnitude not in ATTACHED_MAGNITUDES and magnitude not in ("bn", "tn"):
        return number, number.end
    end = number.end + match.end()
    return with_magnitude(number, magnitude, end), end


def _unit_mention(number: Number, start: int, end: int, spec: UnitSpec) -> _Mention:
    if spec.factor != 1.0:
        number = scaled(number, spec.factor)
    return _Mention(number, start, end, spec.dimension, unit=pint_unit(spec.pint))


# ---------------------------------------------------------------------------------------------
# Numbers that are not quantities


def _previous_word(text: str, start: int) -> str | None:
    match = _PREV_WORD.search(text[max(0, start - 40) : start])
    return match.group("w") if match else None


def _has_prefix_bound(text: str, start: int) -> bool:
    return bool(_PREFIX_BOUND_RE.search(text[max(0, start - 30) : start]))


def _not_a_quantity(text: str, m: _Mention) -> str | None:
    """Why a figure that reads as a plain number is not a quantity, or None."""
    n = m.number
    lead = text[max(0, m.start - 40) : m.start]
    surface = text[n.start : n.figure_end].lower()
    if m.drop:
        return m.drop
    # "one" as a pronoun or in idioms; "zero"; bare "half"
    opens_range = bool(_OPENS_RANGE.match(text[m.end :]))
    if n.kind is NumberKind.WORDS and surface in ("one", "zero"):
        counted = bool(
            re.search(r"\b(?:only|just|exactly|precisely)\s+$", lead, re.IGNORECASE)
            or _has_prefix_bound(text, m.start)
        )
        pronoun = re.match(
            r"\s+(?:who|that|which|whom|whose|of|another|way|thing|anyway)\b",
            text[n.end :],
            re.IGNORECASE,
        )
        if m.dimension is Dimension.COUNT and (pronoun or not (opens_range or counted)):
            return "pronoun or idiom ('one of', 'no one')"
        if (
            m.dimension is Dimension.DURATION
            and re.match(r"\s+(?:day|time)\b", text[n.end :], re.IGNORECASE)
            and not counted
            and not re.search(
                r"\b(?:for|in|within|after|of|than|over|under|per|every|each|to|by)\s+$",
                lead,
                re.IGNORECASE,
            )
        ):
            return "idiom ('one day')"
    if (
        n.kind is NumberKind.FRACTION
        and (surface == "half" or surface.startswith(("a ", "an ")))
        and m.unit is None
        and m.dimension is Dimension.RATIO
    ):
        if _HALF_NOT_AFTER.search(lead):
            return "fraction word as a noun ('the first half')"
        if not (
            _HALF_FOLLOWERS.match(text[n.end :])
            or _has_prefix_bound(text, m.start)
            or re.search(r"\b(?:by|than)\s+$", lead, re.IGNORECASE)
        ):
            return "fraction word as a noun ('a third party')"
    if n.kind is NumberKind.FRACTION and "/" in surface and _ODDS_CONTEXT.search(text):
        return "betting odds"
    if n.kind is NumberKind.DIGITS and m.is_bare:
        if text[n.start - 1 : n.start] == "[" and text[n.end : n.end + 1] == "]":
            return "citation mark"
        if text[n.end : n.end + 1] == ")" and "(" not in text[max(0, n.start - 3) : n.start]:
            if not re.search(r"\([^)]*$", text[: n.start]):
                return "list marker"
        if re.match(r":\d", text[n.end : n.end + 2]) or re.search(r"\d:$", lead):
            return "ratio or score written with a colon"
    if (
        n.kind is not NumberKind.DIGITS
        and surface[:1].isalpha()
        and text[n.start].isupper()
        and re.search(r"[a-z,;]\s+$", lead)
        and re.match(r"\s+[A-Z]", text[n.end :])
    ):
        return "name ('the Three Gorges')"
    # dates that the date finder left: "June 5", "5 June", a bare year
    if n.kind is NumberKind.DIGITS and n.integer and not n.grouped and m.is_bare:
        if n.value <= 31 and (
            (_MONTH_BEFORE.search(lead) and not _MAY_VERB.search(lead))
            or _MONTH_AFTER.match(text[n.end :])
        ):
            return "day of month"
        if len(surface) == 4 and 1000 <= n.value <= 2100 and n.magnitude is None:
            if _MONTH_BEFORE.search(lead):
                return "year"
            if _YEAR_CUES.search(lead) or not (
                _has_prefix_bound(text, m.start) or _COUNT_NOUN_AFTER.match(text[n.end :])
            ):
                return "year"
    # names, versions and references: "Boeing 737", "Windows 10", "Radio 4", "number 10"
    prev = _previous_word(text, m.start)
    if prev is not None and m.currency is None and m.dimension is not Dimension.PERCENT:
        if prev.lower() in REFERENCE_WORDS or prev in ("No", "No.", "Nos."):
            return "reference number"
    if m.is_bare or m.dimension is Dimension.RATIO:
        if prev is not None:
            low = prev.lower()
            if (
                prev[0].isupper()
                and low.rstrip(".") not in COMMON_WORDS
                and low not in WEEKDAYS
                and not low.endswith(("'s", "’s"))
                and not _PREFIX_BOUND_RE.search(lead)
                and not re.match(rf"(?:{MONTHS})\.?$", low)
            ):
                return "name, model or version"
        if _STREET_AFTER.match(text[n.end :]):
            return "street address"
        if re.search(r"\bat\s+$", lead) and re.match(r"\s+[A-Z][a-zé]+\s+[A-Za-zé]", text[n.end :]):
            return "street address"  # "at 36 Quai des Orfevres"
        named = re.match(r"\s([A-Z][a-z]+)\b", text[n.end :])
        if named and (
            _norm(named.group(1)) in CURRENCY_WORDS or unit_for_word(named.group(1).lower())
        ):
            return "name ('50 Cent')"
    return None


_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|the\s+age\s+of|an\s+age\s+of)\s+"
    r"(?:(?:just|only|about|around|nearly|almost|roughly|some)\s+)?$",
    re.IGNORECASE,
)
_APPOSITION_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+,\s$")
_APPOSITION_AFTER = re.compile(r"^(?:,|\)|;|\s*$|\.(?:\s|$))")


def _as_age(text: str, m: _Mention) -> _Mention:
    """ "aged 45", "at the age of 95", "Smith, 53, said": an age in years."""
    n = m.number
    if not (m.is_bare and n.kind in (NumberKind.DIGITS, NumberKind.WORDS)) or n.magnitude:
        return m
    if not (n.integer and 0 < n.value <= 125):
        return m
    lead = text[max(0, m.start - 20) : m.start]
    if _AGE_BEFORE.search(lead) or (
        n.kind is NumberKind.DIGITS
        and _APPOSITION_BEFORE.search(lead)
        and _APPOSITION_AFTER.match(text[m.end :])
    ):
        return replace(m, dimension=Dimension.DURATION, unit="year")
    return m


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in match.group(0))
        body = match.group(0)
        if digits >= 7 and (
            body.startswith(("+", "(", "0")) or re.search(r"\d{3}[-.]\d{4}\b", body)
        ):
            spans.append(match.span())
    return spans


def _scores(text: str, mentions: list[_Mention]) -> set[int]:
    """Indices of mentions that are sports scores or vote tallies ("won 2-1", "a 5-4 vote")."""
    found: set[int] = set()
    context = bool(SCORE_CONTEXT.search(text))
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if not (a.is_bare and b.is_bare) or a.drop or b.drop:
            continue
        join = text[a.end : b.start]
        dash = join in ("-", "–", "—")
        to = join.strip().lower() in ("to", "-to-") and context
        if not (dash or to):
            continue
        if a.number.magnitude or b.number.magnitude:
            continue
        if not (a.number.integer and b.number.integer) or a.value > 200 or b.value > 200:
            continue
        if a.number.kind is not b.number.kind:
            continue
        if context or a.value >= b.value or _next_is_score(text, b.end):
            found.update((i, i + 1))
    return found


def _next_is_score(text: str, pos: int) -> bool:
    return bool(re.match(r"\s+\(?\d{1,3}[-–]\d{1,3}\b", text[pos:]))


def _year_suffixes(text: str, mentions: list[_Mention], dropped: dict[int, str]) -> None:
    """ "2019-20 season", "1987–2017": the number after a year and a dash is a year too."""
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if dropped.get(i) == "year" and text[a.end : b.start] in ("-", "–", "/", "—"):
            if b.is_bare and b.number.integer:
                dropped[i + 1] = "year"


# ---------------------------------------------------------------------------------------------
# Ranges


def _combine_units(a: _Mention, b: _Mention) -> tuple[_Mention, _Mention] | None:
    """Make two ends of a range agree on unit, currency and magnitude, or None if they
    cannot be one range ("5 km to 3 miles" is a conversion, not a range)."""
    if a.dimension is Dimension.RATIO or b.dimension is Dimension.RATIO:
        return None
    a_bare, b_bare = a.is_bare, b.is_bare
    if not a_bare and not b_bare:
        if (a.dimension, a.unit, a.currency) != (b.dimension, b.unit, b.currency):
            return None
    a_num, b_num = a.number, b.number
    # a magnitude written once applies to both ends: "3-4 million", "$300 and 400 billion"
    if a_num.magnitude is None and b_num.magnitude is not None:
        a_figure = abs(a_num.value)
        b_figure = abs(b_num.value) / b_num.multiplier
        if a_figure <= 10 * b_figure and not a_num.grouped:
            a_num = scaled(a_num, b_num.multiplier)
    if a_bare and not b_bare:
        a = replace(a, dimension=b.dimension, unit=b.unit, currency=b.currency)
    elif b_bare and not a_bare:
        b = replace(b, dimension=a.dimension, unit=a.unit, currency=a.currency)
    return replace(a, number=a_num), b


def _range_opening(text: str, start: int) -> int | None:
    """Start of "between" or "from" just before a range's first figure."""
    head = text[max(0, start - 12) : start]
    for pattern in (_BETWEEN_BEFORE, _FROM_BEFORE):
        match = pattern.search(head)
        if match:
            return start - (len(head) - match.start())
    return None


def _is_change(text: str, start: int) -> bool:
    """ "fell 3% to $2m": a change, not a range.

    True when a change verb stands right before ``start`` (a hedge or "by" may come between).
    """
    head = text[max(0, start - 60) : start]
    pattern = CHANGE_VERBS.pattern + r"\s+(?:by\s+)?" + _HEDGES_BETWEEN + r"$"
    return bool(re.search(pattern, head, re.IGNORECASE))


def _unit_written(m: _Mention) -> bool:
    """A unit, sign or currency written with the figure ("80%", "£35bn", "5 km"), not one
    read from the words around it ("aged 14")."""
    return not m.is_bare and (m.end > m.number.end or m.start < m.number.start)


def _is_pair_of_figures(text: str, a: _Mention, b: _Mention, join: str) -> bool:
    """ "A to B" or "A-B" naming two figures rather than one uncertain figure.

    A range is written low end first, so only a pair that runs downwards can be two figures:
    a tally, a score, a poll or a comparison ("leading 50.1 to 42.9 percent", "an electoral
    count of 362 to 176"), each figure with its own unit ("48.4 percent to 42.5 percent",
    "an 80%-20% mix"), or two figures round a spaced hyphen, which plain text uses for a dash
    ("£35bn - £2.5bn less than forecast"). A downward pair with its unit written once after
    the second figure and no such words ("15-10%", "80 to 60 mph") stays a range written back
    to front, for the range check to report.
    """
    first = a.value
    if a.number.magnitude is None and b.number.magnitude is not None:
        first *= b.number.multiplier  # "25-15 million": the magnitude is written once
    if first <= b.value:
        return False
    if _unit_written(a) and _unit_written(b):
        return True
    if join.strip() == "-" and join != "-":
        return True
    before = text[max(0, a.start - 200) : a.start]  # the sentence, up to a long one's length
    return bool(
        _TALLY_CONTEXT.search(before)
        or _TALLY_CONTEXT.search(text, b.end, b.end + 25)
        or _TALLY_WORD_BEFORE.search(before)
        or _TALLY_WORD_AFTER.match(text, b.end)
    )


def _join_ranges(text: str, mentions: list[_Mention]) -> list[_Draft | _Mention]:
    out: list[_Draft | _Mention] = []
    mentions = list(mentions)
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions):
            draft = _range_of(text, a, mentions[i + 1])
            if draft is not None:
                out.append(draft)
                i += 2
                continue
            a, mentions[i + 1] = _one_unit_for_two_figures(text, a, mentions[i + 1])
        out.append(a)
        i += 1
    return out


def _one_unit_for_two_figures(text: str, a: _Mention, b: _Mention) -> tuple[_Mention, _Mention]:
    """Two figures that are not a range but write their unit once: a change ("cut from 10
    years to 2", "from six months to nine") and a tally ("leading 50.1 to 42.9 percent")."""
    if a.is_bare == b.is_bare:
        return a, b
    join = text[a.end : b.start]
    to = bool(_RANGE_TO.fullmatch(join))
    opening = _range_opening(text, a.start)
    change = to and opening is not None and text[opening : a.start].strip().lower() == "from"
    tally = (
        a.is_bare
        and (to or join in ("-", "–", "—"))
        and opening is None
        and _is_pair_of_figures(text, a, b, join)
    )
    if not (change or tally):
        return a, b
    combined = _combine_units(a, b)
    return combined if combined is not None else (a, b)


def _range_of(text: str, a: _Mention, b: _Mention) -> _Draft | None:
    join = text[a.end : b.start]
    opening = _range_opening(text, a.start)
    opener = text[opening : a.start].strip().lower() if opening is not None else ""
    if opening is not None and opener.startswith("from"):
        if not _RANGE_WORD_BEFORE.search(text[max(0, opening - 60) : opening]):
            return None  # "cut its lifetime from 10 years to 2": a change, two exact figures
    dash = bool(_RANGE_DASH.fullmatch(join) or (join == "-" and b.start == a.end + 1))
    if dash or _RANGE_TO.fullmatch(join):
        if not opener and _is_pair_of_figures(text, a, b, join):
            return None
        if not dash and not opener and _is_change(text, a.start):
            return None
    elif _RANGE_AND.fullmatch(join):
        if opener != "between":
            return None
    elif _RANGE_OR.fullmatch(join):
        if not (a.is_bare and a.number.integer and b.number.integer and 0 < a.value < b.value):
            return None
        if b.value / b.number.multiplier > 10 * a.value or a.number.kind is not b.number.kind:
            return None
    else:
        return None
    if a.number.kind in (NumberKind.FRACTION, NumberKind.RATIO):
        return None
    combined = _combine_units(a, b)
    if combined is None:
        return None
    a, b = combined
    low, high = a.value, b.value
    precisions = [p for p in (a.number.precision, b.number.precision) if p is not None]
    return _Draft(
        start=opening if opening is not None else a.start,
        end=b.end,
        value=(low + high) / 2,
        dimension=b.dimension,
        bound=Bound.RANGE,
        unit=b.unit,
        currency=b.currency,
        low=low,
        high=high,
        precision=max(precisions) if precisions else None,
        figures=((a.number.start, a.number.end), (b.number.start, b.number.end)),
        measure_end=b.end,
    )


def _single(m: _Mention) -> _Draft:
    return _Draft(
        start=m.start,
        end=m.end,
        value=m.value,
        dimension=m.dimension,
        unit=m.unit,
        currency=m.currency,
        precision=m.number.precision,
        figures=((m.number.start, m.number.end),),
        measure_end=m.end,
    )


# ---------------------------------------------------------------------------------------------
# Bounds, hedges, vague counts, units with no figure, parentheses, nouns


_POSITIONAL = frozenset({"under", "over", "below", "above", "within"})
_OVER_DURATION_CUES = re.compile(
    r"\b(?:for|in|of|after|within|than|lasting|lasted|last|took|taken|take|spent|been|aged|"
    r"age|is|was|are|were|be)\s+$",
    re.IGNORECASE,
)


def _is_bound_word(text: str, d: _Draft, word: str, word_start: int) -> bool:
    """False where "under"/"over" is a preposition of place or time, not a bound."""
    low = _norm(word)
    if low not in _POSITIONAL:
        return True
    lead = text[max(0, word_start - 20) : word_start]
    if re.search(r"\bfrom\s+$", lead, re.IGNORECASE):
        return False  # "from under eight metres of mud"
    if low == "over" and d.dimension is Dimension.DURATION:
        return bool(_OVER_DURATION_CUES.search(lead))  # "spread over 10 years": during
    if low == "within" and d.dimension not in (Dimension.LENGTH, Dimension.DURATION):
        return False
    return True


def _with_bound(text: str, d: _Draft) -> _Draft:
    head = text[max(0, d.start - 30) : d.start]
    match = _PREFIX_BOUND_RE.search(head)
    if match and not _is_bound_word(
        text, d, match.group("w"), d.start - (len(head) - match.start("w"))
    ):
        match = None
    if match:
        word = match.group("w")
        bound = PREFIX_BOUNDS[_norm(word)]
        start = d.start - (len(head) - match.start("w"))
        if d.bound is Bound.RANGE:
            return replace(d, start=start, hedge=word)
        return replace(d, start=start, bound=bound, hedge=word)
    suffix = _SUFFIX_BOUND_RE.match(text, d.end)
    if suffix and d.bound is not Bound.RANGE:
        word = suffix.group("w").strip()
        key = _norm(word)
        return replace(d, end=suffix.end(), bound=SUFFIX_BOUNDS[key], hedge=word)
    return d


_INTO_PARENTHESES = re.compile(r"\s*\(\s*")
_WITHIN_PARENTHESES = re.compile(r"\s*[;,/]\s*(?:or\s+)?")


def _inherit_bounds(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """ "more than 500 miles (800 km)": the conversion in parentheses carries the bound too."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and d.bound is Bound.EXACT
            and prev.bound not in (Bound.EXACT, Bound.RANGE, Bound.VAGUE, Bound.UNIT_ONLY)
            and _same_kind(prev, d)
        ):
            join = text[prev.end : d.start]
            if _INTO_PARENTHESES.fullmatch(join) or (
                _WITHIN_PARENTHESES.fullmatch(join) and _in_parentheses(text, d.start, d.end)
            ):
                d = replace(d, bound=prev.bound, hedge=prev.hedge)
        out.append(d)
    return out


def _same_kind(a: _Draft, b: _Draft) -> bool:
    if a.dimension is Dimension.MONEY or b.dimension is Dimension.MONEY:
        return a.dimension is b.dimension
    if a.unit is None or b.unit is None:
        return a.dimension is b.dimension and a.dimension in (
            Dimension.PERCENT,
            Dimension.PERCENTAGE_POINT,
        )
    return a.dimension is b.dimension


def _vague_drafts(text: str, taken: list[tuple[int, int]]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for match in VAGUE_RE.finditer(text):
        start, end = match.span("v")
        if any(s < end and start < e for s, e in taken):
            continue
        word = match.group("v")
        dimension, unit, currency, measure_end = Dimension.COUNT, None, None, end
        of = re.match(
            r"[\"”’']?\s+(?:of\s+)?(?P<u>[A-Za-z][A-Za-z.]*(?:\s+[A-Za-z]+)?)", text[end:]
        )
        if of is not None:
            first = of.group("u").split()[0].rstrip(".")
            money = CURRENCY_WORDS.get(first.lower())
            spec = None if money else unit_for_word(first)
            if money and first.lower() not in ("won", "rand", "lira"):
                # "millions of pounds": money, as "pounds" after a magnitude always is
                dimension, currency = Dimension.MONEY, money
                measure_end = end + of.start("u") + len(first)
            elif spec is not None:
                dimension, unit = spec.dimension, pint_unit(spec.pint)
                measure_end = end + of.start("u") + len(first)
        drafts.append(
            _Draft(
                start=start,
                end=measure_end,
                value=None,
                dimension=dimension,
                bound=Bound.VAGUE,
                unit=unit,
                currency=currency,
                vague_word=word,
                measure_end=measure_end,
            )
        )
    return drafts


_UNIT_ONLY = re.compile(r"\s*\(\s*(?P<w>[A-Za-z][A-Za-z .²/]{0,30}?)\s*\)")


def _unit_only_after(text: str, d: _Draft) -> _Draft | None:
    """ "dozens of kilometres (miles)": a unit in parentheses with no figure."""
    if d.unit is None and d.currency is None:
        return None
    match = _UNIT_ONLY.match(text, d.measure_end)
    if match is None:
        return None
    word = match.group("w")
    spec = unit_for_word(word)
    start, end = match.span("w")
    if spec is not None and pint_unit(spec.pint) == d.unit:
        return None  # "440,700 megawatts (MW)": the abbreviation, not a conversion
    if spec is not None:
        return _Draft(
            start=start,
            end=end,
            value=None,
            dimension=spec.dimension,
            bound=Bound.UNIT_ONLY,
            unit=pint_unit(spec.pint),
            in_parentheses=True,
            measure_end=end,
        )
    money = CURRENCY_WORDS.get(_norm(word))
    if money and d.currency is not None:
        return _Draft(
            start=start,
            end=end,
            value=None,
            dimension=Dimension.MONEY,
            bound=Bound.UNIT_ONLY,
            currency=money,
            in_parentheses=True,
            measure_end=end,
        )
    return None


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """True when the span sits inside "( ... )", first in it or after a separator."""
    open_at = text.rfind("(", 0, start)
    if open_at < 0 or text.find(")", open_at, start) >= 0:
        return False
    close_at = text.find(")", end)
    if close_at < 0 or text.find("(", end, close_at) >= 0:
        return False
    prefix = text[open_at + 1 : start]
    return not prefix.strip() or bool(re.search(r"(?:[;,/=]|\bor)\s*$", prefix))


def _noun_for(text: str, d: _Draft) -> str | None:
    if d.dimension in (Dimension.TEMPERATURE, Dimension.TEMPERATURE_DIFFERENCE):
        return None
    if d.bound is Bound.UNIT_ONLY:
        return None
    # a share or a measure names its whole after "of" ("99.5 percent of its territory",
    # "10 days of talks"); a count or a sum of money names it right after ("20 men")
    of_only = d.unit is not None or d.dimension in (
        Dimension.PERCENT,
        Dimension.PERCENTAGE_POINT,
    )
    return noun_after(text, d.measure_end, require_of=of_only)


# What a money or count figure is a rate of: "$2,000 per resident", "$40,000 per capita".
# "per capita"/"per head"/"a head"/"a person" all mean one person.
_PER_PERSON = re.compile(
    r"\s*(?:per\s+capita|(?:per|a)\s+head|(?:per|a)\s+person|per\s+people)\b", re.IGNORECASE
)
_PER_NOUN = re.compile(r"\s*(?:per|for\s+(?:each|every))(?=\s+[a-z])")
_NUMBER_WORDS = frozenset("hundred thousand million billion trillion dozen score".split())
# Words after "per" that make a time rate, a share or a price of goods rather than a figure per
# member of a population: a time rate is not a per-capita figure.
_NOT_PER_CAPITA = frozenset(
    """
    year annum day hour week month night minute second quarter decade century season term
    semester fortnight weekend cent centum mille share unit item piece head capita person
    se diem square cubic
    """.split()
)


def _per_for(text: str, d: _Draft, noun: str | None) -> str | None:
    """The noun a money or count figure is a rate of ("$2,000 per resident" -> "resident"),
    or None. Time rates ("per year", "a day") and units ("per kilometre") are not."""
    if d.dimension not in (Dimension.MONEY, Dimension.COUNT) or d.unit is not None:
        return None
    if d.bound in (Bound.VAGUE, Bound.UNIT_ONLY):
        return None
    pos = d.measure_end
    if d.dimension is Dimension.COUNT:
        if noun is None:
            return None  # "3 per resident" with nothing counted: not a figure we can use
        # the rate follows the counted noun: "20 beds per resident"
        found = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE).search(text, pos, pos + 60)
        if found is None:
            return None
        pos = found.end()
    rest = text[pos : pos + 60]
    if _PER_PERSON.match(rest):
        return "person"
    match = _PER_NOUN.match(rest)
    if match is None or match_unit(rest[match.end() :]) is not None:
        return None  # "per metric ton", "per kilometre": a price or a rate of a unit
    first = rest[match.end() :].split(None, 1)[0].lower()
    if first in STOP_WORDS or first in _NOT_PER_CAPITA or first in _NUMBER_WORDS:
        return None  # "per the contract", "per year", "per thousand stars"
    # the head of the phrase: "per successful asylum seeker" -> "seeker"
    word = noun_after(rest, match.end(), via_of=False)
    if word is None or word in _NOT_PER_CAPITA or word in _NUMBER_WORDS:
        return None
    return word


# ---------------------------------------------------------------------------------------------
# Putting it together


def _article_units(text: str) -> list[Number]:
    """ "less than a hectare", "about an hour": "a"/"an" is a figure 1 only after a bound."""
    found: list[Number] = []
    for match in _BOUND_THEN_ARTICLE.finditer(text):
        if not _PREFIX_BOUND_RE.search(text[max(0, match.start("a") - 30) : match.start("a")]):
            continue
        if match_unit(text[match.end("a") :]) is None:
            continue
        found.append(
            Number(
                start=match.start("a"),
                end=match.end("a"),
                value=1.0,
                precision=1.0,
                kind=NumberKind.WORDS,
                figure_end=match.end("a"),
            )
        )
    return found


def _mentions(text: str) -> list[_Mention]:
    """Every figure in the text, read, with ``drop`` set on those that are not quantities."""
    mentions: list[_Mention] = []
    numbers = find_numbers(text)
    articles = _article_units(text)
    if articles:
        numbers = sorted(
            numbers
            + [
                a for a in articles if not any(a.start < n.end and n.start < a.end for n in numbers)
            ],
            key=lambda n: n.start,
        )
    for number in numbers:
        if mentions and number.start < mentions[-1].end:
            continue  # part of the previous figure's unit or height ("5' 10\"")
        mentions.append(_as_age(text, _read_mention(text, number)))
    phones = _phone_spans(text)
    dropped: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if any(s <= m.number.start and m.number.end <= e for s, e in phones):
            dropped[i] = "phone number"
            continue
        reason = _not_a_quantity(text, m)
        if reason:
            dropped[i] = reason
    _year_suffixes(text, mentions, dropped)
    for i in _scores(text, mentions):
        dropped.setdefault(i, "score or tally")
    return [replace(m, drop=dropped.get(i, m.drop)) for i, m in enumerate(mentions)]


@lru_cache(maxsize=4096)
def _analyse(text: str) -> tuple[_Draft, ...]:
    """All quantities of one sentence, local offsets; cached per distinct sentence."""
    if not _QUICK_GATE.search(text):
        return ()
    mentions = _mentions(text)
    kept = [m for m in mentions if m.drop is None]
    drafts: list[_Draft] = []
    for item in _join_ranges(text, kept):
        drafts.append(item if isinstance(item, _Draft) else _single(item))
    drafts = _inherit_bounds(text, [_with_bound(text, d) for d in drafts])
    taken = [(d.start, d.end) for d in drafts]
    taken += [(m.number.start, m.number.end) for m in mentions]
    drafts += _vague_drafts(text, taken)
    drafts.sort(key=lambda d: d.start)
    extra = [u for d in drafts if (u := _unit_only_after(text, d)) is not None]
    drafts = sorted(drafts + extra, key=lambda d: d.start)
    finished = []
    for d in drafts:
        noun = _noun_for(text, d)
        finished.append(
            replace(
                d,
                noun=noun,
                per=_per_for(text, d, noun),
                in_parentheses=d.in_parentheses or _in_parentheses(text, d.start, d.end),
            )
        )
    return tuple(finished)


def extract_quantities(sentence: Sentence, exclude: list[Span]) -> list[Quantity]:
    """The quantities written in ``sentence``, with document offsets.

    ``exclude`` are document spans already claimed as dates; a quantity whose figure lies in
    one is dropped. Never raises on odd text: a failure is logged and yields no quantities.
    """
    try:
        drafts = _analyse(sentence.text)
    except Exception:  # bad input must not stop a whole audit
        log.exception("quantity extraction failed on sentence %d", sentence.index)
        return []
    base = sentence.span.start
    local_excluded = [
        (s.start - base, s.end - base)
        for s in exclude
        if s.end > base and s.start < sentence.span.end
    ]
    quantities: list[Quantity] = []
    for d in drafts:
        if any(s < fe and fs < e for fs, fe in d.figures for s, e in local_excluded):
            continue
        quantities.append(
            Quantity(
                span=Span(base + d.start, base + d.end),
                text=sentence.text[d.start : d.end],
                value=_clean(d.value),
                unit=d.unit,
                dimension=d.dimension,
                bound=d.bound,
                low=_clean(d.low),
                high=_clean(d.high),
                precision=_clean(d.precision),
                currency=d.currency,
                hedge=d.hedge,
                noun=d.noun,
                per=d.per,
                sentence=sentence.index,
                in_parentheses=d.in_parentheses,
                vague_word=d.vague_word,
            )
        )
    return quantities


def _clean(x: float | None) -> float | None:
    """Round away binary noise ("0.30000000000000004") without touching real digits."""
    if x is None:
        return None
    return float(f"{x:.12g}")


def explain_numbers(text: str) -> list[tuple[str, str | None]]:
    """Every figure in ``text`` and why it is not a quantity (None when it is one).

    For debugging extraction and for tests of the non-quantity filter.
    """
    return [(text[m.number.start : m.number.end], m.drop) for m in _mentions(text)]
