"""Every rule's ``tests:`` sentences, read in-process (blank pipeline, bundled KB): each must give exactly
the facts its rule entry lists — no more, no fewer."""

from __future__ import annotations

import pytest
from _analysis_support import analyse_text

from kg.facts.lang import RULES
from kg.facts.patterns import RuleExample
from kg.model import DocumentResult, TimePrecision, TimeRef

EXAMPLES = [
    pytest.param(lang, rule.name, example, id=f"{lang}-{rule.name}-{i}")
    for lang, rules in sorted(RULES.items())
    for rule in rules.patterns.relations
    for i, example in enumerate(rule.tests)
]


def _result(lang: str, example: RuleExample) -> DocumentResult:
    return analyse_text(example.text, lang, example.published, "rule-example")


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
