"""Entity linking scored as GERBIL does: A2KB (find and link the mentions) and D2KB (link the gold
mentions), with strong (same begin and end) or weak (overlapping) annotation matching.

An annotation matches when its span matches and its entity matches: a shared knowledge-base IRI, or
both NIL. Matching is one-to-one, like GERBIL's counter: system annotations in text order, each taking
the first gold annotation not yet taken that matches (an exact span first). Micro sums the counts over
documents, macro averages the per-document figures (empty documents count P = R = F1 = 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kg.eval.nif import KB_PREFIXES, NifAnnotation, NifDocument
from kg.eval.scores import Averages, Counts, average, counts

Match = Literal["strong", "weak"]


@dataclass(frozen=True)
class DocumentLinking:
    uri: str
    counts: Counts
    matched: tuple[tuple[NifAnnotation, NifAnnotation], ...]  # (gold, system)
    missed: tuple[NifAnnotation, ...]  # gold annotations no system annotation matched
    extra: tuple[NifAnnotation, ...]  # system annotations that matched no gold one


@dataclass(frozen=True)
class LinkingScores:
    task: str  # "A2KB" or "D2KB"
    match: Match
    averages: Averages
    documents: tuple[DocumentLinking, ...]

    @property
    def micro(self) -> Counts:
        return self.averages.micro


def same_entity(gold: NifAnnotation, system: NifAnnotation, kb_prefixes: Sequence[str] = KB_PREFIXES) -> bool:
    gold_kb, system_kb = gold.kb_identifiers(kb_prefixes), system.kb_identifiers(kb_prefixes)
    if not gold_kb and not system_kb:
        return True  # both NIL
    return bool(gold_kb & system_kb)


def span_matches(gold: NifAnnotation, system: NifAnnotation, match: Match) -> bool:
    if match == "strong":
        return gold.begin == system.begin and gold.end == system.end
    return gold.overlaps(system)


def match_document(
    gold: NifDocument,
    system: NifDocument | None,
    *,
    match: Match = "strong",
    kb_prefixes: Sequence[str] = KB_PREFIXES,
    uri: str | None = None,
) -> DocumentLinking:
    """One document's matching; ``system`` None means the system returned nothing for it."""
    taken = [False] * len(gold.annotations)
    matched: list[tuple[NifAnnotation, NifAnnotation]] = []
    extra: list[NifAnnotation] = []
    for annotation in system.annotations if system else ():
        candidates = [
            i
            for i, g in enumerate(gold.annotations)
            if not taken[i] and span_matches(g, annotation, match) and same_entity(g, annotation, kb_prefixes)
        ]
        if not candidates:
            extra.append(annotation)
            continue
        exact = [i for i in candidates if span_matches(gold.annotations[i], annotation, "strong")]
        chosen = (exact or candidates)[0]
        taken[chosen] = True
        matched.append((gold.annotations[chosen], annotation))
    missed = tuple(g for g, t in zip(gold.annotations, taken, strict=True) if not t)
    return DocumentLinking(
        uri or gold.uri, counts(len(matched), len(extra), len(missed)), tuple(matched), missed, tuple(extra)
    )


def _restrict_to_gold_spans(gold: NifDocument, system: NifDocument | None) -> NifDocument | None:
    """D2KB: the system only links the gold mentions, so annotations elsewhere are not judged."""
    if system is None:
        return None
    spans = {(a.begin, a.end) for a in gold.annotations}
    return NifDocument(
        system.uri, system.text, tuple(a for a in system.annotations if (a.begin, a.end) in spans)
    )


def score_a2kb(
    gold_docs: Sequence[NifDocument],
    system_docs: Sequence[NifDocument | None],
    *,
    match: Match = "strong",
    kb_prefixes: Sequence[str] = KB_PREFIXES,
) -> LinkingScores:
    """``system_docs[i]`` is the system's answer for ``gold_docs[i]`` (None: no answer). Pair them
    with :func:`pair_documents` when they come from two corpora."""
    documents = tuple(
        match_document(g, s, match=match, kb_prefixes=kb_prefixes)
        for g, s in zip(gold_docs, system_docs, strict=True)
    )
    return LinkingScores("A2KB", match, average(d.counts for d in documents), documents)


def score_d2kb(
    gold_docs: Sequence[NifDocument],
    system_docs: Sequence[NifDocument | None],
    *,
    kb_prefixes: Sequence[str] = KB_PREFIXES,
) -> LinkingScores:
    """D2KB: only the system's annotations at gold spans are judged (strong matching)."""
    documents = tuple(
        match_document(g, _restrict_to_gold_spans(g, s), match="strong", kb_prefixes=kb_prefixes)
        for g, s in zip(gold_docs, system_docs, strict=True)
    )
    return LinkingScores("D2KB", "strong", average(d.counts for d in documents), documents)


def pair_documents(
    gold_docs: Sequence[NifDocument], system_docs: Sequence[NifDocument]
) -> list[NifDocument | None]:
    """The system document for each gold document: the one with the same context IRI, else the one
    with the same text (kg names its contexts itself), else None."""
    by_uri = {d.uri: d for d in system_docs}
    by_text: dict[str, NifDocument] = {}
    for d in system_docs:
        by_text.setdefault(d.text, d)
    return [by_uri.get(g.uri) or by_text.get(g.text) for g in gold_docs]
