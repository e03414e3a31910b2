"""Several meetings told in one clause: a host meeting leader after leader.

``5月18日，甲在某宾馆分别同乙国总统张三、丙国总统李四举行会谈`` tells two meetings, not one
of three people: 甲 with 张三, and 甲 with 李四, each a summit of its own. Chinese says so with
分别 (or 先后, 逐一, 一一, and 连续 or 接连 for meetings in a row) before the word that joins the host to the
others, and may give the others as a list after the clause (``…举行会见，即乙国总统张三、丙国总理李四``), or after
a colon (``甲先后会见三国领导人：乙国总统张三、丙国总理李四、丁国总统王五``), or go on with the
list after a comma (``分别会见了乙国总统张三，以及丙国总理李四和丁国总统王五``). A host meeting
many leaders (``会见了…多国领导人，其中包括张三和李四``) meets them one by one too, with no 分别.
A host who *also* met two or more others in one list (``同日甲还会见了乙国总理张三和丙国总理李四``)
met them one by one too when they lead different states (:func:`also_met`; the caller weighs the states).
The sentence may go on to them all meeting together (``甲先后与乙、丙分别会谈，随后三人举行三方会谈``): the
talks of each two were then the first part of the meeting of all (:func:`then_all_together`).

This module only reads where such a clause is and who is on each side of it; summits.py
makes the meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: 分别/先后/逐一 right before what joins a host to the people met (同, 与, 会见); 连续/接连 (meetings in a row:
#: 甲当晚连续会见乙国总理张三、丙国总统李四).
_EACH = re.compile(r"(?:分别|先后|逐一|一一|连续|接连)(?:在[^，。；、]{1,16}?)?(?:同|与|和|跟|会见|会晤|接见|约见)")
#: A host meeting many leaders, then named in a list (会见了前来出席峰会的多国领导人，其中包括…).
_MANY = re.compile(r"(?:会见|会晤|接见)了?[^，,；;。]{0,30}?(?:多国|各国|多位|数位|几位)[^，,；;。]{0,8}?(?:领导人|元首|首脑)"
                   r"(?=[，,]\s*其中包括)")
_CLAUSE = re.compile(r"[，,；;：:。]")
#: A host who also met others, after the day's main talks (还会见了, 又会见, 也会晤了); not 分别 (read above).
_ALSO = re.compile(r"(?:还|又|也)(?:单独)?(?:会见|会晤|接见)了?")
#: The day such a clause gives (同日, 当天, 26日): meetings of that day, not the ones of a whole trip (还会见了乙和丙等领导人).
_ITS_DAY = re.compile(r"同日|同一天|当天|当日|次日|翌日|[0-9０-９]{1,2}日")
#: All of those met one by one meeting together then (随后三人举行三方会谈, 再举行三方会谈, 随后三位领导人举行会晤); not
#: those met who came to a gathering (会见了前来出席四方峰会的乙和丙).
_ALL_TOGETHER = re.compile(r"(?:随后|然后|接着|之后|其后|再)[^，,；;。]{0,4}?"
                           r"(?:三方|四方|三边|三人|四人|三位(?:领导人|元首|首脑)|三国(?:领导人|元首|首脑))[^，,；;。]{0,24}?"
                           r"(?:会谈|会晤|会面|会议|峰会)")
#: Each meeting said to be held alone (先后与乙、丙单独会谈, 分别举行单独会晤): a meeting of its own, whatever
#: meeting of them all the sentence tells after it.
_ALONE = re.compile(r"单独(?:举行了?)?(?:会谈|会晤|会面|会见)")
#: A clause that gives the list the one before announced (``，即乙国总统张三、…``; ``…会见三国领导人：乙国总统张三、…``).
_LISTED = re.compile(r"[：:]|[，,]\s*(?:即|其中包括|包括|分别是|分别为|依次为|依次是|以及)")


@dataclass(frozen=True)
class OneByOne:
    """Where the clause is in the sentence's Simplified text, and who met whom."""

    begin: int
    end: int
    hosts: tuple[str, ...]  # person keys: who met each of the others
    others: tuple[str, ...]  # person keys, in the order written
    said: int = 0  # where the word that says they met one by one is (分别, 先后; 会见了…其中包括)
    clause: int = 0  # where the clause of that word starts

    def pairs(self) -> tuple[tuple[str, ...], ...]:
        """The people of each meeting: the hosts with one of the others."""
        return tuple(tuple(sorted(self.hosts + (other,))) for other in self.others)


