"""Align stage: hard anchors, the band (linear size), label lines joined with their text,
lone pieces kept in reading order, and alignment never reordering a language."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.align.aligner import align_section, align_sections, prepare
from generator.align.band import hard_anchors, make_band
from generator.align.gold import read_labelled, score
from generator.align.lexicon import lexicon
from generator.align.units import is_label, units
from generator.model import Block, Section
from generator.text import LEVELS

SET = Path(__file__).resolve().parent / "align_set"
SEPARATE = read_labelled(SET / "17_constitution_ch1_separate.txt")
ARTICLES = read_labelled(SET / "18_constitution_ch3_articles.txt")
ART, CH = LEVELS["article"], LEVELS["chapter"]


def _section(*blocks: Block) -> Section:
    return Section(kind="attachment", number=1, title_zh=None, title_en=None, blocks=blocks)


def _article_blocks(doc, lang: str) -> list[Block]:  # type: ignore[no-untyped-def]
    """The article blocks of a one-block-per-article labelled document, one language."""
    return [b for b in doc.sections[0].blocks if b.kind == "paragraph" and (b.lang == "en") == (lang == "en")]


def _openings(doc, lang: str) -> list[Block]:  # type: ignore[no-untyped-def]
    """The first paragraph of each article (`第N条 …`, `Article N …`)."""
    return [b for b in _article_blocks(doc, lang) if b.text.startswith(("第", "Article"))]


def test_hard_anchors_are_unique_numbers_in_order() -> None:
    zh = [(CH, 1), (ART, 1), (ART, 2), (ART, 3), (ART, 3), (ART, 5), None, (ART, 4)]
    en = [(CH, 1), (ART, 1), (ART, 3), (ART, 2), (ART, 4), (ART, 5)]
    # article 3 twice in Chinese: no anchor; 4 and 5 cross: the longest run in order stays
    anchors = hard_anchors(zh, en)
    assert anchors[:2] == [(0, 0), (1, 1)] and len(anchors) == 4
    assert all(a < c and b < d for (a, b), (c, d) in zip(anchors, anchors[1:]))
    assert hard_anchors([(LEVELS["outline-1"], 1)], [(LEVELS["outline-1"], 1)]) == []  # outlines restart


def test_band_grows_linearly() -> None:
    sizes = {n: make_band([40] * n, [180] * n, None, []).size for n in (100, 1000, 5000)}
    assert sizes[5000] <= 5.2 * sizes[1000] and sizes[1000] <= 10.5 * sizes[100]
    interleaved = make_band([40] * 1000, [180] * 1000, list(range(1000)), [])
    assert interleaved.size <= 15 * 1000


def test_band_passes_through_anchors() -> None:
    band = make_band([10] * 6, [40] * 6, None, [(2, 2)])
    assert all(j <= 2 for j in band.cells(2)) and all(j >= 3 for j in band.cells(3))


def test_a_label_line_joins_its_text() -> None:
    zh = Block("paragraph", "zh", "第三条　城市的土地属于国家所有。", (1,))
    label = Block("paragraph", "en", "Article 3", (2,))
    text = Block("paragraph", "en", "Land in cities is owned by the state.", (3,))
    assert is_label(label) and not is_label(text) and units([label, text]) == [(label, text)]
    (row,) = align_section(_section(zh, label, text)).rows
    assert row.zh == (zh,) and row.en == (label, text)
    assert {e.kind for e in row.evidence} >= {"numbering", "anchor", "lexicon"}


def test_label_followed_by_label_stays_alone() -> None:
    a, b = Block("paragraph", "en", "Article 3", (1,)), Block("paragraph", "en", "Article 4", (2,))
    assert units([a, b]) == [(a,), (b,)]


def test_unpaired_english_keeps_its_place_in_a_separate_translation() -> None:
    """The issue's case: English of article 5 without its Chinese must sit between articles 4 and 6."""
    zh = [b for b in _openings(SEPARATE, "zh") if not b.text.startswith("第五条")][:13]
    en = _openings(SEPARATE, "en")[:14]
    rows = align_section(_section(*zh, *en)).rows
    at = {b.text.split()[0]: k for k, r in enumerate(rows) for b in r.zh + r.en}
    lone = next(k for k, r in enumerate(rows) if r.en and r.en[0].text.startswith("Article 5 "))
    assert rows[lone].zh == () and at["第四条"] < lone < at["第六条"]


def test_unpaired_english_keeps_its_place_without_labels() -> None:
    """The preamble has no numbers: the lone English sits where the lengths put it."""
    doc = read_labelled(SET / "12_constitution_ch1.txt")
    paragraphs = [b for b in doc.sections[0].blocks if b.kind == "paragraph"][3:23]  # ten zh/en pairs
    zh, en = paragraphs[0::2], paragraphs[1::2]
    assert {b.lang for b in zh} == {"zh"} and {b.lang for b in en} == {"en"}
    rows = align_section(_section(*zh[:4], *zh[5:], *en)).rows
    order = [b for r in rows for b in r.zh + r.en]
    assert order.index(zh[3]) < order.index(en[4]) < order.index(zh[5])
    assert next(r for r in rows if en[4] in r.en).zh == ()


@settings(max_examples=25, deadline=None)
@given(st.sets(st.integers(0, 95), max_size=30), st.sets(st.integers(0, 95), max_size=30), st.booleans())
def test_alignment_never_reorders_and_never_pairs_wrongly(drop_zh: set[int], drop_en: set[int], split: bool) -> None:
    """Real articles with random pieces deleted on either side, interleaved or separate."""
    zh = [b for k, b in enumerate(_article_blocks(ARTICLES, "zh")) if k not in drop_zh]
    en = [b for k, b in enumerate(_article_blocks(ARTICLES, "en")) if k not in drop_en]
    blocks = zh + en if split else sorted(zh + en, key=lambda b: b.lines)
    section = _section(*blocks)
    (aligned,) = align_sections((section,))
    assert [b for r in aligned.rows for b in r.zh] == [b for b in blocks if b.lang != "en"]
    assert [b for r in aligned.rows for b in r.en] == [b for b in blocks if b.lang == "en"]
    result = score(ARTICLES, (aligned,))
    assert result.correct == result.predicted, result.wrong


def test_prepare_scores_only_inside_the_band() -> None:
    section = ARTICLES.sections[0]
    prepared = prepare(section, lexicon())
    assert all(prepared.band.allows(e.i, e.j) and prepared.band.allows(e.i + e.a, e.j + e.b) for e in prepared.edges)
    assert len(prepared.band.anchors) >= 80  # articles 57–143 and the chapter headings


def test_an_english_title_first_does_not_make_a_separate_translation_interleaved() -> None:
    zh, en = _openings(SEPARATE, "zh")[:30], _openings(SEPARATE, "en")[:30]
    title = Block("title", "en", "Constitution of the People's Republic of China", (0,))
    rows = align_section(_section(title, *zh, *en)).rows
    assert sum(1 for r in rows if r.zh and r.en) >= 28
