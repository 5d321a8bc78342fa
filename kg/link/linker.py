"""Mention detection and linking for one document.

1. The lexicon trie finds every KB name (labels, aliases, variants, demonyms, NIL lexicon
   entries) in the document's pieces; hand-written variants count only in their language,
   entries that need a context item (Article 5 needs NATO) only where the document has it,
   and the head of a hyphen compound only by a label ("Ethik-Kommission" is no EU body).
2. Overlaps are resolved longest first in three layers: names over whole tokens, offices
   ("Präsidentin der Europäischen Kommission" keeps the Commission inside it), and parts of
   hyphen compounds ("Nato" in "Nato-Generalsekretär", both halves of "Russland-NATO-Rat").
3. ``resolve`` scores the candidates; one referent per name in a document; below the
   threshold a KB name becomes a NIL entity (a lexicon variant is dropped instead); a generic
   office whose jurisdiction the text never points at is no link (``evidence``).
4. A trained pipeline's entities, NIL persons (title or given name + capitalised words; a
   place that is also a given name may start one: "Victoria Nuland") and later surname
   references fill in what the lexicon missed.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from kg.kb import KnowledgeBase, NameEntry
from kg.kb.names import final_forms, is_acronym, normalise
from kg.link.beyond import ACRONYM, NIL_NAME, add_names_beyond_kb, find_speakers
from kg.link.evidence import (
    drop_given_names_taken_for_places,
    drop_places_that_are_surnames,
    jurisdiction_unnamed,
    pointed_at,
)
from kg.link.lexicon import Entries, lexicon_of
from kg.link.lexicon import lexicon_trie as lexicon_trie  # kg.link's interface
from kg.link.matcher import NameTrie
from kg.link.people import find_nil_persons, person_entity, surname_of
from kg.link.pieces import Piece, text_pieces
from kg.link.resolve import (
    PLACE_PREPOSITIONS,
    THRESHOLD,
    Coherence,
    Context,
    Scored,
    ambiguity,
    incoming_links,
    related,
    score_candidates,
)
from kg.model import Document, Entity, EntityKind, Extractor, Mention, Span, TextAnalysis, Token

LEXICON = Extractor("kg.link.lexicon", "2")
NER = Extractor("kg.link.ner", "1")
NIL_PERSON = Extractor("kg.link.nil_person", "2")  # v2: a second surname word ("Ahmed Aboul Gheit")
SURNAME = Extractor("kg.link.surname", "1")
LINKERS: tuple[Extractor, ...] = (LEXICON, NER, NIL_PERSON, SURNAME, NIL_NAME, ACRONYM)

NER_KINDS = {
    "PER": EntityKind.PERSON,
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANISATION,
    "NORP": EntityKind.OTHER,
    "LOC": EntityKind.PLACE,
    "GPE": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
}

STRONG_LOCAL_MARGIN = 0.08  # a mention's own evidence that overrides the document's referent

class Found(NamedTuple):
    """A name found in the text, before disambiguation (a named tuple: one per name in every document)."""

    first: int
    last: int
    begin: int
    end: int
    entries: tuple[NameEntry, ...]
    inflected: bool
    layer: str  # "name" | "office" | "part"
    readings: Entries  # what ``entries`` give alone


def link_document(document: Document, analysis: TextAnalysis, kb: KnowledgeBase) -> tuple[Mention, ...]:
    pieces = text_pieces(analysis)
    texts = list(map(_piece_text, pieces))  # both name searches walk them
    found = _select(_find(pieces, texts, kb, document.lang), pieces)
    mentions = _disambiguate(found, pieces, document, kb)
    mentions = add_names_beyond_kb(mentions, analysis.tokens, document, kb)
    mentions = _add_people_and_ner(mentions, pieces, texts, document, analysis, kb)
    return tuple(sorted(mentions, key=lambda m: (m.span.begin, m.span.end, m.entity.key)))


def _usable(entry: NameEntry, lang: str, blocked_in: frozenset[tuple[str, str]]) -> bool:
    """Hand-written variants only in their language; KB names not where they are a common word."""
    if entry.source in ("variant", "demonym"):
        return entry.lang in ("*", lang)
    return not blocked_in or (_normalised(entry.form), lang) not in blocked_in


_piece_text = itemgetter(1)  # Piece.text
_normalised = lru_cache(maxsize=65536)(normalise)  # the same KB names are checked in every document


def _capitalised_inside_sentence(pieces: Sequence[Piece], index: int) -> bool:
    piece = pieces[index]
    if not piece.capitalised or index == 0:
        return False
    previous = pieces[index - 1]
    return previous.sentence == piece.sentence and previous.text[-1:].isalnum()


def _find(pieces: Sequence[Piece], texts: Sequence[str], kb: KnowledgeBase, lang: str) -> list[Found]:
    lexicon = lexicon_of(kb)
    blocked_in = kb.lexicon.blocked_in

    def keep(entry: NameEntry) -> bool:
        return _usable(entry, lang, blocked_in)

    german = lang == "de"
    matches: list[tuple[int, int, bool, Entries]] = []
    present: set[str] = set()  # items named unambiguously: they satisfy the lexicon's context conditions
    for first, last, payloads, inflected in lexicon.trie.find_all(pieces, texts):
        usable = lexicon.usable(
            payloads, lang, german and _capitalised_inside_sentence(pieces, first), kb, keep
        )
        if usable is not None:
            matches.append((first, last, inflected, usable))
            if usable.single is not None:
                present.add(usable.single)
    out: list[Found] = []
    for first, last, inflected, readings in matches:
        if readings.has_context:
            entries = tuple(e for e in readings.entries if not e.context or present.intersection(e.context))
            if not entries:
                continue
            readings = lexicon.entries(entries, kb)
        first_piece, last_piece = pieces[first], pieces[last]
        inside_compound = (
            first_piece.compound_first == last_piece.compound_first
            and first_piece.compound_last > first_piece.compound_first
        )
        if inside_compound and not (first == first_piece.compound_first and last == last_piece.compound_last):
            layer = "part"
            if last == last_piece.compound_last:
                # The head of a German compound is a common noun more often than a name:
                # "Ethik-Kommission" is no EU Commission, "Ost-Ukraine" is Ukraine.
                head = lexicon.head(readings, kb)
                if head is None:
                    continue
                readings = head
        elif readings.all_positions:
            layer = "office"
        else:
            layer = "name"
        begin, end = first_piece.begin, last_piece.end
        out.append(Found(first, last, begin, end, readings.entries, inflected, layer, readings))
    return out


_TRUE = [True]


def _select(found: list[Found], pieces: Sequence[Piece]) -> list[Found]:
    """Longest first, no overlap within a layer; a compound part is never hidden by the whole."""
    taken: dict[str, list[bool]] = {layer: [False] * len(pieces) for layer in ("name", "office", "part")}
    chosen: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.begin), f.begin)):
        occupied = taken[f.layer]
        if True in occupied[f.first : f.last + 1]:
            continue
        if f.layer == "part" and f.last > f.first and True in taken["name"][f.first : f.last + 1]:
            continue  # "NATO-Rat" inside "Russland-NATO-Rat" is not the North Atlantic Council
        occupied[f.first : f.last + 1] = _TRUE * (f.last + 1 - f.first)
        chosen.append(f)
    return sorted(chosen, key=lambda f: f.begin)


def _context(f: Found, pieces: Sequence[Piece], kb: KnowledgeBase) -> tuple[bool, bool, bool]:
    """``Context``'s fields for a mention: (title before, place preposition before, inflected)."""
    if f.layer == "part":
        return False, False, f.inflected
    first = pieces[f.first]
    # "the Washington summit", "the Madrid talks": a gathering named after where it is held
    after = pieces[f.last + 1] if f.last + 1 < len(pieces) else None
    venue = after is not None and after.sentence == first.sentence and after.key in VENUE_NOUNS
    if f.first == 0 or (prev := pieces[f.first - 1]).sentence != first.sentence:
        return False, venue, f.inflected
    title = prev.token != first.token and kb.lexicon.title_of(prev.text) is not None
    return title, prev.key in PLACE_PREPOSITIONS or venue, f.inflected


