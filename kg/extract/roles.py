"""Titles written before a name (``甲国总统张三``) or around it (``以总统身份``).

A title is the run of words right before a name that ends in an office word (总统,
总书记, 委员长 ...), cut at the function word or punctuation before it and split at ``兼``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from functools import lru_cache

from kg.extract.names import HOLDERS_OFFICES, NameIndex, states
from kg.extract.phrases import NOT_TOP
from kg.extract.scripts import has_han
from kg.extract.text import Sentence, Spot

OFFICE_WORDS = ("总统", "总书记", "委员长", "主席", "总理", "首相", "国王", "领导人", "元首", "外长", "主任",
                "议长", "大统领", "总督", "书记", "部长", "天皇", "皇帝", "女王", "国务卿", "总理大臣", "资政", "最高领袖", "埃米尔",
                # Iran's supreme leader, as the press also writes him (甲国最高宗教领袖某某, 最高精神领袖某某)
                "最高宗教领袖", "最高精神领袖",
                # a crown prince, who may rule in all but name (沙特王储某某, 阿布扎比王储某某)
                "王储", "统帅",
                # the head of the Catholic Church, in the two spellings (教宗方济各, 教皇本笃十六世)
                "教宗", "教皇",
                # the heads of a society or a foundation (某协会会长, 某基金会董事长)
                "会长", "董事长",
                # offices below the top, so that a meeting with their holders is seen to be no summit
                "助理", "顾问", "特使", "大使", "大臣",
                # a Soviet-type government's ministers (外交人民委员某某)
                "人民委员")
_STOP_CHARS = set("与和及同跟给由在是为向对了的、，,。；;：:（）()《》「」“”\"' \n") | set("于把被让将而应指即请")
#: A leader taking officials along (甲国总理张三偕外交部长王五, 张三率外长王五): the official's title starts after.
_STOP_CHARS |= set("偕携率")
_STOP_WORDS = ("时任", "现任", "当时", "当年", "前任", "届时", "送给", "赠送给", "时期", "其间", "期间", "列出",
               "此后", "其后", "随后", "之后", "此前", "之前", "据",  # 此后海协会会长某某: when, then whose
               # verbs whose object is the titled name (会见俄罗斯总理某某)
               "会见", "会晤", "会谈", "接见", "拜会", "拜访", "前往", "访问", "出席", "陪同", "宴请",
               "欢迎", "会同", "致电", "致函", "邀请", "见到", "迎接", "接待", "款待", "招待", "表示", "通知",
               "宣布", "指出", "告诉",
               # a subject's audience with a monarch, a pope or a head of state (在某城晋见甲国国王张三)
               "晋见", "觐见", "谒见", "拜见",
               # 获/受 before the titled name make it the agent of a passive (在某地获甲国主席张三接见, 受到国王某某的接见)
               "受到", "获", "受",
               # who is received, sent, listed or held (甲国还迎来乙国总理某某, 甲方有外长某某, 兼任委员长的某某)
               "迎来", "派出以", "派出", "包括", "还有", "则有", "中有", "方有", "关注", "转达", "转任", "曾任", "兼任",
               # who had taken the office by then (同已任总统的某某)
               "已任",
               # who is led along (张三率领外长王五, 张三带领外长王五): as 率
               "率领", "带领",
               "落实", "但", "当天", "当晚", "次日")  # not 同日: 同日本首相某某
#: Words that hold a stop character but are one word (中华人民共和国: 和 is no conjunction here).
#: 革命指挥委员会主席: 指 is no 是指 here; 国家和平与发展委员会主席 is one office, not two joined by 与.
_WORDS_WITH_STOPS = ("共和国", "和平与发展", "法律和秩序", "法律与秩序", "和平", "指挥")


@lru_cache(maxsize=1)
def _words_with_stops() -> tuple[str, ...]:
    """Those words and every state name that holds a stop character (埃及, 特立尼达和多巴哥)."""
    names = {name for row in states() for name in row if any(ch in _STOP_CHARS for ch in name)}
    return _WORDS_WITH_STOPS + tuple(sorted(names))
#: Or after the day the person came so (``张三于2031年6月26日首次以总统身份访问乙国``), up to another day, and
#: whether it was the first time or again; not a year or a month alone (于2005年以某党主席身份: the capacity of a
#: visit the clause does not date to a day).
_WHEN_AS = (r"[于在]\d{4}年\d{1,2}月\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?"
            r"(?:首次|再次|再度|第[一二三四五六七八九十]次)?")
_AS_ROLE = re.compile(r"^(?:.{0,4}?|" + _WHEN_AS + r")以(?P<role>[^，。；、]{1,14}?)(?:的)?身[份分]")  # 身分: the Traditional
#: Several offices listed as the capacity (``以甲党总书记、甲国主席的身份``): each one the person held.
_AS_ROLES = re.compile(r"^(?:.{0,4}?|" + _WHEN_AS + r")以(?P<role>[^，。；、]{2,20}?(?:、[^，。；、]{2,20}?){1,2})(?:的)?身[份分]")
#: A bare office word right after a name (``张三总统与李四总理``), then a word's end.
#: Two held at once are joined by 兼 (周恩来总理兼外长签字); signing is the name's act too, and so
#: is what the holder does next (张三总统举行会谈, 张三主席设宴招待, 张三总统亲自到机场迎接).
#: A Gulf monarchy's crown prince or emir is written so too, after his given name (穆罕默德王储会见了乙).
_OFFICE_AFTER = re.compile(r"^(?P<role>(?:总统|总理|首相|主席|总书记|委员长|国王|女王|天皇|王储|埃米尔|苏丹)(?:兼(?:外长|外交部长|国防部长|总理|首相))?)"
                           r"(?=[与和及同、，,在于对向将为。；;（(：:]|特使|特别代表|夫人|夫妇|签字|签署|$"  # 张三总统特使: 张三 is the president
                           r"|举行|会见|会晤|会谈|设宴|亲自|当天|当日|随后|也将|出席|主持|表示|宣布"
                           r"|应|的?邀请)")  # 张三总统应李四主席（的）邀请: each the office after his name
#: Titles written after a Gulf ruler's given name (某某王储, 某甲埃米尔, 某乙苏丹): only a dotted full name's (苏丹
#: after any other name is the state Sudan's).
_GULF_TITLES = ("王储", "埃米尔", "苏丹")
_DOTTED = re.compile("[·‧•・]")
#: An ordinal of office before it (首任甲国总统, 第44任甲国总统): which holder, not the office.
_HOLDER_ORDINAL = re.compile(r"^(?:第?[0-9一二三四五六七八九十百]+[任届]|首任|新任|末任|继任)")
#: 新 between a state's name and its office (乙国新总统张三, 当选乙国新总统): the holder is new, the office the state's;
#: before a bare office (上任的新总理张三) the office is the bare word.
_NEW_HOLDER = re.compile(r"^新(?=副?(?:总统|总理|首相|国王|女王|主席|总书记|元首|领导人)$)")
#: How or when an office is taken up, before the verb: again (再度出任, 第二次出任), first, already, formally.
_AGAIN_OR_HOW = r"再次|再度|第[二三四五六七八九十两]次|首次|重新|刚刚|刚|已经|已|正式"
#: Verbs of taking up an office, taking it up again among them (重任总统, 回任总理: held before, taken anew).
_TAKING_UP = r"就任|出任|连任|接任|升任|重任|回任"
#: A verb of taking up an office before it, in a title before 的 (再次就任总统的张三, 1982年出任首相的李四): the
#: office is what was taken up. Not 当选, whose office is yet to be held (当选总统的张三 is the president-elect).
_TOOK_UP = re.compile(r"^(?:" + _AGAIN_OR_HOW + r")*(?:" + _TAKING_UP + r")")
#: A party before a state's office (工党首相, 共和党总统): the holder's party, not the office's.
_HOLDER_PARTY = re.compile(r"^[^党]{1,6}党(?=[^党]{0,8}(?:总统|首相|总理)$)")


@dataclass(frozen=True)
class Title:
    text: str  # one office, as written (Simplified view)
    start: int  # in the sentence
    end: int
    state: str | None  # the key of the state its words name, when they name one


def titles_before(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[Title, ...]:
    """The offices written right before ``spot`` (``朝鲜劳动党总书记兼国防委员长`` gives two),
    or before it and ``的`` (``时任甲国总统的张三``, ``已成为首任甲国总统的张三``); a gloss in
    brackets after the office is no part of it (``部长会议主席（政府首脑）张三``). An issue is
    titled by no one (``甲国总统[[某国内战|某国问题]]特使``: the envoy's, not the issue's), nor is a visit
    (``转达乙国女王的[[国事访问]]邀请``: the queen's invitation, the visit no holder of hers)."""
    if spot.hans.endswith(_ISSUES + _VISITS):
        return ()
    hans, remembered = sentence.hans, index.remembered  # asked three times a name, by several rules
    found = remembered.get((titles_before, hans, spot.start))
    if found is None:
        found = remembered[(titles_before, hans, spot.start)] = \
            _titles_ending_at(hans, _gloss_start(hans, spot.start), index, named=True)
    return found


def titles_listed_before(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[Title, ...]:
    """The offices written right before ``spot`` and those listed with ``、`` before them
    (``甲党总书记、甲国主席张三``: both are 张三's)."""
    return _listed(sentence.hans, titles_before(sentence, spot, index), index)


#: What a name ends with when it names an issue or a conflict, not a person (某国问题, 某国内战).
_ISSUES = ("问题", "事务", "战争", "内战", "危机", "冲突", "进程")
#: What a name ends with when it names a visit or its kind, never a person (国事访问, 正式访问, 工作访问,
#: 国事访问期间).
_VISITS = ("访问", "访问期间")


def titles_of_the_list(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[Title, ...]:
    """A bare office word before a later name of a list (``甲国总统张三、总理李四``, ``甲国总理张三及
    总统李四``) is of the state the office before the list's earlier name names: ``甲国总理``. So is an office of
    a state's body that names no state (``甲国国家主席张三和政府总理李四``, ``甲共中央总书记张三、政府总理李四``). Not a
    pope's (``甲国总统张三与教宗李四``): his office is no state's the list names."""
    hans = sentence.hans
    titles = titles_before(sentence, spot, index)
    if len(titles) != 1 or titles[0].state is not None or not _bare_or_a_bodys(titles[0].text) \
            or titles[0].text in HOLDERS_OFFICES:
        return ()
    bare = titles[0]
    before = next((other for other in sentence.spots if other.end == bare.start - 1), None)
    if before is None or hans[before.end] not in _LIST_JOINS:
        return ()
    for title in titles_before(sentence, before, index):
        size = _state_length(title.text, index)
        if title.state is not None and size:
            return (Title(title.text[:size] + bare.text, bare.start, bare.end, title.state),)
        if title.state is not None and bare.text not in OFFICE_WORDS:  # 甲共中央总书记张三和政府总理李四: 甲国's
            return (replace(bare, state=title.state),)
    return ()


def _bare_or_a_bodys(office: str) -> bool:
    """Whether ``office`` names no state: a bare office word (总理), or one of a state's body that
    names none either (政府总理, 国家主席, 国会主席), as a list writes it after ``甲国总统张三和``."""
    return office in OFFICE_WORDS or office.startswith(_STATES_BODIES) and office[2:] in OFFICE_WORDS


#: A state's bodies written before an office with no state's name (政府总理, 国家主席, 国会主席, 联邦总理).
_STATES_BODIES = ("政府", "国家", "国会", "联邦")
#: What joins the names of a list (张三和李四, 张三、李四).
_LIST_JOINS = "和与及、"


def titles_shared(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[tuple[Title, ...], Spot | None]:
    """The offices a copula gives a list of names whose first is titled (``会谈对象先后为国家主席
    张三和李四``: both held it), or a verb that goes to each in turn (``先后与甲国总统张三、李四
    会晤``), for a later name of the list that has none of its own, with the list's first
    name; ``((), None)`` otherwise. Without them the office is the first name's alone
    (甲国总统张三和李四)."""
    hans = sentence.hans
    if titles_before(sentence, spot, index) or title_after(sentence, spot, index):
        return (), None
    at = sentence.spots.index(spot)
    while at > 0:
        before = sentence.spots[at - 1]
        if before.end != sentence.spots[at].start - 1 or hans[before.end] not in _LIST_JOINS:
            return (), None
        titles = _listed(hans, titles_before(sentence, before, index), index)
        if titles:
            shared = hans.endswith(("为", "是"), 0, titles[0].start) or _ONE_BY_ONE.search(hans, 0, titles[0].start)
            return (titles, before) if shared else ((), None)
        at -= 1
    return (), None


#: Before a list of names: the verb goes to each in turn (先后与, 分别会见), so an office before
#: the list is each name's (先后与甲国总统张三、李四会晤: both held it), held then or not
#: (分别与时任甲国主席张三、李四会谈).
_ONE_BY_ONE = re.compile(r"(?:先后|分别|相继)(?:与|同|和|跟|会见|会晤|接见|拜会)?(?:时任|现任|当时的?)?$")


def _listed(hans: str, titles: tuple[Title, ...], index: NameIndex) -> tuple[Title, ...]:
    """The offices listed with ``、`` before the first of ``titles`` (``中共中央总书记、国家主席``),
    and ``titles``."""
    while titles and titles[0].start > 1 and hans[titles[0].start - 1] == "、":
        listed = _titles_ending_at(hans, _gloss_start(hans, titles[0].start - 1), index)
        if not listed:
            break
        titles = listed + titles
    return titles


#: A gloss in brackets after an office (``（最高领导人）``, ``（政府首脑）``): a few words, no digits.
_GLOSS = re.compile(r"[（(][^（()）0-9０-９]{1,10}[）)]$")


def _gloss_start(hans: str, end: int) -> int:
    """Where a gloss in brackets that ends at ``end`` begins (``end`` when there is none)."""
    gloss = _GLOSS.search(hans, max(0, end - 12), end)
    return gloss.start() if gloss and end - gloss.start() > 2 else end


def _titles_ending_at(hans: str, at: int, index: NameIndex, named: bool = False) -> tuple[Title, ...]:
    """The offices of the run of words that ends at ``at`` (``named``: a name begins there, so
    the run may stand before ``的``); none when the run does not end in an office word."""
    j, end = _title_run(hans, at) if named else (_run_start(hans, at), at)
    if j is None or j == end:
        return ()
    phrase = hans[j:end]
    if not phrase.endswith(OFFICE_WORDS):
        return _states_monarch(phrase, j, index)
    if phrase.endswith(HOLDERS_OFFICES):  # [[天主教]][[教宗]]: one office, whatever church is written before it
        office = next(office for office in HOLDERS_OFFICES if phrase.endswith(office))
        return (Title(office, end - len(office), end, None),)
    if phrase[0] in "任届" and j > 0 and hans[j - 1].isdigit():  # 第44任: the run began after the digits
        j, phrase = j + 1, phrase[1:]
    for holder in (_TOOK_UP, _HOLDER_ORDINAL, _HOLDER_PARTY, _NEW_HOLDER):
        said = holder.match(phrase)
        if said and phrase[said.end():]:  # 新任首相 is the bare office 首相
            j, phrase = j + said.end(), phrase[said.end():]
    group = _GROUP_HOLDERS.match(phrase)
    if group:  # 两国总理张三与李四, 东道国总统张三: the bare office, its state the holder's own
        j, phrase = j + group.end(), phrase[group.end():]
    cut = _state_within(phrase, index)
    phrase, j = phrase[cut:], j + cut
    state = _state_length(phrase, index)
    said = _HOLDER_ORDINAL.match(phrase[state:]) or _NEW_HOLDER.match(phrase[state:])
    if state and said and phrase[state + said.end():].endswith(OFFICE_WORDS):  # 甲国新任总统: 甲国总统
        return tuple(replace(title, start=j) for title in _split(phrase[:state] + phrase[state + said.end():], j, index))
    return _split(phrase, j, index)


#: Words naming the states of an office's holders as a group (两国, 双方, 三国, 各国) or by their part in a meeting
#: (东道国, 东道主), not one state: the office before a name is the bare word (两国总理张三与李四: each his own
#: state's 总理; 东道国总统张三: the host state's 总统).
_GROUP_HOLDERS = re.compile(r"^(?:两国|双方|三国|各国|东道国|东道主)(?=副?(?:总统|总理|首相|主席|国王|总书记)$)")


#: A monarch's title that is an office only right after the state's name (文莱苏丹, 阿曼苏丹): alone it is a
#: state's name (苏丹, Sudan), and within a name part of it (努尔苏丹), so it is no office word.
_STATES_MONARCHS = ("苏丹",)


def _states_monarch(phrase: str, j: int, index: NameIndex) -> tuple[Title, ...]:
    """The office of a run that ends in a state's name and its monarch's title (``同文莱苏丹``:
    ``文莱苏丹``); none when the words before the title name no state (``南苏丹``, ``努尔苏丹``)."""
    if not phrase.endswith(_STATES_MONARCHS):
        return ()
    cut = _state_within(phrase, index)
    state = phrase[cut:-2]
    if len(state) < 2 or not index.is_state(state):
        return ()
    return (Title(phrase[cut:], j + cut, j + len(phrase), index.key(state)),)


def _state_within(phrase: str, index: NameIndex) -> int:
    """Where the state an office belongs to begins inside a run that does not start with one
    (``在某营接待甲国首相``, ``三国首脑有甲国总统``: the words before the state are no part of
    the office); 0 when the run starts with a state's name or names none, or when an office joined by 兼 comes before
    the state (``某城王储兼甲国武装部队副最高统帅``: both the holder's). A seat of government
    before a state's name is a clause's subject (``白宫证实甲国总统``), not the office's body."""
    if _state_prefix(phrase, index) is not None and not phrase.startswith(_SEATS):
        return 0
    for at in range(1, len(phrase) - 1):
        if any(index.is_state(phrase[at:at + size]) for size in range(min(len(phrase) - at - 1, 12), 1, -1)):
            # 某城王储兼甲国武装部队副最高统帅: an office joined by 兼 before the state's is the same holder's
            return 0 if phrase[:at].endswith("兼") and phrase[:at - 1].endswith(OFFICE_WORDS) else at
    return 0


def titles_of(text: str, index: NameIndex) -> tuple[Title, ...]:
    """The offices an office written alone names (a column's header: ``中国国务院总理``)."""
    hans = text.strip()
    if not hans.endswith(OFFICE_WORDS):
        return ()
    cut = _state_within(hans, index)
    return _split(hans[cut:], cut, index)


def written_before(sentence: Sentence, spot: Spot) -> str:
    """The words right before a name, office word or not (``国家安全顾问``, ``时任副总统的``)."""
    j, end = _title_run(sentence.hans, spot.start)
    return "" if j is None else sentence.hans[j:end]


@lru_cache(maxsize=4096)  # each name's run is asked for by several rules (3 times on average)
def _title_run(hans: str, name_start: int) -> tuple[int | None, int]:
    """The run of words that titles a name starting at ``name_start``: right before it, or
    before the ``的`` right before it when that run ends in an office word. A name kept from
    conversion (``甲国总统-{张三}-``) is titled by the run before its ``-{``."""
    if hans.endswith("-{", 0, name_start):
        name_start -= 2
    j = _run_start(hans, name_start)
    if j is not None and j > 1 and hans[j - 1] == "、" and _KIN.fullmatch(hans, j, name_start):
        k = _run_start(hans, j - 1)  # 时任乙国最高领导人、李四之父张三: the office before the kinship
        if k is not None and hans[k:j - 1].endswith(OFFICE_WORDS):
            return k, j - 1
    if j is not None and j > 1 and hans[j - 1] == "、" and hans.endswith(CHAIRS_OF_A_MEETING, j, name_start):
        k = _run_start(hans, j - 1)  # 乙国总统、某组织轮值主席张三: the office before the chair he holds for a term
        if k is not None and hans[k:j - 1].endswith(OFFICE_WORDS):
            return k, j - 1
    if j != name_start or name_start < 2 or hans[name_start - 1] != "的":
        return j, name_start
    k = _run_start(hans, name_start - 1)
    if k is None:
        return j, name_start
    if not hans[k:name_start - 1].endswith(OFFICE_WORDS):
        taken = _TAKEN_IN_CLAUSE.search(hans, k, name_start - 1)  # 刚就任乙国总统不到两个月的张三
        return (taken.start("office"), taken.end("office")) if taken else (j, name_start)
    return k, name_start - 1


#: A kinship said of a name between its office and the name (李四之父, 李四的父亲).
_KIN = re.compile(r"[^、，。]{1,8}(?:之父|之母|之子|之女|之妻|之夫|的父亲|的母亲|的儿子|的女儿)")


#: An office taken up a while ago, in the clause before ``的`` and a name (刚就任乙国总统不到两个月的).
_TAKEN_IN_CLAUSE = re.compile(r"(?:就任|出任|当选为?|担任|接任|继任|升任)(?P<office>[^，,。；;、（(“”的]{1,14}?(?:"
                              + "|".join(sorted(OFFICE_WORDS, key=len, reverse=True)) + r"))"
                              r"(?:不到|不足|未满|不久|仅|才|刚|已|后|以来|[0-9一二三四五六七八九十两几半])[^的]{0,8}$")


#: A military rank right after a name (``[[张三]]将军``, ``李四元帅``): only a person holds one. Not
#: 将 (will) before a word that starts with 军 (张三将军事合作列为重点, 某国将军舰派往), nor 将军级 (a level of
#: talks); not 上将/中将, which are as often 上/中 and 将 (在某大会上将发表演讲).
_RANK_AFTER = re.compile(r"(?:将军|[少大]将|大?元帅)(?![事队舰级区港府])")
#: Names of forces, whose generals the rank is (甲国陆军将军): no person.
_FORCES = ("军", "队", "部", "军团")


def ranked_after(sentence: Sentence, spot: Spot) -> bool:
    """Whether a military rank follows the name (``乙国政府首脑[[李四]]将军签署``): no office, yet a person."""
    return bool(_RANK_AFTER.match(sentence.hans, spot.end)) and not spot.hans.endswith(_FORCES)  # anchored: once a name


def written_as(sentence: Sentence, spot: Spot) -> str:
    """What ``以…身份`` right after a name says the person came as (``总统特使``)."""
    match = _AS_ROLE.match(sentence.hans[spot.end:])
    return match["role"] if match else ""


@lru_cache(maxsize=4096)
def _run_start(hans: str, end: int) -> int | None:
    """Where the run of words before ``end`` begins: at the function word, punctuation or
    time word before it; ``None`` when the run is too long to be a title."""
    j = end
    while j > 0 and has_han(hans[j - 1]) and (hans[j - 1] not in _STOP_CHARS or _inside_a_word(hans, j - 1)) \
            and not hans.endswith(_STOP_WORDS, 0, j):
        j -= 1
        if end - j > 24:
            return None
    if j > 0 and hans[j - 1].isdigit() and hans[j] in "年月日号":  # "11月7日中华民国总统"
        j += 1
    return j


def _inside_a_word(hans: str, at: int) -> bool:
    """Whether the character at ``at`` belongs to a word that merely contains a stop character."""
    return any(hans.startswith(word, at - place)
               for word, place in _words_with_stop(hans[at]) if at - place >= 0)


@lru_cache(maxsize=256)
def _words_with_stop(char: str) -> tuple[tuple[str, int], ...]:
    """The words of :func:`_words_with_stops` that hold ``char``, each with where it first does."""
    return tuple((word, word.index(char)) for word in _words_with_stops() if char in word)


#: Names of bodies, whose office a bare office word after them is (某某党总书记, 某某委员会主席, 某国参议院主席).
_BODIES_HOLDING_OFFICES = ("党", "政府", "委员会", "议会", "议院", "国会", "内阁", "组织", "联盟", "共同体")


#: An office in brackets right after a name, as lists and infoboxes write it (``[[张三]]（甲国总理）``).
_OFFICE_IN_BRACKETS = re.compile(r"[（(](?P<role>[^（）()，,。；;、的0-9]{2,16})[）)]")


#: A monarch's titles, written after the name the monarch reigns or is known by (某某天皇, 某某二世国王).
_MONARCHS = ("天皇", "国王", "女王")
#: What the words before a monarch's title end with when they name a realm, not a monarch (某某王国国王).
_REALMS = ("国", "王朝", "皇室", "王室", "党", "政府", "委员会")


def monarch_by_name(spot: Spot, index: NameIndex) -> bool:
    """Whether a link is a monarch's name with the title after it (``[[某朝天皇|某某天皇]]``,
    ``[[某某·某|某某国王]]``): a person, unlike an office's link, whose words before the title
    name a state or a realm (``[[甲国国王]]``, ``[[某国君主|某国女王]]``) or nothing (``[[天皇]]``)."""
    if spot.link is None or not spot.hans.endswith(_MONARCHS):
        return False
    head = spot.hans[:-2]
    return len(head) >= 2 and not head.endswith(_REALMS) and not _state_length(head + "总统", index)


def title_after(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[Title, ...]:
    """An office given as ``以总统身份`` right after the name, a bare office word (``张三总统``)
    or an office in brackets (``张三（甲国总理）``) there (after the ``}-`` of a name kept from
    conversion); or the title a monarch's linked name ends in (``[[某朝天皇|某某天皇]]``). A visit holds no
    office (``对乙国进行[[国事访问]]，也是他以总统身份…``: 他 is the president), nor does a place written after the
    subject's 在 (``张三在[[某都]]首次以总理身份…``: 张三 is the premier, 某都 the place)."""
    if spot.hans.endswith(_VISITS):
        return ()
    remembered = index.remembered  # asked about four times a name, by several rules
    asked = (title_after, id(sentence), spot.start, spot.end, spot.key, spot.surface, spot.hans, spot.link is None)
    found = remembered.get(asked)
    if found is None or found[0] is not sentence:  # the sentence is kept with it: its id names no other
        found = remembered[asked] = (sentence, _title_after(sentence, spot, index))
    return found[1]


def _where_the_subject_is(sentence: Sentence, spot: Spot) -> bool:
    """Whether the name is written right after a 在 or 于 that follows another name
    (``张三在[[某都]]以总理身份``): the place the person before it is at, not a person."""
    at = spot.start - 1
    return at > 0 and sentence.hans[at] in "在于" and any(other.end == at for other in sentence.spots)


def _title_after(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[Title, ...]:
    """:func:`title_after`, read from the sentence."""
    if monarch_by_name(spot, index):
        return (Title(spot.hans[-2:], spot.end - 2, spot.end, _state_prefix(spot.hans[-2:], index)),)
    end = spot.end + 2 if sentence.hans.startswith("}-", spot.end) else spot.end
    bare = _OFFICE_AFTER.match(sentence.hans[end:])
    if bare and bare["role"].startswith(_GULF_TITLES) and not _DOTTED.search(spot.key):
        return ()  # [[某城]]王储某某: the emirate's crown prince, the town no person (穆罕默德王储: 穆罕默德·本·某某's)
    if bare and not index.is_state(spot.surface) and not spot.hans.endswith(_BODIES_HOLDING_OFFICES):
        # 甲国总统的, 某某党总书记和: the state's or the body's office, no person's
        first, _, second = bare["role"].partition("兼")
        return (Title(first, end, end + len(first), _state_prefix(first, index)),) + (
            (Title(second, end + len(first) + 1, end + bare.end(), None),) if second else ())
    bracket = _OFFICE_IN_BRACKETS.match(sentence.hans, end)
    if bracket and bracket["role"].endswith(OFFICE_WORDS) and not index.is_state(spot.surface):
        return tuple(replace(title, start=title.start + bracket.start("role"), end=title.end + bracket.start("role"))
                     for title in _titles_ending_at(bracket["role"], len(bracket["role"]), index))
    after = sentence.hans[end:]
    match = _AS_ROLE.match(after) or _AS_ROLES.match(after)
    if not match or not all(part.endswith(OFFICE_WORDS) for part in match["role"].split("、")):
        return ()
    if any(end <= other.start < end + match.start("role") - 1 for other in sentence.spots):
        return ()  # 甲国总统张三以…身份: the 以 follows another name, whose office it gives
    if _where_the_subject_is(sentence, spot):
        return ()  # 张三在某都首次以总理身份…: the office is 张三's, 某都 the place he is at
    return _capacities(match["role"], end + match.start("role"), index)


def _capacities(phrase: str, offset: int, index: NameIndex) -> tuple[Title, ...]:
    """The offices of a capacity listed with ``、`` (``甲党总书记、国家主席``), each split at ``兼``."""
    out: tuple[Title, ...] = ()
    for part in phrase.split("、"):
        out += _split(part, offset, index)
        offset += len(part) + 1
    return out


#: A person taking up an office (张三就任甲国总统, 张三于2016年4月出任新设立的国务资政): the
#: words up to the verb may only say when or how; the office runs to a word's end.
#: A day of the sentence's year may stand without the year (张三于5月10日就任, 李四于23日就任), and the oath
#: before the verb (张三宣誓就任甲国总统): both say only when or how.
_TAKES_UP = re.compile(r"(?:[于在]?\d{4}年(?:[底初]|(?:\d{1,2}月)?(?:\d{1,2}日)?)|[于在]?\d{1,2}月(?:\d{1,2}日)?"
                       r"|[于在]?\d{1,2}日|[于在]|宣誓|次日|翌日|当天|当日|同日|" + _AGAIN_OR_HOW + r")*"
                       r"(?:" + _TAKING_UP + r"|当选为?|担任|继任)")
#: What ends the office taken up: punctuation, 的, and words that begin another clause (后, 以, 并, 和 …).
_TAKEN_STOPS = "，,。；;、（(“”的后以之当时期前成并和与及0-9"
#: An ordinal of office right after the verb (就任第7任首相) says which holder, and is no part of the office.
_TAKEN = re.compile(rf"(?:[^{_TAKEN_STOPS}]{{0,10}}的)?(?:第[0-9一二三四五六七八九十百]+[任届])?"
                    rf"(?P<office>[^{_TAKEN_STOPS}]{{2,16}})")


#: A person's inauguration named after the name (张三的总统就职典礼, 张三的总理宣誓就职仪式).
_INAUGURATED = re.compile(rf"的(?P<office>[^{_TAKEN_STOPS}]{{2,16}}?)(?:宣誓)?就职(?:典礼|仪式)")
#: What stands in, in :func:`_stops_masked`, for each character of a word that holds a stop.
_MASK = "某"


@lru_cache(maxsize=1)
def _words_holding_taken_stops() -> tuple[str, ...]:
    """The state names and words that hold one of those stops but are one word (埃及, 以色列,
    中华人民共和国, 特立尼达和多巴哥), longest first."""
    names = {name for row in states() for name in row if any(ch in _TAKEN_STOPS for ch in name)}
    names |= {word for word in _WORDS_WITH_STOPS if any(ch in _TAKEN_STOPS for ch in word)}
    return tuple(sorted(names, key=len, reverse=True))


def _stops_masked(hans: str) -> str:
    """``hans`` with each word that holds a stop but is one word written over, its length kept
    (``就任埃及总统后`` reads ``就任某某总统后``): the office taken runs past its 及."""
    for word in _words_holding_taken_stops():
        if word in hans:
            hans = hans.replace(word, _MASK * len(word))
    return hans


def titles_taken(sentence: Sentence, spot: Spot, index: NameIndex) -> tuple[Title, ...]:
    """The office a person is said to take up right after the name (``张三就任甲国总统后``,
    ``张三出任新设立的国务资政``, ``张三的总统就职典礼``): the office the person held from the
    sentence's time, bare (``就任总统``) or not."""
    hans = sentence.hans
    end = spot.end + 2 if hans.startswith("}-", spot.end) else spot.end
    verb = _TAKES_UP.match(hans, end)
    if verb is None and not hans.startswith("的", end):  # neither pattern can match: no need to mask
        return ()
    masked = _stops_masked(hans)  # 就任埃及总统: 及 is no conjunction there
    taken = _TAKEN.match(masked, verb.end()) if verb else _INAUGURATED.match(masked, end)
    office = hans[taken.start("office"):taken.end("office")] if taken else ""
    if not office.endswith(OFFICE_WORDS) or office.endswith(CHAIRS_OF_A_MEETING):
        return ()
    if office == _CHAIR and verb is not None and verb.group().endswith("担任"):
        return ()  # 越南总理张三担任主席: he chairs the meeting, he holds no 主席 by it
    start = taken.start("office")
    return tuple(replace(title, start=title.start + start, end=title.end + start)
                 for title in _titles_ending_at(office, len(office), index))


#: A meeting's chairs, not a state's office (某会议共同主席, 担任轮值主席, 担任峰会主席的张三): whoever holds them
#: holds an office besides.
CHAIRS_OF_A_MEETING = ("共同主席", "联合主席", "轮值主席", "峰会主席")
#: The chair's word alone: taken by a verb of presiding (甲国总理张三担任主席) or heading a column of a table of
#: meetings (届次 !! 日期 !! 地点 !! 主席), it is the meeting's chair, a leader of whichever side hosts it.
_CHAIR = "主席"


def chairs_the_meeting(header: str) -> bool:
    """Whether a table's column header names the meetings' chairs (``主席``, ``共同主席``), not an office its
    people hold: each row's chair holds an office of his own side besides."""
    return header == _CHAIR or header.endswith(CHAIRS_OF_A_MEETING)


def _split(phrase: str, offset: int, index: NameIndex) -> tuple[Title, ...]:
    """The offices of a run split at ``兼``; a bare office word (总理, not 国防委员长) is of the
    state the office before it names (甲国总统兼总理: 甲国总理)."""
    out: list[Title] = []
    at = 0
    parts = _joined_to_ranks(phrase.split("兼"))
    for i, part in enumerate(parts):
        if i and parts[i - 1].endswith(_RANKS) and _below_the_rank(part):
            at += len(part) + 1  # 甲国王储兼副首相: the rank is the office he meets in, the deputy's post one held besides
            continue
        if part.endswith(OFFICE_WORDS) and not part.endswith(CHAIRS_OF_A_MEETING):
            state = _state_prefix(part, index)
            text = part
            if state is None and part in OFFICE_WORDS and out and out[-1].state is not None \
                    and (size := _state_length(out[-1].text, index)):
                text, state = out[-1].text[:size] + part, out[-1].state
            out.append(Title(text, offset + at, offset + at + len(part), state))
        at += len(part) + 1
    return tuple(out)


#: Ranks written joined to an office by ``兼`` (甲国王储兼首相): one role with it (王储 alone is an office too).
_RANKS = ("王储", "太子")
#: A deputy head of state written joined to the head of government's office (甲国副总统兼总理): one role, as high
#: as that office (he heads the government), the way 王储兼首相 is; a deputy's below it (副总理兼外长) are two.
_DEPUTY_HEADS = ("副总统",)
_HEADS_OF_GOVERNMENT = ("总理", "首相")


#: A deputy's office (副首相, 第一副首相): what a crown prince holds besides (甲国王储兼副首相、国防大臣张三), below
#: the rank he meets other sides' leaders in (甲国王储), not one role with it as 王储兼首相 is: no office of his.
_A_DEPUTYS = re.compile(r"(?:第[一二三]|首席)?副")


def _below_the_rank(part: str) -> bool:
    """Whether an office written after a crown prince's rank and 兼 is one below the top he holds besides (副首相;
    乙国武装部队副最高统帅, 国防大臣), not the government he heads with it (王储兼首相)."""
    return bool(_A_DEPUTYS.match(part) or NOT_TOP.search(part))


def _joined_to_ranks(parts: list[str]) -> list[str]:
    """The parts of a run split at ``兼`` with a rank kept joined to the office after it
    (``甲国王储兼首相`` is one role, as high as its office: a crown prince who is prime
    minister heads a government; ``甲国王储兼副首相`` does not: his office is the rank, see :func:`_split`),
    and a vice-president to the government's head's office after it (``甲国副总统兼总理``)."""
    out: list[str] = []
    for part in parts:
        if out and (out[-1].endswith(_RANKS) and not _below_the_rank(part)
                    or out[-1].endswith(_DEPUTY_HEADS) and part in _HEADS_OF_GOVERNMENT):
            out[-1] += "兼" + part
        else:
            out.append(part)
    return out


#: Bodies that belong to one state, so that an office of theirs names the state (国务院总理; 政务院总理, the
#: same government's head under its name of 1949–1954).
_BODIES = (("国务院", "中华人民共和国"), ("政务院", "中华人民共和国"), ("中共", "中华人民共和国"), ("中国共产党", "中华人民共和国"),
           ("全国人大", "中华人民共和国"), ("中央军委", "中华人民共和国"), ("苏共", "苏维埃社会主义共和国联盟"),
           ("苏联共产党", "苏维埃社会主义共和国联盟"), ("朝鲜劳动党", "朝鲜民主主义人民共和国"),
           ("劳动党", "朝鲜民主主义人民共和国"), ("越共", "越南社会主义共和国"), ("越南共产党", "越南社会主义共和国"),
           ("老挝人民革命党", "老挝人民民主共和国"), ("古共", "古巴共和国"), ("古巴共产党", "古巴共和国"),
           ("白宫", "美利坚合众国"), ("克里姆林宫", "俄罗斯联邦"))
#: Those bodies that are buildings: written as who says or does something (白宫宣布, 克里姆林宫证实).
_SEATS = ("白宫", "克里姆林宫")


#: One character that stands for a state right before its office, as headlines write (俄总统,
#: 德总理, 菲总统, 英女王): general usage, not any article's; ambiguous ones (巴, 新, 乌, 伊) left out,
#: and 老 (老总统: the elder).
_ABBREVIATIONS = {"中": "中国", "美": "美国", "俄": "俄罗斯", "苏": "苏联", "德": "德国", "法": "法国", "英": "英国",
                  "日": "日本", "韩": "韩国", "朝": "朝鲜", "越": "越南", "澳": "澳大利亚", "菲": "菲律宾", "泰": "泰国",
                  "蒙": "蒙古", "印": "印度", "加": "加拿大", "意": "意大利", "埃": "埃及", "土": "土耳其", "古": "古巴",
                  "沙": "沙特阿拉伯", "哈": "哈萨克斯坦", "缅": "缅甸", "柬": "柬埔寨"}
_ABBREVIATED_OFFICE = re.compile(r"^副?(?:" + "|".join(sorted(OFFICE_WORDS, key=len, reverse=True)) + ")$")


#: Abbreviations written with ``国`` after them only (以国总理: 以 alone is a preposition, 以总理身份).
_ABBREVIATIONS_WITH_GUO = {"以": "以色列"}


def _abbreviated(text: str, index: NameIndex) -> str | None:
    """The state an abbreviation right before a bare office names (``德总理``, ``以国总理``)."""
    size = _abbreviation_length(text)
    state = _ABBREVIATIONS.get(text[:1]) if size == 1 else _ABBREVIATIONS_WITH_GUO.get(text[:1])
    return index.key(state) if state and index.is_state(state) and _ABBREVIATED_OFFICE.match(text[size:]) else None


def shortened_from(office: str, offices: Iterable[str]) -> str | None:
    """The office of ``offices`` that ``office`` writes with its state cut to its first character, as
    a headline writes a state no custom abbreviates (``叙总统`` of ``叙利亚总统``, ``丙总统`` of
    ``丙利亚总统``): the same office, whose key is the full one's. A customary abbreviation (``美总统``,
    ``德总理``) :func:`_abbreviated` reads wherever it is written, and :func:`office_key` keys it as
    the full office already; this one is read only beside the full office the article gives.

    >>> shortened_from("叙总统", ["叙总统", "叙利亚总统", "总统"])
    '叙利亚总统'
    """
    return next((full for full in offices
                 if 3 <= len(office) < len(full) and office[0] == full[0] and full.endswith(office[1:])), None)


def central_committees_from(office: str, offices: Iterable[str]) -> str | None:
    """The office of ``offices`` that ``office`` writes without the party's central committee (``甲共总书记``
    of ``甲共中央总书记``, ``甲党主席`` of ``甲党中央主席``): a party's leader is its central committee's, and
    the shorter form, a headline's, names the same office.

    >>> central_committees_from("甲共总书记", ["甲共总书记", "甲共中央总书记"])
    '甲共中央总书记'
    """
    return next((full for full in offices if _CENTRAL.sub("", full, count=1) == office != full), None)


#: The central committee written between a party's name and its office (甲共中央总书记, 甲党中央委员会主席).
_CENTRAL = re.compile(r"(?<=[共党])中央(?:委员会)?(?=" + "|".join(sorted(OFFICE_WORDS, key=len, reverse=True)) + r")")


def _abbreviation_length(text: str) -> int:
    """How many characters an abbreviation of a state at the start of ``text`` may take (以国: 2)."""
    return 2 if text[:1] in _ABBREVIATIONS_WITH_GUO and text[1:2] == "国" else 1


def _state_length(text: str, index: NameIndex) -> int:
    """How many characters of ``text`` a state's name takes at its start (0: none)."""
    return next((size for size in range(min(len(text) - 1, 12), 1, -1) if index.is_state(text[:size])),
                _abbreviation_length(text) if _abbreviated(text, index) else 0)


#: Offices only one state has, so that the bare word names it (明仁天皇: Japan's monarch).
_ONE_STATES_OFFICES = {"天皇": "日本"}


def _state_prefix(text: str, index: NameIndex) -> str | None:
    for size in range(min(len(text) - 1, 12), 1, -1):
        if index.is_state(text[:size]):
            return index.key(text[:size])
    if abbreviated := _abbreviated(text, index):
        return abbreviated
    for body, state in _BODIES:
        if text.startswith(body) and len(text) > len(body) and index.is_state(state):
            return index.key(state)
    state = _ONE_STATES_OFFICES.get(text)
    return index.key(state) if state and index.is_state(state) else None


#: The key of the office a holder's office word names (教宗, 教皇: the pope's), apart from the word: the text
#: writes the word alone for its holder too (``教宗接受了邀请``), which makes the word a person's name, and
#: a name is one entity's. The office is labelled with the word (:data:`HOLDERS_OFFICES`).
HOLDERS_OFFICE = "罗马教宗"


def office_key(title: Title, index: NameIndex) -> str:
    """A script- and variant-neutral name for an office: the state's full name, then the office.

    A party's office keeps the party's name as written (朝鲜劳动党总书记). The state's
    chairman written ``国家主席`` after the state's name is its ``主席`` (甲国国家主席 is
    甲国主席, as 中华人民共和国主席 is called 中国国家主席). A holder's office (教宗, 教皇) is
    :data:`HOLDERS_OFFICE`, apart from the word, which the text also writes alone for its holder.
    """
    if title.text in HOLDERS_OFFICES:
        return HOLDERS_OFFICE
    if title.state is None:
        return index.normal(title.text)
    for size in range(min(len(title.text) - 1, 12), 1, -1):
        if index.is_state(title.text[:size]) and "党" not in title.text[size:]:
            return title.state + _governments(title.state, _STATES_CHAIR.sub("", index.normal(title.text[size:])))
    if _abbreviated(title.text, index):
        return title.state + _governments(title.state, index.normal(title.text[_abbreviation_length(title.text):]))
    return index.normal(title.text)


#: States whose head of government is its government body's, which the state's name and the bare word name too
#: (中国总理: the premier of the State Council, 中华人民共和国国务院总理).
_GOVERNMENTS_BODIES = {"中华人民共和国": "国务院"}


def _governments(state: str, office: str) -> str:
    """``office`` within ``state``, the bare head of government's word (总理, 副总理) given the body whose it is."""
    body = _GOVERNMENTS_BODIES.get(state)
    return body + office if body and office in ("总理", "副总理") else office


#: A body of a state whose office its name with the office word names by itself (国防委员会委员长, 部长会议主席),
#: the head of a state's government written with the government's name (国务院总理, 政务院总理, 政府总理, 联邦总理), and
#: the state's chair written 国家主席 after the state's name (甲国国家主席: 国家主席 within the state).
_A_BODYS_OFFICE = re.compile(r"^(?:[^党]{2,10}(?:委员会|会议)(?:" + "|".join(OFFICE_WORDS) + r")|(?:国务院|政务院|政府|联邦)副?总理"
                             r"|国家副?主席)$")


def office_of_a_body(title: Title, index: NameIndex) -> str | None:
    """The office of a state's body without the state's name before it (``甲国国防委员会委员长``:
    ``国防委员会委员长``), as the text writes it after the state (``甲国[[某委员会|国防委员会委员长]]``);
    ``None`` for a state's office that needs the state (甲国总统) or a party's (某党委员会总书记)."""
    size = _state_length(title.text, index) if title.state is not None else 0
    rest = title.text[size:]
    return rest if size and _A_BODYS_OFFICE.match(rest) else None


#: ``国家`` before the chair of a state (国家主席, 国家副主席) after the state's own name.
_STATES_CHAIR = re.compile(r"^国家(?=副?主席$)")


#: One office written for the two or three who hold it at once (两国总理, 双方总统, 三国总统, 中俄总理,
#: 中日两国首相): a clause's subject (会后两国总理签署), or what the meeting they hold is of
#: (举行中俄总理定期会晤), not a verb's object (见证两国总理签署) nor a list's member.
_JOINT_OFFICE = re.compile(r"(?:(?P<two>两国|双方)|(?P<three>三国)|(?P<states>[" + "".join(_ABBREVIATIONS) + r"]{2,3})"
                           r"(?:两国|三国)?)(?P<office>总理|首相|总统|国王)(?![府办夫])")
_JOINT_NOT_HOLDERS = re.compile(r"(?:见证|会见|接见|出席|陪同|宴请|欢迎|邀请|会同|致电|致函|转达|问候|[与同和及、的向对给为])$")


@dataclass(frozen=True)
class JointOffice:
    title: Title  # the bare office word
    holders: int  # how many hold it (两国: 2)


def joint_offices(hans: str) -> tuple[JointOffice, ...]:
    """The offices ``hans`` writes for several holders at once (``会后两国总理签署了联合公报``)."""
    out = []
    for match in _JOINT_OFFICE.finditer(hans):
        if _JOINT_NOT_HOLDERS.search(hans, max(0, match.start() - 2), match.start()):
            continue
        states = match["states"]
        if states and len(set(states)) != len(states):
            continue
        holders = 2 if match["two"] else 3 if match["three"] else len(states)
        title = Title(match["office"], match.start("office"), match.end(), None)
        out.append(JointOffice(title, holders))
    return tuple(out)
