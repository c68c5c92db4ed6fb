"""Load ``policy/`` into a :class:`Peraturan`, collecting every problem before failing once."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.markdown import parse_bab
from checker.policy.model import (
    DatedValue,
    Kamus,
    Konsultasi,
    Note,
    Opd,
    OpdList,
    Parameter,
    Penandatangan,
    Peraturan,
    Reference,
    Span,
    Text,
    opd_key,
)
from checker.policy.penomoran import PENOMORAN_FILE, load_penomoran
from checker.policy.schemas import schema
from checker.yamlsrc import Located, load_yaml_file, validate

METADATA_FILE = "peraturan.yml"
PARAMETER_FILE = "parameter.yml"
KAMUS_FILE = "kamus.yml"
OPD_FILE = "opd.yml"
CHAPTER_DIR = "bab"
_NOTE = re.compile(r"^\s*#\s*Catatan perancang(?:\s*\((?P<date>[^)]*)\))?\s*:\s*(?P<text>.*)$")


def display_path(path: Path) -> str:
    """A path as users see it in messages: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _date(doc: Located, at: list[str | int], value: Any, problems: list[Problem]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(
            doc.problem(
                at,
                "date",
                f"tanggal {value!r} tidak valid; "
                "tulis dalam bentuk TTTT-BB-HH, misalnya 2027-01-01",
            )
        )
        return None


def _konsultasi(doc: Located, problems: list[Problem]) -> Konsultasi | None:
    """The consultation window, when ``konsultasi`` sets one whose dates read."""
    data = doc.data.get("konsultasi") if isinstance(doc.data, dict) else None
    if not isinstance(data, dict):
        return None
    buka = _date(doc, ["konsultasi", "buka", "__value__"], data.get("buka"), problems)
    tutup = _date(doc, ["konsultasi", "tutup", "__value__"], data.get("tutup"), problems)
    if buka is None or tutup is None:
        return None
    if tutup < buka:
        problems.append(
            doc.problem(
                ["konsultasi", "tutup", "__value__"],
                "date",
                f"masa konsultasi ditutup ({tutup.isoformat()}) sebelum dibuka "
                f"({buka.isoformat()}); tanggal tutup harus sama dengan atau sesudah tanggal buka",
            )
        )
        return None
    return Konsultasi(buka, tutup)


def _texts(doc: Located, key: str) -> list[Text]:
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    out = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        line, col = doc.where([key, index])
        out.append(Text(str(item), Span(doc.path, line, col)))
    return out


def _signer(doc: Located, key: str, problems: list[Problem]) -> Penandatangan:
    data = doc.data.get(key) if isinstance(doc.data, dict) else None
    data = data if isinstance(data, dict) else {}
    return Penandatangan(
        place=str(data.get("place", "")),
        office=str(data.get("office", "")),
        date=_date(doc, [key, "date", "__value__"], data.get("date"), problems),
        name=data.get("name") or None,
    )


def load_parameters(path: Path, problems: list[Problem]) -> dict[str, Parameter] | None:
    """Read dated parameters; values must be in strictly increasing date order.

    Returns None when the file cannot be read at all, so that lint does not add one
    "unknown parameter" error per use on top of the real problem.
    """
    display = display_path(path)
    doc, found = load_yaml_file(path, display)
    problems.extend(found)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            doc.problem(
                [],
                "schema",
                "berkas parameter harus berupa pemetaan "
                "nama-parameter: {description, unit, values}",
            )
        )
        return None
    problems.extend(validate(doc, schema("parameter"), "schema"))
    parameters: dict[str, Parameter] = {}
    for name, body in doc.data.items():
        if not isinstance(body, dict) or not isinstance(body.get("values"), list):
            continue
        values: list[DatedValue] = []
        previous: dt.date | None = None
        for index, item in enumerate(body["values"]):
            if not isinstance(item, dict):
                continue
            since = _date(
                doc, [name, "values", index, "since", "__value__"], item.get("since"), problems
            )
            ref = item.get("reference")
            ref = ref if isinstance(ref, dict) else {}
            if since is None:
                continue
            if previous is not None and since <= previous:
                problems.append(
                    doc.problem(
                        [name, "values", index, "since", "__value__"],
                        "parameter-order",
                        f"nilai parameter {name} harus berurutan menurut tanggal: "
                        f"{since.isoformat()} tidak sesudah {previous.isoformat()}",
                    )
                )
            previous = since
            line, col = doc.where([name, "values", index])
            values.append(
                DatedValue(
                    since,
                    item.get("value"),
                    Reference(str(ref.get("title", "")), ref.get("url")),
                    Span(display, line, col),
                )
            )
        line, col = doc.where([name])
        parameters[name] = Parameter(
            name,
            str(body.get("description", "")),
            str(body.get("unit", "")),
            Span(display, line, col),
            values,
            body.get("clause"),
        )
    return parameters


