"""The content-keyed cache (generator/cache.py) and its worker processes, through the align stage: same result."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.align import align_document
from generator import cache
from generator.align import batch
from generator.build import read_and_check

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def documents():
    _, good, _ = read_and_check(ROOT / "tests" / "fixtures" / "reader")
    return good


def test_workers_give_exactly_the_serial_result(documents, monkeypatch):
    monkeypatch.setattr(cache, "PARALLEL_FROM", 2)
    parallel, report = batch.align_corpus(documents, None, workers=2)
    assert report.workers == 2 and report.computed == len(documents)
    assert parallel == tuple(align_document(d) for d in documents)


def test_the_cache_serves_what_it_stored_and_only_that(documents, tmp_path):
    folder = tmp_path / "v1"
    first, report = batch.align_corpus(documents, folder)
    assert (report.computed, report.cached) == (len(documents), 0)
    second, report = batch.align_corpus(documents, folder)
    assert (report.computed, report.cached) == (0, len(documents)) and second == first
    entry = folder / batch.document_key(documents[0])
    entry.write_bytes(b"not a pickle")
    third, report = batch.align_corpus(documents, folder)
    assert report.computed == 1 and third == first


def test_the_key_follows_the_text_and_the_code(documents, monkeypatch):
    import dataclasses

    document = documents[0]
    changed = dataclasses.replace(document, source_lines=document.source_lines + ("新增一行。",))
    assert batch.document_key(changed) != batch.document_key(document)
    key = batch.document_key(document)
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    assert batch.document_key(document) != key


def test_a_new_code_version_removes_the_old_entries_and_nothing_else(documents, tmp_path):
    old, new = tmp_path / ("a" * 16), tmp_path / ("b" * 16)
    (tmp_path / "seeds").mkdir()
    (tmp_path / ("c" * 16)).mkdir()
    (tmp_path / ("c" * 16) / "notes.txt").write_text("mine", encoding="utf-8")
    batch.align_corpus(documents[:1], old)
    batch.align_corpus(documents[:1], new)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b" * 16, "c" * 16, "seeds"]


def test_the_default_folder_is_per_code_version(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path))
    assert batch.cache_folder() == tmp_path / "align" / cache.code_version()[:16]
