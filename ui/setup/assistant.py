"""The set-up assistant: four short questions that make an empty workspace ready.

Your business's name and Koe's language, the time zone, the kind of business
(it picks comment topics that fit) and how customers will reach the surveys.
Enter goes on, Esc skips. The language switches the assistant at once: Qt
sends LanguageChange when ``install_translator`` swaps the catalogues, and
every page sets its texts again.

At start (``at_start``, an empty workspace: ``storage.first_run.is_due``) it
opens before the main window, so the window is then built in the language
chosen; Skip stores only that the assistant was seen. Opened again from
Settings, Cancel changes nothing and puts the window's language back; Finish
saves the language chosen, and the window switches to it (MainWindow builds its
pages again).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from storage import first_run
from storage.settings import ON_WIFI, PUBLIC_HOST, TRYING_OUT, Settings
from ui.common.i18n import install_translator, installed_language
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.context import LOCAL_NETWORK, AppContext
from ui.context import PUBLIC_HOST as PUBLIC_HOST_SECTION
from ui.setup.pages import KindPage, ReachPage, TimeZonePage, WelcomePage
from ui.setup.zones import system_zone, zone_ids

# What the owner did with the assistant (``SetUpAssistant.outcome``).
FINISHED, SKIPPED, CANCELLED = "finished", "skipped", "cancelled"
# The Settings section to show after finishing, by reach plan (MainWindow.show_settings).
SECTION_AFTER = {PUBLIC_HOST: PUBLIC_HOST_SECTION, ON_WIFI: LOCAL_NETWORK}


class SetUpAssistant(QWizard):
    """Asks the four questions and stores the answers (``storage.first_run.finish``).

    Signals:
        saved(object): the answers were stored; carries the new Settings.
    """

    saved = Signal(object)

    def __init__(
        self, context: AppContext, *, at_start: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.at_start = at_start
        self.outcome = ""
        self.tags_replaced = False
        self._saving = False
        self._retranslating = False
        # What to go back to when the window keeps its language.
        self._window_language = installed_language()
        settings = context.settings
        zones = zone_ids()
        zone = settings.time_zone if settings.setup_done else ""
        if zone not in zones:
            zone = system_zone(zones, settings.time_zone)

        self.welcome = WelcomePage(
            settings.language or self._window_language, settings.business_name
        )
        self.time_zone = TimeZonePage(zones, zone)
        self.kind = KindPage(settings.business_kind)
        self.reach = ReachPage(settings.reach_plan)
        for page in (self.welcome, self.time_zone, self.kind, self.reach):
            self.addPage(page)
        self.welcome.language_chosen.connect(self._switch_language)

        self.setObjectName("set_up_assistant")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 480)
        self._retranslate()

    # -- answers --------------------------------------------------------------------

    def answers(self) -> dict[str, object]:
        """The settings the assistant stores (the kind of business aside)."""
        plan = self.reach.plan()
        values: dict[str, object] = {
            "language": self.welcome.language(),
            "business_name": self.welcome.business_name(),
            "time_zone": self.time_zone.zone(),
            "reach_plan": plan,
        }
        if plan == ON_WIFI:
            values["lan_enabled"] = True  # KoeApp starts listening on the Wi-Fi at once
        elif plan == TRYING_OUT:
            values["lan_enabled"] = False  # links open on this computer only, as it says
        return values

    def next_section(self) -> str:
        """The Settings section to open once finished ("" for none)."""
        return SECTION_AFTER.get(self.reach.plan(), "") if self.outcome == FINISHED else ""

    # -- closing --------------------------------------------------------------------

    def accept(self) -> None:
        """Finish: store the answers, then close (the assistant stays open if that fails)."""
        if self._saving:
            return
        self._saving = True  # a second Enter or Esc waits for this save
        kind, answers = self.kind.kind(), self.answers()

        def job(db: object) -> tuple[Settings, bool]:
            return first_run.finish(db, kind, **answers)  # type: ignore[arg-type]

        self.context.worker.submit(job, guarded(self, self._saved), guarded(self, self._not_saved))

    def _saved(self, result: tuple[Settings, bool]) -> None:
        settings, self.tags_replaced = result
        self._saving = False
        self.outcome = FINISHED
        if not self.at_start:
            self._restore_language()
        self.context.settings_saved(settings)
        self.saved.emit(settings)
        super().accept()

    def _not_saved(self, error: Exception) -> None:
        self._saving = False
        QMessageBox.warning(
            self,
            self.windowTitle(),
            self.tr("The answers could not be saved: %1").replace("%1", error_text(error)),
        )

    def reject(self) -> None:
        """Skip (at start: the assistant is not shown again) or Cancel (nothing changes)."""
        if self._saving:
            return
        self._restore_language()
        if self.at_start:
            self.outcome = SKIPPED
            self.context.worker.submit(first_run.skip, self.context.settings_saved)
        else:
            self.outcome = CANCELLED
        super().reject()

    def _restore_language(self) -> None:
        if installed_language() != self._window_language:
            install_translator(QCoreApplication.instance(), self._window_language)

    # -- language -------------------------------------------------------------------

    def _switch_language(self, language: str) -> None:
        install_translator(QCoreApplication.instance(), language)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # One translator swap sends several LanguageChange events: redraw once after them.
        if event.type() == QEvent.Type.LanguageChange and not self._retranslating:
            self._retranslating = True
            QTimer.singleShot(0, self, self._retranslate)

    def _retranslate(self) -> None:
        self._retranslating = False
        self.setWindowTitle(self.tr("Set up Koe"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(
            QWizard.WizardButton.CancelButton,
            self.tr("Skip") if self.at_start else self.tr("Cancel"),
        )
        for page in (self.welcome, self.time_zone, self.kind, self.reach):
            page.retranslate()
