"""Where the places an article names lie, one in another: a venue in its town, a town in its state,
read from the text, the places' own names and the reference gazetteer.

- ``X位于A B C内`` puts X in C in B in A, and a place reached right after the town it lies in
  (``抵达某城[[某大厦]]``) lies in it, as each town a visit lists right after its state does
  (``先后访问[[甲国]][[甲都]]、[[乙国]][[乙都]]``); a place named after a city of the article lies in
  it (``天津迎宾馆``); a well-known venue the text does not place lies where the reference
  gazetteer (``kg/data/venues.tsv``) says, published as an inference; one the text puts only in
  a state (an infobox's venue and host country) lies in the gazetteer's city, in that state. The
  gazetteer's town stays only where the article names it, or a state the text gives holds it.
- An embassy (``驻某国大使馆``) lies in the state its name says.
- A generic building's name written without a link (``在某都总统府``) names the building of the
  town (else the state) the text puts it in: two towns' palaces are two places.
"""

from __future__ import annotations

import re

from kg.extract.gazetteer import well_known_venues
from kg.extract.listed_states import is_listed_state, states_listed_from
from kg.extract.names import GENERIC_BUILDINGS, building_key, disambiguator, strip_disambiguator
from kg.extract.phrases import TRAVELS_TO
from kg.extract.places import (CLAUSE_BREAK, PLAIN_PLACE, SIDE_WORDS, VENUE_ENDINGS, joins_chain, meeting_chains,
                               name_positions, well_known_container)
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans
from kg.extract.text import Sentence, Spot
from kg.model import EntityId, Inference, Kind, Label, Prop


#: After a city's name, what makes a name of the city itself, not of a place in it.
_ADMIN_SUFFIX = re.compile(r"^(?:市|省|州|县|区|邦|特区|地区|都|府|市区|国)$")


def contain_by_name(reading: Reading) -> None:
    """A place whose name begins with the name of another place of the article, not a state,
    lies in it when nothing else says where it lies: ``天津迎宾馆`` in 天津, ``武汉东湖宾馆`` in
    武汉 (not ``华盛顿州`` in 华盛顿: an administrative suffix names the bigger place); an
    embassy lies in the state its name says it is in (see :func:`_missions_in_their_state`).
    A place whose name begins with the name of the place it lies in is also called without it
    (``某都国际会议中心`` in 某都 is ``国际会议中心`` too): a text, most often a table's cell,
    writes the town before a venue's own name."""
    _missions_in_their_state(reading)
    registry = reading.registry
    keys = registry.keys_of(Kind.PLACE)
    for key in keys:
        place = EntityId(Kind.PLACE, key)
        if registry.has_fact(place, Prop.LOCATED_IN):
            continue
        heads = [k for k in keys if k != key and key.startswith(k) and len(k) >= 2
                 and not _ADMIN_SUFFIX.match(key[len(k):]) and not reading.index.is_state(k)]
        said = [f.evidence for f in registry.facts_with((Prop.VENUE, Prop.LOCATED_IN), key) if f.evidence]
        if heads and said:
            registry.fact(place, Prop.LOCATED_IN, EntityId(Kind.PLACE, max(heads, key=len)), evidence=said[0])
    for key in keys:
        place = EntityId(Kind.PLACE, key)
        for outer in registry.facts_about(place, Prop.LOCATED_IN):
            town = outer.key if isinstance(outer, EntityId) else ""
            town = town if key.startswith(town) else town[:-1] if town.endswith(("市", "省")) else ""  # 海南三亚… in 海南省
            own = key[len(town):] if town and key.startswith(town) else ""
            if len(own) >= 2 and PLAIN_PLACE.match(own) and not SIDE_WORDS.match(own) and not _ADMIN_SUFFIX.match(own):
                registry.label(place, Label(own, script_of(own)))


