"""The template context (render stage): plain data, final hrefs, nothing invented."""

from __future__ import annotations

import json

import pytest
from helpers import corpus, document, metadata, principle, sample_corpus, zh

from generator.render import context
from generator.read.inline import parse_inline, parse_table, plain_text
from generator.render.urls import anchor_id, fragment, relative_href


@pytest.mark.parametrize("start, target, href", [
    ("", "documents/", "documents/"),
    ("", "", "./"),
    ("documents/x/", "", "../../"),
    ("documents/x/", "documents/", "../"),
    ("documents/x/", "principles/#key", "../../principles/#key"),
    ("principles/", "documents/x/#a1-2", "../documents/x/#a1-2"),
    ("principles/", "principles/#key", "#key"),
    ("data/", "data/documents.json", "documents.json"),
    ("", "data/documents.json", "data/documents.json"),
])
def test_relative_href(start, target, href):
    assert relative_href(start, target) == href


def test_anchor_ids_and_fragments_are_url_safe():
    assert anchor_id("issuer", "工业 和#信息?化部") == "issuer-工业-和-信息-化部"
    assert fragment("tag:人工智能") == "#tag:%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD"


def test_the_context_is_plain_data():
    sample = sample_corpus()
    pages = [context.document_context(sample, sample.documents[0]), context.home_context(sample),
             *context.documents_pages(sample), *context.issuers_pages(sample), *context.categories_pages(sample),
             *context.principles_pages(sample), context.data_context(sample), *context.tags_pages(sample)]
    for page in pages:
        json.dumps(page, ensure_ascii=False)  # only dicts, lists, strings, numbers, booleans, None


def test_titles_are_never_invented():
    assert context.document_titles(document().document) == {"zh": "关于测试的通知", "en": None}
    titled = document(notice_title_en="Notice on *Testing*").document
    assert context.document_titles(titled) == {"zh": "关于测试的通知", "en": "Notice on Testing"}


def test_card_holds_the_metadata():
    meta = metadata(index_number="000014672/2017-00315", extra=(("主 题 词", "人工智能"),))
    sample = corpus(document(meta=meta, truncated=True))
    card = context.document_context(sample, sample.documents[0])["card"]
    fields = {f["attribute"]: f for f in card["fields"]}
    assert [f["attribute"] for f in card["fields"]] == [
        "doc_number", "issuer", "date_written", "date_published", "source", "category", "index_number"]
    assert [fields[a]["value"] for a in ("doc_number", "issuer", "date_written", "date_published", "source")] == [
        "测试〔2020〕1号", "测试部", "2020-01-01", "2020-01-02", "测试司"]
    assert [c["name"] for c in fields["category"]["items"]] == ["科技管理", "高技术管理"]
    assert fields["index_number"]["value"] == "000014672/2017-00315"
    assert card["other_fields"] == [{"key": "主 题 词", "value": "人工智能"}]
    assert card["truncated"] is True
    assert card["masthead"] == [{"text": "中华人民共和国测试部", "lang": "zh-Hans"},
                                {"text": "Ministry of Testing", "lang": "en"}]


def test_an_impossible_date_shows_its_raw_value():
    meta = metadata(date_written=None, extra=(("成文日期", "2019-02-30"),))
    sample = corpus(document(meta=meta))
    fields = context.document_context(sample, sample.documents[0])["card"]["fields"]
    assert next(f["value"] for f in fields if f["attribute"] == "date_written") == "2019-02-30"


def test_coverage_counts_text_rows_only():
    sample = sample_corpus()
    # 13 rows, of which 5 are 文号, addressee, 附件 list, signature and date: not text
    assert context.coverage(sample.documents[0]) == {
        "rows": 8, "zh": 6, "en": 6, "paired": 4, "zh_only": 2, "en_only": 2}  # a mixed table counts as paired


def test_rows_keep_their_ids_and_languages():
    sample = sample_corpus()
    page = context.document_context(sample, sample.documents[0])
    notice, attachment = page["sections"]
    assert [r["id"] for r in notice["rows"]] == ["n1", "n2", "n3", "n4", "n5", "n6"]
    heading = attachment["rows"][1]
    assert heading["id"] == "a1-2" and heading["zh"][0]["tag"] == "h3" and heading["en"][0]["tag"] == "h3"
    assert attachment["rows"][2]["uncertain"] is True and attachment["rows"][1]["uncertain"] is False
    assert attachment["rows"][0]["zh"] == [] and attachment["rows"][4]["en"] == []
    table = attachment["rows"][6]
    assert table["wide"] is True and table["zh"][0]["table"]["columns"] == 2
    assert attachment["heading"]["id"] == "attachment-1" and attachment["heading"]["title_en"]


