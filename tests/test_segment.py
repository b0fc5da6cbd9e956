"""generator/segment.py: its `cut` gives exactly the words of jieba's own `Tokenizer.cut`."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import segment

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).parent.parent / "seeds"


def jieba_words(text: str) -> list[str]:
    return list(segment.tokenizer().cut(text))


def test_cut_is_jiebas_cut_on_every_fixture_and_seed():
    files = sorted(FIXTURES.rglob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")[:20000]
        assert segment.cut(text) == jieba_words(text), path.name


def test_cut_edge_cases():
    for text in ("", " ", "\r\n", "国", "的", "Ａ", "2025年", "中国制造2025", "a+b#c&d._%-e", "一　二\t三\n四",
                 "“十四五”规划", "刘家庄村民委员会", "甴曱", "国国国国国国国国国国国国国国国国国国", "，。！？"):
        assert segment.cut(text) == jieba_words(text), text


# Chinese characters frequent and rare, Latin letters, digits, jieba's joiners, spaces and punctuation.
ALPHABET = "的国家人民发展建设推进加快坚持人工智能制造强网络体系规划实施意见通知甴曱槑囧" + "abcXYZ019+#&._%-" + " \t\n　，。、；：（）“”《》"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_cut_is_jiebas_cut_on_any_text(text):
    assert segment.cut(text) == jieba_words(text)
