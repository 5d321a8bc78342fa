"""Meetings and talks: who meets whom, where, when.

A verb of meeting (trifft, zusammentraf, met) takes the people of its clause as participants; a noun
(Gespräche, Treffen, summit, talks) takes those linked by mit/zwischen/with/between. The place is a
city named after in/im/at — each place of "Gespräche in Genf, Brüssel und Wien" is a meeting of its
own — and the date a time expression of the sentence. Meetings at one place merge when their dates
agree (or one has none). Quoted speech is not searched.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace

from kg.facts.context import DocContext
from kg.facts.kbview import is_settlement, same_named_city
from kg.facts.participants import (
    LINKED_PARTIES_REACH,
    after_place_preposition,
    find_participants,
    outermost,
    unique,
)
from kg.facts.patterns import MeetingRule
from kg.facts.time import TimeMention
from kg.model import Entity, EntityKind, Extractor, Meeting, Mention, Span

PLACE_WINDOW_WORDS = 12  # how far from the trigger its place may stand
JOIN_WINDOW = 3  # how many sentences back a sentence referring to a meeting may find it


@dataclass
class _Draft:
    participants: list[Entity]
    evidence_sentence: int
    extractor: Extractor
    confidence: float
    place: Entity | None
    date_: dt.date | None = None
    label: str | None = None
    sentences: list[int] = field(default_factory=list)
    visit: bool = False  # only a visit's place so far: kept only when a meeting joins it
    fallback_date: dt.date | None = None  # a visit's date: the meeting's when it names none of its own
    refers_back: bool = False  # its sentence refers to a meeting told before ("the summit", "dort", "hosted")
    explicit_reference: bool = False  # by a definite meeting noun: it may reach into an earlier paragraph
    pending: bool = False  # too little of its own (one person, no place): kept only when it joins a meeting
    same_day: bool = False  # "am Abend", "later that day": elsewhere, on the day of the meeting it joins


def meeting_extractor(lang: str, rule: MeetingRule) -> Extractor:
    return Extractor(f"kg.facts.{lang}.meetings.{rule.name}", rule.version)


def extract_meetings(ctx: DocContext) -> list[Meeting]:
    drafts: list[_Draft] = []
    any_trigger = _any_trigger(ctx.patterns.meetings)
    for sentence in ctx.analysis.sentences:
        s = sentence.span
        if any_trigger is not None and any_trigger.search(ctx.text, s.begin, s.end) is None:
            continue  # no rule's trigger stands in the sentence: one search instead of one per rule
        found_here: list[_Draft] = []
        for rule in ctx.patterns.meetings:
            for trigger in rule.trigger.finditer(ctx.text, s.begin, s.end):
                if ctx.in_quotation(trigger.start()):
                    continue
                found_here.extend(_drafts_for(ctx, rule, trigger, sentence.index))
        # "On the sidelines of the summit, Biden met Starmer": one word referring back serves the sentence
        if any(d.refers_back for d in found_here):
            explicit = any(d.explicit_reference for d in found_here)
            for d in found_here:
                d.refers_back, d.explicit_reference = True, explicit
        for d in found_here:
            _join_earlier(ctx, d, drafts)
        drafts.extend(_merge([d for d in found_here if not d.pending]))
    merged = [d for d in _merge(drafts) if not d.visit]  # a visit nobody is met at is no meeting
    for d in merged:
        d.date_ = d.date_ or d.fallback_date
    dateline, _ = _dateline_place(ctx)
    for d in merged:
        # "HIROSHIMA, Japan - … Zelenskyy met Modi on the sidelines": the wire copy's dateline
        people = [e for e in d.participants if e.kind is EntityKind.PERSON]
        if (
            d.place is None
            and dateline is not None
            and len(people) >= 2
            and not _unknown_place_named(ctx, ctx.sentence(d.evidence_sentence).span)
        ):
            d.place = dateline.entity
    out = []
    for d in merged:
        sentence = ctx.sentence(d.evidence_sentence)
        out.append(
            Meeting(
                participants=tuple(unique(d.participants)),
                evidence=sentence.span,
                sentence=d.evidence_sentence,
                extractor=d.extractor,
                confidence=d.confidence,
                place=d.place,
                date=d.date_,
                label=d.label,
            )
        )
    return out


_ANY_TRIGGER: dict[int, tuple[tuple[MeetingRule, ...], re.Pattern[str] | None]] = {}
_PORTABLE_FLAGS = re.IGNORECASE | re.UNICODE  # flags a scoped group (?i:…) carries into one pattern


def _any_trigger(rules: tuple[MeetingRule, ...]) -> re.Pattern[str] | None:
    """One pattern that matches in a text exactly where some rule's trigger does (the alternatives of
    one position are all tried before the next): built once per rule table; none where a trigger's
    flags or references to its own groups would not survive being joined with the others."""
    known = _ANY_TRIGGER.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    parts: list[str] = []
    for rule in rules:
        pattern = rule.trigger
        if pattern.flags & ~_PORTABLE_FLAGS or pattern.groupindex or re.search(r"\\[1-9]", pattern.pattern):
            parts = []
            break
        parts.append(f"(?{'i' if pattern.flags & re.IGNORECASE else '-i'}:{pattern.pattern})")
    combined = None
    if parts:
        try:
            combined = re.compile("|".join(parts))
        except re.error:
            combined = None
    _ANY_TRIGGER[id(rules)] = (rules, combined)
    return combined


def _stage_of_negotiations(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    """ "die Verhandlungen mit Brüssel bis 2030 abschließen", "complete negotiations by 2026"."""
    if not ctx.vocab.negotiation_noun.search(trigger.group(0)):
        return False
    window_begin, window_end = max(begin, trigger.start() - 25), min(end, trigger.end() + 60)
    return bool(ctx.vocab.negotiation_stage.search(ctx.text, window_begin, window_end))


def _called_off(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    """ "The summit planned for Saturday has been postponed", "Der Gipfel wurde abgesagt", "the cancelled
    talks": as told, the meeting does not take place. The clause runs from the trigger to a semicolon
    or a contrast word ("…, but the ministers met on Friday")."""
    if ctx.vocab.cancelled_before.search(ctx.text, max(begin, trigger.start() - 30), trigger.start()):
        return True
    clause_end = end
    for b, _, w in ctx.words(trigger.end(), end):
        if w == ";" or w.lower() in ctx.vocab.contrast:
            clause_end = b
            break
    return bool(ctx.vocab.called_off.search(ctx.text, trigger.end(), clause_end))


def _date_of_saying(ctx: DocContext, at: int) -> bool:
    """ "…, officials said on Monday", "sagte er am Dienstag": when it was said, not when they meet."""
    for say in ctx.patterns.say.finditer(ctx.text, max(0, at - 30), at):
        if ctx.vocab.saying_to_date.fullmatch(ctx.text[say.end() : at]):
            return True
    return False


def _unknown_place_named(ctx: DocContext, span: Span) -> bool:
    """ "… to meet Amherd in Davos in January", "will in die Republik Moldau weiterreisen, wo …": the
    sentence names a place the KB does not know, or a country, so the dateline's city is not where
    the meeting is."""
    words = ctx.words(span.begin, span.end)
    for i, (_, _, w) in enumerate(words[:-1]):
        if w.lower() not in ctx.patterns.place_prepositions:
            continue
        article = words[i + 1][2].lower() in ctx.vocab.place_articles
        for b, e, _ in words[i + 1 : i + 3 if article else i + 2]:
            if any(m.entity.kind is EntityKind.COUNTRY for m in ctx.mentions_overlapping(b, e)):
                return True
    for (_, _, w), (b, e, name) in itertools.pairwise(words):
        if (
            w.lower() in ctx.patterns.place_prepositions
            and name[:1].isupper()
            and name.lower().rstrip(".") not in ctx.vocab.months
            and name.lower() not in ctx.vocab.weekdays
            and not ctx.mentions_overlapping(b, e)
            and name.lower() not in ctx.vocab.name_articles
        ):
            return True
    return False


LEAD_SENTENCES = 2  # the dateline's sentence and the next: the lead, told from where it happened


def _dateline_place(ctx: DocContext) -> tuple[Mention | None, int]:
    """The city of a dateline opening the text's first paragraph ("BRUSSELS (AP) —", "Wien –"), and
    the index of the sentence it opens."""
    for index, sentence in enumerate(ctx.analysis.sentences[:3]):
        found = ctx.vocab.dateline.match(ctx.text, sentence.span.begin)
        if found is None:
            continue
        places = [
            m
            for m in ctx.mentions_in(found.start("city"), found.end("city"), frozenset({EntityKind.PLACE}))
            if is_settlement(ctx.kb, m.entity)
        ]
        if places:
            return places[0], index
    return None, -1


def _drafts_for(
    ctx: DocContext, rule: MeetingRule, trigger: re.Match[str], sentence_index: int
) -> list[_Draft]:
    s = ctx.sentence(sentence_index).span
    if _stage_of_negotiations(ctx, trigger, s.begin, s.end) or _called_off(ctx, trigger, s.begin, s.end):
        return []
    places = _places(ctx, trigger, s.begin, s.end, whole_sentence=rule.verbal)
    # "Am Dienstag traf Scholz in Vilnius ein. Dort kam er mit Macron zusammen": there, that day
    before = ctx.sentence(sentence_index - 1).span if sentence_index > 0 else None
    back = before is not None and _refers_back(ctx, s.begin, s.end)
    if back and not places and before is not None:
        places = _places(ctx, trigger, before.begin, before.end, whole_sentence=True)
    # "X and Y attended the meeting", "An dem Treffen nahmen X und Y teil": a meeting told before, and
    # the people of the clause take part in it
    definite = not rule.verbal and _definite(ctx, trigger, s.begin)
    # "… hat die Jahrestagung begonnen. Zu dem Treffen in Reykjavík reisten …": the sentence before
    # dates the meeting the noun refers to (its place only where "dort"/"there" says so)
    dated_before = definite and before is not None and "\n" not in ctx.text[before.end : s.begin]
    linked = _linked_after(ctx, ctx.words(s.begin, s.end), _index_of(ctx, trigger, s.begin, s.end))
    reading = replace(rule, verbal=True) if definite and not linked else rule
    participants = find_participants(ctx, reading, trigger, s.begin, s.end)
    delegated: list[Entity] = []  # named by a delegation noun or as the body that meets
    if not rule.visit:
        label = _label_mention(ctx, trigger, s.end)
        body = [label.entity] if label is not None and label.entity.kind is EntityKind.ORGANISATION else []
        if not rule.verbal:
            body += _body_before(ctx, trigger, s.begin)
        delegated = body + _delegations(ctx, s.begin, s.end)
        participants = unique(participants + delegated)
    if not places and delegated and not rule.visit:
        # "ABUJA (Reuters) - ECOWAS leaders gathered for a summit on Sunday": a gathering of
        # delegations the lead tells, told from where it happens
        dateline, dateline_sentence = _dateline_place(ctx)
        in_lead = 0 <= sentence_index - dateline_sentence < LEAD_SENTENCES
        if dateline is not None and in_lead and not _unknown_place_named(ctx, s):
            places = [dateline]
    same_day = bool(ctx.vocab.same_day.search(ctx.text, s.begin, s.end))
    # "Bundeskanzler Olaf Scholz empfing seinen Gast": a meeting verb with one person and no place
    # may still join the visit or meeting told just before
    lone_person = (
        rule.verbal
        and not places
        and len(participants) < 2
        and any(e.kind is EntityKind.PERSON for e in participants)
    )
    refers = back or definite or rule.joins or same_day or lone_person
    pending = False
    if (not places and (len(participants) < 2 or rule.needs_place)) or len(participants) < rule.min_people:
        # joining a meeting told before takes a person, or those a delegation noun names ("Later,
        # Germany welcomed the decision" adds no one to the meeting)
        joining = delegated or any(e.kind is EntityKind.PERSON for e in participants)
        if not (refers and joining):
            return []
        pending = True  # kept only if it joins a meeting told before
    times = [
        t
        for t in ctx.times_in(s.begin, s.end)
        if not ctx.in_quotation(t.begin) and not _date_of_saying(ctx, t.begin)
    ]
    if not times and (back or dated_before) and before is not None:
        times = [t for t in ctx.times_in(before.begin, before.end) if not ctx.in_quotation(t.begin)][-1:]
    if rule.visit and not participants and places:
        return [
            _Draft(
                [],
                sentence_index,
                meeting_extractor(ctx.lang, rule),
                rule.confidence * 0.8,
                places[0].entity,
                None,
                None,
                [sentence_index],
                visit=True,
                fallback_date=_nearest_date(times, places[0].span.begin),
            )
        ]
    extractor = meeting_extractor(ctx.lang, rule)
    drafts = []
    candidates: list[Mention | None] = list(places) or [None]
    for place_mention in candidates:
        anchor = place_mention.span.begin if place_mention else trigger.start()
        date = min(times, key=lambda t: abs(t.begin - anchor)).date if times else None
        # a date belongs to this place only when no other place of the sentence stands nearer to it
        if times and place_mention is not None and len(places) > 1:
            t = min(times, key=lambda t: abs(t.begin - anchor))
            nearest_place = min(places, key=lambda p: abs(p.span.begin - t.begin))
            if nearest_place is not place_mention:
                date = None
        drafts.append(
            _Draft(
                participants=list(participants),
                evidence_sentence=sentence_index,
                extractor=extractor,
                confidence=rule.confidence * (place_mention.score if place_mention else 0.8),
                place=place_mention.entity if place_mention else None,
                date_=date,
                label=_label(ctx, trigger, s.end),
                sentences=[sentence_index],
                refers_back=refers,
                explicit_reference=definite,
                pending=pending,
                same_day=same_day,
            )
        )
    return drafts


def _body_before(ctx: DocContext, trigger: re.Match[str], begin: int) -> list[Entity]:
    """ "the G20 summit", "the ASEAN meeting": the organisation named right before the meeting noun."""
    return [
        m.entity
        for m in ctx.mentions_in(max(begin, trigger.start() - 60), trigger.start())
        if m.entity.kind is EntityKind.ORGANISATION and not ctx.text[m.span.end : trigger.start()].strip()
    ]


def _nearest_date(times: list[TimeMention], at: int) -> dt.date | None:
    return min(times, key=lambda t: abs(t.begin - at)).date if times else None


def _index_of(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> int:
    words = ctx.words(begin, end)
    return next((i for i, w in enumerate(words) if w[0] >= trigger.start()), len(words))


def _definite(ctx: DocContext, trigger: re.Match[str], begin: int) -> bool:
    """ "attended the meeting", "an dem Treffen", "on the sidelines of the summit", "zu ihrem jährlichen
    Treffen": a determiner (adjectives between) makes the noun a meeting already told of."""
    before = ctx.words(max(begin, trigger.start() - 40), trigger.start())[-3:]
    for _, _, w in reversed(before):
        if w.lower() in ctx.vocab.meeting_back_determiners:
            return True
        if not w.isalpha() or w[:1].isupper() or w.lower() in ctx.patterns.place_prepositions:
            return False
    return False


