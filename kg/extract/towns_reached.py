"""The town a visitor reached, as the place of the meetings told after the arrival.

A day's meeting placed nowhere was held in the town a participant reached right before it
(``4月24日晚，甲乘专机抵达[[北京]]``); the sites a visit's days name are in the town reached
(``抵达[[某城]]…参观[[某馆]]``), else in the one town their section's heading names (``=== 第三天：某都会谈 ===``);
a visit's talks on its days are where its first day's town is, or the town reached by the later day its talks
are told. A tour's leg told a section (``=== 乙国 ===``) holds its meetings placed only in that state in the one
town the section reaches before them (``15日晚，甲抵达乙国首都某都``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.containment import (at_an_airport, held_in, lies_in, located_within, states_of, town_in_its_name,
                                    venue_in_state)
from kg.extract.dates import find_dates
from kg.extract.names import GENERIC_BUILDINGS, strip_disambiguator
from kg.extract.phrases import NEXT_DAY, TRAVELS_TO
from kg.extract.places import ARRIVED_AT, VENUE_ENDINGS, held_at_chain, meeting_chains, well_known_container
from kg.extract.reading import Reading
from kg.extract.registry import Registry
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence, Spot
from kg.extract.venue_halls import talks_with_others, unnamed_lodging
from kg.extract.venues import (TALKS, days_of, participant_keys, placed_at_most_in_a_state, talks_on_its_days,
                               told_in_order)
from kg.model import EntityId, Inference, Kind, Prop


#: Going to or arriving in a town (``赴[[伊斯兰堡]]出席``, ``抵达东京``), or in the stop of a tour it is
#: (``抵达首站某国首都[[某都]]``, ``抵达此行最后一站[[某城]]``, ``飞抵第二站某国``).
_ARRIVED = re.compile(rf"(?:{TRAVELS_TO})"
                      r"(?:(?:此行|本次出访)?的?(?:首站|第[一二三四五六七八九十]站|最后一站|下一站|末站))?$")


#: A town the way to another is told from (``前往某都以南的[[某城]]``, ``以北约50公里的``): not the one reached.
_FROM_A_POINT = r"以[东南西北]{1,2}(?:约?[0-9一二三四五六七八九十百]+(?:公里|千米|英里))?处?的"
_A_POINT_OF_REFERENCE = re.compile(_FROM_A_POINT)
#: After a town: a dash and another town, the two naming what serves both (甲城－乙城机场, 科隆－波恩的瓦恩机场).
_TWIN_TOWN = re.compile(r"[－\-–—]")
#: Going to a town told from another (``随即前往某都以南的[[某城]]``).
_PAST_A_POINT = re.compile(rf"(?:{TRAVELS_TO})" r"[^，。；、]{1,12}?" + _FROM_A_POINT + "$")


#: What a town reached is to its state, written between them (``抵达某国首都[[某都]]``, ``前往某国行政首都[[某城]]``).
_TOWN_OF_THE_STATE = re.compile(r"(?:行政|政治|经济|商业)?(?:首都|首府|城市|港口城市|海滨城市|最大城市)$")
#: Where in its state a town reached lies, written between them (``抵达某国红海之滨城市某城``, ``某国西南部城市``).
_PART_OF_THE_STATE = re.compile(r"[^，。、；：,;:\s]{0,4}(?:之滨|之畔|沿岸|沿海|海岸|[东南西北中]部)")


def _reached(reading: Reading, sentence: Sentence, spot: Spot) -> bool:
    """Whether ``spot`` is a town the sentence says a leader reaches: right after the verb
    (``抵达[[某都]]``), or after the state it lies in and what it is there (``飞抵某国首都[[某都]]``,
    ``抵达某国[[某城]]``, ``前往首都[[某都]]``): a name so written after its state or as its capital
    is a town even where the article types it nowhere else."""
    before = sentence.hans[:spot.start]
    if _A_POINT_OF_REFERENCE.match(sentence.hans, spot.end):
        return False  # 前往[[某都]]以南的某城: the way is told from it
    if _TWIN_TOWN.match(sentence.hans, spot.end):
        return False  # 降落在甲城－乙城的某机场: the airport of both, no town reached
    if _ARRIVED.search(before):
        return reading.registry.is_a(spot.surface, Kind.PLACE)
    if _PAST_A_POINT.search(before):  # 前往某都以南的[[某城]]: told by where it lies, a place
        return reading.registry.kind_of(spot.surface) in (None, Kind.PLACE)
    if to_hans(spot.hans).endswith(_NOT_A_TOWN + ARRIVED_AT):
        return False  # 抵达某国[[某机场]]: where the leader lands
    noun = _TOWN_OF_THE_STATE.search(before)
    before = before[:noun.start()] if noun else before
    state = next((s for s in sentence.spots if s.end == len(before) and reading.index.is_state(s.surface)), None)
    if state is None and noun is not None:  # 抵达某国红海之滨城市[[某城]]: the state, then where in it
        state = next((s for s in sentence.spots if s.end < len(before) and reading.index.is_state(s.surface)
                      and _PART_OF_THE_STATE.fullmatch(before, s.end)), None)
    if state is None and noun is None:
        return False
    before = before[:state.start] if state is not None else before
    return bool(_ARRIVED.search(before)) and reading.registry.kind_of(spot.surface) in (None, Kind.PLACE)


def town_reached_for_the_talks(reading: Reading, sentence: Sentence) -> Spot | None:
    """The town a sentence says a leader goes to or reaches before the talks it then tells
    (``13日，甲前往[[某城]]，与乙国首相乙举行会谈``): where those talks were held. The last such town
    before the talks' word; not a state, an airport or a site; None where the sentence tells no talks or
    reaches no town before them."""
    talks = TALKS.search(sentence.hans)
    if talks is None:
        return None
    towns = [s for s in sentence.spots if s.end <= talks.start() and _reached(reading, sentence, s)
             and not reading.index.is_state(s.surface) and not to_hans(s.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN)]
    return towns[-1] if towns else None


def one_town_reached_on_its_days(reading: Reading, summit: EntityId, said: Sentence) -> tuple[Spot, Sentence] | None:
    """(town, sentence) of the one town the article's own account says a participant reached on
    the summit's days before the sentence that names its site, in an earlier paragraph or section
    (``=== 7月21日 ===`` ``21日晚，甲乘专机抵达某都[[某国际机场]]。`` ``=== 7月22日 ===`` ``22日，乙在
    [[某宫]]为甲举行欢迎仪式，随后两国元首举行会谈``): the visit's site lies there. None where the
    account tells two towns reached, or the site's sentence is not of its own days."""
    days = days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    participants = participant_keys(reading.registry, summit)
    towns: dict[str, tuple[Spot, Sentence]] = {}
    for _, sentence, told in told_in_order(reading, (start, end), asides=False):
        if sentence is said:
            return next(iter(towns.values())) if len(towns) == 1 else None
        days = told.times[-1:] if told else ()
        if not days or not start <= days[0][0] <= end or not any(s.key in participants for s in sentence.spots):
            continue
        for spot in sentence.spots:
            if _reached(reading, sentence, spot) and not reading.index.is_state(spot.surface) \
                    and not to_hans(spot.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN):
                towns.setdefault(spot.key, (spot, sentence))
    return None


