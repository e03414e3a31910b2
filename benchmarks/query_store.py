"""How fast our queries are answered: rdflib against pyoxigraph, and each named query against pyoxigraph's floor.

Without ``--named``: parses the graph with each library, then runs a join with a language
filter and ORDER BY (summits × participants, labels in zh-Hant) and prints the times and the
rdflib/pyoxigraph ratio. ``--copies N`` repeats the graph N times under renamed IRIs to see
how it scales (N=400 is about 100,000 triples for the bundled article).

With ``--named TRIG`` (a build's ``kg.trig``): asks each named query (``queries/*.rq``) over
that build as ``kg query`` does (the union of its graphs, in memory, the answer written as
SPARQL JSON by the engine), with its default parameters and with representative others:
each language it can label in (zh-Hant, en, zh, *), the person who attended the most
summits for ``name``, another ordinal for ``neighbourhood``. For each it prints the rows,
the CPU time (best of ``--repeats``) and the floor: pyoxigraph alone giving as many rows
(``SELECT ?s ?p ?o { ?s ?p ?o } LIMIT rows``, or the CONSTRUCT of as many triples, written
the same way), and the same rows sorted by their object (the floor of an ordered answer),
with the query's time over each. Given a build's published ``kg.trig``, "kept" is the CPU time
``kg query --format json`` takes to read the answer the build kept for the query as bound (its
key, then the file; blank where none was kept: a build keeps each query's answers with its
defaults and the parameters of ``kg.query.ANSWERED_AHEAD``, the latter some seconds after it),
and the verdict counts what the user gets: the kept answer where there is one, else the engine's.
``--compare DIR`` asks DIR's ``.rq`` files too, in turns
with ours, and says whether each answer is the same bytes (e.g. ``tests/data/query/before``,
or main's ``queries/`` to measure a rewrite).

    python benchmarks/query_store.py                      # build/kg.ttl, or the test fixture
    python benchmarks/query_store.py --data build/kg.ttl --copies 400
    python benchmarks/query_store.py --named /tmp/out-3000/kg.trig [--only labels] [--compare DIR]

Prints figures only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime, timezone
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
    parser.add_argument("--named", type=Path, metavar="TRIG",
                        help="time the named queries over this build's kg.trig, against pyoxigraph's floor")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="with --named: only this named query (repeatable)")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="with --named: ask DIR's .rq files too, in turns, and compare the answers' bytes")
    args = parser.parse_args(argv)
    if args.named:
        return named_times(args.named, only=set(args.only), compare=args.compare, repeats=args.repeats)
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


# --- the named queries, against the floor ------------------------------------------------

#: The languages a query with a ``lang`` parameter is asked in besides its default: the other
#: script, a language our names are rarely in, and two that match several tags of each name.
LANGUAGES = ("zh-Hans", "zh-Hant", "en", "zh", "*")
#: Another ordinal for ``neighbourhood`` (default 3).
ORDINALS = ("1",)


def named_times(trig: Path, *, only: set[str], compare: Path | None, repeats: int) -> int:
    """Prints each named query's rows, CPU ms and ratio to the floor, for each parameter set."""
    from kg.query import bind, named_queries
    from kg.store import load_store

    cpu = time.process_time()
    store = load_store([trig])
    loaded = time.process_time() - cpu
    quads = len(store)
    queries = [query for query in named_queries() if not only or query.name in only]
    theirs = {query.name: query for query in named_queries(compare)} if compare else {}
    busiest = _busiest_person(store)
    print(f"# {trig}: {quads:,} quads, loaded in {loaded:.1f} s of CPU; {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; ms of CPU, best of {repeats}; "
          f"name = {busiest} (the person at the most summits)" + (f"; compared with {compare}" if compare else ""))
    print(f"{'query':<20}{'parameters':<24}{'rows':>8}{'ms':>8}{'floor':>7}{'×':>6}{'sorted':>8}{'×':>6}{'kept':>7}"
          + (f"{'theirs':>8}  same" if compare else ""), flush=True)
    floors: dict[tuple[bool, int], tuple[float, float]] = {}
    asked, over, from_kept = 0, [], 0
    for query in queries:
        for params in _parameter_sets(query, busiest):
            text = bind(query, params)
            other = theirs.get(query.name)
            mine, rows, graph, answer = _best(store, text, repeats)
            if other is not None:  # in turns, so that the load falls on both alike
                yours, _, _, their_answer = _best(store, bind(other, params), repeats)
                mine = min(mine, _best(store, text, repeats)[0])
            if (graph, rows) not in floors:
                floors[graph, rows] = _floor(store, rows, graph=graph, repeats=repeats)
            unsorted, ordered = floors[graph, rows]
            kept = _kept(trig, text, None if graph else answer, repeats)
            shown = ",".join(f"{name}={value}" for name, value in params.items()) or "defaults"
            line = (f"{query.name:<20}{shown:<24}{rows:>8,}{mine:>8.0f}{unsorted:>7.0f}{mine / unsorted:>6.1f}"
                    f"{ordered:>8.0f}{mine / ordered:>6.1f}" + (f"{kept:>7.1f}" if kept is not None else f"{'':>7}"))
            if other is not None:
                line += f"{yours:>8.0f}  {'yes' if answer == their_answer else 'NO'}"
            print(line, flush=True)
            asked += 1
            if (kept if kept is not None else mine) > 100:
                over.append(f"{query.name} {shown} {mine / ordered:.1f}×")
            elif kept is not None:
                from_kept += 1
    print(f"# {asked - len(over)} of {asked} within 100 ms ({from_kept} of them read from the kept answers); "
          f"past it (the engine's time × the sorted floor): {'; '.join(over) or 'none'}")
    return 0


