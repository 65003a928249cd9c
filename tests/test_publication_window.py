"""The publication window of undated text: parsing it, where it comes from, and who reads it.

A window is given from outside the text (``--published-between``, a JSONL or front-matter
``published_between``, the configuration's ``published-between``); it rides on the Document
and the Claims; the currency check judges an undated conversion at any rate of the window,
while relative dates stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import checks, cli
from factcheck.checks.conversion import check_conversions
from factcheck.claims import Claims, Dimension, Pair, Quantity
from factcheck.config import ConfigError, load_config
from factcheck.document import Document, Span
from factcheck.load import LoadError, load_path, load_string, parse_window_value
from factcheck.load import published as published_module
from factcheck.pipeline import DocumentResult

Y2004_2005 = (dt.date(2004, 1, 1), dt.date(2005, 12, 31))


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("value", "window"),
    [
        ("2004..2005", Y2004_2005),
        ("2004-01-01..2005-12-31", Y2004_2005),
        (" 2004-01-01 .. 2005-12-31 ", Y2004_2005),
        ("2004-01-01/2005-12-31", Y2004_2005),  # ISO 8601 interval
        ([2004, 2005], Y2004_2005),
        (["2004", "2005-12-31"], Y2004_2005),
        ([dt.date(2004, 1, 1), dt.date(2005, 12, 31)], Y2004_2005),  # TOML dates
        ("2005", (dt.date(2005, 1, 1), dt.date(2005, 12, 31))),  # one period: all of it
        ("2004-02..2004-02", (dt.date(2004, 2, 1), dt.date(2004, 2, 29))),  # leap year
        ("3 March 2004..30 June 2004", (dt.date(2004, 3, 3), dt.date(2004, 6, 30))),
    ],
)
def test_window_forms(value, window):
    assert parse_window_value(value) == window


@pytest.mark.parametrize(
    "value",
    ["soon", "", "2004..", "..2005", "2004..2005..2006", "2004-13", "12345", [], [2004, 2005, 6],
     True, 3.5, {"from": 2004}, "March 2004..2005", "2005-12-31..2004-01-01"],
)  # fmt: skip
def test_bad_windows_are_refused_with_the_forms_that_work(value):
    with pytest.raises(ValueError, match="is not a publication window"):
        parse_window_value(value)


@settings(deadline=None, max_examples=300)
@given(
    st.one_of(
        st.text(max_size=30),
        st.text(alphabet="0123456789-./ ", max_size=25),
        st.integers(),
        st.lists(st.one_of(st.integers(), st.text(max_size=12), st.dates()), max_size=3),
    )
)
def test_any_value_is_a_window_or_a_value_error(value):
    try:
        first, last = parse_window_value(value)
    except ValueError as error:
        assert "is not a publication window" in str(error)
    else:
        assert first <= last


def test_a_window_that_ends_before_it_starts_says_so():
    with pytest.raises(ValueError, match=r"ends \(2004-12-31\) before it starts \(2005-01-01\)"):
        parse_window_value("2005..2004")


# --------------------------------------------------------------------------- where it comes from


@pytest.fixture
def no_dateline(monkeypatch):
    monkeypatch.setattr(published_module, "_dateline_finder", lambda: None)


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def test_jsonl_field_is_the_documents_window(make_file, no_dateline):
    path = make_file(
        "archive.jsonl",
        jsonl(
            {"id": "a", "text": "Sales rose.", "published_between": "2004..2005"},
            {"id": "b", "text": "Sales fell.", "published_between": ["2004-03", "2004-06"]},
            {"id": "c", "text": "Sales held.", "published_between": None},
            {"id": "d", "text": "Sales sank.", "published_between": "in the noughties"},
        ),
    )
    a, b, c, d = load_path(path)
    assert (a.published_between, a.published_between_source) == (Y2004_2005, "field")
    assert b.published_between == (dt.date(2004, 3, 1), dt.date(2004, 6, 30))
    assert c.published_between is None and c.published_between_source is None
    assert isinstance(d, LoadError)
    assert d.message.startswith("line 4: 'published_between': 'in the noughties' is not")
    assert a.published is None  # a window is not a date


def test_the_option_beats_the_field_and_a_bad_field_it_replaces_is_no_error(make_file, no_dateline):
    path = make_file(
        "archive.jsonl",
        jsonl(
            {"id": "a", "text": "Sales rose.", "published_between": "2010..2011"},
            {"id": "b", "text": "Sales fell.", "published_between": "whenever"},
        ),
    )
    a, b = load_path(path, published_between=Y2004_2005)
    assert (a.published_between, a.published_between_source) == (Y2004_2005, "option")
    assert (b.published_between, b.published_between_source) == (Y2004_2005, "option")


def test_markdown_front_matter_window(make_file, no_dateline, caplog):
    good = make_file("a.md", "---\npublished_between: 2004..2005\n---\nSales rose.\n")
    (document,) = load_path(good)
    assert (document.published_between, document.published_between_source) == (
        Y2004_2005,
        "metadata",
    )
    bad = make_file("b.md", "---\npublished-between: lately\n---\nSales rose.\n")
    (document,) = load_path(bad)
    assert document.published_between is None
    assert "front matter 'published-between' ignored" in caplog.text


def test_load_string_takes_a_window(no_dateline):
    document = load_string("Sales rose.", published_between=Y2004_2005)
    assert (document.published_between, document.published_between_source) == (
        Y2004_2005,
        "option",
    )


def test_configuration_key(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('fail-on = "error"\npublished-between = [2004-01-01, 2005-12-31]\n')
    assert load_config(path).published_between == Y2004_2005
    path.write_text('published-between = "2004..2005"\n')
    assert load_config(path).published_between == Y2004_2005
    path.write_text('fail-on = "error"\npublished-between = "2005..2004"\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    [problem] = error.value.problems
    assert problem.line == 2 and "'published-between'" in problem.message
    assert "ends (2004-12-31) before it starts" in problem.message


# --------------------------------------------------------------------------- the command line


@pytest.fixture
def checked(monkeypatch, no_dateline) -> list[Document]:
    """The documents the command line hands to the pipeline (which is replaced by a fake)."""
    seen: list[Document] = []

    def check_document(document: Document, rules: list) -> DocumentResult:
        seen.append(document)
        return DocumentResult(document=document, claims=Claims(published=document.published))

    monkeypatch.setattr("factcheck.pipeline.check_document", check_document)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    return seen


def run_check(*arguments: str) -> int:
    return cli.main(["check", "--format", "json", "--no-color", *arguments])


def test_precedence_option_then_field_then_configuration(tmp_path, checked, capsys):
    (tmp_path / "factcheck.toml").write_text('published-between = "2010..2011"\n')
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        jsonl(
            {"id": "own", "text": "Sales rose.", "published_between": "2004..2005"},
            {"id": "bare", "text": "Sales fell."},
            {"id": "dated", "text": "Sales held.", "published": "2019-06-03"},
        )
    )
    assert run_check(str(batch)) == 0
    windows = {d.id: (d.published_between, d.published_between_source) for d in checked}
    assert windows["own"] == (Y2004_2005, "field")
    assert windows["bare"] == ((dt.date(2010, 1, 1), dt.date(2011, 12, 31)), "config")
    checked.clear()
    assert run_check(str(batch), "--published-between", "2006") == 0
    assert {d.published_between for d in checked} == {(dt.date(2006, 1, 1), dt.date(2006, 12, 31))}
    assert {d.published_between_source for d in checked} == {"option"}
    # a known date is kept as it is: the window never replaces it
    assert [d.published for d in checked if d.id == "dated"] == [dt.date(2019, 6, 3)]
    checked.clear()
    assert run_check(str(batch), "--no-config") == 0
    assert {d.id: d.published_between for d in checked}["bare"] is None


def test_baseline_takes_the_option_too(tmp_path, checked, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Sales rose.")
    output = tmp_path / "baseline.json"
    code = cli.main(
        ["baseline", str(article), "--no-config", "--published-between", "2004..2005",
         "-o", str(output)]
    )  # fmt: skip
    assert code == 0
    assert [d.published_between for d in checked] == [Y2004_2005]


@pytest.mark.parametrize("value", ["2005..2004", "sometime", "2004-13..2005"])
def test_a_bad_option_is_one_line_and_exit_2(tmp_path, checked, capsys, value):
    article = tmp_path / "a.txt"
    article.write_text("Sales rose.")
    assert run_check(str(article), "--published-between", value) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: --published-between: ")
    assert "Traceback" not in err and out == ""
    assert checked == []


def test_a_bad_configuration_value_is_one_line_and_exit_2(tmp_path, checked, capsys):
    (tmp_path / "factcheck.toml").write_text('published-between = "whenever"\n')
    article = tmp_path / "a.txt"
    article.write_text("Sales rose.")
    assert run_check(str(article)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "factcheck.toml:1: 'published-between': 'whenever' is not" in err[0]
    assert checked == []


# --------------------------------------------------------------------------- into the claims


def test_the_window_rides_into_the_claims_but_dates_do_not_resolve_against_it():
    from factcheck.extract import extract

    text = "The board met on Monday. Sales rose in March 2004."
    claims = extract(Document(text=text, published_between=Y2004_2005))
    assert claims.published_between == Y2004_2005 and claims.published is None
    by_text = {d.text: d for d in claims.dates}
    assert by_text["Monday"].date is None  # "on Monday" of which week? Still unknown.
    assert by_text["March 2004"].date == dt.date(2004, 3, 1)  # a written year still resolves


# --------------------------------------------------------------------------- the currency check


def money(text: str, value: float, currency: str, precision: float, start: int) -> Quantity:
    return Quantity(
        span=Span(start, start + len(text)),
        text=text,
        value=value,
        dimension=Dimension.MONEY,
        currency=currency,
        precision=precision,
    )


def dollars_to_pounds(dollars: str, amount: float, pounds: str, converted: float) -> Pair:
    """ "$11bn (£8.5bn)": the source figure, then the converted one in brackets."""
    first = money(dollars, amount, "USD", 1e9 if "bn" in dollars else 1e6, 0)
    second = money(pounds, converted, "GBP", 1e8 if "." in pounds else 1e9, len(dollars) + 2)
    return Pair(first=first, second=second, kind="conversion")


def currency_outcomes(pair: Pair, window=None, published=None, **params) -> list:
    merged = dict(checks.get("conversion").defaults, dimensions=["money"], **params)
    claims = Claims(published=published, published_between=window, pairs=[pair])
    return [o for o in check_conversions(claims, merged) if o.code == "currency_mismatch"]


# A euro figure written with a pound sign: $11bn was about €8.5bn in 2004-2005 (1.3 dollars to
# the euro), but £5.6bn-£6.4bn (1.70-1.95 dollars to the pound).
EURO_AS_POUNDS = ("$11bn", 11e9, "£8.5bn", 8.5e9)
RIGHT = ("$11bn", 11e9, "£6bn", 6e9)


def test_a_window_makes_an_undated_conversion_sharp():
    (undated,) = currency_outcomes(dollars_to_pounds(*EURO_AS_POUNDS))
    assert undated.ok  # sterling bought as little as $1.06 at times since 1999
    (flagged,) = currency_outcomes(dollars_to_pounds(*EURO_AS_POUNDS), window=Y2004_2005)
    assert not flagged.ok
    assert flagged.evidence["rate_date"] == ["2004-01-01", "2005-12-31"]
    assert "from 2004-01-01 to 2005-12-31" in flagged.message
    (passed,) = currency_outcomes(dollars_to_pounds(*RIGHT), window=Y2004_2005)
    assert passed.ok


def test_the_documents_window_beats_the_rules_undated_years():
    # 2016-2017: sterling at $1.20-$1.49, where $11bn = £8.5bn fits
    (by_rule,) = currency_outcomes(dollars_to_pounds(*EURO_AS_POUNDS), undated_years=[2016, 2017])
    assert by_rule.ok
    (by_document,) = currency_outcomes(
        dollars_to_pounds(*EURO_AS_POUNDS), window=Y2004_2005, undated_years=[2016, 2017]
    )
    assert not by_document.ok


def test_a_publication_date_beats_the_window():
    # On 3 June 2019 $11bn was £8.7bn: consistent whatever the window says.
    (dated,) = currency_outcomes(
        dollars_to_pounds(*EURO_AS_POUNDS), window=Y2004_2005, published=dt.date(2019, 6, 3)
    )
    assert dated.ok and dated.evidence["rate_date"] == "2019-06-03"


def test_through_the_pipeline_with_the_shipped_rule():
    from factcheck.pipeline import check_document
    from factcheck.rules import load_file

    rules, problems = load_file(Path(__file__).resolve().parent.parent / "rules" / "currency.yaml")
    assert problems == []
    text = "The firm overstated its accounts by $11bn (£8.5bn), it said."
    undated = check_document(load_string(text), rules)
    assert undated.findings == []
    windowed = check_document(load_string(text, published_between=Y2004_2005), rules)
    assert [f.text for f in windowed.findings] == ["£8.5bn"]


# --------------------------------------------------------------------------- the evaluation corpus


def test_the_evaluation_corpus_gives_undated_archive_articles_their_window(tmp_path):
    """eval/common.py: the BBC source's 2004-2005 as a user's --published-between would give it;
    a line's own published_between first; nothing for dated articles or when switched off."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    import common

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        jsonl(
            {"id": "b1", "source": "bbc-news-2004-2005", "text": "A.", "published": None},
            {"id": "b2", "source": "bbc-news-2004-2005", "text": "B.", "published_between": "2005"},
            {"id": "w1", "source": "wikinews", "text": "C.", "published": "2019-06-03"},
            {"id": "x1", "source": "elsewhere", "text": "D."},
        )
    )
    articles = common.load_corpus(corpus)
    assert (articles["b1"].published_between, articles["b1"].published_between_source) == (
        Y2004_2005,
        "option",
    )
    assert articles["b2"].published_between == (dt.date(2005, 1, 1), dt.date(2005, 12, 31))
    assert articles["w1"].published_between is None and articles["x1"].published_between is None
    document = common.to_document(articles["b1"])
    assert document.published is None and document.published_between == Y2004_2005
    assert common.load_corpus(corpus, archive_windows=False)["b1"].published_between is None
