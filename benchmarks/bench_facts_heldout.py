#!/usr/bin/env python3
"""Fact extraction on a frozen held-out set (default ``benchmarks/facts_heldout``).

Usage: python benchmarks/bench_facts_heldout.py [--set DIR] [--label NAME] [--explain]
       [--out benchmarks/results/SETNAME.json]

Checks the gold first (JSON shape, every QID in the bundled KB, every text file present), then runs
``kg eval GOLD --extract --format json`` once per language and prints, per language and overall
(micro counts summed over both languages), P / R / F1 for entities, facts, facts strict, quotations
and meetings, and the per-property fact figures. The results are stored under ``--label`` in the
results file, so runs of different code ("before", "after") sit side by side. ``--set`` picks the
set's folder (``benchmarks/facts_heldout`` or ``benchmarks/facts_heldout2``); each set has its own
results file, ``benchmarks/results/<folder name>.json``. ``--explain`` also prints kg's own text
report with what was missed and what was extra.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks" / "facts_heldout"
SETS = (HERE, ROOT / "benchmarks" / "facts_heldout2")
LANGS = ("de", "en")
CATEGORIES = ("entities", "facts", "facts_strict", "quotations", "meetings")
QID = re.compile(r"^Q\d+$")
PROPERTIES = {"P463", "P39", "P47", "P159", "partnerOf", "candidateFor", "coveredBy", "imposesSanctionsOn"}


def kg_command() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


def bundled_qids() -> set[str]:
    with gzip.open(ROOT / "kg" / "data" / "kb-wikidata-geo.json.gz", "rt", encoding="utf-8") as f:
        return {item["id"] for item in json.load(f)["items"]}


def ends(value: str) -> list[str]:
    """The QIDs named by a gold end (``Q1|~name|other``)."""
    return [part for part in value.split("|") if QID.match(part)]


def check_gold(lang: str, kb: set[str], here: Path = HERE) -> list[str]:
    """Problems with one language's gold file in the set folder ``here`` (empty when well-formed)."""
    problems: list[str] = []
    docs = json.loads((here / f"gold-{lang}.json").read_text(encoding="utf-8"))
    seen: set[str] = set()
    for doc in docs:
        did = doc["id"]
        if did in seen:
            problems.append(f"{did}: duplicate id")
        seen.add(did)
        if doc.get("lang") != lang:
            problems.append(f"{did}: lang {doc.get('lang')!r}")
        text = here / doc["text"]
        if not text.is_file():
            problems.append(f"{did}: missing text {doc['text']}")
        dt.date.fromisoformat(doc["published"])
        named: list[str] = []
        for key in ("required", "optional"):
            named += doc["entities"][key]
            for fact in doc["facts"][key]:
                if fact["property"] not in PROPERTIES:
                    problems.append(f"{did}: property {fact['property']}")
                if fact["polarity"] not in "+-":
                    problems.append(f"{did}: polarity {fact['polarity']}")
                if "time" in fact:
                    dt.date.fromisoformat(fact["time"])
                named += [fact["subject"], fact["object"]]
        named += [q["speaker"] for q in doc["quotes"]]
        for meeting in doc["meetings"] + doc["meetings_optional"]:
            named += [meeting["location"], *meeting["participants"]]
            dt.date.fromisoformat(meeting["date"])
        for end in named:
            if not end.startswith("~") and not ends(end):
                problems.append(f"{did}: end {end!r} is neither a QID nor label-only")
            problems += [f"{did}: {q} not in the bundled KB" for q in ends(end) if q not in kb]
    return problems


def run_eval(lang: str, fmt: str, explain: bool = False, here: Path = HERE) -> str:
    gold = str(here / f"gold-{lang}.json")
    cmd = [*kg_command(), "eval", gold, "--extract", "--lang", lang, "--format", fmt]
    if explain:
        cmd.append("--explain")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0 or done.stderr.strip():
        sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise SystemExit(f"kg eval failed for {lang} (exit {done.returncode})")
    return done.stdout


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def summarise(overall: dict) -> dict:
    out: dict = {}
    for cat in CATEGORIES:
        micro = overall[cat]["micro"]
        out[cat] = prf(micro["tp"], micro["fp"], micro["fn"])
    for cat in ("facts", "facts_strict"):
        out[cat + "_per_property"] = {
            prop: prf(v["tp"], v["fp"], v["fn"]) for prop, v in sorted(overall[cat]["per_property"].items())
        }
    return out


def combine(parts: list[dict]) -> dict:
    out: dict = {}
    for cat in CATEGORIES:
        out[cat] = prf(*(sum(p[cat][k] for p in parts) for k in ("tp", "fp", "fn")))
    for cat in ("facts_per_property", "facts_strict_per_property"):
        props = sorted({prop for p in parts for prop in p[cat]})
        out[cat] = {
            prop: prf(*(sum(p[cat].get(prop, {}).get(k, 0) for p in parts) for k in ("tp", "fp", "fn")))
            for prop in props
        }
    return out


def print_table(label: str, result: dict) -> None:
    print(f"held-out facts benchmark {result.get('set', HERE.name)}, label {label!r} (micro P / R / F1)")
    print(f"{'':8}" + "".join(f"{cat:>22}" for cat in CATEGORIES))
    for name in (*LANGS, "overall"):
        row = result[name]
        cells = "".join(
            f"{row[c]['precision']:>8.3f}{row[c]['recall']:>7.3f}{row[c]['f1']:>7.3f}" for c in CATEGORIES
        )
        print(f"{name:8}{cells}")
    print("\nfacts per property (overall; document level | strict):  tp fp fn  P R F1")
    per = result["overall"]["facts_per_property"]
    strict = result["overall"]["facts_strict_per_property"]
    for prop, v in per.items():
        s = strict.get(prop, prf(0, 0, 0))
        print(
            f"  {prop:20} {v['tp']:3} {v['fp']:3} {v['fn']:3}  {v['precision']:.3f} {v['recall']:.3f}"
            f" {v['f1']:.3f} | {s['tp']:3} {s['fp']:3} {s['fn']:3}  {s['f1']:.3f}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--label", default="current")
    ap.add_argument("--explain", action="store_true", help="also print kg eval's text report with misses")
    ap.add_argument("--set", type=Path, default=HERE, help="the set's folder (default: the first set)")
    ap.add_argument("--out", type=Path, help="results file (default: benchmarks/results/<set folder>.json)")
    args = ap.parse_args()
    here = args.set.resolve()
    out = args.out or ROOT / "benchmarks" / "results" / f"{here.name}.json"

    kb = bundled_qids()
    problems = [p for lang in LANGS for p in check_gold(lang, kb, here)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    result: dict = {}
    for lang in LANGS:
        result[lang] = summarise(json.loads(run_eval(lang, "json", here=here))["overall"])
        if args.explain:
            print(run_eval(lang, "text", explain=True, here=here))
    result["overall"] = combine([result[lang] for lang in LANGS])
    result["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    result["commit"] = commit.stdout.strip()
    result["set"] = here.name

    stored = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    stored[args.label] = result
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(args.label, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
