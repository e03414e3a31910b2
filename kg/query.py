"""Named queries and local SPARQL: resolve a query, bind its parameters, run it, write it out.

A named query is a ``.rq`` file in ``queries/`` whose header says what it asks::

    # title: Every summit in date order
    # description: ...
    # param: lang string — the language tag to label things in

Each parameter is a variable that the query fixes with a one-value ``VALUES ?lang { "zh-Hans" }``
block, which is also its default; binding a parameter rebuilds that block from the RDF
term pyoxigraph writes for the value, in one pass over the query as written, so a value
can never change the shape of the query, and the files run unchanged in any SPARQL tool.

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> store = load_store([Path("tests/data/query/fixture.trig")])
    >>> query = resolve("summits-per-place")
    >>> result = execute(store, bind(query, {"lang": "zh-Hant"}))
    >>> len(result.rows) > 0
    True
"""

from __future__ import annotations

import gc
import json
import re
import threading
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    parse_query_results,
    serialize,
)

from kg.errors import QueryError, QueryTimeout
from kg.query_guard import check_query, read
from kg.sandbox import deny_network
from kg.iris import DEFAULT_BASE, PREFIX_IRIS

#: Where the named queries live.
QUERIES_DIR = Path(__file__).resolve().parent / "queries"  # a link to the repository's queries/, shipped as package data

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)\s*(?:[—–-]+\s*(.*))?$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

Term = NamedNode | BlankNode | Literal | Triple


