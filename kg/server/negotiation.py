"""Content negotiation: which media type and which Chinese script a client asked for.

Accept headers are read by werkzeug's parser (``MIMEAccept``), which knows media ranges,
quality values and specificity the way RFC 9110 says; the server lists its offers in its
own order of preference, which breaks ties (``*/*`` gets the first offer).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from werkzeug.datastructures import LanguageAccept, MIMEAccept
from werkzeug.http import parse_accept_header

from kg.server.pages import Script


def weighted(header: str | None) -> list[str]:
    """The values of an ``Accept``-style header, best first (q=0 dropped).

    >>> weighted("text/html;q=0.5, application/json, */*;q=0")
    ['application/json', 'text/html']
    """
    return [value.lower() for value, quality in parse_accept_header(header or "") if quality > 0]


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most; the first offer when it accepts anything or says nothing.

    None when the client accepts none of the offers (a 406). A media range's parameters
    (``charset=utf-8``, a JSON-LD ``profile``) do not keep it from matching: every offer is
    UTF-8, and JSON-LD comes compacted whatever profile is asked for.

    >>> negotiate("application/ld+json, text/html;q=0.9", ["text/html", "application/ld+json"])
    'application/ld+json'
    >>> negotiate("application/sparql-results+xml, */*;q=0.1", ["application/sparql-results+json", "text/html"])
    'application/sparql-results+json'
    >>> negotiate('application/sparql-results+json; charset=utf-8', ["application/sparql-results+json", "text/html"])
    'application/sparql-results+json'
    """
    if not (accept or "").strip():
        return offers[0] if offers else None
    return _best_match(accept, tuple(offers))


@lru_cache(maxsize=1024)
def _best_match(accept: str, offers: tuple[str, ...]) -> str | None:
    """Remembered: clients send the same few Accept headers, and werkzeug's matching is most of a small query's time."""
    ranges = [(value.split(";", 1)[0].strip(), quality) for value, quality in parse_accept_header(accept)]
    return MIMEAccept(ranges).best_match(offers)


def reader_script(*, lang_param: str | None, accept_language: str | None) -> Script:
    """The script to label things in: ``?lang=`` first, then the first Chinese language accepted.

    zh-Hant, zh-TW, zh-HK and zh-MO mean Traditional; other Chinese tags Simplified.

    >>> reader_script(lang_param=None, accept_language="en;q=0.5, zh-TW")
    <Script.TRADITIONAL: 'zh-Hant'>
    """
    for tag in ([lang_param] if lang_param else []) + weighted(accept_language):
        tag = tag.lower()
        if tag.startswith(("zh-hant", "zh-tw", "zh-hk", "zh-mo")):
            return Script.TRADITIONAL
        if tag.startswith("zh"):
            return Script.SIMPLIFIED
    return Script.SIMPLIFIED


def reader_language(*, lang_param: str | None, accept_language: str | None) -> str:
    """The language of the page chrome: ``zh-Hans``, ``zh-Hant`` or ``en``.

    ``?lang=`` decides when given; otherwise the reader's best language of the three
    (Chinese in the script :func:`reader_script` picks); Simplified Chinese by default.

    >>> reader_language(lang_param=None, accept_language="en-GB, zh;q=0.5")
    'en'
    >>> reader_language(lang_param="zh-Hant", accept_language="en")
    'zh-Hant'
    """
    if lang_param:
        if lang_param.lower().startswith("en"):
            return "en"
        return reader_script(lang_param=lang_param, accept_language=None).value
    languages = parse_accept_header(accept_language or "", LanguageAccept)
    for tag in (value.lower() for value, quality in languages if quality > 0):
        if tag.startswith("en"):
            return "en"
        if tag.startswith("zh"):
            return reader_script(lang_param=tag, accept_language=None).value
    return Script.SIMPLIFIED.value
