"""Tests for generator/decode.py: encodings, line endings, empty and binary files."""

from generator.read.decode import decode_bytes, split_lines

CHINESE = "标题：关于推进养老服务发展的意见\n发文机关：国务院办公厅\n各省、自治区、直辖市人民政府：\n"


def test_utf8_bom_and_crlf_give_the_same_lines_as_plain_utf8():
    plain = decode_bytes(CHINESE.encode(), "a.txt")
    bom_crlf = decode_bytes(b"\xef\xbb\xbf" + CHINESE.replace("\n", "\r\n").encode(), "a.txt")
    assert plain.lines == bom_crlf.lines == tuple(CHINESE.rstrip("\n").split("\n"))
    assert plain.diagnostics == bom_crlf.diagnostics == ()


def test_only_lf_crlf_and_cr_break_lines():
    assert split_lines("a\u2028b\x0cc\rd\r\ne\n") == ("a\u2028b\x0cc", "d", "e")


def test_gb18030_is_decoded_with_a_warning_not_mojibake():
    decoded = decode_bytes((CHINESE * 3).encode("gb18030"), "seeds/gb.txt")
    assert decoded.lines[0] == "标题：关于推进养老服务发展的意见"
    assert [str(d) for d in decoded.diagnostics] == [
        "seeds/gb.txt:0: warning: decoded as GB18030, not UTF-8: re-save the file as UTF-8"
    ]


def test_empty_and_blank_files_are_errors():
    for data in (b"", b"\n \r\n\t"):
        decoded = decode_bytes(data, "seeds/empty.txt")
        assert decoded.lines is None
        assert [str(d) for d in decoded.diagnostics] == [
            "seeds/empty.txt:0: error: empty file: add the document's text or remove the file"
        ]


def test_binary_file_is_an_error():
    decoded = decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "seeds/x.txt")
    assert decoded.lines is None
    assert decoded.diagnostics[0].severity == "error" and "binary file" in decoded.diagnostics[0].message


def test_undecodable_bytes_name_the_line():
    data = "第一行\n第二行\n".encode() + b"\xff\xfe\xfa latin junk \xe9\xe8\n"
    decoded = decode_bytes(data, "seeds/bad.txt")
    assert decoded.lines is None
    assert str(decoded.diagnostics[0]).startswith("seeds/bad.txt:3: error: not UTF-8")