VENUE_NOUNS = frozenset({"summit", "talks", "conference", "meeting", "gipfel", "konferenz", "gespräche"})
_CONTEXTS = {
    (title, place, inflected): Context(title, place, inflected)
    for title in (False, True)
    for place in (False, True)
    for inflected in (False, True)
}


def _disambiguate(
    found: list[Found], pieces: Sequence[Piece], document: Document, kb: KnowledgeBase
) -> list[Mention]:
    lexicon = lexicon_of(kb)
    lang = document.lang
    anchors = {
        f.readings.single
        for f in found
        if f.readings.single is not None and f.entries[0].source in ("label", "alias", "variant")
    }
    coherence = Coherence(anchors, kb)
    coherence_of: dict[str, float] = {}
    # The same name in the same context scores the same: once per document (names repeat), and
    # across documents once per context and coherence of its candidates.
    by_name: dict[tuple[int, tuple[bool, bool, bool]], list[Scored]] = {}
    scores = lexicon.scores
    scored = []
    for f in found:
        context = _context(f, pieces, kb)
        key = (id(f.entries), context)
        candidates = by_name.get(key)
        if candidates is None:
            values = []
            for target in f.readings.targets:
                value = coherence_of.get(target)
                if value is None:
                    value = coherence_of[target] = coherence.of(target)
                values.append(value)
            memo_key = (id(f.entries), context, lang, tuple(values))
            memo = scores.get(memo_key)
            if memo is None:
                lexicon.clear_scores_if_full()
                fresh = score_candidates(f.entries, kb, _CONTEXTS[context], coherence, lang)
                memo = scores[memo_key] = (f.entries, fresh)
            candidates = by_name[key] = memo[1]
        scored.append(candidates)
    # One referent per name in a document: mentions with the same candidates share the winner.
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, candidates in enumerate(scored):
        if len(candidates) > 1:
            groups[frozenset(c.target for c in candidates)].append(i)
    winner: dict[int, tuple[Scored, float]] = {}
    for members in groups.values():
        totals: dict[str, float] = defaultdict(float)
        for i in members:
            for c in scored[i]:
                totals[c.target] += c.score
        ranking = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        factor = ambiguity([t / len(members) for _, t in ranking])
        for i in members:
            own = scored[i]
            if own[0].target != ranking[0][0] and own[0].score - own[1].score >= STRONG_LOCAL_MARGIN:
                continue  # the text says otherwise here ("Präsident Genf" among mentions of the city)
            chosen = next(c for c in own if c.target == ranking[0][0])
            winner[i] = (chosen, factor)
    names: dict[str, set[str]] = defaultdict(set)  # anchor -> the texts naming it
    for f in found:
        if f.readings.single is not None:
            names[f.readings.single].add(_normalised(document.text[f.begin : f.end]))
    named_anywhere: set[str] | None = None  # what the names point at: asked for offices only
    mentions: list[Mention] = []
    for i, f in enumerate(found):
        best, factor = winner.get(i, (scored[i][0], 1.0))
        if f.layer == "office":
            if named_anywhere is None:
                named_anywhere = pointed_at({t for f in found for t in f.readings.targets}, kb)
            if jurisdiction_unnamed(best.target, named_anywhere, kb):
                continue  # a bare "Prime Minister" in a text that never names Belarus is not its PM
        score = round(best.score * factor, 4)
        text = document.text[f.begin : f.end]
        span = Span(f.begin, f.end, text)
        sentence = pieces[f.first].sentence
        if score >= THRESHOLD and _improbable_alone(f, best, scored[i], names, kb):
            score = min(score, IMPROBABLE_SCORE)  # a lone "IOC" or "Commission" nothing around supports
        if score >= THRESHOLD:
            entity = kb.entity(best.target, document.lang)
        elif best.entry.source in ("label", "alias") and text[:1].isupper():
            entity = Entity(
                label=_uninflected(text, f.inflected),
                kind=kb.kind(best.target),
                qid=None,
                label_lang=document.lang,
            )
        else:
            continue  # a lexicon variant this unsure is not worth a NIL entity
        # Demonyms ("deutsche", "Japanese") and countries or places as parts of compounds
        # ("US-Forscher") are references the fact rules use, not entity mentions (NIF/GERBIL):
        # kept, but not annotated. An organisation's name in a compound ("EU-Ratspräsidentschaft",
        # "Nato-Generalsekretär") is the only mention of it some texts have: still annotated.
        part_of_place = f.layer == "part" and entity.kind in (EntityKind.COUNTRY, EntityKind.PLACE)
        annotation = best.entry.source != "demonym" and not part_of_place
        mentions.append(Mention(span, sentence, entity, score, LEXICON, annotation=annotation))
    return mentions


