"""The served data: one on-disk store, written once, read by the app and every query worker.

The files are bulk-loaded into a pyoxigraph store in a private directory when the server
starts (or, with ``--store-cache``, into an entry of the store cache, which the next start over
the same files opens instead of loading them again: :mod:`kg.store_cache`), which is then opened read-only; the app reads it for pages and cheap queries and
each worker process opens it read-only too, so the data is held once (on disk and in the shared page cache), not once per
process. The same directory holds the query workers' error output (``logs/``), so that
everything a server run writes is in one place, removed when the server closes.

Data of up to ``--in-memory-quads`` quads (:data:`IN_MEMORY_QUADS` by default, about 110 MB
in memory: a synthetic corpus of 500 pages is 172,000) is read by the app from a copy in
memory. In a server that copy is loaded once, by the parent, and shared by the HTTP
processes it forks (:meth:`ServedData.load_apart`), each copying only the pages it writes
(the engine writes as it reads, so over time what it reads); :func:`app_store` makes one
from the on-disk store for an app on its own. Reading a term of an answer from the on-disk
store is a lookup in RocksDB, through its block cache of each process and then the system's
page cache: an entity's statements at 500 pages cost a server 195–220 µs of CPU a request
from disk against 115–140 from memory. Past the bound the one on-disk copy is read, so that
the memory of the server's processes does not grow with the data. The query workers always
read the on-disk store.

It is removed however the processes that use it end, even killed outright: a small
janitor process (``/bin/sh``, in a session of its own, so Ctrl-C and a hang-up do not
reach it) waits on a pipe whose write end only those processes hold (the one that loaded
the store, and each process it hands :attr:`ServedData.keeper` to) and removes the
directory once the last of them has ended. Before it, a server killed while it stopped
(its HTTP processes already gone, so none of them removed it) left its directory in
``/tmp``.

    >>> served = ServedData.load((Path("tests/data/query/fixture.trig"),))
    >>> len(served.store) > 100, sorted(p.name for p in served.directory.iterdir())
    (True, ['logs', 'store'])
    >>> served.close(); served.directory.exists()
    False
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import uuid
import weakref
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import QueryResultsFormat, RdfFormat, Store, serialize

from kg.errors import InputError
from kg.jsonld_guard import offline
from kg.store import DEFAULT_DATA
from kg.store_cache import Kept, Staging, admit, open_kept, store_key


#: Most quads the app holds in memory unless ``--in-memory-quads`` says otherwise (about 110 MB:
#: a quad costs about 440 bytes in memory); larger data is read from the on-disk store.
IN_MEMORY_QUADS = 250_000


@dataclass
class ServedData:
    """The store the server answers from, and the directory that holds it (``store/``) and the
    query workers' error output (``logs/``)."""

    directory: Path
    store: Store | None
    #: the janitor's pipe (its write end): the directory is removed once every process holding it has ended
    keeper: Connection | None = field(default=None, repr=False)
    #: what the overview pages embed (:func:`kg.server.app.overview`), made by the process that loaded
    #: the data (:meth:`load_apart`); None: each app makes it when first asked
    overview: str | None = field(default=None, repr=False)
    #: the directory that holds the on-disk store (``store/``) and what the loading wrote beside it:
    #: :attr:`directory`, or an entry of the store cache kept between runs (:mod:`kg.store_cache`)
    loaded: Path | None = None
    #: the entry of the store cache read (its shared lock held until :meth:`close`); None: none read
    kept: Kept | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.loaded is None:
            self.loaded = self.directory

    @property
    def store_path(self) -> Path:
        return self.loaded / "store"

    @property
    def logs(self) -> Path:
        return self.directory / "logs"

    @classmethod
    def load(cls, paths: tuple[Path, ...], *, in_memory_quads: int = IN_MEMORY_QUADS) -> ServedData:
        """Bulk-load ``paths`` into a new on-disk store; :attr:`store` is what :func:`app_store`
        gives for it with ``in_memory_quads``.

        Raises :class:`~kg.errors.InputError` when a file is missing, has an extension that
        is not an RDF format, or does not parse. Whatever ends the loading (an error, Ctrl-C,
        a signal turned into an exception) leaves no directory behind.
        """
        # named before it is made (a name no one else has), so that whatever interrupts the loading, even
        # between the directory's making and the next line, the clean-up below knows what to remove
        directory = Path(tempfile.gettempdir()) / f"kg-serve-{uuid.uuid4().hex}"
        store = keeper = None
        try:
            keeper = _janitor(directory)  # before the directory exists: from its making on, it is removed
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
            served = cls(directory, app_store(directory / "store", in_memory_quads=in_memory_quads), keeper)
            # removed by close(), or when the object is collected or the process exits, whichever comes
            # first; or, when this process is killed outright, by the janitor
            served._remove = weakref.finalize(served, _remove, directory, keeper)
        except BaseException as error:
            # closed first, so that its threads write no file into what is being removed: the frames of the
            # traceback hold it too (a stop signal lands where the loading spends its time, in _load)
            traceback.clear_frames(error.__traceback__)
            store = None
            _remove(directory, keeper)
            raise
        return served

    @classmethod
    def load_apart(cls, paths: tuple[Path, ...], *, in_memory_quads: int = IN_MEMORY_QUADS,
                   store_cache: Path | None = None) -> ServedData:
        """What :meth:`load` gives, for a process that forks the processes that serve: the on-disk
        store is written by another process (a new interpreter), so that this one never runs the
        engine's threads (a fork carries only the thread that makes it), and data of at most
        ``in_memory_quads`` quads is loaded again here, into :attr:`store` in memory, which the
        forked processes share page by page (None for larger data: they read the on-disk store).
        The loading process also makes what the overview pages embed (:attr:`overview`), so
        that no process that stays keeps the memory making it took.

        With ``store_cache``, what the loading process wrote is kept there for the next start over
        the same files (:mod:`kg.store_cache`), and a start that finds it kept loads nothing into
        the on-disk store: it opens the kept one. A cache that cannot be written is passed by (the
        store is loaded into the served directory, as without one), with one line saying so.

        Raises :class:`~kg.errors.InputError` as :meth:`load` does; whatever ends the loading
        leaves no directory and no loading process behind.
        """
        directory = Path(tempfile.gettempdir()) / f"kg-serve-{uuid.uuid4().hex}"
        keeper = kept = None
        try:
            keeper = _janitor(directory)
            directory.mkdir(mode=0o700)
            (directory / "logs").mkdir()
            kept = _kept(paths, store_cache) if store_cache is not None else None
            quads = kept.quads if kept is not None else _load_elsewhere(directory, paths)
            loaded = kept.directory if kept is not None else directory
            store = None
            if in_memory_quads and quads <= in_memory_quads:
                store = Store()
                for path in paths:
                    _load(store, path)
            served = cls(directory, store, keeper, overview=(loaded / OVERVIEW_NAME).read_text(encoding="utf-8"),
                         loaded=loaded, kept=kept)
            served._remove = weakref.finalize(served, _remove, directory, keeper, kept)
        except BaseException:
            _remove(directory, keeper, kept)
            raise
        return served

    @classmethod
    def open(cls, directory: Path, keeper: Connection | None = None, *, loaded: Path | None = None,
             in_memory_quads: int = IN_MEMORY_QUADS, store: Store | None = None) -> ServedData:
        """The store another process loaded into ``loaded`` (by default ``directory``): ``store`` when
        given (a copy in memory it shares), else read-only from disk (see :func:`app_store`); that
        process removes ``directory``. ``keeper``: its janitor's pipe, held while this process lives
        (the directory outlives it)."""
        served = cls(directory, store, keeper, loaded=loaded)
        if store is None:
            served.store = app_store(served.store_path, in_memory_quads=in_memory_quads)
        served._remove = lambda: None
        return served

    def with_store(self) -> ServedData:
        """This, with the on-disk store opened read-only here when :meth:`load_apart` left it to the
        processes it forks (data larger than ``in_memory_quads``): for a process that answers itself."""
        if self.store is None:
            self.store = Store.read_only(str(self.store_path))
        return self

    def close(self) -> None:
        """Remove the store's directory (when this process made it)."""
        self._remove()


