"""Where wikitext comes from: files, directories of them, stdin, and MediaWiki XML exports.

SOURCE arguments become :class:`~kg.model.Page` values. An export is streamed page by page
and never loaded whole; one unreadable page in it becomes a :class:`~kg.model.SkippedPage`
and the others go on. A whole input that cannot be read raises :class:`~kg.errors.InputError`.
"""

from __future__ import annotations

import bz2
import codecs
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit
from xml.parsers import expat

from kg.errors import InputError
from kg.model import Page, SkippedPage

WIKITEXT_SUFFIXES = (".wiki", ".wikitext", ".txt")
STDIN = "-"
STDIN_ORIGIN = "<stdin>"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BZ2_BLOCK_MAGICS = (b"1AY&SY", b"\x17rE8P\x90")  # after b"BZh" and a level digit: first block, or end
_SIDECAR_KEYS = ("title", "wiki", "language")


class _Kind(Enum):
    """How an input is read."""

    WIKITEXT = "wikitext"  # one article per file
    EXPORT = "export"  # MediaWiki XML export, plain
    EXPORT_BZ2 = "export-bz2"  # MediaWiki XML export, bzip2-compressed
    STDIN = "stdin"  # wikitext or an export, told apart by its first bytes


@dataclass(frozen=True)
class _Source:
    """One input to read, found (and checked to exist) before anything is read."""

    kind: _Kind
    origin: str  # the path as the user gave it (joined with the directory), or "<stdin>"
    path: Path | None = None
    in_directory: bool = False  # one file of a directory: if unreadable, left out, not fatal


def default_corpus() -> Path:
    """The bundled corpus folder, read by ``kg build`` when no SOURCE is given.

    Raises InputError when the package runs without its source tree (no ``corpus/``).

    >>> default_corpus().name
    'corpus'
    """
    package = Path(__file__).resolve().parent
    corpus = package.parent / "corpus"  # the checkout's; an installed package ships a copy
    if not corpus.is_dir():
        corpus = package / "corpus"
    if not corpus.is_dir():
        raise InputError(f"bundled corpus not found at {corpus}; pass a SOURCE to kg build")
    return corpus


def read_sources(
    specs: Sequence[str | os.PathLike[str]], *, stdin: BinaryIO | None = None
) -> Iterator[Page | SkippedPage]:
    """Read every page of every SOURCE, in order; no specs means the bundled ``*.wiki`` files.

    A spec is a wikitext file, a directory of them (``*.wiki``, ``*.wikitext``, ``*.txt``,
    by name), ``-`` for ``stdin`` (default ``sys.stdin.buffer``), or an export (``.xml``,
    ``.xml.bz2``). Missing paths and empty directories raise InputError at once, before
    any page is read; an input that turns out unreadable (empty, not UTF-8, binary,
    truncated or malformed export, bad sidecar) raises InputError when it is reached.
    Pages of an export that cannot be used (no text, a redirect, bad revision data) are
    yielded as SkippedPage.

    >>> [page.text for page in read_sources(["-"], stdin=io.BytesIO(b"'''Summit'''"))]
    ["'''Summit'''"]
    """
    sources = _find_sources(specs) if specs else _directory(default_corpus(), suffixes=(".wiki",))
    return _read_all(sources, stdin)


def _find_sources(specs: Sequence[str | os.PathLike[str]]) -> list[_Source]:
    """The inputs named by ``specs``, directories expanded, in reading order.

    Raises InputError for a missing path, an empty file, a directory with no wikitext
    files, or ``-`` given twice.
    """
    sources = [source for spec in specs for source in _expand(spec)]
    if sum(source.kind is _Kind.STDIN for source in sources) > 1:
        raise InputError("'-' (stdin) is given more than once; pass it once")
    return sources


def _expand(spec: str | os.PathLike[str]) -> list[_Source]:
    origin = os.fspath(spec)
    if origin == STDIN:
        return [_Source(kind=_Kind.STDIN, origin=STDIN_ORIGIN)]
    path = Path(origin)
    if path.is_dir():
        return _directory(path)
    if not path.exists():
        raise InputError(f"{origin}: no such file or directory; check the path")
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(f"{origin}: is empty; pass a wikitext article or an XML export")
    return [_Source(kind=_kind_of(path), origin=origin, path=path)]


