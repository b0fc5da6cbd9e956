"""Read stage: the masthead and the `KEY：VALUE` header at the top of a document.

Keys are compared with all whitespace removed (`分 类`, `标　　题`); field order
varies, any field may be missing, unknown keys are kept verbatim. Dates are
stored as ISO `YYYY-MM-DD`; an impossible date is a warning and stays raw.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.model import Diagnostic, Field, Metadata
from generator.read.fields import FIELDS, KNOWN_KEYS
from generator.text import chinese_number, compact

_FIELD = re.compile(r"^(?P<key>[^：:]{1,16}?)\s*[：:]\s*(?P<value>.*)$")
_UNKNOWN_KEY = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_NOT_FIELDS = {"附件", "主送", "抄送"}
_MASTHEAD_LIMIT = 4
_HEADER_SEARCH = 30

_ISO_LIKE = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
_CJK_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CN_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_CATEGORY_SEPARATOR = re.compile(r"\s*(?:>|＞|\\)\s*")


@dataclass(frozen=True)
class Header:
    """What the top of a document holds, with the line index where the body starts."""

    masthead: tuple[tuple[int, str], ...]
    """(line number, text) of the masthead lines before the first field."""
    fields: tuple[Field, ...]
    """Every header field, in source order."""
    body_start: int
    """0-based index into the file's lines of the first line after the header."""


def parse_date(raw: str) -> tuple[int, int, int] | None:
    """(year, month, day) from the date forms the seed family uses, or None."""
    text = raw.strip()
    match = _ISO_LIKE.match(text) or _CJK_DATE.match(text)
    if match:
        return int(match[1]), int(match[2]), int(match[3])
    match = _CN_DATE.match(text)
    if match:
        parts = (chinese_number(match[1]), chinese_number(match[2]), chinese_number(match[3]))
        if None not in parts:
            return parts  # type: ignore[return-value]
    return None


def iso_date(raw: str, file: str, line: int) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """The ISO form of `raw`, or None and a warning naming the line."""
    parts = parse_date(raw)
    if parts is None:
        return None, (Diagnostic(file, line, "warning", f"unrecognised date {raw!r}: write it as YYYY-MM-DD"),)
    try:
        return datetime.date(*parts).isoformat(), ()
    except ValueError:
        return None, (Diagnostic(file, line, "warning", f"impossible date {raw!r}: the raw value is kept"),)


def _as_field(text: str, number: int, known_only: bool, empty_ok: bool = False) -> Field | None:
    match = _FIELD.match(text.strip())
    if not match:
        return None
    name = compact(match["key"])
    if name in KNOWN_KEYS:
        return Field(key=match["key"].strip(), name=name, value=match["value"].strip(), line=number)
    if known_only or name in _NOT_FIELDS or not _UNKNOWN_KEY.match(name) or not (match["value"].strip() or empty_ok):
        return None
    return Field(key=match["key"].strip(), name=name, value=match["value"].strip(), line=number)


def _line_fields(text: str, number: int, known_only: bool) -> tuple[Field, ...]:
    """The fields of one line: `KEY：VALUE`, or several in a tab-separated row as gov.cn pages lay
    them out (`索 引 号：<TAB>000014349/2018-00230<TAB>主题分类：<TAB>城乡建设`)."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if "\t" not in text:
        found = _as_field(text, number, known_only)
        return (found,) if found else ()
    fields: list[Field] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if cell.endswith(("：", ":")) and i + 1 < len(cells) and not _FIELD.match(cells[i + 1]):
            cell, i = f"{cell}{cells[i + 1]}", i + 1
        found = _as_field(cell, number, known_only=False, empty_ok=True)
        if found is None:
            return ()
        fields.append(found)
        i += 1
    if known_only and not any(f.name in KNOWN_KEYS for f in fields):
        return ()
    return tuple(fields)


def read_header(lines: tuple[str, ...], file: str) -> tuple[Header, tuple[Diagnostic, ...]]:
    """Find the masthead and header; a document without one (a law, a notice copied from a
    ministry page) has an empty header and its body starts at the first line."""
    first = next(
        (i for i, text in enumerate(lines[:_HEADER_SEARCH]) if _line_fields(text, i + 1, known_only=True)), None
    )
    if first is None:
        return Header(masthead=(), fields=(), body_start=0), ()
    masthead = tuple((i + 1, t.strip()) for i, t in enumerate(lines[:first]) if t.strip())
    diagnostics: list[Diagnostic] = []
    if len(masthead) > _MASTHEAD_LIMIT:
        message = f"{len(masthead)} lines before the header taken as masthead: check the header starts the file"
        diagnostics.append(Diagnostic(file, masthead[0][0], "warning", message))
    fields: list[Field] = []
    end = first
    for i in range(first, len(lines)):
        if not lines[i].strip():
            continue
        found = _line_fields(lines[i], i + 1, known_only=False)
        if not found:
            break
        fields.extend(found)
        end = i + 1
    return Header(masthead=masthead, fields=tuple(fields), body_start=end), tuple(diagnostics)


def _first_values(fields: tuple[Field, ...], file: str) -> tuple[dict[str, Field], tuple[Diagnostic, ...]]:
    chosen: dict[str, Field] = {}
    diagnostics = []
    for f in fields:
        attribute = KNOWN_KEYS.get(f.name)
        if attribute is None:
            continue
        if attribute in chosen:
            message = f"{f.key} given again (first on line {chosen[attribute].line}); the first value is used"
            diagnostics.append(Diagnostic(file, f.line, "warning", message))
            continue
        chosen[attribute] = f
    return chosen, tuple(diagnostics)


def metadata_from(fields: tuple[Field, ...], file: str) -> tuple[Metadata, tuple[Diagnostic, ...]]:
    """Interpret the header fields, as `fields.FIELDS` says."""
    chosen, diagnostics = _first_values(fields, file)
    values: dict[str, object] = {}
    for spec in FIELDS:
        f = chosen.get(spec.attribute)
        raw = f.value if f and f.value else None
        if spec.value == "date":
            values[spec.attribute], found = iso_date(raw, file, f.line) if raw and f else (None, ())
            diagnostics += found
        elif spec.value == "path":
            values[spec.attribute] = tuple(c for c in _CATEGORY_SEPARATOR.split(raw) if c) if raw else ()
        elif spec.value == "dates":
            values[spec.attribute] = ()
        else:
            values[spec.attribute] = raw
    return Metadata(fields=fields, **values), diagnostics  # type: ignore[arg-type]
