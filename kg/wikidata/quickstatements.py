"""What our graph says about linked entities that Wikidata lacks, as QuickStatements (v1).

Our facts about entities with an ``owl:sameAs`` Wikidata item become candidate statements
(participants P710, start/end P580/P582, location P276, series P179 with ordinal P1545,
death P570, positions held P39, awards P166 with P585, country P17 / P131). Each is
compared with what the endpoint holds: present ones are dropped, missing ones are written
with a reference to the article (P4656 Wikimedia import URL + P813 retrieved) and, when
the fact's node cites a source, a second reference to that source (P854 + P813). A
statement that would contradict a single-valued property already there is never written:
it is listed as a conflict for a person to judge.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS

from kg.vocab import SKG
from kg.wikidata.candidates import PREFIXES, qid_of
from kg.wikidata.endpoint import Endpoint, Politeness
from kg.wikidata.subjects import article_title, union_of

#: Properties Wikidata expects one value of: a different value there is a conflict.
SINGLE_VALUED = frozenset({"P580", "P582", "P570", "P17"})


class ValueKind(Enum):
    """The kinds of QuickStatements values we write."""

    ITEM = "item"
    TIME = "time"
    STRING = "string"


@dataclass(frozen=True, order=True)
class Value:
    """A statement value; ``precision`` (9 year, 11 day) only for times."""

    kind: ValueKind
    text: str  # Q-id, ISO date (YYYY or YYYY-MM-DD), or the string
    precision: int | None = None

    def quickstatements(self) -> str:
        """The value as QuickStatements v1 writes it."""
        if self.kind is ValueKind.ITEM:
            return self.text
        if self.kind is ValueKind.STRING:
            return '"' + self.text.replace('"', "'") + '"'
        day = self.text if self.precision == 11 else f"{self.text[:4]}-00-00"
        return f"+{day}T00:00:00Z/{self.precision}"

    def agrees_with(self, theirs: str) -> bool:
        """Whether a value already on Wikidata (Q-id, dateTime or string) says the same."""
        if self.kind is ValueKind.TIME:
            return theirs.lstrip("+").startswith(self.text)
        return theirs == self.text


@dataclass(frozen=True, order=True)
class Statement:
    """One claim about an item, with where it came from."""

    item: str
    prop: str
    value: Value
    qualifiers: tuple[tuple[str, Value], ...] = ()
    entity: str = ""  # our IRI
    article_url: str = ""  # P4656: the article (at its revision, when known)
    cited: tuple[str, ...] = ()  # P854: URLs of the sources the fact's node cites


@dataclass(frozen=True)
class Conflict:
    """A statement of ours that a different value on Wikidata contradicts."""

    statement: Statement
    theirs: tuple[str, ...]


@dataclass(frozen=True)
class Diff:
    """Our statements split by what Wikidata holds: lacking, already present, contradicted."""

    lacking: tuple[Statement, ...]
    present: tuple[Statement, ...]
    conflicts: tuple[Conflict, ...]


def _items(graph: Graph) -> dict[URIRef, str]:
    return {s: q for s, o in graph.subject_objects(OWL.sameAs) if isinstance(s, URIRef) and (q := qid_of(o))}


def _article_url(graph: Graph, entity: URIRef) -> str:
    sources = sorted(str(s) for s in graph.objects(entity, PROV.wasDerivedFrom))
    if not sources:
        return ""
    title, revision = article_title(sources[0]), graph.value(URIRef(sources[0]), SKG.revisionId)
    if title and revision is not None:
        return f"https://zh.wikipedia.org/w/index.php?title={quote(title.replace(' ', '_'))}&oldid={revision}"
    return sources[0]


def _cited(graph: Graph, node: URIRef) -> tuple[str, ...]:
    return tuple(sorted({str(u) for c in graph.objects(node, SKG.supportedBy) for u in graph.objects(c, SKG.url)}))


def _time(literal: object) -> Value | None:
    text = str(literal)
    if len(text) == 4 and text.isdigit():
        return Value(ValueKind.TIME, text, 9)
    try:
        return Value(ValueKind.TIME, dt.date.fromisoformat(text[:10]).isoformat(), 11)
    except ValueError:
        return None


def our_statements(graph: Graph) -> tuple[Statement, ...]:
    """The statements our graph supports about entities linked by ``owl:sameAs``, sorted."""
    graph = union_of(graph)
    items = _items(graph)
    found: set[Statement] = set()

    def add(entity: URIRef, prop: str, value: Value | None, qualifiers=(), node: URIRef | None = None) -> None:
        if value is not None and entity in items:
            cited = _cited(graph, node if node is not None else entity)
            found.add(Statement(items[entity], prop, value, tuple(qualifiers), str(entity), _article_url(graph, entity), cited))

    def item(node: object) -> Value | None:
        return Value(ValueKind.ITEM, items[node]) if node in items else None

    for summit in graph.subjects(RDF.type, SKG.Summit):
        for person in graph.objects(summit, SKG.participant):
            add(summit, "P710", item(person))
        for place in graph.objects(summit, SKG.venue):
            add(summit, "P276", item(place))
        for prop, predicate in (("P580", SKG.startDate), ("P582", SKG.endDate)):
            for day in graph.objects(summit, predicate):
                add(summit, prop, _time(day))
        ordinal = graph.value(summit, SKG.ordinal)
        for series in graph.objects(summit, SKG.inSeries):
            qualifiers = (("P1545", Value(ValueKind.STRING, str(ordinal))),) if ordinal is not None else ()
            add(summit, "P179", item(series), qualifiers)
        for part in graph.objects(summit, SKG.hasParticipation):
            for person in graph.objects(part, SKG.agent):
                for position in graph.objects(part, SKG.role):
                    add(person, "P39", item(position), node=part)
    for person, year in graph.subject_objects(SKG.deathYear):
        add(person, "P570", _time(year))
    for receipt in graph.subjects(RDF.type, SKG.AwardReceipt):
        year = graph.value(receipt, SKG.year)
        qualifiers = (("P585", v),) if year is not None and (v := _time(year)) else ()
        for person in graph.objects(receipt, SKG.recipient):
            for award in graph.objects(receipt, SKG.award):
                add(person, "P166", item(award), qualifiers, node=receipt)
    for place, container in graph.subject_objects(SKG.locatedIn):
        is_country = (container, RDF.type, SKG.Country) in graph
        add(place, "P17" if is_country else "P131", item(container))
    return tuple(sorted(found))


def held(endpoint: Endpoint, statements: tuple[Statement, ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The values Wikidata holds for each (item, property) our statements touch."""
    pairs = sorted({(s.item, s.prop) for s in statements})
    values: dict[tuple[str, str], set[str]] = {pair: set() for pair in pairs}
    items = sorted({item for item, _ in pairs}, key=lambda q: int(q[1:]))
    props = " ".join(f"wdt:{p}" for p in sorted({prop for _, prop in pairs}))
    size = endpoint.politeness.batch_size
    for start in range(0, len(items), size):
        query = (
            PREFIXES + "SELECT ?item ?p ?value WHERE {\n"
            f"  VALUES ?item {{ {' '.join(f'wd:{q}' for q in items[start:start + size])} }}\n"
            f"  VALUES ?p {{ {props} }}\n  ?item ?p ?value .\n}}"
        )
        for item, prop, value in endpoint.select(query, ("item", "p", "value")):
            key = (qid_of(item) or "", str(prop).rsplit("/", 1)[-1])
            if key in values and value is not None:
                values[key].add(qid_of(value) or str(value))
    return {pair: tuple(sorted(found)) for pair, found in values.items()}


