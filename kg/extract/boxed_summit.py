"""The summit an infobox states and the prose's meetings around it.

The prose tells the boxed summit's days too: a meeting on them of the box's own leaders is the box's
summit (its documents, ordinal and a finer venue go to it); one with a side the box has not, or a
bilateral on a gathering's sidelines (``两国元首举行会谈``), or two leaders meeting the day before a
gathering, is a summit of its own (:func:`a_meeting_apart`, :func:`two_before_or_after_a_gathering`);
a visit told day by day takes in the top leaders its side meets on its days
(:func:`meetings_of_the_visit`); the prose may place the boxed summit more finely than the box
(:func:`finer_in_prose`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from kg.extract.containment import finer_venue
from kg.extract.dates import find_dates, find_year_months
from kg.extract.joining import SummitFound, told_as_two
from kg.extract.meeting_clauses import DAY_ONLY, not_held
from kg.extract.one_by_one import then_all_together
from kg.extract.participants import Participant, QUALIFIES, bare_office_holders, met_one_by_one, record_participants
from kg.extract.people import People, titles_in
from kg.extract.ordinals import the_defined_summit
from kg.extract.phrases import CLAUSE, MEETING, NOT_TOP
from kg.extract.places import meeting_chains
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.summit_venue import record_chain, same_days
from kg.extract.text import Sentence, clause_end
from kg.model import EntityId, Kind, Prop
from kg.wikitext import Section


#: Headings of a section telling what came before the summit (背景, 筹备).
BACKGROUND = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备)")


def a_meeting_apart(people: People, summit: SummitFound, around: SummitFound, flagged: frozenset[str] = frozenset()) -> bool:
    """Whether a meeting on the boxed summit's days is not the box's: it has a side the box
    does not (甲 receiving a third state's leader during 乙's visit, 甲 meeting the leaders
    of the region together), or the box is a gathering of three sides or more and this a
    meeting of two told as such (a bilateral on its sidelines: 两国元首举行会谈, 分别同…会谈, a 双边 heading).
    ``flagged``: the sides the box's flags give its participants (:func:`sides_the_box_flags`), for a host
    the text writes with no state's office (``王五总统``)."""
    sides = ({people.sides.get(p) for p in around.participants} | flagged) - {None}
    theirs = {people.sides.get(p) for p in summit.participants} - {None}
    if len(sides) >= 2 and theirs - sides:
        return True
    if _the_next_or_last_stop(summit, around):
        return True
    if summit.one_of_several and summit.anchor is not None and then_all_together(summit.anchor.hans):
        return False  # 甲先后与乙、丙会谈，再举行三方会谈: the talks of two were the first part of the box's
    bilateral = summit.one_of_several or told_as_two(summit)
    return len(sides) >= 3 and len(summit.participants) == 2 and bool(bilateral)


def sides_the_box_flags(registry, around: SummitFound) -> frozenset[str]:
    """The sides the box's participants are given (``{{flagicon|MDV}} [[某某]]``: the state its flag names)."""
    return frozenset(side.key for node in registry.facts_about(around.id, Prop.HAS_PARTICIPATION)
                     for side in registry.facts_about(node, Prop.SIDE))


def _the_next_or_last_stop(summit: SummitFound, around: SummitFound) -> bool:
    """Whether a meeting with someone the box does not name shares only the box's first or last day and goes on
    past it (``4月5日至7日，甲访问丙国，同丙国首相会谈`` after a box of 2 to 5 April): the tour's stop before or after
    the box's visit, begun or ended the day the visitor travelled."""
    edge = (summit.start == around.end and summit.end > around.end) or (summit.end == around.start and summit.start < around.start)
    return edge and bool(set(summit.participants) - set(around.participants))


