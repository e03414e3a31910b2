"""One article, read once: its sentences by section, the name index and the registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.extract.gazetteer import well_known_names
from kg.extract.names import (NameIndex, Namesake, first_names_styled, madams_after_their_office, namesakes,
                             other_names_in_brackets, own_names_in_brackets, short_form, spouses_named, state_names,
                             state_names_hans, states, strip_disambiguator, variant_rules)
from kg.extract.registry import Registry
from kg.extract.scripts import has_han, to_hans
from kg.extract.text import Sentence, Spotter, longest_first, sentences
from kg.model import Issue, Severity
from kg.wikitext import Document, Section

#: Headings of sections that hold no prose about the subject (references, links, see also).
APPENDIX_HEADINGS = re.compile(r"^(参考|参见|参看|相关|外部|注释|注解|脚注|资料来源|来源|延伸阅读|扩展阅读|外部链接|参考文献|参考资料|相关条目)")
SEE_ALSO_HEADINGS = re.compile(r"^(参见|参看|相关条目|另见|延伸阅读)")


@dataclass
class Reading:
    document: Document
    index: NameIndex
    registry: Registry
    spotter: Spotter
    lead: tuple[Sentence, ...]  # the lead's clauses (split at ；too)
    by_section: dict[Section, tuple[Sentence, ...]]  # prose sections' own bodies
    issues: list[Issue] = field(default_factory=list)
    called_leaders: frozenset[str] | None = None  # whom the text calls his country's leader (participants.py)
    #: The article's account of a summit's days as read so far, by span (venues.told_in_order), for this page only.
    accounts: dict = field(default_factory=dict, repr=False, compare=False)

    def all_sentences(self) -> tuple[Sentence, ...]:
        out = list(self.lead)
        for section_sentences in self.by_section.values():
            out.extend(section_sentences)
        return tuple(out)

    def note(self, message: str, position: int | None = None, severity: Severity = Severity.INFO) -> None:
        self.issues.append(Issue(severity, message, self.document.page.origin, position))


def read(document: Document) -> Reading:
    rules = variant_rules(document)
    index = NameIndex.build(rules, document.links, spouses_named(document))
    names = {link.target for link in document.links} | {link.text for link in document.links}
    names |= {short for name in set(names) if (short := short_form(name))}
    names |= state_names()
    names |= {form.text for rule in index.rules for form in rule.forms if index.is_state(form.text)}
    names |= _named_elsewhere(document)
    names |= listed_leaders(document)
    if rules:  # 普丁 linked, 普京 written: the article's noteTA says they are one
        written = state_names_hans() | {to_hans(name) for name in names - state_names()}  # names holds every state's
        known = {to_hans(form.text) for rule in rules for form in rule.forms} & written
        names |= {form.text for rule in rules for form in rule.forms if known & {to_hans(f.text) for f in rule.forms}}
    for family, target in {**_middle_family_names(document, index), **_given_names(document, index), **_family_names(document, index), **own_names_in_brackets(document),
                           **madams_after_their_office(document), **other_names_in_brackets(document),
                           **first_names_styled(document), **_the_subjects_family_name(document, index), **_names_begun(document, index),
                           **_second_family_names(document, index),
                           **_names_without_their_number(document, index)}.items():
        index.merge(target, family)
        names.add(family)
    _same_city(index, names)
    common = _always_named()  # each a name, so only the rest are asked
    singles = _one_character_family_names(document, index)
    for family, target in singles.items():
        index.merge(target, family)
    spotter = Spotter(index, (common & names) | {n for n in names - common if _is_name(n)}, common=common,
                      namesakes=namesakes(document, index), alone=_alone_pattern(singles))
    registry = Registry(index)
    lead = sentences(document, document.lead, None, spotter, clauses=True)
    by_section = {}
    for section in document.all_sections():
        if not is_appendix(section):
            by_section[section] = sentences(document, section.body, section, spotter)
    if spotter.namesakes:
        lead = _namesakes_named_last(lead, spotter.namesakes, index)
        by_section = {section: _namesakes_named_last(told, spotter.namesakes, index)
                      for section, told in by_section.items()}
    return Reading(document, index, registry, spotter, lead, by_section)


def _namesakes_named_last(told: tuple[Sentence, ...], namesakes: dict[str, tuple[Namesake, ...]],
                          index: NameIndex) -> tuple[Sentence, ...]:
    """A short name two people share, written where no office tells which (``穆罕默德则称…``), is
    the one of them named last before it in the section (``[[乙国总统]]穆罕默德·本·某甲在总统府外迎接。…
    穆罕默德则称``), among those the text writes with an office: a son or a wife named with none is
    no leader the short name stands for alone."""
    last: dict[str, Namesake] = {}  # short name → the sharer named last
    sharer_of = {index.key(sharer.target): (short, sharer) for short, sharers in namesakes.items()
                 for sharer in sharers if sharer.offices}
    out = []
    for sentence in told:
        spots = list(sentence.spots)
        for i, spot in enumerate(spots):
            if spot.key in sharer_of:
                short, sharer = sharer_of[spot.key]
                last[short] = sharer
            elif spot.link is None and spot.hans in namesakes and spot.hans in last:
                meant = last[spot.hans]
                spots[i] = replace(spot, key=index.key(meant.target), surface=meant.target)
        out.append(replace(sentence, spots=tuple(spots)) if spots != list(sentence.spots) else sentence)
    return tuple(out)


#: Offices written right before a linked name that make it a person's (日本首相[[小泉纯一郎]]).
_TITLED = re.compile(r"(首相|总理|天皇|大臣|总统|主席|总书记|委员长|国王|女王)\]*$")
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{3,5}$")


def _family_names(document: Document, index: NameIndex) -> dict[str, str]:
    """The family names a Japanese leader is written by after a first full mention
    (日本首相[[小泉纯一郎]] … 小泉当天抵达, 日本首相[[石破茂]] … 石破在某城会谈): the first two characters of a
    three- to five-character name an office is written before, where no other link shares them.
    The office may stand before the name written again unlinked (继[[山田一郎]]之后 … 甲国首相山田一郎率团
    … 山田与某人签署): the link says it is a name, the office whose."""
    text = document.page.text
    hans = lru_cache(maxsize=1)(lambda: to_hans(text))  # made only for a name titled where it is not linked
    linked = lru_cache(maxsize=1)(lambda: {to_hans(strip_disambiguator(n)) for link in document.links
                                           for n in (link.target, link.text)})
    found: dict[str, set[str]] = {}
    for link in document.links:
        target = strip_disambiguator(link.target)
        if not _HAN_NAME.match(target) or "·" in (link.label or ""):
            continue
        if _TITLED.search(to_hans(text[max(0, link.span.start - 12):link.span.start])) \
                or (_titled_unlinked(text, target) and _family_alone(hans(), to_hans(target)[:2], linked())):
            found.setdefault(to_hans(target)[:2], set()).add(to_hans(target))
    taken = {to_hans(strip_disambiguator(link.target)) for link in document.links}
    return {family: next(iter(targets)) for family, targets in found.items()
            if len(targets) == 1 and family not in taken and not index.is_state(family)}


_LINK_MARKUP = re.compile(r"\[\[|\]\]")


def _titled_unlinked(text: str, name: str) -> bool:
    """Whether ``name`` is written unlinked somewhere in ``text`` right after a state's office
    (甲国首相山田一郎; not 某人总统某某大学之行, a place after someone's office)."""
    at = text.find(name)
    while at != -1:
        before = to_hans(text[max(0, at - 16):at])
        if not text.startswith("[[", at - 2) and (office := _TITLED.search(before)):
            whose = _LINK_MARKUP.sub("", before[:office.start()])
            if any(whose.endswith(state) for state in state_names_hans()):
                return True
        at = text.find(name, at + len(name))
    return False


def _family_alone(hans: str, family: str, linked: set[str]) -> bool:
    """Whether ``family`` is written somewhere in ``hans`` where no longer linked name begins
    (山田 alone, not the 山田 of [[山田二郎]] in an article about 山田一郎)."""
    longer = [name for name in linked if name.startswith(family) and len(name) > len(family)]
    at = hans.find(family)
    while at != -1:
        if not any(hans.startswith(name, at) for name in longer):
            return True
        at = hans.find(family, at + len(family))
    return False


#: A state's top office, written between the state and an unlinked leader's name in a list.
_LIST_OFFICE = r"(?:总统|总理|首相|国王|女王|国家主席|主席|总督)"
#: A wikilink flattened to the text it shows.
_WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")
#: An infobox's fields that list the leaders who met (as :mod:`kg.extract.infobox` reads them).
_BOX_LEADERS = frozenset({"participants", "参与者", "与会者", "出席者", "leaders", "参加者", "领导人"})
_LINK_TARGET = re.compile(r"\[\[([^\[\]|#]+)")


def _the_subjects_family_name(document: Document, index: NameIndex) -> dict[str, str]:
    """A family name two linked relatives share (卡斯特罗 of 菲德尔 and 劳尔, 特鲁多 of a father and
    a son, 奥巴马 of a president and his father), written alone: the one the article is about, whom its
    first sentence links (``'''2016年特鲁多访华'''是指[[加拿大总理]][[贾斯廷·特鲁多]]``), else whom its
    summit infobox lists as a leader who met. The other is written in full where he is meant
    (``同古巴国务委员会主席[[劳尔·卡斯特罗]]会谈``); where both or neither are named so, the name
    stays no one's."""
    families: dict[str, set[str]] = {}
    for link in document.links:
        family = short_form(link.target)
        if family and (not link.label or short_form(link.label) in (family, None)):
            families.setdefault(index.normal(family), set()).add(index.normal(link.target))
    shared = {family: targets for family, targets in families.items() if len(targets) >= 2}
    if not shared:
        return {}
    text, lead = document.page.text, document.lead
    bold = next((span.start for span in document.bold if lead.start <= span.start < lead.end), None)
    first = text[bold:text.find("。", bold)] if bold is not None else ""
    boxed = "".join(param.raw for template in document.templates if template.nested_in is None
                    and lead.start <= template.span.start < lead.end for param in template.params
                    if to_hans(param.name.strip().lower()) in _BOX_LEADERS)
    out = {}
    for family, targets in shared.items():
        for written in (first, boxed):
            named = {index.normal(target) for target in _LINK_TARGET.findall(written)} & targets
            if named:
                if len(named) == 1 and not index.is_state(family):
                    out[family] = named.pop()
                break
    return out


#: The characters an unlinked transliterated name is written in: no delimiter, digit or bracket,
#: and none of the words that go on after a name (在日内瓦, 应邀, 亦出席, 兼外长, 总统府), nor a word of time or
#: of the two sides that an office alone goes on with (甲国主席张三与乙国总统之间举行的会晤: the office's holder unnamed).
_NAME_RUN = r"(?!之间|之后|之前|以后|以来|双方|两国)[^\W\d_a-zA-Z在于应邀出席会面见谈访兼府亦同向对为是的了等将已也都就并率偕陪]{2,8}?"
#: What ends an item of a list of leaders.
_ITEM_END = r"(?=[、，,。；;（(]|和|及|与|举行|会谈|会见|<|$)"


@lru_cache(maxsize=1)
def _leader_item():
    """A state, its office and a name; the states as a pattern of their common beginnings, which
    tries them longest first as their alternation longest first did and which the matcher
    reads in less than half the time (0.19 -> 0.08 ms a synthetic page)."""
    states_first = longest_first({name for row in states() for name in row if len(name) >= 2})
    return re.compile(f"(?:{states_first}){_LIST_OFFICE}(?P<name>{_NAME_RUN}){_ITEM_END}")


def listed_leaders(document: Document) -> set[str]:
    """The names, linked nowhere, of leaders a list gives each with its state and office
    (``分别会见甲国总统张三、乙国总理李四和丙国首相王五``): a name so written counts as a
    name only where the item before or after it in the list is written the same way."""
    text = _flattened(document.page.text)
    items = list(_leader_item().finditer(text))
    out = set()
    for one, other in zip(items, items[1:]):
        joined = text[one.end():other.start()]
        if joined in ("、", "和", "及", "与", "以及", "，"):
            out |= {one["name"], other["name"]}
    known = _linked_names(document)
    known |= {short for name in known if (short := short_form(name))}
    return {name for name in out if name not in known and not any(k != name and k in name for k in known | out)}


_DOTS = "·‧•・"
#: What a person's name may be written after and before on its own (``，阿比在机场迎接``,
#: ``与阿比会谈``, ``为通伦举行欢迎仪式``, ``同通伦举行会谈``): not inside a longer word (克什米尔, 约翰逊, 唐纳德).
#: The one met is written right after the verb of meeting or welcoming (``乙国总统会见了通伦``, ``接见通伦``,
#: ``迎接来访的通伦``), and goes on to what they did (``与通伦进行会谈``).
_NAME_BEFORE = (r"(?:(?<=^)|(?<=[，。；、（(\s与和同及跟为向由])|(?<=总统|总理|主席|首相|国王|女王)"
                r"|(?<=会见|会晤|接见|拜会|迎接|欢迎)|(?<=会见了|会晤了|接见了|拜会了|迎接了|来访的|到访的))")
_NAME_AFTER = (r"(?=[，。；、）)]|在|与|和|同|则|也|于|到|表示|说|称|随后|抵达|访|会见|会晤|会谈|会面|进行|迎接|陪同|前往"
               r"|亲自|即|已|曾|对|向|为|是|的|率|举行|还|当选|先后|一行|结束|随即|共同|邀请|出席|主持|分别|再次|再度)")
#: Or right before the office he holds, as news writes a leader by his given name (``与佐科总统举行会谈``).
_OFFICE_AFTER = r"(?=总统|总理|首相|国王|女王|王储|埃米尔|苏丹)"


def _linked_names(document: Document) -> set[str]:
    """Every name the article links, as target and as shown text, in Simplified script without a disambiguator."""
    return {to_hans(strip_disambiguator(n)) for link in document.links for n in (link.target, link.text)}


#: What a one-character family name is written between on its own: as a name alone, but not before a
#: character that makes a word of it (桐于; 基于 is "based on"), nor before 的 or 是 (桐是, 桐的).
_ONE_AFTER = (r"(?=[，。；、）)]|在|与|和|同|则|也|表示|说|称|随后|抵达|访问|会见|会晤|会谈|会面|进行|迎接|陪同|前往"
              r"|亲自|率|举行|当选|先后|一行|结束|随即|共同|邀请|出席|主持|分别|再次|再度|首相|总理|夫人|政府)")
_ONE_ALONE_AFTER = re.compile(_ONE_AFTER)


def _one_character_family_names(document: Document, index: NameIndex) -> dict[str, str]:
    """The one-character family name a leader is written by after a first full mention, as Chinese
    writes ``[[玛丽·桐]]`` … ``桐在某城同乙举行会谈`` and ``[[约翰·杉]]`` … ``杉总理表示``: the last part of a
    linked dotted name, one character long, written in the text on its own (between what a name
    alone is written between, :data:`_ONE_AFTER` after it), that no other linked name has as its last part
    and no state is called. The spotter finds it only so written (:func:`_alone_pattern`), never inside a
    word (桐乡, 杉树)."""
    text = _flattened(document.page.text)
    known = _linked_names(document)
    found: dict[str, set[str]] = {}
    for name in known:
        parts = _A_DOT.split(name)
        if len(parts) >= 2 and len(parts[-1]) == 1 and len(parts[-2]) >= 2:
            found.setdefault(parts[-1], set()).add(index.normal(name))
    return {family: targets.pop() for family, targets in found.items() if len(targets) == 1
            and not index.is_state(family) and _written_alone(family, text, _ONE_ALONE_AFTER)}


def _alone_pattern(singles: dict[str, str]) -> re.Pattern | None:
    """The pattern that finds the one-character names only where each is written on its own."""
    if not singles:
        return None
    return re.compile(f"{_NAME_BEFORE}(?:{'|'.join(map(re.escape, sorted(singles)))}){_ONE_AFTER}")


def _given_names(document: Document, index: NameIndex) -> dict[str, str]:
    """The given names a leader is written by where custom names people so (Ethiopia, Eritrea,
    Iceland, Indonesia: ``[[阿比·艾哈迈德]]`` … ``阿比在机场迎接``): the first part of a linked
    dotted name, written in the text on its own (not inside 约翰逊 or 唐纳德), that no other
    link shares, or, where others share it, that of the one whose later part the title writes (the
    article's subject: ``甲与某某·本·乙会谈`` … ``某某在总统府与甲会谈``, where another 某某 is linked too).
    Written only before an office (``与佐科总统举行会谈``), where no other link has it as a later part either
    (``[[萨勒曼·本·阿卜杜勒-阿齐兹]]`` and ``[[穆罕默德·本·萨勒曼]]``: 萨勒曼国王 names the king, but a text
    writing 萨勒曼 so alone may mean either)."""
    text = _flattened(document.page.text)
    known = _linked_names(document)
    found: dict[str, set[str]] = {}
    later: set[str] = set()  # the parts after the first of each name
    for name in known:
        parts = re.split(f"[{_DOTS}]", name)
        if len(parts) >= 2 and len(parts[0]) >= 2:  # a link's target and text are one person's: one name
            found.setdefault(parts[0], set()).add(index.key(name))
        later.update(parts[1:])
    title = to_hans(document.title or "")
    out = {}
    for given, names in found.items():
        if len(names) > 1:  # 某某 of two linked names (某某·本·甲, 某某·本·乙): the one the title names, the article's subject
            names = {name for name in names if any(len(part) > 1 and part in title for part in _A_DOT.split(name)[1:]
                                                   if not any(part in other for other in names - {name}))} or names
        if len(names) == 1 and not index.is_state(given) and (
                _written_alone(given, text) or given not in later and _written_alone(given, text, _BEFORE_ITS_OFFICE)):
            out[given] = next(iter(names))
    return out


_BEFORE_A_NAME = re.compile(_NAME_BEFORE)
_AFTER_A_NAME = re.compile(_NAME_AFTER)
_BEFORE_ITS_OFFICE = re.compile(_OFFICE_AFTER)


def _written_alone(name: str, text: str, after: re.Pattern = _AFTER_A_NAME) -> bool:
    """Whether ``name`` stands in ``text`` between what may be written before and after a
    name on its own (``f"{_NAME_BEFORE}{name}{_NAME_AFTER}"`` found anywhere), without
    compiling a pattern for each name."""
    at = text.find(name)
    while at >= 0:
        if _BEFORE_A_NAME.match(text, at) and after.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


#: A dot between the parts of a transliterated name.
_A_DOT = re.compile(f"[{_DOTS}]")


def _names_begun(document: Document, index: NameIndex) -> dict[str, str]:
    """A linked name written unlinked without its last parts: the Arabic name of a son and his father
    without the family's (``[[穆罕默德·本·扎耶德·阿勒纳哈扬]]`` … ``穆罕默德·本·扎耶德在总统府与乙会谈``), a
    name without its last given or family part. Its first two or more parts, written with no other
    part after them, are the linked name's where no other linked name begins with them."""
    text = _flattened(document.page.text)
    names = _linked_names(document)
    found: dict[str, set[str]] = {}
    for link in document.links:
        target = to_hans(strip_disambiguator(link.target))
        dots = _A_DOT.findall(target)
        if len(dots) < 2 or len(set(dots)) > 1:
            continue
        parts = target.split(dots[0])
        for size in range(2, len(parts)):
            begun = dots[0].join(parts[:size])
            if begun not in names and _written_without_more(begun, text):
                found.setdefault(begun, set()).add(index.normal(target))
    return {begun: targets.pop() for begun, targets in found.items() if len(targets) == 1
            and not any(name.startswith(begun) and index.normal(name) not in targets
                        for name in names if name != begun)}


def _middle_family_names(document: Document, index: NameIndex) -> dict[str, str]:
    """The family name a leader of a Spanish or Portuguese name is written by, between his given
    names and his mother's family name (``[[安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔]]`` … ``洛佩斯抵达某城``,
    ``[[路易斯·伊纳西奥·卢拉·达席尔瓦]]`` … ``卢拉``): a part of a linked name of three parts or more, neither
    its first nor its last, written in the text on its own, that no other linked name has. Not a
    part of an Arabic name, where those are the father's and forefathers' names (``塔米姆·本·哈马德``)."""
    text = _flattened(document.page.text)
    names = _linked_names(document)
    found: dict[str, set[str]] = {}
    for name in names:
        parts = _A_DOT.split(name)
        if len(parts) < 3 or _SON_OF & set(parts):
            continue
        for middle in parts[1:-1]:
            if len(middle) >= 2 and middle not in names and _written_alone(middle, text):
                found.setdefault(middle, set()).add(index.normal(name))
    return {middle: targets.pop() for middle, targets in found.items() if len(targets) == 1
            and not index.is_state(middle)
            and not any(middle in _A_DOT.split(name) for name in names if index.normal(name) not in targets)}


#: The words of an Arabic name that say whose son or daughter one is.
_SON_OF = frozenset({"本", "宾", "伊本", "宾特", "阿布"})


#: The hyphen between the two halves of a double family name, in its spellings.
_HYPHEN = re.compile(r"[-－‐–]")


def _second_family_names(document: Document, index: NameIndex) -> dict[str, str]:
    """The second half of a double family name, which Chinese writes a leader by after a first full
    mention (``[[某甲·艾哈乙-丙贾德]]`` … ``丙贾德抵达某城``, ``[[某丁·阿卜杜-戊赛尔]]`` … ``与戊赛尔会谈``):
    the part after the hyphen of a linked name's last part, written in the text on its own, that no
    other linked name has as a part or a half, and that is no state's name (``某甲·乙德-阿曼``: 阿曼 is
    Oman). Not of an Arabic name with 本, whose last part is the father's name (``某甲·本·阿卜杜勒-某乙``)."""
    text = _flattened(document.page.text)
    names = _linked_names(document)
    found: dict[str, set[str]] = {}
    for name in names:
        parts = _A_DOT.split(name)
        halves = _HYPHEN.split(parts[-1])
        if len(parts) < 2 or len(halves) < 2 or _SON_OF & set(parts):
            continue
        second = halves[-1]
        if len(second) >= 2 and second not in names and _written_alone(second, text):
            found.setdefault(second, set()).add(index.normal(name))
    return {second: targets.pop() for second, targets in found.items() if len(targets) == 1
            and not index.is_state(second)
            and not any(second in _A_DOT.split(name) or second in _HYPHEN.split(_A_DOT.split(name)[-1])
                        for name in names if index.normal(name) not in targets)}


#: A linked name ending in a regnal number, and the name it is added to (某某三世, 某甲·某乙一世).
_NUMBERED = re.compile(r"(?P<stem>.+[^\W\d_a-zA-Z·])[一二三四五六七八九十]{1,3}世")


def _names_without_their_number(document: Document, index: NameIndex) -> dict[str, str]:
    """A monarch's or a prelate's name written without its regnal number (``[[某某三世]]`` … ``某某在某宫与乙会谈``):
    the linked name's stem, written on its own somewhere, where no other linked name begins with it (``[[某某二世]]``
    beside ``[[某某·本·甲]]``: 某某 may be either)."""
    names = _linked_names(document)
    found: dict[str, set[str]] = {}
    for name in names:
        if (numbered := _NUMBERED.fullmatch(name)) and len(numbered["stem"]) >= 2:
            found.setdefault(numbered["stem"], set()).add(index.key(name))
    if not found:
        return {}
    text = _flattened(document.page.text)
    return {stem: next(iter(keys)) for stem, keys in found.items() if len(keys) == 1 and not index.is_state(stem)
            and not any(name.startswith(stem) and index.key(name) not in keys for name in names)
            and _written_alone(stem, text)}


def _written_without_more(name: str, text: str) -> bool:
    """Whether ``name`` is written in ``text`` with no dot and part of a name right after it."""
    at = text.find(name)
    while at >= 0:
        after = text[at + len(name):at + len(name) + 1]
        if not after or not _A_DOT.match(after):
            return True
        at = text.find(name, at + 1)
    return False


#: Templates that stand for a link to an article in another language (``{{link-en|凯托克廷山公园|…}}``),
#: with the parameter that holds the name shown (``{{tsl|en|Li Si|李四}}``: the third).
_LINK_TEMPLATES = {"link-en": "1", "ill": "1", "le": "1", "tsl": "3", "internal link helper": "1"}
#: A name kept from script conversion (``乙国总理-{李四}-``): the plain form, no variants listed.
_KEPT_NAME = re.compile(r"-\{([^{}|;:=\-\s]{2,12})\}-")
_LIES_AT = re.compile(r"(?<!是)位[于於]")  # 是位于…的: a clause about the noun after it


def _named_elsewhere(document: Document) -> set[str]:
    """Names that are no wikilink but name a thing all the same: the name a
    link-to-another-wiki template shows, a name kept from script conversion (``-{李四}-``), the well-known venues of the reference gazetteer, and the title of an article about a place (the sentence
    of its bold name says where it lies: ``戴维营…位于…``)."""
    out = {t.get(_LINK_TEMPLATES[t.key]) or "" for t in document.templates if t.key in _LINK_TEMPLATES}
    out |= {name for name in _KEPT_NAME.findall(document.text) if has_han(name)}
    out |= well_known_names()
    title = strip_disambiguator(document.title or "")
    bold = document.text.find("'''" + title, document.lead.start, document.lead.end) if title else -1
    if bold >= 0 and _LIES_AT.search(document.text[bold:document.text.find("。", bold)]):
        out.add(title)
    return {n.strip() for n in out if n.strip()}


@lru_cache(maxsize=2)
def _flattened(text: str) -> str:
    """The page's text in Simplified script with each wikilink written as the text it shows
    (two readers read it; a page's text is one string, whose hash Python keeps)."""
    return to_hans(_WIKILINK.sub(r"\1", text))


def _same_city(index: NameIndex, names: set[str]) -> None:
    """``武汉`` and ``武汉市``, both linked, are one city: Chinese names a city with or without 市."""
    common = _common_names()
    if common <= names:  # the names every article has, converted once
        hans = _common_hans() | {to_hans(n).strip() for n in names - common}
    else:
        hans = {to_hans(n).strip() for n in names}
    for name in sorted(name for name in hans if len(name) >= 3 and name.endswith("市") and name[:-1] in hans):
        index.merge(name, name[:-1])



@lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """The names every article's reading holds: the states' and the reference gazetteer's."""
    return state_names() | {n.strip() for n in well_known_names() if n.strip()}


@lru_cache(maxsize=1)
def _common_hans() -> frozenset[str]:
    return frozenset(to_hans(n).strip() for n in _common_names())


@lru_cache(maxsize=1)
def _always_named() -> frozenset[str]:
    """The names every article's spotter looks for: the states, and the gazetteer's venues and towns."""
    names = {name for row in states() for name in row}
    names |= {name.strip() for name in well_known_names() if name.strip()}
    return frozenset(name for name in names if _is_name(name))


def is_appendix(section: Section) -> bool:
    return bool(APPENDIX_HEADINGS.match(to_hans(section.heading).strip()))


def is_see_also(section: Section) -> bool:
    return bool(SEE_ALSO_HEADINGS.match(to_hans(section.heading).strip()))


def _is_name(text: str) -> bool:
    return len(text) > 1 and ":" not in text
