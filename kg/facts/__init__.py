"""Fact extraction: quotations, offices, memberships/partnerships/candidacies/coverage and meetings,
with polarity, modality, attribution and time. Versioned rule extractors per language over tokens and
linked mentions; the pattern tables and word lists are data
(``kg/facts/lang/de``, ``kg/facts/lang/en``).

Facts come from the text only: the knowledge base names position items, it never supplies facts.
"""

from __future__ import annotations

from kg.facts.context import DocContext
from kg.facts.hits import trigger_data
from kg.facts.kbview import KnowledgeView
from kg.facts.lang import RULES
from kg.facts.meetings import extract_meetings, meeting_extractor
from kg.facts.offices import OFFICE_SHAPES, extract_offices, office_extractor
from kg.facts.quotes import extract_quotations, quote_extractor
from kg.facts.relations import extract_relations, relation_extractor
from kg.model import Document, Extraction, Extractor, Mention, TextAnalysis, TriggerPatterns

__all__ = ["EXTRACTORS", "extract_facts", "rule_triggers"]


def rule_triggers(lang: str) -> tuple[TriggerPatterns, ...]:
    """Every trigger of ``lang``'s rules, as plain data for the nlp stage to match once per document."""
    rules = RULES.get(lang)
    return trigger_data(rules.patterns) if rules is not None else ()


def _all_extractors() -> tuple[Extractor, ...]:
    found: dict[str, Extractor] = {}
    for lang, rules in sorted(RULES.items()):
        patterns = rules.patterns
        for e in (quote_extractor(lang), *(office_extractor(lang, shape) for shape in OFFICE_SHAPES)):
            found[e.id] = e
        for rule in patterns.relations:
            e = relation_extractor(lang, rule)
            found[e.id] = e
        for meeting_rule in patterns.meetings:
            e = meeting_extractor(lang, meeting_rule)
            found[e.id] = e
    return tuple(found.values())


EXTRACTORS: tuple[Extractor, ...] = _all_extractors()


def extract_facts(
    document: Document, analysis: TextAnalysis, mentions: tuple[Mention, ...], kb: KnowledgeView
) -> Extraction:
    """Facts, quotations and meetings of one analysed, linked document."""
    rules = RULES.get(document.lang)
    if rules is None:
        return Extraction()
    ctx = DocContext(document=document, analysis=analysis, mentions=mentions, kb=kb, rules=rules)
    offices, index = extract_offices(ctx)  # first: role nouns of speakers resolve through its index
    ctx = ctx.with_offices(index)
    quotations = extract_quotations(ctx)
    relations = extract_relations(ctx.with_organisation_anaphora(), quotations)
    meetings = extract_meetings(ctx)
    return Extraction(
        facts=tuple(offices + relations), quotations=tuple(quotations), meetings=tuple(meetings)
    )
