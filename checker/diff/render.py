"""A comparison as terminal text (coloured or with ``[-…-]{+…+}`` marks) or as Markdown.

Only what changed is shown: each changed unit once, a changed Pasal whole so that the change
reads in context, then the parameters whose dated values differ.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.artifacts.markdown import code, escape, sides_table, table
from checker.diff.compare import (
    DELETED,
    INSERTED,
    PASAL_CHANGES,
    SAME,
    Comparison,
    ParameterChange,
    RevBlock,
    RevUnit,
    Side,
    pasal_change,
)
from checker.diff.words import Segment
from checker.wording import digits, tanggal

_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"
_UNIT_TITLES = {
    "kop": "Kop",
    "judul": "Judul",
    "pembentuk": "Pembukaan",
    "menimbang": "Menimbang",
    "mengingat": "Mengingat",
    "memutuskan": "Diktum Menetapkan",
    "perintah-pengundangan": "Perintah Pengundangan",
    "penetapan": "Penetapan",
    "pengundangan": "Pengundangan",
    "berita": "Berita Daerah",
}
_STATUS_WORDS = {INSERTED: "ditambah", DELETED: "dihapus"}
NO_CHANGES = "Tidak ada perubahan."
ADJUSTED = (
    "Disesuaikan otomatis (teks sumber tetap; nomor, rujukan, atau nilai parameter ikut berubah)"
)


def side_text(side: Side) -> str:
    """ "v2026.1 (ditetapkan, 1 Maret 2026)"."""
    parts = [side.status] + ([tanggal(side.date.date())] if side.date else [])
    return f"{side.name} ({', '.join(parts)})"


def summary(comparison: Comparison) -> str:
    """ "2 Pasal ditambah, 1 Pasal diubah, 1 parameter berubah." or :data:`NO_CHANGES`."""
    counts = comparison.counts()
    parts = [f"{digits(counts[kind])} Pasal {kind}" for kind in PASAL_CHANGES if counts[kind]]
    others = sum(1 for unit in comparison.clauses if not unit.key.startswith("pasal:"))
    if others:
        parts.append(f"{digits(others)} bagian lain berubah")
    if counts["parameter"]:
        parts.append(f"{digits(counts['parameter'])} parameter berubah")
    return ", ".join(parts) + "." if parts else NO_CHANGES


def _pasal_label(text: str | None) -> str:
    return (text or "").removesuffix(" dihapus.")


def unit_title(unit: RevUnit) -> str:
    """ "Pasal 3 → Pasal 4 (dinomori ulang)", "Menimbang (diubah)", "BAB II (ditambah)"."""
    if unit.pasal_id is not None:
        before, after = _pasal_label(unit.label_a), _pasal_label(unit.label_b)
        label = f"{before} → {after}" if before and after and before != after else after or before
        return f"{label} ({pasal_change(unit)})"
    kind = unit.key.split(":", 1)[0]
    label = _UNIT_TITLES.get(kind) or unit.label_b or unit.label_a or kind
    return f"{label} ({_STATUS_WORDS.get(unit.status, 'diubah')})"


def _split(comparison: Comparison) -> tuple[list[RevUnit], list[RevUnit]]:
    """Units to show in full, and Pasal only adjusted to other changes (listed briefly)."""
    adjusted = [
        u for u in comparison.clauses if u.pasal_id is not None and pasal_change(u) == "disesuaikan"
    ]
    return [u for u in comparison.clauses if u not in adjusted], adjusted


def _adjusted_list(units: list[RevUnit]) -> str:
    """ "Pasal 8–55 → Pasal 9–56, Pasal 60 (rujukan atau parameter)": runs collapse."""
    runs: list[list[tuple[str, str]]] = []
    for unit in units:
        before = _pasal_label(unit.label_a).removeprefix("Pasal ")
        after = _pasal_label(unit.label_b).removeprefix("Pasal ")
        last = runs[-1][-1] if runs else None
        if (
            last
            and before != after
            and all(x.isdigit() for x in (*last, before, after))
            and int(before) == int(last[0]) + 1
            and int(after) == int(last[1]) + 1
        ):
            runs[-1].append((before, after))
        else:
            runs.append([(before, after)])
    parts = []
    for run in runs:
        (first_a, first_b), (last_a, last_b) = run[0], run[-1]
        if len(run) > 1:
            parts.append(f"Pasal {first_a}–{last_a} → Pasal {first_b}–{last_b}")
        elif first_a != first_b:
            parts.append(f"Pasal {first_a} → Pasal {first_b}")
        else:
            parts.append(f"Pasal {first_b} (rujukan atau parameter)")
    return ", ".join(parts)


def _value(change: ParameterChange, values: tuple[tuple[object, object], ...]) -> str:
    def one(value: object) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown = digits(value)
            return f"{shown}%" if change.unit == "persen" else f"{shown} {change.unit}".strip()
        return str(value)

    return (
        "; ".join(
            f"{one(value)} sejak {tanggal(since)}"  # type: ignore[arg-type]
            for since, value in values
        )
        or "—"
    )


def _body(unit: RevUnit, paint: Callable[[Segment], str]) -> list[tuple[RevBlock, str]]:
    out = []
    for rev in unit.blocks:
        if rev.kind == "pasal" and unit.pasal_id is not None:
            continue  # the Pasal number is in the unit's title
        out.append((rev, "".join(paint(segment) for segment in rev.segments)))
    return out


# -- terminal --------------------------------------------------------------------------------


def render_text(comparison: Comparison, *, color: bool = False) -> str:
    """The comparison for a terminal: one line per changed paragraph, indented under its unit."""

    def paint(segment: Segment) -> str:
        op, text = segment
        text = text.replace("\t", " ")
        if op == "=":
            return text
        if color:
            return f"{_RED if op == '-' else _GREEN}{text}{_RESET}"
        return f"[-{text}-]" if op == "-" else f"{{+{text}+}}"

    bold = (lambda text: f"{_BOLD}{text}{_RESET}") if color else (lambda text: text)
    lines = [
        f"Perubahan dari {side_text(comparison.a)} ke {side_text(comparison.b)}",
        f"Ringkasan: {summary(comparison)}",
    ]
    shown, adjusted = _split(comparison)
    for unit in shown:
        ident = f" [{unit.pasal_id}]" if unit.pasal_id else ""
        lines += ["", bold(unit_title(unit)) + ident]
        lines += [
            "  " + "  " * rev.level + text for rev, text in _body(unit, paint) if rev.status != SAME
        ]
    if adjusted:
        lines += ["", bold(ADJUSTED), "  " + _adjusted_list(adjusted)]
    if comparison.parameters:
        lines += ["", bold("Parameter")]
        for change in comparison.parameters:
            lines.append(
                f"  {change.name} ({_STATUS_WORDS.get(change.status, 'diubah')}): "
                f"{_value(change, change.before)} → {_value(change, change.after)}"
            )
    return "\n".join(lines) + "\n"


# -- Markdown --------------------------------------------------------------------------------


def _md_segment(segment: Segment) -> str:
    op, text = segment
    shown = escape(text)
    if op == "=" or not text.strip():
        return shown
    return f"<del>{shown}</del>" if op == "-" else f"<ins>{shown}</ins>"


def anchor(pasal_id: str) -> str:
    """The id of a Pasal's heading on a site redline page (``anchors=True``)."""
    return f"perubahan-{pasal_id}"


