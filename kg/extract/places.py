"""How zh.wikipedia writes where something is: a venue chain, big to small, out of an
infobox field, a table cell or a clause of prose.

- Names are written big to small, one after another: ``美国[[旧金山]]斐洛里庄园`` is the
  estate in San Francisco in the United States; plain text before the first link counts
  when it is a state or a known place.
- A plain tail after the last link is a place of its own inside the link when it has a
  name of its own (``[[人民大会堂]]福建厅``: the Fujian Hall in the Great Hall); a bare
  kind of building makes one name with the link, inside it (``[[贝努维尔]]城堡``), or
  instead of a state (``[[苏联]]大使馆``); a side or a direction (``[[某村]]北侧``) is no
  place at all.
- A table's 国家 column names one country per row: its link, else its flag.
- In prose, a meeting's place is the ``在/于 … 举行`` (会晤, 会见 …) phrase in its date's own
  stretch of the sentence, up to where a topic or a partner begins (``在戴维营就德国问题``),
  without owners or gatherings (``属于阿迦汗的``, ``二十国集团峰会期间``, what is attended there:
  ``在某都出席[[某城合作组织]]成员国会议期间``); a visit phrase
  (``回访美国``, ``赴印度金奈，出席…会晤``) gives the place, or the state holding it.
- A venue is often written without a link after the last place of the phrase
  (``在美国[[旧金山]]斐洛里庄园``, ``[[乌兰乌德]]郊外的索斯诺维博尔军事基地``, ``克劳福德的布什
  私人牧场``): a plain name ending as venues do is the venue, inside that place; not when the
  phrase is a ceremony's (``在人民大会堂北大厅举行欢迎仪式``) or the name a count (一处山顶城堡); a
  hospital or a study is one (``在[[莫斯科]]中央门诊医院``, ``在[[中南海]]游泳池书房``). A name in
  quotes after the kind of place it is (``[[长门市]]的温泉旅馆「大谷山庄」``) is the venue, in the
  chain; a person's own (``在普京的总统官邸与其会谈``) is the residence, not the person or his
  state (but ``在甲城出席张三的就职典礼后``: no place of his).
- Words that keep a chain one: a city's own suffix (``[[广州]]市``), a region's (``[[布列塔尼]]地区的
  港口城市[[圣马洛]]``), another name in brackets
  (``符拉迪沃斯托克（海参崴）``), ``首府``, ``首都``, ``住所``, an office holder's residence
  (``[[某都]]总统官邸[[某宫]]``), ``岛上的``, ``港湾的``, sides. In a place field, a venue after a
  plain town and its side (``[[滨海边疆区]]某城附近某休养地``) lies in the last link.
- ``会谈地点为X`` says the meeting's place as such; a leader who goes on from one place to
  another (``飞抵釜山，随后前往…峰会举办地庆州，在…会晤``) meets at the last stop before the
  meeting; a lead that dates its place to the day gives it to that day's meeting only.
- A summit held during a visit the text dates to the day (``于1997年10月26日至11月3日对美国进行的
  国事访问``, ``…访华``, ``开始对印度的非正式访问``), in the lead or any later sentence, or on
  the day a visit begins, lies in the visited state, when its chain names none, one state alone
  is visited then and the visitor is one of its participants; in a table's row only a visit
  written out with the state's name (``国事访问印度``: a row's ``莫迪访华`` is the name the row
  gives its visit, as a title is); not from a linked title, a tour of several states or a visit
  that ends (``结束对美国的访问后``).
- A summit of several days placed only in the state visited was held where the article's own
  account tells its talks on one of its days (``=== 5月7日 ===`` ``…随后甲在某城某官邸同乙举行
  正式会谈``): that place, inside the state. A visit invited or planned (``邀请乙于秋季访日``) is
  no visit made; one made at an invitation (``应甲邀请访日``) is.
- Meetings told one a list item after a sentence that says where they all were held
  (``在[[人民大会堂]]分别同四国元首举行会谈：`` ``* 甲国：5月29日下午，…同张三举行会谈。``) were held
  there, when their own sentences place them nowhere.
- A tour told a state a section (``== 沙特阿拉伯 ==``): a summit of that section placed in no state
  lies in it (not under a section of reactions: ``== 反应 ==`` ``=== 朝鲜 ===``).
- A meeting held during a gathering (``在峰会期间``, ``…会议在[[某城]]开幕，当天甲与乙举行会谈``)
  that has no place of its own was held where its paragraph says the gathering was.
- A stop somewhere and the meeting held during it (``在[[某城]]停留七小时，同乙会谈``), or a gathering
  there and the meeting held on its occasion (``在[[某湖]]利用八国峰会之机，与乙举行会谈``), is a held-at
  phrase of that place, unless the meeting's clause names its own (``同乙在某镇会谈``); a place said
  of an earlier time (``再次令人想起七年前在[[某国]]的首次会面``) is that meeting's.
- Where leaders sign or begin their talks is where they meet (``在[[巴黎]]签署了…条约``, ``在[[塔什干]]
  展开谈判``, ``前往[[某都]]，与乙签署《…》``), when the sentence gives no place of the talks themselves (``在莫斯科举行峰会，并于31日
  在大克里姆林宫签署…``: Moscow); not a document described by where it was signed (``在上海签署的
  《上海公报》``).
- A ceremony said to be held somewhere (``纪念仪式在…宝剑海滩举行``) gives no meeting its place;
  a 于 of a date does not swallow the 在 of the place (``于…由…在平壤会面``).
- The one summit an article tells of, placed by its lead only in a state (``在马耳他召开``), was
  held where an undated sentence says the summit itself was (``峰会最终在停泊于瓦莱塔港湾的高尔基号
  上举行``), inside that state.
- A partner with a long title does not hide the place: ``在…基地与俄罗斯总统…会晤`` ends the
  place at the first 与 that is no character of a name.
- Where a treaty's infobox says it was signed (``location_signed = [[法国]][[巴黎]][[爱丽舍宫]]``)
  is the venue of the summit of its day, when the text places that summit nowhere else or at a
  place of that chain (read with the box, in :mod:`kg.extract.documents`).
- A town's meeting whose talks follow a welcome ceremony with no place of their own
  (``当天下午，乙在[[某府]]为甲举行欢迎仪式，随后两人举行会谈``, also after what the ceremony holds:
  ``…举行仪式，欢迎甲访华，鸣礼炮21响。欢迎仪式后，两人举行会谈``) was held where the ceremony was.
- A site gone to holds the meeting of the next clause when that names no place of its own
  (``前往[[某城]]的[[某宫]]，与乙举行会谈``); a partner word that begins a venue's plain name
  (``在[[某都]]和平大厦会见乙``) does not end the place.
- A leader's lodging with no town of its own in the phrase (``在下榻的饭店会见乙``) names no venue:
  the meeting lies in the town the text puts it in.
- ``X位于A B C内`` puts X in C in B in A, and a place reached right after the town it lies in
  (``抵达某城[[某大厦]]``) lies in it; a place named after a city of the article lies in
  it (``天津迎宾馆``); a well-known venue the text does not place lies where the reference
  gazetteer (``kg/data/venues.tsv``) says, published as an inference; one the text puts only in
  a state (an infobox's venue and host country) lies in the gazetteer's city, in that state.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from kg.extract.dates import find_dates, find_year_months
from kg.extract.gazetteer import well_known_venues
from kg.extract.names import states
from kg.extract.narrative import ASIDE, told_after
from kg.extract.phrases import HELD_AT, PRESS_CONFERENCE
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans
from kg.extract.text import Sentence, Spot
from kg.model import EntityId, Inference, Kind, Label, Prop

#: Kinds of building or site: after a link they make one name with it (北京饭店, 苏联大使馆).
BARE_KINDS = ("饭店", "宾馆", "酒店", "大酒店", "大饭店", "国宾馆", "大使馆", "领事馆", "总领事馆", "使馆", "代表处",
              "机场", "国际机场", "大学", "车站", "火车站", "体育馆", "体育场", "会议中心", "会展中心", "国际会议中心",
              "大厦", "广场", "公园", "博物馆", "港", "市", "省", "州", "县", "区",
              "城堡", "古堡", "庄园", "别墅", "山庄", "度假村", "宫殿", "行宫", "教堂", "大教堂", "官邸", "总统府", "故居")
#: Sides and directions after a place: where in it, not a place of its own (某村北侧, 武汉市区).
SIDE_WORDS = re.compile(r"^(?:[东南西北]部?|[东南西北]侧|[东南西北]面|一侧|一方|方面|附近|周边|郊外|郊区|市区|市郊|市内|境内|"
                        r"城内|以[东南西北]|[东南西北]郊|之[东南西北]|内|上|外)$")
#: Between two places of a chain: nothing, 的, a side or a direction, a kind of place
#: (``某村南侧的某馆``, ``克里米亚南部城市雅尔塔``, ``金奈以南约60公里的滨海城镇马马拉普拉姆``,
#: ``[[乙国]]古城[[某城]]``).
_GAP_WORDS = (r"(?:[市省县区]|地区|大区)?"  # 广州市松园: the city's own suffix; 布列塔尼地区的港口城市圣马洛: the region's
              r"(?:[（(][^（()）]{1,20}[）)])?"  # 符拉迪沃斯托克（海参崴）俄罗斯岛: another name of the city
              r"(?:首府|首都|州府|省会|(?:总统|总理|首相|国王|女王|元首)?(?:住所|寓所|官邸|私邸)|港湾|港内|湾内)?"  # 布里亚特共和国首府乌兰乌德, 中南海住所菊香书屋, 巴西利亚总统官邸黎明宫
              r"(?:远东|[东南西北]部|[东南西北]侧|[东南西北]面|一侧|一方|方面|附近|郊外|郊区|市区|境内|城内|湖畔|河畔|江畔|海滨|海边|岛上|上"
              r"|以[东南西北](?:约?[0-9一二三四五六七八九十百]+(?:公里|千米|英里))?)?的?"
              r"(?:[\u4e00-\u9fff]{0,2}(?:城市|城镇|小镇|小城|古城|古都|名城|港口|村庄|山区|度假区|胜地))?[的之]?")
_CHAIN_GAP = re.compile("^" + _GAP_WORDS + "$")
_GAP_PREFIX = re.compile(_GAP_WORDS)
PLAIN_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


#: A venue written after a plain town and the side of it that it lies on (``[[滨海边疆区]]某城附近某休养地``).
_VENUE_LATER_IN_THE_TAIL = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:附近|郊外|郊区|近郊|以[东南西北])(?P<n>[\u4e00-\u9fff]{2,12})$")


def tail_place(reading: Reading, last: str, tail: str) -> tuple[str, bool] | None:
    """What a plain ``tail`` written right after the linked place ``last`` names.

    Returns ``(name, inside)``: ``inside`` when the name lies in the link: the tail's own
    (``福建厅``) or, for a bare kind of building, the one name it makes with the link
    (``贝努维尔城堡``, ``北京饭店``); not inside a state it makes one name with
    (``美国大使馆``, which replaces it); ``None`` when the tail is a side or a direction of
    the link (``北侧``) or not a name."""
    tail = tail.strip()
    later = _VENUE_LATER_IN_THE_TAIL.match(tail)
    if later is not None and later["n"].endswith(_TAIL_VENUE_ENDINGS) and not SIDE_WORDS.match(later["n"]):
        return later["n"], True  # [[某区]]某城附近某休养地: the venue, in the link
    if not tail or SIDE_WORDS.match(tail) or not PLAIN_PLACE.match(tail):
        return None
    if reading.index.is_state(last):
        return to_hans(last) + tail, False  # [[美国]]大使馆 is not in the United States
    if tail in BARE_KINDS:
        return to_hans(last) + tail, True  # [[贝努维尔]]城堡: the castle of Bénouville, in it
    return tail, True


def joins_chain(between: str) -> bool:
    """Whether the words between two places keep them one chain, the later inside the earlier
    (a kind of place before a name in quotes too: ``[[长门市]]的温泉旅馆「大谷山庄」``)."""
    between = between.strip()
    quoted = _KIND_THEN_QUOTE.search(between)
    if quoted is not None and quoted.group("k").endswith(_KINDS_BEFORE_A_NAME):
        between = between[:quoted.start()]
    return bool(_CHAIN_GAP.match(between))


def flag_of(name: str, state: str) -> bool:
    """Whether a flag before ``name`` is that name's own: the name is the state's, under
    another government or in another time (``{{flagicon|Germany}} [[…|德国苏占区]]``,
    ``{{flagicon|Morocco}} [[法属摩洛哥]]``), not a place inside the state."""
    row = next((r for r in states() if r[0] == state), ())
    return any(len(n) >= 2 and n != name and (name.startswith(n) or name.endswith(n)) for n in row)


def known_place(reading: Reading, name: str) -> bool:
    """A state, or a name the article uses as a place."""
    return reading.index.is_state(name) or reading.registry.is_a(name, Kind.PLACE, Kind.COUNTRY)


#: Words that end a locative phrase: what follows is the topic or the partner, not the place
#: (``在戴维营就德国问题进行会谈``, ``在某城与李四会面``), or the gathering attended there
#: (``在某都出席[[某城合作组织]]成员国会议期间与李四会面``: 某都).
_PHRASE_ENDS = re.compile(r"就|与|和|同|跟|对|为|向|把|将|由|以|关于|出席|参加|列席")


def held_at_chain(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The places of ``在/于 … 举行`` (会晤, 会见 …) that a meeting dated at ``at`` is held at.

    A sentence that tells of several events (``于2024年10月在喀山…会晤，2025年8月31日…在天津
    迎宾馆会见…``) gives each date the phrase in its own stretch: after the date before the
    next dated clause, else before it after the last dated clause. A phrase ends where a
    topic or a partner begins (就, 与 …)."""
    matches = [m for m in held_at_phrases(sentence) if not _of_a_ceremony(sentence, m) and not _of_another_time(sentence, m)]
    if at is not None:
        low, high = _own_stretch(sentence.hans, at, sentence.spots)
        own = [m for m in matches if low <= m.start() and m.end() <= high]
        matches = [m for m in own if m.end() > at] + [m for m in own if m.end() <= at][::-1]
    chains = [c for c in (_phrase_chain(reading, sentence, m) for m in matches if m.re is not SIGNED_AT) if c] \
        or [c for c in (_phrase_chain(reading, sentence, m) for m in matches) if c]  # 在某城会谈，并在某宫签署: the talks'
    if not chains:
        return ()
    chosen = chains[0]
    for other in chains[1:]:  # 于…在日内瓦举行，两人首日在日内瓦湖畔的丰泉宫会面: the finer one
        keys = [s.key for s in other]
        container = well_known_container(reading, other[0].key)  # 在北京会见…；当天下午…在人民大会堂
        if chosen[-1].key in keys[:-1] or container is not None and reading.index.key(container) == chosen[-1].key:
            chosen = other
    return chosen


