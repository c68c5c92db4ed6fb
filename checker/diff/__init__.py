"""Redlines between two versions of the regulation: clause by stable id, word by word."""

from checker.diff.compare import Comparison, ParameterChange, RevBlock, RevUnit, Side, compare
from checker.diff.render import render_markdown, render_text, summary

__all__ = [
    "Comparison",
    "ParameterChange",
    "RevBlock",
    "RevUnit",
    "Side",
    "compare",
    "render_markdown",
    "render_text",
    "summary",
]
