"""A sea written before a town or a state is where that place lies by, not a place that holds it.

Chinese Wikipedia names a coastal town by its sea the way it names it by its region: ``[[红海]]城市沙姆沙伊赫``,
``[[俄罗斯]]黑海城市[[索契]]``, ``哈萨克斯坦里海东岸城市阿克套``, ``在[[地中海]][[马耳他]]外海``. Read big to
small, as a place chain is, the sea would hold the town; it does not: a sea is no town's container, and the
town lies in what the sea was written inside (``俄罗斯``), if anything.
"""

from __future__ import annotations

import re

from kg.extract.gazetteer import well_known_names
from kg.extract.reading import Reading
from kg.model import EntityId, Kind, Prop

#: A sea's name: a name of at least two characters ending in 海 (红海, 黑海, 地中海, 加勒比海).
_SEA = re.compile(r"^[\u4e00-\u9fff]+海$")
#: Between a sea and the town it lies by: its shore (东岸, 沿岸, 之滨) and the kind of town (城市, 港口城市);
#: a state right after a sea (地中海马耳他) needs nothing between them.
_BY_THE_SEA = re.compile(r"^(?:(?:[东西南北]部?)?(?:沿?岸|之滨|之畔|沿海|海滨|海岸)(?:的)?)?"
                         r"(?:(?:港口|海滨|滨海|度假)?(?:城市|城镇|小城|港市|港口|古城|名城))?$")


def towns_by_the_sea(reading: Reading) -> None:
    """``[[红海]]城市沙姆沙伊赫``: the town written right after a sea, and what the sentence says it lies by,
    lies not in the sea; it lies in what holds the sea (``[[俄罗斯]]黑海城市[[索契]]``: 索契 in 俄罗斯), when
    the text puts it nowhere else. A state right after a sea (``[[地中海]][[马耳他]]``) lies in no sea either."""
    registry = reading.registry
    for sentence in reading.all_sentences():
        for sea, place in zip(sentence.spots, sentence.spots[1:]):
            if not _SEA.match(sea.hans) or not _BY_THE_SEA.match(sentence.hans[sea.end:place.start]) \
                    or not registry.is_a(sea.surface, Kind.PLACE) or sea.hans in well_known_names():
                continue  # 上海: a town's name ending in 海
            if sentence.hans[sea.end:place.start] == "" and not reading.index.is_state(place.surface):
                continue  # [[某海]][[某城]] written together: a name of the town or of a strait, not a shore
            water = EntityId(Kind.PLACE, sea.key)
            for inner in (EntityId(Kind.PLACE, place.key), EntityId(Kind.COUNTRY, place.key)):
                if water not in registry.facts_about(inner, Prop.LOCATED_IN):
                    continue
                registry.drop_one(inner, Prop.LOCATED_IN, water)
                if inner.kind is Kind.PLACE and not registry.facts_about(inner, Prop.LOCATED_IN):
                    for outer in registry.facts_about(water, Prop.LOCATED_IN):
                        registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(sentence.evidence(),))
        _venues_on_the_shore(reading, sentence)


#: A sea's shore before the plain name of a venue on it (``[[某海]]之滨的某官邸``).
_SHORE = re.compile(r"(?:之[滨畔]|[沿东西南北]?岸边?)的?")


def _venues_on_the_shore(reading: Reading, sentence) -> None:
    """``位于[[某海]]之滨的某官邸``: the venue written plainly on a sea's shore lies by the sea, not in it."""
    registry = reading.registry
    for sea in sentence.spots:
        shore = _SHORE.match(sentence.hans, sea.end)
        if shore is None or not shore.group() or not _SEA.match(sea.hans) or sea.hans in well_known_names():
            continue
        after = sentence.hans[shore.end():]
        for fact in registry.facts_with((Prop.LOCATED_IN,), sea.key):
            inner = fact.subject
            if isinstance(inner, EntityId) and inner.kind is Kind.PLACE and after.startswith(inner.key):
                registry.drop_one(inner, Prop.LOCATED_IN, fact.value)
