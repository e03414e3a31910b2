"""Who met in a meeting table's row: the people of a cell of a column of people (links, an
office in brackets after a name, a name written after its office), never a cell that counts
delegations or a name standing for another (``张三代表甲国``); the pair a caption names
(``|+ 张三与李四的会晤``); a table of one side's hosts and the one visitor it is about; an office
the prose gives a leader the row names bare, or the capacity a sentence says they acted in.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.dates import find_dates
from kg.extract.entities import PLACE_ENDINGS
from kg.extract.entries import Entry, people_of
from kg.extract.names import NameIndex
from kg.extract.meeting_clauses import ACCEPTED
from kg.extract.people import People, below_the_top_then, main_office, titles_in
from kg.extract.reading import Reading
from kg.extract.roles import OFFICE_WORDS
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence
from kg.extract.table_rows import LEADERS_WORD, MET_THE_VISITOR, SIDE_COLUMN, cell_text
from kg.model import Evidence, Inference, Kind, Prop
from kg.wikitext import Table


def caption_pair(reading: Reading, table: Table) -> tuple[tuple[str, Evidence], ...]:
    """The two people a table's caption names (``|+ 张三与李四的会晤``): the ones who met in
    each of its rows, when no column names them. Each as (surface, evidence)."""
    if not table.caption:
        return ()
    caption = table.caption.strip()
    found = _people_in(reading, caption)
    if len(found) == 1:
        found.update(_met_in_the_caption(reading, caption, found))
    if len(found) != 2:
        return ()
    evidence = Evidence(table.span, caption, None)
    return tuple((surface, evidence) for surface in found.values())


#: A caption of one pair's meetings: ``张三与李四历次会晤``, ``张三和李四的会面``, ``张三同李四会谈列表``.
_PAIRS_MEETINGS = re.compile(r"^(?P<a>[^与和同及、，,]{2,20}?)(?:与|和|同)(?P<b>[^与和同及、，,]{2,20}?)的?"
                             r"(?:历次|历届|多次|的)?(?:会晤|会面|会谈|会见|峰会)(?:列表|一览|记录)?$")


#: The endings of bodies that meet as a side (某联盟, 某组织, 某委员会): no person.
_BODIES = ("组织", "联盟", "集团", "委员会", "政府", "共同体", "理事会", "议会", "论坛")


def _met_in_the_caption(reading: Reading, caption: str, known: dict[str, str]) -> dict[str, str]:
    """The other of a pair whose meetings a caption lists (``|+ 张三与李四历次会晤``), named
    by a link of the article the text types as nothing yet (a pope, a title no office word
    reads), when the caption's other name is a person: only a person meets a person."""
    hans = to_hans(caption)
    match = _PAIRS_MEETINGS.match(hans)
    if match is None:
        return {}
    registry, index = reading.registry, reading.index
    sides = [match["a"], match["b"]]
    spots = {spot.hans: spot for spot in reading.spotter.spots(caption, hans, (), 0)}
    other = [side for side in sides if index.key(side) not in known]
    if len(other) != 1 or other[0] not in spots or len(known) != 1 \
            or next(iter(known.values())) not in {spots[s].surface for s in sides if s in spots}:
        return {}
    spot = spots[other[0]]
    if registry.kind_of(spot.surface) is not None or index.is_state(spot.surface) \
            or spot.hans.endswith(PLACE_ENDINGS + _BODIES):  # 张三与某宫会谈, 张三与某联盟峰会: no person
        return {}
    registry.named(Kind.PERSON, spot.surface)
    return {spot.key: spot.surface}


#: A people cell that counts governments or delegations lists their representatives.
DELEGATIONS = re.compile(r"(?:[0-9一二三四五六七八九十几数多]+个|各国|各)[^、，,]{0,8}?(?:政府|代表|代表团|自治领)")
#: Right after a name: the person stood for someone else (``张三代表甲国``, ``张三（代表甲国）``).
REPRESENTS = re.compile(r"^[（(]?(?:作为|以)?[^，、（(]{0,6}?代表")


#: An office in brackets right after a name: ``[[张三]]（甲国总统）``; of several
#: (``张三（甲党总书记、国家主席）``), the first, which the article puts first.
OFFICE_IN_BRACKETS = re.compile(r"^\s*[（(](?:时任)?(?P<office>[^（）()、，,]{2,20})(?:[、，,][^（）()]*)?[）)]")


