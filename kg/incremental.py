"""What a build keeps for the next one, and the work an edit costs: the subjects it touches.

A build with a page cache keeps, beside the cached pages, the state of what it published
(``last-build/KEY/``, the key a digest of the code's version and the build settings): the
articles' graphs as the pages gave them, before labels were settled and shared triples
moved, in an on-disk pyoxigraph store (``raw/``), and in ``state.pickle`` each page's key,
article, summary and report, the counts of the dataset description, and the index of each
published file (:mod:`kg.entries`). Everything a build publishes about a subject depends
only on the triples with that subject, in whichever graphs: its settled labels
(:func:`kg.rdf.settle_labels`), which of its triples go to the shared graph
(:func:`kg.rdf.publish_shared_once`), its entries in the four files and its share of the
description's counts. So after an edit only the subjects the changed articles state, before
or after, are worked out again (:func:`subject_view` of their triples in the raw store), the
cross-article checks look only at them (:func:`kg.validate.cross_article` ``around``), and
each file is written by splicing their new entries into the previous file. The result is
the bytes a clean build of the edited corpus gives (``tests/test_build_jobs_cache.py``).

A full build writes a new raw store's lines as the pages are merged and loads them into the
store after its files are published, by a process of its own for a corpus
(:mod:`kg.raw_store`); it takes the new store in place of the last one only once the files
are published: the state is dropped first and written again after, so a build that fails or
is killed leaves no state (the next build is a full one), never a wrong one.
"""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import os
import pickle
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Triple

from kg import entries, raw_store
from kg.turtle import canonical_lines
from kg.void import Stats

STATE_FORMAT = 1
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")


@dataclass(frozen=True)
class PageRecord:
    """A page of the last build: its cache key, where it came from, its article, what the CLI says of it."""

    key: str
    origin: str
    article: str
    summary: object  # kg.pipeline.PageSummary
    report: object  # kg.validate.Report | None


@dataclass
class State:
    """What the last build published, enough to splice the next one's files."""

    pages: dict[str, PageRecord]  # by page key
    stats: Stats
    description: list[str]  # the default graph's lines
    lines: int  # of kg.nt: distinct triples of every graph
    indexes: dict[str, entries.Index]  # by format (entries.NT, ...)
    files: dict[str, tuple[str, tuple[int, int, int]]] = field(default_factory=dict)  # format → (path, identity)
    shared: str = ""  # the shared graph's IRI
    raw: str = ""  # the raw store's directory, in the state's

    def usable(self) -> bool:
        """Whether every file the last build wrote is still there, as it wrote it."""
        return set(self.files) == {entries.NT, entries.TTL, entries.JSONLD, entries.TRIG} and all(
            _identity(path) == identity for path, identity in self.files.values())


