"""Answers kept: what ``kg query`` printed for a query over the same files, read back instead of asked again.

On a million-triple build ``kg query`` takes about 3 s of CPU to load the store and up to a
second more for a named query that returns tens of thousands of rows (most of it the
engine sorting strings). The printed answer is kept in the answer cache under a key made of
the query as bound, the output format, the identity of each data file (its real path,
size, modification time and inode: a build publishes each version of its files into a
directory of its own and never rewrites one), pyoxigraph's version and a digest of the
modules that write the answer (:data:`WRITERS`); the same question over the same files is then answered from there, without
loading the store. A query that calls a function whose value differs from run to run (``NOW()``,
``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()``) has no key: it is asked each time, as
``kg serve`` never keeps its answer either. A kept answer that cannot be read is a miss,
never an error, and one that cannot be written is not kept.

A build of :data:`ANSWERED_AHEAD_FROM` pages or more leaves the named queries (their default
parameters, every output of ``kg query``) to a process of its own that outlives it
(:func:`answer_later`): it loads the published ``kg.trig`` and keeps the answers beside it, in
the version directory the build published (:data:`PRECOMPUTED`), under the keys ``kg query``
computes over that ``kg.trig``: an asking once they are kept is read back (:func:`precomputed`),
and so is ``kg serve``'s (:mod:`kg.server.built`); one before asks the engine, as it would with no
answers kept. (Until the forty-fifth session the build answered them itself while it wrote its
files, in two forked processes: about 17 s of CPU at a million triples, on the build's critical
path; the process after it takes about 20 s of CPU with the store loaded again, at a lower
priority, after the build has returned.) A new build publishes a new directory, so a kept answer
never outlives the files it answers. A build after an edit, which splices its files in seconds,
does the same. The same process then keeps each named query's answers with the other parameters
users ask it (:func:`kg.query.answered_ahead`: the languages, a summit's first numbers), which
the engine answers in 0.2 to 2.4 s of CPU on a million-triple build.

    >>> import tempfile
    >>> kept = AnswerCache(Path(tempfile.mkdtemp()))
    >>> key = answer_key("ASK { ?s ?p ?o }", "json", [Path("tests/data/query/fixture.trig")])
    >>> kept.get(key) is None
    True
    >>> kept.put(key, b'{"head":{},"boolean":true}')
    >>> kept.get(key)
    b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

#: Where ``kg query`` keeps answers unless told otherwise (beside the build's page cache).
DEFAULT_DIR = Path(".kg-cache/answers")
#: Most answers kept; the least recently used beyond it are removed as new ones come.
MOST_KEPT = 256
#: Longest answer kept (bytes): a longer one is asked again each time.
LONGEST = 256 * 1024 * 1024
_SUFFIX = ".answer"
#: The directory, beside the files a build published, that holds the named queries' answers.
PRECOMPUTED = "answers"
#: The file the precomputed answers answer (the one that keeps every graph).
ANSWERED = "kg.trig"
#: The outputs of ``kg query`` (:class:`kg.query.Output`) a build answers each named query in.
OUTPUTS = ("table", "csv", "tsv", "json")
_PENDING = ".pending"
#: How much lower the priority of the process that answers after an edit is (:func:`answer_later`).
LATER_NICENESS = 10
#: Pages a full build has from which the named queries' answers with other parameters than their
#: defaults (:func:`kg.query.answered_ahead`) are kept too, by a process after it (:func:`answer_later`):
#: on a million-triple build about 65 s of CPU, four times the defaults', which the build keeps itself.
ANSWERED_AHEAD_FROM = 50
#: What tells :func:`answer_later`'s process to answer only the texts with other parameters.
AHEAD_ONLY = "ahead"
#: CPU seconds a build gives each named query (``kg query``'s default ``--timeout``); one past it is asked by ``kg query``.
BUILD_SECONDS = 10.0
#: A query function whose value differs from run to run (the twin of kg serve's in kg/server/responses.py).
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
_PACKAGE = Path(__file__).resolve().parent
#: The files of kg that decide what ``kg query`` prints for an answer, besides the query's
#: text, the data and pyoxigraph: reading and guarding the query, loading the files (and
#: JSON-LD's context), running it and writing the answer. Their digest is read in about a
#: millisecond; kg's whole code (:func:`kg.cache.code_version`) in 40.
WRITERS = ("answers.py", "cli/query.py", "contexts/skg.jsonld", "iris.py", "jsonld_guard.py", "query.py", "query_guard.py",
           "store.py", "vocab.py")


def answer_key(sparql: str, output: str, paths: Sequence[Path]) -> str | None:
    """The key of ``sparql``'s answer printed as ``output`` over ``paths``; None when a file
    cannot be looked at (then the query runs, and says what is wrong with it) or the query
    calls a function whose value differs from run to run.

    >>> answer_key("SELECT (RAND() AS ?r) {}", "json", [Path("tests/data/query/fixture.trig")]) is None
    True
    """
    if _VOLATILE.search(sparql):
        return None
    import pyoxigraph

    from kg.store import identities

    files = identities(paths)
    if files is None:
        return None
    described = json.dumps([_writers_digest(), pyoxigraph.__version__, output, sparql, files], ensure_ascii=False)
    return hashlib.sha256(described.encode("utf-8")).hexdigest()


@cache
def _writers_digest() -> str:
    digest = hashlib.sha256()
    for name in WRITERS:
        digest.update(name.encode("utf-8") + b"\0" + (_PACKAGE / name).read_bytes())
    return digest.hexdigest()


class AnswerCache:
    """Printed answers in ``directory``, one file per key (written whole, by rename)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, key: str) -> bytes | None:
        """The answer kept under ``key``, or None."""
        path = self.directory / f"{key}{_SUFFIX}"
        try:
            answer = path.read_bytes()
            os.utime(path)  # recently used: kept longest
        except OSError:
            return None
        return answer

    def put(self, key: str, answer: bytes) -> None:
        """Keeps ``answer`` under ``key`` (not when it is longer than :data:`LONGEST`), then
        removes the least recently used answers beyond :data:`MOST_KEPT`."""
        if len(answer) > LONGEST:
            return
        temporary = self.directory / f".{key}.{os.getpid()}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(answer)
            os.replace(temporary, self.directory / f"{key}{_SUFFIX}")
        except OSError:
            _remove(temporary)
            return
        self._prune()

    def _prune(self) -> None:
        try:
            kept = [(entry.stat().st_mtime_ns, entry.path) for entry in os.scandir(self.directory)
                    if entry.name.endswith(_SUFFIX)]
        except OSError:
            return
        for _, path in sorted(kept, reverse=True)[MOST_KEPT:]:
            _remove(path)


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:  # gone already, or never made
        pass


