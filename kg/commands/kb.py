"""``kg kb info | import FILE… | pull --endpoint URL (--query FILE.rq | --items Q1,Q2 | --preset NAME) |
remove NAME | lookup NAME [--lang de]`` — the knowledge base: what it holds, growing it, asking it."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from kg.commands._checks import http_url
from kg.errors import ConfigError, KnowledgeBaseError


def register(sub: Any) -> None:
    p = sub.add_parser("kb", help="inspect, extend and query the knowledge base used for entity linking")
    kb_sub = p.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)

    info = kb_sub.add_parser("info", help="version, sources and item counts by type")
    info.add_argument("--json", action="store_true", help="print as JSON")
    info.set_defaults(func=run_info)

    imp = kb_sub.add_parser("import", help="add Wikidata-shaped RDF files to the user knowledge base")
    imp.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=".ttl, .nt, .nq, .trig, .rdf or .jsonld"
    )
    imp.add_argument("--name", help="name of the user KB file (default: from the input file)")
    imp.add_argument(
        "--types",
        default="",
        help="for Wikidata dump slices (.json[.gz|.bz2], .nt.gz|.nt.bz2): comma-separated presets "
        "(humans-with-position, humans-with-occupation, with-headquarters, with-country, events)",
    )
    imp.add_argument(
        "--instance-of", default="", metavar="Q1,Q2", help="dump slices: keep items with P31 in these"
    )
    imp.set_defaults(func=run_import)

    pull = kb_sub.add_parser("pull", help="fetch items from a SPARQL endpoint into the user knowledge base")
    from kg.kb.pull import DEFAULT_ENDPOINT, PRESETS

    pull.add_argument(
        "--endpoint", default=DEFAULT_ENDPOINT, help=f"SPARQL endpoint (default {DEFAULT_ENDPOINT})"
    )
    what = pull.add_mutually_exclusive_group(required=True)
    what.add_argument("--query", type=Path, metavar="FILE.rq", help="a CONSTRUCT, or a SELECT of items")
    what.add_argument("--items", metavar="Q1,Q2", help="comma-separated Wikidata item ids")
    what.add_argument("--preset", choices=sorted(PRESETS), help="a named list of items")
    pull.add_argument("--batch-size", type=int, default=50, help="items per CONSTRUCT request (default 50)")
    pull.add_argument("--timeout", type=float, default=60.0, help="seconds per request (default 60)")
    pull.add_argument("--retries", type=int, default=4, help="retries on 429/503 and timeouts (default 4)")
    pull.add_argument(
        "--with-related",
        action="store_true",
        help="also fetch the items the pulled ones point to (offices held, jurisdictions, memberships)",
    )
    pull.add_argument("--name", help="name of the user KB file (default: derived from the request)")
    pull.set_defaults(func=run_pull)

    remove = kb_sub.add_parser("remove", help="remove a user knowledge-base file (see kg kb info)")
    remove.add_argument("name", help="the source name kg kb info lists, e.g. pull-1a2b3c4d")
    remove.set_defaults(func=run_remove)

    lookup = kb_sub.add_parser("lookup", help="candidates for a name, with scores")
    lookup.add_argument("name")
    lookup.add_argument("--lang", default=None, help="language of the name (de, en)")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.set_defaults(func=run_lookup)


def run_info(args: argparse.Namespace) -> int:
    from kg.kb import load_knowledge_base

    kb = load_knowledge_base()
    counts = {kind.value: n for kind, n in sorted(kb.counts_by_kind().items(), key=lambda kv: kv[0].value)}
    lexicon = kb.lexicon
    info: dict[str, Any] = {
        "version": kb.version,
        "items": len(kb),
        "by_type": counts,
        "sources": [
            {"name": s.name, "items": s.items, "path": s.path, "source": s.source} for s in kb.sources
        ],
        "lexicon": {
            "variants": len(lexicon.entries),
            "nil_entities": len(lexicon.nil_targets),
            "given_names": len(lexicon.given_names),
            "titles": len(lexicon.titles),
        },
    }
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return 0
    print(f"knowledge base {kb.version}: {len(kb)} items")
    for kind, n in counts.items():
        print(f"  {kind:14s} {n}")
    print("sources:")
    for s in kb.sources:
        print(f"  {s.name}: {s.items} items ({s.path})" + (f"\n    {s.source}" if s.source else ""))
    lx = info["lexicon"]
    print(
        f"lexicon: {lx['variants']} variants, {lx['nil_entities']} NIL entities, "
        f"{lx['given_names']} given names, {lx['titles']} titles"
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kg.kb.files import user_kb_dir, write_kb
    from kg.kb.wikidata_dump import is_dump
    from kg.kb.wikidata_rdf import records_from_file

    total = 0
    for path in args.files:
        if path.is_dir():
            raise KnowledgeBaseError(f"{path}: is a directory; give the RDF files in it")
        if not path.is_file():
            raise KnowledgeBaseError(f"{path}: no such file")
        if is_dump(path):
            records, source = _read_dump(path, args)
        else:
            records, source = records_from_file(path), str(path.resolve())
        if not records:
            raise KnowledgeBaseError(f"{path}: no Wikidata items (subjects wd:Q…) in the file")
        digest = _file_digest(path)
        name = _safe_name(args.name if args.name and len(args.files) == 1 else f"import-{path.stem}-{digest}")
        target = user_kb_dir() / f"{name}.json.gz"
        write_kb(target, name, source, records)
        total += len(records)
        print(f"imported {len(records)} items from {path} -> {target}")
    _print_version()
    return 0


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:8]


def _read_dump(path: Path, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """A dump slice, streamed with progress; the source names the dump's date and the filters."""
    import sys

    from kg.kb.pull import parse_qids
    from kg.kb.wikidata_dump import DumpFilter, DumpStats, read_dump

    presets = tuple(t.strip() for t in args.types.split(",") if t.strip())
    instance_of = frozenset(parse_qids(args.instance_of)) if args.instance_of else frozenset()
    dump_filter = DumpFilter(presets, instance_of)

    def progress(stats: DumpStats) -> None:
        print(f"{path.name}: {stats.read:,} entities read, {stats.kept:,} kept", file=sys.stderr)

    stats = read_dump(path, dump_filter, progress)
    print(f"{path.name}: {stats.read:,} entities read, {stats.kept:,} kept", file=sys.stderr)
    dated = f", modified up to {stats.latest_modified}" if stats.latest_modified else ""
    return stats.records, f"{path.resolve()} (Wikidata dump slice{dated}; filter: {dump_filter.describe()})"


