"""Rule files: every problem in every file, at its line and column, in a plain sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cli
from factcheck.rules import RuleError, load_file, load_paths, load_rules


def problems_of(path: Path) -> list[str]:
    rules, problems = load_file(path)
    return [str(p) for p in problems]


def messages_of(path: Path) -> list[str]:
    return [p.message for p in load_file(path)[1]]


THREE_MISTAKES = """\
rules:
  - id: weekday-typo
    check: weekday
    severity: error
    colour: red
  - id: range-typo
    check: range
    severity: warning
    params:
      reversed_connectors: between
  - id: magic-typo
    check: magic
    severity: info
"""


def test_three_different_mistakes_are_all_reported_with_their_lines(make_file, capsys):
    path = make_file("three.yaml", THREE_MISTAKES)
    assert cli.main(["rules", "validate", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path}:5:5: unknown key 'colour'")
    assert lines[1] == (
        f"{path}:10:28: parameter 'reversed_connectors' of check 'range' must be a list of "
        "strings, not the string 'between'"
    )
    assert lines[2].startswith(f"{path}:12:12: unknown check kind 'magic'")
    assert "Traceback" not in err and "3 problems found" in err


def test_unknown_keys_get_a_did_you_mean(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n  - id: a\n    check: weekday\n    sevrity: error\n    severity: error\n"
        "    scope: {exclud: [quote]}\n",
    )
    found = problems_of(path)
    assert f"{path}:4:5: unknown key 'sevrity' (did you mean 'severity'?)" in found
    assert f"{path}:6:13: unknown key 'exclud' in 'scope' (did you mean 'exclude'?)" in found


def test_parameter_types_follow_the_check_kinds_defaults(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n"
        "  - id: a\n"
        "    check: conversion\n"
        "    severity: error\n"
        "    params:\n"
        "      slack: '0.5'\n"
        "      dimensions: [length, 3]\n"
        "      slak: 1\n",
    )
    messages = messages_of(path)
    assert "parameter 'slack' of check 'conversion' must be a number, not the string '0.5'" in (
        messages
    )
    assert (
        "parameter 'dimensions[1]' of check 'conversion' must be a string, not the number 3"
        in messages
    )
    assert any(
        m.startswith("check 'conversion' has no parameter 'slak' (did you mean 'slack'?)")
        for m in messages
    )


def test_a_number_for_a_number_and_a_list_for_a_list_pass(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n"
        "  - id: a\n"
        "    check: conversion\n"
        "    severity: error\n"
        "    params: {slack: 1, dimensions: [length]}\n"
        "    examples:\n"
        "      flag: ['It is [[5 miles (10 km)]] long.']\n"
        "      pass: ['It is 5 miles (8 km) long.']\n",
    )
    rules, problems = load_file(path)
    assert problems == []
    assert rules[0].params == {"slack": 1, "dimensions": ["length"]}
    assert rules[0].flag_examples[0].flag_spans == [(6, 21)]


def test_severity_codes_ids_and_enabled_are_checked(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n"
        "  - id: Bad Id\n"
        "    check: weekday\n"
        "    severity: loud\n"
        "    codes: [mismatch, nope]\n"
        "    enabled: yes\n",
    )
    found = problems_of(path)
    assert any(p.startswith(f"{path}:2:9: 'id' must be a string of lowercase") for p in found)
    assert (
        f"{path}:4:15: 'severity' must be one of info, warning, error, not the string 'loud'"
        in (found)
    )
    assert any(p.startswith(f"{path}:5:23: check 'weekday' has no code 'nope'") for p in found)
    # YAML 1.2 booleans: "yes" is a string, and the validator says so.
    assert f"{path}:6:14: 'enabled' must be true or false, not the string 'yes'" in found


def test_missing_required_keys(make_file):
    path = make_file("a.yaml", "rules:\n  - id: a\n    check: weekday\n")
    assert messages_of(path) == ["rule is missing the required key 'severity'"]


def test_examples_are_checked(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n"
        "  - id: a\n"
        "    check: weekday\n"
        "    severity: error\n"
        "    examples:\n"
        "      flag:\n"
        "        - 'No mark here.'\n"
        "        - text: 'A [[mark]].'\n"
        "          published: 2024-13-01\n"
        "        - {txt: 'x'}\n"
        "        - 'An [[unclosed mark.'\n"
        "      pass:\n"
        "        - 'A [[mark]] in a pass example.'\n"
        "      fail: []\n",
    )
    found = problems_of(path)
    assert (
        f"{path}:7:11: flag example 1 has no [[...]] marking the span the rule must flag" in found
    )
    assert (
        f"{path}:9:22: 'examples.flag[1].published' must be a date written YYYY-MM-DD, "
        "not the string '2024-13-01'"
    ) in found
    assert any(
        p.startswith(f"{path}:10:12: unknown key 'txt' in 'examples.flag[2]'") for p in found
    )
    assert any(p.startswith(f"{path}:11:11: flag example 4 has an unclosed") for p in found)
    assert any(p.startswith(f"{path}:13:11: pass example 1 marks a span") for p in found)
    assert any(p.startswith(f"{path}:14:7: unknown key 'fail' in 'examples'") for p in found)


def test_message_templates_are_checked(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n"
        "  - id: a\n"
        "    check: plausibility\n"
        "    severity: error\n"
        "    message: '{txt} is above {limit}.'\n"
        "    params: {dimension: percent, max: 100}\n"
        "  - id: b\n"
        "    check: weekday\n"
        "    severity: error\n"
        "    message: '{date.__class__} and {0} and {x:>99999}'\n"
        "  - id: c\n"
        "    check: weekday\n"
        "    severity: error\n"
        "    message: 'unbalanced { brace'\n",
    )
    found = problems_of(path)
    assert any(
        p.startswith(f"{path}:5:14: 'message' uses {{txt}}, which check 'plausibility' does not ")
        and "(did you mean 'text'?)" in p
        for p in found
    )
    assert (
        f"{path}:10:14: 'message' field {{date.__class__}} reaches a private name, which is "
        "not allowed"
    ) in found
    assert any("uses a field without a name" in p for p in found)
    assert any("pads or nests too much" in p for p in found)
    assert any(p.startswith(f"{path}:14:14: 'message' is not a valid template") for p in found)


def test_duplicate_ids_name_both_places(make_file, tmp_path):
    make_file("set/a.yaml", "rules:\n  - id: same\n    check: weekday\n    severity: error\n")
    make_file(
        "set/b.yaml",
        "rules:\n  - id: other\n    check: weekday\n    severity: error\n"
        "  - id: same\n    check: weekday\n    severity: info\n",
    )
    rules, problems = load_paths([tmp_path / "set"], include_shipped=False)
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'set' / 'b.yaml'}:5:9: duplicate rule id 'same': already defined at "
        f"{tmp_path / 'set' / 'a.yaml'}:2:9"
    ]


def test_a_later_source_replaces_a_rule_without_complaint(make_file, tmp_path):
    make_file("one/a.yaml", "rules:\n  - id: same\n    check: weekday\n    severity: error\n")
    make_file("two/a.yaml", "rules:\n  - id: same\n    check: weekday\n    severity: info\n")
    rules = load_rules([tmp_path / "one", tmp_path / "two"], include_shipped=False)
    assert [(r.id, str(r.severity)) for r in rules] == [("same", "info")]


def test_broken_yaml_is_one_plain_problem(make_file):
    path = make_file("a.yaml", "rules:\n  - id: x\n    check: [unclosed\n")
    found = problems_of(path)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:4:1: the file is not valid YAML:")


def test_a_file_that_is_not_utf8_says_where(make_file):
    path = make_file("a.yaml", b"rules:\n  - id: caf\xe9\n")
    assert problems_of(path) == [
        f"{path}:2:12: the file is not UTF-8 text: byte 0xe9 cannot be decoded; save it as UTF-8"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty; a rule file holds 'rules:'"),
        ("- a\n- b\n", "a rule file must be a mapping with a 'rules' list"),
        ("rules: 3\n", "'rules' must be a list of rules"),
        ("rulez: []\n", "unknown top-level key 'rulez' (did you mean 'rules'?)"),
        ("rules:\n  - just a string\n", "each rule must be a mapping"),
    ],
)
def test_file_shapes(make_file, content, message):
    path = make_file("a.yaml", content)
    assert message in messages_of(path)


def test_duplicate_keys_in_a_mapping_are_reported(make_file):
    path = make_file(
        "a.yaml", "rules:\n  - id: a\n    check: weekday\n    severity: info\n    severity: error\n"
    )
    assert problems_of(path) == [
        f"{path}:5:5: the key 'severity' appears twice in this mapping (first on line 4); "
        "the second would silently win"
    ]


def test_alias_bombs_and_cycles_are_refused(make_file):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 8):
        bomb += (
            f"{'abcdefgh'[level]}: &{'abcdefgh'[level]} ["
            + ", ".join([f"*{'abcdefgh'[level - 1]}"] * 10)
            + "]\n"
        )
    bomb += "rules: []\n"
    path = make_file("bomb.yaml", bomb)
    assert any("more than 200,000 values" in m for m in messages_of(path))
    path = make_file("cycle.yaml", "rules: &r [*r]\n")
    assert messages_of(path) == ["a YAML alias refers to itself"]


def test_python_tags_are_refused_not_run(make_file, tmp_path):
    marker = tmp_path / "ran"
    path = make_file(
        "a.yaml",
        "rules:\n  - id: a\n    check: weekday\n    severity: error\n"
        f"    description: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    found = problems_of(path)
    assert len(found) == 1 and "this YAML cannot be used in a rule file" in found[0]
    assert found[0].startswith(f"{path}:5:18:")
    assert not marker.exists()


def test_on_is_a_string_key_not_a_boolean(make_file):
    path = make_file(
        "a.yaml",
        "rules:\n  - id: a\n    check: expression\n    severity: info\n"
        "    params: {on: quantity, when: 'value > 10'}\n"
        "    examples: {flag: ['[[12]] apples.'], pass: ['3 apples.']}\n",
    )
    rules, problems = load_file(path)
    assert problems == []
    assert rules[0].params == {"on": "quantity", "when": "value > 10"}


def test_load_rules_raises_one_error_with_every_problem(make_file, tmp_path):
    make_file("r/a.yaml", THREE_MISTAKES)
    make_file("r/b.yaml", "rules: 3\n")
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path / "r"], include_shipped=False)
    assert len(caught.value.problems) == 4
    assert str(caught.value).count("\n") == 3


def test_a_missing_path_is_a_problem(tmp_path):
    _, problems = load_paths([tmp_path / "nowhere"], include_shipped=False)
    assert [p.message for p in problems] == ["no such rule file or folder"]


def test_the_shipped_rules_are_valid(capsys):
    assert cli.main(["rules", "validate"]) == 0
    assert "rules OK in the shipped rules" in capsys.readouterr().out


YAMLISH = st.text(
    alphabet=st.sampled_from(list("rules:-id check severity params{}[]&*!'\"\n #x0123456789.,")),
    max_size=200,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=YAMLISH)
def test_no_input_makes_the_loader_raise(tmp_path, text):
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    rules, problems = load_file(path)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
