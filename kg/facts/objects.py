"""Where a relation's object is: the organisation at, in or near the trigger (with coordinated and
contrasted ones), the treaty clause, or the countries after a verb of bordering. One joins an
organisation, not its organs (the European Commission); with none near, the text's topic.
"""

from __future__ import annotations

import re

from kg.facts.context import DocContext
from kg.facts.kbview import has_members
from kg.facts.lang import RULES
from kg.facts.offices import appointed_office
from kg.facts.patterns import ObjectSource, RelationRule
from kg.facts.subjects import anaphora_right_after, group_after
from kg.model import Entity, EntityKind, Extractor, Mention, Modality, Predicate, Span, TriggerHit

FALLBACK_TO_TOPIC_ORG = frozenset({Predicate.CANDIDATE_FOR, Predicate.MEMBER_OF})
JOINABLE_OBJECT = frozenset({Predicate.CANDIDATE_FOR, Predicate.MEMBER_OF, Predicate.PARTNER_OF})


def find_objects(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, subjects: list[Mention], begin: int, end: int
) -> list[Entity]:
    """The object, or for "borders Sweden and Finland" each coordinated country."""
    if rule.obj is ObjectSource.OFFICE_AFTER:
        # "X was elected prime minister", "elected X as prime minister": the title after both
        start = max([trigger.end, *(m.span.end for m in subjects if m.span.begin >= trigger.end)])
        office = appointed_office(ctx, subjects[0], start, end)
        return [office] if office is not None else []
    if rule.obj is ObjectSource.COUNTRY_AFTER:
        subject_keys = {m.entity.key for m in subjects}
        group = (
            described_targets_after(ctx, trigger.end, end, rule.object_kinds)
            if EntityKind.PERSON in rule.object_kinds
            else []
        ) or group_after(ctx, trigger.end, end, rule.object_kinds)
        if not group and EntityKind.COUNTRY in rule.object_kinds:
            # "verhängten Sanktionen gegen das Land", "imposed sanctions on the country"
            country = _country_anaphora_after(ctx, trigger.end, end, subject_keys)
            return [country] if country is not None else []
        return [m.entity for m in group if m.entity.key not in subject_keys]
    obj = _object(ctx, rule, trigger, subjects, begin, end)
    if obj is None:
        return []
    return [obj, *_coordinated_orgs(ctx, obj, trigger.end, end)]


NIL_TARGET = Extractor("kg.facts.described_target", "1")  # the "linker" of a name found by its description
TARGET_LEAD_WORDS = 6  # "on two Myanmar generals, X": a description of the targets before their names


def described_targets_after(
    ctx: DocContext, begin: int, end: int, kinds: frozenset[EntityKind]
) -> list[Mention]:
    """ "sanctions on Russian businessman Oleg Volkov and the shipping firm Baltic Star Shipping Ltd",
    "Sanktionen gegen den Unternehmer Igor Petrow": people and firms named after a short description
    (lower-case words, numbers, an attributive country: "Myanmar generals"), coordinated with more of
    them, each maybe described again. The description holds no preposition of an agent ("by", "von")."""
    out: list[Mention] = []
    lead = 0
    previous = begin
    mentions = sorted(
        [*ctx.mentions_in(begin, end), *_unlinked_targets(ctx, begin, end)], key=lambda m: m.span.begin
    )
    for m in mentions:
        between = ctx.words(previous, m.span.begin)
        if any(w.lower() in ctx.vocab.agent_prepositions for _, _, w in between):
            break
        described = all(
            w[:1].islower()
            or w[:1].isdigit()
            or w == ","
            or ctx.mentions_overlapping(b, e)
            or ctx.patterns.title_head.fullmatch(w)
            or ctx.patterns.title_modifier.fullmatch(w)  # "on Defence Minister X"
            or (ctx.vocab.capitalised_nouns and w.isalpha())  # "gegen den Unternehmer X"
            for b, e, w in between
        )
        if not described:
            break
        lead += len(between)
        if lead > TARGET_LEAD_WORDS * (len(out) + 1):
            break
        following = ctx.words(m.span.end, end)[:1]
        attributive = (
            bool(following)
            and following[0][2][:1].islower()
            and following[0][2].isalpha()
            and (following[0][2].lower() not in ctx.patterns.coordination)
        )
        possessor = bool(following) and following[0][2] in ctx.vocab.possessive_clitics
        if (
            m.entity.kind in kinds
            and m.span.text[:1].isupper()
            and not (
                (m.entity.kind is EntityKind.COUNTRY and attributive)
                or (m.entity.kind is EntityKind.PERSON and possessor)  # "X's firm": the firm
            )
        ):
            if out and not any(w.lower() in ctx.patterns.coordination for _, _, w in between):
                break
            if m.entity.key not in {o.entity.key for o in out}:
                out.append(m)
        previous = m.span.end
    return out


