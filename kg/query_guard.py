"""What a SPARQL query may do here, decided before any engine runs it.

Two readers look at the text and the query is refused when either sees a ``SERVICE``
call (the engine would fetch from any address a query names): a lexer that reads the
terminals as the engine (Oxigraph) does, and rdflib's parser, whose parse tree is searched
for a ``ServiceGraphPattern`` at any depth. The lexer's comments end at CR or LF, ``\\#``
is part of a prefixed name, and ``\\u`` escapes are read only inside strings and IRIs,
where the engine reads them: the grammar says to expand them first, everywhere, and rdflib
does, but the engine does not, so an escaped quote (``"a\\u0022 …"``) that ends a string
for a reader that expands it first goes on for the engine, which would then run as code
what that reader took for a string. The engine also reads a keyword glued to what follows
it (``SERVICEex:x {…}`` is ``SERVICE ex:x {…}``, ``?s ?p trueSERVICE <x> {…}`` is ``true``
then SERVICE), so a word or a prefixed name's prefix that starts with SERVICE, or has it
after ``true``, ``false`` or the pieces of a number, is taken for one (``myservice:`` is a
name like any other). A query rdflib cannot read is
refused too: what this module cannot check does not run. The same pass bounds the
query's length and nesting, which is where the engine's own parser and planner crash
(3,000 nested groups overflow its stack).

    >>> check_query("SELECT * { ?s ?p ?o }").cheap
    False
    >>> check_query("SELECT * { # a comment ended by CR\\rSERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE calls to remote endpoints are disabled here; ask the operator to allow them
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import QueryError

#: Longest query text accepted (characters).
MAX_LENGTH = 100_000
#: Deepest nesting of ``{ ( [`` accepted: the named queries nest 6 deep, rdflib's parser
#: overflows its stack near 28 and the engine's near 3,000.
MAX_DEPTH = 20

_PARSER_LOCK = threading.Lock()

SERVICE_REFUSED = "SERVICE calls to remote endpoints are disabled here; ask the operator to allow them"

_UNESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_IRI_CHARS = r"[^<>\"{}|^`\\\x00-\x20]"
_PN_LOCAL_ESC = r"\\[_~.\-!$&'()*+,;=/?#@%]"
_PLX = r"%[0-9A-Fa-f]{2}|" + _PN_LOCAL_ESC
_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<comment>#[^\r\n]*)",
            r"(?P<string>'''(?:(?:''|')?(?:[^'\\]|\\.))*'''"
            r'|"""(?:(?:""|")?(?:[^"\\]|\\.))*"""'
            r"|'(?:[^'\\\n\r]|\\.)*'"
            r'|"(?:[^"\\\n\r]|\\.)*")',
            rf"(?P<iri><{_IRI_CHARS}*(?:(?:{_UCHAR}){_IRI_CHARS}*)*>)",
            r"(?P<variable>[?$]\w+)",
            rf"(?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w:]|{_PLX})(?:[\w.:-]|{_PLX})*|(?:[^\W\d][\w.-]*)?:)",
            rf"(?P<word>(?:[^\W\d]|{_UCHAR})\w*(?:(?:{_UCHAR})\w*)*)",  # escapes: the engine refuses them here, the guard first
            r"(?P<open>[{(\[])",
            r"(?P<close>[})\]])",
            r"(?P<other>.)",
        )
    ),
    re.DOTALL,
)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}
#: What may stand before the keyword SERVICE inside a word or a prefixed name's prefix as the
#: lexer reads it (upper-cased) and still be read by the engine as terms of their own, so that
#: SERVICE starts a keyword: nothing, ``true``/``false`` (``?s ?p trueSERVICE <x> {}``), and the
#: pieces of a number (``1e5SERVICE`` and ``1E-5SERVICEex:x``, which the lexer reads as ``1`` and
#: the name ``e5SERVICE`` or ``E-5SERVICEex:x``) and dots. The engine tries a prefixed name first
#: and, when its prefix is not declared, reads the text again as other terms, so
#: ``trueSERVICEex:x {}`` is ``true`` and then ``SERVICE ex:x {}``. After a letter of a name
#: (``myservice:``) the word is part of the name to the engine: ``tests/test_query_guard.py`` runs
#: each spelling against it, and ``make fuzz`` more.
_BEFORE_A_KEYWORD = re.compile(r"(?:TRUE|FALSE|E[+-]?[0-9]+|[0-9.+-])*")


@dataclass(frozen=True)
class Reading:
    """What the lexer saw: keywords outside strings, comments, IRIs and names (and the prefixes of
    prefixed names, with their colon), and nesting; and the query's shape: its text with each
    IRI and string replaced by a numbered stand-in (the same one for the same IRI) and each
    comment by a line break, unless it holds the word SERVICE (then ``kept`` is true)."""

    words: frozenset[str]
    depth: int
    shape: str = ""
    kept: bool = False

    @property
    def has_service(self) -> bool:
        return any(_holds_service(word) for word in self.words)

    @property
    def looks_like_update(self) -> bool:
        return bool(self.words & _UPDATE_WORDS)


def read(sparql: str) -> Reading:
    """The keywords and the deepest nesting of ``sparql``, read by the grammar's terminals as the engine reads them.

    >>> read("PREFIX a: <http://x/> SELECT * { ?s a:b\\\\#c ?o . SERVICE <http://y/> {} }").has_service
    True
    >>> read("SELECT * { ?s <http://x/SERVICE> 'SERVICE' } # SERVICE").has_service
    False
    >>> read("SELECT * { ?s ?p 'a\\\\u0027' SERVICE <http://y/> {} } # '").has_service  # the escaped quote ends no string
    True
    """
    words: set[str] = set()
    depth = deepest = 0
    shape: list[str] = []
    stand_ins: dict[str, str] = {}
    kept = False
    for token in _TOKEN.finditer(sparql):
        kind, value = token.lastgroup, token[0]
        if kind == "word":
            words.add(_unescaped(value).upper())
        elif kind == "pname":
            words.add(value[: value.index(":") + 1].upper())
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth -= 1
        elif kind in _STOOD_IN:
            if "service" in value.lower() or "\\" in value and "service" in _unescaped(value).lower():
                kept = True
            elif kind == "comment":
                value = "\n"
            else:
                value = stand_ins.setdefault(value, f"<x:{len(stand_ins)}>" if kind == "iri" else f'"{len(stand_ins)}"')
        shape.append(value)
    return Reading(frozenset(words), deepest, "".join(shape), kept)


def _holds_service(word: str) -> bool:
    """Whether the engine may read the keyword SERVICE in ``word`` (upper-cased).

    >>> _holds_service("SERVICEEX:"), _holds_service("TRUESERVICE"), _holds_service("E-5SERVICEEX:")
    (True, True, True)
    >>> _holds_service("MYSERVICE:"), _holds_service("WEBSERVICES:")
    (False, False)
    """
    start = word.find("SERVICE")
    while start != -1:
        if _BEFORE_A_KEYWORD.fullmatch(word, 0, start):
            return True
        start = word.find("SERVICE", start + 1)
    return False


def _unescaped(text: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)), text)


#: The tokens a query's shape does not keep: what they say changes no verdict.
_STOOD_IN = frozenset({"iri", "string", "comment"})


@dataclass(frozen=True)
class Verdict:
    """Whether a query may run here, and whether it is cheap enough to run without isolation."""

    problem: str | None
    cheap: bool = False


def check_query(sparql: str, *, allow_service: bool = False) -> Verdict:
    """Refuse ``sparql`` before it runs when it is too long, nests too deep, or calls SERVICE.

    The verdict says whether the query is *cheap*: one connected basic graph pattern
    whose every triple names a constant, with no filter, optional, union, aggregate,
    ordering, subquery or path operator, so the engine streams its answer in time linear
    in the data (see :func:`is_cheap`).

    Raises :class:`~kg.errors.QueryError` saying what is wrong, and what to do instead.
    """
    if len(sparql) > MAX_LENGTH:
        raise QueryError(f"the query is {len(sparql):,} characters long, more than {MAX_LENGTH:,} accepted here; shorten it")
    try:
        verdict = _verdict(sparql, allow_service)
    except _Unreadable:  # rdflib failed inside, not on the query: the lexer's reading stands, and
        verdict = Verdict(None, cheap=False)  # the query runs isolated, in a worker that cannot reach out
    if verdict.problem is not None:
        raise QueryError(verdict.problem)
    return verdict


class _Unreadable(Exception):
    """rdflib's parser failed for a reason of its own, not the query's."""


@lru_cache(maxsize=4096)
def _verdict(sparql: str, allow_service: bool) -> Verdict:
    reading = read(sparql)
    if reading.depth > MAX_DEPTH:
        return Verdict(f"the query is too complex: it nests {reading.depth} groups deep, more than {MAX_DEPTH} accepted here")
    if reading.has_service and not allow_service:
        return Verdict(SERVICE_REFUSED)
    verdict = _parsed_verdict(reading.shape, allow_service)
    if verdict.problem is not None:  # said again of the query itself, so that the message points into it
        said = _parsed_verdict(sparql, allow_service)
        # rdflib reads the query itself but not its shape: it may run, never in-process (rdflib expands
        # escapes everywhere, the engine only in strings and IRIs, so the two may not read it alike)
        return said if said.problem is not None else Verdict(None, cheap=False)
    if reading.kept and verdict.cheap:  # a string, IRI or comment holding SERVICE was parsed as written,
        return Verdict(None, cheap=False)  # escapes expanded: what rdflib read may not be what the engine runs
    return verdict


@lru_cache(maxsize=4096)
def _parsed_verdict(sparql: str, allow_service: bool) -> Verdict:
    """rdflib's reading of ``sparql``: of its shape first, which queries that differ only in
    their IRIs, strings and comments share, so a query asked with new values is not parsed
    again (a millisecond each); the shape keeps every word SERVICE the query holds."""
    text = sparql.replace("\r\n", "\n").replace("\r", "\n")  # rdflib ends comments at LF only
    try:
        tree = parsed_apart(text)
    except RecursionError:
        return Verdict("the query is too complex to read; simplify it")
    except Exception as error:  # noqa: BLE001 - sorted below: pyparsing is imported by the parse, on its own thread
        from pyparsing import ParseBaseException

        if not isinstance(error, ParseBaseException):  # an internal failure of rdflib's parser (seen: SystemError under load)
            raise _Unreadable(type(error).__name__) from error  # not cached: the next reading may succeed
        if allow_service:
            return Verdict(None)  # nothing to guard: let the engine say what is wrong
        if read(sparql).looks_like_update:
            return Verdict("this endpoint is read-only: SPARQL Update is refused")
        return Verdict(f"the query does not parse: {error.msg} (line {error.lineno}, column {error.col})")
    if _has_service(tree) and not allow_service:
        return Verdict(SERVICE_REFUSED)
    return Verdict(None, is_cheap(tree))


def parsed_apart(text: str, *, prepared: bool = False) -> object:
    """rdflib's parse tree of the SPARQL ``text`` (its prepared query with ``prepared``), read on
    a thread of its own, one at a time.

    pyparsing keeps each failed alternative's exception in a local of a frame that the
    exception's traceback holds: a reference cycle, freed only by the next cyclic garbage
    collection, that holds every frame of the stack that called the parser, with their
    locals (the store given to :func:`kg.validate.cross_article` stayed open after it
    returned, when the shapes' SPARQL was first read in it). On its own thread the
    parser's stack starts there, so these cycles hold nothing of the caller's; the parser
    is imported there too (pyparsing parses as it is imported). The lock: pyparsing's
    grammar objects are not safe to share between threads.

    Raises what the parser raises (without the parser's frames).
    """
    outcome: list = []

    def run() -> None:
        try:
            from rdflib.plugins.sparql import prepareQuery
            from rdflib.plugins.sparql.parser import parseQuery

            with _PARSER_LOCK:
                outcome.append((True, prepareQuery(text) if prepared else parseQuery(text)))
        except BaseException as error:  # noqa: BLE001 - raised again on the caller's thread
            outcome.append((False, error.with_traceback(None)))

    thread = threading.Thread(target=run, name="kg-sparql-parse")
    thread.start()
    thread.join()
    parsed, value = outcome.pop()
    if parsed:
        return value
    try:
        raise value
    finally:
        value = None  # a local naming the exception would make a cycle of it and this frame


#: Parse-tree nodes a cheap query may hold; anything else (Filter, OptionalGraphPattern,
#: GroupOrUnionGraphPattern, MinusGraphPattern, SubSelect, Aggregate_*, OrderClause, …)
#: makes it a query for the workers.
_CHEAP_NODES = {
    "PrefixDecl", "Base", "SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery", "vars",
    "GroupGraphPatternSub", "TriplesBlock", "PathAlternative", "PathSequence", "PathElt",
    "pname", "literal", "LimitOffsetClauses", "ConstructTriples", "DatasetClause",
}


def is_cheap(tree: object) -> bool:
    """Whether rdflib's parse tree is one connected basic graph pattern of constant-anchored triples.

    >>> from rdflib.plugins.sparql.parser import parseQuery
    >>> is_cheap(parseQuery("SELECT ?o { <http://x/a> ?p ?o . ?o a <http://x/C> } LIMIT 5"))
    True
    >>> is_cheap(parseQuery("SELECT * { ?a ?b ?c . ?d ?e ?f }"))
    False
    """
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import BNode, Variable

    nodes, triples = [], []
    stack = [tree]
    while stack:
        item = stack.pop()
        name = item.name if isinstance(item, CompValue) else None
        if name is not None:
            nodes.append((name, item))
        if name == "TriplesBlock":
            triples.extend(item["triples"])
        if name == "PathElt" and "mod" in item or name == "vars" and "expr" in item:
            return False
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    if any(name not in _CHEAP_NODES for name, _ in nodes):
        return False
    groups: dict = {}

    def root(variable):
        while groups.setdefault(variable, variable) != variable:
            variable = groups[variable]
        return variable

    for row in triples:
        terms = list(row)
        for start in range(0, len(terms) - 2, 3):
            triple = terms[start:start + 3]
            variables = [t for t in triple if isinstance(t, (Variable, BNode))]  # blank nodes join like variables
            if len(variables) == 3:
                return False  # ?s ?p ?o scans everything and anchors nothing
            for variable in variables:
                groups[root(variable)] = root(variables[0])
    components = {root(v) for v in list(groups)}
    return len(components) <= 1


def _has_service(node: object) -> bool:
    """Whether rdflib's parse tree holds a SERVICE pattern at any depth."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue) and item.name == "ServiceGraphPattern":
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return False
