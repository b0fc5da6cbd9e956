"""Hand-built documents and corpora for the render/write tests (no reader involved)."""

from __future__ import annotations

from generator.align.aligner import row_id
from generator.model import Corpus
from generator.model import (
    AlignedDocument,
    AlignedSection,
    Block,
    Document,
    Evidence,
    Field,
    Metadata,
    Principle,
    PrincipleEntry,
    PrincipleIndex,
    Row,
    Section,
)


def zh(text: str, kind: str = "paragraph", level: int | None = None, line: int = 1) -> Block:
    return Block(kind=kind, lang="zh", text=text, lines=tuple(range(line, line + text.count("\n") + 1)), level=level)


def en(text: str, kind: str = "paragraph", level: int | None = None, line: int = 1) -> Block:
    return Block(kind=kind, lang="en", text=text, lines=tuple(range(line, line + text.count("\n") + 1)), level=level)


def mul(text: str, line: int = 1) -> Block:
    return Block(kind="table", lang="mul", text=text, lines=tuple(range(line, line + text.count("\n") + 1)))


def metadata(
    title: str = "关于测试的通知",
    issuer: str | None = "测试部",
    doc_number: str | None = "测试〔2020〕1号",
    date_written: str | None = "2020-01-01",
    date_published: str | None = "2020-01-02",
    source: str | None = "测试司",
    category: tuple[str, ...] = ("科技管理", "高技术管理"),
    index_number: str | None = None,
    extra: tuple[tuple[str, str], ...] = (),
) -> Metadata:
    raw = [("发文机关", issuer), ("发文字号", doc_number), ("成文日期", date_written), ("发布日期", date_published),
           ("文章来源", source), ("分类", " > ".join(category) or None), ("标题", title), ("索引号", index_number)]
    pairs = [(k, v) for k, v in raw if v] + list(extra)
    fields = tuple(Field(key=k, name="".join(k.split()), value=v, line=i + 1) for i, (k, v) in enumerate(pairs))
    return Metadata(issuer=issuer, doc_number=doc_number, date_written=date_written, date_published=date_published,
                    source=source, category=category, title=title, index_number=index_number, fields=fields)


Pair = tuple[Block | None, Block | None] | tuple[Block | None, Block | None, float]


def aligned_section(section: Section, pairs: list[Pair]) -> AlignedSection:
    """Rows from (zh, en[, confidence]) pairs; the section's blocks are the pairs' blocks."""
    rows = []
    for index, pair in enumerate(pairs, start=1):
        zh_block, en_block = pair[0], pair[1]
        confidence = pair[2] if len(pair) > 2 else None
        first = zh_block or en_block
        evidence = (Evidence("numbers", "2020 ↔ 2020", 0.5),) if confidence is not None else ()
        rows.append(Row(id=row_id(section, index), kind=first.kind, level=first.level,
                        zh=(zh_block,) if zh_block else (), en=(en_block,) if en_block else (),
                        confidence=confidence, evidence=evidence))
    return AlignedSection(section=section, rows=tuple(rows))


def document(
    doc_id: str = "ceshi-2020-1",
    meta: Metadata | None = None,
    notice: list[Pair] | None = None,
    attachments: list[tuple[str | None, str | None, list[Pair]]] = (),
    masthead: tuple[str, ...] = ("中华人民共和国测试部", "Ministry of Testing"),
    truncated: bool = False,
    notice_title_en: str | None = None,
) -> AlignedDocument:
    """An aligned document: the notice's rows, then attachments as (title_zh, title_en, rows)."""
    meta = meta or metadata()
    notice = notice if notice is not None else [(zh("各单位：", "addressee"), None), (zh("正文第一段。"), None)]
    specs = [("notice", 0, meta.title, notice_title_en, notice)]
    specs += [("attachment", i, tz, te, rows) for i, (tz, te, rows) in enumerate(attachments, start=1)]
    sections = []
    for kind, number, title_zh, title_en, pairs in specs:
        blocks = tuple(b for p in pairs for b in p[:2] if b is not None)
        section = Section(kind=kind, number=number, title_zh=title_zh, title_en=title_en, blocks=blocks)
        sections.append(aligned_section(section, pairs))
    doc = Document(id=doc_id, source_file=f"{doc_id}.txt", metadata=meta, masthead=masthead,
                   sections=tuple(s.section for s in sections), classified=(), truncated=truncated, line_count=10)
    return AlignedDocument(document=doc, sections=tuple(sections))


def principle(key: str, row: str, name_zh: str | None = None, name_en: str | None = None,
              text_zh: str | None = None, text_en: str | None = None) -> Principle:
    return Principle(key=key, name_zh=name_zh, name_en=name_en, text_zh=text_zh, text_en=text_en, row=row)


def corpus(
    *documents: AlignedDocument,
    principles: dict[str, tuple[Principle, ...]] | None = None,
    keywords: dict[str, tuple[str, ...]] | None = None,
) -> Corpus:
    """A corpus; principle entries are merged from `principles` (names from the first statement)."""
    principles = principles or {}
    by_document = tuple((d.document.id, principles.get(d.document.id, ())) for d in documents)
    merged: dict[str, list] = {}
    for doc_id, items in by_document:
        for p in items:
            entry = merged.setdefault(p.key, [p.name_zh, p.name_en, []])
            if doc_id not in entry[2]:
                entry[2].append(doc_id)
    entries = tuple(sorted(
        (PrincipleEntry(key=k, name_zh=v[0], name_en=v[1], documents=tuple(v[2])) for k, v in merged.items()),
        key=lambda e: (-len(e.documents), e.key)))
    return Corpus(
        documents=tuple(documents),
        principles=PrincipleIndex(by_document=by_document, entries=entries),
        keywords=keywords if keywords is not None else {d.document.id: () for d in documents},
        diagnostics=(),
    )


def sample_document() -> AlignedDocument:
    """A notice with one attachment exercising every row shape the renderer knows."""
    return document(
        notice=[
            (zh("测试〔2020〕1号", "doc_number"), None),
            (zh("各单位：", "addressee"), None),
            (zh("为落实《计划》，现印发给你们。"), None),
            (zh("附件：[测试计划（2020-2022年）](#)", "attachments"), None),
            (zh("测试部", "signature"), None),
            (zh("2020年1月1日", "date"), None),
        ],
        attachments=[(
            "测试计划（2020-2022年）", "Test Plan (2020-2022)",
            [
                (None, en("Test Plan (2020-2022)", "title")),
                (zh("一、总体要求", "heading", 1), en("I. General Requirements", "heading", 1), 0.92),
                (zh("（一）基本原则", "heading", 2), en("(I) Basic Principles", "heading", 2), 0.4),
                (zh("系统布局。统筹推进。"), en("Systematic Layout. Push forward as a whole."), 0.88),
                (zh("只有中文的段落，见*计划*。"), None),
                (None, en("An English-only paragraph about the *Development Plan*.")),
                (mul("| 指标 Indicator | 2020 |\n|---|---|\n| 产值 **Output** | 100 |"), None),
            ],
        )],
        truncated=True,
    )


def sample_corpus() -> Corpus:
    doc = sample_document()
    return corpus(
        doc,
        principles={doc.document.id: (principle("systematic-layout", "a1-4", "系统布局", "Systematic Layout",
                                                "统筹推进。", "Push forward as a whole."),)},
        keywords={doc.document.id: ("测试", "计划")},
    )
