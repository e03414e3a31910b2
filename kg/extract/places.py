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
  phrase is a ceremony's (``在人民大会堂北大厅举行欢迎仪式``, ``在某宫为甲举行国宴``), but for the seat a
  welcome is held at, which holds the talks after it (``在[[某都]]首相署为甲举行欢迎仪式，两人随后举行会谈``),
  or the name a count (一处山顶城堡); a hospital, a study or an office (署) is one
  (``在[[莫斯科]]中央门诊医院``, ``在[[中南海]]游泳池书房``, ``在[[某都]]的首相署``). A name in
  quotes after the kind of place it is (``[[长门市]]的温泉旅馆「大谷山庄」``) is the venue, in the
  chain; a person's own (``在普京的总统官邸与其会谈``) is the residence, not the person or his
  state (but ``在甲城出席张三的就职典礼后``: no place of his).
- Words that keep a chain one: a city's own suffix (``[[广州]]市``) and its inside (``[[某都]]市内的总理府``), a region's (``[[布列塔尼]]地区的
  港口城市[[圣马洛]]``), another name in brackets
  (``符拉迪沃斯托克（海参崴）``), ``首府``, ``首都``, ``住所``, an office holder's residence
  (``[[某都]]总统官邸[[某宫]]``), ``岛上的``, ``港湾的``, sides. In a place field, a venue after a
  plain town and its side (``[[滨海边疆区]]某城附近某休养地``) lies in the last link.
- ``会谈地点为X`` says the meeting's place as such; a leader who goes on from one place to
  another (``飞抵釜山，随后前往…峰会举办地庆州，在…会晤``) meets at the last stop before the
  meeting; a lead that dates its place to the day gives it to that day's meeting only.
- A stop somewhere and the meeting held during it (``在[[某城]]停留七小时，同乙会谈``), or a gathering
  there and the meeting held on its occasion or right after it (``在[[某湖]]利用八国峰会之机，与乙举行会谈``,
  ``在[[某都]]出席某峰会期间，会见了乙``), is a held-at phrase of that place, unless the meeting's clause
  names its own (``同乙在某镇会谈``); a lodging or a local hotel is none (``出席…后，在下榻的酒店会见乙``,
  ``在当地一间酒店举行会谈``); a stay there and the meetings told during it are one too (``在[[某都]]期间，甲还会见了乙``),
  not the stay of a visit or a gathering (``在访问期间``, ``在峰会期间``: a time); a place said
  of an earlier time (``再次令人想起七年前在[[某国]]的首次会面``) is that meeting's.
- Where leaders sign, issue their joint statement or begin their talks is where they meet (``在[[巴黎]]签署了…条约``,
  ``两国在[[首尔]]发表《…联合声明》``, ``在[[塔什干]]展开谈判``, ``前往[[某都]]，与乙签署《…》``), when the sentence gives no place of the talks themselves (``在莫斯科举行峰会，并于31日
  在大克里姆林宫签署…``: Moscow); not a document described by where it was signed (``在上海签署的
  《上海公报》``).
- A well-known venue's name in quotes after another place than its town (``在南斯拉夫“白宫”同乙会面``)
  is a nickname of a building there, not that venue: no place of the chain.
- A welcome ceremony at a building gives way to the talks held right after it elsewhere
  (``乙在[[某院]]广场为甲举行欢迎仪式，两国元首随后在[[某宫]]举行会谈``: the palace), not to talks told
  in another clause (``出席…欢迎仪式，先后同乙、丙会晤；下午…``) nor held in the same building.
- A ceremony said to be held somewhere (``纪念仪式在…宝剑海滩举行``) gives no meeting its place;
  a 于 of a date does not swallow the 在 of the place (``于…由…在平壤会面``).
- A partner with a long title does not hide the place: ``在…基地与俄罗斯总统…会晤`` ends the
  place at the first 与 that is no character of a name.
- A host greeting the visitor at a place holds the talks that follow it with no place of their own
  (``乙在萨拉姆宫迎接甲并与其举行会谈``, ``在[[某宫]]正门迎接甲，两人先举行私人会谈``, ``在某府前以军礼欢迎，并与其举行
  会谈``); not an airport or a station (``在机场迎接，随后双方举行会晤``), nor before talks placed elsewhere.
- A site gone to holds the meeting of the next clause when that names no place of its own
  (``前往[[某城]]的[[某宫]]，与乙举行会谈``); a partner word that begins a venue's plain name
  (``在[[某都]]和平大厦会见乙``) does not end the place.
- A sentence that writes its days without their year and opens a later day's account after a semicolon
  (``11月16日，在[[甲都]]与乙会谈；17日转赴[[丙都]]，与丁会谈``) gives each day the places of its own account, and
  the words before its first day to them all (``在[[某都]]会见与会领导人：4月11日…；4月12日…``).
- A held-at phrase whose words tell the occasion or the time first holds the meeting's place after
  its last 在 or 于 (``在出席某葬礼期间于[[某都]]会晤``, ``在访问乙国期间与乙在[[某村]]会面``: the village, not
  the state visited).

Where the places of a chain lie one in another is :mod:`kg.extract.containment`; where the
article as a whole says a summit was held, past its own phrase, :mod:`kg.extract.venues`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from kg.extract.dates import find_dates, find_year_months
from kg.extract.gazetteer import well_known_venues
from kg.extract.names import states
from kg.extract.phrases import (ARRIVES, GOES_TO, HELD_AT, MOVED_ON_THAT_DAY, MOVES_ON, PRESS_CONFERENCE, TRAVELS_TO,
                                VISIT_WORDS)
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.text import CLAUSE_BREAK, Sentence, Spot
from kg.model import EntityId, Kind, Prop

#: Kinds of building or site: after a link they make one name with it (北京饭店, 苏联大使馆), as the seat of a
#: head of state or government named by its kind does with its town or state (芬兰总统府, 某都王宫, 某国政府总理府).
BARE_KINDS = ("饭店", "宾馆", "酒店", "大酒店", "大饭店", "国宾馆", "大使馆", "领事馆", "总领事馆", "使馆", "代表处",
              "机场", "国际机场", "大学", "车站", "火车站", "体育馆", "体育场", "会议中心", "会展中心", "国际会议中心",
              "大厦", "广场", "公园", "博物馆", "港", "市", "省", "州", "县", "区",
              "城堡", "古堡", "庄园", "别墅", "山庄", "度假村", "宫殿", "行宫", "教堂", "大教堂", "官邸", "总统府", "故居",
              "王宫", "总理府", "政府总理府")
#: Sides and directions after a place: where in it, not a place of its own (某村北侧, 武汉市区).
SIDE_WORDS = re.compile(r"^(?:[东南西北]部?|[东南西北]侧|[东南西北]面|一侧|一方|方面|附近|周边|郊外|郊区|市区|市郊|市内|境内|"
                        r"城内|以[东南西北]|[东南西北]郊|之[东南西北]|内|上|外)$")
#: Between two places of a chain: nothing, 的, a side or a direction, a kind of place
#: (``某村南侧的某馆``, ``克里米亚南部城市雅尔塔``, ``金奈以南约60公里的滨海城镇马马拉普拉姆``,
#: ``[[乙国]]古城[[某城]]``), a town's centre (``某城市中心的某大厦``; ``某城市中心的一家酒店`` is then no venue
#: of its own).
_GAP_WORDS = (r"(?:市中心|[市省县区]|地区|大区)?"  # 广州市松园: the city's own suffix; 布列塔尼地区的港口城市圣马洛: the region's; 某城市中心的: its centre
              r"(?:[（(][^（()）]{1,20}[）)])?"  # 符拉迪沃斯托克（海参崴）俄罗斯岛: another name of the city
              r"(?:首府|首都|州府|省会|(?:总统|总理|首相|国王|女王|元首)?(?:住所|寓所|官邸|私邸)|港湾|港内|湾内)?"  # 布里亚特共和国首府乌兰乌德, 中南海住所菊香书屋, 巴西利亚总统官邸黎明宫
              r"(?:远东|[东南西北]部|[东南西北]侧|[东南西北]面|一侧|一方|方面|附近|郊外|郊区|市区|市内|境内|城内|湖畔|河畔|江畔|海滨|海边|岛上|上"
              r"|之[滨畔]|[沿东西南北]?岸边?|[东南西北]郊"  # [[某海]]之滨的某官邸: on its shore; [[某城]]西郊的某官邸
              r"|以[东南西北](?:约?[0-9一二三四五六七八九十百]+(?:公里|千米|英里))?)?的?"
              r"(?:[\u4e00-\u9fff]{0,2}(?:城市|城镇|小镇|小城|古城|古都|名城|港口|村庄|山区|度假区|胜地))?[的之]?")
_CHAIN_GAP = re.compile("^" + _GAP_WORDS + "$")
_GAP_PREFIX = re.compile(_GAP_WORDS)
PLAIN_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