def app_store(path: Path, *, in_memory_quads: int = IN_MEMORY_QUADS) -> Store:
    """The store the app reads: the on-disk store at ``path`` read-only, or a copy of it in memory
    when it holds at most ``in_memory_quads`` quads (0: always the on-disk store)."""
    on_disk = Store.read_only(str(path))
    if more_quads_than(on_disk, in_memory_quads):
        return on_disk
    in_memory = Store()
    in_memory.bulk_extend(on_disk.quads_for_pattern(None, None, None, None))
    return in_memory


def more_quads_than(store: Store, bound: int) -> bool:
    """Whether ``store`` holds more than ``bound`` quads, in all its graphs: asked of the engine, which
    skips them without making a Python quad of each (0.15 s for 250,000 read from disk, 5 s so)."""
    return bool(list(store.query(f"SELECT ?s WHERE {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }} OFFSET {int(bound)} LIMIT 1")))


#: The file beside the store that holds what the overview pages embed (see :func:`load_and_say`).
OVERVIEW_NAME = "overview.jsonld"
#: The file beside the store that holds the overview's triples as N-Triples, in order (see :func:`load_and_say`):
#: an HTTP process answers the overview's data from it, reading nothing of the store.
OVERVIEW_TRIPLES_NAME = "overview.nt"

