"""Currency conversions: the offline ECB rate table and the conversion check on money pairs."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import checks, rates
from factcheck.checks.conversion import check_conversions, format_money
from factcheck.claims import Bound, Claims, Dimension, Pair, Quantity
from factcheck.document import Span
from factcheck.load import load_string
from factcheck.pipeline import check_document
from factcheck.rules import load_file

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "currency.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"


def money(
    text: str,
    value: float | None,
    currency: str | None,
    precision: float | None,
    *,
    start: int = 0,
    bound: Bound = Bound.EXACT,
    hedge: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Quantity:
    return Quantity(
        span=Span(start, start + len(text)),
        text=text,
        value=value,
        dimension=Dimension.MONEY,
        currency=currency,
        precision=precision,
        bound=bound,
        hedge=hedge,
        low=low,
        high=high,
    )


def pair(first: Quantity, second: Quantity) -> Pair:
    second.span = Span(first.span.end + 2, first.span.end + 2 + len(second.text))
    return Pair(first=first, second=second, kind="conversion")


def run(published: dt.date | None, *pairs: Pair, **params) -> list:
    merged = dict(checks.get("conversion").defaults)
    merged["dimensions"] = ["money"]
    merged.update(params)
    claims = Claims(published=published, pairs=list(pairs))
    return [o for o in check_conversions(claims, merged) if o.code == "currency_mismatch"]


JAN_2005 = dt.date(2005, 1, 17)  # a Monday; $1 bought about £0.537


# --------------------------------------------------------------------------- the rate table


def test_rates_come_from_the_bundled_file_not_the_network():
    from currency_converter.currency_converter import CURRENCY_FILE

    assert Path(CURRENCY_FILE).is_file()
    assert Path(CURRENCY_FILE).name == "eurofxref-hist.zip"
    converter = rates._converter()
    assert converter is not None and "GBP" in converter.currencies


def test_a_weekend_takes_the_previous_business_day():
    saturday = dt.date(2005, 1, 15)
    rate = rates.rate_on("USD", "GBP", saturday)
    assert rate is not None
    assert rate.day == dt.date(2005, 1, 14) and rate.requested == saturday
    friday = rates.rate_on("USD", "GBP", dt.date(2005, 1, 14))
    assert friday is not None and friday.rate == pytest.approx(rate.rate)
    # sterling bought between 1.8 and 1.9 dollars that week
    assert 1 / 1.9 < rate.rate < 1 / 1.8


def test_cross_rates_and_the_euro_itself():
    usd_gbp = rates.rate_on("USD", "GBP", JAN_2005)
    usd_eur = rates.rate_on("USD", "EUR", JAN_2005)
    eur_gbp = rates.rate_on("EUR", "GBP", JAN_2005)
    assert None not in (usd_gbp, usd_eur, eur_gbp)
    assert usd_gbp.rate == pytest.approx(usd_eur.rate * eur_gbp.rate)


def test_no_rate_is_ever_guessed():
    assert rates.rate_on("USD", "GBP", dt.date(1998, 6, 1)) is None  # before the table
    assert rates.rate_on("ARS", "GBP", JAN_2005) is None  # a currency the ECB does not fix
    assert rates.rate_range("USD", "GBP", dt.date(2005, 2, 1), dt.date(2005, 1, 1)) is None
    assert not rates.known(None) and not rates.known("XYZ")


def test_rate_range_spans_the_window():
    span = rates.rate_range("GBP", "USD", dt.date(2004, 1, 1), dt.date(2005, 12, 31))
    assert span is not None
    assert 1.65 < span.low < 1.75 and 1.9 < span.high < 2.0
    assert span.low_day.year in (2004, 2005) and span.high_day.year in (2004, 2005)
    one_day = rates.rate_on("GBP", "USD", dt.date(2004, 6, 1))
    assert span.low <= one_day.rate <= span.high


# --------------------------------------------------------------------------- the check


def test_a_euro_figure_written_as_pounds_is_flagged_with_the_evidence():
    (outcome,) = run(
        JAN_2005, pair(money("$11bn", 11e9, "USD", 1e9), money("£8.5bn", 8.5e9, "GBP", 1e8))
    )
    assert not outcome.ok
    evidence = outcome.evidence
    assert evidence["rate_date"] == "2005-01-17"
    assert evidence["rate"] == pytest.approx(rates.rate_on("USD", "GBP", JAN_2005).rate, rel=1e-4)
    assert evidence["computed"] == pytest.approx(11e9 * evidence["rate"], rel=1e-3)
    assert evidence["written"] == 8.5e9
    assert evidence["rate_tolerance"] == pytest.approx(0.03)
    assert "fits_instead" in evidence and "€" in evidence["fits_instead"][0]
    assert "2005-01-17" in outcome.message and "£5.91bn" in outcome.message
    assert "euros" in outcome.suggestion


def test_a_right_conversion_passes_and_says_so():
    (outcome,) = run(
        JAN_2005, pair(money("$11bn", 11e9, "USD", 1e9), money("£5.9bn", 5.9e9, "GBP", 1e8))
    )
    assert outcome.ok and "consistent" in outcome.message


@pytest.mark.parametrize(
    ("written", "ok"),
    [
        (5.9e9, True),  # the day's rate
        (6.05e9, True),  # 2.4 % off: a commercial or rounded rate
        (6.3e9, False),  # 6.6 % off: a wrong rate
        (5.5e9, False),
    ],
)
def test_the_rate_may_be_three_percent_off(written, ok):
    target = money(f"£{written / 1e9:g}bn", written, "GBP", 1e7)
    (outcome,) = run(JAN_2005, pair(money("$11.0bn", 11e9, "USD", 1e8), target))
    assert outcome.ok is ok


def test_the_rounding_of_both_figures_is_allowed():
    # $1.13bn is 1.125..1.135bn; at 0.537 that is £604m..£610m, and "£600m" is a round
    # figure (about 540..660m): consistent although 1.13bn x 0.537 is 607m.
    source = money("$1.13bn", 1.13e9, "USD", 1e7)
    (outcome,) = run(JAN_2005, pair(source, money("£600m", 6e8, "GBP", 1e8)))
    assert outcome.ok
    # a figure written to the million admits nothing like that slack
    (outcome,) = run(JAN_2005, pair(source, money("£650.0m", 6.5e8, "GBP", 1e5)))
    assert not outcome.ok


def test_bounds_on_both_figures_compare_the_figures():
    source = money("more than $100", 100, "USD", 10, bound=Bound.MORE_THAN, hedge="more than")
    target = money("£53", 53, "GBP", 1, bound=Bound.MORE_THAN)
    (outcome,) = run(JAN_2005, pair(source, target))
    assert outcome.ok


def test_undated_text_uses_the_whole_table_unless_years_are_given():
    wrong = pair(money("$500m", 5e8, "USD", 1e6), money("£350m", 3.5e8, "GBP", 1e6))
    (lenient,) = run(None, wrong)
    assert lenient.ok  # sterling was worth $1.43 at times since 1999
    assert lenient.evidence["undated"] is True
    wrong = pair(money("$500m", 5e8, "USD", 1e6), money("£350m", 3.5e8, "GBP", 1e6))
    (strict,) = run(None, wrong, undated_years=[2004, 2005])
    assert not strict.ok
    assert strict.evidence["rate_date"] == ["2004-01-01", "2005-12-31"]
    low, high = strict.evidence["rate"]
    assert low < high
    assert "to" in strict.message
    # a source figure in euros explains it: €500m was about £350m
    assert "€500m" in strict.evidence["fits_instead"][0]
    assert "'$500m'" in strict.suggestion


def test_a_gross_error_is_flagged_even_undated():
    (outcome,) = run(None, pair(money("$100m", 1e8, "USD", 1e6), money("£9m", 9e6, "GBP", 1e6)))
    assert not outcome.ok


def test_a_year_window_the_table_does_not_cover_is_not_judged():
    # the ECB fixes the rupiah only from April 2005: it cannot say what 2004 allowed
    source = money("59.2tn rupiah", 59.2e12, "IDR", 1e11)
    target = money("$4bn", 4e9, "USD", 1e9)
    assert run(None, pair(source, target), undated_years=[2004, 2005]) == []
    assert run(None, pair(source, target), undated_years=[2010, 2011]) != []


def test_shared_currency_names_pass_under_any_reading():
    # "kroner" read as Danish; 100,000 Norwegian kroner were about £8,000 in January 2005
    source = money("100,000 kroner", 1e5, "DKK", 1e3)
    (outcome,) = run(JAN_2005, pair(source, money("£8,000", 8000, "GBP", 1000)))
    assert outcome.ok and outcome.evidence["reading"] == "NOK->GBP"
    # "pesos" may be Argentine, which the ECB does not fix: no verdict at all
    june_2019 = dt.date(2019, 6, 3)
    source = money("400m pesos", 4e8, "MXN", 1e8)
    target = money("$136m", 1.36e8, "USD", 1e6)
    assert run(june_2019, pair(source, target)) == []
    # with the readings switched off the Mexican reading alone is judged (19.4 to the dollar)
    outcome = run(june_2019, pair(source, target), currency_readings={})
    assert len(outcome) == 1 and not outcome[0].ok


def test_money_is_not_checked_unless_the_rule_asks():
    pairs = [pair(money("$5m", 5e6, "USD", 1e6), money("£3m", 3e6, "GBP", 1e6))]
    claims = Claims(published=JAN_2005, pairs=pairs)
    assert list(check_conversions(claims, checks.get("conversion").defaults)) == []


def test_pairs_that_are_not_currency_conversions_are_skipped():
    same = pair(money("$5m", 5e6, "USD", 1e6), money("$3m", 3e6, "USD", 1e6))
    unknown = pair(money("$5m", 5e6, "USD", 1e6), money("5m dinars", 5e6, "XXX", 1e6))
    no_code = pair(money("$5m", 5e6, "USD", 1e6), money("5m", 5e6, None, 1e6))
    vague = pair(
        money("millions of dollars", None, "USD", None, bound=Bound.VAGUE),
        money("£3m", 3e6, "GBP", 1e6),
    )
    assert run(JAN_2005, same, unknown, no_code, vague) == []


def test_money_formatting():
    assert format_money(5.91066e9, "GBP") == "£5.91bn"
    assert format_money(268_666_412, "GBP") == "£269m"
    assert format_money(307_276, "GBP") == "£307,000"
    assert format_money(53, "GBP") == "£53"
    assert format_money(1.5e12, "USD") == "$1.5tn"
    assert format_money(2_000, "CHF") == "CHF 2,000"


@settings(deadline=None)
@given(
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    st.sampled_from(["USD", "GBP", "EUR", "JPY", "XYZ", "", None]),
    st.sampled_from(list(Bound)),
    st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))),
    st.sampled_from([None, [2004, 2005], "2004", [2005, 2004], ["x", 2], 7, [0, 99999]]),
)
def test_bad_input_never_raises(first_value, second_value, code, bound, published, years):
    first = money("first", first_value, code, 1.0, bound=bound)
    second = money("second", second_value, "GBP" if code != "GBP" else "USD", None)
    for outcome in run(published, pair(first, second), undated_years=years):
        assert outcome.code == "currency_mismatch"


# --------------------------------------------------------------------------- rules, end to end


def _flagged_spans(text: str, published: str | None, rule) -> list[tuple[int, int]]:
    date = dt.date.fromisoformat(published) if published else None
    result = check_document(load_string(text, published=date), [rule])
    return sorted((f.span.start, f.span.end) for f in result.findings)


def test_rule_file_loads_and_its_examples_behave_through_the_pipeline():
    rules, problems = load_file(RULES)
    assert problems == []
    (rule,) = rules
    assert rule.id == "currency-mismatch" and rule.codes == ("currency_mismatch",)
    assert len(rule.flag_examples) >= 4 and len(rule.pass_examples) >= 4
    for example in rule.flag_examples:
        assert _flagged_spans(example.text, example.published, rule) == sorted(
            example.flag_spans
        ), example.text
    for example in rule.pass_examples:
        assert _flagged_spans(example.text, example.published, rule) == [], example.text


@pytest.mark.skipif(not (CORPUS / "news-dev.jsonl").is_file(), reason="dev corpus not present")
def test_the_annotated_corpus_errors_are_flagged_and_nothing_else():
    """The four real errors of the dev corpus (BBC, 2004-2005, undated) are found with the
    corpus's years, and none of the other currency pairs of those articles is flagged."""
    rules, _ = load_file(RULES)
    (rule,) = rules
    rule.params = dict(rule.params, undated_years=[2004, 2005])
    errors = {
        json.loads(line)["id"]
        for line in (CORPUS / "news-dev-annotations.jsonl").read_text("utf-8").splitlines()
        if line.strip() and json.loads(line)["check"] == "currency_conversion"
    }
    assert len(errors) == 4
    pair_pattern = re.compile(r"[$£€]\s?\d[\d,.]*\s*(?:bn|m|billion|million)?\s*\([$£€]")
    flagged: set[str] = set()
    checked = 0
    with (CORPUS / "news-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if not article["id"].startswith("bbc-") or not pair_pattern.search(article["text"]):
                continue
            result = check_document(load_string(article["text"], doc_id=article["id"]), [rule])
            checked += len(result.verified) + len(result.findings)
            if result.findings:
                flagged.add(article["id"])
    assert flagged == errors
    assert checked >= 60
