"""Items of a field or a table cell: names written one after another, separated by ``<br>`` or ``、``.

Infobox fields and table cells write lists the same way: ``[[埃及]][[开罗]][[米娜宫酒店]]``
(a place, big to small), ``{{flagicon|USA}} [[张三]]`` (a person and their side),
``国家主席李四`` (an office before an unlinked name). An :class:`Entry` is one item with its
links and flag templates in order (footnotes left out) and its plain text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.extract.gazetteer import well_known_names
from kg.extract.names import shown
from kg.extract.places import BARE_KINDS, PLAIN_PLACE, SIDE_WORDS, VENUE_ENDINGS, flag_of, known_place, tail_place, well_known_container
from kg.extract.reading import Reading
from kg.extract.roles import CHAIRS_OF_A_MEETING, OFFICE_WORDS
from kg.extract.scripts import to_hans
from kg.model import Kind, Span
from kg.wikitext import Document, Template

_ENTRY_SPLIT = re.compile(r"<br\s*/?>|\n|、|，|,|；|;")
#: Separators that end an item even inside brackets: a line, whatever a bracket left open.
_LINE_SPLIT = re.compile(r"<br\s*/?>|\n")
#: Every character :func:`_entries_in` acts on (a bracket of markup, a bracket, the first of a separator):
#: the text between two of them is passed over at once, not a character at a time.
_MARKS = frozenset("[]{}-（()）<\n、，,；;")
_NEXT_MARK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_FLAG_TEMPLATES = re.compile(r"^(flagicon|flag|flagcountry|flagu|flagdeco|国旗|旗帜)$", re.I)
#: Flag templates that draw the flag alone, with no name (``{{flagicon|IND}}``): decoration
#: beside a name, not a statement of the state (``{{flag|India}}`` and ``{{IND}}`` write its name).
_ICON_ONLY = re.compile(r"^(flagicon|flagdeco)$", re.I)
#: Linked names ending so are bodies, not people (国防委员会, 人民政府, 劳动党).
BODY_ENDINGS = ("委员会", "政府", "党", "部", "院", "会", "军", "局", "署", "组织", "集团", "联盟", "议会", "内阁")
#: Unlinked words a list writes a body by (``甲国国会``): no person, though as short as a name (not 会 or 军
#: alone: 李军 is a name).
_BODY_WRITTEN = ("国会", "议会", "议院", "政府", "内阁", "委员会", "理事会", "组织", "联盟", "集团")
#: A plain name written after its office (``国家主席王五``); a transliterated one in parts may be long
#: (``总统马塞洛·雷贝洛·德索萨``: the office glued to an eleven-character name).
_TITLED_NAME = re.compile(r"^(?P<office>.*?(?:" + "|".join(OFFICE_WORDS) + r"))"
                          r"(?P<name>[\u4e00-\u9fff]{2,10}|[\u4e00-\u9fff]{1,6}[·‧・][\u4e00-\u9fff·‧・]{1,14})$")
#: An unlinked name with a bare office word after it, as a list writes whom someone met
#: (``某某总统``, ``某·某某国王``): a title of address, not an office's body before it.
_NAME_THEN_OFFICE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·‧・][\u4e00-\u9fff·‧・]{1,12}?)"
                               r"(?P<office>总统|总理|首相|主席|国王|女王)$")
_PLAIN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}[·‧・][\u4e00-\u9fff·‧・]{1,12}$")
_DELEGATES = re.compile(r"(代表|代表团|官员|大使|特使|使节)$|\d+个|[几数多]个")
PLACE_TAIL = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


@dataclass(frozen=True)
class Entry:
    """One item: its names in order, and its plain text."""

    span: Span
    links: tuple[tuple[str, str], ...]  # (shown text, target) in order
    flags: tuple[str, ...]  # state keys of flag templates
    text: str  # plain text (Simplified)
    named_flags: tuple[str, ...] = ()  # of the flags, those whose template writes the state's name


def entries_in(reading: Reading, span: Span) -> list[Entry]:
    """The items of the wikitext at ``span``, each with its links and flag templates in order
    (remembered: the infobox's and the tables' rules ask for the same field or cell again)."""
    remembered = reading.index.remembered
    found = remembered.get((entries_in, span))
    if found is None:
        marks = remembered.get(_Marks)
        if marks is None:
            marks = remembered[_Marks] = _Marks(reading.document)
        found = remembered[(entries_in, span)] = tuple(_entries_in(reading.document, span, marks))
    return list(found)


class _ByStart:
    """Things of a page by where each starts, for a field or a cell to take those inside its
    span by bisection instead of a pass over all of the page's (templates come after the ones
    nested in them, so they are sorted here and given back in their own order)."""

    def __init__(self, items: list, starts: list[int]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=starts.__getitem__)
        self._starts = [starts[i] for i in self._order]

    def within(self, span: Span) -> list:
        """The items that start inside ``span``, in their order."""
        low, high = bisect_left(self._starts, span.start), bisect_left(self._starts, span.end)
        return [self._items[i] for i in sorted(self._order[low:high])]


class _Marks:
    """A page's footnotes, links and flag templates (each with its state) by where they
    start, made once a page: every field and cell asks for those inside it."""

    def __init__(self, document: Document) -> None:
        self.refs = _ByStart([ref.span for ref in document.refs], [ref.span.start for ref in document.refs])
        self.links = _ByStart(list(document.links), [link.span.start for link in document.links])
        flags = [(t, state) for t in document.templates if (state := flag_state(t))]
        self.flags = _ByStart(flags, [t.span.start for t, _ in flags])


def _entries_in(document: Document, span: Span, marks: _Marks) -> list[Entry]:
    raw = document.text[span.start:span.end]
    pieces = []
    start = depth = brackets = i = 0
    while i < len(raw):  # split at separators outside [[…]], {{…}}, -{…}- and <ref>…</ref>
        if raw[i] not in _MARKS:  # a character none of the tests below reads: on to the next one they may
            found = _NEXT_MARK.search(raw, i)
            if found is None:
                break
            i = found.start()
        two = raw[i:i + 2]
        if two in ("[[", "{{", "-{"):
            depth += 1
            i += 2
            continue
        if two in ("]]", "}}", "}-"):
            depth = max(0, depth - 1)
            i += 2
            continue
        if depth == 0:
            if raw[i] in "（(":  # 张三（甲党主席、国家主席）: the offices of one item, not two
                brackets += 1
            elif raw[i] in "）)":
                brackets = max(0, brackets - 1)
            match = (_LINE_SPLIT if brackets else _ENTRY_SPLIT).match(raw, i)
            if match:
                pieces.append((start, i))
                start = i = match.end()
                brackets = 0
                continue
        i += 1
    pieces.append((start, len(raw)))
    refs = marks.refs.within(span)
    in_span = marks.links.within(span)  # the items' look here
    flags_in_span = marks.flags.within(span)
    out: list[Entry] = []
    for a, b in pieces:
        item = Span(span.start + a, span.start + b)

        def inside(at: Span) -> bool:  # in the item, not in one of its footnotes
            return item.start <= at.start < item.end and not any(r.start <= at.start < r.end for r in refs)

        links = tuple((link.text, link.target) for link in in_span if inside(link.span))
        templates = [(t, state) for t, state in flags_in_span if inside(t.span)]
        flags = tuple(state for _, state in templates)
        named = tuple(state for t, state in templates if not _ICON_ONLY.match(t.key.strip()))
        text = to_hans(plain_text(raw[a:b]))
        if links or flags or text.strip():
            out.append(Entry(item, links, flags, text, named))
    return out


def plain_text(raw: str) -> str:
    """The words of a field or a cell as the page shows them: no footnotes or templates, each
    link's shown text, an inline conversion's Simplified form (``-{zh-hans:某城; zh-hant:某市;}-``)."""
    text = _REFS.sub("", raw)
    text = _CONVERSION.sub(r"\1", shown(text)) if "-{" in text else text
    text = _TEMPLATES.sub("", text)
    text = _LINKS.sub(r"\1", text)
    return _TAGS_AND_QUOTES.sub("", text).strip()


#: What :func:`plain_text` takes out or unwraps, compiled once (every field's and cell's words are read so).
_REFS = re.compile(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", re.S)
_CONVERSION = re.compile(r"-\{([^{}:;]*)\}-")
_TEMPLATES = re.compile(r"\{\{[^{}]*\}\}")
_LINKS = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_TAGS_AND_QUOTES = re.compile(r"<[^>]+>|'''|''")


@lru_cache(maxsize=1)
def _flag_codes() -> dict[str, str]:
    text = resources.files("kg").joinpath("data/flag-codes.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, state = line.partition("\t")
            out[code.strip().lower()] = state.strip()
    return out


def flag_state(template: Template) -> str | None:
    """``{{USA}}``, ``{{flagicon|PRC}}``, ``{{flag|Japan}}`` → the state key."""
    codes = _flag_codes()
    key = template.key.strip().lower()
    if _FLAG_TEMPLATES.match(key):
        value = (template.get("1") or "").strip().lower()
        return codes.get(value)
    return codes.get(key) if not template.params else None


#: The end of a list of stops that leaves the rest unnamed (``[[甲城]]、[[乙城]]等地``, ``某城等处``): no place.
_AND_OTHER_PLACES = re.compile(r"等(?:地|处|城市|地区)$")


def entry_places(reading: Reading, entry: Entry, country: bool = False) -> list[tuple[str, str | None]]:
    """Big to small, each (name as shown, linked article): flag states, a known place written
    plainly before the first link (``美国[[旧金山]]…``), then linked places; a plain tail
    after the last link is read by :func:`kg.extract.places.tail_place`; an entry without
    links is its own text. A list's end that leaves the other stops unnamed (``等地``) is no place.

    A flag drawn with no name (``{{flagicon|IND}} [[某城]]``) names no place: Wikipedia draws
    it beside a name as decoration, never as the only sign of a country (MOS:FLAG), and a
    reader sees no state's name; it counts only in a field that asks for the ``country``."""
    first = to_hans(entry.links[0][0]) if entry.links else ""
    flags = entry.flags if country else entry.named_flags
    out: list[tuple[str, str | None]] = [(state, None) for state in flags if not flag_of(first, state)]
    text = _AND_OTHER_PLACES.sub("", re.sub(r"[（(].*?[）)]", "", entry.text).strip())
    if not entry.links:
        if PLACE_TAIL.match(text):
            out.extend(_split_known(reading, text))
        return out
    at = text.find(to_hans(entry.links[0][0]))
    head = text[:at].strip() if at > 0 else ""
    if PLACE_TAIL.match(head):
        out.extend((name, None) for name, _ in _split_known(reading, head)
                   if known_place(reading, name) and not any(reading.index.same(name, n) for n, _ in out))
    for shown, target in entry.links:
        if not any(reading.index.same(target, name) for name, _ in out):
            out.append((shown, target))
    last_shown = to_hans(entry.links[-1][0])
    at = text.rfind(last_shown)
    tail = tail_place(reading, last_shown, text[at + len(last_shown):]) if at >= 0 else None
    if tail is not None:
        name, inside = tail
        if inside:
            out.append((name, None))
        else:
            out[-1] = (name, None)
    return out


