"""Principles stage: find 基本原则 in aligned documents and merge them across the corpus.

A principles section is the rows after a heading row reading 基本原则 / 原则 /
基本方针 / Basic Principles / Principles, up to the next heading of the same or
a higher level (an unnumbered heading ends it too). In it, a principle is a
paragraph `NAME。STATEMENT` or `Name. Statement`, where the name is short and
may carry a dash, a numbering label or 坚持 (`——系统布局。…`, `（一）坚持系统布局。…`,
`市场主导，政府引导。…`, `Systematic Layout. …`). A row holding both languages
is the aligner's pairing, so its principle gets both names and statements.

Merging: every Chinese name (坚持 and separators normalised) and every English
name (case, hyphens and "Adhere to" normalised) is a node; the glossary
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
from dataclasses import dataclass, replace
from pathlib import Path

from generator.model import AlignedDocument, AlignedSection, Block, Principle, PrincipleEntry, PrincipleIndex, Row
from generator.text import pinyin_slug  # keys without English are spelt as document ids are
from generator.text import has_han

GLOSSARY = Path(__file__).parent.parent / "data" / "principles.tsv"

MAX_NAME_ZH = 12
"""Most characters in a Chinese name (坚持 and separators not counted)."""
MAX_NAME_EN = 6
"""Most words in an English name ("Adhere to" not counted)."""

_HEADING_ZH = re.compile(r"^(?:基本|主要)?原则$|^基本方针$")
_HEADING_EN = re.compile(r"^(?:basic |main )?principles?$", re.IGNORECASE)
_CN_NUM = "一二三四五六七八九十百"
_MARKERS = re.compile(
    r"^(?:\s+|\*{1,2}\s*|[-—–─•·●▪■◆]+\s*"
    rf"|[（(]\s*(?:[{_CN_NUM}]+|\d+|[IVXLCivxlc]+|[a-z])\s*[）)]\s*"
    rf"|[{_CN_NUM}]+[、.．]\s*|\d+\s*[、.．](?!\d)\s*|[IVXLC]+\.\s+|[①-⑳]\s*"
    rf"|[{_CN_NUM}]是[，,]?|第[{_CN_NUM}]+[，、,]\s*)"
)
_ZH_SEPARATOR = re.compile(r"[，、,]")
_ZH_FORBIDDEN = re.compile(r"[：:；;！!？?“”\"《》（）()\n]|如下|以下|下列")
_EN_SENTENCE = re.compile(r"^(?P<name>[^.\n]+?)\.(?:\s+(?P<rest>.*))?$", re.DOTALL)
_EN_NAME = re.compile(r"^[A-Z][A-Za-z'’-]*(?:,?\s+(?:&\s+)?[A-Za-z][A-Za-z'’-]*)*$")
_EN_ADHERE = re.compile(r"^(?:adhere to|adhering to|insist on|insisting on|stick to|persist in|uphold)\s+", re.I)
_EN_NOT_NAME = frozenset("is are was were be been will shall should must can may we it this these they there".split())


@dataclass(frozen=True)
class _Statement:
    """A principle as one row states it, before keys are known."""

    name_zh: str | None
    name_en: str | None
    text_zh: str | None
    text_en: str | None
    row: str


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of the principles glossary: a Chinese name and its English renderings."""

    zh: str
    en: tuple[str, ...]
    """Canonical English name first, then accepted variants."""


# --- finding principles in one document -------------------------------------------------------


def strip_markers(text: str) -> str:
    """`text` without leading whitespace, bullets, dashes, numbering labels and emphasis."""
    previous = None
    while previous != text:
        previous, text = text, _MARKERS.sub("", text, count=1)
    return text


def parse_zh(text: str) -> tuple[str, str] | None:
    """(name, statement) of a Chinese `名称。陈述` item, or None when `text` is not one."""
    name, stop, rest = strip_markers(text).partition("。")
    name, rest = name.replace("*", "").strip(), rest.lstrip("*").strip()
    if not stop or not rest or _ZH_FORBIDDEN.search(name) or not has_han(name):
        return None
    parts = [_strip_jianchi(p.strip()) for p in _ZH_SEPARATOR.split(name)]
    if len(parts) > 3 or any(len(p) < 2 for p in parts) or sum(map(len, parts)) > MAX_NAME_ZH:
        return None
    return name, rest


def parse_en(text: str) -> tuple[str, str] | None:
    """(name, statement) of an English `Name. Statement` item, or None when `text` is not one."""
    match = _EN_SENTENCE.match(strip_markers(text).strip())
    if match is None or not match["rest"]:
        return None
    name, rest = match["name"].replace("*", "").strip(), match["rest"].lstrip("*").strip()
    words = _EN_ADHERE.sub("", name).replace(",", " ").split()
    if not _EN_NAME.match(name) or not rest or len(words) > MAX_NAME_EN:
        return None
    if any(w.lower() in _EN_NOT_NAME for w in words):
        return None
    return name, rest


