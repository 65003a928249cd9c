"""Loaders: text, Markdown, JSONL and stdin to Documents; every bad input refused in one line."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging
import sys
import types
from pathlib import Path

import pytest

from factcheck.document import Document
from factcheck.load import (
    DEFAULT_MAX_BYTES,
    InputError,
    LoadError,
    detect_format,
    iter_paths,
    load_path,
    load_stdin,
    load_string,
    parse_date_value,
)
from factcheck.load import published as published_module
from factcheck.load.decode import format_size, looks_binary, read_limited
from factcheck.load.markdown import blank_markdown

ARTICLE = (
    "Wednesday, 6 March 2024\n"
    "\n"
    "Crews cleared 14 kilometres (9 miles) of road by noon.\n"
    "About 300 homes were still without power.\n"
)


@pytest.fixture(autouse=True)
def no_dateline(monkeypatch):
    """Tests do not depend on the dateline finder another module provides; the ones that
    test the precedence install their own."""
    monkeypatch.setattr(published_module, "_dateline_finder", lambda: None)


def fake_dateline(monkeypatch, found: dt.date | None) -> list[str]:
    """Install a dateline finder that 'finds' ``found``; returns the texts it was asked about."""
    asked: list[str] = []

    def find_dateline(text: str):
        asked.append(text)
        return types.SimpleNamespace(date=found, span=(0, 10)) if found else None

    monkeypatch.setattr(published_module, "_dateline_finder", lambda: find_dateline)
    return asked


def only(items) -> Document:
    items = list(items)
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def input_error(call) -> str:
    with pytest.raises(InputError) as caught:
        list(call())
    message = str(caught.value)
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------- plain text


def test_text_file_is_the_document_character_for_character(make_file):
    path = make_file("storm.txt", ARTICLE)
    doc = only(load_path(path))
    assert doc.text == ARTICLE
    assert doc.id == "storm.txt" and doc.path == str(path) and doc.format == "text"
    start = doc.text.index("14 kilometres")
    assert doc.line_col(start) == (3, 15)


def test_utf8_bom_is_dropped_and_offsets_count_from_the_text(make_file):
    path = make_file("bom.txt", b"\xef\xbb\xbfPrices rose 4% in May.\n")
    doc = only(load_path(path))
    assert doc.text.startswith("Prices")
    assert doc.text[doc.text.index("4%") : doc.text.index("4%") + 2] == "4%"


def test_utf16_with_bom_is_read(make_file):
    path = make_file("notepad.txt", "The bridge is 120 m long.\n".encode("utf-16"))
    assert only(load_path(path)).text == "The bridge is 120 m long.\n"


def test_latin1_file_is_read_as_windows_1252_with_a_warning(make_file, caplog):
    # 0xE9 is é in Latin-1 and cp1252; 0x93/0x94 are cp1252 curly quotes.
    path = make_file("legacy.txt", b"The caf\xe9 said \x93about 40 seats\x94 were lost.\n")
    with caplog.at_level(logging.WARNING, logger="factcheck.load"):
        doc = only(load_path(path))
    assert doc.text == "The café said “about 40 seats” were lost.\n"
    assert any("not UTF-8" in r.message and "Windows-1252" in r.message for r in caplog.records)
    assert str(path) in caplog.text


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(make_file, caplog):
    path = make_file("odd.txt", b"Caf\xe9 \x81 open.\n")
    with caplog.at_level(logging.WARNING, logger="factcheck.load"):
        doc = only(load_path(path))
    assert doc.text == "Café \x81 open.\n"
    assert "Latin-1" in caplog.text


def test_binary_file_is_refused(make_file):
    path = make_file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert input_error(lambda: load_path(path)) == f"{path} is a binary file, not text"


def test_many_control_characters_without_nul_count_as_binary():
    assert looks_binary(b"\x01\x02\x03\x04 text" * 50)
    assert not looks_binary(b"Plain text,\twith tabs\r\nand\x0cform feeds.\n" * 50)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_and_whitespace_only_files_are_refused(make_file, content):
    path = make_file("empty.txt", content)
    assert input_error(lambda: load_path(path)) == f"{path} is empty"


def test_file_over_the_default_limit_is_refused_with_its_size(make_file):
    line = b"The council counted 18 of its 25 pumping stations working.\n"
    path = make_file("big.txt", line * (6_000_000 // len(line) + 1))
    message = input_error(lambda: load_path(path))
    assert message == f"{path} is 6.0 MB; the limit is 5.0 MB (raise it with --max-bytes)"
    # Raising the limit lets the same file through.
    assert only(load_path(path, max_bytes=7_000_000)).text.startswith("The council")


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.requested: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.requested.append(size if size is not None else -1)
        return super().read(size)


def test_a_file_known_to_be_too_large_is_not_read_at_all():
    stream = CountingStream(b"x" * 100)
    with pytest.raises(InputError, match="is 20.0 MB; the limit is 5.0 MB"):
        read_limited(stream, "huge.txt", DEFAULT_MAX_BYTES, size=20_000_000)
    assert stream.requested == []


def test_a_stream_of_unknown_size_is_read_only_to_one_byte_past_the_limit():
    stream = CountingStream(b"y" * 5000)
    with pytest.raises(InputError) as caught:
        read_limited(stream, "stdin", 1000)
    assert stream.requested == [1001]
    assert str(caught.value) == (
        "stdin is more than 1.0 KB; the limit is 1.0 KB (raise it with --max-bytes)"
    )


def test_sizes_are_written_in_decimal_units():
    assert format_size(5_000_000) == "5.0 MB"
    assert format_size(20_480_000) == "20.5 MB"
    assert format_size(1500) == "1.5 KB"
    assert format_size(12) == "12 bytes"


def test_missing_path_is_one_plain_line(tmp_path):
    missing = tmp_path / "nowhere" / "article.txt"
    assert input_error(lambda: load_path(missing)) == f"no such file or directory: {missing}"


def test_a_directory_given_to_load_path_is_refused(tmp_path):
    assert "is a directory" in input_error(lambda: load_path(tmp_path))


# --------------------------------------------------------------------------- stdin


def test_stdin_stream_becomes_a_document():
    doc = only(load_stdin(stream=io.BytesIO(b"Turnout was 61.2%.\n")))
    assert (doc.path, doc.id, doc.text) == ("-", "stdin", "Turnout was 61.2%.\n")


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"# Heading\n\nRain: 87 mm in `six` hours.\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    doc = only(load_stdin(fmt="markdown"))
    assert doc.format == "markdown"
    assert "six" not in doc.text and "87 mm" in doc.text


def test_stdin_over_the_limit_is_refused():
    message = input_error(lambda: load_stdin(stream=io.BytesIO(b"a" * 2001), max_bytes=2000))
    assert message.startswith("stdin is more than 2.0 KB")


def test_empty_stdin_is_refused():
    assert input_error(lambda: load_stdin(stream=io.BytesIO(b"\n"))) == "stdin is empty"


def test_stdin_jsonl():
    stream = io.BytesIO(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    docs = list(load_stdin(stream=stream, fmt="jsonl"))
    assert [d.id for d in docs] == ["a", "b"]
    assert all(d.path == "-" for d in docs)


# --------------------------------------------------------------------------- folders


def test_iter_paths_expands_folders_like_a_linter(make_file, tmp_path):
    for name in [
        "b.md",
        "a.txt",
        "c.markdown",
        "d.text",
        "notes.rst",
        "data.jsonl",
        ".draft.md",
        "sub/z.txt",
        "sub/deeper/y.md",
        ".git/x.txt",
        "node_modules/pkg/readme.md",
    ]:
        make_file(name, "Some text with 3 figures.\n")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a.txt", "b.md", "c.markdown", "d.text", "sub/deeper/y.md", "sub/z.txt"]


def test_iter_paths_passes_files_stdin_and_missing_paths_through(make_file, tmp_path):
    explicit = make_file("notes.rst", "Text.\n")
    missing = tmp_path / "missing.txt"
    assert list(iter_paths([explicit, "-", missing])) == [explicit, Path("-"), missing]


def test_an_empty_folder_yields_nothing_and_warns(tmp_path, caplog):
    (tmp_path / "empty").mkdir()
    with caplog.at_level(logging.WARNING, logger="factcheck.load"):
        assert list(iter_paths([tmp_path / "empty"])) == []
    assert "no .markdown/.md/.text/.txt files" in caplog.text


def test_detect_format_by_suffix():
    assert detect_format(Path("a.JSONL")) == "jsonl"
    assert detect_format(Path("a.ndjson")) == "jsonl"
    assert detect_format(Path("a.md")) == "markdown"
    assert detect_format(Path("a.markdown")) == "markdown"
    assert detect_format(Path("a.txt")) == "text"
    assert detect_format(Path("a")) == "text"


# --------------------------------------------------------------------------- Markdown

MARKDOWN = """\
---
title: Harbour wall repairs
published: 2024-05-02
tags: [storm, 2023]
---
# Repairs begin

