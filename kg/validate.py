"""Checks a graph against the SHACL shapes that gate publication. The only importer of pyshacl.

:func:`validate` returns a :class:`Report` value and never raises because the data does not
conform: a ``sh:Violation`` makes ``conforms`` false (nothing is published), warnings and
infos are only reported. The data is checked together with the ontology (ontology/skg.ttl),
so ``sh:class skg:Place`` accepts a ``skg:Country``. A graph the screen
(:mod:`kg.prescreen`) is sure gives the shapes nothing to report skips pySHACL (most pages
of a build: about 25 ms each); any other graph gets pySHACL's report, as before.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import PROV, RDF, RDFS, SH, XSD
from rdflib.paths import AlternativePath, InvPath, OneOrMore, Path as PropertyPath
from rdflib.term import Node

from kg.cache import store_pickle
from kg.rdf import Triples
from kg.errors import ConfigError, QueryError
from kg.query_guard import check_query, parsed_apart
from kg.export import new_graph
from kg.pool import default_jobs
from kg.prescreen import Screen, SparqlScreen, _Index
from kg.vocab import SKG

if TYPE_CHECKING:
    from pyshacl.shapes_graph import ShapesGraph

_HERE = Path(__file__).resolve().parent
_SHAPES_NAMESPACE = "https://w3id.org/summit-kg/shapes#"
_LABEL_LANGUAGES = ("zh-Hans", "zh-Hant", "en")
_OTHER_TARGETS = {SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target}


class Severity(Enum):
    """SHACL's severities: a violation blocks publication, a warning or an info does not."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @property
    def iri(self) -> URIRef:
        return SH[self.value]

    @classmethod
    def from_iri(cls, iri: Node) -> Severity:
        for severity in cls:
            if severity.iri == iri:
                return severity
        return cls.VIOLATION  # a custom severity counts as blocking


