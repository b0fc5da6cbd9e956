"""Write stage: the two file operations the write modules share.

A built file is put in place as a hard link to the file that holds it (the
build folder's output, a kept search shard), or copied where the file system
has no hard links; nothing writes into a linked file afterwards.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as a hard link to `source` (a copy, with its mtime, where the file system has none); its
    folder made if need be."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def remove(path: Path) -> None:
    """`path` gone, folder or file, if it exists."""
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
