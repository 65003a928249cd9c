"""The claim types: what extraction hands to the checks.

Claims are plain data. Extraction (``factcheck.extract``) is the only code that builds them
from text; checks (``factcheck.checks``) only read them. Keeping these types outside the
``extract`` package means a check never imports quantulum3 or dateparser, not even indirectly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from factcheck.document import Span


class Bound(StrEnum):
    """How a written figure relates to the true value."""

    EXACT = "exact"  # "20 men"
    APPROX = "approx"  # "about 20", "roughly", "some", "nearly" (see Quantity.hedge)
    AT_MOST = "at_most"  # "as many as 3,000", "up to", "no more than"
    AT_LEAST = "at_least"  # "at least 40", "or more"
    LESS_THAN = "less_than"  # "under 5 km²", "less than", "fewer than"
    MORE_THAN = "more_than"  # "more than", "over", "above"
    RANGE = "range"  # "between 14,000 and 18,000", "3-4 million"
    VAGUE = "vague"  # "dozens", "thousands of": no figure to check
    UNIT_ONLY = "unit_only"  # "(miles)": a unit written with no figure at all


class Dimension(StrEnum):
    """What kind of thing a quantity is; checks dispatch on this, not on unit names."""

    COUNT = "count"  # dimensionless counts of things: "20 men"
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    RATIO = "ratio"  # "one in five", "two-thirds"
    MONEY = "money"
    LENGTH = "length"
    AREA = "area"
    VOLUME = "volume"
    MASS = "mass"
    TEMPERATURE = "temperature"
    TEMPERATURE_DIFFERENCE = "temperature_difference"
    SPEED = "speed"
    DURATION = "duration"
    ENERGY = "energy"
    POWER = "power"
    OTHER = "other"


@dataclass(slots=True)
class Quantity:
    """A figure as written: value or range, unit, bound and the precision it was written to.

    ``value`` is the figure itself (for a range, its midpoint); ``low``/``high`` hold the ends
    of a range and are None otherwise. ``unit`` is a pint unit expression ("kilometer ** 2",
    "degree_Celsius") or None for counts, percentages and money. ``currency`` is an ISO 4217
    code for money. ``precision`` is the place value of the last significant digit as written
    ("18,000" -> 1000, "1.93" -> 0.01), in the same units as ``value``. ``noun`` is what it
    counts or measures where the text says ("militants", "territory"). ``per`` is the noun a
    money or count figure is a rate of ("$2,000 per resident" -> "resident", "per head" ->
    "person"); None for totals and for time rates ("per year").
    """

    span: Span
    text: str
    value: float | None
    unit: str | None = None
    dimension: Dimension = Dimension.COUNT
    bound: Bound = Bound.EXACT
    low: float | None = None
    high: float | None = None
    precision: float | None = None
    currency: str | None = None
    hedge: str | None = None  # the hedge or bound word as written: "about", "under", "nearly"
    noun: str | None = None
    sentence: int = 0
    in_parentheses: bool = False
    vague_word: str | None = None  # "dozens", "thousands"
    # A figure that stands for a size by comparison ("the size of Wales", "3 football
    # pitches"): the reference it was computed from; the value comes from a reference table.
    comparison: str | None = None
    per: str | None = None  # "$2,000 per resident" -> "resident": a per-capita figure

    kind: str = field(default="quantity", init=False)

    @property
    def has_figure(self) -> bool:
        return self.value is not None or self.low is not None or self.high is not None

    @property
    def is_checkable(self) -> bool:
        """True when the figure says something definite enough to do arithmetic with."""
        return self.has_figure and self.bound not in (Bound.VAGUE, Bound.UNIT_ONLY)


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


class Resolution(StrEnum):
    ABSOLUTE = "absolute"  # the text gives the full date
    PUBLICATION = "publication"  # year or week taken from the publication date
    RELATIVE = "relative"  # "last week", "on Monday", "yesterday"
    TENSE = "tense"  # year chosen by the verb's tense ("took place in September")
    UNRESOLVED = "unresolved"  # no publication date to resolve against


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


@dataclass(slots=True)
class DateClaim:
    """A date or period written in the text, resolved where possible.

    ``date`` is the first day of the period and ``end_date`` its last day (equal for a day).
    ``weekday`` is the weekday *as written* (0 = Monday), kept as its own fact even when it
    contradicts the date; ``weekday_span`` is where it was written.
    """

    span: Span
    text: str
    date: dt.date | None
    end_date: dt.date | None = None
    granularity: Granularity = Granularity.DAY
    resolution: Resolution = Resolution.ABSOLUTE
    weekday: int | None = None
    weekday_span: Span | None = None
    year_written: bool = False
    tense: Tense = Tense.UNKNOWN
    sentence: int = 0
    is_dateline: bool = False

    kind: str = field(default="date", init=False)


@dataclass(slots=True)
class Pair:
    """Two claims the text presents as the same figure.

    ``kind`` is "conversion" ("5 km² (2 sq mi)", "5 km², or 2 sq mi") or "restatement"
    ("one in five (20%)"). ``joiner`` is "parentheses", "or" or "comma".
    """

    first: Quantity
    second: Quantity
    kind: str = "conversion"
    joiner: str = "parentheses"

    @property
    def span(self) -> Span:
        return Span(
            min(self.first.span.start, self.second.span.start),
            max(self.first.span.end, self.second.span.end),
        )


@dataclass(slots=True)
class Relation:
    """A relation the text states between two quantities: "X, including Y", "Y of the X".

    ``kind`` is "part_of" (``part`` is a subset of ``whole``), "share_of" (a percentage of it)
    or "same_as" (two mentions of one figure). ``cue`` is the words that say so. Parts listed
    together for one whole ("including 70 from the north, 45 from the south") share a ``group``
    number; ``disjoint_by`` says what in the text keeps them from overlapping ("from": a
    different place each; "outcome": destroyed / damaged; ...), None when they may overlap.
    """

    part: Quantity
    whole: Quantity
    kind: str = "part_of"
    cue: str = ""
    group: int | None = None
    disjoint_by: str | None = None


@dataclass(slots=True)
class Change:
    """A stated change between two figures: "rose 25 % from 200 to 300", "doubled to 40".

    ``before``/``after`` are the endpoint quantities where written; ``change`` is the stated
    size of the change (a percent, percentage points, or an absolute amount) and ``factor`` a
    multiplier word ("doubled" -> 2, "halved" -> 0.5, "threefold" -> 3). ``direction`` is
    "up", "down" or None; ``cue`` is the verb or phrase as written.
    """

    span: Span
    before: Quantity | None = None
    after: Quantity | None = None
    change: Quantity | None = None
    factor: float | None = None
    direction: str | None = None
    cue: str = ""
    sentence: int = 0


@dataclass(slots=True)
class Age:
    """An age the text gives for someone or something, with the dates that bear on it.

    ``age`` is the stated age in years ("the 45-year-old", "aged 45", "founded 25 years ago");
    ``birth`` is a year or date of birth/founding written for the same subject ("born in 1970",
    "(b. 1970)", "in 1990"); ``subject`` names who or what, where the text says.
    """

    span: Span
    age: Quantity | None = None
    birth: DateClaim | None = None
    subject: str | None = None
    cue: str = ""
    sentence: int = 0


@dataclass(slots=True)
class Share:
    """A percentage of a whole stated together with an amount, which fixes the whole:
    "has lost 99.5 % of its territory and holds under 5 km²" (the amount is what is left),
    "controls 30 % of the country, some 50,000 km²" (the amount is the share itself).

    ``role`` says which part of the whole the percentage measures and ``amount_role`` which
    part the amount measures: "lost" or "kept". ``noun`` names the whole ("territory").
    """

    span: Span
    share: Quantity
    amount: Quantity
    role: str = "kept"
    amount_role: str = "kept"
    noun: str | None = None
    cue: str = ""
    sentence: int = 0


@dataclass(slots=True)
class Sentence:
    span: Span
    text: str
    index: int
    in_quote: bool = False


@dataclass(slots=True)
class Claims:
    """Everything extracted from one document, in text order.

    ``published_between`` is the document's publication window (first and last day) when the
    exact date is unknown: checks that can judge over a period (currency rates) read it;
    dates are never resolved against it.
    """

    published: dt.date | None
    published_between: tuple[dt.date, dt.date] | None = None
    sentences: list[Sentence] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    ages: list[Age] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)

    def sentence_of(self, claim: Quantity | DateClaim) -> Sentence | None:
        if 0 <= claim.sentence < len(self.sentences):
            return self.sentences[claim.sentence]
        return None