def _parameter_sets(query, busiest: str | None) -> list[dict[str, str]]:
    """The defaults, then each representative other value of each parameter the query has
    (a query that takes a person's ``name`` is asked it for the person at the most summits)."""
    defaults = {param.name: param.default.strip().strip('"') for param in query.params}
    base = {"name": busiest} if "name" in defaults and busiest else {}
    sets: list[dict[str, str]] = [{}] + ([base] if base else [])
    sets += [{**base, "lang": language} for language in LANGUAGES if "lang" in defaults and language != defaults["lang"]]
    sets += [{"ordinal": ordinal} for ordinal in ORDINALS if "ordinal" in defaults and ordinal != defaults["ordinal"]]
    return sets


def _busiest_person(store) -> str | None:
    """A name of the person who attended the most summits (the default name, 文在寅, is tagged
    away in a synthetic corpus)."""
    from collections import Counter

    skg, rdfs = "https://w3id.org/summit-kg/ontology#", "http://www.w3.org/2000/01/rdf-schema#"
    attended = Counter(quad.object for quad in store.quads_for_pattern(None, pyoxigraph.NamedNode(skg + "participant"), None))
    if not attended:
        return None
    person = min(attended, key=lambda person: (-attended[person], person.value))
    names = [quad.object.value for quad in store.quads_for_pattern(person, pyoxigraph.NamedNode(rdfs + "label"), None)]
    return min(names, default=None)


def _best(store, text: str, repeats: int) -> tuple[float, int, bool, bytes]:
    """(best ms of CPU, rows, whether a graph, the answer's bytes) of ``text`` asked as ``kg query`` asks it."""
    from kg.query import Output, ResultFormat, Triples, Written, execute, render

    best, answer, written = float("inf"), None, b""
    for _ in range(repeats):
        cpu = time.thread_time()
        answer = execute(store, text, written_as=ResultFormat.JSON)
        written = answer.data if isinstance(answer, Written) else render(answer, Output.CSV)  # N-Triples
        best = min(best, time.thread_time() - cpu)
    if isinstance(answer, Triples):
        return best * 1000, len(answer.triples), True, written
    parsed = json.loads(written)
    return best * 1000, len(parsed["results"]["bindings"]) if "results" in parsed else 1, False, written


def _kept(trig: Path, text: str, answer: bytes | None, repeats: int) -> float | None:
    """Best ms of CPU to read the answer a build kept for ``text`` beside ``trig`` as ``kg query
    --format json`` does (its key, then the file); None when none was kept. A SELECT's or ASK's
    kept answer must be the bytes the engine gave (``answer``; a graph's is not compared here)."""
    from kg.answers import answer_key, precomputed

    best, kept = float("inf"), None
    for _ in range(repeats):
        cpu = time.thread_time()
        key = answer_key(text, "json", [trig])
        kept = precomputed(key, [trig]) if key is not None else None
        best = min(best, time.thread_time() - cpu)
    if kept is None:
        return None
    if answer is not None and kept != answer:
        raise SystemExit(f"the answer kept for {text[:60]!r}… is not the engine's")
    return best * 1000


def _floor(store, rows: int, *, graph: bool, repeats: int) -> tuple[float, float]:
    """(ms, ms sorted): pyoxigraph alone giving ``rows`` rows (or triples) of the store, written as
    the answer is; and the same rows ordered by their object."""
    from kg.query import Output, ResultFormat, execute, render

    if graph:
        texts = (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }} LIMIT {rows}",) * 2
    else:
        texts = (f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {rows}",
                 f"SELECT ?s ?p ?o WHERE {{ {{ SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {rows} }} }} ORDER BY ?o ?s ?p")
    times = []
    for text in texts:
        best = float("inf")
        for _ in range(repeats):
            cpu = time.thread_time()
            answer = execute(store, text, written_as=ResultFormat.JSON)
            if graph:
                render(answer, Output.CSV)
            best = min(best, time.thread_time() - cpu)
        times.append(best * 1000)
    return times[0], times[1]


if __name__ == "__main__":
    raise SystemExit(main())
