"""Settings ▸ Embedding on your website: the sites allowed to show a survey in a frame.

Every page of the survey site refuses to be framed (``frame-ancestors 'none'``) except
the embed route (``web.embed``), and that one only for the origins listed here. The
snippet to paste comes from the Surveys page (Copy embed code).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from storage.settings import Settings
from ui.common.widgets import heading, hint
from ui.context import AppContext
from web.embed import clean_origin


class EmbedPanel(QWidget):
    """One website address per line, checked before it is saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.origins = QPlainTextEdit()
        self.origins.setPlaceholderText("https://www.example.com")
        self.origins.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.origins.setAccessibleName(self.tr("Websites that may show your surveys"))
        self.save_button = QPushButton(self.tr("Save websites"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("Embedding on your website")))
        column.addWidget(
            hint(
                self.tr(
                    "To show a survey inside a page of your own website, list the website's "
                    "address here (one per line, starting with https://), then use Copy embed "
                    "code on the Surveys page. Other websites cannot show your surveys."
                )
            )
        )
        column.addWidget(self.origins)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        column.addLayout(row)
        context.settings_changed.connect(self._show)
        self._show(context.settings)

    def _show(self, settings: Settings) -> None:
        self.origins.setPlainText("\n".join(settings.embed_origins))

    def save(self) -> bool:
        """Save the listed websites; False (and nothing saved) when one is not an address."""
        lines = [line.strip() for line in self.origins.toPlainText().splitlines() if line.strip()]
        cleaned = [clean_origin(line) for line in lines]
        wrong = [line for line, origin in zip(lines, cleaned, strict=True) if origin is None]
        if wrong:
            self.status.setText(
                self.tr(
                    "Not saved: “%1” is not a website address like https://www.example.com."
                ).replace("%1", wrong[0])
            )
            return False
        origins = list(dict.fromkeys(o for o in cleaned if o))
        self.context.save_settings(embed_origins=origins)
        self.status.setText(
            self.tr("Saved.") if origins else self.tr("Saved: no website may show your surveys.")
        )
        return True
