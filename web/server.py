"""Running the respondent site: inside the desktop app on a thread, or headless.

The listening socket is bound here, before uvicorn starts, so that "the port
is taken" is reported as a plain sentence in the caller's thread instead of
uvicorn's log line and ``sys.exit`` inside a worker thread.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from starlette.types import ASGIApp

from storage.settings import DEFAULT_PORT
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem
from web.client_limits import DEFAULT_LIMITS, ClientLimits, protocol_class, tls_loop_factory
from web.warmup import warm_up

log = logging.getLogger(__name__)

STOP_TIMEOUT = 5.0
# Python's cyclic garbage collector at its defaults ran a pass every few requests,
# and its older passes went over every object the process held since start-up
# (libraries, templates, the desktop's windows): 7% of the server's CPU under a
# busy minute's answers (perf, bench/collector.py). What start-up made is frozen
# out of its passes and the youngest generation is collected ten times less
# often; garbage cycles are still collected.
GC_YOUNGEST = 7000


def tune_collector() -> None:
    """Set the garbage collector for serving (once start-up is done; again is harmless)."""
    gc.collect()
    gc.freeze()
    _youngest, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNGEST, middle, oldest)


@dataclass(frozen=True)
class TlsFiles:
    """A certificate (chain) and its private key, PEM files, for serving HTTPS directly."""

    certificate: Path
    key: Path


class ServerError(Explained):
    """The respondent site could not start; its problem says why in plain words."""


def _config(
    app: ASGIApp, host: str, port: int, tls: TlsFiles | None, limits: ClientLimits
) -> uvicorn.Config:
    # No access log: request lines hold personal-link tokens. No proxy headers:
    # uvicorn would believe X-Forwarded-For from 127.0.0.1 by default; the site
    # decides itself, from the trusted proxies in the settings (web.ratelimit).
    # Slow or too many clients: web.client_limits. uvicorn's own cap is one above
    # ours, so it answers 503 only when no waiting connection could be dropped.
    # No WebSockets: the site has none, and an upgraded connection would escape
    # the deadlines. The asyncio loop, not uvloop: with uvloop the slow sockets
    # past the cap no longer make room and everyone gets 503
    # (tests/web/test_slow_clients.py), and it gained the answer posts nothing
    # (bench/collector.py); httptools, which uvicorn[standard] brings, is kept.
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol_class(limits),
        ws="none",
        limit_concurrency=limits.max_connections + 1,
        loop=tls_loop_factory(limits) if tls else "asyncio",  # type: ignore[arg-type]
        log_level="warning",
        lifespan="off",
        access_log=False,
        server_header=False,
        ssl_certfile=str(tls.certificate) if tls else None,
        ssl_keyfile=str(tls.key) if tls else None,
        proxy_headers=False,
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port``, or ServerError saying why not."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        words = QT_TRANSLATE_NOOP(
            "Problems", "Cannot listen on {host}: it is not a known address ({detail})."
        )
        raise ServerError(Problem(words, {"host": repr(host), "detail": str(error)})) from None
    sock = socket.socket(family, kind, proto)
    try:
        if os.name == "nt":
            # On Windows SO_REUSEADDR would let us steal a port another program holds.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)  # type: ignore[attr-defined]
        else:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        sock.close()
        raise ServerError(_bind_failure(host, port, error)) from None
    sock.set_inheritable(True)
    return sock


def _bind_failure(host: str, port: int, error: OSError) -> Problem:
    where: dict[str, str | int | Problem] = {"host": host, "port": port}
    if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "Port {port} on {host} is already in use by another program (perhaps another "
            "Koe). Choose another port in Settings, or close that program.",
        )
        return Problem(words, where)
    if error.errno in (errno.EACCES, errno.EPERM):
        words = QT_TRANSLATE_NOOP(
            "Problems", "Koe is not allowed to listen on port {port}; choose a port above 1024."
        )
        return Problem(words, where)
    if error.errno == errno.EADDRNOTAVAIL:
        return Problem(
            QT_TRANSLATE_NOOP("Problems", "{host} is not an address of this computer."), where
        )
    words = QT_TRANSLATE_NOOP("Problems", "Cannot listen on {host} port {port}: {detail}.")
    return Problem(words, {**where, "detail": str(error.strerror or error)})


def _loopback(host: str) -> str:
    """Where this machine reaches a server listening on ``host`` (any address: loopback)."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    return "::1" if host == "::" else host


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class EmbeddedServer:
    """The respondent site on a daemon thread of the desktop app.

    ``start()`` returns once the site answers requests; ``stop()`` lets
    requests in flight finish and waits for the thread; it may be started
    again afterwards. Port 0 picks a free port; ``url`` tells which.
    """

    def __init__(
        self,
        app: ASGIApp,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        limits: ClientLimits = DEFAULT_LIMITS,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self.limits = limits
        self._server = uvicorn.Server(_config(app, host, port, None, limits))
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._failure: Problem | None = None

    @property
    def url(self) -> str:
        """The site's base address, e.g. ``http://127.0.0.1:8765``."""
        return _url(self.host, self.port)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._server.started

    def start(self, timeout: float = 10) -> None:
        """Start serving; raises ServerError if the site is not up within ``timeout`` s."""
        if self._thread is not None:
            raise ServerError(
                Problem(QT_TRANSLATE_NOOP("Problems", "The respondent site is already running."))
            )
        self._socket = bind(self.host, self.port)
        self.port = self._socket.getsockname()[1]
        # A fresh uvicorn.Server each time, so a stopped site can be started again.
        self._server = uvicorn.Server(_config(self.app, self.host, self.port, None, self.limits))
        self._failure = None
        tune_collector()
        self._thread = threading.Thread(target=self._run, name="koe-web", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                self._cleanup()
                stopped = QT_TRANSLATE_NOOP(
                    "Problems", "The respondent site stopped while starting."
                )
                raise ServerError(self._failure or Problem(stopped))
            if time.monotonic() > deadline:
                self.stop()
                words = QT_TRANSLATE_NOOP(
                    "Problems", "The respondent site did not start within {seconds} seconds."
                )
                raise ServerError(Problem(words, {"seconds": f"{timeout:g}"}))
            time.sleep(0.01)
        warm_up(_loopback(self.host), self.port)

    def _run(self) -> None:
        assert self._socket is not None
        try:
            self._server.run(sockets=[self._socket])
        except SystemExit:
            # uvicorn exits the "process" when it cannot start; here that is only this thread.
            words = QT_TRANSLATE_NOOP("Problems", "The respondent site could not start on {url}.")
            self._failure = Problem(words, {"url": self.url})
        except OSError as error:
            self._failure = _bind_failure(self.host, self.port, error)
        except Exception as error:
            log.exception("the respondent site stopped")
            words = QT_TRANSLATE_NOOP("Problems", "The respondent site stopped: {detail}")
            self._failure = Problem(words, {"detail": str(error)})

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stop serving and wait for the thread; safe to call twice."""
        self._server.should_exit = True
        if self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the respondent site did not stop within %s s", timeout)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self._thread = None


def _warm_when_started(server: uvicorn.Server, host: str, port: int, tls: bool) -> None:
    deadline = time.monotonic() + 30
    while not server.started and not server.should_exit and time.monotonic() < deadline:
        time.sleep(0.01)
    if server.started:
        warm_up(host, port, tls=tls)


def serve_forever(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    *,
    tls: TlsFiles | None = None,
    limits: ClientLimits = DEFAULT_LIMITS,
) -> None:
    """Serve in the foreground until Ctrl+C (or SIGTERM); for ``python main.py serve``.

    With ``tls`` it serves HTTPS itself (a host without a reverse proxy).
    ``limits`` (web.client_limits) are the embedded site's unless given.

    Raises ServerError, before blocking, when the address cannot be used.
    Prints nothing: the command that calls it says what it serves.
    """
    sock = bind(host, port)
    server = uvicorn.Server(_config(app, host, sock.getsockname()[1], tls, limits))
    tune_collector()
    threading.Thread(
        target=_warm_when_started,
        args=(server, _loopback(host), sock.getsockname()[1], tls is not None),
        name="koe-warm-up",
        daemon=True,
    ).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        # uvicorn has already shut down cleanly; it re-raises the signal afterwards.
        pass
    finally:
        sock.close()
