"""One evaluation: gold documents paired with kg's output documents, every category scored, the
averages taken. ``evaluate`` is what ``kg eval`` calls; ``extract_gold_texts`` runs kg's pipeline on
the texts a gold carries."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import InputError
from kg.eval.facts import Judged, judge_entities, judge_facts, judge_meetings, judge_quotes
from kg.eval.gold import GoldCorpus, GoldDocument
from kg.eval.linking import LinkingScores, score_a2kb, score_d2kb
from kg.eval.nif import NifDocument
from kg.eval.scores import Averages, Counts, average
from kg.eval.system import SystemDocument

log = logging.getLogger("kg.eval")
CATEGORIES = ("entities", "facts", "facts_strict", "quotations", "meetings")


@dataclass(frozen=True)
class DocumentResult:
    doc_id: str
    system_doc: str | None  # the output document paired with it (its id), None when none was
    judged: dict[str, Judged]  # category -> result, only the categories the gold states


@dataclass(frozen=True)
class Evaluation:
    gold: str
    documents: tuple[DocumentResult, ...]
    averages: dict[str, Averages]
    per_property: dict[str, tuple[tuple[str, Counts], ...]]  # facts, facts_strict -> property figures
    property_macro_f1: dict[str, float]
    linking: tuple[LinkingScores, ...]  # A2KB strong, A2KB weak, D2KB (when gold has spans)
    unpaired_system: tuple[str, ...]


def pair(gold: Sequence[GoldDocument], system: Sequence[SystemDocument]) -> list[SystemDocument | None]:
    """By id, else by text, else (one gold and one output document) the only one."""
    by_id = {d.doc_id: d for d in system}
    by_text = {d.text: d for d in system}
    paired = [by_id.get(g.doc_id) or (by_text.get(g.text) if g.text else None) for g in gold]
    if len(gold) == 1 and len(system) == 1 and paired[0] is None:
        paired = [system[0]]
    return paired


def evaluate(gold: GoldCorpus, system: Sequence[SystemDocument], *, optional_tp: bool = True) -> Evaluation:
    paired = pair(gold.documents, system)
    results = []
    for g, s in zip(gold.documents, paired, strict=True):
        if s is None:
            log.warning(
                "%s: no output document for gold document %s; all its items count as missed",
                gold.source,
                g.doc_id,
            )
        judged: dict[str, Judged] = {}
        if g.entities is not None and gold.kind == "json":
            judged["entities"] = judge_entities(g, s, optional_tp=optional_tp)
        if g.facts is not None:
            judged["facts"] = judge_facts(g.facts, s.facts if s else (), optional_tp=optional_tp)
            judged["facts_strict"] = judge_facts(
                g.facts, s.facts if s else (), strict=True, optional_tp=optional_tp
            )
        if g.quotes is not None:
            judged["quotations"] = judge_quotes(g.quotes, s, optional_tp=optional_tp)
        if g.meetings is not None:
            judged["meetings"] = judge_meetings(g.meetings, s, optional_tp=optional_tp)
        results.append(DocumentResult(g.doc_id, s.doc_id if s else None, judged))
    averages = {
        c: average(r.judged[c].counts for r in results if c in r.judged)
        for c in CATEGORIES
        if any(c in r.judged for r in results)
    }
    per_property: dict[str, tuple[tuple[str, Counts], ...]] = {}
    macro: dict[str, float] = {}
    for c in ("facts", "facts_strict"):
        sums: dict[str, Counts] = {}
        for r in results:
            for prop, n in r.judged[c].per_property if c in r.judged else ():
                sums[prop] = sums.get(prop, Counts()) + n
        if sums:
            per_property[c] = tuple(sorted(sums.items()))
            macro[c] = sum(n.f1 for n in sums.values()) / len(sums)
    linking: tuple[LinkingScores, ...] = ()
    with_spans = [
        (g.mentions, s) for g, s in zip(gold.documents, paired, strict=True) if g.mentions is not None
    ]
    if with_spans:
        gold_nif = [m for m, _ in with_spans if m is not None]
        system_nif = [_aligned(m, s) for m, s in with_spans if m is not None]
        linking = (
            score_a2kb(gold_nif, system_nif, match="strong"),
            score_a2kb(gold_nif, system_nif, match="weak"),
            score_d2kb(gold_nif, system_nif),
        )
    used = {id(s) for s in paired if s is not None}
    return Evaluation(
        gold.source,
        tuple(results),
        averages,
        per_property,
        macro,
        linking,
        tuple(d.doc_id for d in system if id(d) not in used),
    )


def _aligned(gold: NifDocument, system: SystemDocument | None) -> NifDocument | None:
    """The output's mentions in the gold text's offsets: the same text, or the output's text found
    once inside the gold's (kg drops page chrome), else the offsets cannot be compared."""
    if system is None:
        return None
    if system.text == gold.text:
        return system.nif
    shift = gold.text.find(system.text)
    if shift < 0:
        log.warning(
            "document %s: the output's text is not the gold's; its mentions are not compared", gold.uri
        )
        return NifDocument(system.context, system.text, ())
    from dataclasses import replace

    return NifDocument(
        system.context,
        gold.text,
        tuple(replace(a, begin=a.begin + shift, end=a.end + shift) for a in system.nif.annotations),
    )


