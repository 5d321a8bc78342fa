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
from dataclasses import dataclass
from functools import lru_cache

from kg.facts.context import DocContext, speaker_in_frame
from kg.facts.gap import OPPOSING, without_parentheses
from kg.facts.objects import JOINABLE_OBJECT, ORG_GLUE, contrasted_org, find_objects
from kg.facts.patterns import ObjectSource, RelationRule, Scope
from kg.facts.subjects import attributive_candidate, find_subjects, group_after, parsed_negation
from kg.facts.time import MONTHS
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
    TimeRef,
    TimeRole,
)

CUE_WORDS_BEFORE = 3
CORRELATIVE_NEGATIONS = frozenset({"weder", "neither"})
NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|und|aber|doch|während)\b|;")
CUE_WORDS_AFTER = 3
CLAUSE_WORDS_AFTER_DE = 10
BECOMING = frozenset({"become", "becomes", "becoming", "werden", "wird", "würde", "würden", "werde"})
CONDITIONAL = frozenset({"would", "could", "might", "may", "würde", "würden", "könnte", "könnten"})
# coordinators that open a new clause after the trigger (not German "aber", "jedoch": adverbs
# inside the clause too, "hat den Beitritt aber nicht beantragt")
CLAUSE_BREAKS_AFTER = frozenset({"but", "whereas"})
CONTRAST_CLAUSE_OPENERS = frozenset({"but", "whereas", "sondern"})
CONTRAST_ADVERBS = frozenset({"aber", "jedoch", "doch"})
COMPLEMENT_WORDS = frozenset({"of", "to", "in", "into", "the", "zur", "zum", "der", "die", "des"})
OVERRIDE_FIXED_MODALITY = frozenset({Modality.DEMANDED, Modality.INTENDED})
CONDITION_OPENERS = frozenset(
    ["ob", "wenn", "falls", "sofern", "dass", "whether", "if", "unless", "that", "once"]
)


@dataclass(frozen=True)
class Window:
    begin: int
    end: int


def relation_extractor(lang: str, rule: RelationRule) -> Extractor:
    return Extractor(f"kg.facts.{lang}.{rule.name}", "1")


def extract_relations(ctx: DocContext, quotations: list[Quotation]) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str, str, str, str, int]] = set()
    for sentence in ctx.analysis.sentences:
        s = sentence.span
        for rule in ctx.patterns.relations:
            for trigger in rule.trigger.finditer(ctx.text, s.begin, s.end):
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
    window = _negated_abandonment(ctx, _window(ctx, rule, trigger, subjects, s.begin, s.end), s.begin)
    cue_words = _cue_words(ctx, window, trigger, subjects)
    polarity, modality = _factuality(ctx, rule, cue_words)
    if rule.modality is not None and modality is not rule.modality and _cue_in_earlier_clause(
        ctx, rule, trigger, window.begin, modality
    ):
        # "Die Ukraine strebt in die Nato, eine Einladung ist nicht in Sicht": the striving is the other
        # clause's; this one is about the invitation
        modality = rule.modality
    if modality is Modality.DENIED and rule.modality is Modality.INVITED and not _denial_of_trigger(
        ctx, trigger, s.begin, s.end
    ):
        return []  # "declined to give a date for an invitation": no invitation was declined
    np_begin = _possessed_candidacy(ctx, rule, trigger, subjects)
    if np_begin is not None and _agent_before(ctx, subjects, s.begin, np_begin):
        polarity, modality = _another_partys_view(ctx, rule, trigger, subjects, window, cue_words, np_begin)
    if ctx.analysis.has_parser and parsed_negation(ctx, trigger, s.begin, s.end):
        polarity = Polarity.NEGATIVE
    if modality is Modality.ASSERTED and _governed_by_demand(ctx, s.begin, trigger.start()):
        modality = Modality.DEMANDED
    predicate = rule.predicate
    if (
        np_begin is not None
        and modality is Modality.ASSERTED
        and _membership_with_effects(ctx, trigger, s.end)
    ):
        # "Sweden's membership in NATO has changed the map": a membership that is, not one sought
        predicate = Predicate.MEMBER_OF
    cue_set = set(cue_words)
    if ctx.lang == "de":  # the verb ends the German clause: "… Mitglied der NATO werden"
        cue_set |= set(ctx.lower_words(trigger.end(), s.end)[:4]) & BECOMING
    if predicate is Predicate.MEMBER_OF and polarity is Polarity.POSITIVE and cue_set & BECOMING:
        # "would one day become a member", "soll Mitglied werden": not yet a member, a candidate
        # ("would never become a member" stays a negative membership: it is not one either)
        predicate = Predicate.CANDIDATE_FOR
        if modality is Modality.ASSERTED and cue_set & CONDITIONAL:
            modality = Modality.POSSIBLE
    speaker = _attribution(ctx, window, sentence_index, quotations, subjects[0].span.begin)
    time = _time(ctx, window, s.begin, s.end, trigger.start())
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


