"""Open data: documents.csv, per-document JSON and TMX (TMX 1.4b), the JSON Schema, the licence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from generator.build import load_corpus
from generator.render import render_site
from generator.render.export import SCHEMA_VERSION, document_data, export_data
from generator.render.opendata import CSV_FILE, LICENSE_FILE, SCHEMA_FILE, document_tmx, open_data

ROOT = Path(__file__).resolve().parent.parent
DTD = ROOT / "tests" / "fixtures" / "dtd" / "tmx14.dtd"


@pytest.fixture(scope="module")
def corpus():
    """A corpus with real pairs (the separate-translation fixture)."""
    return load_corpus(ROOT / "tests" / "fixtures" / "translation")


@pytest.fixture(scope="module")
def data(corpus):
    return export_data(corpus)


@pytest.fixture(scope="module")
def documents(corpus):
    """Each document whole, as its own data file holds it."""
    return [document_data(corpus, a) for a in sorted(corpus.documents, key=lambda a: a.document.id)]


@pytest.fixture(scope="module")
def files(corpus):
    return render_site(corpus)


def _tmx(files, document_id):
    return files[f"data/documents/{document_id}.tmx"]


def test_csv_has_one_row_per_document_and_opens_in_excel(data, documents, files):
    text = files[CSV_FILE]
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == [d["id"] for d in data["documents"]]
    first, document = rows[0], documents[0]
    assert first["title_zh"] == (document["title"]["zh"] or "")
    assert first["doc_number"] == (document["metadata"]["doc_number"] or "")
    assert int(first["pairs"]) == sum(1 for b in document["blocks"] if b["zh"] and b["en"]) > 0


def test_csv_quotes_what_would_break_a_row():
    data = {"documents": [{"id": "x", "title": {"zh": '标题,"引号"\n换行', "en": None}, "url": "documents/x/",
                           "source_file": "x.txt", "truncated": False, "attachments": [], "rows": 0, "pairs": 0,
                           "keywords": ["甲", "乙"], "metadata": {"issuer": "a,b", "category": ["c", "d"]}}]}
    (row,) = csv.DictReader(io.StringIO(open_data(data)[CSV_FILE].removeprefix("\ufeff")))
    assert row["title_zh"] == '标题,"引号"\n换行' and row["issuer"] == "a,b" and row["category"] == "c > d"


def test_tmx_validates_against_the_tmx_14b_dtd(documents, files):
    document = etree.fromstring(_tmx(files, documents[0]["id"]).encode("utf-8"))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()


def test_tmx_holds_every_pair_with_its_confidence(documents, files):
    pairs = [(d["id"], b) for d in documents for b in d["blocks"] if b["zh"] and b["en"]]
    units = [u for d in documents for u in etree.fromstring(_tmx(files, d["id"]).encode("utf-8")).findall("body/tu")]
    assert len(units) == len(pairs) > 0
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for unit, (document_id, block) in zip(units, pairs):
        assert unit.get("tuid") == f"{document_id}#{block['id']}"
        segs = {tuv.get(lang): tuv.findtext("seg") for tuv in unit.findall("tuv")}
        assert segs == {"zh-CN": block["zh"], "en": block["en"]}
        assert unit.find("prop[@type='x-confidence']").text == f"{block['confidence']:.3f}"


def test_tmx_opens_in_a_translation_tool(documents, files, tmp_path):
    from translate.storage.tmx import tmxfile

    store = tmxfile(_tmx(files, documents[0]["id"]).encode("utf-8"), sourcelanguage="zh-CN", targetlanguage="en")
    units = [u for u in store.units if u.source]
    assert units and all(u.target for u in units)


def test_tmx_escapes_markup_in_text():
    block = {"id": "n1", "zh": "<b>&amp;</b> ]]>", "en": "<script>x</script> & y", "confidence": 0.9, "evidence": []}
    text = document_tmx({"id": "d", "blocks": [block]})
    assert "<script>" not in text and "&lt;script&gt;" in text
    root = etree.fromstring(text.encode("utf-8"))
    assert root.find("body/tu/tuv/seg").text == "<b>&amp;</b> ]]>"


def test_per_document_json_is_the_whole_document_and_the_catalogue_names_it(data, documents, files):
    for entry, document in zip(data["documents"], documents, strict=True):
        assert json.loads(files[entry["data"]]) == document
        assert entry["rows"] == len(document["blocks"]) and "blocks" not in entry
        assert {k: v for k, v in entry.items() if k not in ("data", "rows", "pairs")} == {
            k: v for k, v in document.items() if k not in ("blocks", "masthead")}


def test_the_schema_validates_the_catalogue_and_each_document(data, documents, files):
    schema = json.loads(files[SCHEMA_FILE])
    assert schema["version"] == SCHEMA_VERSION == data["schema_version"] == 2
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    document_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/document"}
    for document in documents:
        jsonschema.validate(document, document_schema)
    broken = json.loads(json.dumps(data))
    broken["documents"][0]["title"] = "not an object"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(json.dumps(documents[0]))
    broken["blocks"][0]["zh"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, document_schema)


def test_the_licence_names_article_5_and_cc0(files):
    assert "article 5" in files[LICENSE_FILE] and "CC0" in files[LICENSE_FILE]
