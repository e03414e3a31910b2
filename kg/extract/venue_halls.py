"""Where in its town a summit was held, when its own phrase names only the town or nothing.

The hall the talks are told in, that day or after (``随后两人在[[某宫]]举行会谈``); the place of the welcome
ceremony the talks follow (``乙在[[某府]]为甲举行欢迎仪式，随后两人举行会谈``); the building the account
tells its talks in on one of its days (``6月1日，甲…随后在总理府同乙举行会谈``); where nothing places the talks in
their town, the place of the banquet the host gives the visitor on its days (``当晚，乙在[[某宫]]为甲举行盛大国宴``);
a leader's lodging with no name of its own (``在下榻的饭店会见乙``), which gives way to the town the text puts
the meeting in; the building a participant goes to right before the meeting (``随即前往[[某宫]]，先与乙举行会晤``);
and, for a summit placed only in the state visited, the place of the welcome its talks follow
(``乙在[[某都]]某府主持了正式欢迎仪式，两人随后举行会谈``).
"""

from __future__ import annotations

import re

from kg.extract.containment import at_an_airport, held_in, lies_in, states_of, town_in_its_name, venue_in_state
from kg.extract.dates import find_dates
from kg.extract.names import GENERIC_BUILDINGS, generic_building
from kg.extract.places import (ARRIVED_AT, BARE_KINDS, CLAUSE_BREAK, NOT_OWN, ROOMS, VENUE_ENDINGS, held_at_phrases,
                               phrase_bounds, phrase_chain, well_known_container)
from kg.extract.reading import Reading
from kg.extract.phrases import COMES_ALONG, WELCOME_AT
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence, Spot
from kg.extract.venues import (NOT_THERE, PAIR_BEFORE, SIGNED, TALKS, chain_facts, clause_of, days_of, participant_keys,
                               talks_on_its_days, told_in_order, undated_talks)
from kg.model import EntityId, Kind, Prop


#: Where a leader stays (下榻的饭店, 下榻饭店, 下榻处), before the kind of place it is.
_LODGING = re.compile(r"^下榻(?:的|之)?")


def unnamed_lodging(name: str) -> bool:
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
        if not isinstance(lodging, EntityId) or not unnamed_lodging(to_hans(lodging.key)) \
                or not any(_AT_THE_LODGING.search(to_hans(e.text)) for e in fact.evidence):
            continue
        towns = held_in(registry, lodging)
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


def venue_of_the_talks_in_its_town(reading: Reading, summits) -> None:
    """A summit placed in a town only (a visit's ``于5月31日至6月2日对某国进行国事访问``, its box's
    ``| location = [[某都]]``) was held in the building where the sentences of the article's own
    account, told on its days, have two of its participants talk (``6月1日，甲会见乙国总统，随后在总理府
    同乙国总理丙举行会谈``, ``当天下午，甲在[[某宫]]同丙会谈``) or sign together (``两国元首在[[某宫]]签署
    联合声明``): that building, inside the town, when the text and the gazetteer put it in no other
    place. Not where they tell talks in two buildings
    (``在总理府同丙举行会谈……在总统府同乙会见``: the town holds both); not talks another summit of those
    days holds all the talkers of, nor talks with someone who is none of its participants (``会前，丁在
    某城堡与甲、乙会面``). A summit placed in one building of the two is so given back to the town. A one-day
    summit whose account tells no talks on its day reads the talks told with no day at all (``在[[某都]]，甲拜会
    国王。甲与乙在[[某府]]举行会谈``), when no other summit of the article has two of its participants. Not an airport's
    room the visitor was met in on landing (``两人随后在机场贵宾室进行了简短会晤``)."""
    registry = reading.registry
    for summit in summits:
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) != 1 or venues[0].kind is not Kind.PLACE:
            continue
        town, others = venues[0], [o for o in summits if o is not summit and o.start <= summit.end and summit.start <= o.end]
        told = {place.key: (sentence, place) for sentence, place in talks_on_its_days(reading, summit, sides=True)
                if _talks_of(reading, sentence, summit, others)}
        if not told and _the_one_day_of_its_pair(summit, summits):
            told = {place.key: (sentence, place) for sentence, place in undated_talks(reading, summit)
                    if _talks_of(reading, sentence, summit, others)}
        if to_hans(town.key).endswith(VENUE_ENDINGS):
            _town_of_two_buildings(reading, summit.id, town, list(told.values()))
            continue
        told = _in_the_town(reading, town, {key: found for key, found in told.items() if not at_an_airport(found[1])})
        if len(told) == 1:
            ((sentence, place),) = told.values()
            if place.key != town.key and place.kind is Kind.PLACE \
                    and to_hans(place.key).endswith(VENUE_ENDINGS) and not unnamed_lodging(to_hans(place.key)):
                _held_in_the_town(reading, summit.id, town, place, sentence)


