"""Settings ▸ Your shop's look: the logo and the brand colour every survey page shows,
with a live phone sketch.

A logo file is checked and resized on the worker (storage.logo_files) and stored in
the workspace at once; a file Koe cannot use is refused with the reason and the logo
before it stays. The colour is checked as it is typed (surveys.colours): the owner is
told which shades the page will use in light and dark mode when the colour itself
would not reach WCAG AA's 4.5:1, and saves it with its own button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage import site_logo
from storage.logo_files import LogoError, read_logo_file
from storage.settings import Settings
from surveys.colours import ColourError, brand_shades, contrast
from ui.common.page_jobs import guarded
from ui.common.phone_preview import PhoneLook, PhonePreview
from ui.common.problem_words import error_text
from ui.common.widgets import heading, hint
from ui.context import AppContext


class ShopLookSection(QWidget):
    """The logo and colour. Public for tests: ``use_logo_file(path)``, ``logo_status``,
    ``remove_logo_button``, ``colour_edit``, ``colour_status``, ``save_colour_button``,
    ``phone`` (the PhonePreview)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._logo = b""
        self.choose_logo_button = QPushButton(self.tr("Choose logo…"))
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove logo"))
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.logo_status = QLabel()
        self.logo_status.setWordWrap(True)
        self.colour_edit = QLineEdit()
        self.colour_edit.setPlaceholderText("#0f5fa6")
        self.colour_edit.setMaximumWidth(120)
        self.colour_edit.textChanged.connect(self._on_colour_typed)
        self.pick_button = QPushButton(self.tr("Pick…"))
        self.pick_button.clicked.connect(self._pick_colour)
        self.save_colour_button = QPushButton(self.tr("Save colour"))
        self.save_colour_button.clicked.connect(self.save_colour)
        self.colour_status = QLabel()
        self.colour_status.setWordWrap(True)
        self.phone = PhonePreview()

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch(1)
        colour_label = QLabel(self.tr("Brand colour"))
        colour_label.setBuddy(self.colour_edit)
        colour_row = QHBoxLayout()
        colour_row.addWidget(colour_label)
        colour_row.addWidget(self.colour_edit)
        colour_row.addWidget(self.pick_button)
        colour_row.addWidget(self.save_colour_button)
        colour_row.addStretch(1)
        fields = QVBoxLayout()
        fields.addWidget(QLabel(self.tr("Logo")))
        fields.addLayout(logo_row)
        fields.addWidget(self.logo_status)
        fields.addWidget(
            hint(
                self.tr(
                    "PNG, JPEG or SVG. Koe keeps a copy in the workspace, made small for "
                    "phones; an SVG with scripts, links or anything active is refused."
                )
            )
        )
        fields.addSpacing(8)
        fields.addLayout(colour_row)
        fields.addWidget(self.colour_status)
        fields.addWidget(
            hint(
                self.tr(
                    "For buttons, the chosen answer and the heading. Leave empty for Koe's blue."
                )
            )
        )
        fields.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(fields, 1)
        row.addWidget(self.phone, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("Your shop's look")))
        column.addLayout(row)

        self.colour_edit.setText(context.settings.brand_colour)
        context.settings_changed.connect(self._settings_changed)
        context.worker.submit(site_logo.load, guarded(self, self._show_logo))

    # -- logo ------------------------------------------------------------------------

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose your logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.use_logo_file(Path(path))

    def use_logo_file(self, path: Path) -> None:
        """Check, resize and store the logo in ``path``; a refusal changes nothing."""
        self.logo_status.setText(self.tr("Checking the picture…"))

        def job(db: object) -> site_logo.Logo | LogoError:
            try:
                prepared = read_logo_file(path)
            except LogoError as error:
                return error
            return site_logo.save(db, prepared)  # type: ignore[arg-type]

        self.context.worker.submit(job, guarded(self, self._logo_done), guarded(self, self._failed))

    def remove_logo(self) -> None:
        def job(db: object) -> None:
            site_logo.remove(db)  # type: ignore[arg-type]

        self.context.worker.submit(
            job, guarded(self, lambda _none: self._logo_done(None)), guarded(self, self._failed)
        )

    def _logo_done(self, result: object) -> None:
        if isinstance(result, LogoError):
            self.logo_status.setText(self._refusal(result))
            return
        self._show_logo(result)
        if result is None:
            self.logo_status.setText(self.tr("No logo: the page shows your business name."))
        else:
            self.logo_status.setText(self.tr("Logo saved. Every survey page shows it now."))

    def _failed(self, error: Exception) -> None:
        words = self.tr("Could not save: {error}").format(error=error_text(error))
        self.logo_status.setText(words)

    def _refusal(self, error: LogoError) -> str:
        words = {
            "too_large": self.tr("This picture is too large for a logo. Choose a smaller one."),
            "not_picture": self.tr("This file is not a PNG, JPEG or SVG picture."),
            "damaged": self.tr("This picture is damaged and cannot be read."),
            "unreadable": self.tr("This file could not be opened."),
            "empty": self.tr("This file is empty."),
            "active": self.tr(
                "This SVG holds scripts, links or other active parts, which a survey page must "
                "not carry. Save it as a plain drawing or as a PNG."
            ),
        }
        reason = words.get(error.reason, str(error))
        return self.tr("Not used: {reason} Your logo is unchanged.").format(reason=reason)

    def _show_logo(self, logo: object) -> None:
        self._logo = logo.content if isinstance(logo, site_logo.Logo) else b""
        self.remove_logo_button.setEnabled(bool(self._logo))
        self._show_phone()

    # -- colour ----------------------------------------------------------------------

    def _pick_colour(self) -> None:
        start = QColor(self.colour_edit.text().strip() or "#0f5fa6")
        chosen = QColorDialog.getColor(start, self, self.tr("Brand colour"))
        if chosen.isValid():
            self.colour_edit.setText(chosen.name())

    def _on_colour_typed(self, text: str) -> None:
        self.colour_status.setText(self.colour_words(text))
        saved = self.context.settings.brand_colour
        self.save_colour_button.setEnabled(self._colour_value() is not None and text != saved)
        self._show_phone()

    def _colour_value(self) -> str | None:
        text = self.colour_edit.text().strip()
        if not text:
            return ""
        try:
            return brand_shades(text).chosen
        except ColourError:
            return None

    def colour_words(self, text: str) -> str:
        """What Koe does with the colour ``text``, in plain words."""
        if not text.strip():
            return self.tr("Koe's own blue.")
        try:
            shades = brand_shades(text)
        except ColourError:
            return self.tr("Type a colour as #rrggbb, for example #0f5fa6.")
        said = []
        if shades.adjusted_light:
            said.append(
                self.tr(
                    "{colour} is too light for white text (contrast {ratio}:1, at least 4.5:1 "
                    "is needed). On light screens the page uses the darker {shade}."
                ).format(
                    colour=shades.chosen,
                    ratio=f"{contrast(shades.chosen, '#ffffff'):.1f}",
                    shade=shades.light,
                )
            )
        else:
            said.append(self.tr("Readable on light screens as it is."))
        if shades.adjusted_dark:
            said.append(
                self.tr("On dark screens it uses the lighter {shade}.").format(shade=shades.dark)
            )
        return " ".join(said)

    def save_colour(self) -> None:
        value = self._colour_value()
        if value is None:
            return
        self.save_colour_button.setEnabled(False)
        self.context.save_settings(brand_colour=value)

    def _settings_changed(self, settings: Settings) -> None:
        if self._colour_value() == settings.brand_colour:
            self.save_colour_button.setEnabled(False)
        self._show_phone()

    def _show_phone(self) -> None:
        value = self._colour_value()
        self.phone.show_look(
            PhoneLook(
                self.context.settings.business_name,
                value if value is not None else self.context.settings.brand_colour,
                self._logo,
            )
        )