#: A venue written after a plain town and the side of it that it lies on (``[[滨海边疆区]]某城附近某休养地``).
_VENUE_LATER_IN_THE_TAIL = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:附近|郊外|郊区|近郊|以[东南西北])(?P<n>[\u4e00-\u9fff]{2,12})$")


#: A place written after the side of the linked place it lies by (``[[某城]]附近的某镇``, ``[[某都]]郊外的某庄园``).
_BY_THE_LINK = re.compile(r"^(?:附近|郊外|郊区|近郊)的(?P<n>[\u4e00-\u9fff]{2,12})$")


def tail_place(reading: Reading, last: str, tail: str) -> tuple[str, bool] | None:
    """What a plain ``tail`` written right after the linked place ``last`` names.

    Returns ``(name, inside)``: ``inside`` when the name lies in the link: the tail's own
    (``福建厅``) or, for a bare kind of building, the one name it makes with the link
    (``贝努维尔城堡``, ``北京饭店``); not inside a state it makes one name with
    (``美国大使馆``, which replaces it), but a town's name after a linked state is the town,
    inside it (``[[甲国]]某城``, see :func:`_a_towns_name`); ``None`` when the tail is a side or
    a direction of the link (``北侧``) or not a name."""
    tail = tail.strip()
    by = _BY_THE_LINK.match(tail)
    if by is not None and PLAIN_PLACE.match(by["n"]) and not SIDE_WORDS.match(by["n"]):
        return by["n"], True  # [[某城]]附近的某镇: the town by it, counted in it
    later = _VENUE_LATER_IN_THE_TAIL.match(tail)
    if later is not None and later["n"].endswith(_TAIL_VENUE_ENDINGS) and not SIDE_WORDS.match(later["n"]):
        return later["n"], True  # [[某区]]某城附近某休养地: the venue, in the link
    if not tail or SIDE_WORDS.match(tail) or not PLAIN_PLACE.match(tail):
        return None
    if reading.index.is_state(last):
        if _a_towns_name(tail):
            return tail, True  # [[甲国]]某城: the town, in the state
        return to_hans(last) + tail, False  # [[美国]]大使馆 is not in the United States
    if tail in BARE_KINDS:
        return to_hans(last) + tail, True  # [[贝努维尔]]城堡: the castle of Bénouville, in it
    return tail, True


#: A town's name as a place field writes it plainly after its linked state (``[[甲国]]某城``).
_TOWN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,7}$")


def _a_towns_name(tail: str) -> bool:
    """Whether a plain tail after a linked state reads as a town's name (``[[甲国]]某城``, ``[[乙国]]乙都``),
    not a building's or a kind of place that makes one name with the state (``[[甲国]]大使馆``,
    ``[[甲国]]总统府``, ``[[甲国]]驻乙国使馆``), nor a side of it (``北部``)."""
    return bool(_TOWN_NAME.match(tail)) and tail not in BARE_KINDS and not tail.endswith(VENUE_ENDINGS + ("住所",)) \
        and not tail.startswith("驻") and not SIDE_WORDS.match(tail)


def joins_chain(between: str) -> bool:
    """Whether the words between two places keep them one chain, the later inside the earlier
    (a kind of place before a name in quotes too: ``[[长门市]]的温泉旅馆「大谷山庄」``)."""
    between = between.strip()
    quoted = _KIND_THEN_QUOTE.search(between)
    if quoted is not None and quoted.group("k").endswith(_KINDS_BEFORE_A_NAME):
        between = between[:quoted.start()]
    return bool(_CHAIN_GAP.match(between)) or bool(_SEAT_OF_AN_OFFICE.match(between))


#: Between a town and a building's name: the seat of an office or the residence the building is, named by its
#: kind (``[[某都]]总统府[[某宫]]``, ``[[某都]]的总理府[[某楼]]``, ``位于[[某城]]的官邸[[某楼]]``): the building, in the town.
_SEAT_OF_AN_OFFICE = re.compile(r"^的?(?:(?:总统|总理|首相)府|(?:总统|总理|首相|国王|女王|元首)?(?:官邸|私邸|寓所))$")


def spots_join(sentence: Sentence, outer: Spot, inner: Spot) -> bool:
    """Whether two names of a sentence's chain are one chain, the later inside the earlier: the
    words between them join a chain (:func:`joins_chain`), or the later is the plain venue on the
    shore of the lake or river the earlier links (``[[某湖]]畔的某宾馆``, see :func:`_shore`)."""
    between = sentence.hans[outer.end:inner.start]
    return joins_chain(between) or (inner.link is None and bool(between) and _shore(sentence, outer, inner.start) == between)


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


#: A visitor moving on to another place (``；24日转赴[[丙国]]``, ``随后前往某城``): a place held at before it is left.
_MOVED_ON = re.compile(rf"(?:{MOVES_ON}|{GOES_TO}|离开)")


