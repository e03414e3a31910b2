"""RDF files in the four published formats: read any of them, write each deterministically.

Two builds of the same input must give byte-identical files, so nothing here depends on
hash order or blank-node ids: Turtle and TriG come sorted from rdflib, N-Triples lines are
sorted here, and JSON-LD is compacted with the shipped ``@context`` (contexts/skg.jsonld)
and then put in a canonical order. A JSON-LD file names that context by its stable IRI
(:data:`~kg.vocab.CONTEXT_IRI`); a build ships a copy beside it (``context.jsonld``), and
our readers answer the IRI from the shipped copy (:func:`kg.jsonld_guard.offline`), so it
reads offline::

    >>> Format.from_path(Path("build/kg.trig"))
    <Format.TRIG: 'trig'>
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from enum import Enum
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node
from rdflib.exceptions import ParserError
from rdflib.namespace import XSD, NamespaceManager

import pyoxigraph

from kg import entries, jsonld
from kg.jsonld import canonical
from kg.jsonld_guard import offline
from kg.pool import elsewhere
from kg.errors import InputError
from kg.turtle import canonical_lines, turtle, write_trig, write_turtle
from kg.vocab import CONTEXT_IRI, DEFAULT_BASE, PREFIXES, SPDX

_HERE = Path(__file__).resolve().parent
_PREFIX_IRIS = {name: str(namespace) for name, namespace in PREFIXES.items()}


class Format(Enum):
    """A published RDF format; the value is its file suffix."""

    TURTLE = "ttl"
    JSONLD = "jsonld"
    NTRIPLES = "nt"
    TRIG = "trig"

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @property
    def keeps_graphs(self) -> bool:
        """Whether the format keeps named graphs; the others get the union of all graphs."""
        return self is Format.TRIG

    @classmethod
    def from_path(cls, path: Path) -> Format:
        """The format a file name says; raises InputError for any other suffix."""
        suffix = path.suffix.lower().lstrip(".")
        for fmt in cls:
            if suffix == fmt.value or suffix in _ALIASES.get(fmt, ()):
                return fmt
        known = ", ".join(fmt.suffix for fmt in cls)
        raise InputError(f"{path}: unknown RDF file type {path.suffix or '(none)'!r}; use one of {known}")


_MEDIA_TYPES = {
    Format.TURTLE: "text/turtle",
    Format.JSONLD: "application/ld+json",
    Format.NTRIPLES: "application/n-triples",
    Format.TRIG: "application/trig",
}
_ALIASES = {Format.TURTLE: ("turtle",), Format.JSONLD: ("json",), Format.NTRIPLES: ("ntriples",)}
_RDFLIB_NAMES = {Format.TURTLE: "turtle", Format.JSONLD: "json-ld", Format.NTRIPLES: "nt", Format.TRIG: "trig"}

#: The published file of each format, and the dataset description, in a build directory.
OUTPUT_NAMES = {fmt: f"kg{fmt.suffix}" for fmt in Format}
VOID_NAME = "void.ttl"
#: A copy of the published JSON-LD context that kg.jsonld names, for reading it offline.
CONTEXT_NAME = "context.jsonld"
#: Every file a build publishes, in the order :func:`write_outputs` writes them.
PUBLISHED_NAMES = (*OUTPUT_NAMES.values(), CONTEXT_NAME, VOID_NAME)


def context_path() -> Path:
    """The shipped JSON-LD ``@context`` file (inside the package when installed)."""
    for candidate in (_HERE / "contexts" / "skg.jsonld", _HERE.parent / "contexts" / "skg.jsonld"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("contexts/skg.jsonld is missing from the installation")


def context() -> dict:
    """The ``@context`` object every JSON-LD file of ours is compacted with."""
    return json.loads(context_path().read_text(encoding="utf-8"))["@context"]


def new_dataset() -> Dataset:
    """An empty dataset with our prefixes bound in ``PREFIXES`` order and no others."""
    dataset = Dataset()
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


def new_graph() -> Graph:
    """An empty graph with our prefixes bound in ``PREFIXES`` order and no others."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def union(dataset: Dataset) -> Graph:
    """Every triple of every graph of ``dataset``, default graph included, as one graph."""
    graph = new_graph()
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, as_written(obj)))
    return graph


