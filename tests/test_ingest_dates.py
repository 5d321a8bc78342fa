"""Publication dates as feeds write them: RSS (RFC 822), DD.MM.YYYY, ISO with a time, month names —
in JSONL metadata and in ``kg extract --published``; ambiguous or wrong dates are refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from _store_support import run_kg

from kg.ingest import read_documents
from kg.ingest.dates import parse_published
from kg.model import Document, IngestFailure

JAN_7 = dt.date(2022, 1, 7)
TEXT = "The foreign ministers of the member states met in Brussels on Tuesday to talk about the east."


@pytest.mark.parametrize(
    "value",
    [
        "2022-01-07",
        "2022-01-07T10:15:00Z",
        "2022-01-07T10:15:00.250+01:00",
        "2022-01-07T23:30:00-05:00",  # the 8th in UTC, the 7th where it was published
        "2022-01-07 10:15",
        "Fri, 07 Jan 2022 10:15:00 +0100",
        "Fri, 07 Jan 2022 10:15:00 GMT",
        "7 Jan 2022 10:15 GMT",
        "07.01.2022",
        "7.1.2022",
        "07.01.2022, 10:15 Uhr",
        "7. Januar 2022",
        "Freitag, 7. Januar 2022",
        "7 January 2022",
        "January 7, 2022",
    ],
)
def test_lenient_dates(value: str) -> None:
    assert parse_published(value) == JAN_7


@pytest.mark.parametrize("value", ["01/02/2022", "yesterday", "2022-13-01", "31.02.2022", "7. Smarch 2022"])
def test_ambiguous_or_wrong_dates_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_published(value)


def test_jsonl_published_in_feed_forms(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    values = ["Fri, 07 Jan 2022 10:15:00 +0100", "07.01.2022", "2022-01-07T10:15:00+01:00", "01/02/2022"]
    feed.write_text(
        "\n".join(
            json.dumps({"id": f"d{n}", "text": TEXT, "lang": "en", "published": v})
            for n, v in enumerate(values)
        )
        + "\n",
        encoding="utf-8",
    )
    items = list(read_documents([str(feed)]))
    assert [d.published for d in items[:3] if isinstance(d, Document)] == [JAN_7] * 3
    assert isinstance(items[3], IngestFailure) and "not a date" in items[3].message
    assert "01/02/2022" in items[3].message


def test_extract_published_option_takes_rss_and_german_dates(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "a.nq"
    result = run_kg(
        "extract",
        article,
        "--lang",
        "en",
        "--published",
        "Fri, 07 Jan 2022 10:15:00 +0100",
        "-o",
        out,
        "--model",
        "blank",
    )
    assert result.returncode == 0, result.stderr
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    issued = [q.object for q in quads if q.predicate.value == "http://purl.org/dc/terms/issued"]
    assert issued == [
        ox.Literal("2022-01-07", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    ]
    bad = run_kg("extract", article, "--lang", "en", "--published", "01/02/2022", "-o", tmp_path / "b.nq")
    assert bad.returncode == 2 and "not a date" in bad.stderr and not (tmp_path / "b.nq").exists()