def held_at_chain(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The places of ``在/于 … 举行`` (会晤, 会见 …) that a meeting dated at ``at`` is held at.

    A sentence that tells of several events (``于2024年10月在喀山…会晤，2025年8月31日…在天津
    迎宾馆会见…``) gives each date the phrase in its own stretch: after the date before the
    next dated clause, else before it after the last dated clause, unless the visitor moved on from it
    before the date (``抵达乙国，与乙会晤；24日转赴丙国，25日与丙会谈``: not 乙国 for the 25th). A phrase ends
    where a topic or a partner begins (就, 与 …)."""
    matches = [m for m in held_at_phrases(sentence) if not of_a_ceremony(sentence, m) and not _of_another_time(sentence, m)
               and not of_a_meeting_not_held(sentence, m)]
    if at is not None:
        low, high = _own_stretch(sentence.hans, at, sentence.spots)
        others = _other_days_accounts(sentence.hans, at)
        own = [m for m in matches if low <= m.start() and m.end() <= high
               and not any(a <= m.start() < b for a, b in others)]
        other_legs = _other_legs_of_the_tour(sentence.hans, at)
        own = [m for m in own if m.start() < other_legs]
        matches = [m for m in own if m.end() > at] + [m for m in own if m.end() <= at
                                                      and not _MOVED_ON.search(sentence.hans, m.end(), at)][::-1]
    matches = _talks_after_the_welcome(reading, sentence, matches)
    chains = [c for c in (phrase_chain(reading, sentence, m) for m in matches if m.re is not SIGNED_AT) if c] \
        or [c for c in (phrase_chain(reading, sentence, m) for m in matches) if c]  # 在某城会谈，并在某宫签署: the talks'
    if not chains:
        return ()
    chosen = chains[0]
    for other in chains[1:]:  # 于…在日内瓦举行，两人首日在日内瓦湖畔的丰泉宫会面: the finer one
        keys = [s.key for s in other]
        container = well_known_container(reading, other[0].key)  # 在北京会见…；当天下午…在人民大会堂
        if chosen[-1].key in keys[:-1] or container is not None and reading.index.key(container) == chosen[-1].key:
            chosen = other
    return chosen


def attended_at_chain(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The places of ``在…出席`` in the date's own stretch: where the leaders the sentence tells
    attended the gathering or the ceremony they met at (``两人在某城共同出席纪念活动``,
    ``甲在某都出席第五次甲乙领导人会议``), for a meeting told with no 在…举行 of its own. Not
    attended from afar (``在某都以视频方式出席``), nor what the meeting came after (``在某都出席论坛后``),
    nor said of an earlier time, nor where the sentence tells a visit before it or another place
    (``对甲国和乙国进行访问，并在某都出席…``, ``在甲城为…揭幕，随后在乙城出席…``, ``在甲城出席…，两人在某墓前
    献花``: one place of several, the meeting's not said)."""
    low, high = _own_stretch(sentence.hans, at, sentence.spots) if at is not None else (0, len(sentence.hans))
    in_a_name = name_positions(sentence)
    for match in _ATTENDED_AT.finditer(sentence.hans, low, high):
        if VISIT_WORDS.search(sentence.hans, 0, match.start()) or _somewhere_before(sentence, low, match.start(), in_a_name) \
                or _somewhere_before(sentence, match.end(), high, in_a_name):
            return ()  # 对甲国和乙国进行访问，并在某都出席…, 在甲城为…揭幕，随后在乙城出席…: one place of several
        rest = sentence.hans[match.end():_clause_end(sentence, match.end())]
        if match.start() in in_a_name or _REMOTELY.search(sentence.hans, match.start("w"), match.end()) \
                or _REMOTELY.search(rest) or "后" in rest or _of_another_time(sentence, match):
            continue  # 在某都出席论坛后访问乙都: what was done after it is told elsewhere
        chain = phrase_chain(reading, sentence, match)
        if chain:
            return chain
    return ()


def host_town_of_the_gathering(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The town a gathering's name is written with, in the date's own stretch, when the meeting is told
    during it: ``在出席[[二十国集团]][[某城]]峰会期间会晤``, ``出席某城八国峰会期间与乙会谈``, ``在出席[[丙国]]某城
    二十国集团峰会期间同乙会晤`` (the town, in the state written right before it) were held in that town. Not a
    state in the name (``出席中国—中亚峰会期间``, ``美国—东盟特别峰会``: the sides, not the host), nor a town that begins
    a body's name (``出席上海合作组织峰会期间``), nor a gathering the meeting came after (``出席某城峰会后``)."""
    low, high = _own_stretch(sentence.hans, at, sentence.spots) if at is not None else (0, len(sentence.hans))
    in_a_name = name_positions(sentence)
    for match in _GATHERING_ATTENDED.finditer(sentence.hans, low, high):
        if match.start() in in_a_name:
            continue
        for spot in sentence.spots_in(match.start("w"), match.end("w")):
            town = _town_naming_the_gathering(reading, spot)
            if town is not None:
                return (town,)
            kind = reading.registry.kind_of(spot.surface)
            after = _GATHERING_OF_THE_TOWN.match(sentence.hans, spot.end, match.end("w"))
            if reading.index.is_state(spot.surface) or after is None or kind not in (None, Kind.PLACE):
                continue
            if kind is None and not (_GROUP_BEFORE.search(sentence.hans, match.start("w"), spot.start)
                                     or _GROUP.match(sentence.hans, spot.end)):
                continue  # [[某组织]]峰会: a body's name; [[二十国集团]][[某城]]峰会, 某城八国峰会: the town
            state = next((s for s in sentence.spots if s.end == spot.start and reading.index.is_state(s.surface)), None)
            return (state, spot) if state is not None else (spot,)
    return ()


def _town_naming_the_gathering(reading: Reading, spot: Spot) -> Spot | None:
    """The town a gathering's own linked name begins with (``[[某城国际经济论坛]]``, ``[[某城论坛]]``), when the
    article names that town as a place: the town the gathering is held in, as a spot of the name's first characters."""
    if spot.link is None or not _A_GATHERING.search(spot.hans):
        return None
    for end in range(len(spot.hans) - 2, 1, -1):
        name = spot.surface[:end]
        if _A_GATHERING.match(spot.hans, end) and reading.registry.is_a(name, Kind.PLACE) \
                and not reading.index.is_state(name):
            return Spot(spot.start, spot.start + end, reading.index.key(name), name, spot.hans[:end], None)
    return None


#: What a gathering named by its town is, right after the town's name (``某城国际经济论坛``, ``某城峰会``).
_A_GATHERING = re.compile(r"(?:国际|全球|世界|亚洲)?(?:经济|安全|投资|合作)?(?:论坛|峰会|会议|年会|大会)$")


#: ``出席…峰会期间`` (之际, 间隙, 时): a gathering attended, the meeting told during it.
_GATHERING_ATTENDED = re.compile(r"(?:出席|参加)(?P<w>[^，。；,]{2,30}?(?:峰会|会议|论坛|年会|大会))(?:期间|之际|间隙|时)")
#: The groups whose gatherings are named by their host town (``二十国集团大阪峰会``, ``圣彼得堡八国峰会``,
#: ``庆州APEC领导人非正式会议``): a name written right before or after them in a gathering's name is the town.
_GROUPS = r"(?:二十国集团|八国集团|七国集团|八国|七国|G20|G8|G7|APEC|亚太经合组织)(?:（[A-Z0-9]+）|\([A-Z0-9]+\))?"
_GROUP = re.compile(_GROUPS)
_GROUP_BEFORE = re.compile(_GROUPS + "$")
#: After a town in a gathering's name: the gathering's word, or first the group whose meeting it is
#: (``[[某城]]峰会``, ``某城八国峰会``, ``某城二十国集团峰会``, ``某城APEC领导人非正式会议``).
_GATHERING_OF_THE_TOWN = re.compile(rf"(?:{_GROUPS})?(?:领导人)?(?:第[一二三四五六七八九十0-9]+[届次])?"
                                    r"(?:峰会|会议|论坛|年会|大会|首脑会议|非正式会议)")


#: ``在某城（共同）出席…``: where the leaders attended what the sentence tells.
_ATTENDED_AT = re.compile(r"在(?P<w>[^，。；,在]{1,24}?)(?:共同|一同|一起|一道)?出席")
#: Attending from afar: by video or online, not in person.
_REMOTELY = re.compile(r"视频|线上|在线|远程|连线|网络")


def town_visited(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The one town a visit phrase of the date's own stretch names, with nothing told after it
    of a meeting: ``乙国总统李四访问[[甲都]]，两国总统同意…``, ``对[[甲都]]进行了为期一天的访问``,
    ``回访[[乙都]]。`` were held there. Not a state (the visited state's rules place those), nor a
    sentence that names two towns visited (a tour) or a place before the town (``先在[[甲城]]参观…，
    随后访问[[乙城]]``: reached after what was told)."""
    low, high = _own_stretch(sentence.hans, at, sentence.spots) if at is not None else (0, len(sentence.hans))
    in_a_name = name_positions(sentence)
    found = []
    for pattern in (_TOWN_VISITED, VISIT_TO):
        for match in pattern.finditer(sentence.hans, low, high):
            if match.start() in in_a_name or _somewhere_before(sentence, low, match.start(), in_a_name):
                continue  # 先在甲城参观…，傍晚飞抵乙城: the town reached after the meeting told
            spots = sentence.spots_in(match.start("w"), match.end("w"))
            town = spots[0] if len(spots) == 1 else None
            if town is not None and (town.start, town.end) == (match.start("w"), match.end("w")) \
                    and reading.registry.is_a(town.surface, Kind.PLACE) and not reading.registry.is_a(town.surface, Kind.COUNTRY) \
                    and not reading.index.is_state(town.surface) and not town.hans.endswith(ARRIVED_AT):
                found.append(town)
    return (found[0],) if len({s.key for s in found}) == 1 else ()


#: ``访问某城，``, ``回访某城。``: a town a leader visits, the visit's clause ending with it.
_TOWN_VISITED = re.compile(r"(?:到访|访问|回访)(?P<w>[^，。；,、与和同在于对]{1,16}?)(?=[，。；,]|$)")
#: ``对某城进行了为期一天的访问``, ``对乙国的访问``: a visit told as one to a town or a state.
VISIT_TO = re.compile(r"对(?P<w>[^，。；,、对]{1,12}?)(?:进行(?:了|的)?|的)[^，。；,]{0,10}?访问")


def _somewhere_before(sentence: Sentence, low: int, upto: int, in_a_name: set[int]) -> bool:
    """Whether a 在 of its own stands between ``low`` and ``upto``: the sentence told a place before; not
    one of a time (``在出席某峰会后访问乙都``)."""
    return any(m.group() == "在" and m.start() not in in_a_name and not _AT_A_TIME.match(sentence.hans, m.end())
               for m in _INNER_AT.finditer(sentence.hans, low, upto))


#: After 在: what was done, the time after it (``在出席某峰会后``), no place.
_AT_A_TIME = re.compile(r"出席|参加|访问|结束|完成")


def _clause_end(sentence: Sentence, at: int) -> int:
    stop = CLAUSE_BREAK.search(sentence.hans, at)
    return stop.start() if stop else len(sentence.hans)


def _talks_after_the_welcome(reading: Reading, sentence: Sentence, matches: list[re.Match]) -> list[re.Match]:
    """The phrase of the talks first when the first phrase is of a welcome ceremony at a building
    before them (``乙在[[某院]]广场为甲举行欢迎仪式，两国元首随后在[[某宫]]举行会谈``, ``出席在[[某广场]]举行的
    欢迎仪式，随后在某都某宾馆举行会谈``): the ceremony's ground holds no talks, the place of the talks that
    follow does. Not a ceremony in a town (``在[[某都]]为甲举行欢迎仪式，随后两人在王宫举行会谈``): the
    town holds the talks too."""
    if not matches or not _ceremony_follows(sentence, matches[0]):
        return matches
    first = matches[0]
    ground = phrase_chain(reading, sentence, first)
    if not ground or not ground[-1].hans.endswith(_BUILDING_ENDINGS):
        return matches
    talks = next((m for m in matches[1:] if m.start() >= first.end() and m.re is not SIGNED_AT
                  and not _ceremony_follows(sentence, m)), None)
    if talks is None or not _THEN_ALONE.fullmatch(sentence.hans, first.end(), talks.start()):
        return matches  # 出席…欢迎仪式，先后同乙、丙会晤；下午…在某厅会见: the ceremony's ground holds the talks
    if any(s.key == ground[-1].key for s in phrase_chain(reading, sentence, talks)):
        return matches  # 在某都总统府前草坪为甲举行欢迎仪式，两国元首随后在总统府举行会谈: the finer one is the ceremony's
    return [talks] + [m for m in matches if m is not talks]


#: Between a welcome ceremony and the held-at phrase of the talks right after it: the rest of the
#: ceremony's clause and a "then" (``为甲举行欢迎仪式，两国元首随后``), no other event or meeting told.
_THEN_ALONE = re.compile(r"[^，,；;。]*[，,]?[^，,；;。]{0,8}?(?:随后|随即|接着|然后|之后)[^，,；;。]{0,8}?")


#: A ceremony or a show said to be held somewhere (``纪念仪式在…宝剑海滩举行``): its place, not a meeting's.
_CEREMONY_SUBJECT = re.compile(r"(?:仪式|典礼|庆典|纪念活动|阅兵式?|葬礼|国葬|开幕式|闭幕式|宴会|晚宴|国宴|招待会|欢迎会|音乐会|演出|展览)"
                               r"(?:也|则|将|已|均|随后|当天)?$")


#: Right before a held-at phrase, in its clause: a time before the one told (再次令人想起七年前在某地的首次会面).
_ANOTHER_TIME = re.compile(r"(?:[0-9一二三四五六七八九十两几数多]+年|多年|此|之|上次|上一次)前$|当年$|昔日$"
                           # 表示，今年6月两人在某城会晤: a month of this year or last, told back by a speaker; 两人曾在…
                           r"|(?:(?:今年|去年|前年|前一年|上一年)[0-9一二三四五六七八九十]{1,2}月(?:份|初|中旬|下旬|底)?"
                           r"|去年|前年|前一年|上一年|上个?月)[^，,；;在]{0,8}$|曾经?$"
                           # 甲在会谈中回顾了两人在某城的会面: a meeting recalled in the one told
                           r"|(?:回顾|回忆|忆及)了?(?:起)?[^，,；;在]{0,8}$")


#: In or right after a held-at phrase: what the meeting told is counted from (``在某宫争吵后的首次会面``,
#: ``在某城会面以来的首次会晤``): the held-at phrase places that earlier event.
_SINCE = re.compile(r"(?:后|之后|以来)的?(?:首次|第[一二三四五六七八九十0-9]+次|再次|又一次)")


def _of_another_time(sentence: Sentence, match: re.Match) -> bool:
    """Whether the held-at phrase is said of an earlier time than the sentence's
    (``…会谈，再次令人想起七年前在斯洛文尼亚的首次会面``, ``甲表示，今年6月两人在某城会晤``,
    ``两人曾在某城会面``), or a meeting the one told is counted from (``这是两人在某宫争吵后的首次会面``):
    its place is that meeting's. Not a 曾 of the day its sentence opens with
    (``2022年3月4日，甲曾在白宫与乙会晤``, told back in a background): the meeting of that day."""
    if _SINCE.search(sentence.hans, match.start("w"), match.end("w")) or _SINCE.match(sentence.hans, match.end()):
        return True  # 这是两人在某宫争吵后的首次会面, 自在某城会面后的首次会晤: the place of the meeting before
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.hans, 0, match.start())), default=0)
    # 在会谈中回顾了前一年7月两人在某城的会面: the phrase's place follows its last 在, told of the time before it
    last_at = sentence.hans.rfind("在", match.start("w"), match.end("w")) if "w" in match.re.groupindex else -1
    earlier = _ANOTHER_TIME.search(sentence.hans[clause_start:last_at if last_at > 0 else match.start()].rstrip("的"))
    return earlier is not None and not (earlier.group().startswith("曾")
                                        and _dated_just_before(sentence, clause_start, match.start()))


#: In a held-at phrase's clause, before it: a meeting asked for, planned or supported, not one held
#: (``请乙在某城…期间会见丙时``, ``邀请乙出席…在某城举行的``, ``原计划在某城举行``, ``支持同年12月在某都举行的``).
_NOT_HELD_BEFORE = re.compile(r"(?:邀请|请求|(?<![宴聘申提])请|原计划|原定|(?<!按)计划|规划|拟|支持)[^，,；;。]{0,40}$")
#: ``应乙邀请``, ``接受乙的邀请``: the meeting held at an invitation.
_AT_AN_INVITATION = re.compile(r"应[^，,；;。]{0,30}?邀|接受[^，,；;。]{0,20}?邀请")
#: A topic said before the phrase and talked of after it (``就…年内在某国举行某会议交换了意见``): a meeting discussed.
_TOPIC_BEFORE = re.compile(r"就[^，,；;。]{1,40}$")
_TALKED_OF_AFTER = re.compile(r"[^，,；;。]{0,40}?(?:交换了?意见|进行了?(?:讨论|沟通|磋商)|达成(?:了)?(?:一致|共识))")


def of_a_meeting_not_held(sentence: Sentence, match: re.Match) -> bool:
    """Whether the held-at phrase places another meeting that its clause asks for, plans, supports or
    talks of (``并请乙在[[某城]]某峰会期间会见丙时``, ``原计划在某城举行``, ``就…年内在[[某国]]举行[[某会议]]交换了意见``):
    that meeting's place, not the one told. Not a meeting held at an invitation (``应乙邀请在某都会晤``)."""
    hans = sentence.hans
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(hans, 0, match.start())), default=0)
    before = hans[clause_start:match.start()]
    if _NOT_HELD_BEFORE.search(before):
        return not _AT_AN_INVITATION.search(before)
    return bool(_TOPIC_BEFORE.search(before)) and bool(_TALKED_OF_AFTER.match(hans, match.end()))


def _dated_just_before(sentence: Sentence, clause_start: int, upto: int) -> bool:
    """Whether the sentence's date with a day, in its first clause, is in the clause at
    ``clause_start`` before ``upto`` or ends the clause right before (``2022年3月4日，…``)."""
    hans = sentence.hans
    return any(not CLAUSE_BREAK.search(hans, 0, d.at)
               and (d.at >= clause_start or hans[d.stop:clause_start].strip() in ("，", ","))
               for d in find_dates(hans[:upto]))


def of_a_ceremony(sentence: Sentence, match: re.Match) -> bool:
    """Whether the held-at phrase's subject is a ceremony, not the meeting
    (``2014年6月6日，诺曼底登陆70周年国际纪念仪式在乌伊斯特勒昂的[[宝剑海滩]]举行``), or a ceremony someone
    attends that it describes (``晚间出席在布吕尔的[[奥古斯都堡宫]]举行的国宴``; not a welcome, whose seat holds the
    talks after it)."""
    hans = sentence.hans
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(hans, 0, match.start())), default=0)
    if match.re is HELD_AT and _ATTENDED_CEREMONY.match(hans, match.end()) \
            and _ATTENDS_BEFORE.search(hans[clause_start:match.start()]):
        return True
    return bool(_CEREMONY_SUBJECT.search(hans[clause_start:match.start()].strip()))


