"""An evaluation as text (a table per category, per document, with --explain the misses and extras)
or as JSON."""

from __future__ import annotations

import json
from typing import Any

from kg.eval.linking import LinkingScores
from kg.eval.run import CATEGORIES, Evaluation
from kg.eval.scores import Counts

NAMES = {
    "entities": "entities",
    "facts": "facts",
    "facts_strict": "facts (strict)",
    "quotations": "quotations",
    "meetings": "meetings",
}


def _line(name: str, c: Counts) -> str:
    return (
        f"  {name:22s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  (tp={c.rtp} fp={c.fp} fn={c.fn})"
    )


def _linking_name(s: LinkingScores) -> str:
    return f"{s.task} {s.match}" if s.task == "A2KB" else s.task


def render_text(ev: Evaluation, *, explain: bool = False) -> str:
    out = [f"gold {ev.gold}: {len(ev.documents)} document(s)"]
    for doc in ev.documents:
        paired = (
            f" (output {doc.system_doc})"
            if doc.system_doc and doc.system_doc != doc.doc_id
            else (" (no output document)" if doc.system_doc is None else "")
        )
        out.append(f"document {doc.doc_id}{paired}")
        for c in CATEGORIES:
            if c in doc.judged:
                out.append(_line(NAMES[c], doc.judged[c].counts))
        for s in ev.linking:
            d = next((d for d in s.documents if d.uri == doc.doc_id), None)
            if d is not None:
                out.append(_line(_linking_name(s), d.counts))
        if explain:
            out += _explain(ev, doc.doc_id)
    out.append("overall (micro: summed counts; macro: mean over documents)")
    for c, avg in ev.averages.items():
        out.append(_line(NAMES[c] + " micro", avg.micro))
        out.append(
            f"  {NAMES[c] + ' macro':22s} P={avg.macro_precision:.3f} R={avg.macro_recall:.3f}"
            f" F1={avg.macro_f1:.3f}"
        )
    for c, macro in ev.property_macro_f1.items():
        per = ", ".join(f"{p} {n.f1:.3f}" for p, n in ev.per_property[c])
        out.append(f"  {NAMES[c] + ' per property':22s} macro F1={macro:.3f} ({per})")
    for s in ev.linking:
        out.append(_line(_linking_name(s) + " micro", s.micro))
        a = s.averages
        out.append(
            f"  {_linking_name(s) + ' macro':22s} P={a.macro_precision:.3f} R={a.macro_recall:.3f}"
            f" F1={a.macro_f1:.3f}"
        )
    if ev.unpaired_system:
        out.append(f"{len(ev.unpaired_system)} output document(s) not in the gold, not scored")
    return "\n".join(out) + "\n"


def _explain(ev: Evaluation, doc_id: str) -> list[str]:
    lines = []
    doc = next(d for d in ev.documents if d.doc_id == doc_id)
    for c in CATEGORIES:
        j = doc.judged.get(c)
        if j is None:
            continue
        lines += [f"    {NAMES[c]} missed: {m}" for m in j.missed]
        lines += [f"    {NAMES[c]} extra: {x}" for x in j.extra]
    for s in ev.linking:
        d = next((d for d in s.documents if d.uri == doc_id), None)
        if d is None:
            continue
        name = _linking_name(s)
        for a in d.missed:
            lines.append(
                f"    {name} missed: {a.begin},{a.end} {a.anchor!r} -> {', '.join(a.identifiers) or 'NIL'}"
            )
        for a in d.extra:
            lines.append(
                f"    {name} extra: {a.begin},{a.end} {a.anchor!r} -> {', '.join(a.identifiers) or 'NIL'}"
            )
    return lines


def as_json(ev: Evaluation) -> dict[str, Any]:
    def linking_doc(s: LinkingScores, doc_id: str) -> dict[str, Any] | None:
        d = next((d for d in s.documents if d.uri == doc_id), None)
        if d is None:
            return None
        return {
            **d.counts.as_dict(),
            "missed": [
                {"begin": a.begin, "end": a.end, "anchor": a.anchor, "entity": list(a.identifiers)}
                for a in d.missed
            ],
            "extra": [
                {"begin": a.begin, "end": a.end, "anchor": a.anchor, "entity": list(a.identifiers)}
                for a in d.extra
            ],
        }

    documents = []
    for doc in ev.documents:
        entry: dict[str, Any] = {"id": doc.doc_id, "output_document": doc.system_doc}
        for c, j in doc.judged.items():
            entry[c] = {**j.counts.as_dict(), "missed": list(j.missed), "extra": list(j.extra)}
        for s in ev.linking:
            found = linking_doc(s, doc.doc_id)
            if found is not None:
                entry[_linking_name(s).lower().replace(" ", "_")] = found
        documents.append(entry)
    overall: dict[str, Any] = {c: a.as_dict() for c, a in ev.averages.items()}
    for c, macro in ev.property_macro_f1.items():
        overall[c]["per_property"] = {p: n.as_dict() for p, n in ev.per_property[c]}
        overall[c]["per_property_macro_f1"] = round(macro, 4)
    for s in ev.linking:
        overall[_linking_name(s).lower().replace(" ", "_")] = s.averages.as_dict()
    return {
        "gold": ev.gold,
        "documents": documents,
        "overall": overall,
        "unpaired_output_documents": list(ev.unpaired_system),
    }


def render_json(ev: Evaluation) -> str:
    return json.dumps(as_json(ev), indent=2, ensure_ascii=False) + "\n"
