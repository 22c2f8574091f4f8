"""How Settings names the assistant's answers: the kind of business and the reach plan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from storage.settings import ON_WIFI, PUBLIC_HOST, TRYING_OUT
from surveys.business import CAFE, ONLINE, SALON, SHOP


def kind_name(kind: str) -> str:
    """The kind of business in words ("" when not said)."""
    names = {
        CAFE: QCoreApplication.translate("SetUpLabels", "Café or restaurant"),
        SHOP: QCoreApplication.translate("SetUpLabels", "Shop"),
        SALON: QCoreApplication.translate("SetUpLabels", "Salon or clinic"),
        ONLINE: QCoreApplication.translate("SetUpLabels", "Online service"),
    }
    return names.get(kind, "")


def plan_text(plan: str) -> str:
    """How customers reach the surveys, in one line."""
    texts = {
        PUBLIC_HOST: QCoreApplication.translate(
            "SetUpLabels", "Customers reach the surveys through a public host."
        ),
        ON_WIFI: QCoreApplication.translate(
            "SetUpLabels",
            "Customers reach the surveys on the shop's Wi-Fi, while Koe runs on this computer.",
        ),
        TRYING_OUT: QCoreApplication.translate(
            "SetUpLabels", "Trying Koe out: links work only on this computer."
        ),
    }
    return texts.get(plan, QCoreApplication.translate("SetUpLabels", "Not set up yet."))
