"""A tour's table dated leg by leg: each row's days are the days of the one summit of that leg.

A table of a tour's stops writes each stop's days as a range without a year (``2月16日－19日 || 乙国 ||
总统丙``, ``4月23日－25日 || 丁国 || 某都 || 国事访问；与戊会谈``), the year being the lead's. A row that names
the two who met is a summit of its own over those days (:mod:`kg.extract.tables`); one that does not (its host
only in a note) makes none, and the prose tells the leg's meetings. Its days are those of the leg, from the day
the visitor arrived to the day he left, which the prose often tells only in part (the arrival, the talks). The
one summit the prose found within those days that has a person the row names, and no other row does (the host,
not the visitor every row or none names), spans them.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.dates import DateRange, find_dates
from kg.extract.joining import SummitFound
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.table_rows import Row, cell_text, meeting_tables, rows_of, span_evidence
from kg.extract.table_venues import states_of_the_row
from kg.extract.tables import NEAR_THE_LEAD, days_the_lead_dates
from kg.model import EntityId, Kind, Prop

def legs_span_their_rows(reading: Reading, summits: tuple[SummitFound, ...]) -> tuple[SummitFound, ...]:
    """``summits`` with each one a leg row's days hold, and that has the row's own person, widened to them."""
    lead = days_the_lead_dates(reading)
    if lead is None:
        return summits
    out = list(summits)
    for table, roles in meeting_tables(reading):
        rows = [(row, _row_text(reading, row)) for row in rows_of(table, roles)]
        for row, text in rows:
            days = _a_legs_days(reading, row, lead)
            if days is None or any((s.start, s.end) == (days.start, days.end) for s in out):
                continue  # the row's own summit holds its days (a row naming the leg's host: kg.extract.tables)
            others = [t for r, t in rows if r is not row]
            held = [i for i, s in enumerate(out) if days.start <= s.start and s.end <= days.end
                    and (s.start, s.end) != (days.start, days.end) and _names_its_own(reading, s, text, others)]
            if len(held) != 1:
                continue
            summit = out[held[0]]
            dated = span_evidence(reading, row.cells["date"][0].span)
            for prop, day in ((Prop.START_DATE, days.start), (Prop.END_DATE, days.end)):
                reading.registry.fact(summit.id, prop, day, evidence=(dated,))
                reading.registry.keep_only(summit.id, prop, day)
            out[held[0]] = replace(summit, start=days.start, end=days.end)
    return tuple(out)


def _a_legs_days(reading: Reading, row: Row, lead: DateRange) -> DateRange | None:
    """A row's days written as a range without a year (``2月16日－19日``) within a month of the lead's days,
    in a row of one state or none (not a row listing the states of a whole tour)."""
    for cell in row.cells.get("date", [])[:1]:
        found = find_dates(to_hans(cell_text(reading, cell)), year=lead.start.year)
        if len(found) != 1 or found[0].year_given or found[0].end <= found[0].start:
            return None
        days = found[0]
        if lead.start - NEAR_THE_LEAD <= days.start and days.end <= lead.end + NEAR_THE_LEAD \
                and len(states_of_the_row(reading, row)) <= 1:
            return days
    return None


def _row_text(reading: Reading, row: Row) -> str:
    return to_hans(" ".join(cell_text(reading, cell) for cells in row.cells.values() for cell in cells))


def _names_its_own(reading: Reading, summit: SummitFound, text: str, others: list[str]) -> bool:
    """Whether the row names one of the summit's people whom no other row of the table names."""
    for key in summit.participants:
        names = [to_hans(n) for n in reading.registry.surfaces(EntityId(Kind.PERSON, key)) | {key} if len(n) >= 2]
        if any(n in text for n in names) and not any(n in other for n in names for other in others):
            return True
    return False
