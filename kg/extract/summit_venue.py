"""A summit's venue from the sentence that tells it.

``在新加坡的香格里拉大酒店举行`` is the hotel in Singapore; a meeting told without a place is in the town
its visitor was last told to arrive at (``抵达某城…，次日会谈``), or at the lead's venue of the same
days (:class:`LeadVenue`), whose state still holds talks whose own clause names no place after a host greets the
visitor at one (``在[[某宫]]大厅迎接乙，两人随后举行会谈``: the palace, and the state the lead says was visited); a
list of states the meeting's leaders come from is no venue; a meeting told with no place of its own nor a visit is
where its leaders attended what the sentence tells (``两人在某城共同出席纪念活动``). A town visited holds the place held at only when
the visit leads straight to the meeting (``回访美国，在华盛顿与…会晤``; not ``抵达某城，与乙会谈；随后…在另一城与丙会谈``),
and is a town or a state, not a tomb or a memorial gone to (``前往某某陵拜谒并献花，随后在某都…会谈``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.containment import located_within
from kg.extract.dates import find_dates, find_year_months
from kg.extract.meeting_clauses import another_later_that_day
from kg.extract.phrases import OPENS_GOING_ON, TRAVELS_TO
from kg.extract.places import (VISIT_TO, attended_at_chain, greeted_then_met, held_at_chain, held_at_phrases,
                               host_town_of_the_gathering, said_of_other_days, spots_join, town_visited, visited_chain)
from kg.extract.reading import Reading
from kg.extract.text import Sentence, Spot
from kg.extract.towns_reached import town_arrived_at_before
from kg.model import EntityId, Inference, Kind, Prop


_SIDE_MARK = re.compile(r"^(一方|一侧|方面|侧)")


@dataclass(frozen=True)
class LeadVenue:
    """A venue the lead gives for the summits of some years (and months)."""

    times: tuple[tuple[int, int | None], ...]
    chain: tuple[Spot, ...]
    clause: Sentence


def venue_of_the_anchor(reading: Reading, summit: EntityId, anchor: Sentence, when: date, lead_venues,
                        at: int | None = None, welcome_ends: int | None = None, participants=()) -> None:
    """Records where the summit the anchor tells was held: its held-at phrase or the state visited,
    or the lead's venue of its days. ``welcome_ends``: where the clause of a welcome on arrival ends
    (``甲抵达某城，乙到机场迎接，两人一同出席在某体育场举行的集会``): a place held at after it is the next
    event's, not the welcome's."""
    registry = reading.registry
    chain = held_at_chain(reading, anchor, at)
    if chain and welcome_ends is not None and chain[0].start >= welcome_ends:
        chain = ()
    if chain and at is not None and chain[0].start < at and another_later_that_day(anchor.hans, at) is not None:
        chain = ()  # 在某宫会见乙；当晚，他又同丙会谈: the place of the meeting before, not the evening's
    visited = visited_chain(reading, anchor, at)
    if chain and visited and at is not None and chain[-1].end <= at < visited[0].start:
        chain = ()  # 在某宫同乙会谈…，次日即2月8日飞抵某城会见丙: the place held at is the day before's
    if welcome_ends is not None and not chain and not visited:
        _welcome_in_the_town_arrived_at(reading, summit, anchor, welcome_ends, when, participants)
        return
    venue = record_chain(reading, chain or visited, anchor) if chain or visited else None
    greeted = bool(chain) and any(greeted_then_met(m) and m.start() < chain[0].start < m.end()
                                  for m in held_at_phrases(anchor))
    if chain and visited and _visit_holds(anchor, visited, chain):  # 回访美国，在华盛顿与…会晤: Washington in the United States
        outer = record_chain(reading, visited, anchor)
        top = registry.named(registry.kind_of(chain[0].surface) or Kind.PLACE, chain[0].surface)
        if outer is not None and top.kind is Kind.PLACE and not registry.has_fact(top, Prop.LOCATED_IN) \
                and not located_within(reading.registry, outer, top):
            registry.fact(top, Prop.LOCATED_IN, outer, evidence=(anchor.evidence(),))
    for lead in lead_venues:
        if not any(year == when.year and (month is None or month == when.month) for year, month in lead.times) \
                or said_of_other_days(lead.clause, lead.chain[0].start, when) \
                or _visits_another_state(reading, anchor, lead.chain):
            continue
        lead_venue = record_chain(reading, lead.chain, lead.clause)
        if lead_venue is None:
            continue
        if venue is None or located_within(reading.registry, lead_venue, venue):
            if venue != lead_venue:
                registry.fact(summit, Prop.VENUE, lead_venue, evidence=(lead.clause.evidence(), anchor.evidence()),
                              inference=Inference.LEAD_PARAGRAPH)
                return
        elif greeted and lead_venue.kind is Kind.COUNTRY \
                and not any(registry.is_a(s.surface, Kind.COUNTRY) or reading.index.is_state(s.surface) for s in chain):
            registry.fact(summit, Prop.VENUE, lead_venue, evidence=(lead.clause.evidence(), anchor.evidence()),
                          inference=Inference.LEAD_PARAGRAPH)  # 在某宫迎接甲，两人随后举行会谈: still in the lead's state
    if venue is None and welcome_ends is None:  # 两人在某城共同出席纪念活动, 乙访问某城，…: where they were together
        attended = attended_at_chain(reading, anchor, at) or town_visited(reading, anchor, at) \
            or host_town_of_the_gathering(reading, anchor, at)
        venue = record_chain(reading, attended, anchor) if attended else None
    if venue is not None:
        registry.fact(summit, Prop.VENUE, venue, evidence=(anchor.evidence(),))


def _visits_another_state(reading: Reading, anchor: Sentence, lead_chain: tuple[Spot, ...]) -> bool:
    """Whether the meeting's own sentence tells a visit to a state the lead's venue is not in (the lead: 甲于某日至某日
    对乙国进行的国事访问; the aftermath: ``19日至20日，甲对丙国进行国事访问，同丙国总统举行会谈``): the lead's state holds
    no meeting of that visit."""
    def state(name: str) -> bool:
        return reading.index.is_state(name) or reading.registry.is_a(name, Kind.COUNTRY)

    lead_states = {reading.index.key(spot.surface) for spot in lead_chain if state(spot.surface)}
    visited = {reading.index.key(m["w"]) for m in VISIT_TO.finditer(anchor.hans) if state(m["w"])}
    return bool(lead_states) and bool(visited) and not visited & lead_states


#: A welcome ceremony told (为甲举行欢迎仪式, 出席欢迎式).
_WELCOME_CEREMONY = re.compile(r"欢迎(?:仪式|式)")


def talks_held_after_the_welcome(reading: Reading, summit: EntityId, welcome: Sentence, talks: Sentence) -> None:
    """A summit told first by a welcome ceremony at one place (``乙方在某都[[总统府]]广场为甲举行欢迎仪式``) and,
    in the next sentence of its paragraph, by the talks that follow it (``随后，两国总理在[[某宫]]举行会谈``): it
    stays placed at the ceremony's ground, as if the talks' sentence had told no summit of its own, and the hall
    of its talks is read from that sentence after (:func:`kg.extract.venue_halls.venue_of_the_talks_in_its_town`:
    another building of the ground's town, or a hall inside the ground)."""
    if talks.paragraph != welcome.paragraph or not OPENS_GOING_ON.match(talks.hans) \
            or not _WELCOME_CEREMONY.search(welcome.hans):
        return
    registry = reading.registry
    facts = [f for f in registry.facts_recorded(summit, Prop.VENUE) if f.evidence]
    if any(f.evidence[0].span == welcome.evidence().span for f in facts):
        for fact in facts:
            if fact.evidence[0].span == talks.evidence().span:
                registry.drop_one(summit, Prop.VENUE, fact.value)


#: Between a visit phrase and a held-at phrase: a meeting of the visit's own, or a move on to another
#: place (``抵达甲城，与乙会谈；随后访问丙国，并于7月24日在丁城…``, ``飞抵甲城…，随后前往某庄园``).
_ELSEWHERE = re.compile(rf"会谈|会晤|会面|会见|交谈|访问|出访|{TRAVELS_TO}|离开|返回")


def _visit_holds(anchor: Sentence, visited: tuple[Spot, ...], chain: tuple[Spot, ...]) -> bool:
    """Whether the place a visit phrase names holds the place a held-at phrase names: the visit is
    told first, and nothing between them tells a meeting of the visit's own or a move on to another
    place (``回访美国，在华盛顿与…会晤``; not ``在某宫同乙会谈，次日飞抵甲城``, nor ``抵达甲城，与乙会谈；
    随后访问丙国，并于…在丁城与丙会谈``: 丁城 is no town of 甲城)."""
    if visited[-1].hans.endswith(_SITE_VISITED):
        return False  # 前往某某陵拜谒并献花，随后在某都…会谈: a tomb visited holds no town
    start, end = visited[-1].end, chain[0].start
    between = anchor.hans[start:end]
    framed = {m.end() for m in _STATE_VISITED.finditer(between)}  # 抵达某城，开始对甲国进行国事访问: that visit
    return start <= end and all(m.end() in framed for m in _ELSEWHERE.finditer(between))


#: How the name of a tomb or a memorial ends, where a leader goes to pay his respects: no town lies in it.
_SITE_VISITED = ("陵", "墓", "碑", "纪念馆", "纪念堂", "陵园", "墓园")


#: A visit told as one to a state (``对甲国进行国事访问``): the visit the town reached is a stop of.
_STATE_VISITED = re.compile(r"对[^，。；,、对]{1,12}?(?:进行(?:了|的)?|的)[^，。；,]{0,10}?访问")


def _welcome_in_the_town_arrived_at(reading: Reading, summit: EntityId, anchor: Sentence, upto: int,
                                    when: date, participants) -> None:
    """A welcome on arrival whose clause gives no town (``乙在下榻的酒店迎接甲``) was held in the town
    the visitor last arrived at on or before its day, as its section or the one before tells it
    (``19日晚，甲抵达某岛``); nowhere where none is told, not in the lead's country of the visit."""
    town = town_arrived_at_before(reading, anchor, upto, when, participants)
    if town is not None:
        reading.registry.fact(summit, Prop.VENUE, town, evidence=(anchor.evidence(),), inference=Inference.BACK_REFERENCE)


def record_chain(reading: Reading, chain: tuple[Spot, ...], sentence: Sentence) -> EntityId | None:
    """``某村 甲国 一方 某楼``: each place lies in the one before; a state marked 一方 holds the next."""
    registry = reading.registry
    evidence = (sentence.evidence(),)
    places = [registry.named(registry.kind_of(s.surface) or Kind.PLACE, s.surface) for s in chain]
    container: EntityId | None = None
    side: EntityId | None = None
    for i, (spot, place) in enumerate(zip(chain, places)):
        between = sentence.hans[chain[i - 1].end:spot.start] if i else ""
        if i and not spots_join(sentence, chain[i - 1], spot) and not _SIDE_MARK.match(between):
            container, side = None, None
        is_side = place.kind is Kind.COUNTRY and bool(_SIDE_MARK.match(sentence.hans[spot.end:]))
        if is_side:
            side = place
            continue
        for outer in (container, side):
            if outer is not None and outer != place:
                registry.fact(place, Prop.LOCATED_IN, outer, evidence=evidence)
        container, side = place, None
    return container if container is not None else (places[-1] if places else None)


def venues_of_the_lead(reading: Reading) -> tuple[LeadVenue, ...]:
    out: list[LeadVenue] = []
    for clause in reading.lead:
        previous_end = 0
        for match in held_at_phrases(clause):
            times = tuple((t.year, t.month) for t in find_year_months(clause.hans[previous_end:match.start()]))
            chain = tuple(s for s in clause.spots_in(match.start("w"), match.end("w"))
                          if reading.registry.is_a(s.surface, Kind.PLACE, Kind.COUNTRY))
            if times and chain and not _states_listed(reading, clause, chain):
                out.append(LeadVenue(times, chain, clause))
            previous_end = match.end()
    return tuple(out)


def _states_listed(reading: Reading, clause: Sentence, chain: tuple[Spot, ...]) -> bool:
    """Whether the chain lists states one after another (``对甲国、乙国和丙国进行访问``): a tour, which
    gives its meetings no venue (``在甲国某城、乙国某城举行``: each state holds its own city)."""
    return any(reading.registry.is_a(a.surface, Kind.COUNTRY) and reading.registry.is_a(b.surface, Kind.COUNTRY)
               and _LISTED.fullmatch(clause.hans[a.end:b.start]) for a, b in zip(chain, chain[1:]))


_LISTED = re.compile(r"[、，,]|和|及|与|以及")


def same_days(sentence: Sentence, span: tuple[date, date]) -> bool:
    found = [d for d in find_dates(sentence.hans, year=span[0].year)]
    return not found or any(d.start <= span[1] + timedelta(days=1) and span[0] <= d.end for d in found)
