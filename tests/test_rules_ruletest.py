"""``factcheck rules test``: examples judged through the real pipeline; a wrong expectation
fails. The rules here use the pattern check, which reads sentences only, so the tests do not
depend on how figures are extracted."""

from __future__ import annotations

import json

from factcheck import cli
from factcheck.findings import Severity
from factcheck.rules import Example, Rule, parse_example
from factcheck.ruletest import describe, run_rule, summary


def pattern_rule(flag, passes, **extra) -> Rule:
    return Rule(
        id="times-less-test",
        check="pattern",
        severity=Severity.WARNING,
        params={"regex": r"\b\w+ times less\b"},
        flag_examples=[e if isinstance(e, Example) else parse_example(e) for e in flag],
        pass_examples=[e if isinstance(e, Example) else parse_example(e) for e in passes],
        **extra,
    )


def test_a_rule_that_does_what_its_examples_say_passes():
    rule = pattern_rule(["It uses [[three times less]] water."], ["It uses a third of the water."])
    result = run_rule(rule)
    assert result.passed and describe(result) == []
    assert describe(result, verbose=True) == ["ok    times-less-test  (1 flag, 1 pass)"]


def test_a_wrong_flag_expectation_fails_and_says_what_was_missed():
    rule = pattern_rule(["It uses three times less [[water]]."], ["It uses a third of the water."])
    result = run_rule(rule)
    assert not result.passed
    [failure] = result.failures
    assert failure.missed == [(25, 30)]
    assert [f.text for f in failure.unexpected] == ["three times less"]
    lines = describe(result)
    assert lines[0].startswith("FAIL  times-less-test")
    assert "        missed [[water]]" in lines
    assert any("flagged 'three times less' that it should not" in line for line in lines)


def test_a_wrong_pass_expectation_fails():
    rule = pattern_rule(["It uses [[three times less]] water."], ["It uses ten times less water."])
    result = run_rule(rule)
    assert not result.passed
    assert [f.kind for f in result.failures] == ["pass"]
    assert summary([result]) == "1 of 1 rule failed (2 examples run)"


def test_a_rule_without_a_pass_or_flag_example_fails():
    result = run_rule(pattern_rule(["It uses [[three times less]] water."], []))
    assert result.problems == ["has no pass example: add one text it must not flag"]
    result = run_rule(pattern_rule([], ["Nothing."]))
    assert result.problems[0].startswith("has no flag example")
    assert not result.passed


def test_an_unfilled_message_field_fails():
    rule = pattern_rule(
        ["It uses [[three times less]] water."],
        ["Nothing."],
        message="'{match}' is ambiguous ({nonsense}).",
    )
    result = run_rule(rule)
    assert [f.unfilled for f in result.failures] == [["nonsense"]]
    assert "        the message's {nonsense} was not filled by the check" in describe(result)


def test_a_disabled_rule_is_still_tested_and_a_crash_is_reported(monkeypatch):
    rule = pattern_rule(["It uses [[three times less]] water."], ["No."], enabled=False)
    assert run_rule(rule).passed

    import factcheck.pipeline

    def explode(document, rules):
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.pipeline, "check_document", explode)
    result = run_rule(rule)
    assert [f.error for f in result.failures] == ["RuntimeError: boom", "RuntimeError: boom"]


def test_the_publication_date_is_passed_to_the_pipeline(monkeypatch):
    seen = []
    import factcheck.pipeline

    real = factcheck.pipeline.check_document

    def spy(document, rules):
        seen.append(document.published)
        return real(document, rules)

    monkeypatch.setattr(factcheck.pipeline, "check_document", spy)
    rule = pattern_rule(
        [
            Example(
                text="It uses three times less water.", published="2024-02-20", flag_spans=[(8, 24)]
            )
        ],
        ["No."],
    )
    assert run_rule(rule).passed
    assert str(seen[0]) == "2024-02-20"


RULE_FILE = """\
rules:
  - id: good-rule
    check: pattern
    severity: info
    params: {{phrases: [three times less]}}
    examples:
      flag: ["It uses [[three times less]] water."]
      pass: ["It uses a third of the water."]
  - id: wrong-rule
    check: pattern
    severity: info
    params: {{phrases: [ten times smaller]}}
    examples:
      flag: ["{flag}"]
      pass: ["It is a tenth of the size."]
"""


def test_rules_test_command_exit_codes(make_file, capsys):
    good = make_file("good/r.yaml", RULE_FILE.format(flag="It is [[ten times smaller]]."))
    assert cli.main(["rules", "test", str(good)]) == 0
    assert capsys.readouterr().out.strip() == "2 rules passed (4 examples run)"

    wrong = make_file("wrong/r.yaml", RULE_FILE.format(flag="It is ten times [[larger]]."))
    assert cli.main(["rules", "test", str(wrong)]) == 1
    out = capsys.readouterr().out
    assert "FAIL  wrong-rule" in out and "missed [[larger]]" in out
    assert "good-rule" not in out
    assert out.strip().endswith("1 of 2 rules failed (4 examples run)")

    assert cli.main(["rules", "test", str(wrong), "--rule", "good-rule", "-v"]) == 0
    assert "ok    good-rule  (1 flag, 1 pass)" in capsys.readouterr().out
    assert cli.main(["rules", "test", str(wrong), "--rule", "good-rul"]) == 2
    assert "did you mean good-rule?" in capsys.readouterr().err


def test_rules_test_refuses_broken_rule_files(make_file, capsys):
    bad = make_file("bad.yaml", "rules:\n  - id: x\n    check: nope\n    severity: info\n")
    assert cli.main(["rules", "test", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out.startswith(f"{bad}:3:12: unknown check kind 'nope'")
    assert "fix them to run the tests" in err and "Traceback" not in err


ARTICLE = (
    "Harbour news\n\n"
    "The ferry crossed the bay at 70 knots on Monday. Police said 2,500,000 protesters "
    "gathered in the square. Turnout was 61 percent.\n"
)
USER_RULES = """\
rules:
  - id: ferry-speed
    check: plausibility
    severity: error
    message: "{text} is too fast for a ferry (at most {limit})."
    params: {dimension: speed, unit: knots, max: 45, nouns: [ferry, ferries]}
    examples:
      flag: ["The ferry crossed at [[60 knots]]."]
      pass: ["The ferry crossed at 20 knots."]
  - id: big-crowd
    check: expression
    severity: warning
    message: "A crowd of {text}? Check the figure."
    params:
      on: quantity
      when: "noun in ('people', 'protesters') and value is not None and value > 1000000"
    examples:
      flag: ["Police said [[3,000,000 protesters]] gathered in the square."]
      pass: ["Police said 3,000 protesters gathered in the square."]
"""


def test_new_rules_written_only_in_yaml_change_the_findings(make_file, tmp_path, capsys):
    article = make_file("article.txt", ARTICLE)
    make_file("mine/rules.yaml", USER_RULES)
    base = ["check", str(article), "--format", "json", "--published", "2024-03-01"]
    assert cli.main(base) == 0
    before = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert cli.main([*base, "--rules", str(tmp_path / "mine")]) == 1
    after = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    added = [f for f in after if f not in before]
    assert [(f["rule"], f["text"], f["message"]) for f in added] == [
        ("ferry-speed", "70 knots", "70 knots is too fast for a ferry (at most 45 knots)."),
        ("big-crowd", "2,500,000", "A crowd of 2,500,000? Check the figure."),
    ]
    assert cli.main(["rules", "test", str(tmp_path / "mine")]) == 0
