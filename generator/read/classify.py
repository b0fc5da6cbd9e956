"""Read stage: turn body lines into blocks of one language each.

A line holding Chinese then English (or English then Chinese) is split at the
script boundary into two blocks that share the line number; whether they
translate each other is the aligner's decision. Numbered lines (`一、` `（一）`
`1.` `（1）`, `I.` `(I)` `1.` `(1)`, `第一章`) carry their level; short ones
are headings. Consecutive `|` lines form a table.
"""

from __future__ import annotations

import dataclasses
import re

from generator.model import Block, BlockKind, Lang
from generator.read.inline import read_table
from generator.read.law import PREAMBLE
from generator.text import CJK_TEXT, HAN, LATIN_WORD, LEVELS, has_han
from generator.text import numbering as find_numbering

_MIN_LATIN_LETTERS = 8
_MIN_LATIN_WORDS = 2

ZH_SENTENCE = re.compile(r"[。；！？，]")
_ZH_HEADING_MAX = 30
_ZH_LABEL_MAX = 12
_EN_HEADING_MAX_WORDS = 14


def _is_english(text: str) -> bool:
    letters = sum(len(w) for w in LATIN_WORD.findall(text))
    return letters >= _MIN_LATIN_LETTERS and len(LATIN_WORD.findall(text)) >= _MIN_LATIN_WORDS and not has_han(text)


def split_scripts(text: str) -> tuple[tuple[Lang, str], ...]:
    """`text` as one or two (lang, piece) pairs, split where Chinese gives way to English or back."""
    if not has_han(text):
        return (("en", text),)
    cjk = [m.end() for m in CJK_TEXT.finditer(text)]
    tail = text[cjk[-1] :]
    if _is_english(tail) and has_han(text[: cjk[-1]]):
        return (("zh", text[: cjk[-1]].rstrip()), ("en", tail.strip()))
    first = HAN.search(text).start()  # type: ignore[union-attr]
    head, rest = text[:first].rstrip("（( \t\u3000"), text[len(text[:first].rstrip("（( \t\u3000")) :]
    clear_boundary = head.rstrip().endswith((".", "!", "?")) or numbering(rest.strip(), "zh") is not None
    if _is_english(head) and clear_boundary:
        return (("en", head.strip()), ("zh", rest.strip()))
    return (("zh", text),)


def numbering(text: str, lang: Lang) -> tuple[str, int, int | None, str] | None:
    """(label as written, level on `text.LEVELS`, ordinal, rest of the text) when `text` starts numbered.

    A law's unit label alone on a line (`第三条`, `Article 3`, `第一章`) counts; an outline label
    alone (`（一）`) does not."""
    found = find_numbering(text, lang, whole=True) if lang in ("zh", "en") else None
    if found is None or (found.unit == "outline" and not found.rest.strip()):
        return None
    return found.label, found.level, found.ordinal, found.rest


def _is_heading(rest: str, lang: Lang) -> bool:
    rest = rest.strip()
    if lang == "zh":  # `（一）指导思想。`: a short label closed by a full stop is a heading too
        label = rest[:-1] if rest.endswith("。") and len(rest) <= _ZH_LABEL_MAX else rest
        return len(label) <= _ZH_HEADING_MAX and not ZH_SENTENCE.search(label.rstrip("：:"))
    words = rest.split()  # `(2) …; and` is an item of a list, never a heading
    return (len(words) <= _EN_HEADING_MAX_WORDS and ". " not in rest and ";" not in rest
            and not rest.endswith((".", ",")) and (not words or words[-1] not in ("and", "or")))