COMPLEMENT_LINKS = frozenset({"of", "der", "des", "von", "im", "in"})


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
    if not after or after[0][2].lower() not in COMPLEMENT_LINKS:
        return False
    phrase = []
    for b, e, w in after[1:5]:
        if not w[:1].isalnum() or w.lower() in ctx.patterns.coordination:
            break
        phrase.append((b, e, w))
    if not phrase or ctx.organisations_in(phrase[0][0], phrase[-1][1]):
        return False
    overlapping = ctx.mentions_overlapping(phrase[0][0], phrase[-1][1])
    if any(m.entity.kind is EntityKind.ORGANISATION for m in overlapping):
        return False  # a long name beyond the words looked at: "the European Free Trade Association"
    if rule.genitive_subject:
        # "der Beitritt der Ukraine", "die Aufnahme der beiden Länder": the candidate, not what is joined
        region = ctx.text[phrase[0][0] : phrase[-1][1]]
        if any(m.entity.kind is EntityKind.COUNTRY for m in ctx.mentions_in(phrase[0][0], phrase[-1][1])):
            return False
        if ctx.patterns.group_anaphora.search(region) or ctx.patterns.country_anaphora.search(region):
            return False
        if re.search(r"\b(?:Länder|Staaten|countries|states)\b", region):
            return False
    if any(w[:1].isdigit() or w.lower() in MONTHS for _, _, w in phrase):
        return False  # "member since …" is no complement; "Mitglied im Jahr 2004" neither
    return any(
        w[:1].isalpha() and w.lower() not in ORG_GLUE and w.lower() not in ("both", "beider")
        for _, _, w in phrase
    )


GUEST_WORDS = frozenset({"guest", "guests", "observer", "observers", "gast", "gäste", "beobachter"})
JOIN_VERBS = frozenset({"join", "become", "apply", "beizutreten", "werden"})


COMITATIVE_AFTER = re.compile(r",?\s*(?:alongside|along\s+with|together\s+with|ebenso\s+wie|wie\s+auch)\s+")


def _comitative_after(
    ctx: DocContext, objects: list[Entity], subjects: list[Mention], after: int, end: int
) -> list[Mention]:
    """ "Beijing is a member of the SCO, alongside Russia and India", "was granted candidate status in
    June 2022 together with Ukraine": more subjects after the object or the trigger, in its clause."""
    named = [m for m in ctx.mentions_in(after, end) if m.entity.key in {o.key for o in objects}]
    glue = COMITATIVE_AFTER.match(ctx.text, named[0].span.end) if named else None
    if glue is None:
        clause_end = next((b for b, _, w in ctx.words(after, end) if w in ",;:"), end)
        glue = COMITATIVE_INSIDE.search(ctx.text, after, clause_end)
    if glue is None:
        return []
    keys = {m.entity.key for m in subjects}
    return [m for m in group_after(ctx, glue.end(), end) if m.entity.key not in keys]


