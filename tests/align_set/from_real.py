"""Write the labelled files 12–17 of the set from the real constitution in tests/fixtures/real/.

    .venv/bin/python tests/align_set/from_real.py        # rewrites tests/align_set/1[2-7]_*.txt

The gold decisions come from the official translation's own structure, never from the
aligner: `06_constitution_bilingual.txt` puts each Chinese line directly before its
official English line(s); `07_constitution_ch1.txt` + `.en.txt` keep the same order in
two files. Every exception to that structure is listed in `FIXES` below, found by
reading the texts. Files 16–18 derive other forms from the same real text: 16 is
chapter II with every fifth English paragraph deleted (those Chinese paragraphs must
stand alone), 17 is chapter I as a separate translation, 18 is chapters III–IV with one
block per article, as the reader builds a law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE.parent / "fixtures" / "real"
HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_LABEL = re.compile(r"^(第[一二三四五六七八九十百零〇]+[章节条])")
_EN_LABEL = re.compile(r"^((?:Chapter|Section) [IVXLC\d]+|Article \d+)")


@dataclass
class Piece:
    lang: str
    kind: str
    text: str
    same: bool = False


def _clean(line: str) -> str:
    return re.sub(r"[\u3000 ]+", " ", line).strip()


def _kind(text: str, lang: str) -> str:
    if text.replace(" ", "") in ("序言", "Preamble"):
        return "heading"
    label = (_ZH_LABEL if lang == "z" else _EN_LABEL).match(text)
    if label and (label[1].endswith(("章", "节")) or label[1].startswith(("Chapter", "Section"))):
        return "heading"
    return "paragraph"


def interleaved(lines: list[str]) -> list[tuple[list[Piece], list[Piece]]]:
    """Group the non-blank lines into (Chinese lines, English lines) runs: a run of Chinese
    lines translated by the run of English lines that follows it."""
    runs: list[tuple[list[Piece], list[Piece]]] = []
    for raw in lines:
        text = _clean(raw)
        if not text:
            continue
        lang = "z" if HAN.search(text) else "e"
        piece = Piece(lang, _kind(text, lang), text)
        if lang == "z" and (not runs or runs[-1][1]):
            runs.append(([piece], []))
        elif lang == "z":
            runs[-1][0].append(piece)
        else:
            runs[-1][1].append(piece)
    return runs


def _block(pieces: list[Piece]) -> Piece:
    """Lines of one heading or title that the source wraps: one block of several lines."""
    return Piece(pieces[0].lang, pieces[0].kind, "\\n".join(p.text for p in pieces))


def normalise(runs: list[tuple[list[Piece], list[Piece]]]) -> list[tuple[list[Piece], list[Piece]]]:
    """A wrapped heading or title is one block; paragraphs stay one block per line (2:1, 1:2 pairs)."""
    out = []
    for zh, en in runs:
        if en and zh[0].kind in ("heading", "title") and len(en) > 1:
            en = [_block(en)]
        out.append((zh, en))
    return out


def write(path: Path, doc_id: str, split: str, comment: str, runs: list[tuple[list[Piece], list[Piece]]],
          separate: bool = False) -> int:
    """Write one labelled file; return its number of decisions."""
    body, gold, n = [], [], 0
    ids: list[tuple[list[str], list[str]]] = []
    for zh, en in runs:
        z_ids, e_ids = [], []
        for p in zh + en:
            n += 1
            name = f"{p.lang}{n}"
            (z_ids if p.lang == "z" else e_ids).append(name)
        ids.append((z_ids, e_ids))
    order = [(p, name) for (zh, en), (zi, ei) in zip(runs, ids) for p, name in zip(zh + en, zi + ei)]
    if separate:
        order = [x for x in order if x[0].lang == "z"] + [x for x in order if x[0].lang == "e"]
    for p, name in order:
        body.append(f"{name} {p.kind} | {p.text}")
    for zi, ei in ids:
        if zi and ei and len(zi) <= 2 and len(ei) <= 2 and not (len(zi) == 2 and len(ei) == 2):
            gold.append(f"pair {'+'.join(zi)} {'+'.join(ei)}")
        else:
            gold.append(f"alone {' '.join(zi + ei)}")
    lines = [f"# {c}" for c in comment.splitlines()] + [f"@document {doc_id} {split}", "@section notice 0"]
    path.write_text("\n".join(lines + body + ["@gold"] + gold) + "\n", encoding="utf-8")
    return len(gold) + sum(len(z) + len(e) - 1 for z, e in ids if not (z and e and len(z) <= 2 and len(e) <= 2))


def articles(runs: list[tuple[list[Piece], list[Piece]]]) -> list[tuple[list[Piece], list[Piece]]]:
    """Runs regrouped as the reader groups a law: each article (its label line and the lines up to
    the next label or heading) one block per language, joined with `\\n`; headings stay."""
    out: list[tuple[list[Piece], list[Piece]]] = []
    for zh, en in runs:
        opens = zh[0].kind == "heading" or _ZH_LABEL.match(zh[0].text) or not out or out[-1][0][0].kind == "heading"
        if opens:
            out.append((list(zh), list(en)))
        else:
            out[-1][0].extend(zh)
            out[-1][1].extend(en)
    return [(zh, en) if zh[0].kind == "heading" else ([_block(zh)], [_block(en)] if en else []) for zh, en in out]


def chapters(runs: list[tuple[list[Piece], list[Piece]]]) -> list[list[tuple[list[Piece], list[Piece]]]]:
    """Split at each `第X章` heading: [front matter + preamble, chapter I, chapter II, …]."""
    parts: list[list[tuple[list[Piece], list[Piece]]]] = [[]]
    for run in runs:
        if run[0][0].kind == "heading" and "章" in run[0][0].text[:6]:
            parts.append([])
        parts[-1].append(run)
    return parts


def main() -> None:
    bilingual = (REAL / "06_constitution_bilingual.txt").read_text(encoding="utf-8").splitlines()
    runs = normalise(interleaved(bilingual))
    runs[0] = ([Piece("z", "title", runs[0][0][0].text)], [Piece("e", "title", _block(runs[0][1]).text)])
    front, ch1, ch2, ch3, ch4 = chapters(runs)
    source = "tests/fixtures/real/06_constitution_bilingual.txt (NPC official English, line by line)"
    total = write(HERE / "12_constitution_ch1.txt", "r12_constitution_ch1", "tune",
                  f"Real: the Constitution, title, preamble and chapter I, from {source}.", front + ch1)
    total += write(HERE / "13_constitution_ch2.txt", "r13_constitution_ch2", "tune",
                   f"Real: the Constitution, chapter II, from {source}.", ch2)
    total += write(HERE / "14_constitution_ch3.txt", "r14_constitution_ch3", "heldout",
                   f"Real: the Constitution, chapter III, from {source}.", ch3)
    total += write(HERE / "15_constitution_ch4.txt", "r15_constitution_ch4", "heldout",
                   f"Real: the Constitution, chapter IV, from {source}.", ch4)
    gaps = [(zh, en if k % 5 != 3 or zh[0].kind != "paragraph" else []) for k, (zh, en) in enumerate(ch2)]
    total += write(HERE / "16_constitution_ch2_gaps.txt", "r16_constitution_ch2_gaps", "heldout",
                   "Real text with a trap: chapter II with every fifth English paragraph deleted;\n"
                   "those Chinese paragraphs must stand alone.", gaps)
    total += write(HERE / "17_constitution_ch1_separate.txt", "r17_constitution_ch1_separate", "tune",
                   "Real: chapter I as a separate translation (all English after all Chinese), as\n"
                   "07_constitution_ch1.txt + .en.txt give it.", separate_ch1())
    total += write(HERE / "18_constitution_ch3_articles.txt", "r18_constitution_ch3_articles", "heldout",
                   "Real: chapters III and IV grouped as the reader groups a law: one block per article\n"
                   "and language (its paragraphs and items joined), from " + source + ".", articles(ch3 + ch4))
    print(f"{total} decisions")


def separate_ch1() -> list[tuple[list[Piece], list[Piece]]]:
    """Chapter I of 07_constitution_ch1.txt and its .en.txt, paired run by run (same order, checked)."""
    zh = [_clean(x) for x in (REAL / "07_constitution_ch1.txt").read_text(encoding="utf-8").splitlines()]
    en = [_clean(x) for x in (REAL / "07_constitution_ch1.en.txt").read_text(encoding="utf-8").splitlines()]
    zh = [x for x in zh[zh.index("第一章 总纲"):] if x]
    en = [x for x in en[en.index("Chapter I General Principles"):] if x]
    assert len(zh) == len(en), (len(zh), len(en))
    return [([Piece("z", _kind(a, "z"), a)], [Piece("e", _kind(b, "e"), b)]) for a, b in zip(zh, en)]


if __name__ == "__main__":
    main()
