"""Write stage: the build folder, kept between builds so that only what changed is written and rebuilt.

`<cache root>/site/<digest of the site folder's path>/` (`generator.cache.cache_root`):
    docs/        the rendered pages, data files and assets, as MkDocs reads them
    mkdocs.yml   `INHERIT:` the repository's mkdocs.yml (`generator.write.mkdocs`)
    out/         MkDocs' output, kept for the next `--dirty` build
    pagefind/    the search shards' indexes, by a digest of their pages (`generator.write.pagefind`)
    state.json   the renderer's digest, each docs file's sha256, and each output file's
                 (size, mtime) when it was last put into the site folder
A docs file is written only when its text changed; the others keep their mtime,
so `mkdocs build --dirty` skips their pages. A file no longer rendered goes, with
its output. When the renderer changed (the repository's mkdocs.yml, the theme
overrides, MkDocs', Material's or Markdown's version, SITE_URL), or the last
build did not finish (state.json is removed while a build runs), the folder
starts afresh and MkDocs builds clean.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from generator.cache import cache_root, tree_digest
from generator.render.documents import Stored, file_digest
from generator.render.pages import TEMPLATES
from generator.write.mkdocs import OVERRIDES, inheriting_config

RENDERER_PACKAGES = ("mkdocs", "mkdocs-material", "markdown")
"""Packages whose version changes every page MkDocs writes."""


@dataclass(frozen=True)
class Prepared:
    """The build folder, its docs written for this build."""

    folder: Path
    """The build folder."""
    dirty: bool
    """Whether MkDocs may build `--dirty` (the folder holds the output of a finished build of this renderer)."""
    written: tuple[str, ...]
    """Docs files written by this build (new or changed), relative to `docs/`."""
    removed: tuple[str, ...]
    """Docs files removed since the last build."""
    state: dict[str, object]
    """The state to save once the build has finished (`save_state`)."""


def build_folder(site_dir: Path) -> Path:
    """Where the build folder of `site_dir` is kept: in the cache, named by the site folder's path."""
    digest = hashlib.sha256(str(site_dir.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_root() / "site" / digest


def renderer_digest(config: Path, folder: Path) -> str:
    """What every page MkDocs writes depends on besides its own Markdown."""
    digest = hashlib.sha256(inheriting_config(config, folder).encode())
    digest.update(config.read_bytes())
    tree_digest(digest, OVERRIDES)
    for package in RENDERER_PACKAGES:
        digest.update(f"\0{package}={version(package)}".encode())
    digest.update(f"\0SITE_URL={os.environ.get('SITE_URL', '')}".encode())
    return digest.hexdigest()


def output_of(path: str) -> str:
    """The output MkDocs makes of a docs file (directory URLs: `a/b.md` → `a/b/index.html`)."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def _assets() -> dict[str, bytes]:
    """The site's stylesheets and scripts (`templates/assets/`), as MkDocs finds them in docs/."""
    assets = TEMPLATES / "assets"
    return {f"assets/{p.relative_to(assets).as_posix()}": p.read_bytes() for p in sorted(assets.rglob("*")) if p.is_file()}


def _load_state(folder: Path) -> dict[str, object] | None:
    try:
        state = json.loads((folder / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _write_if_changed(folder: Path, path: str, content: str | bytes | Stored, known: str | None) -> tuple[str, bool]:
    """Write `docs/<path>` unless it holds `content` already (by the digest `known` from the last build);
    the digest, and whether it was written. A `Stored` content's text is read only if it is written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    digest = data.digest if isinstance(data, Stored) else file_digest(data)
    target = folder / "docs" / path
    if digest == known and target.is_file():
        return digest, False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.text().encode("utf-8") if isinstance(data, Stored) else data)
    return digest, True


def prepare(files: Iterable[tuple[str, str | Stored]], site_dir: Path, config: Path) -> Prepared:
    """Bring the build folder's docs to `files` (and the assets), writing only what changed; `files`
    are taken one at a time, never all held."""
    folder = build_folder(site_dir)
    digest = renderer_digest(config, folder)
    state = _load_state(folder)
    if state is None or state.get("renderer") != digest or not (folder / "out").is_dir():
        shutil.rmtree(folder, ignore_errors=True)
        state = {"docs": {}, "synced": {}}
    (folder / "state.json").unlink(missing_ok=True)  # until this build finishes, the folder is not trusted
    old: dict[str, str] = state["docs"]  # type: ignore[assignment]
    new: dict[str, str] = {}
    written: list[str] = []
    contents = itertools.chain(files, _assets().items())
    for path, data in contents:
        new[path], changed = _write_if_changed(folder, path, data, old.get(path))
        if changed:
            written.append(path)
    removed = tuple(sorted(set(old) - set(new)))
    for path in removed:
        (folder / "docs" / path).unlink(missing_ok=True)
        (folder / "out" / output_of(path)).unlink(missing_ok=True)
    (folder / "mkdocs.yml").write_text(inheriting_config(config, folder), encoding="utf-8")
    state = {"site_dir": str(site_dir.resolve()), "renderer": digest, "docs": new, "synced": state["synced"]}
    return Prepared(folder, bool(old), tuple(written), removed, state)


def save_state(prepared: Prepared, synced: dict[str, list[int]]) -> None:
    """Trust the folder for the next build: its docs and what of its output the site folder now holds."""
    state = {**prepared.state, "synced": synced}
    temporary = prepared.folder / "state.json.tmp"
    temporary.write_text(json.dumps(state, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(temporary, prepared.folder / "state.json")


def prune_folders(keep: Path) -> None:
    """Remove the build folders of site folders that no longer exist (a test's, a moved site's)."""
    for other in keep.parent.iterdir() if keep.parent.is_dir() else ():
        state = _load_state(other) if other != keep and other.is_dir() else None
        if state is not None and not Path(str(state.get("site_dir", ""))).exists():
            shutil.rmtree(other, ignore_errors=True)
