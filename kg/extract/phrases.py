"""Phrases of Chinese prose several extractors read, matched against the Simplified view of a sentence."""

from __future__ import annotations

import re

#: "在/于 … 举行": the words between name where something is held; an audience too (在某都觐见国王, 晋见教宗,
#: 在某都受到国王某某的接见).
HELD_AT = re.compile(r"(?:在|于)(?P<w>[^，。；,]{1,40}?)(?:举行|召开|举办|进行|会晤|会谈|会面|会唔|会见|接待|短暂停留|觐见|晋见|谒见"
                     r"|(?:受到|获)(?=[^，。；]{0,30}?接见))")
#: "在 … 出席/主持/接受欢迎仪式", "在 … 以正式仪式欢迎": where the visitor attends, or the host holds, the welcome
#: ceremony (甲在[[某宫]]出席欢迎仪式, 乙在[[某都]]某府主持了正式欢迎仪式, 甲在[[某楼]]接受正式欢迎仪式, 乙在[[某府]]以正式仪式欢迎甲).
WELCOME_AT = re.compile(r"在(?P<w>[^，,；;。在]{1,24}?)(?:(?:出席|主持|接受)了?[^，,；;。在]{0,6}?欢迎仪式"
                        r"|以[^，,；;。在]{0,6}?仪式欢迎)")
#: Right before a name: one who comes along with the leader before him (甲偕副总统丙与乙会晤, 甲偕夫人丁), no side of the talks.
COMES_ALONG = re.compile(r"偕[^，,；;。与同和]{0,8}$")
#: Right after :data:`HELD_AT`'s 举行: a press conference held there (两人在某宫举行记者会), not a meeting.
PRESS_CONFERENCE = re.compile(r"了?(?:联合|共同)?(?:记者会|新闻发布会|记者招待会)")
#: After a name: "(亦)于2011年去世".
DIED = re.compile(r"^.{0,2}?(?:于|在)?(?P<y>\d{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:去世|逝世|病逝|死亡|过世|辞世)")
#: Before a name: "由"; after it: "接任" — the name took over.
SUCCESSOR_BEFORE = re.compile(r"由$")
TAKES_OVER = re.compile(r"^(?:接任|继任|接班|继位|接替|上台)")
#: After a name, in its own clause: it was sworn in as, took up or was elected to an office
#: (``张三于某日在某宫宣誓就任第15任甲国总理``, ``李四当选乙国总统``), read up to the verb; the office follows.
TAKES_UP_AN_OFFICE = re.compile(r"(?:(?:于|在)[^，。；：、]{0,40}?)?(?:宣誓)?(?:就任|出任|当选为?|宣誓就职为)"
                                r"(?:第[0-9一二三四五六七八九十百]+任|新一?任|首任)?")
#: After the names of leaders: "两任保守派政府".
GOVERNMENTS = re.compile(r"(?:两|二|三|几|历)任.{0,8}政府")
#: Right before a place: moving across or into it.
CROSS_VERBS = "穿过|越过|跨过|穿越|跨越"
#: Right before a place: a visitor arriving there (抵达某城, 飞抵, 驶抵, 到达, 来到, 降落在某机场), as an alternation.
ARRIVES = "抵达|飞抵|驶抵|到达|来到|降落在?"
#: Right before a place: a visitor setting out for it (前往某城, 赴, 飞往, 飞赴, 赶赴), as an alternation; 赴 is
#: not the last character of a move on (转赴).
GOES_TO = "前往|飞往|飞赴|赶赴|(?<!转)赴"
#: Right before a place: a visitor going on to it from the stop told before (转往某城, 转赴, 转抵), as an alternation.
MOVES_ON = "转往|转赴|转抵"
#: Any of the three: the place written right after is one a visitor reached or went to.
TRAVELS_TO = "|".join((ARRIVES, GOES_TO, MOVES_ON))
#: The words of a day told as the one after the last (次日, 翌日, 第二天), as an alternation. Not 次日 after a
#: number or a word that counts (第14次日印年度首脑会谈, 首次日朝首脑会谈, 此次日本之行): a meeting of Japan's.
NEXT_DAY = r"(?<![首再第两三四五六七八九十百0-9几多历每这此上该本那])次日|翌日|第二天"
#: Right after 访: a place whose name begins with a character 访X uses for a state (访华 China, 访德 Germany, 访日 Japan):
#: ``到访华沙``, ``访华盛顿``, ``访德黑兰``, ``访日内瓦`` visit the city, not the state. General reference (the
#: well-known such names), as a negative lookahead for the patterns that read 访X.
NOT_A_SHORT_STATE = r"(?!华沙|华盛顿|华府|德黑兰|日内瓦|苏丹|苏格兰|苏黎世|印尼|印度尼西亚|法兰克福|英格兰|美洲|越秀)"
#: Gatherings of many states (G20, APEC ...): a session of one is no summit of two sides. By their short
#: names and by their full ones, which the short ones are no part of (亚太经济合作组织, 东南亚国家联盟).
GATHERINGS = (r"金砖|二十国集团|G20|亚太经合|APEC|上海合作组织|上合|东盟|联合国|七国集团|G7|八国集团|北约"
              r"|欧洲安全与合作|东亚峰会|亚信|欧盟|非盟|气候大会|南亚区域合作|南盟|阿拉伯联盟|阿盟|美洲国家组织"
              r"|美洲峰会|英联邦|独联体|集体安全条约|亚欧会议|不结盟|伊斯兰合作组织|太平洋岛国论坛"
              r"|亚太经济合作|东南亚国家联盟|欧洲联盟|非洲联盟|阿拉伯国家联盟|北大西洋公约组织|独立国家联合体"
              r"|海湾阿拉伯国家合作委员会|海湾合作委员会|海湾合作理事会|海合会|欧洲政治共同体")
