"""What a unit word means: quantulum3's unit names, currencies and temperature scales, in pint.

quantulum3 recognises unit words well but names them its own way, and some of its names map
to the wrong pint unit when taken literally ("degree fahrenheit" would lose its offset,
"pound per square inch" would become a mass per area, pint's "decade" is a logarithmic ratio).
So every quantulum3 name we accept is listed in ``QUANTULUM_UNITS`` with the pint expression
and the :class:`~factcheck.claims.Dimension` it stands for; a name that is not listed is not a
unit for us (on news text those are mostly misreadings: "a Kabul" as bushel-litre). A few
surfaces that quantulum3 misses or misreads on news text ("hectares", "minutes" as minutes of
arc, "kt" as kilotonnes) are listed in ``SURFACE_UNITS`` and take precedence.

One pint registry is shared by the whole package: use :func:`get_ureg`.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import NamedTuple

import pint

from factcheck.claims import Dimension


@lru_cache(maxsize=1)
def _quantulum3():
    """quantulum3's ``load`` and ``parser`` modules, imported on first use.

    Lazy so that importing :func:`get_ureg` from here does not import quantulum3 (checks
    may use the registry; only extraction may use quantulum3).
    """
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional classifier is missing; unused here.
        warnings.filterwarnings("ignore", message="Classifier dependencies", category=UserWarning)
        from quantulum3 import load, parser
    return load, parser


def get_ureg() -> pint.UnitRegistry:
    """The package's one pint registry (building one costs ~0.1 s and units do not mix).

    It lives in ``factcheck.tolerance`` because checks use it too, and checks may not import
    extraction; extraction may import tolerance.
    """
    from factcheck.tolerance import ureg

    return ureg()


class UnitSpec(NamedTuple):
    """A unit as we store it: a pint expression, its dimension, and a factor for the value.

    ``factor`` converts the written number into the pint unit, for units pint lacks in the
    sense meant ("3 decades" is 30 years).
    """

    pint: str
    dimension: Dimension
    factor: float = 1.0


L, A, V, M = Dimension.LENGTH, Dimension.AREA, Dimension.VOLUME, Dimension.MASS
T, S, D = Dimension.TEMPERATURE, Dimension.SPEED, Dimension.DURATION
E, P, X = Dimension.ENERGY, Dimension.POWER, Dimension.OTHER  # X: other

# quantulum3 unit name -> pint. Only names listed here are accepted as units.
QUANTULUM_UNITS: dict[str, UnitSpec] = {
    # length
    "metre": UnitSpec("meter", L),
    "kilometre": UnitSpec("kilometer", L),
    "centimetre": UnitSpec("centimeter", L),
    "millimetre": UnitSpec("millimeter", L),
    "micrometre": UnitSpec("micrometer", L),
    "nanometre": UnitSpec("nanometer", L),
    "decimetre": UnitSpec("decimeter", L),
    "mile": UnitSpec("mile", L),
    "foot": UnitSpec("foot", L),
    "inch": UnitSpec("inch", L),
    "yard": UnitSpec("yard", L),
    "fathom": UnitSpec("fathom", L),
    "furlong": UnitSpec("furlong", L),
    "light-year": UnitSpec("light_year", L),
    "astronomical unit": UnitSpec("astronomical_unit", L),
    # area ("square mile" must not become pint's survey-based "section")
    "square metre": UnitSpec("meter ** 2", A),
    "square kilometre": UnitSpec("kilometer ** 2", A),
    "square centimetre": UnitSpec("centimeter ** 2", A),
    "square mile": UnitSpec("mile ** 2", A),
    "square foot": UnitSpec("foot ** 2", A),
    "square inch": UnitSpec("inch ** 2", A),
    "square yard": UnitSpec("yard ** 2", A),
    "hectare": UnitSpec("hectare", A),
    "acre": UnitSpec("acre", A),
    # volume ("barrel" in news is the 42-gallon oil barrel, not pint's 31.5-gallon barrel)
    "litre": UnitSpec("liter", V),
    "cubic centimetre": UnitSpec("milliliter", V),
    "centilitre": UnitSpec("centiliter", V),
    "decilitre": UnitSpec("deciliter", V),
    "hectolitre": UnitSpec("hectoliter", V),
    "cubic millimetre": UnitSpec("millimeter ** 3", V),
    "cubic metre": UnitSpec("meter ** 3", V),
    "cubic kilometre": UnitSpec("kilometer ** 3", V),
    "cubic foot": UnitSpec("foot ** 3", V),
    "cubic inch": UnitSpec("inch ** 3", V),
    "cubic yard": UnitSpec("yard ** 3", V),
    "cubic mile": UnitSpec("mile ** 3", V),
    "gallon": UnitSpec("gallon", V),
    "quart": UnitSpec("quart", V),
    "pint": UnitSpec("pint", V),
    "fluid ounce": UnitSpec("fluid_ounce", V),
    "barrel": UnitSpec("oil_barrel", V),
    "acre foot": UnitSpec("acre_foot", V),
    "tablespoon": UnitSpec("tablespoon", V),
    "teaspoon": UnitSpec("teaspoon", V),
    # mass ("ton" unqualified is read as the US short ton, as pint does)
    "kilogram": UnitSpec("kilogram", M),
    "gram": UnitSpec("gram", M),
    "milligram": UnitSpec("milligram", M),
    "microgram": UnitSpec("microgram", M),
    "tonne": UnitSpec("metric_ton", M),
    "ton": UnitSpec("short_ton", M),
    "short ton": UnitSpec("short_ton", M),
    "long ton": UnitSpec("long_ton", M),
    "pound-mass": UnitSpec("pound", M),
    "ounce": UnitSpec("ounce", M),
    "carat": UnitSpec("carat", M),
    # quantulum3 files "gigaton" under energy; in news it is gigatonnes of CO2.
    "gigaton": UnitSpec("gigametric_ton", M),
    # temperature: explicit pint names keep the offset scales
    "degree Celsius": UnitSpec("degree_Celsius", T),
    "degree fahrenheit": UnitSpec("degree_Fahrenheit", T),
    "kelvin": UnitSpec("kelvin", T),
    "degree rankine": UnitSpec("degree_Rankine", T),
    # speed
    "kilometre per hour": UnitSpec("kilometer / hour", S),
    "mile per hour": UnitSpec("mile / hour", S),
    "metre per second": UnitSpec("meter / second", S),
    "metre per hour": UnitSpec("meter / hour", S),
    "foot per second": UnitSpec("foot / second", S),
    "knot": UnitSpec("knot", S),
    # duration (pint's "decade" is a logarithmic unit, so a decade is 10 years here)
    "second": UnitSpec("second", D),
    "millisecond": UnitSpec("millisecond", D),
    "microsecond": UnitSpec("microsecond", D),
    "nanosecond": UnitSpec("nanosecond", D),
    "minute": UnitSpec("minute", D),
    "hour": UnitSpec("hour", D),
    "day": UnitSpec("day", D),
    "week": UnitSpec("week", D),
    "fortnight": UnitSpec("fortnight", D),
    "month": UnitSpec("month", D),
    "year": UnitSpec("year", D),
    "decade": UnitSpec("year", D, 10.0),
    "century": UnitSpec("century", D),
    "millennium": UnitSpec("millennium", D),
    # energy
    "joule": UnitSpec("joule", E),
    "kilojoule": UnitSpec("kilojoule", E),
    "millijoule": UnitSpec("millijoule", E),
    "kilowatt hour": UnitSpec("kilowatt_hour", E),
    "calorie": UnitSpec("calorie", E),
    "kilocalorie": UnitSpec("kilocalorie", E),
    "british thermal unit": UnitSpec("british_thermal_unit", E),
    "therm": UnitSpec("therm", E),
    "electronvolt": UnitSpec("electron_volt", E),
    "kiloelectronvolt": UnitSpec("kiloelectron_volt", E),
    "megaelectronvolt": UnitSpec("megaelectron_volt", E),
    "gigaelectronvolt": UnitSpec("gigaelectron_volt", E),
    "teraelectronvolt": UnitSpec("teraelectron_volt", E),
    "kiloton": UnitSpec("kiloton_TNT", E),
    "megaton": UnitSpec("megaton_TNT", E),
    # power
    "watt": UnitSpec("watt", P),
    "milliwatt": UnitSpec("milliwatt", P),
    "kilowatt": UnitSpec("kilowatt", P),
    "megawatt": UnitSpec("megawatt", P),
    "gigawatt": UnitSpec("gigawatt", P),
    "terawatt": UnitSpec("terawatt", P),
    "horsepower": UnitSpec("horsepower", P),
    # other physical units news text uses (no Dimension of their own)
    "pascal": UnitSpec("pascal", X),
    "hectopascal": UnitSpec("hectopascal", X),
    "kilopascal": UnitSpec("kilopascal", X),
    "megapascal": UnitSpec("megapascal", X),
    "millibar": UnitSpec("millibar", X),
    "standard atmosphere": UnitSpec("standard_atmosphere", X),
    # "pound per square inch" by name would be pound / inch ** 2, a mass per area
    "pound per square inch": UnitSpec("psi", X),
    "millimeter of mercury": UnitSpec("millimeter_Hg", X),
    "inch of mercury": UnitSpec("inch_Hg", X),
    "hertz": UnitSpec("hertz", X),
    "kilohertz": UnitSpec("kilohertz", X),
    "megahertz": UnitSpec("megahertz", X),
    "gigahertz": UnitSpec("gigahertz", X),
    "volt": UnitSpec("volt", X),
    "kilovolt": UnitSpec("kilovolt", X),
    "ampere": UnitSpec("ampere", X),
    "bit": UnitSpec("bit", X),
    "kilobit": UnitSpec("kilobit", X),
    "megabit": UnitSpec("megabit", X),
    "gigabit": UnitSpec("gigabit", X),
    "byte": UnitSpec("byte", X),
    "kilobyte": UnitSpec("kilobyte", X),
    "megabyte": UnitSpec("megabyte", X),
    "gigabyte": UnitSpec("gigabyte", X),
    "terabyte": UnitSpec("terabyte", X),
    "petabyte": UnitSpec("petabyte", X),
    "parts-per-million": UnitSpec("ppm", X),
    "mole": UnitSpec("mole", X),
    "degree angle": UnitSpec("degree", X),
    "minute of arc": UnitSpec("arcminute", X),
    "second of arc": UnitSpec("arcsecond", X),
}

# Surfaces (lower-cased, single spaces) that quantulum3 misses or misreads on news text.
# Checked before quantulum3; the longest listed surface wins.
SURFACE_UNITS: dict[str, UnitSpec] = {
    "hectare": UnitSpec("hectare", A),
    "hectares": UnitSpec("hectare", A),
    "ha": UnitSpec("hectare", A),
    "stone": UnitSpec("stone", M),
    "nautical mile": UnitSpec("nautical_mile", L),
    "nautical miles": UnitSpec("nautical_mile", L),
    "nmi": UnitSpec("nautical_mile", L),
    "kmh": UnitSpec("kilometer / hour", S),
    "km/hr": UnitSpec("kilometer / hour", S),
    "kmph": UnitSpec("kilometer / hour", S),
    "kilometres an hour": UnitSpec("kilometer / hour", S),
    "kilometers an hour": UnitSpec("kilometer / hour", S),
    "miles an hour": UnitSpec("mile / hour", S),
    "kt": UnitSpec("knot", S),  # quantulum3 may read kilotonnes; NHC copy means knots
    "kts": UnitSpec("knot", S),
    "minute": UnitSpec("minute", D),  # quantulum3: "minute of arc"
    "minutes": UnitSpec("minute", D),
    "min": UnitSpec("minute", D),
    "mins": UnitSpec("minute", D),
    "second": UnitSpec("second", D),  # quantulum3: "second of arc"
    "seconds": UnitSpec("second", D),
    "sec": UnitSpec("second", D),
    "secs": UnitSpec("second", D),
    # Common durations, read here so that quantulum3 (about 1 ms a call) is not asked for them.
    "year": UnitSpec("year", D),
    "years": UnitSpec("year", D),
    "month": UnitSpec("month", D),
    "months": UnitSpec("month", D),
    "week": UnitSpec("week", D),
    "weeks": UnitSpec("week", D),
    "day": UnitSpec("day", D),
    "days": UnitSpec("day", D),
    "hour": UnitSpec("hour", D),
    "hours": UnitSpec("hour", D),
    # Common measures, for the same reason.
    "mile": UnitSpec("mile", L),
    "miles": UnitSpec("mile", L),
    "km": UnitSpec("kilometer", L),
    "yard": UnitSpec("yard", L),
    "yards": UnitSpec("yard", L),
    "feet": UnitSpec("foot", L),
    "foot": UnitSpec("foot", L),
    "mph": UnitSpec("mile / hour", S),
    "millennia": UnitSpec("millennium", D),
    "decades": UnitSpec("year", D, 10.0),
    "decade": UnitSpec("year", D, 10.0),
    "bcm": UnitSpec("meter ** 3", V, 1e9),  # billion cubic metres (gas)
    "tcf": UnitSpec("foot ** 3", V, 1e12),  # trillion cubic feet (gas)
    "imperial gallons": UnitSpec("imperial_gallon", V),
    "imperial gallon": UnitSpec("imperial_gallon", V),
    "us gallons": UnitSpec("gallon", V),
    "u.s. gallons": UnitSpec("gallon", V),
    "metric tons": UnitSpec("metric_ton", M),
    "metric ton": UnitSpec("metric_ton", M),
    "metric tonnes": UnitSpec("metric_ton", M),
    "mbps": UnitSpec("megabit / second", X),
    "kbps": UnitSpec("kilobit / second", X),
    "gbps": UnitSpec("gigabit / second", X),
    "mbit/s": UnitSpec("megabit / second", X),
    "twh": UnitSpec("terawatt_hour", E),
    "gwh": UnitSpec("gigawatt_hour", E),
    "mwh": UnitSpec("megawatt_hour", E),
    "kwh": UnitSpec("kilowatt_hour", E),
}

# Short symbols quantulum3 knows that are, in running text, usually something else
# ("5 in 10", "10 a day", "at 9", "3 p.m.", "5K run", "7 t"). Never read as units.
AMBIGUOUS_SYMBOLS = frozenset(
    {
        "a", "an", "at", "in", "s", "d", "h", "t", "l", "L", "p", "c", "b", "B", "C", "F",
        "K", "J", "W", "g", "q", "u", "y", "pt", "st", "ct", "gr", "pk", "dz", "doz", "bp",
        "kb", "Mb", "Gb", "mb", "ac", "cc", "am", "pm", "Pa", "Ma", "My", "Ta", "Ea",
        "'", '"', "″", "′", "”", "fur", "fath", "ly", "ft.", "A", "V", "N", "T", "G", "M",
        "S", "mA", "Ω", "H", "R", "ha.",
    }
)  # fmt: skip

# Words that name a unit in quantulum3 but in news are ordinary nouns ("3 league titles").
AMBIGUOUS_WORDS = frozenset({"league", "leagues", "span", "spans", "cup", "cups", "drop", "drops"})


# ---------------------------------------------------------------------------------------------
# pint helpers


_DIMENSIONALITY: dict[Dimension, str] = {
    Dimension.LENGTH: "[length]",
    Dimension.AREA: "[length] ** 2",
    Dimension.VOLUME: "[length] ** 3",
    Dimension.MASS: "[mass]",
    Dimension.TEMPERATURE: "[temperature]",
    Dimension.TEMPERATURE_DIFFERENCE: "[temperature]",
    Dimension.SPEED: "[length] / [time]",
    Dimension.DURATION: "[time]",
    Dimension.ENERGY: "[mass] * [length] ** 2 / [time] ** 2",
    Dimension.POWER: "[mass] * [length] ** 2 / [time] ** 3",
}


def expected_dimensionality(dimension: Dimension) -> str | None:
    """The pint dimensionality a Dimension stands for (None: no single one, e.g. OTHER)."""
    return _DIMENSIONALITY.get(dimension)


@lru_cache(maxsize=1024)
def pint_unit(expression: str) -> str:
    """Canonical pint spelling of a unit expression: "km ** 2" -> "kilometer ** 2"."""
    return str(get_ureg().Unit(expression))


@lru_cache(maxsize=1024)
def dimension_of(expression: str) -> Dimension:
    """The Dimension a pint unit expression has (OTHER when it is none of ours)."""
    dims = get_ureg().Unit(expression).dimensionality
    for dimension, wanted in _DIMENSIONALITY.items():
        if dimension is Dimension.TEMPERATURE_DIFFERENCE:
            continue
        if dims == get_ureg().get_dimensionality(wanted):
            return dimension
    return Dimension.OTHER


def spec_for_quantulum(name: str, dimensions: list[dict] | None = None) -> UnitSpec | None:
    """Our unit for a quantulum3 unit, or None when it is not one we accept.

    A compound quantulum3 made up ("milligram per litre", "terawatt hour") is accepted when
    every base unit in it is in the table with factor 1; its dimension comes from pint.
    """
    spec = QUANTULUM_UNITS.get(name)
    if spec is not None:
        return spec
    if not dimensions or len(dimensions) < 2:
        return None
    parts: list[str] = []
    for dim in dimensions:
        base = QUANTULUM_UNITS.get(dim.get("base", ""))
        power = dim.get("power", 1)
        if base is None or base.factor != 1.0 or base.dimension in (T,):
            return None
        parts.append(f"({base.pint}) ** {power}")
    expression = " * ".join(parts)
    try:
        canonical = pint_unit(expression)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return None
    return UnitSpec(canonical, dimension_of(canonical))


# ---------------------------------------------------------------------------------------------
# Reading a unit from text


# Where the words that may form a unit end: brackets, clause punctuation, a sentence-ending
# full stop ("km. The"), or the start of another number.
_UNIT_WINDOW_STOP = re.compile(r"[()\[\];,:!?\"“”‘’]|\.(?=\s+[A-Z]|\s*$)|\s\d|\n")
_GAP = re.compile(r"[ \u00a0\-–]?")
_WORD = re.compile(r"\S+")
_LEADING_LETTERS = re.compile(r"[A-Za-zµμ°º]+")


@lru_cache(maxsize=1)
def _unit_start_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """First words (lower-cased) and symbols (as written) of the units we accept.

    Used to ask quantulum3 only when the text after a figure could be a unit at all.
    """
    units = _quantulum3()[0].units("en_US")
    words: set[str] = set()
    symbols: set[str] = set()
    for surface, found in units.surfaces_all.items():
        if any(u.name in QUANTULUM_UNITS for u in found):
            words.add(surface.split()[0].lower())
    for symbol, found in units.symbols.items():
        if any(u.name in QUANTULUM_UNITS for u in found):
            symbols.add(symbol)
            lead = _LEADING_LETTERS.match(symbol)
            if lead:
                symbols.add(lead.group(0))
    words.update(s.split()[0] for s in SURFACE_UNITS)
    words.update({"square", "sq", "cubic", "cu", "metric"})
    return frozenset(words - AMBIGUOUS_WORDS), frozenset(symbols - AMBIGUOUS_SYMBOLS)


@lru_cache(maxsize=8192)
def _quantulum_unit(snippet: str) -> tuple[str, tuple, int] | None:
    """quantulum3's reading of "1 <unit words>": (name, dimensions, end of its surface)."""
    try:
        found = _quantulum3()[1].parse(snippet)
    except Exception:  # quantulum3 raises assorted errors on odd input: no unit then
        return None
    if not found:
        return None
    first = found[0]
    if first.span[0] != 0 or first.value != 1:
        return None
    dims = tuple(
        tuple(sorted((k, v) for k, v in d.items() if k in ("base", "power")))
        for d in (first.unit.dimensions or [])
    )
    return first.unit.name, dims, first.span[1]


