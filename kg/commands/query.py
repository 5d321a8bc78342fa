"""``kg query NAME|FILE.rq [--store DIR | --endpoint URL] [--param k=v] [--format table|csv|json]``."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from kg.commands._checks import http_url
from kg.errors import ConfigError, QueryError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "query",
        help="run a library query (queries/*.rq) or a .rq file against a store or a SPARQL endpoint",
        description=(
            "NAME is a query of the library (kg query --list shows them) or a path to a .rq file. "
            "Parameters declared in the query's header (# param: name = default) are set with "
            "--param name=value: <IRI>, prefix:name (wd:Q212), a Wikidata id (Q212), a number, "
            'or "text"@lang.'
        ),
    )
    p.add_argument("query", nargs="?", metavar="NAME|FILE.rq")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, metavar="DIR", help="query a local store")
    where.add_argument(
        "--endpoint", metavar="URL", help="query a SPARQL endpoint (e.g. http://127.0.0.1:7878/sparql)"
    )
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="set a query parameter")
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output for SELECT/ASK (CONSTRUCT/DESCRIBE always print Turtle); default table",
    )
    p.add_argument(
        "--timeout",
        type=int,
        default=300,
        metavar="SECONDS",
        help="with --endpoint: give up on an endpoint that has not answered after this long (default 300)",
    )
    p.add_argument("--list", action="store_true", help="list the query library and exit")
    p.add_argument(
        "--show", action="store_true", help="print the query (parameters filled in) instead of running it"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store.library import find_query, library

    if args.list:
        for q in library():
            params = " ".join(f"{p.name}={p.default}" for p in q.parameters)
            print(f"{q.name:<24} {q.title}" + (f"  [{params}]" if params else ""))
        return 0
    if not args.query:
        raise ConfigError("name a query (kg query --list shows the library) or give a .rq file")
    values = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--param {item!r}: want NAME=VALUE")
        values[name.strip()] = value
    query = find_query(args.query)
    sparql = query.render(values)
    if args.show:
        print(sparql)
        return 0
    if args.endpoint:
        http_url(args.endpoint, "--endpoint", "a SPARQL endpoint")
        if args.timeout <= 0:
            raise ConfigError(f"--timeout {args.timeout}: want a positive number of seconds")
        result = _remote(args.endpoint, sparql, args.timeout)
    elif args.store:
        result = _local(args.store, sparql, query.path.name)
    else:
        raise ConfigError("say where to query: --store DIR or --endpoint URL")
    _print(result, args.format)
    return 0


# A result in one shape for both sources: ("boolean", bool) | ("solutions", (vars, rows of term dicts))
# | ("graph", turtle text). Term dicts are SPARQL JSON results terms.
Result = tuple[str, Any]


def _local(store_dir: Path, sparql: str, label: str) -> Result:
    import pyoxigraph as ox

    from kg.serve.results import serialize, term_json
    from kg.store import PREFIXES, Store

    store = Store.open(store_dir, read_only=True)
    try:
        result = store.query(sparql)
    except QueryError as exc:
        raise QueryError(f"{label}: {exc}") from exc
    if isinstance(result, (ox.QueryBoolean, bool)):
        return "boolean", bool(result)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [{v: term_json(t) for v, t in zip(variables, s, strict=True) if t is not None} for s in result]
        return "solutions", (variables, rows)
    return "graph", serialize(list(result), ox.RdfFormat.TURTLE, PREFIXES).decode()


def _remote(endpoint: str, sparql: str, timeout: int) -> Result:
    from urllib.error import HTTPError, URLError

    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint, agent="kg-query")
    client.setQuery(sparql)
    client.setMethod(POST)
    client.setTimeout(timeout)
    graph = client.queryType in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph else JSON)
    try:
        response = client.query()
        if graph:
            data: Any = response.convert()
            return "graph", data.decode() if isinstance(data, bytes) else str(data.serialize(format="turtle"))
        body = response.response.read()
    except HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{endpoint}: HTTP {exc.code}: {detail[0] if detail else exc.reason}") from exc
    except SPARQLWrapperException as exc:
        raise QueryError(f"{endpoint}: {' '.join(str(exc).split())[:300]}") from exc
    except URLError as exc:
        raise QueryError(f"{endpoint}: cannot reach the endpoint: {exc.reason}") from exc
    except OSError as exc:
        raise QueryError(f"{endpoint}: {exc}") from exc
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results") from exc
    try:
        if "boolean" in data:
            return "boolean", bool(data["boolean"])
        return "solutions", (list(data["head"].get("vars", [])), list(data["results"]["bindings"]))
    except (KeyError, TypeError, AttributeError) as exc:
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results") from exc


def _print(result: Result, fmt: str) -> None:
    kind, value = result
    if kind == "graph":
        sys.stdout.write(value)
        return
    if kind == "boolean":
        print(json.dumps({"head": {}, "boolean": value}) if fmt == "json" else ("true" if value else "false"))
        return
    variables, rows = value
    if fmt == "json":
        print(
            json.dumps(
                {"head": {"vars": variables}, "results": {"bindings": rows}}, ensure_ascii=False, indent=1
            )
        )
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([row[v]["value"] if v in row else "" for v in variables])
        sys.stdout.write(out.getvalue())
    else:
        _table(variables, rows)


def _compact(term: dict[str, Any]) -> str:
    from kg.store import PREFIXES

    value = str(term["value"])
    if term["type"] == "uri":
        for prefix, namespace in PREFIXES.items():
            if value.startswith(namespace) and value != namespace:
                return f"{prefix}:{value[len(namespace) :]}"
        return f"<{value}>"
    if term["type"] == "bnode":
        return "_:" + value
    return value.replace("\n", " ")


def _table(variables: list[str], rows: list[dict[str, Any]]) -> None:
    cells = [[_compact(row[v]) if v in row else "" for v in variables] for row in rows]
    widths = [min(60, max([len(v)] + [len(r[i]) for r in cells])) for i, v in enumerate(variables)]

    def line(values: list[str]) -> str:
        return "  ".join(
            (c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(values, widths, strict=True)
        )

    print(line(variables).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print(line(r).rstrip())
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
