"""Sentences that say what a change does, for drafters and officials:

Menaikkan kompetensi.jp_minimum_pns dari 20 menjadi 24 JP menambah 1.312 temuan
KOMP-JP-MIN; Dinas Pendidikan dan Kebudayaan paling terdampak.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from checker.impact.delta import NO_OPD, Change, Delta
from checker.impact.model import Impact, ParameterRow
from checker.wording import digits


def amount(value: Any, unit: str) -> str:
    """ "24 JP", "80%", "ya"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = digits(value)
        return f"{shown}%" if unit == "persen" else f"{shown} {unit}".rstrip()
    return "—" if value is None else str(value)


def _number(value: Any) -> float | int | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def parameter_phrase(row: ParameterRow) -> str:
    """ "menaikkan kompetensi.jp_minimum_pns dari 20 menjadi 24 JP"."""
    if row.status == "inserted":
        return f"menambah parameter {row.name}"
    if row.status == "deleted":
        return f"menghapus parameter {row.name}"
    before, after = _number(row.before), _number(row.after)
    if before is not None and after is not None and before != after:
        verb = "menaikkan" if after > before else "menurunkan"
        return f"{verb} {row.name} dari {digits(before)} menjadi {amount(after, row.unit)}"
    if row.before != row.after:
        return (
            f"mengubah {row.name} dari {amount(row.before, row.unit)} menjadi "
            f"{amount(row.after, row.unit)}"
        )
    return f"mengubah nilai bertanggal {row.name}"


def effect_phrase(rule: str, delta: Delta) -> str:
    """ "menambah 3 dan mengurangi 1 temuan KOMP-JP-MIN serta mengubah nilai 2 temuan lain";
    without ``rule`` the findings are not named ("menambah 3 temuan")."""
    noun = f"temuan {rule}".rstrip()
    parts = []
    if delta.appeared and delta.disappeared:
        parts.append(
            f"menambah {digits(delta.appeared)} dan mengurangi {digits(delta.disappeared)} {noun}"
        )
    elif delta.appeared:
        parts.append(f"menambah {digits(delta.appeared)} {noun}")
    elif delta.disappeared:
        parts.append(f"mengurangi {digits(delta.disappeared)} {noun}")
    if delta.changed:
        parts.append(
            f"mengubah nilai {digits(delta.changed)} " + ("temuan lain" if parts else noun)
        )
    return " serta ".join(parts)


def _cause(rule: str, parameters: list[ParameterRow], status: str | None) -> str:
    phrases = [parameter_phrase(p) for p in parameters if rule in p.rules]
    if phrases:
        return " dan ".join(phrases)
    if status == "ditambah":
        return f"menambah aturan {rule}"
    if status == "dihapus":
        return f"menghapus aturan {rule}"
    if status == "diubah":
        return f"mengubah aturan {rule}"
    return "perubahan ini"


def _most_affected(rule: str, found: list[Change]) -> tuple[str, int] | None:
    """The perangkat daerah with the most findings of ``rule`` that appeared, disappeared or
    changed."""
    counts = Counter(c.finding.opd or NO_OPD for c in found if c.finding.rule == rule)
    named = [(n, name) for name, n in counts.items() if name != NO_OPD]
    if not named:
        return None
    count, name = sorted(named, key=lambda item: (-item[0], item[1]))[0]
    return name, count


def sentences(impact: Impact, found: list[Change]) -> list[str]:
    """The overall sentence, one per rule touched by the change (most touched first), and a
    note for parameter changes that do not reach the checked years."""
    total = impact.total
    years = ", ".join(str(y) for y in impact.years)
    where = (
        f"Pada data yang diperiksa ({digits(impact.employees)} pegawai, tahun {years}), "
        f"perubahan dari {impact.a.name} ke {impact.b.name}"
    )
    if not total.moved:
        out = [f"{where} tidak mengubah temuan."]
    else:
        out = [
            f"{where} {effect_phrase('', total)}; "
            f"jumlah temuan dari {digits(total.before)} menjadi {digits(total.after)}."
        ]
    statuses = dict(impact.rule_changes)
    for rule, _, delta in impact.by_rule:
        if not delta.moved:
            continue
        text = f"{_cause(rule, impact.parameters, statuses.get(rule))} {effect_phrase(rule, delta)}"
        worst = _most_affected(rule, found)
        if worst:
            text += f"; {worst[0]} paling terdampak ({digits(worst[1])} temuan)."
        else:
            text += "."
        out.append(text[0].upper() + text[1:])
    quiet = [p.name for p in impact.parameters if p.status == "changed" and p.before == p.after]
    if quiet:
        out.append(
            f"Perubahan nilai {', '.join(quiet)} belum berlaku pada tahun yang diperiksa "
            f"({years}), sehingga tidak tampak pada data ini."
        )
    return out
