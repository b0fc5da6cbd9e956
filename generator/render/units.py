"""Render stage: a law's units on the page — stable anchors, article labels, citations.

Rows keep the aligner's ids (`n3`, `a1-6`); a row that opens a unit gets one more
anchor that never moves when the text around it changes: `#article-26` (Arabic
number), `#chapter-3`, `#chapter-3-section-1` (sections restart in each chapter),
`#part-1`, `#preamble`; in an attachment they are prefixed `attachment-1-`. The
copy-citation of an article row is `《中华人民共和国数据安全法》第二十六条` and, when the
source gives an English title, `Data Security Law, Art. 26`.
"""

from __future__ import annotations

import re

from generator.model import AlignedSection, Block, Row
from generator.read.inline import PageSpan
from generator.read.law import PREAMBLE
from generator.text import LEVELS, compact, has_han

_UNITS = {LEVELS["part"]: "part", LEVELS["subpart"]: "subpart", LEVELS["chapter"]: "chapter",
          LEVELS["section"]: "section", LEVELS["article"]: "article"}
_OF_PRC = re.compile(r"\s+of\s+the\s+People['’]s\s+Republic\s+of\s+China\b", re.I)


def is_article(block: Block) -> bool:
    """True for an article block: the whole article, label first."""
    return block.level == LEVELS["article"] and block.number is not None and block.ordinal is not None


def _unit(block: Block) -> tuple[str, int | None] | None:
    if is_article(block):
        return "article", block.ordinal
    if block.kind == "heading" and block.level in _UNITS and block.ordinal is not None:
        return _UNITS[block.level], block.ordinal  # type: ignore[index]
    if block.kind == "heading" and PREAMBLE.match(block.text.strip()):
        return "preamble", None
    return None


def row_anchors(section: AlignedSection, prefix: str = "") -> dict[str, str]:
    """Row id → the stable anchor of the unit the row opens (first come, first served). Chapters
    restart in each part (the Civil Code's), sections in each chapter: they are named within them
    (`part-2-chapter-1`, `chapter-3-section-1`); articles run through the whole text."""
    anchors: dict[str, str] = {}
    seen: set[str] = set()
    within: dict[str, str] = {}  # unit → the anchor of the enclosing part / chapter
    for row in section.rows:
        found = next((u for b in row.zh + row.en if (u := _unit(b))), None)
        if found is None:
            continue
        unit, number = found
        if unit == "preamble" or unit == "article":
            name = "preamble" if unit == "preamble" else f"article-{number}"
        else:
            outer = within.get(unit)
            name = f"{outer}-{unit}-{number}" if outer else f"{unit}-{number}"
            _enclose(within, unit, name)
        anchor = prefix + name
        if anchor not in seen:
            seen.add(anchor)
            anchors[row.id] = anchor
    return anchors


def _enclose(within: dict[str, str], unit: str, name: str) -> None:
    """After a part, chapters are named within it; after a chapter, sections."""
    if unit in ("part", "subpart"):
        within.pop("section", None)
        within["chapter"] = name.split("-subpart-")[0] if unit == "subpart" else name
        within["subpart"] = name.split("-subpart-")[0]
    elif unit == "chapter":
        within["section"] = name


def article_of(row: Row) -> Block | None:
    """The Chinese (else English) article block a row shows, if it shows one."""
    return next((b for b in row.zh + row.en if is_article(b)), None)


def short_title_en(title: str | None) -> str | None:
    """`Data Security Law of the People's Republic of China` → `Data Security Law`;
    an all-capitals title in title case (`CONSTITUTION OF THE …` → `Constitution`)."""
    if not title:
        return None
    short = _OF_PRC.sub("", title).strip()
    return short.title() if short.isupper() else short


def article_citations(row: Row, title_zh: str | None, title_en: str | None) -> dict[str, str | None]:
    """`{"ref", "zh", "en"}` for a unit's row: its label (`第二十六条`, `第四章`) and, for an
    article, its citations."""
    zh = next((b for b in row.zh if is_article(b)), None)
    article = article_of(row)
    if article is None:
        label = next((b.number for b in row.zh + row.en if _unit(b) and b.number), None)
        return {"ref": compact(label) if label and has_han(label) else label, "zh": None, "en": None}
    number = article.ordinal
    ref = compact(zh.number) if zh and zh.number else f"Art. {number}"
    short = short_title_en(title_en)
    return {
        "ref": ref,
        "zh": f"《{title_zh}》{ref}" if title_zh and zh else None,
        "en": f"{short}, Art. {number}" if short else None,
    }


def article_paragraphs(block: Block, spans: list[PageSpan]) -> tuple[str, list[list[PageSpan]]]:
    """An article's label and its paragraphs (款 and items) as page spans, the label taken off the
    first; a label alone on its line goes with the paragraph that follows it."""
    paragraphs: list[list[PageSpan]] = [[]]
    for span in spans:
        if span["br"]:
            paragraphs.append([])
        else:
            paragraphs[-1].append(span)
    label = block.number or ""
    first = paragraphs[0][0] if paragraphs[0] else None
    if not label or first is None or not str(first["text"]).lstrip().startswith(label):
        return "", [p for p in paragraphs if p]
    rest = str(first["text"]).lstrip()[len(label) :].lstrip()
    paragraphs[0] = ([{**first, "text": rest}] if rest else []) + paragraphs[0][1:]
    return label, [p for p in paragraphs if p] or [[]]
