"""Tests for the read stage on the shapes real documents come in: laws and notices without a header,
split titles, front matter and law dates, articles as units, contents, absent attachments, plain tables."""

from __future__ import annotations

from generator.check import prove_document
from generator.read.readers import read_text
from generator.text import LEVELS


def read(text: str, name: str = "law.txt"):
    document, found = read_text(text, name)
    assert document is not None and found == (), found
    assert prove_document(document) == ()
    return document


def blocks(document, section: int = 0):
    return list(document.sections[section].blocks)


LAW = """中华人民共和国数据安全法

2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过

第一章 总  则

第一条 为了规范数据处理活动，制定本法。

第二条 在中华人民共和国境内开展数据处理活动，适用本法。

在中华人民共和国境外开展数据处理活动的，依法追究法律责任。

第二章 数据安全与发展

第三条
国家实施大数据战略。

第四条 在下列场合，应当奏唱国歌：

（一）全国人民代表大会会议的开幕、闭幕；

（二）宪法宣誓仪式；

第五条 本法自2021年9月1日起施行。
"""


def test_a_law_without_header_is_a_normal_document():
    document = read(LAW)
    m = document.metadata
    assert document.sections[0].title_zh == "中华人民共和国数据安全法" and document.id == "law"
    assert (m.issuer, m.date_adopted, m.date_effective, m.date_promulgated) == (
        "全国人民代表大会常务委员会", "2021-06-10", "2021-09-01", None)
    assert [(c.line, c.reason) for c in document.classified] == [(1, "title")]
    assert blocks(document)[0].kind == "front_matter" and blocks(document)[0].lines == (3,)


def test_articles_are_units_holding_their_paragraphs_and_items():
    found = [(b.kind, b.level, b.number, b.ordinal, b.lines) for b in blocks(read(LAW))[1:]]
    assert found == [
        ("heading", LEVELS["chapter"], "第一章", 1, (5,)),
        ("paragraph", LEVELS["article"], "第一条", 1, (7,)),
        ("paragraph", LEVELS["article"], "第二条", 2, (9, 11)),
        ("heading", LEVELS["chapter"], "第二章", 2, (13,)),
        ("paragraph", LEVELS["article"], "第三条", 3, (15, 16)),  # the label alone joins its text
        ("paragraph", LEVELS["article"], "第四条", 4, (18, 20, 22)),  # items stay inside, never headings
        ("paragraph", LEVELS["article"], "第五条", 5, (24,)),
    ]
    assert blocks(read(LAW))[5].text == "第三条\n国家实施大数据战略。"


ENGLISH = """CONSTITUTION OF

THE PEOPLE'S REPUBLIC OF CHINA

(Adopted at the Fifth Session of the Fifth National People's Congress and promulgated on December 4, 1982; amended on April 12, 1988)

Preamble

China is one of the countries with the longest histories in the world.

Chapter I General Principles

Article 30 The administrative divisions of the People's Republic of China are as follows:

(1) The country consists of provinces and autonomous regions;

(2) Provinces consist of counties and cities; and

Section 2 The President of

the People's Republic of China

Article 79
The president shall be elected by the National People's Congress.
"""


def test_english_law_titles_front_matter_and_units():
    document = read(ENGLISH, "en.txt")
    m, notice = document.metadata, document.sections[0]
    assert notice.title_en == "CONSTITUTION OF THE PEOPLE'S REPUBLIC OF CHINA" and notice.title_zh is None
    assert (m.date_adopted, m.date_promulgated, m.dates_amended) == ("1982-12-04", "1982-12-04", ("1988-04-12",))
    assert m.issuer == "National People's Congress"
    found = [(b.kind, b.level, b.number, b.lines) for b in notice.blocks]
    assert found == [
        ("front_matter", None, None, (5,)),
        ("heading", LEVELS["chapter"], None, (7,)),  # Preamble
        ("paragraph", None, None, (9,)),
        ("heading", LEVELS["chapter"], "Chapter I", (11,)),
        ("paragraph", LEVELS["article"], "Article 30", (13, 15, 17)),  # `(2) …; and` is an item, not a heading
        ("heading", LEVELS["section"], "Section 2", (19, 21)),  # a heading broken over two lines
        ("paragraph", LEVELS["article"], "Article 79", (23, 24)),
    ]