def run_pull(args: argparse.Namespace) -> int:
    from kg.kb.files import user_kb_dir, write_kb
    from kg.kb.pull import SparqlClient, parse_qids, pull

    if args.batch_size < 1 or args.retries < 0 or args.timeout <= 0:
        raise ConfigError("--batch-size and --timeout must be positive, --retries not negative")
    query = None
    if args.query is not None:
        try:
            query = args.query.read_text(encoding="utf-8")
        except OSError as exc:
            raise KnowledgeBaseError(f"{args.query}: cannot read the query: {exc.strerror or exc}") from exc
    items = parse_qids(args.items) if args.items else []
    http_url(args.endpoint, "--endpoint", "a SPARQL endpoint")
    client = SparqlClient(endpoint=args.endpoint, timeout=args.timeout, max_retries=args.retries)
    result = pull(
        client,
        items=items,
        query=query,
        preset=args.preset,
        batch_size=args.batch_size,
        related=args.with_related,
    )
    if not result.records:
        raise KnowledgeBaseError(f"{args.endpoint}: the request returned no items")
    request_id = json.dumps(
        [args.endpoint, args.items, query, args.preset, args.with_related], sort_keys=True
    )
    name = _safe_name(args.name or f"pull-{hashlib.sha256(request_id.encode()).hexdigest()[:8]}")
    target = user_kb_dir() / f"{name}.json.gz"
    what = (
        (args.preset and f"preset {args.preset}") or (args.query and str(args.query)) or f"items {args.items}"
    )
    write_kb(target, name, f"{args.endpoint} ({what})", result.records)
    print(
        f"pulled {len(result.records)} items in {result.batches} batches "
        f"({result.requests} requests, {result.retries} retries) from {args.endpoint} -> {target}"
    )
    _print_version()
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from kg.kb.files import user_kb_dir, user_kb_files

    target = user_kb_dir() / f"{_safe_name(args.name)}.json.gz"
    if target not in user_kb_files():
        names = ", ".join(p.name[: -len(".json.gz")] for p in user_kb_files()) or "none"
        raise KnowledgeBaseError(f"no user knowledge-base file {args.name!r} (user files: {names})")
    try:
        target.unlink()
    except OSError as exc:
        raise KnowledgeBaseError(f"{target}: cannot remove: {exc.strerror or exc}") from exc
    print(f"removed {target}")
    _print_version()
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from kg.kb import load_knowledge_base

    kb = load_knowledge_base()
    candidates = kb.lookup(args.name, lang=args.lang)
    if not candidates:
        print(f"no candidates for {args.name!r} in knowledge base {kb.version}")
        return 1
    for c in candidates[: max(1, args.limit)]:
        item = kb.item(c.target)
        description = item.description("en") if item is not None else None
        via = f"{c.entry.source} {c.entry.form!r}" + (f"@{c.entry.lang}" if c.entry.lang != "*" else "")
        line = f"{c.target}\t{c.score:.3f}\t{c.kind.value}\t{c.label}\t[{via}]"
        print(line + (f"\t{description}" if description else ""))
    return 0


def _print_version() -> None:
    from kg.kb import load_knowledge_base

    print(f"knowledge base is now {load_knowledge_base().version}")


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip("-.")
    if not cleaned:
        raise ConfigError(f"--name {name!r} has no usable characters")
    return cleaned