#: Leaders meeting, told in a sentence (甲同乙会晤, 乙接见甲): not a welcome on arrival alone.
_MET = re.compile(r"会谈|会晤|会见|会面|接见")


#: A day told, other than the one told before (``26日``, ``2023年8月18日``, ``次日``).
_ANOTHER_DAY = re.compile(r"[0-9０-９]{1,2}日|[一二三四五六七八九十]{1,3}日|隔日|" + NEXT_DAY)


def place_sites_in_the_town_reached(reading: Reading) -> None:
    """A summit's venue that is a site no text places (``次日（1月5日），瓦杰帕伊前往巴基斯坦总统
    官邸，与穆沙拉夫闭门会谈``) lies in the town the same paragraph last says the leaders went
    to or reached before it (``1月4日，瓦杰帕伊赴[[伊斯兰堡]]出席…``), when no other town comes
    between; not a well-known venue the reference gazetteer places. A site the text puts only
    in a state (``某国总统在总统府迎接``) lies in that town, and the town in the state. Where the
    paragraph reaches none, a site of a visit lies in the one town its own account says a
    participant reached on its days before (``=== 7月21日 ===`` ``…抵达某都[[某国际机场]]``). A day told
    between the arrival and the site takes the town away from a site the text or the visit put in a
    state only when it is not one of the visit's own days (``11月18日，甲抵达[[某都]]。11月19日，甲在
    [[某宫]]会见乙``: the palace of the capital; ``5月21日赴某城…8月18日，两人在某国某营会晤``: not).
    Where the account reaches no one town, the one town the site's section is headed by holds it
    (``=== 第三天：某都会谈 ===``).
    A generic building keyed by its state (``[[总统府 (某国)|总统府]]``) is such a site, read by
    its own name: the state its title adds comes after the town reached, not in its stead.
    A site named after another town of the article (``抵达甲都…驱车前往乙镇宫``) lies in that town, in the state
    of the one reached (see :func:`kg.extract.containment.town_in_its_name`)."""
    registry = reading.registry
    sentences = reading.all_sentences()
    for fact in registry.facts_of(Prop.VENUE):
        site = fact.value
        if not isinstance(site, EntityId) or site.kind is not Kind.PLACE or not fact.evidence \
                or well_known_container(reading, site.key) is not None \
                or not to_hans(site_name(site.key)).endswith(VENUE_ENDINGS):
            continue
        at = next((i for i, s in enumerate(sentences) if s.evidence().span == fact.evidence[0].span), None)
        if at is None or _placed_in_a_town(registry, site, sentences[at]):
            continue  # the text places it in a town already
        said = sentences[at]
        states = states_of(registry, site)
        town = None
        for sentence in reversed(sentences[max(0, at - 3):at + 1]):
            if sentence.passage is not said.passage or sentence.paragraph != said.paragraph:
                break
            upto = len(sentence.hans) if sentence is not said else _site_at(sentence, site)
            towns = [s for s in sentence.spots if s.end <= upto and _reached(reading, sentence, s)
                     and not s.hans.endswith(VENUE_ENDINGS)
                     and not reading.index.is_state(s.surface)]
            if towns:
                town = (towns[-1], sentence)
                break
        of_its_days = town is None
        if town is None:
            town = one_town_reached_on_its_days(reading, fact.subject, said)
        if town is not None:
            spot, sentence = town
            site_at = _site_at(said, site)
            told = [s.hans for s in sentences[sentences.index(sentence):at]] + [said.hans[:site_at]]
            if states and _ANOTHER_DAY.search("".join(told)[spot.end:]) \
                    and not (of_its_days or _all_of_its_days(registry, fact.subject, "".join(told))):
                continue  # 某日赴甲城…；某日，两人在乙国某营会晤: the town of another day
            name, told_by = spot.surface, (sentence.evidence(), said.evidence())
        else:  # === 第三天：某都会谈 ===: the town its section is headed by
            name, told_by = _town_of_its_heading(reading, said), (said.evidence(),)
            if name is None:
                continue
        place = reached = registry.named(Kind.PLACE, name)
        named = town_in_its_name(reading, site)
        if named is not None and named.key != reached.key and not located_within(registry, named, reached):
            place, told_by = named, (said.evidence(),)  # 乙镇宫: in the town it is named after, not the one reached
        outer = held_in(registry, place)
        if place is not reached and not outer and not states:  # the town gone on to, in the state of the one reached
            outer = states_of(registry, reached)[:1]
            for state in outer:
                registry.fact(place, Prop.LOCATED_IN, state, evidence=told_by)
        if states and any(not any(located_within(registry, o, s) for s in states) for o in outer):
            continue  # the text puts the town in another state
        for state in states:  # 某国的总统府 in 某都: the town stands between them
            evidence = next((f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state.key)
                             if f.subject == site), ())
            registry.drop_one(site, Prop.LOCATED_IN, state)
            if not outer:
                registry.fact(place, Prop.LOCATED_IN, state, evidence=evidence)
        registry.fact(site, Prop.LOCATED_IN, place, evidence=told_by)