def two_before_or_after_a_gathering(people: People, summit: SummitFound, around: SummitFound) -> bool:
    """Whether two leaders meet on a day before or after the boxed gathering of three sides or
    more (甲 receiving the first leader to arrive the day before the summit): a summit of their own."""
    sides = {people.sides.get(p) for p in around.participants} - {None}
    return len(sides) >= 3 and len(summit.participants) == 2 and not (around.start <= summit.start <= around.end)


#: How far from the box's days an account of the same visit may tell a meeting of its leaders.
SAME_VISIT = timedelta(days=30)


def told_within(summit: SummitFound, around: SummitFound) -> bool:
    """Whether a meeting the article tells in its own account of the summit (not its
    background or aftermath), of the summit's own leaders, within weeks of its days, is part
    of that summit's visit: 赫鲁晓夫 arriving on 9月15日 and talking at the White House that
    afternoon, for the Camp David talks of 9月25日至27日."""
    if summit.section is None or summit.anchor is None:
        return False
    heading = to_hans(summit.section.heading).strip()
    if BACKGROUND.match(heading) or _LATER_SECTIONS.match(heading) or find_year_months(heading):
        return False
    near = around.start - SAME_VISIT <= summit.start and summit.end <= around.end + SAME_VISIT
    return near and set(summit.participants) <= set(around.participants)


#: Offices of a side's top leaders: a head of state, of government, of the ruling party.
HEAD_OFFICES = ("总统", "总理", "首相", "国王", "女王", "天皇", "总书记", "元首", "大统领", "主席", "委员长")


#: Top-sounding offices that are not a side's top (a legislature's chair, a region's).
_NOT_HEAD = re.compile(r"人大|常委会|常务委员会|政协|议会|议院|国会|党团|参议|众议|自治区|省|市")


_NEXT_DAY = re.compile(r"^(次日|翌日|第二天)")


_LATER_SECTIONS = re.compile(r"^(后续|反应|评价|影响|回应|各方反应|国际反应|争议|意义)")


#: A meeting told in a day's account (会见, 举行会谈, 也与甲晤谈).
_MET = re.compile(r"会见|会晤|会谈|晤谈|见面|会面")


def meetings_of_the_visit(reading: Reading, people: People, around: SummitFound) -> SummitFound:
    """A visit told day by day is one summit: whoever the visit's side meets on its days, in
    the office of a side's top leader (``21日上午，甲会见乙国总理丙``, ``当天，总理丙同甲举行
    会见``), takes part in it. Days are read as the account gives them: a heading's day, a
    day with no month (``21日``), ``当天`` and ``次日`` after the day before."""
    added: dict[str, Participant] = {}
    sentences: list[Sentence] = []
    for section, section_sentences in reading.by_section.items():
        heading = to_hans(section.heading)
        if BACKGROUND.match(heading.strip()) or _LATER_SECTIONS.match(heading.strip()):
            continue
        for sentence, current in days_told(section, section_sentences, around.start.year):
            if current is None or not (around.start <= current <= around.end):
                continue
            if not _MET.search(sentence.hans) or not_held(sentence.hans):
                continue
            sides = {people.sides.get(p) for p in around.participants} - {None}
            several = met_one_by_one(reading, sentence)  # met one by one: meetings of their own, but the hosts'
            keys = {spot.key: spot.surface for spot in sentence.spots
                    if reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])
                    and not (several and spot.key in several.others and not _a_host_met_in_turn(people, spot.key, sides))}
            if not (set(keys) | set(bare_office_holders(people, sentence))) & set(around.participants):
                continue  # 在京期间，国王还会见了乙: the visitor told by his office alone
            for key, surface in keys.items():
                if key in around.participants or key in added or not a_sides_top(reading, people, sentence, key):
                    continue
                if len(sides) >= 2 and people.sides.get(key) not in sides | {None}:
                    continue  # a third state's leader: a meeting of its own
                if people.sides.get(key) not in sides \
                        and _ANOTHER_VISITOR.search(sentence.hans, 0, _start_of(sentence, key)):
                    continue  # 还会见了首次访华的乙国总理丙: another state's visitor, met apart
                person = added.setdefault(key, Participant(key, surface, stated=True))
                person.evidence.append(sentence.evidence())
                sentences.append(sentence)
    if not added:
        return around
    record_participants(reading, people, around.id, added, sentences)
    return replace(around, participants=tuple(sorted(around.participants + tuple(added))))