def _unlinked_targets(ctx: DocContext, begin: int, end: int) -> list[Mention]:
    """ "the shipping company Arctic Tide Maritime", "die Richterinnen Solomy Bossa und Luz Carranza":
    a name the linker left unlinked, right after a noun that says what it names (``target_nouns``), is a
    NIL person or organisation of that kind; coordinated names after a plural noun too."""
    words = ctx.words(begin, end)
    found: list[Mention] = []
    i = 0
    while i < len(words):
        kind = ctx.vocab.target_nouns.get(words[i][2].lower())
        i += 1
        if kind is not None and i < len(words) and words[i][2] == ",":
            i += 1  # "on two Myanmar generals, Htun Lwin Oo and Zaw Min Thant"
        while kind is not None and i < len(words):
            run = i
            while run < len(words) and (
                (words[run][2][:1].isupper() and words[run][2].replace("-", "").isalpha())
                or (run > i and (words[run][2] in ctx.vocab.name_particles or words[run][2] == "-"))
            ):
                run += 1
            while run > i and (words[run - 1][2] in ctx.vocab.name_particles or words[run - 1][2] == "-"):
                run -= 1
            if run - i < 2:
                break
            if not any(ctx.mentions_overlapping(b, e) for b, e, _ in words[i:run]):  # else the linker's
                b, e = words[i][0], words[run - 1][1]
                entity = Entity(label=ctx.text[b:e], kind=kind, label_lang=ctx.lang)
                found.append(Mention(Span(b, e, ctx.text[b:e]), -1, entity, 0.5, NIL_TARGET))
            i = run
            if i + 1 < len(words) and words[i][2].lower() in ctx.patterns.coordination:
                i += 1  # "… und Luz Carranza": the next name of the same description
            else:
                break
    return found


def _country_anaphora_after(ctx: DocContext, begin: int, end: int, subject_keys: set[str]) -> Entity | None:
    """The country "das Land", "the country" right after ``begin`` stands for; where that is a subject
    of the sentence ("Kanada … gegen das Land"), the one named before the sentence; else none."""
    found = anaphora_right_after(ctx, begin, end)
    if not found:
        return None
    if found[0].entity.key not in subject_keys:
        return found[0].entity
    earlier = ctx.country_before(ctx.sentence(found[0].sentence).span.begin, possessive=False)
    return earlier if earlier is not None and earlier.key not in subject_keys else None


def _organ(ctx: DocContext, org: Entity) -> bool:
    """An organ of an organisation (the European Commission, a parliament, a court): no member of the KB
    and named as an organ. Such a body is not what a country joins (a G7 without members in the KB is)."""
    # the label is the KB's, in whichever language it has: any language's organ words may name it
    return not has_members(ctx.kb, org) and any(r.vocab.organ_words.search(org.label) for r in RULES.values())


def contrasted_org(
    ctx: DocContext, last: Entity, begin: int, end: int, *, negated: bool = False
) -> Entity | None:
    """ "a member of the European Union but not of NATO", "Mitglied der EU, aber nicht der NATO": the
    organisation set against the object, which the fact holds of with the opposite polarity; after a
    negated object also a correction ("nicht Mitglied der EU, sondern der EFTA", "not a member of the
    EU but of EFTA")."""
    after = ctx.organisations_in(begin, end)
    at = next((i for i, o in enumerate(after) if o[2].key == last.key), None)
    if at is None or at + 1 >= len(after):
        return None
    b, _, org = after[at + 1]
    between = set(ctx.lower_words(after[at][1], b))
    allowed = ctx.vocab.contrast | ctx.patterns.negation | ctx.vocab.org_glue | {","}
    if (
        between & ctx.vocab.contrast
        and between & ctx.patterns.negation
        and between <= allowed
        and org.key != last.key
    ):
        return org
    if negated and org.key != last.key and ctx.vocab.correction.fullmatch(ctx.text, after[at][1], b):
        return org
    return None