def wikidata_diff(
    graph: Graph, *, endpoint: str, cache_dir: Path, offline: bool = False, politeness: Politeness | None = None
) -> Diff:
    """Our statements about linked entities, split by what ``endpoint`` holds.

    Raises LinkError when the endpoint is down or slow, or (offline) the cache lacks an answer.
    """
    statements = our_statements(graph)
    client = Endpoint(url=endpoint, cache_dir=cache_dir, offline=offline, politeness=politeness or Politeness())
    theirs = held(client, statements) if statements else {}
    lacking, present, conflicts = [], [], []
    for statement in statements:
        there = theirs.get((statement.item, statement.prop), ())
        if any(statement.value.agrees_with(value) for value in there):
            present.append(statement)
        elif there and statement.prop in SINGLE_VALUED:
            conflicts.append(Conflict(statement, there))
        else:
            lacking.append(statement)
    return Diff(tuple(lacking), tuple(present), tuple(conflicts))


def _time_of(day: dt.date) -> str:
    return Value(ValueKind.TIME, day.isoformat(), 11).quickstatements()


def quickstatements(diff: Diff, *, retrieved: dt.date) -> str:
    """QuickStatements v1 (tab-separated) for every lacking statement, one line per reference."""
    lines = []
    for s in diff.lacking:
        claim = [s.item, s.prop, s.value.quickstatements()]
        for prop, value in s.qualifiers:
            claim += [prop, value.quickstatements()]
        if s.article_url:
            lines.append("\t".join(claim + ["S4656", f'"{s.article_url}"', "S813", _time_of(retrieved)]))
        for url in s.cited:
            lines.append("\t".join(claim + ["S854", f'"{url}"', "S813", _time_of(retrieved)]))
        if not s.article_url and not s.cited:
            lines.append("\t".join(claim))
    return "".join(line + "\n" for line in lines)


def conflicts_csv(diff: Diff, graph: Graph | None = None) -> str:
    """The conflicts as CSV: item, property, our value, theirs, our entity and its label."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("item", "property", "ours", "theirs", "entity", "label", "source"))
    for c in diff.conflicts:
        s = c.statement
        labels = sorted(str(label) for label in graph.objects(URIRef(s.entity), RDFS.label)) if graph is not None else []
        writer.writerow((s.item, s.prop, s.value.quickstatements(), " | ".join(c.theirs), s.entity, labels[0] if labels else "", s.article_url))
    return out.getvalue()
