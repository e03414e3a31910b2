"""A list of one leader's visits abroad, and the office its first sentence gives him.

An article that lists a leader's visits abroad says so in its first sentence
(``'''张三2033年出访列表'''列出甲国总理[[张三]]2033年的出国访问``) and gives his office there once; its
rows and sections then name only his hosts' offices (``总统李四``). The office the first sentence gives
him is his at the first visit it lists; a later visit holds an office of his only where its own text
writes one. Not an article of one tour (``张三就任后的首次出国访问``): its stops are one journey, told
under the one office.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.joining import SummitFound
from kg.extract.reading import Reading
from kg.model import Inference, Prop

#: The first sentence's word that the article is about a leader's visits abroad, many of them
#: (``…2033年的主要出国访问``, ``…任内的出國訪問，以及…``): not his first visit abroad alone (``首次出国访问``).
_VISITS_ABROAD = re.compile(r"(?<!首次)(?<!首度)(?<!第一次)的(?:主要)?出国访问(?:[，,；;。]|$)")


def lists_visits_abroad(reading: Reading) -> bool:
    """Whether the article's first sentence says it lists a leader's visits abroad."""
    return bool(reading.lead) and bool(_VISITS_ABROAD.search(reading.lead[0].hans))


def first_sentences_office_at_the_first_visit(reading: Reading, summits: Iterable[SummitFound]) -> None:
    """In a list of one leader's visits abroad, drops the office a summit's participant takes only from the
    article's first sentence (an inference, its evidence that sentence) from every summit but the earliest."""
    if not lists_visits_abroad(reading):
        return
    registry = reading.registry
    first = reading.lead[0].evidence().span
    days = {s.id: next(iter(registry.facts_about(s.id, Prop.START_DATE)), None) for s in summits}
    later = sorted((s for s, day in days.items() if day is not None), key=lambda s: days[s])[1:]
    for summit in later:
        for node in registry.facts_about(summit, Prop.HAS_PARTICIPATION):
            for office in registry.facts_about(node, Prop.ROLE):
                told = [f for f in registry.facts_recorded(node, Prop.ROLE) if f.value == office]
                if told and all(f.inference is Inference.EARLIER_ROLE and f.evidence
                                and f.evidence[0].section is None and f.evidence[0].span.start < first.end
                                for f in told):
                    registry.drop_one(node, Prop.ROLE, office)
