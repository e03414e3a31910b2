"""The parse tree :mod:`kg.wikitext` reads, built straight from mwparserfromhell's tokens.

mwparserfromhell's tokenizer (C) turns a page into plain tokens and its builder (Python)
turns them into a tree of ``Wikicode`` and nodes, whose text is made again, by joining
every node under it, each time it is asked for. :func:`parse` builds the same tree from
the same tokens as plain slotted objects of the same names and attributes, the subset
:mod:`kg.wikitext` reads, each holding its text, made once as it is built, and
:func:`strip` gives a fragment's ``strip_code(normalize=True, collapse=True)``. Where the
library's builder would do something else than build (a tag's padding or an attribute's
quotes it rejects), the library parses the page and its tree is copied (:func:`copied`),
so the tree is always the library's.

>>> code = parse("甲[[乙|丙]]{{t|a=1}}")
>>> [type(node).__name__ for node in code.nodes], code.nodes[2].get("a").value.source
(['Text', 'Wikilink', 'Template'], '1')
"""

from __future__ import annotations

import html.entities

import mwparserfromhell
from mwparserfromhell import nodes as mw
from mwparserfromhell.definitions import is_visible
from mwparserfromhell.parser import tokens as T

try:
    from mwparserfromhell.parser._tokenizer import CTokenizer as _Tokenizer
except ImportError:  # the library built without its C tokenizer
    from mwparserfromhell.parser.tokenizer import Tokenizer as _Tokenizer


class Code:
    """A run of nodes (the library's ``Wikicode``), with each node's text and their join."""

    __slots__ = ("nodes", "sources", "source")

    def __init__(self, nodes: list) -> None:
        self.nodes = nodes
        self.sources = [node.source for node in nodes]
        self.source = "".join(self.sources)

    def __str__(self) -> str:
        return self.source

    def __bool__(self) -> bool:  # as the library's: whether it has any text
        return bool(self.source)


class Text:
    __slots__ = ("value", "source")

    def __init__(self, value: str) -> None:
        self.value = self.source = value


class Param:
    __slots__ = ("name", "value", "showkey", "source")

    def __init__(self, name: Code, value: Code, showkey: bool) -> None:
        self.name, self.value, self.showkey = name, value, showkey
        self.source = name.source + "=" + value.source if showkey else value.source


class Template:
    __slots__ = ("name", "params", "source")

    def __init__(self, name: Code, params: list[Param]) -> None:
        self.name, self.params = name, params
        self.source = "{{" + name.source + "".join("|" + param.source for param in params) + "}}"

    def has(self, name: str) -> bool:
        name = name.strip()
        return any(param.name.source.strip() == name for param in self.params)

    def get(self, name: str) -> Param:
        """The last parameter called ``name`` (the one MediaWiki reads); ValueError if none is."""
        name = name.strip()
        for param in reversed(self.params):
            if param.name.source.strip() == name:
                return param
        raise ValueError(name)


class Argument:
    __slots__ = ("name", "default", "source")

    def __init__(self, name: Code, default: Code | None) -> None:
        self.name, self.default = name, default
        self.source = "{{{" + name.source + ("|" + default.source if default is not None else "") + "}}}"


class Wikilink:
    __slots__ = ("title", "text", "source")

    def __init__(self, title: Code, text: Code | None) -> None:
        self.title, self.text = title, text
        self.source = "[[" + title.source + ("|" + text.source if text is not None else "") + "]]"


class ExternalLink:
    __slots__ = ("url", "title", "brackets", "source")

    def __init__(self, url: Code, title: Code | None, brackets: bool, suppress_space: bool) -> None:
        self.url, self.title, self.brackets = url, title, brackets
        if not brackets:
            self.source = url.source
        elif title is None:
            self.source = "[" + url.source + "]"
        else:
            self.source = "[" + url.source + ("" if suppress_space else " ") + title.source + "]"


