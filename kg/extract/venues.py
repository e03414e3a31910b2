"""Where a summit was held when its own phrase does not say: what the article tells around it, the
visit it was held during, the day's account, the list it is an item of, the section's state, the
gathering, the welcome before the talks, the one summit an article tells of.

- A summit held during a visit the text dates to the day (``于1997年10月26日至11月3日对美国进行的
  国事访问``, ``…访华``, ``开始对印度的非正式访问``), in the lead or any later sentence, or on
  the day a visit begins, lies in the visited state, when its chain names none, one state alone
  is visited then and the visitor is one of its participants; in a table's row only a visit
  written out with the state's name (``国事访问印度``: a row's ``莫迪访华`` is the name the row
  gives its visit, as a title is); not from a linked title, a tour of several states or a visit
  that ends (``结束对美国的访问后``).
- A summit of several days placed only in the state visited was held where the article's own
  account tells its talks on one of its days (``=== 5月7日 ===`` ``…随后甲在某城某官邸同乙举行
  正式会谈``): that place, inside the state. A visit invited or planned (``邀请乙于秋季访日``) is
  no visit made; one made at an invitation (``应甲邀请访日``) is.
- Meetings told one a list item after a sentence that says where they all were held
  (``在[[人民大会堂]]分别同四国元首举行会谈：`` ``* 甲国：5月29日下午，…同张三举行会谈。``) were held
  there, when their own sentences place them nowhere.
- A tour told a state a section (``== 沙特阿拉伯 ==``): a summit of that section placed in no state
  lies in it (not under a section of reactions: ``== 反应 ==`` ``=== 朝鲜 ===``).
- A meeting held during a gathering (``在峰会期间``, ``…会议在[[某城]]开幕，当天甲与乙举行会谈``)
  that has no place of its own was held where its paragraph says the gathering was.
- The one summit an article tells of, placed by its lead only in a state (``在马耳他召开``), was
  held where an undated sentence says the summit itself was (``峰会最终在停泊于瓦莱塔港湾的高尔基号
  上举行``), inside that state.
- Where a treaty's infobox says it was signed (``location_signed = [[法国]][[巴黎]][[爱丽舍宫]]``)
  is the venue of the summit of its day, when the text places that summit nowhere else or at a
  place of that chain (read with the box, in :mod:`kg.extract.document_passes`).
- A town's meeting whose talks follow a welcome ceremony with no place of their own
  (``当天下午，乙在[[某府]]为甲举行欢迎仪式，随后两人举行会谈``, also after what the ceremony holds:
  ``…举行仪式，欢迎甲访华，鸣礼炮21响。欢迎仪式后，两人举行会谈``) was held where the ceremony was.
- A day's meeting placed nowhere (``4月25日，乙会见甲``), in a background or an aftermath too, was
  held in the town a participant reached right before it in its paragraph, that day or the evening
  before (``4月24日晚，甲乘专机抵达[[北京]]``).
- A visit's infobox naming one town (``{{Infobox diplomatic visit}}`` ``| location = {{某国}}[[某都]]``)
  places the summits of its days that the text places only in the state visited, or nowhere, in it.
- A leader's lodging with no town of its own in the phrase (``在下榻的饭店会见乙``) names no venue:
  the meeting lies in the town the text puts it in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.containment import REACHES, lies_in, located_within, unplaced_top, venue_in_state
from kg.extract.dates import find_dates
from kg.extract.entries import cell_chains, entries_in
from kg.extract.names import GENERIC_BUILDINGS, states, strip_disambiguator
from kg.extract.narrative import ASIDE, told_after
from kg.extract.places import (ARRIVED_AT, BARE_KINDS, CLAUSE_BREAK, GATHERING_AFTER, NOT_OWN, VENUE_ENDINGS,
                               held_at_chain, held_at_phrases, joins_chain, meeting_chains, of_a_ceremony, phrase_bounds,
                               phrase_chain, well_known_container)
from kg.extract.reading import Reading
from kg.extract.registry import Registry
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence, Spot
from kg.model import EntityId, Evidence, Inference, Kind, Prop


#: Where a leader stays (下榻的饭店, 下榻饭店, 下榻处), before the kind of place it is.
_LODGING = re.compile(r"^下榻(?:的|之)?")


def _unnamed_lodging(name: str) -> bool:
    """Whether a plain name is only the lodging of a leader and its kind (``下榻的饭店``,
    ``下榻饭店``, ``下榻处``), not a name of its own (``下榻的锦绣山迎宾馆``)."""
    lodging = _LODGING.match(name)
    return lodging is not None and name[lodging.end():] in BARE_KINDS + ("", "处", "地")


#: A held-at phrase that is only a leader's lodging, with no town of its own (在下榻的饭店会见乙).
_AT_THE_LODGING = re.compile(r"在(?:其|他|她)?下榻(?:的|之)?(?:饭店|酒店|宾馆|处)")


def lodging_gives_way_to_its_town(reading: Reading) -> None:
    """A venue that only says where a leader stays, its phrase naming no town (``当晚，甲在下榻的
    饭店会见乙``, not ``在某城下榻饭店``), names no place: the summit was held in the one town
    the text puts that lodging in (``抵达某城`` before it), else no more precisely than the rest
    of its chain (one article's lodgings, one name for hotels in several towns, are no one place)."""
    registry = reading.registry
    for fact in list(registry.facts_of(Prop.VENUE)):
        lodging = fact.value
        if not isinstance(lodging, EntityId) or not _unnamed_lodging(to_hans(lodging.key)) \
                or not any(_AT_THE_LODGING.search(to_hans(e.text)) for e in fact.evidence):
            continue
        towns = [v for v in registry.facts_about(lodging, Prop.LOCATED_IN) if isinstance(v, EntityId)]
        registry.drop_one(fact.subject, Prop.VENUE, lodging)
        if len(towns) == 1 and not registry.has_fact(fact.subject, Prop.VENUE):
            registry.fact(fact.subject, Prop.VENUE, towns[0], evidence=fact.evidence)


#: ``会场X``, ``会场设在X``: the hall of the meeting, named as such.
_HALL = re.compile(r"会场(?:设在|设于|选在|定在|为|是)?")


_NAME_RUN = re.compile(r"[\u4e00-\u9fff·‧・]{2,16}")


def venue_named_as_the_hall(reading: Reading) -> None:
    """A summit held in a town (``与勃兰特在卡塞尔举行第二次首脑会晤``) was held in the hall the
    same or a following sentence of the paragraph names as the meeting's (``两人…驱车前往会场
    威廉高地宫殿饭店（Schloßhotel）``), before another day is told: the hall is the venue, in the
    town. A town that a field gives (an infobox's ``location``) is so refined by a sentence of
    the article's own account told on the summit's days (``3月19日上午…抵达某城火车总站…。两人随后
    前往车站对面的会场某饭店``). Where none names a hall, the place of a welcome ceremony told on its
    days that the talks follow with no place of their own (``乙在[[某府]]为甲举行欢迎仪式，随后两人举行
    会谈``) is the venue, when it lies in the town or its sentence names the town."""
    registry = reading.registry
    sentences = reading.all_sentences()
    for fact in list(registry.facts_of(Prop.VENUE)):
        town = fact.value
        if not isinstance(town, EntityId) or town.kind is not Kind.PLACE or not fact.evidence \
                or to_hans(town.key).endswith(VENUE_ENDINGS):
            continue
        at = next((i for i, s in enumerate(sentences) if s.evidence().span == fact.evidence[0].span), None)
        told = _hall_told_after(reading, sentences, at) if at is not None else None
        if told is not None:
            _held_in_the_hall(reading, fact.subject, town, *told, (sentences[at].evidence(), told[0].evidence()))
            continue
        told = _hall_told_on_its_days(reading, fact.subject)
        if told is not None:
            _held_in_the_hall(reading, fact.subject, town, *told, (told[0].evidence(),))
            continue
        welcome = _welcome_before_the_talks(reading, fact.subject)
        if welcome is not None:
            _held_where_welcomed(reading, fact.subject, town, *welcome)


def _days_of(registry: Registry, summit: EntityId) -> tuple[date, date] | None:
    """(start, end) of a dated summit (end = start for a day's meeting); None when it has no start day."""
    start = next(iter(registry.facts_about(summit, Prop.START_DATE)), None)
    if not isinstance(start, date):
        return None
    return start, next(iter(registry.facts_about(summit, Prop.END_DATE)), start)


def _participant_keys(registry: Registry, summit: EntityId) -> set[str]:
    """The keys of the summit's participants the registry knows as entities."""
    return {p.key for p in registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}


def _welcome_before_the_talks(reading: Reading, summit: EntityId) -> tuple[Sentence, tuple[Spot, ...]] | None:
    """(sentence, chain) of the first sentence told on the summit's days (in an aside too: a
    return visit told in 后续) that names a participant and the place of a welcome ceremony the
    talks follow with no place of their own (``当天下午，甲在[[某府]]为乙举行欢迎仪式，随后两人举行会谈``)."""
    days = _days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    participants = _participant_keys(reading.registry, summit)
    before: tuple[Sentence, list] | None = None  # a sentence ending with a ceremony: the talks may open the next
    for _, sentence, told in _told_in_order(reading, (start, end), asides=True):
        if before is not None and before[0].passage is sentence.passage and before[0].paragraph == sentence.paragraph:
            for match in before[1]:
                if _talks_follow_the_welcome(before[0], match, sentence):
                    chain = phrase_chain(reading, before[0], match)
                    if chain:
                        return before[0], chain
        before = None
        days = told.times if told else ()
        if not days or not all(start <= a and b <= end for a, b in days) \
                or not any(s.key in participants for s in sentence.spots) or not _WELCOMED.search(sentence.hans):
            continue
        welcomes = [m for m in held_at_phrases(sentence) if not _NOT_THERE.search(_clause_of(sentence.hans, m.start(), m.end()))]
        for match in welcomes:
            if _talks_follow_the_welcome(sentence, match):
                chain = phrase_chain(reading, sentence, match)
                if chain:
                    return sentence, chain
        before = (sentence, welcomes)
    return None


def _held_where_welcomed(reading: Reading, summit: EntityId, town: EntityId, sentence: Sentence,
                         chain: tuple[Spot, ...]) -> None:
    """The summit held in a town was held where the welcome ceremony before its talks was, when
    that place lies in the town, or its sentence names the town (``抵达某都，…；当天下午，甲在[[某府]]为乙
    举行欢迎仪式，随后…``) and the text places it nowhere else: that place, inside the town."""
    registry = reading.registry
    place = _chain_facts(reading, chain, sentence)
    if place is None or place.key == town.key or place.kind is not Kind.PLACE:
        return
    if not lies_in(reading, place, town):
        if any(isinstance(v, EntityId) for v in registry.facts_about(place, Prop.LOCATED_IN)) \
                or well_known_container(reading, place.key) is not None \
                or not _names_the_town(reading, sentence, town):
            return  # the text or the gazetteer puts it elsewhere, or the town is another sentence's
        registry.fact(place, Prop.LOCATED_IN, town, evidence=(sentence.evidence(),))
    registry.fact(summit, Prop.VENUE, place, evidence=(sentence.evidence(),))
    registry.keep_only(summit, Prop.VENUE, place)


def _names_the_town(reading: Reading, sentence: Sentence, town: EntityId) -> bool:
    """Whether the welcome's sentence names the town, or the sentence right before it in its
    paragraph does (``6月4日，甲抵达某城。乙在[[某广场]]为甲举行欢迎仪式``): the town just reached."""
    sentences = reading.all_sentences()
    at = next((i for i, s in enumerate(sentences) if s is sentence), None)
    told = [sentence]
    if at:
        before = sentences[at - 1]
        if before.passage is sentence.passage and before.paragraph == sentence.paragraph:
            told.append(before)
    return any(s.key == town.key for said in told for s in said.spots)


#: Right after a welcome ceremony's clause: the talks that follow it with no place of their own
#: (``，随后两人举行会谈``, ``，两国元首随后举行会谈``, ``。欢迎仪式后，两国元首举行会谈``).
_TALKS_FOLLOW = re.compile(r"[^，,；;。在]{0,8}?(?:随后|之后|其后|接着|仪式(?:结束)?后)[，,]?[^，,；;。在]{0,20}?(?:会谈|会晤)")


def _talks_follow_the_welcome(sentence: Sentence, match: re.Match, following: Sentence | None = None) -> bool:
    """Whether the held-at phrase is a welcome ceremony's (``甲在[[某府]]为乙举行欢迎仪式``) that the
    talks follow without a place of their own, in its sentence or at the start of ``following``
    (``，随后两人举行会谈``), after what the ceremony holds (``，鸣礼炮21响。欢迎仪式后，…``): they
    were held where it was (not ``随后在某厅会谈``, a place of their own)."""
    hans = sentence.hans
    end = phrase_bounds(sentence, match)[1]
    stop = next((m for m in CLAUSE_BREAK.finditer(hans, end)), None)
    if not _WELCOMED.search(hans, end, stop.end() + 2 if stop else len(hans)):
        return False
    at = stop.end() if stop is not None and stop.group() != "。" else len(hans)
    for _ in range(_CEREMONY_CLAUSES + 1):
        if at >= len(hans):
            return following is not None and _TALKS_FOLLOW.match(following.hans) is not None
        if _TALKS_FOLLOW.match(hans, at) is not None:
            return True
        stop = CLAUSE_BREAK.search(hans, at)
        if not _OF_THE_CEREMONY.fullmatch(hans, at, stop.start() if stop else len(hans)):
            return False  # a clause of another place, day or meeting
        at = stop.end() if stop is not None else len(hans)
    return False


#: What a welcome ceremony is called after its held-at phrase (为乙举行欢迎仪式, 举行隆重欢迎仪式,
#: 举行仪式，欢迎乙访华).
_WELCOMED = re.compile(r"欢迎仪式|欢迎式|仪式[，,]欢迎")


#: A clause that tells what the ceremony holds (鸣礼炮21响, 450名礼兵列队, 一同检阅仪仗队, 欢迎乙访华),
#: with no place, day or meeting of its own ...
_OF_THE_CEREMONY = re.compile(r"[^在于日会谈晤见往抵赴]{1,24}")


#: ... and how many such clauses may come between the ceremony and the talks that follow it.
_CEREMONY_CLAUSES = 3


def _hall_told_after(reading: Reading, sentences: list[Sentence], at: int) -> tuple[Sentence, Spot] | None:
    """(sentence, hall) of the sentence ``at`` or one of the two after it in its paragraph, before
    another day is told, that names the meeting's hall."""
    said = sentences[at]
    for sentence in sentences[at:at + 3]:
        if sentence.passage is not said.passage or sentence.paragraph != said.paragraph \
                or sentence is not said and find_dates(sentence.hans, year=2000):
            return None  # another paragraph, or another day
        hall = _hall(reading, sentence)
        if hall is not None:
            return sentence, hall
    return None


def _held_in_the_hall(reading: Reading, summit: EntityId, town: EntityId, sentence: Sentence, hall: Spot,
                      evidence: tuple) -> None:
    """The summit was held in the hall, inside the town."""
    registry = reading.registry
    place = registry.named(Kind.PLACE, hall.surface, article=hall.link.link.target if hall.link else None)
    if place.key != town.key:
        registry.fact(place, Prop.LOCATED_IN, town, evidence=evidence)
        registry.fact(summit, Prop.VENUE, place, evidence=(sentence.evidence(),))
        registry.keep_only(summit, Prop.VENUE, place)


def _hall_told_on_its_days(reading: Reading, summit: EntityId) -> tuple[Sentence, Spot] | None:
    """(sentence, hall) of the first sentence of the article's own account, told on the summit's
    days, that names the meeting's hall (会场…)."""
    days = _days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    for _, sentence, told in _told_in_order(reading, (start, end), asides=False):
        days = told.times if told else ()
        if days and all(start <= a and b <= end for a, b in days):
            hall = _hall(reading, sentence)
            if hall is not None:
                return sentence, hall
    return None


def _hall(reading: Reading, sentence: Sentence) -> Spot | None:
    """The venue's name right after a ``会场`` of the sentence, linked or plain."""
    for match in _HALL.finditer(sentence.hans):
        if any(s.start < match.end() and s.end > match.start() for s in sentence.spots):
            continue  # 会场 inside a name
        spot = next((s for s in sentence.spots if s.start == match.end()), None)
        if spot is not None and spot.hans.endswith(VENUE_ENDINGS) \
                and not reading.registry.is_a(spot.surface, Kind.PERSON, Kind.ORGANIZATION):
            return spot  # 会场[[某宫]]
        run = _NAME_RUN.match(sentence.hans, match.end())
        if run is None or not run.group().endswith(VENUE_ENDINGS) or NOT_OWN.match(run.group()) or any(
                s.start < run.end() and s.end > run.start() and (s.end > run.end() or not reading.registry.is_a(
                    s.surface, Kind.PLACE)) for s in sentence.spots):
            continue  # a person's or a body's name in it, or a name running past it: not one plain name
        surface = sentence.text[run.start():run.end()]
        return Spot(run.start(), run.end(), reading.index.key(surface), surface, run.group(), None)
    return None


#: Going to or arriving in a town (``赴[[伊斯兰堡]]出席``, ``抵达东京``).
_ARRIVED = re.compile(r"(?:抵达|飞抵|到达|来到|前往|赴|转往|转赴)$")


#: What a town reached is to its state, written between them (``抵达某国首都[[某都]]``, ``前往某国行政首都[[某城]]``).
_TOWN_OF_THE_STATE = re.compile(r"(?:行政|政治|经济|商业)?(?:首都|首府|城市|港口城市|海滨城市|最大城市)$")


def _reached(reading: Reading, sentence: Sentence, spot: Spot) -> bool:
    """Whether ``spot`` is a town the sentence says a leader reaches: right after the verb
    (``抵达[[某都]]``), or after the state it lies in and what it is there (``飞抵某国首都[[某都]]``,
    ``抵达某国[[某城]]``, ``前往首都[[某都]]``): a name so written after its state or as its capital
    is a town even where the article types it nowhere else."""
    before = sentence.hans[:spot.start]
    if _ARRIVED.search(before):
        return reading.registry.is_a(spot.surface, Kind.PLACE)
    if to_hans(spot.hans).endswith(_NOT_A_TOWN + ARRIVED_AT):
        return False  # 抵达某国[[某机场]]: where the leader lands
    noun = _TOWN_OF_THE_STATE.search(before)
    before = before[:noun.start()] if noun else before
    state = next((s for s in sentence.spots if s.end == len(before) and reading.index.is_state(s.surface)), None)
    if state is None and noun is None:
        return False
    before = before[:state.start] if state is not None else before
    return bool(_ARRIVED.search(before)) and reading.registry.kind_of(spot.surface) in (None, Kind.PLACE)


def _one_town_reached_on_its_days(reading: Reading, summit: EntityId, said: Sentence) -> tuple[Spot, Sentence] | None:
    """(town, sentence) of the one town the article's own account says a participant reached on
    the summit's days before the sentence that names its site, in an earlier paragraph or section
    (``=== 7月21日 ===`` ``21日晚，甲乘专机抵达某都[[某国际机场]]。`` ``=== 7月22日 ===`` ``22日，乙在
    [[某宫]]为甲举行欢迎仪式，随后两国元首举行会谈``): the visit's site lies there. None where the
    account tells two towns reached, or the site's sentence is not of its own days."""
    days = _days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    participants = _participant_keys(reading.registry, summit)
    towns: dict[str, tuple[Spot, Sentence]] = {}
    for _, sentence, told in _told_in_order(reading, (start, end), asides=False):
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


#: A day told, other than the one told before (``26日``, ``2023年8月18日``, ``次日``).
_ANOTHER_DAY = re.compile(r"[0-9０-９]{1,2}日|[一二三四五六七八九十]{1,3}日|次日|翌日|隔日|第二天")


def place_sites_in_the_town_reached(reading: Reading) -> None:
    """A summit's venue that is a site no text places (``次日（1月5日），瓦杰帕伊前往巴基斯坦总统
    官邸，与穆沙拉夫闭门会谈``) lies in the town the same paragraph last says the leaders went
    to or reached before it (``1月4日，瓦杰帕伊赴[[伊斯兰堡]]出席…``), when no other town comes
    between; not a well-known venue the reference gazetteer places. A site the text puts only
    in a state (``某国总统在总统府迎接``) lies in that town, and the town in the state. Where the
    paragraph reaches none, a site of a visit lies in the one town its own account says a
    participant reached on its days before (``=== 7月21日 ===`` ``…抵达某都[[某国际机场]]``).
    A generic building keyed by its state (``[[总统府 (某国)|总统府]]``) is such a site, read by
    its own name: the state its title adds comes after the town reached, not in its stead."""
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
        states = [v for v in registry.facts_about(site, Prop.LOCATED_IN) if isinstance(v, EntityId) and v.kind is Kind.COUNTRY]
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
        if town is None:
            town = _one_town_reached_on_its_days(reading, fact.subject, said)
        if town is not None:
            spot, sentence = town
            site_at = _site_at(said, site)
            told = [s.hans for s in sentences[sentences.index(sentence):at]] + [said.hans[:site_at]]
            if states and _ANOTHER_DAY.search("".join(told)[spot.end:]):
                continue  # 某日赴甲城…；某日，两人在乙国某营会晤: the town of another day
            place = registry.named(Kind.PLACE, spot.surface)
            outer = [v for v in registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId)]
            if states and any(not any(located_within(registry, o, s) for s in states) for o in outer):
                continue  # the text puts the town in another state
            for state in states:  # 某国的总统府 in 某都: the town stands between them
                evidence = next((f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state.key)
                                 if f.subject == site), ())
                registry.drop_one(site, Prop.LOCATED_IN, state)
                if not outer:
                    registry.fact(place, Prop.LOCATED_IN, state, evidence=evidence)
            registry.fact(site, Prop.LOCATED_IN, place, evidence=(sentence.evidence(), said.evidence()))


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


