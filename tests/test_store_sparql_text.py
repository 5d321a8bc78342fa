"""The token-level SPARQL helpers: SERVICE targets, parameter substitution, protocol USING clauses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.store import PREFIXES
from kg.store.sparql_text import add_using, keywords, service_iris, substitute, term_for


def test_service_iris_ignore_comments_strings_and_resolve_names() -> None:
    query = """PREFIX w: <https://query.wikidata.org/>
    # SERVICE <http://in-a-comment/>
    SELECT * WHERE {
      ?s ?p "SERVICE <http://in-a-string/>" .
      SERVICE w:sparql { ?s ?p ?o }
      SERVICE silent <http://127.0.0.1:9/x> { }
      SERVICE <http://127.0.0.1\\u003A8/y> { }
    }"""
    assert service_iris(query) == [
        "https://query.wikidata.org/sparql",
        "http://127.0.0.1:9/x",
        "http://127.0.0.1:8/y",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * { SERVICE nope:x { ?s ?p ?o } }",
        "SELECT * { SERVICE <relative> { ?s ?p ?o } }",
    ],
)
def test_service_targets_that_cannot_be_checked_raise(query: str) -> None:
    with pytest.raises(QueryError):
        service_iris(query)


def test_keywords_skip_names_strings_and_variables() -> None:
    assert "LOAD" in keywords("load <http://x/> INTO GRAPH <http://g/>")
    assert "LOAD" not in keywords('INSERT { ?load <http://x/LOAD> "LOAD" } WHERE { ?load ex:LOAD ?x }')


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("wd:Q212", "<http://www.wikidata.org/entity/Q212>"),
        ("<http://example.org/a>", "<http://example.org/a>"),
        ("https://example.org/b", "<https://example.org/b>"),
        ("42", "42"),
        ("-1.5e3", "-1.5e3"),
        ('"Ukraine"@de', '"Ukraine"@de'),
        (
            '"2024-06-13"^^<http://www.w3.org/2001/XMLSchema#date>',
            '"2024-06-13"^^<http://www.w3.org/2001/XMLSchema#date>',
        ),
        ("plain words", '"plain words"'),
        ('x" } DROP ALL #', '"x\\" } DROP ALL #"'),
        ("Q212", "<http://www.wikidata.org/entity/Q212>"),  # a bare Wikidata id, as editors write it
        ("q7184", "<http://www.wikidata.org/entity/Q7184>"),
        ("12:30", '"12:30"'),
        ('"nope:thing"', '"nope:thing"'),
    ],
)
def test_parameter_values_become_single_terms(value: str, term: str) -> None:
    assert term_for(value, PREFIXES) == term


def test_an_unknown_prefix_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"unknown prefix 'nope'.*wd"):
        term_for("nope:thing", PREFIXES)


@pytest.mark.parametrize(
    "value", ["<http://a> } DROP ALL {", '"x"@en } DROP ALL', '"x"^^xsd:date', "<not absolute>"]
)
def test_bad_or_hostile_values_raise_or_stay_literals(value: str) -> None:
    try:
        term = term_for(value, PREFIXES)
    except QueryError:
        return
    # whatever it became parses as exactly one term in a query
    store = ox.Store()
    rows = list(store.query(f"SELECT ?x WHERE {{ BIND({term} AS ?x) }}"))
    assert len(rows) == 1 and rows[0]["x"] is not None


def test_substitute_touches_only_dollar_variables_outside_strings() -> None:
    query = 'SELECT * WHERE { $entity ?p "$entity" . <http://x/$entity> ?q ?entity } # $entity'
    got = substitute(query, {"entity": "wd:Q212"}, PREFIXES)
    assert got == (
        "SELECT * WHERE { <http://www.wikidata.org/entity/Q212> "
        '?p "$entity" . <http://x/$entity> ?q ?entity } # $entity'
    )


def test_add_using_puts_the_protocol_dataset_before_where() -> None:
    update = "INSERT { GRAPH <http://g/> { ?s a ?t } } WHERE { ?s a ?t } ; DELETE WHERE { ?a ?b ?c }"
    got = add_using(update, ["http://d/"], ["http://n/"])
    assert "USING <http://d/> USING NAMED <http://n/> WHERE { ?s a ?t }" in got
    assert "DELETE WHERE { ?a ?b ?c }" in got  # the short form takes no USING
    ox.Store().update(got)  # and the result is a valid update
    with pytest.raises(QueryError):
        add_using("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ["http://d/"], [])
