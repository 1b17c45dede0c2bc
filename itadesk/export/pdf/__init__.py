"""The PDF writer."""

from .writer import pdf_bytes, write_pdf

__all__ = ["pdf_bytes", "write_pdf"]