def _the_one_day_of_its_pair(summit, summits) -> bool:
    """Whether the summit is held on one day and no other summit of the article has two of its
    participants: talks of theirs the text tells without a day can only be that day's."""
    participants = set(summit.participants)
    return summit.start == summit.end and not any(
        len(participants & set(other.participants)) >= 2 for other in summits if other is not summit)


def _in_the_town(reading: Reading, town: EntityId, told: dict) -> dict:
    """The talks of ``told`` (place key → (sentence, place)) placed finer than the town: a sentence
    that tells them in the town itself, or in a place holding it, says no other place of them
    (the lead's ``于10月7日在某都与乙举行会谈`` and the day's ``当天中午，甲与乙在[[某宫]]举行会谈``:
    the palace)."""
    return {key: (sentence, place) for key, (sentence, place) in told.items()
            if key != town.key and not lies_in(reading, town, place)}


def venue_of_the_banquet(reading: Reading) -> None:
    """A summit still placed in a town only, its talks told at no building, was held where the
    host gave the visitor a banquet on its days (``当晚，乙在[[某宫]]为甲举行盛大国宴``, ``在[[某馆]]为甲
    举行非正式晚宴``, ``当晚在[[某堂]]举行盛大宴会欢迎甲``): that place, inside the town, when it lies in
    the town or its sentence (or the one before it in its paragraph) names the town."""
    registry = reading.registry
    for fact in list(registry.facts_of(Prop.VENUE)):
        town = fact.value
        if not isinstance(town, EntityId) or town.kind is not Kind.PLACE or to_hans(town.key).endswith(VENUE_ENDINGS) \
                or len([v for v in registry.facts_about(fact.subject, Prop.VENUE) if isinstance(v, EntityId)]) != 1:
            continue
        banquet = _banquet_on_its_days(reading, fact.subject)
        if banquet is not None:
            _held_where_welcomed(reading, fact.subject, town, *banquet)


#: After a held-at phrase, in its clause: a banquet given there (为乙举行盛大国宴, 举行欢迎宴会, 举行宴会欢迎乙).
_BANQUET = re.compile(r"[^，,；;。在]{0,24}?举行[^，,；;。在]{0,8}?(?:国宴|晚宴|宴会|欢迎宴)")


def _banquet_on_its_days(reading: Reading, summit: EntityId) -> tuple[Sentence, tuple[Spot, ...]] | None:
    """(sentence, chain) of the one place of a banquet given on the summit's days to a participant named in
    its clause (``为甲举行国宴``, ``举行宴会欢迎甲``; not a gathering's ``举行宴会，欢迎出席峰会的各国贵宾``); None
    when there is none, or several places."""
    days = days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    participants = participant_keys(reading.registry, summit)
    found: list[tuple[Sentence, tuple[Spot, ...]]] = []
    for _, sentence, told in told_in_order(reading, (start, end), asides=True):
        days = told.times if told else ()
        if not days or not all(start <= a and b <= end for a, b in days) \
                or not any(s.key in participants for s in sentence.spots) or "宴" not in sentence.hans:
            continue
        for match in held_at_phrases(sentence):
            after = phrase_bounds(sentence, match)[1]
            stop = next((m.start() for m in CLAUSE_BREAK.finditer(sentence.hans, after)), len(sentence.hans))
            if _BANQUET.match(sentence.hans, after) \
                    and any(s.key in participants for s in sentence.spots_in(after, stop)):  # not 举行宴会，欢迎与会各国贵宾
                chain = phrase_chain(reading, sentence, match)
                if chain:
                    found.append((sentence, chain))
    return found[0] if len({chain[-1].key for _, chain in found}) == 1 else None


