"""Draw the benchmark figures: every ratio against its goal, one bar each, as an SVG.

    python benchmarks/chart.py                      # reads results/*.json, writes results/benchmarks.svg

Reads what the benchmark scripts wrote (``bench_extract.json``, ``bench_store.json``; missing files
are skipped) and draws one row per measure: the ratio as a bar (green when the goal is met, red when
not), the goal as a tick, the value written beside it. Pure Python, deterministic output.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


@dataclass(frozen=True)
class Measure:
    label: str
    value: float
    goal: float
    higher_is_better: bool
    detail: str

    @property
    def met(self) -> bool:
        return self.value >= self.goal if self.higher_is_better else self.value <= self.goal


def measures(results: Path) -> list[Measure]:
    out: list[Measure] = []
    extract = _read(results / "bench_extract.json")
    if extract:
        jobs = next((k for k in extract if k.startswith("ratio_jobs_") and k.endswith("_vs_1")), None)
        spacy = extract["spacy_bare"]["tokens_per_second"]
        kg = extract["kg_jobs_1"]["tokens_per_second"]
        out.append(Measure("kg extract vs bare spaCy (tokens/s)", extract["ratio_kg_vs_spacy"], 0.25, True,
                           f"{kg:,} vs {spacy:,} tokens/s"))
        if jobs:
            n = jobs.removeprefix("ratio_jobs_").removesuffix("_vs_1")
            seconds = f"{extract['kg_jobs_1']['seconds']} s vs {extract[f'kg_jobs_{n}']['seconds']} s"
            out.append(Measure(f"--jobs {n} vs --jobs 1 (wall time)", extract[jobs], 1.7, True, seconds))
        memory = extract["memory"]
        out.append(Measure("peak memory, 10x vs 1x corpus", memory["ratio_10x_vs_1x"], 1.2, False,
                           f"{memory['peak_mib_10x']} vs {memory['peak_mib_1x']} MiB"))
    store = _read(results / "bench_store.json")
    if store:
        out.append(Measure("query latency, HTTP vs in-process", store["http_over_in_process_median"], 1.5,
                           False, f"median of {len(store['queries'])} library queries"))
        load = store["load"]
        speeds = f"{load['kg_load_triples_per_s']:,.0f} vs {load['bulk_load_triples_per_s']:,.0f} triples/s"
        out.append(Measure("kg load vs pyoxigraph bulk load", load["ratio"], 0.7, True, speeds))
    return out


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _ratio(value: float) -> str:
    return f"{value:.3f}" if value < 0.1 else f"{value:.2f}"  # 0.009, not 0.01


def svg(rows: list[Measure], title: str) -> str:
    width, left, bar_width, row_height, top = 900, 300, 360, 46, 56
    height = top + row_height * len(rows) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="16" y="28" font-size="17" font-weight="bold">{escape(title)}</text>',
    ]
    for i, row in enumerate(rows):
        y = top + i * row_height
        scale = max(row.value, row.goal) * 1.15 or 1.0
        length = max(1.0, bar_width * row.value / scale)
        goal_x = left + bar_width * row.goal / scale
        colour = "#2e7d32" if row.met else "#c62828"
        relation = "≥" if row.higher_is_better else "≤"
        verdict = "met" if row.met else "missed"
        parts += [
            f'<g class="measure" data-met="{str(row.met).lower()}">',
            f'<text x="16" y="{y + 18}">{escape(row.label)}</text>',
            f'<text x="16" y="{y + 35}" fill="#666" font-size="11">{escape(row.detail)}</text>',
            f'<rect x="{left}" y="{y + 6}" width="{bar_width}" height="22" fill="#f1f1f1"/>',
            f'<rect x="{left}" y="{y + 6}" width="{length:.1f}" height="22" fill="{colour}"/>',
            f'<line x1="{goal_x:.1f}" y1="{y + 1}" x2="{goal_x:.1f}" y2="{y + 33}" stroke="#000" '
            f'stroke-width="2"/>',
            f'<text x="{left + bar_width + 12}" y="{y + 22}"><tspan font-weight="bold">{_ratio(row.value)}×'
            f"</tspan> (goal {relation} {row.goal:g}×, {verdict})</text>",
            "</g>",
        ]
    parts.append(
        f'<text x="16" y="{height - 14}" fill="#666" font-size="11">Bars: the measured ratio; black tick: '
        "the goal. Every ratio is two measurements from one run on one machine.</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the benchmark JSON files are")
    parser.add_argument("-o", "--output", type=Path, default=RESULTS / "benchmarks.svg")
    args = parser.parse_args(argv)
    rows = measures(args.results)
    if not rows:
        print(f"no benchmark results in {args.results}", file=sys.stderr)
        return 1
    machine = (_read(args.results / "bench_extract.json") or {}).get("machine", {})
    title = "kg benchmarks"
    if machine:
        title += f" — {machine.get('cpu', '')}, {machine.get('cpus', '?')} CPUs"
    args.output.write_text(svg(rows, title), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
