"""A summit infobox as one strong witness of one summit.

Read: ``{{Infobox summit meeting}}``, ``{{Infobox event}}``, ``{{Infobox 事件}}``,
``{{Infobox meeting}}``, ``{{Infobox conference}}`` and their Chinese names, with their
real parameter names (date/dates/日期, venue/venues/location/地点, cities, host_country,
participants/参与者, organisers/主持人, outcome/成果, follows, precedes). Dates may be date templates
(the document model renders them). Places are written big to small in one entry
(``[[埃及]][[开罗]][[米娜宫酒店]]``: the hotel in Cairo in Egypt); entries are separated by
``<br>`` or ``、``. Participants are the persons of the participant entries: an office
linked before a name is that person's role, a flag template their side; a spouse the
article names as such, delegation lists (代表团成员 and the lines after it) and officials below
the top (国务卿, 顾问) are not participants.
Talks whose participants are envoys or ministers (特别代表, 外长 ...), calls (视频,
电话, in its name or as its venue: ``| venue = 视频方式``) and a meeting the box dates by its plan
(``| date = 原定{{Start date|…}}``) are not summits: the infobox then gives none, and says why as an issue.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.dates import find_dates
from kg.extract.document_names import DOCUMENT_WORDS, cell_documents, named_here
from kg.extract.entries import Entry, cell_chains, entries_in, entry_places, people_of
from kg.extract.ordinals import ordinal_of_the_subject
from kg.extract.people import People, first_office_held, office_named, office_taken_up, written_titles
from kg.extract.containment import lies_in
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans, to_hant
from kg.extract.participants import participation as add_participation
from kg.extract.phrases import NOT_TOP
from kg.extract.registry import digest
from kg.extract.joining import SummitFound
from kg.extract.meeting_clauses import not_held
from kg.extract.visited_states import VISIT_BOX
from kg.model import Article, EntityId, Evidence, Kind, Label, Prop
from kg.wikitext import Param, Template

_NAME = re.compile(r"^(infobox\s*)?(summit( meeting)?|event|meeting|conference|事件|会议|峰会|首脑会议|首脑会晤|会晤|高峰会)"
                   r"(\s*信息框|\s*资讯框)?$|^(峰会|会议|首脑会议|会晤|事件)(信息框|资讯框)$")
_FIELDS = {
    "date": ("date", "dates", "日期", "时间", "date(s)", "举行日期"),
    "venue": ("venue", "venues", "会场", "場地", "场地", "地点"),
    "location": ("location", "place", "位置", "地址"),
    "cities": ("cities", "city", "城市", "举办城市"),
    "country": ("host_country", "country", "国家", "主办国"),
    "participants": ("participants", "参与者", "与会者", "出席者", "leaders", "参加者", "出席", "host",
                     "hosts", "领导人"),
    # Infobox event's 主持人: on a summit's box, the leaders themselves (the delegations go under 参与者)
    "organisers": ("organisers", "organizers", "organiser", "organizer", "主持人", "主办者", "主办方"),
    "outcome": ("outcome", "outcomes", "result", "results", "成果", "结果", "文件"),
    "follows": ("follows", "previous", "前一届", "上届", "前任", "前次"),
    "precedes": ("precedes", "next", "下一届", "下届", "继任", "下次"),
}
DELEGATION = re.compile(r"代表团|随行人员|随员|成员")
NOT_LEADERS = re.compile(r"特别代表|特使|外长|外交部长|部长|国务卿|大使|代表团|顾问|秘书长|高级代表")
CALLS = re.compile(r"视频|电话|通话|视讯|线上|云端")
#: The lead's first sentence saying the meeting the article is about was held by video (…于某日以视频方式举行).
_HELD_BY_VIDEO = re.compile(r"(?:以|通过)(?:视频|视讯|视像|线上|网络)[^，。；]{0,6}?(?:方式|形式|连线)?举行")
SPOUSE_BEFORE = re.compile(r"(夫人|妻子|第一夫人|丈夫|配偶)$")


#: A box's date written as a plan's (``| date = 原定{{Start date|…}}``): the days it was to be held on.
_PLANNED_DATE = re.compile(r"^\s*(?:原定|原计划|原订|原拟|计划|拟)")


#: A box's name or title saying its meeting was never held (…访美取消事件).
_CALLED_OFF = re.compile(r"取消|告吹|流产|未能举行|未举行|未成行|搁置")
#: A box of a leader's bilateral meetings on a gathering's sidelines (双边会见, 双边会晤): each pair met on its own.
_BILATERALS = re.compile(r"双边(?:会见|会晤|会谈|会面)")


def summit_infoboxes(reading: Reading) -> tuple[Template, ...]:
    return tuple(t for t in reading.document.templates if t.nested_in is None and _NAME.match(to_hans(t.key)))


def boxed_place_names(reading: Reading) -> frozenset[str]:
    """The keys of the places a summit's or a visit's box's place fields link, each alone in its entry
    (``| location = {{某国}}[[某都]]，某宫``: 某都): places, whatever the prose writes right after them
    (``[[某都]]政府``, the seat standing for a government; ``两国总理某都会谈``). Not a link with more
    words in its entry (``[[张三]]官邸``): the name may be a person's."""
    out: set[str] = set()
    visits = (t for t in reading.document.templates if t.nested_in is None and VISIT_BOX.match(to_hans(t.key)))
    for template in (*summit_infoboxes(reading), *visits):
        for field in ("venue", "location", "cities"):
            for entry in _entries(reading, template, field):
                if len(entry.links) == 1 and to_hans(entry.links[0][0]) == entry.text.strip():
                    out.add(reading.index.key(entry.links[0][1]))
    return frozenset(out)