AMENDED = """中华人民共和国妇女权益保障法
（1992年4月3日第七届全国人民代表大会第五次会议通过　根据2005年8月28日第十届全国人民代表大会常务委员会第十七次会议《关于修改〈中华人民共和国妇女权益保障法〉的决定》第一次修正
根据2018年10月26日第十三届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定》第二次修正）
目录
第一章　总则
第二章　附则
第一章　总则
第一条　为了保障妇女的合法权益，制定本法。
第二章　附则
第二条　本法自1992年10月1日起施行。
"""


def test_amendments_and_the_laws_own_contents():
    document = read(AMENDED)
    m = document.metadata
    assert (m.date_adopted, m.dates_amended, m.date_effective, m.issuer) == (
        "1992-04-03", ("2005-08-28", "2018-10-26"), "1992-10-01", "全国人民代表大会")
    assert [(c.line, c.reason) for c in document.classified] == [
        (1, "title"), (4, "contents"), (5, "contents"), (6, "contents")]
    assert [(b.kind, b.lines) for b in blocks(document)][:2] == [("front_matter", (2, 3)), ("heading", (7,))]
    assert [b.kind for b in blocks(document)][2:] == ["paragraph", "heading", "paragraph"]


def test_contents_naming_no_heading_stay_rows():
    text = "某某条例\n目录\n第一章　总则\n第二章　罚则\n第一章　总则\n第一条　为了规范，制定本条例。\n"
    document = read(text)
    assert not any(c.reason == "contents" for c in document.classified)


ORDER = """中华人民共和国集会游行示威法

（1989年10月31日第七届全国人民代表大会

常务委员会第十一次会议通过）

中华人民共和国主席令

第二十号

《中华人民共和国集会游行示威法》已由会议于1989年10月31日通过，现予公布，自公布之日起施行。

中华人民共和国主席 杨尚昆
1989年10月31日

第一章 总则

第一条 为了保障公民依法行使集会、游行、示威的权利，制定本法。

第二条 本法自公布之日起施行。
"""


def test_a_presidential_order_gives_number_and_promulgation_date():
    document = read(ORDER)
    m = document.metadata
    assert (m.doc_number, m.date_adopted, m.date_promulgated, m.date_effective, m.issuer) == (
        "中华人民共和国主席令第二十号", "1989-10-31", "1989-10-31", "1989-10-31", "全国人民代表大会常务委员会")
    assert document.id == "law"  # a 文号 without a year is reused over the years: the file name names it
    assert [b.kind for b in blocks(document)][:6] == [
        "front_matter", "doc_number", "doc_number", "paragraph", "signature", "date"]
    assert blocks(document)[0].lines == (3, 5)  # one parenthesis over two lines: one block


REGULATION = """仲裁委员会仲裁收费办法

1995年7月28日 国务院发布　

1995年9月1日 施行

第一条 为了规范仲裁委员会的仲裁收费，制定本办法。

附件：

仲裁委员会仲裁案件受理费表

争议金额(人民币) 仲裁案件受理费(人民币)

1000元以下的部分 40－100元

1001元至50000元的部分 按4%－5%交纳
"""


def test_plain_text_table_attachment_loses_no_line():
    document = read(REGULATION)
    m = document.metadata
    assert (m.issuer, m.date_promulgated, m.date_effective, m.date_adopted) == ("国务院", "1995-07-28", "1995-09-01", None)
    attachment = document.sections[1]
    assert attachment.title_zh == "仲裁委员会仲裁案件受理费表"
    (table,) = attachment.blocks
    assert table.kind == "table" and table.lines == (13, 15, 17)
    assert table.cells == (("争议金额(人民币)", "仲裁案件受理费(人民币)"), ("1000元以下的部分", "40－100元"),
                           ("1001元至50000元的部分", "按4%－5%交纳"))


