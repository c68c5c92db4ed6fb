"""Word output: the official Peraturan Gubernur layout, and tracked-changes redlines."""

from checker.export.docx import export_docx

__all__ = ["export_docx"]
