"""Evaluation against gold (``kg eval``): NIF corpora as GERBIL reads them and kg's JSON gold.

Library API: ``read_nif_corpus`` / ``write_nif_corpus`` (``kg.eval.nif``), ``score_a2kb`` /
``score_d2kb`` (``kg.eval.linking``), ``read_gold`` (``kg.eval.gold``), ``evaluate`` (``kg.eval.run``).
"""

from kg.eval.linking import LinkingScores, pair_documents, score_a2kb, score_d2kb
from kg.eval.nif import NifAnnotation, NifDocument, read_nif_corpus, write_nif_corpus
from kg.eval.scores import Averages, Counts

__all__ = [
    "Averages",
    "Counts",
    "LinkingScores",
    "NifAnnotation",
    "NifDocument",
    "pair_documents",
    "read_nif_corpus",
    "score_a2kb",
    "score_d2kb",
    "write_nif_corpus",
]
