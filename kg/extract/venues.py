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

The passes of a hall, a welcome's place and a lodging are in :mod:`kg.extract.venue_halls`; those of the town a
visitor reached in :mod:`kg.extract.towns_reached`; those of the state visited and a visit's infobox in
:mod:`kg.extract.visited_states`; this module keeps the rest (what is said of the summit itself, a list's
introduction, the day's meetings, the gathering) and what they share.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.containment import REACHES, held_in, lies_in, venue_in_state
from kg.extract.dates import find_dates
from kg.extract.narrative import ASIDE, Told, told_after
from kg.extract.places import (CLAUSE_BREAK, GATHERING_AFTER, VENUE_ENDINGS, held_at_chain, held_at_phrases, joins_chain,
                               spots_join, meeting_chains, of_a_ceremony, phrase_chain)
from kg.extract.reading import Reading
from kg.extract.registry import Registry
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence, Spot
from kg.model import EntityId, Inference, Kind, Prop


def days_of(registry: Registry, summit: EntityId) -> tuple[date, date] | None:
    """(start, end) of a dated summit (end = start for a day's meeting); None when it has no start day."""
    start = next(iter(registry.facts_about(summit, Prop.START_DATE)), None)
    if not isinstance(start, date):
        return None
    return start, next(iter(registry.facts_about(summit, Prop.END_DATE)), start)


def participant_keys(registry: Registry, summit: EntityId) -> set[str]:
    """The keys of the summit's participants the registry knows as entities."""
    return {p.key for p in registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}


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
        place = chain_facts(reading, chain, sentence) if chain else None
        if place is None or place.kind is not Kind.PLACE:
            continue
        if venue_in_state(registry, summit, place, state, sentence):
            return


#: Before the 在 of a held-at phrase: the meeting itself is what was held (峰会最终, 此次会晤则).
_ITSELF = re.compile(r"^(?:本次|这次|此次|该次)?(?:峰会|高峰会|会晤|会谈|首脑会议|会议)(?:最终|最后|终于|则|随后|后来|实际)?$")


def _said_of_itself(sentence: Sentence, match: re.Match) -> bool:
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
    return bool(_ITSELF.match(sentence.hans[clause_start:match.start()].strip()))


def chain_facts(reading: Reading, chain: tuple[Spot, ...], sentence: Sentence) -> EntityId | None:
    """Each place of a chain written big to small lies in the one before; the last is returned."""
    registry = reading.registry
    places = [registry.named(registry.kind_of(s.surface) or Kind.PLACE, s.surface) for s in chain]
    for (a, outer), (b, inner) in zip(zip(chain, places), zip(chain[1:], places[1:])):
        if spots_join(sentence, a, b) and inner.kind is Kind.PLACE and inner != outer:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(sentence.evidence(),))
    return places[-1] if places else None


#: A meeting word of a clause that tells talks held (not a ceremony, not a banquet).
TALKS = re.compile(r"会谈|会晤|会见|会面")
#: ... or the leaders signing together (两国元首在某宫签署联合声明), where they meet too when the
#: sentence holds them nowhere else (not ``在某城举行峰会，并在某宫签署``: the summit's town).
SIGNED = re.compile(r"签署|签订")


#: A plan or a call: what the clause tells was not held there.
NOT_THERE = re.compile(r"原定|原计划|计划|拟|将于|将在|取消|未能|推迟|电话|通话|视频")


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
            place = chain_facts(reading, chain, intro) if chain else None
            if place is not None:
                registry.fact(summit.id, Prop.VENUE, place, evidence=(intro.evidence(), summit.anchor.evidence()),
                              inference=Inference.BACK_REFERENCE)
            break


#: The longest a summit may go on and still be placed by the town its visitor reached (a leg of a tour:
#: ``4月27日，甲抵达某都…28日，两国元首举行会谈…29日，甲离开某都``).
_A_LEGS_DAYS = timedelta(days=3)


def placed_at_most_in_a_state(reading: Reading, summit, where: dict[int, int]) -> list[EntityId] | None:
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


