"""Meeting tables: a wikitable whose header names a date and a place, participants or
outcome gives one summit per row that has a day-precise date.

Header words (Simplified view): a date column (日期, 时间, 年份), places (地点, 会场, 城市),
participants (领导人, 出席, 与会者, 元首, 首脑, 中方/美方, 会谈对象 …: every such column adds people),
outcome (成果, 文件, 签署) and a number (届, 次, 序号); a column headed by a state's name
(``法国 !! 德国``) holds that side's leaders; a column of mediators (``斡旋方``) adds them to the pair
the article's first sentence names; a caption of one pair's meetings (``张三与李四历次会晤``) names
the two who met in each row, the other of them a person even where no office types them. A table whose only column of people is one
side's (``中方领导人``, ``中方主要会谈领导人``, ``中方主要会见者``, ``会晤对象``, a state's top office: ``美国总统``) lists
that side's hosts, one or several a row, of the
one leader its caption (else the article's first sentence) names. A note cell or an explanatory note (``<ref group="注">``)
that says who else took part adds them; an explanatory note telling a meeting of the row's
leaders on another day (``峰会前一日（6月28日），甲与乙举行了双边会谈``) is a summit of its own; a cell that counts governments (``8个流亡政府``) or
a name that represents someone (``张三代表甲国``) names no leader. ``rowspan``/``colspan`` are spread
over the rows and columns they cover; links, flag templates and date templates in cells
are read; footnotes are not. A year in a column of its own (``年份 !! 日期``), else in the
heading of the table's section (``=== 2011年 ===``), else near the days the lead dates, else the year of a
list of one year's visits abroad (``某某2033年出访列表``: :func:`~kg.extract.visits_abroad.year_of_the_list`),
dates days written without one; a row whose day, so dated, is one of the visit the lead tells (a table of that
visit day by day) is of the visit, over its days. A row dated by month or year only gives no summit, nor does a row whose
own words (形式, 性质, 备注) say it was a call, a video link, cancelled or talks below the
leaders (an issue says so). Each fact points at the cell it came from.
"""

from __future__ import annotations

import re
from datetime import timedelta

from kg.extract.dates import DateRange, find_dates, find_year_months
from kg.extract.entities import titled_below_the_top
from kg.extract.entries import entries_in
from kg.extract.joining import SummitFound
from kg.extract.legs import VisitTold, the_leads_visit
from kg.extract.meeting_clauses import DAY_ONLY, LOWER_TALKS
from kg.extract.participants import participation as add_participation
from kg.extract.participants import met_each_time, subject_pair
from kg.extract.people import People
from kg.extract.phrases import GATHERINGS, NOT_TOP, ON_ITS_SIDELINES
from kg.extract.reading import Reading
from kg.extract.registry import digest
from kg.extract.roles import OFFICE_WORDS, titles_of
from kg.extract.scripts import to_hans, to_hant
from kg.extract.side_columns import SidesOffice, column_sides_offices, label_as_written, offices_of_the_sides
from kg.extract.table_notes import attendees_of_its_section, joined_in_a_note, meetings_in_notes, met_in_a_note
from kg.extract.table_people import (ABSENT, DELEGATIONS, OFFICE_IN_BRACKETS, REPRESENTS, caption_pair, is_linked,
                                     one_side_only, people_of_the_cell, role_from_prose, sentence_introducing,
                                     table_visitor, text_after_name)
from kg.extract.table_rows import (Row, cell_text, column_offices, indexes_its_rows, meeting_tables, offices_beside,
                                   rows_of, span_evidence)
from kg.extract.table_series import row_documents, row_ordinal, stops_of_one_tour
from kg.extract.table_venues import (guests_states, row_venue, states_of_the_row, venue_in_a_note, venue_of_the_intro,
                                     visited_country)
from kg.extract.text import Sentence
from kg.extract.visits_abroad import year_of_the_list
from kg.model import EntityId, Evidence, Inference, Kind, Label, Prop, Severity
from kg.wikitext import Cell, Table


