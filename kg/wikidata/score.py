"""How well a Wikidata item fits one of our entities: a score from 0 to 1 and why.

A candidate starts from how it was found (a sitelink of the entity's own article is the
strongest sign, then a label, then an alias), gains a little for every further language
(Chinese, Korean, English) whose names agree, and loses when nothing says its class fits
ours. A class that contradicts ours, or dates that contradict ours, rule it out: those
candidates are never linked, only shown for review. Scoring is pure: plain values in,
a plain value out::

    >>> from kg.wikidata.names import Name
    >>> from kg.wikidata.candidates import Item
    >>> from kg.wikidata.subjects import Kind, Subject
    >>> ours = Subject("urn:x", Kind.PERSON, (Name("馬英九", "zh-Hant"),), (), None)
    >>> item = Item("Q1", labels=(Name("马英九", "zh"),), classes=frozenset({"Q5"}))
    >>> fit = assess(ours, item, sitelink=None)
    >>> fit.method, fit.score, fit.clash
    (<Method.LABEL: 'label'>, Decimal('0.900'), None)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from kg.wikidata.candidates import Item
from kg.wikidata.names import Family, Name, name_key
from kg.wikidata.subjects import Kind, Subject

#: Wikidata classes an item of each kind may be an instance of (directly or via P279*).
#: An item whose classes meet none of them clashes; a kind missing here is unconstrained.
ACCEPTED_CLASSES: dict[Kind, frozenset[str]] = {
    Kind.PERSON: frozenset({"Q5"}),  # human
    Kind.COUNTRY: frozenset({"Q6256", "Q3624078", "Q7275"}),  # country, sovereign state, state
    Kind.PLACE: frozenset(
        {
            "Q2221906", "Q17334923", "Q618123", "Q82794", "Q486972", "Q515", "Q5119", "Q6256",
            "Q3624078", "Q7275", "Q34763", "Q41176", "Q811979",
        }
    ),  # geographic location, location, geographical feature, region, settlement, city, capital,
    # country, sovereign state, state, peninsula, building, architectural structure
    Kind.SUMMIT: frozenset({"Q1072326"}),  # summit meeting (and its subclasses)
    Kind.SERIES: frozenset({"Q15275719", "Q1072326"}),  # recurring event, summit
    Kind.DOCUMENT: frozenset({"Q49848", "Q131569", "Q17537576"}),  # document, treaty, creative work
    Kind.ORGANIZATION: frozenset({"Q43229"}),  # organization
    Kind.AWARD: frozenset({"Q618779"}),  # award
    Kind.POSITION: frozenset({"Q4164871", "Q294414"}),  # position, public office
    Kind.EVENT: frozenset({"Q1190554", "Q1656682", "Q180684", "Q198"}),  # occurrence, event, conflict, war
}

BASE = {"sitelink": Decimal("0.95"), "label": Decimal("0.90"), "alias": Decimal("0.80")}
AGREEMENT_BONUS = Decimal("0.05")  # per further language whose names agree, and for dates that agree
UNTYPED_FACTOR = Decimal("0.90")  # nothing says the item's class fits ours: an exact label just passes 0.8, an alias does not
CLASH = Decimal("0.000")


class Method(Enum):
    """How a link was found."""

    SITELINK = "sitelink"
    LABEL = "label"
    ALIAS = "alias"
    REVIEW = "review"


@dataclass(frozen=True)
class Fit:
    """How well one item fits one entity. ``clash`` says what rules it out, if anything."""

    score: Decimal
    method: Method | None  # None: neither sitelink nor any name matched
    evidence: str
    clash: str | None = None


def _matches(ours: tuple[Name, ...], theirs: tuple[Name, ...]) -> dict[Family, tuple[Name, Name]]:
    keys = {}
    for name in theirs:
        key = name_key(name)
        if key is not None:
            keys.setdefault(key, name)
    found: dict[Family, tuple[Name, Name]] = {}
    for name in ours:
        key = name_key(name)
        if key is not None and key in keys and key[0] not in found:
            found[key[0]] = (name, keys[key])
    return found


def _class_fit(kind: Kind, item: Item) -> tuple[Decimal, str, str | None]:
    accepted = ACCEPTED_CLASSES.get(kind)
    types = ", ".join(sorted(item.types, key=lambda q: int(q[1:]))) or "none"
    if not item.classes:
        return UNTYPED_FACTOR, "P31 unknown", None
    if accepted is None:
        return UNTYPED_FACTOR, f"P31 {types} (our {kind.value} has no Wikidata class)", None
    if accepted & item.classes:
        return Decimal(1), f"P31 {types} fits {kind.value}", None
    return CLASH, f"P31 {types}", f"type clash: our {kind.value}, item is P31 {types}"


def _date_fit(ours: Subject, item: Item) -> tuple[Decimal, str | None, str | None]:
    pairs = [(o, t, what) for o, t, what in ((ours.start, item.start, "start"), (ours.end, item.end, "end")) if o and t]
    if not pairs:
        return Decimal(0), None, None
    for o, t, what in pairs:
        if o != t:
            return CLASH, None, f"date clash: our {what} {o.isoformat()}, item {t.isoformat()}"
    return AGREEMENT_BONUS, "dates agree", None


def _describe(pair: tuple[Name, Name]) -> str:
    ours, theirs = pair
    return f'"{ours.text}"@{ours.lang}~"{theirs.text}"@{theirs.lang}'


def assess(subject: Subject, item: Item, *, sitelink: str | None) -> Fit:
    """How well ``item`` fits ``subject``; ``sitelink`` is the title it was found by, if any."""
    labels = _matches(subject.names, item.labels)
    aliases = {f: p for f, p in _matches(subject.names, item.aliases).items() if f not in labels}
    if sitelink is not None:
        method, found = Method.SITELINK, [f"zhwiki sitelink [[{sitelink}]]"]
    elif labels:
        method, found = Method.LABEL, []
    elif aliases:
        method, found = Method.ALIAS, []
    else:
        return Fit(CLASH, None, "no sitelink or name in common", "no name in common")
    agreeing = len(labels) + len(aliases) - (0 if method is Method.SITELINK else 1)
    found += [f"label {_describe(p)}" for _, p in sorted(labels.items(), key=lambda i: i[0].value)]
    found += [f"alias {_describe(p)}" for _, p in sorted(aliases.items(), key=lambda i: i[0].value)]
    factor, typing, type_clash = _class_fit(subject.kind, item)
    bonus, dating, date_clash = _date_fit(subject, item)
    evidence = "; ".join(found + [typing] + ([dating] if dating else []))
    clash = type_clash or date_clash
    if clash:
        return Fit(CLASH, method, evidence, clash)
    score = min(Decimal(1), BASE[method.value] + AGREEMENT_BONUS * agreeing + bonus) * factor
    return Fit(score.quantize(Decimal("0.001")), method, evidence)
