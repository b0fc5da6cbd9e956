"""Render stage: each document's page and Markdown download, rendered once per context.

A document page is a function of its template context alone (`generator.render.
context.document_context`: the document and what the corpus says of it — keywords,
principles, references, status). So the rendered text is cached under a digest of
the context, the templates and the code (`generator.cache`): a rebuild renders
only the pages whose context changed, and a cold build renders on every core.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import cached_map, code_version
from generator.render import context
from generator.render.downloads import download_context, source_files
from generator.render.urls import DOCUMENT_FILES, page_source

if TYPE_CHECKING:
    from jinja2 import Environment

    from generator.model import Corpus

Job = tuple[tuple[str, dict[str, object]], ...]
"""(template, context) of each file rendered for one document."""


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


def render_job(job: Job) -> tuple[str, ...]:
    """The texts of a document's files (module level: worker processes receive it by name)."""
    env = _environment()
    return tuple(env.get_template(template).render(page=page) for template, page in job)


def document_files(corpus: Corpus, site_url: str | None, folder: Path | None) -> dict[str, str]:
    """Every document's page, Markdown download and source text: `{path inside docs/: content}`;
    rendered texts come from the cache in `folder` where they can (None: no cache)."""
    jobs: list[Job] = [
        (("document.md.j2", context.document_context(corpus, a)), ("download.md.j2", download_context(a, site_url)))
        for a in corpus.documents]
    rendered, _ = cached_map(render_job, jobs, [job_key(j) for j in jobs], folder)
    files: dict[str, str] = {}
    for aligned, job, (page, download) in zip(corpus.documents, jobs, rendered):
        files[page_source(str(job[0][1]["url"]))] = page
        files[f"{DOCUMENT_FILES}{aligned.document.id}.md.txt"] = download
        files |= source_files(aligned)
    return files