#: The program that writes the on-disk store (see :meth:`ServedData.load_apart`).
_LOADER = "import sys; from kg.server.data import load_and_say; load_and_say(sys.argv[1], sys.argv[2:])"


def load_and_say(path: str, paths: list[str]) -> None:
    """Bulk-load ``paths`` into a new on-disk store at ``path``, write what the overview pages embed
    beside it (:data:`OVERVIEW_NAME`), the overview's triples (:data:`OVERVIEW_TRIPLES_NAME`) and the
    answers the overview pages read (:data:`kg.server.overview.KEPT`, each in its
    :func:`~kg.server.overview.kept_name`), close it, and say on the standard output ``loaded N``
    (the store holds N quads, in all its graphs) or ``error MESSAGE``."""
    try:
        store = Store(path)
        for data in paths:
            _load(store, Path(data))
        store.flush()
        store.optimize()
        quads = len(store)  # 0.25 s of CPU for a million quads read from disk
        from kg.server.app import overview_triples  # here: made in this short-lived process, its rdflib garbage ends with it
        from kg.server.overview import KEPT, kept_name
        from kg.server.representations import embedded

        triples = overview_triples(store)
        (Path(path).parent / OVERVIEW_NAME).write_text(embedded(triples).decode("utf-8"), encoding="utf-8")
        (Path(path).parent / OVERVIEW_TRIPLES_NAME).write_bytes(serialize(triples, format=RdfFormat.N_TRIPLES))
        for query in KEPT:  # the overview pages' answers: an HTTP process that asked them kept 20 MB of block cache
            store.query(query, use_default_graph_as_union=True).serialize(
                str(Path(path).parent / kept_name(query)), format=QueryResultsFormat.JSON)
        store = None  # closed: the engine waits for its background work to end
    except InputError as error:
        sys.stdout.write(f"error {error}")
        return
    sys.stdout.write(f"loaded {quads}")


#: The janitor: wait until no process holds the pipe's write end (read meets its end), then
#: remove the directory, again a few times if a file appears in it meanwhile.
_JANITOR = 'while read -r _; do :; done; for _ in 1 2 3 4 5; do [ -e "$1" ] || exit 0; rm -rf -- "$1"; sleep 1; done'