def _town_of_its_heading(reading: Reading, said: Sentence) -> str | None:
    """The one town the heading of the sentence's section names (``=== 堪培拉 ===``, ``=== 第三天：新德里会谈
    ===``), by a name the article writes elsewhere as a place's; None where it names none, or two
    (``=== 霍巴特与悉尼 ===``): its surface."""
    if said.section is None:
        return None
    heading = to_hans(said.section.heading)
    named = [(hans, surface) for hans, surface in _towns_named(reading).items() if hans in heading]
    named = [(hans, surface) for hans, surface in named if not any(hans in other and hans != other for other, _ in named)]
    return named[0][1] if len({reading.index.key(surface) for _, surface in named}) == 1 else None


def _towns_named(reading: Reading) -> dict[str, str]:
    """The surfaces (by their Simplified form) of the names the article's sentences write that name a
    place which is no state nor a building, worked out once a page."""
    remembered = reading.index.remembered
    found = remembered.get(_towns_named)
    if found is None:
        found = remembered[_towns_named] = {}
        for sentence in reading.all_sentences():
            for spot in sentence.spots:
                hans = to_hans(spot.hans)
                if hans not in found and reading.registry.is_a(spot.surface, Kind.PLACE) \
                        and not reading.index.is_state(spot.surface) and not hans.endswith(VENUE_ENDINGS + _NOT_A_TOWN):
                    found[hans] = spot.surface
    return found


