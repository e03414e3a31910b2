"""The state a visit goes to, as the place of the summit told during it.

A summit held during a visit the text dates to the day (``于1997年10月26日至11月3日对美国进行的国事访问``)
lies in the visited state when its chain names none; a tour told a state a section (``== 沙特阿拉伯 ==``)
places the section's summits in that state; a visit's infobox naming one town (``| location = {{某国}}[[某都]]``)
places the summits of its days in that town. A visit that lists several states (``先后访问[[甲国]]、[[乙国]]和[[丙国]]``)
is a tour: it visits no one of them alone.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.containment import located_within, unplaced_top
from kg.extract.dates import find_dates
from kg.extract.entries import cell_chains, entries_in
from kg.extract.listed_states import is_listed_state, states_listed_from
from kg.extract.names import states
from kg.extract.narrative import ASIDE
from kg.extract.phrases import NOT_A_SHORT_STATE, TRAVELS_TO
from kg.extract.places import CLAUSE_BREAK
from kg.extract.reading import Reading
from kg.extract.roles import OFFICE_WORDS
from kg.extract.registry import Registry
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence
from kg.extract.venues import participant_keys
from kg.model import EntityId, Evidence, Kind, Prop


#: The state a leader visits: ``对中国进行（非正式、国事）访问``, ``访问俄罗斯``, ``出访法国``.
_VISIT_OF = re.compile(r"对(?P<s>[^，。；,、对]{1,12}?)(?:进行(?:了|的)?|的)[^，。；,]{0,10}?访问")


_VISIT_TO = re.compile(r"(?:访问|出访|到访|回访)(?=(?P<s>[^，。；,、]{1,12}))")


#: ``访华``, ``访美``: a visit to the state one character names (not ``访华沙``, a city's name).
_VISIT_SHORT = re.compile(r"(?<![参拜走探查寻采])访" + NOT_A_SHORT_STATE
                          + r"(?P<a>[华美俄日朝韩英法德印越苏])(?![问谈客])")  # 参访法隆寺: a site


#: Before a visit phrase: the visit is over (``结束对美国的访问后``).
_ENDED = re.compile(r"结束了?$")


#: Before a visit phrase in its clause: the visit is invited, planned, promised, wished or considered, not made
#: (邀请乙于秋季访日, 并承诺访问某国, 有意访日, 考虑访问某国).
_VISIT_PLANNED = re.compile(r"(?<!应)(?<!受)邀请|计划|拟|将于|将在|原定|准备|希望|同意|下次|下一次|今后|承诺|答应|愿意|有意|期待|打算|考虑")


#: During a visit, the leader going on to another state for the meeting (``在对乙国进行正式访问期间前往丙国，会见丙国
#:总理``, ``访问乙国期间转赴丙国``): the meeting is held in the state reached, not the one visited.
_GOES_ON_TO = re.compile(rf"期间[，,]?[^，。；,]{{0,8}}?(?:{TRAVELS_TO})(?=(?P<s>[^，。；,、]{{1,12}}))")


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

    def a_place_begins(at: int) -> bool:  # 到访[[华沙]]: the character 访X uses begins a place's name
        return any(s.start == at and not reading.index.is_state(s.surface) for s in sentence.spots)

    def ended(at: int) -> bool:  # 结束对美国的访问后，…访华: the visit before, not this one
        start = max((m.end() for m in CLAUSE_BREAK.finditer(hans, 0, at)), default=0)
        planned = _VISIT_PLANNED.search(hans, start, at)  # 邀请乙于秋季访日; not 应甲邀请访日
        return bool(_ENDED.search(hans, 0, at)) or bool(planned) and not (
            planned.group().endswith("邀请") and re.search(r"[应受]", hans[start:planned.start()]))

    for pattern in (_VISIT_OF, _VISIT_TO):
        for match in pattern.finditer(hans):
            at = match.start("s")
            first = next((s for s in sentence.spots if s.start == at), None)
            if first is not None and is_listed_state(reading, first) \
                    and not in_a_link(match.start()) and not ended(match.start()):
                out.update(reading.index.key(stop.state.surface) for stop in states_listed_from(reading, sentence, first))
    for match in _VISIT_SHORT.finditer(hans) if short else ():
        if in_a_link(match.start()) or ended(match.start()) or a_place_begins(match.start("a")):
            continue
        name = _SHORT_STATES[match["a"]]
        if reading.index.is_state(name):
            out.add(reading.index.key(name))
    if out:
        for match in _GOES_ON_TO.finditer(hans):
            reached = next((s for s in sentence.spots if s.start == match.start("s") and reading.index.is_state(s.surface)), None)
            if reached is not None:
                return {reading.index.key(reached.surface)}  # 在对乙国访问期间前往丙国: the state the meeting is in
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
        participants = participant_keys(registry, summit)
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
    (``先后访问[[甲国]]、[[乙国]]和[[丙国]]，分别同…会谈``). A state written before its office
    (``这是乙国国家元首首次访问甲国``) names a side, no other state."""
    span = sentence.evidence().span
    gone_on = _GOES_ON_TO.search(sentence.hans)  # 在对乙国访问期间前往丙国: 乙国 is the visit it left for the meeting
    after = gone_on.start("s") if gone_on is not None else 0
    others = {reading.index.key(s.surface) for s in sentence.spots if s.start >= after and reading.index.is_state(s.surface)
              and not _AN_OFFICE_OF_ITS.match(sentence.hans, s.end)} - {state_key}
    return not others and any(e.span == span for e in start.evidence)


