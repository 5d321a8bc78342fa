"""Membership, partnership, candidacy and coverage from the pattern tables of ``patterns_*``.

Each rule names a trigger, the predicate, where the object is and how far negation and modality
cues reach. The subject is the country (or coordinated countries: *Finnland und Schweden*) nearest
before the trigger, or after it for "Article 5 does not apply to X" / "NATO member Poland".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kg.facts.context import DocContext, speaker_in_frame
from kg.facts.patterns import ObjectSource, RelationRule, Scope
from kg.facts.time import MONTHS, WEEKDAYS, find_times
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
    Token,
)

SUBJECT_KINDS = frozenset({EntityKind.COUNTRY})
FALLBACK_TO_TOPIC_ORG = frozenset({Predicate.CANDIDATE_FOR, Predicate.MEMBER_OF})
CUE_WORDS_BEFORE = 3
CUE_WORDS_AFTER = 3
CLAUSE_WORDS_AFTER_DE = 10
CONDITION_OPENERS = frozenset(
    ["ob", "wenn", "falls", "sofern", "dass", "whether", "if", "unless", "that", "once"]
)
GENITIVE_LINKS = frozenset({"der", "des", "von", "of"})
GROUP_GLUE = frozenset({"die", "den", "der", "dem", "the", ","})


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
    subjects = _subjects(ctx, rule, trigger, s.begin, s.end)
    if not subjects:
        return []
    objects = _objects(ctx, rule, trigger, subjects, s.begin, s.end)
    if not objects:
        return []
    window = _window(ctx, rule, trigger, subjects, s.begin, s.end)
    polarity, modality = _factuality(ctx, rule, _cue_words(ctx, window, trigger, subjects))
    if ctx.analysis.has_parser and _parsed_negation(ctx, trigger, s.begin, s.end):
        polarity = Polarity.NEGATIVE
    if modality is Modality.ASSERTED and _governed_by_demand(ctx, s.begin, trigger.start()):
        modality = Modality.DEMANDED
    speaker = _attribution(ctx, window, sentence_index, quotations)
    time = _time(ctx, window, s.begin, s.end)
    confidence = rule.confidence * min(m.score for m in subjects)
    return [
        Fact(
            subject=m.entity,
            predicate=rule.predicate,
            object=obj,
            evidence=s,
            sentence=sentence_index,
            extractor=relation_extractor(ctx.lang, rule),
            confidence=round(min(1.0, max(0.05, confidence)), 3),
            polarity=polarity,
            modality=modality,
            attributed_to=speaker,
            time=time,
        )
        for m in subjects
        for obj in objects
    ]


# --- subjects ------------------------------------------------------------------------------------
def _is_subject_mention(m: Mention) -> bool:
    # adjectival demonyms (russische Nachbarn, Russian troops) are not subjects
    return m.entity.kind in SUBJECT_KINDS and m.span.text[:1].isupper()


def _subjects(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], begin: int, end: int
) -> list[Mention]:
    after_words = ctx.words(trigger.end(), end)
    if rule.subject_after is not None:
        link = rule.subject_after.search(ctx.text, trigger.end(), min(end, trigger.end() + 40))
        if link is not None:
            group = _group_after(ctx, link.end(), end)
            if group:
                return group
    if rule.genitive_subject and after_words:
        # "Russland lehnt den Beitritt der Ukraine ab", "den Beitritt Finnlands": the country after
        start = after_words[0][1] if after_words[0][2].lower() in GENITIVE_LINKS else after_words[0][0]
        group = _group_after(ctx, start, end)
        if group and (start != after_words[0][0] or group[0].span.begin == after_words[0][0]):
            return group
    # "NATO member Poland", "NATO-Mitglied Polen": an apposition right after the trigger
    if after_words:
        direct = [m for m in ctx.mentions_in(after_words[0][0], end) if m.span.begin == after_words[0][0]]
        if (
            direct
            and _is_subject_mention(direct[0])
            and rule.obj in (ObjectSource.IN_TRIGGER, ObjectSource.ADJACENT)
        ):
            return _group_after(ctx, after_words[0][0], end)
    if ctx.analysis.has_parser and rule.subject_after is None:
        parsed = _parsed_subjects(ctx, trigger, begin, end)
        if parsed:
            return parsed
    before_words = ctx.words(begin, trigger.start())
    reach = rule.subject_reach
    counted = [w for w in before_words if w[2][:1].isalnum()]  # punctuation does not count
    floor = counted[-reach][0] if len(counted) > reach else begin
    candidates = [m for m in ctx.mentions_in(floor, trigger.start()) if _is_subject_mention(m)]
    if not candidates:
        return []
    nearest = _outside_parenthesis(ctx, candidates, trigger.start())
    if rule.scope is Scope.LOCAL and not _predicative_gap(ctx, nearest.span.end, trigger.start()):
        return []  # "Russland droht den NATO-Mitgliedern": Russia is no member
    if (
        rule.predicate is Predicate.CANDIDATE_FOR
        and set(ctx.lower_words(nearest.span.end, trigger.start())) & OPPOSING
    ):
        return []  # "Russland blockiert einen Beitritt", "Russia opposes membership": no candidate
    group = [nearest]
    for m in reversed(candidates[: candidates.index(nearest)]):
        between = ctx.lower_words(m.span.end, group[0].span.begin)
        if (
            between
            and all(w in ctx.patterns.coordination or w in GROUP_GLUE for w in between)
            and any(w in ctx.patterns.coordination for w in between)
        ) or not between:
            group.insert(0, m)
        else:
            break
    return group


# Words that may stand between a subject and a nominal trigger that describes it ("Norwegen ist seit
# Jahrzehnten Mitglied", "Finland, a close partner to NATO but not a member"); a verb that is not a
# copula means the noun is about something else ("Russland droht den NATO-Mitgliedern").
PREDICATIVE_GAP = frozenset(
    [
        "ist",
        "sind",
        "sei",
        "seien",
        "wäre",
        "wären",
        "sein",
        "war",
        "waren",
        "wird",
        "werden",
        "wurde",
        "wurden",
        "bleibt",
        "bleiben",
        "bleibe",
        "blieb",
        "gilt",
        "gelte",
        "galt",
        "hat",
        "haben",
        "hatte",
        "als",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "und",
        "oder",
        "sowie",
        "aber",
        "sondern",
        "auch",
        "bereits",
        "schon",
        "noch",
        "längst",
        "seit",
        "langem",
        "jahren",
        "jahrzehnten",
        "jahrzehnte",
        "dagegen",
        "jedoch",
        "zwar",
        "weiterhin",
        "inzwischen",
        "mittlerweile",
        "nun",
        "jetzt",
        "derzeit",
        "in",
        "im",
        "welche",
        "welcher",
        "zu",
        "zur",
        "zum",
        "von",
        "vom",
        "mit",
        "ohne",
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "nie",
        "niemals",
        "mehr",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "be",
        "remains",
        "remain",
        "remained",
        "becomes",
        "became",
        "become",
        "a",
        "an",
        "the",
        "as",
        "and",
        "or",
        "but",
        "also",
        "already",
        "still",
        "long",
        "not",
        "no",
        "longer",
        "never",
        "yet",
        "which",
        "who",
        "that",
        "since",
        "of",
        "to",
        "with",
        "in",
        "for",
        "its",
        "their",
        "'s",
        "’s",
        "years",
        "decades",
        "partner",
        "partners",
        "partnerin",
        "mitglied",
        "mitglieder",
        "member",
        "members",
        "ally",
        "allies",
        ",",
        "(",
        ")",
        "–",
    ]
)
# Verbs by which a third party acts against a candidacy (a candidate declining is "lehnt ab", "declines")
OPPOSING = frozenset(
    [
        "blockiert",
        "blockieren",
        "blockierte",
        "blockierten",
        "verhindern",
        "verhindert",
        "verhinderte",
        "kritisiert",
        "kritisieren",
        "kritisierte",
        "warnt",
        "warnen",
        "warnte",
        "droht",
        "drohen",
        "drohte",
        "bekämpft",
        "opposes",
        "oppose",
        "opposed",
        "blocks",
        "block",
        "blocked",
        "criticises",
        "criticizes",
        "criticised",
        "criticized",
        "warns",
        "warned",
        "threatens",
        "threatened",
        "vetoes",
        "vetoed",
    ]
)
TIME_LINKS = frozenset({"bis", "ab", "am", "until", "from", "on", "dem"})
# modal auxiliaries and verbs of receiving a status keep the noun about the subject
MODAL_OR_RECEIVING = frozenset(
    [
        "would",
        "will",
        "could",
        "may",
        "might",
        "should",
        "must",
        "can",
        "cannot",
        "würde",
        "würden",
        "könnte",
        "könnten",
        "soll",
        "sollte",
        "sollten",
        "muss",
        "müsse",
        "kann",
        "dürfte",
        "dürften",
        "möchte",
        "will",
        "wollen",
        "erhielt",
        "erhält",
        "erhalten",
        "erhielten",
        "bekam",
        "bekommt",
        "bekommen",
        "received",
        "receives",
        "receive",
        "got",
        "gets",
        "granted",
        "obtained",
    ]
)
ADJECTIVE_LIKE = re.compile(r"[a-zäöüß][a-zäöüß-]*(?:e|er|en|es|em|est|ive|al|ful|ic|ing|time|key|close)$")


def _predicative_gap(ctx: DocContext, begin: int, end: int) -> bool:
    words = ctx.words(begin, end)
    for i, (b, e, w) in enumerate(words):
        low = w.lower()
        if low in PREDICATIVE_GAP or low in MODAL_OR_RECEIVING or ctx.mentions_overlapping(b, e):
            continue
        if re.fullmatch(r"\d+\.?", low) or low.rstrip(".") in MONTHS or low in WEEKDAYS or low in TIME_LINKS:
            continue  # "war bis zum 1. Mai 2023 Mitglied", "since 1999"
        following = words[i + 1][2] if i + 1 < len(words) else ""
        prenominal = (
            i + 1 == len(words)
            or bool(ctx.mentions_overlapping(words[i + 1][0], words[i + 1][1]))
            or (
                following.lower() in PREDICATIVE_GAP
                and following.lower() not in ("und", "and", ",", "der", "die", "the")
            )
            or bool(ADJECTIVE_LIKE.fullmatch(following))
        )
        if ADJECTIVE_LIKE.fullmatch(w) and prenominal:
            continue  # an adjective before the noun: "langjährige NATO-Partner", "a close partner"
        return False
    return True


def _outside_parenthesis(ctx: DocContext, candidates: list[Mention], trigger_at: int) -> Mention:
    """The nearest candidate, unless it stands in a parenthesis set off by two commas before the trigger
    ("Sweden, unlike Russia, wants to join") while another candidate stands right before it."""
    nearest = candidates[-1]
    words = ctx.words(candidates[0].span.begin, trigger_at)
    commas = [b for b, _, w in words if w == ","]
    for first, second in itertools.pairwise(commas):
        if first < nearest.span.begin and nearest.span.end <= second:
            before = [m for m in candidates if m.span.end <= first]
            if before and not [w for w in ctx.lower_words(before[-1].span.end, first) if w[:1].isalnum()]:
                return before[-1]
    return nearest


# Subject relations of the parsers spaCy ships: TIGER (German) and ClearNLP/UD (English).
SUBJECT_DEPS = frozenset({"sb", "sbp", "nsubj", "nsubjpass", "nsubj:pass"})
CONJUNCT_DEPS = frozenset({"cj", "conj", "cd", "cc"})
NEGATION_DEPS = frozenset({"ng", "neg"})
MAX_HEAD_STEPS = 4


def _trigger_tokens(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> list[Token]:
    sentence = ctx.sentence_at(begin)
    return [t for t in ctx.tokens_by_sentence.get(sentence, []) if trigger.start() <= t.begin < trigger.end()]


def _governing_tokens(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> list[Token]:
    """The trigger's tokens and the chain of their heads up to (and including) the clause's verb."""
    by_index = {t.index: t for t in ctx.analysis.tokens}
    chain: list[Token] = []
    for token in _trigger_tokens(ctx, trigger, begin, end):
        current = token
        for _ in range(MAX_HEAD_STEPS):
            chain.append(current)
            if current.pos in ("VERB", "AUX") and any(
                c.dep in SUBJECT_DEPS for c in ctx.analysis.tokens if c.head == current.index
            ):
                break
            parent = by_index.get(current.head)
            if parent is None or parent.index == current.index:
                break
            current = parent
    return chain


def _parsed_subjects(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> list[Mention]:
    """Countries in the subject (and its conjuncts) of the verb that governs the trigger."""
    chain = {t.index for t in _governing_tokens(ctx, trigger, begin, end)}
    subjects = {t.index for t in ctx.analysis.tokens if t.head in chain and t.dep in SUBJECT_DEPS}
    frontier = set(subjects)
    while frontier:  # Finnland und Schweden: cd -> cj, or conj
        frontier = {t.index for t in ctx.analysis.tokens if t.head in frontier and t.dep in CONJUNCT_DEPS}
        frontier -= subjects
        subjects |= frontier
    spans = [(t.begin, t.end) for t in ctx.analysis.tokens if t.index in subjects]
    found = [
        m
        for m in ctx.mentions_in(begin, end)
        if _is_subject_mention(m)
        and any((m.span.begin <= b and e <= m.span.end) or b <= m.span.begin < e for b, e in spans)
    ]
    return found


def _parsed_negation(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    chain = {t.index for t in _governing_tokens(ctx, trigger, begin, end)}
    return any(t.head in chain and t.dep in NEGATION_DEPS for t in ctx.analysis.tokens)


def _group_after(ctx: DocContext, begin: int, end: int) -> list[Mention]:
    mentions = [m for m in ctx.mentions_in(begin, end) if _is_subject_mention(m)]
    if not mentions:
        return []
    lead = ctx.lower_words(begin, mentions[0].span.begin)
    if any(w not in GROUP_GLUE for w in lead):
        return []
    group = [mentions[0]]
    for m in mentions[1:]:
        between = ctx.lower_words(group[-1].span.end, m.span.begin)
        if between and all(w in ctx.patterns.coordination or w in GROUP_GLUE for w in between):
            group.append(m)
        else:
            break
    return group


# --- objects -------------------------------------------------------------------------------------
def _objects(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], subjects: list[Mention], begin: int, end: int
) -> list[Entity]:
    """The object, or for "borders Sweden and Finland" each coordinated country."""
    if rule.obj is ObjectSource.COUNTRY_AFTER:
        subject_keys = {m.entity.key for m in subjects}
        return [m.entity for m in _group_after(ctx, trigger.end(), end) if m.entity.key not in subject_keys]
    obj = _object(ctx, rule, trigger, subjects, begin, end)
    return [obj] if obj is not None else []


def _object(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], subjects: list[Mention], begin: int, end: int
) -> Entity | None:
    subject_keys = {m.entity.key for m in subjects}
    if rule.obj is ObjectSource.TREATY:
        return _treaty(ctx, rule, trigger, begin, end)
    if rule.obj is ObjectSource.BEFORE_SUBJECT:
        orgs = [
            o for o in ctx.organisations_in(begin, subjects[0].span.begin) if o[2].key not in subject_keys
        ]
        return orgs[-1][2] if orgs else None
    inside = [o for o in ctx.organisations_in(trigger.start(), trigger.end()) if o[2].key not in subject_keys]
    if inside:  # NATO-Partner; trat … der NATO bei
        return inside[0][2]
    if rule.obj is ObjectSource.ADJACENT:
        return _adjacent_org(ctx, trigger, subject_keys, begin, end)
    if rule.obj is ObjectSource.IN_TRIGGER:
        before = ctx.words(begin, trigger.start())[-2:]
        if before:
            orgs = [
                o for o in ctx.organisations_in(before[0][0], trigger.start()) if o[2].key not in subject_keys
            ]
            if orgs:
                return orgs[-1][2]
    near = _nearest_org(ctx, trigger, subject_keys, begin, end)
    if near is None and rule.predicate in FALLBACK_TO_TOPIC_ORG:
        # "Georgien hat keinen Kandidatenstatus": the organisation the text is about
        topic = ctx.organisation_before(trigger.start())
        if topic is not None and topic.key not in subject_keys:
            return topic
    return near


def _adjacent_org(
    ctx: DocContext, trigger: re.Match[str], exclude: set[str], begin: int, end: int
) -> Entity | None:
    """An organisation right at the trigger: "NATO partner", "NATO's partner", "partner of/to/with NATO"."""
    before = ctx.words(begin, trigger.start())
    i = len(before)
    while i > 0 and len(before) - i < 2 and before[i - 1][2][:1].islower() and before[i - 1][2].isalpha():
        i -= 1  # "NATO's closest partner", "a NATO partner": up to two adjectives
    if i > 0 and before[i - 1][2].lower() in ("'s", "’s"):
        i -= 1
    if i > 0:
        at = before[i - 1][0]
        orgs = [o for o in ctx.organisations_in(at, trigger.start()) if o[2].key not in exclude]
        if orgs:
            return orgs[-1][2]
    after = ctx.words(trigger.end(), end)[:3]
    if after and after[0][2].lower() in ("of", "to", "with", "der", "des", "von"):
        orgs = [o for o in ctx.organisations_in(after[0][1], after[-1][1]) if o[2].key not in exclude]
        if orgs:
            return orgs[0][2]
    return None


def _nearest_org(
    ctx: DocContext, trigger: re.Match[str], exclude: set[str], begin: int, end: int
) -> Entity | None:
    after = ctx.words(trigger.end(), end)[:5]
    if after:
        orgs = [o for o in ctx.organisations_in(trigger.end(), after[-1][1]) if o[2].key not in exclude]
        if orgs:
            return orgs[0][2]
    before = ctx.words(begin, trigger.start())[-8:]
    if before:
        orgs = [o for o in ctx.organisations_in(before[0][0], trigger.start()) if o[2].key not in exclude]
        if orgs:
            return orgs[-1][2]
    return None


def _treaty(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], begin: int, end: int
) -> Entity | None:
    assert rule.requires is not None
    matches = list(rule.requires.finditer(ctx.text, begin, end))
    if not matches:
        return None
    nearest = min(matches, key=lambda m: min(abs(m.start() - trigger.end()), abs(trigger.start() - m.end())))
    linked = [
        m
        for m in ctx.mentions_overlapping(nearest.start(), nearest.end())
        if m.entity.kind in (EntityKind.TREATY_CLAUSE, EntityKind.OTHER)
    ]
    if linked:
        return linked[0].entity
    label = re.sub(r"\s+", " ", nearest.group(0))
    label = re.sub(r"^Art\.\s*", "Artikel " if ctx.lang == "de" else "Article ", label)
    return Entity(label=label, kind=EntityKind.TREATY_CLAUSE, label_lang=ctx.lang)


# --- factuality ----------------------------------------------------------------------------------
def _window(
    ctx: DocContext, rule: RelationRule, trigger: re.Match[str], subjects: list[Mention], begin: int, end: int
) -> Window:
    before = ctx.words(begin, trigger.start())
    after = ctx.words(trigger.end(), end)
    tail = trigger.end()
    # a German clause ends in its verb: "… die Mitgliedschaft in der NATO beantragt"
    reach = CUE_WORDS_AFTER if rule.scope is Scope.LOCAL or ctx.lang != "de" else CLAUSE_WORDS_AFTER_DE
    for _b, e, w in after[:reach]:
        if w in ",;:.!?":
            break
        tail = e
    head = before[-CUE_WORDS_BEFORE][0] if len(before) >= CUE_WORDS_BEFORE else begin
    if rule.scope is Scope.LOCAL:
        # three words before the trigger, but not back past a subject standing closer
        last_subject_end = subjects[-1].span.end
        lo = max(head, last_subject_end) if last_subject_end <= trigger.start() else head
        return Window(lo, trigger.end())
    # two words before the subject too: "invite Finland and Sweden to join"
    lead = ctx.words(begin, subjects[0].span.begin)[-2:]
    lo = min(head, lead[0][0] if lead and not any(w in ",;:" for _, _, w in lead) else subjects[0].span.begin)
    hi = max(tail, subjects[-1].span.end)
    return Window(lo, hi)


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
        if i not in skip and not (trigger.start() <= b and e <= trigger.end())
    ]


def _governed_by_demand(ctx: DocContext, begin: int, end: int) -> bool:
    """ "Russland fordert, dass …", "the demand that …": the clause that governs the fact's "dass"/"that"."""
    words = ctx.words(begin, end)
    complementisers = [i for i, (_, _, w) in enumerate(words) if w.lower() in ("dass", "that")]
    if not complementisers:
        return False
    last = complementisers[-1]
    start = last - 1 if last > 0 and words[last - 1][2] == "," else last  # the comma before "dass"
    while start > 0 and words[start - 1][2] not in ",;:":
        start -= 1
    governing = {w.lower() for _, _, w in words[start:last]}
    demand = dict(ctx.patterns.modality_cues).get(Modality.DEMANDED, frozenset())
    return bool(governing & demand)


