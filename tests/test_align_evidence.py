"""Align stage: the evidence checks one by one (numbers, numbering, titles, length, lexicon)."""

from __future__ import annotations

import pytest

from generator.align.evidence import make_piece, overlap, score_pair
from generator.align.lexicon import lexicon, stem
from generator.align.numbers import en_quantities, numbering, zh_quantities
from generator.text import LEVELS, chinese_number
from generator.model import Block, Evidence


def _evidence(zh_text: str, en_text: str, kind: str = "paragraph") -> dict[str, Evidence]:
    lex = lexicon()
    zh = make_piece(Block(kind=kind, lang="zh", text=zh_text, lines=(1,)), lex)  # type: ignore[arg-type]
    en = make_piece(Block(kind=kind, lang="en", text=en_text, lines=(2,)), lex)  # type: ignore[arg-type]
    return {e.kind: e for e in score_pair(zh, en, adjacent=False)[1]}


@pytest.mark.parametrize(
    ("zh_text", "en_text"),
    [
        ("2020年", "2020"),
        ("占比达到30%", "accounting for 30 percent"),
        ("1500亿元", "150 billion yuan"),
        ("60多年来", "for more than 60 years"),
        ("4.3万亿元", "4.3 trillion yuan"),
        ("每万人拥有5G基站数超过18个", "more than 18 5G base stations per 10,000 people"),
        ("2018-2020年", "(2018-2020)"),
    ],
)
def test_numbers_agree(zh_text: str, en_text: str) -> None:
    zq, eq = zh_quantities(zh_text), en_quantities(en_text)
    assert set(zq.strong) <= eq.values and set(eq.strong) <= zq.values


def test_numbers_in_words_and_names() -> None:
    assert chinese_number("十九") == 19 and chinese_number("一百二十") == 120 and chinese_number("二〇二〇") == 2020
    assert {19.0, 13.0, 5.0, 3.0} <= zh_quantities("党的十九大，“十三五”期间，三年行动").values
    assert 19.0 not in en_quantities("the COVID-19 epidemic").values
    assert 12.0 in en_quantities("December 22, 2020").weak


def test_disagreeing_numbers_count_against() -> None:
    found = _evidence("到2025年，研发经费投入强度达到1.5%。", "By 2025, R&D intensity will reach 1.2%.")
    assert found["numbers"].score < 0 and "1.5 not in English" in found["numbers"].detail


@pytest.mark.parametrize(
    ("text", "lang", "level", "ordinal"),
    [
        ("一、总体要求", "zh", LEVELS["outline-1"], 1),
        ("（三）重点任务", "zh", LEVELS["outline-2"], 3),
        ("12. 加强", "zh", LEVELS["outline-3"], 12),
        ("（2）推进", "zh", LEVELS["outline-4"], 2),
        ("第十二条 本办法", "zh", LEVELS["article"], 12),
        ("IV. Safeguards", "en", LEVELS["outline-1"], 4),
        ("(II) Basic Principles", "en", LEVELS["outline-2"], 2),
        ("(3) Promote", "en", LEVELS["outline-4"], 3),
        ("Article 12 These", "en", LEVELS["article"], 12),
    ],
)
def test_numbering_labels(text: str, lang: str, level: int, ordinal: int) -> None:
    label, _ = numbering(text, lang)
    assert label is not None and (label.level, label.ordinal) == (level, ordinal)


def test_numbering_mismatch_counts_against() -> None:
    found = _evidence("（二）平台体系壮大行动。", "(III) Action to expand the security system.")
    assert found["numbering"].score < 0 and found["numbering"].detail == "（二） ≠ (III)"
    assert _evidence("（三）安全", "(III) Security")["numbering"].score > 0


def test_titles_agree_or_count_against() -> None:
    agree = _evidence(
        "为贯彻落实《中国制造2025》，制定本计划。", "This plan is formulated to implement *Made in China 2025*."
    )
    assert agree["titles"].score > 0 and "《中国制造2025》 ↔ Made in China 2025" in agree["titles"].detail
    missing = _evidence("推动人工智能和实体经济深度融合。", "Implement the *Development Plan for Big Data Industry*.")
    assert missing["titles"].score < 0


def test_length_ratio() -> None:
    short = _evidence("加强统筹协调，充分发挥工作组作用，及时研究解决推进过程中的重大问题。", "Coordinate.")
    assert short["length"].score < -1


def test_lexicon_glossary_and_cedict() -> None:
    lex = lexicon()
    units = lex.units("推动人工智能和实体经济深度融合，建设制造强国")
    found = overlap(
        units, tuple(stem(w) for w in ["promote", "deep", "integration", "artificial", "intelligence", "real", "economy"])
    )
    assert {"人工智能", "实体经济", "深度融合"} <= set(found.glossary)
    assert found.zh_cover > 0.5 and found.en_cover == 1.0
    assert lexicon() is lex


def test_stemmer_meets_word_families() -> None:
    for a, b in [
        ("industrial", "industry"),
        ("implementation", "implement"),
        ("planning", "plan"),
        ("innovative", "innovation"),
        ("scientific", "science"),
    ]:
        assert stem(a) == stem(b), (a, b)
