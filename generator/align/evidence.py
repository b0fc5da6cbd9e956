"""Align stage, evidence: how strongly a Chinese piece and an English piece look like translations.

A *piece* is one block, or two adjacent blocks of the same language read as
one (for 2:1 and 1:2 rows). The checks are ones a reader could repeat, each
returned as a `model.Evidence` with its score (negative when it speaks against
the pairing): `form_evidence` (numbers, numbering, length ratio, adjacency,
kinds; cheap) and `content_evidence` (titles, lexical overlap through the
lexicon, and for 2:1/1:2 whether the second part earns its place); `score_pair`
does both. The weights are calibrated on the tuning documents of the labelled
set in `tests/align_set/` (see `scripts/eval_align.py`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from generator.align.lexicon import Lexicon, Unit, en_stems, en_words, normalize, stem
from generator.align.numbers import Numbering, Quantities, en_quantities, numbering, zh_quantities
from generator.model import Block, Evidence
from generator.text import HAN, LEVELS
from generator.text import numbering as find_numbering

FORMAL_KINDS = frozenset({"doc_number", "signature", "date", "note", "attachments", "addressee"})
LENGTH_MEAN = 1.55
"""Mean of ln(English chars / Chinese chars) over the labelled pairs (English ≈ 4.7× Chinese)."""
LENGTH_SD = 0.35
"""Its spread (measured 0.16, widened for other translators); short pieces count less (see `_length`)."""
LEXICON_BASE = 0.35
"""Lexical similarity above what unrelated pieces of one document reach (measured up to ~0.5): scores 0."""
LEXICON_GAIN = 10.0
LEXICON_TRUST = 8.0
"""Weight of known Chinese words at which lexical evidence counts fully (one glossary term or so)."""
MERGE_GAIN = 0.1
"""Coverage a second block must add to the single side for a 2:1 or 1:2 pair to be worth it."""

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_EN_DATE = re.compile(rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\.?|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\.?")
_ZH_TITLE = re.compile(r"《([^》]+)》")
_EN_TITLE = re.compile(r"(?<!\*)\*([^*\n]+)\*(?!\*)|[“\"]([^”\"\n]+)[”\"]")


@dataclass(frozen=True)
class Piece:
    """What the aligner needs to know about one block or two adjacent blocks of one language."""

    blocks: tuple[Block, ...]
    kind: str
    """The first block's kind; an English paragraph that is only a date counts as a `date`."""
    lang: str
    """`zh` (including `mul`) or `en`."""
    numbering: Numbering | None
    quantities: Quantities
    titles: tuple[str, ...]
    """Titles cited: `《…》` (Chinese), `*…*` or a quoted Title Case phrase (English)."""
    title_terms: tuple[tuple[Unit, ...], ...] | tuple[tuple[str, ...], ...]
    """Per title: its lexicon units (Chinese) or stems (English)."""
    size: int
    """Non-space characters (Chinese) or characters (English) of the text after its label."""
    cjk: int
    """Chinese characters in the text (what the length check trusts)."""
    units: tuple[Unit, ...]
    """Chinese: lexicon units of the text. English: empty."""
    stems: tuple[str, ...]
    """English: content-word stems. Chinese: empty."""
    words: tuple[str, ...]
    """English: the content words the stems come from, as written (for evidence details)."""
    reach: frozenset[str]
    """Chinese: every stem any unit could translate to. English: the set of `stems`."""


def _kind(block: Block) -> str:
    if block.lang == "en" and block.kind == "paragraph" and _EN_DATE.fullmatch(block.text.strip()):
        return "date"
    return block.kind


def _block_numbering(block: Block, text: str, lang: str) -> tuple[Numbering | None, str]:
    """The label the reader set (its level read from the label itself, on `LEVELS`), else the text's."""
    parsed, rest = numbering(text, lang)
    if block.ordinal is not None and block.number is not None:
        found = find_numbering(block.number, lang, whole=True)
        level = found.level if found is not None else parsed.level if parsed is not None else block.level or 0
        label = Numbering(level=level, ordinal=block.ordinal, label=block.number)
        rest = text.lstrip()[len(block.number) :] if text.lstrip().startswith(block.number) else rest
        return label, rest
    return parsed, rest


