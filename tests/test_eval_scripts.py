"""Tests of the evaluation scripts' own logic: matching, metrics, unit mapping, tables.

Everything here runs on synthetic sentences written for these tests; the checks that need the
dev corpus (the gold set's sha1s) skip when ../shared is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

import benchmark  # noqa: E402
import common  # noqa: E402
import corpus_findings  # noqa: E402
import extraction_accuracy  # noqa: E402
from common import (  # noqa: E402
    GoldDate,
    GoldQuantity,
    GoldSentence,
    PredDate,
    PredQuantity,
)


def gold_q(
    start,
    end,
    value,
    unit=None,
    dimension="count",
    currency=None,
    bound="exact",
    low=None,
    high=None,
    tags=(),
):
    return GoldQuantity(start, end, value, low, high, unit, dimension, currency, bound, list(tags))


def sentence(quantities=(), dates=(), tags=(), ignore=(), start=0, end=200, source="bbc"):
    return GoldSentence(
        doc="doc-1",
        start=start,
        end=end,
        sha1="0" * 40,
        published=None,
        source=source,
        tags=list(tags),
        quantities=list(quantities),
        dates=list(dates),
        ignore=list(ignore),
    )


# --------------------------------------------------------------------------------------------
# values and units


def test_values_close_uses_a_relative_tolerance_of_a_tenth_of_a_percent():
    assert common.values_close(1000.0, 1000.9)
    assert not common.values_close(1000.0, 1001.5)
    assert common.values_close(0.0, 0.0)
    assert not common.values_close(0.0, 0.5)
    assert not common.values_close(None, 3.0)


def test_units_equivalent_follows_pint_not_spelling():
    assert common.units_equivalent("mph", "mile / hour")
    assert common.units_equivalent("kilometer ** 2", "km**2")
    assert common.units_equivalent("kph", "kilometer / hour")
    assert not common.units_equivalent("kilometer", "mile")
    assert not common.units_equivalent("degree_Celsius", "kelvin")  # same dimension, offset
    assert not common.units_equivalent("kilometer", None)
    assert common.units_equivalent(None, None)
    assert not common.units_equivalent("no such unit here", "meter")


def test_convert_and_dimension_of_unit():
    assert common.convert(1.0, "mile", "kilometer") == pytest.approx(1.609344)
    assert common.convert(1.0, "mile", "kilogram") is None
    assert common.dimension_of_unit("mile ** 2") == "area"
    assert common.dimension_of_unit("mile / hour") == "speed"
    assert common.dimension_of_unit("degree_Fahrenheit") == "temperature"
    assert common.dimension_of_unit("year") == "duration"


def test_quantulum_unit_names_map_to_pint_currency_or_kind():
    area = common.quantulum_unit_spec("square kilometre")
    assert area[1] == "area" and common.units_equivalent(area[0], "km ** 2")
    assert common.quantulum_unit_spec("pound sterling") == (None, "money", "GBP")
    assert common.quantulum_unit_spec("percentage") == (None, "percent", None)
    assert common.quantulum_unit_spec("dimensionless") == (None, "count", None)
    speed = common.quantulum_unit_spec("mile per hour")
    assert speed[1] == "speed" and common.units_equivalent(speed[0], "mph")
    wage = common.quantulum_unit_spec("dollar per hour")
    assert wage[1:] == ("money", "USD") and common.units_equivalent(wage[0], "1 / hour")
    unknown = common.quantulum_unit_spec("florble per wibble")
    assert unknown[1] == "other"


def test_from_quantulum_shifts_spans_by_the_sentence_offset():
    from quantulum3 import parser

    text = "The reservoir covers 12 square kilometres of farmland."
    (found,) = parser.parse(text)
    pred = common.from_quantulum(found, offset=100)
    assert text[pred.start - 100 : pred.end - 100].startswith("12")
    assert pred.value == 12
    assert common.units_equivalent(pred.unit, "kilometer ** 2")
    assert pred.dimension == "area"


# --------------------------------------------------------------------------------------------
# agreement levels


def test_quantity_levels_climb_span_value_unit_bound():
    gold = gold_q(10, 18, 5.0, unit="kilometer", dimension="length", bound="less_than")
    right = PredQuantity(8, 18, 5.0, unit="km", dimension="length", bound="less_than")
    assert common.quantity_levels(gold, right) == {"span", "value", "value+unit", "full"}
    wrong_bound = PredQuantity(10, 18, 5.0, unit="km", dimension="length", bound="exact")
    assert common.quantity_levels(gold, wrong_bound) == {"span", "value", "value+unit"}
    wrong_value = PredQuantity(10, 18, 50.0, unit="km", dimension="length", bound="less_than")
    assert common.quantity_levels(gold, wrong_value) == {"span"}
    elsewhere = PredQuantity(30, 35, 5.0, unit="km", dimension="length", bound="less_than")
    assert common.quantity_levels(gold, elsewhere) == set()


def test_a_value_in_another_unit_is_converted_before_comparing():
    gold = gold_q(0, 8, 69.0, unit="inch", dimension="length")
    in_feet = PredQuantity(0, 3, 5.75, unit="foot", dimension="length")
    assert common.quantity_levels(gold, in_feet) == {"span", "value"}


def test_ranges_compare_both_ends_and_vague_needs_no_figure():
    gold = gold_q(0, 9, 38.0, bound="range", low=36.0, high=40.0)
    assert "full" in common.quantity_levels(
        gold, PredQuantity(0, 9, 38.0, low=36.0, high=40.0, bound="range")
    )
    assert "value" not in common.quantity_levels(gold, PredQuantity(0, 9, 38.0))
    vague = gold_q(0, 8, None, bound="vague")
    assert "full" in common.quantity_levels(vague, PredQuantity(0, 8, None, bound="vague"))
    assert "value" not in common.quantity_levels(vague, PredQuantity(0, 8, 100.0))


def test_money_needs_the_currency_and_ratios_accept_percent():
    gold = gold_q(0, 5, 21e6, dimension="money", currency="USD")
    assert "value+unit" in common.quantity_levels(
        gold, PredQuantity(0, 5, 21e6, dimension="money", currency="usd")
    )
    assert "value+unit" not in common.quantity_levels(
        gold, PredQuantity(0, 5, 21e6, dimension="money", currency="GBP")
    )
    half = gold_q(0, 4, 0.5, dimension="ratio")
    as_percent = PredQuantity(0, 4, 50.0, dimension="percent")
    assert common.quantity_levels(half, as_percent) == {"span", "value"}


def test_a_count_may_carry_its_noun_as_unit_but_percent_must_be_percent():
    gold = gold_q(0, 2, 39.0)
    assert "value+unit" in common.quantity_levels(gold, PredQuantity(0, 2, 39.0, unit="people"))
    percent = gold_q(0, 3, 40.0, dimension="percent")
    assert "value+unit" not in common.quantity_levels(percent, PredQuantity(0, 3, 40.0))


def test_date_levels_truncate_to_the_gold_granularity():
    month = GoldDate(0, 9, dt.date(2003, 7, 1), "month")
    assert common.date_levels(month, PredDate(0, 9, dt.date(2003, 7, 1), "month")) == {
        "span",
        "date",
        "full",
    }
    assert common.date_levels(month, PredDate(0, 9, dt.date(2003, 7, 4), "day")) == {"span", "date"}
    assert common.date_levels(month, PredDate(0, 9, dt.date(2003, 8, 1), "month")) == {"span"}
    unresolvable = GoldDate(0, 6, None, "day")
    assert "full" in common.date_levels(unresolvable, PredDate(0, 6, None, "day"))
    assert "date" not in common.date_levels(unresolvable, PredDate(0, 6, dt.date(2024, 1, 1)))


def test_truncate_date_periods():
    wednesday = dt.date(2019, 1, 2)
    assert common.truncate_date(wednesday, "week") == dt.date(2018, 12, 31)
    assert common.truncate_date(wednesday, "year") == dt.date(2019, 1, 1)
    assert common.truncate_date(dt.date(1997, 5, 5), "decade") == dt.date(1990, 1, 1)
    assert common.truncate_date(wednesday, "day") == wednesday


# --------------------------------------------------------------------------------------------
# matching and scores


def test_max_matching_reassigns_where_a_greedy_choice_would_block():
    # gold 0 could take pred 0 or 1; gold 1 only pred 0: both must be matched
    matching = common.max_matching(2, 2, [(0, 0), (0, 1), (1, 0)])
    assert matching == {0: 1, 1: 0}


def test_match_sentence_scores_each_level_separately():
    golds = [gold_q(0, 2, 39.0), gold_q(10, 14, 1000.0, bound="more_than")]
    preds = [
        PredQuantity(0, 2, 39.0),
        PredQuantity(10, 14, 1000.0, bound="exact"),
        PredQuantity(20, 24, 6.0),
    ]
    result = common.match_sentence(golds, preds, common.quantity_levels, common.QUANTITY_LEVELS)
    assert result.scores["span"].matched == 2
    assert result.scores["full"].matched == 1
    full = result.scores["full"]
    assert (full.precision, full.recall) == (pytest.approx(1 / 3), pytest.approx(1 / 2))
    assert full.f1 == pytest.approx(0.4)
    assert result.unmatched_pred["span"] == [2]


def test_score_with_nothing_predicted_has_no_precision():
    score = common.Score(matched=0, predicted=0, gold=4)
    assert score.precision is None and score.recall == 0.0 and score.f1 is None
    assert common.fmt_ratio(None) == "–" and common.fmt_ratio(0.5).strip() == "50.0"


def test_predictions_in_ignore_regions_are_dropped_unless_they_touch_gold():
    golds = [gold_q(0, 5, 1.0)]
    preds = [PredQuantity(20, 25, 7.0), PredQuantity(3, 22, 1.0), PredQuantity(40, 41, 2.0)]
    kept = common.drop_ignored(preds, golds, [(18, 30)])
    assert kept == preds[1:]


def test_predictions_belong_to_the_sentence_they_start_in():
    preds = [PredQuantity(5, 9, 1.0), PredQuantity(48, 55, 2.0), PredQuantity(50, 52, 3.0)]
    assert common.preds_in_sentence(preds, 0, 50) == preds[:2]


# --------------------------------------------------------------------------------------------
# gold file handling


def test_validate_gold_reports_spans_vocabulary_and_units():
    bad = sentence(
        quantities=[
            gold_q(5, 10, 1.0, bound="roughly"),
            gold_q(300, 310, 2.0),
            gold_q(20, 25, None),
            gold_q(30, 35, 3.0, unit="florbles", dimension="other"),
            gold_q(40, 45, 4.0, dimension="money"),
        ],
        dates=[GoldDate(50, 55, dt.date(2019, 1, 2), "month"), GoldDate(8, 12, None, "day")],
    )
    problems = "\n".join(common.validate_gold([bad]))
    for expected in (
        "unknown bound",
        "outside its sentence",
        "without a figure",
        "not a pint unit",
        "money without a currency",
        "first day of its period",
        "overlapping",
    ):
        assert expected in problems


def test_attach_text_checks_the_sha1(tmp_path):
    text = "Prices rose by 4% in the year to March. Nothing else happened."
    article = common.Article(id="doc-1", text=text, published=None)
    good = sentence(start=0, end=38)
    good.sha1 = common.sentence_sha1(text[0:38])
    drifted = sentence(start=0, end=38)
    missing = sentence()
    missing.doc = "doc-2"
    problems = common.attach_text([good, drifted, missing], {"doc-1": article})
    assert good.text == text[0:38]
    assert len(problems) == 2 and "sha1" in problems[0] and "not in the corpus" in problems[1]


def test_iter_corpus_skips_lines_that_are_not_articles(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "One.", "published": "2019-02-03"})
        + "\n"
        + "not json\n\n"
        + json.dumps({"id": "b"})
        + "\n"
        + json.dumps({"id": "c", "text": "Two.", "published": None})
        + "\n",
        encoding="utf-8",
    )
    articles = list(common.iter_corpus(path))
    assert [a.id for a in articles] == ["a", "c"]
    assert articles[0].published == dt.date(2019, 2, 3) and articles[1].published is None
    document = common.to_document(articles[0])
    assert document.text == "One." and document.published == dt.date(2019, 2, 3)


HELDOUT_GOLD = REPO / "eval" / "gold" / "news-dev-heldout.jsonl"
# (file, minimum size): the development gold set and the held-out one, never tuned on
SHIPPED_GOLD_SETS = [(common.DEFAULT_GOLD, 150), (HELDOUT_GOLD, 80)]


@pytest.mark.parametrize(("gold_path", "minimum"), SHIPPED_GOLD_SETS, ids=["dev", "heldout"])
def test_the_shipped_gold_set_is_well_formed_and_holds_no_text(gold_path, minimum):
    raw = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    allowed = {
        "doc",
        "source",
        "published",
        "start",
        "end",
        "sha1",
        "tags",
        "quantities",
        "dates",
        "ignore",
        "note",
    }
    assert all(set(row) <= allowed for row in raw)
    for row in raw:
        for item in row["quantities"] + row["dates"]:
            assert not any(isinstance(v, str) and len(v) > 40 for v in item.values())
    gold = common.load_gold(gold_path)
    assert common.validate_gold(gold) == []
    assert len(gold) >= minimum
    with_quantities = sum(1 for s in gold if s.quantities) / len(gold)
    with_dates = sum(1 for s in gold if s.dates) / len(gold)
    assert with_quantities >= 0.5 and with_dates >= 0.35
    assert {s.source for s in gold} == {"bbc", "wikinews"}


def test_the_heldout_gold_set_shares_no_article_with_the_development_set():
    development = {s.doc for s in common.load_gold(common.DEFAULT_GOLD)}
    heldout = {s.doc for s in common.load_gold(HELDOUT_GOLD)}
    assert heldout and not development & heldout


@pytest.mark.skipif(not common.DEFAULT_CORPUS.exists(), reason="../shared corpus not present")
@pytest.mark.parametrize(
    "gold_path", [path for path, _ in SHIPPED_GOLD_SETS], ids=["dev", "heldout"]
)
def test_the_gold_set_still_fits_the_corpus(gold_path):
    gold = common.load_gold(gold_path)
    corpus = common.load_corpus(common.DEFAULT_CORPUS)
    assert common.attach_text(gold, corpus) == []
    assert all(s.text == s.text.strip() and s.text for s in gold)


# --------------------------------------------------------------------------------------------
# extraction_accuracy


def test_tally_counts_recall_by_tag_and_spurious_by_sentence_tag():
    tally = extraction_accuracy.Tally(common.QUANTITY_LEVELS)
    s = sentence(
        quantities=[
            gold_q(0, 4, 21e6, dimension="money", currency="USD", tags=["money"]),
            gold_q(10, 12, 3.0, tags=["count"]),
        ],
        tags=["tricky:time"],
    )
    preds = [PredQuantity(0, 4, 21e6, dimension="money", currency="USD"), PredQuantity(30, 34, 7.0)]
    tally.add(s, s.quantities, preds, common.quantity_levels)
    assert tally.gold_by_tag == {"money": 1, "count": 1}
    assert tally.recall_by_tag["money"]["full"] == 1 and tally.recall_by_tag["count"]["span"] == 0
    assert tally.spurious_by_sentence_tag["tricky:time"] == 1
    assert tally.overall["full"].as_dict()["precision"] == 0.5
    kinds = sorted(kind for kind, _, _ in tally.errors)
    assert kinds == ["miss", "spurious"]


def test_quantulum_test_entries_become_gold_with_spans():
    entries = [
        {
            "req": "It is 3 km and 3 km more",
            "res": [
                {"value": 3, "unit": "kilometre", "surface": "3 km"},
                {"value": 3, "unit": "kilometre", "surface": "3 km"},
                {"value": 9, "unit": "kilometre", "surface": "nowhere"},
            ],
        }
    ]
    ((text, golds),) = extraction_accuracy.quantulum_test_gold(entries)
    assert [(g.start, g.end) for g in golds] == [(6, 10), (15, 19)]
    assert all(common.units_equivalent(g.unit, "km") for g in golds)


def test_dateparser_wrapper_gives_offsets_and_granularity():
    text = "Voters went to the polls on Monday in large numbers."
    (found,) = extraction_accuracy.dateparser_dates(text, dt.date(2019, 1, 4), offset=7)
    assert "Monday" in text[found.start - 7 : found.end - 7]
    assert found.date == dt.date(2018, 12, 31) and found.granularity == "day"


def test_score_table_renders_every_level():
    from rich.console import Console

    scores = {"sys": {level: common.Score(1, 2, 2) for level in common.DATE_LEVELS}}
    console = Console(width=120, record=True)
    console.print(extraction_accuracy.score_table("t", scores, common.DATE_LEVELS))
    output = console.export_text()
    assert output.count("50.0") == 3 * len(common.DATE_LEVELS)


# --------------------------------------------------------------------------------------------
# benchmark


def test_loglog_slope_recovers_the_exponent():
    assert benchmark.loglog_slope([(x, 3 * x) for x in (1, 2, 4, 8)]) == pytest.approx(1.0)
    assert benchmark.loglog_slope([(x, x * x) for x in (1, 2, 4, 8)]) == pytest.approx(2.0)
    assert benchmark.loglog_slope([(5, 1.0)]) is None


def test_concatenated_documents_join_k_articles():
    articles = [common.Article(id=str(i), text=f"Text {i}.", published=None) for i in range(5)]
    docs = benchmark.concatenated(articles, 2, groups=3)
    assert [d.text for d in docs] == ["Text 0.\n\nText 1.", "Text 2.\n\nText 3."]


def test_time_documents_counts_failures_apart():
    articles = [common.Article(id=str(i), text="x" * 1000, published=None) for i in range(3)]

    def run(article):
        if article.id == "1":
            raise ValueError("bad article")

    timing = benchmark.time_documents(run, articles, repeat=2)
    assert timing.documents == 4 and timing.size_bytes == 4000
    assert timing.errors == {"ValueError": 2}


# --------------------------------------------------------------------------------------------
# corpus_findings


def test_collect_counts_by_check_and_severity_and_survives_exceptions(monkeypatch):
    import factcheck.pipeline
    from factcheck.claims import Sentence
    from factcheck.document import Span
    from factcheck.findings import Finding, Severity

    def finding(check, severity, start):
        return Finding(
            rule=f"{check}-rule",
            check=check,
            severity=severity,
            message="m",
            span=Span(start, start + 3),
            text="abc",
            line=1,
            column=start + 1,
        )

    def fake_check(document, rules):
        if document.id == "boom":
            raise KeyError("broken article")
        sentences = [Sentence(span=Span(0, len(document.text)), text=document.text, index=0)]
        findings = [finding("weekday", Severity.ERROR, 0), finding("range", Severity.INFO, 4)]
        if document.id == "two":
            findings.append(finding("weekday", Severity.WARNING, 2))
        return SimpleNamespace(
            document=document, claims=SimpleNamespace(sentences=sentences), findings=findings
        )

    monkeypatch.setattr(factcheck.pipeline, "check_document", fake_check)
    articles = [
        common.Article(id=name, text="Some sentence here.", published=None)
        for name in ("one", "two", "boom", "three")
    ]
    counts = corpus_findings.collect(articles, rules=[], keep_samples=1)
    assert counts.articles == 4 and counts.checked == 3
    assert counts.failed == {"KeyError": 1} and counts.failed_examples == {"KeyError": "boom"}
    assert counts.by_check[("weekday", "error")] == 3
    assert counts.by_check[("weekday", "warning")] == 1
    assert counts.articles_with["range"] == 3
    assert counts.per_100(4) == pytest.approx(400 / 3)
    assert all(len(samples) == 1 for samples in counts.samples.values())
    assert counts.samples["weekday"][0].sentence == "Some sentence here."
    report = counts.as_dict()
    assert report["checks"]["weekday"]["findings"] == 4

    from rich.console import Console

    console = Console(width=160, record=True)
    console.print(corpus_findings.findings_table(counts))
    table = console.export_text()
    assert "weekday" in table and "133.3" in table  # 4 weekday findings per 3 articles
