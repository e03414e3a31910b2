"""Meeting tables: a wikitable whose header names a date and a place, participants or
outcome gives one summit per row that has a day-precise date.

Header words (Simplified view): a date column (日期, 时间, 年份), places (地点, 会场, 城市),
participants (领导人, 出席, 与会者, 元首, 首脑, 中方/美方, 会谈对象 …: every such column adds people),
outcome (成果, 文件, 签署) and a number (届, 次, 序号); a column headed by a state's name
(``法国 !! 德国``) holds that side's leaders; a column of mediators (``斡旋方``) adds them to the pair
the article's first sentence names; a caption of one pair's meetings (``张三与李四历次会晤``) names
the two who met in each row, the other of them a person even where no office types them. A table whose only column of people is one
side's (``中方领导人``, ``中方主要会谈领导人``, ``中方主要会见者``) lists that side's hosts, one or several a row, of the
one leader its caption (else the article's first sentence) names. A note cell or an explanatory note (``<ref group="注">``)
that says who else took part adds them; an explanatory note telling a meeting of the row's
leaders on another day (``峰会前一日（6月28日），甲与乙举行了双边会谈``) is a summit of its own; a cell that counts governments (``8个流亡政府``) or
a name that represents someone (``张三代表甲国``) names no leader. ``rowspan``/``colspan`` are spread
over the rows and columns they cover; links, flag templates and date templates in cells
are read; footnotes are not. A year in a column of its own (``年份 !! 日期``), else in the
heading of the table's section (``=== 2011年 ===``), dates days written without one. A row dated by month or year only gives no summit, nor does a row whose
own words (形式, 性质, 备注) say it was a call, a video link, cancelled or talks below the
leaders (an issue says so). Each fact points at the cell it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.dates import chinese_number, find_dates, find_year_months
from kg.extract.document_names import DOCUMENT_WORDS, cell_documents
from kg.extract.documents import generic_document
from kg.extract.entities import PLACE_ENDINGS
from kg.extract.places import SIGNED_AT, well_known_container
from kg.extract.entries import Entry, cell_chains, entries_in, people_of, plain_text
from kg.extract.ordinals import ordinal_in
from kg.extract.people import People, main_office, titles_in
from kg.extract.roles import CHAIRS_OF_A_MEETING, OFFICE_WORDS
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans, to_hant
from kg.extract.participants import participation as add_participation
from kg.extract.participants import subject_pair
from kg.extract.phrases import HELD_AT, MEETING, NOT_TOP
from kg.extract.registry import digest
from kg.extract.joining import SummitFound
from kg.extract.meeting_clauses import LOWER_TALKS, NOT_HELD
from kg.model import Evidence, Inference, Kind, Label, Prop, Severity, Span
from kg.wikitext import Cell, Table, is_header_row, passage, spread_rows

#: A column of the third parties who brought a pair together (``斡旋方``, ``调停人``): each
#: row's meeting is the article's pair's, with them.
_MEDIATOR_COLUMN = re.compile(r"^(?:斡旋|调停|调解|居间|促成)(?:方|者|人|国|方领导人)$")

_COLUMNS = (
    ("date", re.compile(r"日期|时间|年份|日程|年月")),
    ("number", re.compile(r"^(届|次|序号|编号|#|届次|次序)$")),
    ("country", re.compile(r"^(国家|国别|所在国|东道国|主办国|举办国)$")),
    ("place", re.compile(r"地点|会场|城市|举办地|地址|场地|国家(?!主席|元首|领导人|总理)")),  # not 中国国家主席
    ("mediator", _MEDIATOR_COLUMN),
    ("people", re.compile(r"领导人|出席|与会|参与|参加|元首|首脑|方$|总统|主席|总理|首相|人物|东道主|主持人|主办者"
                          r"|^(?:会谈|会见)对象$|(?:会谈|会见|会晤)者$")),  # 会谈对象, 会见者: whom the visitor of a table of one side's hosts met
    ("outcome", re.compile(r"成果|文件|签署|结果|协议|宣言")),
)


@dataclass(frozen=True)
class _Row:
    span: Span
    cells: dict[str, list[Cell]]  # column role → the cells of this row in that role
    own: tuple[Cell, ...] = ()  # the cells written in this row (not spread into it from above)
    columns: tuple[tuple[Cell, int], ...] = ()  # each cell with the first column it stands in


#: A column of one side's leaders: ``中方``, ``中方领导人``, ``中方主要会见者``, ``美国领导人`` (a state's name is
#: checked against the reference list of states), or of whom the one visitor (mainly) met: ``会谈对象``,
#: ``主要会见者`` (a tour's schedule).
_SIDE_COLUMN = re.compile(r"^[\u4e00-\u9fff]{1,2}方面?(?:(?:主要)?(?:(?:会谈|会见|会晤)?(?:领导人|元首|首脑)|(?:会谈|会见|会晤)者))?$"
                          r"|^(?:主要)?(来访|到访|出访|访问|会见|会谈)(领导人|元首|首脑|者|对象)$|^外宾$")
_LEADERS_WORD = re.compile(r"(领导人|元首|首脑)$")
#: A side's column named by the meeting its leaders had with the visitor: ``会见的中国领导人``,
#: ``会谈的中方领导人`` read as ``中国领导人``, ``中方领导人``.
_MET_THE_VISITOR = re.compile(r"^(?:所|曾)?(?:会见|会谈|会晤|接见|接待)的")


def meeting_tables(reading: Reading) -> tuple[tuple[Table, dict[int, str]], ...]:
    """The tables that list meetings, each with the role of each of its columns. A column
    headed by a state's name (``法国 !! 德国``) holds that side's leaders."""
    out = []
    for table in reading.document.tables:
        header = table.header()
        if header is None:
            continue
        roles: dict[int, str] = {}
        column = 0
        for cell in header:
            text = to_hans(_text(reading, cell)).strip()
            role = next((name for name, pattern in _COLUMNS if pattern.search(text)), None)
            if role is None and reading.index.is_state(text):
                role = "people"
            for offset in range(cell.colspan):
                if role:
                    roles[column + offset] = role
            column += cell.colspan
        if "date" in roles.values() and {"place", "country", "people", "outcome"} & set(roles.values()):
            out.append((table, roles))
    return tuple(out)


def table_summits(reading: Reading, people: People) -> tuple[SummitFound, ...]:
    found: list[SummitFound] = []
    for table, roles in meeting_tables(reading):
        pair = _caption_pair(reading, table)
        visitor = _visitor(reading, table) if _one_side(reading, table, roles) else None
        visited = _visited_country(reading, table)
        offices = _column_offices(reading, table, roles)
        for row in _rows(table, roles):
            summit = _summit(reading, people, row, pair, visitor, visited, _heading_year(reading, table), offices)
            if summit is not None and all(s.id != summit.id for s in found):
                found.append(summit)
            for other in _meetings_in_notes(reading, people, row, summit) if summit is not None else ():
                if all(s.id != other.id for s in found):
                    found.append(other)
    return tuple(found)


#: A column header that describes its people rather than giving their office.
_DESCRIPTION = re.compile(r"(领导人|元首|首脑|方)$")


def _column_offices(reading: Reading, table: Table, roles: dict[int, str]) -> dict[int, str]:
    """The office a column of people is headed by (``中国国务院总理 !! 日本首相``): each
    person in it held it then. A header that only describes them (``中方领导人``) is none."""
    header = table.header()
    out, column = {}, 0
    for cell in header:
        text = re.sub(r"\s+", "", re.sub(r"[（(][^（）()]*[）)]\s*$", "", _text(reading, cell).strip()))  # 日本首相<br>（内阁总理大臣）
        hans = to_hans(text)
        if roles.get(column) == "people" and hans.endswith(OFFICE_WORDS) and not _DESCRIPTION.search(hans) \
                and not hans.endswith(CHAIRS_OF_A_MEETING):  # 共同主席: the meeting's chairs, of whatever office
            for offset in range(cell.colspan):
                out[column + offset] = text
        column += cell.colspan
    return out


def _rows(table: Table, roles: dict[int, str]) -> list[_Row]:
    """Data rows with rowspan and colspan spread: each row's cells by column role."""
    out = []
    header = table.header()
    data = [] if header is None else [row for row in table.rows[table.rows.index(header) + 1:]
                                      if not is_header_row(row)]
    for row, grid in spread_rows(data):
        cells: dict[str, list[Cell]] = {}
        for index in sorted(grid):
            role = roles.get(index, "other")  # other: a column of no role (形式, 备注)
            if grid[index] not in cells.get(role, []):
                cells.setdefault(role, []).append(grid[index])
        own = [c.span for c in row]
        first: dict[Cell, int] = {}
        for index in sorted(grid):
            first.setdefault(grid[index], index)
        if own:
            out.append(_Row(Span(min(s.start for s in own), max(s.end for s in own)), cells, tuple(row),
                            tuple(first.items())))
    return out


