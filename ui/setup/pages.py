"""The set-up assistant's four pages: one question each, with a plain sentence of why.

Every text is set in ``retranslate`` so that choosing a language on the first
page redraws the assistant in it at once (the assistant calls ``retranslate``
on Qt's LanguageChange).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from storage.settings import ON_WIFI, PUBLIC_HOST, REACH_PLANS, TRYING_OUT
from surveys.business import CAFE, KINDS, ONLINE, SALON, SHOP
from surveys.tags import TAG_SETS, tag_label
from ui.common.i18n import installed_language, resolve_language
from ui.common.widgets import hint
from ui.setup.zones import ZONE_ROLE, ZoneModel

# Each language is named in its own language, so anyone can find theirs.
LANGUAGE_NAMES = (("ja", "日本語"), ("en", "English"))
IDEOGRAPHIC_SPACE = "\u3000"  # 全角スペース, as in 「さくら　ベーカリー」
NAME_LENGTH = 80  # a name goes into every SMS: keep it to what a sign would say


def _choice(group: QButtonGroup, key: str) -> tuple[QRadioButton, QLabel]:
    """A radio button for ``key`` with its explanation indented below it."""
    button = QRadioButton()
    button.setProperty("key", key)
    group.addButton(button)
    explain = hint("")
    explain.setContentsMargins(24, 0, 0, 6)
    return button, explain


def _chosen(group: QButtonGroup) -> str:
    button = group.checkedButton()
    return str(button.property("key")) if button is not None else ""


def _choose(group: QButtonGroup, key: str) -> None:
    for button in group.buttons():
        if button.property("key") == key:
            button.setChecked(True)


class _Page(QWizardPage):
    """A page with its question as title and a sentence of why below it."""

    def __init__(self) -> None:
        super().__init__()
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.setSpacing(6)
        self.column.addWidget(self.why)
        self.column.addSpacing(10)

    def retranslate(self) -> None:
        raise NotImplementedError


class WelcomePage(_Page):
    """The language (the assistant switches to it at once) and the business's name.

    Signals:
        language_chosen(str): "ja" or "en" was picked.
    """

    language_chosen = Signal(str)

    def __init__(self, language: str, name: str) -> None:
        super().__init__()
        self.languages = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(18)
        for code, shown in LANGUAGE_NAMES:
            button = QRadioButton(shown)
            button.setProperty("key", code)
            self.languages.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        _choose(self.languages, resolve_language(language))
        self.languages.buttonToggled.connect(self._on_language)
        self.language_label = QLabel()
        self.name_label = QLabel()
        self.name = QLineEdit(name)
        self.name.setMaxLength(NAME_LENGTH)
        self.name_label.setBuddy(self.name)
        self.name.textChanged.connect(self.completeChanged)
        self.name_hint = hint("")

        self.column.addWidget(self.language_label)
        self.column.addLayout(row)
        self.column.addSpacing(14)
        self.column.addWidget(self.name_label)
        self.column.addWidget(self.name)
        self.column.addWidget(self.name_hint)
        self.column.addStretch(1)
        self.retranslate()

    def language(self) -> str:
        return _chosen(self.languages)

    def business_name(self) -> str:
        """The name as typed, without invisible characters (a control character, a
        zero-width space), a pasted tab or line break made a space, runs of spaces one;
        a Japanese full-width space stays as the owner typed it."""
        kept = "".join(
            ch if ch.isprintable() or ch == IDEOGRAPHIC_SPACE else " " if ch.isspace() else ""
            for ch in self.name.text()
        )
        return re.sub(" +", " ", kept).strip()

    def isComplete(self) -> bool:
        return bool(self.business_name())

    def initializePage(self) -> None:
        self.name.setFocus()

    def _on_language(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.language_chosen.emit(str(button.property("key")))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Koe"))
        self.why.setText(
            self.tr(
                "A few short questions and Koe is ready for your first survey. In a hurry? "
                "Skip now, and find these questions later in Settings ▸ Set-up assistant…"
            )
        )
        self.language_label.setText(self.tr("Koe's language"))
        self.name_label.setText(self.tr("Your business's name"))
        self.name.setPlaceholderText(self.tr("e.g. Sakura Bakery"))
        self.name_hint.setText(
            self.tr(
                "Customers see it on every survey and in every message: “Thank you for "
                "choosing Sakura Bakery.”"
            )
        )


class _ArrowsToList(QObject):
    """Up and Down in the search field move through the list below it."""

    def __init__(self, target: QListView, parent: QObject) -> None:
        super().__init__(parent)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            model = self.target.model()
            if step is not None and model.rowCount():
                row = self.target.currentIndex().row() + step
                row = min(max(row, 0), model.rowCount() - 1)
                self.target.setCurrentIndex(model.index(row, 0))
                return True
        return False


class TimeZonePage(_Page):
    """The workspace's time zone, this computer's by default, found by typing."""

    def __init__(self, zones: list[str], zone: str) -> None:
        super().__init__()
        self.model = ZoneModel(zones)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(lambda *_: self.completeChanged.emit())
        self.search.installEventFilter(_ArrowsToList(self.list, self))
        self.column.addWidget(self.search)
        self.column.addWidget(self.list, 1)
        self.select(zone)
        self.retranslate()

    def zone(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(ZONE_ROLE)) if index.isValid() else ""

    def select(self, zone: str) -> None:
        row = self.model.row_of(zone)
        if row >= 0:
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index, QListView.ScrollHint.PositionAtCenter)

    def isComplete(self) -> bool:
        return bool(self.zone())

    def initializePage(self) -> None:
        self.search.setFocus()
        if self.list.currentIndex().isValid():
            self.list.scrollTo(self.list.currentIndex(), QListView.ScrollHint.PositionAtCenter)

    def _filter(self, text: str) -> None:
        chosen = self.zone()
        self.model.setFilterFixedString(text.strip())
        if self.model.row_of(chosen) >= 0:
            self.select(chosen)
        elif self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.completeChanged.emit()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Which time zone is your business in?"))
        self.why.setText(
            self.tr(
                "Koe sends messages only in the daytime there, and shows every time in it. "
                "This computer's time zone is chosen already."
            )
        )
        self.search.setPlaceholderText(self.tr("Search, e.g. Tokyo"))
        self.model.name_in(QLocale())
        if self.list.currentIndex().isValid():
            self.list.scrollTo(self.list.currentIndex(), QListView.ScrollHint.PositionAtCenter)


class KindPage(_Page):
    """The kind of business: it picks comment topics that fit (optional)."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kinds = QButtonGroup(self)
        self.buttons: dict[str, tuple[QRadioButton, QLabel]] = {}
        for key in KINDS:
            button, explain = _choice(self.kinds, key)
            self.buttons[key] = (button, explain)
            self.column.addWidget(button)
            self.column.addWidget(explain)
        self.topics = hint("")
        self.topics.setTextFormat(Qt.TextFormat.PlainText)
        self.column.addSpacing(6)
        self.column.addWidget(self.topics)
        self.column.addStretch(1)
        _choose(self.kinds, kind)
        self.kinds.buttonToggled.connect(lambda *_: self._show_topics())
        self.retranslate()

    def kind(self) -> str:
        return _chosen(self.kinds)

    def _show_topics(self) -> None:
        kind = self.kind()
        if not kind:
            self.topics.setText(self.tr("Not sure? Leave it: comments keep general topics."))
            return
        language = resolve_language(installed_language())
        labels = [tag_label(tag, language) for tag in TAG_SETS[kind]]
        self.topics.setText(self.tr("Topics: %1").replace("%1", self.tr(", ").join(labels)))

    def retranslate(self) -> None:
        self.setTitle(self.tr("What kind of business is it?"))
        self.why.setText(
            self.tr(
                "Koe sorts customers' comments by topic, such as taste, waiting or price. "
                "This picks the topics that fit; you can change them in Comments."
            )
        )
        texts = {
            CAFE: (
                self.tr("Café or restaurant"),
                self.tr("Coffee shops, restaurants, bakeries, bars"),
            ),
            SHOP: (self.tr("Shop"), self.tr("Stores, boutiques, florists, bookshops")),
            SALON: (
                self.tr("Salon or clinic"),
                self.tr("Hair and beauty salons, clinics, dentists, gyms"),
            ),
            ONLINE: (
                self.tr("Online service"),
                self.tr("Online shops, apps, subscriptions, online classes"),
            ),
        }
        for key, (button, explain) in self.buttons.items():
            button.setText(texts[key][0])
            explain.setText(texts[key][1])
        self._show_topics()