#: Right before a name (and its office): one described as visiting too (首次访华的丙国总理, 正在中国访问的, 来访的):
#: another visit's guest.
_ANOTHER_VISITOR = re.compile(r"(?:访华|来华|来访|访问中国|在华访问|正在[^，。；]{1,8}?访问)的[^，。；的]{0,12}$")


def _start_of(sentence: Sentence, key: str) -> int:
    return next(spot.start for spot in sentence.spots if spot.key == key)


def _a_host_met_in_turn(people: People, key: str, sides: set) -> bool:
    """Whether one a visitor met one by one is of one of the visit's two sides (``分别会见乙国国家主席丙和政府总理丁``,
    ``先后会见乙国总理丁和参议院议长戊``): the host state's leaders met in turn on its days are the visit's, not
    meetings of their own as the leaders of a gathering met in turn are."""
    return len(sides) >= 2 and people.sides.get(key) in sides


def met_during_the_visit(reading: Reading, people: People, summits: tuple[SummitFound, ...]) -> tuple[SummitFound, ...]:
    """A clause that tells a meeting during the visit, with no day of its own (``访问期间，乙国国王丁在王宫接见甲``,
    ``访问期间，甲还会见了乙国总统丁``, ``此访期间，甲获乙国主席丁接见``): whoever a participant of the visit
    meets there, in the office of a side's top leader (not a third state's), takes part in it. The visit is the one of
    that participant its paragraph tells (the lead's, the one its first sentence defines), else the one on the day its
    paragraph has reached. Not one met one by one (``先后同乙、丙举行会谈``), each a meeting of its own, but the visited
    state's leaders met in turn (``访问期间，他先后同乙国安全会议秘书丙、乙国总理丁举行会谈``)."""
    added_to: dict[EntityId, tuple[dict[str, Participant], list[Sentence]]] = {}
    previous: Sentence | None = None
    day: date | None = None  # the day the paragraph has reached
    for sentence in [*reading.lead, *(s for sentences in reading.by_section.values() for s in sentences)]:
        if previous is None or previous.passage is not sentence.passage or previous.paragraph != sentence.paragraph:
            day = None
        previous = sentence
        during = _DURING.search(sentence.hans)
        dates = find_dates(sentence.hans[:during.start()] if during else sentence.hans,
                           year=day.year if day else (summits[0].start.year if summits else None))
        day = dates[-1].start if dates and dates[-1].year_given or dates and day else day
        if during is None or not _MET_DURING.search(sentence.hans, during.end(), clause_end(sentence.hans, during.end())) \
                or not_held(sentence.hans):
            continue
        several = met_one_by_one(reading, sentence)
        named = {spot.key: spot.surface for spot in sentence.spots if spot.start >= during.end()
                 and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])
                 and not sentence.hans.startswith(HEAD_OFFICES, spot.end)}  # 南斯拉夫总统: a state before its office
        summit = _the_visit_told(reading, sentence, summits, set(named) | set(several.hosts if several else ()), day)
        if summit is None:
            continue
        sides = {people.sides.get(p) for p in summit.participants} - {None}
        added, sentences = added_to.setdefault(summit.id, ({}, []))
        for key, surface in named.items():
            if several and not (key in several.others and _a_host_met_in_turn(people, key, sides)):
                continue  # met one by one: each a meeting of its own, but the host state's leaders met in turn
            if key in summit.participants or key in added or not a_sides_top(reading, people, sentence, key) \
                    or len(sides) >= 2 and people.sides.get(key) not in sides | {None}:
                continue  # a third state's leader: a meeting of its own
            added[key] = Participant(key, surface, stated=True)
            added[key].evidence.append(sentence.evidence())
            sentences.append(sentence)
    out = []
    for summit in summits:
        added, sentences = added_to.get(summit.id, ({}, []))
        if added:
            record_participants(reading, people, summit.id, added, sentences)
            summit = replace(summit, participants=tuple(sorted(summit.participants + tuple(added))))
        out.append(summit)
    return tuple(out)


