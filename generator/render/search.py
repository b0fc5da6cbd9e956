"""Render stage: what the search index (Pagefind, run after MkDocs) learns about a document page.

`search_context()` gives the document page's `search` key (built by
`context.document_context`, laid out by `templates/pages/_search.j2` as
`data-pagefind-*` attributes on hidden elements):

- **meta** shown in a result: the Chinese (else English) title as `title`, the
  English title and the 文号;
- **filters** (facets, as the gov.cn policy library has them): issuer, year,
  category (every level of the path), document type (文种, from the title) and
  validity status when the source states it;
- **terms**: the 文号 as written, the document id (`gongxinbuke-2017-315`) and the
  文号's number tokens `2017n315h` and `315h`, indexed with a high weight. Pagefind
  cuts `工信部科〔2017〕315号` into 工/信/部/科/2017/315/号, and a year and a number are
  in nearly every document, so `[2017]315` or `315号` matched the wrong one first;
  the search box rewrites a 文号 in any written form (`〔2017〕315号`, `[2017]315`,
  `2017年315号`, `315号`, the id) into these tokens (`processTerm` in
  templates/assets/javascripts/search.js), which only the document itself holds.

`segmenter_files()` gives the search box Pagefind's own Chinese segmentation. Pagefind's
extended indexer cuts Chinese with charabia 0.9: jieba (jieba-rs, jieba's default
dictionary, no HMM), then every word longer than two characters again, greedily, into
dictionary bigrams, else trigrams, else single characters (国务院办公厅 → 国务/院办/公/厅).
Its search box cuts the query with the browser's `Intl.Segmenter` (ICU: 国务院/办公/厅,
应急/预/案), so a word cut differently found nothing. search.js cuts the query the indexer's
way (`segment()`, `cut()` here is the same in Python) from jieba's dictionary, served as
256 files by the first character's code point (`assets/search/jieba/NN.txt`, a query fetches
one per distinct character).
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

from generator.model import Document
from generator.render import groups
from generator.text import DOC_NUMBER


FILTERS = {"issuer": "发文机关 Issuer", "year": "年份 Year", "category": "分类 Category",
           "type": "文种 Type", "status": "时效 Status"}
"""Filter keys and the names the search panel shows for them."""

DOCUMENT_TYPES = (
    "实施细则", "实施办法", "实施方案", "工作方案", "行动计划", "行动方案", "指导意见", "实施意见", "暂行办法", "暂行规定",
    "通知", "意见", "办法", "规定", "决定", "决议", "条例", "规则", "细则", "规划", "纲要", "方案", "计划", "公告",
    "通告", "批复", "函", "报告", "指南", "清单", "预案", "规范", "标准", "命令", "令", "宪法", "法",
)
"""文种 by the end of a title (longest first where one ends another): 关于印发…的通知 is a 通知."""

TYPE_NAMES = {"实施细则": "细则", "实施办法": "办法", "暂行办法": "办法", "实施方案": "方案", "工作方案": "方案",
              "行动方案": "方案", "行动计划": "计划", "指导意见": "意见", "实施意见": "意见", "暂行规定": "规定",
              "宪法": "法律", "法": "法律"}
"""Variants folded into one facet value (the gov.cn library's coarse kinds)."""



def doc_number_terms(doc_number: str) -> list[str]:
    """The 文号 as written and its tokens: `工信部科[2017]315号` → that, `p5de54fe190e879d1`
    (the 机关代字's code points), `2017n315h`, `n315h`.

    The search box turns `工信部科〔2017〕315号` into `p5de54fe190e879d1 2017n315h`, `[2017]315` or
    `2017年315号` into `2017n315h`, `315号` into `n315h` (search.js); the `h` ends a token so that
    `n31h` is no prefix of `n315h`. The 机关代字 is a token of its own because Pagefind cuts
    Chinese by context and drops single characters such as 发: `国办发` typed alone never matched
    the 国办/发 of `国办发〔2019〕5号`.
    """
    number = doc_number.strip()
    terms = [number]
    parts = DOC_NUMBER.match(number)
    if parts:
        year, serial = parts["year"], str(int(parts["number"]))
        prefix = "".join(parts["prefix"].split())
        terms += [prefix_token(prefix)] if prefix else []
        terms += [f"{year}n{serial}h", f"n{serial}h"]
    return terms


def prefix_token(prefix: str) -> str:
    """`工信部科` → `p5de54fe190e879d1`: `p` and the hexadecimal code points (search.js computes the same)."""
    return "p" + "".join(f"{ord(c):x}" for c in prefix)


def document_type(title: str | None) -> str | None:
    """The 文种 a title ends with (`…的通知` → 通知, `…数据安全法` → 法律), or None."""
    if not title:
        return None
    text = re.sub(r"[（(][^（）()]*[）)]$", "", title.strip()).rstrip("》”\"")
    for kind in DOCUMENT_TYPES:
        if text.endswith(kind):
            return TYPE_NAMES.get(kind, kind)
    return None


def search_context(document: Document, titles: dict[str, str | None]) -> dict[str, object]:
    """Meta, filters and weighted terms of a document page for the search index."""
    metadata = document.metadata
    title = titles["zh"] or titles["en"] or document.id
    category = metadata.category
    status = (metadata.validity or "").strip() or None  # read by the field table's `validity` row
    filters = [
        (FILTERS["issuer"], groups.issuer_of(document)),
        (FILTERS["year"], groups.year_of(document)),
        *((FILTERS["category"], " › ".join(category[: i + 1])) for i in range(len(category))),
        (FILTERS["type"], document_type(titles["zh"]) or document_type(titles["en"]) or "其他 Other"),
    ]
    if status:
        filters.append((FILTERS["status"], status))
    # the id only when it comes from the 文号: one made from a file name holds English words (`05-national-anthem-law`)
    terms = [*doc_number_terms(metadata.doc_number), document.id] if metadata.doc_number else []
    return {
        "meta": [("title", title), *((k, v) for k, v in (("English", titles["en"] if titles["zh"] else None),
                                                         ("文号", metadata.doc_number)) if v)],
        "filters": [{"name": name, "value": value} for name, value in filters],
        "terms": " ".join(terms),
    }


# --- the indexer's Chinese segmentation, for the search box ------------------------------------

SEGMENTER_BUCKETS = 256
"""Dictionary files by `ord(first character) % 256`; search.js computes the same."""

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""A run of Chinese characters: what charabia hands to jieba (other scripts, digits and
punctuation split runs); search.js has the same class."""


def jieba_dictionary() -> Path:
    """jieba's default dictionary (`dict.txt`), the one jieba-rs in Pagefind's indexer embeds."""
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


@cache
def _dictionary() -> tuple[dict[str, int], int]:
    words: dict[str, int] = {}
    total = 0
    for line in jieba_dictionary().read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        total += int(freq)
        words[word] = int(freq)
    return words, total


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def segmenter_files() -> dict[str, str]:
    """jieba's dictionary for search.js: `NN.txt` (NN = `ord(first) % 256` in hex) holds the
    Chinese words starting with those characters, a line per first character: the character, a
    tab, then each word's rest and its frequency in base 36 (`国\t1k5y 务4h1 务院3ls …`; the
    character alone when it is a word). The first line is `total` and the sum of all
    frequencies (jieba scores a word log(freq / total))."""
    words, total = _dictionary()
    buckets: dict[int, dict[str, list[str]]] = {}
    for word, freq in sorted(words.items()):
        if HAN.fullmatch(word):
            first = buckets.setdefault(ord(word[0]) % SEGMENTER_BUCKETS, {})
            first.setdefault(word[0], []).append(word[1:] + _base36(freq))
    return {f"{bucket:02x}.txt": "\n".join([f"total {total}", *(f"{c}\t{' '.join(v)}" for c, v in lines.items())]) + "\n"
            for bucket, lines in sorted(buckets.items())}


def write_segmenter_files(folder: Path) -> None:
    """(Re)write the dictionary files into `folder` (templates/assets/search/jieba/)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in segmenter_files().items():
        (folder / name).write_text(text, encoding="utf-8")


