"""Where a meeting table's row was held: its place cells big to small, inside the country of a
国家 cell; of a cell of a tour's stops, the most precise; the one state a table's visits went to
(its caption or the article's first sentence: ``张三历次访华``); the venue a note cell names
(``17日在[[人民大会堂]]会谈``).
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.entities import PLACE_ENDINGS
from kg.extract.entries import Entry, cell_chains, entries_in
from kg.extract.phrases import HELD_AT, MEETING, NOT_A_SHORT_STATE
from kg.extract.places import SIGNED_AT, held_at_chain, well_known_container
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.table_rows import Row, cell_text, meeting_tables, rows_of, span_evidence
from kg.extract.text import Sentence
from kg.extract.venues import chain_facts
from kg.model import Evidence, Inference, Kind, Prop
from kg.wikitext import Table


def row_venue(reading: Reading, summit, row: Row, visited: tuple[str, Evidence] | None = None,
              guests: bool = False) -> None:
    """The place of each place cell, big to small, inside the country of a 国家 cell
    (``[[魁北克市|魁北克]] || {{flag|Canada}}``: Quebec in Canada). A cell of several stops
    (``[[甲城]]、乙城[[某宾馆]]``) gives its most precise one, inside the cell's flag. A row
    that names no country lies in the one the table's visits went to (``张三历次访华``). ``guests``: the
    table's 国家 column names the state of each one met, not where (see :func:`guests_states`)."""
    registry = reading.registry
    names: list[tuple[str, str | None]] = []  # big to small
    cells = []
    for cell in row.cells.get("country", [])[:1] if not guests else ():
        entries = entries_in(reading, cell.span)
        if entries:
            names.extend(row_country(entries[0]))
            cells.append(cell)
    for cell in row.cells.get("place", [])[:1]:
        entries = entries_in(reading, cell.span)
        if entries:
            names.extend(_stop_of_the_meeting(reading, entries))
            cells.append(cell)
    chain = []
    for name, article in reversed(names):
        kind = Kind.COUNTRY if reading.index.is_state(name) else Kind.PLACE
        place = registry.named(kind, name, article=article)
        if place.kind in (Kind.PLACE, Kind.COUNTRY) and all(p.key != place.key for p in chain):
            chain.append(place)
    evidence = tuple(span_evidence(reading, cell.span) for cell in cells)
    flags = {reading.index.key(state) for cell in cells for entry in entries_in(reading, cell.span) for state in entry.flags}
    if visited is not None and not any(p.kind is Kind.COUNTRY for p in chain) \
            and flags <= {reading.index.key(visited[0])}:  # a flag of another state: not the visits' country
        country = registry.named(Kind.COUNTRY, visited[0])
        if not chain or not _elsewhere(reading, chain[-1], country):
            chain.append(country)
            evidence += (visited[1],)
    for inner, outer in zip(chain, chain[1:]):
        if inner.kind is not Kind.COUNTRY:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=evidence)
    if chain:
        registry.fact(summit, Prop.VENUE, chain[0], evidence=evidence)


#: Names ending so are sites within a town (宾馆, 宫, 庄园), not the town itself.
_SITE_ENDINGS = tuple(e for e in PLACE_ENDINGS if e not in ("城", "市", "省", "州", "县", "区", "岛", "山", "湖", "港", "村"))


def _stop_of_the_meeting(reading: Reading, entries: list[Entry]) -> list[tuple[str, str | None]]:
    """Of a cell's stops, big to small, the most precise (the first of the deepest), inside
    the states the cell's flags name."""
    chains = cell_chains(reading, entries)  # 新德里，海得拉巴宫: one chain
    states = [name for chain in chains for name, _ in chain if reading.index.is_state(name)]

    def depth(chain) -> tuple[int, bool]:  # a site (某宾馆) is finer than a city of as many names
        places = [to_hans(name) for name, _ in chain if not reading.index.is_state(name)]
        return len(places), bool(places) and places[-1].endswith(_SITE_ENDINGS)

    best = _town_the_rows_list_most(reading, chains, list(max(chains, key=depth)), depth)  # max keeps the first of equals
    if best and len(best) == 1 + sum(1 for name, _ in best[:-1] if reading.index.is_state(name)):
        town = well_known_container(reading, reading.index.key(best[-1][1] or best[-1][0]))
        if town is not None:  # 北京[[某国宾馆]] with 北京 unlinked: the reference gazetteer's town
            best.insert(len(best) - 1, (town, None))
    if any(reading.index.is_state(name) for name, _ in best):
        return best
    return [(state, None) for state in dict.fromkeys(states)] + best


