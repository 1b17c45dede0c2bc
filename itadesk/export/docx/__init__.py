"""The Word writer."""

from .writer import docx_bytes, render, write_docx

__all__ = ["docx_bytes", "render", "write_docx"]