#: A ceremony or a show said to be held somewhere (``纪念仪式在…宝剑海滩举行``): its place, not a meeting's.
_CEREMONY_SUBJECT = re.compile(r"(?:仪式|典礼|庆典|纪念活动|阅兵式?|葬礼|国葬|开幕式|闭幕式|宴会|晚宴|国宴|招待会|欢迎会|音乐会|演出|展览)"
                               r"(?:也|则|将|已|均|随后|当天)?$")


#: Right before a held-at phrase, in its clause: a time before the one told (再次令人想起七年前在某地的首次会面).
_ANOTHER_TIME = re.compile(r"(?:[0-9一二三四五六七八九十两几数多]+年|多年|此|之|上次|上一次)前$|当年$|昔日$"
                           # 表示，今年6月两人在某城会晤: a month of this year or last, told back by a speaker; 两人曾在…
                           r"|(?:(?:今年|去年|前年)[0-9一二三四五六七八九十]{1,2}月(?:份|初|中旬|下旬|底)?|去年|前年|上个?月)"
                           r"[^，,；;在]{0,8}$|曾经?$")


def _of_another_time(sentence: Sentence, match: re.Match) -> bool:
    """Whether the held-at phrase is said of an earlier time than the sentence's
    (``…会谈，再次令人想起七年前在斯洛文尼亚的首次会面``, ``甲表示，今年6月两人在某城会晤``,
    ``两人曾在某城会面``): its place is that meeting's."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
    return bool(_ANOTHER_TIME.search(sentence.hans[clause_start:match.start()].rstrip("的")))


def _of_a_ceremony(sentence: Sentence, match: re.Match) -> bool:
    """Whether the held-at phrase's subject is a ceremony, not the meeting
    (``2014年6月6日，诺曼底登陆70周年国际纪念仪式在乌伊斯特勒昂的[[宝剑海滩]]举行``)."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
    return bool(_CEREMONY_SUBJECT.search(sentence.hans[clause_start:match.start()].strip()))


def meeting_chains(reading: Reading, sentence: Sentence) -> list[tuple[Spot, ...]]:
    """The place chain of every held-at phrase of a sentence, in order."""
    return [c for c in (_phrase_chain(reading, sentence, m) for m in held_at_phrases(sentence)) if c]


def _phrase_chain(reading: Reading, sentence: Sentence, match: re.Match) -> tuple[Spot, ...]:
    owned = _after_owner(reading, sentence, match)
    chain = tuple(s for s in phrase_spots(sentence, match) if reading.registry.is_a(s.surface, Kind.PLACE, Kind.COUNTRY)
                  and s.start >= owned)
    if _ceremony_follows(sentence, match):  # 在克里姆林宫[[乔治大厅]]为…举行欢迎仪式: the hall is the ceremony's,
        while len(chain) > 1 and chain[-1].hans.endswith(_ROOMS):  # the building holds the talks that follow
            chain = chain[:-1]
    tail = _plain_venue(reading, sentence, match, chain)
    if tail is None:
        return chain
    if chain and tail.start == chain[-1].start and reading.index.is_state(chain[-1].surface):
        return chain[:-1] + (tail,)  # [[美国]]大使馆: one name, not in the state
    return chain + (tail,)  # [[北京]]饭店 in 北京


def phrase_spots(sentence: Sentence, match: re.Match, reading: Reading | None = None) -> tuple[Spot, ...]:
    """The names of a held-at phrase that may be places: up to where a topic or a partner
    begins, not an owner (``属于阿迦汗的丰泉宫``: 阿迦汗 owns the villa), not a gathering
    (``汉堡二十国集团峰会期间``), not a name inside the plain name of a venue after 的
    (``克劳福德的布什私人牧场``: 布什 is no place); and, with ``reading``, the venue written
    plainly at the phrase's end (``美国[[旧金山]]斐洛里庄园``)."""
    start, end = _phrase_bounds(sentence, match)
    spots = tuple(s for s in sentence.spots_in(start, end) if not _OWNER.search(sentence.hans[start:s.start])
                  and not _GATHERING_AFTER.match(sentence.hans, s.end) and not _inside_plain_venue(sentence, s, end))
    if reading is None:
        return spots
    candidates = tuple(s for s in spots if not reading.registry.is_a(s.surface, Kind.PERSON))
    tail = _plain_venue(reading, sentence, match, candidates)
    return spots + (tail,) if tail is not None else spots


def _after_owner(reading: Reading, sentence: Sentence, match: re.Match) -> int:
    """Where a held-at phrase's place begins after the person who owns it (``在乙国总理[[李四]]的
    总统官邸``: the residence is the place; the owner, his office and his state are none)."""
    start, end = _phrase_bounds(sentence, match)
    owned = _PAREN_AFTER.sub("", sentence.hans[start:end]).rstrip()
    owners = [s.end + 1 for s in sentence.spots_in(start, end)
              if sentence.hans.startswith("的", s.end) and reading.registry.is_a(s.surface, Kind.PERSON)
              and _PLAIN_NAME.match(owned[s.end + 1 - start:]) and owned.endswith(VENUE_ENDINGS)]
    return max(owners, default=start)  # not 在某城出席张三的就职典礼后: no place of his


def _phrase_bounds(sentence: Sentence, match: re.Match) -> tuple[int, int]:
    start, end = match.start("w"), match.end("w")
    for stop in _PHRASE_ENDS.finditer(sentence.hans, start, end):
        if not any(s.start <= stop.start() < s.end for s in sentence.spots) \
                and not _begins_a_venue_name(sentence, stop.start(), end):
            end = stop.start()
            break
    return start, end


def _begins_a_venue_name(sentence: Sentence, at: int, end: int) -> bool:
    """Whether the word at ``at`` is the first character of a plain venue's name that runs to
    the phrase's end (``在[[某都]]和平大厦会见乙``: 和 begins 和平大厦, no partner after it)."""
    rest = sentence.hans[at:end]
    return bool(_PLAIN_NAME.match(rest)) and rest.endswith(VENUE_ENDINGS) \
        and not any(s.start < end and s.end > at for s in sentence.spots)


#: How the name of a venue ends: a plain name so ending, at the end of a held-at phrase, is
#: the venue even without a link (``斐洛里庄园``, ``东大厅``, ``索斯诺维博尔军事基地``, ``高尔基号``).
VENUE_ENDINGS = ("庄园", "山庄", "宫", "馆", "酒店", "饭店", "大厦", "广场", "中心", "别墅", "城堡", "古堡", "厅", "楼", "堂",
                 "园", "阁", "府", "殿", "基地", "营", "号", "室", "屋", "邸", "亭", "寺", "驿站", "农场", "牧场", "舰", "礼堂",
                 "驻地", "总部", "大学", "学院", "研究所", "医院", "书房")
_PLAIN_NAME = re.compile(r"^[\u4e00-\u9fff·‧・]{2,16}$")
#: How a venue written after a side of a town in a place field ends: as venues do, or as a resort.
_TAIL_VENUE_ENDINGS = VENUE_ENDINGS + ("休养地", "疗养地", "疗养院", "度假村", "度假区")
_PAREN_AFTER = re.compile(r"\s*[（(][^（()）]*[）)]\s*$")
#: A venue named in quotes after the kind of place it is (``温泉旅馆「大谷山庄」``, ``度假村“某湖山庄”``).
_KINDS_BEFORE_A_NAME = ("旅馆", "旅店", "饭馆", "餐厅", "酒家", "会所", "村") + VENUE_ENDINGS
_KIND_THEN_QUOTE = re.compile(r"(?P<k>[\u4e00-\u9fff]{1,8})[「『“‘\"]$")
_QUOTED_VENUE = re.compile(r"^(?P<k>[\u4e00-\u9fff]{1,8})[「『“‘\"](?P<n>[^「」『』“”‘’\"]{2,16})[」』”’\"]$")
#: A venue named in quotes before the kind of place it is (``比什凯克“某某”宾馆``, ``某城附近的“某某”疗养院``):
#: the quoted name and its kind make the venue's name.
_QUOTE_THEN_KIND = re.compile(r"^[「『“‘\"](?P<n>[^「」『』“”‘’\"]{2,16})[」』”’\"](?P<k>[\u4e00-\u9fff]{1,4})$")
#: Between a venue and the verb of its phrase: an adverb of the meeting (在某城某宾馆先举行小范围会晤), no part of the name.
_ADVERB_AFTER = re.compile(r"(?:首先|随即|随后|共同|正式|分别|单独|秘密|一同|先|再|又)$")
#: Not a name of its own: an embassy of one state in another (驻某国大使馆), a stand-in or a
#: count (其间, 该处, 一处山顶城堡, 某宾馆).
_NOT_OWN = re.compile(r"^(?:驻|其|该|此|这|那|某|[一两二三几数多][处座家间所个栋]|双方|两国|会谈|会晤|会议)")
#: What a ceremony, not a meeting, is held at.
_CEREMONY = re.compile(r"仪式|典礼|宴|欢迎")
#: Rooms of a building: where a ceremony in it is held.
_ROOMS = ("厅", "室", "草坪")


def _ceremony_follows(sentence: Sentence, match: re.Match) -> bool:
    """Whether what the phrase says is held there is a ceremony (``在…为张三举行欢迎仪式``)."""
    end = _phrase_bounds(sentence, match)[1]
    stop = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence.hans, end)), len(sentence.hans))
    return bool(_CEREMONY.search(sentence.hans, end, stop))


