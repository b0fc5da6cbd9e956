"""Render stage: the metadata fields of the card, the export and the data page, from one table.

Every function iterates `generator.read.fields.FIELDS`, so a field added there is
read, shown in the card, exported to `documents.json` and documented on the data
page without touching this module or the templates.
"""

from __future__ import annotations

from generator.model import Document, Metadata
from generator.read.fields import FIELDS, KNOWN_KEYS, MetadataField
from generator.render import groups
from generator.render.urls import relative_href


def _raw(metadata: Metadata, spec: MetadataField) -> str | None:
    """The header's raw value for the field (an impossible date is shown as written)."""
    return next((f.value for f in metadata.fields if f.name in spec.keys and f.value), None)


def _items(spec: MetadataField, value: object, url: str) -> list[dict[str, object]]:
    if spec.value == "path":
        path = tuple(value or ())  # type: ignore[arg-type]
        return [{"name": name, "href": relative_href(url, groups.category_url(path[: i + 1]))}
                for i, name in enumerate(path)]
    if spec.value == "dates":
        return [{"name": date, "href": None} for date in value or ()]  # type: ignore[union-attr]
    return []


def card_fields(document: Document, url: str) -> list[dict[str, object]]:
    """The card's rows, in `FIELDS` order: `{"attribute", "label_zh", "label_en", "lang", "value",
    "href", "items", "invalid" (an impossible date kept raw), "separator"}`. Fields marked `always` show `—` when empty (documents with a
    header only: a law has no 成文日期 to miss); the others only when the document states them."""
    metadata = document.metadata
    rows = []
    for spec in FIELDS:
        if spec.card == "never":
            continue
        value = getattr(metadata, spec.attribute)
        text = (value or _raw(metadata, spec)) if spec.value in ("text", "date") else None
        invalid = spec.value == "date" and bool(text) and not value  # an impossible date, shown as written
        items = _items(spec, value, url)
        if not (text or items) and not (spec.card == "always" and metadata.fields):
            continue
        href = relative_href(url, groups.issuer_url(str(value))) if spec.attribute == "issuer" and value else None
        if spec.attribute == "official_url" and isinstance(value, str) and value.startswith(("https://", "http://")):
            href = value  # the official page: a link out, never a request the page makes
        rows.append({"attribute": spec.attribute, "label_zh": spec.label_zh, "label_en": spec.label_en,
                     "lang": spec.lang, "value": text, "href": href, "items": items, "invalid": invalid,
                     "separator": " › " if spec.value == "path" else "; "})
    return rows


def other_fields(metadata: Metadata) -> list[dict[str, str]]:
    """Header fields no row of `FIELDS` knows, as written."""
    return [{"key": f.key, "value": f.value} for f in metadata.fields if f.name not in KNOWN_KEYS]


def export_metadata(metadata: Metadata) -> dict[str, object]:
    """`documents.json` → `metadata`: every exported field (lists as lists), then the raw `fields`."""
    data: dict[str, object] = {}
    for spec in FIELDS:
        if spec.export is not None:
            value = getattr(metadata, spec.attribute)
            data[spec.export] = list(value) if spec.value in ("path", "dates") else value
    data["fields"] = {f.key: f.value for f in metadata.fields}
    return data


def schema_fields() -> list[dict[str, str]]:
    """The data page's description of `metadata`: export name, JSON type, meaning."""
    return [{"name": spec.export, "schema": spec.schema, "label_zh": spec.label_zh, "label_en": spec.label_en}
            for spec in FIELDS if spec.export is not None]