def text_block(text: str, lang: Lang, line: int, translation: bool = False) -> Block:
    """A heading or paragraph block for one piece of one line; an article's first line is a paragraph
    carrying the article's label (`第三条`) and number."""
    found = numbering(text, lang) if lang != "mul" else None
    if found is None:
        if PREAMBLE.match(text.strip()):
            return Block(kind="heading", lang=lang, text=text, lines=(line,), level=LEVELS["chapter"],
                         translation=translation)
        return Block(kind="paragraph", lang=lang, text=text, lines=(line,), translation=translation)
    label, level, ordinal, rest = found
    heading = level != LEVELS["article"] and (_is_heading(rest, lang) or level < LEVELS["article"])
    kind: BlockKind = "heading" if heading else "paragraph"
    return Block(kind=kind, lang=lang, text=text, lines=(line,), level=level, number=label, ordinal=ordinal,
                 translation=translation)


def line_blocks(text: str, line: int, translation: bool = False) -> tuple[Block, ...]:
    """The blocks of one stripped, non-table body line."""
    return tuple(text_block(piece, lang, line, translation) for lang, piece in split_scripts(text))


def table_block(rows: list[tuple[int, str]], translation: bool = False) -> Block:
    """A pipe table from consecutive `|` lines; `mul` when it mixes Chinese and English cells."""
    cells = [c.strip() for _, t in rows for c in t.strip("|").split("|")]
    zh = any(has_han(c) for c in cells)
    en = any(_is_english(c) or (LATIN_WORD.search(c) and not has_han(c)) for c in cells)
    lang: Lang = "mul" if zh and en else "zh" if zh else "en"
    text = "\n".join(t for _, t in rows)
    cells, head = read_table(text)
    return Block(kind="table", lang=lang, text=text, lines=tuple(n for n, _ in rows), translation=translation,
                 cells=cells, head=head)


_TABLE_DELIMITER = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _is_table_line(text: str) -> bool:
    return text.startswith("|") and text.endswith("|") and text.count("|") >= 2


def _runs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Group lines into runs: consecutive table lines together, every other line alone."""
    runs: list[list[tuple[int, str]]] = []
    for number, text in lines:
        previous = runs[-1][-1] if runs else None
        if previous and _is_table_line(text) and _is_table_line(previous[1]) and previous[0] == number - 1:
            runs[-1].append((number, text))
        else:
            runs.append([(number, text)])
    return runs


def body_blocks(lines: list[tuple[int, str]], translation: bool = False) -> tuple[Block, ...]:
    """Blocks for body lines given as (line number, stripped text), blank lines left out.

    A run of adjacent `|` lines whose second line is a delimiter row (`|---|---|`)
    is a table; so is a run of lines whose cells are separated by spaces (`plain_table`);
    any other line is a heading or paragraph, whatever it starts with. Then an
    article takes in the lines that follow it (`articles`).
    """
    blocks: list[Block] = []
    runs = _runs(lines)
    k = 0
    while k < len(runs):
        run = runs[k]
        plain = plain_table_rows([r[0] for r in runs[k:]])
        if len(run) >= 2 and _TABLE_DELIMITER.match(run[1][1]):
            blocks.append(table_block(run, translation))
        elif plain:
            rows = [r[0] for r in runs[k : k + plain]]
            cells = tuple(_cells(t) for _, t in rows)
            blocks.append(Block(kind="table", lang="zh", text="\n".join(t for _, t in rows), lines=tuple(n for n, _ in rows),
                                translation=translation, cells=cells, head=_plain_head(cells)))
            k += plain
            continue
        else:
            blocks.extend(b for number, text in run for b in line_blocks(text, number, translation))
        k += 1
    return articles(blocks)


_CELL_SPLIT = re.compile(r"[ \t\u3000]+")
_PLAIN_TABLE_MIN_ROWS = 3
_CELL_MAX = 30
_DECIMAL_LABEL = re.compile(r"^\d+(?:[.．]\d+)+$")
"""`1.1`, `4.2.3`: a heading number, not a table cell."""


def _cells(text: str) -> tuple[str, ...]:
    return tuple(c for c in _CELL_SPLIT.split(text.strip()) if c)


def _plain_head(cells: tuple[tuple[str, ...], ...]) -> bool:
    """The first row of a plain table is its header when it holds no digit and the rows under it do
    (`争议金额(人民币) 仲裁案件受理费(人民币)` over amounts)."""
    digits = [any(ch.isdigit() for ch in "".join(row)) for row in cells]
    return len(cells) > 1 and not digits[0] and any(digits[1:])


def _table_row(text: str) -> int:
    """How many cells a plain-table row has (0 when the line is not one): 2–8 short cells,
    Chinese, no sentence punctuation, no numbering label."""
    cells = _cells(text)
    if not 2 <= len(cells) <= 8 or not has_han(text) or ZH_SENTENCE.search(text) or numbering(text, "zh"):
        return 0
    if any(len(c) > _CELL_MAX or len(c) < 2 for c in cells) or _DECIMAL_LABEL.match(cells[0]):
        return 0
    return len(cells)


def plain_table_rows(lines: list[tuple[int, str]]) -> int:
    """How many lines from the start form a plain-text table: at least three rows with the same
    number of cells separated by spaces (`1000元以下的部分 40－100元`); 0 when they do not."""
    width = _table_row(lines[0][1]) if lines else 0
    count = 0
    while width and count < len(lines) and _table_row(lines[count][1]) == width:
        count += 1
    return count if count >= _PLAIN_TABLE_MIN_ROWS else 0


def _ends_article(block: Block) -> bool:
    """A part, chapter or section heading, 序言, a table or a title ends the article before it;
    an outline-numbered line (`（一）`, `(2)`) is one of the article's items, never a heading."""
    if block.kind == "heading":
        return block.level is None or block.level <= LEVELS["article"]
    return block.kind in ("table", "title") or (block.level is not None and block.level < LEVELS["article"])


