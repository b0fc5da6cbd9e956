"""The pipeline, in the manner of MkDocs' `commands/build.py`.

read all → check → align → principles/keywords → render → write. Nothing is
written until every document has been read and checked; documents with errors
are left out and reported, the rest is built.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.align import align_document
from generator.analyse import collect_principles, extract_keywords, find_references, find_statuses
from generator.analyse.keywords import document_terms
from generator.analyse.principles import document_statements
from generator.analyse.statements import Statement
from generator.cache import DOCUMENT_CODE, cache_folder, cached_map, source_key
from generator.check import check_coherence, check_corpus, check_document, fingerprint
from generator.model import AlignedDocument, Corpus, Diagnostic, Document, Source
from generator.read import find_sources, read_corpus, read_source


@dataclass(frozen=True)
class Processed:
    """What one source gives on its own (read, its own checks, aligned, its term counts and principles): the per-document
    work, done in worker processes and cached together under the source's bytes and the code's version."""

    document: Document | None
    """The document as read; None when it could not be read."""
    diagnostics: tuple[Diagnostic, ...]
    """Diagnostics of reading it and of its own checks."""
    aligned: AlignedDocument | None
    """The document aligned; None when it failed a check (it is left out of the build)."""
    terms: dict[str, int]
    """Its Chinese term counts (`generator.analyse.keywords.document_terms`); empty when not aligned."""
    statements: list[Statement]
    """The principles it states (`generator.analyse.principles.document_statements`); empty when not aligned."""
    fingerprint: str = ""
    """Its text's digest (`generator.check.fingerprint`), for the corpus' duplicate check; empty when not aligned."""


def process(source: Source) -> Processed:
    """Read → check → align → count terms and find principles, for one source (its files named as `seeds/NAME` in diagnostics)."""
    document, diagnostics = read_source(source)
    if document is None:
        return Processed(None, diagnostics, None, {}, [])
    diagnostics += check_document(document, f"{source.path.parent}/")
    if any(d.severity == "error" for d in diagnostics):
        return Processed(document, diagnostics, None, {}, [])
    aligned = align_document(document)
    return Processed(document, diagnostics, aligned, document_terms(aligned), document_statements(aligned),
                     fingerprint(document))


def process_sources(seeds: Path, cached: bool = True, memory: dict[str, object] | None = None
                    ) -> tuple[tuple[Processed, ...], tuple[Diagnostic, ...]]:
    """Every source in `seeds` processed (from the cache where it can be; from `memory` first, which then
    holds them: `generator.cache.cached_map`), and the diagnostics of the listing."""
    sources, diagnostics = find_sources(seeds)
    keys = [source_key(s) for s in sources]
    folder = cache_folder("documents", DOCUMENT_CODE) if cached else None
    processed, _ = cached_map(process, sources, keys, folder, memory=memory)
    return processed, diagnostics


def load_corpus(seeds: Path, cached: bool = True, lap: Callable[[str], None] | None = None,
                memory: dict[str, object] | None = None) -> Corpus:
    """Read, check, align and analyse every document under `seeds`; the per-document work (`process`) is
    cached unless `cached` is False (and kept in `memory` if given, for the next call), and runs on every
    core. `lap(stage)` is called as each stage ends (the benchmark times them)."""
    lap = lap or (lambda stage: None)
    processed, diagnostics = process_sources(seeds, cached, memory)
    for p in processed:
        diagnostics += p.diagnostics
    lap("documents (read, check, align, terms, principles)")
    passed = tuple(p for p in processed if p.aligned is not None)
    good, found = check_coherence(tuple(p.document for p in passed), f"{seeds}/",  # type: ignore[misc]
                                  [p.fingerprint for p in passed])
    kept = {d.source_file: d for d in good}
    passed = tuple(p for p in passed if p.document.source_file in kept)  # type: ignore[union-attr]
    aligned = tuple(dataclasses.replace(p.aligned, document=kept[p.document.source_file]) for p in passed)  # type: ignore[union-attr, arg-type]
    references, reported = find_references(good, seeds)
    corpus = Corpus(
        documents=aligned,
        principles=collect_principles(aligned, statements=[p.statements for p in passed]),
        keywords=extract_keywords(aligned, [p.terms for p in passed]),
        diagnostics=_sorted(diagnostics + found + reported),
        references=references,
        statuses=find_statuses(good, references),
    )
    lap("corpus (check, analyse)")
    return corpus


def read_and_check(seeds: Path) -> tuple[int, tuple[Document, ...], tuple[Diagnostic, ...]]:
    """How many documents were read, those that pass the checks, and every diagnostic by file and line."""
    documents, read_diagnostics = read_corpus(seeds)
    good, check_diagnostics = check_corpus(documents, seeds)
    return len(documents), good, _sorted(read_diagnostics + check_diagnostics)


def _sorted(diagnostics: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=lambda d: (d.file, d.line, d.message)))


def _counts(diagnostics: tuple[Diagnostic, ...]) -> tuple[int, int, int]:
    """Errors, warnings and infos."""
    return tuple(sum(d.severity == s for d in diagnostics) for s in ("error", "warning", "info"))  # type: ignore[return-value]


def document_files(seeds: Path) -> int:
    """How many files in `seeds` are documents (as the reader finds them: `find_sources`)."""
    return len(find_sources(seeds)[0])


def check(seeds: Path, strict: bool, report: Callable[[str], None] = print,
          diagnose: Callable[[str], None] | None = None) -> int:
    """`python -m generator check`: read and check only; diagnostics to `diagnose` (the command line: stderr,
    as compilers do), the summary to `report`; exit status."""
    diagnose = diagnose or report
    _, good, diagnostics = read_and_check(seeds)
    diagnostics = _sorted(diagnostics + find_references(good, seeds)[1])
    for diagnostic in diagnostics:
        diagnose(str(diagnostic))
    lines = sum(sum(1 for t in d.source_lines if t.strip()) for d in good)
    errors, warnings, infos = _counts(diagnostics)
    report(f"check: {len(good)} of {document_files(seeds)} documents read; {lines} non-blank lines, every one "
           f"accounted for; {errors} errors, {warnings} warnings, {infos} notes (references the corpus lacks)")
    return 1 if errors or (strict and warnings) else 0


def build(seeds: Path, site_dir: Path, strict: bool, report: Callable[[str], None] = print,
          diagnose: Callable[[str], None] | None = None, memory: dict[str, object] | None = None) -> int:
    """Build the site from `seeds` into `site_dir`; return the process exit status. Diagnostics and
    failures go to `diagnose` (the command line: stderr), progress and the summary to `report`.
    `memory` keeps the per-document work in memory between builds (`serve`'s)."""
    diagnose = diagnose or report
    from generator.render.pages import render_files  # the render and write stages load Jinja2 and MkDocs
    from generator.write import BuildError, source_date_epoch, write_site

    corpus = load_corpus(seeds, memory=memory)
    for diagnostic in corpus.diagnostics:
        if diagnostic.severity != "info":  # notes are `check`'s report
            diagnose(str(diagnostic))
    errors, warnings, infos = _counts(corpus.diagnostics)
    if strict and (errors or warnings):
        diagnose("build: failed under --strict; site not written")
        return 1
    try:
        files = render_files(corpus, site_url=os.environ.get("SITE_URL") or None, cache=cache_folder("pages"))
        pages = write_site(files, site_dir, source_date_epoch(corpus), report)
    except BuildError as error:
        diagnose(f"build: MkDocs failed; {site_dir} left as it was\n{error}")
        return 1
    report(f"build: {len(corpus.documents)} of {document_files(seeds)} documents, {pages} pages, {errors} errors, {warnings} warnings, "
           f"{infos} notes (`check` lists them) → {site_dir}")
    return 1 if errors else 0
