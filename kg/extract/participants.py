"""Who took part in a summit found in prose, and what the text says they were then.

The people a meeting's sentence names (only those of its own clauses when they name two or more),
or, where it names fewer than two, those the sentences before it name (``两人``, ``双方``, a pronoun),
the article's subject pair, the leaders listed as attending right after it; refused: officials below
the top, someone only sent or carried from, a delegation. What the section does not say is taken,
marked as inferred, from the cited sources' titles, the section's government or the leader in office.
Each becomes a participation node of the summit, with the offices the text gives its person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kg.extract.dates import find_dates, find_year_months
from kg.extract.names import HOLDERS_OFFICES
from kg.extract.one_by_one import OneByOne, also_met, one_by_one
from kg.extract.ordinals import the_defined_summit
from kg.extract.people import People, main_office, office_named, office_taken_up, offices_at, one_office, titles_in
from kg.extract.phrases import (CLAUSE, DURING_THE_VISIT, MEETING, MULTILATERAL, NOT_TOP, ON_ITS_SIDELINES, OPENS_GOING_ON, ORDINAL,
                                held_below_the_top)
from kg.extract.reading import Reading
from kg.extract.registry import digest
from kg.extract.roles import OFFICE_WORDS, title_after, titles_listed_before, written_as, written_before
from kg.extract.scripts import to_hans
from kg.extract.sources import Sources, citation_title
from kg.extract.text import Sentence, Spot, clause_end, clause_start
from kg.model import EntityId, Evidence, Inference, Kind, Prop, Span
from kg.wikitext import Section


#: After a name: the name only qualifies someone else (习近平特使张三, 甲主席特别代表乙, 李四夫人, 张三的继任者) or accompanies
#: the one who met (李四陪同出席, 甲在王储李四陪同下抵达某宫，与丙会晤), or allowed the meeting (得到李四批准), or what the
#: absent person sent (转达张三的问候, 递交李四的亲笔信, 宣读了王五致赵六的信件).
QUALIFIES = re.compile(r"^(的)?(?:国家主席|主席|总统|总理|首相|国王|总书记)(特使|特别代表)"
                        r"|^(的)?(特使|特别代表|代表|夫人|丈夫|妻子|使者|顾问|父亲|母亲|儿子|女儿|兄长|胞弟|胞妹)"
                        r"|^的?(?:首席|高级|私人|外交|安全|国家安全|经济|军事|政治){1,3}(?:顾问|助理|特使|代表)"  # 甲的首席外交顾问乙
                        r"|^之(父|母|子|女|妻|夫|弟|兄)"  # 李四之父张三: the father is the one who met
                        r"|^的(?:继任者|继承人|接班人|前任)"  # 与张三的继任者李四会谈: the successor is the one who met
                        r"|^陪同(?:出席|参加|会见|会谈|在座)"  # 甲国王储张三陪同出席: accompanies the one who met
                        r"|^的?陪同下(?=[^；;。]{0,24}?(?:与|同|和|跟)[^，,；;。]{0,30}?(?:会谈|会晤|会面|会见))"  # 甲在王储乙陪同下…与丙会晤
                        r"|^的?(?:批准|授权|授意)"  # 此次会面得到李四批准: he allowed it, and was not there
                        r"|^政府(?:官员|代表|成员|高官)"  # 会见某邦政府官员: the officials of a government met, not its leader
                        r"|^的?(?:葬礼|丧礼|国葬|大丧|追悼会|追思会|遗体告别仪式)"  # 出席张三葬礼: the dead is not there
                        r"|^的(?:亲切|诚挚|良好|美好|热情)?(?:问候|祝福|祝愿|慰问|致意|口信|亲笔信|信函|贺电|贺信)"
                        r"|^(?:写)?致[^，,；;。]{1,15}?的(?:亲笔)?(?:信|信件|信函|书信|贺电|贺信|口信|电报)")  # 宣读了乙致丙的信件
#: Before a name: what someone else carries from that person, who is not there (转交了张三总统的亲笔信,
#: 听取特使转达的李四有关会晤的意愿), or to that person, greeted from afar (请他转达对张三主席的问候).
_CARRIED = re.compile(r"(?:转达|转交|递交|面交|带来|捎来)了?的?$|转达了?对$")
#: The ones an event follows as its precedent (成为继张三、李四之后第三位访问某城的总统, 这是继张三之后), or the last
#: before the first one since (成为自2031年甲国总统张三以来首位…的外国领导人, 自张三访问某国之后首位…):
#: named as those who did it before, not as taking part.
_PRECEDENT = re.compile(r"继[^，,。；;]{1,30}?之后|自[^，,。；;]{1,30}?(?:以来|之后)的?(?:首位|第一位|首名)")


#: Reported speech: a speech verb opening what someone says, up to the sentence end (甲说，「…」，乙…;
#: 甲表示：…; 甲会见乙，称…). A clause-initial 称 says; 称为/称作 name.
_SPEECH = re.compile(r"(?:说|表示|指出|强调)(?:[，,：:]|(?=[「“]))|[，,]称(?![为作之号])[，,：:]?")


def _in_reported_speech(registry, sentence: Sentence, spot: Spot) -> bool:
    """A name inside what someone named says is spoken of, not met: ``丙会见乙，称今年恰逢甲访问五十周年``,
    ``丙说，「…」，人民不会忘记甲``: 甲 is no participant. The speaker is a name right before the verb, or
    the clause-initial 称 follows a clause naming people; the meeting is stated before the words; a name said
    before the verb stays."""
    for said in _SPEECH.finditer(sentence.hans, 0, spot.start):
        before = [s for s in sentence.spots if s.end <= said.start() and registry.is_a(s.surface, Kind.PERSON)]
        if not before or any(s.key == spot.key for s in before) or not MEETING.search(sentence.hans, 0, said.start()):
            continue  # no speaker, a name said before, or the meeting itself is what is said (甲表示，同乙的会晤…)
        if said.group().startswith(("，", ",")) or before[-1].end == said.start():
            return True
    return False


def _titles_the_next(registry, sentence: Sentence, spot: Spot) -> bool:
    """Whether a person's name is written right before another's, nothing between (``晋见[[教宗]][[保禄六世]]``,
    where the article also calls its subject 教宗): the title the next one is known by, not a second person."""
    return any(other.start == spot.end and registry.is_a(other.surface, Kind.PERSON) for other in sentence.spots)


def _a_precedent(hans: str, at: int) -> bool:
    """Whether the name at ``at`` is within ``继…之后`` or ``自…以来首位``: someone who did it before."""
    return any(found.start() < at < found.end() for found in _PRECEDENT.finditer(hans))


#: After a name, the anniversary of what that person once did (甲访华50周年, 在甲1964年访墨50周年之际,
#: 纪念甲演说五十周年): whom a later meeting remembers, not one who is at it. Not an anniversary the
#: name's holder attends (甲与乙出席建交50周年庆典).
_ANNIVERSARY = re.compile(r"(?:[0-9０-９]{4}年)?(?:访问?[^\s，,。；;、的0-9０-９]{0,3}|演说|演讲|讲话|诞辰|逝世|去世)"
                          r"(?:[0-9０-９]+|[一二三四五六七八九十百]+)周年")


#: After a name, to the end of its clause: that it was not there (甲未出席, 甲和乙没有出席, 甲缺席会议, 甲拒绝出席峰会),
#: so it is no participant of what the sentence tells. Not a thing missed before what was done instead
#: (甲未出席开幕式，而是与乙会谈): see :data:`_INSTEAD`.
_ABSENT = re.compile(r"[^，,。；;]*?(?:均|也|亦|都|则|最终)?(?:(?:未能|未|没有|拒绝)出席|缺席)"
                     r"(?:了?(?:会议|峰会|会谈|会晤|论坛|晚宴|宴会))?(?=$|[，,。；;])")
#: After the name that opens a clause, the clause after it saying it took no part (甲在门前迎接乙和丙并与两人合影，
#: 但并未参加会谈): the host at the door, no participant (乙 and 丙, named inside the clause, are not said so).
_TOOK_NO_PART = re.compile(r"[^，,。；;]*?[，,](?:但|却|不过)(?:其|他|她)?并?(?:未|没有)(?:参加|参与|出席)"
                           r"(?:了?(?:会议|峰会|会谈|会晤))?(?=$|[，,。；;])")
#: What was done instead of what a clause says someone missed.
_INSTEAD = re.compile(r"而是|转而|改为|改由")


#: A banquet held, given or attended (设国宴款待, 举行欢迎晚宴, 出席…举行的国宴, 设宴欢迎).
_BANQUET = re.compile(r"国宴|宴会|晚宴|午宴|设宴")


def hosts_a_banquet_only(hans: str, spot: Spot) -> bool:
    """Whether the name's clause tells only a banquet, after the name, and no meeting (``当晚，乙国总统丙在总统府设国宴
    款待甲``, ``并出席丙总统举行的国宴``, ``当晚，丙和丁共同举行欢迎晚宴``): the banquet's host or guest is named for the
    banquet, not as one who met; a clause telling a meeting too (``丙设宴款待甲并举行会谈``) or a meal together
    (``两人共进晚餐``) names those who met."""
    begin, end = clause_start(hans, spot.start), clause_end(hans, spot.end)
    return bool(_BANQUET.search(hans, spot.end, end)) and not MEETING.search(hans, begin, end)


#: The two who met written by the office both hold (两国总理, 两位总统).
_HOLDERS = r"两国(?:总理|总统|首相|政府首脑)|两位(?:总理|总统|首相)"
_BOTH_HOLDERS = re.compile(_HOLDERS)
#: Both sides named as their leaders (两国元首举行会晤): whoever else the sentence names below the top, not 双方 or 两人.
_THE_LEADERS_BOTH = re.compile(r"元首|领导人|首脑")
#: Words that stand for both leaders of the article's two sides, or write them by the office both hold.
_BOTH_SIDES = re.compile(r"两人|二人|双方|两国元首|两国领导人|两位领导人|两位元首|两国首脑|" + _HOLDERS)
#: Three people the sentence before named, as the subject (三人, 三位领导人, 三国元首).
_THREE = re.compile(r"^(?:[^，,。；;]{0,14}?[，,])?(?:三人|三位(?:领导人|元首|首脑)|三国(?:领导人|元首|首脑))")  # after its time (6月12日晚，三人…)
#: A sentence listing who else sat in (参加会谈的美方人员有…, 陪同会见的有…, 出席会谈的还有…).
_ATTENDEES = re.compile(r"(?:参加|出席|参与|陪同|在座)[^，。；]{0,12}?的[^，。；]{0,10}?(?:还)?(?:有|包括|为)")


@dataclass
class Participant:
    """Someone the text names as taking part in a summit: their key and surface, the evidence, what was
    inferred of them, and whether the meeting's own sentences name them (``stated``)."""

    key: str
    surface: str
    evidence: list[Evidence] = field(default_factory=list)
    inferences: list[tuple[Inference, tuple[EntityId, ...], tuple[Evidence, ...]]] = field(default_factory=list)
    stated: bool = False


