"""Preview: save the draft, open its preview page in the browser and show its QR code.

The preview link is ``/preview/<token>``: the token is made on the first
preview and kept with the survey (``Survey.extra["preview_token"]``), so the
page shows the draft in any status and stores no answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from channels import qr
from channels.links import new_token
from ui.common.page_jobs import guarded
from ui.designer import prompts
from ui.designer.preview import PreviewDialog
from ui.designer.saver import SaveState

if TYPE_CHECKING:
    from ui.designer.page import DesignerPage

TOKEN_KEY = "preview_token"


def preview_link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/preview/{token}"


class PreviewFlow(QObject):
    """Runs one preview at a time; ``dialog`` is the last PreviewDialog shown."""

    def __init__(self, page: DesignerPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: PreviewDialog | None = None
        self._waiting = False
        self._stored_token = ""
        page.draft.loaded.connect(self._on_loaded)
        page.saver.saved.connect(self._on_saved)
        page.saver.settled.connect(self._on_settled)

    def _on_loaded(self) -> None:
        survey = self.page.draft.survey
        self._stored_token = str(survey.extra.get(TOKEN_KEY, "")) if survey else ""

    def _on_saved(self, stored: object) -> None:
        self._stored_token = str(getattr(stored, "extra", {}).get(TOKEN_KEY, ""))

    def start(self) -> None:
        """Save the draft (making its preview token on the first preview), then show it."""
        draft = self.page.draft
        if draft.survey is None:
            return
        if not draft.survey.extra.get(TOKEN_KEY):
            draft.survey.extra[TOKEN_KEY] = new_token()
            draft.touch()  # saved with the survey; not an edit to undo
        self._waiting = True
        self.page.saver.save_now()

    def _on_settled(self) -> None:
        if not self._waiting:
            return
        self._waiting = False
        saver = self.page.saver
        if not self._stored_token:
            self.page.notice.show_error(
                self.tr("The preview needs the survey saved first: %1").replace("%1", saver.reason)
            )
            return
        if saver.state in (SaveState.REFUSED, SaveState.FAILED):
            self.page.notice.show_error(
                self.tr("The preview shows the last saved version: %1").replace("%1", saver.reason)
            )
        self._show(preview_link(self.page.context.base_url(), self._stored_token))

    def _forget(self, dialog: PreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _show(self, link: str) -> None:
        def done(png: bytes) -> None:
            if not prompts.open_in_browser(link):
                self.page.notice.show_error(self.tr("No web browser could be started."))
            if self.dialog is not None:
                self.dialog.close()
            dialog = PreviewDialog(link, png, self.page.context, self.page)
            dialog.finished.connect(lambda _result: self._forget(dialog))
            self.dialog = dialog
            dialog.open()

        self.page.context.worker.submit(lambda _db: qr.png(link, box_size=8), guarded(self, done))