def system_as_nif(gold: GoldCorpus | None, system: Sequence[SystemDocument]) -> list[NifDocument]:
    """kg's output as a NIF corpus GERBIL takes as a system answer: documents paired with a NIF gold
    keep the gold's context IRIs (GERBIL pairs documents by IRI), the others get ``…#char=0,N``."""
    paired = pair(gold.documents, system) if gold is not None else []
    gold_uri = {
        id(s): g for g, s in zip(gold.documents if gold else (), paired, strict=False) if s is not None
    }
    out = []
    for s in system:
        g = gold_uri.get(id(s))
        if g is not None and gold is not None and gold.kind == "nif" and g.mentions is not None:
            aligned = _aligned(g.mentions, s)
            assert aligned is not None
            out.append(NifDocument(g.doc_id, g.mentions.text, aligned.annotations))
        else:
            base = s.context.split("#", 1)[0]
            out.append(NifDocument(f"{base}#char=0,{len(s.text)}", s.text, s.nif.annotations))
    return out


def extract_gold_texts(gold: GoldCorpus, *, model: str | None = None, lang: str | None = None) -> ox.Store:
    """Run kg's pipeline on every gold document's text (offsets stay the gold's: no boilerplate
    removal) and return the graph it would write."""
    import hashlib

    from kg.ingest.langid import detect_language
    from kg.kb import load_knowledge_base
    from kg.model import Document
    from kg.pipeline import Pipelines, process_documents, run_provenance
    from kg.rdf import DEFAULT_BASE_IRI, document_quads

    documents = []
    for g in gold.documents:
        if not g.text:
            raise InputError(
                f"{gold.source}: gold document {g.doc_id} carries no text; give OUTPUT instead of --extract"
            )
        doc_lang = lang or g.lang or detect_language(g.text)
        if doc_lang not in ("de", "en"):
            raise InputError(
                f"{gold.source}: cannot tell the language of {g.doc_id}; pass --lang de or --lang en"
            )
        digest = hashlib.sha256(g.text.encode("utf-8")).hexdigest()
        documents.append(
            Document(
                doc_id=_doc_id(g.doc_id, digest),
                text=g.text,
                lang=doc_lang,
                origin=f"{gold.source}:{g.doc_id}",
                content_hash=digest,
                published=g.published,
            )
        )
    kb = load_knowledge_base()
    pipelines = Pipelines(model=model)
    store = ox.Store()
    run = run_provenance(pipelines, kb, documents[0].lang)
    for result in process_documents(documents, pipelines=pipelines, kb=kb):
        store.bulk_extend(document_quads(result, run, base_iri=DEFAULT_BASE_IRI))
    return store


def _doc_id(gold_id: str, digest: str) -> str:
    """The gold's id where it is a plain name, else (an IRI, as in NIF) one from the text."""
    return (
        gold_id
        if gold_id.replace("-", "").replace("_", "").replace(".", "").isalnum()
        else f"doc-{digest[:16]}"
    )
