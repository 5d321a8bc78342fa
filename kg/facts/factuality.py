"""Polarity and modality of a relation fact: the window of cue words around its trigger, the
candidate's own cues, and another party's stance on a possessed candidacy ("Turkey would not approve
Sweden's membership": Denied; "has not yet ratified": pending; "Widerstand aufgegeben": asserted; "dass
die Nato auf eine Aufnahme verzichtet": Denied). Used by ``relations``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.facts.context import DocContext
from kg.facts.gap import without_parentheses
from kg.facts.patterns import RelationRule, Scope
from kg.facts.subjects import attributive_candidate
from kg.model import EntityKind, Mention, Modality, Polarity, Predicate, TriggerHit

CUE_WORDS_BEFORE = 3
CUE_WORDS_AFTER = 3
CLAUSE_WORDS_AFTER_VERB_FINAL = 10
OVERRIDE_FIXED_MODALITY = frozenset({Modality.DEMANDED, Modality.INTENDED})


@dataclass(frozen=True)
class Window:
    begin: int
    end: int


def possessed_candidacy(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, subjects: list[Mention]
) -> int | None:
    """Where the noun phrase begins when the candidate is its possessor: "Sweden's membership",
    "Schwedens Beitritt", "der Beitritt der Ukraine", "the accession of Finland"; else None."""
    if rule.predicate is not Predicate.CANDIDATE_FOR:
        return None
    if rule.genitive_subject and subjects[0].span.begin >= trigger.end:
        before = ctx.words(max(0, trigger.begin - 30), trigger.begin)[-1:]
        if before and before[0][2].lower() in ctx.vocab.articles:
            return before[0][0]
        return trigger.begin
    last = subjects[-1]
    if last.span.end > trigger.begin:
        return None
    if len(subjects) == 1 and attributive_candidate(ctx, trigger, 0) is last:
        article = ctx.words(max(0, last.span.begin - 12), last.span.begin)[-1:]
        if article and article[0][2].lower() in ctx.vocab.articles | ctx.vocab.indefinite_genitive:
            return article[0][0]
        return last.span.begin
    between = ctx.words(last.span.end, trigger.begin)
    possessive = bool(between) and between[0][2] in ctx.vocab.possessive_clitics
    if not possessive and ctx.grammar.genitive_s and last.span.text.endswith("s"):
        possessive = True  # "Schwedens (rascher) Beitritt": the words between are checked below
    rest = between[1:] if between and between[0][2] in ctx.vocab.possessive_clitics else between
    # adjectives and an organisation may stand between: "Sweden's (long) NATO membership bid"
    if possessive and all(
        (w[:1].islower() and w.isalpha()) or ctx.organisations_in(b, e) for b, e, w in rest
    ):
        return subjects[0].span.begin
    return None


AGENT_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.PERSON, EntityKind.ORGANISATION})


def agent_before(ctx: DocContext, subjects: list[Mention], begin: int, np_begin: int) -> Mention | None:
    """The last party other than the candidate named between ``begin`` and the candidacy noun phrase."""
    keys = {m.entity.key for m in subjects}
    agents = [
        m
        for m in ctx.mentions_in(begin, np_begin)
        if m.entity.kind in AGENT_KINDS
        and m.span.text[:1].isupper()
        and m.entity.key not in keys
        # the candidate's own head of government speaks for it, not against it
        and not (m.entity.key in ctx.person_country and ctx.person_country[m.entity.key].key in keys)
        # "EU membership for Ukraine": a name right at the noun phrase modifies it, it takes no stance
        and any(w[:1].isalnum() for _, _, w in ctx.words(m.span.end, np_begin))
    ]
    return agents[-1] if agents else None


# --- factuality ----------------------------------------------------------------------------------
def fact_window(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, subjects: list[Mention], begin: int, end: int
) -> Window:
    before = ctx.words(begin, trigger.begin)
    after = ctx.words(trigger.end, end)
    tail = trigger.end
    # a German clause ends in its verb: "… die Mitgliedschaft in der NATO beantragt"
    verb_final = ctx.grammar.verb_final and rule.scope is not Scope.LOCAL
    reach = CLAUSE_WORDS_AFTER_VERB_FINAL if verb_final else CUE_WORDS_AFTER
    counted = 0
    for b, e, w in after:
        # "wants to join the alliance but has no candidate status": the next clause's negation is its own
        if w in ",;:.!?" or w.lower() in ctx.vocab.clause_breaks_after or counted >= reach:
            break
        tail = e
        # "membership of the alliance is not …": the trigger's complement does not use up the reach
        if not (w.lower() in ctx.vocab.complement_words or ctx.organisations_in(b, e)):
            counted += 1
    head = before[-CUE_WORDS_BEFORE][0] if len(before) >= CUE_WORDS_BEFORE else begin
    if rule.scope is Scope.LOCAL:
        # three words before the trigger, but not back past a subject standing closer
        last_subject_end = subjects[-1].span.end
        lo = max(head, last_subject_end) if last_subject_end <= trigger.begin else head
        # "Neither Austria nor Ireland is a member", "Weder Finnland noch Schweden sind Mitglieder":
        # the negation stands before the subjects
        lead = ctx.words(begin, subjects[0].span.begin)[-1:]
        if (
            lead
            and lead[0][2].lower() in ctx.vocab.correlative_negations
            and subjects[0].span.begin < trigger.begin
        ):
            lo = min(lo, lead[0][0])
        # "a member of neither NATO nor the EU", "Mitglied weder der EU noch der NATO": after it
        hi = trigger.end
        for _, e, w in after[:2]:
            if w.lower() in ctx.vocab.correlative_negations:
                hi = e
        return Window(lo, hi)
    # two words before the subject too: "invite Finland and Sweden to join"
    lead = ctx.words(begin, subjects[0].span.begin)[-2:]
    lo = min(head, lead[0][0] if lead and not any(w in ",;:" for _, _, w in lead) else subjects[0].span.begin)
    hi = max(tail, subjects[-1].span.end)
    return Window(_contrast_start(ctx, subjects[-1].span.end, trigger.begin, lo), hi)


def _contrast_start(ctx: DocContext, subject_end: int, trigger_start: int, lo: int) -> int:
    """Where the trigger's own clause starts when a contrast separates it from an earlier predicate of
    the same subject: "Norway is not a member of the EU but belongs to NATO", "…, gehört aber der NATO
    an" — the first predicate's negation is not the second's."""
    # an apposition between commas is no clause of its own ("Finland, a partner but not a member, was")
    between = without_parentheses(ctx, ctx.words(subject_end, trigger_start))
    after = [w.lower() for _, _, w in ctx.words(trigger_start, trigger_start + 40)[1:2]]
    if (
        after and after[0] in ctx.vocab.contrast_adverbs
    ):  # "…, gehört aber der NATO an": the verb before "aber"
        comma = next((b for b, _, w in reversed(between) if w == ","), None)
        return max(lo, comma) if comma is not None else lo
    for i in range(len(between) - 1, -1, -1):
        word = between[i][2].lower()
        if word in ctx.vocab.contrast_clause_openers:
            return max(lo, between[i][0])
        if (
            word in ctx.vocab.contrast_adverbs
        ):  # "aber" follows the verb: the clause starts at the comma before
            comma = next((b for b, _, w in reversed(between[:i]) if w == ","), None)
            return max(lo, comma) if comma is not None else lo
    return lo


