"""The expression check kind: safe conditions over a claim's fields, refused when they try to
escape, at load time and at run time."""

from __future__ import annotations

import builtins
import datetime as dt
import logging

import pytest

from factcheck.checks import expression
from factcheck.checks.expression import (
    ExpressionError,
    Fields,
    RejectedAtRunTime,
    check_expression,
    check_expression_rule,
    evaluate,
)
from factcheck.claims import (
    Age,
    Bound,
    Change,
    Claims,
    DateClaim,
    Dimension,
    Granularity,
    Pair,
    Quantity,
    Relation,
    Sentence,
)
from factcheck.document import Span
from factcheck.rules import load_file

SENTENCE = "Officials said 33.333% of the 1,200 voters backed the plan on March 3, 2091."


def quantity(text: str, value, **fields) -> Quantity:
    start = SENTENCE.index(text)
    return Quantity(span=Span(start, start + len(text)), text=text, value=value, **fields)


@pytest.fixture
def claims() -> Claims:
    percent = quantity(
        "33.333%", 33.333, dimension=Dimension.PERCENT, precision=0.001, noun="voters"
    )
    voters = quantity("1,200", 1200.0, precision=100, noun="voters")
    start = SENTENCE.index("March 3, 2091")
    date = DateClaim(
        span=Span(start, start + 13),
        text="March 3, 2091",
        date=dt.date(2091, 3, 3),
        granularity=Granularity.DAY,
        year_written=True,
    )
    return Claims(
        published=dt.date(2019, 3, 10),
        sentences=[Sentence(span=Span(0, len(SENTENCE)), text=SENTENCE, index=0)],
        quantities=[percent, voters],
        dates=[date],
        pairs=[Pair(first=voters, second=percent, kind="restatement")],
        relations=[Relation(part=percent, whole=voters, cue="of the")],
        changes=[Change(span=percent.span, after=voters, factor=2.0, direction="up", cue="rose")],
        ages=[Age(span=voters.span, age=voters, subject="the plan")],
    )


def run(claims: Claims, on: str, when: str, **extra):
    return list(check_expression_rule(claims, {"on": on, "when": when, **extra}))


def test_a_condition_on_quantities(claims):
    [outcome] = run(claims, "quantity", "dimension == 'percent' and decimals >= 3")
    assert outcome.code == "match" and outcome.values["text"] == "33.333%"
    assert outcome.values["decimals"] == 3 and outcome.values["significant"] == 5
    assert outcome.evidence == {
        "expression": "dimension == 'percent' and decimals >= 3",
        "on": "quantity",
    }
    assert [o.values["text"] for o in run(claims, "quantity", "noun == 'voters'")] == [
        "33.333%",
        "1,200",
    ]
    assert run(claims, "quantity", "value > 5000") == []


def test_a_condition_on_dates_uses_the_publication_date(claims):
    [outcome] = run(claims, "date", "year_written and days_after_published > 365 * 50")
    assert outcome.values["date"] == "2091-03-03" and outcome.values["published"] == "2019-03-10"
    assert outcome.values["actual_weekday"] == "Saturday"
    assert run(claims, "date", "year < 2050") == []


def test_conditions_on_pairs_relations_changes_and_ages(claims):
    [pair] = run(claims, "pair", "first.value > second.value and kind == 'restatement'")
    assert pair.span == claims.pairs[0].second.span and pair.related == [claims.pairs[0].first.span]
    assert len(run(claims, "relation", "part.dimension == 'percent' and whole.value > 1000")) == 1
    assert len(run(claims, "change", "factor == 2 and not before and after.value == 1200")) == 1
    assert len(run(claims, "age", "age.value > 125 and not birth")) == 1


def test_functions_and_literals(claims):
    when = "contains(sentence, 'backed') and round(value) == 33 and max(1, 2) == 2"
    assert len(run(claims, "quantity", when)) == 1
    assert len(run(claims, "quantity", "lower(text) in ('33.333%', 'x')")) == 1
    km = run(claims, "quantity", "convert(value, 'km', 'mile') > 745 and noun == 'voters'")
    assert [o.values["text"] for o in km] == ["1,200"]


def test_none_compared_with_a_number_is_just_false(claims):
    assert run(claims, "quantity", "low > 3") == []  # low is None for both


def test_message_fields_and_suggestion_templates(claims):
    [outcome] = run(claims, "pair", "True", suggestion="Compare {first.text} with {second}.")
    assert outcome.suggestion == "Compare 1,200 with 33.333%."
    assert f"{outcome.values['first']:>6}" == " 1,200"
    assert outcome.values["first"].value == 1200  # whole floats read as ints in messages


