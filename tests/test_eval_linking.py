"""GERBIL-style linking scores on our own NIF fixtures (tests/fixtures/eval): strong vs weak matching,
NIL, micro vs macro with an empty document, D2KB, and a cross-check of the strong-link micro figures
against an independent implementation here and, when installed, neleval (`pip install neleval`)."""

from __future__ import annotations

import collections
import collections.abc
from pathlib import Path

import pytest

from kg.eval import pair_documents, read_nif_corpus, score_a2kb, score_d2kb, write_nif_corpus
from kg.eval.nif import WD, NifDocument

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


@pytest.fixture(scope="module")
def corpora() -> tuple[list[NifDocument], list[NifDocument | None]]:
    gold = list(read_nif_corpus(FIXTURES / "gold.nif.ttl"))
    system = list(read_nif_corpus(FIXTURES / "system.nif.ttl"))
    return gold, pair_documents(gold, system)


def test_reader_reads_contexts_phrases_and_rfc5147_strings(corpora) -> None:
    gold, paired = corpora
    assert [len(d.annotations) for d in gold] == [4, 0, 3]
    first = gold[0]
    assert [(a.anchor, a.identifiers) for a in first.annotations] == [
        ("Germany", (WD + "Q183",)),
        ("NATO", (WD + "Q7184",)),  # typed nif:RFC5147String only
        ("Finland", (WD + "Q33",)),
        ("European Union", (WD + "Q458",)),  # written as https://www.wikidata.org/wiki/Q458
    ]
    assert gold[2].annotations[0].is_nil() and not gold[2].annotations[1].is_nil()
    # paired by text (the context IRIs differ)
    assert all(s is not None and s.uri.startswith("http://example.org/sys/") for s in paired)


def test_strong_weak_and_nil(corpora) -> None:
    gold, paired = corpora
    strong = score_a2kb(gold, paired, match="strong")
    weak = score_a2kb(gold, paired, match="weak")
    d1, d2, d3 = strong.documents
    # 'NATO.' overlaps 'NATO' with the same item: weak only; Finland linked to Germany: wrong either way.
    assert (d1.counts.rtp, d1.counts.fp, d1.counts.fn) == (1, 3, 3)
    w1 = weak.documents[0].counts
    assert (w1.rtp, w1.fp, w1.fn) == (2, 2, 2)
    # Both NIL (different IRIs outside Wikidata) is a match.
    assert [g.anchor for g, _ in d3.matched] == ["Anna Schmidt", "Stoltenberg"]
    assert [a.anchor for a in d3.missed] == ["Brussels"]
    assert d2.counts.empty and d2.counts.f1 == 1.0


def test_micro_and_macro_with_an_empty_document(corpora) -> None:
    gold, paired = corpora
    strong = score_a2kb(gold, paired, match="strong")
    micro = strong.micro
    assert (micro.rtp, micro.fp, micro.fn) == (3, 3, 4)
    assert micro.precision == pytest.approx(0.5) and micro.recall == pytest.approx(3 / 7)
    # macro: (0.25 + 1 (empty document: GERBIL's P = R = F1 = 1) + 0.8) / 3
    assert strong.averages.macro_f1 == pytest.approx((0.25 + 1.0 + 0.8) / 3)
    without_empty = score_a2kb([gold[0], gold[2]], [paired[0], paired[2]])
    assert without_empty.micro == micro  # micro does not see the empty document…
    assert without_empty.averages.macro_f1 == pytest.approx((0.25 + 0.8) / 2)  # …macro does


def test_d2kb_judges_only_gold_spans(corpora) -> None:
    gold, paired = corpora
    d2kb = score_d2kb(gold, paired)
    assert (d2kb.micro.rtp, d2kb.micro.fp, d2kb.micro.fn) == (3, 1, 4)  # 'member' and 'NATO.' not judged


def test_missing_system_document_counts_every_gold_annotation_missed(corpora) -> None:
    gold, _ = corpora
    scores = score_a2kb(gold, [None, None, None])
    assert (scores.micro.rtp, scores.micro.fp, scores.micro.fn) == (0, 0, 7)


def test_written_nif_reads_back_the_same(tmp_path: Path, corpora) -> None:
    gold, _ = corpora
    out = tmp_path / "answer.ttl"
    write_nif_corpus(gold, out)
    assert list(read_nif_corpus(out)) == gold


# --- cross-check ---------------------------------------------------------------------------------


