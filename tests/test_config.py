"""Configuration: discovery, validation, precedence (flags > file > defaults), rule selection.

Unit tests build configurations in tmp_path; the command-line tests run factcheck.cli.main
in-process over small articles whose conversion errors ("5 miles (10 km)", an error) and
conversions without a figure ("several miles (kilometres)", a warning) the shipped
conversion rules flag.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.config import (
    DEFAULT_CONFIG,
    Config,
    ConfigError,
    ConfigResolver,
    Overrides,
    Settings,
    load_config,
    path_is_ignored,
    pattern_specificity,
)
from factcheck.findings import Severity
from factcheck.rules import Rule

ERROR_TEXT = "The ferry route is 5 miles (10 km) long.\n"
WARNING_TEXT = "The new path runs several miles (kilometres) along the coast.\n"


# The rules these tests run: two conversion rules of our own in place of the shipped set
# (conftest.py), so that work in progress on other rule files cannot change what they see.
pytestmark = pytest.mark.usefixtures("own_conversion_rules")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_json(capsys, *args: str) -> tuple[int, dict, str]:
    code = cli.main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


def rules_of(report: dict) -> list[str]:
    return [f["rule"] for doc in report["documents"] for f in doc["findings"]]


def rule(rule_id: str, severity: Severity = Severity.WARNING, enabled: bool = True) -> Rule:
    return Rule(id=rule_id, check="conversion", severity=severity, enabled=enabled)


# --------------------------------------------------------------------------- discovery


def test_discovery_walks_upward_and_the_nearest_file_wins(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-on = "error"\n')
    write(tmp_path / "desk" / "factcheck.toml", 'fail-on = "info"\n')
    deep = write(tmp_path / "desk" / "2024" / "05" / "story.md", "Text.\n")
    shallow = write(tmp_path / "other" / "story.md", "Text.\n")
    resolver = ConfigResolver()
    assert resolver.for_path(deep).fail_on == "info"
    assert resolver.for_path(deep).path == tmp_path / "desk" / "factcheck.toml"
    assert resolver.for_path(shallow).fail_on == "error"
    # Cached per folder: asking again gives the very same object.
    assert resolver.for_path(deep) is resolver.for_path(deep.parent / "another.md")


def test_pyproject_without_a_factcheck_table_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nmin-severity = "warning"\n')
    write(tmp_path / "app" / "pyproject.toml", '[project]\nname = "app"\n')
    story = write(tmp_path / "app" / "story.txt", "Text.\n")
    config = ConfigResolver().for_path(story)
    assert config.path == tmp_path / "pyproject.toml"
    assert config.min_severity == "warning"


def test_factcheck_toml_beats_pyproject_in_the_same_folder(tmp_path, caplog):
    write(tmp_path / "factcheck.toml", 'fail-on = "error"\n')
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail-on = "info"\n')
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        config = ConfigResolver().for_path(write(tmp_path / "a.md", "Text."))
    assert config.fail_on == "error"
    assert "[tool.factcheck] is ignored" in caplog.text


def test_explicit_config_replaces_discovery_and_no_config_uses_defaults(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-on = "error"\n')
    elsewhere = write(tmp_path / "shared" / "house.toml", 'fail-on = "info"\n')
    story = write(tmp_path / "story.md", "Text.")
    assert ConfigResolver(elsewhere).for_path(story).fail_on == "info"
    assert ConfigResolver(discover=False).for_path(story) is DEFAULT_CONFIG


def test_stdin_uses_the_current_folder(tmp_path, monkeypatch):
    write(tmp_path / "factcheck.toml", 'min-severity = "error"\n')
    monkeypatch.chdir(tmp_path)
    assert ConfigResolver().for_path("-").min_severity == "error"


def test_rule_folders_are_relative_to_the_config_file(tmp_path, monkeypatch):
    write(tmp_path / "cfg" / "factcheck.toml", 'rules = ["house-rules"]\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(tmp_path / "cfg" / "factcheck.toml")
    assert config.rules == ((tmp_path / "cfg" / "house-rules").resolve(),)


# --------------------------------------------------------------------------- validation


def test_unknown_key_names_the_line_and_suggests_the_right_key(tmp_path):
    path = write(tmp_path / "factcheck.toml", '# house rules\nfail_on = "error"\nignroe = []\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(
        "factcheck.toml:2: unknown key 'fail_on' (did you mean 'fail-on'?); known keys: rules, "
        "enable, disable, severity, min-severity, fail-on, ignore, published-between"
    )
    assert "factcheck.toml:3: unknown key 'ignroe' (did you mean 'ignore'?)" in lines[1]


def test_every_wrong_value_is_reported_at_once(tmp_path):
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\nrules = "house"\nmin-severity = "loud"\n'
        'disable = ["Drift Count"]\n\n[tool.factcheck.severity]\n"drift-count" = "fatal"\n',
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problems = {(p.line, p.message.split(",")[0]) for p in caught.value.problems}
    assert problems == {
        (5, "'rules' must be a list of strings"),
        (6, "'min-severity' must be one of info"),
        (7, "'disable' has 'Drift Count'"),
        (10, "severity of 'drift-count' must be one of info"),
    }


def test_invalid_toml_is_one_problem_with_its_line(tmp_path):
    path = write(tmp_path / "factcheck.toml", 'fail-on = "error"\nenable = [\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [problem] = caught.value.problems
    assert problem.line >= 2 and problem.message.startswith("invalid TOML")


def test_explicit_pyproject_must_have_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.factcheck\] table"):
        ConfigResolver(path)


# --------------------------------------------------------------------------- precedence


@pytest.mark.parametrize(
    ("file_value", "flag_value", "expected"),
    [
        (None, None, "warning"),  # default
        ("error", None, "error"),  # the file beats the default
        ("error", "info", "info"),  # the flag beats the file
        (None, "never", "never"),  # the flag beats the default
    ],
)
def test_fail_on_precedence(file_value, flag_value, expected):
    settings = Settings(Config(fail_on=file_value), Overrides(fail_on=flag_value))
    assert settings.fail_on == expected


@pytest.mark.parametrize(
    ("file_value", "flag_value", "expected"),
    [(None, None, "info"), ("warning", None, "warning"), ("warning", "error", "error")],
)
def test_min_severity_precedence(file_value, flag_value, expected):
    settings = Settings(Config(min_severity=file_value), Overrides(min_severity=flag_value))
    assert settings.min_severity == expected


def test_min_severity_and_fail_on_are_independent():
    settings = Settings(Config(min_severity="error", fail_on="info"))
    assert not settings.shows(Severity.WARNING) and settings.fails(Severity.WARNING)
    settings = Settings(Config(min_severity="info", fail_on="error"))
    assert settings.shows(Severity.WARNING) and not settings.fails(Severity.WARNING)
    assert not Settings(Config(fail_on="never")).fails(Severity.ERROR)


def test_enable_disable_most_specific_pattern_wins_and_flags_come_last():
    only_drift = Settings(Config(disable=("all",), enable=("drift-*",)))
    assert only_drift.is_enabled("drift-count")
    assert not only_drift.is_enabled("weekday-mismatch")
    # An exact id beats a glob; a tie goes to disable.
    assert not Settings(Config(enable=("drift-*",), disable=("drift-count",))).is_enabled(
        "drift-count"
    )
    assert not Settings(Config(enable=("x",), disable=("x",))).is_enabled("x")
    # A rule shipped switched off can be switched on.
    assert Settings(Config(enable=("age-*",))).is_enabled("age-unlikely", default=False)
    # The command line is applied after the file, whatever the specificity in the file.
    flags = Overrides(enable=("drift-*",))
    assert Settings(Config(disable=("drift-count",)), flags).is_enabled("drift-count")
    assert pattern_specificity("drift-count") > pattern_specificity("drift-*")
    assert pattern_specificity("drift-*") > pattern_specificity("*")


def test_configure_returns_copies_with_severity_overrides():
    shipped = [rule("drift-count"), rule("drift-total"), rule("weekday-mismatch", Severity.ERROR)]
    settings = Settings(
        Config(
            severity=(("drift-*", "info"), ("drift-total", "error")),
            disable=("weekday-*",),
        )
    )
    configured = {r.id: r for r in settings.configure(shipped)}
    assert configured["drift-count"].severity is Severity.INFO
    assert configured["drift-total"].severity is Severity.ERROR  # exact beats the glob
    assert configured["weekday-mismatch"].enabled is False
    # The loaded rules are shared between configurations and must stay as they were.
    assert [(r.severity, r.enabled) for r in shipped] == [
        (Severity.WARNING, True),
        (Severity.WARNING, True),
        (Severity.ERROR, True),
    ]


def test_unmatched_patterns_are_found_with_a_suggestion():
    settings = Settings(Config(disable=("drfit-count",), enable=("drift-*",)))
    assert settings.unmatched_patterns(["drift-count"]) == [
        "drfit-count (did you mean 'drift-count'?)"
    ]


@pytest.mark.parametrize(
    ("path", "patterns", "ignored"),
    [
        ("drafts/a.md", ["drafts/"], True),
        ("desk/drafts/a.md", ["drafts"], True),
        ("drafts.md", ["drafts/"], False),  # a trailing slash matches folders only
        ("notes/x.draft.md", ["*.draft.md"], True),
        ("archive/2019/05/a.md", ["archive/2019/**"], True),
        ("desk/archive/2019/a.md", ["archive/2019/**"], False),  # "/" anchors at the root
        ("archive/2020/a.md", ["archive/2019/**"], False),
        ("a/b/c/old.md", ["a/**/old.md"], True),
        ("story.md", [], False),
    ],
)
def test_ignore_patterns_follow_gitignore(path, patterns, ignored):
    assert path_is_ignored(path, patterns) is ignored


# --------------------------------------------------------------------------- command line


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    return tmp_path


def test_config_fail_on_and_the_flag_that_beats_it(newsroom, capsys):
    story = write(newsroom / "desk" / "story.txt", WARNING_TEXT)
    assert run_json(capsys, str(story))[0] == 1  # default fail-on: warning
    write(newsroom / "desk" / "factcheck.toml", 'fail-on = "error"\n')
    assert run_json(capsys, str(story))[0] == 0
    assert run_json(capsys, str(story), "--fail-on", "warning")[0] == 1
    assert run_json(capsys, str(story), "--no-config")[0] == 1


def test_min_severity_hides_but_does_not_change_what_fails(newsroom, capsys):
    story = write(newsroom / "story.txt", ERROR_TEXT + "\n" + WARNING_TEXT)
    write(newsroom / "factcheck.toml", 'min-severity = "error"\n')
    code, report, err = run_json(capsys, str(story))
    assert rules_of(report) == ["conversion-mismatch"]
    assert code == 1
    code, report, err = run_json(capsys, str(story), "--fail-on", "error", "--min-severity", "info")
    assert sorted(rules_of(report)) == ["conversion-mismatch", "conversion-no-figure"]
    # Only the hidden warning fails the run: it says so on stderr.
    write(story, WARNING_TEXT)
    code, report, err = run_json(capsys, str(story))
    assert (code, rules_of(report)) == (1, [])
    assert "1 finding below the shown severity" in err


def test_disable_enable_and_severity_from_the_file_and_the_flags(newsroom, capsys):
    story = write(newsroom / "story.txt", ERROR_TEXT + "\n" + WARNING_TEXT)
    write(newsroom / "factcheck.toml", 'disable = ["conversion-*"]\n')
    code, report, _ = run_json(capsys, str(story))
    assert (code, rules_of(report)) == (0, [])
    code, report, _ = run_json(capsys, str(story), "--enable", "conversion-mismatch")
    assert (code, rules_of(report)) == (1, ["conversion-mismatch"])
    write(newsroom / "factcheck.toml", '[severity]\n"conversion-*" = "info"\n')
    code, report, _ = run_json(capsys, str(story))
    severities = {f["rule"]: f["severity"] for f in report["documents"][0]["findings"]}
    assert severities == {"conversion-mismatch": "info", "conversion-no-figure": "info"}
    assert code == 0


def test_a_config_mistake_is_one_line_and_exit_2_before_any_check(newsroom, capsys):
    story = write(newsroom / "story.txt", ERROR_TEXT)
    write(newsroom / "factcheck.toml", 'min_severity = "error"\n')
    assert cli.main(["check", str(story)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "factcheck: error: factcheck.toml:1: unknown key 'min_severity' (did you mean "
        "'min-severity'?); known keys: rules, enable, disable, severity, min-severity, "
        "fail-on, ignore, published-between"
    ]


def test_each_tree_runs_under_its_own_config(newsroom, capsys):
    strict = write(newsroom / "strict" / "a.txt", WARNING_TEXT)
    lenient = write(newsroom / "lenient" / "b.txt", ERROR_TEXT)
    write(newsroom / "strict" / "factcheck.toml", 'fail-on = "warning"\n')
    write(newsroom / "lenient" / "pyproject.toml", '[tool.factcheck]\ndisable = ["all"]\n')
    code, report, _ = run_json(capsys, str(strict), str(lenient))
    findings = {doc["id"]: [f["rule"] for f in doc["findings"]] for doc in report["documents"]}
    assert findings == {"a.txt": ["conversion-no-figure"], "b.txt": []}
    assert code == 1


def test_ignore_skips_walked_files_but_not_named_ones(newsroom, capsys):
    write(newsroom / "site" / "story.txt", "Plain text with no figures.\n")
    draft = write(newsroom / "site" / "drafts" / "draft.txt", ERROR_TEXT)
    write(newsroom / "site" / "factcheck.toml", 'ignore = ["drafts/"]\n')
    code, report, _ = run_json(capsys, str(newsroom / "site"))
    assert [doc["id"] for doc in report["documents"]] == ["story.txt"]
    assert code == 0
    code, report, _ = run_json(capsys, str(draft))
    assert (code, rules_of(report)) == (1, ["conversion-mismatch"])


def test_rule_folders_from_the_config_are_loaded(newsroom, capsys):
    write(
        newsroom / "house-rules" / "house.yaml",
        "rules:\n"
        "  - id: house-conversion\n"
        "    check: conversion\n"
        "    codes: [mismatch]\n"
        "    severity: info\n"
        "    description: The house's own wording for a wrong conversion.\n"
        '    message: "House style: check {written}."\n'
        "    examples:\n"
        "      flag:\n"
        '        - "A [[5 miles (10 km)]] walk."\n'
        "      pass:\n"
        '        - "A 5 miles (8 km) walk."\n',
    )
    write(newsroom / "factcheck.toml", 'rules = ["house-rules"]\ndisable = ["conversion-*"]\n')
    story = write(newsroom / "desk" / "story.txt", ERROR_TEXT)
    code, report, err = run_json(capsys, str(story))
    assert rules_of(report) == ["house-conversion"]
    assert code == 0  # an info finding does not fail the default fail-on
    assert "Traceback" not in err


def test_a_pattern_that_matches_no_rule_is_a_warning(newsroom, capsys):
    story = write(newsroom / "story.txt", ERROR_TEXT)
    code, _, err = run_json(capsys, str(story), "--disable", "conversion-mismach")
    assert code == 1
    assert "'conversion-mismach (did you mean 'conversion-mismatch'?)' matches no rule" in err


def test_bad_rule_pattern_flag_is_a_usage_error(newsroom, capsys):
    assert cli.main(["check", "x.txt", "--disable", "Not A Rule"]) == 2
    assert "is not a rule id" in capsys.readouterr().err