#: The state a leader visits: ``对中国进行（非正式、国事）访问``, ``访问俄罗斯``, ``出访法国``.
_VISIT_OF = re.compile(r"对(?P<s>[^，。；,、对]{1,12}?)(?:进行(?:了|的)?|的)[^，。；,]{0,10}?访问")


_VISIT_TO = re.compile(r"(?:访问|出访|到访|回访)(?=(?P<s>[^，。；,、]{1,12}))")


#: ``访华``, ``访美``: a visit to the state one character names.
_VISIT_SHORT = re.compile(r"(?<![参拜走探查寻采])访(?P<a>[华美俄日朝韩英法德印越苏])(?![问谈客])")  # 参访法隆寺: a site


#: Before a visit phrase: the visit is over (``结束对美国的访问后``).
_ENDED = re.compile(r"结束了?$")


#: Before a visit phrase in its clause: the visit is invited or planned, not made (邀请乙于秋季访日).
_VISIT_PLANNED = re.compile(r"(?<!应)(?<!受)邀请|计划|拟|将于|将在|原定|准备|希望|同意|下次|下一次|今后")


_SHORT_STATES = {"华": "中国", "美": "美国", "俄": "俄罗斯", "日": "日本", "朝": "朝鲜", "韩": "韩国", "英": "英国",
                 "法": "法国", "德": "德国", "印": "印度", "越": "越南", "苏": "苏联"}


