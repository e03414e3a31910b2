"""Phrases of Chinese prose several extractors read, matched against the Simplified view of a sentence."""

from __future__ import annotations

import re

#: "在/于 … 举行": the words between name where something is held.
HELD_AT = re.compile(r"(?:在|于)(?P<w>[^，。；,]{1,40}?)(?:举行|召开|举办|进行|会晤|会谈|会面|会唔|会见|接待|短暂停留)")
#: Right after :data:`HELD_AT`'s 举行: a press conference held there (两人在某宫举行记者会), not a meeting.
PRESS_CONFERENCE = re.compile(r"了?(?:联合|共同)?(?:记者会|新闻发布会|记者招待会)")
#: After a name: "(亦)于2011年去世".
DIED = re.compile(r"^.{0,2}?(?:于|在)?(?P<y>\d{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:去世|逝世|病逝|死亡|过世|辞世)")
#: Before a name: "由"; after it: "接任" — the name took over.
SUCCESSOR_BEFORE = re.compile(r"由$")
TAKES_OVER = re.compile(r"^(?:接任|继任|接班|继位|接替|上台)")
#: After the names of leaders: "两任保守派政府".
GOVERNMENTS = re.compile(r"(?:两|二|三|几|历)任.{0,8}政府")
#: Right before a place: moving across or into it.
CROSS_VERBS = "穿过|越过|跨过|穿越|跨越"
#: Gatherings of many states (G20, APEC ...): a session of one is no summit of two sides.
GATHERINGS = (r"金砖|二十国集团|G20|亚太经合|APEC|上海合作组织|上合|东盟|联合国|七国集团|G7|八国集团|北约"
              r"|欧洲安全与合作|东亚峰会|亚信|欧盟|非盟|气候大会|南亚区域合作|南盟|阿拉伯联盟|阿盟|美洲国家组织"
              r"|美洲峰会|英联邦|独联体|集体安全条约|亚欧会议|不结盟|伊斯兰合作组织|太平洋岛国论坛")
#: Words that make a span of days a visit (not a meeting word: a visit may hold several meetings).
VISIT_WORDS = re.compile(r"国事访问|正式访问|工作访问|友好访问|私人访问|访问|访华|访美|访日|访朝|访韩|访俄|访苏|访英|访法|访德|访印"
                         r"|出访|到访")
#: A sentence told of a visit's days, without a day of its own (访问期间，…, 此访期间…).
DURING_THE_VISIT = re.compile(r"^(?:在|于)?(?:这次|此次|本次|该次|此)?(?:国事)?(?:访问|访华|访美|访苏|访俄|访日|访朝|访韩|访|行)(?:期间|中)")

