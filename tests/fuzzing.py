"""A seeded mutation fuzzer for the project's inputs: articles, exports, queries and HTTP requests;
and a seeded generator of queries that try to hide a SERVICE call from the query guard.

Each area starts from real inputs (the bundled article, a build's exports, the named
queries, well-formed HTTP requests), mutates them with a seeded random generator (delete,
duplicate or truncate a span, insert or repeat a token of the area's syntax, flip a byte)
and runs what a user would run on them. A case is a **crash** when it ends in a
traceback, an exception, an exit code outside {0, 1, 2} or an HTTP 5xx other than 503; a
**hang** when it takes longer than ``HANG`` seconds; **data lost** when a user's file in
``--out`` is gone or changed, or a command that succeeded wrote output that does not parse.

Run bounded by ``make test`` (tests/test_fuzz.py) and longer by ``make fuzz``
(``KG_FUZZ_SECONDS`` per area; ``KG_FUZZ_SEED`` picks the seed).
"""

from __future__ import annotations

import http.client
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from click.testing import CliRunner
from pyoxigraph import RdfFormat, parse

#: Seconds after which a case counts as a hang.
HANG = 20.0

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = next((ROOT / "kg" / "corpus").glob("*.wiki"))
QUERIES = sorted((ROOT / "kg" / "queries").glob("*.rq"))
#: Real articles whose structures (infoboxes, tables, sections, a visit told day by day) are
#: spliced into one another.
CORPORA = (ROOT / "tests" / "data" / "realistic", ROOT / "tests" / "data" / "heldout")

ARTICLE_TOKENS = [
    "{{", "}}", "[[", "]]", "{{a|", "[[a|", "<ref>", "</ref>", "<ref name=x/>", "'''", "''", "\n== X ==\n", "\n=",
    "{|", "|}", "\n|-\n", "|", "<!--", "-->", "<nowiki>", "&#x1F600;", "&amp;", "{{lang|en|", "{{Start date|2018|9|",
    "第", "次", "年", "月", "日", "二〇一八年", "9999999999999999999999年", "\u0000", "\ufeff", "\u202e", "《", "》",
    "[http://example.org x]", "[[Category:", "[[File:", "<ref>{{cite web|url=http://x|title=", "\r",
]
RDF_TOKENS = [
    "<", ">", "\"", "'", "@", "^^", ".", ";", ",", "[", "]", "(", ")", "{", "}", "_:b", "@prefix", "PREFIX", "GRAPH",
    "\"2018-13-45\"^^<http://www.w3.org/2001/XMLSchema#date>", "\"x\"@--", "<http://127.0.0.1:9/>", "\\u0000",
    '"@context": "http://127.0.0.1:9/c"', '"@import"', "[" * 300, "{" * 300, "\u00ff", "\\", "#", "\n",
]
SPARQL_TOKENS = [
    "{", "}", "(", ")", "SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }", "# c\r", "\\#", "\\u0053ERVICE", "OPTIONAL",
    "UNION", "FILTER(", "?s ?p ?o .", "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "LIMIT 0", "ORDER BY", "GROUP BY",
    "COUNT(*)", "'''", '"', "<", ">", "a:b", "VALUES ?x { 1 }", "*", "+", "/", "^", "|", "{" * 40, "(" * 40,
    "INSERT DATA { <a> <b> <c> }", "LOAD <http://127.0.0.1:9/>", "\u0000", "\ufffd",
]
HTTP_TOKENS = [
    "\r\n", "\n", "\r", " ", ":", "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n", "Content-Length: -1\r\n",
    "Content-Length: 99999999999\r\n", "Host: \r\n", "Accept: */*;q=0.\r\n", "Accept-Language: zh;q=x\r\n",
    "Expect: 100-continue\r\n", "0\r\n\r\n", "%", "%ff", "%00", "/../", "?query=", "&", "=", "HTTP/1.0", "HTTP/9.9",
    "\x00", "\xff", "GET", "POST", "OPTIONS", "/sparql", "/id/", "/void", "/?lang=", "Connection: close\r\n",
]