#: A title naming a meeting of ministers (甲乙丙三方外长对话, 某论坛第十届部长级会议, 外长防长“2+2”会谈): the
#: meetings the article's table lists are its ministers', no summit.
_MINISTERS_MEETING = re.compile(r"外长|外交部长|外相|防长|国防部长|财长|部长级|外交秘书|2\+2")


def table_summits(reading: Reading, people: People) -> tuple[SummitFound, ...]:
    """One summit per row of a meeting table; none of an article about a meeting of ministers
    (:data:`_MINISTERS_MEETING`), whose table lists its rounds with each side's minister."""
    found: list[SummitFound] = []
    if _MINISTERS_MEETING.search(to_hans(reading.document.title or "")):
        return ()
    lead_days = days_the_lead_dates(reading)
    lead_visit = the_leads_visit(reading)
    listed_year = year_of_the_list(reading)
    title_year = listed_year or (year_of_the_event(reading) if lead_days is None else None)  # of a table of whom met
    if lead_days is not None and lead_days.start.year == title_year:
        title_year = None  # the lead's days are of the title's year: they date the table (or leave it undated)
    sides_offices = offices_of_the_sides(reading)
    for table, roles in meeting_tables(reading):
        pair = caption_pair(reading, table)
        visitor = table_visitor(reading, table) \
            if one_side_only(reading, table, roles) or "people" not in roles.values() else None
        visited = visited_country(reading, table)
        offices = column_offices(reading, table, roles)
        beside = offices_beside(reading, table, roles)
        sides = column_sides_offices(reading, table, roles, sides_offices)
        rows = rows_of(table, roles)
        unnumbered = stops_of_one_tour(reading, rows) or indexes_its_rows(reading, table, roles)  # numbers no meeting
        guests = guests_states(reading, rows)  # 国家 || 会见对象 || … || 某堂: each one met's state
        intro = sentence_introducing(reading, table)
        # the title's year dates a table of whom was met, not a schedule (活动) nor a tour's legs by state (国家)
        year = title_year if title_year == listed_year or ("people" in roles.values()
                                                           and "country" not in roles.values()) else None
        for row in rows:
            summit = _summit(reading, people, row, pair, visitor, visited, _heading_year(reading, table), offices,
                             unnumbered, lead_days, intro, year, beside, lead_visit, sides, guests)
            if summit is not None and all(s.id != summit.id for s in found):
                found.append(summit)
            for other in meetings_in_notes(reading, people, row, summit) if summit is not None else ():
                if all(s.id != other.id for s in found):
                    found.append(other)
    return tuple(found)


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
_MEETING_NOT_HELD = re.compile(r"(?:会晤|会谈|会面|峰会|首脑会议)[^，,；;。]{0,4}?(?:未能?举行|被?取消|未成行|告吹|流产)"
                               # or a clause of its own saying so (因某疫情取消，未举行)
                               r"|(?:^|[，,；;])(?:因[^，,；;。]{1,16}?)?[被已]?(?:取消|未能?举行|未成行)(?=[，,；;。]|$)")
#: A cell of no role that says in what standing the row's visitor came: ``以前首相身份访问`` in a note, or an office
#: alone in a column such as 身分 (``前首相``).
_CAME_AS = re.compile(r"以(?P<as>[^，,；;。以]{1,12}?)身[份分]|^(?P<cell>[^，,；;。\s]{1,12})$")


#: The last words of a standing that is a candidacy, not an office (共和党总统候选人, 当选人).
_CANDIDACIES = ("候选人", "当选人")


def _came_below_the_top(texts: list[str]) -> str | None:
    """The standing a row's cells of no role give its visitor when it is below the top or out of office
    (``前首相``, ``以外长身份访问``): the visit holds no summit. Not an office alone that tells no
    standing below the top (``英国看守首相``), nor words that are no office (``私人访问``). A cell may list standings,
    each an office or a candidacy (``前总统、共和党总统候选人``): one below the top is the row's (not a list in a clause,
    ``同意由两国外长、外交秘书恢复接触``, ``与国务卿、国防部长会谈``)."""
    for text in texts:
        parts = re.split(r"[、/]", text.strip())
        for part in parts if all(p.strip().endswith(OFFICE_WORDS + _CANDIDACIES) for p in parts) else [text]:
            came = _CAME_AS.search(part.strip())
            standing = came and (came["as"] or came["cell"])
            if standing and (came["as"] or standing.endswith(OFFICE_WORDS)) and NOT_TOP.search(standing):
                return standing
    return None