COMITATIVE_INSIDE = re.compile(r"\b(?:together\s+with|along\s+with|gemeinsam\s+mit|zusammen\s+mit)\s+")


# An invitation is a candidacy only in a sentence that speaks of joining or membership.
MEMBERSHIP_WORDS = re.compile(
    r"\b(?:join\w*|member\w*|accession|accede\w*|enlargement)\b"
    r"|(?:beitr[ieä]t\w*|beizutreten|beigetreten|mitglied\w*|aufnahme|aufzunehmen|aufgenommen|erweiterung)",
    re.I,
)


def _invitation_to_join(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    """An invitation in a sentence about joining, or one an organisation extends ("an invitation from
    NATO", "Einladung der Nato", "NATO has invited Georgia")."""
    if MEMBERSHIP_WORDS.search(ctx.text, begin, end):
        return True
    before_trigger = ctx.lower_words(max(begin, trigger.start() - 12), trigger.start())[-1:]
    if before_trigger in (["the"], ["die"], ["der"]) and _invitation_to_join_before(ctx, begin):
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
        if INVITATION_WORDS.search(words) and MEMBERSHIP_WORDS.search(words):
            return True
    return False


INVITATION_WORDS = re.compile(r"\binvit|einlad|eingeladen", re.I)


def _invited_elsewhere(ctx: DocContext, after: list[tuple[int, int, str]]) -> bool:
    """ "invited as a guest", "invited to the summit", "als Gast eingeladen": an invitation to attend."""
    words = [w.lower() for _, _, w in after[:4]]
    if words[:1] in (["as"], ["als"]) and set(words[1:3]) & GUEST_WORDS:
        return True
    if words[:1] in (["to"], ["zum"], ["zur"], ["zu"]) and len(after) > 1:
        if words[1] in JOIN_VERBS or ctx.organisations_in(after[1][0], after[min(3, len(after) - 1)][1]):
            return False
        return words[1] in ("the", "a", "an", "dem", "der") or words[1] in GUEST_WORDS
    return False


MEMBERSHIP_NOUNS = frozenset({"membership", "mitgliedschaft"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "hat", "haben", "hatte"})
# what is done to a membership still sought: approving, ratifying, blocking it
CANDIDACY_PROCESS = re.compile(
    r"^(?:approved|ratified|blocked|delayed|vetoed|stalled|held|been|welcomed|supported|backed|opposed"
    r"|genehmigt|ratifiziert|blockiert|verzögert|gebilligt|begrüßt|unterstützt|abgelehnt|gewesen)$"
)


def _membership_with_effects(ctx: DocContext, trigger: re.Match[str], end: int) -> bool:
    """ "X's membership (in NATO) has changed/strengthened …": the membership noun, possessed, as the
    subject of a perfect whose participle is no step of an accession."""
    if trigger.group(0).lower() not in MEMBERSHIP_NOUNS:
        return False
    words = [w.lower() for w in ctx.lower_words(trigger.end(), end)[:14]]
    if words[:1] and words[0] not in ("in", "of", "der", "des", "im", "bei", "has", "hat"):
        return False  # "membership bid", "membership talks": a candidacy noun phrase
    for i, w in enumerate(words):
        if w in PERFECT_AUXILIARIES:
            rest = words[i + 1 : i + 10]
            if ctx.lang == "en":
                return bool(rest) and not CANDIDACY_PROCESS.match(rest[0]) and rest[0].endswith(("ed", "en"))
            participle = next((x for x in rest if re.fullmatch(r"ge\w+t|\w+iert|ver\w+t", x)), None)
            return participle is not None and not CANDIDACY_PROCESS.match(participle)
    return False


def _possessed_candidacy(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], subjects: list[Mention]
) -> int | None:
    """Where the noun phrase begins when the candidate is its possessor: "Sweden's membership",
    "Schwedens Beitritt", "der Beitritt der Ukraine", "the accession of Finland"; else None."""
    if rule.predicate is not Predicate.CANDIDATE_FOR:
        return None
    if rule.genitive_subject and subjects[0].span.begin >= trigger.end():
        before = ctx.words(max(0, trigger.start() - 30), trigger.start())[-1:]
        if before and before[0][2].lower() in ARTICLES:
            return before[0][0]
        return trigger.start()
    last = subjects[-1]
    if last.span.end > trigger.start():
        return None
    if len(subjects) == 1 and attributive_candidate(ctx, trigger, 0) is last:
        article = ctx.words(max(0, last.span.begin - 12), last.span.begin)[-1:]
        if article and article[0][2].lower() in ARTICLES | INDEFINITE_GENITIVE:
            return article[0][0]
        return last.span.begin
    between = ctx.words(last.span.end, trigger.start())
    possessive = bool(between) and between[0][2] in ("'s", "’s")
    if not possessive and ctx.lang == "de" and last.span.text.endswith("s"):
        possessive = True  # "Schwedens (rascher) Beitritt": the words between are checked below
    rest = between[1:] if between and between[0][2] in ("'s", "’s") else between
    if possessive and all(w[:1].islower() and w.isalpha() for _, _, w in rest):
        return subjects[0].span.begin
    return None


