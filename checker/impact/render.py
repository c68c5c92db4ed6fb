"""An impact preview as terminal text or Markdown (for a pull request or the site).

Tables list only the rules, perangkat daerah and Pasal the change touches; the clause redline
follows.
"""

from __future__ import annotations

import datetime as dt

from checker.artifacts.markdown import escape, sides_table, table
from checker.diff import render_markdown as redline_markdown
from checker.diff import render_text as redline_text
from checker.impact.delta import Delta
from checker.impact.model import Impact
from checker.impact.summary import amount
from checker.report.labels import NO_OPD
from checker.wording import digits, tanggal

DELTA_HEADER = ("Sebelum", "Sesudah", "Muncul", "Hilang", "Berubah")
NOTHING = "Tidak ada yang berubah."
STATUS = {"inserted": "ditambah", "deleted": "dihapus", "changed": "diubah"}


def _cells(delta: Delta) -> list[str]:
    return [
        digits(delta.before),
        digits(delta.after),
        digits(delta.appeared),
        digits(delta.disappeared),
        digits(delta.changed),
    ]


def reference_day(found: Impact) -> dt.date:
    """The day parameter values are shown for: the end of the last checked year (or as_of)."""
    return min(dt.date(max(found.years), 12, 31), dt.date.fromisoformat(found.as_of))


def _data_line(found: Impact) -> str:
    years = ", ".join(str(y) for y in found.years)
    files = len({i.path for i in found.inputs})
    return (
        f"Data: {digits(found.employees)} pegawai dari {digits(files)} berkas; tanggal "
        f"acuan {tanggal(dt.date.fromisoformat(found.as_of))}; tahun diperiksa {years}."
    )


def render_markdown(found: Impact, *, redline: bool = True) -> str:
    """The preview as Markdown; ``redline`` adds the clause redline after the tables."""
    a, b = found.a, found.b
    lines = [
        f"# Dampak perubahan dari {escape(a.name)} ke {escape(b.name)}",
        "",
        *sides_table(
            [
                ("Versi", a.name, b.name),
                ("Versi peraturan", a.version, b.version),
                ("Status", a.status, b.status),
                ("Commit", a.commit_text(), b.commit_text()),
            ]
        ),
        "",
        _data_line(found),
        "",
        "## Ringkasan",
        "",
    ]
    lines += [f"- {escape(sentence)}" for sentence in found.sentences]
    lines += [
        "",
        *table(
            ("", *DELTA_HEADER),
            [
                ("Temuan", *_cells(found.total)),
                (
                    "Didispensasi",
                    digits(found.dispensed[0]),
                    digits(found.dispensed[1]),
                    "",
                    "",
                    "",
                ),
            ],
            numeric=range(1, 6),
        ),
    ]
    sections = (
        ("Per aturan", ("Aturan", "Judul"), [((r, t), d) for r, t, d in found.by_rule]),
        (
            "Per perangkat daerah",
            ("Perangkat daerah",),
            [((o or NO_OPD,), d) for o, d in found.by_opd],
        ),
        ("Per Pasal", ("Pasal",), [((c,), d) for _, c, d in found.by_pasal]),
    )
    for title, keys, rows in sections:
        touched = [(key, delta) for key, delta in rows if delta.moved]
        lines += ["", f"## {title}", ""]
        lines += (
            table(
                (*keys, *DELTA_HEADER),
                [(*key, *_cells(d)) for key, d in touched],
                numeric=range(len(keys), len(keys) + 5),
            )
            if touched
            else [NOTHING]
        )
    lines += ["", "## Parameter", ""]
    day = tanggal(reference_day(found))
    lines += (
        table(
            ("Parameter", "Perubahan", f"Nilai {day}: sebelum", "sesudah", "Aturan"),
            [
                (
                    f"{p.name}",
                    STATUS.get(p.status, p.status),
                    amount(p.before, p.unit),
                    amount(p.after, p.unit),
                    ", ".join(p.rules) or "—",
                )
                for p in found.parameters
            ],
        )
        if found.parameters
        else [NOTHING]
    )
    lines += ["", "## Aturan", ""]
    lines += table(("Aturan", "Perubahan"), found.rule_changes) if found.rule_changes else [NOTHING]
    if redline and found.comparison is not None:
        lines += ["", redline_markdown(found.comparison, level=2).rstrip("\n")]
    return "\n".join(lines) + "\n"


def render_text(found: Impact, *, color: bool = False, redline: bool = True) -> str:
    """The preview for a terminal: sentences, then the touched rules, perangkat daerah and
    Pasal."""
    lines = [f"Dampak perubahan dari {found.a.name} ke {found.b.name}", _data_line(found), ""]
    lines += [f"- {sentence}" for sentence in found.sentences]
    total = found.total
    lines += [
        "",
        f"Temuan: {digits(total.before)} → {digits(total.after)} (muncul "
        f"{digits(total.appeared)}, hilang {digits(total.disappeared)}, berubah "
        f"{digits(total.changed)}); didispensasi: {digits(found.dispensed[0])} → "
        f"{digits(found.dispensed[1])}.",
    ]
    groups = (
        ("Per aturan", [(r, d) for r, _, d in found.by_rule]),
        ("Per perangkat daerah", list(found.by_opd)),
        ("Per Pasal", [(c, d) for _, c, d in found.by_pasal]),
    )
    for title, rows in groups:
        touched = [(name or NO_OPD, d) for name, d in rows if d.moved]
        if not touched:
            continue
        width = max(len(name) for name, _ in touched)
        lines += ["", title]
        lines += [
            f"  {name.ljust(width)}  {digits(d.before):>7} → {digits(d.after):<7} "
            f"+{digits(d.appeared)} −{digits(d.disappeared)} ~{digits(d.changed)}"
            for name, d in touched
        ]
    if redline and found.comparison is not None:
        lines += ["", redline_text(found.comparison, color=color).rstrip("\n")]
    return "\n".join(lines) + "\n"
