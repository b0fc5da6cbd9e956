"""Read stage: find the structure of a document's body.

The body (everything after the header) is: the notice — its title repeated,
the 文号 line, the addressees, paragraphs, the `附件：` list, the signature,
its date line and closing notes — then the attachments, each opened by an
optional label (`附件1`) and its title in Chinese and/or English.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.read.classify import ZH_SENTENCE, body_blocks, line_blocks, numbering, plain_table_rows, split_scripts
from generator.read.header import parse_date
from generator.read.law import PREAMBLE, contents_run, is_front_matter, is_order, is_order_number
from generator.read.links import LINK
from generator.model import Block, ClassifiedLine, Diagnostic, Metadata, Section
from generator.text import chinese_number, compact, has_han

Line = tuple[int, str]

_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*")
_LIST_ITEM = re.compile(r"^(\d{1,2})\s*[.、．]\s*")
ATTACHMENT_LABEL = re.compile(r"^(?:附\s*件|Attachment|Annex|Appendix)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?$", re.I)
_DOC_NUMBER = re.compile(r"^\S{1,16}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号$")
_NOTE = re.compile(r"^[（(].*[）)]$")
_SIGNATURE_MAX = 30
_SIGNATURE_LINES = 6
_TITLE_MAX_ZH = 80
_TITLE_MAX_EN = 200
_TITLE_ENDS = ("通知", "意见", "函", "方案", "规定", "办法", "决定", "法", "条例", "细则", "规则", "计划", "规划", "纲要",
               "公告", "通告", "报告", "批复", "令", "清单", "指标", "标准", "指南", "要点", "决议", "纪要", "通报", "章程",
               "预案", "措施", "目录", "表", "说明", "》", "）", ")")
_EN_JOINERS = ("of", "the", "and", "on", "for", "to", "in", "at", "by", "with", "concerning", "regarding")
_OMITTED = re.compile(r"\s*[（(]\s*略\s*[）)]\s*$")
_LETTER_SPACING = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Body:
    """The parts of a document's body."""

    sections: tuple[Section, ...]
    """The notice, then the attachments."""
    classified: tuple[ClassifiedLine, ...]
    """Duplicate titles, titles shown in headings, and attachment labels."""
    diagnostics: tuple[Diagnostic, ...]
    """Attachments listed but not found, and the like."""


def is_date_line(text: str) -> bool:
    return parse_date(text) is not None and ("年" in text or "-" in text)


def _list_title(item: str) -> str:
    link = LINK.search(item)
    title = link["text"].strip() if link else _LIST_ITEM.sub("", item).strip()
    return _OMITTED.sub("", title)


def _attachment_list(lines: list[Line], start: int) -> tuple[Block, tuple[str, ...]]:
    """The `附件：` block starting at `start`, and the titles it lists."""
    items = [_ATTACHMENT_LIST.sub("", lines[start][1])]
    end = start + 1
    while end < len(lines) and _LIST_ITEM.match(lines[end][1]):
        items.append(lines[end][1])
        end += 1
    block = Block(kind="attachments", lang="zh", text="\n".join(t for _, t in lines[start:end]),
                  lines=tuple(n for n, _ in lines[start:end]))
    return block, tuple(_list_title(item) for item in items if item.strip())


def front_matter_end(lines: list[Line], i: int) -> int:
    """Index after the front matter lines starting at `i` (a parenthesis opened goes on until closed)."""
    depth = 0
    while i < len(lines) and (depth > 0 or is_front_matter(lines[i][1])):
        text = lines[i][1]
        depth = max(0, depth + text.count("（") + text.count("(") - text.count("）") - text.count(")"))
        i += 1
    return i


def front_matter_blocks(lines: list[Line], translation: bool = False) -> list[Block]:
    """The front matter as blocks: a parenthesis running over several lines (`（1989年10月31日第七届
    全国人民代表大会` / `常务委员会第十一次会议通过）`) is one block of those lines."""
    blocks: list[Block] = []
    depth = 0
    for n, text in lines:
        pieces = split_scripts(text)
        if depth > 0 and len(pieces) == 1 and blocks and blocks[-1].lang == pieces[0][0]:
            previous = blocks[-1]
            blocks[-1] = dataclasses.replace(previous, text=f"{previous.text}\n{pieces[0][1]}", lines=previous.lines + (n,))
        else:
            blocks += [Block(kind="front_matter", lang=lang, text=p, lines=(n,), translation=translation)
                       for lang, p in pieces]
        depth = max(0, depth + text.count("（") + text.count("(") - text.count("）") - text.count(")"))
    return blocks