def visited_states(reading: Reading, sentence: Sentence, short: bool = True) -> set[str]:
    """The keys of the states a sentence says a leader visits (not in the title of an article
    it links to: ``见[[2015年习近平访美]]`` says nothing; not a visit it ends: ``结束对美国的
    访问后``); with ``short`` false, only states written out, not ``访华``."""
    out: set[str] = set()
    hans = sentence.hans

    def in_a_link(at: int) -> bool:
        return any(s.link is not None and s.start <= at < s.end for s in sentence.spots)

    def ended(at: int) -> bool:  # 结束对美国的访问后，…访华: the visit before, not this one
        start = max((m.end() for m in CLAUSE_BREAK.finditer(hans, 0, at)), default=0)
        planned = _VISIT_PLANNED.search(hans, start, at)  # 邀请乙于秋季访日; not 应甲邀请访日
        return bool(_ENDED.search(hans, 0, at)) or bool(planned) and not (
            planned.group().endswith("邀请") and re.search(r"[应受]", hans[start:planned.start()]))

    for pattern in (_VISIT_OF, _VISIT_TO):
        for match in pattern.finditer(hans):
            at = match.start("s")
            first = next((s for s in sentence.spots if s.start == at), None)
            if first is not None and (reading.index.is_state(first.surface) or reading.registry.is_a(first.surface, Kind.COUNTRY)) \
                    and not in_a_link(match.start()) and not ended(match.start()):
                out.add(reading.index.key(first.surface))
    for match in _VISIT_SHORT.finditer(hans) if short else ():
        if in_a_link(match.start()) or ended(match.start()):
            continue
        name = _SHORT_STATES[match["a"]]
        if reading.index.is_state(name):
            out.add(reading.index.key(name))
    return out