ARTICLES = frozenset({"der", "die", "den", "dem", "des", "einen", "einem", "the", "a", "an"})
INDEFINITE_GENITIVE = frozenset({"eines", "einer"})
AGENT_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.PERSON, EntityKind.ORGANISATION})


def _agent_before(ctx: DocContext, subjects: list[Mention], begin: int, np_begin: int) -> bool:
    keys = {m.entity.key for m in subjects}
    return any(
        m.entity.kind in AGENT_KINDS
        and m.span.text[:1].isupper()
        and m.entity.key not in keys
        # the candidate's own head of government speaks for it, not against it
        and not (m.entity.key in ctx.person_country and ctx.person_country[m.entity.key].key in keys)
        for m in ctx.mentions_in(begin, np_begin)
    )


# --- factuality ----------------------------------------------------------------------------------
def _window(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], subjects: list[Mention], begin: int, end: int
) -> Window:
    before = ctx.words(begin, trigger.start())
    after = ctx.words(trigger.end(), end)
    tail = trigger.end()
    # a German clause ends in its verb: "… die Mitgliedschaft in der NATO beantragt"
    reach = CUE_WORDS_AFTER if rule.scope is Scope.LOCAL or ctx.lang != "de" else CLAUSE_WORDS_AFTER_DE
    counted = 0
    for b, e, w in after:
        # "wants to join the alliance but has no candidate status": the next clause's negation is its own
        if w in ",;:.!?" or w.lower() in CLAUSE_BREAKS_AFTER or counted >= reach:
            break
        tail = e
        # "membership of the alliance is not …": the trigger's complement does not use up the reach
        if not (w.lower() in COMPLEMENT_WORDS or ctx.organisations_in(b, e)):
            counted += 1
    head = before[-CUE_WORDS_BEFORE][0] if len(before) >= CUE_WORDS_BEFORE else begin
    if rule.scope is Scope.LOCAL:
        # three words before the trigger, but not back past a subject standing closer
        last_subject_end = subjects[-1].span.end
        lo = max(head, last_subject_end) if last_subject_end <= trigger.start() else head
        # "Neither Austria nor Ireland is a member", "Weder Finnland noch Schweden sind Mitglieder":
        # the negation stands before the subjects
        lead = ctx.words(begin, subjects[0].span.begin)[-1:]
        if lead and lead[0][2].lower() in CORRELATIVE_NEGATIONS and subjects[0].span.begin < trigger.start():
            lo = min(lo, lead[0][0])
        return Window(lo, trigger.end())
    # two words before the subject too: "invite Finland and Sweden to join"
    lead = ctx.words(begin, subjects[0].span.begin)[-2:]
    lo = min(head, lead[0][0] if lead and not any(w in ",;:" for _, _, w in lead) else subjects[0].span.begin)
    hi = max(tail, subjects[-1].span.end)
    return Window(_contrast_start(ctx, subjects[-1].span.end, trigger.start(), lo), hi)


