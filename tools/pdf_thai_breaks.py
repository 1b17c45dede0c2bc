#!/usr/bin/python3
# ruff: noqa  (kept as the shared tool is, to compare with it line for line)
"""Judge a PDF's Thai line breaks with ICU (run with Debian's python3, which has PyICU).

A copy of the project's shared tool `pdf-thai-breaks` (../shared/tools), kept here so that
the tests and bench/bench_thai_breaks.py have it on a clean clone.

Reads `pdftotext -bbox-layout` XHTML. Words of a printed line are cut into segments at
horizontal gaps > 8 pt (table columns); a segment continues in the next segment below it
that overlaps it horizontally and sits within 1.15 x the page's usual line pitch. Where one
ends in Thai and the next begins in Thai (and the next is not a list item), the join must be
an ICU line-break opportunity (or a space in the source text, argv[2], where given) and never
inside a cluster. pdftotext's own blocks merge neighbouring table columns, so they are not used.
Prints: joins, agreed, cluster breaks; then a few examples of disagreement.
"""
import html
import re
import statistics
import sys

import icu

MARKS = set(chr(c) for c in [0x0E31] + list(range(0x0E34, 0x0E3B)) + list(range(0x0E47, 0x0E4F)))
LEADING = set("เแโใไ")
THAI = re.compile(r"[\u0E01-\u0E5B]")
DIGIT = re.compile(r"[0-9\u0E50-\u0E59]")
LIST_ITEM = re.compile(r"([๐-๙0-9]+[.)]|\([๐-๙0-9]+\)|[-•●▪])")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)


def page_segments(page_xml):
    segs = []
    for line in re.findall(r"<line[^>]*>(.*?)</line>", page_xml, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(t).replace("\u0e4d\u0e32", "\u0e33"))
                 for a, b, c, d, t in WORD.findall(line)]
        if not words:
            continue
        cur = [words[0]]
        for w in words[1:]:
            if w[0] - cur[-1][2] > 8:
                segs.append(cur)
                cur = [w]
            else:
                cur.append(w)
        segs.append(cur)
    return [(s[0][0], s[0][1], max(w[2] for w in s), " ".join(w[4] for w in s)) for s in segs]


def joins_of(segs):
    """(upper, lower) text pairs of consecutive lines of one column or paragraph."""
    gaps = []
    for a in segs:
        below = [b[1] - a[1] for b in segs if 0 < b[1] - a[1] < 40 and min(a[2], b[2]) - max(a[0], b[0]) > 0]
        if below:
            gaps.append(min(below))
    if not gaps:
        return
    pitch = statistics.median(gaps)
    for a in segs:
        cands = [b for b in segs if 0 < b[1] - a[1] <= pitch * 1.15
                 and min(a[2], b[2]) - max(a[0], b[0]) > 0.3 * min(a[2] - a[0], b[2] - b[0])]
        if cands:
            b = min(cands, key=lambda b: (b[1], abs(b[0] - a[0])))
            yield a[3], b[3]


def main():
    xhtml = open(sys.argv[1], encoding="utf-8").read()
    source = ""
    if len(sys.argv) > 2:
        source = " ".join(re.sub(r"<[^>]*>", " ", open(sys.argv[2], encoding="utf-8").read()).split())
    bi = icu.BreakIterator.createLineInstance(icu.Locale("th"))
    joins = agree = clusters = 0
    examples = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", xhtml, re.S):
        for a, b in joins_of(page_segments(page)):
            a, b = a.rstrip(), b.lstrip()
            if not a or not b or not THAI.match(a[-1]) or not THAI.match(b[0]) or LIST_ITEM.match(b):
                continue
            if DIGIT.match(a[-1]) or DIGIT.match(b[0]):
                continue  # ICU never breaks between digits and letters (UAX #14), Thai usage does
            joins += 1
            if b[0] in MARKS or a[-1] in LEADING or b[0] in "ๆฯ":
                clusters += 1
                examples.append(f"cluster: …{a[-12:]}|{b[:12]}…")
                continue
            left = a.split(" ")[-1][-20:]
            right = b.split(" ")[0][:20]
            bi.setText(left + right)
            if len(left) in set(bi) or (source and f"{left} {right}" in source):
                agree += 1
            elif len(examples) < 8:
                examples.append(f"mid-word: …{left}|{right}…")
    print(joins, agree, clusters)
    for e in examples[:8]:
        print(e)


if __name__ == "__main__":
    main()
