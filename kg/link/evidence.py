"""Links the text gives no evidence for, dropped: no link rather than a wrong one.

* A generic office ("Prime Minister", the core of 42 other offices' names) links only where the
  document points at its jurisdiction: names it, a place in it, or a holder of one of its offices.
* A one-word place name that starts a person's name ("Victoria Nuland", "Präsidentin Rosario
  Murillo", "Santiago Peña … Peña said") or is the surname of someone named before ("Lloyd Austin …
  Austin told reporters") is no mention of the place.
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import count
from operator import attrgetter

from kg.kb import KnowledgeBase
from kg.kb.names import normalise
from kg.link.people import is_name_like, surname_of, title_of_token
from kg.link.resolve import PLACE_PREPOSITIONS
from kg.model import Document, EntityKind, Mention, Token


def pointed_at(targets: set[str], kb: KnowledgeBase) -> set[str]:
    """What a document's names point at: the items, the countries of its places ("Berlin" is on
    Germany's ground) and the jurisdictions of the offices its people hold."""
    out = set(targets)
    for qid in targets:
        item = kb.item(qid)
        if item is None:
            continue
        out.update(item.country)
        if item.kind is EntityKind.PERSON:
            for position in item.positions:
                office = kb.item(position)
                if office is not None:
                    out.update(office.jurisdiction)
    return out


def jurisdiction_unnamed(office: str, pointed_at: set[str], kb: KnowledgeBase) -> bool:
    """An office whose jurisdiction (P1001) the document never points at: a title alone ("the Prime
    Minister", "Bundeskanzler") says whose office it is only where the text names the country or
    organisation, a place in it or a holder of one of its offices somewhere."""
    item = kb.item(office)
    if item is None or not item.jurisdiction or office not in generic_offices(kb):
        return False
    return not pointed_at.intersection(item.jurisdiction)


_GENERIC: weakref.WeakKeyDictionary[KnowledgeBase, frozenset[str]] = weakref.WeakKeyDictionary()
GENERIC_SHARERS = 2


def generic_offices(kb: KnowledgeBase) -> frozenset[str]:
    """Offices named by what other offices' names are made of: "Prime Minister" (Belarus's, in the
    KB) is the core of "Prime Minister of Slovakia", "… of the United Kingdom" and 40 more, so the
    title alone names none of them; "Bundeskanzler" is no other office's core. Once per KB."""
    generic = _GENERIC.get(kb)
    if generic is None:
        offices = [item for item in kb if item.kind is EntityKind.POSITION]
        cores: dict[str, set[str]] = defaultdict(set)  # a word prefix or suffix -> offices using it
        for item in offices:
            for name, _lang, _is_label in item.names():
                words = normalise(name).split()
                for n in range(1, len(words)):
                    cores[" ".join(words[:n])].add(item.qid)
                    cores[" ".join(words[n:])].add(item.qid)
        generic = frozenset(
            item.qid
            for item in offices
            if any(
                len(cores.get(normalise(name), set()) - {item.qid}) >= GENERIC_SHARERS
                for name, _lang, _is_label in item.names()
            )
        )
        _GENERIC[kb] = generic
    return generic


# Languages whose common nouns are lower-case: there a capitalised word used again on its own in
# the text is a name, not a noun ("Santiago Peña … Peña said"; German "in Paris Gespräche" is not).
NOUNS_LOWER_CASE = frozenset({"en"})
_begin = attrgetter("begin")
_text = attrgetter("text")


def drop_given_names_taken_for_places(
    mentions: Sequence[Mention], tokens: Sequence[Token], document: Document, kb: KnowledgeBase
) -> list[Mention]:
    """ "Victoria Nuland", "Präsidentin Rosario Murillo", "Santiago Peña … Peña said": a one-word
    place name followed by a capitalised word no KB name covers starts a person's name when it is a
    known given name, a title stands before it, or (where nouns are lower-case) the next word is
    used again elsewhere in the text; the same pair elsewhere in the document is that person too."""
    places = [m for m in mentions if m.entity.kind in (EntityKind.PLACE, EntityKind.COUNTRY)]
    if not places:
        return list(mentions)
    starts = dict(zip(map(_begin, tokens), count()))  # a token's begin -> its index
    lexicon_ends = {m.span.end for m in mentions} | {m.span.begin for m in mentions}
    counts: Counter[str] = Counter()
    if document.lang in NOUNS_LOWER_CASE:
        counts.update(map(_text, tokens))

    def name_pair(m: Mention) -> tuple[int, str, str] | None:
        i = starts.get(m.span.begin)
        if (
            i is not None
            and i + 1 < len(tokens)
            and tokens[i].end == m.span.end
            and tokens[i + 1].sentence == tokens[i].sentence
            and tokens[i + 1].begin not in lexicon_ends
            and is_name_like(tokens[i + 1])
            and kb.lexicon.title_of(tokens[i + 1].text) is None
        ):
            return i, tokens[i].text, tokens[i + 1].text
        return None

    def starts_person(i: int, first: str, second: str) -> bool:
        if kb.is_given_name(first) or counts.get(second, 0) > 1:
            return True
        return (
            i > 0
            and tokens[i - 1].sentence == tokens[i].sentence
            and (title_of_token(tokens[i - 1], kb) is not None)
        )

    pairs = {m.span.begin: pair for m in places if (pair := name_pair(m)) is not None}
    people = {(first, second) for i, first, second in pairs.values() if starts_person(i, first, second)}
    return [m for m in mentions if m.span.begin not in pairs or pairs[m.span.begin][1:] not in people]


def drop_places_that_are_surnames(mentions: Sequence[Mention], document: Document) -> list[Mention]:
    """ "U.S. Defense Secretary Lloyd Austin … Austin told reporters": a place name that is the
    surname of a person named in full earlier is that person (the surname pass links it), unless a
    preposition of place stands before it ("in Austin")."""
    named: dict[str, int] = {}  # surname -> the end of the first full name with it
    for m in mentions:
        if m.entity.kind is EntityKind.PERSON:
            for name in {m.span.text, m.entity.label}:
                surname = surname_of(name)
                if surname and surname != name:
                    named[surname] = min(named.get(surname, m.span.end), m.span.end)
    if not named:
        return list(mentions)
    out: list[Mention] = []
    for m in mentions:
        if (
            m.entity.kind in (EntityKind.PLACE, EntityKind.COUNTRY)
            and named.get(m.span.text, m.span.begin + 1) <= m.span.begin
        ):
            before = document.text[max(0, m.span.begin - 12) : m.span.begin].split()
            if not before or before[-1].lower() not in PLACE_PREPOSITIONS:
                continue
        out.append(m)
    return out