The wall is 450 metres long. Run `repair --length 999` to see the plan.

```python
cost = 777_000
```

    indented 555 code

See [the 2021 survey](https://example.org/reports/2021/88.pdf "Survey 66") and
![a map of 3 zones](maps/zone-44.png). Also <span class="w-12">about 60 workers</span>
<!-- factcheck: ignore weekday -->

<div data-id="7">
Repairs will cost 2 million.
</div>

1. First 250 metres by June.
2. The other 200 metres by July.

Read [the plan][ref9] or <https://example.org/p/31>.

[ref9]: https://example.org/plan/2024/13
"""


def test_markdown_text_keeps_the_source_length_and_lines():
    parts = blank_markdown(MARKDOWN)
    assert len(parts.text) == len(MARKDOWN)
    assert parts.text.count("\n") == MARKDOWN.count("\n")
    # Every character either survives unchanged or became a space.
    assert all(t == s or t == " " for t, s in zip(parts.text, MARKDOWN, strict=True))


@pytest.mark.parametrize(
    "prose",
    [
        "450 metres long",
        "about 60 workers",
        "cost 2 million",
        "First 250 metres",
        "the 2021 survey",
        "a map of 3 zones",
        "the plan",
        "# Repairs begin",
        "<!-- factcheck: ignore weekday -->",
    ],
)
def test_markdown_prose_and_comments_stay_at_their_source_offsets(prose):
    text = blank_markdown(MARKDOWN).text
    assert text.index(prose) == MARKDOWN.index(prose)


@pytest.mark.parametrize(
    "machinery",
    [
        "999",
        "777",
        "555",
        "reports/2021/88.pdf",
        "Survey 66",
        "zone-44",
        'class="w-12"',
        "<span",
        "</span>",
        'data-id="7"',
        "</div>",
        "2024/13",
        "p/31",
        "[ref9]",
        "1.",
        "2.",
        "title:",
        "2024-05-02",
    ],
)
def test_markdown_machinery_is_blanked(machinery):
    assert machinery in MARKDOWN
    assert machinery not in blank_markdown(MARKDOWN).text


def test_markdown_skipped_spans_are_exactly_the_blanked_regions():
    parts = blank_markdown(MARKDOWN)
    blanked = [i for i, (t, s) in enumerate(zip(parts.text, MARKDOWN, strict=True)) if t != s]
    assert blanked
    for offset in blanked:
        assert any(span.start <= offset < span.end for span in parts.skipped)
    for span in parts.skipped:
        assert not parts.text[span.start : span.end].strip()
        assert MARKDOWN[span.start : span.end].strip()
    starts = [s.start for s in parts.skipped]
    assert starts == sorted(starts)
    assert all(a.end < b.start for a, b in itertools.pairwise(parts.skipped))


def test_markdown_front_matter_gives_title_and_publication_date(make_file):
    doc = only(load_path(make_file("wall.md", MARKDOWN)))
    assert doc.format == "markdown"
    assert doc.title == "Harbour wall repairs"
    assert doc.published == dt.date(2024, 5, 2)
    assert doc.published_source == "metadata"
    line, column = doc.line_col(doc.text.index("450 metres"))
    assert MARKDOWN.splitlines()[line - 1][column - 1 :].startswith("450 metres")


def test_markdown_title_falls_back_to_the_first_level_one_heading():
    assert blank_markdown("Intro line\n\n# Floods 2024 `draft`\n\nText.\n").title == (
        "Floods 2024 draft"
    )


def test_markdown_crlf_line_endings_keep_offsets():
    source = "Intro.\r\n\r\n```\r\nx = 12\r\n```\r\n\r\nThen `y = 5` and 30 km.\r\n"
    parts = blank_markdown(source)
    assert len(parts.text) == len(source)
    assert "12" not in parts.text and "y = 5" not in parts.text
    assert parts.text.index("30 km") == source.index("30 km")
    assert parts.text.count("\r\n") == source.count("\r\n")


def test_markdown_code_span_rules_follow_commonmark():
    source = "A ``code with ` inside`` then \\`not code\\` and 7 days.\n"
    text = blank_markdown(source).text
    assert "inside" not in text
    assert "not code" in text and "7 days" in text


def test_markdown_unmatched_brackets_and_undefined_references_are_prose():
    source = "Between [3 and [the 5](https://x.org/9) of [them] 12.\n"
    text = blank_markdown(source).text
    assert "https://x.org/9" not in text
    for prose in ("Between [3 and [the 5]", "of [them] 12."):
        assert text.index(prose) == source.index(prose)


def test_markdown_numeric_character_references_and_footnote_marks_are_blanked():
    source = "Prices rose 5&#8212;6% over 2 years.[^12]\n\n[^12]: Figures from 2023.\n"
    text = blank_markdown(source).text
    assert "8212" not in text and "[^12]" not in text
    assert "Figures from 2023." in text and "rose 5" in text


def test_markdown_raw_html_blocks_are_blanked_whole():
    source = "<script>\nvar total = 41;\n</script>\n\nAfter 3 days.\n"
    text = blank_markdown(source).text
    assert "41" not in text and "After 3 days." in text


def test_markdown_table_cells_keep_prose_and_blank_code():
    source = "| area | size |\n|---|---|\n| `zone-4` | 12 km² |\n"
    text = blank_markdown(source).text
    assert "zone-4" not in text
    assert text.index("12 km²") == source.index("12 km²")


def test_a_leading_rule_that_is_not_front_matter_is_kept():
    source = "---\n\nThe 3 bridges reopened.\n"
    parts = blank_markdown(source)
    assert parts.metadata == {}
    assert parts.text == source


def test_toml_front_matter():
    source = '+++\ntitle = "Ferry times"\ndate = 2023-11-20\n+++\nThe ferry takes 40 minutes.\n'
    parts = blank_markdown(source)
    assert parts.metadata["title"] == "Ferry times"
    assert parts.title == "Ferry times"
    assert "Ferry times" not in parts.text and "40 minutes" in parts.text


def test_front_matter_date_strings_and_bad_dates(make_file, caplog):
    good = make_file("a.md", "---\ndate: '2024-03-14T09:30:00+01:00'\n---\nText 1.\n")
    assert only(load_path(good)).published == dt.date(2024, 3, 14)
    bad = make_file("b.md", "---\npublished: sometime in spring\n---\nText 2.\n")
    with caplog.at_level(logging.WARNING, logger="factcheck.load"):
        doc = only(load_path(bad))
    assert doc.published is None and doc.published_source is None
    assert "front matter 'published' ignored" in caplog.text


def test_broken_yaml_front_matter_is_blanked_with_a_warning(caplog):
    source = "---\ntitle: [unclosed\n---\nThe 2 lanes reopened.\n"
    with caplog.at_level(logging.WARNING, logger="factcheck.load"):
        parts = blank_markdown(source, name="broken.md")
    assert "unclosed" not in parts.text and "2 lanes" in parts.text
    assert "broken.md: front matter is not valid YAML" in caplog.text


def test_load_string_reads_markdown_in_memory():
    doc = load_string("Cost: `x` 5 dollars.\n", fmt="markdown", path="memo.md")
    assert doc.format == "markdown" and "`x`" not in doc.text and doc.id == "memo.md"
    with pytest.raises(ValueError):
        load_string("x", fmt="jsonl")


# --------------------------------------------------------------------------- JSONL

JSONL = (
    '{"id": "a-1", "text": "Rain fell for 3 days.", "published": "2024-01-09", "title": "Rain"}\n'
    '{"id": "a-2", "text": "broken", \n'
    "\n"
    '{"id": 77, "text": "Snow reached 20 cm.", "published": null, "source": "ignored"}\n'
    '{"id": "a-4", "title": "no text here"}\n'
    '["not", "an", "object"]\n'
    '{"id": "a-6", "text": "Winds hit 90 km/h.", "published": "next spring"}\n'
    '{"text": "No id, 5 boats."}\n'
)


def test_jsonl_yields_documents_and_an_error_per_bad_line(make_file):
    path = make_file("batch.jsonl", JSONL)
    items = list(load_path(path))
    kinds = [(type(i).__name__, i.id) for i in items]
    assert kinds == [
        ("Document", "a-1"),
        ("LoadError", f"{path}:2"),
        ("Document", "77"),
        ("LoadError", "a-4"),
        ("LoadError", f"{path}:6"),
        ("LoadError", "a-6"),
        ("Document", f"{path}:8"),
    ]
    first, _, snow, *_ = items
    assert first.text == "Rain fell for 3 days." and first.title == "Rain"
    assert first.published == dt.date(2024, 1, 9) and first.published_source == "field"
    assert snow.published is None and snow.path == str(path)
    errors = {i.line: i.message for i in items if isinstance(i, LoadError)}
    assert errors[2].startswith("line 2: invalid JSON:")
    assert errors[5] == "line 5: missing 'text'"
    assert errors[6] == "line 6: expected a JSON object with 'id' and 'text', got an array"
    assert errors[7].startswith("line 7: 'published': 'next spring' is not")
    assert all("\n" not in m for m in errors.values())


def test_jsonl_line_over_the_limit_costs_that_line_only(make_file):
    long_text = "word " * 400
    path = make_file(
        "long.jsonl",
        f'{{"id": "long", "text": "{long_text}"}}\n{{"id": "short", "text": "Fine, 2 cars."}}\n',
    )
    items = list(load_path(path, max_bytes=500))
    assert isinstance(items[0], LoadError)
    assert items[0].message.startswith("line 1: the record is 2.0 KB; the limit is 500 bytes")
    assert isinstance(items[1], Document) and items[1].id == "short"


def test_jsonl_option_date_overrides_the_field_even_a_bad_one(make_file):
    path = make_file("dated.jsonl", '{"id": "x", "text": "Text 1.", "published": "soon"}\n')
    doc = only(load_path(path, published=dt.date(2020, 2, 2)))
    assert doc.published == dt.date(2020, 2, 2) and doc.published_source == "option"


def test_jsonl_with_a_bom_and_crlf(make_file):
    path = make_file("bom.jsonl", b'\xef\xbb\xbf{"id": "b", "text": "Text 9."}\r\n')
    assert only(load_path(path)).text == "Text 9."


def test_jsonl_with_no_records_is_empty(make_file):
    path = make_file("none.jsonl", "\n\n")
    assert input_error(lambda: load_path(path)) == f"{path} is empty"


def test_jsonl_binary_is_refused(make_file):
    path = make_file("blob.jsonl", b"\x00\x01\x02" * 100)
    assert input_error(lambda: load_path(path)) == f"{path} is a binary file, not text"


def test_jsonl_invalid_utf8_line_is_a_record_error(make_file):
    path = make_file("latin.jsonl", b'{"id": "l", "text": "Caf\xe9"}\n{"id": "m", "text": "ok"}\n')
    items = list(load_path(path))
    assert isinstance(items[0], LoadError) and "not valid UTF-8" in items[0].message
    assert isinstance(items[1], Document)


# --------------------------------------------------------------------------- publication date


def test_parse_date_value():
    assert parse_date_value("2024-03-14") == dt.date(2024, 3, 14)
    assert parse_date_value("2024-03-14T23:30:00Z") == dt.date(2024, 3, 14)
    assert parse_date_value("14 March 2024") == dt.date(2024, 3, 14)
    assert parse_date_value(dt.datetime(2021, 5, 6, 7, 8)) == dt.date(2021, 5, 6)
    for vague in ("March 2024", "yesterday", "", 20240314, None):
        with pytest.raises(ValueError):
            parse_date_value(vague)


def test_dateline_is_used_when_nothing_else_gives_a_date(make_file, monkeypatch):
    asked = fake_dateline(monkeypatch, dt.date(2024, 3, 6))
    doc = only(load_path(make_file("d.txt", ARTICLE)))
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 6), "dateline")
    assert asked == [ARTICLE]


def test_precedence_option_over_metadata_over_dateline(make_file, monkeypatch):
    asked = fake_dateline(monkeypatch, dt.date(1999, 1, 1))
    path = make_file("wall.md", MARKDOWN)
    doc = only(load_path(path))
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 2), "metadata")
    doc = only(load_path(path, published=dt.date(2024, 6, 1)))
    assert (doc.published, doc.published_source) == (dt.date(2024, 6, 1), "option")
    assert asked == []  # never consulted when a better source exists


def test_no_dateline_found_leaves_the_date_unset(make_file, monkeypatch):
    fake_dateline(monkeypatch, None)
    doc = only(load_path(make_file("n.txt", "No date here, 4 ships.\n")))
    assert doc.published is None and doc.published_source is None


def test_dateline_module_absent_or_present(monkeypatch):
    monkeypatch.undo()  # the real lookup, not the autouse stub
    monkeypatch.setitem(sys.modules, "factcheck.extract.dateline", None)
    assert published_module._dateline_finder() is None
    module = types.ModuleType("factcheck.extract.dateline")
    module.find_dateline = lambda text: None
    monkeypatch.setitem(sys.modules, "factcheck.extract.dateline", module)
    assert published_module._dateline_finder() is module.find_dateline


def test_a_crashing_dateline_finder_costs_one_document(make_file, monkeypatch):
    def broken(text):
        raise RuntimeError("dateline bug")

    monkeypatch.setattr(published_module, "_dateline_finder", lambda: broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    [item] = list(load_path(make_file("c.txt", "Text 3.\n")))
    assert isinstance(item, LoadError)
    assert item.message == "internal error: RuntimeError: dateline bug"
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError):
        list(load_path(make_file("c.txt", "Text 3.\n")))


def test_markdown_bare_urls_are_blanked_but_not_inside_comments():
    source = (
        "Docs at https://example.org/v1/guide (version 3.5).\n<!-- see https://example.org/9 -->\n"
    )
    text = blank_markdown(source).text
    assert "example.org/v1" not in text
    assert text.index("(version 3.5).") == source.index("(version 3.5).")
    assert "<!-- see https://example.org/9 -->" in text
