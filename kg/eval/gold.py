"""Gold standards: a NIF 2.0 corpus (entity links) or kg's JSON gold (entities, facts, quotations,
meetings), both read into ``GoldDocument`` records. The JSON format is described in docs/eval.md; it
is a superset of the shape ../shared/eval/score.py reads.

An *end* (a fact's subject or object, a speaker, a participant, a place) is a string: a QID
(``Q7184``), a literal (a date ``2022-01-10`` or text), or alternatives ``Q1|~name|other name`` — any
of the QIDs, or an output entity whose label or mention text contains one of the names (a label-only
end, for entities without a QID).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.eval.nif import WD, NifAnnotation, NifDocument, nif_documents, normalise_iri

NIF_SUFFIXES = (".ttl", ".nt", ".trig", ".nq", ".jsonld", ".nif")


@dataclass(frozen=True)
class GoldFact:
    subject: str
    property: str  # a Wikidata PID ("P463") or a local name ("partnerOf")
    object: str
    polarity: str = "+"  # "+" or "-"
    time: str | None = None  # YYYY-MM-DD
    evidence: tuple[int, int] | None = None  # character offsets of the sentence that states it
    optional: bool = False


@dataclass(frozen=True)
class GoldQuote:
    speaker: str
    text: str
    optional: bool = False


@dataclass(frozen=True)
class GoldMeeting:
    location: str | None
    participants: tuple[str, ...]
    date: str | None
    optional: bool = False


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    text: str | None = None
    lang: str | None = None
    published: dt.date | None = None
    mentions: NifDocument | None = None  # span annotations (NIF gold, or "mentions" in JSON)
    entities: tuple[str, ...] | None = None  # required ends (None: not scored)
    entities_optional: tuple[str, ...] = ()
    facts: tuple[GoldFact, ...] | None = None
    quotes: tuple[GoldQuote, ...] | None = None
    meetings: tuple[GoldMeeting, ...] | None = None


@dataclass(frozen=True)
class GoldCorpus:
    source: str
    kind: str  # "nif" or "json"
    documents: tuple[GoldDocument, ...]


def read_gold(path: Path) -> GoldCorpus:
    """A gold file: JSON (``.json``) or NIF (any RDF format). An InputError names the file and the
    problem on one line."""
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    if path.suffix.lower() == ".json":
        return read_json_gold(path)
    if path.suffix.lower() not in NIF_SUFFIXES:
        raise InputError(f"{path}: want a .json gold file or a NIF corpus ({' '.join(NIF_SUFFIXES)})")
    import pyoxigraph as ox

    from kg.rdf.validate import read_quads

    store = ox.Store()
    fmt = "turtle" if path.suffix.lower() == ".nif" else None
    store.bulk_extend(read_quads(path, fmt=fmt))
    docs = nif_documents(store, source=str(path))
    if not docs:
        raise InputError(f"{path}: no nif:Context with nif:isString in it; is it a NIF corpus?")
    return GoldCorpus(str(path), "nif", tuple(_from_nif(d) for d in docs))


def _from_nif(document: NifDocument) -> GoldDocument:
    qids = sorted({i[len(WD) :] for a in document.annotations for i in a.kb_identifiers()})
    return GoldDocument(doc_id=document.uri, text=document.text, mentions=document, entities=tuple(qids))


def read_json_gold(path: Path) -> GoldCorpus:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except ValueError as exc:
        raise InputError(f"{path}: not valid JSON: {exc}") from None
    if isinstance(data, dict) and "documents" in data:
        items = data["documents"]
    elif isinstance(data, list):
        items = data
    else:
        items = [data]
    if not isinstance(items, list) or not items:
        raise InputError(f"{path}: no gold documents in it")
    docs = [_json_document(item, path, n) for n, item in enumerate(items, start=1)]
    ids = [d.doc_id for d in docs]
    if len(set(ids)) != len(ids):
        raise InputError(f"{path}: two gold documents share an id")
    return GoldCorpus(str(path), "json", tuple(docs))


class _Bad(Exception):
    pass


def _json_document(item: Any, path: Path, number: int) -> GoldDocument:
    where = f"{path}: document {number}"
    try:
        if not isinstance(item, dict):
            raise _Bad("is not a JSON object")
        doc_id = item.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise _Bad('has no "id" string')
        where = f"{path}: document {doc_id!r}"
        text = _text(item.get("text"), item.get("text_file"), path)
        published = item.get("published")
        try:
            date = dt.date.fromisoformat(published) if published else None
        except (TypeError, ValueError):
            raise _Bad(f'"published" {published!r} is not a date YYYY-MM-DD') from None
        required, optional = _required_optional(item.get("entities"), "entities")
        return GoldDocument(
            doc_id=doc_id,
            text=text,
            lang=_str_or_none(item.get("lang"), "lang"),
            published=date,
            mentions=_mentions(item.get("mentions"), doc_id, text),
            entities=None if required is None else tuple(_end(e, "entities") for e in required),
            entities_optional=tuple(_end(e, "entities") for e in optional),
            facts=_facts(item.get("facts")),
            quotes=_quotes(item.get("quotes", item.get("quotations"))),
            meetings=_meetings(item.get("meetings"), item.get("meetings_optional")),
        )
    except _Bad as exc:
        raise InputError(f"{where}: {exc}") from None


def _text(text: Any, text_file: Any, path: Path) -> str | None:
    """The document's text: ``text`` itself, or a file named by ``text_file`` (or by a ``text`` that is
    a single-line relative path ending in .txt/.md/.html), found from the gold file's folder upwards."""
    name = text_file if text_file is not None else text
    if name is None:
        return None
    if not isinstance(name, str):
        raise _Bad('"text" is not a string')
    looks_like_file = text_file is not None or (
        "\n" not in name and name.endswith((".txt", ".md", ".html")) and len(name) < 300
    )
    if not looks_like_file:
        return name
    for folder in (path.parent.resolve(), *path.parent.resolve().parents):
        candidate = folder / name
        if candidate.is_file():
            try:
                return candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise _Bad(f"cannot read its text {candidate}: {exc}") from None
    if text_file is not None:
        raise _Bad(f'"text_file" {name}: no such file beside the gold file or above it')
    return None  # a path we cannot find: the text is unknown (scoring an output still works)