def _en_titles(raw: str) -> tuple[str, ...]:
    found = (a or b for a, b in _EN_TITLE.findall(raw))
    return tuple(t for t in found if t and (re.search(r"\d", t) or sum(w[:1].isupper() for w in t.split()) >= 2))


def make_piece(block: Block, lexicon: Lexicon) -> Piece:
    """The piece made of one block."""
    lang = "en" if block.lang == "en" else "zh"
    label, raw = _block_numbering(block, block.text, lang)
    text = normalize(raw)
    if lang == "en":
        words = en_words(text)
        stems = tuple(stem(w) for w in words)
        titles = _en_titles(raw)
        return Piece(
            blocks=(block,),
            kind=_kind(block),
            lang=lang,
            numbering=label,
            quantities=en_quantities(text),
            titles=titles,
            title_terms=tuple(en_stems(t) for t in titles),
            size=len(text.strip()),
            cjk=0,
            units=(),
            stems=stems,
            words=words,
            reach=frozenset(stems),
        )
    units = lexicon.units(text)
    titles = tuple(normalize(t) for t in _ZH_TITLE.findall(raw))
    return Piece(
        blocks=(block,),
        kind=block.kind,
        lang=lang,
        numbering=label,
        quantities=zh_quantities(text),
        titles=titles,
        title_terms=tuple(lexicon.units(t) for t in titles),
        size=len(re.sub(r"\s", "", text)),
        cjk=len(HAN.findall(text)),
        units=units,
        stems=(),
        words=(),
        reach=frozenset(s for u in units for s in u.reach),
    )


def join(first: Piece, second: Piece) -> Piece:
    """Two adjacent pieces of one language read as one (the second's own label is kept in its text)."""
    strong = {**second.quantities.strong, **first.quantities.strong}
    quantities = Quantities(strong=strong, weak={**second.quantities.weak, **first.quantities.weak})
    return Piece(
        blocks=first.blocks + second.blocks,
        kind=first.kind,
        lang=first.lang,
        numbering=first.numbering,
        quantities=quantities,
        titles=first.titles + second.titles,
        title_terms=first.title_terms + second.title_terms,  # type: ignore[operator]
        size=first.size + second.size,
        cjk=first.cjk + second.cjk,
        units=first.units + second.units,
        stems=first.stems + second.stems,
        words=first.words + second.words,
        reach=first.reach | second.reach,
    )


@dataclass(frozen=True)
class Overlap:
    """Lexical overlap of a Chinese and an English piece."""

    known: float
    """Total weight of the Chinese words the lexicon knows."""
    zh_cover: float
    """Weighted share of the Chinese words (those the lexicon knows) whose translation the English uses."""
    en_cover: float
    """Share of the English content words accounted for by some Chinese word."""
    matches: tuple[tuple[str, str], ...]
    """(Chinese word, English stem(s)) pairs found, heaviest first."""
    glossary: tuple[str, ...]
    """Glossary terms found translated."""

    @property
    def similarity(self) -> float:
        total = self.zh_cover + self.en_cover
        return 0.0 if total == 0 else 2 * self.zh_cover * self.en_cover / total


def sense_hit(sense: tuple[str, ...], stems: frozenset[str]) -> bool:
    """Whether the English stems use this rendering (all its words; one may miss in a long one)."""
    hits = sum(s in stems for s in sense)
    return hits == len(sense) or (len(sense) >= 3 and hits >= len(sense) - 1)