def _coordinated_orgs(ctx: DocContext, first: Entity, begin: int, end: int) -> list[Entity]:
    """ "a member of both NATO and the European Union", "Mitglied der NATO und der EU": the organisations
    coordinated with the object after the trigger."""
    after = ctx.organisations_in(begin, end)
    at = next((i for i, o in enumerate(after) if o[2].key == first.key), None)
    if at is None:
        return []
    out: list[Entity] = []
    previous_end = after[at][1]
    for b, e, org in after[at + 1 :]:
        between = ctx.lower_words(previous_end, b)
        if not between or not any(w in ctx.patterns.coordination for w in between):
            break
        if not all(w in ctx.patterns.coordination or w in ctx.vocab.org_glue for w in between):
            break
        if org.key != first.key and org.key not in {o.key for o in out}:
            out.append(org)
        previous_end = e
    return out


def _object(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, subjects: list[Mention], begin: int, end: int
) -> Entity | None:
    subject_keys = {m.entity.key for m in subjects}
    if rule.obj is ObjectSource.TREATY:
        return _treaty(ctx, rule, trigger, begin, end)
    if rule.predicate in JOINABLE_OBJECT:
        # "Die EU-Kommission empfiehlt Beitrittsverhandlungen": one joins the EU, not its Commission
        subject_keys |= {o[2].key for o in ctx.organisations_in(begin, end) if _organ(ctx, o[2])}
    if rule.obj is ObjectSource.BEFORE_SUBJECT:
        orgs = [
            o for o in ctx.organisations_in(begin, subjects[0].span.begin) if o[2].key not in subject_keys
        ]
        return orgs[-1][2] if orgs else None
    inside = [o for o in ctx.organisations_in(trigger.begin, trigger.end) if o[2].key not in subject_keys]
    if inside:  # NATO-Partner; trat … der NATO bei
        return inside[0][2]
    if rule.obj is ObjectSource.ADJACENT:
        return _adjacent_org(ctx, trigger, subject_keys, begin, end)
    if rule.obj is ObjectSource.IN_TRIGGER:
        before = ctx.words(begin, trigger.begin)[-2:]
        if before:
            orgs = [
                o for o in ctx.organisations_in(before[0][0], trigger.begin) if o[2].key not in subject_keys
            ]
            if orgs:
                return orgs[-1][2]
    near = _nearest_org(ctx, trigger, subject_keys, begin, end) or _pronoun_object(ctx, trigger, end)
    if near is None and rule.predicate in FALLBACK_TO_TOPIC_ORG and rule.topic_fallback:
        # "Ukraine applied to join NATO, but members are divided over whether Kyiv should be invited"
        earlier = [o for o in ctx.organisations_in(begin, trigger.begin) if o[2].key not in subject_keys]
        if earlier:
            return earlier[-1][2]
    if near is None and rule.predicate in FALLBACK_TO_TOPIC_ORG and rule.topic_fallback:
        # "Beitrittsgespräche mit der Ukraine hatte die EU beschlossen": the one organisation of the clause
        # (not of the main clause around a relative one: "Serbia, which is also a candidate, … NATO")
        clause_begin, clause_end = _clause_of(ctx, trigger, begin, end)
        named = {
            o[2].key: o[2]
            for o in ctx.organisations_in(clause_begin, clause_end)
            if o[2].key not in subject_keys
        }
        if len(named) == 1:
            return next(iter(named.values()))
    if (
        rule.topic_fallback
        and near is None
        and (rule.modality is Modality.INVITED or rule.predicate in FALLBACK_TO_TOPIC_ORG)
    ):
        # "Argentinien hat die Einladung abgelehnt": the invitation made in the sentence before; "…, seit
        # Finnland dem Bündnis beigetreten sei. Russland hatte den Beitritt kritisiert": that accession
        previous = ctx.sentence_at(trigger.begin) - 1
        if previous >= 0:
            span = ctx.sentence(previous).span
            orgs = [
                o
                for o in ctx.organisations_in(span.begin, span.end)
                if o[2].key not in subject_keys and not _organ(ctx, o[2])  # "according to the Commission"
            ]
            distinct = {o[2].key for o in orgs}
            if orgs and (rule.modality is Modality.INVITED or len(distinct) == 1):
                return orgs[-1][2]
    if (
        rule.topic_fallback
        and near is None
        and (rule.predicate in FALLBACK_TO_TOPIC_ORG or rule.topic_object)
    ):
        # "Georgien hat keinen Kandidatenstatus": the organisation the text is about
        topic = ctx.organisation_before(trigger.begin, exclude=frozenset(subject_keys))
        if topic is not None and topic.key not in subject_keys:
            return topic
    return near


