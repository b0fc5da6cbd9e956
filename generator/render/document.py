"""Render stage: the context of a document page (card, contents, sections and rows).

The document page is one page per document with a table of contents (not split
into parts): row anchors then never move when a document grows, attachment
links, principle links and citations stay in-page, and browser find and print
see the whole text. The seed family's documents are short enough for that.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from generator.model import AlignedDocument, AlignedSection, Block, Document, Principle, Row, Section
from generator.read.inline import cells_table, parse_inline, parse_table, plain_text, render_spans
from generator.render import groups
from generator.render.citations import document_citations, row_refs
from generator.render.crossrefs import block_key, block_references, cites_context, link_spans, status_context
from generator.render.common import (
    HEADING_TAGS, UNCERTAIN, citation, coverage, document_titles, front_matter, lang_of, section_anchor)
from generator.render.feeds import issuer_feed
from generator.render.fields import card_fields, other_fields
from generator.render.search import search_context
from generator.render.units import article_citations, article_paragraphs, is_article, row_anchors
from generator.render.urls import DATA_FILE, DOCUMENT_FILES, DOCUMENTS, HOME, document_url, fragment, relative_href
from generator.text import compact

if TYPE_CHECKING:
    from generator.model import Corpus


class _LinkResolver:
    """Resolves a document's in-page links; `[title](#)` points at the attachment it names."""

    def __init__(self, document: Document, anchors: set[str]) -> None:
        self._attachments = [s for s in document.sections if s.kind == "attachment"]
        self._anchors = anchors
        self._unnamed = 0

    def __call__(self, text: str, target: str) -> str | None:
        if target != "#":
            return target if target[1:] in self._anchors else None
        wanted = _normal(plain_text(text))
        for section in self._attachments:
            if wanted in {_normal(plain_text(t)) for t in (section.title_zh, section.title_en) if t}:
                return "#" + section_anchor(section)
        self._unnamed += 1  # otherwise the k-th `(#)` link is attachment k
        by_order = [s for s in self._attachments if s.number == self._unnamed]
        return "#" + section_anchor(by_order[0]) if by_order else None


def _normal(text: str) -> str:
    return compact(text).strip("《》“”\"'")


def heading_depths(section: AlignedSection) -> dict[int | None, str]:
    """Heading tag per level (`text.LEVELS`) used by `section`'s headings, outermost first."""
    levels = sorted({b.level for r in section.rows for b in r.zh + r.en if b.kind == "heading" and b.level})
    depths: dict[int | None, str] = {level: HEADING_TAGS[min(i, len(HEADING_TAGS) - 1)] for i, level in enumerate(levels)}
    depths[None] = HEADING_TAGS[1]
    return depths


class _Mentions:
    """Makes the mentions of other documents in a block's text links (`crossrefs.link_spans`)."""

    def __init__(self, corpus: Corpus | None, document_id: str, url: str) -> None:
        self._found = block_references(corpus, document_id) if corpus is not None else {}
        self._url = url

    def __call__(self, block: Block, spans: list[dict[str, object]]) -> list[dict[str, object]]:
        references = self._found.get(block_key(block))
        return link_spans(spans, references, self._url) if references else spans


def _block(block: Block, resolve: _LinkResolver, depths: dict[int | None, str], mentions: _Mentions
           ) -> dict[str, object]:
    if block.kind == "table":
        table = cells_table(block.cells, block.head, resolve) if block.cells else parse_table(block.text, resolve)
        return {"kind": "table", "tag": "table", "table": table, "spans": []}
    spans = render_spans(block.spans, block.links, resolve) if block.spans else parse_inline(block.text, resolve)
    spans = mentions(block, spans)
    if is_article(block):  # the whole article: its label shown, then its paragraphs and items
        label, paragraphs = article_paragraphs(block, spans)
        return {"kind": "article", "tag": "div", "table": None, "label": label, "spans": [], "paragraphs": paragraphs}
    tag = depths.get(block.level, "h4") if block.kind == "heading" else "p"
    return {"kind": block.kind, "tag": tag, "table": None, "spans": spans}


def _row(row: Row, resolve: _LinkResolver, mentions: _Mentions, ref: tuple[str, str], depths: dict[int | None, str],
         anchor: str | None = None, titles: dict[str, str | None] | None = None, chinese_only: bool = False
         ) -> dict[str, object]:
    # a table in both languages, or any row of a document with no English at all, spans both columns
    wide = not row.en and (chinese_only or any(b.lang == "mul" for b in row.zh))
    titles = titles or {}
    cite = article_citations(row, titles.get("zh"), titles.get("en")) if anchor else {}
    return {
        "id": row.id,
        "anchor": anchor,
        "href": fragment(anchor or row.id),
        "ref": cite.get("ref") or ref[0],
        "ref_en": ref[1],
        "cite_zh": cite.get("zh"),
        "cite_en": cite.get("en"),
        "kind": row.kind,
        "wide": wide,
        "zh": [_block(b, resolve, depths, mentions) for b in row.zh],
        "en": [_block(b, resolve, depths, mentions) for b in row.en],
        "uncertain": row.confidence is not None and row.confidence < UNCERTAIN,
        "confidence": None if row.confidence is None else f"{row.confidence:.2f}",
    }


