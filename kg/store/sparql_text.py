"""Small, exact operations on SPARQL text, done on tokens so strings, IRIs and comments never confuse them.

- :func:`service_iris`: the IRIs a query's ``SERVICE`` clauses call (prefixed names resolved);
- :func:`substitute`: replace ``$name`` parameters with validated RDF terms;
- :func:`add_using`: the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` as ``USING`` clauses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from kg.errors import QueryError

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><(?:[^<>"{}|^`\\\s]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\U000EFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\U000EFFFF][\w.\-\u00B7-\U000EFFFF]*?)?
             :(?:[\w\-:%.\u00B7-\U000EFFFF]*[\w\-:%\u00B7-\U000EFFFF])?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokens(sparql: str) -> Iterator[Token]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        yield Token(kind, match.group())


def _significant(sparql: str) -> list[Token]:
    return [t for t in tokens(sparql) if t.kind not in ("ws", "comment")]


def prefixes(sparql: str) -> dict[str, str]:
    """The ``PREFIX p: <iri>`` declarations of a query or update."""
    found: dict[str, str] = {}
    toks = _significant(sparql)
    for i, tok in enumerate(toks[:-2]):
        if tok.kind == "word" and tok.text.upper() == "PREFIX" and toks[i + 2].kind == "iri":
            found[toks[i + 1].text.rstrip(":")] = toks[i + 2].text[1:-1]
    return found


def service_iris(sparql: str, default_prefixes: Mapping[str, str] | None = None) -> list[str]:
    """Every IRI called by ``SERVICE`` in the text; a ``SERVICE ?var`` or an unresolvable name raises."""
    toks = _significant(sparql)
    declared = {**(default_prefixes or {}), **prefixes(sparql)}
    found = []
    for i, tok in enumerate(toks):
        if tok.kind != "word" or tok.text.upper() != "SERVICE":
            continue
        j = i + 1
        if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT":
            j += 1
        target = toks[j] if j < len(toks) else None
        if target is None:
            raise QueryError("SERVICE without an endpoint")
        if target.kind == "iri":
            iri = _unescape(target.text[1:-1])
            if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", iri):
                raise QueryError(f"SERVICE <{iri}>: a relative IRI is not allowed here")
            found.append(iri)
        elif target.kind == "pname":
            prefix, _, local = target.text.partition(":")
            if prefix not in declared:
                raise QueryError(f"SERVICE {target.text}: unknown prefix {prefix}:")
            found.append(declared[prefix] + local)
        else:
            raise QueryError(f"SERVICE {target.text}: only a fixed endpoint IRI is allowed")
    return found


def _unescape(iri: str) -> str:
    """Decode the \\uXXXX / \\UXXXXXXXX escapes SPARQL allows in IRIs."""
    return re.sub(
        r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1) or m.group(2), 16)), iri
    )


def keywords(sparql: str) -> set[str]:
    """The bare words (keywords) of a query or update, upper-cased; strings, IRIs, names excluded."""
    return {t.text.upper() for t in tokens(sparql) if t.kind == "word"}


def add_using(update: str, default_graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """Put the protocol's dataset into each ``… WHERE`` operation as ``USING`` clauses.

    Per the protocol, an update that has its own ``USING``/``WITH`` and protocol graphs is an error.
    """
    if not default_graphs and not named_graphs:
        return update
    clause = " ".join(
        [f"USING <{_checked_iri(g)}>" for g in default_graphs]
        + [f"USING NAMED <{_checked_iri(g)}>" for g in named_graphs]
    )
    parts: list[str] = []
    previous = ""
    depth = 0
    for tok in tokens(update):
        upper = tok.text.upper() if tok.kind == "word" else ""
        if upper in ("USING", "WITH") and depth == 0:
            raise QueryError("update has USING/WITH and protocol using-graph-uri/using-named-graph-uri")
        if tok.text == "{":
            depth += 1
        elif tok.text == "}":
            depth -= 1
        if upper == "WHERE" and depth == 0 and previous != "DELETE":
            parts.append(clause + " ")
        if tok.kind not in ("ws", "comment"):
            previous = upper or tok.text
        parts.append(tok.text)
    return "".join(parts)


# ---- parameters -----------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d+|\d*\.\d+)([eE][+-]?\d+)?$")
_LANG = re.compile(r"^[a-zA-Z]+(-[a-zA-Z0-9]+)*$")
_WIKIDATA_ITEM = re.compile(r"^[Qq][1-9][0-9]*$")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
# prefix:local as SPARQL writes it (PN_PREFIX, a simple PN_LOCAL); "12:30" or "a b:c" are not
_PREFIXED_NAME = re.compile(r"^([A-Za-z][\w.-]*[\w-]|[A-Za-z]?):([\w\-.%]*[\w\-%]|)$")


def term_for(value: str, known_prefixes: Mapping[str, str]) -> str:
    """A parameter value as SPARQL term text, validated.

    ``<iri>`` and ``http(s)://…`` → IRI; ``prefix:local`` with a known prefix → IRI; a bare Wikidata
    item id (``Q212``) → its ``wd:`` IRI; a number → a number; ``"text"`` / ``"text"@lang`` /
    ``"text"^^<iri>`` → a literal; anything else → a plain string literal. A prefixed name with an
    unknown prefix is an error, not a literal that would silently match nothing.
    """
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return f"<{_checked_iri(value[1:-1])}>"
    if re.match(r"^https?://", value):
        return f"<{_checked_iri(value)}>"
    if _NUMBER.match(value):
        return value
    if value.startswith('"'):
        return _literal(value)
    if _WIKIDATA_ITEM.match(value):
        return f"<{WIKIDATA_ENTITY}{value.upper()}>"
    prefixed = _PREFIXED_NAME.match(value)
    if prefixed:
        prefix, local = prefixed.group(1), prefixed.group(2)
        if prefix not in known_prefixes:
            known = ", ".join(sorted(p for p in known_prefixes if p)) or "none"
            raise QueryError(
                f"parameter value {value!r}: unknown prefix {prefix!r} (known: {known}); "
                f'write a full <IRI>, or "{value}" for text'
            )
        return f"<{_checked_iri(known_prefixes[prefix] + local)}>"
    return json.dumps(value, ensure_ascii=False)


def _literal(value: str) -> str:
    match = re.match(r'^(".*")(?:@([^@"]+)|\^\^(.+))?$', value, re.DOTALL)
    if not match:
        raise QueryError(f"parameter value {value!r}: not a literal")
    try:
        text = json.loads(match.group(1))
    except json.JSONDecodeError as exc:
        raise QueryError(f"parameter value {value!r}: bad string: {exc}") from exc
    out = json.dumps(text, ensure_ascii=False)
    if match.group(2):
        if not _LANG.match(match.group(2)):
            raise QueryError(f"parameter value {value!r}: bad language tag")
        return f"{out}@{match.group(2)}"
    if match.group(3):
        datatype = match.group(3)
        if not (datatype.startswith("<") and datatype.endswith(">")):
            raise QueryError(f"parameter value {value!r}: the datatype must be an <IRI>")
        return f"{out}^^<{_checked_iri(datatype[1:-1])}>"
    return out


def _checked_iri(iri: str) -> str:
    if not iri or re.search(r'[\s<>"{}|^`\\]', iri) or not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", iri):
        raise QueryError(f"not a valid absolute IRI: {iri!r}")
    return iri


def substitute(sparql: str, values: Mapping[str, str], default_prefixes: Mapping[str, str]) -> str:
    """Replace each ``$name`` token whose name is in ``values`` by the term ``values[name]`` stands for.

    Only ``$``-variables are parameters (``?x`` stays a variable); text in strings, IRIs and comments is
    never touched.
    """
    known = {**default_prefixes, **prefixes(sparql)}
    terms = {name: term_for(raw, known) for name, raw in values.items()}
    out = []
    for tok in tokens(sparql):
        if tok.kind == "var" and tok.text.startswith("$") and tok.text[1:] in terms:
            out.append(terms[tok.text[1:]])
        else:
            out.append(tok.text)
    return "".join(out)


def parameters_used(sparql: str) -> set[str]:
    return {t.text[1:] for t in tokens(sparql) if t.kind == "var" and t.text.startswith("$")}
