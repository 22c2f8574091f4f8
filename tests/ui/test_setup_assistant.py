"""The set-up assistant: at start on an empty workspace, in English and Japanese, skipped,
reopened from Settings, and never on a workspace with data.

Driven as an owner would: typing, Enter for Next, Esc to skip, on a real workspace
through the real KoeApp; what it stored is read back from the SQLite file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from channels.follow_ups import message as follow_up
from commands import demo
from storage import comments, first_run
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.campaign_plan import message_for
from surveys.campaigns import EMAIL, SMS, Contact, Decision
from surveys.messages import Templates
from surveys.model import Survey
from surveys.tags import TAG_SETS
from tests.helpers import free_port
from tests.ui.starting import run_app
from ui.common.i18n import install_translator, installed_language
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.setup.assistant import SetUpAssistant
from ui.surveys.new_survey_dialog import NewSurveyDialog

# The offscreen platform warns when a dialog's size limits change with its contents.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NAMES = {"en": "Sakura Bakery", "ja": "さくらベーカリー"}
STAND_INS = re.compile(r"\bus\b|当社|当店", re.IGNORECASE)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """Leave the app in English, whatever the assistant installed."""
    yield
    install_translator(qapp, "en")


def answer(
    qtbot,
    assistant: SetUpAssistant,
    *,
    language: str,
    name: str,
    search: str,
    kind: str,
    plan: str,
) -> None:
    """Answer every page by keyboard as an owner would; Enter goes on (and finishes)."""
    welcome = assistant.welcome
    next(b for b in welcome.languages.buttons() if b.property("key") == language).click()
    welcome.name.clear()
    if name.isascii():
        qtbot.keyClicks(welcome.name, name)
    else:
        welcome.name.insert(name)  # as an input method commits it (QTest types ASCII only)
    qtbot.keyClick(welcome.name, Qt.Key.Key_Return)
    assert assistant.currentPage() is assistant.time_zone
    qtbot.keyClicks(assistant.time_zone.search, search)
    qtbot.keyClick(assistant.time_zone.search, Qt.Key.Key_Return)
    assert assistant.currentPage() is assistant.kind
    if kind:
        assistant.kind.buttons[kind][0].click()
    qtbot.keyClick(assistant.kind.buttons["cafe"][0], Qt.Key.Key_Return)
    assert assistant.currentPage() is assistant.reach
    assistant.reach.buttons[plan][0].click()
    qtbot.keyClick(assistant.reach.buttons[plan][0], Qt.Key.Key_Return)  # Finish


def open_assistant(qtbot, koe: KoeApp, *, at_start: bool = True) -> SetUpAssistant:
    assistant = SetUpAssistant(koe.context, at_start=at_start)
    qtbot.addWidget(assistant)
    assistant.show()
    qtbot.waitExposed(assistant)
    return assistant


def stored(workspace: Workspace) -> settings_store.Settings:
    return settings_store.load(workspace.db())


def new_nps_survey(qtbot, window: MainWindow) -> Survey:
    """Surveys ▸ New survey ▸ Net Promoter Score, in both languages, as stored."""
    window.show_page("surveys")
    dialog = window.pages["surveys"].new_survey()  # type: ignore[attr-defined]
    assert isinstance(dialog, NewSurveyDialog)
    dialog.template_list.select("nps")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.count() - 1)  # both
    assert set(dialog.languages()) == {"ja", "en"}
    with qtbot.waitSignal(window.context.surveys_changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    db = window.context.workspace.db()
    (summary,) = survey_store.list_all(db)
    return survey_store.get(db, summary.id)


def every_text(survey: Survey) -> list[str]:
    """Every wording of the survey a respondent may read, in every language."""
    texts = [*survey.title.values()]
    for question in survey.questions:
        for text in (question.text, question.low_label, question.high_label):
            texts.extend(text.values())
        for option in question.options:
            texts.extend(option.text.values())
        for variant in question.variants.values():
            texts.extend(variant.values())
    return [text for text in texts if text]


def default_messages(settings: settings_store.Settings) -> list[str]:
    """The default invitation, reminder and follow-up texts, as they would go out."""
    out = []
    for language, phone in (("en", "+14155550100"), ("ja", "+819012345678")):
        contact = Contact(id=1, name="", phone=phone, email="a@example.com", language=language)
        for channel, recipient in ((SMS, phone), (EMAIL, "a@example.com")):
            for purpose in ("invitation", "reminder"):
                _, subject, body = message_for(
                    Decision(contact, channel, recipient),
                    purpose=purpose,
                    templates=Templates.defaults(),
                    survey_languages=("ja", "en"),
                    company=settings.business_name,
                    link="https://survey.example.com/r/x",
                    unsubscribe="https://survey.example.com/u/x",
                )
                out.extend(text for text in (subject, body) if text)
        for band in ("promoter", "passive", "detractor"):
            out.extend(follow_up(band, language, settings))
    return out


# -- at start ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ja"])
def test_at_start_an_empty_workspace_is_set_up_and_the_window_follows(
    qtbot, workspace_dir, english, language
):
    with Workspace.open(workspace_dir) as ws:
        settings_store.save(ws.db(), port=free_port())
    seen: dict[str, object] = {}

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, SetUpAssistant) and "assistant" not in seen:
                seen["assistant"] = widget.windowTitle()
                answer(
                    qtbot,
                    widget,
                    language=language,
                    name=NAMES[language],
                    search="tokyo",
                    kind="cafe",
                    plan="public_host",
                )
            elif isinstance(widget, MainWindow) and "window" not in seen:
                if not widget.is_ready():
                    # Shown at once, in the system's language, while the workspace opens.
                    seen.setdefault("loading", widget.nav.item(0).text())
                    continue
                if QApplication.activeWindow() is not widget:
                    continue  # shown, not yet active: focus is given to the active window
                settings = widget.pages["settings"]
                seen["window"] = widget.nav.item(0).text()
                seen["page"] = widget.current_page_key()
                seen["focus"] = widget.focusWidget() is settings.sync_panel.host_url
                seen["scrolled"] = settings.scroll.verticalScrollBar().value() > 0
                widget.close()

    assert run_app(workspace_dir, look) == 0
    # The window showed first, then the assistant over it, in English.
    assert seen["loading"] == "Surveys"
    assert seen["assistant"] == "Set up Koe"
    # The window's pages were built in the language chosen, and opened the public host set-up.
    assert seen["window"] == {"en": "Surveys", "ja": "アンケート"}[language]
    assert seen["page"] == "settings" and seen["focus"] and seen["scrolled"]
    with Workspace.open(workspace_dir) as ws:
        settings = stored(ws)
        assert settings.language == language
        assert settings.business_name == NAMES[language]
        assert settings.time_zone == "Asia/Tokyo"
        assert (settings.business_kind, settings.reach_plan) == ("cafe", "public_host")
        assert settings.setup_done and not settings.lan_enabled
        assert list(comments.keywords(ws.db())) == list(TAG_SETS["cafe"])


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_survey_made_after_it_names_the_business_and_never_us(
    qtbot, koe_app: KoeApp, workspace, english, language
):
    assistant = open_assistant(qtbot, koe_app)
    with qtbot.waitSignal(assistant.finished):
        answer(
            qtbot,
            assistant,
            language=language,
            name=NAMES[language],
            search="new york",
            kind="shop",
            plan="trial",
        )
    settings = stored(workspace)
    assert settings.time_zone == "America/New_York" and settings.reach_plan == "trial"
    assert settings.business_kind == "shop"
    assert list(comments.keywords(workspace.db())) == list(TAG_SETS["shop"])
    window = koe_app.build_window()
    qtbot.addWidget(window)
    window.show()
    survey = new_nps_survey(qtbot, window)
    texts = every_text(survey)
    assert NAMES[language] in survey.questions[0].text["en"]
    assert NAMES[language] in survey.questions[0].text["ja"]
    messages = default_messages(settings)
    for text in texts + messages:
        assert not STAND_INS.search(text), text
    assert sum(NAMES[language] in text for text in messages) >= 8


def test_skip_stores_only_that_it_was_seen_and_a_nameless_survey_still_reads_well(
    qtbot, koe_app: KoeApp, workspace, english
):
    before = stored(workspace)
    tags = comments.keywords(workspace.db())
    assistant = open_assistant(qtbot, koe_app)
    assert assistant.button(assistant.WizardButton.CancelButton).text() == "Skip"
    assistant.welcome.name.setText("Typed but skipped")
    with qtbot.waitSignal(koe_app.context.settings_changed):
        qtbot.keyClick(assistant, Qt.Key.Key_Escape)  # Esc = Skip
    assert assistant.outcome == "skipped"
    assert stored(workspace) == settings_store.Settings(
        **{**settings_store.as_dict(before), "setup_done": True}
    )
    assert comments.keywords(workspace.db()) == tags
    assert not first_run.is_due(workspace.db())  # not due again at the next start
    window = koe_app.build_window()
    qtbot.addWidget(window)
    window.show()
    survey = new_nps_survey(qtbot, window)
    assert survey.questions[0].text == {
        "ja": "このお店を友人や同僚に薦める可能性はどのくらいありますか？",
        "en": "How likely are you to recommend this business to a friend or colleague?",
    }
    for text in every_text(survey) + default_messages(stored(workspace)):
        assert not STAND_INS.search(text), text
        assert "{company}" not in text


def test_the_language_switches_the_assistant_at_once(qtbot, koe_app: KoeApp, english):
    install_translator(QApplication.instance(), "en")
    assistant = open_assistant(qtbot, koe_app)
    assert assistant.welcome.title() == "Welcome to Koe"
    next(b for b in assistant.welcome.languages.buttons() if b.text() == "日本語").click()
    qtbot.waitUntil(lambda: assistant.welcome.title() == "Koe へようこそ")
    assert assistant.windowTitle() == "Koe の初期設定"
    assert assistant.button(assistant.WizardButton.NextButton).text() == "次へ"
    assert assistant.button(assistant.WizardButton.CancelButton).text() == "スキップ"
    assert assistant.kind.buttons["salon"][0].text() == "サロン・クリニック"
    assistant.time_zone.search.setText("日本")  # found by its name in Japanese
    assert assistant.time_zone.zone() == "Asia/Tokyo"
    next(b for b in assistant.welcome.languages.buttons() if b.text() == "English").click()
    qtbot.waitUntil(lambda: assistant.welcome.title() == "Welcome to Koe")
    assistant.reject()
    assert installed_language() == "en"


def test_nothing_goes_on_without_a_name_or_a_way_to_reach_customers(qtbot, koe_app: KoeApp):
    assistant = open_assistant(qtbot, koe_app)
    next_button = assistant.button(assistant.WizardButton.NextButton)
    assistant.welcome.name.setText("   ")
    assert not next_button.isEnabled()
    qtbot.keyClick(assistant.welcome.name, Qt.Key.Key_Return)
    assert assistant.currentPage() is assistant.welcome
    assistant.welcome.name.setText("\u200b\x07\t")  # pasted, but nothing to read
    assert not next_button.isEnabled()
    assistant.welcome.name.setText("  Koe\u200b   Shop\x07 ")
    assert assistant.welcome.business_name() == "Koe Shop"
    assistant.welcome.name.setText("さくら\u3000ベーカリー\n")
    assert assistant.welcome.business_name() == "さくら\u3000ベーカリー"
    assistant.next()
    assistant.time_zone.search.setText("no such place")
    assert assistant.time_zone.zone() == "" and not next_button.isEnabled()
    assistant.time_zone.search.setText("")
    assert assistant.time_zone.zone()  # a zone is chosen again
    assistant.next()
    assistant.next()  # the kind of business may stay unsaid
    assert assistant.currentPage() is assistant.reach
    finish = assistant.button(assistant.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assistant.reject()


# -- later ------------------------------------------------------------------------------


@pytest.fixture
def owners_window(qtbot, workspace: Workspace) -> Iterator[MainWindow]:
    """The window on an owner's workspace that was set up before; its Wi-Fi is 127.0.0.1."""
    settings_store.save(workspace.db(), business_name="Café Koe", setup_done=True)
    koe = KoeApp(workspace, port=0, lan_host=lambda: "127.0.0.1", lan_port=0)
    koe.start_server()
    window = koe.build_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    koe.shutdown()


