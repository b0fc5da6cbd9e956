"""Align stage: arrange a document's Chinese and English blocks into rows.

Per section, the Chinese blocks (`zh` and `mul`) and the English blocks are
aligned as two sequences by a monotonic dynamic programme with 1:1, 2:1, 1:2
pairs and 1:0/0:1 singletons, so it works whether the source interleaves the
languages or appends a whole translation after the Chinese. A singleton costs
nothing; a pair gains its evidence score (`align_evidence`) less `THRESHOLD`.
Precision comes first: a pair on the best path is kept only when the best path
is at least `MARGIN` better than its best rival reading — leaving the pair's
pieces alone, or pairing either of them with something else. Everything not
kept stands alone.

A kept pair's row carries its evidence (scores sum to how far the pair clears
`THRESHOLD`, which is listed as evidence too), a `margin` entry naming the best
rival reading, and confidence = margin / (margin + MARGIN), at least 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.align.evidence import (
    CONTENT_MAX,
    Overlap,
    Piece,
    compatible,
    content_evidence,
    form_evidence,
    join,
    make_piece,
    overlap,
)
from generator.align.lexicon import Lexicon, lexicon
from generator.model import AlignedDocument, AlignedSection, Block, Document, Evidence, Row, Section

THRESHOLD = 2.0
"""Evidence score a pair must exceed to be worth more than leaving both pieces alone."""
MARGIN = 1.0
"""How much better the best alignment must be with a pair than without it."""
SHAPES = ((1, 1), (2, 1), (1, 2))
"""(Chinese blocks, English blocks) of a pair."""
_MERGEABLE = frozenset({"paragraph"})
NEG = float("-inf")


def row_id(section: Section, index: int) -> str:
    """Stable anchor of the `index`-th row (1-based) of `section`: `n3`, `a1-3`."""
    if section.kind == "notice":
        return f"n{index}"
    return f"a{section.number}-{index}"


@dataclass(frozen=True)
class Edge:
    """A candidate pair: Chinese blocks `i`…`i+a-1` with English blocks `j`…`j+b-1`."""

    i: int
    j: int
    a: int
    b: int
    score: float
    evidence: tuple[Evidence, ...]

    @property
    def weight(self) -> float:
        return self.score - THRESHOLD


@dataclass(frozen=True)
class Pair:
    """A pair kept in the alignment, with its margin over the best alternative."""

    edge: Edge
    margin: float
    rival: str


@dataclass(frozen=True)
class _Sides:
    """The two block sequences of a section, with each block's position in the section."""

    zh: tuple[Block, ...]
    en: tuple[Block, ...]
    zh_at: tuple[int, ...]
    en_at: tuple[int, ...]

    @classmethod
    def of(cls, section: Section) -> _Sides:
        zh_at = tuple(k for k, b in enumerate(section.blocks) if b.lang != "en")
        en_at = tuple(k for k, b in enumerate(section.blocks) if b.lang == "en")
        blocks = section.blocks
        return cls(tuple(blocks[k] for k in zh_at), tuple(blocks[k] for k in en_at), zh_at, en_at)

    def adjacent(self, i: int, a: int, j: int, b: int) -> bool:
        """Whether Chinese blocks i…i+a-1 and English blocks j…j+b-1 touch in the source."""
        return self.en_at[j] == self.zh_at[i + a - 1] + 1 or self.zh_at[i] == self.en_at[j + b - 1] + 1


def _pieces(blocks: tuple[Block, ...], lex: Lexicon) -> dict[tuple[int, int], Piece]:
    """Each block as a piece, keyed (index, 1); each joinable pair of neighbours, keyed (index, 2).

    Two paragraphs join when the second does not open a numbered item of its own.
    """
    out = {(i, 1): make_piece(b, lex) for i, b in enumerate(blocks)}
    for i in range(len(blocks) - 1):
        first, second = blocks[i], blocks[i + 1]
        joinable = {first.kind, second.kind} <= _MERGEABLE and "mul" not in (first.lang, second.lang)
        if joinable and out[(i + 1, 1)].numbering is None:
            out[(i, 2)] = join(out[(i, 1)], out[(i + 1, 1)])
    return out


