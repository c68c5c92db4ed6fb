"""Load ``rules/dispensasi/*.yml`` into Dispensasi records, every problem with file and line."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from checker.dispensasi.model import Dispensasi, Scope, parse_date
from checker.errors import Problem
from checker.policy.load import display_path
from checker.policy.model import Span
from checker.yamlsrc import Located, load_yaml_list, validate

FOLDER = "dispensasi"


@cache
def dispensasi_schema() -> dict[str, Any]:
    """The JSON Schema of a dispensation file."""
    text = (
        resources.files("checker.dispensasi").joinpath("dispensasi.schema.json").read_text("utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def dispensasi_root(rules_root: str | Path) -> Path:
    """Where a rule set keeps its dispensations: ``rules/dispensasi``."""
    return Path(rules_root) / FOLDER


def dispensasi_files(root: Path) -> list[Path]:
    """The dispensation files (``*.yml``, sorted); the folder's README is not one."""
    return sorted(p for p in root.glob("*.yml") if p.is_file()) if root.is_dir() else []


def load_dispensasi_unchecked(root: str | Path) -> tuple[list[Dispensasi], list[Problem]]:
    """Every dispensation that could be read from ``root`` (a ``dispensasi`` folder) and every
    problem met while reading them. A missing folder means no dispensations."""
    out: list[Dispensasi] = []
    problems: list[Problem] = []
    for path in dispensasi_files(Path(root)):
        doc, found = load_yaml_list(
            path,
            display_path(path),
            "dispensasi-schema",
            "berkas dispensasi harus berupa daftar (setiap butir diawali '- id: DISP-...')",
        )
        problems.extend(found)
        if doc is None:
            continue
        for index, item in enumerate(doc.data):
            record, item_problems = _record(doc, index, item)
            problems.extend(item_problems)
            if record is not None:
                out.append(record)
    return out, problems


def _record(doc: Located, index: int, item: Any) -> tuple[Dispensasi | None, list[Problem]]:
    sub = _sub(doc, index)
    problems = validate(sub, dispensasi_schema()["items"], "dispensasi-schema")
    if problems or not isinstance(item, dict):
        return None, problems
    dates = {}
    for key in (
        ("period", "from"),
        ("period", "to"),
        ("decision_letter", "date"),
        ("valid_until",),
    ):
        value: Any = item
        for part in key:
            value = value[part]
        dates[key] = parse_date(value)
        if dates[key] is None:
            problems.append(
                sub.problem(
                    [*key, "__value__"],
                    "dispensasi-tanggal",
                    f"{value!r} bukan tanggal kalender (TTTT-BB-HH)",
                )
            )
    scope, scope_problems = _scope(sub, item["scope"])
    problems += scope_problems
    if problems or scope is None:
        return None, problems
    start, end = dates[("period", "from")], dates[("period", "to")]
    letter, until = dates[("decision_letter", "date")], dates[("valid_until",)]
    assert start and end and letter and until  # checked above
    if end < start:
        problems.append(
            sub.problem(
                ["period", "to", "__value__"],
                "dispensasi-tanggal",
                "akhir periode (to) sebelum awal periode (from)",
            )
        )
    if until < letter:
        problems.append(
            sub.problem(
                ["valid_until", "__value__"],
                "dispensasi-tanggal",
                "valid_until sebelum tanggal surat keputusan; dispensasi ini tidak pernah berlaku",
            )
        )
    if problems:
        return None, problems
    line, col = doc.where([index])
    spans = {str(key): Span(doc.path, *doc.where([index, key, "__value__"])) for key in item}
    spans |= {
        f"rules.{i}": Span(doc.path, *doc.where([index, "rules", i]))
        for i in range(len(item["rules"]))
    }
    return Dispensasi(
        id=item["id"],
        rules=tuple(item["rules"]),
        scope=scope,
        start=start,
        end=end,
        justification=" ".join(item["justification"].split()),
        legal_basis=item["legal_basis"],
        office=item["approved_by"]["office"],
        approver=item["approved_by"]["name"],
        letter_number=item["decision_letter"]["number"],
        letter_date=letter,
        valid_until=until,
        span=Span(doc.path, line, col),
        key_spans=spans,
    ), []


def _scope(doc: Located, data: dict[str, Any]) -> tuple[Scope | None, list[Problem]]:
    """Exactly one of: ``nip``; ``instansi``; ``category`` with the ``nip`` it covers."""
    raw = data.get("nip")
    nips = tuple(sorted([raw] if isinstance(raw, str) else list(raw or [])))
    instansi, category = data.get("instansi"), data.get("category")
    at = ["scope"]
    if instansi is not None and (nips or category):
        return None, [
            doc.problem(
                at,
                "dispensasi-lingkup",
                "lingkup instansi tidak dapat digabung dengan nip atau "
                "category; buat dispensasi terpisah",
            )
        ]
    if category is not None and not nips:
        return None, [
            doc.problem(
                [*at, "category"],
                "dispensasi-lingkup",
                f"dispensasi kategori {category} harus menyebut NIP pegawai "
                "yang tercantum dalam surat keputusannya (nip: [...]); data "
                "kepegawaian belum memuat kolom yang menandai kategori ini",
            )
        ]
    if instansi is None and not nips:
        return None, [
            doc.problem(
                at,
                "dispensasi-lingkup",
                "lingkup harus menyebut nip, instansi, atau category beserta nip",
            )
        ]
    return Scope(nips=nips, instansi=instansi, category=category), []


def _sub(doc: Located, index: int) -> Located:
    positions = {key[1:]: pos for key, pos in doc.positions.items() if key[:1] == (index,)}
    return Located(doc.data[index], doc.path, doc.line_offset, positions)
