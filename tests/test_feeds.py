"""Atom feeds: well-formed, unique ids, RFC 3339 dates, newest first, bilingual titles, per issuer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lxml import etree

from generator.build import load_corpus
from generator.render import groups
from generator.render.feeds import ENTRIES, FEED, SITE_TITLE, atom, feeds, issuer_feed

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "tests" / "fixtures" / "reader")


def _parse(text: str):
    return etree.fromstring(text.encode("utf-8"))


def test_the_site_feed_lists_documents_newest_first_with_unique_ids_and_rfc3339_dates(corpus):
    root = _parse(feeds(corpus)[FEED])
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids)) == len(corpus.documents)
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert all(RFC3339.match(d) for d in dates + [root.findtext(f"{ATOM}updated")])
    assert dates == sorted(dates, reverse=True)
    assert root.findtext(f"{ATOM}updated") == dates[0]  # the newest entry, never the clock


def test_titles_are_bilingual_when_the_source_gives_english():
    root = _parse(feeds(load_corpus(ROOT / "tests" / "fixtures" / "translation"))[FEED])
    title = root.find(f"{ATOM}entry").findtext(f"{ATOM}title")
    assert re.search(r"[\u4e00-\u9fff]", title) and " — " in title and re.search(r"[A-Za-z]{4}", title)


def test_one_feed_per_issuer(corpus):
    files = feeds(corpus)
    issuers = {groups.issuer_of(a.document) for a in corpus.documents}
    assert {issuer_feed(i) for i in issuers} | {FEED} == set(files)
    for issuer in issuers:
        entries = _parse(files[issuer_feed(issuer)]).findall(f"{ATOM}entry")
        assert len(entries) == sum(groups.issuer_of(a.document) == issuer for a in corpus.documents)


def test_links_are_absolute_with_a_site_url_and_relative_without(corpus):
    absolute = _parse(feeds(corpus, "https://example.org/p/")[FEED])
    relative = _parse(feeds(corpus)[FEED])
    first = lambda root: root.find(f"{ATOM}entry").find(f"{ATOM}link").get("href")  # noqa: E731
    assert first(absolute).startswith("https://example.org/p/documents/")
    assert first(relative).startswith("../documents/")
    assert absolute.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/p/feeds/atom.xml"


def test_feeds_are_deterministic_and_bounded(corpus):
    assert feeds(corpus) == feeds(corpus)
    many = [a.document for a in corpus.documents] * (ENTRIES // len(corpus.documents) + 2)
    assert len(_parse(atom(many, FEED, "t", None)).findall(f"{ATOM}entry")) == ENTRIES


def test_escaping_is_the_library_s(corpus):
    import dataclasses

    document = corpus.documents[0].document
    hostile = dataclasses.replace(document, metadata=dataclasses.replace(document.metadata, title="<b>x</b> & y"))
    text = atom([hostile], FEED, "a & b", None)
    assert "<b>" not in text and _parse(text).find(f"{ATOM}entry").findtext(f"{ATOM}title").startswith("<b>x</b> & y")


def test_the_site_title_is_mkdocs_site_name():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert config["site_name"] == SITE_TITLE
