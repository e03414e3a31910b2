"""Plain, frozen values passed between stages. No behaviour beyond small derived properties."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum


class Severity(Enum):
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
    """A page of an export that could not be read; the others are still built."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` in a page's text."""

    start: int
    end: int
