"""Tests for generator/analyse/{statements,names,principles}.py: finding principles, keys, merging."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.align.aligner import align_document, align_section
from generator.read import read_corpus
from generator.model import AlignedDocument, AlignedSection, Block, Document, Metadata, Row, Section
from generator.analyse.principles import GlossaryEntry, collect_principles, load_glossary, parse_en, parse_zh

SEED = Path(__file__).parent.parent / "seeds" / "000_fb4425727dd22f71.txt"
ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NO_GLOSSARY: tuple[GlossaryEntry, ...] = ()


# --- hand-built documents ----------------------------------------------------------------------


def zh(text, kind="paragraph", level=None):
    return Block(kind=kind, lang="zh", text=text, lines=(1,), level=level)


def en(text, kind="paragraph", level=None):
    return Block(kind=kind, lang="en", text=text, lines=(1,), level=level)


def row(index, *blocks):
    """A row holding `blocks` (a pair when both languages are given)."""
    first = blocks[0]
    return Row(
        id=f"a1-{index}",
        kind=first.kind,
        level=first.level,
        zh=tuple(b for b in blocks if b.lang == "zh"),
        en=tuple(b for b in blocks if b.lang == "en"),
    )


def document(doc_id, *rows_blocks):
    """A document whose attachment 1 holds one row per argument (a Block or a tuple of Blocks)."""
    groups = [b if isinstance(b, tuple) else (b,) for b in rows_blocks]
    rows = tuple(row(i, *g) for i, g in enumerate(groups, start=1))
    section = Section("attachment", 1, None, None, tuple(b for g in groups for b in g))
    metadata = Metadata(None, None, None, None, None, (), None, None, ())
    doc = Document(doc_id, f"{doc_id}.txt", metadata, (), (section,), (), False, len(rows))
    return AlignedDocument(doc, (AlignedSection(section, rows),))


def principles_doc(doc_id, *items, heading="（二）基本原则"):
    """A document with a level-2 principles heading followed by `items`."""
    return document(doc_id, zh("（一）指导思想", "heading", 2), zh("全面贯彻落实。", "paragraph"),
                    zh(heading, "heading", 2), *items)


def names(index, doc_id):
    return [(p.name_zh, p.name_en) for p in index.for_document(doc_id)]


# --- written forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("系统布局。把握发展趋势，分阶段实施。", "系统布局"),
        ("坚持系统布局。把握发展趋势，分阶段实施。", "坚持系统布局"),
        ("——系统布局。把握发展趋势，分阶段实施。", "系统布局"),
        ("（一）系统布局。把握发展趋势，分阶段实施。", "系统布局"),
        ("1. 坚持系统布局。把握发展趋势，分阶段实施。", "坚持系统布局"),
        ("一是系统布局。把握发展趋势，分阶段实施。", "系统布局"),
        ("**系统布局。**把握发展趋势，分阶段实施。", "系统布局"),
    ],
)
def test_chinese_forms_give_name_statement_and_one_key(text, name):
    index = collect_principles([principles_doc("d", zh(text))])
    (p,) = index.for_document("d")
    assert (p.name_zh, p.text_zh, p.name_en, p.text_en) == (name, "把握发展趋势，分阶段实施。", None, None)
    assert p.key == "systematic-layout" and p.row == "a1-4"


@pytest.mark.parametrize("sep", ["，", "、"])
def test_compound_names_in_either_separator_are_one_principle(sep):
    index = collect_principles([principles_doc("d", zh(f"市场主导{sep}政府引导。发挥市场作用。"))])
    (p,) = index.for_document("d")
    assert p.name_zh == f"市场主导{sep}政府引导" and p.text_zh == "发挥市场作用。"
    assert p.key == "market-led-government-guided"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Systematic Layout. Learn about the trend.", "Systematic Layout"),
        ("(I) Systematic layout. Learn about the trend.", "Systematic layout"),
        ("— Systematic layout. Learn about the trend.", "Systematic layout"),
        ("Adhere to systematic layout. Learn about the trend.", "Adhere to systematic layout"),
    ],
)
def test_english_forms(text, name):
    index = collect_principles([principles_doc("d", en(text), heading="(II) Basic Principles")])
    (p,) = index.for_document("d")
    assert (p.name_en, p.text_en, p.name_zh) == (name, "Learn about the trend.", None)
    assert p.key == "systematic-layout"


@pytest.mark.parametrize(
    "text",
    [
        "全面贯彻落实党的十九大精神，坚持系统布局和重点突破相结合的原则。其他内容。",  # name too long
        "为此，提出如下原则。具体如下。",  # an announcement, not a name
        "系统布局",  # no statement
        "坚持：系统布局。把握趋势。",
    ],
)
def test_chinese_paragraphs_not_of_the_form_are_not_principles(text):
    assert parse_zh(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "We must adhere to the following principles. They are four.",
        "Learn about the development trend of artificial intelligence at home. Then act.",
        "Systematic Layout",
        "the systematic layout. Lower case start.",
    ],
)
def test_english_paragraphs_not_of_the_form_are_not_principles(text):
    assert parse_en(text) is None


def test_only_the_principles_section_is_read():
    doc = document(
        "d",
        zh("一、总体要求", "heading", 1),
        zh("开放合作。加强国际合作。"),  # before the section
        zh("（二）基本原则", "heading", 2),
        zh("各地要统筹推进，坚持以下原则，确保取得实效，形成合力，久久为功。"),
        zh("1. 重点突破", "heading", 3),  # a deeper heading does not end the section
        zh("重点突破。集中优势力量。"),
        zh("（三）主要目标", "heading", 2),  # same level: ends it
        zh("协同创新。发挥政策引导作用。"),
    )
    assert names(collect_principles([doc]), "d") == [("重点突破", None)]


def test_an_unnumbered_heading_ends_the_section():
    doc = document("d", zh("基本方针", "heading", 2), zh("创新驱动。把创新摆在核心位置。"),
                   zh("保障措施", "heading", None), zh("质量为先。把质量作为生命线。"))
    assert names(collect_principles([doc]), "d") == [("创新驱动", None)]


def test_a_bare_unnumbered_principles_line_opens_a_section_any_heading_ends():
    doc = document("d", zh("基本原则"), zh("——创新驱动。把创新摆在核心位置。"), en("* Quality first. Quality is life."),
                   zh("（三）主要目标", "heading", 2), zh("质量为先。把质量作为生命线。"))
    assert names(collect_principles([doc]), "d") == [("创新驱动", None), (None, "Quality first")]


def test_consecutive_zh_and_en_headings_open_one_section():
    doc = document("d", zh("（二）基本原则", "heading", 2), en("(II) Basic Principles", "heading", 2),
                   zh("重点突破。集中优势力量。"), en("Key breakthroughs. Concentrate forces."))
    (p,) = collect_principles([doc]).for_document("d")
    assert (p.name_zh, p.name_en, p.row) == ("重点突破", "Key breakthroughs", "a1-3")


def test_a_paired_row_gives_both_names_and_statements():
    doc = principles_doc("d", (zh("——协同创新。发挥政策引导作用。"), en("Collaborative innovation. Give play to policies.")))
    (p,) = collect_principles([doc]).for_document("d")
    assert p == p.__class__("collaborative-innovation", "协同创新", "Collaborative innovation",
                            "发挥政策引导作用。", "Give play to policies.", "a1-4")


# --- merging across documents ------------------------------------------------------------------


def test_one_principle_in_different_languages_and_cases_is_one_entry():
    docs = [
        principles_doc("a", (zh("数据驱动。用数据说话。"), en("Data-Driven. Let data speak."))),
        principles_doc("b", en("Data-driven. Decisions follow data.")),
        principles_doc("c", zh("坚持数据驱动。以数据为依据。")),
    ]
    index = collect_principles(docs, glossary=NO_GLOSSARY)
    assert [(e.key, e.name_zh, e.name_en, e.documents) for e in index.entries] == [
        ("data-driven", "数据驱动", "Data-Driven", ("a", "b", "c"))]
    assert {p.key for d in "abc" for p in index.for_document(d)} == {"data-driven"}


def test_different_principles_stay_apart_even_when_mistranslated():
    docs = [
        principles_doc("a", zh("开放合作。加强国际合作。")),
        principles_doc("b", zh("开放有序。健全发展环境。")),
        principles_doc("c", (zh("开放合作。深化交流。"), en("Openness and orderliness. Deepen exchanges."))),
        principles_doc("d", en("Openness and orderliness. Improve the environment.")),
    ]
    index = collect_principles(docs)
    assert [(e.key, e.name_zh, e.documents) for e in index.entries] == [
        ("open-cooperation", "开放合作", ("a", "c")),
        ("openness-and-orderliness", "开放有序", ("b", "d")),
    ]


def test_the_glossary_merges_a_zh_only_and_an_en_only_statement():
    docs = [principles_doc("a", zh("重点突破。集中优势力量。")), principles_doc("b", en("Key Breakthroughs. Focus."))]
    merged = collect_principles(docs)
    assert [(e.key, e.name_zh, e.name_en, e.documents) for e in merged.entries] == [
        ("key-breakthroughs", "重点突破", "Key breakthroughs", ("a", "b"))]
    apart = collect_principles(docs, glossary=NO_GLOSSARY)
    assert [(e.key, e.documents) for e in apart.entries] == [("key-breakthroughs", ("b",)), ("zhongdiantupo", ("a",))]


def test_unpaired_rows_of_one_principle_in_one_document_are_one_principle():
    doc = principles_doc("d", zh("系统布局。分阶段实施。"), en("Systematic Layout. Implement in stages."))
    (p,) = collect_principles([doc]).for_document("d")
    assert (p.name_zh, p.text_zh, p.name_en, p.text_en, p.row) == (
        "系统布局", "分阶段实施。", "Systematic Layout", "Implement in stages.", "a1-4")


def test_entries_sorted_by_documents_then_key_and_keys_are_anchors():
    docs = [
        principles_doc("a", zh("需求牵引。面向应用。"), zh("重点突破。集中力量。")),
        principles_doc("b", zh("重点突破。突出重点。"), zh("安全可控。保障安全。")),
    ]
    index = collect_principles(docs)
    assert [(e.key, e.documents) for e in index.entries] == [
        ("key-breakthroughs", ("a", "b")),
        ("security-and-controllability", ("b",)),
        ("xuqiuqianyin", ("a",)),
    ]
    assert all(ANCHOR.match(e.key) for e in index.entries)


def test_distinct_principles_whose_slugs_collide_get_distinct_keys():
    docs = [principles_doc("a", en("Market-led, government-guided. One.")),
            principles_doc("b", en("Market-led government-guided. Two."))]
    keys = [e.key for e in collect_principles(docs, glossary=NO_GLOSSARY).entries]
    assert len(set(keys)) == 2 and all(k.startswith("market-led-government-guided-") and ANCHOR.match(k) for k in keys)


def test_every_document_is_listed_even_without_principles():
    index = collect_principles([document("x", zh("一、总体要求", "heading", 1), zh("开放合作。加强合作。"))])
    assert index.by_document == (("x", ()),) and index.entries == ()


def test_glossary_file_loads_and_refuses_one_english_name_for_two_chinese(tmp_path):
    glossary = load_glossary()
    assert GlossaryEntry("系统布局", ("Systematic layout", "Systemic layout", "Systematic deployment")) in glossary
    bad = tmp_path / "principles.tsv"
    bad.write_text("开放合作\tOpen cooperation\n开放有序\topen  Cooperation\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"principles.tsv:2: 'open  Cooperation' already renders"):
        load_glossary(bad)


# --- the seed ----------------------------------------------------------------------------------


def test_the_seed_states_exactly_its_four_principles():
    reader = pytest.importorskip("generator.read.readers")
    doc, _ = reader.read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    aligned = align_document(doc)
    index = collect_principles([aligned])
    found = index.for_document(doc.id)
    assert [(p.key, p.name_zh, p.name_en) for p in found] == [
        ("systematic-layout", None, "Systematic Layout"),
        ("key-breakthroughs", None, "Key breakthroughs"),
        ("collaborative-innovation", None, "Collaborative innovation"),
        ("openness-and-orderliness", None, "Openness and orderliness"),
    ]
    rows = {r.id: r for s in aligned.sections for r in s.rows}
    for p in found:
        assert rows[p.row].en[0].text == f"{p.name_en}. {p.text_en}"
    assert found[0].text_en.startswith("Learn about the development trend")
    assert [e.key for e in index.entries] == sorted(p.key for p in found)


# --- section names, and General Principles ------------------------------------------------------


@pytest.mark.parametrize("heading", [
    "（三）基本原则。", "（二）发展原则", "二、主要原则", "1.4\u3000工作原则", "（一）总体原则", "指导原则",
    "（一）指导思想和基本原则", "第二章 基本原则"])
def test_chinese_section_names(heading):
    doc = document("d", zh(heading, "heading", 2), zh("问题导向。针对突出问题。"), zh("（三）工作目标", "heading", 2))
    assert names(collect_principles([doc]), "d") == [("问题导向", None)]


@pytest.mark.parametrize("heading", [
    "(II) Basic Principles", "(II) Development Principles", "Principles", "2. Main Principles",
    "Working principles", "1.4 Guiding Principles", "II. BASIC PRINCIPLES"])
def test_english_section_names(heading):
    doc = document("d", en(heading, "heading", 2), en("Problem-oriented. Address the problems."))
    assert names(collect_principles([doc]), "d") == [(None, "Problem-oriented")]


# The official English of 总纲/总则, a law's first chapter, is `General Principles` (Constitution, Chapter I,
# tests/fixtures/real/06): English alone cannot tell it from 总体原则, so only the Chinese opens a section.
@pytest.mark.parametrize("rows", [
    ((zh("第一章　总纲", "heading", 1), en("Chapter I General Principles", "heading", 1)), en("Openness. Open up.")),
    (en("Chapter I General Principles", "heading", 1), en("Openness. Open up.")),
    (en("General Principles", "heading", 2), en("Openness. Open up.")),
    ((zh("第一章 总则", "heading", 1), en("Chapter I General Principles", "heading", 1)), zh("开放。对外开放。"))])
def test_general_principles_of_a_law_is_not_a_principles_section(rows):
    assert collect_principles([document("d", *rows)]).for_document("d") == ()


@pytest.mark.parametrize("rows", [
    ((zh("（二）总体原则", "heading", 2), en("(II) General Principles", "heading", 2)),),
    (zh("（二）总体原则", "heading", 2), en("(II) General Principles", "heading", 2))])
def test_general_principles_beside_zongti_yuanze_is_one(rows):
    doc = document("d", *rows, zh("问题导向。针对突出问题。"), en("Problem-oriented. Address the problems."))
    assert names(collect_principles([doc], glossary=NO_GLOSSARY), "d") == [("问题导向", "Problem-oriented")]


# --- real plans (excerpts of tests/fixtures/real, levels as the reader gives them) -----------------


def test_zero_waste_city_plan_compounds_and_a_numbered_paragraph_ends_the_section():
    doc = document(  # 国办发〔2018〕128号 “无废城市”建设试点工作方案, 一、（三）基本原则 (statements cut short)
        "d", zh("一、总体要求", "heading", 6), zh("（三）基本原则。", "paragraph", 7),
        zh("坚持问题导向，注重创新驱动。着力解决当前固体废物产生量大、利用不畅、非法转移倾倒、处置设施选址难等突出问题。"),
        zh("坚持因地制宜，注重分类施策。试点城市根据区域产业结构、发展阶段，重点识别主要固体废物。"),
        zh("（四）试点目标。到2020年，系统构建“无废城市”建设指标体系。", "paragraph", 7),
        zh("（五）试点范围。在全国范围内选择10个左右有条件、有基础、规模适当的城市。", "paragraph", 7))
    assert names(collect_principles([doc]), "d") == [("坚持问题导向，注重创新驱动", None), ("坚持因地制宜，注重分类施策", None)]


def test_grain_emergency_plan_working_principles_under_decimal_headings():
    doc = document(  # 国家粮食应急预案, 1.4 工作原则 (statements cut short)
        "d", zh("1\u3000总则"), zh("1.4\u3000工作原则"),
        zh("（1）统一领导、分级负责。在国务院统一领导下，对不同等级的粮食应急工作各负其责。", "paragraph", 9),
        zh("（2）科学监测、预防为主。要提高防范突发公共事件的意识。", "paragraph", 9),
        zh("2\u3000组织机构和职责"), zh("2.1\u3000国家粮食应急工作指挥部"),
        zh("（1）掌握粮食市场形势。向国务院提出建议。", "paragraph", 9))
    assert names(collect_principles([doc]), "d") == [("统一领导、分级负责", None), ("科学监测、预防为主", None)]


SHAPES = {  # excerpts of gov.cn pages, as the reader makes them rows (statements cut short)
    "三级公立医院绩效考核 (国办发〔2019〕4号): long compound names": (
        [zh("（二）基本原则。", "paragraph", 7), zh("坚持公益性导向，提高医疗服务效率。以满足人民群众健康需求为出发点和立足点。"),
         zh("坚持属地化管理，做好国家顶层设计。国家制定统一标准、关键指标。")],
        ["坚持公益性导向，提高医疗服务效率", "坚持属地化管理，做好国家顶层设计"]),
    "综合保税区 (国发〔2019〕3号): numbered name lines, statements on the next line": (
        [zh("二、基本原则", "heading", 6), zh("（一）坚持深化改革，简政放权。", "paragraph", 7),
         zh("进一步健全综合监管体系，持续改善营商环境和创新环境。"), zh("（二）坚持对标国际，开放引领。", "paragraph", 7),
         zh("对标国际先进水平，注重要素整合和产业配套。"), zh("三、发展目标", "heading", 6), zh("对标高质量发展要求，完善政策。")],
        ["坚持深化改革，简政放权", "坚持对标国际，开放引领"]),
    "药品集中采购 (国办发〔2019〕2号): the heading's line runs in 一是…二是…": (
        [zh("（三）基本原则。一是坚持以人民为中心，保障临床用药需求，切实减轻患者负担，确保药品质量及供应。二是坚持依法合规，"
            "严格执行相关政策规定。三是坚持市场机制和政府作用相结合，既尊重以市场为主导的药品价格形成机制。"
            "四是坚持平稳过渡、妥当衔接，处理好试点工作与现有采购政策关系。", "paragraph", 7),
         zh("二、集中采购范围及形式", "heading", 6), zh("（一）参加企业。经国家药品监督管理部门批准的生产企业，均可参加。", "paragraph", 7)],
        ["坚持以人民为中心", "坚持依法合规", "坚持市场机制和政府作用相结合", "坚持平稳过渡、妥当衔接"]),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_real_shapes_of_principles(shape):
    rows, expected = SHAPES[shape]
    found = collect_principles([document("d", *rows)]).for_document("d")
    assert [p.name_zh for p in found] == expected and all(p.text_zh for p in found)
    assert found[0].text_zh.startswith(("以满足", "进一步健全", "保障临床用药需求"))


# --- a short principle and its English on separate rows: 新一代人工智能发展规划 (国发〔2017〕35号), 基本原则;
# the English is this project's translation.
KAIYUAN = zh("开源开放。倡导开源共享理念，促进产学研用各创新主体共创共享。")
KAIYUAN_EN = en("Open source and openness. Advocate the concept of open source and sharing, and promote "
                "co-creation and sharing among all innovators in industry, academia, research and application.")


def test_a_short_principle_and_its_english_are_one_whether_the_aligner_pairs_them_or_not():
    blocks = (zh("（二）基本原则。", "heading", 7), en("(II) Basic Principles", "heading", 7), KAIYUAN, KAIYUAN_EN)
    section = align_section(Section("attachment", 1, None, None, blocks))  # short: it may leave them apart
    for doc in (replace(principles_doc("d"), sections=(section,)), principles_doc("d", KAIYUAN, KAIYUAN_EN)):
        (p,) = collect_principles([doc], glossary=NO_GLOSSARY).for_document("d")
        assert (p.name_zh, p.name_en, p.text_en[:8]) == ("开源开放", "Open source and openness", "Advocate")


@pytest.mark.parametrize("zh_row, en_row", [  # not a translation; an English name the glossary gives 开放有序
    (KAIYUAN, en("Technology-led. Grasp the global trend of AI and highlight the forward-looking R&D deployment.")),
    (zh("开放合作。倡导开源共享理念，促进各创新主体共创共享。"),
     en("Openness and orderliness. Advocate open source and sharing, and promote co-creation."))])
def test_lone_rows_that_are_not_a_translated_pair_stay_apart(zh_row, en_row):
    found = collect_principles([principles_doc("d", zh_row, en_row)]).for_document("d")
    assert [(bool(p.name_zh), bool(p.name_en)) for p in found] == [(True, False), (False, True)]

REAL = Path(__file__).parent / "fixtures" / "real"


@pytest.mark.skipif(not (REAL / "expected.json").exists(), reason="real fixtures not present")
def test_real_documents_state_the_expected_principles():
    expected = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
    documents, _ = read_corpus(REAL)
    index = collect_principles([align_document(d) for d in documents])
    found = {d.source_file: [p.name_zh or p.name_en for p in index.for_document(d.id)] for d in documents}
    assert found == {name: e["principles"] for name, e in expected.items() if name in found}
    assert sum(map(len, found.values())) >= 14