def _town_of_two_buildings(reading: Reading, summit: EntityId, venue: EntityId, told: list) -> None:
    """A summit placed in a building whose days tell its talks in that building and in another of
    its town, or placed nowhere (``12日，甲在某都总统府会见乙……13日，甲在某饭店同丙举行会谈``), was held
    in the town; not when one is a room (``前往福建厅与乙会谈``), which may lie in the other."""
    registry = reading.registry
    places = [place for _, place in told]
    towns = held_in(registry, venue)
    if _the_talks_not_the_call(told, venue):
        return
    if len(towns) != 1 or len(places) < 2 or venue not in places \
            or not all(p.kind is Kind.PLACE and to_hans(p.key).endswith(VENUE_ENDINGS)
                       and not to_hans(p.key).endswith(ROOMS) for p in places) \
            or any(lies_in(reading, a, b) for a in places for b in places if a != b) \
            or not all(lies_in(reading, p, towns[0]) or _placed_nowhere(reading, p) for p in places):
        return
    registry.fact(summit, Prop.VENUE, towns[0], evidence=tuple(sentence.evidence() for sentence, _ in told))
    registry.keep_only(summit, Prop.VENUE, towns[0])


#: Talks between counterparts (会谈, 会晤), not a call one pays on the other (会见).
_FORMAL_TALKS = re.compile(r"会谈|会晤")


def _the_talks_not_the_call(told: list, venue: EntityId) -> bool:
    """Whether the summit is placed in the one building of two its days tell its formal talks in (``李四在[[某堂]]
    同张三举行会谈``), the other holding only a call paid on the visitor (``王五在[[某宾馆]]会见张三``): a visit's
    talks with its host are its meeting, the call another leader pays is not where it was held."""
    formal = {place.key: bool(_FORMAL_TALKS.search(clause_of(sentence.hans, m.start(), m.end())))
              for sentence, place in told for m in held_at_phrases(sentence)[:1]}
    return len(formal) == 2 and formal.get(venue.key) is True and list(formal.values()).count(True) == 1


def _talks_of(reading: Reading, sentence: Sentence, summit, others) -> bool:
    """Whether the talks a sentence tells are the summit's: two of its participants named (or the two
    sides as such: 两国元首在…), no other person named in the talks' clause but one who comes along (偕),
    and no other summit of its days holding all the participants named (for the two sides as such, no other
    summit of the days the sentence gives)."""
    participants = set(summit.participants)
    named = {s.key for s in sentence.spots if s.key in participants}
    phrases = held_at_phrases(sentence)
    clauses = [(m, clause_of(sentence.hans, m.start(), m.end())) for m in phrases]
    talks = next((m for m, clause in clauses if TALKS.search(clause) or len(phrases) == 1 and SIGNED.search(clause)), None)
    if talks is None or len(named) < 2 and not (not named and PAIR_BEFORE.search(sentence.hans, 0, talks.start())):
        return False
    if not named:  # 两国元首在…: any other summit of the sentence's own days may be the two meant
        days = find_dates(sentence.hans, year=summit.start.year)
        others = [o for o in others if _holds_its_days(days, o)]
    return not _strangers(reading, sentence, talks, participants) and not any(named <= set(o.participants) for o in others)


def _holds_its_days(days, other) -> bool:
    """Whether another summit's days hold every day a sentence gives (all of them, where it gives none): a
    tour's next stop begun on the visit's last day (5月6日至8日) does not hold ``5月4日，两国领导人在某宫举行会谈``."""
    return all(other.start <= d.start and d.end <= other.end for d in days)


def _strangers(reading: Reading, sentence: Sentence, talks: re.Match, participants: set[str]) -> bool:
    """Whether the clause of the talks a held-at phrase tells names a person who is none of the participants
    but one who comes along (偕)."""
    low = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.hans, 0, talks.start())), default=0)
    high = next((m.start() for m in CLAUSE_BREAK.finditer(sentence.hans, talks.end())), len(sentence.hans))
    return any(s.key not in participants and reading.registry.is_a(s.surface, Kind.PERSON)
               and not COMES_ALONG.search(sentence.hans, low, s.start) for s in sentence.spots_in(low, high))


