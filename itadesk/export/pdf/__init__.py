"""The PDF writer."""

from .writer import LaidOut, laid_out, pdf_bytes, render, write_pdf

__all__ = ["LaidOut", "laid_out", "pdf_bytes", "render", "write_pdf"]
