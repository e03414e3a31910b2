"""Content negotiation: which media type and which Chinese script a client asked for."""

from __future__ import annotations

from collections.abc import Sequence

from kg.server.pages import Script


def weighted(header: str | None) -> list[str]:
    """The values of an ``Accept``-style header, best first (q=0 dropped).

    >>> weighted("text/html;q=0.5, application/json, */*;q=0")
    ['application/json', 'text/html']
    """
    ranked = []
    for position, part in enumerate((header or "").split(",")):
        value, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.lower().startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if value and quality > 0:
            ranked.append((-quality, position, value.lower()))
    return [value for _, _, value in sorted(ranked)]


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most; the first offer when it accepts anything or says nothing.

    >>> negotiate("application/ld+json, text/html;q=0.9", ["text/html", "application/ld+json"])
    'application/ld+json'
    """
    wanted = weighted(accept) or ["*/*"]
    for media_range in wanted:
        for offer in offers:
            kind = offer.split("/")[0]
            if media_range in (offer, "*/*", f"{kind}/*"):
                return offer
    return None


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