class HTMLEntity:
    __slots__ = ("value", "named", "hexadecimal", "source")

    def __init__(self, value: str, named: bool, hexadecimal: bool, hex_char: str = "x") -> None:
        self.value, self.named, self.hexadecimal = value, named, hexadecimal
        self.source = f"&{value};" if named else f"&#{hex_char}{value};" if hexadecimal else f"&#{value};"

    def normalize(self) -> str:
        if self.named:
            return chr(html.entities.name2codepoint[self.value])
        return chr(int(self.value, 16 if self.hexadecimal else 10))


class Comment:
    __slots__ = ("source",)

    def __init__(self, contents: str) -> None:
        self.source = "<!--" + contents + "-->"


class Heading:
    __slots__ = ("title", "level", "source")

    def __init__(self, title: Code, level: int) -> None:
        self.title, self.level = title, level
        self.source = "=" * level + title.source + "=" * level


class Attribute:
    __slots__ = ("name", "value", "source")

    def __init__(self, name: Code, value: Code | None, quotes: str | None, pads: tuple[str, str, str]) -> None:
        self.name, self.value = name, value
        if not quotes and value and any(char.isspace() for node in value.nodes if type(node) is Text
                                        for char in node.value):
            raise _Unbuilt("an attribute value with spaces and no quotes")  # the library raises
        source = pads[0] + name.source + pads[1]
        if value is not None:
            source += "=" + pads[2] + (quotes + value.source + quotes if quotes else value.source)
        self.source = source


class Tag:
    __slots__ = ("tag", "contents", "attributes", "wiki_markup", "self_closing", "source")

    def __init__(self, tag: Code, contents: Code | None, attributes: list[Attribute], wiki_markup: str | None,
                 self_closing: bool, invalid: bool, implicit: bool, padding: str, closing_tag: Code | None,
                 separator: str | None, closing_wiki_markup: str | None) -> None:
        if padding and not padding.isspace():
            raise _Unbuilt("a tag's padding that is not spaces")  # the library raises
        self.tag, self.attributes, self.self_closing = tag, attributes, self_closing
        self.contents = contents if contents is not None else Code([])
        self.wiki_markup = wiki_markup or None
        closing = self.wiki_markup if closing_wiki_markup is None else closing_wiki_markup or None
        attrs = "".join(attribute.source for attribute in attributes)
        if self.wiki_markup:
            source = self.wiki_markup + attrs + padding + (separator or "")
            if not self_closing:
                source += self.contents.source + (closing or "")
        else:
            source = ("</" if invalid else "<") + tag.source + attrs + padding
            if self_closing:
                source += ">" if implicit else "/>"
            else:
                source += ">" + self.contents.source + "</" + (closing_tag or tag).source + ">"
        self.source = source


class _Unbuilt(Exception):
    """Tokens the library's builder would not build as they are: the library is asked."""


_END = object()  # after the last token


