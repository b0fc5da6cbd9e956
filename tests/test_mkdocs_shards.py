"""Write stage: MkDocs in parallel shards (generator/write/mkdocs.py) writes what one MkDocs run writes.

A small site (the seed, the real fixtures and the cross-reference fixtures: links between documents
of different shards) is forced into shards by lowering the threshold, and built with one, two and
three MkDocs processes; every output file must be byte-identical, the sitemap included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build, load_corpus
from generator.render import render_site
from generator.write import BuildError, mkdocs, write_site
from generator.write.folder import build_folder

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/policy/"
SHARD_1 = "07-constitution-ch1"  # ends in 1: shard 1 of 2
SHARD_0 = "guobanfa-2018-128"  # ends in 8: shard 0 of 2
SHARD_1_CHANGED = "14-state-council-seal-regulation"  # ends in n: shard 1 of 2


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _seeds(folder: Path) -> Path:
    folder.mkdir()
    for fixtures in ("real", "crossrefs"):
        for source in (ROOT / "tests" / "fixtures" / fixtures).glob("*.txt"):
            shutil.copy(source, folder)
    shutil.copy(ROOT / "seeds" / "000_fb4425727dd22f71.txt", folder)
    return folder


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds, and a cache shared by this file's builds (each site has its own build folder in it)."""
    folder = tmp_path_factory.mktemp("shards")
    return _seeds(folder / "seeds"), folder / "cache"


@pytest.fixture
def seeds(shared, monkeypatch) -> Path:
    monkeypatch.setenv("POLICY_SITE_CACHE", str(shared[1]))
    return shared[0]


def _build(seeds: Path, site: Path, monkeypatch, shards: int, site_url: str | None = SITE_URL) -> dict[str, bytes]:
    """`seeds` built into `site` by `shards` MkDocs processes; the site's files."""
    monkeypatch.setattr(mkdocs, "SHARDS", shards)
    monkeypatch.setattr(mkdocs, "SHARD_THRESHOLD", 2)
    if site_url:
        monkeypatch.setenv("SITE_URL", site_url)
    else:
        monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    lines: list[str] = []
    assert build(seeds, site, strict=False, report=lines.append) == 0, lines
    return _tree(site)


def _assert_same(sharded: dict[str, bytes], single: dict[str, bytes]) -> None:
    assert sharded.keys() == single.keys()
    assert [p for p in single if sharded[p] != single[p]] == []


@pytest.mark.parametrize(("shards", "site_url"), [(2, SITE_URL), (3, SITE_URL), (2, None)])
def test_shards_write_what_one_mkdocs_run_writes(shards, site_url, seeds, tmp_path, monkeypatch):
    single = _build(seeds, tmp_path / "single", monkeypatch, 1, site_url)
    sharded = _build(seeds, tmp_path / "sharded", monkeypatch, shards, site_url)
    _assert_same(sharded, single)
    folder = build_folder(tmp_path / "sharded")
    for k in range(1, shards):  # shard k built document pages only, and some
        built = {p.relative_to(folder / f"out-shard-{k}").as_posix() for p in (folder / f"out-shard-{k}").rglob("*.html")}
        assert {p for p in built if not p.startswith("documents/")} == {"404.html"}
        assert len(built) > 2
    assert not (build_folder(tmp_path / "single") / "out-shard-1").exists()
    sitemap = single["sitemap.xml"].decode()
    assert (f"<loc>{SITE_URL}documents/{SHARD_1}/</loc>" in sitemap) == bool(site_url)


