"""Who a relation is about: the country (or coordinated countries) a trigger describes.

Before the trigger by default, nearest first and not from inside a parenthesis; after it for "Article 5
does not apply to X", "NATO member Poland" and "der Beitritt der Ukraine"; from the dependency parse
when there is one. A nominal trigger ("NATO-Mitglied") describes the subject only across a
predicative gap (copula, modal, adjectives) — "Russland droht den NATO-Mitgliedern" is about others.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from kg.facts.context import ORG_ANAPHORA_LINKER, DocContext
from kg.facts.gap import predicative_gap
from kg.facts.kbview import capital_country, is_demonym
from kg.facts.patterns import ObjectSource, RelationRule, Scope
from kg.model import EntityKind, Extractor, Mention, Predicate, Token, TriggerHit

SUBJECT_KINDS = frozenset({EntityKind.COUNTRY})
SUBJECT_AFTER_REACH = 70  # characters from the trigger to the link word ("für", "to")


def is_subject_mention(m: Mention, kinds: frozenset[EntityKind] = SUBJECT_KINDS) -> bool:
    # adjectival demonyms (russische Nachbarn, Russian troops) are not subjects; "the bloc" is
    return m.entity.kind in kinds and (m.span.text[:1].isupper() or m.linker == ORG_ANAPHORA_LINKER)


def find_subjects(
    ctx: DocContext, rule: RelationRule, trigger: TriggerHit, begin: int, end: int
) -> list[Mention]:
    after_words = ctx.words(trigger.end, end)
    if rule.subject_after is not None:
        # "gilt die Beistandsgarantie nach Artikel 5 nicht für die Ukraine": the link may follow the
        # clause's whole subject
        reach = min(end, trigger.end + SUBJECT_AFTER_REACH)
        link = rule.subject_after.search(ctx.text, trigger.end, reach)
        if link is not None:
            group = group_after(ctx, link.end(), end, rule.subject_kinds) or anaphora_right_after(
                ctx, link.end(), end
            )
            if group:
                return group
        if rule.subject_after_only:
            return []
    if rule.genitive_subject and after_words:
        # "Russland lehnt den Beitritt der Ukraine ab", "den Beitritt Finnlands": the country after
        start = (
            after_words[0][1] if after_words[0][2].lower() in ctx.vocab.genitive_links else after_words[0][0]
        )
        talks = _talks_with(ctx, trigger.text, after_words)
        if talks is not None:  # "Beitrittsverhandlungen mit der Ukraine", "accession talks with Ukraine"
            start = talks
        group = group_after(ctx, start, end, rule.subject_kinds)
        if group and (start != after_words[0][0] or group[0].span.begin == after_words[0][0]):
            return group
        anaphora = ctx.patterns.group_anaphora.match(ctx.text, start)
        if anaphora is not None:  # "den Beitritt beider Staaten": the countries last named together
            span = ctx.span(anaphora.start(), anaphora.end())
            sentence = ctx.sentence_at(anaphora.start())
            return [
                Mention(span, sentence, country, 0.7, ANAPHORA_LINKER)
                for country in ctx.country_group_before(anaphora.start())
            ]
    if rule.predicate is Predicate.CANDIDATE_FOR:
        attributive = attributive_candidate(ctx, trigger, begin)
        if attributive is not None:
            return [attributive]  # "die Ablehnung eines schwedischen Nato-Beitritts": Sweden's accession
    # "NATO member Poland", "NATO-Mitglied Polen": an apposition right after the trigger
    if after_words:
        direct = [m for m in ctx.mentions_in(after_words[0][0], end) if m.span.begin == after_words[0][0]]
        if (
            direct
            and is_subject_mention(direct[0], rule.subject_kinds)
            and rule.obj in (ObjectSource.IN_TRIGGER, ObjectSource.ADJACENT, ObjectSource.OFFICE_AFTER)
        ):
            return group_after(ctx, after_words[0][0], end, rule.subject_kinds)
    if ctx.analysis.has_parser and rule.subject_after is None:
        parsed = _parsed_subjects(ctx, trigger, begin, end, rule.subject_kinds)
        if parsed:
            return parsed
    before_words = ctx.words(begin, trigger.begin)
    counted = [w for w in before_words if w[2][:1].isalnum()]  # punctuation does not count
    candidates = _candidates_before(ctx, rule, counted, begin, trigger.begin, rule.subject_reach)
    if not candidates and rule.scope is Scope.LOCAL:
        # "Ukraine has long been a close partner of NATO but is not a member": a second predicate
        # reaches further back, but only across a predicative gap (checked below)
        candidates = _candidates_before(ctx, rule, counted, begin, trigger.begin, 2 * rule.subject_reach)
    if not candidates:
        return []
    nearest = _outside_parenthesis(ctx, candidates, trigger.begin, begin)
    if nearest not in candidates:  # found before a relative clause, further back than the reach
        candidates = [*(m for m in candidates if m.span.end <= nearest.span.begin), nearest]
    between = ctx.lower_words(nearest.span.end, trigger.begin)
    if any(
        w in ctx.vocab.predicate_conjunctions and v in ctx.vocab.copulas
        for w, v in itertools.pairwise(between)
    ):
        # "Estland grenzt an Russland und ist seit 2004 Mitglied": a second predicate of the subject
        coordinated = _coordinated_predicate_subject(ctx, candidates, begin, trigger.begin)
        if coordinated:
            return coordinated
    if rule.scope is Scope.LOCAL and not predicative_gap(ctx, nearest.span.end, trigger.begin):
        # "Moldau hat die Mitgliedschaft beantragt und ist seit Juni Beitrittskandidat": a second
        # predicate of the sentence's subject; else "Russland droht den NATO-Mitgliedern": no member
        return _coordinated_predicate_subject(ctx, candidates, begin, trigger.begin)
    if rule.predicate is Predicate.CANDIDATE_FOR and _acts_on_a_candidacy(ctx, nearest, trigger, end):
        return []
    # a list coordinated with the nearest subject may begin beyond the reach: "Japan and South Korea
    # are close partners of NATO but are not members"
    # (when the reach already spans the sentence, the candidates are everyone: no second search)
    everyone = (
        candidates
        if len(counted) <= rule.subject_reach
        else _candidates_before(ctx, rule, counted, begin, trigger.begin, len(counted) + 1)
    )
    earlier = (
        everyone[: everyone.index(nearest)]
        if nearest in everyone
        else [m for m in everyone if m.span.end <= nearest.span.begin]
    )
    group = [nearest]
    opener = _comitative_opener(ctx, earlier, nearest, begin)
    if opener is not None:
        # "Schweden hatte gemeinsam mit Finnland die Mitgliedschaft beantragt": both applied
        return [opener, nearest]
    for m in reversed(earlier):
        between = ctx.lower_words(m.span.end, group[0].span.begin)
        if (
            between
            and all(w in ctx.patterns.coordination or w in ctx.vocab.group_glue for w in between)
            and any(w in ctx.patterns.coordination for w in between)
        ) or not between:
            group.insert(0, m)
        else:
            break
    return group


def _acts_on_a_candidacy(ctx: DocContext, nearest: Mention, trigger: TriggerHit, end: int) -> bool:
    """The subject acts on a candidacy, it is not the candidate: "Russland blockiert einen Beitritt",
    "Russia opposes membership", "Hungary has delayed a vote on the accession", "Ungarn hat den Beitritt
    noch nicht ratifiziert" (a verb that ends the clause is the subject's too)."""
    words = set(ctx.lower_words(nearest.span.end, trigger.begin))
    if ctx.grammar.verb_final:
        after = ctx.words(trigger.end, end)
        clause_end = next((b for b, _, w in after if w in ",;:.!?"), end)
        words |= set(ctx.lower_words(trigger.end, clause_end)[-2:])
    return bool(words & (ctx.vocab.opposing | ctx.vocab.acting_on_candidacy))


