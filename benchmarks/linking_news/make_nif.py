"""Writes de.ttl / en.ttl (NIF 2.0) from the annotated sources de.src / en.src.

Source markup: ``[surface|Q123]`` (an item of the bundled KB), ``[surface|nil]`` (NIL, labelled by
the surface) or ``[surface|nil:Label]`` (NIL, the same entity as the mention labelled Label).
Offsets are Python code points into the article text without the markup; every anchorOf is
checked against the slice. Run once; the .ttl files are the frozen benchmark (see README.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).parent
MARK = re.compile(r"\[([^\]|]+)\|([^\]]+)\]")
NIL = "https://w3id.org/kg-news/nil/"
BASE = "https://w3id.org/kg-news/bench/linking_news/"


def parse(path: Path) -> list[tuple[str, str, list[tuple[int, int, str, str]]]]:
    docs = []
    for block in path.read_text(encoding="utf-8").split("# ")[1:]:
        doc_id, _, body = block.partition("\n")
        body = " ".join(body.split())
        text, mentions, pos = "", [], 0
        for m in MARK.finditer(body):
            text += body[pos : m.start()]
            surface, target = m.group(1), m.group(2)
            begin = len(text)
            text += surface
            if target.startswith("Q"):
                iri = "http://www.wikidata.org/entity/" + target
            else:
                label = target[4:] if target.startswith("nil:") else surface
                iri = NIL + quote(label.replace(" ", "_"))
            mentions.append((begin, len(text), surface, iri))
            pos = m.end()
        text += body[pos:]
        for b, e, s, _ in mentions:
            assert text[b:e] == s, (doc_id, b, e, s)
        docs.append((doc_id.strip(), text, mentions))
    return docs


def literal(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def turtle(lang: str, docs: list[tuple[str, str, list[tuple[int, int, str, str]]]]) -> str:
    out = [
        "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .",
        "@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
    ]
    for doc_id, text, mentions in docs:
        ctx = f"<{BASE}{doc_id}#char=0,{len(text)}>"
        out.append(f"{ctx} a nif:Context, nif:RFC5147String ;")
        out.append(f"    nif:isString {literal(text)} ;")
        out.append(f'    dcterms:language "{lang}" ;')
        out.append(
            f'    nif:beginIndex "0"^^xsd:nonNegativeInteger ; '
            f'nif:endIndex "{len(text)}"^^xsd:nonNegativeInteger .'
        )
        for b, e, s, iri in mentions:
            out.append(f"<{BASE}{doc_id}#char={b},{e}> a nif:Phrase, nif:RFC5147String ;")
            out.append(f"    nif:referenceContext {ctx} ;")
            out.append(f"    nif:anchorOf {literal(s)} ;")
            out.append(
                f'    nif:beginIndex "{b}"^^xsd:nonNegativeInteger ; '
                f'nif:endIndex "{e}"^^xsd:nonNegativeInteger ;'
            )
            out.append(f"    itsrdf:taIdentRef <{iri}> .")
        out.append("")
    return "\n".join(out)


def main() -> int:
    for lang in ("de", "en"):
        docs = parse(HERE / f"{lang}.src")
        (HERE / f"{lang}.ttl").write_text(turtle(lang, docs), encoding="utf-8")
        print(lang, len(docs), "articles", sum(len(m) for _, _, m in docs), "mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