def is_principles_heading(row: Row) -> bool:
    """True when `row` is a heading reading 基本原则 / 原则 / 基本方针 / (Basic) Principles.

    A paragraph row holding nothing but those words counts too: the reader makes
    unnumbered lines paragraphs, and a bare `基本原则` line is a heading all the same.
    """
    if row.kind not in ("heading", "paragraph"):
        return False
    for block in row.zh + row.en:
        title = strip_markers(block.text).replace("*", "").strip(" ：:.。\u3000")
        if _HEADING_ZH.match(title) or _HEADING_EN.match(title):
            return True
    return False


def principle_rows(section: AlignedSection) -> Iterable[Row]:
    """Rows inside the principles sections of `section` (headings themselves excluded)."""
    level: int | None = None
    inside = False
    for row in section.rows:
        if is_principles_heading(row):
            # consecutive zh and en headings (unpaired rows) open one section
            level, inside = (row.level if not inside else level), True
            continue
        if row.kind == "title" or (row.kind == "heading" and _ends_section(row.level, level)):
            inside = False
        elif inside:
            yield row


def _ends_section(row_level: int | None, section_level: int | None) -> bool:
    return row_level is None or section_level is None or row_level <= section_level


def _row_statements(row: Row) -> list[_Statement]:
    zh = [p for p in (parse_zh(b.text) for b in _texts(row.zh)) if p]
    en = [p for p in (parse_en(b.text) for b in _texts(row.en)) if p]
    if zh and len(zh) == len(en):
        return [_Statement(z[0], e[0], z[1], e[1], row.id) for z, e in zip(zh, en)]
    return [_Statement(z[0], None, z[1], None, row.id) for z in zh] + [
        _Statement(None, e[0], None, e[1], row.id) for e in en
    ]


def _texts(blocks: tuple[Block, ...]) -> list[Block]:
    return [b for b in blocks if b.kind in ("paragraph", "heading")]


def find_statements(document: AlignedDocument) -> list[_Statement]:
    """Every principle statement of `document`, in reading order."""
    return [s for section in document.sections for row in principle_rows(section) for s in _row_statements(row)]


# --- names and the glossary --------------------------------------------------------------------


def _strip_jianchi(part: str) -> str:
    return part[2:] if part.startswith("坚持") and len(part) >= 4 else part


def zh_form(name: str) -> str:
    """The Chinese name as shown in the index: 坚持 dropped (`坚持系统布局` → `系统布局`)."""
    parts = re.split(r"([，、,])", name)
    return "".join(_strip_jianchi(p.strip()) if i % 2 == 0 else p for i, p in enumerate(parts))


def zh_node(name: str) -> str:
    """Identity of a Chinese name: 坚持, spaces and separators (，、,) normalised."""
    return "zh:" + "、".join(_strip_jianchi(p.strip()) for p in _ZH_SEPARATOR.split(name.replace(" ", "")))


def en_form(name: str) -> str:
    """The English name as shown in the index: "Adhere to" dropped, spaces collapsed."""
    form = " ".join(_EN_ADHERE.sub("", name.strip()).split())
    return form[:1].upper() + form[1:]


def en_node(name: str) -> str:
    """Identity of an English name: case, hyphens, "&" and "Adhere to" normalised."""
    text = en_form(name).lower().replace("&", " and ").replace("-", " ").replace("’", "'")
    return "en:" + ", ".join(" ".join(part.split()) for part in text.split(",") if part.strip())


def load_glossary(path: Path = GLOSSARY) -> tuple[GlossaryEntry, ...]:
    """The glossary: `中文名<TAB>Canonical English<TAB>variant…` lines; `#` comments.

    Raises ValueError on a malformed line or when one English name is given to two
    different Chinese names (that would merge two principles).
    """
    entries: list[GlossaryEntry] = []
    owner: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 2:
            raise ValueError(f"{path}:{number}: expected `中文名<TAB>English name[<TAB>variant…]`")
        entry = GlossaryEntry(zh=cells[0], en=tuple(cells[1:]))
        for en in entry.en:
            if owner.setdefault(en_node(en), zh_node(entry.zh)) != zh_node(entry.zh):
                raise ValueError(f"{path}:{number}: {en!r} already renders another Chinese name")
        entries.append(entry)
    return tuple(entries)


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


def _group(statements: Sequence[_Statement], glossary: Sequence[GlossaryEntry]) -> tuple[_Groups, list[str]]:
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
    groups: _Groups, roots: Sequence[str], statements: Sequence[_Statement], glossary: Sequence[GlossaryEntry]
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


def _document_principles(statements: Sequence[_Statement], keys: Sequence[str]) -> tuple[Principle, ...]:
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


def collect_principles(
    documents: Sequence[AlignedDocument], glossary: Sequence[GlossaryEntry] | None = None
) -> PrincipleIndex:
    """Every document's principles and the corpus-wide entries (glossary: `data/principles.tsv`)."""
    glossary = load_glossary() if glossary is None else glossary
    per_document = [(d.document.id, find_statements(d)) for d in documents]
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
