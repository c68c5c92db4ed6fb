"""Word output: the official Peraturan Gubernur layout, and tracked-changes redlines."""

from checker.export.docx import docx_bytes, export_docx
from checker.export.lambang import read_lambang

__all__ = ["docx_bytes", "export_docx", "read_lambang"]
