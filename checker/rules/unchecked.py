"""Obligations no rule can check, with why: ``rules/cakupan/tidak-diperiksa.yml``.

The coverage page lists every Pasal whose text holds an obligation. A Pasal no rule cites is
either the next rule to write, or one the data cannot show (the appointment of an Agen
Perubahan, a partnership agreement): the drafter says which, once, in this file::

    - pasal: agen-perubahan
      alasan: Penunjukan Agen Perubahan tidak tercatat dalam Data Kepegawaian; ...

Lint (code ``tidak-diperiksa``) checks that every entry names a Pasal of the regulation, once,
and that no rule checks it after all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.load import display_path
from checker.policy.model import Peraturan, Span
from checker.policy.numbering import number
from checker.rules.model import Rule
from checker.yamlsrc import Located, load_yaml_list, validate

FOLDER, FILE = "cakupan", "tidak-diperiksa.yml"
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["pasal", "alasan"],
    "properties": {
        "pasal": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "alasan": {"type": "string", "minLength": 20},
    },
}


@dataclass(frozen=True)
class Unchecked:
    """A Pasal with an obligation that the data cannot show, and why (one sentence)."""

    pasal: str
    alasan: str
    span: Span


def unchecked_path(rules_root: str | Path) -> Path:
    """Where a rule set keeps the list: ``rules/cakupan/tidak-diperiksa.yml``."""
    return Path(rules_root) / FOLDER / FILE


def load_unchecked(rules_root: str | Path) -> tuple[list[Unchecked], list[Problem]]:
    """The entries of the list (none when the file is absent) and the problems met."""
    path = unchecked_path(rules_root)
    if not path.is_file():
        return [], []
    doc, problems = load_yaml_list(
        path,
        display_path(path),
        "tidak-diperiksa",
        "berkas ini harus berupa daftar (setiap butir '- pasal: …')",
    )
    out: list[Unchecked] = []
    if doc is None:
        return out, problems
    for index, item in enumerate(doc.data):
        positions = {key[1:]: pos for key, pos in doc.positions.items() if key[:1] == (index,)}
        sub = Located(item, doc.path, doc.line_offset, positions)
        found = validate(sub, SCHEMA, "tidak-diperiksa")
        problems += found
        if not found:
            line, column = sub.where([])
            alasan = " ".join(item["alasan"].split())
            out.append(Unchecked(item["pasal"], alasan, Span(doc.path, line, column)))
    return out, problems


def check_unchecked(
    entries: list[Unchecked], peraturan: Peraturan, rules: list[Rule]
) -> list[Problem]:
    """Each entry names a Pasal of the regulation, once, that no rule cites (by the Pasal or
    one of its ayat or rincian)."""
    pasal_of = {clause: at.pasal for clause, at in number(peraturan).addresses.items()}
    checked = {pasal_of.get(rule.clause) for rule in rules}
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        if pasal_of.get(entry.pasal) != entry.pasal:
            message = (
                f"{entry.pasal!r} bukan id Pasal dalam peraturan ini; sebutkan id Pasal "
                "(#### Pasal {#id}), bukan id ayat atau rincian"
                if entry.pasal in pasal_of
                else f"tidak ada Pasal dengan id {entry.pasal!r}"
            )
        elif entry.pasal in checked:
            message = f"Pasal {entry.pasal} sudah diperiksa oleh aturan; hapus dari daftar ini"
        elif entry.pasal in seen:
            message = f"Pasal {entry.pasal} sudah tercantum dalam daftar ini"
        else:
            seen.add(entry.pasal)
            continue
        problems.append(lint_problem(entry.span, "tidak-diperiksa", message))
    return problems
