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

import re

from kg.facts.attribution import attribution, fact_time
from kg.facts.context import DocContext
from kg.facts.factuality import (
    agent_before,
    another_partys_view,
    cue_in_earlier_clause,
    cue_words,
    denial_of_trigger,
    fact_window,
    factuality,
    governed_by_demand,
    negated_abandonment,
    passive_opposition,
    possessed_candidacy,
)
from kg.facts.objects import JOINABLE_OBJECT, contrasted_org, find_objects, name_end
from kg.facts.patterns import ObjectSource, RelationRule
from kg.facts.subjects import find_subjects, group_after, parsed_negation
from kg.model import (
    Entity,
    EntityKind,
    Extractor,
    Fact,
    Mention,
    Modality,
    Polarity,
    Predicate,
    Quotation,
)


def relation_extractor(lang: str, rule: RelationRule) -> Extractor:
    return Extractor(f"kg.facts.{lang}.{rule.name}", rule.version)


def extract_relations(ctx: DocContext, quotations: list[Quotation]) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str, str, str, str, int]] = set()
    for sentence in ctx.analysis.sentences:
        s = sentence.span
        superseded = _superseded_triggers(ctx, s.begin, s.end)
        for rule in ctx.patterns.relations:
            for trigger in rule.trigger.finditer(ctx.text, s.begin, s.end):
                if any(
                    name == rule.name and b <= trigger.start() and trigger.end() <= e
                    for name, b, e in superseded
                ):
                    continue  # "kündigte die Mitgliedschaft": a leaving, no candidacy of "Mitgliedschaft"
                if rule.requires is not None and rule.requires.search(ctx.text, s.begin, s.end) is None:
                    continue
                for fact in _facts_for(ctx, rule, trigger, sentence.index, quotations):
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


def _superseded_triggers(ctx: DocContext, begin: int, end: int) -> list[tuple[str, int, int]]:
    """(rule name, begin, end) of the triggers a rule's ``excludes`` takes over in this sentence."""
    out: list[tuple[str, int, int]] = []
    for rule in ctx.patterns.relations:
        if rule.excludes:
            for m in rule.trigger.finditer(ctx.text, begin, end):
                out.extend((name, m.start(), m.end()) for name in rule.excludes)
    return out


