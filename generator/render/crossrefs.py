"""Render stage: cross-references as links, the Cites / Cited by lists and the status badge.

The analyse stage found the references (`model.Reference`); here they become
page data: mentions inside a row's text become links (spans with an `href`),
each document gets the documents it cites and those that cite it, and a status
(`stated` from 时效性, `abolished` by another document, a plan's `period`).
"""

from __future__ import annotations

import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.model import Block, Reference, Status
from generator.read.inline import plain_text
from generator.render.groups import date_of
from generator.render.urls import document_url, relative_href

if TYPE_CHECKING:
    from generator.model import Corpus

Span = dict[str, object]

_STATUS_LABELS = {
    "abolished": ("已废止", "Abolished"),
    "period ended": ("实施期已满", "Period ended"),
    "period": ("实施期", "Period"),
}

STATED_EN = {"现行有效": "In force", "有效": "In force", "已修改": "Amended", "已修正": "Amended",
             "已废止": "Abolished", "失效": "No longer in force", "已失效": "No longer in force",
             "部分失效": "Partly in force", "尚未生效": "Not yet in force"}
"""English of the usual 时效性 values; another value is shown in Chinese alone."""

_TONES = {"现行有效": "ok", "有效": "ok", "尚未生效": "pending", "已修改": "changed", "已修正": "changed",
          "部分失效": "changed", "period": "ok"}


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """`26` → `二十六`, `105` → `一百零五` (articles number up to a few thousand)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + chinese_numeral(rest) if rest < 10 else
                                    ("一" if rest < 20 else "") + chinese_numeral(rest))
        return _DIGITS[n // 100] + "百" + tail
    rest = n % 1000
    return chinese_numeral(n // 1000) + "千" + ("" if not rest else ("零" if rest < 100 else "") + chinese_numeral(rest))


def article_fragment(article: int | None) -> str:
    """The anchor of an article on its document's page (`article-26`), or empty."""
    return f"#article-{article}" if article else ""


def reference_href(page_url: str, reference: Reference) -> str:
    """Where a mention leads, relative to the page it is on."""
    return relative_href(page_url, document_url(reference.target) + article_fragment(reference.article))


def block_references(corpus: Corpus, document_id: str) -> dict[tuple[tuple[int, ...], str, bool], list[Reference]]:
    """A document's references by the block holding them (lines, lang, translation)."""
    found: dict[tuple[tuple[int, ...], str, bool], list[Reference]] = {}
    for r in corpus.references_from(document_id):
        if r.lines:
            found.setdefault((r.lines, r.lang, r.translation), []).append(r)
    return found


def _plain(mention: str) -> str:
    return mention.replace("*", "").strip("“”\"")


def link_spans(spans: list[Span], references: Iterable[Reference], page_url: str) -> list[Span]:
    """`spans` with every mention of `references` (found in text that is not a link yet) made a link."""
    for reference in references:
        needle, href = _plain(reference.text), reference_href(page_url, reference)
        out: list[Span] = []
        for span in spans:
            text = str(span.get("text", ""))
            if span.get("href") or span.get("br") or needle not in text:
                out.append(span)
                continue
            before, _, after = text.partition(needle)
            out += [s for s in ({**span, "text": before}, {**span, "text": needle, "href": href, "ref": True},
                                {**span, "text": after}) if s["text"]]
        spans = out
    return spans


def block_key(block: Block) -> tuple[tuple[int, ...], str, bool]:
    """How a reference names its block."""
    return block.lines, block.lang, block.translation


_RELATIONS = {
    ("cites", "issues"): ("印发", "Issues"), ("cites", "abolishes"): ("废止", "Abolishes"),
    ("cited_by", "issues"): ("印发本文件", "Issued by"), ("cited_by", "abolishes"): ("废止本文件", "Abolished by"),
}
"""How an entry of the Cites / Cited by lists relates to the page's document, beyond citing it."""


