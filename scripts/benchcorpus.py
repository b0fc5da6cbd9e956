"""The benchmark's corpus: N documents with the variety of real ones, made from the real fixtures.

Each document is one of the real texts (tests/fixtures/real/: laws without a
header, the Constitution with its official English line by line and in a
separate `.en.txt`, gov.cn notices with plans and tables, CAC provisions; plus
the seed and the reader fixtures), drawn with a fixed seed and made a distinct
document: a title and 文号 of its own, a year between 2000 and 2024 in its
header, and a length between a third and the whole of its body (cut at a blank
line after its header, as a shorter document of the same shape would be). So the corpus has the
lengths, structures, languages and vocabulary of real documents, not copies of
five files. Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests" / "fixtures" / "real", ROOT / "seeds", ROOT / "tests" / "fixtures" / "reader")
_WARNED = {"missing_fields.txt"}
"""Fixtures that are meant to give warnings (an impossible date): not a benchmark's business."""
_MIN_LINES = 20
_TITLE_FIELD = re.compile(r"^(标\s*题\s*[：:]\s*)(.+?)\s*$", re.M)
_DOC_NUMBER = re.compile(r"([〔\[［]\d{4}[〕\]］])\s*\d+\s*号")
_ORDER_NUMBER = re.compile(r"(令\s*第)\s*[〇零一二三四五六七八九十百千\d]+\s*(号)")
_DATE_FIELD = re.compile(r"^((?:发布日期|成文日期)\s*[：:]\s*)(\d{4})", re.M)


@dataclass(frozen=True)
class Template:
    """One real document the corpus is made from."""

    name: str
    text: str
    translation: str | None
    """Its separate English translation (`X.en.txt`), if it has one."""


def templates() -> list[Template]:
    """Every real document that can be copied, in file-name order."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            if path.name.endswith(".en.txt") or path.name in _WARNED:
                continue
            translation = path.with_name(path.name.removesuffix(".txt") + ".en.txt")
            found.append(Template(path.name, path.read_text(encoding="utf-8"),
                                  translation.read_text(encoding="utf-8") if translation.exists() else None))
    return found


def _title(text: str) -> str:
    field = _TITLE_FIELD.search(text)
    return field[2] if field else next(line.strip() for line in text.splitlines() if line.strip())


def _shortened(text: str, rng: random.Random) -> str:
    """`text` cut at a blank line between a third of it and its end (laws and plans keep their head)."""
    if text.count("\n") < _MIN_LINES:
        return text
    field = _TITLE_FIELD.search(text)
    head = field.end() if field else 0  # never cut into the header
    cuts = [m.start() for m in re.finditer(r"\n\s*\n", text) if m.start() > head + (len(text) - head) // 3]
    keep = rng.uniform(1 / 3, 1.0)
    fitting = [c for c in cuts if c >= keep * len(text)]
    return text[: fitting[0]] + "\n" if fitting and keep < 0.98 else text


def variant(template: Template, index: int, rng: random.Random) -> tuple[str, str | None]:
    """Document `index` made from `template`: its own title, 文号 and year, and its own length."""
    text = template.text if template.translation else _shortened(template.text, rng)
    title = _title(text)
    text = text.replace(title, f"{title}（样本{index}）")
    text = _DOC_NUMBER.sub(rf"\g<1>{index}号", text)
    text = _ORDER_NUMBER.sub(rf"\g<1>{index}\g<2>", text)
    year = str(2000 + rng.randrange(25))
    text = _DATE_FIELD.sub(rf"\g<1>{year}", text)
    return text, template.translation


def make_corpus(folder: Path, count: int, seed: int = 0) -> None:
    """Write `count` documents (and their translations) into `folder`."""
    pool = templates()
    rng = random.Random(seed)
    for index in range(count):
        template = pool[rng.randrange(len(pool))]
        text, translation = variant(template, index, rng)
        (folder / f"{index:05d}.txt").write_text(text, encoding="utf-8")
        if translation is not None:
            (folder / f"{index:05d}.en.txt").write_text(translation, encoding="utf-8")