def test_attachment_links_point_at_the_attachment_section():
    sample = sample_corpus()
    page = context.document_context(sample, sample.documents[0])
    spans = page["sections"][0]["rows"][3]["zh"][0]["spans"]
    assert spans[1] == {"text": "测试计划（2020-2022年）", "strong": False, "em": False, "href": "#attachment-1",
                        "br": False}
    assert page["card"]["attachments"][0]["href"] == "#attachment-1"


def test_unnamed_attachment_links_go_by_order_and_dangling_ones_are_dropped():
    doc = document(notice=[(zh("附件：1．[甲](#)\n2．[乙](#)\n3．[丙](#)", "attachments"), None)],
                   attachments=[("一号附件", None, [(zh("正文"), None)]), ("二号附件", None, [(zh("正文"), None)])])
    sample = corpus(doc)
    spans = context.document_context(sample, sample.documents[0])["sections"][0]["rows"][0]["zh"][0]["spans"]
    assert [s["href"] for s in spans if s["text"] in ("甲", "乙")] == ["#attachment-1", "#attachment-2"]
    assert [s["href"] for s in spans if "丙" in s["text"]] == [None]  # there is no attachment 3


def test_in_page_links_keep_only_known_anchors():
    doc = document(notice=[(zh("见[第一段](#n1)与[别处](#nowhere)"), None)])
    sample = corpus(doc)
    spans = context.document_context(sample, sample.documents[0])["sections"][0]["rows"][0]["zh"][0]["spans"]
    assert [(s["text"], s["href"]) for s in spans] == [("见", None), ("第一段", "#n1"), ("与别处", None)]


def test_principles_index_and_one_page_per_principle():
    first = document("doc-a", meta=metadata(doc_number="甲〔2020〕1号"))
    second = document("doc-b", meta=metadata(doc_number="乙〔2021〕2号", date_published="2021-03-04", issuer="乙部"))
    sample = corpus(first, second, principles={
        "doc-a": (principle("openness", "n2", "开放", None, "开放合作。", None),),
        "doc-b": (principle("openness", "n1", None, "Openness", None, "Open up."),
                  principle("safety", "n2", "安全", "Safety", "安全可控。", "Safe.")),
    })
    pages = {p["url"]: p for p in context.principles_pages(sample)}
    assert list(pages) == ["principles/", "principles/by-issuer/", "principles/by-year/", "principles/openness/",
                           "principles/safety/"]
    index = pages["principles/"]
    assert [(e["zh"], e["en"], e["count"], e["href"]) for e in index["entries"]] == [
        ("开放", None, 2, "openness/"), ("安全", "Safety", 1, "safety/")]
    assert [f["href"] for f in index["facets"]] == ["by-issuer/", "by-year/"]
    statements = pages["principles/openness/"]["statements"]
    assert [s["row_href"] for s in statements] == ["../../documents/doc-a/#n2", "../../documents/doc-b/#n1"]
    assert statements[1]["text_en"] == parse_inline("Open up.") and statements[1]["text_zh"] is None
    assert pages["principles/openness/"]["up"]["href"] == "../"
    by_issuer = pages["principles/by-issuer/"]["groups"]
    assert [f["label"] for f in by_issuer] == ["乙部", "测试部"]
    assert [(p["href"], p["count"]) for p in by_issuer[0]["principles"]] == [("../openness/", 1), ("../safety/", 1)]
    assert [f["label"] for f in pages["principles/by-year/"]["groups"]] == ["2020", "2021"]
    card = context.document_context(sample, sample.documents[1])["card"]
    assert card["principles"][0] == {"zh": "开放", "en": "Openness", "href": "../../principles/openness/",
                                     "row": "#n1"}  # zh name from the index entry


def _pages(pages):
    return {p["url"]: p for p in pages}


