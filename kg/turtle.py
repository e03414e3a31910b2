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

import io
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from operator import eq
from typing import TextIO

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LANGUAGE_AT_END = re.compile(r'"@([A-Za-z0-9-]+) \.$')
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_DATATYPE = re.compile(r'\^\^<([^>]*)>$')
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_WHOLE_DECIMAL_AT_END = re.compile(r'"([+-]?[0-9]+)"\^\^<' + re.escape(_DECIMAL) + r'> \.$')
_DIGITS = re.compile(r"[+-]?[0-9]+")
_DECIMAL_END = f"<{_DECIMAL}> ."
#: How many terms a writer remembers the written form of (the predicates, classes and
#: entities met again and again), so that its memory does not grow with the corpus.
REMEMBERED = 50_000


def canonical_lines(ntriples: bytes) -> list[str]:
    """The distinct lines of an N-Triples document, language tags in canonical case, sorted.

    Lines end at a line feed only: a literal may hold U+2028, U+2029 or U+0085 as they are
    (the serialisers escape only the ASCII line ends), which ``str.splitlines`` would break at.
    Sorted as a list, not a set: the store writes a graph's lines nearly in order, which
    the sort finds in one pass, and lines the same once canonical are next to each other then
    (a fifth less at a build's scale)."""
    lines = [line if (last := line[-3:-2]) == '"' or last == ">" and not line.endswith(_DECIMAL_END)
             else _canonical(line) if line.strip() else "" for line in ntriples.decode("utf-8").split("\n")]
    lines.sort()
    if any(map(eq, lines, islice(lines, 1, None))):  # a triple in several graphs, or written twice
        lines = list(dict.fromkeys(lines))
    return lines[1:] if lines and not lines[0] else lines  # blank lines


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


_tag = lru_cache(maxsize=1024)(language_tag)  # a corpus writes a handful of tags, on a third of its lines


def turtle(lines: Iterable[str], prefixes: Mapping[str, str]) -> str:
    """A Turtle document of the sorted N-Triples ``lines``, with the ``prefixes`` it uses."""
    text = io.StringIO()
    write_turtle(text, lines, prefixes)
    return text.getvalue()


def trig(graphs: Iterable[tuple[str | None, list[str]]], prefixes: Mapping[str, str]) -> str:
    """A TriG document: each (graph IRI or None for the default graph, sorted lines) as a block."""
    text = io.StringIO()
    write_trig(text, graphs, prefixes)
    return text.getvalue()


def write_turtle(stream: TextIO, lines: Iterable[str], prefixes: Mapping[str, str]) -> None:
    """:func:`turtle` written to ``stream`` a subject at a time (the body waits in a temporary
    file while the prefixes it uses are found), so no whole document is held in memory."""
    names = _Names(prefixes)
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as body:
        for index, block in enumerate(_blocks(lines, names)):
            body.write(f"\n{block}" if index else block)
        _header(stream, prefixes, names.used)
        if body.tell():
            stream.write("\n")
            body.seek(0)
            shutil.copyfileobj(body, stream)


def write_trig(stream: TextIO, graphs: Iterable[tuple[str | None, list[str]]], prefixes: Mapping[str, str]) -> None:
    """:func:`trig` written to ``stream`` a graph at a time, as :func:`write_turtle` writes Turtle."""
    names = _Names(prefixes)
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as body:
        first = True
        for name, lines in graphs:
            text = "\n".join(_blocks(lines, names))
            if not text:
                continue
            indented = "".join(f"    {line}\n" if line else "\n" for line in text.rstrip("\n").split("\n"))
            opening = "{" if name is None else f"<{name}> {{"
            body.write(f"{'' if first else chr(10)}{opening}\n{indented}}}\n")
            first = False
        _header(stream, prefixes, names.used)
        stream.write("\n")
        body.seek(0)
        shutil.copyfileobj(body, stream)


def _header(stream: TextIO, prefixes: Mapping[str, str], used: set[str]) -> None:
    stream.write("".join(f"@prefix {name}: <{prefixes[name]}> .\n" for name in sorted(used)))


