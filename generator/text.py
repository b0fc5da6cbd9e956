"""Ground layer, used by every stage: whitespace, numerals, the numbering table, CJK tests, slugs.

Knowledge that two stages need lives here once. In particular `NUMBERINGS` is
the one table of numbering labels — the structure units of laws (编 章 节 条,
Part Chapter Section Article) and the outline labels of policy documents
(`一、` `（一）` `1.` `（1）`, `I.` `(I)` `1.` `(1)`) — with **one level scale**
(`LEVELS`): the reader, the aligner and the renderer all read levels from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# ---------------------------------------------------------------- whitespace


def compact(text: str) -> str:
    """`text` with all whitespace removed (how keys, titles and lines are compared)."""
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- CJK tests

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""One Han character (CJK Unified Ideographs, Extension A, Compatibility)."""
CJK_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""One character of Chinese text: Han, CJK punctuation or a full-width form."""
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
"""A Latin word of two letters or more."""


def has_han(text: str) -> bool:
    """True when `text` holds at least one Han character."""
    return bool(HAN.search(text))


def han_count(text: str) -> int:
    """How many Han characters `text` holds."""
    return len(HAN.findall(text))


# ---------------------------------------------------------------- numerals

_CN_DIGITS = "〇一二三四五六七八九"
_CN_VALUES = {c: i for i, c in enumerate(_CN_DIGITS)} | {"零": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "〇零一二三四五六七八九十百千两"
"""The characters of a Chinese numeral, for character classes."""
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
ROMAN = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
"""A well-formed upper-case Roman numeral up to 399, for patterns."""


def chinese_number(text: str) -> int | None:
    """`十三` → 13, `二十` → 20, `一百零五` → 105, `两千` → 2000; without units digit by digit
    (`二〇一七` → 2017). None for anything else."""
    if not text or any(c not in _CN_VALUES and c not in _CN_UNITS for c in text):
        return None
    if not any(c in _CN_UNITS for c in text):
        return int("".join(str(_CN_VALUES[c]) for c in text))
    value = current = 0
    for c in text:
        if c in _CN_UNITS:
            value += (current or 1) * _CN_UNITS[c]
            current = 0
        else:
            current = _CN_VALUES[c]
    return value + current


def roman_number(text: str) -> int | None:
    """`IV` → 4, `xii` → 12; None when `text` is not made of Roman digits."""
    if not text or any(c not in _ROMAN_VALUES for c in text.upper()):
        return None
    values = [_ROMAN_VALUES[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def number_value(written: str) -> int | None:
    """The value of a numeral written in Arabic digits, Chinese numerals or Roman numerals."""
    written = written.strip()
    if written.isascii() and written.isdigit():
        return int(written)
    return roman_number(written) if written.isascii() else chinese_number(written)


# ---------------------------------------------------------------- the numbering table

Unit = Literal["part", "subpart", "chapter", "section", "article", "outline"]

LEVELS: dict[str, int] = {
    "part": 1,  # 第一编 / Part One
    "subpart": 2,  # 第一分编 / Sub-part One
    "chapter": 3,  # 第一章 / Chapter I
    "section": 4,  # 第一节 / Section 1
    "article": 5,  # 第一条 / Article 1
    "outline-1": 6,  # 一、 / I.
    "outline-2": 7,  # （一） / (I)
    "outline-3": 8,  # 1.
    "outline-4": 9,  # （1） / (1)
}
"""The one level scale, outermost first. A lower level encloses a higher one."""

_NUM = rf"[{CN_NUMERAL}\d]+"
_EN_NUM = rf"(?:{ROMAN}|\d+|[A-Za-z]+(?:-[A-Za-z]+)?)"
_EN_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


@dataclass(frozen=True)
class Numbering:
    """One row of the numbering table: a label style and where it sits on the level scale."""

    unit: Unit
    """What the label numbers: a law's structure unit, or an outline heading."""
    level: int
    """Its place on `LEVELS`."""
    lang: Literal["zh", "en"]
    """The language the label is written in."""
    pattern: re.Pattern[str]
    """Matches the label at the start of a text; group 1 is the numeral."""