def _independent_strong(gold: list[NifDocument], system: list[NifDocument | None], *, linked_only: bool):
    """Sets of (document, begin, end, entity-or-NIL); no one-to-one search, no shared code."""

    def keys(n: int, doc: NifDocument | None) -> set[tuple[int, int, int, str]]:
        found = set()
        for a in doc.annotations if doc else ():
            kb = sorted(i for i in a.identifiers if i.startswith(WD))
            if linked_only and not kb:
                continue
            found.add((n, a.begin, a.end, kb[0] if kb else "NIL"))
        return found

    g = set().union(*(keys(n, d) for n, d in enumerate(gold)))
    s = set().union(*(keys(n, d) for n, d in enumerate(system)))
    return len(g & s), len(s - g), len(g - s)


def _linked_only(doc: NifDocument | None) -> NifDocument | None:
    if doc is None:
        return None
    return NifDocument(doc.uri, doc.text, tuple(a for a in doc.annotations if not a.is_nil()))


def test_strong_micro_equals_an_independent_implementation(corpora) -> None:
    gold, paired = corpora
    for linked_only in (False, True):
        g = [_linked_only(d) if linked_only else d for d in gold]
        s = [_linked_only(d) if linked_only else d for d in paired]
        micro = score_a2kb(g, s, match="strong").micro  # type: ignore[arg-type]
        expected = _independent_strong(g, s, linked_only=linked_only)  # type: ignore[arg-type]
        assert (micro.rtp, micro.fp, micro.fn) == expected


def _neleval():
    # neleval 3.1.1 imports abstract collections from `collections`, gone since Python 3.10.
    for name in ("Sequence", "Mapping", "Iterable"):
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))
    pytest.importorskip("neleval")
    from neleval.annotation import Annotation, Candidate
    from neleval.document import Document
    from neleval.evaluate import Evaluate

    return Annotation, Candidate, Document, Evaluate


def test_strong_micro_equals_nelevals(corpora) -> None:
    Annotation, Candidate, Document, Evaluate = _neleval()
    gold, paired = corpora

    def as_neleval(n: int, doc: NifDocument | None):
        annotations = []
        for a in doc.annotations if doc else ():
            kb = sorted(i for i in a.identifiers if i.startswith(WD))
            # neleval's end offsets are inclusive; NIL ids begin with "NIL"
            annotations.append(Annotation(f"d{n}", a.begin, a.end - 1, [Candidate(kb[0] if kb else "NIL")]))
        return Document(f"d{n}", annotations)

    pairs = [(as_neleval(n, s), as_neleval(n, g)) for n, (g, s) in enumerate(zip(gold, paired, strict=True))]
    # strong_all_match: span and KB id, NIL = NIL (GERBIL's A2KB strong)
    _, overall = Evaluate.count("strong_all_match", pairs)
    ours = score_a2kb(gold, paired, match="strong").micro
    assert (overall.ptp, overall.fp, overall.rtp, overall.fn) == (ours.ptp, ours.fp, ours.rtp, ours.fn)
    assert overall.fscore == pytest.approx(ours.f1)
    # strong_link_match: linked annotations only
    _, linked = Evaluate.count("strong_link_match", pairs)
    linked_gold = [_linked_only(d) for d in gold]
    ours_linked = score_a2kb(linked_gold, [_linked_only(d) for d in paired]).micro  # type: ignore[arg-type]
    assert (linked.ptp, linked.fp, linked.fn) == (ours_linked.ptp, ours_linked.fp, ours_linked.fn)


def test_strong_micro_equals_nervaluates_strict_schema(corpora) -> None:
    """nervaluate's 'strict' schema (exact boundaries and the same tag) with the entity as the tag
    is A2KB strong: same precision, recall and F1."""
    nervaluate = pytest.importorskip("nervaluate")
    gold, paired = corpora

    def spans(doc: NifDocument | None) -> list[dict[str, object]]:
        found = []
        for a in doc.annotations if doc else ():
            kb = sorted(i for i in a.identifiers if i.startswith(WD))
            found.append({"label": kb[0] if kb else "NIL", "start": a.begin, "end": a.end - 1})
        return found

    true, pred = [spans(d) for d in gold], [spans(d) for d in paired]
    tags = sorted({str(s["label"]) for doc in true + pred for s in doc})
    strict = nervaluate.Evaluator(true, pred, tags=tags, loader="dict").evaluate()["overall"]["strict"]
    ours = score_a2kb(gold, paired, match="strong").micro
    expected = (ours.ptp, ours.ptp + ours.fp, ours.rtp + ours.fn)
    assert (strict.correct, strict.actual, strict.possible) == expected
    assert strict.f1 == pytest.approx(ours.f1)
