"""Keywords stage support: the one place jieba is loaded and configured.

jieba costs about a second to load its dictionary, so nothing here runs at
import time. The first call to `tokenizer()` builds, once per process, a
private `jieba.Tokenizer` with the policy user dictionary (`data/userdict.txt`);
the aligner's lexicon and the keywords stage share it. `stop_words()` is the
policy stop list (`data/stopwords.txt`) and `reference_idf()` jieba's IDF table,
each read once. jieba's global tokenizer `jieba.dt` is never touched; the only
process-wide setting changed is the level of jieba's logger, so that its "Building prefix
dict" chatter does not mix with build diagnostics.
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import cache
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
    """`text` cut into words by the policy tokenizer."""
    return list(tokenizer().cut(text))
