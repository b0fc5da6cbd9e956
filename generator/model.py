"""The document model: plain frozen data passed from stage to stage.

Every stage of the pipeline (read → check → align → principles → render → write)
consumes and produces these classes. They hold data only: no rendering, no
settings, no back-references, and this module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning", "info"]
Lang = Literal["zh", "en", "mul"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a source file, reported as `FILE:LINE: severity: message`."""

    file: str
    """Path of the source file as given to the reader (e.g. `seeds/000_x.txt`)."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    severity: Severity
    """`error` (the document is not built), `warning` (built; fails `--strict`) or
    `info` (a report, e.g. a reference to a document the corpus lacks; never fails)."""
    message: str
    """What is wrong and what to do about it."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Field:
    """One header line `KEY：VALUE`, exactly as the source wrote it."""

    key: str
    """The key as written, alignment spaces included (`分 类`)."""
    name: str
    """The key with all whitespace removed (`分类`); known keys are matched on this."""
    value: str
    """The raw value, stripped of surrounding whitespace."""
    line: int
    """Source line number of the field."""


@dataclass(frozen=True)
class Metadata:
    """The document's header, interpreted. Raw values stay available in `fields`."""

    issuer: str | None
    """发文机关."""
    doc_number: str | None
    """发文字号, the 文号 (`工信部科[2017]315号`)."""
    date_written: str | None
    """成文日期 as ISO `YYYY-MM-DD`; None when missing or impossible."""
    date_published: str | None
    """发布日期 as ISO `YYYY-MM-DD`; None when missing or impossible."""
    source: str | None
    """文章来源."""
    category: tuple[str, ...]
    """分类 / 主题分类 as a path, outermost first (`('科技管理', '高技术管理')`)."""
    title: str | None
    """标题 (Chinese title of the document)."""
    index_number: str | None
    """索引号."""
    fields: tuple[Field, ...]
    """Every header field in source order, known and unknown keys alike, raw."""
    date_adopted: str | None = None
    """Adoption date (`…会议通过`) as ISO, read from a law's front matter; None when not stated."""
    date_promulgated: str | None = None
    """Promulgation date (`…公布`, `…发布`, a 主席令's date) as ISO; None when not stated."""
    date_effective: str | None = None
    """Effective date (施行日期: `…施行`, `本法自…起施行`) as ISO; None when not stated."""
    dates_amended: tuple[str, ...] = ()
    """Dates of the amendments and revisions (`…修正`, `…修订`) as ISO, in the order stated."""
    official_url: str | None = None
    """原文链接: the official page of the text."""
    translation_source: str | None = None
    """译文来源: where the English translation comes from."""
    translator: str | None = None
    """译者."""
    translation_date: str | None = None
    """译文日期 as ISO; None when missing or impossible."""
    licence: str | None = None
    """许可: the licence of the text or translation, as stated."""
    validity: str | None = None
    """时效性 (现行有效 / 已修改 / 已废止 / 尚未生效), as stated."""


@dataclass(frozen=True)
class Link:
    """A link of the inline subset, `[text](target)`, as the source wrote it."""

    text: str
    """The link's text as written (markup inside it kept)."""
    target: str
    """The target as written; an unsafe one (`javascript:`) is kept here, dropped by the renderer and
    reported by `check`."""


@dataclass(frozen=True)
class Span:
    """A run of a block's text in one inline style: the source's inline markup, parsed once by the reader."""

    text: str
    """The run's text, markup removed."""
    strong: bool = False
    """Inside `**…**`."""
    em: bool = False
    """Inside `*…*` (titles are written `*Title*`)."""
    link: int | None = None
    """Index into the block's `links` when the run is a link's text; None otherwise."""
    br: bool = False
    """A line break between two source lines of the block (then `text` is empty)."""


BlockKind = Literal[
    "title",  # a title line inside the body (attachment title, or notice title without header)
    "doc_number",  # the 文号 line under the notice title
    "addressee",  # 主送机关: the line ending in `：` before the body
    "heading",  # a numbered or short section heading
    "paragraph",  # running text (may carry numbering, e.g. `（一）系统布局。…`)
    "table",  # a pipe table, `text` holds its source lines joined by "\n"
    "attachments",  # the `附件：` list in the notice; `text` holds its lines joined by "\n"
    "signature",  # the issuing organ(s) under the notice
    "date",  # the date line under the signature
    "note",  # a closing note such as `（此件公开发布）`
    "front_matter",  # a law's adoption / promulgation / amendment / effective-date lines under its title
]


