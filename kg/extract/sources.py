"""What the article cites and points to: citations, external links, categories, see-also."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kg.extract.dates import parse_date
from kg.extract.reading import Reading, is_see_also
from kg.extract.scripts import script_of
from kg.model import EntityId, Evidence, Kind, Label, Prop, Span, Url
from kg.wikitext import Ref, Template

CITATION_TEMPLATES = ("cite web", "cite news", "cite journal", "cite book", "cite press release",
                      "cite magazine", "cite report", "cite", "citation", "web引用", "新闻引用", "新聞引用")
_PARAMS = {
    Prop.URL: ("url",),
    Prop.ARCHIVE_URL: ("archiveurl", "archive-url"),
}
_DATES = {
    Prop.PUBLICATION_DATE: ("date", "publication-date"),
    Prop.ACCESS_DATE: ("accessdate", "access-date"),
    Prop.ARCHIVE_DATE: ("archivedate", "archive-date"),
}
_PUBLISHERS = ("publisher", "work", "website", "newspaper", "agency", "journal", "magazine")


@dataclass(frozen=True)
class Sources:
    citations: dict[int, tuple[EntityId, ...]]  # ref start offset → its citations
    categories: tuple[str, ...]
    see_also: tuple[str, ...]
    used_refs: int
    used_external_links: int


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def read_sources(reading: Reading) -> Sources:
    document, registry = reading.document, reading.registry
    by_name: dict[str, tuple[EntityId, ...]] = {}
    citations: dict[int, tuple[EntityId, ...]] = {}
    for ref in document.refs:
        if ref.reuse:
            continue
        found = tuple(_citation(reading, template, ref) for template in ref.templates
                      if template.key in CITATION_TEMPLATES)
        found = tuple(c for c in found if c is not None)
        citations[ref.span.start] = found
        if ref.name:
            by_name[ref.name] = found
    for ref in document.refs:
        if ref.reuse:
            citations[ref.span.start] = by_name.get(ref.name or "", ())
            if ref.name not in by_name:
                reading.note(f"<ref name={ref.name!r} /> reuses a ref the article never defines",
                             ref.span.start)
    used_links = 0
    cited_urls = {url.value for found in citations.values() for citation in found
                  for prop in (Prop.URL, Prop.ARCHIVE_URL) for url in registry.facts_about(citation, prop)}
    for link in document.external_links:
        if _inside_ref(link.span, document.refs):
            used_links += link.url in cited_urls  # published as the citation's URL or archive URL
            continue
        if not link.url.startswith(("http://", "https://")):
            continue
        weblink = registry.unnamed(Kind.WEBLINK, digest(link.url))
        registry.fact(weblink, Prop.URL, Url(link.url))
        if link.title:
            registry.fact(weblink, Prop.TITLE, Label(link.title, script_of(link.title)))
            registry.label(weblink, Label(link.title, script_of(link.title)), preferred=True)
        registry.evidence(weblink, Evidence(link.span, link.title or link.url, _heading_at(reading, link.span)))
        used_links += 1
    see_also: list[str] = []
    for section in document.all_sections():
        if is_see_also(section):
            see_also.extend(link.target for link in document.links
                            if section.body.start <= link.span.start < section.body.end)
    return Sources(citations, tuple(c.name for c in document.categories), tuple(dict.fromkeys(see_also)),
                   sum(1 for c in citations.values() if c), used_links)


def _citation(reading: Reading, template: Template, ref: Ref) -> EntityId | None:
    registry = reading.registry
    url = template.get("url")
    title = template.get("title")
    if not url and not title:
        reading.note(f"{{{{{template.name}}}}} without url or title is not published", template.span.start)
        return None
    citation = registry.unnamed(Kind.CITATION, digest(url or "", title or ""))
    evidence = Evidence(ref.span, title or url or "", _heading_at(reading, ref.span))
    registry.evidence(citation, evidence)
    for prop, names in _PARAMS.items():
        value = next((template.get(n) for n in names if template.get(n)), None)
        if value:
            registry.fact(citation, prop, Url(value.strip()))
    for prop, names in _DATES.items():
        raw = next((template.get(n) for n in names if template.get(n)), None)
        if raw:
            parsed = parse_date(raw)
            if parsed is None:
                reading.note(f"cannot read the date {raw!r} of a citation", template.span.start)
            else:
                registry.fact(citation, prop, parsed)
    if title:
        registry.fact(citation, Prop.TITLE, Label(title, script_of(title)))
        registry.label(citation, Label(title, script_of(title)), preferred=True)
    for name in _PUBLISHERS:
        param = next((p for p in template.params if p.name == name and p.value), None)
        if param:
            _publisher(reading, citation, _link_target(param.raw) or param.value, _link_target(param.raw),
                       template.span.start)
            break
    return citation


def _publisher(reading: Reading, citation: EntityId, target: str, article: str | None, at: int) -> None:
    """A citation's publisher (``|publisher=[[某通讯社]]``) is an organization, unless the article's
    text names it as a place (``两人在[[白宫]]会谈`` and ``|publisher=[[白宫]]``, ``|publisher=首相官邸``):
    the place the text meets at stands, and the citation is left without its publisher (one name
    is one node, and a place cannot publish)."""
    registry = reading.registry
    if registry.is_a(target, Kind.PLACE, Kind.COUNTRY):
        reading.note(f"left out {target} as a citation's publisher: the text names it as a place", at)
        return
    registry.fact(citation, Prop.PUBLISHER, registry.named(Kind.ORGANIZATION, target, article=article))


def _link_target(raw: str) -> str | None:
    raw = raw.strip()
    if raw.startswith("[[") and raw.endswith("]]"):
        return raw[2:-2].split("|", 1)[0].strip() or None
    return None


def _inside_ref(span: Span, refs: tuple[Ref, ...]) -> bool:
    return any(ref.span.start <= span.start < ref.span.end for ref in refs)


def _heading_at(reading: Reading, span: Span) -> str | None:
    heading = None
    for section in reading.document.all_sections():
        if section.span.start <= span.start < section.span.end:
            heading = section.heading.strip()
    return heading


def citation_title(reading: Reading, citation: EntityId) -> str | None:
    """The title of a citation, for reading names out of it."""
    for value in reading.registry.facts_about(citation, Prop.TITLE):
        if isinstance(value, Label):
            return value.text
    return None
