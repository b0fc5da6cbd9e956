"""Tests for generator/header.py: fields, spaced keys, dates, categories."""

import pytest

from generator.text import chinese_number
from generator.read.header import iso_date, metadata_from, read_header


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("2017-12-13", "2017-12-13"),
        ("2017年12月13日", "2017-12-13"),
        ("2017年07月08日", "2017-07-08"),
        ("2017/12/13", "2017-12-13"),
        ("2017.12.13", "2017-12-13"),
        ("二〇一七年十二月十三日", "2017-12-13"),
        ("2017 年 7 月 8 日", "2017-07-08"),
    ],
)
def test_dates_become_iso(raw, iso):
    assert iso_date(raw, "f.txt", 3) == (iso, ())


def test_impossible_date_is_a_warning_and_null():
    iso, found = iso_date("2019-02-30", "seeds/x.txt", 7)
    assert iso is None
    assert [str(d) for d in found] == ["seeds/x.txt:7: warning: impossible date '2019-02-30': the raw value is kept"]


def test_unrecognised_date_is_a_warning():
    iso, found = iso_date("去年冬天", "f.txt", 2)
    assert iso is None and "unrecognised date" in found[0].message


def test_chinese_numbers():
    assert [chinese_number(t) for t in ("七", "十", "十三", "二十", "二十一", "一百零五", "二〇一九")] == [
        7, 10, 13, 20, 21, 105, 2019]
    assert chinese_number("abc") is None


def test_spaced_keys_ascii_colons_any_order_and_unknown_keys():
    lines = (
        "某某部",
        "",
        "标　　题：一个标题",
        "索 引 号: 000014349/2019-00042",
        "有效性：有效",
        "分 类：科技管理 > 高技术管理",
        "",
        "正文第一段。",
    )
    header, found = read_header(lines, "f.txt")
    assert found == ()
    assert header.masthead == ((1, "某某部"),)
    assert [(f.key, f.name, f.value, f.line) for f in header.fields] == [
        ("标　　题", "标题", "一个标题", 3),
        ("索 引 号", "索引号", "000014349/2019-00042", 4),
        ("有效性", "有效性", "有效", 5),
        ("分 类", "分类", "科技管理 > 高技术管理", 6),
    ]
    assert header.body_start == 6
    metadata, found = metadata_from(header.fields, "f.txt")
    assert (metadata.title, metadata.index_number, metadata.category) == (
        "一个标题", "000014349/2019-00042", ("科技管理", "高技术管理"))
    assert metadata.issuer is None and metadata.doc_number is None


def test_category_splits_on_backslash():
    header, _ = read_header(("主题分类：科技、教育\\科技",), "f.txt")
    assert metadata_from(header.fields, "f.txt")[0].category == ("科技、教育", "科技")


def test_no_header_is_a_normal_document():
    header, found = read_header(("只是一段话。", "又一段话。"), "seeds/n.txt")
    assert (header.masthead, header.fields, header.body_start, found) == ((), (), 0, ())


def test_gov_cn_header_rows_hold_two_fields_separated_by_tabs():
    lines = ("索 引 号：\t000014349/2018-00230\t主题分类：\t城乡建设、环境保护\\节能与资源综合利用",
             "发文机关：\t国务院办公厅\t成文日期：\t2018年12月29日",
             "发文字号：\t国办发〔2018〕128号\t发布日期：\t2019年01月21日",
             "主 题 词：\t\t\t", "", "国务院办公厅关于印发…的通知")
    header, found = read_header(lines, "f.txt")
    assert found == () and header.body_start == 4
    assert [(f.name, f.value, f.line) for f in header.fields] == [
        ("索引号", "000014349/2018-00230", 1), ("主题分类", "城乡建设、环境保护\\节能与资源综合利用", 1),
        ("发文机关", "国务院办公厅", 2), ("成文日期", "2018年12月29日", 2),
        ("发文字号", "国办发〔2018〕128号", 3), ("发布日期", "2019年01月21日", 3), ("主题词", "", 4)]
    metadata, _ = metadata_from(header.fields, "f.txt")
    assert (metadata.doc_number, metadata.date_written, metadata.date_published, metadata.category) == (
        "国办发〔2018〕128号", "2018-12-29", "2019-01-21", ("城乡建设、环境保护", "节能与资源综合利用"))


def test_effective_date_field_reaches_the_metadata():
    header, _ = read_header(("标题：某规定", "施行日期：2022年3月1日"), "f.txt")
    assert metadata_from(header.fields, "f.txt")[0].date_effective == "2022-03-01"


def test_repeated_key_warns_and_keeps_the_first():
    header, _ = read_header(("标题：甲", "标题：乙"), "f.txt")
    metadata, found = metadata_from(header.fields, "f.txt")
    assert metadata.title == "甲"
    assert [str(d) for d in found] == ["f.txt:2: warning: 标题 given again (first on line 1); the first value is used"]