def _title_span(lines: list[Line], i: int, title: str) -> int:
    """How many lines from `i` spell the known title (gov.cn breaks long titles in two or three)."""
    joined = ""
    for k in range(i, min(i + 4, len(lines))):
        joined += compact(lines[k][1])
        if joined == title:
            return k - i + 1
        if not title.startswith(joined):
            return 0
    return 0


def _head(lines: list[Line], metadata: Metadata) -> tuple[list[Block], list[ClassifiedLine], int]:
    """Title lines and repeats, front matter, a table of contents, the 文号 or order number and the
    addressees: everything before the first paragraph."""
    blocks: list[Block] = []
    classified: list[ClassifiedLine] = []
    title, number = compact(metadata.title or ""), compact(metadata.doc_number or "")
    i = 0
    while i < len(lines):
        n, text = lines[i]
        span = _title_span(lines, i, title) if title else 0
        contents = contents_run([t for _, t in lines[i:]]) if not span else 0
        if span:
            classified += [ClassifiedLine(m, "duplicate title", t) for m, t in lines[i : i + span]]
        elif is_front_matter(text):
            span = front_matter_end(lines, i) - i
            blocks += front_matter_blocks(lines[i : i + span])
        elif contents and _names_headings(lines, i, contents):
            classified += [ClassifiedLine(m, "contents", t) for m, t in lines[i : i + contents]]
            span = contents
        elif (number and compact(text) == number) or _DOC_NUMBER.match(text) or is_order(text) or is_order_number(text):
            blocks.append(Block(kind="doc_number", lang="zh", text=text, lines=(n,)))
        elif text.endswith(("：", ":")) and has_han(text) and "。" not in text and not _ATTACHMENT_LIST.match(text):
            blocks.append(Block(kind="addressee", lang="zh", text=text, lines=(n,)))
        elif not any(b.kind in ("addressee", "front_matter", "doc_number") for b in blocks) and _title_like(text):
            found, span = title_blocks(lines[i:])
            if not span:
                return blocks, classified, i
            blocks += found
        else:
            return blocks, classified, i
        i += max(span, 1)
    return blocks, classified, len(lines)


def _names_headings(lines: list[Line], i: int, count: int) -> bool:
    """True when every entry of the contents at `i` is a line of the body after it."""
    later = {compact(t) for _, t in lines[i + count :]}
    return all(compact(t) in later for _, t in lines[i + 1 : i + count])


def _title_like(text: str) -> bool:
    if numbering(text, "zh") or numbering(text, "en") or text.endswith(("。", ".", "；", ";", "：", ":")):
        return False
    if is_date_line(text) or ATTACHMENT_LABEL.match(text) or is_front_matter(text) or _DOC_NUMBER.match(text):
        return False
    if contents_run([text, "第一章"]) or PREAMBLE.match(text) or is_order(text):  # `目录`, `序言`, `…令`
        return False
    return len(text) <= (_TITLE_MAX_ZH if has_han(text) else _TITLE_MAX_EN) and "。" not in text


def _as_titles(text: str, line: int, translation: bool = False) -> list[Block]:
    return [Block(kind="title", lang=lang, text=piece, lines=(line,), translation=translation)
            for lang, piece in split_scripts(text)]


def _continues(previous: Block, line: int, piece: str, lang: str) -> bool:
    """True when a title piece on `line` goes on the title `previous` began (a title broken over lines)."""
    last = previous.text.split("\n")[-1].strip()
    if previous.lang != lang:
        return False
    if lang == "zh":
        return line == previous.lines[-1] + 1 and not last.endswith(_TITLE_ENDS)
    return last.split()[-1].lower() in _EN_JOINERS if last.split() else False


def title_blocks(lines: list[Line], limit: int = 3, translation: bool = False) -> tuple[list[Block], int]:
    """Title blocks from the title-like lines at the start of `lines` (at most `limit` titles), and how
    many lines they take. A title broken over lines (`CONSTITUTION OF` / `THE PEOPLE'S REPUBLIC OF
    CHINA`, or a long gov.cn title) is one block whose text joins its lines with "\n"."""
    blocks: list[Block] = []
    used = 0
    for k, (n, text) in enumerate(lines):
        if not _title_like(text) or plain_table_rows(lines[k:]):
            break
        pieces = split_scripts(text)
        if len(pieces) == 1 and blocks and _continues(blocks[-1], n, pieces[0][1], pieces[0][0]):
            previous = blocks[-1]
            blocks[-1] = Block(kind="title", lang=previous.lang, text=f"{previous.text}\n{pieces[0][1]}",
                               lines=previous.lines + (n,), translation=translation)
        elif len({b.lines for b in blocks}) >= limit:
            break
        else:
            blocks += _as_titles(text, n, translation)
        used += 1
    return blocks, used