def met_one_by_one(reading: Reading, sentence: Sentence) -> OneByOne | None:
    """The clause of the sentence that tells a host meeting others one by one, if it names a meeting.
    A host written as 他/她 in the clause that names the others (``26日，他又分别会见了乙和丙``) is the
    subject of the sentence before it in its paragraph (``甲在某城先后同…举行会谈。26日，他又分别会见了…``);
    not one in a clause before (``她出席欢迎仪式，先后同乙、丙会晤``: her visit's talks, told one by one)."""
    found = _read_with_pronoun_host(reading, sentence, one_by_one)
    if found is None and (also := _read_with_pronoun_host(reading, sentence, also_met)) is not None \
            and _of_different_states(reading, sentence, also):
        found = also
    return found if found is not None and MEETING.search(sentence.hans, found.begin, found.end) else None


def _read_with_pronoun_host(reading: Reading, sentence: Sentence, read) -> OneByOne | None:
    """What ``read`` finds among the persons the sentence names, the host written as 他/她 read as the
    subject of the sentence before."""
    named = [(spot.key, spot.start) for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON)
             and not QUALIFIES.match(sentence.hans[spot.end:])]
    found = read(sentence.hans, named)
    pronoun = _PRONOUN.search(sentence.hans, 0, named[0][1]) if named and found is None else None
    if pronoun is not None and not CLAUSE.search(sentence.hans, pronoun.end(), named[0][1]) \
            and (subject := _subject_before(reading, sentence)) is not None:
        found = read(sentence.hans, [(subject.key, pronoun.start())] + named)
    return found


def _of_different_states(reading: Reading, sentence: Sentence, found: OneByOne) -> bool:
    """Whether each of those a host also met is written with an office of a state of its own, no two the
    same (``还会见了乙国总理张三和丙国总理李四``: two meetings; ``还会见了乙国总理张三和乙国议长王五``: one visit's);
    one named bare holds the office the article writes before his name elsewhere."""
    states = []
    for spot in sentence.spots:
        if spot.key in found.others and found.begin <= spot.start < found.end:
            titled = {t.state for t in titles_listed_before(sentence, spot, reading.index) if t.state is not None} \
                or _states_titled_elsewhere(reading, spot.key)
            if len(titled) != 1:
                return False
            states.extend(titled)
    return len(states) == len(found.others) and len(set(states)) == len(states)


def _states_titled_elsewhere(reading: Reading, key: str) -> set[str]:
    """The states of the offices the article writes before a person's name wherever it names him (``加拿大总理[[赵六]]``),
    for a list that names him bare (``还会见了乙国总统张三、赵六和丙国总理李四``)."""
    return {title.state for sentence in reading.all_sentences() for spot in sentence.spots if spot.key == key
            for title in titles_listed_before(sentence, spot, reading.index) if title.state is not None}


def _subject_before(reading: Reading, sentence: Sentence) -> Spot | None:
    """The first person the sentence right before this one, in its paragraph, names: its subject."""
    sentences = reading.by_section.get(sentence.section, ()) if sentence.section is not None else reading.lead
    at = next((i for i, other in enumerate(sentences) if other is sentence), 0)
    before = sentences[at - 1] if at else None
    if before is None or before.paragraph != sentence.paragraph or before.passage is not sentence.passage:
        return None
    return next((spot for spot in before.spots if reading.registry.is_a(spot.surface, Kind.PERSON)
                 and not QUALIFIES.match(before.hans[spot.end:])), None)


def participation(registry, summit: EntityId, person: EntityId, side: str | None, key: str | None = None) -> EntityId:
    """The node of one participant in a summit, which its roles hang from: who, and for which side."""
    node = registry.unnamed(Kind.PARTICIPATION, f"{summit.key}-{digest((key or person.key,))}")
    registry.fact(summit, Prop.HAS_PARTICIPATION, node)
    registry.fact(node, Prop.AGENT, person)
    if side:
        registry.fact(node, Prop.SIDE, registry.named(Kind.COUNTRY, side))
    return node


def stated_participants(reading: Reading, anchor: Sentence, paragraph: list[Sentence],
                         clause: tuple[int, int] | None = None,
                         elsewhere: tuple[tuple[int, int], ...] = (),
                         before: list[Sentence] = ()) -> dict[str, Participant]:
    """The people the meeting's sentence names; only those of the meeting's own clauses when
    they name two or more (``3日，甲与乙、丙观看阅兵；当天下午，甲与丙会谈``: 甲 and 丙). Where they name
    fewer, not those met in ``elsewhere``, the clauses of the other days' meetings the sentence tells
    (``7日，甲同乙会谈，次日即8日会见丙``: the 8th is 甲's and 丙's, not 乙's; 甲, who met both, stays).
    Not one named only in a banquet's clause (:func:`hosts_a_banquet_only`), unless a sentence of the paragraph
    ``before`` the meeting's tells them meeting (``丙为甲举行欢迎仪式，双方随后举行会谈。…当晚，丙设宴``), or
    the meeting's own sentence goes on with the two who met (``12日晚，丙设宴欢迎甲；13日，两人举行会谈``, ``两国总理``) or names
    no one else met (``当天他会见了友人；晚上出席丙举行的宴会``: the host is the one he met), or the meal is all the
    sentence tells from the meeting's clause on (``…对乙国进行工作访问，丙在私邸设午宴款待``: the host is the one met)."""
    registry = reading.registry
    found: dict[str, Participant] = {}
    met_before = {spot.key for told in before if MEETING.search(told.hans) for spot in told.spots}
    named_apart = any(registry.is_a(spot.surface, Kind.PERSON) and not hosts_a_banquet_only(anchor.hans, spot)
                      for spot in anchor.spots)  # someone the meeting's sentence names outside a banquet's clause
    # the sentence tells no meeting from its clauses on but the meal (…访问乙国，丙在私邸设午宴款待): its host is the one met
    the_banquet_is_the_meeting = clause is not None and not MEETING.search(anchor.hans, clause[0])

    def at_a_banquet_only(spot, sentence) -> bool:
        return hosts_a_banquet_only(sentence.hans, spot) and spot.key not in met_before \
            and not (sentence is anchor and (_BOTH_SIDES.search(sentence.hans, spot.end) or not named_apart
                                             or the_banquet_is_the_meeting))

    def person(spot, sentence) -> bool:
        return registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:]) \
            and not _CARRIED.search(sentence.hans, 0, spot.start - len(written_before(sentence, spot))) \
            and not _a_precedent(sentence.hans, spot.start) and not _ANNIVERSARY.match(sentence.hans, spot.end) \
            and not (_ABSENT.match(sentence.hans, spot.end) and not _INSTEAD.search(sentence.hans, spot.end)) \
            and not (_TOOK_NO_PART.match(sentence.hans, spot.end)
                     and clause_start(sentence.hans, spot.start) >= spot.start - len(written_before(sentence, spot))) \
            and not (sentence is anchor and _in_reported_speech(registry, sentence, spot)) \
            and not _after_both_sides_met(registry, sentence, spot) and not _titles_the_next(registry, sentence, spot) \
            and not at_a_banquet_only(spot, sentence)

    if clause is not None:
        own = [spot for spot in anchor.spots if clause[0] <= spot.start < clause[1] and person(spot, anchor)]
        if len({spot.key for spot in own}) >= 2:
            subject = _elided_subject(anchor, own[0], [spot for spot in anchor.spots if person(spot, anchor)])
            for spot in ([subject] if subject is not None and subject.start < clause[0] else []) + own:
                found.setdefault(spot.key, Participant(spot.key, spot.surface, stated=True))
            for key in found:
                found[key].evidence.append(anchor.evidence())
            return found
    # a meeting's sentence opening with both sides (两国领导人在某城举行会谈, 欢迎仪式结束后，两国总理举行会谈) names
    # those told before it, not those of the sentences after (8月19日，甲在丙陪同下参观)
    back = _BOTH_SIDES.match(anchor.hans) or (_opens_on_both_sides(registry, anchor) and before
                                              and len(_people_named(registry, before[-1])) == 2)
    after = [] if back else [s for s in paragraph if s is not anchor]
    apart = _met_only_on_other_days(anchor, clause, elsewhere, [spot for spot in anchor.spots if person(spot, anchor)])
    for sentence in [anchor] + after:
        if sentence is not anchor and (len(found) >= 2 or find_dates(sentence.hans) or find_year_months(sentence.hans)):
            break  # enough people, or a sentence about another time (2018年5月，李四访问乙国)
        if sentence is not anchor and _ATTENDEES.match(sentence.hans):
            for spot in _heads_listed_as_attending(sentence, person):
                found.setdefault(spot.key, Participant(spot.key, spot.surface, stated=True)).evidence.append(
                    sentence.evidence())
            continue  # 两人在某地会谈。参加会谈的美方人员有甲…: the delegations, not the two who met
        several = met_one_by_one(reading, sentence) if sentence is not anchor else None
        for spot in sentence.spots:
            if several is not None and spot.key in several.others:
                continue  # met one by one, each in a meeting of their own
            if sentence is anchor and spot.key in apart:
                continue  # 7日，甲同乙会谈，次日即8日会见丙: 乙 met 甲 on the 7th, not on the 8th
            if person(spot, sentence):
                found.setdefault(spot.key, Participant(spot.key, spot.surface, stated=True)).evidence.append(
                    sentence.evidence())
    return found


