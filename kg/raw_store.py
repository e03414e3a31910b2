"""The raw store a full build keeps for the next edit (:mod:`kg.incremental`): the articles'
graphs as the pages gave them, in an on-disk pyoxigraph store.

It is made in two halves. While the pages merge, each page's sorted N-Triples lines are
written as N-Quads of its article's graph to a file beside the store (:class:`RawLines`: a
byte replace a page, no term made). Loading that file into the store is RocksDB's bulk load
and compaction, about 17 s of CPU at a million quads (issue 15): done in the build's tail, it
took half a core from the files being written. So a build of a corpus leaves it to a process
of its own, at a lower priority, that the build does not wait for (:func:`fill_later`); a
build of a few pages loads it at once. Whoever needs the store first loads it
(:func:`whole`): the filling process, or the edit that comes before it is done, which waits
while another fills it. The lines file is removed once the store is whole and flushed, so a
store that has its lines file beside it is not whole, whatever is in it.
"""

from __future__ import annotations

import fcntl
import re
import shutil
import sys
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from kg.pool import leave_behind, lower_priority

#: Bytes of N-Quads a bulk load: each load adds sorted files over the whole key range that RocksDB's
#: compaction merges into the levels below, so the fewer the loads the less is rewritten (at 3,000 pages
#: 16 MiB a load cost the compaction 11 s of CPU, 64 MiB 3.3), and a load holds about five times its
#: N-Quads in memory (the whole corpus at once: +820 MiB at 3,000 pages).
BATCH = 64 << 20
#: The filling process's niceness: below the build that may follow it, as the named queries' answerer's.
NICENESS = 10
#: A blank node written as a subject or an object: the pages' lines are joined into one file, where
#: two pages' ``_:b0`` would be one node; a page that has one keeps no raw store.
_BLANK_NODE = re.compile(rb"(?:^|> )_:", re.MULTILINE)

#: The stores this process opened, by directory: RocksDB lets a process open a directory once, and a
#: handle can outlive the build that opened it (a query's iterator not yet collected), so a later
#: build in the same process takes the same handle.
_OPENED: dict[str, Store] = {}


def lines_of(path: Path) -> Path:
    """The N-Quads file the store at ``path`` is loaded from, there until it is whole."""
    return path.with_name(f"{path.name}.nq")


def _lock_of(path: Path) -> Path:
    return path.with_name(f"{path.name}.filling")


class RawLines:
    """The lines of a new raw store, written as the build's pages merge (:meth:`add`).
    A line that cannot be written (a disk full) gives the store up: the next build is a full one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.whole = True
        self._stream = open(lines_of(path), "wb")  # noqa: SIM115 - closed by close() or discard()

    def add(self, article: str, ntriples: bytes) -> None:
        """A page's sorted N-Triples lines (each ending " .\\n", the only newline a line holds), in
        ``article``'s graph."""
        if not self.whole:
            return
        if b"_:" in ntriples and _BLANK_NODE.search(ntriples):  # the regex alone, over every page, took 1 ms a page
            self.whole = False
            return
        try:
            self._stream.write(ntriples.replace(b" .\n", f" {NamedNode(article)} .\n".encode("utf-8")))
        except OSError:
            self.whole = False

    def close(self) -> bool:
        """Whether every line was written."""
        try:
            self._stream.close()
        except OSError:
            self.whole = False
        return self.whole

    def discard(self) -> None:
        self.close()
        forget(self.path)


def whole(path: Path, *, keep: bool = True) -> Store | None:
    """The store at ``path``, whole: loaded from its lines file first if it is still there, by this
    process, unless another process is loading it, which is waited for. With ``keep``, the store
    is opened and kept open in this process (:data:`_OPENED`); without, it is closed before the lock
    is let go, so the process that waited may open it. None when it cannot be loaded or opened."""
    try:
        lock = open(_lock_of(path), "a+b")  # noqa: SIM115 - closed below
    except OSError:
        return None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lines = lines_of(path)
        if lines.exists():
            _OPENED.pop(str(path), None)
            shutil.rmtree(path, ignore_errors=True)  # what a load that was stopped left
            try:
                store = _load(path, lines)
            except Exception:  # noqa: BLE001 - a disk full or anything else: a store not whole is given up
                shutil.rmtree(path, ignore_errors=True)
                return None
            lines.unlink(missing_ok=True)
            if not keep:
                del store  # closed before the lock is let go
                return None
            _OPENED[str(path)] = store
        if not keep or not path.is_dir():
            return None
        try:
            return opened(path)
        except OSError:  # another process holds it
            return None


def _load(path: Path, lines: Path) -> Store:
    store = Store(str(path))
    with open(lines, "rb") as stream:
        while chunk := stream.read(BATCH):
            # lenient: these lines were read strictly into the build's store (kg.pipeline.assemble)
            store.bulk_load(chunk + stream.readline(), RdfFormat.N_QUADS, lenient=True)
    store.flush()
    store.optimize()  # the loads' compaction done here, not left to the edit that opens the store next
    return store


def opened(path: Path) -> Store:
    """This process's handle of the store at ``path``. Raises OSError when another process holds it."""
    key = str(path)
    if key not in _OPENED:
        _OPENED[key] = Store(key)
    return _OPENED[key]


def forget(path: Path) -> None:
    """Removes the store at ``path`` and what is beside it."""
    _OPENED.pop(str(path), None)
    shutil.rmtree(path, ignore_errors=True)
    lines_of(path).unlink(missing_ok=True)
    _lock_of(path).unlink(missing_ok=True)


def fill_later(path: Path) -> None:
    """The store at ``path`` loaded from its lines by a new process in a session of its own, at a
    lower priority, which this one does not wait for (``python -m kg.raw_store PATH NICENESS``).
    If it cannot start, the next edit loads it (:func:`whole`)."""
    leave_behind("kg.raw_store", str(path), str(NICENESS))


if __name__ == "__main__":
    try:
        lower_priority(int(sys.argv[2]))
        whole(Path(sys.argv[1]), keep=False)
    except Exception:  # noqa: BLE001 - no one waits to be told: the next edit loads the store itself
        sys.exit(1)
