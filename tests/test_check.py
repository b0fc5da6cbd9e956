"""Tests for generator/check.py: conservation proof, duplicates, ids, the `check` command."""

import dataclasses
from pathlib import Path

from generator.check import check_corpus, prove_document
from generator.read.readers import read_text

SEED = Path(__file__).parent.parent / "seeds" / "000_fb4425727dd22f71.txt"


def seed():
    document, _ = read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    return document


def _drop_block(document, section_index, block_index):
    section = document.sections[section_index]
    blocks = section.blocks[:block_index] + section.blocks[block_index + 1 :]
    sections = list(document.sections)
    sections[section_index] = dataclasses.replace(section, blocks=blocks)
    return dataclasses.replace(document, sections=tuple(sections))


def test_a_lost_line_is_an_error_naming_it():
    broken = _drop_block(seed(), 1, 3)  # the (I) Guiding Ideas heading, line 45
    assert [str(d) for d in prove_document(broken)] == [
        "000_fb4425727dd22f71.txt:45: error: line lost: '(I) Guiding Ideas'"]


def test_altered_text_is_an_error():
    document = seed()
    section = document.sections[0]
    altered = dataclasses.replace(section.blocks[2], text=section.blocks[2].text + "（已删节）")
    blocks = section.blocks[:2] + (altered,) + section.blocks[3:]
    document = dataclasses.replace(document, sections=(dataclasses.replace(section, blocks=blocks),) + document.sections[1:])
    assert [d.line for d in prove_document(document)] == [31]
    assert "line altered" in prove_document(document)[0].message


def test_duplicate_doc_number_and_duplicate_text_are_errors(tmp_path):
    a = seed()
    renamed = dataclasses.replace(a, source_file="copy.txt")
    other, _ = read_text(SEED.read_text(encoding="utf-8").replace("当前", "目前"), "other.txt")
    good, found = check_corpus((a, renamed), Path("seeds"))
    assert good == (a,)
    assert [str(d) for d in found] == [
        "seeds/copy.txt:1: error: the same text as 000_fb4425727dd22f71.txt: one document twice? Remove one file or correct the 文号"]
    good, found = check_corpus((a, other), Path("seeds"))
    assert good == (a,)
    assert [str(d) for d in found] == [
        "seeds/other.txt:11: error: the same 文号 as 000_fb4425727dd22f71.txt: one document twice? Remove one file or correct the 文号"]


def test_same_id_from_different_numbers_is_disambiguated():
    a = seed()
    text = SEED.read_text(encoding="utf-8").replace("工信部科[2017]315号", "工信部科（2017）315号").replace("当前", "目前")
    b, _ = read_text(text, "b.txt")
    good, found = check_corpus((a, b), Path("seeds"))
    assert [d.id for d in good][0] == "gongxinbuke-2017-315"
    assert good[1].id.startswith("gongxinbuke-2017-315-") and len(good[1].id) == len("gongxinbuke-2017-315-") + 6
    assert found[0].severity == "warning" and "already used by 000_fb4425727dd22f71.txt" in found[0].message


def test_contents_lines_must_name_headings():
    import dataclasses

    from generator.check import contents_shown
    from generator.model import ClassifiedLine
    from generator.read.readers import read_text

    text = "某法\n目录\n第一章　总则\n第一章　总则\n第一条　为了规范，制定本法。\n"
    document, _ = read_text(text, "f.txt")
    assert [c.reason for c in document.classified] == ["title", "contents", "contents"]
    assert contents_shown(document, "f.txt") == ()
    forged = dataclasses.replace(document, classified=document.classified + (ClassifiedLine(9, "contents", "第九章 罚则"),))
    assert [str(d) for d in contents_shown(forged, "f.txt")] == ["f.txt:9: error: contents entry names no heading: '第九章 罚则'"]