IMPROBABLE_SCORE = 0.3
SHORT_ACRONYM = 3
WELL_KNOWN_LINKS = 3


def _improbable_alone(
    f: Found, best: Scored, candidates: Sequence[Scored], names: dict[str, set[str]], kb: KnowledgeBase
) -> bool:
    """One word, an alias (an acronym or a common noun such as "Commission"), one candidate, and
    nothing else in the document names it or is related to it: no evidence for the link."""
    if f.first != f.last or f.layer != "name" or len(candidates) > 1:
        return False
    form = best.entry.form
    # "IOC", not "G7"; three letters name many bodies, four or more ("OPEC", "ECOWAS") one
    letters_acronym = is_acronym(form) and form.isalpha() and len(form) <= SHORT_ACRONYM
    if not (best.entry.source == "alias" or (best.entry.source == "label" and letters_acronym)):
        return False
    if incoming_links(kb, best.target) >= WELL_KNOWN_LINKS:
        return False  # NATO, the UN: their name alone is enough
    target = best.target
    own = names.get(target, set())
    if len(own) > 1:  # "European Commission … the Commission"
        return False
    item = kb.item(target)
    if item is None or item.kind in (EntityKind.COUNTRY, EntityKind.PLACE, EntityKind.PERSON):
        return False  # "US", "UK", "Moskau": a place's short name needs no company
    others = set(names) - {target}
    if related(item, kb) & others:
        return False
    return not any((other := kb.item(q)) is not None and target in related(other, kb) for q in others)


