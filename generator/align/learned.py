"""Align stage, second-pass evidence learned from the document itself.

After a first pass, the pairs the aligner is sure of (a large margin) teach three things
about *this* document, each used in a second pass as evidence of its own kind — added
to a pair's score, never exempting it from the threshold or the margin rule:

* **learned words** (`learned`): a small IBM-Model-1 table (three EM rounds) of which
  English stems translate which Chinese words, estimated from the sure pairs. It counts
  only for Chinese words the dictionary did not already match in that pair, so a word
  is never counted twice; an entry needs two sure pairs that use it.
* **between** (`between`): a Chinese and an English unit that are all that is left
  between two sure pairs (as many units on each side, at most three) are likely each
  other's translation — in a separate translation too.
* **rhythm** (`rhythm`): when nearly every sure pair is a Chinese paragraph followed
  directly by its English, a Chinese unit followed directly by an English unit is more
  likely a pair in this document — the more sure pairs show it, the more (up to
  `RHYTHM`), and only where the pair's words lean towards a translation. A document
  whose same-line or neighbouring texts are not translations (the seed) has no sure
  pairs to learn that from, and gains nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, product

from generator.align.evidence import Piece, sense_hit
from generator.model import Evidence

ROUNDS = 3
"""EM rounds of the word table."""
MIN_PROB = 0.2
"""t(English stem | Chinese word) an entry needs."""
MIN_PAIRS = 2
"""Sure pairs that must contain both words of an entry."""
MAX_SURE = 600
"""At most this many sure pairs, evenly spread over the document, teach the table (bounded time)."""
LEARNED_GAIN = 5.0
LEARNED_MAX = 2.0
"""Most the learned words can add to a pair's score."""
RHYTHM = 2.0
"""What a Chinese unit directly followed by an English unit gains in a rhythmic document with at
least `RHYTHM_FULL` sure pairs (proportionally less with fewer), when its lexicon evidence is positive."""
RHYTHM_FULL = 20
RHYTHM_WORDS = 0.5
"""Dictionary and learned word evidence a pair needs before its adjacency counts."""
RHYTHM_SURE = 3
RHYTHM_SHARE = 0.9
"""A document is rhythmic with at least `RHYTHM_SURE` sure pairs, this share of them zh-then-en."""
BETWEEN = 1.5
"""What a 1:1 pair gains when it is what is left between two sure pairs (never with rhythm too)."""
EXTRA_MAX = LEARNED_MAX + max(RHYTHM, BETWEEN)
"""The most the second pass can add to a pair's score."""


@dataclass(frozen=True)
class Learned:
    """What the sure pairs of one document taught."""

    words: dict[str, frozenset[str]]
    """Chinese word → English stems it was learned to translate to."""
    rhythm: str | None
    """Why adjacency counts in this document, or None when it does not."""
    rhythm_score: float = 0.0
    """What adjacency adds in this document."""

    @property
    def empty(self) -> bool:
        return not self.words and self.rhythm is None


NOTHING = Learned({}, None)


