"""What every extractor looks at: the document's sentences, tokens, linked mentions, quotations, and
the shared resolution of pronouns, role nouns and "the Alliance" to entities of the text."""

from __future__ import annotations

import bisect
import copy
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from types import MappingProxyType

from kg.facts.kbview import KnowledgeView, has_members, is_alliance
from kg.facts.lang import Grammar, LanguageRules, Vocabulary
from kg.facts.patterns import LanguagePatterns
from kg.facts.time import TimeMention, find_coarse_times, find_times, may_hold_date
from kg.model import (
    Document,
    Entity,
    EntityKind,
    Extractor,
    Mention,
    QuotationSpan,
    Sentence,
    Span,
    TextAnalysis,
    Token,
)

AGENT_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION})
ORG_ANAPHORA_LINKER = Extractor("kg.facts.organisation_anaphora", "1")
RECENT_SENTENCES = 4  # a pronoun or role noun refers back at most this far


@dataclass(frozen=True)
class OfficeIndex:
    """What the offices pass found, handed read-only to the passes after it: the titles each person
    is given as written (person key -> titles) and the country whose office the text gives a person
    ("der ukrainische Präsident X", "his Ukrainian counterpart X")."""

    titles: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    person_country: Mapping[str, Entity] = field(default_factory=lambda: MappingProxyType({}))

    @staticmethod
    def of(titles: Mapping[str, list[str]], person_country: Mapping[str, Entity]) -> OfficeIndex:
        return OfficeIndex(
            MappingProxyType({k: tuple(v) for k, v in titles.items()}), MappingProxyType(dict(person_country))
        )


