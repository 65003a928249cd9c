"""The ``factcheck`` command: parse arguments, call the library, choose a reporter.

Exit codes (the output contract): 0 nothing at or above --fail-on; 1 findings at or above it;
2 a usage error, or any input that could not be checked (the other inputs are still checked
and reported). Every failure a user can cause ends in one line on stderr, never a traceback;
FACTCHECK_DEBUG=1 lets internal errors raise instead, for debugging.

Heavy modules (the pipeline, extraction, reporters) are imported inside the commands, so
``factcheck --help`` and usage errors stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import importlib
import io
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TextIO

from factcheck.document import Document
from factcheck.load import (
    DEFAULT_MAX_BYTES,
    STDIN_PATH,
    InputError,
    LoadError,
    iter_paths,
    load_path,
    load_stdin,
)
from factcheck.load.decode import format_size
from factcheck.load.errors import debug_enabled

PROG = "factcheck"
CHECK_FORMATS = ("rich", "json", "sarif", "line")
EXTRACT_FORMATS = ("rich", "json", "jsonl")
FAIL_ON = ("error", "warning", "info", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXAMPLE_PACKAGE = "factcheck.examples"
EXAMPLE_SUFFIXES = (".md", ".markdown", ".txt", ".text")
# Per-document errors echoed on stderr before the rest are only counted (all are reported).
MAX_ERRORS_SHOWN = 20


class CommandError(Exception):
    """A problem that ends the command: printed as ``factcheck: error: <message>``, exit 2."""


# --------------------------------------------------------------------------- argument types


def iso_date(value: str) -> dt.date:
    """--published: exactly YYYY-MM-DD, a real calendar day."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a valid date: {exc}") from None


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)(i?)b?", re.I)


def byte_size(value: str) -> int:
    """--max-bytes: a number of bytes, optionally with a unit: 5000000, 500KB, 20MB, 1GiB."""
    match = _SIZE.fullmatch(value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size (examples: 5000000, 20MB)")
    number, prefix, binary = match.groups()
    base = 1024 if binary else 1000
    size = int(float(number) * base ** " kmg".index(prefix.lower() or " "))
    if size < 1:
        raise argparse.ArgumentTypeError("the size limit must be at least 1 byte")
    return size


# --------------------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A linter for the numbers in prose.",
        epilog="Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, "
        "2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser(
        "check",
        help="check documents and report what does not add up",
        description="Check the figures and dates in documents. PATH may be a file (.txt, .md, "
        ".jsonl), a folder (searched for .txt and .md files) or '-' for stdin.",
    )
    _add_input_options(check)
    check.add_argument(
        "--format", choices=CHECK_FORMATS, default="rich", help="report format (default: rich)"
    )
    check.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="extra rule folder or file, on top of the shipped rules "
        "(repeatable; a rule with the same id replaces the shipped one)",
    )
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="warning",
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    _add_output_options(check)
    check.set_defaults(handler=cmd_check)

    extract = commands.add_parser(
        "extract",
        help="print the figures and dates found, without checking them",
        description="Extract the claims (quantities and dates) from documents.",
    )
    _add_input_options(extract)
    extract.add_argument(
        "--format",
        choices=EXTRACT_FORMATS,
        default="rich",
        help="output format (default: rich; jsonl: one claim per line)",
    )
    _add_output_options(extract)
    extract.set_defaults(handler=cmd_extract)

    rules = commands.add_parser("rules", help="list or validate rules")
    rule_commands = rules.add_subparsers(dest="rules_command", metavar="ACTION")
    rule_commands.required = True
    listing = rule_commands.add_parser("list", help="list the rules in force")
    listing.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="extra rule folder or file (repeatable)",
    )
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=cmd_rules_list)
    validate = rule_commands.add_parser(
        "validate",
        help="report every problem in rule files as file:line:column: message",
        description="Validate rule files (default: the shipped rules). Exit 2 on any problem.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="rule files or folders (default: the shipped rules)",
    )
    validate.set_defaults(handler=cmd_rules_validate)

    explain = commands.add_parser("explain", help="describe a rule, its parameters, examples")
    explain.add_argument("rule", metavar="RULE", help="a rule id, as in 'factcheck rules list'")
    explain.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="extra rule folder or file (repeatable)",
    )
    explain.set_defaults(handler=cmd_explain)
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders, or '-' for standard input"
    )
    command.add_argument(
        "--example", action="store_true", help="also check the built-in example article"
    )
    command.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="publication date; overrides the documents' own dates",
    )
    command.add_argument(
        "--max-bytes",
        type=byte_size,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="largest input (or JSONL line) to read "
        f"(default: {format_size(DEFAULT_MAX_BYTES)}; units: KB, MB, GB)",
    )
    command.add_argument(
        "--stdin-format",
        choices=("text", "markdown", "jsonl"),
        default="text",
        help="how to read '-' (default: text)",
    )