@dataclass
class Tally:
    """What one area's run found."""

    area: str
    cases: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    exit_codes: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(self.exit_codes.items()))
        return (f"{self.area:10} {self.cases:6} cases  {len(self.crashes)} crashes  {len(self.hangs)} hangs  "
                f"{len(self.lost)} data lost   ({codes})")

    def count(self, outcome: str) -> None:
        self.exit_codes[outcome] = self.exit_codes.get(outcome, 0) + 1


class Mutator:
    """Seeded mutations of a text, with tokens of the area's syntax."""

    def __init__(self, seed: int, tokens: list[str]) -> None:
        self.random = random.Random(seed)
        self.tokens = tokens

    def mutate(self, text: str) -> str:
        for _ in range(self.random.randint(1, 4)):
            text = self._once(text)
        return text

    def _once(self, text: str) -> str:
        pick = self.random
        at = pick.randint(0, len(text))
        end = min(len(text), at + pick.randint(0, 200))
        operation = pick.randrange(7)
        if operation == 0:
            return text[:at] + text[end:]  # delete a span
        if operation == 1:
            return text[:end] + text[at:end] + text[end:]  # duplicate a span
        if operation == 2:
            return text[:at]  # truncate
        if operation == 3:
            return text[:at] + pick.choice(self.tokens) + text[at:]  # insert a token
        if operation == 4:
            return text[:at] + pick.choice(self.tokens) * pick.choice((2, 10, 100, 1000)) + text[at:]  # repeat it
        if operation == 5 and text:
            i = pick.randrange(len(text))
            return text[:i] + chr(pick.choice((0, 0x0D, 0x22, 0x3C, 0x7B, 0x5C, 0xFFFD, ord(text[i]) ^ 0x20))) + text[i + 1:]
        other = pick.randint(0, len(text))
        return text[:at] + text[other:other + 100] + text[at:]  # splice from elsewhere