def precomputed(key: str, paths: Sequence[Path]) -> bytes | None:
    """The answer a build kept under ``key`` beside the one file of ``paths`` (its ``kg.trig``), or None.

    Read only: the build's directory may not be writable by whoever asks.
    """
    if len(paths) != 1 or Path(paths[0]).name != ANSWERED:
        return None
    try:
        return (Path(os.path.realpath(paths[0])).parent / PRECOMPUTED / f"{key}{_SUFFIX}").read_bytes()
    except OSError:
        return None


#: A page asked of a query: LIMIT and OFFSET (either, or both in either order) after its text.
_PAGE = re.compile(r"\s(?:LIMIT\s+(?P<limit>\d+)(?:\s+OFFSET\s+(?P<offset>\d+))?"
                   r"|OFFSET\s+(?P<offset_first>\d+)(?:\s+LIMIT\s+(?P<limit_last>\d+))?)\s*\Z", re.IGNORECASE)


class Answered:
    """The texts of the queries a build answered, each told from any other query asked in a
    lookup or two: its first characters, then the text itself or, for a page, the text before
    its ``LIMIT`` and ``OFFSET``.

    >>> answered = Answered(["SELECT ?s { ?s ?p ?o } ORDER BY ?s\\n"])
    >>> answered.paged("SELECT ?s { ?s ?p ?o } ORDER BY ?s\\n")
    ('SELECT ?s { ?s ?p ?o } ORDER BY ?s\\n', 0, None)
    >>> answered.paged("SELECT ?s { ?s ?p ?o } ORDER BY ?s\\nOFFSET 20 limit 10")
    ('SELECT ?s { ?s ?p ?o } ORDER BY ?s\\n', 20, 10)
    >>> answered.paged("SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 10 OFFSET 20 LIMIT 3") is None
    True
    >>> answered.paged("SELECT ?s { ?s ?p ?o } ORDER BY ?s ") is None  # not the text answered
    True
    """

    #: How many of a text's first characters tell it from most other queries in one lookup.
    HEAD = 48

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = {text.rstrip(): text for text in texts}  # by the text without its trailing white space
        self.head = min([self.HEAD, *(len(key) for key in self.texts)])
        self.heads = frozenset(key[: self.head] for key in self.texts)

    def paged(self, sparql: str) -> tuple[str, int, int | None] | None:
        """(the text, the first row, the most rows) when ``sparql`` is a text answered, as it is or
        with ``LIMIT`` and ``OFFSET`` after it (a page of the answer kept whole); None otherwise."""
        if sparql[: self.head] not in self.heads:
            return None
        whole = self.texts.get(sparql.rstrip())
        if whole is not None:
            return (whole, 0, None) if whole == sparql else None
        page = _PAGE.search(sparql)
        if page is None:
            return None
        whole = self.texts.get(sparql[: page.start() + 1].rstrip())
        if whole is None:
            return None
        limit, offset = page["limit"] or page["limit_last"], page["offset"] or page["offset_first"]
        return whole, int(offset or 0), int(limit) if limit is not None else None