def _canonical(line: str) -> str:
    """A line with its language tag in canonical case, and an integral xsd:decimal written
    ``"4.0"`` as the files always wrote it (the store keeps decimals as numbers, ``"4"``).
    A line whose object ends in ``>`` (an IRI or a datatype) has no language tag, and one
    whose object ends in ``"`` (a plain literal) neither a tag nor a datatype: most lines
    are told apart by that one character, without a pattern."""
    last = line[-3:-2]
    if last == ">":
        return _whole_decimal(line) if line.endswith(_DECIMAL_END) else line
    if last == '"':
        return line
    at = line.rfind('"@')  # a tag holds no quote: only the last '"@' can open it
    if at >= 0 and _LANGUAGE_AT_END.match(line, at):
        return f'{line[:at]}"@{_tag(line[at + 2:-2])} .'
    return _whole_decimal(line)


def _whole_decimal(line: str) -> str:
    found = _WHOLE_DECIMAL_AT_END.search(line)
    if found is not None:
        return f'{line[:found.start()]}"{found.group(1)}.0"^^<{_DECIMAL}> .'
    return line


def _blocks(lines: Iterable[str], names: _Names) -> Iterator[str]:
    """One block per subject, ``s p o1, o2 ;\\n    p2 o3 .\\n``; a document puts a blank line between them.

    An IRI object, met again and again, is looked up in the terms the writer remembers here,
    not through a call each (about a tenth of the writing); a plain or tagged literal is
    written as it is."""
    block: list[str] = []
    subject = predicate = None
    known, used, term, predicate_of = names._known, names.used, names.term, names.predicate
    for line in lines:
        s, p, o = line[:-2].split(" ", 2)  # drop " ."
        if o[0] != '"':  # an IRI or a blank node
            found = known.get(o)
            if found is None:
                o = term(o)
            else:
                o, prefix = found
                if prefix is not None:
                    used.add(prefix)
        elif o[-1] == ">":  # a typed literal
            o = names.object(o)
        if s != subject or p != predicate:
            written = predicate_of(p)
            if s != subject:
                if block:
                    block.append(" .\n")
                    yield "".join(block)
                block = [f"{term(s)} {written} {o}"]
                subject = s
            else:
                block.append(f" ;\n    {written} {o}")
            predicate = p
        else:
            block.append(f",\n        {o}")
    if block:
        block.append(" .\n")
        yield "".join(block)


