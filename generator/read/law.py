"""Read stage: what a law or regulation states about itself.

The front matter under a law's title — `2021年6月10日第十三届全国人民代表大会常务委员会
第二十九次会议通过`, `2022年3月1日 施行`, `（1982年12月4日…通过　根据1988年…修正）`,
`(Adopted at … on December 4, 1982; amended …)` — is recognised line by line
(the lines stay shown, as `front_matter` blocks) and read into dates: adopted,
promulgated, effective, amended. The effective date may also come from the
article that states it (`本法自2021年9月1日起施行`, `自公布之日起施行`). The
issuer is the organ that adopted or issued the text. A law's own table of
contents (`目录` and its entries) is recognised here too.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass

from generator.model import Block, Metadata, Section
from generator.text import CN_NUMERAL, chinese_number, compact, numbering

_ZH_DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_MONTHS = "January February March April May June July August September October November December".split()
_EN_DATE = re.compile(rf"\b({'|'.join(_MONTHS)})\s+(\d{{1,2}}),\s*(\d{{4}})")
_ZH_VERBS = re.compile(r"通过|公布|发布|施行|实施|修正|修订|批准|印发")
_EN_FRONT = re.compile(r"^\(\s*(?:Adopted|Promulgated|Approved|Issued|Revised|Amended)\b", re.I)
_AMENDED = re.compile(r"修正|修订|修改")
_AMENDMENT_SPAN = re.compile(r"根据.*?(?:修正|修订)(?!案)", re.S)
_ORGAN = re.compile(
    rf"^\s*(?:第[{CN_NUMERAL}\d]+届)?(?P<organ>[\u4e00-\u9fff]{{2,30}}?)\s*(?:\d{{4}}年)?"
    rf"(?:第[{CN_NUMERAL}\d]+次|常务会议|全体会议|会议|发布|公布|通过|印发)"
)
_EN_ORGAN = re.compile(
    r"(?:meeting|session|conference)\s+of\s+the\s+(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth)\s+)?(?P<organ>[A-Z][\w’' ]+?)\s+(?:on|and|at)\b",
    re.I,
)
_IN_FORCE = re.compile(r"本(?:法|规定|办法|条例|细则|决定|规则|准则|通知|意见)自(?P<when>.{4,20}?)起(?:施行|实施|生效)")
_ORDER = re.compile(rf"^\S{{2,20}}?令(?:[（(]?第[{CN_NUMERAL}\d]+号[）)]?)?$")
_ORDER_NUMBER = re.compile(rf"^[（(]?第\s*[{CN_NUMERAL}\d]+\s*号[）)]?$")
_CONTENTS = re.compile(r"^目\s*录$|^Contents$", re.I)
PREAMBLE = re.compile(r"^(?:序\s*言|Preamble)$", re.I)
"""`序言` / `Preamble`: a heading at chapter level."""
_STRUCTURE_UNITS = ("part", "subpart", "chapter", "section")


@dataclass(frozen=True)
class StatedDates:
    """The dates a document states about itself, ISO, and the organ that adopted or issued it."""

    adopted: str | None = None
    promulgated: str | None = None
    effective: str | None = None
    amended: tuple[str, ...] = ()
    organ: str | None = None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat() if None not in (year, month, day) else None  # type: ignore[arg-type]
    except ValueError:
        return None


def zh_date(match: re.Match[str]) -> str | None:
    """ISO date of a `_ZH_DATE` match (Arabic or Chinese numerals)."""
    if match[1]:
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    year = chinese_number(match[4].replace("○", "〇"))
    return _iso(year, chinese_number(match[5]), chinese_number(match[6]))


def first_zh_date(text: str) -> str | None:
    match = _ZH_DATE.search(text)
    return zh_date(match) if match else None


def is_front_matter(text: str) -> bool:
    """A line of a law's front matter: a date and what happened on it, or `(Adopted … )`."""
    if _EN_FRONT.match(text):
        return True
    stripped = text.strip().lstrip("（(").strip()
    if text.strip().startswith(("（", "(")) and _ZH_DATE.match(stripped) and opens_parenthesis(text):
        return True
    if not _ZH_DATE.search(stripped) or not _ZH_VERBS.search(stripped) or stripped.endswith("。"):
        return False
    return bool(_ZH_DATE.match(stripped) or stripped.startswith("根据")) and len(stripped) <= 600