def as_written(term: Node) -> Node:
    """A literal in the lexical form Turtle's shorthand will give it, so every file holds the same term.

    rdflib writes ``"4"^^xsd:decimal`` as ``4.0``, doubles in ``%e`` notation and booleans in
    lower case, while N-Triples and JSON-LD keep the lexical form as it is: without this the
    four files of one build would not hold the same graph. Ill-formed literals are left alone.

        >>> as_written(Literal("4", datatype=XSD.decimal))
        rdflib.term.Literal('4.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    if not isinstance(term, Literal) or term.value is None or term.datatype not in _SHORTHAND:
        return term
    lexical = str(term)
    if term.datatype == XSD.decimal and not any(mark in lexical for mark in ".eE"):
        lexical += ".0"
    elif term.datatype == XSD.double:
        lexical = re.sub(r"\.?0*e", "e", f"{float(term):e}")
    elif term.datatype == XSD.boolean:
        lexical = lexical.lower()
    return Literal(lexical, datatype=term.datatype)


_SHORTHAND = {XSD.decimal, XSD.double, XSD.boolean}


def read(path: Path) -> Dataset:
    """Parses one RDF file, its format taken from the suffix.

    Raises InputError when the file is missing, has an unknown suffix, or does not parse;
    the message names the file and, where the parser says, the line.
    """
    fmt = Format.from_path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of a .ttl, .jsonld, .nt or .trig file")
    # JSON-LD: no remote @context but the published one, answered from the shipped copy; no nesting past the parser
    data = offline(_read_bytes(path), origin=str(path)) if fmt is Format.JSONLD else None
    _check_strictly(path, fmt, data)
    dataset = new_dataset()
    source = {"data": data, "publicID": path.resolve().as_uri()} if data is not None else {"source": path}
    try:
        if fmt.keeps_graphs:
            dataset.parse(**source, format=_RDFLIB_NAMES[fmt])
        else:
            dataset.default_graph.parse(**source, format=_RDFLIB_NAMES[fmt])
    except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as error:
        detail = " ".join(str(error).split())[:200]
        raise InputError(f"{path}: not valid {fmt.name} ({detail}); fix the file or its suffix") from None
    except RecursionError:
        raise InputError(f"{path}: nested deeper than the {fmt.name} parser can follow; flatten it") from None
    except Exception as error:  # noqa: BLE001 - rdflib's parsers fail on odd input in odd ways (IndexError, ...)
        raise InputError(f"{path}: not valid {fmt.name} ({type(error).__name__}); fix the file or its suffix") from None
    if fmt is Format.JSONLD:  # JSON-LD turns any string into an IRI; refuse those no other format could write
        for quad in dataset.quads():
            if isinstance(quad[0], Literal) or not isinstance(quad[1], URIRef):
                raise InputError(f"{path}: a statement about {str(quad[0])[:60]!r} is not RDF (a literal subject or "
                                 "a predicate that is no IRI); fix the file")
            for term in quad:
                if isinstance(term, URIRef) and not _valid_iri(term):
                    raise InputError(f"{path}: {str(term)[:100]!r} is not a valid IRI; fix the file")
                if isinstance(term, BNode) and not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", str(term)):
                    raise InputError(f"{path}: blank node {str(term)[:100]!r} has a label no RDF format can write; fix the file")
                if isinstance(term, Literal) and term.language and not _valid_language(term.language):
                    raise InputError(f"{path}: {term.language[:40]!r} is not a language tag (BCP 47), yet a language "
                                     "map or @language gives it to a string; fix the file")
    return dataset


def _valid_language(tag: str) -> bool:
    """Whether the other formats can write ``tag``: JSON-LD takes any key of a language map
    (``{"wasDerivedFrom": "…"}`` under ``@container: @language``) for a language, which
    N-Triples, Turtle and TriG then write as a tag their parsers refuse."""
    try:
        pyoxigraph.Literal("", language=tag)
    except ValueError:
        return False
    return True


def _valid_iri(term: URIRef) -> bool:
    try:
        pyoxigraph.NamedNode(str(term))
    except ValueError:
        return False
    return True


_STRICT = {Format.TURTLE: pyoxigraph.RdfFormat.TURTLE, Format.TRIG: pyoxigraph.RdfFormat.TRIG,
           Format.NTRIPLES: pyoxigraph.RdfFormat.N_TRIPLES, Format.JSONLD: pyoxigraph.RdfFormat.JSON_LD}


def _check_strictly(path: Path, fmt: Format, data: bytes | None = None) -> None:
    """Refuse what a strict parser refuses (IRIs with spaces, bad escapes), before rdflib,
    which reads them leniently and then writes files that do not parse. ``data``, when
    given, is what is read instead of the file (JSON-LD with its context in place)."""
    try:
        for _ in pyoxigraph.parse(data, path=path if data is None else None, format=_STRICT[fmt]):
            pass
    except SyntaxError as error:
        detail = " ".join(str(error).split())[:200]
        raise InputError(f"{path}: not valid {fmt.name} ({detail}); fix the file or its suffix") from None
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot read it as {fmt.name} ({error}); fix the file or its suffix") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror})") from None


def read_many(paths: Sequence[Path]) -> Dataset:
    """Several RDF files as one dataset: their named graphs kept, their default graphs merged.

    Raises InputError as :func:`read` does, for the first file that cannot be read.
    """
    merged = new_dataset()
    for path in paths:
        merged.addN(read(path).quads((None, None, None, None)))
    return merged


def serialize(dataset: Dataset, fmt: Format) -> bytes:
    """``dataset`` in ``fmt`` as deterministic UTF-8 bytes (the union for single-graph formats)."""
    if fmt is Format.TRIG:
        return _trig(dataset)
    return _serialize_union(union(dataset), fmt)


def _serialize_union(graph: Graph, fmt: Format) -> bytes:
    if fmt is Format.TURTLE:
        return graph.serialize(format="turtle", encoding="utf-8")
    if fmt is Format.NTRIPLES:
        return _sorted_ntriples(graph)
    return _jsonld(graph)


def write_outputs(dataset: Dataset, out_dir: Path, *, base: str = DEFAULT_BASE) -> tuple[Path, ...]:
    """Writes kg.ttl, kg.jsonld, kg.nt, kg.trig, context.jsonld and void.ttl into the existing ``out_dir``.

    ``void.ttl`` is the default graph of ``dataset`` (the dataset description, see
    :func:`kg.void.describe`) and the published files' distributions (:func:`kg.void.distributions`;
    ``base`` is the entities' IRI base). Returns the paths written, in that order.
    """
    written = []
    merged = union(dataset)  # once for the three single-graph formats
    for fmt in (Format.TURTLE, Format.JSONLD, Format.NTRIPLES, Format.TRIG):
        path = out_dir / OUTPUT_NAMES[fmt]
        path.write_bytes(_trig(dataset) if fmt is Format.TRIG else _serialize_union(merged, fmt))
        written.append(path)
    written.append(_write_context(out_dir))
    description = new_dataset()
    for triple in (*dataset.default_graph, *_distributions(written, base)):
        description.default_graph.add(triple)
    void_path = out_dir / VOID_NAME
    void_path.write_bytes(serialize(description, Format.TURTLE))
    return (*written, void_path)


def write_store(store: Store, out_dir: Path, *, base: str = DEFAULT_BASE,
                indexes: dict[str, entries.Index] | None = None, parallel: bool = False,
                subjects: Sequence[str] | None = None) -> tuple[Path, ...]:
    """Writes kg.ttl, kg.jsonld, kg.nt, kg.trig, context.jsonld and void.ttl of ``store`` into the existing ``out_dir``.

    ``store`` holds one named graph per article and the dataset description in its
    default graph. The files are written from sorted N-Triples lines read out of the store
    a little at a time, so that memory holds the store and one subject or graph, not a
    copy of the corpus: kg.nt, kg.ttl and kg.jsonld (the union of the graphs) a subject at
    a time, in order; kg.trig a graph at a time (with ``parallel``, in a forked process
    meanwhile: both cores are free once the pages are built). The same store gives the same bytes, those
    :func:`write_graphs` gives for its graphs. ``subjects``, when given, are those of the named
    graphs as N-Triples writes them (:func:`kg.void.published_stats` lists them), not asked of the
    store again. Returns the paths written, in that order.
    """
    description = canonical_lines(store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()))
    names = sorted(graph.value for graph in store.named_graphs() if isinstance(graph, pyoxigraph.NamedNode))

    def graphs() -> Iterator[tuple[str | None, list[str]]]:
        yield None, description
        for name in names:
            yield name, canonical_lines(store.dump(format=RdfFormat.N_TRIPLES, from_graph=pyoxigraph.NamedNode(name)))

    if subjects is not None:  # and those of the default graph, the description
        subjects = {*subjects, *(line.split(" ", 1)[0] for line in description)}
    return _write_files(out_dir, lambda: _by_subject(store, subjects), graphs, description, base=base,
                        indexes=indexes, parallel=parallel)


def _by_subject(store: Store, subjects: Iterable[str] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Every subject of ``store`` (in any graph; ``subjects`` when given, as N-Triples writes them)
    in the order of its lines, with its distinct lines over all graphs: what :func:`entries.by_subject`
    gives of the sorted union."""
    keys = sorted(f"{subject} " for subject in (_subjects(store) if subjects is None else subjects))
    for key in keys:
        token = key[:-1]
        subject = pyoxigraph.NamedNode(token[1:-1]) if token.startswith("<") else pyoxigraph.BlankNode(token[2:])
        triples = (quad.triple for quad in store.quads_for_pattern(subject, None, None, None))
        yield key, canonical_lines(pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES))


