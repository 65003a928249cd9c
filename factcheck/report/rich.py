"""``--format rich`` (the default): a terminal report built from rich renderables.

Per document: a header (where it came from, its publication date, what was found), each
finding with its sentence and the flagged figure highlighted, the arithmetic the check did and
its suggestion, the relations that were verified (one line each), and an inventory of every
figure and date with what it was read as. Everything is composed as renderables and printed
through one Console, so the same report can be recorded to SVG (``render_svg``).

Without colour (``color=False``, or output that is not a terminal) highlighting is invisible,
so the flagged figure is marked ``[[like this]]`` (the notation of rule examples) and related
figures ``{{like this}}``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import numbers
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.claims import Bound, DateClaim, Quantity
from factcheck.document import Document, Span
from factcheck.findings import Finding, Verified
from factcheck.report.serialize import (
    claims_in_order,
    document_label,
    json_safe,
    severity_name,
    weekday_name,
)

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult

DEFAULT_WIDTH = 100
# Longest context (in characters) shown around a finding; longer sentences are cut around it.
MAX_CONTEXT = 600

SEVERITY_STYLES = {
    "error": "bold white on red",
    "warning": "bold black on yellow",
    "info": "bold white on blue",
}
BORDER_STYLES = {"error": "red", "warning": "yellow", "info": "blue"}
SEVERITY_ORDER = ("error", "warning", "info")
FLAGGED_STYLE = "bold red underline"
RELATED_STYLE = "bold cyan underline"
FLAGGED_MARKS = ("[[", "]]")
RELATED_MARKS = ("{{", "}}")

PUBLISHED_SOURCES = {
    "option": "given with --published",
    "field": "from the document's published field",
    "dateline": "from the dateline",
    "metadata": "from the document's metadata",
}

# Evidence keys shown first, in this order, on the "arithmetic" line.
ARITHMETIC_KEYS = ("computed", "written", "tolerance")
# Evidence keys holding a worked explanation in words or symbols, shown as their own line.
EXPLANATION_KEYS = ("formula", "expression", "arithmetic", "explanation", "reason")

BOUND_SYMBOLS = {
    Bound.AT_MOST: "≤ ",
    Bound.LESS_THAN: "< ",
    Bound.AT_LEAST: "≥ ",
    Bound.MORE_THAN: "> ",
    Bound.APPROX: "≈ ",
}


# --- formatting values ---------------------------------------------------------------------


def format_number(value: float | int) -> str:
    """A number as a reader writes it: thousands separators, at most six significant digits."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if number.is_integer() and abs(number) < 1e15:
        return f"{int(number):,}"
    return f"{number:,.6g}"


