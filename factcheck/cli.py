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
from dataclasses import dataclass, field
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
MIN_SEVERITY = ("info", "warning", "error")
DEFAULT_BASELINE_FILE = ".factcheck-baseline.json"
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
    _add_config_options(check)
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="lowest severity that makes the exit code 1 (default: the configuration's "
        "fail-on, else warning)",
    )
    check.add_argument(
        "--min-severity",
        choices=MIN_SEVERITY,
        default=None,
        help="lowest severity shown in the report (default: the configuration's "
        "min-severity, else info); does not change what fails the run",
    )
    check.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="report only findings not recorded in FILE (made by 'factcheck baseline')",
    )
    _add_output_options(check)
    check.set_defaults(handler=cmd_check)

    baseline = commands.add_parser(
        "baseline",
        help="record today's findings so later checks report only new ones",
        description="Check documents and record their findings, keyed on content (rule, "
        "document, flagged text, sentence), in a baseline file for 'check --baseline'.",
    )
    _add_input_options(baseline)
    _add_config_options(baseline)
    baseline.add_argument(
        "--output",
        "-o",
        type=Path,
        default=Path(DEFAULT_BASELINE_FILE),
        metavar="FILE",
        help=f"where to write the baseline (default: {DEFAULT_BASELINE_FILE})",
    )
    baseline.set_defaults(handler=cmd_baseline)

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

    rules = commands.add_parser("rules", help="list, validate or test rules; print their schema")
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
    test = rule_commands.add_parser(
        "test",
        help="run each rule's flag and pass examples; say what it missed or over-flagged",
        description="Run every rule's examples in isolation (default: the shipped rules). "
        "Exit 1 when a rule fails its examples or has no flag or no pass example, 2 when "
        "the rule files have problems.",
    )
    test.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="rule files or folders (default: the shipped rules)",
    )
    test.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar="ID",
        dest="only",
        help="test only this rule (repeatable)",
    )
    test.add_argument("--verbose", "-v", action="store_true", help="also list the rules that pass")
    test.set_defaults(handler=cmd_rules_test)
    schema = rule_commands.add_parser(
        "schema",
        help="print a JSON Schema for rule files (for editors)",
        description="Print a JSON Schema (draft 2020-12) describing rule files, with the "
        "parameters of every registered check kind.",
    )
    schema.set_defaults(handler=cmd_rules_schema)

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


def _add_config_options(command: argparse.ArgumentParser) -> None:
    """Rules and configuration: each flag, when given, beats the configuration file."""
    command.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="extra rule folder or file, on top of the shipped and configured rules "
        "(repeatable; a rule with the same id replaces an earlier one)",
    )
    command.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this factcheck.toml or pyproject.toml for every file instead of looking "
        "for one next to each file and above it",
    )
    command.add_argument(
        "--no-config", action="store_true", help="ignore configuration files; use the defaults"
    )
    command.add_argument(
        "--published-between",
        metavar="FIRST..LAST",
        help="publication window of undated documents, e.g. 2004..2005 or "
        "2004-01-01..2005-12-31: currency conversions are judged at any rate of the window "
        "(beats the documents' own published_between and the configuration's "
        "published-between; a publication date, when known, beats every window)",
    )
    for flag, verb in (("--enable", "turn on"), ("--disable", "turn off")):
        command.add_argument(
            flag,
            action="append",
            type=_rule_patterns,
            default=[],
            metavar="RULE",
            help=f"{verb} rules: ids, globs such as 'drift-*', or 'all' (repeatable, "
            "comma-separated)",
        )


def _rule_patterns(value: str) -> list[str]:
    """--enable/--disable: comma-separated rule ids or globs."""
    from factcheck.config import is_valid_pattern

    patterns = [part.strip() for part in value.split(",") if part.strip()]
    bad = [pattern for pattern in patterns if not is_valid_pattern(pattern)]
    if not patterns or bad:
        raise argparse.ArgumentTypeError(
            f"{(bad or [value])[0]!r} is not a rule id or a glob of rule ids"
        )
    return patterns


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


