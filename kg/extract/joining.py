"""A summit as a pass finds it, and one meeting found twice joined into one.

A pass that finds a summit gives its IRI, days, anchor sentence and participants
(:class:`SummitFound`); its facts are in the registry. The same meeting is often told more than
once: in the lead and in a section (``2018年4月27日，两人在板门店会晤`` twice), in a table's row and
in the prose's account, over two days of one paragraph (``5日…当晚两人非正式会晤；6日上午，两人举行会谈``),
as one of several meetings of a visit's days, as a visitor's meetings with one side's two leaders on one day
(``…同甲举行会谈。同日，乙国主席会见甲``). The passes here fold each such mention into the
summit it tells of: the one kept takes the other's documents, ordinal, venue and people where it
has none, and the other is forgotten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.extract.containment import held_in, located_within, unplaced_top
from kg.extract.names import GENERIC_BUILDINGS
from kg.extract.one_by_one import each_met_alone, then_all_together
from kg.extract.participants import Participant, add_participants, record_participants
from kg.extract.people import People
from kg.extract.places import VENUE_ENDINGS
from kg.extract.roles import OFFICE_WORDS
from kg.extract.phrases import DURING_THE_VISIT, MEETING, NOT_TOP, TRAVELS_TO
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence
from kg.model import EntityId, Inference, Kind, Prop, Severity, Span
from kg.wikitext import Section


SIGNING = re.compile(r"签署|签订|签字|签约")


#: A clause saying it goes on right after what the one before told (甲与乙随后在某宫会谈; 乙在机场迎接甲，两人随后…),
#: or right after the arrival told before it (甲抵达某城。抵达后，甲与乙会面; 甲抵达后即前往某宫，与乙会晤).
GOES_ON = re.compile(r"(?:^|[，,；])[^，,。；]{0,12}?(?:随后|其后|接着|紧接着|抵达(?:之)?后)")


@dataclass(frozen=True)
class SummitFound:
    id: EntityId
    section: Section | None
    start: date
    end: date
    anchor: Sentence | None  # None when the summit comes from an infobox
    participants: tuple[str, ...]  # person keys
    one_of_several: bool = False  # told with others in one clause (分别同乙、丙会谈): a meeting of its own


def _on_a_visit_of_its_people(summit: SummitFound, found: list[SummitFound]) -> bool:
    """Whether another summit found spans the days of a meeting of one side and has its people (乙到机场迎接
    on the first day of 甲's visit): a part of that visit, which the summits before and after say nothing of."""
    return any(other is not summit and other.start <= summit.start and summit.end <= other.end
               and set(summit.participants) <= set(other.participants) for other in found)


def fill_from_neighbours(reading: Reading, people: People, found: list[SummitFound]) -> tuple[SummitFound, ...]:
    """A side no one in a summit's section stands for is taken by whoever stood for it at
    both the summit before and the summit after (``两国元首在北京…会谈``), but at a meeting on
    the days of a visit found with its people, nor where the summit names someone whose side the
    article does not give and several sides are missing, as on a tour of several states (``甲抵达莫尔兹比港，
    同巴新总理乙会谈``): 乙 stands for one of them, and the leaders of the tour's other states who met 甲
    before and after are not added; nor where one side is missing but the summit's sentence names a state none of
    the article's sides is, a leg of the visitor's there in a series of two leaders' meetings (``甲先访问丙国，在某城同
    总理丁会谈``): 丁 stands for the side missing, not the other leader of the series."""
    ordered = sorted(found, key=lambda s: (s.start, s.id.key))

    def sides(summit: SummitFound) -> dict[str, str]:
        return {people.sides[p]: p for p in summit.participants if p in people.sides}

    every_side = {side for summit in ordered for side in sides(summit)}
    out: list[SummitFound] = []
    for i, summit in enumerate(ordered):
        added: dict[str, Participant] = {}
        if len(sides(summit)) >= 2 or summit.one_of_several:  # both sides stand already (甲会见丙国首相): nothing is missing
            out.append(summit)
            continue
        if not sides(summit) and len(summit.participants) >= 2:
            # 甲同继任的主席乙举行会谈, two whose sides no office of the article gives: they stand for the two sides
            # (not whoever the summits before and after had there, 乙's predecessor)
            out.append(summit)
            continue
        missing = set() if _on_a_visit_of_its_people(summit, ordered) else every_side - set(sides(summit))
        if len(summit.participants) >= 2 and any(p not in people.sides for p in summit.participants) \
                and (len(missing) > 1 or missing and _in_a_third_state(reading, summit, every_side)):
            missing = set()  # 甲同巴新总理乙会谈 on a tour of several states, 乙 of a side the article does not give
        for side in sorted(missing):  # neighbours that stand: two people or more
            before = next((s for s in reversed(ordered[:i]) if side in sides(s) and len(s.participants) > 1
                           and not s.one_of_several), None)  # not one of a host's several meetings
            after = next((s for s in ordered[i + 1:] if side in sides(s) and len(s.participants) > 1
                          and not s.one_of_several), None)
            if before and after and sides(before)[side] == sides(after)[side] and summit.anchor is not None:
                key = sides(before)[side]
                if len(missing) == 1 and _stood_for_by_one_named(reading, people, summit, key):
                    continue
                person = Participant(key, key)
                evidence = tuple(s.anchor.evidence() for s in (before, after) if s.anchor is not None)
                if not evidence:  # neighbours read from a table's rows only: nothing to show for it
                    continue
                person.inferences.append((Inference.NEIGHBOURING_SUMMITS, (before.id, after.id), evidence))
                added[key] = person
        if added:
            record_participants(reading, people, summit.id, added, [summit.anchor])
            summit = replace(summit, participants=tuple(sorted(summit.participants + tuple(added))))
        if len(summit.participants) < 2:  # a meeting needs two sides; the shapes would refuse it
            reading.registry.forget(summit.id)
            reading.note(f"a meeting on {summit.start.isoformat()} names one participant only "
                         f"({summit.participants[0]}); no summit made", summit.anchor.span_of(0, 0).start
                         if summit.anchor else None, Severity.WARNING)
            continue
        out.append(summit)
    return tuple(out)


def _stood_for_by_one_named(reading: Reading, people: People, summit: SummitFound, neighbour: str) -> bool:
    """Whether someone the summit's sentence names, of a side the article gives him no office of (``与丙主席
    会见``, ``丁（总统） 会谈``, ``戊回访乙国，…同己举行会谈``), stands for the one side missing: the
    side's leader who met at the summits before and after is no third who met where neither that sentence nor the
    account going on right after it with no time of its own (``甲还与乙总理会谈``) names him (``与丙主席会见``:
    not 庚, the premier at the rows around it). Not one the sentence does not name, read from words for both
    (``两国总理举行会晤``): the neighbours' leader is the one they stand for."""
    anchor = summit.anchor
    named = {spot.key for spot in anchor.spots}
    if not any(p not in people.sides and p in named for p in summit.participants):
        return False
    told = reading.by_section.get(summit.section, ()) if summit.section is not None else reading.lead
    after = next((s for s in told if s.passage is anchor.passage and s.paragraph == anchor.paragraph
                  and s.start >= anchor.end), None)
    if after is not None and not _TELLS_A_TIME.search(after.hans):
        named |= {spot.key for spot in after.spots}
    return neighbour not in named


#: A sentence telling a time of its own (2009年, 12月3日, 次日, 同年): not the account of the day before it going on.
_TELLS_A_TIME = re.compile(r"[0-9０-９一二三四五六七八九十〇]{1,4}[年月日]|次日|翌日|同年|当年|此后|其后|之后")


def _in_a_third_state(reading: Reading, summit: SummitFound, sides: set[str]) -> bool:
    """Whether the sentence telling ``summit`` names a state that is none of the article's sides (``甲先访问丙国，
    在某城同总理丁会谈``): the meeting is a leg of the visitor's there, and the one he meets is of that state."""
    return summit.anchor is not None and any(reading.index.is_state(spot.key) and spot.key not in sides
                                             for spot in summit.anchor.spots)


def several_of_one_visit(reading: Reading, people: People, found: list[SummitFound]) -> list[SummitFound]:
    """One of several meetings told at once whose sides are those of another meeting of
    those days, with someone in common, is part of it: a guest meeting the
    host state's premier after its president (``两人会谈；甲当天又分别会见乙国总理丙和…``), or one named by a bare
    office alone on the talks' days (``甲与乙国总理丙会谈；甲还分别与总统丁和…会谈``: the visited state's); so is one
    whose people all meet together those days, the talks of each two before the three's
    (``甲先后与乙、丙分别会谈，随后三人举行三方会谈``)."""
    out = list(found)
    for summit in [s for s in found if s.one_of_several and not _met_alone(s)]:
        into = next((s for s in out if s.id != summit.id and not s.one_of_several and s.start <= summit.end
                     and summit.start <= s.end and set(s.participants) & set(summit.participants)
                     and (_sides_cover(people, s, summit)
                          and (_sides_cover(people, summit, s) or _part_of_all_together(summit, s))
                          or (s.start, s.end) == (summit.start, summit.end) and _met_by_bare_offices(people, s, summit))),
                    None)
        if into is None:
            continue
        out.remove(summit)
        out[out.index(into)] = fold_with_people(reading, people, summit, into)
    return out


def _met_alone(summit: SummitFound) -> bool:
    """Whether ``summit`` is one of several its sentence says the host held alone, one by one (``甲先后与乙、丙单独
    会谈，随后三位领导人举行三方会谈``): a meeting of its own, not a part of another of those people that day."""
    return summit.one_of_several and summit.anchor is not None and each_met_alone(summit.anchor.hans)


def _part_of_all_together(summit: SummitFound, together: SummitFound) -> bool:
    """Whether ``summit``, one of several told at once, is of people who all meet in ``together``, as its sentence
    goes on to tell (``甲先后与乙、丙分别会谈，随后三人举行三方会谈``)."""
    return set(summit.participants) < set(together.participants) and summit.anchor is not None \
        and then_all_together(summit.anchor.hans)


def one_meeting_told_in_parts(reading: Reading, people: People, found: list[SummitFound],
                              boxed: EntityId | None = None) -> list[SummitFound]:
    """The same leaders meeting on the next day, told in the same paragraph (``5日…当晚两人
    非正式会晤；6日上午，两人举行会谈``), and the same sides signing on the day of their talks,
    told in one section (``当天下午，《…》签字仪式举行，甲和乙分别代表本国政府签字``): one summit,
    as an account told day by day is; not a host's meetings one by one. The infobox's summit
    (``boxed``), which the prose found too, is the one kept: the article's other facts go on to it."""
    kept: dict = {}  # id → the summit as it stands, in the order of their days
    for summit in sorted(found, key=lambda s: s.start):
        before = next((s for s in reversed(kept.values()) if s.anchor is not None and summit.anchor is not None
                       and not (s.one_of_several or summit.one_of_several)
                       and (s.section == summit.section and (
                                _next_day(s, summit) or _signing_of_the_days_talks(people, s, summit)
                                or _right_after(people, s, summit)
                                or _later_that_day(people, s, summit, s.anchor.paragraph == summit.anchor.paragraph)
                                or _during_the_same_visit(people, s, summit) or _on_the_welcomed_visit(s, summit)
                                or _the_hosts_other_leader(people, s, summit))
                            or len(s.participants) == 2 and _later_that_day(people, s, summit, True)
                            and _opens_the_next_section(reading, s, summit))),
                      None)
        if before is None:
            kept[summit.id] = summit
            continue
        if summit.id == boxed:
            del kept[before.id]
            kept[summit.id] = replace(fold_with_people(reading, people, before, summit),
                                      start=min(before.start, summit.start), end=max(before.end, summit.end))
            continue
        kept[before.id] = replace(fold_with_people(reading, people, summit, before), end=max(before.end, summit.end))
    return [kept[s.id] for s in found if s.id in kept]


def a_row_and_its_account(reading: Reading, people: People, found: list[SummitFound],
                           tabled: tuple[Span, ...]) -> list[SummitFound]:
    """A meeting table's row and the prose's account of the same meeting, elsewhere in the article
    (``| 2016年9月3日 || 杭州 || 甲 || 出席峰会期间会见`` and ``2016年9月3日，甲在杭州会见来华出席峰会的乙``): the
    same leaders on overlapping days are one summit, the account's, which the row's facts join (its days
    widened to the row's). So is a row naming only some of the account's people (``王五（总统） || 会谈；另会见李四
    总理``: the visitor the table is about left out of its cells) or others of the same sides (a row's ``吊唁某
    总统逝世`` of the day the account tells the talks with his successor): one meeting of those sides that day."""
    def in_a_row(summit: SummitFound) -> bool:
        at = summit.anchor.span_of(0, 0).start
        return any(span.start <= at < span.end for span in tabled)

    out = list(found)
    for row in [s for s in found if s.anchor is not None and in_a_row(s)]:
        told = next((s for s in out if s.id != row.id and s.anchor is not None and not in_a_row(s)
                     and s.start <= row.end and row.start <= s.end
                     and (set(row.participants) <= set(s.participants)
                          or set(s.participants) & set(row.participants)
                          and _sides_cover(people, s, row) and _sides_cover(people, row, s))
                     and not _apart_from_the_gathering(row, s)), None)  # a bilaterals' table beside the gathering
        if told is None:
            continue
        out.remove(row)
        out[out.index(told)] = one_span_each(reading, [fold_with_people(reading, people, row, told)])[0]
    return out


def _right_after(people: People, before: SummitFound, summit: SummitFound) -> bool:
    """The visitor's next meeting that day told in the same paragraph with the same side's other
    leader (``当天下午，甲会见乙国总督丙。随后，甲同乙国总理丁举行会谈``): one summit of the visit."""
    return before.anchor.paragraph == summit.anchor.paragraph and before.start == summit.start == summit.end \
        and bool(set(before.participants) & set(summit.participants)) and GOES_ON.search(summit.anchor.hans) is not None \
        and _sides_cover(people, before, summit) and _sides_cover(people, summit, before)


#: A clause telling the day just told again (…同甲举行会谈。同日，乙国主席会见甲): what it tells is of that day. Not
#: 当天晚些时候 nor 当天稍后, which go on to a later meeting of its own, often elsewhere.
_THAT_DAY = re.compile(r"(?:^|[，,；;])同日(?!本)")


#: The visitor travelling on to the meeting, or the meeting told as held apart (同日上午，甲还单独会见了乙): a
#: meeting of its own.
_TRAVELS = re.compile(rf"{TRAVELS_TO}|单独")


def _opens_the_next_section(reading: Reading, before: SummitFound, summit: SummitFound) -> bool:
    """Whether ``summit``'s sentence opens the section right after ``before``'s (``=== 会见乙 ===``, then
    ``=== 同丙会谈 ===¶同日下午，丙同甲举行会谈``): it goes on with the day that section told. The caller asks it
    of a visitor's meeting with one host (not of a gathering's, after which a section tells a meeting of two
    of its leaders: ``=== 某峰会 ===``, then ``=== 甲乙会谈 ===¶同日，甲与乙举行双边会谈``)."""
    sections = list(reading.by_section)
    if before.section is None or summit.section is None or before.section not in sections \
            or summit.section not in sections or sections.index(summit.section) != sections.index(before.section) + 1:
        return False
    opening = reading.by_section[summit.section]
    return bool(opening) and opening[0] is summit.anchor


def _later_that_day(people: People, before: SummitFound, summit: SummitFound, told_on: bool) -> bool:
    """The visitor meeting the same side's other leader on the same day, told on (``told_on``: in the same
    paragraph, or opening the section after) from a clause that gives the day again (``6月21日下午，乙国总理丁同
    甲举行会谈。同日，乙国主席丙会见甲``): one summit of the visit, as the gold counts a visit. Not a meeting of
    another side that day (``同日，甲会见丙国总统戊``, ``同日，甲、乙与丙国总统举行三方峰会``), nor one the visitor
    travels to (``同日，甲前往某城与丁会谈``) or one told as held apart (``同日，丙还单独会见了甲``)."""
    shared = set(before.participants) & set(summit.participants)
    if not (shared and told_on and _THAT_DAY.search(summit.anchor.hans)
            and before.start == before.end == summit.start == summit.end and not _TRAVELS.search(summit.anchor.hans)):
        return False
    if set(summit.participants) <= set(before.participants):
        return True  # 同日，乙国主席丙会见了甲和丁: those of the day's talks again
    beside = [{people.sides.get(p) for p in set(s.participants) - shared} for s in (before, summit)]
    sides = (beside[0] | beside[1]) - {None}  # one side known for the two met beside the visitor, none other
    return all(beside) and len(sides) == 1 and not sides & {people.sides.get(p) for p in shared}


def _the_hosts_other_leader(people: People, before: SummitFound, summit: SummitFound) -> bool:
    """The visitor meeting, on the days of the talks the paragraph told (the same days), one the text names by a bare office
    alone (``29日，两人举行正式会谈。甲当天会见总统丙时表示``, ``甲与乙会晤后…随后还会见了总统丙``): an office
    written without a state is of the state the passage is about, the one visited, so the meeting is of the visit,
    one summit with the talks. Not a meeting told of one whose office names a state, or whose side the text gives
    (a third state's leader: ``会见了丁国总统戊``), nor one the visitor travels to or holds apart."""
    if before.anchor.paragraph != summit.anchor.paragraph or (before.start, before.end) != (summit.start, summit.end) \
            or _TRAVELS.search(summit.anchor.hans):
        return False
    return _met_by_bare_offices(people, before, summit)


def _met_by_bare_offices(people: People, talks: SummitFound, summit: SummitFound) -> bool:
    """Whether ``summit`` is the visitor of ``talks`` (their one participant in common, of a side the text gives)
    meeting only people named by a bare office alone, and ``talks`` the visitor with hosts of another side or named
    so too: the bare offices are the visited state's."""
    shared = set(talks.participants) & set(summit.participants)
    if len(shared) != 1:
        return False
    visitor_side = people.sides.get(next(iter(shared)))
    met = set(summit.participants) - shared
    hosts = set(talks.participants) - shared
    return visitor_side is not None and bool(met) and all(_by_a_bare_office(people, p) for p in met) \
        and bool(hosts) and all(people.sides.get(p) not in (None, visitor_side) or _by_a_bare_office(people, p)
                                for p in hosts)


def _by_a_bare_office(people: People, person: str) -> bool:
    """Whether the text gives ``person`` no side and only a side's top offices written without a state (``总统``,
    ``总理``; not ``外长``, ``议长``)."""
    offices = people.offices.get(person, ())
    return people.sides.get(person) is None and bool(offices) \
        and all(office in OFFICE_WORDS and not NOT_TOP.search(office) for office in offices)


def _during_the_same_visit(people: People, before: SummitFound, summit: SummitFound) -> bool:
    """A meeting told as of the visit's days (``访问期间，乙国主席丙会见甲``) on the days of the
    visitor's talks with the same side, told in the same section (``当天，甲同乙国总理丁举行会谈``):
    one summit of the visit. So too where the text has told only the day the visit began (``25日晚，甲抵达某都，开始
    对乙国的访问。访问期间，乙国国王丙在王宫接见甲。26日，乙国首相丁会见甲``): the visit goes on to the talks told
    on its next days."""
    if not (DURING_THE_VISIT.match(summit.anchor.hans) or DURING_THE_VISIT.match(before.anchor.hans)) \
            or not set(before.participants) & set(summit.participants):
        return False
    if before.start <= summit.end and summit.start <= before.end:
        return _sides_cover(people, before, summit) and _sides_cover(people, summit, before)
    begun = DURING_THE_VISIT.match(before.anchor.hans) is not None and before.start == before.end \
        and timedelta(0) < summit.start - before.end <= _A_VISITS_DAYS
    # the host's leaders by offices of a state the gazetteer does not know stand for no other side
    return begun and _sides_cover(people, before, summit, unknown=True) \
        and _sides_cover(people, summit, before, unknown=True)


#: How many days after the one a visit began on its talks may be told, the visit's own days not given.
_A_VISITS_DAYS = timedelta(days=5)


#: A host's welcome on arrival, told with no meeting word (乙到机场迎接): it begins the visit.
_WELCOMED = re.compile(r"迎接")
#: How long after the welcome the visit it began may go on.
_A_VISIT_AT_MOST = timedelta(days=31)


def _on_the_welcomed_visit(before: SummitFound, summit: SummitFound) -> bool:
    """The same leaders meeting later in the section whose sentence has the visitor welcomed on
    arrival with no meeting word (``12日，甲抵达某城，乙到机场迎接。¶18日，两国元首在某岛举行会谈``):
    the talks are of the visit the welcome began, within a month of it; so is a signing of the two told
    alone after talks the visit holds already (``20日，甲与乙签署联合声明``); a signing alone right after
    the welcome is on its own day."""
    return before.participants == summit.participants and before.start < summit.start <= before.start + _A_VISIT_AT_MOST \
        and _WELCOMED.search(before.anchor.hans) is not None and MEETING.search(before.anchor.hans) is None \
        and (MEETING.search(summit.anchor.hans) is not None
             or before.end > before.start and SIGNING.search(summit.anchor.hans) is not None)


def _next_day(before: SummitFound, summit: SummitFound) -> bool:
    """The same leaders on the next day, or on a later day of the days already told (``10月11日至12日，甲同乙会晤。
    11日，…；12日上午，两人继续会谈``)."""
    return before.anchor.paragraph == summit.anchor.paragraph and before.participants == summit.participants \
        and before.start < summit.start <= before.end + timedelta(days=1)


def _signing_of_the_days_talks(people: People, before: SummitFound, summit: SummitFound) -> bool:
    """Whether ``summit`` is a signing on a day of ``before``'s talks by the same sides; talks that
    name one side alone (她随后先后与甲、乙会晤: the visitor told by a pronoun) are of the side of
    the signing that they name."""
    if not (before.start <= summit.start <= before.end and summit.start == summit.end and before.id != summit.id
            and SIGNING.search(summit.anchor.hans) is not None and MEETING.search(summit.anchor.hans) is None):
        return False
    if set(before.participants) & set(summit.participants):
        return _sides_cover(people, before, summit) and _sides_cover(people, summit, before)
    told = {people.sides.get(p) for p in before.participants} - {None}
    return len(told) == 1 and told <= {people.sides.get(p) for p in summit.participants}


def fold_with_people(reading: Reading, people: People, witness: SummitFound, into: SummitFound) -> SummitFound:
    """:func:`fold`, the people the witness names beyond the summit's taking part in it too."""
    named = {key: key for key in witness.participants if key not in into.participants}
    if named and witness.anchor is not None:
        add_participants(reading, people, into.id, named, witness.anchor)
    elif named:  # a table row's or an infobox's: the cells that name them are the evidence
        reading.registry.move(witness.id, into.id, Prop.PARTICIPANT)
    fold(reading.registry, witness.id, into.id)
    return replace(into, participants=tuple(sorted(set(into.participants) | set(witness.participants))))


def _sides_cover(people: People, summit: SummitFound, other: SummitFound, unknown: bool = False) -> bool:
    """Whether everyone ``other`` names beyond ``summit`` stands for a side, known, that ``summit`` has (or, with
    ``unknown``, for none the text gives)."""
    sides = {people.sides.get(p) for p in summit.participants} - {None} | ({None} if unknown else set())
    return all(people.sides.get(p) in sides for p in other.participants if p not in summit.participants)


#: Words that make a meeting one of two sides (两国元首举行会谈, 双边会晤, 一对一, 单独会谈).
BILATERAL = re.compile(r"两国(?:元首|领导人|首脑)|双边|一对一|单独(?:会谈|会晤|会见|会面)")
#: Of those, the words that say so of a meeting beside others of the same leaders (双边会晤, 单独会谈), not 两国元首,
#: the two sides of a visit any mention of its talks names (两国元首就双边关系…举行会谈).
_APART = re.compile(r"双边(?:会谈|会晤|会见|会面)|一对一|单独(?:会谈|会晤|会见|会面)")


def told_as_two(summit: SummitFound, words: re.Pattern = BILATERAL) -> bool:
    """Whether a meeting is told as one of two sides (``words``), in its sentence or its section's heading
    (``=== 双边会晤 ===``, over a table's rows or a list of meetings): beside a gathering of more on its days
    (四方会谈之后，甲与乙举行了两人的首次双边会谈), a meeting of its own."""
    if summit.anchor is not None and words.search(summit.anchor.hans):
        return True
    return summit.section is not None and "双边" in to_hans(summit.section.heading)


def _apart_from_the_gathering(pair: SummitFound, gathering: SummitFound) -> bool:
    """Whether ``pair``, two of ``gathering``'s three or more, is told as their bilateral meeting
    (:func:`told_as_two`): a summit of its own on the gathering's day, not a second mention of the gathering. Not one
    of several told at once (分别与乙、丙、丁举行双边会晤), whose joining :func:`several_of_one_visit` reads: a row listing
    them all (``7月16日 || 某城 || 乙、丙、丁``) is their one-by-one meetings told again."""
    return len(pair.participants) == 2 and len(gathering.participants) >= 3 and not pair.one_of_several \
        and set(pair.participants) < set(gathering.participants) and told_as_two(pair, _APART)


def join_mentions(reading: Reading, people: People, kept: list[SummitFound], others: list[SummitFound],
                  rows: frozenset[EntityId] = frozenset(), boxed: EntityId | None = None) -> list[SummitFound]:
    """Mentions of one meeting made twice (the lead and a section, on overlapping days with
    a participant in common and no side the other does not have) are one summit: the later
    one gives the first its documents, ordinal and venue where the first has none, and is
    forgotten. Returns the others left. (甲 meeting a third
    country's leader during his visit to 乙 is another summit: that country is no side of the visit.)
    A mention that is a table's row too (``rows``: the same IRI) is left for the row's joining: forgotten
    here, it would take the row's summit with it. So is a row that is the summit the article's box states
    (``boxed``: its first day and people, the same IRI): the box's reading takes the days' meetings into it; folded
    into one of them here, the box's summit would be left with no facts of its own."""
    registry = reading.registry
    left = []
    rowed = {other.id for other in others if other.anchor is None}  # the IRIs of rows, some the prose's too
    apart = rowed | rows  # each a row of a table: a meeting of its own, never held by another's days

    def sides_agree(a: SummitFound, b: SummitFound) -> bool:
        """Whether everyone ``b`` names beyond ``a`` stands for a side ``a`` has (a side the
        text does not give is no agreement)."""
        sides = {people.sides.get(p) for p in a.participants} - {None}
        return all(people.sides.get(p) in sides for p in b.participants if p not in a.participants)

    for other in others:  # the same IRI: its facts are already one summit's, over the days both give (a row's visit)
        if (twin := next((i for i, s in enumerate(kept) if s.id == other.id), None)) is not None:
            kept[twin] = replace(kept[twin], start=min(kept[twin].start, other.start), end=max(kept[twin].end, other.end),
                                 participants=tuple(sorted(set(kept[twin].participants) | set(other.participants))))
            if other.anchor is None:  # a row's visit, whose first meeting the prose told: it holds the others too
                _visit_holds_its_days(reading, people, kept, kept[twin], named=True, row=True)
    for other in others:
        if any(s.id == other.id for s in kept) or not registry.holds(other.id):  # or folded into another already
            continue
        if other.id in rows or other.id == boxed:  # a row of the box's own days and people: the box's summit itself
            left.append(other)
            continue
        same = next((s for s in kept if s.id != other.id and s.start <= other.end and other.start <= s.end
                     and set(s.participants) & set(other.participants) and sides_agree(s, other)
                     and len(s.participants) >= len(other.participants)
                     and not _apart_from_the_gathering(other, s)), None)  # never into a poorer witness
        poorer = None if same is not None else next(
            (s for s in kept if s.id != other.id and s.start <= other.end and other.start <= s.end
             and set(s.participants) < set(other.participants) and sides_agree(other, s) and not _met_alone(s)
             and not _apart_from_the_gathering(s, other)), None)
        if poorer is not None:  # a prose mention naming one side, a table row naming both: the row is the summit
            fold(registry, poorer.id, other.id, documents=False)  # the row's own cells name its documents
            kept[kept.index(poorer)] = other
            _visit_holds_its_days(reading, people, kept, other, named=True, rows=apart, row=True)  # and the prose's other meetings of its days
            continue
        if same is None:
            left.append(other)
            _visit_holds_its_days(reading, people, kept, other, rows=apart, row=other.anchor is None)
            continue
        if other.anchor is None and not set(other.participants) <= set(same.participants) and same.id in rowed:
            # the mention is another row's summit too (one IRI): it stays, with the hosts this row names
            same = fold_with_people(reading, people, other, same)
            kept[[s.id for s in kept].index(same.id)] = same
        elif other.anchor is None and not set(other.participants) <= set(same.participants):
            # a row naming a host the prose mention does not (the visit's talks, not a premier's welcome): the row is the summit
            fold(registry, same.id, other.id, documents=False)
            kept[kept.index(same)] = other
            same = other
        else:
            fold(registry, other.id, same.id, row=other.anchor is None)
        if other.end > other.start:  # 于15日至18日举行的会晤: the talks of the 16th and the signing of the 18th with it
            _visit_holds_its_days(reading, people, kept, replace(same, start=min(same.start, other.start),
                                                                 end=max(same.end, other.end)), rows=apart - {other.id},
                                  row=same.id in rowed or other.anchor is None)
    return left


def _visit_holds_its_days(reading: Reading, people: People, kept: list[SummitFound], visit: SummitFound,
                          named: bool = False, rows: set[EntityId] | frozenset[EntityId] = frozenset(),
                          row: bool = False) -> None:
    """A table row's visit of several days holds the meetings the prose tells of its
    people on those days (a premier receiving the visitor, the talks of one day): each such
    mention, whose others stand for no side the row does not have, is folded into the row, and
    those it names beyond the row (the premier who received the visitor) took part in the visit. So it does
    however the row met the prose's first meeting of its days: told under the same IRI (``当天，他与李四总统举行
    会谈。同日下午，…并与总理王五会谈``), or that meeting naming fewer of its people (``两国领导人随后举行会谈``,
    then ``14日，…会见了王五``); then (``named``) not a meeting of someone the row does not name whose office is
    written with a state's name the article gives no side of (``与丙国总统王五进行会谈``): a third state's leader. Nor,
    the visit being a table's ``row``, one told in a sentence naming a third state (none of the row's people's, of the
    states its venue lies in, nor of the title's), of someone beyond the row whose side the text does not give (the
    last day of a row's visit: ``22日，甲离开乙国，飞往丙国首都某城，并与首相王五举行会谈``): the next leg of a tour."""
    if visit.end <= visit.start:
        return
    sides = {people.sides.get(p) for p in visit.participants} - {None}
    known: list[set[str]] = []  # the row's states, the title's and its venue's, worked out once if asked

    def beyond_the_rows_states(mention: SummitFound) -> bool:
        if not known:
            known.append(sides | _states_of_the_title(reading) | _states_placed_in(reading, visit.id))
        return _in_a_third_state(reading, mention, known[0])

    for mention in [s for s in kept if s.id != visit.id and s.id not in rows]:
        if visit.start <= mention.start and mention.end <= visit.end \
                and set(mention.participants) & set(visit.participants) \
                and not (named and any(_of_a_state_named(people, p) for p in mention.participants
                                       if p not in visit.participants and people.sides.get(p) is None)) \
                and not (row and any(p not in visit.participants and people.sides.get(p) is None for p in mention.participants)
                         and beyond_the_rows_states(mention)) \
                and all(people.sides.get(p) in sides | {None} for p in mention.participants):
            fold_with_people(reading, people, mention, visit)
            kept.remove(mention)


def _states_of_the_title(reading: Reading) -> frozenset[str]:
    """The states the article's title names (``甲国总统访问乙国``): the sides of the visits it lists, even where
    the text gives no one of them a side; worked out once while the name index stays as it is."""
    remembered = reading.index.remembered
    found = remembered.get(_states_of_the_title)
    if found is None:
        title = reading.document.title or ""
        found = remembered[_states_of_the_title] = frozenset(
            spot.key for spot in reading.spotter.spots(title, to_hans(title), (), 0) if reading.index.is_state(spot.key))
    return found


def _states_placed_in(reading: Reading, summit: EntityId) -> set[str]:
    """The states a summit's venues lie in by the located-in facts so far (a row's ``{{NPL}} || [[加德满都]]``)."""
    registry, out, seen = reading.registry, set(), set()
    frontier = [v for v in registry.facts_about(summit, Prop.VENUE) if isinstance(v, EntityId)]
    while frontier:
        place = frontier.pop()
        if place.key in seen:
            continue
        seen.add(place.key)
        if place.kind is Kind.COUNTRY or reading.index.is_state(place.key):
            out.add(place.key)
        frontier.extend(held_in(registry, place))
    return out


#: An office written after a state's name (丙国总统, 某某国首相): of that state, whether or not the gazetteer knows it.
_A_STATES_OFFICE = re.compile(r"国(?:" + "|".join(sorted(OFFICE_WORDS, key=len, reverse=True)) + r")$")


def _of_a_state_named(people: People, person: str) -> bool:
    """Whether the text gives ``person`` an office written after a state's name (``丙国总统``), not a bare office
    (``总督``, ``主席``) nor a state's own name for one (``国家主席``), which leave the state to the passage."""
    return any(_A_STATES_OFFICE.search(office) for office in people.offices.get(person, ()))


def fold(registry, witness: EntityId, into: EntityId, documents: bool = True, row: bool = False) -> None:
    """One summit's second witness gives its days (the summit spans both: a visit's row and
    the talks on one of its days), its documents, and its ordinal and venue where the
    summit has none, and is forgotten. A venue the text states (``前往革命宫出席欢迎仪式…举行会谈``)
    takes the place of the town the visitor arrived at the day before, only inferred. A ``row`` (a
    table's, of the same meeting) may also say which town the summit's building is in."""
    for prop in (Prop.START_DATE, Prop.END_DATE):
        registry.move(witness, into, prop)
    if documents:
        registry.move(witness, into, Prop.OUTCOME)
    for prop in (Prop.ORDINAL, Prop.VENUE):
        if not registry.has_fact(into, prop):
            registry.move(witness, into, prop)
        elif prop is Prop.VENUE and (_held_inside(registry, witness, into) or _stated_for_the_town_arrived_at(registry, witness, into)):
            registry.drop(into, Prop.VENUE)
            registry.move(witness, into, Prop.VENUE)
        elif prop is Prop.VENUE and _seat_in_the_summit_town(registry, witness, into):
            registry.drop(into, Prop.VENUE)
            registry.move(witness, into, Prop.VENUE)
        elif prop is Prop.VENUE and row:
            _placed_in_the_witness_town(registry, witness, into)
    _roles_carried(registry, witness, into)
    registry.forget(witness)


def _stated_for_the_town_arrived_at(registry, witness: EntityId, into: EntityId) -> bool:
    """Whether the summit is placed only in the town its visitor arrived at (inferred from a welcome
    there, ``抵达某城…到机场迎接``) and the witness at a place the text states (``前往革命宫…举行会谈``)."""
    return None in registry.inferences(witness, Prop.VENUE) and registry.inferences(into, Prop.VENUE) == {Inference.BACK_REFERENCE}


def _places_of(registry, summit: EntityId) -> list[EntityId]:
    """The places a summit is held at (its venue facts that are entities, not a literal)."""
    return [v for v in registry.facts_about(summit, Prop.VENUE) if isinstance(v, EntityId)]


def _held_inside(registry, witness: EntityId, into: EntityId) -> bool:
    """Whether the witness was held at a place inside the summit's one venue (a table row's 北京,
    the prose's account of the same meeting in 人民大会堂): the finer place is the venue."""
    theirs, ours = _places_of(registry, witness), _places_of(registry, into)
    return len(theirs) == len(ours) == 1 and theirs[0] != ours[0] and located_within(registry, theirs[0], ours[0])


def _seat_in_the_summit_town(registry, witness: EntityId, into: EntityId) -> bool:
    """Whether the witness was held at a generic building the text puts nowhere (the prose's
    ``他在总统府与乙会谈``, see :data:`kg.extract.names.GENERIC_BUILDINGS`) and the summit in one town
    (a table row's ``某都`` for the same meeting): the kind of building alone names that town's one, so
    it lies in the town and is the finer venue. A building with a name of its own may lie anywhere."""
    theirs, ours = _places_of(registry, witness), _places_of(registry, into)
    if len(theirs) != 1 or len(ours) != 1 or theirs[0].key not in GENERIC_BUILDINGS \
            or any(isinstance(v, EntityId) for v in registry.facts_about(theirs[0], Prop.LOCATED_IN)):
        return False
    town = ours[0]
    if town.kind is not Kind.PLACE or registry.index.is_state(town.key) or town.key in GENERIC_BUILDINGS \
            or town.key.endswith(VENUE_ENDINGS):
        return False
    evidence = tuple(e for fact in registry.facts_of(Prop.VENUE) if fact.subject in (witness, into)
                     for e in fact.evidence)
    registry.fact(theirs[0], Prop.LOCATED_IN, town, evidence=evidence)
    return True


def _placed_in_the_witness_town(registry, witness: EntityId, into: EntityId) -> None:
    """The summit's venue, a place the text puts nowhere (the prose's ``在某体育场举行``), lies in the
    witness's one venue (the table row's ``甲国某城`` for the same meeting), a town, not another building
    (two buildings of one visit are two days' venues): the row's cell is the evidence."""
    theirs, ours = _places_of(registry, witness), _places_of(registry, into)
    if len(theirs) != 1 or len(ours) != 1 or theirs[0] == ours[0] or theirs[0].key.endswith(VENUE_ENDINGS) \
            or unplaced_top(registry, ours[0]) != ours[0] or located_within(registry, theirs[0], ours[0]):
        return
    evidence = next(fact.evidence for fact in registry.facts_of(Prop.VENUE) if fact.subject == witness)
    registry.fact(ours[0], Prop.LOCATED_IN, theirs[0], evidence=evidence)


def _roles_carried(registry, witness: EntityId, into: EntityId) -> None:
    """The offices the witness gives a participant the summit gives none (a row's ``（总理）``
    for the talks its prose tells of ``两人``)."""
    def participations(summit):
        return {agent: node for node in registry.facts_about(summit, Prop.HAS_PARTICIPATION)
                for agent in registry.facts_about(node, Prop.AGENT)}
    theirs = participations(witness)
    for agent, node in participations(into).items():
        if agent in theirs and not registry.has_fact(node, Prop.ROLE):
            registry.move(theirs[agent], node, Prop.ROLE)


def one_span_each(reading: Reading, found: list[SummitFound]) -> list[SummitFound]:
    """A summit found twice under one IRI keeps one start and one end: the widest days."""
    out = []
    for summit in found:
        starts = [d for d in reading.registry.facts_about(summit.id, Prop.START_DATE) if isinstance(d, date)]
        ends = [d for d in reading.registry.facts_about(summit.id, Prop.END_DATE) if isinstance(d, date)]
        start, end = min(starts, default=summit.start), max(ends, default=summit.end)
        reading.registry.keep_only(summit.id, Prop.START_DATE, start)
        reading.registry.keep_only(summit.id, Prop.END_DATE, end)
        out.append(replace(summit, start=start, end=end))
    return out