def _town_the_rows_list_most(reading: Reading, chains, best, depth):
    """Of a cell's stops that are towns alike (``[[某港]]、[[某都]]``), the one the article's meeting tables list in
    the most rows, where the first is listed in this row alone: a stop no other visit makes is where this one began
    or went on to, the stop the visits share is the seat of the leaders they met (a list of one pair's meetings or
    one state's visits: ``某都``, ``某港、某都``, ``某都、丙城``). A site, or a cell of one town, is the place as written."""
    if depth(best) != (1, False):
        return best
    towns = [chain for chain in chains if depth(chain) == (1, False)]
    if len(towns) < 2:
        return best
    listed = _towns_the_rows_list(reading)

    def times(chain) -> int:
        return listed[reading.index.key(chain[-1][1] or chain[-1][0])]

    most = max(towns, key=times)  # max keeps the first of equals
    return list(most) if times(best) == 1 and times(most) > 1 else best


def _towns_the_rows_list(reading: Reading) -> Counter:
    """How many rows of the article's meeting tables list each town (its key) among their stops, worked out once
    while the name index stays as it is."""
    remembered = reading.index.remembered
    found = remembered.get(_towns_the_rows_list)
    if found is None:
        found = remembered[_towns_the_rows_list] = Counter()
        for table, roles in meeting_tables(reading):
            for row in rows_of(table, roles):
                for cell in row.cells.get("place", [])[:1]:
                    found.update({reading.index.key(chain[-1][1] or chain[-1][0])
                                  for chain in cell_chains(reading, entries_in(reading, cell.span))
                                  if chain and not reading.index.is_state(chain[-1][0])})
    return found


def _elsewhere(reading: Reading, place, country) -> bool:
    """Whether the article puts the place in another state than ``country``."""
    for outer in reading.registry.facts_about(place, Prop.LOCATED_IN):
        if getattr(outer, "kind", None) is Kind.COUNTRY and outer.key != country.key:
            return True
    return False


#: The one-character names of states that ``访X`` uses (访华, 访美): general reference.
_VISIT_ABBREVIATIONS = {"华": "中国", "美": "美国", "苏": "苏联", "俄": "俄罗斯", "日": "日本", "朝": "朝鲜",
                        "韩": "韩国", "印": "印度", "法": "法国", "英": "英国", "德": "德国", "越": "越南"}
_VISITED = re.compile(r"(?<![参拜走探查寻采])访" + NOT_A_SHORT_STATE + r"(?P<a>[华美苏俄日朝韩印法英德越])(?![国问])"
                      r"|(?:访问|到|对)(?P<s>[\u4e00-\u9fff]{2,10})")


#: After a visit: the visit is the time of something else (``于2013年4月甲访华期间正式启动``), one
#: visit, not what a table lists.
_AS_A_TIME = re.compile(r"[^，。；,]{0,8}?(?:访问)?(?:期间|之际)")


def visited_country(reading: Reading, table: Table) -> tuple[str, Evidence] | None:
    """The one state a table's visits went to, as its caption (``张三历次访华``), else the
    article's first sentence, says it (``访华``, ``到乙国的访问``, ``对乙国进行的访问``); not a visit
    told as the time of something else (``…于某年某月张三访华期间正式启动``: one visit)."""
    said = [(table.caption.strip(), Evidence(table.span, table.caption.strip(), None))] if table.caption else []
    said += [(sentence.hans, sentence.evidence()) for sentence in reading.lead[:1]]
    for text, evidence in said:
        hans = to_hans(text)
        if "访" not in hans:
            continue
        found = set()
        for match in _VISITED.finditer(hans):
            if match["a"]:
                if not _AS_A_TIME.match(hans, match.end()):
                    found.add(reading.index.key(_VISIT_ABBREVIATIONS[match["a"]]))
                continue
            word = match["s"]
            state = _state_at_the_start(reading, word)
            if state and not _AS_A_TIME.match(hans, match.start("s") + len(state)):
                found.add(reading.index.key(state))
                found.update(_states_listed_after(reading, hans, match.start("s") + len(state)))
        if found:
            return (found.pop(), evidence) if len(found) == 1 else None
    return None


def _state_at_the_start(reading: Reading, word: str) -> str | None:
    """The longest state's name ``word`` begins with (``乙国进行访问``: 乙国)."""
    return next((word[:n] for n in range(len(word), 1, -1) if reading.index.is_state(word[:n])), None)


#: The words that join the states of a list (``甲国、乙国和丙国``).
_LIST_JOINER = re.compile(r"[、和及与]")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,10}")