class Kept:
    """The state directory of one cache and one set of build settings, locked while a build uses it."""

    def __init__(self, directory: Path, lock) -> None:
        self.directory = directory
        self._lock = lock
        self._raw: Store | None = None
        self.raw_name = ""

    @classmethod
    def open(cls, cache_dir: Path, *, settings: Iterable[str], files: Iterable[Path] = ()) -> Kept | None:
        """The state kept for ``settings`` in ``cache_dir``; None when another build holds it or it cannot be made.

        The state's key is a digest of the code's version, the settings and the bytes of
        ``files`` (the shapes, the ontology and the JSON-LD context, which may live outside the package)."""
        from kg.cache import code_version

        digest = hashlib.sha256("\0".join((code_version(), pyoxigraph.__version__, str(STATE_FORMAT), *settings))
                                .encode("utf-8"))
        for path in files:
            try:
                digest.update(b"\0" + path.read_bytes())
            except OSError:
                digest.update(b"\0missing")
        key = digest.hexdigest()[:32]
        directory = cache_dir / "last-build" / key
        try:
            directory.mkdir(parents=True, exist_ok=True)
            lock = open(directory / "lock", "a+b")  # noqa: SIM115 - held until close()
        except OSError:
            return None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            return None
        for left in directory.glob(".state.*.tmp"):  # a state a killed build was writing: the lock is ours now
            left.unlink(missing_ok=True)
        return cls(directory, lock)

    def load(self) -> State | None:
        """The last build's state, when it is whole and its files are still there."""
        try:
            with open(self.directory / "state.pickle", "rb") as stream:
                state = pickle.load(stream)
        except Exception:  # noqa: BLE001 - missing, truncated or from another version: a full build
            return None
        raw = self.directory / state.raw if isinstance(state, State) and state.raw else None
        if raw is None or not state.usable() or not (raw.is_dir() or raw_store.lines_of(raw).exists()):
            return None
        self.raw_name = state.raw
        return state

    def raw(self) -> Store:
        """The raw store, loaded first if the build that made it left that to later (:mod:`kg.raw_store`).
        Raises OSError when it cannot be loaded or another process holds it."""
        if self._raw is None:
            self._raw = raw_store.whole(self.directory / self.raw_name)
            if self._raw is None:
                raise OSError(f"the raw store {self.directory / self.raw_name} cannot be loaded or opened")
        return self._raw

    def forget(self) -> None:
        """Drops the state (before the raw store changes): until it is saved again, the next build is a full one."""
        (self.directory / "state.pickle").unlink(missing_ok=True)

    def filling(self) -> raw_store.RawLines | None:
        """A new raw store's lines, to be written as the pages are merged; None when they cannot be."""
        try:
            return raw_store.RawLines(self.directory / f"raw-{time.time_ns()}")
        except OSError:
            return None

    def adopt(self, fill: raw_store.RawLines, *, later: bool = False) -> bool:
        """Makes the store of ``fill``'s lines the raw store, in place of the last one (whose state is
        dropped first), loaded now or, with ``later``, by whoever needs it first (:func:`kg.raw_store.whole`).
        False, and the last one kept, when the lines could not be written whole or the store loaded."""
        if not fill.close():
            return False
        if not later:
            self._raw = raw_store.whole(fill.path)
            if self._raw is None:
                return False
        self.forget()
        self.raw_name = fill.path.name
        for old in {path.with_suffix("") for path in self.directory.glob("raw-*")} - {fill.path}:
            raw_store.forget(old)  # the stores before, and what a killed build left
        return True

    def save(self, state: State) -> None:
        self.saving(state).keep()

    def saving(self, state: State) -> Saving:
        """Starts writing ``state`` beside the last one, by a thread (the raw store flushed first);
        it becomes the state once :meth:`Saving.keep` says so."""
        return Saving(self, state)

    def close(self) -> None:
        self._raw = None
        self._lock.close()


_SAVINGS = itertools.count()


class Saving:
    """A state being written, by a thread of this process, to a file beside the kept one, while
    the build goes on (an edit publishes its files meanwhile): :meth:`keep` makes it the kept
    state, :meth:`drop` throws it away (the files it describes were not published)."""

    def __init__(self, kept: Kept, state: State) -> None:
        self._path = kept.directory / "state.pickle"
        self._temporary = kept.directory / f".state.{os.getpid()}.{next(_SAVINGS)}.tmp"  # one a Saving
        self._written = False
        self._thread = threading.Thread(target=self._write, args=(kept._raw, state), name="kg-state", daemon=True)
        self._thread.start()

    def keep(self) -> None:
        self._thread.join()
        if self._written:
            try:
                os.replace(self._temporary, self._path)
            except OSError:
                self._temporary.unlink(missing_ok=True)

    def drop(self) -> None:
        self._thread.join()
        self._temporary.unlink(missing_ok=True)

    def _write(self, raw: Store | None, state: State) -> None:
        try:
            if raw is not None:
                raw.flush()
            if state.indexes[entries.TTL].keys == state.indexes[entries.NT].keys:  # one subject an entry in both
                state.indexes[entries.TTL].keys = state.indexes[entries.NT].keys  # kept once
            with open(self._temporary, "wb") as stream:
                pickle.dump(state, stream, protocol=pickle.HIGHEST_PROTOCOL)
            self._written = True
        except OSError:
            self._temporary.unlink(missing_ok=True)


def identity(path: str) -> tuple[int, int, int]:
    return _identity(path)


