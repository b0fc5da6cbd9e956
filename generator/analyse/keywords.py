"""Keywords stage: per-document keywords (jieba TF-IDF) used as tags.

Only the Chinese side of the aligned rows is read (zh blocks of running text,
headings, titles and tables; not the 文号, addressee, signature or date). The
text is cut by the policy tokenizer of `generator.segment` (user dictionary of
policy phrases, policy stop list) and weighted by jieba's TF-IDF. Numbers,
years and words without a Chinese character are never keywords. The order is
deterministic: weight descending, ties broken by the word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from generator import segment
from generator.model import AlignedDocument, Block
from generator.text import has_han

KEYWORD_COUNT = 8
"""Keywords kept per document."""

KEYWORD_KINDS = frozenset({"title", "heading", "paragraph", "table"})
"""Block kinds whose text is read for keywords."""

_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
# A number in words or digits, optionally with a unit: 2018, 2018年, 三年, 十九大, 第一, 亿元, 1.5倍.
_NUMBER_WORD = re.compile(rf"^第?[\d{_NUMERAL}.．%％]+[年月日号个项条次大届期批类种家倍元人户所座]?$")


def is_keyword_candidate(word: str) -> bool:
    """False for numbers, years and words with no Chinese character (`中国制造2025` is kept)."""
    return has_han(word) and not _NUMBER_WORD.match(word)


def chinese_text(document: AlignedDocument) -> str:
    """The document's Chinese text that keywords are drawn from, one block a line."""
    return "\n".join(block.text for block in _zh_blocks(document))


def _zh_blocks(document: AlignedDocument) -> Iterable[Block]:
    for section in document.sections:
        for row in section.rows:
            for block in row.zh:
                if block.lang in ("zh", "mul") and block.kind in KEYWORD_KINDS:
                    yield block


def keywords_of_text(text: str, count: int = KEYWORD_COUNT) -> tuple[str, ...]:
    """The `count` best keywords of Chinese `text`: weight descending, then by word."""
    if not has_han(text):
        return ()
    weighted = [(word, weight) for word, weight in segment.weighted_keywords(text) if is_keyword_candidate(word)]
    weighted.sort(key=lambda item: (-item[1], item[0]))
    return tuple(word for word, _ in weighted[:count])


def extract_keywords(documents: Sequence[AlignedDocument]) -> dict[str, tuple[str, ...]]:
    """Document id → its keywords, best first (empty for a document without Chinese text)."""
    return {d.document.id: keywords_of_text(chinese_text(d)) for d in documents}
