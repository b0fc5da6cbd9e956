"""Align stage: arrange a document's Chinese and English blocks into rows.

Per section, the Chinese units (blocks, a label line joined with its text; `units`)
and the English units are aligned as two sequences by a monotonic dynamic programme
with 1:1, 2:1, 1:2 pairs and units left alone, so it works whether the source
interleaves the languages or comes with a separate translation. The work is linear
in the section's length: a coarse pass (`band`) fixes hard anchors (equal article,
chapter and part numbers) and the band around the path they and the lengths imply;
pairs are scored (`evidence`) and the programme run (`path`) only inside it.

A unit alone costs nothing; a pair gains its evidence score less `THRESHOLD`.
Precision comes first: a pair on the best path is kept only when the best path is at
least `MARGIN` better than its best rival reading — leaving its units alone, or
pairing either of them otherwise. Everything not kept stands alone, in reading order
between its neighbours' rows.

Two passes per document: the sure pairs of the first (margin ≥ `SURE`) teach words
and the document's rhythm (`learned`), used as evidence in the second; in a separate
translation they also anchor the second pass's band (`reband`).

A kept pair's row carries its evidence (scores sum to how far the pair clears
`THRESHOLD`, which is listed as evidence too), a `margin` entry naming the best
rival reading, and confidence = margin / (margin + MARGIN), at least 0.5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.align.band import Band, increasing, hard_anchors, make_band
from generator.align.evidence import CONTENT_MAX, Overlap, Piece, compatible, content_evidence, form_evidence, overlap
from generator.align.learned import EXTRA_MAX, NOTHING, Learned, learn, learned_evidence
from generator.align.lexicon import Lexicon, lexicon
from generator.align.path import Edge, Pair, solve
from generator.align.units import Sides, Unit, key, pieces
from generator.model import AlignedDocument, AlignedSection, Block, Document, Evidence, Row, Section

THRESHOLD = 2.0
"""Evidence score a pair must exceed to be worth more than leaving both units alone."""
MARGIN = 1.0
"""How much better the best alignment must be with a pair than without it."""
ANCHOR = 1.0
"""What a hard anchor (a part, chapter or article number found once on each side) adds."""
SURE = 3.0
"""Margin of a first-pass pair the second pass learns from."""
SHAPES = ((1, 1), (2, 1), (1, 2))
"""(Chinese units, English units) of a pair."""


def row_id(section: Section, index: int) -> str:
    """Stable anchor of the `index`-th row (1-based) of `section`: `n3`, `a1-3`."""
    if section.kind == "notice":
        return f"n{index}"
    return f"a{section.number}-{index}"


Pieces = dict[tuple[int, int], Piece]
Cell = tuple[int, int, int, int]


@dataclass(frozen=True)
class Prepared:
    """One section after the coarse pass, with its candidate pairs scored once for both passes."""

    section: Section
    sides: Sides
    band: Band
    zh: dict[tuple[int, int], Piece]
    en: dict[tuple[int, int], Piece]
    edges: tuple[Edge, ...]
    """Candidates whose first-pass score is within `EXTRA_MAX` of the threshold or above, and the anchors'."""
    anchors: frozenset[tuple[int, int]] = frozenset()
    """(Chinese unit, English unit) hard anchors: their 1:1 edge is always a candidate."""
    scored: frozenset[Cell] = frozenset()
    """Every (i, j, a, b) already looked at."""


def _plausible(zh: Piece, en: Piece, follows: bool) -> bool:
    """Cheap filter before scoring: shared vocabulary, labels or numbers, and a length ratio not absurd."""
    ratio = en.size / max(zh.size, 1)
    if zh.size >= 20 and not 0.8 <= ratio <= 12:
        return False
    if follows or zh.reach & en.reach or (zh.numbering is not None and en.numbering is not None):
        return True
    zq, eq = zh.quantities, en.quantities
    return bool(set(zq.strong) & eq.values or set(eq.strong) & zq.values)




