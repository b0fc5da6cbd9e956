"""Tests for generator/analyse/keywords.py and generator/segment.py: keywords by a corpus-wide IDF."""

from pathlib import Path

import pytest

from generator import segment
from generator.analyse.keywords import (
    KEYWORD_COUNT,
    corpus_idf,
    extract_keywords,
    is_keyword_candidate,
    keywords_of_text,
    rank,
    term_counts,
)
from generator.model import AlignedDocument, AlignedSection, Block, Document, Metadata, Row, Section

SEED = Path(__file__).parent.parent / "seeds" / "000_fb4425727dd22f71.txt"

TEXT = (
    "坚持推进人工智能和实体经济深度融合，加快建设制造强国和网络强国。"
    "坚持协同创新，推进人工智能产业发展，加快实体经济转型升级。"
    "到2020年，人工智能核心产业规模超过1500亿元，三年行动计划取得明显成效，协同创新体系基本形成。"
)


def aligned(doc_id, *blocks):
    """A one-section document with one row per block (as the placeholder aligner makes them)."""
    rows = tuple(
        Row(id=f"n{i}", kind=b.kind, level=None, zh=(b,) if b.lang != "en" else (), en=(b,) if b.lang == "en" else ())
        for i, b in enumerate(blocks, start=1)
    )
    section = Section("notice", 0, None, None, blocks)
    metadata = Metadata(None, None, None, None, None, (), None, None, ())
    doc = Document(doc_id, f"{doc_id}.txt", metadata, (), (section,), (), False, len(blocks))
    return AlignedDocument(doc, (AlignedSection(section, rows),))


def block(text, lang="zh", kind="paragraph"):
    return Block(kind=kind, lang=lang, text=text, lines=(1,))


def test_user_dictionary_phrases_stay_whole():
    words = segment.cut("推动人工智能和实体经济深度融合，坚持协同创新，建设制造强国。")
    assert {"人工智能", "实体经济", "协同创新", "制造强国"} <= set(words)
    assert {"人工", "智能", "实体", "强国"}.isdisjoint(words)
    assert {"人工智能", "实体经济", "协同创新", "制造强国"} <= set(keywords_of_text(TEXT))


def test_stop_words_and_numbers_are_never_keywords():
    found = keywords_of_text(TEXT, count=100)
    assert found and {"坚持", "推进", "加快", "2020", "2020年", "1500", "三年", "亿元"}.isdisjoint(found)
    assert all(is_keyword_candidate(w) for w in found)


@pytest.mark.parametrize(
    "word, ok",
    [("2018", False), ("2018年", False), ("三年", False), ("十九大", False), ("第一", False), ("亿元", False),
     ("artificial", False), ("中国制造2025", True), ("实体经济", True)],
)
def test_numbers_years_and_non_chinese_words_are_not_candidates(word, ok):
    assert is_keyword_candidate(word) is ok


def test_keywords_are_best_first_ties_broken_by_word():
    terms = term_counts(TEXT)
    idf = corpus_idf([terms])
    weight = {w: round(terms[w] / sum(terms.values()) * idf[w], 9) for w in terms}
    found = keywords_of_text(TEXT, count=100)
    order = [(-weight[w], w) for w in found]
    assert order == sorted(order) and set(found) == set(terms)
    tied = [w for w in found if weight[w] == weight["制造强国"]]
    assert len(tied) > 1 and tied == sorted(tied)
    assert keywords_of_text(TEXT) == found[:KEYWORD_COUNT] == keywords_of_text(TEXT)


def test_equal_weights_rank_by_the_word_whatever_the_input_order():
    idf = {"乙方": 2.0, "甲方": 2.0, "丙方": 1.0}
    assert rank({"甲方": 1, "乙方": 1, "丙方": 1}, idf) == rank({"丙方": 1, "乙方": 1, "甲方": 1}, idf) == (
        "乙方", "甲方", "丙方")