def cue_words(ctx: DocContext, window: Window, trigger: TriggerHit, subjects: list[Mention]) -> list[str]:
    """The window's words without the trigger and without appositions set off by a pair of commas
    between the subject and the trigger ("Finland, a partner but not a member, was invited")."""
    words = ctx.words(window.begin, window.end)
    skip: set[int] = set()
    subject_end = subjects[-1].span.end
    commas = [i for i, (b, _, w) in enumerate(words) if w == "," and subject_end <= b < trigger.begin]
    for first, second in zip(commas[::2], commas[1::2], strict=False):
        opener = words[first + 1][2].lower() if first + 1 < len(words) else ""
        if (
            opener not in ctx.vocab.condition_openers
        ):  # "ob und wann …" conditions the fact; an apposition does not
            skip.update(range(first, second + 1))
    return [
        w.lower()
        for i, (b, e, w) in enumerate(words)
        if i not in skip
        and not (trigger.begin <= b and e <= trigger.end)
        and not (w[:1].isupper() and w.lower() in ctx.vocab.months)  # "last May" is no "may"
    ]


def denial_of_trigger(ctx: DocContext, trigger: TriggerHit, begin: int, end: int) -> bool:
    """A denial verb with the trigger as its object: "declined the invitation", "hat die Einladung
    abgelehnt" — not one governing something else ("declined to give a date for an invitation")."""
    before = ctx.lower_words(max(begin, trigger.begin - 40), trigger.begin)[-3:]
    after = ctx.lower_words(trigger.end, min(end, trigger.end + 60))[:5]
    cues = ctx.patterns.denial_cues
    if before and before[-1] in ctx.vocab.infinitive_markers:
        return False
    return bool(set(before) & cues) or bool(set(after) & cues)