def _text(reading: Reading, cell: Cell) -> str:
    return passage(reading.document, cell.span).text


def _caption_pair(reading: Reading, table: Table) -> tuple[tuple[str, Evidence], ...]:
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
_DELEGATIONS = re.compile(r"(?:[0-9一二三四五六七八九十几数多]+个|各国|各)[^、，,]{0,8}?(?:政府|代表|代表团|自治领)")
#: Right after a name: the person stood for someone else (``张三代表甲国``, ``张三（代表甲国）``).
_REPRESENTS = re.compile(r"^[（(]?(?:作为|以)?[^，、（(]{0,6}?代表")


#: An office in brackets right after a name: ``[[张三]]（甲国总统）``; of several
#: (``张三（甲党总书记、国家主席）``), the first, which the article puts first.
_BRACKET = re.compile(r"^\s*[（(](?:时任)?(?P<office>[^（）()、，,]{2,20})(?:[、，,][^（）()]*)?[）)]")


_ABSENT = re.compile(r"未出席|未参加|缺席|未与会|未能出席|因故未")


def _people_of_the_cell(reading: Reading, entry: Entry) -> list[tuple[str, str | None]]:
    """The people of an entry of a column of people, as :func:`people_of` reads them, and
    two more: a name the prose took for a place (``前往某人的住所``) that the cell gives an
    office in brackets (``[[张三]]（总理）``) is a person, and a name written without a link
    that the article knows as a person's (``乔治·W·布什``, whose initial no name pattern
    reads, or each of ``张三与李四``) is that person."""
    registry = reading.registry
    names = [target for _, target in entry.links] or [re.sub(r"[（(].*?[）)]", "", entry.text).strip()]
    for name in names:
        bracket = _BRACKET.match(_after(entry, name)) if entry.links else _BRACKET.search(entry.text)
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
        match = _NAME_AFTER_AN_OFFICE.match(_after(entry, target))
        if match is None:
            continue
        name = match["name"]
        if not name.endswith(OFFICE_WORDS) and not reading.index.is_state(name) \
                and reading.registry.kind_of(name) in (None, Kind.PERSON):
            out.append((name, target))
    return out


def _after(entry: Entry, name: str) -> str:
    """The plain text of an entry right after the name (its link's shown text, or itself)."""
    shown = next((to_hans(s) for s, target in entry.links if target == name), to_hans(name))
    at = entry.text.find(shown)
    return entry.text[at + len(shown):] if at >= 0 else ""


