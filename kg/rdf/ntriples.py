"""RDF terms as their N-Triples text, built as strings: the mapping writes a document's graph as
N-Quads lines directly instead of building (and hashing) a pyoxigraph ``Quad`` per statement, which
was most of the mapping's time (profiled). The text is the one pyoxigraph writes: a string that needs
any escaping is escaped by pyoxigraph itself; IRIs come from already validated ``NamedNode`` values.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

# What pyoxigraph escapes in a literal (every control character, DEL, the quote, the backslash and
# the two non-characters U+FFFE/U+FFFF; checked over all code points by tests/test_rdf_ntriples.py).
_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ufffe\uffff]')


def node(term: NamedNode) -> str:
    """``<iri>`` of a (validated) named node."""
    return f"<{term.value}>"


def iri(value: str) -> str:
    """``<value>``: only for IRIs made of a validated IRI and characters valid in a fragment."""
    return f"<{value}>"


def string(value: str) -> str:
    """A plain string literal."""
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return str(Literal(value))


@lru_cache(maxsize=256)
def _language_suffix(lang: str) -> str | None:
    """``@tag`` as pyoxigraph writes the tag (it normalises case), or None for an invalid tag."""
    try:
        return str(Literal("", language=lang))[2:]
    except ValueError:
        return None


def text(value: str, lang: str) -> str:
    """A language-tagged literal; a plain string when the tag is not a valid BCP 47 tag."""
    suffix = _language_suffix(lang) if lang else None
    return string(value) + suffix if suffix else string(value)


def typed(lexical: str, datatype: str) -> str:
    """A literal of ``datatype`` (given as ``<iri>``; not xsd:string, which is written plain)."""
    return f"{string(lexical)}^^{datatype}"


@lru_cache(maxsize=4096)
def double(value: float) -> str:
    """An xsd:double in pyoxigraph's canonical form ("0.9", "1"): confidences repeat, so cached."""
    return str(Literal(float(value)))
