"""``factcheck rules list`` and ``factcheck explain`` on real rule files."""

from __future__ import annotations

import json

from factcheck import cli

USER_RULE = """\
rules:
  - id: ferry-speed
    check: plausibility
    severity: error
    enabled: false
    description: A ferry does not go faster than 45 knots. Faster figures are typos.
    params: {dimension: speed, unit: knots, max: 45, nouns: [ferry]}
    examples:
      flag: ["The ferry crossed at [[60 knots]]."]
      pass: ["The ferry crossed at 20 knots."]
"""


def test_rules_list_shows_id_check_severity_enabled_and_source(make_file, capsys):
    path = make_file("mine/ferry.yaml", USER_RULE)
    assert cli.main(["rules", "list", "--rules", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "CHECK", "SEVERITY", "ENABLED", "SOURCE", "DESCRIPTION"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["ferry-speed"][:5] == ["ferry-speed", "plausibility", "error", "no", f"{path}:2"]
    assert rows["ferry-speed"][5:] == [
        "A",
        "ferry",
        "does",
        "not",
        "go",
        "faster",
        "than",
        "45",
        "knots.",
    ]
    assert rows["turnout-over-100"][:5] == [
        "turnout-over-100",
        "plausibility",
        "error",
        "yes",
        "shipped/plausibility.yaml:4",
    ]
    ids = [line.split()[0] for line in lines[1:]]
    assert ids == sorted(ids)


def test_rules_list_json(make_file, capsys):
    path = make_file("mine/ferry.yaml", USER_RULE)
    assert cli.main(["rules", "list", "--rules", str(path), "--format", "json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["ferry-speed"]["enabled"] is False
    assert rows["ferry-speed"]["source"] == f"{path}:2"


def test_explain_shows_the_check_kind_parameters_defaults_and_examples(make_file, capsys):
    path = make_file("mine/ferry.yaml", USER_RULE)
    assert cli.main(["explain", "ferry-speed", "--rules", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ferry-speed  (check: plausibility, severity: error)\n")
    assert f"defined in {path}:2" in out and "disabled (enabled: false)" in out
    assert "Check kind 'plausibility':" in out and "codes: above_max, below_min" in out
    assert "  max: 45   (default: null)" in out
    assert "  window: 30\n" in out  # a default the rule leaves alone
    assert "      The largest plausible value, in unit." in out
    assert "  The ferry crossed at [[60 knots]]." in out
    assert "Passes:\n  The ferry crossed at 20 knots." in out


def test_explain_shows_strings_as_written(capsys):
    assert cli.main(["explain", "decrease-over-100-percent"]) == 0
    out = capsys.readouterr().out
    assert "  number_above: 100   (default: null)" in out
    assert r"(?P<number>\d[\d,]*(?:\.\d+)?)" in out


def test_explain_an_unknown_rule_suggests_names(capsys):
    assert cli.main(["explain", "turnout-over-10"]) == 2
    _, err = capsys.readouterr()
    assert err.strip() == (
        "factcheck: error: no rule named 'turnout-over-10'; did you mean turnout-over-100, "
        "percent-sum-over-100?"
    )
