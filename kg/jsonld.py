"""Compacted JSON-LD written straight from sorted N-Triples lines, in linear time.

rdflib compacts a graph it has parsed first, at about 0.1 ms a triple; a build's graphs
are flat (IRIs and literals, no blank nodes, no RDF lists), where compaction is a lookup
per predicate: this writer takes the same decisions as rdflib's serializer with the same
``@context`` (its own :class:`~rdflib.plugins.shared.jsonld.context.Context` chooses the
terms), over the lines the other formats are written from, and leaves to rdflib only
what it does not handle (a graph with a blank node or a list). The result is in the
canonical order of :mod:`kg.export`: every array sorted except ``@list`` ones::

    >>> import json
    >>> lines = ['<https://w3id.org/summit-kg/id/summit/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh-Hans .']
    >>> json.loads(document(lines, {"label": {"@id": "http://www.w3.org/2000/01/rdf-schema#label",
    ...                                       "@container": "@language"}, "id": "@id"}))["label"]
    {'zh-Hans': '甲'}
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import TextIO

from rdflib import Literal, URIRef
from rdflib.plugins.serializers.jsonld import PLAIN_LITERAL_TYPES
from rdflib.plugins.shared.jsonld.context import UNDEF, Context
from rdflib.plugins.shared.jsonld.keys import ID, LANG, LIST, SET, VOCAB

from kg.turtle import REMEMBERED

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NATIVE = frozenset(str(datatype) for datatype in PLAIN_LITERAL_TYPES)
_LITERAL = re.compile(r'"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_DIGITS = re.compile(r"[+-]?[0-9]+")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class Unsupported(Exception):
    """The lines hold what this writer leaves to rdflib (a blank node or an RDF list)."""


def document(lines: Sequence[str], context: dict, *, name: str | None = None) -> str:
    """The JSON-LD document of ``lines`` (sorted N-Triples, one triple each) compacted with ``context``,
    which its ``@context`` names by the IRI ``name`` (or holds, without a name).

    Raises :class:`Unsupported` for a blank node or an RDF list.
    """
    text = io.StringIO()
    write_document(text, lines, context, name=name)
    return text.getvalue()


def write_document(stream: TextIO, lines: Sequence[str], context: dict, *, name: str | None = None) -> None:
    """:func:`document` written to ``stream``. Each node is turned to text as soon as its
    subject's lines are read, so memory holds the text of the nodes, not their objects."""
    said = canonical(name or context)
    nodes = _Compactor(context).nodes(lines)
    first, second = next(nodes, None), next(nodes, None)
    if second is None:  # no @graph around a single node
        compacted = {"@context": said, "@graph": []} if first is None else {"@context": said, **first}
        stream.write(_dumps(canonical(compacted)) + "\n")
        return
    written = sorted(_written(node) for node in _chain(first, second, nodes))
    for start, end in _ties(written):
        written[start:end] = sorted(written[start:end], key=lambda entry: _sort_key(json.loads(entry[1])))
    stream.write(f'{{\n  "@context": {_dumps(said).replace(chr(10), chr(10) + "  ")},\n  "@graph": [\n')
    for index, (_, text) in enumerate(written):
        stream.write(f"{',' + chr(10) if index else ''}    {text.replace(chr(10), chr(10) + '    ')}")
    stream.write("\n  ]\n}\n")


def _chain(first: dict, second: dict, rest: Iterator[dict]) -> Iterator[dict]:
    yield first
    yield second
    yield from rest


def _written(node: dict, indent: str = "") -> tuple[str, str]:
    """A node's id and its JSON text, as the whole document's ``json.dumps`` would indent it at
    the top, every line after the first further indented by ``indent``."""
    return str(node.get("id", "")), _canonical_text(node, indent)


