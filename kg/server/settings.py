"""The settings of ``kg serve``: one table drives its options, its help, the docs and validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import ConfigError
from kg.iris import DEFAULT_BASE


@dataclass(frozen=True)
class Setting:
    """One server setting: its name, default and meaning, and what values it accepts."""

    name: str
    default: object
    help: str
    check: Callable[[object], bool]
    expected: str  # what check accepts, for the error message


#: The one table that drives ``kg serve``'s options and help, the docs, and validation.
SETTINGS: tuple[Setting, ...] = (
    Setting("host", "127.0.0.1", "Address to listen on.", lambda v: bool(str(v).strip()), "a host name or address"),
    Setting("port", 8000, "Port to listen on (0: any free port).", lambda v: 0 <= int(v) <= 65535, "0–65535"),
    Setting(
        "base", DEFAULT_BASE, "IRI base of the entities; {base}{kind}/{key} is served at /id/{kind}/{key}.",
        lambda v: str(v).startswith(("http://", "https://")) and str(v).endswith("/"), "an http(s) IRI ending in /",
    ),
    Setting("query_timeout", 10.0, "Seconds a SPARQL query may run before it is stopped.", lambda v: 0 < float(v) <= 3600, "0 < seconds ≤ 3600"),
    Setting("result_limit", 10_000, "Most rows or triples one query may return.", lambda v: int(v) >= 1, "a positive integer"),
    Setting("allow_service", False, "Allow SERVICE calls from queries to remote endpoints.", lambda v: isinstance(v, bool), "true or false"),
    Setting(
        "public_url", "", "The server's public address, for the links it writes about itself (sd:endpoint, "
        "void:sparqlEndpoint); default http://HOST:PORT. Never taken from a request's Host header.",
        lambda v: v == "" or _is_http_url(str(v)), "empty or an http(s) URL such as https://example.org/kg",
    ),
    Setting("workers", 2, "Query worker processes (queries running at once).", lambda v: 1 <= int(v) <= 64, "1–64"),
    Setting(
        "processes", 0, "HTTP server processes, each answering pages and cheap queries with the store opened read-only "
        "(0: one per core, at most 8). The query workers are shared out among them.", lambda v: 0 <= int(v) <= 64, "0–64",
    ),
    Setting("queue_wait", 2.0, "Seconds a query may wait for a free worker before it gets 503.", lambda v: 0 < float(v) <= 3600, "0 < seconds ≤ 3600"),
    Setting("client_queries", 2, "Queries one client address may have with the workers at once (more get 429).", lambda v: 1 <= int(v) <= 1000, "1–1000"),
    Setting("worker_memory", 4096, "Megabytes of memory a query may use in its worker, beyond what the worker holds once started; past it the query gets 413.", lambda v: 64 <= int(v) <= 1_048_576, "64–1048576 MB"),
    Setting(
        "in_memory_quads", 250_000, "Most quads held in memory (about 440 bytes each), loaded once by the server's parent and shared with "
        "the HTTP processes it forks (each copies the pages it reads: the engine writes as it reads): they answer pages "
        "and cheap queries about twice as fast from memory as from the on-disk store, which larger data is read from "
        "(0: always from disk).", lambda v: 0 <= int(v) <= 1_000_000_000, "0–1000000000",
    ),
    Setting(
        "worker_idle", 10.0, "Seconds a query worker may stay idle before it ends, giving back its memory (about 16 MB); "
        "the next query that needs one starts another, forked in about 0.05 s (0: workers never end when idle).",
        lambda v: 0 <= float(v) <= 86_400, "0–86400 seconds",
    ),
    Setting(
        "process_idle", 60.0, "Seconds an HTTP process may stay idle, once it has answered, before it is replaced by a "
        "new one forked from the server's parent, giving back what its reads kept (read from disk: its block cache of the "
        "store, its response cache; held in memory: the pages of the copy it wrote as it read; 25–35 MB each at 500 pages); "
        "the parent goes on listening meanwhile, so no connection is refused, and keeps the data held in memory for the new "
        "ones (0: HTTP processes are never replaced when idle, and the parent lets go of that copy once it has forked them).",
        lambda v: 0 <= float(v) <= 86_400, "0–86400 seconds",
    ),
    Setting(
        "store_cache", ".kg-cache/stores", "Directory where the on-disk store loaded from the files is kept for the next "
        "start over the same files, which opens it at once instead of loading them again (the two most recently "
        "used are kept; a store of a million quads takes about 250 MB); '' keeps none.",
        lambda v: isinstance(v, str) and "\0" not in v, "a directory, or '' for none",
    ),
    Setting(
        "response_cache", 32, "Megabytes of answers each HTTP process keeps for GET requests asked again (the data "
        "does not change while the server runs; 0: none kept).", lambda v: 0 <= int(v) <= 65_536, "0–65536 MB",
    ),
)


@dataclass(frozen=True)
class Settings:
    """The server's settings; see :data:`SETTINGS` for their meaning and defaults.

    Raises :class:`~kg.errors.ConfigError` when a value is out of range.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    base: str = DEFAULT_BASE
    query_timeout: float = 10.0
    result_limit: int = 10_000
    allow_service: bool = False
    public_url: str = ""
    workers: int = 2
    processes: int = 0
    queue_wait: float = 2.0
    client_queries: int = 2
    worker_memory: int = 4096
    in_memory_quads: int = 250_000
    worker_idle: float = 10.0
    process_idle: float = 60.0
    store_cache: str = ".kg-cache/stores"
    response_cache: int = 32

    def __post_init__(self) -> None:
        for setting in SETTINGS:
            value = getattr(self, setting.name)
            try:
                accepted = setting.check(value)
            except (TypeError, ValueError):
                accepted = False
            if not accepted:
                option = "--" + setting.name.replace("_", "-")
                raise ConfigError(f"{option} {value!r} is not valid; expected {setting.expected}")

    @property
    def root(self) -> str:
        """The server's public address, without a trailing slash: ``public_url``, or the host and port."""
        return self.public_url.rstrip("/") if self.public_url else f"http://{self.host}:{self.port}"

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint's public address: from ``public_url``, or the host and port."""
        return self.root + "/sparql"


def _is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return (
        parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.query and not parts.fragment
        and not any(c.isspace() or c in '<>"{}|\\^`' for c in value)
    )
