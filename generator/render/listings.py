"""Render stage: the contexts of the site's own pages (home, listings, principles, data, tags)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from generator.model import Document
from generator.read.inline import parse_inline
from generator.render import groups, paging
from generator.render.common import coverage, document_titles, documents_en, front_matter
from generator.render.crossrefs import status_context
from generator.render.fields import schema_fields
from generator.render.paging import utf8
from generator.render.urls import (
    CATEGORIES, CSV_FILE, DATA, DATA_FILE, DOCUMENTS, FEED, HOME, ISSUERS, LICENSE_FILE, PRINCIPLES, SCHEMA_FILE, TAGS,
    anchor_id, document_url, fragment, relative_href)

if TYPE_CHECKING:
    from generator.model import Corpus


def _entry(url: str, document: Document, corpus: Corpus | None = None) -> dict[str, object]:
    """One document in a listing."""
    titles = groups.titles(corpus)[document.id] if corpus is not None else document_titles(document)
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


def _entry_size(e: Mapping[str, object]) -> int:
    """About the bytes `m.entry` lays an entry out in."""
    status = e["status"] or {}
    return 300 + utf8(e["href"], e["zh"], e["en"], e["doc_number"], e["date"], e["issuer"],
                      *(status.get(k) for k in ("zh", "en", "detail")))


def _jump_size(j: Mapping[str, object]) -> int:
    return 140 + utf8(j["target"], j["label"], j.get("en"))


def _index(corpus: Corpus, url: str, title: tuple[str, str], jump: list[dict[str, object]]) -> list[dict[str, object]]:
    """An index page (`documents/`, `issuers/`, `categories/`): its groups with counts, each a
    link to the group's page; numbered pages when the groups do not fit on one."""
    runs = paging.split(jump, _jump_size)
    urls = [paging.numbered(url, i + 1) for i in range(len(runs))]
    pages = []
    for page_url, run in zip(urls, runs):
        pages.append({
            "url": page_url,
            "front_matter": front_matter(" ".join(title)),
            "title": {"zh": title[0], "en": title[1]},
            "count": len(corpus.documents),
            "count_en": documents_en(len(corpus.documents)),
            "up": None,
            "jump": _linked(page_url, run),
            "groups": [],
            "pager": paging.pager(page_url, urls),
        })
    return pages


def _group_pages(corpus: Corpus, index: tuple[str, str, str], base: str, kind: tuple[str, str],
                 heads: list[dict[str, object]], documents: dict[str, list[Document]],
                 children: list[dict[str, object]] | None = None) -> list[dict[str, object]]:
    """The pages of one group (a year, an issuer, a category; groups whose slugs agree share one):
    every group's documents, newest first, cut into numbered pages when they do not fit."""
    items = [(h, d) for h in heads for d in documents[str(h["id"])]]
    runs = paging.split(items, lambda item: _entry_size(_entry(base, item[1], corpus)))
    urls = [paging.numbered(base, i + 1) for i in range(len(runs))]
    label = " · ".join(str(h["label"]) for h in heads)
    pages = []
    for page_url, run in zip(urls, runs):
        grouped = []
        for head in heads:
            entries = [_entry(page_url, d, corpus) for h, d in run if h is head]
            if entries or (not run and head is heads[0]):
                grouped.append({**head, "entries": entries})
        pages.append({
            "url": page_url,
            "front_matter": front_matter(f"{label} · {kind[0]} {kind[1]}", hide=("navigation", "toc")),
            "title": {"zh": label, "en": kind[1]},
            "count": sum(int(h["total"]) for h in heads),
            "count_en": documents_en(sum(int(h["total"]) for h in heads)),
            "up": _up(page_url, *index),
            "jump": [{**c, "href": relative_href(page_url, c["target"])} for c in children or []]
                    if page_url == base else [],
            "groups": grouped,
            "pager": paging.pager(page_url, urls),
        })
    return pages


def _by_page(labels: list[object], page_of) -> dict[str, list[object]]:
    """Labels by the page they are listed on, in label order."""
    pages: dict[str, list[object]] = {}
    for label in labels:
        pages.setdefault(page_of(label), []).append(label)
    return pages


