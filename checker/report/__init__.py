"""Findings and reports: one Report feeds every output format."""

from checker.report.finding import SEVERITIES, ClauseRef, Finding

__all__ = ["SEVERITIES", "ClauseRef", "Finding"]
