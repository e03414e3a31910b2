"""What a meeting table's notes add to a row: the people a note cell or an explanatory note
(``<ref group="注">``) says took part, a meeting of the row's leaders on another day that a note
tells (``峰会前一日（6月28日），甲与乙举行了双边会谈``), and, for a series' table that names no
leaders, the attendees its numbered gathering's own section names.
"""

from __future__ import annotations

import re

from kg.extract.dates import find_dates
from kg.extract.entries import plain_text
from kg.extract.joining import SummitFound
from kg.extract.meeting_clauses import LOWER_TALKS, NOT_HELD
from kg.extract.participants import participation as add_participation
from kg.extract.people import People
from kg.extract.phrases import NOT_TOP
from kg.extract.reading import Reading
from kg.extract.registry import digest
from kg.extract.roles import OFFICE_WORDS
from kg.extract.scripts import to_hans, to_hant
from kg.extract.table_people import ABSENT, role_from_prose
from kg.extract.table_rows import Row, cell_text, number_cell
from kg.model import Evidence, Kind, Label, Prop, Span


#: A section headed by the number of one gathering of a series: ``首届峰会``, ``第二届峰会``, ``第3次会议``.
_NUMBERED_HEADING = re.compile(r"^\s*(?P<n>首|第\s*[0-9一二三四五六七八九十百两]+)\s*[届次]")
#: A clause saying who attended: ``出席的包括甲国总理张三``, ``与会者包括``, ``张三向与会领导人发表讲话``,
#: ``张三接待了…领导人``.
_ATTENDED = re.compile(r"出席|与会|参加|接待")
_CLAUSE = re.compile(r"[^，,；;。]+")
#: Attending as an observer (``某论坛秘书长则以观察员身份与会``): not one of the gathering's own.
_OBSERVER = "观察员"


def attendees_of_its_section(reading: Reading, people: People, row: Row) -> list[tuple[object, None, Evidence]]:
    """A table of a series' gatherings that names no leaders (``届次 || 日期 || 地点 || 主要成果``) leaves them
    to a section about each numbered gathering (``== 第二届峰会 ==``): the row's gathering takes the
    people that section's clauses say attended (``出席的包括甲国总理张三、乙国总统李四``,
    ``丙在某宫接待了各国领导人，与会者包括…``), each but one said to be absent (``丁未出席``), an observer
    (``以观察员身份与会``), one given only offices below the top (a minister, a spokesman), or a body named
    before its officer (``某论坛主席``)."""
    number = next((n for cell in row.cells.get("number", [])[:1] if (n := number_cell(cell_text(reading, cell)))), None)
    if number is None:
        return []
    out = []
    for section, sentences in reading.by_section.items():
        heading = _NUMBERED_HEADING.match(to_hans(section.heading))
        if heading is None or number_cell(heading["n"]) != number:
            continue
        for sentence in sentences:
            for clause in _CLAUSE.finditer(sentence.hans):
                if not _ATTENDED.search(clause.group(0)) or ABSENT.search(clause.group(0)) \
                        or NOT_HELD.search(clause.group(0)) or _OBSERVER in clause.group(0):
                    continue
                for spot in sentence.spots_in(clause.start(), clause.end()):
                    if not reading.registry.is_a(spot.surface, Kind.PERSON) \
                            or sentence.hans[spot.end:].startswith(OFFICE_WORDS):
                        continue  # 某论坛主席: a body whose officer attended
                    person = reading.registry.named(Kind.PERSON, spot.surface)
                    offices = people.offices.get(person.key, ())
                    if offices and all(NOT_TOP.search(to_hans(office)) for office in offices):
                        continue
                    if all(p.key != person.key for p, _, _ in out):
                        out.append((person, None, sentence.evidence()))
    return out


#: A note's clause telling the row's visitor met someone (``与[[乙]]会谈``, ``3月19日在某宫与乙会谈``,
#: ``会晤总统[[丙]]、总理[[丁]]``): not a clause of no meeting (``出席某论坛``).
_MET = re.compile(r"[与同和跟][^，,；;。]*?(?:会谈|会晤|会面|会见|晤谈)|^[^，,；;。]{0,12}?(?:会晤|会见|会谈|拜会)")


