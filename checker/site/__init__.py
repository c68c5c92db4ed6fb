"""The published site: pure functions that turn policy/, rules/ and reports into pages and
charts, and the thin MkDocs plugin (:mod:`checker.site.plugin`) that adds them to a build."""

from __future__ import annotations

from checker.site.build import generate, load_context, navigation
from checker.site.context import SiteContext
from checker.site.page import Page

__all__ = ["Page", "SiteContext", "generate", "load_context", "navigation"]
