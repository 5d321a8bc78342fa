"""Batch-extraction benchmark: every figure a ratio measured in the same run, on the same machine.

    python benchmarks/bench_extract.py                  # defaults: 600 articles, memory at 100 and 1,000
    python benchmarks/bench_extract.py --articles 200 --memory-base 50 --no-profile   # quicker

1. throughput: ``kg extract corpus.jsonl -o shards/ --jobs 1`` (the whole command, start-up included)
   in tokens/s, versus spaCy's bare pipeline (blank tokenizer + sentencizer, same language, same texts,
   ``nlp.pipe``) — goal ≥ 0.25×;
2. scaling: the same command with ``--jobs 2`` versus ``--jobs 1`` — goal ≥ 1.7×;
3. memory: peak resident memory of ``kg extract … --store`` at 1× and 10× the corpus — goal ≤ 1.2×;
4. hot spots: pyinstrument over an in-process run (``--jobs 1``, after start-up), the top functions
   by own time.

Prints a table and writes ``benchmarks/results/bench_extract.json`` (and ``profile.txt``).
Set nothing else running: the figures are wall-clock times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from chart import main as draw_chart  # noqa: E402
from make_corpus import Article, generate, write_jsonl  # noqa: E402

EPOCH = "1767225600"


def kg_command() -> list[str]:
    custom = os.environ.get("KG_COMMAND")
    return custom.split() if custom else [sys.executable, "-m", "kg.cli"]


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) // 1024 // 1024} GiB"
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average_1min_at_start": load,
    }


# ---- spaCy's bare pipeline -----------------------------------------------------------------------


def bare_spacy(articles: list[Article]) -> tuple[int, float, float]:
    """Tokens, wall seconds and CPU seconds of spaCy's blank tokenizer + sentencizer, per language."""
    import spacy

    tokens = 0
    seconds = 0.0
    cpu = 0.0
    for lang in ("de", "en"):
        texts = [a.text for a in articles if a.lang == lang]
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        list(nlp.pipe(texts[:8]))  # warm up (lazy tables) outside the timing
        started, cpu_started = time.perf_counter(), time.process_time()
        for doc in nlp.pipe(texts, batch_size=32):
            tokens += len(doc)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    return tokens, seconds, cpu


# ---- kg extract ----------------------------------------------------------------------------------


def _process_tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds (user + system) of ``root`` and all its descendants, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / ticks
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return {pid: cpu.get(pid, 0.0) for pid in tree}


