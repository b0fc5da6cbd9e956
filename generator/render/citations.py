"""Render stage: how a row is cited, numbered as the official text is printed.

A paragraph number counts only the Chinese paragraphs (and tables) of its section, as
the printed original numbers them: headings, English-only pieces, the 文号, signature
and date lines are not paragraphs. A heading is cited by its text; any other row by the
paragraph it follows. A law's articles are cited by their number (`render.units`).
Each reference comes in Chinese (`附件1第6段`) and English (`Attachment 1, para. 6`).
"""

from __future__ import annotations

from generator.model import Row, Section
from generator.read.inline import plain_text

PARAGRAPH_KINDS = frozenset({"paragraph", "table"})
"""Row kinds a printed paragraph number counts (when the row has Chinese)."""


def section_labels(section: Section) -> tuple[str, str]:
    """`正文` / `Main text`, `附件1` / `Attachment 1`."""
    return ("正文", "Main text") if section.kind == "notice" else (f"附件{section.number}", f"Attachment {section.number}")


def row_refs(section: Section, rows: tuple[Row, ...]) -> list[tuple[str, str]]:
    """For every row of `section`, its reference in Chinese and in English."""
    zh_label, en_label = section_labels(section)
    count, refs = 0, []
    for row in rows:
        if row.zh and row.kind in PARAGRAPH_KINDS:
            count += 1
            refs.append((f"{zh_label}第{count}段", f"{en_label}, para. {count}"))
        elif row.kind == "heading" and (row.zh or row.en):
            zh, en = plain_text((row.zh or row.en)[0].text), plain_text((row.en or row.zh)[0].text)
            refs.append((f"{zh_label}“{zh}”", f"{en_label}, “{en}”"))
        elif count:
            refs.append((f"{zh_label}第{count}段后", f"{en_label}, after para. {count}"))
        else:
            refs.append((f"{zh_label}开头", f"{en_label}, opening"))
    return refs


def document_citations(title_zh: str | None, title_en: str | None, issuer: str | None, doc_number: str | None
                       ) -> dict[str, str]:
    """The document part of a citation: `工业和信息化部《…》（文号）` and `Issuer, Title (文号)`."""
    zh_title = (title_zh or title_en or "").replace("《", "〈").replace("》", "〉")
    zh = f"{issuer or ''}《{zh_title}》" + (f"（{doc_number}）" if doc_number else "")
    en_title = title_en or title_zh or ""
    en = ", ".join(p for p in (issuer, f"“{en_title}”") if p) + (f" ({doc_number})" if doc_number else "")
    return {"zh": zh, "en": en}
