"""Word output: the official Peraturan Gubernur layout, and tracked-changes redlines."""

from checker.export.docx import DocxInfo, export_docx

__all__ = ["DocxInfo", "export_docx"]
