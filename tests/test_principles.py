"""Tests for generator/principles.py: finding principles, keys, merging across documents."""

import re
from pathlib import Path

import pytest

from generator.model import (
    AlignedDocument,
    AlignedSection,
    Block,
    Document,
    Metadata,
    Row,
    Section,
)
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
    from generator.align.aligner import align_document

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
