"""Write stage: the site folder brought up to the new build, file by file.

1. `generator.write.folder` brings the build folder's docs up to date, writing
   only the files whose text changed.
2. `generator.write.mkdocs` builds them into the build folder's `out/`
   (`--dirty` after the first build: only changed pages are rendered).
3. Pagefind indexes `out/` into `out/pagefind/` (`generator.write.pagefind`):
   only the search shards whose pages changed; the others come from the build
   folder.
4. Only when all of that succeeded, the site folder is brought up to `out/`
   (`sync`): each new or changed file is copied beside its place and renamed
   over it, so a reader never sees half a file; files the build no longer has
   are removed; an unchanged file is not touched. A failed or interrupted build
   leaves the previous site as it was, and no scratch file beside it.

Why not a new folder swapped in whole: assembling it (every file hard-linked or
copied) and removing the old one after the swap took ~20 s (profiled) of a
one-document rebuild at 10,000 documents; a sync costs a walk of the two
folders and the changed files.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.render.groups import date_of
from generator.write.folder import prepare, prune_folders, save_state
from generator.write import mkdocs
from generator.write.pagefind import run_pagefind

if TYPE_CHECKING:
    from generator.model import Corpus
    from generator.render.documents import Stored


def source_date_epoch(corpus: Corpus) -> str:
    """SOURCE_DATE_EPOCH: the environment's, else midnight UTC of the corpus' latest date."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    dates = sorted(date_of(a.document) for a in corpus.documents if date_of(a.document))
    if not dates:
        return "0"
    moment = datetime.strptime(dates[-1], "%Y-%m-%d").replace(tzinfo=UTC)
    return str(int(moment.timestamp()))


def _tree(root: Path) -> tuple[dict[str, os.stat_result], list[str]]:
    """Every file under `root` (symbolic links included, not followed) by POSIX path relative to it, and
    every folder."""
    files: dict[str, os.stat_result] = {}
    folders: list[str] = []
    stack = [""]
    while stack:
        prefix = stack.pop()
        with os.scandir(root / prefix if prefix else root) as entries:
            for entry in entries:
                path = f"{prefix}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                    stack.append(f"{path}/")
                else:
                    files[path] = entry.stat(follow_symlinks=False)
    return files, folders


def _same(live: os.stat_result | None, live_path: Path, output: os.stat_result, output_path: Path,
          unchanged: bool) -> bool:
    """Whether the site's file holds what MkDocs' output holds: `unchanged` since it was copied there
    (`synced`), or rewritten in `out/` (a page MkDocs rebuilt, its sitemap) with the same bytes."""
    if live is None or not stat.S_ISREG(live.st_mode):
        return False
    return unchanged or (live.st_size == output.st_size and filecmp.cmp(live_path, output_path, shallow=False))


def sync(output: Path, site_dir: Path, synced: dict[str, list[int]]) -> dict[str, list[int]]:
    """Bring `site_dir` to hold exactly the files of `output`: what is not in `output` removed (first, so a
    file may take the place of a folder), then each file that differs copied beside its place and renamed
    over it (never written in place: the reader sees the old file or the new one). `synced` is the size and
    mtime each output file had when it was last put there; returns the new `synced`."""
    built = _tree(output)[0]
    now = {path: [s.st_size, s.st_mtime_ns] for path, s in built.items()}
    site_dir.mkdir(parents=True, exist_ok=True)
    live, folders = _tree(site_dir)
    for path in sorted(set(live) - set(now)):
        (site_dir / path).unlink()
    kept = {parent for path in now for parent in _parents(path)}
    for folder in sorted((f for f in folders if f not in kept), key=len, reverse=True):  # deepest first
        os.rmdir(site_dir / folder)
    for path in sorted(now):
        source, target = output / path, site_dir / path
        if _same(live.get(path), target, built[path], source, synced.get(path) == now[path]):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.new")
        shutil.copy2(source, temporary)
        os.replace(temporary, target)
    return now


def _parents(path: str) -> list[str]:
    """The folders `a`, `a/b` of a path `a/b/c`."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:k]) for k in range(1, len(parts) + 1)]


def write_site(files: Iterable[tuple[str, str | Stored]] | dict[str, str], site_dir: Path, epoch: str,
               report: Callable[[str], None] = print, config: Path | None = None) -> int:
    """Write the rendered `files` (`(path, text)` pairs as they come, or a mapping) and build them with
    MkDocs (configured by `config`, else the repository's mkdocs.yml) into `site_dir`; return the
    number of pages."""
    started = time.monotonic()
    config = config or mkdocs.MKDOCS_CONFIG
    prepared = prepare(files.items() if isinstance(files, dict) else files, site_dir, config)
    pages = sum(path.endswith(".md") for path in prepared.state["docs"])  # type: ignore[union-attr]
    report(f"write: {len(prepared.written)} of {len(prepared.state['docs'])} files written "  # type: ignore[arg-type]
           f"(rendered {time.monotonic() - started:.1f} s), {len(prepared.removed)} removed → {prepared.folder / 'docs'}")
    started = time.monotonic()
    mkdocs.run_mkdocs(prepared.folder, prepared.folder / "out", epoch, prepared.dirty)
    built = time.monotonic() - started
    indexed, fresh, shards = run_pagefind(prepared.folder / "out", prepared.folder / "pagefind")
    synced = sync(prepared.folder / "out", site_dir.resolve(), prepared.state["synced"])  # type: ignore[arg-type]
    save_state(prepared, synced)
    prune_folders(prepared.folder)
    mode = "changed pages (--dirty)" if prepared.dirty else "every page"
    report(f"write: mkdocs built {mode} in {built:.1f} s; pagefind indexed {fresh} of {shards} search shards of "
           f"{site_dir} in {indexed:.1f} s")
    return pages
