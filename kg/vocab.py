"""The closed ``skg:`` namespace, the prefixes we publish, and IRI minting.

Entity IRIs are minted from stable keys (a kind and a script-neutral name), never from
counters or the order of appearance, so the same entity gets the same IRI whichever
Chinese script the article uses and across rebuilds::

    >>> Minter().entity("person", "Kim Il-sung")
    rdflib.term.URIRef('https://w3id.org/summit-kg/id/person/Kim_Il-sung')

Non-ASCII keys are percent-encoded (UTF-8), as Wikipedia's own article URLs are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD  # noqa: F401 - for the modules that import them from here

from kg.iris import CONTEXT_IRI, DEFAULT_BASE, PREFIX_IRIS  # noqa: F401 - the plain strings, here for this module's users

#: Prefixes declared in every serialisation, in this order (:data:`kg.iris.PREFIX_IRIS` as rdflib namespaces).
PREFIXES: dict[str, Namespace] = {name: Namespace(iri) for name, iri in PREFIX_IRIS.items()}

SKG = PREFIXES["skg"]
SCHEMA = PREFIXES["schema"]
WD = PREFIXES["wd"]
WDT = PREFIXES["wdt"]
CC = PREFIXES["cc"]
SPDX = Namespace("http://spdx.org/rdf/terms#")  # checksums of the published files (void.ttl)

CC_BY_SA_4 = URIRef("https://creativecommons.org/licenses/by-sa/4.0/")

#: Kinds of minted entity; the first path segment of an entity IRI.
KINDS = frozenset(
    {
        "summit", "series", "person", "place", "country", "document", "organization",
        "position", "participation", "administration", "period", "award", "award-receipt",
        "gift", "crossing", "event", "citation", "weblink", "link", "statement", "span", "dataset",
    }
)


def _key_text(name: str) -> str:
    """A name as an IRI path segment: spaces become underscores, reserved characters escaped."""
    return quote("_".join(name.split()), safe="-_.~()")


@dataclass(frozen=True)
class Minter:
    """Mints entity IRIs under one configurable base."""

    base: str = DEFAULT_BASE

    def entity(self, kind: str, key: str) -> URIRef:
        """The IRI of the entity of ``kind`` whose stable key is ``key``."""
        if kind not in KINDS:
            raise ValueError(f"unknown entity kind {kind!r}; expected one of {sorted(KINDS)}")
        if not key:
            raise ValueError(f"empty key for a {kind}")
        return URIRef(f"{self.base}{kind}/{_key_text(key)}")

    def hashed(self, kind: str, *parts: str) -> URIRef:
        """The IRI of an entity that has no name of its own, keyed by a digest of ``parts``."""
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
        return self.entity(kind, digest)


def article_iri(wiki: str, title: str) -> URIRef:
    """The IRI of an article on its wiki (its title percent-encoded, spaces as ``_``)."""
    return URIRef(f"https://{wiki}/wiki/{_key_text(title)}")


def article_title(iri: str) -> tuple[str, str] | None:
    """The wiki and title of an article IRI, the inverse of :func:`article_iri`; ``None`` for another IRI.

    >>> article_title(article_iri("zh.wikipedia.org", "马习会 (2015年)"))
    ('zh.wikipedia.org', '马习会 (2015年)')
    """
    parts = urlsplit(str(iri))
    if parts.scheme not in ("http", "https") or not parts.path.startswith("/wiki/"):
        return None
    return parts.netloc, unquote(parts.path[len("/wiki/"):]).replace("_", " ")