def _budget(seconds: float, tally: Tally) -> Iterator[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        yield tally.cases
        tally.cases += 1


def _timed(tally: Tally, case: str, run: Callable[[], None]) -> None:
    started = time.monotonic()
    try:
        run()
    except Exception as error:  # noqa: BLE001 - a crash is what the fuzzer looks for
        tally.crashes.append(f"{case}: {type(error).__name__}: {str(error)[:200]}")
    if time.monotonic() - started > HANG:
        tally.hangs.append(f"{case}: {time.monotonic() - started:.1f} s")


def _cli(tally: Tally, case: str, args: list[str]):
    from kg.cli import main

    result = CliRunner().invoke(main, args, catch_exceptions=True)
    code = result.exit_code
    tally.count(f"exit {code}")
    crashed = (result.exception is not None and not isinstance(result.exception, SystemExit)) or "Traceback" in result.output \
        or "please report it with this page" in result.output  # kg extract's one line for an extractor that failed
    if crashed or code not in (0, 1, 2):
        detail = f"{type(result.exception).__name__}: {result.exception}" if result.exception else result.output[-300:]
        tally.crashes.append(f"{case}: exit {code}: {detail[:300]}")
    return result


# --- areas -------------------------------------------------------------------------------


def fuzz_articles(seconds: float, seed: int, work: Path) -> Tally:
    """Mutated articles through ``kg extract``, and every tenth through ``kg build`` into a
    --out that holds a user's file (it must survive, and what is published must parse)."""
    tally = Tally("articles")
    mutator = Mutator(seed, ARTICLE_TOKENS)
    original = ARTICLE.read_text(encoding="utf-8")
    out = work / "out"
    out.mkdir(parents=True, exist_ok=True)
    mine = out / "my-notes.txt"
    mine.write_text("the user's own file\n", encoding="utf-8")
    for case in _budget(seconds, tally):
        source = work / f"case{case % 2}.wiki"
        source.write_text(mutator.mutate(original), encoding="utf-8", errors="surrogatepass")
        if case % 10:
            _timed(tally, f"article {seed}/{case}", lambda: _cli(tally, f"article {seed}/{case}", ["extract", str(source)]))
            continue

        def build() -> None:
            result = _cli(tally, f"build {seed}/{case}", ["build", str(source), "--out", str(out)])
            if not mine.is_file() or mine.read_text(encoding="utf-8") != "the user's own file\n":
                tally.lost.append(f"build {seed}/{case}: the user's file in --out is gone or changed")
                mine.write_text("the user's own file\n", encoding="utf-8")
            if result.exit_code == 0:
                for name, rdf_format in (("kg.ttl", RdfFormat.TURTLE), ("kg.trig", RdfFormat.TRIG), ("kg.nt", RdfFormat.N_TRIPLES)):
                    try:
                        list(parse(path=out / name, format=rdf_format))
                    except (OSError, SyntaxError) as error:
                        tally.lost.append(f"build {seed}/{case}: published {name} does not parse: {error}")

        _timed(tally, f"build {seed}/{case}", build)
    return tally


def _blocks(text: str) -> list[str]:
    """An article's blocks: what blank lines separate (a paragraph, a table, a heading, an infobox)."""
    return [block for block in text.split("\n\n") if block.strip()]


def fuzz_splices(seconds: float, seed: int) -> Tally:
    """Articles made of real ones: an article of the corpora with one to four blocks of others
    (a table, a section's paragraph, an infobox) put in between its own, built as a page is in a
    build (:func:`kg.worker.build_page`). Real structures meet in combinations no one article
    has (two tables' rows of one day inside a visit the prose tells), which mutation of a single
    article does not reach. A **crash** is a page left out because building it failed (not one
    the shapes refuse, whose graph is told apart as ``refused``)."""
    from kg.source import Page
    from kg.worker import PageSettings, build_page

    tally = Tally("splices")
    pick = random.Random(seed)
    articles = sorted(path for corpus in CORPORA for path in corpus.glob("*.wiki"))
    blocks: dict[Path, list[str]] = {}

    def blocks_of(path: Path) -> list[str]:
        if path not in blocks:
            blocks[path] = _blocks(path.read_text(encoding="utf-8"))
        return blocks[path]

    settings = PageSettings()
    for case in _budget(seconds, tally):
        base = pick.choice(articles)
        text = list(blocks_of(base))
        donors = []
        for _ in range(pick.randint(1, 4)):
            donor = pick.choice(articles)
            donors.append(donor.stem)
            donated = pick.choice(blocks_of(donor) or [""])
            if pick.random() < 0.5:  # a table's row given to a table of the article, or said again
                rows = [i for i, block in enumerate(text) if "\n|-\n" in block]
                donated_rows = donated.split("\n|-\n")[1:] or [r for b in text for r in b.split("\n|-\n")[1:]]
                if rows and donated_rows:
                    at = pick.choice(rows)
                    own = text[at].split("\n|-\n")
                    own.insert(pick.randint(1, len(own)), pick.choice(donated_rows).split("\n|}")[0])
                    text[at] = "\n|-\n".join(own)
                    continue
            text.insert(pick.randint(0, len(text)), donated)
        name = f"splice {seed}/{case} ({base.stem} + {', '.join(donors)})"
        page = Page("\n\n".join(text), origin=f"{base.stem}.wiki", title=base.stem)

        def run() -> None:
            result = build_page(page, settings)
            reason = getattr(result, "reason", "")
            if reason.startswith("failed while") or reason.startswith("is nested too deeply"):
                tally.crashes.append(f"{name}: {reason[:300]}")
            elif reason.startswith("took longer"):
                tally.hangs.append(f"{name}: {reason[:120]}")
            tally.count("refused" if reason.startswith("does not conform") else "built" if not reason else "left out")

        _timed(tally, name, run)
    return tally


def fuzz_exports(seconds: float, seed: int, work: Path, build: Path) -> Tally:
    """Mutated exports (Turtle, TriG, N-Triples, JSON-LD) through ``kg validate`` and ``kg export``."""
    tally = Tally("exports")
    mutator = Mutator(seed, RDF_TOKENS)
    originals = {name: (build / name).read_text(encoding="utf-8") for name in ("kg.ttl", "kg.trig", "kg.nt", "kg.jsonld")}
    names = sorted(originals)
    for case in _budget(seconds, tally):
        name = names[case % len(names)]
        source = work / f"case{name[2:]}"
        source.write_text(mutator.mutate(originals[name]), encoding="utf-8", errors="surrogatepass")
        if case % 2:
            _timed(tally, f"validate {name} {seed}/{case}", lambda: _cli(tally, "validate", ["validate", str(source)]))
            continue
        target = work / "converted.nt"

        def export() -> None:
            result = _cli(tally, f"export {name} {seed}/{case}", ["export", str(source), "--format", "nt", "--out", str(target)])
            if result.exit_code == 0:
                try:
                    list(parse(path=target, format=RdfFormat.N_TRIPLES))
                except SyntaxError as error:
                    tally.lost.append(f"export {name} {seed}/{case}: wrote N-Triples that do not parse: {error}")

        _timed(tally, f"export {name} {seed}/{case}", export)
    return tally


def fuzz_queries(seconds: float, seed: int, app, data: Path) -> Tally:
    """Mutated named queries through the server (in-process) and ``kg query``."""
    from kg.server.app import request

    tally = Tally("queries")
    mutator = Mutator(seed, SPARQL_TOKENS)
    originals = [path.read_text(encoding="utf-8") for path in QUERIES]
    for case in _budget(seconds, tally):
        sparql = mutator.mutate(originals[case % len(originals)])
        if case % 5 == 0:
            _timed(tally, f"kg query {seed}/{case}",
                   lambda: _cli(tally, f"kg query {seed}/{case}", ["query", sparql if "{" in sparql else sparql + "{}",
                                                                    "--data", str(data), "--timeout", "5"]))
            continue

        def ask() -> None:
            reply = request(app, "/sparql?query=" + quote(sparql, safe=""), accept="application/sparql-results+json")
            tally.count(f"HTTP {reply.status}")
            if reply.status >= 500 and reply.status != 503:
                tally.crashes.append(f"query {seed}/{case}: HTTP {reply.status}: {reply.body[:200]!r}")

        _timed(tally, f"query {seed}/{case}", ask)
    return tally


#: Values whose quotes, escapes and comment marks a reader may split otherwise than the engine does.
GUARD_VALUES = ['a", \' ', "b', \" ", 'c"', "d'", "e\\", "f # g", "h\nSERVICE", "i } UNION { SERVICE", '"' * 3, "'" * 3]


def _spelled(value: str, pick: random.Random) -> str:
    """``value`` as a SPARQL string, in one of the ways the grammar allows: quoted by ' or ", long
    or short, each quote, backslash and line break escaped by a backslash or as a code point."""
    quote_mark = pick.choice(("'", '"', "'" * 3, '"' * 3))
    out = []
    for character in value:
        if character in "'\"\\\n" or pick.random() < 0.1:
            escape = {"'": "\\'", '"': '\\"', "\\": "\\\\", "\n": "\\n"}.get(character)
            out.append(f"\\u{ord(character):04X}" if escape is None or pick.random() < 0.7 else escape)
        else:
            out.append(character)
    return quote_mark + "".join(out) + quote_mark


def fuzz_guard(seconds: float, seed: int) -> Tally:
    """Queries that try to hide a SERVICE call from the guard's two readers (strings with escaped
    quotes, comments, escapes in names, the keyword glued to a name, in any case), run by the
    engine when the guard lets them through, with a loopback listener as the SERVICE address:
    a query the guard allowed that reached the listener is a crash."""
    from pyoxigraph import Literal, NamedNode, Quad, Store

    tally = Tally("guard")
    pick = random.Random(seed)
    listener = _Listener()
    address = f"http://127.0.0.1:{listener.port}/"
    target = f"<{address}sparql>"
    store = Store()
    for value in GUARD_VALUES:
        store.add(Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), Literal(value)))
    services = [f"SERVICE {target} {{ ?s ?p ?o }}", f"service SILENT {target} {{}}", "SERVICEex:sparql { ?s ?p ?o }",
                f"SeRvIcE{target}{{}}", f"\\u0053ERVICE {target} {{}}",
                # glued after a term the engine reads whole (the lexer reads e5SERVICE, true.SERVICEex: as one name)
                f"?s ?p trueSERVICE{target}{{}}", f"?s ?p 1e5service{target}{{}}", "?s ?p false.SERVICEex:sparql{}",
                "?s ?p 1E-5SERVICEex:sparql{}", f"?s ?p []SERVICE{target}{{}}"]
    glue = [" . ", " ", " } UNION { ", "\n", " # '\n", ' # "\n', " #\r", ", ", "} {", " { ", " } "]
    try:
        for case in _budget(seconds, tally):
            if case % 2 == 0:  # a string, SERVICE, then a line that may close what a reader took for a string
                value = pick.choice(GUARD_VALUES[:2])
                parts = [f"<http://x/s> <http://x/p> {_spelled(value, pick)}", pick.choice((" . ", " ", ", ")),
                         pick.choice(services), pick.choice((" # '\n", ' # "\n', " } UNION { "))]
                if pick.random() < 0.5:
                    parts.append(f"<http://x/s> <http://x/p> {_spelled(pick.choice(GUARD_VALUES), pick)}")
                sparql = f"PREFIX ex: <{address}> SELECT * {{ {{ {''.join(parts)} }} UNION {{ ?s ?p ?o }} }}"
                _timed(tally, f"guard {seed}/{case}", lambda: _guarded(tally, f"guard {seed}/{case}", sparql, store, listener))
                continue
            parts = []
            for _ in range(pick.randint(1, 5)):
                roll = pick.random()
                if roll < 0.45:
                    parts.append(f"<http://x/s> <http://x/p> {_spelled(pick.choice(GUARD_VALUES), pick)}")
                elif roll < 0.7:
                    parts.append(pick.choice(services))
                else:
                    parts.append(pick.choice(glue) + pick.choice(("'", '"', "#", "", "'" * 3, "}", "{")))
                parts.append(pick.choice(glue))
            sparql = f"PREFIX ex: <{address}> SELECT * {{ {{ {''.join(parts)} }} UNION {{ ?s ?p ?o }} }}"
            _timed(tally, f"guard {seed}/{case}", lambda: _guarded(tally, f"guard {seed}/{case}", sparql, store, listener))
    finally:
        listener.close()
    return tally


