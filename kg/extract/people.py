"""People over time: governments named in headings, offices, deaths and successions.

What comes out is also what the summit extractor needs to name a side's leader when a
section does not: who held power on which side, from which year to which.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.dates import year_range
from kg.extract.entities import heading_leader
from kg.extract.phrases import DIED, GOVERNMENTS, SUCCESSOR_BEFORE, TAKES_OVER
from kg.extract.reading import Reading
from kg.extract.roles import OFFICE_WORDS, office_key, title_after, titles_before
from kg.extract.scripts import to_hans, to_hant
from kg.extract.text import Sentence
from kg.model import EntityId, Evidence, Kind, Label, Prop, Span, Year
from kg.wikitext import Section



@dataclass(frozen=True)
class Tenure:
    """A person in power from a year to a year (``None``: open), as far as the article says."""

    person: str  # key
    start: int | None
    end: int | None
    period: EntityId | None  # the government or period it comes from


@dataclass(frozen=True)
class People:
    periods: dict[Section, EntityId]  # the period each section is about
    tenures: tuple[Tenure, ...]
    sides: dict[str, str]  # person key → state key, by the offices they are given
    offices: dict[str, tuple[str, ...]]  # person key → office keys they are given, in order
    office_evidence: dict[tuple[str, str], Evidence]  # (person, office) → first sentence saying so


def read_people(reading: Reading) -> People:
    periods, tenures = _periods(reading)
    tenures += _deaths_and_successions(reading)
    sides, offices, office_evidence = _offices(reading)
    for tenure in tenures:
        successor_side = sides.get(tenure.person)
        if successor_side is None:
            for other in tenures:
                if other.person != tenure.person and other.end is not None and other.end == tenure.start \
                        and other.person in sides and other.period is None and tenure.period is None:
                    sides[tenure.person] = sides[other.person]
    return People(periods, tuple(tenures), sides, offices, office_evidence)


def _periods(reading: Reading) -> tuple[dict[Section, EntityId], list[Tenure]]:
    registry, index = reading.registry, reading.index
    periods: dict[Section, EntityId] = {}
    tenures: list[Tenure] = []
    for section in reading.document.all_sections():
        years = year_range(section.heading)
        if years is None or section not in reading.by_section:
            continue
        name = re.split(r"\s*[（(]", section.heading.strip(), maxsplit=1)[0].strip()
        leader = heading_leader(section.heading)
        if leader and registry.is_a(leader, Kind.PERSON):
            period = registry.unnamed(Kind.ADMINISTRATION, index.key(leader) + "政府")
            leaders = [registry.named(Kind.PERSON, leader)]
        else:
            period = registry.unnamed(Kind.PERIOD, f"{to_hans(name)}-{years[0]}")
            leaders = [registry.named(Kind.PERSON, spot.surface)
                       for sentence in reading.by_section[section] if GOVERNMENTS.search(sentence.hans)
                       for spot in sentence.spots if registry.is_a(spot.surface, Kind.PERSON)
                       and spot.end <= GOVERNMENTS.search(sentence.hans).start()]
        registry.label(period, Label(to_hans(name), "zh-Hans"), preferred=True)
        registry.label(period, Label(to_hant(name), "zh-Hant"), preferred=True)
        if to_hans(name) != name and to_hant(name) != name:
            registry.label(period, Label(name, "zh"))
        heading_evidence = _heading_evidence(reading, section)
        registry.evidence(period, heading_evidence)
        registry.fact(period, Prop.START_YEAR, Year(years[0]), evidence=(heading_evidence,))
        if years[1] is not None:
            registry.fact(period, Prop.END_YEAR, Year(years[1]), evidence=(heading_evidence,))
        for person in leaders:
            registry.fact(period, Prop.LEADER, person, evidence=(heading_evidence,))
            tenures.append(Tenure(person.key, years[0], years[1], period))
        for sub in (section,) + _descendants(section):
            periods[sub] = period
    return periods, tenures


def _descendants(section: Section) -> tuple[Section, ...]:
    out: list[Section] = []
    for sub in section.subsections:
        out.append(sub)
        out.extend(_descendants(sub))
    return tuple(out)


def _heading_evidence(reading: Reading, section: Section) -> Evidence:
    return Evidence(Span(section.span.start, section.body.start), section.heading.strip(), section.heading.strip())


def _deaths_and_successions(reading: Reading) -> list[Tenure]:
    registry = reading.registry
    tenures: list[Tenure] = []
    for sentence in reading.all_sentences():
        died: tuple[str, int] | None = None
        for spot in sentence.spots:
            if not registry.is_a(spot.surface, Kind.PERSON):
                continue
            match = DIED.match(sentence.hans[spot.end:])
            if match:
                person = registry.named(Kind.PERSON, spot.surface)
                year = int(match["y"])
                registry.fact(person, Prop.DEATH_YEAR, Year(year), evidence=(sentence.evidence(),))
                tenures.append(Tenure(person.key, None, year, None))
                died = (person.key, year)
            elif died and SUCCESSOR_BEFORE.search(sentence.hans[:spot.start]) and TAKES_OVER.match(sentence.hans[spot.end:]):
                successor = registry.named(Kind.PERSON, spot.surface)
                registry.fact(EntityId(Kind.PERSON, died[0]), Prop.SUCCEEDED_BY, successor,
                              evidence=(sentence.evidence(),))
                tenures.append(Tenure(successor.key, died[1], None, None))
    return tenures


def _offices(reading: Reading):
    registry, index = reading.registry, reading.index
    sides: dict[str, Counter] = {}
    offices: dict[str, list[str]] = {}
    evidence: dict[tuple[str, str], Evidence] = {}
    for sentence in reading.all_sentences():
        for spot in sentence.spots:
            if not registry.is_a(spot.surface, Kind.PERSON):
                continue
            for title in titles_before(sentence, spot, index) + title_after(sentence, spot, index):
                if title.state is None and title.text in OFFICE_WORDS:
                    continue
                key = index.key(office_key(title, index))
                offices.setdefault(spot.key, [])
                if key not in offices[spot.key]:
                    offices[spot.key].append(key)
                    evidence[(spot.key, key)] = sentence.evidence()
                if title.state:
                    sides.setdefault(spot.key, Counter())[title.state] += 1
    return ({person: counter.most_common(1)[0][0] for person, counter in sides.items()},
            {person: tuple(keys) for person, keys in offices.items()}, evidence)


def written_titles(reading: Reading, key: str) -> tuple[str, ...]:
    """Every title written before or after the person's name in the article, bare ones too."""
    out: list[str] = []
    for sentence in reading.all_sentences():
        for spot in sentence.spots:
            if spot.key == key:
                out.extend(t.text for t in titles_before(sentence, spot, reading.index) + title_after(sentence, spot, reading.index))
    return tuple(dict.fromkeys(out))


def main_office(people: People, key: str) -> str | None:
    """The office the article gives a person first, an office proper before a description
    (朝鲜劳动党委员长 before 朝鲜最高领导人)."""
    offices = people.offices.get(key, ())
    proper = [o for o in offices if not o.endswith(("领导人", "元首"))]
    return (proper or list(offices) or [None])[0]


def titles_in(sentence: Sentence, reading: Reading, person_key: str) -> tuple[str, ...]:
    """Office keys written with the person's name in this sentence (bare 总统 resolved by the person's offices)."""
    index = reading.index
    out: list[str] = []
    for spot in sentence.spots:
        if spot.key != person_key:
            continue
        for title in titles_before(sentence, spot, index) + title_after(sentence, spot, index):
            out.append(index.key(office_key(title, index)))
    return tuple(dict.fromkeys(out))