@dataclass
class DocContext:
    document: Document
    analysis: TextAnalysis
    mentions: tuple[Mention, ...]
    kb: KnowledgeView
    rules: LanguageRules
    offices: OfficeIndex = field(default_factory=OfficeIndex)  # empty until the offices pass ran

    def __post_init__(self) -> None:
        self.text = self.document.text
        # the rules' parts as plain attributes, not properties: read 150,000 times per 300 articles
        self.lang: str = self.rules.lang
        self.patterns: LanguagePatterns = self.rules.patterns
        self.vocab: Vocabulary = self.rules.vocab
        self.grammar: Grammar = self.rules.grammar
        self.mentions = tuple(sorted(self.mentions, key=lambda m: (m.span.begin, -m.span.end)))
        self._mention_starts = [m.span.begin for m in self.mentions]
        self._longest_mention = max((m.span.end - m.span.begin for m in self.mentions), default=0)
        # Tokens in text order, for ``words`` (asked a hundred times per document: two bisections and a
        # slice, not a scan; tokens do not overlap, so their ends are in order too)
        tokens = self.analysis.tokens
        self._words: list[tuple[int, int, str]] = list(map(attrgetter("begin", "end", "text"), tokens))
        self._word_begins: list[int] = list(map(attrgetter("begin"), tokens))
        self._word_ends: list[int] = list(map(attrgetter("end"), tokens))
        self._lowered = [w.lower() for _, _, w in self._words]
        self._times: dict[tuple[int, int], tuple[TimeMention, ...]] = {}
        self._coarse_times: dict[tuple[int, int], tuple[TimeMention, ...]] = {}
        self._organisations: dict[tuple[int, int], tuple[tuple[int, int, Entity], ...]] = {}
        self._organisation_mentions: tuple[list[tuple[int, int, Entity]], list[int]] | None = None
        self.quotations: tuple[QuotationSpan, ...] = self.analysis.quotations
        self._sentence_starts = [s.span.begin for s in self.analysis.sentences]
        counts = Counter(m.entity.key for m in self.mentions if m.entity.kind is EntityKind.PERSON)
        self.person_salience = counts
        self.description_begins: dict[int, int] = {}  # an anaphor's noun -> where its description begins

    def with_organisation_anaphora(self) -> DocContext:
        """This context with every organisation named by an anaphor ("the Alliance", "the bloc", "the
        group", "die Organisation", "der Staatenbund") as a mention of the organisation it stands for, so
        that relation rules find it as subject or object like a name; none where it resolves to nothing
        or begins a name the KB lacks ("the Alliance of Sahel States", "das Bündnis Opec+")."""
        found: list[Mention] = []
        begins: dict[int, int] = {}
        kinds = ((self.patterns.org_anaphora, False), (self.vocab.organisation_descriptions, True))
        for pattern, recent in kinds:
            for a in pattern.finditer(self.text):
                noun = self.words(a.start(), a.end())[-1:]
                if not noun or self.mentions_overlapping(noun[0][0], noun[0][1]):
                    continue
                b, e, _ = noun[0]
                if any(m.span.begin < e and b < m.span.end for m in found) or self._begins_a_name(a.end()):
                    continue
                org = self.recent_organisation(b) if recent else self._anaphora_organisation(a)
                if org is not None:
                    found.append(Mention(self.span(b, e), self.sentence_at(b), org, 0.7, ORG_ANAPHORA_LINKER))
                    begins[b] = a.start()
        if not found:
            return self
        later = copy.copy(self)
        later.mentions = tuple(sorted((*self.mentions, *found), key=lambda m: (m.span.begin, -m.span.end)))
        later._mention_starts = [m.span.begin for m in later.mentions]
        # what depends on the mentions is not shared with the context without the anaphora
        later._longest_mention = max(self._longest_mention, *(m.span.end - m.span.begin for m in found))
        later._organisations = {}
        later._organisation_mentions = None
        later.description_begins = begins
        return later

    def _begins_a_name(self, end: int) -> bool:
        """The noun at ``end`` heads a name: a capitalised word the KB did not link follows it, or
        a genitive with one ("Alliance of Sahel States", "Allianz der Sahelstaaten", "Bündnis Opec+")."""
        after = self.words(end, min(len(self.text), end + 40))[:2]
        if after and after[0][2].lower() in self.vocab.object_links and len(after) > 1:
            after = after[1:]
            if after[0][2][:1].isupper():
                return True  # "the organisation of American States": the name, not an anaphor
        if not after or not after[0][2][:1].isupper() or after[0][0] - end > 1:
            return False
        linked = [m for m in self.mentions_overlapping(after[0][0], after[0][1]) if m.entity.qid]
        return not linked

    def recent_organisation(self, offset: int) -> Entity | None:
        """The organisation last named before ``offset`` in the few sentences before (not an organ, not
        inside a quotation): what "the group", "die Organisation" refers to; else none."""
        for m in self.mentions_back(offset):
            if m.entity.kind is not EntityKind.ORGANISATION or m.span.end > offset:
                continue
            if self.in_quotation(m.span.begin) and not self.in_quotation(offset):
                continue
            if (m.entity.qid is None or not has_members(self.kb, m.entity)) and self.vocab.organ_words.search(
                m.entity.label
            ):
                # "the Commission said the group …": the body it speaks for, not the Commission (named
                # or a NIL "Kommission" the KB cannot say has members)
                continue
            return m.entity
        return None

    def _anaphora_organisation(self, a: re.Match[str]) -> Entity | None:
        return (
            self._bloc_before(a.start())
            if self.vocab.bloc_anaphora.search(a.group(0))
            else self.organisation_before(a.start(), alliance=True)  # "the Alliance", "das Bündnis"
        )

    @cached_property
    def tokens_by_sentence(self) -> dict[int, list[Token]]:
        """The tokens of each sentence (read only where a parser ran)."""
        out: dict[int, list[Token]] = {}
        for token in self.analysis.tokens:
            out.setdefault(token.sentence, []).append(token)
        return out

    def with_offices(self, offices: OfficeIndex) -> DocContext:
        """This context for the passes after the offices pass: the same document, with its index."""
        later = copy.copy(self)
        later.offices = offices
        return later

    @property
    def person_country(self) -> Mapping[str, Entity]:
        return self.offices.person_country

    # --- lookup ---------------------------------------------------------------------------------
    def sentence(self, index: int) -> Sentence:
        return self.analysis.sentences[index]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def span(self, begin: int, end: int) -> Span:
        return Span(begin, end, self.text[begin:end])

    def quotation_at(self, offset: int) -> QuotationSpan | None:
        for q in self.quotations:
            if q.span.begin <= offset < q.span.end:
                return q
        return None

    def in_quotation(self, begin: int, end: int | None = None) -> bool:
        return self.quotation_at(begin) is not None

    def mentions_in(self, begin: int, end: int, kinds: frozenset[EntityKind] | None = None) -> list[Mention]:
        starts = self._mention_starts
        # the mentions beginning in [begin, end): two bisections instead of a scan of the tail
        lo, hi = bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)
        if lo >= hi:
            return []
        if kinds is None:
            return [m for m in self.mentions[lo:hi] if m.span.end <= end]
        return [m for m in self.mentions[lo:hi] if m.span.end <= end and m.entity.kind in kinds]

    def mentions_overlapping(self, begin: int, end: int) -> list[Mention]:
        # only a mention beginning less than the longest mention's length before ``begin`` can reach it
        lo = bisect.bisect_right(self._mention_starts, begin - self._longest_mention)
        hi = bisect.bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if begin < m.span.end]

    def words(self, begin: int, end: int) -> list[tuple[int, int, str]]:
        """Words (and punctuation) of ``text[begin:end]`` as (begin, end, text), from the tokens."""
        return self._words[
            bisect.bisect_left(self._word_begins, begin) : bisect.bisect_right(self._word_ends, end)
        ]

    def lower_words(self, begin: int, end: int) -> list[str]:
        return self._lowered[
            bisect.bisect_left(self._word_begins, begin) : bisect.bisect_right(self._word_ends, end)
        ]

    def _word_range(self, begin: int, end: int) -> tuple[int, int]:
        """The tokens lying wholly inside ``text[begin:end]``: indexes [first, last)."""
        return bisect.bisect_left(self._word_begins, begin), bisect.bisect_right(self._word_ends, end)

    def tense_words(self, begin: int, end: int) -> list[str]:
        """Lower-cased words that may be verbs: capitalised ones are names or German nouns ("Treffen")."""
        first, last = self._word_range(begin, end)
        return [
            w
            for w, (_, _, t) in zip(self._lowered[first:last], self._words[first:last], strict=True)
            if not t[:1].isupper()
        ]

    def times_in(self, begin: int, end: int) -> tuple[TimeMention, ...]:
        """The dated expressions of ``text[begin:end]``, resolved against the publication date (every
        trigger, quotation and meeting of a sentence asks for the same span: computed once)."""
        key = (begin, end)
        found = self._times.get(key)
        if found is None:
            published = self.document.published
            found = (
                tuple(
                    find_times(
                        self.text[begin:end], begin, published, self.tense_words(begin, end), self.rules
                    )
                )
                if may_hold_date(self.text, begin, end, self.rules)
                else ()
            )
            self._times[key] = found
        return found

    def coarse_times_in(self, begin: int, end: int) -> tuple[TimeMention, ...]:
        """The dated expressions of ``text[begin:end]`` and, where none stands, months and years given
        alone ("in 2023", "im vergangenen Jahr"): for the rules whose date is a start or an end."""
        key = (begin, end)
        found = self._coarse_times.get(key)
        if found is None:
            days = self.times_in(begin, end)
            coarse = find_coarse_times(
                self.text[begin:end],
                begin,
                self.document.published,
                [(t.begin, t.end) for t in days],
                self.rules,
            )
            found = self._coarse_times[key] = tuple(sorted((*days, *coarse), key=lambda t: t.begin))
        return found

    # --- resolution -----------------------------------------------------------------------------
    def mentions_back(self, offset: int) -> Iterator[Mention]:
        """Mentions beginning before ``offset``, nearest first, back to the start of the sentence
        ``RECENT_SENTENCES`` before: how far a pronoun or anaphor refers back."""
        first_sentence = max(0, self.sentence_at(offset) - RECENT_SENTENCES)
        floor = self.sentence(first_sentence).span.begin if self.analysis.sentences else 0
        lo = bisect.bisect_left(self._mention_starts, offset)
        for m in reversed(self.mentions[:lo]):
            if m.span.begin < floor:
                return
            yield m

    def recent_person(self, offset: int, *, exclude: set[str] | None = None) -> Entity | None:
        """The person a pronoun at ``offset`` most likely means: the last person named outside quotations
        in the few sentences before, else the person the text names most."""
        for m in self.mentions_back(offset):
            if (
                m.entity.kind is EntityKind.PERSON
                and m.span.end <= offset
                and not self.in_quotation(m.span.begin)
            ):
                if exclude and m.entity.key in exclude:
                    continue
                return m.entity
        return self.salient_person()

    def country_before(self, offset: int, *, possessive: bool) -> Entity | None:
        """The country "das Land", "the country" or a possessive ("his country", "its membership") at
        ``offset`` stands for: a possessive of a person with a country's office -> that country; else the
        country last named (by name, not by adjective) in the few sentences before."""
        first_sentence = max(0, self.sentence_at(offset) - RECENT_SENTENCES)
        floor = self.sentence(first_sentence).span.begin if self.analysis.sentences else 0
        lo = bisect.bisect_left(self._mention_starts, offset)
        for m in reversed(self.mentions[:lo]):
            if m.span.begin < floor:
                break
            if m.span.end > offset or self.in_quotation(m.span.begin):
                continue
            if possessive and m.entity.key in self.person_country:
                return self.person_country[m.entity.key]
            if possessive and m.entity.kind is EntityKind.PERSON and m.sentence == self.sentence_at(offset):
                # "Kuleba forderte, sein Land …": the person of this sentence, not someone named before
                return None
            if m.entity.kind is EntityKind.COUNTRY and m.span.text[:1].isupper():
                return m.entity
        return None

    def country_group_before(self, offset: int) -> list[Entity]:
        """The countries "beide Länder" stands for: the two countries of the sentence before (by name,
        adjective or a person's office: "der finnische Präsident … die schwedische Regierungschefin"),
        else the countries last named together ("Finnland und Schweden")."""
        here = self.sentence_at(offset)
        if here > 0:
            previous = self.sentence(here - 1).span
            two: dict[str, Entity] = {}
            for m in self.mentions_in(previous.begin, previous.end):
                if m.entity.kind is EntityKind.COUNTRY:
                    two.setdefault(m.entity.key, m.entity)
                elif m.entity.key in self.person_country:
                    two.setdefault(self.person_country[m.entity.key].key, self.person_country[m.entity.key])
            if len(two) == 2:
                return list(two.values())
        first_sentence = max(0, here - 2 * RECENT_SENTENCES)
        floor = self.sentence(first_sentence).span.begin if self.analysis.sentences else 0
        named = [
            m
            for m in self.mentions_in(floor, offset)
            if m.entity.kind is EntityKind.COUNTRY
            and m.span.text[:1].isupper()
            and not self.in_quotation(m.span.begin)
        ]
        group: list[Mention] = []
        for m in reversed(named):
            joined = group and set(self.lower_words(m.span.end, group[0].span.begin)) <= (
                self.patterns.coordination | set(self.vocab.definite_articles)
            )
            if group and not joined:
                if len(group) >= 2:
                    break
                group = []
            group.insert(0, m)
        keys: dict[str, Entity] = {m.entity.key: m.entity for m in group}
        return list(keys.values()) if len(keys) >= 2 else []

    def salient_person(self) -> Entity | None:
        if not self.person_salience:
            return None
        key = self.person_salience.most_common(1)[0][0]
        return next(m.entity for m in self.mentions if m.entity.key == key)

    def person_for_role(self, role: str, offset: int) -> Entity | None:
        """A role noun ("der Generalsekretär", "die Kommissionschefin", "the Secretary General") -> the
        person last named with a title that shares the role's office word (or, for a compound, its
        first part: Kommission-schefin ~ Präsidentin der Europäischen Kommission); else the most
        recent person."""
        word = role.split()[-1].lower()
        key = _role_key(self, word)
        # "der polnische Präsident": the role's country (an adjective in it) picks among the holders
        countries = {
            m.entity.key
            for m in self.mentions_overlapping(offset, offset + len(role) + 5)
            if m.entity.kind is EntityKind.COUNTRY
        }
        fallback = None
        for m in reversed(self.mentions):
            if m.span.begin >= offset or m.entity.kind is not EntityKind.PERSON:
                continue
            titles = " ".join(self.offices.titles.get(m.entity.key, ())).lower()
            if titles and key in titles:
                country = self.person_country.get(m.entity.key)
                if not countries or (country is not None and country.key in countries):
                    return m.entity
                fallback = fallback or m.entity
        return fallback or self.recent_person(offset)

    def organisation_before(
        self, offset: int, *, alliance: bool = False, exclude: frozenset[str] = frozenset()
    ) -> Entity | None:
        """The organisation a text means without naming it ("das Bündnis", "the Alliance", or a
        candidacy with no organisation): with ``alliance``, the last-named military alliance if
        the KB types one so; else the organisation named most often so far, the latest on a tie."""
        organisations = [
            m
            for m in self.mentions
            if m.entity.kind is EntityKind.ORGANISATION
            and m.entity.key not in exclude
            and m.linker != ORG_ANAPHORA_LINKER  # named, not referred to
        ]
        before = [m for m in organisations if m.span.end <= offset]
        if not before:
            before = organisations
        if not before:
            return None
        if alliance:
            alliances = [m for m in before if is_alliance(self.kb, m.entity)]
            if alliances:
                return alliances[-1].entity
        counts = Counter(m.entity.key for m in before)
        last_seen = {m.entity.key: i for i, m in enumerate(before)}
        key = max(counts, key=lambda k: (counts[k], last_seen[k]))
        return before[last_seen[key]].entity

    def _bloc_before(self, offset: int) -> Entity | None:
        """ "the bloc": in news the union of states the text is about (the EU far more often than
        NATO, which is "the alliance"), so a military alliance only when nothing else with members
        is named, or the text says "military bloc"; never an organ such as the Commission."""
        if self.vocab.military_modifier.search(self.text, max(0, offset - 12), offset):
            return self.organisation_before(offset, alliance=True)
        others = frozenset(
            m.entity.key
            for m in self.mentions
            if m.entity.kind is EntityKind.ORGANISATION
            and (is_alliance(self.kb, m.entity) or not has_members(self.kb, m.entity))
        )
        return self.organisation_before(offset, exclude=others) or self.organisation_before(offset)

    def organisations_in(self, begin: int, end: int) -> list[tuple[int, int, Entity]]:
        """Organisations named in ``text[begin:end]``: linked mentions and resolved anaphora (asked
        for the same span by several passes: computed once)."""
        known = self._organisations.get((begin, end))
        if known is None:
            known = self._organisations[(begin, end)] = tuple(self._organisations_in(begin, end))
        return list(known)

    def _organisations_in(self, begin: int, end: int) -> list[tuple[int, int, Entity]]:
        named, starts = self._named_organisations
        lo, hi = bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)
        found = [o for o in named[lo:hi] if o[1] <= end]  # in text order, as the mentions are
        resolved = False
        for a in self.patterns.org_anaphora.finditer(self.text, begin, end):
            if any(b < a.end() and a.start() < e for b, e, _ in found) or self._begins_a_name(a.end()):
                continue
            org = self._anaphora_organisation(a)
            if org is not None:
                found.append((a.start(), a.end(), org))
                resolved = True
        return sorted(found, key=lambda x: x[0]) if resolved else found

    @property
    def _named_organisations(self) -> tuple[list[tuple[int, int, Entity]], list[int]]:
        """The organisation mentions as (begin, end, entity) in text order, and their begins (built
        once per set of mentions: ``with_organisation_anaphora`` starts afresh)."""
        known = self._organisation_mentions
        if known is None:
            named = [
                (m.span.begin, m.span.end, m.entity)
                for m in self.mentions
                if m.entity.kind is EntityKind.ORGANISATION
            ]
            known = self._organisation_mentions = (named, [o[0] for o in named])
        return known