def test_settings_reopens_it_and_the_wifi_choice_turns_the_wifi_on(
    qtbot, owners_window: MainWindow, workspace, english
):
    window = owners_window
    window.show_page("settings")
    page = window.pages["settings"]
    assert page.set_up_status.text() == "Not set up yet."
    page.set_up_button.click()
    assistant = window.findChild(SetUpAssistant)
    assert assistant is not None and assistant.isVisible()
    assert assistant.welcome.name.text() == "Café Koe"
    assert assistant.button(assistant.WizardButton.CancelButton).text() == "Cancel"
    with qtbot.waitSignal(assistant.finished):
        answer(
            qtbot,
            assistant,
            language="ja",  # the assistant switches now, the window as it finishes
            name="Café Koe",
            search="tokyo",
            kind="cafe",
            plan="lan",
        )
    settings = stored(workspace)
    assert settings.language == "ja"
    qtbot.waitUntil(lambda: window.pages["settings"] is not page, timeout=10_000)
    assert installed_language() == "ja" and window.nav.item(0).text() == "アンケート"
    page = window.pages["settings"]
    assert page.save_status.text() == "保存しました。表示言語を切り替えました。"
    assert (settings.reach_plan, settings.lan_enabled, settings.business_kind) == (
        "lan",
        True,
        "cafe",
    )
    # Settings shows the choice and opens the shop's Wi-Fi section.
    qtbot.waitUntil(lambda: page.set_up_status.text().startswith("カフェ・飲食店 · "))
    assert "Wi-Fi" in page.set_up_status.text()
    assert window.current_page_key() == "settings"
    assert window.focusWidget() is page.lan_panel.enabled
    assert page.lan_panel.enabled.isChecked()
    qtbot.waitUntil(lambda: window.context.lan_url.startswith("http://127.0.0.1:"))


