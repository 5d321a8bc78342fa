"""The trigger-first engine: rule triggers matched once per document by the nlp stage (token patterns
with context, vetoes and compound spans; regex rules once over the text), the precedence the relation
engine reads them in, and the offices pass's read-only index."""

from __future__ import annotations

import hashlib
import re

import pytest

from kg.facts.context import OfficeIndex
from kg.facts.hits import RELATION, relation_hits
from kg.facts.lang import RULES
from kg.model import Document, Entity, EntityKind, Sentence, Span, TextAnalysis, TriggerHit, TriggerPatterns
from kg.nlp import load_pipeline


def _hits(lang: str, text: str, rules: tuple[TriggerPatterns, ...]) -> list[tuple[str, str, int]]:
    doc = Document("t", text, lang, "t", hashlib.sha256(text.encode()).hexdigest())
    analysis = load_pipeline(lang, model="blank", triggers=rules).analyse(doc)
    assert analysis.triggers is not None
    return [(h.rule, h.text, h.begin) for h in analysis.triggers]


def test_context_elements_must_match_but_are_not_the_trigger() -> None:
    rule = TriggerPatterns(
        "belongs",
        tokens=([{"TEXT": "gehört"}, {"OP": "{1,4}", "CONTEXT": True}, {"TEXT": "an", "CONTEXT": True}],),
    )
    assert _hits("de", "Norwegen gehört der NATO an.", (rule,)) == [("belongs", "gehört", 9)]
    assert _hits("de", "Norwegen gehört zur NATO.", (rule,)) == []


def test_an_unless_pattern_vetoes_the_hit_it_overlaps() -> None:
    rule = TriggerPatterns(
        "bare",
        tokens=([{"TEXT": "Mitglied"}],),
        unless=([{"TEXT": "Mitglied"}, {"TEXT": "der", "CONTEXT": True}],),
    )
    text = "Polen ist Mitglied der EU. Schweden ist seit März Mitglied."
    assert _hits("de", text, (rule,)) == [("bare", "Mitglied", text.rindex("Mitglied"))]


def test_a_span_narrows_the_trigger_inside_a_compound() -> None:
    join = r"\bBeitritt\w*"
    rule = TriggerPatterns("join", tokens=([{"TEXT": {"REGEX": join}, "SPAN": join}],))
    text = "Der EU-Beitritt der Ukraine."
    assert _hits("de", text, (rule,)) == [("join", "Beitritt", text.index("Beitritt"))]


def test_a_regex_rule_runs_once_over_the_whole_text() -> None:
    # the regex crosses a sentence end: found over the text, then not read as a relation trigger
    rule = TriggerPatterns("regex", regex=re.compile(r"Mitglied\. Auch"))
    text = "Polen ist Mitglied. Auch Estland."
    assert _hits("de", text, (rule,)) == [("regex", "Mitglied. Auch", 10)]


def _analysis(text: str, hits: list[tuple[str, str]]) -> TextAnalysis:
    triggers = tuple(
        TriggerHit(RELATION + rule, 0, 0, text.index(word), text.index(word) + len(word), word)
        for rule, word in hits
    )
    return TextAnalysis("t", (Sentence(0, Span(0, len(text), text)),), (), triggers=triggers)


def test_a_hit_inside_a_longer_hit_of_another_rule_is_dropped_equal_spans_stay() -> None:
    text = "Die NATO hat Schweden als Mitglied aufgenommen, Beitrittskandidat."
    analysis = _analysis(
        text,
        [
            ("member_bare", "Mitglied"),
            ("admit_as_member", "als Mitglied aufgenommen"),
            ("join", "Beitrittskandidat"),
            ("candidate", "Beitrittskandidat"),
        ],
    )
    read = [(h.rule.name, h.hit.text) for h in relation_hits(analysis, RULES["de"].patterns)]
    assert sorted(read) == [
        ("admit_as_member", "als Mitglied aufgenommen"),
        ("candidate", "Beitrittskandidat"),
        ("join", "Beitrittskandidat"),
    ]


def test_a_rule_reads_inside_one_sentence_and_its_hits_do_not_overlap() -> None:
    text = "Polen ist Mitglied. Estland auch."
    analysis = TextAnalysis(
        "t",
        (Sentence(0, Span(0, 19, text[:19])), Sentence(1, Span(20, len(text), text[20:]))),
        (),
        triggers=(
            TriggerHit(RELATION + "member_bare", 0, 0, 10, 24, text[10:24]),  # across the sentence end
            TriggerHit(RELATION + "join", 0, 0, 10, 18, text[10:18]),
            TriggerHit(RELATION + "join", 0, 0, 12, 18, text[12:18]),  # overlaps the rule's own hit
        ),
    )
    read = [(h.rule.name, h.hit.begin, h.sentence) for h in relation_hits(analysis, RULES["de"].patterns)]
    assert read == [("join", 10, 0)]


def test_an_analysis_without_the_rules_triggers_is_refused() -> None:
    analysis = TextAnalysis("t", (), ())
    with pytest.raises(ValueError, match="without the rules' triggers"):
        relation_hits(analysis, RULES["de"].patterns)


def test_the_office_index_is_read_only() -> None:
    poland = Entity("Poland", EntityKind.COUNTRY, "Q36")
    index = OfficeIndex.of({"p": ["Präsident"]}, {"p": poland})
    assert index.titles["p"] == ("Präsident",) and index.person_country["p"] is poland
    with pytest.raises(TypeError):
        index.person_country["q"] = poland  # type: ignore[index]


def test_word_tests_read_as_lexeme_flags_match_as_the_matcher_would_and_more_than_the_free_bits() -> None:
    # 60 IN/NOT_IN/REGEX tests: more than spaCy's 45 free flag bits, so the last ones stay predicates
    words = ["Polen", "Schweden", "Estland", "Lettland", "Litauen"]
    rules = []
    for i in range(20):
        word = words[i % 5]
        rules.append(TriggerPatterns(f"in{i}", tokens=([{"TEXT": {"IN": [word, f"x{i}"]}}],)))
        rules.append(TriggerPatterns(f"lower{i}", tokens=([{"LOWER": {"IN": [word.lower(), f"y{i}"]}}],)))
        not_and = {"LOWER": {"NOT_IN": [f"z{i}", "und"]}}
        rules.append(
            TriggerPatterns(f"re{i}", tokens=([{"TEXT": {"REGEX": f"^{word[:3]}(?:{i})?"}}, not_and],))
        )
    text = "Polen und Schweden, Estland UND Lettland. Litauen auch."
    followed = {
        "Polen": None,
        "Schweden": "Schweden,",
        "Estland": None,
        "Lettland": "Lettland.",
        "Litauen": "Litauen auch",
    }
    expected = []
    for i in range(20):
        word = words[i % 5]
        at = text.index(word)
        expected += [(f"in{i}", word, at), (f"lower{i}", word, at)]
        if (trigger := followed[word]) is not None:
            expected.append((f"re{i}", trigger, at))
    assert sorted(_hits("de", text, tuple(rules))) == sorted(expected)
