"""Datelines: the publication date an article states on its first lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.document import Span
from factcheck.extract.dateline import Dateline, find_dateline, match_dateline

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_published_label() -> None:
    text = "Published: Tue, February 12, 2019\nWorld | By A. Writer\n\nRiver levels rose."
    dateline = find_dateline(text)
    assert dateline is not None
    assert dateline.kind == "published-label"
    assert dateline.date == dt.date(2019, 2, 12)
    assert dateline.weekday == 1
    assert text[dateline.span.start : dateline.span.end] == "Tue, February 12, 2019"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated 12 February 2019 10:30 GMT", dt.date(2019, 2, 12)),
        ("Posted on March 3, 2021 at 9am", dt.date(2021, 3, 3)),
        ("Last updated: 2020-07-01", dt.date(2020, 7, 1)),
    ],
)
def test_other_labels(line: str, expected: dt.date) -> None:
    dateline = find_dateline(line + "\n\nBody text follows here.")
    assert dateline is not None and dateline.date == expected
    assert dateline.kind == "published-label"


def test_wikinews_style_first_line() -> None:
    text = "Saturday, March 7, 2020\n\nOn Friday, the council voted to close the pier."
    dateline = find_dateline(text)
    assert dateline == Dateline(
        date=dt.date(2020, 3, 7), span=Span(0, 23), weekday=5, kind="wikinews", month=3, day=7
    )


def test_iso_line_with_a_time() -> None:
    dateline = find_dateline("\n2019-02-12T08:15:00Z\nHeadline here\n")
    assert dateline is not None and dateline.kind == "iso"
    assert dateline.date == dt.date(2019, 2, 12) and dateline.span == Span(1, 11)


def test_contradicting_weekday_is_kept_as_written() -> None:
    dateline = find_dateline("Monday, March 3, 2024\n\nText.")
    assert dateline is not None
    assert dateline.date == dt.date(2024, 3, 3) and dateline.weekday == 0


def test_wire_dateline_without_a_year() -> None:
    text = "LONDON, Feb 26 (Reuters) - Oil prices rose on Tuesday."
    dateline = find_dateline(text)
    assert dateline is not None and dateline.kind == "wire"
    assert dateline.date is None and (dateline.month, dateline.day) == (2, 26)
    assert text[dateline.span.start : dateline.span.end] == "Feb 26"
    assert dateline.on_or_before(dt.date(2019, 3, 1)) == dt.date(2019, 2, 26)
    assert dateline.on_or_before(dt.date(2019, 2, 1)) == dt.date(2018, 2, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, March 3 - Lawmakers met again.", (None, 3, 3)),
        ("NEW YORK, Sept. 9, 2019 (AP) — Stocks fell.", (dt.date(2019, 9, 9), 9, 9)),
        ("Geneva, 4 May (Agency) -- Talks ended.", (None, 5, 4)),
    ],
)
def test_wire_variants(text: str, expected: tuple[dt.date | None, int, int]) -> None:
    dateline = find_dateline(text)
    assert dateline is not None and dateline.kind == "wire"
    assert (dateline.date, dateline.month, dateline.day) == expected


def test_february_29_wire_dateline_finds_a_leap_year() -> None:
    dateline = find_dateline("OSLO, Feb 29 (Reuters) - Snow fell.")
    assert dateline is not None
    assert dateline.on_or_before(dt.date(2023, 6, 1)) == dt.date(2020, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, the state of emergency begun on November 15 ended.",
        "Thursday, soldiers crossed the border, officials said on January 3, 2020.",
        "The council met on Friday, January 4, 2019 to vote.",
        "Paris, March 3 - no agency, title case: not a dateline.",
        "Headline\nSubhead\nAnother line\nFriday, January 4, 2019\n",
        "",
        "Published: sometime last year",
        "Updated on March 3, 2019, the rules now cover ferries.",
        "In London, March 3 (local time) - crowds gathered.",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_after_a_long_preamble_is_ignored() -> None:
    assert find_dateline("x" * 320 + "\nFriday, January 4, 2019\n") is None


def test_match_dateline_offsets_are_local_to_the_line() -> None:
    found = match_dateline("  Friday, January 4, 2019  ")
    assert found is not None and (found.kind, found.start, found.end) == ("wikinews", 2, 25)


def test_non_text_input_gives_none() -> None:
    assert find_dateline(None) is None  # type: ignore[arg-type]


def test_corpus_wikinews_datelines_agree_with_published() -> None:
    path = SHARED / "corpus" / "news-dev.jsonl"
    if not path.exists():
        pytest.skip("shared corpus not available")
    found = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            dateline = find_dateline(document["text"])
            if document["source"] != "wikinews":
                assert dateline is None, document["id"]
                continue
            if dateline is None:
                continue
            found += 1
            assert dateline.date is not None
            assert dateline.date.isoformat() == document["published"], document["id"]
    assert found >= 175
