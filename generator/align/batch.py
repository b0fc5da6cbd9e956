"""Align stage, for the whole corpus: each document aligned once per content (`generator.cache`), on every core."""

from __future__ import annotations

from pathlib import Path

from generator.align.aligner import align_document
from generator.cache import BatchReport, cache_folder, cached_map, document_key
from generator.model import AlignedDocument, Document

__all__ = ["BatchReport", "align_corpus", "cache_folder", "document_key"]


def align_corpus(documents: tuple[Document, ...], folder: Path | None, workers: int | None = None,
                 keys: list[str] | None = None) -> tuple[tuple[AlignedDocument, ...], BatchReport]:
    """Every document aligned, in order; from the cache in `folder` where it can be (None: no cache).
    `keys`: the documents' `document_key`s, when the caller has them already."""
    keys = keys if keys is not None else [document_key(d) for d in documents]
    return cached_map(align_document, documents, keys, folder, workers)
