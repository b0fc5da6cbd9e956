"""Align stage, fine pass: the best monotonic alignment inside the band, and each pair's margin.

Cells are (Chinese prefix length, English prefix length), only those the band allows.
Moving right or down leaves one unit alone (weight 0); an edge pairs `a` Chinese units
with `b` English units (weight = its score less the threshold). `sweep` computes the
best weight of every prefix (forward) and of every suffix (backward); the best path
is traced back through the forward table.

A pair's **margin** is how much better the best path is than its best rival reading:
leaving its units alone, or any other candidate pair that reads one of its units,
taken with the best path through it (forward value at its start + its weight +
backward value at its end). Candidates are indexed by the units they read, so each
margin looks only at the few candidates of its own units: linear in all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.align.band import Band
from generator.model import Evidence

NEG = float("-inf")
Table = dict[tuple[int, int], float]


@dataclass(frozen=True)
class Edge:
    """A candidate pair: Chinese units `i`…`i+a-1` with English units `j`…`j+b-1`."""

    i: int
    j: int
    a: int
    b: int
    score: float
    evidence: tuple[Evidence, ...]
    threshold: float

    @property
    def weight(self) -> float:
        return self.score - self.threshold


@dataclass(frozen=True)
class Pair:
    """A pair on the best path, with its margin over the best rival reading."""

    edge: Edge
    margin: float
    rival: Edge | None
    """The rival pair, or None when the rival is leaving the pair's units alone."""


def sweep(band: Band, edges: Sequence[Edge], forward: bool) -> Table:
    """Best total weight of aligning the prefixes (forward) or suffixes (backward) up to each cell."""
    n = len(band.rows) - 1
    by_cell: dict[tuple[int, int], list[Edge]] = {}
    for e in edges:
        by_cell.setdefault((e.i + e.a, e.j + e.b) if forward else (e.i, e.j), []).append(e)
    table: Table = {}
    step = -1 if forward else 1
    start = (0, 0) if forward else (n, band.rows[n][-1][1] if band.rows[n] else 0)
    for i in range(n + 1) if forward else range(n, -1, -1):
        cells = band.cells(i)
        for j in cells if forward else reversed(cells):
            best = 0.0 if (i, j) == start else NEG
            best = max(best, table.get((i + step, j), NEG), table.get((i, j + step), NEG))
            for e in by_cell.get((i, j), ()):
                before = table.get((e.i, e.j) if forward else (e.i + e.a, e.j + e.b), NEG)
                best = max(best, before + e.weight)
            table[(i, j)] = best
    return table


def best_path(band: Band, edges: Sequence[Edge], fwd: Table, end: tuple[int, int]) -> list[Edge]:
    """The pairs of the best alignment, in order (traced back through the forward table)."""
    by_end: dict[tuple[int, int], list[Edge]] = {}
    for e in edges:
        by_end.setdefault((e.i + e.a, e.j + e.b), []).append(e)
    path: list[Edge] = []
    i, j = end
    while i > 0 or j > 0:
        here = fwd[(i, j)]
        edge = next((e for e in by_end.get((i, j), ()) if fwd.get((e.i, e.j), NEG) + e.weight == here), None)
        if edge is not None:
            path.append(edge)
            i, j = edge.i, edge.j
        elif i > 0 and fwd.get((i - 1, j), NEG) == here:
            i -= 1
        else:
            j -= 1
    return path[::-1]


def margins(edges: Sequence[Edge], path: list[Edge], fwd: Table, bwd: Table, total: float) -> list[Pair]:
    """Each path pair with its margin over its best rival (see the module docstring)."""
    by_zh: dict[int, list[Edge]] = {}
    by_en: dict[int, list[Edge]] = {}
    for e in edges:
        for k in range(e.i, e.i + e.a):
            by_zh.setdefault(k, []).append(e)
        for k in range(e.j, e.j + e.b):
            by_en.setdefault(k, []).append(e)
    out = []
    for e in path:
        rival, best = None, total - e.weight
        touching = [o for k in range(e.i, e.i + e.a) for o in by_zh[k]]
        touching += [o for k in range(e.j, e.j + e.b) for o in by_en[k]]
        for o in touching:
            if o is e:
                continue
            through = fwd.get((o.i, o.j), NEG) + o.weight + bwd.get((o.i + o.a, o.j + o.b), NEG)
            if through > best:
                rival, best = o, through
        out.append(Pair(e, total - best, rival))
    return out


def solve(band: Band, edges: Sequence[Edge], keep: Callable[[Pair], bool]) -> list[Pair]:
    """The pairs of the best path inside `band` that `keep` accepts (by their margin)."""
    n = len(band.rows) - 1
    if not band.rows[n]:
        return []
    end = (n, band.rows[n][-1][1])
    fwd = sweep(band, edges, forward=True)
    if fwd.get(end, NEG) == NEG:
        return []
    bwd = sweep(band, edges, forward=False)
    path = best_path(band, edges, fwd, end)
    return [p for p in margins(edges, path, fwd, bwd, fwd[end]) if keep(p)]