def place_venues_in_visited_states(reading: Reading) -> None:
    """A summit held during a visit the text dates to the day (``江泽民于1997年10月26日至11月3日
    对美国进行的国事访问``, ``…访华``, ``11月4日至6日，马克龙第二次对中国进行国事访问``), or
    begun on a visit's one dated day (``9月17日…成为首位访问北韩的日本首相``), is held
    in the visited state: the top of its venue chain (人民大会堂 in 北京) lies in it, when the
    chain names no state, one state alone is visited on those days and the visitor the
    sentence names (if any) is one of the summit's participants. The lead's visit and any
    later sentence's count alike; a table's row only when it writes the visited state out
    (``习近平国事访问印度``): its short ``莫迪访华`` is the name the row gives the visit, and
    the table gives its places in its own columns. A date without its year is of the year
    the text last named. A summit the text places nowhere, held during the visit the lead's
    first paragraph defines the article by (``…于1977年11月19日至21日对以色列进行的访问``), was held
    in the visited state; so was one a later section tells in the visit's own sentence (``== 背景 ==``
    ``…6月27日至30日，乙国总统对甲国进行国事访问，与甲国主席举行会谈``), not another of a later section
    (its text says where, or nothing)."""
    registry = reading.registry
    tables = [t.span for t in reading.document.tables]
    visits: list[tuple[Sentence, str, set[str], list]] = []
    year = None  # the year running in the text: ``一周后的6月19日至20日`` is of the year last named
    for sentence in reading.all_sentences():
        years = [int(y) for y in _YEAR.findall(sentence.hans)]
        running, year = (years[0] if years else year), (years[-1] if years else year)
        at = sentence.span_of(0, 0).start
        row = any(t.start <= at < t.end for t in tables)
        states_visited = visited_states(reading, sentence, short=not row)
        spans = find_dates(sentence.hans, year=running)
        if len(states_visited) == 1 and spans:
            visitors = {s.key for s in sentence.spots if reading.registry.is_a(s.surface, Kind.PERSON)}
            visits.append((sentence, states_visited.pop(), visitors, spans))
    if not visits:
        return
    for fact in registry.facts_of(Prop.START_DATE):
        summit = fact.subject
        if summit.kind is not Kind.SUMMIT:
            continue
        start = fact.value
        end = next(iter(registry.facts_about(summit, Prop.END_DATE)), start)
        participants = _participant_keys(registry, summit)
        held = [(sentence, state) for sentence, state, visitors, spans in visits
                if (not visitors or visitors & participants)
                and any(span.start <= start and end <= span.end if span.start < span.end else span.start == start
                        for span in spans)]
        if len({state for _, state in held}) != 1:
            continue
        sentence, state_key = held[0]
        if not any(True for _ in registry.facts_about(summit, Prop.VENUE)):  # placed nowhere else: in the state
            if (sentence.section is not None or sentence.paragraph != 0) \
                    and not _tells_the_summit(reading, fact, sentence, state_key):
                continue  # only the visit the lead's first paragraph defines the article by, or its own sentence
            state = registry.named(Kind.COUNTRY, next(n for n in _state_names(reading, state_key)))
            registry.fact(summit, Prop.VENUE, state, evidence=(sentence.evidence(),))
            continue
        for venue in registry.facts_about(summit, Prop.VENUE):
            top = _top_of(reading, venue)
            if top is not None and top.key != state_key:
                state = registry.named(Kind.COUNTRY, next(n for n in _state_names(reading, state_key)))
                registry.fact(top, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))