def cut(text: str) -> list[str]:
    """Chinese as Pagefind's indexer cuts it: every run of Chinese characters by jieba (default
    dictionary, no HMM: the likeliest route through the dictionary words it holds), then each
    word over two characters into bigrams, trigrams or characters (charabia's `cut_for_search`).
    Other text is left out. search.js's `segment()` does the same in the browser."""
    words, total = _dictionary()
    log_total = math.log(total)
    pieces: list[str] = []
    for run in HAN.findall(text):
        n = len(run)
        route = [(0.0, 0)] * (n + 1)
        for start in range(n - 1, -1, -1):
            ends = [end for end in range(start, min(n, start + 16)) if run[start:end + 1] in words] or [start]
            route[start] = max((math.log(words.get(run[start:end + 1]) or 1) - log_total + route[end + 1][0], end)
                               for end in ends)
        start = 0
        while start < n:
            end = route[start][1] + 1
            pieces += _for_search(run[start:end], words)
            start = end
    return pieces


def _for_search(word: str, words: dict[str, int]) -> list[str]:
    if len(word) <= 2:
        return [word]
    pieces, i = [], 0
    while i < len(word):
        size = 2 if len(word) - i >= 2 and word[i:i + 2] in words else 3 if len(word) - i >= 3 and word[i:i + 3] in words else 1
        pieces.append(word[i:i + size])
        i += size
    return pieces
