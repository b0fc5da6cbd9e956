"""Search (Pagefind) without a browser: what the templates give the indexer, and what it writes.

The seed site (conftest.py's `site`) is indexed by Pagefind after MkDocs
(generator/write.py). These tests read the bundle in site/pagefind/ the way
the browser does (gzip + CBOR index files, JSON fragments). Queries in a real
browser, with the first result and the highlight asserted: test_browser.py.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import cbor2
import pytest
from helpers import sample_corpus

import material
from generator.render import context
from generator.render.search import HAN, cut, doc_number_terms, document_type, prefix_token, segmenter_files
from generator.write import PAGEFIND_SIGNATURE, stabilise_pagefind

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "gongxinbuke-2017-315"


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(PAGEFIND_SIGNATURE)
    body = data[len(PAGEFIND_SIGNATURE):]
    return json.loads(body) if path.suffix == ".pf_fragment" else cbor2.loads(body)


def _fragments(site: Path) -> list[dict]:
    return [_read(p) for p in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))]


# --- what a document page gives the indexer ---------------------------------------------------


def test_doc_number_terms_hold_the_number_as_written_and_its_tokens():
    assert doc_number_terms("工信部科[2017]315号") == ["工信部科[2017]315号", "p5de54fe190e879d1", "2017n315h", "n315h"]
    assert doc_number_terms("国办发〔2019〕05号")[2:] == ["2019n5h", "n5h"]  # leading zeros go, as in search.js
    assert doc_number_terms("中华人民共和国主席令第二十号") == ["中华人民共和国主席令第二十号"]  # no year: as written only
    assert prefix_token("国办发") == "p56fd529e53d1"


@pytest.mark.parametrize("title, kind", [
    ("工业和信息化部关于印发《促进新一代人工智能产业发展三年行动计划（2018-2020年）》的通知", "通知"),
    ("国务院办公厅关于推进养老服务发展的意见", "意见"),
    ("中华人民共和国数据安全法", "法律"),
    ("国务院办公厅关于印发国家粮食应急预案的函", "函"),
    ("互联网信息服务算法推荐管理规定", "规定"),
    ("Notice on something", None),
])
def test_document_type_is_read_from_the_end_of_the_title(title, kind):
    assert document_type(title) == kind


def test_document_context_has_meta_filters_and_terms():
    corpus = sample_corpus()
    search = context.document_context(corpus, corpus.documents[0])["search"]
    assert dict(search["meta"])["title"] == "关于测试的通知" and dict(search["meta"])["文号"] == "测试〔2020〕1号"
    filters = {(f["name"], f["value"]) for f in search["filters"]}
    assert {("发文机关 Issuer", "测试部"), ("年份 Year", "2020"), ("文种 Type", "通知"),
            ("分类 Category", "科技管理"), ("分类 Category", "科技管理 › 高技术管理")} <= filters
    assert search["terms"].split() == ["测试〔2020〕1号", prefix_token("测试"), "2020n1h", "n1h", "ceshi-2020-1"]


# --- the built site -----------------------------------------------------------------------------


def test_only_document_pages_are_indexed(site):
    """Home, listings, principles, tags and data pages never crowd documents out of the results."""
    urls = [f["url"] for f in _fragments(site)]
    assert urls == [f"/documents/{SEED_ID}/"]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["zh"] and entry["languages"]["zh"]["page_count"] == 1


def test_the_index_holds_text_rows_and_metadata_but_no_placeholders_or_tools(site):
    (fragment,) = _fragments(site)
    text = fragment["content"].replace("\u200b", "")
    assert "人工智能" in text and "Systematic Layout" in text and "2017n315h" in text
    for never in ("无中文原文", "No English translation in the source", "复制引用", "Copy citation", "目录",
                  "文件信息", "Document information", "¶", "中英对照"):
        assert never not in text, never
    assert fragment["meta"]["title"].startswith("工业和信息化部关于印发")
    assert fragment["meta"]["文号"] == "工信部科[2017]315号"
    assert fragment["filters"]["发文机关 Issuer"] == ["工业和信息化部"]
    assert fragment["filters"]["年份 Year"] == ["2017"] and fragment["filters"]["文种 Type"] == ["通知"]
    rows = {a["id"] for a in fragment["anchors"] if a["element"] == "div"}
    assert {"n3", "a1-6"} <= rows  # results can link to the row


def test_filter_files_are_sorted(site):
    meta = _read(next((site / "pagefind").glob("pagefind.zh_*.pf_meta")))
    names = [name for name, _ in meta[3]]
    assert names == sorted(names) and "发文机关 Issuer" in names
    for _, file_hash in meta[3]:
        key, values = _read(site / "pagefind" / "filter" / f"{file_hash}.pf_filter")
        assert values == sorted(values)


def test_stabilise_pagefind_makes_shuffled_filters_identical(site, tmp_path):
    """Pagefind writes filter values in hash-map order; after stabilising, any order gives the same files."""
    import shutil

    copies = []
    for name, reverse in (("a", False), ("b", True)):
        bundle = tmp_path / name
        shutil.copytree(site / "pagefind", bundle)
        meta_path = next(bundle.glob("pagefind.zh_*.pf_meta"))
        meta = _read(meta_path)
        meta[3] = sorted(meta[3], reverse=reverse)  # another order, as another run of Pagefind writes it
        meta_path.write_bytes(gzip.compress(PAGEFIND_SIGNATURE + cbor2.dumps(meta), mtime=0))
        stabilise_pagefind(bundle)
        copies.append(bundle)
    files = sorted(p.relative_to(copies[0]) for p in copies[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(copies[1]) for p in copies[1].rglob("*") if p.is_file())
    assert all((copies[0] / f).read_bytes() == (copies[1] / f).read_bytes() for f in files)


def test_material_search_is_gone_and_the_header_has_the_search_button(site):
    assert not (site / "search" / "search_index.json").exists()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-header__button md-icon ps-search-open"' in html and 'data-bundle="pagefind/"' in html
    page = (site / "documents" / SEED_ID / "index.html").read_text(encoding="utf-8")
    assert 'data-bundle="../../pagefind/"' in page and "data-pagefind-body" in page


def test_header_override_is_materials_header_but_for_the_search():
    """templates/overrides/partials/header.html is Material's with one block replaced: a Material upgrade that
    changes its header shows up here."""
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = (ROOT / "templates" / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    strip_upstream = re.sub(r'\A\{#-.*?-#\}\n', "", upstream, flags=re.DOTALL)
    strip_upstream = re.sub(r'    \{% if "material/search" in config.plugins %\}.*?\n    \{% endif %\}\n', "",
                            strip_upstream, flags=re.DOTALL)
    strip_ours = re.sub(r'\A\{#-.*?-#\}\n', "", ours, flags=re.DOTALL)
    strip_ours = re.sub(r'    \{#- policy-site:.*?-#\}\n    \{% include "partials/pagefind.html" %\}\n', "",
                        strip_ours, flags=re.DOTALL)
    assert strip_ours == strip_upstream


# --- one Chinese segmentation for the index and the query ---------------------------------------


def test_cut_is_the_segmentation_pagefind_indexed(site):
    """cut() (and search.js's segment(), the same in the browser, test_browser_search.py) gives the words
    Pagefind's extended indexer wrote: its fragments keep them, separated by zero-width spaces."""
    (fragment,) = _fragments(site)
    words = [w.strip() for w in fragment["content"].split("\u200b")]
    indexed = [w for w in words if HAN.fullmatch(w)]
    text = fragment["content"].replace("\u200b", "")
    assert len(indexed) > 200 and indexed == cut(text)


@pytest.mark.parametrize("text, words", [
    ("国务院办公厅", ["国务", "院办", "公", "厅"]),  # jieba's word, cut again into bigrams and characters
    ("应急预案", ["应急", "预案"]),                  # the browser's Intl.Segmenter: 应急/预/案
    ("国务院", ["国务", "院"]),
    ("工业和信息化部", ["工业", "和", "信息", "化", "部"]),
    ("新一代人工智能", ["新一代", "人工", "智能"]),   # a trigram when the bigram is no word
    ("第2017号 abc", ["第", "号"]),                   # only Chinese runs
])
def test_cut_examples(text, words):
    assert cut(text) == words


def test_the_dictionary_files_are_jiebas_dictionary():
    """templates/assets/search/jieba/ is segmenter_files() written out (regenerate with
    `python -c "from pathlib import Path; from generator.render.search import write_segmenter_files;
    write_segmenter_files(Path('templates/assets/search/jieba'))"` when jieba's dictionary changes)."""
    folder = ROOT / "templates" / "assets" / "search" / "jieba"
    expected = segmenter_files()
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    assert all((folder / name).read_text(encoding="utf-8") == text for name, text in expected.items())
    assert max(len(text.encode()) for text in expected.values()) < 64_000  # 11 KB on average
