"""The built site (write stage end to end): the seed built twice, the hostile fixtures once.

The seed site is built once per session into a temporary folder (the `site`
fixture in conftest.py, SITE_URL set so the sitemap has URLs); every test
reads the built HTML. The same site in a real browser: test_browser.py.
"""

from __future__ import annotations

import os
import gzip
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import SITE_URL, build

from generator import write
from generator.build import load_corpus
from generator.render import render_site
from generator.write import BuildError, write_site

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "gongxinbuke-2017-315"


class Page(HTMLParser):
    """Ids, links and resources of one HTML file."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str, dict[str, str | None]]] = []  # (tag, url, attrs)
        self.cells: list[dict[str, str | None]] = []
        self.texts: list[str] = []
        self.feed(text)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag == "a" and attributes.get("name"):
            self.ids.append(str(attributes["name"]))
        for key in ("href", "src"):
            if attributes.get(key) is not None and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append((tag, str(attributes[key]), attributes))
        if "ps-cell" in (attributes.get("class") or "").split():
            self.cells.append(attributes)


@pytest.fixture(scope="session")
def seed_builds(site, seed_corpus, tmp_path_factory):
    """The seed site built twice, into two different folders."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return site, build(seed_corpus, tmp_path_factory.mktemp("second") / "site", monkeypatch)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    corpus = load_corpus(ROOT / "tests" / "fixtures" / "hostile")
    assert corpus.documents, "the hostile fixtures should still give some documents"
    with pytest.MonkeyPatch.context() as monkeypatch:
        return build(corpus, tmp_path_factory.mktemp("hostile") / "site", monkeypatch)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def document_html(site: Path) -> str:
    return (site / "documents" / SEED_ID / "index.html").read_text(encoding="utf-8")


# --- content -----------------------------------------------------------------


def test_every_metadata_value_is_on_the_document_page(site, seed_corpus):
    page = parse(site / "documents" / SEED_ID / "index.html").text
    document = seed_corpus.documents[0].document
    metadata = document.metadata
    values = [metadata.issuer, metadata.doc_number, metadata.date_written, metadata.date_published, metadata.source,
              metadata.title, *metadata.category, *document.masthead]
    values += [f.value for f in metadata.fields if f.name != "分类"]  # the category shows as a path of links
    values += [s.title_zh for s in document.sections[1:]] + [s.title_en for s in document.sections[1:] if s.title_en]
    for value in values:
        assert value and value in page, value
    assert "English for 0 of 8 Chinese paragraphs" in page or re.search(r"English for \d+ of \d+", page)
    assert "Partial text" in page  # the seed ends with a paywall footer


def test_cells_carry_their_language(site, seed_corpus):
    page = parse(site / "documents" / SEED_ID / "index.html")
    rows = [r for s in seed_corpus.documents[0].sections for r in s.rows]
    assert {c.get("lang") for c in page.cells} == {"zh-Hans", "en"}
    assert len(page.cells) == 2 * len(rows)  # one Chinese and one English cell per row: nothing is merged away
    html = document_html(site)
    assert "English cut off in this partial source" in html and "来源在预览处截断" in html  # the seed is partial


def test_row_anchors_are_the_models_and_stable(seed_builds, seed_corpus):
    rows = [r.id for s in seed_corpus.documents[0].sections for r in s.rows]
    first, second = (parse(site / "documents" / SEED_ID / "index.html").ids for site in seed_builds)
    assert first == second
    assert set(rows) <= set(first)
    for row in rows:
        assert f'href="#{row}"' in document_html(seed_builds[0])  # its visible permalink


def test_ids_are_unique_on_every_page(site, hostile_site):
    for root in (site, hostile_site):
        for path in html_files(root):
            ids = parse(path).ids
            duplicates = {i for i in ids if ids.count(i) > 1}
            assert not duplicates, f"{path}: {duplicates}"


def test_attachment_link_points_at_the_attachment(site):
    html = document_html(site)
    assert re.search(r'附件：<a href="#attachment-1">促进新一代人工智能产业发展三年行动计划', html)
    assert 'id="attachment-1"' in html


def test_principles_index_links_to_a_page_per_principle_that_links_to_the_rows(site, seed_corpus):
    html = (site / "principles" / "index.html").read_text(encoding="utf-8")
    for entry in seed_corpus.principles.entries:
        assert f'href="{entry.key}/"' in html
        page = (site / "principles" / entry.key / "index.html").read_text(encoding="utf-8")
        assert f'id="{entry.key}"' in page
        for principle in seed_corpus.principles.for_document(SEED_ID):
            if principle.key == entry.key:
                assert f"../../documents/{SEED_ID}/#{principle.row}" in page


def test_documents_json(site, seed_corpus):
    data = json.loads((site / "data" / "documents.json").read_text(encoding="utf-8"))
    (document,) = data["documents"]
    assert document["id"] == SEED_ID and document["url"] == f"documents/{SEED_ID}/"
    assert document["title"] == {"zh": seed_corpus.documents[0].document.metadata.title, "en": None}
    assert document["attachments"][0]["url"] == f"documents/{SEED_ID}/#attachment-1"
    whole = json.loads((site / document["data"]).read_text(encoding="utf-8"))  # the catalogue names the file
    assert [b["id"] for b in whole["blocks"]] == [r.id for s in seed_corpus.documents[0].sections for r in s.rows]
    assert "人工智能" in (site / "data" / "documents.json").read_text(encoding="utf-8")  # ensure_ascii=False