ABSENT = re.compile(r"未出席|未参加|缺席|未与会|未能出席|因故未")


def people_of_the_cell(reading: Reading, entry: Entry) -> list[tuple[str, str | None]]:
    """The people of an entry of a column of people, as :func:`people_of` reads them, and
    two more: a name the prose took for a place (``前往某人的住所``) that the cell gives an
    office in brackets (``[[张三]]（总理）``) is a person, and a name written without a link
    that the article knows as a person's (``乔治·W·布什``, whose initial no name pattern
    reads, or each of ``张三与李四``) is that person."""
    registry = reading.registry
    names = [target for _, target in entry.links] or [re.sub(r"[（(].*?[）)]", "", entry.text).strip()]
    for name in names:
        bracket = OFFICE_IN_BRACKETS.match(text_after_name(entry, name)) if entry.links else OFFICE_IN_BRACKETS.search(entry.text)
        if registry.is_a(name, Kind.PLACE) and not reading.index.is_state(name) \
                and bracket and to_hans(bracket["office"]).endswith(OFFICE_WORDS):
            registry.named(Kind.PERSON, name)
    found = people_of(reading, entry)
    found += [person for person in _named_after_an_office(reading, entry) if person[0] not in {f[0] for f in found}]
    if not found and not entry.links:
        parts = [part.strip() for part in re.split(r"[与和及/／]", names[0])]  # 张三与李四, known names
        if all(part and registry.is_a(part, Kind.PERSON) for part in parts):
            found = [(part, None) for part in parts]
    return found


#: A name written without a link right after a linked office, up to the next name or the cell's end.
_NAME_AFTER_AN_OFFICE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·‧・][\u4e00-\u9fff·‧・]{1,12})"
                                   r"\s*(?:$|[、，,；;/／与和及]|<br)")


def _named_after_an_office(reading: Reading, entry: Entry) -> list[tuple[str, str]]:
    """A cell that links the office and writes the name plainly after it
    (``[[甲国总统|总统]]张三``): that person, holding that office."""
    out = []
    for shown, target in entry.links:
        if not (to_hans(target).endswith(OFFICE_WORDS) or reading.registry.is_a(target, Kind.POSITION)):
            continue
        match = _NAME_AFTER_AN_OFFICE.match(text_after_name(entry, target))
        if match is None:
            continue
        name = match["name"]
        if not name.endswith(OFFICE_WORDS) and not reading.index.is_state(name) \
                and reading.registry.kind_of(name) in (None, Kind.PERSON):
            out.append((name, target))
    return out


def text_after_name(entry: Entry, name: str) -> str:
    """The plain text of an entry right after the name (its link's shown text, or itself)."""
    shown = next((to_hans(s) for s, target in entry.links if target == name), to_hans(name))
    at = entry.text.find(shown)
    return entry.text[at + len(shown):] if at >= 0 else ""


#: The leaders the visitor met, named by that meeting alone (``会见的领导人``, ``所会晤的元首``): his hosts.
_MET_LEADERS = re.compile(r"^(?:所|曾)?(?:会见|会谈|会晤|接见)的(?:领导人|元首|首脑)$")
#: A header shared by two kinds of content (``会晤领导人 / 备注``, ``会晤元首／政府首长``): each part names one.
_SHARED_HEADER = re.compile(r"[/／]")


def one_side_only(reading: Reading, table: Table, roles: dict[int, str]) -> bool:
    """Whether the table's only column of people is one side's (``中方领导人``, ``美方``,
    ``俄罗斯``, ``会见的领导人``): the other side is then the one the table or the article is about. A header that
    shares its column with notes (``会晤领导人 / 备注``) is one side's when one of its parts is."""
    header = table.header()
    columns, column = [], 0
    for cell in header:
        if roles.get(column) == "people":
            columns.append(to_hans(cell_text(reading, cell)).strip())
        column += cell.colspan
    if len(columns) != 1:
        return False
    parts = [part.strip() for part in _SHARED_HEADER.split(columns[0])]
    return any(_MET_LEADERS.match(part) or SIDE_COLUMN.match(bare := MET_THE_VISITOR.sub("", part))
               or reading.index.is_state(LEADERS_WORD.sub("", bare)) for part in parts)