#: A row's own words (形式, 性质, 备注) saying it was no meeting of the leaders in person:
#: a call, a video link, a meeting cancelled or never held.
_NO_MEETING = re.compile(r"电话|通话|视频|视讯|线上|云会晤|取消|未能?举行|未成行|告吹|搁置|流产")
#: A cell that says only that the meeting was not held, or held by a call or a video link
#: (a 地点 cell of ``视频会议``), whatever its column.
_NOT_HELD_CELL = re.compile(r"[（(]?(?:未举行|未能举行|取消|已取消|推迟|延期|未成行|告吹|流产|停办"
                            r"|(?:视频|视讯|电话|线上|网络|远程|云)(?:会议|会晤|会谈|峰会|通话|连线|方式|形式)?)[）)]?"
                            r"(?:[（(].*[）)])?")
#: A clause of any cell saying the meeting itself was not held (阿利耶夫缺席，会晤未能举行 in a 成果 cell):
#: the row tells a meeting called off, whatever its column.
_MEETING_NOT_HELD = re.compile(r"(?:会晤|会谈|会面|峰会|首脑会议)[^，,；;。]{0,4}?(?:未能?举行|被?取消|未成行|告吹|流产)")
_YEAR_ONLY = re.compile(r"^\s*(?P<y>1[0-9]{3}|20[0-9]{2})\s*年?\s*$")


def _heading_year(reading: Reading, table: Table) -> int | None:
    """The year the heading of the section holding the table gives (``=== 2011年 ===``)."""
    def deepest(sections, found=None):
        for section in sections:
            if section.span.start <= table.span.start < section.span.end:
                found = section
                return deepest(section.subsections, found)
        return found

    section = deepest(reading.document.sections)
    if section is None:
        return None
    years = find_year_months(to_hans(section.heading))
    return years[0].year if len(years) == 1 else None


def _year_column(reading: Reading, cells: list[Cell]) -> int | None:
    """The year a date cell of its own gives (``2011年``, ``2011``), for the days of another."""
    for cell in cells:
        match = _YEAR_ONLY.match(to_hans(_text(reading, cell)))
        if match:
            return int(match["y"])
    return None


def _one_side(reading: Reading, table: Table, roles: dict[int, str]) -> bool:
    """Whether the table's only column of people is one side's (``中方领导人``, ``美方``,
    ``俄罗斯``): the other side is then the one the table or the article is about."""
    header = table.header()
    columns, column = [], 0
    for cell in header:
        if roles.get(column) == "people":
            columns.append(to_hans(_text(reading, cell)).strip())
        column += cell.colspan
    if len(columns) != 1:
        return False
    columns[0] = _MET_THE_VISITOR.sub("", columns[0])
    return bool(_SIDE_COLUMN.match(columns[0])) or reading.index.is_state(_LEADERS_WORD.sub("", columns[0]))


def _visitor(reading: Reading, table: Table) -> tuple[str, Evidence, bool] | None:
    """The one leader a table of one side's hosts is about: the only person its caption
    names (``|+ 张三历次访问乙国``), else the only one the article's first sentence names.
    As (surface, evidence, whether only inferred from the lead)."""
    if table.caption:
        caption = table.caption.strip()
        named = _people_in(reading, caption)
        if len(named) == 1:
            return next(iter(named.values())), Evidence(table.span, caption, None), False
        if named:
            return None
    for sentence in reading.lead[:1]:
        named = {spot.key: spot.surface for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON)}
        if len(named) == 1:
            return next(iter(named.values())), sentence.evidence(), True
    return None


