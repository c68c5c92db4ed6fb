"""Numbering frozen after enactment: the record ``policy/penomoran.yml`` and how labels follow it.

Once a Peraturan Gubernur is enacted its numbers are law: later versions may not renumber them.
UU 12/2011 Lampiran II says what happens instead, and :func:`align` implements it:

- a Pasal inserted between Pasal 9 and Pasal 10 is Pasal 9A, the next one Pasal 9B;
- an ayat inserted between ayat (2) and ayat (3) is ayat (2a);
- a Pasal or ayat added after the last enacted one takes the next number (ayat (4));
- a repealed Pasal or ayat keeps its number and reads "Pasal 9 dihapus." / "(2) Dihapus.".

The record is written by ``kebijakan versions bekukan`` when a version is enacted and committed
with it. Enacted items are matched by stable id; ayat without an id are matched in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.errors import Problem
from checker.policy.model import FrozenAyat, FrozenPasal, Penomoran, Span
from checker.policy.schemas import schema
from checker.yamlsrc import load_yaml_file, validate

PENOMORAN_FILE = "penomoran.yml"
_LABEL = re.compile(r"^(\d+|[IVXLCDM]+)([A-Za-z]*)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@dataclass(frozen=True)
class Slot:
    """One enacted position: its stable key (id, or None for an ayat without id) and label."""

    key: str | None
    label: str


@dataclass
class Alignment:
    """Labels for the current items, and what the enacted list lost or gained without an id."""

    labels: list[str]
    matched: dict[int, int] = field(default_factory=dict)  # current index → slot index
    vanished: list[int] = field(default_factory=list)  # slot indexes no current item took
    unkeyed_extra: list[int] = field(default_factory=list)  # current indexes, no id, no slot
    before_first: list[int] = field(default_factory=list)  # inserted before every enacted item


def from_roman(text: str) -> int:
    """XIV → 14 (for BAB labels)."""
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN[char]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def _root(label: str) -> tuple[int, str, str]:
    """ "9A" → (9, "9", "A"); "XIV" → (14, "XIV", "")."""
    match = _LABEL.match(label)
    if not match:
        return 0, label, ""
    head = match.group(1)
    return (int(head) if head.isdigit() else from_roman(head)), head, match.group(2)


def _bump(label: str, upper: bool) -> str:
    """The next insertion after ``label``: 9 → 9A, 9A → 9B, 2 → 2a, 2a → 2b."""
    _, head, suffix = _root(label)
    if not suffix:
        return head + ("A" if upper else "a")
    last = suffix[-1]
    if last.lower() == "z":
        return label + ("A" if upper else "a")
    return head + suffix[:-1] + chr(ord(last) + 1)


def align(
    slots: Sequence[Slot],
    keys: Sequence[str | None],
    *,
    upper: bool,
    integer: Callable[[int], str] = str,
) -> Alignment:
    """Give each current item (by key) its enacted label, or an insertion label.

    ``upper`` chooses the insertion suffix (Pasal 9A, BAB IVA) or lower case (ayat (2a));
    ``integer`` renders a new whole number for items added after the last enacted one.
    """
    by_key = {slot.key: index for index, slot in enumerate(slots) if slot.key is not None}
    present = {key for key in keys if key is not None}
    result = Alignment(labels=[""] * len(keys))
    taken: set[int] = set()
    pointer = 0
    for index, key in enumerate(keys):
        if key is not None:
            slot = by_key.get(key)
            if slot is not None and slot not in taken:
                result.matched[index] = slot
                taken.add(slot)
                pointer = max(pointer, slot + 1)
            continue
        # skip enacted items that carry an id no current item has (they vanished)
        while (
            pointer < len(slots)
            and slots[pointer].key is not None
            and (slots[pointer].key not in present or pointer in taken)
        ):
            pointer += 1
        if pointer < len(slots) and slots[pointer].key is None and pointer not in taken:
            result.matched[index] = pointer
            taken.add(pointer)
            pointer += 1
        else:
            result.unkeyed_extra.append(index)
    result.vanished = [index for index in range(len(slots)) if index not in taken]
    highest = max((_root(slot.label)[0] for slot in slots), default=0)
    used = {slot.label for slot in slots}
    last_matched = max(result.matched, default=-1)
    base: str | None = None
    for index in range(len(keys)):
        if index in result.matched:
            base = slots[result.matched[index]].label
            result.labels[index] = base
        elif index > last_matched:
            highest += 1
            base = integer(highest)
            result.labels[index] = base
        else:
            if base is None:
                result.before_first.append(index)
                base = "0"
            label = _bump(base, upper)
            while label in used:
                label = _bump(label, upper) if label[-1:].lower() != "z" else label + "a"
            used.add(label)
            base = label
            result.labels[index] = label
    return result


# -- the record file ---------------------------------------------------------------------------


def load_penomoran(root: Path, display: str, problems: list[Problem]) -> Penomoran | None:
    """Read ``penomoran.yml`` if present; problems carry file and line."""
    path = root / PENOMORAN_FILE
    if not path.is_file():
        return None
    doc, found = load_yaml_file(path, display)
    problems.extend(found)
    if doc is None:
        return None
    found = validate(doc, schema("penomoran"), "penomoran")
    problems.extend(found)
    if found or not isinstance(doc.data, dict):
        return None
    data = doc.data
    pasal = []
    for index, entry in enumerate(data.get("pasal", [])):
        line, col = doc.where(["pasal", index])
        ayat = tuple(
            FrozenAyat(
                None if a.get("label") is None else str(a["label"]),
                a.get("id"),
                bool(a.get("dihapus", False)),
            )
            for a in entry.get("ayat", [])
        )
        pasal.append(
            FrozenPasal(
                entry["id"],
                str(entry["label"]),
                Span(display, line, col),
                ayat,
                bool(entry.get("dihapus", False)),
            )
        )
    bab = [(entry["id"], str(entry["label"])) for entry in data.get("bab", [])]
    return Penomoran(
        str(data["ditetapkan"]),
        pasal,
        bab,
        Span(display, 1, 1),
        data.get("commit"),
        data.get("nomor"),
        data.get("tahun"),
    )


def dump_penomoran(record: dict[str, Any], header: str) -> str:
    """The record as YAML with a comment header; one line per Pasal so that it diffs well."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    head = {key: record[key] for key in ("ditetapkan", "commit", "nomor", "tahun")}
    lines.append(yaml.safe_dump(head, allow_unicode=True, sort_keys=False).rstrip())
    lines.append("bab:")
    lines += [f"  - {{id: {b['id']}, label: {b['label']}}}" for b in record["bab"]]
    lines.append("pasal:")
    for entry in record["pasal"]:
        flow = yaml.safe_dump(
            entry, default_flow_style=True, allow_unicode=True, width=10**6, sort_keys=False
        ).strip()
        lines.append(f"  - {flow}")
    return "\n".join(lines) + "\n"