def people_of(reading: Reading, entry: Entry) -> list[tuple[str, str | None]]:
    """The people of an entry, each with the office written before them (``[[甲国总统]][[张三]]``,
    ``[[国防委员会]]委员长[[李四]]``, a plain ``国家主席王五``, or a plain name alone)."""
    out: list[tuple[str, str | None]] = []
    office, body, cursor = None, None, 0
    for shown, target in entry.links:
        hans = to_hans(target)
        at = entry.text.find(to_hans(shown), cursor)
        between = entry.text[cursor:at] if at >= 0 else ""
        cursor = at + len(shown) if at >= 0 else cursor
        if reading.index.is_state(target) or reading.registry.is_a(target, Kind.COUNTRY, Kind.PLACE):
            body = to_hans(shown)
            continue
        if hans.endswith(OFFICE_WORDS) or reading.registry.is_a(target, Kind.POSITION):
            if out and out[-1][1] is None and between.strip() in ("（", "("):  # [[张三]]（[[甲国总理|总理]]）
                out[-1] = (out[-1][0], target)
                continue
            office, body = target, None
            continue
        if hans.endswith(BODY_ENDINGS) and not reading.registry.is_a(target, Kind.PERSON):
            body = to_hans(shown)
            continue
        words = between.strip()
        if words.endswith(OFFICE_WORDS):  # [[国防委员会]]委员长[[李四]]
            office = (body or "") + words
        out.append((target, office))
        office, body = None, None
    if _DELEGATES.search(entry.text):
        return []  # 8个流亡政府的代表: delegates of bodies, not leaders
    if not entry.links:
        text = re.sub(r"[（(].*?[）)]", "", entry.text).strip()
        match = _TITLED_NAME.match(text)
        if match and not match["name"].endswith(OFFICE_WORDS):
            out.append((match["name"], match["office"]))
        elif titled := _titled_after(reading, text):
            out.append(titled)
        elif _PLAIN_NAME.match(text) and not text.endswith(OFFICE_WORDS + _BODY_WRITTEN) \
                and not reading.index.is_state(text) and reading.registry.kind_of(text) in (None, Kind.PERSON):
            out.append((text, None))  # a name given without a link: 毛泽东
    return out