def _adjacent_org(
    ctx: DocContext, trigger: TriggerHit, exclude: set[str], begin: int, end: int
) -> Entity | None:
    """An organisation right at the trigger: "NATO partner", "NATO's partner", "partner of/to/with NATO"."""
    before = ctx.words(begin, trigger.begin)
    i = len(before)
    while i > 0 and len(before) - i < 2 and before[i - 1][2][:1].islower() and before[i - 1][2].isalpha():
        i -= 1  # "NATO's closest partner", "a NATO partner": up to two adjectives
    if i > 0 and before[i - 1][2].lower() in ctx.vocab.possessive_clitics:
        i -= 1
    if i > 0:
        at = before[i - 1][0]
        orgs = [o for o in ctx.organisations_in(at, trigger.begin) if o[2].key not in exclude]
        if orgs:
            return orgs[-1][2]
    after = ctx.words(trigger.end, end)[:3]
    if after and after[0][2].lower() in ctx.vocab.object_links:
        stop = name_end(ctx, after[0][1], after[-1][1])
        orgs = [o for o in ctx.organisations_in(after[0][1], stop) if o[2].key not in exclude]
        if orgs:
            return orgs[0][2]
    return None


def _clause_of(ctx: DocContext, trigger: TriggerHit, begin: int, end: int) -> tuple[int, int]:
    """The stretch around the trigger between the nearest commas or semicolons of the sentence."""
    lo, hi = begin, end
    for b, e, w in ctx.words(begin, end):
        if w in ",;":
            if e <= trigger.begin:
                lo = e
            elif b >= trigger.end:
                hi = b
                break
    return lo, hi


def name_end(ctx: DocContext, begin: int, end: int) -> int:
    """``end``, or later where a name begun before it ends ("the European Free Trade | Association"),
    or a description of an organisation ("the Suva-based | forum")."""
    described = [
        m.span.end
        for m in ctx.mentions_in(end, min(len(ctx.text), end + 40))
        if ctx.description_begins.get(m.span.begin, m.span.begin) < end
    ]
    return max([end, *described, *(m.span.end for m in ctx.mentions_overlapping(begin, end))])


def _pronoun_object(ctx: DocContext, trigger: TriggerHit, end: int) -> Entity | None:
    """ "India and Pakistan joined it in 2017", "trat ihr 1995 bei": the organisation last named."""
    words = ctx.words(trigger.begin, trigger.end)[1:2] + ctx.words(trigger.end, end)[:1]
    if not any(w.lower() in ctx.vocab.organisation_pronouns for _, _, w in words):
        return None
    return ctx.recent_organisation(trigger.begin)


def _nearest_org(
    ctx: DocContext, trigger: TriggerHit, exclude: set[str], begin: int, end: int
) -> Entity | None:
    after = ctx.words(trigger.end, end)[:5]
    if after:
        stop = name_end(ctx, trigger.end, after[-1][1])
        orgs = [o for o in ctx.organisations_in(trigger.end, stop) if o[2].key not in exclude]
        if orgs:
            return orgs[0][2]
    before = ctx.words(begin, trigger.begin)[-8:]
    if before:
        orgs = [o for o in ctx.organisations_in(before[0][0], trigger.begin) if o[2].key not in exclude]
        if orgs:
            return orgs[-1][2]
    return None


def _treaty(ctx: DocContext, rule: RelationRule, trigger: TriggerHit, begin: int, end: int) -> Entity | None:
    assert rule.requires is not None
    matches = list(rule.requires.finditer(ctx.text, begin, end))
    if not matches:
        return None
    by_distance = sorted(
        matches, key=lambda m: min(abs(m.start() - trigger.end), abs(trigger.begin - m.end()))
    )
    nearest = by_distance[0]
    # "die Beistandsgarantie nach Artikel 5": the clause the knowledge base knows, however named
    for match in by_distance:
        linked = [
            m
            for m in ctx.mentions_overlapping(match.start(), match.end())
            if m.entity.kind in (EntityKind.TREATY_CLAUSE, EntityKind.OTHER)
        ]
        if linked:
            return linked[0].entity
    label = re.sub(r"\s+", " ", nearest.group(0))
    label = re.sub(r"^Art\.\s*", ctx.grammar.article_label, label)
    return Entity(label=label, kind=EntityKind.TREATY_CLAUSE, label_lang=ctx.lang)
