"""On-disk stores kept between runs: the same files are loaded into a store once, not at every start.

``kg serve`` bulk-loads its files into an on-disk pyoxigraph store and has the overview pages'
data written beside it (:mod:`kg.server.data`): at 2,000 pages (705,000 quads) about 15 s of CPU
before it answers. The loaded directory (``store/``, what was written beside it, and a line
saying how many quads the store holds) is kept in the store cache under a key made of the
identity of each file (its real path, size, modification time and inode: a build publishes each
version of its files into a directory of its own and never rewrites one, as for the answers
``kg query`` keeps, :mod:`kg.answers`), pyoxigraph's version and a digest of kg's code
(:func:`kg.cache.code_version`); the next start over the same files opens it read-only at once.
``kg query`` does not read it: the on-disk store gives an unordered query's rows in another order
than a store in memory, and what ``kg query`` prints must not depend on whether a server ran before.

An entry is made in a directory of its own in the cache (``.staging-…``) and renamed into
place once whole, so a reader never sees half an entry; two processes that load the same files
at once each make one, and the second to finish drops its own. The process making one holds an
exclusive lock on its ``lock`` file: one whose lock can be taken was left by a process that
ended while loading, and the next that makes an entry removes it. A process reading an entry holds
a shared lock on its ``lock`` file for as long as it reads (the processes it forks hold it too);
an entry is removed only under the exclusive lock, when more than :data:`MOST_KEPT` are kept,
the least recently opened first, so an entry in use is never removed. A kept entry that cannot
be read is a miss, never an error.

    >>> import tempfile
    >>> cache = Path(tempfile.mkdtemp())
    >>> key = store_key([Path("tests/data/query/fixture.trig")])
    >>> open_kept(cache, key) is None
    True
    >>> staging = Staging.make(cache)
    >>> (staging.path / "store").mkdir()
    >>> kept = admit(cache, key, staging, quads=3)
    >>> kept.quads, kept.directory == cache / key, staging.path.exists()
    (3, True, False)
    >>> kept.release(); open_kept(cache, key).quads
    3
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Where the stores are kept unless told otherwise (beside the answers ``kg query`` keeps).
DEFAULT_DIR = Path(".kg-cache/stores")
#: Most entries kept: a store of a million quads takes about 250 MB of disk.
MOST_KEPT = 2
_READY = "ready"
_LOCK = "lock"
_STAGING = ".staging-"
_MAKING = ".making-"
#: Seconds after which a directory still named ``.making-…`` was left by a process killed between making it
#: and locking it (two system calls apart), and is removed by the next maker.
MAKING_SECONDS = 60.0


@dataclass
class Kept:
    """An entry of the store cache, open for reading: ``directory`` holds ``store/`` and what was
    written beside it; the shared lock is held until :meth:`release` (or the process's end)."""

    directory: Path
    quads: int
    lock: int | None

    def release(self) -> None:
        if self.lock is not None:
            os.close(self.lock)
            self.lock = None


def store_key(paths: Sequence[Path]) -> str | None:
    """The key of the store loaded from ``paths``; None when a file cannot be looked at (then it is
    loaded as if nothing were kept, and the loading says what is wrong with it)."""
    import pyoxigraph

    from kg.cache import code_version
    from kg.store import identities

    files = identities(paths)
    if files is None:
        return None
    described = json.dumps([code_version(), pyoxigraph.__version__, files], ensure_ascii=False)
    return hashlib.sha256(described.encode("utf-8")).hexdigest()


def open_kept(cache: Path, key: str) -> Kept | None:
    """The entry kept under ``key``, its shared lock taken; None when there is none (or it cannot be read)."""
    entry = cache / key
    try:
        lock = os.open(entry / _LOCK, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(lock, fcntl.LOCK_SH)  # waits only while an entry is being removed: then it is gone below
        quads = int((entry / _READY).read_text(encoding="utf-8").split()[0])
        if not (entry / "store").is_dir():
            raise OSError(f"{entry}: no store")
        os.utime(entry / _READY)  # the most recently opened are kept
    except (OSError, ValueError, IndexError):
        os.close(lock)
        return None
    return Kept(entry, quads, lock)


@dataclass
class Staging:
    """A new directory in the cache to load an entry into (see :func:`admit`), its lock held
    exclusively while it is made."""

    path: Path
    lock: int | None

    @classmethod
    def make(cls, cache: Path) -> Staging:
        """Raises OSError when the cache cannot be written. Removes what a process that ended while
        making an entry left."""
        cache.mkdir(parents=True, exist_ok=True)
        for left in cache.glob(f"{_STAGING}*"):
            _remove_unless_used(left, rename=False)
        for left in cache.glob(f"{_MAKING}*"):  # a maker killed before its lock was held: old enough to be no one's
            if _older_than(left, MAKING_SECONDS):
                _remove_unless_used(left, rename=False)
        name = uuid.uuid4().hex
        making = cache / f"{_MAKING}{name}"  # named a staging only once its lock is held: a sweep never meets one unlocked
        making.mkdir(mode=0o700)
        lock = os.open(making / _LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(lock, fcntl.LOCK_EX)
        path = cache / f"{_STAGING}{name}"
        os.rename(making, path)
        return cls(path, lock)

    def close(self) -> None:
        """Remove the directory (unless :func:`admit` kept it) and let go of its lock."""
        if self.lock is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            os.close(self.lock)
            self.lock = None


def admit(cache: Path, key: str, staging: Staging, *, quads: int) -> Kept:
    """Keep ``staging`` (``store/`` loaded with ``quads`` quads, and what was written beside it) as
    the entry of ``key``, and open it; when another process kept one first, that one is opened and
    ``staging`` removed. The least recently opened entries past :data:`MOST_KEPT` are removed, unless in use."""
    (staging.path / _READY).write_text(f"{quads} quads\n", encoding="utf-8")
    for _ in range(2):
        try:
            os.rename(staging.path, cache / key)
        except OSError:
            kept = open_kept(cache, key)  # kept by another process meanwhile: theirs is the same
            if kept is not None:
                staging.close()
                break
            _remove_unless_used(cache / key)  # an entry that cannot be read: this one takes its place
        else:
            fcntl.flock(staging.lock, fcntl.LOCK_SH)  # made: read, like any other reader's
            kept, staging.lock = Kept(cache / key, quads, staging.lock), None
            break
    else:
        staging.close()
        raise OSError(f"{cache / key}: cannot keep the store there")
    _evict(cache, keep=key)
    return kept


def _evict(cache: Path, *, keep: str) -> None:
    entries = []
    for entry in cache.iterdir():
        if entry.name.startswith(".") or entry.name == keep:
            continue
        try:
            entries.append(((entry / _READY).stat().st_mtime_ns, entry))
        except OSError:
            continue  # not an entry (or being removed)
    entries.sort(reverse=True)
    for _, entry in entries[MOST_KEPT - 1:]:
        _remove_unless_used(entry)


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False  # gone meanwhile


def _remove_unless_used(entry: Path, *, rename: bool = True) -> None:
    """Remove ``entry`` unless a process holds its lock. An entry is renamed first, while locked: a reader
    that takes the lock after it finds no entry under its key."""
    try:
        lock = os.open(entry / _LOCK, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:  # an entry without its lock file, which no one can read: removed
        lock = None
    except OSError:
        return
    gone = entry
    try:
        if lock is not None:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if rename:
            gone = entry.with_name(f"{_STAGING}{uuid.uuid4().hex}")  # removed by the next maker if not here
            os.rename(entry, gone)
    except OSError:
        return  # in use (or removed by another process)
    finally:
        if lock is not None:
            os.close(lock)
    shutil.rmtree(gone, ignore_errors=True)
