"""read_documents over every input format, with real files in a temporary folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from kg.ingest import read_documents
from kg.model import Document, IngestFailure

DE_TEXT = (
    "Bündnis berät über neue Partner\n\n"
    "Die Außenminister der Mitgliedstaaten kamen am Dienstag in Brüssel zusammen. Sie sprachen über die Lage "
    "im Osten und über die Frage, welche Staaten in den kommenden Jahren aufgenommen werden sollen.\n\n"
    "Klicken Sie auf Play, um den Beitrag zu hören\n\n"
    "Die Gespräche sollen im Frühjahr fortgesetzt werden, hieß es aus Diplomatenkreisen.\n\n"
    ".\nQuelle Website\n\nLeave a Reply\n"
)
EN_TEXT = (
    "The foreign ministers of the member states met in Brussels on Tuesday. They discussed the situation in "
    "the east and which countries should be admitted in the coming years.\n"
)


def documents(items: list[Document | IngestFailure]) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def test_plain_text_strips_chrome_and_finds_title_and_language(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(DE_TEXT, encoding="utf-8")
    [doc] = list(read_documents([str(path)], published=dt.date(2022, 3, 1)))
    assert isinstance(doc, Document)
    assert doc.lang == "de"
    assert doc.title == "Bündnis berät über neue Partner"
    assert "Klicken Sie auf Play" not in doc.text
    assert "Leave a Reply" not in doc.text and "Quelle Website" not in doc.text
    assert doc.text.rstrip().endswith("hieß es aus Diplomatenkreisen.")
    assert doc.published == dt.date(2022, 3, 1)
    assert doc.content_hash == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert doc.doc_id == f"doc-{doc.content_hash[:16]}"
    assert doc.origin == str(path)


def test_chrome_phrases_inside_a_sentence_stay(tmp_path: Path) -> None:
    text = "Leave a reply to the minister, the opposition told the government in a long letter on Monday.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = list(read_documents([str(path)], lang="en"))
    assert isinstance(doc, Document) and doc.text == text


def test_language_detection_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    langs = {d.lang for _ in range(3) for d in documents(list(read_documents([str(tmp_path / "en.txt")])))}
    assert langs == {"en"}


def test_markdown_keeps_the_prose(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Gipfel in Madrid\n\nDie **Staats- und Regierungschefs** trafen sich in [Madrid](https://example.org)."
        " Sie berieten über *neue Mitglieder* des Bündnisses und über die Lage im Osten Europas.\n\n"
        "- Erster Punkt der Tagesordnung war die Verteidigung.\n",
        encoding="utf-8",
    )
    [doc] = list(read_documents([str(path)], lang="de"))
    assert isinstance(doc, Document)
    assert doc.title == "Gipfel in Madrid"
    assert "Die Staats- und Regierungschefs trafen sich in Madrid." in doc.text
    assert "*" not in doc.text and "](" not in doc.text and "#" not in doc.text
    assert "Erster Punkt der Tagesordnung" in doc.text


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Die Minister berieten am Dienstag in Brüssel über die Lage im Osten, Absatz {i}, und "
        f"vereinbarten weitere Gespräche im Laufe des Frühjahrs mit allen Partnern.</p>"
        for i in range(6)
    )
    html = (
        "<!DOCTYPE html><html><head><title>Minister beraten in Brüssel</title>"
        '<meta property="article:published_time" content="2022-03-01T08:00:00Z"></head><body>'
        "<nav><a href='/'>Startseite</a> <a href='/politik'>Politik</a></nav>"
        f"<article><h1>Minister beraten in Brüssel</h1>{paragraphs}</article>"
        "<footer>Leave a Reply</footer></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(html, encoding="utf-8")
    [doc] = list(read_documents([str(path)], lang="de"))
    assert isinstance(doc, Document)
    assert "Absatz 5" in doc.text and "Startseite" not in doc.text and "Leave a Reply" not in doc.text
    assert doc.title == "Minister beraten in Brüssel"
    assert doc.published == dt.date(2022, 3, 1)


def test_jsonl_records_carry_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {
            "id": "a-1",
            "text": EN_TEXT,
            "title": "Ministers meet",
            "url": "https://example.org/a",
            "published": "2022-03-01",
            "lang": "en",
        },
        {"text": DE_TEXT},
    ]
    path.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    first, second = documents(list(read_documents([str(path)])))
    assert (first.doc_id, first.title, first.source_url, first.published, first.lang) == (
        "a-1",
        "Ministers meet",
        "https://example.org/a",
        dt.date(2022, 3, 1),
        "en",
    )
    assert first.origin == f"{path}:1"
    assert second.doc_id.startswith("doc-") and second.lang == "de" and second.origin == f"{path}:2"


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "zwei.txt").write_text(DE_TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs = documents(list(read_documents([str(tmp_path)])))
    assert [Path(d.origin).name for d in docs] == ["a.txt", "zwei.txt"]


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(EN_TEXT, encoding="utf-8")
    one, two = documents(list(read_documents([str(tmp_path)], lang="en")))
    assert one.doc_id == two.doc_id and one.origin != two.origin


def test_stdin(tmp_path: Path) -> None:
    script = (
        "from kg.ingest import read_documents\n"
        "for d in read_documents(['-'], lang='en'):\n"
        "    print(type(d).__name__, d.origin, d.lang)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], input=EN_TEXT.encode(), capture_output=True, check=True
    )
    assert out.stdout.decode().split() == ["Document", "<stdin>", "en"]


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Talks in Vienna"\ndate: 2022-01-13\nurl: https://example.org/vienna\nlang: en\n---\n'
        "The envoys met in Vienna on Thursday and agreed to meet again in the spring.\n",
        encoding="utf-8",
    )
    [doc] = list(read_documents([str(path)]))
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.source_url, doc.lang) == (
        "Talks in Vienna",
        dt.date(2022, 1, 13),
        "https://example.org/vienna",
        "en",
    )
    assert doc.text.startswith("The envoys met in Vienna")


def test_short_sentences_that_start_like_chrome_stay(tmp_path: Path) -> None:
    lines = [
        "Quelle der Unruhe ist Russland.",
        "Die Kinder aßen Cookies.",
        "Share prices fell sharply.",
        "Newsletter-Abonnenten erfahren es zuerst.",
    ]
    body = "Die Minister berieten lange über die Lage im Osten und vertagten sich.\n\n" + "\n\n".join(lines)
    path = tmp_path / "kurz.txt"
    path.write_text(body + "\n\nWe use cookies. Accept all\nQuelle: dpa\n", encoding="utf-8")
    [doc] = list(read_documents([str(path)], lang="de"))
    assert isinstance(doc, Document)
    for line in lines:
        assert line in doc.text
    assert "cookies. Accept" not in doc.text and "dpa" not in doc.text
