"""``kg push --store DIR --to URL``: copy each document graph to a SPARQL 1.1 Graph Store Protocol endpoint.

One ``PUT URL?graph=<IRI>`` per named graph: the remote graph is replaced, so pushing twice leaves the
same data (idempotent). The body is N-Triples sent as ``text/turtle`` (N-Triples is Turtle), which every
store we know accepts. See docs/push.md for the URL of each engine.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.commands._checks import http_url
from kg.errors import ConfigError, KgError


class PushError(KgError):
    exit_code = 3


def register(sub: Any) -> None:
    p = sub.add_parser(
        "push",
        help="write each document graph of a store to a Graph Store Protocol endpoint (PUT per graph)",
        description="Examples of --to: Oxigraph http://HOST:7878/store, "
        "Fuseki http://HOST:3030/DATASET/data, "
        "GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service, "
        "Virtuoso http://HOST:8890/sparql-graph-crud-auth (see docs/push.md).",
    )
    p.add_argument("--store", required=True, type=Path, metavar="DIR")
    p.add_argument("--to", required=True, metavar="URL", help="the Graph Store Protocol endpoint")
    p.add_argument(
        "--graph", action="append", default=None, metavar="IRI", help="push only this graph (repeatable)"
    )
    p.add_argument("--auth", choices=("none", "basic", "digest", "bearer"), default="none")
    p.add_argument("--user", help="user for basic/digest auth")
    p.add_argument(
        "--password-env",
        default="KG_PUSH_PASSWORD",
        metavar="VAR",
        help="environment variable holding the password or bearer token (default KG_PUSH_PASSWORD)",
    )
    p.add_argument(
        "--timeout", type=float, default=120.0, metavar="SECONDS", help="per request (default 120)"
    )
    p.set_defaults(func=run)


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    failures: list[str] = field(default_factory=list)


def run(args: argparse.Namespace) -> int:
    from kg.store import Store

    http_url(args.to, "--to", "a Graph Store Protocol endpoint")
    if args.timeout <= 0:
        raise ConfigError(f"--timeout {args.timeout}: want a positive number of seconds")
    opener = _opener(args)
    store = Store.open(args.store, read_only=True)
    graphs = args.graph or store.graph_names()
    report = PushReport()
    for graph in graphs:
        if not store.contains_graph(graph):
            report.failures.append(f"{graph}: no such graph in {args.store}")
            continue
        triples = push_graph(store, graph, args.to, opener, args.timeout, report)
        if triples is not None:
            print(f"{graph}: {triples} triples", file=sys.stderr)
    for failure in report.failures:
        print(f"kg: push failed: {failure}", file=sys.stderr)
    print(
        f"pushed {report.graphs} graph(s), {report.triples} triples to {args.to}"
        + (f"; {len(report.failures)} failed" if report.failures else ""),
        file=sys.stderr,
    )
    return 3 if report.failures else 0


def push_graph(
    store: Any,
    graph: str,
    endpoint: str,
    opener: urllib.request.OpenerDirector,
    timeout: float,
    report: PushReport,
) -> int | None:
    import pyoxigraph as ox

    triples = [q.triple for q in store.graph_quads(graph)]
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    target = f"{endpoint}{separator}graph={urllib.parse.quote(graph, safe='')}"
    request = urllib.request.Request(
        target, data=body, method="PUT", headers={"Content-Type": "text/turtle; charset=utf-8"}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        report.failures.append(
            f"{graph}: HTTP {exc.code} {exc.reason}" + (f": {detail[0][:200]}" if detail else "")
        )
        return None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"{endpoint}: cannot reach the endpoint: {reason}") from exc
    report.graphs += 1
    report.triples += len(triples)
    return len(triples)


def _opener(args: argparse.Namespace) -> urllib.request.OpenerDirector:
    secret = os.environ.get(args.password_env, "")
    if args.auth == "none":
        return urllib.request.build_opener()
    if not secret:
        raise ConfigError(f"--auth {args.auth}: put the password or token in ${args.password_env}")
    if args.auth == "bearer":
        opener = urllib.request.build_opener()
        opener.addheaders = [("Authorization", f"Bearer {secret}")]
        return opener
    if not args.user:
        raise ConfigError(f"--auth {args.auth} needs --user")
    if args.auth == "basic":
        opener = urllib.request.build_opener()
        credentials = base64.b64encode(f"{args.user}:{secret}".encode()).decode()
        opener.addheaders = [("Authorization", f"Basic {credentials}")]
        return opener
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, args.to, args.user, secret)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager))
