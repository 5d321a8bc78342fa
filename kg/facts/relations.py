"""Membership, partnership, candidacy, coverage and borders from the pattern tables of ``patterns_*``.

Each rule names a trigger, the predicate, where the object is and how far negation and modality
cues reach. The subject is the country (or coordinated countries: *Finnland und Schweden*) nearest
before the trigger, or after it for "Article 5 does not apply to X" / "NATO member Poland"; it may
also be a country standing for itself otherwise (``subjects``: "das Land", "its membership", "beide
Länder", a capital, a person holding the country's office).

Factuality is the candidate's own: another party's negation or rejection of a possessed candidacy
("Turkey would not approve Sweden's membership", "Russland lehnt den Beitritt der Ukraine ab") leaves
it positive (Denied when rejected); verbs of giving up negate ("gave up its bid") unless negated
themselves. An organisation set against the object ("of the EU but not of NATO") takes the opposite
polarity; a noun whose complement is no organisation ("member of the coalition") makes no fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.facts.attribution import attribution, fact_time
from kg.facts.candidates import Candidate, find_candidate
from kg.facts.context import DocContext
from kg.facts.factuality import (
    cue_in_earlier_clause,
    cue_words,
    denial_of_trigger,
    fact_window,
    factuality,
    governed_by_demand,
    negated_abandonment,
    other_party_stance,
    possessed_candidacy,
)
from kg.facts.hits import relation_hits
from kg.facts.objects import contrasted_org
from kg.facts.patterns import ObjectSource, RelationRule
from kg.facts.subjects import parsed_negation
from kg.model import (
    Entity,
    Extractor,
    Fact,
    Modality,
    Polarity,
    Predicate,
    Quotation,
    TimeRef,
    TriggerHit,
)


@dataclass(frozen=True)
class Judgement:
    """The third step: what the text says of a candidate — the predicate it settles on (a membership
    to come is a candidacy), polarity, modality, who says so and when; ``contrasted``: an organisation
    set against the object ("of the EU but not of NATO"), which takes the opposite polarity."""

    predicate: Predicate
    polarity: Polarity
    modality: Modality
    attributed_to: Entity | None
    time: TimeRef | None
    contrasted: Entity | None


def relation_extractor(lang: str, rule: RelationRule) -> Extractor:
    known = _EXTRACTORS.get((lang, id(rule)))
    if known is None or known[0] is not rule:
        known = _EXTRACTORS[(lang, id(rule))] = (
            rule,
            Extractor(f"kg.facts.{lang}.{rule.name}", rule.version),
        )
    return known[1]


_EXTRACTORS: dict[tuple[str, int], tuple[RelationRule, Extractor]] = {}  # one per rule, not per fact


def extract_relations(ctx: DocContext, quotations: list[Quotation]) -> list[Fact]:
    """Trigger hits -> candidates -> judgements -> facts; one fact per key (the first rule's)."""
    facts: list[Fact] = []
    seen: set[tuple[str, str, str, str, str, int]] = set()
    for found in relation_hits(ctx.analysis, ctx.patterns):
        candidate = find_candidate(ctx, found)
        if candidate is None:
            continue
        judgement = judge(ctx, candidate, quotations)
        if judgement is None:
            continue
        for fact in facts_of(ctx, candidate, judgement):
            key = (
                fact.subject.key,
                fact.predicate.value,
                fact.object.key,
                fact.polarity.value,
                fact.modality.value,
                fact.sentence,
            )
            if key not in seen and fact.subject.key != fact.object.key:
                seen.add(key)
                facts.append(fact)
    return facts


def judge(ctx: DocContext, candidate: Candidate, quotations: list[Quotation]) -> Judgement | None:
    """Polarity, modality, attribution and time of a candidate; None where the cues undo it."""
    rule, trigger = candidate.rule, candidate.trigger
    subjects = list(candidate.subjects)
    s = ctx.sentence(candidate.sentence).span
    window = negated_abandonment(ctx, fact_window(ctx, rule, trigger, subjects, s.begin, s.end), s.begin)
    cues = cue_words(ctx, window, trigger, subjects)
    polarity, modality = factuality(ctx, rule, cues)
    if (
        rule.modality is not None
        and modality is not rule.modality
        and cue_in_earlier_clause(ctx, rule, trigger, window.begin, modality)
    ):
        # "Die Ukraine strebt in die Nato, eine Einladung ist nicht in Sicht": the striving is the other
        # clause's; this one is about the invitation
        modality = rule.modality
    if (
        modality is Modality.DENIED
        and rule.modality is Modality.INVITED
        and not denial_of_trigger(ctx, trigger, s.begin, s.end)
    ):
        return None  # "declined to give a date for an invitation": no invitation was declined
    np_begin = possessed_candidacy(ctx, rule, trigger, subjects)
    stance = (
        other_party_stance(ctx, rule, trigger, subjects, window, cues, np_begin, s.end)
        if np_begin is not None
        else None
    )
    if stance is not None:
        polarity, modality = stance
    if ctx.analysis.has_parser and parsed_negation(ctx, trigger, s.begin, s.end):
        polarity = Polarity.NEGATIVE
    if modality is Modality.ASSERTED and governed_by_demand(ctx, s.begin, trigger.begin):
        modality = Modality.DEMANDED
    predicate = rule.predicate
    if predicate is Predicate.CANDIDATE_FOR and _open_question(ctx, subjects[-1].span.end, trigger.begin):
        return None  # "has not confirmed whether it will take up membership": nothing is stated
    if (
        predicate is Predicate.CANDIDATE_FOR
        and polarity is Polarity.POSITIVE
        and modality is Modality.ASSERTED
        and _left_to_join(ctx, subjects[-1].span.end, trigger.begin)
    ):
        predicate = Predicate.MEMBER_OF  # "left EFTA in 1995 to join the EU": the joining happened
    if (
        np_begin is not None
        and modality is Modality.ASSERTED
        and _membership_with_effects(ctx, trigger, s.end)
    ):
        # "Sweden's membership in NATO has changed the map": a membership that is, not one sought
        predicate = Predicate.MEMBER_OF
    cue_set = set(cues)
    if ctx.grammar.verb_final:  # the verb ends the German clause: "… Mitglied der NATO werden"
        cue_set |= set(ctx.lower_words(trigger.end, s.end)[:4]) & ctx.vocab.becoming
    if predicate is Predicate.MEMBER_OF and polarity is Polarity.POSITIVE and cue_set & ctx.vocab.becoming:
        # "would one day become a member", "soll Mitglied werden": not yet a member, a candidate
        # ("would never become a member" stays a negative membership: it is not one either)
        predicate = Predicate.CANDIDATE_FOR
        if modality is Modality.ASSERTED and cue_set & ctx.vocab.conditional:
            modality = Modality.POSSIBLE
    if rule.ends and polarity is Polarity.NEGATIVE:
        return None  # "has not left the EU": no membership ended, and no negated one either
    contrasted = (
        contrasted_org(ctx, candidate.objects[-1], trigger.end, s.end, negated=polarity is Polarity.NEGATIVE)
        if rule.obj is not ObjectSource.TREATY
        else None
    )
    return Judgement(
        predicate=predicate,
        polarity=polarity,
        modality=modality,
        attributed_to=attribution(ctx, window, candidate.sentence, quotations, subjects[0].span.begin),
        time=fact_time(ctx, window, s.begin, s.end, trigger.begin, rule.time_role),
        contrasted=contrasted,
    )


def facts_of(ctx: DocContext, candidate: Candidate, judgement: Judgement) -> list[Fact]:
    """The last step: one fact per subject and object (and the contrasted organisation)."""
    rule = candidate.rule
    polarity = judgement.polarity
    confidence = rule.confidence * min(m.score for m in candidate.subjects)
    opposite = Polarity.NEGATIVE if polarity is Polarity.POSITIVE else Polarity.POSITIVE
    pairs = [(obj, polarity) for obj in candidate.objects] + (
        [(judgement.contrasted, opposite)] if judgement.contrasted is not None else []
    )
    return [
        Fact(
            subject=m.entity,
            predicate=judgement.predicate,
            object=obj,
            evidence=ctx.sentence(candidate.sentence).span,
            sentence=candidate.sentence,
            extractor=relation_extractor(ctx.lang, rule),
            confidence=round(min(1.0, max(0.05, confidence)), 3),
            polarity=obj_polarity,
            modality=judgement.modality,
            attributed_to=judgement.attributed_to,
            time=judgement.time,
            ended=candidate.rule.ends,
        )
        for m in candidate.subjects
        for obj, obj_polarity in pairs
    ]


def _open_question(ctx: DocContext, begin: int, end: int) -> bool:
    """A negation, then an open question before the trigger ("has not confirmed whether", "hat noch
    nicht entschieden, ob"): what is undecided is not stated, neither way."""
    words = ctx.lower_words(begin, end)
    at = next((i for i, w in enumerate(words) if w in ctx.vocab.open_question), None)
    return at is not None and any(w in ctx.patterns.negation for w in words[:at])


def _left_to_join(ctx: DocContext, begin: int, end: int) -> bool:
    """A verb of leaving in the past, then a purpose clause of joining ("left EFTA in 1995 to join the
    EU", "verließ die EFTA, um der EU beizutreten") with no other predicate between."""
    words = ctx.lower_words(begin, end)
    at = next((i for i, w in enumerate(words) if w in ctx.vocab.leaving_to_join), None)
    if at is None:
        return False
    between = words[at + 1 :]
    return len(between) <= 10 and not any(w in ctx.vocab.predicate_conjunctions for w in between)


def _membership_with_effects(ctx: DocContext, trigger: TriggerHit, end: int) -> bool:
    """ "X's membership (in NATO) has changed/strengthened …": the membership noun, possessed, as the
    subject of a perfect whose participle is no step of an accession."""
    if trigger.text.lower() not in ctx.vocab.membership_nouns:
        return False
    words = [w.lower() for w in ctx.lower_words(trigger.end, end)[:14]]
    if words[:1] and words[0] not in ctx.vocab.membership_complement_openers:
        return False  # "membership bid", "membership talks": a candidacy noun phrase
    for i, w in enumerate(words):
        if w in ctx.vocab.perfect_auxiliaries:
            rest = words[i + 1 : i + 10]
            participle_form = ctx.grammar.perfect_participle
            if ctx.grammar.participle_next_word_only:
                rest = rest[:1]  # English: "has joined", the participle at once
            participle = next((x for x in rest if participle_form.fullmatch(x)), None)
            return participle is not None and not ctx.vocab.candidacy_process.match(participle)
    return False