#: After a held-at phrase's 举行: the ceremony it describes (``举行的国宴``, ``举行的葬礼``, ``举行的…纪念碑揭幕仪式``), not a welcome.
_ATTENDED_CEREMONY = re.compile(r"的(?![^，,；;。]{0,20}?欢迎)[^，,；;。]{0,20}?(?:国宴|宴会|晚宴|午宴|仪式|典礼|开幕式|闭幕式|葬礼|国葬|弥撒|音乐会|演出)"
                                r"(?![^，,；;。]{0,4}?(?:期间|之际|间隙|前夕|后|上))")
#: Right before a held-at phrase, in its clause: someone attends what it describes (``出席在…``, ``参加了在…``).
_ATTENDS_BEFORE = re.compile(r"(?:出席|参加|参与)了?$")


def meeting_chains(reading: Reading, sentence: Sentence) -> list[tuple[Spot, ...]]:
    """The place chain of every held-at phrase of a sentence, in order."""
    return [c for c in (phrase_chain(reading, sentence, m) for m in held_at_phrases(sentence)) if c]


def phrase_chain(reading: Reading, sentence: Sentence, match: re.Match) -> tuple[Spot, ...]:
    owned = _after_owner(reading, sentence, match)
    chain = tuple(s for s in phrase_spots(sentence, match) if reading.registry.is_a(s.surface, Kind.PLACE, Kind.COUNTRY)
                  and s.start >= owned and not _nickname_in_quotes(reading, sentence, s))
    if _ceremony_follows(sentence, match):  # 在克里姆林宫[[乔治大厅]]为…举行欢迎仪式: the hall is the ceremony's,
        while len(chain) > 1 and chain[-1].hans.endswith(ROOMS):  # the building holds the talks that follow
            chain = chain[:-1]
    tail = _plain_venue(reading, sentence, match, chain)
    if tail is None:
        return chain
    if chain and tail.start == chain[-1].start and reading.index.is_state(chain[-1].surface):
        return chain[:-1] + (tail,)  # [[美国]]大使馆: one name, not in the state
    return chain + (tail,)  # [[北京]]饭店 in 北京


#: Quotation marks around a name: what something is called, not its own name.
_OPENING_QUOTES, _CLOSING_QUOTES = "“「『‘", "”」』’"


