"""Render stage: the template context of every page, built in this one place.

Every function here turns the model into plain data (dicts, lists, strings,
numbers, booleans) for one page; templates only lay that data out. Hrefs are
final (relative to the page), source text is still raw text or spans from
`generator.read.inline` — escaping is the templates' autoescaping, never done here
except for front matter, whose values MkDocs/Material print as HTML.

The document page is one page per document with a table of contents (not split
into parts): row anchors then never move when a document grows, attachment
links, principle links and citations stay in-page, and browser find and print
see the whole text. The seed family's documents are short enough for that.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from generator.render import groups
from generator.render.search import search_context
from generator.render.fields import card_fields, other_fields, schema_fields
from generator.render.units import article_citations, article_paragraphs, is_article, row_anchors
from generator.text import compact, has_han
from generator.read.inline import cells_table, parse_inline, parse_table, plain_text, render_spans
from generator.model import AlignedDocument, AlignedSection, Block, Document, Principle, Row, Section
from generator.render.urls import (
    CATEGORIES,
    CSV_FILE,
    DATA,
    DATA_FILE,
    FEED,
    LICENSE_FILE,
    SCHEMA_FILE,
    TMX_FILE,
    DOCUMENTS,
    HOME,
    ISSUERS,
    PRINCIPLES,
    TAGS,
    anchor_id,
    document_url,
    fragment,
    relative_href,
)

if TYPE_CHECKING:
    from generator.model import Corpus


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


# --- document pages -----------------------------------------------------------


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


def _block(block: Block, resolve: _LinkResolver, depths: dict[int | None, str]) -> dict[str, object]:
    if block.kind == "table":
        table = cells_table(block.cells, block.head, resolve) if block.cells else parse_table(block.text, resolve)
        return {"kind": "table", "tag": "table", "table": table, "spans": []}
    spans = render_spans(block.spans, block.links, resolve) if block.spans else parse_inline(block.text, resolve)
    if is_article(block):  # the whole article: its label shown, then its paragraphs and items
        label, paragraphs = article_paragraphs(block, spans)
        return {"kind": "article", "tag": "div", "table": None, "label": label, "spans": [], "paragraphs": paragraphs}
    tag = depths.get(block.level, "h4") if block.kind == "heading" else "p"
    return {"kind": block.kind, "tag": tag, "table": None, "spans": spans}


def _row(row: Row, resolve: _LinkResolver, ref: str, depths: dict[int | None, str], anchor: str | None = None,
         titles: dict[str, str | None] | None = None, chinese_only: bool = False) -> dict[str, object]:
    # a table in both languages, or any row of a document with no English at all, spans both columns
    wide = not row.en and (chinese_only or any(b.lang == "mul" for b in row.zh))
    titles = titles or {}
    cite = article_citations(row, titles.get("zh"), titles.get("en")) if anchor else {}
    return {
        "id": row.id,
        "anchor": anchor,
        "href": fragment(anchor or row.id),
        "ref": cite.get("ref") or ref,
        "cite_zh": cite.get("zh"),
        "cite_en": cite.get("en"),
        "kind": row.kind,
        "wide": wide,
        "zh": [_block(b, resolve, depths) for b in row.zh],
        "en": [_block(b, resolve, depths) for b in row.en],
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


def _row_ref(section: Section, index: int) -> str:
    return f"正文第{index}段" if section.kind == "notice" else f"附件{section.number}第{index}段"


def _sections(aligned: AlignedDocument) -> list[dict[str, object]]:
    document = aligned.document
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
        rows = [_row(r, resolve, _row_ref(section, i), depths, units.get(r.id), titles, chinese_only)
                for i, r in enumerate(aligned_section.rows, start=1)]
        sections.append({"heading": _section_heading(section), "rows": rows, "included": section.included})
    return sections


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


TEXT_KINDS = frozenset({"paragraph", "heading", "table", "title"})
"""Row kinds that count for translation coverage; 文号, addressees, 附件 list, signature, date and notes do not."""


def coverage(aligned: AlignedDocument) -> dict[str, int]:
    """How many text rows have Chinese, English, both: the card's translation coverage."""
    rows = [r for s in aligned.sections for r in s.rows if r.kind in TEXT_KINDS]
    mixed = [any(b.lang == "mul" for b in r.zh) for r in rows]  # a table in both languages is its own pair
    return {
        "rows": len(rows),
        "zh": sum(bool(r.zh) for r in rows),
        "en": sum(bool(r.en) or m for r, m in zip(rows, mixed)),
        "paired": sum(bool(r.zh and r.en) or m for r, m in zip(rows, mixed)),
        "zh_only": sum(bool(r.zh and not r.en) and not m for r, m in zip(rows, mixed)),
        "en_only": sum(bool(r.en and not r.zh) for r in rows),
    }


def _entry_name(corpus: Corpus, key: str, lang: str) -> str | None:
    """The principle's canonical name from the principles index (the document may give only one language)."""
    entry = next((e for e in corpus.principles.entries if e.key == key), None)
    return None if entry is None else (entry.name_zh if lang == "zh" else entry.name_en)


