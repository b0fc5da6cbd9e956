"""Align stage, evaluation: read the labelled alignment set and score an alignment against it.

The set (`tests/align_set/*.txt`) is self-contained so it does not depend on the
reader. One file holds one document:

    # comment
    @document d01_industrial_internet tune        (id, then `tune` or `heldout`)
    @section notice 0                             (kind and number, as in model.Section)
    z1 title | 工业互联网创新发展行动计划
    e1 title same | Action Plan for …             (`same`: same source line as the previous piece)
    z2 heading level=1 number=一、 ordinal=1 | 一、总体要求
    z3 attachments | 附件：1.甲\\n2.乙               (`\\n` separates the lines of a multi-line block)
    @gold
    pair z1 e1
    pair z7+z8 e7                                 (2:1; `+` joins adjacent pieces)
    alone z2 e9                                   (each id is one decision: must stand alone)

A piece id starts with `z` (zh), `e` (en) or `m` (mul). Every piece gets exactly one decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import AlignedSection, Block, Section

_LANGS = {"z": "zh", "e": "en", "m": "mul"}
_INT_KEYS = ("level", "ordinal")


@dataclass(frozen=True)
class LabelledDocument:
    """One document of the labelled set with its gold decisions."""

    id: str
    split: str
    """`tune` (used to calibrate) or `heldout` (never tuned on)."""
    sections: tuple[Section, ...]
    names: dict[int, str]
    """id(block) → piece id, to name the blocks of an alignment."""
    pairs: frozenset[tuple[frozenset[str], frozenset[str]]]
    """Gold pairs: (Chinese piece ids, English piece ids)."""
    alone: frozenset[str]
    """Pieces that must stand alone."""

    @property
    def decisions(self) -> int:
        return len(self.pairs) + len(self.alone)


@dataclass(frozen=True)
class Score:
    """Pair-level agreement of an alignment with the gold decisions."""

    predicted: int
    correct: int
    gold: int
    alone_gold: int
    alone_correct: int
    wrong: tuple[str, ...]
    """Predicted pairs that are not gold, as `zh ids ↔ en ids`."""
    missed: tuple[str, ...]
    """Gold pairs not predicted."""

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self._values(), other._values())))  # type: ignore[arg-type]

    def _values(self) -> tuple:  # type: ignore[type-arg]
        return (self.predicted, self.correct, self.gold, self.alone_gold, self.alone_correct, self.wrong, self.missed)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def alone_accuracy(self) -> float:
        return self.alone_correct / self.alone_gold if self.alone_gold else 1.0


EMPTY = Score(0, 0, 0, 0, 0, (), ())


def _piece(line: str, number: int, previous_line: int) -> tuple[str, Block]:
    head, sep, text = line.partition(" | ")
    if not sep:
        raise ValueError(f"line {number}: piece needs `id kind [options] | text`: {line!r}")
    name, kind, *options = head.split()
    if name[0] not in _LANGS:
        raise ValueError(f"line {number}: piece id must start with z, e or m: {name!r}")
    keys = dict(o.split("=", 1) for o in options if "=" in o)
    text = text.replace("\\n", "\n")
    first = previous_line if "same" in options else previous_line + 2
    lines = tuple(range(first, first + text.count("\n") + 1))
    extra = {k: int(keys[k]) if k in _INT_KEYS else keys[k] for k in ("level", "number", "ordinal") if k in keys}
    block = Block(kind=kind, lang=_LANGS[name[0]], text=text, lines=lines, **extra)  # type: ignore[arg-type]
    return name, block


def _gold(line: str, number: int) -> tuple[str, list[str]]:
    verb, *args = line.split()
    if verb == "pair" and len(args) == 2 or verb == "alone" and args:
        return verb, args
    raise ValueError(f"line {number}: gold line must be `pair ZH EN` or `alone ID…`: {line!r}")


def read_labelled(path: Path) -> LabelledDocument:
    """Parse one labelled file; raise ValueError when it is malformed or a piece lacks a decision."""
    header, sections, pieces, gold = None, [], {}, []  # type: ignore[var-annotated]
    current: list | None = None  # type: ignore[type-arg]
    last_line = -1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@document"):
            header = line.split()[1:3]
        elif line.startswith("@section"):
            _, kind, num = line.split()
            current = [kind, int(num), []]
            sections.append(current)
        elif line == "@gold":
            current = None
        elif current is not None:
            name, block = _piece(line, number, last_line)
            last_line = block.lines[-1]
            if name in pieces:
                raise ValueError(f"{path}:{number}: duplicate piece id {name}")
            pieces[name] = block
            current[2].append(block)
        else:
            gold.append(_gold(line, number))
    if header is None or len(header) != 2 or header[1] not in ("tune", "heldout"):
        raise ValueError(f"{path}: needs `@document ID tune|heldout`")
    return _document(path, header, sections, pieces, gold)


def _document(
    path: Path, header: list[str], sections: list, pieces: dict[str, Block], gold: list[tuple[str, list[str]]]
) -> LabelledDocument:
    built = tuple(Section(kind=k, number=n, title_zh=None, title_en=None, blocks=tuple(bs)) for k, n, bs in sections)
    pairs = frozenset((frozenset(a[0].split("+")), frozenset(a[1].split("+"))) for v, a in gold if v == "pair")
    alone = frozenset(x for v, a in gold if v == "alone" for x in a)
    decided = [x for zh, en in pairs for x in zh | en] + sorted(alone)
    if sorted(decided) != sorted(pieces) or len(decided) != len(set(decided)):
        raise ValueError(f"{path}: every piece needs exactly one decision; check {set(pieces) ^ set(decided)}")
    names = {id(block): name for name, block in pieces.items()}
    return LabelledDocument(header[0], header[1], built, names, pairs, alone)


def read_set(folder: Path) -> tuple[LabelledDocument, ...]:
    """Every labelled document under `folder`, in file-name order."""
    return tuple(read_labelled(p) for p in sorted(folder.glob("*.txt")))


def score(doc: LabelledDocument, aligned: tuple[AlignedSection, ...]) -> Score:
    """Compare an alignment of `doc.sections` with the gold decisions."""
    predicted, alone = set(), set()
    for section in aligned:
        for row in section.rows:
            zh = frozenset(doc.names[id(b)] for b in row.zh)
            en = frozenset(doc.names[id(b)] for b in row.en)
            if zh and en:
                predicted.add((zh, en))
            else:
                alone.update(zh | en)
    correct = predicted & doc.pairs
    show = lambda p: f"{doc.id}: {'+'.join(sorted(p[0]))} ↔ {'+'.join(sorted(p[1]))}"
    return Score(
        predicted=len(predicted),
        correct=len(correct),
        gold=len(doc.pairs),
        alone_gold=len(doc.alone),
        alone_correct=len(doc.alone & alone),
        wrong=tuple(sorted(show(p) for p in predicted - doc.pairs)),
        missed=tuple(sorted(show(p) for p in doc.pairs - predicted)),
    )
