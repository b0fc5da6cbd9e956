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
             context.documents_context(sample), context.issuers_context(sample), context.categories_context(sample),
             context.principles_context(sample), context.data_context(sample), context.tags_context(sample)]
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


def test_principles_context_sorted_by_count_with_row_links():
    first = document("doc-a", meta=metadata(doc_number="甲〔2020〕1号"))
    second = document("doc-b", meta=metadata(doc_number="乙〔2021〕2号", date_published="2021-03-04", issuer="乙部"))
    sample = corpus(first, second, principles={
        "doc-a": (principle("openness", "n2", "开放", None, "开放合作。", None),),
        "doc-b": (principle("openness", "n1", None, "Openness", None, "Open up."),
                  principle("safety", "n2", "安全", "Safety", "安全可控。", "Safe.")),
    })
    page = context.principles_context(sample)
    assert [e["id"] for e in page["entries"]] == ["openness", "safety"]
    statements = page["entries"][0]["statements"]
    assert [s["row_href"] for s in statements] == ["../documents/doc-a/#n2", "../documents/doc-b/#n1"]
    assert statements[1]["text_en"] == parse_inline("Open up.") and statements[1]["text_zh"] is None
    assert [f["label"] for f in page["by_issuer"]] == ["乙部", "测试部"]
    assert [f["label"] for f in page["by_year"]] == ["2020", "2021"]
    card = context.document_context(sample, sample.documents[1])["card"]
    assert card["principles"][0] == {"zh": "开放", "en": "Openness", "href": "../../principles/#openness",
                                     "row": "#n1"}  # zh name from the index entry


def test_listings_group_by_year_issuer_and_category():
    old = document("old", meta=metadata(date_published="2018-05-01", category=("科技",)))
    new = document("new", meta=metadata(date_published="2021-01-01", issuer="乙部", category=("科技", "信息化")))
    undated = document("undated", meta=metadata(date_written=None, date_published=None, issuer=None, category=()))
    sample = corpus(old, new, undated)
    years = context.documents_context(sample)["groups"]
    assert [(g["label"], [e["href"] for e in g["entries"]]) for g in years] == [
        ("2021", ["new/"]), ("2018", ["old/"]), ("未知", ["undated/"])]
    assert [g["label"] for g in context.issuers_context(sample)["groups"]] == ["乙部", "未注明", "测试部"]
    categories = context.categories_context(sample)["groups"]
    assert [(g["label"], g["depth"], len(g["entries"])) for g in categories] == [
        ("未分类", 1, 1), ("科技", 1, 1), ("科技 › 信息化", 2, 1)]
    assert [e["href"] for e in context.home_context(sample)["newest"]] == [
        "documents/new/", "documents/old/", "documents/undated/"]


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
