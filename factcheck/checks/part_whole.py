"""part_whole: a part larger than the whole the text says it belongs to.

Anti-pattern::

    between 14,000 and 18,000 militants, including 20,000 foreign fighters
    120% of the 300 delegates

Parts and wholes come from the extractor as ``Relation`` claims ("X, including Y", "Y of the
X", "Y out of X"). Both figures are compared as the intervals their wording admits, so a part
is flagged only when its *smallest* admissible value exceeds the whole's *largest*: "as many as
3,000" of "between 14,000 and 18,000" passes, "20,000" of it does not. A percentage share of a
group ("share_of"), or a percentage part of a percentage, cannot exceed 100 %.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from factcheck.checks import register
from factcheck.claims import Bound, Claims, Dimension, Quantity, Relation
from factcheck.findings import Outcome
from factcheck.tolerance import (
    DEFAULT_HEDGE_SLACK,
    Interval,
    as_written,
    reach_beyond_written,
    written_ends,
    written_interval,
)


@register(
    "part_whole",
    defaults={
        "hedge_slack": DEFAULT_HEDGE_SLACK,
        "max_percent": 100.0,
        # Read a round figure at the finer precision its partner was written to (see
        # ``in_shared_precision``).
        "shared_precision": True,
    },
    codes=("part_exceeds_whole",),
)
def check_part_whole(claims: Claims, params: Mapping[str, Any]) -> Iterable[Outcome]:
    """A part cannot be larger than its whole, nor a share of a group more than 100 %."""
    slack = float(params.get("hedge_slack", DEFAULT_HEDGE_SLACK))
    max_percent = float(params.get("max_percent", 100.0))
    shared = bool(params.get("shared_precision", True))
    for relation in claims.relations:
        if relation.kind not in ("part_of", "share_of"):
            continue
        part, whole = relation.part, relation.whole
        if shared and relation.kind == "part_of":
            part, whole = in_shared_precision(part, whole), in_shared_precision(whole, part)
        part_iv = written_interval(part, slack)
        whole_iv = written_interval(whole, slack)
        if part_iv is None or whole_iv is None:
            continue
        if relation.kind == "share_of":
            share = _share_outcome(relation, part_iv, max_percent)
            if share is not None:
                yield share
            continue
        if relation.part.dimension is Dimension.PERCENT:
            # Percentages of one base ("40 %, including 12 %"): none can exceed 100 % either.
            over = _share_outcome(relation, part_iv, max_percent)
            if over is not None:
                yield over
                continue
        yield _part_outcome(relation, part_iv, whole_iv)


def _part_outcome(relation: Relation, part_iv: Interval, whole_iv: Interval) -> Outcome:
    part, whole = relation.part, relation.whole
    values = {
        "part": part.text,
        "whole": whole.text,
        "part_min": as_written(part_iv.low),
        "whole_max": as_written(whole_iv.high),
        "whole_low": as_written(_written_low(whole)),
        "cue": relation.cue,
    }
    evidence = {
        "part": part.text,
        "whole": whole.text,
        "part_low": part_iv.low,
        "part_high": part_iv.high,
        "whole_low": whole_iv.low,
        "whole_high": whole_iv.high,
        "tolerance": max(
            reach_beyond_written(part, part_iv), reach_beyond_written(whole, whole_iv)
        ),
        "cue": relation.cue,
    }
    if part_iv.low <= whole_iv.high:
        if part_iv.high <= whole_iv.low and whole.bound is Bound.RANGE:
            message = (
                f"{part.text} is within the lower bound of {values['whole_low']} ({whole.text})."
            )
        elif part_iv.high <= whole_iv.low:
            message = f"{part.text} is no more than {whole.text}."
        else:
            message = (
                f"{part.text} can be part of {whole.text}: its smallest value, "
                f"{values['part_min']}, does not exceed the whole's largest, {values['whole_max']}."
            )
        return Outcome(
            code="part_exceeds_whole",
            ok=True,
            span=part.span,
            related=[whole.span],
            message=message,
            evidence=evidence,
            values=values,
        )
    evidence["computed"] = part_iv.low - whole_iv.high
    return Outcome(
        code="part_exceeds_whole",
        ok=False,
        span=part.span,
        related=[whole.span],
        message=(
            f"{part.text} cannot be part of {whole.text}: even its smallest value, "
            f"{values['part_min']}, exceeds the largest the whole allows, {values['whole_max']}."
        ),
        evidence=evidence,
        values=values,
        suggestion=(
            f"Check both figures: the part ({part.text}) or the whole ({whole.text}) may be "
            "mistyped, or the part may not belong to this whole."
        ),
    )


def _share_outcome(relation: Relation, part_iv: Interval, max_percent: float) -> Outcome | None:
    part, whole = relation.part, relation.whole
    values = {
        "part": part.text,
        "whole": whole.text,
        "part_min": as_written(part_iv.low),
        "whole_max": as_written(max_percent),
        "cue": relation.cue,
    }
    evidence = {
        "part": part.text,
        "whole": whole.text,
        "part_low": part_iv.low,
        "part_high": part_iv.high,
        "whole_high": max_percent,
        "tolerance": reach_beyond_written(part, part_iv),
        "cue": relation.cue,
    }
    if part_iv.low <= max_percent:
        if relation.kind != "share_of":
            return None  # the part/whole comparison reports this one
        return Outcome(
            code="part_exceeds_whole",
            ok=True,
            span=part.span,
            related=[whole.span],
            message=(
                f"{part.text} of {whole.text} is a share of at most {as_written(max_percent)} %."
            ),
            evidence=evidence,
            values=values,
        )
    evidence["computed"] = part_iv.low - max_percent
    return Outcome(
        code="part_exceeds_whole",
        ok=False,
        span=part.span,
        related=[whole.span],
        message=(
            f"{part.text} of {whole.text} is more than all of it: a share cannot exceed "
            f"{as_written(max_percent)} %."
        ),
        evidence=evidence,
        values=values,
        suggestion=(
            f"Check {part.text}: a share of a group is at most {as_written(max_percent)} %; if it "
            "compares with something else (a target, an earlier level), say so."
        ),
    )


def in_shared_precision(q: Quantity, partner: Quantity | None = None) -> Quantity:
    """``q`` read to its partner's finer precision, when ``q`` is a multiple of it.

    The extractor reads a round figure coarsely ("20,000" to the ten thousand). Written in one
    breath with "between 14,000 and 18,000", it is written to the thousand like them: the
    context says so (DESIGN §3). Only the precision changes; tolerance.py still does all the
    reading.
    """
    if partner is None or not q.precision or not partner.precision:
        return q
    fine = partner.precision
    if fine >= q.precision:
        return q
    ends = [x for x in written_ends(q) if x is not None]
    if not ends or any(abs(x / fine - round(x / fine)) > 1e-9 for x in ends):
        return q
    return replace(q, precision=fine)


def _written_low(q: Quantity) -> float | None:
    if q.low is not None:
        return min(q.low, q.high) if q.high is not None else q.low
    return q.value
