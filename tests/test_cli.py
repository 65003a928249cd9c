"""The command line, run in-process: exit codes, one-line errors, and what reaches the reporter.

Extraction, checks and reporters belong to other modules; here they are replaced by small
fakes so that these tests exercise the command line itself.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import types

import pytest

from factcheck import cli
from factcheck import rules as rules_module
from factcheck.checks import CheckKind
from factcheck.claims import Claims, DateClaim, Quantity
from factcheck.document import Document, Span
from factcheck.findings import Finding, Severity
from factcheck.load import published as published_module
from factcheck.pipeline import DocumentResult
from factcheck.rules import Example, Rule, RuleError, RuleProblem

SEVERITY_WORDS = {
    "ERRORWORD": Severity.ERROR,
    "WARNWORD": Severity.WARNING,
    "INFOWORD": Severity.INFO,
}


class Run:
    """What the fakes saw during one run."""

    def __init__(self):
        self.reports: list[dict] = []
        self.checked: list[Document] = []
        self.rule_loads: list[list] = []


def fake_check_document(run: Run):
    """A finding per severity word in the text; "SUPPRESSED" marks findings suppressed;
    "CRASH" raises, like a bug in a check would."""

    def check_document(document: Document, rules: list) -> DocumentResult:
        run.checked.append(document)
        if "CRASH" in document.text:
            raise RuntimeError("boom in a check")
        result = DocumentResult(document=document, claims=Claims(published=document.published))
        for word, severity in SEVERITY_WORDS.items():
            start = document.text.find(word)
            if start >= 0:
                span = Span(start, start + len(word))
                line, column = document.line_col(start)
                result.findings.append(
                    Finding(
                        rule=f"fake-{severity}",
                        check="fake",
                        severity=severity,
                        message=word,
                        span=span,
                        text=word,
                        line=line,
                        column=column,
                        suppressed="SUPPRESSED" in document.text,
                    )
                )
        return result

    return check_document


def fake_reporting(run: Run) -> types.ModuleType:
    module = types.ModuleType("factcheck.report")

    def get_reporter(fmt: str):
        def report(results, out, *, color):
            run.reports.append({"format": fmt, "results": results, "color": color})
            for result in results:
                out.write(f"{fmt}|{result.document.id}|{len(result.findings)}|{result.error}\n")

        return report

    def claims_jsonl(result):
        for claim in [*result.claims.quantities, *result.claims.dates]:
            yield {
                "kind": claim.kind,
                "start": claim.span.start,
                "end": claim.span.end,
                "text": claim.text,
                "doc": result.document.id,
            }

    def get_claims_reporter(fmt: str):
        def report(results, out, *, color):
            run.reports.append({"claims_format": fmt, "results": results, "color": color})
            for result in results:
                claims = [*result.claims.quantities, *result.claims.dates]
                published = result.document.published
                out.write(f"claims-{fmt}|{result.document.id}|{published}|")
                out.write(",".join(f"{c.text}@{c.span.start}" for c in claims) + "\n")

        return report

    module.get_reporter = get_reporter
    module.get_claims_reporter = get_claims_reporter
    module.claims_jsonl = claims_jsonl
    module.register_rules = lambda rules: run.reports.append({"registered": list(rules)})
    return module


@pytest.fixture
def run(monkeypatch) -> Run:
    state = Run()
    monkeypatch.setitem(sys.modules, "factcheck.report", fake_reporting(state))
    monkeypatch.setattr("factcheck.pipeline.check_document", fake_check_document(state))

    def load_rules(directories=None, *, include_shipped=True):
        state.rule_loads.append(list(directories or []))
        return []

    monkeypatch.setattr(rules_module, "load_rules", load_rules)
    monkeypatch.setattr(published_module, "_dateline_finder", lambda: None)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return state


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def assert_clean_stderr(err: str) -> None:
    assert "Traceback" not in err


# --------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        ("All 12 figures agree.", "warning", 0),
        ("A WARNWORD here.", "warning", 1),
        ("A WARNWORD here.", "error", 0),
        ("An ERRORWORD here.", "error", 1),
        ("An INFOWORD here.", "warning", 0),
        ("An INFOWORD here.", "info", 1),
        ("An ERRORWORD here.", "never", 0),
        ("An ERRORWORD here, SUPPRESSED.", "info", 0),
    ],
)
def test_exit_code_follows_fail_on(run, make_file, capsys, text, fail_on, code):
    path = make_file("a.txt", text)
    assert cli.main(["check", str(path), "--fail-on", fail_on]) == code
    out, err = capsys.readouterr()
    assert out.startswith("rich|a.txt|")
    assert err == ""


def test_default_fail_on_is_warning(run, make_file, capsys):
    assert cli.main(["check", str(make_file("w.txt", "WARNWORD"))]) == 1


def test_invalid_published_is_a_usage_error(run, make_file, capsys):
    path = make_file("a.txt", "Text 1.")
    assert cli.main(["check", str(path), "--published", "2024-13-01"]) == 2
    assert cli.main(["check", str(path), "--published", "14/03/2024"]) == 2
    _, err = capsys.readouterr()
    assert "YYYY-MM-DD" in err and "'14/03/2024'" in err
    assert_clean_stderr(err)
    assert run.checked == []


def test_published_option_reaches_every_document(run, make_file, capsys):
    path = make_file("a.jsonl", '{"id": "x", "text": "T.", "published": "2001-01-01"}\n')
    assert cli.main(["check", str(path), "--published", "2024-03-14"]) == 0
    [doc] = run.checked
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 14), "option")


def test_unknown_format_and_subcommand_are_usage_errors(run, capsys):
    assert cli.main(["check", "x.txt", "--format", "html"]) == 2
    assert cli.main(["frobnicate"]) == 2
    assert cli.main([]) == 2
    _, err = capsys.readouterr()
    assert "usage:" in err
    assert_clean_stderr(err)


def test_help_and_version_exit_zero(capsys):
    assert cli.main(["--help"]) == 0
    assert cli.main(["check", "--help"]) == 0
    assert "--fail-on" in capsys.readouterr().out


def test_nothing_to_check(run, capsys):
    assert cli.main(["check"]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        "factcheck: error: nothing to check: give a PATH, '-' for standard input, or --example"
    ]


# --------------------------------------------------------------------------- bad inputs


def test_a_bad_input_is_reported_and_the_rest_still_checked(run, make_file, tmp_path, capsys):
    good = make_file("good.txt", "A WARNWORD here.")
    missing = tmp_path / "missing.txt"
    empty = make_file("empty.txt", "")
    binary = make_file("blob.txt", b"\x00\x01\x02\x03")
    code = cli.main(["check", str(missing), str(good), str(empty), str(binary)])
    assert code == 2
    out, err = capsys.readouterr()
    assert lines_of(err) == [
        f"factcheck: error: no such file or directory: {missing}",
        f"factcheck: error: {empty} is empty",
        f"factcheck: error: {binary} is a binary file, not text",
    ]
    assert lines_of(out) == ["rich|good.txt|1|None"]


def test_too_large_file_and_max_bytes(run, make_file, capsys):
    line = "The road was closed for 12 miles.\n"
    path = make_file("big.txt", line * (6_000_000 // len(line) + 1))
    assert cli.main(["check", str(path)]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        f"factcheck: error: {path} is 6.0 MB; the limit is 5.0 MB (raise it with --max-bytes)"
    ]
    assert cli.main(["check", str(path), "--max-bytes", "10MB"]) == 0
    assert cli.main(["check", str(path), "--max-bytes", "lots"]) == 2
    _, err = capsys.readouterr()
    assert "is not a size" in err
    assert_clean_stderr(err)


def test_jsonl_bad_line_is_one_document_error_and_the_batch_goes_on(run, make_file, capsys):
    path = make_file(
        "batch.jsonl",
        '{"id": "one", "text": "Fine."}\n{"id": "two", "text": \n{"id": "three", "text": "Ok."}\n',
    )
    assert cli.main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert [d.id for d in run.checked] == ["one", "three"]
    [report] = [r for r in run.reports if "results" in r]
    assert [(r.document.id, r.error is None) for r in report["results"]] == [
        ("one", True),
        (f"{path}:2", False),
        ("three", True),
    ]
    assert report["results"][1].error.startswith("line 2: invalid JSON")
    assert lines_of(err) == [f"factcheck: error: {path}: {report['results'][1].error}"]


def test_a_crash_in_one_document_is_that_documents_error(run, make_file, capsys):
    crash = make_file("crash.txt", "This one will CRASH.")
    fine = make_file("fine.txt", "This one is fine.")
    assert cli.main(["check", str(crash), str(fine), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert lines_of(out) == [
        "json|crash.txt|0|internal error: RuntimeError: boom in a check",
        "json|fine.txt|0|None",
    ]
    assert len(lines_of(err)) == 1 and "internal error: RuntimeError: boom" in err
    assert_clean_stderr(err)


def test_factcheck_debug_reraises(run, make_file, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["check", str(make_file("crash.txt", "CRASH"))])


def test_a_broken_reporter_is_one_line_not_a_traceback(run, make_file, monkeypatch, capsys):
    def get_reporter(fmt):
        def report(results, out, *, color):
            raise ValueError("cannot render")

        return report

    monkeypatch.setattr(sys.modules["factcheck.report"], "get_reporter", get_reporter)
    assert cli.main(["check", str(make_file("a.txt", "Text."))]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        "factcheck: error: internal error: ValueError: cannot render "
        "(set FACTCHECK_DEBUG=1 for a traceback)"
    ]


def test_latin1_input_warns_on_stderr_and_is_checked(run, make_file, capsys):
    path = make_file("old.txt", b"Caf\xe9 WARNWORD.\n")
    assert cli.main(["check", str(path)]) == 1
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        f"factcheck: warning: {path} is not UTF-8 (first bad byte on line 1); "
        "read it as Windows-1252"
    ]
    assert run.checked[0].text == "Café WARNWORD.\n"


# --------------------------------------------------------------------------- inputs


def test_stdin_dash(run, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From stdin, INFOWORD.\n")))
    assert cli.main(["check", "-", "--fail-on", "info"]) == 1
    [doc] = run.checked
    assert (doc.path, doc.id, doc.format) == ("-", "stdin", "text")


def test_stdin_format_markdown(run, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Run `WARNWORD` now.\n")))
    assert cli.main(["check", "-", "--stdin-format", "markdown"]) == 0
    assert run.checked[0].format == "markdown"


def test_a_folder_is_checked_file_by_file_in_order(run, make_file, tmp_path, capsys):
    for name in ("b.md", "a.txt", "sub/c.txt", ".hidden/d.txt", "skip.rst"):
        make_file(f"tree/{name}", "Text 1.\n")
    assert cli.main(["check", str(tmp_path / "tree")]) == 0
    assert [d.id for d in run.checked] == ["a.txt", "b.md", "c.txt"]


def test_an_empty_folder_is_an_error(run, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert cli.main(["check", str(tmp_path / "empty")]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err)[-1] == "factcheck: error: no documents to check"


def test_rules_are_loaded_once_per_run_with_the_extra_folders(run, make_file, tmp_path):
    paths = [str(make_file(f"d{i}.txt", "Text.")) for i in range(3)]
    extra = tmp_path / "myrules"
    assert cli.main(["check", *paths, "--rules", str(extra), "--rules", "other"]) == 0
    assert len(run.checked) == 3
    assert [[str(p) for p in dirs] for dirs in run.rule_loads] == [[str(extra), "other"]]


def test_rule_problems_end_the_run_with_every_problem_listed(run, make_file, monkeypatch, capsys):
    problems = [
        RuleProblem("r.yaml", 3, 5, "unknown key 'sevrity'"),
        RuleProblem("r.yaml", 9, 1, "rule is missing the required key 'id'"),
    ]

    def load_rules(directories=None, *, include_shipped=True):
        raise RuleError(problems)

    monkeypatch.setattr(rules_module, "load_rules", load_rules)
    assert cli.main(["check", str(make_file("a.txt", "Text."))]) == 2
    _, err = capsys.readouterr()
    assert "r.yaml:3:5: unknown key 'sevrity'" in err
    assert "r.yaml:9:1: rule is missing the required key 'id'" in err
    assert run.checked == []


def test_example_article_is_checked(run, capsys):
    assert cli.main(["check", "--example", "--fail-on", "never"]) == 0
    [doc] = run.checked
    assert doc.path.startswith("factcheck/examples/")
    assert doc.path.endswith((".md", ".txt")) and "readme" not in doc.path.lower()
    assert doc.text.strip()


# --------------------------------------------------------------------------- output


def test_output_file_gets_the_report_without_colour(run, make_file, tmp_path, capsys):
    target = tmp_path / "out" / "report.txt"
    target.parent.mkdir()
    assert cli.main(["check", str(make_file("a.txt", "WARNWORD")), "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "rich|a.txt|1|None\n"
    assert capsys.readouterr().out == ""
    assert run.reports[-1]["color"] is False


def test_output_into_a_missing_folder_fails_before_checking(run, make_file, tmp_path, capsys):
    target = tmp_path / "nope" / "report.txt"
    assert cli.main(["check", str(make_file("a.txt", "Text.")), "--output", str(target)]) == 2
    assert run.checked == []
    assert "no such folder" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("flags", "env", "color"),
    [([], {}, True), (["--no-color"], {}, False), ([], {"NO_COLOR": "1"}, False)],
)
def test_colour_only_on_a_terminal_and_when_allowed(run, make_file, monkeypatch, flags, env, color):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert cli.main(["check", str(make_file("a.txt", "Text.")), *flags]) == 0
    assert run.reports[-1]["color"] is color


def test_sarif_reporter_learns_the_rules(run, make_file):
    assert cli.main(["check", str(make_file("a.txt", "Text.")), "--format", "sarif"]) == 0
    assert {"registered": []} in run.reports


# --------------------------------------------------------------------------- extract


def fake_extract(document: Document) -> Claims:
    if "CRASH" in document.text:
        raise ValueError("extractor bug")
    claims = Claims(published=document.published)
    start = document.text.find("12 km")
    if start >= 0:
        claims.quantities.append(Quantity(span=Span(start, start + 5), text="12 km", value=12.0))
    start = document.text.find("May 4")
    if start >= 0:
        claims.dates.append(DateClaim(span=Span(start, start + 5), text="May 4", date=None))
    return claims


def test_extract_jsonl_one_claim_per_line(run, make_file, monkeypatch, capsys):
    monkeypatch.setattr("factcheck.extract.extract", fake_extract)
    good = make_file("a.txt", "On May 4 the road, 12 km long, shut.")
    bad = make_file("b.txt", "CRASH")
    assert cli.main(["extract", str(good), str(bad), "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in lines_of(out)]
    assert records == [
        {"kind": "quantity", "start": 19, "end": 24, "text": "12 km", "doc": "a.txt"},
        {"kind": "date", "start": 3, "end": 8, "text": "May 4", "doc": "a.txt"},
        {"doc": "b.txt", "path": str(bad), "error": "internal error: ValueError: extractor bug"},
    ]
    assert "extractor bug" in err
    assert_clean_stderr(err)


def test_extract_json_groups_claims_by_document(run, make_file, monkeypatch, capsys):
    monkeypatch.setattr("factcheck.extract.extract", fake_extract)
    path = make_file("a.txt", "A 12 km walk.")
    assert cli.main(["extract", str(path), "--format", "json", "--published", "2024-01-02"]) == 0
    assert lines_of(capsys.readouterr().out) == ["claims-json|a.txt|2024-01-02|12 km@2"]


def test_extract_rich_lists_claims_with_positions(run, make_file, monkeypatch, capsys):
    monkeypatch.setattr("factcheck.extract.extract", fake_extract)
    path = make_file("a.txt", "Title\n\nA 12 km walk.")
    assert cli.main(["extract", str(path), "--no-color"]) == 0
    assert lines_of(capsys.readouterr().out) == ["claims-rich|a.txt|None|12 km@9"]
    [call] = [r for r in run.reports if "claims_format" in r]
    assert call["color"] is False


# --------------------------------------------------------------------------- rules, explain

RULES = [
    Rule(
        id="weekday-mismatch",
        check="weekday",
        severity=Severity.ERROR,
        description="A weekday must match its date.\nMore detail here.",
        message="{date} was a {actual}.",
        params={"strict": True},
        flag_examples=[
            Example(
                text="Polls opened on Monday, March 3.",
                published="2024-02-20",
                flag_spans=[(16, 31)],
            )
        ],
        pass_examples=[Example(text="Polls opened on Monday, March 3.", published="2025-02-20")],
        path="rules/dates.yaml",
        line=4,
    ),
    Rule(
        id="conversion-mismatch",
        check="conversion",
        severity=Severity.WARNING,
        description="Converted figures must agree.",
    ),
]


@pytest.fixture
def shipped(monkeypatch):
    monkeypatch.setattr(rules_module, "load_rules", lambda directories=None, **_: list(RULES))
    monkeypatch.setattr(Rule, "effective_params", lambda self: dict(self.params))


def test_rules_list(shipped, capsys):
    assert cli.main(["rules", "list"]) == 0
    out = lines_of(capsys.readouterr().out)
    assert out[0].split() == ["ID", "CHECK", "SEVERITY", "ENABLED", "SOURCE", "DESCRIPTION"]
    assert out[1].split() == [
        "conversion-mismatch",
        "conversion",
        "warning",
        "yes",
        "-",
        "Converted",
        "figures",
        "must",
        "agree.",
    ]
    assert out[2].split()[:4] == ["weekday-mismatch", "weekday", "error", "yes"]
    assert out[2].split()[5] == "A"
    assert "More detail" not in "\n".join(out)


def test_rules_list_json(shipped, capsys):
    assert cli.main(["rules", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == ["conversion-mismatch", "weekday-mismatch"]


def test_explain_shows_description_params_and_examples(shipped, capsys):
    assert cli.main(["explain", "weekday-mismatch"]) == 0
    out = capsys.readouterr().out
    assert "check: weekday, severity: error" in out
    assert "More detail here." in out
    assert "strict: true" in out
    assert "Polls opened on [[Monday, March 3]].  (published 2024-02-20)" in out
    assert "rules/dates.yaml:4" in out


def test_explain_unknown_rule_suggests_a_name(shipped, capsys):
    assert cli.main(["explain", "weekday-mismatc"]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        "factcheck: error: no rule named 'weekday-mismatc'; did you mean weekday-mismatch?"
    ]


@pytest.fixture
def one_check_kind(monkeypatch):
    kind = CheckKind(name="weekday", function=lambda claims, params: [], defaults={"strict": 1})
    monkeypatch.setattr("factcheck.checks.registry", lambda: {"weekday": kind})


def test_rules_validate_prints_every_problem_as_file_line_column(one_check_kind, make_file, capsys):
    path = make_file(
        "bad.yaml",
        (
            "rules:\n"
            "  - id: weekday-mismatch\n"
            "    check: weekday\n"
            "    sevrity: error\n"
            "  - id: Bad Id\n"
            "    check: weekdya\n"
            "    severity: loud\n"
        ),
    )
    assert cli.main(["rules", "validate", str(path)]) == 2
    out, err = capsys.readouterr()
    problems = lines_of(out)
    assert f"{path}:4:5: unknown key 'sevrity' (did you mean 'severity'?)" in problems
    assert all(line.startswith(f"{path}:") for line in problems)
    assert len(problems) >= 4
    assert_clean_stderr(err)


def test_rules_validate_accepts_good_files(one_check_kind, make_file, capsys):
    path = make_file(
        "good.yaml", ("rules:\n  - id: weekday-mismatch\n    check: weekday\n    severity: error\n")
    )
    assert cli.main(["rules", "validate", str(path)]) == 0
    assert "1 rules OK" in capsys.readouterr().out


def test_machine_formats_get_a_report_even_when_every_input_failed(run, tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "gone.txt"), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and run.reports[-1]["results"] == []
    assert cli.main(["check", str(tmp_path / "gone.txt")]) == 2
    assert [r for r in run.reports if "results" in r and r["format"] == "rich"] == []


def test_python_dash_m_runs_the_same_main(monkeypatch, capsys):
    import runpy

    monkeypatch.setattr(sys, "argv", ["factcheck", "--version"])
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("factcheck", run_name="__main__")
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("factcheck ")


def test_a_loader_bug_costs_one_input(run, make_file, monkeypatch, capsys):
    real_load_path = cli.load_path
    broken = make_file("broken.txt", "Text 1.")
    fine = make_file("fine.txt", "Text 2.")

    def load_path(path, **options):
        if path == broken:
            raise KeyError("loader bug")
        return real_load_path(path, **options)

    monkeypatch.setattr(cli, "load_path", load_path)
    assert cli.main(["check", str(broken), str(fine)]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        f"factcheck: error: {broken}: internal error: KeyError: 'loader bug' "
        "(set FACTCHECK_DEBUG=1 for a traceback)"
    ]
    assert [d.id for d in run.checked] == ["fine.txt"]


def test_missing_example_articles_end_the_command(run, make_file, tmp_path, monkeypatch, capsys):
    make_file("no_articles_pkg/__init__.py", "")
    make_file("no_articles_pkg/README.md", "Not an article.")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cli, "EXAMPLE_PACKAGE", "no_articles_pkg")
    assert cli.main(["check", "--example"]) == 2
    _, err = capsys.readouterr()
    assert lines_of(err) == [
        "factcheck: error: no example article is installed in factcheck/examples/"
    ]


def test_stderr_shows_the_first_document_errors_then_a_count(run, make_file, capsys):
    lines = "".join(
        f'{{"id": "d{i}", "text": "CRASH {i}"}}\n' for i in range(cli.MAX_ERRORS_SHOWN + 5)
    )
    assert cli.main(["check", str(make_file("all-bad.jsonl", lines)), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    err_lines = lines_of(err)
    assert len(err_lines) == cli.MAX_ERRORS_SHOWN + 1
    assert (
        err_lines[-1]
        == "factcheck: error: 5 more documents could not be processed (see the report)"
    )
    assert len(lines_of(out)) == cli.MAX_ERRORS_SHOWN + 5  # every one is in the report