def _tells_the_summit(reading: Reading, start, sentence: Sentence, state_key: str) -> bool:
    """Whether the visit's sentence is the one the summit was read from (its start date's), and
    names no state but the one visited: ``== 背景 ==`` ``2013年6月27日至30日，乙国总统对甲国进行国事
    访问，与甲国主席举行会谈`` places the talks in the state it visits, in any section; not a tour
    (``先后访问[[甲国]]、[[乙国]]和[[丙国]]，分别同…会谈``)."""
    span = sentence.evidence().span
    others = {reading.index.key(s.surface) for s in sentence.spots if reading.index.is_state(s.surface)} - {state_key}
    return not others and any(e.span == span for e in start.evidence)


_YEAR = re.compile(r"(\d{4})年")


def _top_of(reading: Reading, venue) -> EntityId | None:
    """The biggest place a venue lies in by the facts so far, or ``None`` when a state holds it."""
    return unplaced_top(reading.registry, venue, by_gazetteer=False) if isinstance(venue, EntityId) else None


def _state_names(reading: Reading, key: str):
    for row in states():
        if reading.index.key(row[0]) == key:
            yield from row
    yield key


#: Sections that tell of what came before or after: their meetings are others.
_EARLIER = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备|后续|後續|影响|评价|反应)")


#: A meeting planned, not held.
_PLANNED = re.compile(r"原定|原计划|计划|拟|将于|原本")


def venue_said_of_the_summit(reading: Reading, summits) -> None:
    """The one summit an article's account tells of, whose venue is a state (``1989年12月2日－3日
    在马耳他召开的一次会议``), was held where a sentence says the summit itself was held
    (``峰会最终在停泊于瓦莱塔港湾的高尔基号上举行``): that place is the venue, and the biggest
    place of its chain that the text puts in no state lies in that state."""
    registry = reading.registry
    main = [s for s in summits if s.section is None or not _EARLIER.match(to_hans(s.section.heading).strip())]
    if len(main) != 1:
        return
    summit = main[0]
    venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
    if len(venues) != 1 or venues[0].kind is not Kind.COUNTRY:
        return
    state = venues[0]
    sections = [s for section, s in reading.by_section.items() if not _EARLIER.match(to_hans(section.heading).strip())]
    for sentence in [s for group in [reading.lead, *sections] for s in group]:
        if find_dates(sentence.hans) or _PLANNED.search(sentence.hans):
            continue  # a dated sentence may tell of one day's meeting; a plan was not held
        chain = next((c for m in held_at_phrases(sentence) if _said_of_itself(sentence, m)
                      for c in [phrase_chain(reading, sentence, m)] if c), ())
        place = _chain_facts(reading, chain, sentence) if chain else None
        if place is None or place.kind is not Kind.PLACE:
            continue
        if venue_in_state(registry, summit, place, state, sentence):
            return


#: Before the 在 of a held-at phrase: the meeting itself is what was held (峰会最终, 此次会晤则).
_ITSELF = re.compile(r"^(?:本次|这次|此次|该次)?(?:峰会|高峰会|会晤|会谈|首脑会议|会议)(?:最终|最后|终于|则|随后|后来|实际)?$")


def _said_of_itself(sentence: Sentence, match: re.Match) -> bool:
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
    return bool(_ITSELF.match(sentence.hans[clause_start:match.start()].strip()))


def _chain_facts(reading: Reading, chain: tuple[Spot, ...], sentence: Sentence) -> EntityId | None:
    """Each place of a chain written big to small lies in the one before; the last is returned."""
    registry = reading.registry
    places = [registry.named(registry.kind_of(s.surface) or Kind.PLACE, s.surface) for s in chain]
    for (a, outer), (b, inner) in zip(zip(chain, places), zip(chain[1:], places[1:])):
        if joins_chain(sentence.hans[a.end:b.start]) and inner.kind is Kind.PLACE and inner != outer:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(sentence.evidence(),))
    return places[-1] if places else None


#: A meeting word of a clause that tells talks held (not a ceremony, not a banquet).
_TALKS = re.compile(r"会谈|会晤|会见|会面")


#: A plan or a call: what the clause tells was not held there.
_NOT_THERE = re.compile(r"原定|原计划|计划|拟|将于|将在|取消|未能|推迟|电话|通话|视频")


#: A sentence that introduces a list of meetings held at one place (在[[人民大会堂]]分别同四国元首举行会谈：).
_SEVERAL_THEN_LIST = re.compile(r"(分别|先后|逐一)[^，,。；;]{0,20}?(会谈|会晤|会见|会面)[^，,。；;]{0,4}[：:]$")


