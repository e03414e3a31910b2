"""Finding Wikidata items for our entities, and what Wikidata says about each.

Three look-ups, each batched with ``VALUES``: items whose zh.wikipedia sitelink has a
given title (:func:`by_sitelink`), items with a given label or alias (:func:`by_name`),
and, for the items found, their labels, aliases, descriptions, classes (``P31`` and,
through ``P279*``, the classes above them), sitelink and dates (:func:`describe`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rdflib import Literal

from kg.wikidata.endpoint import Endpoint
from kg.wikidata.names import Name

WD = "http://www.wikidata.org/entity/"
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""


@dataclass(frozen=True, order=True)
class SitelinkHit:
    """An item whose zh.wikipedia article has ``title``."""

    title: str
    qid: str


@dataclass(frozen=True, order=True)
class NameHit:
    """An item that has ``name`` as a label (or, when ``alias``, as an alias)."""

    name: Name
    qid: str
    alias: bool


@dataclass(frozen=True)
class Item:
    """What the endpoint says about one item."""

    qid: str
    labels: tuple[Name, ...] = ()
    aliases: tuple[Name, ...] = ()
    descriptions: tuple[Name, ...] = ()
    types: frozenset[str] = frozenset()  # P31
    classes: frozenset[str] = frozenset()  # P31 and every class above it (P279*)
    sitelink: str | None = None  # title of its zh.wikipedia article
    start: dt.date | None = None  # P580, or P585 for a one-day event
    end: dt.date | None = None  # P582, or P585

    def label(self, *, prefer: Sequence[str] = ("zh-hans", "zh", "zh-cn", "zh-hant", "en", "ko")) -> str:
        """Its label in the first of ``prefer`` it has, else any, else its id."""
        for lang in prefer:
            for name in self.labels:
                if name.lang == lang:
                    return name.text
        return self.labels[0].text if self.labels else self.qid

    def description(self) -> str:
        """Its description, preferring Chinese, then English; empty when it has none."""
        for lang in ("zh-hans", "zh", "zh-cn", "zh-hant", "en"):
            for name in self.descriptions:
                if name.lang == lang:
                    return name.text
        return ""


def qid_of(iri: object) -> str | None:
    """The Q-id of a Wikidata entity IRI, or ``None`` for anything else."""
    text = str(iri)
    if text.startswith(WD + "Q") and text[len(WD) + 1:].isdigit():
        return text[len(WD):]
    return None


def _batches(values: Sequence, size: int) -> Iterable[Sequence]:
    for start in range(0, len(values), max(1, size)):
        yield values[start:start + size]


def _literal(name: Name) -> str:
    return Literal(name.text, lang=name.lang).n3()


def by_sitelink(endpoint: Endpoint, titles: Iterable[str]) -> tuple[SitelinkHit, ...]:
    """Items whose zh.wikipedia article is titled exactly one of ``titles``."""
    hits = set()
    for batch in _batches(sorted(set(titles)), endpoint.politeness.batch_size):
        values = " ".join(Literal(title, lang="zh").n3() for title in batch)
        query = (
            PREFIXES
            + "SELECT ?title ?item WHERE {\n"
            + f"  VALUES ?title {{ {values} }}\n"
            + "  ?article schema:name ?title ; schema:isPartOf <https://zh.wikipedia.org/> ; schema:about ?item .\n}"
        )
        for title, item in endpoint.select(query, ("title", "item")):
            if title is not None and (qid := qid_of(item)):
                hits.add(SitelinkHit(str(title), qid))
    return tuple(sorted(hits))


def by_name(endpoint: Endpoint, names: Iterable[Name]) -> tuple[NameHit, ...]:
    """Items that have one of ``names`` (text and Wikidata language code) as label or alias."""
    hits = set()
    for batch in _batches(sorted(set(names)), endpoint.politeness.batch_size):
        values = " ".join(_literal(name) for name in batch)
        query = (
            PREFIXES
            + "SELECT ?name ?item ?alias WHERE {\n"
            + f"  VALUES ?name {{ {values} }}\n"
            + "  { ?item rdfs:label ?name . BIND(false AS ?alias) }\n"
            + "  UNION { ?item skos:altLabel ?name . BIND(true AS ?alias) }\n}"
        )
        for name, item, alias in endpoint.select(query, ("name", "item", "alias")):
            if isinstance(name, Literal) and (qid := qid_of(item)):
                hits.add(NameHit(Name(str(name), name.language or ""), qid, bool(alias and alias.toPython())))
    return tuple(sorted(hits))


_DESCRIBE = """SELECT ?item ?field ?value WHERE {{
  VALUES ?item {{ {items} }}
  {{ ?item rdfs:label ?value . BIND("label" AS ?field) FILTER(LANG(?value) IN ({langs})) }}
  UNION {{ ?item skos:altLabel ?value . BIND("alias" AS ?field) FILTER(LANG(?value) IN ({langs})) }}
  UNION {{ ?item schema:description ?value . BIND("description" AS ?field) FILTER(LANG(?value) IN ({langs})) }}
  UNION {{ ?item wdt:P31 ?value . BIND("type" AS ?field) }}
  UNION {{ ?item wdt:P31/wdt:P279* ?value . BIND("class" AS ?field) }}
  UNION {{ ?article schema:about ?item ; schema:isPartOf <https://zh.wikipedia.org/> ; schema:name ?value .
          BIND("sitelink" AS ?field) }}
  UNION {{ ?item wdt:P580 ?value . BIND("start" AS ?field) }}
  UNION {{ ?item wdt:P582 ?value . BIND("end" AS ?field) }}
  UNION {{ ?item wdt:P585 ?value . BIND("point" AS ?field) }}
}}"""

_LANGS = ("zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo", "zh-my", "ko", "en")


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value).lstrip("+")[:10])
    except ValueError:
        return None


def describe(endpoint: Endpoint, qids: Iterable[str]) -> tuple[Item, ...]:
    """What the endpoint holds about each of ``qids``, sorted by id; unknown ids give bare items."""
    facts: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    ordered = sorted(set(qids), key=lambda q: int(q[1:]))
    langs = ", ".join(f'"{lang}"' for lang in _LANGS)
    for batch in _batches(ordered, endpoint.politeness.batch_size):
        query = PREFIXES + _DESCRIBE.format(items=" ".join(f"wd:{qid}" for qid in batch), langs=langs)
        for item, field, value in endpoint.select(query, ("item", "field", "value")):
            if (qid := qid_of(item)) and field is not None and value is not None:
                facts[qid][str(field)].add(value)
    items = []
    for qid in ordered:
        found = facts.get(qid, {})

        def names(field: str) -> tuple[Name, ...]:
            return tuple(sorted(Name(str(v), v.language or "") for v in found.get(field, ()) if isinstance(v, Literal)))

        def day(field: str) -> dt.date | None:
            days = sorted(d for v in found.get(field, ()) if (d := _day(v)))
            return days[0] if days else None

        point = day("point")
        sitelinks = sorted(str(v) for v in found.get("sitelink", ()))
        items.append(
            Item(
                qid=qid,
                labels=names("label"),
                aliases=names("alias"),
                descriptions=names("description"),
                types=frozenset(q for v in found.get("type", ()) if (q := qid_of(v))),
                classes=frozenset(q for v in found.get("class", ()) if (q := qid_of(v))),
                sitelink=sitelinks[0] if sitelinks else None,
                start=day("start") or point,
                end=day("end") or point,
            )
        )
    return tuple(items)
