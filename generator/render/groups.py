"""Render stage: how documents are grouped, sorted and addressed on listing pages.

Pure functions over the model (no page data): the years, issuers and category
paths documents are listed under, the anchors of those groups, and the order of
everything, so every listing and every link to a group agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pymdownx.slugs import slugify

from generator.model import Document
from generator.render.urls import CATEGORIES, DOCUMENTS, ISSUERS, TAGS, anchor_id, fragment

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


def year_url(year: str) -> str:
    return DOCUMENTS + fragment(year_anchor(year))


def issuer_url(issuer: str) -> str:
    return ISSUERS + fragment(issuer_anchor(issuer))


def category_url(path: Sequence[str]) -> str:
    return CATEGORIES + fragment(category_anchor(path))


def tag_url(tag: str) -> str:
    """Where Material's tags plugin lists pages tagged `tag` (its heading id on the tags page)."""
    return TAGS + fragment("tag:" + _tag_slug(tag, "-"))


def category_prefixes(documents: Sequence[Document]) -> list[tuple[str, ...]]:
    """Every category path and every prefix of one, sorted (outer before inner)."""
    paths = {category_of(d)[: i + 1] for d in documents for i in range(len(category_of(d)))}
    return sorted(paths)