def iter_documents(
    args: argparse.Namespace,
    status: RunStatus,
    ignored: Callable[[Path], bool] | None = None,
) -> Iterator[Document | LoadError]:
    """Every document the arguments name, in order; input errors are printed and counted.

    A LoadError (one bad record) is passed on so the report can show it in its place.
    ``ignored`` drops files found by walking a folder (a configuration's ``ignore``); a file
    named on the command line is always read.
    """
    if not args.paths and not args.example:
        raise CommandError("nothing to check: give a PATH, '-' for standard input, or --example")
    sources: list[tuple[str, Callable[[], Iterator[Document | LoadError]]]] = []
    if args.example:
        example = _example_file()  # before any work: a broken install ends the command
        sources.append((example.name, lambda: _load_example(example, args)))
    for path in _input_paths(args.paths, ignored):
        sources.append((str(path), lambda path=path: _load_one(path, args)))
    for label, source in sources:
        yield from _guarded(label, source, status)


def _input_paths(paths: Sequence[str], ignored: Callable[[Path], bool] | None) -> Iterator[Path]:
    for raw in paths:
        walked = ignored is not None and str(raw) != STDIN_PATH and Path(raw).is_dir()
        for path in iter_paths([raw]):
            if not (walked and ignored(path)):
                yield path


def _load_one(path: Path, args: argparse.Namespace) -> Iterator[Document | LoadError]:
    # The window option, parsed by _check_documents (check and baseline only).
    window = getattr(args, "published_window", None)
    if str(path) == STDIN_PATH:
        return load_stdin(
            published=args.published,
            max_bytes=args.max_bytes,
            fmt=args.stdin_format,
            published_between=window,
        )
    return load_path(
        path, published=args.published, max_bytes=args.max_bytes, published_between=window
    )


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
        items = list(
            load_path(
                real_path,
                published=args.published,
                max_bytes=args.max_bytes,
                published_between=getattr(args, "published_window", None),
            )
        )
    for item in items:
        if isinstance(item, Document):
            # A stable path in reports, wherever the package is installed.
            item.path = f"factcheck/examples/{entry.name}"
        yield item


# --------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    report = _reporter(args.format)
    _check_output_path(args.output)
    baseline = _read_baseline(args.baseline) if args.baseline is not None else None
    run = _check_documents(args)
    register_rules = getattr(sys.modules.get("factcheck.report"), "register_rules", None)
    if register_rules is not None:  # reporters that describe rules (SARIF) learn them
        register_rules(run.setup.all_rules())
    baselined = baseline.apply(run.results) if baseline is not None else 0
    # fail-on is decided over every finding, before min-severity hides some from the report.
    failing, hidden_failing = _failing_findings(run)
    for result, settings in zip(run.results, run.settings, strict=True):
        result.findings = [f for f in result.findings if settings.shows(f.severity)]
    # Machine formats always get a valid report, even an empty one; people get no empty box.
    if run.status.documents or args.format in ("json", "sarif"):
        _write_report(args, lambda out, color: report(run.results, out, color=color))
    run.status.summarise()
    if baselined:
        _note(
            f"{_plural(baselined, 'finding')} recorded in the baseline {args.baseline} "
            + ("is" if baselined == 1 else "are")
            + " not reported"
        )
    if hidden_failing:
        _note(
            f"{_plural(hidden_failing, 'finding')} below the shown severity (min-severity) "
            + ("fails" if hidden_failing == 1 else "fail")
            + " the run (fail-on)"
        )
    if run.status.failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def cmd_baseline(args: argparse.Namespace) -> int:
    from factcheck.baseline import Baseline, BaselineError

    _check_output_path(args.output)
    run = _check_documents(args)
    baseline = Baseline.from_results(run.results, args.output)
    try:
        baseline.write(args.output)
    except BaselineError as exc:
        raise CommandError(str(exc)) from None
    checked = sum(1 for result in run.results if not result.error)
    print(
        f"Recorded {_plural(len(baseline.entries), 'finding')} from "
        f"{_plural(checked, 'document')} in {args.output}."
    )
    run.status.summarise()
    return EXIT_ERROR if run.status.failed else EXIT_OK


@dataclass(slots=True)
class CheckRun:
    """The results of check or baseline, each with the settings of its file's configuration."""

    setup: CheckSetup
    status: RunStatus
    results: list = field(default_factory=list)
    settings: list = field(default_factory=list)