def _people_in(reading: Reading, text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for spot in reading.spotter.spots(text, to_hans(text), (), 0):
        if reading.registry.is_a(spot.surface, Kind.PERSON):
            found.setdefault(spot.key, spot.surface)
    return found


def _summit(reading: Reading, people: People, row: _Row, pair: tuple[tuple[str, Evidence], ...] = (),
            visitor: tuple[str, Evidence, bool] | None = None,
            visited: tuple[str, Evidence] | None = None, heading_year: int | None = None,
            offices: dict[int, str] | None = None) -> SummitFound | None:
    registry = reading.registry
    date_cells = row.cells.get("date", [])
    when = None
    for cell in date_cells:
        found = [d for d in find_dates(to_hans(_text(reading, cell))) if d.year_given]
        if found:
            when = (found[0].start, found[0].end, cell)
            break
    year = (_year_column(reading, date_cells) or heading_year) if when is None else None
    for cell in date_cells if year is not None else ():  # 年份 || 5月20日－26日: the year in a column of its own
        found = find_dates(to_hans(_text(reading, cell)), year=year)
        if found:
            when = (found[0].start, found[0].end, cell)
            break
    if when is None:
        shown = " ".join(_text(reading, c).strip() for c in date_cells)
        reading.note(f"a meeting table row dated {shown or 'by nothing'!r} gives no day; no summit made",
                     row.span.start, Severity.INFO)
        return None
    start, end, date_cell = when
    other = " ".join(to_hans(_text(reading, cell)) for cell in row.cells.get("other", []))
    no_meeting = _NO_MEETING.search(other) or LOWER_TALKS.search(other) or next(
        (found for cell in row.own if cell is not date_cell  # || colspan="3" | 未举行: in any column
         and (found := _NOT_HELD_CELL.fullmatch(to_hans(_text(reading, cell)).strip())
              or _MEETING_NOT_HELD.search(to_hans(_text(reading, cell))))), None)
    if no_meeting:
        reading.note(f"a meeting table row of {start.isoformat()} says {no_meeting.group(0)!r}: a call, a plan "
                     "or talks below the leaders; no summit made", row.span.start, Severity.INFO)
        return None
    persons = []  # (entity, office, cell)
    for cell in row.cells.get("people", []) + row.cells.get("mediator", []):
        if _DELEGATIONS.search(to_hans(_text(reading, cell))):
            continue  # 甲、乙及8个流亡政府: representatives of governments, not their leaders
        headed = (offices or {}).get(dict(row.columns).get(cell, -1))  # 日本首相 !! 韩国总统
        for entry in entries_in(reading, cell.span):
            for name, office in _people_of_the_cell(reading, entry):
                if office and NOT_TOP.search(to_hans(office)):
                    continue  # a minister or an envoy at the table
                bracket = _BRACKET.match(_after(entry, name))  # the row's own word on them, not a filter:
                if office is None and bracket and bracket["office"].endswith(OFFICE_WORDS):  # 邓小平（国务院副总理）
                    said = to_hans(bracket["office"])  # 当选总统 is the 乙国当选总统 the article names them
                    office = next((o for o in people.offices.get(reading.index.key(name), ())
                                   if to_hans(o).endswith(said)), bracket["office"])
                elif office is None and headed:
                    if NOT_TOP.search(to_hans(headed)):
                        continue  # a column of ministers
                    office = headed
                if _REPRESENTS.match(_after(entry, name)):
                    continue  # 张三代表甲国: a representative
                if bracket and _ABSENT.search(bracket.group(0)):
                    continue  # [[李四]]（未出席）
                persons.append((registry.named(Kind.PERSON, name, article=name if _linked(entry, name) else None),
                                office, cell))
    inferred = []
    hosts = {p.key for p, _, _ in persons}
    guest = registry.named(Kind.PERSON, visitor[0]) if visitor is not None and hosts else None
    if guest is not None and guest.key not in hosts:  # a row of one side's hosts: the table's visitor met them
        if visitor[2]:
            inferred = [guest]
        else:
            persons.append((guest, None, visitor[1]))
    elif "people" not in row.cells and pair:  # the caption names the two who met in every row
        persons += [(registry.named(Kind.PERSON, surface), None, evidence) for surface, evidence in pair]
    elif "people" not in row.cells:  # a table of one pair's meetings (and their mediators) names them only in the lead
        inferred = [registry.named(Kind.PERSON, surface) for _, surface, _ in subject_pair(reading)]
    persons += [joined for joined in _joined_in_a_note(reading, people, row)
                if joined[0].key not in {p.key for p, _, _ in persons} | {p.key for p in inferred}]
    if len({p.key for p, _, _ in persons} | {p.key for p in inferred}) < 2:  # 届次 || 日期 || 地点 and a section each
        persons += [attendee for attendee in _attendees_of_its_section(reading, people, row)
                    if attendee[0].key not in {p.key for p, _, _ in persons} | {p.key for p in inferred}]
    keys = tuple(sorted({p.key for p, _, _ in persons} | {p.key for p in inferred}))
    if len(keys) < 2:
        reading.note(f"a meeting table row of {start.isoformat()} names fewer than two leaders; no summit made",
                     row.span.start, Severity.INFO)
        return None
    summit = registry.unnamed(Kind.SUMMIT, f"{start.isoformat()}-{digest(keys)}")
    row_evidence = _evidence(reading, row.span)
    registry.evidence(summit, row_evidence)
    title = f"{start.year}年{start.month}月{start.day}日{reading.document.title}"
    registry.label(summit, Label(to_hans(title), "zh-Hans"), preferred=True)
    registry.label(summit, Label(to_hant(title), "zh-Hant"), preferred=True)
    dated = _evidence(reading, date_cell.span)
    registry.fact(summit, Prop.START_DATE, start, evidence=(dated,))
    registry.fact(summit, Prop.END_DATE, end, evidence=(dated,))
    for person, office, cell in persons:
        evidence = (cell,) if isinstance(cell, Evidence) else (_evidence(reading, cell.span),)
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=evidence)
        participation = add_participation(registry, summit, person, people.sides.get(person.key))
        if office:
            registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office), evidence=evidence)
        else:  # the office the prose gives them where it tells of that day, else the article's
            _role_from_prose(reading, people, participation, person, start)
    lead = [visitor[1]] * len(inferred) if visitor is not None and inferred else \
        [sentence.evidence() for _, _, sentence in subject_pair(reading)]
    for person, evidence in zip(inferred, lead):
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=(evidence, row_evidence),
                      inference=Inference.LEAD_PARAGRAPH)
        participation = add_participation(registry, summit, person, None)
        _role_from_prose(reading, people, participation, person, start)
    _venue(reading, summit, row, visited)
    _venue_in_a_note(reading, summit, row)
    _outcomes(reading, summit, row)
    _ordinal(reading, summit, row)
    return SummitFound(summit, None, start, end, None, keys)


#: A section headed by the number of one gathering of a series: ``首届峰会``, ``第二届峰会``, ``第3次会议``.
_NUMBERED_HEADING = re.compile(r"^\s*(?P<n>首|第\s*[0-9一二三四五六七八九十百两]+)\s*[届次]")
#: A clause saying who attended: ``出席的包括甲国总理张三``, ``与会者包括``, ``张三向与会领导人发表讲话``,
#: ``张三接待了…领导人``.
_ATTENDED = re.compile(r"出席|与会|参加|接待")
_CLAUSE = re.compile(r"[^，,；;。]+")
#: Attending as an observer (``某论坛秘书长则以观察员身份与会``): not one of the gathering's own.
_OBSERVER = "观察员"


