"""Per-language rule data for the fact stage, like spaCy's ``spacy/lang/<code>/``.

Each language folder holds only data: ``patterns.py`` (relation and meeting rules, words of saying,
titles) and ``words.py`` (every other word list and the grammar settings). Python modules rather than
YAML/TOML because the data holds compiled regular expressions and enum members, mypy checks it against
the typed schema, and it loads once at import with no parser. ``RULES`` is built once per process.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.facts.lang.de import patterns as de_patterns
from kg.facts.lang.de import words as de_words
from kg.facts.lang.en import patterns as en_patterns
from kg.facts.lang.en import words as en_words
from kg.facts.lang.vocabulary import Grammar, Vocabulary
from kg.facts.patterns import LanguagePatterns

__all__ = ["RULES", "Grammar", "LanguageRules", "Vocabulary", "rules_for"]


@dataclass(frozen=True)
class LanguageRules:
    """Everything the fact stage knows about one language."""

    lang: str
    patterns: LanguagePatterns
    vocab: Vocabulary
    grammar: Grammar


RULES: dict[str, LanguageRules] = {
    "de": LanguageRules("de", de_patterns.PATTERNS_DE, de_words.VOCABULARY, de_words.GRAMMAR),
    "en": LanguageRules("en", en_patterns.PATTERNS_EN, en_words.VOCABULARY, en_words.GRAMMAR),
}


def rules_for(lang: str) -> LanguageRules | None:
    return RULES.get(lang)