def _plausible(zh: Piece, en: Piece) -> bool:
    """Cheap filter before scoring: some shared vocabulary or label, and a length ratio not absurd."""
    ratio = en.size / max(zh.size, 1)
    if zh.size >= 20 and not 0.8 <= ratio <= 12:
        return False
    if zh.reach & en.reach or (zh.numbering is not None and en.numbering is not None):
        return True
    zq, eq = zh.quantities, en.quantities
    return bool(set(zq.strong) & eq.values or set(eq.strong) & zq.values)


def candidates(sides: _Sides, lex: Lexicon) -> list[Edge]:
    """Every pair of pieces whose evidence clears the threshold."""
    edges = []
    zh_pieces, en_pieces = _pieces(sides.zh, lex), _pieces(sides.en, lex)
    ones: dict[tuple[int, int], Overlap] = {}  # 1:1 overlaps, reused by the 2:1 and 1:2 pairs

    def one(i: int, j: int) -> Overlap:
        if (i, j) not in ones:
            ones[(i, j)] = overlap(zh_pieces[(i, 1)].units, en_pieces[(j, 1)].stems)
        return ones[(i, j)]

    for (i, a), zp in zh_pieces.items():
        for (j, b), ep in en_pieces.items():
            if (a, b) not in SHAPES or not compatible(zp, ep) or not _plausible(zp, ep):
                continue
            form = form_evidence(zp, ep, sides.adjacent(i, a, j, b))
            if sum(e.score for e in form) + CONTENT_MAX <= THRESHOLD:
                continue
            whole = one(i, j) if a == b == 1 else overlap(zp.units, ep.stems)
            evidence = form + content_evidence(zp, ep, whole, tuple(one(*ij) for ij in _parts(i, a, j, b)))
            score = sum(e.score for e in evidence)
            if score > THRESHOLD:
                edges.append(Edge(i, j, a, b, score, evidence))
    return edges


Table = list[list[float]]
"""Best alignment weight per (Chinese prefix/suffix length, English prefix/suffix length)."""


def _parts(i: int, a: int, j: int, b: int) -> tuple[tuple[int, int], ...]:
    """For a 2:1 or 1:2 pair, the (Chinese, English) block indices of its two 1:1 parts; else ()."""
    if a == 2:
        return ((i, j), (i + 1, j))
    if b == 2:
        return ((i, j), (i, j + 1))
    return ()


def _sweep(n: int, m: int, edges: list[Edge], forward: bool) -> Table:
    """Best total weight of aligning the prefixes (forward) or suffixes (backward) of both sides."""
    table = [[NEG] * (m + 1) for _ in range(n + 1)]
    by_cell: dict[tuple[int, int], list[Edge]] = {}
    for e in edges:
        by_cell.setdefault((e.i + e.a, e.j + e.b) if forward else (e.i, e.j), []).append(e)
    step = -1 if forward else 1
    rows = range(n + 1) if forward else range(n, -1, -1)
    cols = range(m + 1) if forward else range(m, -1, -1)
    for i in rows:
        for j in cols:
            best = 0.0 if (i, j) == ((0, 0) if forward else (n, m)) else NEG
            if 0 <= i + step <= n:
                best = max(best, table[i + step][j])
            if 0 <= j + step <= m:
                best = max(best, table[i][j + step])
            for e in by_cell.get((i, j), ()):
                before = table[e.i][e.j] if forward else table[e.i + e.a][e.j + e.b]
                best = max(best, before + e.weight)
            table[i][j] = best
    return table


def _best_path(n: int, m: int, edges: list[Edge], fwd: Table) -> list[Edge]:
    """The pairs of the best alignment, in order (trace back through the forward table)."""
    by_end: dict[tuple[int, int], list[Edge]] = {}
    for e in edges:
        by_end.setdefault((e.i + e.a, e.j + e.b), []).append(e)
    path: list[Edge] = []
    i, j = n, m
    while i > 0 or j > 0:
        here = fwd[i][j]
        edge = next((e for e in by_end.get((i, j), ()) if fwd[e.i][e.j] + e.weight == here), None)
        if edge is not None:
            path.append(edge)
            i, j = edge.i, edge.j
        elif i > 0 and fwd[i - 1][j] == here:
            i -= 1
        else:
            j -= 1
    return path[::-1]