def documents_pages(corpus: Corpus) -> list[dict[str, object]]:
    """The years with their counts (`documents/`), and one page per year, newest first."""
    grouped = groups.by_year([a.document for a in corpus.documents])
    jump = [{"target": groups.year_page(year), "label": year, "count": len(docs), "depth": 1}
            for year, docs in grouped]
    pages = _index(corpus, DOCUMENTS, ("文件（按年份）", "Documents by year"), jump)
    by_year = dict(grouped)
    for page, years in _by_page([y for y, _ in grouped], groups.year_page).items():
        heads = [{"id": groups.year_anchor(y), "label": y, "depth": 1, "total": len(by_year[y])} for y in years]
        pages += _group_pages(corpus, (DOCUMENTS, "全部年份", "All years"), page, ("年份", "Year"), heads,
                              {groups.year_anchor(y): by_year[y] for y in years})
    return pages


def issuers_pages(corpus: Corpus) -> list[dict[str, object]]:
    """The issuers with their counts (`issuers/`), and one page per issuer."""
    grouped = groups.group([a.document for a in corpus.documents], groups.issuer_of)
    jump = [{"target": groups.issuer_page(str(issuer)), "label": issuer, "count": len(docs), "depth": 1}
            for issuer, docs in grouped]
    pages = _index(corpus, ISSUERS, ("文件（按发文机关）", "Documents by issuer"), jump)
    by_issuer = {str(k): v for k, v in grouped}
    for page, issuers in _by_page(list(by_issuer), groups.issuer_page).items():
        heads = [{"id": groups.issuer_anchor(i), "label": i, "depth": 1, "total": len(by_issuer[i])}
                 for i in issuers]
        pages += _group_pages(corpus, (ISSUERS, "全部发文机关", "All issuers"), page, ("发文机关", "Issuer"),
                              heads, {groups.issuer_anchor(i): by_issuer[i] for i in issuers})
    return pages


def categories_pages(corpus: Corpus) -> list[dict[str, object]]:
    """Every category path with its count (`categories/`; a parent counts the documents of its
    subcategories too), and one page per category: its subcategories, then its own documents."""
    documents = [a.document for a in corpus.documents]
    by_path = dict(groups.group(documents, groups.category_of))
    paths = groups.category_prefixes(documents)
    totals = {path: sum(len(docs) for inner, docs in by_path.items() if inner[: len(path)] == path)
              for path in paths}
    jump = [{"target": groups.category_page(path), "label": " › ".join(path), "count": totals[path],
             "depth": len(path)} for path in paths]
    pages = _index(corpus, CATEGORIES, ("文件（按分类）", "Documents by category"), jump)
    for page, shared in _by_page(paths, groups.category_page).items():
        heads = [{"id": groups.category_anchor(p), "label": " › ".join(p), "depth": 1, "total": totals[p]}
                 for p in shared]
        children = [{"target": groups.category_page(inner), "label": inner[-1], "count": totals[inner],
                     "depth": 1} for inner in paths if len(inner) == len(shared[0]) + 1 and inner[:-1] in shared]
        pages += _group_pages(corpus, (CATEGORIES, "全部分类", "All categories"), page, ("分类", "Category"),
                              heads, {groups.category_anchor(p): by_path.get(p, []) for p in shared}, children)
    return pages


def _stopped(name: str | None, stop: str) -> str | None:
    """A principle's name as the head of its statement: ended with a full stop, as the documents print it."""
    return name if not name or name[-1] in "。．.：:；;！!？?" else name + stop


def _statement(corpus: Corpus, url: str, document: Document, principle) -> dict[str, object]:
    """One document's statement of a principle, on page `url`."""
    return {
        **_entry(url, document, corpus),
        "year": groups.year_of(document),
        "row_href": relative_href(url, document_url(document.id) + fragment(principle.row)),
        "name_zh": _stopped(principle.name_zh, "。"), "name_en": _stopped(principle.name_en, "."),
        "text_zh": parse_inline(principle.text_zh) if principle.text_zh else None,
        "text_en": parse_inline(principle.text_en) if principle.text_en else None,
    }


def _statement_size(s: Mapping[str, object]) -> int:
    """About the bytes `principles.md.j2` lays a statement out in (spans add their tags)."""
    spans = [span for key in ("text_zh", "text_en") for span in s[key] or ()]
    return 550 + utf8(s["href"], s["row_href"], s["title"], s["doc_number"], s["issuer"], s["name_zh"], s["name_en"],
                       *(span.get("text") for span in spans), *(span.get("href") for span in spans)) + 40 * len(spans)


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
                {"target": groups.principle_url(key), "zh": names[key].name_zh, "en": names[key].name_en, "count": n}
                for key, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))]}
            for label, per in sorted(counts.items())]


PRINCIPLES_BY_ISSUER = PRINCIPLES + "by-issuer/"
PRINCIPLES_BY_YEAR = PRINCIPLES + "by-year/"