def _opens_on_both_sides(registry, sentence: Sentence) -> bool:
    """Whether the sentence tells its meeting with both sides as the subject, opening it or a clause of it with no one
    named before (``两国领导人在某城举行会谈``, ``欢迎仪式结束后，两国总理举行会谈``, ``当天，两人举行会谈``): the two are
    those told before it, where the sentence before names two. Not a clause after someone named (``甲抵达某城，两人随即
    会谈``: the sentence names one)."""
    hans = sentence.hans
    for both in _BOTH_SIDES.finditer(hans):
        if both.start() == 0 or hans[both.start() - 1] in "，,；;":
            return not any(spot.start < both.start() and registry.is_a(spot.surface, Kind.PERSON) for spot in sentence.spots)
    return False


def _people_named(registry, sentence: Sentence) -> dict[str, str]:
    """The people a sentence names, not as qualifying someone else (乙国总理丙, not 丙的特使), nor as leaders of an
    earlier generation (友好是乙国开国总统丙和丁主席等两国老一辈领导人亲手缔造的): key → surface."""
    return {spot.key: spot.surface for spot in sentence.spots
            if registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])
            and not _OF_AN_EARLIER_GENERATION.match(sentence.hans, spot.end)}


#: After a name, in its clause: a list it ends closed as the leaders of an earlier generation (丙和丁主席等两国老一辈领导人,
#: 等老一辈国家领导人), the formula a readout recalls a friendship's founders by.
_OF_AN_EARLIER_GENERATION = re.compile(r"[^，。；,;]{0,24}?等(?:两国|双方|[\u4e00-\u9fff]{1,3}两国)?老一辈(?:国家)?领导人")


#: A clause that opens on whom its subject meets, the subject left out (与乙国主席丙和总理丁交换意见, 并同丙会谈).
_OPENS_ON_THE_MET = re.compile(r"(?:并|还|又|再|也|随后|随即|然后|先后|分别)?(?:与|同|跟)")
#: A clause that opens on its subject (11月16日，甲在某城…; 甲随后…): a date or a time of day before it at most.
_SUBJECT_OPENS = re.compile(r"(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日)?(?:上午|下午|晚上|中午|早上|晚|当天|同日)?[，,]?")


def _elided_subject(sentence: Sentence, first_met: Spot, named: list[Spot]) -> Spot | None:
    """The sentence's subject as the one who meets those a later clause opens on, its subject left out
    (``11月16日，甲在某城与戊会谈；17日转赴某城，与乙国主席丙和总理丁交换意见``: 甲 met 丙 and 丁): the first
    person the sentence names, opening its own clause, where the clause of the first one met opens on
    与/同 with no one named before it."""
    hans = sentence.hans
    begin = max((m.end() for m in CLAUSE.finditer(hans, 0, first_met.start)), default=0)
    if not _OPENS_ON_THE_MET.fullmatch(hans, begin, first_met.start - len(written_before(sentence, first_met))):
        return None
    subject = named[0] if named and named[0].start < begin else None
    if subject is None:
        return None
    opens = max((m.end() for m in CLAUSE.finditer(hans, 0, subject.start)), default=0)
    return subject if _SUBJECT_OPENS.fullmatch(hans, opens, subject.start - len(written_before(sentence, subject))) else None


#: The offices a list of those attending writes for a state's head or its government's (甲国总统, 乙国首相);
#: a crown prince may rule in all but name (丙国王储).
_HEAD_WRITTEN = re.compile(r"(?:总统|总理|首相|国王|女王|元首|苏丹|埃米尔|天皇|国家主席|王储)$")
#: Those who only sit in or go along with someone (陪同会见的有…, 在座的有…): never the leaders who met.
_ALONG = re.compile(r"陪同|在座")


def _heads_listed_as_attending(sentence: Sentence, person) -> list[Spot]:
    """The leaders a sentence listing who attended names, each written with a head's office of a state
    (``出席峰会的有甲国总统张三、乙国总理李四以及委员会秘书长王五``: 张三 and 李四), where it names two or
    more such: a gathering's heads, not a delegation; none where it lists those below the top
    (``出席会谈的有外长张三、副总理李四``) or those who only went along (``陪同会见的有…``)."""
    told = _ATTENDEES.match(sentence.hans)
    if told is None or _ALONG.search(told.group()):
        return []
    heads = [spot for spot in sentence.spots if spot.start >= told.end() and person(spot, sentence)
             and _HEAD_WRITTEN.search(written_before(sentence, spot))
             and not NOT_TOP.search(written_before(sentence, spot))]
    return heads if len({spot.key for spot in heads}) >= 2 else []


#: Who comes after it in a meeting's clause is the one met (与乙会谈, 同乙, 会见乙); not 同日, 同年.
_MET_AFTER = re.compile(r"与|同(?![日天时年月意样期])|跟|会见|会晤|接见|拜会")


def _met_only_on_other_days(sentence: Sentence, clause: tuple[int, int] | None, elsewhere: tuple[tuple[int, int], ...],
                            named: list[Spot]) -> set[str]:
    """Of the people ``named`` in a meeting's sentence, those only ever named in a clause of another day's
    meeting it tells after (丙 of ``7日，甲同乙会谈，8日，丁会见丙``, for the 7th), or the one met in such a clause
    before (乙 of ``7日，甲同乙会谈，次日即8日会见丙``, for the 8th), not the one who went on to meet others (甲);
    none when the rest name fewer than the two sides, as where a body's name or a pronoun stands for one
    (``代表团于16日会见乙，17日会见丙``, ``14日，他同乙共进晚餐；15日，他同丙会谈``)."""
    own = clause[0] if clause is not None else 0

    def met_there(spot: Spot) -> bool:
        return any(begin <= spot.start < end and (begin > own or _MET_AFTER.search(sentence.hans, begin, spot.start))
                   for begin, end in elsewhere)

    apart = {spot.key for spot in named if met_there(spot)} - {spot.key for spot in named if not met_there(spot)}
    return apart if len({spot.key for spot in named} - apart) >= 2 else set()


def _after_both_sides_met(registry, sentence: Sentence, spot: Spot) -> bool:
    """Whether the person is a third the sentence names only after telling both sides meet, and who
    does something to the two (``两国领导人…在某都会晤，丙国王储[[张三]]向二人授予勋章``, ``印巴双方在某城展开
    谈判，张三以中立第三方身份向双方施压``): none of them, whom the sentences before name. Not one of those
    who met named again (``两人首日在某宫会面，甲国总统[[张三]]与乙国总理[[李四]]握手``), nor one named after
    someone was before the meeting (``李四抵达某都，两人随即会晤，王五表示欢迎``)."""
    hans = sentence.hans
    both = _BOTH_SIDES.search(hans, 0, spot.start)
    met = MEETING.search(hans, both.end(), spot.start) if both else None
    if met is None or any(other.start < met.end() and registry.is_a(other.surface, Kind.PERSON) for other in sentence.spots):
        return False
    stop = CLAUSE.search(hans, spot.end)
    return _TO_THE_TWO.search(hans, spot.end, stop.start() if stop else len(hans)) is not None


#: Doing something to both who met (向二人授予, 向双方施压, 为两人设宴).
_TO_THE_TWO = re.compile(r"(?:向|为|给)(?:二人|两人|双方|两国领导人|两位领导人)")


#: After a name, its gloss and the others named with it: the ceremony of theirs someone came to (出席乙国新任总统李四
#: （Li Si）及副总统王五就职典礼, 张三的国葬): whose inauguration or funeral it was, not whom the article's visitor met.
_WHOSE_CEREMONY = re.compile(r"(?:[（(][^（）()]*[）)])?(?:(?:及|和|与)[^，。；]{0,24}?)?的?"
                             r"(?:宣誓)?(?:就职|就任|葬礼|国葬|丧礼|追悼会|婚礼|加冕|登基)")


def subject_pair(reading: Reading) -> tuple[tuple[str, str, Sentence], ...]:
    """The two leaders an article is about, as its first lead sentence names them
    (``A与B的峰会是指…``): (key, surface, sentence) each, or nothing when it names other than two. Not one
    whose ceremony the sentence says the visitor came to (``出席乙国新任总统李四就职典礼的行程``)."""
    for sentence in reading.lead[:1]:
        found: dict[str, tuple[str, str, Sentence]] = {}
        for spot in sentence.spots:
            if reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:]) \
                    and not _WHOSE_CEREMONY.match(sentence.hans, spot.end):
                found.setdefault(spot.key, (spot.key, spot.surface, sentence))
        if len(found) == 2:
            return tuple(found.values())
    return ()


#: A lead saying who met at each of the meetings the article lists (在每次访问中都与甲、乙和丙举行会谈, 历次会晤均与乙).
_EACH_TIME = re.compile(r"(?:每次|每一次|历次|各次)[^。；]{0,12}?(?:都|均)?(?:与|同|和|跟)")


def met_each_time(reading: Reading) -> tuple[tuple[str, str, Sentence], ...]:
    """The leaders a lead sentence says met at each of the article's meetings (``甲在每次访问中都与乙、丙和丁举行会谈``):
    (key, surface, sentence) of each person it names, the subject and those met; nothing where no lead sentence says
    so, or it names fewer than two."""
    for sentence in reading.lead:
        said = _EACH_TIME.search(sentence.hans)
        if said is None or MEETING.search(sentence.hans, said.end()) is None:
            continue
        found: dict[str, tuple[str, str, Sentence]] = {}
        for spot in sentence.spots:
            if reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:]):
                found.setdefault(spot.key, (spot.key, spot.surface, sentence))
        if len(found) >= 2:
            return tuple(found.values())
    return ()


