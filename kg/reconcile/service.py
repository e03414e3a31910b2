"""The service's HTTP side: one WSGI request under ``/reconcile`` in, one reply out.

Routes (all GET or POST, form-encoded parameters in the query string or the body):

- ``/reconcile``: the manifest; with ``queries=`` a batch of reconciliation queries;
  with ``extend=`` a data extension;
- ``/reconcile/suggest/entity|type|property?prefix=…``: suggest;
- ``/reconcile/preview?id=…``: the HTML card of one entity;
- ``/reconcile/properties?type=…``: property proposals for data extension.

A request the service cannot answer as sent (malformed JSON, an unknown type or
property, a body over :data:`MAX_BODY`) gets 400 and a JSON ``{"message": …}`` that says
what to send instead. The server adds CORS headers to every reply.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from pyoxigraph import Store

from kg.reconcile.extend import extend, propose
from kg.reconcile.index import build_index
from kg.reconcile.manifest import PATH, manifest, type_json
from kg.reconcile.matching import Candidate, reconcile
from kg.reconcile.names import languages_for
from kg.reconcile.preview import card, description
from kg.reconcile.queries import BadQuery, check_length, read_batch, read_extension
from kg.reconcile.suggest import PAGE, matching_entities, matching_properties, matching_types
from kg.reconcile.terms import resolve_type, type_named
from kg.reply import Reply

#: Most bytes a request body may have (a batch of 1,000 queries is about 150 KB).
MAX_BODY = 2_000_000
_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=utf-8"


def is_reconcile_path(path: str) -> bool:
    """Whether a request path belongs to the service."""
    return path == PATH or path.startswith(PATH + "/")


class Reconciliation:
    """The reconciliation service over the entities of ``store`` (indexed once, here)."""

    def __init__(self, store: Store, *, base: str, root: str) -> None:
        self.base = base
        self.root = root  # the server's public address, from its settings (never a Host header)
        self.index = build_index(store, base=base)

    def handle(self, environ: dict) -> Reply:
        """The reply to one WSGI request under ``/reconcile``."""
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method == "OPTIONS":
            return Reply(204, "text/plain; charset=utf-8", b"", (("Access-Control-Max-Age", "86400"),))
        if method not in ("GET", "HEAD", "POST"):
            return _error(405, "the reconciliation service answers GET and POST", (("Allow", "GET, HEAD, POST, OPTIONS"),))
        try:
            params = _params(environ, method)
            return self._route(environ.get("PATH_INFO", PATH).rstrip("/") or PATH, params)
        except BadQuery as error:
            return _error(400, error.message)

    def _route(self, path: str, params: dict[str, str]) -> Reply:
        if path == PATH:
            if "queries" in params:
                return _json(self.answer_batch(params["queries"]))
            if "extend" in params:
                return _json(extend(self.index, read_extension(params["extend"])))
            return _json(manifest(base=self.base, root=self.root))
        if path == PATH + "/suggest/entity":
            return _json(self._suggest_entities(params))
        if path == PATH + "/suggest/type":
            return _json({"result": [type_json(t) for t in matching_types(_prefix(params))]})
        if path == PATH + "/suggest/property":
            found = matching_properties(_prefix(params))
            return _json({"result": [{"id": p.id, "name": p.name, "description": p.description} for p in found]})
        if path == PATH + "/preview":
            return self._preview(params)
        if path == PATH + "/properties":
            return _json(propose(params.get("type"), _number(params, "limit")))
        return _error(404, f"nothing at {path}; the service's manifest is at {PATH}")

    def answer_batch(self, text: str) -> dict:
        """The v0.2 result batch for a ``queries=`` batch (JSON text)."""
        return {
            name: {"result": [self._candidate_json(c, query.text) for c in reconcile(self.index, query)]}
            for name, query in read_batch(text).items()
        }

    def _candidate_json(self, candidate: Candidate, text: str) -> dict:
        entity = candidate.entity
        return {
            "id": entity.id,
            "name": candidate.name,
            "description": description(self.index, entity, languages_for(text)),
            "score": candidate.score,
            "features": [{"id": f.id, "value": f.value} for f in candidate.features],
            "match": candidate.match,
            "type": [{"id": t, "name": type_named(t).name} for t in entity.types],
        }

    def _suggest_entities(self, params: dict[str, str]) -> dict:
        types = ()
        if params.get("type"):
            entity_type = resolve_type(params["type"])
            if entity_type is None:
                raise BadQuery(f"unknown type {params['type']!r}; use one of Summit, Person, Place, Document, Country, Position")
            types = (entity_type,)
        prefix = _prefix(params)
        cursor = _number(params, "cursor") or 0
        languages = languages_for(prefix)
        return {
            "result": [
                {
                    "id": e.id,
                    "name": e.name(languages),
                    "description": description(self.index, e, languages),
                    "notable": [{"id": t, "name": type_named(t).name} for t in e.types],
                }
                for e in matching_entities(self.index, prefix, types=types, cursor=cursor)
            ]
        }

    def _preview(self, params: dict[str, str]) -> Reply:
        entity_id = params.get("id", "")
        entity = self.index.find(entity_id)
        if entity is None:
            return _error(404, f"no entity {entity_id!r} in this graph; give an id from a reconciliation answer")
        return Reply(200, _HTML, card(self.index, entity, page=f"{self.root}/id/{entity.id}").encode("utf-8"))


def _params(environ: dict, method: str) -> dict[str, str]:
    """The request's parameters (query string, then a form body), first value of each."""
    raw = environ.get("QUERY_STRING", "").encode("latin-1").decode("utf-8", errors="replace")
    params = {name: values[0] for name, values in parse_qs(raw, keep_blank_values=True).items()}
    if method != "POST":
        return params
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > MAX_BODY:
        raise BadQuery(f"the request body is {length:,} bytes, more than the {MAX_BODY:,} a request may have; send smaller batches")
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if body and content_type not in ("application/x-www-form-urlencoded", ""):
        raise BadQuery(f"POST parameters as application/x-www-form-urlencoded (queries=…, extend=…), not {content_type}")
    for name, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
        params.setdefault(name, values[0])
    return params


def _prefix(params: dict[str, str]) -> str:
    if "prefix" not in params:
        raise BadQuery("give the text typed so far as prefix=…")
    check_length("prefix", params["prefix"])
    return params["prefix"]


def _number(params: dict[str, str], name: str) -> int | None:
    if name not in params:
        return None
    try:
        value = int(params[name])
    except ValueError:
        raise BadQuery(f"{name} must be a whole number, not {params[name]!r}") from None
    if value < 0:
        raise BadQuery(f"{name} must not be negative")
    return min(value, 1000 * PAGE)


def _json(value: object, status: int = 200, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, _JSON, json.dumps(value, ensure_ascii=False).encode("utf-8"), headers)


def _error(status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return _json({"message": message}, status, headers)
