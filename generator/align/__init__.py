"""Align stage: pair each Chinese piece with its English translation, or leave it alone.

numbers (numerals and labels as evidence) → lexicon (dictionary and glossary) →
evidence (scores for one candidate pair) → units (blocks, label lines joined with
their text) → band (hard anchors and the band, the coarse pass) → path (the banded
monotonic programme and its margins) → learned (second-pass words and rhythm) →
aligner (the stage); gold reads the labelled set that measures it.
"""

from generator.align.aligner import align_document, align_section, align_sections, row_id

__all__ = ["align_document", "align_section", "align_sections", "row_id"]
