"""Outcomes of checks and the findings reported to users.

A check yields ``Outcome`` objects: a problem (``ok=False``) or a verified relation
(``ok=True``), each with the arithmetic that decided it. The rule engine turns problem
outcomes into ``Finding`` objects by adding the rule's id, severity and message template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from factcheck.document import Span


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(slots=True)
class Outcome:
    """What one check concluded about one group of claims.

    ``code`` names the kind of problem within the check ("mismatch", "no_figure", ...) so a
    rule can select it. ``values`` fill the rule's message template; ``evidence`` is the
    arithmetic (computed, written, tolerance, ...) shown in reports and JSON.
    """

    code: str
    ok: bool
    span: Span
    message: str
    related: list[Span] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None


@dataclass(slots=True)
class Finding:
    rule: str
    check: str
    severity: Severity
    message: str
    span: Span
    text: str
    line: int
    column: int
    related: list[tuple[Span, str]] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    suppressed: bool = False
    suppression_reason: str | None = None
    baselined: bool = False  # known from a baseline file: reported only as a count

    @property
    def active(self) -> bool:
        """Shown in full and counted for the exit code: neither suppressed nor baselined."""
        return not self.suppressed and not self.baselined


@dataclass(slots=True)
class Verified:
    """A relation that was checked and holds; reports list these briefly."""

    rule: str
    check: str
    message: str
    span: Span
    text: str
    evidence: dict[str, Any] = field(default_factory=dict)
