"""Write stage: Pagefind's search index of the built site.

Pagefind's indexer (the extended build, from the `pagefind[extended]` wheel)
reads the document pages' `data-pagefind-*` attributes and writes the chunked
search index into `pagefind/`. Its filter files list values in hash-map order,
different on every run (upstream knows: Pagefind issue #638);
`stabilise_pagefind` sorts them, so two builds of the same seeds stay
byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import time
from pathlib import Path

from generator.write.mkdocs import BuildError

PAGEFIND_OPTIONS = ["--output-subdir", "pagefind", "--force-language", "zh", "--glob", "documents/*/index.html",
                    "--quiet"]
"""Pagefind's indexer: one index, segmented as Chinese (English words are indexed as words too), of the
document pages only (they alone carry `data-pagefind-body`; listings and tags are not even read)."""


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
