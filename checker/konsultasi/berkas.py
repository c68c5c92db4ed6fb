"""``policy/konsultasi/<versi>.yml``: the published comments on one version of the draft and
what the drafters answered, kept in Git beside the text they are about.

The file is written by ``kebijakan konsultasi ekspor`` from the service's published comments
and completed by hand: for each comment a ``tanggapan`` (the answer), a ``keputusan`` (one of
:data:`checker.konsultasi.model.KEPUTUSAN`) and, where the comment changed the text, the ids
of the clauses it changed (``pasal_diubah``). Exporting again adds new comments and keeps every
answer already written::

    versi: 2026.1-rancangan
    masukan:
      - id: 7k2m9q4xbd
        pasal: hak-jp
        tanggal: "2026-12-03"
        asal: ASN
        nama: Budi Saputra          # only when its author agreed to be named
        isi: |-
          JP untuk guru sebaiknya dihitung per tahun ajaran.
        tanggapan: Diterima; tahun ajaran dipakai untuk guru.
        keputusan: diterima
        pasal_diubah: [hak-jp]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.errors import Problem
from checker.policy.schemas import schema
from checker.yamlsrc import Located, load_yaml_file, validate

FOLDER = "konsultasi"
# what drafters fill; an export keeps it
DRAFTER_FIELDS = ("tanggapan", "keputusan", "pasal_diubah")
HEADER = """\
# Masukan konsultasi publik atas rancangan versi {versi}, dengan tanggapan perancang.
# Ditulis oleh `kebijakan konsultasi ekspor` dari masukan yang diterbitkan; ekspor berikutnya
# menambah masukan baru dan menyimpan isian perancang. Isi untuk setiap masukan:
#   tanggapan: jawaban atas masukan (wajib sebelum peraturan ditetapkan)
#   keputusan: diterima, diterima sebagian, ditolak, atau di luar materi
#   pasal_diubah: id klausul yang diubah karena masukan ini, misalnya [hak-jp]
# Alamat surel pemberi masukan tidak pernah ditulis ke sini; nama hanya bila pemiliknya setuju.
"""


@dataclass(frozen=True)
class Masukan:
    """One published comment and its answer."""

    id: str
    pasal: str
    tanggal: str
    isi: str
    asal: str | None = None
    nama: str | None = None
    tanggapan: str | None = None
    keputusan: str | None = None
    pasal_diubah: tuple[str, ...] = ()


@dataclass
class Berkas:
    """One file of ``policy/konsultasi/``: the version it is about and its comments, with the
    parsed document (for positions) when it was read from disk."""

    path: str
    versi: str
    masukan: list[Masukan] = field(default_factory=list)
    doc: Located | None = None

    def where(self, index: int, key: str | None = None) -> tuple[int, int]:
        """(line, column) of comment ``index`` (or of its ``key``) in the file."""
        if self.doc is None:
            return (1, 1)
        at: list[str | int] = ["masukan", index]
        if key is not None:
            at += [key, "__value__"]
        return self.doc.where(at)


def _schema() -> dict[str, Any]:
    return schema("konsultasi")


def read_folder(root: str | Path) -> tuple[list[Berkas], list[Problem]]:
    """Every ``*.yml`` of ``<root>/konsultasi/`` (``root`` is the policy folder), by name, with
    the problems of reading them (YAML, schema); an absent folder holds none."""
    from checker.policy.load import display_path

    folder = Path(root) / FOLDER
    out: list[Berkas] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return out, problems
    for path in sorted(folder.glob("*.yml")):
        doc, found = load_yaml_file(path, display_path(path))
        problems.extend(found)
        if doc is None:
            continue
        invalid = validate(doc, _schema(), "konsultasi-schema")
        problems.extend(invalid)
        if invalid or not isinstance(doc.data, dict):
            continue
        out.append(_berkas(doc))
    return out, problems


def _berkas(doc: Located) -> Berkas:
    data = doc.data
    items = []
    for entry in data.get("masukan") or []:
        items.append(
            Masukan(
                id=str(entry["id"]),
                pasal=str(entry["pasal"]),
                tanggal=str(entry["tanggal"]),
                isi=str(entry["isi"]),
                asal=entry.get("asal"),
                nama=entry.get("nama"),
                tanggapan=(str(entry["tanggapan"]).strip() or None)
                if entry.get("tanggapan") is not None
                else None,
                keputusan=entry.get("keputusan"),
                pasal_diubah=tuple(str(i) for i in entry.get("pasal_diubah") or ()),
            )
        )
    return Berkas(doc.path, str(data["versi"]), items, doc)


def merge(
    existing: Berkas | None, published: list[Masukan], versi: str
) -> tuple[Berkas, list[str]]:
    """The file after an export: the published comments (by date, then id) with the answers
    ``existing`` already holds for them, and the ids of answered comments that are no longer
    published (the caller says so: an answer is never dropped without a word)."""
    kept = {m.id: m for m in existing.masukan} if existing else {}
    out = []
    for item in sorted(published, key=lambda m: (m.tanggal, m.id)):
        old = kept.get(item.id)
        if old is not None:
            item = Masukan(
                **{
                    **item.__dict__,
                    "tanggapan": old.tanggapan,
                    "keputusan": old.keputusan,
                    "pasal_diubah": old.pasal_diubah,
                }
            )
        out.append(item)
    ids = {m.id for m in out}
    dropped = sorted(i for i, m in kept.items() if i not in ids and (m.tanggapan or m.keputusan))
    return Berkas(existing.path if existing else "", versi, out), dropped


class _Literal(str):
    """A text written as a YAML block scalar (``|-``), as people write long answers."""


def _literal(dumper: yaml.SafeDumper, value: _Literal) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")


class _Dumper(yaml.SafeDumper):
    """Block scalars for texts with line breaks; lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.add_representer(_Literal, _literal)


def _text(value: str | None) -> str | _Literal | None:
    if value is None:
        return None
    return _Literal(value) if "\n" in value or len(value) > 80 else value


def dump(berkas: Berkas) -> str:
    """The file's text: the header that tells drafters what to fill, then the comments."""
    entries = []
    for m in berkas.masukan:
        entry: dict[str, Any] = {"id": m.id, "pasal": m.pasal, "tanggal": m.tanggal}
        if m.asal:
            entry["asal"] = m.asal
        if m.nama:
            entry["nama"] = m.nama
        entry["isi"] = _text(m.isi)
        entry["tanggapan"] = _text(m.tanggapan)
        entry["keputusan"] = m.keputusan
        entry["pasal_diubah"] = list(m.pasal_diubah)
        entries.append(entry)
    body = yaml.dump(
        {"versi": berkas.versi, "masukan": entries},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=None,
    )
    return HEADER.format(versi=berkas.versi) + body


def file_name(versi: str) -> str:
    """The file of a version: its version string with anything but letters, digits, ``.``
    and ``-`` replaced (``2026.1-rancangan.yml``)."""
    safe = "".join(c if c.isalnum() or c in ".-" else "-" for c in versi).strip(".-")
    return f"{safe or 'versi'}.yml"
