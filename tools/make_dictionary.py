"""How the Thai word list and the segmentation model were made (kept as provenance).

    python tools/make_dictionary.py CORPUS_DIR     # pythainlp/corpus of the PyThaiNLP wheel
    python tools/make_dictionary.py --check        # is resources/dict/th_segment.bin current?

CORPUS_DIR comes from the PyThaiNLP 5.4.0 wheel (`pip download pythainlp==5.4.0 --no-deps`,
unzip it): its `words_th.txt` and `tnc_freq.txt` are CC0 (its corpus_license.md). Writes:
- tools/dict/words_th.txt: PyThaiNLP's word list less the nominalised compounds "การX" /
  "ความX" whose X is itself a word. With them, "มาตร|การควบคุม" and "มาตรการ|ควบคุม" are
  both two words; without them "การ" and "ความ" are words of their own, where Thai may
  break a line anyway (ICU agrees).
- tools/dict/tnc_freq_th.txt: the Thai National Corpus counts of those words (the only part
  of tnc_freq.txt we use).
- resources/dict/th_segment.bin: what the segmenter reads (itadesk/thai/segment.py): each
  word's cost, -100 ln p, with p its share of the corpus (a word the corpus never saw counts
  as seen once), and every prefix of a word that ends between grapheme clusters (cost 0).

Measured and left out (bench/bench_thai.py, ICU agreement): a cost per word on top (fewer,
longer words) and making unseen compounds a little likelier than their parts; neither
raised the agreement, and the second glued "ว่า|การ" into ว่าการ (governor).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itadesk.thai.segment import CLUSTER, THAI_RUN, read_model, write_model  # noqa: E402

WORDS = ROOT / "tools" / "dict" / "words_th.txt"
FREQS = ROOT / "tools" / "dict" / "tnc_freq_th.txt"
MODEL = ROOT / "resources" / "dict" / "th_segment.bin"
UNSEEN_COUNT = 1.0


def word_list(source: Path) -> list[str]:
    words = {w.strip() for w in source.read_text(encoding="utf-8").splitlines() if w.strip()}
    compounds = {w for w in words
                 if (w.startswith("การ") and w[3:] in words)
                 or (w.startswith("ความ") and w[4:] in words)}
    return sorted(words - compounds)


def costs(words: list[str], counts: dict[str, int]) -> dict[str, int]:
    """Word -> cost, and each cluster-boundary prefix of a word -> 0."""
    # The segmenter only ever sees runs of Thai letters (and abbreviations' dots).
    usable = [w for w in words if THAI_RUN.fullmatch(w)]
    total = sum(counts.get(w, UNSEEN_COUNT) for w in usable)
    out: dict[str, int] = {}
    for word in usable:
        ends = [m.end() for m in CLUSTER.finditer(word)]
        for end in ends[:-1]:
            out.setdefault(word[:end], 0)
        out[word] = max(1, round(-100 * math.log(counts.get(word, UNSEEN_COUNT) / total)))
    return out


def read_counts(path: Path) -> dict[str, int]:
    counts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        if count:
            counts[word] = int(count)
    return counts


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        made = write_model(costs(WORDS.read_text(encoding="utf-8").splitlines(),
                                 read_counts(FREQS)))
        if read_model(MODEL.read_bytes()) != read_model(made):
            print(f"{MODEL} is out of date: run tools/make_dictionary.py", file=sys.stderr)
            return 1
        return 0
    corpus = Path(argv[0])
    words = word_list(corpus / "words_th.txt")
    tnc = read_counts(corpus / "tnc_freq.txt")
    counts = {w: tnc[w] for w in words if w in tnc}
    WORDS.parent.mkdir(parents=True, exist_ok=True)
    WORDS.write_text("\n".join(words) + "\n", encoding="utf-8")
    FREQS.write_text("".join(f"{w}\t{c}\n" for w, c in counts.items()), encoding="utf-8")
    model = costs(words, counts)
    MODEL.write_bytes(write_model(model))
    print(f"{len(words)} words ({len(counts)} seen in the TNC), "
          f"{len(model)} keys, {MODEL.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
