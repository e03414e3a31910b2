"""A meeting table's column of one side's leaders (``俄方``, ``中方出席者``) under a series whose first sentence
names each side by its office (``是指甲国总统与乙国总统、丙国领导人就某问题举行的一系列会晤``, ``是中国国务院总理
与某地区国家政府首脑定期举行的会晤``): the column's people held that side's office at the meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.people import DESCRIPTIONS
from kg.extract.reading import Reading
from kg.extract.roles import office_key, titles_of
from kg.extract.scripts import to_hans
from kg.extract.table_rows import cell_text
from kg.model import EntityId, Evidence, Kind, Label
from kg.wikitext import Table

#: A series' first sentence naming who meets: its offices, listed before 之间, before what they meet on (就某问题), how
#: often (定期, 每年), or the verb (举行).
_SERIES_OF_OFFICES = re.compile(r"是指?(?P<offices>[^，。；是]{4,60}?)(?:之间|就|定期|每年|每两年|轮流|举行)")
#: The joiners of the list (和 but in 共和国 and 和平: 中华人民共和国国务院总理 is one office).
_LISTED = re.compile(r"[与同及、]|和(?![国平])")
#: A group of states' leaders, one side of a series (某地区国家政府首脑, 成员国领导人): no one state's office.
_GROUP = re.compile(r"(?:国家|各国|成员国|诸国)(?:政府)?(?:首脑|领导人|元首)$")
#: A column header naming a side by the first characters of its state's name (俄方, 中方出席者, 澳方领导人).
_SIDE = re.compile(r"^(?P<side>[\u4e00-\u9fff]{1,2})方")


@dataclass(frozen=True)
class SidesOffice:
    key: str  # the office's key (甲国总统)
    written: str  # as the sentence writes it, state and all (甲国总统)
    evidence: Evidence


def offices_of_the_sides(reading: Reading) -> tuple[SidesOffice, ...]:
    """The one-state offices a series' first sentence says its meetings are of (``是指甲国总统与乙国总统、丙国
    领导人就…举行的``), leaving out a group of states' leaders (``某地区国家政府首脑``) and a description (领导人);
    none where a part is neither (a person, a state alone, a place)."""
    if not reading.lead:
        return ()
    sentence = reading.lead[0]
    said = _SERIES_OF_OFFICES.search(sentence.hans)
    if said is None or any(said.start("offices") < spot.end and spot.start < said.end("offices")
                           and reading.registry.is_a(spot.surface, Kind.PERSON) for spot in sentence.spots):
        return ()
    out = []
    for part in _LISTED.split(said["offices"]):
        if _GROUP.search(part):
            continue
        titles = titles_of(part, reading.index)
        if len(titles) != 1 or titles[0].state is None or titles[0].start != 0:
            return ()
        if not titles[0].text.endswith(DESCRIPTIONS):
            key = reading.index.key(office_key(titles[0], reading.index))
            out.append(SidesOffice(key, titles[0].text, sentence.evidence()))
    return tuple(out)


def column_sides_offices(reading: Reading, table: Table, roles: dict[int, str],
                         offices: tuple[SidesOffice, ...]) -> dict[int, SidesOffice]:
    """The office of each column of people headed by one side (``俄方``, ``中方出席者``): the one of ``offices``
    whose state's name begins as the side's word does (俄方: 俄罗斯总统); none where two or none do."""
    if not offices:
        return {}
    out, column = {}, 0
    for cell in table.header():
        side = _SIDE.match(to_hans(cell_text(reading, cell)).strip()) if roles.get(column) == "people" else None
        held = [office for office in offices if side and office.written.startswith(side["side"])]
        if len(held) == 1:
            for offset in range(cell.colspan):
                out[column + offset] = held[0]
        column += cell.colspan
    return out


def label_as_written(reading: Reading, office: SidesOffice) -> None:
    """An office keyed by its state's full name (中华人民共和国国务院总理) is called as the sentence writes it too."""
    if reading.index.key(office.written) != office.key:
        reading.registry.label(EntityId(Kind.POSITION, office.key), Label(to_hans(office.written), "zh-Hans"))
