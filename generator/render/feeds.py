"""Render stage: Atom feeds of the newest documents, site-wide and per issuer.

Written with `feedgen` (a feed library: escaping, required elements and RFC 3339
dates are its job, not ours). Entries are the newest documents by the date they
are listed by (`groups.date_of`), with bilingual titles; a document's date is
midnight in China (UTC+08:00). Everything a feed holds comes from the corpus, so
the same seeds give the same bytes: `updated` is the newest entry's date, never
the clock. Links are absolute when `site_url` is known (SITE_URL), otherwise
relative to the feed's own URL, which feed readers resolve.
"""

from __future__ import annotations

import posixpath
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from generator.model import Document
from generator.render import groups
from generator.render.context import document_titles
from generator.render.urls import FEED, ISSUER_FEEDS, document_url, relative_href
from generator.text import pinyin_slug

if TYPE_CHECKING:
    from generator.model import Corpus

SITE_TITLE = "中国政策文件中英对照 · China Policy Documents"
"""The site's name, as `site_name` in mkdocs.yml (a test keeps the two equal)."""
ENTRIES = 50
"""Entries per feed."""
CHINA = timezone(timedelta(hours=8))
_EPOCH = "1970-01-01"


def issuer_feed(issuer: str) -> str:
    """The path of an issuer's feed."""
    return f"{ISSUER_FEEDS}{pinyin_slug(issuer) or 'issuer'}.xml"


def _moment(date: str) -> datetime:
    return datetime.strptime(date or _EPOCH, "%Y-%m-%d").replace(tzinfo=CHINA)


def _href(site_url: str | None, feed_path: str, url: str) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + url
    return relative_href(posixpath.dirname(feed_path) + "/", url)


def _title(document: Document) -> str:
    titles = document_titles(document)
    return " — ".join(t for t in (titles["zh"], titles["en"]) if t) or document.id


def _entry(feed: FeedGenerator, document: Document, feed_path: str, site_url: str | None) -> None:
    metadata = document.metadata
    entry = feed.add_entry(order="append")
    link = _href(site_url, feed_path, document_url(document.id))
    entry.id(link if site_url else f"urn:policy-site:document:{document.id}")
    entry.title(_title(document))
    entry.link(href=link, rel="alternate", type="text/html")
    date = _moment(groups.date_of(document))
    entry.updated(date)
    entry.published(date)
    summary = "；".join(x for x in (metadata.doc_number, metadata.issuer, groups.date_of(document)) if x)
    if summary:
        entry.summary(summary)
    if metadata.issuer:
        entry.author({"name": metadata.issuer})


def atom(documents: list[Document], feed_path: str, title: str, site_url: str | None) -> str:
    """One Atom feed of `documents` (newest first, at most `ENTRIES`)."""
    newest = groups.newest_first(documents)[:ENTRIES]
    feed = FeedGenerator()
    feed.id(_href(site_url, feed_path, feed_path) if site_url else f"urn:policy-site:{feed_path}")
    feed.title(title)
    feed.language("zh-Hans")
    feed.author({"name": "policy-site"})
    feed.link(href=_href(site_url, feed_path, feed_path), rel="self", type="application/atom+xml")
    feed.link(href=_href(site_url, feed_path, ""), rel="alternate", type="text/html")
    feed.generator("policy-site")
    feed.updated(_moment(groups.date_of(newest[0])) if newest else _moment(_EPOCH))
    for document in newest:
        _entry(feed, document, feed_path, site_url)
    return feed.atom_str(pretty=True).decode("utf-8")


def feeds(corpus: Corpus, site_url: str | None = None) -> dict[str, str]:
    """The site-wide feed and one per issuer: `{path inside docs/: content}`."""
    documents = [a.document for a in corpus.documents]
    files = {FEED: atom(documents, FEED, f"{SITE_TITLE} · 最新文件 Newest documents", site_url)}
    for issuer, listed in groups.group(documents, groups.issuer_of):
        path = issuer_feed(str(issuer))
        files[path] = atom(listed, path, f"{issuer} · {SITE_TITLE}", site_url)
    return files
