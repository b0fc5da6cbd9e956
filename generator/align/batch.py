"""Align stage, for the whole corpus: a cache keyed by content, and both cores.

Aligning is the costly stage (tens of milliseconds for a long law), and it
depends on nothing but the document and the code. So each document's result is
kept in a cache folder under a key made of the document's own text (source and
translation lines, file names) and the version of the code (every file of the
`generator` package and its data); a rebuild aligns only what changed. What is
not cached is aligned in worker processes, one per core, when there is enough of
it to pay for their start; results come back in corpus order, so the output is
the same whichever way it was computed.

The cache is `.cache/align/<code version>/` in the checkout (git-ignored), or
under `$POLICY_SITE_CACHE`; folders of other code versions are removed when a new
one is written, so it holds one version's entries. Delete it at will: it only
saves time. An entry that cannot be read, or holds another document, is
recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.align.aligner import align_document
from generator.model import AlignedDocument, Document

PACKAGE = Path(__file__).resolve().parents[1]
_VERSION = re.compile(r"[0-9a-f]{16}")
_ENTRY = re.compile(r"[0-9a-f]{64}")
PARALLEL_FROM = 24
"""Documents to align before worker processes pay for their start (and the lexicon's load in each)."""


@dataclass(frozen=True)
class BatchReport:
    """How the corpus was aligned."""

    aligned: int
    """Documents aligned in this run."""
    cached: int
    """Documents whose alignment came from the cache."""
    workers: int
    """Processes that aligned (1: in this process)."""


@cache
def code_version() -> str:
    """A digest of every file of the generator package (code and data): a new version invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def document_key(document: Document) -> str:
    """The cache key of `document`'s alignment: its text, its file names and the code's version."""
    digest = hashlib.sha256(code_version().encode())
    for part in (document.source_file, document.translation_file or "", *document.source_lines, "\0",
                 *document.translation_lines):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


def cache_folder() -> Path:
    """Where this code version's alignments are kept (`$POLICY_SITE_CACHE`, else `.cache/align/`)."""
    configured = os.environ.get("POLICY_SITE_CACHE")
    root = Path(configured) if configured else PACKAGE.parent / ".cache" / "align"
    return root / code_version()[:16]


def _prune(folder: Path) -> None:
    """Remove the entries of other code versions: sibling folders named like a version (16 hex digits)
    that hold nothing but entries (64 hex digits); anything else in the cache root is left alone."""
    for other in folder.parent.iterdir() if folder.parent.is_dir() else ():
        if other == folder or not other.is_dir() or not _VERSION.fullmatch(other.name):
            continue
        if all(_ENTRY.fullmatch(p.name) or p.name.endswith(".tmp") for p in other.iterdir()):
            shutil.rmtree(other, ignore_errors=True)


def _load(path: Path, document: Document) -> AlignedDocument | None:
    try:
        aligned = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return aligned if isinstance(aligned, AlignedDocument) and aligned.document == document else None


def _store(folder: Path, key: str, aligned: AlignedDocument) -> None:
    if not folder.exists():
        _prune(folder)
        folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{key}.{os.getpid()}.tmp"
    temporary.write_bytes(pickle.dumps(aligned, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, folder / key)  # atomic: a reader never sees half an entry


def _align_many(documents: list[Document], workers: int) -> list[AlignedDocument]:
    if workers <= 1 or len(documents) < PARALLEL_FROM:
        return [align_document(d) for d in documents]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(align_document, documents, chunksize=max(1, len(documents) // (workers * 8))))


def align_corpus(documents: tuple[Document, ...], folder: Path | None, workers: int | None = None
                 ) -> tuple[tuple[AlignedDocument, ...], BatchReport]:
    """Every document aligned, in order; from the cache in `folder` where it can be (None: no cache)."""
    workers = workers or os.cpu_count() or 1
    keys = [document_key(d) for d in documents] if folder else [""] * len(documents)
    found: list[AlignedDocument | None] = [
        _load(folder / key, d) if folder and (folder / key).exists() else None for d, key in zip(documents, keys)]
    missing = [i for i, a in enumerate(found) if a is None]
    fresh = _align_many([documents[i] for i in missing], workers)
    for i, aligned in zip(missing, fresh):
        found[i] = aligned
        if folder:
            _store(folder, keys[i], aligned)
    used = workers if len(missing) >= PARALLEL_FROM else 1
    return tuple(a for a in found if a is not None), BatchReport(len(missing), len(documents) - len(missing), used)