#: Right after a state's name: an office of that state (``这是土耳其国家元首首次访问乙国``, ``老挝政府总理``,
#: ``苏联最高领导人``): the visitor's or the host's side, not another state the visit goes to.
_AN_OFFICE_OF_ITS = re.compile(r"(?:国家|政府|最高|共和国)?(?:" + "|".join(OFFICE_WORDS) + ")")


_YEAR = re.compile(r"(\d{4})年")


def _top_of(reading: Reading, venue) -> EntityId | None:
    """The biggest place a venue lies in by the facts so far, or ``None`` when a state holds it."""
    return unplaced_top(reading.registry, venue, by_gazetteer=False) if isinstance(venue, EntityId) else None


def _state_names(reading: Reading, key: str):
    for row in states():
        if reading.index.key(row[0]) == key:
            yield from row
    yield key


def venue_in_the_state_of_its_section(reading: Reading, summits) -> None:
    """A tour told a state a section (``== 沙特阿拉伯 ==`` ``…习近平在利雅得同萨勒曼举行会谈``, or the
    visit to it: ``== 访问伊朗 ==``): a summit its section's sentence tells, whose venue the text puts in
    no state, lies in the state the heading names; not a section of reactions or the like (``== 反应 ==``
    ``=== 朝鲜 ===``), nor one whose heading names more than the state (``== 访问经过 ==``)."""
    registry = reading.registry
    parents = {id(sub): section for section in reading.document.all_sections() for sub in section.subsections}
    for summit in summits:
        section = summit.anchor.section if summit.anchor is not None else None
        name = _VISIT_HEADING.sub("", to_hans(section.heading).strip()) if section is not None else ""
        if not reading.index.is_state(name):
            continue
        parent = parents.get(id(section))
        if parent is not None and ASIDE.match(to_hans(parent.heading).strip()):
            continue
        state = registry.named(Kind.COUNTRY, name)
        for venue in list(registry.facts_about(summit.id, Prop.VENUE)):
            top = _top_of(reading, venue)
            if top is not None and top.key != state.key and top.kind is Kind.PLACE:
                registry.fact(top, Prop.LOCATED_IN, state, evidence=(summit.anchor.evidence(),))


#: Before the state a section's heading names: the visit to it (``访问伊朗``, ``出访某国``).
_VISIT_HEADING = re.compile(r"^(?:国事|正式)?(?:访问|出访)")


#: An infobox of a leader's visit (``{{Infobox diplomatic visit}}``, ``{{Infobox 外交訪問}}``, ``{{Infobox visit}}``,
#: ``{{Infobox state visit}}``).
VISIT_BOX = re.compile(r"^(?:infobox\s*)?(?:(?:diplomatic |state |official )?visit|外交访问|国事访问)$")


#: Its field of the visit's days, and its field of where the visit went.
_VISIT_DAYS = ("date", "dates", "日期")


_VISIT_WHERE = ("location", "place", "地点")