def _surface_unit(window: str) -> tuple[UnitSpec, int] | None:
    """Longest SURFACE_UNITS entry at the start of ``window`` (1-3 words)."""
    words = list(_WORD.finditer(window))[:3]
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        phrase = " ".join(w.group(0) for w in words[:n]).lower()
        spec = SURFACE_UNITS.get(phrase)
        if spec is not None:
            return spec, end
    return None


def _could_start_unit(token: str) -> bool:
    words, symbols = _unit_start_tokens()
    if token in AMBIGUOUS_SYMBOLS or token.lower() in AMBIGUOUS_WORDS:
        return False
    if token.startswith(("°", "º")):
        return True
    lead = _LEADING_LETTERS.match(token)
    lead_text = lead.group(0) if lead else ""
    if lead_text in AMBIGUOUS_SYMBOLS and lead_text == token:
        return False
    return (
        token in symbols
        or lead_text in symbols
        or token.lower() in words
        or lead_text.lower() in words
    )


_PER_TIME = re.compile(
    r"\s+(?:a|an|per)\s+(?P<t>second|sec|minute|min|hour|hr|day|week|month|year)\b",
    re.IGNORECASE,
)
_TIME_PINT = {"sec": "second", "min": "minute", "hr": "hour"}


def match_unit(after: str, max_words: int = 3) -> tuple[UnitSpec, int] | None:
    """The unit written at the start of ``after`` (the text right after a figure).

    Returns the unit and how many characters of ``after`` it covers, or None. ``after`` may
    start with the unit itself ("km" in "5km"), one space, or a hyphen ("48-acre"). A rate
    written with "a"/"per" and a time unit is one unit: "megabits a second", "litres a day".
    """
    found = _match_unit(after, max_words)
    if found is None:
        return None
    spec, end = found
    per = _PER_TIME.match(after, end)
    if per is None or spec.factor != 1.0 or spec.dimension is T:
        return found
    time_unit = per.group("t").lower()
    try:
        canonical = pint_unit(f"({spec.pint}) / {_TIME_PINT.get(time_unit, time_unit)}")
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return found
    return UnitSpec(canonical, dimension_of(canonical)), per.end()