def opens_parenthesis(text: str) -> bool:
    """True when `text` opens a parenthesis it does not close (the front matter goes on)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _zh_dates(text: str) -> StatedDates:
    amended: list[str] = []
    spans = [m.span() for m in _AMENDMENT_SPAN.finditer(text)]
    found: dict[str, str] = {}
    organ = None
    matches = list(_ZH_DATE.finditer(text))
    for k, match in enumerate(matches):
        iso = zh_date(match)
        clause = text[match.end() : matches[k + 1].start() if k + 1 < len(matches) else len(text)]
        if iso is None:
            continue
        if any(a <= match.start() < b for a, b in spans) or _AMENDED.search(clause.split("根据")[0]):
            if iso not in amended:
                amended.append(iso)
            continue
        for key, verbs in (("adopted", ("通过",)), ("promulgated", ("公布", "发布", "印发")), ("effective", ("施行", "实施"))):
            if any(v in clause for v in verbs) and key not in found:
                found[key] = iso
                if organ is None and key in ("adopted", "promulgated"):
                    organ = _organ(clause)
    return StatedDates(found.get("adopted"), found.get("promulgated"), found.get("effective"), tuple(amended), organ)


def _organ(clause: str) -> str | None:
    match = _ORGAN.match(clause)
    return match["organ"] if match else None


def _en_dates(text: str) -> StatedDates:
    found: dict[str, str] = {}
    amended: list[str] = []
    for clause in re.split(r";", text):
        dates = [_iso(int(m[3]), _MONTHS.index(m[1]) + 1, int(m[2])) for m in _EN_DATE.finditer(clause)]
        dates = [d for d in dates if d]
        if not dates:
            continue
        lowered = clause.lower()
        if "amend" in lowered or "revis" in lowered:
            amended += [d for d in dates if d not in amended]
            continue
        for key, word in (("adopted", "adopted"), ("promulgated", "promulgated"), ("effective", "effect")):
            if word in lowered and key not in found:
                found[key] = dates[-1]
    organ = _EN_ORGAN.search(text)
    return StatedDates(found.get("adopted"), found.get("promulgated"), found.get("effective"), tuple(amended),
                       organ["organ"].strip() if organ else None)


def front_matter_dates(zh_lines: list[str], en_lines: list[str]) -> StatedDates:
    """Dates from the front matter: the Chinese lines when there are any, else the English."""
    if zh_lines:
        return _zh_dates("".join(line.strip() for text in zh_lines for line in text.split("\n")))
    if en_lines:
        return _en_dates(" ".join(line.strip() for text in en_lines for line in text.split("\n")))
    return StatedDates()


def in_force(texts: list[str], promulgated: str | None) -> str | None:
    """The effective date an article states: `本法自2021年9月1日起施行`, `自公布之日起施行`."""
    for text in texts:
        match = _IN_FORCE.search(compact(text))
        if match:
            return promulgated if "公布" in match["when"] or "发布" in match["when"] else first_zh_date(match["when"])
    return None


def is_order(text: str) -> bool:
    """`中华人民共和国主席令`, `国务院令`: the order promulgating a law (its number follows)."""
    plain = compact(text)
    return bool(_ORDER.match(plain)) and len(plain) <= 30 and "关于" not in plain and "命令" not in plain


def is_order_number(text: str) -> bool:
    """`第二十号`, `（第20号）`: the number of an order."""
    return bool(_ORDER_NUMBER.match(compact(text)))


def title_organ(title: str | None) -> str | None:
    """The issuer a Chinese title names: `国务院关于…的规定` → `国务院`."""
    match = re.match(r"^([\u4e00-\u9fff、]{2,30}?)关于", compact(title or ""))
    return match[1] if match else None


def is_structure_label(text: str) -> bool:
    """A line that is a part, chapter or section heading (`第一章　总则`, `Chapter I`), or 序言."""
    if PREAMBLE.match(text.strip()):
        return True
    for lang in ("zh", "en"):
        found = numbering(text, lang, whole=True)
        if found and found.unit in _STRUCTURE_UNITS:
            return True
    return False


def contents_run(texts: list[str]) -> int:
    """How many lines from the start form a table of contents: `目录`, then heading labels, ending
    where the first entry comes round again (the body's own first heading); 0 when none."""
    if not texts or not _CONTENTS.match(texts[0].strip()):
        return 0
    end = 1
    while end < len(texts) and is_structure_label(texts[end]):
        if end > 1 and compact(texts[end]) == compact(texts[1]):
            break
        end += 1
    return end if end > 1 else 0


def _closing_date(blocks: list[Block]) -> str | None:
    date = next((b for b in blocks if b.kind == "date"), None)
    return first_zh_date(date.text) if date else None


def stated_metadata(metadata: Metadata, sections: tuple[Section, ...], has_header: bool) -> Metadata:
    """`metadata` completed with what the text states: law dates from the front matter and the
    article putting it in force; for a document without a header, its 文号 or order number,
    its issuer (adopting organ, signature, or the title's `X关于`) and its date line. Header
    values always win."""
    blocks = [b for b in sections[0].blocks if not b.translation] if sections else []
    every = [b for s in sections for b in s.blocks if not b.translation and b.lang == "zh"]
    front = [b for b in blocks if b.kind == "front_matter"]
    stated = front_matter_dates([b.text for b in front if b.lang == "zh"], [b.text for b in front if b.lang == "en"])
    numbers = [b.text for b in blocks if b.kind == "doc_number"]
    order = any(is_order(t) for t in numbers)
    closing = _closing_date(blocks)
    promulgated = metadata.date_promulgated or stated.promulgated or (closing if order else None)
    signature = next((b.text for b in blocks if b.kind == "signature"), None)
    title = metadata.title or (sections[0].title_zh if sections else None)
    issuer = metadata.issuer or stated.organ
    if not has_header and not order:
        issuer = issuer or signature
    if order and not issuer:  # `中华人民共和国国务院令` → 国务院 (a 主席令 names no issuing organ)
        organ = compact(next(t for t in numbers if is_order(t))).removeprefix("中华人民共和国").split("令")[0]
        issuer = organ if organ != "主席" and len(organ) >= 2 else None
    return dataclasses.replace(
        metadata,
        doc_number=metadata.doc_number or ("".join(compact(t) for t in numbers) if numbers else None),
        issuer=issuer or title_organ(title),
        date_written=metadata.date_written or (closing if not has_header and not order else None),
        date_adopted=metadata.date_adopted or stated.adopted,
        date_promulgated=promulgated,
        date_effective=metadata.date_effective or stated.effective or in_force([b.text for b in every], promulgated),
        dates_amended=metadata.dates_amended or stated.amended,
    )