def _score(
    sides: Sides, zh: Pieces, en: Pieces, ones: dict[tuple[int, int], Overlap], ijab: tuple[int, int, int, int],
    anchored: bool = False,
) -> Edge | None:
    """The candidate pairing Chinese units i…i+a-1 with English units j…j+b-1, unless hopeless
    (a hard anchor's 1:1 pair is never hopeless: the path must go through it or a 2:1 or 1:2
    pair holding it, kept or not by its margin; `anchored` pairs gain `ANCHOR`).
    `ones` caches the 1:1 overlaps, which the 2:1 and 1:2 pairs reuse."""
    i, j, a, b = ijab
    zp, ep = zh[(i, a)], en[(j, b)]
    forced = anchored and a == b == 1
    if not forced and (not compatible(zp, ep) or not _plausible(zp, ep, sides.follows(i, a, j, b))):
        return None
    form = form_evidence(zp, ep, sides.adjacent(i, a, j, b))
    if not forced and sum(e.score for e in form) + CONTENT_MAX + EXTRA_MAX <= THRESHOLD:
        return None
    parts = ((i, j), (i + 1, j)) if a == 2 else ((i, j), (i, j + 1)) if b == 2 else ()
    for z, e in parts + ((i, j),):
        if (z, e) not in ones:
            ones[(z, e)] = overlap(zh[(z, 1)].units, en[(e, 1)].stems)
    whole = ones[(i, j)] if a == b == 1 else overlap(zp.units, ep.stems)
    evidence = form + content_evidence(zp, ep, whole, tuple(ones[ze] for ze in parts))
    score = sum(e.score for e in evidence)
    if anchored:
        label = f"{zp.numbering.label} ↔ {ep.numbering.label}" if zp.numbering and ep.numbering else "label"
        evidence += (Evidence("anchor", f"{label}: the only one of its number on each side", ANCHOR),)
        score += ANCHOR
    if forced and not compatible(zp, ep):
        evidence += (Evidence("kind", f"{zp.kind} ↔ {ep.kind} cannot pair", -100.0),)
        score -= 100.0
    return Edge(i, j, a, b, score, evidence, THRESHOLD) if forced or score > THRESHOLD - EXTRA_MAX else None


def prepare(section: Section, lex: Lexicon) -> Prepared:
    """Units, the band and the scored candidates of one section."""
    sides = Sides.of(section)
    if not sides.zh or not sides.en:
        band = make_band([1] * len(sides.zh), [1] * len(sides.en), None, [])
        return Prepared(section, sides, band, {}, {}, ())
    zh, en = pieces(sides.zh, lex), pieces(sides.en, lex)
    n, m = len(sides.zh), len(sides.en)
    anchors = hard_anchors([key(zh[(i, 1)]) for i in range(n)], [key(en[(j, 1)]) for j in range(m)])
    band = make_band(*_sizes(zh, en, n, m), sides.by_source(), anchors)
    p = Prepared(section, sides, band, zh, en, (), frozenset(anchors))
    edges, scored = _candidates(p, band, frozenset())
    return replace(p, edges=edges, scored=scored)


def _sizes(zh: Pieces, en: Pieces, n: int, m: int) -> tuple[list[int], list[int]]:
    return [zh[(i, 1)].size for i in range(n)], [en[(j, 1)].size for j in range(m)]


def _candidates(p: Prepared, band: Band, done: frozenset[Cell]) -> tuple[tuple[Edge, ...], frozenset[Cell]]:
    """The candidates inside `band` (those not in `done`, already scored, are left out) and
    every (i, j, a, b) looked at."""
    edges, ones, seen = [], {}, set()  # type: ignore[var-annotated]
    for i, a in p.zh:
        for j in band.cells(i):
            for b in (1, 2):
                cell = (i, j, a, b)
                if cell in done or (j, b) not in p.en or (a, b) not in SHAPES or not band.allows(i + a, j + b):
                    continue
                seen.add(cell)
                edge = _score(p.sides, p.zh, p.en, ones, cell, anchored=(i, j) in p.anchors)
                if edge is not None:
                    edges.append(edge)
    return tuple(edges), frozenset(seen)


def reband(p: Prepared, kept: list[Pair]) -> Prepared:
    """A separate translation once more, its band now also anchored on the first pass's sure 1:1
    pairs: between them the lengths predict better, where a long stretch of one side is missing."""
    sure = {(x.edge.i, x.edge.j) for x in kept if x.margin >= SURE and x.edge.a == x.edge.b == 1}
    if p.sides.by_source() is not None or not sure - set(p.band.anchors):
        return p
    anchors = increasing(sorted(sure | set(p.band.anchors)))
    n, m = len(p.sides.zh), len(p.sides.en)
    band = make_band(*_sizes(p.zh, p.en, n, m), None, anchors)
    edges, scored = _candidates(p, band, p.scored)
    inside = tuple(e for e in p.edges if band.allows(e.i, e.j) and band.allows(e.i + e.a, e.j + e.b))
    return replace(p, band=band, edges=inside + edges, scored=p.scored | scored)


def _edges(p: Prepared, learned: Learned, between: dict[tuple[int, int], str]) -> list[Edge]:
    """The candidates that clear the threshold, with the second pass's evidence when there is any."""
    if learned.empty and not between:
        return [e for e in p.edges if e.score > THRESHOLD or _anchor(p, e)]
    out = []
    for e in p.edges:
        lexical = sum(x.score for x in e.evidence if x.kind == "lexicon")
        follows = p.sides.follows(e.i, e.a, e.j, e.b)
        left = between.get((e.i, e.j)) if e.a == e.b == 1 else None
        extra = learned_evidence(learned, p.zh[(e.i, e.a)], p.en[(e.j, e.b)], follows, lexical, left)
        score = e.score + sum(x.score for x in extra)
        if score > THRESHOLD or _anchor(p, e):
            out.append(replace(e, score=score, evidence=e.evidence + extra))
    return out


def _anchor(p: Prepared, e: Edge) -> bool:
    return e.a == e.b == 1 and (e.i, e.j) in p.anchors