def talks_with_others(reading: Reading, sentence: Sentence, summit, *, first: bool = False) -> bool:
    """Whether the talks a sentence tells are with someone who is none of the summit's participants
    (``甲会见乙，随后在总理府同丙举行会谈``: not the talks of a summit of 甲 and 丁 on those days); with
    ``first``, the talks of its first held-at phrase that tells talks, the one that places them
    (``甲在某城会见乙，随后前往某总部，与丙会谈``: 甲 and 乙 met in 某城)."""
    participants = set(summit.participants)
    talks = [m for m in held_at_phrases(sentence) if TALKS.search(clause_of(sentence.hans, m.start(), m.end()))]
    return any(_strangers(reading, sentence, m, participants) for m in (talks[:1] if first else talks))


def _placed_nowhere(reading: Reading, place: EntityId) -> bool:
    """Whether neither the text nor the gazetteer puts the place anywhere."""
    return not any(isinstance(v, EntityId) for v in reading.registry.facts_about(place, Prop.LOCATED_IN)) \
        and well_known_container(reading, place.key) is None


def _in_the_town_of_its_name(reading: Reading, place: EntityId, named: EntityId, town: EntityId,
                             sentence: Sentence) -> None:
    """The place lies in the town it is named after; that town, placed nowhere, in the state that holds the town
    the visitor went on from (a drive from the capital to the palace of another town of its state)."""
    registry = reading.registry
    registry.fact(place, Prop.LOCATED_IN, named, evidence=(sentence.evidence(),))
    if _placed_nowhere(reading, named):
        state = next(iter(states_of(registry, town)), None)
        if state is not None:
            registry.fact(named, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))


def _welcome_before_the_talks(reading: Reading, summit: EntityId) -> tuple[Sentence, tuple[Spot, ...]] | None:
    """(sentence, chain) of the first sentence told on the summit's days (in an aside too: a
    return visit told in 后续) that names a participant and the place of a welcome ceremony the
    talks follow with no place of their own (``当天下午，甲在[[某府]]为乙举行欢迎仪式，随后两人举行会谈``)."""
    days = days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    participants = participant_keys(reading.registry, summit)
    before: tuple[Sentence, list] | None = None  # a sentence ending with a ceremony: the talks may open the next
    for _, sentence, told in told_in_order(reading, (start, end), asides=True):
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
        welcomes = [m for m in held_at_phrases(sentence) + list(WELCOME_AT.finditer(sentence.hans))
                    if not NOT_THERE.search(clause_of(sentence.hans, m.start(), m.end()))]
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
    place = chain_facts(reading, chain, sentence)
    if place is None or place.key == town.key or place.kind is not Kind.PLACE:
        return
    if lies_in(reading, place, town) or _names_the_town(reading, sentence, town) \
            or _placed_nowhere(reading, place) and _the_town_reached(reading, summit, sentence, town):
        _held_in_the_town(reading, summit, town, place, sentence)  # else the town is another sentence's


def _the_town_reached(reading: Reading, summit: EntityId, sentence: Sentence, town: EntityId) -> bool:
    """Whether the town is the one the visit's own account says a participant reached on its days before
    the welcome (``=== 6月17日 ===`` ``甲于6月17日抵达某都…`` ``=== 6月19日 ===`` ``乙在[[某府]]为甲举行欢迎仪式，随后
    两人举行会谈``): the welcome's seat lies there; not in a visit whose box lists several towns
    (``| location = [[某港]]、[[某都]]``), which may have gone on to another the account reaches unsaid."""
    # both modules import this one, directly or through others: import late
    from kg.extract.infobox import listed_places, summit_infoboxes
    from kg.extract.towns_reached import one_town_reached_on_its_days

    boxes = summit_infoboxes(reading)
    if boxes and len(listed_places(reading, boxes[0])) > 1:
        return False
    reached = one_town_reached_on_its_days(reading, summit, sentence)
    return reached is not None and reading.index.key(reached[0].surface) == town.key


def _held_in_the_town(reading: Reading, summit: EntityId, town: EntityId, place: EntityId, sentence: Sentence) -> None:
    """The summit was held at the place, inside the town, unless the text or the gazetteer puts
    the place elsewhere. A place named after another town of the article (``抵达甲都…驱车前往乙镇宫``:
    the palace of 乙镇) lies in that town, in the state of the one reached, not in the one reached."""
    registry = reading.registry
    if not lies_in(reading, place, town) and not _beside_the_seat(reading, place, town):
        if not _placed_nowhere(reading, place):
            return
        named = town_in_its_name(reading, place)
        if named is not None and named.key != town.key and not lies_in(reading, named, town):
            _in_the_town_of_its_name(reading, place, named, town, sentence)
        else:
            registry.fact(place, Prop.LOCATED_IN, town, evidence=(sentence.evidence(),))
    registry.fact(summit, Prop.VENUE, place, evidence=(sentence.evidence(),))
    registry.keep_only(summit, Prop.VENUE, place)


