"""Align stage on the seed's attachment, built by hand the way the reader will build it.

Line 41 holds a Chinese paragraph followed on the same line by English that translates a
*different* paragraph (the one the preview omits); the reader splits it at the script
boundary into a zh and an en block, both with lines=(41,).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.align.aligner import align_section
from generator.model import Block, Row, Section

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_fb4425727dd22f71.txt"


def _line(number: int) -> str:
    return SEED.read_text(encoding="utf-8").splitlines()[number - 1].strip()


def seed_attachment() -> Section:
    """The seed's attachment section: lines 39–57."""
    zh41, en41 = re.match(r"(.*?。)(To carry out.*)", _line(41)).groups()  # type: ignore[union-attr]

    def block(kind: str, lang: str, line: int, text: str | None = None, **numbering: object) -> Block:
        return Block(kind=kind, lang=lang, text=text or _line(line), lines=(line,), **numbering)  # type: ignore[arg-type]

    blocks = (
        block("title", "en", 39),
        block("paragraph", "zh", 41, zh41),
        block("paragraph", "en", 41, en41),
        block("heading", "en", 43, level=1, number="I.", ordinal=1),
        block("heading", "en", 45, level=2, number="(I)", ordinal=1),
        block("paragraph", "zh", 47),
        block("heading", "en", 49, level=2, number="(II)", ordinal=2),
        *(block("paragraph", "en", n) for n in (51, 53, 55, 57)),
    )
    return Section(kind="attachment", number=1, title_zh=None, title_en=None, blocks=blocks)


@pytest.fixture(scope="module")
def rows() -> tuple[Row, ...]:
    return align_section(seed_attachment()).rows


def _row_of(rows: tuple[Row, ...], line: int, lang: str) -> Row:
    return next(r for r in rows for b in r.zh + r.en if b.lines == (line,) and b.lang == lang)


def test_seed_text_is_as_expected() -> None:
    assert _line(41).startswith("当前，新一轮科技革命") and "To carry out the *Development Planning" in _line(41)
    assert _line(47).startswith("全面贯彻落实党的十九大精神")
    assert [_line(n).split(".")[0] for n in (51, 53, 55, 57)] == [
        "Systematic Layout",
        "Key breakthroughs",
        "Collaborative innovation",
        "Openness and orderliness",
    ]


def test_same_line_paragraphs_are_not_paired(rows: tuple[Row, ...]) -> None:
    zh_row, en_row = _row_of(rows, 41, "zh"), _row_of(rows, 41, "en")
    assert zh_row is not en_row
    assert zh_row.en == () and en_row.zh == ()


def test_guiding_ideas_paragraph_stands_alone(rows: tuple[Row, ...]) -> None:
    row = _row_of(rows, 47, "zh")
    assert row.en == () and row.confidence is None and row.evidence == ()


@pytest.mark.parametrize("line", [51, 53, 55, 57])
def test_basic_principles_stand_alone(rows: tuple[Row, ...], line: int) -> None:
    assert _row_of(rows, line, "en").zh == ()


def test_nothing_is_paired_and_order_is_kept(rows: tuple[Row, ...]) -> None:
    assert all(not (r.zh and r.en) for r in rows)
    assert [b.lines[0] for r in rows for b in r.zh + r.en] == [39, 41, 41, 43, 45, 47, 49, 51, 53, 55, 57]
    assert [r.id for r in rows] == [f"a1-{k}" for k in range(1, 12)]


def test_seed_through_the_reader() -> None:
    """The same three decisions when the reader builds the blocks, and nothing in the notice pairs."""
    from generator.align.aligner import align_document
    from generator.read.readers import read_corpus

    documents, _ = read_corpus(SEED.parent)
    (document,) = [d for d in documents if d.source_file == SEED.name]
    aligned = align_document(document)
    rows = [r for s in aligned.sections for r in s.rows]
    assert rows and all(not (r.zh and r.en) for r in rows)
    assert len(rows) == sum(len(s.blocks) for s in document.sections)