def _subjects(store: Store) -> list[str]:
    """Every subject of ``store``, in any graph, once, as N-Triples writes it: the engine's own
    TSV of them read as lines, not a Python term and its text made for each row (a quarter less)."""
    answer = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    return answer.serialize(format=pyoxigraph.QueryResultsFormat.TSV).decode("utf-8").split("\n")[1:-1]


def write_graphs(graphs: list[tuple[str | None, list[str]]], out_dir: Path, *, base: str = DEFAULT_BASE,
                 indexes: dict[str, entries.Index] | None = None) -> tuple[Path, ...]:
    """Writes the six files of ``graphs`` (the default graph first, then the named graphs sorted
    by name, each as sorted N-Triples lines) into ``out_dir``: a subject at a time
    (:mod:`kg.entries`). void.ttl is the default graph (the dataset description) and the
    published files' distributions (:func:`kg.void.distributions`; ``base`` is the
    entities' IRI base). ``indexes``, when given, receives the index of each file written
    as entries (by its format's suffix), for a later build to splice. Returns the paths
    written, in that order.
    """
    merged = sorted({line for _, lines in graphs for line in lines})
    return _write_files(out_dir, lambda: entries.by_subject(merged), lambda: iter(graphs), graphs[0][1], base=base,
                        indexes=indexes)


