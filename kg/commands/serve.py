"""``kg serve --store DIR``: the SPARQL 1.1 endpoint with a query page."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from kg.commands._checks import http_url
from kg.errors import ConfigError, StoreError


def register(sub: Any) -> None:
    from kg.serve.engine import WIKIDATA_SPARQL

    p = sub.add_parser(
        "serve",
        help="serve a store as a SPARQL 1.1 endpoint with a query page",
        description=(
            "SPARQL 1.1 Protocol on /sparql, Graph Store Protocol (read) on /store, a query page on /, "
            "/health. Read-only unless --allow-update; then updates and graph writes need the bearer "
            "token from $KG_SERVE_TOKEN or --token-file (one is generated and printed if neither is set)."
        ),
    )
    p.add_argument("--store", required=True, type=Path, metavar="DIR")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)"
    )
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    p.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="per-query limit (default 30)"
    )
    p.add_argument(
        "--max-rows",
        type=int,
        default=100_000,
        metavar="N",
        help="largest result, in rows or triples (default 100000)",
    )
    p.add_argument(
        "--max-running",
        type=int,
        default=8,
        metavar="N",
        help="queries running at once, timed-out ones still finishing included (default 8)",
    )
    p.add_argument(
        "--allow-service",
        action="append",
        default=None,
        metavar="URL",
        help=f"endpoint SERVICE may call (repeatable; default: {WIKIDATA_SPARQL})",
    )
    p.add_argument("--no-service", action="store_true", help="refuse every SERVICE clause")
    p.add_argument(
        "--allow-update", action="store_true", help="accept SPARQL Update and graph writes (token needed)"
    )
    p.add_argument(
        "--token-file", type=Path, metavar="FILE", help="file holding the bearer token for updates"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.serve import EngineConfig, ServerConfig, serve
    from kg.serve.engine import WIKIDATA_SPARQL
    from kg.store import Store

    if args.timeout <= 0 or args.max_rows <= 0 or args.max_running <= 0:
        raise ConfigError("--timeout, --max-rows and --max-running must be positive")
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port {args.port}: want a port number from 0 to 65535")
    if not args.store.is_dir():
        raise StoreError(f"{args.store}: no store here (create one with kg load or kg extract --store)")
    services: tuple[str, ...] = () if args.no_service else tuple(args.allow_service or (WIKIDATA_SPARQL,))
    for service in services:
        http_url(service, "--allow-service", "a SPARQL endpoint")
    token = None
    if args.allow_update:
        token = _token(args)
    config = ServerConfig(
        allow_update=args.allow_update,
        token=token,
        engine=EngineConfig(
            timeout=args.timeout, max_rows=args.max_rows, max_running=args.max_running, service_allow=services
        ),
    )
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"kg: warning: serving on {args.host}: other machines can reach this endpoint over plain HTTP"
            + (
                " and the update token travels unencrypted; put a TLS proxy in front"
                if args.allow_update
                else ""
            ),
            file=sys.stderr,
        )
    store = Store.open(args.store)

    def ready(server: Any) -> None:
        host, port = server.server_address[:2]
        print(
            f"kg: serving {args.store} on http://{host}:{port}/ (SPARQL: http://{host}:{port}/sparql)",
            file=sys.stderr,
            flush=True,
        )

    try:
        serve(store, args.host, args.port, config, ready=ready)
    except KeyboardInterrupt:
        print("kg: stopped", file=sys.stderr)
    # A timed-out query may still be computing in a worker thread (Oxigraph cannot cancel it), and the
    # interpreter would wait for it at exit; every write is already committed, so leave at once.
    store.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _token(args: argparse.Namespace) -> str:
    if args.token_file is not None:
        try:
            token: str = args.token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{args.token_file}: cannot read token: {exc.strerror}") from exc
        if len(token) < 16:
            raise ConfigError(f"{args.token_file}: token too short (16 characters at least)")
        return token
    env = os.environ.get("KG_SERVE_TOKEN", "").strip()
    if env:
        if len(env) < 16:
            raise ConfigError("KG_SERVE_TOKEN: token too short (16 characters at least)")
        return env
    token = secrets.token_urlsafe(24)
    print(f"kg: update token (Authorization: Bearer …): {token}", file=sys.stderr, flush=True)
    return token