def _plain_venue(reading: Reading, sentence: Sentence, match: re.Match, chain: tuple[Spot, ...]) -> Spot | None:
    """The venue written without a link at the end of a held-at phrase: after the last place
    of ``chain`` and the words that join a chain (``美国[[旧金山]]斐洛里庄园``,
    ``[[乌兰乌德]]郊外的索斯诺维博尔军事基地``, ``克劳福德的布什私人牧场``), a name that ends as a
    venue does. A bare kind of building right after a place makes one name with it (北京饭店)."""
    start, end = _phrase_bounds(sentence, match)
    if _ceremony_follows(sentence, match):
        return None  # 在人民大会堂北大厅举行欢迎仪式: the hall is the ceremony's, not the talks'
    start = _after_owner(reading, sentence, match)
    words = _ADVERB_AFTER.sub("", _PAREN_AFTER.sub("", sentence.hans[start:end]))
    end = start + len(words.rstrip())
    last = chain[-1] if chain else None
    if last is not None and last.end >= end:
        return None
    begin = last.end if last is not None else start
    gap = _GAP_PREFIX.match(sentence.hans, begin, end).group() if last is not None else ""
    at = begin + len(gap)
    name = sentence.hans[at:end]
    quoted = _QUOTED_VENUE.match(name)
    if quoted is not None and quoted["k"].endswith(_KINDS_BEFORE_A_NAME):  # 温泉旅馆「大谷山庄」: the name in quotes
        at, end = at + quoted.start("n"), at + quoted.end("n")
        name = quoted["n"]
        if not _PLAIN_NAME.match(name) or _NOT_OWN.match(name) \
                or any(s.start < end and s.end > at and (s.start, s.end) != (at, end) for s in sentence.spots):
            return None
        surface = sentence.text[at:end]
        return Spot(at, end, reading.index.key(surface), surface, name, None)
    kind_after = _QUOTE_THEN_KIND.match(name)
    if kind_after is not None and kind_after["k"].endswith(_KINDS_BEFORE_A_NAME + _TAIL_VENUE_ENDINGS) \
            and _PLAIN_NAME.match(kind_after["n"]) and not _NOT_OWN.match(kind_after["n"]) \
            and not any(s.start < end and s.end > at for s in sentence.spots):
        surface = sentence.text[at:end]  # “某某”宾馆: the quoted name with its kind
        return Spot(at, end, reading.index.key(surface), surface, name, None)
    if not _PLAIN_NAME.match(name) or SIDE_WORDS.match(name) or _NOT_OWN.match(name) \
            or not any(name.endswith(e) and len(name) > len(e) for e in VENUE_ENDINGS):
        return None  # 霍利布希的书房: a bare kind of room names no venue of its own
    if any(s.start < end and s.end > at and (s.start < at or reading.index.is_state(s.surface)) for s in sentence.spots):
        return None  # the name runs into a linked name or holds a state: not one plain name
    if last is not None and not gap and name in BARE_KINDS:
        at = last.start  # [[贝努维尔]]城堡: one name, in the place it is named after
    surface = sentence.text[at:end]
    return Spot(at, end, reading.index.key(surface), surface, sentence.hans[at:end], None)


#: Where a leader stays (下榻的饭店, 下榻饭店, 下榻处), before the kind of place it is.
_LODGING = re.compile(r"^下榻(?:的|之)?")


def _unnamed_lodging(name: str) -> bool:
    """Whether a plain name is only the lodging of a leader and its kind (``下榻的饭店``,
    ``下榻饭店``, ``下榻处``), not a name of its own (``下榻的锦绣山迎宾馆``)."""
    lodging = _LODGING.match(name)
    return lodging is not None and name[lodging.end():] in BARE_KINDS + ("", "处", "地")


#: A held-at phrase that is only a leader's lodging, with no town of its own (在下榻的饭店会见乙).
_AT_THE_LODGING = re.compile(r"在(?:其|他|她)?下榻(?:的|之)?(?:饭店|酒店|宾馆|处)")


def lodging_gives_way_to_its_town(reading: Reading) -> None:
    """A venue that only says where a leader stays, its phrase naming no town (``当晚，甲在下榻的
    饭店会见乙``, not ``在某城下榻饭店``), names no place: the summit was held in the one town
    the text puts that lodging in (``抵达某城`` before it), else no more precisely than the rest
    of its chain (one article's lodgings, one name for hotels in several towns, are no one place)."""
    registry = reading.registry
    for fact in list(registry.facts_of(Prop.VENUE)):
        lodging = fact.value
        if not isinstance(lodging, EntityId) or not _unnamed_lodging(to_hans(lodging.key)) \
                or not any(_AT_THE_LODGING.search(to_hans(e.text)) for e in fact.evidence):
            continue
        towns = [v for v in registry.facts_about(lodging, Prop.LOCATED_IN) if isinstance(v, EntityId)]
        registry.drop_one(fact.subject, Prop.VENUE, lodging)
        if len(towns) == 1 and not registry.has_fact(fact.subject, Prop.VENUE):
            registry.fact(fact.subject, Prop.VENUE, towns[0], evidence=fact.evidence)


def _inside_plain_venue(sentence: Sentence, spot: Spot, end: int) -> bool:
    """``的布什私人牧场``: a plain name after 的 that runs on, plainly, into a venue's name is part of it."""
    if spot.link is not None or not sentence.hans[:spot.start].endswith("的"):
        return False
    rest = _PAREN_AFTER.sub("", sentence.hans[spot.end:end]).rstrip()
    return bool(rest) and bool(_PLAIN_NAME.match(sentence.hans[spot.start:spot.end] + rest)) \
        and rest.endswith(VENUE_ENDINGS) and not rest[0] in "市省县区州" \
        and not any(s.start >= spot.end and s.start < spot.end + len(rest) for s in sentence.spots)


_OWNER = re.compile(r"(?:属于|归属|所属)$")
#: After a name: the name is of a gathering or a body (二十国集团峰会期间), not of a place.
_GATHERING_AFTER = re.compile(r"(?:领导人)?(?:峰会|会议|论坛|年会|大会|首脑会议|非正式会议)")
#: After a body's name: its seat (``[[某联盟]]总部``, ``某组织秘书处``).
_SEAT_AFTER = re.compile(r"总部|秘书处")


def _in_a_name(sentence: Sentence) -> set[int]:
    """Where in the sentence a spotted name stands."""
    return {at for spot in sentence.spots for at in range(spot.start, spot.end)}


def held_at_phrases(sentence: Sentence) -> list[re.Match]:
    """Every ``在/于 … 举行`` whose 在 or 于 is a word of its own, not a character of a name
    (朴在先, 金于…), every ``前往 … 会见``, every ``会谈地点为…`` and every ``在 … 签署``."""
    out: list[re.Match] = []
    end = 0
    in_a_name = _in_a_name(sentence)
    for at in _phrase_starts(sentence.hans):
        if at < end or at in in_a_name:
            continue
        if sentence.hans[at] in "在于":
            match = HELD_AT.match(sentence.hans, at) or _held_with(sentence, at)
            if match and PRESS_CONFERENCE.match(sentence.hans, match.end()):
                continue  # 在某使馆举行记者会: where they spoke to the press, not where they met
            if match and sentence.hans[at] == "于" and any(
                    sentence.hans[i] == "在" and i not in in_a_name
                    for i in range(match.start("w"), match.end("w"))):
                continue  # 于2000年6月13日由…在平壤会面: the 在 says where, the 于 when
        else:
            match = _GONE_TO_MEET.match(sentence.hans, at) or _GONE_THEN_MET.match(sentence.hans, at) \
                or _PLACE_OF_MEETING.match(sentence.hans, at)
        if match is None and sentence.hans[at] == "在":
            match = _STAYED_TO_MEET.match(sentence.hans, at) or SIGNED_AT.match(sentence.hans, at)
        if match:
            out.append(match)
            end = match.end()
    return out


def _phrase_starts(hans: str) -> list[int]:
    """Where a phrase :func:`held_at_phrases` reads may start, in order: each 在 and 于, and where
    :data:`_GONE_TO_MEET`, :data:`_GONE_THEN_MET` or :data:`_PLACE_OF_MEETING` matches (found by searching on, not
    by trying both at every character)."""
    starts = {match.start() for match in _AT_OR_ON.finditer(hans)}
    for pattern in (_GONE_TO_MEET, _GONE_THEN_MET, _PLACE_OF_MEETING):
        match = pattern.search(hans)
        while match is not None:
            starts.add(match.start())
            match = pattern.search(hans, match.start() + 1)
    return sorted(starts)


_AT_OR_ON = re.compile("[在于]")


#: ``会谈地点为远东联邦大学的体育楼``: the place of the meeting, said as such.
_PLACE_OF_MEETING = re.compile(r"(?:会谈|会晤|会面|会见|峰会|首脑会议)的?(?:地点|地址|场地|会场|场所)(?:为|是|设在|选在|定在|在)"
                               r"(?P<w>[^，。；,]{1,40})")


#: ``在某地与某人会晤``, the partner's names and offices long: the place ends where the partner begins.
_PARTNER_WORD = re.compile(r"(?:分别|先后)?(?:与|同|和|跟)")  # 在某宾馆分别同甲、乙会谈: several partners
_PARTNER_THEN_MEETING = re.compile(r"[^，。；,]{1,90}?(?:举行|会晤|会谈|会面|会见)")


def _held_with(sentence: Sentence, at: int) -> re.Match | None:
    """``在[[布里亚特共和国]]首府[[乌兰乌德]]郊外的…基地与俄罗斯总统[[德米特里·梅德韦杰夫]]会晤``:
    a held-at phrase too long for :data:`HELD_AT` because of who is met: its place part ends
    at the first 与 (同, 和) that is no character of a name (共和国, 和平饭店)."""
    hans = sentence.hans
    for word in _PARTNER_WORD.finditer(hans, at + 2, min(len(hans), at + 42)):
        if any(c in "，。；," for c in hans[at:word.start()]):
            return None
        if any(s.start <= word.start() < s.end for s in sentence.spots):
            continue
        if not _PARTNER_THEN_MEETING.match(hans, word.end()):
            return None
        return _held_with_pattern(word.start() - at - 1).match(hans, at)
    return None


@lru_cache(maxsize=64)
def _held_with_pattern(size: int) -> re.Pattern:
    return re.compile(r"(?:在|于)(?P<w>.{%d})" % size)


#: ``在巴黎停留七小时，同某国总统某会谈``: a stop somewhere, and the meeting held during it.
#: So is a gathering there, and the meeting held on its occasion (在某湖利用八国峰会之机，与乙举行会谈).
_STAYED_TO_MEET = re.compile(r"在(?P<w>[^，。；,在]{1,20}?)(?:(?:短暂)?(?:停留|逗留|停靠)[^，。；,]{0,12}"
                             r"|(?:利用|借|趁|出席|参加)[^，。；,在]{1,20}?(?:之机|之际|期间|间隙))[，,](?:并|随后|其间|期间)?"
                             r"(?:同|与|和|跟)[^，。；,在]{1,30}?(?:会谈|会晤|会见|会面)")  # not 同乙在某镇会谈: its own place
#: ``在巴黎签署了《某条约》``, ``在塔什干展开谈判``: leaders sign or begin their talks there; not a
#: document described by where it was signed (``在上海签署的《上海公报》``, an earlier one).
SIGNED_AT = re.compile(r"在(?P<w>[^，。；,在]{1,24}?)(?:共同|正式|同时)?(?:签署|签订|签字|展开(?:会谈|谈判)|开始(?:会谈|谈判))"
                        r"(?!的|仪式)")
#: ``前往白宫会见奥巴马``: gone to a place to meet someone there.
_GONE_TO_MEET = re.compile(r"(?:前往|赴|到访|来到|抵达)(?P<w>[^，。；,、]{1,20}?)(?:会见|会晤|会谈|会面|举行会谈|举行会晤)")
#: Going to a site and, in the next clause, meeting the partner with no place of its own
#: (``抵达[[某府]]，与乙国总理李四举行会谈``, ``前往某城的[[某宫]]，同李四会晤``): the site is the place.
_GONE_THEN_MET = re.compile(r"(?:前往|来到|抵达|到达)(?P<w>[^，。；,、]{1,20}?)[，,](?:随后|随即|即)?(?:与|同|跟)"
                            r"[^，。；,在]{1,40}?(?:会见|会晤|会谈|会面)")


def said_of_other_days(clause: Sentence, upto: int, when: date) -> bool:
    """Whether the dates with a day that a clause gives before ``upto`` (its held-at phrase)
    all leave out ``when``: ``于2017年7月7日在德国汉堡举行`` says where the meeting of 7 July
    was, not where the one of 8 July was."""
    days = find_dates(clause.hans[:upto], year=when.year)
    return bool(days) and not any(d.start <= when <= d.end for d in days)


