"""Reporters: findings and claims in, text out. Formatting only; a reporter never computes.

``get_reporter(fmt)`` returns a callable ``(results, out, *, color=True) -> None`` for one of
``FORMATS``. Each format lives in its own module and is imported only when asked for, so
``--format json`` never pays for importing rich.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.report.serialize import claims_jsonl

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult

Reporter = Callable[..., None]
"""``reporter(results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None``"""

# format name -> (module, function)
_REPORTERS = {
    "rich": ("factcheck.report.rich", "report_rich"),
    "json": ("factcheck.report.json", "report_json"),
    "sarif": ("factcheck.report.sarif", "report_sarif"),
    "line": ("factcheck.report.line", "report_lines"),
}
FORMATS = tuple(_REPORTERS)
# Reporters for ``extract``: the claims alone (jsonl streams through ``claims_jsonl``).
_CLAIM_REPORTERS = {
    "rich": ("factcheck.report.rich", "report_claims_rich"),
    "json": ("factcheck.report.json", "report_claims_json"),
}


def get_reporter(fmt: str) -> Reporter:
    """The reporter for ``fmt`` (one of ``FORMATS``); ValueError for anything else."""
    if fmt not in _REPORTERS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module_name, function_name = _REPORTERS[fmt]
    return getattr(importlib.import_module(module_name), function_name)


def get_claims_reporter(fmt: str) -> Reporter:
    """The claims-only reporter for ``extract --format rich|json``."""
    if fmt not in _CLAIM_REPORTERS:
        raise ValueError(f"unknown claims format {fmt!r}; choose one of: jsonl, rich, json")
    module_name, function_name = _CLAIM_REPORTERS[fmt]
    return getattr(importlib.import_module(module_name), function_name)


def register_rules(rules: Iterable[Any]) -> None:
    """Hand the loaded rules to reporters that describe them (SARIF's rule descriptors)."""
    from factcheck.report.sarif import register_rules as register_sarif_rules

    register_sarif_rules(rules)


def report(fmt: str, results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None:
    """Convenience: ``get_reporter(fmt)(results, out, color=color)``."""
    get_reporter(fmt)(results, out, color=color)


__all__ = [
    "FORMATS",
    "Reporter",
    "claims_jsonl",
    "get_claims_reporter",
    "get_reporter",
    "register_rules",
    "report",
]
