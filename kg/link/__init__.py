"""Entity linking: mentions in a document -> Wikidata items of the knowledge base, or NIL.

``link_document(document, analysis, kb) -> tuple[Mention, ...]`` (sorted by offset) and
``LINKERS`` (the versioned components a run records). Only token texts and offsets are used,
so this package never imports spaCy; a trained pipeline's entities arrive in
``analysis.named_entities``. See ``kg.link.linker`` for the steps and ``kg.link.resolve`` for
the scoring.
"""

from kg.link.linker import LEXICON, LINKERS, NER, NIL_PERSON, SURNAME, lexicon_trie, link_document
from kg.link.resolve import THRESHOLD

__all__ = ["LEXICON", "LINKERS", "NER", "NIL_PERSON", "SURNAME", "THRESHOLD", "lexicon_trie", "link_document"]
