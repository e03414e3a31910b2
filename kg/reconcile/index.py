"""The entity index the service answers from, built once from the store at startup.

Every entity of a known type (:data:`kg.reconcile.terms.TYPES`) becomes an
:class:`Entity`: its id (the IRI's path under the base, decoded: ``person/陈国华``), its
types, its names in every script and language, and its facts under the property ids of
:data:`kg.reconcile.terms.PROPERTIES`, derived from the graph once (a person's offices and
countries from the participations, a place's country through ``skg:locatedIn``). Names are
indexed by key (:func:`kg.reconcile.names.key`) and by key bigram, facts by value, so a
query looks up candidates instead of scanning the graph.

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> index = build_index(load_store([Path("tests/data/reconcile/neutral.ttl")]), base="https://w3id.org/summit-kg/id/")
    >>> [index.entity(i).id for i in index.named("陳國華")]
    ['person/陈国华']
"""

from __future__ import annotations

import bisect
import gc
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from urllib.parse import quote, unquote

from pyoxigraph import Literal, NamedNode, Store

from kg.reconcile.names import grams, key
from kg.reconcile.terms import SKG, TYPES

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
WIKIDATA = "http://www.wikidata.org/entity/"
_NAME_PREDICATES = (
    (RDFS_LABEL, True),
    (SKOS_ALT, False),
    (NamedNode(SKG + "revisedRomanization"), False),
    (NamedNode(SKG + "mccuneReischauer"), False),
)
#: Postings longer than this are skipped while a query has rarer bigrams left to count.
_COUNT_BUDGET = 8_000


@dataclass(frozen=True)
class Name:
    """One name of an entity: its text, its language tag (lower case), whether it is a label."""

    text: str
    lang: str
    label: bool


@dataclass(frozen=True, eq=False)
class Entity:
    """One entity of the graph as the service sees it."""

    id: str
    iri: str
    types: tuple[str, ...]
    names: tuple[Name, ...]
    facts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keys: frozenset[str] = field(init=False)  # the keys of its names, computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(k for k in (key(n.text) for n in self.names) if k))

    def values(self, property_id: str) -> tuple[str, ...]:
        return self.facts.get(property_id, ())

    def name(self, prefer: tuple[str, ...] = ("zh-hans", "zh-hant", "en")) -> str:
        """The name to show: a label in the first preferred language that has one, then any."""

        def rank(name: Name) -> tuple[int, int, str]:
            for position, lang in enumerate(prefer):
                if name.lang == lang or name.lang.startswith(lang + "-"):
                    return (0 if name.label else 1), position, name.text
            return 2, len(prefer), name.text

        return min(self.names, key=rank).text if self.names else self.id


