"""Starting the embedded survey site (web.app on uvicorn) for the desktop session.

``KoeApp`` (ui.session) starts it off the GUI thread at start and again when the
port changes; each stored response reaches the GUI thread through ``ResponseBridge``.
The web stack is imported only when the site starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from storage.workspace import Workspace
    from surveys.problems import Problem
    from web.server import EmbeddedServer


class ResponseBridge(QObject):
    """Carries the web server's ``on_response(survey_id)`` calls to the GUI thread.

    ``notify`` is called on a server thread; it only emits, and the queued
    connection delivers the id on the GUI thread. No widget is touched there.

    Signals:
        arrived(int): a response was stored for this survey id.
    """

    arrived = Signal(int)

    def notify(self, survey_id: int) -> None:
        self.arrived.emit(int(survey_id))


def launch_site(
    workspace: Workspace, host: str, port: int, on_response: Callable[[int], None]
) -> tuple[Starlette, EmbeddedServer | None, Problem | None]:
    """The site and its running server, or None and why it did not start (any thread)."""
    from web.app import create_app
    from web.server import EmbeddedServer, ServerError

    app = create_app(workspace, on_response=on_response)
    server = EmbeddedServer(app, host, port)
    try:
        server.start()
    except ServerError as error:
        return app, None, error.problem
    return app, server, None