def _check_documents(args: argparse.Namespace) -> CheckRun:
    pipeline = importlib.import_module("factcheck.pipeline")
    suppress = importlib.import_module("factcheck.suppress")
    published = importlib.import_module("factcheck.load.published")
    args.published_window = _window_option(args.published_between)
    setup = CheckSetup(args)
    # Every configuration and rule problem ends the run before any document is read.
    for raw in args.paths:
        setup.for_path(raw)
    if args.example:
        setup.for_path(None)
    run = CheckRun(setup=setup, status=RunStatus())
    for item in iter_documents(args, run.status, ignored=setup.ignores):
        configured = setup.for_path(item.path)
        if isinstance(item, Document):  # the option and the document's own window beat it
            published.apply_configured_window(item, configured.settings.config.published_between)
        result = _check_item(item, configured.rules, pipeline, run.status)
        result.findings = suppress.configure_meta_findings(result.findings, configured.settings)
        run.results.append(result)
        run.settings.append(configured.settings)
    if run.status.documents == 0 and not run.status.failed:
        raise CommandError("no documents to check")
    return run


def _window_option(value: str | None) -> tuple[dt.date, dt.date] | None:
    """--published-between, parsed here rather than by argparse so that a bad value is one
    line ("factcheck: error: ..."), like a bad configuration value, not a usage screen."""
    if value is None:
        return None
    from factcheck.load.published import parse_window_value

    try:
        return parse_window_value(value)
    except ValueError as exc:
        raise CommandError(f"--published-between: {exc}") from None


@dataclass(slots=True)
class Configured:
    settings: Any
    rules: list


