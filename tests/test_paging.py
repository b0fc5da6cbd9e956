"""Site-wide pages stay small (issue 14): every page the site's own builders make, at 10,000
documents, within the HTML budget; splitting and previous / next links (`generator/render/paging.py`)."""

from __future__ import annotations

import random

import pytest
from helpers import corpus, document, en, metadata, principle, zh

from generator.render import groups, paging
from generator.render.pages import SITE_PAGES, environment, render_page

SIZE = 10_000


def _words(rng: random.Random, pool: str, low: int, high: int) -> str:
    return "".join(rng.choice(pool) for _ in range(rng.randint(low, high)))


def _zipf(rng: random.Random, n: int, a: float) -> int:
    """An index below `n`, the first ones far more often (Pareto)."""
    return min(int(rng.paretovariate(a)), n) - 1


HAN = "国务院办公厅关于印发推进数据安全管理发展规划实施方案通知意见城市建设改革工业信息化科技教育卫生农业财政金融交通能源环境"


@pytest.fixture(scope="module")
def large():
    """10,000 documents as a large real corpus would have them: long titles in both languages,
    400 issuers and 120 categories (few of them holding most documents), 25 years, 8 keywords each
    from 6,000 words (a few words on thousands of documents), principles on a third of them."""
    rng = random.Random(14)
    issuers = [_words(rng, HAN, 4, 14) + "部" for _ in range(400)]
    categories = [(_words(rng, HAN, 2, 5), _words(rng, HAN, 2, 6)) for _ in range(120)]
    vocabulary = sorted({_words(rng, HAN, 2, 4) for _ in range(6_000)})
    principles_pool = [(f"principle-{i}", _words(rng, HAN, 4, 8), f"Principle number {i}") for i in range(600)]
    documents, keywords, stated = [], {}, {}
    for i in range(SIZE):
        year = 2000 + rng.randrange(25)
        doc_id = f"doc-{year}-{i}"
        title = f"{_words(rng, HAN, 18, 60)}（样本{i}）"
        meta = metadata(title=title, issuer=issuers[_zipf(rng, len(issuers), 0.6)],
                        doc_number=f"测试〔{year}〕{i}号", date_published=f"{year}-{rng.randint(1, 12):02}-01",
                        category=categories[_zipf(rng, len(categories), 0.8)][: rng.randint(1, 2)])
        documents.append(document(doc_id, meta=meta, notice_title_en=f"Notice on sample {i} " + "and more " * 8,
                                  notice=[(zh("正文。"), en("Text."))]))
        keywords[doc_id] = tuple(sorted({vocabulary[_zipf(rng, len(vocabulary), 0.5)]
                                         if rng.random() < 0.3 else rng.choice(vocabulary) for _ in range(8)}))
        if rng.random() < 0.33:
            chosen = {principles_pool[_zipf(rng, len(principles_pool), 0.7)] for _ in range(4)}
            stated[doc_id] = tuple(principle(key, "n1", zh_name, en_name, _words(rng, HAN, 40, 160),
                                             "The statement in English. " * rng.randint(2, 12))
                                   for key, zh_name, en_name in sorted(chosen))
    return corpus(*documents, principles=stated, keywords=keywords)


@pytest.fixture(scope="module")
def site_pages(large):
    env = environment()
    return {page["url"]: (template, page, render_page(env, template, page))
            for template, build in SITE_PAGES for page in build(large)}


def test_no_site_page_over_the_budget_at_10000_documents(site_pages):
    """A page's HTML is its Markdown (HTML blocks, passed through) and Material's chrome around it."""
    limit = paging.HTML_BUDGET - paging.CHROME
    sizes = {url: len(markdown.encode("utf-8")) for url, (_, _, markdown) in site_pages.items()}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= limit, (largest, sizes[largest])
    assert len(sizes) > 400  # split, not left out: the 400 issuers alone have a page each
    for prefix in ("years/", "issuers/", "categories/", "principles/", "tags/"):
        assert any(u.startswith(prefix) and "page-2/" in u for u in sizes), prefix  # something had to be split


def test_every_document_is_listed_once_per_listing(large, site_pages):
    ids = sorted(a.document.id for a in large.documents)
    for prefix in ("years/", "issuers/"):
        listed = [e["href"].rstrip("/").rsplit("/", 1)[-1] for url, (_, page, _) in site_pages.items()
                  if url.startswith(prefix) for g in page["groups"] for e in g["entries"]]
        assert sorted(listed) == ids, prefix
    own = [e["href"].rstrip("/").rsplit("/", 1)[-1] for url, (_, page, _) in site_pages.items()
           if url.startswith("categories/") for g in page["groups"] for e in g["entries"]]
    assert sorted(own) == ids


def test_every_group_page_is_reached_from_its_index(site_pages):
    """Index pages link every group's first page; numbered pages are reached by next links."""
    import posixpath
    reached = set()
    for url, (_, page, _) in site_pages.items():
        links = [j["href"] for j in page.get("jump", ())] + [e["href"] for e in page.get("entries", ())]
        links += [t["href"] for i in page.get("initials", ()) for t in i["tags"]]
        links += [p["href"] for g in page.get("groups", ()) for p in g.get("principles", ())]
        links += [page["pager"]["next"]] if page.get("pager") and page["pager"]["next"] else []
        links += [page["walk"]["next"]] if page.get("walk") and page["walk"]["next"] else []
        links += [f["href"] for f in page.get("facets", ())]
        for href in links:
            reached.add(posixpath.normpath(posixpath.join(url, href.split("#")[0])) + "/")
    roots = {"documents/", "issuers/", "categories/", "principles/", "tags/"}
    missing = sorted(u for u in site_pages if u not in reached and u not in roots and u != "" and u != "data/")
    assert not missing, missing[:10]


def test_tag_listings_cover_every_tag_once_and_links_find_them(large, site_pages):
    import html
    listed = {}
    for url, (_, page, _) in site_pages.items():
        if page.get("kind") == "listing":
            for t in page["tags"]:
                listed.setdefault(html.escape(t["tag"], quote=True), []).append((url, t["count"], len(t["documents"])))
        elif page.get("kind") == "tag":
            listed.setdefault(html.escape(page["tag"]["name"], quote=True), []).append(
                (url, page["tag"]["count"], len(page["entries"])))
    tagged = groups.tagged_documents(large)
    assert sorted(listed) == sorted(tagged)
    for tag, places in listed.items():
        assert sum(n for _, _, n in places) == len(tagged[tag]) and {c for _, c, _ in places} == {len(tagged[tag])}
        assert groups.tag_url(tag, large).split("#")[0] == places[0][0]  # links land on its (first) page
    assert any(len(places) > 1 for places in listed.values())  # a tag on thousands of documents: pages of its own


def test_split_keeps_order_and_budget():
    runs = paging.split(list(range(10)), lambda n: 3, budget=7)
    assert runs == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert paging.split([], len, budget=5) == [[]]
    assert paging.split(["too big", "x"], len, budget=3) == [["too big"], ["x"]]  # an item alone may exceed


def test_pager_links_previous_and_next():
    urls = ["issuers/x/", "issuers/x/page-2/", "issuers/x/page-3/"]
    assert [paging.numbered("issuers/x/", n) for n in (1, 2, 3)] == urls
    assert paging.pager(urls[0], urls[:1]) is None
    assert paging.pager(urls[0], urls) == {"number": 1, "of": 3, "prev": None, "next": "page-2/"}
    assert paging.pager(urls[2], urls) == {"number": 3, "of": 3, "prev": "../page-2/", "next": None}
