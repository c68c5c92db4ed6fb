"""Load ``rules/*.yml`` into Rules, collecting every authoring problem with file and line."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from checker.errors import Problem
from checker.policy.load import display_path
from checker.policy.model import Span
from checker.rules.model import Rule
from checker.rules.population import Population
from checker.rules.registry import REGISTRY
from checker.yamlsrc import Located, load_yaml_list, validate


@cache
def rule_schema() -> dict[str, Any]:
    """The JSON Schema of a rules file."""
    text = resources.files("checker.rules").joinpath("rule.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def rule_files(root: Path) -> list[Path]:
    """The rule files: ``rules/*.yml`` (the data schema in ``rules/schema/`` is not rules)."""
    return sorted(p for p in root.glob("*.yml") if p.is_file())


def load_rules_unchecked(root: str | Path = "rules") -> tuple[list[Rule], list[Problem]]:
    """Every rule that could be read, and every problem met while reading them."""
    root = Path(root)
    rules: list[Rule] = []
    problems: list[Problem] = []
    for path in rule_files(root):
        doc, found = load_yaml_list(
            path,
            display_path(path),
            "rule-schema",
            "berkas aturan harus berupa daftar aturan (setiap butir diawali '- id: ...')",
        )
        problems.extend(found)
        if doc is None:
            continue
        for index, item in enumerate(doc.data):
            item_problems = _validate_item(_sub(doc, (index,)), item)
            problems.extend(item_problems)
            if item_problems:
                continue  # an invalid rule is reported, never compiled
            line, col = doc.where([index])
            spans = {str(key): Span(doc.path, *doc.where([index, key])) for key in item}
            rules.append(
                Rule(
                    id=item["id"],
                    title=item["title"],
                    clause=item["clause"],
                    severity=item["severity"],
                    source=item["source"],
                    table=item["table"],
                    check=item["check"],
                    message=item["message"],
                    span=Span(doc.path, line, col),
                    description=item.get("description", ""),
                    population=Population.from_yaml(item.get("population")),
                    category=item.get("category", ""),
                    key_spans=spans,
                )
            )
    return rules, problems


def _sub(doc: Located, prefix: tuple[str | int, ...]) -> Located:
    """The part of ``doc`` under ``prefix``, keeping source positions."""
    data: Any = doc.data
    for key in prefix:
        data = data[key]
    positions = {
        key[len(prefix) :]: pos
        for key, pos in doc.positions.items()
        if key[: len(prefix)] == prefix
    }
    return Located(data, doc.path, doc.line_offset, positions)


def _validate_item(doc: Located, item: Any) -> list[Problem]:
    problems = validate(doc, rule_schema()["items"], "rule-schema")
    if problems or not isinstance(item, dict):
        return problems
    kind = REGISTRY.get(str(item["check"].get("type", "")))
    if kind is None:
        return [
            doc.problem(
                ["check", "type", "__value__"],
                "rule-type",
                f"jenis pemeriksaan {item['check'].get('type')!r} tidak dikenal; "
                f"jenis yang ada: {', '.join(sorted(REGISTRY))}",
            )
        ]
    return validate(_sub(doc, ("check",)), kind.schema(), "rule-check")
