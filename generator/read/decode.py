"""Read stage, first step: turn a file's bytes into text lines, or a clear error.

UTF-8 with or without BOM, LF, CRLF or CR. A GB18030/GBK file is decoded with a
warning (charset-normalizer confirms the guess, so a binary or Latin-1 file is
refused rather than turned into mojibake). Empty and binary files are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.model import Diagnostic

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CHINESE_LEGACY = {"gb18030", "gbk", "gb2312", "hz"}
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class DecodedFile:
    """A file decoded into lines; `lines` is None when it cannot be read as text."""

    lines: tuple[str, ...] | None
    """The text split at LF, CRLF or CR, without line endings; None on error."""
    diagnostics: tuple[Diagnostic, ...]
    """What went wrong or was guessed while decoding."""


def split_lines(text: str) -> tuple[str, ...]:
    """Split at LF, CRLF or CR only (not at the other breaks `str.splitlines` knows)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _is_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    controls = sum(1 for b in data[:4096] if b < 32 and b not in (9, 10, 13, 12))
    return controls > len(data[:4096]) * 0.05


def _legacy_chinese(data: bytes) -> str | None:
    """The text, when charset-normalizer agrees the bytes are GB18030/GBK."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding.replace("_", "").lower() not in _CHINESE_LEGACY:
        return None
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, name: str) -> DecodedFile:
    """Decode `data` (the contents of the file called `name`)."""

    def fail(line: int, message: str) -> DecodedFile:
        return DecodedFile(None, (Diagnostic(name, line, "error", message),))

    if not data.strip():
        return fail(0, "empty file: add the document's text or remove the file")
    if _is_binary(data):
        return fail(0, "binary file, not text: seeds/ takes UTF-8 text documents only")
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        return DecodedFile(split_lines(body.decode("utf-8")), ())
    except UnicodeDecodeError as error:
        bad_line = _line_of(body, error.start)
    text = _legacy_chinese(body)
    if text is None:
        return fail(bad_line, "not UTF-8 (invalid byte here) and not recognisably GB18030: re-save the file as UTF-8")
    warning = Diagnostic(name, 0, "warning", "decoded as GB18030, not UTF-8: re-save the file as UTF-8")
    return DecodedFile(split_lines(text), (warning,))


def read_file(path: Path, name: str) -> DecodedFile:
    """Read and decode `path`, reporting it as `name`; an unreadable file is an error."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return DecodedFile(None, (Diagnostic(name, 0, "error", f"cannot read file: {error.strerror}"),))
    return decode_bytes(data, name)