def title_text(block: Block) -> str:
    """A title block's text on one line: Chinese lines joined as they are (letter spacing removed
    between Han characters), English lines with a space."""
    parts = [p.strip() for p in block.text.split("\n")]
    return _LETTER_SPACING.sub("", "".join(parts)) if block.lang == "zh" else " ".join(parts)


def take_titles(blocks: list[Block], title_zh: str | None, title_en: str | None
                ) -> tuple[str | None, str | None, list[Block], list[ClassifiedLine]]:
    """Move title lines into the section's titles while a title is still missing.

    A title (one line, or a title broken over lines) is shown in the section's heading
    (its lines classified `title`) when every piece on its lines fills an empty slot;
    otherwise it stays a block (a row).
    """
    classified: list[ClassifiedLine] = []
    taken: set[tuple[int, ...]] = set()
    for lines in sorted({b.lines for b in blocks if b.kind == "title"}):
        pieces = [b for b in blocks if b.kind == "title" and b.lines == lines]
        langs = [b.lang for b in pieces]
        free = {"zh": title_zh is None, "en": title_en is None}
        if len(set(langs)) == len(langs) and all(free.get(lang, False) for lang in langs):
            title_zh = next((title_text(b) for b in pieces if b.lang == "zh"), title_zh)
            title_en = next((title_text(b) for b in pieces if b.lang == "en"), title_en)
            texts = [b.text.split("\n") for b in pieces]
            classified += [ClassifiedLine(n, "title", " ".join(t[k] for t in texts)) for k, n in enumerate(lines)]
            taken.add(lines)
    kept = [b for b in blocks if not (b.kind == "title" and b.lines in taken)]
    return title_zh, title_en, kept, classified


def _is_signature(text: str) -> bool:
    return (len(text) <= _SIGNATURE_MAX and has_han(text) and not ZH_SENTENCE.search(text)
            and not numbering(text, "zh") and not is_date_line(text) and not ATTACHMENT_LABEL.match(text))


def _closing(lines: list[Line], start: int, need_end: bool) -> tuple[list[Block], int, int] | None:
    """Signature, date and notes: (blocks, index where they start, index after them), or None.

    Looks for the first date line at or after `start`; with `need_end` (no
    attachment list) the date line must be followed by nothing but notes.
    """
    dates = [i for i in range(start, len(lines)) if is_date_line(lines[i][1])]
    for d in dates:
        after = d + 1
        while after < len(lines) and _NOTE.match(lines[after][1]):
            after += 1
        if need_end and after != len(lines) and not _title_like(lines[after][1]):
            continue  # after the date and its notes: the end, or the title of the document the notice issues
        first = d
        while first > start and d - first < _SIGNATURE_LINES and _is_signature(lines[first - 1][1]):
            first -= 1
        blocks = [Block(kind="signature", lang="zh", text=t, lines=(n,)) for n, t in lines[first:d]]
        blocks.append(Block(kind="date", lang="zh", text=lines[d][1], lines=(lines[d][0],)))
        blocks += [Block(kind="note", lang="zh", text=t, lines=(n,)) for n, t in lines[d + 1 : after]]
        return blocks, first, after
    return None


def _label_number(text: str) -> int | None:
    match = ATTACHMENT_LABEL.match(text)
    if not match:
        return None
    return 1 if not match[1] else int(match[1]) if match[1].isdigit() else chinese_number(match[1])


def _attachment_starts(lines: list[Line], titles: tuple[str, ...]) -> list[int | None]:
    """Index where each listed attachment starts (its label or title line), None when absent."""
    starts: list[int | None] = []
    position = 0
    for k, title in enumerate(titles, start=1):
        found = None
        for i in range(position, len(lines)):
            text = lines[i][1]
            if _label_number(text) == k or (title and compact(text) == compact(title)):
                found = i
                break
        if found is None and k == 1:
            found = 0
        starts.append(found)
        if found is not None:
            position = found + 1
            while position < len(lines) and (ATTACHMENT_LABEL.match(lines[position][1]) or _title_like(lines[position][1])):
                position += 1
    return starts