def _all_of_its_days(registry: Registry, summit: EntityId, text: str) -> bool:
    """Whether every day ``text`` tells, from the arrival on, is one of the summit's own (``11月18日，甲抵达
    [[某都]]。11月19日，乙在[[某宫]]为甲举行欢迎仪式``): the town reached on an earlier day of the visit still
    holds its site."""
    days = days_of(registry, summit)
    told = find_dates(text, year=days[0].year) if days is not None else ()
    return bool(told) and all(days[0] <= d.start and d.end <= days[1] for d in told)


def _placed_in_a_town(registry: Registry, site: EntityId, said: Sentence) -> bool:
    """Whether the text places a site in a town: a generic building's name written without a link
    (``总统府``) only where the meeting's own sentence does (``抵达乙都…在总统府会谈``, ``抵达丙都…在
    总统府会谈``: each town's palace, see :func:`kg.extract.containment.key_generic_buildings_by_their_town`)."""
    towns = [f for f in registry.facts_of(Prop.LOCATED_IN) if f.subject == site
             and (not isinstance(f.value, EntityId) or f.value.kind is not Kind.COUNTRY)]
    if site.key not in GENERIC_BUILDINGS:
        return bool(towns)
    return any(e.span == said.evidence().span for f in towns for e in f.evidence)


def site_name(key: str) -> str:
    """A site's own name, without the town or state a generic building's key adds to tell two
    capitals' palaces apart (``总统府 (某国)`` → ``总统府``): what the text writes of it."""
    return strip_disambiguator(key)


def _site_at(sentence: Sentence, site: EntityId) -> int:
    """Where the sentence names the site (``乙在[[总统府 (某国)|总统府]]庭院为甲举行欢迎仪式``:
    at its own name), or its end where it does not."""
    name = site_name(site.key)
    return min([s.start for s in sentence.spots if s.key in (site.key, name)]
               + [sentence.hans.find(name) % (len(sentence.hans) + 1)])


def venue_of_the_talks_on_its_days(reading: Reading, summits) -> None:
    """A summit of several days whose venue is only the state visited (``于5月6日至10日对日本进行的
    国事访问``) was held where a sentence of the article's own account (not its background or
    aftermath) tells its talks on one of those days, its participants named (``=== 5月7日 ===``
    ``…随后甲在某城[[某官邸]]同乙举行正式会谈``): that place is the venue, and the biggest place of
    its chain lies in the state, when the text puts it in no other; not talks with someone who is none
    of its participants (``甲会见乙，随后在总理府同丙举行会谈`` places no summit of 甲 and 丁 of those days). The day is the sentence's
    own, else the one its paragraph (or its section's heading) told last. Where no sentence
    tells the talks at a place, a summit placed nowhere or only in the state (of several days, or
    of one: ``=== 乙国 ===`` ``…抵达[[某都]]国际机场…。当天，甲同乙举行会谈``) was held in the town a
    participant reached on its first day (``22日，甲抵达[[某都]]``)."""
    registry = reading.registry
    for summit in summits:
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) > 1 or venues and venues[0].kind is not Kind.COUNTRY:
            continue  # a meeting placed nowhere or only in the state: the town reached that day, below
        state = venues[0] if venues else None
        talks = talks_on_its_days(reading, summit) if state is not None and summit.start != summit.end else ()
        for sentence, place in talks:  # a visit's days; one day's meeting may be another's talks told that day
            if place.key == state.key or place.kind is not Kind.PLACE or unnamed_lodging(place.key) \
                    or talks_with_others(reading, sentence, summit):
                continue  # 29日，甲在下榻的饭店会见了某学院师生: where he stays, no town of the talks
            if venue_in_state(registry, summit, place, state, sentence):
                break
        else:
            reached = _town_reached_on_its_first_day(reading, summit)
            if reached is None:
                continue
            sentence, town = reached
            if state is not None:
                venue_in_state(registry, summit, town, state, sentence)
            else:  # the state visited, where the text says it, holds it (place_venues_in_visited_states)
                registry.fact(summit.id, Prop.VENUE, town, evidence=(sentence.evidence(),))


