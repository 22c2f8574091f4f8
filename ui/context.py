"""What every page of the window shares: the workspace, the database worker,
the settings and the app-wide change signals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from storage import secrets
from storage import settings as settings_store
from storage.backups import BackupOutcome
from storage.database import utc_now
from storage.settings import Settings
from storage.workspace import Workspace
from surveys.problems import Problem, as_problem
from ui.common.problem_words import problem_text
from ui.common.worker import DbWorker

if TYPE_CHECKING:
    from channels.outbox import Dispatcher
    from ui.sync_service import SyncService

# The Settings section where the public host is set up (Settings ▸ Public host).
PUBLIC_HOST = "public_host"
CHANNELS = "channels"  # Settings ▸ Messages: SMS and email
# ... and where the site is served on the shop's Wi-Fi (Settings ▸ On this network).
LOCAL_NETWORK = "local_network"


class AppContext(QObject):
    """Shared state of one running window.

    Signals:
        responses_changed(int): a response was stored for the survey with this id
            (from the embedded web server's thread, delivered on the GUI thread).
        surveys_changed(): a survey was created or changed status.
        settings_changed(object): the settings were saved; carries the new Settings.
        server_changed(str, str): the embedded server's base URL and an error text
            ("" when it runs), in the window's language (``server_error`` says it
            again in another after a change of language).
        lan_changed(str, str): the site's address on the local network ("" when it
            does not listen there) and an error text ("" when all is well).
        channels_saved(object): the message settings (Twilio, SMTP, their secrets) were
            saved (or the sender should start again); KoeApp restarts the sender with the
            secrets in ``secrets``. Carries None (once the passphrase of the encrypted file,
            which ``secrets`` now holds).
        secrets_unlocked(): the encrypted secrets file was opened (``secrets`` is set);
            KoeApp restarts the sender with it.
        sender_changed(): the sender was started, restarted or stopped (``sender``);
            may be emitted from another thread (delivered queued).
        backups_checked(object, object): the daily backup was looked at (KoeApp's
            schedule); carries the BackupOutcome, or None and why it failed (a
            surveys.problems.Problem, or text).
        setup_requested(str): the user asked to set something up in Settings; carries
            the section's key (``PUBLIC_HOST``); the main window shows it.
    """

    responses_changed = Signal(int)
    surveys_changed = Signal()
    settings_changed = Signal(object)
    server_changed = Signal(str, str)
    lan_changed = Signal(str, str)
    channels_saved = Signal(object)
    secrets_unlocked = Signal()
    sender_changed = Signal()
    backups_checked = Signal(object, object)
    setup_requested = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        worker: DbWorker,
        parent: QObject | None = None,
        *,
        settings: Settings | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.worker = worker
        # Read once at start (by the workspace opener off the GUI thread, when given;
        # else here, a tiny table); later changes come through save_settings so this
        # copy never goes stale.
        self.settings: Settings = (
            settings if settings is not None else settings_store.load(workspace.db())
        )
        self.server_url = ""
        self.server_problem: Problem | None = None
        self.lan_url = ""
        self.lan_problem: Problem | None = None
        # The sync with a public host (ui.sync_service.SyncService), set by KoeApp.
        self.sync: SyncService | None = None
        # The secrets (storage.secrets): the keyring, or the encrypted file once its
        # passphrase was given; None while that file is locked. Kept in memory only.
        self.secrets: secrets.SecretStore | None = (
            secrets.KeyringSecrets(workspace.folder) if secrets.keyring_usable() else None
        )
        # The workspace's sender (channels.outbox.Dispatcher), set by KoeApp.
        self.sender: Dispatcher | None = None
        # The time now (aware); tests give a clock they move. The last look at the
        # daily backup: its outcome, or why it failed.
        self.clock: Callable[[], datetime] = utc_now
        self.backup_outcome: BackupOutcome | None = None
        self.backup_problem: Problem | None = None
        self.backups_checked.connect(self._remember_backup)

    def base_url(self) -> str:
        """The address respondents' links are built on: the public address when one is
        set; else this computer's address on the shop's network while the site listens
        there (phones on that Wi-Fi can open it); else the site's address on this
        computer, where only this computer opens it."""
        if self.settings.public_url:
            return self.settings.base_url()
        return self.lan_url or self.server_url or self.settings.base_url()

    def request_setup(self, section: str = PUBLIC_HOST) -> None:
        """Ask the main window to show ``section`` of Settings."""
        self.setup_requested.emit(section)

    def save_settings(self, **changes: object) -> None:
        def job(db: object) -> Settings:
            return settings_store.save(db, **changes)  # type: ignore[arg-type]

        self.worker.submit(job, self.settings_saved)

    def settings_saved(self, new: Settings) -> None:
        """Keep ``new`` (just stored on the worker) and tell every page."""
        self.settings = new
        self.settings_changed.emit(new)

    def secrets_locked(self) -> bool:
        """Whether the encrypted secrets file exists and waits for its passphrase."""
        return self.secrets is None and secrets.has_fallback_file(self.workspace.folder)

    def unlock_secrets(
        self,
        passphrase: str,
        done: Callable[[secrets.SecretStore], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Open (or create) the encrypted secrets file on the worker; ``failed`` gets
        ``storage.secrets.WrongPassphrase`` for a passphrase that does not open it.
        The passphrase stays in memory only, inside the opened store."""
        folder = self.workspace.folder

        def job(_db: object) -> secrets.SecretStore | secrets.SecretsError:
            try:
                return secrets.EncryptedFileSecrets(folder, passphrase)
            except secrets.SecretsError as error:  # expected: said to the user, not logged
                return error

        def opened(store: secrets.SecretStore | secrets.SecretsError) -> None:
            if isinstance(store, secrets.SecretsError):
                failed(store)
                return
            self.secrets = store
            done(store)
            self.secrets_unlocked.emit()

        self.worker.submit(job, opened, failed)

    def _remember_backup(self, outcome: BackupOutcome | None, error: Problem | str | None) -> None:
        self.backup_outcome = outcome
        self.backup_problem = as_problem(error) if error else None

    @property
    def backup_error(self) -> str:
        """Why the last look at the daily backup failed ("" when it did not), in the
        window's language."""
        return problem_text(self.backup_problem) if self.backup_problem else ""

    @property
    def server_error(self) -> str:
        """Why the survey site does not run ("" when it does), in the window's language."""
        return problem_text(self.server_problem) if self.server_problem else ""

    @property
    def lan_error(self) -> str:
        """Why the site does not listen on the local network, in the window's language."""
        return problem_text(self.lan_problem) if self.lan_problem else ""

    def adopt_settings(self, settings: Settings) -> None:
        """Settings stored by other means than ``save_settings`` (connecting a public host
        sets the public address): every page hears of them as of a save."""
        self.settings = settings
        self.settings_changed.emit(settings)

    def set_server_state(self, url: str, error: Problem | str = "") -> None:
        self.server_url = url
        self.server_problem = as_problem(error) if error else None
        self.server_changed.emit(url, self.server_error)

    def set_lan_state(self, url: str, error: Problem | str = "") -> None:
        self.lan_url = url
        self.lan_problem = as_problem(error) if error else None
        self.lan_changed.emit(url, self.lan_error)