def _uninflected(text: str, inflected: bool) -> str:
    if not inflected:
        return text
    key = normalise(text)
    forms = final_forms(key, capitalised=True, in_phrase=False)
    if len(forms) > 1:
        return text[: len(text) - (len(key) - len(forms[1][0]))]  # the ending, counted from the end
    return text


def _add_people_and_ner(
    mentions: list[Mention],
    pieces: Sequence[Piece],
    texts: Sequence[str],
    document: Document,
    analysis: TextAnalysis,
    kb: KnowledgeBase,
) -> list[Mention]:
    tokens = analysis.tokens
    covered = [False] * len(tokens)
    ends = [t.end for t in tokens]
    begins = [t.begin for t in tokens]  # ascending, as the ends

    def token_range(begin: int, end: int) -> tuple[int, int]:
        """Indices first..last-1 of the tokens that overlap characters begin..end."""
        first = bisect.bisect_right(ends, begin)
        return first, max(first, bisect.bisect_left(begins, end))

    def cover(begin: int, end: int) -> None:
        first, last = token_range(begin, end)
        covered[first:last] = _TRUE * (last - first)

    def free(begin: int, end: int) -> bool:
        first, last = token_range(begin, end)
        return True not in covered[first:last]

    mentions = drop_given_names_taken_for_places(mentions, tokens, document, kb)
    mentions = drop_places_that_are_surnames(mentions, document)
    for m in mentions:
        if m.linker in (LEXICON, NIL_NAME, ACRONYM):
            cover(m.span.begin, m.span.end)
    out = list(mentions)
    # A trained pipeline's entities where the lexicon found nothing.
    for ne in analysis.named_entities:
        if not free(ne.span.begin, ne.span.end):
            continue
        mention = _ner_mention(ne.span, ne.label, tokens, document, kb)
        if mention is not None:
            out.append(mention)
            cover(ne.span.begin, ne.span.end)
    # Named people the KB lacks.
    for run in find_nil_persons(tokens, covered, kb):
        begin, end = tokens[run.first].begin, tokens[run.last].end
        text = document.text[begin:end]
        if text.endswith(("'s", "’s")):
            end -= 2
            text = text[:-2]
        label = _without_genitive(run.label, document.text)
        earlier = _person_with_surname(out, label, begin) if run.first == run.last else None
        if earlier is not None:  # "Frau Lagarde" after "Christine Lagarde": the same person
            out.append(Mention(Span(begin, end, text), tokens[run.first].sentence, earlier, 0.85, SURNAME))
            cover(begin, end)
            continue
        out.append(
            Mention(
                Span(begin, end, text),
                tokens[run.first].sentence,
                person_entity(label, document.lang),
                run.score,
                NIL_PERSON,
            )
        )
        cover(begin, end)
    # People the text introduces with a verb of saying ("Scottie Scheffler said").
    for first, last in find_speakers(tokens, covered, document, kb):
        begin, end = tokens[first].begin, tokens[last].end
        label = document.text[begin:end]
        out.append(
            Mention(
                Span(begin, end, label),
                tokens[first].sentence,
                person_entity(label, document.lang),
                0.65,
                NIL_PERSON,
            )
        )
        cover(begin, end)
    out.extend(_surname_mentions(out, pieces, texts, document, covered, tokens))
    return out


