"""Suppressions: finding directives, blanking them, anchoring them to prose, applying them.

The unit tests build documents, findings and rules by hand; the command-line tests check
small articles in which the shipped conversion rules flag "5 miles (10 km)" (an error).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.claims import Claims
from factcheck.config import Config, Settings
from factcheck.document import Document, Span
from factcheck.extract.sentences import split_sentences
from factcheck.findings import Finding, Severity
from factcheck.pipeline import DocumentResult
from factcheck.rules import Rule
from factcheck.suppress import (
    INVALID_RULE,
    UNUSED_RULE,
    apply_suppressions,
    blank_directives,
    configure_meta_findings,
    find_directives,
    prepare,
    target_of,
)

# The rules these tests run: two conversion rules of our own in place of the shipped set
# (conftest.py), so that work in progress on other rule files cannot change what they see.
pytestmark = pytest.mark.usefixtures("own_conversion_rules")


RULES = [
    Rule(id="conversion-mismatch", check="conversion", severity=Severity.ERROR),
    Rule(id="drift-count", check="drift", severity=Severity.WARNING),
    Rule(id="drift-total", check="drift", severity=Severity.WARNING),
    Rule(id="age-unlikely", check="age", severity=Severity.INFO, enabled=False),
]


def finding_at(document: Document, needle: str, rule: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(needle, start + 1)
    span = Span(start, start + len(needle))
    line, column = document.line_col(start)
    return Finding(
        rule=rule,
        check=rule.split("-")[0],
        severity=Severity.WARNING,
        message="m",
        span=span,
        text=needle,
        line=line,
        column=column,
    )


def checked(text: str, findings: list[tuple[str, str]], fmt: str = "markdown", rules=RULES):
    """Run the suppression stage the way the pipeline does, with hand-made findings."""
    document = Document(text=text, format=fmt)
    blanked, directives = prepare(document)
    claims = Claims(published=None, sentences=split_sentences(blanked.text))
    result = DocumentResult(document=document, claims=claims)
    result.findings = [finding_at(document, needle, rule) for needle, rule in findings]
    apply_suppressions(result, directives, rules, blanked_text=blanked.text)
    return result


def by_rule(result: DocumentResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


# --------------------------------------------------------------------------- finding directives


def test_both_spellings_are_found_with_rules_and_reason():
    text = (
        "<!-- factcheck-ignore drift-count, drift-total: figures from two dates -->\n"
        "Crews counted 40 boats. [factcheck-ignore all: the harbour log says so] Done.\n"
    )
    first, second = find_directives(text)
    assert (first.patterns, first.reason, first.standalone) == (
        ("drift-count", "drift-total"),
        "figures from two dates",
        True,
    )
    assert (second.patterns, second.reason, second.standalone) == (
        ("all",),
        "the harbour log says so",
        False,
    )
    assert text[second.span.start : second.span.end].startswith("[factcheck-ignore all")


def test_a_comment_may_span_lines():
    text = "<!--\n  factcheck-ignore drift-*:\n  the two reports\n  disagree\n-->\nText.\n"
    [directive] = find_directives(text)
    assert directive.reason == "the two reports disagree"
    assert directive.standalone


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<!-- factcheck-ignore drift-count -->", "gives no reason"),
        ("<!-- factcheck-ignore drift-count:   -->", "gives no reason"),
        ("[factcheck-ignore : because]", "names no rule"),
        ("<!-- factcheck-ignore Drift Count: because -->", "'Drift' is not a rule id"),
        ("<!-- factcheck-ingore drift-count: because -->", "did you mean 'factcheck-ignore'"),
    ],
)
def test_broken_directives_carry_their_problem(text, problem):
    [directive] = find_directives(text)
    assert directive.problem is not None and problem in directive.problem
    assert "suppresses nothing" in directive.problem


def test_ordinary_comments_and_brackets_are_not_directives():
    text = "<!-- editor: check the 40 boats -->\nThe [harbour] office. [factcheck.org] said so.\n"
    assert find_directives(text) == []


# --------------------------------------------------------------------------- blanking


def test_blanking_keeps_offsets_and_lines():
    text = "A <!-- factcheck-ignore drift-*: two\nsources --> B [factcheck-ignore all: x] C\n"
    document = Document(text=text, format="text")
    blanked = blank_directives(document, find_directives(text))
    assert len(blanked.text) == len(text)
    assert blanked.text.count("\n") == text.count("\n")
    assert blanked.text.split() == ["A", "B", "C"]
    assert document.text == text  # the original is untouched
    assert len(blanked.skipped) == 2


def test_in_markdown_every_comment_is_blanked_in_text_only_directives():
    text = "Boats: 40. <!-- editor: 55 boats? --> [factcheck-ignore all: fine]\n"
    markdown = blank_directives(Document(text=text, format="markdown"), find_directives(text))
    plain = blank_directives(Document(text=text, format="text"), find_directives(text))
    assert "55" not in markdown.text and "factcheck" not in markdown.text
    assert "55" in plain.text and "factcheck" not in plain.text


# --------------------------------------------------------------------------- anchoring


def covered(text: str) -> list[str]:
    blanked, directives = prepare(Document(text=text, format="markdown"))
    sentences = split_sentences(blanked.text)
    spans = [target_of(d, blanked.text, sentences) for d in directives]
    return [" ".join(blanked.text[s.start : s.end].split()) if s else None for s in spans]


def test_a_directive_on_its_own_line_covers_the_next_paragraph():
    text = (
        "First paragraph, 3 boats.\n"
        "<!-- factcheck-ignore drift-count: reason one -->\n"
        "[factcheck-ignore drift-total: reason two]\n"
        "\n"
        "Second paragraph, 4 boats.\n"
        "It goes on, 5 boats.\n"
        "\n"
        "Third paragraph, 6 boats.\n"
    )
    expected = "Second paragraph, 4 boats. It goes on, 5 boats."
    assert covered(text) == [expected, expected]


def test_an_inline_directive_covers_its_sentence():
    text = (
        "Crews saw 40 boats. The port <!-- factcheck-ignore drift-count: log --> lists 45. "
        "Then 50 left.\n"
    )
    assert covered(text) == ["The port lists 45."]


def test_a_trailing_directive_covers_the_sentence_before_it():
    text = "Crews saw 40 boats. [factcheck-ignore drift-count: log] The port lists 45.\n"
    assert covered(text) == ["Crews saw 40 boats."]


def test_a_directive_opening_a_line_of_text_covers_the_sentence_after_it():
    text = "Intro line.\n[factcheck-ignore drift-count: log] The port lists 45. More.\n"
    assert covered(text) == ["The port lists 45."]


def test_a_directive_with_nothing_after_it_covers_nothing():
    assert covered("Text 4.\n\n<!-- factcheck-ignore drift-count: why -->\n") == [None]


# --------------------------------------------------------------------------- applying


def test_matching_findings_in_the_covered_text_are_suppressed_with_the_reason():
    text = (
        "<!-- factcheck-ignore drift-*: counted on different days -->\n"
        "The port lists 45 boats and 12 tonnes.\n"
        "\n"
        "Later the port lists 45 boats.\n"
    )
    result = checked(
        text,
        [("45 boats", "drift-count"), ("12 tonnes", "conversion-mismatch")],
    )
    drift, conversion = by_rule(result, "drift-count")[0], by_rule(result, "conversion-mismatch")[0]
    assert drift.suppressed and drift.suppression_reason == "counted on different days"
    assert not conversion.suppressed  # another rule
    assert by_rule(result, UNUSED_RULE) == by_rule(result, INVALID_RULE) == []


def test_findings_outside_the_covered_text_are_not_suppressed():
    text = "Ships: 45. [factcheck-ignore drift-count: log] Boats: 45.\n\nBoats: 45 again.\n"
    document = Document(text=text, format="text")
    blanked, directives = prepare(document)
    result = DocumentResult(document=document, claims=Claims(published=None))
    result.findings = [
        finding_at(document, "45", "drift-count", nth=0),
        finding_at(document, "45", "drift-count", nth=1),
        finding_at(document, "45", "drift-count", nth=2),
    ]
    apply_suppressions(result, directives, RULES, blanked_text=blanked.text)
    assert [f.suppressed for f in result.findings if f.rule == "drift-count"] == [
        True,
        False,
        False,
    ]


def test_a_directive_without_a_reason_suppresses_nothing_and_is_reported():
    text = "<!-- factcheck-ignore drift-count -->\nThe port lists 45 boats.\n"
    result = checked(text, [("45 boats", "drift-count")])
    assert not by_rule(result, "drift-count")[0].suppressed
    [invalid] = by_rule(result, INVALID_RULE)
    assert invalid.severity is Severity.WARNING and invalid.check == "suppression"
    assert invalid.text == "<!-- factcheck-ignore drift-count -->"
    assert (invalid.line, invalid.column) == (1, 1)


def test_a_directive_that_matched_nothing_is_reported_as_unused():
    text = "The port lists 45 boats. [factcheck-ignore conversion-mismatch: fine]\n"
    result = checked(text, [("45 boats", "drift-count")])
    [unused] = by_rule(result, UNUSED_RULE)
    assert unused.severity is Severity.INFO
    assert "conversion-mismatch" in unused.message


def test_a_directive_for_a_switched_off_rule_is_not_called_unused():
    result = checked("Aged 140. [factcheck-ignore age-unlikely: a tortoise]\n", [])
    assert result.findings == []


def test_an_unknown_rule_name_is_reported_with_a_suggestion():
    text = "Boats: 45. [factcheck-ignore drift-cuont, drift-total: log]\n"
    result = checked(text, [("45", "drift-total")])
    assert by_rule(result, "drift-total")[0].suppressed  # the known name still applies
    [invalid] = by_rule(result, INVALID_RULE)
    assert "'drift-cuont'" in invalid.message and "did you mean 'drift-count'" in invalid.message


def test_all_matches_every_rule_but_not_the_suppression_rules():
    text = "Boats: 45. [factcheck-ignore all: log] [factcheck-ignore drift-count]\n"
    result = checked(text, [("45", "drift-total")])
    assert by_rule(result, "drift-total")[0].suppressed
    assert not by_rule(result, INVALID_RULE)[0].suppressed


def test_meta_findings_follow_the_configuration():
    result = checked("Boats: 45. [factcheck-ignore drift-count: log]\n", [])
    assert [f.rule for f in result.findings] == [UNUSED_RULE]
    raised = Settings(Config(severity=((UNUSED_RULE, "error"),)))
    assert configure_meta_findings(list(result.findings), raised)[0].severity is Severity.ERROR
    silenced = Settings(Config(disable=("unused-*",)))
    assert configure_meta_findings(list(result.findings), silenced) == []


# --------------------------------------------------------------------------- command line


ARTICLE = """# Ferry news

