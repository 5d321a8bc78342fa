"""Slices of Wikidata's dumps -> item records, streamed: the JSON dump (one entity per line,
``[``/``]`` lines and trailing commas as in ``latest-all.json``) and truthy N-Triples, plain,
gzip or bz2. Memory holds only the kept records (and, for N-Triples, one subject at a time).

Filters (``DumpFilter``): presets by properties, which need no type ids —

* ``humans-with-position``  P31 Q5 (human) and a P39 (position held);
* ``humans-with-occupation`` P31 Q5 and a P106 (occupation): sports people, journalists …;
* ``with-headquarters``     a P159 (headquarters location): companies, news agencies, parties;
* ``with-country``          a P17 (country): places, organisations, events of a country;
* ``events``                a P585 (point in time) or P580 (start time);

and any ``--instance-of Q…`` ids the user gives (Q ids are never guessed here).
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from kg.errors import KnowledgeBaseError
from kg.kb.wikidata_rdf import KEPT_PROPERTIES, _add, _is_qid
from kg.model import WD

HUMAN = "Q5"
LANGUAGES = ("de", "en")
PRESETS: dict[str, Callable[[dict[str, list[str]]], bool]] = {
    "humans-with-position": lambda c: HUMAN in c.get("P31", ()) and bool(c.get("P39")),
    "humans-with-occupation": lambda c: HUMAN in c.get("P31", ()) and bool(c.get("P106")),
    "with-headquarters": lambda c: bool(c.get("P159")),
    "with-country": lambda c: bool(c.get("P17")),
    "events": lambda c: bool(c.get("P585") or c.get("P580")),
}
KEPT = KEPT_PROPERTIES | {"P106", "P585", "P580", "P582"}


@dataclass
class DumpFilter:
    presets: tuple[str, ...] = ()
    instance_of: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = [p for p in self.presets if p not in PRESETS]
        if unknown:
            raise KnowledgeBaseError(f"unknown --types {', '.join(unknown)} (one of {', '.join(PRESETS)})")

    def keeps(self, claims: dict[str, list[str]]) -> bool:
        if not self.presets and not self.instance_of:
            return True
        if self.instance_of.intersection(claims.get("P31", ())):
            return True
        return any(PRESETS[p](claims) for p in self.presets)

    def describe(self) -> str:
        parts = list(self.presets) + [f"P31 {q}" for q in sorted(self.instance_of)]
        return ", ".join(parts) or "all items"


@dataclass
class DumpStats:
    read: int = 0
    kept: int = 0
    latest_modified: str = ""  # the newest "modified" stamp seen: the dump's date
    records: dict[str, dict[str, Any]] = field(default_factory=dict)


def is_dump(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in (".json", ".ndjson", ".json.gz", ".json.bz2", ".nt.gz", ".nt.bz2"))


def _open(path: Path) -> IO[bytes]:
    name = path.name.lower()
    try:
        if name.endswith(".gz"):
            return cast(IO[bytes], gzip.open(path, "rb"))
        if name.endswith(".bz2"):
            return cast(IO[bytes], bz2.open(path, "rb"))
        return path.open("rb")
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def read_dump(
    path: Path, dump_filter: DumpFilter, progress: Callable[[DumpStats], None] | None = None
) -> DumpStats:
    stats = DumpStats()
    entities = _nt_entities(path) if ".nt" in path.name.lower() else _json_entities(path)
    try:
        for entity in entities:
            stats.read += 1
            if progress is not None and stats.read % 50_000 == 0:
                progress(stats)
            record = _record(entity) if "records" not in entity else entity["records"]
            if record is None or not dump_filter.keeps(record.get("claims", {})):
                continue
            stats.kept += 1
            stats.latest_modified = max(stats.latest_modified, str(entity.get("modified", "")))
            stats.records[record["id"]] = record
    except (OSError, EOFError) as exc:
        raise KnowledgeBaseError(f"{path}: the compressed dump is damaged: {exc}") from exc
    return stats


def _json_entities(path: Path) -> Iterator[dict[str, Any]]:
    with _open(path) as stream:
        for number, raw in enumerate(stream, 1):
            line = raw.strip().rstrip(b",")
            if not line or line in (b"[", b"]"):
                continue
            try:
                entity = json.loads(line)
            except ValueError as exc:
                raise KnowledgeBaseError(f"{path}:{number}: not a Wikidata JSON entity ({exc})") from exc
            if isinstance(entity, dict):
                yield entity


def _record(entity: dict[str, Any]) -> dict[str, Any] | None:
    """A JSON-dump entity as a KB record: de/en labels, aliases, descriptions, kept truthy claims."""
    qid = entity.get("id")
    if not isinstance(qid, str) or not _is_qid(qid):
        return None
    record: dict[str, Any] = {"id": qid}
    labels = {lang: v["value"] for lang, v in entity.get("labels", {}).items() if lang in LANGUAGES}
    if not labels:
        return None
    record["labels"] = labels
    aliases = {
        lang: [a["value"] for a in values]
        for lang, values in entity.get("aliases", {}).items()
        if lang in LANGUAGES
    }
    if aliases:
        record["aliases"] = aliases
    descriptions = {
        lang: v["value"] for lang, v in entity.get("descriptions", {}).items() if lang in LANGUAGES
    }
    if descriptions:
        record["descriptions"] = descriptions
    claims: dict[str, list[str]] = {}
    for prop, statements in entity.get("claims", {}).items():
        if prop not in KEPT:
            continue
        best = [s for s in statements if s.get("rank") == "preferred"] or [
            s for s in statements if s.get("rank") != "deprecated"
        ]  # truthy: the preferred statements, else the normal ones
        for statement in best:
            value = _value(statement.get("mainsnak", {}))
            if value is not None and value not in claims.setdefault(prop, []):
                claims[prop].append(value)
    record["claims"] = {p: v for p, v in claims.items() if v}
    return record


def _value(snak: dict[str, Any]) -> str | None:
    if snak.get("snaktype") != "value":
        return None
    value = snak.get("datavalue", {}).get("value")
    if isinstance(value, dict):
        if "id" in value:
            return str(value["id"])
        if "time" in value:
            return str(value["time"]).lstrip("+")[:10]
        if "amount" in value:
            return str(value["amount"]).lstrip("+")
        return None
    return str(value) if value is not None else None


def _nt_entities(path: Path) -> Iterator[dict[str, Any]]:
    """Truthy N-Triples, grouped by subject as the dump is: one record per subject."""
    current: dict[str, Any] | None = None
    with _open(path) as stream:
        try:
            for triple in ox.parse(stream, format=ox.RdfFormat.N_TRIPLES):
                subject = triple.subject
                if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(WD):
                    continue
                qid = subject.value[len(WD) :]
                if not _is_qid(qid):
                    continue
                if current is None or current["id"] != qid:
                    if current is not None and len(current) > 1:
                        yield {"records": current}
                    current = {"id": qid}
                _add(current, triple.predicate.value, triple.object)
        except SyntaxError as exc:
            raise KnowledgeBaseError(
                f"{path}: not readable as N-Triples: {str(exc).splitlines()[0]}"
            ) from exc
    if current is not None and len(current) > 1:
        yield {"records": current}