def test_only_chinese_text_blocks_are_read():
    doc = aligned(
        "d",
        block("各省、自治区、直辖市工业和信息化主管部门：", kind="addressee"),
        block(TEXT),
        block("Artificial intelligence and the real economy, artificial intelligence.", lang="en"),
        block("工业和信息化部", kind="signature"),
    )
    found = extract_keywords([doc])["d"]
    assert len(found) == KEYWORD_COUNT and found[0] == "人工智能"
    assert {"自治区", "直辖市", "信息化", "artificial", "intelligence"}.isdisjoint(found)


def test_a_document_without_chinese_has_no_keywords():
    assert extract_keywords([aligned("e", block("Systematic Layout. Learn.", lang="en"))]) == {"e": ()}


def test_seed_keywords():
    reader = pytest.importorskip("generator.read.readers")
    from generator.align.aligner import align_document

    doc, _ = reader.read_text(SEED.read_text(encoding="utf-8"), SEED.name)
    found = extract_keywords([align_document(doc)])[doc.id]
    assert len(found) == KEYWORD_COUNT and found[0] == "人工智能"
    assert {"实体经济", "制造强国", "网络强国"} <= set(found)
    assert all(is_keyword_candidate(w) for w in found)


def test_notice_boilerplate_is_never_a_keyword():
    text = "现将工作指引印发给你们，请遵照执行。现将有关事项通知如下。请结合实际认真贯彻执行。开放创新平台以企业为主体。"
    found = keywords_of_text(text, count=100)
    assert "平台" in found or "开放" in found
    assert {"现将", "遵照执行", "事项", "如下", "认真贯彻", "贯彻执行", "结合实际"}.isdisjoint(found)


# --- real text: laws and plans (excerpts of tests/fixtures/real) ---------------------------------

DATA_SECURITY_LAW = (  # 中华人民共和国数据安全法, arts. 2, 4, 6, 45 (excerpt)
    "第二条 在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。"
    "在中华人民共和国境外开展数据处理活动，损害中华人民共和国国家安全、公共利益或者公民、组织合法权益的，依法追究法律责任。\n"
    "第四条 维护数据安全，应当坚持总体国家安全观，建立健全数据安全治理体系，提高数据安全保障能力。\n"
    "第六条 各地区、各部门对本地区、本部门工作中收集和产生的数据及数据安全负责。"
    "公安机关、国家安全机关等依照本法和有关法律、行政法规的规定，在各自职责范围内承担数据安全监管职责。\n"
    "第四十五条 开展数据处理活动的组织、个人不履行本法第二十七条、第二十九条、第三十条规定的数据安全保护义务的，"
    "由有关主管部门责令改正，给予警告，可以并处五万元以上五十万元以下罚款，"
    "对直接负责的主管人员和其他直接责任人员可以处一万元以上十万元以下罚款。"
)
NATIONAL_ANTHEM_LAW = (  # 中华人民共和国国歌法, arts. 1, 3, 6, 7 (excerpt)
    "第一条 为了维护国歌的尊严，规范国歌的奏唱、播放和使用，增强公民的国家观念，弘扬爱国主义精神，"
    "培育和践行社会主义核心价值观，根据宪法，制定本法。\n"
    "第三条 中华人民共和国国歌是中华人民共和国的象征和标志。一切公民和组织都应当尊重国歌，维护国歌的尊严。\n"
    "第六条 奏唱国歌，应当按照本法附件所载国歌的歌词和曲谱，不得采取有损国歌尊严的奏唱形式。\n"
    "第七条 奏唱国歌时，在场人员应当肃立，举止庄重，不得有不尊重国歌的行为。"
)
GRAIN_PLAN = (  # 国家粮食应急预案, 1.4 工作原则 (excerpt)
    "（1）统一领导、分级负责。在国务院统一领导下，对不同等级的粮食应急工作，由中央和省级人民政府按照中央和地方的粮食事权各负其责。\n"
    "（2）科学监测、预防为主。要提高防范突发公共事件的意识，加强对粮食市场的跟踪监测，出现前兆及时预报，提前做好应对准备。"
)
LEGAL_FILLER = {"应当", "本法", "或者", "依照", "依法", "可以", "不得", "规定", "有关", "以上", "以下", "周三", "周日", "星期三"}