def _nickname_in_quotes(reading: Reading, sentence: Sentence, spot: Spot) -> bool:
    """Whether ``spot`` is a well-known venue's name in quotes right after the name of another
    place than the town the reference gazetteer puts it in (``在南斯拉夫“白宫”同乙会面``): the
    building there so nicknamed, not the well-known venue; no place of the chain."""
    container = well_known_container(reading, spot.key)
    if spot.start < 1 or sentence.hans[spot.start - 1] not in _OPENING_QUOTES or container is None \
            or sentence.hans[spot.end:spot.end + 1] not in tuple(_CLOSING_QUOTES):
        return False
    town = reading.index.key(container)
    holding = {town} | {v.key for v in reading.registry.facts_about(EntityId(Kind.PLACE, town), Prop.LOCATED_IN)
                        if isinstance(v, EntityId)}
    return any(s.end == spot.start - 1 and reading.registry.is_a(s.surface, Kind.PLACE, Kind.COUNTRY)
               and s.key not in holding for s in sentence.spots)


def phrase_spots(sentence: Sentence, match: re.Match, reading: Reading | None = None) -> tuple[Spot, ...]:
    """The names of a held-at phrase that may be places: up to where a topic or a partner
    begins, not an owner (``属于阿迦汗的丰泉宫``: 阿迦汗 owns the villa), not a gathering
    (``汉堡二十国集团峰会期间``), not a name inside the plain name of a venue after 的
    (``克劳福德的布什私人牧场``: 布什 is no place); and, with ``reading``, the venue written
    plainly at the phrase's end (``美国[[旧金山]]斐洛里庄园``)."""
    start, end = phrase_bounds(sentence, match)
    spots = tuple(s for s in sentence.spots_in(start, end) if not _OWNER.search(sentence.hans[start:s.start])
                  and not _HOME_AFTER.match(sentence.hans, s.end)
                  and not GATHERING_AFTER.match(sentence.hans, s.end) and not _inside_plain_venue(sentence, s, end))
    if reading is None:
        return spots
    candidates = tuple(s for s in spots if not reading.registry.is_a(s.surface, Kind.PERSON))
    tail = _plain_venue(reading, sentence, match, candidates)
    return spots + (tail,) if tail is not None else spots


def _after_owner(reading: Reading, sentence: Sentence, match: re.Match) -> int:
    """Where a held-at phrase's place begins after the person who owns it (``在乙国总理[[李四]]的
    总统官邸``: the residence is the place; the owner, his office and his state are none)."""
    start, end = phrase_bounds(sentence, match)
    owned = _PAREN_AFTER.sub("", sentence.hans[start:end]).rstrip()
    owners = [s.end + 1 for s in sentence.spots_in(start, end)
              if sentence.hans.startswith("的", s.end) and reading.registry.is_a(s.surface, Kind.PERSON)
              and _PLAIN_NAME.match(owned[s.end + 1 - start:]) and owned.endswith(VENUE_ENDINGS)]
    return max(owners, default=start)  # not 在某城出席张三的就职典礼后: no place of his


def phrase_bounds(sentence: Sentence, match: re.Match) -> tuple[int, int]:
    start, end = match.start("w"), match.end("w")
    for stop in _PHRASE_ENDS.finditer(sentence.hans, start, end):
        if not any(s.start <= stop.start() < s.end for s in sentence.spots) \
                and not _begins_a_venue_name(sentence, stop.start(), start, end):
            end = stop.start()
            break
    return start, end


def _begins_a_venue_name(sentence: Sentence, at: int, start: int, end: int) -> bool:
    """Whether the word at ``at`` is the first character of a plain venue's name that runs to
    the phrase's end (``在[[某都]]和平大厦会见乙``: 和 begins 和平大厦, no partner after it), or, right
    after a place's name or opening the phrase, to the partner word after it (``在[[某都]]和平大厦同乙举行
    会谈``: 同 ends the place, not 和; not a word the partner word ends, as 陪同 in ``在乙陪同下抵达某府与丙会晤``)."""
    partner = _PHRASE_ENDS.search(sentence.hans, at + 1, end)
    if partner is not None and (at == start or any(s.end == at for s in sentence.spots)):
        end = partner.start()
    rest = sentence.hans[at:end]
    return bool(_PLAIN_NAME.match(rest)) and rest.endswith(VENUE_ENDINGS) \
        and not any(s.start < end and s.end > at for s in sentence.spots)


#: How the name of a venue ends: a plain name so ending, at the end of a held-at phrase, is
#: the venue even without a link (``斐洛里庄园``, ``东大厅``, ``索斯诺维博尔军事基地``, ``高尔基号``).
VENUE_ENDINGS = ("庄园", "山庄", "宫", "馆", "酒店", "饭店", "大厦", "广场", "中心", "别墅", "城堡", "古堡", "厅", "楼", "堂",
                 "园", "阁", "府", "殿", "基地", "营", "号", "室", "屋", "邸", "亭", "寺", "驿站", "农场", "牧场", "舰", "礼堂",
                 "驻地", "总部", "大学", "学院", "研究所", "医院", "书房", "署")
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
NOT_OWN = re.compile(r"^(?:驻|其|该|此|这|那|某|[一两二三几数多][处座家间所个栋]|双方|两国|会谈|会晤|会议)")
#: What a ceremony, not a meeting, is held at.
_CEREMONY = re.compile(r"仪式|典礼|宴|欢迎")
#: A welcome ceremony: the seat it is held at holds the talks that follow it.
_WELCOME = re.compile(r"欢迎(?:仪式|式)")
#: How the name of a seat of government ends (总统府, 某宫, 首相署): where a welcome is held, and the talks after it.
_SEAT_ENDINGS = ("府", "宫", "署")
#: How a building's name ends, a ceremony's ground among them (荣军院, 某广场, 总统府): not a town's.
_BUILDING_ENDINGS = VENUE_ENDINGS + ("院",)
#: Rooms of a building: where a ceremony in it is held.
ROOMS = ("厅", "室", "草坪")


def _ceremony_follows(sentence: Sentence, match: re.Match, ceremony: re.Pattern = _CEREMONY) -> bool:
    """Whether what the phrase says is held there is a ceremony (``在…为张三举行欢迎仪式``), or one of
    the kind ``ceremony`` says."""
    end = phrase_bounds(sentence, match)[1]
    stop = next((m.start() for m in CLAUSE_BREAK.finditer(sentence.hans, end)), len(sentence.hans))
    return bool(ceremony.search(sentence.hans, end, stop))


def _plain_venue(reading: Reading, sentence: Sentence, match: re.Match, chain: tuple[Spot, ...]) -> Spot | None:
    """The venue written without a link at the end of a held-at phrase: after the last place
    of ``chain`` and the words that join a chain (``美国[[旧金山]]斐洛里庄园``,
    ``[[乌兰乌德]]郊外的索斯诺维博尔军事基地``, ``克劳福德的布什私人牧场``), a name that ends as a
    venue does. A bare kind of building right after a place makes one name with it (北京饭店)."""
    start, end = phrase_bounds(sentence, match)
    ceremony = _ceremony_follows(sentence, match)
    if ceremony and not _ceremony_follows(sentence, match, _WELCOME):
        return None  # 在某宫为甲举行国宴: a banquet's hall holds no talks
    start = _after_owner(reading, sentence, match)
    words = _ADVERB_AFTER.sub("", _PAREN_AFTER.sub("", sentence.hans[start:end]))
    end = start + len(words.rstrip())
    last = chain[-1] if chain else None
    if last is not None and last.end >= end:
        return None
    begin = last.end if last is not None else start
    gap = _GAP_PREFIX.match(sentence.hans, begin, end).group() if last is not None else ""
    gap = gap or _shore(sentence, last, end)
    if gap.endswith("市"):
        gap += _INSIDE_THE_TOWN.match(sentence.hans, begin + len(gap), end).group()  # 某都市内的总理府: the office
    at = begin + len(gap)
    name = sentence.hans[at:end]
    quoted = _QUOTED_VENUE.match(name)
    if ceremony and (quoted is not None or _QUOTE_THEN_KIND.match(name)):
        return None
    if quoted is not None and quoted["k"].endswith(_KINDS_BEFORE_A_NAME):  # 温泉旅馆「大谷山庄」: the name in quotes
        at, end = at + quoted.start("n"), at + quoted.end("n")
        name = quoted["n"]
        if not _PLAIN_NAME.match(name) or NOT_OWN.match(name) \
                or any(s.start < end and s.end > at and (s.start, s.end) != (at, end) for s in sentence.spots):
            return None
        surface = sentence.text[at:end]
        return Spot(at, end, reading.index.key(surface), surface, name, None)
    kind_after = _QUOTE_THEN_KIND.match(name)
    if kind_after is not None and kind_after["k"].endswith(_KINDS_BEFORE_A_NAME + _TAIL_VENUE_ENDINGS) \
            and _PLAIN_NAME.match(kind_after["n"]) and not NOT_OWN.match(kind_after["n"]) \
            and not any(s.start < end and s.end > at for s in sentence.spots):
        surface = sentence.text[at:end]  # “某某”宾馆: the quoted name with its kind
        return Spot(at, end, reading.index.key(surface), surface, name, None)
    if not _PLAIN_NAME.match(name) or SIDE_WORDS.match(name) or NOT_OWN.match(name) \
            or NOT_OWN.match(name.rsplit("的", 1)[-1]) \
            or not any(name.endswith(e) and len(name) > len(e) for e in VENUE_ENDINGS):
        return None  # 霍利布希的书房: a bare kind of room names no venue of its own; 某院的一家餐厅: one of several
    if any(s.start < end and s.end > at and (s.start < at or reading.index.is_state(s.surface)) for s in sentence.spots):
        return None  # the name runs into a linked name or holds a state: not one plain name
    if ceremony and not name.endswith(_SEAT_ENDINGS):
        return None  # 在人民大会堂北大厅举行欢迎仪式: the hall is the ceremony's, not the talks'
    if last is not None and not gap and name in BARE_KINDS:
        at = last.start  # [[贝努维尔]]城堡: one name, in the place it is named after
    surface = sentence.text[at:end]
    return Spot(at, end, reading.index.key(surface), surface, sentence.hans[at:end], None)


