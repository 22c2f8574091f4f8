"""Follows the channels' readiness (channels/readiness.py) for the Send page and the wizard.

The secrets' state is read on the worker (the keyring may be slow) when it can
have changed: at first, when the secrets file is unlocked, when the message
settings are saved. The sender's state (its lanes, their problems) lives in
memory and is read on each ``refresh``, with how many messages of each channel
are still to go. ``changed`` is emitted when any of it differs from before.

Signals:
    changed(): ``states`` or ``waiting`` changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from channels import readiness
from channels.readiness import ChannelState, SecretsState
from storage import outbox as outbox_store
from ui.common.page_jobs import guarded
from ui.context import AppContext

POLL_MS = 1500


class ReadinessWatch(QObject):
    """``states`` (channel → ChannelState) and ``waiting`` (channel → messages to go)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.states: dict[str, ChannelState] = {}
        self.waiting: dict[str, int] = {}
        self.secrets: SecretsState | None = None
        self._reading = False
        self._again = False
        self._stale = True  # the secrets' state must be read (again)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        for signal in (context.secrets_unlocked, context.channels_saved):
            signal.connect(self.reread)
        context.settings_changed.connect(self.reread)
        context.sender_changed.connect(self.refresh)

    @property
    def loaded(self) -> bool:
        return self.secrets is not None

    def reread(self, *_: object) -> None:
        """Read the secrets' state again, then refresh."""
        self._stale = True
        self.refresh()

    def refresh(self) -> None:
        """Re-read the counts (and the secrets when stale) on the worker; then recompute."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        folder, store = self.context.workspace.folder, self.context.secrets
        stale, self._stale = self._stale, False

        def job(db: object) -> tuple[SecretsState | None, dict[str, int]]:
            found = readiness.read_secrets(folder, store) if stale else None
            return found, outbox_store.waiting_by_channel(db)  # type: ignore[arg-type]

        self.context.worker.submit(job, guarded(self, self._read), guarded(self, self._failed))

    def _read(self, result: tuple[SecretsState | None, dict[str, int]]) -> None:
        self._reading = False
        found, waiting = result
        if found is not None:
            self.secrets = found
        self._update(waiting)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, _error: Exception) -> None:
        self._reading = False
        self._stale = True

    def _update(self, waiting: dict[str, int]) -> None:
        assert self.secrets is not None
        states = readiness.channel_states(self.context.settings, self.secrets, self.context.sender)
        if states != self.states or waiting != self.waiting:
            self.states, self.waiting = states, waiting
            self.changed.emit()