def town_in_its_name(reading: Reading, place: EntityId) -> EntityId | None:
    """The place of the article, not a state, whose name the place's begins with (``乙镇宫``: 乙镇; not
    ``华盛顿州``, whose suffix names the bigger place): the town the place is named after, and lies in, whatever
    town a visitor reached before going there (``抵达甲都…驱车前往乙镇宫``). A stop a summit's or a visit's box
    lists is a town of the article too (``| location = [[甲都]]、[[乙镇]]``)."""
    registry = reading.registry
    name = strip_disambiguator(place.key)  # 总统府 (某国): a generic building, named after no town
    keys = [k for k in (*registry.keys_of(Kind.PLACE), *_stops_boxed(reading)) if len(k) >= 2 and len(k) < len(name)
            and name.startswith(k) and not _ADMIN_SUFFIX.match(name[len(k):]) and not reading.index.is_state(k)
            and not k.endswith(VENUE_ENDINGS) and registry.kind_of(k) in (None, Kind.PLACE)]
    return registry.named(Kind.PLACE, max(keys, key=len)) if keys else None


def _stops_boxed(reading: Reading) -> frozenset[str]:
    """The keys of the places a summit's or a visit's box links in its place fields (``| location = [[甲都]]、
    [[乙镇]]``), worked out once while the name index stays as it is."""
    from kg.extract.infobox import boxed_place_names  # the box module reads containment: import late

    remembered = reading.index.remembered
    found = remembered.get(_stops_boxed)
    if found is None:
        found = remembered[_stops_boxed] = boxed_place_names(reading)
    return found


#: A mission named for the state it is in (甲国驻乙国大使馆): 乙国 holds it.
_MISSION_IN = re.compile(r"驻(?P<s>[\u4e00-\u9fff]{2,12}?)(?:大使馆|总领事馆|领事馆|使馆|代表处)$")


def _missions_in_their_state(reading: Reading) -> None:
    """An embassy the text places nowhere lies in the state its name says it is in
    (``甲国驻乙国大使馆``), in the one town of that state the article places anything in (the
    lead's ``在乙国首都某城举行``), else in the state itself."""
    registry = reading.registry
    for key in registry.keys_of(Kind.PLACE):
        place = EntityId(Kind.PLACE, key)
        mission = _MISSION_IN.search(to_hans(key))
        said = [f.evidence for f in registry.facts_with((Prop.VENUE,), key) if f.evidence]
        if mission is None or not said or registry.has_fact(place, Prop.LOCATED_IN) \
                or not reading.index.is_state(mission["s"]):
            continue
        state = reading.index.key(mission["s"])
        towns = {f.subject: f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state)
                 if f.subject.kind is Kind.PLACE and f.subject != place}
        if len(towns) == 1:  # 在乙国首都某城举行: the embassy is in that town
            (town, placed), = towns.items()
            registry.fact(place, Prop.LOCATED_IN, town, evidence=tuple(dict.fromkeys(said[0] + tuple(placed))))
        else:
            registry.fact(place, Prop.LOCATED_IN, registry.named(Kind.COUNTRY, state), evidence=said[0])


_LIES = re.compile(r"位于")


def read_where_things_lie(reading: Reading) -> None:
    """``X位于美国马里兰州弗雷德里克县凯托克廷山公园内``: the places after 位于 are a chain, big
    to small, and X lies in the last; X is the name before 位于 in its clause, or the article's
    own subject when its lead sentence says where it lies (``是位于…的Y`` says where Y lies, not X)."""
    registry = reading.registry
    title = reading.index.key(reading.document.title or "")
    for sentence in reading.all_sentences():
        _read_the_stop_reached(reading, sentence)
        _read_the_stops_listed(reading, sentence)
        _read_the_state_held_in(reading, sentence)
        for lies in _LIES.finditer(sentence.hans):
            chain = _chain_from(reading, sentence, lies.end())
            if not chain:
                continue
            subject = None if sentence.hans[:lies.start()].endswith("是") else _lying(reading, sentence, lies.start(), title)
            evidence = (sentence.evidence(),)
            places = [registry.named(Kind.COUNTRY if reading.index.is_state(s.surface) else Kind.PLACE, s.surface,
                                     article=s.link.link.target if s.link else None) for s in chain]
            if subject is not None:
                places.append(registry.named(Kind.PLACE, subject.surface,
                                             article=subject.link.link.target if subject.link else None))
            for outer, inner in zip(places, places[1:]):
                if inner.kind is Kind.PLACE and outer != inner:
                    registry.fact(inner, Prop.LOCATED_IN, outer, evidence=evidence)


#: Right before the place a leader goes to or reaches.
REACHES = re.compile(rf"(?:{TRAVELS_TO})$")


