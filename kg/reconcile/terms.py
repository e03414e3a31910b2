"""The types and properties the reconciliation service speaks of: one table each.

The tables drive the manifest's default types, type and property suggest, property
proposals, which properties a query may use, and which a data extension may fetch, so
none of them can drift from another. Ids are the ontology's local names (``Summit``,
``participant``) or, for what the service derives from the graph (``country``,
``office``, ``year``), plain words:

    >>> resolve_type("skg:Place").id, resolve_type("https://w3id.org/summit-kg/ontology#Summit").id
    ('Place', 'Summit')
    >>> [p.id for p in properties_of("Person")]
    ['office', 'country', 'summit', 'wikidata']
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

SKG = "https://w3id.org/summit-kg/ontology#"


@dataclass(frozen=True)
class EntityType:
    """A type a query may ask for: its id, names in English and Chinese, and its class IRI."""

    id: str
    name: str
    name_zh: str
    description: str
    default: bool  # offered as a default type in the manifest

    @property
    def iri(self) -> str:
        return SKG + self.id


TYPES: tuple[EntityType, ...] = (
    EntityType("Summit", "Summit", "峰会", "a meeting of heads of state or government", True),
    EntityType("Person", "Person", "人物", "a leader or another person the articles name", True),
    EntityType("Place", "Place", "地点", "a city, a building, a site, a region or a state", True),
    EntityType("Document", "Document", "文件", "a declaration, agreement or statement", True),
    EntityType("Country", "Country", "国家", "a state (a kind of Place)", False),
    EntityType("Position", "Position", "职位", "an office or role a leader held", False),
)
_TYPES = {t.id: t for t in TYPES}


class ValueKind(Enum):
    """What the values of a property are."""

    ENTITY = "entity"  # another entity of the graph
    DATE = "date"  # an xsd:date, compared at the precision the query gives
    YEAR = "year"
    NUMBER = "number"
    QID = "qid"  # a Wikidata item id


@dataclass(frozen=True)
class Property:
    """A property a query may match on or a data extension may fetch.

    ``of`` names the types that have it; ``range`` the type of its entity values;
    ``fetch`` is False for a property that only matches (``date``: a day within the
    summit, fetched as ``startDate`` and ``endDate``).
    """

    id: str
    name: str
    name_zh: str
    description: str
    of: tuple[str, ...]
    kind: ValueKind
    range: str | None = None
    fetch: bool = True


PROPERTIES: tuple[Property, ...] = (
    Property("date", "date", "日期", "a day (or month, or year) within the summit", ("Summit",), ValueKind.DATE, fetch=False),
    Property("year", "year", "年份", "the year the summit took place", ("Summit",), ValueKind.YEAR),
    Property("startDate", "start date", "开始日期", "the first day of the summit", ("Summit",), ValueKind.DATE),
    Property("endDate", "end date", "结束日期", "the last day of the summit", ("Summit",), ValueKind.DATE),
    Property("participant", "participant", "与会者", "a leader who took part", ("Summit",), ValueKind.ENTITY, "Person"),
    Property("venue", "venue", "地点", "the most specific place the summit was held at", ("Summit",), ValueKind.ENTITY, "Place"),
    Property("outcome", "documents", "成果文件", "a document adopted or signed at the summit", ("Summit",), ValueKind.ENTITY, "Document"),
    Property("ordinal", "ordinal", "届次", "the summit's number in its series", ("Summit",), ValueKind.NUMBER),
    Property("office", "office", "职务", "an office the person held at a summit or by the text", ("Person",), ValueKind.ENTITY, "Position"),
    Property(
        "country", "country", "国家",
        "the state: a summit's venue is in, a person stood for, a place is in",
        ("Summit", "Person", "Place"), ValueKind.ENTITY, "Country",
    ),
    Property("locatedIn", "located in", "位于", "a place that contains this one", ("Place",), ValueKind.ENTITY, "Place"),
    Property(
        "summit", "summits", "峰会", "the summits a person attended, a place hosted, a document came from",
        ("Person", "Place", "Document"), ValueKind.ENTITY, "Summit",
    ),
    Property("wikidata", "Wikidata item", "维基数据项", "the matching Wikidata item (QID)", ("Summit", "Person", "Place", "Document", "Country", "Position"), ValueKind.QID),
)
_PROPERTIES = {p.id: p for p in PROPERTIES}


def resolve_type(given: str) -> EntityType | None:
    """The type a query names by id, ``skg:`` name or class IRI; None for one we do not know."""
    for prefix in (SKG, "skg:"):
        if given.startswith(prefix):
            given = given[len(prefix):]
    return _TYPES.get(given)


def type_named(type_id: str) -> EntityType:
    return _TYPES[type_id]


def resolve_property(given: str) -> Property | None:
    """The property a query names by id, ``skg:`` name or IRI; None for one we do not know."""
    for prefix in (SKG, "skg:"):
        if given.startswith(prefix):
            given = given[len(prefix):]
    return _PROPERTIES.get(given)


def properties_of(type_id: str | None, *, fetchable: bool = False) -> tuple[Property, ...]:
    """The properties entities of ``type_id`` have (all, for None), in table order."""
    return tuple(
        p for p in PROPERTIES
        if (type_id is None or type_id in p.of or (type_id == "Country" and "Place" in p.of))
        and (p.fetch or not fetchable)
    )
