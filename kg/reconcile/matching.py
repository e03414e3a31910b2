"""Candidates for a query, scored 0–100 from name, type and property agreement, and explained.

Each candidate's score is a weighted mean of its features, each reported as a ``features``
entry: ``name`` (the best similarity of the query's key to one of the candidate's keys,
0–100, in the Simplified view), ``type`` (the candidate is of a type the query asks for)
and ``property:{pid}`` per property given (1 agrees, 0 contradicts, 0.5 unknown: the graph
has no value for it). Weights: name 5, type 1, properties 4 shared among them, so a date
or a participant outweighs a loosely written summit name; a feature the query gives no
input for is left out of the mean. A candidate is a ``match`` only when
it is certain: its name is exact, its type is right, no property contradicts it, and no
rival scores within :data:`MARGIN` of it. Ranking is by score, then name, then id.

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> from kg.reconcile.index import build_index
    >>> from kg.reconcile.queries import read_query
    >>> index = build_index(load_store([Path("tests/data/reconcile/neutral.ttl")]), base="https://w3id.org/summit-kg/id/")
    >>> best = reconcile(index, read_query("q0", {"query": "陳國華", "type": "Person"}))[0]
    >>> best.entity.id, best.name, best.score, best.match
    ('person/陈国华', '陳國華', 100.0, True)
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass

from kg.reconcile.index import Entity, EntityIndex
from kg.reconcile.names import key, languages_for, similarity
from kg.reconcile.queries import PropertyValue, Query, Reference
from kg.reconcile.terms import ValueKind

#: A certain candidate must lead every rival by more than this many points.
MARGIN = 10.0
#: Candidates looked at per query, from names and from each property, before scoring.
POOL = 50
NAME_WEIGHT, TYPE_WEIGHT, PROPERTIES_WEIGHT = 5.0, 1.0, 4.0
#: A property value named less alike than this to all of a candidate's values disagrees.
_VALUE_SIMILARITY = 70.0
_UNKNOWN = 0.5


@dataclass(frozen=True)
class Feature:
    """One reason behind a score, as a v0.2 ``features`` entry."""

    id: str
    value: float | bool


@dataclass(frozen=True)
class Candidate:
    """A scored candidate entity for one query."""

    entity: Entity
    name: str
    score: float
    features: tuple[Feature, ...]
    match: bool

    def feature(self, feature_id: str) -> float | bool | None:
        return next((f.value for f in self.features if f.id == feature_id), None)


def reconcile(index: EntityIndex, query: Query) -> tuple[Candidate, ...]:
    """The best ``query.limit`` candidates for ``query``, best first."""
    allowed = _allowed(index, query)
    languages = languages_for(query.text) if query.text.strip() else ("zh-hans", "zh-hant", "en")
    query_key = key(query.text)
    numbers = _candidates(index, query, query_key, allowed)
    scored = sorted(
        (_score(index, index.entity(n), query, query_key, languages) for n in numbers),
        key=lambda c: (-c.score, -(c.feature("name") or 0), c.entity.id),
    )
    if scored and _certain(scored[0], query) and (len(scored) < 2 or scored[1].score <= scored[0].score - MARGIN):
        scored[0] = Candidate(scored[0].entity, scored[0].name, scored[0].score, scored[0].features, True)
    return tuple(scored[: query.limit])


def _allowed(index: EntityIndex, query: Query) -> frozenset[int] | None:
    """The entities the query's types admit (None: any), as ``type_strict`` says."""
    if not query.types or query.type_strict == "should":
        return None
    sets = [index.of_type(t.id) for t in query.types]
    if query.type_strict == "all":
        return frozenset.intersection(*sets)
    return frozenset().union(*sets)


def _candidates(index: EntityIndex, query: Query, query_key: str, allowed: frozenset[int] | None) -> list[int]:
    found: set[int] = set()
    if query_key:
        found.update(index.named(query.text))
        found.update(index.similar(query_key, limit=POOL, among=allowed))
    by_property = [s for s in (_having(index, p) for p in query.properties) if s is not None]
    if by_property:
        common = set.intersection(*by_property) or set().union(*by_property)
        if allowed is not None:
            common &= allowed
        found.update(sorted(common)[:POOL])
    return sorted(n for n in found if allowed is None or n in allowed)


def _having(index: EntityIndex, given: PropertyValue) -> set[int] | None:
    """The entities with one of the given values for the property (None: not an indexed kind of value)."""
    prop = given.property
    found: set[int] = set()
    for value in given.values:
        if prop.kind is ValueKind.ENTITY:
            for target in _targets(index, value):
                found.update(index.with_fact(prop.id, index.entity(target).id))
        elif prop.kind in (ValueKind.DATE, ValueKind.YEAR):
            span = date_span(value)
            if span is not None:
                found.update(index.with_fact("year", span[0][:4]))
        elif prop.kind is ValueKind.QID:
            found.update(index.with_fact("wikidata", _qid(value)))
        else:
            return None
    return found


