"""Every rule's ``tests:`` sentences, read in-process (blank pipeline, bundled KB): each must give exactly
the facts its rule entry lists — no more, no fewer."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache

import pytest

from kg.facts.lang import RULES
from kg.facts.patterns import RuleExample
from kg.kb import KnowledgeBase, load_knowledge_base
from kg.model import Document, DocumentResult, TimePrecision, TimeRef
from kg.nlp import NlpPipeline
from kg.pipeline import analyse_document, load_pipeline

EXAMPLES = [
    pytest.param(lang, rule.name, example, id=f"{lang}-{rule.name}-{i}")
    for lang, rules in sorted(RULES.items())
    for rule in rules.patterns.relations
    for i, example in enumerate(rule.tests)
]


@cache
def _kb() -> KnowledgeBase:
    return load_knowledge_base()


@cache
def _pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def _result(lang: str, example: RuleExample) -> DocumentResult:
    text = example.text
    doc = Document(
        "rule-example", text, lang, "rule-example", hashlib.sha256(text.encode()).hexdigest(),
        published=dt.date.fromisoformat(example.published),
    )  # fmt: skip
    return analyse_document(doc, _pipeline(lang).analyse(doc), _kb())


def _time_literal(time: TimeRef) -> str:
    """The date as the RDF mapping writes it: a day, a month (2023-04) or a year (2023)."""
    if time.precision is TimePrecision.YEAR:
        return f"{time.date.year:04d}"
    if time.precision is TimePrecision.MONTH:
        return f"{time.date.year:04d}-{time.date.month:02d}"
    return time.date.isoformat()


def _facts(lang: str, example: RuleExample) -> set[tuple[str, str, str, str, str]]:
    return {
        (
            f.subject.qid or f.subject.key,
            f.predicate.value,
            f.object.qid or f.object.key,
            f.polarity.name.title(),
            f.extractor.name,
        )
        for f in _result(lang, example).facts
    }


def test_there_are_rule_examples_in_every_language() -> None:
    assert {lang for lang, _, _ in (p.values for p in EXAMPLES)} == set(RULES)


@pytest.mark.parametrize(("lang", "rule", "example"), EXAMPLES)
def test_rule_example_gives_exactly_its_facts(lang: str, rule: str, example: RuleExample) -> None:
    facts = _facts(lang, example)
    assert {f[:4] for f in facts} == set(example.facts)
    if example.facts:
        # the example tests its own rule: not one shadowed by another rule giving the same facts
        assert f"kg.facts.{lang}.{rule}" in {f[4] for f in facts}


TIMED = [p for p in EXAMPLES if p.values[2].times is not None or p.values[2].modality is not None]


@pytest.mark.parametrize(("lang", "rule", "example"), TIMED)
def test_rule_example_gives_exactly_its_times_and_modality(
    lang: str, rule: str, example: RuleExample
) -> None:
    facts = _result(lang, example).facts
    if example.times is not None:
        times = {
            (f.subject.qid or f.subject.key, f.time.role.value.rsplit("/", 1)[-1], _time_literal(f.time))
            for f in facts
            if f.time is not None
        }
        assert times == set(example.times)
    if example.modality is not None:
        assert {f.modality.value for f in facts} == {example.modality}
