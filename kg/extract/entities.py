"""The first pass: which names are people, places, states and offices, by how the text uses them.

- a person: a name written after an office (``甲国总统张三``), or named as the leader of a
  government (``张三政府``, ``在李四和王五两任…政府``), or who died or took over
  (``…去世，由赵六接任``), or was sworn in as or elected to an office (``张三于某日宣誓就任甲国总理``);
- a place: where something is held (``在…举行``), lies (``位于…``), is crossed, visited
  or reached, and each name listed after one visited (``到访甲城、乙城和丙城``); a state when
  the gazetteer or the text (``…两国``) says so;
- an office: the words before a person's name that end in an office word, or a linked
  name ending in one (朝鲜最高领导人); an event: a linked name ending in 战争, 事件 ...
"""

from __future__ import annotations

import re

from kg.extract.phrases import (CROSS_VERBS, DIED, GOVERNMENTS, NEXT_DAY, NOT_TOP, SUCCESSOR_BEFORE, TAKES_OVER,
                                TAKES_UP_AN_OFFICE, TRAVELS_TO, WELCOME_AT)
from kg.extract.document_names import DOCUMENT_WORDS
from kg.extract.places import held_at_phrases, phrase_spots
from kg.extract.reading import Reading
from kg.extract.roles import (HOLDERS_OFFICES, OFFICE_WORDS, monarch_by_name, office_key, ranked_after, title_after,
                              titles_before, written_before)
from kg.extract.scripts import to_hans
from kg.extract.text import CLAUSE_BREAK, Sentence, Spot, clause_start
from kg.model import Kind

_LIES_IN = re.compile(r"位于")
_MOVES = re.compile(rf"({CROSS_VERBS}|访问|回访|出访|到访|进入|{TRAVELS_TO})$")
_TWO_STATES = re.compile(r"^(两|二|双)国")
EVENT_WORDS = ("战争", "战役", "事件", "起义", "革命", "危机", "冲突", "会战", "政变", "运动",
               "峰会", "会议", "论坛", "博览会", "运动会", "奥运会")
#: Names ending so are places even after an office word (``中美元首安纳伯格庄园会晤``).
PLACE_ENDINGS = ("庄园", "宫", "馆", "酒店", "宾馆", "饭店", "大厦", "广场", "中心", "别墅", "城", "市", "省", "州",
                 "县", "区", "岛", "山", "湖", "港", "村", "堂", "寺", "庙", "园", "楼", "阁", "营", "基地", "群")
#: Offices of two sides at once (中美元首, 中印领导人, 两国领导人): they title no one person.
_COLLECTIVE = re.compile(r"(^|[^国])([中美苏俄印朝韩日英法德越新蒙台]{2}|两国|双方|两岸|三国|四国)(两国)?(国家)?(元首|领导人|首脑|政府首脑)$")
_HEADING_GOVERNMENT = re.compile(r"^\s*(?P<name>.+?)\s*(政府|政权|内阁|时期|执政时期)\s*(?:[（(].*)?$")


def type_names(reading: Reading, boxed_places: frozenset[str] = frozenset()) -> None:
    """Types the names of the article in the registry, by the patterns above. A name a summit's or a
    visit's box gives alone in a place field (``boxed_places``, see :func:`kg.extract.infobox.boxed_place_names`)
    is a place, not a person whatever the prose writes around it (``[[某都]]政府``: the seat stands for the
    state's government)."""
    registry, index = reading.registry, reading.index
    titled = _titled_people(reading)
    states = []  # typed once every person is known: 拜登与洛伦索两国团队 names two people
    for sentence in reading.all_sentences():
        for spot in sentence.spots:
            if index.is_state(spot.surface):
                registry.named(Kind.COUNTRY, spot.surface, article=_article(spot))
        for spot in _people(sentence, reading):
            if spot.key not in boxed_places:
                registry.named(Kind.PERSON, spot.surface, article=_article(spot))
        for spot in _places(sentence, reading):
            if spot.hans.endswith(EVENT_WORDS):
                continue  # "在二十国集团峰会期间": a time, not a place
            if _BODY_ENDINGS.search(spot.hans) and sentence.hans.startswith(("总部", "秘书处"), spot.end):
                continue  # 在某城的某楼（[[某组织]]总部）: the seat is a place, the body is none
            if not registry.is_a(spot.surface, Kind.PERSON) and not index.is_state(spot.surface):
                registry.named(Kind.PLACE, spot.surface, article=_article(spot))
        states.extend(_states(sentence))
        for spot in sentence.spots:  # a linked office or event names itself by its last word
            if spot.link and registry.kind_of(spot.surface) is None:
                if monarch_by_name(spot, index) or _REGNAL.search(spot.hans):
                    registry.named(Kind.PERSON, spot.surface, article=_article(spot))
                elif spot.hans.endswith(OFFICE_WORDS) and spot.hans not in HOLDERS_OFFICES:
                    registry.named(Kind.POSITION, spot.surface, article=_article(spot))
                elif spot.hans.endswith(EVENT_WORDS):
                    registry.named(Kind.EVENT, spot.surface, article=_article(spot))
    linked = _known_names(reading)
    for sentence in reading.all_sentences():  # after the first pass: who met someone known to be a person
        for spot in _met_a_person(sentence, reading, linked):
            registry.named(Kind.PERSON, spot.surface, article=_article(spot))
    for spot in states:
        if not registry.is_a(spot.surface, Kind.PERSON):
            registry.named(Kind.COUNTRY, spot.surface, article=_article(spot))
    for section in reading.by_section:
        leader = heading_leader(section.heading)
        if leader and leader in _known_names(reading) and not index.is_state(leader):
            registry.named(Kind.PERSON, leader)
    for sentence, title in titled:
        surface = sentence.text[title.start:title.end]
        article = None
        for inner in sentence.spots_in(title.start, title.end):
            if inner.start == title.start and inner.end == title.end:
                article = _article(inner)
        registry.named(Kind.POSITION, surface, article=article)


