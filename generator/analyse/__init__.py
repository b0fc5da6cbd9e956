"""Analyse stage: what is computed across the corpus — principles, keywords, references and status."""

from generator.analyse.keywords import extract_keywords
from generator.analyse.principles import collect_principles
from generator.analyse.references import find_references, find_statuses

__all__ = ["collect_principles", "extract_keywords", "find_references", "find_statuses"]
