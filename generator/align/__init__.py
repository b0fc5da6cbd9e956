"""Align stage: pair each Chinese piece with its English translation, or leave it alone.

numbers (numerals and labels as evidence) → lexicon (dictionary, glossary, learned
pairs) → evidence (scores for one candidate pair) → aligner (the monotonic path
and its margins); gold reads the labelled set that measures it.
"""

from generator.align.aligner import align_document, align_section, row_id

__all__ = ["align_document", "align_section", "row_id"]
