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
    find_participants,
    unique,
)
from kg.facts.patterns import MeetingRule
from kg.model import Entity, EntityKind, Extractor, Meeting, Mention, Span

PLACE_WINDOW_WORDS = 12  # how far from the trigger its place may stand


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


def meeting_extractor(lang: str, rule: MeetingRule) -> Extractor:
    return Extractor(f"kg.facts.{lang}.meetings.{rule.name}", rule.version)


def extract_meetings(ctx: DocContext) -> list[Meeting]:
    drafts: list[_Draft] = []
    for sentence in ctx.analysis.sentences:
        s = sentence.span
        found_here: list[_Draft] = []
        for rule in ctx.patterns.meetings:
            for trigger in rule.trigger.finditer(ctx.text, s.begin, s.end):
                if ctx.in_quotation(trigger.start()):
                    continue
                found_here.extend(_drafts_for(ctx, rule, trigger, sentence.index))
        drafts.extend(_merge(found_here))
    merged = [d for d in _merge(drafts) if not d.visit]  # a visit nobody is met at is no meeting
    dateline = _dateline_place(ctx)
    for d in merged:
        # "HIROSHIMA, Japan - … Zelenskyy met Modi on the sidelines": the wire copy's dateline
        people = [e for e in d.participants if e.kind is EntityKind.PERSON]
        if (
            d.place is None
            and dateline is not None
            and len(people) >= 2
            and not _unknown_place_named(ctx, ctx.sentence(d.evidence_sentence).span)
        ):
            d.place = dateline
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


def _stage_of_negotiations(ctx: DocContext, trigger: re.Match[str], begin: int, end: int) -> bool:
    """ "die Verhandlungen mit Brüssel bis 2030 abschließen", "complete negotiations by 2026"."""
    if not ctx.vocab.negotiation_noun.search(trigger.group(0)):
        return False
    window_begin, window_end = max(begin, trigger.start() - 25), min(end, trigger.end() + 60)
    return bool(ctx.vocab.negotiation_stage.search(ctx.text, window_begin, window_end))


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


def _dateline_place(ctx: DocContext) -> Entity | None:
    """The city of a dateline opening the text's first paragraph ("BRUSSELS (AP) —", "Wien –")."""
    for sentence in ctx.analysis.sentences[:3]:
        found = ctx.vocab.dateline.match(ctx.text, sentence.span.begin)
        if found is None:
            continue
        places = [
            m
            for m in ctx.mentions_in(found.start("city"), found.end("city"), frozenset({EntityKind.PLACE}))
            if is_settlement(ctx.kb, m.entity)
        ]
        if places:
            return places[0].entity
    return None


def _drafts_for(
    ctx: DocContext, rule: MeetingRule, trigger: re.Match[str], sentence_index: int
) -> list[_Draft]:
    s = ctx.sentence(sentence_index).span
    if _stage_of_negotiations(ctx, trigger, s.begin, s.end):
        return []
    places = _places(ctx, trigger, s.begin, s.end, whole_sentence=rule.verbal)
    # "Am Dienstag traf Scholz in Vilnius ein. Dort kam er mit Macron zusammen": there, that day
    before = ctx.sentence(sentence_index - 1).span if sentence_index > 0 else None
    back = before is not None and _refers_back(ctx, s.begin, s.end)
    if back and not places and before is not None:
        places = _places(ctx, trigger, before.begin, before.end, whole_sentence=True)
    participants = find_participants(ctx, rule, trigger, s.begin, s.end)
    if (not places and (len(participants) < 2 or rule.needs_place)) or len(participants) < rule.min_people:
        return []
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
            )
        ]
    times = [
        t
        for t in ctx.times_in(s.begin, s.end)
        if not ctx.in_quotation(t.begin) and not _date_of_saying(ctx, t.begin)
    ]
    if not times and back and before is not None:
        times = [t for t in ctx.times_in(before.begin, before.end) if not ctx.in_quotation(t.begin)][-1:]
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
            )
        )
    return drafts


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
        if w.lower() not in ctx.vocab.back_references or ctx.in_quotation(b):
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
    inside = [
        m for m in ctx.mentions_overlapping(trigger.start(), trigger.end()) if m.entity.kind in LABEL_KINDS
    ]
    if inside and (inside[0].span.end - inside[0].span.begin) >= (trigger.end() - trigger.start()):
        return _name(ctx, inside[0])  # the trigger is the name itself ("Russland-NATO-Rates")
    after = ctx.words(trigger.end(), end)[:3]
    if after and after[0][2].lower() in ctx.vocab.name_genitive_links:
        named = [m for m in ctx.mentions_in(after[0][1], after[-1][1]) if m.entity.kind in LABEL_KINDS]
        if named:
            return _name(ctx, named[0])
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