def _attendees_of_its_section(reading: Reading, people: People, row: _Row) -> list[tuple[object, None, Evidence]]:
    """A table of a series' gatherings that names no leaders (``届次 || 日期 || 地点 || 主要成果``) leaves them
    to a section about each numbered gathering (``== 第二届峰会 ==``): the row's gathering takes the
    people that section's clauses say attended (``出席的包括甲国总理张三、乙国总统李四``,
    ``丙在某宫接待了各国领导人，与会者包括…``), each but one said to be absent (``丁未出席``), an observer
    (``以观察员身份与会``), one given only offices below the top (a minister, a spokesman), or a body named
    before its officer (``某论坛主席``)."""
    number = next((n for cell in row.cells.get("number", [])[:1] if (n := _number(_text(reading, cell)))), None)
    if number is None:
        return []
    out = []
    for section, sentences in reading.by_section.items():
        heading = _NUMBERED_HEADING.match(to_hans(section.heading))
        if heading is None or _number(heading["n"]) != number:
            continue
        for sentence in sentences:
            for clause in _CLAUSE.finditer(sentence.hans):
                if not _ATTENDED.search(clause.group(0)) or _ABSENT.search(clause.group(0)) \
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


#: Offices not carried to another day: a description (甲国领导人, 最高领导人) is no office, and
#: a president-elect (当选总统, 候任首相) holds the office only later.
_ONLY_THEN = re.compile(r"(领导人|元首)$|当选|候任|准")


#: A note saying who else took part: ``丙、丁参加某城会谈``, ``丙亦出席会晤``, ``丙、丁亦出席。``
_JOINED = re.compile(r"(?P<who>[^，。；;,]{1,40}?)(?:(?:亦|也|还|一同|共同)?(?:参加|出席|参与|加入)了?"
                     r"[^，。；;,]{0,10}?(?:会谈|会晤|峰会|会议|首脑会议)|(?:亦|也|一同|同时)(?:出席|参加|与会)(?=[。；;，,]|$))")
#: An explanatory note (``<ref group="注">…</ref>``): the article's text, unlike a citation.
_NOTE_GROUP = re.compile(r"^<ref[^>]*\bgroup\s*=", re.I)


def _joined_in_a_note(reading: Reading, people: People, row: _Row) -> list[tuple[object, None, object]]:
    """The people a note cell, or an explanatory note (``<ref group="注">``) in any of the
    row's cells, says took part in the row's talks (``丙、丁参加某城会谈``, ``丙亦出席。``),
    each but those the article gives only offices below the top (a minister, an envoy)."""
    document, registry = reading.document, reading.registry
    said: list[tuple[str, object, Span]] = [(_text(reading, cell), cell, cell.span)
                                            for cell in row.cells.get("other", [])]
    cells = [cell for group in row.cells.values() for cell in group]
    for ref in document.refs:
        if ref.content and any(c.span.start <= ref.span.start < c.span.end for c in cells) \
                and _NOTE_GROUP.match(document.text[ref.span.start:ref.span.end]):
            said.append((plain_text(ref.content), Evidence(ref.span, plain_text(ref.content), None), ref.span))
    out = []
    for raw, where, span in said:
        hans = to_hans(raw)
        for match in _JOINED.finditer(hans):
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
                out.append((person, None, where))
    return out


def _notes_of(reading: Reading, row: _Row) -> list[tuple[str, Evidence]]:
    """The explanatory notes (``<ref group="注">``) in a row's cells: (plain text, evidence)."""
    document = reading.document
    cells = [cell for group in row.cells.values() for cell in group]
    return [(plain_text(ref.content), Evidence(ref.span, plain_text(ref.content), None)) for ref in document.refs
            if ref.content and any(c.span.start <= ref.span.start < c.span.end for c in cells)
            and _NOTE_GROUP.match(document.text[ref.span.start:ref.span.end])]


#: A meeting said to be held (``甲与乙举行了双边会谈``, ``甲会见乙``).
_NOTE_MET = re.compile(r"(?:与|和|同|跟).{1,30}?(?:举行|进行)了?.{0,4}?(?:会谈|会晤|会面)|会见|会晤了")
_SENTENCE = re.compile(r"[^。；;]+")


def _meetings_in_notes(reading: Reading, people: People, row: _Row, summit: SummitFound) -> list[SummitFound]:
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
        _role_from_prose(reading, people, participation, person, when.start)
    return SummitFound(summit, None, when.start, when.end, None, keys)


def _role_from_prose(reading: Reading, people: People, participation, person, day) -> None:
    """A row names a leader bare: the offices the prose gives them in a sentence dated that
    day (``时任甲国劳动党委员长张三于2019年1月7日至10日…``, ``以甲国劳动党总书记身份``); else
    the office it gives them last before that day (``2014年10月17日，…乙国总统李四`` for a row of
    2015), as they still held it; else the article's office for them nearest that day in time (a
    source of the row's year calling them 总理, not an undated 总统 of years before). The last two
    are marked as inferred, and never a description or an office only of its own day (当选总统)."""
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
        lasting = [o for o in offices if not _ONLY_THEN.search(to_hans(o))]
        if earlier and lasting and (before is None or max(earlier) > before[0]):
            before = (max(earlier), lasting, sentence)
    if before is not None:
        for office in before[1]:
            registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office),
                          inference=Inference.EARLIER_ROLE, evidence=(before[2].evidence(),))
        return
    office = main_office(people, person.key, day)
    if office is None or _ONLY_THEN.search(to_hans(office)):
        return
    evidence = people.office_evidence[(person.key, office)]
    if _in_capacity(evidence.text, office):
        return  # 张三以总理身份访问乙国: the office of that one visit, not of every row
    told = [d.start for d in find_dates(to_hans(evidence.text)) if d.year_given]
    if told and min(told) > day:
        return  # 2024年，甲国总理张三表示…: an office held later says nothing of a meeting before
    registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office),
                  inference=Inference.EARLIER_ROLE, evidence=(evidence,))