def format_value(value: Any) -> str:
    """Any evidence value as short text; never raises."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return format_value(value.value)
    if isinstance(value, numbers.Real):
        return format_number(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Span):
        return f"{value.start}–{value.end}"
    if isinstance(value, Mapping):
        if set(value) == {"low", "high"}:
            return f"{format_value(value['low'])} – {format_value(value['high'])}"
        return ", ".join(f"{key} {format_value(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        if _is_interval(value):
            low, high = (format_value(v) if v is not None else "…" for v in value)
            return f"{low} – {high}"
        return ", ".join(format_value(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(format_value(item) for item in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return format_value(json_safe(value))
    return str(value)


def _is_interval(value: list | tuple) -> bool:
    """Two numbers (either may be None for an open end), as checks write intervals."""
    if len(value) != 2 or all(v is None for v in value):
        return False
    return all(
        v is None or (isinstance(v, numbers.Real) and not isinstance(v, bool)) for v in value
    )


def format_unit(unit: str | None) -> str:
    """A pint unit expression made readable: "kilometer ** 2" -> "kilometer²"."""
    if not unit:
        return ""
    return (
        unit.replace(" ** 2", "²")
        .replace(" ** 3", "³")
        .replace("**", "^")
        .replace(" / ", "/")
        .replace(" * ", "·")
    )


def _label(key: str) -> str:
    return key.replace("_", " ")


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


# --- the sentence a finding is in ----------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Context:
    """A stretch of text shown with a finding; ``cut_*`` say whether it was trimmed."""

    span: Span
    cut_before: bool = False
    cut_after: bool = False


def _context_spans(result: DocumentResult, spans: list[Span]) -> list[Context]:
    """The sentences (or, without sentences, the lines) holding the given spans, in order."""
    document = result.document
    sentences = list(result.claims.sentences) if result.claims is not None else []
    found: list[Context] = []
    for span in spans:
        holders = [
            sentence.span
            for sentence in sentences
            if sentence.span.overlaps(span)
            or (len(span) == 0 and sentence.span.start <= span.start < sentence.span.end)
        ]
        if not holders:
            holders = [_line_around(document.text, span)]
        for holder in holders:
            found = _merge(found, _trim(holder, span))
    found.sort(key=lambda c: c.span.start)
    return found


def _merge(found: list[Context], new: Context) -> list[Context]:
    """Add ``new``, joining it with a context it overlaps (two spans in one long sentence)."""
    for index, old in enumerate(found):
        if old.span == new.span or old.span.overlaps(new.span):
            first = old if old.span.start <= new.span.start else new
            last = old if old.span.end >= new.span.end else new
            found[index] = Context(
                Span(first.span.start, last.span.end), first.cut_before, last.cut_after
            )
            return found
    return [*found, new]


def _trim(sentence: Span, span: Span) -> Context:
    """Cut a very long sentence (a run-on paragraph, a table) to the part around ``span``."""
    if len(sentence) <= MAX_CONTEXT:
        return Context(sentence)
    start = max(sentence.start, min(span.start, sentence.end) - MAX_CONTEXT // 2)
    end = max(min(sentence.end, max(span.end, start) + MAX_CONTEXT // 2), start)
    return Context(Span(start, end), start > sentence.start, end < sentence.end)


def _line_around(text: str, span: Span, limit: int = 160) -> Span:
    """Fallback context: the line holding the span, cut to ``limit`` characters each side."""
    start = max(text.rfind("\n", 0, span.start) + 1, span.start - limit)
    end = text.find("\n", span.end)
    end = min(len(text) if end == -1 else end, span.end + limit)
    return Span(start, max(end, span.end))


def highlight_context(
    text: str, context: Span, flagged: list[Span], related: list[Span], *, marks: bool
) -> Text:
    """The context text with flagged and related spans styled (or marked, without colour).

    Line breaks inside the context become spaces so a hard-wrapped sentence reads as one.
    Where a related span overlaps the flagged one, the flagged style wins.
    """
    piece = text[context.start : context.end]
    piece_end = context.start + len(piece)  # a span past the end of the text is clipped
    kinds = [0] * len(piece)  # 0 plain, 1 related, 2 flagged
    for level, spans in ((1, related), (2, flagged)):
        for span in spans:
            for i in range(max(span.start, context.start), min(span.end, piece_end)):
                kinds[i - context.start] = max(kinds[i - context.start], level)
    styles = {1: RELATED_STYLE, 2: FLAGGED_STYLE}
    mark_pairs = {1: RELATED_MARKS, 2: FLAGGED_MARKS}
    out = Text()
    i = 0
    while i < len(piece):
        j = i
        while j < len(piece) and kinds[j] == kinds[i]:
            j += 1
        # Character-for-character, so a hard-wrapped sentence reads as one line.
        chunk = piece[i:j].replace("\r", " ").replace("\n", " ").replace("\t", " ")
        kind = kinds[i]
        if kind and marks:
            opening, closing = mark_pairs[kind]
            out.append(opening + chunk + closing, style=styles[kind])
        else:
            out.append(chunk, style=styles.get(kind))
        i = j
    return out


# --- one finding -----------------------------------------------------------------------------


def severity_badge(severity: str) -> Text:
    return Text(f" {severity.upper()} ", style=SEVERITY_STYLES.get(severity, "bold"))


def evidence_renderable(evidence: Mapping[str, Any]) -> RenderableType | None:
    """The arithmetic of a finding: computed vs written and tolerance, then any other facts."""
    if not evidence:
        return None
    parts: list[RenderableType] = []
    for key in EXPLANATION_KEYS:
        if isinstance(evidence.get(key), str) and evidence[key]:
            parts.append(Text.assemble((f"{_label(key)}: ", "dim"), evidence[key]))
    # A "unit" names what computed/written/tolerance are measured in: show it with them.
    unit = evidence.get("unit") if isinstance(evidence.get("unit"), str) else None
    unit_used = False
    line = Text()
    for key in ARITHMETIC_KEYS:
        if key not in evidence:
            continue
        value = evidence[key]
        shown = format_value(value)
        is_number = isinstance(value, numbers.Real) and not isinstance(value, bool)
        if key == "tolerance" and is_number:
            shown = "±" + shown
        if unit and (is_number or (isinstance(value, (list, tuple)) and _is_interval(value))):
            shown += f" {format_unit(unit)}"
            unit_used = True
        if line:
            line.append("  ·  ", style="dim")
        line.append(f"{key} ", style="dim")
        line.append(shown, style="bold")
    if line:
        parts.append(line)
    rest = [
        (key, value)
        for key, value in evidence.items()
        if key not in ARITHMETIC_KEYS
        and not (key in EXPLANATION_KEYS and isinstance(value, str))
        and not (key == "unit" and unit_used)
    ]
    if rest:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        for key, value in rest:
            grid.add_row(_label(str(key)), format_value(value))
        parts.append(grid)
    return Group(*parts)


def finding_renderable(result: DocumentResult, finding: Finding, *, marks: bool) -> Panel:
    """One finding as a panel: badge and rule, message, sentence, arithmetic, suggestion."""
    document = result.document
    severity = severity_name(finding.severity)
    related_spans = [span for span, _ in finding.related]
    title = Text.assemble(
        severity_badge(severity),
        " ",
        (finding.rule, "bold"),
        (f"  {finding.check}  line {finding.line}:{finding.column}", "dim"),
    )
    body: list[RenderableType] = [Text(finding.message, style="bold")]
    if finding.suppressed:
        reason = f": {finding.suppression_reason}" if finding.suppression_reason else ""
        body.append(Text(f"suppressed{reason}", style="dim italic"))
    for context in _context_spans(result, [finding.span, *related_spans]):
        shown = highlight_context(
            document.text, context.span, [finding.span], related_spans, marks=marks
        )
        if context.cut_before:
            shown = Text("…") + shown
        if context.cut_after:
            shown.append("…")
        body.append(Padding(shown, (0, 0, 0, 2)))
    arithmetic = evidence_renderable(finding.evidence or {})
    if arithmetic is not None:
        body.append(arithmetic)
    if finding.suggestion:
        body.append(Text.assemble(("suggestion: ", "green"), finding.suggestion))
    return Panel(
        Group(*body),
        title=title,
        title_align="left",
        border_style="dim" if finding.suppressed else BORDER_STYLES.get(severity, "white"),
        box=box.ROUNDED,
        padding=(0, 1),
    )


# --- sections of a document ------------------------------------------------------------------


def _severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITY_ORDER, 0)
    for finding in findings:
        if finding.active:
            name = severity_name(finding.severity)
            counts[name] = counts.get(name, 0) + 1
    return counts


def _counts_text(counts: Mapping[str, int]) -> str:
    """Non-zero severities only: "1 error, 2 warnings"."""
    return ", ".join(
        _count(counts[name], name, "info" if name == "info" else None)
        for name in counts
        if counts[name]
    )


def _worst(counts: Mapping[str, int]) -> str | None:
    return next((name for name in SEVERITY_ORDER if counts.get(name)), None)


def header_renderable(result: DocumentResult) -> Panel:
    document = result.document
    lines: list[Text] = []
    if document.id and document.id != document.path:
        lines.append(Text.assemble(("id ", "dim"), document.id))
    if document.published is not None:
        source = PUBLISHED_SOURCES.get(
            document.published_source or "",
            f"from {document.published_source}" if document.published_source else "",
        )
        lines.append(
            Text.assemble(
                ("published ", "dim"),
                (document.published.isoformat(), "bold"),
                f" ({document.published.strftime('%A')})",
                (f", {source}" if source else "", "dim"),
            )
        )
    else:
        lines.append(
            Text("publication date unknown: relative dates cannot be resolved", style="yellow")
        )
    claims = result.claims
    figures = len(claims.quantities) if claims is not None else 0
    dates = len(claims.dates) if claims is not None else 0
    counts = _severity_counts(result.findings)
    suppressed = sum(1 for f in result.findings if f.suppressed)
    baselined = sum(1 for f in result.findings if f.baselined and not f.suppressed)
    summary = Text()
    summary.append(_count(figures, "figure"))
    summary.append(" · ", style="dim")
    summary.append(_count(dates, "date"))
    summary.append(" · ", style="dim")
    summary.append(_count(len(result.verified) + len(result.findings), "relation") + " checked, ")
    summary.append(f"{len(result.verified)} verified", style="green")
    summary.append(" · ", style="dim")
    total = sum(counts.values())
    summary.append(
        f"{_count(total, 'finding')}" + (f": {_counts_text(counts)}" if total else ""),
        style=BORDER_STYLES.get(_worst(counts) or "", "green"),
    )
    if suppressed:
        summary.append(f" ({suppressed} suppressed)", style="dim")
    if baselined:
        summary.append(f" ({baselined} baselined)", style="dim")
    lines.append(summary)
    title = Text(document_label(document), style="bold")
    if document.title:
        title.append(f"  {document.title}", style="italic")
    return Panel(
        Group(*lines),
        title=title,
        title_align="left",
        border_style=BORDER_STYLES.get(_worst(counts) or "", "green"),
        box=box.HEAVY,
        padding=(0, 1),
    )


def verified_renderable(result: DocumentResult, items: list[Verified]) -> Table:
    """Verified relations, one line each: line, rule, message, the text checked."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="green", no_wrap=True)
    grid.add_column(style="dim", no_wrap=True, justify="right")
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    for item in items:
        line, column = result.document.line_col(item.span.start)
        message = Text(item.message)
        if item.text:
            message.append(f"  “{' '.join(item.text.split())}”", style="dim")
        grid.add_row("✓", f"{line}:{column}", item.rule, message)
    return grid


