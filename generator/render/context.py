"""Render stage: the template context of every page, built in this one place.

Every function here turns the model into plain data (dicts, lists, strings,
numbers, booleans) for one page; templates only lay that data out. Hrefs are
final (relative to the page), source text is still raw text or spans from
`generator.read.inline` — escaping is the templates' autoescaping, never done here
except for front matter, whose values MkDocs/Material print as HTML.

The builders live by page: `generator.render.document` (document pages),
`generator.render.listings` (home, listings, principles, data, tags), with shared
helpers in `generator.render.common`; this module gathers them.
"""

from __future__ import annotations

from generator.render.common import citation, coverage, document_titles, front_matter, lang_of, section_anchor
from generator.render.document import document_context, heading_depths
from generator.render.listings import (
    categories_pages, data_context, documents_pages, home_context, issuers_pages, principles_pages, tags_pages)

__all__ = [
    "categories_pages", "citation", "coverage", "data_context", "document_context", "document_titles",
    "documents_pages", "front_matter", "heading_depths", "home_context", "issuers_pages", "lang_of",
    "principles_pages", "section_anchor", "tags_pages",
]
