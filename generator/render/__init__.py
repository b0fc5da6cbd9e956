"""Render stage: the aligned, analysed corpus into Markdown pages and data files, in memory.

urls (the URL scheme) → groups (listings) → context (the one place template
contexts are built) → pages (Jinja2 templates) and export (open data).
"""

from generator.render.pages import render_site

__all__ = ["render_site"]