def _read_the_stop_reached(reading: Reading, sentence: Sentence) -> None:
    """``乘车抵达贝尔格莱德[[塞尔维亚大厦]]``: a place reached, written right after the town or the
    state it lies in, lies in it (big to small, as a held-at phrase's chain). A name reached right
    after a state (``抵达某国首都[[某都]]``, ``飞抵某国[[某城]]``) is a town of that state even where
    the article types it nowhere else (the summit held there types it later)."""
    registry = reading.registry
    for outer, inner in zip(sentence.spots, sentence.spots[1:]):
        if not REACHES.search(sentence.hans, 0, outer.start) or not joins_chain(sentence.hans[outer.end:inner.start]) \
                or reading.index.is_state(inner.surface) or not _reached_place(reading, outer, inner) \
                or not (reading.index.is_state(outer.surface) or registry.is_a(outer.surface, Kind.PLACE, Kind.COUNTRY)):
            continue
        kind = Kind.COUNTRY if reading.index.is_state(outer.surface) else Kind.PLACE
        container = registry.named(kind, outer.surface, article=outer.link.link.target if outer.link else None)
        place = registry.named(Kind.PLACE, inner.surface, article=inner.link.link.target if inner.link else None)
        if place != container:
            registry.fact(place, Prop.LOCATED_IN, container, evidence=(sentence.evidence(),))


#: A visit's verb right before the states it lists (``先后访问[[甲国]][[甲都]]、[[乙国]][[乙都]]``).
_VISITS = re.compile(r"(?:访问|出访|到访)了?$")


def _read_the_stops_listed(reading: Reading, sentence: Sentence) -> None:
    """``先后访问[[甲国]][[甲都]]、[[乙国]][[乙都]]和[[丙国]][[丙都]]``: each town a visit lists right after its
    state lies in that state (a tour of three states, each with its town); the list is read as
    :func:`kg.extract.listed_states.states_listed_from` reads it."""
    registry = reading.registry
    for first in sentence.spots:
        if not _VISITS.search(sentence.hans, 0, first.start) or not is_listed_state(reading, first):
            continue
        for stop in states_listed_from(reading, sentence, first):
            if not stop.places or not _reached_place(reading, stop.state, stop.places[0]):
                continue
            town, state = stop.places[0], stop.state
            place = registry.named(Kind.PLACE, town.surface, article=town.link.link.target if town.link else None)
            country = registry.named(Kind.COUNTRY, state.surface, article=state.link.link.target if state.link else None)
            registry.fact(place, Prop.LOCATED_IN, country, evidence=(sentence.evidence(),))


def _reached_place(reading: Reading, outer: Spot, inner: Spot) -> bool:
    """Whether ``inner``, reached right after ``outer``, is a place: typed so, or typed nothing
    and written after a state (``抵达埃塞俄比亚首都[[某都]]``: a town of that state)."""
    kind = reading.registry.kind_of(inner.surface)
    return kind is Kind.PLACE or (kind is None and reading.index.is_state(outer.surface))


_AT = re.compile("在")


def _read_the_state_held_in(reading: Reading, sentence: Sentence) -> None:
    """``峰会在[[某国]][[某城]]举行``, ``在某国首都[[某都]]发表``: the town a held-at phrase writes right
    after its state lies in that state, in any sentence (a meeting the sentence does not tell as
    a summit's, or a table's row, is held in that town too); so does one after any 在 that says
    where something was done (``於…在伊朗首都[[德黑蘭]]發表的聯合聲明``)."""
    registry = reading.registry
    in_a_name = name_positions(sentence)
    after_at = [tuple(_chain_from(reading, sentence, at.end())) for at in _AT.finditer(sentence.hans)
                if at.start() not in in_a_name]
    for chain in meeting_chains(reading, sentence) + after_at:
        for outer, inner in zip(chain, chain[1:]):
            if not reading.index.is_state(outer.surface) or reading.index.is_state(inner.surface) \
                    or not joins_chain(sentence.hans[outer.end:inner.start]) or not registry.is_a(inner.surface, Kind.PLACE):
                continue
            state = registry.named(Kind.COUNTRY, outer.surface, article=outer.link.link.target if outer.link else None)
            town = registry.named(Kind.PLACE, inner.surface, article=inner.link.link.target if inner.link else None)
            registry.fact(town, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))