def _directory(path: Path, *, suffixes: tuple[str, ...] = WIKITEXT_SUFFIXES) -> list[_Source]:
    files = sorted(entry for entry in path.iterdir() if entry.is_file() and entry.suffix in suffixes)
    if not files:
        patterns = ", ".join(f"*{suffix}" for suffix in suffixes)
        raise InputError(f"{path}: directory has no wikitext files ({patterns}); add some or pass files")
    return [_Source(kind=_Kind.WIKITEXT, origin=str(file), path=file, in_directory=True) for file in files]


def _kind_of(path: Path) -> _Kind:
    name = path.name.lower()
    if name.endswith(".xml.bz2"):
        return _Kind.EXPORT_BZ2
    if name.endswith(".xml"):
        return _Kind.EXPORT
    return _Kind.WIKITEXT


def _read_all(sources: list[_Source], stdin: BinaryIO | None) -> Iterator[Page | SkippedPage]:
    for source in sources:
        yield from _read(source, stdin)


def _read(source: _Source, stdin: BinaryIO | None) -> Iterator[Page | SkippedPage]:
    if source.kind is _Kind.STDIN:
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
    elif source.kind is _Kind.WIKITEXT and source.in_directory:
        try:
            yield _read_wikitext_file(source)
        except InputError as error:  # one bad file of a directory is left out, the others built
            yield SkippedPage(source.origin, error.message.removeprefix(f"{source.origin}: "), failed=True)
    elif source.kind is _Kind.WIKITEXT:
        yield _read_wikitext_file(source)
    else:
        with _open(source) as stream:
            yield from read_export(stream, origin=source.origin)


def _open(source: _Source) -> BinaryIO:
    assert source.path is not None
    try:
        if source.kind is _Kind.EXPORT_BZ2:
            return bz2.open(source.path, "rb")
        return open(source.path, "rb")
    except OSError as error:
        raise _unreadable(source, error) from None


def _unreadable(source: _Source, error: OSError) -> InputError:
    return InputError(f"{source.origin}: cannot be read ({error.strerror}); check its permissions")


# --- wikitext files and stdin -------------------------------------------------------------


def _read_wikitext_file(source: _Source) -> Page:
    assert source.path is not None
    try:
        data = source.path.read_bytes()
    except OSError as error:
        raise _unreadable(source, error) from None
    sidecar = read_sidecar(source.path)
    return Page(
        text=decode_wikitext(data, origin=source.origin),
        origin=source.origin,
        title=sidecar.title,
        wiki=sidecar.wiki or Page.wiki,  # a plain dataclass default stays on the class
        language=sidecar.language or Page.language,
    )


def _read_stdin(stream: BinaryIO) -> Iterator[Page | SkippedPage]:
    if stream.isatty():
        raise InputError(f"{STDIN_ORIGIN}: is a terminal; pipe an article or an export into it")
    head = stream.read(64)
    rest = _Rejoined(head, stream)
    if head.startswith(b"BZh") and head[4:10] in _BZ2_BLOCK_MAGICS:
        with bz2.open(io.BufferedReader(rest), "rb") as export:
            yield from read_export(export, origin=STDIN_ORIGIN)
    elif head.removeprefix(codecs.BOM_UTF8).lstrip().startswith((b"<?xml", b"<mediawiki")):
        yield from read_export(io.BufferedReader(rest), origin=STDIN_ORIGIN)
    else:
        yield Page(text=decode_wikitext(head + stream.read(), origin=STDIN_ORIGIN), origin=STDIN_ORIGIN)


