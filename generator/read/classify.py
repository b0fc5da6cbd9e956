"""Read stage: turn body lines into blocks of one language each.

A line holding Chinese then English (or English then Chinese) is split at the
script boundary into two blocks that share the line number; whether they
translate each other is the aligner's decision. Numbered lines (`一、` `（一）`
`1.` `（1）`, `I.` `(I)` `1.` `(1)`, `第一章`) carry their level; short ones
are headings. Consecutive `|` lines form a table.
"""

from __future__ import annotations

import re

from generator.model import Block, BlockKind, Lang
from generator.text import CJK_TEXT, HAN, LATIN_WORD, has_han
from generator.text import numbering as find_numbering

_MIN_LATIN_LETTERS = 8
_MIN_LATIN_WORDS = 2

ZH_SENTENCE = re.compile(r"[。；！？，]")
_ZH_HEADING_MAX = 30
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
    """(label as written, level on `text.LEVELS`, ordinal, rest of the text) when `text` starts numbered."""
    found = find_numbering(text, lang) if lang in ("zh", "en") else None
    return (found.label, found.level, found.ordinal, found.rest) if found else None


def _is_heading(rest: str, lang: Lang) -> bool:
    rest = rest.strip()
    if lang == "zh":
        return len(rest) <= _ZH_HEADING_MAX and not ZH_SENTENCE.search(rest.rstrip("：:"))
    words = rest.split()
    return len(words) <= _EN_HEADING_MAX_WORDS and ". " not in rest and not rest.endswith((".", ";"))


def text_block(text: str, lang: Lang, line: int, translation: bool = False) -> Block:
    """A heading or paragraph block for one piece of one line."""
    found = numbering(text, lang) if lang != "mul" else None
    if found is None:
        return Block(kind="paragraph", lang=lang, text=text, lines=(line,), translation=translation)
    label, level, ordinal, rest = found
    kind: BlockKind = "heading" if _is_heading(rest, lang) else "paragraph"
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
    return Block(kind="table", lang=lang, text="\n".join(t for _, t in rows), lines=tuple(n for n, _ in rows),
                 translation=translation)


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
    is a table; any other line is a heading or paragraph, whatever it starts with.
    """
    blocks: list[Block] = []
    for run in _runs(lines):
        if len(run) >= 2 and _TABLE_DELIMITER.match(run[1][1]):
            blocks.append(table_block(run, translation))
        else:
            blocks.extend(b for number, text in run for b in line_blocks(text, number, translation))
    return tuple(blocks)
