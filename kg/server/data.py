"""The served data: one on-disk store, written once, read by the app and every query worker.

The files are bulk-loaded into a pyoxigraph store in a private directory when the server
starts, which is then opened read-only; the app reads it for pages and cheap queries and
each worker process opens it read-only too, so the data is held once (on disk and in the shared page cache), not once per
process. The same directory holds the query workers' error output (``logs/``), so that
everything a server run writes is in one place, removed when the server closes.

    >>> served = ServedData.load((Path("tests/data/query/fixture.trig"),))
    >>> len(served.store) > 100, sorted(p.name for p in served.directory.iterdir())
    (True, ['logs', 'store'])
    >>> served.close(); served.directory.exists()
    False
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.errors import InputError
from kg.jsonld_guard import offline
from kg.store import DEFAULT_DATA


@dataclass
class ServedData:
    """The store the server answers from, and the directory that holds it (``store/``) and the
    query workers' error output (``logs/``)."""

    directory: Path
    store: Store | None

    @property
    def store_path(self) -> Path:
        return self.directory / "store"

    @property
    def logs(self) -> Path:
        return self.directory / "logs"

    @classmethod
    def load(cls, paths: tuple[Path, ...]) -> ServedData:
        """Bulk-load ``paths`` into a new on-disk store.

        Raises :class:`~kg.errors.InputError` when a file is missing, has an extension that
        is not an RDF format, or does not parse. Whatever ends the loading (an error, Ctrl-C,
        a signal turned into an exception) leaves no directory behind.
        """
        # named before it is made (a name no one else has), so that whatever interrupts the loading, even
        # between the directory's making and the next line, the clean-up below knows what to remove
        directory = Path(tempfile.gettempdir()) / f"kg-serve-{uuid.uuid4().hex}"
        store = None
        try:
            directory.mkdir(mode=0o700)
            (directory / "logs").mkdir()
            store = Store(str(directory / "store"))
            for path in paths:
                _load(store, path)
            store.flush()
            store.optimize()
            # closed (the engine waits for its background compaction to end) and opened again read-only:
            # then nothing writes into the directory, and removing it never races a write
            store = None
            served = cls(directory, Store.read_only(str(directory / "store")))
            # removed by close(), or when the object is collected or the process exits, whichever comes first
            served._remove = weakref.finalize(served, shutil.rmtree, directory, True)
        except BaseException:
            store = None  # closed first: its threads write no file into what is being removed
            shutil.rmtree(directory, ignore_errors=True)
            raise
        return served

    @classmethod
    def open(cls, directory: Path) -> ServedData:
        """The store another process loaded into ``directory``, read-only; that process removes it."""
        served = cls(directory, Store.read_only(str(directory / "store")))
        served._remove = lambda: None
        return served

    def close(self) -> None:
        """Remove the store's directory (when this process made it)."""
        self._remove()


def _load(store: Store, path: Path) -> None:
    rdf_format = RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if rdf_format is None:
        raise InputError(f"{path}: unknown RDF file extension; use .trig, .ttl, .nt, .nq, .jsonld or .rdf")
    if not path.is_file():
        hint = " (run `kg build` first, or pass --data FILE)" if path == DEFAULT_DATA else ""
        raise InputError(f"{path}: no such RDF file{hint}")
    try:
        if rdf_format == RdfFormat.JSON_LD:  # the published context answered from the shipped copy
            store.bulk_load(offline(path.read_bytes(), origin=str(path)), format=rdf_format)
        else:
            store.bulk_load(path=path, format=rdf_format)
    except SyntaxError as error:
        raise InputError(f"{path}: not valid {rdf_format.name}: {error}; fix or rebuild the file") from None
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot load: {error}") from None
