"""Clause text as inline segments: words, emphasis, citations and parameter values.

The markup is that of :mod:`checker.policy.inline` (``{{ parameter | filter }}``,
``[[clause-id]]``), plus emphasis as Markdown writes it (``*e-learning*`` or ``_e-learning_``)
for the foreign terms that drafting style italicises. A reference or parameter that cannot be
resolved stays visible as ``⟦name⟧`` (policy lint reports it). Emphasis is found in the words
between references and values only.
"""

from __future__ import annotations

import re

from checker.policy.document.blocks import Citation, Emphasis, Inline, ParameterValue, Plain
from checker.policy.inline import INLINE_RE, SCHEDULE_FILTERS, InlineContext, format_value

# "*kata*" or "_kata_" (not inside a word, as Markdown reads underscores), never across a line
_EMPHASIS = re.compile(
    r"\*(?=[^\s*])(?P<star>[^*\n]*?[^\s*])\*"
    r"|(?<!\w)_(?=[^\s_])(?P<under>[^_\n]*?[^\s_])_(?!\w)"
)


def _words(text: str) -> list[Inline]:
    out: list[Inline] = []
    start = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > start:
            out.append(Plain(text[start : match.start()]))
        out.append(Emphasis(match.group("star") or match.group("under")))
        start = match.end()
    if start < len(text):
        out.append(Plain(text[start:]))
    return out


def _construct(match: re.Match[str], ctx: InlineContext, pasal_id: str | None) -> Inline:
    """One ``[[reference]]`` or ``{{ parameter }}``, resolved on the render date."""
    target = match.group("ref")
    if target is not None:
        citation = ctx.numbering.citation(target, pasal_id)
        return Citation(citation, target) if citation is not None else Plain(f"⟦{target}⟧")
    name, style = match.group("param"), match.group("filter")
    parameter = ctx.parameters.get(name)
    if parameter is not None and style in SCHEDULE_FILTERS and parameter.values:
        # every dated value is written, whichever is in force on the render date
        return ParameterValue(format_value(parameter, None, style), name)
    dated = parameter.value_at(ctx.as_of) if parameter else None
    if parameter is None or dated is None:
        return Plain(f"⟦{name}⟧")
    return ParameterValue(format_value(parameter, dated.value, style), name)


def segments(raw: str, ctx: InlineContext, pasal_id: str | None) -> tuple[Inline, ...]:
    """The inline segments of ``raw``; ``pasal_id`` is the Pasal the text stands in, so that a
    reference inside it reads "ayat (2)" rather than "Pasal 9 ayat (2)"."""
    out: list[Inline] = []
    start = 0
    for match in INLINE_RE.finditer(raw):
        out += _words(raw[start : match.start()])
        out.append(_construct(match, ctx, pasal_id))
        start = match.end()
    out += _words(raw[start:])
    return tuple(out)
