"""Per-document downloads: the source as read, and the document as Markdown."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from generator.build import load_corpus
from generator.render import render_site
from generator.render.downloads import markdown_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def files():
    return render_site(load_corpus(ROOT / "tests" / "fixtures" / "translation"), site_url="https://example.org/p/")


def test_the_source_as_read_and_its_translation(files):
    corpus = load_corpus(ROOT / "tests" / "fixtures" / "translation")
    (aligned,) = corpus.documents
    document = aligned.document
    assert files[f"data/documents/{document.id}.txt"] == "\n".join(document.source_lines).rstrip("\n") + "\n"
    assert files[f"data/documents/{document.id}.en.txt"].startswith(document.translation_lines[0])


def test_markdown_holds_every_row_in_both_languages_and_the_absolute_url(files):
    corpus = load_corpus(ROOT / "tests" / "fixtures" / "translation")
    (aligned,) = corpus.documents
    text = files[f"data/documents/{aligned.document.id}.md.txt"]
    assert text.startswith("# ") and f"https://example.org/p/documents/{aligned.document.id}/" in text
    html = markdown.markdown(text)
    for row in (r for s in aligned.sections for r in s.rows):
        for block in row.zh + row.en:
            first_line = block.text.split("\n")[0].replace("*", "")
            assert first_line[:12] in html.replace("<em>", "").replace("</em>", "")


def test_markdown_keeps_source_text_as_text():
    escaped = markdown_text("# 像标题\n> 像引用\n1. 像列表\n- 像列表\n正文")
    html = markdown.markdown(escaped.replace("\n", "\n\n"))
    assert "<h1>" not in html and "<blockquote>" not in html and "<ol>" not in html and "<ul>" not in html
    assert "像标题" in html and "正文" in html


def test_the_card_links_the_downloads(files):
    page = next(v for k, v in files.items() if k.startswith("documents/") and k.endswith("/index.md") and k != "documents/index.md")
    assert ".md.txt" in page and 'download="' in page and ".txt\"" in page