def met_in_a_note(reading: Reading, people: People, row: Row) -> tuple[list[tuple[object, object]], list[str]]:
    """The people a note cell of a table of one leader's visits, which names no one in a column of people
    nor numbers its rows (a series' own ways), says he met (``3月17日－19日 || 美国 || 正式访问 ||
    3月19日在[[白宫]]与特朗普会谈``,
    ``会晤总统[[丙]]、总理[[丁]]``): the hosts of the row's meeting, each but those the article
    gives only offices below the top, as (person, cell); and those clauses (their days: ``9月22日与乙会晤``)."""
    registry = reading.registry
    out, told = [], []
    for cell in row.cells.get("other", []):
        raw = cell_text(reading, cell)
        hans = to_hans(raw)
        for clause in _CLAUSE.finditer(hans):
            text = clause.group(0)
            if not _MET.search(text) or NOT_HELD.search(text) or LOWER_TALKS.search(text):
                continue
            for spot in reading.spotter.spots(raw[clause.start():clause.end()], text, (), 0):
                if not registry.is_a(spot.surface, Kind.PERSON):
                    continue
                person = registry.named(Kind.PERSON, spot.surface)
                offices = people.offices.get(person.key, ())
                if offices and all(NOT_TOP.search(to_hans(office)) for office in offices):
                    continue
                if all(p.key != person.key for p, _ in out):
                    out.append((person, cell))
                    told.append(text)
    return out, told


#: A note saying who else took part: ``丙、丁参加某城会谈``, ``丙亦出席会晤``, ``丙、丁亦出席。``
_JOINED = re.compile(r"(?P<who>[^，。；;,]{1,40}?)(?:(?:亦|也|还|一同|共同)?(?:参加|出席|参与|加入)了?"
                     r"[^，。；;,]{0,10}?(?:会谈|会晤|峰会|会议|首脑会议)|(?:亦|也|一同|同时)(?:出席|参加|与会)(?=[。；;，,]|$))")
#: A clause of a note that is who attended or chaired the row's gathering, and no more (``丙出席；丁因故提前离会``,
#: ``丙首次出席``, ``丙主持``).
_ATTENDED_ALONE = re.compile(r"(?:^|(?<=[，。；;,]))(?P<who>[^，。；;,]{1,40}?)(?:首次)?(?:出席|与会|主持)(?=[。；;，,]|$)")
#: An explanatory note (``<ref group="注">…</ref>``): the article's text, unlike a citation.
_NOTE_GROUP = re.compile(r"^<ref[^>]*\bgroup\s*=", re.I)


def joined_in_a_note(reading: Reading, people: People, row: Row) -> list[tuple[object, None, object]]:
    """The people a note cell, or an explanatory note (``<ref group="注">``) in any of the
    row's cells, says took part in the row's talks (``丙、丁参加某城会谈``, ``丙亦出席。``),
    each but those the article gives only offices below the top (a minister, an envoy)."""
    document, registry = reading.document, reading.registry
    said: list[tuple[str, object, Span]] = [(cell_text(reading, cell), cell, cell.span)
                                            for cell in row.cells.get("other", [])]
    cells = [cell for group in row.cells.values() for cell in group]
    for ref in document.refs:
        if ref.content and any(c.span.start <= ref.span.start < c.span.end for c in cells) \
                and _NOTE_GROUP.match(document.text[ref.span.start:ref.span.end]):
            said.append((plain_text(ref.content), Evidence(ref.span, plain_text(ref.content), None), ref.span))
    out = []
    for raw, where, span in said:
        hans = to_hans(raw)
        for match in [*_JOINED.finditer(hans), *_ATTENDED_ALONE.finditer(hans)]:
            who = match["who"]
            if NOT_HELD.search(hans[:match.start()]) or NOT_HELD.search(who):
                continue
            names = [spot.surface for spot in reading.spotter.spots(raw[match.start("who"):match.end("who")], who, (), 0)
                     if registry.is_a(spot.surface, Kind.PERSON)]
            for link in document.links:  # a link the note titles with an office: 丙国首相[[王五]]
                shown = to_hans(link.text)
                at = who.find(shown)
                if span.start <= link.span.start < span.end and at > 0 and who[:at].endswith(OFFICE_WORDS) \
                        and registry.kind_of(link.target) in (None, Kind.PERSON) and link.target not in names:
                    names.append(link.target)
            for name in names:
                person = registry.named(Kind.PERSON, name)
                offices = people.offices.get(person.key, ())
                if offices and all(NOT_TOP.search(to_hans(office)) for office in offices):
                    continue
                if (person, None, where) not in out:
                    out.append((person, None, where))
    return out


