"""What the pictures show, read from the graph: the summits by date and country, and who met whom.

Each is read with a few fixed queries (:data:`KEPT`), asked of the store, or read from their
answers kept beside a server's store by the process that loaded it (:func:`kept_name`): an HTTP
process that asked them of the store kept about 20 MB of its own block cache at 500 pages.

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> store = load_store([Path("tests/data/query/fixture.trig")])
    >>> len(summit_rows(store))
    5
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from pyoxigraph import NamedNode, Store

SKG = "https://w3id.org/summit-kg/ontology#"

#: The summits the index page lists, in its order: each with its dates and venue.
INDEX_ROWS = f"""SELECT ?summit ?start ?end ?venue WHERE {{
                ?summit a <{SKG}Summit> . OPTIONAL {{ ?summit <{SKG}startDate> ?start }}
                OPTIONAL {{ ?summit <{SKG}endDate> ?end }} OPTIONAL {{ ?summit <{SKG}venue> ?venue }}
            }} ORDER BY ?start ?summit"""
#: Each dated summit's first date.
DATES = f"SELECT ?summit (MIN(?d) AS ?start) WHERE {{ ?summit a <{SKG}Summit> ; <{SKG}startDate> ?d }} GROUP BY ?summit"
#: Who took part in each summit.
PARTICIPANTS = f"SELECT DISTINCT ?summit ?p WHERE {{ ?summit a <{SKG}Summit> ; <{SKG}participant> ?p }}"
#: The sides that met at each summit and the states its venue lies in. The venues are picked in a
#: sub-select before the path is walked from them: with the summit joined outside the union, the engine
#: walked ``locatedIn*`` from every node (102 s at 2,000 synthetic pages, 0.15 s so).
COUNTRIES = f"""SELECT DISTINCT ?summit ?country WHERE {{
            {{ ?summit a <{SKG}Summit> ; <{SKG}hasParticipation>/<{SKG}side> ?country }}
            UNION {{ {{ SELECT ?summit ?venue WHERE {{ ?summit a <{SKG}Summit> ; <{SKG}venue> ?venue }} }}
                     ?venue <{SKG}locatedIn>* ?country . ?country a <{SKG}Country> }}
        }}"""
#: The side each leader stood for.
SIDES = f"SELECT DISTINCT ?p ?side WHERE {{ ?x <{SKG}agent> ?p ; <{SKG}side> ?side }} ORDER BY ?p ?side"
#: The queries whose answers the process that loads a server's data keeps beside its store.
KEPT = (INDEX_ROWS, DATES, PARTICIPANTS, COUNTRIES, SIDES)

#: How the overview pages ask a query: of the store, or of what was kept of its answer.
Ask = Callable[[str], Iterable]


def kept_name(query: str) -> str:
    """The file beside a server's store that holds the answer to ``query`` (one of :data:`KEPT`), in SPARQL JSON."""
    return f"kept-{KEPT.index(query)}.srj"


def asking(store: Store) -> Ask:
    """Each query asked of ``store``, over the union of its graphs."""
    return lambda query: store.query(query, use_default_graph_as_union=True)


@dataclass(frozen=True)
class SummitRow:
    summit: NamedNode
    date: str
    participants: tuple[NamedNode, ...]
    countries: tuple[NamedNode, ...]  # the sides that met and the states the venue lies in


def summit_rows(store: Store, ask: Ask | None = None) -> list[SummitRow]:
    """Every dated summit with its participants and countries, in date order (``ask``: how the
    queries are asked; by default of ``store``)."""
    ask = ask or asking(store)
    dates = {row["summit"]: row["start"].value for row in ask(DATES)}
    people: dict[NamedNode, set] = {s: set() for s in dates}
    for row in ask(PARTICIPANTS):
        people.setdefault(row["summit"], set()).add(row["p"])
    countries: dict[NamedNode, set] = {s: set() for s in dates}
    for row in ask(COUNTRIES):
        countries.setdefault(row["summit"], set()).add(row["country"])
    return sorted(
        (SummitRow(s, d, tuple(sorted(people.get(s, ()), key=str)), tuple(sorted(countries.get(s, ()), key=str)))
         for s, d in dates.items()),
        key=lambda row: (row.date, str(row.summit)),
    )


@dataclass(frozen=True)
class Network:
    counts: dict[NamedNode, int]  # summits each leader attended
    meetings: dict[tuple[NamedNode, NamedNode], int]  # a pair (in IRI order) → summits together
    sides: dict[NamedNode, NamedNode]  # the side each leader stood for (the first, when several)


def network(store: Store, rows: list[SummitRow], ask: Ask | None = None) -> Network:
    """Who met whom: two leaders met when both took part in one summit (``ask``: as for :func:`summit_rows`)."""
    counts: Counter = Counter()
    meetings: Counter = Counter()
    for row in rows:
        counts.update(row.participants)
        meetings.update(combinations(sorted(row.participants, key=str), 2))
    sides: dict[NamedNode, NamedNode] = {}
    for row in (ask or asking(store))(SIDES):
        sides.setdefault(row["p"], row["side"])
    return Network(dict(counts), dict(meetings), sides)


def element_id(iri: str) -> str:
    """A stable SVG element id for an IRI."""
    return "n" + hashlib.sha256(iri.encode()).hexdigest()[:10]