def _join_earlier(ctx: DocContext, draft: _Draft, earlier: list[_Draft]) -> None:
    """A sentence that refers back to a meeting ("the summit", "dort", "Gastgeber war …", "hosted …")
    joins the latest meeting told in the sentences just before (the same paragraph, unless a meeting
    noun names it): it takes that meeting's place where it names none, and its date where it names none
    and meets at the same place."""
    if not draft.refers_back:
        return
    here = draft.evidence_sentence
    reachable: list[_Draft] = []
    for other in reversed(earlier):
        there = max(other.sentences)
        if there >= here:
            continue
        if here - there > JOIN_WINDOW:
            break
        between = ctx.text[ctx.sentence(there).span.end : ctx.sentence(here).span.begin]
        if "\n" in between and not draft.explicit_reference:
            break
        if other.place is not None or other.date_ is not None or other.fallback_date is not None:
            reachable.append(other)
    if not reachable:
        return
    # "sagte Tusk nach dem Treffen mit Scholz": the meeting of those it names, else the latest one
    people = {e.key for e in draft.participants}
    other = max(reachable, key=lambda o: len(people & {e.key for e in o.participants}))
    if draft.place is None:
        # "… is due to meet Amherd in Davos": a place the KB does not know is no place told before
        if other.place is not None and _unknown_place_named(ctx, ctx.sentence(here).span):
            return
        draft.place = other.place
    if draft.date_ is None and (
        draft.same_day or other.place is None or draft.place is None or draft.place.key == other.place.key
    ):
        draft.date_ = other.date_ or other.fallback_date
    draft.pending = False


