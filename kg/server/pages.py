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


#: The page chrome in each language a reader can choose (labels from the data are shown as they are).
CHROME: dict[str, dict[str, str]] = {
    "en": {
        "summits": "Summits", "timeline": "Timeline", "network": "Who met whom", "sparql": "SPARQL", "ontology": "Ontology",
        "dataset": "Dataset", "statements": "Statements", "referred": "Referred to by", "sources": "Sources",
        "also": "Also as", "dates": "Dates", "summit": "Summit", "venue": "Venue", "participants": "Participants",
        "count": "{n} summits.", "named": "Named queries", "results": "{n} results.", "run": "Run", "format": "Format",
        "classes": "Classes", "object property": "Object properties", "datatype property": "Datatype properties",
        "annotation property": "Annotation properties", "class": "Classes", "domain": "Domain", "range": "Range",
        "alignments": "Alignments", "labels": "Labels", "comment": "Comment", "version": "Version",
    },
    "zh-Hans": {
        "summits": "峰会", "timeline": "时间线", "network": "会晤网络", "sparql": "SPARQL", "ontology": "本体",
        "dataset": "数据集", "statements": "陈述", "referred": "被引用于", "sources": "来源",
        "also": "其他格式", "dates": "日期", "summit": "峰会", "venue": "地点", "participants": "参与者",
        "count": "共 {n} 次峰会。", "named": "命名查询", "results": "{n} 条结果。", "run": "运行", "format": "格式",
        "object property": "对象属性", "datatype property": "数据属性", "annotation property": "注释属性",
        "class": "类", "domain": "定义域", "range": "值域", "alignments": "对齐", "labels": "标签", "comment": "说明",
        "version": "版本",
    },
    "zh-Hant": {
        "summits": "峰會", "timeline": "時間線", "network": "會晤網絡", "sparql": "SPARQL", "ontology": "本體",
        "dataset": "資料集", "statements": "陳述", "referred": "被引用於", "sources": "來源",
        "also": "其他格式", "dates": "日期", "summit": "峰會", "venue": "地點", "participants": "參與者",
        "count": "共 {n} 次峰會。", "named": "命名查詢", "results": "{n} 條結果。", "run": "執行", "format": "格式",
        "object property": "物件屬性", "datatype property": "資料屬性", "annotation property": "註釋屬性",
        "class": "類", "domain": "定義域", "range": "值域", "alignments": "對齊", "labels": "標籤", "comment": "說明",
        "version": "版本",
    },
}
LANGUAGE_NAMES = {"zh-Hans": "简体", "zh-Hant": "繁體", "en": "English"}


