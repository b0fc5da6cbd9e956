"""Shared by the read, check and render stages: the inline subset's link syntax and safe targets.

A link is written `[text](target)`. Only `http:`/`https:` URLs and in-page
anchors (`#…`) are safe; any other target (`javascript:`, `data:`, relative
paths, `mailto:` …) is dropped by the renderer and reported by the check.
"""

from __future__ import annotations

import re

LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\((?P<target>(?:[^()\s]|\([^()\s]*\))*)\)")
"""A Markdown inline link as the seed family writes it."""

_SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def is_safe_target(target: str) -> bool:
    """True for an http(s) URL or an in-page anchor."""
    return target.startswith("#") or bool(_SAFE_URL.fullmatch(target))
