"""The few questions the facts stage asks the knowledge base (``kg.kb.KnowledgeBase``).

The KB helps to *name* things (which position item "Präsident" + France is); it never supplies facts.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from kg.facts.lang import RULES
from kg.model import Entity, EntityKind

if TYPE_CHECKING:
    from kg.kb.items import KbItem
    from kg.kb.knowledge_base import Candidate


class KnowledgeView(Protocol):
    """What the fact stage may ask of the knowledge base: read-only look-ups, never a fact."""

    def __iter__(self) -> Iterator[KbItem]: ...

    def item(self, qid: str) -> KbItem | None: ...

    def kind(self, target: str) -> EntityKind: ...

    def label(self, target: str, lang: str = "en") -> str: ...

    def entity(self, target: str, lang: str = "en") -> Entity: ...

    def lookup(self, name: str, *, lang: str | None = None) -> list[Candidate]: ...


CONTINENT = "Q5107"
CAPITAL = "Q5119"
CITY = "Q515"
MILITARY_ALLIANCE = "Q1127126"
MIN_HELD_SCORE = 0.3


def position_for(
    kb: KnowledgeView,
    title: str,
    jurisdiction: Entity | None,
    lang: str,
    *,
    mentioned: frozenset[str] = frozenset(),
) -> Entity | None:
    """The position item for a title as written and the country/organisation it is of, if the KB has it.

    Without a jurisdiction the KB searches every office, and a bare "Secretary General" could be
    anyone's: then the item is taken only if its jurisdiction is named in the document (``mentioned``)
    or in the title word itself (Kommissionspräsident, Nato-Generalsekretär)."""
    finder = getattr(kb, "find_position", None)
    if finder is None:
        return None
    qid = jurisdiction.qid if jurisdiction is not None else None
    if jurisdiction is not None and qid is None:
        return None  # a NIL organisation has no offices in the KB
    found = finder(title, qid)
    if found is None:
        return None
    if isinstance(found, Entity):
        return found
    item_qid = getattr(found, "qid", None)
    if not isinstance(item_qid, str):
        return None
    if qid is None and not _jurisdiction_evident(kb, found, title, mentioned):
        return None
    entity = kb.entity(item_qid, lang=lang)
    return entity if isinstance(entity, Entity) else None


def _jurisdiction_evident(kb: KnowledgeView, item: KbItem, title: str, mentioned: frozenset[str]) -> bool:
    places = tuple(getattr(item, "jurisdiction", ()))
    if not places:
        return False
    if any(p in mentioned for p in places):
        return True
    lowered = title.lower()
    for place in places:
        for lang, rules in RULES.items():  # the title may be written in any language the KB labels
            for word in str(kb.label(place, lang)).lower().replace("-", " ").split():
                if len(word) >= 4 and word[:5] in lowered and word not in rules.vocab.generic_place_words:
                    return True
    return False


def is_settlement(kb: KnowledgeView, entity: Entity) -> bool:
    """Whether a place can be a meeting's place (a city, not a continent); True when the KB cannot say."""
    if entity.kind is not EntityKind.PLACE:
        return False
    if entity.qid is None or not hasattr(kb, "item"):
        return True
    item = kb.item(entity.qid)
    if item is None:
        return True
    return CONTINENT not in tuple(getattr(item, "instance_of", ()))


def position_held(kb: KnowledgeView, title: str, person_qid: str, lang: str) -> Entity | None:
    """Among the offices the KB knows ``person_qid`` held, the one ``title`` names best, if any fits."""
    ranker = getattr(kb, "rank_positions", None)
    item = kb.item(person_qid) if hasattr(kb, "item") else None
    if ranker is None or item is None:
        return None
    held = set(getattr(item, "positions", ()))
    for score, position in ranker(title, None):
        if position.qid in held and score >= MIN_HELD_SCORE:
            entity = kb.entity(position.qid, lang=lang)
            return entity if isinstance(entity, Entity) else None
    return None


