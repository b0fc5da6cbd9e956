"""Check stage: prove every document lost nothing, and that the corpus is coherent.

Conservation: every non-blank source line is in blocks or deliberately
classified, and the text of the blocks on a line, put together, is that line
(whitespace aside). Corpus: no two files share a 文号 or the same text, and ids
are unique. A document failing a check is reported and left out of the build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from generator.text import compact
from generator.read.links import LINK, is_safe_target
from generator.model import Block, ClassifiedLine, Diagnostic, Document

_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _pieces(blocks: list[Block]) -> dict[int, str]:
    """Line number → the blocks' text on that line, in block order."""
    pieces: dict[int, list[str]] = defaultdict(list)
    for block in blocks:
        for line, text in zip(block.lines, block.text.split("\n"), strict=True):
            pieces[line].append(text)
    return {line: "".join(texts) for line, texts in pieces.items()}


def conservation(lines: tuple[str, ...], blocks: list[Block], classified: tuple[ClassifiedLine, ...], file: str
                 ) -> tuple[Diagnostic, ...]:
    """Errors for every line lost, invented, altered or counted twice."""
    shown = _pieces(blocks)
    problems: list[Diagnostic] = []
    set_aside: dict[int, str] = {}
    for c in classified:
        if c.line in set_aside or c.line in shown:
            problems.append(Diagnostic(file, c.line, "error", f"line both shown and classified ({c.reason})"))
        set_aside[c.line] = c.text
    for number, text in enumerate(lines, start=1):
        expected = compact(text)
        found = shown.get(number, set_aside.get(number))
        if not expected and found:
            problems.append(Diagnostic(file, number, "error", "text invented on a blank line"))
        elif expected and found is None:
            problems.append(Diagnostic(file, number, "error", f"line lost: {text.strip()[:40]!r}"))
        elif expected and compact(found) != expected:
            problems.append(Diagnostic(file, number, "error", f"line altered: {text.strip()[:40]!r}"))
    stray = sorted(set(shown) - set(range(1, len(lines) + 1)))
    problems += [Diagnostic(file, n, "error", "block on a line the file does not have") for n in stray]
    return tuple(problems)


def contents_shown(document: Document, file: str) -> tuple[Diagnostic, ...]:
    """Errors for `contents` lines that name no heading: the page's table of contents shows a law's
    own contents only through the headings they name (the `目录` line itself excepted)."""
    headings = {compact(b.text.split("\n")[0]) for s in document.sections for b in s.blocks if b.kind == "heading"}
    entries = [c for c in document.classified if c.reason == "contents"][1:]
    return tuple(Diagnostic(file, c.line, "error", f"contents entry names no heading: {c.text[:40]!r}")
                 for c in entries if compact(c.text) not in headings)


def prove_document(document: Document, seeds_name: str = "") -> tuple[Diagnostic, ...]:
    """Conservation for the document's file and, when it has one, its translation file."""
    blocks = [b for s in document.sections for b in s.blocks]
    file = f"{seeds_name}{document.source_file}"
    found = conservation(document.source_lines, [b for b in blocks if not b.translation], document.classified, file)
    found += contents_shown(document, file)
    if document.translation_file:
        found += conservation(document.translation_lines, [b for b in blocks if b.translation],
                              document.translation_classified, f"{seeds_name}{document.translation_file}")
    return found


def content_warnings(document: Document, file: str) -> tuple[Diagnostic, ...]:
    """Warnings about what the text holds: unsafe links, bidi controls, no body at all."""
    found: list[Diagnostic] = []
    blocks = [b for s in document.sections for b in s.blocks if not b.translation]
    if not blocks:
        found.append(Diagnostic(file, document.line_count, "warning", "no text after the header"))
    for block in blocks:
        for line, text in zip(block.lines, block.text.split("\n"), strict=True):
            for link in LINK.finditer(text):
                if not is_safe_target(link["target"]):
                    message = f"link target {link['target'][:40]!r} dropped: only http(s) and in-page links are kept"
                    found.append(Diagnostic(file, line, "warning", message))
            for control in sorted(set(_BIDI_CONTROLS.findall(text))):
                message = f"invisible bidirectional control U+{ord(control):04X} can reorder the text shown: remove it"
                found.append(Diagnostic(file, line, "warning", message))
    return tuple(found)


