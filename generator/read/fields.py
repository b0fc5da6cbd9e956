"""Read stage (used by render too): the one table of metadata fields.

`FIELDS` says, for every attribute of `model.Metadata`, which header keys give
it, how its value is read (text, date, category path, list of dates), its label
in the metadata card, its name in `documents.json` and its JSON type on the data
page. The header parser, the card, the export and the data page's schema all
iterate this table, so adding a row is enough to read, show and export a field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ValueKind = Literal["text", "date", "dates", "path"]


@dataclass(frozen=True)
class MetadataField:
    """One metadata field: where it comes from and where it goes."""

    attribute: str
    """Its attribute on `model.Metadata`."""
    keys: tuple[str, ...]
    """Header keys that give it, whitespace removed (`分类`); empty when only the text states it."""
    value: ValueKind
    """`text` (raw), `date` (ISO, raw kept when impossible), `dates` (several ISO dates), `path` (category)."""
    label_zh: str
    """Card label in Chinese."""
    label_en: str
    """Card label in English."""
    export: str | None
    """Its key in `documents.json` → `metadata`; None when exported elsewhere (the title)."""
    schema: str
    """Its JSON type as the data page documents it."""
    card: Literal["always", "present", "never"]
    """`always`: a row in the card of every document with a header (`—` when empty);
    `present`: a row only when the document states it; `never`: shown elsewhere (the title)."""
    lang: str | None = None
    """`lang` of the value in the card when it is Chinese text (`zh-Hans`)."""


FIELDS: tuple[MetadataField, ...] = (
    MetadataField("doc_number", ("发文字号",), "text", "文号", "Document No.", "doc_number", "string | null", "always"),
    MetadataField("issuer", ("发文机关",), "text", "发文机关", "Issuer", "issuer", "string | null", "always", "zh-Hans"),
    MetadataField("date_written", ("成文日期",), "date", "成文日期", "Written", "date_written", "ISO date | null", "always"),
    MetadataField("date_published", ("发布日期",), "date", "发布日期", "Published", "date_published", "ISO date | null",
                  "always"),
    MetadataField("date_adopted", ("通过日期",), "date", "通过", "Adopted", "date_adopted", "ISO date | null", "present"),
    MetadataField("date_promulgated", ("公布日期",), "date", "公布", "Promulgated", "date_promulgated",
                  "ISO date | null", "present"),
    MetadataField("date_effective", ("施行日期", "实施日期"), "date", "施行", "Effective", "date_effective",
                  "ISO date | null", "present"),
    MetadataField("dates_amended", (), "dates", "修正", "Amended", "dates_amended", "[ISO date]", "present"),
    MetadataField("source", ("文章来源",), "text", "来源", "Source", "source", "string | null", "always", "zh-Hans"),
    MetadataField("category", ("分类", "主题分类"), "path", "分类", "Category", "category", "[string] (path)", "always",
                  "zh-Hans"),
    MetadataField("index_number", ("索引号",), "text", "索引号", "Index No.", "index_number", "string | null", "present"),
    MetadataField("validity", ("时效性", "有效性", "效力状态", "效力", "时效"), "text", "时效性", "Status", "validity", "string | null",
                  "present", "zh-Hans"),
    MetadataField("official_url", ("原文链接", "原文地址", "来源链接"), "text", "原文链接", "Official text", "official_url",
                  "string (URL) | null", "present"),
    MetadataField("translation_source", ("译文来源", "英文来源"), "text", "译文来源", "Translation source",
                  "translation_source", "string | null", "present"),
    MetadataField("translator", ("译者",), "text", "译者", "Translator", "translator", "string | null", "present"),
    MetadataField("translation_date", ("译文日期", "翻译日期"), "date", "译文日期", "Translated", "translation_date",
                  "ISO date | null", "present"),
    MetadataField("licence", ("许可", "许可协议"), "text", "许可", "Licence", "licence", "string | null", "present"),
    MetadataField("title", ("标题",), "text", "标题", "Title", None, "string | null", "never"),
)
"""Every metadata field, in card and export order."""

KNOWN_KEYS: dict[str, str] = {key: f.attribute for f in FIELDS for key in f.keys}
"""Header key (whitespace removed) → `Metadata` attribute."""