def _talks_with(ctx: DocContext, trigger: str, after: list[tuple[int, int, str]]) -> int | None:
    """Where the candidate begins after "Beitrittsverhandlungen mit", "accession talks with"."""
    words = [w.lower() for _, _, w in after[:2]]
    if trigger.lower().endswith(ctx.vocab.talk_nouns) and words[:1] and words[0] in ctx.vocab.talk_links:
        return after[0][1]
    if len(words) == 2 and words[0] in ctx.vocab.talk_nouns and words[1] in ctx.vocab.talk_links:
        return after[1][1]
    return None


def _coordinated_predicate_subject(
    ctx: DocContext, candidates: list[Mention], begin: int, end: int
) -> list[Mention]:
    """The subject that opens the sentence, when the trigger stands in a predicate coordinated with the
    first one ("… und ist seit 2022 Beitrittskandidat", "… but is not a member", "…, sind aber Partner")."""
    words = ctx.words(begin, end)
    for i in range(len(words) - 2, -1, -1):
        # "… but are not members", "… but they are among NATO's partners": a pronoun may repeat the subject
        verb = (
            i + 2 if words[i + 1][2].lower() in ctx.vocab.subject_pronouns and i + 2 < len(words) else i + 1
        )
        if (words[i][2].lower() in ctx.vocab.predicate_conjunctions or words[i][2] == ",") and words[verb][
            2
        ].lower() in ctx.vocab.copulas:
            if not predicative_gap(ctx, words[verb][0], end):
                return []
            opening = [w for w in words[:i] if w[2][:1].isalnum()][:2]
            first = [m for m in candidates if m.span.end <= words[i][0]]
            if not first or not opening or first[0].span.begin > opening[-1][0]:
                return []  # the sentence does not open with the subject
            group = [first[0]]
            for m in first[1:]:
                between = ctx.lower_words(group[-1].span.end, m.span.begin)
                if between and not all(
                    w in ctx.patterns.coordination or w in ctx.vocab.group_glue for w in between
                ):
                    break
                group.append(m)
            return group
    return []