@dataclass(frozen=True)
class SourceLocation:
    """Where in a source article a node or a fact came from (a ``skg:TextSpan``)."""

    article: str | None
    section: str | None
    start: int | None
    end: int | None
    text: str | None

    def __str__(self) -> str:
        parts = []
        if self.section:
            parts.append(f"section {self.section}")
        if self.start is not None and self.end is not None:
            parts.append(f"characters {self.start}–{self.end}")
        if self.text:
            snippet = " ".join(self.text.split())
            parts.append(f"“{snippet[:77]}…”" if len(snippet) > 78 else f"“{snippet}”")
        if self.article:
            parts.append(f"in {self.article}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Result:
    """One thing a shape found wrong with one focus node."""

    severity: Severity
    message: str
    focus: Node
    focus_label: str | None
    path: URIRef | PropertyPath | None
    value: Node | None
    source_shape: Node
    constraint: URIRef  # the SHACL constraint component, e.g. sh:MinCountConstraintComponent
    location: SourceLocation | None


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: results sorted by focus node, then path and message."""

    conforms: bool
    results: tuple[Result, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for result in self.results if result.severity is severity)

    def to_graph(self) -> Graph:
        """The machine-readable SHACL validation report (``sh:ValidationReport``)."""
        graph = _bound_graph()
        graph.bind("sh", SH)
        report = BNode("report")
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms)))
        for result in self.results:
            node = BNode(f"r{_digest(result)}")
            graph.add((report, SH.result, node))
            graph.add((node, RDF.type, SH.ValidationResult))
            graph.add((node, SH.resultSeverity, result.severity.iri))
            graph.add((node, SH.focusNode, result.focus))
            graph.add((node, SH.resultMessage, Literal(result.message)))
            graph.add((node, SH.sourceShape, result.source_shape))
            graph.add((node, SH.sourceConstraintComponent, result.constraint))
            if result.path is not None:
                graph.add((node, SH.resultPath, _path_node(graph, result.path, node)))
            if result.value is not None:
                graph.add((node, SH.value, result.value))
        return graph

    def to_text(self) -> str:
        """A report for people, grouped by focus node: its label, then path, message, value and source."""
        names = _bound_graph().namespace_manager
        counts = ", ".join(
            f"{self.count(severity)} {severity.value.lower()}{'' if self.count(severity) == 1 else 's'}"
            for severity in Severity
        )
        focus_count = len({result.focus for result in self.results})
        verdict = "Conforms" if self.conforms else "Does not conform"
        lines = [f"{verdict}: {counts} on {focus_count} node{'' if focus_count == 1 else 's'}."]
        current = None
        for result in self.results:
            if result.focus != current:
                current = result.focus
                label = f" «{result.focus_label}»" if result.focus_label else ""
                lines += ["", f"{_short(result.focus, names)}{label}"]
            path = _short(result.path, names) if result.path is not None else "(node)"
            lines.append(f"  {result.severity.value:<9} {path}: {result.message}")
            if result.value is not None:
                lines.append(f"  {'':<9} value: {_short(result.value, names)}")
            if result.location is not None:
                lines.append(f"  {'':<9} from: {result.location}")
        return "\n".join(lines) + "\n"


def default_shapes_dir() -> Path:
    """The shipped shapes/ folder (inside the package when installed, else the repository's)."""
    return _shipped("shapes")


def default_ontology() -> Path:
    """The ontology the data is validated with (ontology/skg.ttl)."""
    return _shipped("ontology") / "skg.ttl"


def load_shapes(shapes_dir: Path) -> Graph:
    """Every ``*.ttl`` file of ``shapes_dir`` as one graph.

    Raises ConfigError when the folder is missing, holds no ``.ttl`` file, or one does not parse.
    """
    if not shapes_dir.is_dir():
        raise ConfigError(f"shapes folder {shapes_dir} does not exist; pass --shapes DIR with the .ttl shapes")
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise ConfigError(f"shapes folder {shapes_dir} holds no .ttl file; pass --shapes DIR with the .ttl shapes")
    shapes = Graph()
    for path in files:
        _parse_into(shapes, path, what="shapes file")
    return shapes


def _parse_into(graph: Graph, path: Path, *, what: str) -> None:
    """Adds the triples of the Turtle file ``path`` (parsed once per process and file version)."""
    for triple in _turtle(path, what):
        graph.add(triple)


_PARSED: dict[tuple[str, int, int], tuple] = {}


def _turtle(path: Path, what: str) -> tuple:
    if not path.is_file():
        raise ConfigError(f"{what} {path} does not exist; check the installation or pass its path")
    status = path.stat()
    key = (str(path.resolve()), status.st_mtime_ns, status.st_size)
    if key not in _PARSED:
        graph = Graph()
        try:
            graph.parse(path, format="turtle")
        except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as error:
            detail = " ".join(str(error).split())[:200]
            raise ConfigError(f"{what} {path} is not valid Turtle ({detail}); fix it") from None
        _PARSED[key] = tuple(graph)
    return _PARSED[key]


def validate(
    data: Graph,
    *,
    shapes_dir: Path | None = None,
    ontology: Path | None = None,
    in_place: bool = False,
) -> Report:
    """Validates ``data`` (a graph, or a dataset whose graphs are all checked together).

    With ``in_place``, a plain graph is checked as it is, the ontology's classes added for
    the check and taken out after, instead of in a copy (a page's graph in the build).
    Never raises because the data does not conform. Raises ConfigError when the shapes
    or the ontology cannot be read.

        >>> from rdflib import Graph
        >>> validate(Graph()).conforms
        True
    """
    gate = _gate(shapes_dir or default_shapes_dir(), ontology or default_ontology())
    if in_place and not data.context_aware:
        return _report_in_place(gate, data)
    checked = new_graph()
    for triple in (quad[:3] for quad in data.quads()) if data.context_aware else data:
        checked.add(triple)
    for triple in gate.classes:
        checked.add(triple)
    return _report(gate, checked)


def validate_triples(triples: Triples) -> Report:
    """:func:`validate` of one page's triples (:func:`kg.rdf.page_triples`) with the shipped
    shapes, checked in place as ``in_place`` checks a plain graph: the same report. An rdflib
    graph of them is made only when pySHACL is run or a SPARQL constraint finds something.

        >>> validate_triples(Triples()).conforms
        True
    """
    return _report_in_place(_gate(default_shapes_dir(), default_ontology()), triples)


def reads_strictly() -> bool:
    """Whether :func:`validate_triples` reads every page's N-Triples lines with pyoxigraph's
    strict parser (as a store loads them), which it does where the shapes hold SPARQL
    constraints (the shipped ones do): a page it validated may then be loaded leniently."""
    return bool(_gate(default_shapes_dir(), default_ontology()).sparql)


def _report_in_place(gate: _Gate, data: Graph | Triples) -> Report:
    """The report on the data with the ontology's classes added for the check and taken away after."""
    added = [triple for triple in gate.classes if triple not in data]
    for triple in added:
        data.add(triple)
    try:
        return _report(gate, data)
    finally:
        for triple in added:
            data.remove(triple)


def _report(gate: _Gate, checked: Graph | Triples) -> Report:
    """The report of ``checked`` (the data with the ontology's classes): pySHACL's results,
    unless the screen is sure it finds none, and those of the SPARQL constraints, unless the
    SPARQL screen (:class:`~kg.prescreen.SparqlScreen`) is sure they find none."""
    index = gate.screen.index(checked)
    doubtful = gate.screen.doubtful(checked, index)
    found = [] if doubtful == () else _pyshacl_results(gate, checked, doubtful)
    if gate.sparql:
        lines = _ntriples(checked)
        if not (gate.sparql_screen.clears(checked, index, tuple(c.targets for c in gate.constraints))
                and _read_by_the_store(lines)):
            store = pyoxigraph.Store()
            store.load(lines, format=pyoxigraph.RdfFormat.N_TRIPLES)
            store.extend(gate.ontology_quads)
            for constraint in gate.constraints:
                found += _sparql_results(constraint, checked, store, index)
    results = tuple(sorted(found, key=_order))
    return Report(
        conforms=not any(result.severity is Severity.VIOLATION for result in results),
        results=results,
    )


def _read_by_the_store(lines: bytes) -> bool:
    """Whether pyoxigraph's N-Triples parser, which a store's load reads them with, reads ``lines``
    (about half the time of a load into a store): a page whose terms it refuses is loaded into a
    store as before, to fail its validation with the store's own error, though the screen spared
    it the SPARQL constraints."""
    try:
        for _ in pyoxigraph.parse(lines, format=pyoxigraph.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError:
        return False
    return True


def _ntriples(checked: Graph | Triples) -> bytes:
    """The N-Triples of ``checked`` in its own order, as rdflib's serialiser writes them."""
    if isinstance(checked, Graph):
        return checked.serialize(format="nt", encoding="utf-8")
    return "".join(checked.lines()).encode()


def _pyshacl_results(gate: _Gate, checked: Graph | Triples, shapes: tuple[Node, ...] | None = None) -> list[Result]:
    """pySHACL's results on ``checked``; with ``shapes`` (the targeted shapes the screen could not
    clear: :meth:`Screen.doubtful`), only those shapes are run, which gives the same results
    (about a fifth of the time on a page's graph where one shape of the 28 finds something)."""
    if not isinstance(checked, Graph) or not checked.store.context_aware:  # pySHACL reads a dataset's store
        copy = new_graph()
        for triple in checked:
            copy.add(triple)
        checked = copy
    shapes_graph = gate.shapes_graph  # harvested once per process, not once per graph; imports pySHACL
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    options = dict(_OPTIONS)
    if shapes is not None and all(isinstance(node, URIRef) and str(node).lower().startswith(_USABLE_IRIS)
                                  for node in shapes):  # pySHACL reads any other name as a prefixed one
        chosen = set(shapes)
        options["use_shapes"] = [str(node) for node in gate.shapes_order if node in chosen]
    validator = Validator(DataGraph.from_rdflib(checked), shacl_graph=gate.core, options=options)
    validator.shacl_graph = shapes_graph
    _, results_graph, _ = validator.run()
    return [_result(results_graph, node, checked) for node in results_graph.subjects(RDF.type, SH.ValidationResult)]


def prepare(*, shapes_dir: Path | None = None, ontology: Path | None = None, keep_in: Path | None = None) -> None:
    """Reads the shapes and the ontology now: worker processes forked after this share them
    instead of each reading them again. With ``keep_in`` (a cache directory), what was read
    and checked is kept there and read back by the next process while the files, and the
    code and libraries that read them, stay the same. Raises ConfigError as :func:`validate` does."""
    _gate(shapes_dir or default_shapes_dir(), ontology or default_ontology(), keep_in=keep_in)


#: pySHACL as the gate runs it: no inference (the ontology's classes are given), reports kept.
_OPTIONS = {"inference": "none", "inplace": True, "allow_warnings": True, "allow_infos": True}
#: The IRIs pySHACL's ``use_shapes`` takes as they are.
_USABLE_IRIS = ("http:", "https:", "urn:", "file:")


@dataclass(frozen=True)
class _Gate:
    """The shapes and ontology of one build, read once per process."""

    shapes: Graph  # every shape and SPARQL constraint (all but the sh:sparql links: see ``sparql``)
    core: Graph  # the shapes pySHACL evaluates (all but sh:sparql, which run in pyoxigraph)
    screen: Screen  # says which graphs pySHACL would find nothing in
    sparql: tuple[tuple[Node, Node], ...]  # (shape, constraint) of every sh:sparql
    classes: tuple[tuple[Node, Node, Node], ...]  # the ontology's rdfs:subClassOf triples
    ontology: bytes  # the whole ontology as N-Triples, for the SPARQL constraints
    variables: dict[str, list[str] | None]  # each sh:select's subject variables (_subject_variables)

    @cached_property
    def shapes_graph(self) -> ShapesGraph:
        """pySHACL's harvested shapes of ``core``, made (and pySHACL imported, about 0.1 s) for
        the first graph of this process that the screen does not pass: a build whose pages all
        pass it never loads pySHACL."""
        from pyshacl.shapes_graph import ShapesGraph

        _quick_parameter_lookup()
        harvested = ShapesGraph(self.core)
        harvested.shapes  # noqa: B018 - harvested once here, not once per graph
        return harvested

    @cached_property
    def ontology_quads(self) -> list[pyoxigraph.Quad]:
        """The ontology's triples as pyoxigraph's, read once per process from the N-Triples
        rdflib wrote when the gate was read (no need to check their terms again): each page's
        store is given these, not the text to parse again (a quarter of a millisecond a page)."""
        return list(pyoxigraph.parse(self.ontology, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=True))

    @cached_property
    def sparql_screen(self) -> SparqlScreen:
        """What says, once per process, whether a page's triples surely give the SPARQL constraints no row."""
        subjects = frozenset(q.subject.value for q in self.ontology_quads if isinstance(q.subject, pyoxigraph.NamedNode))
        predicates = frozenset(q.predicate.value for q in self.ontology_quads)
        objects = frozenset(q.object.value for q in self.ontology_quads if isinstance(q.object, pyoxigraph.NamedNode))
        return SparqlScreen.of(tuple((c.query, c.targets) for c in self.constraints), subjects, predicates, objects)

    @cached_property
    def constraints(self) -> tuple[_Constraint, ...]:
        """Every SPARQL constraint, read from the shapes once per process (``sparql``'s order)."""
        return tuple(_Constraint.of(self.shapes, shape, constraint) for shape, constraint in self.sparql)

    @cached_property
    def shapes_order(self) -> tuple[Node, ...]:
        """The harvested shapes in the order pySHACL runs them (and gives their results)."""
        return tuple(shape.node for shape in self.shapes_graph.shapes)


_GATES: dict[tuple, _Gate] = {}


def _gate(shapes_dir: Path, ontology: Path, *, keep_in: Path | None = None) -> _Gate:
    """The gate of ``shapes_dir`` and ``ontology``, made once per process and version of their files.

    SHACL reads only ``rdfs:subClassOf`` of the data graph's ontology (for ``sh:class`` and
    ``sh:targetClass``), so only those triples join each checked graph.
    """
    files = sorted(shapes_dir.glob("*.ttl")) if shapes_dir.is_dir() else []
    key = tuple(_version(path) for path in (*files, ontology)) + (str(shapes_dir),)
    if key not in _GATES:
        read, classes, ontology_nt, variables = _checked(shapes_dir, ontology, keep_in)
        core = _Answered()
        for triple in read:
            if triple[1] != SH.sparql:
                core.add(triple)
        sparql = tuple(sorted((s, o) for s, p, o in read if p == SH.sparql))
        # the SPARQL constraints are read from the core too: it holds every triple but the sh:sparql links
        _GATES[key] = _Gate(core, core, Screen.of(core), sparql, classes, ontology_nt, variables)
    return _GATES[key]


def _checked(shapes_dir: Path, ontology: Path, keep_in: Path | None) -> tuple[tuple, tuple, bytes, dict]:
    """The triples of the shapes, their SPARQL checked (:func:`_refuse_remote_sparql`); the
    ontology's ``rdfs:subClassOf`` triples and the whole ontology as N-Triples; the subject
    variables of each SPARQL constraint (:func:`_subject_variables`), by its text.

    Parsing them with rdflib and checking the SPARQL with rdflib's parser is most of the
    work of reading the gate (about 0.1 s, a tenth of a one-article build); with
    ``keep_in`` the outcome is kept in ``keep_in/shapes-DIGEST.pickle``, the digest of the
    files' bytes, the code that checks them and the libraries' versions, and read back
    when they are the same. A file that cannot be read or written is no error: it is read
    from the shapes again.
    """
    kept = keep_in / f"shapes-{_digest_of(shapes_dir, ontology)}.pickle" if keep_in is not None else None
    if kept is not None:
        try:
            with open(kept, "rb") as stream:
                return pickle.load(stream)
        except Exception:  # noqa: BLE001 - missing, truncated or from another Python: read again
            pass
    shapes = load_shapes(shapes_dir)
    _refuse_remote_sparql(shapes)
    terms = _turtle(ontology, "ontology")
    known = Graph()
    for triple in terms:
        known.add(triple)
    variables = {}
    for constraint in shapes.objects(None, SH.sparql):
        select = shapes.value(constraint, SH.select)
        if select is not None:
            variables[str(select)] = _subject_variables(str(select), _prefixes(shapes, constraint))
    found = (tuple(shapes), tuple(sorted(triple for triple in terms if triple[1] == RDFS.subClassOf)),
             known.serialize(format="nt", encoding="utf-8"), variables)
    if kept is not None:
        store_pickle(kept, found)
    return found


def _digest_of(shapes_dir: Path, ontology: Path) -> str:
    """What the checked shapes depend on: the files, this module and the query guard, the libraries."""
    from importlib.metadata import version  # of pySHACL, not imported by a build whose pages pass the screen

    import rdflib

    from kg import query_guard

    digest = hashlib.sha256(f"{sys.version}\0{rdflib.__version__}\0{version('pyshacl')}".encode())
    files = sorted(shapes_dir.glob("*.ttl")) if shapes_dir.is_dir() else []
    for path in (*files, ontology, Path(__file__), Path(query_guard.__file__)):
        try:
            digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
        except OSError:
            digest.update(f"\0{path.name}\0missing".encode())
    return digest.hexdigest()


class _ParameterSet(list):
    """pySHACL's list of constraint parameters, answering ``in`` through a set: the same answers."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members

    def copy(self) -> list:
        return list(self)


def _quick_parameter_lookup() -> None:
    """pySHACL checks every predicate of a shape against a list of about 40 constraint
    parameters each time it evaluates the shape on a focus node: a third of its time on our
    pages, in ``URIRef.__eq__``. It keeps that list in its ``shape`` module (``CONSTRAINT_PARAMS``,
    filled on first use); filled here with the same parameters in a set-backed list, the
    lookups give the same answers at a hash each. Left alone where pySHACL keeps it otherwise."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    current = getattr(shape, "CONSTRAINT_PARAMS", None)
    if current is None or (isinstance(current, tuple) and current[0] == ALL_CONSTRAINT_PARAMETERS
                           and current[1] is CONSTRAINT_PARAMETERS_MAP):
        shape.CONSTRAINT_PARAMS = (_ParameterSet(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


class _Answered(Graph):
    """A graph that keeps its answers: pySHACL asks the shapes the same questions for every
    focus node of every page, and the shapes do not change once read."""

    def __init__(self) -> None:
        super().__init__()
        self._answers: dict[tuple, tuple] = {}

    def add(self, triple):
        self._answers.clear()
        return super().add(triple)

    def remove(self, triple):
        self._answers.clear()
        return super().remove(triple)

    def triples(self, triple):
        if isinstance(triple[1], PropertyPath):
            yield from super().triples(triple)
            return
        found = self._answers.get(triple)
        if found is None:
            found = self._answers[triple] = tuple(super().triples(triple))
        yield from found


def _version(path: Path) -> tuple[str, int, int]:
    try:
        status = path.stat()
    except OSError:
        return (str(path), 0, 0)
    return (str(path), status.st_mtime_ns, status.st_size)


def _shipped(name: str) -> Path:
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.exists():
            return candidate
    return _HERE.parent / name


def _result(report: Graph, node: Node, data: Graph) -> Result:
    focus = report.value(node, SH.focusNode)
    path = _path(report, report.value(node, SH.resultPath))
    messages = sorted(str(message) for message in report.objects(node, SH.resultMessage))
    return Result(
        severity=Severity.from_iri(report.value(node, SH.resultSeverity)),
        message=messages[0] if messages else "(no message)",
        focus=focus,
        focus_label=_label(data, focus),
        path=path,
        value=report.value(node, SH.value),
        source_shape=report.value(node, SH.sourceShape),
        constraint=report.value(node, SH.sourceConstraintComponent),
        location=_location(data, focus, path),
    )


#: Where SHACL-SPARQL keeps query text: constraints, constraint components' validators, targets.
_SPARQL_TEXT = (SH.select, SH.ask, SH.construct, SH.update)


def _refuse_remote_sparql(shapes: Graph) -> None:
    """Refuse shapes whose SPARQL calls SERVICE (or updates): validation never reaches out.

    Raises ConfigError naming the shape's node and what the query does.
    """
    for predicate in _SPARQL_TEXT:
        for node, text in shapes.subject_objects(predicate):
            if predicate == SH.update:
                raise ConfigError(f"shapes: {node} has a SPARQL update (sh:update); validation only reads, remove it")
            try:
                check_query(str(text))
            except QueryError as error:
                raise ConfigError(f"shapes: the SPARQL of {node} is refused: {error}") from None


@dataclass(frozen=True)
class _Constraint:
    """A SPARQL-based constraint of a node shape, as :func:`_sparql_results` runs it."""

    shape: Node
    query: str  # its sh:select, after the PREFIX lines its sh:prefixes declare
    message: str
    severity: Severity
    targets: tuple[Node, ...]  # the shape's sh:targetClass

    @classmethod
    def of(cls, shapes: Graph, shape: Node, constraint: Node) -> _Constraint:
        """Raises ConfigError when the shape is not a node shape with sh:targetClass."""
        if shapes.value(shape, SH.path) is not None or set(shapes.predicates(shape)) & _OTHER_TARGETS:
            raise ConfigError(
                f"shape {shape}: sh:sparql is evaluated only on node shapes with sh:targetClass; move it to one"
            )
        return cls(shape, _prefixes(shapes, constraint) + str(shapes.value(constraint, SH.select)),
                   str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message)),
                   Severity.from_iri(shapes.value(shape, SH.severity) or SH.Violation),
                   tuple(shapes.objects(shape, SH.targetClass)))


def _sparql_results(constraint: _Constraint, data: Graph | Triples, store: pyoxigraph.Store, index: _Index
                    ) -> list[Result]:
    """A SPARQL-based constraint, run once over the whole graph with ``$this`` unbound.

    pyshacl would run it once per focus node with rdflib, parsing the query text each time
    (about 30 ms a node); one run in pyoxigraph (``store`` holds ``data``) gives the same
    rows. Its terms come back with lower-cased language tags and renamed blank nodes, which
    is harmless here: focus nodes are typed IRIs. A result's label and location are read
    from ``data`` as an rdflib graph, made of plain triples only when there is a result.
    """
    results = []
    solutions = store.query(constraint.query)
    names = [variable.value for variable in solutions.variables]
    focus_nodes = None
    for solution in solutions:
        this = solution["this"] if "this" in names else None
        if this is None:
            continue
        if focus_nodes is None:  # the instances of its target classes and their subclasses, as pySHACL reads them
            focus_nodes = set().union(*(index.instances.get(cls, ()) for cls in constraint.targets))
        focus = _rdflib_term(this)
        if focus not in focus_nodes:  # most rows, and every row of a blank node (renamed by pyoxigraph)
            continue
        bindings = {name: _rdflib_term(solution[name]) for name in names if solution[name] is not None}
        if isinstance(data, Triples):
            data = data.graph()
        path = bindings.get("path")
        results.append(
            Result(
                severity=constraint.severity,
                message=_substitute(constraint.message, bindings),
                focus=focus,
                focus_label=_label(data, focus),
                path=path,
                value=bindings.get("value"),
                source_shape=constraint.shape,
                constraint=SH.SPARQLConstraintComponent,
                location=_location(data, focus, path),
            )
        )
    return results


def _rdflib_term(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal) -> Node:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _substitute(message: str, bindings: dict[str, Node]) -> str:
    """SHACL-SPARQL message templates: ``{?name}`` and ``{$name}`` become the bound value."""
    for name, value in bindings.items():
        message = message.replace(f"{{?{name}}}", str(value)).replace(f"{{${name}}}", str(value))
    return message


def _path(report: Graph, node: Node | None) -> URIRef | PropertyPath | None:
    """A SHACL path node of the report as an rdflib path (the kinds our shapes use)."""
    if node is None or isinstance(node, URIRef):
        return node
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return InvPath(_path(report, inverse))
    more = report.value(node, SH.oneOrMorePath)
    if more is not None:
        return _path(report, more) * OneOrMore
    alternatives = report.value(node, SH.alternativePath)
    if alternatives is not None:
        return AlternativePath(*(_path(report, item) for item in report.items(alternatives)))
    return None


def _path_node(graph: Graph, path: URIRef | PropertyPath, owner: Node) -> Node:
    """The SHACL form of ``path`` in ``graph``, blank nodes named after ``owner`` (deterministic)."""
    if isinstance(path, URIRef):
        return path
    node = BNode(f"{owner}p{_digest(path)}")
    if isinstance(path, InvPath):
        graph.add((node, SH.inversePath, _path_node(graph, path.arg, node)))
    elif isinstance(path, AlternativePath):
        items = [_path_node(graph, arg, node) for arg in path.args]
        head = BNode(f"{node}l")
        _write_list(graph, head, items)
        graph.add((node, SH.alternativePath, head))
    else:
        graph.add((node, SH.oneOrMorePath, _path_node(graph, path.path, node)))
    return node


def _write_list(graph: Graph, head: BNode, items: list[Node]) -> None:
    cell = head
    for index, item in enumerate(items):
        graph.add((cell, RDF.first, item))
        rest = BNode(f"{head}{index + 1}") if index + 1 < len(items) else RDF.nil
        graph.add((cell, RDF.rest, rest))
        cell = rest


def _label(data: Graph, node: Node) -> str | None:
    labels = {  # a label that is not a literal (a shape reports it) names nothing
        literal.language or "": str(literal) for literal in data.objects(node, RDFS.label) if isinstance(literal, Literal)
    }
    for language in _LABEL_LANGUAGES:
        if language in labels:
            return labels[language]
    return labels[min(labels)] if labels else None


def _location(data: Graph, focus: Node, path: object) -> SourceLocation | None:
    """The evidence span of the statement (an inferred statement about focus and path), else of the node."""
    spans = [
        span
        for statement in data.subjects(RDF.subject, focus)
        if path is not None and data.value(statement, RDF.predicate) == path
        for span in data.objects(statement, SKG.evidence)
    ] or list(data.objects(focus, SKG.evidence))
    if not spans:
        return None
    span = min(spans, key=lambda node: (_integer(data.value(node, SKG.startOffset)) or 0, str(node)))
    article = data.value(span, PROV.wasDerivedFrom) or data.value(focus, PROV.wasDerivedFrom)
    section = data.value(span, SKG.sectionHeading)
    text = data.value(span, SKG.text)
    return SourceLocation(
        article=str(article) if article is not None else None,
        section=str(section) if section is not None else None,
        start=_integer(data.value(span, SKG.startOffset)),
        end=_integer(data.value(span, SKG.endOffset)),
        text=str(text) if text is not None else None,
    )


def _integer(node: Node | None) -> int | None:
    if isinstance(node, Literal) and node.datatype == XSD.integer:
        return int(node)
    return None


def _order(result: Result) -> tuple[str, ...]:
    return (
        str(result.focus),
        _text(result.path),
        str(list(Severity).index(result.severity)),
        result.message,
        _text(result.value),
        str(result.source_shape),
    )


def _text(node: object) -> str:
    if node is None:
        return ""
    return node.n3() if hasattr(node, "n3") else str(node)


def _digest(item: object) -> str:
    return hashlib.sha256(repr(item).encode("utf-8")).hexdigest()[:16]


def _short(node: object, names) -> str:
    """An IRI, literal or path in prefixed form where a prefix fits, else in full."""
    if isinstance(node, Literal):
        return node.n3(names)
    if isinstance(node, URIRef):
        return node.n3(names)
    if isinstance(node, PropertyPath):
        return node.n3(names)
    return str(node)


def _bound_graph() -> Graph:
    graph = new_graph()
    graph.bind("skgsh", _SHAPES_NAMESPACE)
    return graph


@dataclass(frozen=True)
class Statement:
    """A triple as one article's named graph says it."""

    graph: str  # the article's IRI
    subject: pyoxigraph.NamedNode | pyoxigraph.BlankNode
    property: pyoxigraph.NamedNode
    value: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal

    def quad(self) -> pyoxigraph.Quad:
        return pyoxigraph.Quad(self.subject, self.property, self.value, pyoxigraph.NamedNode(self.graph))

    def key(self) -> tuple[str, str, str, str]:
        return self.graph, str(self.subject), str(self.property), str(self.value)


@dataclass(frozen=True)
class Conflict:
    """Articles whose graphs are each valid but contradict one another once merged."""

    graphs: frozenset[str]  # the named graphs (article IRIs) that give the clashing facts
    message: str
    #: the clashing statements, in each graph that says them (sorted): of a property allowed once,
    #: each of the two graphs' values for the subject; of a SPARQL constraint, its focus node's
    #: ``?path`` of its ``?value``. Empty when the constraint binds no ``?path`` or ``?value``.
    statements: tuple[Statement, ...] = ()


def cross_article(store: pyoxigraph.Store, *, shapes_dir: Path | None = None,
                  around: Sequence[pyoxigraph.NamedNode] | None = None) -> tuple[Conflict, ...]:
    """The constraints that span articles, checked over ``store`` (one named graph per article).

    Each article's graph was validated on its own; merged, two of them may still clash:
    two values of a property the shapes allow once (``sh:maxCount 1``: two first days for
    one summit) or a SPARQL constraint (one ordinal for two summits of a series). Labels
    are settled before (one per language), so ``sh:uniqueLang`` needs no check here.
    Returns the conflicts sorted by message, each with the statements that clash where the
    constraint tells them (:attr:`Conflict.statements`); empty when the articles agree.

    With ``around`` (the subjects an edit changed, in a store that agreed before the edit),
    only what those subjects take part in is looked at: a property allowed once is checked
    on their own triples (copied into a small store: over the whole on-disk store the
    planner reads every value of the property), and every triple pattern of a SPARQL
    constraint is matched with its subject among them in turn (:func:`_subject_variables`),
    which finds every solution that uses a changed triple, so every new conflict.
    """
    gate = _gate(shapes_dir or default_shapes_dir(), default_ontology())  # read and checked once
    shapes = gate.shapes
    found: set[Conflict] = set()
    values = " ".join(f"<{node.value}>" for node in around) if around is not None else None
    if values == "":
        return ()
    single = store
    if around is not None:  # these constraints are about one subject: its triples alone answer them
        single = pyoxigraph.Store()
        single.extend(quad for node in around for quad in store.quads_for_pattern(node, None, None, None))
    checks = [partial(_sparql_conflicts, shapes, shape, constraint, store, values, gate.variables)
              for shape, constraint in gate.sparql]
    checks += [partial(_twice_said, single, classes, prop, message)
               for classes, prop, message in _single_valued(shapes)]
    # the engine lets go of Python's lock while it answers: over a whole corpus, two SPARQL constraints are
    # each a scan of every quad (a second or more apiece at 3,000 pages), started first, side by side
    with ThreadPoolExecutor(max_workers=default_jobs() if around is None else 1) as threads:
        for conflicts in threads.map(lambda check: check(), checks):
            found.update(conflicts)
    return tuple(sorted(found, key=lambda conflict: (conflict.message, sorted(conflict.graphs),
                                                     [statement.key() for statement in conflict.statements])))


def _twice_said(store: pyoxigraph.Store, classes: Sequence[str], prop: str, message: str) -> list[Conflict]:
    """Two graphs giving a node of ``classes`` two values of ``prop``, which the shapes allow once."""
    query = (f"SELECT DISTINCT ?s ?g1 ?g2 WHERE {{ VALUES ?class {{ {' '.join(f'<{c}>' for c in classes)} }} "
             f"GRAPH ?g1 {{ ?s a ?class ; <{prop}> ?a }} GRAPH ?g2 {{ ?s <{prop}> ?b }} "
             f"FILTER (?g1 != ?g2 && ?a != ?b) }}")
    conflicts = []
    for row in store.query(query):
        graphs = (row["g1"], row["g2"])
        said = _statements(store, row["s"], pyoxigraph.NamedNode(prop), None, graphs)
        conflicts.append(Conflict(frozenset(graph.value for graph in graphs), f"{row['s'].value}: {message}", said))
    return conflicts


def _statements(store: pyoxigraph.Store, subject: pyoxigraph.NamedNode | pyoxigraph.BlankNode,
                prop: pyoxigraph.NamedNode, value: pyoxigraph.NamedNode | pyoxigraph.Literal | None,
                graphs: Sequence[pyoxigraph.NamedNode] | None = None) -> tuple[Statement, ...]:
    """The statements of ``subject`` on ``prop`` (of ``value``, or any) in ``graphs`` (or any named graph), sorted."""
    quads = [quad for graph in graphs for quad in store.quads_for_pattern(subject, prop, value, graph)] \
        if graphs is not None else store.quads_for_pattern(subject, prop, value)
    said = {Statement(quad.graph_name.value, quad.subject, quad.predicate, quad.object)
            for quad in quads if isinstance(quad.graph_name, pyoxigraph.NamedNode)}
    return tuple(sorted(said, key=Statement.key))


def _prefixes(shapes: Graph, constraint: Node) -> str:
    """The PREFIX lines a SPARQL constraint declares (``sh:prefixes``)."""
    return "".join(
        f"PREFIX {shapes.value(declaration, SH.prefix)}: <{shapes.value(declaration, SH.namespace)}>\n"
        for declaration in shapes.objects(shapes.value(constraint, SH.prefixes), SH.declare)
    )


def _subject_variables(select: str, header: str) -> list[str] | None:
    """The variables in subject position of every triple pattern of ``select`` (inside FILTER
    EXISTS and NOT EXISTS too); None when a pattern's subject is no variable or a path, where
    the constraint is run over the whole store instead."""
    from rdflib.term import Variable

    found: set[str] = set()
    plain = [True]

    def visit(node: object) -> None:
        if isinstance(node, dict):  # rdflib's algebra nodes (CompValue) are dicts
            for key, value in node.items():
                if key == "triples" and isinstance(value, list):
                    for triple in value:
                        if isinstance(triple[0], Variable) and isinstance(triple[1], (URIRef, Variable)):
                            found.add(str(triple[0]))
                        else:
                            plain[0] = False
                visit(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                visit(item)
        elif hasattr(node, "__dict__") and type(node).__module__.startswith("rdflib.plugins.sparql"):
            visit(vars(node))

    try:
        visit(parsed_apart(header + select, prepared=True).algebra)  # on its own stack: see parsed_apart
    except Exception:  # noqa: BLE001 - what cannot be read this way is run over the whole store
        return None
    return sorted(found) if plain[0] and found else None


def _focused(select: str, variable: str, values: str) -> str:
    """``select`` with its WHERE group opened by ``VALUES ?variable { values }``."""
    at = select.upper().find("WHERE")
    brace = select.find("{", at if at >= 0 else 0)
    return f"{select[:brace + 1]} VALUES ?{variable} {{ {values} }} {select[brace + 1:]}"


def _single_valued(shapes: Graph) -> list[tuple[list[str], str, str]]:
    """(target classes, property, message) of every property shape with ``sh:maxCount 1``."""
    found = []
    for node_shape, property_shape in shapes.subject_objects(SH.property):
        path = shapes.value(property_shape, SH.path)
        if not isinstance(path, URIRef) or shapes.value(property_shape, SH.maxCount) != Literal(1):
            continue
        classes = sorted(str(c) for c in shapes.objects(node_shape, SH.targetClass))
        if classes:
            message = shapes.value(property_shape, SH.message) or f"at most one {path}"
            found.append((classes, str(path), str(message)))
    return sorted(found)


def _sparql_conflicts(shapes: Graph, shape: Node, constraint: Node, store: pyoxigraph.Store,
                      values: str | None = None, known: dict[str, list[str] | None] | None = None) -> list[Conflict]:
    """A SPARQL constraint over the union; each result names the graphs that say its focus, value or other.
    With ``values`` (IRIs), only the solutions where a triple pattern's subject is one of them."""
    header = _prefixes(shapes, constraint)
    message = str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or shape)
    select = str(shapes.value(constraint, SH.select))
    variables = None
    if values is not None:
        variables = known[select] if known and select in known else _subject_variables(select, header)
    texts = [select] if variables is None else [_focused(select, variable, values) for variable in variables]
    conflicts = []
    for text in texts:
        conflicts += _solved(store, header + text, shape, shapes, message)
    return conflicts


def _solved(store: pyoxigraph.Store, query: str, shape: Node, shapes: Graph, message: str) -> list[Conflict]:
    conflicts = []
    solutions = store.query(query, use_default_graph_as_union=True)
    names = [variable.value for variable in solutions.variables]
    rdf_type = pyoxigraph.NamedNode(str(RDF.type))
    targets = {str(c) for c in shapes.objects(shape, SH.targetClass)}
    targeted: dict = {}  # focus → whether a graph types it with a target class (asked once a focus: foci recur)
    for solution in solutions:
        bound = {name: solution[name] for name in names if solution[name] is not None}
        focus = bound.get("this")
        if focus is not None and focus not in targeted:
            targeted[focus] = any(isinstance(quad.object, pyoxigraph.NamedNode) and quad.object.value in targets
                                  for quad in store.quads_for_pattern(focus, rdf_type, None))
        if focus is None or not targeted[focus]:
            continue
        nodes = [term for name, term in bound.items() if name != "path" and isinstance(term, pyoxigraph.NamedNode)]
        graphs = {quad.graph_name.value for node in nodes for quad in store.quads_for_pattern(node, None, None)
                  if isinstance(quad.graph_name, pyoxigraph.NamedNode)}
        text = _substitute(message, {name: _rdflib_term(term) for name, term in bound.items()})
        path, value = bound.get("path"), bound.get("value")
        said = _statements(store, focus, path, value) \
            if isinstance(path, pyoxigraph.NamedNode) and value is not None else ()
        conflicts.append(Conflict(frozenset(graphs), f"{focus.value}: {text}", said))
    return conflicts
