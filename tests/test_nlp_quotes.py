"""Quote-aware sentence boundaries and quotation spans on the blank pipeline."""

from __future__ import annotations

import functools
import hashlib

import pytest

from kg.model import Document, TextAnalysis
from kg.nlp import NlpPipeline, load_pipeline


@functools.cache
def pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def analyse(text: str, lang: str = "de") -> TextAnalysis:
    doc = Document("t", text, lang, "test", hashlib.sha256(text.encode()).hexdigest())
    return pipeline(lang).analyse(doc)


def quoted(text: str, lang: str = "de") -> list[str]:
    return [q.span.text for q in analyse(text, lang).quotations]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("„Wir bleiben wachsam“, sagte die Ministerin.", "de"),
        ("„Wir bleiben wachsam”, sagte die Ministerin.", "de"),
        ("“Wir bleiben wachsam”, sagte die Ministerin.", "de"),
        ("»Wir bleiben wachsam«, sagte die Ministerin.", "de"),
        ("«Wir bleiben wachsam», sagte die Ministerin.", "de"),
        ("‚Wir bleiben wachsam‘, sagte die Ministerin.", "de"),
        ('"Wir bleiben wachsam", sagte die Ministerin.', "de"),
        ("“Wir bleiben wachsam,” the minister said.", "en"),
        ("‘Wir bleiben wachsam,’ the minister said.", "en"),
    ],
)
def test_every_quotation_style(text: str, lang: str) -> None:
    [inner] = quoted(text, lang)
    assert inner.rstrip(",") == "Wir bleiben wachsam"


def test_apostrophes_are_not_quotation_marks() -> None:
    assert quoted("The minister’s aides didn’t say where the talks would be held.", "en") == []


def test_nested_single_quotes_stay_inside() -> None:
    text = "„Er nannte es ‚eine Zeitenwende‘ und ging“, sagte sie."
    assert quoted(text) == ["Er nannte es ‚eine Zeitenwende‘ und ging"]


def test_opening_mark_moves_to_the_sentence_it_opens() -> None:
    text = "„Wir sind bereit“, sagte er. „Aber wir drängen nicht. Wir warten ab.“ Danach ging er."
    a = analyse(text)
    sentences = [s.span.text for s in a.sentences]
    assert sentences[0] == "„Wir sind bereit“, sagte er."
    assert sentences[1] == "„Aber wir drängen nicht."
    assert [q.span.text for q in a.quotations] == [
        "Wir sind bereit",
        "Aber wir drängen nicht. Wir warten ab.",
    ]
    assert [q.sentence for q in a.quotations] == [0, 1]
    assert sentences[-1] == "Danach ging er."


def test_lower_case_frame_after_a_quotation_joins_its_sentence() -> None:
    text = "„Das Bündnis hält zusammen.“ er sagte. Dann endete die Sitzung."
    sentences = [s.span.text for s in analyse(text).sentences]
    assert sentences == ["„Das Bündnis hält zusammen.“ er sagte.", "Dann endete die Sitzung."]


def test_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "„Wir werden helfen. Wir werden liefern.\n\n„Und wir bleiben“, sagte sie."
    assert quoted(text) == ["Wir werden helfen. Wir werden liefern.", "Und wir bleiben"]


def test_paragraphs_and_titles_are_sentence_boundaries() -> None:
    text = (
        "Gipfel in Madrid\n\nDie Minister trafen sich in Madrid\nund berieten lange.\n\n"
        "Danach reisten sie ab."
    )
    sentences = [s.span.text for s in analyse(text).sentences]
    assert sentences == [
        "Gipfel in Madrid",
        "Die Minister trafen sich in Madrid\nund berieten lange.",
        "Danach reisten sie ab.",
    ]


def test_tokens_know_their_corrected_sentence() -> None:
    a = analyse("„Ja“, sagte er. „Nein.“")
    opening = [t for t in a.tokens if t.text == "„"]
    assert [t.sentence for t in opening] == [0, 1]
    for s in a.sentences:
        assert s.span.text == "„Ja“, sagte er. „Nein.“"[s.span.begin : s.span.end]
