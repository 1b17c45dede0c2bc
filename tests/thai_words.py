"""What a clerk reads in a widget, and the Latin-script words in it that are neither a
proper name nor a format."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QWidget,
)

# Proper names, formats, and the words printed on the keyboard's keys (Ctrl, Del, PgUp …).
# The arrows and the space bar have no word on them: they are named in Thai (ลูกศรขึ้น,
# เว้นวรรค), so "up", "down", "left", "right" and "space" are not here.
ALLOWED = {
    "ita", "oit", "e", "service", "word", "pdf", "docx", "json", "itadesk", "sqlite", "th",
    "sarabun", "new", "desk", "sipa", "gpl", "lgpl", "mit", "bsd", "apache", "cc0", "qt",
    "pyside6", "python", "lxml", "jsonschema", "platformdirs", "reportlab", "uharfbuzz",
    "harfbuzz", "pythainlp", "license", "thsarabunnew", "txt", "excel", "xlsx", "csv",
    "ctrl", "shift", "alt", "enter", "tab", "esc", "del", "delete", "backspace", "home",
    "end", "pgup", "pgdn", "pgdown", "ins", "f1", "f2", "f3", "f5", "f7",
    "a4", "a", "b", "c", "d", "h", "i", "l", "n", "o", "p", "s", "v", "x", "y", "z",
    "cups", "http", "https", "www", "go", "or", "o35", "i10", "e6", "no", "gift",
    "policy", "windows", "chmod", "appdata",
}
PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s«»]*|\S+\.(?:sqlite|json|docx|pdf|txt|log|png|ts|qm)\b")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def texts(widget: QWidget) -> list[str]:
    """Every text of the visible widgets under `widget` (itself included)."""
    out: list[str] = [widget.windowTitle()] if widget.isWindow() else []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QLabel):
            out.append(child.text())
        elif isinstance(child, QAbstractButton):
            out += [child.text(), child.toolTip()]
        elif isinstance(child, QGroupBox):
            out.append(child.title())
        elif isinstance(child, QLineEdit):
            out += [child.placeholderText(), child.toolTip()]
        elif isinstance(child, QComboBox):
            out += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTabBar):
            out += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, (QTextBrowser, QTextEdit)) and child.isReadOnly():
            out.append(child.toPlainText())
        elif isinstance(child, (QMenu, QMenuBar)):
            out += [a.text() for a in child.actions()]
        elif isinstance(child, QToolBar):
            out += [a.toolTip() for a in child.actions() if a.isVisible()]
        if isinstance(child, QHeaderView) and child.model() is not None:
            out += [str(child.model().headerData(i, child.orientation()) or "")
                    for i in range(child.count()) if not child.isSectionHidden(i)]
    return [t for t in out if t]


def menu_texts(menu: QMenu | QMenuBar) -> list[str]:
    """Every item of a menu and its submenus as the clerk reads it: its text, and the keys
    beside it as Qt writes them (QKeySequence's native text, through the translation)."""
    out: list[str] = []
    for action in menu.actions():
        out.append(action.text())
        out += [keys.toString(QKeySequence.SequenceFormat.NativeText)
                for keys in action.shortcuts()[:1]]  # a menu shows the first one
        if action.menu() is not None:
            out += menu_texts(action.menu())
    return [t for t in out if t]


def foreign_words(widget: QWidget, also_allowed: set[str] = frozenset()) -> set[str]:
    return foreign_in(texts(widget), also_allowed)


def foreign_in(shown: list[str], also_allowed: set[str] = frozenset()) -> set[str]:
    found = set()
    for text in shown:
        text = PATH.sub(" ", TAG.sub(" ", text))
        for word in WORD.findall(text):
            if len(word) == 1 or re.fullmatch(r"[Ff]\d{1,2}", word):
                continue  # a key: Ctrl+F, F1
            if word.lower() not in ALLOWED and word.lower() not in also_allowed:
                found.add(word)
    return found


DIGITS = re.compile(r"[0-9]")
VERSIONED = re.compile(r"[A-Za-z][A-Za-z0-9]*-[0-9][0-9.]*")
# what is pressed or typed as it is written: a key (Ctrl+0) and the help's one command
TYPED = re.compile(r"(?:Ctrl|Shift|Alt)\+\S+|chmod \d+")


def latin_digits(widget: QWidget) -> set[str]:
    """Texts that show a number in Latin digits (paths and names like O35 aside)."""
    found = set()
    for text in texts(widget):
        # names with their version (GPL-3.0, CC0-1.0) and words like O35 are names
        bare = WORD.sub(" ", VERSIONED.sub(" ", TYPED.sub(" ", PATH.sub(" ", TAG.sub(" ", text)))))
        if DIGITS.search(bare):
            found.add(text)
    return found
