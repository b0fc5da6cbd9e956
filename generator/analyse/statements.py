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
(`——系统布局。…`, `（一）坚持系统布局。…`, `市场主导，政府引导。…`); a numbered
line holding only the name, its statement the next paragraph
(`（一）坚持深化改革，简政放权。`); or several run in one paragraph
(`一是坚持以人民为中心，…。二是坚持依法合规，…。`, each name up to its comma) —
also on the heading's own line (`（三）基本原则。一是坚持…`).

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
from generator.text import CN_NUMERAL, LEVELS, compact, has_han, numbering

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
_HEADING_RUN_IN = re.compile(
    r"^(?:(?:基本|发展|主要|工作|总体|指导)原则|基本方针)[。：:]\s*(?P<rest>\S.*)$"
    r"|^(?:(?:basic|development|main|major|working|guiding|fundamental)\s+)?principles[.:]\s+(?P<en>\S.*)$",
    re.I | re.DOTALL,
)
_NEVER_ZH = frozenset({"总则", "总纲"})
"""A law's first chapter (the Constitution's is 总纲): officially `General Principles` in English."""
_GENERAL_EN = re.compile(r"^general\s+principles$", re.I)
# Markers before a name that are not numbering labels (those are `text.numbering`'s): spaces, emphasis,
# bullets and dashes, circled numbers, 一是 and 第一，.
_MARKERS = re.compile(
    rf"^(?:\s+|\*{{1,2}}\s*|[-—–─•·●▪■◆]+\s*|[①-⑳]\s*|[{CN_NUMERAL}]是[，,]?|第[{CN_NUMERAL}]+[，、,]\s*)"
)
_DECIMAL = re.compile(r"^\s*(\d{1,2}(?:[.．]\d{1,2})*)[\s\u3000]+(?=\S)")
_ZH_FORBIDDEN = re.compile(r"[：:；;！!？?“”\"《》（）()\n\d]|如下|以下|下列")
_RUN_IN = re.compile(rf"(?:^|(?<=[。；;]))\s*[{CN_NUMERAL}]+是[，,]?")
_RUN_IN_ITEM = re.compile(r"^(?P<name>坚持[^，,。；;]+)[，,](?P<rest>.+)$", re.DOTALL)
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
        label = numbering(text, "zh") or numbering(text, "en")
        text = label.rest if label else text
    return text


def _zh_name(name: str) -> str | None:
    """`name` (emphasis removed) when it is short enough to be a principle's Chinese name, else None."""
    name = name.replace("*", "").strip()
    if not name or _ZH_FORBIDDEN.search(name) or not has_han(name) or "。" in name:
        return None
    parts = [strip_jianchi(p.strip()) for p in ZH_SEPARATOR.split(name)]
    if len(parts) > 3 or any(len(p) < 2 for p in parts) or sum(map(len, parts)) > MAX_NAME_ZH:
        return None
    return name


def _en_name(name: str) -> str | None:
    """`name` (emphasis removed) when it reads as a principle's English name, else None."""
    name = name.replace("*", "").strip()
    words = EN_ADHERE.sub("", name).replace(",", " ").split()
    if not _EN_NAME.match(name) or len(words) > MAX_NAME_EN or any(w.lower() in _EN_NOT_NAME for w in words):
        return None
    return name


def parse_zh(text: str) -> tuple[str, str] | None:
    """(name, statement) of a Chinese `名称。陈述` item, or None when `text` is not one."""
    name, stop, rest = strip_markers(text).partition("。")
    rest = rest.lstrip("*").strip()
    found = _zh_name(name) if stop and rest else None
    return (found, rest) if found else None


def parse_zh_items(text: str) -> list[tuple[str, str]]:
    """The principles of one Chinese paragraph: `名称。陈述`, or several run in as
    `一是坚持X，陈述。二是坚持Y，陈述。` (names up to the first comma)."""
    pieces = [p.strip() for p in _RUN_IN.split(text.strip())]
    if len(pieces) >= 3 and not pieces[0]:
        items = []
        for piece in pieces[1:]:
            match = _RUN_IN_ITEM.match(piece)
            name = _zh_name(match["name"]) if match else None
            if not name or not match:
                break
            items.append((name, match["rest"].strip()))
        else:
            return items
    found = parse_zh(text)
    return [found] if found else []


