"""The few questions the facts stage asks the knowledge base, behind one function each.

The KB helps to *name* things (which position item "Präsident" + France is); it never supplies facts.
"""

from __future__ import annotations

from typing import Any

from kg.model import Entity, EntityKind


def position_for(kb: Any, title: str, jurisdiction: Entity | None, lang: str) -> Entity | None:
    """The position item for a title as written and the country/organisation it is of, if the KB has it."""
    finder = getattr(kb, "find_position", None)
    if finder is None:
        return None
    qid = jurisdiction.qid if jurisdiction is not None else None
    try:
        found = finder(title, qid, lang=lang)
    except (KeyError, ValueError, LookupError):
        return None
    if found is None:
        return None
    if isinstance(found, Entity):
        return found
    return None


def is_settlement(kb: Any, entity: Entity) -> bool:
    """Whether a place is a city or town (a meeting's place), not a region or continent; True when unknown."""
    if entity.kind is not EntityKind.PLACE:
        return False
    check = getattr(kb, "is_settlement", None)
    if check is None or entity.qid is None:
        return True
    try:
        return bool(check(entity.qid))
    except (KeyError, ValueError, LookupError):
        return True