def _titled_after(reading: Reading, text: str) -> tuple[str, str] | None:
    """An unlinked name and the bare office word written after it (``某某总统``: 某某, 总统);
    ``None`` when the words before the office are a state's or a body's (``甲国总统``,
    ``国务院总理``) or a name the article gives to something other than a person."""
    match = _NAME_THEN_OFFICE.match(text)
    if match is None or to_hans(text).endswith(CHAIRS_OF_A_MEETING):
        return None  # 某组织轮值主席: the words before 轮值主席 name the body whose chair he is, no person
    name = match["name"]
    if reading.index.is_state(name) or name.endswith(BODY_ENDINGS + ("国", "方")) \
            or reading.registry.kind_of(name) not in (None, Kind.PERSON):
        return None
    return name, match["office"]


def _split_known(reading: Reading, text: str) -> list[tuple[str, None]]:
    """A plain place written big to small (``莫斯科克里姆林宫``): a known city or site at its
    start holds the rest, which keeps its own name when the article names it elsewhere
    (``克里姆林宫``) or the reference gazetteer knows it (``北京人民大会堂``), and the whole name
    otherwise (``华盛顿会议中心``). A state at the start holds the rest when the rest begins with
    a place the article or the gazetteer knows (``韩国济州岛西归浦``: 西归浦 in 济州岛 in 韩国,
    ``日本东京``) or when the rest is a town's name, a plain name not written as a building's or a
    kind of place (``马来西亚吉隆坡``, not ``美国大使馆``), and is left alone otherwise:
    ``美国驻奥地利大使馆`` is not in the United States. A place the article links with its
    administrative suffix counts written without it (``海南三亚`` for ``[[海南省]][[三亚市]]``). A
    hall named after the gazetteer's venue (``某都人民会堂东厅``) lies in that venue, as
    ``[[人民会堂]]东厅`` does: the rest's own name. A town the article links elsewhere with no kind
    given yet (``转往[[某都]]访问``) holds the rest only where the rest is a place the article knows
    (``甲国某都某宫`` with ``在[[某宫]]会谈``), see :func:`_linked_town`."""
    if reading.index.is_state(text):
        return [(text, None)]  # 印度尼西亚: no 印度 in it
    known = _linked_places(reading)
    for size in range(len(text) - 2, 1, -1):
        head = text[:size]
        if well_known_container(reading, reading.index.key(text[size:])) == head:  # 北京人民大会堂
            return [(head, None), (text[size:], None)]
        hall = _hall_of_a_known_venue(reading, head, text[size:])
        if hall is not None:  # 北京人民大会堂东大厅: the east hall, in the Great Hall, in Beijing
            return [(head, None), *hall]
        if reading.index.is_state(head):
            inner = _split_known(reading, text[size:]) if not text[size:].startswith("驻") else []
            first = _known_name(reading, inner[0][0], known) if inner else None
            if first is None and len(inner) > 1 and _linked_town(reading, inner[0][0]):
                first = inner[0][0]  # 甲国某都某宫 with [[某都]] linked elsewhere: the town, in the state
            if first is not None:
                return [(head, None), (first, None)] + inner[1:]
            if inner == [(text[size:], None)] and _town(text[size:]):
                return [(head, None), (text[size:], None)]  # 马来西亚吉隆坡: the capital, in the state
            continue
        town = head if reading.registry.is_a(head, Kind.PLACE) else _known_name(reading, head, known)
        if town is None and not _linked_town(reading, head):
            continue
        rest = text[size:]
        own = _known_name(reading, rest, known) \
            or (rest if well_known_container(reading, reading.index.key(rest)) is not None else None)
        if town is None and own is None:
            continue  # [[某都]] linked, then a name the article gives nothing else: no split (某都某某大厦)
        return [(town or head, None), (own or text, None)]
    return [(text, None)]


