"""Thai word segmentation: the most probable words, by the Thai National Corpus.

Thai is written without spaces between words, so we find the words ourselves. A dynamic
programme over PyThaiNLP's CC0 word list picks, for each run of Thai letters, the cutting
into dictionary words of highest unigram probability, with word frequencies from the Thai
National Corpus (PyThaiNLP's `tnc_freq.txt`, CC0). Maximal matching (the fewest words, as
nlpO3 and PyThaiNLP's newmm do) cannot tell "วัฒนธรรม|การ" from "วัฒน|ธรรมการ" (both are two
words); frequencies can. Letters no dictionary word covers are kept together as one
unknown word, as few of them as possible.

The model (resources/dict/th_segment.bin, made by tools/make_dictionary.py) maps every word
and every prefix of a word that ends between grapheme clusters to the word's cost, -100 ln
p, or 0 for a prefix that is no word; so the programme walks from each cluster as far as
some word goes and no further. It loads in about as long as nlpO3's dictionary did, when
the first word is asked for.
"""

from __future__ import annotations

import array
import re
import struct
import sys
import threading
import zlib
from functools import lru_cache
from itertools import accumulate

from ..paths import resource

# Marks that belong to the letter before them, and vowels written before their consonant.
MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
                  "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
LEADING_VOWELS = frozenset("เแโใไ")
# Vowels written after their consonant that no word begins with (ะ า ำ ๅ).
FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")

# One grapheme cluster as Thai line breaking needs it: a letter with its marks and the
# vowels after it, a leading vowel with whatever follows it. Any other character stands alone.
CLUSTER = re.compile(r"(?:[เแโใไ]+.?|.)[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]*", re.S)
# A run of Thai letters (no digits, no ฿), with the dots of abbreviations (พ.ศ.).
THAI_RUN = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e][\u0e01-\u0e3a\u0e40-\u0e4e.]*")
_THAI_CHAR = re.compile(r"[\u0e01-\u0e5b]")
# Everything else: spaces, numbers (with their separators), Latin words, a character
# repeated (a line of dots), any other character alone.
_OTHER = re.compile(r"\s+|[0-9๐-๙]+(?:[.,:/][0-9๐-๙]+)*|[A-Za-z]+(?:-[A-Za-z]+)*|(.)\1*", re.S)

MODEL_MAGIC = b"ITADESK-TH-SEGMENT 1\n"
UNKNOWN_COST = 1_000_000  # per cluster no word covers: far above any run of words
DOT_COST = 1000  # a dot outside any abbreviation of the dictionary

_lock = threading.Lock()
_model: dict[str, int] | None = None


def read_model(data: bytes) -> dict[str, int]:
    """The model file: magic, count, costs (uint16 LE), then the keys (zlib, UTF-8, "\\n")."""
    if not data.startswith(MODEL_MAGIC):
        raise ValueError("not an ITA Desk Thai segmentation model")
    (count,) = struct.unpack_from("<I", data, len(MODEL_MAGIC))
    start = len(MODEL_MAGIC) + 4
    costs = array.array("H")
    costs.frombytes(data[start : start + 2 * count])
    if sys.byteorder == "big":
        costs.byteswap()
    keys = zlib.decompress(data[start + 2 * count :]).decode("utf-8").split("\n")
    if len(keys) != count:
        raise ValueError("Thai segmentation model is damaged")
    return dict(zip(keys, costs, strict=True))


def write_model(costs: dict[str, int]) -> bytes:
    keys = sorted(costs)
    values = array.array("H", (costs[k] for k in keys))
    if sys.byteorder == "big":
        values.byteswap()
    return (MODEL_MAGIC + struct.pack("<I", len(keys)) + values.tobytes()
            + zlib.compress("\n".join(keys).encode("utf-8"), 9))


def model() -> dict[str, int]:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                path = resource("dict", "th_segment.bin")
                if not path.is_file():
                    raise FileNotFoundError(f"Thai word model missing: {path}")
                _model = read_model(path.read_bytes())
    return _model


def is_thai(ch: str) -> bool:
    return bool(_THAI_CHAR.match(ch))


def words(text: str) -> list[str]:
    """The text cut into words; spaces, numbers and punctuation come back as tokens of
    their own. Joining the result gives the text back unchanged."""
    return segmentation(text)[0]


