"""The signing a treaty's or a declaration's infobox tells (``{{Infobox treaty}}``: date_signed,
location_signed, signatories, witnesses) as a summit of its own, where no summit the text
tells already covers that day and the text tells the signers together: meeting, or signing
before others who attend or witness it.

Runs after the summits are built; the document pass then gives the summit the box's
document and place (:func:`kg.extract.document_passes.documents_of_treaty_boxes`).
"""

from __future__ import annotations

import re
from datetime import timedelta

from kg.extract.dates import find_dates
from kg.extract.document_passes import TREATY_BOX
from kg.extract.entries import entries_in, people_of
from kg.extract.infobox import box_summit, offices_of
from kg.extract.joining import SummitFound
from kg.extract.participants import participation as add_participation
from kg.extract.people import People, first_office_held
from kg.extract.phrases import NOT_TOP
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.model import Kind, Prop

#: A signing not done together: by video, by exchange, each side apart.
_NOT_TOGETHER = re.compile(r"视频|远程|线上|交换签署|换文|分别在[^，。]{0,12}签|各自在[^，。]{0,12}签|分别签署|各自签署")


def summits_of_treaty_boxes(reading: Reading, people: People, summits) -> tuple[SummitFound, ...]:
    """A treaty's box whose signing day no summit covers (that day or the day before) makes
    the signing a summit: on the box's day, of its signatories, when at least two hold a top
    office (the box's own title, else an office the article gives them, not a minister's),
    with a witness (见证人, ``witnesses``) who holds one; not where the text says the signing
    was by video, by exchange or apart, nor where the text tells two of them signing but
    never meeting (a treaty article that tells its signing alone)."""
    found = list(summits)
    apart = None  # read once, and only for an article with a treaty box
    for box in reading.document.templates:
        if box.nested_in is not None or not TREATY_BOX.match(to_hans(box.key)):
            continue
        signed = [d for d in find_dates(box.get("date_signed") or "") if d.year_given]
        if not signed:
            continue
        day = signed[0].start
        if any(s.start <= day <= s.end + timedelta(days=1) for s in found):
            continue
        if apart is None:
            apart = any(_NOT_TOGETHER.search(s.hans) for s in reading.all_sentences() if "签" in s.hans)
        if apart:
            continue
        signers = _top_people(reading, people, box, "signatories")
        keys = {key for key, _, _ in signers}
        if len(keys) < 2 or not (_told_meeting(reading, keys) or _signed_before_others(reading, day, keys)):
            continue
        witnesses = [w for w in _top_people(reading, people, box, "witnesses") if w[0] not in {k for k, _, _ in signers}]
        found.append(_summit(reading, people, box, day, signers + witnesses))
    return tuple(found)


#: A top office: a head of state or of government (a society's 会长, a foundation's 董事长 are none).
_TOP = re.compile(r"总统|总理|首相|国王|女王|国家主席|主席|总书记|元首|苏丹|埃米尔|王储|亲王|皇帝|天皇|大公")

#: The text telling leaders met, not only signed (a treaty article whose signing alone is told is no summit's).
_MET = re.compile(r"会谈|会晤|会面|会见|峰会|首脑会议|首脑会晤")


def _told_meeting(reading: Reading, signers: set[str]) -> bool:
    """Whether a sentence tells two of the signatories meeting (…与…举行会谈)."""
    return any(_MET.search(s.hans) and len({spot.key for spot in s.spots} & signers) >= 2
               for s in reading.all_sentences())


#: A signing told as done together in person: others attending or witnessing it (丙国国王和丁国总统出席见证,
#: 作为见证人出席, 出席了签字仪式), the signers shaking hands or meeting (签字后，两位领导人…热情握手), or
#: signing it jointly (甲、乙和丙共同签署条约; not 分别签署, which :data:`_NOT_TOGETHER` reads).
_TOGETHER = re.compile(r"出席|见证|观礼|握手|(?:共同|一同|一起)签(?:署|字|订)|" + _MET.pattern)


def _signed_before_others(reading: Reading, day, signers: set[str]) -> bool:
    """Whether a section that gives the signing's day and names two of the signatories tells the
    signing attended or witnessed, or the signers shaking hands or meeting (``1994年10月26日，和约在
    某口岸签署。条约由甲与乙签字，丙国国王和丁国总统出席见证``): they signed it together, in person."""
    for sentences in reading.by_section.values():
        if not any(_TOGETHER.search(s.hans) for s in sentences) \
                or len({spot.key for s in sentences for spot in s.spots} & signers) < 2:
            continue
        if any(d.start == day for s in sentences for d in find_dates(s.hans, year=day.year)):
            return True
    return False


def _top_people(reading: Reading, people: People, box, field: str) -> list[tuple[str, str, str | None]]:
    """The people a field names (key, target, office) who each hold a top office."""
    param = next((p for p in box.params if p.name.strip().lower() == field and p.value.strip()), None)
    if param is None:
        return []
    out = []
    for entry in entries_in(reading, param.span):
        for target, office in people_of(reading, entry):
            key = reading.index.key(target)
            offices = offices_of(reading, people, key, office)
            if any(_TOP.search(to_hans(o)) and not NOT_TOP.search(to_hans(o)) for o in offices):
                out.append((key, target, office))
    return out


def _summit(reading: Reading, people: People, box, day, persons) -> SummitFound:
    registry = reading.registry
    ids = [registry.named(Kind.PERSON, target) for _, target, _ in persons]
    keys = tuple(sorted({p.key for p in ids}))
    summit, evidence = box_summit(reading, box, (day, day), keys)
    for person, (_, _, office) in zip(ids, persons):
        registry.fact(summit, Prop.PARTICIPANT, person, evidence=(evidence,))
        participation = add_participation(registry, summit, person, people.sides.get(person.key))
        for name in (office,) if office else first_office_held(people, person.key):
            registry.fact(participation, Prop.ROLE, registry.named(Kind.POSITION, name), evidence=(evidence,))
    return SummitFound(summit, None, day, day, None, keys)
