"""docs/rules.md stays true: it names every key, kind and code, and its examples work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import checks
from factcheck.rule_schema import RULE_KEYS, SCOPE
from factcheck.rules import load_file
from factcheck.ruletest import describe, run_rule

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
TEXT = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
BLOCKS = [b for b in re.findall(r"```yaml\n(.*?)```", TEXT, re.S) if b.startswith("rules:")]

pytestmark = pytest.mark.skipif(not DOC.exists(), reason="docs/rules.md is not in this tree")


def test_every_rule_key_scope_key_kind_and_code_is_documented():
    for key in RULE_KEYS:
        assert f"`{key}`" in TEXT, key
    for spec in SCOPE.fields:
        assert f"`{spec.name}`" in TEXT, spec.name
    for name, kind in checks.registry().items():
        assert f"`{name}`" in TEXT, name
        for code in kind.codes:
            assert f"`{code}`" in TEXT, f"{name}: {code}"


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_the_documented_rule_files_load_and_pass_their_examples(tmp_path, index):
    path = tmp_path / "doc.yaml"
    path.write_text(BLOCKS[index], encoding="utf-8")
    rules, problems = load_file(path)
    assert problems == []
    for rule in rules:
        result = run_rule(rule)
        assert result.passed, "\n".join(describe(result))


def test_the_docs_have_worked_examples_for_the_three_extension_points():
    kinds = {m for block in BLOCKS for m in re.findall(r"check: (\w+)", block)}
    assert {"plausibility", "expression", "pattern"} <= kinds
