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
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import cached_map, code_version, tree_digest
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
    for part in (document.source_file, document.translation_file or "", *document.source_lines, "\0",
                 *document.translation_lines):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\n")
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
                   ) -> Generator[tuple[str, str], None, dict[str, dict[str, object]]]:
    """Every document's files, `(path inside docs/, content)`, a batch of `BATCH` at a time; rendered
    texts come from the cache in `folder` where they can (None: no cache). Returns the catalogue
    entries, by document id."""
    entries: dict[str, dict[str, object]] = {}
    for start in range(0, len(corpus.documents), BATCH):
        batch = corpus.documents[start:start + BATCH]
        if folder is None:
            rendered: tuple[Rendered, ...] = tuple(_render(corpus, a, site_url) for a in batch)
        else:
            job_keys = [job_key(a, facts(corpus, a, site_url)) for a in batch]
            with rendering(corpus, site_url):
                rendered, _ = cached_map(render_document, range(start, start + len(batch)), job_keys, folder)
        for aligned, (page, download, data, tmx, entry) in zip(batch, rendered):
            document_id = aligned.document.id
            yield page_source(document_url(document_id)), page
            yield f"{DOCUMENT_FILES}{document_id}.md.txt", download
            yield document_file(document_id), data
            yield f"{DOCUMENT_FILES}{document_id}.tmx", tmx
            yield from source_files(aligned).items()
            entries[document_id] = entry
    return entries