def _beside_the_seat(reading: Reading, place: EntityId, seat: EntityId) -> bool:
    """Whether the summit is placed at a generic seat keyed by its state or town (a welcome's
    ``[[总统府 (甲国)|总统府]]``, see :data:`kg.extract.names.GENERIC_BUILDINGS`) and the place its talks
    are told at lies in the town that holds the seat (``随后两人在[[翠湖宫]]会谈``, the palace in
    某都 by the text or the gazetteer): another building of that town, not a hall inside the seat."""
    if not generic_building(seat.key):
        return False
    towns = held_in(reading.registry, seat)
    return len(towns) == 1 and lies_in(reading, place, towns[0])


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
#: (``，随后两人举行会谈``, ``，两国元首随后举行会谈``, ``。欢迎仪式后，两国元首举行会谈``, ``，两人随即举行会谈``),
#: or that the clause goes straight on to, with the other side (``，并与乙举行会谈``, ``，同乙举行会谈``,
#: ``并与其会谈`` right after the ceremony) or the pair as such (``，两国元首举行单独会谈``).
_TALKS_FOLLOW = re.compile(r"(?:[^，,；;。在]{0,8}?(?:随后|随即|旋即|之后|其后|接着|仪式(?:结束)?后)[，,]?"
                           r"|并|同(?![日时年月天])|与(?!会)|(?:两人|双方|两国(?:元首|领导人|总理|首脑))先?)"
                           r"[^，,；;。在]{0,20}?(?:会谈|会晤)")


def _talks_follow_the_welcome(sentence: Sentence, match: re.Match, following: Sentence | None = None) -> bool:
    """Whether the held-at phrase is a welcome ceremony's (``甲在[[某府]]为乙举行欢迎仪式``) that the
    talks follow without a place of their own, in its sentence or at the start of ``following``
    (``，随后两人举行会谈``), after what the ceremony holds (``，鸣礼炮21响。欢迎仪式后，…``): they
    were held where it was (not ``随后在某厅会谈``, a place of their own)."""
    hans = sentence.hans
    end = phrase_bounds(sentence, match)[1]
    stop = next((m for m in CLAUSE_BREAK.finditer(hans, end)), None)
    welcome = _WELCOMED.search(hans, end, stop.end() + 2 if stop else len(hans))
    if welcome is None:
        return False
    if hans.startswith("并", welcome.end()) and _TALKS_FOLLOW.match(hans, welcome.end()):
        return True  # 为乙举行欢迎仪式并与其会谈
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
#: 举行仪式，欢迎乙访华, 以正式仪式欢迎乙).
_WELCOMED = re.compile(r"欢迎仪式|欢迎式|仪式[，,]?欢迎")


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
    days = days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    for _, sentence, told in told_in_order(reading, (start, end), asides=False):
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


def venue_of_the_building_gone_to(reading: Reading, summits) -> None:
    """A summit still placed in a town only was held in the building a participant goes to on its days when the
    sentence goes straight on to the meeting there, with no place of its own (``随即前往[[某宫]]，先与乙举行会晤``,
    ``随即驱车前往乙官邸，两人举行双边会谈``, ``前往总理府某大厦拜会乙``, ``抵达[[某都]][[某宫]]，乙在宫外迎接``,
    ``随后前往[[某宫]]出席正式欢迎仪式``), or when the clause of the going goes straight on to the meeting with no comma
    (``前往某宫与其举行会谈``, ``前往某宫礼节性拜会乙``, ``前往某府觐见国王乙``): that building, inside the town. Not a
    building whose clause tells something else done there (``前往[[某陵]]献花``), not a stop the leader only lands at
    (``抵达某机场``), not a going planned (``原定前往某宫与乙会谈``), nor when the meeting names a place of its own
    (``前往[[某宫]]，乙在[[某厅]]接待甲``)."""
    registry = reading.registry
    for summit in summits:
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) != 1 or venues[0].kind is not Kind.PLACE or to_hans(venues[0].key).endswith(VENUE_ENDINGS):
            continue
        gone = _building_gone_to_on_its_days(reading, summit.id)
        if gone is not None:
            sentence, chain = gone
            place = chain_facts(reading, chain, sentence)
            if place is not None and place.kind is Kind.PLACE and place.key != venues[0].key:
                _held_in_the_town(reading, summit.id, venues[0], place, sentence)


