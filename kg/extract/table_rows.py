"""Which tables list meetings, and their rows (:mod:`kg.extract.tables` reads each row as a
summit): each column's role from its header (a date, a number, a country, a place, mediators,
people, an outcome; a column headed by a state's name, or by one side's leaders), the office a
column of people is headed by, the data rows with ``rowspan`` and ``colspan`` spread, a cell's
plain text and evidence, and a number cell (``3``, ``第五届``, ``首届``, ``第九轮``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.dates import chinese_number
from kg.extract.phrases import GATHERINGS
from kg.extract.reading import Reading
from kg.extract.roles import OFFICE_WORDS, chairs_the_meeting
from kg.extract.scripts import to_hans
from kg.model import Evidence, Span
from kg.wikitext import Cell, Table, is_header_row, passage, spread_rows


#: A column of the third parties who brought a pair together (``斡旋方``, ``调停人``), or who hosted or
#: brought them together (``主持或斡旋方``, ``斡旋/主办方``): each row's meeting is the article's pair's, with them.
_MEDIATOR_COLUMN = re.compile(r"^(?:(?:主持|主办|东道)[或、/和及])?(?:斡旋|调停|调解|居间|促成)(?:[或、/和及](?:主持|主办))?"
                              r"(?:方|者|人|国|方领导人)$")
#: A column of the others who took part (``其他参加者``, ``其余与会领导人``): read as a column of mediators is, each row
#: the article's pair's meeting with them.
_OTHERS_COLUMN = re.compile(r"^(?:其他|其它|其余|另外)的?(?:参加者|参会者|与会者|出席者|参与者|参加人|与会领导人|领导人|与会方)$")

#: The words of meeting a header names its people by, one or two joined (``会谈对象``, ``会谈、会见对象``,
#: ``会见、会谈的中国领导人``): the two words are one meeting's, not two columns'.
_MET = r"(?:会谈|会见|会晤|接见|接待)(?:[、/和与及](?:会谈|会见|会晤|接见|接待))?"
#: What a header of whom the visitor met may put before its words of meeting: that they were the main ones
#: (``主要会谈对象``: whom he mainly met) or of which side (``乙方会谈对象``, the side's name shortened to a
#: character or two before 方, ``乙方主要会见对象``). Still the hosts the visitor met, one column of people.
_WHOSE_MET = r"(?:[\u4e00-\u9fff]{1,2}方)?(?:主要)?"

_COLUMNS = (
    ("date", re.compile(r"日期|时间|年份|日程|年月")),
    ("number", re.compile(r"^(届|次|轮|序号|编号|#|届次|次序|轮次)$")),  # 轮次: a mechanism's rounds (首轮, 第二轮)
    ("country", re.compile(r"^(国家|国别|所在国|东道国|主办国|举办国)$")),
    ("place", re.compile(r"地点|会场|城市|举办地|地址|场地|国家(?!主席|元首|领导人|总理)")),  # not 中国国家主席
    ("mediator", _MEDIATOR_COLUMN),
    ("mediator", _OTHERS_COLUMN),
    ("people", re.compile(r"领导人|出席|与会|参与|参加|元首|首脑|方$|总统|主席|总理|首相|人物|东道主|主持人|主办者"
                          r"|^" + _WHOSE_MET + _MET + r"对象$|" + _MET + r"者$"  # 会谈对象, 会谈、会见对象, 会见者: whom the visitor of a table of one side's hosts met
                          r"|^[\u4e00-\u9fff]{0,4}(?:天皇|国王|女王|教宗)$")),  # a monarch's column: 天皇, 英国国王, 教宗
    ("outcome", re.compile(r"成果|文件|签署|结果|协议|宣言")),
)


@dataclass(frozen=True)
class Row:
    span: Span
    cells: dict[str, list[Cell]]  # column role → the cells of this row in that role
    own: tuple[Cell, ...] = ()  # the cells written in this row (not spread into it from above)
    columns: tuple[tuple[Cell, int], ...] = ()  # each cell with the first column it stands in


#: A column headed by a union of states that meets a partner as one side (``加拿大 !! 欧盟``, ``加共体方面``): the
#: union's leaders (the presidents of its council and commission, its chair) are that side's, as a state's are.
_A_UNIONS_SIDE = re.compile(rf"^(?:{GATHERINGS}|加共体|加勒比共同体)(?:方面|方)?$")


#: A column of one side's leaders: ``中方``, ``中方领导人``, ``中方主要会见者``, ``乙方会谈对象``, ``美国领导人``, ``美国总统`` (a state's
#: name is checked against the reference list of states), or of whom the one visitor (mainly) met: ``会谈对象``,
#: ``会晤对象``, ``主要会见者`` (a tour's schedule).
SIDE_COLUMN = re.compile(r"^[\u4e00-\u9fff]{1,2}方面?(?:(?:主要)?(?:(?:" + _MET + r")?(?:领导人|元首|首脑)|" + _MET + r"(?:者|对象)))?$"
                         r"|^(?:主要)?(?:来访|到访|出访|访问|" + _MET + r")(?:领导人|元首|首脑|者|对象)$|^外宾$")
#: What follows a state's name in a header of its leaders (``美国领导人``) or of its top office (``美国总统``).
LEADERS_WORD = re.compile(r"(领导人|元首|首脑|总统|总理|首相|国王|女王)$")
#: A side's column named by the meeting its leaders had with the visitor: ``会见的中国领导人``,
#: ``会谈的中方领导人`` read as ``中国领导人``, ``中方领导人``.
MET_THE_VISITOR = re.compile(r"^(?:所|曾)?" + _MET + r"的")


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
            text = to_hans(cell_text(reading, cell)).strip()
            role = next((name for name, pattern in _COLUMNS if pattern.search(text)), None)
            if role is None and (reading.index.is_state(text) or reading.index.is_state(text.removesuffix("方面"))
                                 or _A_UNIONS_SIDE.match(text)):
                role = "people"  # 法国 !! 德国, 以色列方面 !! 德国方面, 甲国 !! 欧盟: a side's leaders
            for offset in range(cell.colspan):
                if role:
                    roles[column + offset] = role
            column += cell.colspan
        if "date" in roles.values() and {"place", "country", "people", "outcome"} & set(roles.values()):
            out.append((table, roles))
    return tuple(out)


#: A number column that indexes the list's rows (序号, 编号, #), as against one of the series' numbers (届, 次, 轮).
_INDEX_HEADER = re.compile(r"^(?:序号|编号|#)$")


def indexes_its_rows(reading: Reading, table: Table, roles: dict[int, str]) -> bool:
    """Whether the table's number column only indexes the rows of a list of several pairs' meetings (``# || 美国总统
    || 沙特国王``, ``序号 || 日方 || 斯方``: whoever held the office met): no row's number is its meeting's place in a
    series, which only its own words give (``第三次会晤``). Not a column of 届 or 次, nor the index of a table of one
    pair's meetings, named in the lead, not in a column (``序号 || 日期 || 地点``): each its meeting's place."""
    if "people" not in roles.values():
        return False
    column = 0
    for cell in table.header():
        if roles.get(column) == "number":
            return _INDEX_HEADER.match(to_hans(cell_text(reading, cell)).strip()) is not None
        column += cell.colspan
    return False


#: A column header that describes its people rather than giving their office.
DESCRIBING_HEADER = re.compile(r"(领导人|元首|首脑|方)$")


def column_offices(reading: Reading, table: Table, roles: dict[int, str]) -> dict[int, str]:
    """The office a column of people is headed by (``中国国务院总理 !! 日本首相``, ``会晤的甲国总统``): each
    person in it held it then. A header that only describes them (``中方领导人``) is none."""
    header = table.header()
    out, column = {}, 0
    for cell in header:
        text = re.sub(r"\s+", "", re.sub(r"[（(][^（）()]*[）)]\s*$", "", cell_text(reading, cell).strip()))  # 日本首相<br>（内阁总理大臣）
        hans = to_hans(text)
        met = MET_THE_VISITOR.match(hans)  # 会晤的甲国总统: those the visitor met, who held that office
        if met:
            text, hans = text[met.end():], hans[met.end():]
        if roles.get(column) == "people" and hans.endswith(OFFICE_WORDS) and not DESCRIBING_HEADER.search(hans) \
                and not chairs_the_meeting(hans):  # 主席, 共同主席: the meeting's chairs, of whatever office
            for offset in range(cell.colspan):
                out[column + offset] = text
        column += cell.colspan
    return out


#: A column that gives the office of the person beside it (``乙方领导人 !! 职务``, ``会见对象 !! 职务``).
_OFFICE_COLUMN = re.compile(r"^(?:职务|职位|官职|职衔|头衔|身份|身分)$")


def offices_beside(reading: Reading, table: Table, roles: dict[int, str]) -> dict[int, int]:
    """The column of offices right after a column of people (``乙方领导人 !! 职务 !! 甲国总统``), by the
    people's column: each row's office cell is the office the person beside it held then, as a header
    office is a column's (:func:`column_offices`). A column of offices after no column of people (``日期 !!
    身份``: the standing of a table's one visitor) is none."""
    header = table.header()
    out, column = {}, 0
    for cell in header:
        if column > 0 and roles.get(column - 1) == "people" and roles.get(column) is None \
                and _OFFICE_COLUMN.match(to_hans(cell_text(reading, cell)).strip()):
            out[column - 1] = column
        column += cell.colspan
    return out


def rows_of(table: Table, roles: dict[int, str]) -> list[Row]:
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
            out.append(Row(Span(min(s.start for s in own), max(s.end for s in own)), cells, tuple(row),
                           tuple(first.items())))
    return out


def cell_text(reading: Reading, cell: Cell) -> str:
    return passage(reading.document, cell.span).text


def number_cell(text: str) -> int | None:
    """A number column's cell: ``3``, ``第五届``, ``第3次``, or ``第九轮`` (the rounds of a
    mechanism's meetings, as a table of its sessions counts them)."""
    text = re.sub(r"[届次轮]$", "", to_hans(text).strip().removeprefix("第").strip()).strip()
    if text == "首":  # 首届: the first
        return 1
    if text.isdigit():
        return int(text) or None
    return chinese_number(text) if text else None


def span_evidence(reading: Reading, span: Span) -> Evidence:
    text = passage(reading.document, span).text.strip()
    return Evidence(span, text or reading.document.text[span.start:span.end].strip(), None)