class _Builder:
    """The library's ``Builder`` over the same tokens, making this module's nodes."""

    def __init__(self, tokens: list) -> None:
        self.tokens = tokens
        self.at = 0

    def until(self, stops: tuple, nodes: list):
        """Appends the nodes of the tokens up to one of the types ``stops``; returns that token."""
        tokens = self.tokens
        while True:
            token = tokens[self.at]
            self.at += 1
            kind = type(token)
            if kind is T.Text:
                nodes.append(Text(token["text"]))
            elif kind in stops:
                return token
            else:
                nodes.append(_HANDLERS[kind](self, token))

    def code(self, stops: tuple) -> tuple[Code, object]:
        nodes: list = []
        stop = self.until(stops, nodes)
        return Code(nodes), stop

    def template(self, token) -> Template:
        name, stop = self.code(_TEMPLATE)
        params = []
        default = 1
        while type(stop) is T.TemplateParamSeparator:
            key, showkey = None, False
            value, stop = self.code(_PARAM)
            while type(stop) is T.TemplateParamEquals:
                key, showkey = value, True
                value, stop = self.code(_PARAM)
            params.append(Param(key if key is not None else Code([Text(str(default))]), value, showkey))
            if not showkey:
                default += 1
        return Template(name, params)

    def _split(self, separator: type, close: type) -> tuple[Code | None, Code, object]:
        """A node's parts before and after its last separator (the library keeps the last
        two parts as it goes), and that separator (None without one)."""
        first = last = None
        current, stop = self.code((separator, close))
        while type(stop) is separator:
            first, last = current, stop
            current, stop = self.code((separator, close))
        return first, current, last

    def argument(self, token) -> Argument:
        name, default, _ = self._split(T.ArgumentSeparator, T.ArgumentClose)
        return Argument(name, default) if name is not None else Argument(default, None)

    def wikilink(self, token) -> Wikilink:
        title, text, _ = self._split(T.WikilinkSeparator, T.WikilinkClose)
        return Wikilink(title, text) if title is not None else Wikilink(text, None)

    def external_link(self, token) -> ExternalLink:
        url, title, separator = self._split(T.ExternalLinkSeparator, T.ExternalLinkClose)
        brackets = bool(token.get("brackets"))
        if url is None:
            return ExternalLink(title, None, brackets, False)
        return ExternalLink(url, title, brackets, separator.get("suppress_space") is True)

    def entity(self, token) -> HTMLEntity:
        tokens = self.tokens
        token = tokens[self.at]
        if type(token) is T.HTMLEntityNumeric:
            token = tokens[self.at + 1]
            if type(token) is T.HTMLEntityHex:
                self.at += 4  # the hex mark, the digits, the end
                return HTMLEntity(tokens[self.at - 2]["text"], False, True, token.get("char"))
            self.at += 3
            return HTMLEntity(token["text"], False, False)
        self.at += 2
        return HTMLEntity(token["text"], True, False)

    def heading(self, token) -> Heading:
        return Heading(self.code(_HEADING)[0], token.get("level"))

    def comment(self, token) -> Comment:
        return Comment(self.code(_COMMENT)[0].source)

    def attribute(self, start) -> Attribute:
        name = quotes = None
        nodes: list = []
        while True:
            stop = self.until(_ATTRIBUTE, nodes)
            kind = type(stop)
            if kind is T.TagAttrEquals:
                name, nodes = Code(nodes), []
            elif kind is T.TagAttrQuote:
                quotes = stop.get("char")
            else:
                self.at -= 1  # the tag's own token
                if name:
                    value = Code(nodes)
                else:
                    name, value = Code(nodes), None
                return Attribute(name, value, quotes or None, (start.get("pad_first") or "",
                                 start.get("pad_before_eq") or "", start.get("pad_after_eq") or ""))

    def tag(self, token) -> Tag:
        tag = padding = contents = closing_tag = separator = None
        attributes: list[Attribute] = []
        wiki_markup, invalid, implicit = token.get("wiki_markup"), bool(token.get("invalid")), False
        closing_wiki_markup = wiki_markup
        nodes: list = []
        while True:
            stop = self.until(_TAG, nodes)
            kind = type(stop)
            if kind is T.TagAttrStart:
                attributes.append(self.attribute(stop))
            elif kind is T.TagCloseOpen:
                separator, padding = stop.get("wiki_markup"), stop.get("padding") or ""
                tag, nodes = Code(nodes), []
            elif kind is T.TagOpenClose:
                closing_wiki_markup = stop.get("wiki_markup")
                contents, nodes = Code(nodes), []
            else:
                self_closing = kind is T.TagCloseSelfclose
                if self_closing:
                    closing_wiki_markup = stop.get("wiki_markup")
                    tag, padding, implicit = Code(nodes), stop.get("padding") or "", bool(stop.get("implicit"))
                else:
                    closing_tag = Code(nodes)
                if tag is None or padding is None:
                    raise _Unbuilt("a tag closed before its name")
                return Tag(tag, contents, attributes, wiki_markup, self_closing, invalid, implicit, padding,
                           closing_tag, separator, closing_wiki_markup)

    def build(self) -> Code:
        self.tokens.append(_END)
        code, _ = self.code((object,))
        return code


