"""The Word writer."""

from .writer import docx_bytes, write_docx

__all__ = ["docx_bytes", "write_docx"]
