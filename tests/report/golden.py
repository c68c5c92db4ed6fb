"""Golden files for rendered reports (see :mod:`tests.golden`)."""

from __future__ import annotations

from pathlib import Path

from tests import golden

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with the golden file ``name`` (or rewrite it when asked)."""
    golden.check_golden(GOLDEN / name, text)