#: After a town's 市: inside it (``达卡市内的总理府``, ``某城市内酒店``), before the venue that lies there.
_INSIDE_THE_TOWN = re.compile(r"(?:内的?)?")


#: The shore of the lake or the river a link names, before a venue on it (``[[某湖]]畔的某宾馆``).
_SHORE = re.compile(r"畔的?")


def _shore(sentence: Sentence, last: Spot | None, end: int) -> str:
    """The words ``畔的`` between a linked lake or river and the plain venue on its shore
    (``在[[某湖]]畔的某宾馆举行会谈``: the guest house, by the lake); ``""`` when there are none. A town
    written after the shore (``[[某河]]畔的[[某城]]``) is no venue on it and keeps its own chain."""
    if last is None or last.link is None or not to_hans(last.surface).endswith(_WATERS):
        return ""
    shore = _SHORE.match(sentence.hans, last.end, end)
    return shore.group() if shore is not None else ""


#: How the name of a lake, a river or a sea ends.
_WATERS = ("湖", "河", "江", "海", "池", "水库")


def _inside_plain_venue(sentence: Sentence, spot: Spot, end: int) -> bool:
    """``的布什私人牧场``: a plain name after 的 that runs on, plainly, into a venue's name is part of it."""
    if spot.link is not None or not sentence.hans[:spot.start].endswith("的"):
        return False
    rest = _PAREN_AFTER.sub("", sentence.hans[spot.end:end]).rstrip()
    return bool(rest) and bool(_PLAIN_NAME.match(sentence.hans[spot.start:spot.end] + rest)) \
        and rest.endswith(VENUE_ENDINGS) and not rest[0] in "市省县区州" \
        and not any(s.start >= spot.end and s.start < spot.end + len(rest) for s in sentence.spots)


_OWNER = re.compile(r"(?:属于|归属|所属)$")
#: After a name: the home of whom it names (``在张三的住所与其会面``): a person's, the name no place.
_HOME_AFTER = re.compile(r"的(?:私人)?(?:住所|寓所|住处|私邸|私宅|宅邸)")
#: After a name: the name is of a gathering or a body (二十国集团峰会期间), not of a place.
GATHERING_AFTER = re.compile(r"(?:领导人)?(?:峰会|会议|论坛|年会|大会|首脑会议|非正式会议)")
#: After a body's name: its seat (``[[某联盟]]总部``, ``某组织秘书处``).
_SEAT_AFTER = re.compile(r"总部|秘书处")


def name_positions(sentence: Sentence) -> set[int]:
    """Where in the sentence a spotted name stands."""
    return {at for spot in sentence.spots for at in range(spot.start, spot.end)}


def held_at_phrases(sentence: Sentence) -> list[re.Match]:
    """Every ``在/于 … 举行`` whose 在 or 于 is a word of its own, not a character of a name
    (朴在先, 金于…), every ``前往 … 会见``, every ``会谈地点为…`` and every ``在 … 签署``.

    Seven rules ask it of a sentence, about 2.4 times each sentence a page: it is worked out
    once a sentence, kept by the sentence's identity (with the sentence itself, so that no other
    object takes its id while it is kept) for the last :data:`_HELD_AT_KEPT` sentences."""
    kept = _HELD_AT.get(id(sentence))
    if kept is None or kept[0] is not sentence:
        if len(_HELD_AT) >= _HELD_AT_KEPT:
            _HELD_AT.clear()
        kept = _HELD_AT[id(sentence)] = (sentence, tuple(_held_at_phrases(sentence)))
    return list(kept[1])


#: The sentences :func:`held_at_phrases` keeps its phrases of (a page has a few hundred).
_HELD_AT_KEPT = 1024
_HELD_AT: dict[int, tuple[Sentence, tuple[re.Match, ...]]] = {}


def _held_at_phrases(sentence: Sentence) -> list[re.Match]:
    out: list[re.Match] = []
    end = 0
    in_a_name = name_positions(sentence)
    for at in _phrase_starts(sentence.hans):
        if at < end or at in in_a_name:
            continue
        if sentence.hans[at] == "在" and _CAME_ALONG.match(sentence.hans, at):
            continue  # 在夫人张三陪同下抵达某府: who came along, not where (the place may follow)
        if sentence.hans[at] in "在于":
            match = _greeted_then_met(sentence, at) or HELD_AT.match(sentence.hans, at) or _held_with(sentence, at)
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
            match = _STAYED_TO_MEET.match(sentence.hans, at) or _WHILE_THERE.match(sentence.hans, at) \
                or SIGNED_AT.match(sentence.hans, at) or _chaired_at(sentence, at) or _CALLED_ON_AT.match(sentence.hans, at)
        if match:
            inner = _held_at_after_the_occasion(sentence, match, in_a_name)
            if inner is not None and inner.start() >= phrase_bounds(sentence, match)[1]:
                out.append(inner)  # 在访问乙国期间与乙在某村会面: the occasion's words are no place of the meeting
                inner = None
            out.append(match)
            if inner is not None:
                out.append(inner)  # 在某革命后于某日在白宫同乙会谈: after the time said, the place
            end = match.end()
    return out


#: ``在[[某宫]]礼节性拜会乙``, ``在某府接见甲``: a call paid on the host, or the host receiving the visitor, where it is.
_CALLED_ON_AT = re.compile(r"在(?P<w>[^，。；,在]{1,24}?)(?:礼节性)?(?:拜会|接见)")


#: ``在…陪同下`` (``在夫人张三陪同下``, ``在乙国总理李四的陪同下``): who comes along with a leader, no place.
_CAME_ALONG = re.compile(r"在[^，,；;。在]{1,24}?(?:陪同|陪伴)下")


#: A 在 or 于 of its own inside a held-at phrase's words: not one of a word (位于, 由于, 正在, 现在, 所在).
_INNER_AT = re.compile(r"(?<![位属对由关至终等基鉴])于|(?<![正现存所实自内])在(?![场任])")


def _held_at_after_the_occasion(sentence: Sentence, match: re.Match, in_a_name: set[int]) -> re.Match | None:
    """The held-at phrase that begins at the last 在 or 于 of its own inside a 在 phrase's words: the
    meeting's own place after the occasion or the time it is told in (``在出席[[某人]]葬礼期间于[[某都]]会晤``,
    ``在访日期间与乙在[[某城]][[某官邸]]举行会谈``, ``在[[某革命]]后于某日在白宫同乙会谈``)."""
    if match.re is not HELD_AT or sentence.hans[match.start()] != "在":
        return None
    inner = [m.start() for m in _INNER_AT.finditer(sentence.hans, match.start("w"), match.end("w")) if m.start() not in in_a_name]
    return HELD_AT.match(sentence.hans, inner[-1]) if inner else None


def _greeted_then_met(sentence: Sentence, at: int) -> re.Match | None:
    """``乙在萨拉姆宫迎接甲并与其举行会谈``, ``在开罗[[伊蒂哈迪亚宫|总统府（伊蒂哈迪亚宫）]]迎接甲，两国领导人举行会谈``: a host
    greeting the visitor at a building or a site, and the talks that follow with no place of their own; not at an
    airport or a station, where a visitor lands (``在机场迎接，随后双方举行会晤``), nor in a town, or at a place whose
    name the text does not write plainly (``在某村湖畔的「某酒店」迎接甲，两人共进午餐并会谈``: not the village)."""
    match = _GREETED_THEN_MET.match(sentence.hans, at)
    if match is None or any(s.start < match.start("w") < s.end for s in sentence.spots):
        return None
    site = _PAREN_AFTER.sub("", match["w"])  # 在开罗总统府（伊蒂哈迪亚宫）迎接
    return match if site.endswith(VENUE_ENDINGS) and not site.endswith(ARRIVED_AT) else None


def greeted_then_met(match: re.Match) -> bool:
    """Whether a held-at phrase is a host's greeting the talks follow (``在某宫迎接甲，两人随后举行会谈``)."""
    return match.re is _GREETED_THEN_MET


