"""The content-keyed cache (generator/cache.py) and its worker processes, through the per-document work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cache
from generator.build import process
from generator.read import find_sources

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def sources(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "reader", seeds)
    found, _ = find_sources(seeds)
    return found


def _keys(sources):
    return [cache.source_key(s) for s in sources]


def test_workers_give_exactly_the_serial_result(sources, monkeypatch):
    monkeypatch.setattr(cache, "PARALLEL_FROM", 2)
    parallel, report = cache.cached_map(process, sources, _keys(sources), None, workers=2)
    assert report.workers == 2 and report.computed == len(sources)
    assert parallel == tuple(process(s) for s in sources)


def test_the_cache_serves_what_it_stored_and_only_that(sources, tmp_path):
    folder = tmp_path / "v1"
    first, report = cache.cached_map(process, sources, _keys(sources), folder)
    assert (report.computed, report.cached) == (len(sources), 0)
    second, report = cache.cached_map(process, sources, _keys(sources), folder)
    assert (report.computed, report.cached) == (0, len(sources)) and second == first
    (folder / _keys(sources)[0]).write_bytes(b"not a pickle")
    third, report = cache.cached_map(process, sources, _keys(sources), folder)
    assert report.computed == 1 and third == first


def test_memory_serves_the_last_calls_results_without_the_disk(sources, tmp_path, monkeypatch):
    """A `serve` session keeps the per-document work in memory: the second call reads nothing from disk,
    and the memory then holds exactly that call's results (a removed document's is dropped)."""
    folder, memory = tmp_path / "v1", {}
    first, _ = cache.cached_map(process, sources, _keys(sources), folder, memory=memory)
    assert set(memory) == set(_keys(sources))

    def no_disk(folder, key):
        raise AssertionError(f"read {folder / key} from disk")

    monkeypatch.setattr(cache, "lookup", no_disk)
    second, report = cache.cached_map(process, sources, _keys(sources), folder, memory=memory)
    assert second == first and (report.computed, report.cached) == (0, len(sources))
    fewer = sources[1:]
    cache.cached_map(process, fewer, _keys(fewer), folder, memory=memory)
    assert set(memory) == set(_keys(fewer))


def test_the_key_follows_the_bytes_the_place_and_the_code(sources, monkeypatch, tmp_path):
    source = sources[0]
    key = cache.source_key(source)
    source.path.write_bytes(source.path.read_bytes() + "新增一行。\n".encode())
    assert cache.source_key(source) != key
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    shutil.copy(source.path, moved / source.path.name)
    assert cache.source_key(type(source)(moved / source.path.name)) != cache.source_key(source)  # diagnostics name the folder
    changed = cache.source_key(source)
    monkeypatch.setattr(cache, "code_version", lambda parts=None: "another version")
    assert cache.source_key(source) != changed


def test_a_translation_file_is_part_of_the_key(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "translation", seeds)
    (source,), _ = find_sources(seeds)
    assert source.translation is not None
    key = cache.source_key(source)
    source.translation.write_bytes(source.translation.read_bytes() + b"One more line.\n")
    assert cache.source_key(source) != key


def test_a_new_code_version_removes_the_old_entries_and_nothing_else(sources, tmp_path):
    old, new = tmp_path / ("a" * 16), tmp_path / ("b" * 16)
    (tmp_path / ("c" * 16)).mkdir()
    (tmp_path / ("c" * 16) / "notes.txt").write_text("mine", encoding="utf-8")
    cache.cached_map(process, sources[:1], _keys(sources[:1]), old)
    cache.cached_map(process, sources[:1], _keys(sources[:1]), new)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b" * 16, "c" * 16, "seeds"]


def test_the_default_folder_is_per_code_version(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path))
    assert cache.cache_folder("documents") == tmp_path / "documents" / cache.code_version()[:16]
    assert cache.cache_folder("documents", cache.DOCUMENT_CODE) == (
        tmp_path / "documents" / cache.code_version(cache.DOCUMENT_CODE)[:16])


def test_the_per_document_work_keeps_its_cache_when_only_the_render_code_changes(monkeypatch, tmp_path):
    package = tmp_path / "generator"
    for name in ("read/readers.py", "render/pages.py", "text.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("# v1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE", package)
    cache.code_version.cache_clear()
    before = cache.code_version(cache.DOCUMENT_CODE), cache.code_version()
    (package / "render" / "pages.py").write_text("# v2\n", encoding="utf-8")
    cache.code_version.cache_clear()
    after = cache.code_version(cache.DOCUMENT_CODE), cache.code_version()
    assert after[0] == before[0] and after[1] != before[1]
    (package / "read" / "readers.py").write_text("# v2\n", encoding="utf-8")
    cache.code_version.cache_clear()
    assert cache.code_version(cache.DOCUMENT_CODE) != before[0]
    cache.code_version.cache_clear()