def venue_of_the_town_reached_before_it(reading: Reading, summits) -> None:
    """A day's meeting its own sentence places nowhere, or only in a state (``4月25日，乙会见甲``),
    was held in the last town a participant reached in a sentence right before it in its paragraph,
    that day or the day before (``4月24日晚，甲乘专机抵达[[北京]]，出席…论坛``), when no sentence between
    tells another day, or that its own sentence says one reached before the talks (``甲抵达[[某都]]，…，两人
    随即举行峰会``); in a background or an aftermath too, where a visit is told in one paragraph."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    for summit in summits:
        venues = placed_at_most_in_a_state(reading, summit, where)
        if venues is None:
            continue
        reached = _town_reached_before(reading, sentences, where[id(summit.anchor)], summit)
        if reached is None:
            continue
        sentence, town = reached
        if venues:
            venue_in_state(registry, summit, town, venues[0], sentence)
        else:
            registry.fact(summit.id, Prop.VENUE, town, evidence=(sentence.evidence(), summit.anchor.evidence()),
                          inference=Inference.BACK_REFERENCE)


#: How many sentences before a meeting's own its paragraph may tell the town reached.
_REACHED_BEFORE = 3


def _town_reached_before(reading: Reading, sentences: list[Sentence], at: int, summit):
    """(sentence, town) of the last town a participant of ``summit`` reached in a sentence of the
    paragraph before ``sentences[at]``, dated the summit's day or the day before, or undated;
    None where that sentence reaches two towns or tells no participant reaching it. The meeting's
    own sentence counts first, where it tells the arrival before any talks (``甲抵达[[某都]]，成为…
    首位访问乙国的外国首脑，两人随即举行峰会``); not a town gone to after them (``与乙会谈后前往[[某城]]``).
    Where the meeting's own sentence opens on the same day (``同日，甲还会见了丙``), the town the sentence right
    before holds its talks in counts too, see :func:`_town_held_at`."""
    said = sentences[at]
    participants = set(summit.participants)
    for sentence in reversed(sentences[max(0, at - _REACHED_BEFORE):at + 1]):
        if sentence.section is not said.section or sentence.passage is not said.passage \
                or sentence.paragraph != said.paragraph:
            return None
        days = find_dates(sentence.hans, year=summit.start.year) if sentence is not said else ()
        if any(not 0 <= (summit.start - d.start).days <= 1 for d in days):
            return None  # another day told
        towns = [s for s in sentence.spots if _reached(reading, sentence, s) and not reading.index.is_state(s.surface)
                 and not to_hans(s.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN)
                 and (sentence is not said or not TALKS.search(sentence.hans, 0, s.start))]
        if not towns and at > 0 and sentence is sentences[at - 1] and _SAME_DAY_AGAIN.match(said.hans):
            towns = _town_held_at(reading, sentence)
        if not towns:
            continue
        if len({t.key for t in towns}) > 1 or not any(s.key in participants for s in sentence.spots):
            return None
        town = towns[-1]
        return sentence, reading.registry.named(Kind.PLACE, town.surface,
                                                article=town.link.link.target if town.link else None)
    return None


#: A sentence that opens on the day the one before told (``同日，甲还会见了丙``, ``当天下午，…``): not 同日本….
_SAME_DAY_AGAIN = re.compile(r"(?:同日(?!本)|当天|当日(?!本)|同一天)")


def _town_held_at(reading: Reading, sentence: Sentence) -> list[Spot]:
    """The town the sentence holds its talks in (``7月27日，甲在首都[[某都]]与乙举行会谈``): where a meeting the
    very next sentence tells on that same day (``同日，甲还会见了丙国总理丁``) was held too, when that one names no
    place of its own. Not a state, nor a building (the next meeting may be in another one of the town); not
    talks told two sentences or more before (``…举行会谈。两国签署…。同日，…``: the day may have moved on)."""
    return [s for s in held_at_chain(reading, sentence) if not reading.index.is_state(s.surface)
            and reading.registry.kind_of(s.surface) in (None, Kind.PLACE)
            and not to_hans(s.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN)][-1:]


def town_arrived_at_before(reading: Reading, welcome: Sentence, upto: int, day: date, participants) -> EntityId | None:
    """The town a participant last arrived at on or before ``day``, told in the welcome's section or
    the section before, before the welcome (``=== 某日 ===`` ``19日晚，甲乘专机抵达[[某岛]]。``
    ``=== 会谈 ===`` ``19日晚，乙在下榻的酒店迎接甲``): a welcome whose clause gives no town was held
    there; in the welcome's own sentence, before ``upto`` (``甲抵达[[某城]]，乙到机场迎接``). Only a
    sentence dated within a month before the welcome. None where none is told, or the last arrival
    told reaches an airport or a state only (``抵达[[某机场]]``), or two towns."""
    sentences = reading.all_sentences()
    at = next((i for i, s in enumerate(sentences) if s is welcome), None)
    if at is None:
        return None
    sections = [welcome.section]
    for sentence in reversed(sentences[:at + 1]):
        end = upto if sentence is welcome else len(sentence.hans)
        if sentence.section is not sections[-1]:
            if len(sections) == 2:
                return None
            sections.append(sentence.section)
        days = find_dates(sentence.hans[:end], year=day.year)
        if not days or any(not day - _A_VISIT_AT_MOST <= d.start <= day for d in days):
            continue  # undated, or told of a later day or of another visit
        reached = [s for s in sentence.spots if s.end <= end and _reached(reading, sentence, s)]
        if not reached or not any(s.key in participants for s in sentence.spots):
            continue
        towns = [s for s in reached if not reading.index.is_state(s.surface)
                 and not to_hans(s.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN)]
        if len(towns) != len(reached) or len({t.key for t in towns}) > 1:
            return None  # 抵达[[某机场]], 抵达乙国: the town is not told; or two towns reached
        return reading.registry.named(Kind.PLACE, towns[-1].surface,
                                      article=towns[-1].link.link.target if towns[-1].link else None)
    return None


#: How long before a welcome the arrival that brought the visitor may be told.
_A_VISIT_AT_MOST = timedelta(days=31)


#: Where a leader lands or stops on the way, not the town they reach (羽田机场, 某火车站).
_NOT_A_TOWN = ("机场", "车站", "火车站", "港口", "码头", "基地")


def _of_another_leg(reading: Reading, sentence: Sentence, summit, state: str | None) -> bool:
    """Whether a sentence is of a tour's next leg, apart from the summit's: in another section, headed
    by another state than the one the summit lies in (``=== 第三天：乙国（5月7日） ===`` ``5月7日，甲抵达乙国…``,
    ``=== 第四天：丙国（5月8日） ===`` ``甲于5月7日晚抵达[[某都]]``: the town of the next stop, not of 乙国's talks)."""
    if state is None or summit.anchor is None or sentence.section is summit.anchor.section or sentence.section is None:
        return False
    named = _states_of_the_heading(reading, sentence.section)
    return bool(named) and reading.index.key(state) not in named


def _states_of_the_heading(reading: Reading, section) -> frozenset[str]:
    """The keys of the states a section's heading names (``第四天：古巴（5月8日）``: 古巴), read once a section."""
    known = reading.index.remembered.get((_states_of_the_heading, id(section)))
    if known is None:
        heading = to_hans(section.heading)
        known = frozenset(reading.index.key(heading[i:j]) for i in range(len(heading))
                          for j in range(i + 2, min(len(heading), i + 12) + 1) if reading.index.is_state(heading[i:j]))
        reading.index.remembered[(_states_of_the_heading, id(section))] = known
    return known


def _town_reached_on_its_first_day(reading: Reading, summit):
    """(sentence, town) of the last town the article's own account says a participant reached
    on the visit's first day (``22日，习近平抵达[[德黑兰]]``, ``…前往[[耶路撒冷]]``), when no
    sentence tells its talks at a place: the visit's meetings were held there. Not an airport
    or a site (``抵达[[首相官邸]]``), not a state, not one gone to after the talks its sentence tells
    (``先在某都与乙会谈，随后前往[[某城]]``); none where a sentence anywhere in the article
    places a participant somewhere on a later day of the visit (``7日…甲在某城为乙举行欢迎仪式``), but
    the town itself (``16日，双方在[[某都]]发表联合声明``). A day's meeting its section tells is over once its own
    sentence tells the leaders meeting somewhere: a town the section reaches after it is the next stop's (``5月6日，
    甲抵达乙国，同乙会晤。¶当天17时，甲降落在[[丙都]]``); not where that sentence names no place (``甲与乙举行会谈。
    当天，乙抵达[[某城]]``), nor after a welcome alone (``乙到机场迎接。甲随后抵达[[某城]]``). Where the account tells
    the talks at no place on a later day (:func:`_talks_told_on_a_later_day`), the last town reached by that day,
    before that sentence (``19日，甲经某城抵达[[某都]]``), not the first day's."""
    registry = reading.registry
    participants = set(summit.participants)
    found = None
    later: set[str] = set()  # the towns later days of the visit name of theirs
    first, span = (summit.start, summit.start), (summit.start, summit.end)
    state = next((v.key for v in registry.facts_about(summit.id, Prop.VENUE)
                  if isinstance(v, EntityId) and v.kind is Kind.COUNTRY), None)
    in_a_section = summit.start == summit.end and not any(s is summit.anchor for s in reading.lead)
    over = None  # the section of a day's meeting, once its own sentence told the leaders meeting
    talks = _talks_told_on_a_later_day(reading, summit)
    for aside, sentence, told in told_in_order(reading, span, asides=True):
        if talks is not None and sentence is talks[1]:
            break  # a town reached after the talks' sentence is the next stop's
        if over is not None and sentence.section is over:
            continue  # 当晚11时40分，甲抵达丙国首都[[丙都]]: the next stop's, reached after the talks
        if in_a_section and sentence is summit.anchor and _MET.search(sentence.hans) and any(
                reading.index.is_state(s.surface) or registry.is_a(s.surface, Kind.PLACE) for s in sentence.spots):
            over = sentence.section
        days = told.times[-1:] if told else ()
        if not days or not any(s.key in participants for s in sentence.spots) \
                or _of_another_leg(reading, sentence, summit, state):
            continue
        if days != (first,):
            if summit.start < days[0][0] <= summit.end:
                for chain in meeting_chains(reading, sentence):
                    if not all(unnamed_lodging(to_hans(spot.surface)) for spot in chain):
                        later.add(chain[0].key if len(chain) == 1 else "")  # 为乙举行欢迎仪式 at a place of
                        # theirs: not the town, unless it is only their lodging (29日，甲在下榻的饭店会见某学院师生)
            if talks is None or days[0][0] != days[0][1] or not summit.start < days[0][0] <= talks[0]:
                continue  # 19日，甲经某城抵达[[某都]]。…19日，乙同甲会谈: a town reached by the talks' day holds them
        if aside:
            continue  # the town of the article's own account
        for spot in sentence.spots:
            if _reached(reading, sentence, spot) \
                    and not TALKS.search(sentence.hans, 0, spot.start) and not reading.index.is_state(spot.surface) \
                    and not to_hans(spot.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN):
                found = (sentence, registry.named(Kind.PLACE, spot.surface,
                                                  article=spot.link.link.target if spot.link else None))
    return found if found is not None and later <= {found[1].key} else None


def _talks_told_on_a_later_day(reading: Reading, summit) -> tuple[date, Sentence] | None:
    """(day, sentence) of the first sentence of the article's own account that tells two of a visit's
    participants meeting, with no place, on a day of the visit after its first (``=== 抵达 ===``
    ``18日，甲飞抵[[某城]]。19日，甲经某城抵达[[某都]]。`` ``=== 会谈 ===`` ``19日，乙同甲举行会谈``): the
    town reached up to that day holds the talks, not the first day's. None where the talks are told on the
    first day, or none are told."""
    participants = set(summit.participants)
    for aside, sentence, told in told_in_order(reading, (summit.start, summit.end), asides=False):
        days = told.times[-1:] if told else ()
        said = sentence.hans.split("“")[0]  # not talks a statement quoted tells (公报说，“双方在会谈中…”)
        if aside or not days or days[0][0] != days[0][1] or not summit.start <= days[0][0] <= summit.end \
                or not _MET.search(said) or len({s.key for s in sentence.spots if s.key in participants}) < 2:
            continue  # 访问期间，…会见: no one day told
        if days[0][0] == summit.start or re.search(TRAVELS_TO, said) or meeting_chains(reading, sentence):
            return None  # 10日，甲前往乙国总统官邸，与乙会谈: talks told at a place of their own
        return days[0][0], sentence
    return None


#: A leader going on somewhere (前往某官邸, 赴某地): told in the meeting's own sentence, it leaves the town reached.
_GOES_ON = re.compile(TRAVELS_TO)


def venue_of_the_town_its_leg_reached(reading: Reading, summits) -> None:
    """A tour told a state a section (``=== 乙国（4月21日－22日） ===``) reaches that state's town in the
    section's own account (``15日晚，甲抵达乙国首都[[乙都]]``, ``抵达[[乙都]]，对乙国进行国事访问``): a summit the
    section tells, placed only in that state, was held in that town, when the section reaches no other town
    by the summit's day, tells no other meeting of those days, and the text puts the town in no other state."""
    registry = reading.registry
    for summit in summits:
        anchor = summit.anchor
        if anchor is None or anchor.section is None:
            continue
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) != 1 or venues[0].kind is not Kind.COUNTRY \
                or _states_of_the_heading(reading, anchor.section) != {venues[0].key}:
            continue
        if any(other is not summit and other.anchor is not None and other.anchor.section is anchor.section
               and other.start <= summit.end and summit.start <= other.end for other in summits):
            continue  # two meetings of the leg's days: which the town reached holds is not told
        found = _one_town_of_the_leg(reading, summit, reading.by_section.get(anchor.section, ()))
        if found is not None:
            venue_in_state(registry, summit, found[1], venues[0], found[0])


