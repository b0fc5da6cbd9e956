"""Align stage, numbers: the quantities and the numbering labels a text states.

A translation keeps its numbers: `2020年` ↔ `2020`, `30%` ↔ `30 percent`,
`1500亿元` ↔ `150 billion yuan`, `60多年` ↔ `more than 60 years`, `百分之五十` ↔
`50 percent`, `二十世纪` ↔ `20th century`, `一九四九年` ↔ `1949`, `第十条` ↔ `Article 10`. Digits are
*strong* values (a translator never drops them); numerals written in words
(`三年` ↔ `three-year`, `十九大` ↔ `19th`, `December`) are *weak* values: they
confirm a strong value on the other side but are never missed.

Numbering labels (`一、` ↔ `I.`, `（一）` ↔ `(I)`/`(1)`, `1.`, `（1）`, `第三条` ↔
`Article 3`) are read with the one table, `text.NUMBERINGS`, when the reader did not set them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.text import chinese_number
from generator.text import numbering as find_numbering

_ZH_BIG = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
_ZH_NUMERAL = "零〇一二三四五六七八九十百千两"
_ZH_MEASURE = "年个项家条种类批大次倍位名所座级届期省市亿万千百%多余世岁周"
_EN_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "hundred": 100}
_EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_EN_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), start=1
    )
}

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_ARABIC = re.compile(rf"({_ARABIC})\s*(万亿|万|亿)?")
_ZH_WORDS = re.compile(rf"(第)?([{_ZH_NUMERAL}]+)(万亿|万|亿)?(?=[{_ZH_MEASURE}])|(第)([{_ZH_NUMERAL}]+)")
_ZH_PLAN = re.compile(r"(十[一二三四五六七八九]?)五")
_ZH_PER = re.compile(r"每(万|亿)")
_ZH_PERCENT = re.compile(rf"百分之([{_ZH_NUMERAL}]+)(?:点([〇零一二三四五六七八九]+))?")
_EN_ARABIC = re.compile(
    rf"(?<![A-Za-z\d.])(?<![A-Za-z]-)({_ARABIC})(?:st|nd|rd|th)?(?:\s*(thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_EN_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Quantities:
    """The numbers one text states."""

    strong: dict[float, str]
    """Values written in digits → how the text wrote the first of them."""
    weak: dict[float, str]
    """Values written in words (numerals, ordinals, month names) → how the text wrote them."""

    @property
    def values(self) -> frozenset[float]:
        """Every value the text states, strong or weak."""
        return frozenset(self.strong) | frozenset(self.weak)

    def surface(self, value: float) -> str:
        """How the text wrote `value`."""
        return self.strong.get(value) or self.weak.get(value) or f"{value:g}"


@dataclass(frozen=True)
class Numbering:
    """A numbering label at the start of a text."""

    level: int
    """Its place on the one level scale, `text.LEVELS`."""
    ordinal: int
    """The label's value."""
    label: str
    """The label as written."""


def _arabic(number: str, scale: int = 1) -> float:
    return round(float(number.replace(",", "")) * scale, 3)


def _unlabelled(text: str, lang: str) -> str:
    """`text` without the numbering label of each of its lines (`（一）`, `(1)` of a list inside
    an article): labels are compared by the numbering evidence, not as numbers the text states."""
    lines = text.split("\n")
    return "\n".join(lines[:1] + [found.rest if (found := find_numbering(x, lang)) else x for x in lines[1:]])


def zh_quantities(text: str) -> Quantities:
    """The numbers of a Chinese text (its numbering label already removed)."""
    text = _unlabelled(text, "zh").replace("○", "〇")  # 一八四○年: a circle written for zero
    strong: dict[float, str] = {}
    for m in _ZH_ARABIC.finditer(text):
        strong.setdefault(_arabic(m.group(1), _ZH_BIG.get(m.group(2) or "", 1)), m.group(0).strip())
    weak: dict[float, str] = {}
    for m in _ZH_PERCENT.finditer(text):  # 百分之五十 ↔ 50 percent, 百分之三点五 ↔ 3.5%
        whole = chinese_number(m.group(1))
        decimals = "".join(str(chinese_number(c)) for c in m.group(2) or "")
        if whole is not None:
            weak.setdefault(float(f"{whole}.{decimals}" if decimals else whole), m.group(0))
    text = _ZH_PERCENT.sub(" ", text)
    for m in _ZH_WORDS.finditer(text):
        value = chinese_number(m.group(2) or m.group(5))
        if value is not None:
            weak.setdefault(float(value * _ZH_BIG.get(m.group(3) or "", 1)), m.group(0))
    for m in _ZH_PLAN.finditer(text):
        weak.setdefault(float(chinese_number(m.group(1)) or 0), m.group(0))
        weak.setdefault(5.0, m.group(0))
    for m in _ZH_PER.finditer(text):
        weak.setdefault(float(_ZH_BIG[m.group(1)]), m.group(0))
    return Quantities(strong=strong, weak=weak)


def en_quantities(text: str) -> Quantities:
    """The numbers of an English text (its numbering label already removed)."""
    text = _unlabelled(text, "en")
    strong: dict[float, str] = {}
    for m in _EN_ARABIC.finditer(text):
        strong.setdefault(_arabic(m.group(1), _EN_SCALE.get((m.group(2) or "").lower(), 1)), m.group(0).strip())
    weak: dict[float, str] = {}
    words = _EN_WORD.findall(text)
    for i, w in enumerate(words):
        value = _EN_WORDS.get(w.lower(), _EN_ORDINALS.get(w.lower(), _MONTHS.get(w.lower())))
        if value is None:
            continue
        scale = _EN_SCALE.get(words[i + 1].lower(), 1) if i + 1 < len(words) else 1
        weak.setdefault(float(value), w)
        weak.setdefault(float(value * scale), f"{w} {words[i + 1]}" if scale > 1 else w)
    return Quantities(strong=strong, weak=weak)


def numbering(text: str, lang: str) -> tuple[Numbering | None, str]:
    """The numbering label at the start of `text` (None if none) and the text after it (`text.NUMBERINGS`)."""
    found = find_numbering(text, "en" if lang == "en" else "zh")
    if found is None:
        return None, text
    return Numbering(level=found.level, ordinal=found.ordinal, label=found.label), found.rest
