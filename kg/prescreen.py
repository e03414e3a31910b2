"""Whether a graph gives the SHACL shapes nothing at all to report, known without pySHACL.

pySHACL is the costliest part of building a page (about 25 ms of its 60) and nine pages in
ten give it nothing to say. :meth:`Screen.clean` walks the shapes' core constraints over an
index of the graph, in about a millisecond, and answers True only when it is sure that no
shape yields a result of any severity. Whenever it is not sure (a value it cannot compare,
a constraint, path or target it does not know) it answers False, and :mod:`kg.validate`
runs pySHACL as before: every report is still pySHACL's own, the screen only spares it the
graphs in which it would find nothing::

    >>> from rdflib import Graph
    >>> Screen.of(Graph()).clean(Graph())  # no shapes: nothing to report
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.rdf import Triples

#: What a shape may say besides its constraints without changing what it reports.
_ANNOTATIONS = {RDF.type, RDFS.comment, RDFS.label, SH.message, SH.severity, SH.name, SH.description,
                SH.order, SH.group, SH.targetClass, SH.path, SH.property}
#: Targets the screen does not follow: shapes using them are left to pySHACL.
_OTHER_TARGETS = {SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target}


class Unsupported(Exception):
    """The shapes say something the screen does not read; every graph then goes to pySHACL."""


@dataclass(frozen=True)
class _Index:
    """A graph's triples by subject then predicate, by object and predicate (the predicates of
    inverse paths only: most objects are literals, which rdflib hashes slowly), and its types."""

    out: Mapping[Node, Mapping[Node, Collection[Node]]]  # each collection without repeats, as the graph's triples are
    into: dict[tuple[Node, Node], list[Node]]
    types: dict[Node, Collection[Node]]
    supers: dict[Node, frozenset[Node]]  # a class and every class it is rdfs:subClassOf, transitively
    instances: dict[Node, set[Node]]  # a class's instances, its subclasses' included

    @classmethod
    def of(cls, graph: Graph | Triples, inverse: frozenset[Node] = frozenset()) -> _Index:
        """The index of ``graph``; a page's :class:`~kg.rdf.Triples` lends its own (read, never changed)."""
        out = graph.by_subject() if isinstance(graph, Triples) else _by_subject(graph)
        into: dict[tuple[Node, Node], list[Node]] = {}
        types: dict[Node, Collection[Node]] = {}
        parents: dict[Node, Collection[Node]] = {}
        for s, predicates in out.items():
            if _TYPE in predicates:
                types[s] = predicates[_TYPE]
            if _SUBCLASS_OF in predicates:
                parents[s] = predicates[_SUBCLASS_OF]
            for p in inverse:
                for o in predicates.get(p, ()):
                    into.setdefault((o, p), []).append(s)
        classes = {t for found in types.values() for t in found} | set(parents)
        supers = {c: _ancestors(c, parents) for c in classes}
        instances: dict[Node, set[Node]] = {}
        for node, found in types.items():
            for t in found:
                for c in supers[t]:
                    instances.setdefault(c, set()).add(node)
        return cls(out, into, types, supers, instances)

    def values(self, focus: Node, predicate: Node) -> Collection[Node]:
        """The objects of ``focus`` and ``predicate``."""
        return self.out.get(focus, _NOTHING).get(predicate, ())


_NOTHING: Mapping[Node, Collection[Node]] = {}
#: Terms read for every node of every page, made once: an attribute of rdflib's RDF namespace makes a new one each time.
_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf


def _by_subject(graph: Graph) -> dict[Node, dict[Node, list[Node]]]:
    out: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in graph:
        out.setdefault(s, {}).setdefault(p, []).append(o)
    return out


def _ancestors(cls: Node, parents: dict[Node, Collection[Node]]) -> frozenset[Node]:
    seen, todo = {cls}, [cls]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(seen)


Check = Callable[[Node, set, _Index], bool]  # (focus node, value nodes, index): surely no result?