def from_the_sentences_before(reading: Reading, participants: dict[str, Participant], anchor: Sentence,
                               before: list[Sentence]) -> None:
    """``两人``, ``双方`` with fewer than two names: the two people the sentence just before, in
    its paragraph, names (``…甲与乙握手并短暂交谈。4月11日，两人在峰会期间举行会晤``); ``三位领导人``
    the three it names."""
    three = _THREE.match(anchor.hans)
    size = 3 if three else 2
    if len(participants) >= size or not (three or _BOTH_SIDES.search(anchor.hans)) or _a_gathering_told(anchor.hans):
        return
    _the_ones_named_before(reading, participants, anchor, before, size)


def from_the_holders_before(reading: Reading, participants: dict[str, Participant], anchor: Sentence,
                            before: list[Sentence]) -> None:
    """``两国总理``, ``两位总统`` opening a clause of talks (``当天，两国总理在某府举行会谈``) that the other readings left
    with fewer than two: the two the sentence just before names, as ``两国元首`` would be; not talks told with no
    day of their own right after a meeting or a welcome (:func:`_met_or_welcomed`)."""
    if len(participants) < 2 and _both_holders_meet(anchor.hans) and not _a_gathering_told(anchor.hans) \
            and not (before and not find_dates(anchor.hans) and _met_or_welcomed(before[-1].hans)):
        _the_ones_named_before(reading, participants, anchor, before, 2)


def from_the_office_both_hold(people: People, participants: dict[str, Participant], anchor: Sentence) -> None:
    """``两国总统``, ``两位总理`` as the ones who met, where no sentence near names them (``2033年5月4日，两国总统在某城
    签订了《…》``, a paragraph after the one that named them): the two people the article writes with that office for two
    sides, one for each, where it writes no one else so (``[[甲国总统]][[张三]]``, ``乙国总统[[李四]]``); not where a
    side has had two holders of it, or a third side one (the office names no two people then)."""
    if len(participants) >= 2 or (both := _BOTH_HOLDERS.search(anchor.hans)) is None:
        return
    word = _HOLDERS_WORD.search(both.group()).group()
    holders: dict[str, set[str]] = {}
    for person, offices in people.offices.items():
        if (side := people.sides.get(person)) and any(one_office(office, word) for office in offices):
            holders.setdefault(side, set()).add(person)
    if len(holders) != 2 or any(len(people_of) != 1 for people_of in holders.values()):
        return
    pair = [next(iter(people_of)) for people_of in holders.values()]
    if any(key not in pair for key in participants):
        return
    for key in pair:
        office = next(o for o in people.offices[key] if one_office(o, word))
        said = people.office_evidence.get((key, office))
        person = participants.setdefault(key, Participant(key, key))
        if not person.stated:
            person.inferences.append((Inference.BACK_REFERENCE, (), tuple(e for e in (said, anchor.evidence()) if e)))


#: The office word of ``两国总统``, ``两位首相``.
_HOLDERS_WORD = re.compile(r"总理|总统|首相|政府首脑")


def _met_or_welcomed(hans: str) -> bool:
    """Whether a sentence tells a meeting or a welcome (乙到机场迎接甲): talks told right after it with no day of their
    own (``随后，两国总理在某宫举行会谈``) are of its summit, whose people and place it has given."""
    return MEETING.search(hans) is not None or _WELCOMED.search(hans) is not None


#: A day written with its month (12月26日): a time of the sentence's own, not one going on from the sentence before.
_A_MONTHS_DAY = re.compile(r"\d{1,2}月\d{1,2}[日号]")


def _the_ones_named_before(reading: Reading, participants: dict[str, Participant], anchor: Sentence,
                           before: list[Sentence], size: int) -> None:
    """The ``size`` people the sentence just before the anchor, in its paragraph, names, when they include those named;
    or, where each of the sentences before names fewer, the ``size`` they name together (``乙在某宫为甲举行欢迎仪式。甲
    …致辞说…。随后两国领导人单独会谈``: the host, then the guest), with the one the anchor names (``乙国国王甲对丙国进行
    国事访问。16日，丙国主席乙为国王举行欢迎仪式，随后两国元首举行会谈``)."""
    # one the anchor names before the word that counts them (两国元首, 三人), on a day of the month told before (16日，…)
    counted = _BOTH_SIDES.search(anchor.hans) or _THREE.search(anchor.hans)
    together = {key: person.surface for key, person in participants.items()
                if counted and not _A_MONTHS_DAY.search(anchor.hans)
                and any(spot.key == key and spot.end <= counted.start() for spot in anchor.spots)}
    for sentence in reversed(before):
        if sentence.paragraph != anchor.paragraph and not _goes_on_from(sentence, anchor, before):
            return
        named = _people_named(reading.registry, sentence)
        if len(named) == size - 1 and (subject := _the_pronoun_meeting(reading, sentence, named)) is not None:
            named = {subject.key: subject.surface, **named}  # 当晚，他与乙共进晚餐。17日，两人举行会谈
        if len(named) < size:
            together = {**named, **together}
            if len(together) != size:
                continue
            named = together
        if len(named) > size or any(key not in named for key in participants):
            return  # more than the people it counts, or not those the sentence names
        for key, surface in named.items():
            person = participants.setdefault(key, Participant(key, surface))
            if not person.stated:
                person.inferences.append((Inference.BACK_REFERENCE, (), (sentence.evidence(), anchor.evidence())))
        return


#: A third person's pronoun as a clause's subject joined to the one it meets or dines with (他与乙共进晚餐, 她同乙会面),
#: the time of day at most before it in its clause.
_PRONOUN_WITH = re.compile(r"(?:^|(?<=[，,；;]))(?:当晚|当天|同日|次日|翌日|随后|晚间|[上下中]午|早上|晚上)?[，,]?"
                           r"(?:[他她])(?:随后|随即|当晚|当天|又|还|先)?(?:与|同|和|跟)")


def _the_pronoun_meeting(reading: Reading, sentence: Sentence, named: dict[str, str]) -> Spot | None:
    """The one a pronoun opening a clause of the sentence stands for, where it is joined to someone it names
    (``11月16日晚，甲抵达某都。当晚，他与乙国总理乙共进晚餐。17日，两人举行会谈``): the subject of the sentence before
    it in its paragraph, not one the sentence names. The two a ``两人`` after it counts are he and the one he met."""
    hans = sentence.hans
    said = next((m for m in _PRONOUN_WITH.finditer(hans)), None)
    if said is None or any(spot.start < said.end() and spot.key in named for spot in sentence.spots):
        return None
    subject = _subject_before(reading, sentence)
    return subject if subject is not None and subject.key not in named else None


def _both_holders_meet(hans: str) -> bool:
    """Whether the ones who meet are written by the office both hold, as the clause's subject (``当天，两国总理在某府
    举行会谈``, ``两位总统在某城举行会谈``)."""
    both = _BOTH_HOLDERS.search(hans)
    return both is not None and hans[clause_start(hans, both.start()):both.start()] in _CLAUSE_OPENERS \
        and _TALKS.search(hans, both.end(), clause_end(hans, both.end())) is not None


#: A welcome told as the visit's meeting (乙到机场迎接甲, 为甲举行欢迎仪式): the talks after it are its summit's.
_WELCOMED = re.compile(r"迎接|欢迎")
#: Talks held between the two (not 会见记者, the press they meet together).
_TALKS = re.compile(r"会谈|会晤|会面")
#: What may open a clause before its subject (当天，…; 随后…).
_CLAUSE_OPENERS = ("", "随后", "其后", "接着", "随即", "当天", "同日", "次日", "翌日")


def _goes_on_from(sentence: Sentence, anchor: Sentence, before: list[Sentence]) -> bool:
    """Whether ``sentence`` ends the paragraph right before the anchor's, and the anchor opens its own going on from
    it (``…乙在机场迎接甲。¶两国元首随后举行会谈``): the two it names are the ones the anchor counts."""
    return sentence is before[-1] and sentence.paragraph == anchor.paragraph - 1 \
        and (OPENS_GOING_ON.match(anchor.hans) is not None or DURING_THE_VISIT.match(anchor.hans) is not None)


def _a_gathering_told(hans: str) -> bool:
    """Whether a sentence names a gathering of many states other than as the occasion of its two's meeting
    (``两人在某城出席二十国集团峰会期间会晤`` names it so: the two are still the two told before)."""
    return any(not ON_ITS_SIDELINES.match(hans, m.end()) for m in MULTILATERAL.finditer(hans))


#: A third person's pronoun as the one who met (他会见…, 她先后同…会晤), not 他们, 其他, 他国.
_PRONOUN = re.compile(r"(?<![其])[他她](?![们国人方乡])|(?<=为)其(?![他它中余后间实])")  # 为其举行欢迎仪式: for him


def from_the_pronoun(reading: Reading, participants: dict[str, Participant], anchor: Sentence,
                      clause: tuple[int, int] | None, before: list[Sentence]) -> None:
    """``他``/``她`` meeting someone, before the meeting word of the meeting's clause: the
    person the sentence just before, in its paragraph, names first (its subject:
    ``…甲抵达某城。12月19日，她同乙会晤``). The pronoun may open the sentence whose later clause, on a time of its
    own, tells the meeting with its subject left out (``他于3日抵达某城，翌日…并与乙举行会谈``: see
    :func:`_the_sentences_pronoun`); and the sentence just before may itself name the one it stands for by a pronoun
    only (``甲于…访问某国。这是他就任后首次访问该国。访问期间，他同乙举行会谈``): the one named before it is meant."""
    begin, end = clause if clause is not None else (0, len(anchor.hans))
    said = MEETING.search(anchor.hans, begin, end)
    pronoun = _PRONOUN.search(anchor.hans, begin, said.start() if said else end) \
        or _the_sentences_pronoun(reading, anchor, begin, said.start() if said else end)
    named_before = {spot.key for spot in anchor.spots
                    if spot.start < pronoun.start() and reading.registry.is_a(spot.surface, Kind.PERSON)} if pronoun else set()
    if pronoun is None or any(spot.start < pronoun.start() for spot in anchor.spots
                              if begin <= spot.start and reading.registry.is_a(spot.surface, Kind.PERSON)) \
            and not (_the_one_met(anchor.hans, pronoun.start()) and len(named_before) == 1):
        return  # no pronoun, or someone named before it is whom it stands for (乙抵达后，甲与他会谈)
    for sentence in reversed(before):
        if sentence.paragraph != anchor.paragraph:
            return
        subject = next((spot for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON)
                        and not QUALIFIES.match(sentence.hans[spot.end:])), None)
        if subject is None and _PRONOUN.search(sentence.hans) and not _names_a_person(reading, sentence):
            continue  # 这是他就任后首次访问该国: the one it stands for is named before it
        if subject is not None and subject.key not in participants:
            person = participants.setdefault(subject.key, Participant(subject.key, subject.surface))
            person.inferences.append((Inference.BACK_REFERENCE, (), (sentence.evidence(), anchor.evidence())))
        return


