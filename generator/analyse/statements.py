"""Principles: finding the principles sections of a document and the principles they state.

A principles section opens at a heading row (or a line standing alone) that
names it — 基本原则, 发展原则, 主要原则, 工作原则, 总体原则, 指导原则, 原则,
基本方针, 指导思想和基本原则, or in English (Basic / Development / Main /
Working / Guiding …) Principles — after its numbering label (`（三）`, `1.4`,
`(II)`, `第二章`). `General Principles` alone does not open one: it is also the
official English of 总则, a law's first chapter (the Constitution's
`Chapter I General Principles`), so it counts only beside a Chinese principles
heading (总体原则) in the same row, and a row reading 总则 never does.

The section runs to the next row of the same or a higher level (its label's
level on `text.LEVELS`, decimal labels `2`, `1.4` included), the next unnumbered
heading, or the next title. In it, a principle is a paragraph `NAME。STATEMENT`
or `Name. Statement`, the name short, after an optional dash, label or 坚持
(`——系统布局。…`, `（一）坚持系统布局。…`, `市场主导，政府引导。…`).

A row holding both languages is the aligner's pairing, so its principle gets
both names and statements. The aligner leaves a short principle apart from its
English (`开源开放。…` is too short for its threshold); such a Chinese-only and
an English-only statement of one section are paired here when the glossary
gives that English name to that Chinese name, or — when the glossary gives the
English name to no other — the aligner's evidence for the two paragraphs
(`align.evidence.score_pair`) reaches `PAIR_SCORE`, best pairs first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.analyse.names import EN_ADHERE, ZH_SEPARATOR, en_node, strip_jianchi, zh_node
from generator.model import AlignedDocument, AlignedSection, Block, Row
from generator.text import LEVELS, compact, has_han, numbering

MAX_NAME_ZH = 16
"""Most characters in a Chinese name (坚持 and separators not counted): `公益性导向，提高医疗服务效率` is 13."""
MAX_NAME_EN = 8
"""Most words in an English name ("Adhere to" not counted)."""
PAIR_SCORE = 1.0
"""Aligner evidence at which a Chinese-only and an English-only principle of one section are one
principle (translated pairs measured 2.3–4.4, neighbouring non-translations below 0)."""

_HEADING_ZH = re.compile(
    r"^(?:(?:基本|发展|主要|工作|总体|指导)?原则|基本方针|(?:指导思想|总体思路|总体要求)[和与及、](?:基本|主要)?原则)$"
)
_HEADING_EN = re.compile(
    r"^(?:(?:basic|development|main|major|working|work|guiding|fundamental|key|overall)\s+)?principles?$", re.I
)
_NEVER_ZH = frozenset({"总则", "总纲"})
"""A law's first chapter (the Constitution's is 总纲): officially `General Principles` in English."""
_GENERAL_EN = re.compile(r"^general\s+principles$", re.I)
_CN_NUM = "一二三四五六七八九十百"
_MARKERS = re.compile(
    r"^(?:\s+|\*{1,2}\s*|[-—–─•·●▪■◆]+\s*"
    rf"|[（(]\s*(?:[{_CN_NUM}]+|\d+|[IVXLCivxlc]+|[a-z])\s*[）)]\s*"
    rf"|[{_CN_NUM}]+[、.．]\s*|\d+\s*[、.．](?!\d)\s*|[IVXLC]+\.\s+|[①-⑳]\s*"
    rf"|[{_CN_NUM}]是[，,]?|第[{_CN_NUM}]+[，、,]\s*)"
)
_DECIMAL = re.compile(r"^\s*(\d{1,2}(?:[.．]\d{1,2})*)[\s\u3000]+(?=\S)")
_ZH_FORBIDDEN = re.compile(r"[：:；;！!？?“”\"《》（）()\n\d]|如下|以下|下列")
_EN_SENTENCE = re.compile(r"^(?P<name>[^.\n]+?)\.(?:\s+(?P<rest>.*))?$", re.DOTALL)
_EN_NAME = re.compile(r"^[A-Z][A-Za-z'’-]*(?:,?\s+(?:&\s+)?[A-Za-z][A-Za-z'’-]*)*$")
_EN_NOT_NAME = frozenset("is are was were be been will shall should must can may we it this these they there".split())


@dataclass(frozen=True)
class Statement:
    """A principle as one document states it, before keys are known."""

    name_zh: str | None
    name_en: str | None
    text_zh: str | None
    text_en: str | None
    row: str
    """Anchor of the (first) row stating it."""
    run: tuple[int, int] = (0, 0)
    """(section, row index of the heading): which principles section it is in."""
    index: int = 0
    """Its row's index in the section."""
    alone: tuple[Block, ...] = ()
    """The paragraph, when its row holds only one language (a candidate for pairing across rows)."""