def _titled_people(reading: Reading) -> list:
    """Every office written with a person's name; their names are merged before anything is typed.

    A bare office word (``总统`` alone) names no particular office and is left to the
    summit extractor, which knows whose it is.
    """
    out = []
    for sentence in reading.all_sentences():
        for spot in sentence.spots:
            for title in titles_before(sentence, spot, reading.index) + title_after(sentence, spot, reading.index):
                if title.state is None and title.text in OFFICE_WORDS:
                    continue
                reading.index.merge(office_key(title, reading.index), title.text)
                reading.index.prefer(office_key(title, reading.index))
                out.append((sentence, title))
    return out


def heading_leader(heading: str) -> str | None:
    """``张三政府（1998－2003）`` → ``张三``."""
    match = _HEADING_GOVERNMENT.match(to_hans(heading))
    return match["name"].strip() if match else None


def _known_names(reading: Reading) -> set[str]:
    return {reading.index.normal(link.target) for link in reading.document.links} | {
        reading.index.normal(link.text) for link in reading.document.links}


def _article(spot: Spot) -> str | None:
    return spot.link.link.target if spot.link else None


#: A linked name ending in a regnal number (``[[某某二世]]``, ``[[某某·某某十六世]]``): a monarch's or a
#: pope's, a person's; not a place or a body named after one (某某二世号, 某某一世大学).
_REGNAL = re.compile(r"[^\W\d_a-zA-Z][一二三四五六七八九十]{1,3}世$")


#: A kinship word right before a name, after a person's name (李四之父张三), or a successor's (李四的继任者张三).
_KIN_BEFORE = re.compile(r"(之父|之母|之子|之女|之妻|之夫|之弟|之兄|的父亲|的母亲|的儿子|的女儿|的继任者|的继承人|的接班人|的前任)$")


#: Right after the second of two names joined by 与 (张三与李四之间的会面, 张三与李四会晤): the meeting the two had.
_THEIR_MEETING = re.compile(r"(?:之间|两人|二人)?的?(?:多次|历次|首次)?(?:会晤|会面|会谈|峰会|首脑会谈|首脑会晤)")


def _the_other_who_met(sentence: Sentence, at: int, reading: Reading) -> bool:
    """Whether the name at ``at`` is joined by 与 (和, 同) to a person's right before it and followed by the meeting
    the two had (``[[甲国总理]][[张三]]与[[李四]]之间的会面``, ``张三与李四会晤``): the other of the pair is a person
    too, whatever office the text gives him (none, where he is known by it)."""
    if at == 0:
        return False
    spot, before = sentence.spots[at], sentence.spots[at - 1]
    return before.end + 1 == spot.start and sentence.hans[before.end] in "与和同" \
        and reading.registry.is_a(before.surface, Kind.PERSON) \
        and _THEIR_MEETING.match(sentence.hans, spot.end) is not None


