"""Render stage: the corpus as data for anyone who wants it.

`data/documents.json` is the catalogue: every document's metadata, titles,
principles, keywords and counts, with the address of its own file
`data/documents/<id>.json`, which holds the document whole (every row in both
languages, with the aligner's confidence and evidence). The catalogue stays
small (about 1.5 KB a document) however long the documents are, and a
document's file is rendered with its page, once per content
(`generator.render.documents`).

Deterministic: documents sorted by id, principles by key, keys in a fixed
order, `ensure_ascii=False`, compact (no indent, no spaces: `json`'s C encoder,
which an indent turns off), trailing newline. Texts are the source's verbatim
text (inline markup kept), never HTML.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from generator.render.context import document_titles, section_anchor
from generator.render.fields import export_metadata
from generator.render.units import row_anchors
from generator.model import AlignedDocument, Block, Row, Section
from generator.render.urls import DOCUMENT_FILES, document_url

if TYPE_CHECKING:
    from generator.model import Corpus

SCHEMA_VERSION = 2
"""2: `documents.json` is a catalogue; each document's rows are in `data/documents/<id>.json` (1 held them all)."""


def _text(blocks: tuple[Block, ...]) -> str | None:
    return "\n".join(b.text for b in blocks) if blocks else None


def _block(row: Row) -> dict[str, object]:
    return {
        "id": row.id,
        "kind": row.kind,
        "level": row.level,
        "zh": _text(row.zh),
        "en": _text(row.en),
        "source_lines": sorted({line for b in row.zh + row.en for line in b.lines}),
        "confidence": row.confidence,
        "evidence": [{"kind": e.kind, "detail": e.detail, "score": e.score} for e in row.evidence],
        "section": None,  # filled by _document, which knows the section
    }


def _attachment(section: Section, url: str) -> dict[str, object]:
    return {
        "number": section.number,
        "title": {"zh": section.title_zh, "en": section.title_en},
        "url": f"{url}#{section_anchor(section)}" if section.included else None,
    }


def document_data(corpus: Corpus, aligned: AlignedDocument) -> dict[str, object]:
    """One document whole: `data/documents/<id>.json`."""
    document, metadata = aligned.document, aligned.document.metadata
    url = document_url(document.id)
    blocks = []
    for aligned_section in aligned.sections:
        anchor = section_anchor(aligned_section.section)
        units = row_anchors(aligned_section, "" if anchor == "notice" else f"{anchor}-")
        for row in aligned_section.rows:
            blocks.append({**_block(row), "section": anchor, "unit": units.get(row.id)})
    return {
        "id": document.id,
        "url": url,
        "source_file": document.source_file,
        "title": document_titles(document),
        "metadata": export_metadata(metadata),
        "masthead": list(document.masthead),
        "truncated": document.truncated,
        "attachments": [_attachment(s, url) for s in document.sections if s.kind == "attachment"],
        "blocks": blocks,
        "principles": [
            {"key": p.key, "name": {"zh": p.name_zh, "en": p.name_en}, "text": {"zh": p.text_zh, "en": p.text_en},
             "block": p.row}
            for p in corpus.principles.for_document(document.id)
        ],
        "keywords": list(corpus.keywords.get(document.id, ())),
    }


def catalogue_entry(data: dict[str, object]) -> dict[str, object]:
    """A document's entry in `documents.json`, from its whole data: all but the rows and the masthead,
    with the address of its file and the counts of its rows."""
    blocks: list[dict[str, object]] = data["blocks"]  # type: ignore[assignment]
    entry = {k: v for k, v in data.items() if k not in ("blocks", "masthead")}
    return {**entry, "data": document_file(str(data["id"])), "rows": len(blocks),
            "pairs": sum(1 for b in blocks if b["zh"] and b["en"])}


def export_data(corpus: Corpus, entries: dict[str, dict[str, object]] | None = None) -> dict[str, object]:
    """The catalogue as plain data (sorted). `entries`: document id → `catalogue_entry`, when already made."""
    entries = entries or {a.document.id: catalogue_entry(document_data(corpus, a)) for a in corpus.documents}
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [entries[i] for i in sorted(entries)],
        "principles": [
            {"key": e.key, "name": {"zh": e.name_zh, "en": e.name_en}, "documents": list(e.documents)}
            for e in sorted(corpus.principles.entries, key=lambda e: e.key)
        ],
    }


def document_file(document_id: str) -> str:
    """Where a document's whole data is, relative to the site root."""
    return f"{DOCUMENT_FILES}{document_id}.json"


def to_json(data: object) -> str:
    """The site's JSON text (`data/documents.json` from `export_data`'s result, and every other JSON file):
    UTF-8 characters as they are, compact, trailing newline. An indent would make `json` use its
    pure-Python encoder (2.5 times slower) and the files 60% larger."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def export_json(corpus: Corpus) -> str:
    """`data/documents.json`'s text."""
    return to_json(export_data(corpus))