def _chain_from(reading: Reading, sentence: Sentence, at: int) -> list[Spot]:
    chain: list[Spot] = []
    cursor = at
    for spot in sentence.spots:
        if spot.start < cursor:
            continue
        gap = sentence.hans[cursor:spot.start]
        if (not chain and gap.strip() not in ("", "在")) or (chain and not joins_chain(gap)):
            break
        if registry_kind(reading, spot) not in (None, Kind.PLACE, Kind.COUNTRY):
            break
        chain.append(spot)
        cursor = spot.end
    return chain


def _lying(reading: Reading, sentence: Sentence, at: int, title: str) -> Spot | None:
    """What lies where 位于 says: the subject's name before it in the sentence, else the name
    nearest before it in its clause."""
    before = [s for s in sentence.spots if s.end <= at and registry_kind(reading, s) in (None, Kind.PLACE)
              and not reading.index.is_state(s.surface)]
    own = [s for s in before if s.key == title]
    if own:
        return own[0]
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.hans, 0, at)), default=0)
    near = [s for s in before if s.start >= clause_start]
    return near[-1] if near else None


def registry_kind(reading: Reading, spot: Spot) -> Kind | None:
    return reading.registry.kind_of(spot.surface)


#: A place at an airport (机场贵宾室, 某空军基地): where a visitor is met on landing, not where a visit's talks were.
_AT_AN_AIRPORT = re.compile(r"机场|空军基地")


def at_an_airport(place: EntityId) -> bool:
    """Whether a place is an airport or a room of one (机场贵宾室)."""
    return _AT_AN_AIRPORT.search(place.key) is not None


def finer_venue(reading: Reading, venue: EntityId | None, said: list) -> EntityId | None:
    """The infobox's venue, or a place the prose says the same meeting was held at that lies
    inside it (an infobox's 北京 and the prose's 人民大会堂 in 北京): the most precise place. A room at the
    airport where the visitor was met on landing (两人随后在机场贵宾室进行了简短会晤) is not the visit's."""
    if venue is None:
        return None
    for place in said:
        if isinstance(place, EntityId) and place != venue and lies_in(reading, place, venue) \
                and not at_an_airport(place):
            return place
    return venue


def held_in(registry, place: EntityId) -> list[EntityId]:
    """The places ``place`` lies in directly, by the located-in facts so far."""
    return [v for v in registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId)]


def states_of(registry, place: EntityId) -> list[EntityId]:
    """The states ``place`` lies in directly, by the located-in facts so far."""
    return [v for v in held_in(registry, place) if v.kind is Kind.COUNTRY]


def located_within(registry, inner: EntityId, outer: EntityId) -> bool:
    """Whether ``inner`` lies in ``outer`` by the located-in facts so far (or is it)."""
    seen: set[str] = set()
    frontier = [inner]
    while frontier:
        place = frontier.pop()
        if place.key == outer.key:
            return True
        if place.key in seen:
            continue
        seen.add(place.key)
        frontier.extend(held_in(registry, place))
        container = next((c for names, c in well_known_venues()
                          if any(registry.index.key(n) == place.key for n in names)), None)
        if container is not None:
            frontier.append(EntityId(Kind.PLACE, registry.index.key(container)))
    return False


def venue_in_state(registry, summit, place, state, sentence) -> bool:
    """Makes the place the summit's venue, inside the state the summit is placed in (its top
    placed there when the text puts it nowhere); False when the text puts it in another state."""
    if not located_within(registry, place, state):
        top = unplaced_top(registry, place)
        if top is None:
            return False  # the text puts it in another state
        registry.fact(top, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))
    registry.fact(summit.id, Prop.VENUE, place, evidence=(sentence.evidence(),))
    registry.keep_only(summit.id, Prop.VENUE, place)
    return True