class _Rejoined(io.RawIOBase):
    """A stream whose first bytes were read to tell its format, put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._head[: len(buffer)] or self._rest.read(len(buffer))
        self._head = self._head[len(data) :]
        buffer[: len(data)] = data
        return len(data)


def decode_wikitext(data: bytes, *, origin: str) -> str:
    """The text of a wikitext input, a UTF-8 byte-order mark dropped.

    Raises InputError when the input is empty, UTF-16, binary (has NUL bytes), or not
    UTF-8 (naming the offset of the first bad byte).

    >>> decode_wikitext("'''峰会'''".encode(), origin="a.wiki")
    "'''峰会'''"
    """
    if not data.strip():
        raise InputError(f"{origin}: is empty; pass a wikitext article")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{origin}: is UTF-16, not UTF-8; re-save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{origin}: is binary data (NUL byte at offset {nul}), not wikitext; pass a UTF-8 wikitext file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        raise InputError(
            f"{origin}: is not UTF-8 (byte 0x{bad:02X} at offset {error.start}); re-save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


@dataclass(frozen=True)
class Sidecar:
    """What ``NAME.meta.json`` next to a wikitext file says about it; None when not given."""

    title: str | None = None
    wiki: str | None = None
    language: str | None = None


def read_sidecar(wikitext: Path) -> Sidecar:
    """The sidecar ``NAME.meta.json`` of ``NAME.wiki``, or an empty Sidecar when there is none.

    Raises InputError when the sidecar exists but is not a JSON object whose keys are
    among ``title``, ``wiki``, ``language`` with non-empty string values.
    """
    path = wikitext.with_name(wikitext.stem + ".meta.json")
    if not path.is_file():
        return Sidecar()
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: unreadable sidecar ({_one_line(error)}); fix or remove it") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: sidecar is not a JSON object; write {{\"title\": ..., \"wiki\": ...}}")
    unknown = sorted(set(meta) - set(_SIDECAR_KEYS))
    if unknown:
        raise InputError(f"{path}: unknown sidecar key {unknown[0]!r}; use {', '.join(_SIDECAR_KEYS)}")
    for key, value in meta.items():
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{path}: sidecar {key!r} must be a non-empty string; fix or remove it")
    return Sidecar(**meta)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


# --- MediaWiki XML exports -------------------------------------------------------------


@dataclass(frozen=True)
class _Site:
    """What an export's header says about the wiki its pages come from."""

    wiki: str = Page.wiki
    language: str = Page.language
    namespaces: frozenset[str] = frozenset()  # casefolded prefixes of non-article namespaces


@dataclass(frozen=True)
class _Revision:
    id: str | None
    timestamp: str | None
    text: str | None
    deleted: bool
    model: str | None  # content model; absent in old exports, where everything is wikitext


def read_export(stream: BinaryIO, *, origin: str) -> Iterator[Page | SkippedPage]:
    """The main-namespace pages of a MediaWiki XML export, streamed one page at a time.

    Works with any export schema version (element namespaces are ignored). A page with
    several revisions gives its last one. Pages of other namespaces are left out; a page
    that cannot be used is yielded as SkippedPage. Raises InputError, when reached, if
    the stream is not a MediaWiki export or is truncated or malformed (with line and
    column), or if its compression is broken.
    """
    try:
        yield from _parse_export(stream, origin)
    except ET.ParseError as error:
        line, column = error.position
        raise InputError(
            f"{origin}: XML export is truncated or malformed at line {line}, column {column} "
            f"({expat.ErrorString(error.code)}); re-download or re-export it"
        ) from None
    except EOFError:
        raise InputError(f"{origin}: compressed export ends early (truncated); re-download it") from None
    except LookupError as error:  # an XML declaration naming an encoding Python does not know
        raise InputError(f"{origin}: {_one_line(error)}; re-save the export as UTF-8") from None
    except OSError as error:
        raise InputError(f"{origin}: cannot be decompressed ({_one_line(error)}); re-download it") from None