def _str_or_none(value: Any, key: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _Bad(f'"{key}" is not a string')
    return value


def _end(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{where}: an end {value!r} is not a QID, a literal or '~name' text")
    return value


def _required_optional(value: Any, key: str) -> tuple[list[Any] | None, list[Any]]:
    """``{"required": [...], "optional": [...]}``, or a list whose items may say ``"optional": true``."""
    if value is None:
        return None, []
    if isinstance(value, dict):
        required, optional = value.get("required", []), value.get("optional", [])
        if not isinstance(required, list) or not isinstance(optional, list):
            raise _Bad(f'"{key}": "required" and "optional" must be lists')
        return required, optional
    if isinstance(value, list):
        opt = [v for v in value if isinstance(v, dict) and v.get("optional")]
        return [v for v in value if not (isinstance(v, dict) and v.get("optional"))], opt
    raise _Bad(f'"{key}" is neither a list nor an object with "required"/"optional"')


def _facts(value: Any) -> tuple[GoldFact, ...] | None:
    required, optional = _required_optional(value, "facts")
    if required is None:
        return None
    return tuple(_fact(v, False) for v in required) + tuple(_fact(v, True) for v in optional)


def _fact(value: Any, optional: bool) -> GoldFact:
    if isinstance(value, list):
        if len(value) not in (3, 4) or not all(isinstance(v, str) for v in value):
            raise _Bad(f"facts: {value!r} is not [subject, property, object, polarity?]")
        return GoldFact(
            _end(value[0], "facts"),
            value[1],
            _end(value[2], "facts"),
            _polarity(value[3] if len(value) > 3 else "+"),
            optional=optional,
        )
    if not isinstance(value, dict):
        raise _Bad(f"facts: {value!r} is neither a list nor an object")
    for key in ("subject", "property", "object"):
        if not isinstance(value.get(key), str):
            raise _Bad(f'facts: {value!r} has no "{key}" string')
    evidence = value.get("evidence")
    if evidence is not None:
        if isinstance(evidence, dict):
            evidence = [evidence.get("begin"), evidence.get("end")]
        if not (
            isinstance(evidence, list)
            and len(evidence) == 2
            and all(isinstance(v, int) for v in evidence)
            and 0 <= evidence[0] < evidence[1]
        ):
            raise _Bad(f'facts: "evidence" {value["evidence"]!r} is not [begin, end] offsets')
    time = value.get("time")
    if time is not None and not _is_date(time):
        raise _Bad(f'facts: "time" {time!r} is not a date YYYY-MM-DD')
    prop = value["property"]
    prop = prop.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if ":" in prop else prop
    return GoldFact(
        _end(value["subject"], "facts"),
        prop,
        _end(value["object"], "facts"),
        _polarity(value.get("polarity", "+")),
        time,
        tuple(evidence) if evidence else None,
        optional or bool(value.get("optional")),
    )


def _polarity(value: Any) -> str:
    mapping = {"+": "+", "-": "-", "positive": "+", "negative": "-"}
    if not isinstance(value, str) or value.lower() not in mapping:
        raise _Bad(f"facts: polarity {value!r} is not '+' or '-'")
    return mapping[value.lower()]


def _is_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _quotes(value: Any) -> tuple[GoldQuote, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise _Bad('"quotes" is not a list')
    quotes = []
    for q in value:
        if (
            not isinstance(q, dict)
            or not isinstance(q.get("text"), str)
            or not isinstance(q.get("speaker"), str)
        ):
            raise _Bad(f'quotes: {q!r} has no "speaker" and "text" strings')
        quotes.append(GoldQuote(_end(q["speaker"], "quotes"), q["text"], bool(q.get("optional"))))
    return tuple(quotes)


def _meetings(value: Any, optional: Any) -> tuple[GoldMeeting, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not isinstance(optional or [], list):
        raise _Bad('"meetings" is not a list')
    found = []
    for m, is_optional in [(m, False) for m in value] + [(m, True) for m in optional or []]:
        if not isinstance(m, dict):
            raise _Bad(f"meetings: {m!r} is not an object")
        place = m.get("location", m.get("place"))
        parts = m.get("participants", [])
        date = m.get("date")
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            raise _Bad(f'meetings: "participants" of {m!r} is not a list of ends')
        if date is not None and not _is_date(date):
            raise _Bad(f'meetings: "date" {date!r} is not a date YYYY-MM-DD')
        found.append(
            GoldMeeting(
                _str_or_none(place, "location"), tuple(parts), date, is_optional or bool(m.get("optional"))
            )
        )
    return tuple(found)


def _mentions(value: Any, doc_id: str, text: str | None) -> NifDocument | None:
    """``"mentions": [{"begin": 0, "end": 11, "entity": "Q183" | "NIL" | an IRI}]`` (needs the text)."""
    if value is None:
        return None
    if text is None:
        raise _Bad('"mentions" needs the document\'s "text" (offsets point into it)')
    if not isinstance(value, list):
        raise _Bad('"mentions" is not a list')
    annotations = []
    for m in value:
        if (
            not isinstance(m, dict)
            or not isinstance(m.get("begin"), int)
            or not isinstance(m.get("end"), int)
        ):
            raise _Bad(f'mentions: {m!r} has no integer "begin" and "end"')
        begin, end = m["begin"], m["end"]
        if not 0 <= begin < end <= len(text):
            raise _Bad(f"mentions: offsets {begin},{end} are outside the text (length {len(text)})")
        entity = m.get("entity", "NIL")
        if not isinstance(entity, str):
            raise _Bad(f'mentions: "entity" {entity!r} is not a string')
        if entity.startswith("Q") and entity[1:].isdigit():
            iri = WD + entity
        elif ":" in entity:
            iri = normalise_iri(entity)
        else:
            iri = f"urn:kg-eval:nil:{doc_id}:{begin},{end}"  # NIL: any IRI outside the KB
        annotations.append(NifAnnotation(begin, end, text[begin:end], (iri,)))
    return NifDocument(doc_id, text, tuple(sorted(annotations, key=lambda a: (a.begin, a.end))))
