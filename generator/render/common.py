"""Render stage: helpers every page's context uses (titles, front matter, coverage, citation).

The page contexts themselves are built in `generator.render.document` (document pages)
and `generator.render.listings` (the site's own pages); `generator.render.context`
gathers them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from generator.model import AlignedDocument, Document, Section
from generator.read.inline import plain_text
from generator.text import has_han



HEADING_TAGS = ("h3", "h4", "h5", "h6")
"""Heading rows by depth: a section's outermost heading level is h3, the next h4, …;
h1 is the document title, h2 a section."""

UNCERTAIN = 0.5
"""Pairs the aligner is less confident about than this are marked as uncertain."""



def lang_of(text: str) -> str:
    """`zh-Hans` for text with Chinese characters, else `en` (for lines the model gives no language)."""
    return "zh-Hans" if has_han(text) else "en"


def section_anchor(section: Section) -> str:
    """Anchor of a section heading: `notice`, `attachment-1`, …"""
    return "notice" if section.kind == "notice" else f"attachment-{section.number}"


def document_titles(document: Document) -> dict[str, str | None]:
    """The document's Chinese and English titles as plain text (English only when the source gives one)."""
    notice = document.sections[0] if document.sections else None
    zh = document.metadata.title or (notice.title_zh if notice else None)
    en = notice.title_en if notice else None
    return {"zh": plain_text(zh) if zh else None, "en": plain_text(en) if en else None}


def front_matter(title: str, tags: Sequence[str] = (), hide: Sequence[str] = ("toc",)) -> dict[str, object]:
    """YAML front matter. Material prints `title` and tags as HTML, so they are HTML-escaped here."""
    matter: dict[str, object] = {"title": html.escape(title, quote=True)}
    if tags:
        matter["tags"] = [html.escape(t, quote=True) for t in tags]
    if hide:
        matter["hide"] = list(hide)
    return matter


TEXT_KINDS = frozenset({"paragraph", "heading", "table", "title"})
"""Row kinds that count for translation coverage; 文号, addressees, 附件 list, signature, date and notes do not."""


def coverage(aligned: AlignedDocument) -> dict[str, int]:
    """How many text rows have Chinese, English, both: the card's translation coverage (the home page
    sums it over every document: one pass over the rows)."""
    counts = dict.fromkeys(("rows", "zh", "en", "paired", "zh_only", "en_only"), 0)
    for section in aligned.sections:
        for row in section.rows:
            if row.kind not in TEXT_KINDS:
                continue
            mixed = any(b.lang == "mul" for b in row.zh)  # a table in both languages is its own pair
            zh, en = bool(row.zh), bool(row.en) or mixed
            counts["rows"] += 1
            counts["zh"] += zh
            counts["en"] += en
            counts["paired"] += zh and en
            counts["zh_only"] += zh and not en
            counts["en_only"] += en and not zh
    return counts


def citation(title: str, doc_number: str | None) -> str:
    """`《title》（文号）`, inner 《》 turned into 〈〉 as Chinese citation style has it."""
    inner = title.replace("《", "〈").replace("》", "〉")
    return f"《{inner}》（{doc_number}）" if doc_number else f"《{inner}》"




def documents_en(count: int) -> str:
    """`1 document`, `2 documents`."""
    return f"{count} document" if count == 1 else f"{count} documents"
