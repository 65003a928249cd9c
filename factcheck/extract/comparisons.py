"""Figures that stand for a whole: size comparisons and shares stated with an amount.

Two kinds of claim come out of here, both needed to see what a set of figures implies about
a whole (``factcheck.checks.implied_total``):

* **Size comparisons** become ``Quantity`` claims: "a territory roughly the size of Britain"
  is an area of about 209,331 km², "the size of 280 football pitches" about 2.0 km²,
  "enough to fill 40 Olympic swimming pools" about 100,000 m³. The sizes come from a small
  sourced table (``factcheck/data/reference_sizes.yaml``); the quantity's ``comparison``
  names the entry, ``noun`` what is compared ("territory"), ``bound`` is APPROX (or a bound
  for "larger than" / "smaller than"), and its span covers the comparison as written.
* **Shares** ("has lost 99.5 % of its territory and is holding on to under 5 km²", "controls
  under 50 km², just 1 % of the land it once held") become ``Share`` claims: a percentage,
  the part it measures (lost or kept), and an amount for one of the parts.

Both are read from the quantities the quantity extractor found and the few words around
them: a count before "football pitches" is the extractor's count, never re-read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from factcheck.claims import Bound, Claims, Dimension, Quantity, Sentence, Share
from factcheck.document import Span

# --------------------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the reference table."""

    name: str
    aliases: tuple[str, ...]
    dimension: Dimension
    value: float
    unit: str
    source: str
    countable: bool = False
    low: float | None = None
    high: float | None = None


_DIMENSIONS = {"area": Dimension.AREA, "volume": Dimension.VOLUME}


@lru_cache(maxsize=1)
def reference_table() -> tuple[Reference, ...]:
    """The shipped reference sizes; entries with a missing field are skipped."""
    raw = resources.files("factcheck.data").joinpath("reference_sizes.yaml").read_text("utf-8")
    data = yaml.safe_load(raw) or {}
    table = []
    for entry in data.get("references", []):
        try:
            table.append(
                Reference(
                    name=str(entry["name"]),
                    aliases=tuple(str(a) for a in entry["aliases"]),
                    dimension=_DIMENSIONS[str(entry["dimension"])],
                    value=float(entry["value"]),
                    unit=str(entry["unit"]),
                    source=" ".join(str(entry["source"]).split()),
                    countable=bool(entry.get("countable", False)),
                    low=float(entry["low"]) if "low" in entry else None,
                    high=float(entry["high"]) if "high" in entry else None,
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(table)


def _alias_pattern(aliases: list[tuple[str, Reference]]) -> str:
    ordered = sorted(aliases, key=lambda item: -len(item[0]))
    return "|".join(re.escape(alias).replace(r"\ ", r"\s+") for alias, _ in ordered)


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, Reference], dict[str, Reference]]:
    """Aliases of places (matched as written) and of countable things (any case)."""
    places: dict[str, Reference] = {}
    things: dict[str, Reference] = {}
    for reference in reference_table():
        for alias in reference.aliases:
            if reference.countable:
                things[_norm(alias)] = reference
            else:
                places[_norm(alias)] = reference
    return places, things


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip()).lower()


# --------------------------------------------------------------------------- comparisons

_HEDGES = (
    r"roughly|about|around|approximately|nearly|almost|more\s+or\s+less|some|close\s+to|"
    r"just\s+under|just\s+over|similar\s+to|comparable\s+to|equivalent\s+to|"
    r"the\s+equivalent\s+of|an\s+area\s+equivalent\s+to"
)
_NEAR = {"nearly", "almost", "just under", "close to"}
_MULTIPLIER_WORDS = {
    "twice": 2.0, "double": 2.0, "two times": 2.0, "three times": 3.0, "four times": 4.0,
    "five times": 5.0, "six times": 6.0, "seven times": 7.0, "eight times": 8.0,
    "nine times": 9.0, "ten times": 10.0, "half": 0.5, "a third of": 1 / 3, "one-third of": 1 / 3,
    "a third": 1 / 3, "a quarter of": 0.25, "a quarter": 0.25, "one-quarter of": 0.25,
    "a fifth of": 0.2, "a tenth of": 0.1,
}  # fmt: skip
_MULTIPLIER = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_MULTIPLIER_WORDS, key=len)[::-1]
)
_COMPARATIVE = {"bigger": Bound.MORE_THAN, "larger": Bound.MORE_THAN, "smaller": Bound.LESS_THAN}
# Words that can stand before a comparison without being what is compared.
_NOT_NOUNS = frozenset(
    """
    is are was were be been being am has have had the a an its their his her our your this
    that these those of to in on at by for from with and or but about roughly around nearly
    almost approximately some size equivalent similar comparable more less than just
    now still only once covering covers covered cover spans spanning span measuring measures
    occupies occupying encompassing encompasses stretching stretches roughly over under
    it they he she we you which what who one
    """.split()
)
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|our|this|that)\s+)?"
    r"(?:\b[a-z][a-z-]+\s+)?\b(?P<noun>[a-z][a-z-]{2,})\s*,?\s*$"
)


