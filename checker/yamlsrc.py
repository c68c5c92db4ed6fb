"""YAML with source positions, so every authoring error can name its file and line.

Timestamps stay strings (``2026-01-01``): dates are parsed by the model, which reports a bad
date at its line instead of letting YAML guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from checker.codes import At, lint_code, lint_problem
from checker.errors import Problem

if TYPE_CHECKING:
    import jsonschema

JsonPath = tuple[str | int, ...]


# libyaml's C parser when the installed PyYAML has it (the wheels do), the pure-Python one else
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader that leaves dates as strings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (with positions) and the data built from it: one parse of ``text``."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


@dataclass
class Located:
    """A parsed YAML document plus the 1-based (line, column) of every key and value."""

    data: Any
    path: str
    line_offset: int = 0
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    text: str = ""  # the source it was parsed from (comments included), for readers of comments

    def where(self, at: Iterable[str | int]) -> tuple[int, int]:
        """Position of the deepest known node along ``at`` (falls back to its parents).

        A path ending in ``"__value__"`` asks for the value of a mapping key rather than the key.
        """
        key = tuple(at)
        while key:
            if key in self.positions:
                line, col = self.positions[key]
                return line + self.line_offset, col
            key = key[:-1]
        line, col = self.positions.get((), (1, 1))
        return line + self.line_offset, col

    def problem(
        self, at: Iterable[str | int], code: str, message: str, severity: str | None = None
    ) -> Problem:
        """A Problem with a registered ``code`` located at ``at`` in this document, at the
        code's level unless ``severity`` says otherwise."""
        return lint_problem(At(self.path, *self.where(at)), code, message, severity)


def _walk(node: yaml.Node, at: JsonPath, out: dict[JsonPath, tuple[int, int]]) -> None:
    out.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            # The key's own position is the useful one for "unknown key" errors.
            out[(*at, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[(*at, key, "__value__")] = (
                value_node.start_mark.line + 1,
                value_node.start_mark.column + 1,
            )
            _walk_children(value_node, (*at, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*at, index), out)


def _walk_children(node: yaml.Node, at: JsonPath, out: dict[JsonPath, tuple[int, int]]) -> None:
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        saved = out.get(at)
        _walk(node, at, out)
        if saved is not None:
            out[at] = saved


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML document; a syntax error becomes a Problem at its line."""
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        reason = exc.problem or exc.context or "sintaks tidak valid"
        return None, [
            lint_problem(At(path, line, col), "yaml", f"YAML tidak dapat dibaca: {reason}")
        ]
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        return None, [
            lint_problem(At(path, 1 + line_offset), "yaml", f"YAML tidak dapat dibaca: {exc}")
        ]
    located = Located(data, path, line_offset, text=text)
    if node is not None:
        _walk(node, (), located.positions)
    return located, []


def load_yaml_file(path: Path, display: str) -> tuple[Located | None, list[Problem]]:
    """Read and parse a YAML file; unreadable files become a Problem at line 1."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [lint_problem(At(display), "berkas", f"berkas tidak dapat dibaca: {exc}")]
    return parse_yaml(text, display)


def _schema_message(error: jsonschema.ValidationError) -> str:
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"kunci wajib tidak ada: {missing}"
    if validator == "type":
        names = {
            "string": "teks",
            "integer": "bilangan bulat",
            "number": "angka",
            "array": "daftar",
            "object": "pemetaan",
            "boolean": "ya/tidak",
        }
        want = error.validator_value
        wanted = [want] if isinstance(want, str) else list(want)
        return "harus berupa " + " atau ".join(names.get(w, w) for w in wanted)
    if validator == "enum":
        return "nilai tidak dikenal; pilih salah satu dari: " + ", ".join(
            str(v) for v in error.validator_value
        )
    if validator == "propertyNames":
        return f"nama {error.instance!r} tidak valid: {error.message}"
    if validator == "pattern":
        return f"nilai {error.instance!r} tidak sesuai pola {error.validator_value}"
    if validator == "minItems":
        return f"daftar harus berisi paling sedikit {error.validator_value} butir"
    if validator == "minLength":
        return "nilai tidak boleh kosong"
    return error.message


def validate(doc: Located, schema: dict[str, Any], code: str) -> list[Problem]:
    """Validate against a JSON Schema; each violation becomes a Problem with the registered
    ``code`` at its own line (an unregistered code fails even when the document is valid)."""
    lint_code(code)
    import jsonschema  # a second of import time for runs that validate nothing (cache hits)

    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        at: list[str | int] = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = sorted(error.schema.get("properties", {}))
            for extra in sorted(set(error.instance) - set(allowed)):
                problems.append(
                    doc.problem(
                        [*at, extra],
                        code,
                        f"kunci tidak dikenal: {extra}; kunci yang diizinkan: {', '.join(allowed)}",
                    )
                )
            continue
        # point at the offending value, not at its key
        problems.append(doc.problem([*at, "__value__"] if at else at, code, _schema_message(error)))
    return problems


def load_yaml_list(
    path: Path, display: str, code: str, message: str
) -> tuple[Located | None, list[Problem]]:
    """Read a YAML file that must hold a list of records (rules, dispensations).

    Returns the document only when it is a non-empty list; an empty file is no problem, any
    other shape is one Problem with the registered ``code`` and ``message`` where the
    document starts.
    """
    lint_code(code)
    doc, problems = load_yaml_file(path, display)
    if doc is None or doc.data is None:
        return None, problems
    if not isinstance(doc.data, list):
        return None, [*problems, doc.problem([], code, message)]
    return doc, problems
