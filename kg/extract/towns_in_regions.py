"""Where a town lies, as the words written right before it say: its state or region in a meeting table's place
cell, whatever summit each row becomes, and its region where a sentence calls it the region's capital.

A table's place cell is written big to small: ``波兰华沙``, ``德国柏林，总理府``, ``{{flagicon|CHN}} [[江苏省]][[苏州市|苏州]]``.
The town written right after a state or a region lies in it, for the whole article: a row that makes no summit of
its own (one side's leader only), or whose meeting the prose tells on other days, still says where its town is, and
the prose's summit held in that town lies there too. So does a region's capital (``[[古吉拉特邦]]首府[[甘地讷格尔]]``),
in whatever sentence it is called so.
"""

from __future__ import annotations

import re

from kg.extract.entries import cell_chains, entries_in
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.table_rows import meeting_tables, rows_of, span_evidence
from kg.model import EntityId, Kind, Prop

#: A region's name: the last word of a province, state or other first-level part of a country (江苏省, 马里兰州,
#: 古吉拉特邦, 滨海边疆区, 布里亚特共和国).
_REGION = re.compile(r"(?:省|州|邦|自治区|边疆区|共和国)$")
#: The last words of a site's name (宫, 府, 馆, 中心 …): a building is no town of the chain.
_SITE = re.compile(r"(?:宫|府|馆|堂|厅|院|楼|中心|大厦|酒店|饭店|宾馆|庄园|别墅|官邸|城堡|广场|基地|机场|大学|寺|营)$")


def towns_of_the_place_cells(reading: Reading) -> None:
    """``波兰华沙`` in a meeting table's place cell: the town lies in the state (or the region) written right before
    it, when the text puts it in no other state. A building in the cell (``德国柏林，总理府``) is left to the row's
    own venue; a state after a state is a list of states. (A box's place field, written as often for the whole visit
    or gathering as for one meeting, is read with the box's own summit only.)"""
    registry = reading.registry
    cells = [(entries, span_evidence(reading, cell.span))
             for table, roles in meeting_tables(reading) for row in rows_of(table, roles)
             for cell in row.cells.get("place", [])[:1] if (entries := entries_in(reading, cell.span))]
    for entries, evidence in cells:
        for chain in cell_chains(reading, entries):
            for (outer, outer_article), (inner, inner_article) in zip(chain, chain[1:]):
                state = reading.index.is_state(outer)
                if reading.index.is_state(inner) or _SITE.search(to_hans(inner)) \
                        or not (state or _REGION.search(to_hans(outer_article or outer))):
                    continue
                town = registry.named(Kind.PLACE, inner, article=inner_article)
                container = registry.named(Kind.COUNTRY if state else Kind.PLACE, outer, article=outer_article)
                if town.kind is not Kind.PLACE or container.kind not in (Kind.PLACE, Kind.COUNTRY) or town == container \
                        or (state and _in_another_state(registry, town, container)):
                    continue
                registry.fact(town, Prop.LOCATED_IN, container, evidence=(evidence,))


def _in_another_state(registry, town: EntityId, state: EntityId) -> bool:
    """Whether the text already puts the town in a state other than ``state``."""
    return any(isinstance(outer, EntityId) and outer.kind is Kind.COUNTRY and outer.key != state.key
               for outer in registry.facts_about(town, Prop.LOCATED_IN))


#: Between a region and its capital: ``[[古吉拉特邦]]首府[[甘地讷格尔]]``, ``某省省会某城``.
_CAPITAL_OF = re.compile(r"^的?(?:首府|省会|州府)$")


def capitals_of_their_regions(reading: Reading) -> None:
    """``[[古吉拉特邦]]首府[[甘地讷格尔]]``, ``[[北领地]]首府达尔文`` in any sentence: the capital lies in its region,
    whatever the sentence tells of it (a first stop, a visit, an arrival)."""
    registry = reading.registry
    for sentence in reading.all_sentences():
        for outer, inner in zip(sentence.spots, sentence.spots[1:]):
            if not _CAPITAL_OF.match(sentence.hans[outer.end:inner.start]) or reading.index.is_state(outer.surface) \
                    or reading.index.is_state(inner.surface) or not registry.is_a(outer.surface, Kind.PLACE) \
                    or registry.kind_of(inner.surface) not in (None, Kind.PLACE):
                continue
            region = registry.named(Kind.PLACE, outer.surface, article=outer.link.link.target if outer.link else None)
            town = registry.named(Kind.PLACE, inner.surface, article=inner.link.link.target if inner.link else None)
            if town != region:
                registry.fact(town, Prop.LOCATED_IN, region, evidence=(sentence.evidence(),))