def cue_in_earlier_clause(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, begin: int, modality: Modality
) -> bool:
    """The cue of ``modality`` stands only before a comma that opens the trigger's own clause."""
    words = ctx.words(begin, trigger.begin)
    commas = [b for b, _, w in words if w == ","]
    if not commas:
        return False
    cues = next((c for m, c in ctx.patterns.modality_cues if m is modality), frozenset())
    local = set(ctx.lower_words(commas[-1], trigger.begin))
    return not local & cues


def governed_by_demand(ctx: DocContext, begin: int, end: int) -> bool:
    """ "Russland fordert, dass …", "the demand that …": the clause that governs the fact's "dass"/"that"."""
    words = ctx.words(begin, end)
    complementisers = [i for i, (_, _, w) in enumerate(words) if w.lower() in ctx.vocab.complementisers]
    if not complementisers and ctx.grammar.zu_infinitive.search(ctx.text[end : end + 60]):
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


def negated_abandonment(ctx: DocContext, window: Window, begin: int) -> Window:
    """The window from a negation just before a verb of giving up ("will never give up its aim of
    joining"), so that the two cancel out."""
    lowered = ctx.text[window.begin : window.end].lower()
    if _any_whole_word(ctx.patterns.abandonment).search(lowered) is None:
        return window  # no phrase stands in the window (one search instead of one per phrase)
    for phrase in ctx.patterns.abandonment:
        found = _whole_word(phrase).search(lowered)
        if found is None:
            continue
        at = window.begin + found.start()
        for b, _, w in reversed(ctx.words(begin, at)[-3:]):
            if w.lower() in ctx.patterns.negation:
                return Window(b, window.end)
    return window


def other_party_stance(
    ctx: DocContext,
    rule: RelationRule,
    trigger: TriggerHit,
    subjects: list[Mention],
    window: Window,
    cues: list[str],
    np_begin: int,
    end: int,
) -> tuple[Polarity, Modality] | None:
    """A candidacy named as another party's object: that party's stance decides its factuality, not
    the candidate's own cues. The party is an agent named before the noun phrase ("Turkey would not
    approve Sweden's membership", "Russland lehnt den Beitritt der Ukraine ab") or the agent of a
    passive whose subject the noun phrase is ("Sweden's membership bid was blocked by Turkey", "… wurde
    von Ungarn blockiert"). None when no other party takes a stance."""
    sentence_begin = ctx.sentence(ctx.sentence_at(np_begin)).span.begin
    agent = agent_before(ctx, subjects, sentence_begin, np_begin)
    if agent is not None:
        return _active_stance(ctx, rule, trigger, subjects, window, cues, np_begin, agent)
    words = _passive_with_agent(ctx, trigger, subjects, end)
    if words is None:
        return None
    opposition = bool(set(words) & _opposition_words(ctx))
    text = " ".join(words)
    abandoned = _any_whole_word(ctx.patterns.abandonment).search(text) is not None
    own = factuality(ctx, rule, [w for w in cues if w not in ctx.patterns.denial_cues])
    return _stance(opposition, _negates(ctx, words), abandoned, pending=False, own=own)


def _opposition_words(ctx: DocContext) -> frozenset[str]:
    return ctx.vocab.opposing | ctx.vocab.opposition_nouns | ctx.patterns.denial_cues


def _stance(
    opposition: bool,
    negated: bool,
    abandoned: bool,
    *,
    pending: bool,
    own: tuple[Polarity, Modality] | None,
) -> tuple[Polarity, Modality] | None:
    """Another party's stance from its words. Opposition (block, veto, Widerstand, a rejection),
    negation ("would not approve") and giving up ("lifted its veto", "verzichtet") each turn it over:
    "did not block" and "hat ihren Widerstand aufgegeben" leave the candidacy asserted, "has not lifted
    its veto" still denies it; a ratification not yet given ("noch nicht ratifiziert") is pending."""
    asserted = Modality.ASSERTED
    if own is not None and own[1] is not Modality.DENIED:
        asserted = own[1]
    if pending and negated and not opposition:
        return Polarity.POSITIVE, asserted
    if opposition ^ negated ^ abandoned:
        return Polarity.POSITIVE, Modality.DENIED
    if opposition or negated or abandoned:
        return Polarity.POSITIVE, asserted
    return own


