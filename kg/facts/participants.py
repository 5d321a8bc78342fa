"""Who takes part in a meeting: the people of a meeting verb's clause (or a description or pronoun
standing for someone named before), those linked to a meeting noun by mit/zwischen/with/between, the
subjects of a support verb ("held talks"), a host and the one invited, the two of "after meeting X".
Used by ``meetings``."""

from __future__ import annotations

import itertools
import re

from kg.facts.context import DocContext
from kg.facts.patterns import MeetingRule
from kg.model import Entity, EntityKind, Mention

PARTICIPANT_KINDS = frozenset({EntityKind.PERSON})
PARTY_KINDS = frozenset({EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION})


def after_place_preposition(ctx: DocContext, mention: Mention, begin: int) -> bool:
    """ "sich … in Luxemburg treffen": a country after in/im/at is where, not who."""
    before = ctx.lower_words(max(begin, mention.span.begin - 12), mention.span.begin)
    return bool(before) and before[-1] in ctx.patterns.place_prepositions


def find_participants(
    ctx: DocContext, rule: MeetingRule, trigger: re.Match[str], begin: int, end: int
) -> list[Entity]:
    if rule.verbal:
        clause_begin, clause_end = clause_around(ctx, trigger, begin, end)
        named = [
            m
            for m in outermost(ctx.mentions_in(clause_begin, clause_end, PARTICIPANT_KINDS))
            if not ctx.in_quotation(m.span.begin)
        ]
        people = [m.entity for m in named]
        # "The top U.S. diplomat will travel to Kyiv, where he is due to meet X", "Am Mittwoch traf der
        # SPD-Politiker X": a description of a person named before, and the pronoun that takes it up
        described = _described_person(ctx, begin, end, trigger, {e.key for e in people})
        # "wo er mit Charles Michel zusammentreffen soll": the pronoun is the person last named
        for b, _, w in ctx.words(clause_begin, clause_end):
            if w.lower() in ctx.patterns.pronouns and w != ctx.grammar.polite_pronoun:
                person = described or ctx.recent_person(b)
                if person is not None:
                    people.insert(0, person)
            elif w.lower() in ctx.vocab.object_pronouns and not ctx.in_quotation(b):
                # "Putin received him", "wo ihn Macron empfing": someone named before, not the subject
                person = ctx.recent_person(b, exclude={e.key for e in people})
                if person is not None:
                    people.append(person)
        if described is not None and len(unique(people)) == 1:
            people.insert(0, described)
        if len(people) >= 1:
            return unique(people)
        # "NATO leaders will meet": no person, the organisation or country whose people meet
        clause_words_before = ctx.words(clause_begin, trigger.start())
        if clause_words_before:
            parties = [
                m
                for m in outermost(ctx.mentions_in(clause_words_before[0][0], trigger.start(), PARTY_KINDS))
                if m.span.text[:1].isupper()
                and not ctx.in_quotation(m.span.begin)
                and not after_place_preposition(ctx, m, begin)
            ]
            if parties:
                return unique([m.entity for m in parties])
    # a noun: the parties linked by mit/zwischen/with/between right after it ("talks with X"),
    # with the people of its clause ("Biden will hold talks with Sánchez")
    after = ctx.words(trigger.end(), end)[:LINKED_PARTIES_REACH]
    if after and after[0][2].lower() in ctx.patterns.participant_links:
        # to the place or the clause's end: "zwischen dem serbischen Präsidenten X und dem … Y in Brüssel"
        stop = next(
            (
                i
                for i, (_, _, w) in enumerate(after)
                if i > 0 and (w in ",;" or w in ctx.patterns.place_prepositions)
            ),
            len(after),
        )
        after = after[:stop]
        linked = list(ctx.mentions_in(after[0][1], after[-1][1], PARTY_KINDS))
        clause_begin, _ = clause_around(ctx, trigger, begin, end)
        linked += [
            m
            for m in ctx.mentions_in(clause_begin, trigger.start(), PARTICIPANT_KINDS)
            if not ctx.in_quotation(m.span.begin)
        ]
        linked_people = [m for m in linked if m.entity.kind is EntityKind.PERSON]
        chosen = linked_people or [m for m in linked if m.span.text[:1].isupper()]
        return unique([m.entity for m in sorted(outermost(chosen), key=lambda m: m.span.begin)])
    # "Sherman and Ryabkov held talks in Geneva": the subjects before a support verb of the noun
    clause_begin, _ = clause_around(ctx, trigger, begin, end)
    subjects = [
        m
        for m in ctx.mentions_in(clause_begin, trigger.start(), PARTICIPANT_KINDS)
        if not ctx.in_quotation(m.span.begin)
    ]
    if subjects:
        between = ctx.lower_words(subjects[-1].span.end, trigger.start())
        if any(w in ctx.vocab.support_verbs for w in between) and not ctx.patterns.say.search(
            ctx.text, subjects[-1].span.end, trigger.start()
        ):
            return unique([m.entity for m in subjects])
        # "would invite his counterpart X to Budapest for talks": the host and the one invited
        if set(ctx.lower_words(clause_begin, trigger.start())) & ctx.vocab.inviting_verbs:
            return unique([m.entity for m in subjects])
    # "after meeting Romanian President Klaus Iohannis": the gerund's object and the sentence's subject
    previous = ctx.lower_words(max(begin, trigger.start() - 12), trigger.start())[-1:]
    if previous and previous[0] in ctx.vocab.gerund_openers and trigger.group(0).lower() == "meeting":
        met = ctx.mentions_in(trigger.end(), min(end, trigger.end() + 60), PARTICIPANT_KINDS)[:1]
        meeting = [
            m
            for m in ctx.mentions_in(begin, trigger.start(), PARTICIPANT_KINDS)
            if not ctx.in_quotation(m.span.begin)
        ][:1]
        if met and meeting:
            return unique([meeting[0].entity, met[0].entity])
    return []