def _own_stretch(hans: str, at: int, names: tuple[Spot, ...] = ()) -> tuple[int, int]:
    """From the end of the clause of the date before ``at`` to the start of the clause of the
    date after it (dates with a day, and months of a year); a year that begins one of the
    sentence's ``names`` is no date of it (``…举行会晤（[[2025年某峰会]]）``: the event's name)."""
    marks = sorted(mark for mark in {d.at for d in find_dates(hans)} | {m.at for m in find_year_months(hans)}
                   if not any(s.start <= mark < s.end for s in names))
    clause_starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(hans)]
    clause_ends = [m.start() for m in _CLAUSE_BREAK.finditer(hans)] + [len(hans)]
    earlier = [m for m in marks if m < at]
    later = [m for m in marks if m > at]
    low = min((e for e in clause_ends if e >= earlier[-1]), default=0) if earlier else 0
    high = max((s for s in clause_starts if s <= later[0]), default=len(hans)) if later else len(hans)
    return low, max(high, at)


_CLAUSE_BREAK = re.compile(r"[，,；;。]")


#: After a city's name, what makes a name of the city itself, not of a place in it.
_ADMIN_SUFFIX = re.compile(r"^(?:市|省|州|县|区|邦|特区|地区|都|府|市区|国)$")


def contain_by_name(reading: Reading) -> None:
    """A place whose name begins with the name of another place of the article, not a state,
    lies in it when nothing else says where it lies: ``天津迎宾馆`` in 天津, ``武汉东湖宾馆`` in
    武汉 (not ``华盛顿州`` in 华盛顿: an administrative suffix names the bigger place); an
    embassy lies in the state its name says it is in (see :func:`_missions_in_their_state`).
    A place whose name begins with the name of the place it lies in is also called without it
    (``某都国际会议中心`` in 某都 is ``国际会议中心`` too): a text, most often a table's cell,
    writes the town before a venue's own name."""
    _missions_in_their_state(reading)
    registry = reading.registry
    keys = registry.keys_of(Kind.PLACE)
    for key in keys:
        place = EntityId(Kind.PLACE, key)
        if registry.has_fact(place, Prop.LOCATED_IN):
            continue
        heads = [k for k in keys if k != key and key.startswith(k) and len(k) >= 2
                 and not _ADMIN_SUFFIX.match(key[len(k):]) and not reading.index.is_state(k)]
        said = [f.evidence for f in registry.facts_with((Prop.VENUE, Prop.LOCATED_IN), key) if f.evidence]
        if heads and said:
            registry.fact(place, Prop.LOCATED_IN, EntityId(Kind.PLACE, max(heads, key=len)), evidence=said[0])
    for key in keys:
        place = EntityId(Kind.PLACE, key)
        for outer in registry.facts_about(place, Prop.LOCATED_IN):
            town = outer.key if isinstance(outer, EntityId) else ""
            town = town if key.startswith(town) else town[:-1] if town.endswith(("市", "省")) else ""  # 海南三亚… in 海南省
            own = key[len(town):] if town and key.startswith(town) else ""
            if len(own) >= 2 and PLAIN_PLACE.match(own) and not SIDE_WORDS.match(own) and not _ADMIN_SUFFIX.match(own):
                registry.label(place, Label(own, script_of(own)))


#: A mission named for the state it is in (甲国驻乙国大使馆): 乙国 holds it.
_MISSION_IN = re.compile(r"驻(?P<s>[\u4e00-\u9fff]{2,12}?)(?:大使馆|总领事馆|领事馆|使馆|代表处)$")


def _missions_in_their_state(reading: Reading) -> None:
    """An embassy the text places nowhere lies in the state its name says it is in
    (``甲国驻乙国大使馆``), in the one town of that state the article places anything in (the
    lead's ``在乙国首都某城举行``), else in the state itself."""
    registry = reading.registry
    for key in registry.keys_of(Kind.PLACE):
        place = EntityId(Kind.PLACE, key)
        mission = _MISSION_IN.search(to_hans(key))
        said = [f.evidence for f in registry.facts_with((Prop.VENUE,), key) if f.evidence]
        if mission is None or not said or registry.has_fact(place, Prop.LOCATED_IN) \
                or not reading.index.is_state(mission["s"]):
            continue
        state = reading.index.key(mission["s"])
        towns = {f.subject: f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state)
                 if f.subject.kind is Kind.PLACE and f.subject != place}
        if len(towns) == 1:  # 在乙国首都某城举行: the embassy is in that town
            (town, placed), = towns.items()
            registry.fact(place, Prop.LOCATED_IN, town, evidence=tuple(dict.fromkeys(said[0] + tuple(placed))))
        else:
            registry.fact(place, Prop.LOCATED_IN, registry.named(Kind.COUNTRY, state), evidence=said[0])


_LIES = re.compile(r"位于")


def read_where_things_lie(reading: Reading) -> None:
    """``X位于美国马里兰州弗雷德里克县凯托克廷山公园内``: the places after 位于 are a chain, big
    to small, and X lies in the last; X is the name before 位于 in its clause, or the article's
    own subject when its lead sentence says where it lies (``是位于…的Y`` says where Y lies, not X)."""
    registry = reading.registry
    title = reading.index.key(reading.document.title or "")
    for sentence in reading.all_sentences():
        _read_the_stop_reached(reading, sentence)
        _read_the_state_held_in(reading, sentence)
        for lies in _LIES.finditer(sentence.hans):
            chain = _chain_from(reading, sentence, lies.end())
            if not chain:
                continue
            subject = None if sentence.hans[:lies.start()].endswith("是") else _lying(reading, sentence, lies.start(), title)
            evidence = (sentence.evidence(),)
            places = [registry.named(Kind.COUNTRY if reading.index.is_state(s.surface) else Kind.PLACE, s.surface,
                                     article=s.link.link.target if s.link else None) for s in chain]
            if subject is not None:
                places.append(registry.named(Kind.PLACE, subject.surface,
                                             article=subject.link.link.target if subject.link else None))
            for outer, inner in zip(places, places[1:]):
                if inner.kind is Kind.PLACE and outer != inner:
                    registry.fact(inner, Prop.LOCATED_IN, outer, evidence=evidence)


#: Right before the place a leader goes to or reaches.
_REACHES = re.compile(r"(?:抵达|飞抵|到达|来到|前往|转往|转赴|赴)$")


def _read_the_stop_reached(reading: Reading, sentence: Sentence) -> None:
    """``乘车抵达贝尔格莱德[[塞尔维亚大厦]]``: a place reached, written right after the town or the
    state it lies in, lies in it (big to small, as a held-at phrase's chain)."""
    registry = reading.registry
    for outer, inner in zip(sentence.spots, sentence.spots[1:]):
        if not _REACHES.search(sentence.hans, 0, outer.start) or not joins_chain(sentence.hans[outer.end:inner.start]) \
                or reading.index.is_state(inner.surface) or not registry.is_a(inner.surface, Kind.PLACE) \
                or not (reading.index.is_state(outer.surface) or registry.is_a(outer.surface, Kind.PLACE, Kind.COUNTRY)):
            continue
        kind = Kind.COUNTRY if reading.index.is_state(outer.surface) else Kind.PLACE
        container = registry.named(kind, outer.surface, article=outer.link.link.target if outer.link else None)
        place = registry.named(Kind.PLACE, inner.surface, article=inner.link.link.target if inner.link else None)
        if place != container:
            registry.fact(place, Prop.LOCATED_IN, container, evidence=(sentence.evidence(),))


_AT = re.compile("在")


def _read_the_state_held_in(reading: Reading, sentence: Sentence) -> None:
    """``峰会在[[某国]][[某城]]举行``, ``在某国首都[[某都]]发表``: the town a held-at phrase writes right
    after its state lies in that state, in any sentence (a meeting the sentence does not tell as
    a summit's, or a table's row, is held in that town too); so does one after any 在 that says
    where something was done (``於…在伊朗首都[[德黑蘭]]發表的聯合聲明``)."""
    registry = reading.registry
    in_a_name = _in_a_name(sentence)
    after_at = [tuple(_chain_from(reading, sentence, at.end())) for at in _AT.finditer(sentence.hans)
                if at.start() not in in_a_name]
    for chain in meeting_chains(reading, sentence) + after_at:
        for outer, inner in zip(chain, chain[1:]):
            if not reading.index.is_state(outer.surface) or reading.index.is_state(inner.surface) \
                    or not joins_chain(sentence.hans[outer.end:inner.start]) or not registry.is_a(inner.surface, Kind.PLACE):
                continue
            state = registry.named(Kind.COUNTRY, outer.surface, article=outer.link.link.target if outer.link else None)
            town = registry.named(Kind.PLACE, inner.surface, article=inner.link.link.target if inner.link else None)
            registry.fact(town, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))


def _chain_from(reading: Reading, sentence: Sentence, at: int) -> list[Spot]:
    chain: list[Spot] = []
    cursor = at
    for spot in sentence.spots:
        if spot.start < cursor:
            continue
        gap = sentence.hans[cursor:spot.start]
        if (not chain and gap.strip() not in ("", "在")) or (chain and not joins_chain(gap)):
            break
        if registry_kind(reading, spot) not in (None, Kind.PLACE, Kind.COUNTRY):
            break
        chain.append(spot)
        cursor = spot.end
    return chain


def _lying(reading: Reading, sentence: Sentence, at: int, title: str) -> Spot | None:
    """What lies where 位于 says: the subject's name before it in the sentence, else the name
    nearest before it in its clause."""
    before = [s for s in sentence.spots if s.end <= at and registry_kind(reading, s) in (None, Kind.PLACE)
              and not reading.index.is_state(s.surface)]
    own = [s for s in before if s.key == title]
    if own:
        return own[0]
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.hans, 0, at)), default=0)
    near = [s for s in before if s.start >= clause_start]
    return near[-1] if near else None


def registry_kind(reading: Reading, spot: Spot) -> Kind | None:
    return reading.registry.kind_of(spot.surface)


def finer_venue(reading: Reading, venue: EntityId | None, said: list) -> EntityId | None:
    """The infobox's venue, or a place the prose says the same meeting was held at that lies
    inside it (an infobox's 北京 and the prose's 人民大会堂 in 北京): the most precise place."""
    if venue is None:
        return None
    for place in said:
        if isinstance(place, EntityId) and place != venue and lies_in(reading, place, venue):
            return place
    return venue


def located_within(registry, inner: EntityId, outer: EntityId) -> bool:
    """Whether ``inner`` lies in ``outer`` by the located-in facts so far (or is it)."""
    seen: set[str] = set()
    frontier = [inner]
    while frontier:
        place = frontier.pop()
        if place.key == outer.key:
            return True
        if place.key in seen:
            continue
        seen.add(place.key)
        frontier.extend(v for v in registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId))
        container = next((c for names, c in well_known_venues()
                          if any(registry.index.key(n) == place.key for n in names)), None)
        if container is not None:
            frontier.append(EntityId(Kind.PLACE, registry.index.key(container)))
    return False


def _venue_in_state(registry, summit, place, state, sentence) -> bool:
    """Makes the place the summit's venue, inside the state the summit is placed in (its top
    placed there when the text puts it nowhere); False when the text puts it in another state."""
    if not located_within(registry, place, state):
        top = _unplaced_top(registry, place)
        if top is None:
            return False  # the text puts it in another state
        registry.fact(top, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))
    registry.fact(summit.id, Prop.VENUE, place, evidence=(sentence.evidence(),))
    registry.keep_only(summit.id, Prop.VENUE, place)
    return True


def _unplaced_top(registry, venue: EntityId, by_gazetteer: bool = True) -> EntityId | None:
    """The one biggest place a venue lies in by the text (and, ``by_gazetteer``, by the
    reference gazetteer's city of a well-known venue), when no state holds it."""
    tops: list[EntityId] = []
    seen: set[str] = set()
    frontier = [venue]
    while frontier:
        place = frontier.pop()
        if place.key in seen:
            continue
        seen.add(place.key)
        if place.kind is Kind.COUNTRY or registry.index.is_state(place.key):
            return None
        outer = [v for v in registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId)]
        container = next((c for names, c in well_known_venues()
                          if any(registry.index.key(n) == place.key for n in names)), None) if by_gazetteer else None
        if not outer and container is not None:  # 人民大会堂: in 北京 by the reference gazetteer
            outer = [EntityId(Kind.COUNTRY if registry.index.is_state(container) else Kind.PLACE,
                              registry.index.key(container))]
        if not outer:
            tops.append(place)
        frontier.extend(outer)
    return tops[0] if len(tops) == 1 and tops[0].kind is Kind.PLACE else None


def lies_in(reading: Reading, inner: EntityId, outer: EntityId) -> bool:
    seen: set[str] = set()
    frontier = [inner]
    while frontier:
        place = frontier.pop()
        if place.key == outer.key and place is not inner:
            return True
        if place.key in seen:
            continue
        seen.add(place.key)
        frontier.extend(v for v in reading.registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId))
        container = well_known_container(reading, place.key)
        if container is not None:
            frontier.append(EntityId(Kind.PLACE, reading.index.key(container)))
    return False