def one_by_one(hans: str, people: list[tuple[str, int]]) -> OneByOne | None:
    """The clause of ``hans`` that tells a host meeting two or more others one by one.

    ``people`` are the (key, start) of the persons the sentence names, in order. The hosts
    are those named in the clause before 分别 (else the sentence's first, whose clause it goes
    on); the others those named after it, in the clause and in a list the clause announces. None when the clause names no host or fewer than
    two others.

    >>> one_by_one("当天，甲分别与乙、丙举行会谈。", [("甲", 3), ("乙", 8), ("丙", 10)]).pairs()
    (('乙', '甲'), ('丙', '甲'))
    >>> one_by_one("甲出席会议后，在酒店先后会见乙、丙。", [("甲", 0), ("乙", 14), ("丙", 16)]).pairs()
    (('乙', '甲'), ('丙', '甲'))
    >>> one_by_one("甲会见了多国领导人，其中包括乙和丙。", [("甲", 0), ("乙", 14), ("丙", 16)]).pairs()
    (('乙', '甲'), ('丙', '甲'))
    >>> one_by_one("甲与乙分别举行会谈。", [("甲", 0), ("乙", 2)]) is None
    True
    """
    return _met_after(hans, people, _EACH.search(hans) or _MANY.search(hans))


def also_met(hans: str, people: list[tuple[str, int]]) -> OneByOne | None:
    """The clause of ``hans`` that tells a host who also met two or more others, listed with no 分别.

    Such a list may be one meeting of them all (a state's leaders together) or one meeting each (the
    leaders of several states): the caller tells which from their states. Only where the sentence gives
    the day before it: a list of a trip's meetings gives none (``甲还会见了乙国总理张三和丙国总理李四等领导人``).

    >>> also_met("同日甲还会见了乙国总理张三和丙国总理李四。", [("甲", 2), ("张三", 11), ("李四", 18)]).pairs()
    (('张三', '甲'), ('李四', '甲'))
    >>> also_met("同日甲会见了乙国总理张三和丙国总理李四。", [("甲", 2), ("张三", 10), ("李四", 17)]) is None
    True
    >>> also_met("甲还会见了乙国总理张三和丙国总理李四。", [("甲", 0), ("张三", 9), ("李四", 16)]) is None
    True
    """
    said = _ALSO.search(hans)
    return _met_after(hans, people, said) if said and _ITS_DAY.search(hans, 0, said.start()) else None


def _met_after(hans: str, people: list[tuple[str, int]], said: re.Match[str] | None) -> OneByOne | None:
    """Hosts named before ``said`` in its clause (else the sentence's subject), the others after it."""
    if said is None:
        return None
    begin = clause = max((m.end() for m in _CLAUSE.finditer(hans, 0, said.start())), default=0)
    end = _clause_end(hans, said.end())
    while end < len(hans) and _LISTED.match(hans, end):
        end = _clause_end(hans, end + 1)
    hosts = tuple(dict.fromkeys(key for key, at in people if begin <= at < said.start()))
    if not hosts and people and people[0][1] < begin:  # the clause goes on with the sentence's
        hosts, begin = (people[0][0],), people[0][1]    # subject (甲出席…后，在某地先后会见乙、丙)
    others = tuple(dict.fromkeys(key for key, at in people if said.start() <= at < end and key not in hosts))
    if not hosts or len(others) < 2:
        return None
    return OneByOne(begin, end, hosts, others, said.start(), clause)


def _clause_end(hans: str, at: int) -> int:
    found = _CLAUSE.search(hans, at)
    return found.start() if found else len(hans)


def then_all_together(hans: str) -> bool:
    """Whether the sentence, after its host meets others one by one, tells them all meeting together.

    >>> then_all_together("甲先后与乙、丙分别会谈，随后三人举行三方会谈。"), then_all_together("甲分别会见乙和丙。")
    (True, False)
    """
    said = _EACH.search(hans)
    return said is not None and _ALL_TOGETHER.search(hans, said.end()) is not None


def each_met_alone(hans: str) -> bool:
    """Whether the sentence says its host met the others one by one, each alone (单独): each meeting is its own
    summit, not a part of the meeting of them all the sentence may go on to tell.

    >>> each_met_alone("甲先后与乙、丙单独会谈，随后三人举行三方会谈。"), each_met_alone("甲先后与乙、丙分别会谈，随后三人举行三方会谈。")
    (True, False)
    """
    said = _EACH.search(hans)
    return said is not None and _ALONE.search(hans, said.end(), _clause_end(hans, said.end())) is not None
