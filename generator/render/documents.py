"""Render stage: each document's files, rendered once per context.

A document's page, Markdown download, data (`data/documents/<id>.json`) and
translation memory (`<id>.tmx`) are functions of the document and of what the
corpus says of it (`facts`: keywords and where their tags are listed,
principles and their entries, references from and to it and the documents at
their other end, statuses, the year the corpus speaks of), with the templates
and the code. So the rendered texts are cached under a digest of those
(`generator.cache`): a rebuild builds the contexts of, and renders, only the
documents whose facts changed; a cold build renders on every core; and the
documents are rendered a batch at a time, so that the texts of the whole corpus
are never held in memory at once. `tests/test_incremental.py` checks that equal
facts give equal contexts when the corpus around a document changes.
"""

from __future__ import annotations

import hashlib
import html
import pickle
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import cached_map, code_version, keep, lookup, tree_digest
from generator.render import context, groups
from generator.render.crossrefs import as_of_year
from generator.render.downloads import download_context, source_files
from generator.render.export import catalogue_entry, document_data, document_file, to_json
from generator.render.opendata import document_tmx
from generator.render.urls import DOCUMENT_FILES, document_url, page_source

if TYPE_CHECKING:
    from jinja2 import Environment

    from generator.model import AlignedDocument, Corpus, Document

Rendered = tuple[str, str, str, str, dict[str, object]]
"""Its page, Markdown download, data as JSON, translation memory, and its catalogue entry."""
BATCH = 500
"""Documents rendered at a time."""
Summary = tuple[tuple[str, ...], dict[str, object]]
"""What a rebuild needs of a document's rendered files when they did not change: the digests of its files
(sha256 of their UTF-8 bytes, in `Rendered` order) and its catalogue entry. Cached beside the files."""


@dataclass(frozen=True)
class Stored:
    """A document's file as the pages cache holds it: its digest, and its text read only when asked for.
    A rebuild compares the digest with what the build folder holds, and reads nothing of a file that
    did not change (at 10,000 documents, ~600 MB of text unpickled and digested on every rebuild)."""

    digest: str
    """`file_digest` of the file's UTF-8 bytes (as the write stage digests what it writes)."""
    folder: Path
    """The pages cache."""
    key: str
    """The document's entry there (`job_key`)."""
    part: int
    """Which of the entry's files (index into `Rendered`)."""

    def text(self) -> str:
        """The file's text, read from the cache."""
        return str(_rendered(self.folder, self.key)[self.part])


@lru_cache(maxsize=2)
def _rendered(folder: Path, key: str) -> Rendered:
    hit, value = lookup(folder, key)
    if not hit:
        raise FileNotFoundError(f"{folder / key}: the rendered document left the cache during the build")
    return value  # type: ignore[return-value]


def file_digest(data: bytes) -> str:
    """A file's digest, by which the write stage knows whether the build folder holds it already."""
    return hashlib.sha256(data).hexdigest()


def _summary_key(key: str) -> str:
    return hashlib.sha256(f"summary\0{key}".encode()).hexdigest()


@cache
def _environment() -> Environment:
    from generator.render.pages import environment  # pages imports this module

    return environment()


@cache
def templates_version() -> str:
    """A digest of the page templates (they live outside the `generator` package) and the code."""
    from generator.render.pages import TEMPLATES

    digest = hashlib.sha256(code_version().encode())
    tree_digest(digest, TEMPLATES / "pages")
    return digest.hexdigest()


def facts(corpus: Corpus, aligned: AlignedDocument, site_url: str | None) -> tuple[object, ...]:
    """Everything a document's files depend on besides the document itself: what the corpus says of it.
    Conservative (more than the pages show), never less: a fact missing here would leave a page stale."""
    document_id = aligned.document.id
    keywords = corpus.keywords.get(document_id, ())
    principles = corpus.principles.for_document(document_id)
    cites, cited = corpus.references_from(document_id), corpus.references_to(document_id)
    statuses = {i: corpus.status_of(i) for i in {document_id} | {r.target for r in cites} | {r.source for r in cited}}
    related = sorted({i for i in statuses if i != document_id} | {s.by for s in statuses.values() if s and s.by})
    return (
        site_url, keywords, tuple(groups.tag_url(html.escape(k, quote=True), corpus) for k in keywords),
        principles, tuple(corpus.principles.entry(p.key) for p in principles), cites, cited, sorted(statuses.items()),
        tuple((i, corpus.position(i), _identity(corpus.document(i).document)) for i in related),
        as_of_year(corpus),
    )


def _identity(document: Document) -> tuple[object, ...]:
    """What a page shows of another document: its id, metadata and section titles."""
    return (document.id, document.metadata, tuple((s.title_zh, s.title_en) for s in document.sections))