#: In the capacity of an office: ``以朝鲜劳动党总书记身份访华``.
_CAPACITY = re.compile(r"以(?P<office>[\u4e00-\u9fff]{2,16}?)(?:的)?身份")


def _in_capacity(text: str, office: str) -> bool:
    """Whether a sentence gives the office as the capacity someone acted in on one occasion
    (``张三以甲国总理身份访问乙国``): what he held then, not what the article calls him."""
    office = to_hans(office)
    return any(match["office"] == office for match in _CAPACITY.finditer(to_hans(text)))


def _capacities(reading: Reading, people: People, sentence, key: str) -> list[str]:
    """The offices a sentence naming the person says someone acted as (``以甲国劳动党总书记
    身份``): the person's where the office's state is theirs and no one else's of that state is
    named, or the only one named whose state the article does not give."""
    out = []
    named = dict.fromkeys(spot.key for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON))
    for match in _CAPACITY.finditer(sentence.hans):
        office = match["office"]
        state = next((reading.index.key(office[:n]) for n in range(len(office) - 1, 1, -1)
                      if reading.index.is_state(office[:n])), None)
        if state is None or not office.endswith(OFFICE_WORDS):
            continue
        holders = [k for k in named if people.sides.get(k) == state] \
            or [k for k in named if people.sides.get(k) is None]
        if holders == [key]:
            out.append(sentence.text[match.start("office"):match.end("office")])
    return out


def _linked(entry: Entry, name: str) -> bool:
    return any(target == name for _, target in entry.links)


def _venue(reading: Reading, summit, row: _Row, visited: tuple[str, Evidence] | None = None) -> None:
    """The place of each place cell, big to small, inside the country of a 国家 cell
    (``[[魁北克市|魁北克]] || {{flag|Canada}}``: Quebec in Canada). A cell of several stops
    (``[[甲城]]、乙城[[某宾馆]]``) gives its most precise one, inside the cell's flag. A row
    that names no country lies in the one the table's visits went to (``张三历次访华``)."""
    registry = reading.registry
    names: list[tuple[str, str | None]] = []  # big to small
    cells = []
    for cell in row.cells.get("country", [])[:1]:
        entries = entries_in(reading, cell.span)
        if entries:
            names.extend(row_country(entries[0]))
            cells.append(cell)
    for cell in row.cells.get("place", [])[:1]:
        entries = entries_in(reading, cell.span)
        if entries:
            names.extend(_stop_of_the_meeting(reading, entries))
            cells.append(cell)
    chain = []
    for name, article in reversed(names):
        kind = Kind.COUNTRY if reading.index.is_state(name) else Kind.PLACE
        place = registry.named(kind, name, article=article)
        if place.kind in (Kind.PLACE, Kind.COUNTRY) and all(p.key != place.key for p in chain):
            chain.append(place)
    evidence = tuple(_evidence(reading, cell.span) for cell in cells)
    flags = {reading.index.key(state) for cell in cells for entry in entries_in(reading, cell.span) for state in entry.flags}
    if visited is not None and not any(p.kind is Kind.COUNTRY for p in chain) \
            and flags <= {reading.index.key(visited[0])}:  # a flag of another state: not the visits' country
        country = registry.named(Kind.COUNTRY, visited[0])
        if not chain or not _elsewhere(reading, chain[-1], country):
            chain.append(country)
            evidence += (visited[1],)
    for inner, outer in zip(chain, chain[1:]):
        if inner.kind is not Kind.COUNTRY:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=evidence)
    if chain:
        registry.fact(summit, Prop.VENUE, chain[0], evidence=evidence)


#: Names ending so are sites within a town (宾馆, 宫, 庄园), not the town itself.
_SITE_ENDINGS = tuple(e for e in PLACE_ENDINGS if e not in ("城", "市", "省", "州", "县", "区", "岛", "山", "湖", "港", "村"))


def _stop_of_the_meeting(reading: Reading, entries: list[Entry]) -> list[tuple[str, str | None]]:
    """Of a cell's stops, big to small, the most precise (the first of the deepest), inside
    the states the cell's flags name."""
    chains = cell_chains(reading, entries)  # 新德里，海得拉巴宫: one chain
    states = [name for chain in chains for name, _ in chain if reading.index.is_state(name)]

    def depth(chain) -> tuple[int, bool]:  # a site (某宾馆) is finer than a city of as many names
        places = [to_hans(name) for name, _ in chain if not reading.index.is_state(name)]
        return len(places), bool(places) and places[-1].endswith(_SITE_ENDINGS)

    best = list(max(chains, key=depth))  # max keeps the first of equals
    if best and len(best) == 1 + sum(1 for name, _ in best[:-1] if reading.index.is_state(name)):
        town = well_known_container(reading, reading.index.key(best[-1][1] or best[-1][0]))
        if town is not None:  # 北京[[某国宾馆]] with 北京 unlinked: the reference gazetteer's town
            best.insert(len(best) - 1, (town, None))
    if any(reading.index.is_state(name) for name, _ in best):
        return best
    return [(state, None) for state in dict.fromkeys(states)] + best


def _elsewhere(reading: Reading, place, country) -> bool:
    """Whether the article puts the place in another state than ``country``."""
    for outer in reading.registry.facts_about(place, Prop.LOCATED_IN):
        if getattr(outer, "kind", None) is Kind.COUNTRY and outer.key != country.key:
            return True
    return False


#: The one-character names of states that ``访X`` uses (访华, 访美): general reference.
_VISIT_ABBREVIATIONS = {"华": "中国", "美": "美国", "苏": "苏联", "俄": "俄罗斯", "日": "日本", "朝": "朝鲜",
                        "韩": "韩国", "印": "印度", "法": "法国", "英": "英国", "德": "德国", "越": "越南"}
