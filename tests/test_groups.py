"""How documents are grouped and where the groups' pages are (`generator/render/groups.py`)."""

from __future__ import annotations

from helpers import corpus, document, metadata

from generator.render import groups, paging


def _tagged(spec: dict[str, int]):
    """A corpus where tag `t` is on `spec[t]` documents."""
    docs, keywords = [], {}
    for n in range(max(spec.values())):
        doc = document(f"d{n}", meta=metadata(doc_number=f"测试〔2020〕{n}号"))
        docs.append(doc)
        keywords[doc.document.id] = tuple(t for t, count in spec.items() if n < count)
    return corpus(*docs, keywords=keywords)


def test_group_pages_are_pinyin_slugs():
    assert groups.year_page("2017") == "years/2017/" and groups.year_page("未知") == "years/weizhi/"
    assert groups.issuer_page("工业和信息化部") == "issuers/gongyehexinxihuabu/"
    assert groups.category_page(("科技", "高技术管理")) == "categories/keji/gaojishuguanli/"
    assert groups.principle_page("systematic-layout") == "principles/systematic-layout/"
    assert groups.issuer_url("测试部") == "issuers/ceshibu/#issuer-%E6%B5%8B%E8%AF%95%E9%83%A8"


def test_tags_are_filed_by_pinyin_initial():
    sample = _tagged({"数据": 2, "安全": 1, "规划": 1, "5G网络": 1})
    pages = groups.tag_pages(sample)
    assert pages == {"安全": "tags/a/", "规划": "tags/g/", "数据": "tags/s/", "5G网络": "tags/0/"}
    assert groups.tag_url("数据", sample) == "tags/s/#tag:%E6%95%B0%E6%8D%AE"


def test_an_initial_too_big_for_a_page_is_packed_into_numbered_pages(monkeypatch):
    sample = _tagged({"数据": 3, "上海": 3, "生态": 3, "safety": 3})
    cost = groups.tag_cost("数据", [("d0", "关于测试的通知")] * 3)
    monkeypatch.setattr(paging, "BUDGET", 2 * cost + 10)
    pages = groups.tag_pages(sample)
    # pinyin order: safety, shanghai, shengtai, shuju; two a page
    assert [pages[t] for t in ("safety", "上海", "生态", "数据")] == ["tags/s/", "tags/s/", "tags/s/page-2/",
                                                                   "tags/s/page-2/"]


def test_a_tag_too_big_for_one_page_has_pages_of_its_own(monkeypatch):
    sample = _tagged({"实施": 5, "事实": 5, "数据": 1})
    monkeypatch.setattr(paging, "BUDGET", groups.tag_cost("实施", [("d0", "关于测试的通知")] * 3))
    pages = groups.tag_pages(sample)
    assert pages == {"事实": "tags/s/shishi/", "实施": "tags/s/shishi-2/", "数据": "tags/s/"}  # homophones apart
    assert groups.own_tag_page(sample, "tags/s/shishi/") and not groups.own_tag_page(sample, "tags/s/")