def _names_a_person(reading: Reading, sentence: Sentence) -> bool:
    return any(reading.registry.is_a(spot.surface, Kind.PERSON) for spot in sentence.spots)


#: A third person's pronoun as the sentence's subject, after its time at most (他于3日抵达某城, 当天下午，她…).
_PRONOUN_OPENS = re.compile(_SUBJECT_OPENS.pattern + r"(?=[他她](?![们国人方乡]))")
#: A time a clause opens on (当天下午，…; 翌日…; 17日…).
_OWN_TIME = re.compile(r"(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日|当天|当日|同日|翌日|次日|当晚|[上下中]午|晚上|早上|晚间")
#: What the one met is written right after (与乙, 同乙国总理乙, 并与乙).
_WITH = re.compile(r"(?:与|同|跟|和)$")


def _the_sentences_pronoun(reading: Reading, anchor: Sentence, begin: int, said: int) -> re.Match | None:
    """The pronoun opening the sentence, where the meeting's clause comes later, on a time of its own, and leaves
    its subject out (``他在某城接受欢迎，当天下午与乙举行会晤``, ``他于3日抵达某城，翌日…并与乙举行会谈``): the one
    who met is the sentence's subject. Not where anyone the sentence names before the meeting word is other than one
    met (``他抵达某城，翌日丙与乙会谈``: 丙 is the clause's own subject)."""
    if begin == 0 or not _OWN_TIME.match(anchor.hans, begin) or (opens := _PRONOUN_OPENS.match(anchor.hans)) is None:
        return None  # 他…，会见甫于5月10日就任的乙: a date inside the clause, not the time it opens on
    for spot in anchor.spots:
        if spot.start < said and reading.registry.is_a(spot.surface, Kind.PERSON) \
                and not _WITH.search(anchor.hans, 0, spot.start - len(written_before(anchor, spot))):
            return None
    return _PRONOUN.match(anchor.hans, opens.end())


#: What a pronoun is written after when it is the one met (甲在某宫与她会谈, 甲同他举行会谈), or the one
#: received (乙迎接了他，两人随即举行会谈; 乙为其举行欢迎仪式).
_MEETS_WITH = re.compile(r"(?:与|同|和|跟|为|迎接了?|接待了?)$")


def _the_one_met(hans: str, at: int) -> bool:
    """Whether the pronoun at ``at`` is the one a meeting is held with (``9月24日，甲国总统张三在某宫
    与她会谈``): then it stands for someone of the sentence before, not for the one named before it
    in its own sentence, who is the other party (when that one is the only person it names before)."""
    return bool(_MEETS_WITH.search(hans, 0, at))


#: A head's office written alone for the one who holds it (国王还会见了乙, 丙会见女王并设午宴, 甲与王储举行会谈).
_BARE_OFFICE = re.compile(r"(?:^|(?<=[，,；;、\s还亦也则并又见晤了与同和及跟]))(?P<office>国王|女王|天皇|总统|首相|王储)"
                          r"(?![的之府办特代位])")


def bare_office_holders(people: People, sentence: Sentence, begin: int = 0, end: int | None = None) -> dict[str, str]:
    """Whom a head's office word standing alone stands for, between ``begin`` and ``end`` of the
    sentence, with the office: neither after a state's name nor before a name (``在京期间，国王还
    分别会见了乙``, ``丙在某宾馆会见女王``), the one person the article gives an office ending in that
    word (``甲国国王[[某某]]`` in the lead); no one when two or more hold such an office."""
    found: dict[str, str] = {}
    for said in _BARE_OFFICE.finditer(sentence.hans, begin, len(sentence.hans) if end is None else end):
        if any(spot.start == said.end() or spot.start <= said.start() < spot.end for spot in sentence.spots) \
                or QUALIFIES.match(sentence.hans[said.end():]):
            continue  # 国王某某, [[昭和天皇]]: a title of the name written; 国王特使, 天皇葬礼: not the holder there
        holders = {(key, office) for key, offices in people.offices.items()  # 王储兼首相: the crown prince's too
                   for office in offices if office.endswith(said.group("office")) or said.group("office") + "兼" in office}
        if len({key for key, _ in holders}) == 1:
            key, office = min(holders, key=lambda held: (not held[1].endswith(said.group("office")), held))
            found.setdefault(key, office)
    return found


def from_the_bare_office(people: People, participants: dict[str, Participant], anchor: Sentence,
                         clause: tuple[int, int] | None) -> None:
    """The one a bare head's office of the meeting's clause stands for (``在京期间，国王还会见了乙``)
    met, inferred from where the article gives the office."""
    for key, office in bare_office_holders(people, anchor, *(clause or (0, None))).items():
        if key not in participants:
            said_so = people.office_evidence.get((key, office))
            person = participants.setdefault(key, Participant(key, key))
            person.inferences.append((Inference.BACK_REFERENCE, (), tuple(e for e in (said_so, anchor.evidence()) if e)))


def from_the_subject(reading: Reading, participants: dict[str, Participant], anchor: Sentence,
                      paragraph: list[Sentence], section: Section | None, stood_for: Iterable[str] = ()) -> None:
    """``两人``, ``双方``, ``第一次峰会`` with fewer than two names: the two leaders the
    article is about (its first sentence) are the ones who met; not where the meeting names one below the top
    (``stood_for``: 甲国国防部长乙于7月7日再次与丙会谈，双方同意…): 双方 are that one and the other."""
    if len(participants) >= 2 or stood_for and not _THE_LEADERS_BOTH.search(anchor.hans):
        return
    heading = to_hans(section.heading) if section else ""
    if not (_BOTH_SIDES.search(anchor.hans) or ORDINAL.search(heading)) or _a_gathering_told(anchor.hans):
        return
    pair = subject_pair(reading)
    if not pair or any(key not in {k for k, _, _ in pair} for key in participants):
        return
    for key, surface, sentence in pair:
        person = participants.setdefault(key, Participant(key, surface))
        if not person.stated:
            person.inferences.append((Inference.LEAD_PARAGRAPH, (), (sentence.evidence(), anchor.evidence())))


#: Right after a name: the person has left office by the time the text tells next (张三卸任后仍与李四保持友谊).
_LEFT_OFFICE = re.compile(r"(?:已经?|早已)?(?:卸任|下台|离任|退任|下野)(?:后|以后|之后)")
#: A heading naming the time after someone left office (``=== 张三卸任期间 ===``, ``张三下台后``): who it names holds
#: no office in what the section tells.
_OUT_OF_OFFICE = re.compile(r"^(?P<who>[^（(]+?)(?:卸任|下台|离任|退任|下野)(?:期间|后|以后|之后)")


def _out_of_office_heading(reading: Reading, sentence: Sentence, key: str) -> re.Match | None:
    """The words of the heading of the sentence's section, or of a section around it, saying the person ``key`` had
    left office in the time it tells (``特朗普卸任期间`` over the visits paid to a former president)."""
    at = sentence.section.span.start if sentence.section is not None else -1
    for section in (s for s in reading.document.all_sections() if s.span.start <= at < s.span.end):
        left = _OUT_OF_OFFICE.match(to_hans(section.heading).strip())
        if left and reading.index.key(left["who"]) == key:
            return left
    return None


#: After a name, in its clause: the capacity the person came in (张三曾于某日以总统当选人身分访问乙国).
_IN_THE_CAPACITY = re.compile(r"[^，,。；;]{0,30}?以(?P<office>[^，,。；;、]{1,14}?)的?身[份分]")


def below_the_top(reading: Reading, people: People, participants: dict[str, Participant],
                   near: list[Sentence], when: date) -> set[str]:
    """Drops the people whose every office, as the text gives it near the meeting or in the
    article, is below the top (美国副总统尼克松, 外长, 特使): their talks are no summit.
    Returns whom it dropped."""
    dropped = set()
    leaders = called_the_leader(reading)
    for key in list(participants):
        if key in leaders:
            continue  # 副总理邓小平…。这是中国领导人首次访美: whatever his office, the text makes him the leader
        # every office listed before the name: one at the top makes him a top leader (王储兼副首相、国防大臣张三)
        offices = [came["office"] for spot in near[-1].spots if spot.key == key  # 张三以总统当选人身分访问乙国
                   if (came := _IN_THE_CAPACITY.match(near[-1].hans, spot.end)) and NOT_TOP.search(came["office"])] \
            or [o for sentence in near for o in titles_in(sentence, reading, key, listed=True)]
        if not offices:  # no office near, but words below the top (时任共和党总统候选人张三), or out of office (张三卸任后): those
            offices = [w for sentence in near for spot in sentence.spots if spot.key == key
                       if NOT_TOP.search(w := written_before(sentence, spot))] \
                or [left.group() for sentence in near for spot in sentence.spots if spot.key == key
                    if (left := _LEFT_OFFICE.match(sentence.hans, spot.end))] \
                or [left.group() for sentence in near[-1:]
                    if (left := _out_of_office_heading(reading, sentence, key))] \
                or [office_taken_up(people, key, office, when) for office in offices_at(people, key, when)]
        if offices and all(held_below_the_top(office) for office in offices):
            del participants[key]
            reading.note(f"{key} met others on {when.isoformat()} as {offices[0]}, not as a top leader; "
                         "not a participant of a summit")
            dropped.add(key)
    return dropped


