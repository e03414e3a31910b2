"""Summit KG: Wikipedia articles about summit meetings, published as a validated knowledge graph.

Stages (see :mod:`kg.pipeline`): source → wikitext → extract → rdf → validate → export.
"""

__version__ = "0.1.0"
