"""The second step of the relation engine: a trigger hit -> a candidate, its subject and object slots
filled (or none: the trigger joins something else, names no organisation, invites to a summit …)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kg.facts.context import DocContext
from kg.facts.hits import RuleHit
from kg.facts.objects import JOINABLE_OBJECT, find_objects, name_end
from kg.facts.patterns import ObjectSource, RelationRule
from kg.facts.subjects import find_subjects, group_after
from kg.model import Entity, EntityKind, Mention, Modality, TriggerHit


@dataclass(frozen=True)
class Candidate:
    """A rule's trigger with the subjects and objects it relates, before factuality is judged."""

    rule: RelationRule
    trigger: TriggerHit
    sentence: int
    subjects: tuple[Mention, ...]
    objects: tuple[Entity, ...]


def find_candidate(ctx: DocContext, found: RuleHit) -> Candidate | None:
    rule, trigger = found.rule, found.hit
    s = ctx.sentence(found.sentence).span
    if rule.requires is not None and rule.requires.search(ctx.text, s.begin, s.end) is None:
        return None
    if (
        _joins_something_else(ctx, trigger, s.end)
        or _complement_is_no_organisation(ctx, rule, trigger, s.end)
        or _joins_a_name_the_kb_lacks(ctx, rule, trigger, s.begin)
    ):
        return None
    if rule.modality is Modality.INVITED and not _invitation_to_join(ctx, trigger, s.begin, s.end):
        return None  # "were also invited", "invited him to take his seat": to a summit, not to join
    subjects = find_subjects(ctx, rule, trigger, s.begin, s.end)
    if not subjects:
        return None
    if rule.obj is ObjectSource.CO_SUBJECTS:
        return _mutual(ctx, found, subjects)
    objects = find_objects(ctx, rule, trigger, subjects, s.begin, s.end)
    if not objects:
        return None
    subjects = subjects + _comitative_after(ctx, objects, subjects, trigger.end, s.end)
    return Candidate(rule, trigger, found.sentence, tuple(subjects), tuple(objects))


def _mutual(ctx: DocContext, found: RuleHit, subjects: list[Mention]) -> Candidate | None:
    """ "Australia and Indonesia signed a partnership", "… a partnership with Indonesia": the first party
    and the others (coordinated with it, or after "with"/"mit" in the clause)."""
    s = ctx.sentence(found.sentence).span
    after = ctx.words(found.hit.end, s.end)
    link = next((e for _, e, w in after[:3] if w.lower() in ctx.patterns.participant_links), None)
    others: dict[str, Entity] = {m.entity.key: m.entity for m in subjects[1:]}
    if link is not None:
        others |= {m.entity.key: m.entity for m in group_after(ctx, link, s.end)}
    others.pop(subjects[0].entity.key, None)
    if not others:
        return None
    return Candidate(found.rule, found.hit, found.sentence, (subjects[0],), tuple(others.values()))


def _joins_something_else(ctx: DocContext, trigger: TriggerHit, end: int) -> bool:
    """ "refused to join Western sanctions": a verb of joining whose object is not an organisation."""
    if not ctx.patterns.transitive_join.fullmatch(trigger.text):
        return False
    after = []
    for b, e, w in ctx.words(trigger.end, end)[:4]:
        if not w[:1].isalnum():
            break
        after.append((b, e, w))
    if not after or after[0][2].lower() in ctx.patterns.join_followers:
        return False
    if after[0][2].lower() in ctx.vocab.organisation_pronouns:
        return False  # "joined it in 2017": the organisation named before (objects.pronoun_object)
    if ctx.organisations_in(after[0][0], after[-1][1]):
        return False
    return not ctx.mentions_overlapping(after[0][0], after[0][1])  # "join Finland and Sweden" in NATO


def _joins_a_name_the_kb_lacks(ctx: DocContext, rule: RelationRule, trigger: TriggerHit, begin: int) -> bool:
    """ "trat dem Schengen-Raum bei", "ist dem Schengen-Raum beigetreten": the noun phrase a verb of
    joining brackets (or, where the verb ends the clause, the one right before it) names something no
    mention covers — an organisation the KB lacks. No link rather than one to another organisation."""
    if rule.predicate not in JOINABLE_OBJECT or rule.obj is ObjectSource.TREATY:
        return False
    if ctx.organisations_in(trigger.begin, trigger.end):
        return False
    words = ctx.words(trigger.begin, trigger.end)[1:]
    if ctx.grammar.verb_final:
        words = ctx.words(begin, trigger.begin)[-2:] + words
    else:
        # "remain outside Schengen", "belong to the Schengen area": the words right after the trigger
        after = ctx.words(trigger.end, trigger.end + 40)[:2]
        if after and _unknown_name(ctx, *after[0]):
            return True
        words = words + after
    for (_, _, article), (b, e, word) in itertools.pairwise(words):
        if (
            article.lower() in ctx.vocab.object_articles
            and word[:1].isupper()
            and word.lower() not in ctx.vocab.months
            and not ctx.mentions_overlapping(b, e)
        ):
            return True
    return False


def _unknown_name(ctx: DocContext, b: int, e: int, word: str) -> bool:
    """A capitalised word no mention covers (not a month or weekday): a name the KB lacks."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and word.lower() not in ctx.vocab.months
        and word.lower() not in ctx.vocab.weekdays
        and not ctx.mentions_overlapping(b, e)
    )


def _complement_is_no_organisation(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, end: int
) -> bool:
    """ "a member of the coalition", "Mitglied der Regierung", "a partner of Ukraine": the noun names
    what it is a member or partner of, and that is no organisation. Not for the parties of a signed
    partnership ("signed a partnership in Canberra": the place is no complement)."""
    if rule.predicate not in JOINABLE_OBJECT or rule.obj in (ObjectSource.TREATY, ObjectSource.CO_SUBJECTS):
        return False
    if ctx.organisations_in(trigger.begin, trigger.end):
        return False  # NATO-Mitglied, NATO member
    after = ctx.words(trigger.end, end)
    if rule.modality is Modality.INVITED and _invited_elsewhere(ctx, after):
        return True
    inside = ctx.words(trigger.begin, trigger.end)
    if len(inside) > 1 and inside[-1][2].lower() in ctx.vocab.complement_links:
        after = [inside[-1], *after]  # "Mitglied der | Allianz der Sahelstaaten": the link is the trigger's
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
        if ctx.vocab.country_plurals.search(region):
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


def _invitation_to_join(ctx: DocContext, trigger: TriggerHit, begin: int, end: int) -> bool:
    """An invitation in a sentence about joining, or one an organisation extends ("an invitation from
    NATO", "Einladung der Nato", "NATO has invited Georgia")."""
    if ctx.vocab.membership_words.search(ctx.text, begin, end):
        return True
    before_trigger = ctx.lower_words(max(begin, trigger.begin - 12), trigger.begin)[-1:]
    if (
        before_trigger[:1]
        and before_trigger[0] in ctx.vocab.invitation_articles
        and _invitation_to_join_before(ctx, begin)
    ):
        return True  # "Argentina later declined the invitation": the one to join named just before
    after = ctx.words(trigger.end, end)[:3]
    if after and ctx.organisations_in(after[0][0], after[-1][1]):
        return True
    before = [w for w in ctx.words(begin, trigger.begin) if w[2][:1].isalnum()][-2:]
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