def chrome(lang: str, key: str, **values: object) -> str:
    """One piece of page chrome in the reader's language (English when the language is unknown)."""
    table = CHROME.get(lang, CHROME["en"])
    return table.get(key, CHROME["en"].get(key, key)).format(**values)


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
    lang: str = ""  # the chrome's language; the script's when empty


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
.note{color:#666;font-size:.8em}mark{background:#fff3a8;padding:0 .1em}mark.participant{background:#cfe8ff}mark.venue{background:#d8f5d0}
mark.outcome{background:#f9d9ef}mark.role{background:#e8e0ff}blockquote{margin:.75rem 0;padding:.25rem 1rem;border-left:4px solid #ccc}
blockquote footer{color:#666;font-size:.85em}table.summary th{width:8rem;white-space:nowrap}ul.participants,ul.labels{margin:0;padding-left:1.2rem}
nav a{margin-right:1rem}nav .toggle a{margin-right:.5rem;font-size:.9em}nav .toggle a[aria-current]{font-weight:bold}textarea{width:100%;font-family:monospace}.error{color:#a00}
"""


def _document(title: str, body: str, *, lang: str = "zh-Hans", alternates: Sequence[Alternate] = (), data: str | None = None) -> str:
    """A whole page: chrome in ``lang``, ``<link rel="alternate">`` per format, the data as JSON-LD."""
    head = "".join(
        f'<link rel="alternate" type="{escape(a.media_type)}" href="{escape(a.href)}">' for a in alternates
    )
    if data is not None:  # a data block, never run; '<' only occurs in JSON strings, so \\u003c keeps '</script' out
        head += '<script type="application/ld+json">' + data.replace("<", "\\u003c") + "</script>"
    nav = "".join(
        f'<a href="{href}">{escape(chrome(lang, key))}</a>'
        for href, key in (("/", "summits"), ("/timeline", "timeline"), ("/network", "network"), ("/sparql", "sparql"),
                          ("/ontology", "ontology"), ("/void", "dataset"))
    )
    current = ' aria-current="true"'
    toggle = "".join(
        f'<a href="?lang={code}" hreflang="{code}" lang="{code}"{current if code == lang else ""}>{name}</a>'
        for code, name in LANGUAGE_NAMES.items()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style>{head}</head><body>"
        f'<nav>{nav}<span class="toggle">{toggle}</span></nav>\n{body}\n</body></html>\n'
    )


@dataclass(frozen=True)
class Alternate:
    """Another representation of a page's resource."""

    media_type: str
    href: str


_SAFE_HREF = ("/", "?", "http://", "https://")


def _link(link: Link) -> str:
    text = escape(link.text)
    note = f' <span class="note">{escape(link.note)}</span>' if link.note else ""
    if link.href is None or not link.href.lower().startswith(_SAFE_HREF):  # no javascript: or data: links
        return text + note
    return f'<a href="{escape(link.href)}">{text}</a>{note}'


def index_page(summits: Sequence[SummitItem], *, script: Script, title: str, lang: str = "",
               alternates: Sequence[Alternate] = (), data: str | None = None) -> str:
    """The front page: every summit in date order with its venue and participants."""
    rows = "".join(
        f'<tr class="summit"><td>{escape(item.dates)}</td><td>{_link(item.summit)}</td>'
        f"<td>{_link(item.venue) if item.venue else ''}</td>"
        f"<td>{', '.join(_link(p) for p in item.participants)}</td></tr>"
        for item in summits
    )
    lang = lang or script.value
    head = "".join(f"<th>{escape(chrome(lang, key))}</th>" for key in ("dates", "summit", "venue", "participants"))
    body = (
        f"<h1>{escape(title)}</h1><p>{escape(chrome(lang, 'count', n=len(summits)))} "
        f'<a href="/timeline">{escape(chrome(lang, "timeline"))}</a> · <a href="/network">{escape(chrome(lang, "network"))}</a></p>'
        f"<table><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return _document(title, body, lang=lang, alternates=alternates, data=data)


def entity_page(view: EntityView, *, representations: Sequence[Link], alternates: Sequence[Alternate] = (),
                data: str | None = None, summary: str = "") -> str:
    """The page of one entity: what it says, what points at it, where it comes from."""
    out_rows = "".join(f"<tr><td>{_link(s.predicate)}</td><td>{_link(s.value)}</td></tr>" for s in view.outgoing)
    in_rows = "".join(f"<tr><td>{_link(s.value)}</td><td>{_link(s.predicate)}</td></tr>" for s in view.incoming)
    lang = view.lang or view.script.value
    parts = [
        f"<h1>{escape(view.title)}</h1>",
        f'<p><code>{escape(view.iri)}</code> {" ".join(_link(t) for t in view.types)}</p>',
    ]
    if view.same_as:
        parts.append("<p>Wikidata: " + ", ".join(_link(link) for link in view.same_as) + "</p>")
    parts.append(summary)
    parts.append(f'<h2>{escape(chrome(lang, "statements"))}</h2><table class="outgoing"><tbody>{out_rows}</tbody></table>')
    if view.incoming:
        parts.append(f'<h2>{escape(chrome(lang, "referred"))}</h2><table class="incoming"><tbody>{in_rows}</tbody></table>')
    if view.sources:
        parts.append(f"<h2>{escape(chrome(lang, 'sources'))}</h2><ul>" + "".join(f"<li>{_link(s)}</li>" for s in view.sources) + "</ul>")
    parts.append(f"<p>{escape(chrome(lang, 'also'))}: " + " ".join(_link(r) for r in representations) + "</p>")
    return _document(view.title, "".join(parts), lang=lang, alternates=alternates, data=data)


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


def ontology_page(vocabulary, *, lang: str, alternates: Sequence[Alternate] = (), data: str | None = None) -> str:
    """The ontology's documentation: every term with its labels, comment, domain, range and alignments.

    Each term is anchored by its local name, so ``…/ontology#Summit`` lands on its entry.
    """
    namespace = "https://w3id.org/summit-kg/ontology#"

    def ref(iri: str) -> str:
        if iri.startswith(namespace):
            name = iri[len(namespace):]
            return f'<a href="#{escape(name)}"><code>skg:{escape(name)}</code></a>'
        return _link(Link(iri, iri))

    sections = []
    for kind in ("class", "object property", "datatype property", "annotation property"):
        terms = [t for t in vocabulary.terms if t.kind == kind]
        if not terms:
            continue
        toc = " · ".join(f'<a href="#{escape(t.name)}">{escape(t.name)}</a>' for t in terms)
        entries = []
        for term in terms:
            labels = "".join(
                f'<li lang="{tag}"><span class="note">{tag}</span> {escape(term.labels[tag])}</li>'
                for tag in ("en", "zh-Hans", "zh-Hant") if tag in term.labels
            )
            rows = [f'<tr><th>{escape(chrome(lang, "labels"))}</th><td><ul class="labels">{labels}</ul></td></tr>']
            if term.comment:
                rows.append(f'<tr><th>{escape(chrome(lang, "comment"))}</th><td lang="en">{escape(term.comment)}</td></tr>')
            for key, values in (("domain", term.domain), ("range", term.range)):
                if values:
                    rows.append(f'<tr><th>{escape(chrome(lang, key))}</th><td>{", ".join(ref(v) for v in values)}</td></tr>')
            if term.alignments:
                aligned = "<br>".join(f"<code>{escape(p)}</code> {ref(o)}" for p, o in term.alignments)
                rows.append(f'<tr><th>{escape(chrome(lang, "alignments"))}</th><td>{aligned}</td></tr>')
            title = term.labels.get(lang) or term.labels.get("en") or term.name
            entries.append(
                f'<section class="term" id="{escape(term.name)}"><h3><code>skg:{escape(term.name)}</code> {escape(title)}</h3>'
                f'<p class="note">{escape(term.iri)}</p><table>{"".join(rows)}</table></section>'
            )
        sections.append(f"<h2>{escape(chrome(lang, kind))}</h2><p>{toc}</p>{''.join(entries)}")
    body = (
        f"<h1>{escape(vocabulary.title)}</h1><p lang=\"en\">{escape(vocabulary.comment)}</p>"
        f"<p>{escape(chrome(lang, 'version'))} {escape(vocabulary.version)} · <code>{namespace}</code></p>" + "".join(sections)
    )
    return _document(vocabulary.title, body, lang=lang, alternates=alternates, data=data)


def summit_summary(summary, *, lang: str) -> str:
    """The part of a summit page that reads like a summary (see :mod:`kg.server.summary`)."""
    words = _SUMMARY_WORDS.get(lang, _SUMMARY_WORDS["en"])
    rows = [f"<tr><th>{words['dates']}</th><td>{escape(summary.dates)}</td></tr>"]
    if summary.venues:
        rows.append(f"<tr><th>{words['venue']}</th><td>{' ‹ '.join(_link(v) for v in summary.venues)}</td></tr>")
    if summary.participants:
        people = "".join(
            f"<li>{_link(p.person)}"
            + (f" — {', '.join(_link(r) for r in p.roles)}" if p.roles else "")
            + (f" <span class=\"note\">({', '.join(_link(s) for s in p.sides)})</span>" if p.sides else "")
            + "</li>"
            for p in summary.participants
        )
        rows.append(f'<tr><th>{words["participants"]}</th><td><ul class="participants">{people}</ul></td></tr>')
    if summary.documents:
        rows.append(f"<tr><th>{words['documents']}</th><td>{'<br>'.join(_link(d) for d in summary.documents)}</td></tr>")
    if summary.series is not None:
        place = words["ordinal"].format(n=summary.ordinal) if summary.ordinal else ""
        steps = []
        if summary.previous is not None:
            steps.append(f'<a rel="prev" href="{escape(summary.previous.href or "")}">← {escape(summary.previous.text)}</a>')
        if summary.next is not None:
            steps.append(f'<a rel="next" href="{escape(summary.next.href or "")}">{escape(summary.next.text)} →</a>')
        rows.append(f"<tr><th>{words['series']}</th><td>{_link(summary.series)} {escape(place)}<br>{' · '.join(steps)}</td></tr>")
    parts = [f'<table class="summary">{"".join(rows)}</table>']
    if summary.quotes:
        items = []
        for quote_ in summary.quotes:
            where = escape(quote_.section or words["lead"])
            source = f'<a href="{escape(quote_.href)}">{where}</a>' if quote_.href.startswith("https://") else where
            refs = "".join(f'<sup class="ref"><a href="#cite-{n}">[{n}]</a></sup>' for n in quote_.cites)
            items.append(f"<blockquote>{_marked(quote_, summary.fact_names)}{refs}<footer>— {words['article']} · {source}</footer></blockquote>")
        parts.append(f'<h2>{words["says"]}</h2><div class="quotes">{"".join(items)}</div>')
    if summary.citations:
        cited = "".join(f'<li id="cite-{n}">{_link(c)}</li>' for n, c in enumerate(summary.citations, start=1))
        parts.append(f'<h2>{words["citations"]}</h2><ol class="citations">{cited}</ol>')
    return "".join(parts)


def _marked(quote_, fact_names: dict[str, str]) -> str:
    out, at = [], 0
    for mark in quote_.marks:
        out.append(escape(quote_.text[at:mark.start]))
        name = fact_names.get(mark.fact, mark.fact)
        out.append(f'<mark class="{escape(mark.fact)}" title="{escape(name)}">{escape(quote_.text[mark.start:mark.end])}</mark>')
        at = mark.end
    out.append(escape(quote_.text[at:]))
    return "".join(out)


_SUMMARY_WORDS = {
    "en": {"dates": "Dates", "venue": "Venue", "participants": "Participants", "documents": "Documents", "series": "Series",
           "ordinal": "(no. {n})", "says": "What the article says", "article": "Wikipedia", "lead": "lead section",
           "citations": "Citations"},
    "zh-Hans": {"dates": "日期", "venue": "地点", "participants": "参与者", "documents": "文件", "series": "系列",
                "ordinal": "（第 {n} 次）", "says": "条目原文", "article": "维基百科", "lead": "序言", "citations": "参考资料"},
    "zh-Hant": {"dates": "日期", "venue": "地點", "participants": "參與者", "documents": "文件", "series": "系列",
                "ordinal": "（第 {n} 次）", "says": "條目原文", "article": "維基百科", "lead": "序言", "citations": "參考資料"},
}


_PICTURE_WORDS = {
    "en": {"timeline": "Summits by year", "network": "Who met whom", "all": "All countries", "country": "Country",
           "network_note": "Each line joins two leaders who met at a summit; the number says how many times. Circles grow with the summits attended.",
           "person_links": "See {name} in the who-met-whom network and on the timeline."},
    "zh-Hans": {"timeline": "历次峰会（按年份）", "network": "会晤网络", "all": "全部国家", "country": "国家",
                "network_note": "连线表示两位领导人曾在峰会上会晤，数字为会晤次数；圆越大，出席的峰会越多。",
                "person_links": "在会晤网络和时间线中查看{name}。"},
    "zh-Hant": {"timeline": "歷次峰會（按年份）", "network": "會晤網絡", "all": "全部國家", "country": "國家",
                "network_note": "連線表示兩位領導人曾在峰會上會晤，數字為會晤次數；圓越大，出席的峰會越多。",
                "person_links": "在會晤網絡和時間線中查看{name}。"},
}


def picture_words(lang: str, key: str, **values: object) -> str:
    return _PICTURE_WORDS.get(lang, _PICTURE_WORDS["en"])[key].format(**values)


def timeline_page(svg: str, *, countries: Sequence[Link], selected: str | None, lang: str,
                  alternates: Sequence[Alternate] = (), data: str | None = None) -> str:
    """The timeline of all summits, with one link per country to show only its summits (no script needed)."""
    current = ' aria-current="true"'
    choices = [f'<a href="/timeline?lang={lang}"{current if selected is None else ""}>{escape(picture_words(lang, "all"))}</a>']
    for country in countries:
        choices.append(f'<a href="{escape(country.href or "")}"{current if country.note == selected else ""}>{escape(country.text)}</a>')
    body = (
        f"<h1>{escape(picture_words(lang, 'timeline'))}</h1>"
        f'<p class="filter">{escape(picture_words(lang, "country"))}: {" · ".join(choices)}</p>'
        f'<figure class="picture">{svg}</figure>'
    )
    return _document(picture_words(lang, "timeline"), body, lang=lang, alternates=alternates, data=data)


def network_page(svg: str, *, lang: str, alternates: Sequence[Alternate] = (), data: str | None = None) -> str:
    """The who-met-whom network of leaders."""
    body = (
        f"<h1>{escape(picture_words(lang, 'network'))}</h1><p>{escape(picture_words(lang, 'network_note'))}</p>"
        f'<figure class="picture">{svg}</figure>'
    )
    return _document(picture_words(lang, "network"), body, lang=lang, alternates=alternates, data=data)


def person_links(name: str, *, network_href: str, timeline_href: str, lang: str) -> str:
    """The line on a person's page that leads to the pictures."""
    text = escape(picture_words(lang, "person_links", name="\x00"))
    before, _, after = text.partition("\x00")
    return (
        f'<p class="pictures">{before}<strong>{escape(name)}</strong>{after} '
        f'<a href="{escape(network_href)}">{escape(picture_words(lang, "network"))}</a> · '
        f'<a href="{escape(timeline_href)}">{escape(picture_words(lang, "timeline"))}</a></p>'
    )
