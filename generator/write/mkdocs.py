"""Write stage: run MkDocs on the build folder, in parallel shards when the site is large.

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

MkDocs builds on one core. From `SHARD_THRESHOLD` document pages
(`documents/<id>/index.md`) on, `SHARDS` MkDocs processes run at once, each
with its own config in the build folder (`mkdocs.shard-<k>.yml`: `INHERIT:` the
folder's mkdocs.yml, plus an `exclude_docs:`). The document pages are split by
the last character of their id (`shard_classes`, a few glob patterns, since
pathspec tests every file against every pattern). Shard 0 builds into `output`
everything but the other shards' document pages; shard k builds only its own,
into `out-shard-<k>/` in the build folder, kept for its next `--dirty` build.
MkDocs still sees every file (an excluded one is only not built): a link to a
page of another shard gets the same relative URL and is logged at INFO, a nav
entry gets its page with the nav's title. Afterwards the shards' document pages
are hard-linked into `output` and the sitemap, the one output that lists the
pages a process built, is merged (`merge_sitemap`), so `output` is byte for byte
what one MkDocs run writes. What a shard does not check: anchors in links to
another shard's pages (MkDocs logs those at INFO anyway), and an `exclude_docs:`
of the inherited config (the repository's has none).
"""

from __future__ import annotations

import contextlib
import gzip
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from generator.write.files import link_or_copy, remove

MKDOCS_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
"""The repository's MkDocs configuration, inherited by the build folder's."""

OVERRIDES = Path(__file__).resolve().parents[2] / "templates" / "overrides"
"""Material theme overrides (the header's search box); MkDocs resolves `custom_dir` against the
inheriting config, so the build folder's config names it again."""

DIRTY_NOTICE = "A 'dirty' build is being performed"
"""The start of the warning MkDocs logs on every `--dirty` build."""

SHARDS = min(os.cpu_count() or 1, 4)
"""How many MkDocs processes a large site is built by: one per core, at most four."""

SHARD_THRESHOLD = 200
"""The fewest document pages built in shards (at 200, on 2 quiet cores: 6.2-8.4 s in one process, 4.8-6.4 s
in two); below it one process is about as fast."""

ID_CLASSES = "0123456789abcdefghijklmnopqrstuvwxyz"
"""The characters an id may end with, dealt out to the shards in turn (any other goes to shard 0)."""

EXCLUDED = "excluded from the built site"
"""In the INFO lines MkDocs logs for each link to (or nav entry of) a page another shard builds."""

SITEMAP = "sitemap.xml"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


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


def _command(config: Path, output: Path, dirty: bool) -> list[str]:
    """Not `--quiet`: it drops warnings before `--strict` counts them."""
    mode = ["--dirty", "--no-strict"] if dirty else ["--clean", "--strict"]
    return [sys.executable, "-m", "mkdocs", "build", *mode, "-f", str(config), "-d", str(output)]


def _environment(epoch: str) -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


def _check(returncode: int, log: str, dirty: bool, name: str = "mkdocs build") -> None:
    """BuildError if MkDocs failed or, on a dirty build, logged a warning other than its dirty notice."""
    if returncode != 0:
        raise BuildError(f"{name} failed with exit status {returncode}:\n{log}")
    if dirty and _warnings(log):
        raise BuildError(f"{name} --dirty logged warnings (strict):\n" + "\n".join(_warnings(log)))


def run_mkdocs(folder: Path, output: Path, epoch: str, dirty: bool = False) -> str:
    """`python -m mkdocs build` of the build folder into `output` (in shards when the site is large);
    its log, or BuildError."""
    documents = document_ids(folder / "docs")
    shards = SHARDS if len(documents) >= SHARD_THRESHOLD else 1
    _remove_other_shards(folder, shards if shards > 1 else 0)
    if shards > 1:
        return _run_shards(folder, output, epoch, dirty, shard_classes(shards), documents)
    command = _command(folder / "mkdocs.yml", output, dirty)
    result = subprocess.run(command, cwd=folder, env=_environment(epoch), capture_output=True, text=True, check=False)
    _check(result.returncode, f"{result.stderr}{result.stdout}", dirty)
    return result.stderr