class EntityIndex:
    """Entities by id, by name key, by key bigram, by key prefix and by fact value."""

    def __init__(self, entities: Iterable[Entity], *, base: str) -> None:
        self.base = base
        self._entities = sorted(entities, key=lambda e: e.id)
        self._by_id = {e.id: n for n, e in enumerate(self._entities)}
        by_key: dict[str, set[int]] = defaultdict(set)
        postings: dict[str, list[int]] = defaultdict(list)
        by_fact: dict[tuple[str, str], list[int]] = defaultdict(list)
        for n, entity in enumerate(self._entities):
            keys = entity.keys
            for k in keys:
                by_key[k].add(n)
            for gram in set().union(*map(grams, keys)):
                postings[gram].append(n)
            for property_id, values in entity.facts.items():
                for value in values:
                    by_fact[property_id, value].append(n)
        self._by_key = {k: tuple(sorted(ns)) for k, ns in by_key.items()}
        self._postings = dict(postings)
        self._by_fact = dict(by_fact)
        self._prefixes = sorted((k, n) for k, ns in self._by_key.items() for n in ns)
        of_type: dict[str, set[int]] = defaultdict(set)
        for n, entity in enumerate(self._entities):
            for type_id in entity.types:
                of_type[type_id].add(n)
        self._of_type = {t: frozenset(ns) for t, ns in of_type.items()}

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities)

    def entity(self, number: int) -> Entity:
        return self._entities[number]

    def find(self, entity_id: str) -> Entity | None:
        """The entity with ``entity_id`` (its id, or its whole IRI), or None."""
        if entity_id.startswith(self.base):
            entity_id = unquote(entity_id[len(self.base):])
        number = self._by_id.get(entity_id)
        return None if number is None else self._entities[number]

    def number(self, entity_id: str) -> int | None:
        entity = self.find(entity_id)
        return None if entity is None else self._by_id[entity.id]

    def named(self, name: str) -> tuple[int, ...]:
        """The entities one of whose names has the key of ``name``."""
        return self._by_key.get(key(name), ())

    def with_fact(self, property_id: str, value: str) -> tuple[int, ...]:
        """The entities that have ``value`` for ``property_id``."""
        return tuple(self._by_fact.get((property_id, value), ()))

    def of_type(self, type_id: str) -> frozenset[int]:
        """The entities of one type (``Place`` includes the countries)."""
        return self._of_type.get(type_id, frozenset())

    def similar(self, name_key: str, *, limit: int, among: frozenset[int] | None = None) -> list[int]:
        """Up to ``limit`` entities (of ``among``, when given) whose keys share the most bigrams with ``name_key``.

        Best first, ties by id. Bigrams are counted rarest first; common ones (``首脑``,
        ``20``) only while the work stays under a fixed budget, so a query costs about the
        same on any size of graph.
        """
        lists = [self._postings.get(g, ()) for g in sorted(grams(name_key))]
        lists.sort(key=len)  # stable: equal lengths stay in gram order, so ties rank the same in every run
        counts: Counter[int] = Counter()
        spent = 0
        for position, posting in enumerate(lists):
            if position > 0 and spent + len(posting) > _COUNT_BUDGET:
                break
            counts.update(posting)
            spent += len(posting)
        items = counts.items() if among is None else [(n, c) for n, c in counts.items() if n in among]
        return [n for n, _ in heapq.nlargest(limit, items, key=itemgetter(1))]  # stable: ties in first-counted order

    def prefixed(self, prefix_key: str) -> Iterator[int]:
        """Entities with a name key starting with ``prefix_key``, in key order (each once)."""
        seen: set[int] = set()
        start = bisect.bisect_left(self._prefixes, (prefix_key, -1))
        for k, n in self._prefixes[start:]:
            if not k.startswith(prefix_key):
                return
            if n not in seen:
                seen.add(n)
                yield n


# --- building ------------------------------------------------------------------------------


def entity_id(iri: str, base: str) -> str:
    """The id of an entity IRI: its path under the base, decoded; the IRI itself elsewhere."""
    return unquote(iri[len(base):]) if iri.startswith(base) and len(iri) > len(base) else iri


def entity_iri(entity_id: str, base: str) -> str:
    """The IRI of an id, as :mod:`kg.vocab` mints it (the inverse of :func:`entity_id`)."""
    if entity_id.startswith(("http://", "https://")):
        return entity_id
    kind, slash, rest = entity_id.partition("/")
    return base + quote(kind, safe="-_.~()") + slash + quote(rest, safe="-_.~()")


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The build makes millions of small containers and no cycles; Python's cycle collector
    would walk them again at every generation, more than doubling the time (9.2 s against
    3.8 s for 50,000 entities)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_index(store: Store, *, base: str) -> EntityIndex:
    """Read the entities of ``store`` (all its graphs) into an :class:`EntityIndex`."""
    with _without_cycle_collection():
        return _build(store, base)


def _build(store: Store, base: str) -> EntityIndex:
    types: dict[str, set[str]] = defaultdict(set)
    for entity_type in TYPES:
        for quad in store.quads_for_pattern(None, RDF_TYPE, NamedNode(entity_type.iri), None):
            if isinstance(quad.subject, NamedNode):
                types[quad.subject.value].add(entity_type.id)
    for type_ids in types.values():
        if "Country" in type_ids:
            type_ids.add("Place")  # skg:Country is a subclass of skg:Place, stated or not
    names: dict[str, set[Name]] = defaultdict(set)
    for predicate, is_label in _NAME_PREDICATES:
        for quad in store.quads_for_pattern(None, predicate, None, None):
            subject, value = quad.subject, quad.object
            if isinstance(subject, NamedNode) and subject.value in types and isinstance(value, Literal):
                names[subject.value].add(Name(value.value, (value.language or "").lower(), is_label))
    facts = _facts(store, types)
    ids = {iri: entity_id(iri, base) for iri in types}
    entities = []
    for iri, type_ids in types.items():
        entities.append(
            Entity(
                id=ids[iri],
                iri=iri,
                types=tuple(t.id for t in TYPES if t.id in type_ids),
                names=tuple(sorted(names.get(iri, ()), key=lambda n: (not n.label, n.lang, n.text))),
                facts={
                    property_id: tuple(sorted(ids.get(v) or (entity_id(v, base) if v.startswith("http") else v) for v in values))
                    for property_id, values in sorted(facts[iri].items())
                },
            )
        )
    return EntityIndex(entities, base=base)