DELEGATION_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION})
DELEGATION_GAP = (
    2  # words between "die Außenminister der" and "ASEAN" ("südostasiatischen Staatengemeinschaft")
)


def _delegations(ctx: DocContext, begin: int, end: int) -> list[Entity]:
    """ "Leaders of the Mercosur trade bloc", "delegations from Saudi Arabia, Iraq and the UAE", "G20
    leaders", "die Staats- und Regierungschefs der Arabischen Liga": the countries and organisations
    whose people meet."""
    words = ctx.words(begin, end)
    named = outermost([m for m in ctx.mentions_in(begin, end) if m.entity.kind in DELEGATION_KINDS])
    links = ctx.vocab.delegation_links | ctx.patterns.coordination
    people_starts = {m.span.begin for m in ctx.mentions_in(begin, end) if m.entity.kind is EntityKind.PERSON}
    out: list[Entity] = []
    for i, (b, e, w) in enumerate(words):
        if ctx.in_quotation(b) or not ctx.vocab.delegation_nouns.fullmatch(w):
            continue
        if i + 1 < len(words) and words[i + 1][0] in people_starts:
            continue  # "dem serbischen Präsidenten Aleksandar Vučić": a title of the person after it
        # "G20 leaders", "EU foreign ministers", "ASEAN-Außenminister": the name right before the noun
        # (lower-case words between), or inside its compound
        k = i - 1
        while k > 0 and i - k <= DELEGATION_GAP and words[k][2].islower():
            k -= 1
        previous_begin = words[k][0] if i else b
        # a name, not an adjective ("dem serbischen Präsidenten" names no delegation of Serbia)
        out += [
            m.entity
            for m in named
            if previous_begin < m.span.end <= e
            and m.span.text[:1].isupper()
            and not ctx.in_quotation(m.span.begin)
        ]
        at, gap = e, DELEGATION_GAP
        for m in (m for m in named if m.span.begin >= e):
            others = [x for x in ctx.words(at, m.span.begin) if x[2].lower() not in links]
            if len(others) > gap or after_place_preposition(ctx, m, begin) or not m.span.text[:1].isupper():
                break
            out.append(m.entity)
            at, gap = m.span.end, 0
    return unique(out)