def test_just_trying_it_out_takes_the_site_off_the_wifi(
    qtbot, owners_window: MainWindow, workspace, english
):
    window = owners_window
    with qtbot.waitSignal(window.context.lan_changed, timeout=5000):
        window.context.save_settings(lan_enabled=True)
    assert window.context.lan_url
    assistant = window.open_set_up_assistant()
    with qtbot.waitSignal(window.context.lan_changed, timeout=5000):
        answer(
            qtbot,
            assistant,
            language="en",
            name="Café Koe",
            search="tokyo",
            kind="",
            plan="trial",
        )
    assert not stored(workspace).lan_enabled and window.context.lan_url == ""
    assert window.context.base_url().startswith("http://127.0.0.1:")


def test_cancel_from_settings_changes_nothing(qtbot, owners_window: MainWindow, workspace, english):
    window = owners_window
    before = stored(workspace)
    assistant = window.open_set_up_assistant()
    next(b for b in assistant.welcome.languages.buttons() if b.text() == "日本語").click()
    assistant.welcome.name.setText("Something else")
    qtbot.keyClick(assistant, Qt.Key.Key_Escape)
    assert assistant.outcome == "cancelled"
    assert installed_language() != "ja"  # the window's language is back
    qtbot.waitUntil(lambda: koe_worker_idle(window))
    assert stored(workspace) == before


def koe_worker_idle(window: MainWindow) -> bool:
    return window.context.worker.pending == 0


def test_a_workspace_with_data_never_sees_it(qtbot, workspace_dir, english):
    with Workspace.open(workspace_dir) as ws:
        demo.run(ws)
        settings_store.save(ws.db(), port=free_port())
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SetUpAssistant) and widget.isVisible():
                seen.append("assistant")
                widget.reject()
            elif isinstance(widget, MainWindow) and widget.isVisible() and widget.is_ready():
                seen.append("window")
                widget.close()

    assert run_app(workspace_dir, look) == 0
    assert seen == ["window"]
    with Workspace.open(workspace_dir) as ws:
        assert not stored(ws).setup_done  # untouched
