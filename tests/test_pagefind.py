"""The search index in shards (generator/write/pagefind.py): how documents are cut into shards, and a
rebuild re-indexing only the shards whose pages changed."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.build import build
from generator.write import pagefind
from generator.write.pagefind import shard_count, shard_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("documents, shards", [(0, 1), (1, 1), (1250, 1), (1251, 2), (2000, 2), (2501, 4),
                                               (10_000, 8), (10_001, 16), (20_000, 16)])
def test_shards_double_as_the_corpus_passes_each_multiple_of_the_shard_size(documents, shards):
    assert shard_count(documents) == shards


def test_documents_spread_evenly_over_the_shards_and_stay_in_theirs():
    ids = [f"{n:05d}" for n in range(5000)] + [f"guofa-{year}-{n}" for year in range(2000, 2025) for n in range(200)]
    sizes = Counter(shard_of(i, 16) for i in ids)
    assert sorted(sizes) == list(range(16))
    assert max(sizes.values()) < 1.15 * len(ids) / 16 and min(sizes.values()) > 0.85 * len(ids) / 16, sizes
    assert all(shard_of(i, 16) % 8 == shard_of(i, 8) for i in ids)  # doubling splits each shard in two


def _report(lines: list[str]) -> tuple[int, int]:
    found = re.search(r"pagefind indexed (\d+) of (\d+) search shards", " ".join(lines))
    assert found, lines
    return int(found[1]), int(found[2])


def test_a_rebuild_indexes_only_the_shards_whose_pages_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind, "SHARD_DOCUMENTS", 2)
    monkeypatch.setenv("POLICY_SITE_CACHE", str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "reader", seeds)
    shutil.copy(ROOT / "seeds" / "000_fb4425727dd22f71.txt", seeds)
    site = tmp_path / "site"
    lines: list[str] = []
    assert build(seeds, site, strict=False, report=lines.append) == 0
    fresh, shards = _report(lines)
    others = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards >= 4 and fresh == len(others) + 1 >= 3, (fresh, shards, others)
    for folder in others:  # a merged shard holds its index, not a second copy of Pagefind's scripts
        names = {p.name for p in (site / "pagefind" / folder).iterdir()}
        assert {"pagefind-entry.json", "index", "fragment", "filter"} <= names
        assert not names & {"pagefind.js", "pagefind-ui.js", "wasm.unknown.pagefind"}, names

    lines.clear()
    assert build(seeds, site, strict=False, report=lines.append) == 0
    assert _report(lines) == (0, shards)  # nothing changed: every shard from the build folder

    changed = seeds / "alternating.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。（修改）", 1), encoding="utf-8")
    lines.clear()
    assert build(seeds, site, strict=False, report=lines.append) == 0
    assert _report(lines) == (1, shards)  # the changed document's shard alone