def fingerprint(document: Document) -> str:
    """The document's text, whitespace aside, as a digest: two files with the same one are one document.
    Per document (the build caches it with the rest of the per-document work)."""
    text = "\n".join(compact(line) for line in document.source_lines if line.strip())
    return hashlib.sha256(text.encode()).hexdigest()


def _identities(document: Document, text: str) -> tuple[tuple[str, str, int], ...]:
    """(key, what it is, line) under which a document must be unique: its text (`fingerprint`), and its
    文号 if any."""
    found = [(f"text:{text}", "the same text as", 1)]
    number = document.metadata.doc_number
    if number:
        line = next((f.line for f in document.metadata.fields if f.name == "发文字号"), 1)
        found.append((f"number:{number}", "the same 文号 as", line))
    return tuple(found)


def _duplicate(identities: tuple[tuple[str, str, int], ...], seen: dict[str, str], file: str
               ) -> tuple[Diagnostic, ...]:
    """An error when a document already read has the same text or 文号."""
    for key, what, line in identities:
        if key in seen:
            message = f"{what} {seen[key]}: one document twice? Remove one file or correct the 文号"
            return (Diagnostic(file, line, "error", message),)
    return ()


def check_document(document: Document, where: str) -> tuple[Diagnostic, ...]:
    """The checks of one document on its own: conservation and content warnings (files named `where` + name)."""
    file = f"{where}{document.source_file}"
    return prove_document(document, where) + content_warnings(document, file)


def check_coherence(documents: tuple[Document, ...], where: str, fingerprints: Sequence[str] | None = None
                    ) -> tuple[tuple[Document, ...], tuple[Diagnostic, ...]]:
    """Of documents that passed their own checks: those unique in the corpus (by text and 文号; ids made
    unique), and the diagnostics of the others. `fingerprints`: each document's `fingerprint`, when known."""
    good: list[Document] = []
    diagnostics: list[Diagnostic] = []
    seen: dict[str, str] = {}
    ids: dict[str, str] = {}
    texts = fingerprints if fingerprints is not None else [fingerprint(d) for d in documents]
    for document, text in zip(documents, texts, strict=True):
        file = f"{where}{document.source_file}"
        identities = _identities(document, text)
        found = _duplicate(identities, seen, file)
        diagnostics += found
        if found:
            continue
        seen.update((key, document.source_file) for key, _, _ in identities)
        if document.id in ids:
            digest = hashlib.sha256((document.metadata.doc_number or document.source_file).encode()).hexdigest()[:6]
            new_id = f"{document.id}-{digest}"
            message = f"id {document.id} already used by {ids[document.id]}; this document is {new_id}"
            diagnostics.append(Diagnostic(file, 1, "warning", message))
            document = dataclasses.replace(document, id=new_id)
        ids[document.id] = document.source_file
        good.append(document)
    return tuple(good), tuple(diagnostics)


def check_corpus(documents: tuple[Document, ...], seeds: Path
                 ) -> tuple[tuple[Document, ...], tuple[Diagnostic, ...]]:
    """The documents that pass every check (ids made unique), and the diagnostics of all.

    Diagnostics name files as `seeds/NAME`, like the reader's."""
    where = f"{seeds}/"
    passed: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for document in documents:
        found = check_document(document, where)
        diagnostics += found
        if not any(d.severity == "error" for d in found):
            passed.append(document)
    good, found = check_coherence(tuple(passed), where)
    return good, tuple(diagnostics) + found