def drafter_notes(text: str, path: str) -> list[Note]:
    """The dated drafter's notes among the comments of a YAML file: "# Catatan perancang
    (2026-11-30): ...", continued on the comment lines below it up to the one that ends a
    sentence (with a full stop)."""
    notes: list[Note] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = _NOTE.match(lines[index])
        if match is None:
            index += 1
            continue
        start, parts = index, [match.group("text").strip()]
        while not parts[-1].endswith(".") and index + 1 < len(lines):
            following = lines[index + 1].strip()
            if not following.startswith("#") or _NOTE.match(following):
                break
            parts.append(following.lstrip("#").strip())
            index += 1
        try:
            day: dt.date | None = dt.date.fromisoformat((match.group("date") or "").strip())
        except ValueError:
            day = None
        column = lines[start].index("#") + 1
        notes.append(Note(Span(path, start + 1, column), day, " ".join(p for p in parts if p)))
        index += 1
    return notes


def _optional_document(path: Path, kind: str, problems: list[Problem]) -> Located | None:
    """An optional YAML mapping of the policy folder valid against schema ``kind``: None when
    the file is absent or has a problem (which goes to ``problems``)."""
    if not path.is_file():
        return None
    doc, found = load_yaml_file(path, display_path(path))
    problems.extend(found)
    if doc is None or not isinstance(doc.data, dict):
        return None
    schema_problems = validate(doc, schema(kind), "schema")
    problems.extend(schema_problems)
    return None if schema_problems else doc


def load_opd(path: Path, problems: list[Problem]) -> OpdList:
    """``policy/opd.yml``: the perangkat daerah agencies are bound to; empty when absent. A code
    or a name (alias, SIASN unit id) used for two OPDs is an error at its line."""
    doc = _optional_document(path, "opd", problems)
    if doc is None:
        return OpdList()
    entries: list[Opd] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(doc.data.get("perangkat_daerah") or []):
        entry = Opd(
            str(item["kode"]),
            str(item["nama"]),
            tuple(str(a) for a in item.get("alias") or ()),
            tuple(str(u) for u in item.get("unor") or ()),
        )
        for name in (entry.kode, entry.nama, *entry.alias, *entry.unor):
            key = opd_key(name)
            if key in seen and seen[key] != entry.kode:
                line, col = doc.where(["perangkat_daerah", index])
                problems.append(
                    lint_problem(
                        Span(doc.path, line, col),
                        "opd-ganda",
                        f"{name!r} sudah dipakai untuk perangkat daerah {seen[key]}; setiap kode, "
                        "nama, alias, dan id unor menunjuk satu perangkat daerah saja",
                    )
                )
            seen.setdefault(key, entry.kode)
        entries.append(entry)
    return OpdList(tuple(entries))