def test_listings_index_the_groups_and_give_each_its_page():
    old = document("old", meta=metadata(date_published="2018-05-01", category=("科技",)))
    new = document("new", meta=metadata(date_published="2021-01-01", issuer="乙部", category=("科技", "信息化")))
    undated = document("undated", meta=metadata(date_written=None, date_published=None, issuer=None, category=()))
    sample = corpus(old, new, undated)
    years = _pages(context.documents_pages(sample))
    assert list(years) == ["documents/", "years/2021/", "years/2018/", "years/weizhi/"]
    assert [(j["label"], j["count"], j["href"]) for j in years["documents/"]["jump"]] == [
        ("2021", 1, "../years/2021/"), ("2018", 1, "../years/2018/"), ("未知", 1, "../years/weizhi/")]
    assert years["documents/"]["groups"] == []
    year = years["years/2021/"]
    assert [(g["id"], g["label"], [e["href"] for e in g["entries"]]) for g in year["groups"]] == [
        ("y-2021", "2021", ["../../documents/new/"])]
    assert year["up"]["href"] == "../../documents/" and year["pager"] is None
    issuers = _pages(context.issuers_pages(sample))
    assert [j["label"] for j in issuers["issuers/"]["jump"]] == ["乙部", "未注明", "测试部"]
    assert list(issuers)[1:] == ["issuers/yibu/", "issuers/weizhuming/", "issuers/ceshibu/"]
    categories = _pages(context.categories_pages(sample))
    assert [(j["label"], j["depth"], j["count"], j["href"]) for j in categories["categories/"]["jump"]] == [
        ("未分类", 1, 1, "weifenlei/"), ("科技", 1, 2, "keji/"), ("科技 › 信息化", 2, 1, "keji/xinxihua/")]
    parent = categories["categories/keji/"]
    # a parent counts the documents of its subcategories, lists its own and links to the subcategories
    assert parent["count"] == 2 and [g["total"] for g in parent["groups"]] == [2]
    assert [e["href"] for e in parent["groups"][0]["entries"]] == ["../../documents/old/"]
    assert [(c["label"], c["count"], c["href"]) for c in parent["jump"]] == [("信息化", 1, "xinxihua/")]
    assert [e["href"] for e in context.home_context(sample)["newest"]] == [
        "documents/new/", "documents/old/", "documents/undated/"]
    page = context.document_context(sample, sample.documents[1])
    assert page["breadcrumbs"][2]["href"] == "../../years/2021/#y-2021"


def test_groups_whose_slugs_agree_share_a_page_under_their_own_headings():
    a = document("a", meta=metadata(issuer="公安部", doc_number="甲〔2020〕1号"))
    b = document("b", meta=metadata(issuer="工安部", doc_number="乙〔2020〕2号"))  # both gonganbu
    shared = _pages(context.issuers_pages(corpus(a, b)))["issuers/gonganbu/"]
    assert [(g["label"], g["total"], len(g["entries"])) for g in shared["groups"]] == [("公安部", 1, 1), ("工安部", 1, 1)]


def test_a_group_too_big_for_a_page_is_split_with_prev_and_next(monkeypatch):
    from generator.render import paging
    docs = [document(f"d{i:02}", meta=metadata(doc_number=f"测试〔2020〕{i}号", date_published=f"2020-01-{i + 1:02}"))
            for i in range(25)]
    from generator.render.listings import _entry, _entry_size
    monkeypatch.setattr(paging, "BUDGET", 10 * _entry_size(_entry("issuers/ceshibu/", docs[0].document)))  # 10 a page
    pages = _pages(context.issuers_pages(corpus(*docs)))
    urls = [u for u in pages if u.startswith("issuers/ceshibu/")]
    assert urls == ["issuers/ceshibu/", "issuers/ceshibu/page-2/", "issuers/ceshibu/page-3/"]
    seen = [e["href"].rsplit("/", 2)[-2] for u in urls for g in pages[u]["groups"] for e in g["entries"]]
    assert seen == [f"d{i:02}" for i in reversed(range(25))]  # every document once, newest first
    first, second, last = pages[urls[0]], pages[urls[1]], pages[urls[-1]]
    assert first["pager"]["prev"] is None and first["pager"]["next"] == "page-2/"
    assert second["pager"] == {"number": 2, "of": len(urls), "prev": "../", "next": "../page-3/"}
    assert last["pager"]["next"] is None and all(g["total"] == 25 for g in second["groups"])


def test_front_matter_escapes_html():
    matter = context.front_matter('<b>"x"</b>: y', ("a&b",))
    assert matter["title"] == "&lt;b&gt;&quot;x&quot;&lt;/b&gt;: y" and matter["tags"] == ["a&amp;b"]


