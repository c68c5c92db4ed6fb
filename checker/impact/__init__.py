"""Impact preview: what a draft amendment of policy/ + rules/ does to the findings on real data,
per rule, per perangkat daerah (OPD) and per Pasal, with the clause redline beside it."""

from checker.impact.model import Impact, to_json
from checker.impact.render import render_markdown, render_text
from checker.impact.run import impact

__all__ = ["Impact", "impact", "render_markdown", "render_text", "to_json"]