def _one_town_of_the_leg(reading: Reading, summit, sentences) -> tuple[Sentence, EntityId] | None:
    """(sentence, town) of the one town a participant reaches in a leg's section up to the summit's own
    sentence, told no later than the summit's last day; None where it reaches none, or two, or where the
    leader goes on somewhere after the arrival and before the talks are told (``10日，甲乘直升机前往乙国总统
    官邸，与乙举行会谈``: the residence may lie outside the town)."""
    participants = set(summit.participants)
    towns: dict[str, tuple[Sentence, Spot]] = {}
    arrived, anchored = None, False
    for sentence in sentences:
        days = find_dates(sentence.hans, year=summit.start.year)
        if any(d.start > summit.end for d in days):
            break  # the leg's later days: a town reached then is no town of the summit's
        talks = TALKS.search(sentence.hans)
        if arrived is not None and sentence is not arrived[0] \
                and _GOES_ON.search(sentence.hans, 0, talks.start() if talks else len(sentence.hans)):
            return None
        if not anchored and any(s.key in participants for s in sentence.spots):
            for spot in sentence.spots:
                if _reached(reading, sentence, spot) and not reading.index.is_state(spot.surface) \
                        and not to_hans(spot.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN):
                    towns.setdefault(spot.key, (sentence, spot))
                    arrived = (sentence, spot)
        if arrived is not None and any(not summit.start <= d.start <= summit.end for d in find_dates(
                sentence.hans[arrived[1].end:] if sentence is arrived[0] else sentence.hans, year=summit.start.year)):
            return None  # 抵达[[某都]]，5月4日在某地: another day told after the arrival
        anchored = anchored or sentence is summit.anchor
        if anchored and talks is not None:
            break
    if len(towns) != 1 or not anchored:
        return None
    sentence, spot = next(iter(towns.values()))
    return sentence, reading.registry.named(Kind.PLACE, spot.surface, article=spot.link.link.target if spot.link else None)