_KINDS = {Format.TURTLE: entries.TTL, Format.JSONLD: entries.JSONLD, Format.NTRIPLES: entries.NT,
          Format.TRIG: entries.TRIG}


def _write_files(out_dir: Path, union: Callable[[], Iterable[tuple[str, list[str]]]],
                 graphs: Callable[[], Iterable[tuple[str | None, list[str]]]], description: list[str], *,
                 base: str, indexes: dict[str, entries.Index] | None, parallel: bool = False) -> tuple[Path, ...]:
    """The six files: ``union()`` gives each subject's sorted lines over every graph, in
    order; ``graphs()`` each graph's sorted lines, the default graph (``description``) first.
    With ``parallel`` kg.trig is written by a forked process while this one writes the rest."""
    render = entries.Renderer(context())
    trig = out_dir / OUTPUT_NAMES[Format.TRIG]
    if parallel:  # kg.trig and kg.jsonld by two forked processes: the three take the two cores about alike
        trig_written = elsewhere(_write_trig, trig, graphs, render)
        jsonld_written = elsewhere(_write_union, out_dir, union, render, (Format.JSONLD,))
        made = _write_union(out_dir, union, render, (Format.NTRIPLES, Format.TURTLE))
        made.update(jsonld_written())
        made[Format.TRIG] = trig_written()
    else:
        made = _write_union(out_dir, union, render, (Format.NTRIPLES, Format.TURTLE, Format.JSONLD))
        made[Format.TRIG] = _write_trig(trig, graphs, render)
    written, digests = [], {}
    for fmt in (Format.TURTLE, Format.JSONLD, Format.NTRIPLES, Format.TRIG):
        path = out_dir / OUTPUT_NAMES[fmt]
        if made[fmt] is not None:
            if indexes is not None:
                indexes[_KINDS[fmt]] = made[fmt]
            digests[path.name] = (made[fmt].size, made[fmt].sha256)
        written.append(path)
    written.append(_write_context(out_dir))
    write_void(out_dir, description, written, base=base, digests=digests)
    return (*written, out_dir / VOID_NAME)


