"""Every shipped rule passes its own examples, and has at least one of each kind."""

from __future__ import annotations

import pytest

from factcheck.rules import load_paths
from factcheck.ruletest import describe, run_rule

# load_paths never raises: a broken shipped file fails one test below, not the collection.
_RULES, PROBLEMS = load_paths()
SHIPPED = sorted(_RULES, key=lambda rule: rule.id)


def test_the_shipped_rule_files_have_no_problems():
    assert [str(p) for p in PROBLEMS] == []


def test_there_are_shipped_rules_for_every_extension_point():
    checks = {rule.check for rule in SHIPPED}
    assert {"plausibility", "expression", "pattern"} <= checks


@pytest.mark.parametrize("rule", SHIPPED, ids=[rule.id for rule in SHIPPED])
def test_shipped_rule_passes_its_examples(rule):
    assert rule.flag_examples, f"{rule.id} has no flag example"
    assert rule.pass_examples, f"{rule.id} has no pass example"
    result = run_rule(rule)
    assert result.passed, "\n".join(describe(result))
