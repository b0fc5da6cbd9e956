"""Analyse stage: what is computed across the aligned corpus — principles and keywords."""

from generator.analyse.keywords import extract_keywords
from generator.analyse.principles import collect_principles

__all__ = ["collect_principles", "extract_keywords"]
