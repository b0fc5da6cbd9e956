"""Write stage: the build folder, MkDocs, and the swap into the site folder.

The pages arrive rendered in memory (`generator.render`, called by `build()`).
1. Write the build folder `<site parent>/build/<site name>/`: `docs/` (pages,
   `data/documents.json`, assets from `templates/assets/`) and a two-line
   `mkdocs.yml` inheriting the repository's `mkdocs.yml`. It is replaced whole,
   so a removed document leaves no stale page; it is git-ignored.
2. Run MkDocs into a temporary folder next to the site folder.
3. Run Pagefind's indexer (the extended build, from the `pagefind[extended]`
   wheel) on that folder: it reads the document pages' `data-pagefind-*`
   attributes and writes the chunked search index into `pagefind/`. Its filter
   files list values in hash-map order, different on every run (upstream knows:
   Pagefind issue #638); `stabilise_pagefind` sorts them, so two builds of the
   same seeds stay byte-identical.
4. Only when both succeeded, swap the temporary folder in place of the site
   folder. A failed or interrupted build leaves the previous site intact.

MkDocs runs as a subprocess (`python -m mkdocs build`), not through its API:
the build gets its own environment (SOURCE_DATE_EPOCH, SITE_URL) without
touching ours, MkDocs' and Material's global state (logging, plugin caches,
jieba's dictionary) never leaks between builds of a `serve` session, and
swapping the renderer for MkDocs' successor is a change of this one command.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.render.groups import date_of
from generator.render.pages import TEMPLATES

if TYPE_CHECKING:
    from generator.model import Corpus

MKDOCS_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
"""The repository's MkDocs configuration, inherited by the build folder's."""

OVERRIDES = Path(__file__).resolve().parent.parent / "templates" / "overrides"
"""Material theme overrides (the header's search box); MkDocs resolves `custom_dir` against the
inheriting config, so the build folder's config names it again."""

PAGEFIND_OPTIONS = ["--output-subdir", "pagefind", "--force-language", "zh", "--glob", "documents/*/index.html",
                    "--quiet"]
"""Pagefind's indexer: one index, segmented as Chinese (English words are indexed as words too), of the
document pages only (they alone carry `data-pagefind-body`; listings and tags are not even read)."""


class BuildError(RuntimeError):
    """MkDocs failed; the message holds its output."""


def build_folder(site_dir: Path) -> Path:
    """Where the Markdown for `site_dir` is written: `<parent>/build/<name>/` (`build/site/` by default)."""
    site_dir = site_dir.resolve()
    return site_dir.parent / "build" / site_dir.name


def source_date_epoch(corpus: Corpus) -> str:
    """SOURCE_DATE_EPOCH: the environment's, else midnight UTC of the corpus' latest date."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    dates = sorted(date_of(a.document) for a in corpus.documents if date_of(a.document))
    if not dates:
        return "0"
    moment = datetime.strptime(dates[-1], "%Y-%m-%d").replace(tzinfo=UTC)
    return str(int(moment.timestamp()))


def write_docs(files: dict[str, str], folder: Path, config: Path) -> None:
    """Replace `folder` with the rendered files, the assets and the inheriting mkdocs.yml."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    shutil.copytree(TEMPLATES / "assets", docs / "assets")
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    inherit = os.path.relpath(config.resolve(), folder.resolve())
    overrides = os.path.relpath(OVERRIDES, folder.resolve())
    (folder / "mkdocs.yml").write_text(
        f"# Written by generator/write.py; edit {config.name} instead.\nINHERIT: {inherit}\ndocs_dir: docs\n"
        f"theme:\n  custom_dir: {overrides}\n",
        encoding="utf-8",
    )


def run_mkdocs(folder: Path, output: Path, epoch: str) -> str:
    """`python -m mkdocs build` of the build folder into `output`; its output, or BuildError."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--strict",
               "-f", str(folder / "mkdocs.yml"), "-d", str(output)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"mkdocs build failed with exit status {result.returncode}:\n{result.stderr}{result.stdout}")
    return result.stderr


def pagefind_executable() -> Path:
    """The extended Pagefind binary (Chinese segmentation) shipped in the `pagefind-bin-extended` wheel."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise BuildError("Pagefind is not installed: run scripts/install (pagefind[extended] from PyPI)") from error
    return Path(get_executable())


def run_pagefind(output: Path) -> float:
    """Index the built site in `output` into `output/pagefind/`; seconds taken, or BuildError."""
    started = time.monotonic()
    command = [str(pagefind_executable()), "--site", str(output), *PAGEFIND_OPTIONS]
    result = subprocess.run(command, cwd=output, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (output / "pagefind" / "pagefind-entry.json").exists():
        raise BuildError(f"pagefind failed with exit status {result.returncode}:\n{result.stderr}{result.stdout}")
    stabilise_pagefind(output / "pagefind")
    return time.monotonic() - started


PAGEFIND_SIGNATURE = b"pagefind_dcd"
"""Every Pagefind index file is gzip of this signature and CBOR data."""


def _pagefind_read(path: Path) -> object:
    import cbor2

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(PAGEFIND_SIGNATURE):
        raise BuildError(f"pagefind: unexpected file format in {path}")
    return cbor2.loads(data[len(PAGEFIND_SIGNATURE):])


def _pagefind_write(folder: Path, prefix: str, suffix: str, digits: int, value: object) -> str:
    """Write `value` as `<prefix><hash><suffix>` named by its content (as Pagefind does); the hash part."""
    import cbor2

    data = PAGEFIND_SIGNATURE + cbor2.dumps(value)
    name = prefix + hashlib.sha256(data).hexdigest()[:digits]
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def stabilise_pagefind(bundle: Path) -> None:
    """Make Pagefind's output the same from run to run: filter values and filters in sorted order.

    Pagefind 1.5 writes each filter's values, and the list of filters in the language's
    `.pf_meta`, in Rust hash-map order, which changes on every run (the word index and the
    fragments are already stable). Each filter file is rewritten with its values sorted and
    renamed by its new content, then the meta file and `pagefind-entry.json` point at them.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _pagefind_read(meta_path)
        filters = []
        for name, file_hash in meta[3]:
            path = bundle / "filter" / f"{file_hash}.pf_filter"
            key, values = _pagefind_read(path)
            path.unlink()
            new = _pagefind_write(path.parent, f"{language}_", ".pf_filter", 7, [key, sorted(values)])
            filters.append([name, new])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _pagefind_write(bundle, f"pagefind.{language}_", ".pf_meta", 10, meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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


def write_site(files: dict[str, str], site_dir: Path, epoch: str, report: Callable[[str], None] = print) -> int:
    """Write the rendered `files` and build them with MkDocs into `site_dir`; return the number of pages."""
    started = time.monotonic()
    pages = sum(path.endswith(".md") for path in files)
    folder = build_folder(site_dir)
    write_docs(files, folder, MKDOCS_CONFIG)
    report(f"write: {pages} pages → {folder / 'docs'}")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        run_mkdocs(folder, temporary, epoch)
        built = time.monotonic() - started
        indexed = run_pagefind(temporary)
        swap(temporary, site_dir)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)
    report(f"write: mkdocs built {site_dir} in {built:.1f} s; pagefind indexed it in {indexed:.1f} s")
    return pages