def _targets(index: EntityIndex, value: object) -> tuple[int, ...]:
    """The entities a property value names: by id, or by a name in any script."""
    if isinstance(value, Reference):
        number = index.number(value.id) if value.id else None
        if number is not None:
            return (number,)
        return index.named(value.name) if value.name else ()
    return index.named(str(value))


# --- scoring -------------------------------------------------------------------------------


def _score(index: EntityIndex, entity: Entity, query: Query, query_key: str, languages: tuple[str, ...]) -> Candidate:
    features, weighted = [], []
    if query_key:
        name = max((similarity(query_key, k) for k in entity.keys), default=0.0)
        features.append(Feature("name", name))
        weighted.append((name / 100, NAME_WEIGHT))
    if query.types:
        agrees = any(t.id in entity.types for t in query.types)
        features.append(Feature("type", agrees))
        weighted.append((1.0 if agrees else 0.0, TYPE_WEIGHT))
    for given in query.properties:
        agreement = _agreement(index, entity, given)
        features.append(Feature(f"property:{given.property.id}", agreement))
        weighted.append((agreement, PROPERTIES_WEIGHT / len(query.properties)))
    total = sum(w for _, w in weighted)
    score = round(100 * sum(v * w for v, w in weighted) / total, 2) if total else 0.0
    return Candidate(entity, entity.name(languages), score, tuple(features), False)


def _certain(candidate: Candidate, query: Query) -> bool:
    return (
        candidate.feature("name") == 100.0
        and candidate.feature("type") is not False
        and all(f.value != 0 for f in candidate.features if f.id.startswith("property:"))
    )


def _agreement(index: EntityIndex, entity: Entity, given: PropertyValue) -> float:
    """How well the entity's values of one property agree with the query's: mean over given values."""
    prop = given.property
    source = "year" if prop.kind is ValueKind.YEAR else prop.id
    have = entity.values("startDate") + entity.values("endDate") if prop.id == "date" else entity.values(source)
    if not have:
        return _UNKNOWN
    scores = []
    for value in given.values:
        if prop.kind is ValueKind.ENTITY:
            scores.append(_entity_agreement(index, value, have))
        elif prop.id == "date":
            span = date_span(value)
            first, last = min(have), max(have)
            scores.append(1.0 if span is not None and span[0] <= last and span[1] >= first else 0.0)
        elif prop.kind in (ValueKind.DATE, ValueKind.YEAR):
            span = date_span(value)
            if prop.kind is ValueKind.YEAR:
                scores.append(1.0 if span is not None and span[0][:4] in have else 0.0)
            else:
                scores.append(1.0 if span is not None and any(span[0] <= d <= span[1] for d in have) else 0.0)
        elif prop.kind is ValueKind.QID:
            scores.append(1.0 if _qid(value) in have else 0.0)
        else:
            scores.append(1.0 if _number(value) in {_number(h) for h in have} - {None} else 0.0)
    return round(sum(scores) / len(scores), 3)


def _entity_agreement(index: EntityIndex, value: object, have: tuple[str, ...]) -> float:
    if isinstance(value, Reference) and value.id is not None:
        target = index.find(value.id)
        if target is not None:
            return 1.0 if target.id in have else 0.0
        if value.name is None:
            return 0.0
    text = value.name if isinstance(value, Reference) else str(value)
    value_key = key(text or "")
    best = 0.0
    for entity_id in have:
        target = index.find(entity_id)
        if target is not None and value_key:
            best = max(best, max((similarity(value_key, k) for k in target.keys), default=0.0))
    return round(best / 100, 3) if best >= _VALUE_SIMILARITY else 0.0


_DATE = re.compile(r"\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?")


def date_span(value: object) -> tuple[str, str] | None:
    """The first and last day a date value covers, as ISO dates; None when it is no date.

    >>> date_span("1999年4月"), date_span("2000年2月"), date_span(1999.0), date_span("1999-03-07T00:00:00Z")
    (('1999-04-01', '1999-04-30'), ('2000-02-01', '2000-02-29'), ('1999-01-01', '1999-12-31'), ('1999-03-07', '1999-03-07'))
    """
    if isinstance(value, float) and value.is_integer() and 1 <= value <= 9999:
        value = str(int(value))
    if not isinstance(value, str):
        return None
    found = _DATE.match(value)
    if found is None:
        return None
    year, month, day = found.group(1), found.group(2), found.group(3)
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        last = calendar.monthrange(int(year), int(month))[1]  # a real day, not an upper bound past the month
        return f"{year}-{int(month):02d}-01", f"{year}-{int(month):02d}-{last:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return (f"{year}-{int(month):02d}-{int(day):02d}",) * 2


def _qid(value: object) -> str:
    text = value.id if isinstance(value, Reference) and value.id else str(value)
    return text.rstrip("/").rsplit("/", 1)[-1].strip().upper()


def _number(value: object) -> float | None:
    try:
        number = float(value.id if isinstance(value, Reference) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
