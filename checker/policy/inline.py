"""Inline markup inside clause text: ``{{ parameter }}`` and ``[[clause-id]]``.

``{{ kompetensi.jp_minimum_pns }}`` renders the value in force on the render date in drafting
style ("20 (dua puluh)"); ``{{ name | filter }}`` writes it with one of the filters that rule
messages share (:data:`checker.wording.FILTERS`): ``angka`` digits only, ``jadwal`` every dated
value ("70% (...) mulai 1 Januari 2026, dan ..."). ``[[hak-jp-pns]]`` renders the citation
("Pasal 9 ayat (2)"), or "ayat (2)" when it points inside the same Pasal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.policy.model import Parameter
from checker.policy.numbering import Numbering
from checker.wording import TEXT_FILTERS, Value, apply_filter

INLINE_RE = re.compile(
    r"\{\{\s*(?P<param>[^}|]*?)\s*(?:\|\s*(?P<filter>[a-z][a-z_]*)\s*)?\}\}"
    r"|\[\[\s*(?P<ref>[^\]]*?)\s*\]\]"
)
UNCLOSED_RE = re.compile(r"\{\{(?![^{}]*\}\})|\[\[(?![^\[\]]*\]\])")
# the filters clause text accepts (policy lint lists these)
FILTERS = TEXT_FILTERS
# filters that write every dated value of a parameter, not only the one in force
SCHEDULE_FILTERS = ("jadwal", "per_tahun")


@dataclass(frozen=True)
class Token:
    """One inline construct found in a text, at character ``start`` of the raw text."""

    kind: str  # "param" | "ref"
    name: str
    start: int
    filter: str | None = None


def tokens(raw: str) -> Iterator[Token]:
    """Every parameter and reference in ``raw``, in order."""
    for match in INLINE_RE.finditer(raw):
        if match.group("ref") is not None:
            yield Token("ref", match.group("ref"), match.start())
        else:
            yield Token("param", match.group("param"), match.start(), match.group("filter"))


def _value(parameter: Parameter, value: object) -> Value:
    return Value(
        value, parameter.unit or "", tuple((dated.since, dated.value) for dated in parameter.values)
    )


def format_value(parameter: Parameter, value: object, style: str | None = None) -> str:
    """A parameter value as the text shows it, through filter ``style``: drafting style when
    None, and for a name clause text does not accept (policy lint reports it)."""
    return apply_filter(style if style in FILTERS else None, _value(parameter, value))


def schedule(parameter: Parameter) -> str:
    """Every dated value in order: "70% (...) mulai 1 Januari 2026, dan 80% (...) mulai ..."."""
    return apply_filter("jadwal", _value(parameter, None))


@dataclass
class InlineContext:
    """What resolving inline markup needs: numbering, parameters and the date (the layouts
    decide how a citation or a value is printed)."""

    numbering: Numbering
    parameters: dict[str, Parameter]
    as_of: dt.date
