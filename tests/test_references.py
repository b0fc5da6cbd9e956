"""Cross-references and status (analyse stage): what resolves, what stays unlinked and is reported."""

from __future__ import annotations

from pathlib import Path

from generator.analyse.references import find_references, find_statuses, title_keys
from generator.text import doc_number_key
from generator.read import read_text

FOLDER = Path("seeds")


def doc(name: str, title: str, body: str, number: str | None = None, extra: str = ""):
    header = f"发文机关：某部\n{'发文字号：' + number + chr(10) if number else ''}发布日期：2020-01-02\n{extra}标题：{title}\n\n"
    document, diagnostics = read_text(header + title + "\n\n" + body + "\n", name)
    assert document is not None, diagnostics
    return document


LAW = doc("01_law.txt", "中华人民共和国数据安全法", "第一条　为了规范数据处理活动，制定本法。")
NOTICE = doc("02_notice.txt", "某部关于印发《数据管理办法（2018-2020年）》的通知",
             "现将《数据管理办法（2018-2020年）》印发给你们。", number="某部发〔2018〕7号")
PLAN = doc("03_plan.txt", "数据管理办法（2018-2020年）", "一、总体要求\n依据《数据安全法》第二十六条，制定本办法。")
CITING = doc("04_citing.txt", "某部关于贯彻执行的通知",
             "根据某部发[2018]7号和《中华人民共和国数据安全法》，又见《网络安全法》。\n"
             "《数据管理办法》（某部发〔2018〕7号）同时废止。")


def refs(*documents):
    return find_references(documents, FOLDER)


def test_title_keys_are_full_short_and_without_period():
    assert title_keys("中华人民共和国数据安全法") == {"中华人民共和国数据安全法", "数据安全法"}
    assert "数据管理办法" in title_keys("数据管理办法（2018-2020年）")


def test_doc_numbers_in_any_bracket_are_one_key():
    assert doc_number_key("工信部科[2017]315号") == doc_number_key("工信部科〔2017〕315号") == "工信部科〔2017〕315号"
    assert doc_number_key("工信部科（2017）0315 号") == "工信部科〔2017〕315号"


def test_short_title_with_article_resolves_to_the_article():
    references, _ = refs(LAW, PLAN)
    (reference,) = references
    assert (reference.source, reference.target, reference.article) == (PLAN.id, LAW.id, 26)
    assert reference.text == "《数据安全法》第二十六条" and reference.relation == "cites"


def test_doc_number_and_full_title_resolve_and_abolition_is_read():
    references, diagnostics = refs(LAW, NOTICE, PLAN, CITING)
    cited = [(r.text, r.target, r.relation) for r in references if r.source == CITING.id]
    assert ("某部发[2018]7号", NOTICE.id, "cites") in cited
    assert ("《中华人民共和国数据安全法》", LAW.id, "cites") in cited
    assert ("《数据管理办法》", PLAN.id, "abolishes") in cited
    assert ("某部发〔2018〕7号", NOTICE.id, "abolishes") in cited
    lacking = [d for d in diagnostics if "网络安全法" in d.message]
    assert [(d.file, d.line, d.severity) for d in lacking] == [("seeds/04_citing.txt", lacking[0].line, "info")]
    assert lacking[0].line > 0


def test_a_notice_that_issues_a_plan_links_to_it():
    references, _ = refs(NOTICE, PLAN)
    assert any(r.source == NOTICE.id and r.target == PLAN.id and r.relation == "issues" for r in references)


def test_an_ambiguous_short_title_stays_unlinked_and_is_reported():
    other = doc("05_other.txt", "数据安全法", "第一条　另一部同名简称的文件。")
    references, diagnostics = refs(LAW, other, PLAN)
    assert not [r for r in references if r.source == PLAN.id]
    assert any("ambiguous" in d.message and d.severity == "info" for d in diagnostics)


def test_no_document_links_to_itself():
    references, _ = refs(NOTICE)
    assert references == ()


def test_status_stated_wins_then_abolished_then_period():
    stated = doc("06_stated.txt", "数据管理办法（2018-2020年）", "正文。", extra="时效性：现行有效\n")
    references, _ = refs(LAW, NOTICE, PLAN, CITING)
    statuses = {s.document: s for s in find_statuses((LAW, NOTICE, PLAN, CITING), references)}
    assert statuses[PLAN.id].kind == "abolished" and statuses[PLAN.id].by == CITING.id
    assert statuses[NOTICE.id].kind == "abolished"  # its 文号 is named as abolished too
    assert LAW.id not in statuses
    (status,) = find_statuses((stated,), ())
    assert (status.kind, status.detail) == ("stated", "时效性：现行有效")
    (period,) = find_statuses((PLAN,), ())
    assert (period.kind, period.period_end) == ("period", 2020)


def test_english_titles_in_italics_resolve():
    english = doc("07_en.txt", "数据法", "Implement the *Data Rules for Testing Purposes* now.")
    target = doc("08_target.txt", "数据规则", "Data Rules for Testing Purposes\n\n规则。")
    references, _ = refs(english, target)
    assert [(r.target, r.lang, r.text) for r in references if r.source == english.id] == [
        (target.id, "en", "*Data Rules for Testing Purposes*")]


def test_any_key_the_field_table_reads_as_validity_states_the_status():
    stated = doc("09_stated.txt", "某办法", "正文。", extra="有效性：已废止\n")
    (status,) = find_statuses((stated,), ())
    assert (status.kind, status.detail) == ("stated", "有效性：已废止")
    assert stated.metadata.validity == "已废止"
