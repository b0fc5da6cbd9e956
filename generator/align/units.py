"""Align stage, units: what the aligner lines up, made from a section's blocks.

A *unit* is one block, or a structure label alone on its line joined with the text
that follows it (`Article 3` + `The state …`, `第三条` + `…`): a label line says
nothing by itself, and pairing it alone would split an article in two. The joined
unit is read as one piece (`Article 3 The state …`) and shown as one row holding
both blocks. Each side's units keep source order; `Sides` also knows where each
unit sits in the source, which tells whether the languages interleave.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.align.band import Key
from generator.align.evidence import Piece, join, make_piece
from generator.align.lexicon import Lexicon
from generator.model import Block, Section
from generator.text import numbering

Unit = tuple[Block, ...]
_MERGEABLE = frozenset({"paragraph"})
_LABEL_UNITS = frozenset({"part", "chapter", "section", "article"})


def is_label(block: Block) -> bool:
    """A block that is only a structure label (`第三条`, `Article 3`, `第一章`)."""
    lang = "en" if block.lang == "en" else "zh"
    found = numbering(block.text, lang, whole=True)
    return found is not None and found.unit in _LABEL_UNITS and not found.rest.strip()


def units(blocks: list[Block]) -> list[Unit]:
    """`blocks` (one language, source order) as units: a label line joins the paragraph after it."""
    out: list[Unit] = []
    k = 0
    while k < len(blocks):
        here = blocks[k]
        follows = blocks[k + 1] if k + 1 < len(blocks) else None
        joinable = follows is not None and follows.kind == "paragraph" and here.lang == follows.lang != "mul"
        if joinable and is_label(here) and not is_label(follows):  # type: ignore[arg-type]
            out.append((here, follows))  # type: ignore[arg-type]
            k += 2
        else:
            out.append((here,))
            k += 1
    return out


@dataclass(frozen=True)
class Sides:
    """The two unit sequences of a section, with each unit's position in the section."""

    zh: tuple[Unit, ...]
    en: tuple[Unit, ...]
    zh_at: tuple[int, ...]
    en_at: tuple[int, ...]

    @classmethod
    def of(cls, section: Section) -> Sides:
        at = {id(b): k for k, b in enumerate(section.blocks)}
        zh = tuple(units([b for b in section.blocks if b.lang != "en"]))
        en = tuple(units([b for b in section.blocks if b.lang == "en"]))
        return cls(zh, en, tuple(at[id(u[0])] for u in zh), tuple(at[id(u[0])] for u in en))

    def adjacent(self, i: int, a: int, j: int, b: int) -> bool:
        """Whether Chinese units i…i+a-1 and English units j…j+b-1 touch in the source."""
        zh_end = self.zh_at[i + a - 1] + len(self.zh[i + a - 1]) - 1
        en_end = self.en_at[j + b - 1] + len(self.en[j + b - 1]) - 1
        return self.en_at[j] == zh_end + 1 or self.zh_at[i] == en_end + 1

    def follows(self, i: int, a: int, j: int, b: int = 1) -> bool:
        """Whether English units j…j+b-1 come right after Chinese units i…i+a-1 in the source,
        each side without the other language in between."""
        zh_end = self.zh_at[i + a - 1] + len(self.zh[i + a - 1])
        zh_run = self.zh_at[i] + sum(len(u) for u in self.zh[i : i + a]) == zh_end
        en_end = self.en_at[j + b - 1] + len(self.en[j + b - 1])
        en_run = self.en_at[j] + sum(len(u) for u in self.en[j : j + b]) == en_end
        return self.en_at[j] == zh_end and zh_run and en_run

    def by_source(self) -> list[int] | None:
        """Per Chinese unit, how many English units the source puts before it; None when the
        languages do not interleave unit by unit (a separate or appended translation, perhaps
        after an English title): fewer switches of language than half the shorter side."""
        if not self.en or not self.zh:
            return None
        order = sorted([(k, 0) for k in self.zh_at] + [(k, 1) for k in self.en_at])
        switches = sum(a[1] != b[1] for a, b in zip(order, order[1:]))
        if switches < max(2, min(len(self.zh), len(self.en)) / 2):
            return None
        out, j = [], 0
        for position in self.zh_at:
            while j < len(self.en_at) and self.en_at[j] < position:
                j += 1
            out.append(j)
        return out


def unit_piece(unit: Unit, lex: Lexicon) -> Piece:
    """The piece of one unit: a label and its text are read as one text, labelled."""
    if len(unit) == 1:
        return make_piece(unit[0], lex)
    label, text = unit
    merged = replace(text, text=f"{label.text.strip()} {text.text}", lines=label.lines + text.lines)
    return replace(make_piece(merged, lex), blocks=unit)


def pieces(sides_units: tuple[Unit, ...], lex: Lexicon) -> dict[tuple[int, int], Piece]:
    """Each unit as a piece, keyed (index, 1); each joinable pair of neighbours, keyed (index, 2).

    Two one-block paragraphs join when the second does not open a numbered item of its own."""
    out = {(i, 1): unit_piece(u, lex) for i, u in enumerate(sides_units)}
    for i in range(len(sides_units) - 1):
        first, second = sides_units[i], sides_units[i + 1]
        if len(first) != 1 or len(second) != 1:
            continue
        joinable = {first[0].kind, second[0].kind} <= _MERGEABLE and "mul" not in (first[0].lang, second[0].lang)
        if joinable and out[(i + 1, 1)].numbering is None:
            out[(i, 2)] = join(out[(i, 1)], out[(i + 1, 1)])
    return out


def key(piece: Piece) -> Key | None:
    """The (level, ordinal) of the piece's structure label, for hard anchors."""
    return None if piece.numbering is None else (piece.numbering.level, piece.numbering.ordinal)