# --- written forms -----------------------------------------------------------------------------


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
    parts = [strip_jianchi(p.strip()) for p in ZH_SEPARATOR.split(name)]
    if len(parts) > 3 or any(len(p) < 2 for p in parts) or sum(map(len, parts)) > MAX_NAME_ZH:
        return None
    return name, rest


def parse_en(text: str) -> tuple[str, str] | None:
    """(name, statement) of an English `Name. Statement` item, or None when `text` is not one."""
    match = _EN_SENTENCE.match(strip_markers(text).strip())
    if match is None or not match["rest"]:
        return None
    name, rest = match["name"].replace("*", "").strip(), match["rest"].lstrip("*").strip()
    words = EN_ADHERE.sub("", name).replace(",", " ").split()
    if not _EN_NAME.match(name) or not rest or len(words) > MAX_NAME_EN:
        return None
    if any(w.lower() in _EN_NOT_NAME for w in words):
        return None
    return name, rest


# --- sections ----------------------------------------------------------------------------------


def _lang(block: Block) -> str:
    return "en" if block.lang == "en" else "zh"


def label_level(block: Block) -> int | None:
    """The level on `text.LEVELS` of the label `block` opens with (`1.4` → 7, `2` → 6), or None."""
    decimal = _DECIMAL.match(block.text)
    if decimal:
        return LEVELS["outline-1"] + decimal[1].replace("．", ".").count(".")
    label = numbering(block.text, _lang(block), whole=True)
    return label.level if label else None


def row_level(row: Row) -> int | None:
    """The row's level: the reader's, else its first block's label."""
    if row.level is not None:
        return row.level
    return next((level for b in row.zh + row.en if (level := label_level(b)) is not None), None)


def heading_title(block: Block) -> str:
    """`block`'s text without its label, markers, emphasis and closing punctuation (`（三）基本原则。` → `基本原则`)."""
    text = _DECIMAL.sub("", block.text, count=1)
    label = numbering(text, _lang(block))
    text = label.rest if label else text
    return strip_markers(text).replace("*", "").strip(" ：:.。\u3000")


def is_principles_heading(row: Row) -> bool:
    """True when `row` is a heading (or a line alone) naming a principles section; see the module docstring."""
    if row.kind not in ("heading", "paragraph"):
        return False
    titles = [heading_title(b) for b in row.zh + row.en]
    if any(compact(t) in _NEVER_ZH for t in titles):
        return False
    return any(_HEADING_ZH.match(compact(t)) or _HEADING_EN.match(" ".join(t.split())) for t in titles)


def _is_general_en(row: Row) -> bool:
    """An English-only `General Principles` row (right after a Chinese principles heading, it is its English)."""
    return not row.zh and any(_GENERAL_EN.match(" ".join(heading_title(b).split())) for b in row.en)


def _ends(row: Row, level: int | None, first: tuple[int | None, ...]) -> bool:
    """Whether `row` closes a section opened at `level`; `first` holds its first item's level once seen."""
    if row.kind == "title":
        return True
    own = row_level(row)
    if level is not None:
        return own <= level if own is not None else row.kind == "heading"
    if row.kind == "heading":
        return True  # a section opened by an unnumbered line: any heading ends it
    return own is not None and bool(first) and (first[0] is None or own < first[0])


