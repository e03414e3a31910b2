"""Reconciliation and data extension requests read into plain values, or refused with a reason.

The JSON a client sends is checked here, field by field, against the v0.2 query schemas;
anything else is a :class:`BadQuery` whose message names the query, the field and what to
send instead (the service answers it with 400):

    >>> read_batch('{"q0": {"query": "张三", "type": "Person"}}')["q0"].types[0].id
    'Person'
    >>> try:
    ...     read_batch('{"q0": {"query": "x", "type": "Planet"}}')
    ... except BadQuery as error:
    ...     print(error)
    query q0: unknown type 'Planet'; use one of Summit, Person, Place, Document, Country, Position
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from kg.errors import QueryError
from kg.reconcile.terms import PROPERTIES, TYPES, EntityType, Property, resolve_property, resolve_type

#: Most queries one batch may hold (OpenRefine sends 10 at a time).
MAX_QUERIES = 1000
#: Most candidates one query may ask for, and how many it gets when it does not say.
MAX_LIMIT, DEFAULT_LIMIT = 100, 5
#: Longest name, property value or prefix a request may send (a summit's name is under 50).
MAX_TEXT = 500
#: Most properties one query may give, and most values one property may have.
MAX_PROPERTIES = 20
_TYPE_NAMES = ", ".join(t.id for t in TYPES)
_PROPERTY_NAMES = ", ".join(p.id for p in PROPERTIES)


class BadQuery(QueryError):
    """A reconciliation, suggest, preview or extension request the service cannot answer as sent."""


@dataclass(frozen=True)
class Reference:
    """A property value that names another entity: by its id (reconciled before) or by a name."""

    id: str | None
    name: str | None


Value = str | float | bool | Reference


@dataclass(frozen=True)
class PropertyValue:
    """One ``{"pid", "v"}`` of a query, with its values (a list in the query, or one)."""

    property: Property
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Query:
    """One reconciliation query."""

    text: str
    types: tuple[EntityType, ...]
    type_strict: str  # "any", "all" or "should"
    limit: int
    properties: tuple[PropertyValue, ...]


@dataclass(frozen=True)
class Extension:
    """A data extension request: which entities, which properties."""

    ids: tuple[str, ...]
    properties: tuple[Property, ...]


def parse_json(text: str, what: str) -> object:
    """``text`` as JSON, or a BadQuery naming ``what`` and where the JSON breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadQuery(f"{what} is not valid JSON ({error.msg} at line {error.lineno} column {error.colno}); send a JSON object") from None
    except RecursionError:
        raise BadQuery(f"{what} is nested too deeply; send a flat JSON object") from None


def read_batch(text: str) -> dict[str, Query]:
    """The queries of a ``queries=`` batch, by their keys, in the order sent."""
    batch = parse_json(text, "queries")
    if not isinstance(batch, dict):
        raise BadQuery("queries must be a JSON object of queries by key, like {\"q0\": {\"query\": \"张三\"}}")
    if len(batch) > MAX_QUERIES:
        raise BadQuery(f"a batch holds at most {MAX_QUERIES} queries, this one {len(batch)}; split it")
    return {str(name): read_query(str(name), body) for name, body in batch.items()}


def read_query(name: str, body: object) -> Query:
    where = f"query {name}"
    if not isinstance(body, dict):
        raise BadQuery(f"{where}: must be a JSON object with \"query\" and optionally \"type\", \"limit\", \"properties\"")
    unknown = sorted(set(body) - {"query", "type", "type_strict", "limit", "properties"})
    if unknown:
        raise BadQuery(f"{where}: unknown field {unknown[0]!r}; a query has query, type, type_strict, limit and properties")
    text = body.get("query", "")
    if not isinstance(text, str):
        raise BadQuery(f"{where}: \"query\" must be a string")
    check_length(f"{where}: \"query\"", text)
    properties = _properties(where, body.get("properties", []))
    if not text.strip() and not properties:
        raise BadQuery(f"{where}: give a non-empty \"query\" or at least one property")
    return Query(
        text=text,
        types=_types(where, body.get("type")),
        type_strict=_type_strict(where, body.get("type_strict", "any")),
        limit=_limit(where, body.get("limit", DEFAULT_LIMIT)),
        properties=properties,
    )


