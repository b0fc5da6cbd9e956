"""Analyse stage: which documents of the corpus mention which, and what that says of their status.

A mention is a 《title》 (in full, or in its common short form: without
`中华人民共和国`, without a plan's period `（2018-2020年）`), a 文号 in any
bracket style (`工信部科[2017]315号` = `工信部科〔2017〕315号`), or an English title
in italics or quotes (`*Data Security Law of the People's Republic of China*`). A
《title》 directly followed by `第N条` names that article. A key that names two
documents is ambiguous: such mentions stay unlinked and are reported, never
guessed. A mention of a document the corpus lacks is an `info` diagnostic: a
report of what the corpus lacks, never a failure.

Relations: `issues` when a notice's title 印发s the document, `abolishes` when
the sentence says it is 废止, `cites` otherwise. Status: the header's 时效性
(which wins), 废止 by another document, or a plan's period.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model import Block, Diagnostic, Document, Reference, Relation, Status
from generator.read.fields import KNOWN_KEYS
from generator.text import DOC_NUMBER_TAIL, compact, doc_number_key, number_value

_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,120})》(?:\s*第(?P<article>[〇零一二三四五六七八九十百千两\d]+)条)?")
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,12}$")
_EN_TITLE = re.compile(r"\*(?P<a>[^*\n]{8,200})\*|[“\"](?P<b>[^”\"\n]{8,200})[”\"]")
_PERIOD = re.compile(r"[（(]\s*(?P<first>\d{4})\s*[-—–－~～至到]\s*(?P<last>\d{4})\s*年?\s*[）)]")
_PRC = "中华人民共和国"
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_ABOLISH = re.compile(r"(同时|予以|一并)?废止")
_ISSUE = re.compile(r"印发|颁布|发布")


@dataclass(frozen=True)
class _Target:
    document: str
    full: str


def title_keys(title: str) -> set[str]:
    """The forms a title is cited by: in full, without 中华人民共和国, without its period."""
    full = compact(title).strip("《》")
    keys = {full}
    for key in list(keys):
        if key.startswith(_PRC) and len(key) > len(_PRC) + 1:
            keys.add(key[len(_PRC):])
    for key in list(keys):
        keys.add(_PERIOD.sub("", key))
    return {k for k in keys if len(k) >= 2}


def _en_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def _titles(document: Document) -> tuple[list[str], list[str]]:
    """The Chinese and English titles a document can be cited by: its own and its attachments'."""
    zh = [t for t in [document.metadata.title] + [s.title_zh for s in document.sections] if t]
    en = [s.title_en for s in document.sections if s.title_en]
    return zh, en


def _index(documents: Iterable[Document]) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    """Key → ids of the documents it names: Chinese titles, English titles, 文号."""
    zh: dict[str, set[str]] = {}
    en: dict[str, set[str]] = {}
    numbers: dict[str, set[str]] = {}
    for document in documents:
        titles_zh, titles_en = _titles(document)
        for title in titles_zh:
            for key in title_keys(title):
                zh.setdefault(key, set()).add(document.id)
        for title in titles_en:
            en.setdefault(_en_key(title), set()).add(document.id)
        if document.metadata.doc_number:
            numbers.setdefault(doc_number_key(document.metadata.doc_number), set()).add(document.id)
    return zh, en, numbers


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    key: str
    kind: str  # "title", "en", "number"
    article: int | None


def _numbers(text: str, known: set[str] | dict[str, set[str]]) -> Iterator[_Mention]:
    """文号 in running text: the bracketed year and number, with the longest prefix before them
    that makes a 文号 of the corpus (running text gives no other boundary: `根据国发〔2018〕7号`)."""
    for m in DOC_NUMBER_TAIL.finditer(text):
        before = _HAN_BEFORE.search(text[: m.start()])
        if not before:
            continue
        for start in range(before.start(), m.start()):
            key = f"{text[start : m.start()]}〔{m['year']}〕{int(m['number'])}号"
            if key in known:
                yield _Mention(start, m.end(), text[start : m.end()], key, "number", None)
                break


def mentions(text: str, lang: str, known_numbers: set[str] | dict[str, set[str]] = frozenset()) -> Iterator[_Mention]:
    """Every title, and every 文号 among `known_numbers`, mentioned in `text`, in order."""
    if lang == "en":
        for m in _EN_TITLE.finditer(text):
            title = m["a"] or m["b"]
            yield _Mention(m.start(), m.end(), m.group(0), _en_key(title), "en", None)
        return
    titles = list(_TITLE.finditer(text))
    for m in titles:
        article = number_value(m["article"]) if m["article"] else None
        yield _Mention(m.start(), m.end(), m.group(0), compact(m["title"]), "title", article)
    for m in _numbers(text, known_numbers):
        if not any(t.start() <= m.start < t.end() for t in titles):
            yield m


def _relation(text: str, mention: _Mention) -> Relation:
    """`abolishes` when the rest of the mention's sentence says 废止, else `cites`."""
    sentence_end = _SENTENCE_END.search(text, mention.end)
    tail = text[mention.end : sentence_end.start() if sentence_end else len(text)]
    return "abolishes" if _ABOLISH.search(tail) else "cites"


