"""Keywords stage: per-document keywords (TF-IDF with a corpus-wide IDF) used as tags.

Only the Chinese side of the aligned rows is read (zh blocks of running text,
headings, titles and tables; not the 文号, addressee, signature or date). Each
document is cut once by the policy tokenizer of `generator.segment` (user
dictionary of policy phrases); stop words (jieba's and the legal/policy list
`data/stopwords.txt`: 应当, 本法, 周三 …), one-character words, numbers, years
and words without a Chinese character are dropped.

A word's weight is jieba's TF-IDF — its share of the document's words times its
IDF — but the IDF is the corpus's own: `-ln(document frequency)` over the
documents being built, so a word every document of the corpus uses (国家,
中华人民共和国 in a corpus of laws) sinks. A small corpus says little, so the
frequency is smoothed towards jieba's reference IDF (its large general corpus)
as if that were `PRIOR_DOCUMENTS` more documents: one document alone is ranked
much as jieba ranks it, a large corpus by itself.

Deterministic: weights are rounded before ranking and ties are broken by the
word, so the same corpus always gives the same keywords in the same order.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from generator import segment
from generator.model import AlignedDocument, Block
from generator.text import CN_NUMERAL, has_han

KEYWORD_COUNT = 8
"""Keywords kept per document."""

KEYWORD_KINDS = frozenset({"title", "heading", "paragraph", "table"})
"""Block kinds whose text is read for keywords."""

PRIOR_DOCUMENTS = 5.0
"""How many documents jieba's reference IDF counts as when it smooths the corpus's frequencies."""

_NUMERAL = CN_NUMERAL + "万亿"
# A number in words or digits, optionally with a unit: 2018, 2018年, 三年, 十九大, 第一, 亿元, 1.5倍.
_NUMBER_WORD = re.compile(rf"^第?[\d{_NUMERAL}.．%％]+[年月日号个项条款次大届期批类种家倍元人户所座]?$")


def is_keyword_candidate(word: str) -> bool:
    """False for numbers, years, stop words, one-character words and words with no Chinese
    character (`中国制造2025` is kept)."""
    return _candidate(word, segment.stop_words())


def _candidate(word: str, stop_words: frozenset[str]) -> bool:
    return len(word) >= 2 and word not in stop_words and has_han(word) and not _NUMBER_WORD.match(word)


def chinese_text(document: AlignedDocument) -> str:
    """The document's Chinese text that keywords are drawn from, one block a line."""
    return "\n".join(block.text for block in _zh_blocks(document))


def _zh_blocks(document: AlignedDocument) -> Iterable[Block]:
    for section in document.sections:
        for row in section.rows:
            for block in row.zh:
                if block.lang in ("zh", "mul") and block.kind in KEYWORD_KINDS:
                    yield block


def term_counts(text: str) -> Counter[str]:
    """How often each keyword candidate occurs in `text`, cut by the policy tokenizer."""
    if not has_han(text):
        return Counter()
    stop_words = segment.stop_words()
    return Counter(word for word in (w.strip() for w in segment.cut(text)) if _candidate(word, stop_words))


def corpus_idf(counts: Sequence[Mapping[str, int]]) -> dict[str, float]:
    """Word → IDF over the documents whose term counts are `counts` (see the module docstring)."""
    frequency = Counter(word for terms in counts for word in terms)
    reference, median = segment.reference_idf()
    total = len(counts) + PRIOR_DOCUMENTS
    return {
        word: -math.log((found + PRIOR_DOCUMENTS * math.exp(-reference.get(word, median))) / total)
        for word, found in frequency.items()
    }


def rank(terms: Mapping[str, int], idf: Mapping[str, float], count: int = KEYWORD_COUNT) -> tuple[str, ...]:
    """The `count` words of `terms` with the highest TF-IDF, best first; ties by the word."""
    size = sum(terms.values())
    weight = {word: round(found / size * idf[word], 9) for word, found in terms.items()}
    return tuple(heapq.nsmallest(count, weight, key=lambda word: (-weight[word], word)))


def keywords_of_text(text: str, count: int = KEYWORD_COUNT) -> tuple[str, ...]:
    """The `count` best keywords of Chinese `text` read alone (a corpus of one document)."""
    terms = term_counts(text)
    return rank(terms, corpus_idf([terms]), count)


def document_terms(document: AlignedDocument) -> dict[str, int]:
    """The term counts of one document's Chinese text: the per-document part of the work, cacheable."""
    return dict(term_counts(chinese_text(document)))


def extract_keywords(documents: Sequence[AlignedDocument], counts: Sequence[Mapping[str, int]] | None = None
                     ) -> dict[str, tuple[str, ...]]:
    """Document id → its keywords, best first (empty for a document without Chinese text).
    `counts`: each document's `document_terms`, when already computed (cached)."""
    counts = list(counts) if counts is not None else [document_terms(d) for d in documents]
    idf = corpus_idf(counts)
    return {d.document.id: rank(terms, idf) for d, terms in zip(documents, counts)}
