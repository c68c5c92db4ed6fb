"""How the pages say things: Indonesian dates and sizes, status words, pages of findings, and the
Jinja2 environment (autoescaping every value, failing loudly on a missing one)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from checker.report.finding import CATEGORIES, SEVERITIES, Finding
from checker.report.labels import CATEGORY_MEANINGS, category_label, severity_label
from checker.wording import digits, shown_value, tanggal

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
STATUS_LABELS = {
    "queued": "Menunggu giliran",
    "running": "Sedang diperiksa",
    "done": "Selesai",
    "failed": "Gagal",
}


def time_text(stamp: str | None) -> str:
    """ "2026-06-30T01:05:00Z" → "30 Juni 2026 08.05 WIB" (Bengkulu keeps Western Indonesian
    Time); "-" when there is no time."""
    if not stamp:
        return "-"
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(WIB)
    return f"{tanggal(moment.date())} {moment:%H.%M} WIB"


def date_text(iso: str | None) -> str:
    """ "2026-06-30" → "30 Juni 2026"."""
    if not iso:
        return "-"
    try:
        return tanggal(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def cell_text(value: object) -> str:
    """A table cell: numbers the Indonesian way (1.234 and 80,0), "-" for nothing."""
    if value is None:
        return "-"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return digits(value)


def size_text(size: int) -> str:
    """Bytes the Indonesian way: "980 B", "12,3 KB", "1,5 MB"."""
    if size < 1024:
        return f"{size} B"
    for unit, scale in (("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30)):
        if size < scale * 1024 or unit == "GB":
            return f"{size / scale:.1f} {unit}".replace(".", ",")
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class PageOf:
    """One page of findings and where it sits among the others."""

    items: list[Finding]
    number: int
    count: int
    total: int
    size: int

    @property
    def previous(self) -> int | None:
        """The page before, if any."""
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        """The page after, if any."""
        return self.number + 1 if self.number < self.count else None

    @property
    def first(self) -> int:
        """The 1-based position of the first finding on this page."""
        return (self.number - 1) * self.size + 1


def page_number(total: int, number: int, size: int) -> tuple[int, int]:
    """(page, pages): page ``number`` (1-based) clamped to the pages ``total`` items fill."""
    count = max(1, math.ceil(total / size))
    return min(max(1, number), count), count


def environment() -> jinja2.Environment:
    """Templates with every value HTML-escaped. The words for severities and categories come
    from :mod:`checker.report.labels` (filters ``tingkat`` and ``jenis``; the globals
    ``severities``, ``categories`` and ``category_meanings`` for the summary and its legend),
    never from a template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        sel=cell_text,
        waktu=time_text,
        tanggal=date_text,
        ukuran=size_text,
        angka=digits,
        tingkat=severity_label,
        jenis=category_label,
        status=lambda s: STATUS_LABELS.get(s, s),
        nilai=shown_value,
    )
    env.globals.update(
        severities=SEVERITIES, categories=CATEGORIES, category_meanings=CATEGORY_MEANINGS
    )
    return env


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render a template by name."""
    return env.get_template(name).render(**context)