def told_in_order(reading: Reading, span, *, asides: bool):
    """(aside, sentence, told) for each sentence of the lead and the sections (those aside, such
    as 背景, only if ``asides``), with what ``told_after`` says it tells of the days ``span``:
    each paragraph starts again from its section's heading. Read once a page for each span:
    half a dozen rules walk the article with a summit's days; each after the first takes what
    the first read, and reads on where it stopped."""
    accounts = reading.accounts
    if (span, asides) not in accounts:
        accounts[(span, asides)] = ([], _told_in_order(reading, span, asides=asides))
    read, rest = accounts[(span, asides)]
    at = 0
    while True:
        if at == len(read):
            following = next(rest, None)
            if following is None:
                return
            read.append(following)
        yield read[at]
        at += 1


def _told_in_order(reading: Reading, span, *, asides: bool):
    """:func:`told_in_order`, read from the text."""
    parts = [(None, reading.lead)] + list(reading.by_section.items())
    reached = None  # where the account's paragraph before got to
    for section, sentences in parts:
        aside = section is not None and bool(ASIDE.match(to_hans(section.heading).strip()))
        if aside and not asides:
            continue
        heading = told_after(to_hans(section.heading), span, None) if section is not None else None
        told, paragraph = heading, None
        for sentence in sentences:
            if sentence.paragraph != paragraph:
                if paragraph is not None and not aside:
                    reached = told
                told, paragraph = heading, sentence.paragraph
                if not aside and (told is None or not told.times):
                    told = month_gone_on(sentence.hans, reached) or told
            told = told_after(sentence.hans, span, told)
            yield aside, sentence, told
        if paragraph is not None and not aside:
            reached = told


#: A paragraph that opens with a day by its number alone (``17日，甲抵达某都``, ``18日上午，…``).
_OPENS_WITH_ITS_DAY = re.compile(r"^([0-9]{1,2})日")


def month_gone_on(hans: str, reached: Told | None) -> Told | None:
    """Where a paragraph that opens with a day by its number alone starts: the account goes on in the month
    the paragraph before it got to (``7月16日，甲抵达某城…`` ``=== 乙国 ===`` ``17日，甲抵达某都``: 7月17日), when
    that one told one month and the day comes after the one it told last; None otherwise."""
    opens = _OPENS_WITH_ITS_DAY.match(hans)
    if opens is None or reached is None or not reached.times:
        return None
    start, end = reached.times[-1]
    if start.replace(day=1) != end.replace(day=1) or int(opens[1]) < end.day:
        return None
    return Told(((start, end),), False, reached.year)


def talks_on_its_days(reading: Reading, summit, *, sides: bool = False):
    """(sentence, place) of each sentence of the lead or of a section of the article's own
    account that tells talks of the summit's participants on its days, at a place; with ``sides``,
    also talks of the two sides named as such (``两国领导人在某宫举行会谈``) and their signing together
    (``两国元首在某宫签署联合声明``)."""
    span = (summit.start, summit.end)
    for _, sentence, told in told_in_order(reading, span, asides=False):
        days = [(a, b) for a, b in (told.times if told else ()) if (b - a).days < 28]  # not a year's or a month's
        if not days or not all(span[0] <= a and b <= span[1] for a, b in days):
            continue
        place = _talks_place(reading, sentence, set(summit.participants), sides)
        if place is not None:
            yield sentence, place


def undated_talks(reading: Reading, summit):
    """(sentence, place) of each sentence of the lead or of a section of the article's own account that
    tells talks of the summit's participants at a place and gives no day, nor follows one in its paragraph
    (``在[[某都]]，甲拜会国王。甲与乙在[[某府]]举行会谈``): of a one-day visit, the talks of its day."""
    for _, sentence, told in told_in_order(reading, (summit.start, summit.end), asides=False):
        if told is not None and told.times:
            continue
        place = _talks_place(reading, sentence, set(summit.participants))
        if place is not None:
            yield sentence, place


