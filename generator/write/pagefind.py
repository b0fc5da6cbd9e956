"""Write stage: Pagefind's search index of the built site, in shards.

Pagefind's indexer (the extended build, from the `pagefind[extended]` wheel)
reads the document pages' `data-pagefind-*` attributes and writes the chunked
search index into `pagefind/`. Its filter files list values in hash-map order,
different on every run (upstream knows: Pagefind issue #638);
`stabilise_pagefind` sorts them, so two builds of the same seeds stay
byte-identical.

Past `SHARD_DOCUMENTS` documents the index is cut into shards (by a hash of the
document's id), each a Pagefind index of its own: the first in `pagefind/`, the
others in `pagefind/shards/<k>/`, listed in `pagefind/shards.json`, which
search.js merges into the first (Pagefind's `mergeIndex`). Two reasons, measured:
- a search costs Pagefind's worker time in proportion to the pages with a filter
  value times the pages found (`get_filters` in pagefind_web counts each filter
  value's pages with a linear `contains` over the results), so at 10,000
  documents one search for 人工智能 took 225 ms unthrottled with filters and 59 ms
  without: shards divide that product by their number;
- Pagefind has no incremental mode: each shard's index is kept in the build
  folder under a digest of its pages, so a rebuild re-indexes only the shards
  whose pages changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.write.files import link_or_copy, remove
from generator.write.mkdocs import BuildError

DOCUMENT_PAGES = "documents/*/index.html"
"""The pages Pagefind indexes."""

PAGEFIND_OPTIONS = ["--force-language", "zh", "--glob", DOCUMENT_PAGES, "--quiet"]
"""Pagefind's indexer: each shard's index segmented as Chinese (English words are indexed as words too), of the
document pages only (they alone carry `data-pagefind-body`; listings and tags are not even read)."""


def pagefind_executable() -> Path:
    """The extended Pagefind binary (Chinese segmentation) shipped in the `pagefind-bin-extended` wheel."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise BuildError("Pagefind is not installed: run scripts/install (pagefind[extended] from PyPI)") from error
    return Path(get_executable())


SHARD_DOCUMENTS = 1250
"""Documents a search shard holds at most: one index up to this many documents, then 2, 4, 8…
shards (a power of two, so the shards are cut anew, and all re-indexed, only when the corpus doubles).
Measured at 10,000 documents (a first search, unthrottled, median of 18 queries): one index 257 ms,
8 shards 158 ms, 16 shards 210 ms, as each shard fetches and decodes its own index chunk; so 8 there.
At 2,000 documents one index took 21.3 s to rebuild after a one-document change (21% of the build):
two shards halve that."""

SHARDS_FILE = "shards.json"
"""In `pagefind/`: the other shards' folders, relative to it, for search.js to merge (`[]`: one index)."""

KEPT_IN_SHARDS = ("pagefind-entry.json", "*.pf_meta", "index", "fragment", "filter")
"""What a merged shard needs (Pagefind's JS, UI and wasm are the first index's)."""


def shard_count(documents: int) -> int:
    """How many shards an index of `documents` document pages is cut into."""
    shards = 1
    while documents > shards * SHARD_DOCUMENTS:
        shards *= 2
    return shards


def shard_of(document_id: str, shards: int) -> int:
    """The shard of a document: by a hash of its id, so shards are even and a document stays in its own."""
    return int(hashlib.sha256(document_id.encode("utf-8", "surrogateescape")).hexdigest()[:8], 16) % shards


def shard_folder(shard: int) -> str:
    """A shard's folder inside `pagefind/` (the first shard with documents is `pagefind/` itself, shard 0
    but for a corpus too small to fill every shard)."""
    return f"shards/{shard}/" if shard else ""


def run_pagefind(site: Path, cache: Path | None = None) -> tuple[float, int, int]:
    """Index the document pages of `site` into `site/pagefind/`, shard by shard; a shard whose pages are
    unchanged is taken from `cache` (the build folder's `pagefind/`; None: none). Shards are indexed on
    every core at once (one Pagefind run of 1,250 documents peaked at 0.9 GB; one of 10,000, 5.8 GB).
    Returns the seconds taken, the shards indexed and the shards; or BuildError."""
    if cache is None:
        scratch = Path(tempfile.mkdtemp(prefix=".pagefind-index-", dir=site.parent))
        try:
            return run_pagefind(site, scratch)
        finally:
            remove(scratch)
    started = time.monotonic()
    remove(site / "pagefind")  # the last build's: its files are links into `cache`, never to be written over
    pages = sorted(site.glob(DOCUMENT_PAGES))
    shards = shard_count(len(pages))
    members: list[list[Path]] = [[] for _ in range(shards)]
    for page in pages:
        members[shard_of(page.parent.name, shards)].append(page)
    first = next((shard for shard, shard_pages in enumerate(members) if shard_pages), 0)
    used = [shard for shard, shard_pages in enumerate(members) if shard == first or shard_pages]
    keys = {shard: _shard_key(site, shard, shards, shard == first, members[shard]) for shard in used}
    missing = [shard for shard in used if not (cache / keys[shard]).is_dir()]
    with ThreadPoolExecutor(max_workers=min(len(missing), os.cpu_count() or 1) or 1) as pool:
        list(pool.map(lambda shard: _index_shard(site, members[shard], cache / keys[shard], shard == first), missing))
    for shard in used:
        _link_tree(cache / keys[shard], site / "pagefind" / shard_folder(shard if shard != first else 0))
    others = [shard_folder(shard) for shard in used if shard != first]
    (site / "pagefind" / SHARDS_FILE).write_text(json.dumps(others), encoding="utf-8")
    for old in cache.iterdir():
        if old.name not in keys.values():
            remove(old)
    return time.monotonic() - started, len(missing), shards


def _shard_key(site: Path, shard: int, shards: int, primary: bool, pages: list[Path]) -> str:
    """A digest of everything a shard's index is made of: its pages' paths and bytes, Pagefind and its options."""
    from importlib.metadata import version

    made = f"{version('pagefind-bin-extended')}\0{PAGEFIND_OPTIONS}\0{shard}/{shards}/{primary}\0"
    digest = hashlib.sha256(made.encode())
    for page in pages:
        digest.update(page.relative_to(site).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(page.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _index_shard(site: Path, pages: list[Path], bundle: Path, primary: bool) -> None:
    """Pagefind run on `pages` alone (hard-linked into a scratch folder beside `site`), its index into `bundle`."""
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site.parent))
    temporary = bundle.with_name(bundle.name + ".tmp")
    try:
        for page in pages:
            link_or_copy(page, scratch / page.relative_to(site))
        remove(temporary)
        command = [str(pagefind_executable()), "--site", str(scratch), *PAGEFIND_OPTIONS,
                   "--output-path", str(temporary)]
        result = subprocess.run(command, cwd=scratch, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not (temporary / "pagefind-entry.json").exists():
            raise BuildError(f"pagefind failed with exit status {result.returncode}:\n{result.stderr}{result.stdout}")
        stabilise_pagefind(temporary)
        if not primary:
            for path in list(temporary.iterdir()):
                if not any(path.match(kept) for kept in KEPT_IN_SHARDS):
                    remove(path)
        bundle.parent.mkdir(parents=True, exist_ok=True)
        os.rename(temporary, bundle)
    finally:
        remove(scratch)
        remove(temporary)


def _link_tree(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            link_or_copy(path, target / path.relative_to(source))


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