def _people(sentence: Sentence, reading: Reading):
    hans, index = sentence.hans, reading.index
    for i, spot in enumerate(sentence.spots):
        if index.is_state(spot.surface):
            continue
        titles = titles_before(sentence, spot, index) + title_after(sentence, spot, index)
        if titles and not spot.hans.endswith(PLACE_ENDINGS + EVENT_WORDS) and not all(
                _COLLECTIVE.search(t.text) for t in titles) and not _a_states_office(spot.hans, index):
            yield spot
        elif (_before_government(hans[spot.end:]) or _chain_before_government(sentence, i)) \
                and not spot.hans.endswith(_LOCAL_UNITS):  # 浙江省政府: a province's, no leader's
            yield spot
        elif DIED.match(hans[spot.end:]) or (SUCCESSOR_BEFORE.search(hans[:spot.start])
                                             and TAKES_OVER.match(hans[spot.end:])):
            yield spot
        elif _takes_up_an_office(sentence, spot, index):
            yield spot  # 张三于某日宣誓就任甲国总理: who is sworn in as an office holds it
        elif ranked_after(sentence, spot) and not spot.hans.endswith(PLACE_ENDINGS):
            yield spot  # 乙国政府首脑[[李四]]将军: a rank, no office, is a person's
        elif _KIN_BEFORE.search(hans[:spot.start]) and i > 0 and reading.registry.is_a(sentence.spots[i - 1].surface, Kind.PERSON):
            yield spot  # 李四之父张三, 李四的继任者张三: a person's father or successor is a person
        elif _the_other_who_met(sentence, i, reading) and not _BODY_ENDINGS.search(spot.hans) \
                and not spot.hans.endswith(PLACE_ENDINGS + EVENT_WORDS + OFFICE_WORDS):
            yield spot  # 甲国总理张三与李四之间的会面: the one a person met, the two named as a meeting's pair
        elif (_listed_as_leaders(sentence, i) or _listed_after_leaders(sentence, i)) \
                and not spot.hans.endswith(PLACE_ENDINGS) and not _BODY_ENDINGS.search(spot.hans):
            yield spot  # 张三、[[李四]]等乙国领导人到机场迎接: each name of the list is a leader's
        elif _invites_a_visitor(sentence, spot, reading):
            yield spot  # 甲于某日应[[张三]]邀请对乙国进行国事访问: who invites a leader on a visit is a person
        elif _ARRIVES_AS_A_VISITOR.match(hans, spot.end) and clause_start(hans, spot.start) == spot.start \
                and not spot.hans.endswith(PLACE_ENDINGS + EVENT_WORDS + _CRAFT_ENDINGS + OFFICE_WORDS) \
                and not _BODY_ENDINGS.search(spot.hans) and not _written_below_the_top(reading, spot.key):
            yield spot  # 张三（又译张叁）于1月28日抵达某都: who arrives on a visit, as a clause's subject, is a person


#: Around a linked name: an invitation the visit is made at (应[[张三]]邀请, 应[[张三]]的盛情邀请, 应[[张三]]之邀),
#: going on to the visit in its clause (…对某国进行国事访问, 访华).
_AT_THE_INVITATION_OF = re.compile(r"(?:的)?(?:盛情)?(?:邀请|之邀)[^，。；]{0,20}?(?:访问|访华|来访|出访)")


def _invites_a_visitor(sentence: Sentence, spot: Spot, reading: Reading) -> bool:
    """Whether a name the article links, typed as nothing yet, invites a person on the visit its clause tells
    (``甲于2029年7月17日应[[张三]]邀请对中国进行国事访问``): a host who invites a leader is a person. Not a state, a
    body or a place (应[[某国政府]]邀请, 应[[某某学会]]邀请), nor where no person named before it is invited."""
    hans = sentence.hans
    if spot.link is None or spot.start == 0 or hans[spot.start - 1] != "应" \
            or not _AT_THE_INVITATION_OF.match(hans, spot.end) or reading.registry.kind_of(spot.surface) is not None \
            or reading.index.is_state(spot.surface) or spot.hans.endswith(PLACE_ENDINGS + EVENT_WORDS + OFFICE_WORDS) \
            or _BODY_ENDINGS.search(spot.hans) or spot.hans.endswith(("会", "院", "部", "社", "所", "校", "学")):
        return False
    return any(other.start < spot.start and reading.registry.is_a(other.surface, Kind.PERSON)
               for other in sentence.spots)


#: Right after a clause's subject: its arrival on a visit (``张三（又译张叁）于1月28日傍晚抵达某都``, ``张三到访``,
#: ``张三访华``), which only a person makes. Not landing (``降落在``): an aircraft's.
_ARRIVES_AS_A_VISITOR = re.compile(r"(?:[（(][^（）()，。]{0,20}[）)])?(?:于[^，。；]{1,16}?)?(?:抵达|飞抵|到达|到访|访华|出访)")
#: Names of craft and groups that arrive too (某某号, 某某舰, 代表团, 某某乐团).
_CRAFT_ENDINGS = ("号", "舰", "艇", "机", "团", "队")


