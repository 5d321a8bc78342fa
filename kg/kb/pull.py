"""``kg kb pull``: fetch Wikidata-shaped items from a SPARQL endpoint through SPARQLWrapper.

Items are fetched with one CONSTRUCT per batch of QIDs (``VALUES ?item { … }``), so the result
has the shape of the seed file and goes through the same reader. A ``--query`` may be a
CONSTRUCT (its graph is read as it is) or a SELECT whose first column holds items (they are
then fetched in batches). Requests carry a User-Agent naming kg (Wikidata's policy asks for
one), time out, and are retried with exponential back-off on 429/502/503/504 (honouring
``Retry-After``). An unreachable endpoint is one ``KnowledgeBaseError`` line.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import os
import re
import time
import urllib.error
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

import kg
from kg.errors import KnowledgeBaseError
from kg.kb.wikidata_rdf import records_from_rdf
from kg.model import WD

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
RETRY_STATUS = frozenset({429, 502, 503, 504})
MAX_RETRY_WAIT = 60.0
LANGUAGES = ("de", "en")
PROPERTIES = ("P31", "P279", "P17", "P39", "P463", "P1001", "P1082", "P297", "P298", "P159", "P36", "P1813")

RELATED_PROPERTIES = ("P39", "P1001", "P463", "P17", "P159")

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""

# Named item lists; each SELECT's first column holds the items. Only ids of the bundled KB.
PRESETS: dict[str, tuple[str, str]] = {
    "countries": (
        "sovereign states and countries (P31 country)",
        "SELECT DISTINCT ?item WHERE { ?item wdt:P31 wd:Q6256 }",
    ),
    "nato-members": ("members of NATO", "SELECT DISTINCT ?item WHERE { ?item wdt:P463 wd:Q7184 }"),
    "eu-members": ("members of the European Union", "SELECT DISTINCT ?item WHERE { ?item wdt:P463 wd:Q458 }"),
    "organisations": (
        "international organisations (P31 Q484652)",
        "SELECT DISTINCT ?item WHERE { ?item wdt:P31 wd:Q484652 }",
    ),
    "offices": (
        "positions (P31 Q4164871) with a jurisdiction",
        "SELECT DISTINCT ?item WHERE { ?item wdt:P31 wd:Q4164871 ; wdt:P1001 [] }",
    ),
}


def user_agent() -> str:
    return os.environ.get(
        "KG_USER_AGENT",
        f"kg/{kg.__version__} (knowledge-graph exporter for news; https://w3id.org/kg-news) SPARQLWrapper",
    )


def items_query(qids: Sequence[str], languages: Sequence[str] = LANGUAGES) -> str:
    """CONSTRUCT of the names and kept claims of ``qids``."""
    values = " ".join(f"wd:{q}" for q in qids)
    props = " ".join(f"wdt:{p}" for p in PROPERTIES)
    langs = ", ".join(f'"{lang}"' for lang in languages)
    return (
        PREFIXES
        + "CONSTRUCT { ?item ?p ?o } WHERE {\n"
        + f"  VALUES ?item {{ {values} }}\n"
        + f"  VALUES ?p {{ rdfs:label skos:altLabel schema:description {props} }}\n"
        + "  ?item ?p ?o .\n"
        + f'  FILTER(!isLiteral(?o) || lang(?o) = "" || lang(?o) IN ({langs}))\n'
        + "}\n"
    )


def parse_qids(text: str) -> list[str]:
    qids = [q.strip() for q in re.split(r"[,\s]+", text) if q.strip()]
    bad = [q for q in qids if not re.fullmatch(r"Q\d+", q)]
    if bad:
        raise KnowledgeBaseError(f"not Wikidata item ids: {', '.join(bad)} (expected Q123,Q456)")
    return list(dict.fromkeys(qids))


@dataclass
class PullResult:
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: int = 0  # HTTP requests that succeeded
    retries: int = 0
    batches: int = 0


@dataclass
class SparqlClient:
    endpoint: str = DEFAULT_ENDPOINT
    timeout: float = 60.0
    max_retries: int = 4
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    sleep: Callable[[float], None] = time.sleep
    result: PullResult = field(default_factory=PullResult)

    def construct(self, query: str) -> dict[str, dict[str, Any]]:
        data, content_type = self._request(query, TURTLE)
        fmt = _rdf_format(content_type)
        return records_from_rdf(data, fmt, origin=self.endpoint)

    def construct_bytes(self, query: str) -> tuple[bytes, str]:
        """The raw answer (bytes, Content-Type) of a CONSTRUCT, with the same retries and errors."""
        return self._request(query, TURTLE)

    def select_items(self, query: str) -> list[str]:
        data, _ = self._request(query, JSON)
        try:
            document = json.loads(data.decode("utf-8"))
            variables = document["head"]["vars"]
            rows = document["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeBaseError(
                f"{self.endpoint}: the SELECT answer is not SPARQL JSON results"
            ) from exc
        qids: list[str] = []
        for row in rows:
            value = row.get(variables[0], {}).get("value", "") if variables else ""
            if value.startswith(WD) and re.fullmatch(r"Q\d+", value[len(WD) :]):
                qids.append(value[len(WD) :])
        return list(dict.fromkeys(qids))

    def _request(self, query: str, return_format: str) -> tuple[bytes, str]:
        wrapper = SPARQLWrapper(self.endpoint, agent=user_agent())
        wrapper.setQuery(query)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(max(1, self.timeout)))
        wrapper.setReturnFormat(return_format)
        attempt = 0
        while True:
            try:
                response = wrapper.query().response
                data: bytes = response.read()
                content_type = response.headers.get("Content-Type", "") if response.headers else ""
                self.result.requests += 1
                return data, content_type
            except urllib.error.HTTPError as exc:
                if exc.code in RETRY_STATUS and attempt < self.max_retries:
                    self._wait(
                        attempt, exc.headers.get("Retry-After") if exc.headers else None, f"HTTP {exc.code}"
                    )
                    attempt += 1
                    continue
                raise KnowledgeBaseError(
                    f"SPARQL endpoint {self.endpoint} answered HTTP {exc.code} {exc.reason}"
                    + (f" after {attempt + 1} attempts" if attempt else "")
                ) from exc
            except SPARQLWrapperException as exc:
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise KnowledgeBaseError(
                    f"SPARQL endpoint {self.endpoint} refused the query: {first}"
                ) from exc
            except TimeoutError as exc:
                if attempt < self.max_retries:
                    self._wait(attempt, None, "timeout")
                    attempt += 1
                    continue
                raise KnowledgeBaseError(
                    f"SPARQL endpoint {self.endpoint} did not answer within {self.timeout:g} s"
                ) from exc
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, TimeoutError) and attempt < self.max_retries:
                    self._wait(attempt, None, "timeout")
                    attempt += 1
                    continue
                raise KnowledgeBaseError(
                    f"cannot reach SPARQL endpoint {self.endpoint}: {_reason(reason)} "
                    "(offline or wrong --endpoint?)"
                ) from exc
            except (ConnectionError, http.client.HTTPException) as exc:
                raise KnowledgeBaseError(
                    f"cannot reach SPARQL endpoint {self.endpoint}: {_reason(exc)} "
                    "(offline or wrong --endpoint?)"
                ) from exc

    def _wait(self, attempt: int, retry_after: str | None, why: str) -> None:
        wait = self.backoff * (2**attempt)
        if retry_after is not None:
            with contextlib.suppress(ValueError):
                wait = float(retry_after)
        wait = max(0.0, min(MAX_RETRY_WAIT, wait))
        log.warning("SPARQL endpoint %s: %s, retrying in %.1f s", self.endpoint, why, wait)
        self.result.retries += 1
        self.sleep(wait)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _rdf_format(content_type: str) -> ox.RdfFormat:
    media = content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    return fmt or ox.RdfFormat.TURTLE


def pull(
    client: SparqlClient,
    *,
    items: Sequence[str] = (),
    query: str | None = None,
    preset: str | None = None,
    batch_size: int = 50,
    related: bool = False,
) -> PullResult:
    """Fetch items named by QIDs, a query or a preset; ``client.result`` counts the requests.
    ``related``: also the items they point to (offices held, jurisdictions, memberships,
    countries, headquarters), one level deep, so a pulled person comes with the office's names."""
    if batch_size < 1:
        raise KnowledgeBaseError("--batch-size must be at least 1")
    qids = list(items)
    if preset is not None:
        if preset not in PRESETS:
            raise KnowledgeBaseError(f"unknown preset {preset!r} (one of {', '.join(sorted(PRESETS))})")
        qids += client.select_items(PREFIXES + PRESETS[preset][1])
    if query is not None:
        kind = query_kind(query)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            _merge(client.result.records, client.construct(query))
            client.result.batches += 1
        elif kind == "SELECT":
            qids += client.select_items(query)
        else:
            raise KnowledgeBaseError("the --query must be a SELECT (of items) or a CONSTRUCT query")
    _fetch(client, list(dict.fromkeys(qids)), batch_size)
    if related:
        referenced = {
            value
            for record in client.result.records.values()
            for prop in RELATED_PROPERTIES
            for value in record.get("claims", {}).get(prop, ())
            if re.fullmatch(r"Q\d+", value)
        }
        _fetch(client, sorted(referenced - set(client.result.records), key=lambda q: int(q[1:])), batch_size)
    return client.result


def _fetch(client: SparqlClient, qids: Sequence[str], batch_size: int) -> None:
    for start in range(0, len(qids), batch_size):
        _merge(client.result.records, client.construct(items_query(qids[start : start + batch_size])))
        client.result.batches += 1


def query_kind(query: str) -> str:
    body = re.sub(r"(?m)#.*$", "", query)
    body = re.sub(r"(?is)\b(PREFIX|BASE)\s+\S*\s*<[^>]*>", "", body)
    match = re.search(r"(?i)\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", body)
    return match.group(1).upper() if match else ""


def _merge(target: dict[str, dict[str, Any]], records: dict[str, dict[str, Any]]) -> None:
    from kg.kb.items import merge_records

    for qid, record in records.items():
        target[qid] = merge_records(target[qid], record) if qid in target else record