#: A leader going to a place (前往, 抵达, 移驾 …), up to the end of its clause, the call paid there right after
#: (前往某府某大厦拜会乙, 前往某宫出席欢迎仪式) or the talks with the other side the clause goes straight on to, with
#: no comma between (前往[[某府]]与乙举行会谈, 来到某街10号同乙会晤: Chinese joins the going and the talks held
#: there in one clause as readily as in two).
_GONE_TO_A_BUILDING = re.compile(r"(?:抵达|到达|来到|前往|赶赴|移驾)(?P<w>[^，。；,、在]{1,24}?)"
                                 r"(?=[，,；;。]|(?:礼节性)?(?:拜会|拜见|觐见|晋见|会见|会晤|会谈)|出席|$"
                                 r"|[与同][^，,；;。与同]{1,16}?(?:会谈|会晤|会面|会见))")
#: The meeting the going leads to, in its clause or one of the two after it: talks, a call or an audience, a host
#: greeting the visitor or a welcome ceremony (先与乙举行会晤, 两人举行双边会谈, 觐见国王乙, 乙在宫外迎接, 乙为其举行正式欢迎仪式).
_MET_THERE = re.compile(r"拜会|拜见|觐见|晋见|会见|会晤|会谈|会面|迎接|迎候|欢迎仪式")
#: How many clauses after the going the meeting may be told in.
_CLAUSES_TO_THE_MEETING = 3


def _building_gone_to_on_its_days(reading: Reading, summit: EntityId) -> tuple[Sentence, tuple[Spot, ...]] | None:
    """(sentence, chain) of the first sentence told on the summit's days (in an aside too) that names a
    participant going to a building and the meeting the going leads to."""
    days = days_of(reading.registry, summit)
    if days is None:
        return None
    start, end = days
    participants = participant_keys(reading.registry, summit)
    for _, sentence, told in told_in_order(reading, (start, end), asides=True):
        days = told.times if told else ()
        if not days or not all(start <= a and b <= end for a, b in days) \
                or not _sides_of_the_summit(reading, sentence, participants):
            continue
        for match in _GONE_TO_A_BUILDING.finditer(sentence.hans):
            if _MET_THERE.search(sentence.hans, 0, match.start()):
                break  # 在某城会见了乙，随后前往[[某总部]]，与丙会谈: the going is the next meeting's
            clause = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
            if NOT_THERE.search(sentence.hans, clause, match.start()):
                continue  # 原定前往某宫与乙会谈: a going planned, not made
            chain = _building_of(reading, sentence, match)
            if chain and _leads_to_the_meeting(reading, sentence, match.end("w")):
                return sentence, chain
    return None


def _sides_of_the_summit(reading: Reading, sentence: Sentence, participants: set[str]) -> bool:
    """Whether the people the sentence names are all participants of the summit, and both its sides are told:
    two of them named, or one and the other as a pronoun or the pair (``他随即前往某官邸，同乙举行会谈``,
    ``两人举行双边会谈``), or one called on by the other (``甲随即前往总统府…并拜会乙总统``); not a leader alone at a welcome (``前往[[某大厦]]，出席联邦委员会的迎接仪式``)."""
    people = {s.key for s in sentence.spots if reading.registry.is_a(s.surface, Kind.PERSON)}
    named = people & participants
    if not named or people - participants:
        return False
    return len(named) >= 2 or _OTHER_SIDE.search(sentence.hans) is not None or any(
        s.key in participants and 0 <= s.start - call.end() <= 12
        for call in _CALLS_ON.finditer(sentence.hans) for s in sentence.spots)


#: The other side of the meeting, or both, told without a name (他, 其, 两人, 双方, 两国元首).
_OTHER_SIDE = re.compile(r"[他她其]|两人|二人|双方|两国(?:领导人|元首|首脑|总统|总理|首相)")
#: A call paid on someone, the one who pays it told before (教宗…拜会王五总统): both sides.
_CALLS_ON = re.compile(r"(?:拜会|拜见|会见|会晤)了?")


