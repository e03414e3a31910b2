"""What each published file costs the build's tail, against pyoxigraph writing the same quads (issue 15).

Loads a build's kg.trig into a store, as the build holds it when it writes its files, and times
by CPU in this process the passes over the subjects (``kg.export._write_union``; kg.jsonld's is a
fork's of its own for a corpus): each subject's lines read from the store, then for kg.nt, kg.ttl
and kg.jsonld its entry rendered and written (kg.jsonld's nodes copied in the order of their ids
at the end); then kg.trig as its
forked process writes it (``kg.export._write_trig``). Beside each, the floor: pyoxigraph's own
serialiser of the same quads (the union read by one CONSTRUCT, written as N-Triples, Turtle and
JSON-LD; the store dumped as TriG). The last column is a digest of the four files written.

``--before DIR`` (a checkout of earlier code) runs the two codes in turns ``--rounds`` times,
each in a child process. Prints figures only. From the repository root:

    .venv/bin/python benchmarks/union_files.py BUILD/kg.trig [--before DIR] [--rounds 2]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
PARTS = ("read", "nt", "ttl", "jsonld", "trig")
HEADER = (f"{'code':<8} " + " ".join(f"{part:>7}" for part in PARTS) + f" {'all s':>6} | floor: "
          + " ".join(f"{part:>7}" for part in ("union", "nt", "ttl", "jsonld", "trig")) + f" {'all s':>6} "
          f"{'× floor':>7} {'load':>5}  files' SHA-256")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trig", type=Path)
    parser.add_argument("--before", type=Path, metavar="DIR", help="earlier code, run in turns with this checkout's")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--code", type=Path, default=REPOSITORY, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.before is None:
        print(HEADER)
        print(f"{'this':<8} {times(arguments.trig.resolve(), arguments.code.resolve())}", flush=True)
        return
    print(HEADER)
    for _ in range(arguments.rounds):
        for name, code in (("before", arguments.before), ("this", REPOSITORY)):
            result = subprocess.run([sys.executable, __file__, str(arguments.trig.resolve()), "--code",
                                     str(code.resolve())], check=True, capture_output=True, text=True)
            print(f"{name:<8} {result.stdout.strip().splitlines()[-1][9:]}", flush=True)


def times(trig: Path, code: Path) -> str:
    """One row: our CPU seconds by part and the floor's by format, for the kg in ``code``."""
    sys.path.insert(0, str(code))
    from pyoxigraph import RdfFormat, Store, serialize

    from kg import entries, export

    store = Store()
    store.bulk_load(path=trig, format=RdfFormat.TRIG)
    spent = dict.fromkeys(PARTS, 0.0)
    clock = time.process_time
    with tempfile.TemporaryDirectory(prefix="kg-union-") as scratch, ExitStack() as opened:
        out = Path(scratch)
        render = entries.Renderer(export.context())
        writers = {kind: entries.Writer(opened.enter_context((out / f"kg.{kind}").open("wb")), kind,
                                        spooled=opened.enter_context(tempfile.TemporaryFile()))
                   for kind in (entries.NT, entries.TTL)}
        nodes, order = opened.enter_context(tempfile.TemporaryFile()), []
        subjects = export._by_subject(store)
        while True:
            started = clock()
            try:
                key, lines = next(subjects)
            except StopIteration:
                spent["read"] += clock() - started
                break
            read = clock()
            writers[entries.NT].add(key, *render.nt(lines))
            nt = clock()
            writers[entries.TTL].add(key, *render.ttl(lines))
            ttl = clock()
            node_key, data = render.jsonld(lines)
            order.append((node_key, nodes.tell(), len(data)))
            nodes.write(data)
            jsonld = clock()
            spent["read"] += read - started
            spent["nt"] += nt - read
            spent["ttl"] += ttl - nt
            spent["jsonld"] += jsonld - ttl
        for kind in (entries.NT, entries.TTL):
            started = clock()
            writers[kind].close()
            spent[kind] += clock() - started
        started = clock()
        order.sort()
        with (out / "kg.jsonld").open("wb") as stream:
            writer = entries.Writer(stream, entries.JSONLD)
            for node_key, start, length in order:
                nodes.seek(start)
                writer.add(node_key, nodes.read(length), 0)
            writer.close()
        spent["jsonld"] += clock() - started
        description = export.canonical_lines(store.dump(format=RdfFormat.N_TRIPLES, from_graph=export.DefaultGraph()))
        names = sorted(graph.value for graph in store.named_graphs())
        started = clock()
        export._write_trig(out / "kg.trig", lambda: _graphs(store, description, names), render)
        spent["trig"] = clock() - started
        opened.close()  # the files closed before their digest
        digest = hashlib.sha256()
        for name in ("kg.nt", "kg.ttl", "kg.jsonld", "kg.trig"):
            digest.update((out / name).read_bytes())
        floor = {}
        started = clock()
        union = list(store.query("CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"))
        floor["union"] = clock() - started
        for name, fmt in (("nt", RdfFormat.N_TRIPLES), ("ttl", RdfFormat.TURTLE), ("jsonld", RdfFormat.JSON_LD)):
            started = clock()
            serialize(union, out / f"floor.{name}", fmt)
            floor[name] = clock() - started
        started = clock()
        store.dump(out / "floor.trig", RdfFormat.TRIG)
        floor["trig"] = clock() - started
    ours, theirs = sum(spent.values()), sum(floor.values())
    return (" ".join(f"{spent[part]:>7.2f}" for part in PARTS) + f" {ours:>6.2f} |        "
            + " ".join(f"{seconds:>7.2f}" for seconds in floor.values()) + f" {theirs:>6.2f} {ours / theirs:>7.1f} "
            f"{os.getloadavg()[0]:>5.1f}  {digest.hexdigest()[:16]}")


def _graphs(store, description: list[str], names: list[str]):
    """The default graph's lines, then each named graph's, as ``kg.export.write_store`` gives them to kg.trig."""
    from pyoxigraph import NamedNode, RdfFormat

    from kg.export import canonical_lines

    yield None, description
    for name in names:
        yield name, canonical_lines(store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(name)))


if __name__ == "__main__":
    main()