def days_of_the_box(reading: Reading) -> tuple[date, date] | None:
    """The days the article's first summit infobox gives, whatever it names (a gathering's box names no
    two leaders, and no summit is made of it): the days a meeting on its sidelines is dated by."""
    boxes = summit_infoboxes(reading)
    return _date(_param(boxes[0], "date")) if boxes else None


def infobox_summit(reading: Reading, people: People, template: Template) -> SummitFound | None:
    registry = reading.registry
    where = template.span.start
    when = _date(_param(template, "date"))
    if when is None:
        reading.note(f"{{{{{template.name}}}}} gives no day-precise date; no summit made from it", where)
        return None
    if _PLANNED_DATE.match(to_hans(_param(template, "date").value)):
        reading.note(f"{{{{{template.name}}}}} gives the days its meeting was planned for; no summit made", where)
        return None
    context = to_hans(" ".join(filter(None, (reading.document.title, _param_text(template, "name"),
                                              _param_text(template, "title"), _param_text(template, "type")))))
    held_at = _param(template, "venue")
    if CALLS.search(context) or (held_at is not None and CALLS.search(to_hans(held_at.value))) \
            or (reading.lead and _HELD_BY_VIDEO.search(reading.lead[0].hans)):  # | venue = 视频方式; …于某日以视频方式举行
        reading.note(f"{{{{{template.name}}}}} is about a call, not a meeting in person; no summit made", where)
        return None
    if NOT_LEADERS.search(context) and not _a_delegation_of_leaders(reading, template, context):
        reading.note(f"{{{{{template.name}}}}} is about envoys or ministers, not top leaders; no summit made", where)
        return None
    if _CALLED_OFF.search(context) or not_held(to_hans(_param_text(template, "outcome") or "")):
        reading.note(f"{{{{{template.name}}}}} is about a meeting called off, not held; no summit made", where)
        return None
    stops = states_toured(reading, template)
    if len(stops) > 1 and when[1] > when[0]:  # stops on one day: the box's day is the summit's, as its account tells
        reading.note(f"{{{{{template.name}}}}} is of a tour of {len(stops)} states ({'、'.join(stops)}); each stop "
                     "is a summit of its own, found in the text; no summit made from the box", where)
        return None
    entries, officials = _leader_entries(reading, template)
    hosted = len({key for entry in _entries(reading, template, "organisers") for key in _persons_of(reading, entry)})
    if officials and hosted < 2:
        reading.note(f"{{{{{template.name}}}}} names envoys or ministers, not top leaders; no summit made", where)
        return None
    spouses = _spouses(reading)
    entry_links = [link for entry in entries for link in entry.links]
    persons: list[tuple[str, str, str | None, str | None]] = []  # (shown, target, office, side)
    for entry in entries:
        for target, office in people_of(reading, entry):
            if reading.index.key(target) not in spouses:
                persons.append((target, target, office, entry.flags[0] if entry.flags else None))
    below = {reading.index.key(t) for _, t, office, _ in persons
             if _below_the_top(reading, people, reading.index.key(t), office, when[0])}
    if below and len({reading.index.key(t) for _, t, _, _ in persons} - below) < 2:
        reading.note(f"{{{{{template.name}}}}} names {', '.join(sorted(below))}, whose offices the article gives "
                     "as below the top; no summit made", where)
        return None
    # the box lists a deputy, whom the article titles only below the top (甲国副总统王五, 甲国副总理兼外长王五, in the
    # room as the two leaders met): the two leaders it lists are the summit's participants, he is none
    deputies = {key for _, t, office, _ in persons if (key := reading.index.key(t)) in below
                and any(_DEPUTY in to_hans(o) for o in offices_of(reading, people, key, office))}
    persons = [person for person in persons if reading.index.key(person[1]) not in deputies]
    if len({reading.index.key(t) for _, t, _, _ in persons}) < 2:
        reading.note(f"{{{{{template.name}}}}} names fewer than two participants; no summit made", where)
        return None
    if _BILATERALS.search(context) and len({reading.index.key(t) for _, t, _, _ in persons}) > 2:
        reading.note(f"{{{{{template.name}}}}} is of bilateral meetings of {len(persons)} leaders; each pair met on its own, "
                     "found in the text; no summit made from the box", where)
        return None
    ids = [registry.named(Kind.PERSON, target, article=target if any(t == target for _, t in entry_links) else None)
           for _, target, _, _ in persons]
    keys = tuple(sorted({p.key for p in ids}))
    summit, evidence = box_summit(reading, template, when, keys)
    for person, (_, _, office, flag) in zip(ids, persons):
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=(evidence,))
        participation = add_participation(registry, summit, person, people.sides.get(person.key) or flag)
        offices = (office,) if office else first_office_held(people, person.key)
        for name in offices:
            registry.fact(participation, Prop.ROLE, office_named(registry, name), evidence=(evidence,))
    venue = _places(reading, template, evidence)
    if venue is not None:
        registry.fact(summit, Prop.VENUE, venue, evidence=(evidence,))
    for name, article in outcome_documents(reading, template):
        document = registry.named(Kind.DOCUMENT, name, article=article)
        registry.fact(summit, Prop.OUTCOME, document, evidence=(evidence,))
    numbered = ordinal_of_the_subject(reading, *when)  # the infobox has no ordinal of its own
    if numbered:
        registry.fact(summit, Prop.ORDINAL, numbered[0], evidence=(numbered[1].evidence(),))
    for field, prop in (("follows", Prop.FOLLOWS), ("precedes", Prop.PRECEDES)):
        for entry in _entries(reading, template, field):
            for _, target in entry.links[:1]:
                registry.fact(summit, prop, Article(target), evidence=(evidence,))
    return SummitFound(summit, None, when[0], when[1], None, keys)