_TEMPLATE = (T.TemplateParamSeparator, T.TemplateClose)
_PARAM = (T.TemplateParamEquals, T.TemplateParamSeparator, T.TemplateClose)
_HEADING = (T.HeadingEnd,)
_COMMENT = (T.CommentEnd,)
_ATTRIBUTE = (T.TagAttrEquals, T.TagAttrQuote, T.TagAttrStart, T.TagCloseOpen, T.TagCloseSelfclose)
_TAG = (T.TagAttrStart, T.TagCloseOpen, T.TagOpenClose, T.TagCloseSelfclose, T.TagCloseClose)
_HANDLERS = {T.TemplateOpen: _Builder.template, T.ArgumentOpen: _Builder.argument,
             T.WikilinkOpen: _Builder.wikilink, T.ExternalLinkOpen: _Builder.external_link,
             T.HTMLEntityStart: _Builder.entity, T.HeadingStart: _Builder.heading,
             T.CommentStart: _Builder.comment, T.TagOpenOpen: _Builder.tag}


def tokens(text: str) -> list:
    """mwparserfromhell's tokens of ``text`` (read from the page's start, style tags read)."""
    return _Tokenizer().tokenize(text, 0, False)


def parse(text: str) -> Code:
    """The tree of ``text``: the library's, node for node and text for text."""
    try:
        return _Builder(tokens(text)).build()
    except _Unbuilt:
        return copied(mwparserfromhell.parse(text))


def copied(code) -> Code:
    """This module's tree of a library ``Wikicode``."""
    return Code([_copied_node(node) for node in code.nodes])


def _copied_node(node):
    if isinstance(node, mw.Text):
        return Text(node.value)
    if isinstance(node, mw.Template):
        return Template(copied(node.name), [Param(copied(p.name), copied(p.value), p.showkey) for p in node.params])
    if isinstance(node, mw.Wikilink):
        return Wikilink(copied(node.title), _maybe(node.text))
    if isinstance(node, mw.Tag):
        attributes = [_copied_attribute(attribute) for attribute in node.attributes]
        return Tag(copied(node.tag), copied(node.contents), attributes, node.wiki_markup, node.self_closing,
                   node.invalid, node.implicit, node.padding, copied(node.closing_tag), node.wiki_style_separator,
                   node.closing_wiki_markup or "")  # "": none, not the opening's
    if isinstance(node, mw.ExternalLink):
        return ExternalLink(copied(node.url), _maybe(node.title), node.brackets, node.suppress_space)
    if isinstance(node, mw.HTMLEntity):
        return HTMLEntity(node.value, node.named, node.hexadecimal, node.hex_char)
    if isinstance(node, mw.Heading):
        return Heading(copied(node.title), node.level)
    if isinstance(node, mw.Comment):
        return Comment(node.contents)
    if isinstance(node, mw.Argument):
        return Argument(copied(node.name), _maybe(node.default))
    raise TypeError(f"a node mwparserfromhell has no more: {type(node).__name__}")


def _copied_attribute(attribute) -> Attribute:
    copy = Attribute.__new__(Attribute)
    copy.name, copy.value, copy.source = copied(attribute.name), _maybe(attribute.value), str(attribute)
    return copy


def _maybe(code) -> Code | None:
    return copied(code) if code is not None else None


def strip(code: Code) -> str:
    """``code``'s text as the library's ``strip_code(normalize=True, collapse=True)`` gives it:
    templates and comments dropped, links as their text, entities as their character."""
    parts = []
    for node in code.nodes:
        kind = type(node)
        if kind is Text:
            part = node.value
        elif kind is Wikilink:
            part = strip(node.text if node.text is not None else node.title)
        elif kind is Tag:
            part = strip(node.contents) if node.contents.source and is_visible(node.tag.source) else None
        elif kind is HTMLEntity:
            part = node.normalize()
        elif kind is ExternalLink:
            part = (strip(node.title) if node.title else None) if node.brackets else strip(node.url)
        elif kind is Heading:
            part = strip(node.title)
        elif kind is Argument:
            part = strip(node.default) if node.default is not None else None
        else:  # templates, comments
            part = None
        if part:
            parts.append(part)
    stripped = "".join(parts).strip("\n")
    while "\n\n\n" in stripped:
        stripped = stripped.replace("\n\n\n", "\n\n")
    return stripped
