"""Open data: documents.csv, pairs.tmx (TMX 1.4b), per-document JSON, the JSON Schema, the licence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from generator.build import load_corpus
from generator.render.export import SCHEMA_VERSION, export_data
from generator.render.opendata import CSV_FILE, LICENSE_FILE, SCHEMA_FILE, TMX_FILE, open_data

ROOT = Path(__file__).resolve().parent.parent
DTD = ROOT / "tests" / "fixtures" / "dtd" / "tmx14.dtd"


@pytest.fixture(scope="module")
def data():
    """A corpus with real pairs (the separate-translation fixture) and the seed's unpaired document."""
    corpus = load_corpus(ROOT / "tests" / "fixtures" / "translation")
    return export_data(corpus)


@pytest.fixture(scope="module")
def files(data):
    return open_data(data)


def test_csv_has_one_row_per_document_and_opens_in_excel(data, files):
    text = files[CSV_FILE]
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == [d["id"] for d in data["documents"]]
    first, document = rows[0], data["documents"][0]
    assert first["title_zh"] == (document["title"]["zh"] or "")
    assert first["doc_number"] == (document["metadata"]["doc_number"] or "")
    assert int(first["pairs"]) == sum(1 for b in document["blocks"] if b["zh"] and b["en"]) > 0


def test_csv_quotes_what_would_break_a_row():
    data = {"documents": [{"id": "x", "title": {"zh": '标题,"引号"\n换行', "en": None}, "url": "documents/x/",
                           "source_file": "x.txt", "truncated": False, "attachments": [], "blocks": [],
                           "keywords": ["甲", "乙"], "metadata": {"issuer": "a,b", "category": ["c", "d"]}}]}
    (row,) = csv.DictReader(io.StringIO(open_data(data)[CSV_FILE].removeprefix("\ufeff")))
    assert row["title_zh"] == '标题,"引号"\n换行' and row["issuer"] == "a,b" and row["category"] == "c > d"


def test_tmx_validates_against_the_tmx_14b_dtd(files):
    document = etree.fromstring(files[TMX_FILE].encode("utf-8"))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()


def test_tmx_holds_every_pair_with_its_confidence(data, files):
    pairs = [(d["id"], b) for d in data["documents"] for b in d["blocks"] if b["zh"] and b["en"]]
    root = etree.fromstring(files[TMX_FILE].encode("utf-8"))
    units = root.findall("body/tu")
    assert len(units) == len(pairs) > 0
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for unit, (document_id, block) in zip(units, pairs):
        assert unit.get("tuid") == f"{document_id}#{block['id']}"
        segs = {tuv.get(lang): tuv.findtext("seg") for tuv in unit.findall("tuv")}
        assert segs == {"zh-CN": block["zh"], "en": block["en"]}
        assert unit.find("prop[@type='x-confidence']").text == f"{block['confidence']:.3f}"


def test_tmx_opens_in_a_translation_tool(files, tmp_path):
    from translate.storage.tmx import tmxfile

    store = tmxfile(files[TMX_FILE].encode("utf-8"), sourcelanguage="zh-CN", targetlanguage="en")
    units = [u for u in store.units if u.source]
    assert units and all(u.target for u in units)


def test_tmx_escapes_markup_in_text():
    block = {"id": "n1", "zh": "<b>&amp;</b> ]]>", "en": "<script>x</script> & y", "confidence": 0.9, "evidence": []}
    text = open_data({"documents": [{"id": "d", "blocks": [block], "metadata": {}, "title": {"zh": None, "en": None},
                                     "url": "", "source_file": "", "truncated": False, "attachments": [],
                                     "keywords": []}]})[TMX_FILE]
    assert "<script>" not in text and "&lt;script&gt;" in text
    root = etree.fromstring(text.encode("utf-8"))
    assert root.find("body/tu/tuv/seg").text == "<b>&amp;</b> ]]>"


def test_per_document_json_is_the_export_object(data, files):
    for document in data["documents"]:
        assert json.loads(files[f"data/documents/{document['id']}.json"]) == document


def test_the_schema_validates_the_export_and_carries_its_version(data, files):
    schema = json.loads(files[SCHEMA_FILE])
    assert schema["version"] == SCHEMA_VERSION == data["schema_version"]
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    broken = json.loads(json.dumps(data))
    broken["documents"][0]["title"] = "not an object"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_the_licence_names_article_5_and_cc0(files):
    assert "article 5" in files[LICENSE_FILE] and "CC0" in files[LICENSE_FILE]