The ferry route is 5 miles (10 km) long.

<!-- factcheck-ignore conversion-mismatch: the operator's timetable gives both figures -->
The old route was 3 miles (9 km) long.
"""


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    return tmp_path


def check_json(capsys, path: Path, *flags: str) -> tuple[int, list[dict], dict]:
    code = cli.main(["check", "--format", "json", "--no-config", str(path), *flags])
    report = json.loads(capsys.readouterr().out)
    [document] = report["documents"]
    return code, document["findings"], document


def test_markdown_comment_suppresses_and_json_keeps_it(desk, capsys):
    path = desk / "ferry.md"
    path.write_text(ARTICLE, encoding="utf-8")
    code, findings, _ = check_json(capsys, path)
    shown = [(f["line"], f["suppressed"], f["suppression_reason"]) for f in findings]
    assert shown == [
        (3, False, None),
        (6, True, "the operator's timetable gives both figures"),
    ]
    assert code == 1  # the unsuppressed error still fails the run
    path.write_text(ARTICLE.replace("5 miles (10 km)", "5 miles (8 km)"), encoding="utf-8")
    code, findings, _ = check_json(capsys, path)
    assert [f["suppressed"] for f in findings] == [True]
    assert code == 0  # a suppressed error never counts


def test_plain_text_bracket_form(desk, capsys):
    path = desk / "ferry.txt"
    path.write_text(
        "The old route was 3 miles (9 km) long. [factcheck-ignore conversion-*: as printed]\n",
        encoding="utf-8",
    )
    code, findings, _ = check_json(capsys, path)
    assert [(f["rule"], f["suppressed"]) for f in findings] == [("conversion-mismatch", True)]
    assert code == 0
    assert cli.main(["check", "--format", "line", "--no-config", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_reason_required_on_the_command_line(desk, capsys):
    path = desk / "ferry.md"
    path.write_text(ARTICLE.replace(": the operator's timetable gives both figures", ""))
    code, findings, _ = check_json(capsys, path)
    rules = [(f["rule"], f["suppressed"]) for f in findings]
    assert ("invalid-suppression", False) in rules
    assert rules.count(("conversion-mismatch", False)) == 2
    assert code == 1


def test_unused_suppression_is_reported_but_does_not_fail(desk, capsys):
    path = desk / "ferry.md"
    path.write_text(ARTICLE.replace("(9 km)", "(5 km)").replace("(10 km)", "(8 km)"))
    code, findings, _ = check_json(capsys, path)
    assert [(f["rule"], f["severity"], f["line"]) for f in findings] == [
        ("unused-suppression", "info", 5)
    ]
    assert code == 0


def test_figures_in_a_suppression_are_never_claims(desk, capsys):
    path = desk / "ferry.txt"
    path.write_text(
        "The route is 5 miles (8 km) long.\n"
        "[factcheck-ignore conversion-mismatch: printed as 12 miles (5 km) in 1998]\n",
        encoding="utf-8",
    )
    code, findings, document = check_json(capsys, path)
    claim_texts = [c["text"] for c in document["claims"]]
    assert claim_texts == ["5 miles", "8 km"]
    assert [f["rule"] for f in findings] == ["unused-suppression"]


def test_rich_summary_counts_suppressed_findings(desk, capsys):
    path = desk / "ferry.md"
    path.write_text(ARTICLE.replace("5 miles (10 km)", "5 miles (8 km)"), encoding="utf-8")
    assert cli.main(["check", "--no-config", "--no-color", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 suppressed" in out
