"""Align stage: the newer kinds of evidence — numbers in words and labels, law part names, short
sentences, hard anchors, words learned from a document's sure pairs, and its rhythm."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.align.aligner import _kept, _sure, align_section, align_sections, prepare
from generator.align.evidence import make_piece
from generator.align.gold import read_labelled
from generator.align.learned import NOTHING, learn, learned_evidence
from generator.align.lexicon import lexicon
from generator.align.numbers import en_quantities, zh_quantities
from generator.model import Block, Row, Section

SET = Path(__file__).resolve().parent / "align_set"


def _section(*blocks: Block) -> Section:
    return Section(kind="attachment", number=1, title_zh=None, title_en=None, blocks=blocks)


def _pair(zh: str, en: str, kind: str = "paragraph") -> Row:
    """The row(s) of a two-line file: the Chinese line then the English line."""
    blocks = (Block(kind, "zh", zh, (1,)), Block(kind, "en", en, (2,)))  # type: ignore[arg-type]
    rows = align_section(_section(*blocks)).rows
    assert len(rows) == 1, f"not paired: {zh} / {en}"
    return rows[0]


@pytest.mark.parametrize(
    ("zh", "en", "value"),
    [
        ("二十世纪", "In the 20th century", 20),
        ("百分之五十", "50 percent", 50),
        ("百分之三点五", "3.5%", 3.5),
        ("一九四九年", "In 1949", 1949),
        ("一八四○年以后", "After 1840", 1840),
        ("依照本法第十条的规定", "under Article 10 of this Law", 10),
    ],
)
def test_numbers_written_in_words(zh: str, en: str, value: float) -> None:
    assert value in zh_quantities(zh).values and value in en_quantities(en).strong


def test_list_labels_inside_an_article_are_not_numbers() -> None:
    assert 1.0 not in en_quantities("The areas are as follows:\n(1) provinces;\n(2) counties").values
    assert 1.0 not in zh_quantities("划分如下：\n（一）全国分为省；\n（二）省分为县").values


@pytest.mark.parametrize(
    ("zh", "en", "kind", "evidence"),
    [
        ("二十世纪，中国发生了翻天覆地的伟大历史变革。", "In the 20th century, momentous historical changes took place in China.",
         "paragraph", "numbers"),
        ("城市的土地属于国家所有。", "Land in cities is owned by the state.", "paragraph", "lexicon"),
        ("序　言", "Preamble", "heading", "glossary"),
        ("第一章　总纲", "Chapter I General Principles", "heading", "anchor"),
        ("第十条　城市的土地属于国家所有。", "Article 10 Land in cities is owned by the state.", "paragraph", "anchor"),
        ("（二）监督宪法的实施；", "(2) overseeing the enforcement of the Constitution;", "paragraph", "numbering"),
    ],
)
def test_short_real_pairs_pair_on_their_own(zh: str, en: str, kind: str, evidence: str) -> None:
    row = _pair(zh, en, kind)
    assert row.zh and row.en and evidence in {e.kind for e in row.evidence}
    assert all(e.detail for e in row.evidence)


def test_short_sentence_pairs_in_a_three_line_file() -> None:
    blocks = (
        Block("paragraph", "zh", "城市的土地属于国家所有。", (1,)),
        Block("paragraph", "en", "Land in cities is owned by the state.", (2,)),
        Block("paragraph", "zh", "国家实行社会主义市场经济。", (3,)),
    )
    rows = align_section(_section(*blocks)).rows
    assert rows[0].zh == blocks[:1] and rows[0].en == blocks[1:2] and rows[1].en == ()


def test_an_anchor_still_needs_its_margin() -> None:
    """Equal article numbers force the path through the pair, but not a row claiming a translation."""
    rows = align_section(_section(
        Block("paragraph", "zh", "第十条　城市的土地属于国家所有。", (1,)),
        Block("paragraph", "en", "Article 10 The national flag is a red flag with five stars.", (2,)),
    )).rows
    assert all(not (r.zh and r.en) for r in rows)


@pytest.fixture(scope="module")
def chapter3():  # type: ignore[no-untyped-def]
    doc = read_labelled(SET / "14_constitution_ch3.txt")
    prepared = prepare(doc.sections[0], lexicon())
    return prepared, learn(_sure([prepared], [_kept(prepared, NOTHING)]))


def test_words_are_learned_from_sure_pairs(chapter3) -> None:  # type: ignore[no-untyped-def]
    _, learned = chapter3
    assert "procur" in learned.words["检察"]  # CC-CEDICT: inspect, prosecute; the NPC: procuratorial
    lex = lexicon()
    zh = make_piece(Block("paragraph", "zh", "人民检察院依照法律规定独立行使检察权。", (1,)), lex)
    en = make_piece(Block("paragraph", "en", "People's procuratorates shall independently exercise "
                                             "procuratorial power in accordance with the law.", (2,)), lex)
    (found,) = [e for e in learned_evidence(learned, zh, en, False, 1.0) if e.kind == "learned"]
    assert found.score > 0 and "检察 ↔ procuratorates" in found.detail, found


def test_learned_words_count_only_where_the_dictionary_did_not(chapter3) -> None:  # type: ignore[no-untyped-def]
    _, learned = chapter3
    lex = lexicon()
    zh = make_piece(Block("paragraph", "zh", "国家保护环境。", (1,)), lex)
    en = make_piece(Block("paragraph", "en", "The state protects the environment.", (2,)), lex)
    assert not [e for e in learned_evidence(learned, zh, en, False, 1.0) if e.kind == "learned"]


def test_rhythm_is_learned_from_an_interleaved_document(chapter3) -> None:  # type: ignore[no-untyped-def]
    prepared, learned = chapter3
    assert learned.rhythm and learned.rhythm_score > 0
    (aligned,) = align_sections(prepared.section.blocks and (prepared.section,))
    assert any(e.kind == "rhythm" for r in aligned.rows for e in r.evidence)


def test_no_rhythm_when_the_translation_is_separate() -> None:
    doc = read_labelled(SET / "13_constitution_ch2.txt")
    section = doc.sections[0]
    split = replace(section, blocks=tuple(b for b in section.blocks if b.lang != "en")
                    + tuple(b for b in section.blocks if b.lang == "en"))
    (aligned,) = align_sections((split,))
    kinds = {e.kind for r in aligned.rows for e in r.evidence}
    assert "rhythm" not in kinds and any(r.zh and r.en for r in aligned.rows)


def test_rhythm_needs_sure_pairs_so_the_seed_gains_nothing() -> None:
    assert learn([]) is NOTHING
    lex = lexicon()
    zh = make_piece(Block("paragraph", "zh", "国家保护环境。", (1,)), lex)
    en = make_piece(Block("paragraph", "en", "The state protects the environment.", (2,)), lex)
    assert learn([(zh, en, True)] * 2).rhythm is None  # two sure pairs are not a rhythm


def test_rhythm_does_not_pair_a_foreign_paragraph_next_to_chinese() -> None:
    """In a rhythmic document, English that translates something else stays apart from the
    Chinese it follows: three English paragraphs of chapter II replaced by chapter I's."""
    doc, other = read_labelled(SET / "13_constitution_ch2.txt"), read_labelled(SET / "12_constitution_ch1.txt")
    foreign = [b for b in other.sections[0].blocks if b.lang == "en" and b.kind == "paragraph"][30:33]
    blocks = list(doc.sections[0].blocks)
    swapped = [k for k, b in enumerate(blocks) if b.lang == "en" and b.kind == "paragraph"][10:40:12]
    for k, text in zip(swapped, foreign):
        blocks[k] = replace(blocks[k], text=text.text)
    (aligned,) = align_sections((replace(doc.sections[0], blocks=tuple(blocks)),))
    assert any(e.kind == "rhythm" for r in aligned.rows for e in r.evidence)
    for k in swapped:
        (row,) = [r for r in aligned.rows if blocks[k] in r.en]
        assert row.zh == (), row.evidence


