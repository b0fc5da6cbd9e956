"""Incremental builds: after add, change, rename and delete, the site is byte-identical to a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build

ROOT = Path(__file__).resolve().parent.parent


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("shard_documents", [1000, 2], ids=["one search index", "search shards of 2"])
def test_an_incremental_build_equals_a_clean_build(tmp_path, monkeypatch, shard_documents):
    monkeypatch.setattr("generator.write.pagefind.SHARD_DOCUMENTS", shard_documents)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "reader", seeds)
    shutil.copy(ROOT / "seeds" / "000_fb4425727dd22f71.txt", seeds)
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cache"))
    quiet = lambda line: None  # noqa: E731
    site = tmp_path / "site"
    assert build(seeds, site, strict=False, report=quiet) == 0

    (seeds / "zz_added.txt").write_text("标题：新增的通知\n发布日期：2021-01-01\n\n新增的通知\n\n正文一段。\n", encoding="utf-8")
    changed = seeds / "alternating.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。（修改）", 1), encoding="utf-8")
    (seeds / "chinese_only.txt").rename(seeds / "renamed.txt")
    (seeds / "mixed_lines.txt").unlink()
    lines: list[str] = []
    assert build(seeds, site, strict=False, report=lines.append) == 0
    assert any("(--dirty)" in line for line in lines), lines  # MkDocs rebuilt only what changed

    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "empty-cache"))
    assert build(seeds, tmp_path / "clean", strict=False, report=quiet) == 0
    incremental, clean = _tree(site), _tree(tmp_path / "clean")
    assert incremental.keys() == clean.keys()
    assert [p for p in clean if incremental[p] != clean[p]] == []
    assert "documents/zz-added/index.html" in clean  # the added document is there, built from scratch
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "clean", "empty-cache", "seeds", "site"]


def _seed_site(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """The seed document built into `tmp_path/site`, its own cache in `tmp_path`: (seeds, site)."""
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "000_fb4425727dd22f71.txt", seeds)
    site = tmp_path / "site"
    assert build(seeds, site, strict=False, report=lambda line: None) == 0
    return seeds, site


def test_a_build_that_changed_nothing_writes_nothing(tmp_path, monkeypatch):
    seeds, site = _seed_site(tmp_path, monkeypatch)
    before = {p: p.stat().st_ino for p in site.rglob("*.html")}
    lines: list[str] = []
    assert build(seeds, site, strict=False, report=lines.append) == 0
    assert any(line.startswith("write: 0 of ") for line in lines), lines
    assert {p: p.stat().st_ino for p in site.rglob("*.html")} == before


def test_a_rebuild_reads_no_rendered_text_of_an_unchanged_document(tmp_path, monkeypatch):
    """The build folder holds the seed's files: the rebuild renders no site page again (same contexts), and
    compares the document's digests and reads none of its texts;
    once a file is gone from the build folder, its text is read from the cache and written again."""
    from generator.render import documents, pages
    from generator.write.folder import build_folder

    seeds, site = _seed_site(tmp_path, monkeypatch)
    before = _tree(site)
    read: list[str] = []
    monkeypatch.setattr(documents.Stored, "text", lambda self: read.append(self.key) or "")
    loaded: list[int] = []
    real_map = documents.cached_map
    monkeypatch.setattr(documents, "cached_map", lambda f, items, *a, **k: loaded.append(len(items)) or real_map(f, items, *a, **k))
    monkeypatch.setattr(pages, "render_page", lambda *args: pytest.fail("a site page rendered again"))
    assert build(seeds, site, strict=False, report=lambda line: None) == 0
    assert read == [] and loaded == [0]  # neither rendered nor loaded, nor read when written
    monkeypatch.undo()
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cache"))
    page = next((build_folder(site) / "docs" / "documents").glob("*/index.md"))
    page.unlink()
    lines: list[str] = []
    assert build(seeds, site, strict=False, report=lines.append) == 0
    assert any(line.startswith("write: 1 of ") for line in lines), lines
    assert page.is_file() and _tree(site) == before


def test_the_cache_is_used_by_the_second_build(tmp_path, monkeypatch):
    from generator.cache import DOCUMENT_CODE, cache_folder
    from generator.build import load_corpus

    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("alternating.txt", "chinese_only.txt"):
        shutil.copy(ROOT / "tests" / "fixtures" / "reader" / name, seeds)
    first = load_corpus(seeds)
    assert len(list(cache_folder("documents", DOCUMENT_CODE).iterdir())) == 2
    assert load_corpus(seeds) == first


def test_a_cached_document_takes_the_id_the_corpus_gives_it(tmp_path, monkeypatch):
    """Ids are made unique across the corpus after the per-document work: a document read and cached
    alone must still get its new id when a second file with the same id appears before it."""
    from generator.build import load_corpus

    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    notice = "标题：关于测试的通知\n发文字号：国发〔2020〕1号\n\n关于测试的通知\n\n{}\n"
    (seeds / "b.txt").write_text(notice.format("第一份的正文。"), encoding="utf-8")
    alone = load_corpus(seeds)
    (seeds / "a.txt").write_text(notice.replace("国发", "国法").format("第二份的正文。"), encoding="utf-8")
    both = load_corpus(seeds)
    ids = [a.document.id for a in both.documents]
    assert len(set(ids)) == 2 and alone.documents[0].document.id in ids
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cold"))
    assert load_corpus(seeds) == both


def test_cached_document_pages_are_the_rendered_ones_and_follow_their_context(tmp_path):
    import dataclasses

    from generator.build import load_corpus
    from generator.render import render_site

    corpus = load_corpus(ROOT / "tests" / "fixtures" / "reader", cached=False)
    plain = render_site(corpus)
    assert render_site(corpus, cache=tmp_path) == plain  # computed and stored
    assert render_site(corpus, cache=tmp_path) == plain  # served from the cache
    first = corpus.documents[0].document.id
    keywords = {**corpus.keywords, first: ("新的关键词",)}
    again = render_site(dataclasses.replace(corpus, keywords=keywords), cache=tmp_path)
    changed = sorted(p for p in plain if again.get(p) != plain[p])
    assert f"documents/{first}/index.md" in changed  # the corpus changed its context: rendered anew


def test_equal_facts_give_equal_contexts_as_the_corpus_around_a_document_changes(tmp_path):
    """The render cache is keyed by a document and its `facts`, not its context: whenever the corpus
    changes around a document (documents citing it added, a cited one retitled, keywords moved), equal
    facts must mean an equal context, or a rebuild would keep a stale page."""
    import dataclasses

    from generator.build import load_corpus
    from generator.render import context
    from generator.render.documents import facts, job_key

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "crossrefs", seeds)
    variants = [load_corpus(seeds, cached=False)]
    plan = seeds / "03_plan.txt"  # issued by 02, cited by 02 and abolished by 04: they show its date
    plan.write_text(plan.read_text(encoding="utf-8").replace("发布日期：2018-01-02", "发布日期：2018-02-03"), encoding="utf-8")
    variants.append(load_corpus(seeds, cached=False))
    (seeds / "04_later.txt").unlink()  # gone: the plan is no longer abolished
    variants.append(load_corpus(seeds, cached=False))
    base = variants[0]
    moved = {k: v[1:] + v[:1] for k, v in base.keywords.items()}
    variants.append(dataclasses.replace(base, keywords=moved))
    seen: dict[str, object] = {}
    for corpus in variants:
        for aligned in corpus.documents:
            key = job_key(aligned, facts(corpus, aligned, None))
            page = context.document_context(corpus, aligned)
            assert seen.setdefault(key, page) == page, aligned.document.id
    assert len(seen) > len(base.documents)  # the variants did change some documents' facts


def test_without_hard_links_the_site_is_copied(tmp_path, monkeypatch):
    """On a file system that refuses hard links, the unchanged files are copied instead."""
    from generator.write import site as write_site_module

    seeds, site = _seed_site(tmp_path, monkeypatch)
    before = _tree(site)

    def refuse(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(write_site_module.os, "link", refuse)
    assert build(seeds, site, strict=False, report=lambda line: None) == 0
    assert _tree(site) == before
    assert all(p.stat().st_nlink == 1 for p in site.rglob("*.html"))