@dataclass(frozen=True)
class Block:
    """One piece of document text in one language, as the source wrote it.

    `text` is verbatim source text (inline Markdown such as `*title*` or
    `[A](#)` is kept raw; the renderer decides what of it to honour). A block
    spanning several lines joins them with "\\n"; a source line holding Chinese
    then English yields two blocks that share that line number.
    """

    kind: BlockKind
    """What the block is in the document's structure."""
    lang: Lang
    """`zh`, `en`, or `mul` for a table mixing both."""
    text: str
    """Verbatim text; multi-line blocks join their lines with "\\n"."""
    lines: tuple[int, ...]
    """Source line numbers, one per line of `text`, in order."""
    level: int | None = None
    """Level on the one scale `text.LEVELS` (编 1 … 条 5, `一、`/`I.` 6, `（一）`/`(I)` 7,
    `1.` 8, `（1）`/`(1)` 9); None when unnumbered. An **article** (`第N条`, `Article N`)
    is one block per language holding the whole article — its label (also alone on
    a line), its paragraphs (款) and items (项) — with level `LEVELS["article"]`,
    `number` the label and `ordinal` N; its kind is `paragraph`."""
    number: str | None = None
    """The numbering label as written (`（一）`, `(II)`, `1.`), or None."""
    ordinal: int | None = None
    """The numbering's value as an integer (`（三）` → 3, `IV.` → 4), or None."""
    translation: bool = False
    """True when the block comes from the document's separately supplied English
    translation (`X.en.txt`); its `lines` then number that file's lines."""
    cells: tuple[tuple[str, ...], ...] = ()
    """For a table (pipe table, or plain-text table whose columns are separated by spaces): its
    rows of cells as written, read once by the reader (delimiter rows left out); empty otherwise."""
    head: bool = False
    """For a table: True when the first row of `cells` is its header."""
    spans: tuple[Span, ...] = ()
    """`text` with its inline markup (`*title*`, `**bold**`, links) parsed once by the reader;
    empty for tables, and for blocks made elsewhere than the reader (then renderers parse `text`)."""
    links: tuple[Link, ...] = ()
    """The links `spans` point at, in the order they appear."""


SectionKind = Literal["notice", "attachment"]


@dataclass(frozen=True)
class Section:
    """The notice itself, or one of its attachments."""

    kind: SectionKind
    """`notice` for the covering document, `attachment` for an attachment."""
    number: int
    """0 for the notice; 1, 2, … for attachments in the order the notice lists them."""
    title_zh: str | None
    """Chinese title: the document title for the notice; for an attachment the
    title from the notice's `附件：` list or from its own title line."""
    title_en: str | None
    """English title when the source gives one (never translated by us)."""
    blocks: tuple[Block, ...]
    """The section's text in source order."""
    included: bool = True
    """False for an attachment the notice lists (`附件：…`) whose text is not in the file;
    it then has no blocks and the page says it is not included in the source."""


ClassifiedReason = Literal[
    "header", "masthead", "title", "duplicate title", "paywall footer", "attachment label",
    "contents",  # a law's own 目录 and its entries: the page's table of contents lists the same headings
    "page chrome",  # text of the web page the document was copied from (`扫一扫在手机打开当前页`)
]


@dataclass(frozen=True)
class ClassifiedLine:
    """A non-blank source line that is deliberately not a block, and why."""

    line: int
    """Source line number."""
    reason: ClassifiedReason
    """Why it is not body text; `header` lines are shown in the metadata card,
    `masthead` lines as the card's masthead, `title` lines (the section's
    `title_zh`/`title_en`) and `attachment label` lines in the section heading,
    `contents` lines in the page's table of contents (each names a heading of the
    document); `page chrome` is not the document's text."""
    text: str
    """The line's text, stripped."""


@dataclass(frozen=True)
class Source:
    """A document's files in the seeds folder, found before anything is read."""

    path: Path
    """The document (`NAME.txt`)."""
    translation: Path | None = None
    """Its separately supplied English translation (`NAME.en.txt`), if there is one."""


