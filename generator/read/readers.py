"""Read stage: every file in `seeds/` into a `Document`, or a diagnostic.

One reader per input form, in the explicit mapping `READERS`:

- `X.txt`: a policy document of the seed family (masthead, header, notice,
  attachments, maybe a paywall footer);
- `X.en.txt`: a separately supplied English translation of `X.txt`, read into
  the same document as English blocks for the aligner to pair.

Reading never raises on bad input: it returns diagnostics that name file and line.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from generator.read.decode import decode_bytes, read_file, split_lines
from generator.read.header import metadata_from, read_header
from generator.model import Block, ClassifiedLine, Diagnostic, Document, Section, Source
from generator.read.inline import read_inline
from generator.read.law import stated_metadata
from generator.text import DOC_NUMBER, compact, pinyin_slug
from generator.read.structure import ATTACHMENT_LABEL, Line, attachment_section, read_body

_FOOTER = re.compile(r"^it is the end of preview\.?\s*(should you need the full text,?\s*please sign in and place an order\.?)?$")
_FOOTER_LINES = 5
_TRANSLATION_SUFFIX = ".en.txt"
_PAGE_CHROME = {"扫一扫在手机打开当前页", "【我要纠错】", "【打印】", "【关闭】", "【字体：大中小】"}
_NOT_DOCUMENTS = {".md", ".json"}
"""Files beside the documents that are not documents (a folder's README, SOURCES.md, expectations): skipped silently."""


def _footer_text(lines: list[Line]) -> str:
    return re.sub(r"\s+", " ", " ".join(t for _, t in lines).replace("*", "").replace("_", "")).strip().lower()


def split_footer(lines: list[Line]) -> tuple[list[Line], list[ClassifiedLine]]:
    """The body without its trailing paywall footer, and the footer lines."""
    for k in range(1, min(_FOOTER_LINES, len(lines)) + 1):
        if _FOOTER.match(_footer_text(lines[-k:])):
            return lines[:-k], [ClassifiedLine(n, "paywall footer", t) for n, t in lines[-k:]]
    return lines, []


def with_inline(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Every block's inline markup parsed once, into the model (tables keep their text or cells)."""
    def parsed(block: Block) -> Block:
        if block.kind == "table" or block.spans:
            return block
        spans, links = read_inline(block.text)
        return dataclasses.replace(block, spans=spans, links=links)

    return tuple(dataclasses.replace(s, blocks=tuple(parsed(b) for b in s.blocks)) for s in sections)


def split_chrome(lines: list[Line]) -> tuple[list[Line], list[ClassifiedLine]]:
    """The body without the text of the web page it was copied from (`扫一扫在手机打开当前页`)."""
    kept = [(n, t) for n, t in lines if compact(t) not in _PAGE_CHROME]
    return kept, [ClassifiedLine(n, "page chrome", t) for n, t in lines if compact(t) in _PAGE_CHROME]


def document_id(doc_number: str | None, source_file: str) -> str:
    """Readable ASCII id: `gongxinbuke-2017-315` from 工信部科[2017]315号, else from the file name."""
    parts = DOC_NUMBER.match(doc_number.strip()) if doc_number else None
    if parts:  # a 文号 without a year (`主席令第二十号`) is reused over the years: the file name is safer
        slug = "-".join(p for p in (pinyin_slug(parts["prefix"]), parts["year"], parts["number"]) if p)
        if slug:
            return slug
    return pinyin_slug(Path(source_file).name.removesuffix(".txt")) or "document"


def _body_lines(lines: tuple[str, ...], start: int) -> list[Line]:
    return [(i + 1, text.strip()) for i, text in enumerate(lines[start:], start=start) if text.strip()]


def read_lines(lines: tuple[str, ...], source_file: str, file: str) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Read a decoded policy document; `file` names it in diagnostics."""
    header, diagnostics = read_header(lines, file)
    metadata, found = metadata_from(header.fields, file)
    body, footer = split_footer(_body_lines(lines, header.body_start))
    body, chrome = split_chrome(body)
    parts = read_body(body, metadata, file)
    metadata = stated_metadata(metadata, parts.sections, bool(header.fields))
    classified = (
        [ClassifiedLine(n, "masthead", t) for n, t in header.masthead]
        + [ClassifiedLine(n, "header", lines[n - 1].strip()) for n in sorted({f.line for f in header.fields})]
        + list(parts.classified)
        + footer
        + chrome
    )
    document = Document(
        id=document_id(metadata.doc_number, source_file),
        source_file=source_file,
        metadata=metadata,
        masthead=tuple(t for _, t in header.masthead),
        sections=with_inline(parts.sections),
        classified=tuple(sorted(classified, key=lambda c: c.line)),
        truncated=bool(footer),
        line_count=len(lines),
        source_lines=lines,
    )
    return document, diagnostics + found + parts.diagnostics


def read_text(text: str, source_file: str) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Read a policy document given as text (tests, tools)."""
    return read_lines(split_lines(text.removeprefix("\ufeff")), source_file, source_file)


def _translation_sections(lines: list[Line]) -> list[list[Line]]:
    """The translation split at attachment labels (`Attachment 2`, `Annex 1`, `附件1`)."""
    parts: list[list[Line]] = [[]]
    for line in lines:
        if ATTACHMENT_LABEL.match(line[1]) and parts[-1]:
            parts.append([])
        parts[-1].append(line)
    return parts


def add_translation(document: Document, lines: tuple[str, ...], name: str, file: str
                    ) -> tuple[Document, tuple[Diagnostic, ...]]:
    """`document` with the English translation's lines added as English blocks, section by section."""
    body, footer = split_footer(_body_lines(lines, 0))
    parts = _translation_sections(body)
    diagnostics: list[Diagnostic] = []
    if len(parts) > len(document.sections):
        message = f"translation has {len(parts)} parts but the document {len(document.sections)}: extra parts join the last"
        diagnostics.append(Diagnostic(file, parts[len(document.sections)][0][0], "warning", message))
        parts = parts[: len(document.sections) - 1] + [[line for part in parts[len(document.sections) - 1 :] for line in part]]
    sections: list[Section] = []
    classified = list(footer)
    for section, part in zip(document.sections, parts + [[]] * (len(document.sections) - len(parts))):
        english, labels = attachment_section(section.number, None, part, translation=True)
        classified += labels
        title_en = section.title_en or english.title_en
        sections.append(dataclasses.replace(section, title_en=title_en, blocks=section.blocks + english.blocks))
    return dataclasses.replace(
        document, sections=with_inline(tuple(sections)), translation_file=name, translation_lines=lines,
        translation_classified=tuple(sorted(classified, key=lambda c: c.line)),
    ), tuple(diagnostics)


def _read_policy(path: Path, name: str) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    decoded = read_file(path, str(path))
    if decoded.lines is None:
        return None, decoded.diagnostics
    document, found = read_lines(decoded.lines, name, str(path))
    return document, decoded.diagnostics + found


READERS: dict[str, Callable[[Path, str], tuple[Document | None, tuple[Diagnostic, ...]]]] = {
    ".txt": _read_policy,
}
"""Input form (file suffix) → reader. `.en.txt` files are translations, read by `_attach_translation`."""


def _attach_translation(document: Document, path: Path) -> tuple[Document, tuple[Diagnostic, ...]]:
    decoded = read_file(path, str(path))
    if decoded.lines is None:
        return document, decoded.diagnostics
    translated, found = add_translation(document, decoded.lines, path.name, str(path))
    return translated, decoded.diagnostics + found


def find_sources(seeds: Path) -> tuple[tuple[Source, ...], tuple[Diagnostic, ...]]:
    """Every document in `seeds` (sorted by file name) with its translation file if any, and warnings
    for the files that are not documents."""
    if not seeds.is_dir():
        return (), (Diagnostic(str(seeds), 0, "error", "seeds folder not found"),)
    sources: list[Source] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.name.endswith(_TRANSLATION_SUFFIX):
            original = path.with_name(path.name.removesuffix(_TRANSLATION_SUFFIX) + ".txt")
            if not original.exists():
                diagnostics.append(Diagnostic(str(path), 0, "warning", f"translation without {original.name}: ignored"))
            continue
        if path.suffix not in READERS:
            if path.suffix not in _NOT_DOCUMENTS:
                diagnostics.append(Diagnostic(str(path), 0, "warning", "not a .txt document: ignored"))
            continue
        translation = path.with_name(path.name.removesuffix(".txt") + _TRANSLATION_SUFFIX)
        sources.append(Source(path, translation if translation.exists() else None))
    return tuple(sources), tuple(diagnostics)


def read_source(source: Source) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """One document, read by the reader of its form, with its translation attached."""
    document, diagnostics = READERS[source.path.suffix](source.path, source.path.name)
    if document is not None and source.translation is not None:
        document, found = _attach_translation(document, source.translation)
        diagnostics += found
    return document, diagnostics


def read_corpus(seeds: Path) -> tuple[tuple[Document, ...], tuple[Diagnostic, ...]]:
    """Read every document in `seeds` (sorted by file name), with its translation if any."""
    sources, diagnostics = find_sources(seeds)
    documents: list[Document] = []
    for source in sources:
        document, found = read_source(source)
        diagnostics += found
        if document is not None:
            documents.append(document)
    return tuple(documents), tuple(sorted(diagnostics, key=lambda d: (d.file, d.line)))


__all__ = ["READERS", "decode_bytes", "document_id", "find_sources", "read_corpus", "read_source", "read_lines", "read_text"]