NUMBERINGS: tuple[Numbering, ...] = (
    Numbering("part", LEVELS["part"], "zh", re.compile(rf"^第({_NUM})编(?![a-zA-Z])\s*")),
    Numbering("subpart", LEVELS["subpart"], "zh", re.compile(rf"^第({_NUM})分编\s*")),
    Numbering("chapter", LEVELS["chapter"], "zh", re.compile(rf"^第({_NUM})章\s*")),
    Numbering("section", LEVELS["section"], "zh", re.compile(rf"^第({_NUM})节\s*")),
    Numbering("article", LEVELS["article"], "zh", re.compile(rf"^第({_NUM})条\s*")),
    Numbering("outline", LEVELS["outline-1"], "zh", re.compile(rf"^([{CN_NUMERAL}]+)\s*、\s*")),
    Numbering("outline", LEVELS["outline-2"], "zh", re.compile(rf"^[（(]([{CN_NUMERAL}]+)[）)]\s*")),
    Numbering("outline", LEVELS["outline-3"], "zh", re.compile(r"^(\d{1,2})[.．、](?![\d.．])\s*")),
    Numbering("outline", LEVELS["outline-4"], "zh", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
    Numbering("part", LEVELS["part"], "en", re.compile(rf"^Part\s+({_EN_NUM})\b[.:]?\s*")),
    Numbering("subpart", LEVELS["subpart"], "en", re.compile(rf"^Sub-?part\s+({_EN_NUM})\b[.:]?\s*", re.I)),
    Numbering("chapter", LEVELS["chapter"], "en", re.compile(rf"^Chapter\s+({_EN_NUM})\b[.:]?\s*", re.I)),
    Numbering("section", LEVELS["section"], "en", re.compile(rf"^Section\s+({_EN_NUM})\b[.:]?\s*")),
    Numbering("article", LEVELS["article"], "en", re.compile(r"^Article\s+(\d+)\b[.:]?\s*", re.I)),
    Numbering("outline", LEVELS["outline-1"], "en", re.compile(rf"^({ROMAN})\.\s+")),
    Numbering("outline", LEVELS["outline-2"], "en", re.compile(rf"^\(({ROMAN})\)\s*")),
    Numbering("outline", LEVELS["outline-3"], "en", re.compile(r"^(\d{1,2})\.(?!\d)\s+")),
    Numbering("outline", LEVELS["outline-4"], "en", re.compile(r"^\((\d{1,2})\)\s*")),
)
"""Every numbering label the reader, aligner and renderer know, in matching order."""


@dataclass(frozen=True)
class Label:
    """A numbering label found at the start of a text."""

    unit: Unit
    """What it numbers (`article`, `chapter`, `outline`, …)."""
    level: int
    """Its place on `LEVELS`."""
    ordinal: int
    """The numeral's value (`第二十六条` → 26, `(IV)` → 4)."""
    label: str
    """The label as written, stripped (`第二十六条`, `（一）`, `Article 26`)."""
    rest: str
    """The text after the label."""


def _english_ordinal(written: str) -> int | None:
    value = number_value(written) if written.isdigit() or re.fullmatch(ROMAN, written) else None
    if value is None:
        parts = written.lower().split("-")
        values = [_EN_WORD_NUMBERS.get(p) for p in parts]
        value = None if None in values else sum(values)  # type: ignore[arg-type]
    return value


def numbering(text: str, lang: str, whole: bool = False) -> Label | None:
    """The numbering label `text` starts with, in `lang` (`zh`, `en`), or None.

    With `whole`, a label that is the whole text counts too (`第三条` alone on a
    line, `Article 3`); otherwise some text must follow it.
    """
    stripped = text.lstrip()
    for row in NUMBERINGS:
        if row.lang != lang:
            continue
        match = row.pattern.match(stripped)
        if not match or (match.end() >= len(stripped) and not whole):
            continue
        value = _english_ordinal(match[1]) if lang == "en" else number_value(match[1])
        if value is not None:
            return Label(row.unit, row.level, value, match.group(0).strip(), stripped[match.end():])
    return None


# ---------------------------------------------------------------- 文号

_BRACKETED = r"[〔\[［(（]\s*(?P<year>\d{{4}})\s*[〕\]］)）]\s*(?P<number>\d{width})\s*"
DOC_NUMBER = re.compile(rf"^(?P<prefix>.*?)\s*{_BRACKETED.format(width='+')}号?$")
"""A whole 文号 `机关代字〔年份〕序号号`, with any of the brackets people type (the final 号 may be left off)."""
DOC_NUMBER_TAIL = re.compile(_BRACKETED.format(width="{1,5}") + "号")
"""The `〔年份〕序号号` of a 文号 in running text, where nothing marks where its 机关代字 begins."""


def doc_number_key(text: str) -> str:
    """A 文号 in one canonical form: brackets `〔〕`, no whitespace, no leading zeros (`工信部科〔2017〕315号`);
    the text without its whitespace when it is not a 文号."""
    match = DOC_NUMBER.match(compact(text))
    return f"{match['prefix']}〔{match['year']}〕{int(match['number'])}号" if match else compact(text)


# ---------------------------------------------------------------- slugs


def pinyin_slug(text: str) -> str:
    """Lower-case ASCII: Chinese in toneless pinyin, other runs of non-alphanumerics as `-`."""
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(text)).lower()).strip("-")