def _the_visit_told(reading: Reading, sentence: Sentence, summits: tuple[SummitFound, ...], named: set[str], day: date | None
                    ) -> SummitFound | None:
    """The summit a clause of what happened during a visit is of (see :func:`met_during_the_visit`); not one the
    sentence itself tells."""
    of_them = [s for s in summits if named & set(s.participants) and s.anchor is not sentence]
    defined = the_defined_summit(reading, summits) if sentence.section is None else None
    if defined is not None and defined in of_them:
        return defined  # the lead's 访问期间: the visit its first sentence defines
    in_its_section = [s for s in of_them if s.anchor is not None and s.anchor.section is sentence.section
                      and s.anchor.passage is sentence.passage]
    for candidates in ([s for s in in_its_section if s.anchor.paragraph == sentence.paragraph],
                       [s for s in of_them if day is not None and s.start <= day <= s.end]):
        if len({s.id for s in candidates}) == 1:
            return candidates[0]
    return None


#: A clause opening on the days of the visit told (访问期间，…; 此访期间; 访华期间), not a gathering's (峰会期间), nor
#: whatever 其间 refers back to (出席…博览会，其间再赴北京拜会…).
_DURING = re.compile(r"(?:^|(?<=[，,]))(?:此访|访问|出访|访[\u4e00-\u9fff])期间[，,]?")
#: A meeting told in that clause (会见, 接见, 举行会谈).
_MET_DURING = re.compile(r"会见|会晤|会谈|接见|拜会|见面|会面")


def days_told(section: Section, sentences: list[Sentence], year: int) -> Iterator[tuple[Sentence, date | None]]:
    """Each sentence of a day-by-day section with the day it is about: from the heading's day (``=== 8月22日 ===``)
    on, as :func:`day_of` reads them. The section's first sentence opening ``次日`` under a heading that gives its
    day goes on from the section before: the heading has said which day that is (``=== 2月25日 ===
    次日（25日），…``)."""
    headed = next(iter(find_dates(to_hans(section.heading), year=year)), None)
    current = headed.start if headed else None
    for i, sentence in enumerate(sentences):
        if i == 0 and headed is not None and (next_day := _NEXT_DAY.match(sentence.hans)):
            yield sentence, day_of(sentence.hans[next_day.end():], current, year)
            continue
        current = day_of(sentence.hans, current, year)
        yield sentence, current


def day_of(hans: str, current: date | None, year: int) -> date | None:
    """The day a sentence of a day-by-day account is about, given the day before it."""
    dates = find_dates(hans, year=year)
    if dates:
        return dates[0].start
    if current is not None:
        match = DAY_ONLY.search(hans)
        if match and match.start() < 4:
            try:
                return current.replace(day=int(match["d"]))
            except ValueError:
                return None
        if _NEXT_DAY.match(hans):
            return current + timedelta(days=1)
    return current


def a_sides_top(reading: Reading, people: People, sentence: Sentence, key: str) -> bool:
    """Whether the offices the sentence (else the article) gives the person are a side's top."""
    offices = list(titles_in(sentence, reading, key)) or list(people.offices.get(key, ()))
    return bool(offices) and all(office.endswith(HEAD_OFFICES) and not NOT_TOP.search(office)
                                 and not _NOT_HEAD.search(office) for office in offices)


#: Whom a meeting is with, written right after its place: ``在某宫与[乙]会面`` (up to the meeting word).
_MET_AFTER_THE_PLACE = re.compile(r"[^，,；;。与同和跟]{0,6}?(?:分别|先后)?(?:与|同|和|跟)(?P<whom>[^，,；;。]{1,30}?)"
                                  r"(?:举行|进行)?了?(?:会谈|会晤|会见|会面)")


