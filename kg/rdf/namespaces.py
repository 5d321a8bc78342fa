"""The vocabularies the mapping reuses (see ../shared CONTRACT), as pyoxigraph terms, and the prefixes
every serialisation declares. The project's own terms are generated into ``kg.rdf.terms``."""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.model import KGO, WD, WDT

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
NIF_NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF_NS = "http://www.w3.org/2005/11/its/rdf#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCTERMS_NS = "http://purl.org/dc/terms/"
SH_NS = "http://www.w3.org/ns/shacl#"

PREFIXES: dict[str, str] = {
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "owl": OWL_NS,
    "skos": SKOS_NS,
    "nif": NIF_NS,
    "itsrdf": ITSRDF_NS,
    "prov": PROV_NS,
    "dcterms": DCTERMS_NS,
    "wd": WD,
    "wdt": WDT,
    "kgo": KGO,
    # Wikidata's statement form (kg.rdf.statements)
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "wikibase": "http://wikiba.se/ontology#",
}
"""Prefixes of every file the exporter writes (the data's own base IRI is added per call)."""

# rdf / rdfs
RDF_TYPE = NamedNode(RDF_NS + "type")
RDF_SUBJECT = NamedNode(RDF_NS + "subject")
RDF_PREDICATE = NamedNode(RDF_NS + "predicate")
RDF_OBJECT = NamedNode(RDF_NS + "object")
RDF_VALUE = NamedNode(RDF_NS + "value")
RDFS_LABEL = NamedNode(RDFS_NS + "label")

# xsd
XSD_STRING = NamedNode(XSD_NS + "string")
XSD_DATE = NamedNode(XSD_NS + "date")
XSD_DATETIME = NamedNode(XSD_NS + "dateTime")
XSD_G_YEAR = NamedNode(XSD_NS + "gYear")
XSD_G_YEAR_MONTH = NamedNode(XSD_NS + "gYearMonth")
XSD_DOUBLE = NamedNode(XSD_NS + "double")
XSD_NON_NEGATIVE_INTEGER = NamedNode(XSD_NS + "nonNegativeInteger")

# NIF 2.0 core and ITS 2.0
NIF_CONTEXT = NamedNode(NIF_NS + "Context")
NIF_SENTENCE = NamedNode(NIF_NS + "Sentence")
NIF_PHRASE = NamedNode(NIF_NS + "Phrase")
NIF_IS_STRING = NamedNode(NIF_NS + "isString")
NIF_BEGIN_INDEX = NamedNode(NIF_NS + "beginIndex")
NIF_END_INDEX = NamedNode(NIF_NS + "endIndex")
NIF_ANCHOR_OF = NamedNode(NIF_NS + "anchorOf")
NIF_REFERENCE_CONTEXT = NamedNode(NIF_NS + "referenceContext")
NIF_SENTENCE_PROP = NamedNode(NIF_NS + "sentence")
ITSRDF_TA_IDENT_REF = NamedNode(ITSRDF_NS + "taIdentRef")

# PROV-O
PROV_WAS_DERIVED_FROM = NamedNode(PROV_NS + "wasDerivedFrom")
PROV_WAS_GENERATED_BY = NamedNode(PROV_NS + "wasGeneratedBy")
PROV_WAS_ASSOCIATED_WITH = NamedNode(PROV_NS + "wasAssociatedWith")
PROV_STARTED_AT_TIME = NamedNode(PROV_NS + "startedAtTime")

# Dublin Core terms
DCTERMS_LANGUAGE = NamedNode(DCTERMS_NS + "language")
DCTERMS_TITLE = NamedNode(DCTERMS_NS + "title")
DCTERMS_ISSUED = NamedNode(DCTERMS_NS + "issued")
DCTERMS_SOURCE = NamedNode(DCTERMS_NS + "source")
DCTERMS_IDENTIFIER = NamedNode(DCTERMS_NS + "identifier")

# Wikidata direct properties used as they are
WDT_P585_POINT_IN_TIME = NamedNode(WDT + "P585")
WDT_P710_PARTICIPANT = NamedNode(WDT + "P710")
WDT_P276_LOCATION = NamedNode(WDT + "P276")
