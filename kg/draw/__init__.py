"""``kg draw``: the facts of a document graph as a self-contained SVG picture.

``read`` queries kg's RDF (a file or a store) with Oxigraph into the frozen records of ``records``;
``layout`` places them, ``render`` writes the SVG text (pure Python, no pyoxigraph), ``output`` writes
files atomically.
"""

from kg.draw.records import DocumentFacts, Entity, Fact, Meeting, Quotation
from kg.draw.render import render_svg

__all__ = ["DocumentFacts", "Entity", "Fact", "Meeting", "Quotation", "render_svg"]
