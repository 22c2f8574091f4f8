"""Settings ▸ Your shop's look, Thank-you page and Protection: the logo and colour of the
survey pages (ui.settings.shop_look_section), what the survey site says after an answer,
and how it guards its public links.

Thank-you page: a promise that someone will follow up with unhappy customers,
a referral link for the happiest ones, and a public review link for every
customer alike (offering it only to happy customers, "review gating", breaks
Google's review policy). Protection: how many answers one internet address
may send a minute to a public link, and the reverse proxies whose
X-Forwarded-For header may name the visitor's address.

Saved through ``AppContext.save_settings`` (the worker writes); the survey
site reads the settings on each request, so a change applies at once.

Signals:
    saved(): the settings were stored.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storage.settings import Settings
from ui.common.problem_words import error_text
from ui.common.widgets import heading, hint
from ui.context import AppContext
from ui.settings.form_rows import align_form_labels, label_for, settings_form
from ui.settings.shop_look_section import ShopLookSection

RATE_RANGE = (1, 10_000)
_SEPARATORS = re.compile(r"[\s,、，]+")


def split_addresses(text: str) -> tuple[str, ...]:
    """The addresses typed in one line, separated by commas or spaces."""
    return tuple(part for part in _SEPARATORS.split(text.strip()) if part)


def is_address(text: str) -> bool:
    """An IPv4 or IPv6 address, or a network such as 10.0.0.0/8."""
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False
    return True


def _is_web_address(text: str) -> bool:
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text


class RespondentSettingsPanel(QWidget):
    """The thank-you page and protection settings. See the module docstring for its signals."""

    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._saving = False
        self._shown: Settings = context.settings

        self.follow_up = QCheckBox(self.tr("Promise a follow-up to unhappy customers"))
        self.referral_url = QLineEdit()
        self.referral_url.setPlaceholderText("https://")
        self.review_url = QLineEdit()
        self.review_url.setPlaceholderText("https://")
        self.rate_limit = QSpinBox()
        self.rate_limit.setRange(*RATE_RANGE)
        self.rate_limit.setMinimumWidth(110)
        self.rate_limit.setGroupSeparatorShown(False)
        self.proxies = QLineEdit()
        self.proxies.setPlaceholderText(self.tr("e.g. 127.0.0.1"))
        self.save_button = QPushButton(self.tr("Save thank-you and protection settings"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.look = ShopLookSection(context)  # logo and colour: saved on their own

        self._build()
        self.load(context.settings)
        for edit in (self.referral_url, self.review_url, self.proxies):
            edit.textChanged.connect(self._update_state)
        self.follow_up.toggled.connect(self._update_state)
        self.rate_limit.valueChanged.connect(self._update_state)
        context.settings_changed.connect(self._settings_changed)
        context.worker.failed.connect(self._save_failed)

    def _build(self) -> None:
        thanks = settings_form()
        thanks.addRow(
            _with_hint(
                self.follow_up,
                self.tr(
                    "Customers who give a low score read that someone from your team will get "
                    "in touch. Only after a personal link (SMS or email), so you know whom to "
                    "call."
                ),
            )
        )
        thanks.addRow(
            label_for(self.tr("Referral link"), self.referral_url),
            _with_hint(
                self.referral_url,
                self.tr("Offered to your happiest customers (promoters) to recommend you."),
            ),
        )
        thanks.addRow(
            label_for(self.tr("Public review link"), self.review_url),
            _with_hint(
                self.review_url,
                self.tr(
                    "Offered to every customer, whatever their score: asking only happy "
                    "customers for reviews breaks Google's review rules."
                ),
            ),
        )
        protection = settings_form()
        protection.addRow(
            label_for(self.tr("Answers a minute from one address"), self.rate_limit),
            _with_hint(
                self.rate_limit,
                self.tr(
                    "On public links (QR codes, shared links), more answers than this from one "
                    "internet address in a minute are asked to wait. Personal links are not "
                    "limited."
                ),
                full_width=False,
            ),
        )
        protection.addRow(
            label_for(self.tr("Trusted proxy addresses"), self.proxies),
            _with_hint(
                self.proxies,
                self.tr(
                    "Only when the survey site runs behind a reverse proxy (nginx, Caddy): its "
                    "addresses, separated by commas, so that each visitor's own address is "
                    "used. Leave empty otherwise."
                ),
            ),
        )
        align_form_labels(thanks, protection)
        save = QHBoxLayout()
        save.addWidget(self.save_button)
        save.addWidget(self.status, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.look)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Thank-you page")))
        column.addLayout(thanks)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Protection")))
        column.addLayout(protection)
        column.addLayout(save)

    # -- the form ----------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the form."""
        self._shown = settings
        self.follow_up.setChecked(settings.follow_up_detractors)
        self.referral_url.setText(settings.referral_url)
        self.review_url.setText(settings.review_url)
        self.rate_limit.setValue(settings.rate_limit_per_minute)
        self.proxies.setText(", ".join(settings.trusted_proxies))
        self._update_state()

    def values(self) -> dict[str, object]:
        """The form as keyword arguments for ``save_settings``."""
        return {
            "follow_up_detractors": self.follow_up.isChecked(),
            "referral_url": self.referral_url.text().strip(),
            "review_url": self.review_url.text().strip(),
            "rate_limit_per_minute": self.rate_limit.value(),
            "trusted_proxies": split_addresses(self.proxies.text()),
        }

    def problems(self) -> list[str]:
        """What stops the form from being saved, in plain words."""
        values = self.values()
        found = []
        for key, name in (
            ("referral_url", self.tr("The referral link")),
            ("review_url", self.tr("The review link")),
        ):
            if values[key] and not _is_web_address(str(values[key])):
                found.append(
                    self.tr("{name} must be a web address starting with https://.").format(
                        name=name
                    )
                )
        wrong = [text for text in split_addresses(self.proxies.text()) if not is_address(text)]
        if wrong:
            found.append(
                self.tr("Not an address: {addresses}. Type addresses such as 10.0.0.2.").format(
                    addresses=", ".join(wrong)
                )
            )
        return found

    def changes(self, against: Settings | None = None) -> dict[str, object]:
        current = against or self.context.settings
        return {k: v for k, v in self.values().items() if getattr(current, k) != v}

    def _update_state(self) -> None:
        problems = self.problems()
        self.save_button.setEnabled(not self._saving and not problems and bool(self.changes()))
        if problems:
            self.status.setText(" ".join(problems))
        elif self.changes():
            self.status.setText(self.tr("Unsaved changes."))
        elif not self._saving and self.status.text() != self.tr("Saved."):
            self.status.clear()

    # -- saving --------------------------------------------------------------------

    def save(self) -> None:
        changes = self.changes()
        if self._saving or not changes or self.problems():
            return
        self._saving = True
        self.status.setText(self.tr("Saving…"))
        self._update_state()
        self.context.save_settings(**changes)

    def _settings_changed(self, settings: Settings) -> None:
        if self._saving:
            self._saving = False
            self.load(settings)
            self.status.setText(self.tr("Saved."))
            self.saved.emit()
        elif not self.changes(self._shown):
            # Saved elsewhere (another section, a restore): show it, unless the
            # user is in the middle of changing this form.
            self.load(settings)
        else:
            self._update_state()

    def _save_failed(self, error: str) -> None:
        if self._saving:
            self._saving = False
            self._update_state()  # first: it would say "Unsaved changes." over the error
            self.status.setText(self.tr("Could not save: {error}").format(error=error_text(error)))


def _with_hint(field: QWidget, text: str, *, full_width: bool = True) -> QWidget:
    """``field`` with its explanation right below it, so the two read as one."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    if full_width:
        column.addWidget(field)
    else:
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(hint(text))
    return box
