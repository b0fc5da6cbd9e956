"""Tests for generator/reader.py and generator/structure.py: documents of the seed family."""

from pathlib import Path

import pytest

from generator.check import prove_document
from generator.read.readers import document_id, read_corpus, read_text
from generator.text import LEVELS

FIXTURES = Path(__file__).parent / "fixtures" / "reader"
SEED = Path(__file__).parent.parent / "seeds" / "000_fb4425727dd22f71.txt"


def read(name: str):
    document, found = read_text((FIXTURES / name).read_text(encoding="utf-8"), name)
    assert document is not None, found
    assert prove_document(document) == ()
    return document, [str(d) for d in found]


def shape(section):
    return [(b.kind, b.lang, b.lines) for b in section.blocks]


def test_seed_metadata_and_structure():
    document, found = read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    assert found == ()
    m = document.metadata
    assert (m.issuer, m.doc_number, m.date_written, m.date_published, m.source, m.category) == (
        "工业和信息化部", "工信部科[2017]315号", "2017-12-13", "2017-12-14", "科技司", ("科技管理", "高技术管理"))
    assert m.title == "工业和信息化部关于印发《促进新一代人工智能产业发展三年行动计划（2018-2020年）》的通知"
    assert document.truncated is True
    assert document.id == "gongxinbuke-2017-315"
    notice, attachment = document.sections
    assert [b.kind for b in notice.blocks] == ["doc_number", "addressee", "paragraph", "attachments", "signature", "date"]
    assert attachment.title_zh == "促进新一代人工智能产业发展三年行动计划（2018-2020年）"
    assert attachment.title_en == ("Three-year Action Plan for Promoting the Industrial Development of a New "
                                   "Generation of Artificial Intelligence (2018-2020)")
    reasons = {c.line: c.reason for c in document.classified}
    assert [reasons[n] for n in (5, 7, 9, 21, 23, 25, 59, 60, 61)] == [
        "masthead", "masthead", "header", "header", "duplicate title", "duplicate title",
        "paywall footer", "paywall footer", "paywall footer"]
    assert document.masthead[1] == "Ministry of Industry and Information Technology of the People's Republic of China"


def test_seed_mixed_line_is_two_blocks_never_joined():
    document, _ = read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    on_41 = [b for b in document.sections[1].blocks if b.lines == (41,)]
    assert [(b.lang, b.text[:4]) for b in on_41] == [("zh", "当前，新"), ("en", "To c")]
    assert on_41[0].text.endswith("新引擎。")


def test_seed_every_line_accounted_for():
    document, _ = read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    assert prove_document(document) == ()
    block_lines = {n for s in document.sections for b in s.blocks for n in b.lines}
    classified = {c.line for c in document.classified}
    non_blank = {i for i, t in enumerate(document.source_lines, 1) if t.strip()}
    assert block_lines | classified == non_blank and not block_lines & classified


def test_chinese_only_with_chinese_dates_spaced_keys_and_a_note():
    document, found = read("chinese_only.txt")
    assert found == []
    m = document.metadata
    assert (m.title, m.index_number, m.date_written, m.date_published) == (
        "国务院办公厅关于推进养老服务发展的意见", "000014349/2019-00042", "2019-04-16", "2019-04-16")
    assert m.category == ("科技、教育", "科技") and document.id == "guobanfa-2019-5"
    (notice,) = document.sections
    assert [b.kind for b in notice.blocks][-3:] == ["signature", "date", "note"]
    headings = [(b.level, b.number) for b in notice.blocks if b.kind == "heading"]
    assert headings == [(LEVELS["outline-1"], "一、"), (LEVELS["outline-1"], "二、")]
    assert all(b.lang == "zh" for b in notice.blocks)
    assert document.truncated is False


def test_alternating_paragraphs_keep_each_piece_in_its_own_block():
    document, found = read("alternating.txt")
    assert found == []
    notice, attachment = document.sections
    assert notice.title_en.startswith("Notice of the Ministry of Science and Technology")
    assert attachment.title_zh == "国家新一代人工智能开放创新平台建设工作指引"
    assert attachment.title_en.startswith("Guidelines for the Construction")
    assert shape(attachment)[:2] == [("heading", "zh", (18,)), ("heading", "en", (19,))]
    titles = [(c.line, c.reason) for c in document.classified if c.reason in ("title", "duplicate title")]
    assert titles == [(7, "duplicate title"), (8, "title"), (16, "title"), (17, "title")]
    assert all(b.kind != "title" for s in document.sections for b in s.blocks)
    assert (document.metadata.date_written, document.metadata.date_published) == ("2019-08-01", "2019-08-29")


def test_several_attachments_with_labels_titles_and_a_table():
    document, found = read("several_attachments.txt")
    assert found == []
    notice, first, second = document.sections
    assert (first.number, first.title_zh, first.title_en) == (1, "智能网联汽车道路测试规范", None)
    assert (second.number, second.title_zh) == (2, "智能网联汽车数据安全要求")
    assert second.title_en == "Data Security Requirements for Intelligent Connected Vehicles"
    listing = next(b for b in notice.blocks if b.kind == "attachments")
    assert listing.lines == (27, 28)
    assert [b.kind for b in first.blocks] == ["heading", "paragraph", "table"]
    assert [c.line for c in document.classified if c.reason == "title"] == [36, 48, 50]
    labels = [(c.line, c.text) for c in document.classified if c.reason == "attachment label"]
    assert labels == [(34, "附件1"), (46, "附件2")]


