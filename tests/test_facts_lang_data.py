"""The fact stage's code holds no language: every word list and language difference is data under
``kg/facts/lang/<code>/`` (read through ``LanguageRules``)."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from kg.facts.lang import RULES, LanguageRules

FACTS = Path(__file__).resolve().parents[1] / "kg" / "facts"
# names of things, not words of a language: extractor shapes, rule names, parser dependency labels
NOT_WORDS = {
    *("__all__", "OFFICE_SHAPES", "SHAPE_NAMES"),
    *("SUBJECT_DEPS", "CONJUNCT_DEPS", "NEGATION_DEPS"),
    *("WORD_ATTRS", "WORD_TESTS"),  # spaCy Matcher attribute and operator names (kg/nlp/triggers.py)
}
WORD = re.compile(r"[^\W\d_]{2,}")


TRIGGERS = FACTS.parent / "nlp" / "triggers.py"  # runs the rules' token patterns: no words of its own


def _engine_modules() -> list[Path]:
    # patterns.py: the schema
    return [*sorted(p for p in FACTS.glob("*.py") if p.name != "patterns.py"), TRIGGERS]


def _word_literals(node: ast.AST) -> list[str]:
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and WORD.fullmatch(n.value.replace(" ", ""))
    ]


@pytest.mark.parametrize("module", _engine_modules(), ids=lambda p: p.name)
def test_no_engine_module_branches_on_the_language(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    assert "lang ==" not in text
    # nor any other test of the language code ("ctx.lang != 'en'", "lang in ('de', 'en')")
    assert not re.search(r"\blang\s*(?:!=|==|in\b|not\s+in\b)", text)
    assert not re.search(r"""for\s+\w+\s+in\s+\(\s*["'](?:de|en)["']""", text)


@pytest.mark.parametrize("module", _engine_modules(), ids=lambda p: p.name)
def test_no_engine_module_defines_a_word_list(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    lists = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = target.id if isinstance(target, ast.Name) else ""
            if name not in NOT_WORDS and node.value is not None and len(_word_literals(node.value)) >= 2:
                lists.append(name)
    assert lists == []


@pytest.mark.parametrize("lang", sorted(RULES))
def test_every_language_fills_every_field(lang: str) -> None:
    rules = RULES[lang]
    assert isinstance(rules, LanguageRules) and rules.lang == lang and rules.patterns.lang == lang
    for part in (rules.vocab, rules.grammar):
        for f in dataclasses.fields(part):
            assert getattr(part, f.name) is not None, f.name


def test_the_german_and_english_month_names_are_each_their_own() -> None:
    # a split, not a copy: the German list has no English month, and the other way round
    assert "märz" in RULES["de"].vocab.months and "märz" not in RULES["en"].vocab.months
    assert "march" in RULES["en"].vocab.months and "march" not in RULES["de"].vocab.months