def _write_union(out_dir: Path, union: Callable[[], Iterable[tuple[str, list[str]]]],
                 render: entries.Renderer, formats: Sequence[Format]) -> dict[Format, entries.Index | None]:
    """Those of kg.nt, kg.ttl and kg.jsonld in ``formats`` in one pass over the subjects: N-Triples
    and Turtle entries written as they come, JSON-LD nodes spooled and copied in the order of their
    ids. A file that cannot be written as entries is written whole afterwards (its index None)."""
    renders = {fmt: write for fmt, write in ((Format.NTRIPLES, render.nt), (Format.TURTLE, render.ttl))
               if fmt in formats}
    made: dict[Format, entries.Index | None] = {}
    with ExitStack() as opened:
        writers: dict[Format, entries.Writer | None] = {
            fmt: entries.Writer(opened.enter_context((out_dir / OUTPUT_NAMES[fmt]).open("wb")), _KINDS[fmt],
                                spooled=opened.enter_context(tempfile.TemporaryFile()))
            for fmt in renders}
        nodes = opened.enter_context(tempfile.TemporaryFile())
        # JSON-LD: (node id, where its text is, its length)
        order: list[tuple[str, int, int]] | None = [] if Format.JSONLD in formats else None
        for key, lines in union():
            for fmt, writer in writers.items():
                if writer is not None:
                    try:
                        writer.add(key, *renders[fmt](lines))
                    except entries.Unindexable:
                        writers[fmt] = None
            if order is not None:
                try:
                    node_key, data = render.jsonld(lines)
                except entries.Unindexable:
                    order = None
                    continue
                order.append((node_key, nodes.tell(), len(data)))
                nodes.write(data)
        for fmt, writer in writers.items():
            made[fmt] = _closed(writer)
        if Format.JSONLD in formats:
            made[Format.JSONLD] = None
        if order is not None:
            order.sort()
            with (out_dir / OUTPUT_NAMES[Format.JSONLD]).open("wb") as stream:
                writer = entries.Writer(stream, entries.JSONLD)
                try:
                    for node_key, start, length in order:
                        nodes.seek(start)
                        writer.add(node_key, nodes.read(length), 0)
                except entries.Unindexable:
                    writer = None
                made[Format.JSONLD] = _closed(writer)
    fallbacks = {  # the whole file at once, where it cannot be written as entries
        Format.TURTLE: lambda stream, merged: write_turtle(stream, merged, _PREFIX_IRIS),
        Format.JSONLD: _write_jsonld,
        Format.NTRIPLES: lambda stream, merged: stream.writelines(f"{line}\n" for line in merged),
    }
    for fmt in [fmt for fmt in formats if made[fmt] is None]:
        merged = [line for _, lines in union() for line in lines]
        with (out_dir / OUTPUT_NAMES[fmt]).open("w", encoding="utf-8", newline="\n") as stream:
            fallbacks[fmt](stream, merged)
    return made


