"""Thai (๐–๙) and Arabic (0–9) digits.

Official documents use Thai digits; web and e-mail addresses keep Arabic ones, because
a reader must be able to type them.
"""

from __future__ import annotations

import re
from functools import lru_cache

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

# What must stay as typed: URLs (with or without scheme), e-mail addresses, bare domains.
ADDRESS = re.compile(
    r"""(?xi)
    (?:https?://|ftp://|www\.)[^\s<>"'()]+      # web addresses
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+               # e-mail addresses
    | \b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.th|ac\.th|or\.th|co\.th|in\.th|com|org|net)\b[^\s]*
    """
)


def _thai(text: str) -> str:
    # Ten replaces, not str.translate: translate looks every Thai letter up in the table
    # (about fifteen times slower on a Thai line, and an import converts every field).
    for arabic, thai in zip(ARABIC_DIGITS, THAI_DIGITS, strict=True):
        text = text.replace(arabic, thai)
    return text


# Each kind of address holds one of these: a text with none of them is no address, and
# is not scanned (ADDRESS backtracks over a long run of Thai letters looking for an "@").
_ADDRESS_MARKS = ("@", "://", "www.", ".go.th", ".ac.th", ".or.th", ".co.th", ".in.th",
                  ".com", ".org", ".net")


@lru_cache(maxsize=50_000)
def to_thai_digits(text: str) -> str:
    """Arabic digits become Thai ones, except inside web and e-mail addresses.

    Cached: the preview's process builds the document from the same cells at every
    refresh (converting them again was a tenth of a 100-measure refresh)."""
    lower = text.lower()
    if not any(mark in lower for mark in _ADDRESS_MARKS):
        return _thai(text)
    out: list[str] = []
    last = 0
    for m in ADDRESS.finditer(text):
        out.append(_thai(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(_thai(text[last:]))
    return "".join(out)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def parse_int(text: str) -> int | None:
    """An integer as a clerk types it: Thai or Arabic digits, spaces and commas allowed."""
    cleaned = to_arabic_digits(text).replace(",", "").strip()
    if not re.fullmatch(r"[+-]?\d+", cleaned):
        return None
    return int(cleaned)


def parse_decimal_text(text: str) -> str | None:
    """A decimal number as typed ("๙๘.๗๒", "98,72" is not accepted): canonical Arabic text."""
    cleaned = to_arabic_digits(text).replace(",", "").strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    return cleaned
