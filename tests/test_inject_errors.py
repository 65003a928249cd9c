"""Tests of the error injector's edit functions (eval/inject_errors.py), and of the review
and annotation scripts' own logic (eval/review_findings.py, eval/annotations_check.py).

Every sentence here is written for these tests. The injector must find a site where a precise
edit makes one error, make exactly that error, and make a control edit that stays consistent;
the tests check the edits themselves (the arithmetic and the calendar), not factcheck's
findings. The part that reads the dev corpus skips when ../shared is absent.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

import annotations_check as ac  # noqa: E402
import inject_errors as ie  # noqa: E402
import review_findings as rf  # noqa: E402
from common import DEFAULT_CORPUS, Article  # noqa: E402


def article(text: str, published: str | None = "2019-06-03", doc: str = "t") -> Article:
    date = dt.date.fromisoformat(published) if published else None
    return Article(id=doc, text=text, published=date)


def rng(seed: int = 7) -> random.Random:
    return random.Random(seed)


def edited(art: Article, edit: ie.Edit) -> tuple[str, str]:
    """The edited text and the edited span in it."""
    text = edit.apply(art.text)
    start, end = edit.region
    return text, text[start:end]


# ------------------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("text", "value", "decimals", "grouped"),
    [("1,051,635", 1051635, 0, True), ("8.5", 8.5, 1, False), ("2300", 2300, 0, False)],
)
def test_parse_number(text, value, decimals, grouped):
    written = ie.parse_number(text)
    assert (written.value, written.decimals, written.grouped) == (value, decimals, grouped)
    assert written.render(written.value) == text


@pytest.mark.parametrize(
    ("text", "precision"), [("18,000", 1000), ("48", 1), ("1.13", 0.01), ("100,000", 100000)]
)
def test_written_precision(text, precision):
    assert ie.written_precision(text) == pytest.approx(precision)


def test_number_words_round_trip():
    for n in (0, 7, 13, 20, 36, 99):
        assert ie.words_to_number(ie.number_to_words(n)) == n
    assert ie.number_to_words(36) == "thirty-six"
    with pytest.raises(ValueError):
        ie.number_to_words(100)


def test_scaled_figure_keeps_style_and_never_returns_the_original():
    assert ie.scaled_figure("1,100", 1.5) == "1,650"
    assert ie.scaled_figure("8.5", 2.0) == "17.0"
    assert ie.scaled_figure("2", 1.1) != "2"  # 2.2 would round back to 2


def test_above_whole_exceeds_the_rounding_of_a_round_whole():
    # "100,000" may be a rounding of anything up to 150,000: the part must exceed that too.
    assert ie.above_whole(100000, "100,000", 1.3) > 150000
    assert ie.above_whole(25, "25", 1.3) == 33


# ------------------------------------------------------------------------------ conversions


def test_conversion_error_raises_the_converted_figure_by_30_to_60_percent():
    art = article("The trail is 5 miles (8 km) long, rangers said.")
    [site] = ie.conversion_sites(art, rng())
    text, span = edited(art, site.error)
    new = float(re.search(r"\((\d+) km\)", text).group(1))
    assert 8 * 1.3 - 0.5 <= new <= 8 * 1.6 + 0.5
    assert text.startswith("The trail is 5 miles (") and span.endswith("km")


def test_conversion_control_converts_the_scaled_source_correctly():
    art = article("The pool is 12 feet (3.7 m) deep at one end.")
    [site] = ie.conversion_sites(art, rng())
    text, _ = edited(art, site.control)
    source, target = re.search(r"(\d+) feet \(([\d.]+) m\)", text).groups()
    assert int(source) == 24
    assert float(target) == pytest.approx(24 * 0.3048, abs=0.05)


def test_conversion_sites_skip_bounded_sources_and_same_units():
    bounded = article("The wreck lies at over 1400 feet (430 m) below the surface.")
    assert ie.conversion_sites(bounded, rng()) == []
    same_unit = article("The road is 5 km (5 km) long.")
    assert ie.conversion_sites(same_unit, rng()) == []


def test_conversion_control_is_dropped_when_the_brackets_hold_two_figures():
    art = article("The field covers 6.05 hectares (14.95 acres; 0.06 square km) in all.")
    [site] = ie.conversion_sites(art, rng())
    assert site.control is None


def test_temperature_difference_gets_no_absolute_control():
    art = article("The sea has warmed by 4C (7.2F) since records began.")
    [site] = ie.conversion_sites(art, rng())
    assert site.control is None


def test_currency_error_and_control():
    art = article("The firm overstated its accounts by $11bn (£5.9bn), it admitted.", None)
    [site] = ie.currency_sites(art, rng())
    assert site.form == "USD->GBP"
    text, _ = edited(art, site.error)
    new = float(re.search(r"£([\d.]+)bn", text).group(1))
    assert 5.9 * 1.3 - 0.05 <= new <= 5.9 * 1.6 + 0.05
    control, _ = edited(art, site.control)
    assert "$22bn (£11.8bn)" in control  # the same implied rate


def test_currency_pair_in_one_currency_is_not_a_site():
    art = article("Profit rose to $720 million ($563 million) in the half.", None)
    assert ie.currency_sites(art, rng()) == []


def test_currency_control_skipped_when_the_figure_is_in_a_change():
    art = article("Profit jumped 76% to $1.13bn (£600m) from $639m a year earlier.", None)
    [site] = ie.currency_sites(art, rng())
    assert site.control is None


# ------------------------------------------------------------------------------ weekdays


def test_weekday_error_changes_only_the_weekday():
    art = article("Talks resumed on Monday, January 7, officials said.", "2019-01-09")
    [site] = ie.weekday_sites(art, rng())
    assert site.form == "body"
    text, span = edited(art, site.error)
    weekday = span.split(",")[0]
    assert weekday != "Monday" and weekday in calendar.day_name
    assert span.endswith("January 7")


def test_weekday_control_is_another_correct_pair():
    art = article("Talks resumed on Monday, January 7, officials said.", "2019-01-09")
    [site] = ie.weekday_sites(art, rng())
    _, span = edited(art, site.control)
    weekday, month, day = re.fullmatch(r"(\w+), (\w+) (\d+)", span).groups()
    date = dt.date(2019, list(calendar.month_name).index(month), int(day))
    assert date != dt.date(2019, 1, 7)
    assert calendar.day_name[date.weekday()] == weekday


def test_dateline_control_rewrites_the_same_date():
    art = article("Friday, January 4, 2019\n\nA fire broke out overnight.", "2019-01-04")
    [site] = ie.weekday_sites(art, rng())
    assert site.form == "dateline"
    _, span = edited(art, site.control)
    assert span == "Friday, 4 January 2019"


def test_inconsistent_or_unresolvable_weekdays_are_not_sites():
    skipped: Counter[str] = Counter()
    wrong = article("Talks resumed on Tuesday, January 7, 2019, officials said.")
    assert ie.weekday_sites(wrong, rng(), skipped) == []
    no_date = article("The show airs on Monday 6 December, the BBC said.", None)
    assert ie.weekday_sites(no_date, rng(), skipped) == []
    assert sum(skipped.values()) == 2


def test_a_date_never_takes_its_year_from_the_next_line():
    art = article("Tuesday, 1 March\n\n1945 GMT\n\nKick-off is late.", None)
    assert ie.weekday_sites(art, rng()) == []


# ------------------------------------------------------------------------------ parts


def test_part_raised_above_whole_and_control_equal_to_whole():
    art = article("The council said 18 of its 25 pumping stations were working again.")
    [site] = [s for s in ie.part_whole_sites(art, rng()) if s.origin == "real"]
    _, span = edited(art, site.error)
    part = int(span.split()[0])
    assert part > 25
    _, control = edited(art, site.control)
    assert control.startswith("25 of its 25")


def test_part_in_words_stays_in_words():
    art = article("Three of the twelve access lanes were closed on the bridge.")
    [site] = [s for s in ie.part_whole_sites(art, rng()) if s.origin == "real"]
    _, span = edited(art, site.error)
    first = span.split()[0]
    assert first[0].isupper() and ie.words_to_number(first.lower()) > 12


def test_member_idioms_are_not_part_sites():
    for text in (
        "Ohio was one of six states that delayed the vote.",
        "All but two of the sixteen on board died in the crash.",
        "It was the hottest day of 2019 in the city.",
    ):
        sites = ie.part_whole_sites(article(text), rng())
        assert [s for s in sites if s.origin == "real"] == []


def test_including_site():
    art = article("The agency counted 1,200 residents, including 300 children, in the camp.")
    [site] = [s for s in ie.part_whole_sites(art, rng()) if s.form == "including"]
    _, span = edited(art, site.error)
    assert int(span.rsplit(" ", 1)[-1].replace(",", "")) > 1200


def _part_and_whole(sentence: str) -> tuple[int, int]:
    of = re.search(r"(\d+) of the (\d+)", sentence)
    if of:
        return int(of.group(1)), int(of.group(2))
    whole, part = re.search(r"counted (\d+) \w+, including (\d+)", sentence).groups()
    return int(part), int(whole)


def test_composed_part_sentence_follows_the_count():
    art = article("Rescuers searched 48 apartments on Tuesday. The fire was out by noon.")
    for seed in range(6):  # both templates
        [site] = [s for s in ie.part_whole_sites(art, rng(seed)) if s.origin == "composed"]
        text, inserted = edited(art, site.error)
        assert text.index("48 apartments on Tuesday.") < text.index(inserted)
        part, whole = _part_and_whole(inserted)
        assert whole == 48 and part > whole
        part, whole = _part_and_whole(edited(art, site.control)[1])
        assert whole == 48 and part < whole


# ------------------------------------------------------------------------------ changes


def _change_numbers(sentence: str) -> tuple[float, float, float]:
    percent = float(re.search(r"(\d+)(?:%| pct| percent)", sentence).group(1))
    a = re.search(r"from \D*([\d,.]+)", sentence).group(1)
    b = re.search(r"to \D*([\d,.]+)", sentence).group(1)
    return percent, float(a.replace(",", "")), float(b.replace(",", ""))


def test_composed_change_control_is_right_and_error_is_wrong():
    art = article("The dealer sold 4,817 cars last year, the company said. Sales were slow.")
    checked = 0
    for seed in range(40):
        site = ie._composed_change_site(art, random.Random(seed))
        _, good = edited(art, site.control)
        _, bad = edited(art, site.error)
        assert good != bad
        if site.form in ("doubled", "tripled"):
            factor = 2 if site.form == "doubled" else 3
            a, b = (float(x.replace(",", "")) for x in re.findall(r"[\d,]+", good)[:2])
            assert b / a == pytest.approx(factor, rel=0.01)
            assert ("tripled" if factor == 2 else "doubled") in bad
            continue
        percent, a, b = _change_numbers(good)
        assert abs(b / a - 1) * 100 == pytest.approx(percent, abs=0.5)
        wrong, _, _ = _change_numbers(bad)
        assert abs(wrong - percent) >= 10
        checked += 1
    assert checked > 10


def test_composed_change_avoids_round_figures():
    art = article("The charity raised $1,000 at the fair. It plans another.")
    assert ie._composed_change_site(art, rng()) is None


def test_real_change_site():
    art = article("Sales rose 50% from 200 to 300 in the year, the firm said.")
    [site] = [s for s in ie.percent_change_sites(art, rng()) if s.origin == "real"]
    _, span = edited(art, site.error)
    assert span.startswith("rose 75%")


# ------------------------------------------------------------------------------ ages


def test_real_birth_year_edit_and_control():
    art = article(
        "Smith was born in 1924 in Ohio. Smith died on Monday at the age of 95.", "2019-06-20"
    )
    [site] = [s for s in ie.age_sites(art, rng()) if s.origin == "real"]
    _, wrong = edited(art, site.error)
    assert 5 <= abs(int(wrong) - 1924) <= 12
    _, other = edited(art, site.control)
    assert other == "1923"  # 95 on 20 June 2019 also fits a birth in 1923


def test_real_birth_year_needs_a_fitting_age():
    art = article("Smith was born in 1924 in Ohio. He was a lawyer.", "2019-06-20")
    assert [s for s in ie.age_sites(art, rng()) if s.origin == "real"] == []


def test_composed_age_uses_the_articles_age_and_fits_in_the_control():
    art = article("A 45-year-old man was arrested, police said. He was released later.")
    [site] = [s for s in ie.age_sites(art, rng()) if s.origin == "composed"]
    assert site.form.startswith("real-age/")
    _, good = edited(art, site.control)
    _, bad = edited(art, site.error)
    good_year = int(re.search(r"born in (\d{4})", good, re.I).group(1))
    bad_year = int(re.search(r"born in (\d{4})", bad, re.I).group(1))
    assert "45-year-old" in good and 2019 - good_year - 45 in (0, 1)
    assert abs(bad_year - good_year) >= 5


def test_undated_articles_have_no_age_sites():
    art = article("A 45-year-old man was arrested, police said.", None)
    assert ie.age_sites(art, rng()) == []


# ------------------------------------------------------------------------------ ranges


def test_between_range_reversed_and_written_differently():
    art = article("Officials said between 36 and 40 people were trapped.")
    [site] = ie.range_sites(art, rng())
    _, span = edited(art, site.error)
    assert span == "between 40 and 36"
    control, _ = edited(art, site.control)
    assert "between thirty-six and 40 people" in control


def test_range_swaps_numbers_not_magnitudes():
    art = article("Rebuilding will cost between $5 and $7 billion, the bank said.")
    [site] = ie.range_sites(art, rng())
    text, _ = edited(art, site.error)
    assert "between $7 and $5 billion" in text


def test_year_spans_and_labels_are_not_ranges():
    for text in ("Sales grew between 2015 and 2017.", "There was a gap between 7 and 8)."):
        assert ie.range_sites(article(text), rng()) == []


def test_dash_range():
    art = article("Inflation stayed within the 2-3% target range.")
    [site] = ie.range_sites(art, rng())
    text, _ = edited(art, site.error)
    assert "3-2% target" in text
    control, _ = edited(art, site.control)
    assert "2 to 3% target" in control


# ------------------------------------------------------------------------------ past dates


def test_past_day_moved_after_publication_and_control_earlier():
    art = article("Voters went to the polls on March 3, 2018, officials said.", "2019-02-12")
    [site] = ie.past_event_sites(art, rng())
    _, moved = edited(art, site.error)
    _, earlier = edited(art, site.control)

    def parse(span: str) -> dt.date:
        return dt.datetime.strptime(span, "%B %d, %Y").date()

    assert parse(moved) > dt.date(2019, 2, 12)
    assert parse(earlier) < dt.date(2018, 3, 3)


def test_future_and_deadline_clauses_are_not_sites():
    for text in (
        "The vote will be held on March 3, 2018, officials said.",
        "The deadline stands at October 31, 2018.",
    ):
        assert ie.past_event_sites(article(text, "2019-02-12"), rng()) == []


def test_year_site_and_birth_years_get_no_control():
    art = article("He was elected in 2010. Smith was born in 1950 in Leeds.", "2019-02-12")
    sites = ie.past_event_sites(art, rng())
    by_year = {site.note.split(" ")[0]: site for site in sites}
    assert int(by_year["2010"].note.split()[-1]) > 2019
    assert by_year["2010"].control is not None
    assert by_year["1950"].control is None


# ------------------------------------------------------------------------------ machinery


def test_edit_region_and_insertion():
    text = "One. Two."
    edit = ie.insert_after_sentence(text, 0, "Added here.")
    new = edit.apply(text)
    assert new == "One. Added here. Two."
    start, end = edit.region
    assert new[start:end] == "Added here."


def test_overlaps_and_finding_touches():
    span = SimpleNamespace(start=10, end=20)
    related = SimpleNamespace(start=40, end=45)
    finding = SimpleNamespace(span=span, related=[(related, "x")])
    assert ie.finding_touches(finding, (19, 25))
    assert ie.finding_touches(finding, (44, 50))
    assert not ie.finding_touches(finding, (20, 40))


def test_new_findings_counts_repeats():
    def finding(rule, text):
        return SimpleNamespace(rule=rule, text=text)

    before = [finding("a", "x")]
    after = [finding("a", "x"), finding("a", "x"), finding("b", "y")]
    assert [(f.rule, f.text) for f in ie.new_findings(before, after)] == [("a", "x"), ("b", "y")]


def test_sample_sites_takes_every_form_before_repeating_one():
    def site(form):
        return ie.Site("weekday", "d", (0, 1), ie.Edit(0, 1, "x"), None, form)

    sites = [site("dateline") for _ in range(50)] + [site("body") for _ in range(3)]
    chosen = ie.sample_sites(sites, 10, random.Random(1))
    assert len(chosen) == 10 and sum(s.form == "body" for s in chosen) == 3


# ------------------------------------------------------------------------------ on the corpus

needs_corpus = pytest.mark.skipif(not DEFAULT_CORPUS.exists(), reason="../shared is absent")


@needs_corpus
def test_corpus_sites_are_deterministic_and_every_edit_changes_the_text():
    from common import iter_corpus

    articles = list(iter_corpus(DEFAULT_CORPUS))[::5]
    first, _ = ie.collect_sites(articles, ie.EDIT_KINDS, seed=3)
    second, _ = ie.collect_sites(articles, ie.EDIT_KINDS, seed=3)
    by_id = {a.id: a for a in articles}
    for kind in ie.EDIT_KINDS:
        assert [s.error for s in first[kind.name]] == [s.error for s in second[kind.name]]
        for site in first[kind.name]:
            text = by_id[site.doc].text
            assert site.error.apply(text) != text
            if site.control is not None:
                assert site.control.apply(text) not in (text, site.error.apply(text))
    assert len(first["weekday"]) > 20 and len(first["percent_change"]) > 20


# ------------------------------------------------------------------------ review, annotations


def _review_line(**overrides) -> str:
    import json

    line = {"doc": "d1", "rule": "r", "start": 3, "end": 9, "sha1": rf.text_sha1("abcdef"),
            "verdict": "false_alarm", "note": "why"}  # fmt: skip
    line.update(overrides)
    return json.dumps(line)


def test_review_file_problems_are_all_reported():
    with pytest.raises(rf.ReviewFileError) as caught:
        rf.parse_reviews(
            [_review_line(), _review_line(), _review_line(verdict="maybe"), "{not json"]
        )
    message = str(caught.value)
    assert "second review" in message and "'maybe'" in message and "review:4" in message


def _judged(start: int = 3, flagged: str = "abcdef") -> rf.Judged:
    return rf.Judged("d1", "c", "r", "warning", start, start + 6, rf.text_sha1(flagged), "m",
                     flagged, "s")  # fmt: skip


def test_verdicts_join_by_offsets_and_go_stale_when_the_text_changes():
    [review] = rf.parse_reviews([_review_line()])
    same, moved, changed = _judged(), _judged(start=4), _judged(flagged="abcdeX")
    gone = rf.judge([same], [review])
    assert same.verdict == "false_alarm" and gone == []
    assert rf.judge([moved], [review]) == [review] and moved.verdict is None
    rf.judge([changed], [review])
    assert changed.verdict is None and changed.stale


def _finding(check: str, severity: str, start: int, end: int):
    from factcheck.document import Span
    from factcheck.findings import Severity

    return SimpleNamespace(check=check, rule=f"{check}-rule", severity=Severity.parse(severity),
                           span=Span(start, end), related=[], suppressed=False)  # fmt: skip


def test_annotation_expectations():
    text = "Profits were $11bn (£8.5bn) last year; winds of 3 mph (6 kph)."
    error = ac.Annotation("d", "$11bn (£8.5bn)", "currency_conversion", "inconsistent")
    negative = ac.Annotation("d", "3 mph (6 kph)", "unit_conversion", "consistent (hard negative)")
    soft = ac.Annotation("d", "3 mph (6 kph)", "unit_conversion", "loose rounding (soft)")
    on_error = _finding("conversion", "error", 13, 27)
    info_on_wind = _finding("conversion", "info", 48, 61)
    assert ac.evaluate(error, text, [on_error]).passed
    assert not ac.evaluate(error, text, [_finding("conversion", "info", 13, 27)]).passed
    assert not ac.evaluate(error, text, [_finding("range", "error", 13, 27)]).passed
    assert ac.evaluate(negative, text, [on_error]).passed
    assert not ac.evaluate(negative, text, [info_on_wind]).passed
    assert ac.evaluate(soft, text, [info_on_wind]).passed
    assert not ac.evaluate(soft, text, [_finding("conversion", "warning", 48, 61)]).passed
    missing = ac.Annotation("d", "$12bn (£8.5bn)", "currency_conversion", "inconsistent")
    assert ac.evaluate(missing, text, []).reason == "the span is not in the article"


def test_annotation_check_names_map_to_check_kinds():
    assert ac.Annotation("d", "x", "unit_conversion + arithmetic", "c").check_kind == "conversion"
    assert ac.Annotation("d", "x", "percent_change", "c").check_kind == "percent_change"
