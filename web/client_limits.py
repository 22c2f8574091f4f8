"""What Koe's own web server grants one client: time to send its request, and a place
among a bounded number of connections.

uvicorn closes an idle keep-alive connection, but it has no deadline for a client that
sends its headers or its body slowly ("slowloris"): such a socket is held for as long
as the client keeps it open, and a few hundred of them starve everyone else once a
connection cap is reached (or the process runs out of file descriptors). So:

- a connection waiting for a request (new, or after a response) must deliver complete
  headers within ``header_timeout`` seconds, counted from when it became its turn:
  trickling a byte at a time does not extend it;
- once the headers are in, the whole body within ``body_timeout`` seconds;
- while the site works on the request there is no deadline: that time is ours;
- a connection past its deadline is closed. Over TLS the handshake gets
  ``header_timeout`` too (asyncio's own default is 60 s).

At most ``max_connections`` connections are kept. When one more arrives, the
connection that has waited longest for its client (headers or body) is dropped to
make room, so slow sockets can never lock a respondent out; only when every
connection is busy in the site does uvicorn answer 503.

The deadlines are a subclass of uvicorn's HTTP protocol (h11, or httptools when
``uvicorn[standard]`` is installed: both keep the same state, which is all this reads:
``cycle`` with ``more_body`` and ``response_complete``, and ``on_response_complete``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from uvicorn.loops.asyncio import asyncio_loop_factory
from uvicorn.protocols.http.auto import AutoHTTPProtocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClientLimits:
    """Deadlines for a client's request, and the connection cap (see the module's text).

    Headers: a request's headers fit one packet, and 10 s leaves room for three TCP
    retransmissions (1 + 2 + 4 s) on a weak mobile signal. Body: 20 s is 26 kbit/s for
    the largest answer the site accepts (64 KB); a real answer is a few KB. Connections:
    a busy survey needs a few tens at once (a phone holds one or two for seconds); 500 keeps a
    small host inside the usual limit of 1,024 open files and a few tens of MB of
    buffers, and slow sockets beyond it give way rather than lock anyone out.
    """

    header_timeout: float = 10.0
    body_timeout: float = 20.0
    max_connections: int = 500


DEFAULT_LIMITS = ClientLimits()


class _Owed(Enum):
    """What a connection is waiting for from its client."""

    HEADERS = "headers"
    BODY = "body"


class _Deadlines:
    """Mixed in before uvicorn's HTTP protocol class; see ``protocol_class``."""

    limits: ClientLimits
    # Set by uvicorn's protocol (both implementations).
    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop
    cycle: Any
    connections: set[asyncio.Protocol]

    _timer: asyncio.TimerHandle | None = None
    _watched: tuple[_Owed | None, object] | None = None
    waiting_since = 0.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)  # type: ignore[misc]
        self._watch()
        self._make_room()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)  # type: ignore[misc]
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    @property
    def waiting_for_client(self) -> bool:
        return self._timer is not None

    def _owed(self) -> _Owed | None:
        cycle = self.cycle
        if cycle is None or cycle.response_complete:
            return _Owed.HEADERS
        if cycle.more_body:
            return _Owed.BODY
        return None  # the site's turn

    def _watch(self) -> None:
        """(Re)arm the deadline when the connection starts to wait for something new."""
        owed = self._owed()
        watched = (owed, self.cycle)
        if watched == self._watched:
            return  # still the same wait: more bytes do not buy more time
        self._disarm()
        self._watched = watched
        if owed is None or self.transport.is_closing():
            return
        timeout = self.limits.header_timeout if owed is _Owed.HEADERS else self.limits.body_timeout
        self.waiting_since = self.loop.time()
        self._timer = self.loop.call_later(timeout, self._expire, owed)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self, owed: _Owed) -> None:
        self._timer = None
        log.debug("closed a connection that sent no complete %s in time", owed.value)
        # close(), not abort(): a response still being written is finished first.
        self.transport.close()

    def _make_room(self) -> None:
        """Past the cap, drop the connection that has waited longest for its client."""
        if len(self.connections) <= self.limits.max_connections:
            return
        waiting = [
            other
            for other in self.connections
            if other is not self and isinstance(other, _Deadlines) and other.waiting_for_client
        ]
        if not waiting:
            return  # every connection is busy in the site: uvicorn answers 503
        oldest = min(waiting, key=lambda other: other.waiting_since)
        oldest._disarm()
        log.debug("%s connections: dropped the one waiting longest", len(self.connections))
        oldest.transport.abort()


def protocol_class(limits: ClientLimits) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol (the one it would pick itself) with ``limits`` enforced."""
    base = AutoHTTPProtocol
    return type(f"Limited{base.__name__}", (_Deadlines, base), {"limits": limits})


def tls_loop_factory(limits: ClientLimits) -> Callable[[], asyncio.AbstractEventLoop]:
    """An asyncio event loop whose TLS handshakes must finish within the header deadline.

    uvicorn creates the server without ``ssl_handshake_timeout``; a client that opens a
    connection and never finishes the handshake would be held 60 s, before any
    protocol sees it.
    """
    base: Any = asyncio_loop_factory()

    class HandshakeDeadlineLoop(base):  # type: ignore[misc, valid-type]
        async def create_server(self, *args: Any, **kwargs: Any) -> asyncio.Server:
            if kwargs.get("ssl") is not None:
                kwargs["ssl_handshake_timeout"] = limits.header_timeout
            return await super().create_server(*args, **kwargs)

    return HandshakeDeadlineLoop
