"""Baselines: accept today's findings in an archive, report only new ones from now on.

A finding is recorded by what it is about, not where it is: the rule, the document, the
flagged text normalised (white space collapsed, lower-cased) and a hash of the normalised
sentence around it, plus an occurrence number for identical findings. Line numbers are never
part of the key, so adding a paragraph above a known finding, re-wrapping, or moving a
paragraph leaves it baselined.

Matching is a multiset match in two passes: first on the full key, then, for findings still
unmatched, on (rule, document, flagged text) alone against baseline entries still unused — so
editing other words of the sentence keeps the finding baselined, while a second copy of the
same problem is reported as new.

The file is JSON with sorted keys, entries sorted, no timestamps: regenerating it for the same
findings gives the same bytes, so it diffs cleanly under version control.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.document import Document
from factcheck.findings import Finding

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".factcheck-baseline.json"
# Findings from JSONL sources are keyed on the record's id, which survives a re-export.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SENTENCE_HASH_LENGTH = 16


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a factcheck baseline (one line)."""


def normalise(text: str) -> str:
    """Compare text as a reader would: Unicode-normalised, white space collapsed, lower-case."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).lower()


def sentence_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:SENTENCE_HASH_LENGTH]


def document_key(document: Document, root: Path) -> str:
    """How the baseline names a document.

    A JSONL record (or a document from standard input) by its id; a file by its path relative
    to the baseline file's folder, with ``/`` separators, so the baseline works from any
    current folder and on any system.
    """
    path = document.path or "-"
    if path == "-" or path.lower().endswith(JSONL_SUFFIXES):
        return document.id or path
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    return Path(relative).as_posix()


def sentence_text(result: Any, finding: Finding) -> str:
    """The sentence the finding flags (from the extracted sentences), else its line."""
    claims = getattr(result, "claims", None)
    for sentence in getattr(claims, "sentences", None) or []:
        if sentence.span.start <= finding.span.start < sentence.span.end:
            return sentence.text
    text = result.document.text
    start = text.rfind("\n", 0, finding.span.start) + 1
    end = text.find("\n", finding.span.start)
    return text[start : len(text) if end < 0 else end]


def is_baselined(finding: Finding) -> bool:
    return finding.baselined


def mark_baselined(finding: Finding, source: str) -> None:
    """Mark a finding as known from the baseline file ``source``."""
    finding.baselined = True


def is_active(finding: Finding) -> bool:
    """A finding that the baseline should hold: shown, neither suppressed nor baselined."""
    return finding.active


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    """One known finding. ``message`` is for people reading the file; matching ignores it."""

    document: str
    rule: str
    claim: str
    sentence: str
    occurrence: int = 1
    message: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.document, self.rule, self.claim, self.sentence)

    @property
    def loose_key(self) -> tuple[str, str, str]:
        return (self.document, self.rule, self.claim)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "rule": self.rule,
            "claim": self.claim,
            "sentence": self.sentence,
            "occurrence": self.occurrence,
            "message": self.message,
        }


def _candidates(results: Iterable[Any], root: Path) -> list[tuple[Finding, Entry]]:
    """Each unsuppressed finding with its entry, occurrences numbered in document order."""
    pairs: list[tuple[Finding, Entry]] = []
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for result in results:
        if getattr(result, "error", None):
            continue
        document_name = document_key(result.document, root)
        ordered = sorted(result.findings, key=lambda f: (f.span.start, f.span.end, f.rule))
        for finding in ordered:
            if not is_active(finding):
                continue
            key = (
                document_name,
                finding.rule,
                normalise(finding.text),
                sentence_hash(sentence_text(result, finding)),
            )
            seen[key] += 1
            pairs.append((finding, Entry(*key, occurrence=seen[key], message=finding.message)))
    return pairs


@dataclass(slots=True)
class Baseline:
    entries: list[Entry] = field(default_factory=list)
    path: Path | None = None

    @classmethod
    def from_results(cls, results: Iterable[Any], path: Path) -> Baseline:
        root = Path(os.path.abspath(path)).parent
        entries = sorted(entry for _, entry in _candidates(results, root))
        return cls(entries=entries, path=path)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": BASELINE_VERSION,
            "tool": "factcheck",
            "findings": [entry.to_dict() for entry in sorted(self.entries)],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def write(self, path: Path | None = None) -> Path:
        target = Path(path or self.path or DEFAULT_BASELINE)
        try:
            target.write_text(self.dumps(), encoding="utf-8")
        except OSError as exc:
            reason = exc.strerror or exc
            raise BaselineError(f"cannot write the baseline {target}: {reason}") from None
        return target

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                f"no baseline file {path} (create it with 'factcheck baseline PATH...')"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise BaselineError(f"cannot read the baseline {path}: {reason}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"{path}:{exc.lineno}:{exc.colno}: the baseline is not valid JSON: {exc.msg}"
            ) from None
        return cls(entries=_parse_entries(data, path), path=Path(path))

    def apply(self, results: Sequence[Any], source: str | None = None) -> int:
        """Mark the findings this baseline knows; return how many were marked."""
        root = Path(os.path.abspath(self.path or DEFAULT_BASELINE)).parent
        label = source or str(self.path or DEFAULT_BASELINE)
        exact = Counter(entry.key for entry in self.entries)
        loose = Counter(entry.loose_key for entry in self.entries)
        unmatched: list[tuple[Finding, Entry]] = []
        marked = 0
        for finding, entry in _candidates(results, root):
            if exact[entry.key] > 0:
                exact[entry.key] -= 1
                loose[entry.loose_key] -= 1
                mark_baselined(finding, label)
                marked += 1
            else:
                unmatched.append((finding, entry))
        for finding, entry in unmatched:
            if loose[entry.loose_key] > 0:
                loose[entry.loose_key] -= 1
                mark_baselined(finding, label)
                marked += 1
        return marked


def _parse_entries(data: Any, path: Path) -> list[Entry]:
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError(f"{path} is not a factcheck baseline (no 'findings' list)")
    version = data.get("version")
    if version != BASELINE_VERSION:
        raise BaselineError(
            f"{path} is a baseline of version {version!r}; this factcheck reads version "
            f"{BASELINE_VERSION} (recreate it with 'factcheck baseline')"
        )
    raw = data["findings"]
    if not isinstance(raw, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    entries: list[Entry] = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise BaselineError(f"{path}: finding {number} is not an object")
        try:
            values = {key: item[key] for key in ("document", "rule", "claim", "sentence")}
        except KeyError as exc:
            raise BaselineError(f"{path}: finding {number} has no {exc.args[0]!r}") from None
        if not all(isinstance(value, str) for value in values.values()):
            raise BaselineError(f"{path}: finding {number}: fields must be strings")
        occurrence = item.get("occurrence", 1)
        if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
            raise BaselineError(f"{path}: finding {number}: 'occurrence' must be a positive number")
        entries.append(Entry(**values, occurrence=occurrence, message=str(item.get("message", ""))))
    return entries