def unplaced_top(registry, venue: EntityId, by_gazetteer: bool = True) -> EntityId | None:
    """The one biggest place a venue lies in by the text (and, ``by_gazetteer``, by the
    reference gazetteer's city of a well-known venue), when no state holds it."""
    tops: list[EntityId] = []
    seen: set[str] = set()
    frontier = [venue]
    while frontier:
        place = frontier.pop()
        if place.key in seen:
            continue
        seen.add(place.key)
        if place.kind is Kind.COUNTRY or registry.index.is_state(place.key):
            return None
        outer = held_in(registry, place)
        container = next((c for names, c in well_known_venues()
                          if any(registry.index.key(n) == place.key for n in names)), None) if by_gazetteer else None
        if not outer and container is not None:  # 人民大会堂: in 北京 by the reference gazetteer
            outer = [EntityId(Kind.COUNTRY if registry.index.is_state(container) else Kind.PLACE,
                              registry.index.key(container))]
        if not outer:
            tops.append(place)
        frontier.extend(outer)
    return tops[0] if len(tops) == 1 and tops[0].kind is Kind.PLACE else None


def lies_in(reading: Reading, inner: EntityId, outer: EntityId) -> bool:
    seen: set[str] = set()
    frontier = [inner]
    while frontier:
        place = frontier.pop()
        if place.key == outer.key and place is not inner:
            return True
        if place.key in seen:
            continue
        seen.add(place.key)
        frontier.extend(held_in(reading.registry, place))
        container = well_known_container(reading, place.key)
        if container is not None:
            frontier.append(EntityId(Kind.PLACE, reading.index.key(container)))
    return False


def place_venues_by_gazetteer(reading: Reading) -> None:
    """A summit's venue the text does not place (``两国元首在人民大会堂举行会谈``) lies where the
    reference gazetteer says, and so on up (瀛台 in 中南海 in 北京); published as inferred,
    with the venue's own evidence."""
    registry = reading.registry
    for fact in registry.facts_of(Prop.VENUE):
        place, evidence, seen = fact.value, fact.evidence, set()
        while isinstance(place, EntityId) and place.kind is Kind.PLACE and evidence and place.key not in seen:
            seen.add(place.key)
            stated = held_in(registry, place)
            if stated and not _city_between(reading, place, stated):  # the text places it: go on from where it says
                place = stated[0]
                continue
            container = well_known_container(reading, place.key)
            if container is None:
                break
            outer = registry.named(Kind.COUNTRY if reading.index.is_state(container) else Kind.PLACE, container)
            if outer.key == place.key:
                break
            registry.fact(place, Prop.LOCATED_IN, outer, evidence=evidence, inference=Inference.REFERENCE_GAZETTEER)
            place = outer


def towns_only_the_gazetteer_gives(reading: Reading) -> None:
    """A well-known venue's town by the reference gazetteer (白宫 in 华盛顿) stays in a chain only
    where the article names that town somewhere, or where the chain goes on from it to a state the
    text gives (``乙访问美国，甲在[[白宫]]同他会谈``: in Washington, in the United States): an article
    that writes ``在[[白宫]]会谈`` and never Washington places its meeting at the White House, and the
    most precise place a text gives lies in the places it gives, not in one it never writes. Taken
    from the top down (瀛台 in 中南海 in 北京: 北京 first)."""
    registry = reading.registry
    text = None
    dropped = True
    while dropped:
        dropped = False
        for fact in registry.facts_of(Prop.LOCATED_IN):
            town = fact.value
            if fact.inference is not Inference.REFERENCE_GAZETTEER or not isinstance(town, EntityId) \
                    or town.kind is not Kind.PLACE or registry.has_fact(town, Prop.LOCATED_IN) \
                    or any(f.value == town and f.inference is None
                           for f in registry.facts_recorded(fact.subject, Prop.LOCATED_IN)):
                continue
            text = _plain_text(reading) if text is None else text
            if any(to_hans(name) in text for name in registry.surfaces(town) | {town.key}):
                continue
            registry.drop_one(fact.subject, Prop.LOCATED_IN, town)
            dropped = True
            break


def _plain_text(reading: Reading) -> str:
    """The page's text without its references (a cited headline names no place of the article's own)."""
    page, out, at = reading.document.text, [], 0
    for ref in sorted(reading.document.refs, key=lambda r: r.span.start):
        if ref.span.start >= at:
            out.append(page[at:ref.span.start])
            at = ref.span.end
    out.append(page[at:])
    return to_hans("".join(out))


