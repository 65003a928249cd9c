"""The rich reporter: what a reader needs is on screen, and plain output is really plain."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from builders import dateline, finding, line_sentences, past_period, span_of

from factcheck.claims import (
    Bound,
    Claims,
    Dimension,
    Granularity,
    Quantity,
    Sentence,
)
from factcheck.document import Document, Span
from factcheck.findings import Finding, Severity, Verified
from factcheck.pipeline import DocumentResult
from factcheck.report import get_reporter
from factcheck.report.rich import (
    format_number,
    format_value,
    highlight_context,
    make_console,
    print_report,
    render_svg,
)

SENTENCES = [
    "Dateline: Wednesday, October 9, 2024.",
    "Rangers counted as many as 3,000 deer in the reserve.",
    "The trail is 5 miles (10 km) long and was reopened last month.",
    "Between 14,000 and 18,000 visitors came, about 20 per cent of them children.",
]
TEXT = "\n".join(SENTENCES) + "\n"
ANSI = re.compile(r"\x1b\[")


def make_result() -> DocumentResult:
    document = Document(
        text=TEXT,
        path="stories/reserve.md",
        id="reserve",
        title="Reserve reopens",
        published=dt.date(2024, 10, 9),
        published_source="dateline",
    )
    sentences = line_sentences(TEXT)
    deer = Quantity(
        span=span_of(TEXT, "as many as 3,000 deer"),
        text="as many as 3,000 deer",
        value=3000.0,
        bound=Bound.AT_MOST,
        hedge="as many as",
        noun="deer",
        precision=1000.0,
        sentence=1,
    )
    miles = Quantity(
        span=span_of(TEXT, "5 miles"),
        text="5 miles",
        value=5.0,
        unit="mile",
        dimension=Dimension.LENGTH,
        precision=1.0,
        sentence=2,
    )
    km = Quantity(
        span=span_of(TEXT, "10 km"),
        text="10 km",
        value=10.0,
        unit="kilometer",
        dimension=Dimension.LENGTH,
        precision=10.0,
        sentence=2,
        in_parentheses=True,
    )
    visitors = Quantity(
        span=span_of(TEXT, "Between 14,000 and 18,000 visitors"),
        text="Between 14,000 and 18,000 visitors",
        value=16000.0,
        low=14000.0,
        high=18000.0,
        bound=Bound.RANGE,
        noun="visitors",
        precision=1000.0,
        sentence=3,
    )
    share = Quantity(
        span=span_of(TEXT, "about 20 per cent"),
        text="about 20 per cent",
        value=20.0,
        dimension=Dimension.PERCENT,
        bound=Bound.APPROX,
        hedge="about",
        sentence=3,
    )
    posted = dateline(TEXT, "Wednesday, October 9, 2024", dt.date(2024, 10, 9))
    last_month = past_period(
        TEXT, "last month", dt.date(2024, 9, 1), dt.date(2024, 9, 30), Granularity.MONTH, 2
    )
    claims = Claims(
        published=document.published,
        sentences=sentences,
        quantities=[deer, miles, km, visitors, share],
        dates=[posted, last_month],
    )
    conversion = finding(
        TEXT,
        span_of(TEXT, "5 miles (10 km)"),
        rule="conversion-mismatch",
        check="conversion",
        severity=Severity.ERROR,
        message="10 km does not match 5 miles: 5 miles is about 8 km.",
        related=[(miles.span, miles.text), (km.span, km.text)],
        evidence={"computed": 8.04672, "written": 10, "tolerance": 5, "unit": "kilometer"},
        suggestion="Write 5 miles (8 km).",
    )
    part = finding(
        TEXT,
        deer.span,
        rule="part-whole",
        check="part_whole",
        severity=Severity.WARNING,
        message="A part cannot outnumber its whole.",
        related=[(visitors.span, visitors.text)],
        evidence={
            "formula": "3,000 deer vs 14,000-18,000 visitors",
            "ratio": float("nan"),
            "odd": object(),
        },
    )
    verified = [
        Verified(
            rule="range-order",
            check="range",
            message="14,000 < 18,000: the range is ordered.",
            span=visitors.span,
            text=visitors.text,
        ),
        Verified(
            rule="weekday-mismatch",
            check="weekday",
            message="9 October 2024 was a Wednesday.",
            span=posted.span,
            text=posted.text,
        ),
    ]
    return DocumentResult(
        document=document, claims=claims, findings=[part, conversion], verified=verified
    )


def failed_result() -> DocumentResult:
    return DocumentResult(
        document=Document(text="", path="mail/attachment.bin"),
        claims=Claims(published=None),
        error="binary file, not text",
    )


def plain(results: list[DocumentResult]) -> str:
    buffer = io.StringIO()
    get_reporter("rich")(results, buffer, color=False)
    return buffer.getvalue()


def unmark(text: str) -> str:
    return text.replace("[[", "").replace("]]", "").replace("{{", "").replace("}}", "")


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)


def test_plain_output_has_no_escape_codes():
    output = plain([make_result(), failed_result()])
    assert not ANSI.search(output)
    assert "\x1b" not in output


def test_flagged_sentence_shown_whole_with_the_figure_marked():
    output = plain([make_result()])
    assert "The trail is [[5 miles (10 km)]] long and was reopened last month." in output
    assert SENTENCES[2] in unmark(output)


def test_related_figure_in_another_sentence_is_shown_and_marked_differently():
    output = plain([make_result()])
    assert "Rangers counted [[as many as 3,000 deer]] in the reserve." in output
    assert "{{Between 14,000 and 18,000 visitors}} came" in output


def test_arithmetic_and_suggestion_are_shown():
    output = plain([make_result()])
    assert re.search(
        r"computed 8\.04672 kilometer\s+·\s+written 10 kilometer\s+·\s+tolerance ±5 kilometer",
        output,
    )
    assert "suggestion: Write 5 miles (8 km)." in output
    assert "formula: 3,000 deer vs 14,000-18,000 visitors" in output


def test_finding_title_carries_severity_rule_and_position():
    output = plain([make_result()])
    assert re.search(r"ERROR\s+conversion-mismatch\s+conversion\s+line 3:14", output)
    assert re.search(r"WARNING\s+part-whole\s+part_whole\s+line 2:17", output)
    assert output.index("part-whole") < output.index("conversion-mismatch")


def test_header_gives_publication_date_source_and_counts():
    output = plain([make_result()])
    assert "stories/reserve.md" in output and "Reserve reopens" in output
    assert "published 2024-10-09 (Wednesday), from the dateline" in output
    assert "5 figures · 2 dates · 4 relations checked, 2 verified" in output
    assert "2 findings: 1 error, 1 warning" in output


def test_unknown_publication_date_is_said():
    result = make_result()
    result.document.published = None
    assert "publication date unknown" in plain([result])


def test_verified_items_one_line_each():
    lines = plain([make_result()]).splitlines()
    ticks = [line for line in lines if line.startswith("✓")]
    assert len(ticks) == 2
    assert re.match(r"✓\s+4:1 range-order\s+14,000 < 18,000: the range is ordered\.", ticks[0])
    assert re.match(r"✓\s+1:11 weekday-mismatch\s+9 October 2024 was a Wednesday\.", ticks[1])


def test_inventory_lists_every_figure_and_date_with_its_meaning():
    output = plain([make_result()])
    rows = {line.split()[0]: line for line in output.splitlines() if re.match(r"\s*\d+:\d+ ", line)}
    assert re.search(r"as many as 3,000 deer\s+≤ 3,000\s+count\s+at most", rows["2:17"])
    assert re.search(r"5 miles\s+5\s+mile\s+exact", rows["3:14"])
    assert re.search(r"10 km\s+10\s+kilometer\s+exact", rows["3:23"])
    assert re.search(r"14,000–18,000\s+count\s+range", output)
    assert re.search(r"about 20 per cent\s+≈ 20\s+percent\s+approx", output)
    assert re.search(r"last month\s+2024-09-01 – 2024-09-30\s+month\s+relative\s+past", output)
    assert re.search(r"2024-10-09\s+day\s+absolute\s+unknown\s+Wednesday", output)
    assert "Figures (5)" in output and "Dates (2)" in output


def test_summary_is_the_last_line():
    last = plain([make_result(), failed_result()]).strip().splitlines()[-1]
    assert last == (
        "Checked 1 document: 2 findings (1 error, 1 warning), 2 verified; "
        "1 document could not be checked."
    )


def test_failed_document_is_reported_with_its_reason():
    output = plain([failed_result()])
    assert "mail/attachment.bin" in output
    assert "could not check this document: binary file, not text" in output


def test_suppressed_finding_is_counted_not_shown():
    result = make_result()
    hidden = result.findings[1]
    hidden.suppressed = True
    hidden.suppression_reason = "checked by hand"
    output = plain([result])
    assert hidden.message not in output
    assert "1 finding: 1 warning (1 suppressed)" in output


def test_baselined_finding_is_counted_not_shown():
    result = make_result()
    hidden = result.findings[1]
    hidden.baselined = True
    output = plain([result])
    assert hidden.message not in output
    assert "1 finding: 1 warning (1 baselined)" in output
    assert ", 1 baselined" in output


def test_width_defaults_to_100_off_a_terminal():
    assert make_console(io.StringIO(), color=False).width == 100
    lines = plain([make_result()]).splitlines()
    assert max(len(line) for line in lines) == 100


def test_columns_environment_is_respected(monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    assert make_console(io.StringIO(), color=False).width == 72


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_uses_styles_not_marks():
    terminal = FakeTerminal()
    print_report([make_result()], make_console(terminal, color=True, width=120))
    output = terminal.getvalue()
    assert ANSI.search(output)
    assert "[[" not in output and "{{" not in output


def test_no_color_on_a_terminal_is_still_plain():
    terminal = FakeTerminal()
    print_report([make_result()], make_console(terminal, color=False, width=120))
    output = terminal.getvalue()
    assert not ANSI.search(output)
    assert "[[5 miles (10 km)]]" in output


def test_highlight_joins_hard_wrapped_lines_and_keeps_offsets():
    text = "Water rose\n4 metres (13 feet) overnight."
    flagged = Span(text.index("4 metres"), text.index(" overnight"))
    rendered = highlight_context(text, Span(0, len(text)), [flagged], [], marks=True)
    assert rendered.plain == "Water rose [[4 metres (13 feet)]] overnight."
    styled = highlight_context(text, Span(0, len(text)), [flagged], [], marks=False)
    assert styled.plain == "Water rose 4 metres (13 feet) overnight."
    assert [(s.start, s.end) for s in styled.spans] == [(flagged.start, flagged.end)]


def test_sentence_fallback_without_sentences():
    result = make_result()
    result.claims.sentences = []
    assert "The trail is [[5 miles (10 km)]] long" in plain([result])


def test_long_sentence_is_cut_around_the_figure():
    filler = "and the committee met again " * 60
    text = f"Budgets grew {filler}until 7 miles (2 km) of road were {filler}paid for."
    document = Document(text=text, path="long.txt")
    flagged = Span(text.index("7 miles"), text.index(" of road"))
    line, column = document.line_col(flagged.start)
    item = Finding(
        rule="conversion-mismatch",
        check="conversion",
        severity=Severity.ERROR,
        message="m",
        span=flagged,
        text=text[flagged.start : flagged.end],
        line=line,
        column=column,
    )
    claims = Claims(published=None, sentences=[Sentence(Span(0, len(text)), text, 0)])
    output = plain([DocumentResult(document=document, claims=claims, findings=[item])])
    assert "[[7 miles (2 km)]]" in output
    assert "Budgets grew" not in output and "paid for." not in output
    assert output.count("…") >= 2


def test_spans_past_the_end_of_the_text_do_not_crash():
    result = make_result()
    result.findings[0].span = Span(len(TEXT) - 3, len(TEXT) + 40)
    result.findings[0].related = [(Span(len(TEXT) + 50, len(TEXT) + 60), "gone")]
    output = plain([result])
    assert "A part cannot outnumber its whole." in output


def test_number_formatting():
    assert format_number(18000) == "18,000"
    assert format_number(1.93) == "1.93"
    assert format_number(2.0) == "2"
    assert format_number(float("inf")) == "∞"
    assert format_value({"low": 1.5, "high": float("-inf")}) == "1.5 – -∞"
    assert format_value(None) == "—"
    assert format_value([0.5, None]) == "0.5 – …"  # an open end, as checks write intervals
    assert format_value(["a", "b"]) == "a, b"


def test_svg_recording(tmp_path):
    target = tmp_path / "report.svg"
    render_svg([make_result()], target, title="test")
    svg = target.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "conversion-mismatch" in svg
    assert "[[" not in svg  # recorded in colour: highlighting, not plain-text marks
    assert "font-weight: bold" in svg


def test_claims_report_lists_figures_and_dates_without_findings():
    from factcheck.report import get_claims_reporter

    result = make_result()
    buffer = io.StringIO()
    get_claims_reporter("rich")([result], buffer, color=False)
    output = buffer.getvalue()
    assert not ANSI.search(output)
    assert "stories/reserve.md" in output and "published 2024-10-09" in output
    assert "Figures (5)" in output and "Dates (2)" in output
    assert "as many as 3,000" in output and "last month" in output
    assert "Findings" not in output and result.findings[0].message not in output


def test_claims_report_says_when_nothing_was_found():
    from factcheck.report import get_claims_reporter

    result = make_result()
    result.claims.quantities.clear()
    result.claims.dates.clear()
    buffer = io.StringIO()
    get_claims_reporter("rich")([result], buffer, color=False)
    assert "no figures or dates found" in buffer.getvalue()