def _candidates_before(
    ctx: DocContext, rule: RelationRule, counted: list[tuple[int, int, str]], begin: int, end: int, reach: int
) -> list[Mention]:
    floor = counted[-reach][0] if len(counted) > reach else begin
    found = []
    for m in ctx.mentions_in(floor, end):
        if is_subject_mention(m, rule.subject_kinds):
            if not _attributive_demonym(ctx, m):
                found.append(m)
        elif rule.predicate is Predicate.MEMBER_OF and _organisation_opens_clause(ctx, m, begin):
            # "The European Union is a member of the G20": an organisation as the clause's subject
            found.append(m)
        elif rule.predicate is Predicate.CANDIDATE_FOR and m.entity.key in ctx.person_country:
            # "Der ukrainische Präsident X forderte die Aufnahme": the person speaks for the country
            found.append(replace(m, entity=ctx.person_country[m.entity.key]))
        elif (
            rule.predicate in METONYMY_PREDICATES
            and m.span.text[:1].isupper()
            and not m.span.text.isupper()  # "JOHANNESBURG (Reuters) -": a dateline, not a government
            and not _after_preposition(ctx, m)
        ):
            # "Belgrade is not seeking NATO membership", "Kyjiw will der EU beitreten": the capital's country
            country = capital_country(ctx.kb, m.entity, ctx.lang)
            if country is not None:
                found.append(replace(m, entity=country))
    if rule.predicate is Predicate.CANDIDATE_FOR:
        found.extend(_country_anaphora(ctx, floor, end))
    elif rule.predicate in (Predicate.MEMBER_OF, Predicate.PARTNER_OF):
        # "The country is a member of NATO": a definite anaphora, never a bare possessive ("its members")
        found.extend(m for m in _country_anaphora(ctx, floor, end) if m.score >= DEFINITE_ANAPHORA_SCORE)
    for a in ctx.patterns.group_anaphora.finditer(ctx.text, floor, end):
        # "beide Länder", "both countries": the countries last named together
        span = ctx.span(a.start(), a.end())
        for country in ctx.country_group_before(a.start()):
            found.append(Mention(span, ctx.sentence_at(a.start()), country, 0.7, ANAPHORA_LINKER))
    return sorted(found, key=lambda m: m.span.begin)