#: A time told as that of a plan (下一次峰会将于2030年11月在某城举行, 甲将在2030年访问乙国), or as the one
#: an invitation asks a guest to come at (甲邀请乙于2030年5月访问甲国; not 应甲邀请于…, the visit's own time):
#: the text does not move to it, so the days told after it keep the year the text had reached.
PLANNED_FOR = re.compile(r"(?:将|拟|计划)(?:于|在)$|邀请[^，。；,;]{1,20}?(?:于|在)$")
#: Words that make a span of days a visit (not a meeting word: a visit may hold several meetings).
VISIT_WORDS = re.compile(r"国事访问|正式访问|工作访问|友好访问|私人访问|访问|访华|访美|访日|访朝|访韩|访俄|访苏|访英|访法|访德|访印"
                         r"|出访|到访")
#: A sentence told of a visit's days, without a day of its own (访问期间，…, 此访期间…).
#: Or of the stay in a town of the visit, named in a few characters (在北京期间，…, 在京期间): not the days
#: of a gathering (在峰会期间), a term (在任期间), a war or a season (在二战期间, 在春节期间), nor 在此期间.
DURING_THE_VISIT = re.compile(r"^(?:在|于)?(?:这次|此次|本次|该次|此)?(?:国事)?(?:访问|访华|访美|访苏|访俄|访日|访朝|访韩|访|行)(?:期间|中)"
                              r"|^在[^，,。；、0-9会坛礼式赛运战任位政学职此这那节情停留]{1,5}?期间")
#: Words that name a meeting of people (会晤, 会谈, 峰会, 共进晚餐, 举行的…会议), and an audience
#: with a monarch, a pope or a senior leader (觐见国王, 晋见教宗, 谒见, 受到国王某某的接见, 获教宗接见, 教宗在某宫接见
#: 乙国总统): the one received meets them in person (whether they are leaders is the participants' rule's to tell).
MEETING = re.compile(r"会晤|会谈|会面|晤谈|峰会|首脑|会唔|会见|觐见|晋见|谒见|(?:受到|获)[^，。；]{0,30}?接见|闭门会议|交换了?意见|共进(?:工作)?[早午晚]餐|早餐会|接待了?(?:到访|来访)|高峰会|首脑会议|最高级会议|高峰会议|领导人会议"
                     r"|接见|举行[^，。；]{0,16}?领导人(?:非正式|年度|定期)会议"  # a host receiving; a series' leaders' meeting
                     r"|(召开|举行)的.{0,4}会议"
                     r"|(?:与|和|同|跟)[^，。；]{1,30}?举行了?(?:工作)?[午晚]餐会"  # 与乙举行午餐会 (早餐会 above)
                     r"|(?:与[^，。；]{1,40}?|[两二三四]人[^，。；]{0,16}?)(?:举行|召开)了?[^，。；]{0,10}?会议"  # 甲与乙、丙在某地举行某某会议, 两人再度在某地举行会议: the leaders' own
                     r"|(?:双边|三边|四边|三方|四方)会议"  # 甲与乙在某城与丙举行三方会议: a meeting of the sides named
                     # 甲与乙共同主持某某高级别合作委员会第五次会议: two who chair a commission's session together meet
                     r"|共同主持了?[^，。；]{0,30}?委员会[^，。；]{0,12}?会议"
                     # 甲在某宫接待乙: the host received the guest; not a reception of all (接待前来参加某论坛的各国领导人)
                     r"|在[^，。；]{1,16}?接待(?!规格|工作|单位|人员|处|[^，。；]{0,12}?(?:各国|与会|来宾|代表团|记者))")