#: The two sides of a meeting named as such, right before where they meet (两国领导人在…, 两人随后在…).
PAIR_BEFORE = re.compile(r"(?:两国(?:领导人|元首|首脑|总统|总理|首相)|两位领导人|双方|两人|二人)(?:随后|随即|又|还|则|当天|当日)?$")


def _talks_place(reading: Reading, sentence: Sentence, participants: set[str], sides: bool = False) -> EntityId | None:
    """The place of a held-at phrase of ``sentence`` whose clause tells talks of the participants
    (with ``sides``, or of the two sides named as such right before it, or their signing)."""
    named = any(s.key in participants for s in sentence.spots)
    if not named and not sides:
        return None
    phrases = held_at_phrases(sentence)
    for match in phrases:
        if of_a_ceremony(sentence, match):
            continue
        clause = clause_of(sentence.hans, match.start(), match.end())
        signed = sides and len(phrases) == 1 and SIGNED.search(clause) is not None
        if not (TALKS.search(clause) or signed) or NOT_THERE.search(clause) \
                or not named and not PAIR_BEFORE.search(sentence.hans, 0, match.start()):
            continue
        chain = phrase_chain(reading, sentence, match)
        if chain:
            return chain_facts(reading, chain, sentence)
    return None


def clause_of(hans: str, start: int, end: int) -> str:
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
        venues = placed_at_most_in_a_state(reading, summit, where)
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


#: The longest a gathering runs whose sideline meetings its hall is given to: meetings years apart that the lead places
#: in one building (2000年和2007年的会晤都在某国宾馆举行) are a series held there, not a gathering's sidelines.
_A_GATHERINGS_DAYS = timedelta(days=7)


def gathering_hall_gives_way_to_its_town(reading: Reading, summits) -> None:
    """A building the lead says a gathering was held at (``峰会于6月28日至29日在[[某城]]的[[某会议中心]]举行``) is
    the gathering's hall, not the venue of the meetings held on its sidelines: when two or more meetings of different
    leaders are placed there by the lead alone, and none of the article's summits is itself placed there by its own
    text nor holds all their leaders (the gathering is none of them: not ``三国领导人于8月18日在[[某营]]举行的三边峰会``
    with its two bilaterals there too), they were held in the one town the building lies in; not meetings more than a
    week apart, a series the lead places in one building. Not a town the lead gives
    (``于9月3日至5日在[[某省]][[某城]]举行``): the meetings were held there."""
    registry = reading.registry
    by_lead: dict[EntityId, list] = {}
    stated: set[EntityId] = set()
    for summit in summits:
        for fact in registry.facts_recorded(summit.id, Prop.VENUE):
            if not isinstance(fact.value, EntityId):
                continue
            if fact.inference is Inference.LEAD_PARAGRAPH and fact.value in registry.facts_about(summit.id, Prop.VENUE):
                by_lead.setdefault(fact.value, []).append((summit, fact))
            else:
                stated.add(fact.value)
    for hall, placed in by_lead.items():
        towns = held_in(registry, hall)
        leaders = {p for summit, _ in placed for p in summit.participants}
        if hall in stated or not to_hans(hall.key).endswith(VENUE_ENDINGS) \
                or len(towns) != 1 or towns[0].kind is not Kind.PLACE \
                or len({frozenset(summit.participants) for summit, _ in placed}) < 2 \
                or max(s.end for s, _ in placed) - min(s.start for s, _ in placed) > _A_GATHERINGS_DAYS \
                or any(leaders <= set(summit.participants) for summit in summits):
            continue  # the gathering is a summit of the article's own, which holds all the meetings placed there
        for summit, fact in placed:
            registry.drop_one(summit.id, Prop.VENUE, hall)
            if not registry.has_fact(summit.id, Prop.VENUE):
                registry.fact(summit.id, Prop.VENUE, towns[0], evidence=fact.evidence, inference=Inference.LEAD_PARAGRAPH)


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
                return chain_facts(reading, chain, sentence)
    return None