def overlap(units: tuple[Unit, ...], stems: tuple[str, ...]) -> Overlap:
    """How much of `units` (Chinese) and `stems` (English) account for each other."""
    stem_set = frozenset(stems)
    known = covered = 0.0
    used: set[str] = set()
    matches: list[tuple[float, str, str]] = []
    glossary: list[str] = []
    for unit in units:
        if not unit.senses:
            continue
        known += unit.weight
        hit = [] if unit.reach.isdisjoint(stem_set) else [s for s in unit.senses if sense_hit(s, stem_set)]
        if hit:
            covered += unit.weight
            used.update(s for sense in hit for s in sense)
            matches.append((unit.weight, unit.text, " ".join(hit[0])))
            if unit.glossary:
                glossary.append(unit.text)
    en_cover = sum(s in used for s in stems) / len(stems) if stems else 0.0
    ranked = tuple((zh, en) for _, zh, en in sorted(matches, key=lambda m: -m[0]))
    zh_cover = covered / known if known else 0.0
    return Overlap(known, zh_cover, en_cover, tuple(dict.fromkeys(ranked)), tuple(dict.fromkeys(glossary)))


def _numbers(zh: Piece, en: Piece) -> Evidence | None:
    zq, eq = zh.quantities, en.quantities
    agree = [f"{zh_s} ↔ {eq.surface(v)}" for v, zh_s in zq.strong.items() if v in eq.values]
    agree += [f"{zq.surface(v)} ↔ {en_s}" for v, en_s in eq.strong.items() if v in zq.values and v not in zq.strong]
    missing = [f"{s} not in English" for v, s in zq.strong.items() if v not in eq.values]
    missing += [f"{s} not in Chinese" for v, s in eq.strong.items() if v not in zq.values]
    if not agree and not missing:
        return None
    complete = not missing and len(agree) >= 3
    score = min(3.2, 0.8 * len(agree)) + 1.0 * complete - min(6.0, 2.0 * len(missing))
    return Evidence("numbers", "; ".join(agree + missing), round(score, 2))


def _title_found(title_units: tuple[Unit, ...], title_stems: tuple[str, ...]) -> bool:
    o = overlap(title_units, title_stems)
    return max(o.zh_cover, o.en_cover) >= 0.5 and min(o.zh_cover, o.en_cover) >= 0.3


def _titles(zh: Piece, en: Piece) -> Evidence | None:
    if not zh.titles and not en.titles:
        return None
    zh_units: tuple[tuple[Unit, ...], ...] = zh.title_terms  # type: ignore[assignment]
    en_stem: tuple[tuple[str, ...], ...] = en.title_terms  # type: ignore[assignment]
    agree, missing, pending = [], [], list(range(len(en.titles)))
    for zt, zu in zip(zh.titles, zh_units):
        j = next((j for j in pending if _title_found(zu, en_stem[j])), None)
        if j is not None:
            pending.remove(j)
            agree.append(f"《{zt}》 ↔ {en.titles[j]}")
        elif overlap(zu, en.stems).zh_cover < 0.6:
            missing.append(f"《{zt}》 not in English")
    for j in pending:
        if overlap(zh.units, en_stem[j]).en_cover < 0.6:
            missing.append(f"{en.titles[j]} not in Chinese")
    if not agree and not missing:
        return None
    score = min(2.0, 1.0 * len(agree)) - min(4.5, 1.5 * len(missing))
    return Evidence("titles", "; ".join(agree + missing), round(score, 2))


def _numbering(zh: Piece, en: Piece) -> Evidence | None:
    a, b = zh.numbering, en.numbering
    if a is None and b is None:
        return None
    if a is None or b is None:
        detail = f"{a.label if a else b.label if b else ''} has no counterpart"
        return Evidence("numbering", detail, -1.0)
    if a.ordinal != b.ordinal:
        return Evidence("numbering", f"{a.label} ≠ {b.label}", -3.0)
    same_level = a.level == b.level or {a.level, b.level} == {LEVELS["outline-2"], LEVELS["outline-4"]}
    score = 1.0 + 0.5 * same_level + 0.5 * (same_level and zh.kind == en.kind == "heading")
    return Evidence("numbering", f"{a.label} ↔ {b.label}", score)


def _length(zh: Piece, en: Piece) -> Evidence:
    ratio = en.size / max(zh.size, 1)
    z = (math.log(max(ratio, 0.01)) - LENGTH_MEAN) / LENGTH_SD
    trust = min(1.0, zh.cjk / 40)
    score = max(-4.0, 0.5 - 0.5 * z * z) * trust
    return Evidence("length", f"{en.size} English / {zh.size} Chinese chars = {ratio:.1f}", round(score, 2))