#: A row's words that its visit was to attend a gathering of many states (出席八国集团洞爷湖峰会, 出席二十国集团峰会),
#: or a forum's (出席第三届甲国－某洲论坛峰会: a forum is of many parties): not to meet the host; not a meeting on
#: its sidelines (峰会期间会晤).
_ATTENDED = re.compile(rf"^(?:赴[^，,；;。]{{0,10}}?)?(?:出席|参加|与会)[^，,；;。]{{0,12}}?(?:{GATHERINGS}|论坛)[^，,；;。]*$")


#: A note saying the pair both attended a gathering of many states (…出席的多边峰会，两人均与会), and no more.
_BOTH_ATTENDED = re.compile(r"多边[^；;。]*?(?:两人|二人|双方|两国元首|两国领导人)(?:均|都|皆|同时)(?:与会|出席|参加)")
#: A note's words of a meeting of the pair there (会晤, 双边会谈): the row is a meeting after all.
_MET_THERE = re.compile(r"会晤|会谈|会见|会面|双边|握手|交谈")


def _attended_a_gathering(reading: Reading, row: Row) -> str | None:
    """The words of a cell of no role (场合, 备注, 目的) saying the row's visit was to attend a gathering of many
    states and nothing else (``出席[[第34届八国集团首脑会议|八国集团洞爷湖峰会]]``), or that the pair both attended
    one (``…领导人出席的多边峰会，两人均与会``) with no meeting of theirs told: the gathering itself is no summit, and
    a meeting of two during it is told, with its own day, in the prose."""
    for cell in row.cells.get("other", []):
        text = to_hans(cell_text(reading, cell)).strip()
        if (found := _ATTENDED.match(text)) and not ON_ITS_SIDELINES.search(text):
            return found.group(0)
        if (found := _BOTH_ATTENDED.search(text)) and not _MET_THERE.search(text):
            return found.group(0)
    return None


#: A row's cell saying the visit was to a gathering of many states (``多边会议``) in a column of its kind (性质).
_MANY_STATES = re.compile(r"^多边(?:会议|峰会|场合)?$")


def _the_meetings_own_day(reading: Reading, row: Row, told: list[str], start, end):
    """The days of a row whose note tells its meeting: the day the note gives the meeting
    (``出席某峰会；11月17日与乙会晤``) when the row's visit was to a gathering of many states, whose
    days are not the meeting's; else the row's own days (a visit: ``正式访问 || 5月1日在白宫与乙会谈``)."""
    cells = [to_hans(cell_text(reading, cell)).strip() for cell in row.cells.get("other", [])]
    to_a_gathering = any(_MANY_STATES.match(text) or "访问" not in text and any(
        _ATTENDED.match(clause) for clause in re.split(r"[；;，,]", text)) for text in cells)
    days = [d for text in told for d in find_dates(text, year=start.year) if start <= d.start <= end] \
        or [d for text in told for d in _bare_days_of_the_row(text, start, end)]
    if to_a_gathering and len({(d.start, d.end) for d in days}) == 1:
        return days[0].start, days[0].end
    return start, end


def _bare_days_of_the_row(text: str, start, end) -> list[DateRange]:
    """The days a note tells with no month (``出席某峰会，9日与乙会晤``): of the row's days, in the month
    of the row's first or last day (``8月31日－9月1日 || …31日与乙会晤``), whichever holds it."""
    out = []
    for match in DAY_ONLY.finditer(text):
        for month in dict.fromkeys((start.month, end.month)):
            try:
                day = start.replace(year=start.year if month >= start.month else end.year, month=month,
                                    day=int(match["d"]))
            except ValueError:
                continue
            if start <= day <= end:
                out.append(DateRange(day, day, 0, 0, False))
                break
    return out


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