def test_missing_fields_impossible_date_and_markdown_looking_lines():
    document, found = read("missing_fields.txt")
    assert found == ["missing_fields.txt:3: warning: impossible date '2019-02-30': the raw value is kept"]
    m = document.metadata
    assert m.date_written is None and m.doc_number is None and m.date_published is None
    assert [(f.name, f.value) for f in m.fields if f.name == "有效性"] == [("有效性", "有效")]
    texts = [b.text for b in document.sections[0].blocks if b.kind == "paragraph"]
    assert "# 这一行以井号开头，仍是段落。" in texts and "> 这一行以大于号开头，也是段落。" in texts
    assert document.id == "missing-fields"


def test_crlf_and_bom_read_like_lf():
    text = (FIXTURES / "chinese_only.txt").read_text(encoding="utf-8")
    plain, _ = read_text(text, "a.txt")
    crlf, _ = read_text("\ufeff" + text.replace("\n", "\r\n"), "a.txt")
    assert crlf.sections == plain.sections and crlf.metadata == plain.metadata


@pytest.mark.parametrize(
    "footer",
    [
        "It is the end of preview. Should you need the full text, please sign in and place an order",
        "**It is the end of preview. Should you need the full text, please sign in and place an order**",
        "It is the end of preview.\nShould you need the full text,\nplease sign in and place an order.",
    ],
)
def test_paywall_footer_in_any_form_sets_truncated(footer):
    text = "标题：某通知\n\n各单位：\n\n正文。\n\n" + footer + "\n"
    document, found = read_text(text, "f.txt")
    assert document.truncated and found == ()
    assert {c.reason for c in document.classified if c.line >= 7} == {"paywall footer"}
    assert prove_document(document) == ()


@pytest.mark.parametrize(
    "doc_number, file, expected",
    [
        ("工信部科[2017]315号", "x.txt", "gongxinbuke-2017-315"),
        ("国办发〔2019〕5号", "x.txt", "guobanfa-2019-5"),
        (None, "000_fb4425727dd22f71.txt", "000-fb4425727dd22f71"),
        (None, "养老服务意见.txt", "yanglaofuwuyijian"),
    ],
)
def test_document_ids_are_readable_ascii(doc_number, file, expected):
    assert document_id(doc_number, file) == expected


def test_translation_file_adds_english_blocks(tmp_path):
    (tmp_path / "a.txt").write_text("标题：某通知\n\n各单位：\n\n一、总体要求\n\n加快发展。\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Notice\n\nI. General Requirements\n\nSpeed up development.\n", encoding="utf-8")
    (document,), found = read_corpus(tmp_path)
    assert found == ()
    assert document.translation_file == "a.en.txt"
    english = [(b.kind, b.text, b.lines, b.translation) for b in document.sections[0].blocks if b.lang == "en"]
    assert english == [("heading", "I. General Requirements", (3,), True),
                       ("paragraph", "Speed up development.", (5,), True)]
    assert document.sections[0].title_en == "Notice"
    assert [(c.line, c.reason) for c in document.translation_classified] == [(1, "title")]
    assert prove_document(document) == ()


def test_corpus_reports_bad_files_and_reads_the_rest(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "d.txt").write_text("没有页眉的一段话。\n", encoding="utf-8")
    (tmp_path / "e.pdf").write_bytes(b"%PDF")
    (tmp_path / "SOURCES.md").write_text("# Sources\n", encoding="utf-8")
    (tmp_path / "expected.json").write_text("{}\n", encoding="utf-8")
    documents, found = read_corpus(tmp_path)
    assert [d.source_file for d in documents] == ["a.txt", "d.txt"]  # no header is a normal document
    assert [(Path(d.file).name, d.line, d.severity) for d in found] == [
        ("b.txt", 0, "error"), ("c.txt", 0, "error"), ("e.pdf", 0, "warning")]  # .md and .json: not documents


def test_mixed_lines_split_into_chinese_and_english_blocks():
    document, found = read("mixed_lines.txt")
    assert found == []
    notice, attachment = document.sections
    assert (attachment.title_zh, attachment.title_en) == ("数字经济发展要点", "Key Points for Developing the Digital Economy")
    assert shape(attachment) == [("heading", "zh", (18,)), ("heading", "en", (18,)), ("paragraph", "zh", (20,)),
                                 ("paragraph", "en", (20,)), ("paragraph", "zh", (22,)), ("paragraph", "en", (24,))]
    on_9 = [(b.lang, b.text) for b in notice.blocks if b.lines == (8,)]
    assert on_9 == [("zh", "为推动数字经济健康发展，现将有关事项通知如下。"),
                    ("en", "To promote the sound development of the digital economy, relevant matters are hereby "
                           "notified as follows.")]
