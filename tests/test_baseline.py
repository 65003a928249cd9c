"""Baselines: content keys, a stable file, multiset matching, and the command-line round trip.

The unit tests build documents and findings by hand; the round trip runs factcheck.cli.main
over an article in which the shipped conversion rules flag "5 miles (10 km)" (an error).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.baseline import (
    BASELINE_VERSION,
    Baseline,
    BaselineError,
    document_key,
    is_baselined,
    normalise,
    sentence_hash,
)
from factcheck.claims import Claims
from factcheck.document import Document, Span
from factcheck.extract.sentences import split_sentences
from factcheck.findings import Finding, Severity
from factcheck.pipeline import DocumentResult

# The rules these tests run: two conversion rules of our own in place of the shipped set
# (conftest.py), so that work in progress on other rule files cannot change what they see.
pytestmark = pytest.mark.usefixtures("own_conversion_rules")


def result_for(
    path: str, text: str, flagged: list[tuple[str, str]], doc_id: str = ""
) -> DocumentResult:
    """A DocumentResult with one finding per (flagged text, rule), in order of occurrence."""
    document = Document(text=text, path=path, id=doc_id or Path(path).name)
    result = DocumentResult(
        document=document, claims=Claims(published=None, sentences=split_sentences(text))
    )
    cursor: dict[str, int] = {}
    for needle, rule in flagged:
        start = text.index(needle, cursor.get(needle, 0))
        cursor[needle] = start + 1
        line, column = document.line_col(start)
        result.findings.append(
            Finding(
                rule=rule,
                check="conversion",
                severity=Severity.ERROR,
                message=f"{needle} is off",
                span=Span(start, start + len(needle)),
                text=needle,
                line=line,
                column=column,
            )
        )
    return result


STORY = (
    "The ferry route is 5 miles (10 km) long.\n"
    "\n"
    "Tickets cost 4 pounds. The old route was 3 miles (9 km) long.\n"
)
MOVED = (
    "A new first paragraph with nothing to flag.\n"
    "\n"
    "Tickets cost 4 pounds.   The OLD route was 3 miles (9 km)\nlong.\n"
    "\n"
    "The ferry route is 5 miles (10 km) long.\n"
)


def baselined_flags(result) -> list[bool]:
    return [is_baselined(f) for f in result.findings]


# --------------------------------------------------------------------------- keys


def test_normalise_and_sentence_hash_ignore_spacing_and_case():
    assert normalise("  5 Miles\n(10\u00a0km) ") == "5 miles (10 km)"
    assert sentence_hash("The OLD route was 3 miles (9 km)\nlong.") == sentence_hash(
        "the old   route was 3 miles (9 km) long."
    )
    assert sentence_hash("The old route was 3 miles.") != sentence_hash("The new route was 3.")


def test_document_keys(tmp_path):
    root = tmp_path
    inside = Document(text="", path=str(tmp_path / "desk" / "a.md"), id="a.md")
    assert document_key(inside, root) == "desk/a.md"
    record = Document(text="", path=str(tmp_path / "export-2024.jsonl"), id="story-881")
    assert document_key(record, root) == "story-881"
    assert document_key(Document(text="", path="-", id="stdin"), root) == "stdin"


# --------------------------------------------------------------------------- the file


def test_the_file_is_stable_sorted_and_versioned(tmp_path):
    target = tmp_path / "base.json"
    results = [
        result_for(str(tmp_path / "b.md"), STORY, [("10 km", "conversion-mismatch")]),
        result_for(str(tmp_path / "a.md"), STORY, [("9 km", "conversion-mismatch")]),
    ]
    first = Baseline.from_results(results, target).dumps()
    second = Baseline.from_results(list(reversed(results)), target).dumps()
    assert first == second
    data = json.loads(first)
    assert data["version"] == BASELINE_VERSION
    assert [entry["document"] for entry in data["findings"]] == ["a.md", "b.md"]
    assert list(data["findings"][0]) == sorted(data["findings"][0])
    assert "line" not in data["findings"][0]
    assert data["findings"][0]["claim"] == "9 km"


def test_duplicates_get_occurrence_numbers_and_suppressed_findings_are_left_out(tmp_path):
    text = "Route A is 3 miles (9 km). Route A is 3 miles (9 km). Route B is 2 miles (9 km).\n"
    result = result_for(
        str(tmp_path / "a.md"),
        text,
        [("9 km", "conversion-mismatch")] * 3,
    )
    result.findings[2].suppressed = True
    entries = Baseline.from_results([result], tmp_path / "b.json").entries
    assert [entry.occurrence for entry in entries] == [1, 2]
    assert entries[0].sentence == entries[1].sentence  # the same sentence, twice


def test_round_trip_through_the_file(tmp_path):
    target = tmp_path / "base.json"
    result = result_for(str(tmp_path / "a.md"), STORY, [("10 km", "conversion-mismatch")])
    Baseline.from_results([result], target).write()
    assert Baseline.read(target).entries == Baseline.from_results([result], target).entries


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no baseline file"),
        ("{not json", "not valid JSON"),
        ('{"version": 99, "findings": []}', "version 99"),
        ('{"version": 1}', "no 'findings' list"),
        ('{"version": 1, "findings": [{"rule": "x"}]}', "finding 1 has no 'document'"),
        (
            '{"version": 1, "findings": [{"rule": "x", "document": "d", "claim": "c", '
            '"sentence": "s", "occurrence": 0}]}',
            "'occurrence' must be a positive number",
        ),
    ],
)
def test_bad_baseline_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "base.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as caught:
        Baseline.read(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


# --------------------------------------------------------------------------- matching


def test_moving_text_keeps_findings_baselined(tmp_path):
    path = str(tmp_path / "a.md")
    findings = [("10 km", "conversion-mismatch"), ("9 km", "conversion-mismatch")]
    baseline = Baseline.from_results([result_for(path, STORY, findings)], tmp_path / "b.json")
    moved = result_for(path, MOVED, list(reversed(findings)))
    assert baseline.apply([moved]) == 2
    assert baselined_flags(moved) == [True, True]


def test_a_new_copy_of_a_known_problem_is_new(tmp_path):
    path = str(tmp_path / "a.md")
    baseline = Baseline.from_results(
        [result_for(path, STORY, [("10 km", "conversion-mismatch")])], tmp_path / "b.json"
    )
    doubled = STORY + "\nThe ferry route is 5 miles (10 km) long.\n"
    later = result_for(path, doubled, [("10 km", "conversion-mismatch")] * 2)
    assert baseline.apply([later]) == 1
    assert sorted(baselined_flags(later)) == [False, True]


def test_editing_other_words_of_the_sentence_still_matches(tmp_path):
    path = str(tmp_path / "a.md")
    baseline = Baseline.from_results(
        [result_for(path, STORY, [("9 km", "conversion-mismatch")])], tmp_path / "b.json"
    )
    edited = STORY.replace("The old route", "The former route")
    later = result_for(path, edited, [("9 km", "conversion-mismatch")])
    assert baseline.apply([later]) == 1


def test_other_rules_documents_and_texts_do_not_match(tmp_path):
    path = str(tmp_path / "a.md")
    baseline = Baseline.from_results(
        [result_for(path, STORY, [("10 km", "conversion-mismatch")])], tmp_path / "b.json"
    )
    other_rule = result_for(path, STORY, [("10 km", "conversion-no-figure")])
    other_document = result_for(str(tmp_path / "c.md"), STORY, [("10 km", "conversion-mismatch")])
    other_text = result_for(path, STORY, [("9 km", "conversion-mismatch")])
    assert baseline.apply([other_rule, other_document, other_text]) == 0


# --------------------------------------------------------------------------- command line


ARTICLE = (
    "# Ferry news\n"
    "\n"
    "The ferry route is 5 miles (10 km) long.\n"
    "\n"
    "The harbour master said the crossing takes 40 minutes.\n"
)


def check_json(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = cli.main(["check", "--format", "json", "--no-config", *args])
    out, err = capsys.readouterr()
    findings = [f for doc in json.loads(out)["documents"] for f in doc["findings"]]
    return code, findings, err


def json_baselined(finding: dict) -> bool:
    # The "baselined" field, or (until findings carry it) the suppression it falls back on.
    if "baselined" in finding:
        return finding["baselined"] is True
    return finding["suppressed"] and finding["suppression_reason"].startswith("baselined")


def test_baseline_round_trip_on_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "desk" / "ferry.md"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["baseline", "--no-config", "desk"]) == 0
    assert "Recorded 1 finding from 1 document in .factcheck-baseline.json" in (
        capsys.readouterr().out
    )
    stored = json.loads((tmp_path / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    assert [(e["document"], e["rule"], e["claim"]) for e in stored["findings"]] == [
        ("desk/ferry.md", "conversion-mismatch", "10 km")
    ]
    baseline = ".factcheck-baseline.json"
    code, findings, err = check_json(capsys, str(article), "--baseline", baseline)
    assert code == 0
    assert [json_baselined(f) for f in findings] == [True]
    assert "1 finding recorded in the baseline" in err

    # Move the paragraph below another one: still known.
    paragraphs = ARTICLE.split("\n\n")
    article.write_text("\n\n".join([paragraphs[0], paragraphs[2], paragraphs[1]]) + "\n")
    code, findings, _ = check_json(capsys, str(article), "--baseline", baseline)
    assert code == 0 and [json_baselined(f) for f in findings] == [True]

    # A new error is reported; the known one stays baselined.
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nThe return trip is 2 miles (6 km) shorter.\n")
    code, findings, _ = check_json(capsys, str(article), "--baseline", baseline)
    assert code == 1
    new = [f["text"] for f in findings if not json_baselined(f)]
    assert new == ["6 km"]
    # The line format shows only the new finding.
    assert (
        cli.main(["check", "--no-config", "--format", "line", str(article), "--baseline", baseline])
        == 1
    )
    [line] = capsys.readouterr().out.splitlines()
    assert "6 km does not match 2 miles" in line


def test_baseline_from_another_folder_keys_paths_on_its_own_folder(tmp_path, monkeypatch, capsys):
    article = tmp_path / "desk" / "ferry.md"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "ci" / "baseline.json"
    target.parent.mkdir()
    monkeypatch.chdir(tmp_path / "desk")
    assert cli.main(["baseline", "--no-config", "ferry.md", "--output", str(target)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    code, findings, _ = check_json(capsys, "desk/ferry.md", "--baseline", str(target))
    assert code == 0 and [json_baselined(f) for f in findings] == [True]


def test_a_missing_or_broken_baseline_is_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The route is 5 miles (10 km) long.\n", encoding="utf-8")
    assert cli.main(["check", "--no-config", "a.txt", "--baseline", "none.json"]) == 2
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    assert cli.main(["check", "--no-config", "a.txt", "--baseline", "bad.json"]) == 2
    err = capsys.readouterr().err
    assert "no baseline file none.json" in err
    assert "bad.json:1:" in err and "not valid JSON" in err
    assert "Traceback" not in err