def _match_unit(after: str, max_words: int) -> tuple[UnitSpec, int] | None:
    gap = _GAP.match(after).end()
    rest = after[gap:]
    stop = _UNIT_WINDOW_STOP.search(rest)
    window = (rest[: stop.start()] if stop else rest).rstrip()
    first = _WORD.match(window)
    if first is None:
        return None
    surface = _surface_unit(window)
    if surface is not None:
        spec, end = surface
        return spec, gap + end
    if not _could_start_unit(first.group(0)):
        return None
    word_spans = list(_WORD.finditer(window))[:max_words]
    prefix = "1" if gap == 0 else "1 "
    for n in range(len(word_spans), 0, -1):
        piece = window[: word_spans[n - 1].end()]
        reading = _quantulum_unit(prefix + piece)
        if reading is None:
            continue
        name, dims, end = reading
        consumed = end - len(prefix)
        if consumed <= 0:
            continue
        covered = piece[:consumed].strip()
        if covered in AMBIGUOUS_SYMBOLS or covered.lower() in AMBIGUOUS_WORDS:
            return None
        # the unit must end at a word boundary of the original text
        if consumed < len(piece) and piece[consumed].isalnum() and piece[consumed - 1].isalnum():
            continue
        spec = spec_for_quantulum(name, [dict(d) for d in dims])
        if spec is None:
            continue
        return spec, gap + consumed
    return None