_VISITED = re.compile(r"(?<![参拜走探查寻采])访(?P<a>[华美苏俄日朝韩印法英德越])(?![国问])|(?:访问|到|对)(?P<s>[\u4e00-\u9fff]{2,10})")


#: After a visit: the visit is the time of something else (``于2013年4月甲访华期间正式启动``), one
#: visit, not what a table lists.
_AS_A_TIME = re.compile(r"[^，。；,]{0,8}?(?:访问)?(?:期间|之际)")


def _visited_country(reading: Reading, table: Table) -> tuple[str, Evidence] | None:
    """The one state a table's visits went to, as its caption (``张三历次访华``), else the
    article's first sentence, says it (``访华``, ``到乙国的访问``, ``对乙国进行的访问``); not a visit
    told as the time of something else (``…于某年某月张三访华期间正式启动``: one visit)."""
    said = [(table.caption.strip(), Evidence(table.span, table.caption.strip(), None))] if table.caption else []
    said += [(sentence.hans, sentence.evidence()) for sentence in reading.lead[:1]]
    for text, evidence in said:
        hans = to_hans(text)
        if "访" not in hans:
            continue
        found = set()
        for match in _VISITED.finditer(hans):
            if match["a"]:
                if not _AS_A_TIME.match(hans, match.end()):
                    found.add(reading.index.key(_VISIT_ABBREVIATIONS[match["a"]]))
                continue
            word = match["s"]
            state = _state_at_the_start(reading, word)
            if state and not _AS_A_TIME.match(hans, match.start("s") + len(state)):
                found.add(reading.index.key(state))
                found.update(_states_listed_after(reading, hans, match.start("s") + len(state)))
        if found:
            return (found.pop(), evidence) if len(found) == 1 else None
    return None


def _state_at_the_start(reading: Reading, word: str) -> str | None:
    """The longest state's name ``word`` begins with (``乙国进行访问``: 乙国)."""
    return next((word[:n] for n in range(len(word), 1, -1) if reading.index.is_state(word[:n])), None)


#: The words that join the states of a list (``甲国、乙国和丙国``).
_LIST_JOINER = re.compile(r"[、和及与]")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,10}")


def _states_listed_after(reading: Reading, hans: str, at: int) -> list[str]:
    """The states a visit's list goes on to name after its first (``对甲国、乙国和丙国进行
    国事访问``: 乙国, 丙国): a tour of several states, which is no one state a table's visits
    went to."""
    out = []
    while (joiner := _LIST_JOINER.match(hans, at)) and (word := _WORD.match(hans, joiner.end())):
        state = _state_at_the_start(reading, word.group(0))
        if state is None:
            break
        out.append(reading.index.key(state))
        at = joiner.end() + len(state)
    return out


def row_country(entry: Entry) -> list[tuple[str, str | None]]:
    """The one country a 国家 cell names: its last link (``{{flagicon|Morocco}} [[法属摩洛哥]]``
    is French Morocco), else its flag, else its text."""
    if entry.links:
        return [entry.links[-1]]
    if entry.flags:
        return [(entry.flags[0], None)]
    text = entry.text.strip()
    return [(text, None)] if text else []


def _venue_in_a_note(reading: Reading, summit, row: _Row) -> None:
    """A note cell that says where the talks were (``17日在[[人民大会堂]]会谈``), or where the
    leaders signed (``在[[大克里姆林宫]]签署国际条约``), gives the venue, more precise than the
    row's place column, and lies in it where nothing else says where it lies."""
    registry = reading.registry
    for cell in row.cells.get("other", []) + row.cells.get("outcome", []):
        text = to_hans(_text(reading, cell))
        held = HELD_AT.search(text)
        if held is None or not MEETING.search(text):
            held = SIGNED_AT.search(text)  # 在[[大克里姆林宫]]签署国际条约: where the leaders signed
        if held is None:
            continue
        for entry in entries_in(reading, cell.span):
            for shown, target in entry.links:
                if to_hans(shown) in held["w"] and not any(
                        registry.is_a(target, kind) for kind in (Kind.PERSON, Kind.DOCUMENT, Kind.ORGANIZATION)):
                    place = registry.named(Kind.PLACE, target, article=target)
                    evidence = (_evidence(reading, cell.span),)
                    row_place = next((v for v in registry.facts_about(summit, Prop.VENUE) if v != place), None)
                    if row_place is not None and not registry.has_fact(place, Prop.LOCATED_IN) \
                            and well_known_container(reading, place.key) is None:
                        registry.fact(place, Prop.LOCATED_IN, row_place, evidence=evidence)  # in the row's place
                    registry.fact(summit, Prop.VENUE, place, evidence=evidence)
                    registry.keep_only(summit, Prop.VENUE, place)
                    return


def _outcomes(reading: Reading, summit, row: _Row) -> None:
    """The documents of the outcome cells, and those a note cell of this row (not one spread
    from a row above) says were signed or issued (``达成《某协议》``, ``发表共同声明``)."""
    registry = reading.registry
    notes = [cell for cell in row.cells.get("other", []) if cell in row.own]
    for cell in row.cells.get("outcome", []) + notes:
        evidence = (_evidence(reading, cell.span),)
        links = [link for entry in entries_in(reading, cell.span) for link in entry.links]
        note = cell in notes  # a note names only what it says was signed or issued
        names = cell_documents(_text(reading, cell), said=note)
        for shown, target in links:
            if not note and to_hans(target).endswith(DOCUMENT_WORDS) and not any(
                    reading.index.same(target, n) or to_hans(shown) == to_hans(n) for n, _ in names):
                names.append((target, False))
        for name, by_kind in names:
            if by_kind:
                generic_document(reading, summit, name, evidence)
                continue
            linked = next((t for s, t in links if to_hans(s) == to_hans(name) or t == name), None)
            document = registry.named(Kind.DOCUMENT, linked or name, article=linked)
            registry.fact(summit, Prop.OUTCOME, document, evidence=evidence)