def quantity_value_text(quantity: Quantity) -> str:
    """What a figure was read as, with its bound as a symbol: "≤ 3,000", "14,000–18,000"."""
    bound = quantity.bound
    if bound is Bound.UNIT_ONLY:
        return "no figure"
    if bound is Bound.VAGUE:
        return f"vague ({quantity.vague_word})" if quantity.vague_word else "vague"
    if quantity.low is not None and quantity.high is not None:
        return f"{format_number(quantity.low)}–{format_number(quantity.high)}"
    value = quantity.value
    if value is None:
        value = quantity.low if quantity.low is not None else quantity.high
    if value is None:
        return "—"
    return BOUND_SYMBOLS.get(bound, "") + format_number(value)


def quantity_unit_text(quantity: Quantity) -> str:
    if quantity.unit:
        return format_unit(quantity.unit)
    if quantity.currency:
        return quantity.currency
    return str(getattr(quantity.dimension, "value", quantity.dimension) or "")


def _bound_text(quantity: Quantity) -> str:
    bound = str(getattr(quantity.bound, "value", quantity.bound)).replace("_", " ")
    if quantity.hedge:
        return f"{bound} ({quantity.hedge})"
    return bound


def date_value_text(claim: DateClaim) -> str:
    if claim.date is None:
        return "unresolved"
    if claim.end_date is not None and claim.end_date != claim.date:
        return f"{claim.date.isoformat()} – {claim.end_date.isoformat()}"
    return claim.date.isoformat()


