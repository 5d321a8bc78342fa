"""The knowledge base: Wikidata items the linker links to and the fact extractors reason with.

Loading::

    kb = load_knowledge_base(extra_files=())   # bundled KB + $KG_HOME/kb + extra files; cached
    kb.version                                  # "kb-<12 hex>": hash of every file used
    bundled_kb_version()                        # the same for the bundled data alone

Items (``KbItem``, all immutable)::

    kb.item("Q7184") -> KbItem | None           # "Q7184" in kb, len(kb), iter(kb)
    item.label("de"), item.labels, item.aliases, item.description("en")
    item.kind                                   # kg.model.EntityKind (Person, Country, Place, …)
    item.instance_of  (P31)    item.country      (P17)    item.positions (P39)
    item.member_of    (P463)   item.jurisdiction (P1001) item.population (P1082)
    item.values("P297")                         # any kept claim, values are QIDs or literals
    kb.entity("Q7184", lang="de") -> kg.model.Entity   # also for lexicon NIL keys ("NIL:…")
    kb.kind(target), kb.label(target, lang)

Names::

    kb.lookup("Nato", lang="de") -> [Candidate(target, label, kind, score, entry)], best first
    kb.is_given_name("Wendy")                   # hand list + first names of KB persons
    kb.lexicon.title_of("Außenministerin") -> Title | None   (stem, lang, English equivalents)

Positions (offices)::

    kb.find_position("Secretary General", "Q7184") -> KbItem | None   # Secretary General of NATO
    kb.find_position("Generalsekretär", "Q7184")                       # German titles too
    kb.find_position(["Präsident"], "Q142")          # President of the French Republic
    kb.rank_positions(title_words, jurisdiction)  -> [(score, KbItem)], best first
    kb.positions_of("Q159")                     # offices with P1001 = Russia or "… of Russia"

Title words may be German or English, inflected or compounded ("Außenministerin",
"Bundeskanzler"); a deputy title only matches a deputy office. ``jurisdiction=None`` searches
every office. Memberships and offices are background knowledge for linking and reasoning:
facts in the output must come from the text, never from the KB.
"""

from kg.kb.items import KbItem
from kg.kb.knowledge_base import (
    Candidate,
    KbSource,
    KnowledgeBase,
    NameEntry,
    bundled_kb_version,
    knowledge_base_key,
    load_knowledge_base,
    name_key,
)
from kg.kb.lexicon import NilTarget, Title

__all__ = [
    "Candidate",
    "KbItem",
    "KbSource",
    "KnowledgeBase",
    "NameEntry",
    "NilTarget",
    "Title",
    "bundled_kb_version",
    "knowledge_base_key",
    "load_knowledge_base",
    "name_key",
]
