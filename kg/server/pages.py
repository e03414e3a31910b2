"""The HTML pages of the server: plain values in, escaped HTML out.

Every piece of text from the graph goes through :func:`html.escape`; links come from
values the server built, their ``href`` is escaped too, and only local and http(s)
addresses become links (an IRI like ``javascript:…`` is shown as text). Labels are shown in the
reader's script (the server decides which from ``?lang=`` and ``Accept-Language``):

    >>> pick_label([Literal("馬英九", language="zh-Hant"), Literal("马英九", language="zh-Hans")], Script.SIMPLIFIED)
    '马英九'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from html import escape
from urllib.parse import quote

from pyoxigraph import Literal


class Script(Enum):
    """The Chinese script a reader reads, as the language tag of the labels to show."""

    SIMPLIFIED = "zh-Hans"
    TRADITIONAL = "zh-Hant"

    @property
    def other(self) -> Script:
        return Script.TRADITIONAL if self is Script.SIMPLIFIED else Script.SIMPLIFIED


def pick_label(labels: Iterable[Literal], script: Script) -> str | None:
    """The best label for ``script``: that script, the other, English, then any; ties by text."""

    def rank(label: Literal) -> tuple[int, str]:
        tag = (label.language or "").lower()
        order = (script.value.lower(), script.other.value.lower(), "en")
        for position, wanted in enumerate(order):
            if tag == wanted or tag.startswith(wanted + "-"):
                return position, label.value
        return len(order) + (0 if tag else 1), label.value

    ranked = sorted(labels, key=rank)
    return ranked[0].value if ranked else None


@dataclass(frozen=True)
class Link:
    """A value shown on a page: its text, where it links (None: plain text), a small note."""

    text: str
    href: str | None = None
    note: str = ""  # a literal's language tag or datatype, a property's full IRI


@dataclass(frozen=True)
class Statement:
    """One row of an entity page: a property and a value (outgoing) or a subject (incoming)."""

    predicate: Link
    value: Link


@dataclass(frozen=True)
class EntityView:
    """What an entity page shows."""

    iri: str
    title: str
    types: tuple[Link, ...]
    outgoing: tuple[Statement, ...]
    incoming: tuple[Statement, ...]
    sources: tuple[Link, ...]
    same_as: tuple[Link, ...]
    script: Script


@dataclass(frozen=True)
class SummitItem:
    """A summit in the index."""

    summit: Link
    dates: str
    venue: Link | None
    participants: tuple[Link, ...]


@dataclass(frozen=True)
class TableView:
    """SELECT results, or triples, as a table."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Link, ...], ...]


_STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans CJK TC",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}td{overflow-wrap:anywhere}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.note{color:#666;font-size:.8em}nav a{margin-right:1rem}textarea{width:100%;font-family:monospace}.error{color:#a00}
"""


def _document(title: str, body: str, *, lang: str = "zh") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<nav><a href="/">Summits</a><a href="/sparql">SPARQL</a><a href="/void">Dataset</a>'
        f'<a href="?lang=zh-Hans">简体</a><a href="?lang=zh-Hant">繁體</a></nav>\n{body}\n</body></html>\n'
    )


_SAFE_HREF = ("/", "?", "http://", "https://")


def _link(link: Link) -> str:
    text = escape(link.text)
    note = f' <span class="note">{escape(link.note)}</span>' if link.note else ""
    if link.href is None or not link.href.lower().startswith(_SAFE_HREF):  # no javascript: or data: links
        return text + note
    return f'<a href="{escape(link.href)}">{text}</a>{note}'


def index_page(summits: Sequence[SummitItem], *, script: Script, title: str) -> str:
    """The front page: every summit in date order with its venue and participants."""
    rows = "".join(
        f'<tr class="summit"><td>{escape(item.dates)}</td><td>{_link(item.summit)}</td>'
        f"<td>{_link(item.venue) if item.venue else ''}</td>"
        f"<td>{', '.join(_link(p) for p in item.participants)}</td></tr>"
        for item in summits
    )
    body = (
        f"<h1>{escape(title)}</h1><p>{len(summits)} summits.</p>"
        "<table><thead><tr><th>Dates</th><th>Summit</th><th>Venue</th><th>Participants</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return _document(title, body, lang=script.value)


def entity_page(view: EntityView, *, representations: Sequence[Link]) -> str:
    """The page of one entity: what it says, what points at it, where it comes from."""
    out_rows = "".join(f"<tr><td>{_link(s.predicate)}</td><td>{_link(s.value)}</td></tr>" for s in view.outgoing)
    in_rows = "".join(f"<tr><td>{_link(s.value)}</td><td>{_link(s.predicate)}</td></tr>" for s in view.incoming)
    parts = [
        f"<h1>{escape(view.title)}</h1>",
        f'<p><code>{escape(view.iri)}</code> {" ".join(_link(t) for t in view.types)}</p>',
    ]
    if view.same_as:
        parts.append("<p>Wikidata: " + ", ".join(_link(link) for link in view.same_as) + "</p>")
    parts.append(f'<h2>Statements</h2><table class="outgoing"><tbody>{out_rows}</tbody></table>')
    if view.incoming:
        parts.append(f'<h2>Referred to by</h2><table class="incoming"><tbody>{in_rows}</tbody></table>')
    if view.sources:
        parts.append("<h2>Sources</h2><ul>" + "".join(f"<li>{_link(s)}</li>" for s in view.sources) + "</ul>")
    parts.append("<p>Also as: " + " ".join(_link(r) for r in representations) + "</p>")
    return _document(view.title, "".join(parts), lang=view.script.value)


def query_page(*, query: str, examples: Sequence[Link], table: TableView | None, message: str | None) -> str:
    """The query page: a form that runs SPARQL, the named queries, and the last result."""
    options = "".join(
        f'<option value="{value}">{label}</option>'
        for value, label in (
            ("html", "HTML table"), ("json", "SPARQL JSON"), ("xml", "SPARQL XML"), ("csv", "CSV"), ("tsv", "TSV"),
            ("turtle", "Turtle (CONSTRUCT)"), ("json-ld", "JSON-LD (CONSTRUCT)"), ("n-triples", "N-Triples (CONSTRUCT)"),
        )
    )
    parts = [
        "<h1>SPARQL</h1>",
        '<form method="get" action="/sparql" id="query-form">',
        f'<textarea name="query" rows="14" id="query">{escape(query)}</textarea>',
        f'<p><label>Format <select name="format">{options}</select></label> <button type="submit">Run</button></p></form>',
    ]
    if message:
        parts.append(f'<p class="error">{escape(message)}</p>')
    if table is not None:
        head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
        rows = "".join("<tr>" + "".join(f"<td>{_link(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
        parts.append(f'<p>{len(table.rows)} results.</p><table id="results"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    if examples:
        parts.append("<h2>Named queries</h2><ul>" + "".join(f"<li>{_link(e)}</li>" for e in examples) + "</ul>")
    return _document("SPARQL", "".join(parts))


def error_page(status: str, message: str) -> str:
    """A page that says what went wrong."""
    return _document(status, f'<h1>{escape(status)}</h1><p class="error">{escape(message)}</p>')


def query_href(sparql: str) -> str:
    """The address of the query page that runs ``sparql`` and shows an HTML table."""
    return "/sparql?format=html&query=" + quote(sparql, safe="")