def _add_output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of standard output",
    )
    command.add_argument("--no-color", action="store_true", help="no colour in the rich format")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("factcheck")
    except Exception:  # noqa: BLE001 - not installed as a distribution: still runnable
        return "(not installed)"


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors (already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    with _warnings_to_stderr():
        try:
            return args.handler(args)
        except CommandError as exc:
            _error(str(exc))
            return EXIT_ERROR
        except KeyboardInterrupt:
            _error("interrupted")
            return 130
        except BrokenPipeError:
            # The reader went away (| head): stop quietly, and keep Python from complaining
            # about flushing stdout at exit.
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            return EXIT_FINDINGS
        except Exception as exc:  # noqa: BLE001 - the last guard: one line, not a traceback
            if debug_enabled():
                raise
            _error(f"{_internal_error(exc)} (set FACTCHECK_DEBUG=1 for a traceback)")
            return EXIT_ERROR


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _internal_error(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return f"internal error: {type(exc).__name__}: {message[0] if message else ''}".rstrip(": ")


@contextlib.contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Library warnings (logging, "factcheck.*") as ``factcheck: warning: ...`` lines."""
    logger = logging.getLogger("factcheck")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{PROG}: warning: %(message)s"))
    handler.setLevel(logging.WARNING)
    previous_level = logger.level
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)


# --------------------------------------------------------------------------- inputs


@dataclass(slots=True)
class RunStatus:
    """What went wrong across a run; any input error makes the exit code 2."""

    input_errors: int = 0
    document_errors: int = 0
    documents: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.input_errors or self.document_errors)

    def document_error(self, line: str) -> None:
        """Count a document that could not be processed; echo the first few on stderr.

        Every one is in the report; a batch where all fail (a broken install) should not
        bury the terminal under hundreds of identical lines.
        """
        self.document_errors += 1
        if self.document_errors <= MAX_ERRORS_SHOWN:
            _error(line)

    def summarise(self) -> None:
        hidden = self.document_errors - MAX_ERRORS_SHOWN
        if hidden > 0:
            noun = "document" if hidden == 1 else "documents"
            _error(f"{hidden} more {noun} could not be processed (see the report)")


def iter_documents(args: argparse.Namespace, status: RunStatus) -> Iterator[Document | LoadError]:
    """Every document the arguments name, in order; input errors are printed and counted.

    A LoadError (one bad record) is passed on so the report can show it in its place.
    """
    if not args.paths and not args.example:
        raise CommandError("nothing to check: give a PATH, '-' for standard input, or --example")
    sources: list[tuple[str, Callable[[], Iterator[Document | LoadError]]]] = []
    if args.example:
        example = _example_file()  # before any work: a broken install ends the command
        sources.append((example.name, lambda: _load_example(example, args)))
    for path in iter_paths(args.paths):
        sources.append((str(path), lambda path=path: _load_one(path, args)))
    for label, source in sources:
        yield from _guarded(label, source, status)


def _load_one(path: Path, args: argparse.Namespace) -> Iterator[Document | LoadError]:
    if str(path) == STDIN_PATH:
        return load_stdin(published=args.published, max_bytes=args.max_bytes, fmt=args.stdin_format)
    return load_path(path, published=args.published, max_bytes=args.max_bytes)


def _guarded(
    label: str, source: Callable[[], Iterator[Document | LoadError]], status: RunStatus
) -> Iterator[Document | LoadError]:
    """Run one input's loader: an InputError costs this input, a bug costs it too, not the run."""
    try:
        for loaded in source():
            status.documents += 1
            yield loaded
    except InputError as exc:
        status.input_errors += 1
        _error(exc.message)
    except Exception as exc:  # noqa: BLE001 - a loader bug must not end the whole run
        if debug_enabled():
            raise
        status.input_errors += 1
        _error(f"{label}: {_internal_error(exc)} (set FACTCHECK_DEBUG=1 for a traceback)")


def _example_file() -> Traversable:
    """The built-in example article: the first .md/.txt file in factcheck/examples/."""
    try:
        root = resources.files(EXAMPLE_PACKAGE)
        entries = sorted(
            (
                entry
                for entry in root.iterdir()
                if entry.is_file()
                and entry.name.lower().endswith(EXAMPLE_SUFFIXES)
                and not entry.name.lower().startswith("readme")
            ),
            key=lambda entry: entry.name,
        )
    except (ModuleNotFoundError, OSError) as exc:
        raise CommandError(f"the example articles are not installed ({exc})") from None
    if not entries:
        raise CommandError("no example article is installed in factcheck/examples/")
    return entries[0]


def _load_example(entry: Traversable, args: argparse.Namespace) -> Iterator[Document | LoadError]:
    with resources.as_file(entry) as real_path:
        items = list(load_path(real_path, published=args.published, max_bytes=args.max_bytes))
    for item in items:
        if isinstance(item, Document):
            # A stable path in reports, wherever the package is installed.
            item.path = f"factcheck/examples/{entry.name}"
        yield item


# --------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    pipeline = importlib.import_module("factcheck.pipeline")
    report = _reporter(args.format)
    _check_output_path(args.output)
    rules = _load_rules(args.rules)
    register_rules = getattr(sys.modules.get("factcheck.report"), "register_rules", None)
    if register_rules is not None:  # reporters that describe rules (SARIF) learn them once
        register_rules(rules)
    status = RunStatus()
    results = []
    for item in iter_documents(args, status):
        results.append(_check_item(item, rules, pipeline, status))
    if status.documents == 0 and not status.failed:
        raise CommandError("no documents to check")
    # Machine formats always get a valid report, even an empty one; people get no empty box.
    if status.documents or args.format in ("json", "sarif"):
        _write_report(args, lambda out, color: report(results, out, color=color))
    status.summarise()
    if status.failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if _fails(results, args.fail_on) else EXIT_OK


def _check_item(item: Document | LoadError, rules: list, pipeline: Any, status: RunStatus):
    if isinstance(item, LoadError):
        status.document_error(f"{item.path}: {item.message}")
        return _error_result(_placeholder(item), item.message)
    try:
        return pipeline.check_document(item, rules)
    except Exception as exc:  # noqa: BLE001 - one document's crash is that document's error
        if debug_enabled():
            raise
        message = _internal_error(exc)
        status.document_error(
            f"{item.path} ({item.id}): {message} (set FACTCHECK_DEBUG=1 for a traceback)"
        )
        return _error_result(item, message)


def _placeholder(error: LoadError) -> Document:
    return Document(text="", path=error.path, id=error.id)


def _error_result(document: Document, message: str):
    """A DocumentResult standing for a document that could not be checked."""
    from factcheck.claims import Claims
    from factcheck.pipeline import DocumentResult

    return DocumentResult(
        document=document, claims=Claims(published=document.published), error=message
    )


def _fails(results: list, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    from factcheck.findings import Severity

    threshold = Severity.parse(fail_on)
    return any(
        finding.severity >= threshold and not finding.suppressed
        for result in results
        for finding in result.findings
    )


def _reporter(fmt: str) -> Callable[..., None]:
    try:
        reporting = importlib.import_module("factcheck.report")
        reporter = reporting.get_reporter(fmt)
    except (ImportError, AttributeError) as exc:
        raise CommandError(f"the '{fmt}' report format is not available ({exc})") from None
    return getattr(reporter, "report", reporter)


def _load_rules(extra: list[Path]) -> list:
    """The shipped rules plus --rules, loaded once per run; any problem ends the command."""
    rules_module = importlib.import_module("factcheck.rules")
    try:
        return rules_module.load_rules(extra)
    except rules_module.RuleError as exc:
        raise CommandError(
            "the rules have problems:\n" + "\n".join(f"  {problem}" for problem in exc.problems)
        ) from None


# --------------------------------------------------------------------------- output


def _check_output_path(output: Path | None) -> None:
    if output is None:
        return
    if output.is_dir():
        raise CommandError(f"cannot write the report to {output}: it is a folder")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise CommandError(f"cannot write the report to {output}: no such folder {parent}")


def _write_report(args: argparse.Namespace, render: Callable[[TextIO, bool], None]) -> None:
    """Render to stdout (colour if a terminal allows it) or, without colour, to --output."""
    if args.output is None:
        render(sys.stdout, _use_color(args, sys.stdout))
        sys.stdout.flush()
        return
    buffer = io.StringIO()
    render(buffer, False)
    try:
        args.output.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as exc:
        raise CommandError(
            f"cannot write the report to {args.output}: {exc.strerror or exc}"
        ) from None


def _use_color(args: argparse.Namespace, out: TextIO) -> bool:
    if getattr(args, "no_color", False) or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


# --------------------------------------------------------------------------- extract


def cmd_extract(args: argparse.Namespace) -> int:
    extraction = importlib.import_module("factcheck.extract")
    pipeline = importlib.import_module("factcheck.pipeline")
    claims_jsonl = _claims_serializer()
    _check_output_path(args.output)
    status = RunStatus()

    def claim_records(document: Document) -> tuple[list[dict[str, Any]] | None, str | None]:
        try:
            result = pipeline.DocumentResult(document=document, claims=extraction.extract(document))
            records = [dict(record) for record in claims_jsonl(result)]
        except Exception as exc:  # noqa: BLE001 - one document's crash is its own error
            if debug_enabled():
                raise
            message = _internal_error(exc)
            status.document_error(f"{document.path} ({document.id}): {message}")
            return None, message
        for record in records:
            record.setdefault("doc", document.id)
        return records, None

    def documents() -> Iterator[tuple[Document, list[dict[str, Any]] | None, str | None]]:
        for item in iter_documents(args, status):
            if isinstance(item, LoadError):
                status.document_error(f"{item.path}: {item.message}")
                yield _placeholder(item), None, item.message
            else:
                yield (item, *claim_records(item))

    if args.format == "jsonl":
        _write_stream(args, _jsonl_lines(documents()))
    else:
        collected = list(documents())
        if status.documents:
            render = _claims_json if args.format == "json" else _claims_rich
            _write_report(args, lambda out, color: render(collected, out, color))
    if status.documents == 0 and not status.failed:
        raise CommandError("no documents to extract from")
    status.summarise()
    return EXIT_ERROR if status.failed else EXIT_OK


def _claims_serializer() -> Callable[..., Iterator[dict[str, Any]]]:
    try:
        return importlib.import_module("factcheck.report").claims_jsonl
    except (ImportError, AttributeError) as exc:
        raise CommandError(f"claim output is not available ({exc})") from None


def _jsonl_lines(
    documents: Iterator[tuple[Document, list[dict[str, Any]] | None, str | None]],
) -> Iterator[str]:
    for document, records, error in documents:
        if error is not None:
            yield json.dumps({"doc": document.id, "path": document.path, "error": error})
            continue
        for record in records or []:
            yield json.dumps(record, ensure_ascii=False, default=str)


def _write_stream(args: argparse.Namespace, lines: Iterator[str]) -> None:
    """Lines as they come (a large batch shows progress); to --output once complete."""
    if args.output is None:
        for line in lines:
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
        return
    _write_report(args, lambda out, color: out.writelines(line + "\n" for line in lines))


def _claims_json(collected: list, out: TextIO, color: bool) -> None:
    documents = []
    for document, records, error in collected:
        entry: dict[str, Any] = {
            "path": document.path,
            "id": document.id,
            "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "published_source": document.published_source,
        }
        if error is not None:
            entry["error"] = error
        else:
            entry["claims"] = [{k: v for k, v in r.items() if k != "doc"} for r in records]
        documents.append(entry)
    json.dump(
        {"version": 1, "documents": documents}, out, ensure_ascii=False, indent=2, default=str
    )
    out.write("\n")


def _claims_rich(collected: list, out: TextIO, color: bool) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        width=None if color else 120,
    )
    for document, records, error in collected:
        dated = (
            f", published {document.published} ({document.published_source})"
            if document.published
            else ", no publication date"
        )
        console.print(
            f"[bold]{escape(document.path)}[/bold] [dim]{escape(document.id + dated)}[/dim]"
        )
        if error is not None:
            console.print(f"  [red]error:[/red] {escape(error)}")
            continue
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for column in ("line:col", "kind", "text", "value", "unit / granularity", "bound"):
            table.add_column(column)
        for record in records or []:
            line, column = document.line_col(int(record.get("start", 0)))
            cells = (
                f"{line}:{column}",
                str(record.get("kind", "")),
                str(record.get("text", "")),
                _claim_value(record),
                str(record.get("unit") or record.get("granularity") or ""),
                str(record.get("bound") or ""),
            )
            table.add_row(*(Text(cell) for cell in cells))  # claim text is never markup
        if records:
            console.print(table)
        else:
            console.print("  no figures or dates found")


def _claim_value(record: dict[str, Any]) -> str:
    if record.get("kind") == "date":
        return str(record.get("date") or "")
    if record.get("low") is not None or record.get("high") is not None:
        return f"{record.get('low')}–{record.get('high')}"
    value = record.get("value")
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


# --------------------------------------------------------------------------- rules, explain


def cmd_rules_list(args: argparse.Namespace) -> int:
    rules = sorted(_load_rules(args.rules), key=lambda rule: rule.id)
    rows = [
        {
            "id": rule.id,
            "check": rule.check,
            "severity": str(rule.severity),
            "description": rule.description,
            "enabled": rule.enabled,
        }
        for rule in rules
    ]
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not rows:
        print("no rules")
        return EXIT_OK
    for row in rows:
        row["label"] = row["id"] if row["enabled"] else f"{row['id']} (off)"
        row["description"] = _first_line(row["description"])
    header = {"label": "ID", "check": "CHECK", "severity": "SEVERITY", "description": "DESCRIPTION"}
    widths = {key: max(len(str(row[key])) for row in [header, *rows]) for key in header}
    for row in [header, *rows]:
        print(
            f"{row['label']:<{widths['label']}}  {row['check']:<{widths['check']}}  "
            f"{row['severity']:<{widths['severity']}}  {row['description']}".rstrip()
        )
    return EXIT_OK


def cmd_rules_validate(args: argparse.Namespace) -> int:
    rules_module = importlib.import_module("factcheck.rules")
    paths = list(args.paths)
    try:
        rules = rules_module.load_rules(paths, include_shipped=not paths)
    except rules_module.RuleError as exc:
        for problem in exc.problems:
            print(problem)
        noun = "problem" if len(exc.problems) == 1 else "problems"
        print(f"{PROG}: {len(exc.problems)} {noun} found", file=sys.stderr)
        return EXIT_ERROR
    where = ", ".join(str(p) for p in paths) if paths else "the shipped rules"
    print(f"{len(rules)} rules OK in {where}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    rules = {rule.id: rule for rule in _load_rules(args.rules)}
    rule = rules.get(args.rule)
    if rule is None:
        close = difflib.get_close_matches(args.rule, list(rules), n=3)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else "; 'factcheck rules list' shows them all"
        )
        raise CommandError(f"no rule named '{args.rule}'{hint}")
    print(_explain_text(rule))
    return EXIT_OK


def _explain_text(rule: Any) -> str:
    lines = [f"{rule.id}  (check: {rule.check}, severity: {rule.severity})"]
    if rule.path:
        lines.append(f"defined in {rule.path}:{rule.line}")
    if not rule.enabled:
        lines.append("disabled (enabled: false)")
    if rule.description:
        lines += ["", rule.description]
    if rule.message:
        lines += ["", f"Message: {rule.message}"]
    if rule.codes:
        lines.append(f"Reports: {', '.join(rule.codes)}")
    try:
        params = rule.effective_params()
    except KeyError:
        params = dict(rule.params)
    if params:
        lines += ["", "Parameters:"]
        lines += [f"  {key}: {json.dumps(value, default=str)}" for key, value in params.items()]
    for title, examples in (("Flagged:", rule.flag_examples), ("Passes:", rule.pass_examples)):
        if examples:
            lines += ["", title]
            for example in examples:
                date = f"  (published {example.published})" if example.published else ""
                lines.append(f"  {_marked(example.text, example.flag_spans)}{date}")
    return "\n".join(lines)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """Put the [[...]] markers back around the spans an example expects to be flagged."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}[[{text[start:end]}]]{text[end:]}"
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")


def _first_line(text: str, width: int = 100) -> str:
    """The first line of a description; for a folded paragraph, its first sentence."""
    if not text or not text.strip():
        return ""
    line = text.strip().splitlines()[0]
    if len(line) > width:
        line = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(line) > width + 20:
        line = line[: width + 20].rsplit(" ", 1)[0] + " …"
    return line


if __name__ == "__main__":  # pragma: no cover - python -m factcheck.cli
    raise SystemExit(main())
