"""Load ``policy/`` into a :class:`Peraturan`, collecting every problem before failing once."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.markdown import parse_bab
from checker.policy.model import (
    DatedValue,
    Parameter,
    Penandatangan,
    Peraturan,
    Reference,
    Span,
    Text,
)
from checker.policy.penomoran import PENOMORAN_FILE, load_penomoran
from checker.policy.schemas import schema
from checker.yamlsrc import Located, load_yaml_file, validate

METADATA_FILE = "peraturan.yml"
PARAMETER_FILE = "parameter.yml"
CHAPTER_DIR = "bab"


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
    )
    return peraturan, problems
