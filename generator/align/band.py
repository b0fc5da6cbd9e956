"""Align stage, coarse pass: hard anchors and the band the fine alignment searches.

Scoring every Chinese piece against every English piece is quadratic; a translation
stays near the path that the document's structure and lengths imply. This pass finds
that path in linear time:

* **hard anchors**: a part, chapter or article number that occurs once on each side
  (`第十条` ↔ `Article 10`, `第一章` ↔ `Chapter I`). The anchors kept are the longest
  run that is in order on both sides; no pair may cross one.
* **predicted position** of each Chinese unit on the English side, between anchors:
  where the source puts it (how many English units come before it) when the languages
  interleave, else where the cumulative length puts it (a separate translation).
* **the band**: for every Chinese prefix length `i`, the English prefix lengths within
  `width` of the prediction; the width grows with the difference in unit counts between
  two anchors (or, interleaved, the longest run of one language), up to `MAX_WIDTH`. The
  fine pass (`path`) scores pairs and runs its dynamic programme only on cells of the
  band, so time and memory grow with the length of the document times the (bounded) width.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from generator.text import LEVELS

ANCHOR_LEVELS = frozenset({LEVELS["part"], LEVELS["chapter"], LEVELS["article"]})
"""Structure units whose numbers run through a whole law: equal numbers are hard anchors."""
WIDTH = 5
"""Half-width of the band around a prediction, in units."""
MAX_WIDTH = 40
"""The band widens by the difference in unit counts between two anchors, up to this."""

Key = tuple[int, int]
"""(level, ordinal) of a structure label."""


@dataclass(frozen=True)
class Band:
    """Allowed cells of the alignment table: `rows[i]` holds the allowed English prefix lengths
    for Chinese prefix length `i`, as sorted, disjoint, inclusive (lo, hi) intervals."""

    rows: tuple[tuple[tuple[int, int], ...], ...]
    anchors: tuple[tuple[int, int], ...]
    """(Chinese unit, English unit) hard anchors, in order."""
    predicted: tuple[float, ...]
    """Per Chinese unit, the English prefix length it is predicted to follow (for placing lone pieces)."""

    def cells(self, i: int) -> list[int]:
        """Every allowed English prefix length in row `i`, ascending."""
        return [j for lo, hi in self.rows[i] for j in range(lo, hi + 1)]

    def allows(self, i: int, j: int) -> bool:
        return any(lo <= j <= hi for lo, hi in self.rows[i])

    @property
    def size(self) -> int:
        """Number of allowed cells (what time and memory grow with)."""
        return sum(hi - lo + 1 for row in self.rows for lo, hi in row)


def hard_anchors(zh_keys: list[Key | None], en_keys: list[Key | None]) -> list[tuple[int, int]]:
    """Units whose structure label occurs once on each side, the longest subsequence in order on both."""
    zh_at, en_at = _unique(zh_keys), _unique(en_keys)
    matched = sorted((zh_at[k], en_at[k]) for k in zh_at.keys() & en_at.keys())
    return increasing(matched)


def _unique(keys: list[Key | None]) -> dict[Key, int]:
    seen: dict[Key, int] = {}
    twice: set[Key] = set()
    for index, key in enumerate(keys):
        if key is None or key[0] not in ANCHOR_LEVELS:
            continue
        if key in seen:
            twice.add(key)
        seen[key] = index
    return {k: v for k, v in seen.items() if k not in twice}


def increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of `pairs` (sorted by first) whose second items increase (O(k log k))."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        back.append(tail_at[pos - 1] if pos else -1)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
    out, k = [], tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def _by_length(zh_sizes: list[int], en_sizes: list[int], zs: range, es: range) -> list[float]:
    """Per Chinese prefix length in `zs` (inclusive ends), the English prefix length in `es` at the
    same share of the text (piecewise linear in the cumulative sizes)."""
    z_total = sum(zh_sizes[i] for i in range(zs.start, zs.stop)) or 1
    e_cum = [0]
    for j in range(es.start, es.stop):
        e_cum.append(e_cum[-1] + max(en_sizes[j], 1))
    out, done, k = [], 0, 0
    for i in range(zs.start, zs.stop + 1):
        target = done / z_total * e_cum[-1]
        while k + 1 < len(e_cum) and e_cum[k + 1] <= target:
            k += 1
        step = e_cum[k + 1] - e_cum[k] if k + 1 < len(e_cum) else 1
        out.append(es.start + k + min(1.0, (target - e_cum[k]) / step) if k + 1 < len(e_cum) else es.stop)
        if i < zs.stop:
            done += zh_sizes[i]
    return out


def make_band(
    zh_sizes: list[int],
    en_sizes: list[int],
    by_source: list[int] | None,
    anchors: list[tuple[int, int]],
) -> Band:
    """The band for Chinese units of `zh_sizes` and English units of `en_sizes`.

    `by_source[i]` is how many English units the source puts before Chinese unit `i`, or None
    when the languages do not interleave (a separate translation)."""
    n, m = len(zh_sizes), len(en_sizes)
    corners = [(0, 0)] + [c for a, b in anchors for c in ((a, b), (a + 1, b + 1))] + [(n, m)]
    rows: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    predicted: list[float] = [0.0] * (n + 1)
    for (z0, e0), (z1, e1) in zip(corners[0::2], corners[1::2]):
        if by_source is None:
            guess = _by_length(zh_sizes, en_sizes, range(z0, z1), range(e0, e1))
            width = min(MAX_WIDTH, WIDTH + abs((z1 - z0) - (e1 - e0)))
        else:
            guess = [float(min(max(by_source[i] if i < n else m, e0), e1)) for i in range(z0, z1 + 1)]
            width = min(MAX_WIDTH, WIDTH + int(max((b - a for a, b in zip(guess, guess[1:])), default=0)))
        for k, i in enumerate(range(z0, z1 + 1)):
            after = guess[k + 1] if k + 1 < len(guess) else guess[k]
            rows[i].append((max(int(guess[k]) - width, e0), min(int(after + 0.999) + width, e1)))
            predicted[i] = guess[k]
    for a, b in anchors:  # the anchor's own cells: before it, and after it
        rows[a] = [(lo, min(hi, b)) for lo, hi in rows[a] if lo <= b]
        rows[a + 1] = [(max(lo, b + 1), hi) for lo, hi in rows[a + 1] if hi >= b + 1]
    return Band(tuple(_merge(r) for r in rows), tuple(anchors), tuple(predicted[:n]))


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(s for s in spans if s[0] <= s[1]):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return tuple(out)
