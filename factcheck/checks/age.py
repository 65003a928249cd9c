"""Check kind ``age``: ages and elapsed years must fit the dates written for them.

Anti-patterns (published 2019-02-12)::

    Smith (born 1978) ... the 45-year-old said.          (birth_year: 40 or 41)
    The club was founded 25 years ago, in 1990.           (years_ago: 29 years)
    The festival marks its 50th anniversary (founded 1974), published 2019.    (45th)

Passes: "the 40-year-old" born in 1978 (published 2019-02-12: 40 or 41), "born on 12 March
1978" and 40 on 2019-02-12 (computed to the day), "founded in 1974 ... 50th anniversary" in
2024, "Vanderbilt, born in 1924, died on Monday at the age of 95" (published 2019-06-20).

Reads ``Claims.ages``. An age in years is compared with the ages the birth period allows on
the reference day: a year-only birth allows two ages, a full birth date one. Elapsed years
("years ago", "Nth anniversary") are compared as the difference of the year numbers, allowing
``years_ago_slack`` (1) either side, and round figures ("30 years ago") their rounding. The
reference day is the publication date, or any other date written in the same sentence (an age
told "in 2010", a death "on Monday"); the age is flagged only if no reference fits. An age at
death ("died aged 95", "He was 95." after a death) may also be told as of any day in the
``death_window_days`` (31) before publication: news of a death comes days after it, and a
birthday may fall in between. With no publication date nothing is checked.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.checks import register
from factcheck.checks._arith import elapsed_years, interval, possible_ages
from factcheck.claims import Age, Claims, DateClaim, Granularity
from factcheck.findings import Outcome
from factcheck.tolerance import DEFAULT_HEDGE_SLACK, DEFAULT_ROUND_SLACK, Interval, show

_ELAPSED_CUES = ("years ago", "years since", "anniversary")
_DEATH_CUES = ("died", "was")  # ages at death: "died aged 95", "Hagan ... was 66."


@register(
    "age",
    defaults={
        "years_ago_slack": 1,
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "max_age": 130,
        "death_window_days": 31,
    },
    codes=("birth_year", "years_ago"),
)
def check_age(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A stated age must be one the birth date allows on the publication date (or on a date
    the sentence gives); "N years ago" and "Nth anniversary" must fit the year they count
    from."""
    if claims.published is None:
        return
    for age in claims.ages:
        try:
            outcome = _judge(age, claims, params)
        except (ArithmeticError, ValueError, TypeError, OverflowError):
            continue
        if outcome is not None:
            yield outcome


def _period(claim: DateClaim) -> tuple[dt.date, dt.date] | None:
    if claim.date is None:
        return None
    return claim.date, claim.end_date or claim.date


def _references(
    age: Age, claims: Claims, death_window_days: int = 0
) -> list[tuple[dt.date, dt.date, str]]:
    """The days an age may be told as of: the publication date first, for an age at death the
    days before it, then other dates the same sentence writes (never the birth date itself,
    nor a date inside the age phrase)."""
    assert claims.published is not None
    published = claims.published
    found = [(published, published, published.isoformat())]
    if age.cue in _DEATH_CUES and death_window_days > 0:
        first = published - dt.timedelta(days=death_window_days)
        found.append((first, published, f"the {death_window_days} days before {published}"))
    birth = age.birth
    for claim in claims.dates:
        if claim.sentence != age.sentence or claim is birth or claim.date is None:
            continue
        if birth is not None and claim.span.overlaps(birth.span):
            continue
        if age.span.overlaps(claim.span) or (age.age and age.age.span.overlaps(claim.span)):
            continue
        period = _period(claim)
        if period is not None:
            found.append((period[0], period[1], claim.text.strip()))
    return found


def _judge(age: Age, claims: Claims, params: Mapping[str, Any]) -> Outcome | None:
    if age.age is None or age.birth is None:
        return None
    birth = _period(age.birth)
    if birth is None:
        return None
    hedge_slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    stated = interval(age.age, hedge_slack, DEFAULT_ROUND_SLACK)
    if stated is None:
        return None
    elapsed = age.cue in _ELAPSED_CUES
    if elapsed:
        slack = float(params.get("years_ago_slack", 1))
        stated = stated.widen(slack)
    elif age.age.value is not None and age.age.value > float(params.get("max_age", 130)):
        return None
    window = int(params.get("death_window_days", 31))
    references = _references(age, claims, window)
    computed: list[tuple[Interval, str]] = []
    for first, last, label in references:
        if elapsed:
            possible = elapsed_years(birth[0], birth[1], first, last)
        else:
            lo, hi = possible_ages(birth[0], birth[1], first, last)
            possible = Interval(lo, hi)
        if possible.overlaps(stated):
            return _verified(age, possible, label, elapsed)
        computed.append((possible, label))
    return _mismatch(age, computed[0][0], computed[0][1], stated, elapsed, claims)


