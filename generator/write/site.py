"""Write stage: the new site folder, assembled, indexed and swapped in.

1. `generator.write.folder` brings the build folder's docs up to date, writing
   only the files whose text changed.
2. `generator.write.mkdocs` builds them into the build folder's `out/`
   (`--dirty` after the first build: only changed pages are rendered).
3. A temporary folder beside the site folder receives the output: a file the
   site folder already holds unchanged is hard-linked from it, any other is
   copied. Nothing ever writes into a file of the site folder, so the live site
   is untouched until the swap.
4. Pagefind indexes the temporary folder (`generator.write.pagefind`): only the
   search shards whose pages changed; the others come from the build folder.
5. Only when all of that succeeded, the temporary folder takes the site
   folder's place. A failed or interrupted build leaves the previous site
   intact, and no scratch file beside it.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
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


def source_date_epoch(corpus: Corpus) -> str:
    """SOURCE_DATE_EPOCH: the environment's, else midnight UTC of the corpus' latest date."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    dates = sorted(date_of(a.document) for a in corpus.documents if date_of(a.document))
    if not dates:
        return "0"
    moment = datetime.strptime(dates[-1], "%Y-%m-%d").replace(tzinfo=UTC)
    return str(int(moment.timestamp()))


def _same(live: Path, output: Path, unchanged: bool) -> bool:
    """Whether the site's file `live` holds what MkDocs' `output` holds: `unchanged` since it was copied
    there, or rewritten by MkDocs (its 404 page and sitemap, a page rebuilt) with the same bytes."""
    if not live.is_file() or live.is_symlink():
        return False
    return unchanged or (live.stat().st_size == output.stat().st_size and filecmp.cmp(live, output, shallow=False))


def assemble(output: Path, site_dir: Path, synced: dict[str, list[int]], target: Path) -> dict[str, list[int]]:
    """Fill `target` with MkDocs' `output`: hard links to the site folder's files where the site holds the
    same bytes (`synced`: the size and mtime each output file had when it was last put there), copies of
    the others. Returns the new `synced`."""
    now: dict[str, list[int]] = {}
    for source in sorted(p for p in output.rglob("*") if p.is_file()):
        path = source.relative_to(output).as_posix()
        stat = source.stat()
        now[path] = [stat.st_size, stat.st_mtime_ns]
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        live = site_dir / path
        if _same(live, source, synced.get(path) == now[path]):
            try:
                os.link(live, destination)
                continue
            except OSError:  # a file system without hard links: copy
                pass
        shutil.copy2(source, destination)
    return now


def swap(new: Path, site_dir: Path) -> None:
    """Put `new` in the place of `site_dir` (two renames; the old site is removed last)."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        os.rename(site_dir, old / site_dir.name)
    os.chmod(new, 0o755)  # mkdtemp makes it private; a site is served to others
    os.rename(new, site_dir)
    if old is not None:
        shutil.rmtree(old)


def write_site(files: Iterable[tuple[str, str]] | dict[str, str], site_dir: Path, epoch: str,
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
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        synced = assemble(prepared.folder / "out", site_dir, prepared.state["synced"], temporary)  # type: ignore[arg-type]
        indexed, fresh, shards = run_pagefind(temporary, prepared.folder / "pagefind")
        swap(temporary, site_dir)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)
    save_state(prepared, synced)
    prune_folders(prepared.folder)
    mode = "changed pages (--dirty)" if prepared.dirty else "every page"
    report(f"write: mkdocs built {mode} in {built:.1f} s; pagefind indexed {fresh} of {shards} search shards of "
           f"{site_dir} in {indexed:.1f} s")
    return pages