def _states_listed_after(reading: Reading, hans: str, at: int) -> list[str]:
    """The states a visit's list goes on to name after its first (``对甲国、乙国和丙国进行
    国事访问``: 乙国, 丙国): a tour of several states, which is no one state a table's visits
    went to."""
    out = []
    while (joiner := _LIST_JOINER.match(hans, at)) and (word := _WORD.match(hans, joiner.end())):
        state = _state_at_the_start(reading, word.group(0))
        if state is None:
            break
        out.append(reading.index.key(state))
        at = joiner.end() + len(state)
    return out


def row_country(entry: Entry) -> list[tuple[str, str | None]]:
    """The one country a 国家 cell names: its last link (``{{flagicon|Morocco}} [[法属摩洛哥]]``
    is French Morocco), else its flag, else its text."""
    if entry.links:
        return [entry.links[-1]]
    if entry.flags:
        return [(entry.flags[0], None)]
    text = entry.text.strip()
    return [(text, None)] if text else []


def states_of_the_row(reading: Reading, row: Row) -> tuple[str, ...]:
    """The states a row's country or place cell names, in order, as a list of states and nothing else
    (``{{甲国}}、{{乙国}}``, ``[[甲国]]、[[乙国]]``): the states a row of a list of trips visited. None of a
    cell that also names a town or a site (``[[某城]]，{{甲国}}``): the place of one meeting."""
    index = reading.index
    for cell in (row.cells.get("country", []) + row.cells.get("place", []))[:1]:
        states: list[str] = []
        for entry in entries_in(reading, cell.span):
            names = list(entry.flags) + [target for _, target in entry.links]
            if not names and entry.text.strip():
                names = [entry.text.strip()]
            if not names or not all(index.is_state(name) for name in names):
                return ()
            states += [key for key in dict.fromkeys(index.key(name) for name in names) if key not in states]
        return tuple(states)
    return ()


def venue_in_a_note(reading: Reading, summit, row: Row) -> None:
    """A note cell that says where the talks were (``17日在[[人民大会堂]]会谈``), or where the
    leaders signed (``在[[大克里姆林宫]]签署国际条约``), gives the venue, more precise than the
    row's place column, and lies in it where nothing else says where it lies."""
    registry = reading.registry
    for cell in row.cells.get("other", []) + row.cells.get("outcome", []):
        text = to_hans(cell_text(reading, cell))
        held = HELD_AT.search(text)
        if held is None or not MEETING.search(text):
            held = SIGNED_AT.search(text)  # 在[[大克里姆林宫]]签署国际条约: where the leaders signed
        if held is None:
            continue
        for entry in entries_in(reading, cell.span):
            for shown, target in entry.links:
                if to_hans(shown) in held["w"] and not any(
                        registry.is_a(target, kind) for kind in (Kind.PERSON, Kind.DOCUMENT, Kind.ORGANIZATION)):
                    place = registry.named(Kind.PLACE, target, article=target)
                    evidence = (span_evidence(reading, cell.span),)
                    row_place = next((v for v in registry.facts_about(summit, Prop.VENUE) if v != place), None)
                    if row_place is not None and not registry.has_fact(place, Prop.LOCATED_IN) \
                            and well_known_container(reading, place.key) is None:
                        registry.fact(place, Prop.LOCATED_IN, row_place, evidence=evidence)  # in the row's place
                    registry.fact(summit, Prop.VENUE, place, evidence=evidence)
                    registry.keep_only(summit, Prop.VENUE, place)
                    return


def venue_of_the_intro(reading: Reading, summit, intro: Sentence) -> None:
    """A row that places its meeting nowhere was held where the sentence introducing the table holds them
    all (``5月7日，张三在某都[[某宫]]同来访的各国领导人分别举行会谈：``): 某宫 in 某都."""
    chain = held_at_chain(reading, intro)
    place = chain_facts(reading, chain, intro) if chain else None
    if place is not None:
        reading.registry.fact(summit, Prop.VENUE, place, evidence=(intro.evidence(),), inference=Inference.BACK_REFERENCE)


def guests_states(reading: Reading, rows: list[Row]) -> bool:
    """Whether a table's 国家 column names the state of each leader met rather than where they met: one place of
    its place column written beside two states or more (``11月1日 || 加蓬 || 李四 || 总统 || 某堂`` and
    ``… || 科摩罗 || 王五 || 总统 || 某堂``: a host's meetings in one hall with the leaders of many states)."""
    seen: dict[str, set[str]] = {}
    for row in rows:
        places = row.cells.get("place", [])[:1]
        countries = row.cells.get("country", [])[:1]
        if places and countries:
            place = cell_text(reading, places[0]).strip()
            if place:
                seen.setdefault(place, set()).add(cell_text(reading, countries[0]).strip())
    return any(len(states) > 1 for states in seen.values())