def _written_below_the_top(reading: Reading, key: str) -> bool:
    """Whether the article writes the name anywhere after an office below the top in its clause
    (``国务院副总理、某对话中方牵头人[[张三]]``): an official's arrival, typed by his office or not at all."""
    return any(spot.key == key and NOT_TOP.search(sentence.hans, clause_start(sentence.hans, spot.start), spot.start)
               for sentence in reading.all_sentences() for spot in sentence.spots)


#: Right after taking up an office: the office, a state's or a body's, up to its office word (甲国总理); not
#: the time since (就任以来两国元首…, 当选后, 就任时).
_THE_OFFICE_TAKEN = re.compile(r"(?![以之]?[来后前时])[^，。；：、的]{0,10}?(?:%s)" % "|".join(sorted(OFFICE_WORDS, key=len, reverse=True)))


def _takes_up_an_office(sentence: Sentence, spot: Spot, index) -> bool:
    """Whether the name, linked, is sworn in as, takes up or is elected to a top office in its own clause
    (``[[张三]]于某日在某宫宣誓就任第15任[[甲国总理]]``, ``[[李四]]当选乙国总统``): the subject of taking up an
    office is a person. Not a place, a body or a state (``甲国当选…理事国``), nor the place it happened at
    (``张三在[[某都]]宣誓就任…``), nor a name the verb is not
    right after but for the clause's time and place (``张三访问期间，李四就任总统``: 李四's)."""
    if spot.link is None or spot.hans.endswith(PLACE_ENDINGS) or _BODY_ENDINGS.search(spot.hans) \
            or index.is_state(spot.surface) or _AT_A_PLACE.search(sentence.hans, max(0, spot.start - _AT_A_PLACE_REACH), spot.start):
        return False  # 张三在[[某都]]宣誓就任: the place he was sworn in at
    taken = TAKES_UP_AN_OFFICE.match(sentence.hans, spot.end)
    office = _THE_OFFICE_TAKEN.match(sentence.hans, taken.end()) if taken is not None else None
    return office is not None and not NOT_TOP.search(office[0])  # 出任副总理兼外长: the text types him elsewhere


#: Right after the last name of a list: the leaders it names, as a group, of states or of a gathering's
#: members (等中国领导人, 等沿岸国家元首, 等10多位成员领导人, 五位美国总统); not the states' (甲、乙等国元首),
#: whose names are states, nor leaders of places, bodies or parties (北京、上海等地领导人, 等单位领导人); 等地 ends
#: a list of places, and the leaders of the next cell of a table's row are another cell's (``北京等地 || 中国领导人``).
_LEADERS_AFTER_A_LIST = re.compile(r"(?:等|[两二三四五六七八九十]位)(?![国地])(?:[^，。；、的\s]{0,8}?(?:国|国家|成员|与会))?"
                                   r"(?:领导人|元首|首脑|领袖|总统|总理|首相|国王)(?![府宫])")
#: Between two names of one list.
_LIST_JOINS = ("、", "和", "与", "及", "同")


def _listed_as_leaders(sentence: Sentence, i: int) -> bool:
    """Whether the ``i``-th name is one of a list of names, one right after another, that ends in the
    leaders they are (``毛泽东、[[朱德]]等中国领导人``, ``甲与乙、[[丙]]等沿岸国家元首出席``): a list of
    leaders names people. Not a name only written in the list's words (``[[某岛]]岛主丁等社群领袖``)."""
    hans, spots = sentence.hans, sentence.spots
    j = i
    while j + 1 < len(spots) and hans[spots[j].end:spots[j + 1].start] in _LIST_JOINS:
        j += 1
    return bool(_LEADERS_AFTER_A_LIST.match(hans, spots[j].end))


#: Right before the first name of a list: the office its names hold, written for several (四国总统, 两国领导人,
#: 各国元首); not one state's (甲国总统, whose holder the office word types alone).
_LEADERS_BEFORE_A_LIST = re.compile(r"(?:[两二三四五六七八九十]国|各国|双方)的?(?:领导人|元首|首脑|领袖|总统|总理|首相|国王)$")
#: How far back its longest match reaches (两国的领导人): a search from there finds what a search of the whole
#: sentence before the name would, asked for each untyped name of every sentence.
_LEADERS_BEFORE_A_LIST_REACH = 6


def _listed_after_leaders(sentence: Sentence, i: int) -> bool:
    """Whether the ``i``-th name is one of a list of names, one right after another, that follows the office its
    names hold together (``分别与四国总统[[甲]]、[[乙]]、[[丙]]和[[丁]]举行会谈``): each is a leader, a person."""
    hans, spots = sentence.hans, sentence.spots
    j = i
    while j > 0 and hans[spots[j - 1].end:spots[j].start] in _LIST_JOINS:
        j -= 1
    first = spots[j].start
    return bool(_LEADERS_BEFORE_A_LIST.search(hans, max(0, first - _LEADERS_BEFORE_A_LIST_REACH), first))


