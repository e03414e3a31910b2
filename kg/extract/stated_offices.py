"""A summit's participant whose office its own text states holds no other office carried from elsewhere.

An office is carried to a meeting (an inference from where else the article gives the person one) only
where the text of that meeting writes none. A summit told twice (a box and the prose, a table's row and
a paragraph) may have the office stated in one telling and another carried in the other; the stated one
is his at that meeting (``2034年8月12日，张三以总统身份访问乙国``), and one carried from a sentence of
another time (``时任国防部长的张三``, ``时任甲国当选总统张三``) is not. Only an office stated with its
state's name wins so: a bare word (``总理张三`` in a row) may have been read as any office of his; and a party's
office carried (``甲共中央第一书记``) stays beside a state's stated, as one person holds both at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.joining import SummitFound
from kg.extract.people import one_office
from kg.extract.reading import Reading
from kg.extract.roles import office_key, titles_of
from kg.model import Inference, Prop

#: An office of a party (甲共中央第一书记, 甲国劳动党主席): held besides a state's, so that the one stated names no other.
_A_PARTYS = re.compile(r"党|中央|^.{1,2}共(?!和)")


def offices_stated_at_the_summit(reading: Reading, summits: Iterable[SummitFound]) -> None:
    """Drops each office carried to a participant of a summit whose text states him another, of a state."""
    registry = reading.registry
    for summit in summits:
        for node in registry.facts_about(summit.id, Prop.HAS_PARTICIPATION):
            facts = registry.facts_recorded(node, Prop.ROLE)
            stated = {key for f in facts if f.inference is None for key in _of_a_state(reading, f.value.key)}
            if not stated:
                continue
            for office in {f.value for f in facts}:
                told = [f for f in facts if f.value == office]
                if all(f.inference is Inference.EARLIER_ROLE for f in told) and not _A_PARTYS.search(office.key) \
                        and not _of_a_state(reading, office.key) & stated \
                        and not any(one_office(office.key, f.value.key) for f in facts if f.inference is None):
                    registry.drop_one(node, Prop.ROLE, office)


def _of_a_state(reading: Reading, office: str) -> set[str]:
    """The office as one name whatever the state's name is written (美国总统, 美利坚合众国总统: one), where it is
    written with the name of the state it is of (埃及总统; not 总理 or 临时政府总理: none)."""
    index = reading.index
    return {index.key(office_key(title, index)) for title in titles_of(office, index) if title.state is not None}