#: The text's word that a visit it tells is a country's leader's (这是中国领导人首次正式访美,
#: 这是…中国国家领导人首次访问日本, ，这是…中国主要领导人的首次出访), at a sentence's or clause's start.
_THE_LEADERS_VISIT = re.compile(r"(?:^|[，,；])(?:这|此)(?:次访问)?(?:是|为)[^。；]*?(?:国家|主要|最高)?领导人的?"
                                r"(?:首次|第一次|首度)[^。；]{0,8}?(?:访|出访|出国)")


#: Its word that the visitor became the first of his country's leaders to go there (成为首位访问泰国的中共领导人).
_FIRST_LEADER_THERE = re.compile(r"成为(?:首位|第一位|首个|第一个)[^。；，]{0,12}?(?:访问|到访|访)[^。；，]{0,12}?领导人")


def called_the_leader(reading: Reading) -> frozenset[str]:
    """Who the text calls his country's leader in telling his visit (``时任国务院副总理甲…对乙国
    进行的正式访问。这是…中国领导人首次正式访问乙国``; ``甲抵达某城，成为首位访问乙国的中共领导人``):
    the first person its sentence names before those words, else the first the sentence before
    it in its paragraph names, the visitor. Such a person is a top leader whatever office the
    text gives him (the conventions: supreme or ruling-party leaders). Read once an article."""
    if reading.called_leaders is not None:
        return reading.called_leaders
    out = set()
    for sentences in (reading.lead, *reading.by_section.values()):
        for before, sentence in zip((None, *sentences), sentences):
            said = _THE_LEADERS_VISIT.search(sentence.hans) or _FIRST_LEADER_THERE.search(sentence.hans)
            if said is None:
                continue
            visitor = _first_person(reading, sentence, said.start())
            if visitor is None and before is not None and before.paragraph == sentence.paragraph \
                    and not sentence.hans[:said.start()].strip():
                visitor = _first_person(reading, before, len(before.hans))
            if visitor is not None:
                out.add(visitor.key)
    reading.called_leaders = frozenset(out)
    return reading.called_leaders


def _first_person(reading: Reading, sentence: Sentence, stop: int) -> Spot | None:
    return next((spot for spot in sentence.spots if spot.end <= stop and reading.registry.is_a(spot.surface, Kind.PERSON)
                 and not QUALIFIES.match(sentence.hans[spot.end:])), None)


#: Words that join the two parties of a meeting (甲同乙会谈, 甲会见乙).
_PARTY_BEFORE = re.compile(r"(与|同|和|跟|会见|会晤|接见|拜会|会同)(?:了?(?:正在|前来)?(?:到访|来访|访华)的|了)?$")  # 会见到访的外长乙


_PARTY_AFTER = re.compile(r"^(与|同|和|跟|会见|会晤|接见|拜会)")
#: Right before a name: the one it names comes along with the clause's subject (偕副总统丙, 携外长丙, 在外长丙陪同下 is
#: read elsewhere), whatever the clause goes on to (偕副总统丙与乙双边会晤: the subject and 乙 met).
_ALONG_WITH = re.compile(r"(?:偕同?|携同?)(?:夫人及|夫人和)?$")
#: Right after a name joined to the clause's subject by 与: the two travel together (甲与外长丙前往某都，乙在会谈中表示…),
#: so the one named is no party the subject meets.
_TRAVELS_WITH = re.compile(r"(?:一同|一起|共同)?(?:前往|赴|飞抵|飞往|抵达|到达|出访|访问)")


def meets_officials_only(reading: Reading, sentence: Sentence, clause: tuple[int, int] | None) -> bool:
    """Whether whom the clause's leader receives are officials below the top, each named by his
    office and no person the text knows (``甲在某城分别会见了乙国参议院议长丙和众议院议长丁``) but one
    whose office written right before his name is below the top (``甲会见来访的乙国外交部部长[[丙]]``) and whom the text
    does not call his country's leader (:func:`called_the_leader`), or a
    group of them (``甲在某宫会见乙国高级别代表团``, ``甲首次与乙国官员会面``)."""
    begin, end = clause if clause is not None else (0, len(sentence.hans))
    met = _RECEIVES.search(sentence.hans, begin, end)
    if met is not None:
        stop = CLAUSE.search(sentence.hans, met.end(), end)
        after = stop.end() if stop else end + 1
        if _LIST_GOES_ON.match(sentence.hans, after):  # …副总统丁，以及丙国总理戊: not all of them officials
            return False
        received = (met.end(), stop.start() if stop else end)
        parts = [part for part in _LISTED_PEOPLE.split(sentence.hans[received[0]:received[1]]) if part]
        if not parts or not all(NOT_TOP.search(part) or _OFFICIALS.search(part) for part in parts):
            return False
    elif (met := _MET_A_GROUP.search(sentence.hans, begin, end)) is not None:
        received = met.span("who")
    else:
        return False
    return not any(received[0] <= spot.start < received[1] and reading.registry.is_a(spot.surface, Kind.PERSON)
                   and not (_titled_below_the_top(sentence, spot) and spot.key not in called_the_leader(reading))
                   for spot in sentence.spots)


def _titled_below_the_top(sentence: Sentence, spot: Spot) -> bool:
    """Whether the office written right before a name is below a side's top (``外交部部长[[丙]]``)."""
    office = written_before(sentence, spot)
    return bool(office) and held_below_the_top(office)


def received_together(reading: Reading, sentence: Sentence, clause: tuple[int, int] | None,
                       participants: dict[str, Participant]) -> bool:
    """Whether the people the meeting names are only those received together, listed after the
    meeting word (``某人在某宫会见甲国首相张三、外相李四和王五``): one side, the one who received them
    being no one the text knows as a person."""
    begin, end = clause if clause is not None else (0, len(sentence.hans))
    met = _RECEIVES.search(sentence.hans, begin, end)
    if met is None or len(participants) < 2:
        return False
    stop = CLAUSE.search(sentence.hans, met.end(), end)
    stop = stop.start() if stop else end
    named = [spot for spot in sentence.spots if spot.key in participants]
    return all(met.end() <= spot.start < stop for spot in named) and {s.key for s in named} == set(participants) \
        and _LISTED_PEOPLE.search(sentence.hans, met.end(), stop) is not None


_RECEIVES = re.compile(r"(?:分别)?(?:会见|接见)了?")

#: A list of those received that goes on after a comma (…乙国副总统丁，以及丙国总理戊).
_LIST_GOES_ON = re.compile(r"以及|还有")


#: A group below the top met as one (乙国高级别代表团, 特使团, 乙国官员), not a delegation's head (代表团团长).
_OFFICIALS = re.compile(r"代表团(?!团长)|使团|官员")


#: Meeting a group below the top (与乙国官员会面).
_MET_A_GROUP = re.compile(r"(?:与|同|和|跟)(?P<who>[^，,；;。与同和跟]{0,12}?(?:代表团(?!团长)|使团|官员))"
                          r"(?:举行|进行了?)?(?:会面|会晤|会谈|见面)")


_LISTED_PEOPLE = re.compile(r"[、和及与]|以及")


#: A meeting of more than two parties (三方会谈, 四边会晤).
_MANY_PARTIES = re.compile(r"[三四五六七八九多][方边](?:会谈|会晤|会议|峰会|会面|首脑会议)")


def a_party(sentence: Sentence, key: str, clause: tuple[int, int] | None) -> bool:
    """Whether the person is one of the two parties the meeting's clause joins
    (``甲国总理张三同乙国总统助理李四会谈``: 李四 is the other party, so no summit); not one of three or more
    (``甲、乙与丙国国务卿丁举行三方会谈``: the leaders among them still met)."""
    begin, end = clause if clause is not None else (0, len(sentence.hans))
    if _MANY_PARTIES.search(sentence.hans, begin, end):
        return False
    for spot in sentence.spots:
        if spot.key != key or not begin <= spot.start < end:
            continue
        titled = written_before(sentence, spot)
        before = sentence.hans[begin:spot.start - len(titled)]
        if _ALONG_WITH.search(before) or _PARTY_BEFORE.search(before) and _TRAVELS_WITH.match(sentence.hans, spot.end):
            continue  # 偕副总统丙与乙会晤, 甲与外长丙前往某都: who came with the one who met
        if _PARTY_AFTER.match(sentence.hans[spot.end:end]) and not _received_along(sentence, spot, begin):
            return True  # not 与乙、丙和丁会谈's 丙: its 和 goes on with the list met together
        if _PARTY_BEFORE.search(before) and not _joined_later(sentence, spot, end) \
                and not _received_along(sentence, spot, begin):
            return True
    return False


#: A list's join right before a name (乙、丙; 乙和丙; 乙及丙).
_LIST_JOIN = re.compile(r"(?:、|和|及|以及)$")
#: A verb receiving those listed after it together (会见了), or the word joining them to the one who met them
#: (与乙、丙和丁会谈); not one by one (分别会见: each a party of his own meeting).
_RECEIVES_BEFORE = re.compile(r"(?<!分别)(?<!先后)(?<!相继)(?:会见|接见|会晤|拜会)了?$|(?:与|同|跟)$")


def _received_along(sentence: Sentence, spot: Spot, begin: int) -> bool:
    """Whether the name is a later item of a list a verb receives (``甲会见了乙国首相丙和议长丁``), or 与
    joins to the one who met them (``甲与乙国总统丙、议长丁和总理戊会谈``): received along with the names
    before it, not the clause's other party; the meeting with the list's leader stands whatever the others' rank."""
    current = spot
    while (join := _LIST_JOIN.search(sentence.hans, begin, current.start - len(written_before(sentence, current)))):
        current = next((other for other in sentence.spots if other.end == join.start() and other.key != spot.key), None)
        if current is None:
            return False
        if _RECEIVES_BEFORE.search(sentence.hans, begin, current.start - len(written_before(sentence, current))):
            return True
    return False