def _types(where: str, given: object) -> tuple[EntityType, ...]:
    if given is None:
        return ()
    names = [given] if isinstance(given, str) else given
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise BadQuery(f"{where}: \"type\" must be a type id or a list of them ({_TYPE_NAMES})")
    found = []
    for type_name in names:
        entity_type = resolve_type(type_name)
        if entity_type is None:
            raise BadQuery(f"{where}: unknown type {type_name!r}; use one of {_TYPE_NAMES}")
        if entity_type not in found:
            found.append(entity_type)
    return tuple(found)


def _type_strict(where: str, given: object) -> str:
    if given not in ("any", "all", "should"):
        raise BadQuery(f"{where}: \"type_strict\" must be \"any\", \"all\" or \"should\", not {given!r}")
    return str(given)


def _limit(where: str, given: object) -> int:
    if isinstance(given, bool) or not isinstance(given, (int, float)) or not math.isfinite(given) or given < 1:
        raise BadQuery(f"{where}: \"limit\" must be a positive number, not {given!r}")
    return min(int(given), MAX_LIMIT)


def _properties(where: str, given: object) -> tuple[PropertyValue, ...]:
    if not isinstance(given, list):
        raise BadQuery(f"{where}: \"properties\" must be a list of {{\"pid\": …, \"v\": …}}")
    if len(given) > MAX_PROPERTIES:
        raise BadQuery(f"{where}: {len(given)} properties; give at most {MAX_PROPERTIES}")
    found = []
    for item in given:
        if not isinstance(item, dict) or "pid" not in item or "v" not in item or not isinstance(item["pid"], str):
            raise BadQuery(f"{where}: each property must be an object {{\"pid\": \"participant\", \"v\": \"李四\"}}")
        prop = resolve_property(item["pid"])
        if prop is None:
            raise BadQuery(f"{where}: unknown property {item['pid']!r}; use one of {_PROPERTY_NAMES}")
        values = item["v"] if isinstance(item["v"], list) else [item["v"]]
        if not values or len(values) > MAX_PROPERTIES:
            raise BadQuery(f"{where}: property {prop.id!r} needs 1 to {MAX_PROPERTIES} values, not {len(values)}")
        found.append(PropertyValue(prop, tuple(_value(where, prop, v) for v in values)))
    return tuple(found)


def check_length(what: str, text: str) -> None:
    """A BadQuery when ``text`` is longer than any name the graph could hold."""
    if len(text) > MAX_TEXT:
        raise BadQuery(f"{what} is {len(text):,} characters long; send at most {MAX_TEXT}")


def _value(where: str, prop: Property, given: object) -> Value:
    if isinstance(given, str):
        check_length(f"{where}: a value of {prop.id!r}", given)
        return given
    if isinstance(given, bool):
        return given
    if isinstance(given, int | float) and math.isfinite(given):
        return float(given)
    if isinstance(given, dict) and isinstance(given.get("id"), str):
        name = given.get("name")
        name = name if isinstance(name, str) else None
        for text in (given["id"], name or ""):
            check_length(f"{where}: a value of {prop.id!r}", text)
        return Reference(given["id"], name)
    raise BadQuery(f"{where}: a value of {prop.id!r} must be a string, a number, a boolean or {{\"id\": …}}, not {json.dumps(given)[:60]}")


def read_extension(text: str) -> Extension:
    """The ids and properties of an ``extend=`` request."""
    body = parse_json(text, "extend")
    if not isinstance(body, dict) or not isinstance(body.get("ids"), list) or not isinstance(body.get("properties"), list):
        raise BadQuery("extend must be a JSON object {\"ids\": [...], \"properties\": [{\"id\": \"participant\"}, ...]}")
    if len(body["ids"]) > MAX_QUERIES:
        raise BadQuery(f"extend holds at most {MAX_QUERIES} ids, this one {len(body['ids'])}; split it")
    if not all(isinstance(i, str) for i in body["ids"]):
        raise BadQuery("extend: every id must be a string")
    if len(body["properties"]) > MAX_PROPERTIES:
        raise BadQuery(f"extend: {len(body['properties'])} properties; fetch at most {MAX_PROPERTIES} at a time")
    properties = []
    for item in body["properties"]:
        pid = item.get("id") if isinstance(item, dict) else None
        prop = resolve_property(pid) if isinstance(pid, str) else None
        if prop is None or not prop.fetch:
            fetchable = ", ".join(p.id for p in PROPERTIES if p.fetch)
            raise BadQuery(f"extend: unknown property {pid!r}; fetch one of {fetchable}")
        properties.append(prop)
    return Extension(tuple(body["ids"]), tuple(properties))
