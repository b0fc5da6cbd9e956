"""Render stage: how documents are grouped, sorted and addressed on listing pages.

Pure functions over the model (no page data): the years, issuers and category
paths documents are listed under, the anchors of those groups, and the order of
everything, so every listing and every link to a group agree.
"""

from __future__ import annotations

import html

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from pymdownx.slugs import slugify

from generator.model import Document
from generator.render import paging
from generator.render.common import document_titles
from generator.render.paging import utf8
from generator.render.urls import CATEGORIES, ISSUERS, PRINCIPLES, TAGS, YEARS, anchor_id, fragment
from generator.text import pinyin_slug

if TYPE_CHECKING:
    from generator.model import Corpus

UNKNOWN_YEAR = "未知"
UNKNOWN_ISSUER = "未注明"
UNKNOWN_CATEGORY = ("未分类",)

_tag_slug = slugify(case="lower")
"""Material's tags plugin default (`tags_slugify`); `tags_slugify_format` is `tag:{slug}`."""


def date_of(document: Document) -> str:
    """The date a document is listed and sorted by: 发布日期; else, for a law, its promulgation
    date, else its adoption date; else 成文日期; else empty."""
    m = document.metadata
    return m.date_published or m.date_promulgated or m.date_adopted or m.date_written or ""


def year_of(document: Document) -> str:
    date = date_of(document)
    return date[:4] if date else UNKNOWN_YEAR


def issuer_of(document: Document) -> str:
    return document.metadata.issuer or UNKNOWN_ISSUER


def category_of(document: Document) -> tuple[str, ...]:
    return document.metadata.category or UNKNOWN_CATEGORY


def newest_first(documents: Iterable[Document]) -> list[Document]:
    """Newest date first; ties and undated documents by id, so the order is stable."""
    dated = sorted(documents, key=lambda d: d.id)
    return sorted(dated, key=date_of, reverse=True)


def group(documents: Sequence[Document], key) -> list[tuple[object, list[Document]]]:
    """`(key, documents newest first)` for every key, keys in sort order."""
    groups: dict[object, list[Document]] = {}
    for document in newest_first(documents):
        groups.setdefault(key(document), []).append(document)
    return sorted(groups.items(), key=lambda item: item[0])


def by_year(documents: Sequence[Document]) -> list[tuple[str, list[Document]]]:
    """Newest year first; the unknown year last."""
    groups = group(documents, year_of)
    known = [g for g in groups if g[0] != UNKNOWN_YEAR]
    return list(reversed(known)) + [g for g in groups if g[0] == UNKNOWN_YEAR]


def year_anchor(year: str) -> str:
    return anchor_id("y", year)


def issuer_anchor(issuer: str) -> str:
    return anchor_id("issuer", issuer)


def category_anchor(path: Sequence[str]) -> str:
    return anchor_id("category", "-".join(path))


def slug(label: str, fallback: str) -> str:
    """A group's URL segment: its label in pinyin (`pinyin_slug`); labels that give the same slug
    share the page, each under its own heading."""
    return pinyin_slug(label) or fallback


def year_page(year: str) -> str:
    """The page listing a year's documents (`years/2017/`)."""
    return f"{YEARS}{slug(year, 'year')}/"


def issuer_page(issuer: str) -> str:
    """The page listing an issuer's documents (`issuers/gongyehexinxihuabu/`)."""
    return f"{ISSUERS}{slug(issuer, 'issuer')}/"


def category_page(path: Sequence[str]) -> str:
    """The page listing a category's documents, nested like the path (`categories/keji/gaojishu/`)."""
    return CATEGORIES + "".join(f"{slug(name, 'category')}/" for name in path)


def principle_page(key: str) -> str:
    """The page of one principle, its statements across documents (`principles/systematic-layout/`)."""
    return f"{PRINCIPLES}{slug(key, 'principle')}/"


def year_url(year: str) -> str:
    return year_page(year) + fragment(year_anchor(year))


def issuer_url(issuer: str) -> str:
    return issuer_page(issuer) + fragment(issuer_anchor(issuer))


def category_url(path: Sequence[str]) -> str:
    return category_page(path) + fragment(category_anchor(path))


def principle_url(key: str) -> str:
    return principle_page(key)


def tag_anchor(tag: str) -> str:
    """The id of a tag's heading on its tags page, `tag:{slug}` as Material's tags plugin made it
    (so links kept from before still land); `tag` as written in the front matter (HTML-escaped)."""
    return "tag:" + _tag_slug(tag, "-")


def tag_initial(tag: str) -> str:
    """The letter a tag is filed under: the first letter of its pinyin, `0` for anything else."""
    first = pinyin_slug(tag)[:1]
    return first if first.isalpha() else "0"


TAG_COST = 260
"""Bytes a tag adds to a tags page's Markdown (which is its HTML), besides its name: its heading,
count and list, and the chip linking to it at the top of the page."""
ROW_COST = 60
"""Bytes a (tag, document) row adds, besides the document's id (in its link) and title."""