def _closed(writer: entries.Writer | None) -> entries.Index | None:
    if writer is None:
        return None
    try:
        return writer.close()
    except entries.Unindexable:
        return None


def _write_trig(path: Path, graphs: Callable[[], Iterable[tuple[str | None, list[str]]]],
                render: entries.Renderer) -> entries.Index | None:
    """kg.trig a graph at a time: as entries (its index), or whole where it cannot be (None)."""
    try:
        with path.open("wb") as stream, tempfile.TemporaryFile() as spooled:
            return entries.write(stream, entries.TRIG, _trig_entries(graphs(), render), spooled=spooled)
    except entries.Unindexable:
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            write_trig(stream, graphs(), _PREFIX_IRIS)
        return None


def write_void(out_dir: Path, description: list[str], written: Sequence[Path], *, base: str,
               digests: dict[str, tuple[int, str]] | None = None) -> Path:
    """void.ttl: the dataset description's lines and the distributions of the files ``written``
    (their size and SHA-256 from ``digests`` by name where given, else read from the files)."""
    files = canonical_lines(_distributions(written, base, digests).serialize(format="nt", encoding="utf-8"))
    void_path = out_dir / VOID_NAME
    void_path.write_text(turtle(sorted({*description, *files}),
                                {**_PREFIX_IRIS, "formats": "http://www.w3.org/ns/formats/", "spdx": str(SPDX)}),
                         encoding="utf-8")
    return void_path


def _trig_entries(graphs: Iterable[tuple[str | None, list[str]]], render: entries.Renderer):
    opened = False
    for name, lines in graphs:
        if not opened and (name is not None or not lines):
            raise entries.Unindexable("no default graph to open the TriG file with")
        opened = True
        if not lines:
            continue
        yield entries.graph_key(name), entries.opening(name), 0
        for key, group in entries.by_subject(lines):
            yield (entries.graph_key(name, key), *render.trig(group))
        yield entries.graph_key(name, closing=True), entries.CLOSING, 0
    if not opened:
        raise entries.Unindexable("no default graph to open the TriG file with")


def _write_context(out_dir: Path) -> Path:
    """A copy of the published context beside kg.jsonld, which names it by its IRI."""
    path = out_dir / CONTEXT_NAME
    path.write_bytes(context_path().read_bytes())
    return path


def _distributions(written: Sequence[Path], base: str, digests: dict[str, tuple[int, str]] | None = None) -> Graph:
    """The distributions of the data files among ``written`` (not the context beside them)."""
    from kg.void import distributions  # kg.void builds on this module

    media = {OUTPUT_NAMES[fmt]: fmt.media_type for fmt in Format}
    return distributions([(path, media[path.name]) for path in written if path.name in media], base=base,
                         digests=digests)


def convert(source: Path, *, to: Format) -> bytes:
    """The RDF file ``source`` re-serialised in ``to``; raises InputError as :func:`read` does."""
    return serialize(read(source), to)