def _identity(path: str) -> tuple[int, int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (0, -1, 0)
    return (status.st_ino, status.st_size, status.st_mtime_ns)


# --- the subjects an edit touches ----------------------------------------------------------


@dataclass(frozen=True)
class View:
    """What a build publishes of one subject: its triples in each graph (None: the shared graph's
    name is given apart), after labels are settled and shared triples moved."""

    graphs: dict[str, frozenset[Triple]]
    shared: frozenset[Triple]

    @property
    def union(self) -> frozenset[Triple]:
        return frozenset().union(self.shared, *self.graphs.values())


def subject_view(quads: Sequence[Quad]) -> View:
    """The published view of one subject from its raw quads (one named graph per article).

    Labels are settled as :func:`kg.rdf.settle_labels` settles them (in each language the
    least label is kept, the others become ``skos:altLabel`` in the graphs that gave them),
    then a triple two or more graphs state goes to the shared graph
    (:func:`kg.rdf.publish_shared_once`)."""
    by_language: dict[str, set[str]] = defaultdict(set)
    for quad in quads:
        if quad.predicate.value == _LABEL:
            by_language[getattr(quad.object, "language", None) or ""].add(quad.object.value)
    keep = {language: min(values) for language, values in by_language.items() if len(values) > 1}
    graphs_of: dict[Triple, set[str]] = defaultdict(set)
    for quad in quads:
        triple = quad.triple
        if quad.predicate.value == _LABEL:
            language = getattr(quad.object, "language", None) or ""
            if language in keep and quad.object.value != keep[language]:
                triple = Triple(quad.subject, _ALT_LABEL, quad.object)
        graphs_of[triple].add(quad.graph_name.value)
    graphs: dict[str, set[Triple]] = defaultdict(set)
    shared = set()
    for triple, names in graphs_of.items():
        if len(names) > 1:
            shared.add(triple)
        else:
            graphs[next(iter(names))].add(triple)
    return View({name: frozenset(triples) for name, triples in graphs.items()}, frozenset(shared))


def lines_of(triples: Iterable[Triple]) -> list[str]:
    """Triples as the sorted, canonical N-Triples lines the files are written from."""
    triples = list(triples)
    if not triples:
        return []
    return canonical_lines(pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES))


def quads_of(store: Store, subject: NamedNode | pyoxigraph.BlankNode) -> list[Quad]:
    return [quad for quad in store.quads_for_pattern(subject, None, None, None) if isinstance(quad.graph_name, NamedNode)]


# --- an edit: the raw store changed, the files spliced ----------------------------------------


@dataclass
class Edit:
    """The subjects the changed articles state, before or after, and their views then and now."""

    before: dict[object, View]
    after: dict[object, View]


def apply(store: Store, *, gone: Iterable[str], came: dict[str, bytes]) -> Edit:
    """Takes the graphs of the articles ``gone`` out of the raw ``store`` and puts in those that
    ``came`` (article → its page's N-Triples), and returns the views of every subject either states."""
    subjects = set()
    gone = [NamedNode(article) for article in gone]
    for graph in gone:
        subjects.update(quad.subject for quad in store.quads_for_pattern(None, None, None, graph))
    added = {}
    for article, ntriples in came.items():
        added[article] = list(pyoxigraph.parse(ntriples, format=RdfFormat.N_TRIPLES))
        subjects.update(triple.subject for triple in added[article])
    before = {subject: subject_view(quads_of(store, subject)) for subject in subjects}
    for graph in gone:
        store.remove_graph(graph)
    for article, triples in added.items():
        graph = NamedNode(article)
        store.extend(Quad(triple.subject, triple.predicate, triple.object, graph) for triple in triples)
    after = {subject: subject_view(quads_of(store, subject)) for subject in subjects}
    return Edit(before, after)


@dataclass
class Plan:
    """The entries to splice into each file, and what the new state will say."""

    changes: dict[str, dict[str, tuple[bytes, int] | None]]
    stats: Stats
    description: list[str]
    lines: int


