"""Precision, recall and F1 from counts, and their micro and macro averages.

Counts follow neleval's matrix: ``ptp`` true positives on the system side (for precision), ``rtp`` on the
gold side (for recall); for one-to-one matching the two are equal. Empty-document convention (GERBIL's):
no gold and no system item gives P = R = F1 = 1; otherwise a zero denominator gives 0 for precision
(nothing found) and 1 for recall (nothing to find), so F1 is 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    ptp: int = 0
    fp: int = 0
    rtp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.ptp + other.ptp, self.fp + other.fp, self.rtp + other.rtp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.ptp + self.fp + self.rtp + self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return self.ptp / (self.ptp + self.fp) if self.ptp + self.fp else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.rtp / (self.rtp + self.fn) if self.rtp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.rtp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def counts(tp: int, fp: int, fn: int) -> Counts:
    """One-to-one matching: the same true positives count for precision and recall."""
    return Counts(tp, fp, tp, fn)


@dataclass(frozen=True)
class Averages:
    """Micro: counts summed over documents. Macro: the mean of per-document P, R and F1."""

    micro: Counts
    macro_precision: float
    macro_recall: float
    macro_f1: float

    def as_dict(self) -> dict[str, object]:
        return {
            "micro": self.micro.as_dict(),
            "macro": {
                "precision": round(self.macro_precision, 4),
                "recall": round(self.macro_recall, 4),
                "f1": round(self.macro_f1, 4),
            },
        }


def average(per_document: Iterable[Counts]) -> Averages:
    items = list(per_document)
    micro = sum(items, Counts())
    if not items:
        return Averages(micro, 1.0, 1.0, 1.0)
    n = len(items)
    return Averages(
        micro,
        sum(c.precision for c in items) / n,
        sum(c.recall for c in items) / n,
        sum(c.f1 for c in items) / n,
    )
