"""A rule's scope: which claims and sentences it applies to, applied by the rule engine."""

from __future__ import annotations

import datetime as dt

from factcheck.claims import Claims, DateClaim, Dimension, Pair, Quantity, Relation, Sentence
from factcheck.document import Document, Span
from factcheck.findings import Severity
from factcheck.pipeline import run_rules
from factcheck.rules import Rule, Scope

TEXT = 'The fire burnt 40 km (25 miles). "It burnt 90 km of forest," he said. It cost $5 million.'


def build() -> tuple[Document, Claims]:
    sentences = []
    for index, text in enumerate(
        [
            "The fire burnt 40 km (25 miles).",
            '"It burnt 90 km of forest," he said.',
            "It cost $5 million.",
        ]
    ):
        start = TEXT.index(text)
        sentences.append(
            Sentence(
                span=Span(start, start + len(text)), text=text, index=index, in_quote=index == 1
            )
        )

    def q(text: str, value: float, sentence: int, **fields) -> Quantity:
        start = TEXT.index(text)
        return Quantity(
            span=Span(start, start + len(text)), text=text, value=value, sentence=sentence, **fields
        )

    km = q("40 km", 40, 0, unit="kilometer", dimension=Dimension.LENGTH, noun="fire")
    miles = q("25 miles", 25, 0, unit="mile", dimension=Dimension.LENGTH)
    quoted = q("90 km", 90, 1, unit="kilometer", dimension=Dimension.LENGTH, noun="forest")
    money = q("$5 million", 5e6, 2, dimension=Dimension.MONEY, currency="USD")
    dateline = DateClaim(span=Span(0, 3), text="The", date=dt.date(2024, 1, 1), is_dateline=True)
    claims = Claims(
        published=dt.date(2024, 1, 2),
        sentences=sentences,
        quantities=[km, miles, quoted, money],
        dates=[dateline],
        pairs=[Pair(first=km, second=miles)],
        relations=[Relation(part=quoted, whole=km)],
    )
    return Document(text=TEXT, path="t.txt", id="t"), claims


def test_everything_is_in_scope_by_default():
    _, claims = build()
    assert Scope.from_mapping({}).apply(claims) is claims
    assert Scope.from_mapping(None).is_everything


def test_quotes_are_excluded_with_the_claims_that_depend_on_them():
    _, claims = build()
    scoped = Scope.from_mapping({"exclude": ["quote"]}).apply(claims)
    assert [q.text for q in scoped.quantities] == ["40 km", "25 miles", "$5 million"]
    assert len(scoped.pairs) == 1 and scoped.relations == []
    assert len(claims.quantities) == 4 and len(claims.relations) == 1  # the original is untouched


def test_dimensions_and_nouns():
    _, claims = build()
    length_only = Scope.from_mapping({"dimensions": ["length"]}).apply(claims)
    assert [q.text for q in length_only.quantities] == ["40 km", "25 miles", "90 km"]
    no_money = Scope.from_mapping({"exclude_dimensions": ["money"]}).apply(claims)
    assert "$5 million" not in [q.text for q in no_money.quantities]
    forest = Scope.from_mapping({"nouns": ["forest"]}).apply(claims)
    assert [q.text for q in forest.quantities] == ["90 km"] and forest.pairs == []
    not_fire = Scope.from_mapping({"exclude_nouns": ["fire"]}).apply(claims)
    assert [q.text for q in not_fire.quantities] == ["25 miles", "90 km", "$5 million"]


def test_the_dateline_can_be_excluded():
    _, claims = build()
    assert Scope.from_mapping({"exclude": ["dateline"]}).apply(claims).dates == []


def pattern_rule(**scope) -> Rule:
    return Rule(
        id="km-phrase",
        check="pattern",
        severity=Severity.INFO,
        params={"regex": r"\d+ km"},
        scope=dict(scope),
    )


def test_the_rule_engine_applies_scope_to_sentence_checks_too():
    document, claims = build()
    everywhere = run_rules(document, claims, [pattern_rule()])
    assert [f.text for f in everywhere.findings] == ["40 km", "90 km"]
    outside_quotes = run_rules(document, claims, [pattern_rule(exclude=["quote"])])
    assert [f.text for f in outside_quotes.findings] == ["40 km"]


def test_the_rule_engine_applies_scope_to_claim_checks():
    document, claims = build()
    rule = Rule(
        id="long",
        check="expression",
        severity=Severity.INFO,
        params={"on": "quantity", "when": "dimension == 'length' and value > 30"},
    )
    assert [f.text for f in run_rules(document, claims, [rule]).findings] == ["40 km", "90 km"]
    rule.scope = {"exclude": ["quote"], "exclude_nouns": ["fire"]}
    assert run_rules(document, claims, [rule]).findings == []