# Words after a place name that make it a modifier: "the size of the UK market", "the size
# of London's economy" are not areas.
_NOT_A_PLACE = (
    r"Street|Road|Airport|Park|Bridge|University|City|County|Council|Square|Avenue|Stadium|"
    r"market|markets|economy|economies|population|industry|budget|deficit|debt|army|navy|"
    r"workforce|GDP|sector|team|squad|league|press|government|parliament|banks?|firms?|"
    r"compan(?:y|ies)|fleet|output|exports|imports|trade|audience|electorate"
)


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern[str]:
    places, _ = _lookup()
    names = _alias_pattern([(alias, ref) for alias, ref in places.items()])
    # "the size of (the US state of) Wales", "twice the size of Wales", "as big as Wales",
    # "larger than Belgium". Proper names are matched with their capitals.
    return re.compile(
        rf"(?:(?P<hedge>{_HEDGES})\s+)?"
        rf"(?:(?P<mult>{_MULTIPLIER})\s+|(?P<times>\d[\d,.]*)\s+times\s+)?"
        r"(?:(?:the\s+)?(?:size|area)\s+of|as\s+(?:big|large)\s+as|"
        r"(?P<cmp>bigger|larger|smaller)\s+than)\s+"
        r"(?:(?:the\s+)?(?:US\s+|U\.S\.\s+)?state\s+of\s+)?"
        rf"(?P<place>{names})\b(?!-|['’]s\b|\s+(?:{_NOT_A_PLACE})\b)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _thing_regex() -> re.Pattern[str]:
    _, things = _lookup()
    names = _alias_pattern([(alias, ref) for alias, ref in things.items()])
    return re.compile(rf"(?P<thing>{names})\b", re.IGNORECASE)


_COUNT_GAP = re.compile(r"^\s+(?:(?:full|full-size|full-sized|standard|regulation)\s+)?$")
# Before a counted reference: "280 football pitches", "a football pitch", "the size of 3".
_ONE_BEFORE = re.compile(r"\b(?:a|an|one|single)\s+$", re.IGNORECASE)
_SIZE_OF_BEFORE = re.compile(
    rf"(?:(?P<hedge>{_HEDGES})\s+)?(?:the\s+)?(?:size|area)\s+of\s+$", re.IGNORECASE
)
_FILL_BEFORE = re.compile(
    rf"(?:(?P<hedge>{_HEDGES})\s+)?(?:enough\s+\w+\s+to\s+fill|fill(?:s|ed|ing)?|"
    r"equivalent\s+to|the\s+equivalent\s+of|as\s+(?:big|large)\s+as|covering|covers|"
    r"cover|spanning|spans|span|an\s+area\s+of)\s+$",
    re.IGNORECASE,
)


_SUBJECT_BEFORE = re.compile(
    r"\b(?:the|its|their|this|that|his|her)\s+(?:[a-z][a-z-]+\s+)??(?P<noun>[a-z][a-z-]{2,})\s+"
    r"(?:(?:once|now|still|then|already|\w+ly)\s+)?"
    r"(?:covered|covers|cover|covering|spans|spanned|span|spanning|occupies|occupied|"
    r"measures|measured|is|was|are|were|stretched|stretches|extends|extended)\s+"
    r"(?:(?:an?|the)\s+(?:area|expanse|region|territory|space)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)


def _noun_before(text: str, start: int) -> str | None:
    """What a comparison measures: "a territory roughly the size of" -> territory; "the
    estate once covered an area the size of" -> estate (the subject, not "area")."""
    subject = _SUBJECT_BEFORE.search(text[max(0, start - 80) : start])
    if subject is not None and subject.group("noun").lower() not in _NOT_NOUNS:
        return subject.group("noun").lower()
    head = text[max(0, start - 40) : start]
    match = _NOUN_BEFORE.search(head)
    if match is None:
        return None
    noun = match.group("noun").lower()
    if noun in _NOT_NOUNS or noun.endswith("ly") or noun.endswith("ing"):
        return None
    return noun


def _comparison_quantity(
    text: str,
    span: Span,
    reference: Reference,
    factor: float,
    bound: Bound,
    hedge: str | None,
    sentence: Sentence,
    noun: str | None,
    count: Quantity | None = None,
) -> Quantity:
    value = reference.value * factor
    low = high = None
    if count is not None and count.bound is Bound.RANGE and count.low is not None:
        low, high = reference.value * count.low, reference.value * (count.high or count.low)
        bound = Bound.RANGE
    elif reference.low is not None and reference.high is not None:
        low, high = reference.low * factor, reference.high * factor
    # A comparison is loose: its precision is the figure's own order of magnitude.
    return Quantity(
        span=span,
        text=text[span.start : span.end],
        value=value,
        unit=reference.unit,
        dimension=reference.dimension,
        bound=bound,
        low=low,
        high=high,
        precision=None,
        hedge=hedge,
        noun=noun,
        sentence=sentence.index,
        comparison=reference.name,
    )


def _hedge_bound(hedge: str | None, comparative: str | None) -> tuple[Bound, str | None]:
    if comparative:
        return _COMPARATIVE[comparative.lower()], comparative.lower() + " than"
    if hedge:
        word = _norm(hedge)
        return Bound.APPROX, word if word in _NEAR else word
    return Bound.APPROX, "the size of"


# Every place comparison has one of these words; a plain search for them first is ~50x cheaper
# than running the full pattern, which starts with optional groups, over every sentence.
_PLACE_CUE = re.compile(
    r"(?:size|area)\s+of|as\s+(?:big|large)\s+as|(?:bigger|larger|smaller)\s+than", re.IGNORECASE
)


def _place_comparisons(text: str, sentence: Sentence, taken: list[Span]) -> list[Quantity]:
    places, _ = _lookup()
    found = []
    body = text[sentence.span.start : sentence.span.end]
    if not _PLACE_CUE.search(body):
        return found
    for match in _place_regex().finditer(body):
        place = match.group("place")
        if not place[:1].isupper() and not place.lower().startswith("the "):
            continue  # proper names are written with a capital
        reference = places.get(_norm(place))
        if reference is None:
            continue
        factor = 1.0
        if match.group("mult"):
            factor = _MULTIPLIER_WORDS.get(_norm(match.group("mult")), 1.0)
        elif match.group("times"):
            try:
                factor = float(match.group("times").replace(",", ""))
            except ValueError:
                continue
        start = sentence.span.start + match.start()
        span = Span(start, sentence.span.start + match.end())
        if any(span.overlaps(t) for t in taken):
            continue
        bound, hedge = _hedge_bound(match.group("hedge"), match.group("cmp"))
        noun = _noun_before(text, start)
        found.append(
            _comparison_quantity(text, span, reference, factor, bound, hedge, sentence, noun)
        )
    return found


def _thing_comparisons(text: str, sentence: Sentence, quantities: list[Quantity]) -> list[Quantity]:
    """Counted references: "280 football pitches", "the size of a football pitch"."""
    _, things = _lookup()
    found = []
    body_start = sentence.span.start
    body = text[body_start : sentence.span.end]
    counts = [
        q
        for q in quantities
        if q.dimension is Dimension.COUNT and q.is_checkable and q.comparison is None
    ]
    for match in _thing_regex().finditer(body):
        reference = things.get(_norm(match.group("thing")))
        if reference is None:
            continue
        thing_start = body_start + match.start()
        count = next(
            (
                q
                for q in counts
                if q.span.end <= thing_start and _COUNT_GAP.match(text[q.span.end : thing_start])
            ),
            None,
        )
        if count is not None:
            start, factor = count.span.start, (count.value or 0.0)
            bound, hedge = count.bound, count.hedge
            if bound is Bound.EXACT:
                bound = Bound.APPROX
        else:
            one = _ONE_BEFORE.search(text[max(body_start, thing_start - 10) : thing_start])
            if one is None:
                continue
            start, factor = thing_start - len(one.group(0)), 1.0
            bound, hedge = Bound.APPROX, None
        if factor <= 0:
            continue
        lead = text[max(body_start, start - 60) : start]
        size_of = _SIZE_OF_BEFORE.search(lead) or _FILL_BEFORE.search(lead)
        if size_of is None:
            continue  # "built three football pitches": real pitches, not a measure
        start -= len(size_of.group(0))
        if size_of.group("hedge") and hedge is None:
            hedge = _norm(size_of.group("hedge"))
        span = Span(start, body_start + match.end())
        noun = _noun_before(text, start)
        found.append(
            _comparison_quantity(text, span, reference, factor, bound, hedge, sentence, noun, count)
        )
    return found


def find_comparisons(
    text: str, sentences: list[Sentence], quantities: list[Quantity]
) -> list[Quantity]:
    """Every size comparison in the text, as a Quantity with ``comparison`` set."""
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    found: list[Quantity] = []
    for sentence in sentences:
        inside = by_sentence.get(sentence.index, [])
        things = _thing_comparisons(text, sentence, inside)
        places = _place_comparisons(text, sentence, [q.span for q in things])
        found.extend(things + places)
    return sorted(found, key=lambda q: (q.span.start, q.span.end))


# --------------------------------------------------------------------------- shares

_LOSS = (
    r"lost|losing|loses|lose|ceded|cedes|ceding|surrendered|given\s+up|gave\s+up|"
    r"been\s+(?:driven|pushed|forced|expelled|ousted|cleared)\s+(?:out\s+of|from)|"
    r"lost\s+control\s+of|relinquished|destroyed|burned|burnt|razed|cleared|felled|"
    r"wiped\s+out|flattened|sold|sold\s+off|sells|selling"
)
_KEEP = (
    r"holds?|holding(?:\s+on\s*to|\s+onto)?|held(?:\s+on\s*to|\s+onto)?|retains?|retained|"
    r"retaining|controls?|controlled|controlling|keeps?|kept|keeping|still\s+has|"
    r"(?:is|are|was|were|been)\s+left\s+with|left\s+with|clings?\s+(?:on\s*)?to|"
    r"clung\s+(?:on\s*)?to|clinging\s+(?:on\s*)?to|occup(?:y|ies|ied|ying)|"
    r"remains?\s+in\s+control\s+of|rules?|ruled|ruling"
)
# Not "retaken", "recaptured": they are gains for the subject, and the amount that follows
# ("and now control 100 km²") is then the same part, not the remainder.
_ADVERBS = (
    r"(?:(?:now|still|only|just|already|so\s+far|since|reportedly|effectively|almost|nearly|"
    r"about|some|roughly|around|more\s+than|over|less\s+than|under|a\s+mere|barely|merely|"
    r"is|are|was|were|has|have|had|been|be|now)\s+)*"
)
_VERB_BEFORE = re.compile(
    rf"\b(?:(?P<loss>{_LOSS})|(?P<keep>{_KEEP}))\s+{_ADVERBS}$", re.IGNORECASE
)
_OF_WHOLE = re.compile(
    r"^\s+of\s+(?:(?:its|their|the|his|her|our|that|this)\s+)?"
    r"(?:(?:former|original|previous|once-vast|vast|self-declared|declared|peak|pre-war|"
    r"erstwhile|remaining|entire|whole|total)\s+)?(?P<noun>[a-z][a-z-]+)"
    r"(?:\s+(?:it|they|he|she)\s+(?:once\s+|had\s+|formerly\s+)?(?:held|controlled|ruled|"
    r"had|owned|occupied))?",
    re.IGNORECASE,
)
# Between the share phrase and the amount: "and is holding on to", ", leaving it with".
_KEEP_GAP = re.compile(
    rf"^\s*(?:,|;|—|-)?\s*(?:and|but|while|with|leaving)?\s*"
    rf"(?:(?:it|them|the\s+group|the\s+\w+)\s+)?{_ADVERBS}"
    rf"(?:(?P<keep>{_KEEP})|(?P<leaving>with))?\s*{_ADVERBS}(?:to\s+)?$",
    re.IGNORECASE,
)
_LEAVING_GAP = re.compile(
    rf"^\s*,?\s*leaving\s+(?:(?:it|them|the\s+\w+)\s+)?(?:with\s+)?{_ADVERBS}$", re.IGNORECASE
)
_APPOSITION_GAP = re.compile(
    r"^\s*(?:(?:,|\(|—|-)\s*(?:or|some|about|around|roughly|nearly|almost|approximately|"
    r"equivalent\s+to|amounting\s+to|totall?ing|just|only|a\s+mere)?|or)\s*$",
    re.IGNORECASE,
)
# Amount first: "controls under 50 km², just 1% of the land it once held".
_SHARE_AFTER_AMOUNT = re.compile(
    r"^\s*(?:,|\(|—|-)\s*(?:or\s+)?(?:just|only|a\s+mere|barely|about|some|less\s+than|"
    r"under)?\s*$",
    re.IGNORECASE,
)
_PARTS = frozenset({Dimension.PERCENT})
_AMOUNTS = frozenset(
    {Dimension.AREA, Dimension.COUNT, Dimension.MONEY, Dimension.LENGTH, Dimension.VOLUME,
     Dimension.MASS}
)  # fmt: skip


def _role(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    return "lost" if match.group("loss") else "kept"


def _shares_in_sentence(text: str, sentence: Sentence, inside: list[Quantity]) -> list[Share]:
    shares = []
    ordered = sorted(inside, key=lambda q: q.span.start)
    for index, share in enumerate(ordered):
        if share.dimension not in _PARTS or not share.is_checkable or share.in_parentheses:
            continue
        whole = _OF_WHOLE.match(text[share.span.end : sentence.span.end])
        if whole is None:
            continue
        noun = whole.group("noun").lower()
        phrase_end = share.span.end + whole.end()
        head = text[max(sentence.span.start, share.span.start - 60) : share.span.start]
        role = _role(_VERB_BEFORE.search(head))
        found = None
        # The amount after the share phrase, in the same clause.
        for amount in ordered[index + 1 :]:
            if amount.span.start < phrase_end:
                continue
            gap = text[phrase_end : amount.span.start]
            if len(gap) > 60 or amount.dimension not in _AMOUNTS or not amount.is_checkable:
                break
            if amount.comparison is not None:
                break
            if role is not None and _APPOSITION_GAP.match(gap):
                found = (amount, role, "apposition")
            else:
                keep = _KEEP_GAP.match(gap)
                if role is not None and _LEAVING_GAP.match(gap):
                    found = (amount, "kept", gap.strip())
                elif role is not None and keep is not None and keep.group("keep"):
                    found = (amount, "kept", keep.group("keep"))
            break
        # The amount before it: "controls under 50 km², just 1 % of the land it once held".
        if found is None and role is None and index > 0:
            amount = ordered[index - 1]
            gap = text[amount.span.end : share.span.start]
            if (
                amount.dimension in _AMOUNTS
                and amount.is_checkable
                and amount.comparison is None
                and _SHARE_AFTER_AMOUNT.match(gap)
            ):
                lead = text[max(sentence.span.start, amount.span.start - 60) : amount.span.start]
                amount_role = _role(_VERB_BEFORE.search(lead))
                if amount_role is not None:
                    role = amount_role
                    found = (amount, amount_role, "apposition")
        if found is None or role is None:
            continue
        amount, amount_role, cue = found
        span = Span(min(share.span.start, amount.span.start), max(phrase_end, amount.span.end))
        shares.append(
            Share(
                span=span,
                share=share,
                amount=amount,
                role=role,
                amount_role=amount_role,
                noun=noun,
                cue=cue,
                sentence=sentence.index,
            )
        )
    return shares


def find_shares(text: str, sentences: list[Sentence], quantities: list[Quantity]) -> list[Share]:
    """Every percentage of a whole stated with an amount that fixes the whole."""
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    shares: list[Share] = []
    for sentence in sentences:
        inside = by_sentence.get(sentence.index, [])
        if any(q.dimension in _PARTS for q in inside):
            shares.extend(_shares_in_sentence(text, sentence, inside))
    return shares


def add_comparisons(text: str, claims: Claims) -> None:
    """Add size comparisons to ``claims.quantities`` (in text order) and find shares."""
    comparisons = find_comparisons(text, claims.sentences, claims.quantities)
    if comparisons:
        claims.quantities = sorted(
            claims.quantities + comparisons, key=lambda q: (q.span.start, q.span.end)
        )
    claims.shares = find_shares(text, claims.sentences, claims.quantities)
