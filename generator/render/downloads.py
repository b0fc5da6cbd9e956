"""Render stage: each document as files a reader can take away.

- `data/documents/<id>.txt`: the source as read (decoded, LF line ends), and
  `data/documents/<id>.en.txt` for a separately supplied translation;
- `data/documents/<id>.md.txt`: the document as Markdown — title, metadata, then
  its rows, Chinese then English (`.md.txt` so that MkDocs copies it as a file
  instead of rendering it as a page; the card's link downloads it as `<id>.md`).

The Markdown's layout is `templates/pages/download.md.j2`; its context is built
here from the card's field table (`render/fields.py`), so the two agree.
"""

from __future__ import annotations

import re

from generator.model import AlignedDocument, Block
from generator.render.common import document_titles
from generator.render.fields import card_fields
from generator.render.urls import DOCUMENT_FILES, document_url

_BLOCK_MARKER = re.compile(r"^(\s*)([#>|+\-=`~]|\d+[.)]\s)")


def source_files(aligned: AlignedDocument) -> dict[str, str]:
    """The source (and its translation) as read."""
    document = aligned.document
    files = {f"{DOCUMENT_FILES}{document.id}.txt": "\n".join(document.source_lines).rstrip("\n") + "\n"}
    if document.translation_file:
        files[f"{DOCUMENT_FILES}{document.id}.en.txt"] = "\n".join(document.translation_lines).rstrip("\n") + "\n"
    return files


def markdown_text(text: str) -> str:
    """Source text as Markdown paragraph text: a line that would open a Markdown block (`# x`, `> x`,
    `1. x`, `- x`) is escaped, so the text stays text; inline `*title*` markup is kept as the source wrote it."""
    return "\n".join(_BLOCK_MARKER.sub(lambda m: m[1] + "\\" + m[2], line).rstrip() for line in text.split("\n"))


def _text(blocks: tuple[Block, ...]) -> str | None:
    """The blocks as Markdown: each source line its own paragraph (an article's 款 are paragraphs),
    but a table's lines together."""
    if not blocks:
        return None
    return "\n\n".join(b.text if b.kind == "table" else markdown_text(b.text).replace("\n", "\n\n") for b in blocks)


def download_context(aligned: AlignedDocument, site_url: str | None = None) -> dict[str, object]:
    """The Markdown download's context; the page's URL is absolute when `site_url` (SITE_URL) is known."""
    document = aligned.document
    url = document_url(document.id)
    sections = []
    for aligned_section in aligned.sections:
        section = aligned_section.section
        rows = [{"heading": r.kind in ("heading", "title"), "zh": _text(r.zh), "en": _text(r.en)}
                for r in aligned_section.rows]
        sections.append({"kind": section.kind, "number": section.number, "title_zh": section.title_zh,
                         "title_en": section.title_en, "included": section.included, "rows": rows})
    return {
        "title": document_titles(document),
        "url": site_url.rstrip("/") + "/" + url if site_url else url,
        "fields": [{"label_zh": f["label_zh"], "label_en": f["label_en"],
                    "value": f["value"] or "; ".join(str(i["name"]) for i in f["items"])}
                   for f in card_fields(document, url) if f["value"] or f["items"]],
        "sections": sections,
        "truncated": document.truncated,
    }