def _joined_later(sentence: Sentence, spot: Spot, end: int) -> bool:
    """Whether the clause joins someone else to the meeting after this person
    (``甲与外长乙于某日在某城停留，同丙总统丁会谈``: 乙 came with 甲; 丁 is the other party)."""
    for other in sentence.spots:
        if other.key != spot.key and spot.end <= other.start < end:
            between = sentence.hans[spot.end:other.start - len(written_before(sentence, other))]
            if MEETING.search(between):
                return False  # 甲与乙会面，再与丙会面: 乙 met 甲 first
            if _PARTY_BEFORE.search(between):
                return True
    return False


#: A leader sending someone (甲派遣外长乙赴某城，与丙会谈): the one sent meets, not the leader.
_SENDS = re.compile(r"(?:派遣|派出|委派|派)(?!对|驻)")


def sends_someone(sentence: Sentence, key: str) -> bool:
    """Whether the sentence's first mention of the person is followed by sending someone."""
    spot = next(s for s in sentence.spots if s.key == key)
    return bool(_SENDS.match(sentence.hans, spot.end))


def told_in_another_year(sentence: Sentence, when: date) -> bool:
    """Whether a sentence tells only a time of other years than a meeting's: the offices it gives
    (``2011年，时任国务院副总理李克强访英``) are what its people were then, not at the meeting told
    after it (``2014年6月17日，李克强…同卡梅伦举行会晤``)."""
    years = {m.year for m in find_year_months(sentence.hans)} \
        | {d.start.year for d in find_dates(sentence.hans) if d.year_given}
    return bool(years) and when.year not in years


def written_below_the_top(reading: Reading, sentence: Sentence, key: str) -> bool:
    """Whether the words written right before or around a person's first mention in the
    sentence give an office below the top (美国国家安全顾问张三, 张三以总统特使身份)."""
    spot = next(s for s in sentence.spots if s.key == key)
    if NOT_TOP.search(written_as(sentence, spot)):
        return True
    if not NOT_TOP.search(written_before(sentence, spot)):
        return False
    # 甲国王储兼副首相、国防大臣张三: an office at the top listed before the one below it is his too
    return all(NOT_TOP.search(title.text) for title in titles_listed_before(sentence, spot, reading.index)[:-1])


def citations_of(sources: Sources, sentences: list[Sentence]) -> tuple[EntityId, ...]:
    out: list[EntityId] = []
    for sentence in sentences:
        for mark in sentence.refs:
            out.extend(sources.citations.get(mark.ref.span.start, ()))
    return tuple(dict.fromkeys(out))


def from_citation_titles(reading, participants, cited, anchor) -> None:
    """Participants the cited sources' titles name (``张三今在某城会晤李四``)."""
    if len(participants) >= 2:
        return
    set_aside = {spot.key for spot in anchor.spots}  # named in the sentence, not as one who met (李四之父)
    for citation in cited:
        title = citation_title(reading, citation)
        if not title:
            continue
        hans = to_hans(title)
        for spot in reading.spotter.spots(title, hans, (), 0):
            if reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(hans[spot.end:]) \
                    and (spot.key in participants or spot.key not in set_aside):
                person = participants.setdefault(spot.key, Participant(spot.key, spot.surface))
                if not person.stated:
                    person.inferences.append((Inference.CITATION_TITLE, (citation,), (anchor.evidence(),)))


def from_administration(reading, people: People, participants, period, section) -> None:
    """The leader of the section's government took part for that government's side."""
    if period is None:
        return
    sides = {people.sides.get(key) for key in participants}
    for leader in reading.registry.facts_about(period, Prop.LEADER):
        person = participants.get(leader.key)
        if person is not None and person.stated:
            continue
        if person is None and people.sides.get(leader.key) in sides and len(participants) >= 2:
            continue
        person = participants.setdefault(leader.key, Participant(leader.key, leader.key))
        heading = Evidence(Span(section.span.start, section.body.start), section.heading.strip(),
                           section.heading.strip())
        person.inferences.append((Inference.SECTION_ADMINISTRATION, (period,), (heading,)))


def from_leaders_in_office(reading, people: People, participants, when: date) -> None:
    """A side nobody in the section stands for is taken by whoever held power there then."""
    all_sides = {side for side in people.sides.values()}
    covered = {people.sides.get(key) for key in participants}
    if not participants or len(all_sides) > 4:
        return
    for side in sorted(s for s in all_sides - covered if s):
        candidates = {t.person for t in people.tenures if people.sides.get(t.person) == side
                      and (t.start is None or t.start <= when.year) and (t.end is None or when.year < t.end)}
        if len(candidates) == 1:
            key = candidates.pop()
            evidence = _tenure_evidence(reading, key)
            if not evidence:  # an inference the text cannot show is not published (the shapes refuse it)
                continue
            person = participants.setdefault(key, Participant(key, key))
            person.inferences.append((Inference.LEADER_IN_OFFICE, (), evidence))


def _tenure_evidence(reading: Reading, key: str) -> tuple[Evidence, ...]:
    """The sentences that put the person in power or end their time there: a succession, a
    government, a death (``甲于2013年去世``: in power until then)."""
    out: list[Evidence] = []
    for fact in reading.registry.facts_with((Prop.SUCCEEDED_BY, Prop.LEADER), key):
        out.extend(fact.evidence)
    for fact in reading.registry.facts_of(Prop.DEATH_YEAR):
        if fact.subject.key == key:
            out.extend(fact.evidence)
    return tuple(dict.fromkeys(out))


def add_participants(reading, people: People, summit: EntityId, named: dict[str, str], sentence: Sentence) -> None:
    """People (key → surface) a sentence names as taking part in a summit found before."""
    added = {key: Participant(key, surface, [sentence.evidence()], stated=True) for key, surface in named.items()}
    record_participants(reading, people, summit, added, [sentence])


def attendees_listed_after(reading, people: People, summits) -> None:
    """A sentence that only lists who attended (``乙国总理张三、丙国首相李四和丁国副总统王五出席``)
    right after the one telling of a summit's day in the same paragraph (``某日，甲在某城主持某领导人
    会议。``): the leaders it lists took part in that summit, but those below the top (副总统, 外长)."""
    sentences = reading.all_sentences()
    for before, sentence in zip(sentences, sentences[1:]):
        if before.passage is not sentence.passage or before.paragraph != sentence.paragraph:
            continue
        named = _listed_as_attending(reading, sentence)
        days = [found for found in find_dates(before.hans) if found.year_given] if named else []
        if not days:
            continue
        told = {spot.key for spot in before.spots}
        held = [summit for summit in summits
                if summit.start <= days[0].start <= summit.end and told & set(summit.participants)]
        if len(held) == 1:
            added = {key: surface for key, surface in named.items() if key not in held[0].participants}
            if added:
                add_participants(reading, people, held[0].id, added, sentence)


#: A clause that opens a list of who attended, after what it is told from at most (据某部公布的名单，出席会议的有：…,
#: 出席峰会的领导人包括…); not the attendees of one side (中方出席的有…: a delegation).
_ATTENDED_LIST = re.compile(r"(?:^|[，,])(?:出席|参加|与会)(?:会议|峰会|首脑会议|会晤)?的[^，,。；;：:]{0,8}?(?:有|包括|为)[：:]?")


def attendees_of_the_defined_gathering(reading, people: People, summits) -> None:
    """A sentence that lists who attended (``据某部公布的名单，出席会议的有：甲国总统张三、乙国总理李四、丙国苏丹
    王五…``), in an article whose first sentence defines one gathering on given days: the leaders it lists, two or
    more each written with a state's head office (not 秘书长, 外长), take part in it. Not where the sentence or its
    paragraph before it tells a day (``6月3日，某会议在某城举行。出席会议的有…``): the gathering of that day."""
    summit = the_defined_summit(reading, summits)
    if summit is None:
        return
    paragraph: list[Sentence] = []  # the sentences of the paragraph before this one
    for sentence in reading.all_sentences():
        if paragraph and (paragraph[-1].passage is not sentence.passage or paragraph[-1].paragraph != sentence.paragraph):
            paragraph = []
        paragraph.append(sentence)
        told = _ATTENDED_LIST.search(sentence.hans)
        if told is None or _ALONG.search(told.group()) \
                or any(find_dates(said.hans, year=summit.start.year) for said in paragraph):
            continue  # a day's gathering (6月3日，某会议举行。出席会议的有…): not the one the article defines
        heads = {spot.key: spot.surface for spot in sentence.spots if spot.start >= told.end()
                 and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])
                 and _HEAD_WRITTEN.search(written_before(sentence, spot)) and not NOT_TOP.search(written_before(sentence, spot))}
        added = {key: surface for key, surface in heads.items() if key not in summit.participants}
        if len(heads) >= 2 and added:
            add_participants(reading, people, summit.id, added, sentence)


#: What ends a list of who attended: the verb, and what they attended (…和丁国总理王五出席会议), a
#: signing among them (…出席签字仪式), which they may sign as its witnesses (，作为见证人在协定上签字).
_ATTENDING_ENDS = re.compile(r"(?:等人?)?(?:也|亦|还|均|一同)?(?:出席|与会)了?(?:会议|峰会|会晤|(?:签字|签约|签署)仪式)?"
                             r"(?:[，,]并?作为见证人[^，,。；;]*)?[。！]?$")


#: What joins the items of such a list.
_ITEM_JOINS = "、和与及"


def _listed_as_attending(reading, sentence: Sentence) -> dict[str, str]:
    """The top leaders (key → surface) a sentence lists, each titled by an office, as attending
    and nothing more (``乙国总理张三、丙国副总统王五出席``); empty when it says anything else."""
    hans, registry = sentence.hans, reading.registry
    people_spots = [spot for spot in sentence.spots if registry.is_a(spot.surface, Kind.PERSON)]
    if not people_spots:
        return {}
    named, at = {}, 0
    for spot in people_spots:
        written = written_before(sentence, spot)
        if not written.endswith(OFFICE_WORDS) or hans[at:spot.start] != written:
            return {}
        if not NOT_TOP.search(written):
            named[spot.key] = spot.surface
        at = spot.end + (1 if hans[spot.end:spot.end + 1] in tuple(_ITEM_JOINS) else 0)
    last = people_spots[-1].end
    return named if _ATTENDING_ENDS.match(hans, last) and hans[last - 1:last] not in _ITEM_JOINS else {}