def _role_key(ctx: DocContext, word: str) -> str:
    """The part of a role noun to look for in titles: the compound's first part when it has one
    (kommissions|chefin -> "kommission"), else the office word's stem."""
    for head in ctx.vocab.role_heads:
        at = word.find(head)
        if at > 0:
            prefix = word[:at].rstrip("s-") if len(word[:at]) > 4 else word[:at]
            if len(prefix) >= 4:
                return prefix
        if at >= 0:
            return head
    return _stem(word)


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("innen", "in", "en", "s", "n"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


QUOTE_OPENERS = " \t\n„“”\"»«‚‘'"


def _colon_speaker(
    ctx: DocContext, frame: list[tuple[int, int]], begin: int, anchor: int
) -> tuple[Entity | None, int]:
    """ "Die Präsidentin zeigte sich erfreut: „…“", "Stoltenberg on the offer: '…'": a colon that
    introduces the quotation names its speaker, the person named last before it in the sentence
    (or the person a pronoun there means)."""
    lead = ctx.text[begin:anchor].rstrip(QUOTE_OPENERS)
    if not lead.endswith(":"):
        return None, -1
    colon = begin + len(lead) - 1
    people = [
        p for b, e in frame for p in ctx.mentions_in(b, min(e, colon)) if p.entity.kind is EntityKind.PERSON
    ]
    if people:
        return people[-1].entity, colon
    words = [(b, w) for b, _, w in ctx.words(begin, colon) if not ctx.in_quotation(b)]
    if words and any(w.lower() in ctx.patterns.pronouns for _, w in words[:3]):
        person = ctx.recent_person(words[0][0])
        if person is not None:
            return person, colon
    return None, -1


def speaker_in_frame(ctx: DocContext, begin: int, end: int, anchor: int) -> tuple[Entity | None, int]:
    """The speaker a verb of saying in ``text[begin:end]`` (outside quotations) names, and the offset of
    that verb (-1 if none). ``anchor`` is where the quotation or reported clause stands."""
    frame = outside_quotations(ctx, begin, end)
    say = None
    for b, e in frame:
        m = ctx.patterns.say.search(ctx.text, b, e)
        if m is not None:
            say = m
            break
    if say is None:
        return _colon_speaker(ctx, frame, begin, anchor)
    verb_at = say.start()
    # The candidates: people named in the frame, nearest to the verb first.
    people = [p for b, e in frame for p in ctx.mentions_in(b, e) if p.entity.kind is EntityKind.PERSON]
    best: tuple[int, Entity] | None = None
    for person in people:
        distance = min(abs(person.span.begin - say.end()), abs(say.start() - person.span.end))
        preceding = ctx.text[max(0, person.span.begin - 30) : person.span.begin]
        if ctx.vocab.spokesperson_for.search(preceding):
            continue  # "sagte ein Sprecher von Scholz": someone speaking for the person, not the person
        if best is None or distance < best[0]:
            best = (distance, person.entity)
    # A pronoun or role noun right at the verb beats a person named further away.
    near_begin, near_end = max(begin, say.start() - 40), min(end, say.end() + 40)
    for b, e in frame:
        lo, hi = max(b, near_begin), min(e, near_end)
        if lo >= hi:
            continue
        for w in re.finditer(r"\w+", ctx.text[lo:hi]):
            word = w.group(0)
            at = lo + w.start()
            if word.lower() in ctx.patterns.pronouns and not (
                word[0].isupper() and word == ctx.grammar.polite_pronoun and at != b
            ):
                distance = min(abs(at - say.end()), abs(say.start() - (lo + w.end())))
                if best is None or distance < best[0]:
                    best = (distance, ctx.recent_person(min(at, anchor)) or _none_entity())
        for r in ctx.patterns.role_nouns.finditer(ctx.text, lo, hi):
            if ctx.mentions_in(r.end(), min(e, r.end() + 3), frozenset({EntityKind.PERSON})):
                continue  # "der Präsident Emmanuel Macron": the name itself is the speaker
            distance = min(abs(r.start() - say.end()), abs(say.start() - r.end()))
            if best is None or distance < best[0]:
                best = (distance, ctx.person_for_role(r.group(1), r.start()) or _none_entity())
    if best is None:
        # "„…“, erklärte das Außenministerium", "the Kremlin said": an institution right at the verb
        institution = _institution_at(ctx, frame, say, anchor)
        if institution is not None:
            return institution, verb_at
    if (best is None or best[1].label == "") and _definite_singular_at(ctx, say):
        # "sagte der Spanier", "the veteran diplomat said": a description of the person last named
        return ctx.recent_person(anchor), verb_at
    if best is None or best[1].label == "":
        return None, verb_at  # "westliche Diplomaten erklärten": said by no one we can name
    return best[1], verb_at


INSTITUTION_KINDS = frozenset({EntityKind.ORGANISATION, EntityKind.COUNTRY, EntityKind.PLACE})
INSTITUTION_REACH = 3  # words between the verb and the institution (das Auswärtige Amt)


def _institution_at(
    ctx: DocContext, frame: list[tuple[int, int]], say: re.Match[str], anchor: int
) -> Entity | None:
    after = [w for w in ctx.words(say.end(), min(len(ctx.text), say.end() + 60))][: INSTITUTION_REACH + 1]
    before = ctx.words(max(0, say.start() - 60), say.start())[-(INSTITUTION_REACH + 1) :]
    directions = [("after", after), ("before", list(reversed(before)))]
    if anchor >= say.end():
        directions = directions[1:]  # "NATO said Finland is a member": what follows is what was said
    for direction, words in directions:
        for b, e, w in words:
            if w in ",.;:" or not any(fb <= b < fe for fb, fe in frame):
                break
            if direction == "after" and w[:1].islower() and w.lower() not in ctx.vocab.institution_articles:
                break  # "warned against NATO enlargement": NATO is what was spoken of, not who spoke
            hit = [
                m
                for m in ctx.mentions_overlapping(b, e)
                if m.entity.kind in INSTITUTION_KINDS and m.span.text[:1].isupper()
            ]
            if hit:
                return hit[0].entity
    return None


def _definite_singular_at(ctx: DocContext, say: re.Match[str]) -> bool:
    """A singular definite description right after (or before) the verb of saying: "sagte der Spanier",
    "der Spanier sagte", "the Spaniard said" — not "westliche Diplomaten erklärten", "the diplomats said"."""
    verb = say.group(0).split()[0].lower()
    plural_verb = ctx.grammar.plural_verb_suffix
    if plural_verb and verb.endswith(plural_verb):
        return False  # plural verb: sagten, erklärten
    articles = ctx.vocab.definite_articles
    after = ctx.words(say.end(), min(len(ctx.text), say.end() + 40))[:3]
    before = ctx.words(max(0, say.start() - 40), say.start())[-3:]
    for words in (after, before):
        lowered = [w.lower() for _, _, w in words]
        for i, w in enumerate(lowered):
            if w in articles and i + 1 < len(words):
                noun = next((x for _, _, x in words[i + 1 :] if x[:1].isupper()), None)
                plural_noun = ctx.grammar.plural_noun_suffix
                if noun and not (plural_noun and noun.endswith(plural_noun)):
                    return True
    return False


def _none_entity() -> Entity:
    return Entity(label="", kind=EntityKind.PERSON)


def outside_quotations(ctx: DocContext, begin: int, end: int) -> list[tuple[int, int]]:
    parts = []
    cursor = begin
    for q in ctx.quotations:
        qb, qe = q.span.begin - 1, q.span.end + 1  # include the marks
        if qe <= begin or qb >= end:
            continue
        if qb > cursor:
            parts.append((cursor, qb))
        cursor = max(cursor, qe)
    if cursor < end:
        parts.append((cursor, end))
    return parts