def _hall_of_a_known_venue(reading: Reading, town: str, rest: str) -> list[tuple[str, None]] | None:
    """``[(venue, None), (hall, None)]`` when ``rest`` is a venue the reference gazetteer puts in
    ``town`` followed by a name of its own (``人民大会堂东大厅``: 东大厅), else ``None``."""
    plain = to_hans(rest)
    for size in range(len(plain) - 2, 1, -1):
        tail = rest[size:]
        if well_known_container(reading, reading.index.key(rest[:size])) == to_hans(town) \
                and PLAIN_PLACE.match(tail) and not SIDE_WORDS.match(tail):
            return [(rest[:size], None), (tail, None)]
    return None


#: A town's name written plainly after its state in a place cell (吉隆坡, 金边, 斯里巴加湾市).
_TOWN = re.compile(r"^[\u4e00-\u9fff]{2,7}$")


def _town(name: str) -> bool:
    """Whether a plain name after a state reads as a town's, not a building's, a kind of place
    or a side (大使馆, 总统府, 北部)."""
    return bool(_TOWN.match(name)) and name not in BARE_KINDS and not name.endswith(_SITE_ENDINGS) \
        and not SIDE_WORDS.match(name)


#: What a place's name may end with that the same place is written without (西归浦市, 西归浦; 海南省, 海南).
_ADMIN_SUFFIXES = ("市", "省", "县", "州", "区", "岛", "都")


