"""Principles stage: the principles of every document, merged across the corpus.

Finding them is `statements` (the sections — 基本原则, 发展原则, 工作原则 … —
and the written forms); their names and the glossary are `names`. Here they
are merged: every Chinese name (坚持 and separators normalised) and every
English name (case, hyphens and "Adhere to" normalised) is a node; the glossary
(`data/principles.tsv`) and the corpus's pairs link Chinese and English nodes.
A group never holds two different Chinese names, so 开放合作 and 开放有序 stay
apart even if some translator rendered both alike. A principle's group is its
Chinese name's when it has one, else its English name's. The group's key is
an ASCII slug of its canonical English name, else of the pinyin of its Chinese
name; see `_keys`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from generator.analyse.names import (
    GlossaryEntry,
    en_form,
    en_node,
    glossary_owners,
    load_glossary,
    zh_form,
    zh_node,
)
from generator.analyse.statements import Statement, find_statements, is_principles_heading, parse_en, parse_zh
from generator.model import AlignedDocument, Principle, PrincipleEntry, PrincipleIndex
from generator.text import pinyin_slug  # keys without English are spelt as document ids are

__all__ = [
    "GlossaryEntry",
    "collect_principles",
    "find_statements",
    "is_principles_heading",
    "load_glossary",
    "parse_en",
    "parse_zh",
]

# --- grouping names into principles ------------------------------------------------------------


class _Groups:
    """Union-find over name nodes; a group holds at most one Chinese name."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._zh: dict[str, str | None] = {}

    def find(self, node: str) -> str:
        if node not in self._parent:
            self._parent[node] = node
            self._zh[node] = node if node.startswith("zh:") else None
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        self._parent[node] = root
        return root

    def link(self, zh: str, en: str) -> bool:
        """Join the groups of `zh` and `en` unless that would join two Chinese names."""
        a, b = self.find(zh), self.find(en)
        if a == b:
            return True
        if self._zh[a] and self._zh[b]:
            return False
        self._parent[b] = a
        self._zh[a] = self._zh[a] or self._zh[b]
        return True


def _group(statements: Sequence[Statement], glossary: Sequence[GlossaryEntry]) -> tuple[_Groups, list[str]]:
    """The groups, and each statement's group root (same order as `statements`)."""
    groups = _Groups()
    for entry in glossary:
        for en in entry.en:
            groups.link(zh_node(entry.zh), en_node(en))
    pairs = Counter((zh_node(s.name_zh), en_node(s.name_en)) for s in statements if s.name_zh and s.name_en)
    for (zh, en), _ in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        groups.link(zh, en)  # most frequent pairing first; a conflicting one is not followed
    roots = [groups.find(zh_node(s.name_zh) if s.name_zh else en_node(s.name_en or "")) for s in statements]
    return groups, roots


def _most_frequent(forms: Iterable[str]) -> str | None:
    counts = Counter(forms)
    return min(counts, key=lambda f: (-counts[f], len(f), f)) if counts else None


def _canonical_names(
    groups: _Groups, roots: Sequence[str], statements: Sequence[Statement], glossary: Sequence[GlossaryEntry]
) -> dict[str, tuple[str | None, str | None]]:
    """Group root → (canonical Chinese, canonical English): the glossary's, else the most frequent."""
    names: dict[str, tuple[str | None, str | None]] = {}
    for root in sorted(set(roots)):
        members = [s for s, r in zip(statements, roots) if r == root]
        zh = _most_frequent(zh_form(s.name_zh) for s in members if s.name_zh)
        en = _most_frequent(en_form(s.name_en) for s in members if s.name_en)
        names[root] = (zh, en)
    for entry in glossary:
        root = groups.find(zh_node(entry.zh))
        if root in names:
            names[root] = (entry.zh, entry.en[0])
    return names


def slug(text: str) -> str:
    """Lower-case ASCII words of `text` joined by hyphens (`Openness and orderliness` → `openness-and-orderliness`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _keys(names: dict[str, tuple[str | None, str | None]]) -> dict[str, str]:
    """Group root → key. Keys that would collide all get a suffix hashed from their own group."""
    base = {root: slug(en) if en else pinyin_slug(zh or "") for root, (zh, en) in names.items()}
    counts = Counter(base.values())
    keys = {}
    for root, key in base.items():
        if not key or counts[key] > 1:
            digest = hashlib.sha1(root.encode("utf-8")).hexdigest()[:6]
            key = f"{key}-{digest}" if key else f"principle-{digest}"
        keys[root] = key
    return keys


# --- the index ---------------------------------------------------------------------------------


def _document_principles(statements: Sequence[Statement], keys: Sequence[str]) -> tuple[Principle, ...]:
    """One Principle per key: a zh-only and an en-only statement of one key are combined."""
    merged: dict[str, Principle] = {}
    for s, key in zip(statements, keys):
        found = Principle(key, s.name_zh, s.name_en, s.text_zh, s.text_en, s.row)
        first = merged.setdefault(key, found)
        if first is not found:
            merged[key] = replace(
                first,
                name_zh=first.name_zh or found.name_zh,
                text_zh=first.text_zh if first.name_zh else found.text_zh,
                name_en=first.name_en or found.name_en,
                text_en=first.text_en if first.name_en else found.text_en,
            )
    return tuple(merged.values())


def document_statements(document: AlignedDocument) -> list[Statement]:
    """The principles one document states, before the corpus gives them keys: the per-document part of
    the work, cacheable (the glossary is the package's own data file)."""
    return find_statements(document, _owners())


@cache
def _owners() -> dict[str, str]:
    return glossary_owners(load_glossary())


def collect_principles(
    documents: Sequence[AlignedDocument], glossary: Sequence[GlossaryEntry] | None = None,
    statements: Sequence[list[Statement]] | None = None,
) -> PrincipleIndex:
    """Every document's principles and the corpus-wide entries (glossary: `data/principles.tsv`).
    `statements`: each document's `document_statements`, when already found (cached)."""
    glossary = load_glossary() if glossary is None else glossary
    owners = glossary_owners(glossary)
    if statements is None:
        statements = [find_statements(d, owners) for d in documents]
    per_document = [(d.document.id, found) for d, found in zip(documents, statements, strict=True)]
    statements = [s for _, found in per_document for s in found]
    groups, roots = _group(statements, glossary)
    names = _canonical_names(groups, roots, statements, glossary)
    keys = _keys(names)
    by_document = []
    position = 0
    for doc_id, found in per_document:
        doc_keys = [keys[r] for r in roots[position : position + len(found)]]
        by_document.append((doc_id, _document_principles(found, doc_keys)))
        position += len(found)
    return PrincipleIndex(by_document=tuple(by_document), entries=_entries(by_document, names, keys))


def _entries(
    by_document: Sequence[tuple[str, tuple[Principle, ...]]],
    names: dict[str, tuple[str | None, str | None]],
    keys: dict[str, str],
) -> tuple[PrincipleEntry, ...]:
    documents: dict[str, list[str]] = {}
    for doc_id, principles in by_document:
        for p in principles:
            documents.setdefault(p.key, []).append(doc_id)
    entries = [PrincipleEntry(keys[r], zh, en, tuple(documents[keys[r]])) for r, (zh, en) in names.items()]
    return tuple(sorted(entries, key=lambda e: (-len(e.documents), e.key)))
