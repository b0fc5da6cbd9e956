"""Read stage: find the structure of a document's body.

The body (everything after the header) is: the notice — its title repeated,
the 文号 line, the addressees, paragraphs, the `附件：` list, the signature,
its date line and closing notes — then the attachments, each opened by an
optional label (`附件1`) and its title in Chinese and/or English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.read.classify import ZH_SENTENCE, body_blocks, line_blocks, numbering, split_scripts
from generator.read.header import parse_date
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
    return link["text"].strip() if link else _LIST_ITEM.sub("", item).strip()


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


def _head(lines: list[Line], metadata: Metadata) -> tuple[list[Block], list[ClassifiedLine], int]:
    """Title repeats, title lines, the 文号 line and addressees before the first paragraph."""
    blocks: list[Block] = []
    classified: list[ClassifiedLine] = []
    title, number = compact(metadata.title or ""), compact(metadata.doc_number or "")
    i = 0
    for i, (n, text) in enumerate(lines):
        if title and compact(text) == title:
            classified.append(ClassifiedLine(n, "duplicate title", text))
        elif (number and compact(text) == number) or _DOC_NUMBER.match(text):
            blocks.append(Block(kind="doc_number", lang="zh", text=text, lines=(n,)))
        elif text.endswith(("：", ":")) and has_han(text) and "。" not in text and not _ATTACHMENT_LIST.match(text):
            blocks.append(Block(kind="addressee", lang="zh", text=text, lines=(n,)))
        elif not any(b.kind == "addressee" for b in blocks) and _title_like(text):
            blocks.extend(_as_titles(text, n))
        else:
            return blocks, classified, i
    return blocks, classified, len(lines)


def _title_like(text: str) -> bool:
    if numbering(text, "zh") or numbering(text, "en") or text.endswith(("。", ".", "；", ";", "：", ":")):
        return False
    if is_date_line(text) or ATTACHMENT_LABEL.match(text):
        return False
    return len(text) <= (_TITLE_MAX_ZH if has_han(text) else _TITLE_MAX_EN) and "。" not in text


def _as_titles(text: str, line: int, translation: bool = False) -> list[Block]:
    return [Block(kind="title", lang=lang, text=piece, lines=(line,), translation=translation)
            for lang, piece in split_scripts(text)]


def take_titles(blocks: list[Block], title_zh: str | None, title_en: str | None
                ) -> tuple[str | None, str | None, list[Block], list[ClassifiedLine]]:
    """Move title lines into the section's titles while a title is still missing.

    A title line is shown in the section's heading (classified `title`) when every
    piece on it fills an empty slot; otherwise it stays a block (a row).
    """
    classified: list[ClassifiedLine] = []
    for line in sorted({n for b in blocks if b.kind == "title" for n in b.lines}):
        pieces = [b for b in blocks if b.kind == "title" and b.lines == (line,)]
        langs = [b.lang for b in pieces]
        free = {"zh": title_zh is None, "en": title_en is None}
        if len(set(langs)) == len(langs) and all(free.get(lang, False) for lang in langs):
            title_zh = next((b.text for b in pieces if b.lang == "zh"), title_zh)
            title_en = next((b.text for b in pieces if b.lang == "en"), title_en)
            classified.append(ClassifiedLine(line, "title", " ".join(b.text for b in pieces)))
    taken = {c.line for c in classified}
    kept = [b for b in blocks if not (b.kind == "title" and b.lines[0] in taken)]
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
        if need_end and after != len(lines):
            continue
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
    while i < len(lines) and len(titles) < 3 and _title_like(lines[i][1]):
        titles += _as_titles(lines[i][1], lines[i][0], translation)
        i += 1
    title_zh, title_en, kept, shown = take_titles(titles, None, None)
    blocks = tuple(kept) + body_blocks(lines[i:], translation)
    return Section("attachment", number, title_zh or listed, title_en, blocks), classified + shown


def _notice_parts(lines: list[Line], metadata: Metadata) -> tuple[list[Block], list[ClassifiedLine], int, tuple[str, ...]]:
    """The notice's blocks, its classified lines, where it ends, and the attachment titles it lists."""
    head, classified, i = _head(lines, metadata)
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
    starts = _attachment_starts(rest, titles) if rest else [None] * len(titles)
    found = [(k, s) for k, s in enumerate(starts, start=1) if s is not None]
    if found and found[0][1] > 0:  # text between the notice's end and the first attachment stays in the notice
        blocks += body_blocks(rest[: found[0][1]])
    notice_title, title_en, blocks, shown = take_titles(blocks, metadata.title, None)
    classified += shown
    sections = [Section("notice", 0, notice_title, title_en, tuple(blocks))]
    diagnostics: list[Diagnostic] = []
    for (k, start), following in zip(found, found[1:] + [(0, len(rest))]):
        section, labels = attachment_section(k, titles[k - 1], rest[start : following[1]])
        sections.append(section)
        classified += labels
    for k, start in enumerate(starts, start=1):
        if start is None and rest:
            message = f"attachment {k} ({titles[k - 1]}) is listed but its text is not in the file"
            line = next(b.lines[0] for b in blocks if b.kind == "attachments")
            diagnostics.append(Diagnostic(file, line, "warning", message))
    return Body(tuple(sections), tuple(classified), tuple(diagnostics))