class _Names:
    """Terms as Turtle writes them, each IRI's prefixed name worked out once, and the prefixes used."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._namespaces = sorted(((iri, name) for name, iri in prefixes.items()), key=lambda item: -len(item[0]))
        self._prefixed = _prefixer(self._namespaces)
        self._known: dict[str, tuple[str, str | None]] = {}
        self.used: set[str] = set()

    def term(self, term: str) -> str:
        """An IRI as a prefixed name where a namespace fits, else as it is (a blank node too)."""
        known = self._known.get(term)
        if known is None:
            if len(self._known) >= REMEMBERED:  # a corpus's IRIs are many: remember the recent ones
                self._known.clear()
            known = self._known[term] = self._prefixed(term)
        if known[1] is not None:
            self.used.add(known[1])
        return known[0]

    def predicate(self, term: str) -> str:
        return "a" if term == _RDF_TYPE else self.term(term)

    def object(self, term: str) -> str:
        if not term.startswith('"'):
            return self.term(term)
        if not term.endswith(">"):
            return term  # a plain or language-tagged literal
        typed = _DATATYPE.search(term)
        if typed is None:
            return term
        if typed.group(1) == _INTEGER and _DIGITS.fullmatch(term[1:typed.start() - 1]):
            return term[1:typed.start() - 1]  # Turtle's shorthand, the same lexical form
        return term[:typed.start()] + "^^" + self.term(f"<{typed.group(1)}>")


class SubjectBlocks:
    """One subject's block at a time, with a bit mask of the prefixes it uses (bit i: the i-th of
    the ``prefixes`` given), the bytes :func:`_blocks` writes for the same lines.

    The published files render a block for each of about a million subjects (kg.ttl, and kg.trig
    a graph's subjects): each term's written form and prefix bit is looked up in one dict, each
    predicate's separator and written form in another, and each line is split once after the
    subject they share, so a line costs a few look-ups, not two calls for its predicate and a
    set of prefixes per block (about a fifth less a block)."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._names = _Names(prefixes)
        self._bits = {name: 1 << index for index, name in enumerate(prefixes)}
        self._terms: dict[str, tuple[str, int]] = {}
        self._predicates: dict[str, dict[str, tuple[str, int]]] = {}  # by indent

    def block(self, lines: Sequence[str], indent: str = "") -> tuple[str, int]:
        """The block of ``lines`` (sorted, one subject), after a line feed and ``indent``, each of
        its lines indented by ``indent`` (TriG's blocks inside a graph), and its prefixes' mask."""
        terms, term = self._terms, self._term
        predicates = self._predicates.get(indent) or self._predicates.setdefault(indent, {})
        first = lines[0]
        cut = first.index(" ") + 1
        head, mask = terms.get(first[:cut - 1]) or term(first[:cut - 1])
        parts = [f"\n{indent}{head}"]
        more = f",\n{indent}        "
        predicate = None
        for line in lines:
            p, _, o = line[cut:-2].partition(" ")
            if o[0] != '"' or o[-1] == ">":  # an IRI, a blank node or a typed literal (a plain one is as it is)
                o, bit = terms.get(o) or term(o)
                mask |= bit
            if p == predicate:
                parts.append(more + o)
            else:
                written, bit = predicates.get(p) or self._predicate(p, indent)
                mask |= bit
                parts.append(written + o)
                predicate = p
        parts[1] = " " + parts[1][len(indent) + 7:]  # the first predicate follows the subject, not " ;\n"
        parts.append(" .\n")
        return "".join(parts), mask

    def _term(self, term: str) -> tuple[str, int]:
        """``term`` as :class:`_Names` writes it (an object or a subject) and its prefix's bit, remembered."""
        names = self._names
        if term[0] == '"':  # a typed literal: its datatype may be a prefixed name
            names.used = set()
            written = names.object(term)
            bit = sum(self._bits[name] for name in names.used)
        else:
            written, prefix = names._prefixed(term)
            bit = 0 if prefix is None else self._bits[prefix]
        if len(self._terms) >= REMEMBERED:  # a corpus's terms are many: remember the recent ones
            self._terms.clear()
        found = self._terms[term] = (written, bit)
        return found

    def _predicate(self, term: str, indent: str) -> tuple[str, int]:
        written, bit = ("a", 0) if term == _RDF_TYPE else self._terms.get(term) or self._term(term)
        found = self._predicates[indent][term] = (f" ;\n{indent}    {written} ", bit)
        return found


def _prefixer(namespaces: list[tuple[str, str]]) -> Callable[[str], tuple[str, str | None]]:
    """:func:`_prefixed` over ``namespaces`` as one pattern: its alternatives are tried in their
    order, a namespace whose local part is no name given up for the next, as the loop does
    (about a quarter of the time: an entity's IRI, whose local part is no name, met every
    namespace in turn)."""
    if not namespaces:
        return lambda term: _prefixed(term, namespaces)
    names: dict[str, str] = {}
    for namespace, name in namespaces:
        names.setdefault(namespace, name)
    pattern = re.compile("(" + "|".join(re.escape(namespace) for namespace, _ in namespaces) + ")" + _LOCAL.pattern)
    match = pattern.fullmatch

    def prefixed(term: str) -> tuple[str, str | None]:
        if not term.startswith("<"):
            return term, None  # a blank node
        found = match(term, 1, len(term) - 1)
        if found is None:
            return term, None
        name = names[found.group(1)]
        return f"{name}:{term[found.end(1):-1]}", name

    return prefixed


def _prefixed(term: str, namespaces: list[tuple[str, str]]) -> tuple[str, str | None]:
    """An IRI as a prefixed name and the prefix it uses, or as it is and None."""
    if not term.startswith("<"):
        return term, None  # a blank node
    iri = term[1:-1]
    for namespace, name in namespaces:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{name}:{iri[len(namespace):]}", name
    return term, None
