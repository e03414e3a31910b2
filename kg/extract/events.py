"""What happened around a summit: awards given for it, gifts exchanged, lines crossed.

Each rule reads one sentence of a summit's section and ties what it finds to that summit:

- ``张三…获颁该年的诺贝尔和平奖``: the person before the verb received the award (``…奖``)
  in the summit's year (``该年``) or the year written;
- ``张三赠送给乙国总统李四四吨价值达260万美元的松茸``: giver, recipient, quantity,
  value and item; ``李四也回赠了张三…、…以及…`` gives one gift per item;
- ``李四步行穿过三八线``: a crossing, with how it was made.
"""

from __future__ import annotations

import re

from kg.extract.dates import chinese_decimal
from kg.extract.phrases import CROSS_VERBS
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans, to_hant
from kg.extract.roles import titles_before
from kg.extract.sources import digest
from kg.extract.joining import SummitFound
from kg.extract.text import Sentence, Spot
from kg.model import Kind, Label, Prop, Year

_AWARDED = re.compile(r"(获颁|获得|荣获|获授|获)(?P<when>该年|当年|同年|(?P<y>\d{4})年)?的?$")
_GIVE = re.compile(r"(回赠|赠送给|赠送|赠予|赠给|送给|赠)了?(时任|当时的)?")
_QUANTITY = re.compile(r"^(?P<n>[0-9.]+|[一二三四五六七八九十百千两]+)(?P<unit>吨|公斤|千克|克|套|件|箱|盒|只|头|幅|瓶|部|台|辆|份|本)")
_VALUE = re.compile(r"价值(?:达|约|约为|为|高达)?(?P<n>[0-9.]+(?:万|亿)?|[一二三四五六七八九十百千两万亿]+)(?P<cur>美元|韩元|人民币|元|日元|欧元)")
_CURRENCY = {"美元": "USD", "韩元": "KRW", "人民币": "CNY", "元": "CNY", "日元": "JPY", "欧元": "EUR"}
_ITEM_SPLIT = re.compile(r"、|以及|及|与|和")
_ITEM_FILLER = re.compile(r"^(一系列|一批|一套|一些|一份|多部|多套|若干|珍贵的|精美的|\s)+")
_CROSSED = re.compile(rf"(?P<mode>步行|徒步|乘车|驾车)?({CROSS_VERBS})$")


def read_events(reading: Reading, summits: tuple[SummitFound, ...]) -> None:
    by_section = {}
    for summit in summits:
        by_section.setdefault(summit.section, summit)
    for section, summit in by_section.items():
        for sentence in reading.by_section.get(section, ()):
            _awards(reading, summit, sentence)
            _gifts(reading, summit, sentence)
            _crossings(reading, summit, sentence)


def _people(reading: Reading, sentence: Sentence) -> list[Spot]:
    return [s for s in sentence.spots if reading.registry.is_a(s.surface, Kind.PERSON)]


def _awards(reading: Reading, summit: SummitFound, sentence: Sentence) -> None:
    registry = reading.registry
    for spot in sentence.spots:
        if not (spot.link and spot.hans.endswith("奖")):
            continue
        match = _AWARDED.search(sentence.hans[:spot.start])
        people = [p for p in _people(reading, sentence) if p.end <= spot.start]
        if not match or not people:
            continue
        award = registry.named(Kind.AWARD, spot.surface, article=spot.link.link.target)
        person = registry.named(Kind.PERSON, _subject(sentence, people).surface)
        year = int(match["y"]) if match["y"] else summit.start.year
        receipt = registry.unnamed(Kind.AWARD_RECEIPT, digest(person.key, award.key, str(year)))
        evidence = (sentence.evidence(),)
        registry.label(receipt, Label(f"{to_hans(spot.surface)} {year}", "zh-Hans"), preferred=True)
        registry.label(receipt, Label(f"{to_hant(spot.surface)} {year}", "zh-Hant"), preferred=True)
        registry.evidence(receipt, *evidence)
        registry.fact(receipt, Prop.AWARD, award, evidence=evidence)
        registry.fact(receipt, Prop.RECIPIENT, person, evidence=evidence)
        registry.fact(receipt, Prop.YEAR, Year(year), evidence=evidence)
        if "因" in sentence.hans[:match.start()] or match["when"] in ("该年", "当年", "同年"):
            registry.fact(receipt, Prop.FOR_EVENT, summit.id, evidence=evidence)


def _subject(sentence: Sentence, people: list[Spot]) -> Spot:
    """The person a clause is about: the last one named before its verb, at the start of a clause."""
    for spot in reversed(people):
        before = sentence.hans[:spot.start].rstrip()
        if not before or before[-1] in "，,；。" or before.endswith(("而", "但")):
            return spot
    return people[-1]


