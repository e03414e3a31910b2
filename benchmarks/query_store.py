"""How much faster pyoxigraph answers our queries than rdflib, on our graph.

Parses the graph with each library, then runs a join with a language filter and ORDER BY
(summits × participants, labels in zh-Hant) and prints the times and the rdflib/pyoxigraph
ratio. ``--copies N`` repeats the graph N times under renamed IRIs to see how it scales
(N=400 is about 100,000 triples for the bundled article).

    python benchmarks/query_store.py                      # build/kg.ttl, or the test fixture
    python benchmarks/query_store.py --data build/kg.ttl --copies 400
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyoxigraph
import rdflib

FALLBACK = Path(__file__).resolve().parent.parent / "tests" / "data" / "query" / "fixture.trig"

JOIN = """
PREFIX skg: <https://w3id.org/summit-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?start ?summitLabel ?personLabel WHERE {
  ?summit a skg:Summit ; skg:startDate ?start ; skg:participant ?person ; rdfs:label ?summitLabel .
  ?person rdfs:label ?personLabel .
  FILTER(langMatches(lang(?summitLabel), "zh-Hant") && langMatches(lang(?personLabel), "zh-Hant"))
}
ORDER BY ?start ?summitLabel ?personLabel
"""


def as_n_quads(path: Path, copies: int) -> bytes:
    """The graph as N-Quads (default graph), repeated ``copies`` times with renamed IRIs."""
    rdf_format = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip("."))
    quads = list(pyoxigraph.parse(path=path, format=rdf_format))
    lines = []
    for copy in range(copies):
        for quad in quads:
            terms = [_renamed(term, copy) for term in (quad.subject, quad.predicate, quad.object)]
            lines.append(" ".join(str(term) for term in terms) + " .")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _renamed(term, copy: int):
    if copy and isinstance(term, pyoxigraph.NamedNode) and "/id/" in term.value:
        return pyoxigraph.NamedNode(f"{term.value}-{copy}")
    return term


def best_of(repeats: int, action) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - started)
    return best, value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/kg.ttl"))
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    data = args.data if args.data.is_file() else FALLBACK
    text = as_n_quads(data, args.copies)

    def rdflib_parse():
        graph = rdflib.Graph()
        graph.parse(data=text, format="nt")
        return graph

    def oxigraph_parse():
        store = pyoxigraph.Store()
        store.load(text, format=pyoxigraph.RdfFormat.N_QUADS)
        return store

    rdflib_load, graph = best_of(args.repeats, rdflib_parse)
    oxigraph_load, store = best_of(args.repeats, oxigraph_parse)
    rdflib_query, rdflib_rows = best_of(args.repeats, lambda: list(graph.query(JOIN)))
    oxigraph_query, oxigraph_rows = best_of(args.repeats, lambda: list(store.query(JOIN)))
    if len(rdflib_rows) != len(oxigraph_rows):
        print(f"the engines disagree: rdflib {len(rdflib_rows)} rows, pyoxigraph {len(oxigraph_rows)}", file=sys.stderr)
        return 1

    print(f"graph: {data} × {args.copies} = {len(graph)} triples; join answer: {len(oxigraph_rows)} rows; best of {args.repeats}")
    print(f"{'':8}{'rdflib':>12}{'pyoxigraph':>12}{'ratio':>10}")
    for name, slow, fast in (("parse", rdflib_load, oxigraph_load), ("join", rdflib_query, oxigraph_query)):
        print(f"{name:8}{slow * 1000:10.1f}ms{fast * 1000:10.1f}ms{slow / fast:9.0f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
