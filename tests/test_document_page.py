"""Render stage, the document page: the compact card, provenance fields, gaps, citations, feeds."""

from __future__ import annotations

from generator.build import load_corpus
from generator.render import context
from generator.render.export import export_data
from generator.render.pages import environment, render_page

HEADER = """发文机关：某部
发文字号：某部发〔2020〕3号
成文日期：2019-02-30
发布日期：2020-03-04
时效性：现行有效
原文链接：https://www.gov.cn/zhengce/example.htm
译文来源：某翻译网
译者：张三
译文日期：2021-05-06
许可：CC BY 4.0
标题：某部关于某事的通知

某部关于某事的通知

第一段。

一、总体要求
I. General Requirements

第二段。
The second paragraph.

English only.
"""


def _page(tmp_path, text=HEADER):
    (tmp_path / "01_a.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    page = context.document_context(corpus, corpus.documents[0])
    return corpus, page, render_page(environment(), "document.md.j2", page)


def test_provenance_fields_are_read_shown_and_exported(tmp_path):
    corpus, page, html = _page(tmp_path)
    fields = {f["attribute"]: f for f in page["card"]["fields"]}
    assert fields["official_url"]["href"] == "https://www.gov.cn/zhengce/example.htm"
    assert fields["translator"]["value"] == "张三" and fields["translation_date"]["value"] == "2021-05-06"
    assert "译文来源" in html and "Translation source" in html and "CC BY 4.0" in html
    metadata = export_data(corpus)["documents"][0]["metadata"]
    assert (metadata["validity"], metadata["licence"], metadata["translator"]) == ("现行有效", "CC BY 4.0", "张三")


def test_the_card_leads_with_key_facts_and_the_status_badge(tmp_path):
    _, page, html = _page(tmp_path)
    assert [f["attribute"] for f in page["card"]["facts"]] == ["doc_number", "issuer", "date_published", "date_written"]
    assert page["card"]["status"]["zh"] == "现行有效" and page["card"]["status"]["en"] == "In force"
    assert html.index('class="ps-facts"') < html.index('<details class="ps-card__more">')
    assert "impossible date, kept as written" in html  # 2019-02-30 is shown as written, and marked
    assert page["card"]["json_href"] == f"../../data/documents/{page['id']}.json"


def test_paragraph_numbers_count_only_chinese_paragraphs(tmp_path):
    _, page, _ = _page(tmp_path)
    rows = [(r["ref"], r["ref_en"]) for r in page["sections"][0]["rows"]]
    assert ("正文第1段", "Main text, para. 1") in rows and ("正文第2段", "Main text, para. 2") in rows
    assert ("正文“一、总体要求”", "Main text, “I. General Requirements”") in rows
    assert ("正文第2段后", "Main text, after para. 2") in rows  # the English-only piece


def test_the_page_names_its_issuers_feed_and_skip_target(tmp_path):
    _, page, _ = _page(tmp_path)
    matter = page["front_matter"]
    assert matter["feed"]["href"].startswith("feeds/issuers/") and matter["skip"] == "notice"