@dataclass(frozen=True)
class Document:
    """One source file, read."""

    id: str
    """Stable, readable ASCII id, unique in the corpus; the page URL is `documents/<id>/`."""
    source_file: str
    """File name inside `seeds/`."""
    metadata: Metadata
    """The header."""
    masthead: tuple[str, ...]
    """Masthead lines before the header (issuing agency in Chinese and English)."""
    sections: tuple[Section, ...]
    """The notice first, then attachments."""
    classified: tuple[ClassifiedLine, ...]
    """Every non-blank line that is not in a block, with its reason."""
    truncated: bool
    """True when the source ends with a paywall footer: the text is partial."""
    line_count: int
    """Number of lines in the source file."""
    source_lines: tuple[str, ...] = field(repr=False, default=())
    """The decoded source lines (without line endings); used to prove conservation."""
    translation_file: str | None = None
    """File name of the separately supplied English translation (`X.en.txt`), if any."""
    translation_lines: tuple[str, ...] = field(repr=False, default=())
    """The translation's decoded lines, when there is one."""
    translation_classified: tuple[ClassifiedLine, ...] = ()
    """Non-blank lines of the translation that are not blocks (its own header, footer)."""


@dataclass(frozen=True)
class Evidence:
    """One reason the aligner gave for or against pairing two pieces."""

    kind: str
    """`numbers`, `titles`, `numbering`, `length`, `lexicon`, `glossary`, `position`, …"""
    detail: str
    """Human-readable detail a reader can check (`2020 ↔ 2020`, `《中国制造2025》 ↔ Made in China 2025`)."""
    score: float
    """Contribution to the pair's score (negative for evidence against)."""


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: Chinese on the left, English on the right.

    A row with both sides is the aligner's claim that they translate each other;
    a row with one side empty shows that side's text as untranslated.
    """

    id: str
    """Stable anchor: `n3` for the notice's third row, `a1-3` for attachment 1's third."""
    kind: BlockKind
    """The kind of the row's blocks (their first block's kind)."""
    level: int | None
    """Heading level of the row's first block, or None."""
    zh: tuple[Block, ...]
    """Chinese blocks (0, 1 or 2; a `mul` table sits here alone)."""
    en: tuple[Block, ...]
    """English blocks (0, 1 or 2)."""
    confidence: float | None = None
    """The aligner's confidence in [0, 1] for a pair; None for a one-sided row."""
    evidence: tuple[Evidence, ...] = ()
    """Why the aligner paired the two sides; empty for a one-sided row."""


@dataclass(frozen=True)
class AlignedSection:
    """A section's blocks arranged in rows."""

    section: Section
    """The section as read."""
    rows: tuple[Row, ...]
    """Rows in reading order; every block of the section is in exactly one row."""


@dataclass(frozen=True)
class AlignedDocument:
    """A document after alignment: the unit the later stages work on."""

    document: Document
    """The document as read."""
    sections: tuple[AlignedSection, ...]
    """One per `document.sections`, same order."""


@dataclass(frozen=True)
class Principle:
    """One principle (基本原则) as one document states it."""

    key: str
    """Corpus-wide key: the same principle has the same key in every document."""
    name_zh: str | None
    """Chinese name as the document writes it (`系统布局`), or None."""
    name_en: str | None
    """English name as the document writes it (`Systematic Layout`), or None."""
    text_zh: str | None
    """Chinese statement (after the name), or None."""
    text_en: str | None
    """English statement (after the name), or None."""
    row: str
    """Anchor of the row stating it on the document page."""


@dataclass(frozen=True)
class PrincipleEntry:
    """One principle across the corpus: an entry of the principles index."""

    key: str
    """The key shared by every statement of this principle."""
    name_zh: str | None
    """Canonical Chinese name."""
    name_en: str | None
    """Canonical English name."""
    documents: tuple[str, ...]
    """Ids of the documents stating it, in corpus order."""


@dataclass(frozen=True)
class PrincipleIndex:
    """The principles of the whole corpus: per document, and merged into entries."""

    by_document: tuple[tuple[str, tuple[Principle, ...]], ...]
    """(document id, the principles it states in reading order), in corpus order."""
    entries: tuple[PrincipleEntry, ...]
    """One entry per principle key, most-stated first (ties by key)."""
    _lookup: dict[str, dict[str, object]] = field(init=False, repr=False, compare=False)
    """Per-document principles and entries by key, derived once: no scan per question."""

    def __post_init__(self) -> None:
        lookup = {"document": dict(self.by_document), "entry": {e.key: e for e in self.entries}}
        object.__setattr__(self, "_lookup", lookup)  # frozen: set once, here

    def for_document(self, document_id: str) -> tuple[Principle, ...]:
        """The principles `document_id` states (empty when none)."""
        return self._lookup["document"].get(document_id, ())  # type: ignore[return-value]

    def entry(self, key: str) -> PrincipleEntry | None:
        """The corpus-wide entry of a principle key."""
        return self._lookup["entry"].get(key)  # type: ignore[return-value]


