"""Write stage: the build folder, MkDocs, and the swap into the site folder.

The pages arrive rendered in memory (`generator.render`, called by `build()`).
1. Write the build folder `<site parent>/build/<site name>/`: `docs/` (pages,
   `data/documents.json`, assets from `templates/assets/`) and a two-line
   `mkdocs.yml` inheriting the repository's `mkdocs.yml`. It is replaced whole,
   so a removed document leaves no stale page; it is git-ignored.
2. Run MkDocs into a temporary folder next to the site folder.
3. Only when MkDocs succeeded, swap the temporary folder in place of the site
   folder. A failed or interrupted build leaves the previous site intact.

MkDocs runs as a subprocess (`python -m mkdocs build`), not through its API:
the build gets its own environment (SOURCE_DATE_EPOCH, SITE_URL) without
touching ours, MkDocs' and Material's global state (logging, plugin caches,
jieba's dictionary) never leaks between builds of a `serve` session, and
swapping the renderer for MkDocs' successor is a change of this one command.
"""

from __future__ import annotations

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
    (folder / "mkdocs.yml").write_text(
        f"# Written by generator/write.py; edit {config.name} instead.\nINHERIT: {inherit}\ndocs_dir: docs\n",
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
        swap(temporary, site_dir)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)
    report(f"write: mkdocs built {site_dir} in {time.monotonic() - started:.1f} s")
    return pages