def position_country(kb: KnowledgeView, position: Entity, lang: str) -> Entity | None:
    """The country an office is of (``P1001``), when the KB knows the office and its jurisdiction is a
    country: President of Ukraine -> Ukraine."""
    if position.qid is None or not hasattr(kb, "item"):
        return None
    item = kb.item(position.qid)
    for place in tuple(getattr(item, "jurisdiction", ())) if item is not None else ():
        if getattr(kb, "kind", None) is not None and kb.kind(place) is EntityKind.COUNTRY:
            entity = kb.entity(place, lang=lang)
            return entity if isinstance(entity, Entity) else None
    # no jurisdiction in the KB: the country its English name ends in ("President of Poland")
    name = item.labels.get("en", "") if item is not None and hasattr(item, "labels") else ""
    if " of " in name and hasattr(kb, "lookup"):
        candidates = kb.lookup(name.rsplit(" of ", 1)[1], lang="en")
        if candidates and candidates[0].kind is EntityKind.COUNTRY:
            entity = kb.entity(candidates[0].target, lang=lang)
            return entity if isinstance(entity, Entity) else None
    return None


def is_alliance(kb: KnowledgeView, entity: Entity) -> bool:
    """Whether the KB types an organisation as a military alliance ("das Bündnis" means it)."""
    if entity.qid is None or not hasattr(kb, "item"):
        return False
    item = kb.item(entity.qid)
    return item is not None and MILITARY_ALLIANCE in tuple(getattr(item, "instance_of", ()))


_MEMBERSHIP_TARGETS: weakref.WeakKeyDictionary[KnowledgeView, frozenset[str]] = weakref.WeakKeyDictionary()


def has_members(kb: KnowledgeView, entity: Entity) -> bool:
    """Whether anything in the KB is a member (``P463``) of an organisation: the EU and NATO have
    members, the European Commission has none. True when the KB cannot say (NIL, no item list)."""
    if entity.qid is None:
        return True
    try:
        targets = _MEMBERSHIP_TARGETS.get(kb)
        if targets is None:
            targets = frozenset(t for item in iter(kb) for t in getattr(item, "member_of", ()))
            _MEMBERSHIP_TARGETS[kb] = targets
    except TypeError:  # a KB that cannot list its items (or be weakly referenced)
        return True
    return entity.qid in targets or not targets


def capital_country(kb: KnowledgeView, entity: Entity, lang: str) -> Entity | None:
    """The country whose capital a place is (``P31`` capital, ``P17``): Kyiv -> Ukraine. None when the
    KB does not type the place a capital."""
    if entity.kind is not EntityKind.PLACE or entity.qid is None or not hasattr(kb, "item"):
        return None
    item = kb.item(entity.qid)
    if item is None or CAPITAL not in tuple(getattr(item, "instance_of", ())):
        return None
    countries = tuple(getattr(item, "country", ()))
    if len(countries) != 1:
        return None
    country = kb.entity(countries[0], lang=lang)
    return country if isinstance(country, Entity) and country.kind is EntityKind.COUNTRY else None


def same_named_city(kb: KnowledgeView, country: Entity, surface: str, lang: str) -> Entity | None:
    """The city a country's name names as a place of meeting: the country itself where the KB types it a
    city too (a city-state: Singapore, Monaco), else the one city of that name in the country
    (Luxembourg, Djibouti; per the KB's ``P17``). None when the KB knows no such city."""
    if country.kind is not EntityKind.COUNTRY or country.qid is None or not hasattr(kb, "item"):
        return None
    own = kb.item(country.qid)
    if own is not None and {CITY, CAPITAL} & set(getattr(own, "instance_of", ())):
        return replace(country, kind=EntityKind.PLACE)
    if not hasattr(kb, "lookup"):
        return None
    for candidate in kb.lookup(surface, lang=lang):
        item = kb.item(candidate.target) if candidate.kind is EntityKind.PLACE else None
        if item is not None and tuple(getattr(item, "country", ())) == (country.qid,):
            city = kb.entity(candidate.target, lang=lang)
            return city if isinstance(city, Entity) else None
    return None


_DEMONYMS: weakref.WeakKeyDictionary[KnowledgeView, dict[tuple[str, str], bool]] = weakref.WeakKeyDictionary()


def is_demonym(kb: KnowledgeView, name: str, lang: str) -> bool:
    """Whether the KB's best reading of ``name`` is a demonym ("Finnish", "Russian"): asked for every
    English subject candidate, so remembered per KB and name."""
    if not hasattr(kb, "lookup"):
        return False
    try:
        known = _DEMONYMS.setdefault(kb, {})
    except TypeError:  # a KB that cannot be weakly referenced: asked every time
        known = {}
    found = known.get((name, lang))
    if found is None:
        candidates = kb.lookup(name, lang=lang)
        found = known[(name, lang)] = bool(candidates) and candidates[0].entry.source == "demonym"
    return found