def _facts_for(
    ctx: DocContext,
    rule: RelationRule,
    trigger: re.Match[str],
    sentence_index: int,
    quotations: list[Quotation],
) -> list[Fact]:
    s = ctx.sentence(sentence_index).span
    if _joins_something_else(ctx, trigger, s.end) or _complement_is_no_organisation(
        ctx, rule, trigger, s.end
    ):
        return []
    if rule.modality is Modality.INVITED and not _invitation_to_join(ctx, trigger, s.begin, s.end):
        return []  # "were also invited", "invited him to take his seat": to a summit, not to join
    subjects = find_subjects(ctx, rule, trigger, s.begin, s.end)
    if not subjects:
        return []
    objects = find_objects(ctx, rule, trigger, subjects, s.begin, s.end)
    if not objects:
        return []
    subjects = subjects + _comitative_after(ctx, objects, subjects, trigger.end(), s.end)
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
        return []  # "declined to give a date for an invitation": no invitation was declined
    np_begin = possessed_candidacy(ctx, rule, trigger, subjects)
    if np_begin is not None and agent_before(ctx, subjects, s.begin, np_begin):
        polarity, modality = another_partys_view(ctx, rule, trigger, subjects, window, cues, np_begin)
    elif np_begin is not None and passive_opposition(ctx, trigger, subjects, s.end):
        # "Sweden's membership bid was blocked by Turkey", "… wurde von Ungarn blockiert"
        polarity, modality = Polarity.POSITIVE, Modality.DENIED
    if ctx.analysis.has_parser and parsed_negation(ctx, trigger, s.begin, s.end):
        polarity = Polarity.NEGATIVE
    if modality is Modality.ASSERTED and governed_by_demand(ctx, s.begin, trigger.start()):
        modality = Modality.DEMANDED
    predicate = rule.predicate
    if (
        np_begin is not None
        and modality is Modality.ASSERTED
        and _membership_with_effects(ctx, trigger, s.end)
    ):
        # "Sweden's membership in NATO has changed the map": a membership that is, not one sought
        predicate = Predicate.MEMBER_OF
    cue_set = set(cues)
    if ctx.grammar.verb_final:  # the verb ends the German clause: "… Mitglied der NATO werden"
        cue_set |= set(ctx.lower_words(trigger.end(), s.end)[:4]) & ctx.vocab.becoming
    if predicate is Predicate.MEMBER_OF and polarity is Polarity.POSITIVE and cue_set & ctx.vocab.becoming:
        # "would one day become a member", "soll Mitglied werden": not yet a member, a candidate
        # ("would never become a member" stays a negative membership: it is not one either)
        predicate = Predicate.CANDIDATE_FOR
        if modality is Modality.ASSERTED and cue_set & ctx.vocab.conditional:
            modality = Modality.POSSIBLE
    speaker = attribution(ctx, window, sentence_index, quotations, subjects[0].span.begin)
    time = fact_time(ctx, window, s.begin, s.end, trigger.start(), rule.time_role)
    if rule.ends and polarity is Polarity.NEGATIVE:
        return []  # "has not left the EU": no membership ended, and no negated one either
    confidence = rule.confidence * min(m.score for m in subjects)
    contrasted = (
        contrasted_org(ctx, objects[-1], trigger.end(), s.end)
        if rule.obj is not ObjectSource.TREATY
        else None
    )
    opposite = Polarity.NEGATIVE if polarity is Polarity.POSITIVE else Polarity.POSITIVE
    pairs = [(obj, polarity) for obj in objects] + (
        [(contrasted, opposite)] if contrasted is not None else []
    )
    return [
        Fact(
            subject=m.entity,
            predicate=predicate,
            object=obj,
            evidence=s,
            sentence=sentence_index,
            extractor=relation_extractor(ctx.lang, rule),
            confidence=round(min(1.0, max(0.05, confidence)), 3),
            polarity=obj_polarity,
            modality=modality,
            attributed_to=speaker,
            time=time,
            ended=rule.ends,
        )
        for m in subjects
        for obj, obj_polarity in pairs
    ]


def _joins_something_else(ctx: DocContext, trigger: re.Match[str], end: int) -> bool:
    """ "refused to join Western sanctions": a verb of joining whose object is not an organisation."""
    if not ctx.patterns.transitive_join.fullmatch(trigger.group(0)):
        return False
    after = []
    for b, e, w in ctx.words(trigger.end(), end)[:4]:
        if not w[:1].isalnum():
            break
        after.append((b, e, w))
    if not after or after[0][2].lower() in ctx.patterns.join_followers:
        return False
    if ctx.organisations_in(after[0][0], after[-1][1]):
        return False
    return not ctx.mentions_overlapping(after[0][0], after[0][1])  # "join Finland and Sweden" in NATO


def _complement_is_no_organisation(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], end: int
) -> bool:
    """ "a member of the coalition", "Mitglied der Regierung", "a partner of Ukraine": the noun names
    what it is a member or partner of, and that is no organisation."""
    if rule.predicate not in JOINABLE_OBJECT or rule.obj is ObjectSource.TREATY:
        return False
    if ctx.organisations_in(trigger.start(), trigger.end()):
        return False  # NATO-Mitglied, NATO member
    after = ctx.words(trigger.end(), end)
    if rule.modality is Modality.INVITED and _invited_elsewhere(ctx, after):
        return True
    if not after or after[0][2].lower() not in ctx.vocab.complement_links:
        return False
    phrase = []
    for b, e, w in after[1:5]:
        if not w[:1].isalnum() or w.lower() in ctx.patterns.coordination:
            break
        phrase.append((b, e, w))
    # a name may run past the words looked at: "the European Free Trade Association"
    if not phrase or ctx.organisations_in(phrase[0][0], name_end(ctx, phrase[0][0], phrase[-1][1])):
        return False
    if rule.genitive_subject:
        # "der Beitritt der Ukraine", "die Aufnahme der beiden Länder": the candidate, not what is joined
        region = ctx.text[phrase[0][0] : phrase[-1][1]]
        if any(m.entity.kind is EntityKind.COUNTRY for m in ctx.mentions_in(phrase[0][0], phrase[-1][1])):
            return False
        if ctx.patterns.group_anaphora.search(region) or ctx.patterns.country_anaphora.search(region):
            return False
        if re.search(r"\b(?:Länder|Staaten|countries|states)\b", region):
            return False
    if any(w[:1].isdigit() or w.lower() in ctx.vocab.months for _, _, w in phrase):
        return False  # "member since …" is no complement; "Mitglied im Jahr 2004" neither
    return any(
        w[:1].isalpha()
        and w.lower() not in ctx.vocab.org_glue
        and w.lower() not in ctx.vocab.group_quantifiers
        for _, _, w in phrase
    )


