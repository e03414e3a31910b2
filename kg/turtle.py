"""Deterministic Turtle and TriG, written straight from sorted N-Triples lines.

The store's serialisers write in the store's own order and lower-case language tags;
these writers take N-Triples lines (one triple each, the object last), give every
language tag its canonical case (RFC 5646: ``zh-Hans``, ``zh-TW``) and write one block
per subject, predicates and objects in sorted order, with our prefixes: the same graph
gives the same bytes, in linear time::

    >>> lines = canonical_lines('<https://w3id.org/summit-kg/ontology#A> '
    ...                         '<http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh-hans .'.encode())
    >>> print(turtle(lines, {"skg": "https://w3id.org/summit-kg/ontology#",
    ...                      "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}), end="")
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skg: <https://w3id.org/summit-kg/ontology#> .
    <BLANKLINE>
    skg:A rdfs:label "甲"@zh-Hans .
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LANGUAGE_AT_END = re.compile(r'"@([A-Za-z0-9-]+) \.$')
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_DATATYPE = re.compile(r'\^\^<([^>]*)>$')
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_WHOLE_DECIMAL_AT_END = re.compile(r'"([+-]?[0-9]+)"\^\^<' + re.escape(_DECIMAL) + r'> \.$')
_DIGITS = re.compile(r"[+-]?[0-9]+")


def canonical_lines(ntriples: bytes) -> list[str]:
    """The distinct lines of an N-Triples document, language tags in canonical case, sorted."""
    lines = {_canonical(line) for line in ntriples.decode("utf-8").splitlines() if line.strip()}
    return sorted(lines)


def language_tag(tag: str) -> str:
    """RFC 5646's case for a tag: ``zh-hans`` → ``zh-Hans``, ``zh-tw`` → ``zh-TW``, ``en`` → ``en``."""
    parts = tag.lower().split("-")
    for index in range(1, len(parts)):
        if len(parts[index - 1]) == 1:  # after a singleton (x-, u-) everything stays lower case
            break
        if len(parts[index]) == 4:
            parts[index] = parts[index].title()
        elif len(parts[index]) == 2:
            parts[index] = parts[index].upper()
    return "-".join(parts)


def turtle(lines: Iterable[str], prefixes: Mapping[str, str]) -> str:
    """A Turtle document of the sorted N-Triples ``lines``, with the ``prefixes`` it uses."""
    used: set[str] = set()
    body = _blocks(lines, prefixes, used)
    header = "".join(f"@prefix {name}: <{prefixes[name]}> .\n" for name in sorted(used))
    return header + "\n" + body if body else header


def trig(graphs: Iterable[tuple[str | None, list[str]]], prefixes: Mapping[str, str]) -> str:
    """A TriG document: each (graph IRI or None for the default graph, sorted lines) as a block."""
    used: set[str] = set()
    blocks = []
    for name, lines in graphs:
        body = _blocks(lines, prefixes, used)
        if not body:
            continue
        indented = "".join(f"    {line}\n" if line else "\n" for line in body.rstrip("\n").split("\n"))
        opening = "{" if name is None else f"<{name}> {{"
        blocks.append(f"{opening}\n{indented}}}\n")
    header = "".join(f"@prefix {name}: <{prefixes[name]}> .\n" for name in sorted(used))
    return header + "\n" + "\n".join(blocks)


def _canonical(line: str) -> str:
    """A line with its language tag in canonical case, and an integral xsd:decimal written
    ``"4.0"`` as the files always wrote it (the store keeps decimals as numbers, ``"4"``)."""
    found = _LANGUAGE_AT_END.search(line)
    if found is not None:
        return f'{line[:found.start()]}"@{language_tag(found.group(1))} .'
    found = _WHOLE_DECIMAL_AT_END.search(line)
    if found is not None:
        return f'{line[:found.start()]}"{found.group(1)}.0"^^<{_DECIMAL}> .'
    return line


def _blocks(lines: Iterable[str], prefixes: Mapping[str, str], used: set[str]) -> str:
    """One block per subject: ``s p o1, o2 ;\\n    p2 o3 .``, blocks apart by a blank line."""
    namespaces = sorted(((iri, name) for name, iri in prefixes.items()), key=lambda item: -len(item[0]))
    out: list[str] = []
    subject = predicate = None
    for line in lines:
        s, rest = line.split(" ", 1)
        p, rest = rest.split(" ", 1)
        o = rest[:-2]  # drop " ."
        if s != subject:
            if subject is not None:
                out.append(" .\n\n")
            out.append(f"{_term(s, namespaces, used)} {_predicate(p, namespaces, used)} {_object(o, namespaces, used)}")
            subject, predicate = s, p
        elif p != predicate:
            out.append(f" ;\n    {_predicate(p, namespaces, used)} {_object(o, namespaces, used)}")
            predicate = p
        else:
            out.append(f",\n        {_object(o, namespaces, used)}")
    if subject is not None:
        out.append(" .\n")
    return "".join(out)


def _predicate(term: str, namespaces, used: set[str]) -> str:
    return "a" if term == _RDF_TYPE else _term(term, namespaces, used)


def _object(term: str, namespaces, used: set[str]) -> str:
    if not term.startswith('"'):
        return _term(term, namespaces, used)
    typed = _DATATYPE.search(term)
    if typed is None:
        return term
    if typed.group(1) == _INTEGER and _DIGITS.fullmatch(term[1:typed.start() - 1]):
        return term[1:typed.start() - 1]  # Turtle's shorthand, the same lexical form
    return term[:typed.start()] + "^^" + _term(f"<{typed.group(1)}>", namespaces, used)


def _term(term: str, namespaces, used: set[str]) -> str:
    """An IRI as a prefixed name where one of ``namespaces`` fits, else as it is."""
    if not term.startswith("<"):
        return term  # a blank node
    iri = term[1:-1]
    for namespace, name in namespaces:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            used.add(name)
            return f"{name}:{iri[len(namespace):]}"
    return term
