"""Named queries answered from what the build kept beside its files, not asked of the engine again.

A build of many pages answers the named queries (their default parameters) while it writes
its files and keeps the answers in the version directory it publishes (:mod:`kg.answers`),
and a process after it the same queries with the other parameters users ask them
(:func:`kg.query.answered_ahead`):
SPARQL JSON, CSV and TSV, as the engine wrote them. On a million-triple build the engine
takes 0.3 to 1.7 s of CPU for most of them, past the server's 100 ms, whatever the query's
text (a row costs it microseconds; these have thousands). So a SELECT or ASK whose text is
one the build answered, asked of the whole data (no ``default-graph-uri`` or
``named-graph-uri``), is answered from there: the same status, media type and bytes a
worker would give (XML is the engine's writing of the kept JSON), within the same
``--result-limit`` (counted from the kept TSV, one line per row). Anything else, or an
answer that cannot be read, goes the usual way.

The files are pinned when the server starts (their real paths: a build publishes each
version into a directory of its own and never rewrites one), so a build published while
the server runs does not change what it answers: the server keeps answering the data it
loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

from pyoxigraph import QueryResultsFormat, parse_query_results

from kg.answers import ANSWERED, Answered, answer_key, page_of, precomputed
from kg.query import ResultFormat, answered_ahead, minted_tags, named_queries
from kg.reply import Reply
from kg.server.query_pool import QueryRequest, choose_result_format, text_reply, with_charset
from kg.server.settings import Settings

#: The ``kg query`` output each results format is kept as (XML is written from the JSON).
_KEPT_AS = {ResultFormat.JSON: "json", ResultFormat.CSV: "csv", ResultFormat.TSV: "tsv"}


class BuiltAnswers:
    """The answers a build kept for the files the server loaded (none unless that is one ``kg.trig``)."""

    def __init__(self, data: tuple[Path, ...]) -> None:
        self.paths = tuple(Path(os.path.realpath(path)) for path in data)
        #: the texts a build answers (by the text without its trailing white space): any other query is
        #: told apart by a lookup or two (a page: LIMIT or OFFSET after the text), not by looking for a file
        self.texts = Answered(text for query in named_queries() for text in (query.text, *answered_ahead(query))
                              if len(self.paths) == 1 and self.paths[0].name == ANSWERED)

    def reply(self, request: QueryRequest, settings: Settings) -> Reply | None:
        """The reply to ``request`` from the kept answers, or None when they do not hold it."""
        asked = self.texts.paged(request.sparql)
        if asked is None or request.default_graphs or request.named_graphs:
            return None
        text, first, most = asked
        json = self._kept(text, "json")
        if json is None or not json.startswith(b'{"head":'):  # not a SELECT or ASK answer
            return None
        boolean = b'"boolean":' in json[:64]
        result_format = choose_result_format(request, boolean=boolean)
        if result_format is None:
            return None  # a 406, said the usual way
        if boolean:
            if request.sparql != text:
                return None  # an ASK with LIMIT or OFFSET: the engine says what it means
            if result_format in (ResultFormat.CSV, ResultFormat.TSV):  # CSV cannot hold one: JSON, as a worker does
                result_format = ResultFormat.JSON
        else:
            tsv = self._kept(text, "tsv")
            if tsv is None:
                return None
            rows = tsv.count(b"\n") - 1  # a header line, then one line a row
            if min(max(rows - first, 0), rows if most is None else most) > settings.result_limit:
                return text_reply(400, f"the result has more than {settings.result_limit} rows, the limit here; "
                                       f"ask for it a page at a time (LIMIT {settings.result_limit} OFFSET …) or narrow the query")
            if request.sparql != text:  # a page: the rows asked for, cut from the answer kept whole
                output = "json" if result_format in (ResultFormat.JSON, ResultFormat.XML) else _KEPT_AS[result_format]
                whole = {"json": json, "tsv": tsv}.get(output) or self._kept(text, output)
                body = page_of(whole, output, rows, first, most) if whole is not None else None
                if body is None:
                    return None
                return _reply(_as_xml(body) if result_format is ResultFormat.XML else body, result_format)
            if result_format is ResultFormat.TSV:
                return _reply(tsv, result_format)
        if result_format is ResultFormat.XML:
            return _reply(_as_xml(json), result_format)
        body = json if result_format is ResultFormat.JSON else self._kept(text, _KEPT_AS[result_format])
        return _reply(body, result_format) if body is not None else None

    def _kept(self, sparql: str, output: str) -> bytes | None:
        key = answer_key(sparql, output, self.paths)
        return precomputed(key, self.paths) if key is not None else None


def _reply(body: bytes, result_format: ResultFormat) -> Reply:
    return Reply(200, with_charset(result_format.media_type), body)


def _as_xml(json: bytes) -> bytes:
    """The kept SPARQL JSON (language tags as minted) written by the engine as SPARQL XML, tags as minted."""
    answer = parse_query_results(json, format=QueryResultsFormat.JSON)
    return minted_tags(answer.serialize(format=QueryResultsFormat.XML), xml=True)