def _is_article(block: Block) -> bool:
    return block.level == LEVELS["article"] and block.number is not None


def _joined(first: Block, more: Block) -> Block:
    return dataclasses.replace(first, text=f"{first.text}\n{more.text}", lines=first.lines + more.lines)


def _continues_heading(heading: Block, block: Block) -> bool:
    """`Section 2 The President of` / `the People's Republic of China`: an English heading broken over lines."""
    text = block.text.strip()
    return (heading.kind == "heading" and heading.lang == block.lang == "en" and block.kind == "paragraph"
            and block.level is None and text[:1].islower() and len(text.split()) <= 8 and not text.endswith((".", ";")))


_ITEM_ENDS = ("；", ";", "; and", "; or", "；和", "：", ":")


def _next_item(previous: Block, block: Block) -> bool:
    """`(2) …` after `(1) …;`: the next item of a list, not a heading, however short."""
    return (block.kind == "heading" and block.level is not None and previous.level == block.level
            and previous.kind == "paragraph" and previous.text.rstrip().endswith(_ITEM_ENDS))


def articles(blocks: list[Block]) -> tuple[Block, ...]:
    """Each article as one block per language: the article's first line (or its label alone,
    `第三条` / `Article 3`) takes in the paragraphs (款) and items (`（一）`, `(2)`) that follow,
    up to the next article or heading. An English heading broken over two lines becomes one."""
    result: list[Block | None] = []
    open_at: dict[str, int] = {}
    last_at: dict[str, int] = {}
    for block in blocks:
        at = open_at.get(block.lang)
        previous = last_at.get(block.lang)
        if previous is not None and _next_item(result[previous], block):  # type: ignore[arg-type]
            block = dataclasses.replace(block, kind="paragraph")
        if previous is not None and _continues_heading(result[previous], block):  # type: ignore[arg-type]
            result[previous] = _joined(result[previous], block)  # type: ignore[arg-type]
            continue
        if _is_article(block) or _ends_article(block):
            open_at.pop(block.lang, None)
        elif at is not None and block.kind in ("paragraph", "heading"):
            result[at] = _joined(result[at], block)  # type: ignore[arg-type]
            continue
        result.append(block)
        last_at[block.lang] = len(result) - 1
        if _is_article(block):
            open_at[block.lang] = len(result) - 1
    return tuple(b for b in result if b is not None)
