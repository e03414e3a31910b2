"""Suggest: names that begin with what a person has typed, for entities, types and properties.

Entities are found by the key of the prefix (:func:`kg.reconcile.names.key`) in the
index's sorted keys, so ``陳國`` finds 陈国华 and ``chen g`` finds 'Chen Guo-hua'; results
come in key order, ``cursor`` pages through them. Types and properties are matched on
their ids and their English and Chinese names:

    >>> [t.id for t in matching_types("峰")], [p.id for p in matching_properties("part")]
    (['Summit'], ['participant'])
"""

from __future__ import annotations

from itertools import islice

from kg.reconcile.index import Entity, EntityIndex
from kg.reconcile.names import key
from kg.reconcile.terms import PROPERTIES, TYPES, EntityType, Property

#: Suggestions per answer.
PAGE = 10


def matching_entities(index: EntityIndex, prefix: str, *, types: tuple[EntityType, ...] = (), cursor: int = 0) -> list[Entity]:
    """Up to :data:`PAGE` entities with a name starting with ``prefix``, from the ``cursor``-th on."""
    prefix_key = key(prefix)
    if not prefix_key:
        return []
    wanted = {t.id for t in types}
    found = (index.entity(n) for n in index.prefixed(prefix_key))
    kept = (e for e in found if not wanted or wanted & set(e.types))
    return list(islice(kept, cursor, cursor + PAGE))


def _starts(prefix: str, *names: str) -> bool:
    wanted = key(prefix)
    return bool(wanted) and any(key(name).startswith(wanted) for name in names)


def matching_types(prefix: str) -> list[EntityType]:
    return [t for t in TYPES if _starts(prefix, t.id, t.name, t.name_zh)]


def matching_properties(prefix: str) -> list[Property]:
    return [p for p in PROPERTIES if _starts(prefix, p.id, p.name, p.name_zh)]
