"""How resources/dict/words_th.txt was made (kept as provenance).

    python tools/make_dictionary.py WORDS_TH_TXT resources/dict/words_th.txt

(WORDS_TH_TXT: pythainlp/corpus/words_th.txt from the PyThaiNLP 5.4.0 wheel.)

PyThaiNLP's CC0 word list, less the nominalised compounds "การX" / "ความX" whose X is itself
a word. With them, maximal matching ties between "มาตร|การควบคุม" and "มาตรการ|ควบคุม" and
sometimes picks the first, which breaks a line inside "มาตรการ"; without them "การ" and
"ความ" are words of their own, where Thai may break a line anyway (ICU agrees).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(source: Path, target: Path) -> None:
    words = {w.strip() for w in source.read_text(encoding="utf-8").splitlines() if w.strip()}
    compounds = {w for w in words
                 if (w.startswith("การ") and w[3:] in words)
                 or (w.startswith("ความ") and w[4:] in words)}
    target.write_text("\n".join(sorted(words - compounds)) + "\n", encoding="utf-8")
    print(f"{len(words)} words, {len(compounds)} compounds left out, "
          f"{len(words) - len(compounds)} written")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