#: How far from the days the lead dates a row's day without a year may lie and still be of their year.
NEAR_THE_LEAD = timedelta(days=31)


def days_the_lead_dates(reading: Reading) -> DateRange | None:
    """The first days with their year that the lead's first paragraph gives (``是指甲国总理张三于2033年5月6日至8日
    在某城与来访各国领导人举行的会谈``): the days of the event the article tells."""
    first = [s for s in reading.lead if s.paragraph == reading.lead[0].paragraph] if reading.lead else []
    return next((d for s in first for d in find_dates(s.hans) if d.year_given), None)


def year_of_the_event(reading: Reading) -> int | None:
    """The one year an article's title names when its first sentence names no other (``2033年甲乙会议期间张三双边
    会见…是指…于2033年11月在某城…``, ``2033年甲国领导人出访列表…列出2033年…``; called where that sentence dates
    no day): the year of the event or of the list the article is about, the year of a table's days written without
    one (``11月10日``, ``8月16日－21日``). Not a title naming two years, nor one whose first sentence tells
    another year too (``于2032年当选后，于2033年11月``)."""
    years = {y.year for y in find_year_months(to_hans(reading.document.title or ""))}
    if len(years) != 1 or not reading.lead:
        return None
    told = {y.year for y in find_year_months(reading.lead[0].hans)}
    return next(iter(years)) if told == years else None


def _near_the_leads_days(hans: str, lead_days: DateRange) -> DateRange | None:
    """A row's day written without a year (``5月7日``) in a table with no year of its own (no column, no heading
    giving one), read in the year of the days the lead dates when it then falls within a month of them: a
    table of the meetings of the event the article is about (the lead's ``2033年5月6日至8日``, a row's ``5月7日``).
    Not a day that would lie further off in that year (a row's ``12月1日`` against the lead's May)."""
    found = find_dates(hans, year=lead_days.start.year)
    if not found or not (lead_days.start - NEAR_THE_LEAD <= found[0].start
                         and found[0].end <= lead_days.end + NEAR_THE_LEAD):
        return None
    return found[0]


def _a_day_of_the_leads_visit(day: DateRange, visit: VisitTold | None) -> tuple | None:
    """The days of the one visit the lead tells (``於2013年7月3日至8日對乙國進行的正式訪問``, not a tour of several
    states) when a row's day, written without a year, is one of them (``7月4日 || 某都 || 抵達某都；乙國主席於當天
    會見甲``): the table is that visit's account day by day, and what its row tells is of the visit, one summit over
    the visit's days (the conventions), not a summit of its own day."""
    if visit is None or visit.tour or not (visit.days.start <= day.start and day.end <= visit.days.end) \
            or (day.start, day.end) == (visit.days.start, visit.days.end):
        return None
    return visit.days.start, visit.days.end


def _year_column(reading: Reading, cells: list[Cell]) -> int | None:
    """The year a date cell of its own gives (``2011年``, ``2011``), for the days of another."""
    for cell in cells:
        match = _YEAR_ONLY.match(to_hans(cell_text(reading, cell)))
        if match:
            return int(match["y"])
    return None


def _of_its_body(reading: Reading, people: People, key: str, office: str | None) -> str | None:
    """A bare office word a cell writes after a name (``张三主席、李四总理``) as the one office of a state's body
    the article gives the person that ends in it, written with no state's name (``国家主席``, ``国务院总理``):
    which body's 主席 the cell means. One that names its state (``乙国总理``) the article's other mentions give."""
    if office is None or to_hans(office) not in OFFICE_WORDS:
        return office
    bodies = {o for o in people.offices.get(key, ()) if to_hans(o).endswith(to_hans(office)) and o != office
              and all(title.state is None for title in titles_of(o, reading.index))}
    return bodies.pop() if len(bodies) == 1 else office