class CheckSetup:
    """Configuration and rules for each checked file: found once per folder, loaded once per
    configuration, with the command line's flags applied on top."""

    def __init__(self, args: argparse.Namespace):
        config = importlib.import_module("factcheck.config")
        self._config = config
        self.overrides = config.Overrides(
            rules=tuple(args.rules),
            enable=tuple(p for group in args.enable for p in group),
            disable=tuple(p for group in args.disable for p in group),
            min_severity=getattr(args, "min_severity", None),
            fail_on=getattr(args, "fail_on", None),
        )
        self.resolver = self._guard(
            lambda: config.ConfigResolver(args.config, discover=not args.no_config)
        )
        self._configured: dict[Any, Configured] = {}
        self._loaded: dict[tuple[Path, ...], list] = {}

    def _guard(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except self._config.ConfigError as exc:
            raise CommandError(
                f"\n{PROG}: error: ".join(str(problem) for problem in exc.problems)
            ) from None

    def for_path(self, path: str | Path | None) -> Configured:
        config = self._guard(lambda: self.resolver.for_path(path))
        configured = self._configured.get(config)
        if configured is None:
            settings = self._config.Settings(config, self.overrides)
            folders = tuple(settings.rule_folders)
            if folders not in self._loaded:
                self._loaded[folders] = _load_rules(list(folders))
            rules = settings.configure(self._loaded[folders])
            from factcheck.suppress import META_RULES

            known = [rule.id for rule in rules] + list(META_RULES)
            for pattern in settings.unmatched_patterns(known):
                logging.getLogger("factcheck.config").warning(
                    "%s: the rule pattern '%s' matches no rule", config.label, pattern
                )
            configured = Configured(settings=settings, rules=rules)
            self._configured[config] = configured
        return configured

    def ignores(self, path: Path) -> bool:
        return self.for_path(path).settings.config.ignores(path)

    def all_rules(self) -> list:
        """Every rule in force anywhere in the run, by id (for reporters that list rules)."""
        by_id: dict[str, Any] = {}
        for configured in self._configured.values():
            for rule in configured.rules:
                by_id.setdefault(rule.id, rule)
        return list(by_id.values())


def _failing_findings(run: CheckRun) -> tuple[int, int]:
    """How many findings fail the run (each under its own file's fail-on), and how many of
    those min-severity hides."""
    from factcheck.baseline import is_active

    failing = hidden = 0
    for result, settings in zip(run.results, run.settings, strict=True):
        for finding in result.findings:
            if is_active(finding) and settings.fails(finding.severity):
                failing += 1
                hidden += not settings.shows(finding.severity)
    return failing, hidden


def _read_baseline(path: Path) -> Any:
    from factcheck.baseline import Baseline, BaselineError

    try:
        return Baseline.read(path)
    except BaselineError as exc:
        raise CommandError(str(exc)) from None


def _note(message: str) -> None:
    print(f"{PROG}: note: {message}", file=sys.stderr)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


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
    report = importlib.import_module("factcheck.report")
    _check_output_path(args.output)
    status = RunStatus()

    def extracted(document: Document) -> Any:
        try:
            # As check does: factcheck-ignore directives (and their reasons) are not claims.
            readable = importlib.import_module("factcheck.suppress").prepare(document)[0]
            return pipeline.DocumentResult(document=document, claims=extraction.extract(readable))
        except Exception as exc:  # noqa: BLE001 - one document's crash is its own error
            if debug_enabled():
                raise
            message = _internal_error(exc)
            status.document_error(f"{document.path} ({document.id}): {message}")
            return _error_result(document, message)

    def results() -> Iterator[Any]:
        for item in iter_documents(args, status):
            if isinstance(item, LoadError):
                status.document_error(f"{item.path}: {item.message}")
                yield _error_result(_placeholder(item), item.message)
            else:
                yield extracted(item)

    if args.format == "jsonl":
        _write_stream(args, _jsonl_lines(results(), report.claims_jsonl))
    else:
        collected = list(results())
        if status.documents:
            reporter = report.get_claims_reporter(args.format)
            _write_report(args, lambda out, color: reporter(collected, out, color=color))
    if status.documents == 0 and not status.failed:
        raise CommandError("no documents to extract from")
    status.summarise()
    return EXIT_ERROR if status.failed else EXIT_OK


def _jsonl_lines(results: Iterator[Any], claims_jsonl: Callable[..., Any]) -> Iterator[str]:
    for result in results:
        if result.error is not None:
            document = result.document
            yield json.dumps({"doc": document.id, "path": document.path, "error": result.error})
            continue
        for record in claims_jsonl(result):
            yield json.dumps(record, ensure_ascii=False, default=str)


def _write_stream(args: argparse.Namespace, lines: Iterator[str]) -> None:
    """Lines as they come (a large batch shows progress); to --output once complete."""
    if args.output is None:
        for line in lines:
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
        return
    _write_report(args, lambda out, color: out.writelines(line + "\n" for line in lines))


# --------------------------------------------------------------------------- rules, explain


def cmd_rules_list(args: argparse.Namespace) -> int:
    rules_text = importlib.import_module("factcheck.report.rules_text")
    rules = sorted(_load_rules(args.rules), key=lambda rule: rule.id)
    if args.format == "json":
        json.dump(rules_text.rule_rows(rules), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for line in rules_text.rules_table(rules):
        print(line)
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


def cmd_rules_test(args: argparse.Namespace) -> int:
    rules_module = importlib.import_module("factcheck.rules")
    ruletest = importlib.import_module("factcheck.ruletest")
    paths = list(args.paths)
    rules, problems = rules_module.load_paths(paths, include_shipped=not paths)
    if problems:
        for problem in problems:
            print(problem)
        noun = "problem" if len(problems) == 1 else "problems"
        raise CommandError(f"{len(problems)} {noun} in the rule files; fix them to run the tests")
    if args.only:
        known = {rule.id for rule in rules}
        for wanted in args.only:
            if wanted not in known:
                close = difflib.get_close_matches(wanted, sorted(known), n=3)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                raise CommandError(f"no rule named '{wanted}'{hint}")
        rules = [rule for rule in rules if rule.id in set(args.only)]
    results = []
    for rule in sorted(rules, key=lambda r: r.id):
        result = ruletest.run_rule(rule)
        results.append(result)
        for line in ruletest.describe(result, verbose=args.verbose):
            print(line)
        sys.stdout.flush()
    print(ruletest.summary(results))
    return EXIT_OK if all(result.passed for result in results) else EXIT_FINDINGS


def cmd_rules_schema(args: argparse.Namespace) -> int:
    schema = importlib.import_module("factcheck.rule_schema").rule_file_schema()
    json.dump(schema, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
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
    print(importlib.import_module("factcheck.report.rules_text").explain_text(rule))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover - python -m factcheck.cli
    raise SystemExit(main())
