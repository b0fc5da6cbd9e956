"""Tests for generator/render/units.py and render/fields.py: law units on the page, the card from FIELDS."""

from __future__ import annotations

import dataclasses

from generator.model import AlignedSection, Block, Document, Row, Section
from generator.read.fields import FIELDS, KNOWN_KEYS
from generator.read.inline import parse_inline, read_inline, render_spans
from generator.render.fields import card_fields, export_metadata, schema_fields
from generator.render.units import article_citations, article_paragraphs, row_anchors, short_title_en
from generator.text import LEVELS
from tests.helpers import metadata


def unit(text: str, lang: str, level: int, number: str, ordinal: int, kind: str = "paragraph") -> Block:
    return Block(kind=kind, lang=lang, text=text, lines=(1,), level=level, number=number, ordinal=ordinal)  # type: ignore[arg-type]


ARTICLE_ZH = unit("第二十六条　任何国家……采取措施。", "zh", LEVELS["article"], "第二十六条", 26)
ARTICLE_EN = unit("Article 26 Where any country … take measures.", "en", LEVELS["article"], "Article 26", 26)


def section(rows: list[tuple[tuple[Block, ...], tuple[Block, ...]]]) -> AlignedSection:
    built = tuple(Row(id=f"n{i}", kind="paragraph", level=None, zh=zh, en=en) for i, (zh, en) in enumerate(rows, 1))
    return AlignedSection(Section("notice", 0, "法", None, ()), built)


def test_units_get_stable_anchors_sections_counted_within_their_chapter():
    rows = [
        ((Block(kind="heading", lang="zh", text="序言", lines=(1,), level=LEVELS["chapter"]),), ()),
        ((unit("第三章　国家机构", "zh", LEVELS["chapter"], "第三章", 3, "heading"),), ()),
        ((unit("第一节　全国人民代表大会", "zh", LEVELS["section"], "第一节", 1, "heading"),), ()),
        ((ARTICLE_ZH,), (ARTICLE_EN,)),
        ((dataclasses.replace(ARTICLE_ZH, lines=(9,)),), ()),  # the same number again keeps the first anchor
        ((Block(kind="paragraph", lang="zh", text="其他。", lines=(2,)),), ()),
    ]
    assert row_anchors(section(rows)) == {"n1": "preamble", "n2": "chapter-3", "n3": "chapter-3-section-1",
                                          "n4": "article-26"}
    assert row_anchors(section(rows[3:4]), "attachment-1-") == {"n1": "attachment-1-article-26"}


def test_article_citations_in_both_languages():
    row = Row(id="n4", kind="paragraph", level=LEVELS["article"], zh=(ARTICLE_ZH,), en=(ARTICLE_EN,))
    found = article_citations(row, "中华人民共和国数据安全法", "Data Security Law of the People's Republic of China")
    assert found == {"ref": "第二十六条", "zh": "《中华人民共和国数据安全法》第二十六条", "en": "Data Security Law, Art. 26"}
    assert short_title_en("CONSTITUTION OF THE PEOPLE’S REPUBLIC OF CHINA") == "Constitution"


def text_of(found):
    label, paragraphs = found
    return label, ["".join(s["text"] for s in p) for p in paragraphs]


def test_article_label_alone_goes_with_the_paragraph_after_it():
    alone = unit("第三条\n国家实施*大数据*战略。\n（一）推进；", "zh", LEVELS["article"], "第三条", 3)
    assert text_of(article_paragraphs(alone, parse_inline(alone.text))) == (
        "第三条", ["国家实施大数据战略。", "（一）推进；"])
    assert text_of(article_paragraphs(ARTICLE_ZH, parse_inline(ARTICLE_ZH.text))) == (
        "第二十六条", ["任何国家……采取措施。"])


def test_card_export_and_schema_follow_the_one_table():
    meta = dataclasses.replace(metadata(), date_adopted="2021-06-10", dates_amended=("2018-10-26",))
    document = Document(id="x", source_file="x.txt", metadata=meta, masthead=(), sections=(), classified=(),
                        truncated=False, line_count=1)
    rows = card_fields(document, "documents/x/")
    assert [r["attribute"] for r in rows] == ["doc_number", "issuer", "date_written", "date_published",
                                              "date_adopted", "dates_amended", "source", "category"]
    assert [i["name"] for r in rows if r["attribute"] == "dates_amended" for i in r["items"]] == ["2018-10-26"]
    exported = export_metadata(meta)
    assert list(exported) == [f.export for f in FIELDS if f.export] + ["fields"]
    assert exported["dates_amended"] == ["2018-10-26"] and exported["category"] == ["科技管理", "高技术管理"]
    assert [s["name"] for s in schema_fields()] == [f.export for f in FIELDS if f.export]
    assert KNOWN_KEYS["施行日期"] == "date_effective" and KNOWN_KEYS["主题分类"] == "category"


def test_a_document_without_header_shows_only_what_it_states():
    meta = dataclasses.replace(metadata(), fields=(), doc_number=None, date_written=None, date_published=None,
                               source=None, category=(), date_effective="2021-09-01")
    document = Document(id="x", source_file="x.txt", metadata=meta, masthead=(), sections=(), classified=(),
                        truncated=False, line_count=1)
    assert [r["attribute"] for r in card_fields(document, "documents/x/")] == ["issuer", "date_effective"]


def test_chapters_restart_in_each_part_and_are_named_within_it():
    rows = [((unit(f"{t}", "zh", LEVELS[u], t[:3], n, "heading"),), ()) for t, u, n in (
        ("第一编　总则", "part", 1), ("第一章　基本规定", "chapter", 1), ("第二编　物权", "part", 2),
        ("第一分编　通则", "subpart", 1), ("第一章　一般规定", "chapter", 1), ("第一节　不动产登记", "section", 1))]
    assert list(row_anchors(section(rows)).values()) == [
        "part-1", "part-1-chapter-1", "part-2", "part-2-subpart-1", "part-2-chapter-1", "part-2-chapter-1-section-1"]


def test_inline_markup_is_parsed_once_into_the_model_and_rendered_as_before():
    text = "见**[附件](#)**与*《标题》*\n[危险](javascript:alert(1))"
    spans, links = read_inline(text)
    assert [l.target for l in links] == ["#", "javascript:alert(1)"]
    assert render_spans(spans, links, lambda t, target: "#attachment-1") == parse_inline(
        text, lambda t, target: "#attachment-1")
    assert [s["href"] for s in render_spans(spans, links, lambda t, target: "#a")] == [None, "#a", None, None, None, None]