def render_markdown(comparison: Comparison, *, level: int = 1, anchors: bool = False) -> str:
    """The comparison as a Markdown page; ``level`` is the level of its title heading.
    ``anchors`` (the site, whose Markdown has attribute lists) gives each changed Pasal's
    heading the stable id :func:`anchor`, so other pages can link to it; a pull-request comment
    leaves it out."""
    a, b = comparison.a, comparison.b
    h = "#" * level
    lines = [
        f"{h} Perubahan dari {escape(a.name)} ke {escape(b.name)}",
        "",
        *sides_table(
            [
                ("Versi", a.name, b.name),
                ("Versi peraturan", a.version, b.version),
                ("Status", a.status, b.status),
                ("Tanggal", _day(a), _day(b)),
                ("Commit", a.commit_text(), b.commit_text()),
            ]
        ),
        "",
        f"**Ringkasan:** {summary(comparison)}",
        "",
    ]
    shown, adjusted = _split(comparison)
    if shown:
        lines += [f"{h}# Teks", ""]
    for unit in shown:
        ident = f" · `{unit.pasal_id}`" if unit.pasal_id else ""
        tag = f" {{#{anchor(unit.pasal_id)}}}" if anchors and unit.pasal_id else ""
        lines += [f"{h}## {escape(unit_title(unit))}{ident}{tag}", ""]
        for rev, text in _body(unit, _md_segment):
            indent = "&emsp;" * (rev.level + (rev.kind in ("rincian", "definisi")))
            lines += [f"{indent}{text}" if text.strip() else "&nbsp;", ""]
    if adjusted:
        lines += [f"{h}# {ADJUSTED}", "", _adjusted_list(adjusted), ""]
    if comparison.parameters:
        lines += [f"{h}# Parameter", ""]
        lines += table(
            ("Parameter", "Perubahan", "Sebelum", "Sesudah"),
            [
                (
                    code(c.name),
                    _STATUS_WORDS.get(c.status, "diubah"),
                    _value(c, c.before),
                    _value(c, c.after),
                )
                for c in comparison.parameters
            ],
        )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _day(side: Side) -> str:
    return tanggal(side.date.date()) if side.date else "—"
