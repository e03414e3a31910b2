"""A list of one leader's visits abroad: the office its first sentence gives him, and its year.

An article that lists a leader's visits abroad says so in its first sentence
(``'''张三2033年出访列表'''列出甲国总理[[张三]]2033年的出国访问``) and gives his office there once; its
rows and sections then name only his hosts' offices (``总统李四``). The office the first sentence gives
him is his at the first visit it lists; a later visit holds an office of his only where its own text
writes one. Not an article of one tour (``张三就任后的首次出国访问``): its stops are one journey, told
under the one office. A list of one year's visits names that year in its title and its first sentence
(``张三2033年出访列表``, ``…2033年的出国访问``): the days its sections write without a year are of it, whatever
day of another year the lead tells after (``张三于2032年11月24日就任``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.dates import find_year_months
from kg.extract.joining import SummitFound
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.model import Inference, Prop

#: The first sentence's word that the article is about a leader's visits abroad, many of them
#: (``…2033年的主要出国访问``, ``…任内的出國訪問，以及…``): not his first visit abroad alone (``首次出国访问``).
_VISITS_ABROAD = re.compile(r"(?<!首次)(?<!首度)(?<!第一次)的(?:主要)?出国访问(?:[，,；;。]|$)")


def lists_visits_abroad(reading: Reading) -> bool:
    """Whether the article's first sentence says it lists a leader's visits abroad."""
    return bool(reading.lead) and bool(_VISITS_ABROAD.search(reading.lead[0].hans))


def year_of_the_list(reading: Reading) -> int | None:
    """The one year a list of one leader's visits abroad is of: the only year its title names, when its first
    sentence names that year first (``…列出甲国总理张三2033年的出国访问``, ``…于2033年就职第一年的出国访问``)."""
    if not lists_visits_abroad(reading):
        return None
    years = {y.year for y in find_year_months(to_hans(reading.document.title))}
    if len(years) != 1:
        return None
    told = find_year_months(reading.lead[0].hans)
    return told[0].year if told and told[0].year in years else None


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