def venue_of_the_list_intro(reading: Reading, summits) -> None:
    """Meetings told one a list item (``* 埃及：5月29日下午，习近平同塞西举行会谈。``) after a sentence
    that says where they all were held (``习近平在[[人民大会堂]]分别同四国元首举行会谈：``) were held
    there, when their own sentences place them nowhere."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    for summit in summits:
        if summit.anchor is None or id(summit.anchor) not in where \
                or any(True for _ in registry.facts_about(summit.id, Prop.VENUE)):
            continue
        at = where[id(summit.anchor)]
        for intro in reversed(sentences[max(0, at - 8):at]):
            if intro.section is not summit.anchor.section or intro.passage is not summit.anchor.passage:
                break
            if not _SEVERAL_THEN_LIST.search(intro.hans):
                continue
            chain = held_at_chain(reading, intro)
            place = _chain_facts(reading, chain, intro) if chain else None
            if place is not None:
                registry.fact(summit.id, Prop.VENUE, place, evidence=(intro.evidence(), summit.anchor.evidence()),
                              inference=Inference.BACK_REFERENCE)
            break


def venue_in_the_state_of_its_section(reading: Reading, summits) -> None:
    """A tour told a state a section (``== 沙特阿拉伯 ==`` ``…习近平在利雅得同萨勒曼举行会谈``):
    a summit its section's sentence tells, whose venue the text puts in no state, lies in the
    state the heading names; not a section of reactions or the like (``== 反应 ==`` ``=== 朝鲜 ===``)."""
    registry = reading.registry
    parents = {id(sub): section for section in reading.document.all_sections() for sub in section.subsections}
    for summit in summits:
        section = summit.anchor.section if summit.anchor is not None else None
        if section is None or not reading.index.is_state(to_hans(section.heading).strip()):
            continue
        parent = parents.get(id(section))
        if parent is not None and ASIDE.match(to_hans(parent.heading).strip()):
            continue
        state = registry.named(Kind.COUNTRY, to_hans(section.heading).strip())
        for venue in list(registry.facts_about(summit.id, Prop.VENUE)):
            top = _top_of(reading, venue)
            if top is not None and top.key != state.key and top.kind is Kind.PLACE:
                registry.fact(top, Prop.LOCATED_IN, state, evidence=(summit.anchor.evidence(),))


def venue_of_the_talks_on_its_days(reading: Reading, summits) -> None:
    """A summit of several days whose venue is only the state visited (``于5月6日至10日对日本进行的
    国事访问``) was held where a sentence of the article's own account (not its background or
    aftermath) tells its talks on one of those days, its participants named (``=== 5月7日 ===``
    ``…随后甲在某城[[某官邸]]同乙举行正式会谈``): that place is the venue, and the biggest place of
    its chain lies in the state, when the text puts it in no other. The day is the sentence's
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
        talks = _talks_on_its_days(reading, summit) if state is not None and summit.start != summit.end else ()
        for sentence, place in talks:  # a visit's days; one day's meeting may be another's talks told that day
            if place.key == state.key or place.kind is not Kind.PLACE or _unnamed_lodging(place.key):
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
    tells another day; in a background or an aftermath too, where a visit is told in one paragraph."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    for summit in summits:
        venues = _placed_at_most_in_a_state(reading, summit, where)
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


#: The longest a summit may go on and still be placed by the town its visitor reached (a leg of a tour:
#: ``4月27日，甲抵达某都…28日，两国元首举行会谈…29日，甲离开某都``).
_A_LEGS_DAYS = timedelta(days=3)