def _gifts(reading: Reading, summit: SummitFound, sentence: Sentence) -> None:
    registry = reading.registry
    people = _people(reading, sentence)
    for i, giver in enumerate(people[:-1]):
        recipient = people[i + 1]
        between = sentence.hans[giver.end:recipient.start]
        verb = _GIVE.search(between)
        titles = titles_before(sentence, recipient, reading.index)
        verb_end = titles[0].start - giver.end if titles else len(between)
        if not verb or len(between) > 20 or verb.end() != verb_end:
            continue
        clause_end = _clause_end(sentence.hans, recipient.end)
        rest = sentence.hans[recipient.end:clause_end]
        if rest.startswith("的"):  # "…送给某人的(礼物)": a relative clause, not a gift given here
            continue
        items = _items(sentence, recipient.end, clause_end)
        if not items:
            continue
        evidence = (sentence.evidence(),)
        giver_id = registry.named(Kind.PERSON, giver.surface)
        recipient_id = registry.named(Kind.PERSON, recipient.surface)
        quantity = _QUANTITY.match(rest)
        value = _VALUE.search(rest)
        for name, article in items:
            gift = registry.unnamed(Kind.GIFT, digest(summit.id.key, giver_id.key, to_hans(name)))
            registry.label(gift, Label(to_hans(name), "zh-Hans"), preferred=True)
            registry.label(gift, Label(to_hant(name), "zh-Hant"), preferred=True)
            if script_of(name) != "zh" or article:
                registry.label(gift, Label(name, script_of(name)))
            registry.evidence(gift, *evidence)
            registry.fact(gift, Prop.GIVER, giver_id, evidence=evidence)
            registry.fact(gift, Prop.RECIPIENT, recipient_id, evidence=evidence)
            registry.fact(gift, Prop.AT_SUMMIT, summit.id, evidence=evidence)
            if len(items) == 1 and quantity and chinese_decimal(quantity["n"]) is not None:
                registry.fact(gift, Prop.QUANTITY, chinese_decimal(quantity["n"]), evidence=evidence)
                registry.fact(gift, Prop.UNIT, quantity["unit"], evidence=evidence)
            if len(items) == 1 and value and chinese_decimal(value["n"]) is not None:
                registry.fact(gift, Prop.MONETARY_VALUE, chinese_decimal(value["n"]), evidence=evidence)
                registry.fact(gift, Prop.CURRENCY, _CURRENCY[value["cur"]], evidence=evidence)


def _clause_end(hans: str, start: int) -> int:
    for i in range(start, len(hans)):
        if hans[i] in "。；，":
            return i
    return len(hans)


def _items(sentence: Sentence, start: int, end: int) -> list[tuple[str, str | None]]:
    """The things given: linked names, or the noun after the last 的 of each listed part."""
    hans = sentence.hans
    text = hans[start:end]
    text = text[text.rfind("的") + 1:] if _VALUE.search(text) else text
    offset = end - len(text)
    items: list[tuple[str, str | None]] = []
    cursor = offset
    for part in _ITEM_SPLIT.split(text) + [""]:
        if not part:
            continue
        at = hans.find(part, cursor)
        cursor = at + len(part)
        link = next((s for s in sentence.spots if s.link and at <= s.start < at + len(part)), None)
        if link is not None:
            items.append((link.link.link.target, link.link.link.target))
            continue
        noun = _ITEM_FILLER.sub("", part.split("的")[-1]).strip()
        if len(noun) >= 2 and not _QUANTITY.match(noun):
            items.append((sentence.text[at + len(part) - len(noun):at + len(part)], None))
    return items


def _crossings(reading: Reading, summit: SummitFound, sentence: Sentence) -> None:
    registry = reading.registry
    for spot in sentence.spots:
        match = _CROSSED.search(sentence.hans[:spot.start])
        if not match or not registry.is_a(spot.surface, Kind.PLACE, Kind.COUNTRY):
            continue
        people = [p for p in _people(reading, sentence) if p.end <= match.start()]
        if not people:
            continue
        person = registry.named(Kind.PERSON, people[-1].surface)
        place = registry.named(registry.kind_of(spot.surface) or Kind.PLACE, spot.surface)
        crossing = registry.unnamed(Kind.CROSSING, digest(summit.id.key, person.key, place.key))
        evidence = (sentence.evidence(),)
        registry.label(crossing, Label(f"{person.key}穿越{place.key}", "zh-Hans"), preferred=True)
        registry.label(crossing, Label(to_hant(f"{person.key}穿越{place.key}"), "zh-Hant"), preferred=True)
        registry.evidence(crossing, *evidence)
        registry.fact(crossing, Prop.AGENT, person, evidence=evidence)
        registry.fact(crossing, Prop.CROSSED, place, evidence=evidence)
        registry.fact(crossing, Prop.AT_SUMMIT, summit.id, evidence=evidence)
        registry.fact(crossing, Prop.YEAR, Year(summit.start.year), evidence=evidence)
        if match["mode"]:
            registry.fact(crossing, Prop.MODE, Label(match["mode"], "zh-Hans"), evidence=evidence)
