"""Render stage, cross-references: mentions as links, Cites / Cited by, the status badge."""

from __future__ import annotations

import pytest

from generator.build import load_corpus
from generator.render.crossrefs import cites_context, link_spans, status_context
from generator.render.urls import document_url

LAW = """标题：中华人民共和国数据安全法
发布日期：2021-06-10

中华人民共和国数据安全法

第一条　为了规范数据处理活动，制定本法。
"""
PLAN = """发文机关：某部
发文字号：某部发〔2018〕7号
发布日期：2018-01-02
标题：数据管理办法（2018-2020年）

数据管理办法（2018-2020年）

一、总体要求
依据《数据安全法》第二十六条，制定本办法。
"""
LATER = """发文机关：某部
发布日期：2022-05-06
标题：某部关于废止有关文件的通知

某部关于废止有关文件的通知

《数据管理办法》（某部发〔2018〕7号）同时废止。
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    for name, text in (("01_law.txt", LAW), ("02_plan.txt", PLAN), ("03_later.txt", LATER)):
        (seeds / name).write_text(text, encoding="utf-8")
    return load_corpus(seeds)


def ids(corpus):
    return [a.document.id for a in corpus.documents]


def test_cites_and_cited_by_link_both_ways(corpus):
    law, plan, later = ids(corpus)
    page = document_url(plan)
    context = cites_context(corpus, plan, page)
    assert [(c["zh"], c["articles"][0]["href"]) for c in context["cites"]] == [
        ("中华人民共和国数据安全法", f"../{law}/#article-26")]
    assert [c["href"] for c in context["cited_by"]] == [f"../{later}/"]
    assert cites_context(corpus, law, document_url(law))["cited_by"][0]["zh"] == "数据管理办法（2018-2020年）"


def test_mentions_become_links_in_the_text_and_nothing_else_changes(corpus):
    law, plan, _ = ids(corpus)
    (reference,) = [r for r in corpus.references if r.source == plan]
    spans = [{"text": "依据《数据安全法》第二十六条，制定本办法。", "strong": False, "em": False, "href": None, "br": False}]
    linked = link_spans(spans, [reference], document_url(plan))
    assert "".join(s["text"] for s in linked) == spans[0]["text"]
    assert [(s["text"], s["href"]) for s in linked if s["href"]] == [("《数据安全法》第二十六条", f"../{law}/#article-26")]


def test_status_abolished_by_a_later_document_with_a_link_back(corpus):
    law, plan, later = ids(corpus)
    status = status_context(corpus, plan, document_url(plan))
    assert (status["kind"], status["zh"], status["href"]) == ("abolished", "已废止", f"../{later}/")
    assert status_context(corpus, law, document_url(law)) is None


def test_a_period_ends_only_when_the_corpus_is_dated_after_it(tmp_path):
    (tmp_path / "02_plan.txt").write_text(PLAN, encoding="utf-8")
    alone = load_corpus(tmp_path)
    (plan,) = ids(alone)
    assert status_context(alone, plan, document_url(plan))["kind"] == "period"
    (tmp_path / "01_law.txt").write_text(LAW, encoding="utf-8")  # dated 2021: the 2018-2020 period is over
    later = load_corpus(tmp_path)
    assert status_context(later, plan, document_url(plan))["kind"] == "period ended"


def test_the_corpus_lookups_agree_with_its_fields(corpus):
    for i, aligned in enumerate(corpus.documents):
        document_id = aligned.document.id
        assert corpus.document(document_id) is aligned and corpus.position(document_id) == i
        assert corpus.references_from(document_id) == tuple(r for r in corpus.references if r.source == document_id)
        assert corpus.references_to(document_id) == tuple(r for r in corpus.references if r.target == document_id)
        assert corpus.status_of(document_id) == next((s for s in corpus.statuses if s.document == document_id), None)
    assert any(corpus.references_to(a.document.id) for a in corpus.documents)