def _without_genitive(label: str, text: str) -> str:
    """ "Karoline Brandtners" -> "Karoline Brandtner" when the text also has the name without the s."""
    if not label.endswith("s") or len(label.split()[-1]) < 4:
        return label
    base = label[:-1]
    surname = base.split()[-1]
    for match in re.finditer(re.escape(surname), text):
        after = text[match.end() : match.end() + 1]
        if not after or not (after.isalnum() or after in "-'’"):
            return base
    return label


def _person_with_surname(mentions: Sequence[Mention], surname: str, before: int) -> Entity | None:
    """The one person named in full before ``before`` whose surname is ``surname``."""
    people = {
        m.entity.key: m.entity
        for m in mentions
        if m.entity.kind is EntityKind.PERSON
        and m.span.end <= before
        and surname in {surname_of(m.entity.label), surname_of(m.span.text)}
    }
    return next(iter(people.values())) if len(people) == 1 else None


def _ner_mention(
    span: Span, label: str, tokens: Sequence[Token], document: Document, kb: KnowledgeBase
) -> Mention | None:
    kind = NER_KINDS.get(label.upper())
    if kind is None or kind is EntityKind.OTHER:
        return None
    sentence = next((t.sentence for t in tokens if t.begin <= span.begin < t.end), 0)
    text = span.text
    for name in (
        text,
        text[:-2] if text.endswith(("'s", "’s")) else "",
        text[:-1] if text.endswith("s") else "",
    ):
        if not name:
            continue
        candidates = kb.lookup(name, lang=document.lang)
        fitting = [c for c in candidates if _kind_agrees(c.kind, kind)]
        if fitting and fitting[0].score >= THRESHOLD + 0.1:
            best = fitting[0]
            return Mention(
                span, sentence, kb.entity(best.target, document.lang), round(best.score * 0.9, 4), NER
            )
    if kind is EntityKind.PERSON and text.endswith(("'s", "’s")):
        text = text[:-2]
        span = Span(span.begin, span.begin + len(text), text)
    return Mention(
        span, sentence, Entity(label=text, kind=kind, qid=None, label_lang=document.lang), 0.6, NER
    )


def _kind_agrees(kb_kind: EntityKind, ner_kind: EntityKind) -> bool:
    if ner_kind is EntityKind.PLACE:
        return kb_kind in (EntityKind.PLACE, EntityKind.COUNTRY)
    return kb_kind is ner_kind


def _surname_mentions(
    mentions: Sequence[Mention],
    pieces: Sequence[Piece],
    texts: Sequence[str],
    document: Document,
    covered: list[bool],
    tokens: Sequence[Token],
) -> list[Mention]:
    """Later surname-only references to people named in full earlier in the document."""
    trie: NameTrie[tuple[Entity, int]] = NameTrie()
    for m in sorted(mentions, key=lambda m: m.span.begin):
        if m.entity.kind is not EntityKind.PERSON:
            continue
        for name in {m.span.text, m.entity.label}:
            surname = surname_of(name)
            if surname and surname != name:
                trie.add(surname, (m.entity, m.span.end))
    if not trie.size:
        return []
    out: list[Mention] = []
    for match in trie.find_all(pieces, texts):
        first, last = pieces[match.first], pieces[match.last]
        whole = match.first == first.compound_first and match.last == last.compound_last
        if any(covered[first.token : last.token + 1]) or not whole:
            continue
        earlier = [(e, end) for e, end in match.payloads if end <= first.begin]
        people = {e.key: e for e, _ in earlier}
        if len(people) != 1:
            continue  # no full mention before, or two people share the surname
        entity = next(iter(people.values()))
        text = document.text[first.begin : last.end]
        out.append(Mention(Span(first.begin, last.end, text), first.sentence, entity, 0.85, SURNAME))
        for i in range(first.token, last.token + 1):
            covered[i] = True
    return out