def _link_size(e: Mapping[str, object]) -> int:
    return 220 + utf8(e["target"], e["zh"], e["en"])


def _facet_size(f: Mapping[str, object]) -> int:
    return 120 + utf8(f["label"], f["id"]) + sum(_link_size(p) for p in f["principles"])  # type: ignore[union-attr]


def _linked(url: str, links: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    return [{**link, "href": relative_href(url, str(link["target"]))} for link in links]


def principles_pages(corpus: Corpus) -> list[dict[str, object]]:
    """The principles index (`principles/`: every principle with its count, most-stated first, and
    links to the principles by issuer and by year) and one page per principle: its statements in
    every document, in corpus order."""
    documents = {a.document.id: a.document for a in corpus.documents}
    stated = dict(corpus.principles.by_document)
    ordered = sorted(corpus.principles.entries, key=lambda e: (-len(e.documents), e.key))
    links = [{"target": groups.principle_url(e.key), "zh": e.name_zh, "en": e.name_en, "count": len(e.documents)}
             for e in ordered]
    runs = paging.split(links, _link_size)
    urls = [paging.numbered(PRINCIPLES, i + 1) for i in range(len(runs))]
    pages: list[dict[str, object]] = []
    for url, run in zip(urls, runs):
        pages.append({
            "url": url, "kind": "index",
            "front_matter": front_matter("基本原则 Principles", hide=("navigation", "toc")),
            "entries": _linked(url, run),
            "facets": _linked(url, [{"target": PRINCIPLES_BY_ISSUER, "zh": "按发文机关", "en": "By issuer"},
                                    {"target": PRINCIPLES_BY_YEAR, "zh": "按年份", "en": "By year"}]) if ordered else [],
            "pager": paging.pager(url, urls),
        })
    if ordered:
        for base, facet, prefix, (zh, en) in (
                (PRINCIPLES_BY_ISSUER, groups.issuer_of, "principles-issuer", ("按发文机关", "by issuer")),
                (PRINCIPLES_BY_YEAR, groups.year_of, "principles-year", ("按年份", "by year"))):
            runs = paging.split(_principle_facets(corpus, documents, facet, prefix), _facet_size)
            urls = [paging.numbered(base, i + 1) for i in range(len(runs))]
            for url, run in zip(urls, runs):
                pages.append({
                    "url": url, "kind": "facet",
                    "front_matter": front_matter(f"基本原则（{zh}） Principles {en}", hide=("navigation", "toc")),
                    "title": {"zh": f"基本原则（{zh}）", "en": f"Principles {en}"},
                    "up": _up(url, PRINCIPLES, "全部基本原则", "All principles"),
                    "groups": [{**f, "principles": _linked(url, f["principles"])} for f in run],
                    "pager": paging.pager(url, urls),
                })
    for e in ordered:
        base = groups.principle_url(e.key)
        pairs = [(documents[d], p) for d in e.documents if d in documents for p in stated.get(d, ()) if p.key == e.key]
        runs = paging.split(pairs, lambda pair: _statement_size(_statement(corpus, base, *pair)))
        urls = [paging.numbered(base, i + 1) for i in range(len(runs))]
        name = " · ".join(n for n in (e.name_zh, e.name_en) if n) or e.key
        for url, run in zip(urls, runs):
            pages.append({
                "url": url, "kind": "principle",
                "front_matter": front_matter(f"{name} · 基本原则 Principles", hide=("navigation", "toc")),
                "entry": {"id": e.key, "zh": e.name_zh, "en": e.name_en, "count": len(e.documents)},
                "up": _up(url, PRINCIPLES, "全部基本原则", "All principles"),
                "statements": [_statement(corpus, url, *pair) for pair in run],
                "pager": paging.pager(url, urls),
            })
    return pages


DOWNLOADS = (
    (DATA_FILE, "文件目录：每份文件的元数据、关键词与数据文件地址（JSON）", "The catalogue: each document's metadata, keywords and data files (JSON)"),
    (CSV_FILE, "每份文件一行的元数据表（CSV，Excel 可直接打开）", "One row per document (CSV; opens in Excel)"),
    (SCHEMA_FILE, "documents.json 的 JSON Schema", "JSON Schema of documents.json"),
    (LICENSE_FILE, "许可", "Licence"),
    (FEED, "最新文件订阅（Atom）", "Newest documents (Atom feed)"),
)
"""The data page's downloads: path, what it is in Chinese and English. Each document's whole text
is `data/documents/<id>.json` and its aligned pairs `data/documents/<id>.tmx`, named in the
catalogue and linked from the document's card."""


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


def _tag_link_size(link: Mapping[str, object]) -> int:
    return 160 + 2 * utf8(link["tag"]) + utf8(link["target"])


def tags_pages(corpus: Corpus) -> list[dict[str, object]]:
    """The tags index (`tags/`: every tag with its count, by pinyin initial) and the tags pages it
    links to (`groups.tag_pages`), each listing its tags' documents; a tag too big to share a page
    has numbered pages of its own.

    The listings are written here, not left to Material's tags plugin: the plugin fills a listing
    from the pages it read in the same MkDocs run, and `mkdocs build --dirty` reads only the
    changed ones, so a listing rebuilt that way would lose every unchanged document."""
    tagged = groups.tagged_documents(corpus)
    where = groups.tag_pages(corpus)
    ordered = sorted(tagged, key=groups.tag_order)
    links = [{"tag": html.unescape(t), "target": groups.tag_url(t, corpus), "count": len(tagged[t]),
              "initial": groups.tag_initial(t)} for t in ordered]
    runs = paging.split(links, _tag_link_size)
    urls = [paging.numbered(TAGS, i + 1) for i in range(len(runs))]
    pages: list[dict[str, object]] = []
    lead = {"count": len(tagged), "documents": len(corpus.documents)}
    for url, run in zip(urls, runs):
        initials: dict[str, list[dict[str, object]]] = {}
        for link in _linked(url, run):
            initials.setdefault(str(link["initial"]), []).append(link)
        pages.append({"url": url, "kind": "index", "lead": lead,
                      "front_matter": front_matter("标签 Tags", hide=("navigation", "toc")),
                      "initials": [{"label": i.upper() if i != "0" else "0–9 …", "tags": tags}
                                   for i, tags in initials.items()],
                      "pager": paging.pager(url, urls)})
    listed: dict[str, list[str]] = {}
    for tag in ordered:
        listed.setdefault(where[tag], []).append(tag)
    walk = list(listed)  # every tags page in pinyin order: previous / next lead through all of them
    for url, tags in listed.items():
        if groups.own_tag_page(corpus, url):
            pages += _own_tag_pages(corpus, url, tags[0], tagged[tags[0]], walk)
            continue
        first, last = html.unescape(tags[0]), html.unescape(tags[-1])
        pages.append({"url": url, "kind": "listing", "up": _up(url, TAGS, "全部标签", "All tags"),
                      "front_matter": front_matter(f"标签 Tags · {first} – {last}", hide=("navigation", "toc")),
                      "tags": [{"tag": html.unescape(t), "id": groups.tag_anchor(t),
                                "href": fragment(groups.tag_anchor(t)), "count": len(tagged[t]),
                                "documents": [_tagged_row(corpus, url, d) for d in groups.newest_first(tagged[t])]}
                               for t in tags],
                      "pager": paging.pager(url, walk)})
    return pages


def _tagged_row(corpus: Corpus, url: str, document: Document) -> dict[str, object]:
    """A document in a tag's listing: its title, linked (as Material's tags plugin listed it)."""
    titles = groups.titles(corpus)[document.id]
    return {"href": relative_href(url, document_url(document.id)),
            "title": titles["zh"] or titles["en"] or document.id, "lang": "zh-Hans" if titles["zh"] else "en"}


def _own_tag_pages(corpus: Corpus, base: str, tag: str, documents: list[Document], walk: list[str]
                   ) -> list[dict[str, object]]:
    """The numbered pages of a tag too big for Material's listing on one page: its documents,
    newest first, laid out as the other listings."""
    runs = paging.split(groups.newest_first(documents), lambda d: _entry_size(_entry(base, d, corpus)))
    own = [paging.numbered(base, i + 1) for i in range(len(runs))]
    name = html.unescape(tag)
    return [{"url": url, "kind": "tag", "up": _up(url, TAGS, "全部标签", "All tags"),
             "front_matter": front_matter(f"{name} · 标签 Tags", hide=("navigation", "toc")),
             "tag": {"name": name, "id": groups.tag_anchor(tag), "count": len(documents)},
             "entries": [_entry(url, d, corpus) for d in run],
             "pager": paging.pager(url, own), "walk": paging.pager(base, walk, on=url)}
            for url, run in zip(own, runs)]


def _up(url: str, target: str, zh: str, en: str) -> dict[str, object]:
    """The link from a page up to its index."""
    return {"href": relative_href(url, target), "zh": zh, "en": en}
