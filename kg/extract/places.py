"""How zh.wikipedia writes where something is: a venue chain, big to small, out of an
infobox field, a table cell or a clause of prose.

- Names are written big to small, one after another: ``美国[[旧金山]]斐洛里庄园`` is the
  estate in San Francisco in the United States; plain text before the first link counts
  when it is a state or a known place.
- A plain tail after the last link is a place of its own inside the link when it has a
  name of its own (``[[人民大会堂]]福建厅``: the Fujian Hall in the Great Hall); a bare
  kind of building (``[[北京]]饭店``, ``[[苏联]]大使馆``) makes one name with the link; a
  side or a direction (``[[板门店]]北侧``) is no place at all.
- A table's 国家 column names one country per row: its link, else its flag.
"""

from __future__ import annotations

import re

from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.model import Kind

#: Kinds of building or site: after a link they make one name with it (北京饭店, 苏联大使馆).
BARE_KINDS = ("饭店", "宾馆", "酒店", "大酒店", "大饭店", "国宾馆", "大使馆", "领事馆", "总领事馆", "使馆", "代表处",
              "机场", "国际机场", "大学", "车站", "火车站", "体育馆", "体育场", "会议中心", "会展中心", "国际会议中心",
              "大厦", "广场", "公园", "博物馆", "港", "市", "省", "州", "县", "区")
#: Sides and directions after a place: where in it, not a place of its own (板门店北侧, 武汉市区).
SIDE_WORDS = re.compile(r"^(?:[东南西北]部?|[东南西北]侧|[东南西北]面|一侧|一方|方面|附近|周边|郊外|郊区|市区|市郊|市内|境内|"
                        r"城内|以[东南西北]|[东南西北]郊|之[东南西北]|内|上|外)$")
PLAIN_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


def tail_place(reading: Reading, last: str, tail: str) -> tuple[str, bool] | None:
    """What a plain ``tail`` written right after the linked place ``last`` names.

    Returns ``(name, inside)``: ``inside`` when the tail is a place of its own in the link
    (``福建厅``), else the one name it makes with the link (``北京饭店``); ``None`` when the
    tail is a side or a direction of the link (``北侧``) or not a name."""
    tail = tail.strip()
    if not tail or SIDE_WORDS.match(tail) or not PLAIN_PLACE.match(tail):
        return None
    if tail in BARE_KINDS or reading.index.is_state(last):
        return to_hans(last) + tail, False
    return tail, True


def known_place(reading: Reading, name: str) -> bool:
    """A state, or a name the article uses as a place."""
    return reading.index.is_state(name) or reading.registry.is_a(name, Kind.PLACE, Kind.COUNTRY)