def _entry(corpus: Corpus, page_url: str, document_id: str, references: list[Reference],
           direction: str = "cites") -> dict[str, object]:
    aligned = corpus.document(document_id)
    document = aligned.document
    notice = document.sections[0] if document.sections else None
    articles = sorted({r.article for r in references if r.article})
    return {
        "href": relative_href(page_url, document_url(document_id)),
        "zh": plain_text(document.metadata.title or (notice.title_zh if notice else None) or document_id),
        "en": plain_text(notice.title_en) if notice and notice.title_en else None,
        "doc_number": document.metadata.doc_number,
        "date": date_of(document),
        "relations": sorted({r.relation for r in references}),
        "labels": [{"zh": _RELATIONS[(direction, r)][0], "en": _RELATIONS[(direction, r)][1]}
                   for r in sorted({r.relation for r in references}) if (direction, r) in _RELATIONS],
        "articles": [{"n": n, "zh": f"第{chinese_numeral(n)}条", "en": f"Art. {n}",
                      "href": relative_href(page_url, document_url(document_id) + article_fragment(n))}
                     for n in articles],
    }


def _grouped(references: Iterable[Reference], key) -> dict[str, list[Reference]]:
    groups: dict[str, list[Reference]] = {}
    for r in references:
        groups.setdefault(key(r), []).append(r)
    return groups


def cites_context(corpus: Corpus, document_id: str, page_url: str) -> dict[str, list[dict[str, object]]]:
    """The documents `document_id` cites and those citing it, in corpus order."""
    cites = _grouped(corpus.references_from(document_id), lambda r: r.target)
    cited = _grouped(corpus.references_to(document_id), lambda r: r.source)
    order = lambda item: corpus.position(item[0])  # noqa: E731
    return {
        "cites": [_entry(corpus, page_url, t, refs) for t, refs in sorted(cites.items(), key=order)],
        "cited_by": [_entry(corpus, page_url, s, refs, "cited_by") for s, refs in sorted(cited.items(), key=order)],
    }


_AS_OF: dict[int, tuple[Corpus, int | None]] = {}
"""The last corpora's `as_of_year`, by identity: every plan's page asks, and the answer scans the corpus."""


def as_of_year(corpus: Corpus) -> int | None:
    """The year the corpus speaks of: its newest document's (deterministic, unlike the clock)."""
    known = _AS_OF.get(id(corpus))
    if known is not None and known[0] is corpus:
        return known[1]
    dates = [date_of(a.document) for a in corpus.documents if date_of(a.document)]
    year = int(max(dates)[:4]) if dates else None
    _AS_OF.clear()  # one corpus at a time; a build has one
    _AS_OF[id(corpus)] = (corpus, year)
    return year


def status_context(corpus: Corpus, document_id: str, page_url: str) -> dict[str, object] | None:
    """The status badge of a document, or None when nothing is known."""
    status: Status | None = corpus.status_of(document_id)
    if status is None:
        return None
    if status.kind == "stated":
        value = status.detail.split("：", 1)[-1].strip()
        return {"kind": "stated", "zh": value, "en": STATED_EN.get(value), "detail": status.detail, "href": None,
                "tone": _TONES.get(value, "ended")}
    if status.kind == "abolished":
        zh, en = _STATUS_LABELS["abolished"]
        href = relative_href(page_url, document_url(status.by)) if status.by else None
        return {"kind": "abolished", "zh": zh, "en": en, "detail": status.detail, "href": href, "tone": "ended"}
    # "ended" only when the corpus itself is dated after the period; otherwise the period is shown
    # as it is, never "in force": the build must not depend on the clock.
    year = as_of_year(corpus)
    kind = "period ended" if year is not None and status.period_end is not None and status.period_end < year else "period"
    zh, en = _STATUS_LABELS[kind]
    years = re.findall(r"\d{4}", status.detail)
    if len(years) == 2:  # "实施期 2018–2020 Period"
        zh, en = f"{zh} {years[0]}–{years[1]}", f"{en} {years[0]}–{years[1]}" if kind == "period" else en
    return {"kind": kind, "zh": zh, "en": en, "detail": status.detail, "href": None,
            "tone": "ended" if kind == "period ended" else "ok"}
