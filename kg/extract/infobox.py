"""A summit infobox (``{{Infobox summit meeting}}`` and its Chinese names) as one summit.

Parameters read, by their English or Chinese names: date, venue (most specific first,
then what holds it), cities, participants (links or names split at ``<br>``, ``、``, ``，``),
follows and precedes (the articles about the previous and next summits).
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.dates import find_dates
from kg.extract.people import People
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans, to_hant
from kg.extract.summits import MEETING, SummitFound, _digest, ordinal_in
from kg.model import Article, Evidence, Kind, Label, Prop
from kg.wikitext import Param, Template

_NAME = re.compile(r"^(infobox\s*)?(summit( meeting)?|峰会|首脑会议|首脑会晤|会晤|高峰会)(\s*信息框|\s*资讯框)?$"
                   r"|^(峰会|会议|首脑会议|会晤)(信息框|资讯框)$")
_FIELDS = {
    "date": ("date", "日期", "时间", "date(s)", "dates"),
    "venue": ("venue", "地点", "会场", "location", "place", "場地", "场地"),
    "cities": ("cities", "city", "城市", "举办城市"),
    "participants": ("participants", "参与者", "与会者", "出席者", "leaders", "参加者", "出席"),
    "follows": ("follows", "前一届", "上届", "前任", "前次"),
    "precedes": ("precedes", "下一届", "下届", "继任", "下次"),
}
_SPLIT = re.compile(r"<br\s*/?>|、|，|,|\n|；|;|与|和")


def summit_infoboxes(reading: Reading) -> tuple[Template, ...]:
    return tuple(t for t in reading.document.templates
                 if t.nested_in is None and _NAME.match(to_hans(t.key)))


def infobox_summit(reading: Reading, people: People, template: Template) -> SummitFound | None:
    registry = reading.registry
    when = _date(template, _param(template, "date"))
    if when is None:
        reading.note(f"{{{{{template.name}}}}} gives no date that can be read; no summit made", template.span.start)
        return None
    persons = [registry.named(Kind.PERSON, name, article=article)
               for name, article in _names(reading, _param(template, "participants"))]
    if not persons:
        reading.note(f"{{{{{template.name}}}}} names no participants; no summit made", template.span.start)
        return None
    keys = tuple(sorted(p.key for p in persons))
    summit = registry.unnamed(Kind.SUMMIT, f"{when[0].isoformat()}-{_digest(keys)}")
    evidence = Evidence(template.span, f"{{{{{template.name}}}}}", None)
    registry.evidence(summit, evidence)
    title = reading.document.title
    registry.label(summit, Label(to_hans(title), "zh-Hans"), preferred=True)
    registry.label(summit, Label(to_hant(title), "zh-Hant"), preferred=True)
    registry.fact(summit, Prop.START_DATE, when[0], evidence=(evidence,))
    registry.fact(summit, Prop.END_DATE, when[1], evidence=(evidence,))
    for person in persons:
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=(evidence,))
        participation = registry.unnamed(Kind.PARTICIPATION, f"{summit.key}-{_digest((person.key,))}")
        registry.fact(summit, Prop.HAS_PARTICIPATION, participation)
        registry.fact(participation, Prop.AGENT, person)
        side = people.sides.get(person.key)
        if side:
            registry.fact(participation, Prop.SIDE, registry.named(Kind.COUNTRY, side))
        for office in people.offices.get(person.key, ())[:1]:
            registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office))
    places = [registry.named(Kind.COUNTRY if reading.index.is_state(n) else Kind.PLACE, n, article=a)
              for n, a in _names(reading, _param(template, "venue")) + _names(reading, _param(template, "cities"))]
    for inner, outer in zip(places, places[1:]):
        if inner.key != outer.key and inner.kind is not Kind.COUNTRY:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(evidence,))
    if places:
        registry.fact(summit, Prop.VENUE, places[0], evidence=(evidence,))
    for sentence in reading.lead:  # "…首次会面", "第二次…会晤": the infobox has no ordinal of its own
        number = ordinal_in(sentence.hans) if MEETING.search(sentence.hans) else None
        if number:
            registry.fact(summit, Prop.ORDINAL, number, evidence=(sentence.evidence(),))
            break
    for field, prop in (("follows", Prop.FOLLOWS), ("precedes", Prop.PRECEDES)):
        for name, article in _names(reading, _param(template, field)):
            registry.fact(summit, prop, Article(article or name), evidence=(evidence,))
    return SummitFound(summit, None, when[0], when[1], None, keys)


def _param(template: Template, field: str) -> Param | None:
    for name in _FIELDS[field]:
        for param in template.params:
            if to_hans(param.name.strip().lower()) == name and param.value:
                return param
    return None


def _date(template: Template, param: Param | None) -> tuple[date, date] | None:
    if param is None:
        return None
    found = find_dates(param.value)
    if found and found[0].year_given:
        return found[0].start, found[0].end
    numbers = re.findall(r"\d+", param.raw)
    if len(numbers) >= 3 and len(numbers[0]) == 4:  # {{start date|2018|6|12}}
        try:
            return (date(int(numbers[0]), int(numbers[1]), int(numbers[2])),) * 2
        except ValueError:
            return None
    return None


def _names(reading: Reading, param: Param | None) -> list[tuple[str, str | None]]:
    """The names a parameter lists: its links, else its plain text split at separators."""
    if param is None:
        return []
    links = [link for link in reading.document.links if param.span.start <= link.span.start < param.span.end]
    if links:
        return [(link.target, link.target) for link in links]
    return [(part.strip(), None) for part in _SPLIT.split(param.value) if len(part.strip()) > 1]