def _contrast_start(ctx: DocContext, subject_end: int, trigger_start: int, lo: int) -> int:
    """Where the trigger's own clause starts when a contrast separates it from an earlier predicate of
    the same subject: "Norway is not a member of the EU but belongs to NATO", "…, gehört aber der NATO
    an" — the first predicate's negation is not the second's."""
    # an apposition between commas is no clause of its own ("Finland, a partner but not a member, was")
    between = without_parentheses(ctx.words(subject_end, trigger_start))
    after = [w.lower() for _, _, w in ctx.words(trigger_start, trigger_start + 40)[1:2]]
    if after and after[0] in CONTRAST_ADVERBS:  # "…, gehört aber der NATO an": the verb before "aber"
        comma = next((b for b, _, w in reversed(between) if w == ","), None)
        return max(lo, comma) if comma is not None else lo
    for i in range(len(between) - 1, -1, -1):
        word = between[i][2].lower()
        if word in CONTRAST_CLAUSE_OPENERS:
            return max(lo, between[i][0])
        if word in CONTRAST_ADVERBS:  # "aber" follows the verb: the clause starts at the comma before
            comma = next((b for b, _, w in reversed(between[:i]) if w == ","), None)
            return max(lo, comma) if comma is not None else lo
    return lo


def _cue_words(ctx: DocContext, window: Window, trigger: re.Match[str], subjects: list[Mention]) -> list[str]:
    """The window's words without the trigger and without appositions set off by a pair of commas
    between the subject and the trigger ("Finland, a partner but not a member, was invited")."""
    words = ctx.words(window.begin, window.end)
    skip: set[int] = set()
    subject_end = subjects[-1].span.end
    commas = [i for i, (b, _, w) in enumerate(words) if w == "," and subject_end <= b < trigger.start()]
    for first, second in zip(commas[::2], commas[1::2], strict=False):
        opener = words[first + 1][2].lower() if first + 1 < len(words) else ""
        if opener not in CONDITION_OPENERS:  # "ob und wann …" conditions the fact; an apposition does not
            skip.update(range(first, second + 1))
    return [
        w.lower()
        for i, (b, e, w) in enumerate(words)
        if i not in skip
        and not (trigger.start() <= b and e <= trigger.end())
        and not (w[:1].isupper() and w.lower() in MONTHS)  # "last May" is no "may"
    ]


def _denial_of_trigger(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    """A denial verb with the trigger as its object: "declined the invitation", "hat die Einladung
    abgelehnt" — not one governing something else ("declined to give a date for an invitation")."""
    before = ctx.lower_words(max(begin, trigger.start() - 40), trigger.start())[-3:]
    after = ctx.lower_words(trigger.end(), min(end, trigger.end() + 60))[:5]
    cues = ctx.patterns.denial_cues
    if before and before[-1] in ("to", "zu"):
        return False
    return bool(set(before) & cues) or bool(set(after) & cues)


def _cue_in_earlier_clause(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], begin: int, modality: Modality
) -> bool:
    """The cue of ``modality`` stands only before a comma that opens the trigger's own clause."""
    words = ctx.words(begin, trigger.start())
    commas = [b for b, _, w in words if w == ","]
    if not commas:
        return False
    cues = next((c for m, c in ctx.patterns.modality_cues if m is modality), frozenset())
    local = set(ctx.lower_words(commas[-1], trigger.start()))
    return not local & cues