def parse_en(text: str) -> tuple[str, str] | None:
    """(name, statement) of an English `Name. Statement` item, or None when `text` is not one."""
    match = _EN_SENTENCE.match(strip_markers(text).strip())
    rest = (match["rest"] or "").lstrip("*").strip() if match else ""
    name = _en_name(match["name"]) if match and rest else None
    return (name, rest) if name else None


def bare_name(block: Block) -> str | None:
    """The name of a line holding only a principle's name — numbered, a heading or opening with 坚持
    (`（一）坚持深化改革，简政放权。`, `(I) Deepening reform.`) — whose statement is the next paragraph."""
    text = strip_markers(heading_title(block))
    if block.kind != "heading" and label_level(block) is None and not text.startswith("坚持"):
        return None
    return _en_name(text) if _lang(block) == "en" else _zh_name(text)


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


def heading_rest(block: Block) -> str | None:
    """The text after a principles heading run in with it (`（三）基本原则。一是坚持…` → `一是坚持…`), else None."""
    text = _DECIMAL.sub("", block.text, count=1)
    label = numbering(text, _lang(block))
    match = _HEADING_RUN_IN.match(strip_markers(label.rest if label else text).replace("*", ""))
    return (match["rest"] or match["en"]) if match else None


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
        run_in = any(heading_rest(b) for b in row.zh + row.en)
        if run_in or is_principles_heading(row) or (run == index - 1 and _is_general_en(row)):
            if run is None:  # consecutive zh and en headings (unpaired rows) open one section
                run, level, first = index, row_level(row), ()
            if run_in:  # `（三）基本原则。一是坚持…`: the heading's own line states principles
                yield run, index, row
            continue
        if run is not None and _ends(row, level, first):
            run = None
        if run is not None:
            first = first or (row_level(row),)
            yield run, index, row


# --- statements --------------------------------------------------------------------------------


def _texts(blocks: tuple[Block, ...]) -> list[Block]:
    return [b for b in blocks if b.kind in ("paragraph", "heading")]


@dataclass(frozen=True)
class _Item:
    """One language's principle in one row."""

    name: str
    text: str | None
    """None for a bare name whose statement is the next row."""
    block: Block
    """The paragraph stating it (the next row's, for a bare name)."""


def _items(blocks: tuple[Block, ...]) -> list[_Item]:
    found: list[_Item] = []
    for b in _texts(blocks):
        text = heading_rest(b) or b.text
        parsed = parse_zh_items(text) if _lang(b) == "zh" else [p] if (p := parse_en(text)) else []
        bare = None if parsed else bare_name(b)
        found += [_Item(name, text, b) for name, text in parsed] or ([_Item(bare, None, b)] if bare else [])
    return found


def _complete(items: list[_Item], following: tuple[Block, ...] | None) -> list[_Item]:
    """`items` with each bare name given the next row's paragraphs (when they state no principle of their
    own) as its statement; bare names left without one are dropped."""
    statement = [b for b in _texts(following or ()) if b.kind == "paragraph"]
    usable = bool(statement) and not _items(following or ())
    text = "\n".join(b.text for b in statement)
    return [i if i.text is not None else replace(i, text=text, block=statement[0]) for i in items
            if i.text is not None or usable]


def _row_statements(row: Row, following: Row | None, run: tuple[int, int], index: int) -> list[Statement]:
    zh = _complete(_items(row.zh), following.zh if following else None)
    en = _complete(_items(row.en), following.en if following else None)
    if zh and len(zh) == len(en):
        return [Statement(z.name, e.name, z.text, e.text, row.id, run, index) for z, e in zip(zh, en)]
    zh_alone = not row.en and not (following and following.en and any(z.block in following.zh for z in zh))
    en_alone = not row.zh and not (following and following.zh and any(e.block in following.en for e in en))
    return [Statement(z.name, None, z.text, None, row.id, run, index, (z.block,) if zh_alone else ()) for z in zh] + [
        Statement(None, e.name, None, e.text, row.id, run, index, (e.block,) if en_alone else ()) for e in en
    ]


def find_statements(document: AlignedDocument, owners: Mapping[str, str] | None = None) -> list[Statement]:
    """Every principle `document` states, in reading order, lone rows paired (`owners`: `names.glossary_owners`)."""
    found: list[Statement] = []
    for number, section in enumerate(document.sections):
        inside = list(principle_rows(section))
        for k, (run, index, row) in enumerate(inside):
            following = inside[k + 1] if k + 1 < len(inside) else None
            same_run = following is not None and following[0] == run and following[1] == index + 1
            found += _row_statements(row, following[2] if following and same_run else None, (number, run), index)
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