# --- links, search, externals, determinism ------------------------------------


def _target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment `url` on `page` leads to; None for external URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        base = site / unquote(parts.path.lstrip("/"))
    elif parts.path:
        base = page.parent / unquote(parts.path)
    else:
        base = page
    base = base.resolve()
    if base.is_dir() or parts.path.endswith("/"):
        base = base / "index.html"
    return base, unquote(parts.fragment)


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_no_broken_internal_link_or_anchor(which, site, hostile_site):
    root = site if which == "seed" else hostile_site
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in html_files(root):
        for tag, url, _ in parse(path).links:
            target = _target(root, path, url)
            if target is None:
                continue
            file, fragment = target
            if not file.exists() or root.resolve() not in file.parents:
                broken.append(f"{path.relative_to(root)}: {url} (no file)")
                continue
            if fragment and file.suffix == ".html":
                if file not in ids:
                    ids[file] = set(parse(file).ids)
                if fragment not in ids[file]:
                    broken.append(f"{path.relative_to(root)}: {url} (no anchor)")
    assert not broken, "\n".join(broken)


def test_no_external_resources(site, hostile_site):
    for root in (site, hostile_site):
        for path in html_files(root):
            for tag, url, attributes in parse(path).links:
                if tag == "link" and attributes.get("rel") == "canonical":
                    assert url.startswith(SITE_URL), url  # the page's own address, not a resource
                elif tag in ("link", "script", "img", "source", "iframe"):
                    assert not urlsplit(url).scheme and not url.startswith("//"), f"{path}: {tag} {url}"
        for css in root.rglob("*.css"):
            assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_two_builds_are_byte_identical(seed_builds):
    first, second = seed_builds
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not different
    sitemap = gzip.decompress((first / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    assert sitemap == (first / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}documents/{SEED_ID}/</loc>" in sitemap
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2017-12-14"}  # the corpus' latest date


def test_hostile_text_is_escaped(hostile_site):
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (hostile_site / "documents").glob("*/index.html")}
    everything = "\n".join(pages.values())
    assert "<script>alert" not in everything and "<img src=x" not in everything and "<iframe" not in everything
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    assert "javascript:" not in everything and "data:text/html" not in everything  # unsafe links: text only
    assert "请见危险链接与数据链接。" in everything
    assert 'href="https://www.miit.gov.cn/"' in everything  # a safe link stays a link
    assert "{{ jinja }}" in everything and "{{ config }}" in everything  # never evaluated
    assert "关于&#34;引号&#34;：冒号" in everything or "关于&quot;引号&quot;：冒号" in everything
    assert "<title>关于&lt;script&gt;alert(1)&lt;/script&gt;的通知 - " in everything  # front matter title is HTML
    for line in ("# 以井号开头的段落", "&gt; 以大于号开头的段落", "1. 以数字点开头的段落", "- 以短横开头的段落"):
        assert re.search(r"<(p|h[3-6]) class=\"[^\"]*\bps-block\b[^\"]*\"[^>]*>" + re.escape(line), everything), line
    assert "<h1>以井号" not in everything and "<blockquote>" not in everything and "<pre><code>" not in everything
    assert "<ol>" not in everything and "<ul>\n<li>以短横" not in everything
    assert "2*3*4" in everything and "snake_case_name" in everything


# --- the sync ----------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def test_sync_brings_the_site_to_the_output_replacing_changed_files_whole(tmp_path):
    from generator.write.site import sync

    output, site = tmp_path / "out", tmp_path / "site"
    _write(output, {"index.html": "home", "a/index.html": "a", "b/index.html": "b", "c": "c"})
    synced = sync(output, site, {})
    assert _snapshot(site) == _snapshot(output)
    kept, held = (site / "index.html").stat().st_ino, tmp_path / "held"
    os.link(site / "a" / "index.html", held)  # a reader holding the old page open
    (output / "c").unlink()
    _write(output, {"a/index.html": "a, changed", "c/index.html": "c is a folder now"})
    (output / "b" / "index.html").unlink()
    (output / "b").rmdir()
    _write(output, {"b": "b is a file now"})
    (site / "stray.html").write_text("not built", encoding="utf-8")
    sync(output, site, synced)
    assert _snapshot(site) == _snapshot(output)
    assert sorted(p.name for p in site.iterdir()) == ["a", "b", "c", "index.html"]  # no stray, no scratch
    assert (site / "index.html").stat().st_ino == kept  # unchanged: not touched
    assert held.read_text(encoding="utf-8") == "a"  # replaced, never written in place


# --- a failed build ---------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("failure", [BuildError("mkdocs failed"), KeyboardInterrupt()])
def test_a_failed_build_leaves_the_old_site(failure, site, seed_corpus, tmp_path, monkeypatch):
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = _snapshot(target)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(write.mkdocs, "run_mkdocs", fail)
    with pytest.raises(type(failure)):
        write_site(render_site(seed_corpus), target, "0", lambda line: None)
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary or build folder beside it


def test_a_real_mkdocs_failure_leaves_the_old_site(site, seed_corpus, tmp_path, monkeypatch):
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = _snapshot(target)
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    monkeypatch.setattr(write.mkdocs, "MKDOCS_CONFIG", broken)
    with pytest.raises(BuildError, match="exit status"):
        write_site(render_site(seed_corpus), target, "0", lambda line: None)
    assert _snapshot(target) == before