#: A host greeting the visitor somewhere (在某宫迎接甲, 在某府前以军礼欢迎, 在某宫正门迎接, 在某宫大厅迎接: the palace), and
#: the talks that follow right after, in its clause or the next, with no place of their own (并与其举行会谈,
#: ，两人随后举行会谈, ，两国元首随即举行会谈, ，并与其举行会谈).
_GREETED_THEN_MET = re.compile(
    r"在(?P<w>[^，。；,在]{1,30}?)(?:[东南西北正大]?门(?:前|外|口)?|前|外|大厅|庭院|台阶)?(?:亲自|冒雨)?(?:迎接|迎候|以军礼欢迎)"
    r"[^，。；,在]{0,12}?(?:[，,]并?|并)(?:两人|双方|二人|两国(?:元首|领导人|首脑|总统|总理|首相))?(?:随后|随即|先)?"
    r"(?:与其|同其|与之|与他|同他|与她|同她)?(?:举行|进行)?[^，。；,在与同和]{0,10}?(?:会谈|会晤)")


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
#: The partners and the meeting after the partner word: one partner (or a few) in a clause's stretch, or a list of
#: three or more leaders with their offices, one after another (``同甲国总统张三、乙国总理李四、丙国首相王五等…
#: 举行集体会晤``), however long the list runs. A meal the two share or views they exchange is their meeting too
#: (``在[[某庄园]]与其共进晚餐``, ``在总统府与乙晤谈``, ``在某宫与乙交换意见``).
_PARTNER_THEN_MEETING = re.compile(r"(?:[^，。；,]{1,90}?|(?:[^，。；,、]{1,30}、){3,}[^，。；,]{1,90}?)"
                                   r"(?:举行|会晤|会谈|会面|会见|晤谈|交换了?意见|共进(?:工作)?[早午晚]餐)")


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


def _chaired_at(sentence: Sentence, at: int) -> re.Match | None:
    """``在[[某城]]主持第八次甲乙丙领导人会议``, ``在[[某宫]]主持三方峰会``, ``在某都主持召开某国邻国峰会``: the host
    chairs the meeting where it is held, the place written before 主持. Not chaired from afar (``在北京以视频方式主持
    峰会``), under someone's auspices (``在联合国主持下``), nor a ceremony or a banquet the host chairs there
    (``在某宫主持欢迎仪式``: the welcome's rules read it), nor a gathering described by who chaired it (``主持的``)."""
    match = _CHAIRED_AT.match(sentence.hans, at)
    if match is None or _REMOTELY.search(match["w"]) or any(s.start < match.start("w") < s.end for s in sentence.spots):
        return None
    return match


#: ``在某城主持（召开）…峰会`` (会议, 会晤, 会谈, 论坛), the gathering's word in the clause; not a ceremony first.
_CHAIRED_AT = re.compile(r"在(?P<w>[^，。；,在]{1,24}?)主持(?![^，。；,]{0,2}下|的)(?:召开)?了?"
                         r"(?=[^，。；,仪宴]{0,30}?(?:峰会|会议|会晤|会谈|论坛))")


#: ``在巴黎停留七小时，同某国总统某会谈``: a stop somewhere, and the meeting held during it.
#: So is a gathering there, and the meeting held on its occasion or right after it (在某湖利用八国峰会之机，
#: 与乙举行会谈; 在某都出席某峰会期间，会见了乙), told with no place of its own (not 同乙在某镇会谈) or only with
#: one that has no name (在某港出席某会议后，在下榻的酒店会见乙; 在当地一间酒店举行会谈: the lodging, the local hotel).
_STAYED_TO_MEET = re.compile(r"在(?P<w>[^，。；,在]{1,20}?)(?:(?:短暂)?(?:停留|逗留|停靠)[^，。；,]{0,12}"
                             r"|(?:利用|借|趁|出席|参加)[^，。；,在]{1,20}?(?:之机|之际|期间|间隙|之后|后))[，,](?:并|随后|其间|期间)?"
                             r"(?:(?:同|与|和|跟)[^，。；,在]{1,30}?|(?:先后|分别)?(?=会见|会晤)"
                             r"|在(?:其|他|她)?(?:下榻(?:的|之)?(?:饭店|酒店|宾馆|处)|当地(?:的|一[间家座处])?(?:饭店|酒店|宾馆)?)"
                             r"[^，。；,在]{0,30}?)(?:会谈|会晤|会见|会面)")
#: ``在[[某都]]期间，甲还会见了乙``, ``在某都期间与乙会面``: the meetings of a leader's stay in a town (or a state), told
#: with no place of their own; not the stay of a visit or a gathering (在访问期间, 在峰会期间: a time, no place).
_WHILE_THERE = re.compile(r"在(?P<w>[^，。；,在访出参峰会议]{2,12}?)期间[，,]?[^，。；,在]{0,40}?(?:会谈|会晤|会见|会面)")
#: ``在巴黎签署了《某条约》``, ``双方在金边发表《…联合声明》``, ``在塔什干展开谈判``: leaders sign, issue what they
#: state together or begin their talks there (not a speech: ``在议会发表演讲``); not a document described by
#: where it was signed (``在上海签署的《上海公报》``, an earlier one).
SIGNED_AT = re.compile(r"在(?P<w>[^，。；,在]{1,24}?)(?:共同|正式|同时)?(?:签署|签订|签字|展开(?:会谈|谈判)|开始(?:会谈|谈判)"
                       r"|(?:发表|发布)(?=了?[^，。；,]{0,30}?(?:联合声明|联合公报|共同声明|联合宣言)))"
                       r"(?!的|仪式)")
#: ``前往白宫会见奥巴马``: gone to a place to meet someone there.
_GONE_TO_MEET = re.compile(rf"(?:{TRAVELS_TO}|到访)" r"(?P<w>[^，。；,、]{1,20}?)(?:会见|会晤|会谈|会面|举行会谈|举行会晤)")
#: Going to a site and, in the next clause, meeting the partner with no place of its own
#: (``抵达[[某府]]，与乙国总理李四举行会谈``, ``前往某城的[[某宫]]，同李四会晤``): the site is the place. Not a
#: move on (``随后转赴[[某城]]，与丙国总理会谈``): the next stop's meeting, with another side, not the one told before.
_GONE_THEN_MET = re.compile(rf"(?:{ARRIVES}|{GOES_TO})" r"(?P<w>[^，。；,、]{1,20}?)[，,](?:随后|随即|即)?(?:与|同|跟)"
                            r"[^，。；,在]{1,40}?(?:会见|会晤|会谈|会面)")


def said_of_other_days(clause: Sentence, upto: int, when: date) -> bool:
    """Whether the dates with a day that a clause gives before ``upto`` (its held-at phrase)
    all leave out ``when``: ``于2017年7月7日在德国汉堡举行`` says where the meeting of 7 July
    was, not where the one of 8 July was."""
    days = find_dates(clause.hans[:upto], year=when.year)
    return bool(days) and not any(d.start <= when <= d.end for d in days)


def _own_stretch(hans: str, at: int, names: tuple[Spot, ...] = ()) -> tuple[int, int]:
    """From the end of the clause of the date before ``at`` to the start of the clause of the
    date after it (dates with a day, and months of a year); a day written without its year in
    another clause is a date of the sentence's first year, when no date of the sentence spans it
    (``2017年7月23日…；随后…并于7月24日在某城…``; not ``5月8日至10日…访问，5月9日在某城…``); a year that begins
    one of the sentence's ``names`` is no date of it (``…举行会晤（[[2025年某峰会]]）``: the event's name)."""
    given = find_dates(hans)
    days = [d for d in find_dates(hans, year=given[0].start.year)
            if d.year_given or CLAUSE_BREAK.search(hans, min(at, d.at), max(at, d.at))
            and not any(g.start <= d.start <= g.end for g in given)] if given else given
    moved = {m.start("time"): m.start() for m in MOVED_ON_THAT_DAY.finditer(hans)
             if m.start() > 0 and hans[m.start() - 1] in "，,"}  # …，随后又于同日飞往某城: that day's next stretch
    marks = sorted(mark for mark in {d.at for d in days} | {m.at for m in find_year_months(hans)} | set(moved)
                   if not any(s.start <= mark < s.end for s in names))
    clause_starts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(hans)]
    clause_ends = [m.start() for m in CLAUSE_BREAK.finditer(hans)] + [len(hans)]
    earlier = [m for m in marks if m < at]
    later = [m for m in marks if m > at]
    low = min((e for e in clause_ends if e >= earlier[-1]), default=0) if earlier else 0
    high = max((s for s in clause_starts if s <= later[0]), default=len(hans)) if later else len(hans)
    low = max(low, moved.get(at, low))
    return low, max(high, at)


#: A tour of several states told after its days (``于7月19日至28日对甲国、乙国和丙国进行国事访问``), up to its clause's end.
_TOUR = re.compile(r"对[^，,；;。对]{1,40}?[、][^，,；;。]{1,40}?(?:进行|的)[^，,；;。]{0,10}?访问[^，,；;。]{0,6}")


