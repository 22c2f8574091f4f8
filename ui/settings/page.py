"""The Settings page: language, business details, the survey site, workspace and backups.

Saving goes through ``AppContext.save_settings`` (the worker writes, the context
announces ``settings_changed``); nothing here touches the disk on the GUI thread.

Over 400 lines because it is the one form of the general settings and lays out the
panels beside it; each other section is a panel module of its own.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storage.settings import Settings
from ui.common.icons import icon
from ui.common.problem_words import error_text
from ui.common.widgets import heading, hint, server_status_text
from ui.context import CHANNELS, LOCAL_NETWORK, PUBLIC_HOST, AppContext
from ui.settings.backups_panel import BackupsPanel
from ui.settings.channels_panel import ChannelSettingsPanel
from ui.settings.digest_panel import DigestPanel
from ui.settings.embed_panel import EmbedPanel
from ui.settings.follow_up_panel import FollowUpSettingsPanel
from ui.settings.form_rows import align_form_labels
from ui.settings.lan_panel import LanPanel
from ui.settings.respondent_panel import RespondentSettingsPanel
from ui.settings.sync_panel import SyncPanel
from ui.settings.webhooks_panel import WebhooksPanel
from ui.setup.labels import kind_name, plan_text
from ui.sync_service import SyncView

# Each language is named in its own language, so anyone can find theirs.
LANGUAGE_NAMES = (("ja", "日本語"), ("en", "English"))
PORT_RANGE = (1024, 65535)
SECTION_MARGIN = 12  # pixels above a section's heading when show_section scrolls to it


def is_web_address(text: str) -> bool:
    """True for an http(s) address with a host, e.g. https://survey.example.com/koe."""
    if not text or any(ch.isspace() for ch in text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class SettingsPage(QWidget):
    """Edits the workspace's settings and shows where its data and backups are.

    Signals:
        saved(object): the settings were stored; carries the new Settings.
        set_up_requested(): "Set-up assistant…" was pressed (the main window opens it).
    """

    saved = Signal(object)
    set_up_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._saving = False

        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.business_name = QLineEdit()
        self.business_name.setPlaceholderText(self.tr("e.g. Sakura Bakery"))
        self.privacy_url = QLineEdit()
        self.privacy_url.setPlaceholderText("https://")
        self.language.setMinimumWidth(220)
        self.port = QSpinBox()
        self.port.setRange(*PORT_RANGE)
        self.port.setMinimumWidth(110)
        self.port.setGroupSeparatorShown(False)
        self.public_url = QLineEdit()
        self.public_url.setPlaceholderText(self.tr("Leave empty to use this computer"))
        self.set_up_status = QLabel()
        self.set_up_status.setWordWrap(True)
        self.set_up_button = QPushButton(self.tr("Set-up assistant…"))
        self.set_up_button.setToolTip(
            self.tr(
                "Your business's name, language, time zone and kind, and how customers "
                "reach the surveys"
            )
        )
        self.set_up_button.clicked.connect(self.set_up_requested)
        self.server_status = QLabel()
        self.server_status.setWordWrap(True)
        self.server_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save settings (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_status = QLabel()
        self.save_status.setWordWrap(True)
        # Window-wide, but only live while this page is the visible one.
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)

        self.folder_label = QLabel(str(context.workspace.folder))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.backups = BackupsPanel(context)

        self._build_layout()
        for edit in (self.business_name, self.privacy_url, self.public_url):
            edit.textChanged.connect(self._update_state)
        self.language.currentIndexChanged.connect(self._update_state)
        self.port.valueChanged.connect(self._update_state)
        context.settings_changed.connect(self._on_settings_changed)
        context.server_changed.connect(self._show_server)
        context.worker.failed.connect(self._on_save_failed)

        self._host_connected = False
        if context.sync is not None:
            context.sync.changed.connect(self._on_sync_view)
            self._host_connected = context.sync.view.configured
        self.load(context.settings)
        self._show_server(context.server_url, context.server_error)
        self._paint_icons()

    def _build_layout(self) -> None:
        # One form for both sections, so their fields line up in one column.
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(heading(self.tr("General")))
        form.addRow(
            _label_for(self.tr("Language"), self.language),
            _with_hint(
                self.language,
                self.tr("Koe switches to it when you save."),
                full_width=False,
            ),
        )
        form.addRow(
            _label_for(self.tr("Business name"), self.business_name),
            _with_hint(self.business_name, self.tr("Shown to customers on the survey page.")),
        )
        form.addRow(
            _label_for(self.tr("Privacy notice"), self.privacy_url),
            _with_hint(
                self.privacy_url,
                self.tr("A link to your privacy notice, shown on the survey page."),
            ),
        )
        set_up = QWidget()
        set_up_column = QVBoxLayout(set_up)
        set_up_column.setContentsMargins(0, 0, 0, 0)
        set_up_column.setSpacing(6)
        set_up_column.addWidget(self.set_up_status)
        set_up_column.addWidget(self.set_up_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(_label_for(self.tr("Set-up"), self.set_up_status), set_up)
        form.addRow(_spacer(8))
        form.addRow(heading(self.tr("Survey site")))
        form.addRow(_label_for(self.tr("Status"), self.server_status), self.server_status)
        form.addRow(
            _label_for(self.tr("Port"), self.port),
            _with_hint(
                self.port,
                self.tr("The port this computer serves surveys on (1024–65535)."),
                full_width=False,
            ),
        )
        self.public_url_hint = hint("")
        form.addRow(
            _label_for(self.tr("Public address"), self.public_url),
            _with_hint(self.public_url, self.public_url_hint),
        )

        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.save_status, 1)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)

        content = QWidget()
        content.setMaximumWidth(760)
        column = QVBoxLayout(content)
        column.setSpacing(10)
        column.setContentsMargins(24, 20, 24, 24)
        column.addWidget(heading(self.tr("Settings"), scale=1.5))
        column.addSpacing(6)
        column.addLayout(form)
        column.addSpacing(4)
        column.addLayout(save_row)
        column.addSpacing(8)
        column.addWidget(_rule())
        public_host = heading(self.tr("Public host"))
        column.addWidget(public_host)
        self.sync_panel = SyncPanel(self.context)
        align_form_labels(form, self.sync_panel.form)
        column.addWidget(self.sync_panel)
        column.addSpacing(8)
        lan_heading = heading(self.tr("On this network"))
        column.addWidget(lan_heading)
        self.lan_panel = LanPanel(self.context)
        column.addWidget(self.lan_panel)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Messages (SMS and email)")))
        self.channels = ChannelSettingsPanel(self.context)
        column.addWidget(self.channels)
        column.addSpacing(8)
        self.follow_up = FollowUpSettingsPanel(self.context)  # owners, alerts, follow-ups
        column.addWidget(self.follow_up)
        column.addSpacing(8)
        self.respondent = RespondentSettingsPanel(self.context)  # thank-you page, protection
        column.addWidget(self.respondent)
        self.follow_up.line_up_with(self.respondent)
        column.addSpacing(8)
        self.webhooks = WebhooksPanel(self.context)  # chats and webhooks (docs/webhooks.md)
        column.addWidget(self.webhooks)
        column.addSpacing(8)
        self.digest = DigestPanel(self.context)  # the owners' weekly digest
        column.addWidget(self.digest)
        column.addSpacing(8)
        self.embed = EmbedPanel(self.context)  # surveys inside the shop's own website
        column.addWidget(self.embed)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Workspace folder")))
        column.addWidget(hint(self.tr("All of Koe's data lives in this folder on this computer.")))
        column.addLayout(folder_row)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Backups")))
        column.addWidget(self.backups)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Sections other pages link to (show_section): their heading, and the field to type in.
        self.sections: dict[str, tuple[QWidget, QWidget]] = {
            PUBLIC_HOST: (public_host, self.sync_panel.host_url),
            CHANNELS: (self.channels, self.channels),
            LOCAL_NETWORK: (lan_heading, self.lan_panel.enabled),
        }

    # -- the form ----------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the form."""
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(index, 0))
        self.business_name.setText(settings.business_name)
        self.privacy_url.setText(settings.privacy_url)
        self.port.setValue(settings.port)
        self.public_url.setText(settings.public_url)
        summary = [kind_name(settings.business_kind), plan_text(settings.reach_plan)]
        self.set_up_status.setText(" · ".join(part for part in summary if part))
        self._shown = settings
        self._show_public_url_source()
        self._update_state()

    def _on_sync_view(self, view: SyncView) -> None:
        if view.busy or view.configured == self._host_connected:
            return
        self._host_connected = view.configured
        if view.configured:
            self.public_url.setText(self.context.settings.public_url)
        self._show_public_url_source()
        self._update_state()

    def _show_public_url_source(self) -> None:
        """One setting, not two: while a public host is connected, its address is the
        public address (Settings ▸ Public host sets it), shown here but not typed."""
        self.public_url.setReadOnly(self._host_connected)
        if self._host_connected:
            self.public_url_hint.setText(
                self.tr(
                    "Set from the public host below: every link starts with its address. "
                    "Disconnect the host to type another address."
                )
            )
        else:
            self.public_url_hint.setText(
                self.tr(
                    "Connect a public host below and Koe sets this from it. Type an address "
                    "here only when customers reach this computer some other way; leave it "
                    "empty to use this computer's own address."
                )
            )

    def values(self) -> dict[str, object]:
        """The form as keyword arguments for ``save_settings``."""
        values: dict[str, object] = {
            "language": self.language.currentData() or "",
            "business_name": self.business_name.text().strip(),
            "privacy_url": self.privacy_url.text().strip(),
            "port": self.port.value(),
        }
        if not self._host_connected:  # else the host's address, never saved from here
            values["public_url"] = self.public_url.text().strip().rstrip("/")
        return values

    def problems(self) -> list[str]:
        """What stops the form from being saved, in plain words."""
        found = []
        values = self.values()
        if values["privacy_url"] and not is_web_address(str(values["privacy_url"])):
            found.append(
                self.tr(
                    "The privacy notice must be a web address starting with http:// or https://."
                )
            )
        if values.get("public_url") and not is_web_address(str(values["public_url"])):
            found.append(
                self.tr(
                    "The public address must start with http:// or https:// and name a host, "
                    "e.g. https://survey.example.com."
                )
            )
        return found

    def changes(self) -> dict[str, object]:
        current = self.context.settings
        return {
            key: value for key, value in self.values().items() if getattr(current, key) != value
        }

    def _update_state(self) -> None:
        problems = self.problems()
        self.save_button.setEnabled(not self._saving and not problems and bool(self.changes()))
        if problems:
            self.save_status.setText(" ".join(problems))
        elif self.changes():
            self.save_status.setText(self.tr("Unsaved changes."))
        elif not self._saving and self.save_status.text() == self.tr("Unsaved changes."):
            self.save_status.clear()

    def save(self) -> None:
        """Store the changed settings (Ctrl+S)."""
        changes = self.changes()
        if self._saving or not changes or self.problems():
            return
        self._saving = True
        self.save_status.setText(self.tr("Saving…"))
        self._update_state()
        self.context.save_settings(**changes)

    def _on_settings_changed(self, settings: Settings) -> None:
        was_saving, self._saving = self._saving, False
        # Saved elsewhere (the LAN switch, a public host connected): what is being
        # typed here stays, unless that very setting was changed there.
        typed = {} if was_saving else self._typed()
        typed = {k: v for k, v in typed.items() if getattr(settings, k) == getattr(self._shown, k)}
        self.load(settings)
        if typed:
            self._retype(typed)
        if was_saving:
            self.save_status.setText(self.tr("Saved."))
            self.saved.emit(settings)

    def _typed(self) -> dict[str, object]:
        """The form's values that differ from the settings it last showed."""
        return {k: v for k, v in self.values().items() if getattr(self._shown, k) != v}

    def _retype(self, typed: dict[str, object]) -> None:
        if "language" in typed:
            self.language.setCurrentIndex(max(self.language.findData(typed["language"]), 0))
        for name in ("business_name", "privacy_url", "public_url"):
            if name in typed:
                getattr(self, name).setText(str(typed[name]))
        if "port" in typed:
            self.port.setValue(int(typed["port"]))  # type: ignore[call-overload]

    def _on_save_failed(self, error: str) -> None:
        # save_settings has no error callback of its own; its failure arrives here.
        if self._saving:
            self._saving = False
            self._update_state()  # first: it would say "Unsaved changes." over the error
            self.save_status.setText(
                self.tr("Could not save: {error}").format(error=error_text(error))
            )

    # -- the rest ----------------------------------------------------------------

    def view_state(self) -> int:
        """What a page built again keeps (MainWindow.rebuild_pages): where it was scrolled."""
        return self.scroll.verticalScrollBar().value()

    def restore_view(self, scrolled: int) -> None:
        """Built again because a new language was saved: say so, where the owner was."""
        self.scroll.widget().adjustSize()
        self.scroll.verticalScrollBar().setValue(scrolled)
        self.save_status.setText(self.tr("Saved. Koe now speaks the language you chose."))

    def show_section(self, key: str) -> None:
        """Scroll ``key``'s section (``ui.context.PUBLIC_HOST``, ``LOCAL_NETWORK``) to the
        top and focus its first field; the page must be the one shown
        (``MainWindow.show_settings``)."""
        section = self.sections.get(key)
        if section is None:
            return
        title, field = section
        # The page may be shown for the first time: lay it out before measuring it.
        self.scroll.widget().adjustSize()
        top = title.mapTo(self.scroll.widget(), QPoint()).y()
        self.scroll.verticalScrollBar().setValue(top - SECTION_MARGIN)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_server(self, url: str, error: str) -> None:
        self.server_status.setText(server_status_text(url, error))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.workspace.folder)))

    def _paint_icons(self) -> None:
        self.save_button.setIcon(icon("save", self.palette()))
        self.open_folder_button.setIcon(icon("folder-open", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)


def _label_for(text: str, field: QWidget) -> QLabel:
    """A form label as tall as ``field``, so its text lines up with the field's
    and not with the middle of the field and its hint."""
    label = QLabel(text)
    label.setBuddy(field)
    label.setMinimumHeight(field.sizeHint().height())
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label


def _with_hint(field: QWidget, text: str | QLabel, *, full_width: bool = True) -> QWidget:
    """``field`` with its explanation (a text, or a hint label to change later) right
    below it, so the two read as one."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    if full_width:
        column.addWidget(field)
    else:
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(text if isinstance(text, QLabel) else hint(text))
    return box


def _spacer(height: int) -> QWidget:
    space = QWidget()
    space.setFixedHeight(height)
    return space


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