def _comitative_after(
    ctx: DocContext, objects: list[Entity], subjects: list[Mention], after: int, end: int
) -> list[Mention]:
    """ "Beijing is a member of the SCO, alongside Russia and India", "was granted candidate status in
    June 2022 together with Ukraine": more subjects after the object or the trigger, in its clause."""
    named = [m for m in ctx.mentions_in(after, end) if m.entity.key in {o.key for o in objects}]
    glue = ctx.vocab.comitative_after.match(ctx.text, named[0].span.end) if named else None
    if glue is None:
        clause_end = next((b for b, _, w in ctx.words(after, end) if w in ",;:"), end)
        glue = ctx.vocab.comitative_inside.search(ctx.text, after, clause_end)
    if glue is None:
        return []
    keys = {m.entity.key for m in subjects}
    return [m for m in group_after(ctx, glue.end(), end) if m.entity.key not in keys]


def _invitation_to_join(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    """An invitation in a sentence about joining, or one an organisation extends ("an invitation from
    NATO", "Einladung der Nato", "NATO has invited Georgia")."""
    if ctx.vocab.membership_words.search(ctx.text, begin, end):
        return True
    before_trigger = ctx.lower_words(max(begin, trigger.start() - 12), trigger.start())[-1:]
    if (
        before_trigger[:1]
        and before_trigger[0] in ctx.vocab.invitation_articles
        and _invitation_to_join_before(ctx, begin)
    ):
        return True  # "Argentina later declined the invitation": the one to join named just before
    after = ctx.words(trigger.end(), end)[:3]
    if after and ctx.organisations_in(after[0][0], after[-1][1]):
        return True
    before = [w for w in ctx.words(begin, trigger.start()) if w[2][:1].isalnum()][-2:]
    return any(ctx.organisations_in(b, e) for b, e, _ in before)


def _invitation_to_join_before(ctx: DocContext, begin: int) -> bool:
    """One of the two sentences before ``begin`` speaks of an invitation to join."""
    index = ctx.sentence_at(begin)
    for earlier in range(max(0, index - 2), index):
        span = ctx.sentence(earlier).span
        words = ctx.text[span.begin : span.end]
        if ctx.vocab.invitation_words.search(words) and ctx.vocab.membership_words.search(words):
            return True
    return False


def _invited_elsewhere(ctx: DocContext, after: list[tuple[int, int, str]]) -> bool:
    """ "invited as a guest", "invited to the summit", "als Gast eingeladen": an invitation to attend."""
    words = [w.lower() for _, _, w in after[:4]]
    if words[:1] and words[0] in ctx.vocab.as_links and set(words[1:3]) & ctx.vocab.guest_words:
        return True
    if words[:1] and words[0] in ctx.vocab.to_links and len(after) > 1:
        if words[1] in ctx.vocab.join_verbs or ctx.organisations_in(
            after[1][0], after[min(3, len(after) - 1)][1]
        ):
            return False
        return words[1] in ctx.vocab.event_articles or words[1] in ctx.vocab.guest_words
    return False


def _membership_with_effects(ctx: DocContext, trigger: re.Match[str], end: int) -> bool:
    """ "X's membership (in NATO) has changed/strengthened …": the membership noun, possessed, as the
    subject of a perfect whose participle is no step of an accession."""
    if trigger.group(0).lower() not in ctx.vocab.membership_nouns:
        return False
    words = [w.lower() for w in ctx.lower_words(trigger.end(), end)[:14]]
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