class ParamKind(Enum):
    """What a parameter's value is written as."""

    STRING = "string"
    IRI = "iri"
    INTEGER = "integer"

    def term(self, value: str) -> NamedNode | Literal:
        """The RDF term for ``value``; raises :class:`QueryError` when it is not one."""
        if self is ParamKind.STRING:
            return Literal(value)
        if self is ParamKind.INTEGER:
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise QueryError(f"parameter value {value!r} is not an integer")
            return Literal(str(int(value)), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        try:
            return NamedNode(value.strip("<>"))
        except ValueError:
            raise QueryError(f"parameter value {value!r} is not an absolute IRI") from None


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: the variable it fixes and what it means."""

    name: str
    kind: ParamKind
    description: str
    default: str  # the value of the query's own VALUES block, as written there


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with the header that says what it asks."""

    name: str  # the file's stem, or "<inline>" for a query given as text
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    origin: str  # the file it came from, or "<inline>"


@dataclass(frozen=True)
class Solutions:
    """The answer of a SELECT query: variable names and rows of terms (None when unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]


@dataclass(frozen=True)
class Boolean:
    """The answer of an ASK query."""

    value: bool


@dataclass(frozen=True)
class Triples:
    """The answer of a CONSTRUCT or DESCRIBE query, sorted."""

    triples: tuple[Triple, ...]


Result = Solutions | Boolean | Triples


class ResultFormat(Enum):
    """Formats of SELECT and ASK results (SPARQL 1.1 Query Results)."""

    JSON = QueryResultsFormat.JSON
    XML = QueryResultsFormat.XML
    CSV = QueryResultsFormat.CSV
    TSV = QueryResultsFormat.TSV

    @property
    def media_type(self) -> str:
        return self.value.media_type


@dataclass(frozen=True)
class Written:
    """A SELECT or ASK answer as the engine wrote it in a results format, language tags as minted."""

    data: bytes
    result_format: ResultFormat


class GraphFormat(Enum):
    """Formats of CONSTRUCT and DESCRIBE results."""

    TURTLE = RdfFormat.TURTLE
    JSON_LD = RdfFormat.JSON_LD
    N_TRIPLES = RdfFormat.N_TRIPLES
    RDF_XML = RdfFormat.RDF_XML  # what SPARQLWrapper asks for by default

    @property
    def media_type(self) -> str:
        return self.value.media_type


# --- named queries ---------------------------------------------------------------------


def parse_named_query(text: str, *, name: str, origin: str) -> NamedQuery:
    """A query with its header read.

    Raises :class:`QueryError` when a declared parameter has no ``VALUES ?name { … }``
    block with one value to replace, or an unknown kind.
    """
    fields: dict[str, str] = {"title": "", "description": ""}
    declared: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header is None:
            continue
        key, value = header.groups()
        if key != "param":
            fields[key] = value
            continue
        param = _PARAM.match(value)
        if param is None:
            raise QueryError(f"{origin}: bad header '# param: {value}'; write '# param: NAME KIND — meaning'")
        declared.append((param[1], param[2], param[3] or ""))
    params = tuple(_param(text, name=n, kind=k, description=d, origin=origin) for n, k, d in declared)
    return NamedQuery(name, fields["title"], fields["description"], params, text, origin)


def _param(text: str, *, name: str, kind: str, description: str, origin: str) -> Param:
    try:
        param_kind = ParamKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in ParamKind)
        raise QueryError(f"{origin}: parameter {name} has unknown kind {kind!r}; use one of {kinds}") from None
    blocks = _values_block(name).findall(text)
    if len(blocks) != 1:
        raise QueryError(f"{origin}: parameter {name} needs exactly one 'VALUES ?{name} {{ default }}' block")
    return Param(name, param_kind, description, blocks[0].strip())


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+[?$]" + re.escape(name) + r"\s*\{([^{}]*)\}", re.IGNORECASE)


def named_queries(directory: Path = QUERIES_DIR) -> tuple[NamedQuery, ...]:
    """Every ``.rq`` file of ``directory``, by name."""
    return tuple(_read(path) for path in sorted(directory.glob("*.rq")))


def _read(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise QueryError(f"{path}: cannot read the query: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise QueryError(f"{path}: not UTF-8 text (byte {error.start}); save the query as UTF-8") from None
    return parse_named_query(text, name=path.stem, origin=str(path))


def resolve(spec: str, *, directory: Path = QUERIES_DIR) -> NamedQuery:
    """The query ``spec`` names: a named query, SPARQL text itself (it has a ``{``), or a file.

    Raises :class:`QueryError` when no named query or file has that name.
    """
    if _NAME.match(spec):
        path = directory / f"{spec}.rq"
        if path.is_file():
            return _read(path)
        raise QueryError(f"no named query {spec!r}; `kg query --list` shows them")
    if "{" in spec:  # every query form has a group pattern; no query file name does
        return parse_named_query(spec, name="<inline>", origin="<inline>")
    path = Path(spec)
    if not path.is_file():
        raise QueryError(f"{spec}: no such query file (and not SPARQL: it has no {{ … }})")
    return _read(path)


def bind(query: NamedQuery, values: Mapping[str, str]) -> str:
    """The query's SPARQL with each given parameter's ``VALUES`` block set to its value.

    The blocks are found in the query as written and each is rebuilt from the RDF term
    pyoxigraph writes for its value, in one pass: no value is ever read again as query
    text, so none can change the query's shape (a value that looks like another
    parameter's block stays a string).

    Raises :class:`QueryError` for a parameter the query does not declare, or a value
    that is not of the parameter's kind.
    """
    params = {param.name: param for param in query.params}
    terms = {}
    for name, value in sorted(values.items()):
        param = params.get(name)
        if param is None:
            known = ", ".join(params) or "none"
            raise QueryError(f"query {query.name} has no parameter {name!r} (its parameters: {known})")
        terms[name] = param.kind.term(value)
    if not terms:
        return query.text
    blocks = re.compile("|".join(f"(?P<{name}>{_values_block(name).pattern})" for name in terms), re.IGNORECASE)
    return blocks.sub(lambda match: f"VALUES ?{match.lastgroup} {{ {terms[match.lastgroup]} }}", query.text)


#: The values a build of many pages answers each parameter in ahead, besides the query's default
#: (:mod:`kg.answers`): the languages its names are asked in (both scripts, English, and ``zh``
#: and ``*``, which match several tags of each name) and a summit's first ten numbers in its series.
#: Asked of the engine on a million-triple build, most named queries take 0.2 to 2.4 s of CPU in
#: any of them (their answers have thousands of rows); read back, tens of milliseconds.
ANSWERED_AHEAD: Mapping[str, tuple[str, ...]] = {
    "lang": ("zh-Hans", "zh-Hant", "en", "zh", "*"),
    "ordinal": tuple(str(number) for number in range(1, 11)),
}


def answered_ahead(query: NamedQuery) -> tuple[str, ...]:
    """The texts of ``query`` a build answers ahead besides its own: each value of
    :data:`ANSWERED_AHEAD` for a parameter the query has, other than its default, bound alone
    (the other parameters keep theirs).

    >>> [text.count('"en"') for text in answered_ahead(resolve("labels"))]
    [0, 1, 0, 0]
    >>> answered_ahead(resolve("sanity"))
    ()
    """
    texts = []
    for param in query.params:
        default = param.kind.term(param.default.strip().strip('"'))
        for value in ANSWERED_AHEAD.get(param.name, ()):
            if param.kind.term(value) != default:
                texts.append(bind(query, {param.name: value}))
    return tuple(texts)


# --- running -----------------------------------------------------------------------------


def execute(
    store: Store,
    sparql: str,
    *,
    max_results: int | None = None,
    allow_service: bool = False,
    default_graphs: Sequence[NamedNode] = (),
    named_graphs: Sequence[NamedNode] = (),
    deadline: float | None = None,
    written_as: ResultFormat | None = None,
    checked: bool = False,
) -> Result | Written:
    """The answer of ``sparql`` over ``store`` (the union of its graphs unless graphs are given).

    ``checked``: the caller has had :func:`~kg.query_guard.check_query` accept this text with
    this ``allow_service`` already (``kg serve``'s query workers: their HTTP process did), so it
    is not read again (the verdict is the same, and reading needs rdflib's parser, about 27 MB
    in a process that otherwise holds none of rdflib).

    With ``written_as`` (and no ``max_results``), a SELECT answer, or an ASK answer in JSON
    or XML, is written by the engine itself in that format as it is read, with no Python
    object per row (a 60,000-row answer costs the query and no more); the bytes are those
    :func:`write_results` gives for the same answer.

    Raises :class:`QueryError` when the query does not parse, is an update, is too long or
    too deeply nested, calls a remote ``SERVICE`` while that is not allowed (see
    :mod:`kg.query_guard`), or has more than ``max_results`` rows or triples; raises
    :class:`~kg.errors.QueryTimeout` when ``deadline`` (a :func:`time.monotonic` instant)
    passes while the answer is read.
    """
    if not checked:
        check_query(sparql, allow_service=allow_service)
    try:
        answer = store.query(
            sparql,
            use_default_graph_as_union=not default_graphs,
            default_graph=list(default_graphs) or None,
            named_graphs=list(named_graphs) or None,
        )
    except SyntaxError as error:
        hint = " (this endpoint is read-only)" if read(sparql).looks_like_update else ""
        raise QueryError(f"the query does not parse: {error}{hint}") from None
    except (OSError, RuntimeError) as error:
        raise QueryError(f"the query failed: {error}") from None
    if written_as is not None and max_results is None and (
        isinstance(answer, QuerySolutions)
        or isinstance(answer, QueryBoolean) and written_as not in (ResultFormat.CSV, ResultFormat.TSV)
    ):
        return Written(_written(answer, written_as, deadline), written_as)
    if isinstance(answer, QueryBoolean):
        return Boolean(bool(answer))
    try:
        if isinstance(answer, QuerySolutions):
            variables = tuple(v.value for v in answer.variables)
            rows = _bounded((tuple(row[v] for v in variables) for row in answer), max_results, "rows", deadline)
            return Solutions(variables, rows)
        return Triples(tuple(sorted(set(_bounded(iter(answer), max_results, "triples", deadline)), key=str)))
    except (OSError, RuntimeError) as error:
        raise QueryError(f"the query failed: {error}") from None


#: How many times its limit of CPU time a query may take in wall time (see :func:`execute_within`).
WALL_FACTOR = 10


def execute_within(seconds: float, store: Store, sparql: str, **options) -> Result | Written:
    """:func:`execute`, stopped once it has used ``seconds`` of CPU time, or ten times that of
    wall time: the engine runs in a thread that is abandoned (and dies with the process) when
    time is up, and that may open no IP socket (:func:`kg.sandbox.deny_network`) unless
    ``allow_service`` is given.

    The limit is the thread's CPU time because a machine busy with other work slows a query's
    wall time, not its work: on two cores shared by a dozen processes, ``labels`` on a
    million-triple build (1.3 s of CPU) took over 10 s of wall time and was stopped.

    Raises :class:`~kg.errors.QueryTimeout` when the query did not finish in time, and
    whatever :func:`execute` raises.
    """
    outcome: list = []
    started = time.monotonic()
    wall = seconds * WALL_FACTOR
    used = _CpuTime()

    def run() -> None:
        used.start()
        if not options.get("allow_service"):
            deny_network()  # this thread may open no IP socket: the engine has no federation switch
        try:
            outcome.append(execute(store, sparql, deadline=started + wall, **options))
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            outcome.append(error.with_traceback(None))
        gc.collect()  # the engine's result iterators may only be dropped on the thread that made them

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    while worker.is_alive() and time.monotonic() - started < wall and used.seconds() < seconds:
        worker.join(min(0.05, seconds))
    if not outcome:
        raise QueryTimeout(f"the query used more than {seconds:g} s (of CPU time, or {wall:g} s of wall time) and was "
                           "stopped; add LIMIT, narrow it, or raise --timeout")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


class _CpuTime:
    """The CPU seconds a thread has used, read from another thread (its wall seconds where the
    system has no clock per thread; what was last read once the thread has ended)."""

    def __init__(self) -> None:
        self.clock: int | None = None
        self.began = 0.0
        self.last = 0.0

    def start(self) -> None:
        """Called on the thread to watch, first."""
        self.began = time.monotonic()
        try:
            self.clock = time.pthread_getcpuclockid(threading.get_ident())
        except (AttributeError, OSError):
            self.clock = None

    def seconds(self) -> float:
        if self.began == 0.0:
            return 0.0
        if self.clock is None:
            return time.monotonic() - self.began
        try:
            self.last = time.clock_gettime(self.clock)
        except OSError:  # the thread has ended
            pass
        return self.last


def _written(answer: QuerySolutions | QueryBoolean, result_format: ResultFormat, deadline: float | None) -> bytes:
    """``answer`` written by the engine in ``result_format``, language tags as minted; stopped at ``deadline``."""
    sink = _Sink(deadline)
    try:
        answer.serialize(sink, format=result_format.value)
    except QueryTimeout:
        raise QueryTimeout(f"the query was still writing its answer after its time limit ({sink.size:,} bytes so far)") from None
    except (OSError, RuntimeError) as error:
        raise QueryError(f"the query failed: {error}") from None
    return minted_tags(b"".join(sink.parts), xml=result_format is ResultFormat.XML)


class _Sink:
    """Where the engine writes an answer: its parts, until ``deadline`` passes."""

    def __init__(self, deadline: float | None) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.deadline = deadline

    def write(self, data: bytes) -> int:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeout("late")
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def _bounded(items, limit: int | None, what: str, deadline: float | None = None) -> tuple:
    kept = []
    for item in items:
        kept.append(item)
        if limit is not None and len(kept) > limit:
            raise QueryError(f"the result has more than {limit} {what}, the limit here; "
                             f"ask for it a page at a time (LIMIT {limit} OFFSET …) or narrow the query")
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeout(f"the query was still reading its answer after its time limit ({len(kept)} {what} so far)")
    return tuple(kept)


# --- writing -----------------------------------------------------------------------------


def write_results(result: Solutions | Boolean, result_format: ResultFormat) -> bytes:
    """SELECT or ASK results in a SPARQL 1.1 results format, language tags as minted.

    Raises :class:`QueryError` for an ASK result in CSV or TSV, which cannot hold one.
    """
    if isinstance(result, Boolean) and result_format in (ResultFormat.CSV, ResultFormat.TSV):
        raise QueryError(f"an ASK result cannot be written as {result_format.name}; use JSON or XML")
    solutions = parse_query_results(_results_json(result), format=QueryResultsFormat.JSON)
    return minted_tags(solutions.serialize(format=result_format.value), xml=result_format is ResultFormat.XML)


def write_graph(result: Triples, graph_format: GraphFormat) -> bytes:
    """CONSTRUCT or DESCRIBE results in an RDF format, with our prefixes and language tags as minted."""
    prefixes = dict(PREFIX_IRIS)
    if graph_format is GraphFormat.N_TRIPLES:
        prefixes = None
    text = serialize(list(result.triples), format=graph_format.value, prefixes=prefixes)
    return minted_tags(text, xml=graph_format is GraphFormat.RDF_XML)


def minted_case(tag: str) -> str:
    """A language tag in the case it was minted in (BCP 47's: ``zh-Hant-TW``); Oxigraph lower-cases them.

    >>> minted_case("zh-hant-tw"), minted_case("en"), minted_case("zh-hans")
    ('zh-Hant-TW', 'en', 'zh-Hans')
    """
    first, *rest = tag.split("-")
    parts = [first.lower()]
    for part in rest:
        parts.append(part.title() if len(part) == 4 and part.isalpha() else part.upper() if len(part) == 2 else part.lower())
    return "-".join(parts)


_TAG = rb"[A-Za-z]+(?:-[A-Za-z0-9]+)*"
#: A JSON key naming a language (SPARQL JSON results, JSON-LD) and its value.
_JSON_TAG = re.compile(rb'(?P<key>"(?:xml:lang|@language)"\s*:\s*)"(?P<tag>' + _TAG + rb')"')
#: Every quoted string whole, and the tag after it if any, so a quote or an @ inside one is never
#: read as a tag (N-Triples, Turtle, TSV). Two passes, each one pattern: ten times faster than one
#: pattern with both alternatives (Python's matcher tries them at every quote).
_STRING_TAG = re.compile(rb'"[^"\\\n]*(?:\\.[^"\\\n]*)*"(?:@(?P<tag>' + _TAG + rb'))?')
#: An xml:lang attribute inside a tag (a raw < never occurs in XML text, a raw > never inside a tag).
_XML_LANG = re.compile(rb'(?P<before><[^<>]*\sxml:lang=")(?P<tag>' + _TAG + rb')"')


def minted_tags(text: bytes, *, xml: bool = False) -> bytes:
    r"""RDF or SPARQL results text with its language tags written back in the case they were
    minted in (Oxigraph lower-cases them); ``xml`` for RDF/XML and SPARQL XML results.

    >>> minted_tags(rb'<a> <b> "say \"hi\"@en" . <a> <b> "@zh-hant"@zh-hant .')
    b'<a> <b> "say \\"hi\\"@en" . <a> <b> "@zh-hant"@zh-Hant .'
    >>> minted_tags(b'{"l":{"type":"literal","value":"@zh-hant","xml:lang":"zh-hant"}}')
    b'{"l":{"type":"literal","value":"@zh-hant","xml:lang":"zh-Hant"}}'
    >>> minted_tags(b'<literal xml:lang="zh-hant">xml:lang="zh-hant"</literal>', xml=True)
    b'<literal xml:lang="zh-Hant">xml:lang="zh-hant"</literal>'
    """
    if xml:
        return _XML_LANG.sub(lambda m: m["before"] + minted_case(m["tag"].decode()).encode() + b'"', text)

    if b'"@' in text:  # a string followed by a tag (or JSON-LD's keys); else there is none to change
        text = _STRING_TAG.sub(_minted_after_string, text)
    if b'"xml:lang"' in text or b'"@language"' in text:
        text = _JSON_TAG.sub(lambda found: found["key"] + b'"' + _minted_case_bytes(found["tag"]) + b'"', text)
    return text


def _minted_after_string(found: re.Match) -> bytes:
    tag = found["tag"]
    return found[0] if tag is None else found[0][: -len(tag)] + _minted_case_bytes(tag)


@lru_cache(maxsize=256)
def _minted_case_bytes(tag: bytes) -> bytes:
    return minted_case(tag.decode()).encode()


def _results_json(result: Solutions | Boolean) -> bytes:
    if isinstance(result, Boolean):
        return json.dumps({"head": {}, "boolean": result.value}).encode()
    bindings = [
        {name: _term_json(term) for name, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}).encode()


def _term_json(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    return {
        "type": "triple",
        "value": {"subject": _term_json(term.subject), "predicate": _term_json(term.predicate), "object": _term_json(term.object)},
    }


def short(term: Term | None) -> str:
    """A term as a person reads it: prefixed IRIs, our entities as ``id:kind/key`` with the
    key decoded, bare strings, ``text@lang``.

    >>> short(NamedNode("https://w3id.org/summit-kg/ontology#Summit"))
    'skg:Summit'
    >>> short(NamedNode("https://w3id.org/summit-kg/id/person/%E9%A9%AC%E8%8B%B1%E4%B9%9D"))
    'id:person/马英九'
    """
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return _short_iri(term.value)
    if isinstance(term, Literal):
        language = term.language
        return f"{term.value}@{_minted_case_cached(language)}" if language else term.value
    return str(term)


def _short_iri(value: str) -> str:
    if value.startswith(DEFAULT_BASE) and len(value) > len(DEFAULT_BASE):
        return "id:" + _unquoted(value[len(DEFAULT_BASE):])
    for prefix, namespace in PREFIX_IRIS.items():
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{value[len(namespace):]}"
    return value


#: A run of percent-escaped bytes in an IRI.
_ESCAPED = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _unquoted(text: str) -> str:
    """``urllib.parse.unquote(text)``, each run of escapes decoded at once (a fifth of its time).

    >>> _unquoted("person/%E9%A9%AC%E8%8B%B1%E4%B9%9D%20x%zz%E9")
    'person/马英九 x%zz\ufffd'
    """
    if "%" not in text:
        return text
    return _ESCAPED.sub(lambda run: bytes.fromhex(run[0].replace("%", "")).decode("utf-8", "replace"), text)


@lru_cache(maxsize=256)
def _minted_case_cached(tag: str) -> str:
    return minted_case(tag)


def render_table(result: Solutions | Boolean) -> str:
    """Results as an aligned text table (or ``true``/``false``) for a terminal."""
    if isinstance(result, Boolean):
        return "true" if result.value else "false"
    said: dict = {None: ("", 0)}  # a term's short form and its width, made once per table (classes, summits and places recur)

    def shortened(term: Term | None) -> tuple[str, int]:
        text = said.get(term)
        if text is None:
            short_form = short(term)
            text = said[term] = (short_form, _width(short_form))
        return text

    return _drawn(result.variables, [[shortened(term) for term in row] for row in result.rows])


def table_of_json(data: bytes) -> str | None:
    """:func:`render_table` of a SELECT answer the engine wrote in SPARQL JSON, drawn from the
    JSON as read by :func:`json.loads`, without the engine reading it back into terms (a table
    of 100,000 rows: about 0.8 → 0.2 s of CPU); None for an answer it leaves to the engine (a
    boolean, a quoted triple)."""
    answer = json.loads(data)
    if "results" not in answer:
        return None
    empty = ("", 0)
    iris: dict[str, tuple[str, int]] = {}  # short forms and widths, made once per table as render_table makes them
    literals: dict[tuple[str, str | None], tuple[str, int]] = {}

    def shortened(term: dict | None) -> tuple[str, int]:
        if term is None:
            return empty
        value = term["value"]
        if term["type"] == "uri":
            text = iris.get(value)
            if text is None:
                short_form = _short_iri(value)
                text = iris[value] = (short_form, _width(short_form))
            return text
        key = (value, term.get("xml:lang"))
        text = literals.get(key)
        if text is None:
            if term["type"] == "literal":
                short_form = f"{value}@{_minted_case_cached(key[1])}" if key[1] else value
            elif term["type"] == "bnode":
                short_form = f"_:{value}"
            else:
                raise _Unwritten
            text = (short_form, _width(short_form))
            if term["type"] == "literal":
                literals[key] = text
        return text

    variables = answer["head"].get("vars", [])
    try:
        rows = [[shortened(binding.get(name)) for name in variables] for binding in answer["results"]["bindings"]]
    except _Unwritten:
        return None
    return _drawn(variables, rows)


class _Unwritten(Exception):
    """A term :func:`table_of_json` leaves to the engine to read."""


_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Datatypes whose literals the engine's TSV writes as ``"value"^^<datatype>`` whatever their value.
_QUOTED_DATATYPES = frozenset(_XSD + name for name in ("date", "dateTime", "gYear", "gYearMonth", "anyURI"))
#: Numbers the engine's TSV writes bare, as Turtle would (another value of these datatypes it quotes).
_BARE = {_XSD + "integer": re.compile(r"[+-]?[0-9]+"), _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         _XSD + "boolean": re.compile(r"true|false")}
#: What the engine's TSV escapes in a string (any other character, control characters too, as it is).
_TSV_ESCAPES = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_TSV_ESCAPED = re.compile(r'["\\\n\r\t]')
#: What makes the engine's CSV quote a literal's value.
_CSV_QUOTED = re.compile(r'["\n\r,]')
_WHOLE_TAG = re.compile(_TAG.decode())


class Cells:
    """Each distinct term of SPARQL JSON answers as :func:`printed_each` prints it: its short form
    and width in a table, its CSV and its TSV, made once for every answer printed with the same
    ``Cells`` (a build's named queries share most of their entities and labels), up to
    :attr:`MOST` terms kept. A term it cannot be sure to write as the engine does raises
    :class:`_Unwritten`.
    """

    EMPTY = ("", 0, "", "")
    #: Terms kept at most (about half a kilobyte each): past it they are forgotten before the next answer.
    MOST = 100_000

    def __init__(self) -> None:
        self.known: dict[tuple, tuple[str, int, str, str]] = {}

    def of(self, term: dict | None) -> tuple[str, int, str, str]:
        """The cell of ``term`` (a SPARQL JSON term, None when unbound), made now if it is new."""
        if term is None:
            return self.EMPTY
        key = tuple(term.values())  # the same term is written the same way: its type, value, then tag or datatype
        try:
            return self.known[key]
        except KeyError:
            pass
        except TypeError:  # a quoted triple: a term within a term
            raise _Unwritten from None
        cell = self.known[key] = _cell(term)
        return cell


def _cell(term: dict) -> tuple[str, int, str, str]:
    """A term's short form, its width, its CSV and its TSV (:class:`Cells`)."""
    kind, value = term.get("type"), term.get("value")
    if not isinstance(value, str):
        raise _Unwritten
    if kind == "uri" and len(term) == 2:  # the engine writes an IRI in CSV as it is, a comma in it too
        short_form = _short_iri(value)
        return short_form, _width(short_form), value, f"<{value}>"
    if kind == "bnode" and len(term) == 2:
        return f"_:{value}", _width(value) + 2, f"_:{value}", f"_:{value}"
    language, datatype = term.get("xml:lang"), term.get("datatype")
    if kind != "literal" or len(term) != 2 + (language is not None) + (datatype is not None) or (language and datatype):
        raise _Unwritten
    if language is not None:
        if not _WHOLE_TAG.fullmatch(language):
            raise _Unwritten
        tag = _minted_case_cached(language)  # as minted_tags writes it back in the engine's TSV
        short_form, tsv = f"{value}@{tag}", f"{_tsv_string(value)}@{tag}"
    elif datatype is None:
        short_form, tsv = value, _tsv_string(value)
    elif datatype in _BARE and _BARE[datatype].fullmatch(value):
        short_form, tsv = value, value
    elif datatype in _QUOTED_DATATYPES or datatype in _BARE:  # a number not in Turtle's short form is quoted
        short_form, tsv = value, f"{_tsv_string(value)}^^<{datatype}>"
    else:
        raise _Unwritten
    csv = f'"{value.replace(chr(34), chr(34) * 2)}"' if _CSV_QUOTED.search(value) else value
    return short_form, _width(short_form), csv, tsv


def _tsv_string(value: str) -> str:
    """``value`` quoted as the engine's TSV writes a string."""
    return f'"{value.translate(_TSV_ESCAPES)}"' if _TSV_ESCAPED.search(value) else f'"{value}"'


def printed_each(answer: Result | Written, outputs: Sequence[Output], cells: Cells | None = None) -> dict[Output, bytes]:
    """:func:`printed_from` for each of ``outputs``, the table, CSV and TSV of a SELECT answer the
    engine wrote in SPARQL JSON made from one reading of it (:func:`json.loads`) and each distinct
    term's forms (``cells``: shared by the answers of one build), not by the engine reading the JSON
    back twice and our pass over its TSV to mint the tags; the same bytes. An answer with a term
    :class:`Cells` leaves to the engine is printed by :func:`printed_from`.
    """
    printed = {}
    if isinstance(answer, Written) and answer.result_format is ResultFormat.JSON:
        drawn = _drawn_each(answer.data, cells or Cells())
        if drawn is not None:
            printed = {output: drawn[output.value] for output in outputs if output.value in drawn}
            if Output.JSON in outputs:
                printed[Output.JSON] = answer.data
    return {output: printed[output] if output in printed else printed_from(answer, output) for output in outputs}


def _drawn_each(data: bytes, cells: Cells) -> dict[str, bytes] | None:
    """The table, CSV and TSV of a SELECT answer in SPARQL JSON; None for one left to the engine."""
    answer = json.loads(data)
    variables = answer["head"].get("vars") if "results" in answer else None
    if not variables:
        return None
    if len(cells.known) > cells.MOST:
        cells.known.clear()
    known, of, empty = cells.known, cells.of, Cells.EMPTY
    rows = []
    try:
        for binding in answer["results"]["bindings"]:
            try:
                rows.append([known[tuple(binding[name].values())] if name in binding else empty for name in variables])
            except (KeyError, TypeError):  # a term met for the first time
                rows.append([of(binding.get(name)) for name in variables])
    except _Unwritten:
        return None
    table = _drawn(variables, rows)
    csv_of, tsv_of = itemgetter(2), itemgetter(3)
    csv_lines = [",".join(variables), *[",".join(map(csv_of, row)) for row in rows], ""]
    tsv_lines = ["\t".join("?" + name for name in variables), *["\t".join(map(tsv_of, row)) for row in rows], ""]
    return {"table": (table + "\n").encode("utf-8"), "csv": minted_tags("\r\n".join(csv_lines).encode("utf-8")),
            "tsv": "\n".join(tsv_lines).encode("utf-8")}


def _drawn(variables: Sequence[str], rows: list[list[tuple]]) -> str:
    """The table of ``rows`` (each cell's text and width first) under the ``variables``: drawn a
    column at a time, each distinct cell of a column padded once (entities and labels recur)."""
    head = [(name, _width(name)) for name in variables]
    columns = list(zip(*rows)) if rows else [() for _ in variables]
    widths = [max(size, max(map(itemgetter(1), column), default=0)) for (_, size), column in zip(head, columns)]
    padded = [_padded(column, width) for column, width in zip(columns, widths)]
    lines = ["  ".join([text + " " * (width - size) for (text, size), width in zip(head, widths)]).rstrip(),
             "  ".join("-" * width for width in widths)]
    lines.extend([line.rstrip() for line in map("  ".join, zip(*padded))])
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def _padded(column: Sequence[tuple], width: int) -> list[str]:
    """Each cell of ``column`` as its text padded to ``width`` columns."""
    said: dict[tuple, str] = {}
    cells = []
    for cell in column:
        text = said.get(cell)
        if text is None:
            text = said[cell] = cell[0] + " " * (width - cell[1])
        cells.append(text)
    return cells


class _Widths(dict):
    """What :func:`_width` measures each character as: a wide or fullwidth one (CJK) as two
    characters, any other as itself; each looked up once per process, then read by ``str.translate``."""

    def __missing__(self, code: int) -> str | int:
        measured = self[code] = "WW" if unicodedata.east_asian_width(chr(code)) in "WF" else code
        return measured


_WIDTHS = _Widths()


def _width(text: str) -> int:
    """Display width: CJK and other wide characters take two columns.

    >>> _width("id:person/马英九"), _width("abc"), _width("")
    (16, 3, 0)
    """
    if text.isascii():
        return len(text)
    return len(text.translate(_WIDTHS))


class Output(Enum):
    """What ``kg query`` prints: SELECT/ASK as a table, CSV, TSV or SPARQL JSON results;
    CONSTRUCT/DESCRIBE as Turtle (table), JSON-LD (json) or N-Triples (csv, tsv)."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"


def written_format(output: Output) -> ResultFormat | None:
    """The results format ``output`` writes a SELECT answer in, None for a table."""
    return None if output is Output.TABLE else ResultFormat[output.name]


def written_from(answer: Result | Written, output: Output) -> Result | Written:
    """What asking again for ``output`` would give, from an ``answer`` the engine wrote in SPARQL
    JSON (a graph or a boolean answer is the same whatever the output): the engine reads it back and
    writes CSV or TSV, or gives its rows for a table.
    """
    if not isinstance(answer, Written) or output is Output.JSON:
        return answer
    solutions = parse_query_results(answer.data, format=QueryResultsFormat.JSON)
    if isinstance(solutions, QueryBoolean):
        return Boolean(bool(solutions))
    if output is Output.TABLE:
        variables = tuple(v.value for v in solutions.variables)
        return Solutions(variables, tuple(map(tuple, solutions)))  # each row's values in the order of its variables
    written = ResultFormat[output.name]
    return Written(minted_tags(solutions.serialize(format=written.value)), written)


def render(result: Result | Written, output: Output) -> bytes:
    """A result as ``kg query`` prints it (a :class:`Written` one as it was written)."""
    if isinstance(result, Written):
        return result.data
    if isinstance(result, Triples):
        graph_format = {Output.TABLE: GraphFormat.TURTLE, Output.JSON: GraphFormat.JSON_LD}
        return write_graph(result, graph_format.get(output, GraphFormat.N_TRIPLES))
    if output is Output.TABLE or (isinstance(result, Boolean) and output is not Output.JSON):
        return (render_table(result) + "\n").encode("utf-8")
    return write_results(result, ResultFormat[output.name])


def printed_from(answer: Result | Written, output: Output) -> bytes:
    """``render(written_from(answer, output), output)``: what ``kg query`` prints for ``output``, from
    an answer the engine wrote in SPARQL JSON; a table is drawn from the JSON itself
    (:func:`table_of_json`) where it can be."""
    if output is Output.TABLE and isinstance(answer, Written) and answer.result_format is ResultFormat.JSON:
        drawn = table_of_json(answer.data)
        if drawn is not None:
            return (drawn + "\n").encode("utf-8")
    return render(written_from(answer, output), output)