def _a_states_office(hans: str, index) -> bool:
    """Whether a name is a state's office, a state and an office word (美国总统, 日本首相): written after
    words that end in an office (``首位…接待中亚五国元首的美国总统``), it is still no one's name."""
    return any(hans.endswith(word) and len(hans) > len(word) and index.is_state(hans[:-len(word)])
               for word in OFFICE_WORDS)


#: ``甲在某城同乙、丙举行会晤``: between a linked name and the person it met, the join of a meeting.
_MET_WITH = re.compile(r"^(?:曾|也|则|还|又|再次|首次|随后|随即)?(?:(?:在|于)[^，。；、]{0,40}?)?(?:分别|先后)?(?:同|与|和|跟)$")
#: A clause with no subject of its own that meets someone where (``…，在某城同[[乙]]举行会谈``): its subject is
#: the sentence's person before it (not ``…，与[[乙]]会谈``, which may be another visit's, told in passing).
_MET_WITH_NO_SUBJECT = re.compile(r"(?:在|于)[^，。；、]{1,40}?(?:同|与|跟)$")
#: Right after the one met: the meeting itself (举行会谈, 会晤), not an office or a body's head (某大学校长会谈).
_MEETING_RIGHT_AFTER = re.compile(r"(?:举行|进行)?了?(?:首脑|正式|双边|首次)?(?:会晤|会谈|会面|会见)")
#: Before a name met: "with" and what the name is described as (与刚就任乙国总统不到两个月的).
_DESCRIBED_WITH = re.compile(r"(?:同|与|和|跟)(?P<d>[^，。；同与和跟]{2,30})的$")
_AT_A_PLACE = re.compile(rf"(?:在|于|到|访问|{TRAVELS_TO}|城市|首都|港口|小镇|海岛)$")  # 访问甲国远东城市[[某城]]
#: Between a name and the one it meets, a clause of its visit first (甲访问[[某都]]，与刚就任不久的乙会谈): the one
#: visiting meets him, as its clause's subject.
_VISITED_FIRST = re.compile(r"^(?:访问|到访|抵达|前往)[^，。；同与和跟]{1,20}[，,](?:并|随后|随即)?")


def _reach(pattern: re.Pattern[str]) -> int:
    """How far before the end of a text a pattern anchored there (``…$``) can start a match: its
    longest match, and a newline ``$`` may stand before. Searching only that far back finds what a
    search of the whole text does (the lookbehinds still see the text before), without trying every
    place of a long sentence (about 4 µs a search of ``_AT_A_PLACE``, asked of each name a page types)."""
    longest = re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    return longest + 1


_AT_A_PLACE_REACH = _reach(_AT_A_PLACE)
_MOVES_REACH = _reach(_MOVES)
#: A call, not a meeting (视频会晤, 通电话); a day of the month (a meeting that can be a summit).
_CALLED = re.compile(r"电话|通话|视频|视讯")
_A_DAY = re.compile(r"\d\s*[日号]")
#: A sentence opening on the day told before it (同日下午，…; 当天，…; 次日，…): a day too, the last one's.
_THE_DAY_TOLD = re.compile(rf"(?:同日|同一天|当天|当日|{NEXT_DAY})")
#: Names of bodies, not people, that meet as sides (东盟, 欧洲联盟, 某国政府, 某某委员会), or a group sent to meet one
#: (某某和平使团, 某国代表团: 甲率[[某某使团]]与乙会谈).
_BODY_ENDINGS = re.compile(r"(?:组织|联盟|集团|委员会|政府|党|共同体|联合国|同盟|公约|盟|理事会|议会|银行|公司|基金会?|使团|代表团)$")
#: Right after a linked name: receiving whom the words after name (会见了, 于某日在某堂接见).
_RECEIVES = re.compile(r"(?:于[^，。；在]{1,12}?)?(?:在[^，。；]{1,20}?)?(?:会见|接见)了?")
#: Right after a linked name: holding talks with him or her (于24日同他举行会谈, 在某宫与她会晤).
_TALKS_WITH = re.compile(r"(?:于[^，。；在]{1,12}?)?(?:在[^，。；]{1,20}?)?(?:同|与|跟)(?=[他她])")
#: After the one met: what two leaders do together besides meeting (共同主持, 签署条约, 在某城举行峰会), as only
#: people do.
_ACTS_TOGETHER_AFTER = re.compile(r"[^，。；]{0,40}?(?:共同主持|签署|签订|举行[^，。；]{0,12}?峰会)")
#: Between a name and the one it meets, that one described before their office (在某堂同来华国事访问的乙国总统丙会谈).
_MET_WITH_DESCRIBED = re.compile(r"^(?:(?:在|于)[^，。；、]{0,40}?)?(?:同|与|跟)[^，。；同与和跟]{1,20}的$")
#: Between a name and the one it acts with: "with" and how that one is described before their office
#: (与时任东盟轮值主席国泰国总理乙共同主持).
_WITH_DESCRIBED = re.compile(r"^(?:同|与|和|跟)(?:时任)?[^，。；、同与和跟在于]{0,12}$")
#: A pronoun for the one received (会见了他), not a group (他们) nor a state (他国).
_HIM_OR_HER = re.compile(r"[他她](?![们国人方乡])")
#: Before a name in its clause: another who receives with it (乙和[[丙]]会见甲, 乙与夫人[[丙]]会见甲).
_JOINED_BEFORE = re.compile(r"[和与及、]|夫人|夫妇|陪同")
_MEETING_AFTER = re.compile(r"^[^，。；]{0,40}?(?:会晤|会谈|会面|会见|举行首脑)")


