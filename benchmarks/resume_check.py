"""Interrupt a batch run halfway, resume it, and check the store equals a clean one-shot run.

    python benchmarks/resume_check.py --articles 2000 --jobs 2

1. writes N generated articles (``make_corpus.py``) to a JSONL file;
2. clean run: ``kg extract corpus.jsonl --store clean --jobs J`` (timed);
3. the same command into a second store, its stderr a terminal so kg draws its progress bar; when the
   bar passes half the documents, SIGINT (or --signal TERM) is sent;
4. the same command again: it resumes, skipping the finished documents;
5. compares the two stores quad for quad (sorted N-Quads; canonicalised first if there are blank
   nodes, so the check is a graph isomorphism) and writes ``benchmarks/results/resume_check.json``.

``SOURCE_DATE_EPOCH`` is fixed for every run, so the run's time in the provenance is the same and the
stores must be equal including the run nodes (nothing is ignored in the comparison).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import generate, write_jsonl  # noqa: E402
from pty_terminal import Terminal  # noqa: E402

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def kg_command() -> list[str]:
    """How to run kg: ``$KG_COMMAND`` (split on spaces) or this Python's ``-m kg.cli``."""
    custom = os.environ.get("KG_COMMAND")
    return custom.split() if custom else [sys.executable, "-m", "kg.cli"]


def command(corpus: Path, store: Path, jobs: int) -> list[str]:
    return [*kg_command(), "extract", str(corpus), "--store", str(store), "--jobs", str(jobs)]


def extract(corpus: Path, store: Path, jobs: int) -> subprocess.Popen[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return subprocess.Popen([*command(corpus, store, jobs), "--no-progress"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def store_lines(path: Path) -> tuple[list[bytes], int]:
    """The store's quads as sorted N-Quads lines (blank nodes canonically relabelled) and its graph count."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))
    graphs = sum(1 for _ in store.named_graphs())
    data = store.dump(format=ox.RdfFormat.N_QUADS) or b""
    if b"_:" in data:  # blank nodes: compare as graphs, not as labels
        dataset = ox.Dataset(store.quads_for_pattern(None, None, None, None))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        data = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b""
    return sorted(data.splitlines()), graphs


def summary_counts(text: str) -> dict[str, int]:
    """Numbers from the run report: 'documents: 612 ok, 0 failed, 388 unchanged (skipped)'."""
    import re

    counts: dict[str, int] = {}
    for key, pattern in {
        "ok": r"(\d+) ok",
        "failed": r"(\d+) failed",
        "skipped": r"(\d+) unchanged",
        "triples": r"triples: (\d+)",
    }.items():
        match = re.search(pattern, text)
        counts[key] = int(match.group(1)) if match else 0
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--fraction", type=float, default=0.5, help="interrupt when this fraction of the documents is done"
    )
    parser.add_argument("--signal", choices=["INT", "TERM"], default="INT")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and stores here (default: a temp dir)")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "resume_check.json")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-resume-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "corpus.jsonl"
    write_jsonl(generate(args.articles), corpus)
    clean, resumed = workdir / "clean-store", workdir / "resumed-store"

    started = time.perf_counter()
    out, err = extract(corpus, clean, args.jobs).communicate()
    clean_seconds = time.perf_counter() - started
    print(f"clean run: {clean_seconds:.1f} s\n{out.strip()}")
    if err.strip():
        print(err.strip()[-2000:], file=sys.stderr)

    first = Terminal(command(corpus, resumed, args.jobs), dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    started = time.perf_counter()
    target = int(args.articles * args.fraction)
    while first.done(args.articles) < target and first.process.poll() is None:
        time.sleep(0.05)
    at_signal = first.done(args.articles)
    first.process.send_signal(signal.SIGINT if args.signal == "INT" else signal.SIGTERM)
    interrupted_after = time.perf_counter() - started
    code1, out1, err1 = first.finish()
    tail = err1.strip().splitlines()[-4:]
    print(f"interrupted run (SIG{args.signal} at {at_signal}/{args.articles} documents, "
          f"{interrupted_after:.1f} s): exit {code1}\n" + "\n".join(tail))

    second = extract(corpus, resumed, args.jobs)
    out2, _ = second.communicate()
    print(f"resumed run: exit {second.returncode}\n{out2.strip()}")

    clean_data, clean_graphs = store_lines(clean)
    resumed_data, resumed_graphs = store_lines(resumed)
    equal = clean_data == resumed_data
    first_counts, second_counts = summary_counts(err1 + out1), summary_counts(out2)
    result = {
        "articles": args.articles,
        "jobs": args.jobs,
        "signal": f"SIG{args.signal}",
        "clean_seconds": round(clean_seconds, 2),
        "interrupted_after_seconds": round(interrupted_after, 2),
        "documents_done_at_signal": at_signal,
        "interrupted_exit_code": code1,
        "documents_before_interrupt": first_counts["ok"],
        "resumed_skipped": second_counts["skipped"],
        "resumed_extracted": second_counts["ok"],
        "resumed_exit_code": second.returncode,
        "graphs_clean": clean_graphs,
        "graphs_resumed": resumed_graphs,
        "quads_clean": len(clean_data),
        "quads_resumed": len(resumed_data),
        "isomorphic": equal,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.python_implementation()} "
                   f"{platform.python_version()}, {platform.system()}",
        "source_date_epoch": EPOCH,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    ok = equal and clean_graphs == resumed_graphs and code1 == 130 and second.returncode == 0
    print("PASS: the resumed store equals the clean run" if ok else "FAIL", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
