"""The dashboard's filter bar: period, segment, channel, campaign, and whether to
count every survey of the same kind together (one shop's NPS surveys as one score).

Signals:
    changed(): the user changed a filter; read ``filters()``, ``days()`` and ``same_kind()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from storage.dashboard import Filters
from ui.results.data import PERIOD_DAYS


class FiltersBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        names = {
            0: self.tr("All time"),
            7: self.tr("Last 7 days"),
            30: self.tr("Last 30 days"),
            90: self.tr("Last 90 days"),
            365: self.tr("Last 12 months"),
        }
        for days in PERIOD_DAYS:
            self.period.addItem(names[days], days)
        self.segment = QComboBox()
        self.channel = QComboBox()
        for name, value in (
            (self.tr("All channels"), None),
            (self.tr("SMS"), "sms"),
            (self.tr("Email"), "email"),
            (self.tr("Link or QR code"), "link"),
        ):
            self.channel.addItem(name, value)
        self.campaign = QComboBox()
        self.set_choices([], [])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for caption, combo in (
            (self.tr("Period:"), self.period),
            (self.tr("Segment:"), self.segment),
            (self.tr("Channel:"), self.channel),
            (self.tr("Campaign:"), self.campaign),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_change)
        self.all_of_kind = QCheckBox(self.tr("All surveys of this kind"))
        self.all_of_kind.setToolTip(
            self.tr("Count the answers of every survey with the same kind of score together")
        )
        self.all_of_kind.toggled.connect(lambda _on: self.changed.emit())
        layout.addWidget(self.all_of_kind)
        layout.addStretch(1)

    def set_choices(
        self, segments: list[tuple[int, str]], campaigns: list[tuple[int, str]]
    ) -> None:
        """Fill the segment and campaign lists, keeping the choice when it still exists."""
        for combo, rows, everyone in (
            (self.segment, segments, self.tr("All contacts")),
            (self.campaign, campaigns, self.tr("All campaigns")),
        ):
            chosen = combo.currentData()
            blocked = combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for row_id, name in rows:
                combo.addItem(name, row_id)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(blocked)

    def filters(self) -> Filters:
        return Filters(
            segment_id=self.segment.currentData(),
            channel=self.channel.currentData(),
            campaign_id=self.campaign.currentData(),
        )

    def same_kind(self) -> bool:
        return self.all_of_kind.isChecked()

    def days(self) -> int:
        return int(self.period.currentData() or 0)

    def _on_change(self, _index: int) -> None:
        self.changed.emit()