def well_known_container(reading: Reading, key: str) -> str | None:
    """The place a well-known venue lies in, by the reference gazetteer (``kg/data/venues.tsv``)."""
    return _containers_by_key(reading).get(key)


def _containers_by_key(reading: Reading) -> dict[str, str]:
    """The gazetteer's containers by the keys of their venues' names (the first venue's where two
    share one), worked out once while the name index stays as it is: each asking had looked
    up the key of every name of the gazetteer (about 575 a page)."""
    remembered = reading.index.remembered
    found = remembered.get(_containers_by_key)
    if found is None:
        found = remembered[_containers_by_key] = {}
        for names, container in well_known_venues():
            for name in names:
                found.setdefault(reading.index.key(name), container)
    return found


def place_venues_by_gazetteer(reading: Reading) -> None:
    """A summit's venue the text does not place (``两国元首在人民大会堂举行会谈``) lies where the
    reference gazetteer says, and so on up (瀛台 in 中南海 in 北京); published as inferred,
    with the venue's own evidence."""
    registry = reading.registry
    for fact in registry.facts_of(Prop.VENUE):
        place, evidence, seen = fact.value, fact.evidence, set()
        while isinstance(place, EntityId) and place.kind is Kind.PLACE and evidence and place.key not in seen:
            seen.add(place.key)
            stated = [v for v in registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId)]
            if stated and not _city_between(reading, place, stated):  # the text places it: go on from where it says
                place = stated[0]
                continue
            container = well_known_container(reading, place.key)
            if container is None:
                break
            outer = registry.named(Kind.COUNTRY if reading.index.is_state(container) else Kind.PLACE, container)
            if outer.key == place.key:
                break
            registry.fact(place, Prop.LOCATED_IN, outer, evidence=evidence, inference=Inference.REFERENCE_GAZETTEER)
            place = outer


def _city_between(reading: Reading, place: EntityId, stated: list[EntityId]) -> bool:
    """Whether the text puts a well-known venue only in a state (``venue = [[某宾馆]]``,
    ``host_country = 某国``) while the reference gazetteer knows its city, which the text puts
    in that state or nowhere: the city then stands between them (the state holds it)."""
    if not stated or any(s.kind is not Kind.COUNTRY for s in stated):
        return False
    container = well_known_container(reading, place.key)
    if container is None or reading.index.is_state(container):
        return False
    city = EntityId(Kind.PLACE, reading.index.key(container))
    outer = [v for v in reading.registry.facts_about(city, Prop.LOCATED_IN) if isinstance(v, EntityId)]
    if any(not any(located_within(reading.registry, o, s) for s in stated) for o in outer):
        return False  # the text puts the city in another state
    registry = reading.registry
    for state in stated:
        evidence = next((f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state.key)
                         if f.subject == place and f.evidence), ())
        registry.fact(registry.named(Kind.PLACE, container), Prop.LOCATED_IN, state, evidence=evidence,
                      inference=Inference.REFERENCE_GAZETTEER)
    return True


#: ``回访美国，在华盛顿…会晤``, ``访问莫斯科，与戈尔巴乔夫举行会晤``, ``赴印度金奈，出席…会晤``: the
#: place a leader goes to, followed in its sentence by the meeting.
_VISITED = re.compile(r"(?:前往|赴|到访|来到|抵达|飞抵|访问|回访|出访|南下|北上|转往|转赴)(?P<w>[^，。；,、与和同在于]{1,20}?)"
                      r"(?=[，,]|与|和|同|出席|参加|会见|会晤|会谈|期间|举行)")
#: A kind of place between two names (``俄罗斯远东城市海参崴``): the name after it is a place.
_PLACE_NOUN = re.compile(r"城市|城镇|小镇|小城|港口|首都|首府|州府|省会")
#: ``某峰会举办地某城``: the name after it is the host place of a gathering.
_HOST_PLACE = re.compile(r"(?:举办地|主办地|所在地|举办城市|主办城市|东道主城市|东道城市)")
#: What the leader went there for: a meeting, or signing with the other side (``前往某都，与乙签署《…》``).
_MEETING_AFTER = re.compile(r"会晤|会谈|会面|会见|峰会|首脑会议|高峰会|最高级会议|签署|签订|签字")


#: Where a leader lands or alights (某机场, 某车站): a place of arrival, which holds no meeting.
_ARRIVED_AT = ("机场", "国际机场", "车站", "火车站", "空港")


def visited_chain(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The places of the visit phrase in the date's own stretch that a meeting word follows,
    the last before that meeting when a leader goes on from one place to another: where the
    meeting was held when no 在…举行 says it, and the state or city that holds the place a
    在…举行 names; not the airport or the station arrived at (``抵达甲国[[某机场]]，当晚在[[某府]]
    会见…``: the residence lies in the state, not in the airport)."""
    low, high = _own_stretch(sentence.hans, at, sentence.spots) if at is not None else (0, len(sentence.hans))
    found: list[tuple[Spot, ...]] = []
    meeting = high
    for match in _VISITED.finditer(sentence.hans, low, high):
        if match.start() >= meeting:
            break  # the stop before the meeting is where it was held (飞抵釜山，随后前往庆州，在…会晤)
        if any(s.start <= match.start() < s.end for s in sentence.spots):
            continue
        after = _MEETING_AFTER.search(sentence.hans, match.end(), high)
        if after is None:
            continue
        chain: tuple[Spot, ...] = ()
        begin = match.start("w")
        host = _HOST_PLACE.search(sentence.hans, begin, match.end("w"))
        if host is not None:  # 前往亚太经合组织峰会举办地庆州: the host city is where they go
            begin = host.end()
        if any(_SEAT_AFTER.match(sentence.hans, spot.end) for spot in sentence.spots_in(begin, match.end("w"))):
            continue  # 访问了[[某联盟]]总部: a body's seat, not a place holding what follows
        for spot in sentence.spots_in(begin, match.end("w")):
            kind = reading.registry.kind_of(spot.surface)
            if _GATHERING_AFTER.match(sentence.hans, spot.end):
                continue
            if kind in (Kind.PLACE, Kind.COUNTRY) or (kind is None and (host is not None and not chain or chain and (
                    chain[-1].end == spot.start or _PLACE_NOUN.search(sentence.hans, chain[-1].end, spot.start)
                    and joins_chain(sentence.hans[chain[-1].end:spot.start])))):
                chain += (spot,)  # 赴印度金奈: a name right after a place is a place in it
        if all(reading.index.is_state(s.surface) or reading.registry.is_a(s.surface, Kind.COUNTRY) for s in chain):
            plain = _plain_stop(reading, sentence, begin, match.end("w"))
            chain = (plain,) if plain is not None else chain  # 前往巴基斯坦总统官邸: one name
        gaps_ok = all(joins_chain(sentence.hans[a.end:b.start]) for a, b in zip(chain, chain[1:]))
        while chain and chain[-1].hans.endswith(_ARRIVED_AT):
            chain = chain[:-1]  # 抵达甲国[[某机场]]，当晚在某府会见…: the airport holds no meeting
        if chain and gaps_ok and chain[0].start - begin <= 1:
            found.append(chain)
            meeting = min(meeting, after.start())
    return found[-1] if found else ()


def _plain_stop(reading: Reading, sentence: Sentence, start: int, end: int) -> Spot | None:
    """The place a leader goes to written plainly as one venue's name (``前往巴基斯坦总统官邸``,
    ``前往某宾馆``): a name that ends as venues do, holding no one's name but an office's or a
    state's, not a stand-in or a count."""
    name = sentence.hans[start:end]
    if not _PLAIN_NAME.match(name) or not name.endswith(VENUE_ENDINGS) or _NOT_OWN.match(name) \
            or any(s.start < end and s.end > start and (s.start < start or s.end > end or reading.registry.is_a(
                s.surface, Kind.PERSON, Kind.ORGANIZATION)) for s in sentence.spots):
        return None
    surface = sentence.text[start:end]
    return Spot(start, end, reading.index.key(surface), surface, name, None)


#: ``会场X``, ``会场设在X``: the hall of the meeting, named as such.
_HALL = re.compile(r"会场(?:设在|设于|选在|定在|为|是)?")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff·‧・]{2,16}")


def venue_named_as_the_hall(reading: Reading) -> None:
    """A summit held in a town (``与勃兰特在卡塞尔举行第二次首脑会晤``) was held in the hall the
    same or a following sentence of the paragraph names as the meeting's (``两人…驱车前往会场
    威廉高地宫殿饭店（Schloßhotel）``), before another day is told: the hall is the venue, in the
    town. A town that a field gives (an infobox's ``location``) is so refined by a sentence of
    the article's own account told on the summit's days (``3月19日上午…抵达某城火车总站…。两人随后
    前往车站对面的会场某饭店``). Where none names a hall, the place of a welcome ceremony told on its
    days that the talks follow with no place of their own (``乙在[[某府]]为甲举行欢迎仪式，随后两人举行
    会谈``) is the venue, when it lies in the town or its sentence names the town."""
    registry = reading.registry
    sentences = reading.all_sentences()
    for fact in list(registry.facts_of(Prop.VENUE)):
        town = fact.value
        if not isinstance(town, EntityId) or town.kind is not Kind.PLACE or not fact.evidence \
                or to_hans(town.key).endswith(VENUE_ENDINGS):
            continue
        at = next((i for i, s in enumerate(sentences) if s.evidence().span == fact.evidence[0].span), None)
        told = _hall_told_after(reading, sentences, at) if at is not None else None
        if told is not None:
            _held_in_the_hall(reading, fact.subject, town, *told, (sentences[at].evidence(), told[0].evidence()))
            continue
        told = _hall_told_on_its_days(reading, fact.subject)
        if told is not None:
            _held_in_the_hall(reading, fact.subject, town, *told, (told[0].evidence(),))
            continue
        welcome = _welcome_before_the_talks(reading, fact.subject)
        if welcome is not None:
            _held_where_welcomed(reading, fact.subject, town, *welcome)


def _welcome_before_the_talks(reading: Reading, summit: EntityId) -> tuple[Sentence, tuple[Spot, ...]] | None:
    """(sentence, chain) of the first sentence told on the summit's days (in an aside too: a
    return visit told in 后续) that names a participant and the place of a welcome ceremony the
    talks follow with no place of their own (``当天下午，甲在[[某府]]为乙举行欢迎仪式，随后两人举行会谈``)."""
    registry = reading.registry
    start = next(iter(registry.facts_about(summit, Prop.START_DATE)), None)
    if not isinstance(start, date):
        return None
    end = next(iter(registry.facts_about(summit, Prop.END_DATE)), start)
    participants = {p.key for p in registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}
    before: tuple[Sentence, list] | None = None  # a sentence ending with a ceremony: the talks may open the next
    for _, sentence, told in _told_in_order(reading, (start, end), asides=True):
        if before is not None and before[0].passage is sentence.passage and before[0].paragraph == sentence.paragraph:
            for match in before[1]:
                if _talks_follow_the_welcome(before[0], match, sentence):
                    chain = _phrase_chain(reading, before[0], match)
                    if chain:
                        return before[0], chain
        before = None
        days = told.times if told else ()
        if not days or not all(start <= a and b <= end for a, b in days) \
                or not any(s.key in participants for s in sentence.spots) or not _WELCOMED.search(sentence.hans):
            continue
        welcomes = [m for m in held_at_phrases(sentence) if not _NOT_THERE.search(_clause_of(sentence.hans, m.start(), m.end()))]
        for match in welcomes:
            if _talks_follow_the_welcome(sentence, match):
                chain = _phrase_chain(reading, sentence, match)
                if chain:
                    return sentence, chain
        before = (sentence, welcomes)
    return None


def _held_where_welcomed(reading: Reading, summit: EntityId, town: EntityId, sentence: Sentence,
                         chain: tuple[Spot, ...]) -> None:
    """The summit held in a town was held where the welcome ceremony before its talks was, when
    that place lies in the town, or its sentence names the town (``抵达某都，…；当天下午，甲在[[某府]]为乙
    举行欢迎仪式，随后…``) and the text places it nowhere else: that place, inside the town."""
    registry = reading.registry
    place = _chain_facts(reading, chain, sentence)
    if place is None or place.key == town.key or place.kind is not Kind.PLACE:
        return
    if not lies_in(reading, place, town):
        if any(isinstance(v, EntityId) for v in registry.facts_about(place, Prop.LOCATED_IN)) \
                or well_known_container(reading, place.key) is not None \
                or not _names_the_town(reading, sentence, town):
            return  # the text or the gazetteer puts it elsewhere, or the town is another sentence's
        registry.fact(place, Prop.LOCATED_IN, town, evidence=(sentence.evidence(),))
    registry.fact(summit, Prop.VENUE, place, evidence=(sentence.evidence(),))
    registry.keep_only(summit, Prop.VENUE, place)


