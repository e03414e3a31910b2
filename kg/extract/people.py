"""People over time: governments named in headings, offices, deaths and successions.

What comes out is also what the summit extractor needs to name a side's leader when a
section does not: who held power on which side, from which year to which.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from kg.extract.dates import find_dates, find_year_months, parse_date, year_range
from kg.extract.entities import heading_leader
from kg.extract.phrases import DIED, GOVERNMENTS, NOT_TOP, SUCCESSOR_BEFORE, TAKES_OVER, held_below_the_top
from kg.extract.names import HOLDERS_OFFICES, states
from kg.extract.reading import Reading
from kg.extract.roles import (HOLDERS_OFFICE, OFFICE_WORDS, central_committees_from, chairs_the_meeting, joint_offices,
                             office_key, office_of_a_body, shortened_from, title_after, titles_before,
                             titles_listed_before, titles_of, titles_of_the_list, titles_shared, titles_taken)
from kg.extract.scripts import to_hans, to_hant
from kg.extract.sources import CITATION_TEMPLATES
from kg.extract.text import Sentence
from kg.model import EntityId, Evidence, Inference, Kind, Label, Prop, Span, Year
from kg.wikitext import Cell, Section, Table, passage, plain, spread_rows



@dataclass(frozen=True)
class Tenure:
    """A person in power from a year to a year (``None``: open), as far as the article says."""

    person: str  # key
    start: int | None
    end: int | None
    period: EntityId | None  # the government or period it comes from


@dataclass(frozen=True)
class People:
    periods: dict[Section, EntityId]  # the period each section is about
    tenures: tuple[Tenure, ...]
    sides: dict[str, str]  # person key → state key, by the offices they are given
    offices: dict[str, tuple[str, ...]]  # person key → office keys they are given, in order (a bare word, 首相, only where no fuller one ends in it)
    office_evidence: dict[tuple[str, str], Evidence]  # (person, office) → first sentence saying so
    office_years: dict[tuple[str, str], frozenset[int]]  # (person, office) → years of the sentences saying so
    held_then: frozenset[tuple[str, str]] = frozenset()  # (person, office) only ever written as held then (时任…)
    taken_up: frozenset[tuple[str, str]] = frozenset()  # (person, office) said to be taken up (就任, 重任总统)
    taken_on: dict[tuple[str, str], date] = field(default_factory=dict)  # (person, office) → the day told taking it up


def read_people(reading: Reading) -> People:
    periods, tenures = _periods(reading)
    tenures += _deaths_and_successions(reading)
    sides, offices, office_evidence, office_years, held_then, taken_up, taken_on = _offices(reading)
    for tenure in tenures:
        successor_side = sides.get(tenure.person)
        if successor_side is None:
            for other in tenures:
                if other.person != tenure.person and other.end is not None and other.end == tenure.start \
                        and other.person in sides and other.period is None and tenure.period is None:
                    sides[tenure.person] = sides[other.person]
    _the_holy_sees(reading, sides, offices)
    return People(periods, tuple(tenures), sides, offices, office_evidence, office_years, held_then, taken_up,
                  taken_on)


#: The state whose head a pope is (教宗, 教皇: :data:`HOLDERS_OFFICES`), by a name the gazetteer knows it by.
_THE_HOLY_SEE = "梵蒂冈"


def _the_holy_sees(reading: Reading, sides: dict[str, str], offices: dict[str, tuple[str, ...]]) -> None:
    """A pope's side is the Holy See's state, which his office names none of (``甲国总统张三在梵蒂冈会见教宗某某,
    随后会见乙国总理李四``: the pope is a side of his own, not one of 乙国's leaders); given where the text gives the
    holder no state's office."""
    if not reading.index.is_state(_THE_HOLY_SEE):
        return
    for person, keys in offices.items():
        if person not in sides and any(key.endswith(HOLDERS_OFFICES) for key in keys):
            sides[person] = reading.index.key(_THE_HOLY_SEE)


def _periods(reading: Reading) -> tuple[dict[Section, EntityId], list[Tenure]]:
    registry, index = reading.registry, reading.index
    periods: dict[Section, EntityId] = {}
    tenures: list[Tenure] = []
    for section in reading.document.all_sections():
        years = year_range(section.heading)
        if years is None or section not in reading.by_section:
            continue
        name = re.split(r"\s*[（(]", section.heading.strip(), maxsplit=1)[0].strip()
        leader = heading_leader(section.heading)
        if leader and registry.is_a(leader, Kind.PERSON):
            period = registry.unnamed(Kind.ADMINISTRATION, index.key(leader) + "政府")
            leaders = [registry.named(Kind.PERSON, leader)]
        else:
            period = registry.unnamed(Kind.PERIOD, f"{to_hans(name)}-{years[0]}")
            leaders = [registry.named(Kind.PERSON, spot.surface)
                       for sentence in reading.by_section[section] if GOVERNMENTS.search(sentence.hans)
                       for spot in sentence.spots if registry.is_a(spot.surface, Kind.PERSON)
                       and spot.end <= GOVERNMENTS.search(sentence.hans).start()]
        registry.label(period, Label(to_hans(name), "zh-Hans"), preferred=True)
        registry.label(period, Label(to_hant(name), "zh-Hant"), preferred=True)
        if to_hans(name) != name and to_hant(name) != name:
            registry.label(period, Label(name, "zh"))
        heading_evidence = _heading_evidence(reading, section)
        registry.evidence(period, heading_evidence)
        registry.fact(period, Prop.START_YEAR, Year(years[0]), evidence=(heading_evidence,))
        if years[1] is not None:
            registry.fact(period, Prop.END_YEAR, Year(years[1]), evidence=(heading_evidence,))
        for person in leaders:
            registry.fact(period, Prop.LEADER, person, evidence=(heading_evidence,))
            tenures.append(Tenure(person.key, years[0], years[1], period))
        for sub in (section,) + _descendants(section):
            periods[sub] = period
    return periods, tenures


def _descendants(section: Section) -> tuple[Section, ...]:
    out: list[Section] = []
    for sub in section.subsections:
        out.append(sub)
        out.extend(_descendants(sub))
    return tuple(out)


def _heading_evidence(reading: Reading, section: Section) -> Evidence:
    return Evidence(Span(section.span.start, section.body.start), section.heading.strip(), section.heading.strip())


def _deaths_and_successions(reading: Reading) -> list[Tenure]:
    registry = reading.registry
    tenures: list[Tenure] = []
    for sentence in reading.all_sentences():
        died: tuple[str, int] | None = None
        for spot in sentence.spots:
            if not registry.is_a(spot.surface, Kind.PERSON):
                continue
            match = DIED.match(sentence.hans[spot.end:])
            if match:
                person = registry.named(Kind.PERSON, spot.surface)
                year = int(match["y"])
                registry.fact(person, Prop.DEATH_YEAR, Year(year), evidence=(sentence.evidence(),))
                tenures.append(Tenure(person.key, None, year, None))
                died = (person.key, year)
            elif died and SUCCESSOR_BEFORE.search(sentence.hans[:spot.start]) and TAKES_OVER.match(sentence.hans[spot.end:]):
                successor = registry.named(Kind.PERSON, spot.surface)
                registry.fact(EntityId(Kind.PERSON, died[0]), Prop.SUCCEEDED_BY, successor,
                              evidence=(sentence.evidence(),))
                tenures.append(Tenure(successor.key, died[1], None, None))
    return tenures


def _offices(reading: Reading):
    """Each person's offices, as the article's sentences and its sources' titles give them
    (``朝鲜劳动党总书记张三对我国进行非正式访问``), with the years of the sentences that say so:
    an office is held at a time, and the text tells which."""
    registry, index = reading.registry, reading.index
    sides: dict[str, Counter] = {}
    offices: dict[str, list[str]] = {}
    evidence: dict[tuple[str, str], Evidence] = {}
    years: dict[tuple[str, str], set[int]] = {}
    then: dict[tuple[str, str], bool] = {}  # whether every sentence giving it writes it as held then, in a year
    taken_up: set[tuple[str, str]] = set()
    taken_on: dict[tuple[str, str], date] = {}

    def give(person: str, title, said, sentence, when, taken=False) -> None:
        key = index.key(office_key(title, index))
        if taken:
            taken_up.add((person, key))
            day = _day_told(sentence, when) if said is None and not _SINCE.match(sentence.hans, title.end) else None
            if day and day < taken_on.get((person, key), date.max):
                taken_on[(person, key)] = day
        if title.state is not None and sentence.hans[title.start:title.end] != title.text:
            registry.named(Kind.POSITION, title.text)  # an office told in two places (甲国副总统兼总理: 甲国总理)
        if title.state is not None and index.key(title.text) != key:  # 就任[[甲国总统]]: the link is the office's name too
            registry.label(EntityId(Kind.POSITION, key), Label(title.text, "zh-Hans"))
        _label_holders_office(registry, key, title.text)
        _label_by_the_states_common_name(registry, key, title, index)
        if own := office_of_a_body(title, index):  # 甲国[[某委员会|国防委员会委员长]]: its name within the state too
            registry.label(EntityId(Kind.POSITION, key), Label(own, "zh-Hans"))
        offices.setdefault(person, [])
        if key not in offices[person]:
            offices[person].append(key)
            evidence[(person, key)] = said or sentence.evidence()
        elif when and min(when) < min(years[(person, key)], default=min(when)):
            # the earliest sentence that says so: an office told of a later year says nothing of a meeting before it
            evidence[(person, key)] = said or sentence.evidence()
        years.setdefault((person, key), set()).update(when)
        if when and (_HELD_THEN.search(sentence.hans, 0, title.start)
                     or sentence.hans.endswith(_AS, 0, title.start) and sentence.hans.startswith(_CAPACITY, title.end)
                     or _one_of_the_capacities(sentence.hans, title)):
            then.setdefault((person, key), True)
        else:
            then[(person, key)] = False

    shared = []  # offices a copula gives a list of names: given once the sides are known
    bare_titles = []  # bare office words written with a name (首相张三, 张三总统, 重任总统): given where nothing fuller is
    previous, told, told_in = None, set(), None
    for sentence, said, dated, headed in _sentences_and_titles(reading):
        when = {found.year for found in find_year_months(sentence.hans)} | _first_years(sentence.hans) or dated
        if said is None and not headed and (told_in is None or told_in.section is not sentence.section):
            told, told_in = set(), sentence
        if not when and said is None and not headed and _THAT_TIME.search(sentence.hans):
            when = told
        if when and said is None and not headed:
            told, told_in = when, sentence
        if not headed:
            bare_titles += [(key, title, said, sentence, when, False)
                            for key, title in _joint_holders(sentence, previous, reading)]
        previous = sentence
        for spot in sentence.spots:
            if headed and registry.kind_of(spot.surface) is None and not index.is_state(spot.surface):
                registry.named(Kind.PERSON, spot.surface)  # a name in a column of an office's holders
            elif not headed and registry.kind_of(spot.surface) is None and not index.is_state(spot.surface) \
                    and (any(title.state or title.text != "主席" for title in titles_taken(sentence, spot, index))
                         or any(title.state for title in title_after(sentence, spot, index))):
                # 张三就任甲国总统后, 张三宣誓就任首相, 张三（甲国总统）: who takes up an office, or holds a state's, is a
                # person; not who takes the chair (某某担任主席): a meeting's, a committee's, a party's, anyone's
                registry.named(Kind.PERSON, spot.surface)
            if not registry.is_a(spot.surface, Kind.PERSON):
                continue
            taken = () if headed else titles_taken(sentence, spot, index)
            for title in headed or (titles_listed_before(sentence, spot, index) + title_after(sentence, spot, index)
                                    + taken + titles_of_the_list(sentence, spot, index)):
                if not headed and _holds_another_name(sentence, spot, title, registry):
                    continue
                if not headed and sentence.hans.endswith("兼任", 0, title.start) and sentence.hans.startswith("的", title.end) \
                        and NOT_TOP.search(title.text):
                    continue  # 兼任司法部长的张三: a post below the top held besides the office he is known by
                if title.state is None and title.text in OFFICE_WORDS:
                    bare_titles.append((spot.key, title, said, sentence, when, title in taken))
                    continue
                give(spot.key, title, said, sentence, when, title in taken)
                if title.state and said is None:  # a source's title gives an office, the article the sides
                    sides.setdefault(spot.key, Counter())[title.state] += 1
            if not headed:
                titles, first = titles_shared(sentence, spot, index)
                if first is not None and registry.is_a(first.surface, Kind.PERSON):
                    shared.append((spot.key, first.key, titles, said, sentence, when))
    side = {person: counter.most_common(1)[0][0] for person, counter in sides.items()}
    for person, first, titles, said, sentence, when in shared:
        for title in titles:
            theirs = title.state or side.get(first)  # 为甲国总统张三和李四: 李四 is no other side's
            bare = title.state is None and title.text in OFFICE_WORDS
            if not bare and (theirs is None or side.get(person) in (None, theirs)):
                give(person, title, said, sentence, when)
    for person, title, said, sentence, when, taken in bare_titles:
        # 勃兰特总理 of 联邦德国总理: the holder's office as the text writes it for him too; not 总统 of 副总统 (副总统张三
        # 继任总统: the bare word is another office, his own to give)
        fuller = [office for office in offices.get(person, ()) if office != title.text and one_office(office, title.text)]
        if not fuller:
            give(person, title, said, sentence, when, taken)
        for office in fuller:
            registry.label(EntityId(Kind.POSITION, office), Label(title.text, "zh-Hans"))
    _label_with_the_state_left_out(reading, offices)
    return (side,
            {person: tuple(keys) for person, keys in offices.items()}, evidence,
            {pair: frozenset(found) for pair, found in years.items()},
            frozenset(pair for pair, only_then in then.items() if only_then), frozenset(taken_up), taken_on)


#: Words that tell the time the text last told, in the section (同年5月13日, 当时张三以副总统身份…, 时任总统的张三):
#: a sentence that writes no year of its own but these is of the year the one before it in its section wrote.
_THAT_TIME = re.compile(r"^(?:同年|当年|该年)|当时|此时|其时|时任")


#: After an office taken up: the time since (张三就任首相后首次访问, 就任以来), which the sentence's day is of, not the taking up.
_SINCE = re.compile(r"(?:之?后|以来|後)")


def _day_told(sentence: Sentence, when: set[int]) -> date | None:
    """The first day a sentence tells, in the one year it is of (``同年5月13日，…张三于次日当选总统``: that May 13th)."""
    days = find_dates(sentence.hans, year=min(when)) if len(when) == 1 else []
    return days[0].start if days else None


def _label_by_the_states_common_name(registry, key: str, title, index) -> None:
    """An office written with its state's full name (``甲民主共和国总统``) is called by the state's common
    name too (``甲国总统``): one office, which Chinese names either way, as it names the state either way."""
    if title.state is None:
        return
    written = next((size for size in range(min(len(title.text) - 1, 12), 1, -1)
                    if index.is_state(title.text[:size])), 0)
    common = _common_names().get(title.state)
    if written and common and title.text[:written] == title.state != common:
        registry.label(EntityId(Kind.POSITION, key), Label(common + title.text[written:], "zh-Hans"))


@lru_cache(maxsize=1)
def _common_names() -> dict[str, str]:
    """Each state's common name by its full name (大韩民国: 韩国), the gazetteer's first other name. A row
    whose first other name is its key (中华民国) has no common name to give: its other names are not a
    shorter form of the same name."""
    return {row[0]: row[1] for row in states() if len(row) > 1}


def _label_with_the_state_left_out(reading: Reading, offices: dict[str, list[str]]) -> None:
    """An office the text gives a person both with its state and without (``甲国最高元首张三`` and ``最高元首
    张三``) is called by the shorter name too: the same office, its state left out as the text leaves it out."""
    index, registry = reading.index, reading.registry
    for keys in offices.values():
        for short in keys:
            for full in keys:
                if full != short and full.endswith(short) and index.is_state(full[:-len(short)]) \
                        and short not in OFFICE_WORDS:
                    registry.label(EntityId(Kind.POSITION, full), Label(short, "zh-Hans"))


#: A span of years written as one (2021—2026年任期, 1998-2003年): the text tells of the time from its first year.
_YEARS_SPAN = re.compile(r"(?<!\d)(\d{4})\s*[—–－~～至-]\s*\d{4}年")


def _first_years(hans: str) -> set[int]:
    """The first years of the spans of years ``hans`` writes (``是通伦在2021—2026年任期…的首次出访``: 2021),
    which a sentence's own years leave out when they read the span's last."""
    return {int(span[1]) for span in _YEARS_SPAN.finditer(hans)} if "年" in hans else set()


#: Before an office word in a fuller office, what makes it another office than the word alone names
#: (甲国副总统 is no 总统, 当选总统 not yet one).
_ANOTHER_OFFICE_BEFORE = re.compile(r"副$|^(?:当选|候任|前任|前|代理|临时)")
#: Words before an office that say it was held at the time the sentence tells (时任国家副主席的习近平).
_HELD_THEN = re.compile(r"(?:时任|当时的?)$")
#: Or around it, the capacity someone acted in then (2022年，已卸任的张三以特使身份访问乙国): 以 before, 身份 after.
_AS, _CAPACITY = "以", ("身份", "身分")  # 身分: the Traditional texts' spelling
#: Or one of several capacities listed (以甲党总书记、甲国主席的身份): 以 or 、 before it, 、 or 身份 after.
_LISTED_BEFORE = re.compile(r"以(?:[^，,。；;、以]{2,20}、){0,2}$")
_LISTED_AFTER = re.compile(r"(?:、[^，,。；;、]{2,20}?){0,2}的?身[份分]")


def _one_of_the_capacities(hans: str, title) -> bool:
    """Whether an office is one of those listed as the capacity someone acted in then (``以甲党总书记、
    甲国主席的身份``): held at that time, as a single capacity is (:data:`_CAPACITY`)."""
    if not (hans.startswith("、", title.end) or hans.endswith("、", 0, title.start)):
        return False  # a single capacity, read as written above
    before = _LISTED_BEFORE.search(hans, max(0, title.start - 45), title.start)
    return before is not None and _LISTED_AFTER.match(hans, title.end) is not None


def _joint_holders(sentence: Sentence, previous: Sentence | None, reading: Reading):
    """Each holder of an office written for several at once (``张三与李四举行会谈，会后两国总理签署了
    公报``, ``张三同李四举行甲乙总理定期会晤``): as many people as it says are named before it in
    the sentence, titled with no other office there; or, where the sentence names no one, in
    the one before it in the paragraph (``张三在某城欢迎李四。两国总理于22日举行会晤``)."""
    registry, index = reading.registry, reading.index

    def people_in(told: Sentence):  # names typed as nothing else may be the holders (张三与李四…两国总理)
        return [spot for spot in told.spots if registry.kind_of(spot.surface) in (Kind.PERSON, None)
                and not index.is_state(spot.surface)]

    for joint in joint_offices(sentence.hans):
        if _states_listed_before(sentence.hans, joint.title.start, index):
            continue  # 甲国、乙国和丙国三国总统出席: the holders are those states', whom the sentence does not name
        named = people_in(sentence)
        if any(spot.start >= joint.title.end for spot in named):
            continue  # 两国总理张三和李四, 两国总理见证王五签署: the names after it are whom it is said of
        source = sentence
        if not named and previous is not None and previous.passage is sentence.passage \
                and previous.paragraph == sentence.paragraph:
            source = previous
            named = people_in(previous)
        holders = {spot.key: spot for spot in named}
        if len(holders) != joint.holders:
            continue
        if any(not title.text.endswith(joint.title.text)
               for spot in named for title in titles_before(source, spot, index) + title_after(source, spot, index)):
            continue  # 甲国主席张三同乙国总统李四会谈…两国总理: other holders
        for key, spot in holders.items():
            registry.named(Kind.PERSON, spot.surface)
            yield key, joint.title


#: The word for the states of a joint office's holders, written right before it (三国总统, 两国总理).
_HOLDERS_STATES = ("两国", "三国", "双方")


def _states_listed_before(hans: str, office_start: int, index) -> bool:
    """Whether the states a joint office is of are listed right before it (``甲国、乙国和丙国三国总统``):
    the office is said of those states' holders, not of people the sentence names before."""
    end = office_start
    for word in _HOLDERS_STATES:
        if hans.endswith(word, 0, end):
            end -= len(word)
            break
    else:
        return False
    return any(index.is_state(hans[end - size:end]) for size in range(min(end, 12), 1, -1))


def office_named(registry, office: str) -> EntityId:
    """The position an office written alone names (a box's ``教宗[[某某]]``): a holder's office word's
    office (:data:`HOLDERS_OFFICE`), whatever else the word names in the article, else the office itself."""
    if to_hans(office) not in HOLDERS_OFFICES:
        return registry.named(Kind.POSITION, office)
    _label_holders_office(registry, HOLDERS_OFFICE, office)
    return registry.named(Kind.POSITION, HOLDERS_OFFICE)


def _label_holders_office(registry, key: str, written: str) -> None:
    """The office of a holder's office word (:data:`HOLDERS_OFFICE`) is called by the word (教宗), and the
    word written names the office where it names no person (在宗座宫教宗私人图书馆: no place either)."""
    if key == HOLDERS_OFFICE:
        registry.label(EntityId(Kind.POSITION, key), Label(HOLDERS_OFFICES[0], "zh-Hans"))
        registry.named(Kind.POSITION, written)


def _holds_another_name(sentence: Sentence, spot, title, registry) -> bool:
    """Whether the words read as the name's title hold another person's name (a source's title
    ``张三总理李四副总理到达某城``: 张三总理 is no office of 李四's)."""
    return any(other is not spot and title.start < other.end and other.start < title.end
               and registry.is_a(other.surface, Kind.PERSON) and other.hans not in HOLDERS_OFFICES
               for other in sentence.spots)


def _sentences_and_titles(reading: Reading):
    """The article's sentences, then the cells of tables' columns headed by an office, then its
    sources' titles read as sentences, each with the evidence to cite for it (``None``: the
    sentence's own), the years its date gives, and the offices its column's header gives."""
    for sentence in reading.all_sentences():
        yield sentence, None, set(), ()
    for table in reading.document.tables:
        yield from _cells_under_offices(reading, table)
    for template in reading.document.templates:
        if template.nested_in is None and _INFOBOX.search(to_hans(template.key)):
            yield from _infobox_values(reading, template)
            continue
        title = plain(template.get("title") or "").strip() if template.key in CITATION_TEMPLATES else ""
        if not title:
            continue
        hans = to_hans(title)
        published = parse_date(template.get("date") or "")
        spots = reading.spotter.spots(title, hans, (), 0)
        yield (Sentence(None, 0, len(title), title, hans, None, 0, spots, ()),
               Evidence(template.span, title, None), {published.year} if published else set(), ())


#: An infobox of any kind (Infobox treaty, 会议信息框): its entries name people with their offices.
_INFOBOX = re.compile(r"^infobox|信息框$|资讯框$", re.I)


def _infobox_values(reading: Reading, template):
    """An infobox's values that write an office in brackets after a name (``signatories =
    [[张三]]（甲国总理）<br />[[李四]]（乙国总统）``), each read as a sentence citing itself."""
    for param in template.params:
        if "（" not in param.value and "(" not in param.value:
            continue
        hans = to_hans(param.value)
        spots = reading.spotter.spots(param.value, hans, (), 0)
        if spots:
            yield (Sentence(None, 0, len(hans), param.value, hans, None, 0, spots, ()),
                   Evidence(param.span, param.value, None), set(), ())


#: A gloss in brackets at the end of a header (日本首相（内阁总理大臣）).
_HEADER_GLOSS = re.compile(r"[（(][^（）()]*[）)]\s*$")


def _cells_under_offices(reading: Reading, table: Table):
    """The cells of a table's columns headed by an office (``中国国务院总理 !! 日本首相``): the
    people in them held it in their row's year."""
    header = table.header()
    if header is None:
        return
    offices: dict[int, tuple] = {}
    column = 0
    for cell in header:
        text = to_hans(re.sub(r"\s+", "", _HEADER_GLOSS.sub("", passage(reading.document, cell.span).text.strip())))
        titles = () if text.endswith(DESCRIPTIONS) or chairs_the_meeting(text) else titles_of(text, reading.index)
        for offset in range(cell.colspan):
            if titles:
                offices[column + offset] = titles
        column += cell.colspan
    if not offices:
        return
    for grid in _grid(table, header):
        year = {found.year for cell in dict.fromkeys(grid.values())
                for found in find_year_months(to_hans(passage(reading.document, cell.span).text))}
        for column, cell in grid.items():
            if column in offices and not cell.header:
                text = passage(reading.document, cell.span)
                hans = to_hans(text.text)
                spots = reading.spotter.spots(text.text, hans, text.mentions, 0)
                yield Sentence(text, 0, len(hans), text.text, hans, None, 0, spots, ()), None, year, offices[column]


def _grid(table: Table, header: tuple[Cell, ...]):
    """Each row after the header as {column: cell}, the cells of rows above that span into it included."""
    for _, grid in spread_rows(table.rows[table.rows.index(header) + 1:]):
        yield grid


def written_titles(reading: Reading, key: str) -> tuple[str, ...]:
    """Every title written before or after the person's name in the article, bare ones too."""
    out: list[str] = []
    for sentence in reading.all_sentences():
        for spot in sentence.spots:
            if spot.key == key:
                out.extend(t.text for t in titles_before(sentence, spot, reading.index) + title_after(sentence, spot, reading.index))
    return tuple(dict.fromkeys(out))


#: Words that describe a person's standing rather than name an office (乙国领导人, 国家元首).
DESCRIPTIONS = ("领导人", "元首")


def offices_for_descriptions(reading: Reading, people: People) -> None:
    """A participant's role that only describes (乙国领导人) gives way to the office proper
    the article gives the person nearest the summit's day (乙国共产党总书记), whether another
    mention of the summit gave it or not; a description stays where the text gives no office."""
    registry = reading.registry
    summit_of = {f.value: f.subject for f in registry.facts_of(Prop.HAS_PARTICIPATION)}
    for node in dict.fromkeys(f.subject for f in registry.facts_of(Prop.ROLE)):
        roles = registry.facts_about(node, Prop.ROLE)
        described = [role for role in roles if role.key.endswith(DESCRIPTIONS)]
        if not described:
            continue
        if len(described) == len(roles):
            agent = next(iter(registry.facts_about(node, Prop.AGENT)), None)
            start = next(iter(registry.facts_about(summit_of[node], Prop.START_DATE)), None) if node in summit_of else None
            office = main_office(people, agent.key, start) if agent is not None else None
            if office is None or office.endswith(DESCRIPTIONS):
                continue
            registry.fact(node, Prop.ROLE, registry.named(Kind.POSITION, office), inference=Inference.EARLIER_ROLE,
                          evidence=(people.office_evidence[(agent.key, office)],))
        for role in described:
            registry.drop_one(node, Prop.ROLE, role)


#: The first sentence's word that its subject met the holders of an office one after another (与历任[[日本首相]]
#: 举行的会晤, 与历任教宗的会面): the office each holder met held, whatever the text calls him later.
_HOLDERS_IN_TURN = re.compile(r"(?:与|同|和|跟)历任(?P<office>[^，。；、的与和及]{0,14}?(?:"
                              + "|".join(sorted(OFFICE_WORDS, key=len, reverse=True)) + r"))(?=举行|进行|的|之间|会)")


def holders_met_in_turn(reading: Reading) -> None:
    """Each holder of an office the article's subject met in turn (``甲乙会晤是指[[张三]]与历任[[乙国总理]]
    举行的会晤``) is titled by it at the summits the subject attends, where the text gives him no office there
    and no other state's side: the first sentence says which office the series is about. Not the subject,
    nor anyone at a summit without the subject (an earlier holder's meeting with someone else)."""
    registry, index = reading.registry, reading.index
    sentence = reading.lead[0] if reading.lead else None
    said = _HOLDERS_IN_TURN.search(sentence.hans) if sentence is not None else None
    titles = titles_of(said["office"], index) if said else ()
    if len(titles) != 1:
        return
    title = titles[0]
    subjects = {spot.key for spot in sentence.spots
                if spot.end <= said.start() and registry.is_a(spot.surface, Kind.PERSON)}
    if not subjects:
        return
    key = index.key(office_key(title, index))
    nodes: dict[EntityId, list[EntityId]] = {}
    for fact in registry.facts_of(Prop.HAS_PARTICIPATION):
        nodes.setdefault(fact.subject, []).append(fact.value)
    for its in nodes.values():
        agents = {node: next(iter(registry.facts_about(node, Prop.AGENT)), None) for node in its}
        if not subjects & {agent.key for agent in agents.values() if agent is not None}:
            continue
        for node, agent in agents.items():
            if agent is None or agent.key in subjects or registry.has_fact(node, Prop.ROLE):
                continue
            sides = {side.key for side in registry.facts_about(node, Prop.SIDE)}
            if title.state is not None and sides and title.state not in sides:
                continue
            registry.fact(node, Prop.ROLE, registry.named(Kind.POSITION, key), inference=Inference.LEAD_PARAGRAPH,
                          evidence=(sentence.evidence(),))
            if title.state is not None and index.key(title.text) != key:
                registry.label(EntityId(Kind.POSITION, key), Label(title.text, "zh-Hans"))
            _label_holders_office(registry, key, title.text)


#: A series' first sentence that defines it as meetings between offices (是甲国总理与乙国首相之间的年度会晤机制,
#: 是甲国总统、乙国总理和丙国总统之间的三边峰会): the offices, each a state's, listed before 之间.
_BETWEEN_OFFICES = re.compile(r"是指?(?P<offices>[^，。；是]{4,60}?)之间")
#: The joiners of the list (和 but in 共和国 and 和平: 中华人民共和国国务院总理 is one office).
_OFFICES_LISTED = re.compile(r"[与同及、]|和(?![国平])")


def series_offices(reading: Reading) -> tuple[tuple[str, ...], Sentence | None, tuple[str, ...]]:
    """The keys of the offices a series' lead says its meetings are between (``甲乙会议是甲国总理与乙国
    首相之间的年度会晤机制``), none unless every one listed is one state's office and no person is named
    among them (``甲国总统张三与乙国总理之间``: a person's meetings, not the offices'); with the sentence,
    and each office as the lead writes it (``甲国总理``, whose key may name the state in full)."""
    registry, index = reading.registry, reading.index
    for sentence in reading.lead[:3]:
        said = _BETWEEN_OFFICES.search(sentence.hans)
        if said is None:
            continue
        if any(said.start("offices") < spot.end and spot.start < said.end("offices")
               and registry.is_a(spot.surface, Kind.PERSON) for spot in sentence.spots):
            return (), None, ()
        keys, written = [], []
        for part in _OFFICES_LISTED.split(said["offices"]):
            titles = titles_of(part, index)
            if len(titles) != 1 or titles[0].state is None or titles[0].start != 0:
                return (), None, ()
            keys.append(index.key(office_key(titles[0], index)))
            written.append(titles[0].text)
        states = {key[:_state_size(key, index)] for key in keys}
        return (tuple(keys), sentence, tuple(written)) if len(keys) >= 2 and len(states) == len(keys) else ((), None, ())
    return (), None, ()


def _state_size(key: str, index) -> int:
    """How long the state's name an office's key begins with is (甲国总理: 甲国)."""
    return next((size for size in range(len(key) - 1, 1, -1) if index.is_state(key[:size])), 0)


def holders_of_the_series_offices(reading: Reading, people: People) -> None:
    """At a meeting of a series its lead defines as one between offices (``是甲国总理与乙国首相之间的年度
    会晤机制``), the one participant the article gives no office anywhere (``李四抵达某城，与首相张三举行
    会谈``) holds the one office of them no other participant there holds: its holder is who meets the
    others'. A bare office word a participant holds there (首相) that one of the offices ends with is
    that office (甲国首相 of 甲国首相与乙国总理之间). Not where two or more are left without an office,
    nor where two offices are left: which is whose the text does not say. An office given so is
    called as the lead writes it too (``乙国首相``, the key naming the state in full: 乙国联邦首相)."""
    offices, sentence, written = series_offices(reading)
    if not offices:
        return
    registry = reading.registry
    as_written = dict(zip(offices, written))
    nodes: dict[EntityId, list[EntityId]] = {}
    for fact in registry.facts_of(Prop.HAS_PARTICIPATION):
        nodes.setdefault(fact.subject, []).append(fact.value)
    for its in nodes.values():
        taken, bare = set(), []
        for node in its:
            for role in registry.facts_about(node, Prop.ROLE):
                fuller = [office for office in offices if office == role.key
                          or role.key in OFFICE_WORDS and office.endswith(role.key)]
                if len(fuller) == 1:
                    taken.add(fuller[0])
                    if fuller[0] != role.key:
                        bare.append((node, role, fuller[0]))
        for node, role, office in bare:  # 首相 of 甲国首相与乙国总理之间: 甲国首相
            registry.fact(node, Prop.ROLE, registry.named(Kind.POSITION, office), inference=Inference.LEAD_PARAGRAPH,
                          evidence=(sentence.evidence(),))
            registry.drop_one(node, Prop.ROLE, role)
            _label_as_the_lead_writes(reading, office, as_written[office])
        left = [office for office in offices if office not in taken and not office.endswith(DESCRIPTIONS)]
        officeless = [node for node in its if not registry.has_fact(node, Prop.ROLE)
                      and (agent := next(iter(registry.facts_about(node, Prop.AGENT)), None)) is not None
                      and not people.offices.get(agent.key)]
        roleless = [node for node in its if not registry.has_fact(node, Prop.ROLE)]
        if len(left) == 1 and len(officeless) == 1 and roleless == officeless:
            registry.fact(officeless[0], Prop.ROLE, registry.named(Kind.POSITION, left[0]),
                          inference=Inference.LEAD_PARAGRAPH, evidence=(sentence.evidence(),))
            _label_as_the_lead_writes(reading, left[0], as_written[left[0]])


def _label_as_the_lead_writes(reading: Reading, key: str, written: str) -> None:
    """An office keyed by its state's full name (乙国联邦首相) is called as the lead writes it (``乙国首相``)."""
    if reading.index.key(written) != key:
        reading.registry.label(EntityId(Kind.POSITION, key), Label(to_hans(written), "zh-Hans"))


def main_office(people: People, key: str, when: date | None = None, told: Iterable[Sentence] = ()) -> str | None:
    """The office the article gives a person, an office proper before a description
    (朝鲜劳动党委员长 before 朝鲜最高领导人); on a day, the one the text gives nearest to it
    in time (委员长 in 2019, 总书记 in 2025), else the first. Where the sentences that tell
    the meeting call its parties heads of state (两国元首), a state's head (国家主席) before a
    party's (总书记) among offices as near in time. On a day, not an office below the top the
    text gives only in other years (see :func:`below_the_top_then`)."""
    offices = [o for o in people.offices.get(key, ()) if not _LEFT.search(o)  # an incoming one is taken up later
               and not (when and below_the_top_then(people, key, o, when.year) and not _INCOMING.search(o))]
    offices = _held_by_then(people, key, offices, when) if when else offices
    proper = [o for o in offices if not o.endswith(DESCRIPTIONS)] or list(offices)
    proper = [o for o in proper if shortened_from(o, proper) is None]  # 叙总统: 叙利亚总统 is the office
    proper = [o for o in proper if central_committees_from(o, proper) is None]  # 甲共总书记: 甲共中央总书记 is the office
    proper = list(_not_only_then(people, key, tuple(proper), when)) if when else proper
    proper = [o for o in proper if not _held_besides(people, key, o, proper)]
    if not proper:
        return None
    heads = any(_HEADS_OF_STATE.search(sentence.hans) for sentence in told)
    return min(proper, key=lambda office: (_distance(people, key, office, when) if when else 0,
                                           bool(_INCOMING.search(office)),  # as near: the office itself, not one won
                                           bool(when) and _latest_taken_first(people, key, office, when),
                                           heads and not _STATES_HEAD.search(office), proper.index(office)))


def _held_besides(people: People, key: str, office: str, offices: list[str]) -> bool:
    """Whether ``office`` is below a side's top and the sentence that gives it gives the person one at the top
    too (``时任甲国王储兼副首相、国防大臣的张三``, ``甲国总理、外交部长张三``): a post he held besides, not the
    office he meets other sides' leaders in."""
    said = people.office_evidence.get((key, office))
    return held_below_the_top(office) and said is not None and any(
        other != office and not held_below_the_top(other) and people.office_evidence.get((key, other)) == said
        for other in offices)


def _latest_taken_first(people: People, key: str, office: str, when: date) -> int:
    """Among offices as near a day in time, the one the text tells the person taking up last before it comes
    first (``2031年8月3日，张三当选甲共中央总书记。9月10日…``: at that meeting the new office, not the state's
    one given him in July), then the others; ``0`` for an office not told taken up on a day before ``when``."""
    taken = people.taken_on.get((key, office))
    return -taken.toordinal() if taken is not None and taken <= when else 0


def _held_by_then(people: People, key: str, offices: list[str], when: date) -> list[str]:
    """The offices but those the person had not yet taken up on ``when``: one the text tells him taking up on a
    later day (``同年5月13日，…张三于次日当选总统``: not his at a meeting that February), or taking up and dates only
    in later years (``2016年4月，张三出任新设立的国务资政``: not his in 2015). None left: none held then."""
    return [o for o in offices
            if people.taken_on.get((key, o), date.min) <= when and not _taken_up_later(people, key, o, when)]


def _taken_up_later(people: People, key: str, office: str, when: date) -> bool:
    """Whether the text tells the person taking up ``office`` (出任国务资政) and dates it only in years after ``when``."""
    same = [other for other in people.offices.get(key, ()) if one_office(office, other)]  # 国务资政, 甲国国务资政
    years = {year for other in same for year in people.office_years.get((key, other), ())}
    return bool(years) and min(years) > when.year and any((key, other) in people.taken_up for other in same)


def below_the_top_then(people: People, key: str, office: str, year: int) -> bool:
    """Whether ``office`` is one below a side's top (a deputy's, a minister's: 第一副主席, 国防部长) that the
    text gives the person only in years other than ``year`` (``张三在担任甲国国防部长期间，曾于2031年访问乙国``,
    a summit of 2035): what he held on his way up, not at a summit of top leaders years apart, where the
    text says nothing of his office. One it dates in the summit's year, or dates nowhere, may be his then."""
    years = people.office_years.get((key, office), ())
    return bool(years) and year not in years and held_below_the_top(office)


def first_office_held(people: People, key: str) -> tuple[str, ...]:
    """The first office the article gives a person that is not written as left (``原公安部长张三当选为
    国家主席``: 国家主席), else the first: what a box that names the person without one gives him; written
    elsewhere with another held with it (甲国王储 and 甲国王储兼首相), the two together."""
    offices = people.offices.get(key, ())
    first = next(((office,) for office in offices if not _LEFT.search(office)), offices[:1])
    return tuple(next((other for other in offices if other.startswith(office + "兼")), office) for office in first)


#: An office written as one its holder has left (已卸任的前总统张三, after a state's name too: 甲国前首相
#: 张三; 原 as 前: 原公安部长张三当选为国家主席): no role he held at a meeting. (前 before a state's name,
#: 前苏联总统, is cut from the office with the words before the state.)
_LEFT = re.compile(r"^前(?!进)|^原(?!子)|前(?=总统|首相|总理|主席|国王|总书记)")


#: The parties of a meeting called heads of state (两国元首, 三国元首, 元首会晤).
_HEADS_OF_STATE = re.compile(r"(两|三|四|双方|各)国?元首|元首(会谈|会晤|会面|峰会)")
#: A state's head, not a party's or a government's (国家主席, 总统, 国王; not 总书记, 总理).
_STATES_HEAD = re.compile(r"^(?!.*(?:党|中共|中央|军委|政府|部长会议|国务院|内阁)).*(?:主席|总统|国王|女王|天皇|国务委员长)$")


def offices_at(people: People, key: str, when: date) -> tuple[str, ...]:
    """The offices the text gives a person nearest to a day in time (all of them when it dates
    none); an office the person is only elected to (甲国当选总统、第一副总理张三) is held later,
    so the others tell what the person held then; one the text only says was held at a time it
    dates (2010年，时任乙国议长的张三) tells nothing of other years where the text gives another."""
    offices = people.offices.get(key, ())
    offices = tuple(o for o in offices if not _ELECT.search(o)) or offices
    offices = _not_only_then(people, key, offices, when)
    if not offices:
        return ()
    nearest = min(_distance(people, key, office, when) for office in offices)
    return tuple(o for o in offices if _distance(people, key, o, when) == nearest)


def _not_only_then(people: People, key: str, offices: tuple[str, ...], when: date) -> tuple[str, ...]:
    """The offices but those the text only says the person held in other years than a day's
    (2010年，时任乙国议长的张三: not his office in 2013 where the text gives him another, one he
    has not left: 前总统张三 says nothing of what he held before)."""
    kept = tuple(o for o in offices if (key, o) not in people.held_then
                 or when.year in people.office_years.get((key, o), ()))
    return kept if any(not _LEFT.search(o) for o in kept) else offices


#: An office won but not yet taken up (当选总统, 候任首相).
_ELECT = re.compile(r"当选|候任")


def office_taken_up(people: People, key: str, office: str, when: date | None) -> str:
    """The office a person held at a meeting the text dates in a later year than every sentence that
    calls him its incoming holder: the office itself (乙国下任总理李四原计划于2004年访问甲国…2005年6月8日，
    李四访问甲国: 乙国总理); at a meeting not later, or one undated, the office as written (乙国当选总统
    李四 in the sentence of the meeting's year stays 乙国当选总统)."""
    years = people.office_years.get((key, office), ())
    if when is None or not years or when.year <= max(years) or not _INCOMING.search(office):
        return office
    return _INCOMING.sub("", office)


#: An office written as one its holder is yet to take up: the next holder's (下任总统), an elected or
#: designated one's (当选总统, 候任首相, 总统当选人).
_INCOMING = re.compile(r"下任|候任|当选(?:人$)?")


def _distance(people: People, key: str, office: str, when: date) -> float:
    """How many years lie between a day and the nearest sentence that gives the person this
    office, written in full or short (国家主席 and 中华人民共和国国家主席 are one office)."""
    years = {year for other in people.offices.get(key, ()) if other.endswith(office) or office.endswith(other)
             for year in people.office_years.get((key, other), ())}
    return min(abs(year - when.year) for year in years) if years else float("inf")


def titles_in(sentence: Sentence, reading: Reading, person_key: str, *, listed: bool = False,
              top_first: bool = False) -> tuple[str, ...]:
    """Office keys written with the person's name in this sentence (bare 总统 resolved by the person's offices),
    but the one before a name that takes up another (副总统张三继任总统: the office left);
    ``listed``: with those listed with ``、`` before the one right before the name (``甲国王储兼副首相、国防大臣张三``);
    ``top_first``: a participant's, the top ones listed before lower ones (:func:`_top_listed_first`)."""
    index = reading.index
    before = titles_listed_before if listed else titles_before
    out: list[str] = []
    for spot in sentence.spots:
        if spot.key != person_key:
            continue
        titles = before(sentence, spot, index)
        if titles and _takes_up_another(titles, titles_taken(sentence, spot, index)):
            titles = ()  # 副总统张三继任总统: the office before the name is the one he leaves, not one he holds on
        for title in (_first_of_the_joined(sentence.hans, _top_listed_first(sentence, spot, index, titles))
                      if top_first else titles) + title_after(sentence, spot, index):
            out.append(index.key(office_key(title, index)))
    return tuple(dict.fromkeys(out))


def _takes_up_another(titles: tuple, taken: tuple) -> bool:
    """Whether a name takes up an office other than those written before it (``副总统张三继任总统``), not
    the same one again (``总统张三连任``, ``甲国总统张三就任总统``)."""
    return bool(taken) and not any(one_office(held.text, new.text) for held in titles for new in taken)


def one_office(one: str, other: str) -> bool:
    """Whether two offices as written are one, the state written or not (甲国总统, 总统; not 副总统, 总统)."""
    longer, shorter = (one, other) if len(one) >= len(other) else (other, one)
    return longer.endswith(shorter) and not _ANOTHER_OFFICE_BEFORE.search(longer, 0, len(longer) - len(shorter))


def _first_of_the_joined(hans: str, titles: tuple) -> tuple:
    """Of offices joined by ``兼`` before a name, those a participant meets the other side in: the first at a
    side's top, with the others of another body (甲国总统兼乙党主席: the state's and the party's), not a lower post
    he holds besides (乙国总理兼国防部长李四: 乙国总理) nor a second post of the same state's (乙国国务委员会主席兼
    部长会议主席李四: the office he is named by first). Offices not joined so are kept each."""
    runs: list[list] = []
    for title in titles:
        if runs and title.start == runs[-1][-1].end + 1 and hans[runs[-1][-1].end] == "兼":
            runs[-1].append(title)
        else:
            runs.append([title])
    out = []
    for run in runs:
        first = next((title for title in run if not held_below_the_top(title.text)), run[0])
        out += [title for title in run if title is first or not held_below_the_top(title.text)
                and (_A_PARTYS.search(title.text) or _A_PARTYS.search(first.text))]
    return tuple(out)


#: An office of a party, not of a state (甲党主席, 越共中央总书记, 中共中央主席): held besides a state's by one person.
_A_PARTYS = re.compile(r"党|^.{1,2}共(?!和)")


def _top_listed_first(sentence: Sentence, spot, index, titles: tuple) -> tuple:
    """The offices right before a name, but where they are all below a side's top and a top office is listed
    with ``、`` before them (``甲国总理、外交部长张三``, ``乙国王储兼副首相、国防大臣李四``): the top ones listed,
    the office the holder meets another side's leaders in; the lower one is what he holds besides."""
    if not titles or not all(held_below_the_top(title.text) for title in titles):
        return titles
    tops = tuple(title for title in titles_listed_before(sentence, spot, index)
                 if title not in titles and not held_below_the_top(title.text))
    return tops or titles
