"""Short names of bodies named after the organisation they belong to.

News names the "United Nations Security Council" the "UN Security Council" and the
"Sicherheitsrat der Vereinten Nationen" the "UN-Sicherheitsrat"; the KB has only the long labels.
For every organisation with an acronym (UN, EU, AU: its own label or alias), an item whose label
starts with that organisation's English name, or ends with "of the …" / German "der …" plus its
name in the genitive, is also named by the acronym before the rest: "UN Security Council",
"EU-Gerichtshof", "UN Secretary-General". The forms are derived from the KB's own names, in the
label's language, and enter the index as aliases (a lower prior than labels).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.kb.items import KbItem
from kg.kb.names import is_acronym
from kg.model import EntityKind

MAX_ACRONYM = 5  # "UN", "EU", "ASEAN": a longer capitalised word is no short form
GENITIVE_ENDINGS = ("", "n", "en", "s", "es")  # "Vereinte" -> "Vereinten", "Europas"


@dataclass(frozen=True)
class ShortForm:
    name: str
    lang: str
    target: str


def short_forms(items: Iterable[KbItem]) -> Iterator[ShortForm]:
    items = tuple(items)
    parents = [_parent(item) for item in items if item.kind is EntityKind.ORGANISATION]
    named = [p for p in parents if p is not None]
    if not named:
        return
    for item in items:
        for lang, label in item.labels.items():
            for acronyms, full_names in named:
                for full in full_names.get(lang, ()):
                    rest = _rest(label, full, lang)
                    if rest is not None:
                        joiner = "-" if lang == "de" else " "
                        for acronym in acronyms:
                            yield ShortForm(f"{acronym}{joiner}{rest}", lang, item.qid)


def _parent(item: KbItem) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]] | None:
    """An organisation's acronyms (any language) and its full names by language."""
    acronyms: set[str] = set()
    full: dict[str, set[str]] = {}
    for name, lang, _is_label in item.names():
        if is_acronym(name) and name.isalpha() and 2 <= len(name) <= MAX_ACRONYM:
            acronyms.add(name)
        elif len(name.split()) >= 2:
            full.setdefault(lang, set()).add(name)
    if not acronyms or not full:
        return None
    return tuple(sorted(acronyms)), {lang: tuple(sorted(names)) for lang, names in full.items()}


def _rest(label: str, full: str, lang: str) -> str | None:
    """What the label adds to the parent's name, if it is named after it."""
    if lang == "de":
        head, sep, tail = label.rpartition(" der ")
        if sep and head and head[:1].isupper() and " " not in head and _genitive_of(tail, full):
            return head
        return None
    if label.startswith(full + " ") and label[len(full) + 1 : len(full) + 2].isupper():
        return label[len(full) + 1 :]
    for link in (" of the ", " of "):
        head, sep, tail = label.rpartition(link)
        if sep and tail == full and head[:1].isupper() and len(head.split()) <= 3:
            return head
    return None


def _genitive_of(tail: str, full: str) -> bool:
    """ "Vereinten Nationen" is "Vereinte Nationen" inflected: word by word, an ending added."""
    written, base = tail.split(), full.split()
    return len(written) == len(base) and all(
        any(w == b + ending for ending in GENITIVE_ENDINGS) for w, b in zip(written, base, strict=True)
    )
