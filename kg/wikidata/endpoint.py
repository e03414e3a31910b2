"""Asking a SPARQL endpoint politely, and remembering every answer on disk.

Every SELECT goes through :class:`Endpoint`: the answer is looked up in the cache first
(one JSON file per endpoint and query), and only a miss goes to the network, through
SPARQLWrapper, with a User-Agent, a pause between requests, a timeout, and retries with
exponential back-off for failures that may pass (refused, timed out, 429, 5xx).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import socket
import threading
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

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

    def __post_init__(self) -> None:
        self.url = endpoint_url(self.url)

    def select(self, query: str, variables: tuple[str, ...]) -> tuple[tuple[Node | None, ...], ...]:
        """The rows of a SELECT, each a tuple of terms in the order of ``variables``.

        Raises LinkError when the endpoint is unreachable, too slow, or gives an answer
        that is not SPARQL JSON, and (offline) when the cache has no answer.
        """
        answer = self._cached(query)
        rows = _rows(answer, variables) if answer is not None else None
        if rows is None:
            answer = self._ask(query)
            rows = _rows(answer, variables)
            if rows is None:  # checked before it is cached: one bad answer must not poison later runs
                raise LinkError(f"{self.url}: answer is not SPARQL JSON results; check the endpoint URL")
            self._store(query, answer)
        else:
            self.cached += 1
        if self.on_answer is not None:
            self.on_answer()
        return rows

    def _path(self, query: str) -> Path:
        digest = hashlib.sha256(f"{self.url}\n{query}".encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def _cached(self, query: str) -> dict | None:
        path = self._path(query)
        if path.is_file():
            try:
                return json.loads(path.read_text(encoding="utf-8"))["answer"]
            except (ValueError, KeyError, TypeError, OSError, RecursionError) as error:
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
                delay = max(delay, retry_after(error.headers))
            except http.client.HTTPException as error:  # a truncated or malformed answer: may pass
                problem = f"a broken HTTP answer ({type(error).__name__})"
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
        """One answer, bounded as a whole by the timeout (not each read: a server that
        trickles bytes is cut off too). The request runs in a thread left behind on timeout."""
        outcome: list = []

        def run() -> None:
            try:
                outcome.append(self._request_once(query))
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                outcome.append(error)

        thread = threading.Thread(target=run, name="kg-wikidata-request", daemon=True)
        thread.start()
        thread.join(self.politeness.timeout)
        if not outcome:
            raise TimeoutError(f"no whole answer within {self.politeness.timeout:g} s")
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _request_once(self, query: str) -> dict:
        client = SPARQLWrapper(self.url, agent=self.politeness.user_agent)
        client.setQuery(query)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.timeout = self.politeness.timeout  # setTimeout() would truncate to whole seconds
        response = client.query()
        try:
            answer = response.convert()
        except (ValueError, RecursionError) as error:
            raise LinkError(f"{self.url}: answer is not SPARQL JSON ({type(error).__name__}); check the endpoint URL") from None
        if not isinstance(answer, dict):
            raise LinkError(f"{self.url}: answer is not SPARQL JSON results; check the endpoint URL")
        return answer


def endpoint_url(text: str) -> str:
    """``text`` as an endpoint URL: spaces around it dropped; refused when it is no http(s) URL.

    Raises LinkError saying what is wrong with it.

    >>> endpoint_url(" https://query.wikidata.org/sparql ")
    'https://query.wikidata.org/sparql'
    """
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() or ord(c) < 32 for c in url):
        raise LinkError(f"--endpoint {text!r} is not an http(s) URL without spaces; "
                        "give one like https://query.wikidata.org/sparql")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise LinkError(f"--endpoint {text!r} has a bad port; give one like http://127.0.0.1:3030/sparql") from None
    return url


def retry_after(headers) -> float:
    """The seconds a ``Retry-After`` header asks to wait (0 when absent or unreadable), at most 120.

    >>> retry_after({"Retry-After": "30"}), retry_after({"Retry-After": "²"}), retry_after({"Retry-After": "Wed, 21 Oct"})
    (30.0, 0.0, 0.0)
    """
    value = (headers.get("Retry-After") if headers else None) or ""
    return min(float(value), 120.0) if re.fullmatch(r"[0-9]{1,6}", value.strip()) else 0.0


def _rows(answer: object, variables: tuple[str, ...]) -> tuple[tuple[Node | None, ...], ...] | None:
    """The answer's rows as terms, or None when it is not SPARQL JSON results with valid terms."""
    try:
        bindings = answer["results"]["bindings"]
        if not isinstance(bindings, list):
            return None
        rows = []
        for row in bindings:
            terms = []
            for name in variables:
                binding = row.get(name)
                if binding is not None and not (isinstance(binding, dict) and isinstance(binding.get("value"), str)
                                                and binding.get("type") in _TERM_TYPES):
                    return None
                terms.append(_term(binding))
            rows.append(tuple(terms))
        return tuple(rows)
    except (KeyError, TypeError, AttributeError, ValueError):
        return None


_TERM_TYPES = {"uri", "literal", "typed-literal", "bnode"}


def _term(binding: dict | None) -> Node | None:
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=binding.get("xml:lang"), datatype=binding.get("datatype"))