def plan(state: State, edit: Edit, store: Store, *, base: str, context: dict) -> Plan:
    """The new entries of every subject whose published lines the edit changes, in each file."""
    from kg import void

    stats = _copied(state.stats)
    for subject, view in edit.before.items():
        void.add(stats, void.contribution(subject.value, view.union, shared=len(view.shared)), -1)
    for subject, view in edit.after.items():
        void.add(stats, void.contribution(subject.value, view.union, shared=len(view.shared)))
    description = void.description_lines(stats, base=base)
    said_before, said_after = _grouped(state.description), _grouped(description)
    before, after = dict(edit.before), dict(edit.after)
    touched = {_token(subject) for subject in before}
    for token in set(said_before) | set(said_after):
        if said_before.get(token) != said_after.get(token) and token not in touched:
            subject = _term(token)
            before[subject] = after[subject] = subject_view(quads_of(store, subject))
    render = entries.Renderer(context)
    changes: dict[str, dict[str, tuple[bytes, int] | None]] = {kind: {} for kind in
                                                               (entries.NT, entries.TTL, entries.JSONLD, entries.TRIG)}
    lines = state.lines
    counts: dict[str | None, int] = defaultdict(int)  # subjects each TriG graph gains (or loses)
    for subject in sorted(before, key=_token):
        token = _token(subject)
        old = sorted(set(lines_of(before[subject].union)) | set(said_before.get(token, ())))
        new = sorted(set(lines_of(after[subject].union)) | set(said_after.get(token, ())))
        if old != new:
            lines += len(new) - len(old)
            key = f"{token} "
            changes[entries.NT][key] = render.nt(new) if new else None
            changes[entries.TTL][key] = render.ttl(new) if new else None
            node_key, node = render.jsonld(new or old)
            changes[entries.JSONLD][node_key] = (node, 0) if new else None
        for graph in _graphs(before[subject], state.shared) | _graphs(after[subject], state.shared) | {None}:
            old = _graph_lines(before[subject], graph, state.shared, said_before.get(token, ()))
            new = _graph_lines(after[subject], graph, state.shared, said_after.get(token, ()))
            if old != new:
                changes[entries.TRIG][entries.graph_key(graph, f"{token} ")] = render.trig(new) if new else None
                counts[graph] += bool(new) - bool(old)
    _open_and_close(state.indexes[entries.TRIG], changes[entries.TRIG], counts)
    return Plan(changes, stats, description, lines)


def _open_and_close(index: entries.Index, changes: dict, counts: dict[str | None, int]) -> None:
    """A TriG graph that gains its first subject is opened and closed; one that loses its last is no more."""
    from bisect import bisect_left, bisect_right

    for graph, gained in counts.items():
        if not gained:
            continue
        opening = entries.graph_key(graph)
        had = bisect_left(index.keys, entries.graph_key(graph, closing=True)) - bisect_right(index.keys, opening)
        if had == 0 and gained > 0:
            changes[opening] = (entries.opening(graph), 0)
            changes[entries.graph_key(graph, closing=True)] = (entries.CLOSING, 0)
        elif had > 0 and had + gained == 0:
            changes[opening] = None
            changes[entries.graph_key(graph, closing=True)] = None


def _graphs(view: View, shared: str) -> set[str | None]:
    return set(view.graphs) | ({shared} if view.shared else set())


def _graph_lines(view: View, graph: str | None, shared: str, said: Sequence[str]) -> list[str]:
    if graph is None:
        return list(said)
    return lines_of(view.shared if graph == shared else view.graphs.get(graph, ()))


def _grouped(lines: Sequence[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        grouped[line.split(" ", 1)[0]].append(line)
    return grouped


def _token(subject) -> str:
    return str(subject)


def _term(token: str):
    return NamedNode(token[1:-1]) if token.startswith("<") else pyoxigraph.BlankNode(token[2:])


def _copied(stats: Stats) -> Stats:
    return pickle.loads(pickle.dumps(stats, protocol=pickle.HIGHEST_PROTOCOL))


#: The file of each format in a build directory (as kg.export names them).
FILES = {entries.TTL: "kg.ttl", entries.JSONLD: "kg.jsonld", entries.NT: "kg.nt", entries.TRIG: "kg.trig"}


def splice_files(state: State, plan: Plan, directory: Path) -> dict[str, entries.Index]:
    """Writes the four files into ``directory``: the last build's, with the plan's entries spliced in.

    Each file in a thread of its own, the largest first: copying and hashing the last build's
    bytes hold no interpreter lock, so the files are written on every core."""
    kinds = sorted(FILES, key=lambda kind: -state.indexes[kind].size)
    with ThreadPoolExecutor(max_workers=len(kinds), thread_name_prefix="kg-splice") as pool:
        spliced = {kind: pool.submit(entries.splice, state.indexes[kind], state.files[kind][0], plan.changes[kind],
                                     str(directory / FILES[kind])) for kind in kinds}
    indexes = {kind: spliced[kind].result() for kind in FILES}
    indexes[entries.NT].lines = plan.lines
    return indexes
