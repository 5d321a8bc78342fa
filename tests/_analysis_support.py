"""One text through the whole in-process pipeline (blank spaCy, bundled KB), for tests that assert
on a document's exact facts or meetings."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache

from kg.kb import KnowledgeBase, load_knowledge_base
from kg.model import Document, DocumentResult
from kg.nlp import NlpPipeline
from kg.pipeline import analyse_document, load_pipeline


@cache
def bundled_kb() -> KnowledgeBase:
    return load_knowledge_base()


@cache
def blank_pipeline(lang: str) -> NlpPipeline:
    return load_pipeline(lang, model="blank")


def analyse_text(text: str, lang: str, published: str, doc_id: str = "example") -> DocumentResult:
    doc = Document(
        doc_id, text, lang, doc_id, hashlib.sha256(text.encode()).hexdigest(),
        published=dt.date.fromisoformat(published),
    )  # fmt: skip
    return analyse_document(doc, blank_pipeline(lang).analyse(doc), bundled_kb())