def unit_for_word(word: str) -> UnitSpec | None:
    """The unit a bare unit word names ("miles", "kilometres"), or None.

    Only a whole-word match counts: "(miles)" is a unit, "(mile markers)" is not.
    """
    word = word.strip()
    if not word or any(ch.isdigit() for ch in word):
        return None
    found = match_unit(" " + word)
    if found is None:
        return None
    spec, end = found
    return spec if end == len(word) + 1 else None


# ---------------------------------------------------------------------------------------------
# Money

# Symbols and codes written before the figure -> ISO 4217. Longest first when matching.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD",
    "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD",
    "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD", "NT$": "TWD", "R$": "BRL",
    "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR",
    "₩": "KRW", "KRW": "KRW", "₽": "RUB", "RUB": "RUB", "CHF": "CHF", "SFr": "CHF",
    "₺": "TRY", "₦": "NGN", "₱": "PHP", "R": "ZAR", "ZAR": "ZAR", "SEK": "SEK",
    "NOK": "NOK", "DKK": "DKK", "MXN": "MXN", "BRL": "BRL",
}  # fmt: skip

# Currency words written after the figure -> ISO 4217 (lower-cased; longest first).
# "pounds", "won" and "rand" are currencies only after a magnitude ("5 million pounds"),
# which the caller checks; see AMBIGUOUS_CURRENCY_WORDS.
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
    "dollars": "USD", "dollar": "USD", "dlrs": "USD", "dlr": "USD",
    "us cents": "USD", "cents": "USD", "cent": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "pounds": "GBP", "pound": "GBP",
    "pence": "GBP", "gbp": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "indian rupees": "INR", "pakistani rupees": "PKR", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "pesos": "MXN", "swiss francs": "CHF", "francs": "CHF",
    "kronor": "SEK", "swedish kronor": "SEK", "norwegian kroner": "NOK", "kroner": "DKK",
    "danish kroner": "DKK", "won": "KRW", "rand": "ZAR", "reais": "BRL", "lira": "TRY",
    "liras": "TRY", "dinars": "DZD", "riyals": "SAR", "dirhams": "AED", "shekels": "ILS",
    "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "naira": "NGN", "zlotys": "PLN",
    "zloty": "PLN", "forint": "HUF", "hryvnia": "UAH", "usd": "USD",
}  # fmt: skip

# Currency words that are also ordinary words; money only after a magnitude or "sterling".
AMBIGUOUS_CURRENCY_WORDS = frozenset({"pounds", "pound", "won", "rand", "lira"})

# Subunits: the figure is in hundredths of the currency.
CURRENCY_SUBUNITS = frozenset({"cents", "cent", "us cents", "pence"})
