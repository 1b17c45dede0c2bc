"""The exports of the demo reports are what tests/golden/ says (see tests/golden/__init__.py
for what is kept and the one command that reviews and accepts a change)."""

from __future__ import annotations

import dataclasses

import pytest

from tests import golden


@pytest.mark.parametrize("case", golden.CASES, ids=lambda c: c.name)
def test_exports_match_the_golden_files(case):
    changed = golden.differences(case, golden.render(case))
    if changed:
        shown = [line for diff in changed.values() for line in diff[:40]]
        pytest.fail(f"{', '.join(changed)} of {case.name} changed ({golden.HINT}):\n"
                    + "".join(shown), pytrace=False)


def test_no_golden_folder_without_a_case():
    assert not golden.stale(), golden.HINT


def test_one_character_changed_in_a_demo_is_reported():
    case = golden.CASES[0]
    report = case.report()
    first = report.measures[0]
    title = first.title
    at = next(i for i, c in enumerate(title) if "ก" <= c <= "ฮ" and i > 2)
    new_char = "ข" if title[at] != "ข" else "ค"
    changed_title = title[:at] + new_char + title[at + 1:]
    measures = (dataclasses.replace(first, title=changed_title), *report.measures[1:])
    changed = golden.differences(case, golden.render(
        case, dataclasses.replace(report, measures=measures)))
    # the neutral document, the Word body and the PDF text all show it; the styles do not
    assert set(changed) == {"document.json", "document.xml", "pdf.txt"}
    for name, diff in changed.items():
        added = "".join(line for line in diff if line.startswith("+") and "+++" not in line)
        removed = "".join(line for line in diff if line.startswith("-") and "---" not in line)
        assert new_char in added and title[at] in removed, name