def _met_a_person(sentence: Sentence, reading: Reading, linked: set[str]):
    """A name the article links, not typed yet, that meets a person (``[[甲]]在某城同李四举行会晤``, the
    person known by an office elsewhere) is a person: only people hold meetings with people (not a treaty's name:
    ``与[[某某伙伴关系协定]]其他成员国领导人会面``, its members'). So is one
    who receives a person, first of its clause (``…举行会谈，[[甲]]会见了李四``, ``[[甲]]于某日在某堂会见了他``),
    not one named beside another who receives (``乙与夫人[[甲]]会见李四``). A name the article links only in full and
    writes short as its last part (``[[阿明·甲多]]`` … ``甲多在某城与李四举行会谈``), as Chinese writes a foreign leader
    after the first mention, is a person where it meets one known to be a person."""
    registry, hans = reading.registry, sentence.hans

    def untyped(spot: Spot, short: bool = False) -> bool:
        return (reading.index.normal(spot.surface) in linked or short and spot.key in linked) \
            and registry.kind_of(spot.surface) is None \
            and not reading.index.is_state(spot.surface) and not spot.hans.endswith(PLACE_ENDINGS + EVENT_WORDS + DOCUMENT_WORDS) \
            and not _BODY_ENDINGS.search(spot.hans) and not _AT_A_PLACE.search(hans, max(0, spot.start - _AT_A_PLACE_REACH), spot.start) \
            and not _listed_after_a_place_of_the_meeting(sentence, spot, reading)

    for i, spot in enumerate(sentence.spots):
        after = _the_one_met_after(sentence, i)
        if after is not None and untyped(after) and (untyped(spot) or registry.is_a(spot.surface, Kind.PERSON)) \
                and _MET_WITH.match(hans[spot.end:after.start]) and (met := _MEETING_AFTER.match(hans[after.end:])) \
                and not _CALLED.search(met[0]) and (_A_DAY.search(hans) or _on_the_day_told(sentence, spot, after)) \
                and not any(hans.startswith(OFFICE_WORDS, s.end) for s in (spot, after)):  # 乙国总理: a state's
            yield from (s for s in (spot, after) if registry.kind_of(s.surface) is None)
            continue  # 2000年6月13日[[甲]]与[[乙]]在某城举行的会晤: two names the article links, meeting each other
        if not untyped(spot):
            if untyped(spot, short=True) and (other := next((o for o in sentence.spots[i + 1:] if registry.is_a(
                    o.surface, Kind.PERSON)), None)) is not None and _meets_or_acts_with(sentence, spot, other, reading) \
                    and not titled_below_the_top(reading, spot.key):
                yield spot  # [[阿明·甲多]] written short: 某日，甲多在某城与乙国总理李四举行会谈
            continue  # 在海参崴与乙会谈: the place of the meeting
        if _met_in_a_clause_of_its_own(sentence, reading, spot, i):
            yield spot  # 甲再次访问乙国，在某城总理府同[[乙]]举行会谈
            continue
        received = _RECEIVES.match(hans, spot.end)
        if received is not None and not _JOINED_BEFORE.search(hans, clause_start(hans, spot.start), spot.start) \
                and (_HIM_OR_HER.match(hans, received.end()) or any(
                o.start == received.end() and registry.is_a(o.surface, Kind.PERSON) for o in sentence.spots[i + 1:])):
            yield spot  # [[甲]]会见了乙, [[甲]]于某日在某堂会见了他: who receives a person is one
            continue
        talks = _TALKS_WITH.match(hans, spot.end)
        if talks is not None and _HIM_OR_HER.match(hans, talks.end()) and _MEETING_RIGHT_AFTER.match(hans, talks.end() + 1) \
                and not _JOINED_BEFORE.search(hans, clause_start(hans, spot.start), spot.start):
            yield spot  # [[甲]]于24日同他举行会谈: who holds talks with a person is one
            continue
        other = next((o for o in sentence.spots[i + 1:] if registry.is_a(o.surface, Kind.PERSON)), None)
        if other is not None and _meets_or_acts_with(sentence, spot, other, reading):
            yield spot  # [[甲]]与乙在某城会谈, [[甲]]与乙共同主持: who meets a person, or signs with one, is one
        elif any(registry.is_a(o.surface, Kind.PERSON) for o in sentence.spots[:i]) \
                and (described := _DESCRIBED_WITH.search(hans, 0, spot.start)) and any(
                    word in described["d"] for word in OFFICE_WORDS) and _MEETING_AFTER.match(hans[spot.end:]):
            yield spot  # 张三…与刚就任乙国总统不到两个月的[[李四]]举行会谈: met, and described by an office


