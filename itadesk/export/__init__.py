"""Writers: each turns the neutral document into a file (Word in docx/, PDF in pdf/)."""

from .errors import ExportError
from .files import write_atomically

__all__ = ["ExportError", "write_atomically"]