def _margins(sides: _Sides, edges: list[Edge], path: list[Edge], fwd: Table, bwd: Table) -> list[Pair]:
    """Each path pair with its margin: how much better the best path is than the best rival reading.

    The rivals of a pair are leaving its pieces alone (the path loses the pair's weight) and
    every other candidate pair sharing one of its blocks, taken with the best path through it.
    Pairs that merely cross it (reordered paragraphs) are not rivals: they read other blocks.
    """
    total = fwd[len(sides.zh)][len(sides.en)]
    out = []
    for e in path:
        rival, best = f"leaving {_quote(sides.zh[e.i])} alone", total - e.weight
        for o in edges:
            if o is e or not (_overlaps(o.i, o.a, e.i, e.a) or _overlaps(o.j, o.b, e.j, e.b)):
                continue
            through = fwd[o.i][o.j] + o.weight + bwd[o.i + o.a][o.j + o.b]
            if through > best:
                rival, best = f"pairing {_quote(sides.zh[o.i])} with {_quote(sides.en[o.j])}", through
        out.append(Pair(e, total - best, rival))
    return out


def _overlaps(start: int, size: int, other: int, other_size: int) -> bool:
    return start < other + other_size and other < start + size


def _quote(block: Block) -> str:
    text = block.text.replace("\n", " ")
    return f"«{text[:16]}…»" if len(text) > 16 else f"«{text}»"


def _row(section: Section, index: int, zh: tuple[Block, ...], en: tuple[Block, ...], pair: Pair | None) -> Row:
    first = (zh or en)[0]
    if pair is None:
        return Row(id=row_id(section, index), kind=first.kind, level=first.level, zh=zh, en=en)
    evidence = pair.edge.evidence + (
        Evidence("threshold", "the score a pair must exceed", -THRESHOLD),
        Evidence("margin", f"{pair.margin:.1f} better than {pair.rival}", 0.0),
    )
    confidence = round(pair.margin / (pair.margin + max(MARGIN, 1e-9)), 3)
    return Row(row_id(section, index), first.kind, first.level, zh, en, confidence, evidence)


Group = tuple[tuple[Block, ...], tuple[Block, ...], Pair | None]


def _singles(sides: _Sides, zh: range, en: range) -> list[Group]:
    """Unpaired blocks between two pairs, both languages merged by source position."""
    alone = [(sides.zh_at[k], (sides.zh[k],), ()) for k in zh] + [(sides.en_at[k], (), (sides.en[k],)) for k in en]
    return [(z, e, None) for _, z, e in sorted(alone, key=lambda g: g[0])]


def _rows(section: Section, sides: _Sides, kept: list[Pair]) -> tuple[Row, ...]:
    """Rows in reading order: the pairs in order, and between two pairs the blocks left alone."""
    groups: list[Group] = []
    zi = ei = 0
    for pair in kept:
        e = pair.edge
        groups += _singles(sides, range(zi, e.i), range(ei, e.j))
        groups.append((sides.zh[e.i : e.i + e.a], sides.en[e.j : e.j + e.b], pair))
        zi, ei = e.i + e.a, e.j + e.b
    groups += _singles(sides, range(zi, len(sides.zh)), range(ei, len(sides.en)))
    return tuple(_row(section, k, zh, en, p) for k, (zh, en, p) in enumerate(groups, start=1))


def align_section(section: Section, lex: Lexicon | None = None) -> AlignedSection:
    """Arrange one section's blocks into rows (see the module docstring for how)."""
    sides = _Sides.of(section)
    n, m = len(sides.zh), len(sides.en)
    edges = candidates(sides, lex or lexicon()) if n and m else []
    fwd = _sweep(n, m, edges, forward=True)
    bwd = _sweep(n, m, edges, forward=False)
    path = _best_path(n, m, edges, fwd)
    kept = [p for p in _margins(sides, edges, path, fwd, bwd) if p.margin >= MARGIN]
    return AlignedSection(section=section, rows=_rows(section, sides, kept))


def align_document(document: Document) -> AlignedDocument:
    """Arrange every section of `document` into rows."""
    sections = tuple(align_section(s) for s in document.sections)
    return AlignedDocument(document=document, sections=sections)
