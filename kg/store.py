"""The query store: RDF files loaded into an in-memory pyoxigraph Store.

pyoxigraph (a Rust SPARQL engine) answers our joins about a hundred times faster than
rdflib (see ``benchmarks/query_store.py``), so querying and serving go through it. The
files keep their named graphs (``kg.trig`` has one per source article); queries see the
union of all graphs as their default graph unless they ask for specific graphs.

    >>> from pathlib import Path
    >>> store = load_store([Path("tests/data/query/fixture.trig")])
    >>> len(store) > 100
    True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, Triple

from kg.errors import InputError
from kg.jsonld_guard import offline

#: What ``kg query`` and ``kg serve`` read when no ``--data`` is given: the last build.
DEFAULT_DATA = Path("build/kg.trig")


def load_store(paths: Sequence[Path]) -> Store:
    """A store holding every quad of ``paths``; the format comes from each file's extension.

    Raises :class:`~kg.errors.InputError` when a file is missing, has an extension that is
    not an RDF format, or does not parse.
    """
    store = Store()
    for path in paths:
        rdf_format = _format_of(path)
        if not path.is_file():
            hint = " (run `kg build` first, or pass --data FILE)" if path == DEFAULT_DATA else ""
            raise InputError(f"{path}: no such RDF file{hint}")
        try:
            if rdf_format == RdfFormat.JSON_LD:  # the published context answered from the shipped copy
                store.load(offline(path.read_bytes(), origin=str(path)), format=rdf_format)
            else:
                store.load(path=path, format=rdf_format)
        except SyntaxError as error:
            raise InputError(f"{path}: not valid {rdf_format.name}: {error}; fix or rebuild the file") from None
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error}") from None
    return store


def _format_of(path: Path) -> RdfFormat:
    rdf_format = RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if rdf_format is None:
        raise InputError(
            f"{path}: unknown RDF file extension; use .trig, .ttl, .nt, .nq, .jsonld or .rdf"
        )
    return rdf_format


def triples_about(store: Store, subject: NamedNode) -> tuple[Triple, ...]:
    """Every distinct triple whose subject is ``subject``, in any graph, sorted."""
    found = {q.triple for q in store.quads_for_pattern(subject, None, None, None)}
    return tuple(sorted(found, key=str))


def triples_pointing_at(store: Store, target: NamedNode) -> tuple[Triple, ...]:
    """Every distinct triple whose object is ``target``, in any graph, sorted."""
    found = {q.triple for q in store.quads_for_pattern(None, None, target, None)}
    return tuple(sorted(found, key=str))


def default_graph_triples(store: Store) -> tuple[Triple, ...]:
    """The triples of the store's default graph (a build's dataset description), sorted."""
    return tuple(sorted((q.triple for q in store.quads_for_pattern(None, None, None, DefaultGraph())), key=str))


def graph_names(store: Store) -> tuple[NamedNode, ...]:
    """The named graphs of the store, sorted; empty for files without named graphs."""
    return tuple(sorted((g for g in store.named_graphs() if isinstance(g, NamedNode)), key=str))


def union_triples(store: Store) -> tuple[Triple, ...]:
    """Every distinct triple of every graph, sorted: the union the queries see."""
    return tuple(sorted({q.triple for q in store}, key=str))


def graph_triples(store: Store, graph: NamedNode) -> tuple[Triple, ...]:
    """The triples of one named graph, sorted."""
    return tuple(sorted((q.triple for q in store.quads_for_pattern(None, None, None, graph)), key=str))


def data_paths(given: Iterable[Path]) -> tuple[Path, ...]:
    """The files to load: those given, or the last build when none are."""
    paths = tuple(given)
    return paths or (DEFAULT_DATA,)


def identities(paths: Sequence[Path]) -> list[list] | None:
    """What tells each of ``paths`` from any other version of it, without reading it: its real path,
    size, modification time and inode (a build publishes each version of its files into a directory
    of its own and never rewrites one); None when a file cannot be looked at."""
    found = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            return None
        found.append([os.path.realpath(path), status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev])
    return found
