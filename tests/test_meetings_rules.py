"""Every meeting rule's ``tests:`` texts, read in-process (blank pipeline, bundled KB): each must give
exactly the meetings its rule entry lists (place, date, participants) — no more, no fewer."""

from __future__ import annotations

import pytest
from _analysis_support import analyse_text

from kg.facts.lang import RULES
from kg.facts.patterns import MeetingExample

EXAMPLES = [
    pytest.param(lang, rule.name, example, id=f"{lang}-{rule.name}-{i}")
    for lang, rules in sorted(RULES.items())
    for rule in rules.patterns.meetings
    for i, example in enumerate(rule.tests)
]


def _meetings(lang: str, example: MeetingExample) -> set[tuple[str, str, frozenset[str]]]:
    result = analyse_text(example.text, lang, example.published, "meeting-example")
    return {
        (
            (m.place.qid or m.place.key) if m.place is not None else "",
            m.date.isoformat() if m.date is not None else "",
            frozenset(e.qid or e.key for e in m.participants),
        )
        for m in result.meetings
    }


def test_every_meeting_rule_has_examples() -> None:
    missing = [
        (lang, r.name) for lang, rules in RULES.items() for r in rules.patterns.meetings if not r.tests
    ]
    assert missing == []


@pytest.mark.parametrize(("lang", "rule", "example"), EXAMPLES)
def test_meeting_rule_example_gives_exactly_its_meetings(
    lang: str, rule: str, example: MeetingExample
) -> None:
    assert _meetings(lang, example) == set(example.meetings)
    # the example exercises its own rule: the rule's trigger is in the text
    (meeting_rule,) = [r for r in RULES[lang].patterns.meetings if r.name == rule]
    assert meeting_rule.trigger.search(example.text)
