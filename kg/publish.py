"""Send the graph to a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Fuseki, GraphDB …).

Each named graph of the data goes to the graph of the same name and the default graph (the
dataset description) to the store's default graph; with ``graph`` everything goes into
that one graph. ``PUT`` replaces what the endpoint held there, ``POST`` (``append``) adds
to it. The HTTP call is injected, so tests can pass their own.

    >>> sent = []
    >>> def send(request):
    ...     sent.append(request)
    ...     return HttpResponse(201, b"")
    >>> from kg.store import load_store
    >>> from pathlib import Path
    >>> uploads = publish(load_store([Path("tests/data/query/fixture.trig")]),
    ...                   endpoint="http://127.0.0.1:7878/store", send=send)
    >>> [(u.graph, u.status) for u in uploads][0]
    (None, 201)
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, serialize

from kg.errors import ConfigError, PublishError
from kg.store import default_graph_triples, graph_names, graph_triples, union_triples


@dataclass(frozen=True)
class HttpRequest:
    """One Graph Store Protocol request."""

    method: str
    url: str
    body: bytes
    content_type: str


@dataclass(frozen=True)
class HttpResponse:
    """What the endpoint answered."""

    status: int
    body: bytes


Send = Callable[[HttpRequest], HttpResponse]


@dataclass(frozen=True)
class Upload:
    """One graph sent: its name (None: the default graph), how many triples, the answer."""

    graph: str | None
    triples: int
    status: int


def send_with_urllib(request: HttpRequest, *, timeout: float = 60.0) -> HttpResponse:
    """Send ``request`` with the standard library; HTTP error statuses are answers, not raised.

    Raises :class:`~kg.errors.PublishError` when the endpoint cannot be reached at all.
    """
    outgoing = urllib.request.Request(
        request.url, data=request.body, method=request.method, headers={"Content-Type": request.content_type}
    )
    try:
        with urllib.request.urlopen(outgoing, timeout=timeout) as response:
            return HttpResponse(response.status, response.read())
    except urllib.error.HTTPError as error:
        return HttpResponse(error.code, error.read())
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PublishError(f"cannot reach the endpoint {request.url}: {reason}; check --endpoint and that the store runs") from None


def publish(store: Store, *, endpoint: str, graph: str | None = None, append: bool = False, send: Send = send_with_urllib) -> tuple[Upload, ...]:
    """Send every graph of ``store`` to the Graph Store Protocol ``endpoint``.

    Raises :class:`~kg.errors.ConfigError` when the endpoint or graph is not an http(s)
    IRI, and :class:`~kg.errors.PublishError` when the endpoint refuses a graph (the
    message has its status and answer) or cannot be reached.
    """
    endpoint = endpoint.strip()
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() or ord(c) < 32 for c in endpoint):
        raise ConfigError(f"--endpoint {endpoint!r} is not an http(s) URL without spaces, e.g. http://127.0.0.1:7878/store")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise ConfigError(f"--endpoint {endpoint!r} has a bad port, e.g. http://127.0.0.1:7878/store") from None
    if graph is not None:
        try:
            NamedNode(graph)
        except ValueError:
            raise ConfigError(f"--graph {graph!r} is not an absolute IRI") from None
        parts = [(graph, union_triples(store))]
    else:
        parts = [(None, default_graph_triples(store))]
        parts += [(name.value, graph_triples(store, name)) for name in graph_names(store)]
    uploads = []
    for name, triples in parts:
        if name is None and not triples:
            continue
        uploads.append(_upload(endpoint, name, triples, method="POST" if append else "PUT", send=send))
    return tuple(uploads)


def _upload(endpoint: str, graph: str | None, triples: tuple[Triple, ...], *, method: str, send: Send) -> Upload:
    target = "default" if graph is None else "graph=" + quote(graph, safe="")
    joiner = "&" if "?" in endpoint else "?"
    body = serialize(list(triples), format=RdfFormat.N_TRIPLES)
    response = send(HttpRequest(method, f"{endpoint}{joiner}{target}", body, "application/n-triples"))
    if not 200 <= response.status < 300:
        answer = response.body.decode("utf-8", errors="replace").strip().splitlines()
        where = graph or "the default graph"
        raise PublishError(
            f"the endpoint refused {where} with {response.status}: {answer[0] if answer else 'no message'}; "
            "check that --endpoint is its Graph Store Protocol address and writable"
        )
    return Upload(graph, len(triples), response.status)
