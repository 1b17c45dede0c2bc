"""A package's names loaded when first asked for (PEP 562), so that importing one light
module of the package (store.errors, domain.options) does not load all the others: the
window is painted before the library and the domain are read."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def names_from(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """The package's `__getattr__`: `where` maps each name to its module in the package."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return __getattr__
