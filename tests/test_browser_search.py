"""Search in a real browser: the query cut as the index was, and Pagefind loaded before the first query.

The query table, filters, colours, phone layout and accessibility of the search are in test_browser.py;
this file uses its site (seed, reader fixtures, five real documents) and fixtures, and adds to its table
the queries that found nothing while the browser cut Chinese queries its own way (SEGMENTATION_QUERIES,
asserted as the table is).
"""

from __future__ import annotations

import gzip
import json


import pytest
from test_browser import (  # noqa: F401 - fixtures
    NO_RESULT,
    SEARCH_QUERIES,
    SEED_ID,
    _first_result,
    _search,
    assert_first_result,
    browser,
    build_search_site,
    open_page,
    search_served,
    search_site,
    served,
)

from generator.render.search import HAN, cut
from generator.serve import start_server
from generator.write import PAGEFIND_SIGNATURE


SEGMENTATION_QUERIES = [
    # the browser's Intl.Segmenter cuts 应急/预/案, the index 应急/预案
    ("应急预案", "guobanhan-2005-57", "应急预案"),
    # titles opening 国务院办公厅: Intl.Segmenter 国务院/办公/厅, the index 国务/院办/公/厅
    ("国务院办公厅关于印发国家粮食应急预案的函", "guobanhan-2005-57", "国务院办公厅关于印发国家粮食应急预案的函"),
    ("国务院办公厅关于推进养老服务发展的意见", "guobanfa-2019-5", "国务院办公厅关于推进养老服务发展的意见"),
    ("国务院办公厅关于加强三级公立医院绩效考核工作的意见", "guobanfa-2019-4", "国务院办公厅关于加强三级公立医院绩效考核工作的意见"),
]


@pytest.mark.parametrize("query, document, highlight", SEGMENTATION_QUERIES, ids=[q for q, _, _ in SEGMENTATION_QUERIES])
def test_search_query_table_segmentation(open_page, search_served, query, document, highlight):
    """As test_browser.py's test_search_query_table: the first result and its whole highlighted phrase."""
    assert_first_result(open_page(None), search_served, query, document, highlight)


def _indexed_runs(site) -> list[str]:
    runs = set()
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(PAGEFIND_SIGNATURE):])
        runs.update(HAN.findall(fragment["content"].replace("\u200b", "")))
    return sorted(runs)


def test_the_query_is_cut_as_the_index_was(open_page, search_site, search_served):
    """search.js cuts every Chinese run of every indexed page as generator/render/search.py's cut() does,
    which is what Pagefind's indexer wrote (test_search.py): one segmentation on both sides."""
    page = open_page(None)
    page.goto(search_served)
    page.wait_for_function("window.psSearch")
    runs = _indexed_runs(search_site)
    assert len(runs) > 1000
    cuts = page.evaluate("async runs => { const out = []; for (const r of runs) out.push(await psSearch.cut(r)); "
                         "return out; }", runs)
    differ = [(run, js, " ".join(cut(run))) for run, js in zip(runs, cuts) if js != " ".join(cut(run))]
    assert not differ, differ[:5]
    # and the rest of the query as before: 文号 tokens, punctuation splitting words, English as typed
    assert page.evaluate("psSearch.cut('国办发（2019）5号 养老服务, systematic-layout')") == \
        "p56fd529e53d1 2019n5h 养老 服务 systematic layout"


def test_a_word_the_browser_cuts_otherwise_is_found_whole(open_page, search_served):
    """国务院办公厅: the browser's Intl.Segmenter cuts 国务院/办公/厅, the index 国务/院办/公/厅 (jieba's word,
    cut again). Three State Council General Office documents open with it; one of them comes first, the
    name highlighted whole."""
    page = open_page(None)
    page.goto(search_served)
    _search(page, "国务院办公厅")
    first = _first_result(page)
    assert first["href"] in {f"/documents/{d}/" for d in ("guobanfa-2019-4", "guobanfa-2019-5", "guobanhan-2005-57")}
    assert any("国务院办公厅" in run.replace(" ", "") for run in first["marks"]), first["marks"]