def learn(sure: Sequence[tuple[Piece, Piece, bool]]) -> Learned:
    """Learn from sure pairs (Chinese piece, English piece, whether the English follows the Chinese)."""
    if not sure:
        return NOTHING
    following = sum(f for _, _, f in sure)
    rhythm, strength = None, 0.0
    if len(sure) >= RHYTHM_SURE and following >= RHYTHM_SHARE * len(sure):
        rhythm = f"in this document {following} of {len(sure)} sure pairs are Chinese followed by its English"
        strength = round(RHYTHM * min(1.0, len(sure) / RHYTHM_FULL), 2)
    step = max(1, len(sure) // MAX_SURE)
    words = _table([(zh, en) for zh, en, _ in sure[::step]])
    return Learned(words, rhythm, strength)


def _table(pairs: Sequence[tuple[Piece, Piece]]) -> dict[str, frozenset[str]]:
    """IBM Model 1 t(stem | word) by EM; entries above `MIN_PROB` seen in `MIN_PAIRS` pairs."""
    data = [(sorted({u.text for u in zh.units}), sorted(set(en.stems))) for zh, en in pairs]
    seen_zh = Counter(z for zs, _ in data for z in zs)
    seen_en = Counter(e for _, es in data for e in es)
    data = [([z for z in zs if seen_zh[z] >= MIN_PAIRS], [e for e in es if seen_en[e] >= MIN_PAIRS]) for zs, es in data]
    data = [(z, e) for z, e in data if z and e]  # words seen once can never make an entry: left out
    t = _model_one(data)
    likely = {k for k, p in t.items() if p >= MIN_PROB}
    together = Counter(chain.from_iterable(product(zs, es) for zs, es in data))  # pairs with both z and e
    words: dict[str, set[str]] = defaultdict(set)
    for z, e in sorted(likely):
        if together[(z, e)] >= MIN_PAIRS:
            words[z].add(e)
    return {z: frozenset(es) for z, es in words.items()}


def _model_one(data: Sequence[tuple[list[str], list[str]]]) -> dict[tuple[str, str], float]:
    """t(e | z) for every (z, e) seen together, after `ROUNDS` EM rounds from a uniform start.

    The textbook loop (per pair, per English stem e: normalise over the pair's Chinese words z,
    then add each share to count(z, e) and total(z)) over lists indexed by number instead of dicts
    keyed by (z, e): the same additions in the same order, so the same floats, in a third of the time."""
    word = {z: i for i, z in enumerate(dict.fromkeys(z for zs, _ in data for z in zs))}
    key: dict[tuple[str, str], int] = {}
    groups = []  # per (pair, e): the numbers of its keys (z, e) and of its words z, in the pair's order
    for zs, es in data:
        words = [word[z] for z in zs]
        for e in es:
            groups.append(([key.setdefault((z, e), len(key)) for z in zs], words))
    key_word = [word[z] for z, _ in key]
    t = [1.0] * len(key)
    for _ in range(ROUNDS):
        count, total = [0.0] * len(key), [0.0] * len(word)
        for keys, words in groups:
            shares = [t[k] for k in keys]
            norm = sum(shares)
            for k, z, share in zip(keys, words, shares):
                c = share / norm
                count[k] += c
                total[z] += c
        t = [c / total[z] for c, z in zip(count, key_word)]
    return dict(zip(key, t))


def learned_evidence(
    learned: Learned, zh: Piece, en: Piece, follows: bool, lexical: float, between: str | None = None
) -> tuple[Evidence, ...]:
    """The second pass's evidence for reading `en` as the translation of `zh` (`lexical`: the
    pair's dictionary evidence; rhythm and `between` — why the pair is what is left between two
    sure pairs — count only where the words lean towards a translation)."""
    out = []
    if learned.words:
        stems = frozenset(en.stems)
        written = dict(reversed(list(zip(en.stems, en.words))))  # stem → first word written with it
        total = sum(u.weight for u in zh.units) or 1.0
        hits: dict[str, tuple[float, str]] = {}
        for u in zh.units:
            if u.text in hits or any(sense_hit(s, stems) for s in u.senses):
                continue
            found = sorted(learned.words.get(u.text, frozenset()) & stems)
            if found:
                hits[u.text] = (u.weight, written.get(found[0], found[0]))
        if hits:
            share = sum(w for w, _ in hits.values()) / total
            detail = "; ".join(f"{z} ↔ {e}" for z, (_, e) in list(hits.items())[:6])
            out.append(Evidence("learned", f"words learned from this document's sure pairs: {detail}",
                                round(min(LEARNED_MAX, LEARNED_GAIN * share), 2)))
    words = lexical + sum(e.score for e in out) >= RHYTHM_WORDS
    if learned.rhythm and follows and words:
        out.append(Evidence("rhythm", learned.rhythm, learned.rhythm_score))
    elif between and words:
        out.append(Evidence("between", between, BETWEEN))
    return tuple(out)