def page_of(answer: bytes, output: str, rows: int, first: int, most: int | None) -> bytes | None:
    r"""Rows ``first`` to ``first + most`` of ``answer``, a SELECT answer of ``rows`` rows that
    :func:`answer_named_queries` kept as ``output`` (json, csv or tsv), as the engine writes the
    query with that ``OFFSET`` and ``LIMIT`` (its order is total: the same rows, cut); None when
    it cannot be cut safely here (a value that holds what parts its rows), or for another output.

    >>> json = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"a"}},{"s":{"type":"literal","value":"b"}}]}}'
    >>> page_of(json, "json", 2, 1, 5)
    b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"b"}}]}}'
    >>> page_of(b"?s\n\"a\"\n\"b\"\n", "tsv", 2, 0, 1)
    b'?s\n"a"\n'
    """
    last = None if most is None else first + most
    if output == "json":
        head, found, bindings = answer.partition(b'"bindings":[')
        if not found or not bindings.endswith(b"]}}"):
            return None
        bindings = bindings[:-3]
        parts = bindings.split(b"},{") if rows else []
        if len(parts) != rows:  # a value holds "},{": the rows cannot be told apart by it
            return None
        if parts:
            parts[0], parts[-1] = parts[0][1:], parts[-1][:-1]
        return head + b'"bindings":[' + b",".join(b"{" + part + b"}" for part in parts[first:last]) + b"]}}"
    ending = {"csv": b"\r\n", "tsv": b"\n"}.get(output)
    if ending is None:
        return None
    lines = answer.split(ending)
    if len(lines) != rows + 2 or lines[-1]:  # the header, the rows, and nothing after the last ending
        return None
    return ending.join([lines[0], *lines[1:-1][first:last], b""])