def table_visitor(reading: Reading, table: Table) -> tuple[str, Evidence, bool] | None:
    """The one leader a table of one side's hosts is about: the only person its caption
    names (``|+ 张三历次访问乙国``), else the only one the article's first sentence names but for those who
    invited him (``张三应乙国总理李四邀请…``).
    As (surface, evidence, whether only inferred from the lead)."""
    if table.caption:
        caption = table.caption.strip()
        named = _people_in(reading, caption)
        if len(named) == 1:
            return next(iter(named.values())), Evidence(table.span, caption, None), False
        if named:
            return None
    if (introduced := _introduced_by(reading, table)) is not None:
        return introduced
    for sentence in reading.lead[:1]:
        inviting = [found.span() for found in ACCEPTED.finditer(sentence.hans)]
        named = {spot.key: spot.surface for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON)
                 and not any(start <= spot.start < end for start, end in inviting)}
        if len(named) == 1:
            return next(iter(named.values())), sentence.evidence(), True
    return None


#: The end of a sentence that introduces what follows it (``…分别举行会谈：``).
_INTRODUCES = re.compile(r"[：:]\s*$")
#: A meeting's word in the introducing sentence (``以下为张三会见的各国领导人：``).
_MEETS = re.compile(r"会见|会谈|会晤|会面|接见|举行[^，。；]{0,6}会")


def sentence_introducing(reading: Reading, table: Table) -> Sentence | None:
    """The sentence right before a table that ends with a colon and tells the meetings it lists
    (``5月7日，张三在某宫同来访的各国领导人分别举行会谈：``), if there is one."""
    before = [s for s in reading.all_sentences()
              if table.span.start - 400 < s.evidence().span.end <= table.span.start]
    last = max(before, key=lambda s: s.evidence().span.end, default=None)
    return last if last is not None and _INTRODUCES.search(last.hans) and _MEETS.search(last.hans) else None


def _introduced_by(reading: Reading, table: Table) -> tuple[str, Evidence, bool] | None:
    """The one leader the sentence right before a table of one side names, when it ends with a colon and
    says they met the people listed (``以下为甲国总理张三在某城会见的各国领导人：``, ``5月7日，张三同来访的
    各国领导人分别举行会谈：``): the other of each row. Not a sentence naming two people or none, nor one that
    tells no meeting (``下表列出张三的访问：`` leaves it to the article's first sentence)."""
    last = sentence_introducing(reading, table)
    if last is None:
        return None
    named = {spot.key: spot.surface for spot in last.spots if reading.registry.is_a(spot.surface, Kind.PERSON)}
    return (next(iter(named.values())), last.evidence(), False) if len(named) == 1 else None


