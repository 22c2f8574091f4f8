"""Time zones to choose from: every IANA zone, findable by city or by its name in words.

Each row reads "Asia/Tokyo · 日本標準時" in the UI's language, so typing "tokyo",
"new york" or 「日本」 finds it. The zone's id is the row's ``ZONE_ROLE``.
"""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt, QTimeZone
from PySide6.QtGui import QStandardItem, QStandardItemModel

ZONE_ROLE = Qt.ItemDataRole.UserRole + 1
UTC = "UTC"
# Old aliases and POSIX-style names that only duplicate the cities' zones.
_LEGACY_PREFIXES = ("Etc/", "SystemV/", "US/", "posix/", "right/", "Canada/", "Brazil/", "Mexico/")


def zone_ids() -> list[str]:
    """The zones offered: each region/city once, and UTC."""
    found = {
        zone
        for zone in zoneinfo.available_timezones()
        if "/" in zone and not zone.startswith(_LEGACY_PREFIXES)
    }
    return sorted(found | {UTC})


def system_zone(offered: list[str], fallback: str) -> str:
    """This computer's time zone, as one of ``offered`` (``fallback`` when unknown)."""
    system = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    if system in ("Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu"):
        system = UTC
    return system if system in offered else fallback


def describe(zone: str, locale: QLocale) -> str:
    """ "Asia/Tokyo · Japan Standard Time": the id (spaces for underscores) and its name."""
    name = QTimeZone(zone.encode()).displayName(
        QTimeZone.TimeType.GenericTime, QTimeZone.NameType.LongName, locale
    )
    shown = zone.replace("_", " ")
    return f"{shown} · {name}" if name and name != zone else shown


class ZoneModel(QSortFilterProxyModel):
    """The zones, filtered by what was typed (any case, in the id or the name)."""

    def __init__(self, zones: list[str]) -> None:
        super().__init__()
        self.zones = QStandardItemModel()
        for zone in zones:
            item = QStandardItem(zone)
            item.setData(zone, ZONE_ROLE)
            item.setEditable(False)
            self.zones.appendRow(item)
        self.setSourceModel(self.zones)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def name_in(self, locale: QLocale) -> None:
        """Show each zone's name in ``locale``'s language."""
        for row in range(self.zones.rowCount()):
            item = self.zones.item(row)
            item.setText(describe(str(item.data(ZONE_ROLE)), locale))

    def row_of(self, zone: str) -> int:
        """The zone's row among those shown, or -1."""
        for row in range(self.rowCount()):
            if self.index(row, 0).data(ZONE_ROLE) == zone:
                return row
        return -1