def _names_the_town(reading: Reading, sentence: Sentence, town: EntityId) -> bool:
    """Whether the welcome's sentence names the town, or the sentence right before it in its
    paragraph does (``6月4日，甲抵达某城。乙在[[某广场]]为甲举行欢迎仪式``): the town just reached."""
    sentences = reading.all_sentences()
    at = next((i for i, s in enumerate(sentences) if s is sentence), None)
    told = [sentence]
    if at:
        before = sentences[at - 1]
        if before.passage is sentence.passage and before.paragraph == sentence.paragraph:
            told.append(before)
    return any(s.key == town.key for said in told for s in said.spots)


#: Right after a welcome ceremony's clause: the talks that follow it with no place of their own
#: (``，随后两人举行会谈``, ``，两国元首随后举行会谈``, ``。欢迎仪式后，两国元首举行会谈``).
_TALKS_FOLLOW = re.compile(r"[^，,；;。在]{0,8}?(?:随后|之后|其后|接着|仪式(?:结束)?后)[，,]?[^，,；;。在]{0,20}?(?:会谈|会晤)")


def _talks_follow_the_welcome(sentence: Sentence, match: re.Match, following: Sentence | None = None) -> bool:
    """Whether the held-at phrase is a welcome ceremony's (``甲在[[某府]]为乙举行欢迎仪式``) that the
    talks follow without a place of their own, in its sentence or at the start of ``following``
    (``，随后两人举行会谈``), after what the ceremony holds (``，鸣礼炮21响。欢迎仪式后，…``): they
    were held where it was (not ``随后在某厅会谈``, a place of their own)."""
    hans = sentence.hans
    end = _phrase_bounds(sentence, match)[1]
    stop = next((m for m in _CLAUSE_BREAK.finditer(hans, end)), None)
    if not _WELCOMED.search(hans, end, stop.end() + 2 if stop else len(hans)):
        return False
    at = stop.end() if stop is not None and stop.group() != "。" else len(hans)
    for _ in range(_CEREMONY_CLAUSES + 1):
        if at >= len(hans):
            return following is not None and _TALKS_FOLLOW.match(following.hans) is not None
        if _TALKS_FOLLOW.match(hans, at) is not None:
            return True
        stop = _CLAUSE_BREAK.search(hans, at)
        if not _OF_THE_CEREMONY.fullmatch(hans, at, stop.start() if stop else len(hans)):
            return False  # a clause of another place, day or meeting
        at = stop.end() if stop is not None else len(hans)
    return False


#: What a welcome ceremony is called after its held-at phrase (为乙举行欢迎仪式, 举行隆重欢迎仪式,
#: 举行仪式，欢迎乙访华).
_WELCOMED = re.compile(r"欢迎仪式|欢迎式|仪式[，,]欢迎")
#: A clause that tells what the ceremony holds (鸣礼炮21响, 450名礼兵列队, 一同检阅仪仗队, 欢迎乙访华),
#: with no place, day or meeting of its own ...
_OF_THE_CEREMONY = re.compile(r"[^在于日会谈晤见往抵赴]{1,24}")
#: ... and how many such clauses may come between the ceremony and the talks that follow it.
_CEREMONY_CLAUSES = 3


def _hall_told_after(reading: Reading, sentences: list[Sentence], at: int) -> tuple[Sentence, Spot] | None:
    """(sentence, hall) of the sentence ``at`` or one of the two after it in its paragraph, before
    another day is told, that names the meeting's hall."""
    said = sentences[at]
    for sentence in sentences[at:at + 3]:
        if sentence.passage is not said.passage or sentence.paragraph != said.paragraph \
                or sentence is not said and find_dates(sentence.hans, year=2000):
            return None  # another paragraph, or another day
        hall = _hall(reading, sentence)
        if hall is not None:
            return sentence, hall
    return None


def _held_in_the_hall(reading: Reading, summit: EntityId, town: EntityId, sentence: Sentence, hall: Spot,
                      evidence: tuple) -> None:
    """The summit was held in the hall, inside the town."""
    registry = reading.registry
    place = registry.named(Kind.PLACE, hall.surface, article=hall.link.link.target if hall.link else None)
    if place.key != town.key:
        registry.fact(place, Prop.LOCATED_IN, town, evidence=evidence)
        registry.fact(summit, Prop.VENUE, place, evidence=(sentence.evidence(),))
        registry.keep_only(summit, Prop.VENUE, place)


def _hall_told_on_its_days(reading: Reading, summit: EntityId) -> tuple[Sentence, Spot] | None:
    """(sentence, hall) of the first sentence of the article's own account, told on the summit's
    days, that names the meeting's hall (会场…)."""
    registry = reading.registry
    start = next(iter(registry.facts_about(summit, Prop.START_DATE)), None)
    if not isinstance(start, date):
        return None
    end = next(iter(registry.facts_about(summit, Prop.END_DATE)), start)
    for _, sentence, told in _told_in_order(reading, (start, end), asides=False):
        days = told.times if told else ()
        if days and all(start <= a and b <= end for a, b in days):
            hall = _hall(reading, sentence)
            if hall is not None:
                return sentence, hall
    return None


def _hall(reading: Reading, sentence: Sentence) -> Spot | None:
    """The venue's name right after a ``会场`` of the sentence, linked or plain."""
    for match in _HALL.finditer(sentence.hans):
        if any(s.start < match.end() and s.end > match.start() for s in sentence.spots):
            continue  # 会场 inside a name
        spot = next((s for s in sentence.spots if s.start == match.end()), None)
        if spot is not None and spot.hans.endswith(VENUE_ENDINGS) \
                and not reading.registry.is_a(spot.surface, Kind.PERSON, Kind.ORGANIZATION):
            return spot  # 会场[[某宫]]
        run = _NAME_RUN.match(sentence.hans, match.end())
        if run is None or not run.group().endswith(VENUE_ENDINGS) or _NOT_OWN.match(run.group()) or any(
                s.start < run.end() and s.end > run.start() and (s.end > run.end() or not reading.registry.is_a(
                    s.surface, Kind.PLACE)) for s in sentence.spots):
            continue  # a person's or a body's name in it, or a name running past it: not one plain name
        surface = sentence.text[run.start():run.end()]
        return Spot(run.start(), run.end(), reading.index.key(surface), surface, run.group(), None)
    return None


#: Going to or arriving in a town (``赴[[伊斯兰堡]]出席``, ``抵达东京``).
_ARRIVED = re.compile(r"(?:抵达|飞抵|到达|来到|前往|赴|转往|转赴)$")
#: What a town reached is to its state, written between them (``抵达某国首都[[某都]]``, ``前往某国行政首都[[某城]]``).
_TOWN_OF_THE_STATE = re.compile(r"(?:行政|政治|经济|商业)?(?:首都|首府|城市|港口城市|海滨城市|最大城市)$")


def _reached(reading: Reading, sentence: Sentence, spot: Spot) -> bool:
    """Whether ``spot`` is a town the sentence says a leader reaches: right after the verb
    (``抵达[[某都]]``), or after the state it lies in and what it is there (``飞抵某国首都[[某都]]``,
    ``抵达某国[[某城]]``, ``前往首都[[某都]]``): a name so written after its state or as its capital
    is a town even where the article types it nowhere else."""
    before = sentence.hans[:spot.start]
    if _ARRIVED.search(before):
        return reading.registry.is_a(spot.surface, Kind.PLACE)
    if to_hans(spot.hans).endswith(_NOT_A_TOWN + _ARRIVED_AT):
        return False  # 抵达某国[[某机场]]: where the leader lands
    noun = _TOWN_OF_THE_STATE.search(before)
    before = before[:noun.start()] if noun else before
    state = next((s for s in sentence.spots if s.end == len(before) and reading.index.is_state(s.surface)), None)
    if state is None and noun is None:
        return False
    before = before[:state.start] if state is not None else before
    return bool(_ARRIVED.search(before)) and reading.registry.kind_of(spot.surface) in (None, Kind.PLACE)


#: A day told, other than the one told before (``26日``, ``2023年8月18日``, ``次日``).
_ANOTHER_DAY = re.compile(r"[0-9０-９]{1,2}日|[一二三四五六七八九十]{1,3}日|次日|翌日|隔日|第二天")


def place_sites_in_the_town_reached(reading: Reading) -> None:
    """A summit's venue that is a site no text places (``次日（1月5日），瓦杰帕伊前往巴基斯坦总统
    官邸，与穆沙拉夫闭门会谈``) lies in the town the same paragraph last says the leaders went
    to or reached before it (``1月4日，瓦杰帕伊赴[[伊斯兰堡]]出席…``), when no other town comes
    between; not a well-known venue the reference gazetteer places. A site the text puts only
    in a state (``某国总统在总统府迎接``) lies in that town, and the town in the state."""
    registry = reading.registry
    sentences = reading.all_sentences()
    for fact in registry.facts_of(Prop.VENUE):
        site = fact.value
        if not isinstance(site, EntityId) or site.kind is not Kind.PLACE or not fact.evidence \
                or well_known_container(reading, site.key) is not None or not to_hans(site.key).endswith(VENUE_ENDINGS):
            continue
        states = [v for v in registry.facts_about(site, Prop.LOCATED_IN)]
        if any(not isinstance(v, EntityId) or v.kind is not Kind.COUNTRY for v in states):
            continue  # the text places it in a town already
        at = next((i for i, s in enumerate(sentences) if s.evidence().span == fact.evidence[0].span), None)
        if at is None:
            continue
        said = sentences[at]
        town = None
        for sentence in reversed(sentences[max(0, at - 3):at + 1]):
            if sentence.passage is not said.passage or sentence.paragraph != said.paragraph:
                break
            upto = len(sentence.hans) if sentence is not said else min(
                [s.start for s in sentence.spots if s.key == site.key] + [sentence.hans.find(site.key) % (len(sentence.hans) + 1)])
            towns = [s for s in sentence.spots if s.end <= upto and _reached(reading, sentence, s)
                     and not s.hans.endswith(VENUE_ENDINGS)
                     and not reading.index.is_state(s.surface)]
            if towns:
                town = (towns[-1], sentence)
                break
        if town is not None:
            spot, sentence = town
            site_at = min([s.start for s in said.spots if s.key == site.key] + [said.hans.find(site.key) % (len(said.hans) + 1)])
            told = [s.hans for s in sentences[sentences.index(sentence):at]] + [said.hans[:site_at]]
            if states and _ANOTHER_DAY.search("".join(told)[spot.end:]):
                continue  # 某日赴甲城…；某日，两人在乙国某营会晤: the town of another day
            place = registry.named(Kind.PLACE, spot.surface)
            outer = [v for v in registry.facts_about(place, Prop.LOCATED_IN) if isinstance(v, EntityId)]
            if states and any(not any(located_within(registry, o, s) for s in states) for o in outer):
                continue  # the text puts the town in another state
            for state in states:  # 某国的总统府 in 某都: the town stands between them
                evidence = next((f.evidence for f in registry.facts_with((Prop.LOCATED_IN,), state.key)
                                 if f.subject == site), ())
                registry.drop_one(site, Prop.LOCATED_IN, state)
                if not outer:
                    registry.fact(place, Prop.LOCATED_IN, state, evidence=evidence)
            registry.fact(site, Prop.LOCATED_IN, place, evidence=(sentence.evidence(), said.evidence()))


#: The state a leader visits: ``对中国进行（非正式、国事）访问``, ``访问俄罗斯``, ``出访法国``.
_VISIT_OF = re.compile(r"对(?P<s>[^，。；,、对]{1,12}?)(?:进行(?:了|的)?|的)[^，。；,]{0,10}?访问")
_VISIT_TO = re.compile(r"(?:访问|出访|到访|回访)(?=(?P<s>[^，。；,、]{1,12}))")
#: ``访华``, ``访美``: a visit to the state one character names.
_VISIT_SHORT = re.compile(r"(?<![参拜走探查寻采])访(?P<a>[华美俄日朝韩英法德印越苏])(?![问谈客])")  # 参访法隆寺: a site
#: Before a visit phrase: the visit is over (``结束对美国的访问后``).
_ENDED = re.compile(r"结束了?$")
#: Before a visit phrase in its clause: the visit is invited or planned, not made (邀请乙于秋季访日).
_VISIT_PLANNED = re.compile(r"(?<!应)(?<!受)邀请|计划|拟|将于|将在|原定|准备|希望|同意|下次|下一次|今后")
_SHORT_STATES = {"华": "中国", "美": "美国", "俄": "俄罗斯", "日": "日本", "朝": "朝鲜", "韩": "韩国", "英": "英国",
                 "法": "法国", "德": "德国", "印": "印度", "越": "越南", "苏": "苏联"}