DATELINE_DASHES = frozenset({"-", "–", "—"})
AGENT_LIST_KINDS = frozenset({EntityKind.ORGANISATION, EntityKind.COUNTRY})


def _organisation_opens_clause(ctx: DocContext, m: Mention, begin: int) -> bool:
    """An organisation stands first in the clause, after an article at most: the clause's subject, not
    an attribute ("NATO's chief said …") or an object ("talks with the EU …")."""
    anaphor = m.linker == ORG_ANAPHORA_LINKER
    if m.entity.kind is not EntityKind.ORGANISATION or not (m.span.text[:1].isupper() or anaphor):
        return False
    # "The Vienna-based organisation …": an anaphor's description opens the clause
    lead = ctx.words(begin, ctx.description_begins.get(m.span.begin, m.span.begin))
    dash = max((i for i, (_, _, w) in enumerate(lead) if w in DATELINE_DASHES), default=-1)
    before = [x for x in lead[dash + 1 :] if x[2][:1].isalnum()]  # "GENEVA (Reuters) - The EU …"
    for b, e, w in before:
        if w.lower() in ctx.vocab.clause_opening_articles:
            continue
        if w.lower() in ctx.patterns.coordination and any(
            o.entity.kind in AGENT_LIST_KINDS for o in ctx.mentions_in(begin, b)
        ):
            continue  # "The EU and the African Union are members …": a list opens the clause
        if any(o.entity.kind in AGENT_LIST_KINDS for o in ctx.mentions_overlapping(b, e)):
            continue
        return False
    following = ctx.words(m.span.end, min(len(ctx.text), m.span.end + 20))[:1]
    return not following or following[0][2] not in ctx.vocab.possessive_clitics


def _attributive_demonym(ctx: DocContext, m: Mention) -> bool:
    """ "A Finnish diplomat said …", "Russian troops": an English adjective of nationality before a
    common noun describes someone of the country, it is not the country (where nouns are capitalised,
    German, such adjectives are lower case and never linked as the country's name)."""
    if ctx.grammar.nouns_capitalised or not hasattr(ctx.kb, "lookup"):
        return False
    following = ctx.words(m.span.end, min(len(ctx.text), m.span.end + 30))[:1]
    if not following or not following[0][2][:1].islower() or not following[0][2].isalpha():
        return False
    if following[0][2] in ctx.vocab.attributive_heads:
        return True  # "U.S. officials have said membership is not on the table": not the U.S.
    return is_demonym(ctx.kb, m.span.text, ctx.lang)


METONYMY_PREDICATES = frozenset({Predicate.CANDIDATE_FOR, Predicate.MEMBER_OF})


def _after_preposition(ctx: DocContext, m: Mention) -> bool:
    before = ctx.lower_words(max(0, m.span.begin - 20), m.span.begin)[-1:]
    return bool(before) and (
        before[0] in ctx.vocab.place_links or before[0] in ctx.patterns.place_prepositions
    )


ANAPHORA_LINKER = Extractor("kg.facts.country_anaphora", "1")
DEFINITE_ANAPHORA_SCORE = 0.7  # "das Land", "the country" (a bare possessive, "its", scores lower)
POSSESSIVE_GAP = 2  # lower-case words between a bare possessive and its trigger ("its long-standing bid")