#: The stops of a place cell written as an itinerary (``[[甲城]]、[[乙城]]``, ``甲城、乙城、丙城``).
_STOPS = re.compile(r"[^、，,（()）]{2,16}(?:、[^、，,（()）]{2,16})+")


def venue_of_the_stop_of_its_talks(reading: Reading, summits) -> None:
    """A visit that a list's row places by its itinerary, towns one after another (``| 1月8日－9日 || [[甲城]]、
    [[乙城]] ||``), is placed in its first stop; it was held in the stop where the article's own account tells its
    talks on its days (``9日，甲在乙城与乙国总统丙会谈``, ``在乙城期间，甲与丙…举行了会谈``, ``丙在[[某堂]]会见甲``
    with 某堂 in 乙城): the visit began in one town and its leaders met in another. Only where every talks told of
    those days at a place is in that one other stop, none in the first nor with someone who is none of its
    participants (``随后在[[丁城]]与丁会谈``): the stop, in the first stop's state."""
    registry = reading.registry
    for summit in summits:
        venues = [f for f in registry.facts_recorded(summit.id, Prop.VENUE) if isinstance(f.value, EntityId)]
        if len(venues) != 1 or venues[0].value.kind is not Kind.PLACE:
            continue
        first = venues[0].value
        stops = _itinerary(reading, venues[0].evidence)
        if len(stops) < 2 or stops[0] != first.key:
            continue
        held: set[str] = set()
        said = None
        for sentence, place in talks_on_its_days(reading, summit, sides=True):
            if talks_with_others(reading, sentence, summit, first=True) or at_an_airport(place):
                continue
            stop = _stop_holding(reading, place, stops)
            held.add(stop or "")
            said = said or (sentence if stop and stop != first.key else None)
        if len(held) != 1 or said is None:
            continue
        town = registry.named(Kind.PLACE, next(iter(held)))
        states = states_of(registry, first)
        registry.drop_one(summit.id, Prop.VENUE, first)
        registry.drop_one(town, Prop.LOCATED_IN, first)  # two stops of one itinerary: neither lies in the other
        registry.fact(summit.id, Prop.VENUE, town, evidence=(*venues[0].evidence, said.evidence()))
        if len(states) == 1 and not registry.has_fact(town, Prop.LOCATED_IN):
            registry.fact(town, Prop.LOCATED_IN, states[0], evidence=venues[0].evidence)


def _itinerary(reading: Reading, evidence) -> list[str]:
    """The keys of the stops a row's place cell lists, in order (none where it lists one place, or states). Not a
    box's field, which may list a tour's stops in several states (:func:`kg.extract.boxed_summit.finer_in_prose`)."""
    for said in evidence:
        listed = _STOPS.fullmatch(to_hans(said.text).strip())
        stops = [reading.index.key(name.strip()) for name in listed.group(0).split("、")] if listed else []
        if len(stops) >= 2 and not any(reading.index.is_state(stop) for stop in stops):
            return stops
    return []


def _stop_holding(reading: Reading, place: EntityId, stops: list[str]) -> str | None:
    """The stop that is the place or holds it (by the text, the gazetteer or its name: 乙城宫 in 乙城)."""
    named = town_in_its_name(reading, place)
    for stop in stops:
        if place.key == stop or lies_in(reading, place, EntityId(Kind.PLACE, stop)) or named is not None and named.key == stop:
            return stop
    return None