def attachment_section(number: int, listed: str | None, lines: list[Line], translation: bool = False
                       ) -> tuple[Section, list[ClassifiedLine]]:
    """One attachment: label lines, title lines, then its body."""
    classified: list[ClassifiedLine] = []
    titles: list[Block] = []
    i = 0
    while i < len(lines) and not titles and ATTACHMENT_LABEL.match(lines[i][1]):
        classified.append(ClassifiedLine(lines[i][0], "attachment label", lines[i][1]))
        i += 1
    titles, used = title_blocks(lines[i:], 3, translation)
    i += used
    front, i = i, front_matter_end(lines, i)
    fronts = front_matter_blocks(lines[front:i], translation)
    title_zh, title_en, kept, shown = take_titles(titles, None, None)
    blocks = tuple(kept) + tuple(fronts) + body_blocks(lines[i:], translation)
    return Section("attachment", number, title_zh or listed, title_en, blocks), classified + shown


def _notice_parts(lines: list[Line], metadata: Metadata) -> tuple[list[Block], list[ClassifiedLine], int, tuple[str, ...]]:
    """The notice's blocks, its classified lines, where it ends, and the attachment titles it lists."""
    head, classified, i = _head(lines, metadata)
    if any(b.kind == "doc_number" and is_order(b.text) for b in head):  # a 主席令: its text, signature and date
        order = _closing(lines[: i + _SIGNATURE_LINES + 2], i, need_end=False)
        if order:
            head += list(body_blocks(lines[i : order[1]])) + order[0]
            i = order[2]
        if not any(b.kind == "title" for b in head):  # the order first, then the title of what it promulgates
            found, used = title_blocks(lines[i:], 1)
            head, i = head + found, i + used
    listing = next((j for j in range(i, len(lines)) if _ATTACHMENT_LIST.match(lines[j][1])), None)
    titles: tuple[str, ...] = ()
    if listing is None:
        closing = _closing(lines, i, need_end=True)
        body_end, end = (closing[1], closing[2]) if closing else (len(lines), len(lines))
        tail = closing[0] if closing else []
        return head + list(body_blocks(lines[i:body_end])) + tail, classified, end, titles
    block, titles = _attachment_list(lines, listing)
    after_list = listing + len(block.lines)
    closing = _closing(lines, after_list, need_end=False)
    if closing and closing[1] != after_list:
        closing = None  # something other than a signature stands between the list and the date
    tail, end = (closing[0], closing[2]) if closing else ([], after_list)
    blocks = head + list(body_blocks(lines[i:listing])) + [block] + tail
    return blocks, classified, end, titles


def read_body(lines: list[Line], metadata: Metadata, file: str) -> Body:
    """Split the body lines (line number, stripped text; no blanks, no footer) into sections."""
    blocks, classified, end, titles = _notice_parts(lines, metadata)
    rest = lines[end:]
    if rest and not any(titles) and any(b.kind == "attachments" for b in blocks):
        titles = ("",)  # `附件：` alone: the attachment follows under its own title
    elif rest and not titles:  # the document a notice issues (印发), after its date, unlisted: stays in the notice
        embedded, used = title_blocks(rest, 1)
        blocks += embedded + list(body_blocks(rest[used:]))
        rest = []
    starts = _attachment_starts(rest, titles) if rest else [None] * len(titles)
    found = [(k, s) for k, s in enumerate(starts, start=1) if s is not None]
    if found and found[0][1] > 0:  # text between the notice's end and the first attachment stays in the notice
        blocks += body_blocks(rest[: found[0][1]])
    notice_title, title_en, blocks, shown = take_titles(blocks, metadata.title, None)
    classified += shown
    sections = [Section("notice", 0, notice_title, title_en, tuple(blocks))]
    bounds = dict(zip((k for k, _ in found), zip((s for _, s in found), [s for _, s in found[1:]] + [len(rest)])))
    for k, listed in enumerate(titles, start=1):
        if k in bounds:
            section, labels = attachment_section(k, listed or None, rest[bounds[k][0] : bounds[k][1]])
            sections.append(section)
            classified += labels
        else:  # listed but not in the file: the card says so; no diagnostic (real documents often omit them)
            sections.append(Section("attachment", k, listed or None, None, (), included=False))
    return Body(tuple(sections), tuple(classified), ())
