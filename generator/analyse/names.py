"""Principles: the names of principles — their written forms, identities and the glossary.

A Chinese name is compared without 坚持 and with its separators (，、,) alike; an
English name without "Adhere to", case, hyphens and "&". The glossary
(`data/principles.tsv`, `中文名<TAB>Canonical English<TAB>variant…`) links the
two; maintainers extend it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GLOSSARY = Path(__file__).parent.parent / "data" / "principles.tsv"

ZH_SEPARATOR = re.compile(r"[，、,]")
EN_ADHERE = re.compile(r"^(?:adhere to|adhering to|insist on|insisting on|stick to|persist in|uphold)\s+", re.I)


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of the principles glossary: a Chinese name and its English renderings."""

    zh: str
    en: tuple[str, ...]
    """Canonical English name first, then accepted variants."""


def strip_jianchi(part: str) -> str:
    """One part of a Chinese name without a leading 坚持 (`坚持系统布局` → `系统布局`)."""
    return part[2:] if part.startswith("坚持") and len(part) >= 4 else part


def zh_form(name: str) -> str:
    """The Chinese name as shown in the index: 坚持 dropped (`坚持系统布局` → `系统布局`)."""
    parts = re.split(r"([，、,])", name)
    return "".join(strip_jianchi(p.strip()) if i % 2 == 0 else p for i, p in enumerate(parts))


def zh_node(name: str) -> str:
    """Identity of a Chinese name: 坚持, spaces and separators (，、,) normalised."""
    return "zh:" + "、".join(strip_jianchi(p.strip()) for p in ZH_SEPARATOR.split(name.replace(" ", "")))


def en_form(name: str) -> str:
    """The English name as shown in the index: "Adhere to" dropped, spaces collapsed."""
    form = " ".join(EN_ADHERE.sub("", name.strip()).split())
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


def glossary_owners(glossary: tuple[GlossaryEntry, ...] | list[GlossaryEntry]) -> dict[str, str]:
    """English name node → the Chinese name node the glossary gives it to."""
    return {en_node(en): zh_node(entry.zh) for entry in glossary for en in entry.en}