class ReachPage(_Page):
    """How customers will reach the surveys: a public host, the shop's Wi-Fi, or not yet."""

    def __init__(self, plan: str) -> None:
        super().__init__()
        self.plans = QButtonGroup(self)
        self.buttons: dict[str, tuple[QRadioButton, QLabel]] = {}
        for key in REACH_PLANS:
            button, explain = _choice(self.plans, key)
            self.buttons[key] = (button, explain)
            self.column.addWidget(button)
            self.column.addWidget(explain)
        self.column.addStretch(1)
        _choose(self.plans, plan)
        self.plans.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.retranslate()

    def plan(self) -> str:
        return _chosen(self.plans)

    def isComplete(self) -> bool:
        return bool(self.plan())

    def retranslate(self) -> None:
        self.setTitle(self.tr("How will customers reach your surveys?"))
        self.why.setText(
            self.tr(
                "A survey link works only where customers' phones can reach it. You can "
                "change this later in Settings."
            )
        )
        texts = {
            PUBLIC_HOST: (
                self.tr("Through a public host on the internet (recommended)"),
                self.tr(
                    "For SMS, email and printed QR codes: links work from anywhere. Next, "
                    "Koe opens the public host set-up."
                ),
            ),
            ON_WIFI: (
                self.tr("From this computer, on the shop's Wi-Fi"),
                self.tr(
                    "For a QR code on the counter only: it works while Koe is running, and "
                    "only for phones on the same Wi-Fi as this computer."
                ),
            ),
            TRYING_OUT: (
                self.tr("Just trying it out"),
                self.tr(
                    "Links open only on this computer, and Koe marks them so everywhere: "
                    "customers cannot answer yet."
                ),
            ),
        }
        for key, (button, explain) in self.buttons.items():
            button.setText(texts[key][0])
            explain.setText(texts[key][1])