def _parse_export(stream: BinaryIO, origin: str) -> Iterator[Page | SkippedPage]:
    events = ET.iterparse(stream, events=("start", "end"))
    _, root = next(events)
    if _local(root.tag) != "mediawiki":
        raise InputError(
            f"{origin}: is XML but not a MediaWiki export (root <{_local(root.tag)}>); "
            "pass a file from Special:Export or a dump"
        )
    language = root.get(_XML_LANG) or Page.language
    if not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", language):
        raise InputError(f"{origin}: the export's xml:lang {language[:40]!r} is not a language tag; fix its root element")
    site = _Site(language=language)
    revision: _Revision | None = None
    ordinal = 0
    for event, element in events:
        if event != "end":
            continue
        name = _local(element.tag)
        if name == "siteinfo":
            site = _site(element, language=site.language, origin=origin)
            root.clear()
        elif name == "revision":
            revision = _revision(element)
            element.clear()  # a full-history export keeps only the last revision's text
        elif name == "page":
            ordinal += 1
            page = _page(element, revision, site=site, origin=origin, ordinal=ordinal)
            revision = None
            root.clear()
            if page is not None:
                yield page


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in element if _local(child.tag) == name), None)


def _child_text(element: ET.Element, name: str) -> str | None:
    child = _child(element, name)
    return None if child is None else (child.text or "").strip() or None


def _site(siteinfo: ET.Element, *, language: str, origin: str) -> _Site:
    base = _child_text(siteinfo, "base")
    namespaces = _child(siteinfo, "namespaces")
    prefixes = frozenset(
        (namespace.text or "").casefold()
        for namespace in (namespaces if namespaces is not None else ())
        if namespace.get("key", "0") != "0" and namespace.text
    )
    host = urlsplit(base).hostname if base else None
    if host and not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?", host):
        raise InputError(f"{origin}: the export's <base> {base[:80]!r} has no usable host name; fix its siteinfo")
    return _Site(
        wiki=host or Page.wiki,
        language=language,
        namespaces=prefixes,
    )


def _revision(element: ET.Element) -> _Revision:
    text = _child(element, "text")
    return _Revision(
        id=_child_text(element, "id"),
        timestamp=_child_text(element, "timestamp"),
        text=None if text is None else text.text,
        deleted=text is not None and text.get("deleted") is not None,
        model=_child_text(element, "model"),
    )


def _page(
    element: ET.Element, revision: _Revision | None, *, site: _Site, origin: str, ordinal: int
) -> Page | SkippedPage | None:
    title = _child_text(element, "title")
    if title is None:
        return SkippedPage(origin=f"{origin}#page {ordinal}", reason="page has no title")
    if not _in_main_namespace(element, title, site):
        return None
    where = f"{origin}#{title}"
    redirect = _child(element, "redirect")
    if redirect is not None:
        return SkippedPage(origin=where, reason=f"is a redirect to {redirect.get('title') or 'another page'}")
    problem = _revision_problem(revision)
    if problem is not None:
        return SkippedPage(origin=where, reason=problem)
    assert revision is not None and revision.text is not None
    return Page(
        text=revision.text,
        origin=where,
        title=title,
        wiki=site.wiki,
        language=site.language,
        revision_id=int(revision.id) if revision.id is not None else None,
        timestamp=revision.timestamp,
    )


def _in_main_namespace(element: ET.Element, title: str, site: _Site) -> bool:
    namespace = _child_text(element, "ns")
    if namespace is not None:  # export schema 0.4 and later
        return namespace == "0"
    prefix, colon, _ = title.partition(":")
    return not colon or prefix.casefold() not in site.namespaces


def _revision_problem(revision: _Revision | None) -> str | None:
    """Why a page's revision cannot be built, or None when it can."""
    if revision is None:
        return "page has no revision"
    if revision.model not in (None, "wikitext"):
        return f"content model {revision.model!r} is not wikitext"
    if revision.deleted:
        return "revision text was deleted (suppressed); export another revision"
    if revision.text is None or not revision.text.strip():
        return "revision has no text"
    if revision.id is not None and not revision.id.isdigit():
        return f"revision id {revision.id[:40]!r} is not a number"
    if revision.id is not None and len(revision.id) > _MAX_ID_DIGITS:
        return f"revision id has {len(revision.id)} digits, more than any wiki gives ({_MAX_ID_DIGITS})"
    if revision.timestamp is not None and not _is_iso_datetime(revision.timestamp):
        return f"revision timestamp {revision.timestamp!r} is not ISO 8601"
    return None


_MAX_ID_DIGITS = 20  # MediaWiki's ids are unsigned 64-bit integers


def _is_iso_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