class Timed:
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    stdout: str = ""

    @property
    def cores(self) -> float:
        """How many cores the run had on average: less than --jobs means others were using the CPU."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0


def timed_extract(corpus: Path, args: list[str]) -> Timed:
    """Wall time of the whole command and the CPU time of its process tree (sampled from /proc)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    timed = Timed()
    started = time.perf_counter()
    process = subprocess.Popen([*kg_command(), "extract", str(corpus), *args, "--no-progress"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict[int, float] = {}
    linux = Path("/proc/self/stat").exists()
    while process.poll() is None:
        if linux:
            for pid, used in _process_tree_cpu(process.pid).items():
                seen[pid] = max(used, seen.get(pid, 0.0))
        time.sleep(0.25)
    out, err = process.communicate()
    timed.seconds = time.perf_counter() - started
    timed.cpu_seconds = sum(seen.values())
    timed.stdout = out
    if process.returncode != 0:
        raise SystemExit(f"kg extract failed ({process.returncode}):\n{err[-3000:]}")
    return timed


_PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True)
if done.returncode:
    sys.stderr.buffer.write(done.stderr[-3000:]); sys.exit(done.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_memory_mib(corpus: Path, args: list[str]) -> float:
    """Peak resident set of the kg process (measured by a fresh parent, so nothing else counts)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *kg_command(), "extract", str(corpus), *args, "--no-progress"],
        env=env, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"kg extract failed ({done.returncode}):\n{done.stderr[-3000:]}")
    kib = int(done.stdout.strip().splitlines()[-1])
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


# ---- profile -------------------------------------------------------------------------------------


def profile(corpus: Path, workdir: Path, warm_up: Path, *, top: int = 12) -> tuple[list[dict[str, Any]], str]:
    """Own time per function over an in-process extract run (pyinstrument), after a run over
    ``warm_up`` has loaded the KB and pipelines: the profile is of the steady state, not start-up."""
    from pyinstrument import Profiler

    from kg.batch import ExtractOptions, run_extract

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    run_extract(ExtractOptions(inputs=(str(warm_up),), output=workdir / "profile-warm-up/", resume=False))
    profiler = Profiler(interval=0.002)
    profiler.start()
    run_extract(ExtractOptions(inputs=(str(corpus),), output=workdir / "profile-shards/", resume=False))
    profiler.stop()
    session = profiler.last_session
    assert session is not None
    own: dict[tuple[str, str, int], float] = {}
    total = session.duration

    def walk(frame: Any, parent: Any) -> None:
        # Own time sits in leaf frames; pyinstrument's synthetic leaves ("[self]") belong to their parent.
        if not frame.children and frame.file_path_short != "<thread>":  # the thread's own: not code
            owner = parent if (frame.function or "").startswith("[") and parent is not None else frame
            key = (owner.function or "?", owner.file_path_short or "?", owner.line_no or 0)
            own[key] = own.get(key, 0.0) + frame.time
        for child in frame.children:
            walk(child, frame)

    root = session.root_frame()
    if root is not None:
        walk(root, None)
    ranked = sorted(own.items(), key=lambda kv: kv[1], reverse=True)[:top]
    rows = [
        {"function": f, "file": p, "line": n, "own_seconds": round(s, 3), "share": round(s / total, 3)}
        for (f, p, n), s in ranked
    ]
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    return rows, relative_paths(text)


def relative_paths(text: str) -> str:
    """Paths inside the repository relative to it: the profile is committed, the checkout is anyone's."""
    return text.replace(str(REPO_ROOT) + os.sep, "")


# ---- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=600, help="corpus for throughput and --jobs")
    parser.add_argument("--memory-base", type=int, default=100, help="1× corpus for the memory ratio")
    parser.add_argument("--jobs", type=int, default=2, help="the N of --jobs N versus --jobs 1")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--workdir", type=Path, help="keep corpora and outputs here (default: a temp dir)")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "bench_extract.json")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    info = machine()
    articles = generate(args.articles)
    corpus = workdir / "corpus.jsonl"
    write_jsonl(articles, corpus)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} articles, {words} words; workdir {workdir}", file=sys.stderr)

    tokens, spacy_seconds, spacy_cpu = bare_spacy(articles)
    spacy_tps = tokens / spacy_seconds

    def fresh(name: str) -> Path:
        path = workdir / name
        shutil.rmtree(path, ignore_errors=True)
        return path

    # Start-up (KB, pipelines, workers) measured on two articles, one per language.
    tiny = workdir / "tiny.jsonl"
    write_jsonl(articles[:2], tiny)
    startup_1 = timed_extract(tiny, ["-o", f"{fresh('tiny-1')}/", "--jobs", "1"]).seconds
    startup_n = timed_extract(tiny, ["-o", f"{fresh('tiny-n')}/", "--jobs", str(args.jobs)]).seconds

    one = timed_extract(corpus, ["-o", f"{fresh('shards-1')}/", "--jobs", "1"])
    many = timed_extract(corpus, ["-o", f"{fresh('shards-n')}/", "--jobs", str(args.jobs)])
    one_seconds, n_seconds = one.seconds, many.seconds
    one_report = one.stdout.replace(str(workdir), "WORKDIR")  # the results are committed: no local paths
    kg_tps = tokens / one_seconds
    steady_tps = tokens / max(one_seconds - startup_1, 1e-9)
    steady_scaling = (one_seconds - startup_1) / max(n_seconds - startup_n, 1e-9)

    small = workdir / "memory-1x.jsonl"
    large = workdir / "memory-10x.jsonl"
    write_jsonl(generate(args.memory_base, seed=11), small)
    write_jsonl(generate(10 * args.memory_base, seed=11), large)
    mem_small = peak_memory_mib(small, ["--store", str(fresh("store-1x"))])
    mem_large = peak_memory_mib(large, ["--store", str(fresh("store-10x"))])

    hot: list[dict[str, Any]] = []
    if not args.no_profile:
        profile_corpus = workdir / "profile.jsonl"
        write_jsonl(articles[: max(50, len(articles) // 4)], profile_corpus)
        hot, text = profile(profile_corpus, workdir, tiny)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        (args.json.parent / "profile.txt").write_text(text, encoding="utf-8")

    rows = [
        ("kg extract --jobs 1 vs bare spaCy (tokens/s)", kg_tps / spacy_tps, "≥ 0.25",
         f"{kg_tps:,.0f} vs {spacy_tps:,.0f} tokens/s"),
        ("  the same without start-up", steady_tps / spacy_tps, "",
         f"{steady_tps:,.0f} tokens/s (start-up {startup_1:.1f} s)"),
        ("  the same per CPU second (whole run)", (tokens / one.cpu_seconds) / (tokens / spacy_cpu), "",
         f"{tokens / one.cpu_seconds:,.0f} vs {tokens / spacy_cpu:,.0f} tokens per CPU s"),
        (f"--jobs {args.jobs} vs --jobs 1 (wall time)", one_seconds / n_seconds, "≥ 1.7",
         f"{one_seconds:.1f} s vs {n_seconds:.1f} s; cores had: {one.cores:.2f} vs {many.cores:.2f}"),
        ("  the same without start-up", steady_scaling, "",
         f"start-up {startup_1:.1f} s vs {startup_n:.1f} s"),
        (f"  CPU time, --jobs {args.jobs} vs --jobs 1 (overhead)", many.cpu_seconds / one.cpu_seconds, "",
         f"{many.cpu_seconds:.1f} vs {one.cpu_seconds:.1f} CPU s: on idle cores ≈ "
         f"{args.jobs * one.cpu_seconds / many.cpu_seconds:.2f}× at most"),
        ("peak memory 10× vs 1× corpus (--store)", mem_large / mem_small, "≤ 1.2",
         f"{mem_large:.0f} MiB vs {mem_small:.0f} MiB"),
    ]
    print(f"\nmachine: {info['cpu']}, {info['cpus']} CPUs, {info['memory']}, {info['system']}, "
          f"Python {info['python']}, load {info['load_average_1min_at_start']}")
    print(f"corpus: {len(articles)} articles, {tokens:,} tokens (German and English, generated)\n")
    print(f"| {'measure':<46} | {'ratio':>6} | {'goal':<6} | detail")
    print(f"|{'-' * 48}|{'-' * 8}|{'-' * 8}|{'-' * 34}")
    for name, ratio, goal, detail in rows:
        print(f"| {name:<46} | {ratio:>6.2f} | {goal:<6} | {detail}")
    if hot:
        print("\nhot spots (own time, in-process run, pyinstrument):")
        for row in hot:
            print(f"  {row['share']:>6.1%}  {row['function']}  ({row['file']}:{row['line']})")
    print("\n" + one_report.strip())

    result = {
        "machine": info,
        "articles": len(articles),
        "tokens": tokens,
        "spacy_bare": {"seconds": round(spacy_seconds, 3), "cpu_seconds": round(spacy_cpu, 3),
                       "tokens_per_second": round(spacy_tps)},
        "kg_jobs_1": {"seconds": round(one_seconds, 2), "tokens_per_second": round(kg_tps),
                      "cpu_seconds": round(one.cpu_seconds, 2), "cores_had": round(one.cores, 2)},
        f"kg_jobs_{args.jobs}": {
            "seconds": round(n_seconds, 2), "tokens_per_second": round(tokens / n_seconds),
            "cpu_seconds": round(many.cpu_seconds, 2), "cores_had": round(many.cores, 2),
        },
        "startup_seconds": {"jobs_1": round(startup_1, 2), f"jobs_{args.jobs}": round(startup_n, 2)},
        "ratio_kg_vs_spacy": round(kg_tps / spacy_tps, 3),
        "ratio_kg_vs_spacy_without_startup": round(steady_tps / spacy_tps, 3),
        f"ratio_jobs_{args.jobs}_vs_1_without_startup": round(steady_scaling, 3),
        f"cpu_ratio_jobs_{args.jobs}_vs_1": round(many.cpu_seconds / one.cpu_seconds, 3),
        f"ratio_jobs_{args.jobs}_vs_1": round(one_seconds / n_seconds, 3),
        "memory": {"articles_1x": args.memory_base, "articles_10x": 10 * args.memory_base,
                   "peak_mib_1x": round(mem_small, 1), "peak_mib_10x": round(mem_large, 1),
                   "ratio_10x_vs_1x": round(mem_large / mem_small, 3)},
        "hot_spots": hot,
        "report_jobs_1": one_report.strip(),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}", file=sys.stderr)
    draw_chart(["--results", str(args.json.parent)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