def job_key(aligned: AlignedDocument, facts: tuple[object, ...]) -> str:
    """The cache key of a document's rendering: the document as read (its files' names and lines, its id),
    its facts, the templates and the code (which made the rest of the aligned document from those)."""
    document = aligned.document
    digest = hashlib.sha256(f"{templates_version()}\0{document.id}\0".encode())
    parts = (document.source_file, document.translation_file or "", *document.source_lines, "\0",
             *document.translation_lines)
    digest.update("\n".join(parts).encode("utf-8", "surrogatepass"))  # one encode: 2.1 million lines at 10,000
    digest.update(pickle.dumps(facts, protocol=5))
    return digest.hexdigest()


def _render(corpus: Corpus, aligned: AlignedDocument, site_url: str | None) -> Rendered:
    """A document's rendered files: its page and download from their contexts, its data and translation memory."""
    env, data = _environment(), document_data(corpus, aligned)
    page = env.get_template("document.md.j2").render(page=context.document_context(corpus, aligned))
    download = env.get_template("download.md.j2").render(page=download_context(aligned, site_url))
    return page, download, to_json(data), document_tmx(data), catalogue_entry(data)


_RENDERING: tuple[Corpus, str | None] | None = None
"""The corpus being rendered and its SITE_URL, while `rendering` lasts: worker processes are forked from
this one (`generator.cache`), so each builds its documents' contexts from the corpus as this process
holds it, instead of receiving every context pickled (at 2,000 documents the contexts took 11.5 s
on one core, and were then pickled to the workers)."""


@contextmanager
def rendering(corpus: Corpus, site_url: str | None) -> Iterator[None]:
    """`render_document` renders documents of `corpus` while this lasts."""
    global _RENDERING
    _RENDERING = (corpus, site_url)
    try:
        yield
    finally:
        _RENDERING = None


def render_document(index: int) -> Rendered:
    """The files of the corpus' document number `index` (module level: worker processes receive it by
    name), within `rendering`."""
    assert _RENDERING is not None, "render_document outside rendering()"
    corpus, site_url = _RENDERING
    return _render(corpus, corpus.documents[index], site_url)


def document_files(corpus: Corpus, site_url: str | None, folder: Path | None
                   ) -> Generator[tuple[str, str | Stored], None, dict[str, dict[str, object]]]:
    """Every document's files, `(path inside docs/, content)`, a batch of `BATCH` at a time. Without a cache
    (`folder` None) every content is text. With one, a document rendered in an earlier build with the same
    key gives `Stored` contents (its summary is in the cache), the others are rendered or read from the
    cache. Returns the catalogue entries, by document id."""
    entries: dict[str, dict[str, object]] = {}
    for start in range(0, len(corpus.documents), BATCH):
        batch = corpus.documents[start:start + BATCH]
        if folder is None:
            contents: list[tuple[str | Stored, ...]] = []
            for aligned in batch:
                *texts, entries[aligned.document.id] = _render(corpus, aligned, site_url)
                contents.append(tuple(texts))
        else:
            contents = _cached_contents(corpus, batch, start, site_url, folder, entries)
        for aligned, (page, download, data, tmx) in zip(batch, contents):
            document_id = aligned.document.id
            yield page_source(document_url(document_id)), page
            yield f"{DOCUMENT_FILES}{document_id}.md.txt", download
            yield document_file(document_id), data
            yield f"{DOCUMENT_FILES}{document_id}.tmx", tmx
            yield from source_files(aligned).items()
    return entries


def _cached_contents(corpus: Corpus, batch: tuple[AlignedDocument, ...], start: int, site_url: str | None,
                     folder: Path, entries: dict[str, dict[str, object]]) -> list[tuple[str | Stored, ...]]:
    """A batch's contents through the cache in `folder` (see `document_files`); its entries into `entries`."""
    keys = [job_key(a, facts(corpus, a, site_url)) for a in batch]
    summaries: list[Summary | None] = [lookup(folder, _summary_key(k))[1] for k in keys]  # type: ignore[misc]
    missing = [i for i, summary in enumerate(summaries) if summary is None]
    with rendering(corpus, site_url):
        rendered, _ = cached_map(render_document, [start + i for i in missing], [keys[i] for i in missing], folder)
    contents: list[tuple[str | Stored, ...]] = [
        () if summary is None else tuple(Stored(digest, folder, key, part) for part, digest in enumerate(summary[0]))
        for key, summary in zip(keys, summaries)]
    for i, (*texts, entry) in zip(missing, rendered):
        summaries[i], contents[i] = (tuple(file_digest(t.encode("utf-8")) for t in texts), entry), tuple(texts)
        keep(folder, _summary_key(keys[i]), summaries[i])
    for aligned, summary in zip(batch, summaries):
        entries[aligned.document.id] = summary[1]  # type: ignore[index]
    return contents