def _office_beside(reading: Reading, row: Row, cell, beside: dict[int, int]) -> str | None:
    """The office a row writes in the column of offices beside a cell of one person (``[[张三]] || 国家主席``):
    a top office, its gloss in brackets left out (``总统（共同主席）``); none beside a cell of several."""
    column = dict(row.columns).get(cell)
    at = beside.get(column) if column is not None else None
    if at is None or len(entries_in(reading, cell.span)) != 1:
        return None
    office = next((re.sub(r"[（(][^（）()]*[）)]", "", cell_text(reading, other)).strip()
                   for other, first in row.columns if first == at), "")
    return office if to_hans(office).endswith(OFFICE_WORDS) and not NOT_TOP.search(to_hans(office)) else None


def _only_below_the_top(reading: Reading, people: People, key: str) -> bool:
    """Whether the article gives a person no office of a side's top and writes him after one below it
    (``[[某组织秘书长]][[丙]]斡旋下``): a row's cell naming him bare lists one who sat in, not a leader who met."""
    return not people.offices.get(key) and titled_below_the_top(reading, key)


def _summit(reading: Reading, people: People, row: Row, pair: tuple[tuple[str, Evidence], ...] = (),
            visitor: tuple[str, Evidence, bool] | None = None,
            visited: tuple[str, Evidence] | None = None, heading_year: int | None = None,
            offices: dict[int, str] | None = None, unnumbered: bool = False,
            lead_days: DateRange | None = None, intro: Sentence | None = None,
            title_year: int | None = None, beside: dict[int, int] | None = None,
            lead_visit: VisitTold | None = None, sides: dict[int, SidesOffice] | None = None,
            guests: bool = False) -> SummitFound | None:
    registry = reading.registry
    date_cells = row.cells.get("date", [])
    when = None
    row_day = None  # a row's own day where the row is one day of the lead's visit, whose days it takes
    for cell in date_cells:
        found = [d for d in find_dates(to_hans(cell_text(reading, cell))) if d.year_given]
        if found:
            when = (found[0].start, found[0].end, cell)
            break
    year = (_year_column(reading, date_cells) or heading_year) if when is None else None
    for cell in date_cells if year is not None else ():  # 年份 || 5月20日－26日: the year in a column of its own
        found = find_dates(to_hans(cell_text(reading, cell)), year=year)
        if found:
            when = (found[0].start, found[0].end, cell)
            break
    for cell in date_cells if when is None and year is None and lead_days is not None else ():
        found = _near_the_leads_days(to_hans(cell_text(reading, cell)), lead_days)
        if found:
            if (visit_days := _a_day_of_the_leads_visit(found, lead_visit)) is not None:
                row_day = found.start  # the row's own day keys its summit: each row one witness of the visit
            when = (*(visit_days or (found.start, found.end)), cell)
            break
    for cell in date_cells if when is None and year is None and title_year is not None else ():
        found = find_dates(to_hans(cell_text(reading, cell)), year=title_year)
        if found:
            when = (found[0].start, found[0].end, cell)
            break
    if when is None:
        shown = " ".join(cell_text(reading, c).strip() for c in date_cells)
        reading.note(f"a meeting table row dated {shown or 'by nothing'!r} gives no day; no summit made",
                     row.span.start, Severity.INFO)
        return None
    start, end, date_cell = when
    other = " ".join(to_hans(cell_text(reading, cell)) for cell in row.cells.get("other", []))
    no_meeting = _NO_MEETING.search(other) or LOWER_TALKS.search(other) or next(
        (found for cell in row.own if cell is not date_cell  # || colspan="3" | 未举行: in any column
         and (found := _NOT_HELD_CELL.fullmatch(to_hans(cell_text(reading, cell)).strip())
              or _MEETING_NOT_HELD.search(to_hans(cell_text(reading, cell))))), None)
    if standing := _came_below_the_top([to_hans(cell_text(reading, cell)) for cell in row.cells.get("other", [])]):
        reading.note(f"a meeting table row of {start.isoformat()} says its visitor came as {standing!r}, not as a "
                     "leader in office; no summit made", row.span.start, Severity.INFO)
        return None
    if end > start and len(states := states_of_the_row(reading, row)) > 1:
        reading.note(f"a meeting table row of {start.isoformat()} to {end.isoformat()} lists the states of a tour "
                     f"({'、'.join(states)}): the meetings of each state are told by its own days, not by the "
                     "tour's; no summit made", row.span.start, Severity.INFO)
        return None
    if attended := _attended_a_gathering(reading, row):
        reading.note(f"a meeting table row of {start.isoformat()} says its visit was to attend {attended!r}, a "
                     "gathering of many states; no summit made (a meeting of two there is the prose's)",
                     row.span.start, Severity.INFO)
        return None
    if no_meeting:
        reading.note(f"a meeting table row of {start.isoformat()} says {no_meeting.group(0)!r}: a call, a plan "
                     "or talks below the leaders; no summit made", row.span.start, Severity.INFO)
        return None
    persons = []  # (entity, office, cell)
    if visitor is not None and "people" not in row.cells and "number" not in row.cells:  # 3月19日在白宫与乙会谈: the host met
        met, told = met_in_a_note(reading, people, row)
        persons += [(person, None, cell) for person, cell in met]
        start, end = _the_meetings_own_day(reading, row, told, start, end)
    if "people" in row.cells:  # 出席某峰会，9日与乙会晤 beside a column of those met: the day of the meeting
        start, end = _the_meetings_own_day(reading, row, met_in_a_note(reading, people, row)[1], start, end)
    for cell in row.cells.get("people", []) + row.cells.get("mediator", []):
        if DELEGATIONS.search(to_hans(cell_text(reading, cell))):
            continue  # 甲、乙及8个流亡政府: representatives of governments, not their leaders
        headed = (offices or {}).get(dict(row.columns).get(cell, -1))  # 日本首相 !! 韩国总统
        written = _office_beside(reading, row, cell, beside or {})  # 乙方领导人 !! 职务
        for entry in entries_in(reading, cell.span):
            for name, office in people_of_the_cell(reading, entry):
                if office and NOT_TOP.search(to_hans(office)):
                    continue  # a minister or an envoy at the table
                bracket = OFFICE_IN_BRACKETS.match(text_after_name(entry, name))  # the row's own word on them, not a filter:
                if office is None and bracket and bracket["office"].endswith(OFFICE_WORDS):  # 邓小平（国务院副总理）
                    said = to_hans(bracket["office"])  # 当选总统 is the 乙国当选总统 the article names them
                    office = next((o for o in people.offices.get(reading.index.key(name), ())
                                   if to_hans(o).endswith(said)), bracket["office"])
                elif office is None and headed:
                    if NOT_TOP.search(to_hans(headed)):
                        continue  # a column of ministers
                    office = headed
                elif office is None and written:
                    office = next((o for o in people.offices.get(reading.index.key(name), ())
                                   if to_hans(o).endswith(to_hans(written))), written)
                if REPRESENTS.match(text_after_name(entry, name)):
                    continue  # 张三代表甲国: a representative
                if office is None and bracket is None and _only_below_the_top(reading, people, reading.index.key(name)):
                    continue  # 甲、乙、丙 with 丙 the 某组织秘书长 who brought them together: no side's leader
                if bracket and ABSENT.search(bracket.group(0)):
                    continue  # [[李四]]（未出席）
                persons.append((registry.named(Kind.PERSON, name, article=name if is_linked(entry, name) else None),
                                _of_its_body(reading, people, reading.index.key(name), office), cell))
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
    elif "people" not in row.cells:  # a table of one pair's meetings (and their mediators) names them only in the lead,
        # or the lead says who met each time (甲在每次访问中都与乙、丙和丁举行会谈)
        inferred = [registry.named(Kind.PERSON, surface) for _, surface, _ in _named_in_the_lead(reading)]
    persons += [joined for joined in joined_in_a_note(reading, people, row)
                if joined[0].key not in {p.key for p, _, _ in persons} | {p.key for p in inferred}]
    if len({p.key for p, _, _ in persons} | {p.key for p in inferred}) < 2:  # 届次 || 日期 || 地点 and a section each
        persons += [attendee for attendee in attendees_of_its_section(reading, people, row)
                    if attendee[0].key not in {p.key for p, _, _ in persons} | {p.key for p in inferred}]
    if len({p.key for p, _, _ in persons} | {p.key for p in inferred}) < 2:
        inferred += _the_other_of_the_pair(reading, {p.key for p, _, _ in persons} | {p.key for p in inferred})
    keys = tuple(sorted({p.key for p, _, _ in persons} | {p.key for p in inferred}))
    if len(keys) < 2:
        reading.note(f"a meeting table row of {start.isoformat()} names fewer than two leaders; no summit made",
                     row.span.start, Severity.INFO)
        return None
    summit = registry.unnamed(Kind.SUMMIT, f"{(row_day or start).isoformat()}-{digest(keys)}")
    row_evidence = span_evidence(reading, row.span)
    registry.evidence(summit, row_evidence)
    title = f"{start.year}年{start.month}月{start.day}日{reading.document.title}"
    registry.label(summit, Label(to_hans(title), "zh-Hans"), preferred=True)
    registry.label(summit, Label(to_hant(title), "zh-Hant"), preferred=True)
    dated = span_evidence(reading, date_cell.span)
    registry.fact(summit, Prop.START_DATE, start, evidence=(dated,))
    registry.fact(summit, Prop.END_DATE, end, evidence=(dated,))
    sided, titled = [], False  # people of a side's column the text gives no office; whether it gives any other one
    for person, office, cell in persons:
        evidence = (cell,) if isinstance(cell, Evidence) else (span_evidence(reading, cell.span),)
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=evidence)
        participation = add_participation(registry, summit, person, people.sides.get(person.key))
        if office:
            registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, office), evidence=evidence)
        else:  # the office the prose gives them where it tells of that day, else the article's
            role_from_prose(reading, people, participation, person, start)
            side = None if isinstance(cell, Evidence) else (sides or {}).get(dict(row.columns).get(cell, -1))
            if side is not None and not registry.has_fact(participation, Prop.ROLE) and not people.offices.get(person.key):
                sided.append((participation, side))
        titled = titled or registry.has_fact(participation, Prop.ROLE)
    for participation, side in sided if titled else ():
        # 俄方 || 某甲 under 是指俄罗斯总统与…举行的, the row's others given offices: the side's office is the one he met in
        registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, side.key),
                      inference=Inference.LEAD_PARAGRAPH, evidence=(side.evidence,))
        label_as_written(reading, side)
    lead = [] if not inferred else [visitor[1]] * len(inferred) if visitor is not None else \
        [sentence.evidence() for _, _, sentence in _named_in_the_lead(reading)]  # read only where a row infers someone
    for person, evidence in zip(inferred, lead):
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=(evidence, row_evidence),
                      inference=Inference.LEAD_PARAGRAPH)
        participation = add_participation(registry, summit, person, None)
        role_from_prose(reading, people, participation, person, start)
    row_venue(reading, summit, row, visited, guests=guests)
    venue_in_a_note(reading, summit, row)
    if intro is not None and not registry.has_fact(summit, Prop.VENUE):
        venue_of_the_intro(reading, summit, intro)
    row_documents(reading, summit, row)
    row_ordinal(reading, summit, row, numbers_no_meeting=unnumbered)
    return SummitFound(summit, None, start, end, None, keys)


def _named_in_the_lead(reading: Reading) -> tuple[tuple[str, str, Sentence], ...]:
    """The leaders the lead says each row's meeting is of: the pair it is about, else those it says met each time."""
    return subject_pair(reading) or met_each_time(reading)


def _the_other_of_the_pair(reading: Reading, named: set[str]) -> list[EntityId]:
    """The other of the two leaders an article of one pair's meetings is about (``甲与乙会晤``), where a row names
    only one of them (``2010年4月2日 || 某都 || 乙（总理）``): each row is the pair's; none where the row names
    someone else, or the lead names no pair."""
    pair = subject_pair(reading)
    keys = {key for key, _, _ in pair}
    if len(keys) != 2 or len(named) != 1 or not named <= keys:
        return []
    return [reading.registry.named(Kind.PERSON, surface) for key, surface, _ in pair if key not in named]