def _country_anaphora(ctx: DocContext, begin: int, end: int) -> list[Mention]:
    """ "das neutrale Land", "the country", "his country", and a bare possessive right before the
    trigger ("its membership", "seinen Beitritt"), as mentions of the country they stand for."""
    out = []
    for a in ctx.patterns.country_anaphora.finditer(ctx.text, begin, end):
        country = ctx.country_before(a.start(), possessive=a.group("poss") is not None)
        if country is not None:
            span = ctx.span(a.start(), a.end())
            out.append(Mention(span, ctx.sentence_at(a.start()), country, 0.7, ANAPHORA_LINKER))
    words = ctx.words(begin, end)
    for i in range(len(words) - 1, max(-1, len(words) - 2 - POSSESSIVE_GAP), -1):
        b, e, w = words[i]
        if w.lower() in ctx.patterns.possessives and not any(m.span.begin <= b < m.span.end for m in out):
            if all(x[:1].islower() or ctx.organisations_in(xb, xe) for xb, xe, x in words[i + 1 :]):
                personal = w.lower() not in ctx.vocab.non_personal_possessives
                country = ctx.country_before(b, possessive=personal)
                if country is not None:
                    out.append(Mention(ctx.span(b, e), ctx.sentence_at(b), country, 0.6, ANAPHORA_LINKER))
            break
    return out


def attributive_candidate(ctx: DocContext, trigger: TriggerHit, begin: int) -> Mention | None:
    """A country's adjective right before a candidacy noun ("eines schwedischen Nato-Beitritts", "a
    Swedish accession"): the country whose accession it is. Only an organisation may stand between."""
    countries = [
        m
        for m in ctx.mentions_in(max(begin, trigger.begin - 40), trigger.begin)
        if m.entity.kind is EntityKind.COUNTRY
    ]
    if not countries:
        return None
    m = countries[-1]
    for b, e, w in ctx.words(m.span.end, trigger.begin):
        if w.strip("-–") and not any(
            o.entity.kind is EntityKind.ORGANISATION for o in ctx.mentions_overlapping(b, e)
        ):
            return None  # "Nato-" of "Nato-Beitritts" may stand between, nothing else
    is_adjective = m.span.text[:1].islower() if ctx.grammar.nouns_capitalised else _is_demonym(ctx, m)
    return m if is_adjective else None


def _is_demonym(ctx: DocContext, m: Mention) -> bool:
    return is_demonym(ctx.kb, m.span.text, ctx.lang)


def anaphora_right_after(ctx: DocContext, begin: int, end: int) -> list[Mention]:
    """ "gilt für das Land nicht", "does not apply to the country": the country named before."""
    found = ctx.patterns.country_anaphora.match(
        ctx.text, begin + len(ctx.text[begin:end]) - len(ctx.text[begin:end].lstrip())
    )
    if found is None or found.end() > end:
        return []
    country = ctx.country_before(found.start(), possessive=found.group("poss") is not None)
    if country is None:
        return []
    span = ctx.span(found.start(), found.end())
    return [Mention(span, ctx.sentence_at(found.start()), country, 0.7, ANAPHORA_LINKER)]


def _outside_parenthesis(ctx: DocContext, candidates: list[Mention], trigger_at: int, begin: int) -> Mention:
    """The nearest candidate, unless it stands in a parenthesis set off by two commas before the trigger
    ("Sweden, unlike Russia, wants to join") while another candidate stands right before it."""
    nearest = candidates[-1]
    words = ctx.words(candidates[0].span.begin, trigger_at)
    commas = [b for b, _, w in words if w == ","]
    # "Georgia, which borders Russia, Turkey and Armenia, is …": a relative clause runs to the last comma
    sentence_words = ctx.words(begin, trigger_at)
    for i, (b, _, w) in enumerate(sentence_words[:-1]):
        if (
            w == ","
            and sentence_words[i + 1][2].lower() in ctx.vocab.relative_pronouns
            and b < nearest.span.begin
        ):
            if commas and commas[-1] >= nearest.span.end:
                before = [m for m in ctx.mentions_in(begin, b) if is_subject_mention(m)]
                before += [m for m in candidates if m.span.end <= b and m not in before]
                before.sort(key=lambda m: m.span.begin)
                if before and not [x for x in ctx.lower_words(before[-1].span.end, b) if x[:1].isalnum()]:
                    return before[-1]
            break
    for first, second in itertools.pairwise(commas):
        if first < nearest.span.begin and nearest.span.end <= second:
            if _list_tail(ctx, first + 1, nearest.span.end):
                # "Norway, Iceland and Liechtenstein, two members of …", "Österreich, Irland und Malta sind
                # Partner, aber keine Mitglieder": the commas set off a list, not a parenthesis
                continue
            before = [m for m in candidates if m.span.end <= first]
            if before and not [w for w in ctx.lower_words(before[-1].span.end, first) if w[:1].isalnum()]:
                return before[-1]
    return nearest