#: A gathering's box field of the town it is held in (``{{Infobox summit meeting}}`` ``| cities = [[某都]]``), and of
#: the state that hosts it (``| host_country = {{SAU}}``).
_GATHERING_TOWNS = ("cities", "city", "城市")
_HOST_STATE = ("host_country", "东道国", "主办国")


def _host_state(reading: Reading, box) -> list[tuple[str, str | None]]:
    """The one state a gathering's box names as its host (``| host_country = {{SAU}}``), as the top of a chain."""
    param = next((p for p in box.params if to_hans(p.name.strip().lower()) in _HOST_STATE and (p.raw or p.value).strip()), None)
    if param is None:
        return []
    entries = entries_in(reading, param.span)
    states = [name for chain in cell_chains(reading, entries, country=True) for name, _ in chain
              if reading.index.is_state(name)] if len(entries) == 1 else []
    return [(states[0], None)] if len(set(states)) == 1 else []


#: A gathering's box field naming the leader whose meetings the article tells.
_BOX_LEADERS = ("participants", "参与者", "与会者", "出席者", "leaders")


#: A list's end that leaves other stops unnamed (``[[某都]]等地``): the town is one stop of several.
_OTHER_STOPS = re.compile(r"等地|等城市|等处")


def days_of_the_visit_box(reading: Reading) -> tuple[date, date] | None:
    """The days the article's one visit box gives (``| date = 2036年10月18日``), if it has one box that gives them."""
    boxes = [box for box in reading.document.templates
             if box.nested_in is None and VISIT_BOX.match(to_hans(box.key).strip().lower())]
    days = [d for d in find_dates(_box_field(boxes[0], _VISIT_DAYS)) if d.year_given] if len(boxes) == 1 else []
    return (days[0].start, days[0].end) if days else None


def venue_of_the_visit_box(reading: Reading, summits, gatherings=()) -> None:
    """A visit's infobox that names one town (``| location = {{MNG}}[[某都]]``, ``| place = [[某都]]``;
    not ``[[甲城]]、[[乙城]]`` or ``[[某都]]等地``, stops of which the talks' one is unknown) places the
    summits of its days that the text places only in a state, or nowhere: they were held in that
    town, which lies in the state the box writes before it, else in the summit's state. So does the
    box of a gathering or an event (``gatherings``: ``{{Infobox event}}`` ``| location = {{JPN}}[[某城]]``; a summit
    meeting's ``| cities = [[某城]]``, in the state its ``| host_country = {{SAU}}`` names):
    the meetings told on its days with no place of their own were held on its sidelines, in its town; those of
    the leader its participants field links, where it links one (``[[张三]]及各国领导人``)."""
    registry = reading.registry
    for box in reading.document.templates:
        if box.nested_in is not None or not (VISIT_BOX.match(to_hans(box.key).strip().lower()) or box in gatherings):
            continue
        days = [d for d in find_dates(_box_field(box, _VISIT_DAYS)) if d.year_given]
        fields = _VISIT_WHERE + (_GATHERING_TOWNS if box in gatherings else ())
        where = next((p for p in box.params if to_hans(p.name.strip().lower()) in fields and p.value.strip()), None)
        if not days or where is None or _OTHER_STOPS.search(to_hans(where.raw or where.value)):
            continue
        entries = entries_in(reading, where.span)
        if len(entries) != 1:
            continue  # several stops: which one held the talks is unknown
        chain = cell_chains(reading, entries)[0]
        start, end = days[0].start, max(d.end for d in days[:2])
        held = [s.id for s in summits if start <= s.start and s.end <= end and _placed_at_most_in_its_state(registry, s.id)]
        if box in gatherings:  # a box naming its leader (| participants = [[张三]]及各国领导人): his meetings only
            leaders = {reading.index.key(target) for param in box.params if to_hans(param.name.strip().lower())
                       in _BOX_LEADERS for entry in entries_in(reading, param.span) for _, target in entry.links}
            held = [s for s in held if not leaders or participant_keys(registry, s) & leaders]
        if not chain or reading.index.is_state(chain[-1][0]) or not held:
            continue
        if box in gatherings and not any(reading.index.is_state(name) for name, _ in chain):
            chain = _host_state(reading, box) + chain  # | host_country = {{SAU}} | cities = [[某都]]: the town in that state
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