def _section_heading(section: Section) -> dict[str, object]:
    if section.kind == "notice":
        label_zh, label_en = "正文", "Main text"
    else:
        label_zh, label_en = f"附件{section.number}", f"Attachment {section.number}"
    return {
        "id": section_anchor(section),
        "label_zh": label_zh,
        "label_en": label_en,
        # the notice's titles are the page's h1; its section heading is the label alone
        "title_zh": parse_inline(section.title_zh) if section.title_zh and section.kind != "notice" else None,
        "title_en": parse_inline(section.title_en) if section.title_en and section.kind != "notice" else None,
        "title_zh_text": plain_text(section.title_zh) if section.title_zh else None,
        "title_en_text": plain_text(section.title_en) if section.title_en else None,
    }


def _sections(aligned: AlignedDocument, corpus: Corpus | None = None) -> list[dict[str, object]]:
    document = aligned.document
    mentions = _Mentions(corpus, document.id, document_url(document.id))
    anchors = {r.id for s in aligned.sections for r in s.rows} | {section_anchor(s.section) for s in aligned.sections}
    resolve = _LinkResolver(document, anchors)
    chinese_only = not any(b.lang == "en" for s in document.sections for b in s.blocks)
    sections = []
    for aligned_section in aligned.sections:
        section = aligned_section.section
        depths = heading_depths(aligned_section)
        titles = document_titles(document) if section.kind == "notice" else {
            "zh": plain_text(section.title_zh) if section.title_zh else None,
            "en": plain_text(section.title_en) if section.title_en else None}
        units = row_anchors(aligned_section, "" if section.kind == "notice" else f"{section_anchor(section)}-")
        refs = row_refs(section, aligned_section.rows)
        rows = [_row(r, resolve, mentions, ref, depths, units.get(r.id), titles, chinese_only)
                for r, ref in zip(aligned_section.rows, refs)]
        # "cut off" only where the source gives both languages: a part it never translated is "not translated"
        mark_gaps(rows, document.truncated and any(r["zh"] for r in rows) and any(r["en"] for r in rows))
        sections.append({"heading": _section_heading(section), "rows": rows, "included": section.included})
    return sections


GAP_REASONS = {
    ("en", True): ("来源在预览处截断，未含英文", "English cut off in this partial source"),
    ("zh", True): ("来源在预览处截断，未含中文", "Chinese cut off in this partial source"),
    ("en", False): ("来源未译此段", "Not translated in the source"),
    ("zh", False): ("来源中无对应中文", "No Chinese counterpart in the source"),
}
"""Why a lone piece's other side is empty: (missing side, the source is partial) → Chinese, English."""


def _missing(row: dict[str, object]) -> str | None:
    if row["wide"] or (row["zh"] and row["en"]):
        return None
    return "en" if row["zh"] else "zh"


def mark_gaps(rows: list[dict[str, object]], cut_off: bool) -> None:
    """Give each lone row its `gap`: the missing side, why, and whether it opens a run of lone rows on the
    same side (only the run's first row says so, with the run's length; the others stay empty)."""
    start = 0
    while start < len(rows):
        side = _missing(rows[start])
        end = start + 1
        while side and end < len(rows) and _missing(rows[end]) == side:
            end += 1
        for i in range(start, end):
            rows[i]["gap"] = None if side is None else {
                "side": side, "first": i == start, "run": end - start,
                "zh": GAP_REASONS[(side, cut_off)][0], "en": GAP_REASONS[(side, cut_off)][1]}
        start = end


def _toc(sections: list[dict[str, object]]) -> list[dict[str, object]]:
    """Sections, then their level-1 and level-2 heading rows."""
    toc = []
    for section in sections:
        heading = section["heading"]
        toc.append({"href": fragment(heading["id"]), "level": 1, "zh": heading["label_zh"], "en": heading["label_en"],
                    "title": heading["title_zh_text"] or heading["title_en_text"],
                    "lang": "zh-Hans" if heading["title_zh_text"] else "en"})
        for row in section["rows"]:
            blocks = row["zh"] or row["en"]
            if row["kind"] == "heading" and blocks and blocks[0]["tag"] in ("h3", "h4"):
                toc.append({"href": row["href"], "level": 2 if blocks[0]["tag"] == "h3" else 3, "zh": None, "en": None,
                            "title": _spans_text(blocks[0]["spans"]), "lang": "zh-Hans" if row["zh"] else "en"})
    return toc