def titled_below_the_top(reading: Reading, key: str) -> bool:
    """Whether the article writes the name anywhere after a title below the top (``某国特别代表[[阿明·甲多]]``): an
    envoy who signs with a leader is no leader's equal."""
    return any(spot.key == key and NOT_TOP.search(written_before(sentence, spot))
               for sentence in reading.all_sentences() for spot in sentence.spots)


def _meets_or_acts_with(sentence: Sentence, spot: Spot, other: Spot, reading: Reading) -> bool:
    """Whether the name meets the person named after it (``[[甲]]与乙在某城会谈``, ``[[甲]]在某堂同来华国事访问的乙国总统
    乙会谈``), acts with them as only leaders do (``由[[甲]]与时任轮值主席国丙国总理乙共同主持``, ``[[甲]]与乙签署条约``; not
    ``甲在某城[[某府]]与乙共同主持``, the place they chair in)."""
    hans = sentence.hans
    between = _between(sentence, spot, other, reading)
    meets = _MEETING_AFTER.match(hans[other.end:]) is not None
    if meets and not spot.hans.endswith(OFFICE_WORDS) and (visited := _VISITED_FIRST.match(between)):  # not 教宗访问…
        between = between[visited.end():]
    acts = _acts_together_with(sentence, other, reading)
    if (_MET_WITH.match(between) or _MET_WITH_DESCRIBED.match(between)) and meets:
        return True
    return bool(_MET_WITH.match(between) or _WITH_DESCRIBED.match(between)) and acts \
        and "在" not in hans[clause_start(hans, spot.start):spot.start]


def _acts_together_with(sentence: Sentence, other: Spot, reading: Reading) -> bool:
    """Whether what follows a person met is what the two do together (``与乙国总统[[李四]]共同主持``, ``与[[李四]]签署
    条约``), with no other person named before it: not ``与乙国总统[[李四]]特别代表、国务卿[[王五]]共同主持``, where the
    one acting is 王五."""
    acts = _ACTS_TOGETHER_AFTER.match(sentence.hans, other.end)
    return acts is not None and not any(other.end <= o.start < acts.end() and reading.registry.is_a(o.surface, Kind.PERSON)
                                        for o in sentence.spots)


def _on_the_day_told(sentence: Sentence, spot: Spot, after: Spot) -> bool:
    """Whether a sentence opening on the day told before it (``同日下午，甲在某酒店与[[乙]]会面``) tells two names
    meeting on that day, neither an office (``与[[教宗]]会晤``) nor a title written right before a name
    (``与[[某国外交部长官]][[丙]]会谈``): a day's meeting, as one dated by its day of the month."""
    return _THE_DAY_TOLD.match(sentence.hans) is not None \
        and not any(s.hans.endswith(OFFICE_WORDS) for s in (spot, after)) \
        and not any(o.start == after.end for o in sentence.spots)


def _listed_after_a_place_of_the_meeting(sentence: Sentence, spot: Spot, reading: Reading) -> bool:
    """Whether the name is listed after a place the meeting is at, joined by 和, 、 or 及 (``甲在[[某都]]和[[某地]]
    与乙会晤``): a place of the meeting too, not a person who meets."""
    hans, spots = sentence.hans, sentence.spots
    at = spots.index(spot)
    if at == 0 or hans[spots[at - 1].end:spot.start] not in _PLACE_LIST_JOINS:
        return False
    before = spots[at - 1]
    return reading.registry.is_a(before.surface, Kind.PLACE) and hans.endswith(("在", "于"), 0, before.start)