def _active_stance(
    ctx: DocContext,
    rule: RelationRule,
    trigger: TriggerHit,
    subjects: list[Mention],
    window: Window,
    cues: list[str],
    np_begin: int,
    agent: Mention,
) -> tuple[Polarity, Modality]:
    patterns = ctx.patterns
    narrow = Window(min(np_begin, window.end), window.end)
    # "hat einen Beitritt Schwedens ausgeschlossen": the German final verb is the other party's
    own_cues = [
        w
        for w in cue_words(ctx, narrow, trigger, subjects)
        if w not in patterns.denial_cues and w not in patterns.abandonment
    ]
    own = factuality(ctx, rule, own_cues)
    sentence_begin = ctx.sentence(ctx.sentence_at(np_begin)).span.begin
    # the party's words: from the party to the noun phrase ("Turkey [has not lifted its veto on]
    # Sweden's membership") and, where the verb ends the clause, those after the candidate
    outer = cue_words(ctx, Window(min(agent.span.end, np_begin), np_begin), trigger, subjects)
    # "seine Ablehnung eines schwedischen Beitritts", "his opposition to a Swedish accession"
    governing = ctx.lower_words(max(sentence_begin, np_begin - 40), np_begin)[-3:]
    final_verb = [w.lower() for _, _, w in ctx.words(subjects[-1].span.end, window.end)]
    opposition = (
        bool(set(outer + governing) & ctx.vocab.opposition_nouns)
        # "hatte den Beitritt beider Staaten kritisiert"
        or bool(set(outer + final_verb) & ctx.vocab.opposing)
        or bool(set(cues) & patterns.denial_cues)
        or own[1] is Modality.DENIED
    )
    negated = _negates(ctx, outer) or (ctx.grammar.verb_final and _negates(ctx, final_verb))
    stance = ctx.lower_words(sentence_begin, np_begin) + final_verb
    text = " ".join(stance)
    abandoned = _any_whole_word(patterns.abandonment).search(text) is not None
    pending = bool(ctx.vocab.pending.search(text)) and not set(stance) & _opposition_words(ctx)
    found = _stance(opposition, negated, abandoned, pending=pending, own=own)
    return found if found is not None else own


def _passive_with_agent(
    ctx: DocContext, trigger: TriggerHit, subjects: list[Mention], end: int
) -> list[str] | None:
    """The words after the candidacy noun phrase when it is the subject of a passive whose agent
    ("by Turkey", "von Ungarn") is another party; else None."""
    words = ctx.words(trigger.end, end)[:10]
    lowered = [w.lower() for _, _, w in words]
    if not set(lowered) & ctx.vocab.passive_auxiliaries:
        return None
    keys = {m.entity.key for m in subjects}
    for _, e, w in words:
        if w.lower() in ctx.vocab.passive_agent_links:
            agents = [
                m
                for m in ctx.mentions_in(e, min(end, e + 40))
                if m.entity.kind in AGENT_KINDS and m.entity.key not in keys
            ]
            return lowered if agents else None
    return None


def _negates(ctx: DocContext, words: list[str]) -> bool:
    text = " ".join(words)
    return bool(set(words) & ctx.patterns.negation) or any(p in text for p in ctx.patterns.negation_phrases)


@lru_cache(maxsize=256)
def _whole_word(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(phrase)}\b")


@lru_cache(maxsize=16)
def _any_whole_word(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for "any of ``phrases`` as whole words" (the alternation backtracks through every
    phrase at each place, so it finds one wherever one of the phrases' own regexes would)."""
    if not phrases:
        return re.compile(r"$^")
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def factuality(ctx: DocContext, rule: RelationRule, cue_words: list[str]) -> tuple[Polarity, Modality]:
    words = set(cue_words)
    text = " ".join(cue_words)
    negative = bool(words & ctx.patterns.negation) or any(p in text for p in ctx.patterns.negation_phrases)
    if _any_whole_word(ctx.patterns.abandonment).search(text) is not None:
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