def visited_states(reading: Reading, sentence: Sentence, short: bool = True) -> set[str]:
    """The keys of the states a sentence says a leader visits (not in the title of an article
    it links to: ``见[[2015年习近平访美]]`` says nothing; not a visit it ends: ``结束对美国的
    访问后``); with ``short`` false, only states written out, not ``访华``."""
    out: set[str] = set()
    hans = sentence.hans

    def in_a_link(at: int) -> bool:
        return any(s.link is not None and s.start <= at < s.end for s in sentence.spots)

    def ended(at: int) -> bool:  # 结束对美国的访问后，…访华: the visit before, not this one
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(hans, 0, at)), default=0)
        planned = _VISIT_PLANNED.search(hans, start, at)  # 邀请乙于秋季访日; not 应甲邀请访日
        return bool(_ENDED.search(hans, 0, at)) or bool(planned) and not (
            planned.group().endswith("邀请") and re.search(r"[应受]", hans[start:planned.start()]))

    for pattern in (_VISIT_OF, _VISIT_TO):
        for match in pattern.finditer(hans):
            at = match.start("s")
            first = next((s for s in sentence.spots if s.start == at), None)
            if first is not None and (reading.index.is_state(first.surface) or reading.registry.is_a(first.surface, Kind.COUNTRY)) \
                    and not in_a_link(match.start()) and not ended(match.start()):
                out.add(reading.index.key(first.surface))
    for match in _VISIT_SHORT.finditer(hans) if short else ():
        if in_a_link(match.start()) or ended(match.start()):
            continue
        name = _SHORT_STATES[match["a"]]
        if reading.index.is_state(name):
            out.add(reading.index.key(name))
    return out


def place_venues_in_visited_states(reading: Reading) -> None:
    """A summit held during a visit the text dates to the day (``江泽民于1997年10月26日至11月3日
    对美国进行的国事访问``, ``…访华``, ``11月4日至6日，马克龙第二次对中国进行国事访问``), or
    begun on a visit's one dated day (``9月17日…成为首位访问北韩的日本首相``), is held
    in the visited state: the top of its venue chain (人民大会堂 in 北京) lies in it, when the
    chain names no state, one state alone is visited on those days and the visitor the
    sentence names (if any) is one of the summit's participants. The lead's visit and any
    later sentence's count alike; a table's row only when it writes the visited state out
    (``习近平国事访问印度``): its short ``莫迪访华`` is the name the row gives the visit, and
    the table gives its places in its own columns. A date without its year is of the year
    the text last named. A summit the text places nowhere, held during the visit the lead's
    first paragraph defines the article by (``…于1977年11月19日至21日对以色列进行的访问``), was held
    in the visited state; not one a later section tells of (its text says where, or nothing)."""
    registry = reading.registry
    tables = [t.span for t in reading.document.tables]
    visits: list[tuple[Sentence, str, set[str], list]] = []
    year = None  # the year running in the text: ``一周后的6月19日至20日`` is of the year last named
    for sentence in reading.all_sentences():
        years = [int(y) for y in _YEAR.findall(sentence.hans)]
        running, year = (years[0] if years else year), (years[-1] if years else year)
        at = sentence.span_of(0, 0).start
        row = any(t.start <= at < t.end for t in tables)
        states_visited = visited_states(reading, sentence, short=not row)
        spans = find_dates(sentence.hans, year=running)
        if len(states_visited) == 1 and spans:
            visitors = {s.key for s in sentence.spots if reading.registry.is_a(s.surface, Kind.PERSON)}
            visits.append((sentence, states_visited.pop(), visitors, spans))
    if not visits:
        return
    for fact in registry.facts_of(Prop.START_DATE):
        summit = fact.subject
        if summit.kind is not Kind.SUMMIT:
            continue
        start = fact.value
        end = next(iter(registry.facts_about(summit, Prop.END_DATE)), start)
        participants = {p.key for p in registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}
        held = [(sentence, state) for sentence, state, visitors, spans in visits
                if (not visitors or visitors & participants)
                and any(span.start <= start and end <= span.end if span.start < span.end else span.start == start
                        for span in spans)]
        if len({state for _, state in held}) != 1:
            continue
        sentence, state_key = held[0]
        if not any(True for _ in registry.facts_about(summit, Prop.VENUE)):  # placed nowhere else: in the state
            if sentence.section is not None or sentence.paragraph != 0:
                continue  # only the visit the lead's first paragraph defines the article by
            state = registry.named(Kind.COUNTRY, next(n for n in _state_names(reading, state_key)))
            registry.fact(summit, Prop.VENUE, state, evidence=(sentence.evidence(),))
            continue
        for venue in registry.facts_about(summit, Prop.VENUE):
            top = _top_of(reading, venue)
            if top is not None and top.key != state_key:
                state = registry.named(Kind.COUNTRY, next(n for n in _state_names(reading, state_key)))
                registry.fact(top, Prop.LOCATED_IN, state, evidence=(sentence.evidence(),))


_YEAR = re.compile(r"(\d{4})年")


def _top_of(reading: Reading, venue) -> EntityId | None:
    """The biggest place a venue lies in by the facts so far, or ``None`` when a state holds it."""
    return _unplaced_top(reading.registry, venue, by_gazetteer=False) if isinstance(venue, EntityId) else None


def _state_names(reading: Reading, key: str):
    for row in states():
        if reading.index.key(row[0]) == key:
            yield from row
    yield key


#: Sections that tell of what came before or after: their meetings are others.
_EARLIER = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备|后续|後續|影响|评价|反应)")
#: A meeting planned, not held.
_PLANNED = re.compile(r"原定|原计划|计划|拟|将于|原本")


def venue_said_of_the_summit(reading: Reading, summits) -> None:
    """The one summit an article's account tells of, whose venue is a state (``1989年12月2日－3日
    在马耳他召开的一次会议``), was held where a sentence says the summit itself was held
    (``峰会最终在停泊于瓦莱塔港湾的高尔基号上举行``): that place is the venue, and the biggest
    place of its chain that the text puts in no state lies in that state."""
    registry = reading.registry
    main = [s for s in summits if s.section is None or not _EARLIER.match(to_hans(s.section.heading).strip())]
    if len(main) != 1:
        return
    summit = main[0]
    venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
    if len(venues) != 1 or venues[0].kind is not Kind.COUNTRY:
        return
    state = venues[0]
    sections = [s for section, s in reading.by_section.items() if not _EARLIER.match(to_hans(section.heading).strip())]
    for sentence in [s for group in [reading.lead, *sections] for s in group]:
        if find_dates(sentence.hans) or _PLANNED.search(sentence.hans):
            continue  # a dated sentence may tell of one day's meeting; a plan was not held
        chain = next((c for m in held_at_phrases(sentence) if _said_of_itself(sentence, m)
                      for c in [_phrase_chain(reading, sentence, m)] if c), ())
        place = _chain_facts(reading, chain, sentence) if chain else None
        if place is None or place.kind is not Kind.PLACE:
            continue
        if _venue_in_state(registry, summit, place, state, sentence):
            return


#: Before the 在 of a held-at phrase: the meeting itself is what was held (峰会最终, 此次会晤则).
_ITSELF = re.compile(r"^(?:本次|这次|此次|该次)?(?:峰会|高峰会|会晤|会谈|首脑会议|会议)(?:最终|最后|终于|则|随后|后来|实际)?$")


def _said_of_itself(sentence: Sentence, match: re.Match) -> bool:
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
    return bool(_ITSELF.match(sentence.hans[clause_start:match.start()].strip()))


def _chain_facts(reading: Reading, chain: tuple[Spot, ...], sentence: Sentence) -> EntityId | None:
    """Each place of a chain written big to small lies in the one before; the last is returned."""
    registry = reading.registry
    places = [registry.named(registry.kind_of(s.surface) or Kind.PLACE, s.surface) for s in chain]
    for (a, outer), (b, inner) in zip(zip(chain, places), zip(chain[1:], places[1:])):
        if joins_chain(sentence.hans[a.end:b.start]) and inner.kind is Kind.PLACE and inner != outer:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(sentence.evidence(),))
    return places[-1] if places else None


#: A meeting word of a clause that tells talks held (not a ceremony, not a banquet).
_TALKS = re.compile(r"会谈|会晤|会见|会面")
#: A plan or a call: what the clause tells was not held there.
_NOT_THERE = re.compile(r"原定|原计划|计划|拟|将于|将在|取消|未能|推迟|电话|通话|视频")


#: A sentence that introduces a list of meetings held at one place (在[[人民大会堂]]分别同四国元首举行会谈：).
_SEVERAL_THEN_LIST = re.compile(r"(分别|先后|逐一)[^，,。；;]{0,20}?(会谈|会晤|会见|会面)[^，,。；;]{0,4}[：:]$")


