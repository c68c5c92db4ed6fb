"""Dated parameters of ``policy/parameter.yml``: the value in force on a date.

Each parameter lists ``values`` with ``since``; a value holds from its ``since`` until the next
value's. Before the first ``since`` there is no value, and whatever depends on it is not judged
(policy/bab/data-pelaporan.md, pemeriksaan-data-tanggal: "berdasarkan ketentuan dan besaran
yang berlaku pada tanggal atau periode yang dinilai").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Dated:
    since: dt.date
    value: Any


class Parameters:
    """The parameters of one ``parameter.yml``."""

    def __init__(self, path: Path) -> None:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        self._values: dict[str, list[Dated]] = {}
        for name, spec in doc.items():
            values = [Dated(_date(v["since"]), v["value"]) for v in spec["values"]]
            self._values[name] = sorted(values, key=lambda d: d.since)

    def dated(self, name: str, on: dt.date) -> Dated | None:
        """The value of ``name`` in force on ``on`` with its ``since``, or None."""
        found = None
        for value in self._values[name]:
            if value.since <= on:
                found = value
        return found

    def value(self, name: str, on: dt.date) -> Any:
        """The value of ``name`` in force on ``on``, or None before its first ``since``."""
        dated = self.dated(name, on)
        return None if dated is None else dated.value

    def number(self, name: str, on: dt.date) -> float | None:
        value = self.value(name, on)
        return None if value is None else float(value)

    def whole(self, name: str, on: dt.date) -> int | None:
        value = self.value(name, on)
        return None if value is None else int(value)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
