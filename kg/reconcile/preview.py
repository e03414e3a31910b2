"""What the service says about one entity to a person choosing among candidates.

:func:`description` is the one line under a candidate's name (dates, venue and
participants of a summit; offices of a person; where a place is); :func:`card` the small
HTML preview OpenRefine shows in a frame. Every text from the graph is escaped and the card
runs no script (the server also sends it with a policy that allows none):

    >>> from pathlib import Path
    >>> from kg.store import load_store
    >>> from kg.reconcile.index import build_index
    >>> index = build_index(load_store([Path("tests/data/reconcile/neutral.ttl")]), base="https://w3id.org/summit-kg/id/")
    >>> description(index, index.find("summit/example"), ("zh-hans",))
    '2031-05-20 – 2031-05-21, 白云馆; 林志远, 陈国华'
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from kg.reconcile.index import Entity, EntityIndex
from kg.reconcile.terms import type_named

_QID = re.compile(r"Q[1-9][0-9]*")


def names_of(index: EntityIndex, ids: tuple[str, ...], languages: tuple[str, ...]) -> list[str]:
    """The names of the entities ``ids`` in the preferred languages (the id for one not in the graph)."""
    return [entity.name(languages) if (entity := index.find(i)) is not None else i for i in ids]


def dates(entity: Entity) -> str:
    start, end = entity.values("startDate"), entity.values("endDate")
    first, last = (min(start) if start else ""), (max(end) if end else "")
    return first if last in ("", first) else f"{first} – {last}" if first else last


def description(index: EntityIndex, entity: Entity, languages: tuple[str, ...]) -> str:
    """One line that tells this entity from its namesakes."""
    names = lambda property_id: names_of(index, entity.values(property_id), languages)  # noqa: E731
    if "Summit" in entity.types:
        where = ", ".join(p for p in [dates(entity), *names("venue")] if p)
        who = ", ".join(names("participant"))
        return "; ".join(p for p in (where, who) if p)
    if "Person" in entity.types:
        return ", ".join(names("office") + names("country"))
    if "Place" in entity.types:
        inside = names("locatedIn")
        return "in " + ", ".join(inside) if inside else ""
    if "Document" in entity.types:
        summits = names("summit")
        return "from " + ", ".join(summits) if summits else ""
    return ""


_STYLE = (
    'body{margin:0;font-family:system-ui,"Noto Sans CJK SC","Noto Sans CJK TC",sans-serif;font-size:13px}'
    ".card{padding:6px 8px}h1{font-size:15px;margin:0 0 4px}.kind{color:#666}dl{margin:0}"
    "dt{float:left;clear:left;width:6.5em;color:#666}dd{margin:0 0 2px 7em}"
)


def card(index: EntityIndex, entity: Entity, *, page: str) -> str:
    """The HTML preview of ``entity``; ``page`` is the address of its full page."""
    hans, hant, en = entity.name(("zh-hans",)), entity.name(("zh-hant",)), entity.name(("en",))
    title = " / ".join(dict.fromkeys(n for n in (hans, hant, en) if n))
    rows: list[tuple[str, str]] = []
    languages = ("zh-hans", "zh-hant", "en")
    if entity.values("startDate") or entity.values("endDate"):
        rows.append(("dates", escape(dates(entity))))
    for property_id, label in (
        ("participant", "participants"), ("venue", "venue"), ("office", "offices"), ("locatedIn", "in"),
        ("country", "country"), ("outcome", "documents"), ("summit", "summits"),
    ):
        values = names_of(index, entity.values(property_id), languages)
        if values:
            rows.append((label, escape(", ".join(values))))
    for qid in entity.values("wikidata"):
        if _QID.fullmatch(qid):
            rows.append(("Wikidata", f'<a href="https://www.wikidata.org/wiki/{qid}" target="_blank">{qid}</a>'))
    kinds = ", ".join(type_named(t).name for t in entity.types)
    facts = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<div class="card"><h1><a href="{escape(quote(page, safe="/:?=&%"))}" target="_blank">{escape(title)}</a></h1>'
        f'<div class="kind">{escape(kinds)} · <code>{escape(entity.id)}</code></div><dl>{facts}</dl></div>'
        "</body></html>\n"
    )
