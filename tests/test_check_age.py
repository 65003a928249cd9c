"""age: stated ages and elapsed years against birth/founding dates and the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rule_examples import rule_example_spans

from factcheck.checks import get
from factcheck.checks._arith import completed_years, possible_ages
from factcheck.checks.age import check_age
from factcheck.claims import Age, Bound, Claims, DateClaim, Dimension, Granularity, Quantity
from factcheck.document import Span
from factcheck.rules import load_file

RULES = Path(__file__).resolve().parent.parent / "rules" / "age.yaml"
PARAMS = dict(get("age").defaults)
PUBLISHED = dt.date(2019, 2, 12)


def years(
    value: float,
    precision: float = 1.0,
    bound: Bound = Bound.EXACT,
    hedge: str | None = None,
    text: str | None = None,
) -> Quantity:
    text = text or f"{value:g}-year-old"
    return Quantity(
        span=Span(40, 40 + len(text)),
        text=text,
        value=value,
        unit="year",
        dimension=Dimension.DURATION,
        precision=precision,
        bound=bound,
        hedge=hedge,
    )


def year(y: int, at: int = 10) -> DateClaim:
    return DateClaim(
        span=Span(at, at + 4),
        text=str(y),
        date=dt.date(y, 1, 1),
        end_date=dt.date(y, 12, 31),
        granularity=Granularity.YEAR,
        year_written=True,
    )


def day(d: dt.date, at: int = 10, text: str = "a day") -> DateClaim:
    return DateClaim(
        span=Span(at, at + len(text)), text=text, date=d, end_date=d, granularity=Granularity.DAY
    )


def age(quantity: Quantity, birth: DateClaim, cue: str = "year-old") -> Age:
    return Age(span=quantity.span, age=quantity, birth=birth, cue=cue, subject="Smith")


def run(*ages: Age, published: dt.date | None = PUBLISHED, dates=(), **params) -> list:
    claims = Claims(published=published, ages=list(ages), dates=list(dates))
    return list(check_age(claims, {**PARAMS, **params}))


def one(*ages: Age, **kwargs):
    (outcome,) = run(*ages, **kwargs)
    return outcome


def test_age_that_the_birth_year_contradicts():
    outcome = one(age(years(45), year(1978)))
    assert not outcome.ok and outcome.code == "birth_year"
    assert outcome.evidence["computed"] == [40, 41]
    assert outcome.evidence["written"] == 45 and outcome.evidence["tolerance"] == 0.5
    assert outcome.evidence["reference"] == "2019-02-12"
    assert "40 or 41" in outcome.message
    assert "1973 or 1974" in outcome.suggestion and "age (45)" in outcome.suggestion


@pytest.mark.parametrize("stated", [40, 41])
def test_both_ages_a_birth_year_allows_pass(stated):
    assert one(age(years(stated), year(1978))).ok


def test_full_birth_date_is_exact():
    born = day(dt.date(1978, 3, 12), text="12 March 1978")
    assert one(age(years(40), born)).ok
    assert not one(age(years(41), born)).ok
    assert not one(age(years(40), day(dt.date(1978, 2, 1), text="1 February 1978"))).ok


def test_another_date_in_the_sentence_may_be_the_reference():
    in_2010 = DateClaim(
        span=Span(0, 7),
        text="in 2010",
        date=dt.date(2010, 1, 1),
        end_date=dt.date(2010, 12, 31),
        granularity=Granularity.YEAR,
    )
    assert one(age(years(45), year(1965)), dates=[in_2010]).ok
    assert not one(age(years(45), year(1965))).ok  # in 2019 they are 53 or 54


def test_death_on_a_day_before_publication():
    monday = day(dt.date(2019, 6, 17), at=0, text="Monday")
    died = age(years(95, text="died on Monday at the age of 95"), year(1924), cue="died")
    assert one(died, published=dt.date(2019, 6, 20), dates=[monday]).ok


@pytest.mark.parametrize("cue", ["was", "died"])
def test_age_at_death_may_be_told_as_of_the_days_before_publication(cue):
    # Born 20 October 1953, 66 on publication (29 October 2019); a death ten days earlier
    # ("Hagan ... died. She was 65.") was at 65, and the article need not date it.
    born = day(dt.date(1953, 10, 20), text="October 20, 1953")
    published = dt.date(2019, 10, 29)
    assert one(age(years(65, text="was 65"), born, cue=cue), published=published).ok
    outcome = one(age(years(64, text="was 64"), born, cue=cue), published=published)
    assert not outcome.ok and outcome.evidence["computed"] == [66]
    assert not run(age(years(65), born, cue=cue), published=published, death_window_days=0)[0].ok


def test_a_living_persons_age_has_no_death_window():
    born = day(dt.date(1953, 10, 20), text="October 20, 1953")
    assert not one(age(years(65), born, cue="year-old"), published=dt.date(2019, 10, 29)).ok


def test_no_publication_date_no_outcome():
    assert run(age(years(45), year(1978)), published=None) == []


def test_years_ago():
    founded = age(years(25, text="25 years ago"), year(1990), cue="years ago")
    outcome = one(founded)
    assert not outcome.ok and outcome.code == "years_ago"
    assert outcome.evidence["computed"] == [29]
    assert "1994" in outcome.suggestion
    for stated in (28, 29, 30):
        assert one(
            age(years(stated, text=f"{stated} years ago"), year(1990), cue="years ago")
        ).ok, stated
    assert run(founded, years_ago_slack=5)[0].ok


def test_hedged_and_round_years_ago():
    more = years(25, bound=Bound.MORE_THAN, hedge="more than", text="more than 25 years ago")
    assert one(age(more, year(1990), cue="years ago")).ok
    nearly = years(25, bound=Bound.APPROX, hedge="nearly", text="nearly 25 years ago")
    assert not one(age(nearly, year(1990), cue="years ago")).ok
    thirty = years(30, precision=10, text="30 years ago")
    assert one(age(thirty, year(1992), cue="years ago")).ok  # 27 years: a round figure


def test_anniversaries():
    published = dt.date(2024, 5, 1)
    fiftieth = years(50, text="50th anniversary")
    assert one(age(fiftieth, year(1974), cue="anniversary"), published=published).ok
    outcome = one(age(fiftieth, year(1970), cue="anniversary"), published=published)
    assert not outcome.ok and outcome.code == "years_ago"
    next_year = DateClaim(
        span=Span(0, 9),
        text="next year",
        date=dt.date(2025, 1, 1),
        end_date=dt.date(2025, 12, 31),
        granularity=Granularity.YEAR,
    )
    assert one(
        age(fiftieth, year(1973), cue="anniversary"),
        published=dt.date(2022, 5, 1),
        dates=[next_year],
    ).ok


def test_ages_beyond_max_age_are_not_checked():
    assert run(age(years(150), year(1978))) == []


def test_age_arithmetic():
    assert completed_years(dt.date(1978, 3, 12), dt.date(2019, 3, 11)) == 40
    assert completed_years(dt.date(1978, 3, 12), dt.date(2019, 3, 12)) == 41
    assert possible_ages(dt.date(1978, 1, 1), dt.date(1978, 12, 31), PUBLISHED, PUBLISHED) == (
        40,
        41,
    )


def test_rule_file_loads_cleanly():
    rules, problems = load_file(RULES)
    assert problems == []
    assert [r.id for r in rules] == ["age-birth-year", "age-years-ago"]
    assert all(e.published for r in rules for e in r.flag_examples)


def test_rule_examples_end_to_end():
    for rule_id, text, expected, found in rule_example_spans(RULES):
        assert found == expected, (rule_id, text)