def citation(title: str, doc_number: str | None) -> str:
    """`《title》（文号）`, inner 《》 turned into 〈〉 as Chinese citation style has it."""
    inner = title.replace("《", "〈").replace("》", "〉")
    return f"《{inner}》（{doc_number}）" if doc_number else f"《{inner}》"


def _card(corpus: Corpus, aligned: AlignedDocument, url: str) -> dict[str, object]:
    document, metadata = aligned.document, aligned.document.metadata
    principles: tuple[Principle, ...] = corpus.principles.for_document(document.id)
    return {
        "fields": card_fields(document, url),
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
             "href": relative_href(url, PRINCIPLES + fragment(p.key)), "row": fragment(p.row)}
            for p in principles
        ],
        "keywords": [
            {"name": k, "href": relative_href(url, groups.tag_url(html.escape(k, quote=True)))} for k in corpus.keywords.get(document.id, ())
        ],
        "truncated": document.truncated,
        "source_file": document.source_file,
        "data_href": relative_href(url, DATA_FILE),
    }


def document_context(corpus: Corpus, aligned: AlignedDocument) -> dict[str, object]:
    """Everything the document page shows."""
    document = aligned.document
    url = document_url(document.id)
    titles = document_titles(document)
    title = titles["zh"] or titles["en"] or document.id
    sections = _sections(aligned)
    year = groups.year_of(document)
    return {
        "url": url,
        "front_matter": front_matter(title, corpus.keywords.get(document.id, ()), ("navigation", "toc", "tags")),
        "id": document.id,
        "title": titles,
        "breadcrumbs": [
            {"zh": "首页", "en": "Home", "href": relative_href(url, HOME)},
            {"zh": "文件", "en": "Documents", "href": relative_href(url, DOCUMENTS)},
            {"zh": year, "en": None, "href": relative_href(url, groups.year_url(year))},
        ],
        "citation": citation(title, document.metadata.doc_number),
        "card": _card(corpus, aligned, url),
        "toc": _toc(sections),
        "sections": sections,
        "search": search_context(document, titles),
    }


# --- site pages ---------------------------------------------------------------


def _entry(url: str, document: Document) -> dict[str, object]:
    """One document in a listing."""
    titles = document_titles(document)
    return {
        "href": relative_href(url, document_url(document.id)),
        "zh": titles["zh"],
        "en": titles["en"],
        "title": titles["zh"] or titles["en"] or document.id,
        "doc_number": document.metadata.doc_number,
        "date": groups.date_of(document) or None,
        "issuer": document.metadata.issuer,
        "truncated": document.truncated,
    }


def home_context(corpus: Corpus) -> dict[str, object]:
    """The home page: what the site is, counts and the newest documents."""
    documents = [a.document for a in corpus.documents]
    covered = [coverage(a) for a in corpus.documents]
    return {
        "url": HOME,
        "front_matter": front_matter("首页 Home", hide=("navigation", "toc")),
        "counts": {
            "documents": len(documents),
            "issuers": len({d.metadata.issuer for d in documents if d.metadata.issuer}),
            "years": len({groups.year_of(d) for d in documents}),
            "principles": len(corpus.principles.entries),
            "rows": sum(c["rows"] for c in covered),
            "paired": sum(c["paired"] for c in covered),
        },
        "newest": [_entry(HOME, d) for d in groups.newest_first(documents)[:10]],
        "links": {name: relative_href(HOME, target) for name, target in (
            ("documents", DOCUMENTS), ("issuers", ISSUERS), ("categories", CATEGORIES),
            ("principles", PRINCIPLES), ("tags", TAGS), ("data", DATA))},
    }


def _listing(corpus: Corpus, url: str, title: tuple[str, str], grouped: list[dict[str, object]]) -> dict[str, object]:
    return {
        "url": url,
        "front_matter": front_matter(" ".join(title)),
        "title": {"zh": title[0], "en": title[1]},
        "count": len(corpus.documents),
        "groups": grouped,
        "jump": [{"href": fragment(g["id"]), "label": g["label"], "count": len(g["entries"]), "depth": g["depth"]}
                 for g in grouped],
    }


def documents_context(corpus: Corpus) -> dict[str, object]:
    """All documents by year, newest first."""
    documents = [a.document for a in corpus.documents]
    grouped = [{"id": groups.year_anchor(year), "label": year, "depth": 1,
                "entries": [_entry(DOCUMENTS, d) for d in docs]} for year, docs in groups.by_year(documents)]
    return _listing(corpus, DOCUMENTS, ("文件（按年份）", "Documents by year"), grouped)


def issuers_context(corpus: Corpus) -> dict[str, object]:
    """All documents by issuer."""
    documents = [a.document for a in corpus.documents]
    grouped = [{"id": groups.issuer_anchor(str(issuer)), "label": issuer, "depth": 1,
                "entries": [_entry(ISSUERS, d) for d in docs]} for issuer, docs in groups.group(documents, groups.issuer_of)]
    return _listing(corpus, ISSUERS, ("文件（按发文机关）", "Documents by issuer"), grouped)