def _the_one_met_after(sentence: Sentence, i: int) -> Spot | None:
    """The name after the ``i``-th that its meeting's join leads to, the meeting right after it
    (``甲曾于某日在[[某城]]与[[乙]]会谈``: 乙, past the place of the meeting), else the next name."""
    hans, spots = sentence.hans, sentence.spots
    for after in spots[i + 2:]:
        between = hans[spots[i].end:after.start]
        if CLAUSE_BREAK.search(between):
            break
        if _MET_WITH.match(between) and _MEETING_RIGHT_AFTER.match(hans, after.end):
            return after  # the meeting right after: not a title before a name (与[[教宗]][[方济各]]), not 与甲国官员会面
    return spots[i + 1] if i + 1 < len(spots) else None


def _met_in_a_clause_of_its_own(sentence: Sentence, reading: Reading, spot: Spot, i: int) -> bool:
    """``2017年1月14日，甲再次访问乙国，在某城总理府同[[乙]]举行会谈``: a clause without a subject, of a
    person the sentence names before, meets the name right before the meeting: a person too."""
    hans = sentence.hans
    start = clause_start(hans, spot.start)
    if not start:
        return False  # the sentence's first clause: its subject is its own
    clause = hans[start:spot.start]
    return bool(_MET_WITH_NO_SUBJECT.match(clause)
                and _MEETING_RIGHT_AFTER.match(hans, spot.end) and _A_DAY.search(hans)
                and any(reading.registry.is_a(o.surface, Kind.PERSON) for o in sentence.spots[:i]))


def _between(sentence: Sentence, spot: Spot, other: Spot, reading: Reading) -> str:
    """The text between two names, the other's office taken away (同俄罗斯总统李四)."""
    start = min([t.start for t in titles_before(sentence, other, reading.index)] + [other.start])
    return sentence.hans[spot.end:max(start, spot.end)]


#: The units whose name a local government is called by (某某省政府, 某市政府, 某县政府): places, not leaders.
_LOCAL_UNITS = ("省", "市", "州", "县", "区", "镇", "乡")


#: After 政府, a building: the seat of a government (某城政府宫, 某国政府大楼), no leader's government.
_GOVERNMENT_SEAT = ("政府宫", "政府大楼", "政府大厦")


def _before_government(after: str) -> bool:
    """``张三政府``, ``…两任政府``: the name leads a government; not ``[[某城]][[政府宫]]``, a building there."""
    return after.startswith("政府") and not after.startswith(_GOVERNMENT_SEAT) or bool(GOVERNMENTS.match(after))


def _chain_before_government(sentence: Sentence, i: int) -> bool:
    """``李明博和朴槿惠两任…政府``: a name joined by 和/、/与 to the one before a government."""
    hans, spots = sentence.hans, sentence.spots
    j = i
    while j + 1 < len(spots) and hans[spots[j].end:spots[j + 1].start] in ("和", "、", "与", "及"):
        j += 1
    return j > i and _before_government(hans[spots[j].end:])


def _places(sentence: Sentence, reading: Reading):
    hans = sentence.hans
    for match in held_at_phrases(sentence):
        yield from phrase_spots(sentence, match, reading)
    if "欢迎" in hans:
        for match in WELCOME_AT.finditer(hans):  # 在[[某宫]]出席欢迎仪式, 在[[某都]]某府主持欢迎仪式
            yield from phrase_spots(sentence, match, reading)
    for i, spot in enumerate(sentence.spots):
        before = hans[:spot.start]
        moved = len(before.rstrip("了"))
        if _LIES_IN.search(before[-3:]) or _MOVES.search(hans, max(0, moved - _MOVES_REACH), moved):
            yield spot
            yield from _listed_after_a_place(sentence, i)


#: Between two places of one list of places reached (先后到访甲城、乙城和丙城).
_PLACE_LIST_JOINS = ("、", "和", "及", "以及")


def _listed_after_a_place(sentence: Sentence, i: int):
    """The names listed right after the ``i``-th, a place visited or reached, joined by 、, 和 or 及
    (``先后到访[[甲城]]、[[乙城]]和[[丙城]]``): each is a place visited too, as the first is."""
    hans, spots = sentence.hans, sentence.spots
    j = i
    while j + 1 < len(spots) and hans[spots[j].end:spots[j + 1].start] in _PLACE_LIST_JOINS:
        j += 1
        yield spots[j]


def _states(sentence: Sentence):
    hans, spots = sentence.hans, sentence.spots
    for i in range(len(spots) - 1):
        a, b = spots[i], spots[i + 1]
        if hans[a.end:b.start] in ("和", "与", "及", "、") and _TWO_STATES.match(hans[b.end:]):
            yield a
            yield b