LINKED_PARTIES_REACH = 16  # words after "zwischen"/"between"/"mit"/"with"


def _described_person(
    ctx: DocContext, begin: int, end: int, trigger: re.Match[str], named: set[str]
) -> Entity | None:
    """A singular definite description that opens the sentence or follows the meeting verb and names no
    one ("The top U.S. diplomat", "der SPD-Politiker"): the person last named before the sentence, the
    one whose office is of the country the description names when it names one."""
    words = ctx.words(begin, end)
    starts = [0]
    after_verb = next((i for i, w in enumerate(words) if w[0] >= trigger.end()), None)
    if after_verb is not None:
        starts.append(after_verb)
    articles = ctx.vocab.description_articles
    for start in starts:
        if start >= len(words) or words[start][2].lower() not in articles:
            continue
        phrase = words[start + 1 : start + 5]
        last = _description_head(ctx, phrase)
        if last is None:
            continue
        noun_b, noun_e, noun = phrase[last]
        if any(rule.trigger.search(noun) for rule in ctx.patterns.meetings if not rule.verbal):
            continue  # "will host the next summit": an event, not a person
        if _apposition_follows(ctx, words[start + 1 + last + 1 : start + 1 + last + 9]):
            continue  # "Die Präsidentin der Kommission, Ursula von der Leyen, trifft": the name follows
        if ctx.mentions_overlapping(noun_b, noun_e) or noun.lower().endswith(ctx.vocab.plural_endings):
            continue
        if any(
            m.entity.kind is not EntityKind.COUNTRY for m in ctx.mentions_overlapping(phrase[0][0], noun_e)
        ):
            continue  # "die Präsidentin Maia Sandu", "der Europäischen Union": a name, not a description
        countries = {
            m.entity.key
            for m in ctx.mentions_overlapping(phrase[0][0], noun_e)
            if m.entity.kind is EntityKind.COUNTRY
        }
        before = [
            m
            for m in ctx.mentions_in(0, begin, PARTICIPANT_KINDS)
            if not ctx.in_quotation(m.span.begin) and m.entity.key not in named
        ]
        if countries:
            fitting = [
                m
                for m in before
                if ctx.person_country.get(m.entity.key, None)
                and ctx.person_country[m.entity.key].key in countries
            ]
            if fitting:
                return fitting[-1].entity
            continue
        return ctx.recent_person(begin, exclude=named)
    return None


def _apposition_follows(ctx: DocContext, words: list[tuple[int, int, str]]) -> bool:
    for (_, _, w), (b, e, _) in itertools.pairwise(words):
        if w == "," and any(m.entity.kind is EntityKind.PERSON for m in ctx.mentions_overlapping(b, e)):
            return True
    return False


def _description_head(ctx: DocContext, phrase: list[tuple[int, int, str]]) -> int | None:
    """The index of a description's head noun: German, the last of its capitalised run ("SPD-Politiker");
    English, the word before the verb or preposition that ends it ("top U.S. diplomat")."""
    if ctx.grammar.nouns_capitalised:
        head = next((i for i, w in enumerate(phrase) if w[2][:1].isupper()), None)
        if head is None:
            return None
        while head + 1 < len(phrase) and phrase[head + 1][2][:1].isupper():
            head += 1
        return head
    end = next((i for i, w in enumerate(phrase) if w[2].lower() in ctx.vocab.description_end), None)
    if end is None or end == 0 or not phrase[end - 1][2].isalpha():
        return None
    return end - 1


def outermost(mentions: list[Mention]) -> list[Mention]:
    """Without mentions nested in another ("NATO" inside "NATO-Russia Council")."""
    return [
        m
        for m in mentions
        if not any(
            o is not m
            and o.span.begin <= m.span.begin
            and m.span.end <= o.span.end
            and (o.span.end - o.span.begin) > (m.span.end - m.span.begin)
            for o in mentions
        )
    ]


def clause_around(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> tuple[int, int]:
    """The clause around the trigger: back to a subordinating word or the sentence start, on to its end."""
    words = ctx.words(begin, end)
    lo = begin
    for b, _, w in words:
        if b >= trigger.start():
            break
        if w.lower() in ctx.vocab.clause_openers:
            lo = b
    hi = end
    for b, _, w in words:
        if b > trigger.end() and w.lower() in ctx.vocab.clause_openers:
            hi = b
            break
    # "…, Brazilian President Lula said": the speaker of a closing frame is not in the clause
    say = ctx.patterns.say.search(ctx.text, trigger.end(), hi)
    if say is not None:
        commas = [b for b, _, w in words if w == "," and trigger.end() < b < say.start()]
        if commas:
            hi = commas[-1]
    return lo, hi


def unique(entities: list[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for e in entities:
        seen.setdefault(e.key, e)
    return list(seen.values())
