"""Check kinds, registered by name.

Each module in this package defines one check kind: a pure function of the claims and the
rule's parameters that yields ``Outcome`` objects. Rules in ``rules/*.yaml`` say which check
kinds run and how they are configured; nothing here runs by itself.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from factcheck.claims import Claims
from factcheck.findings import Outcome

CheckFunction = Callable[[Claims, Mapping[str, Any]], Iterable[Outcome]]


@dataclass(frozen=True, slots=True)
class CheckKind:
    name: str
    function: CheckFunction
    defaults: Mapping[str, Any] = field(default_factory=dict)
    codes: tuple[str, ...] = ()
    doc: str = ""


_REGISTRY: dict[str, CheckKind] = {}
_loaded = False


def register(
    name: str, *, defaults: Mapping[str, Any] | None = None, codes: Iterable[str] = ()
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check kind. ``defaults`` are its parameters when a rule sets none;
    ``codes`` lists the problem codes its outcomes may carry."""

    def decorate(function: CheckFunction) -> CheckFunction:
        _REGISTRY[name] = CheckKind(
            name=name,
            function=function,
            defaults=dict(defaults or {}),
            codes=tuple(codes),
            doc=(function.__doc__ or "").strip(),
        )
        return function

    return decorate


def _load_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def registry() -> Mapping[str, CheckKind]:
    """Every check kind, after importing every module of this package once.

    A flag, not the registry's size, says whether that happened: a test or a caller may import
    one check module directly, which registers that kind alone.
    """
    global _loaded
    if not _loaded:
        _load_all()
        _loaded = True
    return _REGISTRY


def get(name: str) -> CheckKind:
    kinds = registry()
    if name not in kinds:
        raise KeyError(name)
    return kinds[name]