def _bare_beside_an_office(reading, key: str, participants, welcome: Sentence | None) -> bool:
    """Whether a welcome's sentence writes ``key`` bare before the welcome while it writes another
    participant's office (``国家主席甲抵达某城，乙到机场迎接``): the text gives the one side's office and not
    the other's, so no office of the article's (``印尼总统乙`` in the lead) is carried to ``乙``. Where it
    writes none (``甲抵达某城，乙到机场迎接``), each side's office is carried as at any meeting, and so is
    the office of the one welcomed written only after the welcome (``乙国总统丙在某酒店迎接甲``) or not by
    name (``他抵达某城，乙国总统丙到机场迎接``): the sentence writes the host's office, and no side bare."""
    if welcome is None or titles_in(welcome, reading, key) or not _named_before_the_welcome(welcome, key):
        return False
    return any(titles_in(welcome, reading, other) for other in participants if other != key)


def _named_before_the_welcome(sentence: Sentence, key: str) -> bool:
    """Whether the sentence names ``key`` before its first welcome (``甲抵达某城，乙到机场迎接``: both)."""
    from kg.extract.meeting_clauses import WELCOMES  # meeting_clauses.py builds on this module: import late

    welcome = WELCOMES.search(sentence.hans)
    return welcome is not None and any(spot.key == key and spot.start < welcome.start() for spot in sentence.spots)


def record_participants(reading, people: People, summit, participants, sentences, welcome=None, *,
                        as_written: bool = False, written_also: tuple[Sentence, ...] = (),
                        of_its_year: bool = False) -> None:
    """Records who met and the office each held: the offices the sentences write for them, else the
    office the article gives them elsewhere; with ``as_written``, only the offices the first sentence
    (the meeting's own) and ``written_also`` (the sentence telling the visit it is of) write. ``welcome``: the sentence of a welcome on arrival that tells the
    summit (see :func:`_bare_beside_an_office`). ``of_its_year``: the meeting is the talks of a visit, and one
    whom its two sentences write no office for takes those of :func:`_offices_of_the_visit`."""
    registry = reading.registry
    for key in sorted(participants):
        person_info = participants[key]
        person = registry.named(Kind.PERSON, person_info.surface)
        if person_info.stated:
            registry.fact(summit, Prop.PARTICIPANT, person, evidence=tuple(person_info.evidence))
        for method, basis, evidence in person_info.inferences:
            registry.fact(summit, Prop.PARTICIPANT, person, evidence=evidence, inference=method, basis=basis)
        node = participation(registry, summit, person, people.sides.get(key), key)
        if key in HOLDERS_OFFICES:  # 教宗抵达某城: the office written alone for its holder is his office
            registry.fact(node, Prop.ROLE, office_named(registry, key), evidence=(sentences[0].evidence(),))
            continue
        stated_offices: list[str] = []
        for sentence in (*sentences[:1], *written_also) if as_written else sentences:
            stated_offices.extend(titles_in(sentence, reading, key, top_first=True))
            for spot in sentence.spots:
                if spot.key == key:
                    for title in title_after(sentence, spot, reading.index):
                        if title.state is None and title.text in OFFICE_WORDS:
                            # 福特总统: the office of his that is 总统 (美国总统), not his deputy's (副总统)
                            stated_offices.extend(o for o in people.offices.get(key, ()) if one_office(o, title.text))
        stated_offices = [o for o in dict.fromkeys(stated_offices) if registry.is_a(o, Kind.POSITION)
                          or _bare_and_all_given(o, people.offices.get(key, ()))]
        for office in stated_offices:
            registry.fact(node, Prop.ROLE, registry.named(Kind.POSITION, office),
                          evidence=(sentences[0].evidence(),))
        start = next(iter(registry.facts_about(summit, Prop.START_DATE)), None)
        if not stated_offices and as_written and of_its_year and start is not None:
            for office in _offices_of_the_visit(reading, people, key, start, sentences):
                registry.fact(node, Prop.ROLE, registry.named(Kind.POSITION, office), inference=Inference.EARLIER_ROLE,
                              evidence=(people.office_evidence.get((key, office)) or sentences[0].evidence(),))
        if not stated_offices and not as_written and people.offices.get(key) \
                and not _bare_beside_an_office(reading, key, participants, welcome):
            office = main_office(people, key, start, sentences)
            if office is not None:  # none held then (a deputy's office of years before): none carried
                registry.fact(node, Prop.ROLE, registry.named(Kind.POSITION, office_taken_up(people, key, office, start)),
                              inference=Inference.EARLIER_ROLE, evidence=(people.office_evidence[(key, office)],))


def _bare_and_all_given(office: str, offices: tuple[str, ...]) -> bool:
    """Whether an office the sentence writes with a name is a bare word and the only office the article
    gives the person (``同施密特总理签署``: 总理, nothing fuller): it is his as written, which the office he is
    carried to elsewhere would be too."""
    return office in OFFICE_WORDS and offices == (office,)


def _offices_of_the_visit(reading, people: People, key: str, when, sentences) -> tuple[str, ...]:
    """The offices of a person at the talks of a visit whose two sentences write none for him
    (``2031年5月3日至5日，张三访问乙国。张三同李四举行会谈``): those the visit's paragraph writes for him
    (``访问期间，张三还拜会了乙党总书记李四``), else the one office the article gives him in sentences of
    that year alone (``2031年初，甲国总理张三宣布将出访``); none it gives him undated or in other years."""
    written = [office for sentence in sentences for office in titles_in(sentence, reading, key)]
    written = [office for office in dict.fromkeys(written) if reading.registry.is_a(office, Kind.POSITION)]
    if written:
        return tuple(written)
    of_the_year = [office for office in people.offices.get(key, ())
                   if people.office_years.get((key, office)) == frozenset({when.year})]
    return tuple(of_the_year) if len(of_the_year) == 1 and main_office(people, key, when) == of_the_year[0] else ()


#: A clause telling who witnessed a signing, they its subject: attending and witnessing it (丙国国王和丁国总统出席见证,
#: 出席并在条约上签字见证), signing it as its witness (丙作为见证人在条约上签字), signing it too (丙亦在文件上签字),
#: presiding over it (丙主持了签字仪式, 丙主持并居中见证). Not attending as a witness and no more (丙作为见证人出席):
#: a mediator in the room, not one of the leaders at the signing.
_WITNESSED = re.compile(r"(?:^|(?<=[，,；;：:]))(?P<who>[^，,；;：:]+?)(?:也|亦|还|均|一同|共同)?(?:作为见证人[^，,；;：:]{0,12}?(?:签字|签名|签署)"
                        r"|出席(?:并[^，,；;：:]{0,12}?)?见证|主持(?:并(?:居中)?见证|了?(?:签字|签约|签署)仪式)"
                        r"|(?:也|亦)在[^，,；;：:]{1,12}?上(?:签字|签名))")

#: The offices of those at the top whom a witness's clause adds, as they end: a state's head or its government's
#: (沙特阿拉伯王国王储 is none).
_HEADS = re.compile(r"(?:总统|总理|首相|国王|女王|元首|苏丹|埃米尔|天皇|国家主席)$")


def witnesses_of_the_signing(reading, people: People, summits) -> None:
    """Leaders at the top told witnessing a signing (``1994年10月26日，和约在某口岸签署。条约由甲与乙签字，
    丙国国王和丁国总统出席见证``) took part in the summit of that signing: the one summit of the day the
    sentence or the two before it in its paragraph give (the last of them to give one), of two of the people
    they name besides."""
    sentences = reading.all_sentences()
    for at, sentence in enumerate(sentences):
        if "见证" not in sentence.hans and "仪式" not in sentence.hans and "上签" not in sentence.hans:
            continue
        witnesses = _witnesses(reading, people, sentence)
        if not witnesses:
            continue
        told = [s for s in sentences[max(0, at - 2):at + 1]
                if s.passage is sentence.passage and s.paragraph == sentence.paragraph]
        others = {spot.key for s in told for spot in s.spots} - set(witnesses)
        held = [summit for summit in summits if len(others & set(summit.participants)) >= 2
                and any(summit.start <= day.start <= summit.end for day in _days_told(told, summit.start.year))]
        if len(held) == 1:
            added = {key: surface for key, surface in witnesses.items() if key not in held[0].participants}
            if added:
                add_participants(reading, people, held[0].id, added, sentence)


def _days_told(told: list[Sentence], year: int) -> list:
    """The days the last of these sentences that gives any gives (``year`` fills in ``10月26日``)."""
    for sentence in reversed(told):
        days = find_dates(sentence.hans, year=year)
        if days:
            return days
    return []


def _witnesses(reading, people: People, sentence: Sentence) -> dict[str, str]:
    """The leaders at the top (key → surface) a sentence's clauses tell witnessing a signing: each
    titled so in the sentence, else given such an office by the article; not one only named in
    another's title (丙的私人代表丁)."""
    hans, registry = sentence.hans, reading.registry
    named = {}
    for clause in _WITNESSED.finditer(hans):
        if "签" in clause["who"]:
            continue  # 甲与乙签署和约并出席见证: the signers, told so
        for spot in sentence.spots:
            if not (clause.start("who") <= spot.start and spot.end <= clause.end("who")) \
                    or not registry.is_a(spot.surface, Kind.PERSON) or hans.startswith("的", spot.end):
                continue
            offices = titles_in(sentence, reading, spot.key) or people.offices.get(spot.key, ())
            if any(_HEADS.search(office) and not NOT_TOP.search(office) for office in offices):
                named.setdefault(spot.key, spot.surface)
    return named