def _notes_of(reading: Reading, row: Row) -> list[tuple[str, Evidence]]:
    """The explanatory notes (``<ref group="注">``) in a row's cells: (plain text, evidence)."""
    document = reading.document
    cells = [cell for group in row.cells.values() for cell in group]
    return [(plain_text(ref.content), Evidence(ref.span, plain_text(ref.content), None)) for ref in document.refs
            if ref.content and any(c.span.start <= ref.span.start < c.span.end for c in cells)
            and _NOTE_GROUP.match(document.text[ref.span.start:ref.span.end])]


#: A meeting said to be held (``甲与乙举行了双边会谈``, ``甲会见乙``).
_NOTE_MET = re.compile(r"(?:与|和|同|跟).{1,30}?(?:举行|进行)了?.{0,4}?(?:会谈|会晤|会面)|会见|会晤了")
_SENTENCE = re.compile(r"[^。；;]+")


def meetings_in_notes(reading: Reading, people: People, row: Row, summit: SummitFound) -> list[SummitFound]:
    """A row's explanatory note that tells of a meeting of the row's own leaders on another
    day than the row's (``峰会前一日（6月28日），甲与乙举行了双边会谈``) gives that meeting as
    a summit of its own, dated in the row's year; ``分别与乙和丙`` makes one with each. A
    meeting on the row's days is the row's; one only planned (``将于``, ``日程``) is none."""
    registry = reading.registry
    out = []
    for note, evidence in _notes_of(reading, row):
        for match in _SENTENCE.finditer(note):
            raw = match.group(0)
            hans = to_hans(raw)
            met = _NOTE_MET.search(hans)
            said = hans[:met.end()] if met else ""  # what follows the meeting (宣布取消签证) is not of it
            if met is None or NOT_HELD.search(said) or LOWER_TALKS.search(said) or "日程" in said:
                continue
            days = [d for d in find_dates(hans, year=summit.start.year) if d.end < summit.start or d.start > summit.end]
            if len(days) != 1 or days[0].at > met.start():
                continue  # no day of its own, or days the sentence does not give its meeting
            named = []
            for spot in reading.spotter.spots(raw, hans, (), 0):
                key = reading.index.key(spot.surface)
                if registry.is_a(spot.surface, Kind.PERSON) and key in summit.participants and key not in named:
                    named.append(key)
            if len(named) < 2:
                continue  # the meeting of someone the row does not name: not told here
            groups = [(named[0], other) for other in named[1:]] if "分别" in hans else [tuple(named)]
            for keys in groups:
                out.append(_note_summit(reading, people, tuple(sorted(keys)), days[0], evidence))
    return out


def _note_summit(reading: Reading, people: People, keys: tuple[str, ...], when, evidence: Evidence) -> SummitFound:
    registry = reading.registry
    summit = registry.unnamed(Kind.SUMMIT, f"{when.start.isoformat()}-{digest(keys)}")
    registry.evidence(summit, evidence)
    title = f"{when.start.year}年{when.start.month}月{when.start.day}日{reading.document.title}"
    registry.label(summit, Label(to_hans(title), "zh-Hans"), preferred=True)
    registry.label(summit, Label(to_hant(title), "zh-Hant"), preferred=True)
    registry.fact(summit, Prop.START_DATE, when.start, evidence=(evidence,))
    registry.fact(summit, Prop.END_DATE, when.end, evidence=(evidence,))
    for key in keys:
        person = registry.named(Kind.PERSON, key)
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=(evidence,))
        participation = add_participation(registry, summit, person, people.sides.get(key), key)
        role_from_prose(reading, people, participation, person, when.start)
    return SummitFound(summit, None, when.start, when.end, None, keys)
