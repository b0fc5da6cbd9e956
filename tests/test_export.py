"""data/documents.json, the catalogue, and each document's data (render stage): schema, order, determinism."""

from __future__ import annotations

import json

from helpers import corpus, document, metadata, principle, sample_corpus, zh

from generator.render.export import document_data, export_data, export_json

DOCUMENT_KEYS = ["id", "url", "source_file", "title", "metadata", "masthead", "truncated", "attachments", "blocks",
                 "principles", "keywords"]
METADATA_KEYS = ["doc_number", "issuer", "date_written", "date_published", "date_adopted", "date_promulgated",
                 "date_effective", "dates_amended", "source", "category", "index_number", "validity", "official_url",
                 "translation_source", "translator", "translation_date", "licence", "fields"]  # FIELDS' order
BLOCK_KEYS = ["id", "kind", "level", "zh", "en", "source_lines", "confidence", "evidence", "section", "unit"]


def test_schema():
    sample = sample_corpus()
    data = export_data(sample)
    assert list(data) == ["schema_version", "documents", "principles"]
    (entry,) = data["documents"]
    doc = document_data(sample, sample.documents[0])
    assert list(doc) == DOCUMENT_KEYS and list(doc["metadata"]) == METADATA_KEYS
    assert list(entry) == [k for k in DOCUMENT_KEYS if k not in ("masthead", "blocks")] + ["data", "rows", "pairs"]
    assert entry["data"] == "data/documents/ceshi-2020-1.json" and entry["rows"] == len(doc["blocks"])
    assert doc["url"] == "documents/ceshi-2020-1/" and doc["source_file"] == "ceshi-2020-1.txt"
    assert doc["title"] == {"zh": "关于测试的通知", "en": None}
    assert doc["metadata"]["category"] == ["科技管理", "高技术管理"]
    assert doc["metadata"]["fields"]["发文字号"] == "测试〔2020〕1号"
    assert doc["truncated"] is True
    assert doc["attachments"] == [{"number": 1, "title": {"zh": "测试计划（2020-2022年）", "en": "Test Plan (2020-2022)"},
                                   "url": "documents/ceshi-2020-1/#attachment-1"}]
    assert all(list(b) == BLOCK_KEYS for b in doc["blocks"])
    assert [b["id"] for b in doc["blocks"]][:7] == ["n1", "n2", "n3", "n4", "n5", "n6", "a1-1"]
    paired = doc["blocks"][7]
    assert paired["zh"] == "一、总体要求" and paired["en"] == "I. General Requirements" and paired["level"] == 1
    assert paired["confidence"] == 0.92
    assert paired["evidence"] == [{"kind": "numbers", "detail": "2020 ↔ 2020", "score": 0.5}]
    assert paired["section"] == "attachment-1"
    assert doc["blocks"][0]["en"] is None and doc["blocks"][0]["confidence"] is None
    assert doc["principles"] == [{"key": "systematic-layout", "name": {"zh": "系统布局", "en": "Systematic Layout"},
                                  "text": {"zh": "统筹推进。", "en": "Push forward as a whole."}, "block": "a1-4"}]
    assert entry["principles"] == doc["principles"]
    assert data["principles"] == [{"key": "systematic-layout", "name": {"zh": "系统布局", "en": "Systematic Layout"},
                                   "documents": ["ceshi-2020-1"]}]


def test_source_text_is_kept_verbatim():
    doc = document(notice=[(zh("见*计划*与[附件](#)\n第二行 <b>x</b>", line=7), None)])
    sample = corpus(doc)
    (block,) = document_data(sample, sample.documents[0])["blocks"]
    assert block["zh"] == "见*计划*与[附件](#)\n第二行 <b>x</b>" and block["source_lines"] == [7, 8]


def test_sorted_deterministic_and_not_ascii_escaped():
    b = document("b-doc", meta=metadata(doc_number="乙1号"))
    a = document("a-doc", meta=metadata(doc_number="甲1号"))
    sample = corpus(b, a, principles={"b-doc": (principle("z", "n1", "乙"),), "a-doc": (principle("y", "n1", "甲"),)})
    text = export_json(sample)
    assert text == export_json(sample) and text.endswith("\n")
    data = json.loads(text)
    assert [d["id"] for d in data["documents"]] == ["a-doc", "b-doc"]
    assert [p["key"] for p in data["principles"]] == ["y", "z"]
    assert "关于测试的通知" in text and "\\u" not in text
