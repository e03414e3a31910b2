"""Asking a SPARQL endpoint politely, and remembering every answer on disk.

Every SELECT goes through :class:`Endpoint`: the answer is looked up in the cache first
(one JSON file per endpoint and query), and only a miss goes to the network, through
SPARQLWrapper, with a User-Agent, a pause between requests, a timeout, and retries with
exponential back-off for failures that may pass (refused, timed out, 429, 5xx).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg import __version__
from kg.errors import LinkError

WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = f"SummitKG/{__version__} (https://w3id.org/summit-kg/; summit-kg linker) SPARQLWrapper"


@dataclass(frozen=True)
class Politeness:
    """How the endpoint is asked: identity, patience and pace."""

    user_agent: str = USER_AGENT
    timeout: float = 60.0  # seconds to wait for one answer
    tries: int = 3  # attempts per query before giving up
    backoff: float = 2.0  # seconds before the second attempt; doubled after each failure
    min_interval: float = 1.0  # seconds between two requests
    batch_size: int = 150  # VALUES entries per query


@dataclass
class Endpoint:
    """A SPARQL endpoint behind an on-disk cache.

    ``asked`` counts requests that went to the network, ``cached`` answers served from disk.
    With ``offline`` a miss raises LinkError instead of asking.
    """

    url: str
    cache_dir: Path
    offline: bool = False
    politeness: Politeness = field(default_factory=Politeness)
    on_answer: Callable[[], None] | None = None  # called after each answer, for progress
    asked: int = field(default=0, init=False)
    cached: int = field(default=0, init=False)
    _last_request: float = field(default=0.0, init=False, repr=False)

    def select(self, query: str, variables: tuple[str, ...]) -> tuple[tuple[Node | None, ...], ...]:
        """The rows of a SELECT, each a tuple of terms in the order of ``variables``.

        Raises LinkError when the endpoint is unreachable, too slow, or gives an answer
        that is not SPARQL JSON, and (offline) when the cache has no answer.
        """
        answer = self._cached(query)
        if answer is None:
            answer = self._ask(query)
            self._store(query, answer)
        else:
            self.cached += 1
        if self.on_answer is not None:
            self.on_answer()
        try:
            bindings = answer["results"]["bindings"]
            return tuple(tuple(_term(row.get(name)) for name in variables) for row in bindings)
        except (KeyError, TypeError) as error:
            raise LinkError(f"{self.url}: answer is not SPARQL JSON results ({error}); check the endpoint URL") from error

    def _path(self, query: str) -> Path:
        digest = hashlib.sha256(f"{self.url}\n{query}".encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def _cached(self, query: str) -> dict | None:
        path = self._path(query)
        if path.is_file():
            try:
                return json.loads(path.read_text(encoding="utf-8"))["answer"]
            except (ValueError, KeyError, TypeError, OSError) as error:
                if self.offline:
                    raise LinkError(f"{path}: damaged cache entry ({type(error).__name__}); delete it and run once without --offline") from error
                return None  # asked again, and overwritten
        if self.offline:
            raise LinkError(
                f"offline and the cache {self.cache_dir} has no answer from {self.url} for a query; "
                "run once without --offline"
            )
        return None

    def _store(self, query: str, answer: dict) -> None:
        path = self._path(query)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        record = {"endpoint": self.url, "query": query, "answer": answer}
        temporary.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8")
        os.replace(temporary, path)

    def _ask(self, query: str) -> dict:
        polite = self.politeness
        delay = polite.backoff
        problem = "no attempt made"
        for attempt in range(1, max(1, polite.tries) + 1):
            self._pause()
            self.asked += 1
            try:
                return self._request(query)
            except LinkError:
                raise
            except urllib.error.HTTPError as error:
                problem = f"HTTP {error.code}"
                if error.code != 429 and error.code < 500:
                    raise LinkError(f"{self.url} refused a query with {problem}; check the endpoint URL") from error
                retry_after = error.headers.get("Retry-After") if error.headers else None
                if retry_after and retry_after.isdigit():
                    delay = max(delay, min(float(retry_after), 120.0))
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                timed_out = isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason)
                problem = f"no answer within {polite.timeout:g} s" if timed_out else f"unreachable ({reason})"
            except SPARQLWrapperException as error:
                problem = type(error).__name__
                if "EndPointInternalError" not in problem:
                    raise LinkError(f"{self.url} rejected a query ({problem}); check the endpoint URL") from error
            if attempt < polite.tries:
                time.sleep(delay)
                delay *= 2
        raise LinkError(
            f"Wikidata endpoint {self.url}: {problem} after {polite.tries} tries; "
            "try again later, or use --offline with the cache"
        )

    def _pause(self) -> None:
        wait = self._last_request + self.politeness.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()

    def _request(self, query: str) -> dict:
        client = SPARQLWrapper(self.url, agent=self.politeness.user_agent)
        client.setQuery(query)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.timeout = self.politeness.timeout  # setTimeout() would truncate to whole seconds
        response = client.query()
        try:
            answer = response.convert()
        except ValueError as error:
            raise LinkError(f"{self.url}: answer is not SPARQL JSON ({error}); check the endpoint URL") from error
        if not isinstance(answer, dict):
            raise LinkError(f"{self.url}: answer is not SPARQL JSON results; check the endpoint URL")
        return answer


def _term(binding: dict | None) -> Node | None:
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=binding.get("xml:lang"), datatype=binding.get("datatype"))
