"""Per-document work, done once per content: a cache keyed by document text and code, and both cores.

Reading a document, checking it, aligning it (tens of milliseconds for a long
law) and cutting its Chinese into words for its keywords depend on nothing but
its files and the code (`generator.build.process`). So each result is kept
under a key made of the files' names and bytes and the version of the code
(every file of the `generator` package and its data); a rebuild recomputes only
what changed. What
is not cached is computed in worker processes, one per core, when there is
enough of it to pay for their start; results come back in corpus order, so the
output is the same whichever way it was computed.

The cache is `.cache/<kind>/<code version>/` in the checkout (git-ignored), or
under `$POLICY_SITE_CACHE`; folders of other code versions are removed when a new
one is written. Delete it at will: it only saves time. An entry that cannot be
read, or was written for another key, is recomputed, never trusted.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from generator.model import Source

T = TypeVar("T")
R = TypeVar("R")
PACKAGE = Path(__file__).resolve().parent
_VERSION = re.compile(r"[0-9a-f]{16}")
_ENTRY = re.compile(r"[0-9a-f]{64}")
PARALLEL_FROM = 24
"""Items to compute before worker processes pay for their start (and the lexicon's or jieba's load in each)."""


@dataclass(frozen=True)
class BatchReport:
    """How a corpus' per-document work was done."""

    computed: int
    """Items computed in this run."""
    cached: int
    """Items whose result came from the cache."""
    workers: int
    """Processes that computed (1: in this process)."""


DOCUMENT_CODE = ("__init__.py", "align", "analyse", "build.py", "cache.py", "check.py", "data", "model.py", "read",
                 "segment.py", "text.py")
"""The parts of the package the per-document work runs (`generator.build.process`; imports flow one way,
so none of them reaches the render or write stages): a change to a template or to the render code
keeps the documents read and aligned."""


@cache
def code_version(parts: tuple[str, ...] | None = None) -> str:
    """A digest of the files of the generator package (code and data), or of those under `parts` (top-level
    names): a new version invalidates what was cached under the old."""
    digest = hashlib.sha256()
    tree_digest(digest, PACKAGE, parts)
    return digest.hexdigest()


def tree_digest(digest: hashlib._Hash, root: Path, parts: tuple[str, ...] | None = None) -> None:
    """Feed `digest` every file under `root` (or under its top-level names `parts`): relative path and
    bytes, in sorted order, `__pycache__` left out."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and "__pycache__" not in path.parts and (parts is None or relative.parts[0] in parts):
            digest.update(relative.as_posix().encode() + b"\0")
            digest.update(path.read_bytes())


def source_key(source: Source) -> str:
    """The cache key of the per-document work on a source: its files' names and bytes, where they are, and
    the version of the code that work runs (`DOCUMENT_CODE`)."""
    digest = hashlib.sha256(code_version(DOCUMENT_CODE).encode())
    for path in (source.path, source.translation):
        if path is not None:
            digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_root() -> Path:
    """`$POLICY_SITE_CACHE`, else `.cache/` in the checkout."""
    configured = os.environ.get("POLICY_SITE_CACHE")
    return Path(configured) if configured else PACKAGE.parent / ".cache"


def cache_folder(kind: str = "documents", parts: tuple[str, ...] | None = None) -> Path:
    """Where results of `kind` are kept for this version of the code (of `parts` of it, if given):
    `<cache root>/<kind>/<code version>/`."""
    return cache_root() / kind / code_version(parts)[:16]


def _prune(folder: Path) -> None:
    """Remove the entries of other code versions: sibling folders named like a version (16 hex digits)
    that hold nothing but entries (64 hex digits); anything else in the cache root is left alone."""
    for other in folder.parent.iterdir() if folder.parent.is_dir() else ():
        if other == folder or not other.is_dir() or not _VERSION.fullmatch(other.name):
            continue
        if all(_ENTRY.fullmatch(p.name) or p.name.endswith(".tmp") for p in other.iterdir()):
            shutil.rmtree(other, ignore_errors=True)


def lookup(folder: Path, key: str) -> tuple[bool, object]:
    """Whether `folder` holds a value under `key`, and that value (None when not: no entry, another key's,
    or one that no longer unpickles)."""
    try:
        stored_key, value = pickle.loads((folder / key).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return False, None
    return (True, value) if stored_key == key else (False, None)


def keep(folder: Path, key: str, value: object) -> None:
    """Store `value` in `folder` under `key`, atomically: a reader never sees half an entry."""
    if not folder.exists():
        _prune(folder)
        folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{key}.{os.getpid()}.tmp"
    temporary.write_bytes(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, folder / key)


def _compute(function: Callable[[T], R], items: list[T], workers: int) -> list[R]:
    """`function` of each item: in this process when `workers` is 1, in `workers` processes otherwise."""
    if workers == 1:
        return [function(item) for item in items]
    # forked, whatever the platform's default: a worker sees what this process holds at the call (the
    # render stage's corpus, `generator.render.documents.rendering`) without its being pickled
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while many objects are unpickled, and what was loaded frozen
    out of its sight after (`gc.freeze`): each full collection walks every object it tracks, so
    loading 2,000 cached documents took 4.3 s instead of 1.2 s, and the corpus stage after paid as
    much again. The model holds no reference cycles: frozen objects are still freed by reference
    counting when dropped (a `serve` session rebuilding does not accumulate them)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def cached_map(function: Callable[[T], R], items: Sequence[T], keys: Sequence[str], folder: Path | None,
               workers: int | None = None, memory: dict[str, object] | None = None
               ) -> tuple[tuple[R, ...], BatchReport]:
    """`function` of every item, in order; from the cache in `folder` under `keys` where it can be (None: no cache).
    `function` must be a module-level function (workers receive it by name).

    `memory`, if given, holds results by key between calls (a `serve` session's rebuilds): a result found
    there is not read from disk, and after the call it holds this call's results, and only those."""
    workers = workers or os.cpu_count() or 1
    held = memory if memory is not None else {}
    with _collector_paused():
        found: list[tuple[bool, object]] = [(True, held[key]) if key in held else lookup(folder, key)
                                            if folder else (False, None) for key in keys]
    missing = [i for i, (hit, _) in enumerate(found) if not hit]
    used = workers if len(missing) >= PARALLEL_FROM else 1
    fresh = _compute(function, [items[i] for i in missing], used)
    for i, value in zip(missing, fresh):
        found[i] = (True, value)
        if folder:
            keep(folder, keys[i], value)
    values = tuple(v for _, v in found)
    if memory is not None:
        memory.clear()
        memory.update(zip(keys, values))
    return values, BatchReport(len(missing), len(items) - len(missing), used)  # type: ignore[arg-type]