def _places(
    ctx: DocContext, trigger: re.Match[str], begin: int, end: int, *, whole_sentence: bool
) -> list[Mention]:
    """Cities after in/im/at near the trigger, and their coordinated neighbours (in Genf und Wien)."""
    words = ctx.words(begin, end)
    index_of_trigger = next((i for i, w in enumerate(words) if w[0] >= trigger.start()), len(words))
    reach = len(words) if whole_sentence else PLACE_WINDOW_WORDS
    lo = max(0, index_of_trigger - reach)
    hi = min(len(words), index_of_trigger + reach)
    if _linked_after(ctx, words, index_of_trigger):
        # "ein Treffen zwischen [two long names] in Brüssel": on to the end of the clause
        for i in range(index_of_trigger + 1, min(len(words), index_of_trigger + 1 + LINKED_PARTIES_REACH)):
            if words[i][2] in ",;:" or words[i][2].lower() in ctx.vocab.clause_openers:
                break
            hi = max(hi, i + 1)
    if lo >= hi:
        return []
    region_begin, region_end = words[lo][0], words[hi - 1][1]
    out: list[Mention] = []
    for m in sorted(
        [
            *ctx.mentions_in(region_begin, region_end, frozenset({EntityKind.PLACE})),
            *_cities_named_as_country(ctx, region_begin, region_end, begin),
        ],
        key=lambda m: m.span.begin,
    ):
        if ctx.in_quotation(m.span.begin) or not is_settlement(ctx.kb, m.entity):
            continue
        if _inside_larger_name(ctx, m):
            continue
        prev = ctx.lower_words(max(begin, m.span.begin - 40), m.span.begin)
        # "in Samoas Hauptstadt Apia", "in der kasachischen Hauptstadt Astana": the city after its head noun
        if prev and prev[-1] in ctx.vocab.place_heads and set(prev[-5:-1]) & ctx.patterns.place_prepositions:
            prev = [*prev[:-1], "in"] if "in" in ctx.patterns.place_prepositions else prev
        # "the Washington summit", "the Madrid talks": the place names the gathering right before it
        names_the_noun = (
            not rule_is_verbal(ctx, trigger) and not ctx.text[m.span.end : trigger.start()].strip()
        )
        if (
            (prev and prev[-1] in ctx.patterns.place_prepositions)
            or names_the_noun
            or (
                out
                and all(
                    w in ctx.patterns.coordination for w in ctx.lower_words(out[-1].span.end, m.span.begin)
                )
            )
        ):
            out.append(m)
    return _places_of_trigger(ctx, out, trigger, whole_sentence=whole_sentence)


