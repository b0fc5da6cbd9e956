"""Render stage: the site's URL scheme and relative links between its pages.

Pages are addressed by site-relative directory URLs (`""` for the home page,
`documents/<id>/` for a document); templates only ever receive hrefs that
`relative_href` computed for the page being rendered, so the built site works
from any base path and from `file://`.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

HOME = ""
DOCUMENTS = "documents/"
ISSUERS = "issuers/"
CATEGORIES = "categories/"
PRINCIPLES = "principles/"
YEARS = "years/"
"""Per year: `years/<year>/` (the index of years is `documents/`)."""
TAGS = "tags/"
DATA = "data/"
DATA_FILE = "data/documents.json"
CSV_FILE = "data/documents.csv"
SCHEMA_FILE = "data/documents.schema.json"
LICENSE_FILE = "data/LICENSE.txt"
DOCUMENT_FILES = "data/documents/"
"""Per document: `data/documents/<id>.json`."""
FEED = "feeds/atom.xml"
"""The site-wide Atom feed."""
ISSUER_FEEDS = "feeds/issuers/"
"""Per issuer: `feeds/issuers/<issuer slug>.xml`."""

_UNSAFE_ID = re.compile(r"[\s#%?/\\\"'<>&`]+")


def document_url(document_id: str) -> str:
    """Site-relative URL of a document's page."""
    return f"{DOCUMENTS}{document_id}/"


def page_source(url: str) -> str:
    """The Markdown file (inside the build folder) that MkDocs turns into `url`."""
    return f"{url}index.md"


def fragment(anchor: str) -> str:
    """`#anchor` with characters that are not allowed raw in a URL percent-encoded."""
    return "#" + quote(anchor, safe="-._~:!$'()*+,;=@")


def anchor_id(prefix: str, text: str) -> str:
    """A readable element id from free text (`issuer-工业和信息化部`)."""
    cleaned = _UNSAFE_ID.sub("-", text).strip("-")
    return f"{prefix}-{cleaned}" if cleaned else prefix


def relative_href(from_url: str, to_url: str) -> str:
    """The href that leads from page `from_url` to `to_url` (which may carry `#anchor`)."""
    path, hash_mark, anchor = to_url.partition("#")
    tail = f"#{anchor}" if hash_mark else ""
    if path == from_url and tail:
        return tail
    start = from_url.rstrip("/") or "."
    target = path.rstrip("/") or "."
    relative = _relpath(target, start)
    if path.endswith("/") or path == "":
        relative = "./" if relative == "." else relative + "/"
    return relative + tail


def _relpath(target: str, start: str) -> str:
    """`posixpath.relpath(target, start)` for site-relative paths, by their segments (relpath
    resolves both against the working directory, the cost of every listing's every link)."""
    starts = [] if start == "." else start.split("/")
    targets = [] if target == "." else target.split("/")
    if any(part in ("", ".", "..") for part in starts + targets):
        return posixpath.relpath(target, start)
    common = 0
    for a, b in zip(starts, targets):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(starts) - common) + targets[common:]) or "."
