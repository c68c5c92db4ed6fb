"""Golden files: ``UPDATE_GOLDEN=1 pytest …`` rewrites them; under CI that is refused, so a run
in CI always compares against what was reviewed and committed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def updating() -> bool:
    """Whether golden files are to be rewritten (``UPDATE_GOLDEN`` set, outside CI)."""
    if not os.environ.get("UPDATE_GOLDEN"):
        return False
    if os.environ.get("CI"):
        pytest.fail(
            "UPDATE_GOLDEN is refused under CI: golden files are rewritten on a "
            "developer's machine and reviewed in the commit"
        )
    return True


def check_golden(path: Path, text: str) -> None:
    """Compare ``text`` with the golden file ``path`` (byte for byte, UTF-8), or rewrite it."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")