def answer_named_queries(store, directory: Path, *, seconds: float, ahead: bool = False) -> tuple[str, ...]:
    """Every named query with its default parameters (``ahead``: with each other value it is answered
    in ahead, :func:`kg.query.answered_ahead`), asked of ``store`` (the store whose files
    are being written into ``directory``) and written in each of :data:`OUTPUTS` as
    ``kg query`` prints it, into ``directory/answers`` under a name that says which; returns those
    names, for :func:`keep_answered` to key once ``kg.trig`` is written. A query past ``seconds``
    of CPU time, or that fails, is left out: ``kg query`` asks it itself.

    The engine answers each query once, in SPARQL JSON; the table, CSV and TSV are made from one
    reading of that answer, each distinct term's forms once for all the queries
    (:func:`kg.query.printed_each`): the same bytes as asking each again.
    """
    from kg.errors import QueryError, QueryTimeout
    from kg.query import Cells, Output, ResultFormat, execute_within, printed_each

    folder = directory / PRECOMPUTED
    folder.mkdir(exist_ok=True)
    outputs = [Output(output) for output in OUTPUTS]
    cells = Cells()
    names = []
    for asked, text in _texts(ahead=ahead).items():
        try:
            # checked: the package's own texts, which the query guard accepts (tests/test_query.py asks each
            # through it); reading them again with rdflib's parser cost about 1.6 s of CPU a build
            answer = execute_within(seconds, store, text, written_as=ResultFormat.JSON, checked=True)
        except (QueryError, QueryTimeout):
            continue
        for output, printed in printed_each(answer, outputs, cells).items():
            name = f"{asked}.{output.value}{_PENDING}"
            (folder / name).write_bytes(printed)
            names.append(name)
    return tuple(names)


def _texts(*, ahead: bool) -> dict[str, str]:
    """The texts answered, by a name for their answers' files: each named query's own (its name), or
    (``ahead``) each of its texts with other parameters (its name, ``+`` and the text's number)."""
    from kg.query import answered_ahead, named_queries

    if not ahead:
        return {query.name: query.text for query in named_queries()}
    return {f"{query.name}+{number}": text for query in named_queries()
            for number, text in enumerate(answered_ahead(query), 1)}


def keep_answered(directory: Path, names: Sequence[str]) -> None:
    """The answers :func:`answer_named_queries` wrote into ``directory/answers``, each renamed to
    its key over ``directory/kg.trig`` (written whole by now)."""
    texts = {**_texts(ahead=False), **_texts(ahead=True)}
    folder = directory / PRECOMPUTED
    for name in names:
        asked, output = name.removesuffix(_PENDING).rsplit(".", 1)
        key = answer_key(texts[asked], output, [directory / ANSWERED])
        if key is not None:
            os.replace(folder / name, folder / f"{key}{_SUFFIX}")


def answer_later(directory: Path, *, defaults: bool = True) -> None:
    """The named queries answered over ``directory/kg.trig`` (published, whole) and kept beside it
    by a new process in a session of its own, at a lower priority, which this one does not wait
    for (``python -m kg.answers DIRECTORY NICENESS [ahead]``): with their default parameters
    (unless ``defaults`` is false), then with the others they are
    answered in ahead (:func:`kg.query.answered_ahead`). Nothing is said if it cannot start:
    ``kg query`` then asks the engine, as it does until the answers are kept."""
    from kg.pool import leave_behind

    leave_behind("kg.answers", str(directory), str(LATER_NICENESS), *([] if defaults else [AHEAD_ONLY]))


def _answer_published(directory: Path, *, defaults: bool = True) -> None:
    """What :func:`answer_later` starts: the answers of ``directory``'s ``kg.trig``, kept beside it,
    the default parameters' first (unless ``defaults`` is false). A directory removed meanwhile (a
    newer build published) keeps nothing."""
    from kg.store import load_store

    trig = directory / ANSWERED
    key = answer_key("", "json", [trig])
    store = load_store([trig])
    for ahead in (False, True) if defaults else (True,):
        names = answer_named_queries(store, directory, seconds=BUILD_SECONDS, ahead=ahead)
        if answer_key("", "json", [trig]) != key:  # the file answered is no longer the one published
            return
        keep_answered(directory, names)


if __name__ == "__main__":
    import sys

    try:
        if len(sys.argv) > 2:
            from kg.pool import lower_priority

            lower_priority(int(sys.argv[2]))
        _answer_published(Path(sys.argv[1]), defaults=sys.argv[3:] != [AHEAD_ONLY])
    except Exception:  # noqa: BLE001 - no one waits to be told: kg query asks the engine instead
        sys.exit(1)
