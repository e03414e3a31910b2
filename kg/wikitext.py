"""Wikitext → a faithful document model, and plain-text passages that remember where they came from.

Pages are parsed by mwparserfromhell's tokenizer into the tree of :mod:`kg.wikitree` (the
library's own tree, each node holding its text). Parsing is lenient like the parser itself:
whatever markup the page has, the model holds every section, wikilink, template (known or
not), ``<ref>``, external link and category, each with its character span in the page
text. What cannot be interpreted becomes an :class:`~kg.model.Issue`, never an exception.

>>> doc = parse(Page(text="'''X'''是[[甲|乙]]。\\n== H ==\\n{{Main|Y}}", origin="t"))
>>> [(link.target, link.label) for link in doc.links], [s.heading for s in doc.sections]
([('甲', '乙')], ['H'])
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Sequence
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from html import unescape

from kg import wikitree as tree
from kg.date_templates import is_date_template, render_date
from kg.model import Issue, Page, Severity, Span


CATEGORY_PREFIXES = ("category:", "分类:", "分類:")
FILE_PREFIXES = ("file:", "image:", "文件:", "檔案:", "档案:", "图像:", "圖像:")

#: Inline templates that show one of their parameters as running text.
_TEXT_PARAM = {"lang": 2, "lang-en": 1, "lang-ko": 1, "le": 1, "link-en": 1, "ill": 1,
               "tsl": 3, "internal link helper": 1, "nowrap": 1, "nobr": 1, "korean": 1}


@dataclass(frozen=True)
class Wikilink:
    target: str  # the page linked to, without any "#anchor"
    label: str | None  # the text shown, when it differs from writing the target alone
    span: Span

    @property
    def text(self) -> str:
        return self.label if self.label else self.target


@dataclass(frozen=True)
class Param:
    name: str  # "1", "2"... for positional parameters
    value: str  # plain text: markup stripped, comments dropped, entities decoded
    raw: str  # the wikitext as written
    span: Span


@dataclass(frozen=True)
class Template:
    name: str  # as written, trimmed, underscores as spaces
    params: tuple[Param, ...]
    span: Span
    nested_in: str | None = None  # the name of the template or tag it sits inside

    @property
    def key(self) -> str:
        """The name as MediaWiki compares it: first letter case-insensitive, spaces folded."""
        return _template_key(self.name)

    def get(self, name: str) -> str | None:
        """The plain value of parameter ``name`` or ``None`` when absent or empty."""
        for param in self.params:
            if param.name == name and param.value:
                return param.value
        return None


@dataclass(frozen=True)
class Ref:
    name: str | None
    span: Span
    content: str  # raw wikitext between the tags; "" for a reuse
    reuse: bool  # <ref name="x" /> pointing to a ref defined elsewhere
    templates: tuple[Template, ...]  # citation templates inside


@dataclass(frozen=True)
class ExternalLink:
    url: str
    title: str | None
    span: Span


@dataclass(frozen=True)
class Category:
    name: str  # without the namespace prefix
    span: Span


@dataclass(frozen=True)
class Section:
    level: int
    heading: str  # plain text of the heading
    span: Span  # from the heading to the next heading of the same or a higher level
    body: Span  # the text after the heading line, up to the first subsection
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Cell:
    """One cell of a wikitable: where its content is, and how far it reaches."""

    span: Span  # the content, after the cell's markup and attributes
    header: bool  # ``!`` rather than ``|``
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    """A wikitable (``{| … |}``) as rows of cells, as written (spans not yet spread)."""

    span: Span
    rows: tuple[tuple[Cell, ...], ...]
    caption: str | None = None

    def header(self) -> tuple[Cell, ...] | None:
        """The first row of header cells only (``! 日期 !! 地点``), if the table has one."""
        return next((row for row in self.rows if is_header_row(row)), None)


@lru_cache(maxsize=4096)
def _template_key(name: str) -> str:
    return " ".join(name.split()).lower()


def is_header_row(row: tuple[Cell, ...]) -> bool:
    return bool(row) and all(cell.header for cell in row)


def spread_rows(rows: Iterable[tuple[Cell, ...]]) -> Iterator[tuple[tuple[Cell, ...], dict[int, Cell]]]:
    """Each row with its cells by column, a cell that spans rows (``rowspan``) or columns
    (``colspan``) standing in each column and row it covers."""
    carried: dict[int, tuple[Cell, int]] = {}  # column → (cell, rows it still covers)
    for row in rows:
        grid: dict[int, Cell] = {}
        pending, column = list(row), 0
        while pending or any(at >= column for at in carried):
            if column in carried:
                cell, left = carried.pop(column)
                grid[column] = cell
                if left > 1:
                    carried[column] = (cell, left - 1)
                column += 1
                continue
            if not pending:
                column += 1
                continue
            cell = pending.pop(0)
            for offset in range(cell.colspan):
                grid[column + offset] = cell
                if cell.rowspan > 1:
                    carried[column + offset] = (cell, cell.rowspan - 1)
            column += cell.colspan
        yield row, grid


@dataclass(frozen=True)
class TopNodes:
    """The top-level nodes of a page's parse, each with where it starts and its text; the
    nodes of each table cell that reads alone as in the table (see :func:`_reads_alone`),
    with their texts, by the cell's span; and the spans of each table row's cells, by the
    row's span (from its first cell's content to its last's)."""

    starts: tuple[int, ...]
    nodes: tuple  # kg.wikitree nodes
    sources: tuple[str, ...]
    cells: dict[Span, tuple[tuple, tuple[str, ...]]] = field(default_factory=dict)
    rows: dict[Span, tuple[Span, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    page: Page
    title: str  # the article's title: the page's, or the bold lead term
    lead: Span  # before the first heading
    sections: tuple[Section, ...]  # top level; each holds its subsections
    links: tuple[Wikilink, ...]  # main-namespace links, in order
    templates: tuple[Template, ...]  # every template, nested ones included, in order
    refs: tuple[Ref, ...]
    external_links: tuple[ExternalLink, ...]
    categories: tuple[Category, ...]
    bold: tuple[Span, ...]  # '''bold''' runs (the lead's bold term names the subject)
    issues: tuple[Issue, ...] = ()
    tables: tuple[Table, ...] = ()
    markup: str | None = None  # the text as parsed, when unclosed openers were made inert (see markup_to_parse)
    #: The parse's top-level nodes: a passage of whole ones (the lead, a section's body) is
    #: rendered from them rather than parsed again (see :func:`passage`).
    nodes: TopNodes | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.page.text

    @cached_property
    def refs_by_start(self) -> dict[int, Ref]:
        """Each ref by where it starts in the page (built once: every passage looks refs up)."""
        return {ref.span.start: ref for ref in self.refs}

    @cached_property
    def passages(self) -> dict[Span, Passage]:
        """Each passage read so far, by its span (several readers read the same stretch)."""
        return {}

    @cached_property
    def links_by_start(self) -> dict[int, Wikilink]:
        """Each wikilink by where it starts in the page."""
        return {link.span.start: link for link in self.links}

    def all_sections(self) -> tuple[Section, ...]:
        """Every section, depth first, in document order."""
        return self._all_sections

    @cached_property
    def _all_sections(self) -> tuple[Section, ...]:
        out: list[Section] = []

        def visit(sections: tuple[Section, ...]) -> None:
            for section in sections:
                out.append(section)
                visit(section.subsections)

        visit(self.sections)
        return tuple(out)

    def templates_named(self, *keys: str) -> tuple[Template, ...]:
        wanted = {k.lower() for k in keys}
        return tuple(t for t in self.templates if t.key in wanted)


# --------------------------------------------------------------------------- parsing


#: Unclosed ``{{``, ``[[`` or ``<ref>`` a page may have before the rest are kept as plain
#: text up front: mwparserfromhell looks for each one's end through the rest of the page,
#: so a thousand of them cost minutes.
MAX_UNCLOSED = 20

_OPENERS = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref\b[^<>]*?(/?)>|</ref\s*>", re.IGNORECASE)
_INERT = {"{": "\uff5b", "[": "\uff3b", "<": "\uff1c"}  # one character each, so every span stays where it was


def markup_to_parse(page: Page) -> tuple[str, tuple[Issue, ...]]:
    """The page's text as it is parsed: past :data:`MAX_UNCLOSED` unclosed openers, each is
    made inert (its first character swapped for a full-width one), and an issue says so.

    >>> text, issues = markup_to_parse(Page(text="{{a|" * 30 + "x", origin="t"))
    >>> text.count("{{"), len(issues)
    (0, 1)
    """
    stacks: dict[str, list[int]] = {"{{": [], "[[": [], "<ref": []}
    for match in _OPENERS.finditer(page.text):
        token = match[0]
        if token in ("{{", "[["):
            stacks[token].append(match.start())
        elif token in ("}}", "]]"):
            opener = "{{" if token == "}}" else "[["
            if stacks[opener]:
                stacks[opener].pop()
        elif token.lower().startswith("</ref"):
            if stacks["<ref"]:
                stacks["<ref"].pop()
        elif not match[1]:  # <ref ...> opens; <ref .../> closes itself
            stacks["<ref"].append(match.start())
    unclosed = sorted(position for positions in stacks.values() for position in positions)
    if len(unclosed) <= MAX_UNCLOSED:
        return page.text, ()
    chars = list(page.text)
    for position in unclosed:
        chars[position] = _INERT[chars[position]]
    message = f"{len(unclosed)} unclosed '{{{{', '[[' or '<ref>' (more than {MAX_UNCLOSED}) kept as text"
    return "".join(chars), (Issue(Severity.WARNING, message, page.origin, unclosed[0]),)


def parse(page: Page) -> Document:
    """The document model of ``page``. Never raises for odd markup: see ``Document.issues``."""
    text = page.text
    markup, inert = markup_to_parse(page)
    code = tree.parse(markup)
    walker = _Walker(page)
    walker.issues.extend(inert)
    starts: list[int] = []
    sources: list[str] = []
    walker.walk(code, 0, None, starts, sources)
    sections = _section_tree(walker.headings, len(text))
    lead_end = walker.headings[0][0].start if walker.headings else len(text)
    boxes = [t.span for t in walker.templates if t.nested_in is None]
    prose_bold = [b for b in walker.bold if not any(box.start <= b.start < box.end for box in boxes)]
    title = page.title or bold_lead_term(text, prose_bold, lead_end) or _origin_stem(page.origin)
    return Document(
        page=page,
        title=title,
        lead=Span(0, lead_end),
        sections=sections,
        links=tuple(walker.links),
        templates=tuple(walker.templates),
        refs=tuple(walker.refs),
        external_links=tuple(walker.external_links),
        categories=tuple(walker.categories),
        bold=tuple(walker.bold),
        issues=tuple(walker.issues),
        tables=tuple(walker.tables),
        markup=markup if markup != text else None,
        nodes=TopNodes(tuple(starts), tuple(code.nodes), tuple(sources), walker.cells, walker.rows),
    )


def plain(code) -> str:
    """Plain text of a wikicode fragment: markup stripped, entities decoded, spaces trimmed.

    A fragment is parsed again (to replace its templates in a copy) only when it has a
    template that shows text: parsing every fragment again made nested markup cost the
    square of its depth.
    """
    if isinstance(code, str):
        if _PARSER_MARKERS.isdisjoint(code):  # text alone: mwparserfromhell gives it as it is
            return " ".join(code.split())
    elif len(nodes := code.nodes) == 1 and type(nodes[0]) is tree.Text \
            or all(type(node) is tree.Text for node in nodes):  # one text node: nine in ten of the walk's
        source = code.source
        return " ".join((unescape(source) if "&" in source else source).split())  # what strip_code keeps
    if isinstance(code, str) or any(type(node) is tree.Template and _shows_text(node) for node in code.nodes):
        code = tree.parse(str(code))
    else:
        return " ".join(unescape(tree.strip(code)).split()).strip()
    nodes = []
    for node in code.nodes:
        if type(node) is tree.Template:
            shown = _date_text(node)
            if shown is not None:  # {{Start date|2018|9|18}} reads as 2018年9月18日
                nodes.extend(tree.parse(shown).nodes)
                continue
            position = _text_param(node)
            if position is not None:  # {{lang|en|…}} reads as its text
                nodes.extend(tree.parse(node.get(str(position)).value.source).nodes)
                continue
        nodes.append(node)
    return " ".join(unescape(tree.strip(tree.Code(nodes))).split()).strip()


def _shows_text(template) -> bool:
    return _text_param(template) is not None or _date_text(template) is not None


def _date_text(template) -> str | None:
    """The date a date template shows (``kg.date_templates``), or None."""
    name = template.name.source
    if not is_date_template(name):  # most are not: their parameters are not turned to text
        return None
    positional = [p.value.source for p in template.params if not p.showkey]
    named = {p.name.source.strip(): p.value.source.strip() for p in template.params if p.showkey}
    return render_date(name, positional, named)


def _text_param(template) -> int | None:
    key = " ".join(template.name.source.replace("_", " ").split()).lower()
    position = _TEXT_PARAM.get(key, 1 if key.startswith("lang-") else None)
    return position if position is not None and template.has(str(position)) else None


def _origin_stem(origin: str) -> str:
    stem = origin.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return stem.rsplit(".", 1)[0] if "." in stem else stem


#: The most wikitext a bold lead title is read from: MediaWiki's titles hold at most 255 bytes, so a
#: longer bold span (one left open, running over the references after it) is not the title, and is
#: not parsed again (mwparserfromhell takes seconds on 35 KB of unclosed templates).
MOST_TITLE_WIKITEXT = 1024


def bold_lead_term(text: str, bold: Sequence[Span], lead_end: int) -> str | None:
    """The plain text of the first bold run before ``lead_end`` (the lead's bold term, which names the
    article's subject), or None where there is none or it is longer than :data:`MOST_TITLE_WIKITEXT`."""
    for span in bold:
        if span.start < lead_end:
            if span.end - span.start > MOST_TITLE_WIKITEXT:
                return None
            return plain(text[span.start:span.end]) or None
    return None


class _Walker:
    """Walks the parse tree once, computing each node's character span as it goes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.links: list[Wikilink] = []
        self.templates: list[Template] = []
        self.refs: list[Ref] = []
        self.external_links: list[ExternalLink] = []
        self.categories: list[Category] = []
        self.headings: list[tuple[Span, int, str, int]] = []  # span, level, text, line end
        self.bold: list[Span] = []
        self.issues: list[Issue] = []
        self.tables: list[Table] = []
        self._open_tables: list[tuple[Span, list[list[Cell]], list[str]]] = []
        self.cells: dict[Span, tuple[tuple, tuple[str, ...]]] = {}  # see TopNodes
        self.rows: dict[Span, tuple[Span, ...]] = {}  # see TopNodes

    def issue(self, message: str, position: int) -> None:
        self.issues.append(Issue(Severity.WARNING, message, self.page.origin, position))

    def walk(self, code, offset: int, inside: str | None, starts: list[int] | None = None,
             sources: list[str] | None = None) -> None:
        """Walks ``code``'s nodes, the first at ``offset``; where each starts and its text go
        to ``starts`` and ``sources`` when given."""
        pos = offset
        for node, source in zip(code.nodes, code.sources):
            if starts is not None and sources is not None:
                starts.append(pos)
                sources.append(source)
            self.node(node, pos, source, inside)
            pos += len(source)

    def child(self, node_source: str, node_start: int, child, cursor: int, inside: str | None) -> int:
        """Walks a child wikicode found in ``node_source`` at or after ``cursor``; returns the new cursor."""
        child_source = child.source
        at = node_source.find(child_source, cursor) if child_source else cursor
        if at < 0:
            return cursor
        self.walk(child, node_start + at, inside)
        return at + len(child_source)

    def node(self, node, start: int, source: str, inside: str | None) -> None:
        kind = type(node)
        if kind is tree.Text:  # most nodes: words, with no span of their own to keep
            if inside is None and ("{{" in source or "[[" in source):
                self.unclosed(source, start)
            return
        span = Span(start, start + len(source))
        if kind is tree.Wikilink:
            self.wikilink(node, span, source, inside)
        elif kind is tree.Template:
            self.template(node, span, source, inside)
        elif kind is tree.Tag:
            self.tag(node, span, source, inside)
        elif kind is tree.ExternalLink:
            title = plain(node.title) if node.title is not None else None
            self.external_links.append(ExternalLink(node.url.source.strip(), title or None, span))
        elif kind is tree.Heading:
            if inside is None:
                line_end = self.page.text.find("\n", span.end)
                self.headings.append((span, node.level, plain(node.title), span.end if line_end < 0 else span.end))
            self.child(source, start, node.title, 0, inside)

    def unclosed(self, source: str, start: int) -> None:
        for marker, what in (("{{", "template"), ("[[", "link")):
            at = source.find(marker)
            if at >= 0:
                self.issue(f"unclosed {what} markup {marker!r} kept as text", start + at)

    def wikilink(self, node, span: Span, source: str, inside: str | None) -> None:
        target = plain(node.title).split("#", 1)[0].strip()
        label = plain(node.text) if node.text is not None else None
        lowered = target.lower().lstrip(":")
        if lowered.startswith(CATEGORY_PREFIXES):
            self.categories.append(Category(target.lstrip(":").split(":", 1)[1].strip(), span))
        elif lowered.startswith(FILE_PREFIXES):
            pass  # media: not content we publish
        elif target:
            self.links.append(Wikilink(target[0].upper() + target[1:] if target[0].isascii() else target,
                                       label if label and label != target else None, span))
        else:
            self.issue("wikilink without a target", span.start)
        if node.text is not None:
            self.child(source, span.start, node.text, len(node.title.source) + 2, inside or "link")

    def template(self, node, span: Span, source: str, inside: str | None) -> None:
        name = " ".join(plain(node.name).replace("_", " ").split())
        params: list[Param] = []
        cursor = len(node.name.source) + 2
        for param in node.params:
            param_source = param.value.source
            at = source.find(param_source, cursor) if param_source else cursor
            at = cursor if at < 0 else at
            value = plain(param.value)
            params.append(Param(param.name.source.strip(), value, param_source,
                                Span(span.start + at, span.start + at + len(param_source))))
            cursor = self.child(source, span.start, param.value, at, name)
        if not name:
            self.issue("template without a name", span.start)
            return
        self.templates.append(Template(name, tuple(params), span, inside))

    def tag(self, node, span: Span, source: str, inside: str | None) -> None:
        tag = node.tag.source.strip().lower()
        if node.wiki_markup == "'''" or (tag == "b" and node.wiki_markup):
            self.bold.append(span)
        if tag == "ref":
            self.ref(node, span, source)
            return
        if tag == "nowiki":
            return  # literal text: nothing inside is markup
        if tag == "table" and inside is None:
            self._open_tables.append((span, [], []))
        elif tag == "tr" and self._open_tables:
            self._open_tables[-1][1].append([])
        elif tag in ("td", "th") and self._open_tables:
            self._cell(node, span, source, tag)
        elif tag == "caption" and self._open_tables and node.contents is not None:
            self._open_tables[-1][2].append(plain(node.contents))
        if node.contents is not None and not node.self_closing:
            opening = source.find(">") + 1 if not node.wiki_markup else len(node.wiki_markup)
            self.child(source, span.start, node.contents, max(opening, 0), inside)
        if tag == "table" and inside is None and self._open_tables:
            table_span, rows, captions = self._open_tables.pop()
            cells = tuple(tuple(row) for row in rows if row)
            for row in cells:
                spans = tuple(cell.span for cell in row)
                self.rows[Span(min(s.start for s in spans), max(s.end for s in spans))] = spans
            if cells:
                self.tables.append(Table(table_span, cells, captions[0] if captions else None))
            else:
                self.issue("a table without cells", table_span.start)

    def _cell(self, node, span: Span, source: str, tag: str) -> None:
        if tag == "td" and source.startswith("|+"):  # the parser reads a |+ caption as a cell
            self._open_tables[-1][2].append(plain(source[2:]))
            return
        rows = self._open_tables[-1][1]
        if not rows:
            rows.append([])  # cells before the first |-
        texts = node.contents.sources
        contents = node.contents.source
        at = len(source) - len(contents) if contents and source.endswith(contents) else source.find(contents)
        if at >= 0 and _reads_alone(contents):
            self.cells[Span(span.start + at, span.start + at + len(contents))] = (tuple(node.contents.nodes), tuple(texts))
        at = max(at, 0)
        sizes = {"rowspan": 1, "colspan": 1}
        for attribute in node.attributes:
            name = attribute.name.source.strip().lower()
            if name in sizes:
                digits = "".join(ch for ch in str(attribute.value or "") if ch.isdigit())[:3]
                sizes[name] = max(1, min(int(digits), 500)) if digits else 1
        rows[-1].append(Cell(Span(span.start + at, span.start + at + len(contents)), tag == "th",
                             sizes["rowspan"], sizes["colspan"]))

    def ref(self, node, span: Span, source: str) -> None:
        name = None
        for attribute in node.attributes:
            if attribute.name.source.strip().lower() == "name" and attribute.value is not None:  # <ref name>: none
                name = plain(attribute.value) or None
        first = len(self.templates)
        content = ""
        if node.contents is not None and not node.self_closing:
            content = node.contents.source
            self.child(source, span.start, node.contents, source.find(">") + 1, "ref")
        templates = tuple(self.templates[first:])
        reuse = node.self_closing or not content.strip()
        self.refs.append(Ref(name, span, content, reuse, templates))


def _section_tree(headings: list[tuple[Span, int, str, int]], end: int) -> tuple[Section, ...]:
    """Nests headings into sections: each runs until the next heading of its level or above."""
    flat = []
    for i, (span, level, text, _) in enumerate(headings):
        stop = end
        for later_span, later_level, _, _ in headings[i + 1:]:
            if later_level <= level:
                stop = later_span.start
                break
        body_end = headings[i + 1][0].start if i + 1 < len(headings) else end
        flat.append((level, text, Span(span.start, stop), Span(span.end, min(body_end, stop))))

    def build(index: int) -> tuple[Section, int]:
        level, text, span, body = flat[index]
        children: list[Section] = []
        index += 1
        while index < len(flat) and flat[index][2].start < span.end:
            child, index = build(index)
            children.append(child)
        return Section(level, text, span, body, tuple(children)), index

    top: list[Section] = []
    i = 0
    while i < len(flat):
        section, i = build(i)
        top.append(section)
    return tuple(top)


# --------------------------------------------------------------------------- passages


@dataclass(frozen=True)
class Mention:
    """A wikilink as it appears in a passage's plain text."""

    start: int  # in the passage text
    end: int
    link: Wikilink


@dataclass(frozen=True)
class LangRun:
    """Text given in another language by ``{{lang|xx|…}}``."""

    start: int
    end: int
    language: str


@dataclass(frozen=True)
class RefMark:
    """Where a ``<ref>`` stood in a passage's plain text."""

    at: int
    ref: Ref


@dataclass(frozen=True)
class Passage:
    """The plain text of a stretch of the page, with every character's offset in the page."""

    text: str
    offsets: tuple[int, ...]  # offsets[i] is where text[i] came from
    mentions: tuple[Mention, ...]
    langs: tuple[LangRun, ...]
    refs: tuple[RefMark, ...]
    span: Span

    def source_span(self, start: int, end: int) -> Span:
        """The page span of ``text[start:end]``."""
        if start >= end or not self.offsets:
            at = self.offsets[start] if start < len(self.offsets) else self.span.end
            return Span(at, at)
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


def passage(document: Document, span: Span) -> Passage:
    """The readable text of ``span`` as a reader sees it: links as their labels, no refs or boxes."""
    found = document.passages.get(span)
    if found is None:
        builder = _PassageBuilder(document, span)
        source = document.markup if document.markup is not None else document.text
        whole = _whole_nodes(document, span) or _cell_nodes(document, span)
        row = _row_pieces(document, span) if whole is None else None
        if whole is not None:
            builder.render_nodes(*whole, span.start)
        elif row is not None:
            for start, piece in row:
                builder.render_nodes(*piece, start) if isinstance(piece, tuple) else builder.emit(piece, start)
        elif _PARSER_MARKERS.isdisjoint(text := source[span.start:span.end]):  # a table cell's words, most often
            builder.emit(text, span.start)
        else:
            builder.render(tree.parse(text), span.start)
        found = document.passages[span] = builder.finish()
    return found


def _whole_nodes(document: Document, span: Span) -> tuple[tuple, tuple[str, ...]] | None:
    """The parse's top-level nodes that make up ``span`` exactly, or None when it starts or
    ends inside one (or holds none). Parsed on its own, such a stretch gives the same nodes:
    it starts at the page's start or at a line's (a section's body starts with the newline
    after its heading), a construct the page's parse closed inside it closes there too, and
    it holds no ``''`` (mwparserfromhell reads bold and italics over all it is given: a
    seeded fuzz of mangled pages found stretches with them that read differently alone).
    The nodes and their texts."""
    if document.nodes is None:
        return None
    starts = document.nodes.starts
    text = document.markup if document.markup is not None else document.text
    first = bisect_left(starts, span.start)
    if span.start >= span.end or first == len(starts) or starts[first] != span.start:
        return None
    if span.start > 0 and text[span.start] != "\n":
        return None
    if "''" in (stretch := text[span.start:span.end]) and "''" in _SIMPLE_STYLE.sub("", stretch):
        return None  # bold and italics are resolved over all the text parsed: broken ones read differently
    last = bisect_left(starts, span.end, first)
    end = starts[last] if last < len(starts) else len(text)
    if end != span.end:
        return None
    return document.nodes.nodes[first:last], document.nodes.sources[first:last]


def _cell_nodes(document: Document, span: Span) -> tuple[tuple, tuple[str, ...]] | None:
    """The nodes of the table cell whose content is ``span``, when it reads alone as in the
    table (see :func:`_reads_alone`), and their texts; None otherwise."""
    return document.nodes.cells.get(span) if document.nodes is not None else None


def _row_pieces(document: Document, span: Span) -> list[tuple[int, tuple | str]] | None:
    """A table row's words (``span`` from its first cell's content to its last's) as its
    cells' nodes and the markup between them, each with where it starts, when the row's
    text parsed alone gives those nodes and that markup as words; None otherwise.

    Parsed alone, a row's cell markup (``||``, ``\\n|``, ``rowspan="2" |``) is words outside a
    table, and each cell's nodes are what they were in the table when every cell reads alone
    (:func:`_reads_alone`), no construct left open in a cell could close in another (no cell
    holds markup characters in its words, nor a bare URL, which would run on into the next
    cell), the markup between cells holds nothing but itself and its attributes, and any
    bold or italics holds words alone (see :func:`_whole_nodes`)."""
    cells = document.nodes.rows.get(span) if document.nodes is not None else None
    if cells is None:
        return None
    text = document.markup if document.markup is not None else document.text
    if "''" in (stretch := text[span.start:span.end]) and "''" in _SIMPLE_STYLE.sub("", stretch):
        return None
    pieces: list[tuple[int, tuple | str]] = []
    at = span.start
    for cell in cells:
        read = document.nodes.cells.get(cell)
        if read is None or cell.start < at or any(
                type(node) is tree.Text and not _PARSER_MARKERS.isdisjoint(source)
                or type(node) is tree.ExternalLink and not node.brackets for node, source in zip(*read)):
            return None
        if pieces:  # the markup before every cell but the first
            if not _CELL_BREAK.fullmatch(text, at, cell.start):
                return None
            pieces.append((at, text[at:cell.start]))
        pieces.append((cell.start, read))
        at = cell.end
    return pieces if at == span.end else None


#: The markup between two cells of a row: a cell's start (``||``, ``!!``, or ``|`` or ``!`` at a
#: line's start) and its attributes ended by ``|`` (``rowspan="2" |``), in characters outside a
#: table no construct is made of (no line starts after the newline but the cell's).
_CELL_BREAK = re.compile(r'[ \t]*(?:\|\||!!|\n[|!]|(?<=\n)[|!])(?:[ \t\w="%.,:;#-]*\|(?!\|))?[ \t]*', re.ASCII)


#: A line that starts a construct of its own (a heading, a list, a rule, a table) where it is
#: the first of the text parsed, not where it follows a cell's markup.
_LINE_CONSTRUCT = re.compile(r"(?:^|\n)[=*#:;{-]")


def _reads_alone(text: str) -> bool:
    """Whether a table cell's ``text`` parsed alone gives the nodes the page's parse gave it, so
    that its passage is rendered from them: no line of it starts a construct (which only a
    line's start does: the cell's first line follows its markup in the page), and any bold or
    italics holds words alone (see :func:`_whole_nodes`)."""
    if _LINE_CONSTRUCT.search(text):
        return False
    return "''" not in text or "''" not in _SIMPLE_STYLE.sub("", text)


#: The characters wikitext markup is made of (ASCII punctuation and whitespace).
_MARKS = frozenset(string.punctuation + string.whitespace)
#: The characters mwparserfromhell's tokenizer reads as markup (its ``Tokenizer.MARKERS``) but the
#: newline, which starts a construct (a heading, a list, a table) only before one of them: a
#: text without any is parsed as one ``Text`` node of itself (checked over every string of up
#: to three of the other printable ASCII characters, the newline and some CJK, and 200,000
#: random ones of up to forty), so it is read without parsing it.
#: An inline conversion giving each variant its form (``-{zh-hans:普京; zh-tw:普丁;}-``).
_CONVERSION = re.compile(r"-\{(?=\s*zh-[a-z]+\s*:)([^{}]*)\}-")
_FORM = re.compile(r"(zh-[a-z]+)\s*:\s*([^;；{}]*)")
#: The variant whose form a conversion shows here: the Simplified one, the key of every name.
_SHOWN = ("zh-hans", "zh-cn", "zh-sg", "zh-my", "zh", "zh-hant", "zh-tw", "zh-hk", "zh-mo")


def _shown_form(conversion: re.Match) -> re.Match:
    forms = {m.group(1): m for m in _FORM.finditer(conversion.string, conversion.start(1), conversion.end(1))}
    return next((forms[v] for v in _SHOWN if v in forms), next(iter(forms.values())))


_PARSER_MARKERS = frozenset("{}[]<>|=&'\"#*;:/\\-!")
#: Bold or italics of words without markup (``'''甲乙会晤'''``): the parser closes it at its closing
#: ticks, whatever comes after them, so a stretch whose every ``''`` is of one reads alone as in the page.
_SIMPLE_STYLE = re.compile("(?<!')('''?)[^" + re.escape("".join(sorted(_PARSER_MARKERS))) + "\n]+\\1(?!')")


class _PassageBuilder:
    def __init__(self, document: Document, span: Span) -> None:
        self.document = document
        self.span = span
        self.chars: list[str] = []  # pieces of the text; one offset for each of their characters
        self.offsets: list[int] = []
        self.mentions: list[Mention] = []
        self.langs: list[LangRun] = []
        self.refs: list[RefMark] = []
        self.refs_by_start = document.refs_by_start
        self.links_by_start = document.links_by_start

    def emit(self, text: str, start: int) -> None:
        shown = 0  # an inline conversion (-{zh-hans:普京; zh-tw:普丁;}-) shows one of its forms
        for conversion in _CONVERSION.finditer(text) if "-{" in text else ():
            self._emit(text[shown:conversion.start()], start + shown)
            form = _shown_form(conversion)
            self._emit(text[form.start(2):form.end(2)].strip(), start + form.start(2))
            shown = conversion.end()
        self._emit(text[shown:], start + shown)

    def _emit(self, text: str, start: int) -> None:
        self.chars.append(text)
        self.offsets.extend(range(start, start + len(text)))

    def render(self, code, offset: int) -> None:
        """Renders ``code``'s nodes, the first at ``offset``."""
        self.render_nodes(code.nodes, code.sources, offset)

    def render_nodes(self, nodes, sources, offset: int) -> None:
        pos = offset
        for node, source in zip(nodes, sources):
            self.node(node, pos, source)
            pos += len(source)

    def node(self, node, start: int, source: str) -> None:
        kind = type(node)
        if kind is tree.Text:
            self.emit(source, start)
        elif kind is tree.Wikilink:
            link = self.links_by_start.get(start)
            if link is None:
                return  # categories and files are not running text
            shown = node.text.source if node.text is not None else node.title.source
            inner = source.find(shown, 2) if node.text is not None else 2
            at = len(self.offsets)
            if _MARKS.isdisjoint(shown):  # no markup can be in it: mwparserfromhell would give one Text node
                self.emit(shown, start + max(inner, 2))
            else:
                self.render(tree.parse(shown), start + max(inner, 2))
            self.mentions.append(Mention(at, len(self.offsets), link))
        elif kind is tree.Template:
            self.template(node, start, source)
        elif kind is tree.Tag:
            self.tag(node, start, source)
        elif kind is tree.ExternalLink:
            if node.title is not None:
                self.render(node.title, start + source.find(node.title.source))
        elif kind is tree.HTMLEntity:
            self.emit(unescape(source), start)
        elif kind is tree.Heading:
            self.render(node.title, start + node.level)
            self.emit("\n", start + len(source) - 1)
        # comments, arguments and anything else render as nothing

    def template(self, node, start: int, source: str) -> None:
        key = " ".join(node.name.source.replace("_", " ").split()).lower()
        shown = _date_text(node)
        if shown is not None:  # each character of the date points into the template
            for i, char in enumerate(shown):
                self.chars.append(char)
                self.offsets.append(start + min(i, len(source) - 1))
            return
        position = _text_param(node)
        if position is None:
            return
        value = node.get(str(position)).value
        at = len(self.offsets)
        self.render(value, start + source.find(value.source, len(node.name.source) + 2))
        language = node.get("1").value.source.strip() if key == "lang" and node.has("1") else key[5:]
        if language and key.startswith("lang"):
            self.langs.append(LangRun(at, len(self.offsets), language))

    def tag(self, node, start: int, source: str) -> None:
        tag = node.tag.source.strip().lower()
        if tag == "ref":
            ref = self.refs_by_start.get(start)
            if ref is not None:
                self.refs.append(RefMark(len(self.offsets), ref))
            return
        if tag in ("br", "hr"):
            self.emit("\n", start)
            return
        if node.contents is None or node.self_closing:
            return
        inner = node.contents.source
        opening = len(node.wiki_markup) if node.wiki_markup else source.find(">") + 1
        if tag == "nowiki":
            self.emit(unescape(inner), start + opening)
        else:
            self.render(node.contents, start + source.find(inner, opening))

    def finish(self) -> Passage:
        return Passage("".join(self.chars), tuple(self.offsets), tuple(self.mentions),
                       tuple(self.langs), tuple(self.refs), self.span)
