"""Package attributes imported on first use (PEP 562), written once for every package that
re-exports names from heavy modules: ``import checker`` then loads no database, spreadsheet or
Word library until a name that needs one is read."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: each name of ``exports`` (name →
    module defining it) is imported on first access and kept in ``namespace`` (the package's
    globals), so the next access is a plain attribute. Other names raise AttributeError, which
    lets ``from package import submodule`` find a submodule."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__
