"""A summit as a reader wants it: what the graph says about it, gathered into plain data for its page.

Title, dates, the venue and what contains it, the participants with their offices and
sides, the documents, its place in its series, and the article's own sentences that say
so, each with the words that state a fact marked (by the labels of the things the facts
name, and the summit's dates) and a link to its section on Wikipedia, with the citations.
Nothing here is specific to one article: it reads the ontology's properties.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Store

from kg.scripts import to_hans
from kg.server.pages import Link

SKG = "https://w3id.org/summit-kg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel")
DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"


@dataclass(frozen=True)
class Mark:
    """A stretch of a sentence that states a fact: [start, end) and the fact's property."""

    start: int
    end: int
    fact: str  # the ontology's local name: participant, venue, outcome, date, ...


@dataclass(frozen=True)
class Quote:
    """A sentence of the article, where it is, and the facts it states."""

    text: str
    marks: tuple[Mark, ...]
    section: str
    href: str  # the section on Wikipedia
    cites: tuple[int, ...] = ()  # 1-based numbers in the summary's citations: the refs the sentence carries


@dataclass(frozen=True)
class Participant:
    person: Link
    roles: tuple[Link, ...]
    sides: tuple[Link, ...]


@dataclass(frozen=True)
class SummitSummary:
    """What a summit page shows above its statement table."""

    dates: str
    venues: tuple[Link, ...]  # the venue, then what contains it, outwards
    participants: tuple[Participant, ...]
    documents: tuple[Link, ...]
    series: Link | None
    ordinal: int | None
    previous: Link | None
    next: Link | None
    quotes: tuple[Quote, ...]
    citations: tuple[Link, ...]
    fact_names: dict[str, str]  # fact → its label in the reader's script, for the marks' titles


class _Remembered:
    """A store whose patterns are read once each: a summary asks the same again and again (each quote
    reads every citation's spans, their offsets and articles), and from the on-disk store a read
    costs tens of microseconds. What a page reads of it, only while the page is made."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._read: dict[tuple, tuple] = {}

    def quads_for_pattern(self, subject, predicate, obj, graph):
        key = (subject, predicate, obj, graph)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = tuple(self.store.quads_for_pattern(subject, predicate, obj, graph))
        return found


def _objects(store: Store, subject, predicate: str) -> list:
    return sorted({q.object for q in store.quads_for_pattern(subject, NamedNode(predicate), None, None)}, key=str)


def _subjects(store: Store, predicate: str, obj) -> list:
    return sorted({q.subject for q in store.quads_for_pattern(None, NamedNode(predicate), obj, None)}, key=str)


def _value(store: Store, subject, predicate: str) -> str | None:
    found = [o for o in _objects(store, subject, predicate) if isinstance(o, Literal)]
    return found[0].value if found else None


def _names(store: Store, node) -> set[str]:
    """Every label and alias of ``node``, in any script, of two characters or more."""
    return {o.value for p in LABELS for o in _objects(store, node, p) if isinstance(o, Literal) and len(o.value) >= 2}


def summarize(store: Store, summit: NamedNode, *, link: Callable[[object], Link], fact_label: Callable[[str], str]) -> SummitSummary:
    """The summary of ``summit``; ``link`` shows a node in the reader's script, ``fact_label`` names a property."""
    store = _Remembered(store)
    start, end = _value(store, summit, SKG + "startDate"), _value(store, summit, SKG + "endDate")
    dates = (start or "") if end in (None, start) else f"{start} – {end}"
    needles: dict[str, str] = {}  # a name in the text → the fact it states

    venues, seen = [], set()
    frontier = _objects(store, summit, SKG + "venue")
    for venue in frontier:
        needles.update(dict.fromkeys(_names(store, venue), "venue"))
    while frontier:
        place = frontier[0]
        seen.add(place)
        venues.append(link(place))
        outer = [p for p in _objects(store, place, SKG + "locatedIn") if p not in seen]
        for p in outer:
            needles.update({name: "venue" for name in _names(store, p) if name not in needles})
        frontier = frontier[1:] + outer[:1]

    participants = []
    people_with_roles = set()
    for participation in _objects(store, summit, SKG + "hasParticipation"):
        agents = _objects(store, participation, SKG + "agent")
        roles, sides = _objects(store, participation, SKG + "role"), _objects(store, participation, SKG + "side")
        for agent in agents:
            people_with_roles.add(agent)
            participants.append(Participant(link(agent), tuple(link(r) for r in roles), tuple(link(s) for s in sides)))
        for role in roles:
            needles.update(dict.fromkeys(_names(store, role), "role"))
    for person in _objects(store, summit, SKG + "participant"):
        if person not in people_with_roles:
            participants.append(Participant(link(person), (), ()))
    for person in _objects(store, summit, SKG + "participant"):
        needles.update(dict.fromkeys(_names(store, person), "participant"))

    documents = _objects(store, summit, SKG + "outcome")
    for document in documents:
        needles.update(dict.fromkeys(_names(store, document), "outcome"))

    series = next(iter(_objects(store, summit, SKG + "inSeries")), None)
    ordinal_text = _value(store, summit, SKG + "ordinal")
    ordinal = int(ordinal_text) if ordinal_text and ordinal_text.isdigit() else None
    previous = following = None
    if series is not None:
        members = sorted(
            _subjects(store, SKG + "inSeries", series),
            key=lambda s: (_value(store, s, SKG + "startDate") or "", str(s)),
        )
        at = members.index(summit) if summit in members else -1
        previous = link(members[at - 1]) if at > 0 else None
        following = link(members[at + 1]) if 0 <= at < len(members) - 1 else None

    cited = sorted(
        {c for holder in [summit, *_subjects(store, RDF + "subject", summit)] for c in _objects(store, holder, SKG + "supportedBy")},
        key=lambda c: (_position(store, c), str(c)),
    )
    quotes = tuple(_with_citations(store, q, cited) for q in _quotes(store, summit, needles, start, end, ordinal))
    citations = tuple(_citation(store, c, link) for c in cited)
    facts = ("participant", "venue", "outcome", "role", "date", "ordinal")
    return SummitSummary(
        dates=dates, venues=tuple(venues), participants=tuple(participants), documents=tuple(link(d) for d in documents),
        series=link(series) if series is not None else None, ordinal=ordinal, previous=previous, next=following,
        quotes=quotes, citations=citations,
        fact_names={fact: fact_label(SKG + ("startDate" if fact == "date" else fact)) for fact in facts},
    )


