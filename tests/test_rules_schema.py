"""The JSON Schema for rule files: valid, from the validator's own definitions, and in step."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from factcheck import cli
from factcheck.checks import CheckKind
from factcheck.rule_schema import RULE_KEYS, declare, param_types, rule_file_schema
from factcheck.rules import RuleLoader, load_file, rule_files, shipped_rules_dir


def as_json(value):
    """YAML dates to strings, as an editor validating the YAML text would see them."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator():
    schema = rule_file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", rule_files(shipped_rules_dir()), ids=lambda p: p.name)
def test_every_shipped_rule_file_satisfies_the_schema(validator, path):
    data = as_json(yaml.load(path.read_text(encoding="utf-8"), Loader=RuleLoader))
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


def test_the_schema_rejects_what_the_validator_rejects(validator, make_file):
    text = (
        "rules:\n"
        "  - id: a\n    check: weekday\n    severity: error\n    colour: red\n"
        "  - id: b\n    check: range\n    severity: warning\n"
        "    params: {reversed_connectors: between}\n"
        "  - id: c\n    check: magic\n    severity: info\n"
        "  - id: d\n    check: plausibility\n    severity: loud\n"
        "    params: {dimension: speedy}\n"
        "  - id: e\n    check: weekday\n    severity: info\n    codes: [nope]\n"
    )
    path = make_file("bad.yaml", text)
    schema_errors = list(validator.iter_errors(as_json(yaml.load(text, Loader=RuleLoader))))
    _, problems = load_file(path)
    # Each rule is wrong in the schema's eyes and in the validator's.
    wrong_in_schema = {e.absolute_path[1] for e in schema_errors if len(e.absolute_path) > 1}
    wrong_in_validator = {p.line for p in problems}
    assert wrong_in_schema == {0, 1, 2, 3, 4}
    assert len(wrong_in_validator) == 6  # five rules; rule d has two mistakes on two lines


def test_rule_keys_and_check_kinds_come_from_one_definition():
    schema = rule_file_schema()
    rule = schema["$defs"]["rule"]
    assert sorted(rule["properties"]) == sorted(RULE_KEYS)
    from factcheck import checks

    assert rule["properties"]["check"]["enum"] == sorted(checks.registry())
    for name, kind in checks.registry().items():
        params = schema["$defs"][f"params.{name}"]
        assert sorted(params["properties"]) == sorted(param_types(kind))


def test_parameter_types_are_inferred_from_defaults_or_declared():
    kind = CheckKind(
        name="toy",
        function=lambda claims, params: [],
        defaults={"ratio": 0.5, "words": ["a"], "strict": True, "name": "x", "anything": None},
    )
    schema = rule_file_schema({"toy": kind})
    params = schema["$defs"]["params.toy"]["properties"]
    assert params["ratio"] == {"type": "number", "default": 0.5}
    assert params["words"] == {"type": "array", "items": {"type": "string"}, "default": ["a"]}
    assert params["strict"] == {"type": "boolean", "default": True}
    assert params["name"] == {"type": "string", "default": "x"}
    assert params["anything"] == {}


def test_a_declared_parameter_overrides_the_inferred_type():
    from factcheck.rule_schema import Choice, Param, declaration

    kind = CheckKind(name="toy2", function=lambda c, p: [], defaults={"mode": None})
    declare("toy2", params={"mode": Param(Choice(("fast", "slow")), "How.")})
    try:
        params = rule_file_schema({"toy2": kind})["$defs"]["params.toy2"]["properties"]
        assert params["mode"] == {"enum": ["fast", "slow"], "description": "How."}
    finally:
        from factcheck import rule_schema

        rule_schema._DECLARED.pop("toy2", None)
    assert declaration("toy2").params == {}


def test_codes_are_limited_per_check_kind(validator):
    good = {"rules": [{"id": "a", "check": "weekday", "severity": "error", "codes": "mismatch"}]}
    bad = {"rules": [{"id": "a", "check": "weekday", "severity": "error", "codes": ["nope"]}]}
    assert list(validator.iter_errors(good)) == []
    assert list(validator.iter_errors(bad)) != []


def test_rules_schema_prints_the_schema(capsys):
    assert cli.main(["rules", "schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "params.plausibility" in printed["$defs"]
    plausibility = printed["$defs"]["params.plausibility"]["properties"]
    assert "speed" in plausibility["dimension"]["enum"]
    assert plausibility["max"]["type"] == "number"
