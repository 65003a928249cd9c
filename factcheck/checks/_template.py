"""A rule's own ``suggestion`` text, filled with an outcome's values.

The ``pattern`` and ``expression`` check kinds let a rule author write the suggestion as a
template ("Write {figure} as ..."). It is filled here the way the pipeline fills a rule's
message: a field the outcome does not provide stays as written (``{name}``) rather than fail,
and a template ``factcheck.rules.template_fields`` finds unsafe is not filled at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def fill_template(template: Any, values: Mapping[str, Any]) -> str | None:
    """``template`` with ``values`` filled in; None for no template or one that cannot be."""
    if not isinstance(template, str) or not template:
        return None
    from factcheck.rules import template_fields

    _, problems = template_fields(template)
    if problems:
        return None
    try:
        return template.format_map(_KeepMissing(values))
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return None


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