def load_kamus(path: Path, problems: list[Problem]) -> Kamus:
    """``policy/kamus.yml``: the names a text may capitalise without defining them and the
    foreign words kept in italics; empty when the file is absent."""
    doc = _optional_document(path, "kamus", problems)
    if doc is None:
        return Kamus()
    names = tuple(str(name) for name in doc.data.get("nama", []) or [])
    foreign = tuple(
        (str(entry["kata"]), entry.get("padanan")) for entry in doc.data.get("kata_asing", []) or []
    )
    return Kamus(names, foreign)


def load_policy_unchecked(root: str | Path = "policy") -> tuple[Peraturan | None, list[Problem]]:
    """Load as much as possible and return it with every problem found while loading."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [
            lint_problem(Span(display_path(root), 1), "berkas", "folder kebijakan tidak ditemukan")
        ]
    meta_path = root / METADATA_FILE
    doc, found = load_yaml_file(meta_path, display_path(meta_path))
    problems.extend(found)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        problems.append(doc.problem([], "schema", "metadata peraturan harus berupa pemetaan"))
        return None, problems
    problems.extend(validate(doc, schema("peraturan"), "schema"))
    meta = doc.data
    parameters = load_parameters(root / PARAMETER_FILE, problems)
    penomoran = load_penomoran(root, display_path(root / PENOMORAN_FILE), problems)

    chapters = [c for c in meta.get("chapters", []) if isinstance(c, str)]
    babs = []
    seen: set[str] = set()
    for index, chapter in enumerate(chapters):
        path = root / CHAPTER_DIR / f"{chapter}.md"
        if chapter in seen:
            problems.append(
                doc.problem(
                    ["chapters", index],
                    "chapter-duplicate",
                    f"BAB {chapter} tercantum lebih dari sekali",
                )
            )
            continue
        seen.add(chapter)
        if not path.is_file():
            problems.append(
                doc.problem(
                    ["chapters", index],
                    "chapter-missing",
                    f"berkas BAB {CHAPTER_DIR}/{chapter}.md tidak ditemukan",
                )
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(
                lint_problem(
                    Span(display_path(path), 1),
                    "berkas",
                    f"berkas tidak dapat dibaca sebagai UTF-8: {exc}",
                )
            )
            continue
        bab, found = parse_bab(text, display_path(path), chapter)
        problems.extend(found)
        babs.append(bab)
    chapter_dir = root / CHAPTER_DIR
    if chapter_dir.is_dir():
        for path in sorted(chapter_dir.glob("*.md")):
            if path.stem not in seen:
                problems.append(
                    lint_problem(
                        Span(display_path(path), 1),
                        "chapter-unlisted",
                        f"berkas BAB ini tidak tercantum dalam chapters di "
                        f"{METADATA_FILE} sehingga tidak ikut dicetak",
                    )
                )

    berita = meta.get("berita_daerah")
    berita = berita if isinstance(berita, dict) else {}
    peraturan = Peraturan(
        kind=str(meta.get("kind", "")),
        region=str(meta.get("region", "")),
        title=str(meta.get("title", "")),
        status=str(meta.get("status", "")),
        version=str(meta.get("version", "")),
        menimbang=_texts(doc, "menimbang"),
        mengingat=_texts(doc, "mengingat"),
        penetapan=_signer(doc, "penetapan", problems),
        pengundangan=_signer(doc, "pengundangan", problems),
        bab=babs,
        parameters=parameters or {},
        parameters_ok=parameters is not None,
        number=meta.get("number") if isinstance(meta.get("number"), int) else None,
        year=meta.get("year") if isinstance(meta.get("year"), int) else None,
        berita_daerah_year=berita.get("year"),
        berita_daerah_number=berita.get("number"),
        root=display_path(root),
        penomoran=penomoran,
        meta_spans={key: Span(doc.path, *doc.where([key])) for key in meta},
        notes=drafter_notes(doc.text, doc.path),
        kamus=load_kamus(root / KAMUS_FILE, problems),
        konsultasi=_konsultasi(doc, problems),
        opd=load_opd(root / OPD_FILE, problems),
    )
    return peraturan, problems
