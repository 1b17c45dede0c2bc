"""Our Thai line breaks in the exported PDF, judged by ICU's Thai line breaker (issue 16):
each demo report, and a corpus of 200,000 characters made from their text."""

from __future__ import annotations

import pytest

from .thai_breaks import DEMOS, FIELDS, corpus, demo, judge, judge_available
from .thai_breaks import words_split_that_fitted as split_words

pytestmark = pytest.mark.skipif(not judge_available(),
                                reason="needs Debian's python3-icu and poppler-utils")


@pytest.mark.parametrize("name", DEMOS)
def test_demo_pdf_breaks_where_icu_does(name, tmp_path):
    report = demo(name)
    verdict = judge(report, tmp_path, name)
    print(f"{name}: ICU agrees with {verdict.agreed} of {verdict.joins} Thai line joins")
    assert verdict.joins > 100
    assert verdict.agreement >= 0.995, verdict.examples
    assert verdict.cluster_breaks == 0, verdict.examples
    assert split_words(report) == []


@pytest.mark.slow  # the whole corpus; the demos' reports above are the quick guard
def test_corpus_breaks_where_icu_does(tmp_path):
    joins = agreed = clusters = chars = 0
    split: list[str] = []
    examples: list[str] = []
    for report in corpus():
        chars += sum(len(m.get(f)) for m in report.measures for f in FIELDS)
        verdict = judge(report, tmp_path, report.layout)
        joins, agreed = joins + verdict.joins, agreed + verdict.agreed
        clusters += verdict.cluster_breaks
        examples.extend(verdict.examples)
        split.extend(split_words(report))
    print(f"corpus of {chars:,} characters: ICU agrees with {agreed} of {joins} Thai line joins")
    assert chars >= 200_000
    assert agreed / joins >= 0.995, examples
    assert clusters == 0, examples
    assert split == []
