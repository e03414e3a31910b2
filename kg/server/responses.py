"""Answers kept for the requests asked again, within a memory bound.

The store is read-only for the server's life, so what a GET asks for (a path, its
parameters, the Accept and Accept-Language headers it was negotiated by) always gets the
same answer: an entity's representations, a query's results in one format, a page. A kept
answer is sent again as it was made, headers and ETag too, without routing, negotiation,
the engine or hashing. Only successful answers to GET and HEAD without a body are kept
(errors, limits and queue replies depend on the moment); a query whose answer changes from
run to run (``NOW()``, ``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()``) is never kept.

The bound is on bytes (bodies, headers and keys), least recently used out first; an
answer larger than an eighth of the bound is not kept at all.

    >>> answers = Answers(max_bytes=4096)
    >>> environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/void", "HTTP_ACCEPT": "text/turtle"}
    >>> key = answers.key(environ)
    >>> answers.get(key) is None
    True
    >>> answers.keep(key, Answer("200 OK", [("Content-Type", "text/turtle")], b"<a> <b> <c> .", '"e1"'))
    True
    >>> answers.get(key).body
    b'<a> <b> <c> .'
    >>> answers.key({"REQUEST_METHOD": "POST", "PATH_INFO": "/sparql"}) is None
    True
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: What one kept answer costs beside its body, headers and key (the objects that hold them).
_OVERHEAD = 400
#: A query function whose answer differs from run to run: such a query's answers are not kept.
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)

Key = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer as sent: status line, headers, body, and its entity tag (None: it has none)."""

    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str | None = None

    def size(self, key: Key) -> int:
        return len(self.body) + sum(len(n) + len(v) for n, v in self.headers) + sum(map(len, key)) + _OVERHEAD


class Answers:
    """The kept answers of one HTTP process, at most ``max_bytes`` of them (0: none kept).

    Safe to use from the server's threads at once.
    """

    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = self.misses = 0
        self._kept: OrderedDict[Key, tuple[Answer, int]] = OrderedDict()
        self._lock = threading.Lock()
        #: the answers being made, each with its lock and how many requests hold or wait for it
        self._making: dict[Key, list] = {}

    def key(self, environ: dict) -> Key | None:
        """What the answer to ``environ`` depends on, or None when the request's answer is not to be kept."""
        if self.max_bytes <= 0 or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if environ.get("CONTENT_LENGTH", "0") not in ("", "0") or "HTTP_TRANSFER_ENCODING" in environ:
            return None  # a GET with a body: answered as asked, never from here
        return (environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""),
                environ.get("HTTP_ACCEPT", ""), environ.get("HTTP_ACCEPT_LANGUAGE", ""))

    def get(self, key: Key) -> Answer | None:
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                self.misses += 1
                return None
            self._kept.move_to_end(key)
            self.hits += 1
        return found[0]

    def keep(self, key: Key, answer: Answer, *, query: str | None = None) -> bool:
        """Keep ``answer`` to the request ``key`` (``query``: the SPARQL it answered, if any); False when it is not kept."""
        size = answer.size(key)
        if size > self.max_bytes // 8 or (query is not None and _VOLATILE.search(query)):
            return False
        with self._lock:
            if key in self._kept:
                return True
            self._kept[key] = (answer, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._kept.popitem(last=False)
                self.bytes -= dropped
        return True

    @contextmanager
    def alone(self, key: Key) -> Iterator[None]:
        """While the block runs, no other thread runs a block for ``key``: an answer asked for by
        many at once is made by the first, and the others, waiting, read what it kept (at 500
        pages the summits' page costs about 2 s of CPU; 24 clients asking for it at once made it
        a few times each and starved every other request for a minute)."""
        with self._lock:
            entry = self._making.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        try:
            with entry[0]:
                yield
        finally:
            with self._lock:
                entry[1] -= 1
                if entry[1] == 0:
                    del self._making[key]

    def __len__(self) -> int:
        return len(self._kept)
