"""Render stage, the document page: the compact card, provenance fields, gaps, citations, feeds, light rows."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


LAW = """中华人民共和国测试法

第一章 总则

第一条 为了测试，制定本法。

第二条 本法适用于测试。
测试应当依法进行。

第三条 本法自2021年9月1日起施行。
"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _rows(html: str) -> tuple[list[str], list[tuple[str, dict[str, str | None]]]]:
    rows = re.findall(r'<div class="ps-row .*?</div>\n(?=<div class="ps-row |</div>)', html, re.DOTALL)
    parser = _Tags()
    parser.feed("".join(rows))
    return rows, parser.tags


def test_rows_are_light_each_cell_its_block_the_tools_made_by_script(tmp_path):
    """MkDocs parses every tag of a page twice (issue 14): a row is its cells and its ¶ link, no more."""
    _, page, html = _page(tmp_path)
    rows, tags = _rows(html)
    assert len(rows) == sum(len(s["rows"]) for s in page["sections"]) >= 4
    for row in rows:  # the row, a cell or two, the ¶ (was 8: cells around blocks, an anchor, tools, a hidden button)
        parser = _Tags()
        parser.feed(row)
        assert len(parser.tags) <= 4 + 2 * row.count("ps-missing"), row  # a gap notice: its two languages' spans
    assert "<button" not in html.split('class="ps-rows"')[1] and "ps-row__tools" not in html
    # the ¶ is drawn by site.css: no "¶" text in a row, so the search index never holds it
    assert not [r for r in rows if "¶" in r] and all(r.count('class="ps-permalink"') == 1 for r in rows)
    cells = [a for _, a in tags if "ps-cell" in (a.get("class") or "").split()]
    assert cells and {c.get("lang") for c in cells} == {"zh-Hans", "en"}
    assert '<p class="ps-cell ps-cell--zh ps-block ps-block--paragraph" lang="zh-Hans">第二段。</p>' in html
    assert '<p class="ps-cell ps-cell--en ps-block ps-block--paragraph" lang="en">The second paragraph.</p>' in html


def test_a_units_anchor_is_its_rows_permalink(tmp_path):
    _, page, html = _page(tmp_path, LAW)
    rows, tags = _rows(html)
    links = {a["id"]: a["href"] for t, a in tags if t == "a" and a.get("id")}
    assert {"chapter-1", "article-1", "article-2", "article-3"} <= set(links)
    assert all(href == f"#{anchor}" for anchor, href in links.items())
    assert "ps-anchor" not in html and "data-anchor" not in html
    # one paragraph: the cell is the article's <p>; two: a <div> of <p>s; the label bold, first
    assert '<p class="ps-cell ps-cell--zh ps-block ps-block--article" lang="zh-Hans"><strong>第一条</strong> 为了测试' in html
    assert re.search(r'<div class="ps-cell ps-cell--zh ps-block ps-block--article" lang="zh-Hans"><p><strong>第二条</strong> '
                     r'本法适用于测试。</p><p>测试应当依法进行。</p></div>', html)
    article = next(r for r in rows if 'id="article-1"' in r)
    assert 'data-cite-zh="《中华人民共和国测试法》第一条"' in article and "data-ref-en" not in article  # unused there
