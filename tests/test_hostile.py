"""Hostile and broken inputs (issue 7): each gets its diagnostic, the rest of the corpus builds.

The corpus in tests/fixtures/hostile/ is built once for real (reader → MkDocs);
each test asserts the diagnostic and what the built site shows.
"""

import re
from pathlib import Path

import pytest

from generator.build import build

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = tmp_path_factory.mktemp("hostile") / "site"
    lines: list[str] = []
    status = build(HOSTILE, site, strict=False, report=lines.append)
    return status, site, [line.replace(f"{HOSTILE}/", "") for line in lines]


def page(site: Path, document_id: str) -> str:
    return (site / "documents" / document_id / "index.html").read_text(encoding="utf-8")


def all_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))


def test_bad_files_fail_the_build_but_every_good_document_is_built(built):
    status, site, _ = built
    assert status == 1
    ids = sorted(p.name for p in (site / "documents").iterdir() if p.is_dir())
    assert ids == ["08-no-header", "16-header-only", "ceshi-2020-1", "ceshi-2020-1-4777d4", "ceshi-2020-12", "ceshi-2020-13",
                   "ceshi-2020-14", "ceshi-2020-2", "ceshi-2020-3", "ceshi-2020-4", "ceshi-2020-9"]


@pytest.mark.parametrize(
    "diagnostic",
    [
        "05_empty.txt:0: error: empty file: add the document's text or remove the file",
        "06_binary.txt:0: error: binary file, not text: seeds/ takes UTF-8 text documents only",
        "07_latin1.txt:1: error: not UTF-8 (invalid byte here) and not recognisably GB18030: re-save the file as UTF-8",
        "09_bad_dates.txt:3: warning: impossible date '2019-02-30': the raw value is kept",
        "09_bad_dates.txt:4: warning: impossible date '2019-13-01': the raw value is kept",
        "10_same_number.txt:2: error: the same 文号 as 01_raw_html.txt: one document twice? Remove one file or correct the 文号",
        "11_same_text.txt:1: error: the same text as 02_links.txt: one document twice? Remove one file or correct the 文号",
        "02_links.txt:8: warning: link target 'javascript:alert(1)' dropped: only http(s) and in-page links are kept",
        "02_links.txt:8: warning: link target 'data:text/html;base64,PHNjcmlwdD4=' dropped: only http(s) and in-page links are kept",
        "12_control_chars.txt:8: warning: invisible bidirectional control U+202E can reorder the text shown: remove it",
        "13_gb18030.txt:0: warning: decoded as GB18030, not UTF-8: re-save the file as UTF-8",
        "15_same_id.txt:1: warning: id ceshi-2020-1 already used by 01_raw_html.txt; this document is ceshi-2020-1-4777d4",
        "16_header_only.txt:1: warning: no text after the header",
    ],
)
def test_diagnostic(built, diagnostic):
    assert diagnostic in built[2]


def test_raw_html_is_shown_as_text_never_rendered(built):
    _, site, _ = built
    html = page(site, "ceshi-2020-1")
    assert "<title>关于&lt;script&gt;alert(1)&lt;/script&gt;的通知" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;iframe src=" in html
    assert "&lt;style&gt;body{display:none}&lt;/style&gt;" in html
    everything = all_html(site)
    for raw in ("<script>alert", "<img src=x", "<iframe", "<style>body", "onerror=alert"):
        assert raw not in everything.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_only_safe_links_are_kept(built):
    _, site, _ = built
    html = page(site, "ceshi-2020-2")
    assert '<a href="https://www.miit.gov.cn/"' in html
    assert ">请见危险链接与数据链接。</p>" in html  # the text stays, the unsafe targets go
    assert not re.search(r"""href=["']?\s*(javascript|data):""", all_html(site), re.I)


def test_markdown_in_source_lines_does_not_change_structure(built):
    _, site, _ = built
    html = page(site, "ceshi-2020-3")
    body = html[html.index('class="ps-doc"') :]
    for text in ("# 以井号开头的段落", "&gt; 以大于号开头的段落", "- 以短横开头的段落",
                 "| 以竖线开头的段落", "以四个空格开头的段落", "snake_case_name 与 2*3*4 与 `反引号` 保持原样。"):
        assert f">{text}</p>" in body, text
    # `1.` is the seed family's own level-3 numbering (a heading when short), never a Markdown list
    assert re.search(r"<h\d [^>]*>1\. 以数字点开头的段落</h\d>", body)
    cells = re.findall(r'<(div|p|h\d) class="ps-cell[^"]*"[^>]*>(.*?)</\1>', body, re.DOTALL)
    assert len(cells) >= 7  # a document with no English at all: one cell per row, across both columns
    assert not [c for _, c in cells if re.search(r"<(blockquote|ol|ul|li|pre|code|table|em|strong)\b", c)]
    assert not re.search(r"<h[1-6][^>]*>[^<]*以井号开头", body)


def test_quotes_colons_and_template_syntax_in_a_title(built):
    _, site, _ = built
    html = page(site, "ceshi-2020-4")
    assert "关于&#34;引号&#34;：冒号与{{ jinja }}和{% raw %}的通知" in html or "关于&quot;引号&quot;：冒号与{{ jinja }}" in html
    assert "正文里有 {{ config }} 和 {% include &#34;x&#34; %} 以及 ---" in html


def test_impossible_dates_are_shown_raw(built):
    html = page(built[1], "ceshi-2020-9")
    assert "2019-02-30" in html and "2019-13-01" in html


def test_duplicates_never_overwrite_the_first_document(built):
    _, site, _ = built
    assert "另一份文件，但文号相同。" not in all_html(site)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page(site, "ceshi-2020-1")
    assert "文号写法不同，编号相同。" in page(site, "ceshi-2020-1-4777d4")


def test_gb18030_long_lines_and_control_characters_are_kept(built):
    _, site, _ = built
    assert "这是一份以国标编码保存的文件，内容应当正常显示。" in page(site, "ceshi-2020-13")
    assert page(site, "ceshi-2020-14").count("很长的段落。") >= 20000
    assert "含有\u202e反向\u202c字符与\u200b零宽字符的段落。" in page(site, "ceshi-2020-12")


def test_strict_build_writes_nothing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("previous site", encoding="utf-8")
    lines: list[str] = []
    assert build(HOSTILE, site, strict=True, report=lines.append) == 1
    assert lines[-1] == "build: failed under --strict; site not written"
    assert [p.name for p in site.iterdir()] == ["old.html"]


def test_unreadable_file_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("标题：甲\n\n正文。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("标题：乙\n\n正文。\n", encoding="utf-8")
    original = Path.read_bytes

    def refuse(self):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    from generator.read.readers import read_corpus

    documents, found = read_corpus(tmp_path)
    assert [d.source_file for d in documents] == ["a.txt"]
    assert [str(d) for d in found] == [f"{tmp_path}/b.txt:0: error: cannot read file: Permission denied"]


def test_seeds_are_never_modified(built):
    before = {p.name: p.read_bytes() for p in HOSTILE.iterdir()}
    build(HOSTILE, built[1].parent / "again", strict=False, report=lambda line: None)
    assert {p.name: p.read_bytes() for p in HOSTILE.iterdir()} == before