def _governed_by_demand(ctx: DocContext, begin: int, end: int) -> bool:
    """ "Russland fordert, dass …", "the demand that …": the clause that governs the fact's "dass"/"that"."""
    words = ctx.words(begin, end)
    complementisers = [i for i, (_, _, w) in enumerate(words) if w.lower() in ("dass", "that")]
    if (
        not complementisers
        and ctx.lang == "de"
        and re.search(r"\w+zu\w+n\b|\bzu\s+\w+n\b", ctx.text[end : end + 60])
    ):
        # "forderte, die Ukraine rasch in die NATO aufzunehmen": a zu-infinitive after the comma
        complementisers = [i for i, (_, _, w) in enumerate(words) if w == ","][-1:]
    if not complementisers:
        return False
    last = complementisers[-1]
    start = last - 1 if last > 0 and words[last - 1][2] == "," else last  # the comma before "dass"
    while start > 0 and words[start - 1][2] not in ",;:":
        start -= 1
    governing = {w.lower() for _, _, w in words[start:last]}
    demand = dict(ctx.patterns.modality_cues).get(Modality.DEMANDED, frozenset())
    return bool(governing & demand)


def _negated_abandonment(ctx: DocContext, window: Window, begin: int) -> Window:
    """The window from a negation just before a verb of giving up ("will never give up its aim of
    joining"), so that the two cancel out."""
    lowered = ctx.text[window.begin : window.end].lower()
    for phrase in ctx.patterns.abandonment:
        found = _whole_word(phrase).search(lowered)
        if found is None:
            continue
        at = window.begin + found.start()
        for b, _, w in reversed(ctx.words(begin, at)[-3:]):
            if w.lower() in ctx.patterns.negation:
                return Window(b, window.end)
    return window


def _another_partys_view(
    ctx: DocContext,
    rule: RelationRule,
    trigger: re.Match[str],
    subjects: list[Mention],
    window: Window,
    cue_words: list[str],
    np_begin: int,
) -> tuple[Polarity, Modality]:
    """A candidacy named as another party's object ("Turkey would not approve Sweden's membership",
    "Russland lehnt den Beitritt der Ukraine ab"): that party's negation or rejection is not the
    candidate's — it makes the candidacy Denied; given-up opposition ("hat ihren Widerstand gegen den
    Beitritt Schwedens aufgegeben") leaves it asserted."""
    patterns = ctx.patterns
    narrow = Window(min(np_begin, window.end), window.end)
    # "hat einen Beitritt Schwedens ausgeschlossen": the German final verb is the other party's
    own = [
        w for w in _cue_words(ctx, narrow, trigger, subjects)
        if w not in patterns.denial_cues and w not in patterns.abandonment
    ]
    polarity, modality = _factuality(ctx, rule, own)
    outer = _cue_words(ctx, Window(window.begin, min(np_begin, window.end)), trigger, subjects)
    final_verb = [w.lower() for _, _, w in ctx.words(subjects[-1].span.end, window.end)]
    # "Budapest would not support membership for Ukraine", "Ungarn will … nicht unterstützen"
    opposed = (
        _negates(ctx, outer)
        or bool(set(outer) & OPPOSITION_NOUNS)
        or bool(set(outer + final_verb) & OPPOSING)  # "hatte den Beitritt beider Staaten kritisiert"
        or bool(set(cue_words) & patterns.denial_cues)
        or (ctx.lang == "de" and _negates(ctx, final_verb))
        or modality is Modality.DENIED
    )
    # the other party's verb may stand anywhere before the noun phrase (or, in German, after it)
    sentence_begin = ctx.sentence(ctx.sentence_at(np_begin)).span.begin
    # "seine Ablehnung eines schwedischen Beitritts", "his opposition to a Swedish accession"
    governing = ctx.lower_words(max(sentence_begin, np_begin - 40), np_begin)[-3:]
    opposed = opposed or bool(set(governing) & OPPOSITION_NOUNS)
    stance = " ".join(ctx.lower_words(sentence_begin, np_begin) + final_verb)
    if (
        opposed
        and PENDING.search(stance)
        and not set(stance.split()) & (OPPOSITION_NOUNS | patterns.denial_cues)
    ):
        # "Ungarn hat den Beitritt Schwedens noch nicht ratifiziert", "has not yet approved": pending
        return Polarity.POSITIVE, Modality.ASSERTED if modality is Modality.DENIED else modality
    if opposed and any(_whole_word(a).search(stance) for a in patterns.abandonment):
        return Polarity.POSITIVE, Modality.ASSERTED if modality is Modality.DENIED else modality
    if opposed:
        return Polarity.POSITIVE, Modality.DENIED
    if any(_whole_word(a).search(stance) for a in patterns.abandonment) and not _negates(ctx, final_verb):
        # "Russland fordert, dass die Nato auf eine Aufnahme der Ukraine verzichtet": it is to be dropped
        return Polarity.POSITIVE, Modality.DENIED
    return polarity, modality