def _block_refs(document: Document, section: int, block: Block, index, ambiguous: dict[str, list[str]],
                lacking: dict[str, int]) -> tuple[list[Reference], list[str]]:
    """The references of one block, and the notes on its ambiguous mentions; titles the corpus
    lacks are added to `lacking` (text → first line)."""
    zh, en, numbers = index
    found: list[Reference] = []
    notes: list[str] = []
    table = {"title": zh, "en": en, "number": numbers}
    for m in mentions(block.text, block.lang, numbers):
        if m.key in ambiguous:
            notes.append(f"{m.text} is ambiguous ({', '.join(ambiguous[m.key])}): not linked")
        keys = [k for k in (m.key, _PERIOD.sub("", m.key)) if k in table[m.kind]][:1]  # 《X（2018-2020）》 = 《X》
        ids = (table[m.kind][keys[0]] if keys else set()) - {document.id}
        if m.kind == "title" and not keys:
            lacking.setdefault(m.text if m.article is None else m.text[: m.text.index("》") + 1], block.lines[0])
        if len(ids) != 1:
            continue
        found.append(Reference(
            source=document.id, section=section, lines=block.lines, lang=block.lang, translation=block.translation,
            start=m.start, end=m.end, text=m.text, target=next(iter(ids)), article=m.article,
            relation=_relation(block.text, m),
        ))
    return found, notes


def _issued(document: Document, index) -> list[Reference]:
    """A notice whose title 印发s (issues) another document of the corpus."""
    title = document.metadata.title or (document.sections[0].title_zh if document.sections else None)
    if not title or not _ISSUE.search(title):
        return []
    zh = index[0]
    found = []
    for m in _TITLE.finditer(title):
        ids = zh.get(compact(m["title"]), set()) - {document.id}
        if len(ids) == 1:
            found.append(Reference(source=document.id, section=0, lines=(), lang="zh", translation=False,
                                   start=m.start(), end=m.end(), text=m.group(0), target=next(iter(ids)),
                                   article=None, relation="issues"))
    return found


def _ambiguous(index) -> dict[str, list[str]]:
    return {key: sorted(ids) for table in index for key, ids in table.items() if len(ids) > 1}


_MENTIONING = frozenset({"paragraph", "heading", "title", "attachments", "table", "note"})
"""The kinds of block whose mentions are references."""


def _may_mention(text: str, lang: str) -> bool:
    """False when `text` holds none of the characters every mention needs (a 《title》's 《, a 文号's 号,
    an English title's * or quote): most blocks, which then cost no regular expression (at 10,000
    documents ~500,000 blocks are scanned on every build)."""
    if lang == "en":
        return "*" in text or '"' in text or "“" in text
    return "《" in text or "号" in text


def find_references(documents: tuple[Document, ...], folder: Path
                    ) -> tuple[tuple[Reference, ...], tuple[Diagnostic, ...]]:
    """Every mention of one corpus document by another; info diagnostics (naming files in `folder`)
    for what is not linked."""
    index = _index(documents)
    ambiguous = _ambiguous(index)
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    for document in documents:
        references += _issued(document, index)
        lacking: dict[str, int] = {}
        file = str(folder / document.source_file)
        for section in document.sections:
            for block in section.blocks:
                if block.kind in _MENTIONING and _may_mention(block.text, block.lang):
                    found, notes = _block_refs(document, section.number, block, index, ambiguous, lacking)
                    references += found
                    diagnostics += [Diagnostic(file, block.lines[0], "info", note) for note in notes]
        for text, line in lacking.items():
            diagnostics.append(Diagnostic(file, line, "info", f"{text} is not in the corpus"))
    return tuple(references), tuple(diagnostics)


def _period(document: Document) -> Status | None:
    title = document.metadata.title or (document.sections[0].title_zh if document.sections else "") or ""
    titles = [title] + [s.title_zh or "" for s in document.sections[1:]]
    for text in titles:
        match = _PERIOD.search(text)
        if match and int(match["first"]) <= int(match["last"]):
            return Status(document.id, "period", match.group(0), period_end=int(match["last"]))
    return None


def find_statuses(documents: tuple[Document, ...], references: tuple[Reference, ...]) -> tuple[Status, ...]:
    """One status per document that has one: the header's 时效性 wins, then 废止, then a plan's period."""
    abolished = {r.target: r for r in references if r.relation == "abolishes"}
    statuses = []
    for document in documents:
        stated = next((f for f in document.metadata.fields if KNOWN_KEYS.get(f.name) == "validity" and f.value), None)
        if stated:
            statuses.append(Status(document.id, "stated", f"{stated.key}：{stated.value}"))
        elif document.id in abolished:
            by = abolished[document.id]
            statuses.append(Status(document.id, "abolished", by.text, by=by.source))
        elif (period := _period(document)) is not None:
            statuses.append(period)
    return tuple(statuses)