def _known_name(reading: Reading, name: str, known: set[str]) -> str | None:
    """The name the article gives ``name`` as a place elsewhere (with its administrative
    suffix: ``[[指宿市]]`` for ``指宿``, a link so ending a place whatever else the article says of it), or ``name`` when the gazetteer knows it; else ``None``."""
    if reading.index.key(name) in known or reading.registry.is_a(name, Kind.PLACE) or to_hans(name) in well_known_names():
        return name
    linked = {reading.index.key(link.target) for link in reading.document.links}  # [[海南省]]: a place by its suffix
    return next((name + suffix for suffix in _ADMIN_SUFFIXES if reading.index.key(name + suffix) in known | linked), None)


def _linked_town(reading: Reading, name: str) -> bool:
    """Whether the article links ``name`` elsewhere as a name of no kind known yet (a town it travels to:
    ``转往[[某都]]进行访问``), a plain town's name, not a building's or a kind of place: before a place the
    article knows (``某都某宫`` with ``[[某宫]]`` a venue), it is the town that holds that place."""
    key = reading.index.key(name)
    return _town(to_hans(name)) and reading.registry.kind_of(name) is None \
        and any(reading.index.key(link.target) == key for link in reading.document.links)


def _linked_places(reading: Reading) -> set[str]:
    return {reading.index.key(link.target) for link in reading.document.links
            if reading.registry.is_a(link.target, Kind.PLACE, Kind.COUNTRY)}


#: How the name of a site ends (a palace, a residence, an institute), not of a town.
_SITE_ENDINGS = VENUE_ENDINGS + ("住所",)


def cell_chains(reading: Reading, entries: list[Entry], country: bool = False) -> list[list[tuple[str, str | None]]]:
    """The place chain of each item of a field or a cell, big to small. A site written after
    a town and a comma (``[[新德里]]，[[海得拉巴宫]]``, ``华盛顿，白宫``) is in that town: one
    chain, not two stops (a town it names again is the same town); ``、`` lists stops
    (``[[西安]]、[[北京]]``)."""
    text = reading.document.text
    out: list[list[tuple[str, str | None]]] = []
    previous: Entry | None = None
    for entry in entries:
        chain = entry_places(reading, entry, country)
        before = out[-1] if out else []
        new = [(name, article) for name, article in chain if not any(reading.index.same(name, b) for b, _ in before)]
        if previous is not None and new and before and text[previous.span.end:entry.span.start].strip() in ("，", ",") \
                and all(_site(reading, name) for name, _ in new) and not _site(reading, before[-1][0]):
            out[-1] = before + new  # 埃尔福特，埃尔福特霍夫饭店: the hotel, in the town before
        else:
            out.append(chain)
        previous = entry
    return out


def _site(reading: Reading, name: str) -> bool:
    return not reading.index.is_state(name) and to_hans(name).endswith(_SITE_ENDINGS)
