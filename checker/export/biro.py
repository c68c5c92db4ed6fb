"""The Biro Hukum's working documents, as rows built from what Git already holds: the
Daftar Inventarisasi Masalah (DIM: every published comment, its answer and decision, the
wording it was given on and the wording now) and the matriks perubahan (old wording | new
wording with the changed words marked | what led to the change).

Both are tables of one :class:`Document`; :mod:`checker.export.tabel` lays a document out as
Word (F4 landscape, Bookman Old Style), Excel or Markdown. Words are :data:`Segment` runs
(``=`` same, ``-`` removed, ``+`` added) so every layout marks changes its own way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.diff.compare import Comparison, RevUnit, pasal_change
from checker.diff.words import Segment
from checker.konsultasi.berkas import Berkas, Masukan
from checker.konsultasi.model import DraftPasal, draft_pasal
from checker.policy.model import Peraturan
from checker.policy.numbering import number

Cell = tuple[Segment, ...]  # a cell's words; plain text is one ("=", text) run


def plain(text: str | None) -> Cell:
    """A cell of unmarked text (empty for None)."""
    return (("=", text),) if text else ()


def cell_text(cell: Cell) -> str:
    """The words of a cell, marks dropped (what a reader of a plain copy sees)."""
    return "".join(text for _, text in cell)


@dataclass(frozen=True)
class Column:
    """A column: its heading and its share of the page width (relative)."""

    title: str
    width: float


@dataclass
class Document:
    """A titled table: the title block a harmonisation request carries, the columns, the rows
    and notes under the table."""

    kind: str  # "DAFTAR INVENTARISASI MASALAH" | "MATRIKS PERUBAHAN"
    regulation: str  # "RANCANGAN PERATURAN GUBERNUR BENGKULU"
    title: str  # "TENTANG ..." follows
    name: str  # the whole name as a sentence writes it, for Markdown headings
    subtitle: list[str]
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _name(peraturan: Peraturan) -> str:
    """ "Rancangan Peraturan Gubernur Bengkulu tentang Pengelolaan ..." """
    kind = f"{peraturan.kind} {peraturan.region.removeprefix('Provinsi ')}"
    lead = "Rancangan " if peraturan.status == "rancangan" else ""
    return f"{lead}{kind} tentang {peraturan.title}"


def _regulation(peraturan: Peraturan) -> str:
    kind = f"{peraturan.kind} {peraturan.region.removeprefix('Provinsi ')}".upper()
    if peraturan.status == "rancangan":
        return f"RANCANGAN {kind}"
    if peraturan.number and peraturan.year:
        return f"{kind} NOMOR {peraturan.number} TAHUN {peraturan.year}"
    return kind


# --- DIM --------------------------------------------------------------------------------------

DIM_COLUMNS = [
    Column("No.", 0.7),
    Column("Pasal", 1.3),
    Column("Rumusan yang dikonsultasikan", 3.4),
    Column("Masukan", 3.0),
    Column("Asal", 1.3),
    Column("Tanggapan", 2.8),
    Column("Keputusan", 1.6),
    Column("Rumusan sekarang", 3.4),
]


def _pasal_of(peraturan: Peraturan, clause: str) -> str | None:
    address = number(peraturan).addresses.get(clause)
    return address.pasal if address is not None else None


def _where(peraturan: Peraturan, clause: str) -> str | None:
    return number(peraturan).citation(clause)


def dim(
    berkas: Berkas,
    consulted: Peraturan,
    current: Peraturan,
    *,
    consulted_name: str,
    current_name: str,
) -> Document:
    """The DIM of one consultation file: a row per comment in the file's order (by date),
    numbered from 1; the Pasal as numbered at the consulted version and now, the wording it
    was given on, and the wording now where it changed."""
    then = {p.id: p for p in draft_pasal(consulted)}
    now = {p.id: p for p in draft_pasal(current)}
    rows: list[list[Cell]] = []
    for index, item in enumerate(berkas.masukan, start=1):
        before = then.get(_pasal_of(consulted, item.pasal) or "")
        after = now.get(_pasal_of(current, item.pasal) or "")
        label_then = _where(consulted, item.pasal)
        label_now = _where(current, item.pasal)
        if label_then and label_now and label_then != label_now:
            where = f"{label_then} (sekarang {label_now})"
        elif label_then and not label_now:
            where = f"{label_then} (tidak ada lagi)"
        elif label_then or label_now:
            where = label_then or f"{label_now} (baru)"
        else:
            where = f"{item.pasal} (tidak ada lagi)"
        changed = after is not None and (before is None or after.text != before.text)
        rows.append(
            [
                plain(str(index)),
                plain(where),
                plain(_text(before)),
                plain(item.isi),
                plain(item.asal or "tidak disebutkan"),
                plain(item.tanggapan or "Belum ditanggapi."),
                plain(item.keputusan or "-"),
                plain(_text(after) if changed else ("tetap" if after else "dihapus")),
            ]
        )
    return Document(
        "DAFTAR INVENTARISASI MASALAH",
        _regulation(current),
        current.title.upper(),
        _name(current),
        [
            f"Konsultasi publik atas versi {berkas.versi} ({consulted_name}); rumusan sekarang: "
            f"{current_name}.",
            f"{len(rows)} masukan yang diterbitkan; "
            f"{sum(1 for m in berkas.masukan if m.tanggapan)} sudah ditanggapi.",
        ],
        DIM_COLUMNS,
        rows,
        [
            "Masukan dimuat sebagaimana diterbitkan; alamat surel pemberi masukan tidak pernah "
            "dimuat dan nama hanya bila pemiliknya setuju.",
        ],
    )


def _text(pasal: DraftPasal | None) -> str:
    return pasal.text if pasal is not None else ""


# --- matriks perubahan ------------------------------------------------------------------------

MATRIKS_COLUMNS = [
    Column("No.", 0.7),
    Column("Pasal", 1.4),
    Column("Rumusan lama", 5.0),
    Column("Rumusan baru", 5.0),
    Column("Keterangan", 3.6),
]
SHOWN = ("ditambah", "dihapus", "ditandai dihapus", "dipindah", "diubah")


def _label(text: str | None) -> str:
    return (text or "").removesuffix(" dihapus.")


def _sides(unit: RevUnit) -> tuple[Cell, Cell]:
    """The Pasal's paragraphs before and after, each as marked runs (headings left out: the
    Pasal column names them)."""
    old: list[Segment] = []
    new: list[Segment] = []
    for block in unit.blocks:
        if block.kind == "pasal":  # the heading: the Pasal column names it
            continue
        runs = [(op, text.replace("\t", " ")) for op, text in block.segments]
        olds = [(op, t) for op, t in runs if op != "+"]
        news = [(op, t) for op, t in runs if op != "-"]
        if olds and "".join(t for _, t in olds).strip():
            old += [*olds, ("=", "\n")]
        if news and "".join(t for _, t in news).strip():
            new += [*news, ("=", "\n")]
    return tuple(_trim(old)), tuple(_trim(new))


def _trim(runs: list[Segment]) -> list[Segment]:
    while runs and runs[-1] == ("=", "\n"):
        runs.pop()
    return runs


ACCEPTED = ("diterima", "diterima sebagian")


def reasons(unit_pasal: str, owners: dict[str, str], files: Iterable[Berkas]) -> list[str]:
    """The comments that led to a Pasal's change: those naming it (or one of its clauses)
    among the clauses they changed, and those accepted on it that name no clause at all."""
    out = []
    for berkas in files:
        for item in berkas.masukan:
            named = any(c == unit_pasal or owners.get(c) == unit_pasal for c in item.pasal_diubah)
            on_it = item.pasal == unit_pasal or owners.get(item.pasal) == unit_pasal
            unnamed = not item.pasal_diubah and item.keputusan in ACCEPTED and on_it
            if named or unnamed:
                out.append(_reason(item, berkas.versi))
    return out


def _reason(item: Masukan, versi: str) -> str:
    origin = f"{item.asal}, " if item.asal else ""
    answer = f" Tanggapan: {item.tanggapan}" if item.tanggapan else ""
    decision = item.keputusan or "belum diputuskan"
    return f"Masukan {item.id} ({origin}versi {versi}): {decision}.{answer}"


def matriks(
    comparison: Comparison, old: Peraturan, new: Peraturan, files: Iterable[Berkas]
) -> Document:
    """One row per Pasal added, removed, repealed, moved or changed (in the newer version's
    order, a removed Pasal where it stood), numbered at both versions; Pasal only renumbered
    or following a changed reference or value are counted under the table."""
    files = list(files)
    owners = {**_owners(old), **_owners(new)}
    rows: list[list[Cell]] = []
    adjusted = 0
    for unit in comparison.clauses:
        if unit.pasal_id is None:
            continue
        change = pasal_change(unit)
        if change not in SHOWN:
            adjusted += 1
            continue
        before, after = _label(unit.label_a), _label(unit.label_b)
        if before and after and before != after:
            where = f"{before} menjadi {after}"
        else:
            where = after or before
        lama, baru = _sides(unit)
        notes = reasons(unit.pasal_id, owners, files)
        rows.append(
            [
                plain(str(len(rows) + 1)),
                plain(f"{where} ({change})"),
                lama or plain("(tidak ada)"),
                baru or plain("(dihapus)"),
                plain("\n".join(notes) or "-"),
            ]
        )
    a, b = comparison.a, comparison.b
    notes = []
    if adjusted:
        notes.append(
            f"{adjusted} Pasal lain hanya dinomori ulang atau menyesuaikan rujukan atau nilai "
            "parameter; rumusannya tidak berubah."
        )
    if comparison.parameters:
        notes.append(
            f"{len(comparison.parameters)} parameter berubah: "
            + ", ".join(c.name for c in comparison.parameters)
            + "."
        )
    notes.append("Kata yang dihapus dicoret; kata yang ditambahkan dicetak tebal bergaris bawah.")
    return Document(
        "MATRIKS PERUBAHAN",
        _regulation(new),
        new.title.upper(),
        _name(new),
        [f"Dari {a.name} (versi {a.version}) ke {b.name} (versi {b.version})."],
        MATRIKS_COLUMNS,
        rows,
        notes,
    )


def _owners(peraturan: Peraturan) -> dict[str, str]:
    """Clause id → the id of the Pasal it stands in."""
    return {cid: a.pasal for cid, a in number(peraturan).addresses.items()}


# --- from the repository ----------------------------------------------------------------------


def consulted_ref(policy_root: str | Path | None, versi: str) -> str | None:
    """The tag whose ``peraturan.yml`` carries version ``versi`` (the newest, if several), or
    None when none does (the consulted text is then the working tree's)."""
    from checker.gitrepo import VersionError
    from checker.versions import list_versions

    try:
        found = [v.tag for v in list_versions(policy_root) if v.version == versi]
    except VersionError:
        return None
    return found[-1] if found else None


def dim_document(policy_root: str | Path | None = None, versi: str | None = None) -> Document:
    """The DIM of the consultation on ``versi`` (a Git ref, or the version string a file of
    ``policy/konsultasi/`` is about; default: the newest file), against the working tree."""
    from checker.errors import UsageError
    from checker.konsultasi.berkas import read_folder
    from checker.versions import load_version, policy_dir

    root = policy_dir(policy_root)
    current, side_now = load_version(root, None)
    files, problems = read_folder(root)
    if problems:
        raise UsageError(f"berkas konsultasi rusak: {problems[0].format()}")
    if not files:
        raise UsageError(
            f"belum ada masukan di {root}/konsultasi/; jalankan dulu kebijakan konsultasi ekspor"
        )
    ref = versi
    chosen = next((b for b in files if b.versi == versi), None) if versi else files[-1]
    if chosen is None:  # a Git ref: the file of the version it holds
        consulted, side = load_version(root, versi)
        chosen = next((b for b in files if b.versi == consulted.version), None)
        if chosen is None:
            raise UsageError(
                f"tidak ada berkas konsultasi untuk versi {consulted.version} ({versi}); "
                f"yang ada: {', '.join(b.versi for b in files)}"
            )
    else:
        ref = consulted_ref(root, chosen.versi)
        consulted, side = load_version(root, ref) if ref else (current, side_now)
    return dim(
        chosen,
        consulted,
        current,
        consulted_name=side.name if ref else f"{side.name}; versi itu belum diberi tag",
        current_name=side_now.name,
    )


def matriks_document(
    policy_root: str | Path | None = None,
    ref_a: str | None = None,
    ref_b: str | None = None,
    *,
    as_of: dt.date,
) -> Document:
    """The matriks perubahan from ``ref_a`` to ``ref_b`` (default: the working tree), with the
    consultation files of the newer side."""
    from checker.diff.compare import compare
    from checker.konsultasi.berkas import read_folder
    from checker.versions import load_version, policy_dir

    root = policy_dir(policy_root)
    old, side_a = load_version(root, ref_a)
    new, side_b = load_version(root, ref_b)
    comparison = compare(old, new, as_of, side_a, side_b)
    files = read_folder(root)[0] if ref_b is None else _files_at(root, ref_b)
    return matriks(comparison, old, new, files)


def _files_at(root: Path, ref: str) -> list[Berkas]:
    """The consultation files of the version at ``ref``."""
    from checker.kebijakan import opened
    from checker.konsultasi.berkas import read_folder

    with opened(root, None, ref) as source:
        files, _ = read_folder(source.policy)
    return files