# A party's stance against a candidacy: "Widerstand gegen den Beitritt", "objections to membership"
PENDING = re.compile(
    r"\b(?:noch\s+nicht|bislang\s+nicht|bisher\s+nicht|not\s+yet|yet\s+to)\b"
    # a ratification not (yet) given is pending, not refused: "has not ratified", "nicht ratifiziert"
    r"|\b(?:has|have)\s+not\s+(?:\w+\s+)?(?:approved|ratified)\b|\bnicht\s+(?:ratifiziert|gebilligt)\b"
)
OPPOSITION_NOUNS = frozenset(
    {"widerstand", "blockade", "veto", "einspruch", "vorbehalte", "ablehnung", "opposition", "objection",
     "objections", "resistance", "rejection"}
)


def _negates(ctx: DocContext, words: list[str]) -> bool:
    text = " ".join(words)
    return bool(set(words) & ctx.patterns.negation) or any(p in text for p in ctx.patterns.negation_phrases)


@lru_cache(maxsize=256)
def _whole_word(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(phrase)}\b")


def _factuality(ctx: DocContext, rule: RelationRule, cue_words: list[str]) -> tuple[Polarity, Modality]:
    words = set(cue_words)
    text = " ".join(cue_words)
    negative = bool(words & ctx.patterns.negation) or any(p in text for p in ctx.patterns.negation_phrases)
    if any(_whole_word(a).search(text) for a in ctx.patterns.abandonment):
        negative = not negative  # "gave up its bid": no; "will never give up its aim of joining": yes
    if words & ctx.patterns.denial_cues:
        return Polarity.NEGATIVE, Modality.DENIED
    if rule.polarity is not None:
        negative = rule.polarity is Polarity.NEGATIVE
    modality = None
    for candidate, cues in ctx.patterns.modality_cues:
        if words & cues:
            modality = candidate
            break
    if rule.modality is not None and modality not in OVERRIDE_FIXED_MODALITY:
        modality = rule.modality  # "pressing for an invitation", "hofft auf eine Einladung": not invited yet
    return (Polarity.NEGATIVE if negative else Polarity.POSITIVE), modality or Modality.ASSERTED


def _attribution(
    ctx: DocContext, window: Window, sentence_index: int, quotations: list[Quotation], subject_begin: int
) -> Entity | None:
    for q in quotations:
        if q.span.begin <= window.begin < q.span.end:
            return q.speaker
    s = ctx.sentence(sentence_index).span
    # the frame ends where the fact's clause begins: its subject ("Orbán said Ukraine was …"), or its
    # window when that starts first
    frame_end = max(window.begin, subject_begin) if subject_begin < window.end else window.begin
    speaker, verb_at = speaker_in_frame(ctx, s.begin, frame_end, frame_end)
    if verb_at < 0:  # "Article 5 does not apply to Ukraine, Stoltenberg said."
        # "Moldovan President Maia Sandu, whose country borders Ukraine, said she …": the pronoun after
        # the fact means the person named before the verb, in this sentence too
        # … but not the verb of a clause coordinated after it: "Ukraine is not a member, and U.S.
        # officials have said …" is the writer's statement
        joined = NEXT_CLAUSE.search(ctx.text, window.end, s.end)
        speaker, verb_at = speaker_in_frame(ctx, window.end, joined.start() if joined else s.end, window.end)
    if verb_at < 0:
        return _source_inside(ctx, window)
    return speaker