def _spans_text(spans: list[dict[str, object]]) -> str:
    return "".join(str(s["text"]) if not s["br"] else " " for s in spans)


def _entry_name(corpus: Corpus, key: str, lang: str) -> str | None:
    """The principle's canonical name from the principles index (the document may give only one language)."""
    entry = next((e for e in corpus.principles.entries if e.key == key), None)
    return None if entry is None else (entry.name_zh if lang == "zh" else entry.name_en)


KEY_FACTS = ("doc_number", "issuer", "date_published", "date_promulgated", "date_written", "date_effective")
"""The card's first lines, in this order (the rest is behind "more"); at most `KEY_DATES` dates."""
KEY_DATES = 2


def _facts(fields: list[dict[str, object]]) -> list[dict[str, object]]:
    """The key facts: 文号, issuer and the first dates the document states."""
    present = [f for f in fields if f["attribute"] in KEY_FACTS and f["value"]]
    dates = [f for f in present if str(f["attribute"]).startswith("date_")][:KEY_DATES]
    return sorted([f for f in present if not str(f["attribute"]).startswith("date_")] + dates,
                  key=lambda f: KEY_FACTS.index(str(f["attribute"])))


def _relations(references: dict[str, list[dict[str, object]]]) -> list[dict[str, object]]:
    """The card's lines for a notice and the document it issues (印发), both ways, and what abolished it."""
    return [{**entry, "label": label} for key in ("cites", "cited_by") for entry in references[key]
            for label in entry["labels"] if label["en"] in ("Issues", "Issued by", "Abolished by")]


def _card(corpus: Corpus, aligned: AlignedDocument, url: str) -> dict[str, object]:
    document, metadata = aligned.document, aligned.document.metadata
    principles: tuple[Principle, ...] = corpus.principles.for_document(document.id)
    fields = card_fields(document, url)
    return {
        "facts": _facts(fields),
        "relations": _relations(cites_context(corpus, document.id, url)),
        "fields": fields,
        "other_fields": other_fields(metadata),
        "attachments": [
            {"number": s.number, "href": fragment(section_anchor(s)), "included": s.included,
             "zh": plain_text(s.title_zh) if s.title_zh else None, "en": plain_text(s.title_en) if s.title_en else None}
            for s in document.sections if s.kind == "attachment"
        ],
        "coverage": coverage(aligned),
        "masthead": [{"text": line, "lang": lang_of(line)} for line in document.masthead],
        "principles": [
            {"zh": p.name_zh or _entry_name(corpus, p.key, "zh"), "en": p.name_en or _entry_name(corpus, p.key, "en"),
             "href": relative_href(url, groups.principle_url(p.key)), "row": fragment(p.row)}
            for p in principles
        ],
        "keywords": [
            {"name": k, "href": relative_href(url, groups.tag_url(html.escape(k, quote=True), corpus))} for k in corpus.keywords.get(document.id, ())
        ],
        "truncated": document.truncated,
        "source_file": document.source_file,
        "data_href": relative_href(url, DATA_FILE),
        "json_href": relative_href(url, f"{DOCUMENT_FILES}{document.id}.json"),
        "text_href": relative_href(url, f"{DOCUMENT_FILES}{document.id}.txt"),
        "markdown_href": relative_href(url, f"{DOCUMENT_FILES}{document.id}.md.txt"),
        "markdown_name": f"{document.id}.md",
        "status": status_context(corpus, document.id, url),
    }


def document_context(corpus: Corpus, aligned: AlignedDocument) -> dict[str, object]:
    """Everything the document page shows."""
    document = aligned.document
    url = document_url(document.id)
    titles = document_titles(document)
    title = titles["zh"] or titles["en"] or document.id
    sections = _sections(aligned, corpus)
    year = groups.year_of(document)
    matter = front_matter(title, corpus.keywords.get(document.id, ()), ("navigation", "toc", "tags"))
    matter["skip"] = sections[0]["heading"]["id"] if sections else "ps-main"
    if document.metadata.issuer:
        matter["feed"] = {"title": f"{document.metadata.issuer} · 最新文件 Newest documents",
                          "href": issuer_feed(document.metadata.issuer)}
    return {
        "url": url,
        "front_matter": matter,
        "id": document.id,
        "title": titles,
        "breadcrumbs": [
            {"zh": "首页", "en": "Home", "href": relative_href(url, HOME)},
            {"zh": "文件", "en": "Documents", "href": relative_href(url, DOCUMENTS)},
            {"zh": year, "en": None, "href": relative_href(url, groups.year_url(year))},
        ],
        "citation": citation(title, document.metadata.doc_number),
        "citations": document_citations(titles["zh"], titles["en"], document.metadata.issuer,
                                        document.metadata.doc_number),
        "card": _card(corpus, aligned, url),
        "toc": _toc(sections),
        "sections": sections,
        "search": search_context(document, titles),
        "references": cites_context(corpus, document.id, url),
    }