def test_pagefind_is_loaded_when_the_page_is_idle_not_at_the_first_query(open_page, search_served):
    """The page loads without Pagefind; once it is idle, Pagefind's JS, wasm, metadata and filters and the
    UI are fetched, so the first query fetches only its index chunks, dictionary files and fragments."""
    page = open_page(None)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url.removeprefix(search_served)))
    page.goto(search_served, wait_until="load")
    page.wait_for_function("document.querySelector('#ps-search-ui .pagefind-ui__search-input')")
    page.wait_for_load_state("networkidle")
    timing = page.evaluate("""() => ({load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      first: Math.min(...performance.getEntriesByType('resource').filter(e => e.name.includes('/pagefind/'))
                      .map(e => e.startTime))})""")
    assert timing["first"] >= timing["load"], timing  # nothing of the search before the page has loaded
    preloaded = [r for r in requests if r.startswith("pagefind/")]
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"):
        assert any(r.startswith(f"pagefind/{name}") for r in preloaded), (name, preloaded)
    assert any(r.endswith(".pf_meta") for r in preloaded) and any(r.startswith("pagefind/filter/") for r in preloaded)
    assert not any(r.startswith(("pagefind/index/", "pagefind/fragment/")) for r in preloaded), preloaded
    before = len(requests)
    _search(page, "人工智能")
    assert _first_result(page)["href"] == f"/documents/{SEED_ID}/"
    later = requests[before:]
    assert later and all(r.startswith(("pagefind/index/", "pagefind/fragment/", "assets/search/jieba/"))
                         for r in later), later


def test_a_first_query_waits_for_no_timer(open_page, search_served):
    """Once the page has preloaded the search, the first query goes to Pagefind at once: it waits neither
    for the UI's debounce (search.js lets a first input through at once, and holds only inputs that
    follow one another) nor for the UI to start its own handle on Pagefind (it polls for it every 50 ms;
    search.js starts it when the page is idle). With the page's clock stopped, the first result shows."""
    page = open_page(None)
    page.clock.install()
    page.goto(search_served, wait_until="load")
    page.locator("#ps-search-ui .pagefind-ui__search-input").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.keyboard.press("/")
    page.locator(".pagefind-ui__search-input").wait_for()
    page.keyboard.insert_text("人工智能")
    page.locator(".pagefind-ui__result-title:not(.pagefind-ui__loading)").first.wait_for(timeout=10_000)
    assert _first_result(page)["href"] == f"/documents/{SEED_ID}/"


@pytest.fixture(scope="module")
def sharded_served(tmp_path_factory):
    """The search site (11 documents) with its index cut into shards of at most 6 documents (two shards,
    of 8 and 3 documents), served."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.write.pagefind.SHARD_DOCUMENTS", 6)
        site = build_search_site(tmp_path_factory)
    assert json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8")) == ["shards/1/"]
    server = start_server(site, 0)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("query, document, highlight", SEARCH_QUERIES + SEGMENTATION_QUERIES,
                         ids=[q for q, _, _ in SEARCH_QUERIES + SEGMENTATION_QUERIES])
def test_a_sharded_index_answers_the_query_table(open_page, sharded_served, query, document, highlight):
    """The shards merged in the browser (search.js, Pagefind's mergeIndex) find the table's document, its
    phrase highlighted whole and its rows linked. Among the results shown, not always first: each shard
    ranks by its own word statistics, which for shards of 8 and 3 documents differ from the whole's (in
    shards of 600+ documents they hardly do: README, Search)."""
    assert_first_result(open_page(None), sharded_served, query, document, highlight, ranked_first=False)


def test_a_sharded_index_counts_filters_across_shards(open_page, search_served, sharded_served):
    """The filter counts of the merged shards are those of the whole index, and no result is lost."""
    counts = []
    for served in (search_served, sharded_served):
        page = open_page(None)
        page.goto(served)
        _search(page, "国务院")
        counts.append(page.evaluate("""() => [document.querySelector('.pagefind-ui__message').textContent,
          [...document.querySelectorAll('.pagefind-ui__filter-checkbox')].map(b => b.parentElement.textContent.trim())
          .sort()]"""))
    assert counts[0] == counts[1]
    assert counts[0][1], counts  # there are filters to compare
