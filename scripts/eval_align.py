"""Evaluate the align stage on the labelled set in tests/align_set/.

Prints pair-level precision and recall and standalone accuracy per document, then for
the tuning documents, the held-out documents and both; lists every wrong and missed pair.
Each labelled document is aligned as one document (both passes of `align_sections`).
Exits 1 when precision on the whole set is below 1.00.

    python scripts/eval_align.py            # figures
    python scripts/eval_align.py --rows     # also every row with its evidence
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.align.aligner import align_sections
from generator.align.gold import EMPTY, LabelledDocument, Score, read_set, score
from generator.model import AlignedSection

SET = Path(__file__).resolve().parent.parent / "tests" / "align_set"


def _line(name: str, s: Score, docs: int, decisions: int) -> str:
    return (
        f"{name:28} {docs} documents, {decisions} decisions: precision {s.precision:.3f} ({s.correct}/{s.predicted})"
        f"  recall {s.recall:.3f} ({s.correct}/{s.gold})"
        f"  standalone {s.alone_accuracy:.3f} ({s.alone_correct}/{s.alone_gold})"
    )


def _show_rows(doc: LabelledDocument, aligned: tuple[AlignedSection, ...]) -> None:
    for section in aligned:
        for row in section.rows:
            zh = "+".join(doc.names[id(b)] for b in row.zh) or "-"
            en = "+".join(doc.names[id(b)] for b in row.en) or "-"
            print(f"  {row.id:6} {zh:8} {en:8} {'' if row.confidence is None else row.confidence}")
            for e in row.evidence:
                print(f"           {e.kind:9} {e.score:+.2f}  {e.detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="print every row with its evidence")
    args = parser.parse_args(argv)
    docs = read_set(SET)
    totals = {"tune": EMPTY, "heldout": EMPTY}
    for doc in docs:
        aligned = align_sections(doc.sections)
        if args.rows:
            print(doc.id)
            _show_rows(doc, aligned)
        result = score(doc, aligned)
        print(_line(doc.id[:28], result, 1, doc.decisions).replace(" 1 documents,", f" {doc.split:7}"))
        totals[doc.split] = totals[doc.split] + result
    everything = totals["tune"] + totals["heldout"]
    for name, s in (*totals.items(), ("all", everything)):
        chosen = [d for d in docs if name == "all" or d.split == name]
        print(_line(name, s, len(chosen), sum(d.decisions for d in chosen)))
    for wrong in everything.wrong:
        print(f"WRONG  {wrong}")
    for missed in everything.missed:
        print(f"missed {missed}")
    return 0 if everything.precision >= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
