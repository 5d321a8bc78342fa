"""``kg eval GOLD [OUTPUT | --store DIR | --extract]``: score kg's output against gold."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.errors import ConfigError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="score kg's output against gold (NIF as GERBIL reads it, or kg's JSON gold)",
        description=(
            "Score an extracted graph against gold: per document and micro/macro P, R, F1 for entities "
            "(GERBIL A2KB strong and weak, D2KB, when the gold has spans), facts (document level and "
            "strict), quotations and meetings. GOLD is a NIF corpus (.ttl .nt .trig .nq .jsonld .nif) or "
            "kg's JSON gold (.json, see docs/eval.md). The output is a file kg wrote, --store DIR, or "
            "--extract (run the extraction on the gold's texts). With --write-nif and one path and "
            "neither --store nor --extract, that path is an OUTPUT to convert, not scored."
        ),
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="GOLD [OUTPUT]", help="gold file, then kg's output")
    p.add_argument("--store", type=Path, metavar="DIR", help="score the documents of this kg store")
    p.add_argument("--extract", action="store_true", help="run kg's extraction on the gold's texts")
    p.add_argument("--model", default=None, help="spaCy pipeline for --extract (default: best installed)")
    p.add_argument("--lang", choices=["de", "en"], help="language of the gold texts for --extract")
    p.add_argument("--format", choices=["text", "json"], default="text", help="how to print the scores")
    p.add_argument("--explain", action="store_true", help="list what was missed and what was extra")
    p.add_argument(
        "--optional",
        choices=["tp", "ignore"],
        default="tp",
        help="optional gold items found: true positives (default) or ignored (as score.py does)",
    )
    p.add_argument("--write-nif", type=Path, metavar="OUT", help="write kg's output as a NIF corpus (Turtle)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.eval.gold import read_gold
    from kg.eval.nif import write_nif_corpus
    from kg.eval.report import render_json, render_text
    from kg.eval.run import evaluate, extract_gold_texts, system_as_nif
    from kg.eval.system import open_output, read_system

    paths: list[Path] = args.paths
    if len(paths) > 2:
        raise ConfigError("give GOLD and at most one OUTPUT")
    sources = (len(paths) == 2) + bool(args.store) + bool(args.extract)
    convert_only = args.write_nif is not None and len(paths) == 1 and sources == 0
    if not paths:
        raise ConfigError("give a GOLD file (and OUTPUT, --store DIR or --extract)")
    if not convert_only and sources != 1:
        raise ConfigError("say what to score against the gold: one of OUTPUT, --store DIR or --extract")
    gold = None if convert_only else read_gold(paths[0])
    if args.extract:
        assert gold is not None
        dataset = extract_gold_texts(gold, model=args.model, lang=args.lang)
        source = f"{paths[0]} (extracted)"
    else:
        output = paths[-1] if len(paths) == 2 or convert_only else None
        if output is not None and not output.exists():
            raise ConfigError(f"{output}: no such output file")
        dataset = open_output(output, args.store)
        source = str(args.store or output)
    system = read_system(dataset, source=source)
    if args.write_nif is not None:
        write_nif_corpus(system_as_nif(gold, system), args.write_nif)
        print(f"wrote {args.write_nif} ({len(system)} document(s))", file=sys.stderr)
    if gold is None:
        return 0
    evaluation = evaluate(gold, system, optional_tp=args.optional == "tp")
    sys.stdout.write(
        render_json(evaluation) if args.format == "json" else render_text(evaluation, explain=args.explain)
    )
    return 0
