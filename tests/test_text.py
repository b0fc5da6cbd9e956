"""The ground layer: numerals, the one numbering table and its level scale, CJK tests, slugs."""

from __future__ import annotations

import pytest

from generator.text import LEVELS, NUMBERINGS, chinese_number, compact, has_han, numbering, pinyin_slug, roman_number


@pytest.mark.parametrize(("text", "value"), [("十三", 13), ("二十", 20), ("一百零五", 105), ("两千", 2000),
                                             ("二〇一七", 2017), ("一千二百六十", 1260), ("x", None), ("", None)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


def test_roman_numbers():
    assert [roman_number(t) for t in ("IV", "xii", "XL", "MMX", "IIV2")] == [4, 12, 40, 2010, None]


@pytest.mark.parametrize(("text", "lang", "unit", "level", "ordinal", "rest"), [
    ("第一编　总则", "zh", "part", 1, 1, "总则"),
    ("第二分编 合同", "zh", "subpart", 2, 2, "合同"),
    ("第十二章 附则", "zh", "chapter", 3, 12, "附则"),
    ("第三节 监督", "zh", "section", 4, 3, "监督"),
    ("第一千二百六十条　本法自2021年1月1日起施行。", "zh", "article", 5, 1260, "本法自2021年1月1日起施行。"),
    ("一、总体要求", "zh", "outline", 6, 1, "总体要求"),
    ("（三）重点任务", "zh", "outline", 7, 3, "重点任务"),
    ("12. 加强", "zh", "outline", 8, 12, "加强"),
    ("（2）推进", "zh", "outline", 9, 2, "推进"),
    ("Part Two Contracts", "en", "part", 1, 2, "Contracts"),
    ("Chapter IV Legal Liability", "en", "chapter", 3, 4, "Legal Liability"),
    ("Article 26 Where", "en", "article", 5, 26, "Where"),
    ("IV. Safeguards", "en", "outline", 6, 4, "Safeguards"),
    ("(II) Basic Principles", "en", "outline", 7, 2, "Basic Principles"),
    ("(3) Promote", "en", "outline", 9, 3, "Promote"),
])
def test_one_numbering_table_with_one_level_scale(text, lang, unit, level, ordinal, rest):
    found = numbering(text, lang)
    assert found is not None
    assert (found.unit, found.level, found.ordinal, found.rest) == (unit, level, ordinal, rest)


def test_a_label_alone_counts_only_when_asked():
    assert numbering("第三条", "zh") is None
    assert numbering("第三条", "zh", whole=True).ordinal == 3
    assert numbering("Article 3", "en", whole=True).unit == "article"


def test_not_labels():
    assert numbering("Part of the plan is done.", "en") is None
    assert numbering("第三方机构应当", "zh") is None
    assert numbering("2020年", "zh") is None


def test_the_scale_orders_every_row_of_the_table():
    assert sorted(LEVELS.values()) == list(range(1, len(LEVELS) + 1))
    assert {row.level for row in NUMBERINGS} == set(LEVELS.values())


def test_cjk_and_whitespace_and_slugs():
    assert has_han("a中b") and not has_han("abc，。")
    assert compact(" 分 类\u3000：") == "分类："
    assert pinyin_slug("工信部科") == "gongxinbuke"
