"""Data extension: the values of chosen properties for entities a column was matched to.

Entity values come as ``{"id", "name"}`` (so OpenRefine can keep them reconciled), dates
as ``{"date"}`` at midnight UTC, years and ordinals as ``{"int"}``, Wikidata items as
``{"str"}``; an id the graph does not have gets empty values, as the protocol asks:

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> from kg.reconcile.index import build_index
    >>> from kg.reconcile.queries import read_extension
    >>> index = build_index(load_store([Path("tests/data/reconcile/neutral.ttl")]), base="https://w3id.org/summit-kg/id/")
    >>> extend(index, read_extension('{"ids": ["summit/example"], "properties": [{"id": "venue"}, {"id": "startDate"}]}'))["rows"]
    {'summit/example': {'venue': [{'id': 'place/白云馆', 'name': '白云馆'}], 'startDate': [{'date': '2031-05-20T00:00:00Z'}]}}
"""

from __future__ import annotations

from kg.reconcile.index import Entity, EntityIndex
from kg.reconcile.queries import BadQuery, Extension
from kg.reconcile.terms import Property, ValueKind, properties_of, resolve_type, type_named

_LANGUAGES = ("zh-hans", "zh-hant", "en")


def extend(index: EntityIndex, request: Extension) -> dict:
    """The v0.2 data extension response (``meta`` and ``rows``) for ``request``."""
    meta = []
    for prop in request.properties:
        entry: dict = {"id": prop.id, "name": prop.name}
        if prop.range is not None:
            entry["type"] = {"id": prop.range, "name": type_named(prop.range).name}
        meta.append(entry)
    rows = {}
    for entity_id in request.ids:
        entity = index.find(entity_id)
        rows[entity_id] = {prop.id: _values(index, entity, prop) if entity is not None else [] for prop in request.properties}
    return {"meta": meta, "rows": rows}


def _values(index: EntityIndex, entity: Entity, prop: Property) -> list[dict]:
    values = entity.values(prop.id)
    if prop.kind is ValueKind.ENTITY:
        found = [index.find(v) for v in values]
        return [{"id": e.id, "name": e.name(_LANGUAGES)} for e in found if e is not None]
    if prop.kind is ValueKind.DATE:
        return [{"date": f"{v}T00:00:00Z"} for v in values]
    if prop.kind in (ValueKind.YEAR, ValueKind.NUMBER):
        return [{"int": int(v)} if v.lstrip("-").isdigit() else {"str": v} for v in values]
    return [{"str": v} for v in values]


def propose(type_id: str | None, limit: int | None) -> dict:
    """The properties worth fetching for entities of ``type_id`` (all, for None)."""
    entity_type = resolve_type(type_id) if type_id else None
    if type_id and entity_type is None:
        raise BadQuery(f"unknown type {type_id!r}; propose properties for one of Summit, Person, Place, Document, Country, Position")
    found = properties_of(entity_type.id if entity_type else None, fetchable=True)
    chosen = found[:limit] if limit is not None else found
    answer: dict = {"properties": [{"id": p.id, "name": p.name, "description": p.description} for p in chosen]}
    if entity_type is not None:
        answer["type"] = entity_type.id
    if limit is not None:
        answer["limit"] = limit
    return answer
