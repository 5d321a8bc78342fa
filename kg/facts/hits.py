"""The rules' triggers as plain data for the nlp stage, and the hits it found, in the order and with
the precedence the relation engine reads them.

Precedence: within one rule, hits do not overlap (leftmost first, then longest, as a regular
expression scans); between rules, a hit lying strictly inside a longer hit of another rule is dropped
(spaCy's ``filter_spans``, but equal spans all stay): "als Mitglied aufgenommen" is read by the rule
for admission, not by the bare membership noun inside it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from kg.facts.patterns import LanguagePatterns, RelationRule, Tokens
from kg.model import TextAnalysis, TriggerHit, TriggerPatterns

RELATION = "relation:"  # the key prefix of relation rules' triggers


def trigger_data(patterns: LanguagePatterns) -> tuple[TriggerPatterns, ...]:
    out = []
    for rule in patterns.relations:
        key = RELATION + rule.name
        if isinstance(rule.trigger, Tokens):
            out.append(TriggerPatterns(key, rule.trigger.patterns, rule.trigger.unless))
        else:
            out.append(TriggerPatterns(key, regex=rule.trigger))
    return tuple(out)


@dataclass(frozen=True)
class RuleHit:
    """A relation rule's trigger hit in its sentence: the first typed step of the relation engine."""

    rule: RelationRule
    order: int  # the rule's place in its language's table (facts of equal keys: the first rule wins)
    hit: TriggerHit
    sentence: int


def relation_hits(analysis: TextAnalysis, patterns: LanguagePatterns) -> list[RuleHit]:
    """The relation rules' hits of a document, each inside one sentence, by sentence, rule, position."""
    if analysis.triggers is None:
        raise ValueError(
            f"{analysis.doc_id}: analysed without the rules' triggers (load the nlp pipeline through "
            "kg.pipeline.load_pipeline, which passes them)"
        )
    rules = _rule_index(patterns)
    ends = [s.span.end for s in analysis.sentences]
    starts = [s.span.begin for s in analysis.sentences]
    by_rule: dict[str, list[TriggerHit]] = {}
    for hit in analysis.triggers:
        if hit.rule in rules:
            by_rule.setdefault(hit.rule, []).append(hit)
    out: list[RuleHit] = []
    for key, hits in by_rule.items():
        order, rule = rules[key]
        last_end = -1
        for hit in sorted(hits, key=lambda h: (h.begin, -h.end)):
            if hit.begin < last_end:
                continue  # overlaps the rule's previous hit
            sentence = bisect.bisect_right(starts, hit.begin) - 1
            if sentence < 0 or hit.end > ends[sentence]:
                continue  # a trigger reads inside one sentence
            last_end = hit.end
            out.append(RuleHit(rule, order, hit, sentence))
    return sorted(_most_specific(_not_excluded(out)), key=lambda h: (h.sentence, h.order, h.hit.begin))


_RULE_INDEX: dict[int, tuple[LanguagePatterns, dict[str, tuple[int, RelationRule]]]] = {}


def _rule_index(patterns: LanguagePatterns) -> dict[str, tuple[int, RelationRule]]:
    """Trigger key -> (place in the table, rule), built once per pattern table."""
    known = _RULE_INDEX.get(id(patterns))
    if known is None or known[0] is not patterns:
        known = _RULE_INDEX[id(patterns)] = (
            patterns,
            {RELATION + r.name: (i, r) for i, r in enumerate(patterns.relations)},
        )
    return known[1]


def _not_excluded(hits: list[RuleHit]) -> list[RuleHit]:
    """Without the hits a rule's ``excludes`` takes over: "kündigte die Mitgliedschaft" is a leaving,
    no candidacy of "Mitgliedschaft" (the excluded rule's hit lies within the excluding one's)."""
    takers = [h for h in hits if h.rule.excludes]
    if not takers:
        return hits
    return [
        h
        for h in hits
        if not any(
            h.rule.name in t.rule.excludes and t.hit.begin <= h.hit.begin and h.hit.end <= t.hit.end
            for t in takers
        )
    ]


def _most_specific(hits: list[RuleHit]) -> list[RuleHit]:
    """Without the hits lying strictly inside a longer hit of another rule."""
    by_begin = sorted(hits, key=lambda h: (h.hit.begin, -h.hit.end))
    kept = []
    for i, h in enumerate(by_begin):
        inside = False
        for other in by_begin[:i]:  # only hits beginning no later can contain this one
            if (
                other.rule is not h.rule
                and other.hit.begin <= h.hit.begin
                and h.hit.end <= other.hit.end
                and other.hit.end - other.hit.begin > h.hit.end - h.hit.begin
            ):
                inside = True
                break
        if not inside:
            kept.append(h)
    return kept