def test_attachment_named_but_absent_is_listed_without_text_and_without_diagnostic():
    text = "国务院关于印章管理的规定\n\n一、印章为圆形。\n\n附件：印章规格式样(略)\n"
    document = read(text)
    assert document.metadata.issuer == "国务院"  # the title's `X关于`
    (_, attachment) = document.sections
    assert (attachment.title_zh, attachment.included, attachment.blocks) == ("印章规格式样", False, ())


NOTICE = """国务院办公厅关于2025年
部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府：
经国务院批准，现将2025年元旦、春节放假调休日期的具体安排通知如下。
国务院办公厅
2024年11月12日
"""


def test_a_notice_without_header_reads_title_number_issuer_and_date_from_its_text():
    document = read(NOTICE, "notice.txt")
    m = document.metadata
    assert document.sections[0].title_zh == "国务院办公厅关于2025年部分节假日安排的通知"
    assert [(c.line, c.reason) for c in document.classified] == [(1, "title"), (2, "title")]
    assert (m.doc_number, m.issuer, m.date_written, m.date_published) == (
        "国办发明电〔2024〕12号", "国务院办公厅", "2024-11-12", None)
    assert document.id == "guobanfamingdian-2024-12"


EMBEDDED = """标题：国务院办公厅关于印发某方案的通知

国务院办公厅关于印发某方案的通知
各省、自治区、直辖市人民政府：
《某方案》已经国务院同意，现印发给你们。
国务院办公厅
2018年12月29日
（此件公开发布）
某方案
一、总体要求
"""


def test_the_document_a_notice_issues_follows_its_date_in_the_notice():
    document = read(EMBEDDED)
    assert [b.kind for b in blocks(document)] == [
        "addressee", "paragraph", "signature", "date", "note", "title", "heading"]
    assert len(document.sections) == 1


STATE_COUNCIL_ORDER = """中华人民共和国国务院令 第752号

《中华人民共和国市场主体登记管理条例》已经2021年4月14日国务院第131次常务会议通过，现予公布，自2022年3月1日起施行。

总理　李克强
2021年7月27日

中华人民共和国市场主体登记管理条例

第一章　总　　则

第一条　为了规范市场主体登记管理行为，制定本条例。

第二条　本条例自2022年3月1日起施行。
"""


def test_an_order_before_the_title_of_the_regulation_it_promulgates():
    document = read(STATE_COUNCIL_ORDER)
    m = document.metadata
    assert document.sections[0].title_zh == "中华人民共和国市场主体登记管理条例"
    assert (m.doc_number, m.issuer, m.date_promulgated, m.date_effective) == (
        "中华人民共和国国务院令第752号", "国务院", "2021-07-27", "2022-03-01")


def test_english_list_items_are_never_headings():
    text = "Notice\n\nThe measures are:\n\n(1) first, the plan; and\n\n(2) second, the funds\n"
    document = read(text, "en.txt")
    assert [b.kind for b in blocks(document)] == ["paragraph", "paragraph", "paragraph"]


def test_contents_and_preamble_right_under_the_title_are_not_titles():
    text = "中华人民共和国宪法\n目录\n序言\n第一章　总纲\n序言\n中国是世界上历史最悠久的国家之一。\n第一章　总纲\n第一条　中华人民共和国是社会主义国家。\n"
    document = read(text)
    assert [(c.line, c.reason) for c in document.classified] == [
        (1, "title"), (2, "contents"), (3, "contents"), (4, "contents")]
    assert [(b.kind, b.level) for b in blocks(document)] == [
        ("heading", LEVELS["chapter"]), ("paragraph", None), ("heading", LEVELS["chapter"]),
        ("paragraph", LEVELS["article"])]