@pytest.mark.parametrize(
    ("when", "reason"),
    [
        ("value.__class__", "private and dunder attributes are not allowed"),
        ("first.__class__.__mro__", "private and dunder attributes are not allowed"),
        ("__import__('os').system('true')", "imports are not allowed"),
        ("import os", "imports are not allowed"),
        ("_secret > 1", "names starting with '_' are not allowed"),
        ("2 ** 1000000", "too large"),
        ("10 ** 10 ** 10", "not a number written in the expression"),
        ("value ** value", "not a number written in the expression"),
        ("'a' * 10 ** 8", "repeats a string"),
        ("open('/etc/passwd')", "calls 'open', which is not one of the allowed functions"),
        ("text.upper()", "calls a method"),
        ("[x for x in (1, 2)]", "comprehensions"),
        ("(lambda: 1)()", "lambdas"),
        ("value[0]", "indexing"),
        ("valeu > 3", "unknown name 'valeu' (did you mean 'value'?)"),
        ("value > " + "1 + " * 200 + "1", "characters long"),
        ("value >", "is not a valid expression"),
    ],
)
def test_escapes_and_mistakes_are_refused_with_a_reason(when, reason):
    problems = check_expression(when, "quantity")
    assert problems and any(reason in p for p in problems), problems


def test_imports_and_dunders_are_named_first():
    problems = check_expression("__import__('os').system('x')", "quantity")
    assert problems[0] == "imports are not allowed in an expression"


def test_escaping_expressions_are_refused_when_the_rule_file_is_loaded(make_file):
    path = make_file(
        "x.yaml",
        "rules:\n"
        "  - id: dunder\n"
        "    check: expression\n"
        "    severity: info\n"
        "    params: {on: quantity, when: 'value.__class__.__bases__'}\n"
        "  - id: power\n"
        "    check: expression\n"
        "    severity: info\n"
        "    params:\n"
        "      on: quantity\n"
        "      when: '9 ** 9999999'\n"
        "  - id: imports\n"
        "    check: expression\n"
        "    severity: info\n"
        "    params: {on: date, when: \"__import__('os')\"}\n"
        "  - id: target\n"
        "    check: expression\n"
        "    severity: info\n"
        "    params: {on: paragraph, when: 'True'}\n",
    )
    found = [str(p) for p in load_file(path)[1]]
    assert found[0].startswith(
        f"{path}:5:34: parameter 'when' reaches the attribute '__bases__': private and dunder"
    )
    assert any(
        p.startswith(f"{path}:11:13: parameter 'when' raises to the power 1e+07, too large")
        for p in found
    )
    assert f"{path}:15:30: parameter 'when' imports are not allowed in an expression" in found
    assert any(
        p.startswith(f"{path}:19:18: parameter 'on' of check 'expression' must be one of")
        for p in found
    )


def test_a_rejected_expression_is_refused_again_at_run_time(claims, caplog):
    with caplog.at_level(logging.WARNING, logger="factcheck.checks.expression"):
        assert run(claims, "quantity", "value.__class__") == []
        assert run(claims, "quantity", "__import__('os').getcwd()") == []
    assert "rejected" in caplog.text and "private and dunder" in caplog.text
    with pytest.raises(ExpressionError, match="private and dunder"):
        evaluate("value.__class__", "quantity", {"value": 1})


def test_a_huge_power_of_a_field_is_stopped_at_run_time(claims, caplog):
    with pytest.raises(RejectedAtRunTime):
        evaluate("value ** 50", "quantity", {"value": 1e16})
    caplog.set_level(logging.WARNING, logger="factcheck.checks.expression")
    big = quantity("1,200", 1e18, precision=1)
    claims.quantities = [big]
    assert run(claims, "quantity", "value ** 3 > 0") == []
    assert "stopped" in caplog.text


def test_repeating_a_field_string_is_stopped_at_run_time():
    with pytest.raises(RejectedAtRunTime):
        evaluate("text * 3 == ''", "quantity", {"text": "x"})


def test_python_eval_is_never_used(claims, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("eval was called")

    monkeypatch.setattr(builtins, "eval", refuse)
    expression.compile_expression.cache_clear()
    assert len(run(claims, "quantity", "value > 1000")) == 1


def test_fields_are_read_only_and_hide_private_names():
    fields = Fields({"value": 3, "text": "three"})
    assert fields.value == 3 and str(fields) == "three" and bool(fields)
    with pytest.raises(AttributeError):
        fields.value = 4
    with pytest.raises(AttributeError):
        fields._hidden  # noqa: B018 - the access itself is the test
    assert not Fields({}, present=False)


def test_a_missing_target_or_condition_is_a_validation_problem(make_file):
    path = make_file(
        "x.yaml",
        "rules:\n  - id: x\n    check: expression\n    severity: info\n    params: {on: date}\n",
    )
    found = [p.message for p in load_file(path)[1]]
    assert found == [
        "parameter 'when' is required: the condition under which the rule flags a claim"
    ]


def test_bound_values_and_enums_read_as_plain_strings(claims):
    claims.quantities[1].bound = Bound.AT_LEAST
    [outcome] = run(claims, "quantity", "bound == 'at_least'")
    assert outcome.values["bound"] == "at_least" and type(outcome.values["bound"]) is str