def _placed_at_most_in_a_state(reading: Reading, summit, where: dict[int, int]) -> list[EntityId] | None:
    """The venues of a summit of a day or a leg's few days whose own sentence places it nowhere or only in
    a state (none, or one state, and no place chain in the sentence): what a pass looking for its place
    elsewhere may add to; None for a summit placed already, of longer days, or with no sentence of the
    article's own."""
    if summit.anchor is None or id(summit.anchor) not in where or summit.end - summit.start > _A_LEGS_DAYS:
        return None
    venues = [v for v in reading.registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
    if len(venues) > 1 or venues and venues[0].kind is not Kind.COUNTRY or meeting_chains(reading, summit.anchor):
        return None
    return venues


#: How many sentences before a meeting's own its paragraph may tell the town reached.
_REACHED_BEFORE = 3


def _town_reached_before(reading: Reading, sentences: list[Sentence], at: int, summit):
    """(sentence, town) of the last town a participant of ``summit`` reached in a sentence of the
    paragraph before ``sentences[at]``, dated the summit's day or the day before, or undated;
    None where that sentence reaches two towns or tells no participant reaching it."""
    said = sentences[at]
    participants = set(summit.participants)
    for sentence in reversed(sentences[max(0, at - _REACHED_BEFORE):at]):
        if sentence.section is not said.section or sentence.passage is not said.passage \
                or sentence.paragraph != said.paragraph:
            return None
        days = find_dates(sentence.hans, year=summit.start.year)
        if any(not 0 <= (summit.start - d.start).days <= 1 for d in days):
            return None  # another day told
        towns = [s for s in sentence.spots if _reached(reading, sentence, s) and not reading.index.is_state(s.surface)
                 and not to_hans(s.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN)]
        if not towns:
            continue
        if len({t.key for t in towns}) > 1 or not any(s.key in participants for s in sentence.spots):
            return None
        town = towns[-1]
        return sentence, reading.registry.named(Kind.PLACE, town.surface,
                                                article=town.link.link.target if town.link else None)
    return None


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


def _town_reached_on_its_first_day(reading: Reading, summit):
    """(sentence, town) of the last town the article's own account says a participant reached
    on the visit's first day (``22日，习近平抵达[[德黑兰]]``, ``…前往[[耶路撒冷]]``), when no
    sentence tells its talks at a place: the visit's meetings were held there. Not an airport
    or a site (``抵达[[首相官邸]]``), not a state, not one gone to after the talks its sentence tells
    (``先在某都与乙会谈，随后前往[[某城]]``); none where a sentence anywhere in the article
    places a participant somewhere on a later day of the visit (``7日…甲在某城为乙举行欢迎仪式``)."""
    registry = reading.registry
    participants = set(summit.participants)
    found = None
    first, span = (summit.start, summit.start), (summit.start, summit.end)
    for aside, sentence, told in _told_in_order(reading, span, asides=True):
        days = told.times[-1:] if told else ()
        if not days or not any(s.key in participants for s in sentence.spots):
            continue
        if days != (first,):
            if summit.start < days[0][0] <= summit.end and any(
                    not all(_unnamed_lodging(to_hans(spot.surface)) for spot in chain)
                    for chain in meeting_chains(reading, sentence)):
                return None  # a later day of the visit tells a place of theirs (为乙举行欢迎仪式): not the town,
                # unless it is only their lodging (29日，甲在下榻的饭店会见某学院师生), which names no place
            continue
        if aside:
            continue  # the town of the article's own account
        for spot in sentence.spots:
            if _reached(reading, sentence, spot) \
                    and not _TALKS.search(sentence.hans, 0, spot.start) and not reading.index.is_state(spot.surface) \
                    and not to_hans(spot.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN):
                found = (sentence, registry.named(Kind.PLACE, spot.surface,
                                                  article=spot.link.link.target if spot.link else None))
    return found


def _told_in_order(reading: Reading, span, *, asides: bool):
    """(aside, sentence, told) for each sentence of the lead and the sections (those aside, such
    as 背景, only if ``asides``), with what ``told_after`` says it tells of the days ``span``:
    each paragraph starts again from its section's heading."""
    parts = [(None, reading.lead)] + list(reading.by_section.items())
    for section, sentences in parts:
        aside = section is not None and bool(ASIDE.match(to_hans(section.heading).strip()))
        if aside and not asides:
            continue
        heading = told_after(to_hans(section.heading), span, None) if section is not None else None
        told, paragraph = heading, None
        for sentence in sentences:
            if sentence.paragraph != paragraph:
                told, paragraph = heading, sentence.paragraph
            told = told_after(sentence.hans, span, told)
            yield aside, sentence, told


def _talks_on_its_days(reading: Reading, summit):
    """(sentence, place) of each sentence of the lead or of a section of the article's own
    account that tells talks of the summit's participants on its days, at a place."""
    span = (summit.start, summit.end)
    for _, sentence, told in _told_in_order(reading, span, asides=False):
        days = [(a, b) for a, b in (told.times if told else ()) if (b - a).days < 28]  # not a year's or a month's
        if not days or not all(span[0] <= a and b <= span[1] for a, b in days):
            continue
        place = _talks_place(reading, sentence, set(summit.participants))
        if place is not None:
            yield sentence, place


def _talks_place(reading: Reading, sentence: Sentence, participants: set[str]) -> EntityId | None:
    """The place of a held-at phrase of ``sentence`` whose clause tells talks of the participants."""
    if not any(s.key in participants for s in sentence.spots):
        return None
    for match in held_at_phrases(sentence):
        if of_a_ceremony(sentence, match):
            continue
        clause = _clause_of(sentence.hans, match.start(), match.end())
        if not _TALKS.search(clause) or _NOT_THERE.search(clause):
            continue
        chain = phrase_chain(reading, sentence, match)
        if chain:
            return _chain_facts(reading, chain, sentence)
    return None


def _clause_of(hans: str, start: int, end: int) -> str:
    low = max((m.end() for m in CLAUSE_BREAK.finditer(hans, 0, start)), default=0)
    high = next((m.start() for m in CLAUSE_BREAK.finditer(hans, end)), len(hans))
    return hans[low:high]


def venue_of_the_days_meetings(reading: Reading, summits) -> None:
    """A meeting whose own sentence places it nowhere (``双边会见结束后，甲同乙、丙…举行集体会晤``),
    placed nowhere or only in a state, was held where an earlier sentence of its section, dated
    that day or undated, places a participant's meetings, one after another (``11月22日，甲在[[某城]]
    先后举行8场双边会谈``, ``访问某国期间，甲在某城同专程前来的各国领导人分别会晤。6月1日，甲会见了乙``),
    when no sentence between tells anyone reaching another place and none gives another day; not a
    meeting on a gathering's sidelines (``在联合国大会…后，于场边…会谈``), nor after a sentence placing one meeting only (``在某堂同乙、丙举行会晤。同日，甲还会见了丙``)."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    for summit in summits:
        venues = _placed_at_most_in_a_state(reading, summit, where)
        if venues is None or _DURING_IT.search(summit.anchor.hans) or _GATHERING_MENTIONED.search(summit.anchor.hans):
            continue
        at = where[id(summit.anchor)]
        reached: set[str] = set()
        for sentence in reversed(sentences[max(0, at - 6):at + 1]):
            if sentence.section is not summit.anchor.section or sentence.passage is not summit.anchor.passage:
                break
            days = find_dates(sentence.hans, year=summit.start.year)
            if days and not any(d.start <= summit.start <= d.end for d in days):
                break  # another day told
            reached |= {s.key for s in sentence.spots if REACHES.search(sentence.hans, 0, s.start)}
            if sentence is summit.anchor or not any(s.key in summit.participants for s in sentence.spots) \
                    or days and not any(d.start == summit.start for d in days) or not _ONE_AFTER_ANOTHER.search(sentence.hans):
                continue
            place = _talks_place(reading, sentence, set(summit.participants))
            if place is None:
                continue
            if reached - {place.key} or place.kind is not Kind.PLACE:
                break  # someone reached another place in between
            evidence = (sentence.evidence(), summit.anchor.evidence())
            if venues:
                venue_in_state(registry, summit, place, venues[0], sentence)
            else:
                registry.fact(summit.id, Prop.VENUE, place, evidence=evidence, inference=Inference.BACK_REFERENCE)
            break


#: A sentence that tells a day's meetings one after another (先后举行8场双边会谈, 分别会见).
_ONE_AFTER_ANOTHER = re.compile(r"先后|分别|逐一|陆续|[0-9一二三四五六七八九十多数几]+场")


#: A meeting told on a gathering's occasion (场边, 出席…期间): the gathering's place, not the day's.
_GATHERING_MENTIONED = re.compile(r"场边|间隙|期间|出席")


_GATHERING_WORD = r"(?:峰会|首脑会议|领导人会议|会议|论坛|年会|大会)"


#: A gathering said to be held or opened somewhere: ``出席在[[某城]]举行的第七届某某首脑会议``,
#: ``某某会议首脑会议在[[某城]]开幕``.
_GATHERING_AT = (re.compile(rf"在(?P<w>[^，。；,在]{{1,24}}?)(?:举行|召开|举办)的[^，。；,]{{0,30}}?{_GATHERING_WORD}"),
                 re.compile(rf"{_GATHERING_WORD}[^，。；,在]{{0,8}}?在(?P<w>[^，。；,]{{1,24}}?)(?:开幕|举行|召开|举办)"))


#: A meeting said of the gathering's days: held during it (在峰会期间, 会议间隙, 会上), or on the day
#: the sentence told it opened (…在某城开幕，当天甲与乙举行会谈).
_DURING_IT = re.compile(rf"{_GATHERING_WORD}(?:期间|间隙|场边|之际|会场)|会上|会议期间")


_SAME_DAY = re.compile(r"当天|当日|同日|期间|间隙")


def venue_of_the_gathering(reading: Reading, summits) -> None:
    """A meeting held during a gathering of many (``两人在峰会期间举行了会晤``, ``…会议在[[某城]]开幕，
    当天甲与乙举行会谈``) that the text gives no place of its own was held where its paragraph
    says the gathering was (``出席在[[某城]]举行的第七届某某首脑会议``): the anchor's sentence,
    else the nearest before it in its paragraph."""
    registry = reading.registry
    sentences = reading.all_sentences()
    for summit in summits:
        if summit.anchor is None or any(True for _ in registry.facts_about(summit.id, Prop.VENUE)):
            continue
        at = next((i for i, s in enumerate(sentences) if s is summit.anchor), None)
        if at is None:
            continue
        anchor = sentences[at]
        for sentence in reversed(sentences[max(0, at - 3):at + 1]):
            if sentence.passage is not anchor.passage or sentence.paragraph != anchor.paragraph:
                break
            found = _gathering_place(reading, sentence, anchor)
            if found is not None:
                place, evidence = found, tuple(dict.fromkeys((sentence.evidence(), anchor.evidence())))
                registry.fact(summit.id, Prop.VENUE, place, evidence=evidence,
                              inference=None if sentence is anchor else Inference.BACK_REFERENCE)
                break


def venue_of_the_summit_it_was_held_during(reading: Reading, summits) -> None:
    """A meeting told as held during a summit of more leaders on its day (``四国领导人在会议期间
    举行了…双边会见，甲与乙并举行了两人的首次面对面会谈``), among them its own participants, was
    held at that summit's venue where its own is none or a place that venue lies in (巴黎 of
    [[爱丽舍宫]])."""
    registry = reading.registry
    for summit in summits:
        if summit.anchor is None or not _DURING_IT.search(summit.anchor.hans):
            continue
        own = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        hosts = [other for other in summits if other is not summit and other.start <= summit.start <= other.end
                 and len(other.participants) > len(summit.participants)
                 and set(summit.participants) <= set(other.participants)]
        venues = {v for other in hosts for v in registry.facts_about(other.id, Prop.VENUE) if isinstance(v, EntityId)}
        finest = [v for v in venues if all(v == u or lies_in(reading, v, u) for u in venues)]  # 爱丽舍宫 in 巴黎
        if len(finest) != 1 or len(own) > 1:
            continue
        (venue,) = finest
        if own and (own[0] == venue or not lies_in(reading, venue, own[0])):
            continue
        registry.fact(summit.id, Prop.VENUE, venue, evidence=(summit.anchor.evidence(),), inference=Inference.BACK_REFERENCE)
        registry.keep_only(summit.id, Prop.VENUE, venue)


def _gathering_place(reading: Reading, sentence: Sentence, anchor: Sentence) -> EntityId | None:
    """The place ``sentence`` says a gathering was held at, when ``anchor`` holds the meeting in
    it: said during the gathering, or in the gathering's own sentence after it, on its day."""
    for pattern in _GATHERING_AT:
        for match in pattern.finditer(sentence.hans):
            after = anchor.hans[match.end():] if sentence is anchor else anchor.hans
            if not (_DURING_IT.search(after) or sentence is anchor and _SAME_DAY.search(after)):
                continue
            chain = tuple(s for s in sentence.spots_in(match.start("w"), match.end("w"))
                          if reading.registry.kind_of(s.surface) in (None, Kind.PLACE, Kind.COUNTRY)
                          and not GATHERING_AFTER.match(sentence.hans, s.end))  # 在[[某城]]开幕: a place
            if chain and all(joins_chain(sentence.hans[a.end:b.start]) for a, b in zip(chain, chain[1:])):
                return _chain_facts(reading, chain, sentence)
    return None