def _janitor(directory: Path) -> Connection | None:
    """Start the janitor of ``directory``; the write end of its pipe (None where no ``/bin/sh`` runs)."""
    reader, writer = os.pipe()  # neither is inherited by the processes this one starts, but as asked
    try:
        subprocess.Popen(["/bin/sh", "-c", _JANITOR, "kg-serve-janitor", str(directory)], stdin=reader,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        os.close(writer)
        return None
    finally:
        os.close(reader)
    return Connection(writer, readable=False)


def _remove(directory: Path, keeper: Connection | None, kept: Kept | None = None) -> None:
    shutil.rmtree(directory, ignore_errors=True)
    if keeper is not None:
        keeper.close()  # the janitor ends once the processes it was handed to have ended too
    if kept is not None:
        kept.release()  # the processes forked from this one hold the lock until they end


def _load_elsewhere(directory: Path, paths: tuple[Path, ...]) -> int:
    """Have a new interpreter bulk-load ``paths`` into ``directory/store`` and write beside it what
    the overview pages read (:func:`load_and_say`); the number of quads it holds."""
    code = str(Path(__file__).resolve().parents[2])  # the kg it runs is this one, wherever it came from
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (code, os.environ.get("PYTHONPATH"))))}
    # run() kills it when this process is interrupted (a stop signal is an exception here)
    loaded = subprocess.run([sys.executable, "-c", _LOADER, str(directory / "store"), *map(str, paths)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=environment)
    said = loaded.stdout.decode("utf-8", errors="replace")
    if said.startswith("error "):
        raise InputError(said[len("error "):])
    if loaded.returncode != 0 or not said.startswith("loaded ") or not said[len("loaded "):].isdigit():
        raise InputError(f"{', '.join(map(str, paths))}: the process loading the data ended before it had "
                         f"loaded them (exit status {loaded.returncode}); see the error output above")
    return int(said[len("loaded "):])


def keep_store(paths: tuple[Path, ...], cache: Path) -> int | None:
    """Load ``paths`` into the store cache ``cache`` as the first ``kg serve`` over them would, so that
    the first start opens it at once (``kg build --keep-store``); nothing is loaded when it is kept
    already. The quads the kept store holds; None when it could not be kept (said on the error output).

    Raises :class:`~kg.errors.InputError` as :meth:`ServedData.load` does."""
    kept = _kept(paths, cache, program="kg build", unkept="the first kg serve over them loads them",
                 choose="--store-cache a directory you may write, or leave out --keep-store")
    if kept is None:
        return None
    kept.release()
    return kept.quads


def _kept(paths: tuple[Path, ...], cache: Path, *, program: str = "kg serve",
          unkept: str = "they are loaded for this run only",
          choose: str = "--store-cache '' to keep none, or a directory you may write") -> Kept | None:
    """The entry of the store cache for ``paths``, loaded into it first when none is kept; None when
    the files cannot be looked at or the cache cannot be written (then they are loaded as without one,
    which ``unkept`` says, and ``choose`` what to pass instead)."""
    key = store_key(paths)
    if key is None:
        return None
    kept = open_kept(cache, key)
    if kept is not None:
        return kept
    try:
        staging = Staging.make(cache)
    except OSError as error:
        print(f"{program}: {cache}: cannot keep the store there ({error.strerror or error}); {unkept} "
              f"(pass {choose})", file=sys.stderr, flush=True)
        return None
    try:  # left by a process killed while loading, it is removed by the next that keeps a store there
        quads = _load_elsewhere(staging.path, paths)
        try:
            return admit(cache, key, staging, quads=quads)
        except OSError as error:
            print(f"{program}: {error}; {unkept}", file=sys.stderr, flush=True)
            return None
    finally:
        staging.close()


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
