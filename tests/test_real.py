"""Real documents (tests/fixtures/real/, see SOURCES.md there) read as they were found.

`golden.json` holds what the reader makes of each document: titles, 文号, issuer,
dates, chapter / section / article counts, attachments, principles. Regenerate it
after an intended change with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_real.py

and read the diff. `expected.json` is the collector's by-eye expectation, written
without running the reader: the golden must agree with it on every key both hold,
except the differences listed (and explained) in `KNOWN_DIFFERENCES`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.build import load_corpus, read_and_check
from generator.model import AlignedDocument, Corpus
from generator.render import render_site
from generator.text import LEVELS

REAL = Path(__file__).parent / "fixtures" / "real"
GOLDEN = REAL / "golden.json"
EXPECTED = REAL / "expected.json"

KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {}
"""(file, key) → why the reader and the collector's by-eye expectation disagree, and who is right."""

_COMPARED = ("title_zh", "title_en", "doc_number", "issuer", "dates", "chapters", "articles", "attachments",
             "attachments_included", "principles", "sections", "toc_chapters", "table_rows")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(REAL)


def _count(aligned: AlignedDocument, level: int) -> int:
    blocks = [b for s in aligned.document.sections for b in s.blocks]
    lang = "zh" if any(b.lang == "zh" for b in blocks) else "en"
    kinds = ("paragraph",) if level == LEVELS["article"] else ("heading",)
    return sum(b.lang == lang and b.level == level and b.number is not None and b.kind in kinds for b in blocks)


def summary(corpus: Corpus, aligned: AlignedDocument) -> dict[str, object]:
    """What the golden records of one document."""
    document = aligned.document
    m, notice = document.metadata, document.sections[0]
    attachments = [s for s in document.sections if s.kind == "attachment"]
    tables = [b for s in document.sections for b in s.blocks if b.cells]
    return {
        "title_zh": notice.title_zh if m.title is None else m.title,
        "title_en": notice.title_en,
        "doc_number": m.doc_number,
        "issuer": m.issuer,
        "dates": {"adopted": m.date_adopted, "promulgated": m.date_promulgated, "effective": m.date_effective,
                  "amended": list(m.dates_amended), "written": m.date_written, "published": m.date_published},
        "chapters": _count(aligned, LEVELS["chapter"]),
        "sections": _count(aligned, LEVELS["section"]),
        "articles": _count(aligned, LEVELS["article"]),
        "attachments": [s.title_zh or s.title_en for s in attachments],
        "attachments_included": [s.included for s in attachments],
        "principles": [p.name_zh or p.name_en for p in corpus.principles.for_document(document.id)],
        "toc_chapters": sum(c.reason == "contents" for c in document.classified) - any(
            c.reason == "contents" for c in document.classified),
        "table_rows": sum(len(b.cells) for b in tables),
        "translation_file": document.translation_file,
    }


def summaries(corpus: Corpus) -> dict[str, dict[str, object]]:
    return {a.document.source_file: summary(corpus, a) for a in corpus.documents}


def test_every_real_document_reads_with_no_error_and_no_warning():
    read, good, diagnostics = read_and_check(REAL)
    documents = sorted(p.name for p in REAL.glob("*.txt") if not p.name.endswith(".en.txt"))
    assert [d.source_file for d in good] == documents and read == len(documents)
    assert [str(d) for d in diagnostics if d.severity != "info"] == []


def test_golden(corpus):
    found = summaries(corpus)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_agrees_with_the_collectors_expectations():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    by_translation = {g["translation_file"]: name for name, g in golden.items() if g["translation_file"]}
    disagreements = []
    for name, wanted in expected.items():
        ours = golden[by_translation.get(name, name)]
        for key in _COMPARED:
            if key in wanted and wanted[key] != ours[key] and (name, key) not in KNOWN_DIFFERENCES:
                disagreements.append(f"{name} {key}: expected {wanted[key]!r}, read {ours[key]!r}")
    assert disagreements == []


def test_law_page_has_article_anchors_and_citations(corpus):
    files = render_site(corpus)
    page = files["documents/01-data-security-law/index.md"]
    assert '<a class="ps-permalink" href="#article-26" id="article-26"' in page and 'id="chapter-7"' in page
    assert 'data-cite-zh="《中华人民共和国数据安全法》第二十六条"' in page
    assert 'ps-block--article" lang="zh-Hans"><strong>第二十六条</strong>' in page
    assert "<dd>2021-09-01</dd>" in page  # 施行 Effective, from 第五十五条
    constitution = files["documents/06-constitution-bilingual/index.md"]
    assert 'data-cite-en="Constitution, Art. 26"' in constitution and 'id="preamble"' in constitution
    assert 'id="chapter-3-section-1"' in constitution
    anthem = files["documents/05-national-anthem-law/index.md"]
    assert "原文未附" in anthem and "not included in the source" in anthem