def segmentation(text: str) -> tuple[list[str], set[int]]:
    """The words (as `words`), and the offsets between two of them that lie inside some
    other dictionary word ("ช่องทาง|การ" inside "ทางการ"): places a reader, or another
    segmenter, may see as no boundary at all."""
    out: list[str] = []
    doubtful: set[int] = set()
    pos = 0
    for run in THAI_RUN.finditer(text):
        if run.start() > pos:
            out.extend(_others(text[pos : run.start()]))
        tokens, inside = _thai_words(run.group())
        out.extend(tokens)
        doubtful.update(run.start() + at for at in inside)
        pos = run.end()
    if pos < len(text):
        out.extend(_others(text[pos:]))
    return out, doubtful


def _others(text: str) -> list[str]:
    return [m.group() for m in _OTHER.finditer(text)]


@lru_cache(maxsize=20_000)
def _thai_words(run: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The most probable words of one run of Thai letters, and which of the offsets
    between them some other word spans."""
    ends, _, back, reach = viterbi(run, model())
    n = len(ends)
    tokens: list[str] = []
    cuts: list[int] = []
    glued = False  # the token to the right is unknown letters or dots, to join like ones
    m = n
    while m:
        k = back[m]
        unknown = k < 0
        if unknown:
            k = ~k
        token = run[ends[k - 1] if k else 0 : ends[m - 1]]
        if unknown and glued and (token == ".") == (tokens[-1][0] == "."):
            tokens[-1] = token + tokens[-1]
            cuts[-1] = k
        else:
            tokens.append(token)
            cuts.append(k)
        glued = unknown
        m = k
    tokens.reverse()
    if len(tokens) < 2:
        return tuple(tokens), ()
    # a cut at cluster k is spanned if a word starting before k reaches beyond it
    furthest = list(accumulate(reach, max))
    spanned = tuple(ends[k - 1] for k in reversed(cuts[:-1]) if furthest[k - 1] > k)
    return tuple(tokens), spanned


def viterbi(run: str, costs: dict[str, int], whole: bool = True
            ) -> tuple[list[int], list[int], list[int], list[int]]:
    """The dynamic programme over the clusters of `run`: cluster ends, the best cost of
    each prefix (in clusters), where its last word starts (~k: cluster k alone, unknown),
    and how far (in clusters) the longest word starting at each cluster reaches. Without
    `whole`, the run itself is no word (to cut a word into the words it is made of)."""
    ends = list(accumulate(map(len, CLUSTER.findall(run))))
    n = len(ends)
    get = costs.get
    best = [0] + [sys.maxsize] * n
    back = [0] * (n + 1)
    reach = [0] * n
    start = 0
    for k in range(n):
        here = best[k]
        far = 0
        # a word from cluster k to cluster m, for every m some word reaches
        for m in range(k, n if whole or k else n - 1):
            cost = get(run[start : ends[m]])
            if cost is None:
                break
            if cost:
                far = m + 1
                cost += here
                if cost < best[far]:
                    best[far] = cost
                    back[far] = k
        reach[k] = far
        # or cluster k alone, unknown (a dot: punctuation)
        cost = here + (DOT_COST if run[start] == "." else UNKNOWN_COST)
        if cost < best[k + 1]:
            best[k + 1] = cost
            back[k + 1] = ~k
        start = ends[k]
    return ends, best, back, reach


def parts(word: str) -> list[str]:
    """A word cut into the words it is made of ("การบริหารงานบุคคล" -> การ|บริหาร|งาน|
    บุคคล), for a word too wide for its line; [word] if it is no compound of words."""
    if not THAI_RUN.fullmatch(word):
        return [word]
    ends, best, back, _ = viterbi(word, model(), whole=False)
    if best[-1] >= UNKNOWN_COST:
        return [word]
    cuts = []
    m = len(ends)
    while m:
        m = back[m] if back[m] >= 0 else ~back[m]
        cuts.append(ends[m - 1] if m else 0)
    cuts.reverse()
    return [word[a:b] for a, b in zip(cuts, [*cuts[1:], len(word)], strict=True)]


def is_word(text: str) -> bool:
    """Whether the text is one word of the dictionary."""
    return model().get(text, 0) > 0


def dictionary_words() -> list[str]:
    """Every word of the dictionary (for tests and checks)."""
    return [w for w, cost in model().items() if cost]
