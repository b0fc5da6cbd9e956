"""Render stage: the open data a researcher can load, beside `data/documents.json`.

- `data/documents.csv`: one row per document, the metadata a spreadsheet needs
  (written by the `csv` module; UTF-8 with a byte-order mark so that Excel reads
  the Chinese, RFC 4180 line endings);
- `data/documents/<id>.tmx`: each document's aligned pairs as TMX 1.4b
  translation units, zh-CN and en, with the aligner's confidence and evidence as
  properties (written by `xml.etree.ElementTree`, which escapes; never by string
  concatenation). One file per document, rendered with its page: a corpus-wide
  file would be ~125 MB at 10,000 documents and rewritten on every change;
- `data/documents.schema.json`: a JSON Schema (2020-12) of `documents.json`,
  carrying its `schema_version`, with `$defs/document` for the per-document files;
- `data/LICENSE.txt`: what may be done with it.

Everything is derived from `export`'s data, so the files cannot disagree.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from generator.render.export import SCHEMA_VERSION, to_json
from generator.render.urls import CSV_FILE, LICENSE_FILE, SCHEMA_FILE


LICENSE = """\
Data of policy-site: documents.json, documents.csv, documents/*.json, documents/*.tmx

The texts of Chinese laws, regulations, resolutions, decisions and orders of
state organs, other documents of a legislative, administrative or judicial
nature, and their official translations are not subject to copyright
(Copyright Law of the People's Republic of China, article 5).

What this site adds - the metadata as read, the alignment of paragraphs and its
confidence and evidence, principles and keywords - is dedicated to the public
domain under CC0 1.0 Universal:
https://creativecommons.org/publicdomain/zero/1.0/

An English text that is not an official translation remains its translator's;
such texts are named on the document's page and in documents.json.
"""

_CSV_METADATA = ("issuer", "doc_number", "date_written", "date_published", "source", "index_number")


def _scalar_metadata(metadata: dict[str, object]) -> list[str]:
    """Metadata keys whose values are plain strings (or null), in their export order."""
    return [k for k, v in metadata.items() if not isinstance(v, (dict, list))]


def documents_csv(data: dict[str, object]) -> str:
    """`documents.csv`: one row per document of the catalogue, columns from its metadata."""
    documents = data["documents"]
    keys = _scalar_metadata(documents[0]["metadata"]) if documents else list(_CSV_METADATA)
    columns = ["id", "title_zh", "title_en", *keys, "category", "url", "source_file", "truncated",
               "attachments", "rows", "pairs", "keywords"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for d in documents:
        metadata = d["metadata"]
        writer.writerow([
            d["id"], d["title"]["zh"] or "", d["title"]["en"] or "",
            *[metadata.get(k) or "" for k in keys],
            " > ".join(metadata.get("category") or []), d["url"], d["source_file"], str(d["truncated"]).lower(),
            len(d["attachments"]), d["rows"], d["pairs"], "；".join(d["keywords"]),
        ])
    return "\ufeff" + out.getvalue()


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", {"type": kind}).text = value


def _tuv(parent: ET.Element, lang: str, text: str) -> None:
    tuv = ET.SubElement(parent, "tuv", {"xml:lang": lang})
    ET.SubElement(tuv, "seg").text = text


def document_tmx(document: dict[str, object]) -> str:
    """`documents/<id>.tmx`: every row of one document with both languages as a translation unit (TMX 1.4b)."""
    tmx = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(tmx, "header", {
        "creationtool": "policy-site", "creationtoolversion": str(SCHEMA_VERSION), "segtype": "paragraph",
        "o-tmf": "policy-site", "adminlang": "en", "srclang": "zh-CN", "datatype": "plaintext",
    })
    body = ET.SubElement(tmx, "body")
    for b in document["blocks"]:
        if not (b["zh"] and b["en"]) or b["confidence"] is None:
            continue
        tu = ET.SubElement(body, "tu", {"tuid": f"{document['id']}#{b['id']}"})
        _prop(tu, "x-document", str(document["id"]))
        _prop(tu, "x-confidence", f"{b['confidence']:.3f}")
        for e in b["evidence"]:
            _prop(tu, "x-evidence", f"{e['kind']}: {e['detail']} ({e['score']:+g})")
        _tuv(tu, "zh-CN", b["zh"])
        _tuv(tu, "en", b["en"])
    ET.indent(tmx)
    text = ET.tostring(tmx, encoding="unicode", xml_declaration=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + text + "\n")


def _nullable(kind: str) -> dict[str, object]:
    return {"type": [kind, "null"]}


def json_schema(data: dict[str, object]) -> dict[str, object]:
    """A JSON Schema of `documents.json` (the catalogue), with `$defs/document` for `documents/<id>.json`;
    metadata properties follow the export's own keys."""
    documents = data["documents"]
    keys = _scalar_metadata(documents[0]["metadata"]) if documents else list(_CSV_METADATA)
    bilingual = {"type": "object", "required": ["zh", "en"],
                 "properties": {"zh": _nullable("string"), "en": _nullable("string")}}
    metadata = {k: _nullable("string") for k in keys}
    metadata |= {"category": {"type": "array", "items": {"type": "string"}},
                 "fields": {"type": "object", "additionalProperties": {"type": "string"}}}
    block = {"type": "object", "required": ["id", "kind", "zh", "en", "source_lines", "section"], "properties": {
        "id": {"type": "string"}, "kind": {"type": "string"}, "level": _nullable("integer"),
        "zh": _nullable("string"), "en": _nullable("string"),
        "source_lines": {"type": "array", "items": {"type": "integer"}},
        "confidence": _nullable("number"), "section": {"type": "string"},
        "evidence": {"type": "array", "items": {"type": "object", "required": ["kind", "detail", "score"]}}}}
    common = {
        "id": {"type": "string", "pattern": "^[a-z0-9-]+$"}, "url": {"type": "string"},
        "source_file": {"type": "string"}, "title": bilingual,
        "metadata": {"type": "object", "required": keys, "properties": metadata},
        "truncated": {"type": "boolean"},
        "attachments": {"type": "array", "items": {"type": "object", "required": ["number", "title", "url"]}},
        "principles": {"type": "array", "items": {"type": "object", "required": ["key", "name", "text"]}},
        "keywords": {"type": "array", "items": {"type": "string"}}}
    document = {"type": "object", "required": ["id", "url", "source_file", "title", "metadata", "blocks"],
                "properties": {**common, "masthead": {"type": "array", "items": {"type": "string"}},
                               "blocks": {"type": "array", "items": block}}}
    entry = {"type": "object", "required": ["id", "url", "source_file", "title", "metadata", "data", "rows", "pairs"],
             "properties": {**common, "data": {"type": "string"}, "rows": {"type": "integer"},
                            "pairs": {"type": "integer"}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "documents.schema.json",
        "title": "policy-site documents.json",
        "version": SCHEMA_VERSION,
        "type": "object",
        "required": ["schema_version", "documents", "principles"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "documents": {"type": "array", "items": entry},
            "principles": {"type": "array", "items": {"type": "object", "required": ["key", "name", "documents"]}},
        },
        "$defs": {"document": document},
    }


def open_data(data: dict[str, object]) -> dict[str, str]:
    """The corpus-wide open-data files but `documents.json`, from `export.export_data`'s catalogue:
    `{path inside docs/: content}`. Per-document files are rendered with each document's page."""
    return {CSV_FILE: documents_csv(data), SCHEMA_FILE: to_json(json_schema(data)), LICENSE_FILE: LICENSE}