# --- shards ------------------------------------------------------------------


def document_ids(docs: Path) -> list[str]:
    """The ids of the document pages (`documents/<id>/index.md`) in the docs folder, sorted."""
    folder = docs / "documents"
    return sorted(p.name for p in folder.iterdir() if (p / "index.md").is_file()) if folder.is_dir() else []


def shard_classes(shards: int) -> list[str]:
    """The last characters of the ids of each shard's document pages; shard 0's are also those of any id
    ending otherwise."""
    return [ID_CLASSES[k::shards] for k in range(shards)]


def shard_of(identifier: str, classes: list[str]) -> int:
    """The shard that builds the document page of `identifier` (as its config's glob decides)."""
    return next((k for k, chars in enumerate(classes) if k > 0 and identifier[-1:] and identifier[-1] in chars), 0)


def shard_config(k: int, classes: list[str]) -> str:
    """Shard k's config: the folder's, minus the document pages of the other shards (shard 0), or minus
    everything but its own document pages (k > 0). Gitignore patterns: the last that matches decides."""
    if k == 0:
        patterns = [f"/documents/*[{''.join(classes[1:])}]/index.md"]
    else:
        patterns = ["/*", "!/documents/", "/documents/*", f"!/documents/*[{classes[k]}]/",
                    f"/documents/*[{classes[k]}]/*", f"!/documents/*[{classes[k]}]/index.md"]
    lines = "".join(f"  {p}\n" for p in patterns)
    return f"# Written by generator/write/mkdocs.py (shard {k}).\nINHERIT: mkdocs.yml\nexclude_docs: |\n{lines}"


def shard_output(folder: Path, output: Path, k: int) -> Path:
    """Where shard k writes: `output` for shard 0, its own folder in the build folder for the others."""
    return output if k == 0 else folder / f"out-shard-{k}"


def _run_shards(folder: Path, output: Path, epoch: str, dirty: bool, classes: list[str],
                documents: list[str]) -> str:
    """All shards at once; their document pages linked into `output`, their sitemaps merged."""
    logs = []
    with contextlib.ExitStack() as stack:
        processes = []
        for k in range(len(classes)):
            config = folder / f"mkdocs.shard-{k}.yml"
            config.write_text(shard_config(k, classes), encoding="utf-8")
            log = stack.enter_context(tempfile.TemporaryFile())  # a file, not a pipe: no one need drain it
            command = _command(config, shard_output(folder, output, k), dirty)
            processes.append((subprocess.Popen(command, cwd=folder, env=_environment(epoch), stdout=log,
                                               stderr=subprocess.STDOUT), log))
            stack.callback(_stop, processes[-1][0])
        for process, log in processes:
            process.wait()
            log.seek(0)
            logs.append((process.returncode, log.read().decode("utf-8", "replace")))
    for k, (returncode, log) in enumerate(logs):
        _check(returncode, log, dirty, f"mkdocs build (shard {k} of {len(classes)})")
    shares = [[d for d in documents if shard_of(d, classes) == k] for k in range(len(classes))]
    for k in range(1, len(classes)):
        _link_pages(shard_output(folder, output, k), output, shares[k])
    merge_sitemap(folder, output, [shard_output(folder, output, k) for k in range(len(classes))], classes)
    return "".join(line for _, log in logs for line in log.splitlines(keepends=True) if EXCLUDED not in line)


def _stop(process: subprocess.Popen) -> None:
    """End a shard's MkDocs if it still runs (another failed to start, or the build was interrupted)."""
    if process.poll() is None:
        process.kill()
        process.wait()


def _remove_other_shards(folder: Path, shards: int) -> None:
    """The output folders and configs of shards this build does not run (fewer cores, a smaller site)."""
    for other in (*folder.glob("out-shard-*"), *folder.glob("mkdocs.shard-*.yml")):
        number = other.name.removeprefix("out-shard-").removeprefix("mkdocs.shard-").removesuffix(".yml")
        if not number.isdigit() or int(number) >= shards:
            remove(other)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    """The same inode (linked), or a copy of it that MkDocs has not rewritten since (size and mtime)."""
    return os.path.samestat(a, b) or (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns)