def _flat(text: str) -> str:
    return " ".join(text.split())


def inventory_renderables(result: DocumentResult) -> list[RenderableType]:
    """Every figure and every date, in text order, with what each was read as."""
    document: Document = result.document
    quantities = [c for c in claims_in_order(result) if isinstance(c, Quantity)]
    dates = [c for c in claims_in_order(result) if isinstance(c, DateClaim)]
    parts: list[RenderableType] = []
    if quantities:
        table = Table(
            box=box.SIMPLE_HEAD, title_justify="left", expand=True, pad_edge=False, show_edge=False
        )
        table.title = Text(f"Figures ({len(quantities)})", style="bold")
        table.add_column("line", style="dim", justify="right", no_wrap=True)
        table.add_column("as written", ratio=3)
        table.add_column("value", ratio=2)
        table.add_column("unit", ratio=2)
        table.add_column("bound", ratio=2)
        table.add_column("noun", ratio=2)
        for quantity in quantities:
            line, column = document.line_col(quantity.span.start)
            table.add_row(
                f"{line}:{column}",
                _flat(quantity.text),
                quantity_value_text(quantity),
                quantity_unit_text(quantity),
                _bound_text(quantity),
                quantity.noun or "",
            )
        parts.append(table)
    if dates:
        if parts:
            parts.append(Text(""))
        table = Table(
            box=box.SIMPLE_HEAD, title_justify="left", expand=True, pad_edge=False, show_edge=False
        )
        table.title = Text(f"Dates ({len(dates)})", style="bold")
        table.add_column("line", style="dim", justify="right", no_wrap=True)
        table.add_column("as written", ratio=3)
        table.add_column("date", no_wrap=True)
        table.add_column("granularity", no_wrap=True)
        table.add_column("resolution", no_wrap=True)
        table.add_column("tense", no_wrap=True)
        table.add_column("weekday", no_wrap=True)
        for claim in dates:
            line, column = document.line_col(claim.span.start)
            table.add_row(
                f"{line}:{column}",
                _flat(claim.text),
                date_value_text(claim),
                str(getattr(claim.granularity, "value", claim.granularity)),
                str(getattr(claim.resolution, "value", claim.resolution)),
                str(getattr(claim.tense, "value", claim.tense)),
                weekday_name(claim.weekday) or "",
            )
        parts.append(table)
    return parts


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def document_renderable(result: DocumentResult, *, marks: bool) -> Group:
    """The whole report for one document."""
    if result.error:
        return Group(
            Panel(
                Text.assemble(("could not check this document: ", "bold"), result.error),
                title=Text(document_label(result.document), style="bold"),
                title_align="left",
                border_style="red",
                box=box.HEAVY,
                padding=(0, 1),
            ),
            Text(""),
        )
    parts: list[RenderableType] = [header_renderable(result)]
    # Suppressed and baselined findings are counted in the header, not shown in full.
    shown = [f for f in result.findings if f.active]
    if shown:
        parts.append(_heading(f"Findings ({len(shown)})"))
        parts.extend(finding_renderable(result, f, marks=marks) for f in shown)
    else:
        parts.append(Text("No findings.", style="green"))
    if result.verified:
        parts.append(Text(""))
        parts.append(_heading(f"Verified ({len(result.verified)})"))
        parts.append(verified_renderable(result, result.verified))
    inventory = inventory_renderables(result)
    if inventory:
        parts.append(Text(""))
        parts.extend(inventory)
    parts.append(Text(""))
    return Group(*parts)


