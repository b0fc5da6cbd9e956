"""Read stage (and render): the inline-markup subset of the source family, parsed once.

Source text is data, never markup. The reader parses every block's text once
(`read_inline`) into the model's `Span`s and `Link`s; the render stage turns
them into page spans (`render_spans`: dicts of plain strings and flags, links
resolved) that the templates render with autoescaping. This module never
produces HTML. Exactly this subset is honoured:

- `**bold**` and `*italic*` (titles are written `*Title*`),
- `[text](target)` links whose target is safe: `http:`/`https:` URLs and
  in-page anchors the caller knows (`resolve`); any other target (`javascript:`,
  relative paths, `mailto:` …) is dropped and only the text is kept,
- pipe tables (`| a | b |` lines) for blocks of kind `table`.

Everything else (`# x`, `> x`, `1. x`, `- x`, 4-space indents, HTML, `{{ x }}`)
is literal text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from generator.model import Link, Span
from generator.read.links import LINK, is_safe_target

PageSpan = dict[str, object]
"""A span as page data: `{"text": str, "strong": bool, "em": bool, "href": str | None, "br": bool}`."""

Resolve = Callable[[str, str], str | None]
"""`resolve(link_text, target)` → the href to use, or None to drop the link."""

_INLINE = re.compile(  # `*` between ASCII letters or digits (`2*3*4`, `a*b`) is not emphasis
    rf"(?P<link>{LINK.pattern})"
    r"|(?<![0-9A-Za-z*])(?P<strong>\*\*(?P<stext>[^\s*](?:.*?[^\s*])?)\*\*)(?![0-9A-Za-z*])"
    r"|(?<![0-9A-Za-z*])(?P<em>\*(?P<etext>[^\s*](?:[^*]*?[^\s*])?)\*)(?![0-9A-Za-z*])",
    re.DOTALL,
)
_TABLE_RULE = re.compile(r":?-{1,}:?")


def read_inline(text: str) -> tuple[tuple[Span, ...], tuple[Link, ...]]:
    """Parse `text` once, as the reader does for every block: spans in the model's form (line
    breaks as `br` spans, links as indices) and the links they point at, targets as written."""
    out: list[Span] = []
    links: list[Link] = []
    _scan(text, out, links, strong=False, em=False, link=None)
    return tuple(_merge_runs(_split_lines(out))), tuple(links)


def render_spans(spans: tuple[Span, ...], links: tuple[Link, ...], resolve: Resolve | None = None) -> list[PageSpan]:
    """Parsed spans as page data. Each link is resolved once, in order; an unsafe or unknown
    target drops the link and keeps its text."""
    hrefs = [safe_href(link.text, link.target, resolve or _no_anchor) for link in links]
    return _merge([{"text": s.text, "strong": s.strong, "em": s.em, "br": s.br,
                    "href": hrefs[s.link] if s.link is not None else None} for s in spans])


def parse_inline(text: str, resolve: Resolve | None = None) -> list[PageSpan]:
    """Split `text` into page spans (for text that is not a block: titles, principle statements)."""
    return render_spans(*read_inline(text), resolve)


def _scan(text: str, out: list[Span], links: list[Link], strong: bool, em: bool, link: int | None) -> None:
    position = 0
    for match in _INLINE.finditer(text):
        _text(out, text[position : match.start()], strong, em, link)
        if match.group("link") and link is None:
            links.append(Link(match.group("text"), match.group("target")))
            _scan(match.group("text"), out, links, strong, em, len(links) - 1)
        elif match.group("link"):  # a link inside a link: keep its text only
            _scan(match.group("text"), out, links, strong, em, link)
        elif match.group("strong"):
            _scan(match.group("stext"), out, links, True, em, link)
        else:
            _scan(match.group("etext"), out, links, strong, True, link)
        position = match.end()
    _text(out, text[position:], strong, em, link)


def _text(out: list[Span], text: str, strong: bool, em: bool, link: int | None) -> None:
    if text:
        out.append(Span(text, strong, em, link))


def _split_lines(spans: list[Span]) -> list[Span]:
    result: list[Span] = []
    for span in spans:
        for index, line in enumerate(span.text.split("\n")):
            if index:
                result.append(Span("", br=True))
            if line:
                result.append(dataclasses.replace(span, text=line))
    return result


def _merge_runs(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous and not span.br and not previous.br and _run_style(previous) == _run_style(span):
            merged[-1] = dataclasses.replace(previous, text=previous.text + span.text)
        else:
            merged.append(span)
    return merged


def _run_style(span: Span) -> tuple[object, ...]:
    return (span.strong, span.em, span.link)


def _merge(spans: list[PageSpan]) -> list[PageSpan]:
    """Join neighbours with the same formatting (keeps the output small and stable)."""
    merged: list[PageSpan] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous and not span["br"] and not previous["br"] and _style(previous) == _style(span):
            merged[-1] = {**previous, "text": str(previous["text"]) + str(span["text"])}
        else:
            merged.append(span)
    return merged


def _style(span: PageSpan) -> tuple[object, ...]:
    return (span["strong"], span["em"], span["href"])


def _no_anchor(text: str, target: str) -> str | None:
    return None


def safe_href(text: str, target: str, resolve: Resolve) -> str | None:
    """The href for a link to `target`, or None when the target is not safe."""
    if not is_safe_target(target):
        return None
    return resolve(text, target) if target.startswith("#") else target


def plain_text(text: str) -> str:
    """`text` without the inline markup (for titles in front matter, data, citations)."""
    return "".join(str(s["text"]) if not s["br"] else " " for s in parse_inline(text))


def is_table_rule(cells: list[str]) -> bool:
    """True for a pipe table's `|---|:--:|` delimiter row."""
    return bool(cells) and all(_TABLE_RULE.fullmatch(c.strip()) for c in cells)


def split_row(line: str) -> list[str]:
    """Cells of one pipe-table line; `\\|` is a literal pipe."""
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [c.strip().replace("\\|", "|") for c in cells]


def read_table(text: str) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """A pipe table's rows of cells (delimiter rows dropped) and whether the first row is its header
    (the second line is a delimiter row)."""
    lines = [split_row(line) for line in text.split("\n") if line.strip()]
    head = len(lines) >= 2 and is_table_rule(lines[1])
    rows = lines[:1] + lines[2:] if head else lines
    return tuple(tuple(cells) for cells in rows if not is_table_rule(cells)), head


def parse_table(text: str, resolve: Resolve | None = None) -> dict[str, object]:
    """A pipe table as page data (for table text not read by the reader)."""
    return cells_table(*read_table(text), resolve)


def cells_table(cells: tuple[tuple[str, ...], ...], head: bool, resolve: Resolve | None = None) -> dict[str, object]:
    """A table read by the reader (rows of cells, maybe a header row) as page data:
    `{"head": [cell] | None, "rows": [[cell]], "columns": int}`, each cell a list of spans, short rows padded."""
    rows = [list(r) for r in cells]
    columns = max((len(r) for r in rows), default=0)

    def spans(row: list[str]) -> list[list[PageSpan]]:
        return [parse_inline(c, resolve) for c in row + [""] * (columns - len(row))]

    return {"head": spans(rows[0]) if head and rows else None, "rows": [spans(r) for r in rows[1 if head else 0 :]],
            "columns": columns}
