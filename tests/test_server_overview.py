"""The overview pages' queries (kg.server.overview) against a walk of the same triples in Python."""

from pathlib import Path

from pyoxigraph import NamedNode

from kg.server.overview import SKG, summit_rows
from kg.store import load_store

FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"


def test_each_summits_countries_are_its_sides_and_the_states_its_venue_lies_in():
    store = load_store([FIXTURE])

    def objects(subject, prop):
        return {quad.object for quad in store.quads_for_pattern(subject, NamedNode(SKG + prop), None, None)}

    countries = {quad.subject for quad in store.quads_for_pattern(None, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                                  NamedNode(SKG + "Country"), None)}
    rows = summit_rows(store)
    assert rows and any(row.countries for row in rows)
    for row in rows:
        expected = {side for part in objects(row.summit, "hasParticipation") for side in objects(part, "side")}
        seen, todo = set(), list(objects(row.summit, "venue"))
        while todo:
            place = todo.pop()
            if place not in seen:
                seen.add(place)
                todo.extend(objects(place, "locatedIn"))
        expected |= seen & countries
        assert set(row.countries) == expected, row.summit
