"""Align stage: the contract (rows, order, kinds, anchors) and behaviour on small hand-made sections."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.align.aligner import align_document, align_section, row_id
from generator.align.gold import read_set, score
from generator.model import Block, Document, Metadata, Row, Section

SET = read_set(Path(__file__).resolve().parent / "align_set")
POOL = tuple(b for d in SET for s in d.sections for b in s.blocks)
FORMAL = {"doc_number", "signature", "date", "note", "attachments", "addressee"}


def zh(text: str, kind: str = "paragraph", line: int = 1, **numbering: object) -> Block:
    return Block(kind=kind, lang="zh", text=text, lines=(line,), **numbering)  # type: ignore[arg-type]


def en(text: str, kind: str = "paragraph", line: int = 1, **numbering: object) -> Block:
    return Block(kind=kind, lang="en", text=text, lines=(line,), **numbering)  # type: ignore[arg-type]


def section(*blocks: Block, kind: str = "attachment", number: int = 1) -> Section:
    return Section(kind=kind, number=number, title_zh=None, title_en=None, blocks=blocks)  # type: ignore[arg-type]


ZH_TARGET = "到2020年，人工智能核心产业规模超过1500亿元，带动相关产业规模超过1万亿元。"
EN_TARGET = (
    "By 2020, the scale of the core artificial intelligence industry will exceed 150 billion yuan, "
    "driving the scale of related industries to exceed 1 trillion yuan."
)


def check_contract(sec: Section, rows: tuple[Row, ...]) -> None:
    """Every block in exactly one row, each language in source order, rows well formed."""
    placed = [id(b) for r in rows for b in r.zh + r.en]
    assert sorted(placed) == sorted(id(b) for b in sec.blocks)
    assert [id(b) for r in rows for b in r.zh] == [id(b) for b in sec.blocks if b.lang != "en"]
    assert [id(b) for r in rows for b in r.en] == [id(b) for b in sec.blocks if b.lang == "en"]
    assert [r.id for r in rows] == [row_id(sec, k) for k in range(1, len(rows) + 1)]
    for r in rows:
        assert 0 < len(r.zh) + len(r.en) and len(r.zh) <= 2 and len(r.en) <= 2
        assert all(b.lang in ("zh", "mul") for b in r.zh) and all(b.lang == "en" for b in r.en)
        assert r.kind == (r.zh or r.en)[0].kind
        if r.zh and r.en:
            kinds = {b.kind for b in r.zh + r.en}
            assert all(b.lang == "zh" for b in r.zh)
            assert not kinds & {"heading", "title", "table"} or len(kinds) == 1
            assert not kinds & FORMAL or r.zh[0].kind in {b.kind for b in r.en} or r.en[0].kind == "paragraph"
            assert r.confidence is not None and 0.5 <= r.confidence < 1 and r.evidence
        else:
            assert r.confidence is None and r.evidence == ()


def test_row_ids() -> None:
    assert row_id(section(kind="notice", number=0), 3) == "n3"
    assert row_id(section(kind="attachment", number=1), 3) == "a1-3"
    assert row_id(section(kind="attachment", number=12), 1) == "a12-1"


def test_translation_is_paired_with_evidence() -> None:
    sec = section(zh(ZH_TARGET), en(EN_TARGET))
    (row,) = align_section(sec).rows
    assert row.zh == sec.blocks[:1] and row.en == sec.blocks[1:]
    kinds = {e.kind: e for e in row.evidence}
    assert "2020 ↔ 2020" in kinds["numbers"].detail and "1500亿 ↔ 150 billion" in kinds["numbers"].detail
    assert kinds["numbers"].score > 0 and kinds["lexicon"].score > 0 and "人工智能" in kinds["glossary"].detail
    assert "better than" in kinds["margin"].detail and row.confidence is not None and row.confidence >= 0.5


def test_disagreeing_numbers_keep_a_translation_like_pair_apart() -> None:
    wrong = EN_TARGET.replace("2020", "2025").replace("150 billion", "400 billion")
    rows = align_section(section(zh(ZH_TARGET), en(wrong))).rows
    assert len(rows) == 2 and all(not (r.zh and r.en) for r in rows)


def test_split_translation_aligns_like_interleaved() -> None:
    for doc in SET:
        split = tuple(
            replace(
                s, blocks=tuple(b for b in s.blocks if b.lang != "en") + tuple(b for b in s.blocks if b.lang == "en")
            )
            for s in doc.sections
        )
        result = score(doc, tuple(align_section(s) for s in split))
        assert result.precision == 1.0, result.wrong


def test_heading_is_not_paired_with_its_paragraph() -> None:
    sec = section(
        zh("（一）加强组织领导", kind="heading", level=2, number="（一）", ordinal=1),
        en("(I) Strengthen organizational leadership. Establish a working mechanism led by the competent departments."),
        zh("建立由主管部门牵头的工作机制。"),
    )
    rows = align_section(sec).rows
    assert rows[0].zh == sec.blocks[:1] and rows[0].en == ()
    check_contract(sec, rows)


def test_signature_is_not_paired_with_body_text() -> None:
    sec = section(
        zh("工业和信息化部", kind="signature"),
        en("The Ministry of Industry and Information Technology will organize the evaluation of the pilots."),
        kind="notice",
        number=0,
    )
    rows = align_section(sec).rows
    assert [len(r.zh) + len(r.en) for r in rows] == [1, 1]


def test_signature_and_date_pair_with_their_english_lines() -> None:
    sec = section(
        zh("工业和信息化部", kind="signature"),
        zh("2017年12月13日", kind="date"),
        en("Ministry of Industry and Information Technology"),
        en("December 13, 2017"),
        kind="notice",
        number=0,
    )
    rows = align_section(sec).rows
    assert [(len(r.zh), len(r.en)) for r in rows] == [(1, 1), (1, 1)]
    assert [r.id for r in rows] == ["n1", "n2"]


def test_mixed_table_stays_alone() -> None:
    table = Block(kind="table", lang="mul", text="| 指标 | Indicator |\n| 2020年 | 2020 |", lines=(1, 2))
    sec = section(table, en("| 指标 | Indicator |", kind="table", line=3))
    rows = align_section(sec).rows
    assert rows[0].zh == (table,) and rows[0].en == ()


class _NoLexicon:
    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the lexicon was consulted ({name}) for a section with one language")


def test_one_language_section_needs_no_lexicon() -> None:
    sec = section(zh(ZH_TARGET), zh("二、重点任务", kind="heading", level=1, number="二、", ordinal=2))
    rows = align_section(sec, _NoLexicon()).rows  # type: ignore[arg-type]
    assert [r.zh for r in rows] == [(b,) for b in sec.blocks]


def test_align_document_keeps_sections_in_order() -> None:
    notice = section(zh(ZH_TARGET), kind="notice", number=0)
    attachment = section(zh(ZH_TARGET), en(EN_TARGET), kind="attachment", number=1)
    meta = Metadata(None, None, None, None, None, (), None, None, ())
    doc = Document("d", "d.txt", meta, (), (notice, attachment), (), False, 4)
    aligned = align_document(doc)
    assert [s.section for s in aligned.sections] == [notice, attachment]
    assert [r.id for s in aligned.sections for r in s.rows] == ["n1", "a1-1"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=14, unique=True), st.booleans())
def test_contract_holds_for_any_mix(indices: list[int], split: bool) -> None:
    blocks = [POOL[k] for k in indices]
    if split:
        blocks = [b for b in blocks if b.lang != "en"] + [b for b in blocks if b.lang == "en"]
    sec = section(*blocks)
    check_contract(sec, align_section(sec).rows)


def test_a_separate_translation_file_is_aligned_into_the_same_rows():
    """`plan.txt` + `plan.en.txt`: the translation's pieces pair with the original's, in order."""
    from pathlib import Path

    from generator.read.readers import read_corpus

    (document,), found = read_corpus(Path(__file__).parent / "fixtures" / "translation")
    assert found == ()
    (notice,) = align_document(document).sections
    pairs = [(r.zh[0].text[:6], r.en[0].text[:12]) for r in notice.rows if r.zh and r.en]
    assert pairs == [("各省、自治区", "To the compe"), ("现将《“十四", "The *14th Fi"), ("一、发展目标", "I. Developme"),
                     ("到2025年", "By 2025, 70%"), ("二、重点任务", "II. Key Task"), ("建设2000", "Build more t")]
    assert [r.zh[0].text for r in notice.rows if not r.en] == ["（此件公开发布）"]
    assert all(r.confidence and r.evidence for r in notice.rows if r.zh and r.en)