def _people_in(reading: Reading, text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for spot in reading.spotter.spots(text, to_hans(text), (), 0):
        if reading.registry.is_a(spot.surface, Kind.PERSON):
            found.setdefault(spot.key, spot.surface)
    return found


#: Offices not carried to another day: a description (甲国领导人, 最高领导人) is no office, and
#: a president-elect (当选总统, 候任首相) holds the office only later.
_ONLY_THEN = re.compile(r"(领导人|元首)$|当选|候任|准")


def role_from_prose(reading: Reading, people: People, participation, person, day) -> None:
    """A row names a leader bare: the offices the prose gives them in a sentence dated that
    day (``时任甲国劳动党委员长张三于2019年1月7日至10日…``, ``以甲国劳动党总书记身份``); else
    the office it gives them last before that day (``2014年10月17日，…乙国总统李四`` for a row of
    2015), as they still held it, but not the capacity they came in that day (``以某会议议长身份
    访美``); else the article's office for them nearest that day in time (a source of the row's
    year calling them 总理, not an undated 总统 of years before). The last two are marked as
    inferred, and never a description or an office only of its own day (当选总统)."""
    registry = reading.registry
    before: tuple[date, list[str], object] | None = None  # the latest dated offices before the day
    for sentence in reading.all_sentences():
        if not any(spot.key == person.key for spot in sentence.spots):
            continue
        days = [d.start for d in find_dates(sentence.hans) if d.year_given]
        if not days:
            continue
        offices = [o for o in titles_in(sentence, reading, person.key) if registry.is_a(o, Kind.POSITION)]
        offices += [o for o in _capacities(reading, people, sentence, person.key) if o not in offices]
        if day in days:
            for office in offices:
                registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office),
                              evidence=(sentence.evidence(),))
            if offices:
                return
        earlier = [d for d in days if d < day]
        lasting = [o for o in offices if not _ONLY_THEN.search(to_hans(o)) and not _in_capacity(sentence.text, o, reading.index)
                   and not (earlier and below_the_top_then(people, person.key, o, day.year))]
        if earlier and lasting and (before is None or max(earlier) > before[0]):
            before = (max(earlier), lasting, sentence)
    if before is not None and not _given_another_since(people, person.key, before[1], before[0], day):
        for office in before[1]:
            registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office),
                          inference=Inference.EARLIER_ROLE, evidence=(before[2].evidence(),))
        return
    office = main_office(people, person.key, day)
    if office is None or _ONLY_THEN.search(to_hans(office)):
        return
    evidence = people.office_evidence[(person.key, office)]
    if _in_capacity(evidence.text, office, reading.index):
        return  # 张三以总理身份访问乙国: the office of that one visit, not of every row
    told = [d.start for d in find_dates(to_hans(evidence.text)) if d.year_given]
    if told and min(told) > day:
        return  # 2024年，甲国总理张三表示…: an office held later says nothing of a meeting before
    registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office),
                  inference=Inference.EARLIER_ROLE, evidence=(evidence,))


def _given_another_since(people: People, key: str, offices: list[str], since: date, day: date) -> bool:
    """Whether the text gives the person another office in a year after ``since`` and not after
    ``day`` (``2012年，时任甲国总理张三…``, then ``乙国总统张三`` in 2016 or ``2014年张三重任总统``, for
    a row of 2019): the office given last before the day is no longer the one he held; the office
    nearest the day in time is. A bare office word counts only taken up (``重任总统``): written
    for several at once (``甲乙两国总统``), it may be read onto the wrong name."""
    return any(other not in offices and not any(other.endswith(o) or o.endswith(other) for o in offices)
               and (other not in OFFICE_WORDS or (key, other) in people.taken_up)
               and any(since.year < year <= day.year for year in people.office_years.get((key, other), ()))
               for other in people.offices.get(key, ()))


#: In the capacity of an office, or of several listed (``以朝鲜劳动党总书记身份访华``, ``以甲党总书记、甲国主席的身份``).
_CAPACITY = re.compile(r"以(?P<office>[\u4e00-\u9fff]{2,16}?(?:、[\u4e00-\u9fff]{2,16}?){0,2})(?:的)?身份")


def _in_capacity(text: str, office: str, index: NameIndex) -> bool:
    """Whether a sentence gives the office as the capacity someone acted in on one occasion
    (``张三以甲国总理身份访问乙国``), as written or by the name the article links it under: what he
    held then, not what the article calls him."""
    office = to_hans(office)
    return any(office == part or office == index.key(part)
               for match in _CAPACITY.finditer(to_hans(text)) for part in match["office"].split("、"))


def _capacities(reading: Reading, people: People, sentence, key: str) -> list[str]:
    """The offices a sentence naming the person says someone acted as (``以甲国劳动党总书记
    身份``): the person's where the office's state is theirs and no one else's of that state is
    named, or the only one named whose state the article does not give."""
    out = []
    named = dict.fromkeys(spot.key for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON))
    for match in _CAPACITY.finditer(sentence.hans):
        at = match.start("office")
        for office in match["office"].split("、"):
            start, at = at, at + len(office) + 1
            state = next((reading.index.key(office[:n]) for n in range(len(office) - 1, 1, -1)
                          if reading.index.is_state(office[:n])), None)
            if state is None or not office.endswith(OFFICE_WORDS):
                continue
            holders = [k for k in named if people.sides.get(k) == state] \
                or [k for k in named if people.sides.get(k) is None]
            if holders == [key]:
                out.append(sentence.text[start:start + len(office)])
    return out


def is_linked(entry: Entry, name: str) -> bool:
    return any(target == name for _, target in entry.links)
