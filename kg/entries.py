"""The published files as sorted entries, one per subject (per graph and subject in TriG).

Each of kg.nt, kg.ttl, kg.jsonld and kg.trig is a head, entries in key order and a foot,
and an entry depends only on the lines of its subject (in its graph, for TriG): an
N-Triples entry is the subject's lines, a Turtle entry its block, a JSON-LD entry its node,
a TriG entry its block inside a graph (and each graph an opening and a closing entry).
A full build writes every entry and keeps an :class:`Index` of the file (each entry's key,
byte length and the prefixes it uses); a build after an edit renders the entries of the
subjects the edit changed and copies every other entry's bytes from the file it wrote
before (:func:`splice`), so the bytes are those a full build would write::

    >>> import io
    >>> lines = ['<https://w3id.org/summit-kg/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲" .']
    >>> render = Renderer()
    >>> stream = io.BytesIO()
    >>> index = write(stream, NT, [(key, *render.nt(group)) for key, group in by_subject(lines)])
    >>> index.keys, stream.getvalue() == (lines[0] + "\\n").encode()
    (['<https://w3id.org/summit-kg/id/a> '], True)
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from typing import BinaryIO

from kg import jsonld
from kg.turtle import SubjectBlocks
from kg.vocab import CONTEXT_IRI, PREFIXES

NT, TTL, JSONLD, TRIG = "nt", "ttl", "jsonld", "trig"
#: The prefixes' names in a fixed order: bit i of an entry's mask says it uses PREFIX_NAMES[i].
PREFIX_NAMES = tuple(PREFIXES)
_PREFIX_IRIS = {name: str(namespace) for name, namespace in PREFIXES.items()}
_DEFAULT_GRAPH = ""  # the TriG key of the default graph, which comes first


@dataclass
class Index:
    """Where each entry of one written file is: keys sorted, with each entry's length in
    bytes and its prefixes (a bit mask), and the bytes before and after the entries."""

    kind: str
    keys: list[str] = field(default_factory=list)
    lengths: array = field(default_factory=lambda: array("q"))
    masks: array = field(default_factory=lambda: array("Q"))
    head: int = 0  # bytes of the file before the first entry
    skip: int = 0  # bytes of the first entry the file leaves out (JSON-LD's leading ",\n")
    sha256: str = ""
    size: int = 0
    lines: int = 0  # of an N-Triples file


class Unindexable(Exception):
    """The file cannot be written as entries (a JSON-LD graph with a blank node, a list, or fewer than two nodes)."""


def by_subject(lines: Sequence[str]) -> Iterator[tuple[str, list[str]]]:
    """Sorted N-Triples lines grouped by subject, each with its key (the subject and a space,
    which sorts the groups as the lines sort).

    A group ends before the first line at or after its subject and ``!``: no term holds a
    character at or below the space, so every later line sorts there; found by bisection, not
    by reading each line's subject (a graph's lines in two thirds of the time)."""
    start, end = 0, len(lines)
    while start < end:
        first = lines[start]
        key = first[:first.index(" ") + 1]
        stop = bisect_left(lines, f"{key[:-1]}!", start + 1, end)
        yield key, lines[start:stop]
        start = stop


def graph_key(graph: str | None, subject_key: str | None = None, *, closing: bool = False) -> str:
    """A TriG entry's key: graphs in order (the default graph first), within each its opening,
    its subjects, its closing."""
    name = _DEFAULT_GRAPH if graph is None else graph
    if closing:
        return f"{name}\x01"
    return f"{name}\x00{subject_key or ''}"


class Renderer:
    """The entries of each format, each IRI's prefixed name and each predicate's compaction worked out once."""

    def __init__(self, context: dict | None = None) -> None:
        self._blocks = SubjectBlocks(_PREFIX_IRIS)  # bit i of a mask: the i-th prefix, as PREFIX_NAMES
        self._compactor = jsonld._Compactor(context if context is not None else _context())

    def nt(self, lines: Sequence[str]) -> tuple[bytes, int]:
        return ("\n".join(lines) + "\n" if lines else "").encode("utf-8"), 0

    def ttl(self, lines: Sequence[str]) -> tuple[bytes, int]:
        """A Turtle block, after the blank line that parts it from the one before."""
        block, mask = self._blocks.block(lines)
        return block.encode("utf-8"), mask

    def trig(self, lines: Sequence[str]) -> tuple[bytes, int]:
        """A block inside a graph, indented, after a blank line (the first after the graph's opening line)."""
        block, mask = self._blocks.block(lines, "    ")
        return block.encode("utf-8"), mask

    def jsonld(self, lines: Sequence[str]) -> tuple[str, bytes]:
        """The node's key (its compacted id) and its text as an item of ``@graph``, after ``,\\n``.

        Raises :class:`Unindexable` for a subject the straight writer leaves to rdflib."""
        try:
            nodes = list(self._compactor.nodes(lines))
        except jsonld.Unsupported as error:
            raise Unindexable(str(error)) from None
        key, text = jsonld._written(nodes[0], "    ")
        return key, (",\n    " + text).encode("utf-8")


def opening(graph: str | None) -> bytes:
    """A TriG graph's opening: the default graph first, every other after a blank line."""
    return b"{" if graph is None else f"\n<{graph}> {{".encode("utf-8")


CLOSING = b"}\n"


def write(stream: BinaryIO, kind: str, entries: Iterable[tuple[str, bytes, int]], *,
          spooled: BinaryIO | None = None) -> Index:
    """Writes a file of ``kind`` from ``entries`` (key, bytes, prefix mask) given in key order
    (:class:`Writer`). Raises :class:`Unindexable` for a JSON-LD file of fewer than two nodes
    (written without ``@graph``)."""
    writer = Writer(stream, kind, spooled=spooled)
    for key, data, mask in entries:
        writer.add(key, data, mask)
    return writer.close()


class Writer:
    """A file of ``kind`` written an entry at a time, entries given in key order.

    Turtle and TriG name the prefixes their entries use in the head, so their entries wait
    in ``spooled`` (a temporary file) until all are known."""

    def __init__(self, stream: BinaryIO, kind: str, *, spooled: BinaryIO | None = None) -> None:
        self.stream, self.kind = stream, kind
        self.index = Index(kind, skip=2 if kind == JSONLD else 0)
        self._digest = hashlib.sha256()
        self._body = spooled if kind in (TTL, TRIG) else stream
        self._written = 0
        pending = _head(kind, 0) if kind not in (TTL, TRIG) else b""
        if pending:
            stream.write(pending)
            self._digest.update(pending)
        self.index.head = len(pending)

    def add(self, key: str, data: bytes, mask: int) -> None:
        """Raises :class:`Unindexable` for a key that does not come after the last one."""
        index = self.index
        if index.keys and key <= index.keys[-1]:
            raise Unindexable(f"two entries in one place ({key!r})")
        index.keys.append(key)
        index.lengths.append(len(data))
        index.masks.append(mask)
        if self.kind == NT:
            index.lines += data.count(b"\n")
        part = data[index.skip:] if not self._written and index.skip else data
        self._body.write(part)
        if self._body is self.stream:
            self._digest.update(part)
        self._written += len(part)

    def close(self) -> Index:
        """Writes the head (Turtle, TriG) and foot; the file's index. Raises :class:`Unindexable`
        for a JSON-LD file of fewer than two nodes."""
        index, stream, digest = self.index, self.stream, self._digest
        if self.kind == JSONLD and len(index.keys) < 2:
            raise Unindexable("a JSON-LD document of fewer than two nodes has no @graph")
        if self.kind in (TTL, TRIG):
            head = _head(self.kind, _union(index.masks))
            stream.write(head)
            digest.update(head)
            index.head = len(head)
            self._body.seek(0)
            while chunk := self._body.read(1 << 20):
                stream.write(chunk)
                digest.update(chunk)
        foot = _foot(self.kind)
        stream.write(foot)
        digest.update(foot)
        index.sha256, index.size = digest.hexdigest(), index.head + self._written + len(foot)
        return index


def splice(old: Index, old_path: str, changes: dict[str, tuple[bytes, int] | None], new_path: str) -> Index:
    """Writes ``new_path``: the file at ``old_path`` (indexed by ``old``) with the entries of
    ``changes`` put in (key → bytes and prefix mask) or taken out (key → None); every
    other entry's bytes are copied from the old file. Returns the new file's index."""
    keys, lengths, masks = old.keys, old.lengths, old.masks
    starts = array("q", [0]) if not keys else _starts(lengths)
    pieces: list[tuple[int, int] | bytes] = []  # body ranges of the old file, or new bytes
    new = Index(old.kind, skip=old.skip)
    cursor = 0  # the next old entry not yet taken
    for key in sorted(changes):
        at = bisect_left(keys, key, lo=cursor)
        if at > cursor:
            pieces.append((starts[cursor], starts[at]))
            new.keys.extend(keys[cursor:at])
            new.lengths.extend(lengths[cursor:at])
            new.masks.extend(masks[cursor:at])
        cursor = at + 1 if at < len(keys) and keys[at] == key else at
        change = changes[key]
        if change is not None:
            pieces.append(change[0])
            new.keys.append(key)
            new.lengths.append(len(change[0]))
            new.masks.append(change[1])
    if cursor < len(keys):
        pieces.append((starts[cursor], starts[len(keys)]))
        new.keys.extend(keys[cursor:])
        new.lengths.extend(lengths[cursor:])
        new.masks.extend(masks[cursor:])
    if old.kind == JSONLD and len(new.keys) < 2:
        raise Unindexable("a JSON-LD document of fewer than two nodes has no @graph")
    head = _head(old.kind, _union(new.masks))
    foot = _foot(old.kind)
    new.head = len(head)
    digest = hashlib.sha256()
    with open(old_path, "rb") as source, open(new_path, "wb") as target, _mapped(source) as view:
        target.write(head)
        digest.update(head)
        drop = new.skip
        for piece in pieces:
            if isinstance(piece, bytes):
                data = piece[drop:]
                target.write(data)
                digest.update(data)
            else:
                start, end = piece[0] + drop, piece[1]
                _copy(view, target, old.head + start - old.skip, end - start, digest)
            drop = 0
        target.write(foot)
        digest.update(foot)
        new.size = target.tell()
    new.sha256 = digest.hexdigest()
    return new


#: Bytes copied and hashed at a time: small enough to stay in the core's cache between the two.
_CHUNK = 1 << 20


@contextmanager
def _mapped(source: BinaryIO) -> Iterator[memoryview]:
    """The whole of ``source`` as memory, read from the page cache as it is copied (no copy in
    between); an empty file as an empty view."""
    size = os.fstat(source.fileno()).st_size
    if not size:
        yield memoryview(b"")
        return
    with mmap.mmap(source.fileno(), size, access=mmap.ACCESS_READ) as mapped:
        mapped.madvise(mmap.MADV_SEQUENTIAL)
        with memoryview(mapped) as view:
            yield view


def _copy(view: memoryview, target: BinaryIO, offset: int, length: int, digest) -> None:
    """``length`` bytes of ``view`` from ``offset`` appended to ``target`` and hashed (neither
    holds the interpreter's lock, so files spliced in threads use every core)."""
    if offset + length > len(view):
        raise OSError(f"{target.name}: the file spliced is shorter than its index says")
    for at in range(offset, offset + length, _CHUNK):
        with view[at:min(at + _CHUNK, offset + length)] as chunk:
            target.write(chunk)
            digest.update(chunk)


def _starts(lengths: array) -> array:
    return array("q", accumulate(lengths, initial=0))


def _union(masks: array) -> int:
    union = 0
    for mask in set(masks):
        union |= mask
    return union


def _head(kind: str, mask: int) -> bytes:
    if kind == JSONLD:
        said = json.dumps(CONTEXT_IRI, ensure_ascii=False, indent=2, sort_keys=True)
        return f'{{\n  "@context": {said.replace(chr(10), chr(10) + "  ")},\n  "@graph": [\n'.encode("utf-8")
    if kind in (TTL, TRIG):
        used = sorted(name for index, name in enumerate(PREFIX_NAMES) if mask >> index & 1)
        prefixes = "".join(f"@prefix {name}: <{_PREFIX_IRIS[name]}> .\n" for name in used)
        return (prefixes + ("\n" if kind == TRIG else "")).encode("utf-8")
    return b""


def _foot(kind: str) -> bytes:
    return b"\n  ]\n}\n" if kind == JSONLD else b""


def _context() -> dict:
    from kg.export import context

    return context()


def sha256_of(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


Entries = Callable[[], Iterator[tuple[str, bytes, int]]]