def _building_of(reading: Reading, sentence: Sentence, match: re.Match) -> tuple[Spot, ...]:
    """The chain of the place gone to when it ends the going phrase and is a building (a name ending as venues
    do), not an airport or a station one lands at, nor a lodging."""
    chain = phrase_chain(reading, sentence, match)
    if not chain and sentence.hans[match.start("w"):match.end("w")] in GENERIC_BUILDINGS:
        chain = (_plain_spot(reading, sentence, match.start("w"), match.end("w")),)  # 随即前往王宫
    if not chain:
        return ()
    kind_first = _KIND_BEFORE_ITS_NAME.match(chain[-1].hans) if chain[-1].link is None else None
    if kind_first is not None and kind_first.group("n").endswith(VENUE_ENDINGS):  # 总理府某大厦: the tower
        chain = chain[:-1] + (_plain_spot(reading, sentence, chain[-1].start + kind_first.start("n"), chain[-1].end),)
    last = chain[-1].hans
    if chain[-1].end != match.end("w") or not last.endswith(VENUE_ENDINGS) or last.endswith(_NOT_WHERE_THEY_MEET) \
            or unnamed_lodging(last) or reading.registry.is_a(chain[-1].surface, Kind.PERSON, Kind.ORGANIZATION):
        return ()
    return chain


#: Where a leader lands (某机场, 某空军基地) or is welcomed outside (某广场): not the building of the talks.
_NOT_WHERE_THEY_MEET = ARRIVED_AT + ("空军基地", "广场")


#: A plain name that gives the kind of building first and its own name after it (总理府泰库法大厦).
_KIND_BEFORE_ITS_NAME = re.compile(r"(?:%s|首相官邸|首相府)(?P<n>[\u4e00-\u9fff·‧・]{2,16})$"
                                   % "|".join(sorted(GENERIC_BUILDINGS, key=len, reverse=True)))


def _plain_spot(reading: Reading, sentence: Sentence, start: int, end: int) -> Spot:
    surface = sentence.text[start:end]
    return Spot(start, end, reading.index.key(surface), surface, sentence.hans[start:end], None)


def _leads_to_the_meeting(reading: Reading, sentence: Sentence, at: int) -> bool:
    """Whether the meeting is told right after ``at``, in the going's clause or one of the two after it,
    with no place of its own, no other going and no plan (``未能``)."""
    hans = sentence.hans
    upto = at
    for _ in range(_CLAUSES_TO_THE_MEETING):
        stop = CLAUSE_BREAK.search(hans, upto)
        met = _MET_THERE.search(hans, upto, stop.start() if stop is not None else len(hans))
        if met is not None:
            between = hans[at:met.end()]
            if NOT_THERE.search(between) or _GOES_ON.search(between):
                return False
            return not any(at <= m.start() < met.end() and phrase_chain(reading, sentence, m)
                           for m in held_at_phrases(sentence))
        if stop is None or stop.group() == "。":
            return False
        upto = stop.end()
    return False


#: Between the going and the meeting: another going, to another place.
_GOES_ON = re.compile(r"抵达|到达|前往|赶赴|飞往|飞赴|转往|转赴|返回|离开")


def venue_of_the_welcome_in_the_state(reading: Reading, summits) -> None:
    """A summit placed only in the state visited was held where the welcome ceremony told on its days, which the talks
    follow with no place of their own, was (``乙在[[某都]]某府主持了正式欢迎仪式，两人随后举行会谈``, ``乙在[[某堂]]东门外
    广场为甲举行欢迎仪式，随后两国元首举行会谈``): that place, inside the state, when the text puts it in no other and
    the sentence names no one who is none of its participants."""
    registry = reading.registry
    for summit in summits:
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) != 1 or venues[0].kind is not Kind.COUNTRY:
            continue
        welcome = _welcome_before_the_talks(reading, summit.id)
        if welcome is None:
            continue
        sentence, chain = welcome
        place = chain_facts(reading, chain, sentence)
        strangers = {s.key for s in sentence.spots if registry.is_a(s.surface, Kind.PERSON)} - set(summit.participants)
        if place is not None and place.kind is Kind.PLACE and to_hans(place.key).endswith(VENUE_ENDINGS) \
                and not strangers:  # not 乙在某府主持欢迎仪式，甲随后与丙举行会谈
            venue_in_state(registry, summit, place, venues[0], sentence)