def _split(section: Section) -> Section:
    return replace(section, blocks=tuple(b for b in section.blocks if b.lang != "en")
                   + tuple(b for b in section.blocks if b.lang == "en"))


def test_between_two_sure_pairs_in_a_separate_translation() -> None:
    doc = read_labelled(SET / "12_constitution_ch1.txt")
    (aligned,) = align_sections((_split(doc.sections[0]),))
    found = [e for r in aligned.rows for e in r.evidence if e.kind == "between"]
    assert found and all("left between two sure pairs" in e.detail for e in found)
    from generator.align.gold import score

    assert score(doc, (aligned,)).precision == 1.0


def test_what_is_left_between_sure_pairs_still_needs_words() -> None:
    """Chapter II as a separate translation, one English paragraph swapped for one of chapter I:
    the Chinese paragraph and the foreign English are all that is left between two sure pairs."""
    doc, other = read_labelled(SET / "13_constitution_ch2.txt"), read_labelled(SET / "12_constitution_ch1.txt")
    foreign = [b for b in other.sections[0].blocks if b.lang == "en" and b.kind == "paragraph"][40]
    blocks = list(doc.sections[0].blocks)
    k = [k for k, b in enumerate(blocks) if b.lang == "en" and b.kind == "paragraph"][20]
    blocks[k] = replace(blocks[k], text=foreign.text)
    (aligned,) = align_sections((_split(replace(doc.sections[0], blocks=tuple(blocks))),))
    (row,) = [r for r in aligned.rows if blocks[k] in r.en]
    assert row.zh == (), row.evidence
