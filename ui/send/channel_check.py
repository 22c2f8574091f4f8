"""The review step's channel check: each channel the campaign uses, whether it can send.

For each channel of the plan it shows the four things it needs (set up, tested,
secrets unlocked, sender running) and its problem in plain words
(``channels.readiness`` decides, ``ui.send.readiness_words`` says it). A channel
that cannot send holds the campaign back: ``can_queue()`` is False and the
button beside the problem fixes it — Settings ▸ Messages, "Unlock…" (the
passphrase of the encrypted secrets file) or "Start sending again".

A "SMS, else email" campaign's email fallbacks go only when an SMS fails: an
email channel that cannot send is shown, as a warning, but does not hold it back.

Signals:
    changed(): the check's outcome may have changed (``can_queue``).
    settings_requested(): the user asked for Settings ▸ Messages.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from channels import readiness
from surveys.times import zone_named
from ui.common.passphrase_dialog import PassphraseDialog
from ui.context import AppContext
from ui.send import readiness_words as words
from ui.send.labels import channel_name
from ui.send.readiness_watch import ReadinessWatch

_OK, _NOT = "✓", "✗"


class ChannelCheck(QWidget):
    """See the module docstring."""

    changed = Signal()
    settings_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.required: tuple[str, ...] = ()
        self.optional: tuple[str, ...] = ()
        self.watch = ReadinessWatch(context, self)
        self.watch.changed.connect(self._show)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.fix_button = QPushButton()
        self.fix_button.hide()
        self.fix_button.clicked.connect(self.fix)
        self._fix = ""
        self.unlock_dialog: PassphraseDialog | None = None
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.fix_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addLayout(row)

    def check(self, required: set[str], optional: set[str]) -> None:
        """Check these channels (``optional``: fallbacks that go only if another fails)."""
        order = readiness.CHANNELS
        self.required = tuple(c for c in order if c in required)
        self.optional = tuple(c for c in order if c in optional - required)
        self.text.setText(self.tr("Checking the channels…"))
        self.fix_button.hide()
        self.watch.reread()
        self.watch.timer.start()  # a lane may report a problem while the step is shown
        self.changed.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        self.watch.timer.stop()
        super().hideEvent(event)

    def blocked(self) -> list[readiness.ChannelState]:
        """The required channels that cannot send (all of them until the check is read)."""
        states = self.watch.states
        return [states[c] for c in self.required if c not in states or not states[c].can_send]

    def can_queue(self) -> bool:
        return self.watch.loaded and bool(self.watch.states) and not self.blocked()

    def _show(self) -> None:
        zone = zone_named(self.context.settings.time_zone)
        title = self.tr("Channels")
        parts = [f"<b>{escape(title)}</b>"]
        first_fix = ""
        for channel in self.required + self.optional:
            state = self.watch.states.get(channel)
            if state is None:
                continue
            items = " · ".join(
                f"{_OK if fine else _NOT} {escape(text)}"
                for fine, text in words.checklist(state, zone)
            )
            name = escape(channel_name(channel))
            if channel in self.optional:
                name = escape(self.tr("{channel} (if an SMS fails)").format(channel=name))
            problem = escape(words.problem_text(state))
            if not state.can_send and channel in self.required:
                problem = f'<span style="color:#c62828"><b>{problem}</b></span>'
                first_fix = first_fix or words.fix_of(state)
            parts.append(f"<b>{name}</b>: {items}<br>{problem}")
        if self.blocked():
            parts.append(
                escape(self.tr("The campaign cannot be queued until every channel can send."))
            )
        self.text.setText("<br>".join(parts))
        self._fix = first_fix
        self.fix_button.setText(words.fix_label(first_fix))
        self.fix_button.setVisible(bool(first_fix))
        self.changed.emit()

    def fix(self) -> None:
        """Do what the first problem needs."""
        if self._fix == words.FIX_SETTINGS:
            self.settings_requested.emit()
        elif self._fix == words.FIX_UNLOCK:
            dialog = PassphraseDialog(self.context, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: setattr(self, "unlock_dialog", None))
            self.unlock_dialog = dialog
            dialog.open()
        elif self._fix == words.FIX_RESTART:
            self.context.channels_saved.emit(None)  # KoeApp restarts the sender