def _ages_text(iv: Interval) -> str:
    low, high = int(iv.low), int(iv.high)
    if low == high:
        return str(low)
    if high == low + 1:
        return f"{low} or {high}"
    return f"{low} to {high}"


def _birth_text(age: Age) -> str:
    birth = age.birth
    assert birth is not None
    if birth.granularity is Granularity.YEAR or birth.date is None:
        return str(birth.date.year if birth.date else birth.text)
    return birth.text.strip()


def _code(elapsed: bool) -> str:
    return "years_ago" if elapsed else "birth_year"


def _evidence(
    age: Age, possible: Interval, label: str, stated: Interval | None, elapsed: bool
) -> dict[str, Any]:
    assert age.age is not None and age.birth is not None
    written = age.age.value
    evidence: dict[str, Any] = {
        "computed": list(range(int(possible.low), int(possible.high) + 1))
        if possible.high - possible.low < 5
        else [possible.low, possible.high],
        "written": int(written) if written is not None and written == int(written) else written,
        "tolerance": 0
        if stated is None or written is None
        else round(max(abs(x - written) for x in (stated.low, stated.high) if math.isfinite(x)), 6),
        "birth": age.birth.date.isoformat() if age.birth.date else None,
        "birth_granularity": str(age.birth.granularity),
        "reference": label,
        "cue": age.cue,
    }
    if age.subject:
        evidence["subject"] = age.subject
    return evidence


def _values(age: Age, possible: Interval, label: str) -> dict[str, Any]:
    assert age.age is not None
    return {
        "written": age.age.text.strip(),
        "age": show(age.age.value),
        "computed": _ages_text(possible),
        "birth": _birth_text(age),
        "reference": label,
        "subject": age.subject or "",
    }


def _verified(age: Age, possible: Interval, label: str, elapsed: bool) -> Outcome:
    values = _values(age, possible, label)
    if elapsed:
        message = (
            f"{values['birth']} was {values['computed']} years before {label}, "
            f"consistent with '{values['written']}'"
        )
    else:
        message = (
            f"born {values['birth']}, the age on {label} is {values['computed']}, "
            f"consistent with '{values['written']}'"
        )
    return Outcome(
        code=_code(elapsed),
        ok=True,
        span=age.span,
        message=message,
        related=_related(age),
        evidence=_evidence(age, possible, label, None, elapsed),
        values=values,
    )


def _related(age: Age) -> list:
    spans = []
    if age.birth is not None and not age.span.contains(age.birth.span):
        spans.append(age.birth.span)
    if age.age is not None and not age.span.contains(age.age.span):
        spans.append(age.age.span)
    return spans


def _mismatch(
    age: Age, possible: Interval, label: str, stated: Interval, elapsed: bool, claims: Claims
) -> Outcome:
    assert age.age is not None and age.birth is not None and claims.published is not None
    values = _values(age, possible, label)
    n = int(age.age.value or 0)
    year = claims.published.year
    if elapsed:
        if age.cue == "anniversary":
            message = (
                f"'{values['written']}' does not fit {values['birth']}: {label} falls "
                f"{values['computed']} years after {values['birth']}."
            )
        else:
            message = (
                f"'{values['written']}' does not fit {values['birth']}: "
                f"{values['birth']} was {values['computed']} years before {label}."
            )
        suggestion = (
            f"Either the number ({n}) or the year ({values['birth']}) is wrong: "
            f"{values['birth']} was {values['computed']} years before {year}, and "
            f"{n} years before {year} is {year - n}."
        )
    else:
        who = f"{age.subject} " if age.subject else ""
        message = (
            f"'{values['written']}' does not fit a birth in {values['birth']}: "
            f"{who}would be {values['computed']} on {label}."
        )
        suggestion = (
            f"Either the age ({n}) or the birth date ({values['birth']}) is wrong: "
            f"born {values['birth']}, the age on {label} is {values['computed']}; "
            f"aged {n}, the birth year would be {year - n - 1} or {year - n}."
        )
    return Outcome(
        code=_code(elapsed),
        ok=False,
        span=age.span,
        message=message,
        related=_related(age),
        evidence=_evidence(age, possible, label, stated, elapsed),
        values=values,
        suggestion=suggestion,
    )
