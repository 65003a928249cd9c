"""Numbers as written: digits, number words, fractions, "one in five", with their precision.

This module reads figures only; whether a figure is a quantity (and not a year, a time or a
model name) is decided by :mod:`factcheck.extract.quantities`. Values are computed with
:class:`decimal.Decimal` so that "48.2 million" is 48200000.0 and its precision 100000.0
exactly, not a float with a tail.

Precision is the place value of the last significant digit as written: "18,000" -> 1000
(trailing zeros of an integer are read as not significant), "1.93" -> 0.01, "twenty" -> 10,
"48.2 million" -> 100000. A fraction in words ("two-thirds", "one in five") has no digits;
it is read as good to a tenth of its value, so "one in five" admits 19-21 %.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from factcheck.numberwords import ONES, SCALES, TENS


class NumberKind(StrEnum):
    DIGITS = "digits"  # "18,000", "1.93", "1.2 million"
    WORDS = "words"  # "twenty-three", "a dozen", "half a million"
    FRACTION = "fraction"  # "two-thirds", "half", "3/4"
    RATIO = "ratio"  # "one in five", "9 out of 10"


@dataclass(frozen=True, slots=True)
class Number:
    """One figure in a text. Offsets are into the text given to :func:`find_numbers`.

    ``figure_end`` is where the numeral stops before a magnitude word ("48.2" of "48.2
    million"); ``magnitude`` is that word (or None). ``integer`` tells whether the numeral
    was written without a decimal point; ``grouped`` whether it used thousands separators.
    """

    start: int
    end: int
    value: float
    precision: float | None
    kind: NumberKind
    figure_end: int
    magnitude: str | None = None
    integer: bool = True
    grouped: bool = False
    numerator: float | None = None  # for ratios and fractions
    denominator: float | None = None

    @property
    def multiplier(self) -> float:
        return MAGNITUDES.get(self.magnitude.lower(), 1.0) if self.magnitude else 1.0


# Magnitude words written after a numeral. The one-letter abbreviations ("£20m", "$3b",
# "$50k") are ambiguous with units and are applied by the caller (see ATTACHED_MAGNITUDES).
MAGNITUDES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
    "m": 1e6,
    "b": 1e9,
    "k": 1e3,
}
ATTACHED_MAGNITUDES = frozenset({"m", "b", "k"})

# Ordinal words ("fiftieth anniversary", "the twenty-fifth"); cardinals are in
# factcheck.numberwords (ONES, TENS, SCALES), shared with the checks.
ORDINAL_ONES: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
ORDINAL_TENS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# Denominator words of fractions; singular and plural.
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
UNICODE_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅛": (1, 8),
}  # fmt: skip

FRACTION_RELATIVE_PRECISION = Decimal("0.1")
# "3/4 mile" is a fraction; "9/11", "24/7" and "7/10" (a date) are not read as one.
DIGIT_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 16})

_DIGITS = re.compile(
    r"(?<![\w.,/])"  # not inside a word, a decimal, a list "1,2" or a fraction "1/2"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<frac>[½⅓⅔¼¾⅕⅛])?"
    r"(?!\d)(?![.,]\d)"
)
_MAGNITUDE_AFTER = re.compile(
    r"[ \u00a0]{0,2}(?P<mag>thousand|million|billion|trillion|mln|bln|mn|bn|trn|tn|lakh|crore)\b",
    re.IGNORECASE,
)
_DIGIT_FRACTION = re.compile(r"(?<![\w./,])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
_UNICODE_FRACTION = re.compile(r"(?<![\w])[½⅓⅔¼¾⅕⅛](?!\w)")
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_RATIO_JOIN = re.compile(r"[ -]+(?:in|out[ -]+of)[ -]+(?:every[ -]+)?", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Numerals


def numeral_precision(numeral: str) -> Decimal:
    """Place value of the last significant digit of a numeral ("18,000" -> 1000)."""
    digits = numeral.replace(",", "").lstrip("+-−")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".", 1)[1]))
    stripped = digits.rstrip("0")
    if not stripped:  # "0"
        return Decimal(1)
    return Decimal(1).scaleb(len(digits) - len(stripped))


def parse_numeral(numeral: str) -> tuple[float, float] | None:
    """Value and precision of a numeral written in digits ("18,000" -> (18000.0, 1000.0))."""
    clean = numeral.replace(",", "").replace("−", "-").strip()
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    return float(value), float(numeral_precision(numeral))


def _as_float(value: Decimal) -> float:
    return float(value)


def _integer_precision(value: int) -> Decimal:
    """Precision of an integer written in words: "twenty" -> 10, "a dozen" -> 1."""
    if value == 0:
        return Decimal(1)
    text = str(value)
    return Decimal(1).scaleb(len(text) - len(text.rstrip("0")))


# ---------------------------------------------------------------------------------------------
# Number words


def word_number(word: str) -> int | None:
    """A whole number written alone, in digits or words, cardinal or ordinal: "45" -> 45,
    "forty-five" and "twenty five" -> 45 and 25, "a hundred" -> 100, "fiftieth" -> 50,
    "twenty-fifth" and "25th" -> 25; None when it is not one."""
    text = " ".join(word.lower().replace("-", " ").split())
    digits = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?", text)
    if digits:
        return int(digits.group(1))
    if text in ("a hundred", "one hundred", "hundred", "hundredth"):
        return 100
    total = 0
    for part in text.split():
        value = ONES.get(part) or TENS.get(part) or ORDINAL_ONES.get(part) or ORDINAL_TENS.get(part)
        if not value:  # not a number word; "zero" is no part of a compound
            return None
        total += value
    return total or None


@dataclass(slots=True)
class _Token:
    word: str  # lower-cased
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0).lower(), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]


def _joined(text: str, left: _Token, right: _Token, hyphen_ok: bool = True) -> bool:
    """True when two word tokens are separated by one space or one hyphen only."""
    between = text[left.end : right.start]
    return between == " " or (hyphen_ok and between in ("-", "‑"))


def _read_integer_words(
    text: str, toks: list[_Token], i: int, implicit_one: bool = False
) -> tuple[int, int] | None:
    """Read "two hundred and five thousand ..." from token i: (value, next token index).

    ``implicit_one`` reads "a hundred thousand" from the token after "a" as "one hundred...".
    """
    total = 0
    current = 1 if implicit_one else 0
    j = i
    seen_any = implicit_one
    last_kind = "ones" if implicit_one else ""  # "ones", "tens", "hundred", "scale"
    while j < len(toks):
        tok = toks[j]
        if seen_any and not _joined(text, toks[j - 1], tok):
            break
        word = tok.word
        if word in ONES and last_kind in ("", "hundred", "scale", "tens"):
            if last_kind == "tens" and (ONES[word] == 0 or ONES[word] >= 10):
                break
            if last_kind == "tens" and text[toks[j - 1].end : tok.start] not in ("-", " "):
                break
            current += ONES[word]
            last_kind = "ones"
        elif word in TENS and last_kind in ("", "hundred", "scale"):
            current += TENS[word]
            last_kind = "tens"
        elif word == "hundred" and last_kind in ("ones", "tens") and current < 100:
            current *= 100
            last_kind = "hundred"
        elif word in SCALES and last_kind in ("ones", "tens", "hundred"):
            total += current * SCALES[word]
            current = 0
            last_kind = "scale"
        elif (
            word == "and"
            and last_kind in ("hundred", "scale")
            and j + 1 < len(toks)
            and (toks[j + 1].word in ONES or toks[j + 1].word in TENS)
            and _joined(text, tok, toks[j + 1], hyphen_ok=False)
        ):
            j += 1
            continue
        else:
            break
        seen_any = True
        j += 1
    if not seen_any:
        return None
    # a trailing "and" was skipped only when followed by a number word, so j is clean
    return total + current, j


def _fraction_after(text: str, toks: list[_Token], j: int) -> tuple[int, int] | None:
    """A denominator word at token j joined to the previous token: (denominator, next)."""
    if j < len(toks) and toks[j].word in DENOMINATORS and _joined(text, toks[j - 1], toks[j]):
        if text[toks[j].end : toks[j].end + 1] in ("-", "‑"):  # "one half-sister"
            return None
        return DENOMINATORS[toks[j].word], j + 1
    return None


def _of_a_scale(text: str, toks: list[_Token], j: int) -> tuple[int, int] | None:
    """ "of a million" after a fraction ("a quarter of a million"): (scale, next index)."""
    if (
        j + 2 < len(toks)
        and toks[j].word == "of"
        and toks[j + 1].word in ("a", "an")
        and toks[j + 2].word in SCALES
        and _joined(text, toks[j - 1], toks[j], hyphen_ok=False)
        and _joined(text, toks[j], toks[j + 1], hyphen_ok=False)
        and _joined(text, toks[j + 1], toks[j + 2], hyphen_ok=False)
    ):
        return SCALES[toks[j + 2].word], j + 3
    return None


def _word_number_at(text: str, toks: list[_Token], i: int) -> tuple[Number, int] | None:
    """The number written in words starting at token i, and the index after it."""
    tok = toks[i]
    word = tok.word

    def make(value: Decimal, j: int, precision: Decimal | None, kind=NumberKind.WORDS, **kw):
        end = toks[j - 1].end
        if kind is NumberKind.WORDS and toks[j - 1].word in SCALES and "magnitude" not in kw:
            kw["magnitude"] = toks[j - 1].word  # "six million": a figure 6, magnitude million
        return (
            Number(
                start=tok.start,
                end=end,
                value=_as_float(value),
                precision=float(precision) if precision is not None else None,
                kind=kind,
                figure_end=end,
                **kw,
            ),
            j,
        )

    # "a dozen", "a hundred", "a million", "a third of", "a quarter of a million"
    if word in ("a", "an"):
        if i + 1 >= len(toks) or not _joined(text, tok, toks[i + 1], hyphen_ok=False):
            return None
        nxt = toks[i + 1].word
        if nxt == "dozen":
            return make(Decimal(12), i + 2, Decimal(1))
        if nxt == "hundred" or nxt in SCALES:
            read = _read_integer_words(text, toks, i + 1, implicit_one=True)
            if read is not None:
                value, j = read
                return make(Decimal(value), j, _integer_precision(value))
        if nxt in DENOMINATORS and nxt not in ("half", "halves") and not nxt.endswith("s"):
            if text[toks[i + 1].end : toks[i + 1].end + 1] in ("-", "‑"):
                return None  # "a third-party app"
            denominator = DENOMINATORS[nxt]
            scaled = _of_a_scale(text, toks, i + 2)
            if scaled:
                scale, j = scaled
                value = Decimal(scale) / denominator
                return make(value, j, Decimal(scale).scaleb(-1))
            # "a third of", "by a quarter", "a quarter percentage point"; the caller drops
            # "a third party" (no "of", no bound, no unit)
            return _fraction(make, 1, denominator, i + 2)
        return None

    # "half a million", "half a dozen", bare "half" (the caller decides if it is a quantity)
    if word == "half":
        if text[tok.end : tok.end + 1] in ("-", "‑"):  # "half-time", "half-sister"
            return None
        if (
            i + 2 < len(toks)
            and toks[i + 1].word in ("a", "an")
            and _joined(text, tok, toks[i + 1], False)
            and _joined(text, toks[i + 1], toks[i + 2], False)
        ):
            nxt = toks[i + 2].word
            if nxt in SCALES:
                return make(Decimal(SCALES[nxt]) / 2, i + 3, Decimal(SCALES[nxt]).scaleb(-1))
            if nxt == "dozen":
                return make(Decimal(6), i + 3, Decimal(1))
        return _fraction(make, 1, 2, i + 1)

    read = _read_integer_words(text, toks, i)
    if read is None:
        return None
    value, j = read
    # "two dozen"
    if j < len(toks) and toks[j].word == "dozen" and _joined(text, toks[j - 1], toks[j], False):
        return make(Decimal(value * 12), j + 1, Decimal(1))
    # "two and a half", "one and a half million"
    if (
        j + 2 < len(toks)
        and toks[j].word == "and"
        and toks[j + 1].word == "a"
        and toks[j + 2].word == "half"
        and all(_joined(text, toks[k], toks[k + 1], False) for k in (j - 1, j, j + 1))
    ):
        total = Decimal(value) + Decimal("0.5")
        k = j + 3
        if k < len(toks) and toks[k].word in SCALES and _joined(text, toks[k - 1], toks[k], False):
            scale = SCALES[toks[k].word]
            return make(total * scale, k + 1, Decimal(scale).scaleb(-1))
        return make(total, k, Decimal("0.5"))
    # "two-thirds", "one third", "three quarters of a million"
    if value and value < 10:
        frac = _fraction_after(text, toks, j)
        if frac:
            denominator, k = frac
            plural = toks[k - 1].word.endswith("s") or toks[k - 1].word == "halves"
            if (value == 1) == (not plural) and value < denominator:
                scaled = _of_a_scale(text, toks, k)
                if scaled:
                    scale, k2 = scaled
                    total = Decimal(value) * scale / denominator
                    return make(total, k2, Decimal(scale).scaleb(-1))
                return _fraction(make, value, denominator, k)
    return make(Decimal(value), j, _integer_precision(value))


def _fraction(make, numerator: int, denominator: int, j: int):
    value = Decimal(numerator) / Decimal(denominator)
    return make(
        value,
        j,
        (value * FRACTION_RELATIVE_PRECISION).normalize(),
        kind=NumberKind.FRACTION,
        integer=False,
        numerator=float(numerator),
        denominator=float(denominator),
    )


def _word_numbers(text: str) -> list[Number]:
    toks = _tokens(text)
    found: list[Number] = []
    i = 0
    while i < len(toks):
        word = toks[i].word
        if word in ONES or word in TENS or word in ("a", "an", "half"):
            # a word glued to a digit is part of a name ("7-Eleven", "G-seven")
            start = toks[i].start
            before = text[start - 1] if start else " "
            if before.isalnum() or (before in "-‑" and start > 1 and text[start - 2].isdigit()):
                i += 1
                continue
            read = _word_number_at(text, toks, i)
            if read is not None:
                number, j = read
                found.append(number)
                i = j
                continue
        i += 1
    return found


# ---------------------------------------------------------------------------------------------
# Digits


def _digit_numbers(text: str) -> list[Number]:
    found: list[Number] = []
    for match in _DIGITS.finditer(text):
        numeral = match.group("num")
        start, figure_end = match.start(), match.end()
        negative = (
            start > 0
            and text[start - 1] in "-−"
            and (start == 1 or text[start - 2] in " (\u00a0\t\n[")
        )
        value = Decimal(numeral.replace(",", ""))
        precision = numeral_precision(numeral)
        integer = "." not in numeral
        if match.group("frac"):
            num, den = UNICODE_FRACTIONS[match.group("frac")]
            value += Decimal(num) / Decimal(den)
            precision = Decimal(1) / den
            integer = False
        if negative:
            value = -value
            start -= 1
        magnitude = None
        end = figure_end
        mag = _MAGNITUDE_AFTER.match(text, figure_end)
        if mag:
            magnitude = mag.group("mag").lower()
            scale = Decimal(int(MAGNITUDES[magnitude]))
            value *= scale
            precision *= scale
            end = mag.end()
        found.append(
            Number(
                start=start,
                end=end,
                value=float(value),
                precision=float(precision),
                kind=NumberKind.DIGITS,
                figure_end=figure_end,
                magnitude=magnitude,
                integer=integer,
                grouped="," in numeral,
            )
        )
    for match in _DIGIT_FRACTION.finditer(text):
        num, den = int(match.group(1)), int(match.group(2))
        if 0 < num < den and den in DIGIT_FRACTION_DENOMINATORS:
            value = Decimal(num) / Decimal(den)
            found.append(
                Number(
                    start=match.start(),
                    end=match.end(),
                    value=float(value),
                    precision=float(Decimal(1) / Decimal(den) / 2),
                    kind=NumberKind.FRACTION,
                    figure_end=match.end(),
                    integer=False,
                    numerator=float(num),
                    denominator=float(den),
                )
            )
    for match in _UNICODE_FRACTION.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isdigit():
            continue
        num, den = UNICODE_FRACTIONS[match.group(0)]
        found.append(
            Number(
                start=match.start(),
                end=match.end(),
                value=num / den,
                precision=1 / den / 2,
                kind=NumberKind.FRACTION,
                figure_end=match.end(),
                integer=False,
                numerator=float(num),
                denominator=float(den),
            )
        )
    return found


def with_magnitude(number: Number, magnitude: str, end: int) -> Number:
    """``number`` with a magnitude the caller has decided applies ("£20m" -> 20 million)."""
    scale = Decimal(int(MAGNITUDES[magnitude.lower()]))
    figure = Decimal(repr(number.value))
    precision = Decimal(repr(number.precision)) if number.precision is not None else None
    return Number(
        start=number.start,
        end=end,
        value=float(figure * scale),
        precision=float(precision * scale) if precision is not None else None,
        kind=number.kind,
        figure_end=number.figure_end,
        magnitude=magnitude.lower(),
        integer=number.integer,
        grouped=number.grouped,
    )


def scaled(number: Number, factor: float) -> Number:
    """``number`` multiplied by ``factor`` (a magnitude shared across a range, a subunit)."""
    f = Decimal(repr(factor))
    precision = float(Decimal(repr(number.precision)) * f) if number.precision is not None else None
    return Number(
        start=number.start,
        end=number.end,
        value=float(Decimal(repr(number.value)) * f),
        precision=precision,
        kind=number.kind,
        figure_end=number.figure_end,
        magnitude=number.magnitude,
        integer=number.integer,
        grouped=number.grouped,
        numerator=number.numerator,
        denominator=number.denominator,
    )


def _is_year_like(number: Number, text: str) -> bool:
    numeral = text[number.start : number.figure_end]
    return numeral.isdigit() and len(numeral) == 4 and 1000 <= number.value <= 2200


def _ratios(text: str, numbers: list[Number]) -> list[Number]:
    """Merge "one in five", "9 out of 10" into one RATIO number."""
    merged: list[Number] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        if i + 1 < len(numbers):
            b = numbers[i + 1]
            join = _RATIO_JOIN.fullmatch(text, a.end, b.start)
            if (
                join
                and a.kind in (NumberKind.DIGITS, NumberKind.WORDS)
                and b.kind in (NumberKind.DIGITS, NumberKind.WORDS)
                and a.value == int(a.value)
                and b.value == int(b.value)
                and 0 < a.value < b.value
                and a.magnitude is None
                and not _is_year_like(b, text)
            ):
                value = Decimal(int(a.value)) / Decimal(int(b.value))
                merged.append(
                    Number(
                        start=a.start,
                        end=b.end,
                        value=float(value),
                        precision=float(value * FRACTION_RELATIVE_PRECISION),
                        kind=NumberKind.RATIO,
                        figure_end=b.end,
                        integer=False,
                        numerator=a.value,
                        denominator=b.value,
                    )
                )
                i += 2
                continue
        merged.append(a)
        i += 1
    return merged


def find_numbers(text: str) -> list[Number]:
    """Every figure in ``text``, in order: digits, number words, fractions and ratios.

    Figures never overlap; where a digit reading and a word reading overlap ("1.5 million"
    has no words; "twenty-three" has no digits) the earlier, longer one is kept.
    """
    candidates = _digit_numbers(text) + _word_numbers(text)
    candidates.sort(key=lambda n: (n.start, -(n.end - n.start)))
    chosen: list[Number] = []
    for number in candidates:
        if chosen and number.start < chosen[-1].end:
            continue
        chosen.append(number)
    return _ratios(text, _drop_glued_words(text, chosen))


def _drop_glued_words(text: str, numbers: list[Number]) -> list[Number]:
    """Drop number words hyphen-glued to each other that did not read as one number.

    "fifty-fifty", "seven-eleven": idioms and names, not two figures.
    """
    glued: set[int] = set()
    for i in range(len(numbers) - 1):
        a, b = numbers[i], numbers[i + 1]
        if (
            a.kind is not NumberKind.DIGITS
            and b.kind is not NumberKind.DIGITS
            and text[a.end : b.start] in ("-", "‑")
        ):
            glued.update((i, i + 1))
    return [n for i, n in enumerate(numbers) if i not in glued]