#: The one met written as one of the pair already told (与他, 同她, 与两人), or as a leader (与该国总统).
_ONE_OF_THE_PAIR = re.compile(r"[他她]|两人|二人|双方|对方|总统|总理|首相|主席|国王|女王|元首|领导人")


def _met_someone_else(reading: Reading, people: People, sentence: Sentence, after: int, summit: SummitFound) -> bool:
    """Whether the meeting placed at ``after`` is, as written right after the place, with someone
    the text names by a linked word that is no person's name, nor by a pronoun or a leader's office
    (``3月6日，甲飞抵某城，在某长老的住所与这位年逾九旬的[[大长老]]会面``), or with a person not of the summit to whom
    the article gives no office anywhere (``同日下午，甲在某酒店与[[丙]]会面``, 丙 of no side the text says): one
    participant meeting someone else, not the summit's talks. An unlinked name (同李四举行会谈) is taken as one of them."""
    said = _MET_AFTER_THE_PLACE.match(sentence.hans, after)
    if said is None or _ONE_OF_THE_PAIR.search(said["whom"]):
        return False
    named = [spot for spot in sentence.spots if said.start("whom") <= spot.start < said.end("whom")]
    return bool(named) and not any(spot.key in summit.participants or reading.registry.is_a(spot.surface, Kind.PERSON)
                                   and spot.key in people.sides for spot in named)


def _clause_around(hans: str, start: int, end: int) -> str:
    low = max((m.end() for m in CLAUSE.finditer(hans, 0, start)), default=0)
    high = next((m.start() for m in CLAUSE.finditer(hans, end)), len(hans))
    return hans[low:high]


def finer_in_prose(reading: Reading, people: People, around: SummitFound, venue: EntityId) -> EntityId:
    """In an article about one summit, a sentence of the lead or a section (not its
    background) that says where the meeting was held, with no date outside its days
    (``会晤主要在金奈以南约60公里的滨海城镇马马拉普拉姆举行``), gives a place inside the
    infobox's venue: the more precise venue. When the infobox lists an itinerary
    (``[[西雅图]]、[[华盛顿]]``), a place said of the meeting in any of its stops is the venue
    (``前往白宫会见…``). Where the prose places no meeting of the summit in the box's venue, the first stop
    of its itinerary, but tells two of its participants' talks in another stop the box lists, with no one else
    named (``| location = [[某港]]、[[某都]]`` ``当天下午，甲同乙在某都举行会谈``), that stop is the venue: the talks
    were held in the capital, not where the visit began."""
    from kg.extract.infobox import listed_places, summit_infoboxes  # the infobox reads summits: import late

    boxes = summit_infoboxes(reading)
    listed = [EntityId(Kind.PLACE, key) for key in (listed_places(reading, boxes[0]) if boxes else [])]
    sections = [s for section, s in reading.by_section.items() if not BACKGROUND.match(to_hans(section.heading).strip())]
    told: list[tuple[Sentence, EntityId]] = []  # the meetings the prose places on the summit's days
    in_the_venue = False  # whether the prose holds anything on those days in the box's venue (a dinner, a meeting)
    town = venue.key[:-1] if venue.key.endswith(_TOWN_SUFFIXES) and len(venue.key) > 2 else venue.key  # 京都市: 京都
    for sentence in [s for group in [reading.lead, *sections] for s in group]:
        if not same_days(sentence, (around.start, around.end)):
            continue
        in_the_venue = in_the_venue or any(spot.key.startswith(town) for c in meeting_chains(reading, sentence)
                                           for spot in c)  # 在京都, 在[[京都迎宾馆]]为乙举行晚宴
        if not MEETING.search(sentence.hans) or not_held(sentence.hans):
            continue
        chain = next((c for c in meeting_chains(reading, sentence)
                      if MEETING.search(_clause_around(sentence.hans, c[0].start, c[-1].end))), ())
        if not chain:
            continue  # 在克里姆林宫乔治大厅为…举行欢迎仪式，随后…会谈: the hall is the ceremony's
        if _met_someone_else(reading, people, sentence, chain[-1].end, around):
            continue  # 甲飞抵某城，在某长老的住所与这位长老会面: one of them meeting another, not the summit's talks
        place = record_chain(reading, chain, sentence)
        if place is not None:
            told.append((sentence, place))
        if place is None or place.key == venue.key:
            continue
        itinerary = venue.key in {other.key for other in listed}  # the box's venue is one stop of several
        if finer_venue(reading, venue, [place]) == place or itinerary and any(
                finer_venue(reading, other, [place]) == place for other in listed if place.key != other.key != venue.key):
            reading.registry.fact(around.id, Prop.VENUE, place, evidence=(sentence.evidence(),))
            return place
    stop = _talks_in_another_stop(reading, around, venue, listed, told) if not in_the_venue else None
    if stop is None:
        stop = _talks_on_reaching_another_stop(reading, people, around, venue, listed,
                                               [s for group in [reading.lead, *sections] for s in group])
    if stop is not None:
        reading.registry.fact(around.id, Prop.VENUE, stop[1], evidence=(stop[0].evidence(),))
        return stop[1]
    return venue