def venue_of_the_list_intro(reading: Reading, summits) -> None:
    """Meetings told one a list item (``* 埃及：5月29日下午，习近平同塞西举行会谈。``) after a sentence
    that says where they all were held (``习近平在[[人民大会堂]]分别同四国元首举行会谈：``) were held
    there, when their own sentences place them nowhere."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    for summit in summits:
        if summit.anchor is None or id(summit.anchor) not in where \
                or any(True for _ in registry.facts_about(summit.id, Prop.VENUE)):
            continue
        at = where[id(summit.anchor)]
        for intro in reversed(sentences[max(0, at - 8):at]):
            if intro.section is not summit.anchor.section or intro.passage is not summit.anchor.passage:
                break
            if not _SEVERAL_THEN_LIST.search(intro.hans):
                continue
            chain = held_at_chain(reading, intro)
            place = _chain_facts(reading, chain, intro) if chain else None
            if place is not None:
                registry.fact(summit.id, Prop.VENUE, place, evidence=(intro.evidence(), summit.anchor.evidence()),
                              inference=Inference.BACK_REFERENCE)
            break


def venue_in_the_state_of_its_section(reading: Reading, summits) -> None:
    """A tour told a state a section (``== 沙特阿拉伯 ==`` ``…习近平在利雅得同萨勒曼举行会谈``):
    a summit its section's sentence tells, whose venue the text puts in no state, lies in the
    state the heading names; not a section of reactions or the like (``== 反应 ==`` ``=== 朝鲜 ===``)."""
    registry = reading.registry
    parents = {id(sub): section for section in reading.document.all_sections() for sub in section.subsections}
    for summit in summits:
        section = summit.anchor.section if summit.anchor is not None else None
        if section is None or not reading.index.is_state(to_hans(section.heading).strip()):
            continue
        parent = parents.get(id(section))
        if parent is not None and ASIDE.match(to_hans(parent.heading).strip()):
            continue
        state = registry.named(Kind.COUNTRY, to_hans(section.heading).strip())
        for venue in list(registry.facts_about(summit.id, Prop.VENUE)):
            top = _top_of(reading, venue)
            if top is not None and top.key != state.key and top.kind is Kind.PLACE:
                registry.fact(top, Prop.LOCATED_IN, state, evidence=(summit.anchor.evidence(),))


def venue_of_the_talks_on_its_days(reading: Reading, summits) -> None:
    """A summit of several days whose venue is only the state visited (``于5月6日至10日对日本进行的
    国事访问``) was held where a sentence of the article's own account (not its background or
    aftermath) tells its talks on one of those days, its participants named (``=== 5月7日 ===``
    ``…随后甲在某城[[某官邸]]同乙举行正式会谈``): that place is the venue, and the biggest place of
    its chain lies in the state, when the text puts it in no other. The day is the sentence's
    own, else the one its paragraph (or its section's heading) told last. Where no sentence
    tells the talks at a place, a summit placed nowhere or only in the state (of several days, or
    of one: ``=== 乙国 ===`` ``…抵达[[某都]]国际机场…。当天，甲同乙举行会谈``) was held in the town a
    participant reached on its first day (``22日，甲抵达[[某都]]``)."""
    registry = reading.registry
    for summit in summits:
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) > 1 or venues and venues[0].kind is not Kind.COUNTRY:
            continue  # a meeting placed nowhere or only in the state: the town reached that day, below
        state = venues[0] if venues else None
        talks = _talks_on_its_days(reading, summit) if state is not None and summit.start != summit.end else ()
        for sentence, place in talks:  # a visit's days; one day's meeting may be another's talks told that day
            if place.key == state.key or place.kind is not Kind.PLACE:
                continue
            if _venue_in_state(registry, summit, place, state, sentence):
                break
        else:
            reached = _town_reached_on_its_first_day(reading, summit)
            if reached is None:
                continue
            sentence, town = reached
            if state is not None:
                _venue_in_state(registry, summit, town, state, sentence)
            else:  # the state visited, where the text says it, holds it (place_venues_in_visited_states)
                registry.fact(summit.id, Prop.VENUE, town, evidence=(sentence.evidence(),))


#: Where a leader lands or stops on the way, not the town they reach (羽田机场, 某火车站).
_NOT_A_TOWN = ("机场", "车站", "火车站", "港口", "码头", "基地")


def _town_reached_on_its_first_day(reading: Reading, summit):
    """(sentence, town) of the last town the article's own account says a participant reached
    on the visit's first day (``22日，习近平抵达[[德黑兰]]``, ``…前往[[耶路撒冷]]``), when no
    sentence tells its talks at a place: the visit's meetings were held there. Not an airport
    or a site (``抵达[[首相官邸]]``), not a state, not one gone to after the talks its sentence tells
    (``先在某都与乙会谈，随后前往[[某城]]``); none where a sentence anywhere in the article
    places a participant somewhere on a later day of the visit (``7日…甲在某城为乙举行欢迎仪式``)."""
    registry = reading.registry
    participants = set(summit.participants)
    found = None
    first, span = (summit.start, summit.start), (summit.start, summit.end)
    for aside, sentence, told in _told_in_order(reading, span, asides=True):
        days = told.times[-1:] if told else ()
        if not days or not any(s.key in participants for s in sentence.spots):
            continue
        if days != (first,):
            if summit.start < days[0][0] <= summit.end and meeting_chains(reading, sentence):
                return None  # a later day of the visit tells a place of theirs (为乙举行欢迎仪式): not the town
            continue
        if aside:
            continue  # the town of the article's own account
        for spot in sentence.spots:
            if _reached(reading, sentence, spot) \
                    and not _TALKS.search(sentence.hans, 0, spot.start) and not reading.index.is_state(spot.surface) \
                    and not to_hans(spot.hans).endswith(VENUE_ENDINGS + _NOT_A_TOWN):
                found = (sentence, registry.named(Kind.PLACE, spot.surface,
                                                  article=spot.link.link.target if spot.link else None))
    return found


def _told_in_order(reading: Reading, span, *, asides: bool):
    """(aside, sentence, told) for each sentence of the lead and the sections (those aside, such
    as 背景, only if ``asides``), with what ``told_after`` says it tells of the days ``span``:
    each paragraph starts again from its section's heading."""
    parts = [(None, reading.lead)] + list(reading.by_section.items())
    for section, sentences in parts:
        aside = section is not None and bool(ASIDE.match(to_hans(section.heading).strip()))
        if aside and not asides:
            continue
        heading = told_after(to_hans(section.heading), span, None) if section is not None else None
        told, paragraph = heading, None
        for sentence in sentences:
            if sentence.paragraph != paragraph:
                told, paragraph = heading, sentence.paragraph
            told = told_after(sentence.hans, span, told)
            yield aside, sentence, told


def _talks_on_its_days(reading: Reading, summit):
    """(sentence, place) of each sentence of the lead or of a section of the article's own
    account that tells talks of the summit's participants on its days, at a place."""
    span = (summit.start, summit.end)
    for _, sentence, told in _told_in_order(reading, span, asides=False):
        days = [(a, b) for a, b in (told.times if told else ()) if (b - a).days < 28]  # not a year's or a month's
        if not days or not all(span[0] <= a and b <= span[1] for a, b in days):
            continue
        place = _talks_place(reading, sentence, set(summit.participants))
        if place is not None:
            yield sentence, place


def _talks_place(reading: Reading, sentence: Sentence, participants: set[str]) -> EntityId | None:
    """The place of a held-at phrase of ``sentence`` whose clause tells talks of the participants."""
    if not any(s.key in participants for s in sentence.spots):
        return None
    for match in held_at_phrases(sentence):
        if _of_a_ceremony(sentence, match):
            continue
        clause = _clause_of(sentence.hans, match.start(), match.end())
        if not _TALKS.search(clause) or _NOT_THERE.search(clause):
            continue
        chain = _phrase_chain(reading, sentence, match)
        if chain:
            return _chain_facts(reading, chain, sentence)
    return None


def _clause_of(hans: str, start: int, end: int) -> str:
    low = max((m.end() for m in _CLAUSE_BREAK.finditer(hans, 0, start)), default=0)
    high = next((m.start() for m in _CLAUSE_BREAK.finditer(hans, end)), len(hans))
    return hans[low:high]


def venue_of_the_days_meetings(reading: Reading, summits) -> None:
    """A meeting whose own sentence places it nowhere (``双边会见结束后，甲同乙、丙…举行集体会晤``),
    placed nowhere or only in a state, was held where an earlier sentence of its section, dated
    that day, places a participant's meetings of the day, one after another (``11月22日，甲在[[某城]]
    先后举行8场双边会谈``), when no sentence between tells anyone reaching another place and none
    gives another day; not a meeting on a gathering's sidelines (``在联合国大会…后，于场边…会谈``),
    nor after a sentence placing one meeting only (``在某堂同乙、丙举行会晤。同日，甲还会见了丙``)."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    for summit in summits:
        if summit.anchor is None or id(summit.anchor) not in where or summit.start != summit.end:
            continue
        venues = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        if len(venues) > 1 or venues and venues[0].kind is not Kind.COUNTRY or meeting_chains(reading, summit.anchor) \
                or _DURING_IT.search(summit.anchor.hans) or _GATHERING_MENTIONED.search(summit.anchor.hans):
            continue
        at = where[id(summit.anchor)]
        reached: set[str] = set()
        for sentence in reversed(sentences[max(0, at - 6):at + 1]):
            if sentence.section is not summit.anchor.section or sentence.passage is not summit.anchor.passage:
                break
            days = find_dates(sentence.hans, year=summit.start.year)
            if days and not any(d.start <= summit.start <= d.end for d in days):
                break  # another day told
            reached |= {s.key for s in sentence.spots if _REACHES.search(sentence.hans, 0, s.start)}
            if sentence is summit.anchor or not any(s.key in summit.participants for s in sentence.spots) \
                    or not any(d.start == summit.start for d in days) or not _ONE_AFTER_ANOTHER.search(sentence.hans):
                continue
            place = _talks_place(reading, sentence, set(summit.participants))
            if place is None:
                continue
            if reached - {place.key} or place.kind is not Kind.PLACE:
                break  # someone reached another place in between
            evidence = (sentence.evidence(), summit.anchor.evidence())
            if venues:
                _venue_in_state(registry, summit, place, venues[0], sentence)
            else:
                registry.fact(summit.id, Prop.VENUE, place, evidence=evidence, inference=Inference.BACK_REFERENCE)
            break


#: A sentence that tells a day's meetings one after another (先后举行8场双边会谈, 分别会见).
_ONE_AFTER_ANOTHER = re.compile(r"先后|分别|逐一|陆续|[0-9一二三四五六七八九十多数几]+场")
#: A meeting told on a gathering's occasion (场边, 出席…期间): the gathering's place, not the day's.
_GATHERING_MENTIONED = re.compile(r"场边|间隙|期间|出席")


_GATHERING_WORD = r"(?:峰会|首脑会议|领导人会议|会议|论坛|年会|大会)"
#: A gathering said to be held or opened somewhere: ``出席在[[某城]]举行的第七届某某首脑会议``,
#: ``某某会议首脑会议在[[某城]]开幕``.
_GATHERING_AT = (re.compile(rf"在(?P<w>[^，。；,在]{{1,24}}?)(?:举行|召开|举办)的[^，。；,]{{0,30}}?{_GATHERING_WORD}"),
                 re.compile(rf"{_GATHERING_WORD}[^，。；,在]{{0,8}}?在(?P<w>[^，。；,]{{1,24}}?)(?:开幕|举行|召开|举办)"))
#: A meeting said of the gathering's days: held during it (在峰会期间, 会议间隙, 会上), or on the day
#: the sentence told it opened (…在某城开幕，当天甲与乙举行会谈).
_DURING_IT = re.compile(rf"{_GATHERING_WORD}(?:期间|间隙|场边|之际|会场)|会上|会议期间")
_SAME_DAY = re.compile(r"当天|当日|同日|期间|间隙")


def venue_of_the_gathering(reading: Reading, summits) -> None:
    """A meeting held during a gathering of many (``两人在峰会期间举行了会晤``, ``…会议在[[某城]]开幕，
    当天甲与乙举行会谈``) that the text gives no place of its own was held where its paragraph
    says the gathering was (``出席在[[某城]]举行的第七届某某首脑会议``): the anchor's sentence,
    else the nearest before it in its paragraph."""
    registry = reading.registry
    sentences = reading.all_sentences()
    for summit in summits:
        if summit.anchor is None or any(True for _ in registry.facts_about(summit.id, Prop.VENUE)):
            continue
        at = next((i for i, s in enumerate(sentences) if s is summit.anchor), None)
        if at is None:
            continue
        anchor = sentences[at]
        for sentence in reversed(sentences[max(0, at - 3):at + 1]):
            if sentence.passage is not anchor.passage or sentence.paragraph != anchor.paragraph:
                break
            found = _gathering_place(reading, sentence, anchor)
            if found is not None:
                place, evidence = found, tuple(dict.fromkeys((sentence.evidence(), anchor.evidence())))
                registry.fact(summit.id, Prop.VENUE, place, evidence=evidence,
                              inference=None if sentence is anchor else Inference.BACK_REFERENCE)
                break


def venue_of_the_summit_it_was_held_during(reading: Reading, summits) -> None:
    """A meeting told as held during a summit of more leaders on its day (``四国领导人在会议期间
    举行了…双边会见，甲与乙并举行了两人的首次面对面会谈``), among them its own participants, was
    held at that summit's venue where its own is none or a place that venue lies in (巴黎 of
    [[爱丽舍宫]])."""
    registry = reading.registry
    for summit in summits:
        if summit.anchor is None or not _DURING_IT.search(summit.anchor.hans):
            continue
        own = [v for v in registry.facts_about(summit.id, Prop.VENUE) if isinstance(v, EntityId)]
        hosts = [other for other in summits if other is not summit and other.start <= summit.start <= other.end
                 and len(other.participants) > len(summit.participants)
                 and set(summit.participants) <= set(other.participants)]
        venues = {v for other in hosts for v in registry.facts_about(other.id, Prop.VENUE) if isinstance(v, EntityId)}
        finest = [v for v in venues if all(v == u or lies_in(reading, v, u) for u in venues)]  # 爱丽舍宫 in 巴黎
        if len(finest) != 1 or len(own) > 1:
            continue
        (venue,) = finest
        if own and (own[0] == venue or not lies_in(reading, venue, own[0])):
            continue
        registry.fact(summit.id, Prop.VENUE, venue, evidence=(summit.anchor.evidence(),), inference=Inference.BACK_REFERENCE)
        registry.keep_only(summit.id, Prop.VENUE, venue)


def _gathering_place(reading: Reading, sentence: Sentence, anchor: Sentence) -> EntityId | None:
    """The place ``sentence`` says a gathering was held at, when ``anchor`` holds the meeting in
    it: said during the gathering, or in the gathering's own sentence after it, on its day."""
    for pattern in _GATHERING_AT:
        for match in pattern.finditer(sentence.hans):
            after = anchor.hans[match.end():] if sentence is anchor else anchor.hans
            if not (_DURING_IT.search(after) or sentence is anchor and _SAME_DAY.search(after)):
                continue
            chain = tuple(s for s in sentence.spots_in(match.start("w"), match.end("w"))
                          if reading.registry.kind_of(s.surface) in (None, Kind.PLACE, Kind.COUNTRY)
                          and not _GATHERING_AFTER.match(sentence.hans, s.end))  # 在[[某城]]开幕: a place
            if chain and all(joins_chain(sentence.hans[a.end:b.start]) for a, b in zip(chain, chain[1:])):
                return _chain_facts(reading, chain, sentence)
    return None