def _position(store: Store, node) -> int:
    """Where in its article a node's evidence starts (citations: where the ref stands)."""
    spans = _objects(store, node, SKG + "evidence")
    return min((int(_value(store, span, SKG + "startOffset") or 0) for span in spans), default=0)


def _with_citations(store: Store, quote_: tuple, cited: list) -> Quote:
    """The quote with the numbers of the citations whose refs stand in or right after its sentence."""
    found, (span_start, span_end, article) = quote_
    numbers = []
    for number, citation in enumerate(cited, start=1):
        for span in _objects(store, citation, SKG + "evidence"):
            at = int(_value(store, span, SKG + "startOffset") or -1)
            same = any(o.value == article for o in _objects(store, span, DERIVED_FROM) if isinstance(o, NamedNode))
            if same and span_start <= at <= span_end:
                numbers.append(number)
                break
    return Quote(found.text, found.marks, found.section, found.href, tuple(numbers))


def _evidence_of(store: Store, summit: NamedNode) -> list:
    """The text spans behind the summit's facts: its own, its participations', documents', statements', events'."""
    holders = [summit, *_objects(store, summit, SKG + "hasParticipation"), *_objects(store, summit, SKG + "outcome")]
    for predicate in (SKG + "atSummit", SKG + "forEvent"):
        holders += _subjects(store, predicate, summit)
    for holder in list(holders):
        holders += _subjects(store, RDF + "subject", holder)  # statements about it
    spans = {span for holder in holders for span in _objects(store, holder, SKG + "evidence")}
    return sorted(spans, key=lambda s: (int(_value(store, s, SKG + "startOffset") or 0), str(s)))


_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+次")


def _quotes(store: Store, summit: NamedNode, needles: dict[str, str], start: str | None, end: str | None, ordinal: int | None):
    days = [d for d in (start, end) if d]
    years = {int(d[:4]) for d in days}
    months = {int(d[5:7]) for d in days if len(d) >= 7}
    mdays = {int(d[8:10]) for d in days if len(d) >= 10}
    seen = set()
    for span in _evidence_of(store, summit):
        text = _value(store, span, SKG + "text")
        if not text or text in seen:
            continue
        seen.add(text)
        marks = _name_marks(text, needles)
        taken = [(m.start, m.end) for m in marks]
        for match in _DATE.finditer(text):
            year, month, day = (int(g) if g else None for g in match.groups())
            if match.end() == match.start() or (year is None and month is None):
                continue
            if (year is None or year in years) and (month is None or month in months) and (day is None or day in mdays or not mdays):
                if not any(a < match.end() and match.start() < b for a, b in taken):
                    marks.append(Mark(match.start(), match.end(), "date"))
        if ordinal is not None:
            for match in _ORDINAL.finditer(text):
                if not any(a < match.end() and match.start() < b for a, b in taken):
                    marks.append(Mark(match.start(), match.end(), "ordinal"))
        heading = _value(store, span, SKG + "sectionHeading") or ""
        article = next((o.value for o in _objects(store, span, DERIVED_FROM) if isinstance(o, NamedNode)), "")
        href = article + ("#" + quote("_".join(heading.split()), safe="") if heading and article else "")
        where = (int(_value(store, span, SKG + "startOffset") or 0), int(_value(store, span, SKG + "endOffset") or 0), article)
        yield Quote(text, tuple(sorted(marks, key=lambda m: m.start)), heading, href), where


def _name_marks(text: str, needles: dict[str, str]) -> list[Mark]:
    """Where the names occur in ``text`` (either script; longest first, never overlapping)."""
    plain = to_hans(text)  # same length as text
    marks: list[Mark] = []
    for name in sorted(needles, key=lambda n: (-len(n), n)):
        # each occurrence left to right, the next looked for past the last: what a pattern of the name would
        # find, without one compiled for each name of each page (more names than the patterns re keeps)
        needle = to_hans(name)
        start = plain.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(m.start < end and start < m.end for m in marks):
                marks.append(Mark(start, end, needles[name]))
            start = plain.find(needle, end)
    return marks


def _citation(store: Store, citation, link: Callable[[object], Link]) -> Link:
    title = _value(store, citation, SKG + "title") or link(citation).text
    url = _value(store, citation, SKG + "url")
    details = []
    for publisher in _objects(store, citation, SKG + "publisher"):
        details.append(link(publisher).text)
    date = _value(store, citation, SKG + "publicationDate")
    if date:
        details.append(date)
    return Link(title, url, " · ".join(details))