def box_summit(reading: Reading, template: Template, when: tuple[date, date], keys: tuple[str, ...]):
    """A summit a box makes, of its days and named for the article, with the box as evidence."""
    registry = reading.registry
    summit = registry.unnamed(Kind.SUMMIT, f"{when[0].isoformat()}-{digest(keys)}")
    evidence = Evidence(template.span, f"{{{{{template.name}}}}}", None)
    registry.evidence(summit, evidence)
    title = reading.document.title
    registry.label(summit, Label(to_hans(title), "zh-Hans"), preferred=True)
    registry.label(summit, Label(to_hant(title), "zh-Hant"), preferred=True)
    registry.fact(summit, Prop.START_DATE, when[0], evidence=(evidence,))
    registry.fact(summit, Prop.END_DATE, when[1], evidence=(evidence,))
    return summit, evidence


# ------------------------------------------------------------------ fields


def _param(template: Template, field: str) -> Param | None:
    for name in _FIELDS[field]:
        for param in template.params:
            if to_hans(param.name.strip().lower()) == name and (param.value.strip() or param.raw.strip()):
                return param
    return None


def _param_text(template: Template, name: str) -> str:
    return next((p.value for p in template.params if p.name.strip().lower() == name), "")


def _date(param: Param | None) -> tuple[date, date] | None:
    if param is None:
        return None
    found = [d for d in find_dates(param.value) if d.year_given]
    if not found:
        return None
    return found[0].start, max(d.end for d in found[:2])


def _entries(reading: Reading, template: Template, field: str) -> list[Entry]:
    param = _param(template, field)
    return entries_in(reading, param.span) if param is not None else []