def tag_cost(tag: str, titles: Iterable[tuple[str, str]]) -> int:
    """About the bytes `tags.md.j2` lays `tag` out in with its documents' (id, title) rows
    (the name is written in the chip, its link, the heading and its id)."""
    return TAG_COST + 6 * utf8(tag) + sum(ROW_COST + utf8(doc_id) + utf8(title) for doc_id, title in titles)


_memo: dict[str, tuple[object, object]] = {}
"""Per name, the last corpus and what was computed from it (every document page asks where its
tags are listed; every listing wants the titles)."""


def _per_corpus(corpus: Corpus, name: str, compute):
    if name not in _memo or _memo[name][0] is not corpus:
        _memo[name] = (corpus, compute())
    return _memo[name][1]


def titles(corpus: Corpus) -> dict[str, dict[str, str | None]]:
    """Every document's titles (`common.document_titles`), computed once per corpus."""
    return _per_corpus(corpus, "titles", lambda: {a.document.id: document_titles(a.document) for a in corpus.documents})


def tag_pages(corpus: Corpus) -> dict[str, str]:
    """Every tag (as written in the front matter, HTML-escaped) → the tags page listing it.

    Tags are filed by pinyin initial (`tags/s/`); an initial whose listing would not fit in the
    page budget (`paging.BUDGET`) is packed, tags in pinyin order, into numbered pages
    (`tags/s/`, `tags/s/page-2/`, …). A tag whose listing alone would not fit has numbered pages
    of its own (`tags/s/shuju/`, `tags/s/shuju/page-2/`, …)."""
    return _per_corpus(corpus, "tag pages", lambda: _tag_pages(corpus))[0]


def _tag_pages(corpus: Corpus) -> tuple[dict[str, str], set[str]]:
    tagged = tagged_documents(corpus)
    pages: dict[str, str] = {}
    by_initial: dict[str, list[str]] = {}
    for tag in sorted(tagged, key=tag_order):
        by_initial.setdefault(tag_initial(tag), []).append(tag)
    taken: set[str] = set()
    for initial, tags in by_initial.items():
        number, used = 1, 0
        for tag in tags:
            cost = tag_cost(tag, ((d.id, listing_title(corpus, d)) for d in tagged[tag]))
            if cost > paging.BUDGET:
                own, n = f"{TAGS}{initial}/{slug(html.unescape(tag), 'tag')}", 1
                while (f"{own}/" if n == 1 else f"{own}-{n}/") in taken:  # homophones: 实施, 事实
                    n += 1
                pages[tag] = f"{own}/" if n == 1 else f"{own}-{n}/"
                taken.add(pages[tag])
                continue
            if used and used + cost > paging.BUDGET:
                number, used = number + 1, 0
            used += cost
            pages[tag] = paging.numbered(f"{TAGS}{initial}/", number)
    return pages, taken


def own_tag_page(corpus: Corpus, url: str) -> bool:
    """Whether tags page `url` is a tag's own (a tag too big to share a page)."""
    return url in _per_corpus(corpus, "tag pages", lambda: _tag_pages(corpus))[1]


def listing_title(corpus: Corpus, document: Document) -> str:
    """A document page's title as its front matter gives it (HTML-escaped): what a tag listing shows."""
    titled = titles(corpus)[document.id]
    return html.escape(titled["zh"] or titled["en"] or document.id, quote=True)


def tagged_documents(corpus: Corpus) -> dict[str, list[Document]]:
    """Every tag as written in the front matter (HTML-escaped) → the documents carrying it, in
    corpus order."""
    tagged: dict[str, list[Document]] = {}
    for aligned in corpus.documents:
        for tag in corpus.keywords.get(aligned.document.id, ()):
            tagged.setdefault(html.escape(tag, quote=True), []).append(aligned.document)
    return tagged


def tag_counts(keywords: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    """Every tag as written in the front matter (HTML-escaped) → how many documents carry it."""
    counts: dict[str, int] = {}
    for tags in keywords.values():
        for tag in tags:
            key = html.escape(tag, quote=True)
            counts[key] = counts.get(key, 0) + 1
    return counts


def tag_order(tag: str) -> tuple[str, str]:
    """Tags in pinyin order, ties by the tag."""
    return (pinyin_slug(tag), tag)


def tag_url(tag: str, corpus: Corpus) -> str:
    """Where pages tagged `tag` (as written in the front matter) are listed: its heading on its tags page."""
    return tag_pages(corpus)[tag] + fragment(tag_anchor(tag))


def category_prefixes(documents: Sequence[Document]) -> list[tuple[str, ...]]:
    """Every category path and every prefix of one, sorted (outer before inner)."""
    paths = {category_of(d)[: i + 1] for d in documents for i in range(len(category_of(d)))}
    return sorted(paths)