def _link_pages(source: Path, output: Path, share: list[str]) -> None:
    """A shard's document pages into `output`: hard links (copies where the file system has none); the
    pages it holds of documents gone or now in another shard's share are removed from its folder."""
    keep = set(share)
    for page in sorted((source / "documents").glob("*/index.html")):
        if page.parent.name not in keep:
            page.unlink()
    for identifier in share:
        page, target = (folder / "documents" / identifier / "index.html" for folder in (source, output))
        if not page.is_file():
            raise BuildError(f"mkdocs build wrote no {page}")
        if target.is_file() and _same_file(page.stat(), target.stat()):
            continue
        target.unlink(missing_ok=True)
        link_or_copy(page, target)


def _sitemap_entries(path: Path) -> list[tuple[str, str | None]]:
    """The (loc, lastmod) of each <url> of a sitemap MkDocs wrote."""
    entries = []
    for url in ET.parse(path).getroot().iter(f"{SITEMAP_NS}url"):
        lastmod = url.find(f"{SITEMAP_NS}lastmod")
        entries.append((url.findtext(f"{SITEMAP_NS}loc", ""), None if lastmod is None else lastmod.text))
    return entries


def _page_shards(docs: Path, classes: list[str]) -> list[int]:
    """The shard of each page of the docs folder, in the order MkDocs lists its pages (`file_sort_key`)."""
    from mkdocs.structure.files import File, file_sort_key

    sources = [os.path.relpath(os.path.join(d, n), docs).replace(os.sep, "/")
               for d, _, names in os.walk(docs, followlinks=True) for n in names if n.endswith(".md")]
    files = sorted((File(s, str(docs), str(docs), True) for s in sources if not s.startswith(".")
                    and "/." not in s and not s.startswith("templates/")), key=file_sort_key)
    shards = []
    for file in files:
        parts = PurePosixPath(file.src_uri).parts
        document = len(parts) == 3 and parts[0] == "documents" and parts[2] == "index.md"
        shards.append(shard_of(parts[1], classes) if document else 0)
    return shards


def merge_sitemap(folder: Path, output: Path, outputs: list[Path], classes: list[str]) -> None:
    """`output`'s sitemap.xml and .gz, listing every page as one MkDocs run does: each shard's sitemap
    lists the pages it built, in MkDocs' order; they are read with ElementTree, interleaved in the
    order MkDocs lists all the pages, and written by MkDocs' own sitemap template (the theme's, through
    the build folder's config) and, gzipped, with the time shard 0's .gz holds."""
    entries = [_sitemap_entries(out / SITEMAP) for out in outputs]
    if not any(entries[1:]):  # no site_url (no page listed), or no page in the other shards
        return
    shards = _page_shards(folder / "docs", classes)
    for k, listed in enumerate(entries):
        if len(listed) != shards.count(k):
            raise BuildError(f"the sitemap of MkDocs shard {k} lists {len(listed)} pages, not {shards.count(k)}")
    queues = [iter(listed) for listed in entries]
    pages = []
    for k in shards:
        loc, lastmod = next(queues[k])
        pages.append(SimpleNamespace(page=SimpleNamespace(is_link=False, canonical_url=loc, abs_url=None,
                                                          update_date=lastmod)))
    data = _sitemap_template(folder).render(pages=pages).encode("utf-8")
    with gzip.open(output / f"{SITEMAP}.gz") as built:
        built.read()
        mtime = built.mtime
    (output / SITEMAP).write_bytes(data)
    gz_path = output / f"{SITEMAP}.gz"
    with gz_path.open("wb") as file, gzip.GzipFile(fileobj=file, filename=str(gz_path), mode="wb", mtime=mtime) as gz:
        gz.write(data)


def _sitemap_template(folder: Path):  # -> jinja2.Template
    """The sitemap template MkDocs renders for the build folder's config (its theme's, or MkDocs')."""
    from mkdocs.config import load_config

    return load_config(str(folder / "mkdocs.yml")).theme.get_env().get_template(SITEMAP)
