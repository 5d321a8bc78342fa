"""Comparing kg's facts with Wikidata: statements (``p:/ps:/pq:``), fetching them from an endpoint,
verdicts per fact, and QuickStatements for the facts Wikidata lacks.

    statements.py      Wikidata-shaped RDF (full statements with ranks and qualifiers) -> Snapshot
    fetch.py           CONSTRUCT the statements of the facts' subjects from a SPARQL endpoint, cached
    facts.py           kg's reified facts (and their documents) read back from a graph or a store
    compare.py         the verdicts: confirmed / new / contradicted / no-evidence, and their quads
    quickstatements.py QuickStatements V1 (and CSV) with a full reference group per line; a reader
"""