def _kept(p: Prepared, learned: Learned, between: dict[tuple[int, int], str] | None = None) -> list[Pair]:
    return solve(p.band, _edges(p, learned, between or {}), lambda pair: pair.margin >= MARGIN)


def _between(kept: list[Pair]) -> dict[tuple[int, int], str]:
    """1:1 cells that are what is left between two consecutive sure pairs: as many Chinese as
    English units (at most three) between them, read in order."""
    sure = [x.edge for x in kept if x.margin >= SURE]
    out = {}
    for s, t in zip(sure, sure[1:]):
        zi, ej = s.i + s.a, s.j + s.b
        k = t.i - zi
        if 1 <= k <= 3 and t.j - ej == k:
            left = "the only units" if k == 1 else f"{k} units each"
            for d in range(k):
                out[(zi + d, ej + d)] = f"{left} left between two sure pairs"
    return out


def _quote(unit: Unit) -> str:
    text = " ".join(b.text for b in unit).replace("\n", " ")
    return f"«{text[:16]}…»" if len(text) > 16 else f"«{text}»"


def _row(p: Prepared, index: int, zh: tuple[Block, ...], en: tuple[Block, ...], pair: Pair | None) -> Row:
    first = (zh or en)[0]
    rid = row_id(p.section, index)
    if pair is None:
        return Row(id=rid, kind=first.kind, level=first.level, zh=zh, en=en)
    o = pair.rival
    rival = f"leaving {_quote(p.sides.zh[pair.edge.i])} alone" if o is None else (
        f"pairing {_quote(p.sides.zh[o.i])} with {_quote(p.sides.en[o.j])}")
    evidence = pair.edge.evidence + (
        Evidence("threshold", "the score a pair must exceed", -THRESHOLD),
        Evidence("margin", f"{pair.margin:.1f} better than {rival}", 0.0),
    )
    confidence = round(pair.margin / (pair.margin + max(MARGIN, 1e-9)), 3)
    return Row(rid, first.kind, first.level, zh, en, confidence, evidence)


def _blocks(units: Sequence[Unit]) -> tuple[Block, ...]:
    return tuple(b for u in units for b in u)


def _rows(p: Prepared, kept: list[Pair]) -> tuple[Row, ...]:
    """Rows in reading order: the pairs in order, and between two pairs the units left alone,
    each Chinese unit where its predicted English position puts it among the English ones."""
    sides, groups = p.sides, []
    zi = ei = 0

    def singles(zh: range, en: range) -> None:
        alone = [((p.band.predicted[k], 0, k), sides.zh[k], ()) for k in zh]
        alone += [((float(k), 1, k), (), sides.en[k]) for k in en]
        groups.extend((z, e, None) for _, z, e in sorted(alone, key=lambda g: g[0]))

    for pair in kept:
        e = pair.edge
        singles(range(zi, e.i), range(ei, e.j))
        groups.append((_blocks(sides.zh[e.i : e.i + e.a]), _blocks(sides.en[e.j : e.j + e.b]), pair))
        zi, ei = e.i + e.a, e.j + e.b
    singles(range(zi, len(sides.zh)), range(ei, len(sides.en)))
    return tuple(_row(p, k, z, e, pr) for k, (z, e, pr) in enumerate(groups, start=1))


def _sure(prepared: Sequence[Prepared], first: Sequence[list[Pair]]) -> list[tuple[Piece, Piece, bool]]:
    sure = [(p, x.edge) for p, kept in zip(prepared, first) for x in kept if x.margin >= SURE]
    return [(p.zh[(e.i, e.a)], p.en[(e.j, e.b)], p.sides.follows(e.i, e.a, e.j, e.b)) for p, e in sure]


def align_sections(sections: Sequence[Section], lex: Lexicon | None = None) -> tuple[AlignedSection, ...]:
    """Arrange the sections of one document into rows (two passes; see the module docstring)."""
    two_sided = any(b.lang == "en" for s in sections for b in s.blocks) and any(
        b.lang != "en" for s in sections for b in s.blocks)
    lex = (lex or lexicon()) if two_sided else None
    prepared = [prepare(s, lex) for s in sections]  # type: ignore[arg-type]
    first = [_kept(p, NOTHING) for p in prepared]
    learned = learn(_sure(prepared, first))
    second = [reband(p, kept) for p, kept in zip(prepared, first)]
    between = [_between(kept) for kept in first]
    final = [kept if p is q and learned.empty and not b else _kept(q, learned, b)
             for p, q, kept, b in zip(prepared, second, first, between)]
    return tuple(AlignedSection(section=p.section, rows=_rows(p, kept)) for p, kept in zip(second, final))


def align_section(section: Section, lex: Lexicon | None = None) -> AlignedSection:
    """Arrange one section's blocks into rows, as a document of its own."""
    return align_sections((section,), lex)[0]


def align_document(document: Document) -> AlignedDocument:
    """Arrange every section of `document` into rows."""
    return AlignedDocument(document=document, sections=align_sections(document.sections))
