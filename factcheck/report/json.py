"""``--format json``: the output contract of DESIGN.md section 5, one object for all documents.

The whole object is written with a single ``json.dump`` once every document is checked, so a
consumer never sees half a document. ``allow_nan=False`` makes the contract's promise (strict
JSON, no NaN or Infinity) an error here rather than a surprise in someone else's parser.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from factcheck.report.serialize import claims_results_to_dict, results_to_dict

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult


def report_json(results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None:
    """Write ``{"version": 1, "documents": [...]}``; ``color`` is accepted and ignored."""
    json.dump(results_to_dict(results), out, indent=2, ensure_ascii=False, allow_nan=False)
    out.write("\n")


def report_claims_json(results: list[DocumentResult], out: TextIO, *, color: bool = True) -> None:
    """``extract --format json``: the same documents, with claims and no findings."""
    json.dump(claims_results_to_dict(results), out, indent=2, ensure_ascii=False, allow_nan=False)
    out.write("\n")