def _lexicon(o: Overlap, en: Piece) -> list[Evidence]:
    if o.known == 0:
        return []
    written = dict(reversed(list(zip(en.stems, en.words))))  # stem → first word written with it
    shown = "; ".join(f"{zh} ↔ {' '.join(written.get(s, s) for s in e.split())}" for zh, e in o.matches[:6])
    detail = f"{o.zh_cover:.0%} of Chinese, {o.en_cover:.0%} of English covered" + (f": {shown}" if shown else "")
    trust = min(1.0, o.known / LEXICON_TRUST)
    out = [Evidence("lexicon", detail, round(trust * LEXICON_GAIN * (o.similarity - LEXICON_BASE), 2))]
    if o.glossary:
        out.append(Evidence("glossary", "; ".join(o.glossary), 0.0))
    return out


def compatible(zh: Piece, en: Piece) -> bool:
    """Whether the kinds allow pairing at all: heading with heading, title with title, no `mul` tables."""
    if any(b.lang == "mul" for b in zh.blocks):
        return False
    zk, ek = zh.kind, en.kind
    if "heading" in (zk, ek) or "title" in (zk, ek) or "table" in (zk, ek):
        return zk == ek
    if zk in FORMAL_KINDS:
        return ek == zk or (ek == "paragraph" and en.size <= max(60, 8 * zh.size))
    return ek not in FORMAL_KINDS


def _merge(whole: Overlap, zh: Piece, overlaps: tuple[Overlap, ...]) -> Evidence:
    """2:1 / 1:2: each part must be translated, and the second must explain what the first does not.

    Only ever against (≤ 0): that joining is justified says nothing about being a translation."""
    if len(zh.blocks) == 2:
        gain = whole.en_cover - max(o.en_cover for o in overlaps)
        support, side = min(o.zh_cover for o in overlaps), "English"
    else:
        gain = whole.zh_cover - max(o.zh_cover for o in overlaps)
        support, side = min(o.en_cover for o in overlaps), "Chinese"
    score = min(0.0, 10 * (min(gain, 0.3) - MERGE_GAIN) + 4 * (support - 0.5))
    detail = f"joining adds {gain:.0%} of the {side} covered; the weaker part is {support:.0%} covered"
    return Evidence("merge", detail, round(score, 2))


CONTENT_MAX = LEXICON_GAIN * (1 - LEXICON_BASE) + 2.0 + 10 * (0.3 - MERGE_GAIN) + 4 * 0.5
"""The most that titles, lexicon and merge evidence together can add (to skip hopeless pairs early)."""


def form_evidence(zh: Piece, en: Piece, adjacent: bool) -> tuple[Evidence, ...]:
    """The cheap checks: numbers, numbering, length ratio, adjacency, kinds."""
    found = [_numbers(zh, en), _numbering(zh, en), _length(zh, en)]
    if adjacent:
        found.append(Evidence("position", "adjacent in the source", 0.3))
    if zh.kind != en.kind:
        found.append(Evidence("kind", f"{zh.kind} ↔ {en.kind}", -0.5))
    return tuple(e for e in found if e is not None)


def content_evidence(zh: Piece, en: Piece, o: Overlap, parts: tuple[Overlap, ...] = ()) -> tuple[Evidence, ...]:
    """Titles and lexical overlap `o` (= `overlap(zh.units, en.stems)`); for a 2:1 or 1:2 pair,
    `parts` holds the overlaps of its two parts with the single side."""
    found = [_titles(zh, en), *_lexicon(o, en), _merge(o, zh, parts) if parts else None]
    return tuple(e for e in found if e is not None)


def score_pair(zh: Piece, en: Piece, adjacent: bool) -> tuple[float, tuple[Evidence, ...]]:
    """Total score and evidence for reading `en` as the translation of `zh` (1:1, assumes `compatible`)."""
    evidence = form_evidence(zh, en, adjacent) + content_evidence(zh, en, overlap(zh.units, en.stems))
    return sum(e.score for e in evidence), evidence
