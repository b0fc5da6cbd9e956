"""Tests for generator/keywords.py and generator/segment.py: policy keywords from jieba."""

from pathlib import Path

import pytest

from generator import segment
from generator.analyse.keywords import KEYWORD_COUNT, extract_keywords, is_keyword_candidate, keywords_of_text
from generator.model import AlignedDocument, AlignedSection, Block, Document, Metadata, Row, Section

SEED = Path(__file__).parent.parent / "seeds" / "000_fb4425727dd22f71.txt"

TEXT = (
    "坚持推进人工智能和实体经济深度融合，加快建设制造强国和网络强国。"
    "坚持协同创新，推进人工智能产业发展，加快实体经济转型升级。"
    "到2020年，人工智能核心产业规模超过1500亿元，三年行动计划取得明显成效，协同创新体系基本形成。"
)


def aligned(doc_id, *blocks):
    """A one-section document with one row per block (as the placeholder aligner makes them)."""
    rows = tuple(
        Row(id=f"n{i}", kind=b.kind, level=None, zh=(b,) if b.lang != "en" else (), en=(b,) if b.lang == "en" else ())
        for i, b in enumerate(blocks, start=1)
    )
    section = Section("notice", 0, None, None, blocks)
    metadata = Metadata(None, None, None, None, None, (), None, None, ())
    doc = Document(doc_id, f"{doc_id}.txt", metadata, (), (section,), (), False, len(blocks))
    return AlignedDocument(doc, (AlignedSection(section, rows),))


def block(text, lang="zh", kind="paragraph"):
    return Block(kind=kind, lang=lang, text=text, lines=(1,))


def test_user_dictionary_phrases_stay_whole():
    words = segment.cut("推动人工智能和实体经济深度融合，坚持协同创新，建设制造强国。")
    assert {"人工智能", "实体经济", "协同创新", "制造强国"} <= set(words)
    assert {"人工", "智能", "实体", "强国"}.isdisjoint(words)
    assert {"人工智能", "实体经济", "协同创新", "制造强国"} <= set(keywords_of_text(TEXT))


def test_stop_words_and_numbers_are_never_keywords():
    found = keywords_of_text(TEXT, count=100)
    assert found and {"坚持", "推进", "加快", "2020", "2020年", "1500", "三年", "亿元"}.isdisjoint(found)
    assert all(is_keyword_candidate(w) for w in found)


@pytest.mark.parametrize(
    "word, ok",
    [("2018", False), ("2018年", False), ("三年", False), ("十九大", False), ("第一", False), ("亿元", False),
     ("artificial", False), ("中国制造2025", True), ("实体经济", True)],
)
def test_numbers_years_and_non_chinese_words_are_not_candidates(word, ok):
    assert is_keyword_candidate(word) is ok


def test_keywords_are_best_first_ties_broken_by_word():
    weights = dict(segment.weighted_keywords(TEXT))
    found = keywords_of_text(TEXT, count=100)
    order = [(-weights[w], w) for w in found]
    assert order == sorted(order)
    tied = [w for w in found if weights[w] == weights["制造强国"]]
    assert len(tied) > 1 and tied == sorted(tied)
    assert keywords_of_text(TEXT) == found[:KEYWORD_COUNT] == keywords_of_text(TEXT)


def test_only_chinese_text_blocks_are_read():
    doc = aligned(
        "d",
        block("各省、自治区、直辖市工业和信息化主管部门：", kind="addressee"),
        block(TEXT),
        block("Artificial intelligence and the real economy, artificial intelligence.", lang="en"),
        block("工业和信息化部", kind="signature"),
    )
    found = extract_keywords([doc])["d"]
    assert len(found) == KEYWORD_COUNT and found[0] == "人工智能"
    assert {"自治区", "直辖市", "信息化", "artificial", "intelligence"}.isdisjoint(found)


def test_a_document_without_chinese_has_no_keywords():
    assert extract_keywords([aligned("e", block("Systematic Layout. Learn.", lang="en"))]) == {"e": ()}


def test_seed_keywords():
    reader = pytest.importorskip("generator.read.readers")
    from generator.align.aligner import align_document

    doc, _ = reader.read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    found = extract_keywords([align_document(doc)])[doc.id]
    assert len(found) == KEYWORD_COUNT and found[0] == "人工智能"
    assert {"实体经济", "制造强国", "网络强国"} <= set(found)
    assert all(is_keyword_candidate(w) for w in found)


def test_notice_boilerplate_is_never_a_keyword():
    text = "现将工作指引印发给你们，请遵照执行。现将有关事项通知如下。请结合实际认真贯彻执行。开放创新平台以企业为主体。"
    found = keywords_of_text(text, count=100)
    assert "平台" in found or "开放" in found
    assert {"现将", "遵照执行", "事项", "如下", "认真贯彻", "贯彻执行", "结合实际"}.isdisjoint(found)