def _trig(dataset: Dataset) -> bytes:
    """TriG: the default graph first, then the named graphs sorted by name, each as sorted Turtle.

    Written graph by graph because rdflib's TriG serializer orders graphs by hash.
    """
    graphs: dict[Node, Graph] = {}
    for subject, predicate, obj, name in dataset.quads((None, None, None, None)):
        name = name or DATASET_DEFAULT_GRAPH_ID
        if name not in graphs:  # not setdefault: a new graph per quad costs more than the rest
            graphs[name] = new_graph()
        graphs[name].add((subject, predicate, as_written(obj)))
    default = graphs.pop(DATASET_DEFAULT_GRAPH_ID, None)
    prefixes: set[str] = set()
    blocks = []
    for name, graph in [(None, default)] + sorted(graphs.items(), key=lambda item: str(item[0])):
        if graph is None or not len(graph):
            continue
        lines = _turtle_lines(graph.serialize(format="turtle"))
        prefixes.update(line for line in lines if line.startswith("@prefix "))
        body = [f"    {line}" if line else "" for line in lines if not line.startswith("@prefix ")]
        while body and not body[0]:
            body.pop(0)
        while body and not body[-1]:
            body.pop()
        opening = "{" if name is None else f"{name.n3()} {{"
        blocks.append("\n".join([opening, *body, "}"]))
    header = "".join(f"{line}\n" for line in sorted(prefixes))
    return (header + "\n" + "\n\n".join(blocks) + "\n").encode("utf-8")


def _turtle_lines(text: str) -> list[str]:
    """Turtle's lines, ended by line feeds only (see :func:`kg.turtle.canonical_lines`), a literal
    written long (between triple quotes, over several lines) kept in the line it starts, so that
    indenting the lines does not change its value."""
    lines: list[str] = []
    inside = False
    for line in text.split("\n"):
        if inside:
            lines[-1] += "\n" + line
        else:
            lines.append(line)
        inside ^= line.count('"""') % 2 == 1  # rdflib escapes every quote within: only the delimiters
    return lines


def _sorted_ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")  # see canonical_lines
    return "".join(f"{line}\n" for line in sorted(set(filter(None, lines)))).encode("utf-8")


def _jsonld(graph: Graph) -> bytes:
    compacted = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
    compacted["@context"] = CONTEXT_IRI  # compacted with the published context, named by its stable IRI
    return (json.dumps(canonical(compacted), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _write_jsonld(stream, lines: list[str]) -> None:
    """:func:`_jsonld_of_lines` written to ``stream``, node by node where it can be (every node
    is read before anything is written, so a graph the writer leaves to rdflib starts afresh)."""
    try:
        jsonld.write_document(stream, lines, context(), name=CONTEXT_IRI)
    except jsonld.Unsupported:
        stream.write(_jsonld_in_chunks(lines).decode("utf-8"))


def _jsonld_of_lines(lines: list[str]) -> str:
    """The JSON-LD of sorted N-Triples ``lines``: written straight from them (:mod:`kg.jsonld`),
    or through rdflib a chunk at a time when they hold a blank node or a list."""
    try:
        return jsonld.document(lines, context(), name=CONTEXT_IRI)
    except jsonld.Unsupported:
        return _jsonld_in_chunks(lines).decode("utf-8")


def _jsonld_in_chunks(lines: list[str], *, subjects: int = 2000) -> bytes:
    """The same document as :func:`_jsonld` of the whole graph, compacted ``subjects`` at a time.

    Our graphs are flat (no blank nodes), so each subject compacts to one node object of
    its own: rdflib holds one chunk at a time instead of the whole corpus.
    """
    nodes: list[object] = []
    start = 0
    while start < len(lines):
        end, count, subject = start, 0, None
        while end < len(lines):
            current = lines[end].split(" ", 1)[0]
            if current != subject:
                count += 1
                if count > subjects:
                    break
                subject = current
            end += 1
        chunk = Graph().parse(data="\n".join(lines[start:end]), format="nt")
        document = json.loads(chunk.serialize(format="json-ld", context=context(), auto_compact=True))
        document.pop("@context", None)
        nodes.extend(document["@graph"] if "@graph" in document else [document])
        start = end
    compacted = {"@context": CONTEXT_IRI, "@graph": nodes} if len(nodes) != 1 else {"@context": CONTEXT_IRI, **nodes[0]}
    return (json.dumps(canonical(compacted), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