def test_legal_filler_is_never_a_keyword_of_a_law():
    corpus = [aligned(name, block(text)) for name, text in
              (("data", DATA_SECURITY_LAW), ("anthem", NATIONAL_ANTHEM_LAW), ("grain", GRAIN_PLAN))]
    found = extract_keywords(corpus)
    assert found["data"][:2] == ("数据安全", "数据处理") and found["anthem"][0] == "国歌"
    for text in (DATA_SECURITY_LAW, NATIONAL_ANTHEM_LAW):
        assert LEGAL_FILLER.isdisjoint(keywords_of_text(text, count=100))


@pytest.mark.parametrize("word", sorted(LEGAL_FILLER | {"本条例", "本办法", "周一", "星期日", "之日起"}))
def test_filler_words_are_not_candidates(word):
    assert not is_keyword_candidate(word)


def test_a_word_every_document_uses_sinks_under_the_corpus_idf():
    # 中华人民共和国 is in all three texts: alone, the data law ranks it; in the corpus it sinks.
    assert "中华人民共和国" in keywords_of_text(DATA_SECURITY_LAW, count=6)
    laws = [term_counts(t) for t in (DATA_SECURITY_LAW, NATIONAL_ANTHEM_LAW, GRAIN_PLAN + "中华人民共和国")]
    idf = corpus_idf(laws)
    assert idf["中华人民共和国"] < idf["数据安全"] and idf["中华人民共和国"] < idf["国歌"]
    assert "中华人民共和国" not in rank(laws[0], idf, 6)


def test_keywords_do_not_depend_on_document_order():
    corpus = [aligned(name, block(text)) for name, text in
              (("data", DATA_SECURITY_LAW), ("anthem", NATIONAL_ANTHEM_LAW), ("grain", GRAIN_PLAN), ("seed", TEXT))]
    assert extract_keywords(corpus) == extract_keywords(corpus[::-1]) == extract_keywords(corpus)


def test_jieba_and_its_tables_are_loaded_once():
    assert segment.tokenizer() is segment.tokenizer()
    assert segment.reference_idf() is segment.reference_idf()
    assert segment.stop_words() is segment.stop_words()


REAL = Path(__file__).parent / "fixtures" / "real"


@pytest.mark.skipif(not (REAL / "05_national_anthem_law.txt").exists(), reason="real fixtures not present")
def test_real_laws_have_no_legal_filler_among_their_keywords():
    texts = {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(REAL.glob("0[1-5]_*.txt"))}
    counts = {name: term_counts(text) for name, text in texts.items()}
    idf = corpus_idf(list(counts.values()))
    found = {name: rank(terms, idf) for name, terms in counts.items()}
    assert found["05_national_anthem_law.txt"][0] == "国歌"
    assert found["01_data_security_law.txt"][0] in ("数据安全", "数据")
    assert all(LEGAL_FILLER.isdisjoint(words) and len(words) == KEYWORD_COUNT for words in found.values())


def test_keywords_are_the_same_in_every_process():
    import subprocess
    import sys

    code = ("from tests.test_keywords import DATA_SECURITY_LAW as A, NATIONAL_ANTHEM_LAW as B, GRAIN_PLAN as C;"
            "from generator.analyse.keywords import corpus_idf, rank, term_counts;"
            "c = [term_counts(t) for t in (A, B, C)]; i = corpus_idf(c); print([rank(t, i, 20) for t in c])")
    root = Path(__file__).parent.parent
    runs = {subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")}
    assert len(runs) == 1 and "数据安全" in runs.pop()
