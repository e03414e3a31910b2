"""The guest and the host a visit's infobox names, each with an office, are people.

A ``{{Infobox diplomatic visit}}`` names who came and who received him in fields of their own
(``| guest = [[张三]]（[[甲国总统]]）``, ``| host = [[李四]]<br />{{乙国}}总统``,
``| visitor = 甲国总理[[王五]]``): a name written there with an office right before it, right after
it (in brackets or not), or alone in its line over a line of an office, is a person's, whatever the prose
writes around it later (``李四偕同副总统赵六…与张三举行会晤`` types no one). A state (``| host = {{乙国}}
[[乙国]]``), a town, or the office itself is not.
"""

from __future__ import annotations

import re

from kg.extract.entries import Entry, entries_in
from kg.extract.reading import Reading
from kg.extract.roles import OFFICE_WORDS
from kg.extract.scripts import to_hans
from kg.extract.visited_states import VISIT_BOX
from kg.model import Kind

#: A visit box's fields of the one who came and the one who received him.
_PEOPLE_FIELDS = ("guest", "guests", "visitor", "visitors", "host", "hosts", "host_leader", "来访者", "访问者", "东道主")
#: Right after a name: its office, in brackets or not (``（[[甲国总统]]）``, ``甲国总统``).
_OFFICE_AFTER = re.compile(r"\s*[（(]?[^，,、；;（）()]{0,12}?(?:%s)[）)]?\s*$" % "|".join(OFFICE_WORDS))
#: An entry that is an office alone (``总统``, ``乙国总理``), the line under a name.
_AN_OFFICE = re.compile(r"^[^，,、；;]{0,12}?(?:%s)$" % "|".join(OFFICE_WORDS))


def type_the_boxs_people(reading: Reading) -> None:
    """Types as a person each name a visit box's guest or host field writes with its office."""
    registry, index = reading.registry, reading.index
    for box in reading.document.templates:
        if box.nested_in is not None or not VISIT_BOX.match(to_hans(box.key).strip().lower()):
            continue
        for param in box.params:
            if to_hans(param.name.strip().lower()) not in _PEOPLE_FIELDS:
                continue
            entries = entries_in(reading, param.span)
            for i, entry in enumerate(entries):
                below = entries[i + 1] if i + 1 < len(entries) else None
                for shown, target in entry.links:
                    if index.is_state(target) or registry.kind_of(shown) is not None \
                            or to_hans(shown).endswith(OFFICE_WORDS):
                        continue
                    if _written_with_an_office(entry, to_hans(shown), below):
                        registry.named(Kind.PERSON, shown, article=target)


def _written_with_an_office(entry: Entry, name: str, below: Entry | None) -> bool:
    """Whether the entry writes an office right before or right after the name, or the name alone over an
    entry that is an office (``[[李四]]<br />{{乙国}}总统``)."""
    text = entry.text.strip()
    at = text.find(name)
    if at < 0:
        return False
    before, after = text[:at], text[at + len(name):]
    if before.endswith(OFFICE_WORDS) or (after and _OFFICE_AFTER.match(after)):
        return True
    return not before.strip() and not after.strip() and below is not None and not below.links \
        and _AN_OFFICE.match(below.text.strip()) is not None