def test_citation_style():
    assert context.citation("关于印发《计划》的通知", "工信部科[2017]315号") == "《关于印发〈计划〉的通知》（工信部科[2017]315号）"
    assert context.citation("通知", None) == "《通知》"


@pytest.mark.parametrize("text, expected", [
    ("2*3*4 与 snake_case", [("2*3*4 与 snake_case", False, False, None)]),
    ("To *Plan*.", [("To ", False, False, None), ("Plan", False, True, None), (".", False, False, None)]),
    ("**粗** *斜*", [("粗", True, False, None), (" ", False, False, None), ("斜", False, True, None)]),
    ("[x](javascript:alert(1))", [("x", False, False, None)]),
    ("[x](https://a.example/?q=1&r=2)", [("x", False, False, "https://a.example/?q=1&r=2")]),
    ("[x](page.html)", [("x", False, False, None)]),
    ("<b>{{ x }}</b> # y", [("<b>{{ x }}</b> # y", False, False, None)]),
])
def test_inline_subset(text, expected):
    assert [(s["text"], s["strong"], s["em"], s["href"]) for s in parse_inline(text)] == expected


def test_inline_line_breaks_and_plain_text():
    assert [s["br"] for s in parse_inline("一\n二")] == [False, True, False]
    assert plain_text("**粗**\n*斜* [链](#)") == "粗 斜 链"


def test_pipe_tables():
    table = parse_table("| a | b \\| c |\n|:--|--:|\n| *x* | y |\n| z |")
    assert [c[0]["text"] for c in table["head"]] == ["a", "b | c"]
    assert table["rows"][0][0][0]["em"] is True
    assert table["rows"][1][1] == []  # a short row is padded
    assert parse_table("| a | b |\n| c | d |")["head"] is None


def test_tags_pages_index_the_tags_and_list_their_documents_in_their_markdown():
    from generator.render.pages import environment, render_page

    def tags_markdown(sample):
        env = environment()
        return {p["url"]: render_page(env, "tags.md.j2", p) for p in context.tags_pages(sample)}

    a = document("a", meta=metadata(doc_number="甲〔2020〕1号"))
    b = document("b", meta=metadata(doc_number="乙〔2020〕2号", title="关于数据的通知", date_published="2021-01-01"))
    sample = corpus(a, b, keywords={"a": ("数据", "安全"), "b": ("数据",)})
    pages = _pages(context.tags_pages(sample))
    assert list(pages) == ["tags/", "tags/a/", "tags/s/"]
    index = pages["tags/"]
    assert [(i["label"], [(t["tag"], t["count"], t["href"]) for t in i["tags"]]) for i in index["initials"]] == [
        ("A", [("安全", 1, "a/#tag:%E5%AE%89%E5%85%A8")]), ("S", [("数据", 2, "s/#tag:%E6%95%B0%E6%8D%AE")])]
    (listed,) = pages["tags/s/"]["tags"]
    assert listed["id"] == "tag:数据" and listed["count"] == 2
    assert [(d["href"], d["title"]) for d in listed["documents"]] == [  # newest first
        ("../../documents/b/", "关于数据的通知"), ("../../documents/a/", "关于测试的通知")]
    markdown = tags_markdown(sample)
    assert '<h2 class="ps-group" id="tag:数据">' in markdown["tags/s/"]
    assert '<a href="../../documents/b/" lang="zh-Hans">关于数据的通知</a>' in markdown["tags/s/"]
    # The listing is in the Markdown (a `mkdocs build --dirty` rebuilds exactly the pages whose
    # Markdown changed): same corpus, same bytes; a change of membership or of a listed title
    # changes the page that lists it, and only that page.
    assert tags_markdown(corpus(a, b, keywords={"a": ("数据", "安全"), "b": ("数据",)})) == markdown
    fewer = tags_markdown(corpus(a, b, keywords={"a": ("数据", "安全"), "b": ()}))
    assert fewer["tags/s/"] != markdown["tags/s/"] and fewer["tags/a/"] == markdown["tags/a/"]
    renamed = document("b", meta=metadata(doc_number="乙〔2020〕2号", title="关于数据的新通知", date_published="2021-01-01"))
    retitled = tags_markdown(corpus(a, renamed, keywords={"a": ("数据", "安全"), "b": ("数据",)}))
    assert retitled["tags/s/"] != markdown["tags/s/"] and retitled["tags/a/"] == markdown["tags/a/"]
