"""The HTTP layer of ``kg serve``: granian's Rust HTTP/1.1 server calling the WSGI application.

granian parses requests, keeps connections and writes answers in Rust (hyper), outside
Python's interpreter lock; only the application runs in Python. On this machine it
serves a trivial WSGI application about ten times faster than waitress did. We drive
granian's worker on a socket bound here, not through its process manager, so that port 0
works (the port is known before the first request), one listening socket can be shared
by several processes, and the same server runs an :class:`~kg.server.app.App` in a
background thread for tests and notebooks.

The framing rules are hyper's (RFC 9112): a request with both ``Content-Length`` and
``Transfer-Encoding`` is read by its ``Transfer-Encoding`` alone and its connection is
closed after the answer, so a request smuggled behind it is never answered (RFC 9112
section 6.3 lets a server either reject such a request or do this; rejecting it with 400
cannot be done here: hyper drops the ``Content-Length`` before the application sees the
request, and granian 2.8 has no setting for it); a transfer coding other than ``chunked``
gets 400 and a closed connection; a client that has not sent its headers within
:data:`HEADER_SECONDS` is disconnected.

    >>> def hello(environ, start_response):
    ...     start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    ...     return [b"hi"]
    >>> server = Server(hello, host="127.0.0.1", port=0, threads=2)
    >>> server.start()
    >>> import urllib.request
    >>> urllib.request.urlopen(f"http://127.0.0.1:{server.port}/").read()
    b'hi'
    >>> server.close()
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import replace

from kg.errors import ConfigError
from kg.server.settings import Settings

#: Seconds a client may take to send a request's headers before it is disconnected.
HEADER_SECONDS = 10
#: Connections waiting to be accepted.
BACKLOG = 1024
#: Most seconds :meth:`Server.close` waits for the requests being answered.
CLOSE_SECONDS = 30
#: Most bytes of a request body read past what the application read (a refused upload), before hanging up.
DRAIN_BYTES = 32 * 1024 * 1024
#: Seconds an accept under way when the server stops accepting is given to end (a non-blocking accept: microseconds).
ACCEPT_SETTLE_SECONDS = 0.01

_BASE_ENVIRON = {
    "GATEWAY_INTERFACE": "CGI/1.1",
    "SCRIPT_NAME": "",
    "SERVER_SOFTWARE": "summit-kg",
    "wsgi.errors": sys.stderr,
    "wsgi.input_terminated": True,
    "wsgi.multiprocess": True,
    "wsgi.multithread": True,
    "wsgi.run_once": False,
    "wsgi.version": (1, 0),
}
_BAD_FRAMING = b"only the 'chunked' transfer coding is accepted; send the body with a Content-Length or chunked\n"
_FAILED = b"the server failed on this request; it is logged\n"


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (0: a free port), that child processes can share.

    Raises :class:`OSError` when the address cannot be bound (in use, not ours).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def bind(settings: Settings, *, port: int | None = None) -> tuple[socket.socket, Settings]:
    """A socket listening on the settings' host and port (or ``port``), and the settings with the
    port it got (when asked for port 0 and no public address is set, the links the server writes use it).

    Raises :class:`~kg.errors.ConfigError` when the address cannot be bound.
    """
    port = settings.port if port is None else port
    try:
        sock = listen(settings.host, port)
    except OSError as error:
        raise ConfigError(f"--host {settings.host} --port {port}: cannot listen there ({error.strerror or error}); "
                          "choose another --port (0: any free one)") from None
    if port == 0 and not settings.public_url:
        settings = replace(settings, port=sock.getsockname()[1])
    return sock, settings


def preload() -> None:
    """Import granian's modules (``kg serve``'s parent does, so that the HTTP processes it forks share them)."""
    from granian._futures import _new_cbscheduler  # noqa: F401
    from granian._granian import WSGIWorker  # noqa: F401
    from granian._loops import loops  # noqa: F401
    from granian.http import HTTP1Settings  # noqa: F401


class Server:
    """``app`` served over HTTP/1.1 on a socket (``sock``, or one bound to ``host``:``port``).

    :meth:`start` returns at once: granian's threads answer until :meth:`close`.
    ``threads`` is how many requests the application handles at once.
    """

    def __init__(self, app: Callable, *, host: str = "127.0.0.1", port: int = 0, threads: int,
                 sock: socket.socket | None = None) -> None:
        self.app = app
        self.threads = threads
        self.socket = sock if sock is not None else listen(host, port)
        self.port: int = self.socket.getsockname()[1]
        self._stop = None
        self._started = False
        #: the descriptor granian accepts on (its copy of the socket's); pointed elsewhere by :meth:`_stop_accepting`
        self._accepting: int | None = None
        #: True once it accepts no new connection (:meth:`stop_if_idle`): it stops once those it holds are closed
        self.draining = False
        self._counting = threading.Lock()
        #: notified as each request is answered (with ``_counting``)
        self._answered = threading.Condition(self._counting)
        self._in_flight = 0
        #: when the last request was answered (:func:`time.monotonic`); None: none yet
        self._last_answered: float | None = None

    def start(self) -> None:
        """Begin answering requests (in granian's own threads)."""
        # imported here: kg serve's parent binds the socket with this module and holds no HTTP server
        from granian._futures import _new_cbscheduler
        from granian._granian import SocketHolder, WorkerSignal, WSGIWorker
        from granian._loops import loops
        from granian.http import HTTP1Settings

        self._stop = WorkerSignal()
        loop = loops.get("asyncio")
        self._accepting = os.dup(self.socket.fileno())
        handle = SocketHolder(self._accepting, False, BACKLOG)  # granian closes its copy on stop
        worker = WSGIWorker(
            1, (None, handle), None,
            1,  # the Rust runtime's own threads: HTTP parsing and I/O
            512,  # its threads for blocking I/O
            self.threads, 30,  # the application's threads, kept 30 s when idle
            max(self.threads * 4, 64),  # requests accepted at once; more wait in the backlog
            "1", HTTP1Settings(header_read_timeout=HEADER_SECONDS * 1000), None, None,
            False, None, None, None, "tls1.3", None, [], False,  # no TLS: put a proxy in front for https
            (None, None),  # no metrics
        )
        worker.serve_mtr(_new_cbscheduler(loop, self._answer, impl_asyncio=True), loop, self._stop)
        self._started = True

    def close(self) -> None:
        """Stop answering, close the socket, and return once the requests begun are answered (at
        most :data:`CLOSE_SECONDS`): the caller may close what they use."""
        with self._counting:
            self._halt()
        try:
            self.socket.close()
        except OSError:
            pass
        with self._counting:
            self._answered.wait_for(lambda: not self._in_flight, CLOSE_SECONDS)

    def stop_if_idle(self, seconds: float) -> bool:
        """Stop answering (True) when the last request was answered ``seconds`` ago or more, none is
        being answered and no client holds a connection to this process; else go on (False).

        A client holding a connection, kept alive or with its request still on the way, keeps the
        server answering (granian would close such a connection at the stop, and the request sent on
        it would be lost); connections not yet accepted stay in the listening socket's queue, for the
        other processes that share it. Once idle, the server first stops accepting connections
        (:attr:`draining`), then looks again: one accepted between the first look and that moment
        (the race the first look alone left, which dropped its request) is answered here, and the
        stop waits until its client closes it (asked again, this returns True then). Decided and
        stopped under the lock each request is counted in with, so a request that comes after the
        decision is one the stop let through: :meth:`close` waits for it.
        """
        with self._counting:
            settle = not self.draining
            if settle:
                if (self._in_flight or self._last_answered is None
                        or time.monotonic() - self._last_answered < seconds or connections_held()):
                    return False
                self._stop_accepting()
        if settle:
            time.sleep(ACCEPT_SETTLE_SECONDS)  # an accept under way as it stopped has ended: what it holds now is all
        with self._counting:
            if self._in_flight or connections_held():
                return False
            self._halt()
            return True

    def _stop_accepting(self) -> None:
        """Point granian's accepting descriptor at a listening socket no client reaches (a Unix socket
        with an abstract name of the kernel's choosing, non-blocking: granian's accepts find nothing), so
        that no further connection is accepted here while those it holds are still answered; the ones
        waiting on the shared socket are for the other processes (the lock is held)."""
        if not self._started or self._accepting is None:
            return
        try:
            nowhere = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except (OSError, AttributeError):  # no Unix sockets here: stopped as before, the race left open
            return
        try:
            nowhere.bind("")  # Linux: a name of its own choosing
            nowhere.listen(1)
            nowhere.setblocking(False)
            os.dup2(nowhere.fileno(), self._accepting)
        except OSError:
            return
        finally:
            nowhere.close()  # granian's descriptor holds it now, and closes it at the stop
        self.draining = True

    def _halt(self) -> None:
        """Stop accepting connections (the lock is held)."""
        if self._started:
            self._stop.set()
            self._started = False

    def _answer(self, proto, scope: dict) -> int:
        """One request, counted while it is answered (:meth:`stop_if_idle`, :meth:`close`)."""
        with self._counting:
            self._in_flight += 1
        try:
            return self._answer_counted(proto, scope)
        finally:
            with self._counting:
                self._in_flight -= 1
                self._last_answered = time.monotonic()
                self._answered.notify_all()

    def _answer_counted(self, proto, scope: dict) -> int:
        """One request: the framing check, then the application's answer."""
        environ = _BASE_ENVIRON | scope
        coding = environ.get("HTTP_TRANSFER_ENCODING")
        if coding is not None and coding.strip().lower() != "chunked":
            proto.response_bytes(400, [("Content-Type", "text/plain; charset=utf-8"), ("Connection", "close")], _BAD_FRAMING)
            return 400
        response = _Response()
        try:
            body = b"".join(self.app(environ, response))
        except Exception:  # noqa: BLE001 - one failed request is logged and answered, the server goes on
            traceback.print_exc(file=sys.stderr)
            proto.response_bytes(500, [("Content-Type", "text/plain; charset=utf-8")], _FAILED)
            return 500
        headers = response.headers
        has_body = coding is not None or environ.get("CONTENT_LENGTH", "0") not in ("", "0")
        if has_body and not _drain(environ["wsgi.input"]):  # a body too large to read through: answer, then hang up
            headers = [*headers, ("Connection", "close")]
        proto.response_bytes(response.status, headers, body)
        return response.status


def connections_held() -> int:
    """How many TCP connections this process holds open, listening sockets aside: a client's, kept
    alive or with a request on the way (Linux: its sockets met in the kernel's table; elsewhere 0)."""
    try:
        held = set()
        for descriptor in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{descriptor}")
            except OSError:
                continue  # closed meanwhile
            if target.startswith("socket:["):
                held.add(target[8:-1])
        count = 0
        for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
            try:
                with open(table, encoding="ascii") as lines:
                    next(lines)
                    for line in lines:
                        fields = line.split()
                        count += fields[3] != _LISTEN and fields[9] in held
            except FileNotFoundError:
                continue  # no IPv6 here
        return count
    except OSError:
        return 0


#: A listening socket's state in the kernel's table of TCP sockets.
_LISTEN = "0A"


def _drain(body) -> bool:
    """Read what the application left of a request body, so the client, still sending it,
    can read the answer (a refused 10 MB upload gets its 400, not a broken pipe); False
    when more than :data:`DRAIN_BYTES` were left."""
    left = DRAIN_BYTES
    while left > 0:
        chunk = body.read(min(left, 1 << 16))
        if not chunk:
            return True
        left -= len(chunk)
    return False


class _Response:
    """WSGI's ``start_response``: keeps the status and headers for granian."""

    __slots__ = ("status", "headers")

    def __init__(self) -> None:
        self.status = 200
        self.headers: list[tuple[str, str]] = []

    def __call__(self, status: str, headers: list[tuple[str, str]], exc_info=None) -> None:
        self.status = int(status[:3])
        self.headers = headers
