"""The per-page build cache: a built page kept under its text's SHA-256 and the code's version.

Rebuilding a corpus after one article changed re-extracts that article only: every other
page's key (its text, where it came from, the build settings and a digest of the code,
shapes and data that build it) is unchanged, so its graph and report are read back. Only
pages that were built are kept (a page left out for a timeout may fit the next time). A
file that cannot be read back is a miss, never an error::

    >>> import tempfile
    >>> from kg.model import Page
    >>> cache = PageCache(Path(tempfile.mkdtemp()))
    >>> cache.get(Page("text", origin="a.wiki"), base="https://example.org/id/", check=True) is None
    True
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

from kg.model import Page

_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = (".py", ".ttl", ".tsv", ".jsonld", ".json")


@cache
def code_version() -> str:
    """A digest of every file of the package that can change what a page builds into."""
    digest = hashlib.sha256()
    for root, directories, files in os.walk(_PACKAGE, followlinks=True):
        directories[:] = sorted(d for d in directories if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(_SUFFIXES):
                path = Path(root) / name
                digest.update(str(path.relative_to(_PACKAGE)).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


class PageCache:
    """Built pages in ``directory``, one file per key (written whole, by rename)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, page: Page, *, base: str, check: bool) -> object | None:
        """What was stored for this page and these settings, or None."""
        return self.read(self.key(page, base=base, check=check))

    def read(self, key: str) -> object | None:
        """What was stored under ``key`` (:meth:`key`), or None."""
        path = self.directory / key[:2] / f"{key}.pickle"
        try:
            with open(path, "rb") as stream:
                return pickle.load(stream)
        except Exception:  # noqa: BLE001 - missing, truncated or from another Python: a miss
            return None

    def holds(self, key: str) -> bool:
        """Whether something is stored under ``key``."""
        return (self.directory / key[:2] / f"{key}.pickle").is_file()

    def put(self, page: Page, built: object, *, base: str, check: bool) -> None:
        """Stores ``built`` for this page; a cache that cannot be written is skipped silently."""
        self.keep(self.key(page, base=base, check=check), built)

    def keep(self, key: str, built: object) -> bool:
        """Stores ``built`` under ``key`` (:meth:`key`); whether it was (a cache that cannot be written is no error)."""
        return store_pickle(self.directory / key[:2] / f"{key}.pickle", built)

    def key(self, page: Page, *, base: str, check: bool) -> str:
        """The page's key: its text's SHA-256, where it came from, the settings and the code's version."""
        fields = (code_version(), base, str(check), page.sha256, page.origin, page.title or "", page.wiki,
                  page.language, str(page.revision_id), page.timestamp or "")
        return hashlib.sha256("\0".join(fields).encode("utf-8")).hexdigest()


def store_pickle(path: Path, value: object) -> bool:
    """Writes ``value`` to ``path`` whole or not at all (a temporary file renamed over it); a
    place that cannot be written is skipped silently: what is kept there is only a cache.
    Returns whether it was written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True