def _refers_back(ctx: DocContext, begin: int, end: int) -> bool:
    words = ctx.words(begin, end)
    for i, (b, _, w) in enumerate(words):
        if ctx.in_quotation(b):
            continue
        if w.lower() in ctx.vocab.meeting_follow_ups and w.lower() not in ctx.vocab.back_references:
            return True  # "Gastgeber war …", "anschließend", "hosted …": the meeting just told
        if ctx.patterns.org_anaphora.match(ctx.text, b):
            return True  # "ministers of the bloc met …": the organisation, and the day, just told
        if w.lower() not in ctx.vocab.back_references:
            continue
        following = words[i + 1][2].lower() if i + 1 < len(words) else ""
        if w.lower() == "there" and following in ctx.vocab.existential_after_there:
            continue  # "there will be talks": no place
        return True
    return False


def rule_is_verbal(ctx: DocContext, trigger: re.Match[str]) -> bool:
    return any(rule.verbal and rule.trigger is trigger.re for rule in ctx.patterns.meetings)


def _cities_named_as_country(
    ctx: DocContext, region_begin: int, region_end: int, begin: int
) -> list[Mention]:
    """ "treffen sich in Luxemburg": a country after in/im whose capital has its name is that city here."""
    out = []
    for m in ctx.mentions_in(region_begin, region_end, frozenset({EntityKind.COUNTRY})):
        prev = ctx.lower_words(max(begin, m.span.begin - 12), m.span.begin)[-1:]
        if prev and prev[0] in ctx.patterns.place_prepositions:
            city = same_named_city(ctx.kb, m.entity, m.span.text, ctx.lang)
            if city is not None:
                out.append(replace(m, entity=city))
    return out