#: An infobox of a leader's visit (``{{Infobox diplomatic visit}}``, ``{{Infobox 外交訪問}}``).
_VISIT_BOX = re.compile(r"^(?:infobox\s*)?(?:diplomatic visit|外交访问)$")
#: Its field of the visit's days, and its field of where the visit went.
_VISIT_DAYS = ("date", "dates", "日期")
_VISIT_WHERE = ("location", "place", "地点")
#: A list's end that leaves other stops unnamed (``[[某都]]等地``): the town is one stop of several.
_OTHER_STOPS = re.compile(r"等地|等城市|等处")


def venue_of_the_visit_box(reading: Reading, summits) -> None:
    """A visit's infobox that names one town (``| location = {{MNG}}[[某都]]``, ``| place = [[某都]]``;
    not ``[[甲城]]、[[乙城]]`` or ``[[某都]]等地``, stops of which the talks' one is unknown) places the
    summits of its days that the text places only in a state, or nowhere: they were held in that
    town, which lies in the state the box writes before it, else in the summit's state."""
    registry = reading.registry
    for box in reading.document.templates:
        if box.nested_in is not None or not _VISIT_BOX.match(to_hans(box.key).strip().lower()):
            continue
        days = [d for d in find_dates(_box_field(box, _VISIT_DAYS)) if d.year_given]
        where = next((p for p in box.params if to_hans(p.name.strip().lower()) in _VISIT_WHERE and p.value.strip()), None)
        if not days or where is None or _OTHER_STOPS.search(to_hans(where.raw or where.value)):
            continue
        entries = entries_in(reading, where.span)
        if len(entries) != 1:
            continue  # several stops: which one held the talks is unknown
        chain = cell_chains(reading, entries)[0]
        start, end = days[0].start, max(d.end for d in days[:2])
        held = [s.id for s in summits if start <= s.start and s.end <= end and _placed_at_most_in_its_state(registry, s.id)]
        if not chain or reading.index.is_state(chain[-1][0]) or not held:
            continue
        places = [registry.named(Kind.COUNTRY if reading.index.is_state(name) else Kind.PLACE, name, article=article)
                  for name, article in chain]
        evidence = Evidence(box.span, f"{{{{{box.name}}}}}", None)
        for summit in held:
            _held_in_the_visits_town(registry, summit, places, evidence)


def _placed_at_most_in_its_state(registry: Registry, summit: EntityId) -> bool:
    venues = [v for v in registry.facts_about(summit, Prop.VENUE) if isinstance(v, EntityId)]
    return not venues or len(venues) == 1 and venues[0].kind is Kind.COUNTRY


def _box_field(box, names: tuple[str, ...]) -> str:
    return next((p.value for p in box.params if to_hans(p.name.strip().lower()) in names and p.value.strip()), "")


def _held_in_the_visits_town(registry: Registry, summit: EntityId, places: list[EntityId], evidence: Evidence) -> None:
    """Places ``summit`` in the town that ends a visit box's chain (states, then the town)."""
    town = places[-1]
    box_states = [p for p in places if p.kind is Kind.COUNTRY]
    venues = [v for v in registry.facts_about(summit, Prop.VENUE) if isinstance(v, EntityId)]
    state = venues[0] if venues else (box_states[-1] if box_states else None)
    if box_states and state is not None and box_states[-1].key != state.key:
        return  # the text puts the summit in another state
    for outer, inner in zip(places, places[1:]):
        if inner.kind is Kind.PLACE and inner != outer:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(evidence,))
    if state is not None and not located_within(registry, town, state):
        top = unplaced_top(registry, town)
        if top is None:
            return  # the text puts the town in another state
        registry.fact(top, Prop.LOCATED_IN, state, evidence=(evidence,))
    registry.fact(summit, Prop.VENUE, town, evidence=(evidence,))
    registry.keep_only(summit, Prop.VENUE, town)
