"""Tests for generator/classify.py: script split, numbering, headings, tables."""

import pytest

from generator.read.classify import body_blocks, line_blocks, split_scripts
from generator.text import LEVELS


def test_chinese_then_english_on_one_line_splits_at_the_boundary():
    line = "人工智能将成为新引擎。To carry out the *Development Planning*, this plan is formulated."
    assert split_scripts(line) == (
        ("zh", "人工智能将成为新引擎。"),
        ("en", "To carry out the *Development Planning*, this plan is formulated."),
    )


@pytest.mark.parametrize("line", ["推动5G网络和AI芯片发展。", "支持“Made in China”品牌。", "发展IPv6。"])
def test_latin_inside_chinese_does_not_split(line):
    assert split_scripts(line) == (("zh", line),)


def test_english_then_chinese_splits_too():
    assert split_scripts("I. General Requirements 一、总体要求") == (
        ("en", "I. General Requirements"), ("zh", "一、总体要求"))


@pytest.mark.parametrize(
    "text, kind, level, number, ordinal",
    [
        ("一、总体要求", "heading", LEVELS["outline-1"], "一、", 1),
        ("（二）基本原则", "heading", LEVELS["outline-2"], "（二）", 2),
        ("(II) Basic Principles", "heading", LEVELS["outline-2"], "(II)", 2),
        ("IV. Safeguards", "heading", LEVELS["outline-1"], "IV.", 4),
        ("3. 智能网联汽车", "heading", LEVELS["outline-3"], "3.", 3),
        ("（4）加强人才培养", "heading", LEVELS["outline-4"], "（4）", 4),
        ("第十二章 附则", "heading", LEVELS["chapter"], "第十二章", 12),
        ("（一）系统布局。坚持统筹谋划，分步实施。", "paragraph", LEVELS["outline-2"], "（一）", 1),
        ("Systematic Layout. Learn about the trend.", "paragraph", None, None, None),
        ("2017年12月13日", "paragraph", None, None, None),
    ],
)
def test_numbering_and_headings(text, kind, level, number, ordinal):
    (block,) = line_blocks(text, 5)
    assert (block.kind, block.level, block.number, block.ordinal, block.lines) == (kind, level, number, ordinal, (5,))


def test_pipe_table_needs_a_delimiter_row():
    table = body_blocks([(1, "| 项目 | Item |"), (2, "|---|---|"), (3, "| 里程 | Mileage |")])
    assert [(b.kind, b.lang, b.lines) for b in table] == [("table", "mul", (1, 2, 3))]
    stray = body_blocks([(1, "| 不是表格"), (2, "| 也不是 |")])
    assert [b.kind for b in stray] == ["paragraph", "paragraph"]


def test_markdown_looking_lines_stay_paragraphs():
    blocks = body_blocks([(1, "# 标题样"), (2, "> 引用样"), (3, "- 列表样"), (4, "    代码样")])
    assert [b.kind for b in blocks] == ["paragraph"] * 4
