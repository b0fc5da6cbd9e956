"""Render stage: each document's files, rendered once per context.

A document's page, Markdown download, data (`data/documents/<id>.json`) and
translation memory (`<id>.tmx`) are functions of its contexts alone
(`generator.render.context.document_context`: the document and what the corpus
says of it — keywords, principles, references, status; `export.document_data`).
So the rendered texts are cached under a digest of the contexts, the templates
and the code (`generator.cache`): a rebuild renders only the documents whose
context changed, a cold build renders on every core, and the documents are
rendered a batch at a time, so that the texts of the whole corpus are never
held in memory at once.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Generator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import cached_map, code_version
from generator.render import context
from generator.render.downloads import download_context, source_files
from generator.render.export import catalogue_entry, document_data, document_file, to_json
from generator.render.opendata import document_tmx
from generator.render.urls import DOCUMENT_FILES, page_source

if TYPE_CHECKING:
    from jinja2 import Environment

    from generator.model import AlignedDocument, Corpus

Job = tuple[dict[str, object], dict[str, object], dict[str, object]]
"""A document's page context, download context and data."""
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
    for path in sorted(p for p in (TEMPLATES / "pages").rglob("*") if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def job_key(job: Job) -> str:
    """The cache key of a document's rendering: its contexts, the templates and the code."""
    return hashlib.sha256(templates_version().encode() + pickle.dumps(job, protocol=5)).hexdigest()


def render_job(job: Job) -> Rendered:
    """A document's rendered files (module level: worker processes receive it by name)."""
    env = _environment()
    page, download, data = job
    return (env.get_template("document.md.j2").render(page=page), env.get_template("download.md.j2").render(page=download),
            to_json(data), document_tmx(data), catalogue_entry(data))


def _job(corpus: Corpus, aligned: AlignedDocument, site_url: str | None) -> Job:
    return (context.document_context(corpus, aligned), download_context(aligned, site_url),
            document_data(corpus, aligned))


def document_files(corpus: Corpus, site_url: str | None, folder: Path | None
                   ) -> Generator[tuple[str, str], None, dict[str, dict[str, object]]]:
    """Every document's files, `(path inside docs/, content)`, a batch of `BATCH` at a time; rendered
    texts come from the cache in `folder` where they can (None: no cache). Returns the catalogue
    entries, by document id."""
    entries: dict[str, dict[str, object]] = {}
    for start in range(0, len(corpus.documents), BATCH):
        batch = corpus.documents[start:start + BATCH]
        jobs = [_job(corpus, a, site_url) for a in batch]
        rendered, _ = cached_map(render_job, jobs, [job_key(j) for j in jobs], folder)
        for aligned, job, (page, download, data, tmx, entry) in zip(batch, jobs, rendered):
            document_id = aligned.document.id
            yield page_source(str(job[0]["url"])), page
            yield f"{DOCUMENT_FILES}{document_id}.md.txt", download
            yield document_file(document_id), data
            yield f"{DOCUMENT_FILES}{document_id}.tmx", tmx
            yield from source_files(aligned).items()
            entries[document_id] = entry
    return entries
