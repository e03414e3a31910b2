"""What the article is about, and every name it gives for it.

An article about several summits is about their series; an article about one summit is
about that summit. Either way the subject takes the title, the ``noteTA`` and
``各地中文名`` regional names, the ``{{lang|en|…}}`` name, and the hangul, hanja and
romanisations of ``Infobox East Asian`` (the first set for the North when ``context``
says so, the second for the South), each with its own language tag.
"""

from __future__ import annotations

from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans
from kg.extract.joining import SummitFound
from kg.model import EntityId, Kind, Label, Prop
from kg.wikitext import Template

_EAST_ASIAN = ("infobox east asian", "chinese", "infobox chinese", "infobox korean name", "korean")
_CONTEXT_REGION = {"north": "KP", "south": "KR", "nk": "KP", "sk": "KR"}


def read_subject(reading: Reading, summits: tuple[SummitFound, ...]) -> EntityId | None:
    """Names the subject; a series gets its summits (not when the article is about the place
    they were held at, or about a document signed at them). Returns the series, if there is one."""
    registry = reading.registry
    document = reading.document
    if len(summits) >= 2 and registry.is_a(document.title, Kind.PLACE, Kind.COUNTRY):
        reading.note(f"the article is about a place ({document.title}) where {len(summits)} summits were held, "
                     "not about their series; no series made")
        return None
    if summits and registry.is_a(document.title, Kind.DOCUMENT):
        reading.note(f"the article is about a document ({document.title}) of {len(summits)} summit(s), "
                     "not about a summit or their series; none is named after it")
        return None
    if len(summits) >= 2:
        subject = registry.named(Kind.SERIES, document.title, article=document.title)
        for summit in summits:
            registry.fact(summit.id, Prop.IN_SERIES, subject)
    elif len(summits) == 1:
        subject = summits[0].id
        registry.unnamed(Kind.SUMMIT, subject.key, article=document.title)
        registry.label(subject, Label(document.title, script_of(document.title)))
    else:
        return None
    for rule in reading.index.rules:
        if reading.index.key(rule.canonical) == reading.index.key(document.title) or len(summits) == 1:
            for form in rule.forms:
                if reading.index.key(form.text) == reading.index.key(document.title):
                    registry.label(subject, form)
    _english_names(reading, subject)
    for template in document.templates:
        if template.key in _EAST_ASIAN:
            _east_asian(reading, subject, template)
    return subject if subject.kind is Kind.SERIES else None


def _english_names(reading: Reading, subject: EntityId) -> None:
    for template in reading.document.templates:
        if to_hans(template.name) != "各地中文名":
            continue
        for param in template.params:
            if to_hans(param.name) in ("名词", "名称", "英文"):
                inner = [t for t in reading.document.templates
                         if t.key == "lang" and param.span.start <= t.span.start < param.span.end]
                for lang in inner:
                    if lang.get("1") and lang.get("2"):
                        reading.registry.label(subject, Label(lang.get("2"), lang.get("1")), preferred=True)


def _east_asian(reading: Reading, subject: EntityId, template: Template) -> None:
    registry = reading.registry
    title = template.get("title")
    if title:
        registry.label(subject, Label(title, script_of(title)))
    context = (template.get("context") or "").strip().lower()
    first = _CONTEXT_REGION.get(context)
    second = {"KP": "KR", "KR": "KP"}.get(first or "")
    for suffix, region in (("", first), ("2", second), ("3", None)):
        tag = f"-{region}" if region else ""
        hangul = template.get("hangul" + suffix)
        hanja = template.get("hanja" + suffix)
        rr = template.get("rr" + suffix)
        mr = template.get("mr" + suffix)
        if hangul:
            registry.label(subject, Label(hangul, "ko" + tag), preferred=True)
        if hanja:
            registry.label(subject, Label(hanja, "ko-Hani" + tag))
        if rr:
            registry.fact(subject, Prop.ROMANIZATION_RR, Label(rr, "ko-Latn" + tag))
            registry.label(subject, Label(rr, "ko-Latn" + tag))
        if mr:
            registry.fact(subject, Prop.ROMANIZATION_MR, Label(mr, "ko-Latn" + tag))
            registry.label(subject, Label(mr, "ko-Latn" + tag))
