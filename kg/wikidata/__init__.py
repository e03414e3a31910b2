"""Linking our entities to Wikidata, and telling Wikidata editors what it lacks.

Stages: :mod:`~kg.wikidata.subjects` (our linkable entities) → :mod:`~kg.wikidata.candidates`
(sitelink, label and alias look-ups through the cached, polite :mod:`~kg.wikidata.endpoint`)
→ :mod:`~kg.wikidata.score` → :mod:`~kg.wikidata.link` (decisions: :class:`Links`) →
:mod:`~kg.wikidata.triples` (``owl:sameAs`` and link nodes), :mod:`~kg.wikidata.review`
(the CSV a person judges) and :mod:`~kg.wikidata.quickstatements` (``kg wikidata-diff``).
"""

from kg.wikidata.endpoint import WIKIDATA_ENDPOINT, Politeness
from kg.wikidata.link import DEFAULT_MIN_SCORE, Candidate, Link, Links, Unlinked, link_entities
from kg.wikidata.score import Method
from kg.wikidata.triples import links_graph

__all__ = [
    "DEFAULT_MIN_SCORE", "WIKIDATA_ENDPOINT", "Candidate", "Link", "Links", "Method", "Politeness",
    "Unlinked", "link_entities", "links_graph",
]