#: A cell that is an ordinal and nothing else (``第五届``, ``第3次``): the row's meeting's number.
_BARE_ORDINAL = re.compile(r"第\s*[0-9一二三四五六七八九十百两]+\s*[届次]")


def _ordinal(reading: Reading, summit, row: _Row) -> None:
    """The number column's, else a cell that numbers the meeting (``第一次非正式会晤``, or a
    bare ``第五届`` in a note column)."""
    for cell in row.cells.get("number", []):
        number = _number(_text(reading, cell))
        if number:
            reading.registry.fact(summit, Prop.ORDINAL, number, evidence=(_evidence(reading, cell.span),))
            return
    if row.cells.get("number"):
        return
    for cell in row.own:
        text = to_hans(_text(reading, cell)).strip()
        number = _number(text) if _BARE_ORDINAL.fullmatch(text) else ordinal_in(text, meetings_only=True)
        if number:
            reading.registry.fact(summit, Prop.ORDINAL, number, evidence=(_evidence(reading, cell.span),))
            return


def numbered_months(reading: Reading) -> list[tuple[int, int, int, tuple[Evidence, ...]]]:
    """(year, month, number, evidence) of each meeting table's row dated by a month alone
    (``第八轮 || 2023年11月``) that its number column numbers: the row makes no summit of its
    own, and its number is that of the meeting the prose tells in that month."""
    out = []
    for table, roles in meeting_tables(reading):
        for row in _rows(table, roles):
            numbers, dates = row.cells.get("number", [])[:1], row.cells.get("date", [])
            texts = [to_hans(_text(reading, cell)) for cell in dates]
            if not numbers or any(d.year_given for text in texts for d in find_dates(text)):
                continue  # a row with a day is a summit of its own
            months = [m for text in texts for m in find_year_months(text) if m.month is not None]
            number = _number(_text(reading, numbers[0]))
            if len(months) == 1 and number:
                cells = numbers + dates[:1]
                out.append((months[0].year, months[0].month, number, tuple(_evidence(reading, c.span) for c in cells)))
    return out


def _number(text: str) -> int | None:
    """A number column's cell: ``3``, ``第五届``, ``第3次``, or ``第九轮`` (the rounds of a
    mechanism's meetings, as a table of its sessions counts them)."""
    text = re.sub(r"[届次轮]$", "", to_hans(text).strip().removeprefix("第").strip()).strip()
    if text == "首":  # 首届: the first
        return 1
    if text.isdigit():
        return int(text) or None
    return chinese_number(text) if text else None


def _evidence(reading: Reading, span: Span) -> Evidence:
    text = passage(reading.document, span).text.strip()
    return Evidence(span, text or reading.document.text[span.start:span.end].strip(), None)


def rows_give_their_documents(reading: Reading, summits) -> None:
    """A meeting table's row that makes no summit of its own (a leader's cell left empty: ``李强 || — ||
    《甲纲要》``) but is dated to the days of exactly one summit the prose tells (the day after included):
    the documents of its outcome cells are that summit's, as they would be the row's own."""
    registry = reading.registry
    told = set()
    for fact in registry.facts_of(Prop.OUTCOME):
        told.update(evidence.span for evidence in fact.evidence)
    for table, roles in meeting_tables(reading):
        for row in _rows(table, roles):
            outcomes = row.cells.get("outcome", [])
            if not outcomes or any(cell.span in told for cell in outcomes):
                continue  # the row's own summit has read them
            days = [d for cell in row.cells.get("date", [])[:1] for d in find_dates(to_hans(_text(reading, cell)))
                    if d.year_given]
            if len(days) != 1:
                continue
            on_that_day = [s for s in summits if s.start <= days[0].start <= s.end + timedelta(days=1)]
            if len(on_that_day) == 1:
                _outcomes(reading, on_that_day[0].id, row)


def rows_number_their_summits(reading: Reading, summits) -> None:
    """A meeting table's number column (次序, 届次) numbers the meeting of its row: the summit
    it numbers keeps that number over one the prose says of it (``这是两人约三年来首次面对面
    会谈``, ``第八次中日韩领导人会议`` in a cell of the row), and a number the prose gives another
    summit (``第二次对某国进行国事访问``, a count of something else) is not that one's when the
    column gives it already."""
    registry = reading.registry
    cells = {cell.span for table, roles in meeting_tables(reading) for row in _rows(table, roles)
             for cell in row.cells.get("number", [])}
    ids = {summit.id for summit in summits}
    facts = [fact for fact in registry.facts_of(Prop.ORDINAL) if fact.subject in ids]
    by_column: dict[object, set[int]] = {}
    for fact in facts:
        if any(evidence.span in cells for evidence in fact.evidence):
            by_column.setdefault(fact.subject, set()).add(fact.value)
    numbered: dict[int, list[object]] = {}
    for subject, numbers in by_column.items():
        if len(numbers) == 1:  # two rows' numbers on one summit: no one number to keep
            number = next(iter(numbers))
            registry.keep_only(subject, Prop.ORDINAL, number)
            numbered.setdefault(number, []).append(subject)
    for fact in facts:
        if fact.subject not in by_column and len(numbered.get(fact.value, ())) == 1:
            registry.drop_one(fact.subject, Prop.ORDINAL, fact.value)