def _linked_after(ctx: DocContext, words: list[tuple[int, int, str]], index_of_trigger: int) -> bool:
    following = index_of_trigger + 1
    return following < len(words) and words[following][2].lower() in ctx.patterns.participant_links


def _places_of_trigger(
    ctx: DocContext, places: list[Mention], trigger: re.Match[str], *, whole_sentence: bool
) -> list[Mention]:
    """A verb meets at the place (group) nearest to it; a noun at the places after it ("talks in
    Geneva and Vienna"), else before it — not at every place of the sentence."""
    if not places:
        return places
    groups: list[list[Mention]] = []
    for m in places:
        if groups and all(
            w in ctx.patterns.coordination for w in ctx.lower_words(groups[-1][-1].span.end, m.span.begin)
        ):
            groups[-1].append(m)
        else:
            groups.append([m])
    if whole_sentence:
        return min(
            groups,
            key=lambda g: min(abs(g[0].span.begin - trigger.end()), abs(trigger.start() - g[-1].span.end)),
        )
    after = [g for g in groups if g[0].span.begin >= trigger.end()]
    if after:
        return after[0]
    return groups[-1]


def _inside_larger_name(ctx: DocContext, m: Mention) -> bool:
    """ "Zusammenarbeit in Europa", "Hauptquartier in Brüssel": a place inside another mention's name."""
    return any(
        o is not m
        and o.span.begin <= m.span.begin
        and m.span.end <= o.span.end
        and (o.span.end - o.span.begin) > (m.span.end - m.span.begin)
        for o in ctx.mentions_overlapping(m.span.begin, m.span.end)
    )


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Meetings at one place whose dates agree (or one is undated) are one meeting."""
    out: list[_Draft] = []
    for d in drafts:
        target = None
        for o in out:
            same_place = o.place is not None and d.place is not None and o.place.key == d.place.key
            no_place_same_people = (
                o.place is None
                and d.place is None
                and o.participants
                and {e.key for e in o.participants} == {e.key for e in d.participants}
            )
            dates_agree = o.date_ is None or d.date_ is None or o.date_ == d.date_
            # "Scholz hat bei einem Besuch in Kischinau … Am Mittwoch traf er Sandu": the visit's place
            at_the_visit = (
                o.visit and d.place is None and d.participants and min(d.sentences) - max(o.sentences) <= 1
            )
            if (same_place or no_place_same_people or at_the_visit) and dates_agree:
                target = o
                break
        if target is None:
            out.append(d)
            continue
        target.participants = unique(target.participants + d.participants)
        if target.visit and (d.participants or not d.visit):
            target.visit = False
            target.evidence_sentence = d.evidence_sentence
        if target.date_ is None and d.date_ is not None:
            target.date_ = d.date_
            target.evidence_sentence = d.evidence_sentence
        elif len(d.participants) > len(target.participants):
            target.evidence_sentence = d.evidence_sentence
        target.confidence = max(target.confidence, d.confidence)
        target.label = target.label or d.label
        target.sentences.extend(d.sentences)
    return out


LABEL_KINDS = frozenset({EntityKind.ORGANISATION, EntityKind.EVENT})


def _label(ctx: DocContext, trigger: re.Match[str], end: int) -> str | None:
    """The body or event that meets: "Treffen des Russland-NATO-Rates", "NATO-Gipfel", "G7 summit"."""
    mention = _label_mention(ctx, trigger, end)
    return _name(ctx, mention) if mention is not None else None


def _label_mention(ctx: DocContext, trigger: re.Match[str], end: int) -> Mention | None:
    inside = [
        m for m in ctx.mentions_overlapping(trigger.start(), trigger.end()) if m.entity.kind in LABEL_KINDS
    ]
    if inside and (inside[0].span.end - inside[0].span.begin) >= (trigger.end() - trigger.start()):
        return inside[0]  # the trigger is the name itself ("Russland-NATO-Rates")
    # "Treffen des Russland-NATO-Rates", "the summit of the African Union": a name opening in the next
    # three words (it may run on)
    after = ctx.words(trigger.end(), end)[:6]
    if after and after[0][2].lower() in ctx.vocab.name_genitive_links:
        opening_by = after[:3][-1][1]
        named = [
            m
            for m in ctx.mentions_in(after[0][1], after[-1][1])
            if m.entity.kind in LABEL_KINDS and m.span.begin < opening_by
        ]
        if named:
            return named[0]
    return None


def _name(ctx: DocContext, mention: Mention) -> str:
    """The entity's label in the document's language, else the name as written, out of the genitive."""
    if mention.entity.label_lang != ctx.lang:
        text = mention.span.text
        if text[:1].isupper():
            for ending in ctx.grammar.genitive_endings:
                if text.endswith(ending) and len(text) - len(ending) >= 3:
                    return text[: -len(ending)]
        return text
    return mention.entity.label
