"""Write stage: run MkDocs on the build folder.

MkDocs runs as a subprocess (`python -m mkdocs build`), not through its API:
the build gets its own environment (SOURCE_DATE_EPOCH, SITE_URL) without
touching ours, MkDocs' and Material's global state (logging, plugin caches,
jieba's dictionary) never leaks between builds of a `serve` session, and
swapping the renderer for MkDocs' successor is a change of this one command.

A first build is `--clean --strict`. Later builds are `--dirty`: MkDocs then
reads and renders only the pages whose Markdown is newer than their HTML
(`generator.write.folder` writes only the files whose text changed). MkDocs
logs a warning of its own on every dirty build, which `--strict` would count, so
a dirty build runs without `--strict` and any other warning fails it here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MKDOCS_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
"""The repository's MkDocs configuration, inherited by the build folder's."""

OVERRIDES = Path(__file__).resolve().parents[2] / "templates" / "overrides"
"""Material theme overrides (the header's search box); MkDocs resolves `custom_dir` against the
inheriting config, so the build folder's config names it again."""

DIRTY_NOTICE = "A 'dirty' build is being performed"
"""The start of the warning MkDocs logs on every `--dirty` build."""


class BuildError(RuntimeError):
    """MkDocs or Pagefind failed; the message holds its output."""


def inheriting_config(config: Path, folder: Path) -> str:
    """The build folder's mkdocs.yml: the repository's, with the build folder's docs and the overrides."""
    inherit = os.path.relpath(config.resolve(), folder.resolve())
    overrides = os.path.relpath(OVERRIDES, folder.resolve())
    return (f"# Written by generator/write/folder.py; edit {config.name} instead.\nINHERIT: {inherit}\n"
            f"docs_dir: docs\ntheme:\n  custom_dir: {overrides}\n")


def _warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING") and DIRTY_NOTICE not in line]


def run_mkdocs(folder: Path, output: Path, epoch: str, dirty: bool = False) -> str:
    """`python -m mkdocs build` of the build folder into `output`; its log, or BuildError."""
    mode = ["--dirty", "--no-strict"] if dirty else ["--clean", "--strict"]
    command = [sys.executable, "-m", "mkdocs", "build", *mode, "-f", str(folder / "mkdocs.yml"), "-d", str(output)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"mkdocs build failed with exit status {result.returncode}:\n{result.stderr}{result.stdout}")
    if dirty and _warnings(result.stderr):
        raise BuildError("mkdocs build --dirty logged warnings (strict):\n" + "\n".join(_warnings(result.stderr)))
    return result.stderr
