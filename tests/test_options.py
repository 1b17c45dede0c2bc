"""The export options and the demo reports are named once, in the Qt-free core; the
command line and the window's dialog both read those lists."""

from __future__ import annotations

import dataclasses

from itadesk.cli import build_parser
from itadesk.demo import DEMOS, demo_path
from itadesk.document import ExportOptions
from itadesk.domain import Report
from itadesk.domain.layouts import Orientation
from itadesk.domain.memo import OLD_FORM_KEY as MEMO_FORM
from itadesk.domain.options import (
    CHOSEN,
    ORIENTATIONS,
    OWN_TO_REPORT,
    SWITCHES,
    carried_to_new_report,
    with_choices,
)


def test_every_switch_of_the_export_options_is_listed_once():
    booleans = [f.name for f in dataclasses.fields(ExportOptions) if f.type in (bool, "bool")]
    names = [s.name for s in SWITCHES]
    assert sorted(names) == sorted(booleans) and len(set(names)) == len(names)
    assert {f.name for f in dataclasses.fields(ExportOptions)} >= CHOSEN
    assert {o for o, _text in ORIENTATIONS} == {"auto", *(str(o) for o in Orientation)}
    assert MEMO_FORM in OWN_TO_REPORT


def test_the_command_line_takes_every_switch_and_orientation():
    parser = build_parser()
    for switch in SWITCHES:
        flag = switch.name.replace("_", "-")
        assert getattr(parser.parse_args(["export", "-o", "x.pdf", f"--{flag}"]),
                       switch.name) is True
        assert getattr(parser.parse_args(["export", "-o", "x.pdf", f"--no-{flag}"]),
                       switch.name) is False
    for orientation, _text in ORIENTATIONS:
        args = parser.parse_args(["export", "-o", "x.pdf", "--orientation", orientation])
        assert args.orientation == orientation
    for seed in DEMOS:
        assert parser.parse_args(["check", "--demo", seed]).demo == seed
        assert demo_path(seed).is_file()


def test_choices_keep_the_memo_and_a_new_report_leaves_it_behind():
    options = {MEMO_FORM: {"number": "ชน๕๒๐๐๖/-"}, "cover": False, "something_else": 1}
    chosen = with_choices(options, {"cover": True, "garuda_image": "/x/ครุฑ.png",
                                    "not_an_option": "x"})
    assert chosen == {MEMO_FORM: {"number": "ชน๕๒๐๐๖/-"}, "cover": True,
                      "something_else": 1, "garuda_image": "/x/ครุฑ.png"}
    assert carried_to_new_report(chosen) == {"cover": True, "something_else": 1}
    assert ExportOptions.from_report(Report(options=chosen)).cover is True
