"""Rendering pages to Markdown strings (render stage), with a golden document page.

Regenerate the golden files after an intended change of the templates or context:

    UPDATE_GOLDEN=1 python -m pytest tests/test_render.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
import yaml
from helpers import corpus, document, en, metadata, sample_corpus, zh

from generator.render import context, groups
from generator.render.pages import environment, render_page, render_site

GOLDEN = Path(__file__).resolve().parent / "golden"


def _front_matter(page: str) -> dict:
    match = re.match(r"---\n(.*?\n)---\n", page, re.DOTALL)
    assert match, page[:200]
    return yaml.safe_load(match.group(1))


def _body_html(page: str) -> str:
    """The page body as MkDocs would render it (its Markdown extensions, no md_in_html)."""
    body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.DOTALL)
    return markdown.markdown(body, extensions=["attr_list", "toc"])


@pytest.mark.parametrize("name, build", [
    ("document.md", lambda c: render_page(environment(), "document.md.j2", context.document_context(c, c.documents[0]))),
    ("principles.md", lambda c: render_page(environment(), "principles.md.j2", context.principles_pages(c)[0])),
    ("principle.md", lambda c: render_page(environment(), "principles.md.j2", context.principles_pages(c)[-1])),
])
def test_golden(name, build):
    rendered = build(sample_corpus())
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8"), f"differs from {path}; see this module's docstring"


def test_render_site_lists_every_page_data_file_and_feed():
    files = render_site(sample_corpus())
    tag_initials = {groups.tag_initial(t) for ts in sample_corpus().keywords.values() for t in ts}
    assert list(files) == sorted(files)
    assert set(files) == {"index.md", "documents/index.md", "issuers/index.md", "categories/index.md",
                          "principles/index.md", "tags/index.md", "data/index.md",
                          "years/2020/index.md", "issuers/ceshibu/index.md", "categories/kejiguanli/index.md",
                          "categories/kejiguanli/gaojishuguanli/index.md", "principles/by-issuer/index.md",
                          "principles/by-year/index.md", *(f"principles/{e.key}/index.md" for e in
                                                           sample_corpus().principles.entries),
                          *(f"tags/{i}/index.md" for i in tag_initials),
                          "documents/ceshi-2020-1/index.md", "data/documents.json", "data/documents.csv",
                          "data/documents/ceshi-2020-1.tmx", "data/documents.schema.json", "data/LICENSE.txt",
                          "data/documents/ceshi-2020-1.json", "data/documents/ceshi-2020-1.txt",
                          "data/documents/ceshi-2020-1.md.txt", "feeds/atom.xml", "feeds/issuers/ceshibu.xml"}
    assert files == render_site(sample_corpus())  # deterministic


HOSTILE_TITLE = '<script>alert("x")</script> {{ x }} {% if %} "quotes": colon # 标题 & more'
HOSTILE_LINES = ["# 像标题的行", "> 像引用", "1. 像列表", "- 像列表", "    四个空格", "| 竖线 |", "<!-- 注释",
                 "</div></div>", "{{ config }}", "&amp; 实体"]


@pytest.fixture(scope="module")
def hostile_page() -> str:
    doc = document(
        "hostile",
        meta=metadata(title=HOSTILE_TITLE, issuer='<b>部</b>', doc_number='"1"号', source="{{ x }}"),
        notice=[(zh(line), en(line)) for line in HOSTILE_LINES],
        attachments=[(HOSTILE_TITLE, "<i>English</i>: title", [(zh("<script>"), None)])],
    )
    sample = corpus(doc, keywords={"hostile": ("<b>kw</b>", "a: b", "#tag")})
    return render_page(environment(), "document.md.j2", context.document_context(sample, sample.documents[0]))


def test_hostile_front_matter_round_trips_as_html(hostile_page):
    matter = _front_matter(hostile_page)
    assert matter["title"] == ("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{ x }} {% if %} "
                               "&quot;quotes&quot;: colon # 标题 &amp; more")
    assert matter["tags"] == ["&lt;b&gt;kw&lt;/b&gt;", "a: b", "#tag"]


def test_hostile_text_is_escaped_and_stays_text(hostile_page):
    html = _body_html(hostile_page)
    assert "<script>alert" not in html and "<b>部</b>" not in html and "<i>English</i>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "{{ x }}" in html and "{{ config }}" in html and "{% if %}" in html
    for line in HOSTILE_LINES:
        escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert re.search(r'<p class="ps-cell ps-cell--zh ps-block ps-block--paragraph" lang="zh-Hans">'
                         + re.escape(escaped) + "</p>", html), line
    assert "<h1>像标题" not in html and "<blockquote>" not in html and "<li>像列表" not in html
    assert "<pre>" not in html and "<table" not in html.split('id="attachment-1"')[0].split("ps-card")[-1]
    assert html.count('<div class="ps-row ps-row--') == len(HOSTILE_LINES) + 1  # nothing closed the rows early


def test_both_languages_marked_and_missing_side_said_plainly():
    sample = sample_corpus()
    page = render_page(environment(), "document.md.j2", context.document_context(sample, sample.documents[0]))
    assert len(re.findall(r'class="ps-cell ps-cell--zh[^"]*" lang="zh-Hans"', page)) == 13
    assert len(re.findall(r'class="ps-cell ps-cell--en[^"]*" lang="en"', page)) == 12  # the mixed table spans both columns
    assert page.count(" ps-row--no-en") == 7 and page.count(" ps-row--no-zh") == 2  # lone rows, by missing side
    notices = page.count(' ps-missing" lang=')
    assert 0 < notices < 9 and page.count("in the source") + page.count("in this partial source") == notices
    assert page.count("（本段起共 6 段）") == 1  # a run of lone rows: one notice, in both languages
    assert 'href="#a1-4"' in page and 'id="a1-4"' in page  # every row has its permalink


def test_site_pages_render_without_documents():
    files = render_site(corpus())
    assert "documents/index.md" in files and "0 documents." in files["documents/index.md"]