def principle_rows(section: AlignedSection) -> Iterable[tuple[int, int, Row]]:
    """(heading index, row index, row) of the rows inside the principles sections of `section`."""
    run: int | None = None
    level: int | None = None
    first: tuple[int | None, ...] = ()
    for index, row in enumerate(section.rows):
        if is_principles_heading(row) or (run == index - 1 and _is_general_en(row)):
            if run is None:  # consecutive zh and en headings (unpaired rows) open one section
                run, level, first = index, row_level(row), ()
            continue
        if run is not None and _ends(row, level, first):
            run = None
        if run is not None:
            first = first or (row_level(row),)
            yield run, index, row


# --- statements --------------------------------------------------------------------------------


def _texts(blocks: tuple[Block, ...]) -> list[Block]:
    return [b for b in blocks if b.kind in ("paragraph", "heading")]


def _row_statements(row: Row, run: tuple[int, int], index: int) -> list[Statement]:
    zh = [(p, b) for b in _texts(row.zh) if (p := parse_zh(b.text))]
    en = [(p, b) for b in _texts(row.en) if (p := parse_en(b.text))]
    if zh and len(zh) == len(en):
        return [Statement(z[0], e[0], z[1], e[1], row.id, run, index) for (z, _), (e, _) in zip(zh, en)]
    zh_alone, en_alone = not row.en, not row.zh
    return [Statement(z[0], None, z[1], None, row.id, run, index, (b,) if zh_alone else ()) for z, b in zh] + [
        Statement(None, e[0], None, e[1], row.id, run, index, (b,) if en_alone else ()) for e, b in en
    ]


def find_statements(document: AlignedDocument, owners: Mapping[str, str] | None = None) -> list[Statement]:
    """Every principle `document` states, in reading order, lone rows paired (`owners`: `names.glossary_owners`)."""
    found = [
        s
        for number, section in enumerate(document.sections)
        for run, index, row in principle_rows(section)
        for s in _row_statements(row, (number, run), index)
    ]
    return pair_across_rows(found, owners or {})


def _pair_score(zh: Statement, en: Statement, owners: Mapping[str, str]) -> float | None:
    """How strongly the lone `zh` and `en` statements translate each other; None when they cannot."""
    owner = owners.get(en_node(en.name_en or ""))
    if owner is not None:
        return PAIR_SCORE + 10 if owner == zh_node(zh.name_zh or "") else None
    from generator.align.evidence import make_piece, score_pair
    from generator.align.lexicon import lexicon

    lex = lexicon()
    score, _ = score_pair(make_piece(zh.alone[0], lex), make_piece(en.alone[0], lex), abs(zh.index - en.index) == 1)
    return score


def pair_across_rows(statements: Sequence[Statement], owners: Mapping[str, str]) -> list[Statement]:
    """`statements` with each lone Chinese one joined to the lone English one that translates it."""
    lone_zh = [i for i, s in enumerate(statements) if s.alone and s.name_zh]
    lone_en = [i for i, s in enumerate(statements) if s.alone and s.name_en]
    scored = []
    for i in lone_zh:
        for j in lone_en:
            if statements[i].run == statements[j].run:
                score = _pair_score(statements[i], statements[j], owners)
                if score is not None and score >= PAIR_SCORE:
                    scored.append((-round(score, 6), i, j))
    joined: dict[int, Statement] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored):
        if i not in used and j not in used:
            used |= {i, j}
            zh, en = statements[i], statements[j]
            first = zh if zh.index <= en.index else en
            joined[min(i, j)] = replace(zh, name_en=en.name_en, text_en=en.text_en, row=first.row, alone=())
    return [joined.get(i, s) for i, s in enumerate(statements) if i in joined or i not in used]