#: Offices below the top: their holders' talks are no summit (副总统, 外长, 特使 ...; 国务总理, the premier who serves
#: under a president heading the government, not 国务院总理).
NOT_TOP = re.compile(r"(?<!王储兼)(?<!太子兼)(?<!王储兼第一)(?<!太子兼第一)副|荣誉|名誉|国务委员(?![会长])|外长|外交部长|部长(?!会议主席)|国务卿|特使|特别代表|大使|候选人|顾问(?!委员会)|助理|秘书长|干事长|议长|(?:国会|议会|国民议会|杜马)主席|奥委会主席|人大常委会|政协|发言人|议员|州长|市长|前(?:总统|首相|总理|主席|国家主席|总书记)"
                     r"|(?<!即将)(?<!行将)(?<!将要)(?:卸任|离任|退任)(?!(?:轮值)?主席(?:国)?(?![团会]))"  # 卸任主席: a chair's term
                     r"|下野|(?<![新再])当选(?=总统|首相|总理|主席)|当选人|候任|尚未就职|尚未就任|竞选|国务秘书"  # 已卸任首相的甲: a former leader
                     r"|常委(?!会)|人民委员(?!会)|政治局委员|书记处|(?<!总理)大臣|(?<!院)国务总理|长官|院长|局长|(?<!顾问委员会)主任|[省市州县区]委书记|(?<!国务)(?<!国防)(?<!中央)(?<!军事)(?<!欧盟)(?<!欧洲联盟)(?<!革命)(?<!革命指挥)(?<!苏联人民)(?<!联盟人民)(?<!国家管理)(?<!和平与发展)(?<!法律和秩序)(?<!法律与秩序)委员会(?:委员长|主席)")


def held_below_the_top(office: str) -> bool:
    """Whether one role is below a side's top: each office joined in it by ``兼`` is (``甲国副总统兼外长``),
    not where one is at the top (``甲国副总统兼总理``, one role: he heads the government); so too offices joined by
    和, 及 or 、 (``以中共中央副主席和国务院总理的身份``: he heads the government)."""
    return all(NOT_TOP.search(part) for part in _OFFICES_JOINED.split(office))


#: What joins two offices held at once: 兼, or 和, 及, 、 after an office word (副主席和国务院总理; not 外交和国防委员会).
_OFFICES_JOINED = re.compile(r"兼|(?:(?<=总统|总理|首相|主席|国王|部长|外长)|(?<=总书记|委员长))[和及、]")


#: What parts a sentence into clauses.
CLAUSE = re.compile(r"[，,；;：:]")
#: Gatherings of many states: not themselves a summit of two sides.
MULTILATERAL = re.compile(GATHERINGS)
#: A paragraph opening going on from what the paragraph before told last (随后，两国元首举行会谈; 两国元首随后举行会谈,
#: its subject the two that one told): of that one's day and leaders.
OPENS_GOING_ON = re.compile(r"(?:两人|二人|双方|(?:两|三|四)(?:位|国)(?:领导人|元首|首脑|总理|总统|首相))?(?:随后|其后|接着|紧接着|随即)")
#: After a gathering's name: its days as the occasion of a meeting of its own (…峰会期间会晤, …会议之机，在某城举行会谈,
#: …峰会间隙举行双边会谈), not the gathering the sentence tells (出席峰会, 峰会期间发表讲话).
ON_ITS_SIDELINES = re.compile(r"[^，。；]{0,16}?(?:期间|之机|之际|间隙|场边|前夕)[，,]?[^，。；]{0,24}?(?:会晤|会谈|会面|会见)")
#: A meeting's number in its series, as the text writes it (第三次会晤, 首次会谈).
ORDINAL = re.compile(r"(?<!同年)(?<!今年)(?<!该年)(?<!当年)(?<!年内)(?:第(?P<n>[0-9一二三四五六七八九十两]+)(?:次|度)"
                     r"|(?P<first>首次)(?=(?:正式)?(?:会晤|会谈|会面|峰会|首脑)))")

#: A clause moving on that day to another place (``…，随后又于同日飞往乙城``): what it tells there is another meeting,
#: held there. Flying on needs no word of the day (``…先在某都同乙会晤，随后飞往某城，与丙会谈``): its ``time`` is then
#: the empty stretch right after 随后 (going on to a venue, ``随后前往某堂``, stays in the meeting told).
MOVED_ON_THAT_DAY = re.compile(r"(?:随后|之后|其后|接着)?(?:又|还)?于?(?P<time>同日|当天|当日"
                               r"|(?:(?<=随后)|(?<=接着)|(?<=随后又)|(?<=接着又))(?=飞往|飞抵|转赴|转往|赶赴))(?!本)"
                               r"(?=飞往|飞抵|前往|转赴|转往|抵达|赶赴)")