@dataclass(frozen=True)
class _Shape:
    path: tuple | None  # ("iri", p), ("inverse", p) or ("alternative", paths); None for a node shape
    checks: tuple[Check, ...]
    properties: tuple[_Shape, ...]

    def conforms(self, focus: Node, index: _Index) -> bool:
        """True only when this shape surely gives ``focus`` no result (loops, not ``all()`` over
        generators: this runs for every focus node and value of every page)."""
        path = self.path
        if path is None:
            values: Collection = (focus,)
        elif path[0] == "iri":  # most paths: read here, not through two calls
            values = index.out.get(focus, _NOTHING).get(path[1], ())
        else:
            values = _values(path, focus, index)
        for check in self.checks:
            if not check(focus, values, index):
                return False
        for prop in self.properties:
            for value in values:
                if not prop.conforms(value, index):
                    return False
        return True


def _values(path: tuple, focus: Node, index: _Index) -> Collection:
    """The value nodes of ``path`` from ``focus``, each once."""
    kind, arg = path
    if kind == "iri":
        return index.values(focus, arg)
    if kind == "inverse":
        return index.into.get((focus, arg), ())
    return set().union(*(_values(alternative, focus, index) for alternative in arg))


@dataclass(frozen=True)
class Screen:
    """The shapes' targeted shapes, read for :meth:`clean`; ``None`` when the shapes say
    something the screen does not read (then :meth:`clean` is always False)."""

    targeted: tuple[tuple[tuple[Node, ...], _Shape], ...] | None
    nodes: tuple[Node, ...] = ()  # the shape of each of ``targeted``, in its order
    inverse: frozenset[Node] = frozenset()  # the predicates of the inverse paths

    @classmethod
    def of(cls, shapes: Graph) -> Screen:
        """The screen of ``shapes`` (its SHACL core: sh:sparql is run elsewhere)."""
        try:
            if any((None, p, None) in shapes for p in (*_OTHER_TARGETS, SH.deactivated)):
                raise Unsupported("targets other than sh:targetClass, or a deactivated shape")
            for shape in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)):
                if (shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes:
                    raise Unsupported(f"{shape} is a class too (an implicit target)")
            reader = _Reader(shapes)
            nodes = tuple(sorted(set(shapes.subjects(SH.targetClass, None))))
            targeted = tuple((tuple(sorted(shapes.objects(node, SH.targetClass))), reader.shape(node))
                             for node in nodes)
        except Unsupported:
            return cls(None)
        return cls(targeted, nodes, frozenset(reader.inverse))

    def clean(self, graph: Graph) -> bool:
        """True only when the shapes surely report nothing on ``graph`` (no violation, warning or info)."""
        return self.doubtful(graph) == ()

    def index(self, graph: Graph | Triples) -> _Index:
        """What :meth:`doubtful` reads ``graph`` through (also the focus nodes of each target class)."""
        return _Index.of(graph, self.inverse)

    def doubtful(self, graph: Graph | Triples, index: _Index | None = None) -> tuple[Node, ...] | None:
        """The targeted shapes that may report something on ``graph``, in the shapes' order;
        None when the screen does not read the shapes (any shape may). A shape of the shapes
        that is not among them reports nothing on ``graph``, so pySHACL run with only these
        gives every result it gives with all (a shape with no target reports only through one
        that has: the screen reads no other target). ``index``: :meth:`index` of ``graph``, if made."""
        if self.targeted is None:
            return None
        index = index or self.index(graph)
        found = []
        for node, (classes, shape) in zip(self.nodes, self.targeted):
            for focus in set().union(*(index.instances.get(cls, ()) for cls in classes)):
                if not shape.conforms(focus, index):
                    found.append(node)
                    break
        return tuple(found)


@dataclass
class _Reader:
    """Reads shapes into :class:`_Shape` values, raising Unsupported for what it does not know."""

    shapes: Graph

    def __post_init__(self) -> None:
        self._read: dict[Node, _Shape] = {}
        self.inverse: set[Node] = set()

    def shape(self, node: Node, depth: int = 0) -> _Shape:
        if depth > 8:
            raise Unsupported(f"{node}: shapes nested too deeply")
        if node not in self._read:
            self._read[node] = self._shape(node, depth)
        return self._read[node]

    def _shape(self, node: Node, depth: int) -> _Shape:
        said: dict[Node, list[Node]] = {}
        for p, o in self.shapes.predicate_objects(node):
            said.setdefault(p, []).append(o)
        unknown = set(said) - _ANNOTATIONS - set(_CHECKS) - {SH.qualifiedValueShape, SH.qualifiedMinCount}
        if unknown:
            raise Unsupported(f"{node}: {sorted(unknown)}")
        paths = said.get(SH.path, [])
        if len(paths) > 1:
            raise Unsupported(f"{node}: two paths")
        checks = []
        for parameter, make in _CHECKS.items():
            for value in said.get(parameter, []):
                if parameter not in _MANY and len(said[parameter]) > 1:
                    raise Unsupported(f"{node}: {parameter} given twice")
                checks.append(make(self, value, depth))
        if SH.qualifiedValueShape in said or SH.qualifiedMinCount in said:
            checks.append(self._qualified(node, said, depth))
        properties = tuple(self.shape(prop, depth + 1) for prop in sorted(said.get(SH.property, [])))
        return _Shape(self._path(paths[0]) if paths else None, tuple(checks), properties)

    def _path(self, node: Node) -> tuple:
        if isinstance(node, URIRef):
            return ("iri", node)
        said = list(self.shapes.predicate_objects(node))
        if len(said) == 1 and said[0][0] == SH.inversePath and isinstance(said[0][1], URIRef):
            self.inverse.add(said[0][1])
            return ("inverse", said[0][1])
        if len(said) == 1 and said[0][0] == SH.alternativePath:
            return ("alternative", tuple(self._path(item) for item in self._list(said[0][1])))
        raise Unsupported(f"path {node}: {said}")

    def _list(self, head: Node) -> list[Node]:
        items = list(self.shapes.items(head))
        if not items and head != RDF.nil:
            raise Unsupported(f"{head} is not an RDF list")
        return items

    def _qualified(self, node: Node, said: dict[Node, list[Node]], depth: int) -> Check:
        shapes, counts = said.get(SH.qualifiedValueShape, []), said.get(SH.qualifiedMinCount, [])
        if len(shapes) != 1 or len(counts) != 1:
            raise Unsupported(f"{node}: a qualified value shape needs one shape and one sh:qualifiedMinCount")
        qualified, least = self.shape(shapes[0], depth + 1), _count(counts[0])
        return lambda focus, values, index: sum(1 for v in values if qualified.conforms(v, index)) >= least

    def min_count(self, value: Node, depth: int) -> Check:
        least = _count(value)
        return lambda focus, values, index: len(values) >= least

    def max_count(self, value: Node, depth: int) -> Check:
        most = _count(value)
        return lambda focus, values, index: len(values) <= most

    def cls(self, value: Node, depth: int) -> Check:
        def check(focus: Node, values: Collection, index: _Index) -> bool:
            members = index.instances.get(value, ())  # the instances of ``value`` and of its subclasses
            for v in values:
                if isinstance(v, Literal) or v not in members:
                    return False
            return True
        return check

    def datatype(self, value: Node, depth: int) -> Check:
        accepts = _datatype_test(value)

        def check(focus: Node, values: Collection, index: _Index) -> bool:
            for v in values:
                if not accepts(v):
                    return False
            return True
        return check

    def node_kind(self, value: Node, depth: int) -> Check:
        if value not in _KINDS:
            raise Unsupported(f"node kind {value}")
        kinds = _KINDS[value]
        return lambda focus, values, index: all(isinstance(v, kinds) for v in values)

    def pattern(self, value: Node, depth: int) -> Check:
        regex = re.compile(str(value))
        return lambda focus, values, index: all(not isinstance(v, BNode) and regex.search(str(v)) for v in values)

    def language_in(self, value: Node, depth: int) -> Check:
        tags = {str(item) for item in self._list(value)}
        return lambda focus, values, index: all(isinstance(v, Literal) and v.language in tags for v in values)

    def min_inclusive(self, value: Node, depth: int) -> Check:
        if _integer(value) is None:
            raise Unsupported(f"sh:minInclusive {value}")
        return lambda focus, values, index: all(_ordered(value, v, strictly=False) for v in values)

    def less_than(self, value: Node, depth: int) -> Check:
        return lambda focus, values, index: all(_ordered(v, other, strictly=True)
                                                for v in values for other in index.values(focus, value))

    def less_than_or_equals(self, value: Node, depth: int) -> Check:
        return lambda focus, values, index: all(_ordered(v, other, strictly=False)
                                                for v in values for other in index.values(focus, value))

    def member_of(self, value: Node, depth: int) -> Check:
        members = self._list(value)
        return lambda focus, values, index: all(v in members for v in values)

    def unique_lang(self, value: Node, depth: int) -> Check:
        if value != Literal(True):
            raise Unsupported(f"sh:uniqueLang {value}")

        def check(focus: Node, values: set, index: _Index) -> bool:
            tags = [v.language.lower() for v in values if isinstance(v, Literal) and v.language]
            return len(tags) == len(set(tags))
        return check

    def any_of(self, value: Node, depth: int) -> Check:
        alternatives = [self.shape(item, depth + 1) for item in self._list(value)]
        return lambda focus, values, index: all(any(shape.conforms(v, index) for shape in alternatives)
                                                for v in values)


_CHECKS: dict[Node, Callable[[_Reader, Node, int], Check]] = {
    SH.minCount: _Reader.min_count, SH.maxCount: _Reader.max_count, SH["class"]: _Reader.cls,
    SH.datatype: _Reader.datatype, SH.nodeKind: _Reader.node_kind, SH.pattern: _Reader.pattern,
    SH.languageIn: _Reader.language_in, SH.minInclusive: _Reader.min_inclusive, SH.lessThan: _Reader.less_than,
    SH.lessThanOrEquals: _Reader.less_than_or_equals, SH["in"]: _Reader.member_of,
    SH.uniqueLang: _Reader.unique_lang, SH["or"]: _Reader.any_of,
}
_MANY = {SH["class"], SH.lessThan, SH.lessThanOrEquals}  # parameters a shape may give more than once
_KINDS = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
          SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}