def states_toured(reading: Reading, template: Template) -> list[str]:
    """The states a box's places lie in when it lists one stop a line, each with its flag
    (``{{flagicon|KSA}} [[利雅得]]<br />{{flagicon|EGY}} [[开罗]]``) or its state linked
    (``[[甲国]]、[[乙国]]``, ``[[甲国]][[甲都]]、[[乙国]][[乙都]]``), or names several host
    states: a tour of them, not one meeting."""
    for field in ("venue", "location", "cities"):
        flags = list(dict.fromkeys(entry.flags[0] for entry in _entries(reading, template, field) if entry.flags))
        if len(flags) > 1:
            return flags
        named = list(dict.fromkeys(next(iter(states)) for entry in _entries(reading, template, field)
                                   if len(states := {name for _, name in entry.links if reading.index.is_state(name)}) == 1))
        if len(named) > 1:  # [[甲国]]、[[乙国]]; [[甲国]][[甲都]]、[[乙国]][[乙都]]: a state an entry, no flags
            return named
    return list(dict.fromkeys(name for entry in _entries(reading, template, "country")
                              for _, name in entry.links if reading.index.is_state(name)))


def _a_delegation_of_leaders(reading: Reading, template: Template, context: str) -> bool:
    """Whether a box whose title or type speaks of a delegation (``| type = 党政代表团正式访问``, ``政府代表团访问``) is of
    the leaders who headed it: its participants name two people or more, none of them an official below the top
    (``| participants = 甲、乙<br />丙``); not one of envoys (``外交部长``, ``顾问``) or of delegations (``甲方代表团：``)."""
    if NOT_LEADERS.search(context.replace("代表团", "")):  # the delegation the box names aside
        return False
    leaders, officials = _leader_entries(reading, template)
    return not officials and len({key for entry in leaders for key in _persons_of(reading, entry)}) >= 2


def _leader_entries(reading: Reading, template: Template) -> tuple[list[Entry], list[Entry]]:
    """The entries that name leaders, from the leaders' fields (主持人, participants), and the
    entries that name officials: an office below the top (国务卿, 顾问) or a delegation's list
    (``美国代表团成员：`` and the entries after it)."""
    by_field: dict[str, tuple[list[Entry], list[Entry]]] = {}
    for field in ("organisers", "participants"):
        leaders: list[Entry] = []
        officials: list[Entry] = []
        delegation = False
        for entry in _entries(reading, template, field):
            if DELEGATION.search(entry.text) and not entry.links:
                delegation = True  # a heading line: what follows is the delegation
                continue
            (officials if delegation or NOT_LEADERS.search(entry.text) else leaders).append(entry)
        by_field[field] = (leaders, officials)
    hosts, _ = by_field["organisers"]
    leaders, officials = by_field["participants"]
    if len({key for entry in hosts for key in _persons_of(reading, entry)}) >= 2:
        return hosts + ([] if officials else leaders), officials  # the principals are the hosts
    # one field of both leaders and officials (汪洋、杨洁篪（特别代表）): the officials' talks
    return hosts + leaders, officials


def offices_of(reading: Reading, people: People, key: str, office: str | None) -> list[str]:
    """The box's office for a person, else every title the article writes before their name
    (bare ones too: 国务委员兼外长秦刚)."""
    return [office] if office else list(people.offices.get(key, ())) + list(written_titles(reading, key))


#: The word of a deputy's office (副总统, 副总理, 第一副主席).
_DEPUTY = "副"


def _below_the_top(reading: Reading, people: People, key: str, office: str | None, when: date) -> bool:
    """Whether a person's offices (:func:`offices_of`) are all below a side's top (国务卿, 外长) on the
    box's first day: an office the text only gives him as its incoming holder in earlier years
    (2031年，甲会见当选总统李四 and a box of 2032) is the office itself by then (:func:`office_taken_up`)."""
    offices = [office_taken_up(people, key, o, when) for o in offices_of(reading, people, key, office)]
    return bool(offices) and all(NOT_TOP.search(to_hans(o)) for o in offices)


def _persons_of(reading: Reading, entry: Entry) -> set[str]:
    return {reading.index.key(target) for target, _ in people_of(reading, entry)}


def _spouses(reading: Reading) -> set[str]:
    """People the article calls someone's spouse (``偕夫人彭丽媛``)."""
    out = set()
    for sentence in reading.all_sentences():
        for spot in sentence.spots:
            if SPOUSE_BEFORE.search(sentence.hans[max(0, spot.start - 4):spot.start]):
                out.add(spot.key)
    return out