def _canonical_text(value: object, indent: str = "", key: str = "") -> str:
    """``_dumps(canonical(value, key), indent)`` in one walk: a node's values are strings,
    language maps and arrays of strings, whose canonical order is that of their JSON text,
    so each string is escaped once, for the order and the text, not twice (a third of a
    node's writing); anything else takes the two steps."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        return "{\n" + ",\n".join(f"{inner}{encode_basestring(name)}: "
                                   f"{encode_basestring(item) if type(item) is str else _canonical_text(item, inner, name)}"
                                   for name, item in sorted(value.items())) + f"\n{indent}}}"
    if kind is list and value and key != "@list" and all(type(item) is str for item in value):
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + text for text in sorted(map(encode_basestring, value))) + f"\n{indent}]"
    return _dumps(canonical(value, key), indent)


def _ties(written: list[tuple[str, str]]) -> Iterator[tuple[int, int]]:
    """The runs of nodes with one id (none in a build: one node per subject), which sort by their text."""
    start = 0
    for index in range(1, len(written) + 1):
        if index == len(written) or written[index][0] != written[start][0]:
            if index - start > 1:
                yield start, index
            start = index


def _dumps(value: object, indent: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, every line after the
    first further indented by ``indent``: the same text, without the encoder's pure-Python
    generators (json writes with ``indent`` in Python; strings are escaped by its C function)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        return "{\n" + ",\n".join(f"{inner}{encode_basestring(key)}: "
                                   f"{encode_basestring(item) if type(item) is str else _dumps(item, inner)}"
                                   for key, item in sorted(value.items())) + f"\n{indent}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + (encode_basestring(item) if type(item) is str else _dumps(item, inner))
                                   for item in value) + f"\n{indent}]"
    if type(value) is int:
        return int.__repr__(value)  # as json writes an int
    return json.dumps(value)  # a number, a boolean or null, as json writes it


def canonical(node: object, key: str = "") -> object:
    """Sorts every JSON array except ``@list`` ones (RDF lists keep their order)."""
    if isinstance(node, dict):  # a string, most values, is as it is
        return {name: value if type(value) is str else canonical(value, name) for name, value in node.items()}
    if isinstance(node, list):
        items = [canonical(item) for item in node]
        if key == "@list":
            return items
        return sorted(items, key=_sort_key)
    return node


def _sort_key(item: object) -> tuple[str, str]:
    """Nodes by their id first (readable order), then by their whole text (total order)."""
    if isinstance(item, str):
        return ("", encode_basestring(item))  # what json.dumps(item, ensure_ascii=False) gives
    node_id = item.get("id", "") if isinstance(item, dict) else ""
    return (str(node_id), json.dumps(item, ensure_ascii=False, sort_keys=True))


class _Compactor:
    """rdflib's compaction (``Converter.add_to_node``) for IRIs and literals, each decision made once."""

    def __init__(self, context: dict) -> None:
        self.context = Context(context)
        self.id_key, self.type_key = self.context.id_key, self.context.type_key
        self.value_key, self.lang_key = self.context.value_key, self.context.lang_key
        self._iris: dict[str, str] = {}
        self._symbols: dict[str, str] = {}
        self._to_iri: dict[str, Callable] = {}
        self._iri_adders: dict[str, Callable] = {}
        self._to_literal: dict[tuple[str, str | None, str | None], Callable] = {}
        self._literal_adders: dict[tuple[str, str], Callable] = {}

    def nodes(self, lines: Sequence[str]) -> Iterator[dict]:
        """The node of each subject, given once its last line is read.

        A literal's adder is found by its predicate and what follows its closing quote (its
        tag or datatype, as written), both taken with slices: the pattern that reads the tag
        or datatype runs once for each pair, not on every line (a third of a node's time)."""
        subject = node = None
        iri_adders = self._iri_adders  # by the predicate as written, brackets and all
        literal_adders = self._literal_adders  # by the predicate and the literal's tail, as written
        for line in lines:
            s, p, o = line.split(" ", 2)
            if s != subject:
                if not s.startswith("<"):
                    raise Unsupported(f"a blank node subject {s}")
                if node is not None:
                    yield node
                subject, node = s, {self.id_key: self._shrink(s[1:-1])}
            o = o[:-2]  # drop " ."
            if o.startswith("<"):
                add = iri_adders.get(p)
                if add is None:
                    add = iri_adders[p] = self._iri_adder(p[1:-1])
                add(node, o[1:-1])
            elif o.startswith('"'):
                end = o.rfind('"')  # the closing quote: a tag or a datatype holds none
                lexical = o[1:end]
                add = literal_adders.get((p, o[end + 1:]))
                if add is None:
                    add, lexical = self._literal_adder_of(p, o, end)
                add(node, _unescape(lexical) if "\\" in lexical else lexical)
            else:
                raise Unsupported(f"a blank node object {o}")
        if node is not None:
            yield node

    def _literal_adder_of(self, predicate: str, literal: str, end: int
                          ) -> tuple[Callable[[dict, str], None], str]:
        """The adder of ``literal`` (closing quote at ``end``) as a value of ``predicate`` (in
        brackets) and its lexical form, both read by the pattern; the adder kept for the next
        literal with that tail where the pattern closes the literal where the slices do."""
        lexical, language, datatype = _LITERAL.match(literal).groups()
        add = self._literal_adder(predicate[1:-1], datatype, language)
        if len(lexical) == end - 1:
            self._literal_adders[(predicate, literal[end + 1:])] = add
        return add, lexical

    def _shrink(self, iri: str) -> str:
        shrunk = self._iris.get(iri)
        if shrunk is None:
            if len(self._iris) >= REMEMBERED:  # a corpus's IRIs are many: remember the recent ones
                self._iris.clear()
            shrunk = self._iris[iri] = self.context.shrink_iri(iri)
        return shrunk

    def _symbol(self, iri: str) -> str:
        if iri not in self._symbols:
            self._symbols[iri] = self.context.to_symbol(iri)
        return self._symbols[iri]

    def _iri_adder(self, predicate: str) -> Callable[[dict, str], None]:
        """How an IRI object of ``predicate`` joins its node (rdflib's choice for a non-literal)."""
        if predicate in self._to_iri:
            return self._to_iri[predicate]
        if predicate == "http://www.w3.org/1999/02/22-rdf-syntax-ns#first":
            raise Unsupported("an RDF list")
        term = None
        for coercion in (ID, VOCAB, UNDEF):
            term = self.context.find_term(predicate, coercion, None)
            if term:
                break
        if term and (term.language or LIST in term.container or LANG in term.container):
            raise Unsupported(f"an IRI value of {predicate}, whose term wants a literal or a list")
        if term:
            key, many = term.name, SET in term.container
            if term.type == ID:
                value = self._shrink
            elif term.type == VOCAB:
                value = self._symbol
            else:
                value = self._reference
        else:
            key, many = self._key(predicate), False
            value = self._reference
            if predicate == _RDF_TYPE:
                key, value = self.type_key, self._symbol

        def add(node: dict, iri: str) -> None:
            _put(node, key, value(iri), many)

        self._to_iri[predicate] = add
        return add

    def _reference(self, iri: str) -> dict:
        return {self.id_key: self._shrink(iri)}

    def _key(self, predicate: str) -> str:
        key = self.context.to_symbol(predicate)
        defined = self.context.terms.get(key)
        return predicate if defined and (defined.type or defined.container) else key

    def _literal_adder(self, predicate: str, datatype: str | None, language: str | None
                       ) -> Callable[[dict, str], None]:
        """How a literal of ``predicate`` with this datatype or language joins its node."""
        found = (predicate, datatype, language)
        if found in self._to_literal:
            return self._to_literal[found]
        term = self.context.find_term(predicate, datatype, language=language)
        raw = self._raw(datatype, language)
        if term and LIST in term.container:
            raise Unsupported(f"a list term for {predicate}")
        if term and LANG in term.container and language:
            key, many = term.name, SET in term.container

            def add(node: dict, lexical: str) -> None:
                values = node.setdefault(key, {})
                if language in values or many:
                    if not isinstance(values.get(language), list):
                        values[language] = [values[language]] if language in values else []
                    values[language].append(lexical)
                else:
                    values[language] = lexical
        else:
            if term:
                key, many = term.name, SET in term.container
                if term.type:
                    value = (lambda lexical: lexical) if term.type in (ID, datatype) else raw
                elif term.language and language == term.language:
                    value = lambda lexical: lexical  # noqa: E731
                elif self.context.language and term.language is None and language is None:
                    value = lambda lexical: lexical  # noqa: E731
                else:
                    value = raw
            else:
                key, many, value = self._key(predicate), False, raw

            def add(node: dict, lexical: str) -> None:
                _put(node, key, value(lexical), many)

        self._to_literal[found] = add
        return add

    def _raw(self, datatype: str | None, language: str | None) -> Callable[[str], object]:
        """rdflib's ``to_raw_value`` of a literal: a native number or boolean, or a value object."""
        if datatype == _INTEGER:
            return lambda lexical: int(lexical) if _DIGITS.fullmatch(lexical) else _native(lexical, datatype)
        if datatype in _NATIVE:
            return lambda lexical: _native(lexical, datatype)
        if datatype is not None:
            symbol = self._symbol(datatype)
            return lambda lexical: {self.type_key: symbol, self.value_key: lexical}
        if language and language != self.context.language:
            return lambda lexical: {self.lang_key: language, self.value_key: lexical}
        return lambda lexical: lexical


def _native(lexical: str, datatype: str) -> object:
    """rdflib's Python value of a literal (the literal itself when it is ill-formed)."""
    return Literal(lexical, datatype=URIRef(datatype)).toPython()


def _put(node: dict, key: str, value: object, many: bool) -> None:
    if key in node:
        if not isinstance(node[key], list):
            node[key] = [node[key]]
        node[key].append(value)
    else:
        node[key] = [value] if many else value


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_one_escape, text)


def _one_escape(found: re.Match) -> str:
    code = found.group(1)
    if code[0] in "uU" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)