#: The Python value pySHACL requires of a literal of each datatype (any other datatype: none).
_VALUE_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: (int,), XSD.float: (float,),
                XSD.decimal: (Decimal,), XSD.boolean: (bool,), XSD.date: (date,), XSD.time: (time,),
                XSD.dateTime: (datetime,)}


def _count(value: Node) -> int:
    number = _integer(value)
    if number is None or number < 0:
        raise Unsupported(f"count {value}")
    return number


def _integer(value: Node) -> int | None:
    if isinstance(value, Literal) and value.datatype == XSD.integer and not value.ill_typed \
            and isinstance(value.value, int) and not isinstance(value.value, bool):
        return value.value
    return None


def _datatype_test(datatype: Node) -> Callable[[Node], bool]:
    """Whether pySHACL's sh:datatype ``datatype`` accepts a value (its rules: the datatype
    given, a well-formed lexical form, the Python value that datatype parses to). What
    depends on ``datatype`` alone is read here once, not for every value of every page."""
    types = _VALUE_TYPES.get(datatype)
    string, lang_string = datatype == XSD.string, datatype == RDF.langString
    plain = type(datatype) is URIRef  # rdflib compares two URIRefs as their text

    def accepts(value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        given = value.datatype
        if str.__eq__(given, datatype) if plain and type(given) is URIRef else given == datatype:
            return value.ill_typed is not True and (types is None or isinstance(value.value, types))
        if string:
            return given is None and value.language is None and isinstance(value.value, types)
        return lang_string and bool(value.language) and isinstance(value.value, types)
    return accepts


_ORDERED = ((XSD.integer, (int,)), (XSD.date, (date,)))  # the literals _ordered compares, made once


def _ordered(low: Node, high: Node, *, strictly: bool) -> bool:
    """Whether ``low`` is surely below (or at) ``high``: two well-formed integers, or two
    well-formed dates; any other pair is not known to be in order."""
    for kind, types in _ORDERED:
        if all(isinstance(term, Literal) and term.datatype == kind and not term.ill_typed
               and type(term.value) in types for term in (low, high)):
            return low.value < high.value if strictly else low.value <= high.value
    return False


# ------------------------------------------------------------------ the SPARQL constraints

_SKG = "https://w3id.org/summit-kg/ontology#"
#: The prefixes the shipped SPARQL constraints are written with, as :func:`kg.validate._prefixes` declares them.
_PREFIXES = {f"PREFIX skg: <{_SKG}>", f"PREFIX xsd: <{XSD}>", f"PREFIX rdf: <{RDF}>"}
#: The shipped SPARQL constraints the screen knows, by their SELECT's words, each with what rules out its rows.
_DANGLING = ("SELECT $this ?path ?value WHERE { $this ?path ?value . FILTER (isIRI(?value) && ?path != rdf:type) "
             'BIND (REPLACE(STR($this), "[^/]*/[^/]*$", "") AS ?base) FILTER (STRSTARTS(STR(?value), ?base)) '
             "FILTER NOT EXISTS { ?value rdf:type ?type } }")
_UNTYPED_SOURCE = ("SELECT $this ?value ?via WHERE { ?value ?via $this . FILTER (isIRI(?value) && isIRI($this)) "
                   "FILTER NOT EXISTS { ?value rdf:type ?type } "
                   'BIND (REPLACE(STR($this), "[^/]*/[^/]*$", "") AS ?base) FILTER (STRSTARTS(STR(?value), ?base)) }')
_YEARS = ("SELECT $this ?value ?end (skg:startYear AS ?path) WHERE { $this skg:startYear ?value ; skg:endYear ?end . "
          "FILTER (xsd:integer(STR(?value)) > xsd:integer(STR(?end))) }")
_ORDINALS = ("SELECT $this ?value ?other (skg:ordinal AS ?path) WHERE { $this skg:inSeries ?series ; "
             "skg:ordinal ?value . ?other skg:inSeries ?series ; skg:ordinal ?value . FILTER (?other != $this) }")
#: The base REPLACE takes of a focus IRI (``\Z``: XPath's ``$`` ends the string, Python's may end before a newline).
_LAST_TWO_SEGMENTS = re.compile(r"[^/]*/[^/]*\Z")
_START_YEAR, _END_YEAR = URIRef(_SKG + "startYear"), URIRef(_SKG + "endYear")
_ORDINAL, _IN_SERIES = URIRef(_SKG + "ordinal"), URIRef(_SKG + "inSeries")
_DIGITS = re.compile(r"[0-9]{1,18}")


@dataclass(frozen=True)
class SparqlScreen:
    """Whether a page's triples surely give the shapes' SPARQL constraints no row, known without
    loading them and the ontology into pyoxigraph and running the queries (about 2 ms of a
    conforming page's 6 of validation). It knows the four shipped constraints by their text and
    answers True only when each surely finds nothing: a value under the base that the page does
    not type (typed in the ontology, or not at all), a node under the base the page does not type
    pointing at a focus node, years it cannot read as plain integers, two
    nodes it cannot tell apart by ordinal and series, an ontology term a focus node or a property
    the queries read, or any other constraint, and :mod:`kg.validate` runs them as before."""

    known: tuple[str, ...] | None  # each constraint's kind ("dangling", "untyped source", "years", "ordinals");
    # None: one it does not know
    ontology_subjects: frozenset[str]  # the ontology's IRIs with triples of their own, which join the store
    ontology_predicates: frozenset[str]
    ontology_objects: frozenset[str]  # the IRIs the ontology's triples point at

    @classmethod
    def of(cls, queries: tuple[tuple[str, tuple[Node, ...]], ...], ontology_subjects: frozenset[str],
           ontology_predicates: frozenset[str], ontology_objects: frozenset[str]) -> SparqlScreen:
        """From each constraint's query (its PREFIX lines and SELECT) and target classes."""
        kinds = {" ".join(_DANGLING.split()): "dangling", " ".join(_UNTYPED_SOURCE.split()): "untyped source",
                 " ".join(_YEARS.split()): "years",
                 " ".join(_ORDINALS.split()): "ordinals"}
        known: list[str] | None = []
        for query, _targets in queries:
            lines = query.strip().splitlines()
            prefixes = {" ".join(line.split()) for line in lines if line.lstrip().upper().startswith("PREFIX")}
            select = " ".join(" ".join(line for line in lines if not line.lstrip().upper().startswith("PREFIX")).split())
            if not prefixes <= _PREFIXES or select not in kinds:
                known = None
                break
            known.append(kinds[select])
        return cls(tuple(known) if known is not None else None, ontology_subjects, ontology_predicates,
                   ontology_objects)

    def clears(self, checked: Graph | Triples, index: _Index, targets: tuple[tuple[Node, ...], ...]) -> bool:
        """True only when no constraint (``targets``: each one's target classes, in order) surely gives a row."""
        if self.known is None or not isinstance(checked, Triples):
            return False
        for kind, classes in zip(self.known, targets):
            if kind == "dangling" and not self._no_dangling(index, classes):
                return False
            if kind == "untyped source" and not self._no_untyped_source(index, classes):
                return False
            if kind == "years" and not self._years_in_order(index):
                return False
            if kind == "ordinals" and not self._ordinals_apart(index):
                return False
        return True

    def _no_dangling(self, index: _Index, classes: tuple[Node, ...]) -> bool:
        """No focus node points, but by rdf:type, at an IRI under its base that the page does not type."""
        focus_nodes = set().union(*(index.instances.get(cls, ()) for cls in classes))
        types = index.types
        for focus in focus_nodes:
            if not isinstance(focus, URIRef):
                continue  # a blank node's rows are never a result (pyoxigraph renames it)
            if str(focus) in self.ontology_subjects:  # by its text: an rdflib term does not hash as its string
                return False  # the ontology's own triples about it would join the page's
            base = _LAST_TWO_SEGMENTS.sub("", focus)
            predicates = index.out.get(focus, _NOTHING)
            typed = predicates.get(_TYPE)  # its rdf:type values, skipped by identity: no rdflib equality per predicate
            for values in predicates.values():
                if values is typed:
                    continue
                for value in values:  # str's own startswith: rdflib's makes two strings first
                    if isinstance(value, URIRef) and str.startswith(value, base) and not types.get(value):
                        return False
        return True

    def _no_untyped_source(self, index: _Index, classes: tuple[Node, ...]) -> bool:
        """No IRI the page does not type points, by any predicate, at a focus node whose base it is under."""
        focus_nodes = set().union(*(index.instances.get(cls, ()) for cls in classes))
        if any(str(focus) in self.ontology_objects for focus in focus_nodes):
            return False  # the ontology's own triples pointing at it would join the page's
        for subject, predicates in index.out.items():
            if not isinstance(subject, URIRef) or index.types.get(subject):
                continue
            for values in predicates.values():
                for value in values:
                    if (isinstance(value, URIRef) and value in focus_nodes  # a literal is never one (and hashes slowly)
                            and subject.startswith(_LAST_TWO_SEGMENTS.sub("", value))):
                        return False
        return True

    def _years_in_order(self, index: _Index) -> bool:
        """Every node with both years gives them as plain integers, the start not after the end."""
        if {str(_START_YEAR), str(_END_YEAR)} & self.ontology_predicates:
            return False
        for predicates in index.out.values():
            for start in predicates.get(_START_YEAR, ()):
                for end in predicates.get(_END_YEAR, ()):
                    if not (_DIGITS.fullmatch(start) and _DIGITS.fullmatch(end)) or int(start) > int(end):
                        return False
        return True

    def _ordinals_apart(self, index: _Index) -> bool:
        """No two nodes share an ordinal (read as a number where it is one) and a series."""
        if {str(_ORDINAL), str(_IN_SERIES)} & self.ontology_predicates:
            return False
        seen: dict[tuple, Node] = {}
        for node, predicates in index.out.items():
            for ordinal in predicates.get(_ORDINAL, ()):
                number = int(ordinal) if _SIGNED.fullmatch(ordinal) else ordinal
                for series in predicates.get(_IN_SERIES, ()):
                    if seen.setdefault((str(number), str(series)), node) != node:
                        return False
        return True


_SIGNED = re.compile(r"[+-]?[0-9]+")