def _refuse(*args, **kwargs):
    raise OSError(18, "Invalid cross-device link")


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_dirty_sharded_build_equals_a_clean_one(hard_links, seeds, tmp_path, monkeypatch):
    """A document removed (from shard 1), two changed (one in each shard), one added; then one changed
    again. The shards' pages are hard-linked into the output, or copied where the file system has none."""
    if not hard_links:
        monkeypatch.setattr(mkdocs.os, "link", _refuse)
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    site = tmp_path / "site"
    first = _build(mine, site, monkeypatch, 2)
    assert f"documents/{SHARD_1}/index.html" in first and f"documents/{SHARD_0}/index.html" in first
    assert [mkdocs.shard_of(i, mkdocs.shard_classes(2)) for i in (SHARD_0, SHARD_1, SHARD_1_CHANGED)] == [0, 1, 1]
    (mine / "07_constitution_ch1.txt").unlink()
    (mine / "07_constitution_ch1.en.txt").unlink()
    for name in ("08_gov_zero_waste_city_pilot_plan.txt", "14_state_council_seal_regulation.txt"):
        changed = mine / name  # a document of shard 0, one of shard 1
        changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。（修改）", 1), encoding="utf-8")
    (mine / "zz_added.txt").write_text("标题：新增的通知\n发布日期：2021-01-01\n\n新增的通知\n\n正文一段。\n", encoding="utf-8")
    dirty = _build(mine, site, monkeypatch, 2)
    assert f"documents/{SHARD_1}/index.html" not in dirty and dirty != first
    assert not (build_folder(site) / "out-shard-1" / "documents" / SHARD_1 / "index.html").exists()  # nor kept
    clean = _build(mine, tmp_path / "clean", monkeypatch, 2)
    _assert_same(dirty, clean)
    _assert_same(clean, _build(mine, tmp_path / "single", monkeypatch, 1))
    changed = mine / "14_state_council_seal_regulation.txt"  # shard 1's page rewritten once more
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。（再改）", 1), encoding="utf-8")
    _assert_same(_build(mine, site, monkeypatch, 2), _build(mine, tmp_path / "clean-again", monkeypatch, 2))


def _files_with_a_broken_link(seeds: Path, identifier: str) -> dict[str, str]:
    files = render_site(load_corpus(seeds))
    page = f"documents/{identifier}/index.md"
    files[page] += "\n\n[断链](../no-such-document/index.md)\n"
    return files


@pytest.mark.parametrize("identifier", [SHARD_0, SHARD_1])
def test_a_warning_in_any_shard_fails_the_build(identifier, seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs, "SHARDS", 2)
    monkeypatch.setattr(mkdocs, "SHARD_THRESHOLD", 2)
    quiet = lambda line: None  # noqa: E731
    files = _files_with_a_broken_link(seeds, identifier)
    shard = mkdocs.shard_of(identifier, mkdocs.shard_classes(2))
    with pytest.raises(BuildError, match=rf"(?s)shard {shard} of 2\) failed.*no-such-document"):  # strict
        write_site(files, tmp_path / "site", "0", quiet)
    write_site(render_site(load_corpus(seeds)), tmp_path / "site", "0", quiet)
    with pytest.raises(BuildError, match=rf"(?s)shard {shard} of 2\) --dirty logged warnings.*no-such-document"):
        write_site(files, tmp_path / "site", "0", quiet)


def test_the_split_is_even_on_benchmark_and_real_ids():
    classes = mkdocs.shard_classes(2)
    benchmark = [f"{n:05d}" for n in range(2000)] + [f"gongxinbuke-2017-{n}" for n in range(1, 400)]
    shares = [sum(mkdocs.shard_of(i, classes) == k for i in benchmark) for k in range(2)]
    assert abs(shares[0] - shares[1]) <= len(benchmark) // 20, shares
    for shards in (2, 3, 4):
        classes = mkdocs.shard_classes(shards)
        assert sorted("".join(classes)) == sorted(mkdocs.ID_CLASSES)  # every character in one shard
        shares = [sum(mkdocs.shard_of(f"{n:05d}", classes) == k for n in range(1000)) for k in range(shards)]
        assert min(shares) >= 1000 // shards - 100, shares


def test_a_build_with_another_number_of_shards_equals_a_clean_one(seeds, tmp_path, monkeypatch):
    """Three shards, then two, then one process, then two again, on the same build folder (cores or the
    site's size changed): each time the site a clean single run makes, and no folder of an unused shard."""
    clean = _build(seeds, tmp_path / "clean", monkeypatch, 1)
    site = tmp_path / "site"
    for shards in (3, 2, 1, 2):
        _assert_same(_build(seeds, site, monkeypatch, shards), clean)
        left = {p.name for p in build_folder(site).iterdir() if "shard" in p.name}
        expected = {f"mkdocs.shard-{k}.yml" for k in range(shards)} | {f"out-shard-{k}" for k in range(1, shards)}
        assert left == (expected if shards > 1 else set())
