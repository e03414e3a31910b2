"""What the pictures show, read from the graph: the summits by date and country, and who met whom.

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> store = load_store([Path("tests/data/query/fixture.trig")])
    >>> len(summit_rows(store))
    5
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from pyoxigraph import NamedNode, Store

SKG = "https://w3id.org/summit-kg/ontology#"


@dataclass(frozen=True)
class SummitRow:
    summit: NamedNode
    date: str
    participants: tuple[NamedNode, ...]
    countries: tuple[NamedNode, ...]  # the sides that met and the states the venue lies in


def summit_rows(store: Store) -> list[SummitRow]:
    """Every dated summit with its participants and countries, in date order."""
    dates = {
        row["summit"]: row["start"].value
        for row in store.query(
            f"SELECT ?summit (MIN(?d) AS ?start) WHERE {{ ?summit a <{SKG}Summit> ; <{SKG}startDate> ?d }} GROUP BY ?summit",
            use_default_graph_as_union=True,
        )
    }
    people: dict[NamedNode, set] = {s: set() for s in dates}
    for row in store.query(f"SELECT DISTINCT ?summit ?p WHERE {{ ?summit a <{SKG}Summit> ; <{SKG}participant> ?p }}",
                           use_default_graph_as_union=True):
        people.setdefault(row["summit"], set()).add(row["p"])
    countries: dict[NamedNode, set] = {s: set() for s in dates}
    for row in store.query(
        f"""SELECT DISTINCT ?summit ?country WHERE {{
            ?summit a <{SKG}Summit> .
            {{ ?summit <{SKG}hasParticipation>/<{SKG}side> ?country }}
            UNION {{ ?summit <{SKG}venue>/<{SKG}locatedIn>* ?country . ?country a <{SKG}Country> }}
        }}""",
        use_default_graph_as_union=True,
    ):
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


def network(store: Store, rows: list[SummitRow]) -> Network:
    """Who met whom: two leaders met when both took part in one summit."""
    counts: Counter = Counter()
    meetings: Counter = Counter()
    for row in rows:
        counts.update(row.participants)
        meetings.update(combinations(sorted(row.participants, key=str), 2))
    sides: dict[NamedNode, NamedNode] = {}
    for row in store.query(
        f"SELECT DISTINCT ?p ?side WHERE {{ ?x <{SKG}agent> ?p ; <{SKG}side> ?side }} ORDER BY ?p ?side",
        use_default_graph_as_union=True,
    ):
        sides.setdefault(row["p"], row["side"])
    return Network(dict(counts), dict(meetings), sides)


def element_id(iri: str) -> str:
    """A stable SVG element id for an IRI."""
    return "n" + hashlib.sha256(iri.encode()).hexdigest()[:10]
