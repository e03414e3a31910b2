"""The build directory (``--out``): published files swapped in whole by one atomic rename.

Each build writes its files into a version directory of its own inside ``--out``
(``.kg-published/v-…``); one symlink, ``.kg-published/current``, names the published
version, and ``--out/kg.ttl`` and the other published names are symlinks through it. Turning
``current`` to a new version (a rename of one symlink) publishes every file at once, so::

    --out/kg.ttl        -> .kg-published/current/kg.ttl
    --out/.kg-published/current -> v-1764600000000000000-4242
    --out/links.ttl     (another command's file: never touched)

This works wherever ``--out`` lives (a mount point, a volume, another filesystem than its
parent) because nothing is renamed across directories of different filesystems and
``--out`` itself is never moved, replaced or re-created (its permission bits stay). Files
we did not write are never moved or deleted. ``kill -9`` at any moment leaves the old
version or the new one published; what a killed build left in ``.kg-published`` is
removed by the next one, under a lock, so two builds into one directory take turns.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import ConfigError

VERSIONS = ".kg-published"
CURRENT = "current"
_LOCK = "lock"


def publish(out: Path, names: tuple[str, ...], write: Callable[[Path], None]) -> tuple[Path, ...]:
    """Publishes the files ``names`` that ``write(directory)`` writes, all at once, in ``out``.

    Returns ``out / name`` for each name. Raises ConfigError when ``out`` is a file or
    cannot be written; whatever ``write`` raises propagates. In every failure the files
    published before stay published and nothing else in ``out`` changes.
    """
    versions = _versions_dir(out)
    with _locked(versions):
        current = _current(versions)
        _remove_stale(versions, keep=current)
        version = versions / f"v-{time.time_ns()}-{os.getpid()}"
        version.mkdir()
        os.chmod(version, stat.S_IMODE(out.stat().st_mode))  # readable by whoever may read --out
        write(version)
        for name in names:
            _fsync(version / name)
        _fsync(version)
        _point(versions / CURRENT, version.name)
        for name in names:
            _link_published(out, versions, name)
        if current is not None:
            shutil.rmtree(versions / current, ignore_errors=True)
    return tuple(out / name for name in names)


def write_beside(out: Path, name: str, data: bytes) -> Path:
    """Writes ``out/name`` atomically, outside the published version (a report, a summary)."""
    versions = _versions_dir(out)
    path = out / name
    temporary = versions / f".{name}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def remove_beside(out: Path, name: str) -> None:
    """Removes ``out/name`` that an earlier build wrote with :func:`write_beside`, if there."""
    (out / name).unlink(missing_ok=True)


def _versions_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; give a directory to publish into")
    try:
        out.mkdir(parents=True, exist_ok=True)
        versions = out / VERSIONS
        versions.mkdir(exist_ok=True)
    except OSError as error:
        raise ConfigError(f"--out {out}: cannot write there ({error.strerror}); give a writable directory") from None
    return versions


@contextmanager
def _locked(versions: Path) -> Iterator[None]:
    """Holds an exclusive lock on ``versions`` (released by the kernel if the process dies)."""
    with open(versions / _LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _current(versions: Path) -> str | None:
    """The name of the published version directory, if there is one."""
    link = versions / CURRENT
    if not link.is_symlink():
        return None
    target = os.readlink(link)
    return target if (versions / target).is_dir() else None


def _remove_stale(versions: Path, *, keep: str | None) -> None:
    """Removes what killed builds left: unpublished versions, half-made links and files.

    Everything in ``versions`` is ours; only the lock and the published version stay.
    """
    for entry in versions.iterdir():
        if entry.name in (_LOCK, CURRENT, keep):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _point(link: Path, target: str) -> None:
    """Makes the symlink ``link`` point at ``target`` in one rename."""
    temporary = link.with_name(f".{link.name}.{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, link)
    _fsync(link.parent)


def _link_published(out: Path, versions: Path, name: str) -> None:
    """``out/name`` → ``.kg-published/current/name``; an older build's plain file is replaced."""
    path = out / name
    target = f"{VERSIONS}/{CURRENT}/{name}"
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        raise ConfigError(f"--out {out}: {name} is a directory; move it away to publish there")
    temporary = versions / f".{name}.{os.getpid()}.link"
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, path)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