def _city_between(reading: Reading, place: EntityId, stated: list[EntityId]) -> bool:
    """Whether the text puts a well-known venue only in a state (``venue = [[某宾馆]]``,
    ``host_country = 某国``) while the reference gazetteer knows its city, which the text puts
    in that state or nowhere: the city then stands between them (the state holds it)."""
    if not stated or any(s.kind is not Kind.COUNTRY for s in stated):
        return False
    container = well_known_container(reading, place.key)
    if container is None or reading.index.is_state(container):
        return False
    city = EntityId(Kind.PLACE, reading.index.key(container))
    outer = held_in(reading.registry, city)
    if any(not any(located_within(reading.registry, o, s) for s in stated) for o in outer):
        return False  # the text puts the city in another state
    registry = reading.registry
    for state in stated:
        evidence = next((f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state.key)
                         if f.subject == place and f.evidence), ())
        registry.fact(registry.named(Kind.PLACE, container), Prop.LOCATED_IN, state, evidence=evidence,
                      inference=Inference.REFERENCE_GAZETTEER)
    return True


def key_generic_buildings_by_their_town(reading: Reading) -> None:
    """A generic building's name written without a link (``在[[乙都]]国家宫会谈``, ``抵达[[丙都]]，
    …在总统府举行会谈``) names the building of the town the text puts it in, else of its state:
    keyed ``国家宫 (乙都)``, as a link to its article would be (see
    :data:`kg.extract.names.GENERIC_BUILDINGS`), so two towns' palaces, in one article or in two,
    are two places, and a meeting at one lies in its own town only. A meeting placed at the name
    takes the building of the town its own sentence, else the nearest sentence before it, puts
    the name in."""
    registry = reading.registry
    for key in [k for k in registry.keys_of(Kind.PLACE) if k in GENERIC_BUILDINGS]:
        building = EntityId(Kind.PLACE, key)
        told = _towns_told(registry, building)
        if not told:
            continue
        keys = {town: _linked_in(registry, key, town) or building_key(key, town.key) for town, _ in told}
        registry.split(building, lambda fact: keys[_town_of(registry, building, fact, told)])


def _linked_in(registry, key: str, town: EntityId) -> str | None:
    """The key of the one building of this generic name the article links to (``[[总统府 (甲国)|总统府]]``)
    that the text puts in the town, or whose state holds the town and that lies nowhere else."""
    linked = [EntityId(Kind.PLACE, q) for q in sorted(registry.qualified(key))]
    inside = [q for q in linked if located_within(registry, q, town)]
    if not inside:
        inside = [q for q in linked if located_within(registry, town, EntityId(Kind.PLACE, disambiguator(q.key)))
                  and all(located_within(registry, town, v) for v in registry.facts_about(q, Prop.LOCATED_IN)
                          if isinstance(v, EntityId))]
    return inside[0].key if len(inside) == 1 else None


def _towns_told(registry, building: EntityId) -> list[tuple[EntityId, tuple]]:
    """The innermost places the text puts a building in, each with the evidence that says so:
    a town held by another of them (总统府 in 某都 and in 某国, 某都 in 某国) is one of them."""
    told: dict[EntityId, list] = {}
    for fact in registry.facts_of(Prop.LOCATED_IN):
        if fact.subject == building and isinstance(fact.value, EntityId):
            told.setdefault(fact.value, []).extend(fact.evidence)
    inner = [t for t in told if not any(o != t and located_within(registry, o, t) for o in told)]
    return [(town, tuple(told[town])) for town in inner]


def _town_of(registry, building: EntityId, fact, told: list[tuple[EntityId, tuple]]) -> EntityId:
    """The town of the building a fact is about: the place it says the building lies in (or a town
    held by that place), else the town told in the fact's own sentence or the nearest one before."""
    if fact.subject == building and fact.prop is Prop.LOCATED_IN and isinstance(fact.value, EntityId):
        held = [town for town, _ in told if located_within(registry, town, fact.value)]
        if held:
            return held[0]
    at = min((e.span.start for e in fact.evidence), default=None)
    if at is None:
        return told[0][0]
    spans = [(e.span.start, e.span.end, town) for town, evidence in told for e in evidence]
    same = [town for start, end, town in spans if start <= at < end]
    before = sorted((start, town.key, town) for start, end, town in spans if start <= at)
    return same[0] if same else before[-1][2] if before else min(spans, key=lambda s: s[0])[2]