def _objects(store: Store, predicate: str) -> dict[str, set[str]]:
    """Subject IRI → the values (IRIs or literal lexical forms) of one predicate, all graphs."""
    found: dict[str, set[str]] = defaultdict(set)
    for quad in store.quads_for_pattern(None, NamedNode(predicate), None, None):
        if isinstance(quad.subject, NamedNode) and isinstance(quad.object, (NamedNode, Literal)):
            found[quad.subject.value].add(quad.object.value)
    return found


def _facts(store: Store, types: dict[str, set[str]]) -> dict[str, dict[str, set[str]]]:
    """Entity IRI → property id → values, for the properties of :mod:`kg.reconcile.terms`."""
    facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def is_a(iri: str, type_id: str) -> bool:
        return type_id in types.get(iri, ())

    start, end = _objects(store, SKG + "startDate"), _objects(store, SKG + "endDate")
    participants, venues = _objects(store, SKG + "participant"), _objects(store, SKG + "venue")
    outcomes, ordinals = _objects(store, SKG + "outcome"), _objects(store, SKG + "ordinal")
    located = _objects(store, SKG + "locatedIn")
    agents, roles, sides = _objects(store, SKG + "agent"), _objects(store, SKG + "role"), _objects(store, SKG + "side")
    holders = _objects(store, SKG + "holder")

    contained: dict[str, set[str]] = {}

    def containers(place: str) -> set[str]:
        """Every place ``place`` lies in, through ``skg:locatedIn`` (transitive), once per place."""
        if place not in contained:
            seen, todo = set(), [place]
            while todo:
                for outer in located.get(todo.pop(), ()):
                    if outer not in seen:
                        seen.add(outer)
                        todo.append(outer)
            contained[place] = seen
        return contained[place]

    for iri, objects in _objects(store, OWL_SAME_AS.value).items():
        for target in objects:
            if target.startswith(WIKIDATA) and iri in types:
                facts[iri]["wikidata"].add(target[len(WIKIDATA):])
    for iri, type_ids in types.items():
        if "Summit" in type_ids:
            summit = facts[iri]
            summit["startDate"] |= start.get(iri, set())
            summit["endDate"] |= end.get(iri, set())
            summit["year"] |= {d[:4] for d in start.get(iri, set()) | end.get(iri, set())}
            summit["ordinal"] |= ordinals.get(iri, set())
            summit["participant"] |= {p for p in participants.get(iri, ()) if p in types}
            summit["outcome"] |= {d for d in outcomes.get(iri, ()) if d in types}
            for venue in venues.get(iri, ()):
                summit["venue"].add(venue)
                for place in {venue} | containers(venue):
                    if is_a(place, "Country"):
                        summit["country"].add(place)
                    if place in types:
                        facts[place]["summit"].add(iri)
            for person in summit["participant"]:
                facts[person]["summit"].add(iri)
            for document in summit["outcome"]:
                facts[document]["summit"].add(iri)
        if "Place" in type_ids:
            facts[iri]["locatedIn"] |= located.get(iri, set())
            facts[iri]["country"] |= {p for p in containers(iri) if is_a(p, "Country")}
    for participation, people in agents.items():
        for person in people:
            if is_a(person, "Person"):
                facts[person]["office"] |= roles.get(participation, set())
                facts[person]["country"] |= sides.get(participation, set())
    for position, people in holders.items():
        for person in people:
            if is_a(person, "Person"):
                facts[person]["office"].add(position)
    return {iri: {p: v for p, v in props.items() if v} for iri, props in facts.items()} | {
        iri: {} for iri in types if iri not in facts
    }