def _places(reading: Reading, template: Template, evidence: Evidence):
    """The venue chain, small to big: first venue entry, the city entry that holds it (else the
    first), host country."""
    registry = reading.registry
    chain: list = []  # small to big
    for field in ("venue", "location", "cities", "country"):
        entries = _entries(reading, template, field)
        if not entries:
            continue
        chains = cell_chains(reading, entries, country=field == "country")  # 埃尔福特，某饭店: one chain
        names = _holding(reading, chains, chain[0]) if chain else chains[0]
        for name, article in reversed(names):
            kind = Kind.COUNTRY if reading.index.is_state(name) else Kind.PLACE
            place = registry.named(kind, name, article=article)
            if place.kind not in (Kind.PLACE, Kind.COUNTRY):
                reading.note(f"{name!r} stands where {{{{{template.name}}}}} names places, but the text "
                             f"makes it a {place.kind.value}; left out of the venue", template.span.start)
                continue
            if all(p.key != place.key for p in chain):
                chain.append(place)
    for inner, outer in zip(chain, chain[1:]):
        if inner.kind is not Kind.COUNTRY:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(evidence,))
    return chain[0] if chain else None


def _holding(reading: Reading, chains: list[list[tuple[str, str | None]]],
             venue: EntityId) -> list[tuple[str, str | None]]:
    """The listed chain whose place holds the venue by the text or the reference gazetteer
    (``[[某港]]、[[某京]]`` with the venue 某宫, which lies in 某京: 某京), else the first: a
    venue is in the town it belongs to, not in the first stop of an itinerary."""
    for names in chains:
        if any(lies_in(reading, venue, EntityId(Kind.PLACE, reading.index.key(name))) for name, _ in names):
            return names
    return chains[0]


def listed_places(reading: Reading, template: Template) -> list[str]:
    """The keys of the smallest place of every entry of a place field that lists several: a
    visit's infobox lists its itinerary (``[[西雅图]]、[[华盛顿]]、[[纽约]]``)."""
    out: list[str] = []
    for field in ("venue", "location", "cities"):
        entries = _entries(reading, template, field)
        for entry in entries if len(entries) > 1 else ():
            names = entry_places(reading, entry)
            if names:
                out.append(reading.index.key(names[-1][0]))
    return out


#: A name in title marks and another in a parenthesis right after it (《甲乙友好合作条约》（《某城条约》）).
_OTHER_NAME_AFTER = re.compile(r"《(?P<name>[^《》]+)》[（(]《(?P<other>[^《》]+)》[）)]")


def outcome_documents(reading: Reading, template: Template) -> list[tuple[str, str | None]]:
    """(name, linked article) of each document a box's ``outcome`` names: linked, in title marks (not one it
    calls earlier or later: ``为翌年的《[[某条约]]》奠定基础``), or unquoted as an outcome cell names it. A name
    in title marks in a parenthesis right after another (``签署《甲乙友好合作条约》（《某城条约》）``) is that
    document's other name, as the prose's ``《甲》（又称《乙》）`` is."""
    out: list[tuple[str, str | None]] = []
    for entry in _entries(reading, template, "outcome"):
        other_names = set()
        for match in _OTHER_NAME_AFTER.finditer(entry.text):
            reading.index.merge(match["name"], match["other"])
            other_names.add(match["other"])  # given too, as a name of the same node
        elsewhere = {to_hans(m.group(1)) for m in re.finditer(r"《([^《》]+)》", entry.text)
                     if not named_here(entry.text, m.start(), m.end())}  # 为翌年的《[[某条约]]》奠定基础: a later one
        for shown, target in entry.links:
            if to_hans(shown) in elsewhere:
                continue
            if to_hans(target).endswith(DOCUMENT_WORDS) or f"《{to_hans(shown)}》" in entry.text:
                out.append((target, target))
        for match in re.finditer(r"《([^《》]+)》", entry.text):
            title = match.group(1)
            if not named_here(entry.text, match.start(), match.end()):
                continue  # 《生物武器公约》议定书: a name that qualifies another
            if title in other_names or not any(reading.index.same(title, name) or to_hans(shown) == title
                                               for name, _ in out for shown in (name,)):
                out.append((title, None))
        out += _unquoted_documents(reading, entry, out)
    return out


def _unquoted_documents(reading: Reading, entry: Entry, named: list[tuple[str, str | None]]):
    """The documents an outcome entry names without title marks, after a signing verb
    (``签署甲乙社会保障协定``), that it does not name in 《…》 or by a link too."""
    return [(name, None) for name, by_kind in cell_documents(entry.text)
            if not by_kind and not any(reading.index.same(name, other) or to_hans(name) == to_hans(other)
                                       for other, _ in named)]
