"""Shared fixtures. Kept small: anything used by one test module lives in that module."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def make_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path (text as UTF-8, bytes as given); return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return write


# Two conversion rules of our own, for the tests that run the pipeline or the command line and
# must not see work in progress on the shipped rule files.
OWN_CONVERSION_RULES = """\
rules:
  - id: conversion-mismatch
    check: conversion
    codes: [mismatch]
    severity: error
    message: "{written} does not match {source}."
    description: A converted figure that the units do not give.
    examples:
      flag:
        - "The canal is 4 miles ([[12 km]]) long."
      pass:
        - "The canal is 4 miles (6.4 km) long."
  - id: conversion-no-figure
    check: conversion
    codes: [no_figure]
    severity: warning
    message: "A conversion with no figure."
    description: A second unit with no figure to convert.
    examples:
      flag:
        - "The canal runs many miles ([[kilometres]]) inland."
      pass:
        - "The canal runs 4 miles (6.4 km) inland."
"""


@pytest.fixture
def own_conversion_rules(tmp_path_factory, monkeypatch) -> Path:
    """Make the two rules above the whole shipped rule set; return their folder."""
    folder = tmp_path_factory.mktemp("own-rules")
    (folder / "conversion.yaml").write_text(OWN_CONVERSION_RULES, encoding="utf-8")
    monkeypatch.setattr("factcheck.rules.shipped_rules_dir", lambda: folder)
    return folder
