"""Render stage: turn the corpus into the build folder's files, in memory.

The Jinja2 environment autoescapes everything and fails on undefined names;
templates receive only the plain data built by `generator.render.context`. Source
text is only ever a *value* in that data, never part of a template. The
result is a mapping of paths (relative to the build folder's `docs/`) to file
contents; writing them is `generator.write`'s job.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.render import context
from generator.cache import keep, lookup
from generator.render.documents import Stored, document_files, templates_version
from generator.render.export import export_data, to_json
from generator.render.feeds import feeds
from generator.render.opendata import open_data
from generator.render.urls import DATA_FILE, page_source

if TYPE_CHECKING:
    from generator.model import Corpus

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
"""Templates (`templates/pages/`) and static assets (`templates/assets/`)."""

PageBuilder = Callable[["Corpus"], list[dict[str, object]]]
"""A site page's context builder: the corpus → the contexts of its pages (each knows its URL)."""


def _one(build: Callable[[Corpus], dict[str, object]]) -> PageBuilder:
    """A builder of one page as a builder of a list of pages."""
    return lambda corpus: [build(corpus)]


SITE_PAGES: tuple[tuple[str, PageBuilder], ...] = (
    ("home.md.j2", _one(context.home_context)),
    ("listing.md.j2", context.documents_pages),
    ("listing.md.j2", context.issuers_pages),
    ("listing.md.j2", context.categories_pages),
    ("principles.md.j2", context.principles_pages),
    ("tags.md.j2", context.tags_pages),
    ("data.md.j2", _one(context.data_context)),
)
"""The site's own pages: template and context builder. A builder returns a list: a site page
may be many pages (an index and its group pages), all laid out by the same template."""


def yaml_front_matter(data: dict[str, object]) -> Markup:
    """Front matter as YAML; yaml.safe_dump quotes whatever YAML would misread (`: x`, `#`, `"`)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1_000_000)
    return Markup(text)


def environment(templates: Path = TEMPLATES) -> Environment:
    """The Jinja2 environment for page templates."""
    env = Environment(
        loader=FileSystemLoader(str(templates / "pages")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_front_matter
    return env


def render_page(env: Environment, template: str, page: dict[str, object]) -> str:
    """One page's Markdown from its template and context."""
    return env.get_template(template).render(page=page)


def _site_page(env: Environment, template: str, page: dict[str, object], cache: Path | None) -> str:
    """A site page's Markdown, from the cache in `cache` (None: none) under a digest of its template and
    context: a rebuild builds every site page's context, and renders only those that changed."""
    if cache is None:
        return render_page(env, template, page)
    key = hashlib.sha256(f"{templates_version()}\0{template}\0".encode() + pickle.dumps(page, protocol=5)).hexdigest()
    hit, text = lookup(cache, key)
    if not hit:
        text = render_page(env, template, page)
        keep(cache, key, text)
    return str(text)


def render_files(corpus: Corpus, env: Environment | None = None, site_url: str | None = None,
                 cache: Path | None = None) -> Generator[tuple[str, str | Stored], None, None]:
    """Every page, data file and feed of the site, `(path inside docs/, content)`, one at a time (the
    write stage writes each as it comes, so the whole site is never in memory). A content is text, or
    with a `cache` a document's file unchanged since it was rendered (`Stored`: its digest, and its text
    when asked).

    `site_url` (SITE_URL) makes the feeds' links absolute; without it they are relative. Document
    files are rendered with the default templates, through the cache in `cache` if given
    (`generator.render.documents`).
    """
    pages_cache = cache if env is None else None  # the cache holds what the default templates render
    env = env or environment()
    for template, build_pages in SITE_PAGES:
        for page in build_pages(corpus):
            yield page_source(str(page["url"])), _site_page(env, template, page, pages_cache)
    entries = yield from document_files(corpus, site_url, cache)
    data = export_data(corpus, entries)
    yield DATA_FILE, to_json(data)
    yield from open_data(data).items()
    yield from feeds(corpus, site_url).items()


def render_site(corpus: Corpus, env: Environment | None = None, site_url: str | None = None,
                cache: Path | None = None) -> dict[str, str]:
    """`render_files` as a mapping sorted by path, every content as text (tests, tools)."""
    files = render_files(corpus, env, site_url, cache)
    return {path: text if isinstance(text, str) else text.text() for path, text in sorted(files)}