class _Listener:
    """A loopback socket that counts the connections made to it and hangs up on each at once."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return  # closed
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.socket.shutdown(socket.SHUT_RDWR)
        self.socket.close()
        self._thread.join(5)


def _guarded(tally: Tally, case: str, sparql: str, store, listener: _Listener) -> None:
    from kg.errors import QueryError
    from kg.query_guard import check_query

    try:
        check_query(sparql)
    except QueryError:
        tally.count("refused")
        return
    tally.count("allowed")
    before = listener.connections
    try:
        list(store.query(sparql))
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass  # the engine's own refusal, or the listener hanging up
    if listener.connections != before:
        tally.crashes.append(f"{case}: allowed, and reached the SERVICE address: {sparql!r}")


def fuzz_http(seconds: float, seed: int, url: str, entity_path: str) -> Tally:
    """Mutated raw HTTP requests to a running server: each gets a status line or a closed
    connection, never a 5xx but 503, and the server keeps answering."""
    tally = Tally("http")
    mutator = Mutator(seed, HTTP_TOKENS)
    host, port = url.removeprefix("http://").split(":")
    body = "query=" + quote("SELECT ?s WHERE { ?s a <https://w3id.org/summit-kg/ontology#Summit> }")
    originals = [
        f"GET {entity_path}?lang=zh-Hant HTTP/1.1\r\nHost: x\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n",
        "GET /void HTTP/1.1\r\nHost: x\r\nAccept: application/ld+json\r\nConnection: close\r\n\r\n",
        f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n{body}",
        "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n\r\n",
    ]
    for case in _budget(seconds, tally):
        raw = mutator.mutate(originals[case % len(originals)]).encode("utf-8", errors="surrogateescape")

        def send() -> None:
            with socket.create_connection((host, int(port)), timeout=10) as connection:
                connection.sendall(raw)
                try:
                    connection.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
                answer = b""
                try:
                    while chunk := connection.recv(65536):
                        answer += chunk
                except (TimeoutError, ConnectionResetError):
                    pass
            status = answer[9:12] if answer.startswith(b"HTTP/1.") else b"---"
            tally.count(f"HTTP {status.decode('latin-1')}")
            if status.startswith(b"5") and status != b"503":
                tally.crashes.append(f"http {seed}/{case}: {answer[:120]!r} for {raw[:120]!r}")

        _timed(tally, f"http {seed}/{case}", send)
    alive = http.client.HTTPConnection(host, int(port), timeout=10)
    alive.request("GET", "/void", headers={"Accept": "text/turtle"})
    if alive.getresponse().status != 200:
        tally.crashes.append("http: the server stopped answering after the run")
    return tally
