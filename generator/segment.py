"""Keywords stage support: the one place jieba is loaded and configured.

jieba costs about a second to load its dictionary, so nothing here runs at
import time. The first call to `tokenizer()` builds, once per process, a
private `jieba.Tokenizer` with the policy user dictionary (`data/userdict.txt`);
the aligner's lexicon and the keywords stage share it. `stop_words()` is the
policy stop list (`data/stopwords.txt`) and `reference_idf()` jieba's IDF table,
each read once. `cut` gives the words jieba's `Tokenizer.cut` gives, faster (its
route search without generators, tuples and repeated look-ups). jieba's global
tokenizer `jieba.dt` is never touched; the only
process-wide setting changed is the level of jieba's logger, so that its "Building prefix
dict" chatter does not mix with build diagnostics.
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import cache
from math import log
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    import jieba

DATA_DIR = Path(__file__).parent / "data"
USER_DICT = DATA_DIR / "userdict.txt"
STOP_WORDS = DATA_DIR / "stopwords.txt"

# One user-dictionary line: `word [freq] [tag]`, the format jieba documents.
_USER_DICT_LINE = re.compile(r"^(?P<word>\S+)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[a-z]+))?$")


def read_word_list(path: Path) -> tuple[str, ...]:
    """Words of a data file, one a line; blank lines and `#` comments are skipped."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            words.append(text)
    return tuple(words)


def read_user_dict(path: Path) -> tuple[tuple[str, int | None, str | None], ...]:
    """Entries `(word, freq, tag)` of a jieba user dictionary; comments allowed."""
    entries = []
    for number, text in enumerate(read_word_list(path), start=1):
        match = _USER_DICT_LINE.match(text)
        if match is None:
            raise ValueError(f"{path}: entry {number} {text!r} is not `word [freq] [tag]`")
        freq = int(match["freq"]) if match["freq"] else None
        entries.append((match["word"], freq, match["tag"]))
    return tuple(entries)


@cache
def tokenizer() -> jieba.Tokenizer:
    """The policy tokenizer: jieba's default dictionary plus the policy user dictionary."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    result = jieba.Tokenizer()
    result.initialize()
    for word, freq, tag in read_user_dict(USER_DICT):
        # Without a frequency jieba computes one that keeps the word whole.
        result.add_word(word, freq, tag)
    return result


@cache
def stop_words() -> frozenset[str]:
    """jieba's English stop words and the policy stop list (`data/stopwords.txt`)."""
    analyse = _jieba_analyse()
    return frozenset(analyse.TFIDF.STOP_WORDS) | frozenset(read_word_list(STOP_WORDS))


@cache
def reference_idf() -> tuple[dict[str, float], float]:
    """jieba's reference IDF table (word → IDF, from its large general corpus) and its median.

    It is read once per process (about 0.4 s) from the file jieba ships; the keywords
    stage uses it as the prior of its corpus-wide IDF.
    """
    default = _jieba_analyse().default_tfidf
    return default.idf_freq, default.median_idf


def _jieba_analyse():  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        # jieba 0.42.1 reads idf.txt without closing it; that ResourceWarning is jieba's, not ours.
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba.analyse
    return jieba.analyse


def cut(text: str) -> list[str]:
    """`text` cut into words by the policy tokenizer: the words of `tokenizer().cut(text)`
    (jieba's accurate mode with its HMM for unknown words), in two thirds of jieba's time.

    jieba 0.42.1's own steps, in its order and with its arithmetic (`tests/test_segment.py`
    compares the two on every fixture): runs of Chinese, Latin letters and digits are cut
    on the dictionary's best route (`_route`), the characters left over between words are
    given to its HMM (`finalseg`); anything else is split into whitespace and single characters."""
    import jieba

    jieba_tokenizer = tokenizer()
    words: list[str] = []
    for block in jieba.re_han_default.split(text):
        if not block:
            continue
        if jieba.re_han_default.match(block):
            words.extend(_cut_run(block, jieba_tokenizer.FREQ, log(jieba_tokenizer.total)))
        else:
            for part in jieba.re_skip_default.split(block):
                if jieba.re_skip_default.match(part):
                    words.append(part)
                else:
                    words.extend(part)
    return words


def _cut_run(run: str, freq: dict[str, int], logtotal: float) -> list[str]:
    """jieba's `__cut_DAG`: the dictionary's best route, single characters between words gathered
    and, unless they form a dictionary word, handed to the HMM."""
    ends = _route(run, freq, logtotal)
    words: list[str] = []
    x, n, loose = 0, len(run), ""
    while x < n:
        y = ends[x] + 1
        if y - x == 1:
            loose += run[x]
        else:
            if loose:
                words.extend(_loose(loose, freq))
                loose = ""
            words.append(run[x:y])
        x = y
    if loose:
        words.extend(_loose(loose, freq))
    return words


def _loose(chars: str, freq: dict[str, int]) -> list[str]:
    from jieba import finalseg

    if len(chars) == 1:
        return [chars]
    return list(finalseg.cut(chars)) if not freq.get(chars) else list(chars)


def _route(run: str, freq: dict[str, int], logtotal: float) -> list[int]:
    """jieba's `get_DAG` and `calc` in one pass from the end: for each position, where the best
    word starting there ends. A word scores log(frequency / total) plus the best score after it;
    ties go to the longer word; a character that starts no word is a word of frequency 1. The
    inner loop stops where the fragment is no longer a prefix of a word (jieba keeps every
    prefix with frequency 0): the work is linear in the run's length."""
    lookup, n = freq.get, len(run)
    score: list[float] = [0] * (n + 1)  # type: ignore[list-item]  # jieba's route[N] = (0, 0)
    ends = list(range(n + 1))
    firsts = list(map(lookup, run))
    for k in range(n - 1, -1, -1):
        best, i, found = None, k, firsts[k]
        while found is not None:
            if found:
                candidate = log(found) - logtotal + score[i + 1]
                if best is None or candidate >= best:
                    best, ends[k] = candidate, i
            i += 1
            if i == n:
                break
            found = lookup(run[k:i + 1])
        score[k] = 0.0 - logtotal + score[k + 1] if best is None else best
    return ends
