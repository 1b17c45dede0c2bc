"""The PDF writer."""

from .writer import pdf_bytes, render, write_pdf

__all__ = ["pdf_bytes", "render", "write_pdf"]