def summary_renderable(results: list[DocumentResult]) -> Text:
    """The closing line: documents, findings by severity, verified, failures."""
    checked = [r for r in results if not r.error]
    failed = len(results) - len(checked)
    counts = dict.fromkeys(SEVERITY_ORDER, 0)
    suppressed = baselined = verified = 0
    for result in checked:
        for name, number in _severity_counts(result.findings).items():
            counts[name] = counts.get(name, 0) + number
        suppressed += sum(1 for f in result.findings if f.suppressed)
        baselined += sum(1 for f in result.findings if f.baselined and not f.suppressed)
        verified += len(result.verified)
    total = sum(counts.values())
    worst = _worst(counts)
    text = Text()
    text.append(f"Checked {_count(len(checked), 'document')}: ", style="bold")
    text.append(
        _count(total, "finding") + (f" ({_counts_text(counts)})" if total else ""),
        style=f"bold {BORDER_STYLES[worst]}" if worst else "bold green",
    )
    text.append(f", {verified} verified")
    if suppressed:
        text.append(f", {suppressed} suppressed", style="dim")
    if baselined:
        text.append(f", {baselined} baselined", style="dim")
    if failed:
        text.append(f"; {_count(failed, 'document')} could not be checked", style="bold red")
    text.append(".")
    return text


# --- consoles and entry points -------------------------------------------------------------


def _is_tty(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False


def make_console(out: TextIO, *, color: bool = True, width: int | None = None) -> Console:
    """A Console on ``out``: terminal width on a TTY, else ``COLUMNS`` or 100 columns.

    ``color=False`` turns off every escape code (not just colours), whatever ``out`` is.
    """
    if width is None and not _is_tty(out):
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() and int(columns) > 0 else DEFAULT_WIDTH
    return Console(
        file=out,
        width=width,
        color_system="auto" if color else None,
        force_terminal=None if color else False,
        no_color=None if color else True,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def print_report(results: list[DocumentResult], console: Console) -> None:
    """Print the report through ``console``, document by document, then the summary line."""
    results = list(results)  # walked more than once
    marks = console.color_system is None
    for result in results:
        console.print(document_renderable(result, marks=marks))
    console.print(summary_renderable(results))


def report_claims_rich(results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None:
    """``extract --format rich``: per document a title line and its figure and date tables."""
    console = make_console(out, color=color)
    marks = console.color_system is None
    for result in results:
        if result.error:
            console.print(document_renderable(result, marks=marks))
            continue
        document = result.document
        dated = (
            f"published {document.published.isoformat()} ({document.published_source})"
            if document.published
            else "no publication date"
        )
        console.print(Text.assemble((document_label(document), "bold"), "  ", (dated, "dim")))
        tables = inventory_renderables(result)
        for part in tables or [Text("no figures or dates found", style="dim")]:
            console.print(part)
        console.print(Text(""))


def report_rich(results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None:
    print_report(results, make_console(out, color=color))


def render_svg(
    results: list[DocumentResult],
    path: str | os.PathLike[str],
    *,
    width: int = DEFAULT_WIDTH,
    title: str = "factcheck",
) -> None:
    """Record the coloured report and save it as SVG (for ``reports/``)."""
    import io

    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        emoji=False,
    )
    print_report(results, console)
    console.save_svg(str(path), title=title)