def categories_context(corpus: Corpus) -> dict[str, object]:
    """All documents by category path; outer categories head their inner ones."""
    documents = [a.document for a in corpus.documents]
    by_path = dict(groups.group(documents, groups.category_of))
    grouped = [{"id": groups.category_anchor(path), "label": " › ".join(path), "depth": len(path),
                "entries": [_entry(CATEGORIES, d) for d in by_path.get(path, [])]}
               for path in groups.category_prefixes(documents)]
    return _listing(corpus, CATEGORIES, ("文件（按分类）", "Documents by category"), grouped)


def _statements(corpus: Corpus, documents: Mapping[str, Document], key: str, document_ids: Sequence[str]
                ) -> list[dict[str, object]]:
    statements = []
    for document_id in document_ids:
        document = documents.get(document_id)
        if document is None:
            continue
        entry = _entry(PRINCIPLES, document)
        for principle in corpus.principles.for_document(document_id):
            if principle.key == key:
                statements.append({
                    **entry,
                    "year": groups.year_of(document),
                    "row_href": relative_href(PRINCIPLES, document_url(document_id) + fragment(principle.row)),
                    "name_zh": principle.name_zh, "name_en": principle.name_en,
                    "text_zh": parse_inline(principle.text_zh) if principle.text_zh else None,
                    "text_en": parse_inline(principle.text_en) if principle.text_en else None,
                })
    return statements


def _principle_facets(corpus: Corpus, documents: Mapping[str, Document], facet, prefix: str
                      ) -> list[dict[str, object]]:
    """For every issuer (or year): the principles its documents state, most-stated first."""
    counts: dict[str, dict[str, int]] = {}
    for entry in corpus.principles.entries:
        for document_id in entry.documents:
            if document_id in documents:
                per = counts.setdefault(facet(documents[document_id]), {})
                per[entry.key] = per.get(entry.key, 0) + 1
    names = {e.key: e for e in corpus.principles.entries}
    return [{"label": label, "id": anchor_id(prefix, label), "principles": [
                {"href": fragment(key), "zh": names[key].name_zh, "en": names[key].name_en, "count": n}
                for key, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))]}
            for label, per in sorted(counts.items())]


def principles_context(corpus: Corpus) -> dict[str, object]:
    """Every principle with its statements in every document, by count; and by issuer and year."""
    documents = {a.document.id: a.document for a in corpus.documents}
    entries = [{
        "id": e.key, "href": fragment(e.key), "zh": e.name_zh, "en": e.name_en, "count": len(e.documents),
        "statements": _statements(corpus, documents, e.key, e.documents),
    } for e in sorted(corpus.principles.entries, key=lambda e: (-len(e.documents), e.key))]
    return {
        "url": PRINCIPLES,
        "front_matter": front_matter("基本原则 Principles", hide=("navigation", "toc")),
        "entries": entries,
        "by_issuer": _principle_facets(corpus, documents, groups.issuer_of, "principles-issuer"),
        "by_year": _principle_facets(corpus, documents, groups.year_of, "principles-year"),
    }


DOWNLOADS = (
    (DATA_FILE, "全部数据（JSON）", "Everything, as JSON"),
    (CSV_FILE, "每份文件一行的元数据表（CSV，Excel 可直接打开）", "One row per document (CSV; opens in Excel)"),
    (TMX_FILE, "全部中英对照段落的翻译记忆库（TMX 1.4b）", "Every aligned pair as a translation memory (TMX 1.4b)"),
    (SCHEMA_FILE, "documents.json 的 JSON Schema", "JSON Schema of documents.json"),
    (LICENSE_FILE, "许可", "Licence"),
    (FEED, "最新文件订阅（Atom）", "Newest documents (Atom feed)"),
)
"""The data page's downloads: path, what it is in Chinese and English. Per-document JSON
is `data/documents/<id>.json`, linked from each document's card."""


def data_context(corpus: Corpus) -> dict[str, object]:
    """The data page: where documents.json is and what it holds."""
    return {
        "url": DATA,
        "front_matter": front_matter("数据 Data", hide=("navigation", "toc")),
        "file_href": relative_href(DATA, DATA_FILE),
        "downloads": [{"name": path.rsplit("/", 1)[-1], "href": relative_href(DATA, path), "zh": zh, "en": en}
                      for path, zh, en in DOWNLOADS],
        "documents": len(corpus.documents),
        "principles": len(corpus.principles.entries),
        "metadata_fields": schema_fields(),
    }


def tags_context(corpus: Corpus) -> dict[str, object]:
    """The tags page; Material's tags plugin fills in the listing."""
    return {"url": TAGS, "front_matter": front_matter("标签 Tags", hide=("navigation",)),
            "count": len({k for ks in corpus.keywords.values() for k in ks})}