@dataclass(frozen=True)
class Corpus:
    """Everything the render stage needs, computed once by the earlier stages."""

    documents: tuple[AlignedDocument, ...]
    """The documents that passed the checks, aligned, in file-name order."""
    principles: PrincipleIndex
    """Principles per document and merged across the corpus."""
    keywords: dict[str, tuple[str, ...]]
    """Document id → keywords (tags)."""
    diagnostics: tuple[Diagnostic, ...]
    """Every diagnostic of reading and checking, sorted by file and line."""
    references: tuple[Reference, ...] = ()
    """Every mention of a document of the corpus by another, in corpus and reading order."""
    statuses: tuple[Status, ...] = ()
    """The status of each document that has one, in corpus order."""
    _lookup: dict[str, dict[str, object]] = field(init=False, repr=False, compare=False)
    """Lookups derived from the fields above once, so that per-document questions cost no corpus scan."""

    def __post_init__(self) -> None:
        lookup: dict[str, dict[str, object]] = {"position": {}, "from": {}, "to": {}, "status": {}}
        for i, aligned in enumerate(self.documents):
            lookup["position"][aligned.document.id] = (i, aligned)
        for r in self.references:
            lookup["from"].setdefault(r.source, []).append(r)  # type: ignore[union-attr]
            lookup["to"].setdefault(r.target, []).append(r)  # type: ignore[union-attr]
        for status in self.statuses:
            lookup["status"].setdefault(status.document, status)
        object.__setattr__(self, "_lookup", lookup)  # frozen: set once, here

    def document(self, document_id: str) -> AlignedDocument:
        """The aligned document with this id."""
        return self._lookup["position"][document_id][1]  # type: ignore[index]

    def position(self, document_id: str) -> int:
        """The document's place in corpus order."""
        return self._lookup["position"][document_id][0]  # type: ignore[index]

    def references_from(self, document_id: str) -> tuple[Reference, ...]:
        """The references a document makes, in reading order."""
        return tuple(self._lookup["from"].get(document_id, ()))  # type: ignore[arg-type]

    def references_to(self, document_id: str) -> tuple[Reference, ...]:
        """The references made to a document, in corpus and reading order."""
        return tuple(self._lookup["to"].get(document_id, ()))  # type: ignore[arg-type]

    def status_of(self, document_id: str) -> Status | None:
        """The document's status, if the corpus says anything of it."""
        return self._lookup["status"].get(document_id)  # type: ignore[return-value]


Relation = Literal["cites", "issues", "abolishes"]


@dataclass(frozen=True)
class Reference:
    """One mention, in one block of a document, of another document of the corpus."""

    source: str
    """Id of the document that mentions."""
    section: int
    """Number of the section holding the mention (0 for the notice)."""
    lines: tuple[int, ...]
    """`lines` of the block holding the mention (with `lang` and `translation`, it names the block)."""
    lang: Lang
    """Language of that block."""
    translation: bool
    """True when that block comes from the separate translation file."""
    start: int
    """Offset of the mention in the block's text."""
    end: int
    """Offset just after the mention."""
    text: str
    """The mention as written (`《数据安全法》第二十六条`, `工信部科〔2017〕315号`)."""
    target: str
    """Id of the document mentioned."""
    article: int | None
    """The article named with it (`第二十六条` → 26), or None."""
    relation: Relation
    """`cites`; `issues` when a notice 印发s the document; `abolishes` when the text says it is 废止."""


StatusKind = Literal["stated", "abolished", "period"]


@dataclass(frozen=True)
class Status:
    """What the corpus says of whether a document is in force."""

    document: str
    """Id of the document the status is of."""
    kind: StatusKind
    """`stated`: its header's 时效性 says so (`detail`); `abolished`: another document says
    it is 废止 (`by`); `period`: a plan for a period that ends in `period_end`."""
    detail: str
    """What the status rests on, for a reader to check (`时效性：现行有效`, `（2018-2020年）`)."""
    period_end: int | None = None
    """For `period`: the period's last year (the render stage compares it with the corpus' date)."""
    by: str | None = None
    """Id of the document that abolished it, for `abolished`."""
