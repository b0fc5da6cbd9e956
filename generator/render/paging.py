"""Render stage: splitting a site page that would be too big into numbered pages.

Site-wide pages grow with the corpus; a page's HTML must stay under 200 KB (issue 14), so its
Markdown must stay under `BUDGET`: the theme adds about 17–25 KB around it (measured on the
built seed site: header, navigation, footer, scripts), and the site's pages are HTML blocks that
MkDocs passes through unchanged. Items are estimated (`size`), never rendered twice; the tests
render 10,000 documents' pages and hold every one to the budget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from generator.render.urls import relative_href

T = TypeVar("T")

HTML_BUDGET = 200_000
"""No HTML page over this many bytes."""
CHROME = 30_000
"""What Material adds around a page's content, with a margin (measured: 17–25 KB)."""
BUDGET = HTML_BUDGET - CHROME - 20_000
"""Bytes of items on one page's Markdown: the budget less the chrome and the page's own text."""


def utf8(*texts: object) -> int:
    """Bytes of the texts in UTF-8 (None counts nothing)."""
    return sum(len(str(t).encode("utf-8")) for t in texts if t is not None)


def split(items: Sequence[T], size: Callable[[T], int], budget: int | None = None) -> list[list[T]]:
    """`items` in order, cut into runs whose sizes add up to at most `budget` (`BUDGET`; at least
    one item a run; always at least one run, possibly empty)."""
    budget = BUDGET if budget is None else budget
    runs: list[list[T]] = [[]]
    used = 0
    for item in items:
        cost = size(item)
        if runs[-1] and used + cost > budget:
            runs.append([])
            used = 0
        runs[-1].append(item)
        used += cost
    return runs


def numbered(base: str, number: int) -> str:
    """URL of page `number` (from 1) of a page split at `base`: `base`, `base` + `page-2/`, …"""
    return base if number == 1 else f"{base}page-{number}/"


def pager(url: str, urls: Sequence[str], on: str | None = None) -> dict[str, object] | None:
    """Previous and next links of page `url` among `urls` (None when there is one page), as
    written on page `on` (`url` itself unless given)."""
    if len(urls) < 2:
        return None
    i, on = urls.index(url), on or url
    return {"number": i + 1, "of": len(urls),
            "prev": relative_href(on, urls[i - 1]) if i > 0 else None,
            "next": relative_href(on, urls[i + 1]) if i + 1 < len(urls) else None}
