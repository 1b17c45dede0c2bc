"""How a report is published as the evidence of its OIT item: the link on the
municipality's website, the executive's acknowledgement, and who provided, approved and
put the information on the website (the publication-request form's signatures).

Kept in the report's options under "publication" (so the library and the exchange file
carry it as they carry the options); read here into a typed value, ill-typed entries
read as empty.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

OPTION = "publication"


@dataclass(frozen=True)
class Person:
    """One signature line of the form: name, position, date (as the clerk writes it)."""

    name: str = ""
    position: str = ""
    date: str = ""


@dataclass(frozen=True)
class Publication:
    link: str = ""  # where the item is published (kept with the report)
    summary: str = ""  # เนื้อหาโดยสรุป; empty: the form says it from the report
    acknowledged_on: str = ""  # the date the executive acknowledged/approved (รับทราบ/เห็นชอบ)
    executive: Person = field(default_factory=Person)  # who acknowledges (นายกเทศมนตรี …)
    provider: Person = field(default_factory=Person)  # ผู้รับผิดชอบการให้ข้อมูล
    approver: Person = field(default_factory=Person)  # ผู้อนุมัติรับรอง
    publisher: Person = field(default_factory=Person)  # ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่


PEOPLE = ("executive", "provider", "approver", "publisher")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _person(value: Any) -> Person:
    value = value if isinstance(value, dict) else {}
    return Person(_text(value.get("name")), _text(value.get("position")),
                  _text(value.get("date")))


def publication_of(options: dict[str, Any]) -> Publication:
    data = options.get(OPTION)
    data = data if isinstance(data, dict) else {}
    return Publication(_text(data.get("link")), _text(data.get("summary")),
                       _text(data.get("acknowledged_on")),
                       **{name: _person(data.get(name)) for name in PEOPLE})


def publication_to_dict(publication: Publication) -> dict[str, Any]:
    return dataclasses.asdict(publication)


def with_publication(options: dict[str, Any], publication: Publication) -> dict[str, Any]:
    return {**options, OPTION: publication_to_dict(publication)}
