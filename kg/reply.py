"""An HTTP answer as plain data: what the server's parts (the SPARQL endpoint, the pages, the
reconciliation service) hand back, and the server turns into a WSGI response.

It lives apart from the server so that a part such as :mod:`kg.reconcile` can answer
without importing it.

    >>> Reply(200, "text/plain; charset=utf-8", b"ok\\n").headers
    ()
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, Content-Type, body and any other headers."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