def _comitative_opener(
    ctx: DocContext, earlier: list[Mention], nearest: Mention, begin: int
) -> Mention | None:
    """The clause's opening subject when the nearest candidate follows "gemeinsam mit", "together with"."""
    if not earlier:
        return None
    before = " ".join(ctx.lower_words(max(begin, nearest.span.begin - 20), nearest.span.begin)[-2:])
    if not before.endswith(ctx.vocab.comitative):
        return None
    first = earlier[0]
    lead = [w for w in ctx.lower_words(begin, first.span.begin) if w[:1].isalnum()]
    return first if all(w in ctx.vocab.clause_opening_articles for w in lead) else None


def _list_tail(ctx: DocContext, begin: int, end: int) -> bool:
    """``text[begin:end]`` continues a list of subjects: names joined by "and"/"und", nothing else."""
    words = ctx.words(begin, end)
    joined = False
    for b, e, w in words:
        if w.lower() in ctx.patterns.coordination:
            joined = True
        elif w != "," and not any(is_subject_mention(m) for m in ctx.mentions_overlapping(b, e)):
            return False
    return joined


# Subject relations of the parsers spaCy ships: TIGER (German) and ClearNLP/UD (English).
SUBJECT_DEPS = frozenset({"sb", "sbp", "nsubj", "nsubjpass", "nsubj:pass"})
CONJUNCT_DEPS = frozenset({"cj", "conj", "cd", "cc"})
NEGATION_DEPS = frozenset({"ng", "neg"})
MAX_HEAD_STEPS = 4


def _trigger_tokens(ctx: DocContext, trigger: TriggerHit, begin: int, end: int) -> list[Token]:
    sentence = ctx.sentence_at(begin)
    return [t for t in ctx.tokens_by_sentence.get(sentence, []) if trigger.begin <= t.begin < trigger.end]


def _governing_tokens(ctx: DocContext, trigger: TriggerHit, begin: int, end: int) -> list[Token]:
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


def _parsed_subjects(
    ctx: DocContext,
    trigger: TriggerHit,
    begin: int,
    end: int,
    kinds: frozenset[EntityKind] = SUBJECT_KINDS,
) -> list[Mention]:
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
        if is_subject_mention(m, kinds)
        and any((m.span.begin <= b and e <= m.span.end) or b <= m.span.begin < e for b, e in spans)
    ]
    return found


def parsed_negation(ctx: DocContext, trigger: TriggerHit, begin: int, end: int) -> bool:
    chain = {t.index for t in _governing_tokens(ctx, trigger, begin, end)}
    return any(t.head in chain and t.dep in NEGATION_DEPS for t in ctx.analysis.tokens)


def group_after(
    ctx: DocContext, begin: int, end: int, kinds: frozenset[EntityKind] = SUBJECT_KINDS
) -> list[Mention]:
    mentions = [m for m in ctx.mentions_in(begin, end) if is_subject_mention(m, kinds)]
    if not mentions:
        return []
    lead = ctx.lower_words(begin, mentions[0].span.begin)
    if any(w not in ctx.vocab.group_glue for w in lead):
        return []
    group = [mentions[0]]
    for m in mentions[1:]:
        between = ctx.lower_words(group[-1].span.end, m.span.begin)
        if between and all(w in ctx.patterns.coordination or w in ctx.vocab.group_glue for w in between):
            group.append(m)
        else:
            break
    return group