# Attributions that can stand inside the fact's own clause (a verb of saying there would be its own)
SOURCE_PHRASE = re.compile(r"\b(?:laut|zufolge|nach\s+Angaben|according\s+to)\b", re.I)


def _source_inside(ctx: DocContext, window: Window) -> Entity | None:
    """ "Moldau will nach Angaben von Maia Sandu der EU beitreten", "Finland is, according to
    Stoltenberg, a close partner": the person such a phrase names, right after it (or right before
    "zufolge")."""
    for phrase in SOURCE_PHRASE.finditer(ctx.text, window.begin, window.end):
        if phrase.group(0).lower() == "zufolge":
            sentence_begin = ctx.sentence(ctx.sentence_at(phrase.start())).span.begin
            people = ctx.mentions_in(max(sentence_begin, phrase.start() - 40), phrase.start(), PERSON_KIND)
            if people:
                return people[-1].entity
            continue
        people = ctx.mentions_in(phrase.end(), min(window.end + 40, phrase.end() + 40), PERSON_KIND)
        if people:
            return people[0].entity
    return None


PERSON_KIND = frozenset({EntityKind.PERSON})


# Words that open a subordinate clause: a date on the other side of one is that clause's
SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "nachdem", "bevor", "als", "während", "weil",
     "obwohl"}
)


def _fronted(ctx: DocContext, begin: int, end: int, sentence_begin: int, window_begin: int) -> bool:
    """ "Am 18. Mai 2022 beantragte Schweden …", "On May 18, 2022, Sweden applied …": a date opening the
    sentence right before the fact's clause (not "On Monday, NATO said …": that is when it was said)."""
    if begin >= window_begin:
        return False
    opening = [w for w in ctx.lower_words(sentence_begin, begin) if w[:1].isalnum()]
    between = [w for w in ctx.lower_words(end, max(end, window_begin)) if w[:1].isalnum()]
    return (
        len(opening) <= 1
        and len(between) <= 1
        and ctx.patterns.say.search(ctx.text, end, max(end, window_begin)) is None
    )


def _other_clause(ctx: DocContext, begin: int, end: int, trigger_at: int) -> bool:
    """ "joined NATO on March 7, … after it applied for membership": the date is the main clause's."""
    between = ctx.lower_words(end, trigger_at) if end <= trigger_at else ctx.lower_words(trigger_at, begin)
    return bool(set(between) & SUBORDINATORS)


def _time(ctx: DocContext, window: Window, begin: int, end: int, trigger_at: int) -> TimeRef | None:
    times = ctx.times_in(begin, end)
    clause_end = window.end
    for b, _, w in ctx.words(window.end, end):
        if w in ",;:":
            break
        clause_end = max(clause_end, b + len(w))
    inside = [
        t
        for t in times
        if (window.begin <= t.begin < clause_end or _fronted(ctx, t.begin, t.end, begin, window.begin))
        and not _other_clause(ctx, t.begin, t.end, trigger_at)
    ]
    if not inside:
        return None
    t = inside[0]
    # "seit dem 4. April 2023 Mitglied", "member since April 4, 2023": when it began; "bis", "until": ended
    before = [w.lower() for w in ctx.lower_words(max(begin, t.begin - 12), t.begin)][-2:]
    role = TimeRole.POINT
    if any(w in ("seit", "since", "ab", "from") for w in before):
        role = TimeRole.START
    elif any(w in ("bis", "until", "till") for w in before):
        role = TimeRole.END
    return TimeRef(date=t.date, role=role, span=ctx.span(t.begin, t.end))