def _factuality(ctx: DocContext, rule: RelationRule, cue_words: list[str]) -> tuple[Polarity, Modality]:
    words = set(cue_words)
    text = " ".join(cue_words)
    negative = bool(words & ctx.patterns.negation) or any(p in text for p in ctx.patterns.negation_phrases)
    if words & ctx.patterns.denial_cues:
        return Polarity.NEGATIVE, Modality.DENIED
    if rule.polarity is not None:
        negative = rule.polarity is Polarity.NEGATIVE
    modality = rule.modality
    if modality is None:
        for candidate, cues in ctx.patterns.modality_cues:
            if words & cues:
                modality = candidate
                break
    return (Polarity.NEGATIVE if negative else Polarity.POSITIVE), modality or Modality.ASSERTED


def _attribution(
    ctx: DocContext, window: Window, sentence_index: int, quotations: list[Quotation]
) -> Entity | None:
    for q in quotations:
        if q.span.begin <= window.begin < q.span.end:
            return q.speaker
    s = ctx.sentence(sentence_index).span
    speaker, verb_at = speaker_in_frame(ctx, s.begin, window.begin, window.begin)
    if verb_at < 0:  # "Article 5 does not apply to Ukraine, Stoltenberg said."
        speaker, verb_at = speaker_in_frame(ctx, window.end, s.end, window.begin)
    return speaker if verb_at >= 0 else None


def _time(ctx: DocContext, window: Window, begin: int, end: int) -> TimeRef | None:
    times = find_times(ctx.text[begin:end], begin, ctx.document.published, ctx.lower_words(begin, end))
    clause_end = window.end
    for b, _, w in ctx.words(window.end, end):
        if w in ",;:":
            break
        clause_end = max(clause_end, b + len(w))
    inside = [t for t in times if window.begin <= t.begin < clause_end]
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