#: What a town's name may end with that its venues' names leave out (京都市, 京都迎宾馆).
_TOWN_SUFFIXES = ("市", "都")


def _talks_in_another_stop(reading: Reading, around: SummitFound, venue: EntityId, listed: list[EntityId],
                           told: list[tuple[Sentence, EntityId]]) -> tuple[Sentence, EntityId] | None:
    """(sentence, stop) of the first talks the prose tells of the summit's participants in a stop of the
    box's itinerary other than its venue, the first stop, when it places no meeting in a place inside that
    venue: the sentence names two of its participants and no other person."""
    if len(listed) < 2 or venue != listed[0] or any(finer_venue(reading, venue, [place]) == place for _, place in told):
        return None
    for sentence, place in told:
        people = {s.key for s in sentence.spots if reading.registry.is_a(s.surface, Kind.PERSON)}
        if place in listed[1:] and len(people) >= 2 and people <= set(around.participants):
            return sentence, place
    return None


def _talks_on_reaching_another_stop(reading: Reading, people: People, around: SummitFound, venue: EntityId,
                                    listed: list[EntityId], sentences: list[Sentence]) -> tuple[Sentence, EntityId] | None:
    """(sentence, stop) of a sentence on the summit's days that tells one of its participants going to a
    stop of the box's itinerary other than its venue, the first stop, and there the talks with the other, the
    box's two participants named and no one else (``| location = [[甲城]]、[[乙城]]`` ``13日，张三前往[[乙城]]，
    与乙国首相[[李四]]举行会谈``): the talks were held at the later stop, not where the visit began. Not in a
    tour's box of three sides or more, whose talks at a later stop are one host's of several."""
    from kg.extract.towns_reached import town_reached_for_the_talks  # reads the towns reached: import late

    if len(listed) < 2 or venue != listed[0] or len({people.sides.get(p) for p in around.participants} - {None}) > 2:
        return None  # a tour's box of three sides or more: its talks at a later stop are one host's
    for sentence in sentences:
        if not same_days(sentence, (around.start, around.end)) or not_held(sentence.hans):
            continue
        named = {s.key for s in sentence.spots if reading.registry.is_a(s.surface, Kind.PERSON)}
        if len(named) < 2 or not named <= set(around.participants):
            continue
        town = town_reached_for_the_talks(reading, sentence)
        if town is None:
            continue
        stop = next((other for other in listed[1:] if other.key == reading.index.key(town.surface)), None)
        return (sentence, stop) if stop is not None else None
    return None
