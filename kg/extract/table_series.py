"""What a meeting table's rows number and sign: a row's ordinal (its number column, unless the
rows are the stops of one tour, else a cell that numbers the meeting), the documents of its
outcome and note cells; rows dated by a month that a number column numbers
(:func:`numbered_months`); and the table's say over the summits the prose tells, numbers
(:func:`rows_number_their_summits`) and documents (:func:`rows_give_their_documents`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.dates import find_dates, find_year_months
from kg.extract.document_names import DOCUMENT_WORDS, cell_documents
from kg.extract.documents import generic_document
from kg.extract.entries import entries_in
from kg.extract.ordinals import ordinal_in
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.table_rows import Row, cell_text, indexes_its_rows, meeting_tables, number_cell, rows_of, span_evidence
from kg.model import Evidence, Kind, Prop


def row_documents(reading: Reading, summit, row: Row) -> None:
    """The documents of the outcome cells, and those a note cell of this row (not one spread
    from a row above) says were signed or issued (``达成《某协议》``, ``发表共同声明``)."""
    registry = reading.registry
    notes = [cell for cell in row.cells.get("other", []) if cell in row.own]
    for cell in row.cells.get("outcome", []) + notes:
        evidence = (span_evidence(reading, cell.span),)
        links = [link for entry in entries_in(reading, cell.span) for link in entry.links]
        note = cell in notes  # a note names only what it says was signed or issued
        names = cell_documents(cell_text(reading, cell), said=note)
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


def row_ordinal(reading: Reading, summit, row: Row, *, numbers_no_meeting: bool = False) -> None:
    """The number column's, else a cell that numbers the meeting (``第一次非正式会晤``, or a
    bare ``第五届`` in a note column). The number column of a table of one tour's stops (see
    :func:`stops_of_one_tour`) orders its stops, and one headed 序号 or # indexes a list's rows: neither numbers a
    meeting (``numbers_no_meeting``)."""
    for cell in row.cells.get("number", []) if not numbers_no_meeting else ():
        number = number_cell(cell_text(reading, cell))
        if number:
            reading.registry.fact(summit, Prop.ORDINAL, number, evidence=(span_evidence(reading, cell.span),))
            return
    if row.cells.get("number") and not numbers_no_meeting:
        return
    for cell in row.own:
        text = to_hans(cell_text(reading, cell)).strip()
        number = number_cell(text) if _BARE_ORDINAL.fullmatch(text) else ordinal_in(text, meetings_only=True)
        if number:
            reading.registry.fact(summit, Prop.ORDINAL, number, evidence=(span_evidence(reading, cell.span),))
            return


#: The most days a tour's stops are apart: a table whose rows all lie within them lists one trip.
_ONE_TOUR = timedelta(days=31)


def stops_of_one_tour(reading: Reading, rows: list[Row]) -> bool:
    """Whether a table's rows are the stops of one trip: two or more rows, each dated to a day,
    all within a month (``1 || 2024年12月3日 || 甲国``, ``2 || 2024年12月5日 || 乙国``): its
    number column orders the stops, not the meetings of a series."""
    days = []
    for row in rows:
        found = [d for cell in row.cells.get("date", [])[:1] for d in find_dates(to_hans(cell_text(reading, cell)))
                 if d.year_given]
        if not found:
            return False
        days.append(found[0])
    return len(days) > 1 and max(d.end for d in days) - min(d.start for d in days) <= _ONE_TOUR


def numbered_months(reading: Reading) -> list[tuple[int, int, int, tuple[Evidence, ...]]]:
    """(year, month, number, evidence) of each meeting table's row dated by a month alone
    (``第八轮 || 2023年11月``) that its number column numbers (not one that indexes a list's rows, 序号): the row
    makes no summit of its own, and its number is that of the meeting the prose tells in that month."""
    out = []
    for table, roles in meeting_tables(reading):
        for row in rows_of(table, roles) if not indexes_its_rows(reading, table, roles) else ():
            numbers, dates = row.cells.get("number", [])[:1], row.cells.get("date", [])
            texts = [to_hans(cell_text(reading, cell)) for cell in dates]
            if not numbers or any(d.year_given for text in texts for d in find_dates(text)):
                continue  # a row with a day is a summit of its own
            months = [m for text in texts for m in find_year_months(text) if m.month is not None]
            number = number_cell(cell_text(reading, numbers[0]))
            if len(months) == 1 and number:
                cells = numbers + dates[:1]
                out.append((months[0].year, months[0].month, number, tuple(span_evidence(reading, c.span) for c in cells)))
    return out


def years_of_the_numbered_rows(reading: Reading) -> dict[int, int]:
    """The year of each number a meeting table's rows give with a day (``第四次 || 2036年3月8日``), where all its
    rows give one year: a section headed by that number (``=== 第四次会议 ===``) tells that row's meeting, and its
    days without a year (``第四次会议于3月8日在某城举行``) are of that year, not of the year the text reached last."""
    years: dict[int, set[int]] = {}
    for table, roles in meeting_tables(reading):
        for row in rows_of(table, roles) if not indexes_its_rows(reading, table, roles) else ():
            numbers, dates = row.cells.get("number", [])[:1], row.cells.get("date", [])[:1]
            number = number_cell(cell_text(reading, numbers[0])) if numbers else None
            days = [d for cell in dates for d in find_dates(to_hans(cell_text(reading, cell))) if d.year_given]
            if number and days:
                years.setdefault(number, set()).add(days[0].start.year)
    return {number: found.pop() for number, found in years.items() if len(found) == 1}


def numbered_days(reading: Reading) -> list[tuple[date, date, int, tuple[Evidence, ...]]]:
    """(first day, last day, number, evidence) of each meeting table's row dated by its days
    that its number column numbers (``1 || 2031年11月1日—2日 || 某都 || 正式访问``), in a table
    of a series (not the stops of one tour, which its number orders, nor a list whose 序号 indexes
    its rows): where the row names no two leaders and makes no summit of its own, its number is
    that of the meeting the prose tells on those days. Not a session of a conference (``第28届``):
    a meeting on its sidelines those days is no session of it."""
    out = []
    for table, roles in meeting_tables(reading):
        rows = rows_of(table, roles)
        if stops_of_one_tour(reading, rows) or indexes_its_rows(reading, table, roles):
            continue  # the stops of one tour, or a list's rows (序号): no meeting's number
        for row in rows:
            numbers, dates = row.cells.get("number", [])[:1], row.cells.get("date", [])[:1]
            days = [d for cell in dates for d in find_dates(to_hans(cell_text(reading, cell))) if d.year_given]
            written = to_hans(cell_text(reading, numbers[0])) if numbers else ""
            number = number_cell(written) if numbers and "届" not in written else None
            if len(days) == 1 and number:
                cells = numbers + dates
                out.append((days[0].start, days[0].end, number, tuple(span_evidence(reading, c.span) for c in cells)))
    return out


def rows_give_their_documents(reading: Reading, summits) -> None:
    """A meeting table's row that makes no summit of its own (a leader's cell left empty: ``李强 || — ||
    《甲纲要》``) but is dated to the days of exactly one summit the prose tells (the day after included):
    the documents of its outcome cells are that summit's, as they would be the row's own."""
    registry = reading.registry
    told = set()
    for fact in registry.facts_of(Prop.OUTCOME):
        told.update(evidence.span for evidence in fact.evidence)
    for table, roles in meeting_tables(reading):
        for row in rows_of(table, roles):
            outcomes = row.cells.get("outcome", [])
            if not outcomes or any(cell.span in told for cell in outcomes):
                continue  # the row's own summit has read them
            days = [d for cell in row.cells.get("date", [])[:1] for d in find_dates(to_hans(cell_text(reading, cell)))
                    if d.year_given]
            if len(days) != 1:
                continue
            on_that_day = [s for s in summits if s.start <= days[0].start <= s.end + timedelta(days=1)]
            if len(on_that_day) == 1:
                row_documents(reading, on_that_day[0].id, row)


def rows_number_their_summits(reading: Reading, summits) -> None:
    """A meeting table's number column (次序, 届次), or else a cell of the row that numbers its meeting
    (``甲乙丙三国元首第七次会晤`` in a 形式 column: :func:`row_ordinal`), numbers the meeting of its row: the summit
    it numbers keeps that number over one the prose says of it (``这是两人约三年来首次面对面
    会谈``, ``第八次中日韩领导人会议`` in a cell of the row, ``三国元首第六次会晤于2032年在某城举行`` told of
    the meeting before), and a number the prose gives another summit (``第二次对某国进行国事访问``, a count of
    something else) is not that one's when the row gives it already."""
    registry = reading.registry
    cells = {cell.span for table, roles in meeting_tables(reading) for row in rows_of(table, roles)
             for cell in row.own}
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