def _other_legs_of_the_tour(hans: str, at: int) -> int:
    """Where a sentence that dates a tour of several states at ``at`` goes on to tell one leg of it
    (``于…对甲国、乙国和丙国进行国事访问，出席在[[某城]]举行的某会晤``, ``…三国进行国事访问，并赴[[丁国]][[某庄园]]同戊举行
    会晤``): that leg's place is not of the meeting dated at the tour's days; the end of the sentence when it tells none."""
    tour = _TOUR.search(hans, at, min(len(hans), at + 60))
    return tour.end() if tour is not None and not _SENTENCE_PART_BREAK.search(hans, at, tour.start()) else len(hans)


_SENTENCE_PART_BREAK = re.compile("[；;。]")


#: A day that opens an account of its own after a semicolon (``…；17日转赴某都``, ``…；5月15日，他前往…``).
_DAY_AFTER_A_SEMICOLON = re.compile(r"[；;]\s*(?P<d>(?:[0-9]{1,2}月)?[0-9]{1,2}[日号])")


def _other_days_accounts(hans: str, at: int) -> tuple[tuple[int, int], ...]:
    """The stretches of a sentence that tell other days than the one at ``at``, when it writes its
    days without their year and opens each later day's account after a semicolon
    (``11月16日，甲在某都与乙会谈；17日转赴另一都，与丙会谈``): the account before the day's semicolon is
    the day before's, the one from the next such semicolon on the days after. What comes before the
    first day is the frame of them all (``在某都会见与会领导人：4月11日…；4月12日…``: each day's town).
    A sentence that writes its year is split by its dates already (:func:`_own_stretch`)."""
    if ("；" not in hans and ";" not in hans) or find_dates(hans):
        return ()
    first = find_dates(hans, year=_ANY_LEAP_YEAR)
    if not first:
        return ()
    opened = [m for m in _DAY_AFTER_A_SEMICOLON.finditer(hans) if m.start("d") > first[0].at]
    out = []
    mine = next((i for i, m in enumerate(opened) if m.start("d") == at), None)
    if mine is not None:  # the day before's account: from the day before to this day's semicolon
        out.append((opened[mine - 1].start("d") if mine else first[0].at, opened[mine].start()))
    later = next((m for m in opened if m.start("d") > at), None)
    if later is not None:
        out.append((later.start(), len(hans)))
    return tuple(out)


#: A year for days written without one (``5月14日，…；5月15日，…``: the year told before the sentence),
#: where they stand in the sentence being all that is read; a leap year holds every day written.
_ANY_LEAP_YEAR = 2000


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


#: ``回访美国，在华盛顿…会晤``, ``访问莫斯科，与戈尔巴乔夫举行会晤``, ``赴印度金奈，出席…会晤``, ``返回波兰，在华沙与…
#: 会谈``: the place a leader goes (or goes back) to, followed in its sentence by the meeting; not the lodging a
#: leader goes back to (``返回吉隆坡下榻饭店同乙会晤``: where he stays, which the lodging rules read), nor the way home
#: (``由美国返回朝鲜途经上海时，与乙会晤``: met on the way, not in the state returned to).
_VISITED = re.compile(rf"(?:{TRAVELS_TO}|到访|访问|回访|出访|(?:返回|返抵)(?![^，。；,]{{0,8}}?(?:下榻|途经|经过|路过))|南下|北上)" r"(?P<w>[^，。；,、与和同在于]{1,20}?)"
                      r"(?=[，,]|与|和|同|出席|参加|会见|会晤|会谈|期间|举行)")
#: A day's account opening at a place the visitor attends something at (``；26日在[[某国]]出席某会议，并与…会谈``):
#: a stop of the tour, as one arrived at; not where the day's meeting is held (``23日在[[某城]]与乙会谈``: 在…会谈).
_DAY_AT = re.compile(r"(?<=[0-9][日号])在(?P<w>[^，。；,、与和同在于]{1,20}?)(?=出席|参加)")
#: A kind of place between two names (``俄罗斯远东城市海参崴``): the name after it is a place.
_PLACE_NOUN = re.compile(r"城市|城镇|小镇|小城|港口|首都|首府|州府|省会")
#: ``某峰会举办地某城``: the name after it is the host place of a gathering.
_HOST_PLACE = re.compile(r"(?:举办地|主办地|所在地|举办城市|主办城市|东道主城市|东道城市)")
#: What the leader went there for: a meeting, or signing with the other side (``前往某都，与乙签署《…》``).
_MEETING_AFTER = re.compile(r"会晤|会谈|会面|会见|接见|峰会|首脑会议|高峰会|最高级会议|签署|签订|签字")


#: Where a leader lands or alights (某机场, 某车站): a place of arrival, which holds no meeting.
ARRIVED_AT = ("机场", "国际机场", "车站", "火车站", "空港")


def visited_chain(reading: Reading, sentence: Sentence, at: int | None = None) -> tuple[Spot, ...]:
    """The places of the visit phrase in the date's own stretch that a meeting word follows,
    the last before that meeting when a leader goes on from one place to another: where the
    meeting was held when no 在…举行 says it, and the state or city that holds the place a
    在…举行 names (the meeting of a day before, told first, bounds no later day's account after a semicolon:
    ``抵达乙国，与乙会晤；24日转赴丙国，25日与丙会谈``: 丙国 for the 25th); not the airport or the station arrived at (``抵达甲国[[某机场]]，当晚在[[某府]]
    会见…``: the residence lies in the state, not in the airport)."""
    low, high = _own_stretch(sentence.hans, at, sentence.spots) if at is not None else (0, len(sentence.hans))
    others = _other_days_accounts(sentence.hans, at) if at is not None else ()
    found: list[tuple[Spot, ...]] = []
    meeting = high
    high = min(high, _other_legs_of_the_tour(sentence.hans, at)) if at is not None else high
    stops = sorted([*_VISITED.finditer(sentence.hans, low, high), *_DAY_AT.finditer(sentence.hans, low, high)],
                   key=lambda m: m.start())
    for match in stops:
        if match.start() >= meeting:
            break  # the stop before the meeting is where it was held (飞抵釜山，随后前往庆州，在…会晤)
        if any(a <= match.start() < b for a, b in others):
            continue
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
            if GATHERING_AFTER.match(sentence.hans, spot.end):
                continue
            if kind in (Kind.PLACE, Kind.COUNTRY) or (kind is None and (host is not None and not chain or chain and (
                    chain[-1].end == spot.start or _PLACE_NOUN.search(sentence.hans, chain[-1].end, spot.start)
                    and joins_chain(sentence.hans[chain[-1].end:spot.start])))):
                chain += (spot,)  # 赴印度金奈: a name right after a place is a place in it
        if all(reading.index.is_state(s.surface) or reading.registry.is_a(s.surface, Kind.COUNTRY) for s in chain):
            plain = _plain_stop(reading, sentence, begin, match.end("w"))
            chain = (plain,) if plain is not None else chain  # 前往巴基斯坦总统官邸: one name
        gaps_ok = all(joins_chain(sentence.hans[a.end:b.start]) for a, b in zip(chain, chain[1:]))
        while chain and chain[-1].hans.endswith(ARRIVED_AT):
            chain = chain[:-1]  # 抵达甲国[[某机场]]，当晚在某府会见…: the airport holds no meeting
        if chain and gaps_ok and chain[0].start - begin <= 1:
            found.append(chain)
            if at is None or after.start() >= at or not _a_days_account_between(sentence.hans, after.start(), at):
                meeting = min(meeting, after.start())  # not the meeting of a day before its own account (…会晤；24日转赴)
    return found[-1] if found else ()


def _a_days_account_between(hans: str, start: int, at: int) -> bool:
    """Whether a day opens an account of its own after a semicolon from ``start`` up to the day at ``at``
    (``…会晤；24日转赴某国``, ``…；26日在某国出席``)."""
    found = _DAY_AFTER_A_SEMICOLON.search(hans, start, min(len(hans), at + 6))
    return found is not None and found.start() < at


def _plain_stop(reading: Reading, sentence: Sentence, start: int, end: int) -> Spot | None:
    """The place a leader goes to written plainly as one venue's name (``前往巴基斯坦总统官邸``,
    ``前往某宾馆``): a name that ends as venues do, holding no one's name but an office's or a
    state's, not a stand-in or a count."""
    name = sentence.hans[start:end]
    if not _PLAIN_NAME.match(name) or not name.endswith(VENUE_ENDINGS) or NOT_OWN.match(name) \
            or any(s.start < end and s.end > start and (s.start < start or s.end > end or reading.registry.is_a(
                s.surface, Kind.PERSON, Kind.ORGANIZATION)) for s in sentence.spots):
        return None
    surface = sentence.text[start:end]
    return Spot(start, end, reading.index.key(surface), surface, name, None)


