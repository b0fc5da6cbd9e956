"""Render stage: the contexts of the site's own pages (home, listings, principles, data, tags)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from generator.model import Document
from generator.read.inline import parse_inline
from generator.render import groups
from generator.render.common import coverage, document_titles, documents_en, front_matter
from generator.render.crossrefs import status_context
from generator.render.fields import schema_fields
from generator.render.urls import (
    CATEGORIES, CSV_FILE, DATA, DATA_FILE, DOCUMENTS, FEED, HOME, ISSUERS, LICENSE_FILE, PRINCIPLES, SCHEMA_FILE, TAGS,
    TMX_FILE, anchor_id, document_url, fragment, relative_href)

if TYPE_CHECKING:
    from generator.model import Corpus


from generator.render.common import coverage, document_titles, documents_en, front_matter


def _entry(url: str, document: Document, corpus: Corpus | None = None) -> dict[str, object]:
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
        "status": status_context(corpus, document.id, url) if corpus is not None else None,
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
            "documents_en": "document" if len(documents) == 1 else "documents",
            "issuers": len({d.metadata.issuer for d in documents if d.metadata.issuer}),
            "years": len({groups.year_of(d) for d in documents}),
            "principles": len(corpus.principles.entries),
            "rows": sum(c["rows"] for c in covered),
            "paired": sum(c["paired"] for c in covered),
            "english": sum(c["en"] for c in covered),
        },
        "newest": [_entry(HOME, d, corpus) for d in groups.newest_first(documents)[:10]],
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
        "count_en": documents_en(len(corpus.documents)),
        "groups": grouped,
        "jump": [{"href": fragment(g["id"]), "label": g["label"], "count": g.get("total", len(g["entries"])),
                  "depth": g["depth"]} for g in grouped],
    }


def documents_context(corpus: Corpus) -> dict[str, object]:
    """All documents by year, newest first."""
    documents = [a.document for a in corpus.documents]
    grouped = [{"id": groups.year_anchor(year), "label": year, "depth": 1,
                "entries": [_entry(DOCUMENTS, d, corpus) for d in docs]} for year, docs in groups.by_year(documents)]
    return _listing(corpus, DOCUMENTS, ("文件（按年份）", "Documents by year"), grouped)


def issuers_context(corpus: Corpus) -> dict[str, object]:
    """All documents by issuer."""
    documents = [a.document for a in corpus.documents]
    grouped = [{"id": groups.issuer_anchor(str(issuer)), "label": issuer, "depth": 1,
                "entries": [_entry(ISSUERS, d, corpus) for d in docs]}
               for issuer, docs in groups.group(documents, groups.issuer_of)]
    return _listing(corpus, ISSUERS, ("文件（按发文机关）", "Documents by issuer"), grouped)


def categories_context(corpus: Corpus) -> dict[str, object]:
    """All documents by category path; outer categories head their inner ones."""
    documents = [a.document for a in corpus.documents]
    by_path = dict(groups.group(documents, groups.category_of))
    grouped = [{"id": groups.category_anchor(path), "label": " › ".join(path), "depth": len(path),
                "entries": [_entry(CATEGORIES, d, corpus) for d in by_path.get(path, [])],
                # a parent counts the documents of its subcategories too
                "total": sum(len(docs) for inner, docs in by_path.items() if inner[: len(path)] == path)}
               for path in groups.category_prefixes(documents)]
    return _listing(corpus, CATEGORIES, ("文件（按分类）", "Documents by category"), grouped)


def _stopped(name: str | None, stop: str) -> str | None:
    """A principle's name as the head of its statement: ended with a full stop, as the documents print it."""
    return name if not name or name[-1] in "。．.：:；;！!？?" else name + stop


def _statements(corpus: Corpus, documents: Mapping[str, Document], key: str, document_ids: Sequence[str]
                ) -> list[dict[str, object]]:
    statements = []
    for document_id in document_ids:
        document = documents.get(document_id)
        if document is None:
            continue
        entry = _entry(PRINCIPLES, document, corpus)
        for principle in corpus.principles.for_document(document_id):
            if principle.key == key:
                statements.append({
                    **entry,
                    "year": groups.year_of(document),
                    "row_href": relative_href(PRINCIPLES, document_url(document_id) + fragment(principle.row)),
                    "name_zh": _stopped(principle.name_zh, "。"), "name_en": _stopped(principle.name_en, "."),
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

