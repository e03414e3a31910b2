"""Plain, frozen values passed between stages. No behaviour beyond small derived properties."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum


class _Symbol(Enum):
    """An enumeration whose members hash as objects do, in C (each member is the one object of
    its value): Enum's own ``__hash__`` is a call into Python, and the extraction hashes kinds
    and properties, in every entity id and fact key, thousands of times a page."""

    __hash__ = object.__hash__


class Severity(_Symbol):
    """How much an issue matters: errors stop a page, warnings and infos are reported."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    """Something a stage could not interpret. Recorded, reported, never raised."""

    severity: Severity
    message: str
    origin: str  # the input it concerns: a path, "<stdin>", "dump.xml#Title"
    position: int | None = None  # character offset in the page text, when known


@dataclass(frozen=True)
class Page:
    """One article's wikitext and where it came from."""

    text: str
    origin: str  # path, "<stdin>", or "export.xml#Title" — for messages
    title: str | None = None  # the article's title on its wiki, when known
    wiki: str = "zh.wikipedia.org"
    language: str = "zh"
    revision_id: int | None = None
    timestamp: str | None = None  # ISO 8601, as the export gives it

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SkippedPage:
    """A page that is not built (a redirect, a deleted revision...); the others still are.

    ``failed`` marks a page that should have been built but could not be read (a file of
    a directory that is not UTF-8, say): the build counts it as left out, not skipped.
    """

    origin: str
    reason: str
    failed: bool = False


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in a page's text."""

    start: int
    end: int


# --------------------------------------------------------------------------- extraction


class Kind(_Symbol):
    """What an extracted entity is; the value is its IRI path segment and names its class."""

    SUMMIT = "summit"
    SERIES = "series"
    PERSON = "person"
    PLACE = "place"
    COUNTRY = "country"
    DOCUMENT = "document"
    ORGANIZATION = "organization"
    POSITION = "position"
    PARTICIPATION = "participation"
    ADMINISTRATION = "administration"
    PERIOD = "period"
    AWARD = "award"
    AWARD_RECEIPT = "award-receipt"
    GIFT = "gift"
    CROSSING = "crossing"
    EVENT = "event"
    CITATION = "citation"
    WEBLINK = "weblink"


@dataclass(frozen=True)
class EntityId:
    """A stable key: the same entity has the same id whatever script or variant names it."""

    kind: Kind
    key: str

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.kind._value_, self.key)  # _value_: the value, without Enum's descriptor (a call into Python)


@dataclass(frozen=True, order=True)
class Label:
    text: str
    language: str  # BCP 47: zh-Hans, zh-Hant, zh-Hant-TW, ko, ko-Latn, en, ...


@dataclass(frozen=True, order=True)
class Evidence:
    """The sentence(s) something came from."""

    span: Span
    text: str
    section: str | None  # heading of the section; None in the lead


@dataclass(frozen=True)
class Entity:
    id: EntityId
    labels: tuple[Label, ...]  # preferred names: one per language tag
    alt_labels: tuple[Label, ...] = ()
    main_article: str | None = None  # title of the article about it, on the same wiki
    evidence: tuple[Evidence, ...] = ()


class Prop(_Symbol):
    """Properties a fact can state; the value is the local name in the ``skg:`` ontology."""

    START_DATE = "startDate"
    END_DATE = "endDate"
    ORDINAL = "ordinal"
    PARTICIPANT = "participant"
    VENUE = "venue"
    LOCATED_IN = "locatedIn"
    OUTCOME = "outcome"
    IN_SERIES = "inSeries"
    HAS_PARTICIPATION = "hasParticipation"
    AGENT = "agent"
    ROLE = "role"
    SIDE = "side"
    HOLDER = "holder"
    LEADER = "leader"
    START_YEAR = "startYear"
    END_YEAR = "endYear"
    DURING_PERIOD = "duringPeriod"
    AWARD = "award"
    RECIPIENT = "recipient"
    FOR_EVENT = "forEvent"
    YEAR = "year"
    DEATH_YEAR = "deathYear"
    SUCCEEDED_BY = "succeededBy"
    GIVER = "giver"
    AT_SUMMIT = "atSummit"
    QUANTITY = "quantity"
    UNIT = "unit"
    MONETARY_VALUE = "monetaryValue"
    CURRENCY = "currency"
    CROSSED = "crossed"
    MODE = "mode"
    URL = "url"
    TITLE = "title"
    PUBLICATION_DATE = "publicationDate"
    ACCESS_DATE = "accessDate"
    ARCHIVE_URL = "archiveURL"
    ARCHIVE_DATE = "archiveDate"
    PUBLISHER = "publisher"
    SUPPORTED_BY = "supportedBy"
    CITES = "cites"
    EXTERNAL_LINK = "externalLink"
    CATEGORY = "category"
    SEE_ALSO = "seeAlso"
    FOLLOWS = "follows"
    PRECEDES = "precedes"
    ROMANIZATION_RR = "revisedRomanization"
    ROMANIZATION_MR = "mccuneReischauer"


@dataclass(frozen=True, order=True)
class Year:
    value: int


@dataclass(frozen=True, order=True)
class Url:
    value: str


@dataclass(frozen=True, order=True)
class Article:
    """A page on a wiki, named by its title (see-also targets, categories)."""

    title: str


class Inference(_Symbol):
    """How a fact no single sentence states was inferred."""

    LEAD_PARAGRAPH = "lead-paragraph"
    SECTION_ADMINISTRATION = "section-administration"
    CITATION_TITLE = "citation-title"
    LEADER_IN_OFFICE = "leader-in-office"
    INFOBOX = "infobox"
    EARLIER_ROLE = "earlier-role"
    CITATION_DATE = "citation-date"
    NEIGHBOURING_SUMMITS = "neighbouring-summits"
    REFERENCE_GAZETTEER = "reference-gazetteer"
    BACK_REFERENCE = "back-reference"


@dataclass(frozen=True)
class Fact:
    subject: EntityId
    prop: Prop
    value: "EntityId | Article | Url | Year | Label | str | int | Decimal | date"
    evidence: tuple[Evidence, ...] = ()
    inference: Inference | None = None  # None: stated by the evidence itself
    basis: tuple[EntityId, ...] = ()  # citations an inference rests on


@dataclass(frozen=True)
class SourceInfo:
    """Provenance of one source article."""

    title: str
    wiki: str
    language: str
    sha256: str
    revision_id: int | None
    timestamp: str | None
    origin: str


@dataclass(frozen=True)
class Extraction:
    source: SourceInfo
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    issues: tuple[Issue, ...]
    categories: tuple[str, ...] = ()  # category names, without the namespace
    see_also: tuple[str, ...] = ()  # titles of the see-also articles
    counts: tuple["Count", ...] = ()  # what the document held, and how much became graph content


@dataclass(frozen=True)
class Count:
    """Of ``read`` things of one sort in the document, ``used`` became graph content."""

    what: str  # "wikilinks", "templates", "refs", "categories", "external links", "sections"
    read: int
    used: int
