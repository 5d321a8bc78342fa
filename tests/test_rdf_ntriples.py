"""The mapping writes terms as N-Triples text itself (kg.rdf.ntriples): it must be exactly the text
pyoxigraph writes for the same term, for every character a document can hold."""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf import ntriples as nt


def _all_characters() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_every_character_is_written_as_pyoxigraph_writes_it() -> None:
    text = _all_characters()
    for start in range(0, len(text), 512):
        chunk = text[start : start + 512]
        for char in chunk[:64]:  # each alone, between letters (fast and slow path separately)
            value = f"a{char}b"
            assert nt.string(value) == str(ox.Literal(value)), hex(ord(char))
        assert nt.string(chunk) == str(ox.Literal(chunk)), hex(start)
    for char in text[::97]:
        value = f"x{char}"
        assert nt.string(value) == str(ox.Literal(value)), hex(ord(char))


def test_a_whole_quad_line_is_what_the_serialiser_writes() -> None:
    graph = ox.NamedNode("https://example.org/doc/1")
    value = 'Er sagte: "Nein."\n\tC:\\pfad \u0001 \u007f \ufffe ü 😀'
    quad = ox.Quad(ox.NamedNode("https://example.org/doc/1#context"), ox.NamedNode("http://x/p"),
                   ox.Literal(value, language="de-DE"), graph)
    line = f"{nt.node(quad.subject)} {nt.iri('http://x/p')} {nt.text(value, 'de-DE')} {nt.node(graph)} .\n"
    assert line.encode() == ox.serialize([quad], format=ox.RdfFormat.N_QUADS)


def test_language_tags_doubles_and_typed_literals() -> None:
    assert nt.text("Berlin", "de") == str(ox.Literal("Berlin", language="de"))
    assert nt.text("Berlin", "EN-gb") == str(ox.Literal("Berlin", language="EN-gb"))
    assert nt.text("Berlin", "not a tag") == str(ox.Literal("Berlin"))  # an invalid tag: a plain string
    assert nt.text("Berlin", "") == str(ox.Literal("Berlin"))
    for value in (0.0, 0.9, 1.0, 0.123456789, 1e-7, 0.75):
        assert nt.double(value) == str(ox.Literal(value))
    date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    assert nt.typed("2022-01-07", nt.node(date)) == str(ox.Literal("2022-01-07", datatype=date))
